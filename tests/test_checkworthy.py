"""The fast check-worthiness model: learning, the estimator contract, safe saving and loading."""
from __future__ import annotations

import json
import pickle
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checkworthy import CUE_FEATURES, CheckworthyClassifier, analyse, cue_features
from factcheck.errors import ModelError, NotFittedError, UnsafeModelError
from factcheck.types import SentenceInput

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "fast" / "checkworthy"

# Hand-written sentence parts; the templates make a checkable and an uncheckable kind.
_ACTORS = ["The city council", "The ministry", "Our state", "The company", "The agency", "Congress",
           "The governor", "The union", "The school board", "The federal government"]
_FIGURES = ["spent $4 million", "cut 1,200 jobs", "raised taxes by 3 percent", "built 45 schools",
            "lost 30% of its budget", "hired 700 nurses", "closed 12 clinics", "paid 2.5 billion dollars"]
_WHEN = ["in 2014", "last year", "since 1998", "between 2009 and 2012", "in March 2016", "in 2001"]
_OPINIONS = ["I think we can do much better than this", "We need leaders who care about people",
             "Let me tell you what I believe", "This is a wonderful country and I love it",
             "Thank you so much for having me tonight", "What are you going to do about it?",
             "I want to be honest with the American people", "We will fight for every family"]


def _toy(n: int, seed: int) -> tuple[list[str], list[int]]:
    rng = random.Random(seed)
    texts, labels = [], []
    for _ in range(n):
        if rng.random() < 0.4:
            texts.append(f"{rng.choice(_ACTORS)} {rng.choice(_FIGURES)} {rng.choice(_WHEN)}.")
            labels.append(1)
        else:
            texts.append(rng.choice(_OPINIONS) + rng.choice([".", "!", ", frankly.", ", believe me."]))
            labels.append(0)
    return texts, labels


@pytest.fixture(scope="module")
def toy_model() -> CheckworthyClassifier:
    X, y = _toy(200, seed=1)
    return CheckworthyClassifier(n_features=2 ** 14, max_iter=500).fit(X, y)


def test_init_only_stores_params():
    clf = CheckworthyClassifier(C=3.0, cue_weight=0.5)
    assert clf.get_params()["C"] == 3.0 and clf.get_params()["cue_weight"] == 0.5
    assert not hasattr(clf, "coef_")


def test_unfitted_raises():
    with pytest.raises(NotFittedError):
        CheckworthyClassifier().predict_proba(["The budget grew by 4% in 2019."])
    with pytest.raises(NotFittedError):
        CheckworthyClassifier().save("/nonexistent/never-written")


def test_learns_toy_data(toy_model):
    X, y = _toy(100, seed=2)
    proba = toy_model.predict_proba(X)
    assert proba.shape == (100, 2)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(toy_model.classes_) == [0, 1]
    accuracy = np.mean((proba[:, 1] >= 0.5) == np.array(y))
    assert accuracy > 0.9


def test_accepts_sentence_inputs_like_strings(toy_model):
    texts = ["The agency hired 300 nurses in 2012.", "I think we can do better, frankly."]
    inputs = [SentenceInput.from_text(t, prev_text="Something came before.") for t in texts]
    assert np.allclose(toy_model.predict_proba(texts), toy_model.predict_proba(inputs), atol=1e-6)


def test_empty_batch(toy_model):
    assert toy_model.predict_proba([]).shape == (0, 2)


def test_round_trip_identical(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    assert config["type"] == "checkworthy-linear"
    loaded = CheckworthyClassifier.load(tmp_path / "m")
    X, _ = _toy(50, seed=3)
    assert np.array_equal(toy_model.predict_proba(X), loaded.predict_proba(X))
    assert loaded.get_params() == toy_model.get_params()


def test_weights_load_without_pickle(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    with np.load(tmp_path / "m" / "weights.npz", allow_pickle=False) as npz:
        assert set(npz.files) == {"index", "value"}


def test_refuses_pickle(toy_model, tmp_path):
    d = tmp_path / "evil"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"type": "checkworthy-linear"}))
    (d / "model.pkl").write_bytes(pickle.dumps(toy_model))
    with pytest.raises(UnsafeModelError):
        CheckworthyClassifier.load(d)


