"""Seasons as dates: *this summer*, *last winter*, *in the spring*, *the autumn of 2018*.

A season's value is its year (the spec has no season code; the check set's convention is
the year, approximate). Spring is March to May, summer June to August, autumn (fall)
September to November, winter December to February; a winter takes the year of its January,
where most of it falls. Without a written year the clause decides (:mod:`.tense`): a season
that looks ahead is the current or coming one, one that looks back (or is unknown) the latest
begun by publication; *last* is the latest one over, *next* the first one not yet begun,
*this* the one nearest publication.
"""
from __future__ import annotations

import datetime as dt
import re

from .scan import Sentence
from .span import DateSpan
from .tense import tense
from .words import NOT_COUNTED

SEASON_WORDS = frozenset(("spring", "summer", "autumn", "fall", "winter"))
_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"

SEASON = re.compile(
    r"(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|(?:[Tt]his\s+)?[Pp]ast)\s+"
    r"|(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[- ]?)?"
    r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?![\w-])"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d|[,.]\d|%))?")
#: what stands before a season that is a time: *in the spring*, *during winter*, *by the fall*
_TIME_BEFORE = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Oo]ver|[Uu]ntil|[Tt]ill|[Ss]ince|[Tt]hrough"
                          r"|[Tt]hroughout|[Bb]efore|[Aa]fter)\s+(?:the\s+)?$")
_NEXT = re.compile(r"\s+([A-Za-z]+)")
_POSSESSIVE = re.compile(r"['’]s\b")


def _bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of a season that begins in ``year``."""
    month = _START[season]
    first = dt.date(year, month, 1)
    after = dt.date(year + (month + 3 > 12), (month + 2) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def _is_time(s: Sentence, m: re.Match) -> bool:
    """Whether a season word names a time here: after *this*/*last*/*in the* ..., before a
    year, a function word or punctuation; not *summer camps*, *the fall of Rome*, *spring water*."""
    if m.group("year"):
        return True
    nxt = _NEXT.match(s.text, m.end(), s.hi)
    word = nxt.group(1).lower() if nxt else ""
    if word in ("of", "in"):
        # the fall of the wall, the fall in prices; but "this summer in Cleveland", "last fall in
        # New York": a time, then a place
        after = re.match(r"\s+(?:of|in)\s+(?:the\s+)?([A-Za-z]+)", s.text[m.end():s.hi])
        return bool(m.group("rel") and after and after.group(1)[0].isupper())
    if m.group("rel"):
        return True  # this fall and next spring
    if word == "and" and m.group("season").lower() == "fall":
        return False  # the rise and fall
    if not (nxt is None or word in NOT_COUNTED or _POSSESSIVE.match(s.text, m.end())
            or not s.text[m.end():nxt.start(1)].isspace()):
        return False
    return bool(_TIME_BEFORE.search(s.text, max(s.lo, m.start() - 16), m.start()))


def season_date(s: Sentence, m: re.Match, published: dt.date | None) -> DateSpan | None:
    """Return the year of a season phrase, approximate, or None when it is no time."""
    if not _is_time(s, m):
        return None
    start, end = m.start(), m.end()
    season = m.group("season").lower()
    if m.group("year"):
        return DateSpan(start, end, m.group("year"), True)
    if published is None:
        return DateSpan(start, end, None, True)
    spans = [(y,) + _bounds(y, season) for y in range(published.year - 2, published.year + 2)]
    rel = (m.group("rel") or "").split()[-1].lower() if m.group("rel") else ""
    said = tense(s, start, end)
    if rel in ("last", "past"):
        year = max(y for y, _, last in spans if last < published)
    elif rel == "next":
        year = min(y for y, first, _ in spans if first > published)
    elif rel == "this":
        year = min(spans, key=lambda t: max((t[1] - published).days, (published - t[2]).days, 0))[0]
        first, last = _bounds(year, season)
        if said == "past" and first > published and s.text[end:end + 2] not in ("'s", "’s"):
            year -= 1  # not "this summer's convention": an event of the season, whatever the verb
        elif said == "future" and last < published:
            year += 1
    elif rel == "coming" or said == "future":
        year = min(y for y, _, last in spans if last >= published)
    else:
        year = max(y for y, first, _ in spans if first <= published)
    # a winter takes the year of its January
    return DateSpan(start, end, str(year + (season == "winter")), True)
