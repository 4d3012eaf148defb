"""Readers for every input ``factcheck extract`` takes, and the claim-record readers.

Documents come from ``.txt`` files (one document each, the stem is its ``doc_id``; an empty
one is an error, not a document), JSON Lines, CSV (comma, semicolon or tab separated) and
Parquet tables with a ``text`` column (``doc_id`` and ``published`` optional), folders of
those, and ``-`` for standard input. A broken row never stops a read: it becomes an
:class:`~factcheck.errors.InputError` naming the file and line, and the rest is read.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .errors import InputError
from .types import DOC_ID_COLUMNS, Document, given_doc_id, parse_date

DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".odt", ".transcript", ".jsonl", ".ndjson", ".json",
                ".csv", ".parquet")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".odt", ".transcript")
HTML_SUFFIXES = (".html", ".htm")
#: the files a folder is read for, as messages name them (every suffix of DOC_SUFFIXES, .json included)
DOC_KINDS = ", ".join(DOC_SUFFIXES[:-1]) + " or " + DOC_SUFFIXES[-1]
#: what a file of claims holds by its suffix, as score and extract -o write it
CLAIM_FILE_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
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


@dataclass(frozen=True)
class ReadOptions:
    """How documents are read: the fallback publication date, where files take their own date
    (``published_from``: ``name``, ``mtime`` or a CSV path, see :mod:`factcheck.filedates`),
    the text encoding (None: detected), and whether every document is a transcript (files
    ending in ``.transcript`` always are)."""

    published: Any = None
    published_from: str | None = None
    encoding: str | None = None
    transcript: bool = False
    #: what the run writes (files or folders): never read as input, though it lies in a folder read
    exclude: tuple[str, ...] = ()

    def __post_init__(self):
        from .decode import check_encoding
        object.__setattr__(self, "published", parse_date(self.published))
        object.__setattr__(self, "encoding", check_encoding(self.encoding))
        object.__setattr__(self, "exclude", tuple(os.path.realpath(p) for p in self.exclude))

    def dates(self):
        from .filedates import PublishedFrom
        return PublishedFrom(self.published_from) if self.published_from else None


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read: its path, and its path inside the folder it was found in (its name
    when it was named directly)."""

    path: str
    rel: str


class DocIds:
    """Keeps ``doc_id`` unique across one read. The first document keeps its id; a later one
    with an id already taken gets its file's path inside the folder (text files:
    ``sub/notes.txt``) or ``ID@FILE:LINE`` (table rows: ``a1@notes.jsonl:3``)."""

    def __init__(self):
        self.seen: set[str] = set()

    def claim(self, doc_id: str, fallback: str) -> str:
        for candidate in (doc_id, fallback):
            if candidate not in self.seen:
                self.seen.add(candidate)
                return candidate
        n = 2
        while f"{fallback}#{n}" in self.seen:
            n += 1
        self.seen.add(f"{fallback}#{n}")
        return f"{fallback}#{n}"


def _excluded(path: Path, exclude: tuple[str, ...]) -> bool:
    """Whether ``path`` is (or lies in) one of the real paths ``exclude``."""
    if not exclude:
        return False
    real = os.path.realpath(path)
    return any(real == e or real.startswith(e + os.sep) for e in exclude)


def _walk(inputs: Iterable[str], exclude: tuple[str, ...] = ()) -> tuple[list[InputFile], list[str]]:
    files: list[InputFile] = []
    skipped: list[str] = []
    for name in inputs:
        if name == STDIN:
            files.append(InputFile(STDIN, STDIN))
            continue
        path = Path(name)
        if path.is_dir():
            found = []
            for p in sorted(path.rglob("*")):
                if not p.is_file():
                    continue
                rel = p.relative_to(path)
                if p.suffix.lower() in DOC_SUFFIXES and not any(part.startswith(".") for part in rel.parts) \
                        and not _excluded(p, exclude):
                    found.append(InputFile(str(p), rel.as_posix()))
                else:
                    skipped.append(str(p))
            if not found:
                raise InputError(f"no {DOC_KINDS} files in this folder", path=name)
            files.extend(found)
        elif path.exists():
            files.append(InputFile(name, path.name))
        else:
            raise InputError("no such file or folder; check the path", path=name)
    return files, skipped


