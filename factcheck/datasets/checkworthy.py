"""Readers of the check-worthiness data in ``../shared/data/checkworthy`` and of the news gold.

Each reader gives a list of :class:`LabelledSentence` (text and a 0/1 label) and tolerates the
known defects of its source: fields quoted with doubled quotes, two rows run together on one
line (CT24 train, id 29286, as distributed), blank lines and stray white space. A label it
cannot read is an :class:`~factcheck.errors.InputError` naming the file and line.
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from . import jsonl_rows

CT24_SPLITS = ("train", "dev", "dev-test")
_YES = {"yes": 1, "y": 1, "1": 1, "true": 1, "no": 0, "n": 0, "0": 0, "false": 0}
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One labelled sentence: its id in the source, text, 0/1 label and the sentence before."""

    id: str
    text: str
    label: int
    prev_text: str = ""
    source: str = ""


def shared_dir() -> Path:
    """Return the shared folder: ``$FACTCHECK_SHARED``, else ``<repo>/../shared``."""
    env = os.environ.get("FACTCHECK_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def data_dir(path: Path | str | None = None) -> Path:
    """Return the folder holding ``checkworthy/`` and ``news-dev/``, given the shared folder or
    that data folder itself (either is accepted), or the default shared folder."""
    base = Path(path) if path is not None else shared_dir()
    if (base / "data" / "checkworthy").is_dir() or (base / "data" / "news-dev").is_dir():
        return base / "data"
    return base


def normalise(text: str) -> str:
    """Return text reduced to lower-case words and digits, the key for de-duplication."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def _label(value: str, path: Path, line: int) -> int:
    try:
        return _YES[value.strip().lower()]
    except KeyError:
        raise InputError(f"label {value!r} is neither Yes/No nor 1/0; fix the row", path=str(path),
                         line=line) from None


def _rows(path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a delimited file; doubled quotes inside quoted fields are
    read by :mod:`csv`; a missing file is an InputError."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise InputError("file not found; set FACTCHECK_SHARED to the folder holding data/",
                         path=str(path)) from None
    with handle:
        reader = csv.reader(handle, delimiter=delimiter, strict=False)
        for fields in reader:
            if not fields or all(not f.strip() for f in fields):
                continue
            yield reader.line_num, fields


def read_ct24(path: Path | str) -> list[LabelledSentence]:
    """Return the sentences of a CheckThat! 2024 Task 1 file (``Sentence_id``, ``Text``,
    ``class_label`` separated by tabs); a line holding two rows gives both."""
    path = Path(path)
    out: list[LabelledSentence] = []
    rows = _rows(path, "\t")
    header = next(rows, None)
    if header is None:
        return out
    names = [h.strip().lower() for h in header[1]]
    try:
        i_id, i_text, i_label = names.index("sentence_id"), names.index("text"), names.index("class_label")
    except ValueError:
        raise InputError("expected the columns Sentence_id, Text, class_label", path=str(path), line=1) from None
    width = len(names)
    for line, fields in rows:
        # A defect of the distributed train file: two rows joined on one line, sometimes with the
        # second row's id glued to the first row's label by a space instead of a line break.
        if len(fields) != width:
            fields = _unglue(fields)
        if len(fields) % width:
            raise InputError(f"expected {width} tab-separated fields, found {len(fields)}",
                             path=str(path), line=line)
        for at in range(0, len(fields), width):
            row = fields[at:at + width]
            text = row[i_text].strip()
            if text:
                out.append(LabelledSentence(row[i_id].strip(), text, _label(row[i_label], path, line),
                                            source=f"ct24/{path.stem}"))
    return out


def _unglue(fields: list[str]) -> list[str]:
    """Split ``"No 29286"``-style fields where a label and the next row's id share a field."""
    out: list[str] = []
    for f in fields:
        m = re.fullmatch(r"\s*(Yes|No)\s+(\d+)\s*", f, flags=re.I)
        out.extend(m.groups() if m else [f])
    return out


def read_ct24_split(split: str, shared: Path | str | None = None) -> list[LabelledSentence]:
    """Return one CT24 split (``train``, ``dev`` or ``dev-test``) from the shared data."""
    if split not in CT24_SPLITS:
        raise InputError(f"unknown CT24 split {split!r}; use one of {', '.join(CT24_SPLITS)}")
    return read_ct24(data_dir(shared) / "checkworthy" / "ct24" / f"{split}.tsv")


def _read_named_csv(path: Path | str, text_col: str, label_col: str, id_col: str,
                    source: str, file_col: str = "") -> list[LabelledSentence]:
    path = Path(path)
    rows = _rows(path, ",")
    header = next(rows, None)
    if header is None:
        return []
    names = [h.strip().lower() for h in header[1]]
    missing = [c for c in (text_col, label_col) if c not in names]
    if missing:
        raise InputError(f"expected the columns {', '.join(missing)}", path=str(path), line=1)
    i_text, i_label = names.index(text_col), names.index(label_col)
    i_id = names.index(id_col) if id_col in names else None
    i_file = names.index(file_col) if file_col in names else None
    out = []
    for line, fields in rows:
        if len(fields) < len(names):
            raise InputError(f"expected {len(names)} comma-separated fields, found {len(fields)}",
                             path=str(path), line=line)
        text = fields[i_text].strip()
        if text:
            ident = fields[i_id].strip() if i_id is not None else str(line)
            if i_file is not None:  # the line number is only unique within its debate
                ident = f"{fields[i_file].strip()}:{ident}"
            out.append(LabelledSentence(ident, text, _label(fields[i_label], path, line), source=source))
    return out


def read_claimbuster(path: Path | str) -> list[LabelledSentence]:
    """Return the ClaimBuster 2-class sentences (``label`` 1 = check-worthy factual)."""
    return _read_named_csv(path, "text", "label", "sentence_id", "claimbuster")


def read_clef2019(path: Path | str) -> list[LabelledSentence]:
    """Return the CLEF-2019 CheckThat! Task 1 lines, each with the line before it in its debate
    (ids are ``debate file:line number``)."""
    items = _read_named_csv(path, "text", "label", "line_number", "clef2019", file_col="file_name")
    # The file lists each debate in line order, so the previous row is the previous line.
    out, prev = [], ""
    for item in items:
        if out and item.id.split(":")[0] != out[-1].id.split(":")[0]:
            prev = ""  # a new debate
        out.append(LabelledSentence(item.id, item.text, item.label, prev_text=prev, source=item.source))
        prev = item.text
    return out


def dedupe_against(items: Iterable[LabelledSentence], *held_out: Iterable[LabelledSentence]
                   ) -> list[LabelledSentence]:
    """Return items whose normalised text is in none of ``held_out`` nor earlier in ``items``."""
    seen = {normalise(x.text) for group in held_out for x in group}
    out = []
    for item in items:
        key = normalise(item.text)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def read_news_checkable(shared: Path | str | None = None, name: str = "news-dev"):
    """Return (inputs, labels): a :class:`~factcheck.types.SentenceInput` for each gold sentence of
    the news set ``name`` (``news-dev`` or ``seed``: its document, offsets, the sentence before it
    and the publication date) and its 0/1 ``checkable`` label."""
    from ..segment import split_sentences
    from ..types import SentenceInput

    base = data_dir(shared) / name
    docs = {doc.doc_id: doc for doc in read_news_documents(shared, name)}
    inputs, labels = [], []
    starts: dict[str, list] = {}
    for line, rec in _jsonl(base / "gold.jsonl"):
        doc = docs.get(str(rec["doc_id"]))
        if doc is None:
            raise InputError(f"doc_id {rec['doc_id']!r} is not in docs.jsonl", path=str(base / "gold.jsonl"),
                             line=line)
        sents = starts.setdefault(doc.doc_id, split_sentences(doc.text))
        start, end = int(rec["start"]), int(rec["end"])
        before = [s for s in sents if s.end <= start]
        prev = before[-1] if before else None
        inputs.append(SentenceInput(doc.doc_id, doc.text, start, end,
                                    prev.start if prev else None, prev.end if prev else None,
                                    doc.published))
        labels.append(int(bool(rec["checkable"])))
    return inputs, labels


def read_news_documents(shared: Path | str | None = None, name: str = "news-dev") -> list:
    """Return the articles of the news set ``name`` (``news-dev`` or ``seed``) as
    :class:`~factcheck.types.Document` records."""
    from ..types import Document
    return [Document.from_dict(rec) for _, rec in _jsonl(data_dir(shared) / name / "docs.jsonl")]


_jsonl = jsonl_rows  # one reader of the shared JSON Lines files for every data set


def own_datasets_dir() -> Path:
    """Return the project's own data sets folder (``<repo>/datasets``)."""
    return Path(__file__).resolve().parents[2] / "datasets"


def read_own_checkable(path: Path | str, source: str = "") -> list[LabelledSentence]:
    """Return the rows of one of the project's own JSONL files (``text``, ``checkable``
    true/false, optional ``context`` and ``id``) as labelled sentences, in file order."""
    path = Path(path)
    out = []
    for line, rec in _jsonl(path):
        if "text" not in rec or not isinstance(rec.get("checkable"), bool):
            raise InputError("row needs a text and checkable true/false", path=str(path), line=line)
        out.append(LabelledSentence(str(rec.get("id", line)), rec["text"], int(rec["checkable"]),
                                    prev_text=rec.get("context") or "", source=source or f"own:{path.stem}"))
    return out


#: the blind-labelled development samples of random PolNeAR *train* sentences (2016 news, about
#: half checkable): the only news-style rows whose share of checkable sentences is that of real
#: articles. They join the check-worthiness training data; their articles are none of the sealed
#: check set 3's.
POLNEAR_SAMPLES = ("polnear-dev-sample", "polnear-dev-sample-2", "polnear-dev-sample-3", "polnear-dev-sample-4")


def read_polnear_samples(shared: Path | str | None = None,
                         datasets: Path | str | None = None) -> list[LabelledSentence]:
    """Return the checkable labels of the PolNeAR development samples as labelled sentences (id
    ``<doc_id>:<start>``; no context: a sample's rows are not consecutive sentences), texts read
    from the shared PolNeAR folder and checked against each row's hash; empty when that folder
    is not there."""
    from .check import POLNEAR, build_check_set
    base = Path(datasets) if datasets is not None else own_datasets_dir()
    root = data_dir(shared).parent
    if not (root / POLNEAR).is_dir():
        return []
    out: list[LabelledSentence] = []
    for name in POLNEAR_SAMPLES:
        annotations = base / name / "annotations.jsonl"
        if not annotations.is_file():
            continue
        with tempfile.TemporaryDirectory(prefix="polnear-sample-") as tmp:
            _, gold = build_check_set(root, Path(tmp), annotations)
            out.extend(LabelledSentence(f"{rec['doc_id']}:{rec['start']}", rec["text"], int(bool(rec["checkable"])),
                                        source=f"own:{name}") for _, rec in _jsonl(gold))
    return out


def read_news_own(datasets: Path | str | None = None) -> dict[str, list[LabelledSentence]]:
    """Return the project's own news-style checkable data, by set: ``own-attribution`` (every row
    of ``datasets/attribution/*.jsonl``) and ``news-own`` (``datasets/checkworthy/news-own.jsonl``)."""
    base = Path(datasets) if datasets is not None else own_datasets_dir()
    attribution = [s for path in sorted((base / "attribution").glob("*.jsonl"))
                   for s in read_own_checkable(path, "own-attribution")]
    return {"own-attribution": attribution,
            "news-own": read_own_checkable(base / "checkworthy" / "news-own.jsonl", "news-own")}
