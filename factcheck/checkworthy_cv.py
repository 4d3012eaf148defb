"""Choosing the fast check-worthiness model's settings and threshold by grouped cross-validation.

Everything the model fixes from data is chosen here, on training data only: the regularisation
``C``, whether the sentence vectors of the static word table join the features and with what
weight (``vector_weight``, 0 = without), whether the CLEF-2019 debates join the training data,
and the decision threshold. The
folds keep a debate (or an article) whole: a fold never holds out one sentence of a debate
while training on its neighbours.

* CT24 train and ClaimBuster: the ClaimBuster sentence ids run through each debate in order,
  so a block of :data:`ID_BLOCK` consecutive ids is one debate or a part of one (a group).
* CLEF-2019: the debate file.
* The project's own news-style sets: the file and a block of 25 rows (written as topics).
* The blind-labelled PolNeAR development samples (real 2016 articles, about half of their
  sentences checkable): the article.

The score of a setting is the mean of two F1 figures of the out-of-fold scores at one shared
threshold: on the debates (CT24 train rows) and on the news-style rows. The threshold is the
one that gives the best mean on the out-of-fold scores of the chosen setting. CT24 dev and
news-dev take no part: they measure the result (``scripts/eval_checkworthy.py``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

#: consecutive ClaimBuster sentence ids that form one group (a debate or a part of one)
ID_BLOCK = 500
#: grid searched by :func:`select_settings` (and so by ``factcheck train``). Until session 28 it
#: was C in {4, ..., 64} without the static sentence vectors: the vectors won the cross-validation
#: on 2026-12-06 but their model fell under the seed's quality floor (see the model card). In
#: session 29 the blind-labelled PolNeAR samples joined the news rows; then C in {1, 2, 4} x
#: vectors {0, 1} chose vectors at C = 4, its edge, and vectors at C = 8 and 16 scored lower, so
#: this grid holds the best C inside for both; CLEF-2019 stays out (it lost at every C tried)
GRID: dict[str, tuple] = {"C": (2.0, 4.0, 8.0, 16.0), "vector_weight": (0.0, 1.0), "clef2019": (False,)}
#: the grid of 2026-12-06 that first tried the static sentence vectors (kept for the record and the
#: tests; :data:`GRID` now includes the vectors)
VECTOR_GRID: dict[str, tuple] = {"C": (1.0, 2.0, 4.0), "vector_weight": (0.0, 1.0), "clef2019": (False,)}
FOLDS = 3
DEBATES, NEWS = "debates", "news"


def training_sets(shared: str | Path | None = None, datasets_dir: str | Path | None = None) -> dict[str, list]:
    """Return the labelled training sets by name: ``ct24`` (CT24 train), ``claimbuster``,
    ``clef2019``, ``own-attribution``, ``news-own`` and ``polnear-samples`` (the checkable column
    of the PolNeAR development samples; empty without the shared PolNeAR folder), each without
    the sentences of CT24 dev and dev-test or of an earlier set (by normalised text)."""
    from .datasets.checkworthy import (data_dir, dedupe_against, read_claimbuster, read_clef2019,
                                       read_ct24_split, read_news_own, read_polnear_samples)
    root = data_dir(shared) / "checkworthy"
    held = read_ct24_split("dev", shared) + read_ct24_split("dev-test", shared)
    own = read_news_own(datasets_dir)
    raw = {"ct24": read_ct24_split("train", shared),
           "claimbuster": read_claimbuster(root / "claimbuster" / "claimbuster-2class.csv"),
           "clef2019": read_clef2019(root / "clef2019" / "train.csv"),
           "own-attribution": own["own-attribution"], "news-own": own["news-own"],
           "polnear-samples": read_polnear_samples(shared, datasets_dir)}
    out, seen = {}, list(held)
    for name, items in raw.items():
        out[name] = dedupe_against(items, seen)
        seen.extend(out[name])
    return out


def group_of(name: str, item: Any, index: int) -> str:
    """Return the cross-validation group of one training sentence (see the module's text)."""
    if name in ("ct24", "claimbuster"):
        return f"cb:{int(item.id) // ID_BLOCK}" if str(item.id).isdigit() else f"cb:{item.id}"
    if name == "clef2019":
        return "clef:" + str(item.id).rsplit(":", 1)[0]
    if name == "polnear-samples":
        return "pn:" + str(item.id).rsplit(":", 1)[0]  # the article
    prefix = str(item.id).split("-")[0]
    return f"{name}:{prefix}:{index // 25}"


def domain_of(name: str) -> str:
    """Return ``debates`` or ``news``: which figure a training set's rows count towards."""
    return NEWS if name in ("own-attribution", "news-own", "polnear-samples") else DEBATES


def pooled(sets: dict[str, list], names: Sequence[str]) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """Return (sentences, labels, groups, set names) of the named sets, in order."""
    xs, ys, gs, ns = [], [], [], []
    for name in names:
        for i, item in enumerate(sets[name]):
            xs.append(item.text)
            ys.append(item.label)
            gs.append(group_of(name, item, i))
            ns.append(name)
    return xs, np.array(ys), np.array(gs), np.array(ns)


def fold_of(groups: np.ndarray, k: int = FOLDS, seed: int = 0) -> np.ndarray:
    """Return a fold number per row: groups shuffled with ``seed`` and dealt to ``k`` folds,
    largest first onto the smallest fold, so folds are of similar size."""
    names, sizes = np.unique(groups, return_counts=True)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(names))
    order = order[np.argsort(-sizes[order], kind="stable")]
    load, assign = np.zeros(k), {}
    for i in order:
        f = int(np.argmin(load))
        assign[names[i]] = f
        load[f] += sizes[i]
    return np.array([assign[g] for g in groups])


