"""The accurate tier: sentence embeddings from the pinned MiniLM encoder, then linear models.

Both parts follow the scikit-learn contract of the fast tier and can stand in for it:

* :class:`AccurateCheckworthy` (config type ``checkworthy-embed``): the sentence's embedding
  -> logistic regression trained on CT24 train; then, on CT24 dev, a Platt-style stacker that
  blends its logit with the fast model's (when given) and moves the decision point so that the
  dev-optimal F1 threshold falls at 0.5, the threshold the spec judges by.
* :class:`AccurateAttribution` (config type ``attribution-embed``): embeddings of the sentence
  and of the sentence before, plus the fast tier's cue-rule features -> one logistic
  regression per label. Cues and the source come from the fast tier's rules
  (:func:`explain`), so the output has the same shape as the fast tier's.

Weights are ``weights.npz`` (loaded with ``allow_pickle=False``) beside ``config.json``; nothing
is pickled. :func:`train_accurate` rebuilds both from the shared and the project's data.
torch is imported only when a model encodes text.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import ModelError, NotFittedError
from .types import LABELS, THRESHOLD, Attribution, SentenceInput

CHECKWORTHY_TYPE = "checkworthy-embed"
ATTRIBUTION_TYPE = "attribution-embed"
WEIGHTS = "weights.npz"


# -- shared helpers ------------------------------------------------------------------------

def _as_input(x: SentenceInput | str) -> SentenceInput:
    return x if isinstance(x, SentenceInput) else SentenceInput.from_text(str(x))


def _encoder(path: str | None):
    from .embeddings import shared_encoder

    return shared_encoder(path)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    return np.log(p) - np.log1p(-p)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _save_npz(directory: Path, config: dict, arrays: dict[str, np.ndarray]) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(directory / WEIGHTS, **{k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()})
    (directory / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return directory


def _load_npz(directory: Path, expected_type: str) -> tuple[dict, dict[str, np.ndarray]]:
    from .models import read_config

    directory = Path(directory)
    config = read_config(directory, expected_type)
    try:
        with np.load(directory / WEIGHTS, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except FileNotFoundError:
        raise ModelError(f"{directory} has no {WEIGHTS}; rebuild it with 'factcheck train --tier accurate'") from None
    except ValueError as exc:  # object arrays would need a pickle: refused
        raise ModelError(f"{directory / WEIGHTS} cannot be read without pickles ({exc})") from None
    return config, arrays


def _fit_logreg(F: np.ndarray, y: np.ndarray, *, C: float, seed: int, class_weight=None,
                sample_weight=None) -> tuple[np.ndarray, float]:
    """Return (coef, intercept) of an L2 logistic regression on standardised features."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight, random_state=seed)
    lr.fit(F, y, sample_weight=sample_weight)
    return lr.coef_[0].astype(float), float(lr.intercept_[0])


def _best_f1_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """Return the score threshold with the best F1 of the positive class: midway between the
    lowest score it accepts and the next lower one, so rounding cannot flip either (ties:
    the threshold nearest 0.5)."""
    values = np.unique(p)
    best, best_t = -1.0, 0.5
    for i, v in enumerate(values):
        pred = p >= v
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (pred.sum() + (y == 1).sum()) if tp else 0.0
        t = float((v + values[i - 1]) / 2) if i else float(v)
        if f1 > best + 1e-9 or (abs(f1 - best) <= 1e-9 and abs(t - 0.5) < abs(best_t - 0.5)):
            best, best_t = f1, t
    return min(max(best_t, 1e-6), 1 - 1e-6)


def explain(inputs: Sequence[SentenceInput], proba: np.ndarray, analyses: Sequence[Any] | None = None
            ) -> list[Attribution]:
    """Return one Attribution per input from label scores: the cues of each present label and
    the source come from the fast tier's rules; without them, scores alone."""
    try:
        from .attribution.analysis import analyse
        from .attribution.base import to_attribution
    except ImportError:  # the rule code is part of the fast tier; scores still stand alone
        return [Attribution(scores={lab: float(round(v, 4)) for lab, v in zip(LABELS, row)}) for row in proba]
    if analyses is None:
        analyses = [analyse(x) for x in inputs]
    return [to_attribution(np.asarray(row, dtype=float), a, x.doc_text)
            for x, row, a in zip(inputs, proba, analyses)]


