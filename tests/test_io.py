"""Readers: every input kind, and broken inputs reported by file and line with the rest read."""
import datetime as dt
import io
import json

import pytest

from factcheck.errors import InputError
from factcheck.io import read_documents, read_inputs, read_record_rows, read_records


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
    data = '{"text": "café fine"}\n{"text": "bad \xff byte"}\n{"text": "also fine"}\n'.encode("utf-8")
    data = data.replace("\xff".encode("utf-8"), b"\xff")  # one damaged byte in a UTF-8 file
    items = _items(tmp_path, "docs.jsonl", data)
    errors = [i.error for i in items if i.error]
    assert len(errors) == 1 and errors[0].line == 2 and "utf-8" in str(errors[0]).lower()
    # the damaged row is recorded, never processed with replacement characters
    assert [i.doc.text for i in items if i.doc] == ["café fine", "also fine"]


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


@pytest.mark.parametrize("name,data", [
    ("t.csv", b'id,text\n17,Rates rose 4%.\n,Rates fell.\n'),
    ("t.jsonl", b'{"id": 17, "text": "Rates rose 4%."}\n{"text": "Rates fell."}\n'),
])
def test_a_plain_id_column_names_the_document_when_there_is_no_doc_id(tmp_path, name, data):
    docs = [i.doc for i in _items(tmp_path, name, data)]
    assert [d.doc_id for d in docs] == ["17", "t-3" if name.endswith(".csv") else "t-2"]
    both = _items(tmp_path, "u.jsonl", b'{"doc_id": "a1", "id": 17, "text": "Rates rose 4%."}\n')
    assert both[0].doc.doc_id == "a1"  # doc_id comes first


def test_a_plain_id_column_in_parquet_and_in_a_data_frame(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    import pyarrow.parquet as pq

    import factcheck
    pq.write_table(pa.table({"id": ["p1"], "text": ["Output fell 2% in 2021."]}), tmp_path / "t.parquet")
    assert [i.doc.doc_id for i in read_inputs([str(tmp_path / "t.parquet")])] == ["p1"]
    out = factcheck.score_dataframe(pd.DataFrame({"id": ["q1"], "text": ["Output fell 2% in 2021."]}),
                                    all_sentences=True)
    assert set(out["doc_id"]) == {"q1"}


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


def _located(rows):
    """(line, record or the error's text) of read_record_rows' rows."""
    return [(line, str(rec) if isinstance(rec, InputError) else rec) for _, line, rec in rows]


def test_record_rows_of_jsonl_keep_their_lines_and_read_past_broken_ones(tmp_path):
    p = tmp_path / "claims.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"claim_id": "a"}\n\n{"claim_id": \n[1, 2]\n{"text": "bad \xff byte"}\n{"claim_id": "b"}\n')
    got = _located(read_record_rows(str(p)))
    assert [line for line, _ in got] == [1, 3, 4, 5, 6]
    assert got[0] == (1, {"claim_id": "a"}) and got[-1] == (6, {"claim_id": "b"})  # the BOM is no part of it
    assert got[1][1].startswith(f"{p}:3: broken JSON") and got[2][1] == f"{p}:4: a record must be a JSON object"
    assert got[3][1].startswith(f"{p}:5: not valid UTF-8") and "save the file as UTF-8" in got[3][1]
    assert all("\n" not in text for _, text in got if isinstance(text, str))  # one line each
    raw = _located(read_record_rows(str(p), raw=True))
    assert raw[0] == (1, '{"claim_id": "a"}') and raw[1] == (3, '{"claim_id":')  # as read, unparsed


def test_record_rows_of_csv_are_typed_and_located_by_their_first_line(tmp_path):
    p = tmp_path / "claims.csv"
    p.write_bytes(b'claim_id,text,start,end,checkworthiness,facets,label\n'
                  b'a,"two\nlines",0,9,0.5,"[{""kind"": ""count""}]",\n'
                  b'b,x,zero,1,0.1,[],sourced\n'
                  b'c,"\xff",0,1,,,\n'
                  b'd,y,3,4.0,0.2,"{broken",estimated,extra\n'
                  b'e,z,5,6,0.3,null,contested\n')
    got = _located(read_record_rows(str(p)))
    assert got[0] == (2, {"claim_id": "a", "text": "two\nlines", "start": 0, "end": 9, "checkworthiness": 0.5,
                          "facets": [{"kind": "count"}]})  # an empty cell is left out
    assert got[1][0] == 4 and got[1][1].startswith(f"{p}:4: unreadable cell")
    assert got[2][0] == 5 and got[2][1].startswith(f"{p}:5: not valid UTF-8")
    assert got[3][0] == 6 and got[3][1].startswith(f"{p}:6: unreadable cell")
    assert got[4] == (7, {"claim_id": "e", "text": "z", "start": 5, "end": 6, "checkworthiness": 0.3,
                          "facets": None, "label": "contested"})
    errors = []
    assert [r["claim_id"] for r in read_records(str(p), errors)] == ["a", "e"] and len(errors) == 3


def test_record_rows_of_parquet_and_of_stdin(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq
    p = tmp_path / "claims.parquet"
    pq.write_table(pa.table({"claim_id": ["a", "b"], "start": [0, 3], "scores": ['{"sourced": 0.5}', "{nope"],
                             "label": [None, "sourced"]}), p)
    got = _located(read_record_rows(str(p)))
    assert got[0] == (1, {"claim_id": "a", "start": 0, "scores": {"sourced": 0.5}})
    assert got[1][0] == 2 and got[1][1].startswith(f"{p}:2: unreadable cell")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'{"claim_id": "s"}\n')))
    assert _located(read_record_rows("-")) == [(1, {"claim_id": "s"})]


