"""A date found in a sentence before it becomes a Facet, and the small calendar helpers the
date readers share."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WORD_BEFORE = re.compile(r"([\w.’'-]+)\s*$")


@dataclass(slots=True)
class DateSpan:
    """A date found in the text, before it becomes a Facet."""

    start: int
    end: int
    value: str | None
    approximate: bool = False
    #: for dates counted from the date before them (*a year earlier*): unit, step, and
    #: whether publication may stand in when the sentence names no date before
    anchored: tuple[str, int, bool] | None = None
    #: the year was not written but guessed from the publication date
    inferred: bool = False


def word_before(text: str, pos: int, lo: int) -> str:
    """Return the word just before ``pos``, lower case, without a final full stop."""
    m = _WORD_BEFORE.search(text, max(lo, pos - 30), pos)
    return m.group(1).lower().rstrip(".") if m else ""


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """Return (year, month) ``step`` months after the given one."""
    k = year * 12 + month - 1 + step
    return k // 12, k % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """Return the ``nth`` such weekday of the month (-1: the last), None if it has none (a fifth)."""
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth < 0:
        while (day + dt.timedelta(days=7)).month == month:
            day += dt.timedelta(days=7)
        return day
    day += dt.timedelta(days=7 * (nth - 1))
    return day if day.month == month else None
