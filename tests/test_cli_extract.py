"""`factcheck extract` and `evaluate` through click's runner, with the shipped fast model."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "examples" / "article.txt"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_help_has_an_example(runner):
    for cmd in (["extract", "--help"], ["evaluate", "--help"], ["train", "--help"], ["--help"]):
        result = runner.invoke(main, cmd)
        assert result.exit_code == 0 and "factcheck " in result.output.split("Example")[-1]


def test_example_article_headline_values(runner):
    result = runner.invoke(main, ["extract", str(ARTICLE), "--published", "2019-06-27", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = _records(result.output)
    text = ARTICLE.read_text()
    by_value = {(f["kind"], str(f["value"])): (r, f) for r in records for f in r["facets"]}
    assert ("date", "2019-08-02") in by_value and ("date", "2010") in by_value and ("date", "2021") in by_value
    record, facet = by_value[("count", "236")]
    assert facet["unit"] == "political prisoners" and record["label"] == "sourced"
    assert "European Court of Human Rights" in record["source"]["text"]
    record, facet = by_value[("money", "200000000000")]
    assert facet["unit"] == "USD" and facet["approximate"] and record["label"] == "estimated"
    record, _ = by_value[("date", "1987")]
    assert record["label"] == "contested"
    for r in records:
        assert text[r["start"]:r["end"]] == r["text"]
        assert 0.5 <= r["checkworthiness"] <= 1
        for f in r["facets"]:
            assert text[f["start"]:f["end"]] == f["text"]
        for c in r["cues"]:
            assert text[c["start"]:c["end"]] == c["text"]


def test_all_emits_every_sentence_and_threshold_filters(runner):
    everything = _records(runner.invoke(main, ["extract", str(ARTICLE), "--all", "--format", "jsonl"]).output)
    strict = _records(runner.invoke(main, ["extract", str(ARTICLE), "--threshold", "0.9", "--format", "jsonl"]).output)
    assert len(everything) > len(strict)
    assert any(r["checkworthiness"] < 0.5 for r in everything)
    assert all(r["checkworthiness"] >= 0.9 for r in strict)


def test_csv_and_table_formats(runner):
    csv_out = runner.invoke(main, ["extract", str(ARTICLE), "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("claim_id,doc_id,text,start,end,checkworthiness,label")
    table = runner.invoke(main, ["extract", str(ARTICLE), "--format", "table"]).stdout
    assert "label" in table.splitlines()[0] and "contested" in table


def test_broken_rows_reported_rest_processed_exit_1(runner, tmp_path):
    bad = tmp_path / "docs.jsonl"
    bad.write_text('{"doc_id": "ok", "published": "2024-01-10", "text": "The council approved a $4.2 billion budget on Tuesday."}\n'
                   '{"doc_id": "broken", "text": \n'
                   '{"doc_id": "notext"}\n')
    result = runner.invoke(main, ["extract", str(bad), "--format", "jsonl", "--all"])
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.stderr and f"{bad}:3:" in result.stderr
    assert [r["doc_id"] for r in _records(result.stdout)] == ["ok"]
    assert result.stderr.strip().splitlines()[-1].startswith("Error: 2 input rows or files")


def test_stdin_and_output_file(runner, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(main, ["extract", "-", "--published", "2024-01-10", "-o", str(out)],
                           input="Unemployment fell to 3.6 percent in May, the Labor Department said.")
    assert result.exit_code == 0
    [record] = _records(out.read_text())
    assert record["doc_id"] == "stdin" and record["label"] == "sourced"
    assert {f["kind"] for f in record["facets"]} == {"percent", "date"}


def test_unknown_model_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(ARTICLE), "--model", str(tmp_path / "nope")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: no model named")
    assert "Traceback" not in result.output


def test_bad_published_is_usage_error(runner):
    result = runner.invoke(main, ["extract", str(ARTICLE), "--published", "June 2019"])
    assert result.exit_code == 2


def test_python_api(tmp_path):
    import factcheck
    claims = factcheck.extract("Exports rose 11 pct to 2.1 bln dlrs in March, the ministry said.", published="1987-04-02")
    [claim] = claims
    assert claim.label == "sourced" and claim.source.text == "the ministry"
    assert [(f.kind, f.value) for f in claim.facets][:2] == [("percent", 11), ("money", 2100000000)]


@pytest.mark.shared
def test_evaluate_command_matches_floor_on_seed(runner, shared):
    seed = shared / "data" / "seed"
    result = runner.invoke(main, ["evaluate", str(seed / "docs.jsonl"), str(seed / "gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["facets_micro_f1"] >= 0.95 and figures["primary_accuracy"] >= 0.9


@pytest.mark.parametrize("flags, writes", [
    (["--format", "csv"], "csv"), ([], "csv"),
])
def test_an_output_file_holds_what_its_name_says(runner, tmp_path, flags, writes):
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", str(ARTICLE), "--published", "2019-06-27", "-o", str(out), *flags])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("claim_id,doc_id,text")


@pytest.mark.parametrize("name, flags", [
    ("claims.parquet", ["--format", "csv"]),   # the suffix says Parquet, the flag CSV
    ("claims.jsonl", ["--format", "csv"]),
    ("claims.xlsx", []),                       # a suffix that says no format this writes
])
def test_an_output_name_and_format_that_disagree_are_a_usage_error(runner, tmp_path, name, flags):
    out = tmp_path / name
    result = runner.invoke(main, ["extract", str(ARTICLE), "-o", str(out), *flags])
    assert result.exit_code == 2 and "-o" in result.output
    assert not out.exists()


def test_an_output_in_a_new_folder_is_written_there(runner, tmp_path):
    out = tmp_path / "new" / "deeper" / "claims.jsonl"
    result = runner.invoke(main, ["extract", str(ARTICLE), "--published", "2019-06-27", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _records(out.read_text())


@pytest.mark.parametrize("text", ["'=SUM(B2) is how the bank said 12 percent growth came in 2019.",
                                  "'Tis the season, the mayor said, as 40 stalls opened in 2021."])
def test_a_text_that_opens_with_an_apostrophe_comes_back_whole_from_csv(runner, tmp_path, text):
    from factcheck.io import read_records
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc_id": "x", "text": text}) + "\n")
    out = tmp_path / "c.csv"
    assert runner.invoke(main, ["extract", str(docs), "-o", str(out), "--all"]).exit_code == 0
    assert [r["text"] for r in read_records(str(out))] == [text]


def test_csv_never_hands_a_spreadsheet_a_formula_and_reads_back_the_text(runner, tmp_path):
    from factcheck.io import read_records
    docs = tmp_path / "docs.jsonl"
    text = "=SUM(A1) was in the file, the clerk said, and 40 people came on Monday."
    docs.write_text(json.dumps({"doc_id": "x", "text": text}) + "\n")
    for command in ("extract", "score"):
        out = tmp_path / f"{command}.csv"
        result = runner.invoke(main, [command, str(docs), "-o", str(out)] + (["--all"] if command == "extract" else []))
        assert result.exit_code == 0, result.output
        assert "'=SUM(A1)" in out.read_text() and ",=SUM" not in out.read_text()
        assert [r["text"] for r in read_records(str(out))] == [text]


ROWS = ('{"doc_id": "a1", "text": "Exports rose 7% in April, the ministry said."}\n'
        '{"doc_id": "a2", "text": "The council spent $4 million on roads in 2023."}\n')


def test_out_that_is_an_input_is_refused_and_the_input_kept(runner, tmp_path):
    src = tmp_path / "articles.jsonl"
    src.write_text(ROWS)
    r = runner.invoke(main, ["extract", str(src), "-o", str(src)])
    assert r.exit_code == 2 and "both an INPUT and OUT" in r.output
    assert src.read_text() == ROWS


def test_a_run_that_reads_nothing_leaves_an_earlier_out_as_it_was(runner, tmp_path):
    out = tmp_path / "claims.jsonl"
    assert runner.invoke(main, ["extract", str(_write(tmp_path, ROWS)),
                                "-o", str(out)]).exit_code == 0
    before = out.read_bytes()
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x7fELF\x00\x01\x02" * 100)
    r = runner.invoke(main, ["extract", str(binary), "-o", str(out)])
    assert r.exit_code == 1 and "left as it was" in r.output
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_out_inside_a_folder_read_is_not_read_again(runner, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(ROWS)
    out = folder / "claims.jsonl"
    for _ in range(2):
        r = runner.invoke(main, ["extract", str(folder), "--all", "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert {rec["doc_id"] for rec in _records(out.read_text())} == {"a1", "a2"}


def _write(tmp_path, rows):
    path = tmp_path / "in.jsonl"
    path.write_text(rows)
    return path


@pytest.mark.parametrize("name,data", [("blank.txt", ""), ("spaces.txt", " \n\n "), ("rows.jsonl", ""),
                                       ("header.csv", "doc_id,text,published\n"), ("-", "")])
def test_an_empty_input_exits_1_with_one_line_naming_it(runner, tmp_path, name, data):
    if name != "-":
        (tmp_path / name).write_text(data, encoding="utf-8")
    path = name if name == "-" else str(tmp_path / name)
    result = runner.invoke(main, ["extract", path, "--format", "jsonl"], input=data if name == "-" else None)
    assert result.exit_code == 1 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {path}: it holds no text") or line == f"Error: no document in {path}: the input is empty"


def test_a_hugging_face_dataset_folder_is_read_as_its_rows_as_score_reads_it(runner, tmp_path):
    datasets = pytest.importorskip("datasets")
    rows = [{"doc_id": "h1", "text": "The port handled 41 ships in March, officials said."},
            {"doc_id": "h2", "text": "Rents rose 12 percent last year, the agency estimated."}]
    datasets.Dataset.from_list(rows).save_to_disk(str(tmp_path / "hf"))
    result = runner.invoke(main, ["extract", str(tmp_path / "hf"), "--all", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in _records(result.stdout)] == ["h1", "h2"]
    assert result.stderr == ""  # neither its JSON files read as tables nor its .arrow file called skipped


def test_the_help_and_the_folder_messages_name_every_table_a_folder_is_read_for(runner, tmp_path):
    for command in ("extract", "score"):
        assert ".jsonl/.json/.csv/.parquet" in runner.invoke(main, [command, "--help"]).output
    (tmp_path / "rows.json").write_text(json.dumps([{"doc_id": "j1", "text": "Ten trams ran late."}]))
    (tmp_path / "notes.rtf").write_text("{\\rtf1 x}")
    result = runner.invoke(main, ["extract", str(tmp_path), "--all", "--format", "jsonl", "-v"])
    assert result.exit_code == 0 and [r["doc_id"] for r in _records(result.stdout)] == ["j1"]
    assert ".jsonl, .ndjson, .json, .csv or .parquet file, or hidden" in result.stderr
