"""The model card of an adapted model: what it was adapted from, on which verdicts of whom,
how it was checked, and its figures before and after (``MODEL_CARD.md`` and ``adaptation.json``)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from ..types import LABELS, NewsroomExample
from . import guard


def counted(n: int, word: str) -> str:
    """Return ``n`` with the word, plural unless ``n`` is 1: "1 claim", "2 claims"."""
    return f"{n} {word if n == 1 else word + 's'}"


def _pair(before, after, key: str | None = None) -> str:
    b = before.get(key) if key else before
    a = after.get(key) if key else after
    if b is None or a is None:
        return "n/a"
    return f"{b:.3f} -> {a:.3f}"


def _layer(l2) -> str:
    if all(v == float("inf") for v in l2):
        return "none (the base's scores, exceptions only)"
    return (f"prior strength {l2[0]:g} on the word weights, {l2[1]:g} on the calibration weights (rule/cue "
            "features, bias, base log-odds; inf: kept at the base)")


def _left_out(left: dict | None, base: str) -> list[str]:
    """Return the card's lines on the verdicts read but not learned from (none without the record)."""
    if left is None:
        return []
    labels, sources = counted(left.get("disputed_labels", 0), "label"), counted(left.get("disputed_sources", 0), "source")
    lines = [f"- Disputed corrections left out (reviewers gave different labels or sources and no editor has "
             f"ruled; an editor's ruling or the reviewers' agreement brings them in): {labels}, {sources}."]
    if left.get("repeated"):
        lines.append(f"- {counted(left['repeated'], 'claim')} met again in another queue file (a copy of the same "
                     "verdicts, or the same claim reviewed twice) counted once, from the file with its latest verdict.")
    if left.get("learned_before"):
        n = left["learned_before"]
        lines.append(f"- {counted(n, 'reviewed claim')} that {base} had already learned from "
                     f"{'was' if n == 1 else 'were'} not learned again (its answers on them are kept).")
    return lines


def _held_out(n: int) -> str:
    """Return the card's paragraph on the held-out check of ``n`` claims."""
    if n == 0:
        return ("Nothing was held out: the verdicts are too few (too few documents, or runs of claims) to set "
                "whole documents aside, so no layer could be checked on verdicts it was not fitted on. No layer "
                "was learned: each part keeps its base's scores, and only the reviewers' answers are kept, as "
                "exceptions for the sentences they answered; nothing else the model says has changed. Review "
                "claims from more documents to let the next adaptation learn a layer and check it.")
    them = "it" if n == 1 else "them"
    return (f"{counted(n, 'claim')} (whole documents, {int(guard.HOLDOUT_SHARE * 100)}%) {'was' if n == 1 else 'were'} "
            f"held out; a model fitted without {them} had to do at least as well as its base on {them}; a layer that "
            "did worse was refused and backed off towards its base until it did. The layers were then refitted on "
            "every verdict with the strength chosen.")


