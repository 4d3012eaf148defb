"""Claim matching: for each query, the checked claims that say the same thing, best first.

Retrieval, then a small learned re-ranker (what won CheckThat! 2020): BM25 candidates (and, in
the accurate tier, the encoder's nearest neighbours), each scored by :mod:`.rerank` over the
features of :mod:`.features`. Figures decide the last word: a candidate whose figures differ
from the query's never ranks above one of similar wording whose figures agree, and its verdict
is marked as not standing for the query.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from ..errors import ModelError
from ..types import Facet
from .features import Side, names, pair_features
from .figures import DIFFERENT, SAME
from .index import LexicalIndex
from .index_cache import lexical_index
from .rerank import Reranker
from .sources import CheckedClaim
from .static import ALIGN, STATIC, STATIC_SENTENCE
from .text import clean, sentences, terms, words

TIERS = ("fast", "accurate")
#: candidates re-ranked per query, from each retriever, by tier: on CT20 dev the fast tier's
#: MAP@5 was the same with 10 as with 20 (0.766 / 0.765), at two thirds of the time
CANDIDATES = {"fast": 10, "accurate": 20}
#: the fast tier's extra candidates per query: the nearest claims by the static word vectors
#: (:mod:`.static`), when its re-ranker reads them; and how deep their rank feature looks
STATIC_CANDIDATES = 10
STATIC_RANKED = 10
#: two claims are of "similar wording" when this share of their words is common (Jaccard). A
#: design choice, not fitted: a claim and a copy with one figure changed share nearly all.
SIMILAR_WORDING = 0.5


def reranker_dir(model: str | Path) -> Path:
    """Return the folder of a shipped tier's re-ranker (``models/TIER/matching``) or ``model`` itself."""
    from ..models import models_dir

    if str(model) in TIERS:
        return models_dir() / str(model) / "matching"
    return Path(model)


def _facets_of(claim: CheckedClaim) -> list[Facet] | None:
    if not claim.facets:
        return None
    try:
        return [Facet.from_dict(f) for f in claim.facets]
    except (KeyError, TypeError, ValueError):
        return None


def side_of(text: str, title: str | None, facets: list[Facet] | None, index: LexicalIndex,
            words: frozenset | None = None, full: str | None = None) -> Side:
    """Return what the features need of a claim: its words (with their idf in ``index``) and
    names with an embedded post's signature, its figures without it (``full``: the text as
    ``clean(text, signature=False)`` gives it, when the caller has it)."""
    if full is None:
        full = clean(text, signature=False)
    if words is None:
        words = frozenset(terms(f"{full} {title or ''}"))
    weights = index.weight(words)
    return Side(words=words, named_text=full, text=text,
                facets=tuple(facets) if facets is not None else None, weights=weights,
                total=sum(weights.values()))


