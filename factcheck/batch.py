"""``factcheck score``: batch scoring of large inputs that survives crashes and bad rows.

How it stays correct after any interruption (SIGKILL included):

* The inputs are read once, in a fixed order, and cut into numbered **chunks** of
  ``chunk_docs`` rows (documents or broken rows). The same inputs always give the same chunks.
* Each chunk is scored by a worker (a local process or a Dask worker, each loading the model
  once) and its claims and errors are written to ``OUT.partial/NNNNNNNN.jsonl`` and
  ``NNNNNNNN.meta.json``, each through a temporary file, fsync and rename; the meta file is
  written last, so a chunk counts as done only once both are whole on disk.
* Finished chunks are appended to the output **in chunk order** as they arrive (Parquet: one
  row group per chunk), into a temporary file that replaces ``OUT`` only at the end; then the
  state folder is removed.
* ``--resume`` checks the state folder was made by the same inputs and options, skips the
  finished chunks and rebuilds the output from the parts, so it equals an uninterrupted run
  row for row.

Memory stays flat: only a bounded window of chunks is in flight, and the output is streamed.
Bad rows never stop a run: each goes to ``OUT.errors.jsonl`` as ``{"file", "line", "reason"}``.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .claim_table import CLAIM_COLUMNS, claim_cells, claim_schema
from .errors import FactcheckError, InputError
from .io import CLAIM_FILE_FORMATS, temp_path_beside
from .processes import exit_with_parent as _exit_with_parent, limit_threads as _limit_threads
from .types import DOC_ID_COLUMNS, PRIMARY_LABELS, THRESHOLD, Document, parse_date

CHUNK_DOCS = 64
PARQUET_ROW_GROUP = 8192  # claim rows per Parquet row group
STATE_VERSION = 1
FORMATS = CLAIM_FILE_FORMATS


# --------------------------------------------------------------------------------------------
# Chunks: what a worker is given


@dataclass(frozen=True)
class Row:
    """One input row as shipped to a worker: a document, or the reason it could not be read.

    Errors travel as plain dicts because exceptions with keyword arguments do not pickle whole."""

    path: str
    line: int | None
    doc: Document | None = None
    error: dict | None = None

    def input_error(self) -> InputError | None:
        """Return the row's error as the InputError it was made from (None for a document)."""
        return None if self.error is None else InputError.from_dict(self.error)


@dataclass(frozen=True)
class Chunk:
    """A numbered piece of the input: rows read by the client, or a partition a worker reads
    itself (``("parquet", path, row_group, first_line)`` or ``("hf", path, start, stop)``)."""

    index: int
    rows: tuple[Row, ...] = ()
    partition: tuple | None = None
    size: int = 0


@dataclass(frozen=True)
class ModelSpec:
    """What a worker needs to build its extractor: a model name or directory (or a picklable
    factory returning a model object, for tests), the threshold and ``--all``."""

    model: Any = "fast"
    threshold: float = THRESHOLD
    all_sentences: bool = False

    def describe(self) -> str:
        m = self.model
        if callable(m) and not isinstance(m, (str, os.PathLike)):
            return f"factory:{getattr(m, '__qualname__', type(m).__qualname__)}"
        return str(m)


@dataclass
class ChunkResult:
    """What a worker gives back for one chunk: its claims as JSON lines and its counts."""

    index: int
    lines: list[str]
    meta: dict


# --------------------------------------------------------------------------------------------
# Reading: inputs in a fixed order, HF dataset folders included


def is_hf_dataset(path: str | os.PathLike) -> bool:
    """Return True when ``path`` is a folder written by ``datasets.Dataset.save_to_disk``."""
    p = Path(path)
    return p.is_dir() and (p / "state.json").exists() and (p / "dataset_info.json").exists()


def is_dataset_dict(path: str | os.PathLike) -> bool:
    """Return True when ``path`` is a folder written by ``datasets.DatasetDict.save_to_disk``."""
    p = Path(path)
    return p.is_dir() and (p / "dataset_dict.json").exists()


