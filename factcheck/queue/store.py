"""The reviewer queue file: a SQLite database that several reviewers work on at once.

One :class:`Queue` opens the file (creating and migrating it if needed) and keeps one
connection per thread. Writes run in ``BEGIN IMMEDIATE`` transactions, so a lease is taken
atomically, and commit before returning, so a verdict is durable once a call returns.
Verdicts are only ever appended; ``current_verdicts`` says which of them count now.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import itertools
import json
import os
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import AuthError, InputError, NotFoundError, QueueError, ValidationError
from ..types import LABELS, make_claim_id, primary_label
from . import documents as _documents
from . import schema, settle
from .headrow import head_row
from .scale import RatingScale
from .validate import UNSET, CheckedVerdict, check_verdict

ROLES = ("reviewer", "editor")
ORDERS = ("priority", "uncertainty", "learn")
# each order walks its partial index over the open items (schema.py); INDEXED BY keeps the
# planner from sorting every open item instead
_ORDER_SQL = {"priority": ("items_open_priority", "priority DESC, claim_id"),
              "learn": ("items_open_priority", "priority DESC, claim_id"),  # after the learn list (adapt.ask)
              "uncertainty": ("items_open_margin", "margin, priority DESC, claim_id")}
_BATCH = 20_000  # claims per add transaction (after a first load): big for speed, small enough to let reviewers in
_PBKDF2_ROUNDS = 50_000  # secrets are 240 random bits; the stretching is a second line only


@dataclass(frozen=True, slots=True)
class Reviewer:
    """A registered reviewer: their name and role (``reviewer`` or ``editor``)."""

    name: str
    role: str


@dataclass(frozen=True)
class AddResult:
    """What adding claims did: how many were new, how many were already there, and the
    records that could not be added (:class:`~factcheck.errors.InputError`, with file and line
    where known)."""

    added: int
    duplicates: int
    errors: list = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    """What importing verdict data did: claims added and already there, verdicts recorded,
    and the rows that could not be imported (InputErrors with file and line)."""

    added: int
    duplicates: int
    verdicts: int
    errors: list = field(default_factory=list)


def now_iso() -> str:
    """Return the current time as ISO 8601 UTC with microseconds (sortable as text)."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _hash_secret(secret: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), salt, _PBKDF2_ROUNDS)


def _number(value, name: str) -> float:
    number = float(value)
    if number - number != 0:  # inf or nan; cheaper than math.isfinite on the add path
        raise ValueError(f"{name} is not a finite number")
    return number


_INT64 = 2 ** 63  # SQLite's integers are 64-bit


