"""Agreement between reviewers, written from the definitions.

Krippendorff's alpha follows K. Krippendorff, "Computing Krippendorff's Alpha-Reliability"
(2011): a coincidence matrix over the units with two or more values, then
``alpha = 1 - D_o / D_e``. Cohen's kappa follows J. Cohen (1960):
``kappa = (p_o - p_e) / (1 - p_e)`` for two coders on the units both coded.
Both give None where the figure is undefined (no pairable values, or no variation at all).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Hashable, Iterable, Mapping, Sequence

METRICS = ("nominal", "ordinal", "interval")


def coincidences(units: Iterable[Sequence[Hashable]]) -> dict[tuple, float]:
    """Return the coincidence matrix ``o[(c, k)]``: each unit with m >= 2 values adds
    (pairs of c and k between different coders) / (m - 1)."""
    o: dict[tuple, float] = defaultdict(float)
    for values in units:
        values = [v for v in values if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                if pairs:
                    o[(c, k)] += pairs / (m - 1)
    return o


def _delta(metric: str, values: list, marginals: Mapping) -> "callable":
    if metric == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if metric == "interval":
        return lambda c, k: float(c - k) ** 2
    if metric == "ordinal":
        ranks = sorted(values)
        index = {v: i for i, v in enumerate(ranks)}

        def ordinal(c, k):
            lo, hi = sorted((index[c], index[k]))
            between = sum(marginals[ranks[g]] for g in range(lo, hi + 1))
            return (between - (marginals[c] + marginals[k]) / 2.0) ** 2
        return ordinal
    raise ValueError(f"metric {metric!r} is not one of {', '.join(METRICS)}")


def krippendorff_alpha(units: Iterable[Sequence[Hashable]], metric: str = "nominal") -> float | None:
    """Return Krippendorff's alpha of ``units`` (each the values coders gave one unit; None or
    absent for a coder who gave none), or None when it is undefined."""
    o = coincidences(units)
    n_c: dict = defaultdict(float)
    for (c, _k), v in o.items():
        n_c[c] += v
    n = sum(n_c.values())
    if n <= 1:
        return None
    values = list(n_c)
    delta = _delta(metric, values, n_c)
    observed = sum(v * delta(c, k) for (c, k), v in o.items()) / n
    expected = sum(n_c[c] * n_c[k] * delta(c, k) for c in values for k in values) / (n * (n - 1))
    if expected == 0:
        return None
    return 1.0 - observed / expected


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """Return Cohen's kappa of (coder A's value, coder B's value) pairs, or None when undefined."""
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    n = len(pairs)
    if n == 0:
        return None
    p_o = sum(1 for a, b in pairs if a == b) / n
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    p_e = sum(count_a[c] * count_b.get(c, 0) for c in count_a) / (n * n)
    if p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def agreement(answers: Mapping[Hashable, Mapping[Hashable, Hashable]], metric: str = "nominal") -> dict:
    """Return ``{"krippendorff_alpha", "cohen_kappa", "items"}`` for ``{unit: {coder: value}}``;
    kappa is given when exactly two coders answered the units that have two or more answers."""
    units = {u: a for u, a in answers.items() if len(a) >= 2}
    coders = {c for a in units.values() for c in a}
    kappa = None
    if len(coders) == 2:
        first, second = sorted(coders, key=str)
        kappa = cohen_kappa((a[first], a[second]) for a in units.values())
    alpha = krippendorff_alpha([list(a.values()) for a in units.values()], metric)
    return {"krippendorff_alpha": None if alpha is None else round(alpha, 6),
            "cohen_kappa": None if kappa is None else round(kappa, 6),
            "items": len(units)}
