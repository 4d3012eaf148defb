"""Training the re-ranker on CLEF-2020 CheckThat! Task 2 (``../shared/data/claim-matching/ct20``):
fit on train, the regularisation chosen by cross-validation over train queries, dev reported."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Sequence

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
                   cache_dir=None, log=print, base_model: str | Path | None = None, limit: int | None = None,
                   finetune: bool | None = None, **settings) -> tuple[Reranker, dict]:
    """Fit the re-ranker of a tier on CT20 train (C by grouped CV), measure dev MAP@5, and
    write it to ``output`` when given; return it with its figures.

    The accurate tier first fine-tunes its encoder on the train pairs (:func:`train_encoder`;
    from ``base_model`` instead of the pinned MiniLM when given, with ``settings`` over
    :data:`~.encoder.TRAINING`) and writes it under ``output/encoder``; the re-ranker is then
    fitted on that encoder's features. ``finetune=False``: the pinned encoder as it is; None:
    :data:`~.encoder.FINETUNE`, what cross-validation chose for the shipped model.
    ``limit``: only the first ``limit`` train queries (a quick check)."""
    import tempfile

    claims, splits = read_ct20(data)
    if limit:
        queries, qrels = splits["train"]
        splits["train"] = (queries[:limit], qrels)
    dense = tier == "accurate"
    encoder = entry = None
    if finetune is None:
        from .encoder import FINETUNE as finetune
    with tempfile.TemporaryDirectory() as tmp:
        if dense and finetune:
            encoder, entry = train_encoder(claims, *splits["train"], Path(output) if output is not None else Path(tmp),
                                           base_model=base_model, cache_dir=cache_dir, log=log, **settings)
        model, figures = _fit_reranker(tier, claims, splits, encoder, cache_dir, log)
    if output is not None:
        model.save(output, **figures, **({"encoder": entry} if entry else {}))
    return model, figures


def train_encoder(claims, queries, qrels, output: Path, *, base_model=None, cache_dir=None, log=print,
                  **settings) -> tuple[object, dict]:
    """Fine-tune the matching encoder on the (query, claim) pairs of ``queries`` with BM25 hard
    negatives, write it under ``output/encoder`` and return it loaded back (its SHA-256
    checked) with its config entry."""
    from . import encoder as enc_mod

    lexical = Matcher(claims, model=None, dense=False, cache_dir=cache_dir)
    Q, P, R, H, _ = encoder_pairs(lexical, queries, qrels)
    setting = {**enc_mod.TRAINING, **settings}
    log(f"fine-tuning the encoder on {len(Q)} pairs: {setting}")
    state, description = enc_mod.finetune(Q, P, [c.text for c in claims], R,
                                          hard=H if setting.get("hard_negatives") else None,
                                          base_model_dir=base_model, log=log, **setting)
    entry = enc_mod.save(output, state, description)
    log(f"encoder written to {Path(output) / enc_mod.FOLDER} in {description['training']['seconds']:.0f} s")
    return enc_mod.load(output, entry), entry


def cross_validate(matcher: Matcher, queries, qrels, table, features, log=print, label: str = "") -> dict:
    """Return {C: MAP@5 of 5-fold cross-validation over the train queries} (grouped by query)
    for a re-ranker reading ``features`` of the pair ``table`` (see :func:`pair_table`)."""
    ids, X, y, g = table
    folds = np.arange(len(queries)) % FOLDS
    cv = {}
    for C in C_GRID:
        maps = []
        for f in range(FOLDS):
            test_q = folds[g] == f
            model = Reranker(features=features, C=C).fit(X[~test_q], y[~test_q])
            sub = [i for i in range(len(queries)) if folds[i] == f]
            maps.append(ranked_map(model, [queries[i] for i in sub], [ids[i] for i in sub], X[test_q],
                                   np.searchsorted(sub, g[test_q]), qrels, matcher.copies))
        cv[C] = float(np.mean(maps))
        log(f"{label}C={C}: cross-validated train MAP@5 {cv[C]:.4f}")
    return cv


def reranker_figures(tier: str, C: float, cv_map5: float, model: Reranker, matcher: Matcher, dev, dev_table,
                     y: np.ndarray, queries, claims) -> dict:
    """Return the figures a re-ranker's config records: the choice, its cross-validated and dev
    MAP@5 (``dev``: the dev queries and judgements, ``dev_table``: their :func:`pair_table`),
    the training pairs and what it was trained on."""
    dq, dqr = dev
    dids, dX, _, dg = dev_table
    return {"tier": tier, "C": C, "cv_map5": round(cv_map5, 4),
            "dev_map5": round(ranked_map(model, dq, dids, dX, dg, dqr, matcher.copies), 4),
            "train_pairs": int(len(y)), "train_positive": int(y.sum()),
            "trained_on": f"CLEF-2020 CheckThat! Task 2 English train ({len(queries)} tweets, "
                          f"{len(claims):,} Snopes claims)",
            "trained": _dt.date.today().isoformat()}


def _fit_reranker(tier, claims, splits, encoder, cache_dir, log) -> tuple[Reranker, dict]:
    dense = tier == "accurate"
    matcher = Matcher(claims, model=None, dense=dense, encoder=encoder, cache_dir=cache_dir, cache_queries=True)
    tables = {s: pair_table(matcher, q, qr) for s, (q, qr) in splits.items()}
    queries, qrels = splits["train"]
    _, X, y, _ = tables["train"]
    cv = cross_validate(matcher, queries, qrels, tables["train"], names(dense), log)
    best = max(cv, key=lambda c: (cv[c], -c))
    model = Reranker(features=names(dense), C=best).fit(X, y)
    figures = reranker_figures(tier, best, cv[best], model, matcher, splits["dev"], tables["dev"], y, queries, claims)
    log(f"dev MAP@5 {figures['dev_map5']:.4f} (C={best})")
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


def encoder_pairs(matcher: Matcher, queries, qrels, hard_k: int = 5) -> tuple[list, list, list, list, list]:
    """Return the encoder's training pairs: (query texts, claim rows, rows relevant to the
    pair's query, the query's best BM25 rows, the query's position). The query is the post
    cleaned as the matcher cleans it; a pair per relevant claim; a relevant claim's copies are
    relevant too."""
    from .text import clean, terms

    first: dict[str, int] = {}
    for row, c in enumerate(matcher.claims):
        first.setdefault(c.id, row)
    texts = [clean(q.text, signature=False) for q in queries]
    hits = matcher.lexical.search_many(query_terms=[terms(t) for t in texts], k=hard_k)
    Q, P, R, H, W = [], [], [], [], []
    for i, (q, text, found) in enumerate(zip(queries, texts, hits)):
        rows = [first[c] for c in sorted(qrels.get(q.id, ())) if c in first]
        relevant = {r2 for r in rows for r2 in matcher.copies.get(r, (r,))}
        for r in rows:
            Q.append(text)
            P.append(r)
            R.append(relevant)
            H.append([h[0] for h in found])
            W.append(i)
    return Q, P, R, H, W


def dense_map(encoder, claim_vectors: np.ndarray, claims, queries, qrels, k: int = 5) -> float:
    """Return MAP@k of the encoder's cosine to the claim texts alone (``claim_vectors``)."""
    from .dense import top_cosine
    from .text import clean

    qv = encoder.encode([clean(q.text, signature=False) for q in queries])
    rows, _ = top_cosine(qv, claim_vectors, k)
    rankings = {q.id: [claims[r].id for r in rows[i]] for i, q in enumerate(queries)}
    return mean_average_precision(rankings, {q.id: qrels[q.id] for q in queries if q.id in qrels}, k)


