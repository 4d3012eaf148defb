"""Debate and speech transcripts: who said what, with offsets into the transcript as read.

A transcript is lines of ``SPEAKER: text``. A speaker is a name in capitals (``SMITH``,
``SEN. ALVAREZ``) or in Title case (``Moderator``, ``Dana Okafor``), at most five words, at
the start of a line, followed by a colon (a time stamp such as ``(00:12:31)`` may stand between
the name and the colon). A line without a speaker continues the turn before it. Stage
directions (``(APPLAUSE)``, ``[CROSSTALK]``, ``(LAUGHTER)``, ``[inaudible]``) are not speech:
the text of a turn is cut around them, so they never become part of a claim. Text before the
first speaker line has no speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .types import Span

_NAME = (r"(?:[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,4}"  # SMITH, SEN. ALVAREZ, O'NEILL
         r"|[A-Z][a-z'’.\-]+(?:[ ](?:[A-Z][A-Za-z'’.\-]+|de|van|von|da|del|la|le)){0,4}"  # Dana Okafor
         r"|(?:Speaker|SPEAKER|Participant|PARTICIPANT|Caller|CALLER)[ ]\d{1,2})")  # Speaker 2
SPEAKER_LINE = re.compile(rf"[ \t]*(?P<name>{_NAME})(?:[ \t]*\(\d{{1,2}}:\d{{2}}(?::\d{{2}})?\))?[ \t]*:[ \t]")
#: a stage direction: any short bracketed note, or a parenthesised note in capitals
STAGE = re.compile(r"\[[^\[\]\n]{1,60}\]|\((?:[A-Z][A-Z ,.'’\-]*|(?:[Ii]naudible|[Cc]rosstalk|[Ll]aughter|"
                   r"[Aa]pplause|[Bb]ooing|[Cc]heers?|[Ss]ilence)[^()\n]{0,40})\)")


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


def speech(text: str, turn: Turn) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` pieces of a turn's speech: the turn cut around stage directions."""
    pos = turn.start
    for m in STAGE.finditer(text, turn.start, turn.end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if turn.end > pos:
        yield pos, turn.end
