"""The queue's Python API on a temporary file: items, leases, verdicts, statuses, stats, exports."""
import json
import sqlite3
import threading
import time

import pytest

from factcheck.errors import AuthError, NotFoundError, QueueError, ScaleError
from factcheck.queue import Queue, RatingScale, Reviewer
from test_queue_helpers import records


@pytest.fixture
def q(tmp_path):
    with Queue(tmp_path / "news.queue") as queue:
        queue.add_claims(records(), model="fast", model_version="0.1.0")
        for name in ("ann", "bo"):
            queue.add_reviewer(name)
        queue.add_reviewer("eve", "editor")
        yield queue


def db(q):
    return sqlite3.connect(q.path, isolation_level=None)


def test_file_is_wal_with_foreign_keys_and_schema(q):
    # the first load built its indexes at the end: they are all there, and used
    names = {r[0] for r in db(q).execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"items_doc", "items_status_label", "items_open_priority", "items_open_margin"} <= names
    assert q._conn().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert q._conn().execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db(q).execute("PRAGMA user_version").fetchone()[0] == 5


def test_same_claim_twice_is_one_item(q):
    result = q.add_claims(records()[:2] + [{"doc_id": "x"}])
    assert (result.added, result.duplicates) == (0, 2)
    assert len(result.errors) == 1 and "lacks" in str(result.errors[0]) and result.errors[0].line == 3
    assert db(q).execute("SELECT count(*) FROM items").fetchone()[0] == 6
    assert db(q).execute("SELECT model, model_version FROM claims LIMIT 1").fetchone() == ("fast", "0.1.0")


def test_next_leases_highest_priority_and_hands_it_to_one_reviewer(q):
    first = q.next_claim("ann")
    # contested (0.7 + 0.9) beats the most check-worthy sourced claim (0.9 + 0.1)
    assert first["claim"]["claim_id"] == "c0002"
    assert first["status"] == "in_review"
    assert q.next_claim("ann")["claim"]["claim_id"] == "c0002"  # asking again is the same lease
    assert q.next_claim("bo")["claim"]["claim_id"] == "c0000"
    assert first["context"]["before"][-1]["claim_id"] == "c0001"  # nearest last
    assert [r["claim_id"] for r in first["context"]["after"]] == ["c0003", "c0004", "c0005"]
    assert first["model"] == {"name": "fast", "version": "0.1.0", "label": "contested",
                              "scores": records()[2]["scores"]}


def test_a_claim_settled_by_another_reviewer_ends_the_lease_on_it(q):
    """ann holds a lease; bo's verdict settles the claim (one review wanted): ann moves on."""
    held = q.next_claim("ann")["claim"]["claim_id"]
    q.record_verdict(held, "bo", "true")
    assert q.get_claim(held)["status"] == "reviewed"
    after = q.next_claim("ann")
    assert after["claim"]["claim_id"] != held and after["status"] == "in_review"
    assert db(q).execute("SELECT count(*) FROM leases WHERE claim_id = ?", (held,)).fetchone()[0] == 0


def test_a_claim_that_wants_a_second_review_keeps_the_other_lease(tmp_path):
    with Queue(tmp_path / "two.queue") as q2:
        q2.init(reviews_per_claim=2)
        q2.add_claims(records())
        q2.add_reviewer("ann")
        q2.add_reviewer("bo")
        held = q2.next_claim("ann")["claim"]["claim_id"]
        q2.record_verdict(held, "bo", "true")
        assert q2.next_claim("ann")["claim"]["claim_id"] == held  # still wanted from ann


def test_uncertainty_order_puts_least_certain_first(q):
    # c0004: checkworthiness 0.5 -> margin 0
    assert q.next_claim("ann", order="uncertainty")["claim"]["claim_id"] == "c0004"
    with pytest.raises(QueueError, match="order"):
        q.next_claim("ann", order="random")


def test_expired_lease_comes_back(q):
    got = q.next_claim("ann", lease_seconds=1)["claim"]["claim_id"]
    assert q.stats()["by_status"]["in_review"] == 1
    time.sleep(1.1)
    assert q.stats()["by_status"]["in_review"] == 0
    assert q.get_claim(got)["status"] == "pending"
    assert q.next_claim("bo")["claim"]["claim_id"] == got


