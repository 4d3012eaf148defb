"""Reading claim files into the queue, and importing existing verdict data.

Claim files are what ``factcheck extract``/``score`` write: JSON Lines, CSV (lists and objects
in JSON strings) or Parquet. Every row comes with its file and line, so a broken line is
reported as ``file:line: reason`` and the rest is still added.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError

#: columns of a CSV claim file that hold numbers, and those that hold JSON
_INTS = ("start", "end")
_FLOATS = ("checkworthiness",)
_JSON = ("scores", "cues", "source", "facets", "evidence")


def _typed(row: dict) -> dict:
    """Return a CSV row with numbers as numbers and JSON cells decoded; empty cells dropped."""
    out = {}
    for key, value in row.items():
        if key is None or value is None or value == "":
            continue
        if key in _INTS:
            value = int(float(value))
        elif key in _FLOATS:
            value = float(value)
        elif key in _JSON and value[:1] in "[{":
            value = json.loads(value)
        elif key in _JSON and value == "null":
            value = None
        out[key] = value
    return out


def _open_text(path: str):
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8", errors="strict", newline="")
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror}); check the path", path=path) from None


def read_rows(path: str, fmt: str | None = None, *, raw: bool = False) -> Iterator[tuple[str, int, dict | str | InputError]]:
    """Yield ``(path, line, record)`` for every row of a claim or verdict file; a row that cannot
    be read comes as an InputError in place of the record. With ``raw``, JSON Lines records come
    as their JSON text, which :meth:`Queue.add_rows` stores as it is."""
    fmt = fmt or Path(path).suffix.lower().lstrip(".") or "jsonl"
    if fmt in ("ndjson", "json"):
        fmt = "jsonl"
    if fmt == "parquet":
        yield from _read_parquet(path)
        return
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"cannot read .{fmt} files; give .jsonl, .csv or .parquet", path=path)
    stream = _open_text(path)
    try:
        if fmt == "csv":
            reader = csv.DictReader(stream)
            line = 1
            try:
                for row in reader:
                    # the row's first physical line: a quoted cell may span several
                    first, line = line + 1, reader.line_num
                    try:
                        yield path, first, _typed(row)
                    except (ValueError, TypeError) as exc:
                        yield path, first, InputError(f"unreadable cell ({exc})", path=path, line=first)
            except (csv.Error, UnicodeDecodeError) as exc:
                yield path, line + 1, InputError(f"broken CSV ({exc})", path=path, line=line + 1)
            return
        n = 0
        while True:
            try:
                text = stream.readline()
            except UnicodeDecodeError:
                n += 1
                yield path, n, InputError("not UTF-8 text; save the file as UTF-8", path=path, line=n)
                return  # past a decoding error the lines cannot be trusted
            if not text:
                return
            n += 1
            if not text.strip():
                continue
            if raw:
                yield path, n, text.strip()
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield path, n, InputError(f"broken JSON ({exc.msg} at column {exc.colno})", path=path, line=n)
                continue
            if not isinstance(record, dict):
                yield path, n, InputError("a record must be a JSON object", path=path, line=n)
                continue
            yield path, n, record
    finally:
        if stream is not sys.stdin:
            stream.close()


def _read_parquet(path: str) -> Iterator[tuple[str, int, dict | InputError]]:
    import pyarrow.parquet as pq  # heavy: only for parquet files

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises many kinds for a file that is not Parquet
        raise InputError(f"not a Parquet file ({exc})", path=path) from None
    n = 0
    for batch in table.iter_batches(batch_size=8192):
        for row in batch.to_pylist():
            n += 1
            try:
                record = _parquet_row(row)
            except (ValueError, TypeError) as exc:
                yield path, n, InputError(f"unreadable cell ({exc})", path=path, line=n)
                continue
            yield path, n, record


def _parquet_row(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if value is None:
            continue
        if isinstance(value, str) and key in _JSON:
            value = json.loads(value) if value[:1] in "[{" else (None if value == "null" else value)
        out[key] = value
    return out


def read_claim_files(paths: Iterable[str]) -> Iterator[tuple[str, int, dict | InputError]]:
    """Yield the rows of several claim files in turn."""
    for path in paths:
        yield from read_rows(path, raw=True)


# -- verdict data ------------------------------------------------------------------------------
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
                 if k not in (rating_column, "reviewer", "note", "evidence", "corrected_label")}
        claim.setdefault("doc_id", str(row.get("claim_id") or f"{Path(path).stem}-{line}"))
        claim.setdefault("start", 0)
        claim.setdefault("end", len(text))
        evidence = row.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        verdict = {"reviewer": str(row.get("reviewer") or reviewer), "rating": rating,
                   "label": row.get("corrected_label") or None, "note": row.get("note") or None,
                   "evidence": evidence}
        if str(raw) != rating:
            verdict["note"] = "; ".join(filter(None, [verdict["note"], f"imported rating: {raw}"]))
        yield path, line, {"claim": claim, "verdict": verdict}


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
    return read_rows(path, fmt)