def fold_pipeline_map(claims, queries, qrels, held: np.ndarray, encoder=None, *, cache_dir=None,
                      log=print) -> dict:
    """Return {C: MAP@5} of the whole accurate pipeline on the train queries where ``held`` is
    True, the re-ranker fitted on the others' features (made, as in the shipped model, by the
    same encoder: ``encoder``, or the pinned one when None)."""
    matcher = Matcher(claims, model=None, dense=True, encoder=encoder, cache_dir=cache_dir, cache_queries=True)
    ids, X, y, g = pair_table(matcher, queries, qrels)
    test = held[g]
    sub = np.flatnonzero(held)
    fits = {"": (X, y, test)}
    if encoder is not None:
        # the re-ranker fitted instead on the pinned encoder's features of the other queries:
        # cosines the fine-tuned encoder has not learnt on (their candidates differ a little)
        pinned = Matcher(claims, model=None, dense=True, cache_dir=cache_dir, cache_queries=True)
        _, Xp, yp, gp = pair_table(pinned, queries, qrels)
        fits[" (re-ranker fitted on pinned features)"] = (Xp, yp, held[gp])
    out = {}
    for label, (Xf, yf, tf) in fits.items():
        for C in C_GRID:
            model = Reranker(features=names(True), C=C).fit(Xf[~tf], yf[~tf])
            out[f"{C}{label}"] = round(ranked_map(model, [queries[i] for i in sub], [ids[i] for i in sub], X[test],
                                                  np.searchsorted(sub, g[test]), qrels, matcher.copies), 4)
            log(f"  C={C}{label}: held-out pipeline MAP@5 {out[f'{C}{label}']:.4f}")
    return out


