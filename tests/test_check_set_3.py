"""The sealed PolNeAR check set 3: valid rows, no text, train articles apart from the other sets,
and it rebuilds. These tests read only the rows' structure and that the rebuilt gold lands on the
texts; they never print or compare a sentence, so the set stays sealed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from annotation_sets import assert_gold_rebuilds, assert_rows_keep_no_text
from factcheck.datasets.check import ANNOTATIONS, read_annotations

SET3 = Path(__file__).resolve().parents[1] / "datasets" / "polnear-check-3" / "annotations.jsonl"
SET2 = SET3.parents[1] / "polnear-check-2" / "annotations.jsonl"
ROWS = list(read_annotations(SET3))


def test_rows_follow_the_rules_and_keep_no_text():
    assert len(ROWS) >= 390
    assert_rows_keep_no_text(ROWS)


def test_articles_are_train_articles_apart_from_the_other_sets():
    files = {r["file"] for _, r in ROWS}
    others = {r["file"] for _, r in read_annotations(ANNOTATIONS)} | {r["file"] for _, r in read_annotations(SET2)}
    assert len(files) == 60 and not files & others
    assert all(f.startswith("train/text/") for f in files)


def test_every_label_and_scored_facet_kind_is_represented():
    primaries = Counter(r["primary"] for _, r in ROWS if r["checkable"])
    assert min(primaries[p] for p in ("sourced", "estimated", "contested", "unsourced")) >= 10
    kinds = Counter(f["kind"] for _, r in ROWS for f in r["facets"] if f["value"] is not None)
    assert min(kinds[k] for k in ("date", "count", "money", "percent")) >= 10


def test_gold_rebuilds_on_the_texts(tmp_path):
    assert_gold_rebuilds(SET3, ROWS, tmp_path)
