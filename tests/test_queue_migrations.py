"""Schema migrations: from the first version on, safe to run twice, and from several processes."""
import json
import multiprocessing as mp
import sqlite3

import pytest

from factcheck.queue import Queue, schema
from test_queue_helpers import records


def _v1_file(path):
    """A queue file as the first schema version wrote it, with a claim in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    assert schema.migrate(conn, target=1) == 1
    rec = records()[3]  # checkworthiness 0.6, sourced 0.1, estimated 0.1, contested 0.05
    conn.execute("INSERT INTO items (claim_id, doc_id, start, \"end\", record, added_at, text, label, checkworthiness,"
                 " priority) VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', ?, ?, 0.6, 0.65)",
                 (rec["claim_id"], rec["doc_id"], rec["start"], rec["end"], json.dumps(rec), rec["text"], rec["label"]))
    conn.close()
    return rec


def test_every_step_from_the_first_version(tmp_path):
    path = tmp_path / "old.queue"
    rec = _v1_file(path)
    conn = sqlite3.connect(path)
    assert "margin" not in {r[1] for r in conn.execute("PRAGMA table_info(items)")}
    conn.close()
    with Queue(path) as q:
        assert schema.version(q._conn()) == schema.LATEST == 5
        margin = q._conn().execute("SELECT margin FROM items").fetchone()[0]
        assert margin == pytest.approx(0.1)  # |0.6 - 0.5| is the least certain of the four scores
        # the old claim is served in uncertainty order and takes verdicts
        q.add_reviewer("ann")
        assert q.next_claim("ann", order="uncertainty")["claim"]["claim_id"] == rec["claim_id"]
        q.record_verdict(rec["claim_id"], "ann", "true")


def test_migrations_are_safe_to_run_twice(tmp_path):
    path = tmp_path / "twice.queue"
    _v1_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn)
    before = conn.execute("SELECT * FROM items").fetchall()
    # run every step again, as a crash between a step and its version bump would
    conn.execute("PRAGMA user_version = 0")
    assert schema.migrate(conn) == schema.LATEST
    assert conn.execute("SELECT * FROM items").fetchall() == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _v2_file(path):
    """A queue file at schema version 2 with a claim, two reviewers and a verdict on it."""
    conn = sqlite3.connect(path, isolation_level=None)
    assert schema.migrate(conn, target=2) == 2
    rec = records()[0]
    conn.execute("INSERT INTO items (claim_id, doc_id, start, \"end\", record, added_at, text, label, checkworthiness,"
                 " priority, status, n_verdicts) VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', ?, ?, 0.9, 0.9,"
                 " 'in_review', 1)",
                 (rec["claim_id"], rec["doc_id"], rec["start"], rec["end"], json.dumps(rec), rec["text"], rec["label"]))
    for rid, name in ((1, "ann"), (2, "bo")):
        conn.execute("INSERT INTO reviewers VALUES (?, ?, 'reviewer', 'x', x'00', x'00', '2024-01-01')", (rid, name))
    conn.execute("INSERT INTO verdicts (claim_id, reviewer_id, kind, rating, rating_value, evidence, created_at)"
                 " VALUES (?, 1, 'verdict', 'false', 1, '[]', '2024-01-02T00:00:00Z')", (rec["claim_id"],))
    conn.execute("INSERT INTO current_verdicts VALUES (?, 1, 'verdict', 1)", (rec["claim_id"],))
    conn.execute("INSERT INTO settings VALUES ('reviews_per_claim', '2')")
    conn.close()
    return rec


def test_version_two_file_gains_the_verdict_columns_and_documents(tmp_path):
    path = tmp_path / "v2.queue"
    rec = _v2_file(path)
    with Queue(path) as q:
        assert schema.version(q._conn()) == schema.LATEST
        columns = {r[1] for r in q._conn().execute("PRAGMA table_info(verdicts)")}
        assert {"not_a_claim", "source_corrected", "source_start", "source_end", "facets", "reuses"} <= columns
        [old] = q.get_claim(rec["claim_id"])["verdicts"]
        # the old verdict reads as one that corrects nothing
        assert (old["not_a_claim"], old["source_corrected"], old["source"], old["facets"], old["reuses"]) == (
            False, False, None, [], None)
        assert q.settled(rec["claim_id"]) is None  # one of two verdicts
        q.record_verdict(rec["claim_id"], "bo", "false")
        assert q.settled(rec["claim_id"]) == {"rating": "false", "not_a_claim": False, "by": "agreement",
                                              "verdict_id": 2}
    # and the step runs again harmlessly
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 2")
    assert schema.migrate(conn) == schema.LATEST
    assert conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 2
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _open(path):
    Queue(path).close()


def test_several_processes_create_the_same_file(tmp_path):
    path = str(tmp_path / "race.queue")
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_open, args=(path,)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_v4_adds_the_claim_matching_index_and_is_safe_twice(tmp_path):
    path = tmp_path / "v3.queue"
    with Queue(path) as q:
        q.add_claims([{"claim_id": "a", "doc_id": "d", "start": 0, "end": 9, "text": "Some text", "label": "unsourced"}])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE match_fts")
    conn.execute("DROP INDEX items_text")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    assert schema.migrate(conn) == schema.LATEST == 5
    schema.MIGRATIONS[3](conn)  # again: harmless
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"match_fts", "match_state", "items_text"} <= names
    conn.close()


def test_v5_adds_the_keyset_listing_indexes_that_the_list_then_walks(tmp_path):
    path = tmp_path / "v4.queue"
    with Queue(path) as q:
        q.add_claims([{"claim_id": f"c{i}", "doc_id": "d", "start": i * 10, "end": i * 10 + 9, "text": f"Claim {i}",
                       "label": "unsourced", "checkworthiness": i / 10} for i in range(5)])
    conn = sqlite3.connect(path)
    for name in schema.LISTING_INDEXES:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DROP TABLE imported_verdicts")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Queue(path) as q:  # opening migrates: serving needs no write of its own any more
        conn = q._conn()
        assert schema.version(conn) == schema.LATEST == 5
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(schema.LISTING_INDEXES) <= names
        assert conn.execute("SELECT count(*) FROM imported_verdicts").fetchone()[0] == 0  # the marks of imports
        plan = " ".join(str(r[-1]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT claim_id FROM items WHERE status = 'pending' ORDER BY priority DESC, claim_id"))
        assert "items_list_status" in plan and "TEMP B-TREE" not in plan
        from factcheck.queue import listing
        first = listing.page(q, limit=2)
        assert [i["claim_id"] for i in first["items"]] == ["c4", "c3"]
        assert [i["claim_id"] for i in listing.page(q, after=first["next"], limit=2)["items"]] == ["c2", "c1"]
    schema.MIGRATIONS[4](sqlite3.connect(path))  # again: harmless


def test_a_first_load_rebuilds_the_listing_indexes(tmp_path):
    with Queue(tmp_path / "bulk.queue") as q:
        q.add_claims([{"claim_id": "a", "doc_id": "d", "start": 0, "end": 4, "text": "Text", "label": "unsourced"}])
        names = {r[0] for r in q._conn().execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(schema.LISTING_INDEXES) <= names
