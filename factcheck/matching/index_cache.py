"""The lexical index of a large set of sources, kept on disk between commands.

Reading every claim's words and building the BM25 matrices takes most of a ``factcheck match``
run against 10,000 claims; a second run against the same sources reads them back instead. The
file is named by a hash of the claims' texts and titles, in order, and of the code that reads
words and builds the index, so an edited source or a changed tokenizer never meets a stale
index. It holds plain arrays (``.npz``, read without pickle); a file that is unreadable or does
not fit is rebuilt, and a cache that cannot be written costs time, not results.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from .index import LexicalIndex

#: fewer claims than this are indexed in less time than a file takes to check: not kept
MIN_CLAIMS = 2000
#: the modules whose code decides what the file holds (words, BM25, copies)
_CODE = ("text.py", "index.py", "matcher.py", "index_cache.py")


def _code_hash() -> bytes:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.digest()


def cache_path(texts: Sequence[str], titles: Sequence[str | None], folder: str | Path) -> Path:
    """Return the file of the index of exactly these texts and titles, in this order."""
    h = hashlib.sha256(_code_hash())
    for text, title in zip(texts, titles):
        h.update(b"\x00" + text.encode("utf-8") + b"\x01" + (title or "").encode("utf-8"))
    return Path(folder) / f"{h.hexdigest()[:32]}.lexical.npz"


def copies_array(copies: dict[int, tuple[int, ...]], size: int) -> np.ndarray:
    """Return, per row, the first row of its claim when it is listed more than once, else -1."""
    first = np.full(size, -1, dtype=np.int64)
    for row, group in copies.items():
        first[row] = group[0]
    return first


def copies_from_array(first: np.ndarray) -> dict[int, tuple[int, ...]]:
    """Return :func:`copies_array` as the row -> rows dict :func:`~.matcher.copies_of` gives."""
    groups: dict[int, list[int]] = {}
    for row in np.flatnonzero(first >= 0).tolist():
        groups.setdefault(int(first[row]), []).append(row)
    return {row: tuple(g) for g in groups.values() for row in g}


def load(path: Path, size: int) -> tuple[LexicalIndex, dict] | None:
    """Return the index and copies kept in ``path``, or None when it is missing or does not fit."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        index = LexicalIndex.from_arrays(arrays)
        first = arrays["copies"]
        if index.size != size or first.shape != (size,):
            return None
        return index, copies_from_array(first)
    except (OSError, KeyError, ValueError, UnicodeDecodeError):
        return None


def save(path: Path, index: LexicalIndex, copies: dict) -> None:
    """Write the index and copies to ``path`` (atomically; quietly not when the folder is read-only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp.npz")
        np.savez(tmp, copies=copies_array(copies, index.size), **index.arrays())
        os.replace(tmp, path)
    except OSError:
        pass


def lexical_index(texts: Sequence[str], titles: Sequence[str | None], copies_of, cache_dir: str | Path | None
                  ) -> tuple[LexicalIndex, dict]:
    """Return the lexical index of the claims and their copies (``copies_of()`` computes them),
    from the cache when it holds them, else built and, for MIN_CLAIMS or more, kept there."""
    if len(texts) < MIN_CLAIMS:
        return LexicalIndex(texts, titles), copies_of()
    from .dense import default_cache_dir

    path = cache_path(texts, titles, cache_dir if cache_dir is not None else default_cache_dir())
    found = load(path, len(texts))
    if found is not None:
        return found
    index, copies = LexicalIndex(texts, titles), copies_of()
    save(path, index, copies)
    return index, copies
