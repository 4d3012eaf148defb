"""The FactBank newswire reader (factcheck.datasets.factbank) on XML written for this test."""
from __future__ import annotations

import json

import pytest

from factcheck.datasets.check import build_check_set, doc_id, published
from factcheck.datasets.factbank import published_from_name, read_factbank_documents
from factcheck.errors import InputError

SNIPPET = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<Annotation created="1/1/2026" creator="test"><DocumentSet>
<Document type="unknown"><DocID type="FILENAME">APW19990105.0101.txt</DocID>
<DocumentPart type="unknown"><Sentence id="S1.1">The  council met on Monday,
 officials said.</Sentence><Sentence id="S1.2">It <ccue type="speculation_modal_probable_">may</ccue>
vote   again.</Sentence></DocumentPart>
<DocumentPart type="unknown"><Sentence id="S1.3">``Nothing is settled,'' a clerk said.</Sentence></DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">wsj_0099.txt</DocID><DocumentPart type="unknown">
<Sentence id="S2.1">A journal story without a date in its name.</Sentence></DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">CNN20010230.1130.0960.txt</DocID><DocumentPart type="unknown">
<Sentence id="S3.1">A name whose date does not exist.</Sentence></DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">VOA20000301.1800.0355.txt</DocID><DocumentPart type="unknown">
<Sentence id="S4.1">Transcripts carry two story numbers.</Sentence><Sentence id="S4.2">  </Sentence></DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture
def xml(tmp_path):
    path = tmp_path / "factbank.xml"
    path.write_text(SNIPPET, encoding="utf-8")
    return path


def test_dated_documents_in_file_order_with_tags_dropped_and_space_folded(xml):
    docs = read_factbank_documents(xml)
    assert [d["doc_id"] for d in docs] == ["factbank-APW19990105.0101", "factbank-VOA20000301.1800.0355"]
    assert [d["published"] for d in docs] == ["1999-01-05", "2000-03-01"]
    assert docs[0]["text"] == ("The council met on Monday, officials said. It may vote again. "
                               "``Nothing is settled,'' a clerk said.")
    assert docs[1]["text"] == "Transcripts carry two story numbers."
    assert read_factbank_documents(xml) == docs


@pytest.mark.parametrize("name, want", [
    ("APW19980213.1320.txt", "1998-02-13"), ("NYT19981026.0446.txt", "1998-10-26"),
    ("XIE19990807.0022.txt", "1999-08-07"), ("PRI19980216.2000.0170.txt", "1998-02-16"),
    ("wsj_0026.txt", None), ("AP900816-0139.txt", None), ("ea980120.1830.0071.txt", None),
    ("APW19981332.0001.txt", None), ("SJMN91-06338157.txt", None),
])
def test_publication_date_from_the_name(name, want):
    assert published_from_name(name) == want


@pytest.mark.parametrize("text, reason", [
    ("<Annotation><DocumentSet><Document>", "not well-formed XML"),
    ("<Annotation><DocumentSet></DocumentSet></Annotation>", "no <Document> elements"),
    ("<Annotation><DocumentSet><Document><DocumentPart/></Document></DocumentSet></Annotation>", "has no <DocID>"),
    ("<Annotation><DocumentSet><Document><DocID>APW19990105.0101.txt</DocID></Document>"
     "<Document><DocID>APW19990105.0101.txt</DocID></Document></DocumentSet></Annotation>", "given twice"),
])
def test_a_malformed_file_is_a_one_line_input_error(tmp_path, text, reason):
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=reason) as err:
        read_factbank_documents(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_factbank_documents(tmp_path / "nowhere.xml")


def test_check_set_names_and_dates_factbank_and_polnear_files():
    assert doc_id("factbank/APW19990105.0101.txt") == "factbank-APW19990105.0101"
    assert published("factbank/APW19990105.0101.txt") == "1999-01-05"
    assert published("factbank/wsj_0099.txt") is None
    assert doc_id("dev/text/nyt_2016-05-04_some-slug.txt") == "nyt_2016-05-04_some-slug"
    assert published("dev/text/nyt_2016-05-04_some-slug.txt") == "2016-05-04"


def _shared_with(tmp_path, xml_text: str):
    shared = tmp_path / "shared"
    (shared / "data" / "hedge" / "szeged").mkdir(parents=True)
    (shared / "data" / "hedge" / "szeged" / "factbank.xml").write_text(xml_text, encoding="utf-8")
    return shared


def test_build_check_set_reads_factbank_rows(tmp_path):
    import hashlib

    shared = _shared_with(tmp_path, SNIPPET)
    text = read_factbank_documents(shared / "data" / "hedge" / "szeged" / "factbank.xml")[0]["text"]
    start, end = text.index("``Nothing"), len(text)
    row = {"file": "factbank/APW19990105.0101.txt", "start": 0, "end": text.index(" It may"),
           "facets_only": True, "kinds": ["date", "count"],
           "facets": [{"kind": "date", "value": "1999-01-04", "start": 19, "end": 25, "approximate": False}],
           "sha256": hashlib.sha256(text[:text.index(" It may")].encode()).hexdigest()[:16]}
    quote = {**row, "start": start, "end": end, "facets": [],
             "sha256": hashlib.sha256(text[start:end].encode()).hexdigest()[:16]}
    ann = tmp_path / "annotations.jsonl"
    ann.write_text(json.dumps(row) + "\n" + json.dumps(quote) + "\n", encoding="utf-8")
    docs, gold = build_check_set(shared, tmp_path / "out", ann)
    assert [json.loads(x) for x in docs.read_text(encoding="utf-8").splitlines()] == [
        {"doc_id": "factbank-APW19990105.0101", "published": "1999-01-05", "text": text}]
    got = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["factbank-APW19990105.0101-0", "factbank-APW19990105.0101-1"]
    assert got[0]["facets"][0]["text"] == "Monday" and got[1]["text"].startswith("``Nothing")

    ann.write_text(json.dumps({**row, "file": "factbank/wsj_0099.txt"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not a dated document"):
        build_check_set(shared, tmp_path / "out", ann)
    ann.write_text(json.dumps({**row, "sha256": "0" * 16}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not the sentence that was annotated"):
        build_check_set(shared, tmp_path / "out", ann)
