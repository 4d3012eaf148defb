"""Readers for every input ``factcheck extract`` takes, and the claim-record readers.

Documents come from ``.txt`` files (one document each, the stem is its ``doc_id``), JSON Lines,
CSV and Parquet tables with a ``text`` column (``doc_id`` and ``published`` optional), folders
of those, and ``-`` for standard input. A broken row never stops a read: it becomes an
:class:`~factcheck.errors.InputError` naming the file and line, and the rest is read.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import InputError
from .types import Document, parse_date

DOC_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".csv", ".parquet")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Item:
    """One thing read from an input: a document, or the error that stood in its place.

    ``path`` and ``line`` say where it came from (``line`` is the 1-based line of a text table,
    the 1-based row of a Parquet file, or None for a whole ``.txt`` file)."""

    path: str
    line: int | None
    doc: Document | None = None
    error: InputError | None = None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Return the files named by ``inputs``: folders are walked (sorted) for readable files."""
    out: list[str] = []
    for name in inputs:
        if name == STDIN:
            out.append(STDIN)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOC_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                raise InputError("no .txt, .jsonl, .csv or .parquet files in this folder", path=name)
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(name)
        else:
            raise InputError("no such file or folder; check the path", path=name)
    return out


def _decode_lines(raw: IO[bytes], path: str, errors: list[InputError],
                  then: str = "undecodable bytes were replaced") -> Iterator[str]:
    """Decode a byte stream line by line; a line that is not UTF-8 is reported (the report
    ending with ``then``) and decoded with replacement characters so the rest of the file is
    still read."""
    for n, line in enumerate(raw, 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(InputError(f"not valid UTF-8 at byte {exc.start} of the line; {then}", path=path, line=n))
            text = line.decode("utf-8", errors="replace")
        if n == 1 and text.startswith("\ufeff"):
            text = text[1:]
        yield text


def row_document(row: dict, path: str, line: int, published, default_id: str) -> Document:
    if not isinstance(row, dict):
        raise InputError("a row must be a JSON object with a \"text\" field", path=path, line=line)
    text = row.get("text")
    if text is None or (isinstance(text, float) and text != text):
        raise InputError("row has no \"text\" field; every row needs the document text", path=path, line=line)
    if not isinstance(text, str):
        raise InputError(f"\"text\" must be a string, not {type(text).__name__}", path=path, line=line)
    doc_id = row.get("doc_id")
    if doc_id is None or doc_id == "" or (isinstance(doc_id, float) and doc_id != doc_id):
        doc_id = default_id
    try:
        pub = parse_date(row.get("published")) or published
    except ValueError as exc:
        raise InputError(str(exc), path=path, line=line) from None
    return Document(doc_id=str(doc_id), text=text, published=pub)


def _read_text(path: str, stream: IO[bytes], published) -> Iterator[Item]:
    errors: list[InputError] = []
    text = "".join(_decode_lines(stream, path, errors))
    for e in errors:
        yield Item(path, e.line, error=e)
    doc_id = "stdin" if path == STDIN else Path(path).stem
    yield Item(path, None, doc=Document(doc_id=doc_id, text=text, published=published))


def _read_jsonl(path: str, stream: IO[bytes], published) -> Iterator[Item]:
    stem = "stdin" if path == STDIN else Path(path).stem
    errors: list[InputError] = []
    for n, line in enumerate(_decode_lines(stream, path, errors), 1):
        while errors:
            e = errors.pop()
            yield Item(path, e.line, error=e)
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(path, n, error=InputError(f"broken JSON ({exc.msg} at column {exc.colno})", path=path, line=n))
            continue
        try:
            yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}"))
        except InputError as exc:
            yield Item(path, n, error=exc)


def _read_csv(path: str, stream: IO[bytes], published) -> Iterator[Item]:
    stem = Path(path).stem
    errors: list[InputError] = []
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(_decode_lines(stream, path, errors))
    if reader.fieldnames is None:
        return
    if "text" not in reader.fieldnames:
        yield Item(path, 1, error=InputError(
            f"no \"text\" column (columns: {', '.join(reader.fieldnames)}); name the document column \"text\"",
            path=path, line=1))
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Item(path, reader.line_num, error=InputError(f"broken CSV row ({exc})", path=path, line=reader.line_num))
            continue
        while errors:
            e = errors.pop()
            yield Item(path, e.line, error=e)
        n = reader.line_num
        if None in row:
            yield Item(path, n, error=InputError("row has more fields than the header", path=path, line=n))
            continue
        try:
            yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}"))
        except InputError as exc:
            yield Item(path, n, error=exc)