def test_refuses_pickle_beside_real_files(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    (tmp_path / "m" / "extra.joblib").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(UnsafeModelError):
        CheckworthyClassifier.load(tmp_path / "m")


def test_refuses_other_model_types(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    config["type"] = "attribution-linear"
    (tmp_path / "m" / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError):
        CheckworthyClassifier.load(tmp_path / "m")


def test_refuses_weights_that_do_not_match(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    np.savez(tmp_path / "m" / "weights.npz", index=np.array([10 ** 9], dtype=np.int32),
             value=np.array([1.0], dtype=np.float32))
    with pytest.raises(ModelError):
        CheckworthyClassifier.load(tmp_path / "m")


def test_missing_directory_is_a_model_error(tmp_path):
    with pytest.raises(ModelError):
        CheckworthyClassifier.load(tmp_path / "absent")


def test_cue_features_see_figures_and_opinions():
    stat, opinion = cue_features(["Unemployment fell to 3.9% in May 2018.", "I think you are wrong?"])
    names = list(CUE_FEATURES)
    assert stat[names.index("digit")] == 1 and opinion[names.index("digit")] == 0
    assert stat[names.index("facet:percent")] == 1
    assert opinion[names.index("question")] == 1 and opinion[names.index("first_person")] > 0


def test_number_shapes_generalise():
    # Two different figures share their shape term, so a figure never seen in training counts.
    assert "0.0" in analyse("It rose 4.2% last year")
    assert set(analyse("We spent 1,250 dollars")) & set(analyse("We spent 9,999 dollars")) >= {"0,000"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=8))
def test_scores_are_probabilities_for_any_text(toy_model, texts):
    proba = toy_model.predict_proba(texts)
    assert proba.shape == (len(texts), 2)
    assert np.all((proba >= 0) & (proba <= 1))


def test_fit_rejects_one_class():
    with pytest.raises(ValueError):
        CheckworthyClassifier(n_features=2 ** 10).fit(["a b", "c d"], [1, 1])


# -- the shipped model -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped() -> CheckworthyClassifier:
    if not (SHIPPED / "config.json").exists():
        pytest.skip("models/fast/checkworthy is not built yet")
    return CheckworthyClassifier.load(SHIPPED)


@pytest.mark.parametrize("statistic, opinion", [
    ("The county's jobless rate climbed to 7.4 percent in October, the highest since 2011.",
     "I just feel that our town deserves so much better than this."),
    ("The state spent $38 million on the bridge project between 2015 and 2018.",
     "Thank you all for coming out tonight, it means a lot to me."),
    ("Exports to Canada fell by a third last year, to 12 billion dollars.",
     "Why would anyone believe a word he says?"),
])
def test_shipped_model_ranks_a_statistic_above_an_opinion(shipped, statistic, opinion):
    p_stat, p_opinion = shipped.predict_proba([statistic, opinion])[:, 1]
    assert p_stat > p_opinion
    assert p_stat >= 0.5 > p_opinion


def test_shipped_model_is_small():
    if not SHIPPED.exists():
        pytest.skip("models/fast/checkworthy is not built yet")
    assert sum(p.stat().st_size for p in SHIPPED.iterdir()) < 5_000_000


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 10)), min_size=2, max_size=60))
def test_binary_scores_match_scikit_learn(pairs):
    from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score

    from factcheck.checkworthy import binary_scores
    y = [a for a, _ in pairs]
    s = [b / 10 for _, b in pairs]
    got = binary_scores(y, s)
    pred = [v >= 0.5 for v in s]
    assert got["f1"] == pytest.approx(f1_score(y, pred, zero_division=0))
    assert got["precision"] == pytest.approx(precision_score(y, pred, zero_division=0))
    assert got["recall"] == pytest.approx(recall_score(y, pred, zero_division=0))
    if any(y):
        assert got["average_precision"] == pytest.approx(average_precision_score(y, s))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(-20, 20), st.booleans()), min_size=2, max_size=60))
def test_shared_cut_is_the_best_mean_f1_over_the_domains(rows):
    """The threshold both tiers ship (the fast tier's CV, the fine-tuned tier's held-out fold):
    its score is the mean F1 of the domains at that cut, and no cut among the decision values
    (within their 2nd to 98th percentile) does better."""
    from factcheck.checkworthy_cv import f1_at, shared_cut
    y = np.array([a for a, _, _ in rows])
    z = np.array([b / 4 for _, b, _ in rows])
    domains = np.array(["news" if c else "debates" for _, _, c in rows])

    def mean_f1(cut):
        return float(np.mean([f1_at(z[domains == d], y[domains == d], cut) for d in np.unique(domains)]))
    cut, score = shared_cut(z, y, domains)
    assert score == pytest.approx(mean_f1(cut))
    lo, hi = np.quantile(z, [0.02, 0.98])
    assert all(score >= mean_f1(c) - 1e-9 for c in set(z) if lo <= c <= hi)


