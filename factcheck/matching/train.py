"""Training the re-ranker on CLEF-2020 CheckThat! Task 2 (``../shared/data/claim-matching/ct20``):
fit on train, the regularisation chosen by cross-validation over train queries, dev reported."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np

from ..errors import InputError
from .evaluate import mean_average_precision, read_qrels
from .features import names
from .matcher import Matcher, shared_scores
from .rerank import Reranker
from .sources import CheckedClaim, read_all

C_GRID = (0.01, 0.1, 1.0, 10.0)
FOLDS = 5


def default_data() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def read_ct20(data: str | Path | None = None) -> tuple[list[CheckedClaim], dict]:
    """Return the verified claims and {split: (queries, qrels)} of CT20's train and dev."""
    root = Path(data or default_data()) / "claim-matching" / "ct20"
    errors: list = []
    claims = read_all([str(root / "verified_claims.docs.tsv")], errors)
    splits = {}
    for split in ("train", "dev"):
        queries = read_all([str(root / split / "tweets.queries.tsv")], errors)
        splits[split] = (queries, read_qrels(root / split / "tweet-vclaim-pairs.qrels"))
    if errors:
        raise errors[0] if isinstance(errors[0], InputError) else InputError(str(errors[0]))
    return claims, splits


def pair_table(matcher: Matcher, queries, qrels) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """Return (candidate (row, id) pairs per query, features, labels, query index) of every
    candidate. A copy of a relevant claim (the same claim listed under another id) is labelled
    relevant for training: it says the same thing."""
    ids, X, y, g = [], [], [], []
    for i, (q, (rows, feats, _)) in enumerate(zip(queries, matcher.pairs(queries))):
        ids.append([(r, matcher.claims[r].id) for r in rows])
        X.append(feats)
        wanted = qrels.get(q.id, ())
        y.extend(int(any(matcher.claims[c].id in wanted for c in matcher.copies.get(r, (r,)))) for r in rows)
        g.extend([i] * len(rows))
    return ids, np.vstack(X), np.array(y), np.array(g)


def ranked_map(model: Reranker, queries, ids, X, g, qrels, copies: dict, k: int = 5) -> float:
    """Return MAP@k of the candidates ordered as :meth:`Matcher.match` orders them by the
    model's score (copies of a claim together, the first listed first)."""
    scores = model.decision_function(X)
    rankings = {}
    for i, q in enumerate(queries):
        rows = [r for r, _ in ids[i]]
        s = shared_scores(rows, scores[g == i], copies)
        order = sorted(range(len(rows)), key=lambda j: (-s[j], rows[j]))
        rankings[q.id] = [ids[i][j][1] for j in order]
    return mean_average_precision(rankings, {q.id: qrels[q.id] for q in queries if q.id in qrels}, k)


def train_reranker(tier: str = "fast", *, data: str | Path | None = None, output: str | Path | None = None,
                   cache_dir=None, log=print) -> tuple[Reranker, dict]:
    """Fit the re-ranker of a tier on CT20 train (C by grouped CV), measure dev MAP@5, and
    write it to ``output`` when given; return it with its figures."""
    claims, splits = read_ct20(data)
    dense = tier == "accurate"
    matcher = Matcher(claims, model=None, dense=dense, cache_dir=cache_dir, cache_queries=True)
    tables = {s: pair_table(matcher, q, qr) for s, (q, qr) in splits.items()}
    queries, qrels = splits["train"]
    ids, X, y, g = tables["train"]
    folds = np.arange(len(queries)) % FOLDS
    cv = {}
    for C in C_GRID:
        maps = []
        for f in range(FOLDS):
            test_q = folds[g] == f
            model = Reranker(features=names(dense), C=C).fit(X[~test_q], y[~test_q])
            sub = [i for i in range(len(queries)) if folds[i] == f]
            maps.append(ranked_map(model, [queries[i] for i in sub], [ids[i] for i in sub], X[test_q],
                                   np.searchsorted(sub, g[test_q]), qrels, matcher.copies))
        cv[C] = float(np.mean(maps))
        log(f"C={C}: cross-validated train MAP@5 {cv[C]:.4f}")
    best = max(cv, key=lambda c: (cv[c], -c))
    model = Reranker(features=names(dense), C=best).fit(X, y)
    dq, dqr = splits["dev"]
    dids, dX, _, dg = tables["dev"]
    figures = {"tier": tier, "C": best, "cv_map5": round(cv[best], 4),
               "dev_map5": round(ranked_map(model, dq, dids, dX, dg, dqr, matcher.copies), 4),
               "train_pairs": int(len(y)), "train_positive": int(y.sum()),
               "trained_on": "CLEF-2020 CheckThat! Task 2 English train (800 tweets, 10,375 Snopes claims)",
               "trained": _dt.date.today().isoformat()}
    log(f"dev MAP@5 {figures['dev_map5']:.4f} (C={best})")
    if output is not None:
        model.save(output, **figures)
    return model, figures


def relevant_claims(data: str | Path | None = None) -> tuple[list[CheckedClaim], list[CheckedClaim]]:
    """Return (all verified claims, those that train or dev queries repeat): the claims the
    number-awareness check is built from."""
    claims, splits = read_ct20(data)
    wanted = set().union(*(ids for _, qrels in splits.values() for ids in qrels.values()))
    return claims, [c for c in claims if c.id in wanted]


def ct20_map(model: str | Path = "fast", split: str = "dev", *, data: str | Path | None = None,
             cache_dir=None, k: int = 5) -> float:
    """Return MAP@k of a tier (or a re-ranker folder) on a CT20 split, through :class:`Matcher`."""
    claims, splits = read_ct20(data)
    queries, qrels = splits[split]
    matcher = Matcher(claims, model=model, cache_dir=cache_dir, cache_queries=True)
    rankings = {r["id"]: [m["id"] for m in r["matches"]] for r in matcher.match(queries, top=k)}
    return mean_average_precision(rankings, qrels, k)
