"""Ranking rules, the re-ranker's file format, conflicts for the report, and number awareness."""
from __future__ import annotations

import json

import numpy as np
import pytest

from factcheck.errors import ModelError, NotFittedError
from factcheck.matching import CheckedClaim, Matcher, conflicts_in
from factcheck.matching.conflicts import conflicts_html
from factcheck.matching.rerank import Reranker


def _claims(*texts, doc=None):
    return [CheckedClaim(id=f"c{i}", text=t, doc_id=doc) for i, t in enumerate(texts)]


def test_a_different_figure_never_ranks_above_a_same_one_of_similar_wording():
    pool = _claims("The factory laid off 300 workers in the spring.",
                   "The factory laid off 1,200 workers in the spring.",
                   "The factory laid off about 300 staff this spring.")
    query = [CheckedClaim(id="q", text="The factory laid off 1,200 workers in the spring, the union said.")]
    (result,) = Matcher(pool).match(query, top=3)
    figs = [(m["id"], m["figures"]) for m in result["matches"]]
    assert figs[0] == ("c1", "same")
    assert {f for _, f in figs[1:]} == {"different"}


def test_reranker_round_trips_as_json_and_refuses_bad_files(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] + 0.3 * rng.normal(size=200) > 0).astype(int)
    model = Reranker(features=("a", "b", "c")).fit(X, y)
    model.save(tmp_path / "m")
    again = Reranker.load(tmp_path / "m")
    assert np.allclose(again.predict_proba(X), model.predict_proba(X))
    assert not list((tmp_path / "m").glob("*.pkl"))
    with pytest.raises(NotFittedError):
        Reranker().decision_function(X)
    cfg = json.loads((tmp_path / "m/config.json").read_text())
    cfg["coef"] = cfg["coef"][:2]
    (tmp_path / "m/config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelError):
        Reranker.load(tmp_path / "m")
    (tmp_path / "m/weights.pkl").write_bytes(b"x")
    with pytest.raises(ModelError):
        Reranker.load(tmp_path / "m")


def test_conflicts_for_the_report_are_escaped():
    records = [{"claim_id": "a", "doc_id": "<b>paper</b>", "text": "The storm destroyed 85 homes on the island, the governor said."},
               {"claim_id": "b", "doc_id": "other", "text": "The storm destroyed 400 homes on the island, the governor said."},
               {"claim_id": "c", "doc_id": "other", "text": "Schools reopened after the storm."}]
    pairs = conflicts_in(records)
    assert [(p["a"], p["b"]) for p in pairs] == [("a", "b")]
    html = conflicts_html(pairs)
    assert "&lt;b&gt;paper&lt;/b&gt;" in html and "<b>paper" not in html and "85 homes / 400 homes" in html
    assert conflicts_html([]) == ""


def test_one_number_of_two_things_is_no_conflict_of_figures():
    """*14 homes* and *14 houses* are one figure (no conflict to show a desk), though a verdict on
    one does not stand for the other; *42* and *67* dead are a conflict."""
    records = [{"claim_id": "a", "doc_id": "paper-a", "text": "The storm damaged 14 homes on the island, the governor said."},
               {"claim_id": "b", "doc_id": "paper-b", "text": "The storm damaged 14 houses on the island, the governor said."},
               {"claim_id": "c", "doc_id": "paper-a", "text": "The flood on the island killed 42 people, the governor said."},
               {"claim_id": "d", "doc_id": "paper-b", "text": "The flood on the island killed 67 people, the governor said."}]
    assert [(p["a"], p["b"]) for p in conflicts_in(records)] == [("c", "d")]


def test_two_places_or_two_things_counted_are_no_conflict():
    """Claims worded alike about two valleys, two hospitals, or two things counted tell of two
    things; a conflict is one thing given two numbers."""
    records = [{"claim_id": "a", "doc_id": "p1", "text": "Flooding in the Marrow Valley killed 42 people, the office said."},
               {"claim_id": "b", "doc_id": "p2", "text": "Flooding in the Kerrin Valley killed 67 people, the office said."},
               {"claim_id": "c", "doc_id": "p1", "text": "The Harlow hospital treated 1,200 patients in March."},
               {"claim_id": "d", "doc_id": "p2", "text": "The Dorrin hospital treated 800 patients in March."},
               {"claim_id": "e", "doc_id": "p3", "text": "The council hired 300 teachers in 2022."},
               {"claim_id": "f", "doc_id": "p4", "text": "The council hired 3,000 nurses in 2021."},
               {"claim_id": "g", "doc_id": "p5", "text": "Flooding in the Marrow Valley killed 67 people, according to the Red Cross."}]
    assert [(p["a"], p["b"]) for p in conflicts_in(records)] == [("a", "g")]


def test_conflicts_keep_only_pairs_scoring_at_least_min_score():
    from factcheck.matching.conflicts import find_conflicts
    from factcheck.matching.matcher import Matcher
    claims = [CheckedClaim(id="c", text="The flood on the island killed 42 people, the governor said.", doc_id="a"),
              CheckedClaim(id="d", text="The flood on the island killed 67 people, the governor said.", doc_id="b")]
    matcher = Matcher(claims)
    assert len(list(find_conflicts(claims, matcher))) == 1
    best = max(m["score"] for r in matcher.match(claims, top=2) for m in r["matches"] if m["id"] != r["id"])
    assert best < 1.0
    assert list(find_conflicts(claims, matcher, min_score=best + 1e-9)) == []
    assert len(list(find_conflicts(claims, matcher, min_score=best))) == 1


@pytest.mark.shared
def test_number_awareness_on_a_slice_of_ct20(shared):
    from factcheck.matching.awareness import number_awareness
    from factcheck.matching.train import relevant_claims

    pool, claims = relevant_claims(shared / "data")
    result = number_awareness(claims, pool)
    assert result.claims >= 200
    assert result.rate >= 0.95, result.failures


def test_report_shows_conflicting_figures(tmp_path):
    from factcheck.report import build_report

    rows = [{"claim_id": "a", "doc_id": "paper-a", "text": "The storm destroyed 85 homes on the island, the governor said.",
             "checkworthiness": 0.9, "label": "sourced", "facets": []},
            {"claim_id": "b", "doc_id": "paper-b", "text": "The storm destroyed 400 homes on the island, the governor said.",
             "checkworthiness": 0.8, "label": "sourced", "facets": []}]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    html = build_report(claims=[str(path)])
    assert "Conflicting figures across documents" in html and "85 homes / 400 homes" in html


def test_a_claim_listed_twice_ranks_as_one_block_first_listed_first():
    # the same claim under two ids, once in double and once in single quotes, with another
    # claim between them in the file; the copy listed second must follow the first directly
    pool = [CheckedClaim(id="old", text='A mayor said the new bridge was "a waste of money."',
                         title="Did a Mayor Call the Bridge a Waste?"),
            CheckedClaim(id="other", text="The new bridge cost the city nothing, a mayor said."),
            CheckedClaim(id="copy", text="A mayor said the new bridge was 'a waste of money.'",
                         title="Did a Mayor Call the Bridge a Waste?")]
    matcher = Matcher(pool)
    assert matcher.copies == {0: (0, 2), 2: (0, 2)}
    query = [CheckedClaim(id="q", text="Our mayor just called the new bridge 'a waste of money'")]
    (result,) = matcher.match(query, top=3)
    ids = [m["id"] for m in result["matches"]]
    assert ids[:2] == ["old", "copy"]
    assert result["matches"][0]["score"] == result["matches"][1]["score"]


def test_shared_scores_lift_every_copy_to_the_best_of_its_group():
    from factcheck.matching.matcher import shared_scores

    copies = {3: (3, 7), 7: (3, 7)}
    out = shared_scores([7, 1, 3], np.array([0.2, 0.5, 0.9]), copies)
    assert out.tolist() == [0.9, 0.5, 0.9]
    assert shared_scores([1, 2], np.array([0.1, 0.4]), {}).tolist() == [0.1, 0.4]


def test_min_score_leaves_out_low_scores_and_unrelated_claims_that_rank_first_among_few():
    """In a source of two claims an unrelated one sharing a word ranks first and, its features
    being relative to the candidates, can score above 0.5: ``min_score`` also asks for the
    wording of the same claim (the tier's same-claim floor)."""
    pool = [CheckedClaim(id="gov", text="The government has denied claims that it ignored warnings issued in early September."),
            CheckedClaim(id="ferry", text="The ferry carried 90 cars across the bay.")]
    queries = [CheckedClaim(id="q1", text="Insurers expect claims to top 400 million pesos by the end of the year."),
               CheckedClaim(id="q2", text="The government denied claims that it had ignored warnings in early September.")]
    matcher = Matcher(pool)
    every = list(matcher.match(queries, top=2))
    assert [len(r["matches"]) for r in every] == [2, 2]  # no filter: every candidate, ranked
    kept = list(matcher.match(queries, top=2, min_score=0.5))
    assert kept[0]["matches"] == []
    assert [m["id"] for m in kept[1]["matches"]] == ["gov"] and kept[1]["matches"][0]["score"] >= 0.5
    assert all(m["score"] >= 0.5 for r in kept for m in r["matches"])


def test_a_report_that_compares_only_some_claims_says_so(tmp_path):
    from factcheck.matching.conflicts import conflicts_section
    rows = [{"claim_id": f"x{n}", "doc_id": f"d{n}", "text": f"Item {n} of an unrelated list was filed."} for n in range(5)]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert "Only the first 3 of 5 claims" in conflicts_section([str(path)], limit=3)
    assert conflicts_section([str(path)], limit=10) == ""
