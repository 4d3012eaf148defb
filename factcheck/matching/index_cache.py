"""What matching needs of a large set of sources, kept on disk between commands.

Reading every claim's words and building the BM25 matrices takes most of a ``factcheck match``
run against 10,000 claims, and the named words and figures of each candidate most of what is
left per query. So, for MIN_CLAIMS claims or more, all of it is worked out once, for every
claim, and kept: a second run against the same sources reads it back. The file is named by a
hash of the claims (texts, titles and given facets, in order) and of the code that reads words,
names and figures, so an edited source or a changed extractor never meets a stale file. It
holds plain arrays (``.npz``, read without pickle); a file that is unreadable or does not fit
is rebuilt, and a cache that cannot be written costs time, not results.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from .features import Side
from .figures import Figure
from .index import LexicalIndex
from .sources import CheckedClaim

#: fewer claims than this are indexed in less time than a file takes to check: not kept
MIN_CLAIMS = 2000
#: the modules whose code decides what the file holds (words, BM25, copies, names, figures)
_CODE = ("text.py", "index.py", "matcher.py", "index_cache.py", "features.py", "figures.py", "../types.py", "../facets/*.py")


def _code_hash() -> bytes:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(here.glob(pattern)):
            h.update(path.name.encode() + b"\x00" + path.read_bytes())
    return h.digest()


def cache_path(claims: Sequence[CheckedClaim], folder: str | Path) -> Path:
    """Return the file of the index of exactly these claims (text, title, facets), in this order."""
    h = hashlib.sha256(_code_hash())
    for c in claims:
        h.update(b"\x00" + c.text.encode("utf-8") + b"\x01" + (c.title or "").encode("utf-8"))
        if c.facets:
            h.update(b"\x02" + json.dumps(c.facets, sort_keys=True, default=str).encode("utf-8"))
    return Path(folder) / f"{h.hexdigest()[:32]}.lexical.npz"


class SourceFacts:
    """Each source claim's named words and figures, worked out once for the index: what the
    features would otherwise read from every candidate of every query."""

    def __init__(self, names: list[str], named_ids: np.ndarray, named_len: np.ndarray,
                 figures: dict[int, tuple[Figure, ...]]):
        self._names, self._ids = names, named_ids
        self._ptr = np.concatenate([[0], np.cumsum(named_len)])
        self._figures = figures

    def __len__(self) -> int:
        return len(self._ptr) - 1

    def named(self, row: int) -> frozenset:
        return frozenset(self._names[i] for i in self._ids[self._ptr[row]: self._ptr[row + 1]].tolist())

    def figures(self, row: int) -> tuple[Figure, ...]:
        return self._figures.get(row, ())

    @classmethod
    def of(cls, claims: Sequence[CheckedClaim], facets_of) -> "SourceFacts":
        """Work them out for every claim with :class:`~.features.Side` (``facets_of(claim)``:
        its given facets, or None to read them from the text)."""
        vocab: dict[str, int] = {}
        ids, lengths, figures = [], [], {}
        for row, c in enumerate(claims):
            facets = facets_of(c)
            side = Side(words=frozenset(), text=c.text, facets=tuple(facets) if facets is not None else None,
                        weights={}, total=0.0)
            named = side.named
            ids.extend(vocab.setdefault(w, len(vocab)) for w in named)
            lengths.append(len(named))
            found = side.figures
            if found:
                figures[row] = found
        return cls(list(vocab), np.array(ids, dtype=np.int64), np.array(lengths, dtype=np.int64), figures)

    def arrays(self) -> dict[str, np.ndarray]:
        figures = {str(row): [[f.dimension, f.value, f.tolerance, f.text, f.counted] for f in found]
                   for row, found in self._figures.items()}
        return {"named.vocab": _text_array("\n".join(self._names)), "named.ids": self._ids,
                "named.len": np.diff(self._ptr), "figures": _text_array(json.dumps(figures))}

    @classmethod
    def from_arrays(cls, arrays) -> "SourceFacts":
        names = _array_text(arrays["named.vocab"]).split("\n") if len(arrays["named.vocab"]) else []
        ids, lengths = arrays["named.ids"], arrays["named.len"]
        if int(lengths.sum()) != len(ids) or (len(ids) and (ids.min() < 0 or ids.max() >= len(names))):
            raise ValueError("the named words do not fit together")
        figures = {int(row): tuple(Figure(d, v, float(t), str(x), str(c)) for d, v, t, x, c in found)
                   for row, found in json.loads(_array_text(arrays["figures"])).items()}
        return cls(names, ids, lengths, figures)


def _text_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _array_text(array: np.ndarray) -> str:
    return bytes(array).decode("utf-8")


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


def load(path: Path, size: int) -> tuple[LexicalIndex, dict, SourceFacts] | None:
    """Return the index, copies and facts kept in ``path``, or None when it is missing or does not fit."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        index = LexicalIndex.from_arrays(arrays)
        facts = SourceFacts.from_arrays(arrays)
        first = arrays["copies"]
        if index.size != size or first.shape != (size,) or len(facts) != size:
            return None
        return index, copies_from_array(first), facts
    except (OSError, KeyError, ValueError, TypeError, UnicodeDecodeError):
        return None


def save(path: Path, index: LexicalIndex, copies: dict, facts: SourceFacts) -> None:
    """Write the index, copies and facts to ``path`` (atomically; quietly not when the folder is read-only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp.npz")
        np.savez(tmp, copies=copies_array(copies, index.size), **index.arrays(), **facts.arrays())
        os.replace(tmp, path)
    except OSError:
        pass


def lexical_index(claims: Sequence[CheckedClaim], copies_of, facets_of, cache_dir: str | Path | None
                  ) -> tuple[LexicalIndex, dict, SourceFacts | None]:
    """Return the lexical index of the claims, their copies (``copies_of(claims)``) and, for
    MIN_CLAIMS claims or more, their :class:`SourceFacts`: from the cache when it holds them,
    else worked out and kept there. Fewer claims are indexed afresh, without facts (they are
    read from each candidate when it is first needed)."""
    texts, titles = [c.text for c in claims], [c.title for c in claims]
    if len(claims) < MIN_CLAIMS:
        return LexicalIndex(texts, titles), copies_of(claims), None
    from .dense import default_cache_dir

    path = cache_path(claims, cache_dir if cache_dir is not None else default_cache_dir())
    found = load(path, len(claims))
    if found is not None:
        return found
    index, copies, facts = LexicalIndex(texts, titles), copies_of(claims), SourceFacts.of(claims, facets_of)
    save(path, index, copies, facts)
    return index, copies, facts
