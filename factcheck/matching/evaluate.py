"""Measuring claim matching: relevance judgements (qrels) and MAP@k as CheckThat! defines it."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from ..errors import InputError


def read_qrels(path: str | Path) -> dict[str, set[str]]:
    """Return query id -> ids of the relevant claims, from a TREC qrels file
    (``query 0 claim relevance`` per line; relevance 0 lines are left out)."""
    out: dict[str, set[str]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", path=str(path)) from None
    for n, line in enumerate(lines, 1):
        cells = line.split()
        if not cells:
            continue
        if len(cells) != 4:
            raise InputError("a qrels line has four fields: query 0 claim relevance", path=str(path), line=n)
        if cells[3] != "0":
            out.setdefault(cells[0], set()).add(cells[2])
    return out


def average_precision(ranked: Sequence[str], relevant: set[str], k: int = 5) -> float:
    """Return the average precision at ``k``: the mean, over relevant claims, of the precision
    at the rank each is found within the first ``k`` (0 for those not found), divided by
    min(k, number relevant) as the CheckThat! scorer does."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, cid in enumerate(ranked[:k], 1):
        if cid in relevant:
            hits += 1
            total += hits / i
    return total / min(k, len(relevant))


def mean_average_precision(rankings: Mapping[str, Sequence[str]], qrels: Mapping[str, set[str]], k: int = 5) -> float:
    """Return MAP@k over the queries of ``qrels`` (a query with no ranking scores 0)."""
    if not qrels:
        return 0.0
    return sum(average_precision(rankings.get(q, ()), rel, k) for q, rel in qrels.items()) / len(qrels)
