"""Transcripts as input: speaker lines, continuation lines, stage directions, offsets, the
speaker as source; the reader by hand (no model), the pipeline with the fake model, the CLI
with the shipped one."""
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.io import ReadOptions, read_inputs
from factcheck.pipeline import Extractor, attach_speaker
from factcheck.transcript import looks_like_transcript, speech, turns
from factcheck.types import Claim, Document, Span
from test_batch_model import FakeModel

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "debate.transcript"

DEBATE = """\
Opening remarks were read by the clerk.
HOST: Welcome back to the studio.
SEN. IMRE BALOGH: We opened 14 clinics in 2022,
and trained 300 nurses. (APPLAUSE) That was my promise.
Clara Mendes: The ministry denies that 14 clinics opened. [CROSSTALK]
[inaudible]
Speaker 2 (01:02:03): At 10: the polls close.
"""


@pytest.mark.parametrize("line,speaker", [
    ("SMITH: We won.\n", "SMITH"),
    ("[00:12:03] DOE: We won.\n", "DOE"),          # a time stamp before the name is part of the tag
    ("00:15:01 SMITH: We won.\n", "SMITH"),
    ("(01:02) Dana Okafor: We won.\n", "Dana Okafor"),
    ("mr. lowe: crime rose.\n", "mr. lowe"),          # typed in lower case: a title makes it a name
    ("00:15:01 - SMITH: We won.\n", "SMITH"),
    ("[00:12:03 PM] SMITH: We won.\n", "SMITH"),
    ("(00:12) SMITH (interrupting): We won.\n", "SMITH"),
    ("Joe Biden (00:20): We won.\n", "Joe Biden"),
    ("the council voted: 12 to 3.\n", None),
    ("SEN. O'NEILL: We won.\n", "SEN. O'NEILL"),
    ("Dana Okafor: We won.\n", "Dana Okafor"),
    ("Moderator (00:12:31): Next question.\n", "Moderator"),
    ("Speaker 2: Yes.\n", "Speaker 2"),
    ("the council voted: 12 to 3.\n", None),    # lower case: speech, not a speaker
    ("B: one letter is no name.\n", None),  # but Q: and A: are (test_transcript_speakers.py)
    ("Ratio 3:1 was agreed.\n", None),
    ("At 10: the polls close.\n", None),
    ("In the end the council voted for it: yes.\n", None),  # more than five words before the colon
])
def test_speaker_lines(line, speaker):
    [turn] = turns(line)
    assert (turn.speaker.text if turn.speaker else None) == speaker


def test_turns_continuations_and_stage_directions_keep_offsets():
    ts = turns(DEBATE)
    assert [t.speaker.text if t.speaker else None for t in ts] == [
        None, "HOST", "SEN. IMRE BALOGH", "Clara Mendes", "Speaker 2"]
    for t in ts:
        if t.speaker:
            assert DEBATE[t.speaker.start:t.speaker.end] == t.speaker.text
    balogh = ts[2]
    read = speech(DEBATE, balogh)  # stage directions and line breaks as spaces, offsets kept
    assert len(read) == balogh.end - balogh.start
    assert read.split() == "We opened 14 clinics in 2022, and trained 300 nurses. That was my promise.".split()
    assert speech(DEBATE, ts[3]).split() == "The ministry denies that 14 clinics opened.".split()


def test_a_stage_direction_in_mid_sentence_does_not_split_the_claim():
    text = "SMITH: The plant created (APPLAUSE) 4,200 jobs in 2022.\nDOE: We cut the deficit by [CROSSTALK] $40 million.\n"
    claims = Extractor(FakeModel(), all_sentences=True).extract(Document("d", text, transcript=True))
    assert [(c.text, c.source.text) for c in claims] == [
        ("The plant created (APPLAUSE) 4,200 jobs in 2022.", "SMITH"),
        ("We cut the deficit by [CROSSTALK] $40 million.", "DOE")]


def test_pipeline_claims_carry_the_speaker_as_source():
    doc = Document("d", DEBATE, transcript=True)
    claims = Extractor(FakeModel(), all_sentences=True).extract(doc)
    texts = [c.text for c in claims]
    assert "We opened 14 clinics in 2022,\nand trained 300 nurses." in texts
    assert not any(s in t for t in texts for s in ("(APPLAUSE)", "[CROSSTALK]", "[inaudible]", "BALOGH:"))
    for c in claims:
        assert DEBATE[c.start:c.end] == c.text
        if c.source is not None:
            assert DEBATE[c.source.start:c.source.end] == c.source.text
    by_text = {c.text: c for c in claims}
    assert by_text["That was my promise."].source.text == "SEN. IMRE BALOGH"
    assert by_text["That was my promise."].label == "sourced"
    denial = by_text["The ministry denies that 14 clinics opened."]
    assert denial.source.text == "Clara Mendes" and denial.label == "contested"  # contested outranks sourced
    assert by_text["Opening remarks were read by the clerk."].source is None  # before any speaker


