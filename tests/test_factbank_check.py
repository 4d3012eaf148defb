"""The sealed FactBank check set (datasets/factbank-check): its rows load and resolve; no figures, no rows printed."""
from __future__ import annotations

from pathlib import Path

from factbank_sets import dated_factbank_files, rebuilt_problems, rows_problems
from factcheck.datasets.check import read_annotations

HERE = Path(__file__).resolve().parents[1] / "datasets"
SET = HERE / "factbank-check" / "annotations.jsonl"
DEV = HERE / "factbank-facets-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def test_rows_follow_the_rules_and_hold_dates_and_counts_only():
    assert 300 <= len(ROWS) <= 400
    assert rows_problems(ROWS) == 0  # a count, so a failure names no row of the sealed set
    assert {f["kind"] for _, r in ROWS for f in r["facets"]} == {"date", "count"}


def test_documents_are_dated_and_disjoint_from_the_dev_set():
    files = dated_factbank_files(ROWS)
    assert len(files) >= 15
    assert not files & {r["file"] for _, r in read_annotations(DEV)}


def test_rebuilds_into_gold_whose_offsets_land_on_the_text(tmp_path, shared):
    assert rebuilt_problems(shared, tmp_path, SET, len(ROWS)) == 0
