"""Numbers as written: figures (``1,400``, ``3.6``, ``.50``, ``7-1/2``, ``1/4``) and words
(``three``, ``twenty-five``, ``a dozen``), with a scale (``1.5 million``, ``15 mln``, ``£3.5m``).

Values are exact decimals turned into ``int`` when whole, so ``16.6 mln`` is 16600000, not
16600000.000000002.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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
_SCALE_NOUNS = "hundred|thousand|million|billion|trillion|dozen"
_JOIN = r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+|[\s-]+)"
_NUMERAL = re.compile(
    # figures: not glued to a word before (G-20, MI6, No.10, A340) nor inside 3/4 or 5-4
    r"(?<![\w.])(?<![A-Za-z]-)(?<!\d[-/])"
    r"(?:(?P<pure>\d{1,2}/\d{1,2})(?![\d/])"
    r"|(?P<fig>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
    r"(?:(?P<frac>-\d{1,2}/\d{1,2}|\s\d/\d{1,2})(?![\d/]))?"
    # words: "a" and "half a" only before a scale noun (a dozen, half a million)
    r"|(?P<words>(?:(?P<half>half\s+)?an?\s+(?=(?:" + _SCALE_NOUNS + r")\b))?"
    r"(?:" + _WORD_NUMBERS + r")(?:" + _JOIN + r"(?:" + _WORD_NUMBERS + r"))*)\b)"
    r"(?:\s*-?\s*(?P<scale>" + _SCALE_WORDS + r")\b|(?P<glued>bn|mn|m|b|k|tn)\b)?",
    re.I,
)
_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})")


def _decimal(figure: str) -> Decimal:
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


def find_numerals(text: str, lo: int, hi: int) -> list[Numeral]:
    """Return the numbers in ``text[lo:hi]`` in order."""
    out: list[Numeral] = []
    for m in _NUMERAL.finditer(text, lo, hi):
        value: Decimal | None
        if m.group("pure") is not None:
            figure = m.group("pure")
            num, den = (int(x) for x in figure.split("/"))
            if den not in (2, 3, 4, 8, 16, 32) or not 0 < num < den:
                continue  # 9/11, 3/4 of a date: not a fraction
            value = Decimal(num) / Decimal(den)
            words = False
        elif m.group("fig") is not None:
            figure = m.group("fig")
            try:
                value = _decimal(figure)
            except InvalidOperation:
                continue
            frac = m.group("frac")
            if frac:
                num, den = _FRACTION.search(frac).groups()
                if int(den) == 0 or int(num) >= int(den):
                    continue
                value += Decimal(num) / Decimal(den)
                figure += frac
            words = False
        else:
            figure = m.group("words")
            value = _word_value(figure[len(m.group("half") or ""):])
            if value is None:
                continue
            if m.group("half"):
                value /= 2
            words = True
        scale, glued = 1, False
        if m.group("scale"):
            scale = SCALES[m.group("scale").lower()]
        elif m.group("glued"):
            scale, glued = GLUED_SCALES[m.group("glued").lower()], True
        out.append(Numeral(m.start(), m.end(), _plain(value * scale), words, scale, glued, figure))
    return out
