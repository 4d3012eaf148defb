"""The rule baseline and the trained classifier behind one interface: fit, predict_proba,
predict, save/load, refusing pickles, and a training smoke test on a small slice."""
from __future__ import annotations

import copy
import json
import os
import random
from pathlib import Path

import numpy as np
import pytest

from factcheck.attribution import AttributionClassifier, CueLexiconClassifier, train_attribution
from factcheck.datasets.attribution import own_data_dir, read_own
from factcheck.errors import ModelError, NotFittedError, UnsafeModelError
from factcheck.types import LABELS, Attribution, SentenceInput

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "models" / "fast" / "attribution"

# hand-written training lines: (sentence, labels)
TRAIN = [
    ("The city budget rose to 4 billion dollars, the mayor's office said.", {"sourced"}),
    ("According to the weather service, 30 centimetres of snow fell overnight.", {"sourced"}),
    ("The union told members that 1,200 jobs would go in 2025.", {"sourced"}),
    ("Exports fell 3 percent in May, customs data showed.", {"sourced"}),
    ("About 500 people attended the rally.", {"estimated"}),
    ("The project could cost up to 2 billion dollars.", {"estimated"}),
    ("Sales are expected to reach 9 million units next year.", {"estimated"}),
    ("The storm may have destroyed nearly 300 homes.", {"estimated"}),
    ("The official allegedly took 40,000 dollars in bribes.", {"contested"}),
    ("The company denied that it had dumped 60 tonnes of waste.", {"contested"}),
    ("He was accused of hiding 2 million dollars offshore.", {"contested"}),
    ("The firm opened its first store in 1998.", set()),
    ("The law took effect on January 1, 2020.", set()),
    ("The bridge is 1,400 metres long.", set()),
]


def xy(rows):
    X = [SentenceInput.from_text(t) for t, _ in rows]
    Y = np.array([[int(lab in labs) for lab in LABELS] for _, labs in rows])
    return X, Y


@pytest.fixture(scope="module")
def fitted():
    X, Y = xy(TRAIN)
    return {"rules": CueLexiconClassifier().fit(X, Y),
            "linear": AttributionClassifier(C=1.0, n_bits=10, folds=2).fit(X, Y)}


@pytest.mark.parametrize("kind", ["rules", "linear"])
def test_same_interface(fitted, kind):
    clf = fitted[kind]
    X, Y = xy(TRAIN)
    P = clf.predict_proba(X)
    assert P.shape == (len(X), 3) and ((P >= 0) & (P <= 1)).all()
    out = clf.predict(X)
    assert len(out) == len(X) and all(isinstance(a, Attribution) for a in out)
    for a, x in zip(out, X):
        assert list(a.scores) == list(LABELS)
        present = {lab for lab in LABELS if a.scores[lab] >= 0.5}
        for cue in a.cues:
            assert cue.label in present
            assert x.doc_text[cue.start:cue.end] == cue.text
        if a.source is not None:
            assert a.scores["sourced"] >= 0.5
            assert x.doc_text[a.source.start:a.source.end] == a.source.text
    # fitted on these lines, the labels come back
    assert ((P >= 0.5) == Y.astype(bool)).mean() > 0.9


@pytest.mark.parametrize("kind", ["rules", "linear"])
def test_predict_does_not_mutate_inputs(fitted, kind):
    X, _ = xy(TRAIN)
    before = copy.deepcopy(X)
    fitted[kind].predict(X)
    fitted[kind].predict_proba(X)
    assert X == before


@pytest.mark.parametrize("cls", [CueLexiconClassifier, AttributionClassifier])
def test_unfitted_raises(cls):
    with pytest.raises(NotFittedError):
        cls().predict([SentenceInput.from_text("The dam is 80 metres high.")])
    with pytest.raises(NotFittedError):
        cls().predict_proba([SentenceInput.from_text("The dam is 80 metres high.")])