def test_verdict_appends_and_correction_supersedes(q):
    v1 = q.record_verdict("c0000", "ann", "true", note="matches the county report")
    v2 = q.record_verdict("c0000", "ann", "mostly-true", label="estimated", evidence=["https://example.org/a"])
    assert v2["supersedes"] == v1["verdict_id"]
    claim = q.get_claim("c0000")
    assert claim["status"] == "reviewed"
    assert [(v["rating"], v["current"]) for v in claim["verdicts"]] == [("true", False), ("mostly-true", True)]
    rows = list(q.verdict_rows())
    assert len(rows) == 1 and rows[0]["rating"] == "mostly-true" and rows[0]["label"] == "estimated"
    assert rows[0]["claim_label"] == "sourced" and rows[0]["model_name"] == "fast"
    assert rows[0]["evidence"] == ["https://example.org/a"] and rows[0]["reviewer_role"] == "reviewer"
    assert rows[0]["rating_value"] == 4 and rows[0]["created_at"].endswith("Z")
    # the first verdict is still in the file
    assert db(q).execute("SELECT count(*) FROM verdicts").fetchone()[0] == 2


def test_verdicts_cannot_be_updated_or_deleted_in_place(q):
    q.record_verdict("c0000", "ann", "true")
    with pytest.raises(sqlite3.DatabaseError, match="appended"):
        db(q).execute("UPDATE verdicts SET rating = 'false'")
    with pytest.raises(sqlite3.DatabaseError, match="appended"):
        db(q).execute("DELETE FROM verdicts")


def test_errors_name_the_fix(q):
    with pytest.raises(ScaleError, match="true, mostly-true, half-true, mostly-false, false, unverifiable"):
        q.record_verdict("c0000", "ann", "pants-fire")
    with pytest.raises(NotFoundError, match="add-reviewer"):
        q.record_verdict("c0000", "zed", "true")
    with pytest.raises(NotFoundError, match="no claim"):
        q.record_verdict("nope", "ann", "true")
    with pytest.raises(QueueError, match="label"):
        q.record_verdict("c0000", "ann", "true", label="dubious")
    assert db(q).execute("SELECT count(*) FROM verdicts").fetchone()[0] == 0


def test_undo_retracts_and_restores_the_earlier_verdict(q):
    q.record_verdict("c0000", "ann", "true")
    q.record_verdict("c0000", "ann", "false")
    undone = q.undo_last("ann")
    assert undone["kind"] == "retraction"
    assert [r["rating"] for r in q.verdict_rows()] == ["true"]
    q.undo_last("ann")
    assert list(q.verdict_rows()) == []
    assert q.get_claim("c0000")["status"] == "pending"
    assert q.undo_last("ann") is None
    assert db(q).execute("SELECT count(*) FROM verdicts").fetchone()[0] == 4
    history = list(q.verdict_rows(history=True))
    assert [(r["kind"], r["rating"], r["supersedes"], r["current"]) for r in history] == [
        ("verdict", "true", None, False), ("verdict", "false", 1, False), ("retraction", None, 2, False),
        ("retraction", None, 1, False)]