def test_record_rows_refuse_unknown_formats_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="cannot read .tsv files"):
        list(read_record_rows(str(tmp_path / "x.tsv")))
    with pytest.raises(InputError, match="check the path"):
        list(read_record_rows(str(tmp_path / "nope.jsonl")))
    (tmp_path / "x.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="not a Parquet file"):
        list(read_record_rows(str(tmp_path / "x.parquet")))


def test_a_json_array_or_an_indented_object_is_read_as_its_rows(tmp_path):
    rows = [{"doc_id": "a", "text": "Fares rose 4% in 2022.", "published": "2023-01-05"},
            {"doc_id": "b", "text": "Crime fell 8 percent last year, police said."}]
    p = tmp_path / "articles.json"
    p.write_text(json.dumps(rows, indent=2))  # what scrapers and json.dump write
    docs = list(read_documents(str(p)))
    assert [(d.doc_id, d.text, str(d.published)) for d in docs] == \
        [("a", rows[0]["text"], "2023-01-05"), ("b", rows[1]["text"], "None")]
    p.write_text(json.dumps(rows[0], indent=1))
    assert [d.doc_id for d in read_documents(str(p))] == ["a"]
    # on standard input too; an article that opens with a bracket stays an article
    items = list(read_inputs(["-"], stdin=io.BytesIO(json.dumps(rows).encode())))
    assert [i.doc.doc_id for i in items] == ["a", "b"]
    [item] = list(read_inputs(["-"], stdin=io.BytesIO(b"[Updated] Fares rose 4% in 2022.")))
    assert item.doc.text == "[Updated] Fares rose 4% in 2022."


def test_a_json_array_reports_rows_at_their_lines_and_where_it_breaks(tmp_path):
    p = tmp_path / "claims.json"
    p.write_text('[\n  {"claim_id": "a", "text": "x"},\n  7,\n  {"claim_id": "b",\n   "text": "y"},\n'
                 '  {"claim_id": "c" "text": "z"},\n  {"claim_id": "d"}\n]\n')
    got = _located(read_record_rows(str(p)))
    assert got[0] == (2, {"claim_id": "a", "text": "x"}) and got[2] == (4, {"claim_id": "b", "text": "y"})
    assert got[1] == (3, f"{p}:3: a record must be a JSON object")
    assert got[3][0] == 6 and "broken JSON" in got[3][1] and "the rest of the file was not read" in got[3][1]
    assert len(got) == 4
    raw = _located(read_record_rows(str(p), raw=True))
    assert raw[0] == (2, '{"claim_id": "a", "text": "x"}')
    p.write_text('[{"claim_id": "a", "text": "x"}')
    assert _located(read_record_rows(str(p)))[-1] == (1, f"{p}:1: the JSON array is not closed with ]")
    p.write_text('[{"claim_id": "a", "text": "x"}] trailing')
    assert _located(read_record_rows(str(p)))[-1][1].endswith("text after the JSON array; it was not read")


@pytest.mark.parametrize("name,data", [("blank.txt", b""), ("spaces.txt", b"  \n\t\n\n"), ("blank.md", b"\n")])
def test_an_empty_text_file_is_no_document_but_an_error_naming_it(tmp_path, name, data):
    [item] = _items(tmp_path, name, data)
    assert item.doc is None and item.line is None
    assert str(item.error) == f"{tmp_path / name}: it holds no text (empty, or only white space); not read"


def test_empty_stdin_is_no_document_but_an_error():
    [item] = list(read_inputs(["-"], stdin=io.BytesIO(b" \n")))
    assert item.doc is None and str(item.error).startswith("-: it holds no text")


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_a_csv_separated_by_semicolons_or_tabs_is_read_with_rows_at_their_lines(tmp_path, sep):
    data = sep.join(["doc_id", "text", "published"]) + "\n" + "\n".join([
        sep.join(["m1", '"The mayor said 30 buses, not 40; others disagreed."', "2022-09-01"]),
        sep.join(["m2", '"A cell over\ntwo lines: 12 bridges closed."', "2022-09-02"]),
        sep.join(["m3", "Rents rose 8%.", "not-a-date"]),
        sep.join(["m4", "Wages fell 2%.", "2022-09-04"]),
    ]) + "\n"
    items = _items(tmp_path, "desk.csv", data.encode())
    docs = {i.doc.doc_id: (i.line, i.doc.text) for i in items if i.doc}
    assert docs == {"m1": (2, "The mayor said 30 buses, not 40; others disagreed."),
                    "m2": (3, "A cell over\ntwo lines: 12 bridges closed."), "m4": (6, "Wages fell 2%.")}
    assert [(i.line, "date" in str(i.error)) for i in items if i.error] == [(5, True)]


def test_a_folder_reads_its_json_files_and_says_so_when_it_holds_none(tmp_path):
    (tmp_path / "rows.json").write_text(json.dumps([{"doc_id": "j1", "text": "Ten trams ran late."}], indent=1))
    assert [d.doc_id for d in read_documents([str(tmp_path)])] == ["j1"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.rtf").write_text("{\\rtf1 x}")
    with pytest.raises(InputError, match=r"no \.txt, .*\.jsonl, \.ndjson, \.json, \.csv or \.parquet files"):
        list(read_inputs([str(other)]))


def test_a_quote_left_open_is_an_error_at_its_line_not_rows_swallowed(tmp_path):
    """A quoted cell that never closes would hold every row after it as its text: it is an
    error naming its line, and the rows before it are read."""
    from factcheck.io import read_inputs
    path = tmp_path / "desk.csv"
    path.write_text('doc_id,text\nc1,The port moved 300 boxes in 2021.\nc2,"The port moved 40 boxes in 2019.\n'
                    'c3,The port moved 12 boxes in 2020.\n', encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [i.doc.doc_id for i in items if i.doc] == ["c1"]
    (err,) = [i.error for i in items if i.error]
    assert err.line == 3 and "never closes" in str(err)
    assert all("c3," not in i.doc.text for i in items if i.doc)
