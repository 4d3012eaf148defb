"""Vote tallies: *the motion passed 214-198*, *the court ruled 5-4*, *on a 61-38 vote*.

A tally is two counts of votes, one for each side. Its unit is decided from context: a
tally that follows a word of voting in its clause (*passed*, *approved*, *ruled*, *the
vote was*) or comes just before one (*a 61-38 vote*) counts ``votes``; anywhere else two
figures joined by a dash are a score or a reference (*won 3-1*) and no facet.
"""
from __future__ import annotations

import re

from .numbers import Amount
from .phrases import counted_phrase
from .words import VOTE_WORDS

_TALLY = re.compile(r"(?<![\w.,/$£€-])(?P<a>\d{1,3})(?:\s*[-–]\s*|\s+to\s+)(?P<b>\d{1,3})"
                    r"(?![\w/%-]|[,.]\d|\s*(?:pct|percent|per cent|points?)\b)")
_WORD = re.compile(r"[a-z]+")
_AFTER = re.compile(r"\s+([a-z]+)")
_UNITS_AFTER = frozenset(("basis", "per", "times"))
_RANGE_BEFORE = re.compile(r"\b(?:from|between)\s+$")
_CLAUSE_MARKS = ",;:(—–"
#: after *N to 1*, words that make it a ratio
_RATIO_AFTER = frozenset(("margin", "ratio"))
_SPLIT_BEFORE = re.compile(r"\bsplit\s+$")
#: a tally's voting word stands in its clause, close before it
_REACH = 80


def tallies(text: str, lo: int, hi: int) -> list[Amount]:
    """Return both sides of each vote tally in ``text[lo:hi]`` as counts of votes."""
    out: list[Amount] = []
    for m in _TALLY.finditer(text, lo, hi):
        before = text[max(lo, m.start() - _REACH):m.start()].lower()
        before = before[max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1:]  # its own clause
        after = _AFTER.match(text, m.end(), hi)
        said = after.group(1) if after else ""
        counted = counted_phrase(text, m.end(), hi)
        if said not in VOTE_WORDS and (counted and counted.plural or said in _UNITS_AFTER) \
                or _RANGE_BEFORE.search(before):
            continue  # approved 5 to 10 new permits, 25 to 50 basis points, from 30 to 35
        if VOTE_WORDS.isdisjoint(_WORD.findall(before)) and said not in VOTE_WORDS:
            continue
        if m.group("b") == "1" and " to " in m.group() and (said in _RATIO_AFTER or _SPLIT_BEFORE.search(before)):
            continue  # a 3 to 1 margin, the parties split 4 to 1: a ratio, not two tallies of votes
        for side in ("a", "b"):
            out.append(Amount("count", m.start(side), m.end(side), int(m.group(side)), "votes"))
    return out
