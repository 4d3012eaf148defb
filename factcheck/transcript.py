"""Debate and speech transcripts: who said what, with offsets into the transcript as read.

A transcript is lines of ``SPEAKER: text``. A speaker is a name in capitals (``SMITH``,
``SEN. ALVAREZ``, ``DeSANTIS``) or in Title case (``Moderator``, ``Dana Okafor``,
``Ocasio-Cortez``, ``McConnell``), at most five words, at the start of a line, followed by a
colon and then the speech or the end of the line (the speech may start on the next line). A time
stamp such as ``(00:12:31)``, a note such as ``(interrupting)`` or a role after a comma in
capitals or Title case (``JAKE TAPPER, CNN MODERATOR:``) may stand between the name and the
colon: they belong to the tag, and the speaker is the name alone, as it is for a time stamp, so
that the source names a person, not a job. ``Q:`` and ``A:`` of an interview are speakers (the
one who asks and the one who answers; there is no other name to give them), other one-letter
tags are not. A word that opens speech with a colon but names nobody (``First:``, ``Look:``,
``Note:``, ``Update:``, ``The Fact:``) is no speaker: its line continues the turn. A line without a
speaker continues the turn before it. Stage
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

#: what opens a surname before a capital: McConnell, MacArthur, DeSantis (DeSANTIS in a
#: transcript in capitals), DiNapoli, DuBois, LaGuardia, O'Neill
_PARTICLE = r"(?:Mc|Mac|De|Di|Da|Du|La|Le|O['’])"
_NAME = (rf"(?:{_PARTICLE}?[A-Z][A-Z'’.\-]*(?:[ ]{_PARTICLE}?[A-Z][A-Z'’.\-]*){{0,4}}"  # SMITH, SEN. ALVAREZ, O'NEILL
         # Dana Okafor, Ocasio-Cortez, McConnell
         rf"|{_PARTICLE}?[A-Z][a-z'’.\-]+(?:-{_PARTICLE}?[A-Z][a-z'’.\-]+)*"
         r"(?:[ ](?:[A-Z][A-Za-z'’.\-]+|de|van|von|da|del|la|le)){0,4}"
         r"|(?:Speaker|SPEAKER|Participant|PARTICIPANT|Caller|CALLER)[ ]\d{1,2}"  # Speaker 2
         # a transcript typed in lower case: a title with its full stop, then the name (mr. lowe)
         r"|(?:mr|mrs|ms|dr|sen|rep|gov|prof)\.[ ][a-z][a-z'’\-]+(?:[ ][a-z][a-z'’\-]+)?)")
#: a role after the name and a comma (*JAKE TAPPER, CNN MODERATOR:*, *Dana Okafor, Mayor of
#: Springfield:*): words in capitals or Title case, joined by small words; no digits, so that a
#: dateline (*WASHINGTON, Jan. 5:*) is no role. A role in lower case reads as prose (*In Texas,
#: the numbers: ...*) and is not taken.
_ROLE_WORD = r"[A-Z][A-Za-z'’.&/\-]*"
_ROLE = rf"(?:,[ \t]+{_ROLE_WORD}(?:[ ](?:{_ROLE_WORD}|of|the|for|and|at|on|in|to)){{0,7}})?"
#: a time stamp before a speaker's name (*[00:12:03] DOE:*, *00:15:01 SMITH:*) is part of the tag
_STAMP = (r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:[ ]?[AaPp]\.?[Mm]\.?)?[\])]?[ \t]+"
          r"(?:[-–—][ \t]+)?")  # 00:15:01 - SMITH:, [00:12:03 PM] SMITH:
#: a short note between the name and the colon: a time (*Joe Biden (00:20):*) or a manner
#: (*SMITH (interrupting):*, *DOE (CONT'D):*)
_AFTER_NAME = r"(?:[ \t]*\([^()\n:]{1,30}\)|[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?\))?"
#: the colon ends the tag when speech or the end of the line follows (a tag alone on its line,
#: the speech below it); *Ratio 3:1* and *10:30* are no tags
SPEAKER_LINE = re.compile(rf"[ \t]*(?:{_STAMP})?(?P<name>{_NAME}){_AFTER_NAME}{_ROLE}{_AFTER_NAME}"
                          r"[ \t]*:(?:[ \t]|(?=\s)|$)")
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


#: words that open a line with a colon, in speech or in an editor's hand, but never name a
#: speaker: ordinals and counts (*First: we cut taxes*), discourse markers (*Look:*, *Listen:*),
#: editors' labels (*Note:*, *Update:*, *Correction:*, *Editor's note:*) and fact-checkers' own
#: (*Fact:*, *Claim:*, *Verdict:*). Compared case-blind and after a leading article, so that
#: ``NOTE:`` and ``THE FACT:`` in a transcript in capitals are no speakers either. Gathered from
#: the defects reported on transcript input (first, look, note, the fact) and the labels news
#: and fact-check pages print; a surname among them would need to be taken out.
_NOT_NAMES = frozenset(phrase.strip() for phrase in """
first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, firstly, secondly,
thirdly, next, last, lastly, finally, one, two, three, four, five,
look, listen, see, remember, well, now, so, also, again, plus, meanwhile, however, still, then,
besides, anyway, instead, indeed, yes, no, okay, ok,
note, nb, n.b, ps, p.s, editor's note, editors' note, update, updated, correction, clarification,
fact, facts, fact check, claim, verdict, rating, bottom line, summary, background, context,
source, sources, warning, disclaimer, caption, photo, credit, transcript, translation
""".split(","))
#: words that label speech in Title case (*Question: who pays?* said by a speaker) but are an
#: interview's speakers in capitals, as ``Q:`` and ``A:`` are (*QUESTION:* in a press briefing)
_TITLE_CASE_LABELS = frozenset({"question", "answer"})
#: roles that a tag in Title case may name after *The* (*The President:*); any other Title-case
#: tag that opens with an article is a label (*The Fact:*, *The Bottom Line:*), while one in
#: capitals is a speaker (*THE PRESIDENT:*, *THE COURT:*), as transcripts in capitals write them
_THE_ROLES = frozenset({
    "president", "vice president", "first lady", "moderator", "host", "chair", "chairman",
    "chairwoman", "speaker", "clerk", "court", "judge", "witness", "interviewer", "governor",
    "mayor", "senator", "prime minister", "minister", "secretary", "defendant", "prosecutor"})
_ARTICLES = ("the ", "a ", "an ")
#: one-letter tags that are speakers: an interview's question and answer
_ONE_LETTER = frozenset({"Q", "A"})


def _is_name(name: str) -> bool:
    """Whether a tag's name names a speaker: not a one-letter tag other than ``Q`` and ``A``
    (a time of day, *At 10:*, or a list's *B:*), not a word of :data:`_NOT_NAMES`, and in
    Title case neither a speech label (*Question:*) nor a phrase led by an article (*The Fact:*)."""
    bare = name.replace(".", "").strip()
    if len(bare) <= 1:
        return bare in _ONE_LETTER
    key = " ".join(name.lower().replace("’", "'").rstrip(".").split())
    article = next((a for a in _ARTICLES if key.startswith(a)), "")
    rest = key[len(article):]
    if rest in _NOT_NAMES:
        return False
    if name.isupper():  # capitals are the transcript's own way of writing a tag
        return True
    if key in _TITLE_CASE_LABELS:
        return False
    return not article or rest in _THE_ROLES


def speaker_at(line: str) -> re.Match | None:
    """Return the match of a speaker at the start of ``line``, or None when it continues a turn;
    the match's ``name`` group is the speaker, the rest of it the tag."""
    m = SPEAKER_LINE.match(line)
    if m is None:
        return None
    return m if _is_name(m.group("name")) else None


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
