"""queue import: existing verdict data with a mapping between scales, and the LIAR file."""
import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.datasets.liar import read_liar
from factcheck.errors import InputError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def write_csv(path, *rows):
    """Write rows (the header first) as a CSV file and return its path."""
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_csv_with_mapping_reviewers_and_a_bad_row(tmp_path):
    path = write_csv(tmp_path / "old.csv", ["claim_id", "text", "verdict", "reviewer", "note"],
                     ["a1", "The bridge cost $40 million to build.", "accurate", "dana", "city ledger"],
                     ["a2", "Turnout fell to 31 percent.", "wrong", "", ""],
                     ["a3", "Crime doubled in a year.", "spin", "dana", ""],
                     ["a4", "", "accurate", "dana", ""])
    queue = tmp_path / "q.queue"
    result = run("queue", "import", queue, path, "--rating-column", "verdict", "--map", "accurate=true",
                 "--map", "wrong=false", "--reviewer", "archive")
    assert result.exit_code == 1
    assert f"{path}:4: rating 'spin' is not on the scale" in result.stderr and "--map spin=RATING" in result.stderr
    assert f"{path}:5: no claim text" in result.stderr
    assert json.loads(result.stdout) == {"added": 2, "duplicates": 0, "verdicts": 2, "errors": 2}
    conn = sqlite3.connect(queue)
    rows = conn.execute("SELECT v.claim_id, r.name, v.rating, v.note FROM verdicts v JOIN reviewers r"
                        " USING (reviewer_id) ORDER BY v.claim_id").fetchall()
    assert rows == [("a1", "dana", "true", "city ledger; imported rating: accurate"),
                    ("a2", "archive", "false", "imported rating: wrong")]
    # a second import records nothing twice
    again = run("queue", "import", queue, path, "--rating-column", "verdict", "--map", "accurate=true",
                "--map", "wrong=false", "--reviewer", "archive")
    assert json.loads(again.stdout)["verdicts"] == 0
    assert conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 2


def test_a_file_with_id_and_url_columns_keeps_both(tmp_path):
    path = write_csv(tmp_path / "checks.csv", ["id", "text", "rating", "url", "note"],
                     ["i1", "The ministry said 300 people were evacuated.", "false", "https://checks.example/1", "old"],
                     ["i2", "Crime rose 12 percent.", "true", "javascript:alert(1)", ""])
    queue = tmp_path / "q.queue"
    result = run("queue", "import", queue, path)
    assert result.exit_code == 1
    assert f"{path}:3: evidence 'javascript:alert(1)'" in result.stderr
    assert result.stderr.rstrip().endswith("the rest was imported")
    out = tmp_path / "v.jsonl"
    assert run("export", queue, "--format", "jsonl", "-o", out).exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["doc_id"], r["evidence"]) for r in rows] == [("i1", ["https://checks.example/1"])]


def test_liar_reader_tolerates_quotes_and_reports_bad_rows(tmp_path):
    path = tmp_path / "tiny.tsv"
    rows = [
        ["11.json", "pants-fire", 'Says the "harbour tax" funds 9 ferries.', "taxes", "pat-lee", "Mayor", "Maine",
         "none", "0", "1", "0", "0", "2", "a radio ad"],
        [],
        ["12.json", "so-so", "A rating LIAR does not have.", "", "", "", "", "", "0", "0", "0", "0", "0", ""],
        ["13.json", "barely-true", "Bus fares rose 40 percent in 2019.", "transit", "kim", "", "", "", "0", "0",
         "0", "0", "0", "a debate"],
    ]
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n")
    out = list(read_liar(path))
    assert [n for n, _ in out] == [1, 3, 4]
    assert out[0][1].statement == 'Says the "harbour tax" funds 9 ferries.' and out[0][1].id == "11"
    assert isinstance(out[1][1], InputError) and "so-so" in str(out[1][1])
    queue = tmp_path / "q.queue"
    result = run("queue", "import", queue, path)
    assert result.exit_code == 1 and f"{path}:3:" in result.stderr
    conn = sqlite3.connect(queue)
    assert conn.execute("SELECT claim_id, rating, note FROM verdicts ORDER BY claim_id").fetchall() == [
        ("liar-11", "false", "imported rating: pants-fire"), ("liar-13", "mostly-false", "imported rating: barely-true")]


