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
        inp.send_text(keys + "\x03")  # Ctrl+C last: the screen ends even if a test's keys do not
        return run_review(q, reviewer, input=inp, output=DummyOutput(), **kw)


def verdicts(q):
    conn = sqlite3.connect(q.path)
    return conn.execute("SELECT claim_id, kind, rating, label, note, evidence FROM verdicts ORDER BY verdict_id").fetchall()


def test_rating_key_with_note_evidence_and_label(q):
    # Ctrl+S (\x13) keeps a text box; the label takes one key after l
    session = press(q, "nThe mayor's office confirmed the cuts\x13ehttps://example.org/depot\x13lu2q")
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


def test_enter_adds_a_line_and_ctrl_s_keeps_the_note(q):
    press(q, "nFirst line\rsecond line\x13" "1q")
    assert verdicts(q)[0][4] == "First line\nsecond line"


def test_label_choice_takes_one_key_and_swallows_none(q):
    # l then a rating key: no label, and the rating is recorded (the old prompt swallowed it)
    press(q, "l2" "lc3" "q")
    assert [(c, r, lab) for c, _, r, lab, _, _ in verdicts(q)] == [("c0002", "mostly-true", None),
                                                                   ("c0000", "half-true", "contested")]


def test_not_a_claim_key(q):
    session = press(q, "xq")
    assert session.reviewed == 1
    conn = sqlite3.connect(q.path)
    assert conn.execute("SELECT claim_id, rating, not_a_claim FROM verdicts").fetchall() == [("c0002", None, 1)]
    assert q.settled("c0002")["not_a_claim"] is True


def test_undo_brings_back_what_was_typed(q):
    session = ReviewSession(q, "ann")
    session.set_note("checked with the depot")
    session.add_evidence("https://example.org/depot")
    session.set_label("u")
    session.no_source = True
    session.rate(1)
    assert session.note is None and session.label is None and not session.no_source
    session.undo()
    assert (session.claim_id, session.note, session.evidence, session.label, session.no_source) == (
        "c0002", "checked with the depot", ["https://example.org/depot"], "unsourced", True)
    session.quit()


def test_o_says_the_claim_has_no_source(q):
    press(q, "oo" "o1q")  # twice is back to no correction; the third time counts
    [row] = sqlite3.connect(q.path).execute("SELECT source_corrected, source_start FROM verdicts").fetchall()
    assert row == (1, None)


def test_screen_refuses_evidence_that_is_not_http(q):
    session = press(q, "ejavascript:alert(document.domain)\x13\x07" "eftp://x\x13\x07" "1q")
    assert verdicts(q) == [("c0002", "verdict", "true", None, None, "[]")]
    assert session.reviewed == 1


def test_screen_shows_the_article_paragraph_and_figures_for_people(tmp_path):
    text = ("Harbour news\n\nThe council met on Monday. The depot cost $1,200,000,000, the council said. "
            "Work starts soon.\n\nResidents were not asked.")
    start = text.index("The depot")
    end = text.index("said.") + 5
    money = text.index("$1,200")
    claim = {"claim_id": "k1", "doc_id": "harbour", "text": text[start:end], "start": start, "end": end,
             "checkworthiness": 0.9, "label": "sourced", "scores": {"sourced": 0.9},
             "facets": [{"kind": "money", "text": "$1,200,000,000", "value": 1200000000, "unit": "USD",
                         "approximate": True, "start": money, "end": money + 14}]}
    with Queue(tmp_path / "art.queue") as queue:
        queue.add_claims([claim])
        queue.add_documents([(None, 1, {"doc_id": "harbour", "text": text, "title": "Depot costs soar",
                                        "published": "2024-03-01", "url": "https://news.example.org/depot"})])
        queue.add_reviewer("ann")
        session = ReviewSession(queue, "ann")
        screen = "".join(t for _, t in claim_fragments(session))
        assert "Depot costs soar · 2024-03-01 · https://news.example.org/depot" in screen
        assert "The council met on Monday. ▶ The depot cost" in screen and "Work starts soon." in screen
        assert "Harbour news" in screen and "Residents were not asked." in screen
        assert "$1.2 billion, approx." in screen
        session.quit()


