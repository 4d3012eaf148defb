"""Facet values as people read them: ``€75 million``, ``~5%``, ``312 new homes``, ``2019-08``.

Wherever a figure is shown (the extract table, the HTML report) it keeps its currency or unit:
a bare 75000000 hides whether it was euros, dollars or ships.
"""
from __future__ import annotations

from typing import Any

#: currencies written with a symbol in front; any other ISO code is written before the amount
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def scaled(value: float, spec: str) -> str | None:
    """Return a number of a million or more in scale words (``75 million``, ``1.2 billion``), its
    figure written with the format ``spec`` (``",.3f"``) less trailing zeros; None below a million."""
    for size, word in SCALES:
        if abs(value) >= size:
            return format(value / size, spec).rstrip("0").rstrip(".") + f" {word}"
    return None


def amount(value: float) -> str:
    """Return a number in words people use for large amounts: ``75 million``, ``3.5 billion``, ``12,400``."""
    big = scaled(value, ",.3f")
    if big is not None:
        return big
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def format_facet(facet: Any) -> str:
    """Return one facet (a Facet or its dict) as ``kind=value`` with its currency or unit kept."""
    get = facet.get if isinstance(facet, dict) else (lambda k: getattr(facet, k, None))
    kind, value, unit = get("kind"), get("value"), get("unit")
    approx = "~" if get("approximate") else ""
    if value is None:
        return f"{kind}=?"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{kind}={approx}{value}"
    if kind == "money":
        code = str(unit or "")
        text = f"{SYMBOLS[code]}{amount(value)}" if code in SYMBOLS else f"{code} {amount(value)}".strip()
    elif kind == "percent":
        text = f"{value:g}%"
    else:
        text = amount(value) + (f" {unit}" if unit else "")
    return f"{kind}={approx}{text}"


def format_facets(facets) -> str:
    """Return the facets of a claim as one readable line, ``; ``-separated."""
    return "; ".join(format_facet(f) for f in facets or () if isinstance(f, dict) or hasattr(f, "kind"))
