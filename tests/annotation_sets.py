"""Checks shared by the offset-only annotation sets (the PolNeAR check sets and development
samples): rows that keep no text, and gold that rebuilds on the texts of ../shared."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.datasets.check import build_check_set, check_row, sentence_problem
from test_check_set import shared_dir


def assert_rows_keep_no_text(rows: list[tuple[int, dict]]) -> None:
    """Every row follows the rules, no two share a start, and none keeps a text."""
    assert [(n, check_row(r)) for n, r in rows if check_row(r)] == []
    assert max(Counter((r["file"], r["start"]) for _, r in rows).values()) == 1
    for _, r in rows:
        assert "text" not in r and "source" not in r
        assert all("text" not in f for f in r["facets"])


def assert_gold_rebuilds(annotations: Path, rows: list[tuple[int, dict]], tmp_path: Path) -> None:
    """The set's gold rebuilds on the PolNeAR texts: every sentence, facet and source lands."""
    shared = shared_dir()
    if not (shared / "data" / "attribution" / "polnear").is_dir():
        pytest.skip("../shared/data/attribution/polnear is not here")
    docs, gold = build_check_set(shared, tmp_path, annotations)
    texts = {d["doc_id"]: d["text"] for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    built = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(built) == len(rows)
    for g in built:
        text = texts[g["doc_id"]]
        assert g["text"] == text[g["start"]:g["end"]] and sentence_problem(text, g["start"], g["end"]) is None
        assert all(f["text"] == text[f["start"]:f["end"]] for f in g["facets"])
        assert g["source"] is None or g["source"] in text
