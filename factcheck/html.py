"""HTML articles as prose: the words a reader sees on the page, and the date the page says it was
published.

A saved news page (``.html``, ``.htm``) is read as the text it shows, so that no claim holds tags,
scripts or menu labels and *&pound;4.5 million* reads as *£4.5 million*. As with Markdown and front
matter, the document is the text after this step: claim offsets index it, not the file.

- Scripts, styles, the ``<head>`` and the page's furniture (``<nav>``, ``<footer>``, ``<aside>``,
  forms, embedded frames) are not prose and go.
- When the page marks its story with ``<article>``, only the articles' text is kept (the rest is
  the site around them); otherwise the whole body.
- Block elements (paragraphs, headings, list items, table cells, ``<br>``) end a line, so a
  headline or a paragraph never runs into the next; whitespace inside a block collapses to one
  space, as a browser shows it (not inside ``<pre>``).
- The publication date comes from the page's own metadata when it has one: ``<meta
  property="article:published_time">`` (Open Graph), ``<meta name="date">`` and the like, or
  ``datePublished`` in schema.org JSON-LD, which most news sites embed.

Only the standard library's tolerant parser is used: broken markup is read as a browser would
try to, never refused.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

#: elements whose content is never prose
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer", "aside",
                  "form", "button", "select", "textarea", "iframe", "object", "canvas", "dialog"})
#: elements that start and end a line of text
BLOCK = frozenset({"address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
                   "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
                   "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
                   "thead", "tr", "ul"})
#: elements that have no end tag
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
#: <meta> names and properties that give the publication date, best first
DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date",
             "dc.date.issued", "dcterms.created", "pubdate", "publish-date", "sailthru.date",
             "parsely-pub-date")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_BREAK = "\n"


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts as an HTML page does (a doctype or an ``<html>`` tag)."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []  # the elements open now, outermost first (void ones never are)
        self.count: Counter[str] = Counter()  # how many of each are open
        self.body: list[str] = []
        self.articles: list[str] = []
        self.meta: dict[str, str] = {}
        self.ld: list[list[str]] = []  # the text of each JSON-LD script
        self.in_ld = False

    def _skipping(self) -> bool:
        return any(self.count[t] for t in SKIP)

    def _add(self, piece: str) -> None:
        self.body.append(piece)
        if self.count["article"]:
            self.articles.append(piece)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in DATE_META and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "script":
            a = {k.lower(): (v or "") for k, v in attrs}
            self.in_ld = a.get("type", "").strip().lower() == "application/ld+json"
            if self.in_ld:
                self.ld.append([])
        if not self._skipping() and (tag in BLOCK or tag == "br"):
            self._add(_BREAK)
        if tag in VOID:
            return
        self.open.append(tag)
        self.count[tag] += 1
        if tag == "article":
            self.articles.append(_BREAK)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_ld = False
        if not self.count[tag]:
            return  # a stray end tag, as a browser ignores it
        # close it and whatever was left open inside it (<div><nav>...</div> closes the menu too)
        while self.open:
            inner = self.open.pop()
            if not self._skipping() and inner in BLOCK:
                self._add(_BREAK)
            self.count[inner] -= 1
            if inner == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_ld:
            self.ld[-1].append(data)
        if self._skipping():
            return
        data = data.replace("\ufffd", "")  # what a character reference to nothing (&#0;) unescapes to
        self._add(data if self.count["pre"] else _SPACE.sub(" ", data))


def _lines(pieces: list[str]) -> str:
    lines = [line.strip() for line in "".join(pieces).split(_BREAK)]
    # a line per block; a blank line between blocks, so each is a paragraph or a headline of its own
    return "\n\n".join(line for line in lines if line)


def _ld_date(blobs: list[list[str]]) -> str | None:
    def find(node: Any, depth: int = 0) -> str | None:
        if depth > 20:
            return None
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                found = find(child, depth + 1)
                if found:
                    return found
        return None

    for blob in blobs:
        try:
            found = find(json.loads("".join(blob)))
        except (ValueError, RecursionError):
            continue
        if found:
            return found
    return None


def html_document(text: str) -> tuple[str, str | None]:
    """Return (the prose of an HTML page, the publication date its metadata gives or None; the
    date as written, e.g. ``2024-05-01T09:30:00Z``)."""
    page = _Page()
    page.feed(text)
    page.close()
    prose = _lines(page.articles)
    if not prose:
        prose = _lines(page.body)
    date = next((page.meta[k] for k in DATE_META if page.meta.get(k)), None) or _ld_date(page.ld)
    return prose, date
