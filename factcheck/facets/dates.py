"""Date facets: years, months, days, weekdays, decades, quarters and relative dates.

Values follow spec/CLAIMS.md section 3: ISO 8601 at the stated precision (``2010``,
``2019-08``, ``2019-08-02``), a decade as ``199X``, a quarter as ``1987-Q3``, an ISO week as
``2016-W28`` and a weekend as ``2017-11-04/2017-11-05``. Dates that need the publication date
to resolve get ``value=None`` without one.

How a date without a year is placed was read off the news-dev gold, which is consistent:
a month and day take the year that puts them nearest the publication date (*on June 28*
published 2019-06-27 is 2019-06-28); a bare month is its latest occurrence up to the
publication month (*in December* published 1987-06 is 1986-12); a bare weekday is the latest
one on or before publication (*Monday* published on a Tuesday is the day before).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .words import (MONTHS, MONTH_AFTER, MONTH_TRIGGERS, NAMED_DATES, SMALL_NUMBERS,
                    WEEKDAYS, WEEKDAY_NAME_AFTER, WEEKDAY_NAME_BEFORE)


@dataclass(slots=True)
class DateSpan:
    """A date found in the text, before it becomes a Facet."""

    start: int
    end: int
    value: str | None
    approximate: bool = False
    #: for dates counted from the date before them (*a year earlier*): unit and step
    anchored: tuple[str, int] | None = None


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_DAY_WORDS = "|".join(w.capitalize() for w, v in SMALL_NUMBERS.items() if 1 <= v <= 10)
_MOD = r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he end of|[Tt]he beginning of|[Tt]he start of|[Ee]nd of)[- ]?\s*)"

# 2 August 2019 / 13th of March / Aug. 2 / August 2, 2019 / July 2018 / June of 2017 / May
_MONTH_DATE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    rf"(?P<rel0>(?:[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
    rf"{_MOD}?"
    rf"(?:(?P<day1>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?P<mon>{_MONTH_NAMES}|{_MONTH_ABBR})(?![\w'’-])"
    rf"(?:\s+(?:(?P<day2>{_DAY})(?:st|nd|rd|th)?(?![\d:/]|,\d{{3}}|\.\d)|(?P<dayw>{_DAY_WORDS})\b))?"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?![\d,%]|\.\d))?"
    rf"(?:\s+(?P<rel>last|this|next)\s+year\b)?"
)
# 1987, mid-1987, early 2019, fiscal 1987, the 1990s, the early 1970s, '90s, 1986/87
_YEAR_DATE = re.compile(
    rf"(?<![\w$£€¥.,/#-])"
    rf"(?:(?P<the>[Tt]he\s+)?{_MOD}|(?P<fiscal>[Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?))?"
    rf"(?:(?P<year>{_YEAR})(?:(?P<sep>[/-])(?P<y2>\d{{4}}|\d{{2}})(?![\d/]))?(?P<decade>s)?"
    rf"|['‘’](?P<short>\d)0s)"
    rf"(?!\w|[,.]\d|%|/\d)"
)
_WEEKDAY_DATE = re.compile(
    rf"(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{_WEEKDAY})\b(?!['’]s)"
)
_NUMBER_WORDS = "|".join(SMALL_NUMBERS)
_RELATIVE = re.compile(
    r"(?i:"
    r"(?P<day>(?:earlier |later )?today|tonight|this (?:morning|afternoon|evening)"
    r"|yesterday|last night|tomorrow|the day before yesterday)"
    r"|(?P<edge>earlier |later |early |late |the end of |end of )?(?P<which>this|last|next|the past|the coming) "
    r"(?P<unit>week|month|year|weekend)\b"
    r"|(?P<weekend>(?:at |over )?the weekend)"
    rf"|(?P<n>\d+|a|an|one|{_NUMBER_WORDS}) (?P<ago_unit>day|week|month|year|decade)s? ago"
    rf"|(?P<an>a|an|one|\d+|{_NUMBER_WORDS}) (?P<step_unit>day|week|month|year)s? "
    r"(?P<dir>earlier|before|later|after)\b"
    r"|the (?:prior|previous|preceding) (?P<prev_unit>year|month)"
    r"|the (?P<yb_unit>year|month) (?:before|earlier)"
    r"|(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of (?P<qyear>"
    + _YEAR + r"))?"
    r")\b"
)
_Q_YEAR_BEFORE = re.compile(rf"({_YEAR})\s+(?:fiscal\s+)?$")
_NAMED = re.compile("|".join(re.escape(k) for k in NAMED_DATES) + r"(?!\d)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)\s*$")
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
#: what follows a figure when it is an amount, not a year
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:-?(?:mln|bln|million|billion|thousand|dlrs?|dollars|pct|percent|per cent|tonnes|"
    r"tons|barrels|bpd|shares|stg|marks|francs|yen|ounces|bushels|acres|miles|km|metres|"
    r"meters|feet|votes|seats|people|workers|jobs|troops|soldiers|students|cars|units)\b|%)",
    re.I)
_HEDGE_BEFORE_YEAR = re.compile(r"(?:about|some|nearly|almost|around|over|than|approximately"
                                r"|roughly|least|to|only|just|Some|About|Nearly|Around|Over)\s+$")
_NAME_BEFORE_YEAR = frozenset("article section chapter flight room no number route highway "
                              "interstate resolution rule form model boeing airbus windows "
                              "paragraph clause item page pages lot unit suite box".split())
_STRONG_MAY_TRIGGERS = frozenset("in since until till by before after during through throughout "
                                 "from last this next early mid late of".split())


def _words_before(text: str, pos: int, lo: int, n: int = 1) -> list[str]:
    """Return up to ``n`` words just before ``pos`` (not before ``lo``), lower case, last first."""
    out = []
    while len(out) < n:
        m = _WORD_BEFORE.search(text, max(lo, pos - 30), pos)
        if not m:
            break
        out.append(m.group(1).lower().rstrip("."))
        pos = m.start()
    return out


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """Return (year, month) ``step`` months after the given one."""
    k = year * 12 + month - 1 + step
    return k // 12, k % 12 + 1


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """Return the year that puts month/day nearest the publication date."""
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _latest_month(month: int, published: dt.date, strictly_before: bool) -> int:
    """Return the year of the latest such month up to (or before) the publication month."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def _month_date(m: re.Match, text: str, lo: int, published: dt.date | None) -> DateSpan | None:
    """Return the date a month-name match stands for, or None when it is not a date."""
    mon_text = m.group("mon")
    month = MONTHS[mon_text.rstrip(".").lower()]
    day = m.group("day1") or m.group("day2")
    if m.group("day1") and m.group("day2"):
        return None
    dayw = m.group("dayw")
    year, rel, rel0, mod = m.group("year"), m.group("rel"), m.group("rel0"), m.group("mod")
    start, end = m.start(), m.end()
    if dayw and not day:
        day = str(SMALL_NUMBERS[dayw.lower()])
    bare = not (day or year)
    if bare:
        if mon_text[0:3] != mon_text.rstrip(".") or "." in mon_text:
            pass
        if len(mon_text.rstrip(".")) <= 4 and mon_text.rstrip(".").lower() not in ("may", "june", "july"):
            return None  # a lone abbreviation (Jan, Mar.) is a name more often than a date
        if not (rel or rel0 or mod or _bare_month_is_date(text, m, lo)):
            return None
    if m.group("wd") and not day:
        # "Monday March" is no date; keep only the weekday for the weekday pass
        return None
    if day and int(day) > 31:
        return None
    approximate = bool(mod)
    if year:
        y = int(year)
    elif published is None:
        return DateSpan(start, end, None, approximate)
    elif rel:
        y = published.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel0 and rel0.strip().lower() == "last":
        y = _latest_month(month, published, strictly_before=True)
        if day:
            y = published.year if (month, int(day)) < (published.month, published.day) else published.year - 1
    elif rel0 and rel0.strip().lower() == "next":
        y = published.year if month > published.month else published.year + 1
    elif day:
        y = _nearest_year(month, int(day), published)
    else:
        y = _latest_month(month, published, strictly_before=False)
    if day:
        try:
            value = dt.date(y, month, int(day)).isoformat()
        except ValueError:
            return None
    else:
        value = f"{y:04d}-{month:02d}"
    return DateSpan(start, end, value, approximate)


