"""The transformers backend on a tiny randomly initialised BERT that the test builds itself."""
from __future__ import annotations

import json

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.types import LABELS, Attribution, SentenceInput

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytestmark = pytest.mark.slow  # seconds, not minutes: runs in CI

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
    from tinybert import write_tiny_bert

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "3", "4", "90"]
    return write_tiny_bert(tmp_path_factory.mktemp("tiny-bert"), special + sorted(set(WORDS)))


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


# -- the fine-tuned check-worthiness model (factcheck.finetuned) ------------------------------
CW = [("The ministry said prices rose 3 percent.", 1), ("Oil could reach 90 dollars.", 0),
      ("Inflation rose 4 percent in May.", 1), ("The company denied the claims.", 0),
      ("The budget fell by 3 million.", 1), ("Officials met.", 0)] * 2


def _finetune_cw(tiny_bert, out, **kw):
    from factcheck.finetuned import finetune_checkworthy
    settings = {"epochs": 15, "lr": 1e-2, "batch_size": 4, "max_length": 32, "warmup": 0.0, "seed": 1, **kw}
    return finetune_checkworthy([t for t, _ in CW], [y for _, y in CW], out_dir=out, base_model_dir=tiny_bert,
                                **settings)


def test_finetuned_checkworthy_learns_and_scores_as_transformers_does(tiny_bert, tmp_path):
    from safetensors.torch import load_file
    from transformers import BertConfig, BertModel

    model = _finetune_cw(tiny_bert, tmp_path / "cw")
    texts = [t for t, _ in CW[:6]] + ['"Inflation rose 4 percent in May," he said.']
    p = model.predict_proba(texts)[:, 1]
    y = np.array([lab for _, lab in CW[:6]])
    assert np.mean((p[:6] >= 0.5) == y) >= 5 / 6
    # the plain-torch scorer gives what transformers' BertModel gives with the saved weights
    weights = {k: v.float() for k, v in load_file(str(tmp_path / "cw" / "model.safetensors")).items()}
    head_w, head_b = weights.pop("classifier.weight"), weights.pop("classifier.bias")
    bert = BertModel(BertConfig.from_pretrained(str(tiny_bert)), add_pooling_layer=False).eval()
    bert.load_state_dict(weights, strict=False)
    from factcheck.finetuned import model_text
    tok = model.encoder_.tokenizer
    with torch.no_grad():
        for text, got in zip(texts, model.decision_function(texts)):
            ids = torch.tensor([tok.encode(model_text(text)).ids])
            hidden = bert(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state.mean(1)
            assert float(hidden @ head_w.T + head_b) == pytest.approx(got, abs=1e-4)
    assert p[6] == pytest.approx(p[2], abs=1e-6)  # quotes and a speaker tag are stripped first


def test_stopping_after_an_epoch_gives_that_epoch_of_the_whole_schedule(tiny_bert, tmp_path):
    """The refit on all rows keeps the chosen epoch of the same schedule without running the rest:
    its model is the checkpoint a whole run saves after that epoch."""
    whole = _finetune_cw(tiny_bert, tmp_path / "whole", epochs=4, checkpoints=tmp_path / "ckpt")
    early = _finetune_cw(tiny_bert, tmp_path / "early", epochs=4, stop_after=2)
    from factcheck.finetuned import FinetunedCheckworthy
    second = FinetunedCheckworthy.load(tmp_path / "ckpt" / "epoch-2")
    texts = [t for t, _ in CW]
    assert np.allclose(early.decision_function(texts), second.decision_function(texts), atol=1e-5)
    assert not np.allclose(early.decision_function(texts), whole.decision_function(texts), atol=1e-3)
    assert json.loads((tmp_path / "early" / "config.json").read_text())["training"]["stopped_after_epoch"] == 2


def test_finetuned_checkworthy_refuses_a_tampered_or_unsafe_folder(tiny_bert, tmp_path):
    import shutil

    from factcheck.errors import UnsafeModelError
    from factcheck.finetuned import FinetunedCheckworthy

    out = tmp_path / "cw"
    _finetune_cw(tiny_bert, out, epochs=1)
    bad = tmp_path / "bad"
    shutil.copytree(out, bad)
    data = bytearray((bad / "model.safetensors").read_bytes())
    data[-5] ^= 0x01
    (bad / "model.safetensors").write_bytes(bytes(data))
    with pytest.raises(UnsafeModelError, match="SHA-256"):
        FinetunedCheckworthy.load(bad)
    shutil.copytree(out, tmp_path / "extra")
    (tmp_path / "extra" / "pytorch_model.bin").write_bytes(b"x")
    with pytest.raises(UnsafeModelError, match="pytorch_model.bin"):
        FinetunedCheckworthy.load(tmp_path / "extra")
    with pytest.raises(ModelError):
        FinetunedCheckworthy.load(tiny_bert)  # a plain HF folder is not a factcheck model



def test_a_second_stage_continues_the_first_and_refuses_a_tampered_one(tiny_bert, tmp_path):
    from factcheck.errors import UnsafeModelError

    first = _finetune_cw(tiny_bert, tmp_path / "s1", epochs=1, lr=1e-3)
    fresh = _finetune_cw(tiny_bert, tmp_path / "fresh", epochs=1, lr=1e-9)
    # lr ~0: the continued model scores as the stage it started from, not as a fresh head would
    second = _finetune_cw(tiny_bert, tmp_path / "s2", epochs=1, lr=1e-9, start_from=tmp_path / "s1")
    texts = [t for t, _ in CW[:6]]
    np.testing.assert_allclose(second.decision_function(texts), first.decision_function(texts), atol=5e-3)
    assert np.abs(fresh.decision_function(texts) - first.decision_function(texts)).max() > 1e-2
    record = second.config_["training"]
    assert record["continued_from"][0]["lr"] == 1e-3 and record["lr"] == 1e-9
    data = bytearray((tmp_path / "s1" / "model.safetensors").read_bytes())
    data[-5] ^= 0x01
    (tmp_path / "s1" / "model.safetensors").write_bytes(bytes(data))
    with pytest.raises(UnsafeModelError, match="SHA-256"):
        _finetune_cw(tiny_bert, tmp_path / "s3", epochs=1, start_from=tmp_path / "s1")

@pytest.mark.shared
def test_factcheck_train_rebuilds_the_finetuned_tier(tiny_bert, tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import main
    from factcheck.datasets.checkworthy import data_dir
    from factcheck.models import load_component

    if not (data_dir() / "checkworthy" / "ct24" / "train.tsv").exists():
        pytest.skip("../shared/data is not here")
    out = tmp_path / "ft"
    result = CliRunner().invoke(main, ["train", "--tier", "finetuned", "--base-model", str(tiny_bert), "--limit", "48",
                                       "--data", str(data_dir()), "-o", str(out)])
    assert result.exit_code == 0, result.output
    config = json.loads((out / "checkworthy" / "config.json").read_text())
    # chosen on 48 training rows and 48 held out, then refitted on the 96 together
    assert config["type"] == "checkworthy-finetuned" and config["training"]["held_out"] == 48
    assert config["training"]["examples"] == 96 and config["training"]["refit_on_all"] is True
    assert 0 < config["threshold"] < 1 and len(config["selection"]) == 3 and set(config["sha256"]) == {"model.safetensors", "tokenizer.json"}
    assert load_component(out / "checkworthy").predict_proba(["Taxes rose 3 percent."]).shape == (1, 2)
    article = tmp_path / "a.txt"
    article.write_text("The ministry said exports rose 4 percent in May. Thank you all.")
    result = CliRunner().invoke(main, ["extract", str(article), "--all", "--format", "jsonl", "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2


SHIPPED_FT = __import__("pathlib").Path(__file__).resolve().parents[1] / "models" / "accurate" / "checkworthy"


def test_shipped_accurate_checkworthy_is_the_finetuned_model_and_hash_checked(tmp_path):
    import shutil

    from factcheck.errors import UnsafeModelError
    from factcheck.finetuned import FinetunedCheckworthy
    from factcheck.models import load_component

    if importlib_util.find_spec("safetensors") is None:
        pytest.skip("safetensors is not installed")
    model = load_component(SHIPPED_FT)
    assert isinstance(model, FinetunedCheckworthy)
    assert json.loads((SHIPPED_FT / "config.json").read_text())["base_model"] == "pinned all-MiniLM-L6-v2"
    assert sorted(p.name for p in SHIPPED_FT.iterdir() if p.suffix != ".md") == [
        "config.json", "model.safetensors", "tokenizer.json"]
    copy = tmp_path / "copy"
    shutil.copytree(SHIPPED_FT, copy)
    with open(copy / "model.safetensors", "r+b") as f:
        f.seek(-3, 2)
        last = f.read(1)
        f.seek(-3, 2)
        f.write(bytes([last[0] ^ 0x01]))
    with pytest.raises(UnsafeModelError, match="SHA-256"):
        FinetunedCheckworthy.load(copy)


import importlib.util as importlib_util  # noqa: E402
