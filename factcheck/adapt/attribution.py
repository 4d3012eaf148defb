"""The adapted attribution part: a learned layer over any attribution model and its rules.

Per label, the decision value is the base model's log-odds plus a MAP logistic layer (prior
centred on "no change") over the rules' named features and hashed words
(:func:`factcheck.attribution.features.featurize`), a bias and the base log-odds. A label the
rules found no cue for stays below 0.5, as in the base, unless a reporting cue learned from the
reviewers' sources finds its source (:mod:`factcheck.adapt.source_cues`; learned only when the
layer is not at the base setting, so "no change" changes no prediction). Reviewers' corrected labels and
sources are kept as exceptions by sentence; a corrected source is found again by its text
(where it was, else in the sentence or the one before). The base may itself be an adapted part
(last month's model): the layer adds to its decision values, keeps its exceptions and learned
cues, and is saved as one layer over that part's own base.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

import numpy as np

from ..attribution import base as _rules_base
from ..attribution.features import N_DENSE, featurize, sparse_matrix
from ..errors import NotFittedError
from ..types import LABELS, PRIMARY_LABELS, Cue, SentenceInput, Span, primary_label
from . import logistic, source_cues
from .exceptions import locate, sentence_key
from .part import column_l2, fit_layer, fold_layer, load_base, load_part, save_part

TYPE = "attribution-adapted"

#: what a primary label says of each label (None: nothing)
IMPLIED = {"contested": (None, None, 1), "estimated": (None, 1, 0), "sourced": (1, 0, 0), "unsourced": (0, 0, 0)}


def targets(primary: str | None, source_corrected: bool = False, has_source: bool = False) -> list[int]:
    """Return the 0/1 targets (-1 unknown) per label that a primary label and a source correction imply."""
    y = [-1 if v is None else v for v in IMPLIED.get(primary, (None, None, None))]
    if source_corrected:
        y[0] = int(has_source)
    return y


def at_base(l2: tuple, shifts: tuple = ()) -> bool:
    """Return whether prior strengths ``l2`` and decision ``shifts`` keep the layer at the base
    (every prior infinite, no shift)."""
    return all(np.isinf(v) for v in l2) and not any(shifts)


#: the decision shifts tried per label for the operating point, nearest 0 first among equals
SHIFTS = tuple(np.round(np.arange(-1.0, 1.01, 0.25), 2))


def choose_shifts(oof: Sequence[np.ndarray], analyses, Y: np.ndarray, primaries: Sequence[str | None],
                  rounds: int = 2) -> tuple[float, ...]:
    """Return a decision shift per label (of :data:`SHIFTS`) for the best agreement of the
    out-of-fold scores ``oof`` (one (n, 3) array per fold assignment, before the cue cap) with
    the reviewers' labels, averaged over the assignments; one label at a time, ``rounds``
    times; of equal agreement the shift nearest 0."""
    shifts = [0.0] * len(LABELS)
    if not len(oof):
        return tuple(shifts)
    Z = [logistic.logit(P) for P in oof]

    def score(sh):
        return float(np.mean([np.nanmean(agreement(_rules_base.require_cues(logistic.sigmoid(z + np.array(sh)),
                                                                            analyses), Y, primaries)) for z in Z]))
    for _ in range(rounds):
        for k in range(len(LABELS)):
            scores = {v: score([*shifts[:k], v, *shifts[k + 1:]]) for v in SHIFTS}
            best = max(scores.values())
            shifts[k] = float(min((v for v in SHIFTS if scores[v] >= best - 1e-9), key=abs))
    return tuple(shifts)


def exception_entry(x: SentenceInput, y, source) -> dict | None:
    """Return what :meth:`AdaptedAttribution.remember` keeps for a sentence: the targets ``y``
    (-1: keep the model's) and the source (``False``: no correction, None: no source, or a
    Span); None when that corrects nothing."""
    entry: dict = {"labels": [int(v) for v in y]}
    if source is not False:
        entry["source"] = None if source is None else {"rel": source.start - x.start, "text": source.text}
    return entry if any(v >= 0 for v in entry["labels"]) or "source" in entry else None


def agreement(P: np.ndarray, Y: np.ndarray, primaries: Sequence[str | None]) -> np.ndarray:
    """Return per row 1.0 where the scores P give the known primary label (else, where only the
    source is known, the right sourced side), 0.0 where not, NaN where nothing is known."""
    out = np.full(len(Y), np.nan)
    for i, (p, y, g) in enumerate(zip(P, Y, primaries)):
        if g in PRIMARY_LABELS:
            out[i] = primary_label(dict(zip(LABELS, p))) == g
        elif y[0] >= 0:
            out[i] = (p[0] >= 0.5) == bool(y[0])
    return out


class AdaptedAttribution:
    """An attribution model adapted to a newsroom's verdicts (scikit-learn contract)."""

    def __init__(self, *, base=None, l2: tuple | None = None, shifts: tuple | None = None, n_bits: int = 16,
                 hash_scale: float = 0.3):
        self.base = base
        self.l2 = l2
        self.shifts = shifts
        self.n_bits = n_bits
        self.hash_scale = hash_scale

    def _base_decision(self, X: list[SentenceInput], features) -> np.ndarray:
        """Return the base's (n, 3) log-odds before the cue cap: an adapted base's own decision
        values (its exceptions and learned cues are this part's too, see :meth:`fit`), a linear
        base's from the features already computed, any other base's from its scores."""
        analyses, dense, hashed = features
        if isinstance(self.base_, AdaptedAttribution):
            return self.base_._decision(X, features=features if self.base_.n_bits == self.n_bits else None)[1]
        if hasattr(self.base_, "scores_from_features") and getattr(self.base_, "n_bits", None) == self.n_bits:
            return logistic.logit(self.base_.scores_from_features(dense, hashed))
        return logistic.logit(self.base_.predict_proba(X))

    def _parts(self, X: list[SentenceInput], features=None):
        """Return (analyses, design matrix, base log-odds (n, 3) before the cue cap); ``features``
        is what :func:`featurize` gave for X with this part's ``n_bits`` (computed when None)."""
        import scipy.sparse as sp
        features = features if features is not None else featurize(X, self.n_bits)
        analyses, dense, hashed = features
        M = sparse_matrix(dense, hashed, self.n_bits, self.hash_scale)
        zb = self._base_decision(X, features)
        M = sp.hstack([M, sp.csr_matrix(np.ones((len(X), 1)))], format="csr")
        return analyses, M, zb

    def _with_base(self, M, zb, k):
        import scipy.sparse as sp
        return sp.hstack([M, sp.csr_matrix(zb[:, k:k + 1])], format="csr")

    def fit(self, X: Sequence[SentenceInput], Y, *, primaries: Sequence[str | None] | None = None,
            groups: Sequence | None = None, sample_weight=None,
            sources: Sequence[Span | None] | None = None) -> "AdaptedAttribution":
        """Fit the layer on inputs X and targets Y ((n, 3) of 0/1, -1 unknown); return self.
        With ``l2=None`` the prior strength is chosen by grouped cross-validation on the log-loss
        of the (cue-capped) scores on the known targets. With
        ``sources`` (the reviewers' sources, None where they gave none) and ``primaries``, the
        reporting cues the rules missed are learned too (:func:`source_cues.learn`)."""
        self.base_, self.base_dir_ = load_base(self.base)
        X = _rules_base.check_inputs(X)
        Y = np.asarray(Y).reshape(-1, len(LABELS))
        w = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        analyses, M, zb = self._parts(X)
        designs = [self._with_base(M, zb, k) for k in range(len(LABELS))]

        def fit_all(l2, rows):
            l2 = column_l2(l2, 1 << self.n_bits, N_DENSE, 2)
            thetas = np.zeros((len(LABELS), designs[0].shape[1]))
            for k in range(len(LABELS)):
                r = rows & (Y[:, k] >= 0)
                if r.any():
                    thetas[k] = fit_layer(designs[k][r], zb[r, k], Y[r, k].astype(float), w[r], l2)
            return thetas

        l2, self.cv_, shifts = self.l2, {}, self.shifts
        if l2 is None:
            primaries = list(primaries) if primaries is not None else [None] * len(X)
            oof: dict = {}

            def fit_predict(l2, tr, te):
                thetas = fit_all(l2, tr)
                z = np.column_stack([zb[te, k] + designs[k][te] @ thetas[k] for k in range(len(LABELS))])
                return logistic.sigmoid(z)

            known = Y >= 0

            def score(P):
                # the log-loss of the capped scores on every label the verdicts imply: smooth, where
                # agreement on a hundred claims moves by whole claims and mostly ties
                z = logistic.logit(_rules_base.require_cues(P, analyses))
                return -logistic.log_loss(Y[known], z[known], np.broadcast_to(w[:, None], Y.shape)[known])
            groups = list(groups) if groups is not None else list(range(len(X)))
            l2, self.cv_ = logistic.choose_l2(groups, fit_predict, score, oof=oof)
            if shifts is None:
                # the operating point of each label for the reviewers' primary labels, on the same
                # out-of-fold scores
                shifts = choose_shifts(oof.get(tuple(l2), []), analyses, Y, primaries)
        self.l2_ = tuple(l2)
        self.shifts_ = tuple(float(v) for v in (shifts or (0.0,) * len(LABELS)))
        self.theta_ = fit_all(self.l2_, np.ones(len(X), bool))
        # over an adapted part, its learned cues and reviewers' answers stay (they are not in its
        # decision values, which this layer adds to): last month's corrections are not forgotten
        inherited = isinstance(self.base_, AdaptedAttribution)
        self.source_cues_ = list(self.base_.source_cues_) if inherited else []
        # at the base setting (every prior infinite: the back-off's "no change") nothing is learned,
        # not even cues, so that the fallback scores every unseen sentence as the base does
        if sources is not None and primaries is not None and not at_base(self.l2_, self.shifts_):
            learned = source_cues.learn(analyses, [x.doc_text for x in X], [x.doc_id for x in X],
                                        list(primaries), list(sources))
            self.source_cues_ += [c for c in learned if c not in self.source_cues_]
        self.exceptions_ = dict(self.base_.exceptions_) if inherited else {}
        self.classes_ = LABELS
        return self

    def remember(self, X: Sequence[SentenceInput], Y, sources: Sequence) -> "AdaptedAttribution":
        """Keep reviewers' corrections as exceptions: per sentence the targets Y (-1: keep the
        model's) and the source (``False``: no correction, None: no source, or a Span); return self."""
        for x, y, src in zip(X, np.asarray(Y).reshape(-1, len(LABELS)), sources):
            entry = exception_entry(x, y, src)
            if entry is not None:
                self.exceptions_[sentence_key(x.text)] = entry
        return self

    def _decision(self, X: list[SentenceInput], features=None):
        """Return the rules' analyses of X and the layer's (n, 3) decision values, before the
        cue cap, the exceptions and the learned source cues."""
        analyses, M, zb = self._parts(X, features)
        z = np.column_stack([zb[:, k] + self._with_base(M, zb, k) @ self.theta_[k] + self.shifts_[k]
                             for k in range(len(LABELS))])
        return analyses, z

    def _scores(self, X: list[SentenceInput]):
        if not hasattr(self, "theta_"):
            raise NotFittedError("this AdaptedAttribution is not fitted: call fit(X, Y) or load(directory) first")
        analyses, z = self._decision(X)
        raw = logistic.sigmoid(z)  # the layer's own scores, before a missing cue caps them
        P = _rules_base.require_cues(raw.copy(), analyses)
        found = [self.exceptions_.get(sentence_key(x.text)) for x in X] if self.exceptions_ else [None] * len(X)
        learned = [None] * len(X)
        if self.source_cues_:
            for i, (a, x) in enumerate(zip(analyses, X)):
                if a.finding.source is None:
                    learned[i] = source_cues.find(a.tokens, x.doc_text, self.source_cues_)
                    if learned[i] is not None and found[i] is None:
                        # a learned cue stands for the one the rules missed: the layer's own score, at least the threshold
                        P[i, 0] = max(P[i, 0], raw[i, 0], _rules_base.THRESHOLD)
        for i, entry in enumerate(found):
            if entry is not None:
                for k, v in enumerate(entry["labels"]):
                    if v >= 0:
                        # the reviewers' answer: present at the layer's own score, at least the threshold
                        P[i, k] = max(P[i, k], raw[i, k], 0.5) if v else min(P[i, k], _rules_base.CUELESS_CAP)
        return analyses, P, found, learned

    def predict_proba(self, X: Sequence[SentenceInput]) -> np.ndarray:
        """Return an (n, 3) array of scores, columns in LABELS order."""
        return self._scores(_rules_base.check_inputs(X))[1]

    def predict(self, X: Sequence[SentenceInput]) -> list:
        """Return one Attribution per sentence, with reviewers' corrected sources where they gave one."""
        X = _rules_base.check_inputs(X)
        analyses, P, found, learned = self._scores(X)
        out = []
        for i, (a, x) in enumerate(zip(analyses, X)):
            entry = found[i]
            if learned[i] is not None and entry is None:
                att = _rules_base.to_attribution(P[i], a, x.doc_text)
                source, cue = learned[i]
                out.append(replace(att, source=source, cues=tuple(sorted(
                    (*att.cues, Cue("sourced", cue.text, cue.start, cue.end)), key=lambda c: (c.start, c.end)))))
                continue
            if entry is not None and "source" in entry:
                src = entry["source"]
                at = None if src is None else locate(x.doc_text, x.start, x.end, x.prev_start, src["rel"], src["text"])
                P[i, 0] = max(P[i, 0], 0.5) if at else min(P[i, 0], _rules_base.CUELESS_CAP)
                att = _rules_base.to_attribution(P[i], a, x.doc_text)
                source = Span(x.doc_text[at[0]:at[1]], *at) if at else None
                cues = att.cues
                if at and learned[i] is not None:  # the learned cue that links this source to the claim
                    cue = learned[i][1]
                    cues = tuple(sorted((*cues, Cue("sourced", cue.text, cue.start, cue.end)),
                                        key=lambda c: (c.start, c.end)))
                out.append(replace(att, source=source, cues=cues))
            else:
                out.append(_rules_base.to_attribution(P[i], a, x.doc_text))
        return out

    def _flat(self) -> tuple:
        """Return (base directory, weights, shifts) of this part as one layer over its innermost
        base: each adapted part of the same shape beneath it is folded in (:func:`.part.fold_layer`),
        so adapting an adapted model never nests."""
        base, base_dir, theta, shifts = self.base_, self.base_dir_, self.theta_, np.asarray(self.shifts_)
        while (isinstance(base, AdaptedAttribution) and base.n_bits == self.n_bits
               and base.hash_scale == self.hash_scale):
            theta, shifts = fold_layer(theta, shifts, base.theta_, base.shifts_)
            base, base_dir = base.base_, base.base_dir_
        return base_dir, theta, shifts

    def save(self, directory: str | Path) -> Path:
        """Write the part (config, weights, a copy of its base) to directory; return it. Over an
        adapted part, it is written as one layer over that part's base (:meth:`_flat`)."""
        if not hasattr(self, "theta_"):
            raise NotFittedError("this AdaptedAttribution is not fitted: call fit(X, Y) first")
        base_dir, theta, shifts = self._flat()
        return save_part(Path(directory), base_dir, {
            "type": TYPE, "labels": list(LABELS), "n_bits": self.n_bits, "hash_scale": self.hash_scale,
            "l2": self.l2_, "shifts": [float(v) for v in shifts], "cv": {str(k): v for k, v in self.cv_.items()},
            "exceptions": self.exceptions_,
            "source_cues": [list(c) for c in self.source_cues_]},
            theta)

    @classmethod
    def load(cls, directory: str | Path) -> "AdaptedAttribution":
        """Return the part saved in directory."""
        config, thetas, base = load_part(Path(directory), TYPE)
        l2 = tuple(config["l2"])
        model = cls(base=base, l2=l2, n_bits=int(config["n_bits"]), hash_scale=config["hash_scale"])
        model.base_, model.base_dir_ = base, base.directory_
        model.theta_, model.l2_, model.cv_ = thetas, l2, config.get("cv", {})
        model.shifts_ = tuple(float(v) for v in config.get("shifts", (0.0,) * len(LABELS)))
        model.exceptions_ = config.get("exceptions", {})
        model.source_cues_ = [(str(side), str(word)) for side, word in config.get("source_cues", [])]
        model.classes_ = LABELS
        return model