def test_two_reviews_disagreement_dispute_and_adjudication(tmp_path):
    with Queue(tmp_path / "two.queue") as q:
        q.init(reviews_per_claim=2)
        q.add_claims(records())
        for name in ("ann", "bo"):
            q.add_reviewer(name)
        q.add_reviewer("eve", "editor")
        a, b = q.next_claim("ann"), q.next_claim("bo")
        assert a["claim"]["claim_id"] == b["claim"]["claim_id"]  # it needs two reviews
        cid = a["claim"]["claim_id"]
        q.record_verdict(cid, "ann", "true")
        assert q.get_claim(cid)["status"] == "in_review"
        q.record_verdict(cid, "bo", "false")
        assert q.get_claim(cid)["status"] == "disputed"
        with pytest.raises(AuthError, match="not an editor"):
            q.adjudicate(cid, "ann", "half-true")
        with pytest.raises(QueueError, match="not disputed"):
            q.adjudicate("c0005", "eve", "true")
        q.adjudicate(cid, "eve", "half-true", note="both had a point")
        assert q.get_claim(cid)["status"] == "resolved"
        # agreement on the label but not the rating
        q.record_verdict("c0000", "ann", "true")
        q.record_verdict("c0000", "bo", "true", label="sourced")
        assert q.get_claim("c0000")["status"] == "reviewed"
        q.record_verdict("c0001", "ann", "mostly-false")
        q.record_verdict("c0001", "bo", "mostly-false", label="unsourced")  # disagrees with the model label
        assert q.get_claim("c0001")["status"] == "disputed"
        stats = q.stats()
        assert stats["by_status"] == {"pending": 3, "in_review": 0, "reviewed": 1, "disputed": 1, "resolved": 1}
        assert stats["agreement"]["rating"]["items"] == 3
        # ratings (true,false), (true,true), (mostly-false,mostly-false): n_true=3, n_false=1, n_mf=2, n=6;
        # D_o = 2/6, D_e = 2*(3*1 + 3*2 + 1*2)/30 = 22/30, alpha = 1 - 10/22 = 12/22; kappa = (2/3-1/3)/(2/3)
        assert stats["agreement"]["rating"]["krippendorff_alpha"] == pytest.approx(12 / 22, abs=1e-5)
        assert stats["agreement"]["rating"]["cohen_kappa"] == pytest.approx(0.5)
        # ordinal, on values (5,1), (5,5), (2,2): n_5=3, n_1=1, n_2=2, n=6; ranks 1 < 2 < 5;
        # d2(1,5) = (1+2+3 - (1+3)/2)^2 = 16, d2(1,2) = (1+2 - 1.5)^2 = 2.25, d2(2,5) = (2+3 - 2.5)^2 = 6.25
        # D_o = 2*16/6; D_e = 2*(1*3*16 + 1*2*2.25 + 2*3*6.25)/30 = 2*90/30 = 6; alpha = 1 - (32/6)/6 = 0.1111
        assert stats["agreement"]["rating"]["krippendorff_alpha_ordinal"] == pytest.approx(1 - (32 / 6) / 6, abs=1e-5)
        assert stats["by_reviewer"] == {"ann": 3, "bo": 3, "eve": 1}
        assert stats["verdicts"] == 7


def test_blind_mode_hides_the_model_from_reviewers_not_editors(tmp_path):
    with Queue(tmp_path / "blind.queue") as q:
        q.init(blind=True)
        q.add_claims(records())
        q.add_reviewer("ann")
        q.add_reviewer("eve", "editor")
        got = q.next_claim("ann")
        assert "model" not in got and got["blind"] is True
        assert not {"label", "scores", "cues"} & set(got["claim"])
        assert all("label" not in r for r in got["context"]["before"] + got["context"]["after"])
        assert q.get_claim(got["claim"]["claim_id"], reviewer="eve")["model"]["label"] == "contested"
        v = q.record_verdict(got["claim"]["claim_id"], "ann", "true")
        assert v["blind"] is True
        # statistics hide the model too: no ratings by its label for anyone, no label counts for reviewers
        assert "ratings_by_label" not in q.stats() and "ratings_by_label" not in q.stats(viewer="eve")
        assert q.stats(viewer="ann")["by_label"] == {} and q.stats(viewer="eve")["by_label"]


def test_init_only_before_first_verdict(q, tmp_path):
    scale = RatingScale.from_list([{"name": "yes", "value": 1}, {"name": "no", "value": 0}])
    q.init(scale=scale, reviews_per_claim=3)
    assert q.scale.names() == ["yes", "no"] and q.reviews_per_claim == 3
    assert Queue(q.path).scale.names() == ["yes", "no"]
    q.record_verdict("c0000", "ann", "yes")
    with pytest.raises(QueueError, match="already has verdicts"):
        q.init()


