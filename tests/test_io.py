"""Readers: every input kind, and broken inputs reported by file and line with the rest read."""
import datetime as dt
import io
import json

import pytest

from factcheck.errors import InputError
from factcheck.io import read_documents, read_inputs, read_records


def _items(tmp_path, name, data: bytes, **kw):
    p = tmp_path / name
    p.write_bytes(data)
    return list(read_inputs([str(p)], **kw))


def test_txt_is_one_document_named_by_stem(tmp_path):
    items = _items(tmp_path, "story.txt", "Sales rose 4%.\n".encode(), published="2020-01-02")
    [item] = items
    assert item.doc.doc_id == "story" and item.doc.text == "Sales rose 4%.\n"
    assert item.doc.published == dt.date(2020, 1, 2)


def test_jsonl_broken_line_is_reported_and_rest_read(tmp_path):
    data = b'{"doc_id": "a", "text": "One."}\n{"doc_id": "b", "text": \n{"text": "Three."}\n{"doc_id": "d"}\n'
    items = _items(tmp_path, "docs.jsonl", data)
    docs = [i.doc for i in items if i.doc]
    errors = [i.error for i in items if i.error]
    assert [d.doc_id for d in docs] == ["a", "docs-3"]
    assert [(e.line, "JSON" in str(e) or "text" in str(e)) for e in errors] == [(2, True), (4, True)]
    assert all(str(e).startswith(str(tmp_path / "docs.jsonl") + ":") for e in errors)


def test_undecodable_bytes_are_reported_with_line(tmp_path):
    data = b'{"text": "fine"}\n{"text": "bad \xff byte"}\n{"text": "also fine"}\n'
    items = _items(tmp_path, "docs.jsonl", data)
    errors = [i.error for i in items if i.error]
    assert len(errors) == 1 and errors[0].line == 2 and "UTF-8" in str(errors[0])
    assert sum(1 for i in items if i.doc) == 3


def test_csv_with_published_and_missing_text(tmp_path):
    data = 'doc_id,text,published\nx,"Rates rose, again.",2019-06-27\ny,,2019-06-27\nz,Fine.,not-a-date\n'.encode()
    items = _items(tmp_path, "t.csv", data)
    docs = [i.doc for i in items if i.doc]
    errors = [i.error for i in items if i.error]
    assert docs[0].doc_id == "x" and docs[0].text == "Rates rose, again." and docs[0].published == dt.date(2019, 6, 27)
    # an empty cell is an empty document, a bad date is an error naming the line
    assert [e.line for e in errors] == [4]


def test_csv_without_text_column(tmp_path):
    items = _items(tmp_path, "t.csv", b"body\nhello\n")
    assert items[0].error and "text" in str(items[0].error)


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    table = pa.table({"doc_id": ["p1", None], "text": ["Output fell 2%.", None], "published": ["2021-05-01", None]})
    pq.write_table(table, tmp_path / "t.parquet")
    items = list(read_inputs([str(tmp_path / "t.parquet")]))
    assert items[0].doc.doc_id == "p1" and items[0].doc.published == dt.date(2021, 5, 1)
    assert items[1].error and items[1].line == 2


def test_folder_walks_supported_files(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text(json.dumps({"doc_id": "b", "text": "B."}) + "\n")
    (tmp_path / "ignore.png").write_bytes(b"\x89PNG")
    docs = list(read_documents([str(tmp_path)]))
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_stdin_text_and_jsonl():
    [item] = list(read_inputs(["-"], stdin=io.BytesIO(b"Plain text from a pipe.")))
    assert item.doc.doc_id == "stdin"
    items = list(read_inputs(["-"], stdin=io.BytesIO(b'{"doc_id": "s", "text": "Row."}\n')))
    assert items[0].doc.doc_id == "s"


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))


def test_read_records_reports_broken_lines(tmp_path):
    p = tmp_path / "claims.jsonl"
    p.write_text('{"doc_id": "a", "text": "x", "start": 0, "end": 1}\nnot json\n')
    errors = []
    rows = list(read_records(str(p), errors))
    assert len(rows) == 1 and errors[0].line == 2
