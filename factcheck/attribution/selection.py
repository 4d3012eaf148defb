"""Choosing between the cue rules and learned attribution models on news they have not seen:
cross-validation grouped by PolNeAR train article.

PolNeAR marks attributions, not the spec's labels, but its own annotation decides the spec's
``sourced`` on two kinds of sentence (:func:`factcheck.datasets.attribution.read_polnear`): a
reporting cue with a named or pronoun Source inside the sentence and Content over it is
``sourced`` (the Source span is the gold source), a sentence no attribution span touches is not.
PolNeAR says nothing of hedges or disputes, so on these sentences the gold primary label is
``sourced`` or ``unsourced`` and a predicted ``estimated`` or ``contested`` counts against the
model (some of those are right: :func:`primary_figures` reports them apart). The project's own
rows join the same folds (each row is its own group) and give the full four-way primary label.

Every fold trains on the other folds' PolNeAR articles and own rows plus the other public sets,
exactly as :func:`factcheck.attribution.train.training_set` mixes them, and predicts the held-out
articles. Each sentence is analysed once (:class:`Pool`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..types import LABELS, THRESHOLD, primary_label
from .base import require_cues
from .evaluate import _PERSONAL, source_hit
from .features import featurize, sparse_matrix
from .linear import AttributionClassifier
from .train import PUBLIC, SETTINGS, mix_public

#: the candidates compared by :func:`grouped_cv`: ``rules`` takes the rules' decisions;
#: ``linear`` the trained model with ``C``, the labels that need a cue of their own
#: (``cue_required``) and whether PolNeAR rows join the Platt calibration
CANDIDATES = {
    "rules": {"kind": "rules"},
    "linear": {"kind": "linear", "C": SETTINGS["C"]},
    "linear-calibrated-polnear": {"kind": "linear", "C": SETTINGS["C"], "calibrate_polnear": True},
    "linear-sourced-uncapped": {"kind": "linear", "C": SETTINGS["C"], "cue_required": ("estimated", "contested")},
}


@dataclass
class Pool:
    """Every training sentence analysed once: rows of own data, PolNeAR train and the other
    public sets, with labels (-1 unknown), weights, origins, groups and gold sources."""

    analyses: list
    dense: np.ndarray
    hashed: list
    Y: np.ndarray
    weight: np.ndarray
    origin: np.ndarray  # "own", "polnear" or the public set's name
    group: np.ndarray  # the article (PolNeAR) or row id (own); "" for the other public sets
    source: list
    polnear_cap: int

    def matrix(self, rows: np.ndarray, n_bits: int, hash_scale: float):
        return sparse_matrix(self.dense[rows], [self.hashed[i] for i in rows], n_bits, hash_scale)


def build_pool(shared_data_dir: Path | str, own_data_dir: Path | str | None, *, seed: int = 0,
               public: dict | None = None, n_bits: int = SETTINGS["n_bits"]) -> Pool:
    """Return the analysed pool: all own rows, all labelled PolNeAR train rows, and the other
    public sets subsampled with ``seed`` to their caps in ``public`` (default ``PUBLIC``)."""
    from ..datasets import attribution as D

    public = PUBLIC if public is None else public
    rng = np.random.default_rng(seed)
    rows = [(e, 1.0, "own", e.input.doc_id) for e in D.read_own(own_data_dir)]
    rows += [(e, weight, name, e.input.doc_id if name == "polnear" else "")
             for name, e, weight in mix_public(shared_data_dir, public, rng, whole=("polnear",))]
    if not any(o == "polnear" for _, _, o, _ in rows):
        raise FileNotFoundError("no PolNeAR train articles under the shared data folder")
    analyses, dense, hashed = featurize([e.input for e, *_ in rows], n_bits)
    Y = np.array([[-1 if v is None else v for v in e.labels] for e, *_ in rows], dtype=np.int8)
    return Pool(analyses, dense, hashed, Y.reshape(-1, len(LABELS)), np.array([w for _, w, _, _ in rows]),
                np.array([o for _, _, o, _ in rows]), np.array([g for *_, g in rows]),
                [e.source for e, *_ in rows], public.get("polnear", PUBLIC["polnear"])[0])


def _fold_of_groups(groups: np.ndarray, folds: int, seed: int) -> dict[str, int]:
    """Assign each group to a fold at random (seeded), balancing the number of groups."""
    names = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(names))
    return {names[j]: k % folds for k, j in enumerate(order)}


def _decisions(pool: Pool, rows: np.ndarray, P: np.ndarray) -> list[tuple[str, bool, str | None]]:
    """Return (primary label, sourced present, source text) per row from its scores."""
    out = []
    for i, p in zip(rows, P):
        scores = {lab: float(p[k]) for k, lab in enumerate(LABELS)}
        present = scores["sourced"] >= THRESHOLD
        src = pool.analyses[i].finding.source if present else None
        out.append((primary_label(scores), present, src.text if src is not None else None))
    return out


def candidate_scores(pool: Pool, spec: dict, train: np.ndarray, test: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """Return the (len(test), 3) scores of candidate ``spec`` trained on the ``train`` rows."""
    if spec["kind"] == "rules":
        return np.array([[pool.analyses[i].fired(lab) for lab in LABELS] for i in test], dtype=float)
    params = {**SETTINGS, **{k: v for k, v in spec.items() if k in SETTINGS}}
    model = AttributionClassifier(seed=seed, **params)
    cal = pool.origin[train] == "own"
    if spec.get("calibrate_polnear"):
        cal |= pool.origin[train] == "polnear"
    model.fit_matrix(pool.matrix(train, params["n_bits"], params["hash_scale"]), pool.Y[train],
                     sample_weight=pool.weight[train], calibrate_on=cal)
    P = model.scores_from_features(pool.dense[test], [pool.hashed[i] for i in test])
    return require_cues(P, [pool.analyses[i] for i in test], spec.get("cue_required", ("sourced", "estimated", "contested")))


def grouped_cv(pool: Pool, candidates: dict | None = None, *, folds: int = 5, seed: int = 0, log=None) -> dict:
    """Return {candidate: {"polnear": figures, "own": figures}} from ``folds``-fold
    cross-validation grouped by PolNeAR article (own rows: one group each)."""
    candidates = CANDIDATES if candidates is None else candidates
    rng = np.random.default_rng(seed)
    grouped = np.isin(pool.origin, ("own", "polnear"))
    fold_of = _fold_of_groups(pool.group[grouped], folds, seed)
    fold = np.array([fold_of[g] if ok else -1 for g, ok in zip(pool.group, grouped)])
    preds = {name: {} for name in candidates}
    for f in range(folds):
        test = np.flatnonzero(fold == f)
        train = np.flatnonzero(fold != f)
        # the other folds' PolNeAR rows, capped as the shipped training caps them
        pol = train[pool.origin[train] == "polnear"]
        cap = pool.polnear_cap
        if len(pol) > cap:
            keep = np.sort(rng.choice(pol, cap, replace=False))
            train = np.sort(np.concatenate([train[pool.origin[train] != "polnear"], keep]))
        for name, spec in candidates.items():
            P = candidate_scores(pool, spec, train, test, seed=seed)
            for i, d in zip(test, _decisions(pool, test, P)):
                preds[name][int(i)] = d
            if log:
                log(f"fold {f + 1}/{folds}: {name} done")
    return {name: {"polnear": primary_figures(pool, p, "polnear"), "own": primary_figures(pool, p, "own")}
            for name, p in preds.items()}


def gold_primary(pool: Pool, i: int) -> str:
    """The gold primary label of row ``i`` (PolNeAR: ``sourced`` or ``unsourced``)."""
    return primary_label({lab: float(max(v, 0)) for lab, v in zip(LABELS, pool.Y[i])})


def primary_figures(pool: Pool, preds: dict[int, tuple[str, bool, str | None]], origin: str) -> dict:
    """Return primary accuracy, its confusion, sourced recall / false-sourced rate and source
    hit over the predicted rows of ``origin``, each rounded to four places."""
    rows = [i for i in preds if pool.origin[i] == origin and pool.Y[i, 0] >= 0]
    if not rows:
        return {}
    gold = [gold_primary(pool, i) for i in rows]
    got = [preds[i][0] for i in rows]
    confusion: dict[str, int] = {}
    for g, p in zip(gold, got):
        if g != p:
            confusion[f"{g}->{p}"] = confusion.get(f"{g}->{p}", 0) + 1
    pos = [i for i in rows if pool.Y[i, 0] == 1]
    neg = [i for i in rows if pool.Y[i, 0] == 0]
    # a pronoun Source (*he said*) is not the spec's source, which is the name before it
    with_source = [i for i in pos if pool.source[i] and pool.source[i].lower() not in _PERSONAL]
    hedged = [i for i in rows if preds[i][0] in ("estimated", "contested")]
    r = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "sentences": len(rows),
        "primary": r(sum(g == p for g, p in zip(gold, got)), len(rows)),
        "sourced_recall": r(sum(preds[i][1] for i in pos), len(pos)),
        "false_sourced": r(sum(preds[i][1] for i in neg), len(neg)),
        "source_hit": r(sum(preds[i][1] and source_hit(pool.source[i], preds[i][2]) for i in with_source),
                        len(with_source)),
        "estimated_or_contested": r(len(hedged), len(rows)),
        "errors": dict(sorted(confusion.items(), key=lambda kv: -kv[1])),
    }
