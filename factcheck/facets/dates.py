"""Date facets: years, decades, months and days, and the pass that finds every date in a
sentence (weekdays, quarters and relative dates are read by :mod:`.relative`, seasons by
:mod:`.seasons`).

Values follow spec/CLAIMS.md section 3: ISO 8601 at the stated precision (``2010``,
``2019-08``, ``2019-08-02``), a decade as ``199X``, a quarter as ``1987-Q3``, an ISO week as
``2016-W28`` and a weekend as ``2017-11-04/2017-11-05``. Dates that need the publication date
to resolve get ``value=None`` without one.

How a date without a year is placed was read off the news-dev gold, which is consistent:
a month and day take the year that puts them nearest the publication date (*on June 28*
published 2019-06-27 is 2019-06-28); a bare month in a clause that looks back is its latest
occurrence up to the publication month (*the bank cut rates in December* published 1987-06 is
1986-12), in one that looks ahead (:mod:`.tense`: *will*, *would*, *possible*, *expected*,
*due to*, *plans to*, a scheduled event's present such as *opens*, a signalled move ...) the
first such month from the publication month on, and in a clause
with no word of tense the nearest one, as for a month and day (*chances in November* published
in June is the coming November; *from December* published in February the last one). Dates counted from another (*a
year earlier*, *the prior year*) count from the date before them in the sentence, and are
left out when there is none (*one day before it was due*).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .holidays import ANCHORS as HOLIDAY_ANCHORS, centuries, named_days
from .relative import (AHEAD, RELATIVE, RELATIVE_ANCHORS, WEEKDAY_DATE, from_previous, relative_date,
                       weekday_date)
from .scan import Sentence
from .seasons import SEASON, SEASON_WORDS, season_date
from .span import DateSpan, nth_weekday, word_before
from .tense import tense
from .words import MONTH_AFTER, MONTH_TRIGGERS, MONTHS, NAMED_DATES, SMALL_NUMBERS, STREET_WORDS, WEEKDAYS

_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_DAY_WORDS = "|".join(w.capitalize() for w, v in SMALL_NUMBERS.items() if 1 <= v <= 10)
#: a day said as an ordinal word after its month (*March eighth*, *June twenty-first*), as
#: transcripts write it; not when the ordinal goes with a noun of its own (*May first quarter*)
_ORDINAL_DAYS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_DAYS.update({f"twenty-{w}": 20 + i for w, i in list(_ORDINAL_DAYS.items())[:9]},
                     thirtieth=30, **{"thirty-first": 31})
_DAY_ORDINAL = (r"(?i:(?P<dayo>" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + r"))"
                r"(?![\w-]|\s+(?:quarter|half|round|term|time|place|century|anniversary|lady|class)\b)")
_MOD = (r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he end of|[Tt]he beginning of|[Tt]he start of"
        r"|[Ee]nd of|[Ee]nd(?=-))[- ]?\s*)")

_TENS_WORDS = "|".join(w for w, v in SMALL_NUMBERS.items() if v >= 20)
_UNIT_WORDS = "|".join(w for w, v in SMALL_NUMBERS.items() if 1 <= v <= 9)
_TEEN_WORDS = "|".join(w for w, v in SMALL_NUMBERS.items() if 10 <= v <= 19)
#: a year said in words, as transcripts write it (*nineteen ninety-one*, *eighteen sixty-five*,
#: *twenty twelve*); not a count of hundreds or a compound (*nineteen twenty-dollar bills*)
_SPOKEN_YEAR = re.compile(
    rf"\b(?i:(?P<century>eighteen|nineteen|twenty)[ -](?P<rest>(?:{_TENS_WORDS})(?:[ -](?:{_UNIT_WORDS}))?|{_TEEN_WORDS}))"
    rf"\b(?![ -](?i:hundred|thousand|million|billion|percent)\b|-\w)")
_SPOKEN_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def _spoken_years(s: Sentence) -> list[DateSpan]:
    """Return the years said in words in the sentence (*in nineteen ninety-one*)."""
    out = []
    for m in _SPOKEN_YEAR.finditer(s.text, s.lo, s.hi):
        tens, _, unit = m.group("rest").lower().replace(" ", "-").partition("-")  # ninety-one, twelve
        year = _SPOKEN_CENTURY[m.group("century").lower()] + SMALL_NUMBERS[tens] + SMALL_NUMBERS.get(unit, 0)
        out.append(DateSpan(m.start(), m.end(), str(year)))
    return out


#: anchors: cheap patterns that open with a literal, so ``re`` skips ahead fast
_MONTH_ANCHOR = re.compile("|".join(_FULL_MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_WEEKDAY_ANCHOR = re.compile(_WEEKDAY)
_YEAR_ANCHOR = re.compile(r"[12]\d{3}|['‘’]\d0s")
# 2 August 2019 / 13th of March / Aug. 2 / August 2, 2019 / July 2018 / June of 2017 / May
_MONTH_DATE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    rf"(?P<rel0>(?:[Ll]ast|[Tt]his(?:\s+past|\s+coming)?|[Nn]ext|[Tt]hat)\s+)?"
    rf"{_MOD}?"
    rf"(?:(?P<day1>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?P<mon>{'|'.join(_FULL_MONTHS)}|{_MONTH_ABBR})(?![\w-]|['’](?!s\b))"
    rf"(?:\s+(?:(?:the\s+)?(?P<day2>{_DAY})(?:st|nd|rd|th)?(?![\d/]|:\d|,\d{{3}}|\.\d)|(?P<dayw>{_DAY_WORDS})\b|(?:the\s+)?{_DAY_ORDINAL}))?"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d|[,.]\d|%))?"
    rf"(?:,?\s+(?:of\s+)?(?P<rel>last|this|next|that|the\s+same)\s+year\b)?"
)
# 1987, mid-1987, early 2019, fiscal 1987, the 1990s, the early 1970s, '90s, 1986/87
_YEAR_DATE = re.compile(
    rf"(?:(?P<the>[Tt]he\s+)?{_MOD}|(?P<fiscal>[Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?))?"
    rf"(?<![\w.,/#$£€¥])"
    rf"(?:(?P<year>{_YEAR})(?:(?P<sep>[/-])(?P<y2>\d{{4}}|\d{{2}})(?![\d/]))?(?P<decade>s)?"
    rf"|['‘’](?P<short>\d)0s)"
    rf"(?!\w|[,.]\d|%|/\d)"
)
_MONTH_RANGE = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s*")
_WHO_AFTER = re.compile(r",\s+(?:who|whose)\b")  # "from May, who has accused": a person
#: what follows *Sept. 11* when it names the 2001 attacks, not a day of the publication year
#: (*the Sept. 11 memorial ceremony*, *Sept. 11 families*)
_ATTACKS = re.compile(r"\s+(?:terrorist\s+|terror\s+)?(?:attacks?|hijack(?:ers|ings?)?|memorial|anniversary|commission"
                      r"|victims|museum|families|responders|era|plot|plotters)\b", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: what follows a figure when it is an amount, not a year
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:-?(?:mln|bln|million|billion|thousand|dlrs?|dollars|pct|percent|per cent|tonnes|"
    r"tons|barrels|bpd|shares|stg|marks|francs|yen|ounces|bushels|acres|miles|km|metres|"
    r"meters|feet|GMT|EST|EDT|BST|CET|hrs|hours|local time)\b|%)",
    re.I)
#: nouns a figure counts, so that it is no year, unless a preposition of time stands before it
#: (*2047 registered voters*, but *in 1998 voters rejected it*)
_COUNTED_AFTER_YEAR = re.compile(
    r"\s+(?:votes|seats|people|workers|jobs|troops|soldiers|students|cars|units|"
    r"(?:registered|likely)\s+voters|residents|adults|respondents|delegates)\b", re.I)
_IN_TIME = re.compile(r"\b(?:in|since|by|until|till|before|after|during)\s+$", re.I)
_HEDGE_BEFORE_YEAR = re.compile(r"(?P<hedge>about|some|nearly|almost|around|over|than|approximately"
                                r"|roughly|least|only|just)\s+$", re.I)
#: of those, the hedges that may stand before a year (*around 2002*); *over* and *than* may not
_APPROXIMATE_YEAR = frozenset(("about", "around", "approximately", "roughly"))
#: a preposition of time before a hedge makes the figure after it a year: *since at least 1980*
_TIME_PREPOSITION = re.compile(r"\b(?:since|until|till|before|after)\s+(?:at\s+)?$", re.I)
#: what may follow a hedged year: the end of its clause
_CLAUSE_ENDS = re.compile(r"\s*(?:[,;:)]|\.(?!\d)|$|\s+(?:when|and|or|but|after|before)\b(?!\s*\d))")
_NAME_BEFORE_YEAR = frozenset("article section chapter flight room no number route highway "
                              "interstate resolution rule form model boeing airbus windows "
                              "paragraph clause item page pages lot unit suite box bill hb sb hr".split())
#: a figure before a street's name is its number: 1600 Pennsylvania Avenue
_STREET_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){1,2}\s+(?:" + "|".join(w.capitalize() for w in STREET_WORDS) + r")\b")
#: a bare "May" is Theresa May unless one of these stands before it
_MAY_TRIGGERS = frozenset("in since until till by before after during through throughout "
                          "from last this next early mid late".split())
#: determiners before a month that modifies the noun after it (*an October interview*)
_MONTH_DETERMINERS = frozenset("a an the his her their its our".split())  # a July NATO summit
#: words before a bare month (other than May and March) that make it a date
_MONTH_VERBS = frozenset("into toward towards past come began begins ended ends ending starting "
                         "prior".split())
#: adjectives of time before a bare month (other than May and March) that make it a date
_TIME_ADJECTIVES = frozenset("earlier recent upcoming coming previous later".split())
#: verbs after a month that opens its sentence (not May, March, nor a month that is also a name)
#: that make it the subject: *October was*, *January saw*
_MONTH_SUBJECT_VERBS = frozenset("was is has had saw sees brought brings began begins will would "
                                 "proved".split())
#: a month and a range's connector right before a bare month: the month is the range's other end
_RANGE_PARTNER = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
                            r"|December)\s*(?:-|–|to|through|until|till|and)\s*$")
#: words after *March* that make it a walk: *March on the RNC*, *March for Our Lives*
_MARCH_VERB_AFTER = frozenset("on against for through".split())
#: the months that are also people's names (*Theresa May*, *June Carter*): after any other
#: (*October has been quiet*, *the survey of March has*) the words below are the month's verb
_PERSON_MONTHS = frozenset(("May", "June", "April", "August"))
#: words after a bare month name that make it a person (*after May was challenged*)
_PERSON_AFTER = frozenset("was is has had said says will would told met wants who herself "
                          "himself".split())
#: a day range after a month and day: *May 23 to 26*, *June 17-18, 2013*
_DAY_RANGE = re.compile(
    rf"\s*(?:-|–|to|and|through|until)\s*(?P<day>{_DAY})"
    rf"(?![\d/]|:\d|,\d{{3}}|\.\d|\s+(?:{_MONTH_ANCHOR.pattern}))"
    rf"(?:(?:st|nd|rd|th)\b)?(?:,?\s+(?P<year>{_YEAR})(?!\d|[,.]\d|%))?")


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """Return the year that puts month/day nearest the publication date."""
    best, best_gap = published.year, None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


#: how far from publication the nearest year may put a month and day against the tense
#: before the tense wins: *adjourned to June 12* (ten days ahead, in a past-tense sentence)
#: stays ahead; *was thrown into question on Feb. 9* (published in September) goes back
_AGAINST_TENSE = 60


def _tensed_year(s: Sentence, start: int, end: int, month: int, day: int, published: dt.date) -> int:
    """Return the year of a month and day: the nearest one, unless that lies well on the other
    side of publication from where the sentence's tense puts it."""
    return tensed_year(s, start, end, lambda year: dt.date(year, month, day), published)


