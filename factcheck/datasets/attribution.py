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
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from . import jsonl_rows
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


_jsonl = jsonl_rows  # one reader of the shared JSON Lines files for every data set


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


# --- public data sets ---------------------------------------------------------------------------
# Each maps its own annotation onto the spec's labels; the mapping is written in
# models/fast/attribution/MODEL_CARD.md. None marks "this source says nothing about the label".

_PRONOUNS = frozenset("he she it they we i you him her them us me this that who which".split())


def _brat(path: Path) -> tuple[dict, list]:
    """Return the text-bound annotations (id -> (type, [(start, end)], text)) and the relations
    (dicts of role -> id) of a brat ``.ann`` file."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            parts = line.rstrip("\n").split("\t")
            # a span's text may hold line breaks: its continuation lines carry no id
            if len(parts) < 2 or not re.fullmatch(r"[TE]\d+", parts[0]):
                continue
            try:
                if parts[0].startswith("T"):
                    kind, _, ranges = parts[1].partition(" ")
                    pieces = [tuple(map(int, r.split())) for r in ranges.split(";")]
                    spans[parts[0]] = (kind, pieces, parts[2] if len(parts) > 2 else "")
                elif parts[0].startswith("E"):
                    events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
            except (ValueError, IndexError):
                raise InputError("not a brat standoff line; fix or remove it", path=str(path), line=n) from None
    return spans, events


def read_polnear(folder: Path | str, *, split: str = "train") -> Iterator[AttributionExample]:
    """Yield PolNeAR sentences labelled for ``sourced`` only, by the cases of
    :func:`factcheck.attribution.evaluate.polnear_source_cases`: 1 when an attribution has its
    reporting cue (a reporting verb or *according to*) inside the sentence and a named or specific
    source there, or a pronoun source (the spec takes the source named before it), 0 when no
    attribution touches the sentence, None otherwise (opinion and intention cues such as *wants*:
    the spec does not count them as reports). One annotator per article."""
    from ..attribution.evaluate import polnear_source_cases

    for case in polnear_source_cases(folder, split=split):
        if case.kind == "none":
            yield AttributionExample(case.input, (0, None, None), None, "polnear")
        elif case.reporting:
            yield AttributionExample(case.input, (1, None, None), case.source, "polnear")
        else:
            yield AttributionExample(case.input, (None, None, None), None, "polnear")


_SPECULATION = ("speculation_modal", "speculation_hypo_doxastic", "speculation_hypo_investigation")


def read_szeged(path: Path | str) -> Iterator[AttributionExample]:
    """Yield Szeged Uncertainty Corpus sentences labelled for ``estimated``: 1 with a modal,
    doxastic or investigation cue, None when the only cue is a condition (*if*: the spec does
    not hedge conditions), 0 without cues."""
    import xml.etree.ElementTree as ET

    from .factbank import sentence_text

    path = Path(path)
    try:
        for _, el in ET.iterparse(path, events=("end",)):
            if el.tag != "Sentence":
                continue
            text = sentence_text(el)
            types = [c.get("type", "") for c in el.iter("ccue")]
            el.clear()
            if not text:
                continue
            if any(t.startswith(_SPECULATION) for t in types):
                label = 1
            elif types:
                label = None
            else:
                label = 0
            yield AttributionExample(SentenceInput.from_text(text, doc_id=path.stem), (None, label, None), None,
                                     f"szeged:{path.stem}")
    except ET.ParseError as exc:
        raise InputError(f"not valid XML ({exc}); use the Szeged corpus files as distributed", path=str(path)) from None


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def _unptb(text: str) -> str:
    for k, v in _PTB.items():
        text = text.replace(k, v)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def read_wiki_weasel(path: Path | str) -> Iterator[AttributionExample]:
    """Yield CoNLL-2010 Wikipedia sentences (PTB escapes undone): label 1 (weasel or hedge) is
    ``estimated`` 1 and ``sourced`` 0 (a weasel names no source); label 0 is ``estimated`` 0."""
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), 2):
            text = _unptb(row.get("text") or "")
            label = (row.get("label") or "").strip()
            if not text or label not in ("0", "1"):
                continue
            y = (0, 1, None) if label == "1" else (None, 0, None)
            yield AttributionExample(SentenceInput.from_text(text, doc_id=f"weasel-{n}"), y, None, "wiki-weasel")


def read_emergent(path: Path | str) -> Iterator[AttributionExample]:
    """Yield Emergent headlines: ``against`` is ``contested`` 1, ``for`` and ``observing`` are
    ``contested`` 0; other labels say nothing."""
    path = Path(path)
    with open(path, encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), 2):
            text = (row.get("articleHeadline") or "").strip()
            stance = (row.get("articleHeadlineStance") or "").strip()
            if not text or stance not in ("for", "against", "observing"):
                continue
            yield AttributionExample(SentenceInput.from_text(text, doc_id=f"emergent-{n}"),
                                     (None, None, int(stance == "against")), None, "emergent")