class Matcher:
    """Matches queries against checked claims: ``Matcher(claims).match(queries, top=5)``."""

    def __init__(self, claims: Sequence[CheckedClaim], *, model: str | Path = "fast",
                 reranker: Reranker | None = None, dense: bool | None = None, encoder=None,
                 cache_dir: str | Path | None = None, candidates: int | None = None, cache_queries: bool = False,
                 static=None, static_candidates: int | None = None, static_sentences: bool | None = None,
                 static_align: bool | None = None):
        self.claims = list(claims)
        self.cache_dir = cache_dir
        #: keep the queries' embeddings in the cache too (for training and evaluation runs)
        self.cache_queries = cache_queries
        #: the folder of a fine-tuned encoder's weights (the re-ranker's), when one is named
        self._encoder_dir = None
        loaded = reranker is None and model is not None
        if loaded:
            reranker = Reranker.load(reranker_dir(model))
            if dense is None and str(model) not in TIERS:  # a folder: the tier it was trained for
                dense = "cosine" in reranker.features
        self.dense = (str(model) == "accurate") if dense is None else dense
        self.candidates = candidates or CANDIDATES["accurate" if self.dense else "fast"]
        if loaded:
            if self.dense != any(f == "cosine" for f in reranker.features):
                raise ModelError(f"the re-ranker in {reranker_dir(model)} was trained for the "
                                 f"{'accurate' if not self.dense else 'fast'} tier")
            self._encoder_dir = reranker_dir(model)
        self.reranker = reranker
        #: the fast tier's static word table (:class:`.static.StaticTable`), when its re-ranker reads it
        self.static = static
        if static is None and reranker is not None and not self.dense and STATIC[0] in reranker.features:
            from .static import load_table
            self.static = load_table(reranker_dir(model), sha256=getattr(reranker, "static_sha256_", None))
        if static_candidates is None:
            static_candidates = getattr(reranker, "static_candidates_", STATIC_CANDIDATES) if reranker else STATIC_CANDIDATES
        self.static_candidates = static_candidates
        if static_sentences is None:
            static_sentences = reranker is not None and STATIC_SENTENCE[0] in reranker.features
        #: whether the claim's static cosine to the query's closest sentence is a feature
        self.static_sentences = bool(static_sentences) and self.static is not None
        if static_align is None:
            static_align = reranker is not None and ALIGN[0] in reranker.features
        #: whether the claim's words matched by the query's closest words (:func:`.static.alignment`) are features
        self.static_align = bool(static_align) and self.static is not None
        self.feature_names = (tuple(names(self.dense)) + (STATIC if self.static is not None else ())
                              + (STATIC_SENTENCE if self.static_sentences else ())
                              + (ALIGN if self.static_align else ()))
        if reranker is not None and tuple(reranker.features) != self.feature_names:
            raise ModelError(f"the re-ranker reads the features {', '.join(reranker.features)}; this matcher "
                             f"gives {', '.join(self.feature_names)}")
        #: the BM25 index; row -> rows of the same claim listed more than once (same words in
        #: text and title, only quotes or case differ), in file order, rows listed once absent;
        #: for a large index, each claim's named words and figures, worked out beforehand (else None)
        self.lexical, self.copies, self.facts = lexical_index(self.claims, copies_of, _facets_of, cache_dir)
        self._sides: dict[int, Side] = {}
        #: the table's rows of every claim's text and title words (static_align), made on first use
        self._word_rows = None
        self._encoder = encoder
        #: the encoder the re-ranker was trained with: a fine-tuned one its config names (with
        #: the SHA-256 of its weights), else the pinned MiniLM
        self._encoder_entry = getattr(reranker, "encoder", None) if encoder is None else None
        from .encoder import identity
        #: what the embedding caches are keyed by, so that two encoders' vectors never mix
        self.encoder_id = getattr(encoder, "identity", None) or identity(self._encoder_entry)
        self.vectors = None
        if self.dense:
            from .dense import embeddings
            self.vectors = embeddings([c.text for c in self.claims], self._get_encoder, cache_dir, self.encoder_id)
            # a fact-check's title restates the claim in other words: a second vector per claim
            # (the text again where there is no title)
            self.title_vectors = embeddings([c.title or c.text for c in self.claims], self._get_encoder, cache_dir,
                                            self.encoder_id)
        self.static_vectors = self.static_title_vectors = None
        if self.static is not None:
            from .static import claim_vectors
            self.static_vectors, self.static_title_vectors = claim_vectors(
                self.static, [c.text for c in self.claims], [c.title for c in self.claims], cache_dir)

    def _get_encoder(self):
        if self._encoder is None:
            if self._encoder_entry:
                if self._encoder_dir is None:
                    raise ModelError("the re-ranker names a fine-tuned encoder; load it with Matcher(model=DIR)")
                from .encoder import shared
                self._encoder = shared(self._encoder_dir, self._encoder_entry)
            else:
                from ..embeddings import shared_encoder
                self._encoder = shared_encoder()
        return self._encoder

    def side(self, row: int) -> Side:
        s = self._sides.get(row)
        if s is None:
            c = self.claims[row]
            words = self.lexical.doc_terms[row]
            facets = _facets_of(c) if self.facts is None else None  # preset figures need none
            # every word of a claim is in the index: its idf is the index's own
            idf = self.lexical.idf_of
            preset = (self.facts.named(row), self.facts.figures(row)) if self.facts is not None else None
            s = self._sides[row] = Side(words=words, text=c.text, facets=tuple(facets) if facets is not None else None,
                                        weights=idf, total=sum(idf[w] for w in words), preset=preset)
        return s

    def side_of_claim(self, claim: CheckedClaim) -> Side:
        """Return the features' view of any claim (a query)."""
        return side_of(claim.text, None, _facets_of(claim), self.lexical)

    def pairs(self, queries: Sequence[CheckedClaim]) -> Iterator[tuple[list[int], np.ndarray, list[str]]]:
        """Yield, per query, its candidate rows, their feature matrix and figure verdicts."""
        # who wrote a post helps find the claim about it, so retrieval keeps the signature's
        # name and handle; the figures are read without it (its date is the post's, not the claim's)
        texts = [clean(q.text, signature=False) for q in queries]
        query_terms = [terms(t) for t in texts]
        lexical = self.lexical.search_many(query_terms=query_terms, k=self.candidates)
        dense_rows = dense_sims = None
        if self.dense:
            from .dense import top_cosine
            if self.cache_queries:
                from .dense import embeddings
                qv = np.asarray(embeddings(texts, self._get_encoder, self.cache_dir, self.encoder_id),
                                dtype=np.float32)
            else:
                qv = self._get_encoder().encode(texts)
            dense_rows, dense_sims = top_cosine(qv, self.vectors, self.candidates)
            title_rows, _ = top_cosine(qv, self.title_vectors, self.candidates)
        if self.static is not None:
            from .dense import top_cosine
            sv = self.static.embed([words(t) for t in texts])
            static_rows, static_sims = top_cosine(sv, self.static_vectors, max(self.static_candidates, STATIC_RANKED, 1))
        if self.static_sentences:
            parts = [sentences(t) for t in texts]
            flat = self.static.embed([words(p) for ps in parts for p in ps])
            ends = np.cumsum([len(ps) for ps in parts])
        for i, (q, hits) in enumerate(zip(queries, lexical)):
            qs = side_of(q.text, None, _facets_of(q), self.lexical, frozenset(query_terms[i]), full=texts[i])
            lex = {row: (rank, bm25, text, title) for rank, (row, bm25, text, title) in enumerate(hits)}
            best = hits[0][1] if hits else 0.0
            rows = list(lex)
            if self.dense:
                rows += [int(r) for r in (*dense_rows[i], *title_rows[i])]
            if self.static is not None:
                rows += static_rows[i, :self.static_candidates].tolist()
            # a claim listed twice is scored under each of its ids, so both can rank together
            rows = list(dict.fromkeys(c for row in rows for c in self.copies.get(row, (row,))))
            dense = {}
            if self.dense:
                ranks = {int(r): k for k, r in enumerate(dense_rows[i])}
                cos = np.asarray(self.vectors[rows], dtype=np.float32) @ qv[i]
                cos_title = np.asarray(self.title_vectors[rows], dtype=np.float32) @ qv[i]
                top = float(dense_sims[i][0]) if len(dense_sims[i]) else 0.0
                dense = {row: {"cosine": float(c), "cosine_title": float(ct), "best": top, "rank": ranks.get(row)}
                         for row, c, ct in zip(rows, cos, cos_title)}
            feats, figs = [], []
            for row in rows:
                rank, bm25, text, title = lex.get(row, (None, 0.0, 0.0, 0.0))
                f, fig = pair_features(qs, self.side(row), bm25=bm25, best_bm25=best, text=text, title=title,
                                       lex_rank=rank, dense=dense.get(row) if self.dense else None)
                feats.append(f)
                figs.append(fig)
            X = np.array(feats, dtype=np.float64).reshape(len(rows), len(names(self.dense)))
            if self.static is not None:
                X = np.hstack([X, self._static_features(rows, sv[i], static_rows[i], static_sims[i])])
            if self.static_sentences:
                own = flat[ends[i] - len(parts[i]): ends[i]]
                cos = np.asarray(self.static_vectors[rows], dtype=np.float32) @ own.T if len(own) else None
                best = cos.max(axis=1) if cos is not None else np.zeros(len(rows))
                X = np.hstack([X, best.reshape(len(rows), 1)])
            if self.static_align:
                X = np.hstack([X, self._align_features(rows, qs.figure_text)])
            yield rows, X, figs

    def _align_features(self, rows: list[int], text: str) -> np.ndarray:
        """Return the ALIGN features of the candidates: how well the words of ``text`` (the query
        cleaned as for its figures, its post signature left out) match each claim's text and title words."""
        from .static import alignment, claim_word_rows

        table = self.static
        if self._word_rows is None:  # every claim's words, once (kept in the cache for a large source)
            self._word_rows = claim_word_rows(table, [c.text for c in self.claims], [c.title for c in self.claims],
                                              self.cache_dir)
        query = table.entries([words(text)])[0]
        return alignment(table, query, self._word_rows, rows).reshape(len(rows), len(ALIGN))

    def _static_features(self, rows: list[int], query: np.ndarray, nearest: np.ndarray, sims: np.ndarray) -> np.ndarray:
        """Return the STATIC features of the candidates: cosine to the claim's text and title,
        the gap to the query's nearest claim, and the reciprocal rank among the nearest."""
        cos = np.asarray(self.static_vectors[rows], dtype=np.float32) @ query
        cos_title = np.asarray(self.static_title_vectors[rows], dtype=np.float32) @ query
        top = float(sims[0]) if len(sims) else 0.0
        ranks = {int(r): k for k, r in enumerate(nearest[:STATIC_RANKED].tolist())}
        rank = np.array([1.0 / (1 + ranks[r]) if r in ranks else 0.0 for r in rows])
        return np.column_stack([cos, cos_title, cos - top, rank]).reshape(len(rows), len(STATIC))

    def match(self, queries: Sequence[CheckedClaim], top: int = 5, batch: int = 512,
              min_score: float = 0.0) -> Iterator[dict]:
        """Yield one result per query, in order: ``{"id", "matches": [{"id", "score",
        "figures", "verdict"}]}`` with at most ``top`` matches, best first, each scoring at
        least ``min_score`` (a query may then have none) and, with a ``min_score``, worded no
        further from the query than the same claim's wordings are (:meth:`near_enough`)."""
        for s in range(0, len(queries), batch):
            chunk = queries[s: s + batch]
            for q, (rows, X, figs) in zip(chunk, self.pairs(chunk)):
                scores = self.reranker.predict_proba(X)[:, 1] if len(rows) else np.zeros(0)
                scores = shared_scores(rows, scores, self.copies)
                ranked = [j for j in order(rows, scores, figs, self.side) if scores[j] >= min_score]
                if min_score > 0 and ranked:
                    # a score is relative to the candidates: among few, an unrelated claim scores high too
                    near = self.near_enough(q.text, [self.claims[rows[j]].text for j in ranked])
                    ranked = [j for j, keep in zip(ranked, near) if keep]
                yield {"id": q.id, "matches": [self._match(rows[j], float(scores[j]), figs[j])
                                               for j in ranked[:top]]}

    def near_enough(self, text: str, candidates: Sequence[str]) -> list[bool]:
        """Whether each candidate's static-vector cosine to ``text`` reaches the floor the
        re-ranker learnt for two wordings of one claim (``same_claim_floor`` in the fast tier's
        config: the cosine that 95% of CT20 train's post/claim pairs reach). The re-ranker's
        score cannot say this: its features are relative to the candidates of one source, and in
        a source of a few claims one unrelated claim ranks first too. Without a table or a floor
        every candidate stays."""
        from .static import text_words
        from .text import words

        table, floor = self.static, getattr(self.reranker, "same_claim_floor_", None)
        if table is None or floor is None or not candidates:
            return [True] * len(candidates)
        query = table.embed([words(text)])[0]
        return [float(v @ query) >= floor for v in table.embed([text_words(c) for c in candidates])]

    def _match(self, row: int, score: float, figures: str) -> dict:
        claim = self.claims[row]
        verdict = claim.verdict
        if verdict is not None and figures == DIFFERENT:
            verdict = {**verdict, "stands": False,
                       "why": "its figures differ from this claim's: the verdict does not settle it"}
        return {"id": claim.id, "score": round(score, 6), "figures": figures, "verdict": verdict}


