"""The journal's schema, as numbered migrations.

Each migration runs in its own transaction together with the bump of
``PRAGMA user_version``, so a crash leaves the journal at the old version or
the new one, never in between. Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3

from voice.errors import AttuneError

# (version, statements). Statements are separate strings because
# sqlite3.executescript() would commit the surrounding transaction.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE check_ins (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,                 -- UTC ISO-8601 with offset
            feeling TEXT,
            family TEXT,
            intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
            body TEXT,
            need TEXT,
            valence REAL CHECK (valence BETWEEN -1 AND 1),
            arousal REAL CHECK (arousal BETWEEN 0 AND 1),
            suggested TEXT,
            source TEXT NOT NULL CHECK (source IN ('voice', 'text'))
        )""",
        "CREATE INDEX check_ins_at ON check_ins (at)",
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            minutes_practised REAL NOT NULL CHECK (minutes_practised >= 0),
            completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
            rating_before INTEGER CHECK (rating_before BETWEEN 0 AND 10),
            rating_after INTEGER CHECK (rating_after BETWEEN 0 AND 10)
        )""",
        "CREATE INDEX sessions_started_at ON sessions (started_at)",
        """CREATE TABLE crisis_events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            transcript TEXT                   -- only when the user enabled transcripts
        )""",
        "CREATE INDEX crisis_events_at ON crisis_events (at)",
    ]),
    # The breath pace a session ended at ("slower" x1.2, "faster" /1.2), so the next
    # time starts there (the remember_pace setting).
    (2, [
        "ALTER TABLE sessions ADD COLUMN pace REAL "
        "CHECK (pace IS NULL OR pace BETWEEN 0.01 AND 100)",
    ]),
]

LATEST = MIGRATIONS[-1][0]


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the journal up to date; returns the version it ends at.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the
    transactions here are the only ones.
    """
    found = user_version(conn)
    if found > LATEST:
        raise AttuneError(f"{path}: this journal was written by a newer Attune "
                          f"(version {found}); please update Attune to open it")
    for version, statements in MIGRATIONS:
        if version <= found:
            continue
        # IMMEDIATE takes the write lock first, so two Attunes opening a new
        # journal at once cannot both apply the same migration.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) < version:
                for statement in statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return user_version(conn)
