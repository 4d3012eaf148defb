"""The review rules of spec/CLI.md as a state machine: after every verdict, not-a-claim, ruling
or undo, "published (in the ClaimReview export) => settled" and "a reviewer never sees a peer's
verdict before their own" hold, checked against a small model of the rules kept by the test."""
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from factcheck.errors import QueueError
from factcheck.export import claim_reviews
from factcheck.queue import Queue
from factcheck.queue.settle import Opinion, agreed, ratings_agree, reasons
from test_queue_helpers import records

CLAIMS = [r["claim_id"] for r in records(2)]
REVIEWERS = ("ann", "bo", "cy")
EDITOR = "ed"
RATINGS = ("true", "mostly-true", "false")  # two within the tolerance, one far
VALUES = {"true": 5, "mostly-true": 4, "half-true": 3, "false": 1}
NAC = "not-a-claim"
WITHIN = 1


class ReviewRules(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.q = Queue(self.dir / "rules.queue")
        self.q.init(reviews_per_claim=2, agree_within=WITHIN)
        self.q.add_claims(records(2))
        for name in REVIEWERS:
            self.q.add_reviewer(name)
        self.q.add_reviewer(EDITOR, "editor")
        # (claim, who) -> stack of (verdict_id, answer); the top is what counts now
        self.stacks: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def teardown(self):
        self.q.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- the model of the rules --------------------------------------------------------------
    def current(self, claim_id: str, who=REVIEWERS) -> dict[str, tuple[int, str]]:
        return {w: s[-1] for (c, w), s in self.stacks.items() if c == claim_id and w in who and s}

    def answers_agree(self, answers: list[str]) -> bool:
        if NAC in answers:
            return set(answers) == {NAC}
        values = [VALUES[a] for a in answers]
        return max(values) - min(values) <= WITHIN

    def expected_settlement(self, claim_id: str) -> tuple[str, bool] | None:
        """Return (rating, not a claim) when the model says the claim is settled."""
        ruling = self.current(claim_id, (EDITOR,))
        if ruling:
            return ruling[EDITOR][1], False
        mine = sorted(self.current(claim_id).values())
        answers = [a for _, a in mine]
        if len(answers) < 2 or not self.answers_agree(answers):
            return None
        if answers[0] == NAC:
            return None, True
        # the median by value, the lower of the middle two; the latest verdict among equals
        ordered = sorted(mine, key=lambda va: (VALUES[va[1]], -va[0]))
        return ordered[(len(ordered) - 1) // 2][1], False

    def disputed(self, claim_id: str) -> bool:
        answers = [a for _, a in self.current(claim_id).values()]
        return len(answers) >= 2 and not self.answers_agree(answers)

    def push(self, claim_id, who, verdict):
        self.stacks.setdefault((claim_id, who), []).append((verdict["verdict_id"], verdict["rating"] or NAC))

    # -- steps ---------------------------------------------------------------------------------
    @rule(reviewer=st.sampled_from(REVIEWERS), claim_id=st.sampled_from(CLAIMS), rating=st.sampled_from(RATINGS))
    def verdict(self, reviewer, claim_id, rating):
        self.push(claim_id, reviewer, self.q.record_verdict(claim_id, reviewer, rating))

    @rule(reviewer=st.sampled_from(REVIEWERS), claim_id=st.sampled_from(CLAIMS))
    def not_a_claim(self, reviewer, claim_id):
        self.push(claim_id, reviewer, self.q.record_verdict(claim_id, reviewer, not_a_claim=True))

    @rule(claim_id=st.sampled_from(CLAIMS), rating=st.sampled_from(RATINGS))
    def ruling(self, claim_id, rating):
        if self.disputed(claim_id) or self.current(claim_id, (EDITOR,)):
            self.push(claim_id, EDITOR, self.q.adjudicate(claim_id, EDITOR, rating))
        else:
            with pytest.raises(QueueError):
                self.q.adjudicate(claim_id, EDITOR, rating)

    @rule(who=st.sampled_from(REVIEWERS + (EDITOR,)))
    def undo(self, who):
        mine = [(stack[-1][0], key) for key, stack in self.stacks.items() if key[1] == who and stack]
        undone = self.q.undo_last(who)
        if not mine:
            assert undone is None
            return
        _, key = max(mine)
        assert undone["supersedes"] == self.stacks[key][-1][0]
        self.stacks[key].pop()

    @rule(reviewer=st.sampled_from(REVIEWERS))
    def lease(self, reviewer):
        got = self.q.next_claim(reviewer)
        if got is not None:
            claim_id = got["claim"]["claim_id"]
            assert claim_id not in {c for (c, w), s in self.stacks.items() if w == reviewer and s}
            assert all(v["reviewer"] == reviewer for v in got["verdicts"])  # the lease shows no peer's verdict
            self.q.release(claim_id, reviewer)

    # -- what must hold after every step ---------------------------------------------------------
    @invariant()
    def published_means_settled(self):
        settlements = {c["claim_id"]: s for c, s in self.q.settled_claims()}
        reviews = claim_reviews(self.q.verdict_rows(), settlements, self.q.scale, "Checks",
                                "https://checks.example.org")
        published = {r["url"].rsplit("/", 1)[-1]: r["reviewRating"]["alternateName"] for r in reviews}
        expected = {}
        for claim_id in CLAIMS:
            want = self.expected_settlement(claim_id)
            found = self.q.settled(claim_id)
            assert (found is not None) == (want is not None), (claim_id, found, want)
            if want is not None:
                assert (found["rating"], found["not_a_claim"]) == want
                if not want[1]:
                    expected[claim_id] = self.q.scale.get(want[0]).alternate_name
        assert published == expected
        for claim_id in published:
            assert self.q.settled(claim_id) is not None

    @invariant()
    def no_peer_verdict_before_ones_own(self):
        for claim_id in CLAIMS:
            everyone = {(v["reviewer"], v["verdict_id"]) for v in self.q.get_claim(claim_id, reviewer=EDITOR)["verdicts"]
                        if v["current"]}
            assert everyone == {(w, vid) for w, (vid, _) in self.current(claim_id, REVIEWERS + (EDITOR,)).items()}
            for reviewer in REVIEWERS:
                view = self.q.get_claim(claim_id, reviewer=reviewer)
                if reviewer in self.current(claim_id):
                    continue
                assert {v["reviewer"] for v in view["verdicts"]} <= {reviewer}, (claim_id, reviewer)
                assert "settled" not in view and view["status"] in ("pending", "in_review")
        for reviewer in REVIEWERS:
            assert "ratings_by_label" not in self.q.stats(viewer=reviewer)


ReviewRules.TestCase.settings = settings(max_examples=30, stateful_step_count=12, deadline=None,
                                         suppress_health_check=[HealthCheck.too_slow])
TestReviewRules = ReviewRules.TestCase


# -- the rules as pure functions --------------------------------------------------------------
def op(i, rating, value, nac=False, label="sourced", source=None):
    return Opinion(i, i, rating, value, nac, label, source)


@pytest.mark.parametrize("opinions, within, agree, why", [
    ([op(1, "true", 5), op(2, "true", 5)], 0, True, []),
    ([op(1, "true", 5), op(2, "mostly-true", 4)], 0, False, ["rating"]),
    ([op(1, "true", 5), op(2, "mostly-true", 4)], 1, True, []),
    ([op(1, "true", 5), op(2, "unverifiable", None)], 3, False, ["rating"]),
    ([op(1, None, None, True), op(2, None, None, True)], 0, True, []),
    ([op(1, None, None, True), op(2, "false", 1)], 0, False, ["not_a_claim"]),
    ([op(1, "false", 1, label="sourced"), op(2, "false", 1, label="unsourced")], 0, True, ["label"]),
    ([op(1, "false", 1, source=(0, 5)), op(2, "false", 1, source=None)], 0, True, ["source"]),
])
def test_agreement_and_dispute_reasons(opinions, within, agree, why):
    assert ratings_agree(opinions, within) is agree
    assert reasons(opinions, within) == why


def test_the_agreed_rating_is_the_cautious_median():
    assert agreed([op(1, "true", 5), op(2, "mostly-true", 4)]).rating == "mostly-true"
    assert agreed([op(1, "true", 5), op(2, "mostly-true", 4), op(3, "true", 5)]).rating == "true"
