"""The queue as a memory: each claim meets the verdicts the queue has already settled.

The queue file holds an FTS5 table (``match_fts``, schema v4 in :mod:`factcheck.queue.schema`) of its settled claims, imported
fact-checks included. It is brought up to date when asked (only when verdicts were added since),
so ``queue add`` pays nothing. Asking for a claim's *checked before* takes the FTS5 BM25
candidates and ranks them with the fast tier's re-ranker and the figure comparison of
:class:`~factcheck.matching.matcher.Matcher`; a settled claim whose figures differ is shown,
marked, but its verdict does not stand for this claim.

Copies, the same words in other documents, are found through ``items.text`` (indexed in v4):
one review of a claim settles what its copies can reuse.
"""
from __future__ import annotations

import json
import sqlite3

from .sources import CheckedClaim, settled_verdict
from .text import content_words

#: settled claims ranked per claim
CANDIDATES = 20
#: most words of a claim an FTS5 query keeps
MAX_WORDS = 32


def _fts_query(text: str) -> str:
    return " OR ".join(f'"{w}"' for w in content_words(text)[:MAX_WORDS])


def refresh(queue) -> int:
    """Bring the index up to date with the verdicts added since the last refresh: only the
    claims those verdicts are on are looked at (settled now: indexed with the verdict that
    stands; no longer settled: removed). Return how many claims were (re)indexed."""
    conn = queue._conn()
    last = conn.execute("SELECT coalesce(max(verdict_id), 0) FROM verdicts").fetchone()[0]
    row = conn.execute("SELECT value FROM match_state WHERE key = 'verdict_id'").fetchone()
    mark = row[0] if row is not None else 0
    if mark >= last:
        return 0
    touched = [cid for (cid,) in conn.execute(
        "SELECT DISTINCT claim_id FROM verdicts WHERE verdict_id > ? AND verdict_id <= ?", (mark, last))]
    fresh = []
    for claim_id in touched:
        settlement = queue.settled(claim_id)
        if settlement is None or settlement.get("not_a_claim") or settlement.get("rating") is None:
            continue
        text = json.loads(conn.execute("SELECT record FROM items WHERE claim_id = ?", (claim_id,)).fetchone()[0],
                          strict=False).get("text")
        if text:
            fresh.append((text, claim_id, json.dumps(settled_verdict(queue, settlement), ensure_ascii=False)))
    with queue._write() as w:
        w.executemany("DELETE FROM match_fts WHERE claim_id = ?", [(c,) for c in touched])
        w.executemany("INSERT INTO match_fts (text, claim_id, verdict) VALUES (?, ?, ?)", fresh)
        w.execute("INSERT OR REPLACE INTO match_state (key, value) VALUES ('verdict_id', ?)", (last,))
    return len(fresh)


def checked_before(queue, claim_id: str, text: str, *, top: int = 3) -> list[dict]:
    """Return the settled claims that say what ``text`` says, best first: ``{"claim_id",
    "text", "score", "figures", "verdict"}`` (the verdict marked ``"stands": false`` when the
    figures differ). The claim itself is left out."""
    query = _fts_query(text)
    if not query:
        return []
    try:
        refresh(queue)
        rows = queue._conn().execute(
            "SELECT claim_id, text, verdict FROM match_fts WHERE match_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, CANDIDATES + 1)).fetchall()
    except sqlite3.OperationalError:  # a queue from before v4, opened read-only
        return []
    pool = [CheckedClaim(id=cid, text=t, verdict=json.loads(v)) for cid, t, v in rows if cid != claim_id]
    if not pool:
        return []
    from .matcher import Matcher  # numpy and scipy: only when there is something to rank

    texts = {c.id: c.text for c in pool}
    (result,) = Matcher(pool).match([CheckedClaim(id=claim_id, text=text)], top=top)
    return [{"claim_id": m["id"], "text": texts[m["id"]], "score": m["score"], "figures": m["figures"],
             "verdict": m["verdict"]} for m in result["matches"]]


def copies(queue, claim_id: str, text: str, doc_id: str) -> list[dict]:
    """Return the claims with exactly this text in other documents: ``{"claim_id", "doc_id", "status"}``."""
    return [{"claim_id": c, "doc_id": d, "status": s} for c, d, s in queue._conn().execute(
        "SELECT claim_id, doc_id, status FROM items WHERE text = ? AND claim_id != ? AND doc_id != ? "
        "ORDER BY doc_id LIMIT 50", (text, claim_id, doc_id))]


def reusable(match: dict) -> bool:
    """Return whether a reviewer may take over a checked-before verdict: its figures must not differ."""
    verdict = match.get("verdict") or {}
    return match.get("figures") != "different" and verdict.get("stands", True) and verdict.get("rating") is not None


def reuse(queue, claim_id: str, reviewer: str, match: dict, **extra) -> dict:
    """Record ``reviewer``'s verdict on ``claim_id`` taking over a checked-before match: its
    rating and evidence, with ``reuses`` naming the verdict taken over. Refused (QueueError)
    when the figures differ."""
    from ..errors import QueueError

    if not reusable(match):
        raise QueueError(f"the verdict on {match.get('claim_id')} is on other figures; it cannot settle {claim_id}")
    verdict = match["verdict"]
    note = extra.pop("note", None) or f"reuses the verdict on {match['claim_id']}"
    return queue.record_verdict(claim_id, reviewer, verdict["rating"], note=note,
                                evidence=extra.pop("evidence", None) or verdict.get("evidence") or (),
                                reuses=verdict["verdict_id"], **extra)


def panel_lines(checked: list[dict], copies_: list[dict]) -> list[str]:
    """Return the lines the review screens show for a claim's earlier checks and copies."""
    lines = []
    for i, m in enumerate(checked):
        v = m.get("verdict") or {}
        figures = {"same": "figures agree", "different": "FIGURES DIFFER: verdict does not stand",
                   "none": "no figures to compare"}[m["figures"]]
        evidence = f"; evidence {', '.join(v.get('evidence') or [])}" if v.get("evidence") else ""
        key = "  [r to reuse]" if i == 0 and reusable(m) else ""
        lines.append(f"Checked before: {v.get('rating')} — {m['text']} ({figures}{evidence}){key}")
    if copies_:
        lines.append(f"Same words in {len(copies_)} other document{'s' if len(copies_) != 1 else ''}: "
                     + ", ".join(c["doc_id"] for c in copies_[:5]))
    return lines


def review_panel(session) -> list[tuple[str, str]]:
    """The terminal review screen's panel (``ReviewSession.panels``): earlier checks and copies."""
    cur = session.current or {}
    lines = panel_lines(cur.get("checked_before") or [], cur.get("copies") or [])
    return [("class:meta", "\n" + "\n".join(lines) + "\n")] if lines else []