def test_attach_speaker_keeps_a_source_the_rules_found():
    found = Span("the ministry", 0, 12)
    claim = Claim("c", "d", "t", 0, 1, 0.9, "sourced", {"sourced": 0.8}, (), found, ())
    assert attach_speaker(claim, Span("HOST", 20, 24)) is claim
    plain = Claim("c", "d", "t", 0, 1, 0.9, "unsourced", {"sourced": 0.1, "estimated": 0.2, "contested": 0.1})
    got = attach_speaker(plain, Span("HOST", 20, 24))
    assert got.source == Span("HOST", 20, 24) and got.label == "sourced" and got.scores["estimated"] == 0.2


def test_stdin_transcript_streams_turn_by_turn():
    stream = io.BytesIO(DEBATE.encode("utf-8"))
    items = list(read_inputs(["-"], stdin=stream, options=ReadOptions(transcript=True)))
    docs = [i.doc for i in items]
    assert [d.doc_id for d in docs] == ["stdin-1", "stdin-2", "stdin-3", "stdin-5", "stdin-7"]
    assert all(d.transcript for d in docs) and "".join(d.text for d in docs) == DEBATE


def test_cli_reads_the_example_transcript(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(EXAMPLE), "--format", "jsonl", "--published", "2024-03-14"])
    assert result.exit_code == 0, result.output
    text = EXAMPLE.read_text(encoding="utf-8")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(text[r["start"]:r["end"]] == r["text"] for r in records)
    assert {r["source"]["text"] for r in records if r["source"]} >= {"VARGA"}
    assert not any("(APPLAUSE)" in r["text"] or "[CROSSTALK]" in r["text"] for r in records)
    # the same text as a .txt file is a transcript only with --transcript
    plain = tmp_path / "debate.txt"
    plain.write_text(text, encoding="utf-8")
    flagged = runner.invoke(main, ["extract", str(plain), "--transcript", "--format", "jsonl",
                                   "--published", "2024-03-14"])
    assert [json.loads(x)["text"] for x in flagged.stdout.splitlines()] == [r["text"] for r in records]
    # and score reads it the same way
    out = tmp_path / "scored.jsonl"
    scored = runner.invoke(main, ["score", str(plain), "--transcript", "-o", str(out), "--published", "2024-03-14",
                                  "--no-progress"])
    assert scored.exit_code == 0, scored.output
    assert [json.loads(x)["source"] for x in out.read_text().splitlines()] == [
        json.loads(x)["source"] for x in flagged.stdout.splitlines()]


@pytest.mark.parametrize("text,looks", [
    ("HALE: We cut it.\nMORROW: You did not.\nHALE: We did, by 4 percent.\n", True),
    ("Dana Okafor: Why now?\nLi Wei: Because the rent doubled.\nDana Okafor: Since when?\nLi Wei: Since May.\n", True),
    # a dateline, a note or one speaker's lines in an article are no transcript
    ("WASHINGTON: The bill passed 61-38.\nIt now goes to the House.\nA vote is expected in May.\n", False),
    ("Note: figures are rounded.\nSales rose 4 percent.\nProfit fell.\nNote: the survey ended in May.\n", False),
    ("SMITH: One.\nSMITH: Two.\nSMITH: Three.\n", False),
    ("HALE: We cut it.\nMORROW: You did not.\n", False),  # too short to tell
])
def test_looks_like_transcript(text, looks):
    assert looks_like_transcript(text) is looks


def test_a_transcript_read_as_prose_gets_a_one_line_hint(tmp_path):
    plain = tmp_path / "debate.txt"
    plain.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(plain), "--format", "jsonl", "--published", "2024-03-14"])
    assert result.exit_code == 0
    hints = [line for line in result.stderr.splitlines() if "--transcript" in line]
    assert len(hints) == 1 and str(plain) in hints[0]
    flagged = runner.invoke(main, ["extract", str(plain), "--transcript", "--format", "jsonl", "--published", "2024-03-14"])
    assert "--transcript" not in flagged.stderr


def test_live_stdin_through_the_cli():
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "-", "--transcript", "--all"], input=DEBATE)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc_id"] for r in records} >= {"stdin-3", "stdin-5"}


def test_live_pipe_prints_a_turn_before_the_stream_ends():
    import subprocess
    import sys
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "extract", "-", "--transcript"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(b"SMITH: We built 40 homes in 2023.\nJONES: Next turn begins\n")
        proc.stdin.flush()  # the stream stays open, as under tail -f
        got = []
        reader = threading.Thread(target=lambda: got.append(proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        assert got and json.loads(got[0])["source"]["text"] == "SMITH"
    finally:
        proc.stdin.close()
        proc.wait(60)
