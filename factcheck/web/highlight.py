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


#: the characters of article text that would not reach the browser's DOM as they are: the HTML
#: parser makes LF of a raw CR LF or CR and drops NUL, and UTF-8 cannot carry a lone surrogate
_UNPARSED = re.compile("[\r\x00\ud800-\udfff]")


def page_text(text: str) -> Markup:
    """Return ``text`` escaped so that the browser's DOM holds as many code points, one for one:
    a CR as the reference ``&#13;`` (kept as CR), a NUL or a lone surrogate as U+FFFD. Code points
    counted in the page's text are then document offsets (``static/app.js`` relies on it)."""
    return Markup(_UNPARSED.sub(lambda m: "&#13;" if m.group() == "\r" else "\ufffd", str(escape(text))))


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
    """Return ``text`` escaped (:func:`page_text`), with ``<mark>`` around each span (absolute offsets).

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
        return page_text(text)
    cuts = sorted({0, n, *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = page_text(text[a:b])
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


def _run(text: str, start, css: str, extra: str = "") -> Markup:
    """Return a run of article text in a span that carries its document offset (``data-o``), so
    the page can turn a selection in it back into document offsets."""
    o = _int(start)
    attr = Markup(' data-o="{}"').format(o) if o is not None else Markup("")
    body = text if isinstance(text, Markup) else page_text(str(text or ""))
    return Markup('<span class="{}"{}{}>{}</span>').format(css, Markup(extra), attr, body)


def _claim_run(claim: dict, show_model: bool) -> Markup:
    spans = spans_of(claim if show_model else {**claim, "source": None, "cues": []})
    sentence = highlight(claim.get("text", ""), claim.get("start", 0), spans)
    return _run(sentence, claim.get("start"), "claim", ' id="claim-sentence"')


def claim_in_context(item: dict, show_model: bool = True) -> Markup:
    """Return the claim in its article: the paragraph around it (from the queue's documents)
    with the sentence before and after, or, without the document's text, the neighbouring
    claims. The claim is highlighted (facets, and cues and source when ``show_model``); every
    run of text carries its document offset.

    ``item`` is what ``Queue.get_claim`` gives back (``claim``, ``article``, ``context``).
    """
    claim = item.get("claim") or {}
    article = item.get("article") or {}
    paragraph = article.get("paragraph")
    start, end = _int(claim.get("start")), _int(claim.get("end"))
    parts = []
    if isinstance(paragraph, dict) and start is not None and end is not None:
        text, lo = str(paragraph.get("text") or ""), _int(paragraph.get("start")) or 0
        a, b = start - lo, end - lo
        if 0 <= a <= b <= len(text):
            if article.get("before"):
                parts.append(_run(article["before"].get("text", ""), article["before"].get("start"), "context before"))
                parts.append(Markup('<span class="gap" aria-hidden="true"> … </span>'))
            para = [_run(text[:a], lo, "context")] if a else []
            para.append(_claim_run(claim, show_model))
            if b < len(text):
                para.append(_run(text[b:], end, "context"))
            parts.append(Markup('<span class="paragraph">{}</span>').format(Markup("").join(para)))
            if article.get("after"):
                parts.append(Markup('<span class="gap" aria-hidden="true"> … </span>'))
                parts.append(_run(article["after"].get("text", ""), article["after"].get("start"), "context after"))
            return Markup("").join(parts)
    context = item.get("context") or {}
    for rec in context.get("before") or ():
        parts.append(_run(rec.get("text", ""), rec.get("start"), "context"))
    parts.append(_claim_run(claim, show_model))
    for rec in context.get("after") or ():
        parts.append(_run(rec.get("text", ""), rec.get("start"), "context"))
    return Markup(" ").join(parts)
