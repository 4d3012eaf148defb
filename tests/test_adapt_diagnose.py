"""The measurements of why an adaptation curve stays flat (``scripts/bench_adapt.py --diagnose``)."""
from __future__ import annotations

import pytest

from factcheck.adapt.diagnose import cue_cap_ceiling, public_frontier
from factcheck.models import load_model
from factcheck.types import NewsroomExample, SentenceInput

PEOPLE = ["Councillor Mara Quill", "Mayor Ines Darrow", "Treasurer Abel Voss", "Senator Lena Okafor",
          "Alderman Rufus Penn", "Clerk Ida Moss"]


@pytest.fixture(scope="module")
def fast():
    return load_model("fast")


def _reported(verb: str, doc: str, k: int) -> NewsroomExample:
    text = f"{PEOPLE[k % len(PEOPLE)]} {verb} that the harbour fund grew by {10 + k} percent last year."
    return NewsroomExample(claim_id=f"{doc}-{verb}-{k}", doc_id=doc, input=SentenceInput.from_text(text, doc_id=doc),
                           checkworthy=1, primary="sourced", reviewers=("alice",), queue="q")


def test_cue_cap_ceiling_counts_the_labels_the_rules_found_no_cue_for(fast):
    """Reviewers call every sentence sourced; the rules know *said* but not *posited*, so the
    *posited* ones are the cue-less present labels, which the base gets wrong."""
    examples = [_reported("said", f"doc{d}", k) for d in range(6) for k in range(2)] + \
        [_reported("posited", f"doc{d}", k) for d in range(6) for k in range(2, 3)]
    out = cue_cap_ceiling(examples, fast.attribution)
    sourced = out["labels"]["sourced"]
    assert out["claims"] == 18 and out["documents"] == 6 and out["folds"] == 5
    assert sourced["cueless"] == 6 and sourced["cueless_present"] == 6
    assert out["agreement"]["base"] == pytest.approx(12 / 18, abs=1e-3)
    # the cap keeps the cue-less labels below 0.5, so the layer cannot fix them; here the
    # newsroom's evidence for them is plain (one verb in every document), and the layer's
    # out-of-fold scores without the cap lift all six, rightly
    assert out["agreement"]["layer"] == pytest.approx(12 / 18, abs=1e-3)
    assert sourced["lifted"] == sourced["lifted_rightly"] == 6
    assert out["agreement"]["layer_without_cue_cap"] == 1.0


@pytest.mark.shared
def test_public_frontier_goes_back_to_the_base_as_the_prior_strengthens(shared, fast):
    from factcheck.adapt.simulate import transcript_newsroom
    examples = transcript_newsroom(shared / "data")
    out = public_frontier(examples, fast.checkworthy, shared / "data", n=50, seeds=[0], factors=(1, 1e6))
    assert out["runs"] == 1 and [p["factor"] for p in out["points"]] == [1, 1e6]
    far = out["points"][1]
    # a prior a million times stronger is the base again: no gain, no fall on CT24 dev
    assert abs(far["gain"]) < 0.005 and abs(far["public_change"]) < 0.005 and far["runs_within_tolerance"] == 1
    assert out["best_gain_within_tolerance"] >= 0.0