class _SizedOutput:
    """A DummyOutput of a given terminal size."""

    def __new__(cls, rows, columns):
        from prompt_toolkit.data_structures import Size
        out = DummyOutput()
        out.get_size = lambda: Size(rows=rows, columns=columns)
        return out


def _render(session, rows, columns=80, keys=""):
    """Draw the review screen's layout at ``rows`` x ``columns`` (after ``keys``); return its lines."""
    import asyncio
    from prompt_toolkit.application.current import set_app
    from prompt_toolkit.key_binding.key_processor import KeyPress
    from prompt_toolkit.layout.mouse_handlers import MouseHandlers
    from prompt_toolkit.layout.screen import Screen, WritePosition
    from factcheck.queue.review import build_app

    async def draw():  # in an event loop: the keys and the text box start background tasks
        with create_pipe_input() as inp:
            app = build_app(session, input=inp, output=_SizedOutput(rows, columns))
            with set_app(app):
                app.key_processor.feed_multiple([KeyPress(k) for k in keys])
                app.key_processor.process_keys()
                screen = Screen()
                app.layout.container.write_to_screen(screen, MouseHandlers(), WritePosition(0, 0, columns, rows),
                                                     parent_style="", erase_bg=False, z_index=None)
        return ["".join(screen.data_buffer[y][x].char for x in range(columns)) for y in range(rows)]
    return asyncio.run(draw())


@pytest.mark.parametrize("rows", [24, 16])
def test_long_paragraph_keeps_the_claim_and_keys_on_screen(tmp_path, rows):
    sentences = [f"Sentence {i} of the long paragraph says that the harbour board met again on day {i}."
                 for i in range(30)]
    sentences[26] = "The depot cost 300 jobs and $1,200,000,000 in the end, the council said."
    text = "Harbour news\n\n" + " ".join(sentences) + "\n\nResidents were not asked."
    start = text.index("The depot")
    end = text.index("council said.") + len("council said.")
    money = text.index("$1,200")
    claim = {"claim_id": "k1", "doc_id": "harbour", "text": text[start:end], "start": start, "end": end,
             "checkworthiness": 0.9, "label": "sourced", "scores": {"sourced": 0.9},
             "source": {"text": "the council", "start": end - 13, "end": end - 5},
             "facets": [{"kind": "money", "text": "$1,200,000,000", "value": 1200000000, "unit": "USD",
                         "approximate": True, "start": money, "end": money + 14}]}
    with Queue(tmp_path / "long.queue") as queue:
        queue.add_claims([claim])
        queue.add_documents([(None, 1, {"doc_id": "harbour", "text": text, "title": "Depot costs soar"})])
        queue.add_reviewer("ann")
        session = ReviewSession(queue, "ann")
        rows_ = _render(session, rows)
        screen, lines = "".join(rows_), [row.rstrip() for row in rows_]  # wrapped rows are whole
        assert "▶ The depot cost 300 jobs" in screen and "the council said." in screen
        assert "figures: " in screen and "source: the council" in screen
        assert any(line.startswith("[1] true") for line in lines)
        assert any(line.startswith("[n]ote") and line.endswith("[q]uit") for line in lines)
        assert "…" in screen  # the paragraph is cut, and says so
        assert "on day 25. ▶ The depot" in screen  # the context next to the claim stays
        # with the note box open the claim and the keys still fit above it
        rows_ = _render(session, rows, keys="n")
        screen, lines = "".join(rows_), [row.rstrip() for row in rows_]
        assert "▶ The depot cost 300 jobs" in screen and "note (Enter: new line" in screen
        assert any(line.startswith("[n]ote") and line.endswith("[q]uit") for line in lines)
        session.quit()