def tensed_year(s: Sentence, start: int, end: int, day_in: Callable[[int], dt.date], published: dt.date) -> int:
    """Return the year of a day written without one (``day_in(year)``: its date that year, a
    ValueError when it has none, as February 29): the year that puts it nearest publication,
    unless that lies well on the other side of publication from where the sentence's tense puts it."""
    days = {}
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            days[year] = day_in(year)
        except ValueError:
            continue
    if not days:
        return published.year
    year = min(days, key=lambda y: abs((days[y] - published).days))  # the earlier year on a tie
    gap = (days[year] - published).days
    if abs(gap) <= _AGAINST_TENSE:
        return year
    said = tense(s, start, end, strict=True)
    if said == "past" and gap > 0:
        return year - 1
    if said == "future" and gap < 0:
        return year + 1
    return year


def _month_year(said: str | None, month: int, published: dt.date) -> int:
    """Return the year of a month without one by its clause's tense (:func:`.tense.tense`):
    looking ahead, the first such month from publication on; looking back, the latest up to
    it; a commitment (*vowed to stay until July*) or no word of tense, the nearest, as for a
    month and day."""
    if said == "future":
        return published.year if month >= published.month else published.year + 1
    if said == "past":
        return _latest_month(month, published, strictly_before=False)
    return _nearest_year(month, 15, published)


