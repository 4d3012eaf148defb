"""The PolNeAR check set: every annotation row is valid and rebuilds into news-dev-format gold."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from factcheck.datasets.check import (
    ANNOTATIONS,
    build_check_set,
    check_row,
    read_annotations,
    sentence_problem,
)
from factcheck.errors import InputError


def shared_dir() -> Path:
    """``$FACTCHECK_SHARED``, else ``<repo>/../shared``."""
    return Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[2] / "shared"))


ROWS = list(read_annotations(ANNOTATIONS))
MIN_ROWS = 400
GOLD_KEYS = {"id", "doc_id", "start", "end", "text", "checkable", "labels", "primary", "source", "facets"}


def test_rows_follow_the_rules():
    assert len(ROWS) >= MIN_ROWS
    problems = [(n, check_row(r)) for n, r in ROWS if check_row(r)]
    assert problems == []


def test_rows_are_unique_and_spread_over_articles():
    keys = Counter((r["file"], r["start"]) for _, r in ROWS)
    assert max(keys.values()) == 1
    files = {r["file"] for _, r in ROWS}
    assert 30 <= len(files) <= 50
    assert all(f.startswith("dev/text/") for f in files)


def test_rows_keep_no_text():
    # offsets, labels and units only: no sentence, facet or source text
    for _, r in ROWS:
        assert "text" not in r and "source" not in r
        assert all("text" not in f for f in r["facets"])


def test_sentence_problem_spots_broken_spans():
    text = "He said it. The rally drew 5,000 people. Then"
    assert sentence_problem(text, 12, 40) is None
    assert sentence_problem(text, 13, 40) == "the span does not start like a sentence ('h')"
    assert "end like a sentence" in sentence_problem(text, 12, 38)
    assert "outside" in sentence_problem(text, 12, 400)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    shared = shared_dir()
    if not (shared / "data" / "attribution" / "polnear").is_dir():
        pytest.skip("../shared/data/attribution/polnear is not here")
    out = tmp_path_factory.mktemp("check")
    docs, gold = build_check_set(shared, out)
    read = lambda p: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
    return read(docs), read(gold)


def test_gold_rebuilds_with_offsets_on_the_text(built):
    docs, gold = built
    by_id = {d["doc_id"]: d for d in docs}
    assert len(gold) == len(ROWS)
    for g in gold:
        assert set(g) == GOLD_KEYS
        text = by_id[g["doc_id"]]["text"]
        assert g["text"] == text[g["start"]:g["end"]]
        assert sentence_problem(text, g["start"], g["end"]) is None
        for f in g["facets"]:
            assert f["text"] == text[f["start"]:f["end"]] and f["text"].strip() == f["text"]
        if g["source"] is not None:
            assert g["source"] in text


def test_docs_carry_their_publication_date(built):
    docs, _ = built
    for d in docs:
        assert d["published"] == d["doc_id"].split("_")[1]
        assert d["published"].startswith("2016-")


def test_gold_has_the_format_of_news_dev(built):
    _, gold = built
    news_dev = shared_dir() / "data" / "news-dev" / "gold.jsonl"
    if not news_dev.is_file():
        pytest.skip("news-dev gold is not here")
    ref = json.loads(news_dev.read_text(encoding="utf-8").splitlines()[0])
    assert set(ref) == GOLD_KEYS
    for g in gold:
        for f in g["facets"]:
            assert set(f) - {"unit"} == {"kind", "text", "value", "start", "end", "approximate"}


def test_changed_source_text_names_the_row(tmp_path):
    polnear = tmp_path / "data" / "attribution" / "polnear"
    (polnear / "dev" / "text").mkdir(parents=True)
    _, row = ROWS[0]
    (polnear / row["file"]).write_text("Nothing here matches the annotated sentence at all.\n" * 200,
                                       encoding="utf-8")
    ann = tmp_path / "ann.jsonl"
    ann.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1") as info:
        build_check_set(tmp_path, tmp_path / "out", annotations=ann)
    assert "changed" in str(info.value)


def test_missing_file_names_the_row(tmp_path):
    (tmp_path / "data" / "attribution" / "polnear").mkdir(parents=True)
    ann = tmp_path / "ann.jsonl"
    ann.write_text(json.dumps(ROWS[0][1]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1"):
        build_check_set(tmp_path, tmp_path / "out", annotations=ann)