def prepare_claim(record: dict, model: str | None, model_version: str | None, added_at: str,
                  raw: str | None = None) -> tuple:
    """Return the items row for one claim record; ValueError if it is unusable.
    ``raw`` is the record's JSON as read, stored as it is when the record needs no claim_id."""
    if not isinstance(record, dict):
        raise ValueError("a claim record is a JSON object")
    missing = [k for k in ("doc_id", "text", "start", "end") if record.get(k) is None]
    if missing:
        raise ValueError(f"claim record lacks {', '.join(missing)}")
    text = record["text"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("claim text is empty")
    doc_id, start, end = str(record["doc_id"]), int(record["start"]), int(record["end"])
    if not (-_INT64 <= start < _INT64 and -_INT64 <= end < _INT64):
        raise ValueError("start or end is too large for a character offset")
    claim_id = record.get("claim_id")
    if not claim_id:
        claim_id = make_claim_id(doc_id, start, end, text)
        record = {"claim_id": claim_id, **record}
        raw = None
    scores = record.get("scores") or {}
    if not isinstance(scores, dict):
        raise ValueError("scores is not an object of label: score")
    checkworthiness = _number(record.get("checkworthiness") or 0.0, "checkworthiness")
    # the least certain of the model's scores (distance from 0.5) orders by uncertainty
    margin = abs(checkworthiness - 0.5)
    for lab in LABELS:
        value = scores.get(lab)
        if value is not None:
            margin = min(margin, abs(_number(value, f"score of {lab}") - 0.5))
    # a record with neither label nor scores (imported verdict data) has no model label
    label = record.get("label") or (primary_label(scores) if scores else None)
    # most check-worthy and contested first
    priority = checkworthiness + float(scores.get("contested") or 0.0)
    # re-encoding costs as much as decoding: keep the text as read where it is the record
    blob = raw if raw is not None else json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return (str(claim_id), doc_id, start, end, blob, model or record.get("model"),
            model_version or record.get("model_version"), added_at, text, label, checkworthiness, priority, margin)


_HEAD_KEYS = frozenset(("claim_id", "doc_id", "text", "start", "end", "checkworthiness", "label", "scores"))


def quick_record(raw: str) -> tuple[dict, int] | None:
    """Return the fields before ``"cues"`` of a record in the order ``extract`` writes them, and
    where the rest starts, or None for any other shape. Building the cue and facet lists is most
    of the cost of ``json.loads`` (five times the rest), and a queue needs none of them to add a
    claim; SQLite's json_valid checks the rest. A cut inside a nested object would leave the top
    level open and fail to parse, so a parsed head is the top level's, and a valid head and a
    valid rest make a valid whole."""
    cut = raw.find(', "cues": ')
    if cut < 0:
        return None
    try:
        head = json.loads(raw[:cut] + "}")
    except ValueError:
        return None
    if isinstance(head, dict) and _HEAD_KEYS <= head.keys():
        return head, cut + 2
    return None


def _teaching(not_a_claim, corrected, s_start, s_end, s_text, facets, reuses) -> dict:
    """Return the verdict fields that teach the model (not_a_claim, the source correction, facet
    corrections, the verdict reused: the contract the adapt and match branches read) from their columns."""
    source = {"start": s_start, "end": s_end, "text": s_text} if corrected and s_start is not None else None
    return {"not_a_claim": bool(not_a_claim), "source_corrected": bool(corrected), "source": source,
            "facets": json.loads(facets) if facets else [], "reuses": reuses}


#: what the model said about a claim: hidden from reviewers in blind review (its source would tell
#: "sourced", its check-worthiness is a score of the model's)
MODEL_SAID = ("label", "scores", "cues", "source", "checkworthiness")


def _blind_record(record: dict) -> dict:
    """Return the record without what the model said (for blind review)."""
    return {k: v for k, v in record.items() if k not in MODEL_SAID}


#: how long (seconds) a queue trusts the settings it read (scale, reviews per claim, blind)
SETTINGS_FRESH = 1.0


class Queue:
    """The reviewer queue in one SQLite file; safe to share between threads and processes."""

    def __init__(self, path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise NotFoundError(f"no queue file at {self.path}; create it with: factcheck queue init {self.path}")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._conns: list[sqlite3.Connection] = []
        self._settings: dict | None = None
        self._settings_at = 0.0
        try:
            if self.path.exists():
                self._refuse_foreign(create)
            schema.migrate(self._conn())
        except sqlite3.DatabaseError as exc:
            self.close()
            raise QueueError(f"{self.path} is not a usable queue file ({exc}); give the path of a queue "
                             f"made by: factcheck queue init") from None

    def _refuse_foreign(self, create: bool) -> None:
        """Refuse a file that is no queue before anything is written to it: another program's
        SQLite database (tables, no queue schema), or, unless ``create``, an empty file. Opening
        it as a queue would add the queue's tables and switch it to WAL. (A file that is no SQLite
        database at all raises sqlite3.DatabaseError, which the caller reports.)"""
        from urllib.parse import quote
        probe = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", uri=True)
        try:
            version = schema.version(probe)
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
        if version == 0 and (tables or not create):
            what = "another program's SQLite database" if tables else "an empty file"
            raise QueueError(f"{self.path} is not a queue file ({what}); it was left as it was. Give the path "
                             "of a queue made by: factcheck queue init")

    # -- connections ---------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # autocommit mode: every transaction below is explicit
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 60000")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # a returned verdict survives power loss too
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise QueueError(f"the queue file is busy ({exc}); try again in a moment") from None
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection this object opened."""
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> "Queue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- settings ------------------------------------------------------------------------
    def _setting(self, key: str, default):
        # read again after a second: another process (queue init --blind beside a running
        # server) may change the settings, and a server must not keep showing what blind hides
        now = time.monotonic()
        if self._settings is None or now - self._settings_at > SETTINGS_FRESH:
            self._settings = {k: json.loads(v) for k, v in self._conn().execute("SELECT key, value FROM settings")}
            self._settings_at = now
        return self._settings.get(key, default)

    def init(self, *, scale: RatingScale | None = None, reviews_per_claim: int = 1, blind: bool = False,
             agree_within: int = 0) -> None:
        """Set the queue's scale, reviews per claim, blind mode and the tolerance within which
        ratings agree (steps of the scale's values; only before the first verdict)."""
        if int(reviews_per_claim) < 1:
            raise QueueError("reviews per claim must be 1 or more")
        if int(agree_within) < 0:
            raise QueueError("--agree-within is 0 (ratings must be equal) or more steps of the scale")
        values = {"scale": (scale or RatingScale.default()).to_list(),
                  "reviews_per_claim": int(reviews_per_claim), "blind": bool(blind),
                  "agree_within": int(agree_within)}
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM verdicts LIMIT 1").fetchone():
                raise QueueError(f"{self.path} already has verdicts; its settings cannot change now "
                                 "(start a new queue file to use other settings)")
            conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             [(k, json.dumps(v)) for k, v in values.items()])
        self._settings = None

    @property
    def scale(self) -> RatingScale:
        rows = self._setting("scale", None)
        return RatingScale.from_list(rows) if rows else RatingScale.default()

    @property
    def blind(self) -> bool:
        return bool(self._setting("blind", False))

    @property
    def reviews_per_claim(self) -> int:
        return int(self._setting("reviews_per_claim", 1))

    @property
    def agree_within(self) -> int:
        """How far apart (in the scale's values) two ratings may be and still agree."""
        return int(self._setting("agree_within", 0))

    # -- claims --------------------------------------------------------------------------
    def add_claims(self, records: Iterable[dict], *, model: str | None = None,
                   model_version: str | None = None) -> AddResult:
        """Add claim records (spec/CLAIMS.md section 4) and return what was added; the same
        ``claim_id`` twice is one item. A record that cannot be used is reported by its position."""
        return self.add_rows(((None, i, r) for i, r in enumerate(records, 1)),
                             model=model, model_version=model_version)

    def add_rows(self, rows: Iterable[tuple], *, model: str | None = None,
                 model_version: str | None = None) -> AddResult:
        """Add ``(path, line, record)`` rows and return what was added. A record is a dict, the
        JSON text of one (stored as it is), or an exception standing for a line that could not
        be read; every bad row comes back as an InputError, in file order."""
        errors: list[InputError] = []
        seen = [0]
        added = 0
        # (reading in a second thread was tried: the GIL hand-overs at every row cost more than
        # the overlap gained)
        batches = self._prepare_batches(rows, model, model_version, now_iso(), errors, seen)
        first = next(batches, None)
        if first is not None:
            # for this call: the table and indexes of a big queue stay in memory while rows go in
            # and indexes are built (temp_store = MEMORY was tried: the index sorts then cost more)
            conn = self._conn()
            conn.execute("PRAGMA cache_size = -262144")
            try:
                added = self._add_batches(first, batches, errors)
            finally:
                conn.execute("PRAGMA cache_size = -2000")
        order = {path: i for i, path in enumerate(dict.fromkeys(e.path for e in errors))}
        errors.sort(key=lambda e: (order[e.path], e.line or 0))
        return AddResult(added, seen[0] - added - len(errors), errors)

    def _add_batches(self, first: list, batches: Iterator[list], errors: list) -> int:
        """Insert prepared batches: a first load into an empty queue in one transaction with the
        secondary indexes built at the end, else one transaction per batch; return how many were new."""
        added = 0
        with self._write() as conn:
            bulk = conn.execute("SELECT 1 FROM items LIMIT 1").fetchone() is None
            if bulk:
                # a first load fills an empty queue in one transaction, with the secondary
                # indexes built once at the end: sorting once costs far less than keeping
                # four indexes in order row by row, and a killed load leaves the queue empty
                saved = [sql for (sql,) in conn.execute(
                    f"SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN"
                    f" ({', '.join('?' * len(schema.SECONDARY_INDEXES))})", schema.SECONDARY_INDEXES)]
                for name in schema.SECONDARY_INDEXES:
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
                for batch in itertools.chain([first], batches):
                    added += self._insert_prepared(conn, batch, errors)
                for sql in saved:
                    conn.execute(sql)
            else:
                added += self._insert_prepared(conn, first, errors)
        if not bulk:
            for batch in batches:
                with self._write() as conn:
                    added += self._insert_prepared(conn, batch, errors)
        return added

    @staticmethod
    def _prepare_batches(rows, model, model_version, stamp, errors, seen) -> Iterator[tuple[list, list]]:
        """Yield batches as two lists: the INSERT's parameters (the items row and where the
        unchecked rest of the JSON starts, 1-based: 0 for nothing, 1 for the whole record) and
        each row's (path, line)."""
        params: list[tuple] = []
        where: list[tuple] = []
        n = 0
        for path, line, rec in rows:
            n += 1
            row = head_row(rec, model, model_version, stamp) if rec.__class__ is str else None
            if row is None:
                if isinstance(rec, BaseException):
                    errors.append(rec if isinstance(rec, InputError) else InputError(str(rec), path=path, line=line))
                    continue
                raw, rest = None, 0
                if isinstance(rec, str):
                    raw, quick = rec, quick_record(rec)
                    if quick is not None:
                        rec, rest = quick[0], quick[1] + 1
                    else:
                        try:
                            rec = json.loads(raw)
                        except ValueError as exc:
                            errors.append(InputError(f"broken JSON ({exc})", path=path, line=line))
                            continue
                try:
                    row = prepare_claim(rec, model, model_version, stamp, raw) + (rest,)
                except (ValueError, TypeError, KeyError, AttributeError) as exc:
                    errors.append(InputError(str(exc).strip("'\""), path=path, line=line))
                    continue
            params.append(row)
            where.append((path, line))
            if len(params) >= _BATCH:
                yield params, where
                params, where = [], []
        seen[0] = n
        if params:
            yield params, where

    def _insert_prepared(self, conn, batch: tuple[list, list], errors: list) -> int:
        """Insert one prepared batch in the open transaction; return how many claims were new.

        Rows read from their head only are inserted on condition that SQLite finds the rest of
        their text valid JSON; only when fewer rows went in than were given (duplicates, or such
        a broken line) are those rows checked one by one, to report the broken ones."""
        params, where = batch
        new = conn.executemany(
            "INSERT OR IGNORE INTO items (claim_id, doc_id, start, \"end\", record, model, model_version, added_at,"
            " text, label, checkworthiness, priority, margin) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
            " ?12, ?13 WHERE ?14 = 0 OR json_valid(iif(?14 = 1, ?5, '{' || substr(?5, ?14)))", params).rowcount
        if new < len(params) and any(row[13] for row in params):
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS broken (n INTEGER PRIMARY KEY)")
            conn.executemany("INSERT INTO temp.broken (n) SELECT ?1 WHERE NOT json_valid(?2)",
                             ((i, row[4]) for i, row in enumerate(params) if row[13]))
            for (i,) in conn.execute("SELECT n FROM temp.broken ORDER BY n").fetchall():
                path, line = where[i]
                try:
                    json.loads(params[i][4])
                    reason = "broken JSON"
                except ValueError as exc:
                    reason = f"broken JSON ({exc})"
                errors.append(InputError(reason, path=path, line=line))
            conn.execute("DELETE FROM temp.broken")
        return new

    def _claim_row(self, conn, claim_id: str) -> sqlite3.Row:
        row = conn.execute("SELECT record, model, model_version, status, n_verdicts, doc_id, start"
                           " FROM items WHERE claim_id = ?",
                           (claim_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no claim {claim_id!r} in {self.path}; the claims to review come from: "
                                "factcheck queue next QUEUE --reviewer NAME")
        return row

    def _live_status(self, conn, claim_id: str, status: str, n_verdicts: int) -> str:
        # a lease that ran out leaves 'in_review' behind until the next lease clears it
        if status == "in_review" and n_verdicts == 0 and not conn.execute(
                "SELECT 1 FROM leases WHERE claim_id = ? AND expires_at >= ?", (claim_id, time.time())).fetchone():
            return "pending"
        return status

    def get_claim(self, claim_id: str, *, reviewer: str | None = None) -> dict:
        """Return the claim with its status, context, the verdicts the viewer may see and what
        the model said.

        ``reviewer`` is who looks (None: the queue's owner, who sees everything, as editors do).
        A reviewer sees no other reviewer's verdict, and not the status or settlement that would
        hint at one, until they have given their own (independent double review); in blind
        mode they never see other reviewers' verdicts nor what the model said."""
        conn = self._conn()
        record_text, model, version, status, n_verdicts, doc_id, start = self._claim_row(conn, claim_id)
        who = self.reviewer(reviewer) if reviewer is not None else None
        editor = who is None or who.role == "editor"
        hide = self.blind and not editor
        record = json.loads(record_text, strict=False)
        show = _blind_record if hide else (lambda r: r)
        before, after = self._neighbours(conn, doc_id, start, show)
        verdicts = self._verdicts(conn, "v.claim_id = ?", (claim_id,))
        status = self._live_status(conn, claim_id, status, n_verdicts)
        voted = editor or any(v["current"] and v["kind"] == "verdict" and v["reviewer"] == who.name for v in verdicts)
        sees_all = editor or (not hide and voted)
        if not sees_all:
            verdicts = [v for v in verdicts if v["reviewer"] == who.name]
        if not voted and status in ("reviewed", "disputed", "resolved"):
            # before their own verdict, the true status would hint at the others'; after it,
            # blind or not, the reviewer sees where the claim stands (not the others' verdicts)
            status = "in_review"
        out = {"claim": show(record), "status": status,
               "context": {"doc_id": doc_id, "before": before, "after": after},
               "article": _documents.article(conn, doc_id, record),
               "verdicts": verdicts, "blind": self.blind, "independent": not sees_all}
        if sees_all:
            out["settled"] = self._settlement(conn, claim_id)
        if not hide:
            out["model"] = {"name": model, "version": version, "label": record.get("label"),
                            "scores": record.get("scores") or {}}
        from ..matching.queue_index import checked_before, copies  # claim matching; lazy: queue add needs none of it
        out["checked_before"] = checked_before(self, claim_id, record.get("text") or "")
        if hide:  # the match score is the model's; the earlier verdicts are people's, on other claims
            out["checked_before"] = [{k: v for k, v in m.items() if k != "score"} for m in out["checked_before"]]
        out["copies"] = copies(self, claim_id, record.get("text") or "", doc_id)
        return out

    @staticmethod
    def _neighbours(conn, doc_id, start, show=lambda r: r) -> tuple[list[dict], list[dict]]:
        """Return the records of up to three claims before a claim in its document (in order)
        and up to three after it."""
        before = [show(json.loads(r, strict=False)) for (r,) in conn.execute(
            "SELECT record FROM items WHERE doc_id = ? AND start < ? ORDER BY start DESC LIMIT 3", (doc_id, start))]
        after = [show(json.loads(r, strict=False)) for (r,) in conn.execute(
            "SELECT record FROM items WHERE doc_id = ? AND start > ? ORDER BY start LIMIT 3", (doc_id, start))]
        return before[::-1], after

    def context(self, claim_id: str) -> dict:
        """Return the claim's ``context`` as :meth:`get_claim` gives it (its document and the
        claims around it), without the rest: no claim matching, which training from verdicts
        does not need (it cost get_claim most of its time)."""
        conn = self._conn()
        *_, doc_id, start = self._claim_row(conn, claim_id)
        before, after = self._neighbours(conn, doc_id, start)
        return {"doc_id": doc_id, "before": before, "after": after}

    def article(self, claim_id: str) -> dict | None:
        """Return the claim's document as the queue knows it (see :func:`factcheck.queue.documents.article`):
        headline, date, link, and the claim's paragraph and sentences around it; None without one."""
        conn = self._conn()
        record_text, *_, doc_id, _start = self._claim_row(conn, claim_id)
        return _documents.article(conn, doc_id, json.loads(record_text, strict=False))

    def document_index(self) -> dict[str, dict]:
        """Return doc_id -> {"title", "published", "url"} of the documents the queue holds."""
        return {doc_id: {"title": title, "published": published, "url": url} for doc_id, title, published, url
                in self._conn().execute("SELECT doc_id, title, published, url FROM documents")}

    def document_in_use(self, doc_id: str) -> tuple[bool, str | None]:
        """Return whether the queue holds claims or a document under ``doc_id``, and the
        document's text when it holds one."""
        conn = self._conn()
        row = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        used = row is not None or conn.execute("SELECT 1 FROM items WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
        return bool(used), (row[0] if row else None)

    def add_documents(self, rows: Iterable[tuple]) -> tuple[int, list]:
        """Store ``(path, line, record)`` documents (doc_id, text, title or headline, published,
        url); return how many were stored and the rows that could not be (InputErrors)."""
        with self._write() as conn:
            return _documents.add(conn, rows, now_iso())

    # -- reviewers -----------------------------------------------------------------------
    def add_reviewer(self, name: str, role: str = "reviewer") -> str:
        """Register a reviewer and return their secret (shown once; stored salted and hashed)."""
        name = (name or "").strip()
        if not name or len(name) > 100:
            raise QueueError("a reviewer's name must be 1 to 100 characters")
        if role not in ROLES:
            raise QueueError(f"role {role!r} is not one of: {', '.join(ROLES)}")
        secret = secrets.token_urlsafe(30)
        salt = secrets.token_bytes(16)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM reviewers WHERE name = ?", (name,)).fetchone():
                raise QueueError(f"reviewer {name!r} already exists; pick another name")
            conn.execute("INSERT INTO reviewers (name, role, secret_prefix, secret_salt, secret_hash, created_at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", (name, role, secret[:8], salt, _hash_secret(secret, salt),
                                                        now_iso()))
        return secret

    def reset_secret(self, name: str) -> str:
        """Give reviewer ``name`` a new secret and return it (shown once); the old one stops working."""
        secret = secrets.token_urlsafe(30)
        salt = secrets.token_bytes(16)
        with self._write() as conn:
            self._reviewer_row(conn, name)
            conn.execute("UPDATE reviewers SET secret_prefix = ?, secret_salt = ?, secret_hash = ? WHERE name = ?",
                         (secret[:8], salt, _hash_secret(secret, salt), name))
        return secret

    def secret_stamp(self, name: str) -> str | None:
        """Return a fingerprint of the reviewer's current secret (of its salt, which every new
        secret changes; None when there is no such reviewer): a session or a cached secret made
        under another stamp belongs to a secret that no longer works."""
        row = self._conn().execute("SELECT secret_salt FROM reviewers WHERE name = ?", (name,)).fetchone()
        return None if row is None else hashlib.sha256(b"stamp:" + bytes(row[0])).hexdigest()[:16]

    def authenticate(self, secret: str, name: str | None = None) -> Reviewer | None:
        """Return the reviewer whose secret this is (and whose name, if given), else None."""
        if not secret:
            return None
        if name is not None:
            rows = self._conn().execute("SELECT name, role, secret_salt, secret_hash FROM reviewers WHERE name = ?",
                                        (name,)).fetchall()
        else:
            rows = self._conn().execute("SELECT name, role, secret_salt, secret_hash FROM reviewers"
                                        " WHERE secret_prefix = ?", (secret[:8],)).fetchall()
        found = None
        for who, role, salt, digest in rows or [(None, None, b"\0" * 16, b"")]:
            # hash even when nobody matches, so timing does not tell names apart
            if hmac.compare_digest(_hash_secret(secret, salt), digest) and who is not None:
                found = Reviewer(who, role)
        return found

    def _reviewer_row(self, conn, name: str) -> tuple[int, str]:
        row = conn.execute("SELECT reviewer_id, role FROM reviewers WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"no reviewer {name!r} in {self.path}; add one with: "
                                f"factcheck queue add-reviewer {self.path} {name}")
        return row

    def reviewer(self, name: str) -> Reviewer:
        """Return the reviewer called ``name``; NotFoundError if there is none."""
        _, role = self._reviewer_row(self._conn(), name)
        return Reviewer(name, role)

    def reviewers(self) -> list[Reviewer]:
        """Return every registered reviewer, by name."""
        return [Reviewer(n, r) for n, r in self._conn().execute("SELECT name, role FROM reviewers ORDER BY name")]

    # -- leases --------------------------------------------------------------------------
    def _expire(self, conn, now: float) -> None:
        stale = [c for (c,) in conn.execute("SELECT DISTINCT claim_id FROM leases WHERE expires_at < ?", (now,))]
        if stale:
            conn.execute("DELETE FROM leases WHERE expires_at < ?", (now,))
            for claim_id in stale:
                self._refresh(conn, claim_id)

    def next_claim(self, reviewer: str, *, order: str = "priority", lease_seconds: int = 900,
                   exclude: Sequence[str] = ()) -> dict | None:
        """Lease the next claim to ``reviewer`` and return it as :meth:`get_claim` does, or None
        when nothing is left. A reviewer who already holds a lease gets that claim again."""
        if order not in ORDERS:
            raise QueueError(f"order {order!r} is not one of: {', '.join(ORDERS)}")
        now = time.time()
        exclude = list(dict.fromkeys(exclude))
        prefer: list[str] = []
        if order == "learn":
            from ..adapt.ask import learn_order
            prefer = learn_order(self)
        with self._write() as conn:
            reviewer_id, _ = self._reviewer_row(conn, reviewer)
            self._expire(conn, now)
            held = [c for (c,) in conn.execute("SELECT l.claim_id FROM leases l JOIN items i USING (claim_id)"
                                               f" WHERE l.reviewer_id = ? AND i.{schema.OPEN}"
                                               " ORDER BY l.created_at", (reviewer_id,))]
            claim_id = next((c for c in held if c not in exclude), None)
            if claim_id is None:
                skip = f" AND i.claim_id NOT IN ({', '.join('?' * len(exclude))})" if exclude else ""
                first = f"CASE i.claim_id {' '.join('WHEN ? THEN ' + str(k) for k in range(len(prefer)))} ELSE {len(prefer)} END, " if prefer else ""
                row = conn.execute(
                    f"""SELECT i.claim_id FROM items i INDEXED BY {_ORDER_SQL[order][0]}
                        WHERE i.{schema.OPEN}
                          AND i.n_verdicts + (SELECT count(*) FROM leases l WHERE l.claim_id = i.claim_id) < ?
                          AND NOT EXISTS (SELECT 1 FROM current_verdicts c
                                          WHERE c.claim_id = i.claim_id AND c.reviewer_id = ? AND c.kind = 'verdict')
                          AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.claim_id = i.claim_id AND l.reviewer_id = ?)
                          {skip}
                        ORDER BY {first}{_ORDER_SQL[order][1]} LIMIT 1""",
                    (self.reviews_per_claim, reviewer_id, reviewer_id, *exclude, *prefer)).fetchone()
                if row is None:
                    return None
                claim_id = row[0]
            conn.execute("INSERT OR REPLACE INTO leases (claim_id, reviewer_id, expires_at, created_at)"
                         " VALUES (?, ?, ?, ?)", (claim_id, reviewer_id, now + lease_seconds, now_iso()))
            conn.execute("UPDATE items SET status = 'in_review' WHERE claim_id = ? AND status = 'pending'",
                         (claim_id,))
        return self.get_claim(claim_id, reviewer=reviewer)

    def release(self, claim_id: str, reviewer: str) -> bool:
        """Give back the reviewer's lease on a claim (a skip); return whether there was one."""
        with self._write() as conn:
            reviewer_id, _ = self._reviewer_row(conn, reviewer)
            gone = conn.execute("DELETE FROM leases WHERE claim_id = ? AND reviewer_id = ?",
                                (claim_id, reviewer_id)).rowcount
            if gone:
                self._refresh(conn, claim_id)
        return bool(gone)

    # -- verdicts ------------------------------------------------------------------------
    def _opinions(self, conn, claim_id: str) -> tuple[list[settle.Opinion], dict | None]:
        """Return the claim's current human verdicts as the review rules see them, and the
        editor's current ruling (None if there is none)."""
        opinions, ruling = [], None
        for (kind, verdict_id, reviewer_id, rating, value, not_a_claim, label, corrected, s_start, s_end,
             m_start, m_end) in conn.execute(
                "SELECT c.kind, v.verdict_id, v.reviewer_id, v.rating, v.rating_value, v.not_a_claim,"
                " coalesce(v.label, v.model_label), v.source_corrected, v.source_start, v.source_end,"
                " json_extract(i.record, '$.source.start'), json_extract(i.record, '$.source.end')"
                " FROM current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id"
                " JOIN items i ON i.claim_id = c.claim_id WHERE c.claim_id = ? ORDER BY v.verdict_id", (claim_id,)):
            if kind == "adjudication":
                ruling = {"rating": rating, "not_a_claim": bool(not_a_claim), "verdict_id": verdict_id}
                continue
            if corrected:
                source = (s_start, s_end) if s_start is not None else None
            else:  # no correction: the model's source stands
                source = (m_start, m_end) if isinstance(m_start, int) else None
            opinions.append(settle.Opinion(verdict_id, reviewer_id, rating, value, bool(not_a_claim),
                                           label, source))
        return opinions, ruling

    def _settlement(self, conn, claim_id: str) -> dict | None:
        opinions, ruling = self._opinions(conn, claim_id)
        return settle.settlement(opinions, ruling, self.reviews_per_claim, self.agree_within)

    def settled(self, claim_id: str) -> dict | None:
        """Return how the claim is settled, ``{"rating", "not_a_claim", "by": "agreement" |
        "ruling", "verdict_id"}``, or None when it is not (spec/CLI.md, review rules)."""
        conn = self._conn()
        self._claim_row(conn, claim_id)
        return self._settlement(conn, claim_id)

    def settled_claims(self) -> Iterator[tuple[dict, dict]]:
        """Yield ``(claim, settlement)`` for every settled claim, in the order claims were added:
        ``claim`` has claim_id, doc_id, status and the ``record`` as added."""
        conn = self._conn()
        for claim_id, doc_id, status, record in conn.execute(
                "SELECT claim_id, doc_id, status, record FROM items WHERE n_verdicts > 0 OR status = 'resolved'"
                " ORDER BY rowid").fetchall():
            found = self._settlement(conn, claim_id)
            if found is not None:
                yield ({"claim_id": claim_id, "doc_id": doc_id, "status": status,
                        "record": json.loads(record, strict=False)}, found)

    def dispute(self, claim_id: str, *, viewer: str | None = None) -> dict:
        """Return what an editor needs to settle a claim: ``reasons`` it is disputed (of
        not_a_claim, rating, label, source), every reviewer's current verdict side by side (rating,
        label and source as they stand, note, evidence), the ``ruling`` with its note and evidence
        (None before one), and the settlement. AuthError for a ``viewer`` who is not an editor."""
        if viewer is not None and self.reviewer(viewer).role != "editor":
            raise AuthError(f"{viewer!r} is a reviewer; only editors see a dispute's verdicts side by side")
        conn = self._conn()
        status = self._claim_row(conn, claim_id)[3]
        opinions, _ = self._opinions(conn, claim_id)
        current = {v["verdict_id"]: v for v in self._verdicts(conn, "v.claim_id = ? AND EXISTS (SELECT 1 FROM"
                                                                     " current_verdicts c WHERE c.verdict_id ="
                                                                     " v.verdict_id)", (claim_id,))}
        keys = ("verdict_id", "reviewer", "reviewer_role", "rating", "not_a_claim", "note", "evidence", "facets",
                "created_at")
        side = []
        for o in opinions:
            v = current[o.verdict_id]
            side.append({**{k: v[k] for k in keys}, "label": o.label, "label_corrected": v["label"] is not None,
                         "source": list(o.source) if o.source else None, "source_corrected": v["source_corrected"]})
        ruling = next(({k: v[k] for k in (*keys, "label", "source")} for v in current.values()
                       if v["kind"] == "adjudication"), None)
        return {"claim_id": claim_id, "status": status, "reasons": settle.reasons(opinions, self.agree_within),
                "verdicts": side, "ruling": ruling, "settled": self._settlement(conn, claim_id)}

    def _refresh(self, conn, claim_id: str) -> str:
        """Recompute an item's status and verdict count from its current verdicts. A claim that
        wants no more reviews (reviewed, disputed, resolved) ends every lease on it: the reviewers
        who held one move on to open claims."""
        opinions, ruling = self._opinions(conn, claim_id)
        leased = conn.execute("SELECT 1 FROM leases WHERE claim_id = ?", (claim_id,)).fetchone() is not None
        status = settle.status(opinions, ruling, self.reviews_per_claim, self.agree_within, leased)
        if leased and status not in ("pending", "in_review"):
            conn.execute("DELETE FROM leases WHERE claim_id = ?", (claim_id,))
        conn.execute("UPDATE items SET status = ?, n_verdicts = ? WHERE claim_id = ?",
                     (status, len(opinions), claim_id))
        return status

    def _check(self, conn, claim_id: str, **given) -> CheckedVerdict:
        """Return the verdict checked by :func:`factcheck.queue.validate.check_verdict` against
        this claim's document; NotFoundError for an unknown claim or reused verdict."""
        record_text, *_, doc_id, _start = self._claim_row(conn, claim_id)
        record = json.loads(record_text, strict=False)
        known = {}
        for f in record.get("facets") or ():
            if isinstance(f, dict) and isinstance(f.get("start"), int) and isinstance(f.get("end"), int):
                known[(f["start"], f["end"])] = f.get("kind")
        span = (record.get("start"), record.get("end"))
        checked = check_verdict(self.scale, bounds=_documents.bounds(conn, doc_id), known_facets=known,
                                claim=span if all(isinstance(x, int) for x in span) else None, **given)
        if checked.reuses is not None and not conn.execute(
                "SELECT 1 FROM verdicts WHERE verdict_id = ?", (checked.reuses,)).fetchone():
            raise NotFoundError(f"no verdict {checked.reuses} to reuse in {self.path}")
        return checked

    def _append(self, conn, kind: str, claim_id: str, reviewer_id: int, role: str, v: CheckedVerdict) -> int:
        record_text, model, version, *_, doc_id, _start = self._claim_row(conn, claim_id)
        record = json.loads(record_text, strict=False)
        value = self.scale.get(v.rating).value if v.rating is not None else None
        prev = conn.execute("SELECT verdict_id FROM current_verdicts WHERE claim_id = ? AND reviewer_id = ?"
                            " AND kind = ?", (claim_id, reviewer_id, kind)).fetchone()
        s_start, s_end = v.source if v.source is not None else (None, None)
        s_text = _documents.span_text(conn, doc_id, s_start, s_end) if v.source is not None else None
        cur = conn.execute(
            "INSERT INTO verdicts (claim_id, reviewer_id, kind, rating, rating_value, label, note, evidence,"
            " supersedes, blind, model_label, model_scores, model_name, model_version, created_at, not_a_claim,"
            " source_corrected, source_start, source_end, source_text, facets, reuses)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (claim_id, reviewer_id, kind, v.rating, value, v.label, v.note, json.dumps(list(v.evidence)),
             prev[0] if prev else None, int(self.blind and role == "reviewer"), record.get("label"),
             json.dumps(record.get("scores") or {}), model, version, now_iso(), int(v.not_a_claim),
             int(v.source_corrected), s_start, s_end, s_text, json.dumps(list(v.facets), ensure_ascii=False),
             v.reuses))
        verdict_id = cur.lastrowid
        conn.execute("INSERT OR REPLACE INTO current_verdicts (claim_id, reviewer_id, kind, verdict_id)"
                     " VALUES (?, ?, ?, ?)", (claim_id, reviewer_id, kind, verdict_id))
        conn.execute("DELETE FROM leases WHERE claim_id = ? AND reviewer_id = ?", (claim_id, reviewer_id))
        self._refresh(conn, claim_id)
        return verdict_id

    def record_verdict(self, claim_id: str, reviewer: str, rating: str | None = None, *, label: str | None = None,
                       not_a_claim: bool = False, source=UNSET, facets: Sequence[dict] = (),
                       note: str | None = None, evidence: Sequence[str] = (), reuses: int | None = None,
                       copies: bool = False) -> dict:
        """Append a reviewer's verdict (superseding their earlier one on the claim) and return it.

        Exactly one of ``rating`` and ``not_a_claim``. ``source`` is UNSET (no correction), None
        (the claim has no source) or ``(start, end)`` in document offsets; ``facets`` are
        ``{start, end, value}`` corrections (``not_a_figure: true`` for a span that is no
        figure); ``reuses`` is the id of an earlier verdict this one took over (claim matching).
        With ``copies``, the claim's copies in other documents get the verdict too, in the same
        transaction, each naming this one in ``reuses`` (:func:`factcheck.matching.queue_index.copy_verdicts`);
        their ids are returned under ``"copies"``.
        Everything goes through :mod:`factcheck.queue.validate` (ValidationError if refused)."""
        with self._write() as conn:
            reviewer_id, role = self._reviewer_row(conn, reviewer)
            checked = self._check(conn, claim_id, rating=rating, not_a_claim=not_a_claim, label=label,
                                  source=source, facets=facets, note=note, evidence=evidence, reuses=reuses)
            verdict_id = self._append(conn, "verdict", claim_id, reviewer_id, role, checked)
            if copies:
                from ..matching.queue_index import copy_verdicts
                copied = copy_verdicts(self, conn, claim_id, verdict_id, reviewer_id, role, checked)
        return {**self.verdict(verdict_id), "copies": copied} if copies else self.verdict(verdict_id)

    def adjudicate(self, claim_id: str, editor: str, rating: str | None = None, *, not_a_claim: bool = False,
                   label: str | None = None, note: str | None = None, evidence: Sequence[str] = (),
                   source=UNSET) -> dict:
        """Append an editor's ruling on a disputed claim, which settles it, and return it. A ruling
        has no default: a rating (or ``not_a_claim``) must be given."""
        with self._write() as conn:
            reviewer_id, role = self._reviewer_row(conn, editor)
            if role != "editor":
                raise AuthError(f"{editor!r} is a reviewer, not an editor; ask an editor to adjudicate")
            if rating in (None, "") and not not_a_claim:
                raise ValidationError("a ruling needs a rating (there is no default); name one on the scale")
            status = self._claim_row(conn, claim_id)[3]
            if status not in ("disputed", "resolved"):
                raise QueueError(f"claim {claim_id!r} is {status}, not disputed; only disputed claims are adjudicated")
            checked = self._check(conn, claim_id, rating=rating, not_a_claim=not_a_claim, label=label,
                                  source=source, note=note, evidence=evidence)
            verdict_id = self._append(conn, "adjudication", claim_id, reviewer_id, role, checked)
        return self.verdict(verdict_id)

    def undo_last(self, reviewer: str) -> dict | None:
        """Append a retraction of the reviewer's last current verdict and return it, or None if
        there is nothing to undo; their earlier verdict on that claim, if any, counts again. A
        verdict given to the claim's copies too (``copies``) is taken back with them."""
        with self._write() as conn:
            reviewer_id, _ = self._reviewer_row(conn, reviewer)
            row = conn.execute("SELECT c.verdict_id FROM current_verdicts c WHERE c.reviewer_id = ?"
                               " ORDER BY c.verdict_id DESC LIMIT 1", (reviewer_id,)).fetchone()
            if row is None:
                return None
            from ..matching.queue_index import copy_group
            head, copied = copy_group(conn, row[0], reviewer_id)
            for verdict_id in copied:
                self._retract(conn, reviewer_id, verdict_id)
            retraction = self._retract(conn, reviewer_id, head)
        return self.verdict(retraction)

    def _retract(self, conn, reviewer_id: int, verdict_id: int) -> int:
        """Append the retraction of one current verdict (the one it superseded counts again)."""
        claim_id, kind, previous = conn.execute("SELECT claim_id, kind, supersedes FROM verdicts WHERE verdict_id = ?",
                                                (verdict_id,)).fetchone()
        cur = conn.execute("INSERT INTO verdicts (claim_id, reviewer_id, kind, supersedes, created_at)"
                           " VALUES (?, ?, 'retraction', ?, ?)", (claim_id, reviewer_id, verdict_id, now_iso()))
        if previous is not None:
            conn.execute("UPDATE current_verdicts SET verdict_id = ? WHERE claim_id = ? AND reviewer_id = ?"
                         " AND kind = ?", (previous, claim_id, reviewer_id, kind))
        else:
            conn.execute("DELETE FROM current_verdicts WHERE claim_id = ? AND reviewer_id = ? AND kind = ?",
                         (claim_id, reviewer_id, kind))
        self._refresh(conn, claim_id)
        return cur.lastrowid

    def import_verdicts(self, rows: Iterable[tuple], *, model: str | None = None,
                        model_version: str | None = None) -> ImportResult:
        """Import ``(path, line, {"claim": record, "verdict": {reviewer, rating, label, note,
        evidence, kind, role}})`` rows (see :mod:`factcheck.queue.importer`): claims are added, unknown
        reviewers registered (as editors where a row says so), and each verdict appended unless it
        repeats the reviewer's current one. A row of ``kind`` adjudication is an editor's ruling, as
        :meth:`adjudicate` records it (refused for a name that is a reviewer here); it is not held to
        a dispute, since an export holds the verdicts that stand now, not those the editor ruled on."""
        added = duplicates = recorded = 0
        errors: list = []
        batch: list[tuple] = []

        def flush() -> None:
            nonlocal added, duplicates, recorded
            result = self.add_rows(((p, n, r["claim"]) for p, n, r in batch), model=model, model_version=model_version)
            added, duplicates = added + result.added, duplicates + result.duplicates
            errors.extend(result.errors)
            bad = {(e.path, e.line) for e in result.errors}
            roles: dict[str, str] = {}
            for _, _, r in batch:
                if roles.get(r["verdict"]["reviewer"]) != "editor":
                    roles[r["verdict"]["reviewer"]] = r["verdict"].get("role") or "reviewer"
            for name, role in roles.items():
                try:
                    self.reviewer(name)
                except NotFoundError:
                    self.add_reviewer(name, role)
            with self._write() as conn:
                for path, line, row in batch:
                    if (path, line) in bad:
                        continue
                    v = row["checked"]
                    kind = row["verdict"].get("kind") or "verdict"
                    claim_id = self._claim_id_of(row["claim"])
                    name = row["verdict"]["reviewer"]
                    reviewer_id, role = self._reviewer_row(conn, name)
                    if kind == "adjudication" and role != "editor":
                        errors.append(InputError(f"a ruling by {name!r}, who is a reviewer in {self.path}, not an "
                                                 "editor; import it into a queue where they are an editor",
                                                 path=path, line=line))
                        continue
                    same = conn.execute(
                        "SELECT 1 FROM current_verdicts c JOIN verdicts x ON x.verdict_id = c.verdict_id"
                        " WHERE c.claim_id = ? AND c.reviewer_id = ? AND c.kind = ? AND x.rating IS ?"
                        " AND x.not_a_claim = ? AND x.label IS ? AND x.note IS ? AND x.evidence = ?",
                        (claim_id, reviewer_id, kind, v.rating, int(v.not_a_claim), v.label, v.note,
                         json.dumps(list(v.evidence)))).fetchone()
                    if same:
                        continue  # importing the same file twice records nothing twice
                    imported = self._append(conn, kind, claim_id, reviewer_id, role, v)
                    conn.execute("INSERT INTO imported_verdicts (verdict_id) VALUES (?)", (imported,))
                    recorded += 1
            batch.clear()

        for path, line, row in rows:
            if isinstance(row, BaseException):
                errors.append(row)
                continue
            v = row["verdict"]
            try:  # the same check as every other way in; imported rows carry no spans
                row["checked"] = check_verdict(self.scale, rating=v.get("rating"), label=v.get("label"),
                                               not_a_claim=bool(v.get("not_a_claim")),
                                               note=v.get("note"), evidence=v.get("evidence") or ())
            except QueueError as exc:
                errors.append(InputError(str(exc), path=path, line=line))
                continue
            batch.append((path, line, row))
            if len(batch) >= 5000:
                flush()
        if batch:
            flush()
        return ImportResult(added, duplicates, recorded, errors)

    @staticmethod
    def _claim_id_of(record: dict) -> str:
        return str(record.get("claim_id") or make_claim_id(str(record["doc_id"]), int(record["start"]),
                                                           int(record["end"]), record["text"]))

    _VERDICT_SQL = """SELECT v.verdict_id, v.claim_id, r.name, r.role, v.kind, v.rating, v.rating_value, v.label,
                             v.note, v.evidence, v.supersedes, v.blind, v.created_at,
                             EXISTS (SELECT 1 FROM current_verdicts c WHERE c.verdict_id = v.verdict_id),
                             v.not_a_claim, v.source_corrected, v.source_start, v.source_end, v.source_text,
                             v.facets, v.reuses
                      FROM verdicts v JOIN reviewers r ON r.reviewer_id = v.reviewer_id"""

    def _verdicts(self, conn, where: str, params: tuple) -> list[dict]:
        keys = ("verdict_id", "claim_id", "reviewer", "reviewer_role", "kind", "rating", "rating_value", "label",
                "note", "evidence", "supersedes", "blind", "created_at", "current")
        out = []
        for row in conn.execute(f"{self._VERDICT_SQL} WHERE {where} ORDER BY v.verdict_id", params):
            d = dict(zip(keys, row[:14]))
            d["evidence"] = json.loads(d["evidence"])
            d["blind"], d["current"] = bool(d["blind"]), bool(d["current"])
            d.update(_teaching(*row[14:]))
            out.append(d)
        return out

    def verdict(self, verdict_id: int) -> dict:
        """Return one verdict row as a dict; NotFoundError if there is none."""
        rows = self._verdicts(self._conn(), "v.verdict_id = ?", (verdict_id,))
        if not rows:
            raise NotFoundError(f"no verdict {verdict_id} in {self.path}")
        return rows[0]

    # -- reading -------------------------------------------------------------------------
    @staticmethod
    def _filters(status, label, min_score, max_score) -> tuple[str, list]:
        where, params = [], []
        if status is not None:
            if status not in schema.STATUSES:
                raise QueueError(f"status {status!r} is not one of: {', '.join(schema.STATUSES)}")
            where.append("status = ?")
            params.append(status)
        if label is not None:
            where.append("label = ?")
            params.append(label)
        if min_score is not None:
            where.append("checkworthiness >= ?")
            params.append(float(min_score))
        if max_score is not None:
            where.append("checkworthiness <= ?")
            params.append(float(max_score))
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def list_items(self, *, status: str | None = None, label: str | None = None, min_score: float | None = None,
                   max_score: float | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        """Return items (claim_id, doc_id, text, label, checkworthiness, status, n_verdicts),
        most check-worthy and contested first."""
        where, params = self._filters(status, label, min_score, max_score)
        rows = self._conn().execute(
            "SELECT claim_id, doc_id, text, label, checkworthiness, status, n_verdicts"
            f" FROM items{where} ORDER BY priority DESC, claim_id LIMIT ? OFFSET ?",
            (*params, int(limit), int(offset))).fetchall()
        keys = ("claim_id", "doc_id", "text", "label", "checkworthiness", "status", "n_verdicts")
        return [dict(zip(keys, row)) for row in rows]

    def count_items(self, *, status: str | None = None, label: str | None = None, min_score: float | None = None,
                    max_score: float | None = None) -> int:
        """Return how many items match the filters of :meth:`list_items`."""
        where, params = self._filters(status, label, min_score, max_score)
        return self._conn().execute(f"SELECT count(*) FROM items{where}", params).fetchone()[0]

    def stats(self, viewer: str | None = None) -> dict:
        """Return counts by status, label and reviewer, agreement, verdicts per day, settled
        claims, not-a-claim verdicts and ratings by the model's label, as ``viewer`` may see
        them (see :func:`factcheck.queue.stats.queue_stats`)."""
        from .stats import queue_stats
        return queue_stats(self, viewer)

    def verdict_rows(self, *, since: str | None = None, history: bool = False) -> Iterator[dict]:
        """Yield one row per current (not superseded, not retracted) verdict, oldest first, with
        the claim's fields, what the model said, the rating, the reviewer and the time. With
        ``history``, every row ever appended instead (superseded ones and retractions too), each
        with ``kind``, ``supersedes`` and ``current``.

        What the verdict teaches (the contract of the review, adapt and match branches):
        ``not_a_claim``; ``source_corrected`` and ``source``, the source as it stands after the
        verdict (the reviewer's span, None for "no source", or the model's when not corrected;
        ``model_source`` is always the model's); ``facets``, the reviewer's facet corrections
        (``model_facets`` are the claim's own); ``reuses``; and ``settled``, whether the claim
        is settled (spec/CLI.md review rules)."""
        table = ("verdicts v" if history else
                 "current_verdicts c JOIN verdicts v ON v.verdict_id = c.verdict_id")
        sql = ("SELECT v.verdict_id, v.claim_id, cl.record, v.model_label, v.model_scores, v.model_name,"
               " v.model_version, v.rating, v.rating_value, v.label, v.note, v.evidence, r.name, r.role,"
               " v.created_at, v.kind, v.supersedes,"
               " EXISTS (SELECT 1 FROM current_verdicts x WHERE x.verdict_id = v.verdict_id),"
               " v.not_a_claim, v.source_corrected, v.source_start, v.source_end, v.source_text, v.facets, v.reuses"
               f" FROM {table} JOIN items cl ON cl.claim_id = v.claim_id"
               " JOIN reviewers r ON r.reviewer_id = v.reviewer_id")
        params: tuple = ()
        if since is not None:
            sql += " WHERE v.created_at > ?"
            params = (since,)
        conn = self._conn()
        settled: dict[str, bool] = {}
        for (verdict_id, claim_id, record, model_label, model_scores, model_name, model_version, rating, value,
             label, note, evidence, name, role, created_at, kind, supersedes, current,
             *teaching) in conn.execute(sql + " ORDER BY v.verdict_id", params).fetchall():
            rec = json.loads(record, strict=False)
            taught = _teaching(*teaching)
            if claim_id not in settled:
                settled[claim_id] = self._settlement(conn, claim_id) is not None
            row = {"claim_id": claim_id, "doc_id": rec.get("doc_id"), "text": rec.get("text"),
                   "start": rec.get("start"), "end": rec.get("end"),
                   "checkworthiness": rec.get("checkworthiness"), "model_facets": rec.get("facets") or [],
                   "model_source": rec.get("source"), "claim_label": model_label,
                   "model_scores": json.loads(model_scores) if model_scores else {},
                   "model_name": model_name, "model_version": model_version, "rating": rating,
                   "rating_value": value, "label": label, "note": note, "evidence": json.loads(evidence),
                   "reviewer": name, "reviewer_role": role, "created_at": created_at, "verdict_id": verdict_id,
                   "kind": kind, **taught, "settled": settled[claim_id]}
            if not taught["source_corrected"]:
                row["source"] = rec.get("source")
            if history:
                row.update(supersedes=supersedes, current=bool(current))
            yield row

    def backup(self, dest_path) -> None:
        """Copy the queue to ``dest_path`` with SQLite's online backup (safe while others write),
        creating its folder as ``export -o`` does (a dated ``backups/`` folder is the usual target)."""
        dest = Path(dest_path)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise QueueError("the backup must go to another file than the queue itself")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QueueError(f"cannot create the folder {dest.parent} for the backup ({exc.strerror or exc}); "
                             "give a path in a folder you can write") from None
        tmp = dest.with_name(dest.name + f".tmp{os.getpid()}")
        target = sqlite3.connect(tmp)
        try:
            self._conn().backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)  # a reader of dest never sees a half-written copy
