"""``factcheck match`` through the real CLI: output shape, order, figures, verdicts, errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

CHECKED = [
    {"id": "k1", "text": "A sheikh offered an $80 million reward for the capture of the general.", "rating": "false",
     "url": "https://checks.example.org/k1"},
    {"id": "k2", "text": "A sheikh offered a $3 million reward for the capture of the general.", "rating": "true",
     "url": "https://checks.example.org/k2"},
    {"id": "k3", "text": "The city zoo welcomed twin panda cubs born in captivity.", "rating": "true"},
    {"id": "k4", "text": "Floodwater closed the coastal highway for nine days in March.", "rating": "mostly-true"},
    {"id": "k5", "text": "A new law bans plastic bags in every grocery store across the state."},
]
QUERIES = [
    {"id": "q1", "text": "Breaking: sheikh offers $80M reward for the capture of the general!"},
    {"id": "q2", "text": "Panda twins born at the city zoo, keepers say"},
    {"id": "q3", "text": "Nothing here resembles anything checked before about weather satellites."},
]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    return _write(tmp_path / "queries.jsonl", QUERIES), _write(tmp_path / "checked.jsonl", CHECKED)


def _run(*args):
    return CliRunner().invoke(main, ["match", *args])


def test_one_line_per_query_in_order_with_the_spec_fields(files):
    queries, checked = files
    result = _run(queries, "--against", checked, "--top", "2")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2", "q3"]
    for r in rows:
        assert set(r) == {"id", "matches"} and len(r["matches"]) <= 2
        for m in r["matches"]:
            assert set(m) == {"id", "score", "figures", "verdict"}
            assert isinstance(m["score"], float) and m["figures"] in ("same", "different", "none")
    assert rows[1]["matches"][0]["id"] == "k3"


def test_same_figure_first_and_a_verdict_on_other_figures_does_not_stand(files):
    queries, checked = files
    result = _run(queries, "--against", checked)
    q1 = json.loads(result.stdout.splitlines()[0])["matches"]
    assert [(m["id"], m["figures"]) for m in q1[:2]] == [("k1", "same"), ("k2", "different")]
    assert q1[0]["verdict"]["rating"] == "false" and "stands" not in q1[0]["verdict"]
    assert q1[1]["verdict"]["stands"] is False and q1[1]["verdict"]["rating"] == "true"


def test_output_file_and_several_sources(files, tmp_path):
    queries, checked = files
    tsv = tmp_path / "more.tsv"
    tsv.write_text("id\ttext\ttitle\nt9\tTwin panda cubs were born at the city zoo.\tZoo Pandas\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(queries, "--against", checked, str(tsv), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    q2 = json.loads(out.read_text().splitlines()[1])
    assert {m["id"] for m in q2["matches"][:2]} == {"k3", "t9"}
    assert [m["verdict"] for m in q2["matches"] if m["id"] == "t9"] == [None]


def test_query_without_text_is_one_error_line_and_the_rest_is_matched(files, tmp_path):
    _, checked = files
    queries = _write(tmp_path / "q.jsonl", [QUERIES[0], {"id": "empty", "text": "  "}, QUERIES[1]])
    result = _run(queries, "--against", checked)
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["q1", "q2"]
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"Error: {queries}:2: the record has no text; give each record a non-empty 'text'"
    assert "Traceback" not in result.output


def test_empty_and_unreadable_sources(files, tmp_path):
    queries, _ = files
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = _run(queries, "--against", str(empty), str(tmp_path / "nope.tsv"))
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"Error: {empty}: holds no claim")
    assert lines[1].startswith(f"Error: {tmp_path / 'nope.tsv'}: cannot read it")
    assert lines[-1].startswith("Error: no claim to match against")


def test_conflicts_across_documents(tmp_path):
    rows = [{"claim_id": "a1", "doc_id": "paper-a", "text": "The earthquake killed 212 people in the province, officials said."},
            {"claim_id": "b1", "doc_id": "paper-b", "text": "The earthquake killed 540 people in the province, officials said."},
            {"claim_id": "b2", "doc_id": "paper-b", "text": "The earthquake killed 540 people in the province on Friday."},
            {"claim_id": "c1", "doc_id": "paper-c", "text": "Rescue teams flew in from three countries."}]
    path = _write(tmp_path / "claims.jsonl", rows)
    result = _run(path, "--against", path, "--conflicts")
    assert result.exit_code == 0, result.output
    pairs = [json.loads(x) for x in result.stdout.splitlines()]
    assert {tuple(sorted((p["a"], p["b"]))) for p in pairs} == {("a1", "b1"), ("a1", "b2")}
    assert all(p["doc_a"] != p["doc_b"] for p in pairs)
    assert ["212 people", "540 people"] in [sorted(f) for p in pairs for f in p["figures"]]


@pytest.mark.parametrize("top", ["1", "5", "20"])
def test_conflicts_do_not_hide_behind_copies_of_one_wording(tmp_path, top):
    """Seven papers print one cost, an eighth another: seven conflicts, whatever --top says."""
    same = "The bridge repair will cost $45 million, the transport ministry said."
    rows = [{"claim_id": f"c{k}", "doc_id": f"paper-{k}", "text": same} for k in range(7)]
    rows.append({"claim_id": "odd", "doc_id": "paper-x",
                 "text": "The bridge repair will cost $80 million, the transport ministry said."})
    path = _write(tmp_path / "claims.jsonl", rows)
    result = _run(path, "--against", path, "--conflicts", "--top", top)
    assert result.exit_code == 0, result.output
    pairs = {tuple(sorted((p["a"], p["b"]))) for p in map(json.loads, result.stdout.splitlines())}
    assert pairs == {tuple(sorted((f"c{k}", "odd"))) for k in range(7)}


def test_help_has_an_example():
    result = _run("--help")
    assert result.exit_code == 0 and "factcheck match new-claims.jsonl --against" in result.output


def test_python_api_matches_the_cli(files):
    from factcheck.matching import match_claims, read_all

    queries, checked = files
    errors: list = []
    rows = list(match_claims(read_all([queries], errors), read_all([checked], errors), top=3))
    assert not errors
    assert [json.loads(x) for x in _run(queries, "--against", checked, "--top", "3").stdout.splitlines()] == rows


def test_an_output_in_a_new_folder_is_written_there(files, tmp_path):
    queries, checked = files
    out = tmp_path / "new" / "matches.jsonl"
    result = _run(queries, "--against", checked, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["matches"] for line in out.read_text().splitlines())


def test_an_article_as_queries_with_its_date(files, tmp_path):
    """An article's claims are the queries: the same article's claim file finds each one first."""
    article = tmp_path / "story.txt"
    article.write_text("The ferry carried 90 cars across the bay on Monday, the port authority said.\n\n"
                       "Its owner bought the vessel in 1994 for $3 million.\n", encoding="utf-8")
    runner = CliRunner()
    claims = tmp_path / "claims.jsonl"
    done = runner.invoke(main, ["extract", str(article), "--published", "2024-05-08", "-o", str(claims)])
    assert done.exit_code == 0, done.output
    result = runner.invoke(main, ["match", str(article), "--against", str(claims), "--published", "2024-05-08"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [json.loads(line)["claim_id"] for line in claims.read_text().splitlines()]
    assert [r["id"] for r in rows] == ids
    assert all(r["matches"][0]["id"] == r["id"] and r["matches"][0]["figures"] == "same" for r in rows)
    bad = runner.invoke(main, ["match", str(article), "--against", str(claims), "--published", "2024-13-01"])
    assert bad.exit_code != 0 and "--published" in bad.output


def test_an_article_s_queries_name_their_sentence_and_a_claim_file_s_keep_the_spec_fields(files, tmp_path):
    """A claim found in an article has an id the reader has nowhere else: its line carries the
    sentence's text, document and offsets; queries from a claim file keep {"id", "matches"}."""
    queries, checked = files
    article = tmp_path / "desk.txt"
    body = ("A sheikh offered an $80 million reward for the capture\nof the general, aides said.\n\n"
            "Floodwater closed the coastal highway for nine days in March, the state agency reported.\n")
    article.write_text(body, encoding="utf-8")
    result = _run(str(article), "--against", checked, "--published", "2024-05-01", "--top", "1")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and all(list(r) == ["id", "text", "doc_id", "start", "end", "matches"] for r in rows)
    assert all(r["doc_id"] == "desk" and body[r["start"]:r["end"]] == r["text"] for r in rows)
    assert [r["matches"][0]["id"] for r in rows] == ["k1", "k4"] and "\n" in rows[0]["text"]
    plain = _run(queries, "--against", checked, "--top", "1")
    assert all(set(json.loads(line)) == {"id", "matches"} for line in plain.stdout.splitlines())
