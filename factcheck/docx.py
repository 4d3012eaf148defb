"""Word documents (``.docx``) as prose: the paragraphs of the document's body, one a line.

A ``.docx`` file is a ZIP archive; its text is in ``word/document.xml`` as paragraphs
(``w:p``) of runs (``w:t``), with ``w:tab`` and ``w:br`` inside them. The document is that
text, a blank line between paragraphs (so each is a paragraph or a headline of its own);
claim offsets index it. Headers, footers, comments and footnotes are not the body and are
left out; deleted text of tracked changes (``w:delText``) is not read, inserted text is.

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
#: the largest ``word/document.xml`` read, uncompressed
MAX_XML = 64 * 1024 * 1024
DOCUMENT = "word/document.xml"


def docx_text(data: bytes, path: str) -> str:
    """Return the body text of a ``.docx`` file's bytes; an InputError (naming ``path``) when
    it is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("not a Word document (.docx is a ZIP archive; this is not one); not read",
                         path=path) from None
    with archive:
        try:
            info = archive.getinfo(DOCUMENT)
        except KeyError:
            raise InputError(f"a ZIP archive without {DOCUMENT}: not a Word document; not read",
                             path=path) from None
        if info.file_size > MAX_XML:
            raise InputError(f"the document part is {info.file_size:,} bytes uncompressed (limit "
                             f"{MAX_XML:,}); not read", path=path)
        try:
            xml = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"a damaged Word document ({exc}); not read", path=path) from None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"a Word document whose text is not well-formed XML ({exc}); not read",
                         path=path) from None
    body = root.find(f"{_W}body")
    paragraphs = []
    for p in (body.iter(f"{_W}p") if body is not None else ()):
        text = "".join(_pieces(p)).strip()
        if text:
            paragraphs.append(text)
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
