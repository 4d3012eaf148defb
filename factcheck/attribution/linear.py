"""The trained fast classifier: one logistic regression per label over the cue-rule features
and hashed word n-grams, each calibrated by Platt scaling on cross-validated scores.

Predicting needs only NumPy: a dot product with the dense rule features and a sum over the
hashed indices. Weights are stored as ``weights.npz`` (loaded with ``allow_pickle=False``) and
the settings as ``config.json``; nothing is pickled.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError
from ..types import LABELS, Attribution, SentenceInput
from . import base as _base
from .base import check_inputs, read_config, require_fitted, to_attribution, write_config
from .features import DENSE_NAMES, N_DENSE, featurize, sparse_matrix

TYPE = "attribution-linear"


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


class AttributionClassifier:
    """Sourced / estimated / contested scores from a calibrated linear model per label.

    ``fit`` accepts ``Y`` of 0/1, and also -1 for "unknown" (a data set that says nothing of a
    label), with optional ``sample_weight`` and ``calibrate_on`` (a boolean mask of the rows
    whose cross-validated scores calibrate the model; by default all).
    """

    def __init__(self, *, C: float = 1.0, n_bits: int = 16, hash_scale: float = 0.3, folds: int = 5, seed: int = 0):
        self.C = C
        self.hash_scale = hash_scale
        self.n_bits = n_bits
        self.folds = folds
        self.seed = seed

    # -- fitting ------------------------------------------------------------------------------
    def fit(self, X: Sequence[SentenceInput], Y, *, sample_weight=None, calibrate_on=None) -> "AttributionClassifier":
        """Fit one logistic regression per label and its Platt calibration; return self."""
        X = check_inputs(X)
        Y = np.asarray(Y)
        if Y.ndim != 2 or Y.shape != (len(X), len(LABELS)) or not np.isin(Y, (-1, 0, 1)).all():
            raise ValueError(f"Y must have shape ({len(X)}, {len(LABELS)}) of 0/1 (or -1 for unknown)")
        _, dense, hashed = featurize(X, self.n_bits)
        return self.fit_matrix(sparse_matrix(dense, hashed, self.n_bits, self.hash_scale), Y,
                               sample_weight=sample_weight, calibrate_on=calibrate_on)

    def fit_matrix(self, M, Y, *, sample_weight=None, calibrate_on=None) -> "AttributionClassifier":
        """Fit as :meth:`fit` does, from the feature matrix of :func:`~.features.sparse_matrix`
        (built with this model's ``n_bits`` and ``hash_scale``), so that cross-validation can
        analyse each sentence once; return self."""
        from sklearn.linear_model import LogisticRegression

        Y = np.asarray(Y)
        n = M.shape[0]
        if Y.shape != (n, len(LABELS)) or not np.isin(Y, (-1, 0, 1)).all():
            raise ValueError(f"Y must have shape ({n}, {len(LABELS)}) of 0/1 (or -1 for unknown)")
        w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        cal = np.ones(n, bool) if calibrate_on is None else np.asarray(calibrate_on, bool)
        rng = np.random.default_rng(self.seed)
        coef = np.zeros((len(LABELS), M.shape[1]))
        intercept = np.zeros(len(LABELS))
        platt = np.tile([1.0, 0.0], (len(LABELS), 1))
        for k in range(len(LABELS)):
            rows = np.flatnonzero(Y[:, k] >= 0)
            y = Y[rows, k]
            if len(np.unique(y)) < 2:
                raise ValueError(f"label {LABELS[k]!r} needs both positive and negative examples to fit")

            def model():
                return LogisticRegression(C=self.C, solver="liblinear", max_iter=1000, random_state=self.seed)

            clf = model().fit(M[rows], y, sample_weight=w[rows])
            coef[k], intercept[k] = clf.coef_[0], clf.intercept_[0]
            # Platt scaling on out-of-fold scores of the calibration rows
            fold = rng.integers(0, self.folds, len(rows))
            oof = np.full(len(rows), np.nan)
            for f in range(self.folds):
                tr, te = fold != f, fold == f
                if te.any() and len(np.unique(y[tr])) == 2:
                    oof[te] = model().fit(M[rows[tr]], y[tr], sample_weight=w[rows[tr]]).decision_function(M[rows[te]])
            use = cal[rows] & ~np.isnan(oof)
            if use.sum() >= 20 and len(np.unique(y[use])) == 2:
                p = LogisticRegression(C=1e4).fit(oof[use].reshape(-1, 1), y[use])
                platt[k] = p.coef_[0, 0], p.intercept_[0]
        self.coef_dense_ = coef[:, :N_DENSE].astype(np.float32)
        # the hashed columns were fitted at hash_scale: fold it into the weights
        self.coef_hash_ = (coef[:, N_DENSE:] * self.hash_scale).astype(np.float32)
        self.intercept_ = intercept.astype(np.float32)
        self.platt_ = platt.astype(np.float32)
        self.classes_ = LABELS
        return self

    # -- predicting ---------------------------------------------------------------------------
    def _scores(self, dense: np.ndarray, hashed: list[np.ndarray]) -> np.ndarray:
        z = dense @ self.coef_dense_.T + self.intercept_
        if hashed:
            # one gather and one segmented sum for the whole batch
            lengths = np.fromiter((len(h) for h in hashed), dtype=np.int64, count=len(hashed))
            flat = np.concatenate(hashed)
            if len(flat):
                gathered = self.coef_hash_[:, flat]
                sums = np.add.reduceat(gathered, np.concatenate(([0], np.cumsum(lengths)[:-1])), axis=1)
                z += np.where(lengths[:, None] > 0, sums.T, 0.0)
        return _sigmoid(self.platt_[:, 0] * z + self.platt_[:, 1])

    def scores_from_features(self, dense: np.ndarray, hashed: list[np.ndarray]) -> np.ndarray:
        """Return the calibrated (n, 3) scores of featurised sentences, before the cue requirement."""
        require_fitted(self, "coef_dense_")
        return self._scores(dense, hashed)

    def predict_proba(self, X: Sequence[SentenceInput]) -> np.ndarray:
        """Return an (n, 3) array of calibrated scores, columns in LABELS order."""
        require_fitted(self, "coef_dense_")
        analyses, dense, hashed = featurize(check_inputs(X), self.n_bits)
        return _base.require_cues(self._scores(dense, hashed), analyses)

    def predict(self, X: Sequence[SentenceInput]) -> list[Attribution]:
        """Return one Attribution per sentence: scores, the cues of present labels, the source."""
        require_fitted(self, "coef_dense_")
        X = check_inputs(X)
        analyses, dense, hashed = featurize(X, self.n_bits)
        P = _base.require_cues(self._scores(dense, hashed), analyses)
        return [to_attribution(P[i], a, x.doc_text) for i, (a, x) in enumerate(zip(analyses, X))]

    # -- files --------------------------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write ``config.json`` and ``weights.npz`` into ``directory`` and return it."""
        require_fitted(self, "coef_dense_")
        directory = write_config(Path(directory), {
            "type": TYPE, "labels": list(LABELS), "dense_features": list(DENSE_NAMES),
            "C": self.C, "n_bits": self.n_bits, "hash_scale": self.hash_scale, "folds": self.folds, "seed": self.seed,
            "platt": self.platt_.tolist()})
        np.savez_compressed(directory / "weights.npz", coef_dense=self.coef_dense_, coef_hash=self.coef_hash_,
                            intercept=self.intercept_, platt=self.platt_)
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "AttributionClassifier":
        """Return the model saved in ``directory`` (refusing pickles and foreign feature sets)."""
        directory = Path(directory)
        config = read_config(directory, TYPE)
        if list(config.get("dense_features", [])) != list(DENSE_NAMES):
            raise ModelError(f"{directory} was trained with other rule features; retrain it with 'factcheck train'")
        model = cls(C=config.get("C", 1.0), n_bits=int(config["n_bits"]), hash_scale=config.get("hash_scale", 0.3),
                    folds=config.get("folds", 5),
                    seed=config.get("seed", 0))
        try:
            with np.load(directory / "weights.npz", allow_pickle=False) as w:
                model.coef_dense_ = w["coef_dense"]
                model.coef_hash_ = w["coef_hash"]
                model.intercept_ = w["intercept"]
                model.platt_ = w["platt"]
        except FileNotFoundError:
            raise ModelError(f"{directory} has no weights.npz; retrain it with 'factcheck train'") from None
        except ValueError as exc:
            raise ModelError(f"{directory / 'weights.npz'} cannot be read safely ({exc})") from None
        if model.coef_hash_.shape != (len(LABELS), 1 << model.n_bits):
            raise ModelError(f"{directory / 'weights.npz'} does not match its config; retrain the model")
        model.classes_ = LABELS
        return model
