"""Reading claim files into the queue, and importing existing verdict data.

Claim files are what ``factcheck extract``/``score`` write: JSON Lines, CSV (lists and objects
in JSON strings) or Parquet, read by :func:`factcheck.io.read_record_rows`. Every row comes with
its file and line, so a broken line is reported as ``file:line: reason`` and the rest is still
added.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..io import read_record_rows


def read_document_files(paths: Iterable[str]) -> Iterator[tuple[str, int | None, dict | str | InputError]]:
    """Yield the rows of the documents behind the claims: tables (as :func:`read_claim_files`,
    so their title, date and link columns come too) and articles as ``extract`` reads them
    (``.txt``, ``.md``, ``.transcript`` files and folders: the file's stem is the doc_id, a
    front matter ``published:`` its date)."""
    from ..io import STDIN, TEXT_SUFFIXES, read_inputs

    for path in paths:
        if path != STDIN and (Path(path).is_dir() or Path(path).suffix.lower() in TEXT_SUFFIXES):
            for item in read_inputs([path]):
                yield item.path, item.line, item.error if item.error is not None else item.doc.to_dict()
        else:
            yield from read_record_rows(path, raw=True)


def read_claim_files(paths: Iterable[str]) -> Iterator[tuple[str, int, dict | str | InputError]]:
    """Yield the rows of several claim files in turn, JSON Lines records as their text (which
    :meth:`Queue.add_rows` stores as it is)."""
    for path in paths:
        yield from read_record_rows(path, raw=True)


# -- verdict data ------------------------------------------------------------------------------
#: the columns an imported fact-check's evidence links may come in, the first one filled wins
EVIDENCE_COLUMNS = ("evidence", "url", "urls", "evidence_url", "review_url", "link")


def verdict_rows(rows: Iterable[tuple], *, rating_column: str = "rating", mapping: dict | None = None,
                 reviewer: str = "import", scale=None) -> Iterator[tuple[str, int, dict | InputError]]:
    """Yield ``(path, line, {"claim": record, "verdict": {...}})`` from rows of claims with
    ratings, the rating mapped onto the queue's scale; a row that does not fit is an InputError."""
    mapping = mapping or {}
    names = set(scale.names()) if scale is not None else None
    for path, line, row in rows:
        if isinstance(row, BaseException):
            yield path, line, row
            continue
        if _exported(row):
            if row.get("current") is False or (row.get(rating_column) in (None, "") and not _flag(row.get("not_a_claim"))):
                continue  # a verdict superseded or undone (export --history): what stands is imported
            kind = _exported_kind(row)
            row = _from_export(row)
            if row.get("not_a_claim"):
                claim = {k: v for k, v in row.items() if k not in (rating_column, "reviewer", "note", "corrected_label",
                                                                   "not_a_claim", *EVIDENCE_COLUMNS)}
                yield path, line, {"claim": claim, "verdict": {
                    "reviewer": str(row.get("reviewer") or reviewer), "rating": None, "not_a_claim": True,
                    "label": row.get("corrected_label") or None, "note": row.get("note") or None, "evidence": [],
                    **kind}}
                continue
        else:
            kind = {}
        raw = row.get(rating_column)
        if raw in (None, ""):
            yield path, line, InputError(f"no {rating_column!r} value; name the rating column with "
                                         "--rating-column", path=path, line=line)
            continue
        rating = mapping.get(str(raw), str(raw))
        if names is not None and rating not in names:
            yield path, line, InputError(f"rating {raw!r} is not on the scale ({', '.join(scale.names())}); "
                                         f"map it with --map {raw}=RATING", path=path, line=line)
            continue
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            yield path, line, InputError("no claim text; the file needs a 'text' column", path=path, line=line)
            continue
        claim = {k: v for k, v in row.items()
                 if k not in (rating_column, "reviewer", "note", "corrected_label", *EVIDENCE_COLUMNS)}
        claim.setdefault("doc_id", str(row.get("claim_id") or row.get("id") or f"{Path(path).stem}-{line}"))
        claim.setdefault("start", 0)
        claim.setdefault("end", len(text))
        evidence = next((row[c] for c in EVIDENCE_COLUMNS if row.get(c)), [])
        if isinstance(evidence, str):
            evidence = [evidence]
        verdict = {"reviewer": str(row.get("reviewer") or reviewer), "rating": rating,
                   "label": row.get("corrected_label") or None, "note": row.get("note") or None,
                   "evidence": evidence, **kind}
        if str(raw) != rating:
            verdict["note"] = "; ".join(filter(None, [verdict["note"], f"imported rating: {raw}"]))
        yield path, line, {"claim": claim, "verdict": verdict}


#: the columns of ``factcheck export`` that describe a verdict, not the claim
_VERDICT_COLUMNS = ("verdict_id", "rating_value", "reviewer_role", "kind", "created_at", "model_name",
                    "model_version", "settled", "source_corrected", "reuses", "supersedes", "current", "facets",
                    "source", "label")


def _flag(value) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1")


def _exported(row: dict) -> bool:
    """Whether a row is one of ``factcheck export``'s (jsonl, csv or parquet)."""
    return "verdict_id" in row and "model_label" in row and "not_a_claim" in row


def _exported_kind(row: dict) -> dict:
    """Return ``{"kind", "role"}`` of an exported verdict row: an editor's ruling (``kind``
    adjudication) comes back as a ruling, which only an editor gives, so that a claim an editor
    resolved is not imported as a dispute; an editor's own verdict keeps its editor."""
    kind = "adjudication" if str(row.get("kind") or "").strip() == "adjudication" else "verdict"
    editor = kind == "adjudication" or str(row.get("reviewer_role") or "").strip() == "editor"
    return {"kind": kind, "role": "editor" if editor else "reviewer"}


def _from_export(row: dict) -> dict:
    """Return an exported verdict row as an import row: the claim as the model gave it (its
    label, scores, source and figures) and the reviewer's corrected label as ``corrected_label``."""
    out = {k: v for k, v in row.items() if k not in _VERDICT_COLUMNS and not k.startswith("model_")}
    out["corrected_label"] = row.get("label") or None
    for key in ("label", "scores", "source", "facets"):
        value = row.get(f"model_{key}")
        if value not in (None, ""):
            out[key] = value
    out["not_a_claim"] = _flag(row.get("not_a_claim"))
    return out


def parse_mapping_or_default(pairs, fmt: str) -> dict:
    """Return the ``--map`` mapping, or PolitiFact's onto the default scale for LIAR files."""
    from .scale import POLITIFACT_TO_DEFAULT, parse_mapping

    mapping = parse_mapping(pairs)
    if not mapping and fmt == "liar":
        return dict(POLITIFACT_TO_DEFAULT)
    return mapping


def import_rows(path: str, fmt: str | None = None) -> Iterator[tuple]:
    """Yield the rows of a verdict file: JSONL/CSV/Parquet, or a LIAR ``.tsv``."""
    fmt = fmt or ("liar" if Path(path).suffix.lower() == ".tsv" else None)
    if fmt == "liar":
        from ..datasets.liar import liar_rows
        return liar_rows(path)
    return read_record_rows(path, fmt)


