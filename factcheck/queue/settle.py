"""When a claim is settled, disputed or still open: the review rules of spec/CLI.md as pure
functions over a claim's current verdicts (no database here, so the rules are tested alone).

* A claim is **settled** when it has the queue's required number of verdicts and they agree on
  the rating, or when an editor has ruled on it. Ratings agree when they are the same, or when
  all have a value on the scale and lie within the queue's tolerance (``queue init
  --agree-within N``: *true* and *mostly-true* are 1 apart). ``not_a_claim`` verdicts that all
  say so settle the claim as not a claim; a mix of the two never agrees.
* Where ratings agree within the tolerance but differ, the agreed rating is their median,
  the lower (more cautious) one of the middle two: a newsroom publishes the milder praise.
* A claim is **disputed** when two or more verdicts differ on the rating (beyond the
  tolerance), on whether it is a claim, on the label or on the source (a verdict that corrects
  nothing keeps the model's label and source). A claim can be settled on its rating and still
  be disputed on its label or source: ClaimReview publishes the rating, and an editor may rule.
"""
from __future__ import annotations

from dataclasses import dataclass

REASONS = ("not_a_claim", "rating", "label", "source")


@dataclass(frozen=True, slots=True)
class Opinion:
    """One current verdict as the rules see it: the rating and its value on the scale, whether
    it says not a claim, and the label and source it leaves standing."""

    verdict_id: int
    reviewer_id: int
    rating: str | None
    value: int | None
    not_a_claim: bool
    label: str | None
    source: tuple | None


def ratings_agree(opinions: list[Opinion], tolerance: int = 0) -> bool:
    """Return whether the opinions agree on the rating (not-a-claim counting as one answer)."""
    if not opinions:
        return False
    if any(o.not_a_claim for o in opinions):
        return all(o.not_a_claim for o in opinions)
    if len({o.rating for o in opinions}) == 1:
        return True
    values = [o.value for o in opinions]
    if any(v is None for v in values):
        return False
    return max(values) - min(values) <= tolerance


def agreed(opinions: list[Opinion]) -> Opinion:
    """Return the opinion whose rating stands for agreeing opinions: the median by value, the
    lower of the middle two, the latest verdict among equal ratings."""
    ordered = sorted(opinions, key=lambda o: (o.value if o.value is not None else 0, -o.verdict_id))
    return ordered[(len(ordered) - 1) // 2]


def reasons(opinions: list[Opinion], tolerance: int = 0) -> list[str]:
    """Return why the opinions are disputed, in :data:`REASONS` order ([] when they are not)."""
    if len(opinions) < 2:
        return []
    out = []
    rated = [o for o in opinions if not o.not_a_claim]
    if rated and len(rated) < len(opinions):
        out.append("not_a_claim")
    if len(rated) >= 2 and not ratings_agree(rated, tolerance):
        out.append("rating")
    if len({o.label for o in rated}) > 1:
        out.append("label")
    if len({o.source for o in rated}) > 1:
        out.append("source")
    return out


def settlement(opinions: list[Opinion], ruling: dict | None, required: int, tolerance: int = 0) -> dict | None:
    """Return ``{"rating", "not_a_claim", "by", "verdict_id"}`` when the claim is settled, else None.
    ``ruling`` is the editor's current adjudication (with rating, not_a_claim and verdict_id)."""
    if ruling is not None:
        return {"rating": ruling["rating"], "not_a_claim": bool(ruling.get("not_a_claim")), "by": "ruling",
                "verdict_id": ruling["verdict_id"]}
    if len(opinions) < max(1, required) or not ratings_agree(opinions, tolerance):
        return None
    if all(o.not_a_claim for o in opinions):
        return {"rating": None, "not_a_claim": True, "by": "agreement",
                "verdict_id": max(o.verdict_id for o in opinions)}
    chosen = agreed(opinions)
    return {"rating": chosen.rating, "not_a_claim": False, "by": "agreement", "verdict_id": chosen.verdict_id}


def status(opinions: list[Opinion], ruling: dict | None, required: int, tolerance: int, leased: bool) -> str:
    """Return the item's status: resolved, disputed, reviewed, in_review or pending."""
    if ruling is not None:
        return "resolved"
    if reasons(opinions, tolerance):
        return "disputed"
    if opinions and len(opinions) >= required:
        return "reviewed"
    if opinions or leased:
        return "in_review"
    return "pending"
