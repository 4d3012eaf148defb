"""The lexical index: BM25 over the checked claims' text and title.

Each field is a sparse matrix of BM25 term weights, kept as plain numpy arrays (compressed
rows), so scoring a batch of queries is a gather and a sum: thousands of queries a second on
10,000 claims, where SQLite FTS5's ``bm25()`` took 6-9 ms a query for the long posts claim
matching sees (measured on the CT20 queries). FTS5 stays where an index must grow one claim at a
time (the queue). Sums run in float32, each claim's in the order of the query's term ids, the
order of a sparse matrix product, so that scores do not depend on how the queries are batched.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

import numpy as np

from .text import terms

#: BM25's usual constants (Robertson & Zaragoza 2009): term saturation and length normalisation
K1, B = 1.2, 0.75
#: BM25 weight of a title word against a text word. Titles of fact-checks restate the claim
#: in other words, so they count, but less than the claim itself.
TITLE_WEIGHT = 0.5


class Rows(NamedTuple):
    """A sparse matrix by compressed rows: row ``r``'s columns are ``indices[indptr[r]:
    indptr[r + 1]]`` (ascending) and its values the same slice of ``data``."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray

    def gather(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return, for the given rows in turn, (which of ``rows`` each entry is from, the
        entry's position in ``data``/``indices``), in row then column order."""
        starts, lengths = self.indptr[rows], self.indptr[rows + 1] - self.indptr[rows]
        owner = np.repeat(np.arange(len(rows)), lengths)
        offsets = np.cumsum(lengths) - lengths
        return owner, np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)


def _ids(docs: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Return every document's term ids, one after the other, and each document's length."""
    lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    ids = np.fromiter((vocab[t] for doc in docs for t in doc), dtype=np.int64, count=int(lengths.sum()))
    return ids, lengths


def _counts(ids: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the term counts of documents given as :func:`_ids`: the keys ``doc * size + term``
    (ascending) and their counts (float64)."""
    keys, counts = np.unique(np.repeat(np.arange(len(lengths)), lengths) * size + ids, return_counts=True)
    return keys, counts.astype(np.float64)


def _add(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], scale: float = 1.0
         ) -> tuple[np.ndarray, np.ndarray]:
    """Return the counts ``a + scale * b`` (keys as :func:`_counts`)."""
    keys, inverse = np.unique(np.concatenate([a[0], b[0]]), return_inverse=True)
    return keys, np.bincount(inverse, weights=np.concatenate([a[1], scale * b[1]]), minlength=len(keys))


def _bm25(counts: tuple[np.ndarray, np.ndarray], lengths: np.ndarray, size: int) -> tuple[np.ndarray, ...]:
    """Return the BM25 weights idf * tf(k1+1) / (tf + k1(1 - b + b len/avg)) of the counts, with
    Lucene's idf, log(1 + (N - df + 0.5) / (df + 0.5)): (doc, term, float32 weight) of each entry,
    by doc then term. Unlike SQLite FTS5's log((N - df + 0.5) / (df + 0.5)) it stays above zero
    in a collection of one or two claims, where every word is in half of them or more."""
    keys, tf = counts
    doc, term = keys // size, keys % size
    n = max(1, len(lengths))
    df = np.bincount(term, minlength=size)
    idf = np.log1p((n - df + 0.5) / (df + 0.5))
    avg = lengths.mean() if len(lengths) and lengths.mean() > 0 else 1.0
    norm = K1 * (1 - B + B * lengths / avg)
    weights = idf[term] * tf * (K1 + 1) / (tf + norm[doc])
    return doc, term, weights.astype(np.float32)


def _rows(major: np.ndarray, minor: np.ndarray, data: np.ndarray, n: int) -> Rows:
    """Return the entries (major, minor, data) as :class:`Rows` over ``n`` rows of ``major``."""
    order = np.lexsort((minor, major))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(major, minlength=n))])
    return Rows(data[order], minor[order].astype(np.int32), indptr)


