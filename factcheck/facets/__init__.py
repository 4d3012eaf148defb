"""Facets: the checkable values inside a sentence (spec/CLAIMS.md section 3).

    >>> import datetime
    >>> from factcheck.facets import extract_facets
    >>> text = "The treaty, signed in 2010, expires on August 2."
    >>> [(f.kind, f.text, f.value) for f in extract_facets(text, published=datetime.date(2019, 6, 27))]
    [('date', '2010', '2010'), ('date', 'August 2', '2019-08-02')]

Rule-based and fast: a sentence without a digit, a number word or a date word returns at once.
"""
from __future__ import annotations

import datetime as _dt

from ..types import Facet
from .dates import find_dates
from .hedges import is_hedged
from .numbers import Amount, fractions, read_amount, settle, twice
from .numerals import find_numerals
from .scan import Sentence
from .words import MONTHS, SMALL_NUMBERS, WEEKDAYS

__all__ = ["extract_facets"]

#: a sentence with none of these words and no digit has no facet
_TRIGGERS = frozenset(SMALL_NUMBERS) | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset("""
hundred thousand million billion dozen twice thrice half quarter today tonight yesterday
tomorrow week weekend month year night morning decade""".split()) - {"zero", "one"}


def extract_facets(text: str, start: int = 0, end: int | None = None, *,
                   published: _dt.date | None = None) -> list[Facet]:
    """Return the facets inside ``text[start:end]``, sorted by start and not overlapping.

    Offsets are absolute into ``text`` (``text[f.start:f.end] == f.text``). ``published``
    resolves relative dates (*last May*, *on Wednesday*); without it they get ``value=None``.
    """
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
    taken = [(d.start, d.end) for d in dates]
    amounts: list[Amount] = []
    for n in find_numerals(s):
        if _overlaps(n.start, n.end, taken):
            continue
        amount = read_amount(text, lo, hi, n)
        if amount is not None:
            amounts.append(amount)
    if not s.words.isdisjoint(("half", "quarter", "quarters", "twice", "thrice")):
        for extra in fractions(text, lo, hi) + twice(text, lo, hi):
            if not _overlaps(extra.start, extra.end, taken + [(a.start, a.end) for a in amounts]):
                amounts.append(extra)
    amounts.sort(key=lambda a: a.start)
    amounts = settle(amounts, text, lo)

    facets = [Facet("date", text[d.start:d.end], d.value, d.start, d.end,
                    d.approximate or is_hedged(text, lo, d.start, earlier=False))
              for d in dates]
    kept = list(taken)
    for a in amounts:
        a_end = _trim_before(text, a, kept)
        if a_end is None:
            continue
        kept.append((a.start, a_end))
        facets.append(Facet(a.kind, text[a.start:a_end], a.value, a.start, a_end,
                            a.approximate or is_hedged(text, lo, a.start), a.unit))
    facets.sort(key=lambda f: f.start)
    return facets


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _trim_before(text: str, a: Amount, kept: list[tuple[int, int]]) -> int | None:
    """Return where an amount ends once cut short of a facet already kept, or None if it
    would lose its number."""
    end = a.end
    for s, e in kept:
        if a.start < e and s < end:
            if s <= a.start:
                return None
            end = s
    while end > a.start and text[end - 1].isspace():
        end -= 1
    if a.numeral is not None and end < a.numeral.end:
        return None
    return end
