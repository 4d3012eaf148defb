"""The fast tier's word vectors: a static table distilled from the pinned MiniLM encoder.

A post that says a claim in other words shares few exact words with the fact-check, which BM25
cannot see; the encoder can, but needs torch. This table holds one vector per word (the
encoder's reading of that word, see :mod:`.static_build`), so a claim's vector is the weighted
mean of its words' vectors: numpy only, a gather and a sum (the model2vec idea, Tulkens & van
Dongen 2024). Words are those of :func:`.text.words`, as the rest of matching reads them.

The table lives beside the fast re-ranker (``models/fast/matching``) as three files: the vectors
(``static.npy``, float16, memory-mapped), the words and their weights (``static.words.npz``, no
pickles) and ``static.json``, which records the SHA-256 of both. Both are checked before
anything is read; a file that does not match refuses the load with a ModelError.
"""
from __future__ import annotations

import json
import threading
from functools import cached_property
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

import numpy as np

from ..embeddings import sha256_file
from ..errors import ModelError
from .text import clean, words
from .wordpiece import WordPiece, basic_split

TYPE = "static-vectors"
CONFIG = "static.json"
VECTORS = "static.npy"
WORDS = "static.words.npz"
#: the pair features the table gives the re-ranker (after LEXICAL; never in the accurate tier)
STATIC = ("static_cosine", "static_cosine_title", "static_gap", "static_rank")
#: a further pair feature of the table, read when the re-ranker was trained with it: the claim's
#: cosine to the query's closest sentence (a post of several sentences may state the claim in one)
STATIC_SENTENCE = ("static_sentence_cosine",)
#: pair features of the table's word vectors, read when the re-ranker was trained with them: how
#: well the claim's words (of its text, of its title) are matched by the query's closest words,
#: weighted as the claim's vector weighs them (*mansion* finds *house*, *killed* finds *died*)
ALIGN = ("static_align", "static_align_title")
#: the mark before a WordPiece piece's row name (``#the``, ``###ing``): no word of :func:`.text.words` holds it
PIECE = "#"
#: texts summed at once: the gathered (words x dimension) block stays within the CPU's caches
#: (on 10,375 claims, 256 at once took 0.21 s, 2,048 at once 0.59 s)
_CHUNK = 256


def text_words(text: str, title: str | None = None) -> list[str]:
    """Return the words a claim's vector is made of (links dropped, as for BM25)."""
    out = words(clean(text, signature=False))
    if title:
        out += words(title)
    return out


