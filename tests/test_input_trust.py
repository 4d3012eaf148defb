"""Input you can trust, through the CLI on real temporary folders: binary files refused whole,
encodings detected or given, damaged text refused, skipped files named, unique ids, file dates."""
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from factcheck.cli import main

FRENCH = "Le ministre a déclaré que le déficit était de 3 milliards d'euros en 2019, selon le rapport."
ENGLISH = "The port authority said 412 ships docked in the harbour in 2019."


@pytest.fixture
def runner():
    return CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _extract(runner, *args):
    return runner.invoke(main, ["extract", *map(str, args), "--format", "jsonl", "--all"])


def test_binary_file_is_refused_whole_with_one_line(runner, tmp_path):
    binary = tmp_path / "program.txt"
    shutil.copyfile("/bin/ls", binary)
    result = _extract(runner, binary)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"Error: {binary}: a binary file (it holds NUL bytes), not text; not read"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name,start,told", [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
    ("story.txt", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (a .docx"),
    ("story.doc.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    ("story.txt", b"{\\rtf1\\ansi The council spent 4 million dollars.}", "an RTF document"),
    ("archive.jsonl", b"\x1f\x8b\x08\x00\x00\x00", "a gzip-compressed file"),
])
def test_a_document_format_that_is_not_text_is_named_with_what_to_do(runner, tmp_path, name, start, told):
    path = tmp_path / name
    path.write_bytes(start + bytes(range(256)))
    result = runner.invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {path}: {told}") and line.endswith("; not read")


def test_control_bytes_without_nul_are_refused(runner, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(1, 32)) * 40 + b" some words")
    result = _extract(runner, junk)
    assert result.exit_code == 1 and "control bytes" in result.stderr and result.stdout == ""


def test_latin1_article_is_read_not_damaged(runner, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    result = _extract(runner, path)
    assert result.exit_code == 0, result.output
    [record] = _records(result.stdout)
    assert "était" in record["text"] and "\ufffd" not in record["text"]


def test_encoding_option_and_a_wrong_one(runner, tmp_path):
    path = tmp_path / "cyr.txt"
    path.write_bytes("Министр сказал, что в 2019 году построено 40 домов.".encode("koi8_r"))
    result = _extract(runner, path, "--encoding", "koi8-r")
    assert result.exit_code == 0 and "Министр" in _records(result.stdout)[0]["text"]
    result = _extract(runner, path, "--encoding", "utf-8")  # given, not guessed: refused when wrong
    assert result.exit_code == 1 and "not valid utf-8" in result.stderr and result.stdout == ""
    result = _extract(runner, path, "--encoding", "klingon")
    assert result.exit_code == 2 and "unknown encoding" in result.output


def test_table_rows_that_do_not_decode_are_recorded_not_processed(runner, tmp_path):
    path = tmp_path / "rows.jsonl"
    good = json.dumps({"doc_id": "a", "text": "Le café a fermé en 2019, dit le maire."}, ensure_ascii=False)
    bad = json.dumps({"doc_id": "b", "text": "Il était 12 en 2020."}, ensure_ascii=False).encode("utf-8")
    bad = bad.replace("é".encode("utf-8"), b"\xe9")
    path.write_bytes(good.encode("utf-8") + b"\n" + bad + b"\n")
    result = _extract(runner, path)
    assert result.exit_code == 1 and f"{path}:2:" in result.stderr
    assert [r["doc_id"] for r in _records(result.stdout)] == ["a"]
    assert all("\ufffd" not in r["text"] for r in _records(result.stdout))


def test_text_already_damaged_is_refused(runner, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"doc_id": "a", "text": "It was \\ufffd bad."}\n{"doc_id": "b", "text": "A \\ud800 surrogate."}\n'
                    '{"doc_id": "c", "text": "' + ENGLISH + '"}\n', encoding="utf-8")
    result = _extract(runner, path)
    assert result.exit_code == 1 and "U+FFFD" in result.stderr and "surrogate" in result.stderr
    assert [r["doc_id"] for r in _records(result.stdout)] == ["c"]


