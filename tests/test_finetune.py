"""The transformers backend on a tiny randomly initialised BERT that the test builds itself."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.types import LABELS, Attribution, SentenceInput

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytestmark = pytest.mark.slow

WORDS = ("the minister said officials reported about roughly nearly may could denied denies alleged "
         "disputed rejected according to ministry rose fell percent million year budget prices oil "
         "government company figures estimates expected claims inflation in of a and by").split()

SENTENCES = [
    ("The ministry said prices rose 3 percent.", "", [1, 0, 0]),
    ("Prices may rise by about 4 percent next year.", "Officials met on Monday.", [0, 1, 0]),
    ("The company denied the alleged figures.", "", [0, 0, 1]),
    ("According to the government, the budget fell.", "", [1, 0, 0]),
    ("Oil could reach roughly 90 dollars, analysts expected.", "Markets were quiet.", [1, 1, 0]),
    ("Inflation rose in May.", "", [0, 0, 0]),
]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A 1-layer, 16-wide BERT with a 60-word vocabulary, saved as a local HF folder."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    from transformers import BertConfig, BertModel, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "3", "4", "90"] + sorted(set(WORDS))
    (d / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(d / "vocab.txt"), do_lower_case=True)
    tok.save_pretrained(str(d))
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(str(d), safe_serialization=True)
    return d


def _data():
    xs = [SentenceInput.from_text(t, prev_text=p) for t, p, _ in SENTENCES]
    return xs, np.array([y for _, _, y in SENTENCES], dtype=float)


def test_finetune_writes_a_loadable_model(tiny_bert, tmp_path):
    from factcheck.finetune import TransformersAttribution, finetune_multilabel

    xs, y = _data()
    out = finetune_multilabel(tiny_bert, xs, y, out_dir=tmp_path / "out", epochs=2, lr=1e-3,
                              batch_size=4, seed=0, max_length=32)
    marker = json.loads((out / "factcheck.json").read_text())
    assert marker["type"] == "transformers-multilabel" and marker["labels"] == list(LABELS)
    assert (out / "model.safetensors").exists()
    assert json.loads((out / "config.json").read_text())["problem_type"] == "multi_label_classification"
    assert not [p for p in out.iterdir() if p.suffix in (".bin", ".pt", ".pkl")]

    model = TransformersAttribution.load(out)
    p = model.predict_proba(xs + ["A lone string works too."])
    assert p.shape == (len(xs) + 1, 3)
    assert np.all((p >= 0) & (p <= 1))
    # batching and length-sorting must not change which row is which
    single = np.vstack([model.predict_proba([x]) for x in xs])
    np.testing.assert_allclose(single, p[:len(xs)], atol=1e-5)
    atts = model.predict(xs)
    assert len(atts) == len(xs) and all(isinstance(a, Attribution) for a in atts)
    assert all(set(a.scores) == set(LABELS) for a in atts)


def test_finetune_is_deterministic_and_learns(tiny_bert, tmp_path):
    from factcheck.finetune import TransformersAttribution, finetune_multilabel

    xs, y = _data()
    runs = []
    for name in ("a", "b"):
        out = finetune_multilabel(tiny_bert, xs, y, out_dir=tmp_path / name, epochs=30, lr=2e-2,
                                  batch_size=6, seed=3, max_length=32, warmup=0.0)
        runs.append(TransformersAttribution.load(out).predict_proba(xs))
    np.testing.assert_allclose(runs[0], runs[1], atol=1e-6)
    # 30 full-batch steps on six examples fit the training labels better than their base rates
    loss = -np.mean(y * np.log(runs[0]) + (1 - y) * np.log(1 - runs[0]))
    rate = y.mean(axis=0)
    prior_loss = -np.mean(rate * np.log(rate) + (1 - rate) * np.log(1 - rate))
    assert loss < prior_loss - 0.05


def test_base_model_without_safetensors_is_refused(tmp_path):
    from factcheck.finetune import finetune_multilabel

    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "pytorch_model.bin").write_bytes(b"not loaded")
    xs, y = _data()
    with pytest.raises(ModelError, match="safetensors"):
        finetune_multilabel(tmp_path, xs, y, out_dir=tmp_path / "out", epochs=1)


def test_load_refuses_a_folder_that_is_not_ours(tiny_bert):
    from factcheck.finetune import TransformersAttribution

    with pytest.raises(ModelError, match="factcheck.json"):
        TransformersAttribution.load(tiny_bert)


def test_wrong_label_shape_is_refused(tiny_bert, tmp_path):
    from factcheck.finetune import finetune_multilabel

    xs, _ = _data()
    with pytest.raises(ValueError, match="shape"):
        finetune_multilabel(tiny_bert, xs, np.zeros((len(xs), 2)), out_dir=tmp_path / "o", epochs=1)


def test_unknown_labels_and_weights_are_accepted(tiny_bert, tmp_path):
    from factcheck.finetune import TransformersAttribution, finetune_multilabel

    xs, y = _data()
    y = y.copy()
    y[0, 1] = -1
    y[1, 2] = np.nan
    out = finetune_multilabel(tiny_bert, xs, y, out_dir=tmp_path / "o", epochs=1, batch_size=3,
                              sample_weight=np.linspace(0.5, 1.0, len(xs)), max_length=32)
    p = TransformersAttribution.load(out).predict_proba(xs)
    assert np.isfinite(p).all() and p.shape == (len(xs), 3)
    with pytest.raises(ValueError, match="0 and 1"):
        finetune_multilabel(tiny_bert, xs, y * 2, out_dir=tmp_path / "p", epochs=1)
