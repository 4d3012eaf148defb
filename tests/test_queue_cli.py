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


def test_backup_as_its_help_shows_creates_the_folder(queue, tmp_path, monkeypatch):
    """The help's example names a backups/ folder that does not exist yet: it is created, as
    export -o creates its folder; a folder that cannot be made is one line, exit 1."""
    example = run("queue", "backup", "--help").output.rstrip().splitlines()[-1].split()
    assert example[:3] == ["factcheck", "queue", "backup"]
    dest = example[4]
    monkeypatch.chdir(tmp_path)
    done = run("queue", "backup", queue, dest)
    assert done.exit_code == 0, done.output
    assert count(tmp_path / dest, "PRAGMA integrity_check") == "ok"
    assert count(tmp_path / dest, "SELECT count(*) FROM items") == len(records())
    (tmp_path / "taken").write_text("a file, not a folder")
    refused = run("queue", "backup", queue, tmp_path / "taken" / "copy.queue")
    assert refused.exit_code == 1 and refused.stderr.startswith("Error: cannot create the folder")
    assert len(refused.stderr.strip().splitlines()) == 1

@pytest.mark.parametrize("command", ["init", "add", "add-reviewer", "next", "verdict", "stats", "adjudicate",
                                     "backup", "import", "reset-secret", "dispute"])
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


def test_init_agree_within_settles_near_ratings(tmp_path):
    path = tmp_path / "near.queue"
    result = run("queue", "init", path, "--reviews-per-claim", "2", "--agree-within", "1")
    assert result.exit_code == 0 and "agree within 1" in result.output
    run("queue", "add", path, write_jsonl(tmp_path / "c.jsonl", records()))
    for name in ("ann", "bo"):
        run("queue", "add-reviewer", path, name)
    run("queue", "verdict", path, "c0000", "--reviewer", "ann", "--rating", "true")
    run("queue", "verdict", path, "c0000", "--reviewer", "bo", "--rating", "mostly-true")
    run("queue", "verdict", path, "c0001", "--reviewer", "ann", "--rating", "true")
    run("queue", "verdict", path, "c0001", "--reviewer", "bo", "--rating", "half-true")
    assert count(path, "SELECT status FROM items WHERE claim_id = 'c0000'") == "reviewed"
    assert count(path, "SELECT status FROM items WHERE claim_id = 'c0001'") == "disputed"
    stats = json.loads(run("queue", "stats", path, "--json").stdout)
    assert stats["settled"] == {"claims": 1, "by_agreement": 1, "by_ruling": 0, "not_a_claim": 0}
    assert stats["agree_within"] == 1


def test_verdict_not_a_claim_source_and_facets_are_stored(queue):
    result = run("queue", "verdict", queue, "c0002", "--reviewer", "ann", "--not-a-claim", "--note", "a quote")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["not_a_claim"] is True and out["rating"] is None
    assert count(queue, "SELECT not_a_claim FROM verdicts WHERE claim_id = 'c0002'") == 1
    start = records()[0]["start"]
    miles = (start + 25, start + 33)  # "41 miles", one of the claim's figures
    counted = {**records()[0], "claim_id": "f0000", "doc_id": "paving",
               "facets": [{"kind": "count", "text": "41 miles", "value": 41, "unit": "miles",
                           "start": miles[0], "end": miles[1], "approximate": False}]}
    assert run("queue", "add", queue, write_jsonl(queue.parent / "counted.jsonl", [counted])).exit_code == 0
    result = run("queue", "verdict", queue, "f0000", "--reviewer", "ann", "--rating", "false",
                 "--source", f"{start}:{start + 10}", "--facet", f"{miles[0]}:{miles[1]}=42")
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(queue)
    row = conn.execute("SELECT source_corrected, source_start, source_end, source_text, facets FROM verdicts"
                       " WHERE claim_id = 'f0000'").fetchone()
    assert row[:4] == (1, start, start + 10, "The county")
    assert json.loads(row[4]) == [{"start": miles[0], "end": miles[1], "kind": "count", "value": 42,
                                   "not_a_figure": False}]
    none = run("queue", "verdict", queue, "c0001", "--reviewer", "ann", "--rating", "true", "--source", "none")
    assert none.exit_code == 0 and json.loads(none.stdout)["source_corrected"] is True
    assert conn.execute("SELECT source_start FROM verdicts WHERE claim_id = 'c0001'").fetchone() == (None,)


@pytest.mark.parametrize("evidence", ["javascript:alert(document.domain)", "ftp://x", "mailto:a@example.org"])
def test_verdict_refuses_evidence_that_is_not_http(queue, evidence):
    result = run("queue", "verdict", queue, "c0001", "--reviewer", "ann", "--rating", "true", "--evidence", evidence)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: evidence") and "http://" in line
    assert count(queue, "SELECT count(*) FROM verdicts") == 0


def test_adjudicate_has_no_default_rating(queue):
    run("queue", "add-reviewer", queue, "bo")
    run("queue", "add-reviewer", queue, "eve", "--role", "editor")
    run("queue", "verdict", queue, "c0000", "--reviewer", "ann", "--rating", "true")
    run("queue", "verdict", queue, "c0000", "--reviewer", "bo", "--rating", "false")
    missing = run("queue", "adjudicate", queue, "c0000", "--editor", "eve", "--note", "only a note")
    assert missing.exit_code == 2 and "--rating" in missing.stderr
    from factcheck.queue import Queue
    from factcheck.errors import ValidationError
    with Queue(queue) as q, pytest.raises(ValidationError, match="no default"):
        q.adjudicate("c0000", "eve", None, note="only a note")
    assert count(queue, "SELECT count(*) FROM verdicts WHERE kind = 'adjudication'") == 0
    ruled = run("queue", "adjudicate", queue, "c0000", "--editor", "eve", "--rating", "false",
                "--evidence", "https://example.org/ruling", "--evidence", "ftp://nope")
    assert ruled.exit_code == 1 and count(queue, "SELECT count(*) FROM verdicts WHERE kind = 'adjudication'") == 0
    shown = json.loads(run("queue", "dispute", queue, "c0000").stdout)
    assert shown["reasons"] == ["rating"] and [v["rating"] for v in shown["verdicts"]] == ["true", "false"]


