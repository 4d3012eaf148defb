"""Readers of the check-worthiness data: tolerant of the known defects, exact on the real files."""
from __future__ import annotations

import pytest

from factcheck.datasets.checkworthy import (
    data_dir, dedupe_against, normalise, read_claimbuster, read_clef2019, read_ct24, read_ct24_split,
    read_news_checkable,
)
from factcheck.errors import InputError

HAS_SHARED = (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists()
needs_shared = pytest.mark.skipif(not HAS_SHARED, reason="../shared/data is not here")


def test_ct24_quotes_and_glued_rows(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(
        "Sentence_id\tText\tclass_label\r\n"
        '1\t"She said, ""We cut taxes in 2003."""\tYes\r\n'
        "2\tThank you.\tNo 3\tUnemployment fell to 4%.\tYes\r\n"
        "\r\n"
        "4\t  Spaces around.  \tno\r\n",
        encoding="utf-8")
    rows = read_ct24(path)
    assert [r.id for r in rows] == ["1", "2", "3", "4"]
    assert rows[0].text == 'She said, "We cut taxes in 2003."'
    assert [r.label for r in rows] == [1, 0, 1, 0]
    assert rows[3].text == "Spaces around."


def test_ct24_bad_label_names_the_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Sentence_id\tText\tclass_label\n1\tFine.\tNo\n2\tOdd.\tMaybe\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_ct24(path)
    assert "bad.tsv:3" in str(err.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_ct24(tmp_path / "absent.tsv")


def test_claimbuster_and_clef_columns(tmp_path):
    cb = tmp_path / "cb.csv"
    cb.write_text('sentence_id,screening,label,text\n7,-3,1,"Prices rose 5%, he said."\n8,0,0,Hello.\n')
    assert [(r.id, r.text, r.label) for r in read_claimbuster(cb)] == [
        ("7", "Prices rose 5%, he said.", 1), ("8", "Hello.", 0)]
    clef = tmp_path / "clef.csv"
    clef.write_text("line_number,speaker,text,label,file_name\n1,A,Good evening.,0,d.tsv\n"
                    "2,B,We lost 30 seats.,1,d.tsv\n")
    rows = read_clef2019(clef)
    assert rows[1].prev_text == "Good evening." and rows[1].label == 1


def test_dedupe_against_held_out_by_normalised_text(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("Sentence_id\tText\tclass_label\n1\tTaxes rose 3%.\tYes\n2\ttaxes ROSE 3 %\tYes\n"
                    "3\tA new one.\tNo\n4\tA new one!\tNo\n", encoding="utf-8")
    rows = read_ct24(path)
    held = rows[:1]
    kept = dedupe_against(rows, held)
    assert [r.id for r in kept] == ["3"]
    assert normalise("Taxes  rose, 3%!") == "taxes rose 3"


@pytest.mark.shared
@needs_shared
def test_ct24_splits_read_whole():
    sizes = {}
    for split in ("train", "dev", "dev-test"):
        rows = read_ct24_split(split)
        sizes[split] = len(rows)
        assert all(r.text and r.label in (0, 1) for r in rows)
        assert len({r.id for r in rows}) == len(rows)
        positives = sum(r.label for r in rows) / len(rows)
        assert 0.1 < positives < 0.5
    # the train file's two-rows-on-one-line defect is repaired, so id 29286 is there once
    assert sum(r.id == "29286" for r in read_ct24_split("train")) == 1
    assert sizes["train"] > 20000 and sizes["dev"] > 1000 and sizes["dev-test"] > 300


@pytest.mark.shared
@needs_shared
def test_news_gold_inputs_point_at_their_text():
    inputs, labels = read_news_checkable()
    assert len(inputs) == len(labels) > 100
    for inp in inputs:
        assert inp.text.strip()
        if inp.prev_end is not None:
            assert inp.prev_end <= inp.start
