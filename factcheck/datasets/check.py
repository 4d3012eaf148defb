"""Rebuild the PolNeAR check set (``datasets/polnear-check``) from its offsets and ``../shared``.

The same builder reads the FactBank facets set (``datasets/factbank-facets-dev``): a row whose
``file`` is ``factbank/<NAME>.txt`` takes its text from
:func:`factcheck.datasets.factbank.read_factbank_documents` (``factbank.xml`` parsed once) and
its publication date from the name.

The repository keeps only offsets and labels (``annotations.jsonl``); the article texts stay
in PolNeAR (``../shared/data/attribution/polnear``). :func:`build_check_set` reads each named
article as UTF-8 (``Path.read_text``, exactly as Python reads it), checks that every offset
still lands on the sentence that was annotated (a sentence-like span whose SHA-256 prefix
matches), and writes ``docs.jsonl`` and ``gold.jsonl`` in the format of
``../shared/data/news-dev`` (spec/CLAIMS.md), texts included.

This set is for measuring only: never train or tune on it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .factbank import PREFIX as FACTBANK_DOC
from .factbank import published_from_name, read_factbank_documents

ANNOTATIONS = Path(__file__).resolve().parents[2] / "datasets" / "polnear-check" / "annotations.jsonl"
POLNEAR = Path("data") / "attribution" / "polnear"
FACTBANK = Path("data") / "hedge" / "szeged" / "factbank.xml"
FACTBANK_PREFIX = "factbank/"
LABELS = ("sourced", "estimated", "contested")
PRIMARY = ("contested", "estimated", "sourced", "unsourced")
FACET_KINDS = ("date", "count", "money", "percent", "quantity", "duration")
UNIT_KINDS = ("count", "money", "quantity")
_OPENERS = "\"'`“‘([«—―-"
_ENDERS = ".!?…"
_CLOSERS = "\"'”’“‘)]»"


#: the sealed set drawn from PolNeAR *train* articles: no model may train on its articles
SEALED_TRAIN_SET = ANNOTATIONS.parents[1] / "polnear-check-3" / "annotations.jsonl"


def sealed_train_articles(path: Path = SEALED_TRAIN_SET) -> frozenset[str]:
    """Return the document ids (file stems) of the PolNeAR train articles that the sealed check
    set 3 samples (empty when the set is not there, as in an installed package): training leaves
    them out, so the set measures text no model learned from."""
    if not path.is_file():
        return frozenset()
    return frozenset(doc_id(row["file"]) for _, row in read_annotations(path))


def read_annotations(path: Path = ANNOTATIONS) -> Iterator[tuple[int, dict]]:
    """Yield (line number, row) for each annotation row of ``path``."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON ({exc.msg}); fix the row", path=str(path), line=n) from exc


def is_factbank(file: str) -> bool:
    """Whether an annotation row's ``file`` names a FactBank document (``factbank/<NAME>.txt``)."""
    return file.startswith(FACTBANK_PREFIX)


def doc_id(file: str) -> str:
    """The document id of a file: a PolNeAR file's stem (``dev/text/nyt_....txt`` -> ``nyt_...``),
    ``factbank-<NAME>`` for a FactBank document (``factbank/APW19980213.1320.txt``)."""
    if is_factbank(file):
        return f"{FACTBANK_DOC}-{Path(file).stem}"  # the doc_id read_factbank_documents gives it
    return Path(file).stem


def published(file: str) -> str | None:
    """The publication date that PolNeAR file names (``publisher_YYYY-MM-DD_slug``) and dated
    FactBank names (``factbank/APW19980213.1320.txt``) carry."""
    if is_factbank(file):
        return published_from_name(Path(file).name)
    parts = Path(file).stem.split("_")
    return parts[1] if len(parts) > 2 and len(parts[1]) == 10 else None