def select_encoder(grid: Sequence[dict], *, folds: Sequence[int] = (0,), n_folds: int = FOLDS, epochs: int = 3,
                   data: str | Path | None = None, cache_dir=None, threads: int | None = None,
                   pipeline: bool = True, pinned: bool = True, log=print) -> list[dict]:
    """Cross-validate fine-tuning settings on CT20 train queries only: for each held-out fold
    (query i is in fold i % n_folds, as the re-ranker's CV), fine-tune on the other queries with
    each setting of ``grid`` and score dense MAP@5 on the fold after each epoch; with
    ``pipeline``, also the whole pipeline at the best epoch, and the pinned encoder's figures on
    the same fold. Dev is not read. Returns one record per (fold, setting, epoch)."""
    import time

    from . import encoder as enc_mod

    claims, splits = read_ct20(data)
    queries, qrels = splits["train"]
    lexical = Matcher(claims, model=None, dense=False, cache_dir=cache_dir)
    Q, P, R, H, pair_query = encoder_pairs(lexical, queries, qrels)
    claim_texts = [c.text for c in claims]
    records = []
    for f in folds:
        held_q = np.arange(len(queries)) % n_folds == f
        fold_queries = [queries[i] for i in np.flatnonzero(held_q)]
        keep = [j for j, i in enumerate(pair_query) if not held_q[i]]
        if pinned:
            from ..embeddings import shared_encoder
            from .dense import embeddings
            base = shared_encoder()
            vectors = np.asarray(embeddings(claim_texts, lambda: base, cache_dir), dtype=np.float32)
            d = dense_map(base, vectors, claims, fold_queries, qrels)
            log(f"fold {f}: pinned encoder: dense MAP@5 {d:.4f}")
            records.append({"fold": f, "setting": "pinned", "epoch": 0, "dense_map5": round(d, 4)})
            if pipeline:
                records[-1]["pipeline_map5"] = fold_pipeline_map(claims, queries, qrels, held_q, None,
                                                                 cache_dir=cache_dir, log=log)
        for setting in grid:
            best: dict = {}

            def after(epoch, encoder, setting=setting, best=best):
                t = time.perf_counter()
                vectors = encoder.encode(claim_texts)
                d = dense_map(encoder, vectors, claims, fold_queries, qrels)
                log(f"fold {f} {setting} epoch {epoch}: dense MAP@5 {d:.4f} ({time.perf_counter() - t:.0f} s to score)")
                records.append({"fold": f, "setting": dict(setting), "epoch": epoch, "dense_map5": round(d, 4)})
                if d > best.get("d", -1):
                    best.update(d=d, encoder=encoder, record=records[-1])

            t = time.perf_counter()
            hard = H if setting.get("hard_negatives", 0) else None
            enc_mod.finetune([Q[j] for j in keep], [P[j] for j in keep], claim_texts, [R[j] for j in keep],
                             hard=[hard[j] for j in keep] if hard else None, epochs=epochs,
                             threads=threads, after_epoch=after, log=log,
                             **{k: v for k, v in setting.items()})
            log(f"fold {f} {setting}: {epochs} epochs in {time.perf_counter() - t:.0f} s")
            if pipeline:
                best["record"]["pipeline_map5"] = fold_pipeline_map(claims, queries, qrels, held_q, best["encoder"],
                                                                    cache_dir=cache_dir, log=log)
    return records


def crossfit_fold_map(setting: dict, *, fold: int = 0, n_folds: int = FOLDS, epochs: int = 1,
                      data: str | Path | None = None, cache_dir=None, threads: int | None = None,
                      log=print) -> dict:
    """Return {C: MAP@5} of the whole pipeline on held-out train fold ``fold`` with cross-fitted
    re-ranker features: each other fold's features come from an encoder fine-tuned without it
    (and without ``fold``), the held-out fold's from one fine-tuned on all other folds. Train only."""
    from . import encoder as enc_mod

    claims, splits = read_ct20(data)
    queries, qrels = splits["train"]
    lexical = Matcher(claims, model=None, dense=False, cache_dir=cache_dir)
    Q, P, R, H, pair_query = encoder_pairs(lexical, queries, qrels)
    texts = [c.text for c in claims]
    fold_of = np.arange(len(queries)) % n_folds

    def tuned(leave_out: set):
        keep = [j for j, i in enumerate(pair_query) if fold_of[i] not in leave_out]
        got = {}
        enc_mod.finetune([Q[j] for j in keep], [P[j] for j in keep], texts, [R[j] for j in keep],
                         hard=[H[j] for j in keep] if setting.get("hard_negatives") else None, epochs=epochs,
                         threads=threads, after_epoch=lambda e, enc: got.update(enc=enc), log=log, **setting)
        return got["enc"]

    tables = {}
    for k in range(n_folds):
        enc = tuned({fold} if k == fold else {fold, k})
        sub = [i for i in range(len(queries)) if fold_of[i] == k]
        matcher = Matcher(claims, model=None, dense=True, encoder=enc, cache_dir=cache_dir, cache_queries=True)
        tables[k] = (sub, *pair_table(matcher, [queries[i] for i in sub], qrels))
        log(f"cross-fitted features of fold {k} done")
    Xtr = np.vstack([tables[k][2] for k in tables if k != fold])
    ytr = np.concatenate([tables[k][3] for k in tables if k != fold])
    sub, ids, X, _, g = tables[fold]
    out = {}
    for C in C_GRID:
        model = Reranker(features=names(True), C=C).fit(Xtr, ytr)
        out[C] = round(ranked_map(model, [queries[i] for i in sub], ids, X, g, qrels, lexical.copies), 4)
        log(f"  C={C} (cross-fitted re-ranker features): held-out pipeline MAP@5 {out[C]:.4f}")
    return out
