"""The news head of the check-worthiness model: its features, its fit, persistence, the own
news data and how the shipped model treats hand-written news sentences."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from factcheck.checkworthy import NEWS_FEATURES, CheckworthyClassifier, fit_head, news_features
from factcheck.errors import ModelError

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "models" / "fast" / "checkworthy"


@pytest.mark.parametrize("text, feature", [
    ("The talks are likely to drag on.", "hedge"),
    ("The minister's apology rings hollow.", "evaluative"),
    ("Still, the ceasefire held, however briefly.", "connective"),
    ("The relationship remains the real issue.", "abstract"),
    ("This is where the trouble starts.", "deictic_start"),
    ('"We are tired," she said.', "quote"),
])
def test_news_features_fire(text, feature):
    row = dict(zip(NEWS_FEATURES, news_features([text])[0]))
    assert row[feature] > 0


def test_news_features_are_quiet_on_a_plain_fact():
    assert not news_features(["The bank raised its rate to 4.5 percent in May."]).any()


def test_fit_head_keeps_the_offset_where_no_feature_fires():
    rng = np.random.default_rng(0)
    F = np.zeros((200, 2))
    F[:100, 0] = 1.0  # the feature marks the negatives
    y = np.r_[np.zeros(100), np.ones(100)]
    offset = rng.normal(1.0, 0.1, 200)
    head = fit_head(F, offset, y, np.ones(200), l2=0.1)
    assert head[0] < -1.0
    assert head[1] == 0.0


@pytest.fixture(scope="module")
def tiny() -> CheckworthyClassifier:
    X = ["The state spent $4 million in 2014.", "I think we can do better.",
         "Congress cut 1,200 jobs last year.", "We need leaders who care."] * 5
    return CheckworthyClassifier(n_features=2 ** 10, max_iter=200).fit(X, [1, 0, 1, 0] * 5)


def test_head_round_trip_and_effect(tiny, tmp_path):
    text = ["This is likely the real issue, however."]
    before = tiny.decision_function(text)
    tiny.head_ = -np.ones(len(NEWS_FEATURES))
    try:
        after = tiny.decision_function(text)
        assert after[0] == pytest.approx(before[0] - news_features(text).sum())
        loaded = CheckworthyClassifier.load(tiny.save(tmp_path / "m"))
        assert np.array_equal(loaded.head_, tiny.head_)
        assert np.allclose(loaded.decision_function(text), after)
    finally:
        del tiny.head_


def test_refuses_a_head_with_other_features(tiny, tmp_path):
    tiny.head_ = np.zeros(len(NEWS_FEATURES))
    try:
        folder = tiny.save(tmp_path / "m")
    finally:
        del tiny.head_
    config = json.loads((folder / "config.json").read_text())
    config["head"]["features"] = ["something", "else"]
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="news-head"):
        CheckworthyClassifier.load(folder)


def test_fit_drops_a_stale_head(tiny):
    tiny.head_ = np.zeros(len(NEWS_FEATURES))
    tiny.fit(["a fact of 3 percent", "an opinion"] * 3, [1, 0] * 3)
    assert not hasattr(tiny, "head_")


def test_own_news_data_reads_and_is_labelled():
    from factcheck.datasets.checkworthy import read_news_own
    sets = read_news_own()
    own = sets["news-own"]
    assert len(own) >= 300
    assert sum(s.label == 0 for s in own) >= 200 and sum(s.label for s in own) >= 90
    assert len({s.text for s in own}) == len(own)
    assert len(sets["own-attribution"]) > 1000


# -- the shipped model on hand-written news sentences (not in news-own) ------------------------
@pytest.fixture(scope="module")
def shipped() -> CheckworthyClassifier:
    if not (SHIPPED / "config.json").exists():
        pytest.skip("models/fast/checkworthy is not built yet")
    return CheckworthyClassifier.load(SHIPPED)


def test_shipped_model_has_a_news_head(shipped):
    assert getattr(shipped, "head_", None) is not None and (shipped.head_ < 0).any()


@pytest.mark.parametrize("text", [
    "The minister's reform is a timid answer to a real crisis.",
    "The alliance's position has been consistent and is unlikely to change.",
    "What this tells us about the state of the party is hard to say.",
    "There will be speeches and handshakes, but probably no agreement.",
    '"I feel the town has lost its way," said Carla Mendes, a 61-year-old florist.',
])
def test_shipped_model_scores_news_opinion_below_half(shipped, text):
    assert shipped.predict_proba([text])[0, 1] < 0.5


@pytest.mark.parametrize("text", [
    "The regional parliament approved the budget by 64 votes to 51 on Wednesday.",
    "Unemployment in the province rose to 8.2 percent in June, the statistics office said.",
    "The two presidents last met in Geneva in June 2021.",
    "The company closed its last coal mine in 2015.",
])
def test_shipped_model_scores_news_facts_above_half(shipped, text):
    assert shipped.predict_proba([text])[0, 1] >= 0.5


@pytest.mark.shared
def test_shipped_model_separates_the_seed_article(shipped):
    from factcheck.checkworthy import binary_scores
    from factcheck.datasets.checkworthy import data_dir, read_news_checkable
    if not (data_dir() / "seed" / "gold.jsonl").exists():
        pytest.skip("../shared/data is not here")
    X, y = read_news_checkable(name="seed")
    got = binary_scores(y, shipped.predict_proba(X)[:, 1])
    everything = 2 * (sum(y) / len(y)) / (1 + sum(y) / len(y))  # F1 of "all checkable"
    assert got["f1"] > everything + 0.1
    assert got["precision"] > 0.55
