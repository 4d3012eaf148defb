"""The PolNeAR development samples: valid rows, no text, 50 train articles each, apart from the
sealed set 3 and from each other, and their gold rebuilds on the texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotation_sets import assert_gold_rebuilds, assert_rows_keep_no_text
from factcheck.datasets.check import doc_id, read_annotations, sealed_train_articles

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
SAMPLES = ("polnear-dev-sample", "polnear-dev-sample-2", "polnear-dev-sample-3", "polnear-dev-sample-4")


def rows_of(name: str) -> list[tuple[int, dict]]:
    return list(read_annotations(DATASETS / name / "annotations.jsonl"))


@pytest.mark.parametrize("name", SAMPLES)
def test_rows_follow_the_rules_and_keep_no_text(name):
    rows = rows_of(name)
    assert len(rows) >= 370
    assert_rows_keep_no_text(rows)


def test_samples_are_train_articles_apart_from_the_sealed_set_and_each_other():
    seen: set[str] = set()
    for name in SAMPLES:
        rows = rows_of(name)
        docs = {doc_id(r["file"]) for _, r in rows}
        assert len(docs) == 50 and all(r["file"].startswith("train/text/") for _, r in rows)
        assert not docs & sealed_train_articles() and not docs & seen
        seen |= docs


@pytest.mark.parametrize("name", SAMPLES)
def test_gold_rebuilds_on_the_texts(name, tmp_path):
    assert_gold_rebuilds(DATASETS / name / "annotations.jsonl", rows_of(name), tmp_path)
