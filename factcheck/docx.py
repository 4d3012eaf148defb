"""Word documents (``.docx``) and OpenDocument text (``.odt``) as prose: the paragraphs of the
document's body, one a line.

A ``.docx`` file is a ZIP archive; its text is in ``word/document.xml`` as paragraphs
(``w:p``) of runs (``w:t``), with ``w:tab`` and ``w:br`` inside them. The document is that
text, a blank line between paragraphs (so each is a paragraph or a headline of its own);
claim offsets index it. Headers, footers, comments and footnotes are not the body and are
left out; deleted text of tracked changes (``w:delText``) is not read, inserted text is. An
``.odt`` file is read the same way from ``content.xml`` (``text:p`` and ``text:h``; notes,
annotations and the tracked-changes record left out).

Untrusted files: only the standard library reads them; the archive's document part is
refused above :data:`MAX_XML` bytes uncompressed (a ZIP bomb), and the XML parser neither
fetches external entities nor expands nested ones without limit (expat's defaults).
"""
from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET

from .errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: the largest document part read (``word/document.xml``, ``content.xml``), uncompressed
MAX_XML = 64 * 1024 * 1024
DOCUMENT = "word/document.xml"


def _part(data: bytes, path: str, part: str, kind: str) -> ET.Element:
    """Return the parsed XML ``part`` of a ZIP-based document; an InputError naming ``path``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"not a {kind} (it is a ZIP archive; this is not one); not read", path=path) from None
    with archive:
        try:
            info = archive.getinfo(part)
        except KeyError:
            raise InputError(f"a ZIP archive without {part}: not a {kind}; not read", path=path) from None
        if info.file_size > MAX_XML:
            raise InputError(f"the document part is {info.file_size:,} bytes uncompressed (limit "
                             f"{MAX_XML:,}); not read", path=path)
        try:
            xml = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"a damaged {kind} ({exc}); not read", path=path) from None
    try:
        return ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"a {kind} whose text is not well-formed XML ({exc}); not read", path=path) from None


def docx_text(data: bytes, path: str) -> str:
    """Return the body text of a ``.docx`` file's bytes; an InputError (naming ``path``) when
    it is not one."""
    root = _part(data, path, DOCUMENT, "Word document")
    body = root.find(f"{_W}body")
    paragraphs = []
    try:
        for p in (body.iter(f"{_W}p") if body is not None else ()):
            text = "".join(_pieces(p)).strip()
            if text:
                paragraphs.append(text)
    except RecursionError:
        raise InputError("a Word document nested too deeply to read; not read", path=path) from None
    return "\n\n".join(paragraphs)


def _pieces(node: ET.Element):
    """Yield the text of a paragraph's runs in order, not descending into a paragraph inside
    it (a text box's, which is a paragraph of its own)."""
    for child in node:
        if child.tag == f"{_W}p":
            continue
        if child.tag == f"{_W}t":
            yield child.text or ""
        elif child.tag == f"{_W}tab":
            yield "\t"
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        else:
            yield from _pieces(child)


_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
#: parts of an OpenDocument text that are not its running text
_ODT_SKIP = frozenset({f"{_T}note", f"{_T}tracked-changes", f"{_O}annotation", f"{_O}annotation-end"})


def odt_text(data: bytes, path: str) -> str:
    """Return the body text of an ``.odt`` file's bytes; an InputError (naming ``path``) when
    it is not one."""
    root = _part(data, path, "content.xml", "OpenDocument text")
    body = root.find(f"{_O}body/{_O}text")
    paragraphs: list[str] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            if child.tag in _ODT_SKIP:
                continue
            if child.tag in (f"{_T}p", f"{_T}h"):
                text = "".join(_odt_pieces(child)).strip()
                if text:
                    paragraphs.append(text)
            walk(child)  # a paragraph in a frame or a table cell is one of its own

    try:
        if body is not None:
            walk(body)
    except RecursionError:
        raise InputError("an OpenDocument text nested too deeply to read; not read", path=path) from None
    return "\n\n".join(paragraphs)


def _odt_pieces(node: ET.Element):
    """Yield the text of an OpenDocument paragraph in order: its text, spans, spaces (``text:s``),
    tabs and line breaks, not a paragraph inside it nor a note or an annotation."""
    if node.text:
        yield node.text
    for child in node:
        if child.tag in (f"{_T}p", f"{_T}h") or child.tag in _ODT_SKIP:
            pass
        elif child.tag == f"{_T}s":
            yield " " * max(1, int(child.get(f"{_T}c", "1") or 1))
        elif child.tag == f"{_T}tab":
            yield "\t"
        elif child.tag == f"{_T}line-break":
            yield "\n"
        else:
            yield from _odt_pieces(child)
        if child.tail:
            yield child.tail
