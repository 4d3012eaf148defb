"""Checks shared by the tests of the FactBank facet sets (dev and sealed): the rows' form and
their rebuilding from ../shared. A failure names no row, so a sealed set's rows stay unread."""
from __future__ import annotations

import json
from pathlib import Path

from factcheck.datasets.check import build_check_set, check_row, sentence_problem
from factcheck.datasets.factbank import published_from_name


def rows_problems(rows) -> int:
    """Return how many annotation rows break the set's rules (dates and counts only, no text)."""
    return sum(1 for _, r in rows
               if check_row(r) or not (r["facets_only"] and r["kinds"] == ["date", "count"])
               or any(f["kind"] not in ("date", "count") for f in r["facets"])
               or "text" in r or any("text" in f for f in r["facets"]))


def dated_factbank_files(rows) -> set[str]:
    """Return the rows' files, asserting each names a dated FactBank document."""
    files = {r["file"] for _, r in rows}
    assert all(f.startswith("factbank/") and published_from_name(Path(f).name) for f in files)
    return files


def rebuilt_problems(shared: Path, tmp_path: Path, annotations: Path, n_rows: int) -> int:
    """Rebuild the set from ../shared; return how many gold rows do not land on their text."""
    docs, gold = build_check_set(shared, tmp_path, annotations)
    by_id = {d["doc_id"]: d for d in map(json.loads, docs.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n_rows
    assert all(d["published"] and d["doc_id"].startswith("factbank-") for d in by_id.values())
    return sum(1 for g in rows
               if not (g["facets_only"] and g["kinds"] == ["date", "count"] and not g["checkable"]
                       and sentence_problem(by_id[g["doc_id"]]["text"], g["start"], g["end"]) is None
                       and all(f["text"] == by_id[g["doc_id"]]["text"][f["start"]:f["end"]]
                               and f["text"].strip() == f["text"] for f in g["facets"])))