class StaticTable:
    """Word vectors and weights: ``table.embed([[word, ...], ...])`` gives unit vectors."""

    def __init__(self, vocab: Sequence[str], vectors: np.ndarray, weights: np.ndarray, *, sha256: str = "",
                 path: str | None = None):
        if vectors.ndim != 2 or len(vectors) != len(vocab) or weights.shape != (len(vocab),):
            raise ModelError(f"static word table {path or ''}: {len(vocab)} words, vectors {vectors.shape}, "
                             f"weights {weights.shape} do not fit together; rebuild it")
        self.vocab = list(vocab)
        self.index = dict(zip(self.vocab, range(len(self.vocab))))
        self.vectors = vectors
        self.weights = np.asarray(weights, dtype=np.float32)
        #: SHA-256 of the vectors file: what a re-ranker trained on this table records
        self.sha256 = sha256
        self.path = path
        #: WordPiece over the pieces the table holds (rows named ``#piece``), None when it holds none
        pieces = [w[len(PIECE):] for w in self.vocab if w.startswith(PIECE)]
        self.wordpiece = WordPiece(pieces) if pieces else None

    @property
    def dimension(self) -> int:
        return int(self.vectors.shape[1])

    @cached_property
    def unit(self) -> np.ndarray:
        """The table's vectors as float32 unit rows (a zero row stays zero), made on first use
        (0.1 s; gathering float16 rows and converting them costs more per query than that):
        word-to-word cosines (:func:`alignment`) gather from it."""
        v = np.asarray(self.vectors, dtype=np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)

    def ids(self, word_lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Return the known words' ids (each once per text, zero weights left out) one text
        after the other, and how many each text has (with :meth:`entries`' weights, the rows
        a text's vector sums)."""
        ids, _, lengths = self.entries(word_lists)
        return ids, lengths

    def pieces(self, word: str) -> list[int]:
        """Return the rows of the WordPiece pieces a word outside the table is read as (none
        when the table holds no pieces, or for a one-letter word)."""
        if self.wordpiece is None or len(word) < 2:
            return []
        index = self.index
        out = []
        for part in basic_split(word):
            for piece in self.wordpiece.split_word(part):
                k = index.get(PIECE + piece)
                if k is not None:
                    out.append(k)
        return out

    def entries(self, word_lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the rows each text's vector sums, one text after the other, their weights,
        and how many each text has. A word of the table counts once with its weight; a word
        outside it, when the table holds WordPiece pieces, as its pieces, which share the
        word's weight (the weight of a word never seen, stored on each piece's row)."""
        index, weights = self.index, self.weights
        out: list[int] = []
        out_w: list[float] = []
        lengths = np.zeros(len(word_lists), dtype=np.int64)
        if self.wordpiece is None:  # words only: each known word once, with its own weight
            for i, ws in enumerate(word_lists):
                known = [k for k in sorted({index[w] for w in ws if w in index}) if weights[k] > 0]
                out.extend(known)
                lengths[i] = len(known)
            ids = np.array(out, dtype=np.int64)
            return ids, weights[ids], lengths
        for i, ws in enumerate(word_lists):
            known = {index[w] for w in ws if w in index}
            row = {k: float(weights[k]) for k in known if weights[k] > 0}
            for w in dict.fromkeys(w for w in ws if w not in index):
                pieces = self.pieces(w)
                for k in pieces:
                    row[k] = row.get(k, 0.0) + float(weights[k]) / len(pieces)
            keys = sorted(k for k, v in row.items() if v > 0)
            out.extend(keys)
            out_w.extend(row[k] for k in keys)
            lengths[i] = len(keys)
        return np.array(out, dtype=np.int64), np.array(out_w, dtype=np.float32), lengths

    def embed(self, word_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """Return the (n, dimension) float32 unit vectors of texts given as word lists: each the
        weighted sum of its known words' vectors, each word once (zero for a text with none)."""
        ids, entry_weights, lengths = self.entries(word_lists)
        out = np.zeros((len(word_lists), self.dimension), dtype=np.float32)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        for s in range(0, len(word_lists), _CHUNK):
            e = min(len(word_lists), s + _CHUNK)
            a, b = int(starts[s]) if e > s else 0, int(ends[e - 1]) if e > s else 0
            if b <= a:
                continue
            chunk = ids[a:b]
            block = np.asarray(self.vectors[chunk], dtype=np.float32) * entry_weights[a:b, None]
            has = lengths[s:e] > 0
            offsets = (starts[s:e] - a)[has]
            out[s:e][has] = np.add.reduceat(block, offsets, axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def embed_texts(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> np.ndarray:
        """Return :meth:`embed` of texts (and titles, each added to its text's words)."""
        titles = titles if titles is not None else [None] * len(texts)
        return self.embed([text_words(t, ti) for t, ti in zip(texts, titles)])


def write_table(directory: str | Path, vocab: Sequence[str], vectors: np.ndarray, weights: np.ndarray,
                **meta) -> Path:
    """Write a table (float16 vectors, words, weights) and its ``static.json`` with the files'
    SHA-256; return the folder."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if any("\n" in w for w in vocab):
        raise ValueError("a word of the table holds a line break")
    np.save(directory / VECTORS, np.ascontiguousarray(vectors, dtype=np.float16), allow_pickle=False)
    text = np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8)
    with open(directory / WORDS, "wb") as f:
        np.savez(f, words=text, weights=np.asarray(weights, dtype=np.float32))
    config = {"type": TYPE, "words": len(vocab), "dimension": int(vectors.shape[1]),
              "sha256": {name: sha256_file(directory / name) for name in (VECTORS, WORDS)}, **meta}
    (directory / CONFIG).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    _LOADED.pop(str(directory.resolve()), None)
    return directory


def table_folder(*folders: str | Path | None) -> Path | None:
    """Return the first of ``folders`` (None skipped) that holds a table (its ``static.json``),
    else None."""
    for folder in folders:
        if folder is not None and (Path(folder) / CONFIG).is_file():
            return Path(folder)
    return None


_LOADED: dict[str, StaticTable] = {}
_LOCK = threading.Lock()


def load_table(directory: str | Path, *, sha256: str | None = None) -> StaticTable:
    """Return the table kept in ``directory`` after checking each file's SHA-256 against
    ``static.json`` (and the vectors' against ``sha256``, the hash a re-ranker was trained
    with); ModelError when a file is missing, altered or malformed. Loaded once per process."""
    from ..models import read_config

    directory = Path(directory)
    key = str(directory.resolve())
    with _LOCK:
        table = _LOADED.get(key)
        if table is None:
            config = read_config(directory, TYPE, filename=CONFIG, what="static word table")
            hashes = config.get("sha256") or {}
            for name in (VECTORS, WORDS):
                path = directory / name
                if not path.is_file():
                    raise ModelError(f"static word table file {path} is missing; rebuild it with "
                                     "'factcheck train --task static-vectors'")
                got = sha256_file(path)
                if got != hashes.get(name):
                    raise ModelError(f"static word table file {path} has SHA-256 {got[:12]}..., expected "
                                     f"{str(hashes.get(name))[:12]}...: refusing to load an altered table")
            try:
                vectors = np.load(directory / VECTORS, allow_pickle=False, mmap_mode="r")
                with np.load(directory / WORDS, allow_pickle=False) as z:
                    text, weights = z["words"], z["weights"]
                vocab = bytes(text).decode("utf-8").split("\n") if len(text) else []
            except (OSError, KeyError, ValueError, UnicodeDecodeError) as exc:
                raise ModelError(f"{directory} does not hold a readable static word table ({exc})") from None
            if vectors.dtype != np.float16:
                raise ModelError(f"{directory / VECTORS} holds {vectors.dtype}, not float16; rebuild it")
            table = StaticTable(vocab, vectors, weights, sha256=hashes[VECTORS], path=str(directory))
            _LOADED[key] = table
    if sha256 is not None and table.sha256 != sha256:
        raise ModelError(f"the static word table in {directory} (SHA-256 {table.sha256[:12]}...) is not the one "
                         f"the re-ranker was trained with ({sha256[:12]}...); retrain the re-ranker")
    return table


def claim_vectors(table: StaticTable, texts: Sequence[str], titles: Sequence[str | None],
                  cache_dir: str | Path | None = None, min_claims: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Return the (n, dimension) float16 static vectors of the claims' texts and of their titles
    (the text where there is none); for ``min_claims`` claims or more, kept in the cache folder
    (named by the table's hash and the texts), as the lexical index is."""
    def work() -> tuple[np.ndarray, np.ndarray]:
        text = table.embed([text_words(t) for t in texts])
        title = table.embed([words(ti) if ti else text_words(t) for t, ti in zip(texts, titles)])
        return text.astype(np.float16), title.astype(np.float16)

    if len(texts) < min_claims:
        return work()
    path = _cache_path(table, texts, titles, cache_dir, "static", ".static.npy")
    try:
        both = np.load(path, allow_pickle=False)
        if both.shape == (2, len(texts), table.dimension) and both.dtype == np.float16:
            return both[0], both[1]
    except (OSError, ValueError):
        pass
    text, title = work()
    _write_cache(path, lambda tmp: np.save(tmp, np.stack([text, title]), allow_pickle=False))
    return text, title


def _cache_path(table: StaticTable, texts: Sequence[str], titles: Sequence[str | None],
                cache_dir: str | Path | None, kind: str, suffix: str) -> Path:
    """Return the cache file of what the table makes of the claims (``kind``), named by the
    table's hash and the claims' texts and titles."""
    import hashlib

    from .dense import default_cache_dir

    h = hashlib.sha256((kind + "\x00" + table.sha256).encode())
    for t, ti in zip(texts, titles):
        h.update(b"\x00" + t.encode("utf-8") + b"\x01" + (ti or "").encode("utf-8"))
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / f"{h.hexdigest()[:32]}{suffix}"


def _write_cache(path: Path, write: Callable[[Path], object]) -> None:
    """Write a cache file whole or not at all: ``write(tmp)`` to a file of its own, then renamed."""
    import os

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp{path.suffix}")
        write(tmp)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache costs time, not results


class WordRows(NamedTuple):
    """The table's rows of many texts' words, one text after the other: ``ids[offsets[i]:
    offsets[i + 1]]`` are text i's (each word once, function words left out), with their weights."""

    ids: np.ndarray
    weights: np.ndarray
    offsets: np.ndarray


def word_rows(table: StaticTable, word_lists: Sequence[Sequence[str]]) -> WordRows:
    """Return the rows and weights of each text's words in the table: what :func:`alignment` matches."""
    ids, weights, lengths = table.entries(word_lists)
    return WordRows(ids, np.asarray(weights, dtype=np.float32), np.concatenate([[0], np.cumsum(lengths)]))


def claim_word_rows(table: StaticTable, texts: Sequence[str], titles: Sequence[str | None],
                    cache_dir: str | Path | None = None, min_claims: int = 2000) -> tuple[WordRows, WordRows]:
    """Return the :func:`word_rows` of the claims' texts and of their titles (none where there is
    none); for ``min_claims`` claims or more, kept in the cache folder beside their vectors
    (:func:`claim_vectors`), named by the table's hash and the texts."""
    def work() -> tuple[WordRows, WordRows]:
        return (word_rows(table, [text_words(t) for t in texts]),
                word_rows(table, [words(ti) if ti else [] for ti in titles]))

    if len(texts) < min_claims:
        return work()
    path = _cache_path(table, texts, titles, cache_dir, "static-rows", ".rows.npz")
    names = [f"{side}_{field}" for side in ("text", "title") for field in WordRows._fields]
    try:
        with np.load(path, allow_pickle=False) as z:
            got = [z[n] for n in names]
        n = len(WordRows._fields)
        text, title = WordRows(*got[:n]), WordRows(*got[n:])
        if len(text.offsets) == len(title.offsets) == len(texts) + 1:
            return text, title
    except (OSError, ValueError, KeyError):
        pass
    text, title = work()
    _write_cache(path, lambda tmp: np.savez(tmp, **dict(zip(names, [*text, *title]))))
    return text, title


def alignment(table: StaticTable, query: np.ndarray, sides: Sequence[WordRows], rows: Sequence[int]) -> np.ndarray:
    """Return a (len(rows), len(sides)) array: for each of the texts ``rows`` of each side (the
    claims' texts, their titles), the weighted mean over its words of the cosine to the closest
    of the query's words (``query``: their rows in the table); 0 where either has no word of the table."""
    rows = np.asarray(rows, dtype=np.int64)
    out = np.zeros((len(rows), len(sides)), dtype=np.float64)
    if not len(query) or not len(rows):
        return out
    unit = table.unit
    q = unit[query]
    at, firsts, counts = [], [], []
    done = 0
    for side in sides:
        starts = side.offsets[rows]
        lengths = side.offsets[rows + 1] - starts
        first = np.cumsum(lengths) - lengths  # where each text's words start among those gathered
        at.append(np.repeat(starts - first, lengths) + np.arange(int(lengths.sum())))
        firsts.append((done, first, lengths))
        done += int(lengths.sum())
    if not done:
        return out
    ids = np.concatenate([side.ids[a] for side, a in zip(sides, at)])
    weights = np.concatenate([side.weights[a] for side, a in zip(sides, at)]).astype(np.float64)
    # one product for every side's words: each word's cosine to its closest query word
    best = (unit[ids] @ q.T).max(axis=1).astype(np.float64)
    for k, (begin, first, lengths) in enumerate(firsts):
        seg = first[lengths > 0]  # a text without words has no segment (the next starts where it would)
        if len(seg):
            part = slice(begin, begin + int(lengths.sum()))
            num, den = np.add.reduceat(best[part] * weights[part], seg), np.add.reduceat(weights[part], seg)
            out[lengths > 0, k] = num / np.maximum(den, 1e-12)
    return out
