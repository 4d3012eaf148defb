"""The documents behind a queue's claims (``queue add --docs``): headline, publication date,
link and text, so that a reviewer sees the claim's paragraph and the sentences around it, and
so that a corrected source span can be checked against the document and quoted from it.

Functions here take an open connection; :class:`factcheck.queue.store.Queue` calls them.
"""
from __future__ import annotations

import json
from typing import Iterable

from ..errors import InputError
from ..segment import split_sentences

_TITLE_KEYS = ("title", "headline")
_WINDOW = 2000  # characters read on either side of the paragraph for the sentence next to it


def _text_field(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def add(conn, rows: Iterable[tuple], stamp: str) -> tuple[int, list]:
    """Store ``(path, line, record)`` document rows (doc_id and any of text, title or headline,
    published, url) in the open transaction; a document added again keeps what the new row does
    not say. Return how many rows were stored and the rows that could not be (InputErrors)."""
    stored, errors = 0, []
    for path, line, rec in rows:
        if isinstance(rec, BaseException):
            errors.append(rec if isinstance(rec, InputError) else InputError(str(rec), path=path, line=line))
            continue
        if isinstance(rec, str):
            try:
                rec = json.loads(rec)
            except ValueError as exc:
                errors.append(InputError(f"broken JSON ({exc})", path=path, line=line))
                continue
        if not isinstance(rec, dict) or rec.get("doc_id") in (None, ""):
            errors.append(InputError("a document row needs a doc_id", path=path, line=line))
            continue
        text = rec.get("text")
        if text is not None and not isinstance(text, str):
            errors.append(InputError("a document's text is a string", path=path, line=line))
            continue
        doc_id = str(rec["doc_id"])
        if text:
            held = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if held is not None and held[0] and held[0] != text and conn.execute(
                    "SELECT 1 FROM items WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone():
                # its claims' offsets point into the stored text: another text would put them in the wrong words
                errors.append(InputError(f"the queue already holds another text for document {doc_id!r}, with claims "
                                         "on it; give this document another doc_id", path=path, line=line))
                continue
        published = _text_field(rec, ("published", "date", "datePublished"))
        conn.execute(
            "INSERT INTO documents (doc_id, title, published, url, text, added_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (doc_id) DO UPDATE SET title = coalesce(excluded.title, title),"
            " published = coalesce(excluded.published, published), url = coalesce(excluded.url, url),"
            " text = coalesce(excluded.text, text)",
            (str(rec["doc_id"]), _text_field(rec, _TITLE_KEYS), published[:10] if published else None,
             _text_field(rec, ("url", "link")), text or None, stamp))
        stored += 1
    return stored, errors


def _document(conn, doc_id: str):
    return conn.execute("SELECT title, published, url, text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()


def bounds(conn, doc_id: str) -> tuple[int, int]:
    """Return the document offsets a span may use: the whole text when the queue has it, else
    from 0 to the end of the document's last claim."""
    row = conn.execute("SELECT length(text) FROM documents WHERE doc_id = ? AND text IS NOT NULL",
                       (doc_id,)).fetchone()
    if row is not None:
        return 0, row[0]
    end = conn.execute('SELECT max("end") FROM items WHERE doc_id = ?', (doc_id,)).fetchone()[0]
    return 0, int(end or 0)


def span_text(conn, doc_id: str, start: int, end: int) -> str | None:
    """Return the document's text between two offsets: from the document, else from a claim
    that covers them; None when the queue has neither."""
    row = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE doc_id = ? AND text IS NOT NULL",
                       (start + 1, end - start, doc_id)).fetchone()
    if row is not None:
        return row[0]
    row = conn.execute('SELECT text, start FROM items WHERE doc_id = ? AND start <= ? AND "end" >= ? LIMIT 1',
                       (doc_id, start, end)).fetchone()
    if row is not None:
        return row[0][start - row[1]:end - row[1]]
    return None


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the paragraph (between line breaks) holding ``start:end``."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    while hi > end and text[hi - 1].isspace():  # a \r\n line end or trailing blanks
        hi -= 1
    return lo, hi


def _neighbour(text: str, lo: int, hi: int, last: bool) -> dict | None:
    sentences = split_sentences(text[lo:hi]) if hi > lo else []
    if not sentences:
        return None
    s = sentences[-1] if last else sentences[0]
    return {"text": s.text, "start": lo + s.start, "end": lo + s.end}


def article(conn, doc_id: str, record: dict) -> dict | None:
    """Return what the queue knows of the claim's document: ``title``, ``published``, ``url``
    and, when its text is there and matches the claim's offsets, the claim's ``paragraph``
    (text and document offsets), its ``sentences`` (each with ``claim``: whether it is the
    claim's), the claim's offsets inside the paragraph (``claim``), and the sentence just
    ``before`` and ``after`` the paragraph. None when the queue has no such document."""
    row = _document(conn, doc_id)
    if row is None:
        return None
    title, published, url, text = row
    out = {"doc_id": doc_id, "title": title, "published": published, "url": url}
    start, end = record.get("start"), record.get("end")
    if not text or not isinstance(start, int) or not isinstance(end, int) or text[start:end] != record.get("text"):
        return out  # no text, or a text the claim's offsets do not fit: show no paragraph rather than a wrong one
    lo, hi = _paragraph(text, start, end)
    sentences = []
    for s in split_sentences(text[lo:hi]):
        a, b = lo + s.start, lo + s.end
        sentences.append({"text": s.text, "start": a, "end": b, "claim": a < end and b > start})
    out.update(paragraph={"text": text[lo:hi], "start": lo, "end": hi},
               claim={"start": start - lo, "end": end - lo}, sentences=sentences,
               before=_neighbour(text, max(0, lo - _WINDOW), lo, last=True),
               after=_neighbour(text, hi, min(len(text), hi + _WINDOW), last=False))
    return out
