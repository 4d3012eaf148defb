"""Claim records as Arrow rows: nested columns that DuckDB, pandas and pyarrow query directly.

``scores`` is a struct of the three label scores, ``source`` a struct ``{text, start, end}``
(null when none), ``cues`` a list of structs ``{label, text, start, end}`` and ``facets`` a list
of structs ``{kind, text, value, number, start, end, approximate, unit}``. A facet's value is a
date for dates and a number for the rest, and a column has one type, so ``value`` holds it as
text (``2019-08``, ``3.6``, ``200000000000``) and ``number`` holds numeric values as float64
(null for dates). In DuckDB: ``SELECT f.value FROM (SELECT unnest(facets) AS f FROM 'claims.parquet')``.
"""
from __future__ import annotations

from typing import Any

from .types import LABELS, UNIT_KINDS

CLAIM_COLUMNS = ("claim_id", "doc_id", "text", "start", "end", "checkworthiness", "label", "scores",
                 "cues", "source", "facets")


def span_type():
    import pyarrow as pa
    return pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])


def cue_type():
    import pyarrow as pa
    return pa.struct([("label", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])


def facet_type():
    import pyarrow as pa
    return pa.struct([("kind", pa.string()), ("text", pa.string()), ("value", pa.string()),
                      ("number", pa.float64()), ("start", pa.int64()), ("end", pa.int64()),
                      ("approximate", pa.bool_()), ("unit", pa.string())])


def scores_type():
    import pyarrow as pa
    return pa.struct([(lab, pa.float64()) for lab in LABELS])


def claim_schema():
    """Return the Arrow schema of claim rows (``score -o x.parquet``, ``extract -o x.parquet``)."""
    import pyarrow as pa
    return pa.schema([("claim_id", pa.string()), ("doc_id", pa.string()), ("text", pa.string()),
                      ("start", pa.int64()), ("end", pa.int64()), ("checkworthiness", pa.float64()),
                      ("label", pa.string()), ("scores", scores_type()), ("cues", pa.list_(cue_type())),
                      ("source", span_type()), ("facets", pa.list_(facet_type()))])


def facet_value_text(value: Any) -> str | None:
    """Return a facet value as text: dates as they are, integral numbers without ``.0``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return str(value)


def facet_number(value: Any) -> float | None:
    """Return a facet value as float64 when it is a number, else None (dates)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def facet_cells(f: dict) -> dict:
    """Return a facet record (spec shape) as the cells of the facet struct."""
    value = f.get("value")
    return {"kind": f.get("kind"), "text": f.get("text"), "value": facet_value_text(value),
            "number": facet_number(value), "start": f.get("start"), "end": f.get("end"),
            "approximate": bool(f.get("approximate")), "unit": f.get("unit")}


def source_cells(src: Any) -> dict | None:
    """Return a source (a span record, a bare name as gold files give it, or None) as a struct."""
    if isinstance(src, dict) and "start" in src:
        return {"text": src.get("text"), "start": src.get("start"), "end": src.get("end")}
    if isinstance(src, str):
        return {"text": src, "start": -1, "end": -1}
    return None


def claim_cells(record: dict) -> dict:
    """Return a claim record (spec/CLAIMS.md section 4) as a row of :func:`claim_schema`."""
    out = {k: record.get(k) for k in CLAIM_COLUMNS}
    scores = record.get("scores") or {}
    out["scores"] = {lab: scores.get(lab) for lab in LABELS}
    out["cues"] = [dict(c) for c in record.get("cues") or []]
    out["source"] = source_cells(record.get("source"))
    out["facets"] = [facet_cells(f) for f in record.get("facets") or []]
    return out


def facet_record(cells: dict) -> dict:
    """Return a facet struct read back as the spec's facet record (``value`` typed again)."""
    out = {k: v for k, v in cells.items() if k != "number"}
    number = cells.get("number")
    if number is not None:
        out["value"] = int(number) if float(number).is_integer() and abs(number) < 1e18 else number
    if out.get("unit") is None and out.get("kind") not in UNIT_KINDS:
        out.pop("unit", None)
    return out


def is_facet_cells(value: Any) -> bool:
    """Return True for a list of facet structs as this module writes them."""
    return isinstance(value, list) and all(isinstance(f, dict) and "number" in f for f in value)
