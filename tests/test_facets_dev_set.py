"""The facets-only development set (datasets/polnear-facets-dev): valid rows, train articles only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.datasets.check import build_check_set, check_row, read_annotations, sentence_problem

SET = Path(__file__).resolve().parents[1] / "datasets" / "polnear-facets-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def test_rows_follow_the_rules_and_come_from_train_articles():
    assert len(ROWS) >= 1000
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []
    assert all(r["facets_only"] and r["file"].startswith("train/text/") for _, r in ROWS)
    scored = [f for _, r in ROWS for f in r["facets"]
              if f["kind"] in ("date", "count", "money", "percent") and f["value"] is not None]
    assert len(scored) >= 250
    assert all("text" not in r and all("text" not in f for f in r["facets"]) for _, r in ROWS)


def test_a_facets_only_row_carries_no_judgement():
    row = {"file": "train/text/x_2016-01-01_y.txt", "start": 0, "end": 10, "facets_only": True,
           "facets": [], "sha256": "0" * 16}
    assert check_row(row) is None
    assert check_row({**row, "labels": ["sourced"]}) == "a facets-only row carries no 'labels'"
    assert check_row({key: v for key, v in row.items() if key != "facets_only"}) == "missing 'checkable'"
    bad = {**row, "facets": [{"kind": "count", "value": 3, "start": 2, "end": 4, "approximate": False}]}
    assert check_row(bad) == "a count facet needs a unit"


def test_rebuilds_into_gold_that_is_not_checkable(tmp_path, shared):
    docs, gold = build_check_set(shared, tmp_path, SET)
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    for g in rows:
        assert g["facets_only"] and not g["checkable"] and g["labels"] == [] and g["primary"] is None
        assert sentence_problem(texts[g["doc_id"]], g["start"], g["end"]) is None
        assert all(f["text"] == texts[g["doc_id"]][f["start"]:f["end"]] for f in g["facets"])