def _bare_month_is_date(text: str, m: re.Match, lo: int) -> bool:
    """Whether a month name standing alone is a date here, judged from its neighbours."""
    after = text[m.end():m.end() + 3]
    if after[:2] in ("'s", "’s"):
        return False
    before = _words_before(text, m.start(), lo, 2)
    triggers = _STRONG_MAY_TRIGGERS if m.group("mon") == "May" else MONTH_TRIGGERS
    if before and before[0] in triggers:
        if before[0] == "of" and m.group("mon") == "May":
            return len(before) > 1 and before[1] in ("end", "beginning", "start", "middle", "month")
        return True
    nxt = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
    if nxt and nxt.group(1) in MONTH_AFTER:
        return True
    # the sentence opens with the month: "In March private dealers ..." has its trigger
    return False


def _year_date(m: re.Match, text: str, lo: int) -> DateSpan | None:
    """Return the date a year-like figure stands for, or None when it is an amount or name."""
    start, end = m.start(), m.end()
    mod, fiscal, the = m.group("mod"), m.group("fiscal"), m.group("the")
    if m.group("short"):
        return DateSpan(start, end, f"19{m.group('short')}X", bool(mod))
    year = m.group("year")
    ystart = m.start("year")
    if m.group("decade"):
        if not year.endswith("0") or m.group("sep"):
            return None
        return DateSpan(start, end, year[:3] + "X", bool(mod))
    if m.group("sep"):
        y2 = m.group("y2")
        if len(y2) == 4 and m.group("sep") == "-" and not fiscal:
            return None  # two years: the caller reads them one by one
        # a fiscal or crop year (1986/87): the gold leaves it without a value
        return DateSpan(start, end, None, False)
    if not (mod or fiscal):
        if _NOT_A_YEAR_AFTER.match(text, end):
            return None
        if _HEDGE_BEFORE_YEAR.search(text, max(lo, ystart - 15), ystart):
            return None
        prev = _words_before(text, ystart, lo, 1)
        if prev and prev[0] in _NAME_BEFORE_YEAR:
            return None
        if text[max(lo, ystart - 1):ystart] in ("$", "£", "€", "¥"):
            return None
    if the and not mod:
        start = ystart
    return DateSpan(start, end, year, bool(mod))