def _latest_month(month: int, published: dt.date, strictly_before: bool) -> int:
    """Return the year of the latest such month up to (or before) the publication month."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


#: a month that names a vote (*the November election*, *November's general election*, *the
#: June primary*, *the Nov. 8 U.S. presidential election*): news writes of the coming one so,
#: and the clause's verb is often another event's (*became the nominee, teeing up the November
#: election*)
_VOTE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[A-Z][A-Za-z]*\.(?:[A-Z]\.)*\s+)?(?:(?:general|presidential|congressional|legislative|local|municipal|special|midterm"
    r"|runoff|state|national|parliamentary)\s+)?(?:elections?|votes?|ballots?|referendum|referenda|midterms?"
    r"|runoffs?|run-offs?|primary|primaries|caucus(?:es)?|conventions?)\b")


#: a meeting a body holds in a month (*its July summit*, *the party's August convention*): after a
#: possessive, as a vote, a date (not *her March comment*, as often last year's as this year's)
_MEETING_AFTER = re.compile(r"\s+(?:(?:annual|leaders['’]?|party)\s+)?(?:summits?|meetings?|conferences?|congress|plenary)\b")


def _bare_month_is_date(s: Sentence, m: re.Match) -> bool:
    """Whether a month name standing alone is a date here, judged from its neighbours:
    *in March*, *since May*, *April futures*; not *May's plan* nor *May said*."""
    mon = m.group("mon")
    if mon == "May" and s.text[m.end("mon"):m.end("mon") + 1] in ("'", "’"):
        return False
    if _RANGE_PARTNER.search(s.text, max(s.lo, m.start() - 30), m.start()):
        return True  # from March to May, between April and June: the other end of a range of months
    nxt = _NEXT_WORD.match(s.text, m.end(), s.hi)
    before = word_before(s.text, m.start(), s.lo)
    if mon not in _PERSON_MONTHS and mon != "March" and before in ("in", "since", "until", "by", "during"):
        # "a commission in January was ...": after a preposition of time, a month (not a person,
        # nor the march of *in March on Washington*)
        return True
    if mon in _PERSON_MONTHS and (nxt and nxt.group(1) in _PERSON_AFTER or _WHO_AFTER.match(s.text, m.end(), s.hi)):
        return False
    if mon == "March" and nxt and nxt.group(1) in _MARCH_VERB_AFTER and before not in _MAY_TRIGGERS:
        return False  # the March on the capitol, and March for Life: a march, not the month
    if before in (_MAY_TRIGGERS if mon == "May" else MONTH_TRIGGERS):
        return True
    if mon not in ("May", "March"):
        if before in _TIME_ADJECTIVES:
            return True  # his earlier January tour, the upcoming November vote
        if (mon not in _PERSON_MONTHS and not s.text[s.lo:m.start()].strip(" \t\n\"'“‘") and nxt
                and (nxt.group(1) in _MONTH_SUBJECT_VERBS or nxt.group(1).endswith("ed") and nxt.group(1).islower())):
            return True  # "October provided a resurgence": the month, subject of its sentence
        if s.text[m.end("mon"):m.end("mon") + 2] in ("'s", "’s"):
            return True  # October's jobs report
        if before in _MONTH_VERBS:
            return True  # into October, come November, began in... ended September
        if nxt and word_before(s.text, s.text.rfind(" ", s.lo, m.start() - 1) + 1, s.lo) in ("a", "the") \
                and before.isalpha() and before.islower() and nxt.group(1).islower() and nxt.group(1) != "of":
            return True  # the strong October report: an adjective between the article and the month
        if before in _MONTH_DETERMINERS and nxt and nxt.group(1).isupper() and len(nxt.group(1)) > 1 \
                and mon not in ("April", "June", "August"):
            return True  # a July NATO summit
    # a July interview, an October poll; after a possessive only a vote (Florida's March primary):
    # *her March comment* is as often last year's as this year's
    determiner = before in ("a", "an", "the") or (
        (before in _MONTH_DETERMINERS or before.endswith(("'s", "’s"))) and (_VOTE_AFTER.match(s.text, m.end(), s.hi) or _MEETING_AFTER.match(s.text, m.end(), s.hi)))
    if determiner and nxt and nxt.group(1).islower() and nxt.group(1) != "of" and (
            mon != "May" or _VOTE_AFTER.match(s.text, m.end(), s.hi)):
        return True
    return bool(nxt and nxt.group(1) in MONTH_AFTER)


