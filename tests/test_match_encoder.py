"""The accurate tier's fine-tuned matching encoder: embedding caches keyed by the encoder,
fine-tuning and hash-checked loading on a tiny random BERT the test builds, and the rebuild
through ``factcheck train --task matching --tier accurate``."""
from __future__ import annotations

import json

import numpy as np
import pytest

from factcheck.matching.sources import CheckedClaim

CLAIMS = [
    CheckedClaim(id="c1", text="The mayor said the new bridge cost 40 million dollars.", title="Bridge cost"),
    CheckedClaim(id="c2", text="Drinking lemon water cures the flu in two days.", title="Lemon water and flu"),
    CheckedClaim(id="c3", text="The senator voted against the school lunch bill.", title="Senator and lunch bill"),
]


class CountingEncoder:
    """A stand-in encoder: fixed vectors from a seed, counting the texts it encodes."""

    def __init__(self, identity: str, seed: int, dimension: int = 8):
        self.identity, self.seed, self.dimension, self.encoded = identity, seed, dimension, 0

    def encode(self, texts):
        self.encoded += len(texts)
        out = np.stack([np.random.default_rng([self.seed, len(t), sum(map(ord, t))]).normal(size=self.dimension)
                        for t in texts]).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_embedding_cache_is_keyed_by_the_encoder(tmp_path):
    from factcheck.matching.dense import cache_key, embeddings

    texts = [c.text for c in CLAIMS]
    a, b = CountingEncoder("finetuned:aaa", 1), CountingEncoder("finetuned:bbb", 2)
    assert cache_key(texts, a.identity) != cache_key(texts, b.identity)
    first = np.asarray(embeddings(texts, lambda: a, tmp_path, a.identity))
    assert a.encoded == 3
    again = np.asarray(embeddings(texts, lambda: a, tmp_path, a.identity))
    assert a.encoded == 3 and np.array_equal(first, again)  # read back, not encoded
    other = np.asarray(embeddings(texts, lambda: b, tmp_path, b.identity))
    assert b.encoded == 3 and not np.allclose(first, other)  # another encoder: encoded afresh
    assert len(list(tmp_path.glob("*.f16.npy"))) == 2


def test_a_changed_encoder_rebuilds_the_matchers_vectors(tmp_path):
    from factcheck.matching.matcher import Matcher

    a, b = CountingEncoder("finetuned:aaa", 1), CountingEncoder("finetuned:bbb", 2)
    m1 = Matcher(CLAIMS, model=None, dense=True, encoder=a, cache_dir=tmp_path)
    assert m1.encoder_id == "finetuned:aaa" and a.encoded == 6  # texts and titles
    Matcher(CLAIMS, model=None, dense=True, encoder=a, cache_dir=tmp_path)
    assert a.encoded == 6
    m2 = Matcher(CLAIMS, model=None, dense=True, encoder=b, cache_dir=tmp_path)
    assert b.encoded == 6 and not np.allclose(np.asarray(m1.vectors), np.asarray(m2.vectors))


def test_encoder_identity_comes_from_the_config_without_loading():
    from factcheck.embeddings import ENCODER_NAME
    from factcheck.matching.encoder import identity

    assert identity(None) == ENCODER_NAME
    assert identity({"sha256": "ab" * 32}) == "finetuned:" + "ab" * 32 != identity({"sha256": "cd" * 32})


torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

WORDS = ("the mayor said new bridge cost million dollars drinking lemon water cures flu in two days senator "
         "voted against school lunch bill city tax rose fell vaccine causes claims that a of and").split()


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """A 1-layer, 16-wide BERT with a small vocabulary, saved as a local HF folder."""
    from tinybert import write_tiny_bert

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "40", "2"]
    return write_tiny_bert(tmp_path_factory.mktemp("tiny-bert"), special + sorted(set(WORDS)))


QUERIES = ["mayor says bridge cost 40 million", "lemon water cures flu", "senator voted against lunch bill",
           "the new bridge cost million dollars", "drinking lemon water flu two days", "school lunch bill senator"]
POSITIVES = [0, 1, 2, 0, 1, 2]