def test_score_refuses_binary_into_errors_file_and_exits_1(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile("/bin/ls", folder / "ls.jsonl")
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["score", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1 and "refused" in result.stderr
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert errors == [{"file": str(folder / "ls.jsonl"), "line": None,
                       "reason": "a binary file (it holds NUL bytes), not text; not read"}]
    assert [r["doc_id"] for r in _records(out.read_text())] == ["a"]
    assert "exit code" in runner.invoke(main, ["score", "--help"]).output.lower()


def test_skipped_files_are_counted_and_named_with_verbose(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    result = _extract(runner, tmp_path)
    assert result.exit_code == 0 and "skipped 2 files" in result.stderr
    result = _extract(runner, tmp_path, "--verbose")
    assert f"skipped {tmp_path / 'scan.pdf'}" in result.stderr and f"skipped {tmp_path / '.hidden.txt'}" in result.stderr


def test_text_file_and_table_row_with_the_same_id_do_not_collide(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The mayor said 12 bridges closed in 2020.", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"doc_id": "a", "text": "Officials said 30 trains ran in 2021."})
                                         + "\n", encoding="utf-8")
    result = _extract(runner, tmp_path)
    assert result.exit_code == 0, result.output
    ids = {r["doc_id"] for r in _records(result.stdout)}
    assert ids == {"a", "a@rows.jsonl:1", "sub/a.txt"}
    # score reads the same folder to the same ids
    out = tmp_path.parent / "scored.jsonl"
    assert runner.invoke(main, ["score", str(tmp_path), "-o", str(out), "--all", "--no-progress"]).exit_code == 0
    assert {r["doc_id"] for r in _records(out.read_text())} == ids


DATED = "The council said 40 homes were built last May."


def _month_of(result) -> str:
    [record] = [r for r in _records(result.stdout)]
    return [f["value"] for f in record["facets"] if f["kind"] == "date"][0]


def test_published_from_name_mtime_and_table(runner, tmp_path):
    folder = tmp_path / "news"
    (folder / "2021").mkdir(parents=True)
    by_name = folder / "2021" / "2021-03-04-council.txt"
    by_name.write_text(DATED, encoding="utf-8")
    assert _month_of(_extract(runner, by_name, "--published-from", "name")) == "2020-05"

    plain = tmp_path / "plain.txt"
    plain.write_text(DATED, encoding="utf-8")
    stamp = 1_600_000_000  # 2020-09-13
    os.utime(plain, (stamp, stamp))
    assert _month_of(_extract(runner, plain, "--published-from", "mtime")) == "2020-05"

    table = tmp_path / "dates.csv"
    table.write_text(f"file,published\nplain.txt,2018-02-01\n", encoding="utf-8")
    assert _month_of(_extract(runner, plain, "--published-from", table)) == "2017-05"
    result = _extract(runner, plain, "--published-from", tmp_path / "missing.csv")
    assert result.exit_code == 2 and "dates table" in result.output


def test_front_matter_date_and_offsets(runner, tmp_path):
    path = tmp_path / "post.md"
    path.write_text(f"---\ntitle: Council\npublished: 2022-08-10\n---\n{DATED}\n", encoding="utf-8")
    result = _extract(runner, path, "--published", "2000-01-01")
    assert result.exit_code == 0, result.output
    [record] = _records(result.stdout)
    assert [f["value"] for f in record["facets"] if f["kind"] == "date"] == ["2022-05"]
    # front matter is not document text: offsets index the text after it
    assert record["start"] == 0 and record["text"] == DATED


def test_front_matter_with_a_bad_date_is_an_error(runner, tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(f"---\npublished: soon\n---\n{DATED}\n", encoding="utf-8")
    result = _extract(runner, path)
    assert result.exit_code == 1 and "front matter" in result.stderr


def test_published_from_name_is_the_fallback_of_table_rows(runner, tmp_path):
    path = tmp_path / "wire-2021-03-04.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": DATED}) + "\n"
                    + json.dumps({"doc_id": "y", "text": DATED, "published": "2015-07-01"}) + "\n", encoding="utf-8")
    records = _records(_extract(runner, path, "--published-from", "name").stdout)
    months = {r["doc_id"]: [f["value"] for f in r["facets"] if f["kind"] == "date"] for r in records}
    assert months == {"x": ["2020-05"], "y": ["2015-05"]}  # a row's own date comes first


def test_utf16_with_bom_is_text_and_control_bytes_are_refused_under_any_encoding(runner, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))  # NUL bytes, but a byte-order mark says it is text
    result = _extract(runner, path)
    assert result.exit_code == 0 and _records(result.stdout)[0]["text"] == ENGLISH
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(1, 9)) * 200 + b" words")
    result = _extract(runner, junk, "--encoding", "cp1252")
    assert result.exit_code == 1 and "control characters" in result.stderr and result.stdout == ""