def _delivery_month(s: Sentence, m: re.Match) -> bool:
    """Whether the month names a delivery: *April futures*, *November shipment*."""
    nxt = _NEXT_WORD.match(s.text, m.end(), s.hi)
    return bool(nxt and nxt.group(1) in MONTH_AFTER)


#: what a clause does before a coming vote (*ahead of the Nov. 8 election*, *by the time of*)
_AHEAD_OF = re.compile(rf"\b(?:{AHEAD}|by\s+the\s+time\s+of)\s+(?:the\s+|this\s+year['’]s\s+)?$", re.I)
#: a vote whose own verb looks ahead (*... the prospect that the November election will end up*)
_WILL_AFTER = re.compile(r"(?:['’]s)?(?:\s+[a-z]+){1,2}\s+(?:will|is\s+(?:going|set|expected|likely)\s+to)\b")


def _toward_month(s: Sentence, m: re.Match) -> bool:
    """Whether a bare month is where a clause heads: *going into November*, *come November*,
    *marching toward November* (the coming one, unless the clause is in the past)."""
    return not m.group("rel0") and word_before(s.text, m.start(), s.lo) in ("into", "toward", "towards", "come")


def _vote_month(s: Sentence, m: re.Match) -> bool:
    """Whether a bare month names a vote (:data:`_VOTE_AFTER`), or the month of a result of one
    (*a White House win in November*)."""
    return bool(_VOTE_AFTER.match(s.text, m.end(), s.hi)
                or not m.group("day2") and _WIN_IN_BEFORE.search(s.text, max(s.lo, m.start() - 20), m.start()))


#: past verbs that speak of a vote without dating it (*called*, *described*, *likened*), right before its month
_SPOKEN_OF = re.compile(r"\b(?:called|described|dubbed|labell?ed|termed|likened|framed|characteri[sz]ed|"
                        r"billed|touted|hailed)\s+(?:(?:the|this|next|[A-Z][a-z]+['’]s)\s+)?$")


#: a result that a month dates (*a win in November*, *could lose in November*)
_WIN_IN_BEFORE = re.compile(r"\b(?:win|victory|defeat|lose|beat|winning|losing)\s+in\s+$", re.I)


