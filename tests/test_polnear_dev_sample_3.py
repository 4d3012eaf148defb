"""The third PolNeAR development sample: valid rows, no text, articles apart from the sealed set 3, and
it rebuilds on the texts."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.datasets.check import build_check_set, check_row, read_annotations, sealed_train_articles, doc_id
from test_check_set import shared_dir

SAMPLE = Path(__file__).resolve().parents[1] / "datasets" / "polnear-dev-sample-3" / "annotations.jsonl"
ROWS = list(read_annotations(SAMPLE))


def test_rows_follow_the_rules_and_keep_no_text():
    assert len(ROWS) >= 370
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []
    assert max(Counter((r["file"], r["start"]) for _, r in ROWS).values()) == 1
    assert all("text" not in r and all("text" not in f for f in r["facets"]) for _, r in ROWS)


def test_articles_are_train_articles_apart_from_the_sealed_set():
    docs = {doc_id(r["file"]) for _, r in ROWS}
    assert len(docs) == 50 and all(r["file"].startswith("train/text/") for _, r in ROWS)
    assert not docs & sealed_train_articles()
    first = {doc_id(r["file"]) for name in ("polnear-dev-sample", "polnear-dev-sample-2")
             for _, r in read_annotations(SAMPLE.parents[1] / name / "annotations.jsonl")}
    assert not docs & first


def test_gold_rebuilds_on_the_texts(tmp_path):
    shared = shared_dir()
    if not (shared / "data" / "attribution" / "polnear").is_dir():
        pytest.skip("../shared/data/attribution/polnear is not here")
    docs, gold = build_check_set(shared, tmp_path, SAMPLE)
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    for g in rows:
        assert g["text"] == texts[g["doc_id"]][g["start"]:g["end"]]
        assert all(f["text"] == texts[g["doc_id"]][f["start"]:f["end"]] for f in g["facets"])
