"""The fast check-worthiness model on news: no hand-built news head, no feature that sees
quotes or case, the own news data, and how the shipped model treats hand-written news sentences."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from factcheck.checkworthy import CheckworthyClassifier
from factcheck.errors import ModelError

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "models" / "fast" / "checkworthy"


@pytest.fixture(scope="module")
def tiny() -> CheckworthyClassifier:
    X = ["The state spent $4 million in 2014.", "I think we can do better.",
         "Congress cut 1,200 jobs last year.", "We need leaders who care."] * 5
    return CheckworthyClassifier(n_features=2 ** 10, max_iter=200).fit(X, [1, 0, 1, 0] * 5)


def test_a_model_with_the_old_news_head_is_refused(tiny, tmp_path):
    folder = tiny.save(tmp_path / "m")
    config = json.loads((folder / "config.json").read_text())
    config["head"] = {"features": ["quote"], "weights": [-3.0]}
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="news head"):
        CheckworthyClassifier.load(folder)


def test_no_feature_sees_quotes_or_case(tiny):
    from factcheck.checkworthy import CUE_FEATURES, cue_features
    plain = "The state spent $4 million in 2014."
    for wrapped in (f'"{plain}"', f"“{plain}”", plain.upper(), f'"{plain[:-1]}," he said.'):
        assert np.array_equal(cue_features([wrapped]), cue_features([plain]))
        assert tiny.decision_function([wrapped])[0] == pytest.approx(tiny.decision_function([plain])[0])
    assert not any("quote" in name or "capital" in name for name in CUE_FEATURES)


def test_own_news_data_reads_and_is_labelled():
    from factcheck.datasets.checkworthy import read_news_own
    sets = read_news_own()
    own = sets["news-own"]
    assert len(own) >= 290
    assert sum(s.label == 0 for s in own) >= 200 and sum(s.label for s in own) >= 80
    assert len({s.text for s in own}) == len(own)
    assert len(sets["own-attribution"]) > 1000


def test_polnear_samples_join_training_whole_by_article_and_never_from_the_sealed_set():
    from factcheck.checkworthy_cv import domain_of, group_of
    from factcheck.datasets.check import sealed_train_articles
    from factcheck.datasets.checkworthy import data_dir, read_polnear_samples
    if not (data_dir().parent / "data" / "attribution" / "polnear").is_dir():
        pytest.skip("../shared/data is not here")
    rows = read_polnear_samples()
    assert len(rows) > 1400
    share = sum(r.label for r in rows) / len(rows)
    assert 0.4 < share < 0.7  # real articles: about half of the sentences are checkable
    docs = {r.id.rsplit(":", 1)[0] for r in rows}
    assert len(docs) == 200 and not docs & sealed_train_articles()
    groups = {r.id.rsplit(":", 1)[0]: set() for r in rows}
    for i, r in enumerate(rows):
        groups[r.id.rsplit(":", 1)[0]].add(group_of("polnear-samples", r, i))
    assert all(len(g) == 1 for g in groups.values())  # an article is one group, whatever its rows
    assert domain_of("polnear-samples") == "news"
    assert all(r.text and r.source.startswith("own:polnear-dev-sample") for r in rows)


def test_polnear_samples_are_empty_without_the_shared_folder(tmp_path):
    from factcheck.datasets.checkworthy import read_polnear_samples
    assert read_polnear_samples(tmp_path) == []


# -- the shipped model on hand-written news sentences (not in news-own) ------------------------
@pytest.fixture(scope="module")
def shipped() -> CheckworthyClassifier:
    if not (SHIPPED / "config.json").exists():
        pytest.skip("models/fast/checkworthy is not built yet")
    return CheckworthyClassifier.load(SHIPPED)


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
@pytest.mark.xfail(strict=True, reason="issue 11: the seed floors were held by the hand-set news head, now removed; "
                   "reported in models/fast/checkworthy/MODEL_CARD.md, not tuned to")
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