def _month_date(s: Sentence, m: re.Match, published: dt.date | None) -> DateSpan | None:
    """Return the date a month-name match stands for, or None when it is not a date."""
    mon_text = m.group("mon")
    month = MONTHS[mon_text.rstrip(".").lower()]
    if m.group("day1") and m.group("day2"):
        return None
    day = m.group("day1") or m.group("day2")
    if m.group("dayw") and not day:
        day = str(SMALL_NUMBERS[m.group("dayw").lower()])
    if m.group("dayo") and not day:
        day = str(_ORDINAL_DAYS[m.group("dayo").lower()])
    year, rel, mod = m.group("year"), m.group("rel"), m.group("mod")
    rel0 = " ".join((m.group("rel0") or "").lower().split())
    rel0 = {"this past": "last", "this coming": "next"}.get(rel0, rel0)
    if not (day or year):
        if mon_text not in _FULL_MONTHS:
            return None  # a lone abbreviation (Jan, Mar.) is a name more often than a date
        if not (rel or rel0 or mod or _bare_month_is_date(s, m)):
            return None
    if m.group("wd") and not day:
        return None  # "Monday March" is no date; the weekday pass keeps the weekday
    start, end = m.start(), m.end()
    if mon_text == "May" and not (day or year or rel0) and end < s.hi and s.text[end:end + 2] in ("'s", "’s"):
        return None
    approximate = bool(mod)
    if (rel and rel.split()[0] in ("that", "the") or rel0 == "that") and not year:
        # *in October of that year*: the year of the date before it in the sentence
        anchor = ("year-of", month * 100 + int(day or 0), False)
        return DateSpan(start, end, None, approximate, anchored=anchor)
    if year:
        y = int(year)
    elif published is None:
        return DateSpan(start, end, None, approximate)
    elif rel:
        y = published.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel0 == "last":
        if day:
            y = published.year if (month, int(day)) < (published.month, published.day) else published.year - 1
        else:
            y = _latest_month(month, published, strictly_before=True)
    elif rel0 == "next":
        y = published.year if month > published.month else published.year + 1
    elif rel0 == "this" and not day:
        y = published.year  # "this December": the one of the publication year
    elif day and word_before(s.text, start, s.lo) == "since":
        # since January 1st: the latest one, not the nearest
        y = published.year if (month, int(day)) <= (published.month, published.day) else published.year - 1
    elif not day and word_before(s.text, start, s.lo) == "since":
        y = _latest_month(month, published, strictly_before=False)  # since December: the latest one
    elif day and _vote_month(s, m):
        # "ahead of the Nov. 8 election", "by the time of the Nov. 8 election" (will/could): the coming
        # vote; "the nominee for the Nov. 8 election later said": the nearest one, whatever the tense
        ahead = tense(s, start, end, strict=True) == "future" or _AHEAD_OF.search(s.text, max(s.lo, start - 30), start)
        y = _nearest_year(month, int(day), published)
        if ahead and (month, int(day)) < (published.month, published.day) and y == published.year:
            y += 1
        elif ahead and y < published.year:
            y = published.year if (month, int(day)) >= (published.month, published.day) else published.year + 1
    elif day:
        y = _tensed_year(s, start, end, month, int(day), published)
    elif _delivery_month(s, m) or (_vote_month(s, m) or _toward_month(s, m)) \
            and (tense(s, start, end, strict=True) != "past" or _WILL_AFTER.match(s.text, end, s.hi)):
        y = _month_year("future", month, published)
    elif _vote_month(s, m) and _SPOKEN_OF.search(s.text, max(s.lo, start - 40), start):
        # a vote that a past verb only speaks of (*called November's general election "a citizenship
        # election"*), not one whose clause looks back (*turnout fell in the November election*):
        # the verb is not the vote's; the nearest vote, as for a vote's day
        y = _nearest_year(month, 15, published)
    else:
        # a scheduled event's present looks ahead (*the plant opens in November*), as for a weekday
        y = _month_year(tense(s, start, end, committed=True, present=True), month, published)
    inferred = not (year or rel)
    if not day:
        return DateSpan(start, end, f"{y:04d}-{month:02d}", approximate, inferred=inferred)
    if month == 9 and int(day) == 11 and not year and _ATTACKS.match(s.text, end, s.hi):
        return DateSpan(start, end, NAMED_DATES["9/11"])  # the Sept. 11 attacks
    try:
        return DateSpan(start, end, dt.date(y, month, int(day)).isoformat(), approximate, inferred=inferred)
    except ValueError:
        return None


def _month_dates(s: Sentence, m: re.Match, published: dt.date | None) -> list[DateSpan]:
    """Return the date of a month-name match, and the second day of a range after it
    (*May 23 to 26*, *June 17-18, 2013*): two facets, as news-dev's gold has for a range
    with both ends written (a span such as *between May 4 and June 1*). A weekday written
    before the day (*Monday, Oct. 26*) is a facet of its own, of the same day."""
    spans = _month_dates_of(s, m, published)
    if spans and m.group("wd") and spans[0].value and len(spans[0].value) == 10:
        first = spans[0]
        rest = m.end("wd") + len(re.match(r",?\s+", s.text[m.end("wd"):]).group())
        spans[0] = DateSpan(rest, first.end, first.value, first.approximate, inferred=first.inferred)
        spans.insert(0, DateSpan(m.start("wd"), m.end("wd"), first.value, first.approximate))
    return spans


