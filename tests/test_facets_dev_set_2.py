"""The second facets dev set (datasets/polnear-facets-dev-2): dates and counts only, new train articles."""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.datasets.check import build_check_set, check_row, read_annotations, sentence_problem

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
SET = DATASETS / "polnear-facets-dev-2" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def _files(name: str) -> set[str]:
    return {Path(r["file"]).name for _, r in read_annotations(DATASETS / name / "annotations.jsonl")}


def test_rows_follow_the_rules_and_hold_dates_and_counts_only():
    assert len(ROWS) >= 500
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []
    assert all(r["facets_only"] and r["kinds"] == ["date", "count"] for _, r in ROWS)
    assert {f["kind"] for _, r in ROWS for f in r["facets"]} == {"date", "count"}
    assert all("text" not in r and all("text" not in f for f in r["facets"]) for _, r in ROWS)


def test_articles_are_new_train_articles():
    files = {r["file"] for _, r in ROWS}
    assert len(files) >= 28 and all(f.startswith("train/text/") for f in files)
    names = {Path(f).name for f in files}
    for other in ("polnear-facets-dev", "polnear-check", "polnear-check-2"):
        assert not names & _files(other), other


def test_kinds_must_name_known_kinds_and_cover_the_facets():
    row = {"file": "train/text/x_2016-01-01_y.txt", "start": 0, "end": 30, "facets_only": True,
           "kinds": ["date", "count"], "sha256": "0" * 16,
           "facets": [{"kind": "date", "value": "2016", "start": 2, "end": 6, "approximate": False}]}
    assert check_row(row) is None
    assert check_row({**row, "kinds": []}).startswith("kinds [] is not")
    assert check_row({**row, "kinds": ["date", "age"]}).startswith("kinds ['date', 'age'] is not")
    money = {"kind": "money", "value": 5, "unit": "USD", "start": 8, "end": 10, "approximate": False}
    assert check_row({**row, "facets": row["facets"] + [money]}).startswith("a facet's kind is not one of")


def test_rebuilds_into_gold_that_carries_its_kinds(tmp_path, shared):
    docs, gold = build_check_set(shared, tmp_path, SET)
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    for g in rows:
        assert g["facets_only"] and g["kinds"] == ["date", "count"] and not g["checkable"]
        assert sentence_problem(texts[g["doc_id"]], g["start"], g["end"]) is None
        assert all(f["text"] == texts[g["doc_id"]][f["start"]:f["end"]] for f in g["facets"])