def _read_parquet(path: str, published) -> Iterator[Item]:
    import pyarrow.parquet as pq

    stem = Path(path).stem
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        yield Item(path, None, error=InputError(f"not a readable Parquet file ({exc})", path=path))
        return
    if "text" not in pf.schema_arrow.names:
        yield Item(path, None, error=InputError(
            f"no \"text\" column (columns: {', '.join(pf.schema_arrow.names)})", path=path))
        return
    columns = [c for c in ("doc_id", "text", "published") if c in pf.schema_arrow.names]
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            n += 1
            try:
                yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}"))
            except InputError as exc:
                yield Item(path, n, error=exc)


def _sniff_stdin(data: bytes) -> str:
    head = data.lstrip()[:1]
    return "jsonl" if head == b"{" else "txt"


def read_file(path: str, *, published=None, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield the documents (or errors) of one input file; ``-`` reads standard input."""
    if path == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        stream = io.BytesIO(data)
        kind = _sniff_stdin(data)
        yield from (_read_jsonl if kind == "jsonl" else _read_text)(path, stream, published)
        return
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        yield from _read_parquet(path, published)
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Item(path, None, error=InputError(f"cannot open ({exc.strerror})", path=path))
        return
    with stream:
        if suffix in (".jsonl", ".ndjson", ".json"):
            yield from _read_jsonl(path, stream, published)
        elif suffix == ".csv":
            yield from _read_csv(path, stream, published)
        else:
            yield from _read_text(path, stream, published)


def read_inputs(inputs: Iterable[str], *, published=None, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield every document (or error) of the inputs, in order: files, folders, ``-``."""
    pub = parse_date(published) if published is not None else None
    for path in expand_inputs(inputs):
        yield from read_file(path, published=pub, stdin=stdin)


def read_documents(inputs: Iterable[str], *, published=None, errors: list | None = None) -> Iterator[Document]:
    """Yield the documents of the inputs. Broken rows go to ``errors`` when given, else raise."""
    for item in read_inputs(inputs, published=published):
        if item.error is not None:
            if errors is None:
                raise item.error
            errors.append(item.error)
        else:
            yield item.doc


#: columns of a claim (or verdict) table in CSV that hold numbers, and those that hold JSON text
#: in CSV and Parquet (lists and objects, as ``factcheck extract``/``score`` write them)
_INT_COLUMNS = ("start", "end")
_FLOAT_COLUMNS = ("checkworthiness",)
_JSON_COLUMNS = ("scores", "cues", "source", "facets", "evidence", "labels")
_NOT_READ = "the line was not read; save the file as UTF-8"

#: ``(path, line, record)``: a record is a dict, its JSON text (``raw``), or the error in its place
RecordRow = tuple[str, int, "dict | str | InputError"]


def read_record_rows(path: str, fmt: str | None = None, *, raw: bool = False) -> Iterator[RecordRow]:
    """Yield ``(path, line, record)`` for every row of a claim or verdict table: ``.jsonl``
    (``.ndjson``, ``.json``), ``.csv`` or ``.parquet`` by its suffix unless ``fmt`` says, ``-``
    for JSON Lines on standard input. ``line`` is the 1-based line of the row's start (the row
    of a Parquet file). A row that cannot be read comes as an InputError naming its file and
    line in place of the record, and the rest is read.

    CSV cells are typed (``start``/``end`` integers, ``checkworthiness`` a float, lists and
    objects decoded from their JSON text) and empty cells left out; Parquet rows leave out
    their nulls. With ``raw``, JSON Lines records come as their JSON text, unparsed (the queue
    stores them as they are); a file that cannot be opened raises InputError."""
    fmt = (fmt or Path(path).suffix.lstrip(".") or "jsonl").lower()
    fmt = "jsonl" if fmt in ("ndjson", "json") else fmt
    if fmt == "parquet":
        yield from _parquet_records(path)
        return
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"cannot read .{fmt} files; give .jsonl, .csv or .parquet", path=path)
    text_records = (lambda stream: _jsonl_records(path, stream, raw)) if fmt == "jsonl" else (
        lambda stream: _csv_records(path, stream))
    if path == STDIN:
        yield from text_records(sys.stdin.buffer)
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror}); check the path", path=path) from None
    with stream:
        yield from text_records(stream)


