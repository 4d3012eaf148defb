"""Scoring claim records against gold sentences, as ``spec/CLAIMS.md`` defines the figures.

The same measurements as the independent evaluation: a record belongs to a gold sentence when
they share a document and the record covers at least half of the gold span; check-worthiness
is judged by average precision (ties ranked pessimistically) and F1 at 0.5; labels by
per-label P/R/F1 on checkable sentences; facets by a greedy one-to-one match on kind and value
(money also on currency) inside the gold span, with quantity, duration and value-less gold
facets left out of the count, and, on a gold sentence that names the kinds annotated on it
(``"kinds"``), predicted facets of other kinds too. Written from the spec for this project.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

LABELS = ("sourced", "estimated", "contested")
SCORED_KINDS = ("date", "count", "money", "percent")
CUTOFF = 0.5


@dataclass
class Tally:
    """True positives, false positives and false negatives, and the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, wanted: bool) -> None:
        if predicted and wanted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif wanted:
            self.fn += 1

    def to_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def average_precision(pairs: Iterable[tuple[float, bool]]) -> float:
    """Return the average precision of (score, is_positive) pairs; ties rank negatives first."""
    pairs = sorted(pairs, key=lambda p: (-p[0], p[1]))
    n_pos = sum(1 for _, y in pairs if y)
    if not n_pos:
        return float("nan")
    seen = 0
    total = 0.0
    for rank, (_, y) in enumerate(pairs, start=1):
        if y:
            seen += 1
            total += seen / rank
    return total / n_pos


def _span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _values_agree(kind: str, gold, pred) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if kind == "date":
        return str(gold).strip() == str(pred).strip()
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    tolerance = 5e-3 if kind == "money" else 1e-6
    return math.isclose(g, p, rel_tol=tolerance, abs_tol=0.0 if kind == "money" else 1e-9)


def _match_facets(gold: list[dict], pred: list[dict], counts: dict[str, Tally]) -> None:
    taken: set[int] = set()
    for g in gold:
        found = None
        for j, p in enumerate(pred):
            if j in taken or p.get("kind") != g["kind"]:
                continue
            if not _values_agree(g["kind"], g.get("value"), p.get("value")):
                continue
            if g["kind"] == "money" and str(g.get("unit") or "").upper() != str(p.get("unit") or "").upper():
                continue
            found = j
            break
        if found is None:
            counts[g["kind"]].fn += 1
        else:
            taken.add(found)
            counts[g["kind"]].tp += 1
    for j, p in enumerate(pred):
        if j not in taken:
            counts.setdefault(p.get("kind"), Tally()).fp += 1


def _source_text(source) -> str:
    if isinstance(source, dict):
        return source.get("text", "") or ""
    return "" if source is None else str(source)


