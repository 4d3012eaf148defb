"""Whether two claims state the same figures: ``same``, ``different`` or ``none``.

Each claim's facets (:func:`factcheck.facets.extract_facets`) are put on a common footing: a
*dimension* says what a figure measures (US dollars, percent, percentage points, a count, a
length in metres, a date, ...) and its value is converted to that dimension's base unit, with
the precision it was written to (*$1.2 billion* is known to 0.1 billion; *about 2,000* to the
thousand; *2,134* to the unit). Two values agree when they are equal within the coarser of the
two precisions, so rounding is not a disagreement but a changed figure is.

Dimensions are compared only with themselves: a duration of 12 years says nothing about a
count of 12, and percentage points are not percent. For a dimension both claims state, the
claim with fewer values of it must have each matched by the other's: *rose from 5% to 7%* and
*rose to 7%* agree; *$80M* and *$3M* do not. One disagreeing dimension makes the pair
``different``; otherwise one agreeing dimension makes it ``same``; nothing shared is ``none``,
and neither is a shared date alone when both claims measure something else, each its own thing.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..facets import extract_facets
from ..types import Facet

SAME, DIFFERENT, NONE = "same", "different", "none"

#: quantity units converted to one base unit per dimension (metres, kilograms, litres, square
#: metres, barrels, watts, percentage points); units not listed compare only with themselves
_UNITS = {
    "length": {"km": 1000, "kilometres": 1000, "kilometers": 1000, "kilometre": 1000, "kilometer": 1000,
               "miles": 1609.344, "mile": 1609.344, "metres": 1, "meters": 1, "metre": 1, "meter": 1,
               "feet": 0.3048, "foot": 0.3048, "inches": 0.0254, "inch": 0.0254, "yards": 0.9144},
    "mass": {"tonnes": 1000, "tonne": 1000, "metric tons": 1000, "tons": 1000, "ton": 1000,
             "short tons": 907.18474, "long tons": 1016.0469, "kilograms": 1, "kilogram": 1, "kg": 1,
             "kilos": 1, "grams": 0.001, "gram": 0.001, "lbs": 0.45359237, "lb": 0.45359237,
             "ounces": 0.028349523, "ounce": 0.028349523, "oz": 0.028349523},
    "area": {"square miles": 2589988.11, "square kilometres": 1e6, "square kilometers": 1e6,
             "square feet": 0.09290304, "square metres": 1, "square meters": 1, "acres": 4046.8564224,
             "acre": 4046.8564224, "hectares": 1e4, "hectare": 1e4},
    "volume": {"litres": 1, "liters": 1, "litre": 1, "liter": 1, "gallons": 3.785411784,
               "gallon": 3.785411784, "cubic metres": 1000, "cubic meters": 1000},
    "power": {"megawatts": 1e6, "megawatt": 1e6, "mw": 1e6, "gigawatts": 1e9, "gw": 1e9,
              "kilowatts": 1e3, "kw": 1e3},
    "points": {"points": 1, "point": 1, "basis points": 0.01, "basis point": 0.01},
}
_UNIT_DIMENSION = {unit: (dim, factor) for dim, table in _UNITS.items() for unit, factor in table.items()}
#: units of time in days, so that *18 months* and *a year and a half* meet
_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "weeks": 7,
         "fortnights": 14, "months": 30.4375, "years": 365.25, "decades": 3652.5, "centuries": 36525}
_NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_POINTS = re.compile(r"\bpoints?\b", re.I)


@dataclass(frozen=True, slots=True)
class Figure:
    """One facet on a common footing: what it measures, its value in that dimension's base
    unit (a date: its ISO text), and the half-width of the rounding it was written with."""

    dimension: str
    value: float | str
    tolerance: float
    text: str
    #: what a count counts, as one word (*teachers* -> ``teacher``; '' when the facet names nothing):
    #: *300 teachers* and *300 nurses* are two figures, though one number
    counted: str = ""


@dataclass(frozen=True, slots=True)
class FigureComparison:
    """The verdict on two claims' figures and the pairs that decided it: (the figure as one
    claim writes it, as the other does); a differing pair names the other's first figure of
    that dimension."""

    figures: str
    agreeing: tuple[tuple[str, str], ...] = ()
    differing: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        return {"figures": self.figures, "agreeing": [list(p) for p in self.agreeing],
                "differing": [list(p) for p in self.differing]}


def _precision(facet: Facet, value: float) -> float:
    """Return the step the figure was written to, in the facet's own units (before conversion)."""
    m = _NUMERAL.search(facet.text)
    if m is None:  # number words: *two million* is known to the million, *twelve* exactly
        return 10.0 ** math.floor(math.log10(abs(value))) if abs(value) >= 1000 else 1.0
    written = float(m.group(0).replace(",", ""))
    scale = abs(value) / written if written else 1.0
    scale = scale if scale > 1.5 else 1.0  # *$80M*: 80 written, 80,000,000 meant
    if m.group(1):
        return 10.0 ** -len(m.group(1)) * scale
    step = scale
    if facet.approximate and scale == 1.0:  # *about 2,000*: known to its last non-zero digit
        digits = m.group(0).replace(",", "")
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return step


