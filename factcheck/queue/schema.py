"""The queue file's schema and its versioned migrations.

``PRAGMA user_version`` holds the schema version. :func:`migrate` applies the missing steps in
one ``BEGIN IMMEDIATE`` transaction and re-reads the version inside it, so two processes
opening a new file at once apply each step once; every step is also written to be harmless
when run again (``IF NOT EXISTS``, column checks).
"""
from __future__ import annotations

import sqlite3

STATUSES = ("pending", "in_review", "reviewed", "disputed", "resolved")
#: items that still need work; the partial indexes below use exactly this expression
OPEN = "status IN ('pending', 'in_review')"


def _split(script: str) -> list[str]:
    """Return the statements of a script; a trigger's body (BEGIN ... END;) stays whole."""
    statements, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        text = "\n".join(buf).strip()
        if text.endswith(";") and ("TRIGGER" not in text or text.endswith("END;")):
            statements.append(text)
            buf = []
    return statements


def _v1(conn: sqlite3.Connection) -> None:
    """The first schema: settings, claims as added, items, reviewers, leases, verdicts."""
    # one statement at a time: executescript() would COMMIT the migration's transaction
    for statement in _split(f"""
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- one item per claim: the claim exactly as added (the full record as JSON text, the model
    -- and its version) and the work on it; status and label are indexed columns so that counts
    -- come from indexes. One table, not two, because every claim is one item and a bulk add
    -- then fills one table.
    CREATE TABLE IF NOT EXISTS items (
        claim_id TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        record TEXT NOT NULL,
        model TEXT,
        model_version TEXT,
        added_at TEXT NOT NULL,
        text TEXT NOT NULL,
        label TEXT,
        checkworthiness REAL NOT NULL DEFAULT 0,
        priority REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'in_review', 'reviewed', 'disputed', 'resolved')),
        n_verdicts INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS items_doc ON items(doc_id, start);
    CREATE INDEX IF NOT EXISTS items_status_label ON items(status, label);
    CREATE INDEX IF NOT EXISTS items_open_priority ON items(priority DESC, claim_id) WHERE {OPEN};
    -- the claims as added, for readers of the file
    CREATE VIEW IF NOT EXISTS claims AS
        SELECT claim_id, doc_id, start, "end", record, model, model_version, added_at FROM items;

    CREATE TABLE IF NOT EXISTS reviewers (
        reviewer_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('reviewer', 'editor')),
        secret_prefix TEXT NOT NULL,
        secret_salt BLOB NOT NULL,
        secret_hash BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS reviewers_prefix ON reviewers(secret_prefix);

    CREATE TABLE IF NOT EXISTS leases (
        claim_id TEXT NOT NULL REFERENCES items(claim_id),
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(reviewer_id),
        expires_at REAL NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (claim_id, reviewer_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS leases_expiry ON leases(expires_at);
    CREATE INDEX IF NOT EXISTS leases_reviewer ON leases(reviewer_id);

    -- every answer is a new row: a correction supersedes, an undo is a retraction row
    CREATE TABLE IF NOT EXISTS verdicts (
        verdict_id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id TEXT NOT NULL REFERENCES items(claim_id),
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(reviewer_id),
        kind TEXT NOT NULL CHECK (kind IN ('verdict', 'adjudication', 'retraction')),
        rating TEXT,
        rating_value INTEGER,
        label TEXT,
        note TEXT,
        evidence TEXT NOT NULL DEFAULT '[]',
        supersedes INTEGER REFERENCES verdicts(verdict_id),
        blind INTEGER NOT NULL DEFAULT 0,
        model_label TEXT,
        model_scores TEXT,
        model_name TEXT,
        model_version TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS verdicts_claim ON verdicts(claim_id);
    CREATE TRIGGER IF NOT EXISTS verdicts_no_update BEFORE UPDATE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are appended, never updated'); END;
    CREATE TRIGGER IF NOT EXISTS verdicts_no_delete BEFORE DELETE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are appended, never deleted'); END;

    -- which verdict of each reviewer on each claim counts now: derived from the verdicts,
    -- kept as a table so that stats and exports need not replay the history
    CREATE TABLE IF NOT EXISTS current_verdicts (
        claim_id TEXT NOT NULL REFERENCES items(claim_id),
        reviewer_id INTEGER NOT NULL REFERENCES reviewers(reviewer_id),
        kind TEXT NOT NULL,
        verdict_id INTEGER NOT NULL REFERENCES verdicts(verdict_id),
        PRIMARY KEY (claim_id, reviewer_id, kind)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS current_by_reviewer ON current_verdicts(reviewer_id, verdict_id);
    """):
        conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """Order by uncertainty: items get the model's margin (its least certain score's distance
    from 0.5), filled from the stored records, and an index over the open items."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(items)")}
    if "margin" not in columns:
        conn.execute("ALTER TABLE items ADD COLUMN margin REAL NOT NULL DEFAULT 0.5")
    conn.execute("""
        UPDATE items SET margin = (
            SELECT min(abs(coalesce(json_extract(c.record, '$.checkworthiness'), 0) - 0.5),
                       abs(coalesce(json_extract(c.record, '$.scores.sourced'), 1) - 0.5),
                       abs(coalesce(json_extract(c.record, '$.scores.estimated'), 1) - 0.5),
                       abs(coalesce(json_extract(c.record, '$.scores.contested'), 1) - 0.5))
            FROM items c WHERE c.rowid = items.rowid)""")
    conn.execute(f"CREATE INDEX IF NOT EXISTS items_open_margin ON items(margin, priority DESC, claim_id) WHERE {OPEN}")


def _add_columns(conn: sqlite3.Connection, table: str, columns: dict[str, str]) -> None:
    have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    for name, decl in columns.items():
        if name not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")


def _v3(conn: sqlite3.Connection) -> None:
    """Verdicts that teach: not-a-claim, a corrected source span, corrected facets and the
    verdict a claim match reused; the documents the claims come from (for context)."""
    _add_columns(conn, "verdicts", {
        "not_a_claim": "INTEGER NOT NULL DEFAULT 0",
        # 1 with a NULL start: the reviewer says the claim has no source
        "source_corrected": "INTEGER NOT NULL DEFAULT 0",
        "source_start": "INTEGER",
        "source_end": "INTEGER",
        "source_text": "TEXT",
        "facets": "TEXT NOT NULL DEFAULT '[]'",
        "reuses": "INTEGER REFERENCES verdicts(verdict_id)",
    })
    conn.execute("""CREATE TABLE IF NOT EXISTS documents (
        doc_id TEXT PRIMARY KEY,
        title TEXT,
        published TEXT,
        url TEXT,
        text TEXT,
        added_at TEXT NOT NULL
    )""")


def _v4(conn: sqlite3.Connection) -> None:
    """Claim matching: an FTS5 index of the settled claims (filled when a claim asks for what was
    checked before, see factcheck.matching.queue_index), how far it has read the verdicts, and
    an index on the claims' text that finds copies in other documents."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS match_fts USING fts5(text, claim_id UNINDEXED, "
                 "verdict UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("CREATE TABLE IF NOT EXISTS match_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    conn.execute("CREATE INDEX IF NOT EXISTS items_text ON items(text)")


