"""The sealed FactBank check set (datasets/factbank-check): its rows load and resolve; no figures, no rows printed."""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.datasets.check import build_check_set, check_row, read_annotations, sentence_problem
from factcheck.datasets.factbank import published_from_name

HERE = Path(__file__).resolve().parents[1] / "datasets"
SET = HERE / "factbank-check" / "annotations.jsonl"
DEV = HERE / "factbank-facets-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))


def test_rows_follow_the_rules_and_hold_dates_and_counts_only():
    assert 300 <= len(ROWS) <= 400
    assert [n for n, r in ROWS if check_row(r)] == []
    assert all(r["facets_only"] and r["kinds"] == ["date", "count"] for _, r in ROWS)
    assert {f["kind"] for _, r in ROWS for f in r["facets"]} == {"date", "count"}
    assert all("text" not in r and all("text" not in f for f in r["facets"]) for _, r in ROWS)


def test_documents_are_dated_and_disjoint_from_the_dev_set():
    files = {r["file"] for _, r in ROWS}
    dev = {r["file"] for _, r in read_annotations(DEV)}
    assert len(files) >= 15
    assert all(f.startswith("factbank/") and published_from_name(Path(f).name) for f in files)
    assert not files & dev


def test_rebuilds_into_gold_whose_offsets_land_on_the_text(tmp_path, shared):
    docs, gold = build_check_set(shared, tmp_path, SET)
    by_id = {d["doc_id"]: d for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    assert all(d["published"] and d["doc_id"].startswith("factbank-") for d in by_id.values())
    ok = [g["facets_only"] and g["kinds"] == ["date", "count"] and not g["checkable"]
          and sentence_problem(by_id[g["doc_id"]]["text"], g["start"], g["end"]) is None
          and all(f["text"] == by_id[g["doc_id"]]["text"][f["start"]:f["end"]] and f["text"].strip() == f["text"]
                  for f in g["facets"])
          for g in rows]
    assert ok.count(False) == 0  # a count, so a failure names no row of the sealed set