def written_input(inputs: Iterable[str], written: Iterable[str | os.PathLike]) -> str | None:
    """Return the first of ``inputs`` that is one of the paths a run writes (``written``), or
    None: reading it would read the run's own output, or lose the input as OUT is replaced."""
    targets = {os.path.realpath(w) for w in written}
    return next((name for name in inputs if name != STDIN and os.path.realpath(name) in targets), None)


def walk_inputs(inputs: Iterable[str], exclude: tuple[str, ...] = ()) -> list[InputFile]:
    """Return the files named by ``inputs`` with their paths inside their folders; files in
    folders that are (or lie in) the real paths ``exclude`` (the run's own output) are left out."""
    return _walk(inputs, exclude)[0]


def expand_inputs(inputs: Iterable[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Return the files named by ``inputs``: folders are walked (sorted) for readable files."""
    return [f.path for f in _walk(inputs, exclude)[0]]


def skipped_files(inputs: Iterable[str]) -> list[str]:
    """Return the files inside the folders among ``inputs`` that are not read: other suffixes,
    hidden files and files in hidden folders."""
    return _walk(inputs)[1]


def _table_lines(raw: IO[bytes], path: str, encoding: str | None) -> Iterator[tuple[int, str | InputError]]:
    """Yield ``(line number, text)`` for each line of a table file, or an InputError in place of
    a line that does not decode (never the line with replacement characters). The encoding is
    ``encoding``, else guessed from the file's start; a binary file is one error."""
    from .decode import SAMPLE, binary_reason, guess_encoding

    head = raw.read(SAMPLE) if hasattr(raw, "read") else b""
    if encoding is None:
        reason = binary_reason(head)
        if reason:
            yield 1, InputError(reason, path=path)
            return
        encoding = guess_encoding(head)
        if encoding is None:
            yield 1, InputError("cannot tell the file's encoding; name it with --encoding", path=path)
            return
    stream = io.BufferedReader(_Prepend(head, raw)) if head else raw
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
        n = 0
        try:
            for n, line in enumerate(text, 1):
                yield n, line
        except UnicodeDecodeError as exc:
            yield n + 1, InputError(f"not valid {encoding} ({exc.reason}); the rest of the file was not read",
                                    path=path, line=n + 1)
        return
    if encoding == "utf-8":
        encoding = "utf-8-sig"
    for n, line in enumerate(stream, 1):
        try:
            text = line.decode(encoding if n == 1 else encoding.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            yield n, InputError(f"not valid {encoding.replace('-sig', '')} at byte {exc.start} of the line; "
                                "the row was not read (name the encoding with --encoding)", path=path, line=n)
            continue
        yield n, text


class _Prepend(io.RawIOBase):
    """A raw stream that gives ``head`` first, then the rest of ``raw``."""

    def __init__(self, head: bytes, raw: IO[bytes]):
        self._head = memoryview(head)
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._raw.read(len(b))
        b[:len(data)] = data
        return len(data)


def row_document(row: dict, path: str, line: int, published, default_id: str, ids: DocIds | None = None,
                 transcript: bool = False) -> Document:
    from .decode import damage_reason

    if not isinstance(row, dict):
        raise InputError("a row must be a JSON object with a \"text\" field", path=path, line=line)
    text = row.get("text")
    if text is None or (isinstance(text, float) and text != text):
        raise InputError("row has no \"text\" field; every row needs the document text", path=path, line=line)
    if not isinstance(text, str):
        raise InputError(f"\"text\" must be a string, not {type(text).__name__}", path=path, line=line)
    reason = damage_reason(text)
    if reason:
        raise InputError(f"the text {reason}", path=path, line=line)
    doc_id = given_doc_id(row)
    if doc_id is None:
        doc_id = default_id  # the row's place
    doc_id = str(doc_id)
    if damage_reason(doc_id):
        raise InputError(f"the doc_id {damage_reason(doc_id)}", path=path, line=line)
    try:
        pub = parse_date(row.get("published")) or published
    except ValueError as exc:
        raise InputError(str(exc), path=path, line=line) from None
    if ids is not None:
        doc_id = ids.claim(doc_id, f"{doc_id}@{Path(path).name}:{line}")
    return Document(doc_id=doc_id, text=text, published=pub, transcript=transcript)


def _read_text(f: InputFile, data: bytes, published, opts: ReadOptions, ids: DocIds | None,
               dates) -> Iterator[Item]:
    from .decode import decode_document
    from .filedates import split_front_matter

    path = f.path
    try:
        text = decode_document(data, path=path, encoding=opts.encoding)
    except InputError as exc:
        yield Item(path, None, error=exc)
        return
    meta, body = split_front_matter(text)
    if meta.get("published") or meta.get("date"):
        try:
            published = parse_date(meta.get("published") or meta.get("date"))
        except ValueError as exc:
            # the whole file is refused (no document is read from it): no line, as for a binary file
            yield Item(path, None, error=InputError(f"front matter: {exc}", path=path))
            return
    # front matter is metadata, not text: the document (and every offset) starts after it
    text = text[body:]
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    if suffix == ".md":
        from .markdown import markdown_text
        text = markdown_text(text)  # the prose a reader sees; offsets index it (as after front matter)
    elif suffix in HTML_SUFFIXES or (suffix == "" and _html_page(text)):
        from .html import html_document
        text, page_date = html_document(text)  # the page's prose, as for Markdown
        if page_date and not (meta.get("published") or meta.get("date")):
            try:  # the page's own date, as a table row's published: before the fallback
                published = parse_date(page_date)
            except ValueError:  # not ISO (May 1, 2024): the fallback date stands
                pass
    yield _file_item(f, text, published, ids, transcript=opts.transcript or suffix == ".transcript")


def _file_item(f: InputFile, text: str, published, ids: DocIds | None, transcript: bool = False) -> Item:
    """The one document of a file (or of standard input), named by the file's stem, unique in the run.

    A file with no text (empty, only white space, or a page or Word file that shows none) holds
    no document: it is an error naming the file, as an empty table is no document, never a
    document of nothing that a run would count as read."""
    if not text.strip():
        return Item(f.path, None, error=InputError("it holds no text (empty, or only white space); not read",
                                                   path=f.path))
    stem = "stdin" if f.path == STDIN else Path(f.path).stem
    doc_id = ids.claim(stem, f.rel) if ids is not None else stem
    return Item(f.path, None, doc=Document(doc_id=doc_id, text=text, published=published, transcript=transcript))


def _read_jsonl(path: str, stream: IO[bytes], published, opts: ReadOptions, ids: DocIds | None) -> Iterator[Item]:
    stem = "stdin" if path == STDIN else Path(path).stem
    for n, row, _ in json_rows(_table_lines(stream, path, opts.encoding), path):
        if isinstance(row, InputError):
            yield Item(path, n, error=row)
            continue
        try:
            yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}", ids, opts.transcript))
        except InputError as exc:
            yield Item(path, n, error=exc)


def json_rows(lines: Iterable[tuple[int, "str | InputError"]], path: str,
              parse: bool = True) -> Iterator[tuple[int, Any, str]]:
    """Yield ``(line, value, JSON text)`` for each row of JSON text, or ``(line, InputError, "")``
    in a row's place. ``lines``: ``(line number, text)`` pairs, an InputError for a line that did
    not decode. JSON Lines give one row a line; a file that is one JSON document (an array of
    objects, or an object spread over lines as ``json.dump(indent=...)`` writes it: its first line
    starts with ``[`` or is a lone ``{``) gives one row per element, each at the line it starts
    on. A broken JSON Lines row is reported and the rest read; in one document, the rest after a
    break cannot be told apart, so it is reported as not read. Without ``parse``, a JSON Lines row
    comes as its text, unparsed (value and text alike); a document's rows are parsed to be found."""
    it = iter(lines)
    first = True  # the first line that holds anything tells JSON Lines from one document
    for n, line in it:
        if isinstance(line, InputError):
            yield n, line, ""
            continue
        text = line.strip()
        if not text:
            continue
        if first and (text.startswith("[") or text == "{"):
            yield from _json_document(n, line, it, path)
            return
        first = False
        if not parse:
            yield n, text, text
            continue
        try:
            yield n, json.loads(text), text
        except json.JSONDecodeError as exc:
            yield n, InputError(f"broken JSON ({_json_reason(exc)})", path=path, line=n), ""
        except RecursionError:
            yield n, InputError("JSON nested too deeply", path=path, line=n), ""


def _json_document(first: int, line: str, rest: Iterator[tuple[int, "str | InputError"]],
                   path: str) -> Iterator[tuple[int, Any, str]]:
    import bisect

    parts = [line]
    for n, more in rest:
        if isinstance(more, InputError):  # the document cannot be parsed past a line it cannot read
            yield n, InputError(f"{more.reason}; the JSON document was not read", path=path, line=n), ""
            return
        parts.append(more)
    doc = "".join(parts)
    breaks = [m.start() for m in re.finditer("\n", doc)]

    def line_at(pos: int) -> int:
        return first + bisect.bisect_left(breaks, pos)

    decoder = json.JSONDecoder()
    ws = re.compile(r"[ \t\r\n]*")
    pos = ws.match(doc, 0).end()
    array = doc.startswith("[", pos)
    pos = ws.match(doc, pos + 1).end() if array else pos
    while pos < len(doc):
        if array and doc.startswith("]", pos):
            pos = ws.match(doc, pos + 1).end()
            array = False
            if pos < len(doc):
                yield line_at(pos), InputError("text after the JSON array; it was not read", path=path,
                                               line=line_at(pos)), ""
            return
        try:
            value, end = decoder.raw_decode(doc, pos)
        except json.JSONDecodeError as exc:
            yield line_at(exc.pos), InputError(f"broken JSON ({exc.msg.removesuffix(' at')} at column {exc.colno} "
                                               f"of the line); the rest of the file was not read",
                                               path=path, line=line_at(exc.pos)), ""
            return
        except RecursionError:
            yield line_at(pos), InputError("JSON nested too deeply; the rest of the file was not read",
                                           path=path, line=line_at(pos)), ""
            return
        yield line_at(pos), value, doc[pos:end]
        pos = ws.match(doc, end).end()
        if not array:
            if pos < len(doc):
                yield line_at(pos), InputError("text after the JSON object; it was not read", path=path,
                                               line=line_at(pos)), ""
            return
        if doc.startswith(",", pos):
            pos = ws.match(doc, pos + 1).end()
        elif pos < len(doc) and not doc.startswith("]", pos):
            yield line_at(pos), InputError("broken JSON (expected , or ] after an element); the rest of the "
                                           "file was not read", path=path, line=line_at(pos)), ""
            return
    if array:
        yield line_at(len(doc)), InputError("the JSON array is not closed with ]", path=path,
                                            line=line_at(len(doc))), ""


def csv_rows(reader) -> Iterator[tuple[int, int, Any]]:
    """Yield ``(first line, last line, row)`` of each row a ``csv`` reader gives after what it
    has read so far; a row that cannot be parsed comes as its ``csv.Error``. A quoted cell may
    run over several lines: the first is the row's line, as errors name it. An error that
    reads nothing more ends the rows."""
    last = reader.line_num
    while True:
        first = last + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = exc
        if reader.line_num == last:  # nothing more was read
            if isinstance(row, csv.Error):
                yield first, last, row  # a quote open at the end: the reader read the rest and counts none of it
            return
        last = reader.line_num
        yield first, last, row


#: the delimiters a CSV of documents may use: spreadsheets where the decimal mark is a comma
#: (much of Europe) save "CSV" with semicolons, and some tools save tabs
CSV_DELIMITERS = (",", ";", "\t")


def csv_delimiter(header: str) -> str:
    """Return the delimiter of a CSV file from its header line: the one of ``CSV_DELIMITERS``
    found most often outside quotes (the first listed on a tie; a comma when there is none, a
    one-column table). The header, not a sample of rows, decides: a cell of text holds commas
    and semicolons of its own, a header names columns."""
    bare = re.sub(r'"[^"]*"?', "", header)
    best = max(CSV_DELIMITERS, key=bare.count)
    return best if bare.count(best) else ","


def _read_csv(path: str, stream: IO[bytes], published, opts: ReadOptions, ids: DocIds | None) -> Iterator[Item]:
    stem = Path(path).stem
    bad: list[InputError] = []

    def lines():
        for n, line in _table_lines(stream, path, opts.encoding):
            if isinstance(line, InputError):
                bad.append(line)
                continue
            yield line

    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rest = lines()
    header = next(rest, None)
    # the header goes back in front: the reader counts it, so rows keep their line numbers
    # strict: a quote left open at the end is an error, not a cell that silently holds every row after it
    reader = csv.DictReader(itertools.chain([] if header is None else [header], rest),
                            delimiter=csv_delimiter(header or ""), strict=True)
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        yield Item(path, 1, error=InputError(f"broken CSV header ({exc})", path=path, line=1))
        return
    if bad and fields is None or (bad and bad[0].line == 1):
        yield Item(path, 1, error=bad[0])
        return
    if fields is None:
        return
    if "text" not in fields:
        yield Item(path, 1, error=InputError(
            f"no \"text\" column (columns: {', '.join(map(str, fields))}); name the document column \"text\"",
            path=path, line=1))
        return
    for n, _, row in csv_rows(reader):
        if isinstance(row, csv.Error):
            reason = ("a quoted cell opened here never closes, so the rest of the file could not be read as "
                      "rows; close the quote" if "unexpected end of data" in str(row) else f"broken CSV row ({row})")
            yield Item(path, n, error=InputError(reason, path=path, line=n))
            continue
        while bad:
            e = bad.pop(0)
            yield Item(path, e.line, error=e)
        if None in row:
            yield Item(path, n, error=InputError("row has more fields than the header", path=path, line=n))
            continue
        try:
            yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}", ids, opts.transcript))
        except InputError as exc:
            yield Item(path, n, error=exc)
    for e in bad:
        yield Item(path, e.line, error=e)


def _read_parquet(path: str, published, opts: ReadOptions, ids: DocIds | None) -> Iterator[Item]:
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
    columns = [c for c in (*DOC_ID_COLUMNS, "text", "published") if c in pf.schema_arrow.names]
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            n += 1
            try:
                yield Item(path, n, doc=row_document(row, path, n, published, f"{stem}-{n}", ids, opts.transcript))
            except InputError as exc:
                yield Item(path, n, error=exc)


def _read_docx(f: InputFile, data: bytes, published, opts: ReadOptions, ids: DocIds | None) -> Iterator[Item]:
    """A Word document or an OpenDocument text: its body's paragraphs are the document
    (:mod:`factcheck.docx`)."""
    from .decode import damage_reason
    from .docx import docx_text, odt_text

    try:
        text = (odt_text if Path(f.path).suffix.lower() == ".odt" else docx_text)(data, f.path)
    except InputError as exc:
        yield Item(f.path, None, error=exc)
        return
    reason = damage_reason(text)
    if reason:
        yield Item(f.path, None, error=InputError(f"the document's text {reason}", path=f.path))
        return
    yield _file_item(f, text, published, ids, transcript=opts.transcript)


def _html_page(text: str) -> bool:
    from .html import looks_like_html
    return looks_like_html(text)


def _sniff_stdin(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    # JSON Lines, or a JSON array of objects (not an article that opens with [Updated])
    return "jsonl" if head[:1] == b"{" or re.match(rb"\[\s*[{\]]", head[:200]) else "txt"


def _read_transcript_stream(stream: IO[bytes], published, opts: ReadOptions, ids: DocIds | None) -> Iterator[Item]:
    """Yield each turn of a transcript on standard input as soon as the next one begins (for a
    live debate); each turn is a document ``stdin-LINE`` (LINE: its first line)."""
    from .decode import damage_reason
    from .transcript import speaker_at

    encoding = opts.encoding or "utf-8"
    lines: list[str] = []
    first = 1

    def turn() -> Iterator[Item]:
        text = "".join(lines)
        if text.strip():
            doc_id = ids.claim(f"stdin-{first}", f"stdin-{first}") if ids is not None else f"stdin-{first}"
            yield Item(STDIN, first, doc=Document(doc_id, text, published, transcript=True))

    for n, raw in enumerate(iter(stream.readline, b""), 1):
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield Item(STDIN, n, error=InputError(f"not valid {encoding} at byte {exc.start} of the line; "
                                                   "the line was not read (name it with --encoding)", path=STDIN, line=n))
            continue
        reason = damage_reason(line)
        if reason:
            yield Item(STDIN, n, error=InputError(f"the line {reason}", path=STDIN, line=n))
            continue
        if speaker_at(line) is not None and lines:
            yield from turn()
            lines, first = [], n
        lines.append(line)
    yield from turn()


def read_file(path: str | InputFile, *, published=None, stdin: IO[bytes] | None = None,
              options: ReadOptions | None = None, ids: DocIds | None = None, dates=None) -> Iterator[Item]:
    """Yield the documents (or errors) of one input file; ``-`` reads standard input."""
    opts = options or ReadOptions()
    f = path if isinstance(path, InputFile) else InputFile(path, Path(path).name if path != STDIN else STDIN)
    path = f.path
    if path == STDIN:
        raw = stdin or sys.stdin.buffer
        if opts.transcript:
            yield from _read_transcript_stream(raw, published, opts, ids)
            return
        data = raw.read()
        if _sniff_stdin(data) == "jsonl":
            yield from _read_jsonl(path, io.BytesIO(data), published, opts, ids)
        else:
            yield from _read_text(f, data, published, opts, ids, dates)
        return
    if dates is not None:  # the file's own date, for its documents that carry none
        published = dates.date_for(path, f.rel) or published
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        yield from _read_parquet(path, published, opts, ids)
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Item(path, None, error=InputError(f"cannot open ({exc.strerror})", path=path))
        return
    with stream:
        if suffix in (".docx", ".odt"):
            yield from _read_docx(f, stream.read(), published, opts, ids)
        elif suffix in (".jsonl", ".ndjson", ".json"):
            yield from _read_jsonl(path, stream, published, opts, ids)
        elif suffix == ".csv":
            yield from _read_csv(path, stream, published, opts, ids)
        else:
            yield from _read_text(f, stream.read(), published, opts, ids, dates)


def read_inputs(inputs: Iterable[str], *, published=None, stdin: IO[bytes] | None = None,
                options: ReadOptions | None = None, ids: DocIds | None = None) -> Iterator[Item]:
    """Yield every document (or error) of the inputs, in order: files, folders, ``-``.

    ``options`` says how to read (dates, encoding, transcripts); ``published`` is a shortcut
    for its fallback date. Document ids are kept unique across the read (see :class:`DocIds`);
    pass one ``ids`` to several reads to keep them unique across all."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path, not its characters
    opts = options or ReadOptions(published=published)
    pub = opts.published
    dates = opts.dates()
    ids = ids if ids is not None else DocIds()
    for f in _walk(inputs, opts.exclude)[0]:
        yield from read_file(f, published=pub, stdin=stdin, options=opts, ids=ids, dates=dates)


def read_documents(inputs: Iterable[str], *, published=None, errors: list | None = None,
                   options: ReadOptions | None = None) -> Iterator[Document]:
    """Yield the documents of the inputs (paths, or one path). Broken rows go to ``errors`` when
    given, else raise."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path, not its characters
    for item in read_inputs(inputs, published=published, options=options):
        if item.error is not None:
            if errors is None:
                raise item.error
            errors.append(item.error)
        else:
            yield item.doc


def _decode_lines(raw: IO[bytes], path: str, errors: list[InputError], then: str) -> Iterator[str]:
    """Decode a claim file line by line; a line that is not UTF-8 is reported (the report
    ending with ``then``; the caller drops the line) so the rest of the file is still read."""
    for n, line in enumerate(raw, 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(InputError(f"not valid UTF-8 at byte {exc.start} of the line; {then}", path=path, line=n))
            text = line.decode("utf-8", errors="replace")
        if n == 1 and text.startswith("\ufeff"):
            text = text[1:]
        yield text


#: columns of a claim (or verdict) table in CSV that hold numbers, and those that hold JSON text
#: in CSV and Parquet (lists and objects, as ``factcheck extract``/``score`` write them)
_INT_COLUMNS = ("start", "end")
_FLOAT_COLUMNS = ("checkworthiness",)
_JSON_COLUMNS = ("scores", "cues", "source", "facets", "evidence", "labels",
                 "model_scores", "model_source", "model_facets")  # the last three: an export's columns
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


def _json_reason(exc: json.JSONDecodeError) -> str:
    """Why a line is not JSON, and where: *Invalid control character at column 98* (the
    decoder's own message may already end in *at*)."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


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

    def lines() -> Iterator[tuple[int, "str | InputError"]]:
        for n, line in enumerate(_decode_lines(stream, path, errors, _NOT_READ), 1):
            yield n, (errors.pop() if errors else line)

    for n, record, text in json_rows(lines(), path, parse=not raw):
        if isinstance(record, InputError):
            yield path, n, record
        elif raw and isinstance(record, str):  # a JSON Lines row, as read (the queue checks it)
            yield path, n, text
        elif not isinstance(record, dict):
            yield path, n, InputError("a record must be a JSON object", path=path, line=n)
        else:
            yield path, n, (text if raw else record)


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
    for first, _, row in csv_rows(reader):
        if errors:
            yield from ((path, e.line, e) for e in errors)
            errors.clear()
        elif isinstance(row, csv.Error):
            yield path, first, InputError(f"broken CSV ({row})", path=path, line=first)
        else:
            try:
                yield path, first, _record_cells({k: spreadsheet_plain(v) for k, v in row.items()})
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


#: what opens a spreadsheet formula (=SUM(...), +cmd|..., -2+3, @IF): a CSV text cell that starts
#: so is written after an apostrophe, so that a newsroom's spreadsheet shows it as text and never
#: runs article text as a formula; this project's readers take the apostrophe off again
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Return a CSV cell's value with an apostrophe before text that would open a formula (and
    before text that already opens with an apostrophe that :func:`spreadsheet_plain` would take)."""
    if isinstance(value, str) and (value.startswith(FORMULA_START) or value[:1] == "'" and _escaped(value)):
        return "'" + value
    return value


def _escaped(value: str) -> bool:
    """Whether a cell's leading apostrophe is one :func:`spreadsheet_safe` put there."""
    return value[1:2] != "" and (value[1:2] in FORMULA_START or value[1:2] == "'")


def spreadsheet_plain(value):
    """Undo :func:`spreadsheet_safe` on a cell read from CSV."""
    if isinstance(value, str) and value[:1] == "'" and _escaped(value):
        return value[1:]
    return value


def _record_cells(row: dict) -> dict:
    """Return a table row as a record: numbers in text as numbers, JSON cells decoded; empty
    cells and cells beyond the header left out."""
    from .claim_table import facet_record, is_facet_cells

    out = {}
    for key, value in row.items():
        if key is None or value is None or value == "":
            continue
        if key == "facets" and value and is_facet_cells(value):  # Parquet's nested facets
            value = [facet_record(f) for f in value]
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


def output_target(path: str | os.PathLike) -> tuple[Path, bool]:
    """Return where writing to ``path`` really goes and whether it must be written in place: a
    symbolic link is written through to its target (never replaced by a file), and a FIFO or a
    device (``/dev/stdout``) is written in place, as no temporary file can be moved onto it."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        mode = target.stat().st_mode
    except OSError:
        return target, False
    import stat
    return target, not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def refuse_folder(target: Path, given: str | os.PathLike, example: str = "out.jsonl") -> None:
    """Raise a one-line FactcheckError when a file is to be written where a folder stands."""
    if target.is_dir():
        from .errors import FactcheckError
        raise FactcheckError(f"{given} is a folder; give the name of a file to write (e.g. {Path(given) / example})")


def atomic_writer(path: str | os.PathLike, mode: str = "w", **kwargs):
    """Return a context manager writing to a temporary file that replaces ``path`` on success.

    ``-`` is standard output; a link is written through, a FIFO or device in place
    (:func:`output_target`)."""
    from contextlib import contextmanager, nullcontext

    @contextmanager
    def _cm():
        if str(path) == "-":
            import sys
            with nullcontext(sys.stdout.buffer if "b" in mode else sys.stdout) as f:
                yield f
                f.flush()
            return
        target, in_place = output_target(path)
        refuse_folder(target, path)
        if in_place:
            with open(target, mode, **kwargs) as f:
                yield f
            return
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
