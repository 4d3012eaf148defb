"""The source span a reviewer picked on the claim page, checked against the document's words.

The page sends the document offsets it counted and the words that were selected. The span is
stored only where the document holds those words: at the offsets sent, else at the occurrence of
the words nearest to them (a page that counted in UTF-16 units, or lost a CR, is a few characters
off); nowhere near them, the verdict is refused. So a stored source is always what the reviewer
saw selected.
"""
from __future__ import annotations

import re

from ..errors import ValidationError
from ..queue import documents

#: how far (in characters) from the offsets sent the words are looked for
NEAR = 200
#: the longest selection a source may be
MAX_WORDS = 10_000

#: what the page shows differently from the document (see ``highlight.page_text``): any line end
#: for any other (the HTML parser makes LF of CR LF and CR wherever they are not kept), and
#: U+FFFD for a NUL or a lone surrogate
_SHOWN = re.compile(r"(\r\n|\r|\n|\ufffd)")
_LINE_END = r"(?:\r\n|\r|\n)"
_REPLACED = "[\x00\ud800-\udfff\ufffd]"


def words_pattern(words: str) -> re.Pattern:
    """Return a pattern matching the document text the page shows as ``words``."""
    parts = []
    for chunk in _SHOWN.split(words):
        if chunk in ("\r\n", "\r", "\n"):
            parts.append(_LINE_END)
        elif chunk == "\ufffd":
            parts.append(_REPLACED)
        elif chunk:
            parts.append(re.escape(chunk))
    return re.compile("".join(parts))


def nearest(pieces, start: int, words: str) -> tuple[int, int] | None:
    """Return the document span of the occurrence of ``words`` nearest ``start`` in ``pieces``
    (``(offset, text)``: stretches of the document and where they start), or None.

    An occurrence at ``start`` itself wins; between two as near, the earlier."""
    pattern = words_pattern(words)
    best = None
    for offset, text in pieces:
        at = pattern.search(text)
        while at is not None:
            span = (offset + at.start(), offset + at.end())
            key = (abs(span[0] - start), span[0])
            if at.end() > at.start() and (best is None or key < best[0]):
                best = (key, span)
            at = pattern.search(text, at.start() + 1)
    return best[1] if best else None


def _pieces_near(conn, doc_id: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Return the document text between ``lo`` and ``hi`` as ``[(offset, text)]``: from the
    document when the queue has its text, else the claims of the document there (what the page
    showed without the document)."""
    first, last = documents.bounds(conn, doc_id)
    lo, hi = max(lo, first), min(hi, last)
    if lo >= hi:
        return []
    row = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE doc_id = ? AND text IS NOT NULL",
                       (lo + 1, max(hi - lo, 0), doc_id)).fetchone()
    if row is not None:
        return [(lo, row[0] or "")]
    return [(start, text) for text, start in conn.execute(
        'SELECT text, start FROM items WHERE doc_id = ? AND start < ? AND "end" > ? ORDER BY start',
        (doc_id, hi, lo))]


def picked_source(queue, claim_id: str, start: int, end: int, words: str) -> tuple[int, int]:
    """Return the document span of the source a reviewer picked: ``start:end`` when the document
    holds ``words`` there, else the nearest occurrence of ``words`` within :data:`NEAR`
    characters; ValidationError (422) when there is none."""
    conn = queue._conn()
    doc_id = queue._claim_row(conn, claim_id)[5]
    if not words.strip():
        raise ValidationError("the source's words are empty; select the words of the source in the text")
    first, last = documents.bounds(conn, doc_id)
    if first <= start < end <= last and documents.span_text(conn, doc_id, start, end) == words:
        return start, end
    span = nearest(_pieces_near(conn, doc_id, start - NEAR, max(end, start) + NEAR + len(words)), start, words)
    if span is None:
        shown = words if len(words) <= 60 else words[:57] + "..."
        raise ValidationError(f"the selected source {shown!r} is not in the document near offset {start}; "
                              "reload the page and pick the words again")
    return span
