"""Facet values written for people, in one place for the terminal screen and the web page:
*$1.2 billion, approx.*, *€75 million*, *3.6%*, *236 political prisoners*, *August 2019*."""
from __future__ import annotations

import datetime as _dt
import math

from ..figures import SYMBOLS, scaled

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def format_number(value) -> str:
    """Return a number as people write it: ``1.2 billion``, ``75 million``, ``12,500``, ``3.6``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return str(value)
    big = scaled(value, ".2f")
    if big is not None:
        return big
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_date(value: str) -> str:
    """Return an ISO date at its precision for people: ``2019``, ``August 2019``, ``2 August 2019``,
    ``the 1990s`` for a decade ``199X``; anything else as it is."""
    text = str(value)
    if len(text) == 4 and text[:3].isdigit() and text[3] in "Xx":
        return f"the {text[:3]}0s"
    parts = text.split("-")
    try:
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 3:
            day = _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    except (ValueError, IndexError):
        pass
    return text


def format_value(kind: str | None, value, unit: str | None = None) -> str:
    """Return a facet value for people by its kind (money with its currency, percent with %,
    counts and quantities with their unit, dates by their precision)."""
    if value is None:
        return "not a figure"
    if kind == "date":
        return format_date(value)
    if isinstance(value, str):
        return value
    number = format_number(value)
    if kind == "percent":
        return f"{number}%"
    if kind == "money":
        code = (unit or "").upper()
        symbol = SYMBOLS.get(code)
        if symbol:
            return f"{'-' if value < 0 else ''}{symbol}{format_number(abs(value))}"
        return f"{number} {code}".strip()
    return f"{number} {unit}".strip() if unit else number


def format_facet(facet: dict) -> str:
    """Return one facet for people: its value by kind, ``approx.`` where hedged; a facet whose
    value was not resolved shows its text as written."""
    value = facet.get("value")
    if value is None and not facet.get("not_a_figure"):
        shown = str(facet.get("text") or "")
        return f"{shown} (unresolved)" if shown else "unresolved"
    out = format_value(facet.get("kind"), value, facet.get("unit"))
    return out + (", approx." if facet.get("approximate") else "")
