"""Markdown articles as prose: the words a reader sees, without the marks that format them.

A ``.md`` file is read as the text it renders to, so that no claim holds ``# ``, ``**`` or
``[words](link)`` and no mark hides a source or a hedge from the rules (*the [Labor
Department](https://...) reported*). As with front matter, the document is the text after
this step: claim offsets index it, not the file. Headings stay as lines of their own (a
headline), list items and quotations as their text; tables, code blocks and horizontal rules
are not prose and are left out (their lines stay, empty, so paragraphs keep their breaks).
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_TABLE = re.compile(r"^[ \t]*\|")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: one star or underscore around words, not inside one (snake_case) nor a lone star (5 * 3)
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")


def _inline(line: str) -> str:
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    return _EMPHASIS.sub(r"\2", line)


def markdown_text(text: str) -> str:
    """Return the prose of a Markdown text (see the module's docstring), line for line."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        end = "\r" if line.endswith("\r") else ""
        body = line[:-1] if end else line
        if _FENCE.match(body):
            fenced = not fenced
            out.append(end)
            continue
        if fenced or _TABLE.match(body) or _RULE.match(body):
            out.append(end)
            continue
        heading = _HEADING.match(body)
        if heading:
            body = heading.group(1)
        else:
            body = _ITEM.sub("", _QUOTE.sub("", body), count=1)
        out.append(_inline(body) + end)
    return "\n".join(out)