def _weekday_date(m: re.Match, text: str, lo: int, published: dt.date | None) -> DateSpan | None:
    """Return the date a weekday stands for: the latest one on or before publication."""
    before = _words_before(text, m.start("wd"), lo, 1)
    if before and before[0] in WEEKDAY_NAME_BEFORE:
        return None
    nxt = re.match(r"\s+([A-Z][a-z]+)", text[m.end():m.end() + 20])
    if nxt and nxt.group(1).lower() in WEEKDAY_NAME_AFTER:
        return None
    if published is None:
        return DateSpan(m.start(), m.end(), None)
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").strip().lower()
    back = (published.weekday() - wd) % 7
    if rel == "last" and back == 0:
        back = 7
    elif rel in ("next", "this"):
        back = -((wd - published.weekday()) % 7 or (7 if rel == "next" else 0))
    return DateSpan(m.start(), m.end(), (published - dt.timedelta(days=back)).isoformat())


def _count(word: str) -> int | None:
    """Return the number a small count word or figure stands for."""
    word = word.lower()
    if word in ("a", "an", "one"):
        return 1
    if word.isdigit():
        return int(word)
    return SMALL_NUMBERS.get(word)


def _iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _weekend(published: dt.date, which: str) -> str:
    """Return the weekend meant: the latest one begun by publication, or the coming one."""
    back = (published.weekday() - 5) % 7
    saturday = published - dt.timedelta(days=back)
    if which == "this" and published.weekday() < 5:
        saturday += dt.timedelta(days=7)
    elif which == "last" and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