#: the keyset walks of the queue list in priority order (factcheck.queue.listing), over every
#: item and over one status
LISTING_INDEXES = {
    "items_list_priority": "CREATE INDEX IF NOT EXISTS items_list_priority ON items(priority DESC, claim_id)",
    "items_list_status": "CREATE INDEX IF NOT EXISTS items_list_status ON items(status, priority DESC, claim_id)",
}


def _v5(conn: sqlite3.Connection) -> None:
    """The queue list's keyset pages (issue 12): the two indexes its walks use. They used to be
    added when ``serve`` started, which a read-only file or a busy writer could prevent. And the
    verdicts ``queue import`` brought in: earlier fact-checks, which claim matching shows as
    checked before even where the queue wants more reviews than the one imported."""
    for sql in LISTING_INDEXES.values():
        conn.execute(sql)
    conn.execute("CREATE TABLE IF NOT EXISTS imported_verdicts (verdict_id INTEGER PRIMARY KEY REFERENCES verdicts(verdict_id))")


MIGRATIONS = (_v1, _v2, _v3, _v4, _v5)
#: the indexes a first load into an empty queue builds once at the end (store.Queue.add_rows)
SECONDARY_INDEXES = ("items_doc", "items_status_label", "items_open_priority", "items_open_margin", "items_text",
                     *LISTING_INDEXES)
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """Return the schema version of the open file (0 for a new one)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the schema up to ``target`` and return the version it is at."""
    if version(conn) >= target:
        return version(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = version(conn)  # another process may have migrated while we waited
        for step in range(current, target):
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version(conn)
