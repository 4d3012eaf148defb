"""The FactBank facets dev set (datasets/factbank-facets-dev): dates and counts on dated FactBank newswire."""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.datasets.check import build_check_set, check_row, read_annotations, sentence_problem
from factcheck.datasets.factbank import published_from_name

SET = Path(__file__).resolve().parents[1] / "datasets" / "factbank-facets-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def test_rows_follow_the_rules_and_hold_dates_and_counts_only():
    assert 350 <= len(ROWS) <= 450
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []
    assert all(r["facets_only"] and r["kinds"] == ["date", "count"] for _, r in ROWS)
    assert {f["kind"] for _, r in ROWS for f in r["facets"]} == {"date", "count"}
    assert all("text" not in r and all("text" not in f for f in r["facets"]) for _, r in ROWS)


def test_documents_are_dated_factbank_documents():
    files = {r["file"] for _, r in ROWS}
    assert len(files) >= 20
    assert all(f.startswith("factbank/") and published_from_name(Path(f).name) for f in files)


def test_rebuilds_into_gold_whose_offsets_land_on_the_text(tmp_path, shared):
    docs, gold = build_check_set(shared, tmp_path, SET)
    by_id = {d["doc_id"]: d for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    assert all(d["published"] and d["doc_id"].startswith("factbank-") for d in by_id.values())
    for g in rows:
        text = by_id[g["doc_id"]]["text"]
        assert g["facets_only"] and g["kinds"] == ["date", "count"] and not g["checkable"]
        assert sentence_problem(text, g["start"], g["end"]) is None
        assert all(f["text"] == text[f["start"]:f["end"]] and f["text"].strip() == f["text"] for f in g["facets"])
