"""Named days and centuries as dates: *Christmas Eve*, *the Fourth of July*, *Labor Day*,
*Thanksgiving*, *the 20th century*.

A named day is a day (``2016-11-08``). Its year is the one written after it (*Christmas Eve
2015*, *Thanksgiving of 2014*); else the one that puts the day nearest publication, unless that
lies more than two months on the other side of publication from where the clause's tense puts
it, as for a month and day (:func:`.dates.tensed_year`). The days are those with one date a
year that news writes by name: fixed days, Easter, and the US holidays fixed by a weekday of
their month (*Thanksgiving*, the fourth Thursday of November). A bare *Christmas*, *Easter*, *Thanksgiving* or *Halloween* is also a
season or a thing (*Christmas shopping*, *Easter Seals*, *Halloween masks*): it is a day only
after a word of time (*on Christmas*, *by Easter*). Left out: *Independence Day* (every
country has its own) and *Election Day*: in a primary season news gives that name to a state's
primary as well as to November's vote, and a date off by months is worse than none.

A century is written as a decade is (spec/CLAIMS.md: ``199X``): *the 20th century* is
``19XX``, *the first decade of the 21st century* ``200X``; an adjective (*a 21st-century
economy*) is no date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .scan import Sentence
from .span import DateSpan, nth_weekday, word_before

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _weekday_of(month: int, weekday: int, nth: int) -> Callable[[int], dt.date]:
    return lambda year: nth_weekday(year, month, weekday, nth)  # the first to fourth, or the last: never None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


MON, THU = 0, 3
#: the named days, as news writes them (a regular expression each), their date in a year, and
#: whether the name alone is also a season or a thing (*Halloween masks*, *Easter Seals*,
#: *Christmas shopping*): such a name is a day only after a word of time (*on*, *by*, *since* ...)
NAMED_DAYS: tuple[tuple[str, Callable[[int], dt.date], bool], ...] = (
    (r"New Year['’]s Day", _fixed(1, 1), False),
    (r"New Year['’]s Eve", _fixed(12, 31), False),
    (r"Valentine['’]s Day", _fixed(2, 14), False),
    (r"(?:St\.?|Saint) Patrick['’]s Day", _fixed(3, 17), False),
    (r"(?:the )?Fourth of July|July Fourth", _fixed(7, 4), False),
    (r"Halloween", _fixed(10, 31), True),
    (r"Veterans['’]? Day", _fixed(11, 11), False),
    (r"Christmas Eve", _fixed(12, 24), False),
    (r"Christmas Day", _fixed(12, 25), False),
    (r"Christmas", _fixed(12, 25), True),
    (r"Boxing Day", _fixed(12, 26), False),
    (r"Martin Luther King(?: Jr\.?)?,? Day|MLK Day", _weekday_of(1, MON, 3), False),
    (r"Presidents['’]? Day", _weekday_of(2, MON, 3), False),
    (r"Memorial Day", _weekday_of(5, MON, -1), False),
    (r"Labor Day", _weekday_of(9, MON, 1), False),
    (r"Thanksgiving Day", _weekday_of(11, THU, 4), False),
    (r"Thanksgiving", _weekday_of(11, THU, 4), True),
    (r"Easter Sunday", _easter, False),
    (r"Easter", _easter, True),
)
_NAMED = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<d{i}>{p})" for i, (p, _, _) in enumerate(NAMED_DAYS)) + r")(?![\w-])"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d|[,.]\d|%))?")
#: the words of time after which a bare name (*Christmas*, *Easter*) is the day
_TIME_WORDS = frozenset(("on", "by", "at", "before", "after", "until", "till", "since", "over", "through",
                         "around", "last", "next", "this"))
#: a word that every named day has, for a quick test before the pattern runs
ANCHORS = frozenset(("day", "eve", "christmas", "halloween", "thanksgiving", "easter", "july"))


def named_days(s: Sentence, published: dt.date | None,
               year_of: Callable[[Sentence, int, int, Callable[[int], dt.date], dt.date], int]) -> list[DateSpan]:
    """Return the named days of the sentence; ``year_of(s, start, end, day_in, published)``
    gives the year of one whose year is not written."""
    out = []
    for m in _NAMED.finditer(s.text, s.lo, s.hi):
        which = next(i for i in range(len(NAMED_DAYS)) if m.group(f"d{i}") is not None)
        _, rule, bare = NAMED_DAYS[which]
        start, end = m.start(f"d{which}"), m.end(f"d{which}")
        if bare and (word_before(s.text, start, s.lo) not in _TIME_WORDS or _NAME_AFTER.match(s.text, end, s.hi)):
            continue  # Christmas shopping, Easter Seals, Halloween masks
        if m.group("year"):
            out.append(DateSpan(start, m.end(), rule(int(m.group("year"))).isoformat()))
        elif published is None:
            out.append(DateSpan(start, end, None))
        else:
            year = year_of(s, start, end, rule, published)
            out.append(DateSpan(start, end, rule(year).isoformat(), inferred=True))
    return out


#: a name goes on after a bare day's name: *Easter Seals*, *Christmas Island*, *Easter Rising*
_NAME_AFTER = re.compile(r"\s+(?!Eve\b|Day\b|Sunday\b)[A-Z][a-z]")
#: ordinal words of a century
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
             "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
_CENTURY = re.compile(
    r"\b(?:[Tt]he|[Tt]his)\s+(?:(?P<decade>first)\s+decade\s+of\s+the\s+)?"
    r"(?:(?:early|late|mid|middle)[- ]\s*)?"
    r"(?:(?P<nth>[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)"
    r"|(?P<word>(?i:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")))")
_CENTURY_WORD = re.compile(r"\s+[Cc]entury(?![\w-])")


def centuries(s: Sentence) -> list[DateSpan]:
    """Return the centuries of the sentence (*the 20th century*: ``19XX``; *the first decade of
    the 21st century*: ``200X``); not an adjective (*21st-century*)."""
    out = []
    for m in _CENTURY.finditer(s.text, s.lo, s.hi):
        tail = _CENTURY_WORD.match(s.text, m.end(), s.hi)
        if not tail:
            continue
        nth = int(m.group("nth")) if m.group("nth") else _ORDINALS[m.group("word").lower()]
        hundreds = f"{nth - 1:02d}"
        value = f"{hundreds}0X" if m.group("decade") else f"{hundreds}XX"
        out.append(DateSpan(m.start(), tail.end(), value))
    return out
