"""Output shared by every command: JSONL in a pipe, a readable table on a terminal, CSV."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from typing import Iterable, Sequence

import click


def open_output(output: str):
    """Open OUT for writing text (``-``: standard output), making its folder first, as ``score``,
    ``export`` and ``report`` do: a new folder is no reason to lose a long run's work."""
    if output != "-":
        from pathlib import Path
        Path(output).parent.mkdir(parents=True, exist_ok=True)
    return click.open_file(output, "w", encoding="utf-8")


def default_format(stream=None) -> str:
    """Return ``table`` when writing to a terminal, else ``jsonl``."""
    stream = stream or sys.stdout
    return "table" if getattr(stream, "isatty", lambda: False)() else "jsonl"


def dumps(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False)


def write_jsonl(rows: Iterable[dict], out, *, flush: bool = False) -> int:
    """Write rows as JSON Lines; ``flush`` sends each line at once (a live stream)."""
    n = 0
    for row in rows:
        out.write(dumps(row) + "\n")
        if flush:
            out.flush()
        n += 1
    return n


def flatten(row: dict) -> dict:
    """Flatten nested values for CSV: lists and objects become JSON strings, and text that would
    open a spreadsheet formula gets an apostrophe before it (:func:`factcheck.io.spreadsheet_safe`)."""
    from ..io import spreadsheet_safe
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else spreadsheet_safe(v))
            for k, v in row.items()}


def write_csv(rows: Iterable[dict], out, fieldnames: Sequence[str] | None = None) -> int:
    writer = None
    n = 0
    for row in rows:
        flat = flatten(row)
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(fieldnames or flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _cut(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def write_table(rows: Sequence[dict], columns: Sequence[tuple[str, str, int]], out) -> None:
    """Write a plain table: columns are (key, header, max width); the widest is cut to fit."""
    term = shutil.get_terminal_size((120, 20)).columns
    widths = [min(w, max([len(h)] + [len(_cut(r.get(k, ""), w)) for r in rows])) for k, h, w in columns]
    overflow = sum(widths) + 2 * (len(widths) - 1) - term
    if overflow > 0:
        i = widths.index(max(widths))
        widths[i] = max(10, widths[i] - overflow)
    line = "  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths))
    out.write(click.style(line, bold=True) + "\n" if out.isatty() else line + "\n")
    for r in rows:
        out.write("  ".join(_cut(r.get(k, ""), w).ljust(w) for (k, _, _), w in zip(columns, widths)).rstrip() + "\n")


def to_stringio_csv(rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def progress_printer(stream=None):
    """Return a function that prints progress lines to stderr on a terminal, and nothing in a pipe."""
    stream = stream or sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        return lambda message: None
    return lambda message: click.echo(message, err=True)
