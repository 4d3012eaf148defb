"""Claim records for gold sentences from an attribution model, ready for the official scorer.

Every gold sentence becomes one record (check-worthiness 1.0, no facets), so that the scorer
measures the labels, the primary label and the source alone.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, NamedTuple

from ..datasets.attribution import read_gold
from ..types import Claim, SentenceInput, make_claim_id, primary_label


def gold_records(model, folder: Path | str) -> list[dict]:
    """Return a spec record (section 4) per checkable gold sentence of ``folder``, labelled by ``model``."""
    pairs = read_gold(folder)
    inputs = [si for si, _ in pairs]
    out = []
    for si, att in zip(inputs, model.predict(inputs)):
        claim = Claim(claim_id=make_claim_id(si.doc_id, si.start, si.end, si.text), doc_id=si.doc_id,
                      text=si.text, start=si.start, end=si.end, checkworthiness=1.0,
                      label=primary_label(att.scores), scores=att.scores, cues=att.cues,
                      source=att.source, facets=())
        out.append(claim.to_dict())
    return out


# --- source finding on PolNeAR -------------------------------------------------------------------
# PolNeAR (Newell, Margolin & Ruths 2018) marks every attribution of its articles as brat Source /
# Cue / Content spans. Its notion of attribution is wider than the spec's (it also marks beliefs
# and intentions), so the measurement keeps two kinds of sentence only: ``sourced`` sentences,
# whose Content overlaps an attribution with its Cue inside the sentence and a Source inside the
# sentence that names someone (not a pronoun, not a vague or absent agent: spec/CLAIMS.md
# section 2), and ``none`` sentences, that no attribution span touches at all.


class SourceCase(NamedTuple):
    """One PolNeAR sentence to measure: ``kind`` is ``sourced`` (with the gold source and cue
    texts, and ``reporting`` when the cue holds a reporting verb or *according to*), ``pronoun``
    (a reporting cue whose source is *he*, *she*, *they*, *it* or *we*: the spec takes the source
    named before, which PolNeAR does not link, so only recall is measured) or ``none``."""

    input: SentenceInput
    kind: str
    source: str | None = None
    cue: str | None = None
    reporting: bool = False


#: pronoun sources of a ``pronoun`` case: the spec takes the source named before them
_PERSONAL = frozenset("he she they it we".split())


def _specific(source_text: str) -> bool:
    from ..cues import PRONOUNS, VAGUE_SUBJECTS

    words = re.findall(r"[\w'’.-]+", source_text.lower())
    if not words:
        return False
    pronounish = PRONOUNS | {"you", "him", "them", "us", "me", "who", "which", "that", "this", "one", "i"}
    return words[-1] not in pronounish and words[0] not in VAGUE_SUBJECTS and words[0] not in pronounish


def polnear_source_cases(folder: Path | str, *, split: str = "train") -> Iterator[SourceCase]:
    """Yield the measurable sentences of the PolNeAR ``split`` (one annotator per article, the
    first by file name; sentences from :func:`factcheck.segment.split_sentences`)."""
    from ..cues import REPORTING_VERBS, SPEECH_ACT_VERBS
    from ..datasets.attribution import _brat

    # the measurement's "reporting cue" stays fixed while the rules' verb list grows
    REPORTING_VERBS = REPORTING_VERBS - SPEECH_ACT_VERBS
    from ..segment import split_sentences

    base = Path(folder) / split
    seen: set[str] = set()
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen:
            continue
        seen.add(stem)
        txt = base / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans, events = _brat(ann)
        touched = [(p[0], p[1]) for kind, pieces, _ in spans.values() if kind in ("Source", "Cue", "Content")
                   for p in pieces]
        atts = []
        for ev in events:
            cue, src, con = (spans.get(ev.get(role, "")) for role in ("Cue", "Source", "Content"))
            if cue is None or src is None or con is None:
                continue
            atts.append((cue, src, con))
        prev = None
        for s in split_sentences(text):
            si = SentenceInput(stem, text, s.start, s.end, prev.start if prev else None, prev.end if prev else None)
            prev = s
            if not any(a < s.end and b > s.start for a, b in touched):
                yield SourceCase(si, "none")
                continue
            found, pronoun = [], None
            for cue, src, con in atts:
                c0 = cue[1][0][0]
                s0, s1 = src[1][0][0], src[1][-1][1]
                inside = s.start <= c0 < s.end and s.start <= s0 and s1 <= s.end
                overlaps = any(a < s.end and b > s.start for a, b in con[1])
                words = set(re.findall(r"[a-z]+", cue[2].lower()))
                reporting = bool(words & REPORTING_VERBS) or "according" in words
                if inside and overlaps and reporting and src[2].strip().lower() in _PERSONAL:
                    pronoun = SourceCase(si, "pronoun", src[2].strip(), " ".join(cue[2].split()), True)
                if inside and overlaps and _specific(src[2]):
                    found.append(SourceCase(si, "sourced", " ".join(src[2].split()), " ".join(cue[2].split()),
                                            reporting))
            if found:
                # a reporting cue decides the case when the sentence has one
                yield next((f for f in found if f.reporting), found[0])
            elif pronoun is not None:
                yield pronoun


def source_hit(gold: str, predicted: str | None) -> bool:
    """The official scorer's rule: at least half the gold source's words are in the predicted source."""
    gw, pw = set(gold.lower().split()), set((predicted or "").lower().split())
    return bool(gw) and len(gw & pw) * 2 >= len(gw)


def rule_decisions(inputs: list[SentenceInput]) -> list[tuple[bool, str | None]]:
    """Return (sourced, source text) per sentence as the cue rules alone decide them."""
    from .analysis import analyse

    out = []
    for si in inputs:
        a = analyse(si)
        src = a.finding.source
        out.append((a.fired("sourced"), src.text if src is not None else None))
    return out


def model_decisions(model, inputs: list[SentenceInput]) -> list[tuple[bool, str | None]]:
    """Return (sourced, source text) per sentence as ``model`` predicts them."""
    from ..types import THRESHOLD

    return [(att.scores["sourced"] >= THRESHOLD, att.source.text if att.source is not None else None)
            for att in model.predict(inputs)]


def score_sources(cases: list[SourceCase], decisions: list[tuple[bool, str | None]]) -> dict:
    """Return sourced recall and source hit (overall and for reporting cues) on ``sourced``
    cases, and the false-sourced rate on ``none`` cases."""
    def rate(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    out: dict = {}
    for name, keep in (("all", lambda c: True), ("reporting", lambda c: c.reporting), ("other", lambda c: not c.reporting)):
        pos = [(c, d) for c, d in zip(cases, decisions) if c.kind == "sourced" and keep(c)]
        found = sum(d[0] for _, d in pos)
        hit = sum(d[0] and source_hit(c.source, d[1]) for c, d in pos)
        out[name] = {"sentences": len(pos), "sourced_recall": rate(found, len(pos)), "source_hit": rate(hit, len(pos))}
    pro = [d for c, d in zip(cases, decisions) if c.kind == "pronoun"]
    out["pronoun"] = {"sentences": len(pro), "sourced_recall": rate(sum(d[0] for d in pro), len(pro))}
    neg = [d for c, d in zip(cases, decisions) if c.kind == "none"]
    out["none"] = {"sentences": len(neg), "false_sourced": rate(sum(d[0] for d in neg), len(neg))}
    return out


def example_figures(model, examples) -> dict:
    """Return per-label F1, macro-F1, primary accuracy, source hit and the number of present
    labels without a cue of ``model`` on labelled examples (``AttributionExample`` rows, e.g.
    :func:`factcheck.datasets.attribution.read_own`), each rounded to three places."""
    import numpy as np

    from ..types import LABELS, primary_label

    X = [e.input for e in examples]
    Y = np.array([e.labels for e in examples], dtype=float).reshape(-1, len(LABELS))
    P = model.predict(X)
    pred = np.array([[a.scores[lab] >= 0.5 for lab in LABELS] for a in P], dtype=bool).reshape(-1, len(LABELS))
    out = {}
    for k, lab in enumerate(LABELS):
        tp = int((pred[:, k] & (Y[:, k] == 1)).sum())
        fp = int((pred[:, k] & (Y[:, k] == 0)).sum())
        fn = int((~pred[:, k] & (Y[:, k] == 1)).sum())
        out[f"{lab} F1"] = round(2 * tp / max(1, 2 * tp + fp + fn), 3)
    out["macro-F1"] = round(sum(out[f"{lab} F1"] for lab in LABELS) / len(LABELS), 3)
    gold = [primary_label({lab: float(v) for lab, v in zip(LABELS, y)}) for y in Y]
    out["primary"] = round(float(np.mean([primary_label(a.scores) == g for a, g in zip(P, gold)])), 3) if P else None
    hits = [source_hit(e.source, a.source.text if a.source else None)
            for e, a in zip(examples, P) if e.labels[0] == 1 and e.source]
    out["source hit"] = round(float(np.mean(hits)), 3) if hits else None
    out["present without a cue"] = sum(1 for a in P for lab in LABELS
                                       if a.scores[lab] >= 0.5 and not any(c.label == lab for c in a.cues))
    return out


def id_half(examples, half: str) -> list:
    """Return the examples whose id (``input.doc_id``, e.g. ``blind-pol-0042``) ends in an even
    (``half="even"``) or odd number: the blind set's development and held-back halves."""
    if half not in ("even", "odd"):
        raise ValueError(f"half must be 'even' or 'odd', not {half!r}")
    out = []
    for e in examples:
        digits = e.input.doc_id.rsplit("-", 1)[-1]
        if not digits.isdigit():
            raise ValueError(f"row id {e.input.doc_id!r} does not end in a number (like blind-pol-0042)")
        if int(digits) % 2 == (half == "odd"):
            out.append(e)
    return out
