"""Sentences with exact character offsets, tuned on news and wire copy.

A rule-based splitter: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by white space and something that can start a sentence, or at a line break
that ends a paragraph or a headline. Abbreviations, initials, decimals and dotted acronyms do
not end a sentence unless the next word is one that typically starts one (``the U.S. The``).
The approach follows Punkt's (Kiss & Strunk 2006) use of abbreviation lists and sentence-start
words, with the lists written by hand for news (see ``factcheck/cues.py`` for word lists).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# Titles and name parts after which a full stop never ends a sentence.
TITLES = frozenset("""
mr mrs ms dr gov sen rep gen prof st lt col capt sgt rev hon pres supt cmdr adm maj brig
messrs mme mlle sr jr sens reps govs ft mt no nos vs v cf approx fig dept
""".split())
# Abbreviations that can end a sentence: split after them only before a sentence-start word.
ENDERS = frozenset("""
inc corp co ltd llc plc bros assn dept univ est etc al jan feb mar apr jun jul aug sep sept oct
nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd hwy p.m a.m pct dlrs mln bln
""".split())
# Words that usually open a sentence: after an abbreviation, these mark a boundary.
STARTERS = frozenset("""
a an the he she it its they we i you his her their our my this that these those there then but
and so yet also however meanwhile still in on at for if when while after before as since
although though because some many most several both all no one two three four five

""".split())

#: the longest sentence, in words. Real news sentences stay below it (the longest of PolNeAR's
#: 33,602 has 148 words, its 99.99th percentile is 102, news-dev's longest 76); a longer run
#: is a text without sentence punctuation.
MAX_WORDS = 120
# a piece cut at clause punctuation keeps at least this many words
_MIN_PIECE = MAX_WORDS // 4
_CLAUSE_MARKS = ",;:—–"
_WORD = re.compile(r"\S+")
#: a letter or digit (``\w`` is exactly ``str.isalnum`` and ``_``): a piece without one is no sentence
_ALNUM = re.compile(r"[^\W_]")

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# a terminator run, optional closers, then white space
_BOUNDARY = re.compile(r"([.!?]+|…)([\"'”’)\]»]*)(\s+)")
_BLANKS = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*|\r\n(?:[ \t]*\r\n)+\s*")
_WORD_BEFORE = re.compile(r"([\w.&'-]+)$")
_WORD_AFTER = re.compile(r"[\"'“‘(\[«]*([\w'’-]+)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: its text and its offsets in the document."""

    text: str
    start: int
    end: int


def _is_boundary(text: str, dot_at: int, terminator: str, after: int) -> bool:
    """Whether the terminator at ``dot_at`` ends a sentence, judged from the words around it."""
    nxt = text[after:after + 1]
    if not nxt:
        return True
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalnum()):
        return False
    if terminator != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot_at - 40), dot_at)
    if not m:
        return True
    word = m.group(1).lstrip("'-")
    low = word.lower().rstrip(".")
    m2 = _WORD_AFTER.match(text, after)
    next_word = m2.group(1) if m2 else ""
    starter = next_word.lower() in STARTERS
    if low in TITLES:
        return False
    if len(low) == 1 and low.isalpha():
        # an initial (J. Smith) or the end of a dotted acronym (U.S.): split only before a starter
        return starter
    if "." in low:
        # dotted acronyms and abbreviations: U.S., U.N., a.m., p.m.
        return starter
    if low in ENDERS:
        if nxt.isdigit():
            return False
        return starter
    return True


