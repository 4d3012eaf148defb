"""Adapting a model to a newsroom's verdicts: the code behind ``factcheck train --from-queue``.

1. Each reviewed claim becomes an example (:mod:`factcheck.adapt.examples`).
2. A quarter of the examples, whole documents at a time, is held out. On the rest, each part's
   layer is fitted with its prior strength chosen by grouped cross-validation (out-of-fold
   log-loss, three fold assignments) and its operating point (decision shifts: for
   check-worthiness for F1, kept only if the choice validates across folds; for attribution per
   label, for agreement with the reviewers' primary labels) chosen on the same out-of-fold
   values; on the held-out slice it must do at least as well as its base: a layer that does
   worse is refused and backed off towards its base (:func:`backoff`) until it does, at worst
   to the base's own scores with the reviewers' answers kept as exceptions (said in the
   output and the model card).
3. The layers are refitted on every example with the chosen strength and reviewers' answers are
   kept as exceptions. When ``../shared/data`` is present, the public dev figures (CT24 dev F1,
   news-dev primary accuracy) may fall by at most :data:`guard.PUBLIC_TOLERANCE`: a part that
   falls further backs off towards its base (:func:`backoff`); if even the base's scores with
   the exceptions fall, the adaptation is refused.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..types import LABELS, NewsroomExample
from . import guard, lineage
from .attribution import AdaptedAttribution, agreement, targets
from .card import counted, write_card
from .checkworthy import AdaptedCheckworthy
from .guard import AdaptationRefused
from .logistic import L2_GRID

BASE_L2 = L2_GRID[0]
NO_SHIFTS = (0.0,) * len(LABELS)


@dataclass
class Adapted:
    """The adapted parts and what was measured on the way (the model card's figures)."""

    checkworthy: AdaptedCheckworthy
    attribution: AdaptedAttribution
    figures: dict = field(default_factory=dict)


def _quiet(_message: str) -> None:
    pass


def _attribution_rows(examples: Sequence[NewsroomExample]) -> list[int]:
    return [i for i, e in enumerate(examples) if e.checkworthy and (e.primary or e.source_corrected)]


def _y_attr(examples: Sequence[NewsroomExample]) -> np.ndarray:
    return np.array([targets(e.primary, e.source_corrected, e.source is not None) for e in examples],
                    dtype=np.int64).reshape(-1, len(LABELS))


def _sources(examples: Sequence[NewsroomExample]) -> list:
    """Return the reviewers' source per example (None where they gave none)."""
    return [e.source if e.source_corrected else None for e in examples]


def _check_cw(base, examples, groups, hold, progress) -> tuple[float, dict]:
    """Return the check-worthiness layer's prior strength (inf: no layer) and its held-out figures."""
    y = np.array([e.checkworthy for e in examples])
    train = ~hold
    if len(set(y[train])) < 2:
        return (BASE_L2, 0.0), {"note": "the verdicts hold only one kind of answer (rated or not a claim): no layer, "
                                      "exceptions only"}
    if not hold.any():
        return (BASE_L2, 0.0), {"note": "too few documents to hold any out: no layer, exceptions only"}
    X = [e.input for e in examples]
    idx_tr, idx_te = np.flatnonzero(train), np.flatnonzero(hold)
    tr_x, tr_y, tr_g = [X[i] for i in idx_tr], y[train], [groups[i] for i in idx_tr]
    trial = AdaptedCheckworthy(base=base).fit(tr_x, tr_y, groups=tr_g)
    te = [X[i] for i in idx_te]
    before = guard.checkworthy_figures(y[hold], base.predict_proba(te)[:, 1])
    # judged by the mean log-likelihood, the score the layer is chosen by: F1 at 0.5 on a slice
    # of a few hundred claims with a few positives moves with one sentence (a layer that lifted
    # F1 on ten unseen CLEF-2019 debates from 0.205 to 0.243 lost 0.138 -> 0.127 on such a slice)
    key = "log_likelihood"

    def score(model):
        figures = guard.checkworthy_figures(y[hold], model.predict_proba(te)[:, 1])
        return figures[key], figures

    layer, after, refused = _not_worse_held_out(
        "check-worthiness", key, trial, (trial.l2_, trial.shift_),
        lambda l2, shift: AdaptedCheckworthy(base=base, l2=l2, shift=shift).fit(tr_x, tr_y),
        score, before[key], len(idx_te), progress)
    info = {"held_out": {"before": before, "after": after, "metric": key}, "shift": round(trial.shift_, 4),
            "cv": {"/".join(f"{x:g}" for x in k): round(v, 4) for k, v in trial.cv_.items()}}
    if refused:
        info["refused"] = refused
    return layer, info


def _not_worse_held_out(part: str, metric: str, trial, chosen: tuple, refit, score, before: float, n: int,
                        progress) -> tuple[tuple, Any, str | None]:
    """Return the first layer of :func:`backoff` from ``chosen`` (the layer ``trial`` was fitted
    with) whose held-out ``metric`` is not below the base's ``before`` (at worst the base's own
    scores), the record ``score`` gave for it, and, when the chosen layer was refused, the
    message that says so (also given to ``progress``).

    ``refit(l2, shift)`` fits the layer of a later step on the same rows; ``score(model)``
    returns (the metric, a record of the figures)."""
    steps = backoff(*chosen)
    for step, (l2, shift) in enumerate(steps):
        value, record = score(trial if step == 0 else refit(l2, shift))
        shown = f"shift {shift:+.2f}" if not isinstance(shift, tuple) else f"shifts {shift}"
        progress(f"{part} on the held-out slice ({n} claims): {metric} {before:.3f} -> {value:.3f} "
                 f"(prior strengths {l2}, {shown})")
        if value >= before - 1e-9:
            break
        if step == 0:
            first = value
    if step == 0:
        return chosen, record, None
    end = ("so this part is the base's own scores with the reviewers' answers kept as exceptions"
           if step == len(steps) - 1 else f"so it was backed off {step} step(s) towards the base")
    message = (f"the adapted {part} layer was worse than its base on the held-out verdicts ({metric} {first:.3f} < "
               f"{before:.3f} on {n} claims) and is refused; {end}")
    progress(message)
    return steps[step], record, message


def _check_att(base, examples, groups, hold, progress) -> tuple[tuple, dict]:
    """Return the attribution layer's (prior strengths, decision shifts) (inf, 0: no layer) and
    its held-out figures."""
    rows = _attribution_rows(examples)
    if not rows:
        return (BASE_L2, NO_SHIFTS), {"note": "no rated claim with a label or source to learn from"}
    ex = [examples[i] for i in rows]
    g = [groups[i] for i in rows]
    h = hold[rows]
    Y = _y_attr(ex)
    if not h.any() or h.all():
        return (BASE_L2, NO_SHIFTS), {"note": "too few documents with labels to hold any out: no layer, "
                                              "exceptions only"}
    tr = np.flatnonzero(~h)
    fit_args = ([ex[i].input for i in tr], Y[tr])
    fit_kw = {"primaries": [ex[i].primary for i in tr], "sources": _sources([ex[i] for i in tr])}
    trial = AdaptedAttribution(base=base).fit(*fit_args, groups=[g[i] for i in tr], **fit_kw)
    te = np.flatnonzero(h)
    held = [ex[i] for i in te]
    inputs, primaries = [e.input for e in held], [e.primary for e in held]
    before = float(np.nanmean(agreement(base.predict_proba(inputs), Y[te], primaries)))

    def score(model):
        value = float(np.nanmean(agreement(model.predict_proba(inputs), Y[te], primaries)))
        return value, value

    layer, after, refused = _not_worse_held_out(
        "attribution", "agreement", trial, (trial.l2_, tuple(trial.shifts_)),
        lambda l2, shifts: AdaptedAttribution(base=base, l2=l2, shifts=shifts).fit(*fit_args, **fit_kw),
        score, before, len(te), progress)
    info = {"held_out": {"before": round(before, 4), "after": round(after, 4), "n": len(te)},
            "shifts": [round(v, 4) for v in trial.shifts_],
            "cv": {"/".join(f"{x:g}" for x in k): round(v, 4) for k, v in trial.cv_.items()}}
    if refused:
        info["refused"] = refused
    return layer, info


def backoff(l2: tuple, shift):
    """Return the layers to try, from the one chosen towards the base: priors ten and a hundred
    times stronger (the shift halved, then dropped), then the base's own scores (exceptions only).
    ``shift`` is a number or a tuple (one per label)."""
    def scaled(f):
        return tuple(v * f for v in shift) if isinstance(shift, tuple) else shift * f
    steps = [(tuple(l2), shift), (tuple(v * 10 for v in l2), scaled(0.5)), (tuple(v * 100 for v in l2), scaled(0.0)),
             (BASE_L2, scaled(0.0))]
    out = []
    for step in steps:
        if step not in out:
            out.append(step)
    return out


def adapt_parts(examples: Sequence[NewsroomExample], base_cw, base_att, *, shared: Path | None = None,
                progress: Callable[[str], None] = _quiet) -> Adapted:
    """Return the check-worthiness and attribution parts adapted to ``examples`` over the loaded
    base parts, or raise :class:`AdaptationRefused` (see the module docstring)."""
    t0 = time.perf_counter()
    groups = guard.groups_of(examples)
    hold = guard.holdout_mask(groups)
    figures: dict = {"examples": len(examples), "documents": len({e.doc_id for e in examples}),
                     "held_out_claims": int(hold.sum())}
    progress(f"{counted(len(examples), 'reviewed claim')} in {counted(figures['documents'], 'document')}; "
             f"{int(hold.sum())} held out to check the result")
    (l2_cw, shift_cw), figures["checkworthy"] = _check_cw(base_cw, examples, groups, hold, progress)
    (l2_att, shifts_att), figures["attribution"] = _check_att(base_att, examples, groups, hold, progress)

    X = [e.input for e in examples]
    y = np.array([e.checkworthy for e in examples])
    rows = _attribution_rows(examples)
    ex = [examples[i] for i in rows]
    corrected = [e for e in ex if e.label_corrected or e.source_corrected]

    def make_cw(l2, shift):
        cw = AdaptedCheckworthy(base=base_cw, l2=l2, shift=shift).fit(X, y)
        return cw.remember([x.text for x in X], y)

    def make_att(l2, shifts):
        att = AdaptedAttribution(base=base_att, l2=l2, shifts=shifts).fit([e.input for e in ex], _y_attr(ex),
                                                           primaries=[e.primary for e in ex], sources=_sources(ex))
        return att.remember([e.input for e in corrected], [lineage.remembered_targets(e) for e in corrected],
                            [e.source if e.source_corrected else False for e in corrected])

    ladders = {"checkworthy": [(make_cw, (l2, sh)) for l2, sh in backoff(l2_cw, shift_cw)],
               "attribution": [(make_att, (l2, sh)) for l2, sh in backoff(l2_att, tuple(shifts_att))]}
    before = guard.public_figures(base_cw, base_att, shared) if shared is not None else {}
    parts, figures["public"] = {}, {"before": before, "after": {}}
    for part, ladder in ladders.items():
        for step, (make, args) in enumerate(ladder):
            model = make(*args)
            after = guard.public_figures(model if part == "checkworthy" else None,
                                         model if part == "attribution" else None, shared)
            falls = {k: (before[k], v) for k, v in after.items() if v < before[k] - guard.PUBLIC_TOLERANCE}
            if not falls:
                break
            name, (b, a) = next(iter(falls.items()))
            progress(f"{part}: {name} would fall from {b:.3f} to {a:.3f}; backing off towards the base")
            if step == len(ladder) - 1:
                raise AdaptationRefused(
                    f"the adapted model falls on {name} from {b:.3f} to {a:.3f} (more than {guard.PUBLIC_TOLERANCE}) "
                    "even with its layer at the base's; nothing written: check the verdicts")
        parts[part] = model
        figures["public"]["after"].update(after)
        figures[part]["backed_off"] = step
    cw, att = parts["checkworthy"], parts["attribution"]
    progress(f"refitted on all {len(examples)} claims ({time.perf_counter() - t0:.1f} s so far)")
    if shared is None:
        del figures["public"]
    figures["corrected"] = {
        "checkworthy": {"before": guard.checkworthy_figures(y, base_cw.predict_proba(X)[:, 1]),
                        "after": guard.checkworthy_figures(y, cw.predict_proba(X)[:, 1])},
        # every label the reviewers gave, corrected or confirmed (rated without a correction)
        "attribution": {"before": guard.attribution_figures(base_att, ex),
                        "after": guard.attribution_figures(att, ex)}}
    figures["facet_cases"] = facet_cases(examples)
    figures["seconds"] = round(time.perf_counter() - t0, 1)
    return Adapted(cw, att, figures)


def facet_cases(examples: Sequence[NewsroomExample]) -> dict:
    """Return how many of the reviewers' facet corrections the extractor's facets agree with:
    a corrected figure is found at its offsets with its kind (and value, if given); a figure
    marked not a figure is not found there."""
    from ..facets import extract_facets
    passed, total = 0, 0
    for e in examples:
        if not e.facets:
            continue
        x = e.input
        found = {(f.start, f.end): f for f in extract_facets(x.doc_text, x.start, x.end, published=x.published)}
        for c in e.facets:
            total += 1
            f = found.get((int(c["start"]), int(c["end"])))
            if c.get("not_a_figure"):
                passed += f is None
            elif f is not None and (c.get("kind") in (None, f.kind)) and \
                    (c.get("value") is None or str(c["value"]) == str(f.value)):
                passed += 1
    return {"cases": total, "passed": passed}


def adapt_from_queues(queues: Sequence[str | Path], out: str | Path, *, base: str | Path = "fast",
                      progress: Callable[[str], None] = _quiet, shared: Path | None | str = "auto",
                      warn: Callable[[str], None] = _quiet) -> Path:
    """Adapt ``base`` (a shipped model's name or a model directory, an adapted one too) to the
    verdicts of the queue files and write the model directory ``out`` with its MODEL_CARD.md;
    return ``out``. ``out`` must be new, empty or a model written earlier by this function
    (replaced whole), never the shipped models (:func:`factcheck.adapt.output.check_output`,
    before any work). Over an adapted base, the verdicts it already learned are not learned
    again (:mod:`factcheck.adapt.lineage`). ``warn`` hears when the verdicts were too few to learn
    any layer (the model then keeps the base's scores, with the reviewers' answers as exceptions)."""
    from ..models import load_component, resolve, write_manifest
    from .examples import NoVerdictsError, read_queues
    from .output import check_output, replace_folder

    base_dir = resolve(base)
    out = check_output(out, base=base_dir)
    reading = read_queues(queues)
    manifest = json.loads((base_dir / "manifest.json").read_text(encoding="utf-8"))
    parts = {}
    for part in ("checkworthy", "attribution"):
        d = (base_dir / manifest[part]).resolve()
        parts[part] = load_component(d)
        parts[part].directory_ = d
    learned = lineage.read_learned(base_dir)
    seen = lineage.learned_before(reading.examples, learned, parts["checkworthy"], parts["attribution"])
    examples = [e for e, s in zip(reading.examples, seen) if not s]
    if not examples:
        raise NoVerdictsError(f"{base} has already learned every verdict of {', '.join(str(q) for q in queues)}; "
                              "record new verdicts first (nothing new to learn)")
    if any(seen):
        progress(f"{counted(sum(seen), 'reviewed claim')} that {base} already learned from "
                 f"{'is' if sum(seen) == 1 else 'are'} not learned again")
    learned = dict(learned or {e.claim_id: lineage.answer_of(e) for e, s in zip(reading.examples, seen) if s})
    learned.update((e.claim_id, lineage.answer_of(e)) for e in examples)
    shared_root = guard.shared_data() if shared == "auto" else (Path(shared) if shared else None)
    adapted = adapt_parts(examples, parts["checkworthy"], parts["attribution"], shared=shared_root,
                          progress=progress)
    adapted.figures["left_out"] = {"disputed_labels": reading.disputed_labels,
                                   "disputed_sources": reading.disputed_sources,
                                   "repeated": reading.repeated, "learned_before": sum(seen)}

    def write(folder: Path) -> None:
        adapted.checkworthy.save(folder / "checkworthy")
        adapted.attribution.save(folder / "attribution")
        write_manifest(folder, name=out.name, version=dt.date.today().isoformat(), tier="adapted",
                       adapted_from=str(base), base_version=str(manifest.get("version", "")))
        write_card(folder, base=str(base), base_manifest=manifest, queues=[str(q) for q in queues],
                   examples=examples, adapted=adapted)
        lineage.write_learned(folder, learned)
    replace_folder(out, write)
    if all(np.isinf(v) for v in (*adapted.checkworthy.l2_, *adapted.attribution.l2_)):
        docs = len({e.doc_id for e in examples})
        warn(f"note: {counted(len(examples), 'reviewed claim')} in {counted(docs, 'document')} "
             f"{'is' if len(examples) == 1 else 'are'} too few to learn from: {out} keeps "
             f"the base's scores, with the reviewers' answers as exceptions (see {out / 'MODEL_CARD.md'})")
    progress(f"wrote {out}")
    return out
