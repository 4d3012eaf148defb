"""Whether a facet is hedged: *about 40%*, *more than $1 million*, *some estimates of ... $200 billion*."""
from __future__ import annotations

import re

from .words import HEDGES_BEFORE, HEDGES_EARLIER

_HEDGES = frozenset(h.lower() for h in HEDGES_BEFORE)
#: a currency symbol between hedge and figure: "about $5", "some US$ 3"
_SYMBOL_TAIL = re.compile(r"(?:us|u\.s\.|[a-z]{1,2})?\s?[$£€¥]$")
_EARLIER = re.compile("|".join("[" + h[0].upper() + h[0] + "]" + re.escape(h[1:]) for h in HEDGES_EARLIER))
#: how far back a hedge word may stand: "not more than 5" but not a clause away
_REACH = 24
#: an estimate named earlier hedges the figures of its clause, not of a whole page
_ESTIMATE_REACH = 200
_OPENERS = "([{\"'“‘"


def is_hedged(text: str, lo: int, start: int, *, earlier: bool = True) -> bool:
    """Return whether the facet starting at ``start`` is hedged by the words just before it,
    or (with ``earlier``) by an estimate named earlier in the sentence."""
    tail = text[max(lo, start - _REACH):start].lower().rstrip()
    if tail[-1:] in ("$", "£", "€", "¥"):
        tail = _SYMBOL_TAIL.sub("", tail).rstrip()
    words = tail.split()
    if start - _REACH > lo and words and tail[:1] == words[0][:1] and not text[start - _REACH - 1].isspace():
        words = words[1:]  # the window cut the first word
    words = words[-3:]
    for k in range(1, len(words) + 1):
        phrase = " ".join(words[-k:]).lstrip(_OPENERS)
        if phrase in _HEDGES or (phrase.endswith(" of") and phrase[:-3] in _HEDGES):
            return True
    return earlier and bool(_EARLIER.search(text, max(lo, start - _ESTIMATE_REACH), start))