def test_reset_secret_prints_a_new_secret_and_the_old_stops_working(tmp_path):
    path = tmp_path / "q.queue"
    old = run("queue", "add-reviewer", path, "ann").stdout.splitlines()[-1]
    result = run("queue", "reset-secret", path, "ann")
    assert result.exit_code == 0
    new = result.stdout.rstrip("\n").splitlines()[-1]
    assert new != old and len(new) >= 32 and " " not in new
    from factcheck.queue import Queue
    with Queue(path) as q:
        assert q.authenticate(old, "ann") is None and q.authenticate(new, "ann").name == "ann"
    assert run("queue", "reset-secret", path, "zed").exit_code == 1


def test_add_docs_stores_the_documents_for_context(tmp_path):
    rows = records()
    text = " ".join(r["text"] for r in rows)
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"doc_id": "harbour-town", "text": text, "headline": "Harbour town",
                                                   "published": "2024-02-03T08:00:00Z",
                                                   "url": "https://news.example.org/harbour"}, {"text": "no id"}])
    path = tmp_path / "q.queue"
    result = run("queue", "add", path, write_jsonl(tmp_path / "c.jsonl", rows), "--docs", docs)
    assert result.exit_code == 1 and f"{docs}:2: a document row needs a doc_id" in result.stderr
    assert json.loads(result.stdout) == {"added": 6, "duplicates": 0, "errors": 1, "documents": 1}
    assert count(path, "SELECT title || ' ' || published FROM documents") == "Harbour town 2024-02-03"
    run("queue", "add-reviewer", path, "ann")
    got = json.loads(run("queue", "next", path, "--reviewer", "ann").stdout)
    art = got["article"]
    assert art["url"] == "https://news.example.org/harbour" and art["title"] == "Harbour town"
    lo, hi = art["claim"]["start"], art["claim"]["end"]
    assert art["paragraph"]["text"][lo:hi] == got["claim"]["text"]


def test_next_is_one_line_in_a_pipe_and_indented_when_asked(queue):
    piped = run("queue", "next", queue, "--reviewer", "ann")
    assert piped.exit_code == 0 and len(piped.stdout.strip().splitlines()) == 1
    pretty = run("queue", "next", queue, "--reviewer", "ann", "--pretty")
    assert pretty.stdout.startswith("{\n  ") and json.loads(pretty.stdout) == json.loads(piped.stdout)


def test_next_hides_a_peers_verdict_until_ones_own(queue):
    assert run("queue", "init", queue, "--reviews-per-claim", "2").exit_code == 0
    run("queue", "add-reviewer", queue, "bo")
    claim_id = json.loads(run("queue", "next", queue, "--reviewer", "ann").stdout)["claim"]["claim_id"]
    run("queue", "verdict", queue, claim_id, "--reviewer", "ann", "--rating", "false", "--note", "ann's note")
    lease = json.loads(run("queue", "next", queue, "--reviewer", "bo").stdout)
    assert lease["claim"]["claim_id"] == claim_id  # the claim wants its second review
    assert lease["verdicts"] == [] and lease["status"] == "in_review" and lease["independent"] is True
    assert "ann's note" not in json.dumps(lease) and "settled" not in lease
    seen = run("queue", "verdict", queue, claim_id, "--reviewer", "bo", "--rating", "true")
    assert json.loads(seen.stdout)["status"] == "disputed"  # bo has given theirs: now the truth
    from factcheck.queue import Queue
    with Queue(queue) as q:
        assert [v["reviewer"] for v in q.get_claim(claim_id, reviewer="bo")["verdicts"]] == ["ann", "bo"]


@pytest.mark.parametrize("flags", [[], ["--rating", "true", "--not-a-claim"]])
def test_a_verdict_needs_a_rating_or_not_a_claim_and_not_both(queue, flags):
    claim_id = records()[0]["claim_id"]
    result = run("queue", "verdict", queue, claim_id, "--reviewer", "ann", *flags)
    assert result.exit_code == 2 and "give a rating (--rating RATING) or say it is not a claim" in result.output
    assert count(queue, "SELECT count(*) FROM verdicts") == 0


def test_init_again_changes_only_what_it_is_given(tmp_path):
    path = tmp_path / "again.queue"
    assert run("queue", "init", path, "--reviews-per-claim", "2", "--agree-within", "1", "--blind").exit_code == 0
    claims = write_jsonl(tmp_path / "claims.jsonl", records())
    assert run("queue", "add", path, claims).exit_code == 0
    assert run("queue", "add-reviewer", path, "ann").exit_code == 0
    assert run("queue", "verdict", path, records()[0]["claim_id"], "--reviewer", "ann", "--rating", "true").exit_code == 0
    again = run("queue", "init", path)  # nothing asked to change: nothing changes, and no error
    assert again.exit_code == 0 and "2 review(s) per claim; ratings agree within 1; blind" in again.stdout
    from factcheck.queue import Queue
    with Queue(path) as q:
        assert (q.reviews_per_claim, q.agree_within, q.blind) == (2, 1, True)
