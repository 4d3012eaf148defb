"""Why a learning curve of adaptation stays flat: the two measurements behind
``scripts/bench_adapt.py --diagnose`` (totals only; nothing measured here feeds a shipped model).

- :func:`public_frontier`: on a simulated newsroom, the check-worthiness layer that grouped
  cross-validation chooses on the verdicts, with its prior strengths multiplied by each of
  :data:`FACTORS` (the decision shift dropped past the first): per strength, the F1 gain on the
  unseen half and the change of CT24 dev F1. Where every strength that gains on the newsroom
  also lowers CT24 dev F1 by more than :data:`guard.PUBLIC_TOLERANCE`, the public-dev guard and
  the newsroom's gain cannot both be had: the newsroom wants what the public dev set penalises.
- :func:`cue_cap_ceiling`: on a newsroom with primary labels, the attribution layer's scores
  out of fold (grouped by document, its prior strength chosen inside each fold) before the
  cue cap: per label, how many labels the rules found no cue for, how many of those the
  reviewers say are present, and how many the layer would lift to 0.5 or more without the cap
  (and how many rightly); the primary-label agreement of the base, of the layer and of the
  layer without the cap. Where the uncapped layer lifts (almost) none, no cue-less lift can
  fix those errors: the layer's own evidence is not there.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..types import LABELS, NewsroomExample
from . import guard, logistic

#: how many times stronger than the chosen prior the frontier's layers are
FACTORS = (1, 3, 10, 30, 100, 300, 1000)


def public_frontier(examples: Sequence[NewsroomExample], base_cw, shared: Path, *, n: int, seeds: Sequence[int],
                    factors: Sequence[float] = FACTORS, progress: Callable[[str], None] = lambda m: None) -> dict:
    """Return, per prior factor, the mean unseen-half F1 gain of the check-worthiness layer over
    ``seeds`` (``n`` verdicts each, drawn as :func:`simulate.learning_curve` draws them) and
    the mean and worst change of CT24 dev F1; and the mean over seeds of the best gain among
    the factors whose CT24 dev F1 falls by at most the public tolerance (0: the base)."""
    from .checkworthy import AdaptedCheckworthy
    from .simulate import halves, verdicts
    runs: list[list[tuple[float, float]]] = []
    public_base = guard.public_figures(base_cw, None, shared)["CT24 dev F1"]
    for seed in seeds:
        pool, unseen = halves(examples, seed)
        if n > len(pool):
            continue
        chosen = [replace(examples[i], queue=f"sim{seed}") for i in verdicts(examples, pool, n, seed)]
        X, y = [e.input for e in chosen], np.array([e.checkworthy for e in chosen])
        if len(set(y)) < 2:
            continue
        U, yu = [examples[i].input for i in unseen], [examples[i].checkworthy for i in unseen]
        base = guard.checkworthy_figures(yu, base_cw.predict_proba(U)[:, 1])["f1"]
        layer = AdaptedCheckworthy(base=base_cw).fit(X, y, groups=guard.groups_of(chosen))
        row = []
        for f in factors:
            scaled = layer if f == 1 else AdaptedCheckworthy(base=base_cw, l2=tuple(v * f for v in layer.l2_),
                                                             shift=0.0).fit(X, y)
            gain = guard.checkworthy_figures(yu, scaled.predict_proba(U)[:, 1])["f1"] - base
            change = guard.public_figures(scaled, None, shared)["CT24 dev F1"] - public_base
            row.append((gain, change))
        runs.append(row)
        progress(f"frontier seed {seed}: prior {layer.l2_}, (gain, CT24 dev change) by factor "
                 + ", ".join(f"{f:g}: {g:+.3f}/{c:+.3f}" for f, (g, c) in zip(factors, row)))
    if not runs:
        return {"verdicts": n, "runs": 0}
    arr = np.array(runs)  # (seeds, factors, 2)
    ok = arr[:, :, 1] >= -guard.PUBLIC_TOLERANCE - 1e-9
    best = [max([0.0] + [float(arr[s, k, 0]) for k in range(len(factors)) if ok[s, k]]) for s in range(len(runs))]
    return {"verdicts": n, "runs": len(runs), "public_tolerance": guard.PUBLIC_TOLERANCE,
            "points": [{"factor": f, "gain": round(float(arr[:, k, 0].mean()), 4),
                        "gain_sd": round(float(arr[:, k, 0].std()), 4),
                        "public_change": round(float(arr[:, k, 1].mean()), 4),
                        "public_change_worst": round(float(arr[:, k, 1].min()), 4),
                        "runs_within_tolerance": int(ok[:, k].sum())} for k, f in enumerate(factors)],
            "best_gain_within_tolerance": round(float(np.mean(best)), 4)}


def cue_cap_ceiling(examples: Sequence[NewsroomExample], base_att, *, k: int = 5,
                    progress: Callable[[str], None] = lambda m: None) -> dict:
    """Return the out-of-fold figures of the attribution layer on the rated examples with a
    primary label (see the module docstring): per label the cue-less counts and lifts, and the
    primary-label agreement of the base, the layer and the layer without the cue cap."""
    from ..attribution import base as rules_base
    from .attribution import AdaptedAttribution, agreement, targets
    rated = [e for e in examples if e.checkworthy and e.primary]
    X = [e.input for e in rated]
    Y = np.array([targets(e.primary) for e in rated], dtype=np.int64).reshape(-1, len(LABELS))
    primaries = [e.primary for e in rated]
    folds = logistic.group_folds([e.doc_id for e in rated], min(k, len({e.doc_id for e in rated})))
    raw = np.zeros(Y.shape)
    analyses: list = [None] * len(rated)
    for f in np.unique(folds):
        tr, te = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
        layer = AdaptedAttribution(base=base_att).fit([X[i] for i in tr], Y[tr], groups=[rated[i].doc_id for i in tr],
                                                      primaries=[primaries[i] for i in tr])
        a, z = layer._decision([X[i] for i in te])
        raw[te] = logistic.sigmoid(z)
        for j, i in enumerate(te):
            analyses[i] = a[j]
        progress(f"cue-cap ceiling: fold {f + 1} of {len(np.unique(folds))} (prior {layer.l2_})")
    capped = rules_base.require_cues(raw, analyses)
    labels = {}
    for j, lab in enumerate(LABELS):
        cueless = np.array([not a.fired(lab) for a in analyses]) & (Y[:, j] >= 0)
        lifted = cueless & (raw[:, j] >= 0.5)
        labels[lab] = {"cueless": int(cueless.sum()), "cueless_present": int((cueless & (Y[:, j] == 1)).sum()),
                       "lifted": int(lifted.sum()), "lifted_rightly": int((lifted & (Y[:, j] == 1)).sum())}
    return {"claims": len(rated), "documents": len({e.doc_id for e in rated}), "folds": int(len(np.unique(folds))),
            "labels": labels,
            "agreement": {"base": round(float(np.nanmean(agreement(base_att.predict_proba(X), Y, primaries))), 4),
                          "layer": round(float(np.nanmean(agreement(capped, Y, primaries))), 4),
                          "layer_without_cue_cap": round(float(np.nanmean(agreement(raw, Y, primaries))), 4)}}


def run_diagnosis(*, seeds: Sequence[int], sizes: Sequence[int],
                  progress: Callable[[str], None] = lambda m: None) -> dict:
    """Return the frontier of the transcript newsroom at each of ``sizes`` and the cue-cap
    ceiling of the politics newsroom (both as :mod:`factcheck.adapt.simulate` builds them)."""
    from ..errors import FactcheckError
    from ..models import load_model
    from .simulate import politics_newsroom, transcript_newsroom
    shared = guard.shared_data()
    if shared is None:
        raise FactcheckError("the diagnosis needs ../shared/data (set FACTCHECK_SHARED)")
    model = load_model("fast")
    transcripts = transcript_newsroom(shared)
    out: dict = {"base": "fast", "seeds": list(seeds),
                 "transcripts_public_frontier": [public_frontier(transcripts, model.checkworthy, shared, n=n,
                                                                 seeds=seeds, progress=progress) for n in sizes]}
    out["politics_cue_cap_ceiling"] = cue_cap_ceiling(politics_newsroom(shared, model.attribution), model.attribution,
                                                      progress=progress)
    return out
