"""Claim matching: each new claim against the claims already checked, and the figures that disagree.

    >>> from factcheck.matching import compare_texts
    >>> compare_texts("Iran offered an $80M bounty.", "Iran offered a $3M bounty.")
    'different'
"""
from __future__ import annotations

from .figures import compare_figures, compare_texts, figures_of

__all__ = ["compare_figures", "compare_texts", "figures_of"]
