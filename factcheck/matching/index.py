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


def _counts(docs: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Return the (docs x vocab) term counts."""
    rows, cols = [], []
    for i, doc in enumerate(docs):
        rows.extend([i] * len(doc))
        cols.extend(vocab[t] for t in doc)
    tf = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(docs), len(vocab)))
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
        self.vocab: dict[str, int] = {}
        for doc in text_terms + title_terms:
            for t in doc:
                self.vocab.setdefault(t, len(self.vocab))
        self.size = len(texts)
        #: each claim's terms, text and title together
        self.doc_terms = [frozenset(a).union(b) for a, b in zip(text_terms, title_terms)]
        text_tf, title_tf = _counts(text_terms, self.vocab), _counts(title_terms, self.vocab)
        text_len = np.array([len(d) for d in text_terms], dtype=np.float64)
        title_len = np.array([len(d) for d in title_terms], dtype=np.float64)
        # as FTS5 ranks a row of several columns: one document whose title words count
        # TITLE_WEIGHT each, its length the sum of both. (terms x docs), so that a query's
        # row times it gives every claim's score.
        df = np.bincount((text_tf + title_tf).indices, minlength=len(self.vocab))
        #: each term's weight for coverage features: log(N / df), 0 for a term in every claim
        self.idf = np.log(max(1, self.size) / np.maximum(df, 1))
        self._idf = dict(zip(self.vocab, self.idf.tolist()))
        self.both_t = _bm25(text_tf + TITLE_WEIGHT * title_tf, text_len + title_len).T.tocsr()
        self.text_t = _bm25(text_tf, text_len).T.tocsr()
        self.title_t = _bm25(title_tf, title_len).T.tocsr()

    def weight(self, words) -> dict:
        """Return {term: idf} of the terms the index knows (unknown ones weigh the most)."""
        top = float(np.log(max(2, self.size)))
        idf = self._idf
        return {w: idf.get(w, top) for w in words}

    def query_matrix(self, queries: Sequence[str]) -> sparse.csr_matrix:
        """Return the (queries x terms) 0/1 matrix of each query's known terms."""
        rows, cols = [], []
        for i, q in enumerate(queries):
            ids = {self.vocab[t] for t in terms(q) if t in self.vocab}
            rows.extend([i] * len(ids))
            cols.extend(ids)
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(len(queries), len(self.vocab)))

    def scores(self, queries: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the dense (queries x claims) BM25 scores of text and title together, of the
        text and of the title."""
        q = self.query_matrix(queries)
        return (q @ self.both_t).toarray(), (q @ self.text_t).toarray(), (q @ self.title_t).toarray()

    def search_many(self, queries: Sequence[str], k: int = 50, batch: int = 256
                    ) -> Iterable[list[tuple[int, float, float, float]]]:
        """Yield, per query, up to ``k`` (row, BM25, BM25 of the text, BM25 of the title) for the
        claims sharing a term with it, best first."""
        for s in range(0, len(queries), batch):
            total, text, title = self.scores(queries[s: s + batch])
            for i in range(len(total)):
                row = total[i]
                kk = min(k, int(np.count_nonzero(row)))
                if kk == 0:
                    yield []
                    continue
                top = np.argpartition(-row, kk - 1)[:kk]
                top = top[np.argsort(-row[top], kind="stable")]
                yield [(int(j), float(row[j]), float(text[i, j]), float(title[i, j])) for j in top]