def _month_dates_of(s: Sentence, m: re.Match, published: dt.date | None) -> list[DateSpan]:
    day2 = m.group("day2") or m.group("day1")
    rng = _DAY_RANGE.match(s.text, m.end("day2"), s.hi) if m.group("day2") and not m.group("year") else None
    if not rng or int(rng.group("day")) <= int(day2):
        span = _month_date(s, m, published)
        return [span] if span else []
    # re-read the first day with the range's year, then the second day alone
    first = _MONTH_DATE.match(s.text, m.start(), m.end("day2"))
    span = _month_date(s, first, published) if first else None
    if span is None:
        return []
    if rng.group("year"):
        if span.value is None:
            # no publication date, but the range states its year: read month and day in that year
            span = _month_date(s, first, dt.date(int(rng.group("year")), 7, 1)) or span
        if span.value is not None:
            span.value = f"{rng.group('year')}{span.value[4:]}"
    second = None
    if span.value:
        try:
            second = dt.date(int(span.value[:4]), int(span.value[5:7]), int(rng.group("day"))).isoformat()
        except ValueError:
            return [span]
    return [span, DateSpan(rng.start("day"), rng.end(), second, span.approximate)]


#: a date written as ISO 8601 (*2024-05-03*) or a year and month (*2024-05*)
_ISO = re.compile(r"(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?(?![\w-]|[.,]\d)")


def _iso_date(s: Sentence, at: int) -> DateSpan | None:
    """Return the ISO date written at ``at`` (*2024-05-03*, *2024-05*), or None. A year and
    two digits that may be a later year's last two (*2004-05*, *2007-09*) are two years, not a month."""
    m = _ISO.match(s.text, at, s.hi)
    if m is None or at > s.lo and (s.text[at - 1].isalnum() or s.text[at - 1] in "-/."):
        return None
    year, month, day = int(m.group("y")), int(m.group("m")), m.group("d")
    if day is None:
        if month > year % 100:
            return None  # 2004-05, 2007-09: two years (a season, a fiscal year, a span), not a month
        return DateSpan(m.start(), m.end(), f"{year:04d}-{month:02d}")
    try:
        dt.date(year, month, int(day))
    except ValueError:
        return DateSpan(m.start(), m.end(), None)  # 2023-02-29: a date, but no day there is
    return DateSpan(m.start(), m.end(), m.group())


def _year_date(s: Sentence, m: re.Match) -> DateSpan | None:
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
        if len(m.group("y2")) == 4 and m.group("sep") == "-" and not fiscal:
            if int(m.group("y2")) <= int(year):
                return None  # 2007-1998: no range of years
            # two years (2014-2018): each is a date; this is the first, the second is read at its own anchor
            return DateSpan(ystart, ystart + 4, year, bool(mod))
        return DateSpan(start, end, None)  # a fiscal or crop year (1986/87): no value in the gold
    if not (mod or fiscal):
        text = s.text
        if _NOT_A_YEAR_AFTER.match(text, end, s.hi) or (
                _COUNTED_AFTER_YEAR.match(text, end, s.hi) and not _IN_TIME.search(text, max(s.lo, ystart - 8), ystart)):
            return None
        hedge = _HEDGE_BEFORE_YEAR.search(text, max(s.lo, ystart - 15), ystart)
        if hedge and _TIME_PREPOSITION.search(text, max(s.lo, hedge.start() - 12), hedge.start()):
            return DateSpan(m.start("year"), end, year, True)  # since at least 1980: a hedged year
        if hedge:
            if not (hedge.group("hedge").lower() in _APPROXIMATE_YEAR and _CLAUSE_ENDS.match(text, end, s.hi)):
                return None
            # "around 2002, when ...": no noun after it, an approximate year (a count of 2002
            # would be written 2,002 and name what it counts)
            return DateSpan(m.start("year"), end, year, True)
        if word_before(text, ystart, s.lo) in _NAME_BEFORE_YEAR or _STREET_AFTER.match(text, end, s.hi):
            return None
        if text[ystart - 1:ystart] == "-" and ystart - 1 > s.lo and text[ystart - 2].isalnum():
            return None  # PA-28-1987, G-2020: part of a name
    if the and not mod:
        start = ystart
    return DateSpan(start, end, year, bool(mod))


