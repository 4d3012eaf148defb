"""Claim matching: each new claim against the claims already checked, and the figures that disagree.

    >>> from factcheck.matching import compare_texts
    >>> compare_texts("Iran offered an $80M bounty.", "Iran offered a $3M bounty.")
    'different'

Names are imported on first use, so the queue can ask for what was checked before without
loading the matcher's numerical stack when there is nothing to match.
"""
from __future__ import annotations

import importlib

_NAMES = {
    "CheckedClaim": "sources", "read_all": "sources", "read_claims": "sources",
    "compare_figures": "figures", "compare_texts": "figures", "figures_of": "figures",
    "Matcher": "matcher", "match_claims": "matcher",
    "conflicts_in": "conflicts", "find_conflicts": "conflicts",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name not in _NAMES:
        raise AttributeError(f"module 'factcheck.matching' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
