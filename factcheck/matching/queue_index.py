"""The queue as a memory: each claim meets the verdicts the queue has already settled.

The queue file holds an FTS5 table (``match_fts``, schema v4 in :mod:`factcheck.queue.schema`)
of its settled claims, and of the fact-checks ``queue import`` brought in (those stand alone even
where the queue wants more reviews; schema v5 marks them). It is brought up to date when asked
(only when verdicts were added since), so ``queue add`` pays nothing. Asking for a claim's
*checked before* takes the FTS5 BM25 candidates and ranks them with the fast tier's re-ranker
and the figure comparison of :class:`~factcheck.matching.matcher.Matcher`; a settled claim whose
figures differ is shown, marked, but its verdict does not stand for this claim.

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
#: the re-ranker's probability that two claims are the same claim, below which an earlier claim
#: is not shown as checked before (as ``match --min-score 0.5``): a verdict offered for reuse must
#: be on what the model takes for this claim, not on the best of a few unrelated ones
SAME_CLAIM = 0.5
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
        settlement = queue.settled(claim_id) or _imported(conn, claim_id)
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


def _imported(conn, claim_id: str) -> dict | None:
    """Return an imported fact-check that stands for a claim the queue has not settled (a queue
    wanting two reviews holds one imported verdict): the latest current one, unless the claim is
    disputed; None otherwise."""
    row = conn.execute(
        "SELECT v.verdict_id, v.rating FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
        " JOIN imported_verdicts m ON m.verdict_id = v.verdict_id JOIN items i ON i.claim_id = c.claim_id"
        " WHERE c.claim_id = ? AND c.kind = 'verdict' AND i.status != 'disputed' AND v.rating IS NOT NULL"
        " ORDER BY v.verdict_id DESC LIMIT 1", (claim_id,)).fetchone()
    return {"rating": row[1], "not_a_claim": False, "by": "import", "verdict_id": row[0]} if row else None


def checked_before(queue, claim_id: str, text: str, *, top: int = 3) -> list[dict]:
    """Return the settled claims that say what ``text`` says, best first: ``{"claim_id",
    "text", "doc_id", "title", "score", "figures", "differing", "reusable", "verdict"}`` (the
    verdict marked ``"stands": false`` when the figures differ; ``differing`` holds the
    [this claim's, the earlier claim's] figures that disagree, as written). The claim itself is
    left out, and so is a claim the re-ranker does not take for the same claim (:data:`SAME_CLAIM`)
    or whose words lie further from this one's than the fast tier's floor for the same claim
    (:meth:`Matcher.near_enough`)."""
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
    from .figures import compare_figures, figures_of
    from .matcher import Matcher  # numpy: only when there is something to rank

    texts = {c.id: c.text for c in pool}
    matcher = Matcher(pool)
    # min_score also keeps only matches worded as close as the same claim's wordings are
    (result,) = matcher.match([CheckedClaim(id=claim_id, text=text)], top=top, min_score=SAME_CLAIM)
    mine = None  # the claim's own figures: read only when a match's differ
    out = []
    for m in result["matches"]:
        doc_id, title = _article_of(queue, m["id"])
        differing = []
        if m["figures"] == "different":
            mine = figures_of(text) if mine is None else mine
            differing = [list(p) for p in compare_figures(mine, figures_of(texts[m["id"]])).differing]
        row = {"claim_id": m["id"], "text": texts[m["id"]], "doc_id": doc_id, "title": title, "score": m["score"],
               "figures": m["figures"], "verdict": m["verdict"], "differing": differing}
        row["reusable"] = reusable(row)
        out.append(row)
    return out


def _article_of(queue, claim_id: str) -> tuple[str | None, str | None]:
    """Return the claim's doc_id and its document's headline (None when the queue has no document)."""
    row = queue._conn().execute("SELECT i.doc_id, d.title FROM items i LEFT JOIN documents d ON d.doc_id = i.doc_id"
                                " WHERE i.claim_id = ?", (claim_id,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def first_reusable(matches: list[dict]) -> dict | None:
    """Return the best checked-before match whose verdict may be taken over (None if none may)."""
    return next((m for m in matches if reusable(m)), None)


def find(queue, claim_id: str, verdict_id: int) -> dict:
    """Return the checked-before match of ``claim_id`` whose verdict is ``verdict_id``, as the
    claim's page shows it: a reviewer reuses only what was checked before this claim
    (QueueError otherwise; NotFoundError for an unknown claim)."""
    from ..errors import QueueError

    text = _text_of(queue, claim_id)
    for m in checked_before(queue, claim_id, text):
        if (m.get("verdict") or {}).get("verdict_id") == verdict_id:
            return m
    raise QueueError(f"verdict {verdict_id} is not among the claims checked before {claim_id}; "
                     "reuse one the claim's page shows")


def _text_of(queue, claim_id: str) -> str:
    record_text = queue._claim_row(queue._conn(), claim_id)[0]
    return json.loads(record_text, strict=False).get("text") or ""


def copies(queue, claim_id: str, text: str, doc_id: str) -> list[dict]:
    """Return the claims with exactly this text in other documents and the same figures:
    ``{"claim_id", "doc_id", "status"}``. The same words can state another figure: *on Monday*
    in articles of different weeks is two dates, and a verdict on one does not settle the other."""
    conn = queue._conn()
    own = conn.execute("SELECT record FROM items WHERE claim_id = ?", (claim_id,)).fetchone()
    mine = _figures_of_record(own[0]) if own else None
    return [{"claim_id": c, "doc_id": d, "status": s} for c, d, s, record in conn.execute(
        "SELECT claim_id, doc_id, status, record FROM items WHERE text = ? AND claim_id != ? AND doc_id != ? "
        "ORDER BY doc_id LIMIT ?", (text, claim_id, doc_id, MAX_COPIES))
        if mine is None or _figures_of_record(record) == mine]


def _figures_of_record(record: str) -> list | None:
    """The (kind, value, unit) of a stored claim record's facets, in order, but for a date that only
    says when it was reported (None if unreadable)."""
    from .figures import reported_when

    try:
        claim = json.loads(record)
        facets = claim.get("facets") or []
        when = reported_when(claim.get("text") or "")  # *said on Monday* dates the report, not the claim
        return [(f.get("kind"), f.get("value"), f.get("unit")) for f in facets
                if isinstance(f, dict) and not (f.get("kind") == "date" and f.get("text") in when)]
    except (ValueError, AttributeError):
        return None


#: most copies one verdict settles (and the review screens list)
MAX_COPIES = 50


def copy_verdicts(queue, conn, claim_id: str, verdict_id: int, reviewer_id: int, role: str, checked) -> list[int]:
    """Give each copy of ``claim_id`` (its words in another document) the reviewer's verdict,
    inside the caller's write transaction, and return the new verdicts' ids. Each copy gets a
    verdict row of its own naming ``verdict_id`` in ``reuses``: the rating (or not a claim), the
    note and the evidence; the label, source and figure corrections are the original's own
    document offsets and stay with it. Skipped: copies the reviewer has already judged (their own
    verdict stands) and copies already settled, by an editor's ruling or by reviewers' agreement
    (one more verdict would un-settle an agreed claim and drop it from ClaimReview). The review
    rules then apply to each copy as to any claim (a queue wanting two reviews a claim still wants
    a second one)."""
    from dataclasses import replace

    text, doc_id = conn.execute("SELECT text, doc_id FROM items WHERE claim_id = ?", (claim_id,)).fetchone()
    made = []
    for c in copies(queue, claim_id, text, doc_id):
        if queue._settlement(conn, c["claim_id"]) is not None or conn.execute(
                "SELECT 1 FROM current_verdicts WHERE claim_id = ? AND reviewer_id = ? AND kind = 'verdict'",
                (c["claim_id"], reviewer_id)).fetchone():
            continue
        copy = replace(checked, label=None, source_corrected=False, source=None, facets=(), reuses=verdict_id)
        made.append(queue._append(conn, "verdict", c["claim_id"], reviewer_id, role, copy))
    return made


def copy_group(conn, verdict_id: int, reviewer_id: int) -> tuple[int, list[int]]:
    """Return ``(head, copies)`` for an undo of ``verdict_id``: when it is one of the verdicts
    :func:`copy_verdicts` gave a claim's copies, the verdict they were given with and the copies'
    verdicts that still count; else ``(verdict_id, [])``. Copies are told by what
    :func:`copy_verdicts` writes: rows right after the head, in its transaction, by the same
    reviewer, each reusing the head, on a claim with the head's words."""
    row = conn.execute("SELECT reuses FROM verdicts WHERE verdict_id = ?", (verdict_id,)).fetchone()
    head = row[0] if row else None
    if head is None or verdict_id - head > MAX_COPIES:  # copies follow their head at once, MAX_COPIES at most
        return verdict_id, []
    rows = conn.execute(
        "SELECT v.verdict_id, v.reviewer_id, v.reuses, i.text, EXISTS (SELECT 1 FROM current_verdicts c"
        " WHERE c.verdict_id = v.verdict_id) FROM verdicts v JOIN items i ON i.claim_id = v.claim_id"
        " WHERE v.verdict_id >= ? AND v.verdict_id <= ? ORDER BY v.verdict_id", (head, verdict_id)).fetchall()
    if not rows or rows[0][0] != head or rows[0][1] != reviewer_id or not rows[0][4]:
        return verdict_id, []
    text = rows[0][3]
    if any(who != reviewer_id or reuses != head or t != text for _, who, reuses, t, _ in rows[1:]):
        return verdict_id, []
    return head, [vid for vid, *_, current in rows[1:] if current]


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


