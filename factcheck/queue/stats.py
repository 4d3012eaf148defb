"""The queue's statistics (``queue stats``): counts by status, label and reviewer, agreement
between reviewers, verdicts per day, settled claims and not-a-claim verdicts, shown as the
viewer may see them (independent review, blind mode). Read-only over a queue's tables.
"""
from __future__ import annotations

import time

from . import agreement, schema


def queue_stats(queue, viewer: str | None = None) -> dict:
    """Return counts by status, label and reviewer, agreement, verdicts per day, settled
    claims, not-a-claim verdicts and ratings by the model's label.

    ``viewer`` is who asks (None: the queue's owner). Ratings by the model's label are left
    out in blind mode and for a viewer who is not an editor (they would tell of other
    reviewers' verdicts); in blind mode a reviewer gets no counts by the model's label either."""
    who = queue.reviewer(viewer) if viewer is not None else None
    editor = who is None or who.role == "editor"
    conn = queue._conn()
    conn.execute("BEGIN")  # one snapshot for every count
    try:
        by_status = {s: 0 for s in schema.STATUSES}
        by_label: dict[str, int] = {}
        # one walk of the (status, label) index gives both counts
        for status, label, n in conn.execute("SELECT status, label, count(*) FROM items GROUP BY status, label"):
            by_status[status] += n
            by_label[label or "unlabelled"] = by_label.get(label or "unlabelled", 0) + n
        stale = conn.execute("SELECT count(*) FROM items i WHERE status = 'in_review' AND n_verdicts = 0 AND"
                             " NOT EXISTS (SELECT 1 FROM leases l WHERE l.claim_id = i.claim_id"
                             " AND l.expires_at >= ?)", (time.time(),)).fetchone()[0]
        by_status["in_review"] -= stale
        by_status["pending"] += stale
        by_reviewer = dict(conn.execute(
            "SELECT r.name, count(*) FROM current_verdicts c JOIN reviewers r ON r.reviewer_id = c.reviewer_id"
            " GROUP BY r.name ORDER BY r.name"))
        per_day = dict(conn.execute(
            "SELECT substr(v.created_at, 1, 10), count(*) FROM current_verdicts c"
            " JOIN verdicts v ON v.verdict_id = c.verdict_id GROUP BY 1 ORDER BY 1"))
        ratings_by_label: dict = {}
        for model_label, rating, n in conn.execute(
                "SELECT v.model_label, CASE WHEN v.not_a_claim THEN 'not-a-claim' ELSE v.rating END, count(*)"
                " FROM current_verdicts c JOIN verdicts v"
                " ON v.verdict_id = c.verdict_id WHERE c.kind = 'verdict' GROUP BY 1, 2"):
            ratings_by_label.setdefault(model_label or "unlabelled", {})[rating] = n
        ratings: dict = {}
        labels: dict = {}
        for claim_id, reviewer_id, rating, label in conn.execute(
                "SELECT c.claim_id, c.reviewer_id, CASE WHEN v.not_a_claim THEN 'not-a-claim' ELSE v.rating END,"
                " coalesce(v.label, v.model_label)"
                " FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
                " WHERE c.kind = 'verdict' AND c.claim_id IN (SELECT claim_id FROM current_verdicts"
                " WHERE kind = 'verdict' GROUP BY claim_id HAVING count(*) >= 2)"):
            ratings.setdefault(claim_id, {})[reviewer_id] = rating
            labels.setdefault(claim_id, {})[reviewer_id] = label
        not_a_claim = conn.execute("SELECT count(*) FROM current_verdicts c JOIN verdicts v"
                                   " ON v.verdict_id = c.verdict_id WHERE c.kind = 'verdict'"
                                   " AND v.not_a_claim = 1").fetchone()[0]
        settled = settled_counts(queue, conn)
        # what `train --from-queue` learns from: current rated or not-a-claim verdicts (adapt.examples)
        learnable, learnable_claims = conn.execute(
            "SELECT count(*), count(DISTINCT c.claim_id) FROM current_verdicts c JOIN verdicts v"
            " ON v.verdict_id = c.verdict_id WHERE v.rating IS NOT NULL OR v.not_a_claim = 1").fetchone()
    finally:
        conn.execute("COMMIT")
    out = {
        "claims": sum(by_status.values()),
        "verdicts": sum(by_reviewer.values()),
        "by_status": by_status,
        "by_label": by_label,
        "by_reviewer": by_reviewer,
        "agreement": {"rating": rating_agreement(queue.scale, ratings), "label": agreement.agreement(labels)},
        "verdicts_per_day": per_day,
        "settled": settled,
        "not_a_claim": not_a_claim,
        "for_training": {"verdicts": learnable, "claims": learnable_claims},
        "agree_within": queue.agree_within,
        "blind": queue.blind,
    }
    if editor and not queue.blind:
        out["ratings_by_label"] = ratings_by_label
    if queue.blind and not editor:
        out["by_label"] = {}
    return out

def settled_counts(queue, conn) -> dict:
    """Return settled claims: in all, by agreement, by ruling, and settled as not a claim.
    A reviewed claim is settled by agreement and a resolved one by ruling (the status says
    so); only disputed claims, settled on the rating but disputed on label or source, are
    worked out one by one."""
    nac_agreed = ("NOT EXISTS (SELECT 1 FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
                  " WHERE c.claim_id = i.claim_id AND c.kind = 'verdict' AND v.not_a_claim = 0)")
    by_agreement, nac = conn.execute(
        f"SELECT count(*), coalesce(sum({nac_agreed}), 0) FROM items i WHERE status = 'reviewed'").fetchone()
    by_ruling, nac_ruled = conn.execute(
        "SELECT count(*), coalesce(sum(v.not_a_claim), 0) FROM current_verdicts c JOIN verdicts v"
        " ON v.verdict_id = c.verdict_id WHERE c.kind = 'adjudication'").fetchone()
    for (claim_id,) in conn.execute("SELECT claim_id FROM items WHERE status = 'disputed'").fetchall():
        found = queue._settlement(conn, claim_id)
        if found is not None:
            by_agreement += 1
            nac += found["not_a_claim"]
    return {"claims": by_agreement + by_ruling, "by_agreement": by_agreement, "by_ruling": by_ruling,
            "not_a_claim": nac + nac_ruled}

def rating_agreement(scale, ratings: dict) -> dict:
    """Return agreement on ratings: nominal alpha and kappa, and alpha with the ordinal metric
    over the scale's values (a rating without a value, such as unverifiable, counts as missing)."""
    out = agreement.agreement(ratings)
    values = {r.name: r.value for r in scale.ratings}
    ordinal = agreement.krippendorff_alpha(
        [[values.get(r) for r in answers.values()] for answers in ratings.values()], "ordinal")
    out["krippendorff_alpha_ordinal"] = None if ordinal is None else round(ordinal, 6)
    return out
