"""The adapted check-worthiness part: a learned layer over any check-worthiness model.

Its decision value is the base model's log-odds plus a MAP logistic layer (prior centred on
"no change", :mod:`factcheck.adapt.logistic`) over the adaptation's own hashed word features,
the rules' cue features of the fast tier (facets, figures, reporting verbs, first person,
opinion words, questions, length: :func:`factcheck.checkworthy.cue_features`, already capped
and scaled to at most 1, so one prior strength suits them all), a bias and the
base log-odds itself (so the layer can also re-scale the base). The cue features are few and
dense, so a newsroom's verdicts can move them (say, "a sentence with a figure is worth checking
here more than the base thinks") long before they can move single words. It reads the base
only through ``predict_proba``, so it adapts the fast tier or the accurate tier; over an adapted
part (last month's model) it adds to that part's decision values, keeps its exceptions, and is
saved as one layer over that part's own base.
Reviewers' answers are kept as exceptions by sentence (:mod:`factcheck.adapt.exceptions`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import NotFittedError
from ..types import SentenceInput
from . import logistic
from .exceptions import sentence_key
from .hashing import N_BITS, hashed_matrix
from ..checkworthy import CUE_FEATURES, cue_features
from .part import column_l2, fit_layer, fold_layer, load_base, load_part, save_part

TYPE = "checkworthy-adapted"


def _text(x) -> str:
    return x if isinstance(x, str) else x.text


def f1_at_zero(y: np.ndarray, z: np.ndarray) -> float:
    """Return the F1 of the positive class for decision values z at 0 (score 0.5)."""
    pred, y = z >= 0, np.asarray(y, dtype=bool)
    tp = int(np.sum(pred & y))
    return 2 * tp / max(1, int(pred.sum()) + int(y.sum()))


#: the decision shifts tried for the operating point, nearest 0 first among equals
SHIFTS = tuple(np.round(np.arange(-1.0, 1.01, 0.25), 2))


def choose_shift(y: np.ndarray, oof: Sequence[np.ndarray]) -> float:
    """Return the shift of :data:`SHIFTS` whose F1 (at decision value 0, averaged over the
    out-of-fold decision values of each fold assignment) is best; of equals, the one nearest 0."""
    if not len(oof):
        return 0.0
    f1 = {s: float(np.mean([f1_at_zero(y, z + s) for z in oof])) for s in SHIFTS}
    best = max(f1.values())
    return float(min((s for s in SHIFTS if f1[s] >= best - 1e-9), key=abs))


def validated_shift(y: np.ndarray, oof: Sequence[np.ndarray], assignments: Sequence[np.ndarray]) -> float:
    """Return the operating point to use: :func:`choose_shift` on all out-of-fold values if a shift
    so chosen is itself worth choosing, else 0 (the base's). Worth choosing: with each fold's shift
    chosen on the other folds' values, F1 over the folds (averaged over the assignments) beats the
    F1 at shift 0. With a hundred verdicts an F1-best shift is mostly noise; with a thousand of an
    unbalanced newsroom it is not, and this tells the two apart on the verdicts themselves."""
    if not len(oof):
        return 0.0
    y = np.asarray(y)
    chosen, kept = [], []
    for z, folds in zip(oof, assignments):
        moved = np.array(z, dtype=np.float64, copy=True)
        for f in np.unique(folds):
            rest = folds != f
            moved[~rest] += choose_shift(y[rest], [z[rest]])
        chosen.append(f1_at_zero(y, moved))
        kept.append(f1_at_zero(y, z))
    return choose_shift(y, oof) if np.mean(chosen) > np.mean(kept) + 1e-9 else 0.0


class AdaptedCheckworthy:
    """A check-worthiness model adapted to a newsroom's verdicts (scikit-learn contract).

    ``base`` is the base part's directory (or a loaded part); ``l2`` the prior strengths
    ``(words, calibration)`` (:func:`factcheck.adapt.part.column_l2`), or None to choose them by
    cross-validation grouped by ``groups`` (on the out-of-fold log-loss) in :meth:`fit`; ``shift``
    is added to the decision value (None: 0, or with ``l2=None`` chosen on the same out-of-fold
    values when the choice validates, :func:`validated_shift`)."""

    def __init__(self, *, base=None, l2: tuple | None = None, shift: float | None = None, n_bits: int = N_BITS,
                 cues: bool = True):
        self.base = base
        self.cues = cues
        self.l2 = l2
        self.shift = shift
        self.n_bits = n_bits

    def _features(self, X: Sequence) -> tuple:
        """Return the columns of the design that do not depend on the base: the hashed words and
        the cue features (none without ``cues``)."""
        h = hashed_matrix([_text(x) for x in X], self.n_bits)
        cues = cue_features(list(X)).astype(np.float64) if self.cues else np.zeros((len(X), 0))
        return h, cues

    def _design(self, X: Sequence, zb: np.ndarray, features: tuple | None = None):
        import scipy.sparse as sp
        h, cues = features if features is not None else self._features(X)
        return sp.hstack([h, sp.csr_matrix(np.column_stack([cues, np.ones(len(X)), zb]))], format="csr")

    def _same_shape(self, other) -> bool:
        return isinstance(other, AdaptedCheckworthy) and other.n_bits == self.n_bits and other.cues == self.cues

    def _column_l2(self, l2) -> np.ndarray:
        return column_l2(l2, 1 << self.n_bits, 0, 2 + (len(CUE_FEATURES) if self.cues else 0))

    def _base_logit(self, X: Sequence, features: tuple | None = None) -> np.ndarray:
        """Return the base's log-odds: an adapted base's decision values (before its exceptions,
        which are this part's too), any other base's from its scores."""
        if isinstance(self.base_, AdaptedCheckworthy):
            return self.base_.decision_function(X, features=features if self._same_shape(self.base_) else None)
        return logistic.logit(self.base_.predict_proba(list(X))[:, 1])

    def fit(self, X: Sequence[SentenceInput | str], y, *, groups: Sequence | None = None,
            sample_weight=None) -> "AdaptedCheckworthy":
        """Fit the layer on sentences X and 0/1 labels y; return self."""
        self.base_, self.base_dir_ = load_base(self.base)
        y = np.asarray(y, dtype=np.float64)
        features = self._features(X)
        zb = self._base_logit(X, features)
        M = self._design(X, zb, features)
        # both classes weigh the same, as in the base's own fit, so the base's operating point
        # (its decision shift, chosen for triage) keeps its meaning
        w = logistic.balanced_weights(y) * (1.0 if sample_weight is None else np.asarray(sample_weight, dtype=float))
        l2, self.cv_, shift = self.l2, {}, self.shift
        if l2 is None:
            groups = list(groups) if groups is not None else list(range(len(y)))
            oof: dict = {}

            def fit_predict(l2, tr, te):
                return zb[te] + M[te] @ fit_layer(M[tr], zb[tr], y[tr], w[tr], self._column_l2(l2))
            # the prior strength by the (class-balanced) log-loss the layer itself minimises: a
            # smooth criterion, where F1 at one cut on a hundred claims moves by whole claims
            l2, self.cv_ = logistic.choose_l2(groups, fit_predict, lambda z: -logistic.log_loss(y, z, w), oof=oof)
            if shift is None and tuple(l2) in oof:
                # the operating point for F1 on the same out-of-fold values, if that choice validates
                shift = validated_shift(y, oof[tuple(l2)], logistic.fold_assignments(groups))
        self.l2_, self.shift_ = tuple(l2), float(shift or 0.0)
        self.theta_ = fit_layer(M, zb, y, w, self._column_l2(self.l2_))
        # over an adapted part its reviewers' answers stay: last month's answers are not forgotten
        self.exceptions_ = dict(self.base_.exceptions_) if isinstance(self.base_, AdaptedCheckworthy) else {}
        self.classes_ = np.array([0, 1])
        return self

    def remember(self, texts: Sequence[str], labels: Sequence[int]) -> "AdaptedCheckworthy":
        """Keep reviewers' answers on these sentences as exceptions; return self."""
        self.exceptions_.update({sentence_key(t): int(v) for t, v in zip(texts, labels)})
        return self

    def decision_function(self, X: Sequence[SentenceInput | str], *, features: tuple | None = None) -> np.ndarray:
        """Return the adapted log-odds of the sentences (before exceptions); ``features`` is what
        :meth:`_features` gave for X (computed when None)."""
        if not hasattr(self, "theta_"):
            raise NotFittedError("this AdaptedCheckworthy is not fitted: call fit(X, y) or load(directory) first")
        if len(X) == 0:
            return np.zeros(0)
        features = features if features is not None else self._features(X)
        zb = self._base_logit(X, features)
        return zb + self._design(X, zb, features) @ self.theta_ + self.shift_

    def predict_proba(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return an (n, 2) array: P(not check-worthy), P(check-worthy); a sentence a reviewer
        answered keeps the side of 0.5 they chose."""
        p = logistic.sigmoid(self.decision_function(X))
        if self.exceptions_:
            for i, x in enumerate(X):
                v = self.exceptions_.get(sentence_key(_text(x)))
                if v is not None:
                    p[i] = max(p[i], 0.5) if v else min(p[i], 0.49)
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Sequence[SentenceInput | str]) -> np.ndarray:
        """Return 0/1 per sentence: 1 where the score is at least 0.5."""
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(np.int64)

    def _flat(self) -> tuple:
        """Return (base directory, weights, shift) of this part as one layer over its innermost
        base: each adapted part of the same shape beneath it is folded in (:func:`.part.fold_layer`),
        so adapting an adapted model never nests."""
        base, base_dir, theta, shift = self.base_, self.base_dir_, self.theta_, self.shift_
        while self._same_shape(base):
            theta, shift = fold_layer(theta, shift, base.theta_, base.shift_)
            base, base_dir = base.base_, base.base_dir_
        return base_dir, theta, shift

    def save(self, directory: str | Path) -> Path:
        """Write the part (config, weights, a copy of its base) to directory; return it. Over an
        adapted part, it is written as one layer over that part's base (:meth:`_flat`)."""
        if not hasattr(self, "theta_"):
            raise NotFittedError("this AdaptedCheckworthy is not fitted: call fit(X, y) first")
        base_dir, theta, shift = self._flat()
        return save_part(Path(directory), base_dir, {
            "type": TYPE, "n_bits": self.n_bits, "cues": self.cues, "l2": self.l2_, "shift": float(shift),
            "cv": {str(k): v for k, v in self.cv_.items()}, "exceptions": self.exceptions_}, theta)

    @classmethod
    def load(cls, directory: str | Path) -> "AdaptedCheckworthy":
        """Return the part saved in directory."""
        config, thetas, base = load_part(Path(directory), TYPE)
        model = cls(base=base, l2=tuple(config["l2"]), n_bits=int(config["n_bits"]), cues=bool(config.get("cues", False)))
        model.base_, model.base_dir_ = base, base.directory_
        model.theta_, model.l2_, model.cv_ = thetas[0], tuple(config["l2"]), config.get("cv", {})
        model.shift_ = float(config.get("shift", 0.0))
        model.exceptions_ = {k: int(v) for k, v in config.get("exceptions", {}).items()}
        model.classes_ = np.array([0, 1])
        return model