def dataset_splits(inputs: Iterable[str]) -> list[str]:
    """Return the inputs with each ``DatasetDict.save_to_disk`` folder replaced by its splits'
    folders, in the order its ``dataset_dict.json`` lists them (each then read as a dataset)."""
    out: list[str] = []
    for name in inputs:
        p = Path(name)
        listing = p / "dataset_dict.json"
        if is_dataset_dict(p):
            try:
                splits = json.loads(listing.read_text(encoding="utf-8"))["splits"]
            except (OSError, ValueError, KeyError, TypeError):
                raise InputError("dataset_dict.json lists no splits; is this a DatasetDict folder?",
                                 path=str(listing)) from None
            out.extend(str(p / split) for split in splits if is_hf_dataset(p / split))
        else:
            out.append(name)
    return out


def _row_from_record(record: dict, path: str, line: int, published, default_id: str,
                     transcript: bool = False) -> Row:
    from .io import row_document  # the same row rules as every other table reader
    try:
        return Row(path, line, doc=row_document(record, path, line, published, default_id, transcript=transcript))
    except InputError as exc:
        return Row(path, line, error=exc.to_dict())


def _from(cwd: str | None, path: str) -> str:
    """Return ``path`` as read from the folder ``cwd`` (unchanged without one, or when absolute)."""
    return path if cwd is None or os.path.isabs(path) else os.path.join(cwd, path)


def _read_hf(path: str, published, start: int = 0, stop: int | None = None, transcript: bool = False,
             where: str | None = None) -> Iterator[Row]:
    from datasets import load_from_disk

    ds = load_from_disk(where or path)
    if not hasattr(ds, "column_names") or isinstance(ds.column_names, dict):
        raise InputError("this is a DatasetDict; name one split's folder (e.g. data/train)", path=path)
    if "text" not in ds.column_names:
        yield Row(path, None, error={"file": path, "line": None,
                                     "reason": f"no \"text\" column (columns: {', '.join(ds.column_names)})"})
        return
    stop = len(ds) if stop is None else min(stop, len(ds))
    columns = [c for c in (*DOC_ID_COLUMNS, "text", "published") if c in ds.column_names]
    name = Path(path).name
    step = 512
    for lo in range(start, stop, step):
        batch = ds.select_columns(columns)[lo:min(stop, lo + step)]
        for k in range(len(batch["text"])):
            n = lo + k + 1
            yield _row_from_record({c: batch[c][k] for c in columns}, path, n, published, f"{name}-{n}", transcript)


def _hf_rows(path: str) -> int:
    from datasets import load_from_disk
    return len(load_from_disk(path))


def read_rows(inputs: Iterable[str], *, published=None, options=None, ids=None) -> Iterator[Row]:
    """Yield every input row (document or error) in a fixed order, as ``score`` reads them: HF
    dataset folders (and a DatasetDict's splits) are read as their rows, never as the JSON files
    they hold. Every path is checked before the first row is read, as :func:`factcheck.io.read_inputs`
    does. ``options`` is a :class:`factcheck.io.ReadOptions`; ``ids`` keeps doc_ids unique across calls."""
    from .io import DocIds, InputFile, ReadOptions, walk_inputs

    pub = parse_date(published) if published is not None else None
    options = options or ReadOptions(published=pub)
    ids = ids if ids is not None else DocIds()
    dates = options.dates()
    files = [f for name in dataset_splits(str(n) for n in inputs)
             for f in ([InputFile(name, Path(name).name)] if is_hf_dataset(name)
                       else walk_inputs([name], options.exclude))]
    for f in files:
        yield from _file_rows(f, options, ids, dates)


def _file_rows(f, options, ids, dates) -> Iterator[Row]:
    from .io import read_file

    if is_hf_dataset(f.path):
        yield from _read_hf(f.path, options.published, transcript=options.transcript)
        return
    for item in read_file(f, published=options.published, options=options, ids=ids, dates=dates):
        if item.error is not None:
            yield Row(item.path, item.line, error=item.error.to_dict())
        else:
            yield Row(item.path, item.line, doc=item.doc)


