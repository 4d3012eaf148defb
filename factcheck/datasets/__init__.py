"""Readers of the public labelled data sets (``../shared/data``) and of the project's own ``datasets/``.

Each reader is tolerant of the known defects of its source and yields plain records.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError


def jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """Yield (line number, record) for each non-blank line of a JSON Lines data file; a missing
    file or a broken line is an InputError that says where and what to do."""
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
