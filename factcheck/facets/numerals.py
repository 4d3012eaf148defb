"""Numbers as written: figures (``1,400``, ``3.6``, ``.50``, ``7-1/2``, ``1/4``) and words
(``three``, ``twenty-five``, ``a dozen``), with a scale (``1.5 million``, ``15 mln``, ``£3.5m``).

Values are exact decimals turned into ``int`` when whole, so ``16.6 mln`` is 16600000, not
16600000.000000002.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .scan import Sentence
from .words import GLUED_SCALES, NUMBER_NOUNS, SCALES, SMALL_NUMBERS


@dataclass(slots=True)
class Numeral:
    """A number in the text: where it is, its value, and how it was written."""

    start: int
    end: int
    value: int | float
    #: written in words (``three``), not figures
    words: bool
    #: the scale word's factor (``million`` 1000000), 1 without one
    scale: int
    #: the scale is glued to the figure (``3.5m``), which only a currency makes safe to read
    glued: bool
    #: the figure as written, without its scale
    figure: str


_WORD_NUMBERS = "|".join(sorted(list(SMALL_NUMBERS) + ["hundred", "thousand", "million",
                                                       "billion", "trillion", "dozen"],
                                key=len, reverse=True))
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
_SCALE_PART = r"(?:\s*-?\s*(?P<scale>" + _SCALE_WORDS + r")\b|(?P<glued>bn|mn|m|b|k|tn)\b)?"
#: figures open with a digit or a point, so ``re`` skips ahead fast; what may stand before
#: them (G-20, MI6, No.10, 3/4) is checked in code
_FIGURE = re.compile(
    r"(?P<pure>\d{1,2}/\d{1,2})(?![\d/])"
    r"|(?P<fig>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:(?P<frac>-\d{1,2}/\d{1,2}|\s\d/\d{1,2})(?![\d/]))?"
    r"(?P<andhalf>\s+and\s+a\s+half(?=\s+(?:" + _SCALE_WORDS + r")\b))?" + _SCALE_PART,
    re.I)
_JOIN = r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+|[\s-]+)"
_SCALE_NOUNS = "hundred|thousand|million|billion|trillion|dozen"
#: number words, tried only where the sentence has one; "a" and "half a" only before a
#: scale noun (a dozen, half a million)
_WORDS = re.compile(
    r"(?P<words>(?:(?P<half>half\s+)?an?\s+(?=(?:" + _SCALE_NOUNS + r")\b)|(?P<ahalf>an?\s+half[-\s]+)(?=dozen\b))?"
    r"(?:" + _WORD_NUMBERS + r")(?:" + _JOIN + r"(?:" + _WORD_NUMBERS + r"))*)\b"
    # "two and a half million": the half only before a scale
    r"(?P<andhalf>\s+and\s+a\s+half(?=\s+(?:" + _SCALE_WORDS + r")\b))?" + _SCALE_PART,
    re.I)
_NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(_SCALE_NOUNS.split("|"))
_A_BEFORE = re.compile(r"(?:half\s+)?an?\s+$|\ban?\s+half[-\s]+$", re.I)
_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})")


def _decimal(figure: str) -> Decimal:
    """Return a figure as an exact decimal, without its thousands commas."""
    return Decimal(figure.replace(",", ""))


def _word_value(words: str) -> Decimal | None:
    """Return the value of a number in words (``two hundred and fifty thousand``)."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an"):
            current = Decimal(1)
            continue
        if word == "and":
            continue
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in NUMBER_NOUNS:
            current = (current or 1) * NUMBER_NOUNS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = Decimal(0)
        else:
            return None
        seen = True
    return total + current if seen else None


def _plain(value: Decimal) -> int | float:
    """Return an int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


#: a figure standing alone (not part of a code such as 555-1234 or PA-28): a range may start at
#: it; with a dash after it, it is what stands before the range's end
RANGE_FIGURE = r"(?:^|(?<=[\s(\[$£€]))(\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
RANGE_START = re.compile(RANGE_FIGURE + "$")


def _glued_before(text: str, lo: int, start: int) -> bool:
    """Whether a figure is glued to what precedes it: G-20, MI6, No.10, PA-28-161, 3/4, 5-4."""
    if start <= lo:
        return False
    c = text[start - 1]
    if c.isalnum() or c == "." and text[start - 2:start - 1].isalnum():
        return True
    if c == "-" and RANGE_START.search(text, max(lo, start - 16), start - 1):
        return False  # the end of a range of figures: $5-10 billion, 20-30 workers
    return c in "-/" and start - 2 >= lo and text[start - 2].isalnum()


def _value(m: re.Match) -> tuple[Decimal, str, bool] | None:
    """Return (value, figure as written, written in words) of a figure or words match."""
    if m.re is _FIGURE and m.group("pure") is not None:
        figure = m.group("pure")
        num, den = (int(x) for x in figure.split("/"))
        if den not in (2, 3, 4, 8, 16, 32) or not 0 < num < den:
            return None  # 9/11, 3/4 of a date: not a fraction
        return Decimal(num) / Decimal(den), figure, False
    if m.re is _FIGURE:
        figure = m.group("fig")
        try:
            value = _decimal(figure)
        except InvalidOperation:
            return None
        frac = m.group("frac")
        if frac:
            num, den = _FRACTION.search(frac).groups()
            if int(den) == 0 or int(num) >= int(den):
                return None
            value += Decimal(num) / Decimal(den)
            figure += frac
        return value, figure, False
    figure = m.group("words")
    half = m.group("half") or m.group("ahalf")  # half a dozen, a half-dozen
    value = _word_value(figure[len(half or ""):])
    if value is None:
        return None
    return (value / 2 if half else value), figure, True


def _numeral(m: re.Match) -> Numeral | None:
    """Return the Numeral of a figure or words match, with its scale, or None if unreadable."""
    read = _value(m)
    if read is None:
        return None
    value, figure, words = read
    if m.group("andhalf"):
        value += Decimal("0.5")
    scale, glued = 1, False
    if words:
        # "nine billion" in words carries its scale inside: a range before it borrows it
        scale = SCALES.get(figure.lower().rsplit(None, 1)[-1].split("-")[-1], 1)
        value /= scale
    if m.group("scale"):
        scale = SCALES[m.group("scale").lower()]
    elif m.group("glued"):
        scale, glued = GLUED_SCALES[m.group("glued").lower()], True
    return Numeral(m.start(), m.end(), _plain(value * scale), words, scale, glued, figure)


def find_numerals(s: Sentence) -> list[Numeral]:
    """Return the numbers in the sentence in order, figures and words, none overlapping."""
    text, lo, hi = s.text, s.lo, s.hi
    found: list[Numeral] = []
    if s.has_digit:
        for m in _FIGURE.finditer(text, lo, hi):
            if _glued_before(text, lo, m.start()):
                continue
            n = _numeral(m)
            if n is not None:
                found.append(n)
    for word in s.words & _NUMBER_WORDS:
        for at in s.occurrences(word):
            a = _A_BEFORE.search(text, max(lo, at - 8), at)
            start = a.start() if a and word in _SCALE_NOUNS else at
            m = _WORDS.match(text, start, hi)
            n = _numeral(m) if m else None
            if n is not None:
                found.append(n)
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[Numeral] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue  # "five" inside "twenty-five", "hundred" inside "two hundred"
        out.append(n)
    return out
