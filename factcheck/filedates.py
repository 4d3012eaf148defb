"""Publication dates of files: from front matter, the file's name, its mtime, or a table.

``--published-from`` says where a folder's files take their dates: ``name`` (a date written in
the file's path, ``2024-03-05``, ``2024_03_05`` or ``20240305``), ``mtime`` (the day the file
was last changed, in UTC), or a CSV file with columns ``file`` and ``published`` (``file`` is
the path as given on the command line, the path inside the folder, or the bare file name).
A ``published:`` line in front matter (a ``---`` block at the very top of a .txt or .md file)
comes first; a table row's own ``published`` comes first for tables.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
from pathlib import Path

from .errors import InputError
from .types import parse_date

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_./\\]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_FRONT = re.compile(r"---[ \t]*\r?\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)
_META_LINE = re.compile(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
#: what else a YAML block holds after a key: list items (``  - a``), indented values, comments
_YAML_MORE = re.compile(r"^(?:[ \t]*-[ \t]|[ \t]+\S|[ \t]*#)")


def date_in_name(name: str) -> dt.date | None:
    """Return the last valid date written in a file's path (``news/2024-03-05-budget.txt``, or
    folders of an archive: ``2024/03/05/story.txt``), or None."""
    found = None
    for m in _NAME_DATE.finditer(name):
        try:
            found = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:  # 2023-02-30
            continue
    return found


class PublishedFrom:
    """Where files take their publication date: ``PublishedFrom("name" | "mtime" | CSV path)``."""

    def __init__(self, how: str):
        self.how = how
        self.table: dict[str, dt.date] = {}
        #: the table's dates by each file's resolved path (a row's path read from the current folder
        #: and from the table's own), so that ./a.txt, a.txt and /abs/a.txt are one file
        self.resolved: dict[str, dt.date] = {}
        #: (line, file) of the table's rows that name no file that exists (as read from the current
        #: folder or the table's); such a row may still match a file read by its bare name, see unmatched()
        self.missing: list[tuple[int, str]] = []
        if how not in ("name", "mtime"):
            self.table = _read_table(how)
            here = Path(how).resolve().parent
            for n, (name, date) in enumerate(self.table.items(), 2):
                found = False
                for candidate in (Path(name), here / name):
                    if candidate.exists():
                        self.resolved.setdefault(str(candidate.resolve()), date)
                        found = True
                if not found:
                    self.missing.append((n, name))

    def date_for(self, path: str, rel: str) -> dt.date | None:
        """Return the date of the file at ``path`` (``rel``: its path inside its folder), or None."""
        if self.how == "name":  # the path inside the folder read, else the whole path as given
            return date_in_name(rel) or date_in_name(path)
        if self.how == "mtime":
            try:
                stamp = os.stat(path).st_mtime
            except OSError:
                return None
            return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date()
        for key in _keys(path, rel):
            if key in self.table:
                return self.table[key]
        try:
            return self.resolved.get(str(Path(path).resolve()))
        except OSError:
            return None

    def unmatched(self, files) -> list[tuple[int, str]]:
        """Return the (line, file) of the table's rows whose date no file of ``files`` (the
        :class:`~factcheck.io.InputFile` s read) can take, as :meth:`date_for` matches them: a row
        that names no file on disk may still name a file read by its path inside its folder or its
        bare name (``nodate.txt`` dates ``archive/2024/nodate.txt``)."""
        keys = {key for f in files for key in _keys(f.path, f.rel)}
        return [(n, name) for n, name in self.missing if name not in keys]


def _keys(path: str, rel: str) -> tuple[str, str, str]:
    """Return the names a dates table may give a file by: its path as given, its path inside
    the folder read, its bare name."""
    return path, rel, Path(path).name


def _read_table(path: str) -> dict[str, dt.date]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        raise InputError(f"cannot read the dates table ({exc.strerror}); --published-from takes name, mtime "
                         "or a CSV file with columns file,published", path=path) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read the dates table ({exc}); save it as UTF-8 CSV", path=path) from None
    if rows and not {"file", "published"} <= set(rows[0]):
        raise InputError("the dates table needs columns file and published", path=path)
    out = {}
    for n, row in enumerate(rows, 2):
        try:
            date = parse_date(row["published"])
        except ValueError as exc:
            raise InputError(str(exc), path=path, line=n) from None
        if date is not None and row["file"]:
            out[row["file"].strip()] = date
    return out


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Return a text's front matter (``key: value`` lines between ``---`` lines at the very
    top) and where the text after it begins; ``({}, 0)`` when there is none."""
    m = _FRONT.match(text)
    if m is None:
        return {}, 0
    end = _FRONT_END.search(text, m.end())
    if end is None:
        return {}, 0
    meta = {}
    keys = 0
    for line in text[m.end():end.start()].splitlines():
        kv = _META_LINE.match(line)
        if kv is not None:
            meta[kv.group(1).lower()] = kv.group(2).strip("'\"")
            keys += 1
        elif line.strip() and not (keys and _YAML_MORE.match(line)):
            return {}, 0  # not a front-matter block: a document that opens with a rule
    return meta, end.end()
