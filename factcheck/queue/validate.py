"""The one check of a verdict, behind every entry point (``queue verdict``, the terminal screen,
the web API and imports): :meth:`Queue.record_verdict` calls :func:`check_verdict`, so a verdict
that one door refuses no other door lets in.

A verdict has exactly one of a rating on the queue's scale or ``not_a_claim``; a label among
the four primary labels; evidence that is http(s) URLs only (no ``javascript:``, ``ftp:``,
``file:``); and source and facet spans that lie inside the document (its text when the queue has
it, else the stretch of it that the queue's claims cover).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import ValidationError
from ..types import FACET_KINDS, PRIMARY_LABELS

MAX_EVIDENCE = 20
MAX_URL = 2000
MAX_NOTE = 10_000


class _Unset:
    """The type of :data:`UNSET`."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


#: ``source=UNSET``: the reviewer gave no source correction (the model's source stands)
UNSET = _Unset()


@dataclass(frozen=True)
class CheckedVerdict:
    """A verdict that passed :func:`check_verdict`, in the form the queue stores."""

    rating: str | None
    not_a_claim: bool
    label: str | None
    source_corrected: bool
    source: tuple[int, int] | None
    facets: tuple[dict, ...]
    note: str | None
    evidence: tuple[str, ...]
    reuses: int | None


def check_rating(scale, rating) -> str:
    """Return the rating if it is on the scale; ScaleError (a ValidationError) naming the scale."""
    if not isinstance(rating, str):
        raise ValidationError(f"a rating is one of: {', '.join(scale.names())}")
    return scale.get(rating).name


def check_label(label) -> str | None:
    """Return the label, None for empty; ValidationError unless it is a primary label."""
    if label is None or label == "":
        return None
    if label not in PRIMARY_LABELS:
        raise ValidationError(f"label {label!r} is not one of: {', '.join(PRIMARY_LABELS)}")
    return label


def check_url(url) -> str:
    """Return the URL stripped; ValidationError unless it is an http:// or https:// URL."""
    url = str(url).strip()
    if len(url) > MAX_URL:
        raise ValidationError(f"an evidence URL is longer than {MAX_URL} characters; give a shorter link")
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc
            or any(ch.isspace() or ord(ch) < 32 for ch in url)):
        shown = url if len(url) <= 60 else url[:57] + "..."
        raise ValidationError(f"evidence {shown!r} is not an http:// or https:// URL; give a web link")
    return url


def check_evidence(urls) -> tuple[str, ...]:
    """Return the evidence URLs stripped, empty ones dropped; ValidationError for any that is not http(s)."""
    if isinstance(urls, str):
        urls = [urls]
    out = tuple(check_url(u) for u in (urls or ()) if str(u).strip())
    if len(out) > MAX_EVIDENCE:
        raise ValidationError(f"give at most {MAX_EVIDENCE} evidence URLs")
    return out


