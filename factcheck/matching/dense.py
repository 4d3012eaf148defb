"""The accurate tier's vectors: the pinned MiniLM encoder's embeddings of the checked claims,
kept as float16 in a cache file and searched by brute force."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from ..embeddings import ENCODER_NAME

#: claims scored at once: 100,000 x 384 float32 is 150 MB of products per batch of queries
CHUNK = 100_000


def default_cache_dir() -> Path:
    """Return where embeddings of sources are cached: $FACTCHECK_CACHE, else ~/.cache/factcheck/match."""
    base = os.environ.get("FACTCHECK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "factcheck")
    return Path(base) / "match"


def cache_key(texts: Sequence[str], encoder: str = ENCODER_NAME) -> str:
    """Return a name for the embeddings of exactly these texts, in this order, by this encoder
    (``encoder``: its identity, the pinned encoder's name or a fine-tuned one's SHA-256)."""
    h = hashlib.sha256(encoder.encode())
    for t in texts:
        h.update(b"\x00" + t.encode("utf-8"))
    return h.hexdigest()[:32]


def embeddings(texts: Sequence[str], encoder_factory, cache_dir: str | Path | None = None,
               encoder: str = ENCODER_NAME) -> np.ndarray:
    """Return the (n, dimension) float16 embeddings of the texts by the encoder whose identity is
    ``encoder``, read from the cache when it holds them, else encoded and written there (a file
    that is missing, short or unreadable is rebuilt; another encoder's is never read)."""
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = folder / f"{cache_key(texts, encoder)}.f16.npy"
    try:
        vectors = np.load(path, allow_pickle=False, mmap_mode="r")
        if vectors.ndim == 2 and len(vectors) == len(texts) and vectors.dtype == np.float16:
            return vectors
    except (OSError, ValueError):
        pass
    vectors = encoder_factory().encode(list(texts)).astype(np.float16)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npy")
        np.save(tmp, vectors, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache costs time, not results
    return vectors


def top_cosine(queries: np.ndarray, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (rows, cosines), each (queries x k), of the ``k`` closest claims to each query,
    best first. Both sides are unit vectors, so the dot product is the cosine."""
    n = len(vectors)
    k = min(k, n)
    q = np.asarray(queries, dtype=np.float32)
    best_rows = np.zeros((len(q), 0), dtype=np.int64)
    best_sims = np.zeros((len(q), 0), dtype=np.float32)
    for s in range(0, n, CHUNK):
        sims = q @ np.asarray(vectors[s: s + CHUNK], dtype=np.float32).T
        kk = min(k, sims.shape[1])
        part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        rows = np.concatenate([best_rows, part + s], axis=1)
        vals = np.concatenate([best_sims, np.take_along_axis(sims, part, axis=1)], axis=1)
        keep = np.argsort(-vals, axis=1, kind="stable")[:, :k]
        best_rows, best_sims = np.take_along_axis(rows, keep, axis=1), np.take_along_axis(vals, keep, axis=1)
    return best_rows, best_sims