def copies_of(claims: Sequence[CheckedClaim]) -> dict[int, tuple[int, ...]]:
    """Return row -> every row of its claim, for the claims a source lists more than once under
    different ids: the same words, in the same order, in text and title (quotes, case and
    punctuation aside). Rows listed once are left out."""
    groups: dict[tuple, list[int]] = {}
    for row, c in enumerate(claims):
        groups.setdefault((tuple(words(c.text)), tuple(words(c.title or ""))), []).append(row)
    return {row: tuple(g) for g in groups.values() if len(g) > 1 for row in g}


def shared_scores(rows: Sequence[int], scores: np.ndarray, copies: dict) -> np.ndarray:
    """Return the scores with every copy of a claim given the best score among its copies, so
    that the copies rank together, the first listed first (ties go to the lower row)."""
    if not copies:
        return scores
    best: dict[int, float] = {}
    for row, s in zip(rows, scores):
        key = copies.get(row, (row,))[0]
        best[key] = max(best.get(key, -np.inf), float(s))
    return np.array([best[copies.get(row, (row,))[0]] for row in rows], dtype=np.float64)


def similar(a: Side, b: Side) -> bool:
    """Return whether two claims are of similar wording: at least SIMILAR_WORDING of their
    words in common (Jaccard), words with digits left out so that figures do not count."""
    wa, wb = a.plain, b.plain
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= SIMILAR_WORDING