@pytest.mark.shared
def test_liar_valid_split_into_the_default_scale(shared, tmp_path):
    path = shared / "data" / "verdicts" / "liar" / "valid.tsv"
    queue = tmp_path / "liar.queue"
    result = run("queue", "import", queue, path, "--reviewer", "politifact")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["errors"] == 0 and summary["verdicts"] == summary["added"] > 1000
    stats = json.loads(run("queue", "stats", queue, "--json").stdout)
    assert stats["verdicts"] == summary["verdicts"] and stats["by_status"]["reviewed"] == summary["added"]
    ratings = stats["ratings_by_label"]["unlabelled"]
    assert set(ratings) <= {"true", "mostly-true", "half-true", "mostly-false", "false"}
    # PolitiFact's six steps fold onto five: pants-fire joins false, barely-true becomes mostly-false
    counts = {}
    for _, item in read_liar(path):
        counts[item.label] = counts.get(item.label, 0) + 1
    assert ratings["false"] == counts["false"] + counts["pants-fire"]
    assert ratings["mostly-false"] == counts["barely-true"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_the_projects_own_export_imports_whole(tmp_path, fmt):
    """An export read back by `queue import` gives the same verdicts that stand: ratings, not-a-claim
    answers, corrected labels and evidence, on claims that keep the model's label."""
    from factcheck.queue import Queue
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    texts = ["The bridge cost $40 million to build.", "Turnout fell to 31 percent in 2022.",
             "What a lovely evening it was.", "Crime doubled in a year, the chief said."]
    src = tmp_path / "src.queue"
    with Queue(src) as q:
        q.add_claims([{"claim_id": f"c{i}", "doc_id": f"d{i}", "start": 0, "end": len(t), "text": t,
                       "label": "estimated", "scores": {"sourced": 0.1, "estimated": 0.8, "contested": 0.1}}
                      for i, t in enumerate(texts)])
        for name in ("ann", "bo"):
            q.add_reviewer(name)
        q.record_verdict("c0", "ann", "true", evidence=["https://ledger.example.org/bridge"], note="ledger")
        q.record_verdict("c0", "bo", "false")
        q.record_verdict("c0", "bo", "true")  # supersedes bo's first verdict: only the second stands
        q.record_verdict("c1", "ann", "mostly-false", label="unsourced")
        q.record_verdict("c2", "bo", None, not_a_claim=True)
        q.record_verdict("c3", "ann", "half-true", label="sourced")
    out = tmp_path / f"export.{fmt}"
    assert run("export", src, "--format", fmt, "-o", out).exit_code == 0
    dst = tmp_path / "dst.queue"
    result = run("queue", "import", dst, out)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdicts"] == 5

    def standing(path):
        conn = sqlite3.connect(path)
        try:
            return sorted(conn.execute(
                "SELECT i.text, r.name, x.rating, x.not_a_claim, x.label, x.evidence FROM current_verdicts c"
                " JOIN verdicts x ON x.verdict_id = c.verdict_id JOIN reviewers r ON r.reviewer_id = x.reviewer_id"
                " JOIN items i ON i.claim_id = c.claim_id").fetchall())
        finally:
            conn.close()

    assert standing(dst) == standing(src)
    with Queue(dst) as q:
        assert q.get_claim("c1")["claim"]["label"] == "estimated"  # the model's label; the verdict corrects it


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_editors_ruling_imports_as_a_ruling(tmp_path, fmt):
    """A claim an editor resolved in the exported queue comes back resolved by that editor's
    ruling, not disputed by a third reviewer's verdict; the editor is registered as an editor."""
    from factcheck.queue import Queue
    text = "The ferry carried 9,400 passengers over the holiday weekend."
    src = tmp_path / "src.queue"
    with Queue(src) as q:
        q.init(reviews_per_claim=2)
        q.add_claims([{"claim_id": "f1", "doc_id": "harbour-news", "start": 0, "end": len(text), "text": text,
                       "label": "unsourced"}])
        q.add_reviewer("ann")
        q.add_reviewer("bo")
        q.add_reviewer("eve", "editor")
        q.record_verdict("f1", "ann", "true")
        q.record_verdict("f1", "bo", "false")
        q.adjudicate("f1", "eve", "half-true", note="the count covers both ferries")
        assert q.settled("f1")["by"] == "ruling"
    out = tmp_path / f"export.{fmt}"
    assert run("export", src, "--format", fmt, "-o", out).exit_code == 0
    dst = tmp_path / "dst.queue"
    result = run("queue", "import", dst, out)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdicts"] == 3
    with Queue(dst) as q:
        assert q.get_claim("f1")["status"] == "resolved"
        assert q.settled("f1") == {**q.settled("f1"), "rating": "half-true", "by": "ruling"}
        assert q.reviewer("eve").role == "editor" and q.reviewer("ann").role == "reviewer"
        [ruling] = [v for v in q.get_claim("f1")["verdicts"] if v["kind"] == "adjudication"]
        assert ruling["reviewer"] == "eve" and ruling["note"] == "the count covers both ferries"
    again = run("queue", "import", dst, out)  # the same file twice records nothing twice
    assert again.exit_code == 0 and json.loads(again.stdout)["verdicts"] == 0
    # a name that is a reviewer in the queue imported into cannot rule there
    other = tmp_path / "other.queue"
    with Queue(other) as q:
        q.add_reviewer("eve")
    refused = CliRunner().invoke(main, ["queue", "import", str(other), str(out)])
    assert refused.exit_code == 1 and "not an editor" in refused.stderr
    with Queue(other) as q:
        assert q.get_claim("f1")["status"] == "disputed" and q.settled("f1") is None
