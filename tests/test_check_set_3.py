"""The sealed PolNeAR check set 3: valid rows, no text, train articles apart from the other sets,
and it rebuilds. These tests read only the rows' structure and that the rebuilt gold lands on the
texts; they never print or compare a sentence, so the set stays sealed."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.datasets.check import ANNOTATIONS, build_check_set, check_row, read_annotations, sentence_problem
from test_check_set import shared_dir

SET3 = Path(__file__).resolve().parents[1] / "datasets" / "polnear-check-3" / "annotations.jsonl"
SET2 = SET3.parents[1] / "polnear-check-2" / "annotations.jsonl"
ROWS = list(read_annotations(SET3))


def test_rows_follow_the_rules():
    assert len(ROWS) >= 390
    assert [(n, check_row(r)) for n, r in ROWS if check_row(r)] == []


def test_rows_are_unique_and_keep_no_text():
    assert max(Counter((r["file"], r["start"]) for _, r in ROWS).values()) == 1
    for _, r in ROWS:
        assert "text" not in r and "source" not in r
        assert all("text" not in f for f in r["facets"])


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
    shared = shared_dir()
    if not (shared / "data" / "attribution" / "polnear").is_dir():
        pytest.skip("../shared/data/attribution/polnear is not here")
    docs, gold = build_check_set(shared, tmp_path, SET3)
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(ROWS)
    for g in rows:
        text = texts[g["doc_id"]]
        assert g["text"] == text[g["start"]:g["end"]] and sentence_problem(text, g["start"], g["end"]) is None
        assert all(f["text"] == text[f["start"]:f["end"]] for f in g["facets"])
        assert g["source"] is None or g["source"] in text
