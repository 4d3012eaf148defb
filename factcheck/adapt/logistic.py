"""MAP logistic regression around a base model: the fitting core of adaptation.

The adapted decision value is ``offset + X @ theta`` where ``offset`` is the base model's
decision value and ``theta`` has a Gaussian prior centred on zero (an L2 penalty of strength
``l2``). Zero means "the base model unchanged", so with few newsroom examples the fit stays
near the base, and it can move only as far as the examples pull it: the base cannot be
forgotten because it is never refitted. ``l2`` is the one knob, chosen by cross-validation
grouped by document (:func:`choose_l2`); weighting the newsroom data by ``w`` is the same as
dividing ``l2`` by ``w``.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

INF = float("inf")
#: candidate prior strengths of the word weights and of the calibration weights (bias, base
#: log-odds, rule features), strongest (nearest the base) first; ``inf`` keeps the base's
WORD_GRID = (INF, 10.0, 1.0)
CALIBRATION_GRID = (INF, 10.0, 3.0, 1.0, 0.3)
L2_GRID = tuple((w, c) for w in WORD_GRID for c in CALIBRATION_GRID)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Return the logistic function of z (clipped against overflow)."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def logit(p: np.ndarray) -> np.ndarray:
    """Return the log-odds of probabilities p (clipped away from 0 and 1)."""
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def balanced_weights(y: np.ndarray) -> np.ndarray:
    """Return per-row weights that give both classes the same total weight (mean 1)."""
    y = np.asarray(y)
    w = np.ones(len(y))
    for c in (0, 1):
        n = int(np.sum(y == c))
        if n:
            w[y == c] = len(y) / (2.0 * n)
    return w


def fit_offset(X, offset: np.ndarray, y: np.ndarray, weight: np.ndarray, l2) -> np.ndarray:
    """Return theta minimising the weighted log-loss of ``offset + X @ theta`` plus
    ``sum(l2 / 2 * theta^2)`` (``l2`` a number or one per column; a column with an infinite
    ``l2`` stays at zero)."""
    from scipy.optimize import minimize
    n_cols = X.shape[1]
    l2 = np.broadcast_to(np.asarray(l2, dtype=np.float64), (n_cols,))
    free = np.isfinite(l2)
    if not free.any() or len(y) == 0:
        return np.zeros(n_cols)
    if not free.all():
        theta = np.zeros(n_cols)
        theta[free] = fit_offset(X[:, np.flatnonzero(free)], offset, y, weight, l2[free])
        return theta
    y = np.asarray(y, dtype=np.float64)

    def loss(theta):
        z = offset + X @ theta
        p = sigmoid(z)
        value = np.sum(weight * (np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * theta @ theta
        return value, X.T @ (weight * (p - y)) + l2 * theta

    return minimize(loss, np.zeros(n_cols), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x


def log_loss(y: np.ndarray, z: np.ndarray, weight: np.ndarray | None = None) -> float:
    """Return the weighted mean log-loss of decision values z for 0/1 targets y."""
    y, z = np.asarray(y, dtype=np.float64), np.asarray(z, dtype=np.float64)
    w = np.ones(len(y)) if weight is None else np.asarray(weight, dtype=np.float64)
    return float(np.sum(w * (np.logaddexp(0.0, z) - y * z)) / max(np.sum(w), 1e-12))


def group_folds(groups: Sequence, k: int, seed: int | None = None) -> np.ndarray:
    """Return a fold number per row, whole groups to a fold, folds of similar size: largest
    groups first (``seed`` None; deterministic) or in a random order drawn with ``seed``, each to
    the currently smallest fold."""
    groups = list(groups)
    sizes: dict = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes, key=lambda g: (-sizes[g], str(g)))
    if seed is not None:
        order = [order[i] for i in np.random.default_rng(seed).permutation(len(order))]
    load = [0] * k
    fold_of = {}
    for g in order:
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += sizes[g]
    return np.array([fold_of[g] for g in groups], dtype=np.int64)


#: how many fold assignments the cross-validation averages over (the first largest-groups-first,
#: the others random): with a few documents per fold one assignment is a noisy judge
REPEATS = 3


def fold_assignments(groups: Sequence, k: int = 5, repeats: int = REPEATS) -> list[np.ndarray]:
    """Return the grouped fold assignments :func:`choose_l2` uses (at most ``k`` folds, as many
    as there are groups): largest groups first, then ``repeats - 1`` random orders."""
    k = min(k, len(set(groups)))
    return [group_folds(groups, k)] + [group_folds(groups, k, seed=r) for r in range(1, repeats)]


def choose_l2(groups: Sequence, fit_predict: Callable[[tuple, np.ndarray, np.ndarray], np.ndarray],
              score: Callable[[np.ndarray], float], *, grid: Sequence[tuple] = L2_GRID,
              k: int = 5, repeats: int = REPEATS, oof: dict | None = None) -> tuple[tuple, dict]:
    """Return the prior strength of ``grid`` with the best grouped cross-validated ``score``
    (higher is better; ties go to the stronger prior, i.e. nearer the base) and each one's score.

    ``fit_predict(l2, train_mask, test_mask)`` fits on the train rows and returns predictions
    for the test rows; ``score(predictions)`` scores the out-of-fold predictions of all rows,
    averaged over ``repeats`` fold assignments. With ``oof`` (a dict), ``oof[l2]`` gets the list
    of out-of-fold predictions of each assignment."""
    k = min(k, len(set(groups)))
    if k < 2:
        return grid[0], {}
    assignments = fold_assignments(groups, k, repeats)
    results = {}
    for l2 in grid:
        preds = []
        for folds in assignments:
            pred = None
            for f in range(k):
                tr, te = folds != f, folds == f
                part = np.asarray(fit_predict(l2, tr, te))
                if pred is None:
                    pred = np.zeros((len(folds),) + part.shape[1:], dtype=part.dtype)
                pred[te] = part
            preds.append(pred)
        results[l2] = float(np.mean([score(p) for p in preds]))
        if oof is not None:
            oof[l2] = preds
    best = max(results.values())
    chosen = next(l2 for l2 in grid if results[l2] >= best - 1e-9)
    return chosen, results
