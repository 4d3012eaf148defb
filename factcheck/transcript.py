"""Debate and speech transcripts: who said what, with offsets into the transcript as read.

A transcript is lines of ``SPEAKER: text``. A speaker is a name in capitals (``SMITH``,
``SEN. ALVAREZ``) or in Title case (``Moderator``, ``Dana Okafor``), at most five words, at
the start of a line, followed by a colon (a time stamp such as ``(00:12:31)`` may stand between
the name and the colon). A line without a speaker continues the turn before it. Stage
directions (``(APPLAUSE)``, ``[CROSSTALK]``, ``(LAUGHTER)``, ``[inaudible]``) are not speech:
sentences are read as if they were spaces, so none starts or ends on one and none is split by
one (a claim's text, the document's own words between its offsets, may hold one in its middle;
the models read it without). A time stamp before the name (``[00:12:03] DOE:``) belongs to
the tag. Text before the first speaker line has no speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Span

_NAME = (r"(?:[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,4}"  # SMITH, SEN. ALVAREZ, O'NEILL
         r"|[A-Z][a-z'’.\-]+(?:[ ](?:[A-Z][A-Za-z'’.\-]+|de|van|von|da|del|la|le)){0,4}"  # Dana Okafor
         r"|(?:Speaker|SPEAKER|Participant|PARTICIPANT|Caller|CALLER)[ ]\d{1,2}"  # Speaker 2
         # a transcript typed in lower case: a title with its full stop, then the name (mr. lowe)
         r"|(?:mr|mrs|ms|dr|sen|rep|gov|prof)\.[ ][a-z][a-z'’\-]+(?:[ ][a-z][a-z'’\-]+)?)")
#: a time stamp before a speaker's name (*[00:12:03] DOE:*, *00:15:01 SMITH:*) is part of the tag
_STAMP = (r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:[ ]?[AaPp]\.?[Mm]\.?)?[\])]?[ \t]+"
          r"(?:[-–—][ \t]+)?")  # 00:15:01 - SMITH:, [00:12:03 PM] SMITH:
#: a short note between the name and the colon: a time (*Joe Biden (00:20):*) or a manner
#: (*SMITH (interrupting):*, *DOE (CONT'D):*)
_AFTER_NAME = r"(?:[ \t]*\([^()\n:]{1,30}\)|[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?\))?"
SPEAKER_LINE = re.compile(rf"[ \t]*(?:{_STAMP})?(?P<name>{_NAME}){_AFTER_NAME}[ \t]*:[ \t]")
#: a stage direction: any short bracketed note, or a parenthesised note in capitals
STAGE = re.compile(r"\[[^\[\]\n]{1,60}\]|\((?:[A-Z][A-Z ,.'’\-]*|(?:[Ii]naudible|[Cc]rosstalk|[Ll]aughter|"
                   r"[Aa]pplause|[Bb]ooing|[Cc]heers?|[Ss]ilence)[^()\n]{0,40})\)"
                   r"|\(\d{1,2}:\d{2}(?::\d{2})?\)")  # a time stamp: (00:15)


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: the speaker's name and the turn's speech, as spans of the transcript."""

    speaker: Span | None
    start: int
    end: int


def speaker_at(line: str) -> re.Match | None:
    """Return the match of a speaker at the start of ``line``, or None when it continues a turn."""
    m = SPEAKER_LINE.match(line)
    if m is None:
        return None
    name = m.group("name")
    # a time of day ("At 10: ...") or a one-letter "name" is not a speaker
    return m if len(name.replace(".", "").strip()) > 1 else None


def turns(text: str) -> list[Turn]:
    """Return the turns of a transcript in order; their spans index ``text`` exactly."""
    out: list[Turn] = []
    speaker, start = None, 0
    pos = 0
    for line in text.splitlines(keepends=True):
        m = speaker_at(line)
        if m is not None:
            if pos > start or speaker is not None:
                out.append(Turn(speaker, start, pos))
            name = m.group("name")
            speaker = Span(name, pos + m.start("name"), pos + m.end("name"))
            start = pos + m.end()
        pos += len(line)
    if pos > start or speaker is not None:
        out.append(Turn(speaker, start, pos))
    return [t for t in out if t.speaker is not None or text[t.start:t.end].strip()]


def speech(text: str, turn: Turn) -> str:
    """Return a turn's speech as sentences are read from it: the turn's text with each stage
    direction and line break turned into spaces of the same length, so that offsets hold, a
    direction in mid-sentence (*we cut the deficit by (APPLAUSE) $40 million*) does not split the
    sentence, and no sentence starts or ends on one."""
    piece = text[turn.start:turn.end]
    piece = STAGE.sub(lambda m: " " * len(m.group()), piece)
    return piece.replace("\r", " ").replace("\n", " ")


#: how much of a text must be speaker lines for :func:`looks_like_transcript`
_LOOKS_SHARE = 0.5


def looks_like_transcript(text: str, *, max_lines: int = 400) -> bool:
    """Whether a text not read as a transcript looks like one: of its first ``max_lines``
    non-empty lines, at least three and at least half open with a speaker's name, and two or
    more speakers take turns (a dateline or a single *Note:* line does not)."""
    lines = [line for line in text.splitlines()[:max_lines * 4] if line.strip()][:max_lines]
    names = [m.group("name").upper() for m in map(speaker_at, lines) if m is not None]
    return len(names) >= 3 and len(names) >= _LOOKS_SHARE * len(lines) and len(set(names)) >= 2
