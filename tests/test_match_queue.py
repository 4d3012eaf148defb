"""The queue as a memory: "checked before" on a real temp queue, reuse, copies, terminal and web."""
from __future__ import annotations

import pytest

from factcheck.errors import QueueError
from factcheck.matching.queue_index import reuse
from factcheck.queue import Queue

CLAIMS = [
    ("old", "doc-a", "The city zoo counted 212 penguins in its spring census."),
    ("other", "doc-b", "The city zoo counted 500 penguins in its spring census."),
    ("new", "doc-c", "In its spring census the city zoo counted 212 penguins."),
    ("copy", "doc-d", "In its spring census the city zoo counted 212 penguins."),
    ("far", "doc-e", "A ferry service to the island resumes next week."),
]


@pytest.fixture
def queue(tmp_path):
    q = Queue(tmp_path / "memory.queue")
    q.add_claims([{"claim_id": cid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "label": "unsourced"}
                  for cid, doc, text in CLAIMS])
    q.add_reviewer("rita")
    q.add_reviewer("sam")
    q.record_verdict("old", "rita", "mostly-true", evidence=["https://zoo.example.org/census"], note="census sheet")
    yield q
    q.close()


def test_checked_before_names_the_earlier_verdict_its_evidence_and_the_figures(queue):
    got = queue.get_claim("new", reviewer="sam")
    (first, *_) = got["checked_before"]
    assert first["claim_id"] == "old" and first["figures"] == "same"
    assert first["verdict"]["rating"] == "mostly-true"
    assert first["verdict"]["evidence"] == ["https://zoo.example.org/census"]
    assert "stands" not in first["verdict"]
    assert all(m["claim_id"] != "new" for m in got["checked_before"])


def test_a_verdict_on_other_figures_is_shown_but_does_not_stand(queue):
    (first, *_) = queue.get_claim("other", reviewer="sam")["checked_before"]
    assert first["claim_id"] == "old" and first["figures"] == "different"
    assert first["verdict"]["stands"] is False
    with pytest.raises(QueueError):
        reuse(queue, "other", "sam", first)


def test_unrelated_claim_and_empty_queue_have_nothing_checked_before(queue, tmp_path):
    assert all(m["claim_id"] != "far" for m in queue.get_claim("new")["checked_before"])
    empty = Queue(tmp_path / "empty.queue")
    empty.add_claims([{"claim_id": "x", "doc_id": "d", "start": 0, "end": 10, "text": "A claim with no past.", "label": "unsourced"}])
    assert empty.get_claim("x")["checked_before"] == []
    empty.close()


def test_reuse_records_a_verdict_naming_the_one_it_reused(queue):
    match = queue.get_claim("new", reviewer="sam")["checked_before"][0]
    v = reuse(queue, "new", "sam", match)
    assert v["reuses"] == match["verdict"]["verdict_id"] and v["rating"] == "mostly-true"
    assert queue.settled("new")["rating"] == "mostly-true"
    # the settled claim now serves the next ones too
    assert {m["claim_id"] for m in queue.get_claim("copy")["checked_before"]} >= {"old", "new"}


def test_copies_in_other_documents_are_grouped(queue):
    got = queue.get_claim("new")
    assert [c["claim_id"] for c in got["copies"]] == ["copy"]
    assert queue.get_claim("far")["copies"] == []


def test_queue_is_a_matching_source_for_the_cli(queue, tmp_path):
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"id": "n1", "text": "Zoo census: 212 penguins counted this spring"}) + "\n")
    result = CliRunner().invoke(main, ["match", str(qfile), "--against", str(queue.path)])
    assert result.exit_code == 0, result.output
    (m, *_) = json.loads(result.stdout)["matches"]
    assert m["id"] == "old" and m["figures"] == "same" and m["verdict"]["rating"] == "mostly-true"


def test_terminal_screen_shows_checked_before_and_r_reuses(queue):
    from factcheck.queue.review import ReviewSession, claim_fragments

    session = ReviewSession(queue, "sam")
    while session.claim_id not in ("new", None):
        session.skip()
    assert session.claim_id == "new"
    text = "".join(t for _, t in claim_fragments(session))
    assert "Checked before: mostly-true" in text and "figures agree" in text and "[r to reuse]" in text
    verdict = session.reuse()
    assert verdict["reuses"] is not None and queue.settled("new")["rating"] == "mostly-true"


def test_web_api_claim_carries_checked_before(queue):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from factcheck.web.app import create_app

    secret = queue.add_reviewer("webby")
    with TestClient(create_app(queue.path, secret_key="k")) as client:
        r = client.get("/api/claims/new", headers={"Authorization": f"Bearer {secret}"})
    assert r.status_code == 200
    assert r.json()["checked_before"][0]["claim_id"] == "old"
