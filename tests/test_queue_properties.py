"""Property test: any sequence of add / next / verdict / undo / skip keeps the counts consistent
with a simple model of what the queue should hold."""
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from factcheck.queue import Queue
from test_queue_helpers import records, undo_and_check

POOL = records(8)
REVIEWERS = ("ann", "bo", "cy")
RATINGS = ("true", "false", "half-true")


class QueueMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.q = Queue(self.dir / "prop.queue")
        self.q.init(reviews_per_claim=2)
        for name in REVIEWERS:
            self.q.add_reviewer(name)
        self.added: set[str] = set()
        self.stacks: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (claim, reviewer) -> [(verdict_id, rating)]
        self.leases: dict[str, str] = {}  # reviewer -> claim they hold

    def teardown(self):
        self.q.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=4))
    def add(self, picks):
        batch = [POOL[i] for i in picks]
        result = self.q.add_claims(batch)
        new = {r["claim_id"] for r in batch} - self.added
        assert result.added == len(new) and result.added + result.duplicates == len(batch)
        self.added |= new

    @rule(reviewer=st.sampled_from(REVIEWERS))
    def next(self, reviewer):
        got = self.q.next_claim(reviewer)
        if got is None:
            return
        claim_id = got["claim"]["claim_id"]
        assert (claim_id, reviewer) not in self.stacks or not self.stacks[(claim_id, reviewer)]
        if reviewer in self.leases:
            assert self.leases[reviewer] == claim_id  # a held lease comes back
        else:
            # a new lease only goes to a claim that still needs a review
            others = sum(1 for who, c in self.leases.items() if c == claim_id)
            done = sum(1 for (c, _), s in self.stacks.items() if c == claim_id and s)
            assert others + done < 2
        self.leases[reviewer] = claim_id

    @rule(reviewer=st.sampled_from(REVIEWERS), rating=st.sampled_from(RATINGS), data=st.data())
    def verdict(self, reviewer, rating, data):
        if not self.added:
            return
        claim_id = data.draw(st.sampled_from(sorted(self.added)))
        v = self.q.record_verdict(claim_id, reviewer, rating)
        self.stacks.setdefault((claim_id, reviewer), []).append((v["verdict_id"], rating))
        if self.leases.get(reviewer) == claim_id:
            del self.leases[reviewer]

    @rule(reviewer=st.sampled_from(REVIEWERS))
    def undo(self, reviewer):
        undo_and_check(self.q, self.stacks, reviewer)

    @rule(reviewer=st.sampled_from(REVIEWERS))
    def skip(self, reviewer):
        if reviewer in self.leases:
            assert self.q.release(self.leases.pop(reviewer), reviewer)

    @invariant()
    def counts_agree(self):
        stats = self.q.stats()
        current = {k: s[-1][1] for k, s in self.stacks.items() if s}
        assert stats["claims"] == len(self.added) == sum(stats["by_status"].values())
        assert stats["verdicts"] == len(current) == len(list(self.q.verdict_rows()))
        assert stats["by_reviewer"] == {r: n for r in REVIEWERS
                                        if (n := sum(1 for (_, who) in current if who == r))}
        leased = set(self.leases.values())
        for claim_id in self.added:
            ratings = [rating for (c, _), rating in current.items() if c == claim_id]
            if len(set(ratings)) > 1:
                expected = "disputed"
            elif len(ratings) >= 2:
                expected = "reviewed"
            elif ratings or claim_id in leased:
                expected = "in_review"
            else:
                expected = "pending"
            assert self.q.get_claim(claim_id)["status"] == expected, claim_id


QueueMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=10, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
TestQueueProperties = QueueMachine.TestCase