@pytest.mark.shared
def test_learns_from_a_slice_of_ct24():
    from factcheck.checkworthy import binary_scores
    from factcheck.datasets.checkworthy import data_dir, read_ct24_split
    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    rows = read_ct24_split("train")
    train, held = rows[:3000], rows[-600:]
    clf = CheckworthyClassifier(n_features=2 ** 16, max_iter=500).fit([r.text for r in train],
                                                                      [r.label for r in train])
    y = [r.label for r in held]
    got = binary_scores(y, clf.predict_proba([r.text for r in held])[:, 1])
    base_rate = sum(y) / len(y)
    # chance gives AP = base rate and F1 <= 2b/(1+b); the model must clear both by a margin
    assert got["average_precision"] > base_rate + 0.3
    assert got["f1"] > 2 * base_rate / (1 + base_rate) + 0.1


@pytest.mark.shared
def test_shipped_model_beats_chance_on_ct24_dev_and_news_dev(shipped):
    from factcheck.checkworthy import evaluate_checkworthy
    from factcheck.datasets.checkworthy import data_dir
    if not (data_dir() / "news-dev" / "gold.jsonl").exists():
        pytest.skip("../shared/data is not here")
    got = evaluate_checkworthy(shipped)  # CT24 dev only: dev-test is read once, by the eval script
    assert "ct24/dev-test" not in got
    dev = got["ct24/dev"]
    assert dev["f1"] > 2 * dev["positives"] / (dev["n"] + dev["positives"]) + 0.3
    news = got["news-dev"]
    assert news["average_precision"] > news["positives"] / news["n"] + 0.05


def test_a_failing_facet_extractor_does_not_stop_scoring(toy_model, monkeypatch):
    import factcheck.checkworthy as cw

    def broken(*args, **kwargs):
        raise TypeError("a bug in the facet extractor")

    monkeypatch.setattr(cw, "_extract_facets", broken)
    feats = cw.cue_features(["Sales rose 8% in 2017."])[0]
    assert feats[list(CUE_FEATURES).index("facet:percent")] == 1
    assert toy_model.predict_proba(["Sales rose 8% in 2017."]).shape == (1, 2)


@pytest.mark.shared
@pytest.mark.slow
def test_the_shipped_model_is_rebuilt_from_its_recorded_choice(shipped):
    """The last step of `factcheck train` (the fit on every chosen training set, with the C and
    threshold that grouped cross-validation chose, as the config records them) gives the
    shipped model again. The cross-validation itself is tested on a small slice below.

    The weights are compared where they are the same fit: with the SciPy that built the model
    they agree to 1e-5. L-BFGS stops at a tolerance, and another SciPy release stops elsewhere
    on the flat directions of a million hashed features: SciPy 1.17 against the build before it
    moved single weights by up to 0.23, but the scores of 4,032 CT24 sentences by 0.004 on
    average (0.04 at most) and 0.4% of the decisions. So what must hold everywhere is the
    model's behaviour: scores within 0.01 on average and 1% of decisions."""
    from factcheck.checkworthy import fit_final
    from factcheck.checkworthy_cv import training_sets
    from factcheck.datasets.checkworthy import data_dir, read_ct24_split
    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    chosen = shipped.info_["chosen"]
    rebuilt = fit_final(training_sets(), chosen, seed=shipped.info_["seed"])
    assert rebuilt.shift == shipped.shift and rebuilt.C == shipped.C
    assert rebuilt.info_["trained_on"] == shipped.info_["trained_on"]
    texts = [r.text for r in read_ct24_split("dev")] + [r.text for r in read_ct24_split("train")[:3000]]
    a, b = shipped.predict_proba(texts)[:, 1], rebuilt.predict_proba(texts)[:, 1]
    assert np.mean(np.abs(a - b)) <= 0.01
    assert np.mean((a >= 0.5) != (b >= 0.5)) <= 0.01
    assert rebuilt.intercept_ == pytest.approx(shipped.intercept_, abs=0.1)
    same_fit = np.allclose(rebuilt.coef_, shipped.coef_, atol=1e-5)
    if same_fit:  # the same optimiser: the same weights, to the last digits
        assert rebuilt.intercept_ == pytest.approx(shipped.intercept_, abs=1e-5)


