"""Claim matching: each new claim against the claims already checked, and the figures that disagree.

    >>> from factcheck.matching import compare_texts
    >>> compare_texts("Iran offered an $80M bounty.", "Iran offered a $3M bounty.")
    'different'
"""
from __future__ import annotations

from .conflicts import conflicts_in, find_conflicts
from .figures import compare_figures, compare_texts, figures_of
from .matcher import Matcher, match_claims
from .sources import CheckedClaim, read_all, read_claims

__all__ = ["CheckedClaim", "Matcher", "compare_figures", "compare_texts", "conflicts_in", "figures_of",
           "find_conflicts", "match_claims", "read_all", "read_claims"]