def count_rows(inputs: Iterable[str]) -> int | None:
    """Return a quick estimate of how many rows the inputs hold (for the time left), or None."""
    from .io import STDIN, expand_inputs

    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        if is_hf_dataset(name):
            total += _hf_rows(name)
            continue
        for path in expand_inputs([name]):
            suffix = Path(path).suffix.lower()
            if suffix == ".parquet":
                try:
                    import pyarrow.parquet as pq
                    total += pq.ParquetFile(path).metadata.num_rows
                except Exception:  # a broken file is reported when read
                    total += 1
            elif suffix in (".jsonl", ".ndjson", ".json", ".csv"):
                # counting newlines is far cheaper than parsing; CSV cells with line breaks overcount
                lines = 0
                with open(path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        lines += block.count(b"\n")
                total += max(0, lines - (1 if suffix == ".csv" else 0))
            else:
                total += 1
    return total


def plan_chunks(inputs: list[str], *, published=None, chunk_docs: int = CHUNK_DOCS,
                partitions: bool = False, options=None) -> Iterator[Chunk]:
    """Yield the numbered chunks of the inputs, always the same for the same inputs.

    With ``partitions`` (the Dask engine) Parquet files and HF datasets are not read here:
    each row group (or slice of rows) becomes a chunk that the worker reads itself."""
    from .io import STDIN, DocIds, InputFile, ReadOptions, walk_inputs

    index = 0
    rows: list[Row] = []
    ids = DocIds()

    def flush():
        nonlocal index, rows
        chunk = Chunk(index, rows=tuple(rows), size=len(rows))
        index += 1
        rows = []
        return chunk

    pub = parse_date(published) if published is not None else None
    options = options or ReadOptions(published=pub)
    transcript = options.transcript
    dates = options.dates()
    for name in inputs:
        if partitions and is_hf_dataset(name):
            if rows:
                yield flush()
            n = _hf_rows(name)
            for lo in range(0, n, chunk_docs):
                yield Chunk(index, partition=("hf", str(name), lo, min(n, lo + chunk_docs), transcript),
                            size=min(n, lo + chunk_docs) - lo)
                index += 1
            continue
        if is_hf_dataset(name):
            files = [InputFile(name, Path(name).name)]
        else:
            files = walk_inputs([name], options.exclude)
        for f in files:
            path = f.path
            if partitions and path != STDIN and Path(path).suffix.lower() == ".parquet":
                parts = _parquet_partitions(path)
                if parts is not None:
                    if rows:
                        yield flush()
                    for rg, first, count in parts:
                        yield Chunk(index, partition=("parquet", path, rg, first, transcript), size=count)
                        index += 1
                    continue
            for row in _file_rows(f, options, ids, dates):
                rows.append(row)
                if len(rows) >= chunk_docs:
                    yield flush()
    if rows:
        yield flush()


def _parquet_partitions(path: str) -> list[tuple[int, int, int]] | None:
    """Return (row group, line of its first row, rows) for a Parquet file; None if unreadable
    (the client then reads it, so the error is reported exactly as the local engine does)."""
    try:
        import pyarrow.parquet as pq
        meta = pq.ParquetFile(path).metadata
        if "text" not in pq.ParquetFile(path).schema_arrow.names:
            return None
    except Exception:
        return None
    out, first = [], 1
    for rg in range(meta.num_row_groups):
        n = meta.row_group(rg).num_rows
        out.append((rg, first, n))
        first += n
    return out


def _partition_rows(partition: tuple, published, cwd: str | None = None) -> Iterator[Row]:
    """Yield the rows of a partition a worker reads itself; a relative path is read from ``cwd``
    (the client's folder: a Dask worker runs elsewhere), while rows keep the path as given."""
    kind = partition[0]
    if kind == "hf":
        _, path, lo, hi, transcript = partition
        yield from _read_hf(path, published, lo, hi, transcript, where=_from(cwd, path))
        return
    import pyarrow.parquet as pq

    _, path, rg, first, transcript = partition
    pf = pq.ParquetFile(_from(cwd, path))
    columns = [c for c in (*DOC_ID_COLUMNS, "text", "published") if c in pf.schema_arrow.names]
    stem = Path(path).stem
    n = first - 1
    for batch in pf.iter_batches(batch_size=1024, row_groups=[rg], columns=columns):
        for record in batch.to_pylist():
            n += 1
            yield _row_from_record(record, path, n, published, f"{stem}-{n}", transcript)


# --------------------------------------------------------------------------------------------
# Scoring one chunk, in a worker

_EXTRACTORS: dict = {}
_LOCK = threading.Lock()


def _extractor(spec: ModelSpec):
    """Return this process's extractor for ``spec``, loading the model on first use only."""
    key = (spec.describe(), spec.threshold, spec.all_sentences)
    with _LOCK:  # Dask workers may run tasks in threads; load once
        ex = _EXTRACTORS.get(key)
        if ex is None:
            from .pipeline import Extractor
            model = spec.model
            if callable(model) and not isinstance(model, (str, os.PathLike)):
                model = model()
            ex = Extractor(model, threshold=spec.threshold, all_sentences=spec.all_sentences)
            _EXTRACTORS[key] = ex
        return ex


def _init_worker(n: int) -> None:
    """Set up a worker process: its share of the cores, and a watch on the main process."""
    _limit_threads(n)
    _exit_with_parent()


def score_chunk(chunk: Chunk, spec: ModelSpec, published=None, cwd: str | None = None) -> ChunkResult:
    """Return the claims (JSON lines) and counts of one chunk; a row that fails becomes an error.
    ``cwd``: the client's folder, from which a partition's relative path is read."""
    from .segment import split_sentences

    rows = list(chunk.rows) if chunk.partition is None else list(_partition_rows(chunk.partition, published, cwd))
    ex = _extractor(spec)
    docs = [r for r in rows if r.doc is not None]
    failed: dict = {}
    try:
        # the fast path: one call, sentences scored in large batches across documents
        claims = list(ex.extract_many(r.doc for r in docs))
    except Exception:
        claims = []
        for r in docs:
            try:
                claims.extend(ex.extract(r.doc))
            except Exception as exc:  # one bad document must not sink the chunk
                failed[id(r)] = {"file": r.path, "line": r.line,
                                 "reason": f"could not be scored ({type(exc).__name__}: {exc})"}
    errors = [r.error if r.error is not None else failed[id(r)]
              for r in rows if r.error is not None or id(r) in failed]
    good = [r for r in docs if id(r) not in failed]
    by_label = dict.fromkeys(PRIMARY_LABELS, 0)
    for c in claims:
        by_label[c.label] = by_label.get(c.label, 0) + 1
    meta = {"index": chunk.index, "documents": len(good),
            "sentences": sum(sum(1 for _ in split_sentences(r.doc.text)) for r in good),
            "claims": len(claims), "by_label": by_label, "errors": errors}
    return ChunkResult(chunk.index, [json.dumps(c.to_dict(), ensure_ascii=False) for c in claims], meta)


# --------------------------------------------------------------------------------------------
# State on disk: the parts of an unfinished run


def state_dir(out: str | os.PathLike) -> Path:
    """Return the folder where an unfinished run keeps its finished chunks."""
    return Path(str(out) + ".partial")


def errors_path(out: str | os.PathLike) -> Path:
    """Return where the bad rows of a run go: ``OUT.errors.jsonl``."""
    return Path(str(out) + ".errors.jsonl")


def _write_atomic(path: Path, data: str) -> None:
    from .io import atomic_writer
    with atomic_writer(path, "w", encoding="utf-8") as f:
        f.write(data)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_part(state: Path, result: ChunkResult) -> None:
    """Write a finished chunk: its claims, then its meta file, which marks it done."""
    name = f"{result.index:08d}"
    _write_atomic(state / f"{name}.jsonl", "".join(line + "\n" for line in result.lines))
    _write_atomic(state / f"{name}.meta.json", json.dumps(result.meta, ensure_ascii=False))
    _fsync_dir(state)


def load_part_meta(state: Path, index: int) -> dict | None:
    """Return the meta of a finished chunk, or None when it is not (wholly) done."""
    p = state / f"{index:08d}.meta.json"
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fingerprint(inputs: list[str], spec: ModelSpec, published, chunk_docs: int, engine: str, out: str,
                 options=None) -> dict:
    from .io import STDIN, expand_inputs

    files = []
    exclude = options.exclude if options is not None else ()
    for name in inputs:
        paths = [name] if name == STDIN or is_hf_dataset(name) else expand_inputs([name], exclude)
        for p in paths:
            if p == STDIN:
                files.append({"path": p})
                continue
            target = Path(p)
            if target.is_dir():  # an HF dataset: its data files say whether it changed
                stats = [(f.name, f.stat().st_size) for f in sorted(target.iterdir()) if f.is_file()]
                files.append({"path": str(target.resolve()), "files": stats})
            else:
                st = target.stat()
                files.append({"path": str(target.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns})
    return {"version": STATE_VERSION, "inputs": files, "model": spec.describe(), "threshold": spec.threshold,
            "all_sentences": spec.all_sentences, "published": str(published) if published else None,
            "chunk_docs": chunk_docs, "engine": engine, "format": FORMATS[Path(out).suffix.lower()],
            "reading": {"encoding": options.encoding, "published_from": options.published_from,
                        "transcript": options.transcript} if options else None}


# --------------------------------------------------------------------------------------------
# Writing the output in order


def flat_claim(row: dict) -> dict:
    """Return a claim record with its nested fields (scores, cues, source, facets) as JSON text,
    as CSV holds them (``factcheck.io.read_records`` turns them back)."""
    from .io import spreadsheet_safe
    return {k: (json.dumps(row.get(k), ensure_ascii=False) if k in ("scores", "cues", "source", "facets")
                and row.get(k) is not None else spreadsheet_safe(row.get(k))) for k in CLAIM_COLUMNS}


class ClaimSink:
    """Writes claim lines to a temporary file in OUT's format; ``commit`` moves it into place."""

    def __init__(self, out: str | os.PathLike, tmp_dir: str | os.PathLike | None = None):
        self.out = Path(out)
        self.fmt = FORMATS[self.out.suffix.lower()]
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = temp_path_beside(Path(tmp_dir) / self.out.name if tmp_dir else self.out)
        self._writer = None
        if self.fmt == "parquet":
            import pyarrow.parquet as pq
            self._schema = claim_schema()
            self._writer = pq.ParquetWriter(self.tmp, self._schema, compression="zstd")
            self._buffer: list[dict] = []
        else:
            self._file = open(self.tmp, "w", encoding="utf-8", newline="")
            if self.fmt == "csv":
                import csv
                self._csv = csv.DictWriter(self._file, fieldnames=list(CLAIM_COLUMNS))
                self._csv.writeheader()

    def write_lines(self, lines: list[str]) -> None:
        if not lines:
            return
        if self.fmt == "jsonl":
            self._file.write("".join(line if line.endswith("\n") else line + "\n" for line in lines))
        elif self.fmt == "csv":
            self._csv.writerows(flat_claim(json.loads(line)) for line in lines)
        else:
            # rows are buffered up to a row group's worth, then written: a file of many tiny row
            # groups reads slowly, and a whole-run buffer would not keep memory flat
            self._buffer.extend(claim_cells(json.loads(line)) for line in lines)
            if len(self._buffer) >= PARQUET_ROW_GROUP:
                self._flush()

    def write_rows(self, records: Iterable[dict]) -> None:
        """Write claim records (dicts), in order."""
        self.write_json_lines(json.dumps(record, ensure_ascii=False) for record in records)

    def write_json_lines(self, stream: Iterable[str]) -> None:
        """Write claim records given as JSON lines, in order, a row group's worth at a time."""
        lines: list[str] = []
        for line in stream:
            lines.append(line)
            if len(lines) >= PARQUET_ROW_GROUP:
                self.write_lines(lines)
                lines = []
        self.write_lines(lines)

    def _flush(self) -> None:
        if self._buffer:
            import pyarrow as pa
            self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def commit(self) -> None:
        if self.fmt == "parquet":
            self._flush()
            self._writer.close()
            with open(self.tmp, "rb+") as f:
                os.fsync(f.fileno())
        else:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        try:
            if self.fmt == "parquet":
                self._writer.close()
            else:
                self._file.close()
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


# --------------------------------------------------------------------------------------------
# Running: a window of chunks in flight on an executor


@dataclass
class Summary:
    """What a batch run did: documents, sentences, claims by label, errors, time, where it wrote."""

    documents: int = 0
    sentences: int = 0
    claims: int = 0
    by_label: dict = field(default_factory=lambda: dict.fromkeys(PRIMARY_LABELS, 0))
    errors: int = 0
    refused: int = 0
    seconds: float = 0.0
    chunks: int = 0
    resumed_chunks: int = 0
    resumed_documents: int = 0
    output: str = ""
    errors_file: str = ""
    #: the first error as one line (file, line, reason): a run that read nothing can name why
    first_error: str = ""

    def add(self, meta: dict) -> None:
        if meta["errors"] and not self.first_error:
            self.first_error = str(InputError.from_dict(meta["errors"][0]))
        self.documents += meta["documents"]
        self.sentences += meta["sentences"]
        self.claims += meta["claims"]
        self.errors += len(meta["errors"])
        self.refused += sum(1 for e in meta["errors"] if e.get("line") is None)
        for k, v in meta["by_label"].items():
            self.by_label[k] = self.by_label.get(k, 0) + v
        self.chunks += 1

    def to_dict(self) -> dict:
        return asdict(self)

    def format(self) -> str:
        """Return the summary as a few readable lines."""
        labels = ", ".join(f"{k} {v:,}" for k, v in self.by_label.items())
        # the rate of this run only: chunks finished before a resume took no time now
        rate = (self.documents - self.resumed_documents) / self.seconds if self.seconds else 0.0
        lines = [f"scored {self.documents:,} documents ({self.sentences:,} sentences) in {_duration(self.seconds)}"
                 f" ({rate:,.1f} docs/s)",
                 f"claims: {self.claims:,} ({labels})",
                 f"errors: {self.errors:,}" + (f", {self.refused:,} whole file{'s' if self.refused != 1 else ''} refused" if self.refused else "")
                 + (f" (see {self.errors_file})" if self.errors else ""),
                 f"wrote {self.output}"]
        if self.resumed_chunks:
            lines.insert(0, f"resumed: {self.resumed_chunks} of {self.chunks} chunks were already done")
        return "\n".join(lines)


def _duration(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    h, m = divmod(m, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s" if m else f"{seconds:.1f}s"


class LocalEngine:
    """Scores chunks in this process (one worker) or in a pool of processes."""

    name = "local"
    partitions = False

    def __init__(self, workers: int, spec: ModelSpec, published=None):
        self.workers = max(1, int(workers))
        self.spec = spec
        self.published = published
        self._pool = None
        if self.workers > 1:
            self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor
        share = max(1, (os.cpu_count() or 1) // self.workers)
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(share,))

    @property
    def window(self) -> int:
        return 2 * self.workers + 1

    def submit(self, chunk: Chunk):
        from concurrent.futures import Future
        if self._pool is None:
            fut = Future()
            try:
                fut.set_result(score_chunk(chunk, self.spec, self.published))
            except BaseException as exc:
                fut.set_exception(exc)
            return fut
        return self._pool.submit(score_chunk, chunk, self.spec, self.published)

    def restart(self) -> None:
        """Replace a pool whose worker died (killed, out of memory)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._start()

    def wait(self, futures):
        from concurrent.futures import FIRST_COMPLETED, wait
        return wait(futures, return_when=FIRST_COMPLETED)

    def is_broken(self, exc: BaseException) -> bool:
        from concurrent.futures.process import BrokenProcessPool
        return isinstance(exc, BrokenProcessPool)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


MAX_RESTARTS = 3


def score_files(inputs: Iterable[str], out: str | os.PathLike, *, model: Any = "fast", workers: int = 1,
                engine: str = "local", scheduler: str | None = None, resume: bool = False, published=None,
                all_sentences: bool = False, threshold: float = THRESHOLD, chunk_docs: int = CHUNK_DOCS,
                progress: bool | None = None, encoding: str | None = None, published_from: str | None = None,
                transcript: bool = False) -> Summary:
    """Score the inputs into ``out`` (.jsonl, .csv or .parquet) and return the run's summary.

    Bad rows go to ``OUT.errors.jsonl``; the run goes on. ``resume`` continues an interrupted
    run with the same inputs and options. ``model`` is a name, a directory, or (for tests) a
    picklable factory that returns a model object. ``encoding``, ``published_from`` and
    ``transcript`` say how inputs are read (:class:`factcheck.io.ReadOptions`)."""
    from .io import STDIN, ReadOptions, written_input

    inputs = dataset_splits(str(p) for p in inputs)
    out = Path(out)
    if out.suffix.lower() not in FORMATS:
        raise FactcheckError(f"cannot tell the output format of {out}; end OUT with .jsonl, .csv or .parquet")
    if not inputs:
        raise FactcheckError("name at least one INPUT: a file, a folder, a dataset folder or - for standard input")
    if resume and STDIN in inputs:
        raise FactcheckError("--resume cannot read standard input again; save it to a file and score that")
    if engine not in ("local", "dask"):
        raise FactcheckError(f"unknown engine {engine!r}; use local or dask")
    pub = parse_date(published) if published is not None else None
    # the run's own files (OUT, OUT.errors.jsonl, the resume folder) are never its input
    written = (out, errors_path(out), state_dir(out))
    clash = written_input(inputs, written)
    if clash is not None:
        raise FactcheckError(f"{clash} is both an INPUT and what this run writes; write OUT elsewhere")
    options = ReadOptions(published=pub, published_from=published_from, encoding=encoding, transcript=transcript,
                          exclude=tuple(str(w) for w in written))
    spec = ModelSpec(model, threshold, all_sentences)
    started = time.monotonic()

    # the inputs are checked (and folders expanded) before anything is written
    fingerprint = _fingerprint(inputs, spec, pub, chunk_docs, engine, str(out), options)
    state = state_dir(out)
    if state.exists() and not resume:
        raise FactcheckError(f"an interrupted run left {state}; add --resume to continue it, "
                             "or delete that folder to start over")
    if resume and state.exists():
        try:
            saved = json.loads((state / "run.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        if saved is not None and saved != fingerprint:
            changed = sorted(k for k in fingerprint if saved.get(k) != fingerprint[k])
            raise FactcheckError(f"the interrupted run in {state} differs in {', '.join(changed)}; "
                                 "rerun with the same inputs and options, or delete that folder to start over")
    if engine == "dask":
        from .dask_engine import DaskEngine
        runner = DaskEngine(workers, spec, pub, scheduler=scheduler)
    else:
        runner = LocalEngine(workers, spec, pub)
    fresh = not state.exists()
    state.mkdir(parents=True, exist_ok=True)
    _write_atomic(state / "run.json", json.dumps(fingerprint, indent=1))

    summary = Summary(output=str(out), errors_file=str(errors_path(out)))
    # temporary files live in the state folder: a killed run's are removed with it at the end
    for stale in state.glob(".*.tmp"):
        stale.unlink(missing_ok=True)
    sink = ClaimSink(out, tmp_dir=state)
    err_tmp = Path(temp_path_beside(state / errors_path(out).name))
    err_file = open(err_tmp, "w", encoding="utf-8")
    bar = _progress(count_rows(inputs) if progress is not False else None, progress)
    ready: dict[int, dict] = {}
    inflight: dict = {}
    next_index = 0
    restarts = 0

    def emit_ready():
        nonlocal next_index
        while next_index in ready:
            meta = ready.pop(next_index)
            with open(state / f"{next_index:08d}.jsonl", encoding="utf-8") as f:
                sink.write_lines(f.readlines())
            for e in meta["errors"]:
                err_file.write(json.dumps(e, ensure_ascii=False) + "\n")
            summary.add(meta)
            next_index += 1

    def recover(extra: list) -> None:
        """A worker died (killed, out of memory): start new ones and send its chunks again."""
        nonlocal restarts
        if restarts >= MAX_RESTARTS:
            raise FactcheckError("worker processes keep dying (out of memory?); "
                                 "rerun with --resume and fewer --workers")
        restarts += 1
        runner.restart()
        again = sorted(list(inflight.values()) + extra, key=lambda c: c.index)
        inflight.clear()
        for c in again:
            submit(c)

    def submit(chunk: Chunk) -> None:
        try:
            inflight[runner.submit(chunk)] = chunk
        except BaseException as exc:
            if not runner.is_broken(exc):
                raise
            recover([chunk])

    def collect(block: bool):
        if not inflight:
            return
        done = runner.wait(list(inflight))[0] if block else [f for f in inflight if f.done()]
        for fut in done:
            chunk = inflight.pop(fut, None)
            if chunk is None:  # resent by recover() below
                continue
            try:
                result = fut.result()
            except BaseException as exc:
                if runner.is_broken(exc):
                    recover([chunk])
                    return
                raise
            save_part(state, result)
            ready[result.index] = result.meta
            bar.update(chunk.size, result.meta)
        emit_ready()

    ok = False
    try:
        for chunk in plan_chunks(inputs, published=pub, chunk_docs=chunk_docs, partitions=runner.partitions,
                                 options=options):
            meta = load_part_meta(state, chunk.index) if resume else None
            if meta is not None and (state / f"{chunk.index:08d}.jsonl").exists():
                ready[chunk.index] = meta
                summary.resumed_chunks += 1
                summary.resumed_documents += meta["documents"]
                bar.update(chunk.size, meta, resumed=True)
                emit_ready()
                continue
            submit(chunk)
            collect(block=len(inflight) >= runner.window)
        while inflight:
            collect(block=True)
        emit_ready()
        ok = True
    finally:
        bar.close()
        runner.close()
        err_file.flush()
        os.fsync(err_file.fileno())
        err_file.close()
        if not ok:
            sink.abort()
            err_tmp.unlink(missing_ok=True)
            if fresh and not any(state.glob("*.meta.json")):
                # nothing was finished: leave no state behind that would ask for --resume
                shutil.rmtree(state, ignore_errors=True)
    sink.commit()
    os.replace(err_tmp, errors_path(out))
    _fsync_dir(out.parent)
    shutil.rmtree(state, ignore_errors=True)
    summary.seconds = time.monotonic() - started
    return summary


class _Progress:
    """A tqdm bar counting documents, with sentences per second alongside; silent when off."""

    def __init__(self, total, enabled):
        self._bar = None
        self._sentences = 0
        self._start = time.monotonic()
        if enabled is False:
            return
        from tqdm import tqdm
        self._bar = tqdm(total=total, unit="doc", dynamic_ncols=True, smoothing=0.1,
                         disable=None if enabled is None else not enabled, desc="scoring")

    def update(self, rows: int, meta: dict, resumed: bool = False) -> None:
        if self._bar is None:
            return
        if resumed:
            # resumed rows count as done but not toward the rate (tqdm rates n - initial)
            self._bar.n += rows
            self._bar.last_print_n = self._bar.n
            self._bar.initial = getattr(self._bar, "initial", 0) + rows
            self._bar.refresh()
            return
        self._sentences += meta.get("sentences", 0)
        elapsed = max(1e-6, time.monotonic() - self._start)
        self._bar.set_postfix_str(f"{self._sentences / elapsed:,.0f} sent/s", refresh=False)
        self._bar.update(rows)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress(total, enabled) -> _Progress:
    return _Progress(total, enabled)