@pytest.mark.parametrize("kind,cls,type_", [("rules", CueLexiconClassifier, "attribution-rules"),
                                            ("linear", AttributionClassifier, "attribution-linear")])
def test_save_load_round_trip(fitted, tmp_path, kind, cls, type_):
    clf = fitted[kind]
    clf.save(tmp_path / "m")
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    assert config["type"] == type_
    back = cls.load(tmp_path / "m")
    X, _ = xy(TRAIN)
    np.testing.assert_allclose(back.predict_proba(X), clf.predict_proba(X), rtol=1e-6)


def test_refuses_a_pickle(fitted, tmp_path):
    fitted["linear"].save(tmp_path / "m")
    (tmp_path / "m" / "weights.pkl").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(UnsafeModelError):
        AttributionClassifier.load(tmp_path / "m")


def test_refuses_an_object_array(fitted, tmp_path):
    fitted["linear"].save(tmp_path / "m")
    w = dict(np.load(tmp_path / "m" / "weights.npz"))
    np.savez(tmp_path / "m" / "weights.npz", **{**w, "platt": np.array([object()], dtype=object)})
    with pytest.raises(ModelError):
        AttributionClassifier.load(tmp_path / "m")


def test_load_of_other_type_fails(fitted, tmp_path):
    fitted["rules"].save(tmp_path / "m")
    with pytest.raises(ModelError):
        AttributionClassifier.load(tmp_path / "m")


def test_bad_targets_are_refused():
    X, Y = xy(TRAIN)
    with pytest.raises(ValueError):
        CueLexiconClassifier().fit(X, Y[:, :2])
    with pytest.raises(TypeError):
        AttributionClassifier().fit(["not an input"], np.zeros((1, 3)))


def test_training_smoke_learns_better_than_chance():
    rows = read_own(own_data_dir())
    if len(rows) < 200:
        pytest.skip("the own data set is too small here")
    rng = random.Random(0)
    rng.shuffle(rows)
    train, test = rows[:300], rows[300:500]
    clf = AttributionClassifier(n_bits=12, folds=2).fit([e.input for e in train], np.array([e.labels for e in train]))
    Y = np.array([e.labels for e in test])
    P = clf.predict_proba([e.input for e in test]) >= 0.5
    for k, lab in enumerate(LABELS):
        majority = max(Y[:, k].mean(), 1 - Y[:, k].mean())
        assert (P[:, k] == Y[:, k]).mean() > majority + 0.05, lab


@pytest.mark.skipif(not (SHIPPED / "config.json").exists(), reason="no shipped model")
def test_shipped_model_loads_and_gets_the_tables():
    from tests.test_attribution_rules import CASES, EDGE_CASES

    clf = AttributionClassifier.load(SHIPPED)
    rows = CASES + EDGE_CASES
    X = [SentenceInput.from_text(t, prev_text=p) for p, t, _ in rows]
    P = clf.predict_proba(X) >= 0.5
    right = [set(np.array(LABELS)[P[i]]) == rows[i][2] for i in range(len(rows))]
    assert np.mean(right) >= 0.9


@pytest.mark.shared
@pytest.mark.slow
def test_train_attribution_rebuilds_the_shipped_model(shared, tmp_path):
    if not (SHIPPED / "weights.npz").exists():
        pytest.skip("no shipped model")
    clf = train_attribution(shared / "data", own_data_dir(), seed=0)
    shipped = AttributionClassifier.load(SHIPPED)
    np.testing.assert_allclose(clf.coef_dense_, shipped.coef_dense_, atol=1e-5)