def read_records(path: str, errors: list | None = None, *, fmt: str | None = None) -> Iterator[dict]:
    """Yield the claim records (dicts) of a ``.jsonl``, ``.csv`` or ``.parquet`` file of claims,
    read as :func:`read_record_rows` reads them. Broken lines go to ``errors`` when given, else raise."""
    for _, _, record in read_record_rows(path, fmt):
        if isinstance(record, InputError):
            if errors is None:
                raise record
            errors.append(record)
        else:
            yield record


def _jsonl_records(path: str, stream: IO[bytes], raw: bool) -> Iterator[RecordRow]:
    errors: list[InputError] = []
    for n, line in enumerate(_decode_lines(stream, path, errors, _NOT_READ), 1):
        if errors:
            yield path, n, errors.pop()
            continue
        text = line.strip()
        if not text:
            continue
        if raw:
            yield path, n, text
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


def _csv_records(path: str, stream: IO[bytes]) -> Iterator[RecordRow]:
    errors: list[InputError] = []
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(_decode_lines(stream, path, errors, _NOT_READ))
    try:
        if reader.fieldnames is None:
            return
    except csv.Error as exc:
        yield path, 1, InputError(f"broken CSV header ({exc})", path=path, line=1)
        return
    if errors:  # without a header the columns cannot be told apart
        yield path, 1, errors.pop()
        return
    line = reader.line_num
    while True:
        first = line + 1  # the row's first physical line: a quoted cell may span several
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = InputError(f"broken CSV ({exc})", path=path, line=first)
        if reader.line_num == line:  # nothing more was read
            return
        line = reader.line_num
        if errors:
            yield from ((path, e.line, e) for e in errors)
            errors.clear()
        elif isinstance(row, InputError):
            yield path, first, row
        else:
            try:
                yield path, first, _record_cells(row)
            except (ValueError, TypeError) as exc:
                yield path, first, InputError(f"unreadable cell ({exc})", path=path, line=first)


def _parquet_records(path: str) -> Iterator[RecordRow]:
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
                yield path, n, _record_cells(row)
            except (ValueError, TypeError) as exc:
                yield path, n, InputError(f"unreadable cell ({exc})", path=path, line=n)


def _record_cells(row: dict) -> dict:
    """Return a table row as a record: numbers in text as numbers, JSON cells decoded; empty
    cells and cells beyond the header left out."""
    out = {}
    for key, value in row.items():
        if key is None or value is None or value == "":
            continue
        if isinstance(value, str):
            if key in _INT_COLUMNS:
                value = int(float(value))
            elif key in _FLOAT_COLUMNS:
                value = float(value)
            elif key in _JSON_COLUMNS and value[:1] in "[{":
                value = json.loads(value)
            elif key in _JSON_COLUMNS and value == "null":
                value = None
        out[key] = value
    return out


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_path_beside(target: str | os.PathLike, *, folder: bool = False) -> str:
    """Return a new temporary file (or folder) beside ``target``, with the permissions a plain
    ``open`` would give, for writing there and then ``os.replace``-ing it into place."""
    import tempfile

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if folder:
        tmp = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.chmod(tmp, 0o777 & ~_umask())
        return tmp
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; the finished file should not be private
    return tmp


def atomic_writer(path: str | os.PathLike, mode: str = "w", **kwargs):
    """Return a context manager writing to a temporary file that replaces ``path`` on success."""
    from contextlib import contextmanager

    @contextmanager
    def _cm():
        target = Path(path)
        tmp = temp_path_beside(target)
        try:
            with open(tmp, mode, **kwargs) as f:
                yield f
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    return _cm()
