"""The terminal review screen, driven by keys as a person would press them; then the database."""
import sqlite3

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from factcheck.queue import Queue
from factcheck.queue.review import ReviewSession, claim_fragments, run_review
from test_queue_helpers import records


@pytest.fixture
def q(tmp_path):
    with Queue(tmp_path / "screen.queue") as queue:
        rows = records()
        rows[2]["facets"] = [{"kind": "count", "text": "300 jobs", "value": 300, "unit": "jobs",
                              "start": rows[2]["start"] + 22, "end": rows[2]["start"] + 30, "approximate": False}]
        rows[2]["cues"] = [{"label": "contested", "text": "denies", "start": rows[2]["start"] + 10,
                            "end": rows[2]["start"] + 16}]
        queue.add_claims(rows)
        queue.add_reviewer("ann")
        yield queue


def press(q, keys, reviewer="ann", **kw):
    """Run the screen with these keys typed, and return the finished session."""
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        return run_review(q, reviewer, input=inp, output=DummyOutput(), **kw)


def verdicts(q):
    conn = sqlite3.connect(q.path)
    return conn.execute("SELECT claim_id, kind, rating, label, note, evidence FROM verdicts ORDER BY verdict_id").fetchall()


def test_rating_key_with_note_evidence_and_label(q):
    session = press(q, "nThe mayor's office confirmed the cuts\rehttps://example.org/depot\rlu\r2q")
    assert session.reviewed == 1
    assert verdicts(q) == [("c0002", "verdict", "mostly-true", "unsourced", "The mayor's office confirmed the cuts",
                            '["https://example.org/depot"]')]
    # quitting gave the next claim back
    assert sqlite3.connect(q.path).execute("SELECT count(*) FROM leases").fetchone()[0] == 0


def test_skip_then_rate_then_undo(q):
    press(q, "s1" "5" "u" "3q")
    rows = verdicts(q)
    # skipped c0002; rated c0000 true, c0004 false; undo retracted c0004's and it was rated half-true
    assert [(c, k, r) for c, k, r, *_ in rows] == [
        ("c0000", "verdict", "true"), ("c0001", "verdict", "false"), ("c0001", "retraction", None),
        ("c0001", "verdict", "half-true")]
    assert q.get_claim("c0002")["status"] == "pending"  # the skipped claim went back
    assert [r["rating"] for r in q.verdict_rows()] == ["true", "half-true"]


def test_running_count_and_highlights_on_screen(q):
    session = ReviewSession(q, "ann")
    text = "".join(t for _, t in claim_fragments(session))
    assert "0 reviewed this session · 6 left" in text
    assert "model: contested (0.90)" in text and "The mayor denies" in text
    styles = {t: s for s, t in claim_fragments(session) if "claim" in s}
    assert "facet" in styles["300 jobs"] and "cue" in styles["denies"]
    assert "[1] true" in text and "[6] unverifiable" in text
    session.rate(0)
    text = "".join(t for _, t in claim_fragments(session))
    assert "1 reviewed this session · 5 left" in text
    session.quit()


def test_blind_mode_screen_hides_the_model_label(tmp_path):
    with Queue(tmp_path / "blind.queue") as q:
        q.init(blind=True)
        q.add_claims(records())
        q.add_reviewer("ann")
        session = ReviewSession(q, "ann")
        text = "".join(t for _, t in claim_fragments(session))
        assert "blind review" in text and "contested" not in text
        session.quit()


def test_empty_queue_and_bad_label(q):
    session = press(q, "lzz\r" + "1" * 6 + "1q")
    assert session.reviewed == 6
    assert "Nothing left" in session.message
    assert all(label is None for _, _, _, label, _, _ in verdicts(q))


def test_review_command_refuses_unknown_reviewer(q):
    from click.testing import CliRunner
    from factcheck.cli import main
    result = CliRunner().invoke(main, ["review", str(q.path), "--reviewer", "zed"])
    assert result.exit_code == 1 and "add-reviewer" in result.stderr
    assert "Example" in CliRunner().invoke(main, ["review", "--help"]).output
