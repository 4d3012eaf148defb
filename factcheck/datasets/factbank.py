"""Reader of FactBank's newswire as the Szeged Uncertainty Corpus distributes it (``factbank.xml``).

The file (Szarvas et al. 2012; ``../shared/data/hedge/szeged/factbank.xml``) holds 208
documents as ``<Document><DocID>NAME.txt</DocID><DocumentPart><Sentence id=..>`` with inline
``<ccue ...>`` uncertainty cues. The original layout of the articles is lost; what is kept is
each document's sentences in order. :func:`read_factbank_documents` rebuilds a plain text per
document: each sentence with its tags removed (their words kept) and every run of white space
folded to one space, the sentences joined by a single space.

Only documents whose name carries a publication date as ``YYYYMMDD`` right after the source's
letters (``APW19980213.1320.txt``, ``NYT19981026.0446.txt``, ``CNN19980223.1130.0960.txt``)
are given; the Wall Street Journal ones (``wsj_0026.txt``) and the names with a two-digit year
(``AP900816-0139.txt``) are left out, since their date cannot be read from the name.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError

#: a dated FactBank name: the source's letters, then YYYYMMDD, then a dotted story number
DATED_NAME = re.compile(r"^([A-Za-z]+)(\d{4})(\d{2})(\d{2})\.[\d.]*\d\.txt$")
_SPACE = re.compile(r"\s+")
#: the prefix of the document ids, and of annotation files that name a FactBank document
PREFIX = "factbank"


def published_from_name(name: str) -> str | None:
    """The publication date ``YYYY-MM-DD`` a FactBank document name carries, or None."""
    m = DATED_NAME.match(Path(name).name if name.endswith(".txt") else f"{Path(name).name}.txt")
    if not m:
        return None
    try:
        return dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:
        return None


def sentence_text(element: ET.Element) -> str:
    """Return a ``<Sentence>``'s words: its tags removed (their words kept), white space folded."""
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def read_factbank_documents(path) -> list[dict]:
    """Return ``{"doc_id", "published", "text"}`` for every dated document of ``factbank.xml``, in file order.

    ``doc_id`` is ``factbank-<name without .txt>``. A file that is not such XML (unreadable,
    not well-formed, a document without a name, a name given twice) is an :class:`InputError`.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError("file not found; set FACTCHECK_SHARED to the folder holding data/", path=str(path)) from None
    except ET.ParseError as exc:
        raise InputError(f"not well-formed XML ({exc}); is this the Szeged factbank.xml?", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=str(path)) from None
    documents = root.findall(".//Document")
    if not documents:
        raise InputError("no <Document> elements; is this the Szeged factbank.xml?", path=str(path))
    out: list[dict] = []
    seen: set[str] = set()
    for k, document in enumerate(documents, 1):
        name = (document.findtext("DocID") or "").strip()
        if not name:
            raise InputError(f"document {k} has no <DocID>; the file is malformed", path=str(path))
        if name in seen:
            raise InputError(f"document name {name!r} is given twice; the file is malformed", path=str(path))
        seen.add(name)
        date = published_from_name(name)
        if date is None:
            continue
        sentences = [sentence_text(s) for s in document.iter("Sentence")]
        text = " ".join(s for s in sentences if s)
        out.append({"doc_id": f"{PREFIX}-{name[:-len('.txt')]}", "published": date, "text": text})
    return out
