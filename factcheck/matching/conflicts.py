"""Conflicting figures across documents: pairs of claims from different documents that say the
same thing with different figures (two death tolls for one event, two costs for one plan)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from .figures import DIFFERENT, Figure, compare_figures
from .matcher import Matcher, similar
from .sources import CheckedClaim


#: how many of each claim's matches are looked at for conflicts, at the least: copies of one
#: wording (the same sentence in seven articles) fill a short list before the one that differs
DEPTH = 50


def _numbers_differ(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    """Whether two claims give different numbers for one thing: a count differs only against a
    count of the same noun (*42 people* / *67 people*; not *300 teachers* / *3,000 nurses*, two
    things), and *14 homes* / *14 houses* is no conflict (one number), though a verdict on one
    does not stand for the other."""
    def by_noun(fs):
        return [replace(f, dimension=f"count:{f.counted}" if f.counted else f.dimension, counted="")
                if f.dimension == "count" else f for f in fs]
    a, b = by_noun(a), by_noun(b)
    what_a, what_b = ({f.dimension for f in fs if f.dimension != "date"} for fs in (a, b))
    if what_a and what_b and not what_a & what_b:
        return False  # each measures its own thing (teachers, nurses): their dates alone are no conflict
    return compare_figures(a, b).figures == DIFFERENT


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _other_names(a: str, b: str) -> bool:
    """Whether one claim names another place, body or person in the same slot as the other
    (*the Marrow Valley* / *the Kerrin Valley*, *The Harlow hospital* / *The Dorrin hospital*):
    a capitalised word (not the first) that the other claim replaces by another capitalised word
    between the same neighbours. Such claims tell of two things, whatever their figures."""
    def slots(text):
        words = _WORD.findall(text)
        return {(words[i - 1].lower(), words[i + 1].lower()): words[i]
                for i in range(1, len(words) - 1) if words[i][0].isupper()}
    left, right = slots(a), slots(b)
    return any(right[k] != name and right[k][0].isupper() for k, name in left.items() if k in right)


def find_conflicts(claims: Sequence[CheckedClaim], matcher: Matcher, *, top: int = 5,
                   min_score: float = 0.0) -> Iterator[dict]:
    """Yield each conflicting pair once, most alike first within each claim's matches:
    ``{"a", "b", "doc_a", "doc_b", "score", "text_a", "text_b", "figures": [[as a says, as b
    says], ...]}``. Two claims say the same thing when one is among the other's first matches
    (``top``, and never fewer than :data:`DEPTH`) and their words, figures aside, are similar
    (:func:`~factcheck.matching.matcher.similar`). Claims of one document (or with one id) never
    conflict with each other. With ``min_score``, a pair is reported only when the re-ranker
    scores it at least that (as ``match --min-score`` keeps matches)."""
    seen: set[tuple[str, str]] = set()
    for claim, result in zip(claims, matcher.match(list(claims), top=max(top, DEPTH))):
        for m in result["matches"]:
            if m["figures"] != DIFFERENT or m["score"] < min_score:
                continue
            other = matcher.claims[matcher_row(matcher, m["id"])]
            if other.id == claim.id or (claim.doc_id is not None and other.doc_id == claim.doc_id):
                continue
            key = tuple(sorted((claim.id, other.id)))
            a, b = matcher.side_of_claim(claim), matcher.side(matcher_row(matcher, other.id))
            if key in seen or not similar(a, b) or not _numbers_differ(a.figures, b.figures) \
                    or _other_names(claim.text, other.text):
                continue
            seen.add(key)
            pairs = compare_figures(a.figures, b.figures).differing
            yield {"a": claim.id, "b": other.id, "doc_a": claim.doc_id, "doc_b": other.doc_id,
                   "score": m["score"], "text_a": claim.text, "text_b": other.text,
                   "figures": [list(p) for p in pairs]}


def matcher_row(matcher: Matcher, claim_id: str) -> int:
    """Return the row of a claim id in the matcher (the first, if the id repeats)."""
    rows = getattr(matcher, "_rows", None)
    if rows is None:
        rows = matcher._rows = {}
        for n, c in enumerate(matcher.claims):
            rows.setdefault(c.id, n)
    return rows[claim_id]


def conflicts_in(records: Iterable[dict], *, model: str = "fast", top: int = 5) -> list[dict]:
    """Return the conflicting pairs among claim records (as ``extract`` writes them), for the
    report: see :func:`find_conflicts`."""
    claims = [CheckedClaim(id=str(r.get("claim_id") or r.get("id") or n), text=str(r["text"]),
                           doc_id=None if r.get("doc_id") is None else str(r["doc_id"]),
                           facets=tuple(r.get("facets") or ()))
              for n, r in enumerate(records, 1) if r.get("text")]
    if not claims:
        return []
    return list(find_conflicts(claims, Matcher(claims, model=model), top=top))


def conflicts_html(pairs: Sequence[dict], limit: int = 50, *, compared: int | None = None,
                   total: int | None = None) -> str:
    """Return an HTML section listing conflicting pairs (article text escaped), for ``factcheck
    report``; an empty string when there are none, unless only the first ``compared`` of
    ``total`` claims were compared: the page then says so, conflicts found or not."""
    from html import escape

    cut = (f"<p>Only the first {compared:,} of {total:,} claims were compared for conflicting figures; "
           "run <code>factcheck match CLAIMS --against CLAIMS --conflicts</code> for them all.</p>"
           if compared is not None and total is not None and compared < total else "")
    if not pairs:
        return f"<section><h2>Conflicting figures across documents</h2>{cut}</section>" if cut else ""
    rows = "".join(
        f"<tr><td>{escape(str(p['doc_a']))}</td><td>{escape(p['text_a'])}</td>"
        f"<td>{escape(str(p['doc_b']))}</td><td>{escape(p['text_b'])}</td>"
        f"<td>{escape('; '.join(f'{a} / {b}' for a, b in p['figures']))}</td></tr>"
        for p in pairs[:limit])
    return ("<section><h2>Conflicting figures across documents</h2>"
            f"<p>{len(pairs)} pair{'s' if len(pairs) != 1 else ''} of claims from different documents say the same "
            "thing with different figures.</p><table><thead><tr><th>document</th><th>claim</th><th>document</th>"
            f"<th>claim</th><th>figures</th></tr></thead><tbody>{rows}</tbody></table>{cut}</section>")


#: claims a report compares at most (each is matched against all the others)
REPORT_LIMIT = 20_000


def conflicts_section(paths: Iterable[str], limit: int = REPORT_LIMIT) -> str:
    """Return the report's HTML section of conflicting figures among the claims of claim files
    (the first ``limit`` claims; unreadable rows are left to the rest of the report)."""
    from itertools import islice

    from ..io import read_records

    errors: list = []
    rows = (r for p in paths for r in read_records(p, errors) if isinstance(r, dict) and r.get("text"))
    records = list(islice(rows, limit))
    total = len(records) + sum(1 for _ in rows)  # the rest is counted, not compared
    return conflicts_html(conflicts_in(records), compared=len(records), total=total)