def sentence_problem(text: str, start: int, end: int) -> str | None:
    """Why ``text[start:end]`` is not a whole sentence-like span, or None when it is."""
    if not (0 <= start < end <= len(text)):
        return f"offsets {start}-{end} fall outside the text ({len(text)} characters)"
    span = text[start:end]
    if span != span.strip():
        return "the span starts or ends with white space"
    first = span[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return f"the span does not start like a sentence ({first!r})"
    if start > 0 and not (text[start - 1].isspace() or text[start - 1] in _OPENERS):
        return "the span starts inside a word"
    tail = span.rstrip(_CLOSERS)
    if not tail or tail[-1] not in _ENDERS:
        return f"the span does not end like a sentence ({span[-3:]!r})"
    if end < len(text) and not text[end].isspace():
        return "the span ends inside a word"
    return None


def check_row(row: dict) -> str | None:
    """Why an annotation row breaks the set's rules (without the texts), or None.

    A row with ``"facets_only": true`` carries facets and no judgement of check-worthiness or
    attribution (``datasets/polnear-facets-dev``): it needs no ``checkable``, ``labels`` or
    ``primary`` and must not carry them. A row may name the facet kinds that were annotated
    (``"kinds": ["date", "count"]``, ``datasets/polnear-facets-dev-2``); its facets are then of
    those kinds only, and predicted facets of other kinds are not scored on it.
    """
    kinds = row.get("kinds")
    if kinds is not None and (not isinstance(kinds, list) or not kinds
                              or any(k not in FACET_KINDS for k in kinds)):
        return f"kinds {kinds!r} is not a non-empty list of {FACET_KINDS}"
    if kinds is not None and any(f.get("kind") not in kinds for f in row.get("facets", [])):
        return f"a facet's kind is not one of the annotated kinds {kinds!r}"
    facets_only = bool(row.get("facets_only"))
    keys = ("file", "start", "end", "facets", "sha256") + (() if facets_only else ("checkable", "labels", "primary"))
    for key in keys:
        if key not in row:
            return f"missing {key!r}"
    if facets_only:
        extra = [k for k in ("checkable", "labels", "primary", "source_start") if k in row]
        return f"a facets-only row carries no {extra[0]!r}" if extra else _facet_problem(row)
    labels = row["labels"]
    if any(lab not in LABELS for lab in labels) or list(labels) != sorted(labels, key=LABELS.index):
        return f"labels {labels!r} are not in the order {LABELS}"
    if row["checkable"]:
        want = next((p for p in PRIMARY if p in labels), "unsourced")
        if row["primary"] != want:
            return f"primary {row['primary']!r} should be {want!r}"
        has_source = row.get("source_start") is not None
        if has_source != ("sourced" in labels):
            return "a source is given exactly when the row is sourced"
    elif labels or row["primary"] is not None or row.get("source_start") is not None:
        return "a row that is not checkable has no labels, primary or source"
    return _facet_problem(row)


def _facet_problem(row: dict) -> str | None:
    for f in row["facets"]:
        if f.get("kind") not in FACET_KINDS:
            return f"unknown facet kind {f.get('kind')!r}"
        if not (row["start"] <= f["start"] < f["end"] <= row["end"]):
            return f"facet {f['start']}-{f['end']} lies outside the sentence"
        if f["kind"] in UNIT_KINDS and not f.get("unit"):
            return f"a {f['kind']} facet needs a unit"
        if not isinstance(f.get("approximate"), bool):
            return "a facet needs approximate true or false"
    return None


def build_check_set(shared_dir: Path, out_dir: Path, annotations: Path = ANNOTATIONS) -> tuple[Path, Path]:
    """Write ``docs.jsonl`` and ``gold.jsonl`` of the check set into ``out_dir``; return their paths.

    Raises :class:`InputError` naming the annotation row when a row is malformed, its
    PolNeAR file is missing, or its offsets no longer land on the annotated sentence.
    """
    root = Path(shared_dir) / POLNEAR
    factbank: dict[str, str] | None = None  # FactBank's texts by doc_id, parsed once when a row needs them
    texts: dict[str, str] = {}
    gold: list[dict] = []
    per_doc: dict[str, int] = {}
    for n, row in read_annotations(annotations):
        where = {"path": str(annotations), "line": n}
        problem = check_row(row)
        if problem:
            raise InputError(f"row {n}: {problem}", **where)
        file = row["file"]
        if file not in texts and is_factbank(file):
            if factbank is None:
                xml = Path(shared_dir) / FACTBANK
                if not xml.is_file():
                    raise InputError(f"no FactBank file at {xml}; set FACTCHECK_SHARED to the shared folder")
                factbank = {d["doc_id"]: d["text"] for d in read_factbank_documents(xml)}
            if doc_id(file) not in factbank:
                raise InputError(f"row {n}: {file} is not a dated document of {Path(shared_dir) / FACTBANK}", **where)
            texts[file] = factbank[doc_id(file)]
        elif file not in texts:
            if not root.is_dir():
                raise InputError(f"no PolNeAR folder at {root}; set FACTCHECK_SHARED to the shared folder")
            path = root / file
            if not path.is_file():
                raise InputError(f"row {n}: {path} is missing; is ../shared complete?", **where)
            texts[file] = path.read_text(encoding="utf-8")
        text = texts[file]
        start, end = row["start"], row["end"]
        problem = sentence_problem(text, start, end)
        if problem is None and hashlib.sha256(text[start:end].encode("utf-8")).hexdigest()[:16] != row["sha256"]:
            problem = "the text at these offsets is not the sentence that was annotated"
        if problem:
            raise InputError(f"row {n} ({file} {start}-{end}): {problem}; the source text changed", **where)
        doc = doc_id(file)
        k = per_doc[doc] = per_doc.get(doc, -1) + 1
        # a facets-only row is scored on its facets; as a sentence it counts as not checkable
        rec = {"id": f"{doc}-{k}", "doc_id": doc, "start": start, "end": end, "text": text[start:end],
               "checkable": bool(row.get("checkable")), "labels": list(row.get("labels", [])),
               "primary": row.get("primary")}
        if row.get("facets_only"):
            rec["facets_only"] = True
        if row.get("kinds") is not None:
            rec["kinds"] = list(row["kinds"])
        s0, s1 = row.get("source_start"), row.get("source_end")
        rec["source"] = text[s0:s1] if s0 is not None else None
        facets = []
        for f in row["facets"]:
            out = {"kind": f["kind"], "text": text[f["start"]:f["end"]], "value": f["value"],
                   "start": f["start"], "end": f["end"], "approximate": f["approximate"]}
            if f.get("unit") is not None:
                out["unit"] = f["unit"]
            facets.append(out)
        rec["facets"] = facets
        gold.append(rec)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_path, gold_path = out_dir / "docs.jsonl", out_dir / "gold.jsonl"
    with open(docs_path, "w", encoding="utf-8") as fh:
        for file in sorted(texts):
            fh.write(json.dumps({"doc_id": doc_id(file), "published": published(file), "text": texts[file]},
                                ensure_ascii=False) + "\n")
    with open(gold_path, "w", encoding="utf-8") as fh:
        for rec in gold:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return docs_path, gold_path
