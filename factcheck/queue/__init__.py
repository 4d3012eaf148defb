"""The reviewer queue: a SQLite file of claims, reviewers, leases and appended verdicts.

    from factcheck.queue import Queue
    with Queue("newsroom.queue") as q:
        q.add_claims(records)
        claim = q.next_claim("alice")
        q.record_verdict(claim["claim"]["claim_id"], "alice", "mostly-true")
        q.settled(claim["claim"]["claim_id"])   # {"rating": "mostly-true", "by": "agreement", ...}
"""
from .scale import Rating, RatingScale
from .store import AddResult, Queue, Reviewer
from .validate import UNSET

__all__ = ["Queue", "RatingScale", "Rating", "Reviewer", "AddResult", "UNSET"]
