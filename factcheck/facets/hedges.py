"""Whether a facet is hedged: *about 40%*, *more than $1 million*, *some estimates of ... $200 billion*."""
from __future__ import annotations

import re

from .words import HEDGES_BEFORE, HEDGES_EARLIER

_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in sorted(set(HEDGES_BEFORE), key=len, reverse=True))
    + r")\s+(?:of\s+)?(?:US\$|U\.S\.\s?\$|[A-Z]{0,2}\$|[£€¥])?\s*$",
    re.I,
)
_EARLIER = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES_EARLIER) + r")\b", re.I)
#: how far back a hedge word may stand: "nearly three" but not a clause away
_REACH = 24


def is_hedged(text: str, lo: int, start: int, *, earlier: bool = True) -> bool:
    """Return whether the facet starting at ``start`` is hedged by the words just before it,
    or (with ``earlier``) by an estimate named earlier in the sentence."""
    if _BEFORE.search(text, max(lo, start - _REACH), start):
        return True
    return earlier and bool(_EARLIER.search(text, lo, start))
