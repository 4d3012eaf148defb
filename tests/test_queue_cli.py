"""`factcheck queue ...` through click's runner: output, exit codes and the database afterwards."""
import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from test_queue_helpers import records, write_jsonl


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def queue(tmp_path):
    path = tmp_path / "news.queue"
    claims = write_jsonl(tmp_path / "claims.jsonl", records())
    assert run("queue", "add", path, claims).exit_code == 0
    assert run("queue", "add-reviewer", path, "ann").exit_code == 0
    return path


def count(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def test_init_sets_scale_and_reviews(tmp_path):
    scale = tmp_path / "scale.csv"
    scale.write_text("name,value,alternate_name\naccurate,3,Accurate\nmisleading,2,Misleading\nwrong,1,Wrong\n")
    result = run("queue", "init", tmp_path / "q.queue", "--scale", scale, "--reviews-per-claim", "2", "--blind")
    assert result.exit_code == 0, result.output
    assert "accurate, misleading, wrong" in result.output and "2 review(s)" in result.output
    assert json.loads(count(tmp_path / "q.queue", "SELECT value FROM settings WHERE key = 'reviews_per_claim'")) == 2


def test_add_reports_broken_lines_and_adds_the_rest(tmp_path):
    rows = records()
    path = write_jsonl(tmp_path / "mixed.jsonl", [rows[0], '{"claim_id": "x", "text": ', rows[1], rows[0],
                                                  {"claim_id": "y", "doc_id": "d"}])
    result = run("queue", "add", tmp_path / "q.queue", path)
    assert result.exit_code == 1
    assert f"{path}:2: broken JSON" in result.stderr
    assert f"{path}:5: claim record lacks text, start, end" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: 2 line(s) could not be added")
    assert json.loads(result.stdout) == {"added": 2, "duplicates": 1, "errors": 2}
    assert count(tmp_path / "q.queue", "SELECT count(*) FROM items") == 2
    # adding again adds nothing twice
    again = run("queue", "add", tmp_path / "q.queue", path)
    assert json.loads(again.stdout)["added"] == 0
    assert count(tmp_path / "q.queue", "SELECT count(*) FROM claims") == 2


def test_add_reports_a_line_that_is_not_utf8_and_adds_the_rest(tmp_path):
    rows = records()
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b"".join([json.dumps(rows[0]).encode() + b"\n", b'{"text": "caf\xe9"}\n',
                               json.dumps(rows[1]).encode() + b"\n"]))
    result = run("queue", "add", tmp_path / "q.queue", path)
    assert result.exit_code == 1
    [error] = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    assert error.startswith(f"{path}:2: not valid UTF-8") and "save the file as UTF-8" in error
    assert json.loads(result.stdout) == {"added": 2, "duplicates": 0, "errors": 1}


def test_add_reports_a_record_cut_short_after_its_head(tmp_path):
    # the fields a queue needs come first; a line cut in its facets is still a broken line
    whole = json.dumps(records()[0])
    cut = whole[: whole.index('"facets"') + 12]
    odd = dict(records()[1], scores=None)
    odd = {k: odd[k] for k in ("claim_id", "doc_id", "text", "start", "end", "cues", "label", "scores",
                               "checkworthiness", "facets")}  # another key order: read whole
    path = write_jsonl(tmp_path / "cut.jsonl", [cut, odd, records()[2]])
    result = run("queue", "add", tmp_path / "q.queue", path)
    assert result.exit_code == 1 and f"{path}:1: broken JSON" in result.stderr
    assert json.loads(result.stdout) == {"added": 2, "duplicates": 0, "errors": 1}
    assert count(tmp_path / "q.queue", "SELECT label FROM items WHERE claim_id = 'c0001'") == "estimated"
    stored = json.loads(count(tmp_path / "q.queue", "SELECT record FROM items WHERE claim_id = 'c0002'"))
    assert stored == records()[2]


