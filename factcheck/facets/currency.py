"""Which currency an amount is in: a symbol before it (``$``, ``£``, ``C$``) or a word after
it (``dlrs``, ``Canadian dlrs``, ``stg``, ``Swiss francs``, ``cts``), as ISO 4217 codes.

Where the word names no country (*698 mln francs*), the country the document mentions nearest
before the amount decides, and the most usual one otherwise.
"""
from __future__ import annotations

import re

from .words import CURRENCY_BY_COUNTRY, CURRENCY_COUNTRIES, CURRENCY_SYMBOLS, CURRENCY_WORDS

_SYMBOL = re.compile(
    r"(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")\s?$")
_COUNTRIES = sorted({c for c, _ in CURRENCY_COUNTRIES}, key=len, reverse=True)
_WORDS = sorted((w for w in CURRENCY_WORDS if w != "p"), key=len, reverse=True)
#: a currency word after a country adjective: one in CURRENCY_COUNTRIES, or any other
#: capitalised one or two (*45 mln Dutch guilders*, *12 mln Irish punts*), which must not
#: turn the amount into a count of *dutch guilders*
_AFTER = re.compile(
    r"\s*-?\s*(?:(?P<country>" + "|".join(re.escape(c) for c in _COUNTRIES) + r")\s+"
    r"|(?P<other>(?-i:[A-Z][a-z.]+)\s+(?:(?-i:[A-Z][a-z.]+)\s+)?))?"
    r"(?P<word>" + "|".join(re.escape(w) for w in _WORDS) + r")(?![\w-])",
    re.I)
#: *won* is a currency only after a scale (*45 bln won*) or *Korean*: elsewhere a verb
_SCALE_BEFORE = re.compile(r"(?:mln|bln|bn|mn|million|billion|trillion)\s*$", re.I)
#: ``pounds`` of something is a weight
_WEIGHT_AFTER = re.compile(r"\s+(?:of|per|a)\b")
_ROOTS = (("dollar", "dollar"), ("dlr", "dollar"), ("franc", "franc"), ("crown", "crown"),
          ("krone", "krone"), ("kroner", "krone"), ("peso", "peso"), ("pound", "pound"),
          ("mark", "mark"), ("riyal", "riyal"), ("dinar", "dinar"), ("rupee", "rupee"),
          ("cts", "dollar"), ("cent", "dollar"))


def _root(word: str) -> str:
    """Return the root a currency word shares with its country adjectives (``dlrs`` -> dollar)."""
    for prefix, root in _ROOTS:
        if word.startswith(prefix):
            return root
    return word[:-1] if word.endswith("s") else word


def currency_before(text: str, lo: int, start: int) -> tuple[str, int] | None:
    """Return (code, start of the symbol) for a currency symbol just before ``start``."""
    m = _SYMBOL.search(text, max(lo, start - 6), start)
    if not m:
        return None
    symbol = m.group().strip()
    if symbol[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalnum():
        return None  # "...RUB 5" inside a word is no symbol
    return CURRENCY_SYMBOLS[symbol], m.start()


def _from_document(root: str, text: str, pos: int) -> str:
    """Return the code the document's countries suggest for ``francs``, ``crowns``, ``pesos``."""
    options = CURRENCY_BY_COUNTRY[root]
    lowered = text.lower()
    best, best_pos, counts = options[0][0], -1, {}
    for code, names in options:
        for name in names:
            at = lowered.rfind(name, 0, pos)
            if at > best_pos:
                best, best_pos = code, at
            counts[code] = counts.get(code, 0) + lowered.count(name)
    if best_pos >= 0:
        return best
    most = max(counts.items(), key=lambda kv: kv[1])
    return most[0] if most[1] else options[0][0]


def currency_after(text: str, pos: int, hi: int) -> tuple[str, int] | None:
    """Return (code, end) for a currency word just after ``pos``; cents and pence come back
    as ``USD.cents``/``GBP.pence`` so that the caller divides by 100."""
    m = _AFTER.match(text, pos, hi)
    if not m:
        return None
    word = m.group("word").lower()
    country = (m.group("country") or "").lower()
    if word in ("rand",) and m.group("word")[0].isupper():
        return None  # the Rand Corporation
    if word == "won" and not (country or _SCALE_BEFORE.search(text, max(0, pos - 10), pos)):
        return None  # "the seats they won"
    if word in ("pounds", "pound") and not country and _WEIGHT_AFTER.match(text, m.end()):
        return None
    if word == "mark" and not country and text[max(0, pos - 40):pos].rstrip().lower().rsplit(None, 2)[-2:-1] == ["the"]:
        return None  # "the 1,237 mark needed": a threshold, not Deutsche marks
    root = _root(word)
    code = CURRENCY_COUNTRIES.get((country, root)) if country else None
    if code is None:
        code = CURRENCY_WORDS[word]
        if code is None:
            code = _from_document(root, text, pos)
    elif word in ("cts", "cents", "cent"):
        code += ".cents"
    return code, m.end()
