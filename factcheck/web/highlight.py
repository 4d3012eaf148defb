"""Markup for a claim inside its document, built from character offsets.

Article text is untrusted: it is cut into segments at the offsets of facets and cues and each
segment is escaped on its own, so no character of the article ever reaches the page as markup.
Only class names from a fixed list and escaped attribute values are added around it.
"""
from __future__ import annotations

import re
from typing import Iterable

from markupsafe import Markup, escape

_CLASS_SAFE = re.compile(r"[^a-z0-9-]")


def _css(name: object) -> str:
    """A class name fragment made only of ``[a-z0-9-]``, whatever the record says."""
    return _CLASS_SAFE.sub("-", str(name).lower())[:30] or "other"


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def spans_of(claim: dict) -> list[dict]:
    """Return the highlightable spans of a claim record: its facets, cues and source.

    Each is ``{"start", "end", "classes", "title"}`` with absolute document offsets.
    """
    spans = []
    for f in claim.get("facets") or ():
        if isinstance(f, dict):
            value = f.get("value")
            unit = f.get("unit")
            title = f"{f.get('kind')}: {value}" + (f" {unit}" if unit else "") if value is not None else str(f.get("kind"))
            spans.append({"start": f.get("start"), "end": f.get("end"),
                          "classes": ("facet", f"facet-{_css(f.get('kind'))}"), "title": title})
    for c in claim.get("cues") or ():
        if isinstance(c, dict):
            spans.append({"start": c.get("start"), "end": c.get("end"),
                          "classes": ("cue", f"cue-{_css(c.get('label'))}"), "title": f"{c.get('label')} cue"})
    source = claim.get("source")
    if isinstance(source, dict):
        spans.append({"start": source.get("start"), "end": source.get("end"),
                      "classes": ("source",), "title": "source"})
    return spans


def highlight(text: str, offset: int, spans: Iterable[dict]) -> Markup:
    """Return ``text`` escaped, with ``<mark>`` around each span (absolute offsets).

    ``offset`` is where ``text`` starts in the document. Spans outside the text, empty or with
    non-integer offsets are skipped; overlapping spans split into segments that carry the
    classes of every span covering them.
    """
    text = text if isinstance(text, str) else str(text or "")
    n = len(text)
    base = _int(offset) or 0
    kept = []
    for span in spans:
        start, end = _int(span.get("start")), _int(span.get("end"))
        if start is None or end is None:
            continue
        s, e = max(start - base, 0), min(end - base, n)
        if s < e:
            kept.append((s, e, span))
    if not kept:
        return escape(text)
    cuts = sorted({0, n, *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [span for s, e, span in kept if s <= a and b <= e]
        if not covering:
            out.append(piece)
            continue
        classes = []
        for span in covering:
            classes.extend(c for c in span.get("classes", ()) if c not in classes)
        title = "; ".join(str(span.get("title", "")) for span in covering)
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(" ".join(_css(c) for c in classes), title, piece))
    return Markup("").join(out)


def claim_in_context(item: dict) -> Markup:
    """Return the claim sentence between its neighbours: neighbours plain, the claim highlighted.

    ``item`` is what ``Queue.get_claim`` gives back (``claim`` and ``context``).
    """
    claim = item.get("claim") or {}
    context = item.get("context") or {}
    parts = []
    for rec in context.get("before") or ():
        parts.append(Markup('<span class="context">{}</span>').format(rec.get("text", "")))
    sentence = highlight(claim.get("text", ""), claim.get("start", 0), spans_of(claim))
    parts.append(Markup('<span class="claim" id="claim-sentence">{}</span>').format(sentence))
    for rec in context.get("after") or ():
        parts.append(Markup('<span class="context">{}</span>').format(rec.get("text", "")))
    return Markup(" ").join(parts)
