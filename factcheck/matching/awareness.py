"""Number awareness: does matching tell a claim from a copy of it with one figure changed?

For each claim that writes a figure in digits, a copy is made with that figure changed (a year
moved by three, any other number tripled, keeping how it was written); both go into the index
beside the other claims, and the claim is asked with its own text. It passes when the claim
itself (or a copy of it the pool already held, with the same words) comes first as ``same``
and the changed copy is in the matches flagged ``different``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .figures import figure_of, figures_of
from .matcher import Matcher
from .sources import CheckedClaim
from .text import words

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def _changed(number: str, date: bool = False, decade: bool = False) -> str:
    """Return another number written the same way: a year plus three (a decade plus thirty),
    anything else tripled (with a thousands comma from 1,000, as news style writes it)."""
    plain = number.replace(",", "")
    if date or re.fullmatch(r"(1[89]|20)\d\d", plain):
        return str(int(plain) + (30 if decade else 3))
    if "." in plain:
        decimals = len(plain.split(".")[1])
        return f"{float(plain) * 3:.{decimals}f}"
    value = int(plain) * 3
    return f"{value:,}" if "," in number or value >= 1000 else str(value)


def changed_copy(claim: CheckedClaim) -> CheckedClaim | None:
    """Return the claim with its first figure written in digits changed, or None if it has none."""
    from ..facets import extract_facets

    for facet in extract_facets(claim.text):
        if figure_of(facet) is None:
            continue
        date = facet.kind == "date"
        m = (_YEAR if date else _NUMBER).search(facet.text)
        if m is None:
            continue
        start = facet.start + m.start()
        decade = facet.text[m.end():m.end() + 1] == "s"
        text = claim.text[:start] + _changed(m.group(0), date, decade) + claim.text[facet.start + m.end():]
        return CheckedClaim(id=f"{claim.id}~changed", text=text, title=claim.title)
    return None


@dataclass(frozen=True)
class AwarenessResult:
    claims: int
    passed: int
    original_first: int
    copy_flagged: int
    failures: tuple[str, ...]

    @property
    def rate(self) -> float:
        return self.passed / self.claims if self.claims else 0.0


def number_awareness(claims: Sequence[CheckedClaim], pool: Sequence[CheckedClaim], *, model: str = "fast",
                     top: int = 5, cache_dir=None) -> AwarenessResult:
    """Index ``pool`` plus a changed copy of each of ``claims`` that has a figure, query each
    such claim with its own text, and count how often it passes (see the module docstring)."""
    pairs = [(c, changed_copy(c)) for c in claims if figures_of(c.text)]
    pairs = [(c, k) for c, k in pairs if k is not None]
    matcher = Matcher(list(pool) + [k for _, k in pairs], model=model, cache_dir=cache_dir)
    queries = [CheckedClaim(id=c.id, text=c.text) for c, _ in pairs]
    # a claim the pool holds twice (same words, other quotes) is the claim: either may come first
    same_words: dict[tuple, set[str]] = {}
    for p in pool:
        same_words.setdefault(tuple(words(p.text)), set()).add(p.id)
    first = flagged = passed = 0
    failures = []
    for (c, k), result in zip(pairs, matcher.match(queries, top=top)):
        ms = result["matches"]
        itself = same_words.get(tuple(words(c.text)), set()) | {c.id}
        ok_first = bool(ms) and ms[0]["id"] in itself and ms[0]["figures"] == "same"
        ok_copy = any(m["id"] == k.id and m["figures"] == "different" for m in ms)
        first += ok_first
        flagged += ok_copy
        passed += ok_first and ok_copy
        if not (ok_first and ok_copy):
            failures.append(f"{c.id}: " + ", ".join(f"{m['id']} {m['figures']}" for m in ms))
    return AwarenessResult(len(pairs), passed, first, flagged, tuple(failures))