# --- round 2: every present label has a cue of its own -----------------------------------------
EXAMPLE_FILE = [
    # (previous sentence, sentence, labels, source) from examples/articles.jsonl
    ("The ministry said makers would produce about 1.2 bln dlrs worth of memory chips in the April-June period, "
     "down from 1.35 bln dlrs a year earlier.", "U.S. officials said the move did not go far enough.",
     {"sourced"}, "U.S. officials"),
    ("", "The company denied any wrongdoing and said it would appeal.", {"sourced", "contested"}, "The company"),
    ("", "A spokesman for the Semiconductor Industry Association rejected Japanese claims that dumping had stopped, "
         "saying prices in third markets remained below cost.", {"sourced", "contested"},
     "A spokesman for the Semiconductor Industry Association"),
    ("", "A federal judge in Boston ruled on Wednesday that the company had misled about 30,000 investors, "
         "ordering it to pay €75 million in damages.", {"sourced", "estimated"}, "A federal judge in Boston"),
]


@pytest.mark.skipif(not (SHIPPED / "config.json").exists(), reason="no shipped model")
@pytest.mark.parametrize("prev,text,labels,source", EXAMPLE_FILE)
def test_shipped_model_on_the_example_file(prev, text, labels, source):
    att = AttributionClassifier.load(SHIPPED).predict([SentenceInput.from_text(text, prev_text=prev)])[0]
    assert {lab for lab in LABELS if att.scores[lab] >= 0.5} == labels
    assert att.source is not None and att.source.text == source


@pytest.mark.skipif(not (SHIPPED / "config.json").exists(), reason="no shipped model")
def test_every_present_label_has_its_cue():
    from tests.test_attribution_rules import CASES, CONTESTED_ROUND2, EDGE_CASES

    rows = [(p, t) for p, t, _ in CASES + EDGE_CASES + CONTESTED_ROUND2] + [(p, t) for p, t, _, _ in EXAMPLE_FILE]
    rows += [(e.input.prev_text, e.input.text) for e in read_own(own_data_dir())[:400]]
    clf = AttributionClassifier.load(SHIPPED)
    for att in clf.predict([SentenceInput.from_text(t, prev_text=p) for p, t in rows]):
        present = [lab for lab in LABELS if att.scores[lab] >= 0.5]
        for lab in present:
            assert any(c.label == lab for c in att.cues), (lab, att)
        assert ("sourced" in present) == (att.source is not None)


def test_a_label_without_a_cue_is_capped_below_the_threshold():
    from factcheck.attribution.analysis import analyse
    from factcheck.attribution.base import CUELESS_CAP, require_cues

    a = [analyse(SentenceInput.from_text("Farm leaders said the subsidy did not go far enough."))]
    P = np.array([[0.9, 0.7, 0.8]])
    Q = require_cues(P, a)
    assert Q[0, 0] == 0.9 and Q[0, 1] == CUELESS_CAP and Q[0, 2] == CUELESS_CAP
    assert P[0, 1] == 0.7  # the input is not changed


def test_choose_c_cross_validates_by_document_on_the_scored_rows():
    from factcheck.attribution.train import choose_c
    said = ["{} said the plant would close in {}.", "Output fell {} percent in {}, {} said."]
    plain = ["Output fell {} percent in {}.", "The plant closed in {} after {} years."]
    X, Y = [], []
    for d in range(12):  # twelve documents of four sentences each
        for k, tpl in enumerate(said + plain):
            text = tpl.format(*(["Ana Costa", str(3 + d), "the agency"][:tpl.count("{}")] if k < 2 else [str(d + 2), "May"]))
            X.append(SentenceInput.from_text(text, doc_id=f"doc-{d}"))
            Y.append([1 if k < 2 else 0, 0, 0])
    Y = np.array(Y)
    w = np.ones(len(X))
    scored = np.array([x.doc_id != "doc-0" for x in X])  # one document is trained on, never scored
    best, losses = choose_c(X, Y, w, score_on=scored, grid=(0.01, 1.0), folds=3)
    assert set(losses) == {0.01, 1.0} and best in losses
    assert losses[best] == min(losses.values())
    assert best == 1.0  # the cue features separate the labels: little regularisation fits better