def figures_phrase(match: dict) -> str:
    """Return how a match's figures compare, in words, with the differing values."""
    if match.get("figures") == "different":
        pairs = "; ".join(f"{a} here, {b} there" for a, b in match.get("differing") or ())
        return "FIGURES DIFFER" + (f" ({pairs})" if pairs else "") + ": the verdict does not stand for this claim"
    return {"same": "figures agree", "none": "no figures to compare"}.get(match.get("figures"), "")


def panel_lines(checked: list[dict], copies_: list[dict], *, apply_copies: bool = False) -> list[str]:
    """Return the lines the review screens show for a claim's earlier checks and copies."""
    lines = []
    best = first_reusable(checked)
    for m in checked:
        v = m.get("verdict") or {}
        where = m.get("title") or m.get("doc_id")
        evidence = f"; evidence {', '.join(v.get('evidence') or [])}" if v.get("evidence") else ""
        key = "  [r to reuse]" if m is best else ""
        lines.append(f"Checked before: {v.get('rating')} — {m['text']}" + (f" [{where}]" if where else "")
                     + f" ({figures_phrase(m)}{evidence}){key}")
    if copies_:
        n = len(copies_)
        lines.append(f"Also in {n} other article{'s' if n != 1 else ''}: " + ", ".join(c["doc_id"] for c in copies_[:5])
                     + ("; your verdict settles them too" if apply_copies else "  [c: apply your verdict to them too]"))
    return lines


def review_panel(session) -> list[tuple[str, str]]:
    """The terminal review screen's panel (``ReviewSession.panels``): earlier checks and copies."""
    cur = session.current or {}
    lines = panel_lines(cur.get("checked_before") or [], cur.get("copies") or [],
                        apply_copies=getattr(session, "copies", False))
    return [("class:meta", "\n" + "\n".join(lines) + "\n")] if lines else []
