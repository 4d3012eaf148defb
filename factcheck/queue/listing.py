"""Pages of queue items by keyset: each page starts after (or ends before) a cursor, never at an
offset, so the 4,000th page costs what the first does.

Items are listed most check-worthy and contested first: ``priority DESC, claim_id``. A cursor is
the (priority, claim_id) of a page's last (or first) row, with the row's position for display,
packed as URL-safe text. Only reads: the two indexes the walks use come with the schema
(:data:`factcheck.queue.schema.LISTING_INDEXES`, migration v5).

    from factcheck.queue.listing import page
    first = page(queue, limit=50)
    second = page(queue, after=first["next"], limit=50)
"""
from __future__ import annotations

import base64
import json

from ..errors import InputError
from . import schema

COLUMNS = ("claim_id", "doc_id", "text", "start", "label", "checkworthiness", "status", "n_verdicts", "priority")
_COUNTS: dict[tuple, tuple[tuple, dict]] = {}


def counts(queue, *, label: str | None = None, min_score: float | None = None,
           max_score: float | None = None) -> dict[str, int]:
    """Return how many items of each status match the filters.

    Counting walks every matching index entry (~60 ms for 200,000 claims on a busy machine),
    so the answer is kept per connection until the file changes: SQLite's ``data_version``
    moves when another connection commits, ``total_changes`` when this one writes.
    """
    conn = queue._conn()
    where, params = _where(None, label, min_score, max_score)
    key = (str(queue.path), id(conn), tuple(where), tuple(params))
    version = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    hit = _COUNTS.get(key)
    if hit is not None and hit[0] == version:
        return dict(hit[1])
    out = {}
    for status in schema.STATUSES:  # one range of the (status, ...) index each: faster than GROUP BY
        sql = "SELECT count(*) FROM items WHERE " + " AND ".join(["status = ?", *where])
        out[status] = conn.execute(sql, (status, *params)).fetchone()[0]
    if len(_COUNTS) > 256:
        _COUNTS.clear()
    _COUNTS[key] = (version, out)
    return dict(out)


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
    """Return the filters as SQL conditions and parameters: the queue's own (``Queue.list_items``)."""
    from .store import Queue

    sql, params = Queue._filters(status, label, min_score, max_score)
    return ([sql.removeprefix(" WHERE ")] if sql else []), list(params)


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