def _relative_date(m: re.Match, text: str, lo: int, published: dt.date | None) -> DateSpan | None:
    """Return the date a relative expression stands for, resolved against publication."""
    start, end = m.start(), m.end()
    g = m.groupdict()
    if g["step_unit"] or g["prev_unit"] or g["yb_unit"]:
        unit = g["step_unit"] or g["prev_unit"] or g["yb_unit"]
        n = _count(g["an"]) if g["an"] else 1
        if n is None:
            return None
        sign = 1 if (g["dir"] or "").lower() in ("later", "after") else -1
        return DateSpan(start, end, None, False, anchored=(unit.lower(), sign * n))
    if g["q"]:
        quarter = _QUARTERS[g["q"].lower()]
        if g["qyear"]:
            return DateSpan(start, end, f"{g['qyear']}-Q{quarter}")
        yb = _Q_YEAR_BEFORE.search(text, max(lo, start - 14), start)
        if yb:
            return DateSpan(yb.start(1), end, f"{yb.group(1)}-Q{quarter}")
        if published is None:
            return DateSpan(start, end, None)
        mids = [(abs((dt.date(y, quarter * 3 - 1, 15) - published).days), y)
                for y in (published.year - 1, published.year, published.year + 1)]
        return DateSpan(start, end, f"{min(mids)[1]}-Q{quarter}")
    if published is None:
        return DateSpan(start, end, None)
    if g["day"]:
        word = g["day"].lower()
        if word.startswith("yesterday") or word == "last night":
            day = published - dt.timedelta(days=1)
        elif word == "tomorrow":
            day = published + dt.timedelta(days=1)
        elif word == "the day before yesterday":
            day = published - dt.timedelta(days=2)
        else:
            day = published
        return DateSpan(start, end, day.isoformat())
    if g["weekend"]:
        return DateSpan(m.start("weekend") + (len(g["weekend"]) - len("the weekend")), end,
                        _weekend(published, "the"))
    if g["which"]:
        which, unit = g["which"].lower(), g["unit"].lower()
        edge = (g["edge"] or "").strip().lower()
        step = {"this": 0, "last": -1, "next": 1, "the past": -1, "the coming": 1}[which]
        if which in ("the past", "the coming") and unit != "weekend":
            return None  # a span of time, not a date
        approximate = edge in ("early", "late", "the end of", "end of")
        if unit == "year":
            return DateSpan(start, end, str(published.year + step), approximate)
        if unit == "month":
            y, mo = _shift_month(published.year, published.month, step)
            return DateSpan(start, end, f"{y:04d}-{mo:02d}", approximate)
        if unit == "week":
            return DateSpan(start, end, _iso_week(published + dt.timedelta(weeks=step)), approximate)
        return DateSpan(start, end, _weekend(published, which))
    if g["ago_unit"]:
        n = _count(g["n"])
        if n is None:
            return None
        unit = g["ago_unit"].lower()
        if unit == "day":
            return DateSpan(start, end, (published - dt.timedelta(days=n)).isoformat())
        if unit == "week":
            return DateSpan(start, end, (published - dt.timedelta(weeks=n)).isoformat())
        if unit == "month":
            y, mo = _shift_month(published.year, published.month, -n)
            return DateSpan(start, end, f"{y:04d}-{mo:02d}")
        years = n * (10 if unit == "decade" else 1)
        return DateSpan(start, end, str(published.year - years), unit == "decade")
    return None


def _anchor_value(previous: str | None, unit: str, step: int, published: dt.date | None) -> str | None:
    """Return the date ``step`` units from the date before it in the sentence (or publication)."""
    if previous and re.fullmatch(r"\d{4}(-\d{2}){0,2}", previous):
        parts = [int(p) for p in previous.split("-")]
    elif published is not None:
        parts = [published.year, published.month, published.day]
    else:
        return None
    if unit == "year":
        return str(parts[0] + step)
    if unit == "month":
        if len(parts) < 2:
            return None
        y, mo = _shift_month(parts[0], parts[1], step)
        return f"{y:04d}-{mo:02d}"
    if len(parts) < 3:
        return None
    days = step * (7 if unit == "week" else 1)
    return (dt.date(*parts) + dt.timedelta(days=days)).isoformat()


def find_dates(text: str, lo: int, hi: int, published: dt.date | None) -> list[DateSpan]:
    """Return the dates in ``text[lo:hi]``, sorted and without overlaps."""
    found: list[DateSpan] = []
    for m in _NAMED.finditer(text, lo, hi):
        found.append(DateSpan(m.start(), m.end(), NAMED_DATES[m.group()]))
    for m in _MONTH_DATE.finditer(text, lo, hi):
        span = _month_date(m, text, lo, published)
        if span:
            found.append(span)
    for m in _YEAR_DATE.finditer(text, lo, hi):
        span = _year_date(m, text, lo)
        if span:
            found.append(span)
    for m in _WEEKDAY_DATE.finditer(text, lo, hi):
        span = _weekday_date(m, text, lo, published)
        if span:
            found.append(span)
    for m in _RELATIVE.finditer(text, lo, hi):
        span = _relative_date(m, text, lo, published)
        if span:
            found.append(span)
    chosen = _without_overlaps(found)
    previous = None
    for span in chosen:
        if span.anchored:
            span.value = _anchor_value(previous, span.anchored[0], span.anchored[1], published)
        if span.value:
            previous = span.value
    return chosen


def _without_overlaps(spans: list[DateSpan]) -> list[DateSpan]:
    """Keep the longest of overlapping spans (the earliest on a tie), sorted by start."""
    spans.sort(key=lambda s: (-(s.end - s.start), s.start))
    kept: list[DateSpan] = []
    for s in spans:
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    kept.sort(key=lambda s: s.start)
    return kept
