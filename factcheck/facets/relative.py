"""Relative dates: weekdays, *yesterday*, *last month*, *the weekend*, *two weeks ago*,
quarters, and dates counted from another (*a year earlier*, *the prior year*).

A bare weekday is the latest one on or before publication (the news-dev gold: *Monday*
published on a Tuesday is the day before), or the coming one when the verb of its own clause
looks ahead (not a verb of the clause around it: *Cruz, who is running in Tuesday's primary*,
*said Monday he would*); what is done *ahead of* an event looks ahead to it, and an event the
weekday dates as a modifier (*his address Sunday*, *Tuesday's primary*) is the nearest such
day when the verb is not the event's, or the latest when nobody schedules it (*the shooting
Sunday*) or it is won already (*his Tuesday wins*). Weeks are ISO weeks (``2016-W28``), a
weekend is ``2017-11-04/2017-11-05``, a quarter ``1987-Q3`` (of the year written, else the one
nearest publication).
"""
from __future__ import annotations

import datetime as dt
import re

from .scan import Sentence
from .span import DateSpan, shift_month, word_before
from .tense import infinitive_between, is_future, tense, weekday_tense
from .words import (AHEAD_OF, EVENT_NOUNS, HAPPENING_NOUNS, RECURRENCE_BEFORE, RESULT_NOUNS, SMALL_NUMBERS,
                    WEEKDAY_NAME_AFTER, WEEKDAY_NAME_BEFORE, WEEKDAYS)

_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_NUMBER_WORDS = "|".join(SMALL_NUMBERS)
#: the tens that open a compound number word: *twenty-five years ago*
_TENS = "|".join(w for w, v in SMALL_NUMBERS.items() if v >= 20)

#: the words every relative date contains: a day word or a unit of time
RELATIVE_ANCHORS = frozenset("""
today tonight yesterday tomorrow night morning afternoon evening week weeks weekend month
months year years day days decade decades quarter qtr half
""".split())