def test_add_reads_csv_with_json_cells_and_stdin(tmp_path):
    rows = records()
    path = tmp_path / "claims.csv"
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows[:3]:
            writer.writerow({k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in row.items()})
    assert run("queue", "add", tmp_path / "q.queue", path).exit_code == 0
    stored = json.loads(count(tmp_path / "q.queue", "SELECT record FROM claims WHERE claim_id = 'c0002'"))
    assert stored["scores"] == rows[2]["scores"] and stored["start"] == rows[2]["start"]
    assert count(tmp_path / "q.queue", "SELECT label FROM items WHERE claim_id = 'c0002'") == "contested"
    piped = run("queue", "add", tmp_path / "q.queue", "-", input=json.dumps(rows[4]) + "\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["added"] == 1


def test_add_reviewer_prints_the_secret_alone_on_the_last_line(tmp_path):
    result = run("queue", "add-reviewer", tmp_path / "q.queue", "bo", "--role", "editor")
    assert result.exit_code == 0
    secret = result.stdout.rstrip("\n").splitlines()[-1]
    assert len(secret) >= 32 and " " not in secret
    from factcheck.queue import Queue
    with Queue(tmp_path / "q.queue") as q:
        assert q.authenticate(secret).role == "editor"
    assert count(tmp_path / "q.queue", "SELECT count(*) FROM reviewers WHERE secret_hash = ?", secret.encode()) == 0


def test_next_prints_json_then_exits_3_when_nothing_is_left(queue):
    result = run("queue", "next", queue, "--reviewer", "ann")
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    assert got["claim"]["claim_id"] == "c0002" and got["status"] == "in_review"
    assert count(queue, "SELECT count(*) FROM leases") == 1
    for row in records():
        run("queue", "verdict", queue, row["claim_id"], "--reviewer", "ann", "--rating", "true")
    empty = run("queue", "next", queue, "--reviewer", "ann")
    assert empty.exit_code == 3 and empty.stdout == "" and "Nothing left" in empty.stderr


def test_verdict_direct_with_label_note_and_evidence(queue):
    result = run("queue", "verdict", queue, "c0001", "--reviewer", "ann", "--rating", "mostly-false",
                 "--label", "sourced", "--note", "the estimate is the agency's own",
                 "--evidence", "https://example.org/1", "--evidence", "https://example.org/2")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["status"] == "reviewed" and out["evidence"] == ["https://example.org/1", "https://example.org/2"]
    assert count(queue, "SELECT label FROM verdicts WHERE claim_id = 'c0001'") == "sourced"
    assert count(queue, "SELECT status FROM items WHERE claim_id = 'c0001'") == "reviewed"


@pytest.mark.parametrize("args, message", [
    (["--rating", "pants-fire"], "not on the scale; use one of: true, mostly-true"),
    (["--rating", "true", "--label", "dubious"], "label 'dubious' is not one of"),
])
def test_verdict_user_errors_exit_1_with_one_line(queue, args, message):
    result = run("queue", "verdict", queue, "c0001", "--reviewer", "ann", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count(queue, "SELECT count(*) FROM verdicts") == 0


def test_unknown_reviewer_claim_and_file(queue, tmp_path):
    assert "add-reviewer" in run("queue", "next", queue, "--reviewer", "zed").stderr
    assert "no claim 'zz'" in run("queue", "verdict", queue, "zz", "--reviewer", "ann", "--rating", "true").stderr
    missing = run("queue", "stats", tmp_path / "nope.queue")
    assert missing.exit_code == 1 and "factcheck queue init" in missing.stderr
    assert not (tmp_path / "nope.queue").exists()
    assert run("queue", "next", queue).exit_code == 2  # --reviewer is required: usage error


def test_stats_json_and_text(queue):
    run("queue", "verdict", queue, "c0000", "--reviewer", "ann", "--rating", "true")
    stats = json.loads(run("queue", "stats", queue, "--json").stdout)
    assert stats["claims"] == 6 and stats["verdicts"] == 1
    assert stats["by_status"]["reviewed"] == 1 and stats["by_status"]["pending"] == 5
    assert stats["by_label"] == {"contested": 1, "estimated": 1, "sourced": 3, "unsourced": 1}
    assert stats["by_reviewer"] == {"ann": 1}
    assert set(stats["agreement"]) == {"rating", "label"}
    assert all(isinstance(stats[k], int) for k in ("claims", "verdicts"))


def test_adjudicate_and_backup(queue, tmp_path):
    run("queue", "add-reviewer", queue, "bo")
    run("queue", "add-reviewer", queue, "eve", "--role", "editor")
    run("queue", "verdict", queue, "c0000", "--reviewer", "ann", "--rating", "true")
    run("queue", "verdict", queue, "c0000", "--reviewer", "bo", "--rating", "false")
    assert count(queue, "SELECT status FROM items WHERE claim_id = 'c0000'") == "disputed"
    refused = run("queue", "adjudicate", queue, "c0000", "--editor", "bo", "--rating", "true")
    assert refused.exit_code == 1 and "not an editor" in refused.stderr
    done = run("queue", "adjudicate", queue, "c0000", "--editor", "eve", "--rating", "half-true", "--note", "both")
    assert done.exit_code == 0 and json.loads(done.stdout)["kind"] == "adjudication"
    assert count(queue, "SELECT status FROM items WHERE claim_id = 'c0000'") == "resolved"
    copy = tmp_path / "backup.queue"
    assert run("queue", "backup", queue, copy).exit_code == 0
    assert count(copy, "SELECT count(*) FROM verdicts") == 3
    assert count(copy, "PRAGMA integrity_check") == "ok"


@pytest.mark.parametrize("command", ["init", "add", "add-reviewer", "next", "verdict", "stats", "adjudicate",
                                     "backup", "import"])
def test_every_help_ends_with_an_example(command):
    result = run("queue", command, "--help")
    assert result.exit_code == 0
    tail = result.output.rstrip().splitlines()
    assert any(line.strip().startswith("Example") for line in tail[-4:])
    assert "factcheck queue " in tail[-1]


def test_add_reads_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = records()
    # nested columns as JSON strings (as the CSV writer does) and as real lists, both read
    table = pa.Table.from_pylist([{**r, "scores": json.dumps(r["scores"]), "facets": []} for r in rows[:4]])
    pq.write_table(table, tmp_path / "claims.parquet")
    result = run("queue", "add", tmp_path / "q.queue", tmp_path / "claims.parquet")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 4
    stored = json.loads(count(tmp_path / "q.queue", "SELECT record FROM claims WHERE claim_id = 'c0002'"))
    assert stored["scores"] == rows[2]["scores"]
    assert count(tmp_path / "q.queue", "SELECT label FROM items WHERE claim_id = 'c0002'") == "contested"