def figure_of(facet: Facet) -> Figure | None:
    """Return the facet as a :class:`Figure`, or None when it has no value to compare."""
    value = facet.value
    if value is None or isinstance(value, bool):
        return None
    if facet.kind == "date":
        return Figure("date", str(value), 0.0, facet.text)
    if not isinstance(value, (int, float)):
        return None
    value = float(value)
    step = _precision(facet, value)
    kind, unit = facet.kind, (facet.unit or "").lower()
    factor = 1.0
    if kind == "percent":
        dimension = "points" if _POINTS.search(facet.text) else "percent"
    elif kind == "money":
        dimension = f"money:{unit or '?'}"
    elif kind == "duration" and unit in _DAYS:
        dimension, factor = "duration", _DAYS[unit]
    elif kind == "quantity" and unit in _UNIT_DIMENSION:
        dimension, factor = _UNIT_DIMENSION[unit]
    elif kind == "quantity":
        dimension = f"quantity:{unit}"
    elif kind == "count":
        return Figure("count", value, step / 2, facet.text, _counted(unit))
    else:
        dimension = f"{kind}:{unit}"
    return Figure(dimension, value * factor, step * factor / 2, facet.text)


def _counted(unit: str) -> str:
    """Return the head noun of a count's unit, singular: *political prisoners* -> ``prisoner``."""
    words = re.findall(r"[a-z]+", unit)
    if not words:
        return ""
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("ses", "xes", "ches", "shes")):
        return head[:-2]
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


#: a date right after a reporting verb dates the report, not what the claim measures: *the
#: company said on Monday*, *officials announced Tuesday*, *she told reporters on Friday*
_REPORTED_WHEN = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|stated|added|wrote|disclosed|told\s+(?:[A-Za-z]+\s+){0,2}?)"
    r"\s*(?:on\s+|late\s+|early\s+|last\s+)?(?P<when>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|today|yesterday|tonight|this\s+week|last\s+week)(?:\s+(?:morning|afternoon|evening|night))?)\b")


def reported_when(text: str) -> set[str]:
    """Return the date phrases of ``text`` that date its report rather than its content."""
    return {m.group("when") for m in _REPORTED_WHEN.finditer(text or "")}


def figures_of(text: str, facets: Iterable[Facet] | None = None, *, published=None) -> tuple[Figure, ...]:
    """Return the comparable figures of a claim (its given facets, else those found in ``text``),
    leaving out a date that only says when it was reported (:func:`reported_when`)."""
    if facets is None:
        facets = extract_facets(text, published=published)
    when = reported_when(text)
    return tuple(f for f in map(figure_of, facets)
                 if f is not None and not (f.dimension == "date" and f.text in when))


def _dates_agree(a: str, b: str) -> bool:
    """*2019* and *2019-05-05* agree (one is the other, less precisely); *199X* is a decade."""
    n = min(len(a), len(b))
    return all(x == y or "X" in (x, y) for x, y in zip(a[:n], b[:n]))


def _agree(a: Figure, b: Figure) -> bool:
    if a.dimension == "date":
        return _dates_agree(str(a.value), str(b.value))
    if a.counted and b.counted and a.counted != b.counted:
        return False  # 300 teachers, 300 nurses: the same number of two things
    # a relative slack of 1e-9 absorbs the float error of unit conversion
    return abs(a.value - b.value) <= max(a.tolerance, b.tolerance) + 1e-9 * max(abs(a.value), abs(b.value))


def compare_figures(a: Sequence[Figure], b: Sequence[Figure]) -> FigureComparison:
    """Return whether two claims' figures agree (see the module docstring for the rule)."""
    agreeing: list[tuple[str, str]] = []
    differing: list[tuple[str, str]] = []
    shared: set[str] = set()
    for dimension in dict.fromkeys(f.dimension for f in a):
        left = [f for f in a if f.dimension == dimension]
        right = [f for f in b if f.dimension == dimension]
        if not right:
            continue
        shared.add(dimension)
        if len(left) <= len(right):
            for f in left:
                partner = next((g for g in right if _agree(f, g)), None)
                (agreeing if partner else differing).append((f.text, (partner or _like(f, right)).text))
        else:
            for g in right:
                partner = next((f for f in left if _agree(f, g)), None)
                (agreeing if partner else differing).append(((partner or _like(g, left)).text, g.text))
    if differing:
        verdict = DIFFERENT
    elif agreeing and not _only_when(shared, a, b):
        verdict = SAME
    else:
        verdict = NONE
    return FigureComparison(verdict, tuple(agreeing), tuple(differing))


def _like(f: Figure, others: Sequence[Figure]) -> Figure:
    """Return the figure of ``others`` to name beside ``f`` when none agrees: for a date one of
    the same precision (a day beside a day, not beside a quarter), else the first."""
    if f.dimension == "date":
        return next((g for g in others if len(str(g.value)) == len(str(f.value))), others[0])
    return others[0]


def _only_when(shared: set[str], a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    """Whether the claims share only dates while both measure something else, each its own
    thing (*3,200 potholes last year* and *revenue of $4.5 billion in 2023*): they share when,
    not what, and that is no figure in common."""
    return (shared == {"date"} and any(f.dimension != "date" for f in a)
            and any(f.dimension != "date" for f in b))


def compare_texts(a: str, b: str, *, published=None) -> str:
    """Return ``same``, ``different`` or ``none`` for the figures of two claim texts."""
    return compare_figures(figures_of(a, published=published), figures_of(b, published=published)).figures