def find_dates(s: Sentence, published: dt.date | None, *, carry: int = 2) -> list[DateSpan]:
    """Return the dates in the sentence, sorted and without overlaps. A date counted from
    another that opens the sentence (*A day earlier, ...*, *The next day, ...*) counts from the
    last date of the sentence before, as a narrative does (``carry``: how many sentences back
    such a chain may be followed)."""
    text, lo, hi = s.text, s.lo, s.hi
    found: list[DateSpan] = []
    if s.has_digit:
        for named, value in NAMED_DATES.items():
            at = text.find(named, lo, hi)
            if at >= 0 and not text[at + len(named):at + len(named) + 1].isdigit():
                found.append(DateSpan(at, at + len(named), value))
        for a in _YEAR_ANCHOR.finditer(text, lo, hi):
            iso = _iso_date(s, a.start())
            if iso:
                found.append(iso)
                continue
            m = s.match_back(_YEAR_DATE, a.start(), 2)
            span = _year_date(s, m) if m else None
            if span:
                found.append(span)
                if span.end == m.start("year") + 4 and m.group("y2") and len(m.group("y2")) == 4:
                    found.append(DateSpan(m.start("y2"), m.end("y2"), m.group("y2"), span.approximate))
    if not s.words.isdisjoint(_SPOKEN_CENTURY):
        found.extend(_spoken_years(s))
    if not s.words.isdisjoint(HOLIDAY_ANCHORS):
        found.extend(named_days(s, published, tensed_year))
    if "century" in s.words:
        found.extend(centuries(s))
    if not s.words.isdisjoint(MONTHS):
        for a in _MONTH_ANCHOR.finditer(text, lo, hi):
            m = s.match_back(_MONTH_DATE, a.start(), 4)
            if m and m.start("mon") == a.start():
                found.extend(_month_dates(s, m, published))
    if not s.words.isdisjoint(WEEKDAYS):
        if not s.words.isdisjoint(MONTHS):
            found.extend(_nth_weekdays(s, published))
        for a in _WEEKDAY_ANCHOR.finditer(text, lo, hi):
            m = s.match_back(WEEKDAY_DATE, a.start(), 2)  # two words: "this coming Sunday"
            span = weekday_date(s, m, published) if m else None
            if span:
                found.append(span)
    # seasons and relative dates open with optional words: anchor on the word they contain
    for anchors, pattern, back, read in ((SEASON_WORDS, SEASON, 2, season_date),
                                         (RELATIVE_ANCHORS, RELATIVE, 4, relative_date)):
        for word in s.words & anchors:
            for at in s.occurrences(word):
                m = s.match_back(pattern, at, back)
                span = read(s, m, published) if m else None
                if span:
                    found.append(span)
    chosen = _without_overlaps(found)
    _follow_ranges(s, chosen, published)
    previous = None
    now = False  # the date before is publication's own (*today*, *this year*)
    kept = []
    for span in chosen:
        if span.anchored:
            unit, step, loose = span.anchored
            base = previous
            if step == 0 and now:
                continue  # "support today is below McCain's support that year": another year than now
            if base is None and carry and _opens_sentence(s, span):
                base = _date_before(s, published, carry - 1)
            if base is None and loose and published:
                base = published.isoformat()
            span.value = from_previous(base, unit, step)
            if span.value is None:
                continue  # "one day before it was due": no date to count from
        if span.value:
            previous = span.value
            now = _NOW.fullmatch(s.text, span.start, span.end) is not None
        kept.append(span)
    return kept


#: dates that are publication's own: a date named after them as *that year* is another one
_NOW = re.compile(r"(?i:today|tonight|this (?:year|month|week|morning|afternoon|evening)|now)")


#: what may stand before a date that opens a sentence (*"A day earlier*, *But the next day*)
_OPENING_BEFORE = re.compile(r"[\s\"'“‘(]*(?:(?:But|And|Then|Only)\s+)?$")
#: the end of the sentence before: its final stop, and closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
#: how far back the sentence before is looked for
_BEFORE_REACH = 600


def _opens_sentence(s: Sentence, span: DateSpan) -> bool:
    """Whether a date span opens its sentence (after quotes, brackets or *But*/*And*)."""
    return _OPENING_BEFORE.fullmatch(s.text, s.lo, span.start) is not None


def _date_before(s: Sentence, published: dt.date | None, carry: int) -> str | None:
    """Return the last date of the sentence before ``s`` (read back to its stop), or None."""
    lo = max(0, s.lo - _BEFORE_REACH)
    before = s.text[lo:s.lo].rstrip()
    if not before:
        return None
    ends = list(_SENTENCE_END.finditer(s.text, lo, lo + len(before) - 1))
    start = ends[-1].end() if ends else lo
    if not ends and lo > 0:
        return None  # the sentence before is longer than the reach: no safe start
    prev = Sentence.read(s.text, start, lo + len(before))
    dates = [d.value for d in find_dates(prev, published, carry=carry) if d.value]
    return dates[-1] if dates else None


def _month_range(s: Sentence, first: DateSpan, second: DateSpan) -> bool:
    """Whether two dates of month or day precision form a range (*from May to November*,
    *between January 1 and September 26*; *and* only after *between*)."""
    if not (first.value and second.value and len(first.value) == len(second.value) >= 7):
        return False
    if not _MONTH_RANGE.fullmatch(s.text, first.end, second.start):
        return False
    return s.text[first.end:second.start].strip() != "and" or word_before(s.text, first.start, s.lo) == "between"


