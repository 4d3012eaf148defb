"""What an editor learns about the model from the reviewers' verdicts: read-only statistics over
a queue file's tables.

* :func:`label_confusion` — the model's label against the reviewers' label (the label a verdict
  leaves standing: the corrected one, else the model's), over current verdicts that rate a claim.
* :func:`not_a_claim_by_band` — how often reviewers say "not a claim", by check-worthiness band:
  a well-calibrated model gets few at the top.
* :func:`time_to_verdict` — hours from a claim being added to its first current verdict.
* :func:`backlog_by_day` — claims still waiting for their verdicts at the end of each day.

    from factcheck.queue.insights import insights
    report = insights(queue)            # every figure above in one dict
"""
from __future__ import annotations

import datetime as _dt
from statistics import median

BANDS = 5  # check-worthiness bands of 0.2
_CURRENT_RATED = ("FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
                  " WHERE c.kind = 'verdict'")


def label_confusion(conn) -> dict:
    """Return ``{"labels": [...], "rows": {model label: {reviewers' label: count}}, "agree": share}``
    over current rated verdicts (not-a-claim verdicts have no label to compare)."""
    rows: dict[str, dict[str, int]] = {}
    total = same = 0
    for model_label, label, n in conn.execute(
            "SELECT coalesce(v.model_label, 'none'), coalesce(v.label, v.model_label, 'none'), count(*) "
            + _CURRENT_RATED + " AND v.not_a_claim = 0 GROUP BY 1, 2"):
        rows.setdefault(model_label, {})[label] = n
        total += n
        same += n if model_label == label else 0
    labels = sorted({*rows, *(lab for row in rows.values() for lab in row)})
    return {"labels": labels, "rows": rows, "verdicts": total, "agree": round(same / total, 4) if total else None}


def not_a_claim_by_band(conn, bands: int = BANDS) -> list[dict]:
    """Return, for each check-worthiness band, ``{"band": "0.8-1.0", "verdicts", "not_a_claim", "rate"}``
    over current verdicts (bands with no verdict included, rate None)."""
    counts = [[0, 0] for _ in range(bands)]
    for band, n, nac in conn.execute(
            f"SELECT min(CAST(i.checkworthiness * {bands} AS INTEGER), {bands - 1}), count(*), sum(v.not_a_claim) "
            + _CURRENT_RATED.replace("WHERE", "JOIN items i ON i.claim_id = c.claim_id WHERE") + " GROUP BY 1"):
        band = max(0, int(band or 0))
        counts[band][0] += n
        counts[band][1] += nac or 0
    out = []
    for b, (n, nac) in enumerate(counts):
        out.append({"band": f"{b / bands:.1f}-{(b + 1) / bands:.1f}", "verdicts": n, "not_a_claim": nac,
                    "rate": round(nac / n, 4) if n else None})
    return out


def _time(text: str | None) -> _dt.datetime | None:
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def time_to_verdict(conn) -> dict:
    """Return hours from a claim being added to its first current verdict: ``{"claims", "median_hours",
    "p90_hours", "buckets": [(label, count)]}`` (None figures when no claim has a verdict)."""
    hours = []
    for added, first in conn.execute(
            "SELECT i.added_at, min(v.created_at) " + _CURRENT_RATED.replace(
                "WHERE", "JOIN items i ON i.claim_id = c.claim_id WHERE") + " GROUP BY c.claim_id"):
        a, f = _time(added), _time(first)
        if a is not None and f is not None:
            hours.append(max((f - a).total_seconds() / 3600.0, 0.0))
    edges = [(1, "< 1 h"), (24, "1 h – 1 day"), (24 * 7, "1 day – 1 week"), (float("inf"), "> 1 week")]
    buckets = {label: 0 for _, label in edges}
    for h in hours:
        buckets[next(label for edge, label in edges if h < edge)] += 1
    hours.sort()
    return {"claims": len(hours), "median_hours": round(median(hours), 2) if hours else None,
            "p90_hours": round(hours[min(len(hours) - 1, int(0.9 * len(hours)))], 2) if hours else None,
            "buckets": list(buckets.items())}


def backlog_by_day(conn, max_days: int = 400) -> list[tuple[str, int]]:
    """Return ``(day, claims waiting at the end of it)`` for every day from the first claim added
    to the last verdict: claims added so far less those done (reviewed, or resolved by a ruling)
    by then, dated by their latest current verdict."""
    added: dict[str, int] = dict(conn.execute("SELECT substr(added_at, 1, 10), count(*) FROM items GROUP BY 1"))
    done: dict[str, int] = dict(conn.execute(
        "SELECT day, count(*) FROM (SELECT substr(max(v.created_at), 1, 10) AS day FROM current_verdicts c"
        " JOIN verdicts v ON v.verdict_id = c.verdict_id JOIN items i ON i.claim_id = c.claim_id"
        " WHERE i.status IN ('reviewed', 'resolved') GROUP BY c.claim_id) GROUP BY day"))
    days = sorted({*added, *done})
    if not days:
        return []
    try:
        first, last = _dt.date.fromisoformat(days[0]), _dt.date.fromisoformat(days[-1])
    except ValueError:
        return []
    first = max(first, last - _dt.timedelta(days=max_days - 1))
    waiting = sum(n for d, n in added.items() if d < first.isoformat()) - sum(
        n for d, n in done.items() if d < first.isoformat())
    out = []
    day = first
    while day <= last:
        key = day.isoformat()
        waiting += added.get(key, 0) - done.get(key, 0)
        out.append((key, waiting))
        day += _dt.timedelta(days=1)
    return out


def insights(queue, *, model: bool = True) -> dict:
    """Return every figure of this module for ``queue`` in one read snapshot; without ``model``
    (blind review) the figures that show what the model said are left out."""
    conn = queue._conn()
    conn.execute("BEGIN")
    try:
        out = {"time_to_verdict": time_to_verdict(conn), "backlog_by_day": backlog_by_day(conn)}
        if model:
            out["label_confusion"] = label_confusion(conn)
            out["not_a_claim_by_band"] = not_a_claim_by_band(conn)
    finally:
        conn.execute("COMMIT")
    return out