def f1_at(z: np.ndarray, y: np.ndarray, cut: float) -> float:
    """Return F1 of the positive class when ``z >= cut`` is called positive."""
    pred = z >= cut
    tp = float(np.sum(pred & (y == 1)))
    return 2 * tp / max(float(pred.sum() + (y == 1).sum()), 1.0)


def shared_cut(z: np.ndarray, y: np.ndarray, domains: np.ndarray) -> tuple[float, float]:
    """Return (cut, score): the threshold on z with the best mean F1 over the domains present,
    and that mean; of equal means the cut nearest 0."""
    cands = np.unique(np.round(np.quantile(z, np.linspace(0.02, 0.98, 193)), 4))
    names = np.unique(domains)
    best, best_cut = -1.0, 0.0
    for c in cands:
        m = float(np.mean([f1_at(z[domains == d], y[domains == d], c) for d in names]))
        if m > best + 1e-9 or (abs(m - best) <= 1e-9 and abs(c) < abs(best_cut)):
            best, best_cut = m, float(c)
    return best_cut, best


def out_of_fold(make: Callable[[], Any], X: list, y: np.ndarray, folds: np.ndarray, *,
                train_mask: np.ndarray | None = None, features: Any = None) -> np.ndarray:
    """Return the out-of-fold decision values of the model ``make()`` builds: each fold is
    scored by a model fitted on the other folds' rows (those in ``train_mask``, if given).
    ``features`` may give the precomputed feature matrix, used through ``fit_matrix`` /
    ``decision_matrix`` when the model has them."""
    z = np.zeros(len(y))
    keep = np.ones(len(y), bool) if train_mask is None else train_mask
    for f in np.unique(folds):
        tr, te = np.flatnonzero((folds != f) & keep), np.flatnonzero(folds == f)
        model = make()
        if features is not None:
            model.fit_matrix(features[tr], y[tr])
            z[te] = model.decision_matrix(features[te])
        else:
            model.fit([X[i] for i in tr], y[tr])
            z[te] = model.decision_function([X[i] for i in te])
    return z