WEEKDAY_DATE = re.compile(rf"(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his(?:\s+coming)?|[Cc]oming)\s+)?(?P<wd>{_WEEKDAY})\b")
RELATIVE = re.compile(
    r"(?i:"
    r"(?P<day>(?:earlier |later )?today|tonight|this (?:morning|afternoon|evening)"
    r"|yesterday|last night|tomorrow|the day before yesterday)"
    r"|(?P<edge>earlier |later |early |late |the end of |end of )?(?P<which>this|last|next) "
    r"(?P<unit>week|month|year|weekend)"
    r"|(?P<weekend>(?:at |over )?the weekend)"
    rf"|(?P<n>\d+|a|an|one|(?:(?:{_TENS})[- ])?(?:{_NUMBER_WORDS})) (?P<ago_unit>day|week|month|year|decade)s? ago"
    rf"|(?P<an>a|an|one|\d+|{_NUMBER_WORDS}) (?P<step_unit>day|week|month|year)s? "
    r"(?P<dir>earlier|before|later|after)"
    r"|the (?:prior|previous|preceding) (?P<prev_unit>year|month)"
    r"|the (?P<yb_unit>year|month) (?:before|earlier)"
    r"|the (?:following|subsequent) (?P<fw_unit>day|week|month|year)|the next (?P<nd_unit>day|month|year)"
    r"|(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:quarter|qtr)(?: of (?P<qyear>" + _YEAR + r"))?"
    rf"|(?P<part>the (?:first|second|last|final|past) (?:half|(?:\d+|{_NUMBER_WORDS}) (?:months|weeks|quarters)) "
    r"of (?:the|this) year)"
    r"|(?P<same_month>the same month (?:last year|a year (?:ago|earlier)))"
    r"|(?:[Tt]hat|[Tt]he same) (?P<that_unit>day|month|year)(?!-)"
    r")\b"
)
_Q_YEAR_BEFORE = re.compile(rf"({_YEAR})\s+(?:fiscal\s+)?$")
_YEAR_AGO = re.compile(r"year[- ]ago\s+$", re.I)
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
#: *today* as "these days": after *even* or *still*, or as the possessive of a noun that names
#: an age, a society or its people (*today's world*, *today's refugees*); not of an event of the
#: day (*today's vote*, *today's operation*), which the list leaves out
_NOWADAYS_BEFORE = re.compile(r"\b(?:even|still)\s+$", re.I)
_DAY_POSSESSIVE = re.compile(r"['’]s\s+(?:(?:most|more|ever|increasingly|so-called|[a-z]+ly)\s+){0,2}"
                             r"([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_OF_THESE_DAYS = frozenset("""
world society climate economy economies politics political media culture technology technologies times
age era environment landscape reality realities standards youth young generation generations kids children
students workers families voters refugees immigrants americans america version versions republican
republicans democratic democrats conservatives liberals government governments workforce jobless
booming handful global challenges problems threats conditions circumstances context
""".split())
#: *of tomorrow* is an era (not *as of today*, a date)
_OF_BEFORE = re.compile(r"(?<!\bas )\bof\s+$", re.I)
#: days listed towards *forever* or *always* (*today, tomorrow, forever*): a vow
_FOREVER = re.compile(r"\b(?:today|tomorrow|yesterday)\s*,?\s*(?:and\s+)?(?:(?:today|tomorrow)\s*,?\s*(?:and\s+)?)?"
                      r"(?:forever|always)\b", re.I)
#: an article before *tomorrow* makes it a noun (*a brighter tomorrow*, *a better tomorrow*): an era
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+(?:er|est)\s+|new\s+)?$", re.I)
#: after "four months after", an event (not *that*, *it*, *this*, which point back to a date)
_EVENT_GOES_ON = re.compile(r"\s+(?!(?:that|it|this|then)\b)[A-Za-z]", re.I)
#: after "a day before", a word: the event the date is counted from (*before the vote*)
_CLAUSE_GOES_ON = re.compile(r"\s+[A-Za-z]")
#: an opening quotation mark before a capitalised word starts a quoted sentence (“Tonight was ...),
#: unless the quotation is only a name: it closes, or goes on in capitals (“This Week,” “This Week With ...)
_OPENS_A_QUOTE = re.compile(r"[\"“‘']$")
_QUOTED_NAME_ENDS = re.compile(r"[,.]?[\"”’']|\s+(?:[A-Z]|with\b)")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
#: a word in lower case: the sentence is not a headline in capitals
_LOWER_WORD = re.compile(r"\b(?!(?:a|an|the|of|in|on|at|to|for|and|or|but|by|as|nor)\b)[a-z]{2,}\b")
#: *Saturday Night Live*, *Monday Night Football*: a weekday, *Night* and a capitalised word
#: in a sentence that is not in title case is the name of a show
_NIGHT_NAME = re.compile(r"\s+Night\s+[A-Z][a-z]")
#: a weekday before a time of day in the plural (*on Saturday nights*, *Monday mornings*): a recurrence
_TIMES_OF_DAYS = re.compile(r"\s+(?:nights|mornings|afternoons|evenings)\b")


_POSSESSIVE = re.compile(r"(?:\s+(?:night|morning|afternoon|evening))?['’]s\b")
_EVENTS = "|".join(sorted(EVENT_NOUNS))
#: a determiner that makes an event a known one: *his*, *the*, *Trump's* (adjectives may follow)
_KNOWN_BEFORE = re.compile(r"(?:\b(?:the|his|her|their|its|our)|[\w.]+['’]s)\s+(?:[\w-]+\s+){0,3}$", re.I)
#: an event noun before a weekday, with a place or two between (*the slaying in Chicago on
#: Friday*, *her rally at the arena in Ohio Tuesday*), not a verb (*to vote Tuesday*)
_EVENT_BEFORE = re.compile(r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bcan )"
                           rf"\b(?P<noun>{_EVENTS}),?\s+"
                           r"(?:(?:in|at)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|and),?\s+){1,5}){0,2}"
                           r"(?:on\s+|late\s+|early\s+)?$")
#: an event noun after a weekday (*his Tuesday wins*, *Monday night rally*)
_EVENT_AFTER = re.compile(rf"(?:\s+(?:night|morning|afternoon|evening))?(?:['’]s)?\s+(?:[A-Z][\w.-]*\s+){{0,3}}"
                          rf"(?P<noun>{_EVENTS})\b")
#: the phrases of :data:`.words.AHEAD_OF` as one alternation (the vote dates of :mod:`.dates` read it too)
AHEAD = "|".join(re.escape(p).replace("\\ ", r"\s+") for p in sorted(AHEAD_OF, key=len, reverse=True))
#: a weekday ahead of which the clause acts: directly (*ahead of Monday's caucus*, *before Monday*)
#: or through its event (*ahead of the Iowa caucuses on Monday*), not *before cheering supporters Monday*
_AHEAD_BEFORE = re.compile(rf"\b(?:{AHEAD})\s+(?:(?:the|a|its|his|her|their|[\w.]+['’]s)\s+)?"
                           rf"(?:(?:[\w.'’-]+\s+){{0,3}}(?:{_EVENTS})\s+(?:on\s+)?)?$", re.I)
#: words before a weekday that make it no date: part of a name (*Black Friday*) or a recurrence
_NOT_A_DATE_BEFORE = WEEKDAY_NAME_BEFORE | RECURRENCE_BEFORE


def weekday_date(s: Sentence, m: re.Match, published: dt.date | None) -> DateSpan | None:
    """Return the date a weekday stands for: the latest one on or before publication, unless
    its own clause looks ahead (a future or a scheduled event's present: *the council meets
    Monday*; see :func:`.tense.weekday_tense` and the module's note). A recurrence (*every
    Sunday*) is no date."""
    if word_before(s.text, m.start("wd"), s.lo) in _NOT_A_DATE_BEFORE:
        return None
    nxt = _NEXT_WORD.match(s.text, m.end(), s.hi)
    if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() in WEEKDAY_NAME_AFTER:
        return None
    if _NIGHT_NAME.match(s.text, m.end(), s.hi) and _LOWER_WORD.search(s.text, s.lo, s.hi):
        return None
    if _TIMES_OF_DAYS.match(s.text, m.end(), s.hi):
        return None  # "events on Saturday nights", "Monday mornings": a recurrence, no date
    if published is None:
        return DateSpan(m.start(), m.end(), None)
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").strip().lower()
    if rel in ("coming", "this coming"):
        rel = "this"  # "this coming Sunday": the next one, or today
    back = (published.weekday() - wd) % 7
    nearest = back if back <= 3 else back - 7
    if not rel:
        said, from_after, at = weekday_tense(s, m.start(), m.end())
        event, known = _event(s, m)
        ahead = _AHEAD_BEFORE.search(s.text, max(s.lo, m.start() - 80), m.start())
        if word_before(s.text, m.start("wd"), s.lo) in ("later", "earlier"):
            back = nearest  # "speaks later Monday": the day of writing or one within three days of it
        elif ahead and not (said == "future" and from_after):
            if said != "past" or 0 <= at < ahead.start() and infinitive_between(s, at, ahead.start()):
                # "polls tighten ahead of Monday's caucus", "an effort to hurt her ahead of Monday's
                # voting": what is done ahead of an event is done before it, which is to come
                rel = "this"
            else:
                # "he challenged her to a debate before Monday's caucus", "she had been told just
                # before Tuesday's vote": the event the past looked ahead to is the nearest such day
                back = nearest
        elif _POSSESSIVE.match(s.text, m.end(), s.hi) and said not in ("past", "perfect"):
            back = nearest  # "Monday's ruling will ...": as *later Monday*, whatever the verb's tense
        elif event in HAPPENING_NOUNS or event in RESULT_NOUNS and known:
            # "charged over the shooting Sunday", "if he builds on his Tuesday wins", "her
            # victories on Tuesday will ...": nobody schedules it, or it is won already
            pass
        elif said == "planned" or event and (said == "present" or said == "future" and from_after and known):
            # "his address Sunday ... will be a topic", "she is hailing the speech on Thursday",
            # "he was set to speak Tuesday": the verb is not the event's, or told a plan that may
            # have been kept or dropped since; the event is the nearest such day
            back = nearest
        elif said in ("future", "present"):
            rel = "this"  # "she will hold talks on Thursday", "the council meets Monday": the coming one
    if rel == "last" and back == 0:
        back = 7
    elif rel in ("next", "this"):
        back = -((wd - published.weekday()) % 7 or (7 if rel == "next" else 0))
    return DateSpan(m.start(), m.end(), (published - dt.timedelta(days=back)).isoformat())


def _event(s: Sentence, m: re.Match) -> tuple[str | None, bool]:
    """Return the event noun a weekday dates as its modifier (:data:`.words.EVENT_NOUNS`), and
    whether a determiner makes it a known one (*his*, *the*, *Trump's*)."""
    after = _EVENT_AFTER.match(s.text, m.end(), s.hi)
    if after:
        noun, at = after.group("noun"), m.start()
    else:
        before = _EVENT_BEFORE.search(s.text, max(s.lo, m.start() - 120), m.start())
        if not before:
            return None, False
        noun, at = before.group("noun"), before.start()
    return noun.lower(), bool(_KNOWN_BEFORE.search(s.text, max(s.lo, at - 40), at))


def _count(word: str) -> int | None:
    """Return the number a small count word or figure stands for."""
    word = word.lower()
    tens, _, unit = word.replace(" ", "-").partition("-")
    if unit:
        return SMALL_NUMBERS[tens] + SMALL_NUMBERS[unit]  # twenty-five
    if word in ("a", "an", "one"):
        return 1
    if word.isdigit():
        return int(word)
    return SMALL_NUMBERS.get(word)


def _iso_week(day: dt.date) -> str:
    """Return the ISO week of a day, as ``2016-W28``."""
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _weekend(published: dt.date, which: str) -> str:
    """Return the weekend meant: *the weekend* is the latest one begun by publication, *this
    weekend* the current or coming one, *next weekend* the one after it, *last weekend* the
    one before the current week."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if which in ("this", "next") and published.weekday() < 5:
        saturday += dt.timedelta(days=7)
    if which == "next":
        saturday += dt.timedelta(days=7)
    elif which == "last" and published.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


#: a quarter that says when something happens: *in the third quarter*
_WHEN_BEFORE = re.compile(r"\b(?:in|during|by|until|before|after)\s+(?:the\s+)?$", re.I)
#: how long after a quarter ends its figures are still news to come
_REPORTING_LAG = dt.timedelta(days=92)


def _quarter_end(year: int, quarter: int) -> dt.date:
    """Return the last day of a quarter."""
    return dt.date(year + quarter // 4, quarter * 3 % 12 + 1, 1) - dt.timedelta(days=1)


def _quarter(s: Sentence, m: re.Match, published: dt.date | None) -> DateSpan:
    """Return a quarter: of the year written, else the one nearest publication."""
    start, end = m.start(), m.end()
    quarter = _QUARTERS[m.group("q").lower()]
    if m.group("qyear"):
        return DateSpan(start, end, f"{m.group('qyear')}-Q{quarter}")
    before = _Q_YEAR_BEFORE.search(s.text, max(s.lo, start - 14), start)
    if before:
        return DateSpan(before.start(1), end, f"{before.group(1)}-Q{quarter}")
    if published is None:
        return DateSpan(start, end, None)
    said = tense(s, start, end)
    if said == "past":
        # the latest such quarter begun by publication
        year = published.year if quarter * 3 - 2 <= published.month else published.year - 1
    elif said == "future":
        # the first such quarter not over; where the quarter qualifies figures rather than
        # saying when (*expects first-quarter net to fall*, published in April), results for
        # the quarter just ended are still to come
        lag = dt.timedelta(0) if _WHEN_BEFORE.search(s.text, max(s.lo, start - 12), start) else _REPORTING_LAG
        year = next(y for y in (published.year - 1, published.year, published.year + 1)
                    if _quarter_end(y, quarter) >= published - lag)
    else:
        year = min((abs((dt.date(y, quarter * 3 - 1, 15) - published).days), y)
                   for y in (published.year - 1, published.year, published.year + 1))[1]
    if _YEAR_AGO.search(s.text, max(s.lo, start - 12), start):
        year -= 1  # "the year-ago first quarter"
    return DateSpan(start, end, f"{year}-Q{quarter}")


def _nowadays(s: Sentence, start: int, end: int) -> bool:
    """Whether *today* means these days (:data:`_NOWADAYS_BEFORE`, :data:`_OF_THESE_DAYS`)."""
    if _NOWADAYS_BEFORE.search(s.text, max(s.lo, start - 8), start):
        return True
    after = _DAY_POSSESSIVE.match(s.text, end, s.hi)
    # the noun right after (today's world), or after one adjective (today's partisan media)
    return bool(after) and any((w or "").lower() in _OF_THESE_DAYS for w in after.groups())


def relative_date(s: Sentence, m: re.Match, published: dt.date | None) -> DateSpan | None:
    """Return the date a relative expression stands for, resolved against publication."""
    start, end = m.start(), m.end()
    g = m.groupdict()
    unit = g["step_unit"] or g["prev_unit"] or g["yb_unit"] or g["fw_unit"] or g["nd_unit"]
    if unit:
        n = _count(g["an"]) if g["an"] else 1
        if n is None:
            return None
        # "the following year", "the next day": one unit after the date the text names before
        direction = "after" if g["fw_unit"] or g["nd_unit"] else (g["dir"] or "").lower()
        sign = 1 if direction in ("later", "after") else -1
        if g["dir"] and direction in ("after", "before") and _EVENT_GOES_ON.match(s.text, end, s.hi):
            # "four months after Clinton left office", "six days before the primary": counted from
            # an event the sentence names without its date, not from the date written before: no date
            return None
        # "a year earlier", "the prior year" with no date before them count from publication
        # (wire copy compares with a year ago); "two years later" and "a day before the
        # vote" count from an event the text names, so they need a date before them
        from_publication = n == 1 and direction not in ("later", "after") \
            and not (direction == "before" and _CLAUSE_GOES_ON.match(s.text, end, s.hi))
        return DateSpan(start, end, None, anchored=(unit.lower(), sign * n, from_publication))
    if g["that_unit"]:
        # "met him that day", "resigned the same year": the date the text names just before, at
        # this precision (none before it: no date)
        return DateSpan(start, end, None, anchored=(g["that_unit"].lower(), 0, False))
    if g["same_month"]:
        # "in October ..., compared with the same month last year": that month, a year before
        return DateSpan(start, end, None, anchored=("month", -12, False))
    if g["q"]:
        return _quarter(s, m, published)
    if published is None:
        return DateSpan(start, end, None)
    if g["part"]:
        if g["part"].lower().endswith("this year"):
            return DateSpan(start, end, str(published.year))  # "the first six months of this year"
        # "the first 10 months of the year": the year of the date before it in the sentence (*in
        # the first half of 2015 ... more in the second half of the year*), else of publication
        return DateSpan(start, end, None, anchored=("year", 0, True))
    if g["day"]:
        word = g["day"].lower()
        if word == "today" and word_before(s.text, start, s.lo) == "usa":
            return None  # USA Today, USA TODAY: the paper
        if g["day"] in ("Today", "TODAY", "Tonight", "This Morning") and _capitalised_name(s, start, end):
            return None  # USA Today, the Tonight Show, CBS This Morning: a name (not a headline in capitals)
        if word in ("today", "tomorrow", "yesterday") and _OF_BEFORE.search(s.text, max(s.lo, start - 8), start):
            return None  # the leaders of tomorrow, the policies of yesterday: an era, not a day
        if word in ("tomorrow", "yesterday") and _ARTICLE_BEFORE.search(s.text, max(s.lo, start - 20), start):
            return None  # hoping for a brighter tomorrow: an era, not a day
        if _FOREVER.search(s.text, max(s.lo, start - 30), min(s.hi, end + 30)):
            return None  # "today, tomorrow, forever": a vow, not a day
        if word == "today" and _nowadays(s, start, end):
            return None  # even today, today's refugees: these days, not the day of writing
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}
        return DateSpan(start, end, (published + dt.timedelta(days=shift.get(word, 0))).isoformat())
    if g["weekend"]:
        # "the weekend" is the one just past, unless the clause looks ahead
        which = "this" if is_future(s, start, end) else "the"
        return DateSpan(m.start("weekend") + len(g["weekend"]) - len("the weekend"), end,
                        _weekend(published, which))
    if g["which"]:
        if g["which"] == "This" and g["unit"][0].isupper() and _capitalised_name(s, start, end):
            return None  # ABC's This Week: a programme's name
        if _THE_BEFORE.search(s.text, max(s.lo, start - 5), start) and _OF_AFTER.match(s.text, end, s.hi):
            return None  # the last week of October, the last year of his presidency: part of another span
        which, unit = g["which"].lower(), g["unit"].lower()
        edge = (g["edge"] or "").strip().lower()
        step = {"this": 0, "last": -1, "next": 1}[which]
        approximate = edge in ("early", "late", "the end of", "end of")
        if unit == "year":
            return DateSpan(start, end, str(published.year + step), approximate)
        if unit == "month":
            y, mo = shift_month(published.year, published.month, step)
            return DateSpan(start, end, f"{y:04d}-{mo:02d}", approximate)
        if unit == "week":
            if which == "last" and published.weekday() == 6:
                step = 0  # on a Sunday, last week is the Monday to Saturday just ended: this ISO week
            return DateSpan(start, end, _iso_week(published + dt.timedelta(weeks=step)), approximate)
        if which == "this" and tense(s, start, end) == "past":
            which = "the"  # "this weekend's rallies drew thousands", on a Monday: just past
        return DateSpan(start, end, _weekend(published, which))
    n = _count(g["n"])
    if n is None:
        return None
    unit = g["ago_unit"].lower()
    if unit in ("day", "week"):
        return DateSpan(start, end, (published - dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat())
    if unit == "month":
        y, mo = shift_month(published.year, published.month, -n)
        return DateSpan(start, end, f"{y:04d}-{mo:02d}")
    return DateSpan(start, end, str(published.year - n * (10 if unit == "decade" else 1)), unit == "decade")


def from_previous(previous: str | None, unit: str, step: int) -> str | None:
    """Return the date ``step`` units from ``previous`` (the date before it in the sentence,
    or publication), or None without one."""
    if not previous or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", previous):
        return None
    parts = [int(p) for p in previous.split("-")]
    if unit == "year-of":  # a month (and day) of the previous date's year: step is month * 100 + day
        month, day = divmod(step, 100)
        if not day:
            return f"{parts[0]:04d}-{month:02d}"
        try:
            return dt.date(parts[0], month, day).isoformat()
        except ValueError:
            return None
    if unit == "year":
        return str(parts[0] + step)
    if unit == "month":
        if len(parts) < 2:
            return None
        y, mo = shift_month(parts[0], parts[1], step)
        return f"{y:04d}-{mo:02d}"
    if len(parts) < 3:
        return None
    return (dt.date(*parts) + dt.timedelta(days=step * (7 if unit == "week" else 1))).isoformat()


def _capitalised_name(s: Sentence, start: int, end: int) -> bool:
    """Whether a capitalised day word inside the sentence is a name (*USA Today*, ABC's *This
    Week*, *The Tonight Show*); after an opening quotation mark it starts the quoted sentence,
    unless the quotation closes on it or goes on in capitals (*“This Week,”*). In a headline in
    capitals every word is capitalised, so the capital says nothing there."""
    if not _inside_sentence(s, start) or not _LOWER_WORD.search(s.text, s.lo, s.hi):
        return False
    if _OPENS_A_QUOTE.search(s.text, max(s.lo, start - 1), start):
        return bool(_QUOTED_NAME_ENDS.match(s.text, end, s.hi))
    return True


def _inside_sentence(s: Sentence, start: int) -> bool:
    """Whether ``start`` lies inside the sentence rather than at its start or a clause's."""
    head = s.text[s.lo:start].strip(" \t\n\"'“‘(")
    return bool(head) and not head.endswith((":", ";", "-", "—", "–", ".", "?", "!"))