def _follow_ranges(s: Sentence, spans: list[DateSpan], published: dt.date | None) -> None:
    """Put the dates of a range in order, in place, by moving a guessed year: *from May to
    November* published in September 2018 is 2018-05 to 2018-11, not 2017-11 (told in the past
    tense it has ended by then, and moves to 2017 whole: :func:`_range_by_tense`); *between
    January 1 and September 26* published late in September starts in that January. A
    written year never moves; of two guessed ones, the move that stays nearer publication
    wins. Then the range is placed whole by its tense (:func:`_range_by_tense`)."""
    for first, second in zip(spans, spans[1:], strict=False):
        if not _month_range(s, first, second) or first.value <= second.value:
            continue
        earlier = _shift_year(first.value, -1)
        later = _shift_year(second.value, 1)
        if first.inferred and second.inferred and published is not None:
            move_first = _distance(earlier, published) <= _distance(later, published)
        else:
            move_first = first.inferred
        if move_first:
            first.value = earlier
        elif second.inferred:
            second.value = later
    for first, second in zip(spans, spans[1:], strict=False):
        _range_by_tense(s, first, second, published)


def _shift_year(value: str, years: int) -> str:
    return f"{int(value[:4]) + years}{value[4:]}"


def _range_by_tense(s: Sentence, first: DateSpan, second: DateSpan, published: dt.date | None) -> None:
    """Move a range of guessed years to the side of publication its clause puts it on, whole: a
    range told in the past has ended by publication (*were vaccinated between January and March*,
    published in January, is last year's January to March), one told in the future has not begun
    (*will run from December to February*, published in January, starts in the coming December).
    Each month alone is placed by its own neighbours; the range's end (or start) decides."""
    if published is None or not (first.inferred and second.inferred) or not _month_range(s, first, second) \
            or first.value > second.value:
        return
    now = published.isoformat()[:len(first.value)]
    said = tense(s, first.start, second.end, strict=True)
    if said == "past" and second.value > now:
        first.value, second.value = _shift_year(first.value, -1), _shift_year(second.value, -1)
    elif said == "future" and first.value < now:
        first.value, second.value = _shift_year(first.value, 1), _shift_year(second.value, 1)


def _distance(value: str, published: dt.date) -> int:
    """Return how many days a date (or the middle of a month) lies from publication."""
    day = int(value[8:10]) if len(value) >= 10 else 15
    return abs((dt.date(int(value[:4]), int(value[5:7]), day) - published).days)


#: *the first Tuesday in November*, *the last Friday of June 2019*, and a weekday counted on from
#: one (*the Tuesday after the first Monday in November*)
_NTH_WEEKDAY = re.compile(
    rf"(?:(?P<after_wd>{_WEEKDAY})\s+after\s+)?(?:[Tt]he\s+)?"
    rf"(?P<nth>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ll]ast)\s+(?P<wd>{_WEEKDAY})\s+(?:in|of)\s+"
    rf"(?P<mon>{'|'.join(_FULL_MONTHS)})\b(?:,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b)?")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _nth_weekdays(s: Sentence, published: dt.date | None) -> list[DateSpan]:
    """Return the dates of *the first Tuesday in November* and the like: the month's year as
    written, else as a bare month's (its clause's tense, else the nearest)."""
    out = []
    for m in _NTH_WEEKDAY.finditer(s.text, s.lo, s.hi):
        start, end = m.start(), m.end()
        month = MONTHS[m.group("mon").lower()]
        if m.group("year"):
            year = int(m.group("year"))
        elif published is None:
            out.append(DateSpan(start, end, None))
            continue
        else:
            # a scheduled event's present looks ahead, as for a bare weekday (*the board meets on ...*)
            said = tense(s, start, end, committed=True, present=True)
            year = _month_year(said, month, published)
        wd, nth = WEEKDAYS[m.group("wd").lower()], _NTH[m.group("nth").lower()]
        day = nth_weekday(year, month, wd, nth)
        if day is not None and published is not None and not m.group("year"):
            # the month's year put it in the publication month: the day itself must lie on
            # the side the clause says (will vote on the first Monday of March, written on the 14th)
            if said == "future" and day < published:
                day = nth_weekday(year + 1, month, wd, nth)
            elif said == "past" and day > published:
                day = nth_weekday(year - 1, month, wd, nth)
        if day is None:
            continue
        if m.group("after_wd"):
            ahead = (WEEKDAYS[m.group("after_wd").lower()] - day.weekday()) % 7 or 7
            day += dt.timedelta(days=ahead)
        out.append(DateSpan(start, end, day.isoformat()))
    return out


def _without_overlaps(spans: list[DateSpan]) -> list[DateSpan]:
    """Keep the longest of overlapping spans (the earliest on a tie), sorted by start."""
    spans.sort(key=lambda d: (d.start, d.start - d.end))
    kept: list[DateSpan] = []
    for d in spans:
        if kept and d.start < kept[-1].end:
            # overlapping spans are nested or chained: the longer one stays
            if d.end - d.start > kept[-1].end - kept[-1].start:
                kept[-1] = d
            continue
        kept.append(d)
    return kept