class LexicalIndex:
    """BM25 search over texts and titles: ``LexicalIndex(texts, titles).search_many(queries)``."""

    def __init__(self, texts: Sequence[str], titles: Sequence[str | None] | None = None):
        text_terms = [terms(t) for t in texts]
        title_terms = [terms(t or "") for t in (titles or [""] * len(texts))]
        vocab: dict[str, int] = {}
        for doc in text_terms + title_terms:
            for t in doc:
                vocab.setdefault(t, len(vocab))
        self._build(list(vocab), *_ids(text_terms, vocab), *_ids(title_terms, vocab))

    def _build(self, vocab: list[str], text_ids: np.ndarray, text_len: np.ndarray, title_ids: np.ndarray,
               title_len: np.ndarray, matrices: dict | None = None) -> None:
        """Set up the index from its vocabulary (term of each id) and each claim's term ids in
        text and title; ``matrices`` are the weights :meth:`arrays` gave, else computed."""
        self.terms = vocab
        self.vocab: dict[str, int] = dict(zip(vocab, range(len(vocab))))
        self.size = len(text_len)
        self._fields = (text_ids, np.concatenate([[0], np.cumsum(text_len)]),
                        title_ids, np.concatenate([[0], np.cumsum(title_len)]))
        #: each claim's terms, text and title together (a frozenset, made when first asked for)
        self.doc_terms = _DocTerms(self)
        if matrices is None:
            v = max(1, len(vocab))  # entries are keyed claim * v + term
            text_tf, title_tf = _counts(text_ids, text_len, v), _counts(title_ids, title_len, v)
            text_len, title_len = text_len.astype(np.float64), title_len.astype(np.float64)
            both = _add(text_tf, title_tf, TITLE_WEIGHT)  # its keys are every (claim, term) there is
            df = np.bincount(both[0] % v, minlength=len(vocab))
            #: each term's weight for coverage features: log(1 + N / df), above zero however few the claims
            self.idf = np.log1p(max(1, self.size) / np.maximum(df, 1))
            # as FTS5 ranks a row of several columns: one document whose title words count
            # TITLE_WEIGHT each, its length the sum of both; by term, so that a query's terms
            # gather every claim's score
            doc, term, w = _bm25(both, text_len + title_len, v)
            self.both_t = _rows(term, doc, w, v)
            # text and title alone are read only for the claims chosen: by claim
            self.text = _rows(*_bm25(text_tf, text_len, v), self.size)
            self.title = _rows(*_bm25(title_tf, title_len, v), self.size)
        else:
            self.idf = matrices["idf"]
            for name in _MATRICES:
                setattr(self, name, Rows(*(matrices[f"{name}.{part}"] for part in Rows._fields)))
        self._idf = dict(zip(vocab, self.idf.tolist()))

    def arrays(self) -> dict[str, np.ndarray]:
        """Return the index as plain arrays (no object arrays), for :meth:`from_arrays`."""
        text_ids, text_ptr, title_ids, title_ptr = self._fields
        out = {"vocab": np.frombuffer("\n".join(self.terms).encode("utf-8"), dtype=np.uint8),
               "text_ids": text_ids, "text_len": np.diff(text_ptr), "title_ids": title_ids,
               "title_len": np.diff(title_ptr), "idf": self.idf}
        for name in _MATRICES:
            out.update({f"{name}.{part}": value for part, value in getattr(self, name)._asdict().items()})
        return out

    @classmethod
    def from_arrays(cls, arrays) -> "LexicalIndex":
        """Return the index that :meth:`arrays` described (raises KeyError/ValueError if it is not one)."""
        vocab = bytes(arrays["vocab"]).decode("utf-8").split("\n") if len(arrays["vocab"]) else []
        index = cls.__new__(cls)
        index._build(vocab, arrays["text_ids"], arrays["text_len"], arrays["title_ids"], arrays["title_len"],
                     matrices=arrays)
        rows = {"both_t": len(vocab), "text": index.size, "title": index.size}
        for name, n in rows.items():
            m = getattr(index, name)
            wide = len(vocab) if name != "both_t" else index.size
            if (len(m.indptr) != n + 1 or m.indptr[-1] != len(m.indices) or len(m.data) != len(m.indices)
                    or (len(m.indices) and (m.indices.min() < 0 or m.indices.max() >= wide))):
                raise ValueError(f"the index's {name} matrix is malformed")
        if len(index.idf) != len(vocab) or int(index._fields[1][-1]) != len(index._fields[0]):
            raise ValueError("the index's arrays do not fit together")
        return index

    @property
    def idf_of(self) -> dict:
        """{term: idf} of every term of the index."""
        return self._idf

    def weight(self, words) -> dict:
        """Return {term: idf} of the terms the index knows (unknown ones weigh the most)."""
        top = float(np.log1p(max(1, self.size)))  # as a term in one claim
        idf = self._idf
        return {w: idf.get(w, top) for w in words}

    def _query_ids(self, query_terms: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Return (query, term id) of each known term of each query, by query then term id."""
        vocab = self.vocab
        queries, ids = [], []
        for i, words in enumerate(query_terms):
            known = sorted({vocab[t] for t in words if t in vocab})
            queries.extend([i] * len(known))
            ids.extend(known)
        return np.array(queries, dtype=np.int64), np.array(ids, dtype=np.int64)

    def search_many(self, queries: Sequence[str] = (), k: int = 50, batch: int = 256, *,
                    query_terms: Sequence[list[str]] | None = None) -> Iterable[list[tuple[int, float, float, float]]]:
        """Yield, per query, up to ``k`` (row, BM25, BM25 of the text, BM25 of the title) for the
        claims sharing a term with it, best first (``query_terms``: the queries' :func:`terms`,
        when the caller has them already)."""
        if query_terms is None:
            query_terms = [terms(q) for q in queries]
        for s in range(0, len(query_terms), batch):
            chunk = query_terms[s: s + batch]
            qrow, qterm = self._query_ids(chunk)
            # every claim's total, to choose the best
            owner, at = self.both_t.gather(qterm)
            total = np.zeros((len(chunk), self.size), dtype=np.float32)
            np.add.at(total, (qrow[owner], self.both_t.indices[at]), self.both_t.data[at])
            chosen = []
            for i, found in enumerate(np.count_nonzero(total, axis=1).tolist()):
                row = total[i]
                kk = min(k, found)
                if kk == 0:
                    chosen.append(np.zeros(0, dtype=np.int64))
                    continue
                top = np.argpartition(-row, kk - 1)[:kk]
                chosen.append(top[np.argsort(-row[top], kind="stable")])
            # text and title alone, of those chosen only
            pair_query = np.repeat(np.arange(len(chunk)), [len(c) for c in chosen])
            pair_doc = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
            asked = np.zeros((len(chunk), max(1, len(self.terms))), dtype=bool)
            asked[qrow, qterm] = True
            fields = [self._pair_scores(m, pair_query, pair_doc, asked) for m in (self.text, self.title)]
            n = 0
            for i, top in enumerate(chosen):
                m = len(top)
                yield list(zip(top.tolist(), total[i, top].tolist(), fields[0][n: n + m], fields[1][n: n + m]))
                n += m

    @staticmethod
    def _pair_scores(m: Rows, pair_query: np.ndarray, pair_doc: np.ndarray, asked: np.ndarray) -> list[float]:
        """Return each (query, claim) pair's sum of the claim's weights in ``m`` (by claim) of
        the terms the query asks for (``asked``: query x term), in term order."""
        owner, at = m.gather(pair_doc)
        keep = asked[pair_query[owner], m.indices[at]]
        out = np.zeros(len(pair_doc), dtype=np.float32)
        np.add.at(out, owner[keep], m.data[at[keep]])
        return out.tolist()


_MATRICES = ("both_t", "text", "title")


class _DocTerms:
    """Each claim's terms as a frozenset (text, then title), made when first asked for."""

    def __init__(self, index: LexicalIndex):
        self.index = index

    def __len__(self) -> int:
        return self.index.size

    def __getitem__(self, row: int) -> frozenset:
        vocab = self.index.terms
        text_ids, text_ptr, title_ids, title_ptr = self.index._fields
        text = text_ids[text_ptr[row]: text_ptr[row + 1]].tolist()
        title = title_ids[title_ptr[row]: title_ptr[row + 1]].tolist()
        return frozenset([vocab[i] for i in text]).union([vocab[i] for i in title])
