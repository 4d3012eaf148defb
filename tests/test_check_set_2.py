"""The sealed PolNeAR check set 2: valid rows, no text, articles apart from set 1, and it rebuilds.

These tests read only the annotation rows' structure and that the rebuilt gold lands on the
texts; they never print or compare a sentence, so the set stays sealed.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from annotation_sets import assert_gold_rebuilds, assert_rows_keep_no_text
from factcheck.datasets.check import ANNOTATIONS, check_row, read_annotations

SET2 = Path(__file__).resolve().parents[1] / "datasets" / "polnear-check-2" / "annotations.jsonl"
ROWS = list(read_annotations(SET2))


def test_rows_follow_the_rules():
    assert len(ROWS) >= 400
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []


def test_rows_are_unique_and_keep_no_text():
    assert_rows_keep_no_text(ROWS)


def test_articles_are_apart_from_the_first_check_set():
    first = {r["file"] for _, r in read_annotations(ANNOTATIONS)}
    second = {r["file"] for _, r in ROWS}
    assert len(second) == 50 and not first & second
    assert all(f.startswith("dev/text/") for f in second)


def test_every_label_and_scored_facet_kind_is_represented():
    primaries = Counter(r["primary"] for _, r in ROWS if r["checkable"])
    assert min(primaries[p] for p in ("sourced", "estimated", "contested", "unsourced")) >= 15
    kinds = Counter(f["kind"] for _, r in ROWS for f in r["facets"] if f["value"] is not None)
    assert min(kinds[k] for k in ("date", "count", "money", "percent")) >= 10


def test_gold_rebuilds_on_the_texts(tmp_path):
    assert_gold_rebuilds(SET2, ROWS, tmp_path)
