"""The model card of an adapted model: what it was adapted from, on which verdicts of whom,
how it was checked, and its figures before and after (``MODEL_CARD.md`` and ``adaptation.json``)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from ..types import LABELS, NewsroomExample
from . import guard


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
    lines = [
        "# Adapted model", "",
        f"Adapted from **{base}** (version {base_manifest.get('version', '?')}) by `factcheck train --from-queue` "
        f"on the verdicts of {len(queues)} queue file(s): {', '.join(queues)}.", "",
        "## Verdicts used", "",
        f"- {len(verdicts)} verdicts on {len(examples)} claims in {f['documents']} documents: {n_pos} rated "
        f"(check-worthy), {len(examples) - n_pos} not a claim; {corr_label} corrected labels, "
        f"{corr_source} corrected sources, {f['facet_cases']['cases']} corrected facets.",
        "- Reviewers: " + ", ".join(f"{name} ({n} claims)" for name, n in sorted(reviewers.items())) + ".",
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
        f"{f['held_out_claims']} claims (whole documents, {int(guard.HOLDOUT_SHARE * 100)}%) were held out; a "
        "model fitted without them had to do at least as well as its base on them; a layer that did worse "
        "was refused and backed off towards its base until it did. The layers were then refitted on every "
        "verdict with the strength chosen.", "",
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
                             f"({h['before']['n']} claims).")
            else:
                lines.append(f"- {name}, held-out agreement with reviewers' labels: {h['before']:.3f} -> "
                             f"{h['after']:.3f} ({h['n']} claims).")
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
        f"({cw_b['n']} claims).",
        f"- Labels the reviewers gave (corrected or confirmed), primary-label agreement: "
        f"{_pair(at_b, at_a, 'primary_accuracy')} "
        f"({at_b.get('primary_n', 0)} claims).",
        f"- Corrected sources, source agreement: {_pair(at_b, at_a, 'source_agreement')} "
        f"({at_b.get('source_n', 0)} claims).",
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
