"""Training the fast tier's re-ranker with the static word table (:mod:`.static`): as
:func:`.train.train_reranker` does for the lexical features, with cross-validation on CT20 train
also choosing whether the table's features and nearest claims are kept."""
from __future__ import annotations

from pathlib import Path

from .matcher import Matcher
from .rerank import Reranker
from .train import cross_validate, pair_table, read_ct20, reranker_figures

#: the static word table's nearest claims added as candidates, tried by CV
STATIC_GRID = (0, 10, 20)
#: whether the claim's cosine to the query's closest sentence (STATIC_SENTENCE) is read, tried by CV
#: when True is listed. Not by default: with the shipped table it moved CV MAP@5 by 0.0001
#: (0.8922 against 0.8921), noise, and one feature more
SENTENCE_GRID = (False,)
#: whether the word alignment features (ALIGN: the claim's words matched by the query's closest
#: words in the table) are read, tried by CV
ALIGN_GRID = (False, True)


def static_table_dir(static: str | Path | None, output: str | Path | None) -> Path | None:
    """Return the folder of the static word table the fast tier is trained with: ``static`` when
    given, else ``output`` when it holds one, else the shipped fast tier's (None if none is there)."""
    from ..models import models_dir
    from .static import table_folder

    if static is not None:
        return Path(static)
    return table_folder(output, models_dir() / "fast" / "matching")


def _copy_table(source: Path, output: Path) -> None:
    """Put the table's files beside the re-ranker (unless they are there already)."""
    import shutil

    from .static import CONFIG, VECTORS, WORDS

    output.mkdir(parents=True, exist_ok=True)
    if source.resolve() != output.resolve():
        for name in (CONFIG, VECTORS, WORDS):
            shutil.copyfile(source / name, output / name)


#: the share of CT20 train's relevant post/claim pairs whose static cosine the floor keeps
FLOOR_KEEPS = 0.95


def same_claim_floor(table, claims, queries, qrels, keeps: float = FLOOR_KEEPS) -> float:
    """Return the static cosine that ``keeps`` of the relevant (post, claim text) pairs of the
    training queries reach: below it, two texts are unlikely to state one claim whatever a
    re-ranker ranks first among a few candidates (the queue's "checked before" reads it)."""
    import numpy as np

    from .static import text_words
    from .text import clean, words

    row = {c.id: i for i, c in enumerate(claims)}
    pairs = [(q, row[c]) for q in queries for c in sorted(qrels.get(q.id, ())) if c in row]
    posts = table.embed([words(clean(q.text, signature=False)) for q, _ in pairs])
    texts = table.embed([text_words(claims[r].text) for _, r in pairs])
    cosines = np.einsum("ij,ij->i", posts, texts)
    return round(float(np.quantile(cosines, 1.0 - keeps)), 4)


def train_fast_reranker(*, data: str | Path | None = None, output: str | Path | None = None,
                   cache_dir=None, static: str | Path | None = None, log=print) -> tuple[Reranker, dict]:
    """Fit the fast tier's re-ranker on CT20 train, measure dev MAP@5, and write it to ``output``
    when given; return it with its figures. Grouped 5-fold CV over the train queries chooses C,
    whether to read the static word table (:mod:`.static`, found by :func:`static_table_dir`)
    how many of its nearest claims to add as candidates, whether to read the claim's cosine
    to the query's closest sentence, and whether to read the word alignment features."""
    from .static import load_table

    claims, splits = read_ct20(data)
    tier, dense = "fast", False
    table_dir = static_table_dir(static, output)
    table = load_table(table_dir) if table_dir is not None else None
    # (static table or None, extra static candidates, closest-sentence feature, word alignment):
    # the lexical model first
    options = [(None, 0, False, False)] + ([(table, k, sent, align) for align in ALIGN_GRID for sent in SENTENCE_GRID
                                            for k in STATIC_GRID] if table is not None else [])
    queries, qrels = splits["train"]
    tried, best = [], None
    for option in options:
        matcher = Matcher(claims, model=None, dense=dense, cache_dir=cache_dir, cache_queries=True,
                          static=option[0], static_candidates=option[1], static_sentences=option[2],
                          static_align=option[3])
        features = matcher.feature_names
        label = "" if option[0] is None else (f"static, {option[1]} extra candidates"
                                              + (", closest sentence" if option[2] else "")
                                              + (", word alignment" if option[3] else "") + ": ")
        pairs = pair_table(matcher, queries, qrels)
        cv = cross_validate(matcher, queries, qrels, pairs, features, log, label)
        C = max(cv, key=lambda c: (cv[c], -c))
        tried.append({"static": option[0] is not None, "static_candidates": option[1],
                      "static_sentences": option[2], "static_align": option[3], "C": C, "cv_map5": round(cv[C], 4)})
        # a richer option is kept only when it beats the simpler ones' cross-validated MAP@5
        if best is None or cv[C] > best[0]:
            best = (cv[C], C, option, matcher, features, pairs)
    cv_best, C, (table, extra, _, _), matcher, features, (_, X, y, _) = best
    model = Reranker(features=features, C=C).fit(X, y)
    figures = reranker_figures(tier, C, cv_best, model, matcher, splits["dev"], pair_table(matcher, *splits["dev"]),
                               y, queries, claims)
    figures["selection"] = tried
    if table is not None:
        figures.update(static_sha256=table.sha256, static_candidates=extra,
                       same_claim_floor=same_claim_floor(table, claims, queries, qrels))
    log(f"dev MAP@5 {figures['dev_map5']:.4f} (C={C}" + (f", static, {extra} extra candidates)" if table else ")"))
    if output is not None:
        if table is not None:
            _copy_table(Path(table.path), Path(output))
        model.save(output, **figures)
    return model, figures