# -- check-worthiness ----------------------------------------------------------------------

class AccurateCheckworthy:
    """Check-worthiness from a sentence embedding: logistic regression, combined with the fast
    model's score when one is given.

    ``fit(X, y)`` trains the embedding model; ``calibrate(X_dev, y_dev, fast=...)`` combines it
    with the fast model. ``blend="average"`` (the shipped setting) averages the two log-odds
    with equal weights and needs no data: both models are trained class-balanced, so the
    average stays neutral to the share of check-worthy sentences, which differs between CT24
    dev (23%) and dev-test (34%). ``blend="stack"`` fits the weights and moves the decision
    point to the F1-best threshold on the given dev data instead (better on dev, worse under
    such a shift).
    """

    def __init__(self, *, C: float = 3.0, class_weight: str | None = "balanced", blend: str = "average",
                 seed: int = 0, encoder_path: str | None = None):
        self.C = C
        self.class_weight = class_weight
        self.blend = blend
        self.seed = seed
        self.encoder_path = encoder_path

    # features
    def _embed(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        texts = [_as_input(x).text for x in X]
        return _encoder(self.encoder_path).encode_cached(texts)

    def _raw_logit(self, E: np.ndarray) -> np.ndarray:
        return E @ self.coef_ + self.intercept_

    def fit(self, X: Sequence[SentenceInput | str], y, *, embeddings: np.ndarray | None = None
            ) -> "AccurateCheckworthy":
        """Train the logistic regression on the embeddings of ``X``; return self.

        ``embeddings`` may pass precomputed vectors of ``X`` (as :meth:`_embed` would give)."""
        y = np.asarray(y).astype(int).ravel()
        if len(y) != len(X):
            raise ValueError(f"{len(X)} inputs but {len(y)} labels")
        if set(np.unique(y)) - {0, 1} or len(np.unique(y)) < 2:
            raise ValueError("y must hold both labels 0 and 1")
        E = self._embed(X) if embeddings is None else np.asarray(embeddings, dtype=np.float32)
        self.coef_, self.intercept_ = _fit_logreg(E, y, C=self.C, seed=self.seed, class_weight=self.class_weight)
        self.classes_ = np.array([0, 1])
        self.blend_ = np.array([1.0, 0.0, 0.0])  # a*raw + b*fast_logit + c
        self.fast_ = None
        return self

    def calibrate(self, X: Sequence[SentenceInput | str] | None = None, y=None, *, fast: Any = None,
                  embeddings: np.ndarray | None = None) -> "AccurateCheckworthy":
        """Combine with ``fast`` (a fitted check-worthiness model, or None) as ``blend`` says;
        ``stack`` learns the weights and decision point on the held-out (X, y); return self."""
        self._require()
        if self.blend == "average":
            self.blend_ = np.array([0.5, 0.5, 0.0]) if fast is not None else np.array([1.0, 0.0, 0.0])
            self.fast_ = fast
            self.threshold_on_dev_ = None
            return self
        if self.blend != "stack":
            raise ValueError(f"blend must be 'average' or 'stack', not {self.blend!r}")
        if X is None or y is None:
            raise ValueError("blend='stack' needs held-out X and y")
        y = np.asarray(y).astype(int).ravel()
        E = self._embed(X) if embeddings is None else np.asarray(embeddings, dtype=np.float32)
        cols = [self._raw_logit(E)]
        if fast is not None:
            cols.append(_logit(fast.predict_proba([_as_input(x) for x in X])[:, 1]))
        F = np.column_stack(cols)
        # weakly regularised: two or three numbers learnt from a thousand rows
        coef, icpt = _fit_logreg(F, y, C=10.0, seed=self.seed)
        blend = np.array([coef[0], coef[1] if fast is not None else 0.0, icpt])
        p = _sigmoid(F @ coef + icpt)
        t = _best_f1_threshold(p, y)
        blend[2] -= float(_logit(np.array([t]))[0])  # the F1-best threshold now sits at 0.5
        self.blend_ = blend
        self.fast_ = fast
        self.threshold_on_dev_ = t
        return self

    def _require(self) -> None:
        if getattr(self, "coef_", None) is None:
            raise NotFittedError("this AccurateCheckworthy is not fitted: call fit(X, y) or load(directory) first")

    def predict_proba(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return an (n, 2) array: columns P(not check-worthy), P(check-worthy)."""
        self._require()
        if not len(X):
            return np.zeros((0, 2))
        X = [_as_input(x) for x in X]
        z = self.blend_[0] * self._raw_logit(self._embed(X)) + self.blend_[2]
        if self.fast_ is not None and self.blend_[1] != 0.0:
            z = z + self.blend_[1] * _logit(self.fast_.predict_proba(X)[:, 1])
        p = _sigmoid(z)
        return np.column_stack([1 - p, p])

    def predict(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return 0/1 decisions at the spec threshold 0.5."""
        return (self.predict_proba(X)[:, 1] >= THRESHOLD).astype(int)

    def save(self, directory: str | Path) -> Path:
        """Write config.json, weights.npz and (when blended) the fast model in ``fast/``."""
        from .embeddings import ENCODER_NAME, PACKAGE, PACKAGE_VERSION

        self._require()
        directory = Path(directory)
        config = {"type": CHECKWORTHY_TYPE, "encoder": ENCODER_NAME, "encoder_package": f"{PACKAGE}=={PACKAGE_VERSION}",
                  "C": self.C, "class_weight": self.class_weight, "seed": self.seed, "blend": self.blend,
                  "score": "sigmoid(a*(E@coef+intercept) + b*logit(fast) + c), (a, b, c) = weights.npz blend",
                  "fast": "fast" if self.fast_ is not None else None,
                  "threshold_on_dev": getattr(self, "threshold_on_dev_", None)}
        _save_npz(directory, config, {"coef": self.coef_, "intercept": np.array([self.intercept_]),
                                      "blend": self.blend_})
        if self.fast_ is not None:
            self.fast_.save(directory / "fast")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "AccurateCheckworthy":
        """Return the model saved in ``directory``."""
        directory = Path(directory)
        config, w = _load_npz(directory, CHECKWORTHY_TYPE)
        self = cls(C=config.get("C", 3.0), class_weight=config.get("class_weight"), blend=config.get("blend", "average"),
                   seed=config.get("seed", 0))
        self.coef_ = w["coef"].astype(np.float32)
        self.intercept_ = float(w["intercept"][0])
        self.blend_ = w["blend"].astype(float)
        self.classes_ = np.array([0, 1])
        self.threshold_on_dev_ = config.get("threshold_on_dev")
        self.fast_ = None
        if config.get("fast"):
            from .models import load_component

            self.fast_ = load_component(directory / config["fast"])
        return self


# -- attribution ---------------------------------------------------------------------------

class AccurateAttribution:
    """Sourced / estimated / contested from the embeddings of the sentence and of the one
    before, plus the fast tier's features: its cue-rule features, optionally hashed word
    n-grams (``n_bits`` > 0), and, when ``fit`` is given the fast model, that model's log-odds
    per label. One logistic regression per label, Platt-calibrated on out-of-fold scores.

    ``fit`` accepts Y of 0/1 with -1 (or NaN) where an example says nothing of a label, and
    ``sample_weight`` / ``calibrate_on`` as the fast tier's classifier does.
    """

    def __init__(self, *, C: float = 1.0, cue_weight: float = 1.0, embed_weight: float = 1.0,
                 fast_weight: float = 1.0, n_bits: int = 0, folds: int = 5, seed: int = 0,
                 encoder_path: str | None = None):
        self.C = C
        self.cue_weight = cue_weight
        self.embed_weight = embed_weight
        self.fast_weight = fast_weight
        self.n_bits = n_bits
        self.folds = folds
        self.seed = seed
        self.encoder_path = encoder_path

    def _features(self, X: list[SentenceInput]):
        """Return (dense matrix [E | P | rule features], hashed n-gram indices, analyses)."""
        from .attribution.features import featurize

        enc = _encoder(self.encoder_path)
        E = enc.encode_cached([x.text for x in X])
        P = np.zeros_like(E)
        has = [i for i, x in enumerate(X) if x.prev_text]
        if has:
            P[has] = enc.encode_cached([X[i].prev_text for i in has])
        analyses, rules, hashed = featurize(X, max(self.n_bits, 1))
        blocks = [E * self.embed_weight, P * self.embed_weight, rules * self.cue_weight]
        # The weights put the blocks on a par under one L2 penalty: embedding dimensions are
        # many and small, rule features few and 0/1, the fast model's log-odds few and large.
        fast = getattr(self, "fast_", None)
        if fast is not None:
            blocks.append(_logit(fast.predict_proba(X)) * self.fast_weight)
        if not self.n_bits:
            hashed = [np.zeros(0, np.int64)] * len(X)
        return np.hstack(blocks).astype(np.float32), hashed, analyses

    def _matrix(self, dense: np.ndarray, hashed: list[np.ndarray]):
        if not self.n_bits:
            return dense
        from .attribution.features import sparse_matrix

        return sparse_matrix(dense, hashed, self.n_bits)

    def fit(self, X: Sequence[SentenceInput], Y, *, sample_weight=None, calibrate_on=None, fast: Any = None,
            features=None) -> "AccurateAttribution":
        """Fit one logistic regression per label and its Platt calibration; return self.

        ``fast``: a fitted fast-tier attribution model whose log-odds become features (it is
        saved with this model, in ``fast/``)."""
        from sklearn.linear_model import LogisticRegression

        self.fast_ = fast
        X = [_as_input(x) for x in X]
        Y = np.asarray(Y, dtype=float)
        if Y.ndim != 2 or Y.shape != (len(X), len(LABELS)):
            raise ValueError(f"Y must have shape ({len(X)}, {len(LABELS)}) with columns {LABELS}; got {Y.shape}")
        Y = np.where(np.isnan(Y), -1, Y).astype(int)
        w = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        cal = np.ones(len(X), bool) if calibrate_on is None else np.asarray(calibrate_on, bool)
        dense, hashed, _ = self._features(X) if features is None else features
        M = self._matrix(dense, hashed)
        rng = np.random.default_rng(self.seed)
        coef = np.zeros((len(LABELS), M.shape[1]))
        icpt = np.zeros(len(LABELS))
        platt = np.tile([1.0, 0.0], (len(LABELS), 1))

        def model():
            return LogisticRegression(C=self.C, max_iter=3000)

        for k, lab in enumerate(LABELS):
            rows = np.flatnonzero(Y[:, k] >= 0)
            y = Y[rows, k]
            if len(np.unique(y)) < 2:
                raise ValueError(f"label {lab!r} needs both positive and negative examples")
            clf = model().fit(M[rows], y, sample_weight=w[rows])
            coef[k], icpt[k] = clf.coef_[0], clf.intercept_[0]
            if self.folds < 2:
                continue
            # Platt scaling on out-of-fold scores of the calibration rows only: the data that
            # carries the spec's own labels decides where 0.5 lies.
            fold = rng.integers(0, self.folds, len(rows))
            oof = np.full(len(rows), np.nan)
            for f in range(self.folds):
                te = (fold == f) & cal[rows]
                tr = fold != f
                if te.any() and len(np.unique(y[tr])) == 2:
                    oof[te] = model().fit(M[rows[tr]], y[tr], sample_weight=w[rows[tr]]).decision_function(M[rows[te]])
            use = ~np.isnan(oof)
            if use.sum() >= 20 and len(np.unique(y[use])) == 2:
                p = LogisticRegression(C=1e4).fit(oof[use].reshape(-1, 1), y[use])
                platt[k] = p.coef_[0, 0], p.intercept_[0]
        n_dense = dense.shape[1]
        self.coef_dense_ = coef[:, :n_dense].astype(np.float32)
        self.coef_hash_ = coef[:, n_dense:].astype(np.float32)  # (3, 0) without n-grams
        self.intercept_ = icpt
        self.platt_ = platt
        self.classes_ = LABELS
        return self

    def _require(self) -> None:
        if getattr(self, "coef_dense_", None) is None:
            raise NotFittedError("this AccurateAttribution is not fitted: call fit(X, Y) or load(directory) first")

    def _scores(self, dense: np.ndarray, hashed: list[np.ndarray]) -> np.ndarray:
        z = dense @ self.coef_dense_.T + self.intercept_
        if self.n_bits:
            for i, idx in enumerate(hashed):
                z[i] += self.coef_hash_[:, idx].sum(axis=1)
        return _sigmoid(self.platt_[:, 0] * z + self.platt_[:, 1])

    def predict_proba(self, X: Sequence[SentenceInput]) -> np.ndarray:
        """Return an (n, 3) array of calibrated label scores in LABELS order."""
        self._require()
        X = [_as_input(x) for x in X]
        if not X:
            return np.zeros((0, len(LABELS)))
        dense, hashed, _ = self._features(X)
        return self._scores(dense, hashed)

    def predict(self, X: Sequence[SentenceInput]) -> list[Attribution]:
        """Return one Attribution per sentence: scores, the cues of present labels, the source."""
        self._require()
        X = [_as_input(x) for x in X]
        if not X:
            return []
        dense, hashed, analyses = self._features(X)
        return explain(X, self._scores(dense, hashed), analyses)

    def save(self, directory: str | Path) -> Path:
        """Write config.json and weights.npz; return the directory."""
        from .attribution.features import DENSE_NAMES
        from .embeddings import ENCODER_NAME, PACKAGE, PACKAGE_VERSION

        self._require()
        config = {"type": ATTRIBUTION_TYPE, "labels": list(LABELS), "encoder": ENCODER_NAME,
                  "encoder_package": f"{PACKAGE}=={PACKAGE_VERSION}", "C": self.C,
                  "cue_weight": self.cue_weight, "embed_weight": self.embed_weight, "fast_weight": self.fast_weight,
                  "n_bits": self.n_bits, "folds": self.folds, "seed": self.seed,
                  "dense_features": ["embedding(sentence)[384]", "embedding(previous sentence)[384]"] + list(DENSE_NAMES)
                  + ([f"fast-logit:{lab}" for lab in LABELS] if self.fast_ is not None else []),
                  "fast": "fast" if self.fast_ is not None else None,
                  "platt": self.platt_.tolist()}
        directory = _save_npz(Path(directory), config, {"coef_dense": self.coef_dense_, "coef_hash": self.coef_hash_,
                                                        "intercept": self.intercept_, "platt": self.platt_})
        if self.fast_ is not None:
            self.fast_.save(directory / "fast")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "AccurateAttribution":
        """Return the model saved in ``directory`` (refusing pickles and foreign feature sets)."""
        from .attribution.features import DENSE_NAMES

        directory = Path(directory)
        config, w = _load_npz(directory, ATTRIBUTION_TYPE)
        if list(config.get("labels", [])) != list(LABELS):
            raise ModelError(f"{directory} was trained for labels {config.get('labels')}, not {list(LABELS)}")
        fast_names = [f"fast-logit:{lab}" for lab in LABELS] if config.get("fast") else []
        if list(config.get("dense_features", []))[2:] != list(DENSE_NAMES) + fast_names:
            raise ModelError(f"{directory} was trained with other rule features; rebuild it with "
                             "'factcheck train --tier accurate'")
        self = cls(C=config.get("C", 1.0), cue_weight=config.get("cue_weight", 1.0),
                   embed_weight=config.get("embed_weight", 1.0), fast_weight=config.get("fast_weight", 1.0),
                   n_bits=int(config.get("n_bits", 0)),
                   folds=config.get("folds", 5), seed=config.get("seed", 0))
        self.coef_dense_ = w["coef_dense"].astype(np.float32)
        self.coef_hash_ = w["coef_hash"].astype(np.float32)
        self.intercept_ = w["intercept"].astype(np.float32)
        self.platt_ = w["platt"].astype(np.float32)
        self.classes_ = LABELS
        self.fast_ = None
        if config.get("fast"):
            from .models import load_component

            self.fast_ = load_component(directory / config["fast"])
        if self.coef_dense_.shape != (len(LABELS), 2 * 384 + len(DENSE_NAMES) + len(fast_names)) or \
                self.coef_hash_.shape != (len(LABELS), (1 << self.n_bits) if self.n_bits else 0):
            raise ModelError(f"{directory / WEIGHTS} does not match its config; rebuild the model")
        return self


# -- training ------------------------------------------------------------------------------

#: settings of the shipped accurate tier, chosen on CT24 dev and news-dev (models/accurate/MODEL_CARD.md)
CHECKWORTHY_SETTINGS: dict[str, Any] = {"C": 3.0, "class_weight": "balanced", "blend": "average"}
ATTRIBUTION_SETTINGS: dict[str, Any] = {"C": 0.03, "cue_weight": 1.0, "embed_weight": 1.0, "fast_weight": 0.3,
                                        "n_bits": 0, "folds": 5}
#: public attribution data: origin -> (cap, weight), the fast tier's weights with a smaller
#: PolNeAR cap, because every example must be encoded (minutes per thousand sentences on a
#: busy CPU).
ATTRIBUTION_PUBLIC_CHOICE: dict[str, tuple[int, float]] = {
    "polnear": (2000, 1.0), "factbank": (3129, 0.1), "wiki": (4000, 0.1), "wiki-weasel": (3000, 0.1),
    "emergent": (2071, 0.3)}
ATTRIBUTION_PUBLIC: dict[str, tuple[int, float]] | None = ATTRIBUTION_PUBLIC_CHOICE


def _train_embed_checkworthy(shared_data_dir, seed: int, fast: Any) -> AccurateCheckworthy:
    from .datasets.checkworthy import read_ct24_split

    train = read_ct24_split("train", shared_data_dir)
    dev = read_ct24_split("dev", shared_data_dir)
    cw = AccurateCheckworthy(**CHECKWORTHY_SETTINGS, seed=seed).fit([s.text for s in train], [s.label for s in train])
    if isinstance(fast, str) and fast == "train":
        try:
            from .checkworthy import train_checkworthy
        except ImportError:
            fast = None
        else:
            fast = train_checkworthy(Path(shared_data_dir) if shared_data_dir else None, seed=seed)
    return cw.calibrate([s.text for s in dev], [s.label for s in dev], fast=fast)


def train_accurate(shared_data_dir: str | Path | None, own_data_dir: str | Path | None, *, seed: int = 0,
                   embedding_cache: str | Path | None = None, fast_checkworthy: Any = "train",
                   fast_attribution: Any = "train") -> tuple[AccurateCheckworthy, AccurateAttribution]:
    """Return the accurate tier's (check-worthiness, attribution) models trained as shipped.

    Check-worthiness: CT24 train, then blended on CT24 dev with the fast model
    (``fast_checkworthy="train"`` rebuilds it with :func:`factcheck.checkworthy.train_checkworthy`;
    pass a fitted model, or None for no blend). Attribution: the fast tier's training set
    (:func:`factcheck.attribution.train.training_set`, own data + capped public sets), with the
    fast attribution model's log-odds as features (``fast_attribution="train"`` rebuilds it with
    :func:`factcheck.attribution.train.train_attribution`; pass a fitted one, or None).
    ``embedding_cache`` names an ``.npz`` of already computed sentence embeddings, read if it
    exists and written afterwards, so a rebuild need not encode everything again.
    These are the embedding-based model types (``checkworthy-embed``, ``attribution-embed``) that
    a model directory may hold; the shipped accurate tier uses neither: its check-worthiness is
    the fine-tuned model of :mod:`factcheck.finetuned` and its attribution the fast tier's.
    """
    from .attribution.train import training_set

    enc = _encoder(None)
    enc.cache_size = 500_000  # training reads ~60,000 texts; all must stay cached until the end
    if embedding_cache is not None and Path(embedding_cache).exists():
        enc.load_cache(embedding_cache)
    try:
        cw = _train_embed_checkworthy(shared_data_dir, seed, fast_checkworthy)

        fast_att = fast_attribution
        if isinstance(fast_att, str) and fast_att == "train":
            from .attribution.train import train_attribution

            fast_att = train_attribution(shared_data_dir, own_data_dir, seed=seed)
        X, Y, w, cal, _ = training_set(shared_data_dir, own_data_dir, seed=seed, public=ATTRIBUTION_PUBLIC)
        att = AccurateAttribution(**ATTRIBUTION_SETTINGS, seed=seed).fit(X, Y, sample_weight=w, calibrate_on=cal,
                                                                         fast=fast_att)
    finally:
        if embedding_cache is not None:
            enc.save_cache(embedding_cache)
        enc.cache_size = 20_000
    return cw, att
