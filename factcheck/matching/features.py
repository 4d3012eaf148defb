"""What the re-ranker knows about a (query, candidate) pair: lexical scores and ranks, the
encoder's cosine (accurate tier), word and name overlap, and whether figures and dates agree."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from .text import clean, named_words
from .figures import DIFFERENT, NONE, SAME, Figure, FigureComparison, compare_figures, figures_of

LEXICAL = ("bm25_rel", "text_rel", "title_rel", "lex_rank", "words_of_claim", "words_of_query",
           "idf_of_claim", "idf_of_query",
           "named_of_claim", "named_shared", "figures_same", "figures_different", "dates_same",
           "dates_different")
DENSE = ("cosine", "cosine_title", "cosine_gap", "dense_rank")


@dataclass(frozen=True)
class Side:
    """What the features need of one claim: content words, named words, figures (read when
    first asked for: a candidate's only matter when the query has some)."""

    words: frozenset
    #: the text as given: its names are read from it with an embedded post's signature
    #: (``named_text``: that reading, when the caller has it), its figures without
    text: str
    facets: tuple | None
    #: each word's idf in the index searched (a mapping holding at least these words), and their sum
    weights: dict
    total: float
    named_text: str | None = None
    #: (named words, figures) when they were worked out beforehand (a source claim's, by its index)
    preset: tuple | None = None

    @cached_property
    def plain(self) -> frozenset:
        """The words without digits: what "similar wording" compares."""
        return frozenset(w for w in self.words if w.isalpha())

    @cached_property
    def named(self) -> frozenset:
        if self.preset is not None:
            return self.preset[0]
        return named_words(self.named_text if self.named_text is not None else clean(self.text, signature=False))

    @cached_property
    def figure_text(self) -> str:
        return clean(self.text)

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        if self.preset is not None:
            return self.preset[1]
        return figures_of(self.figure_text, list(self.facets) if self.facets is not None else None)

    @cached_property
    def dates(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.dimension == "date")

    @cached_property
    def known(self) -> frozenset:
        """Its words and named words: what a candidate's names are looked for in."""
        return self.words | self.named


def _weighted_sum(a: Side, common: frozenset) -> float:
    """Return the idf-weighted share of ``a``'s words that are in ``common`` (``a.words & other``)."""
    if not a.total:
        return 0.0
    weights = a.weights
    return sum([weights[w] for w in common]) / a.total


def pair_features(q: Side, c: Side, *, bm25: float, best_bm25: float, text: float, title: float,
                  lex_rank: int | None, dense: dict | None = None) -> tuple[list[float], str]:
    """Return the feature vector of one pair (LEXICAL, then DENSE when ``dense`` is given) and
    the figure verdict (``same``/``different``/``none``)."""
    cmp = compare_figures(q.figures, c.figures) if q.figures else FigureComparison(NONE)
    dates_q = q.dates
    dates_c = c.dates if dates_q else ()
    dates = compare_figures(dates_q, dates_c).figures if dates_q and dates_c else "none"
    cw, qw = c.words, q.words
    # each way round, as each weighted sum runs over the set its intersection gives
    cq, qc = cw & qw, qw & cw
    named = c.named
    shared_names = len(named & q.known)
    best = best_bm25 if best_bm25 > 0 else 1.0
    # scores relative to the query's best candidate, so that the model carries over to
    # indexes of any size (an absolute BM25 grows with the size of the index)
    row = [bm25 / best, text / best, title / best,
           1.0 / (1 + lex_rank) if lex_rank is not None else 0.0,
           len(cq) / len(cw) if cw else 0.0, len(qc) / len(qw) if qw else 0.0,
           _weighted_sum(c, cq), _weighted_sum(q, qc),
           shared_names / len(named) if named else 0.0,
           float(shared_names) ** 0.5,
           float(cmp.figures == SAME), float(cmp.figures == DIFFERENT),
           float(dates == SAME), float(dates == DIFFERENT)]
    if dense is not None:
        row += [dense["cosine"], dense["cosine_title"], dense["cosine"] - dense["best"],
                1.0 / (1 + dense["rank"]) if dense.get("rank") is not None else 0.0]
    return row, cmp.figures


def names(dense: bool) -> Sequence[str]:
    return LEXICAL + DENSE if dense else LEXICAL
