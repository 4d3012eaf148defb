"""Markdown articles as prose: the words a reader sees, without the marks that format them.

A ``.md`` file is read as the text it renders to, so that no claim holds ``# ``, ``**`` or
``[words](link)`` and no mark hides a source or a hedge from the rules (*the [Labor
Department](https://...) reported*). As with front matter, the document is the text after
this step: claim offsets index it, not the file. Headings stay as lines of their own (a
headline), list items and quotations as their text, HTML tags go; tables, fenced code blocks,
reference definitions and horizontal rules are not prose and are left out (their lines stay,
empty, so paragraphs keep their breaks).
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_TABLE = re.compile(r"^[ \t]*\|")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
#: a link's target, which may hold one level of parentheses (.../Auditor_(government))
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(r"!\[([^\]\n]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\]\n]+)\](?:" + _TARGET + r"|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: one underscore around words, not inside one (snake_case)
_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
#: one star around words, also inside one (un*believ*able); not a lone star (5 * 3)
_STAR = re.compile(r"\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
#: a reference definition (*[1]: https://... "title"*): no prose
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+")
_CODE_MARK = "\x00"


def _inline(line: str) -> str:
    # code spans keep their text as written: set aside while the other marks go
    spans: list[str] = []

    def keep(m: re.Match) -> str:
        spans.append(m.group(1))
        return f"{_CODE_MARK}{len(spans) - 1}{_CODE_MARK}"

    line = _CODE.sub(keep, line.replace(_CODE_MARK, ""))
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _UNDERSCORE.sub(r"\1", line)
    line = _STAR.sub(r"\1", line)
    line = _ESCAPE.sub(r"\1", line)
    return re.sub(f"{_CODE_MARK}(\\d+){_CODE_MARK}", lambda m: spans[int(m.group(1))], line)


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
        if fenced or _TABLE.match(body) or _RULE.match(body) or _REFERENCE.match(body):
            out.append(end)
            continue
        heading = _HEADING.match(body)
        if heading:
            body = heading.group(1)
        else:
            body = _ITEM.sub("", _QUOTE.sub("", body), count=1)
        out.append(_inline(body) + end)
    return "\n".join(out)
