"""Reader of LIAR (Wang, ACL 2017): PolitiFact statements with a six-step truth rating.

The TSV files have 14 tab-separated columns and no header. Statements contain stray double
quotes that are not CSV quoting, so the file is read with ``quoting=3`` (csv.QUOTE_NONE).
Blank lines are skipped; a row with another number of columns or an unknown rating is an
:class:`~factcheck.errors.InputError` naming the file and line, given in place of the record.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError

#: PolitiFact's Truth-O-Meter as LIAR spells it, best first
LIAR_RATINGS = ("true", "mostly-true", "half-true", "barely-true", "false", "pants-fire")
COLUMNS = ("id", "label", "statement", "subjects", "speaker", "job_title", "state", "party",
           "barely_true_count", "false_count", "half_true_count", "mostly_true_count", "pants_fire_count",
           "context")


@dataclass(frozen=True, slots=True)
class LiarStatement:
    """One LIAR row: the statement's id (without ``.json``), rating, text and metadata."""

    id: str
    label: str
    statement: str
    subjects: tuple[str, ...]
    speaker: str
    job_title: str
    state: str
    party: str
    context: str


def read_liar(path) -> Iterator[tuple[int, LiarStatement | InputError]]:
    """Yield ``(line, statement)`` for each row of a LIAR ``.tsv``, or ``(line, InputError)``."""
    path = str(path)
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for n, cells in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not cells or not any(c.strip() for c in cells):
                continue
            if len(cells) < 3:
                yield n, InputError(f"{len(cells)} columns where LIAR has 14", path=path, line=n)
                continue
            cells = [c.strip() for c in cells] + [""] * (len(COLUMNS) - len(cells))
            label = cells[1].lower()
            if label not in LIAR_RATINGS:
                yield n, InputError(f"rating {cells[1]!r} is not one of {', '.join(LIAR_RATINGS)}", path=path, line=n)
                continue
            if not cells[2]:
                yield n, InputError("empty statement", path=path, line=n)
                continue
            yield n, LiarStatement(
                id=cells[0].removesuffix(".json"), label=label, statement=cells[2],
                subjects=tuple(s for s in cells[3].split(",") if s), speaker=cells[4], job_title=cells[5],
                state=cells[6], party=cells[7], context=cells[13])


def liar_rows(path) -> Iterator[tuple[str, int, dict | InputError]]:
    """Yield ``(path, line, row)`` for the queue importer: a claim record (text, ids, speaker,
    context) with PolitiFact's ``rating`` and ``politifact`` as the reviewer."""
    for n, item in read_liar(path):
        if isinstance(item, InputError):
            yield str(path), n, item
            continue
        claim_id = f"liar-{item.id}"
        yield str(path), n, {
            "claim_id": claim_id, "doc_id": claim_id, "text": item.statement,
            "start": 0, "end": len(item.statement), "speaker": item.speaker, "context": item.context,
            "subjects": list(item.subjects), "rating": item.label, "reviewer": "politifact"}


def liar_files(folder) -> list[Path]:
    """Return the split files of a LIAR folder (train, valid, test) that exist."""
    return [p for p in (Path(folder) / f"{s}.tsv" for s in ("train", "valid", "test")) if p.exists()]
