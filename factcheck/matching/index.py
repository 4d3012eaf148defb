"""The lexical index: BM25 over the checked claims' text and title.

Each field is a sparse matrix of BM25 term weights (claims x terms), so scoring a batch of
queries is one sparse product per field: thousands of queries a second on 10,000 claims, where
SQLite FTS5's ``bm25()`` took 6-9 ms a query for the long posts claim matching sees (measured on
the CT20 queries). FTS5 stays where an index must grow one claim at a time (the queue).
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from .text import terms

#: BM25's usual constants (Robertson & Zaragoza 2009): term saturation and length normalisation
K1, B = 1.2, 0.75
#: BM25 weight of a title word against a text word. Titles of fact-checks restate the claim
#: in other words, so they count, but less than the claim itself.
TITLE_WEIGHT = 0.5


def _ids(docs: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Return every document's term ids, one after the other, and each document's length."""
    lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    ids = np.fromiter((vocab[t] for doc in docs for t in doc), dtype=np.int64, count=int(lengths.sum()))
    return ids, lengths


def _counts(ids: np.ndarray, lengths: np.ndarray, size: int) -> sparse.csr_matrix:
    """Return the (docs x vocab) term counts of documents given as :func:`_ids`."""
    rows = np.repeat(np.arange(len(lengths)), lengths)
    tf = sparse.csr_matrix((np.ones(len(ids), dtype=np.float64), (rows, ids)), shape=(len(lengths), size))
    tf.sum_duplicates()
    return tf