def test_reviewer_secrets_are_hashed_and_checked(q):
    secret = q.add_reviewer("cy", "editor")
    assert q.authenticate(secret) == Reviewer("cy", "editor")
    assert q.authenticate(secret, "cy") == Reviewer("cy", "editor")
    assert q.authenticate(secret, "ann") is None
    assert q.authenticate(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert q.authenticate("") is None
    stored = db(q).execute("SELECT secret_hash, secret_salt FROM reviewers WHERE name = 'cy'").fetchone()
    assert secret.encode() not in stored[0] and len(stored[1]) == 16
    with pytest.raises(QueueError, match="already exists"):
        q.add_reviewer("cy")
    with pytest.raises(QueueError, match="role"):
        q.add_reviewer("dee", "boss")
    assert q.reviewer("cy").role == "editor"
    with pytest.raises(NotFoundError):
        q.reviewer("nobody")


def test_list_and_count_items_filter(q):
    assert q.count_items() == 6
    assert q.count_items(label="sourced") == 3
    assert q.count_items(min_score=0.6, max_score=0.8) == 3
    rows = q.list_items(limit=2)
    assert [r["claim_id"] for r in rows] == ["c0002", "c0000"]
    assert set(rows[0]) == {"claim_id", "doc_id", "text", "label", "checkworthiness", "status", "n_verdicts"}
    q.record_verdict("c0003", "ann", "false")
    assert [r["claim_id"] for r in q.list_items(status="reviewed")] == ["c0003"]
    with pytest.raises(QueueError, match="status"):
        q.count_items(status="done")


def test_verdict_rows_since_and_stats_extras(q):
    q.record_verdict("c0000", "ann", "true")
    cut = q.verdict(1)["created_at"]
    time.sleep(0.002)
    q.record_verdict("c0001", "bo", "false")
    assert [r["claim_id"] for r in q.verdict_rows(since=cut)] == ["c0001"]
    stats = q.stats()
    assert sum(stats["verdicts_per_day"].values()) == 2
    assert stats["ratings_by_label"] == {"sourced": {"true": 1}, "estimated": {"false": 1}}
    json.dumps(stats)  # plain JSON all through


def test_backup_is_a_working_copy(q, tmp_path):
    q.record_verdict("c0000", "ann", "true")
    q.backup(tmp_path / "copy.queue")
    with Queue(tmp_path / "copy.queue") as copy:
        assert copy.stats()["verdicts"] == 1
        assert copy._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(QueueError):
        q.backup(q.path)


def test_threads_share_one_queue_object(q):
    seen, errors = [], []

    def work(name):
        try:
            while (got := q.next_claim(name)) is not None:
                seen.append(got["claim"]["claim_id"])
                q.record_verdict(got["claim"]["claim_id"], name, "true")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in ("ann", "bo", "eve")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert sorted(seen) == [f"c{i:04d}" for i in range(6)]
    assert q.stats()["by_status"]["reviewed"] == 6


def test_not_a_queue_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some text, not SQLite at all" * 100)
    with pytest.raises(QueueError, match="not a usable queue file"):
        Queue(path)
    with pytest.raises(NotFoundError, match="queue init"):
        Queue(tmp_path / "missing.queue", create=False)


def test_another_programs_database_or_an_empty_file_is_refused_and_left_as_it_was(tmp_path):
    import sqlite3
    other = tmp_path / "crm.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for create in (False, True):
        with pytest.raises(QueueError, match="another program's SQLite database"):
            Queue(other, create=create)
    assert other.read_bytes() == before and not (tmp_path / "crm.db-wal").exists()
    empty = tmp_path / "touched.queue"
    empty.touch()
    with pytest.raises(QueueError, match="an empty file"):
        Queue(empty, create=False)
    with Queue(empty) as q:  # queue init on an empty file makes it a queue
        assert q.stats()["claims"] == 0
    with Queue(empty, create=False) as q:
        assert q.stats()["claims"] == 0


def test_in_blind_review_a_reviewer_who_voted_sees_where_the_claim_stands(tmp_path):
    with Queue(tmp_path / "blind.queue") as q:
        q.init(reviews_per_claim=2, blind=True)
        q.add_claims(records())
        for name in ("ann", "bo"):
            q.add_reviewer(name)
        q.record_verdict("c0000", "ann", "true")
        assert q.get_claim("c0000", reviewer="bo")["status"] == "in_review"  # bo has not voted yet
        q.record_verdict("c0000", "bo", "false")
        seen = q.get_claim("c0000", reviewer="ann")
        assert seen["status"] == "disputed"
        assert [v["reviewer"] for v in seen["verdicts"]] == ["ann"]  # still not bo's verdict


def test_settings_changed_by_another_process_are_seen_by_a_long_lived_queue(tmp_path, monkeypatch):
    import factcheck.queue.store as store
    monkeypatch.setattr(store, "SETTINGS_FRESH", 0.0)
    with Queue(tmp_path / "live.queue") as server:  # a running web server's queue
        server.add_claims(records())
        assert server.blind is False
        with Queue(tmp_path / "live.queue") as cli:
            cli.init(blind=True, reviews_per_claim=2)
        assert server.blind is True and server.reviews_per_claim == 2
