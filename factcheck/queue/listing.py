"""Pages of queue items by keyset: each page starts after (or ends before) a cursor, never at an
offset, so the 4,000th page costs what the first does.

Items are listed most check-worthy and contested first: ``priority DESC, claim_id``. A cursor is
the (priority, claim_id) of a page's last (or first) row, with the row's position for display,
packed as URL-safe text. Only reads; :func:`ensure_indexes` is the one write, and it only adds
the two indexes the walk needs (``CREATE INDEX IF NOT EXISTS``, safe to run twice).

    from factcheck.queue.listing import page
    first = page(queue, limit=50)
    second = page(queue, after=first["next"], limit=50)
"""
from __future__ import annotations

import base64
import json
import sqlite3

from ..errors import InputError, QueueError
from . import schema

COLUMNS = ("claim_id", "doc_id", "text", "start", "label", "checkworthiness", "status", "n_verdicts", "priority")
#: the walks in priority order, over every item and over one status
INDEXES = {
    "items_list_priority": "CREATE INDEX IF NOT EXISTS items_list_priority ON items(priority DESC, claim_id)",
    "items_list_status": "CREATE INDEX IF NOT EXISTS items_list_status ON items(status, priority DESC, claim_id)",
}


def ensure_indexes(queue) -> bool:
    """Add the listing indexes to the queue file if they are missing; return whether they exist
    now (False when the file cannot be written: listing still works, only slower)."""
    conn = queue._conn()
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    if set(INDEXES) <= have:
        return True
    try:
        with queue._write() as wconn:
            for sql in INDEXES.values():
                wconn.execute(sql)
    except (sqlite3.OperationalError, QueueError):  # a read-only file, or a writer holding it
        return False
    return True


def encode_cursor(priority: float, claim_id: str, position: int) -> str:
    """Return the cursor text of a row: its priority, its id and its position (0-based)."""
    raw = json.dumps([priority, claim_id, position], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[float, str, int]:
    """Return (priority, claim_id, position) of a cursor; InputError for anything else."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        priority, claim_id, position = json.loads(raw)
        if isinstance(priority, bool) or not isinstance(priority, (int, float)) or not isinstance(claim_id, str) \
                or isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise ValueError
    except (ValueError, TypeError, json.JSONDecodeError):
        raise InputError("the page cursor is not valid; start again from the first page") from None
    return float(priority), claim_id, position


def _where(status, label, min_score, max_score) -> tuple[list[str], list]:
    where, params = [], []
    if status is not None:
        if status not in schema.STATUSES:
            raise InputError(f"status {status!r} is not one of: {', '.join(schema.STATUSES)}")
        where.append("status = ?")
        params.append(status)
    if label is not None:
        where.append("label = ?")
        params.append(label)
    if min_score is not None:
        where.append("checkworthiness >= ?")
        params.append(float(min_score))
    if max_score is not None:
        where.append("checkworthiness <= ?")
        params.append(float(max_score))
    return where, params


def _select(conn, where: list[str], params: list, extra: str, extra_params: tuple, order: str, limit: int) -> list:
    clauses = " AND ".join(where + [extra]) if (where or extra) else ""
    sql = (f"SELECT {', '.join(COLUMNS)} FROM items" + (f" WHERE {clauses}" if clauses else "")
           + f" ORDER BY {order} LIMIT ?")
    return conn.execute(sql, (*params, *extra_params, int(limit))).fetchall()


def page(queue, *, status: str | None = None, label: str | None = None, min_score: float | None = None,
         max_score: float | None = None, limit: int = 50, after: str | None = None,
         before: str | None = None, offset: int | None = None) -> dict:
    """Return one page of items: ``{"items", "position", "next", "previous"}``.

    ``after`` gives the page after that cursor, ``before`` the page before it, neither the first
    page (or, for old links, the page at ``offset``, which costs more the deeper it is).
    ``position`` is the first row's position; ``next``/``previous`` are cursors or None at the
    ends. Each item has the fields of :data:`COLUMNS` but ``priority``.
    """
    if after and before:
        raise InputError("give either after or before, not both")
    conn = queue._conn()
    where, params = _where(status, label, min_score, max_score)
    limit = max(1, int(limit))
    fwd, back = "priority DESC, claim_id", "priority ASC, claim_id DESC"
    if after or before:
        p, c, pos = decode_cursor(after or before)
        if after:
            # ties on priority first, then the lower priorities: two range scans of one index
            rows = _select(conn, where, params, "priority = ? AND claim_id > ?", (p, c), "claim_id", limit + 1)
            if len(rows) <= limit:
                rows += _select(conn, where, params, "priority < ?", (p,), fwd, limit + 1 - len(rows))
            position = pos + 1
            has_more, rows = len(rows) > limit, rows[:limit]
            has_before = True
        else:
            rows = _select(conn, where, params, "priority = ? AND claim_id < ?", (p, c), "claim_id DESC", limit + 1)
            if len(rows) <= limit:
                rows += _select(conn, where, params, "priority > ?", (p,), back, limit + 1 - len(rows))
            has_before, rows = len(rows) > limit, rows[:limit][::-1]
            position = max(pos - len(rows), 0)
            if not has_before:
                position = 0
            has_more = True
    else:
        skip = max(0, int(offset or 0))
        rows = conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM items" + (f" WHERE {' AND '.join(where)}" if where else "")
            + f" ORDER BY {fwd} LIMIT ? OFFSET ?", (*params, limit + 1, skip)).fetchall()
        position, has_more, has_before = skip, len(rows) > limit, skip > 0
        rows = rows[:limit]
    items = [dict(zip(COLUMNS[:-1], row[:-1])) for row in rows]
    nxt = prev = None
    if rows and has_more:
        nxt = encode_cursor(rows[-1][-1], rows[-1][0], position + len(rows) - 1)
    if rows and has_before:
        prev = encode_cursor(rows[0][-1], rows[0][0], position)
    return {"items": items, "position": position, "next": nxt, "previous": prev}
