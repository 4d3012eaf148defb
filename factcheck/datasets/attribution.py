"""Readers of attribution data: the project's own ``datasets/attribution/*.jsonl``, gold
sentence files (``news-dev``, ``seed``), PolNeAR brat standoff, the Szeged uncertainty XML,
the CoNLL-2010 wiki-weasel CSV and Emergent.

Every reader yields :class:`AttributionExample` records: a :class:`SentenceInput`, its 0/1
labels in ``LABELS`` order (``None`` where the source says nothing about a label), the source
text if any and where the example came from. Readers are tolerant of the known defects of
their sources (PTB escapes, stray quoting) and raise :class:`~factcheck.errors.InputError`
with the file and line for what they cannot read.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..types import LABELS, Document, SentenceInput


@dataclass(frozen=True)
class AttributionExample:
    """One sentence with labels: ``labels`` is a tuple of 1/0/None per label in LABELS order."""

    input: SentenceInput
    labels: tuple
    source: str | None = None
    origin: str = ""


def shared_data_dir(path: Path | str | None = None) -> Path:
    """Return the shared data folder: ``path``, else ``$FACTCHECK_SHARED``, else ``<repo>/../shared``;
    either the shared folder or its ``data/`` subfolder is accepted."""
    if path is None:
        env = os.environ.get("FACTCHECK_SHARED")
        path = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"
    base = Path(path)
    return base / "data" if (base / "data").is_dir() else base


def own_data_dir() -> Path:
    """Return the project's own attribution data folder (``<repo>/datasets/attribution``)."""
    return Path(__file__).resolve().parents[2] / "datasets" / "attribution"


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found; set FACTCHECK_SHARED to the folder holding data/", path=str(path)) from None
    with handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not JSON ({exc.msg}); fix or remove the line", path=str(path), line=n) from None


def _label_tuple(labels, path: Path, line: int) -> tuple:
    unknown = set(labels) - set(LABELS)
    if unknown:
        raise InputError(f"unknown label(s) {sorted(unknown)}; use {', '.join(LABELS)}", path=str(path), line=line)
    return tuple(int(lab in labels) for lab in LABELS)


def read_own(folder: Path | str | None = None, *, checkable_only: bool = True) -> list[AttributionExample]:
    """Return the rows of the project's own data set (``*.jsonl`` in ``folder``), in file order."""
    folder = Path(folder) if folder is not None else own_data_dir()
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line, rec in _jsonl(path):
            if "text" not in rec:
                raise InputError("row has no text", path=str(path), line=line)
            if checkable_only and rec.get("checkable") is False:
                continue
            si = SentenceInput.from_text(rec["text"], prev_text=rec.get("context") or "",
                                         doc_id=str(rec.get("id", f"{path.stem}-{line}")))
            out.append(AttributionExample(si, _label_tuple(rec.get("labels") or [], path, line),
                                          rec.get("source"), f"own:{path.stem}:{rec.get('case', '')}"))
    return out


def read_gold(folder: Path | str, *, checkable_only: bool = True) -> list[tuple[SentenceInput, dict]]:
    """Return each gold sentence of a ``docs.jsonl`` + ``gold.jsonl`` folder as a SentenceInput
    (the sentence before = the last sentence of the splitter ending before it) with its record."""
    from ..segment import split_sentences

    folder = Path(folder)
    docs = {}
    for _, rec in _jsonl(folder / "docs.jsonl"):
        doc = Document.from_dict(rec)
        docs[doc.doc_id] = doc
    sentences: dict[str, list] = {}
    out = []
    for line, rec in _jsonl(folder / "gold.jsonl"):
        if checkable_only and not rec.get("checkable"):
            continue
        doc = docs.get(str(rec["doc_id"]))
        if doc is None:
            raise InputError(f"doc_id {rec['doc_id']!r} is not in docs.jsonl", path=str(folder / "gold.jsonl"), line=line)
        sents = sentences.setdefault(doc.doc_id, split_sentences(doc.text))
        start, end = int(rec["start"]), int(rec["end"])
        before = [s for s in sents if s.end <= start]
        prev = before[-1] if before else None
        out.append((SentenceInput(doc.doc_id, doc.text, start, end, prev.start if prev else None,
                                  prev.end if prev else None, doc.published), rec))
    return out