def score_records(gold: list[dict], pred: list[dict]) -> dict:
    """Return the evaluation figures of predicted claim records against gold sentences."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for rec in pred:
        by_doc[str(rec.get("doc_id"))].append(rec)

    ranking: list[tuple[float, bool]] = []
    checkable = Tally()
    labels = {lab: Tally() for lab in LABELS}
    facets = {k: Tally() for k in SCORED_KINDS}
    confusion: Counter = Counter()
    primary_n = primary_ok = 0
    sources_n = sources_ok = 0
    no_record = 0

    for g in gold:
        doc_recs = by_doc.get(str(g["doc_id"]), [])
        span = (g["start"], g["end"])
        need = max(1, span[1] - span[0])
        mine = [r for r in doc_recs if 2 * _span_overlap((r.get("start", -1), r.get("end", -1)), span) >= need]
        no_record += not mine
        cw = max((float(r.get("checkworthiness", 0.0)) for r in mine), default=0.0)
        wanted_checkable = bool(g["checkable"])
        ranking.append((cw, wanted_checkable))
        checkable.add(cw >= CUTOFF, wanted_checkable)

        # facets of any record that fall inside the gold span, each counted once
        inside: dict[tuple, dict] = {}
        for r in doc_recs:
            for f in r.get("facets", []) or []:
                if span[0] <= f.get("start", -1) and f.get("end", 10**12) <= span[1]:
                    inside.setdefault((f.get("start"), f.get("end"), f.get("kind")), f)
        gold_facets = g.get("facets", []) or []
        scored = [f for f in gold_facets if f["kind"] in SCORED_KINDS and f.get("value") is not None]
        dont_care = [f for f in gold_facets if not (f["kind"] in SCORED_KINDS and f.get("value") is not None)]

        def counts_for_nothing(f: dict) -> bool:
            fs = (f.get("start", -1), f.get("end", -1))
            hits_ignored = any(_span_overlap(fs, (d["start"], d["end"])) > 0 for d in dont_care)
            hits_scored = any(_span_overlap(fs, (s["start"], s["end"])) > 0 for s in scored)
            return hits_ignored and not hits_scored

        # a sentence annotated for some kinds only (gold "kinds") does not score the others
        kinds = g.get("kinds") or SCORED_KINDS
        candidates = [f for f in inside.values()
                      if f.get("kind") in SCORED_KINDS and f.get("kind") in kinds and not counts_for_nothing(f)]
        _match_facets(scored, candidates, facets)

        if not wanted_checkable:
            continue
        best = max(mine, key=lambda r: float(r.get("checkworthiness", 0.0)), default={})
        scores = best.get("scores") or {}
        got = {lab for lab in LABELS if float(scores.get(lab, 0.0)) >= CUTOFF}
        want = set(g.get("labels", []))
        for lab in LABELS:
            labels[lab].add(lab in got, lab in want)
        gold_primary = g.get("primary") or next((p for p in ("contested", "estimated", "sourced") if p in want), "unsourced")
        pred_primary = best.get("label") or "unsourced"
        primary_n += 1
        primary_ok += gold_primary == pred_primary
        confusion[f"{gold_primary}->{pred_primary}"] += 1
        if g.get("source"):
            sources_n += 1
            gold_words = set(_source_text(g["source"]).lower().split())
            pred_words = set(_source_text(best.get("source")).lower().split())
            sources_ok += bool(gold_words) and 2 * len(gold_words & pred_words) >= len(gold_words)

    label_figs = {lab: t.to_dict() for lab, t in labels.items()}
    all_facets = Tally(sum(t.tp for t in facets.values()), sum(t.fp for t in facets.values()),
                       sum(t.fn for t in facets.values()))
    return {
        "sentences": len(gold),
        "unmatched_sentences": no_record,
        "checkable": {"ap": round(average_precision(ranking), 4), **checkable.to_dict()},
        "labels": label_figs,
        "labels_macro_f1": round(sum(v["f1"] for v in label_figs.values()) / len(LABELS), 4),
        "primary_accuracy": round(primary_ok / primary_n, 4) if primary_n else None,
        "primary_confusion": dict(sorted(confusion.items())),
        "source_hit_rate": round(sources_ok / sources_n, 4) if sources_n else None,
        "facets": {k: facets[k].to_dict() for k in SCORED_KINDS},
        "facets_micro_f1": all_facets.to_dict()["f1"],
    }


def format_report(result: dict) -> str:
    """Return the figures as the lines a person reads."""
    c = result["checkable"]
    lines = [f"sentences {result['sentences']} (no record for {result['unmatched_sentences']})",
             f"checkable   AP {c['ap']:.3f}  P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}"]
    absent = []
    for lab, v in result["labels"].items():
        if not (v["tp"] or v["fp"] or v["fn"]):
            absent.append(lab)
            lines.append(f"{lab:<11} n/a: neither in the gold nor predicted")
            continue
        lines.append(f"{lab:<11} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    lines.append(f"labels macro-F1 {result['labels_macro_f1']:.3f}"
                 + (f" (counts {', '.join(absent)} as 0, as the shared scorer does)" if absent else "")
                 + f"  primary accuracy {result['primary_accuracy']}  source hit {result['source_hit_rate']}")
    if result["primary_confusion"]:
        lines.append("primary confusion (gold->predicted): " +
                     ", ".join(f"{k} {v}" for k, v in result["primary_confusion"].items()))
    for k, v in result["facets"].items():
        lines.append(f"facet {k:<8} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    lines.append(f"facets micro-F1 {result['facets_micro_f1']:.3f}")
    return "\n".join(lines)


def figure(result: dict, path: str):
    """Return the figure at a dotted path such as ``labels.contested.f1`` or ``checkable.ap``."""
    value = result
    for part in path.split("."):
        value = value[part]
    return value


def below_floor(result: dict, floor: dict[str, float]) -> list[str]:
    """Return a line for each figure of ``floor`` (dotted path -> minimum) that the result misses."""
    misses = []
    for path, minimum in floor.items():
        got = figure(result, path)
        if got is None or (isinstance(got, float) and math.isnan(got)) or got < minimum:
            misses.append(f"{path} {got} < {minimum}")
    return misses
