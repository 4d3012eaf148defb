"""Choosing an attribution model by cross-validation grouped by article (selection.py)."""
from __future__ import annotations

import numpy as np
import pytest

from factcheck.attribution import AttributionClassifier
from factcheck.attribution.features import featurize, sparse_matrix
from factcheck.attribution.selection import (CANDIDATES, Pool, _fold_of_groups, build_pool, candidate_scores,
                                             gold_primary, grouped_cv, primary_figures)
from factcheck.types import SentenceInput

# (text, labels sourced/estimated/contested with -1 unknown, gold source, origin, group)
ROWS = [
    ("The mayor of Dunmore said the bridge would reopen in March.", (1, 0, 0), "The mayor of Dunmore", "own", "o1"),
    ("Sales rose 4 percent in the quarter.", (0, 0, 0), None, "own", "o2"),
    ("About 300 workers could lose their jobs, the union warned.", (1, 1, 0), "the union", "own", "o3"),
    ("The firm denied that it had hidden the losses.", (0, 0, 1), None, "own", "o4"),
    ("Prices may climb further next year.", (0, 1, 0), None, "own", "o5"),
    ("The council approved the budget on Monday.", (0, 0, 0), None, "own", "o6"),
    ("Officials rejected the claim that the dam was unsafe.", (1, 0, 1), "Officials", "own", "o7"),
    ("Roughly half the seats were empty.", (0, 1, 0), None, "own", "o8"),
    ("Governor Lena Ortiz told reporters the plan was funded.", (1, -1, -1), "Governor Lena Ortiz", "polnear", "a1"),
    ("The rally drew a large crowd in Dayton.", (0, -1, -1), None, "polnear", "a1"),
    ("The senator said the vote was delayed.", (1, -1, -1), "The senator", "polnear", "a2"),
    ("Voters lined up before dawn.", (0, -1, -1), None, "polnear", "a2"),
    ("Senator Hal Brooks said turnout might top 60 percent.", (1, -1, -1), "Senator Hal Brooks", "polnear", "a3"),
    ("The debate lasted two hours.", (0, -1, -1), None, "polnear", "a3"),
    ("He said the campaign had raised enough money.", (1, -1, -1), "he", "polnear", "a4"),
    ("The candidates met in Ohio.", (0, -1, -1), None, "polnear", "a4"),
]


def make_pool(rows=ROWS, repeat: int = 3) -> Pool:
    rows = [r for r in rows for _ in range(repeat)]
    inputs = [SentenceInput.from_text(t, doc_id=g) for t, *_, g in rows]
    analyses, dense, hashed = featurize(inputs, 16)
    return Pool(analyses, dense, hashed, np.array([r[1] for r in rows], dtype=np.int8), np.ones(len(rows)),
                np.array([r[3] for r in rows]), np.array([r[4] for r in rows]), [r[2] for r in rows], 10_000)


def test_gold_primary_takes_the_spec_precedence_and_polnear_unknowns_as_absent():
    pool = make_pool(repeat=1)
    assert [gold_primary(pool, i) for i in range(8)] == [
        "sourced", "unsourced", "estimated", "contested", "estimated", "unsourced", "contested", "estimated"]
    assert [gold_primary(pool, i) for i in range(8, 12)] == ["sourced", "unsourced", "sourced", "unsourced"]


def test_primary_figures_counts_errors_recall_and_source_hit():
    pool = make_pool(repeat=1)
    pol = [i for i in range(len(ROWS)) if pool.origin[i] == "polnear"]
    # right on all but: row 12 called estimated, row 13 called sourced, row 10 with a wrong source
    preds = {i: ("sourced", True, ROWS[i][2]) if pool.Y[i, 0] == 1 else ("unsourced", False, None) for i in pol}
    preds[12] = ("estimated", True, "Senator Hal Brooks")
    preds[13] = ("sourced", True, "The debate")
    preds[10] = ("sourced", True, "Dayton officials")
    f = primary_figures(pool, preds, "polnear")
    assert f["sentences"] == 8
    assert f["primary"] == round(6 / 8, 4)
    assert f["errors"] == {"sourced->estimated": 1, "unsourced->sourced": 1}
    assert f["sourced_recall"] == 1.0 and f["false_sourced"] == 0.25
    # the pronoun source of row 14 is not a gold source: hits are counted on rows 8, 10, 12
    assert f["source_hit"] == round(2 / 3, 4)
    assert f["estimated_or_contested"] == 0.125


def test_folds_keep_each_article_whole_and_are_balanced():
    groups = np.array([f"a{k % 23}" for k in range(200)])
    fold_of = _fold_of_groups(groups, 5, seed=0)
    assert set(fold_of) == set(groups)
    sizes = np.bincount(list(fold_of.values()), minlength=5)
    assert sizes.max() - sizes.min() <= 1
    assert _fold_of_groups(groups, 5, seed=0) == fold_of


def test_rules_candidate_takes_the_rules_decisions():
    pool = make_pool(repeat=1)
    rows = np.arange(len(ROWS))
    P = candidate_scores(pool, CANDIDATES["rules"], rows, rows)
    assert P.shape == (len(ROWS), 3)
    assert (P[:, 0] == [pool.analyses[i].fired("sourced") for i in rows]).all()
    assert P[0, 0] == 1.0 and P[1].sum() == 0.0 and P[3, 2] == 1.0


def test_grouped_cv_predicts_every_grouped_row_once_with_every_candidate():
    pool = make_pool()
    figures = grouped_cv(pool, {"rules": CANDIDATES["rules"], "linear": CANDIDATES["linear"]}, folds=2, seed=0)
    for name in ("rules", "linear"):
        assert figures[name]["polnear"]["sentences"] == 8 * 3
        assert figures[name]["own"]["sentences"] == 8 * 3
        assert 0.0 <= figures[name]["polnear"]["primary"] <= 1.0
    # the rules find the named sources of these plain sentences
    assert figures["rules"]["polnear"]["sourced_recall"] >= 0.75


def test_fit_matrix_equals_fit():
    pool = make_pool(repeat=2)
    own = np.flatnonzero(pool.origin == "own")
    X = [SentenceInput.from_text(r[0], doc_id="x") for r in ROWS[:8] for _ in range(2)]
    assert list(own) == list(range(16))
    a = AttributionClassifier(C=1.0, folds=2).fit(X, pool.Y[own])
    b = AttributionClassifier(C=1.0, folds=2).fit_matrix(sparse_matrix(pool.dense[own], [pool.hashed[i] for i in own],
                                                                       16, 0.3), pool.Y[own])
    np.testing.assert_allclose(a.coef_dense_, b.coef_dense_)
    np.testing.assert_allclose(a.platt_, b.platt_)
    with pytest.raises(ValueError):
        AttributionClassifier().fit_matrix(sparse_matrix(pool.dense[:3], pool.hashed[:3], 16), pool.Y[:4])


def test_build_pool_needs_polnear(tmp_path):
    with pytest.raises(FileNotFoundError):
        build_pool(tmp_path, None)