@pytest.mark.shared
def test_grouped_cross_validation_keeps_groups_whole_and_chooses_from_its_grid():
    from factcheck.checkworthy_cv import fold_of, pooled, select_settings, training_sets
    from factcheck.datasets.checkworthy import data_dir
    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    sets = {k: v[:400] for k, v in training_sets().items()}
    _, y, groups, names = pooled(sets, list(sets))
    folds = fold_of(groups, 3)
    for g in np.unique(groups):
        assert len(set(folds[groups == g])) == 1
    assert set(groups[names == "clef2019"]) .isdisjoint(set(groups[names == "ct24"]))
    got = select_settings(sets, grid={"C": (0.5, 2.0), "clef2019": (False,)}, folds=3)
    assert got["C"] in (0.5, 2.0) and got["clef2019"] is False and len(got["trials"]) == 2
    best = max(t["score"] for t in got["trials"])
    assert got["chosen"]["score"] == best and got["shift"] == -got["chosen"]["cut"]


# -- sentence vectors from a static word table ---------------------------------------------------
def _tiny_table(folder: Path):
    """Write a small static word table (random vectors over the toy sentences' words) to folder."""
    from factcheck.matching.static import load_table, write_table
    from factcheck.matching.text import words
    X, _ = _toy(200, seed=1)
    vocab = sorted({w for x in X for w in words(x.lower())})
    rng = np.random.default_rng(0)
    write_table(folder, vocab, rng.normal(size=(len(vocab), 16)), np.ones(len(vocab)))
    return load_table(folder)


@pytest.fixture(scope="module")
def vector_model(tmp_path_factory) -> tuple[CheckworthyClassifier, Path]:
    root = tmp_path_factory.mktemp("tier")
    table = _tiny_table(root / "matching")
    X, y = _toy(200, seed=1)
    clf = CheckworthyClassifier(n_features=2 ** 14, max_iter=500, vector_weight=2.0)
    clf.table_ = table
    clf.fit(X, y)
    return clf, root


def test_sentence_vectors_add_weighted_columns(vector_model):
    clf, _ = vector_model
    assert clf.coef_.shape == (2 ** 14 + len(CUE_FEATURES) + 16,)
    F = clf.transform(["The ministry built 45 schools in 2014.", "Qqq zzz."])
    block = F[:, 2 ** 14 + len(CUE_FEATURES):].toarray()
    assert np.linalg.norm(block[0]) == pytest.approx(2.0, abs=1e-5)  # unit vector x vector_weight
    assert np.linalg.norm(block[1]) == 0.0  # no word of the table
    # the decision value read from the parts is the one of the feature matrix
    assert np.allclose(clf.decision_function(["The ministry built 45 schools in 2014."]),
                       clf.decision_matrix(F[:1]))


def test_vector_model_reads_the_table_beside_it_and_round_trips(vector_model):
    clf, root = vector_model
    clf.save(root / "checkworthy")
    config = json.loads((root / "checkworthy" / "config.json").read_text())
    assert config["static_sha256"] == clf.table_.sha256
    loaded = CheckworthyClassifier.load(root / "checkworthy")
    assert loaded.table_.path == str(root / "matching")
    X, _ = _toy(50, seed=3)
    assert np.allclose(clf.predict_proba(X), loaded.predict_proba(X), atol=1e-6)
    assert loaded.get_params() == clf.get_params()


def test_vector_model_refuses_another_table(vector_model, tmp_path):
    import shutil
    clf, root = vector_model
    clf.save(tmp_path / "checkworthy")
    shutil.copytree(root / "matching", tmp_path / "matching")
    config = json.loads((tmp_path / "checkworthy" / "config.json").read_text())
    config["static_sha256"] = "0" * 64
    (tmp_path / "checkworthy" / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="static word table"):
        CheckworthyClassifier.load(tmp_path / "checkworthy")
    del config["static_sha256"]
    (tmp_path / "checkworthy" / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="records no static word table"):
        CheckworthyClassifier.load(tmp_path / "checkworthy")


@pytest.mark.shared
def test_grouped_cross_validation_can_try_the_sentence_vectors():
    from factcheck.checkworthy_cv import select_settings, training_sets
    from factcheck.datasets.checkworthy import data_dir
    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    sets = {k: v[:300] for k, v in training_sets().items()}
    got = select_settings(sets, grid={"C": (2.0,), "vector_weight": (0.0, 1.0), "clef2019": (False,)}, folds=3)
    assert [t["vector_weight"] for t in got["trials"]] == [0.0, 1.0]
    assert got["vector_weight"] in (0.0, 1.0) and got["chosen"]["vector_weight"] == got["vector_weight"]
    # the two settings see different features, so their out-of-fold figures differ
    assert got["trials"][0]["ct24_train"] != got["trials"][1]["ct24_train"]