def _bm25(tf: sparse.csr_matrix, lengths: np.ndarray) -> sparse.csr_matrix:
    """Return the BM25 weights idf * tf(k1+1) / (tf + k1(1 - b + b len/avg)) of a count matrix,
    with SQLite FTS5's idf, log((N - df + 0.5) / (df + 0.5)), floored just above zero."""
    n = max(1, tf.shape[0])
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.maximum(np.log((n - df + 0.5) / (df + 0.5)), 1e-6)
    avg = lengths.mean() if len(lengths) and lengths.mean() > 0 else 1.0
    norm = K1 * (1 - B + B * lengths / avg)
    coo = tf.tocoo()
    weights = idf[coo.col] * coo.data * (K1 + 1) / (coo.data + norm[coo.row])
    return sparse.csr_matrix((weights.astype(np.float32), (coo.row, coo.col)), shape=tf.shape)


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
            text_tf = _counts(text_ids, text_len, len(vocab))
            title_tf = _counts(title_ids, title_len, len(vocab))
            text_len, title_len = text_len.astype(np.float64), title_len.astype(np.float64)
            # as FTS5 ranks a row of several columns: one document whose title words count
            # TITLE_WEIGHT each, its length the sum of both. (terms x docs), so that a query's
            # row times it gives every claim's score.
            df = np.bincount((text_tf + title_tf).indices, minlength=len(vocab))
            #: each term's weight for coverage features: log(N / df), 0 for a term in every claim
            self.idf = np.log(max(1, self.size) / np.maximum(df, 1))
            self.both_t = _bm25(text_tf + TITLE_WEIGHT * title_tf, text_len + title_len).T.tocsr()
            self.text_t = _bm25(text_tf, text_len).T.tocsr()
            self.title_t = _bm25(title_tf, title_len).T.tocsr()
        else:
            self.idf = matrices["idf"]
            shape = (len(vocab), self.size)
            for name in ("both_t", "text_t", "title_t"):
                setattr(self, name, sparse.csr_matrix(
                    (matrices[f"{name}.data"], matrices[f"{name}.indices"], matrices[f"{name}.indptr"]), shape=shape))
        self._idf = dict(zip(vocab, self.idf.tolist()))

    def arrays(self) -> dict[str, np.ndarray]:
        """Return the index as plain arrays (no object arrays), for :meth:`from_arrays`."""
        text_ids, text_ptr, title_ids, title_ptr = self._fields
        out = {"vocab": np.frombuffer("\n".join(self.terms).encode("utf-8"), dtype=np.uint8),
               "text_ids": text_ids, "text_len": np.diff(text_ptr), "title_ids": title_ids,
               "title_len": np.diff(title_ptr), "idf": self.idf}
        for name in ("both_t", "text_t", "title_t"):
            m = getattr(self, name)
            out.update({f"{name}.data": m.data, f"{name}.indices": m.indices, f"{name}.indptr": m.indptr})
        return out

    @classmethod
    def from_arrays(cls, arrays) -> "LexicalIndex":
        """Return the index that :meth:`arrays` described (raises KeyError/ValueError if it is not one)."""
        vocab = bytes(arrays["vocab"]).decode("utf-8").split("\n") if len(arrays["vocab"]) else []
        index = cls.__new__(cls)
        index._build(vocab, arrays["text_ids"], arrays["text_len"], arrays["title_ids"], arrays["title_len"],
                     matrices=arrays)
        for name in ("both_t", "text_t", "title_t"):
            m = getattr(index, name)
            m.check_format(full_check=False)
        if len(index.idf) != len(vocab) or int(index._fields[1][-1]) != len(index._fields[0]):
            raise ValueError("the index's arrays do not fit together")
        return index

    def weight(self, words) -> dict:
        """Return {term: idf} of the terms the index knows (unknown ones weigh the most)."""
        top = float(np.log(max(2, self.size)))
        idf = self._idf
        return {w: idf.get(w, top) for w in words}

    def query_matrix(self, queries: Sequence[str] = (), *, query_terms: Sequence[list[str]] | None = None
                     ) -> sparse.csr_matrix:
        """Return the (queries x terms) 0/1 matrix of each query's known terms (``query_terms``:
        the queries' :func:`terms`, when the caller has them already)."""
        if query_terms is None:
            query_terms = [terms(q) for q in queries]
        vocab = self.vocab
        rows, cols = [], []
        for i, words in enumerate(query_terms):
            ids = {vocab[t] for t in words if t in vocab}
            rows.extend([i] * len(ids))
            cols.extend(ids)
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(len(query_terms), len(vocab)))

    def scores(self, queries: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the dense (queries x claims) BM25 scores of text and title together, of the
        text and of the title."""
        q = self.query_matrix(queries)
        return (q @ self.both_t).toarray(), (q @ self.text_t).toarray(), (q @ self.title_t).toarray()

    def search_many(self, queries: Sequence[str] = (), k: int = 50, batch: int = 256, *,
                    query_terms: Sequence[list[str]] | None = None) -> Iterable[list[tuple[int, float, float, float]]]:
        """Yield, per query, up to ``k`` (row, BM25, BM25 of the text, BM25 of the title) for the
        claims sharing a term with it, best first (``query_terms``: the queries' :func:`terms`,
        when the caller has them already)."""
        if query_terms is None:
            query_terms = [terms(q) for q in queries]
        scratch = np.zeros(self.size, dtype=np.float32)
        for s in range(0, len(query_terms), batch):
            q = self.query_matrix(query_terms=query_terms[s: s + batch])
            # every claim's total, to choose the best; text and title only of those chosen
            total = (q @ self.both_t).toarray()
            text, title = (q @ self.text_t).tocsr(), (q @ self.title_t).tocsr()
            for i in range(len(total)):
                row = total[i]
                kk = min(k, int(np.count_nonzero(row)))
                if kk == 0:
                    yield []
                    continue
                top = np.argpartition(-row, kk - 1)[:kk]
                top = top[np.argsort(-row[top], kind="stable")]
                yield list(zip(top.tolist(), row[top].tolist(), _row_at(text, i, top, scratch),
                               _row_at(title, i, top, scratch)))


def _row_at(m: sparse.csr_matrix, i: int, cols: np.ndarray, scratch: np.ndarray) -> list[float]:
    """Return row ``i`` of ``m`` at ``cols`` (0 where it has no entry), by way of ``scratch``,
    a zero vector as wide as ``m``, which is left zero again."""
    s, e = m.indptr[i], m.indptr[i + 1]
    idx = m.indices[s:e]
    scratch[idx] = m.data[s:e]
    out = scratch[cols].tolist()
    scratch[idx] = 0
    return out


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
