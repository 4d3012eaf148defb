"""The FactBank facets dev set (datasets/factbank-facets-dev): dates and counts on dated FactBank newswire."""
from __future__ import annotations

from pathlib import Path

from factbank_sets import dated_factbank_files, rebuilt_problems, rows_problems
from factcheck.datasets.check import read_annotations

SET = Path(__file__).resolve().parents[1] / "datasets" / "factbank-facets-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def test_rows_follow_the_rules_and_hold_dates_and_counts_only():
    assert 350 <= len(ROWS) <= 450
    assert rows_problems(ROWS) == 0
    assert {f["kind"] for _, r in ROWS for f in r["facets"]} == {"date", "count"}


def test_documents_are_dated_factbank_documents():
    assert len(dated_factbank_files(ROWS)) >= 20


def test_rebuilds_into_gold_whose_offsets_land_on_the_text(tmp_path, shared):
    assert rebuilt_problems(shared, tmp_path, SET, len(ROWS)) == 0
