"""The blind-labelled dates development set (datasets/polnear-dates-dev): valid rows, no text,
train articles apart from the sealed set 3 and from every other PolNeAR set, dates only, and
its gold rebuilds on the texts."""
from __future__ import annotations

from pathlib import Path

from annotation_sets import assert_gold_rebuilds, assert_rows_keep_no_text
from factcheck.datasets.check import doc_id, read_annotations, sealed_train_articles

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
SET = DATASETS / "polnear-dates-dev" / "annotations.jsonl"
ROWS = list(read_annotations(SET))
OTHERS = ("polnear-facets-dev", "polnear-facets-dev-2", "polnear-dev-sample", "polnear-dev-sample-2",
          "polnear-dev-sample-3", "polnear-dev-sample-4")


def test_rows_are_dates_only_and_keep_no_text():
    assert len(ROWS) >= 200
    assert_rows_keep_no_text(ROWS)
    assert all(r["facets_only"] and r["kinds"] == ["date"] for _, r in ROWS)
    assert all(f["kind"] == "date" for _, r in ROWS for f in r["facets"])
    assert sum(f["value"] is not None for _, r in ROWS for f in r["facets"]) >= 200


def test_articles_are_train_articles_no_other_set_holds():
    docs = {doc_id(r["file"]) for _, r in ROWS}
    assert all(r["file"].startswith("train/text/") for _, r in ROWS)
    assert not docs & sealed_train_articles()
    for name in OTHERS:
        assert not docs & {doc_id(r["file"]) for _, r in read_annotations(DATASETS / name / "annotations.jsonl")}


def test_gold_rebuilds_on_the_texts(tmp_path):
    assert_gold_rebuilds(SET, ROWS, tmp_path)