def check_note(note) -> str | None:
    """Return the note stripped (None when empty); ValidationError when it is too long."""
    note = (str(note) if note is not None else "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError(f"the note is longer than {MAX_NOTE} characters; shorten it")
    return note or None


def _offset(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(f"{what} offsets are whole numbers")
    try:
        return int(value)
    except ValueError:
        raise ValidationError(f"{what} offsets are whole numbers, not {value!r}") from None


def check_span(span, bounds: tuple[int, int], what: str = "the span") -> tuple[int, int]:
    """Return ``(start, end)`` of a span given as a pair or a dict with start/end; ValidationError
    unless ``bounds[0] <= start < end <= bounds[1]`` (document offsets)."""
    if isinstance(span, dict):
        span = (span.get("start"), span.get("end"))
    try:
        start, end = span
    except (TypeError, ValueError):
        raise ValidationError(f"{what} is START:END (document offsets)") from None
    start, end = _offset(start, what), _offset(end, what)
    lo, hi = bounds
    if not (lo <= start < end <= hi):
        raise ValidationError(f"{what} {start}:{end} is not inside the document (offsets {lo} to {hi}); "
                              "give START:END with START < END")
    return start, end


def facet_value(text: str):
    """Return a facet value typed on a command line: a number where it reads as one, else the text
    (a date such as ``2019-05``); ``none`` means "not a figure" and gives None."""
    text = text.strip()
    if not text:
        raise ValidationError("a facet correction needs a value after '=': a number, a date, or none (not a figure)")
    if text.lower() in ("none", "null"):
        return None
    for kind in (int, float):
        try:
            number = kind(text.replace(",", "").replace("_", ""))
        except ValueError:
            continue
        if isinstance(number, float) and not math.isfinite(number):
            break
        return number
    return text


def parse_span(text: str) -> tuple[int, int] | None:
    """Return the span of ``START:END`` (None for ``none``: no source); ValidationError otherwise."""
    text = text.strip()
    if text.lower() == "none":
        return None
    start, sep, end = text.partition(":")
    if not sep:
        raise ValidationError(f"{text!r} is not START:END or none; e.g. --source 120:141")
    return _offset(start.strip(), "the span"), _offset(end.strip(), "the span")


def parse_facet(text: str) -> dict:
    """Return the facet correction of ``START:END=VALUE`` (``=none``: not a figure)."""
    span, sep, value = text.partition("=")
    if not sep:
        raise ValidationError(f"{text!r} is not START:END=VALUE or START:END=none; e.g. --facet 30:42=1200000000")
    bounds = parse_span(span)
    if bounds is None:
        raise ValidationError(f"{text!r}: a facet correction needs the figure's START:END")
    parsed = facet_value(value)
    return {"start": bounds[0], "end": bounds[1], "value": parsed, "not_a_figure": parsed is None}


def check_facets(facets, bounds: tuple[int, int], known: dict | None = None,
                 claim: tuple[int, int] | None = None) -> tuple[dict, ...]:
    """Return the facet corrections as ``{start, end, kind, value, not_a_figure}``, the kind taken
    from the claim's own facet at the same offsets (``known``) when not given. A correction lies
    inside the claim's own text (``claim``, document offsets, when known), and one at a span that
    is none of the claim's facets must name its kind: without one, any text would pass as a figure."""
    known = known or {}
    out = []
    for facet in facets or ():
        if not isinstance(facet, dict):
            raise ValidationError("a facet correction is {start, end, value} or {start, end, not_a_figure: true}")
        start, end = check_span(facet, bounds, "a facet")
        kind = facet.get("kind") or known.get((start, end))
        if kind is not None and kind not in FACET_KINDS:
            raise ValidationError(f"facet kind {kind!r} is not one of: {', '.join(FACET_KINDS)}")
        if claim is not None and not (claim[0] <= start and end <= claim[1]):
            raise ValidationError(f"a facet {start}:{end} is not inside the claim (offsets {claim[0]} to {claim[1]});"
                                  " give the figure's START:END within the claim's text")
        if kind is None:
            spans = ", ".join(f"{a}:{b}" for a, b in sorted(known))
            raise ValidationError(f"a facet {start}:{end} is none of the claim's figures; correct a figure at an "
                                  "existing facet's span" + (f" ({spans})" if spans else " (this claim has none)"))
        not_a_figure = bool(facet.get("not_a_figure"))
        value = None if not_a_figure else facet.get("value")
        if isinstance(value, bool) or not (value is None or isinstance(value, (str, int, float))):
            raise ValidationError("a facet value is a number or text (a date such as 2019-05)")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError("a facet value must be a finite number")
        if isinstance(value, str):
            value = value.strip()
            if not value or len(value) > 200:
                raise ValidationError("a facet value given as text is 1 to 200 characters")
        value = _typed_value(kind, value)
        if value is None:
            not_a_figure = True
        out.append({"start": start, "end": end, "kind": kind, "value": value, "not_a_figure": not_a_figure})
    spans = [(f["start"], f["end"]) for f in out]
    if len(set(spans)) != len(spans):
        raise ValidationError("each facet span is corrected once; remove the repeated one")
    return tuple(out)


#: a date facet's value at its precision (spec/CLAIMS.md): 2019, 2019-08, 2019-08-02, a decade
#: 199X, an ISO week 2016-W28, a quarter 2019-Q3, or a span of two of them joined by "/"
_DATE_VALUE = re.compile(r"\d{3}X|\d{4}(?:-(?:Q[1-4]|W\d{2}|\d{2}(?:-\d{2})?))?")


def _typed_value(kind: str | None, value):
    """Return a corrected value as its kind needs it: a number for an amount (a numeric text
    becomes one), a date at its precision for a date; ValidationError otherwise."""
    if value is None or kind is None:
        return value
    if kind == "date":
        text = str(value)
        if not all(_DATE_VALUE.fullmatch(part) for part in text.split("/")) or text.count("/") > 1:
            raise ValidationError(f"{text!r} is no date value; give 2019, 2019-08, 2019-08-02, 2016-W28, "
                                  "2019-Q3 or 199X")
        return text
    if isinstance(value, str):
        number = facet_value(value)
        if not isinstance(number, (int, float)):
            raise ValidationError(f"a {kind} is a number, not {value!r}")
        return number
    return value


def check_verdict(scale, *, rating=None, not_a_claim: bool = False, label=None, source=UNSET, facets=(),
                  note=None, evidence=(), reuses=None, bounds: tuple[int, int] = (0, 0),
                  known_facets: dict | None = None, claim: tuple[int, int] | None = None) -> CheckedVerdict:
    """Return the verdict checked and normalised; ValidationError with a one-line reason otherwise.

    ``bounds`` are the document offsets a span may use; ``known_facets`` maps the claim's own
    facet spans to their kinds; ``claim`` is the claim's own span, which a facet correction lies in."""
    not_a_claim = bool(not_a_claim)
    if rating in ("", None):
        rating = None
    if not_a_claim and rating is not None:
        raise ValidationError("give a rating or say it is not a claim, not both")
    if not not_a_claim and rating is None:
        raise ValidationError(f"give a rating ({', '.join(scale.names())}) or say it is not a claim")
    if rating is not None:
        rating = check_rating(scale, rating)
    corrected = source is not UNSET
    span = None
    if corrected and source is not None:
        span = check_span(source, bounds, "the source")
    if reuses is not None:
        if isinstance(reuses, bool) or not isinstance(reuses, int):
            raise ValidationError("reuses is the id (a whole number) of an earlier verdict")
    return CheckedVerdict(rating=rating, not_a_claim=not_a_claim, label=check_label(label),
                          source_corrected=corrected, source=span,
                          facets=check_facets(facets, bounds, known_facets, claim), note=check_note(note),
                          evidence=check_evidence(evidence), reuses=reuses)