def _tune(tiny_bert, **kw):
    from factcheck.matching import encoder

    texts = [c.text for c in CLAIMS]
    return encoder.finetune(QUERIES, POSITIVES, texts, [{p} for p in POSITIVES], base_model_dir=tiny_bert,
                            batch_size=3, seed=0, **kw)


def test_finetuning_learns_the_pairs_and_saves_a_checked_encoder(tiny_bert, tmp_path):
    from factcheck.errors import UnsafeModelError
    from factcheck.matching import encoder

    def hits(enc):
        q, c = enc.encode(QUERIES), enc.encode([x.text for x in CLAIMS])
        return int(((q @ c.T).argmax(1) == np.array(POSITIVES)).sum())

    scored, last = {}, {}

    def after(epoch, enc):
        scored[epoch] = hits(enc)
        last["vectors"] = enc.encode(QUERIES)

    state, description = _tune(tiny_bert, epochs=12, lr=1e-2, hard=[[0, 1, 2]] * 6, after_epoch=after)
    assert scored[12] >= 4 and scored[12] > scored[1]  # chance is 2 of 6
    entry = encoder.save(tmp_path, state, description)
    assert entry["weights"] == "encoder/model.safetensors" and entry["tokenizer"] == "encoder/tokenizer.json"
    assert sorted(p.name for p in (tmp_path / "encoder").iterdir()) == ["model.safetensors", "tokenizer.json"]
    loaded = encoder.load(tmp_path, entry)
    assert loaded.identity == "finetuned:" + entry["sha256"]
    assert np.abs(loaded.encode(QUERIES) - last["vectors"]).max() < 2e-2  # float16 weights
    with open(tmp_path / "encoder" / "model.safetensors", "r+b") as f:
        f.seek(-2, 2)
        last = f.read(1)
        f.seek(-2, 2)
        f.write(bytes([last[0] ^ 1]))
    with pytest.raises(UnsafeModelError, match="SHA-256"):
        encoder.load(tmp_path, entry)


def test_the_same_seed_gives_the_same_encoder(tiny_bert):
    a, _ = _tune(tiny_bert, epochs=1, lr=1e-3)
    b, _ = _tune(tiny_bert, epochs=1, lr=1e-3)
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_too_few_pairs_are_refused(tiny_bert):
    from factcheck.matching import encoder

    with pytest.raises(ValueError):
        encoder.finetune([], [], [], [], base_model_dir=tiny_bert)


@pytest.mark.shared
def test_factcheck_train_rebuilds_encoder_and_reranker(tiny_bert, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import main
    from factcheck.errors import UnsafeModelError
    from factcheck.matching.matcher import Matcher
    from factcheck.matching.train import default_data

    if not (default_data() / "claim-matching" / "ct20" / "verified_claims.docs.tsv").exists():
        pytest.skip("../shared/data is not here")
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "matching"
    result = CliRunner().invoke(main, ["train", "--task", "matching", "--tier", "accurate", "--finetune-encoder", "--base-model",
                                       str(tiny_bert), "--limit", "40", "--data", str(default_data()), "-o", str(out)])
    assert result.exit_code == 0, result.output
    config = json.loads((out / "config.json").read_text())
    entry = config["encoder"]
    assert config["features"][-4:] == ["cosine", "cosine_title", "cosine_gap", "dense_rank"]
    assert entry["training"]["pairs"] >= 40 and entry["bert"]["hidden_size"] == 16 and len(entry["sha256"]) == 64
    assert "fine-tuning the encoder" in result.output and "dev MAP@5" in result.output
    queries = [CheckedClaim(id="q", text="The senator voted against the lunch bill for schools.")]
    (found,) = Matcher(CLAIMS, model=out, cache_dir=tmp_path / "c1").match(queries, top=3)
    assert found["matches"][0]["id"] == "c3"
    with open(out / "encoder" / "model.safetensors", "r+b") as f:
        f.seek(-2, 2)
        last = f.read(1)
        f.seek(-2, 2)
        f.write(bytes([last[0] ^ 1]))
    from factcheck.matching import encoder
    encoder._SHARED.clear()
    with pytest.raises(UnsafeModelError, match="SHA-256"):
        list(Matcher(CLAIMS, model=out, cache_dir=tmp_path / "c2").match(queries, top=3))