def card_text(*, base: str, base_manifest: dict, queues: Sequence[str], examples: Sequence[NewsroomExample],
              adapted) -> str:
    """Return the Markdown model card of an adapted model."""
    f = adapted.figures
    reviewers = Counter(r for e in examples for r in e.reviewers)
    verdicts = sorted({(e.queue, v) for e in examples for v in e.verdict_ids})
    n_pos = sum(e.checkworthy for e in examples)
    corr_label = sum(e.label_corrected for e in examples)
    corr_source = sum(e.source_corrected for e in examples)
    c = f["corrected"]
    lineage = ""
    if base_manifest.get("tier") == "adapted":
        lineage = (f" {base} was itself adapted from **{base_manifest.get('adapted_from', '?')}**: the new layer "
                   "adds to its decision values and is saved with its layer as one layer over the same base "
                   "parts; the answers it remembered and the cues it learned are kept.")
    lines = [
        "# Adapted model", "",
        f"Adapted from **{base}** (version {base_manifest.get('version', '?')}) by `factcheck train --from-queue` "
        f"on the verdicts of {counted(len(queues), 'queue file')}: {', '.join(queues)}.{lineage}", "",
        "## Verdicts used", "",
        f"- {counted(len(verdicts), 'verdict')} on {counted(len(examples), 'claim')} in "
        f"{counted(f['documents'], 'document')}: {n_pos} rated (check-worthy), {len(examples) - n_pos} not a claim; "
        f"{counted(corr_label, 'corrected label')}, {counted(corr_source, 'corrected source')}, "
        f"{counted(f['facet_cases']['cases'], 'corrected facet')}.",
        *_left_out(f.get("left_out"), base),
        "- Reviewers: " + ", ".join(f"{name} ({counted(n, 'claim')})" for name, n in sorted(reviewers.items())) + ".",
        "- Verdict ids: " + ", ".join(f"{Path(q).name}#{v}" for q, v in verdicts) + ".", "",
        "## How it was adapted", "",
        "Each part keeps its base model unchanged and adds a learned layer on its log-odds: a logistic "
        "regression over hashed words and the rules' features (for check-worthiness the fast tier's cue "
        "features: facets, figures, reporting verbs, first person, opinion words, questions, length; for "
        "attribution the cue and source rules' features), a bias and the base's log-odds, whose L2 prior is centred "
        "on \"no change\" (MAP adaptation). The base is never refitted, so nothing it learned from the public "
        "data is forgotten; the prior strength (how far the newsroom's verdicts may pull) was chosen by "
        "cross-validation grouped by document, on the out-of-fold log-loss averaged over three fold "
        "assignments; the operating points (a shift of the decision value: for check-worthiness for F1, "
        "kept only if choosing it holds up when each fold's shift is chosen on the other folds; for "
        "attribution one per label, for agreement with the reviewers' primary labels) on the same "
        "out-of-fold values. Reviewers' answers are also kept as exceptions for the "
        "sentences they answered (keyed by normalised sentence text; a corrected source is found again by "
        "its text).", "",
        f"- Check-worthiness layer: {_layer(adapted.checkworthy.l2_)}; decision shift "
        f"{adapted.checkworthy.shift_:+.2f}.",
        f"- Attribution layer: {_layer(adapted.attribution.l2_)}; decision shifts "
        + ", ".join(f"{lab} {v:+.2f}" for lab, v in zip(LABELS, adapted.attribution.shifts_)) + ".",
        "- Reporting cues learned from reviewers' sources where the source finder found none (kept only "
        "when right more often than wrong on the newsroom's rated claims, in at least two documents): "
        + (", ".join(f"*{w}* (source {side} it)" for side, w in adapted.attribution.source_cues_)
           if getattr(adapted.attribution, "source_cues_", None) else "none") + ".", "",
        "## Checks it passed", "",
        _held_out(f["held_out_claims"]), "",
    ]
    for part, name in (("checkworthy", "Check-worthiness"), ("attribution", "Attribution")):
        info = f[part]
        if "held_out" in info:
            h = info["held_out"]
            if part == "checkworthy":
                m = h["metric"]
                shown = "mean log-likelihood" if m == "log_likelihood" else m
                extra = f"; F1 at 0.5 {_pair(h['before'], h['after'], 'f1')}" if m != "f1" and "f1" in h["before"] else ""
                lines.append(f"- {name}, held-out {shown}: {_pair(h['before'], h['after'], m)}{extra} "
                             f"({counted(h['before']['n'], 'claim')}).")
            else:
                lines.append(f"- {name}, held-out agreement with reviewers' labels: {h['before']:.3f} -> "
                             f"{h['after']:.3f} ({counted(h['n'], 'claim')}).")
        else:
            lines.append(f"- {name}: {info.get('note', '')}.")
        if info.get("refused"):
            lines.append(f"- {name}: {info['refused']}.")
        if info.get("backed_off"):
            lines.append(f"- {name}: the layer chosen would have lowered a public dev figure; it was backed off "
                         f"{info['backed_off']} step(s) towards the base (stronger prior, smaller shift).")
    pub = f.get("public")
    if pub:
        lines.append(f"- Public dev sets (may fall by at most {guard.PUBLIC_TOLERANCE}): " + "; ".join(
            f"{k} {_pair(pub['before'], pub['after'], k)}" for k in pub["before"]) + ".")
    else:
        lines.append("- Public dev sets: not checked (../shared/data was not present on this machine).")
    cw_b, cw_a = c["checkworthy"]["before"], c["checkworthy"]["after"]
    at_b, at_a = c["attribution"]["before"], c["attribution"]["after"]
    lines += [
        "", "## Figures before -> after on the reviewed claims themselves", "",
        f"- Check-worthiness agreement with the reviewers (rated vs not a claim): {_pair(cw_b, cw_a, 'accuracy')} "
        f"({counted(cw_b['n'], 'claim')}).",
        f"- Labels the reviewers gave (corrected or confirmed), primary-label agreement: "
        f"{_pair(at_b, at_a, 'primary_accuracy')} "
        f"({counted(at_b.get('primary_n', 0), 'claim')}).",
        f"- Corrected sources, source agreement: {_pair(at_b, at_a, 'source_agreement')} "
        f"({counted(at_b.get('source_n', 0), 'claim')}).",
        f"- Facet corrections as test cases: {f['facet_cases']['passed']} of {f['facet_cases']['cases']} pass "
        "(facets come from the rules, which this adaptation does not change: a failing case is a rule to fix).",
        "", f"Adapted in {f['seconds']} s.", ""]
    return "\n".join(lines)


def write_card(out: Path, **kwargs) -> None:
    """Write MODEL_CARD.md and adaptation.json (the figures) into the model directory ``out``."""
    out = Path(out)
    (out / "MODEL_CARD.md").write_text(card_text(**kwargs), encoding="utf-8")
    (out / "adaptation.json").write_text(json.dumps(kwargs["adapted"].figures, indent=2, default=str) + "\n",
                                         encoding="utf-8")