def order(rows: Sequence[int], scores: np.ndarray, figs: Sequence[str], side_of_row) -> list[int]:
    """Return candidate positions best first: by score, except that a candidate whose figures
    differ goes below every candidate of similar wording whose figures agree."""
    ranked = sorted(range(len(rows)), key=lambda j: (-scores[j], rows[j]))
    same = [j for j in ranked if figs[j] == SAME]
    if not same or all(figs[j] != DIFFERENT for j in ranked):
        return ranked
    out: list[int] = []
    held: dict[int, list[int]] = {}  # a same-figure candidate -> the differing ones held below it
    for j in ranked:
        if figs[j] == DIFFERENT:
            below = [s for s in same if similar(side_of_row(rows[s]), side_of_row(rows[j]))]
            later = [s for s in below if s not in out]
            if later:
                held.setdefault(later[-1], []).append(j)
                continue
        out.append(j)
        out.extend(held.pop(j, []))
    for rest in held.values():
        out.extend(rest)
    return out


def match_claims(queries: Iterable[CheckedClaim], sources: Sequence[CheckedClaim], *, top: int = 5,
                 model: str | Path = "fast", cache_dir: str | Path | None = None) -> Iterator[dict]:
    """Return :meth:`Matcher.match` of the queries against the sources, with the given tier."""
    matcher = Matcher(sources, model=model, cache_dir=cache_dir)
    return matcher.match(list(queries), top=top)


__all__ = ["Matcher", "copies_of", "match_claims", "order", "shared_scores", "side_of"]