def _split_block(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the sentences between lo and hi, trimmed of white space."""
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        term_end = m.end(2)
        if _is_boundary(text, m.start(1), m.group(1)[-1], m.end(3)):
            yield start, term_end
            start = m.end(3)
    yield start, hi


def _last_visible(text: str, lo: int, hi: int) -> str:
    """Return the last character of ``text[lo:hi]`` that is not white space ("" if none),
    without copying the block (a hard-wrapped paragraph is asked at each of its lines)."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return text[hi - 1] if hi > lo else ""


#: the widths a hard-wrapping program uses (e-mail and wire copy at 60-80 characters, text saved
#: from a PDF column at 40-100); longer lines are paragraphs that were never wrapped
_WRAP_WIDTHS = range(40, 101)
#: a full line of a wrapped text is at most this much shorter than the text's widest line
_WRAP_SLACK = 15
#: what opens a line of its own: a bullet, a numbered item, a speaker's tag
_OWN_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u2013\u2014>#|]|\d{1,2}[.)]\s|[A-Z][A-Za-z.' -]{0,30}:\s)")
#: words a sentence never ends on: a line that ends on one goes on in the next
_GOES_ON = frozenset("the a an of to and or in on at by for from with as that than into its their his her "
                     "our your this these those".split())


def _wrap_width(text: str) -> int:
    """Return the width a text was hard-wrapped at (0 if it was not): its widest line, when
    that is a wrapping width (:data:`_WRAP_WIDTHS`) and at least three lines come near it."""
    lengths = [len(line.rstrip()) for line in text.splitlines() if line.strip()]
    if len(lengths) < 3 or max(lengths) not in _WRAP_WIDTHS:
        return 0
    width = max(lengths)
    return width if sum(1 for n in lengths if n >= width - _WRAP_SLACK) >= 3 else 0


def _wrapped(text: str, line_start: int, at: int, width: int) -> bool:
    """Whether the line ``text[line_start:at]`` goes on after its line break: it ends on a word no
    sentence ends on (*according to the / Transport Office*), or the text is hard-wrapped
    (``width``) and the line is a full one, so the break is the wrapping program's (*... the
    Finance / Ministry said*); never before a list item or a speaker's tag."""
    line = text[line_start:at].rstrip()
    words = line.split()
    if not words or not (words[-1].lower() in _GOES_ON or width and len(line) >= width - _WRAP_SLACK):
        return False
    if sum(1 for w in words if w[:1].isupper()) * 2 > len(words) + 1:
        return False  # a headline in title case (*Kasich: Deporting Parents Is Not The Kind Of Values ...*)
    return not _OWN_LINE.match(text, at + 1 if text[at] == "\n" else at + 2)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield the paragraphs and headlines: split at blank lines, and at a single line break
    unless the text is hard-wrapped there (the next line starts in lower case, this one ends
    mid-clause, or :func:`_wrapped`)."""
    pos = 0
    line_start = 0
    width = _wrap_width(text) if "\n" in text else 0
    for m in re.finditer(r"\r?\n", text):
        nxt = text[m.end():m.end() + 1]
        # a hard-wrapped line: next line goes on in lower case, or this one ends mid-clause
        if nxt and (nxt.islower() or (nxt not in "\r\n" and (_last_visible(text, pos, m.start()) in (",", ";", "-", "(")
                                                                or _wrapped(text, line_start, m.start(), width)))):
            line_start = m.end()
            continue
        yield pos, m.start()
        pos = line_start = m.end()
    yield pos, len(text)


def _cap(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of pieces of at most MAX_WORDS words covering the sentence at s:e: cut
    after the last clause punctuation (*,* *;* *:* or a dash) that leaves a piece of at least
    a quarter of the cap, else after MAX_WORDS words. Each cut looks back over at most MAX_WORDS
    words and moves on by at least a quarter of that, so the work is linear in the words."""
    if e - s <= 2 * MAX_WORDS:  # too short to hold MAX_WORDS + 1 words
        yield s, e
        return
    words = [m.span() for m in _WORD.finditer(text, s, e)]
    i, n = 0, len(words)
    while n - i > MAX_WORDS:
        cut = i + MAX_WORDS - 1
        for k in range(cut, i + _MIN_PIECE - 2, -1):
            if text[words[k][1] - 1] in _CLAUSE_MARKS:
                cut = k
                break
        yield words[i][0], words[cut][1]
        i = cut + 1
    if i < n:
        yield words[i][0], e


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` with offsets such that ``text[s.start:s.end] == s.text``,
    none longer than :data:`MAX_WORDS` words."""
    out: list[Sentence] = []
    for lo, hi in _blocks(text):
        for s, e in _split_block(text, lo, hi):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            for ps, pe in _cap(text, s, e):
                if pe > ps and _ALNUM.search(text, ps, pe):
                    out.append(Sentence(text[ps:pe], ps, pe))
    return out
