"""Facets: the checkable values inside a sentence (spec/CLAIMS.md section 3).

    >>> import datetime
    >>> from factcheck.facets import extract_facets
    >>> text = "The treaty, signed in 2010, expires on August 2."
    >>> [(f.kind, f.text, f.value) for f in extract_facets(text, published=datetime.date(2019, 6, 27))]
    [('date', '2010', '2010'), ('date', 'August 2', '2019-08-02')]

Rule-based and fast: a sentence without a digit, a number word or a date word returns at once.
"""
from __future__ import annotations

import re

import datetime as _dt

from ..types import Facet
from .dates import find_dates
from .hedges import is_hedged
from .numbers import GROUP_NOUNS, Amount, fractions, groups, read_amount, settle, twice
from .numerals import find_numerals
from .holidays import ANCHORS as HOLIDAY_ANCHORS
from .relative import RELATIVE_ANCHORS
from .scan import Sentence
from .tallies import tallies
from .words import MONTHS, SMALL_NUMBERS, VOTE_WORDS, WEEKDAYS

__all__ = ["extract_facets"]

#: a sentence with none of these words and no digit has no facet
_TRIGGERS = frozenset(SMALL_NUMBERS) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset("""
hundred thousand million billion dozen twice thrice half quarter today tonight yesterday
tomorrow week weekend month year night morning afternoon evening decade spring summer autumn
fall winter century
""".split()) - {"zero", "one"} | RELATIVE_ANCHORS | frozenset(GROUP_NOUNS) | HOLIDAY_ANCHORS  # day, days, weeks, ...: *a day earlier*


#: a hedge after an amount: *23 percent or so*, *$50 billion or more*
_HEDGED_AFTER = re.compile(r"\s+or\s+(?:so|more|less|fewer|thereabouts)\b(?!\s+than\b)|\+|-plus\b")


def extract_facets(text: str, start: int = 0, end: int | None = None, *,
                   published: _dt.date | None = None) -> list[Facet]:
    """Return the facets inside ``text[start:end]``, sorted by start and not overlapping.

    Offsets are absolute into ``text`` (``text[f.start:f.end] == f.text``). ``published`` (a
    date, or an ISO string) resolves relative dates (*last May*, *on Wednesday*); without it they
    get ``value=None``.
    """
    if published is not None and type(published) is not _dt.date:
        from ..types import parse_date
        published = parse_date(published)  # an ISO string, a timestamp; NaT is none
    lo = max(0, start)
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    if lo >= hi:
        return []
    s = Sentence.read(text, lo, hi)
    if not s.has_digit and s.words.isdisjoint(_TRIGGERS):
        return []
    if isinstance(published, _dt.datetime):
        published = published.date()
    dates = find_dates(s, published)
    free = _Free([(d.start, d.end) for d in dates])
    amounts: list[Amount] = []
    if s.has_digit and not s.words.isdisjoint(VOTE_WORDS):
        amounts = [t for t in tallies(text, lo, hi) if free.takes(t.start, t.end)]
        free = _Free(sorted([(d.start, d.end) for d in dates] + [(t.start, t.end) for t in amounts]))
    for n in find_numerals(s):
        if free.takes(n.start, n.end):
            amount = read_amount(text, lo, hi, n)
            if amount is not None:
                amounts.append(amount)
    if not s.words.isdisjoint(("half", "quarter", "quarters", "twice", "thrice")):
        extras = sorted(fractions(text, lo, hi) + twice(text, lo, hi), key=lambda x: x.start)
        if extras:
            used = _taken(dates, amounts)
            amounts += [x for x in extras if used.takes(x.start, x.end)]
    amounts.sort(key=lambda a: a.start)
    amounts = settle(amounts, text, lo)
    if not s.words.isdisjoint(GROUP_NOUNS):
        # after settling: a group's noun is its own and lends nothing to a bare figure (*a pair of
        # senators ... precinct 78*)
        used = _taken(dates, amounts)
        amounts = sorted(amounts + [g for g in groups(text, lo, hi) if used.takes(g.start, g.end)], key=lambda a: a.start)

    facets = [Facet("date", text[d.start:d.end], d.value, d.start, d.end,
                    d.approximate or is_hedged(text, lo, d.start, earlier=False))
              for d in dates]
    free = _Free([(d.start, d.end) for d in dates])
    for a in amounts:
        end = free.cut(a.start, a.end)
        while end > a.start and text[end - 1].isspace():
            end -= 1
        if end <= a.start or (a.numeral is not None and end < a.numeral.end):
            continue  # it would lose its number
        free.add(a.start, end)
        facets.append(Facet(a.kind, text[a.start:end], a.value, a.start, end,
                            a.approximate or is_hedged(text, lo, a.start)
                            or _HEDGED_AFTER.match(text, end, hi) is not None, a.unit))
    facets.sort(key=lambda f: f.start)
    return facets


def _taken(dates, amounts) -> "_Free":
    """Return the spans the dates and amounts found so far take, to ask what else is free."""
    return _Free(sorted([(d.start, d.end) for d in dates] + [(a.start, a.end) for a in amounts]))


class _Free:
    """Spans already taken, sorted and disjoint; asked in increasing order of start, each
    question costs little, so a page of figures stays linear."""

    def __init__(self, taken: list[tuple[int, int]]):
        self.taken = taken
        self.i = 0

    def _skip_to(self, start: int) -> None:
        """Move past the spans that end before ``start``."""
        while self.i < len(self.taken) and self.taken[self.i][1] <= start:
            self.i += 1

    def takes(self, start: int, end: int) -> bool:
        """Return whether [start, end) overlaps no taken span."""
        self._skip_to(start)
        return self.i >= len(self.taken) or self.taken[self.i][0] >= end

    def cut(self, start: int, end: int) -> int:
        """Return where [start, end) must end to stop short of the next taken span (its
        start if the span begins inside one)."""
        self._skip_to(start)
        if self.i < len(self.taken) and self.taken[self.i][0] < end:
            return max(start, self.taken[self.i][0])
        return end

    def add(self, start: int, end: int) -> None:
        """Take [start, end), which lies after everything asked about so far."""
        self.taken.insert(self.i, (start, end))