class TfidfBaseline:
    """Plain TF-IDF + logistic regression (scikit-learn defaults), the baseline the fast tier
    must match on debates."""

    def fit(self, X: Sequence[str], y) -> "TfidfBaseline":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        self.vec_ = TfidfVectorizer()
        self.lr_ = LogisticRegression(max_iter=2000).fit(self.vec_.fit_transform(list(X)), y)
        return self

    def decision_function(self, X: Sequence[str]) -> np.ndarray:
        return self.lr_.decision_function(self.vec_.transform(list(X)))

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Return an (n, 2) array: P(not check-worthy), P(check-worthy) (read from the raw text)."""
        p = 1 / (1 + np.exp(-self.decision_function([x if isinstance(x, str) else x.text for x in X])))
        return np.column_stack([1 - p, p])


def tfidf_on_ct24_train(shared: str | Path | None = None) -> TfidfBaseline:
    """Return the TF-IDF + LR baseline fitted on CT24 train (without dev and dev-test sentences)."""
    from .datasets.checkworthy import dedupe_against, read_ct24_split
    train = dedupe_against(read_ct24_split("train", shared), read_ct24_split("dev", shared),
                           read_ct24_split("dev-test", shared))
    return TfidfBaseline().fit([s.text for s in train], [s.label for s in train])


def select_settings(sets: dict[str, list], *, seed: int = 0, grid: dict[str, tuple] | None = None,
                    folds: int = FOLDS, log: Callable[[str], None] | None = None) -> dict:
    """Return the chosen settings, threshold (as the model's ``shift``) and the cross-validated
    figures of every setting tried and of the TF-IDF baseline on the same folds."""
    from .checkworthy import TRAINING, CheckworthyClassifier
    grid = grid or GRID
    names = list(sets)
    X, y, groups, set_names = pooled(sets, names)
    fold = fold_of(groups, folds, seed)
    domains = np.array([domain_of(n) for n in set_names])
    scored = (set_names == "ct24") | (domains == NEWS)  # figures: CT24 train debates and news rows
    import scipy.sparse as sp

    from .checkworthy import CUE_FEATURES
    weights = tuple(grid.get("vector_weight", (TRAINING["vector_weight"],)))
    # the features once (each sentence cleaned once): with the unit sentence vectors as the last
    # columns when a weight is tried, each weight then scales them
    F = CheckworthyClassifier(**{**TRAINING, "vector_weight": 1.0 if any(weights) else 0.0},
                              random_state=seed).transform(X)
    V = None
    if any(weights):
        end = TRAINING["n_features"] + len(CUE_FEATURES)
        F, V = F[:, :end], F[:, end:]
    trials = []
    for use_clef in grid["clef2019"]:
        mask = np.ones(len(y), bool) if use_clef else set_names != "clef2019"
        for w in weights:
            Fw = sp.hstack([F, V * w], format="csr") if w else F
            for C in grid["C"]:
                z = out_of_fold(lambda: CheckworthyClassifier(**{**TRAINING, "C": C, "vector_weight": w},
                                                              random_state=seed),
                                X, y, fold, train_mask=mask, features=Fw)
                cut, score = shared_cut(z[scored], y[scored], domains[scored])
                trial = {"C": C, "vector_weight": w, "clef2019": use_clef, "cut": round(cut, 4),
                         "score": round(score, 4), **_figures(z, y, cut, set_names, domains)}
                trials.append(trial)
                if log:
                    log(f"C={C} vector_weight={w} clef2019={use_clef}: {trial}")
    # of equal scores: without vectors, then the C nearest 1
    best = max(trials, key=lambda t: (t["score"], -t["vector_weight"], -abs(t["C"] - 1.0)))
    ct = set_names == "ct24"
    zb = out_of_fold(TfidfBaseline, X, y, fold, train_mask=ct)
    baseline = {"f1_at_0.5": round(f1_at(zb[ct], y[ct], 0.0), 4),
                "f1_at_oof_best": round(shared_cut(zb[ct], y[ct], domains[ct])[1], 4)}
    return {"C": best["C"], "vector_weight": best["vector_weight"], "clef2019": best["clef2019"],
            "shift": -best["cut"], "folds": folds,
            "id_block": ID_BLOCK, "chosen": best, "trials": trials, "tfidf_baseline_ct24_train": baseline}


def _figures(z: np.ndarray, y: np.ndarray, cut: float, set_names: np.ndarray, domains: np.ndarray) -> dict:
    from .checkworthy import binary_scores
    out = {}
    parts = [("ct24_train", set_names == "ct24"), ("news_own", domains == NEWS)]
    if np.any(set_names == "polnear-samples"):
        parts.append(("polnear_samples", set_names == "polnear-samples"))
    for name, mask in parts:
        s = binary_scores(y[mask], z[mask] - cut + 0.0, threshold=0.0)
        out[name] = {"f1": round(s["f1"], 4), "ap": round(s["average_precision"], 4)}
    return out
