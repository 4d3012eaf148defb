"""Disputes an editor can settle, settled claims, and what statistics show to whom."""
import pytest

from factcheck.errors import AuthError, NotFoundError
from factcheck.queue import Queue
from test_queue_helpers import records


@pytest.fixture
def q(tmp_path):
    with Queue(tmp_path / "d.queue") as queue:
        queue.init(reviews_per_claim=2)
        rows = records()
        rows[0]["source"] = {"text": "The county", "start": 0, "end": 10}
        queue.add_claims(rows)
        for name in ("ann", "bo"):
            queue.add_reviewer(name)
        queue.add_reviewer("ed", "editor")
        yield queue


def test_a_dispute_says_why_and_shows_every_note_side_by_side(q):
    q.record_verdict("c0000", "ann", "false", label="estimated", note="the county's own report says 14 miles",
                     evidence=["https://county.example.org/roads"])
    q.record_verdict("c0000", "bo", "half-true", source=None, note="no source given in the piece",
                     evidence=["https://archive.example.org/roads"])
    d = q.dispute("c0000", viewer="ed")
    assert d["status"] == "disputed" and d["reasons"] == ["rating", "label", "source"]
    ann, bo = d["verdicts"]
    assert (ann["reviewer"], ann["rating"], ann["label"], ann["label_corrected"], ann["source"]) == (
        "ann", "false", "estimated", True, [0, 10])  # the model's source stands for ann
    assert (bo["reviewer"], bo["rating"], bo["label"], bo["source"], bo["source_corrected"]) == (
        "bo", "half-true", "sourced", None, True)
    assert ann["evidence"] == ["https://county.example.org/roads"] and bo["note"] == "no source given in the piece"
    assert d["ruling"] is None and d["settled"] is None
    q.adjudicate("c0000", "ed", "false", note="the report is clear", evidence=["https://county.example.org/roads"])
    d = q.dispute("c0000")
    assert d["status"] == "resolved" and d["ruling"]["rating"] == "false"
    assert d["ruling"]["note"] == "the report is clear" and d["ruling"]["evidence"] == ["https://county.example.org/roads"]
    assert d["settled"]["by"] == "ruling"
    with pytest.raises(AuthError):
        q.dispute("c0000", viewer="ann")


def test_not_a_claim_against_a_rating_is_a_dispute_an_editor_can_rule(q):
    q.record_verdict("c0001", "ann", not_a_claim=True)
    q.record_verdict("c0001", "bo", "mostly-false")
    assert q.dispute("c0001")["reasons"] == ["not_a_claim"]
    q.adjudicate("c0001", "ed", not_a_claim=True, note="a forecast, not a claim")
    assert q.settled("c0001") == {"rating": None, "not_a_claim": True, "by": "ruling",
                                  "verdict_id": q.dispute("c0001")["ruling"]["verdict_id"]}


def test_settled_claims_and_undo_unsettles(q):
    q.record_verdict("c0002", "ann", "true")
    q.record_verdict("c0002", "bo", "true")
    q.record_verdict("c0003", "ann", not_a_claim=True)
    q.record_verdict("c0003", "bo", not_a_claim=True)
    got = {c["claim_id"]: (s["rating"], s["not_a_claim"], s["by"]) for c, s in q.settled_claims()}
    assert got == {"c0002": ("true", False, "agreement"), "c0003": (None, True, "agreement")}
    [(claim, _)] = [x for x in q.settled_claims() if x[0]["claim_id"] == "c0002"]
    assert claim["record"]["text"] == records()[2]["text"] and claim["status"] == "reviewed"
    q.undo_last("bo")
    assert q.settled("c0003") is None and q.settled("c0002") is not None
    with pytest.raises(NotFoundError):
        q.settled("nope")


def test_reuses_names_an_existing_verdict(q):
    first = q.record_verdict("c0002", "ann", "true")
    again = q.record_verdict("c0004", "ann", "true", reuses=first["verdict_id"])
    assert again["reuses"] == first["verdict_id"]
    assert [r["reuses"] for r in q.verdict_rows()] == [None, first["verdict_id"]]
    with pytest.raises(NotFoundError):
        q.record_verdict("c0005", "ann", "true", reuses=999)


def test_stats_count_settled_and_not_a_claim_and_hide_ratings_from_reviewers(q):
    q.record_verdict("c0002", "ann", "true")
    q.record_verdict("c0002", "bo", "true")
    q.record_verdict("c0003", "ann", not_a_claim=True)
    q.record_verdict("c0003", "bo", not_a_claim=True)
    q.record_verdict("c0000", "ann", "true", label="unsourced")
    q.record_verdict("c0000", "bo", "true")  # agreed rating, disputed label: settled all the same
    stats = q.stats()
    assert stats["by_status"]["disputed"] == 1 and stats["by_status"]["reviewed"] == 2
    assert stats["settled"] == {"claims": 3, "by_agreement": 3, "by_ruling": 0, "not_a_claim": 1}
    assert stats["not_a_claim"] == 2 and stats["ratings_by_label"]["contested"] == {"true": 2}
    assert "ratings_by_label" not in q.stats(viewer="ann") and "ratings_by_label" in q.stats(viewer="ed")
    assert q.stats(viewer="ann")["by_label"] == stats["by_label"]  # not blind: the model's labels are no secret


def test_blind_stats_show_no_ratings_by_model_label(tmp_path):
    with Queue(tmp_path / "blind.queue") as q:
        q.init(blind=True)
        q.add_claims(records())
        q.add_reviewer("ann")
        q.add_reviewer("ed", "editor")
        q.record_verdict("c0000", "ann", "true")
        assert "ratings_by_label" not in q.stats() and "ratings_by_label" not in q.stats(viewer="ed")
        assert q.stats(viewer="ann")["by_label"] == {} and q.stats(viewer="ed")["by_label"]
        view = q.get_claim("c0001", reviewer="ann")
        assert "model" not in view and "label" not in view["claim"] and "scores" not in view["claim"]
        assert all("label" not in r for r in view["context"]["before"] + view["context"]["after"])