def test_published_from_folders_yaml_front_matter_and_table_paths_as_typed_or_not(runner, tmp_path, monkeypatch):
    archive = tmp_path / "archive" / "2021" / "03" / "04"
    archive.mkdir(parents=True)
    story = archive / "story.txt"
    story.write_text(DATED, encoding="utf-8")
    assert _month_of(_extract(runner, story, "--published-from", "name")) == "2020-05"  # the date in the folders

    listed = tmp_path / "listed.md"
    listed.write_text(f"---\ntitle: Council\ntags:\n  - budget\n  - city\npublished: 2022-08-10\n---\n{DATED}\n",
                      encoding="utf-8")
    result = _extract(runner, listed)
    [record] = _records(result.stdout)
    assert record["text"] == DATED and _month_of(result) == "2022-05"  # a YAML list is front matter too

    monkeypatch.chdir(tmp_path)
    table = tmp_path / "dates.csv"
    table.write_text(f"file,published\n./archive/2021/03/04/story.txt,2018-02-01\nnowhere.txt,2018-01-01\n",
                     encoding="utf-8")
    result = _extract(runner, story, "--published-from", table)  # an absolute path, a row written relative
    assert _month_of(result) == "2017-05"
    assert "no file nowhere.txt" in result.stderr


def test_a_dates_table_row_that_names_a_file_read_by_its_bare_name_is_used_and_not_warned_about(
        runner, tmp_path, monkeypatch):
    desk = tmp_path / "desk" / "inbox"
    desk.mkdir(parents=True)
    (desk / "ferry.txt").write_text("The pier said 7 boats sank last May.", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    table = tmp_path / "elsewhere" / "dates.csv"
    table.write_text("file,published\nferry.txt,2019-04-02\nghost.txt,2019-01-01\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _extract(runner, "desk", "--published-from", table)
    assert _month_of(result) == "2018-05"  # dated by the row that names it by its bare name
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "no file ghost.txt" in warnings[0] and "ferry.txt" not in result.stderr


@pytest.mark.parametrize("text", [
    "The company paid €3.5 million in fines, the regulator said.",
    "“We will cut taxes by 5%,” she said – and the minister’s aide agreed.",
])
def test_a_short_windows_1252_file_is_read_as_windows_1252(runner, tmp_path, text):
    path = tmp_path / "win.txt"
    path.write_bytes((text + "\n").encode("cp1252"))
    result = _extract(runner, path)
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in _records(result.stdout)] == [text]


def test_a_markdown_article_is_read_as_the_prose_it_renders_to(runner, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Council passes $4.5 million budget\n\n"
                    "* About **1,200** new jobs were created in 2023, the [Labor Department](https://l.example) reported.\n"
                    "1. Crime fell 8 percent last year, police said.\n\n"
                    "| Year | Budget |\n|---|---|\n| 2023 | $4.5m |\n\n"
                    "```\nrate = 5 * 3\n```\n", encoding="utf-8")
    result = _extract(runner, path, "--published", "2024-03-01")
    assert result.exit_code == 0, result.output
    records = {r["text"]: r for r in _records(result.stdout)}
    assert set(records) == {"Council passes $4.5 million budget",
                            "About 1,200 new jobs were created in 2023, the Labor Department reported.",
                            "Crime fell 8 percent last year, police said."}
    jobs = records["About 1,200 new jobs were created in 2023, the Labor Department reported."]
    assert jobs["source"]["text"] == "the Labor Department" and jobs["label"] == "estimated"
    from factcheck.markdown import markdown_text
    assert markdown_text("snake_case and 5 * 3 stay; *this* and _that_ lose their marks") == \
        "snake_case and 5 * 3 stay; this and that lose their marks"
    # code spans keep their text; tags, links with parentheses, marks inside a word, escapes
    assert markdown_text("Use `**kwargs` in 2021, **officials** said.") == "Use **kwargs in 2021, officials said."
    assert markdown_text('<div class="n">The <b>mayor</b> said so.</div>') == "The mayor said so."
    assert markdown_text("the [auditor](https://w.example/Auditor_(government)) said") == "the auditor said"
    assert markdown_text("un*believ*able, 2020\\*") == "unbelievable, 2020*"
    assert markdown_text('[1]: https://a.example "a source"') == ""


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Buses | The Example Gazette</title>
<meta property="article:published_time" content="2023-10-02T08:00:00+01:00">
<script>var tracker = "The council spent $9 million on 90 buses in 2021.";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">3 new stories</a></nav>
<header><p>Subscribe for 99 cents a week</p></header>
<article><h1>Council buys 40 electric buses</h1>
<p>The council said on Monday it had spent &euro;12.5 million on 40 electric buses,
about 15% of its fleet.</p><p>A rate rise is possible in December, the treasurer said.<br>Fares rose 4% in 2022.</p>
<aside>Read more: 12 other stories</aside>
</article><footer>&copy; 2023 The Example Gazette</footer></body></html>
"""


def test_an_html_page_is_read_as_the_prose_of_its_article(runner, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "buses.html").write_text(PAGE, encoding="utf-8")
    result = _extract(runner, folder, "--published", "2000-01-01")
    assert result.exit_code == 0, result.output
    records = {r["text"]: r for r in _records(result.stdout)}
    # the article's blocks, each a sentence of its own; no script, style, menu, aside or footer
    assert list(records) == ["Council buys 40 electric buses",
                             "The council said on Monday it had spent €12.5 million on 40 electric buses, "
                             "about 15% of its fleet.",
                             "A rate rise is possible in December, the treasurer said.",
                             "Fares rose 4% in 2022."]
    spend = records["The council said on Monday it had spent €12.5 million on 40 electric buses, about 15% of its fleet."]
    facets = {f["kind"]: f for f in spend["facets"]}
    assert facets["money"]["unit"] == "EUR" and facets["money"]["value"] == 12_500_000
    # dates resolve against the page's own publication date (a Monday), not the fallback
    assert facets["date"]["value"] == "2023-10-02"
    assert [f["value"] for f in records["A rate rise is possible in December, the treasurer said."]["facets"]] == ["2023-12"]


def test_html_offsets_index_the_prose_and_the_page_date_sources(tmp_path):
    from factcheck.html import html_document
    from factcheck.io import read_documents
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_documents([str(path)])
    assert doc.text.startswith("Council buys 40 electric buses\n\n") and "<" not in doc.text
    assert str(doc.published) == "2023-10-02"
    # schema.org JSON-LD when there is no <meta>; a date that is not ISO leaves the fallback
    ld = ('<html><head><script type="application/ld+json">[{"@type": "WebSite"}, '
          '{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-03-04"}]}]</script></head>'
          '<body><p>Prices rose 3% in May.</p></body></html>')
    assert html_document(ld) == ("Prices rose 3% in May.", "2021-03-04")
    path.write_text(ld.replace("2021-03-04", "March 4, 2021"), encoding="utf-8")
    [doc] = read_documents([str(path)], published="2020-01-01")
    assert str(doc.published) == "2020-01-01"
    # without <article>, the body; <pre> keeps its lines; an unclosed menu hides only itself
    assert html_document("<body><p>One  two\nthree.</p><pre>a\n  b</pre></body>")[0] == "One two three.\n\na\n\nb"
    assert html_document("<div><nav>Home <p>Menu</div><p>Taxes rose 2% in 2020.</p>")[0] == "Taxes rose 2% in 2020."


def test_html_on_standard_input_is_recognised(runner):
    result = runner.invoke(main, ["extract", "-", "--format", "jsonl", "--all"], input=PAGE)
    assert result.exit_code == 0, result.output
    texts = [r["text"] for r in _records(result.stdout)]
    assert "Fares rose 4% in 2022." in texts and not any("<" in t or "tracker" in t for t in texts)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path, body: str, extra: dict | None = None) -> None:
    import zipfile
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}'
                                        "<w:sectPr/></w:body></w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def _para(*runs: str) -> str:
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs) + "</w:p>"


def test_a_word_document_is_read_as_its_paragraphs(runner, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    body = (_para("Council buys 40 electric buses")
            + "<w:p><w:r><w:t>The council said it had spent </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
              "<w:t>€12.5 million</w:t></w:r><w:r><w:t xml:space=\"preserve\"> on 40 buses in March.</w:t></w:r>"
              "<w:del><w:r><w:delText>It also bought 99 trams.</w:delText></w:r></w:del></w:p>"
            + "<w:tbl><w:tr><w:tc>" + _para("Fares rose 4% in 2022.") + "</w:tc></w:tr></w:tbl>")
    _docx(folder / "buses.docx", body, {"word/footer1.xml": f"<w:ftr {W}>{_para('Page 1 of 3')}</w:ftr>"})
    (folder / "other.txt").write_text(ENGLISH, encoding="utf-8")
    result = _extract(runner, folder, "--published", "2023-10-04")
    assert result.exit_code == 0, result.output
    records = {r["text"]: r for r in _records(result.stdout) if r["doc_id"] == "buses"}
    # each paragraph a sentence of its own; runs joined; deleted text and the footer left out
    assert list(records) == ["Council buys 40 electric buses",
                             "The council said it had spent €12.5 million on 40 buses in March.",
                             "Fares rose 4% in 2022."]
    spend = records["The council said it had spent €12.5 million on 40 buses in March."]
    assert {(f["kind"], f["value"]) for f in spend["facets"]} >= {("money", 12_500_000), ("date", "2023-03")}
    assert any(r["doc_id"] == "other" for r in _records(result.stdout))


def test_a_broken_or_hostile_word_document_is_refused_with_one_line(runner, tmp_path, monkeypatch):
    import zipfile

    from factcheck import docx
    not_zip = tmp_path / "a.docx"
    not_zip.write_bytes(b"PK\x03\x04 but not really a zip file at all")
    other_zip = tmp_path / "b.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("content.xml", "<x/>")
    broken = tmp_path / "c.docx"
    _docx(broken, "<w:p><w:r><w:t>unclosed")
    laughs = tmp_path / "d.docx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
            + f"]><w:document {W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(laughs, "w") as z:
        z.writestr("word/document.xml", bomb)
    for path, told in ((not_zip, "not a Word document"), (other_zip, "without word/document.xml"),
                       (broken, "not well-formed XML"), (laughs, "not well-formed XML")):
        result = runner.invoke(main, ["extract", str(path), "--format", "jsonl"])
        assert result.exit_code == 1 and result.stdout == "", (path, result.output)
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"Error: {path}: ") and told in line and line.endswith("not read"), line
    monkeypatch.setattr(docx, "MAX_XML", 100)
    big = tmp_path / "e.docx"
    _docx(big, _para("The council spent 4 million dollars.") * 5)
    result = runner.invoke(main, ["extract", str(big), "--format", "jsonl"])
    assert result.exit_code == 1 and "bytes uncompressed (limit 100)" in result.stderr


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def test_an_opendocument_text_is_read_as_its_paragraphs(runner, tmp_path):
    import zipfile
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:body><office:text>'
               '<text:tracked-changes><text:changed-region><text:deletion><text:p>Old 99 trams.</text:p>'
               '</text:deletion></text:changed-region></text:tracked-changes>'
               '<text:h text:outline-level="1">Council buys 40 electric buses</text:h>'
               '<text:p>The council said it had<text:s/>spent <text:span>€12.5 million</text:span> on 40 buses'
               '<text:note><text:note-body><text:p>A footnote of 7 words.</text:p></text:note-body></text:note>'
               ' in March.</text:p>'
               '<text:p>Fares rose<text:s text:c="2"/>4% in 2022.</text:p>'
               '</office:text></office:body></office:document-content>')
    path = tmp_path / "buses.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    result = _extract(runner, path, "--published", "2023-10-04")
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in _records(result.stdout)] == [
        "Council buys 40 electric buses", "The council said it had spent €12.5 million on 40 buses in March.",
        "Fares rose  4% in 2022."]


def test_a_document_nested_too_deeply_is_refused_not_a_traceback(runner, tmp_path):
    import zipfile
    deep = "<w:r>" * 5000 + "<w:t>x</w:t>" + "</w:r>" * 5000
    path = tmp_path / "deep.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body><w:p>{deep}</w:p></w:body></w:document>")
    result = runner.invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "nested too deeply" in result.stderr or "not well-formed" in result.stderr


def test_a_word_document_read_with_transcript_makes_each_speaker_the_source(runner, tmp_path):
    path = tmp_path / "debate.docx"
    _docx(path, _para("MODERATOR: Welcome to the debate.") + _para("OKAFOR: We cut the deficit by $4 billion in 2022.")
          + _para("(APPLAUSE)") + _para("BERG: Unemployment doubled to 8 percent under that plan."))
    result = runner.invoke(main, ["extract", str(path), "--transcript", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    sources = {r["text"]: (r["source"] or {}).get("text") for r in _records(result.stdout)}
    assert sources["We cut the deficit by $4 billion in 2022."] == "OKAFOR"
    assert sources["Unemployment doubled to 8 percent under that plan."] == "BERG"
