"""Asking for the right verdicts: the ``learn`` order of ``queue next``.

It mixes, turn about, the most check-worthy open claims (what the newsroom must check anyway)
with the claims whose verdict would teach the model most: those the model is least sure of
(check-worthiness near 0.5) and those least like anything reviewed so far (lowest cosine
similarity of hashed words to the reviewed claims), the two weighed equally. This is the
uncertainty-plus-diversity mix of active learning (Settles 2009, section 5).
"""
from __future__ import annotations

import numpy as np

from ..queue import schema
from .hashing import hashed_matrix

#: open claims looked at per list (by priority, by uncertainty), and reviewed claims compared with
POOL = 300
REVIEWED = 5000


def teaching_scores(texts: list[str], scores: list[float], reviewed: list[str]) -> np.ndarray:
    """Return, per candidate, the mean of its uncertainty (1 at 0.5, 0 at 0 or 1) and its
    novelty (1 minus its highest cosine similarity to a reviewed text; 1 with none reviewed)."""
    p = np.asarray(scores, dtype=float)
    uncertainty = 1.0 - np.abs(2.0 * p - 1.0)
    novelty = np.ones(len(texts))
    if reviewed and texts:
        sim = hashed_matrix(texts) @ hashed_matrix(reviewed).T
        novelty = 1.0 - np.asarray(sim.max(axis=1).todense()).ravel()
    return 0.5 * uncertainty + 0.5 * novelty


def learn_order(queue, limit: int = 50) -> list[str]:
    """Return up to ``limit`` open claim ids in the ``learn`` order (see the module docstring)."""
    conn = queue._conn()
    rows = {}
    for order in ("priority DESC", "margin, priority DESC"):
        for cid, text, cw in conn.execute(f"SELECT claim_id, text, checkworthiness FROM items WHERE {schema.OPEN}"
                                          f" ORDER BY {order}, claim_id LIMIT ?", (POOL,)):
            rows[cid] = (text or "", float(cw or 0.0))
    if not rows:
        return []
    reviewed = [t or "" for (t,) in conn.execute(
        "SELECT i.text FROM items i WHERE i.claim_id IN (SELECT claim_id FROM current_verdicts"
        " ORDER BY verdict_id DESC LIMIT ?)", (REVIEWED,))]
    ids = list(rows)
    teach = teaching_scores([rows[c][0] for c in ids], [rows[c][1] for c in ids], reviewed)
    by_priority = sorted(ids, key=lambda c: (-rows[c][1], c))
    by_teaching = [ids[i] for i in np.lexsort((ids, -teach))]
    out: list[str] = []
    for pair in zip(by_priority, by_teaching):
        for cid in pair:
            if cid not in out:
                out.append(cid)
        if len(out) >= limit:
            break
    return out[:limit]
