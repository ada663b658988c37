"""The private journal: check-ins, practice sessions and hard moments, in SQLite.

It lives at :func:`voice.paths.journal_path` and only the user can read it
(mode 0600, folder 0700). Writes are durable before they are acknowledged
(WAL with ``synchronous=FULL``): a check-in that was confirmed survives a
crash or power cut. :meth:`Journal.forget` deletes for real: rows are
overwritten (``secure_delete``), the file is rebuilt (VACUUM) and the
write-ahead log is emptied, so nothing lingers in free pages.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from voice import paths
from voice.errors import AttuneError
from voice.journal.migrations import migrate

BUSY_TIMEOUT_MS = 10_000
SOURCES = ("voice", "text")
_TABLES = {  # table -> its time column
    "check_ins": "at",
    "sessions": "started_at",
    "crisis_events": "at",
}
_KIND = {"check_ins": "check_in", "sessions": "session", "crisis_events": "crisis"}


def to_utc(at: datetime | None = None) -> str:
    """UTC ISO-8601 with offset, one fixed format so text order is time order.

    A naive datetime is taken as local time, the way a person means it.
    """
    moment = (at or datetime.now(UTC)).astimezone(UTC)
    return moment.isoformat(timespec="milliseconds")


def from_utc(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable only by the user, before SQLite opens it."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)


def _tighten(path: Path) -> None:
    # SQLite gives -wal and -shm the main file's mode; chmod anyway in case a
    # file predates this code or was copied in with looser permissions.
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            if p.stat().st_mode & 0o077:
                p.chmod(0o600)


class Journal:
    """One open journal. Use :meth:`open`; close it or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Journal:
        path = Path(path) if path is not None else paths.journal_path()
        try:
            _private_file(path)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as err:
            raise AttuneError(f"cannot open the journal at {path}: {err}") from err
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise AttuneError(f"cannot open the journal at {path}: WAL mode unavailable")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            migrate(conn, str(path))
        except sqlite3.DatabaseError as err:
            conn.close()
            raise AttuneError(f"cannot open the journal at {path}: {err} "
                              "(it may be damaged; 'attune forget --all' starts afresh)") from err
        except BaseException:
            conn.close()
            raise
        _tighten(path)
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._write() as conn:
            cur = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                               tuple(row.values()))
        return int(cur.lastrowid or 0)

    def add_check_in(self, feeling: str | None, family: str | None, intensity: int | None,
                     body: str | None, need: str | None, valence: float | None,
                     arousal: float | None, suggested: str | None, source: str = "voice",
                     at: datetime | None = None) -> int:
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
        if intensity is not None and not 0 <= intensity <= 10:
            raise ValueError(f"intensity must be 0 to 10, not {intensity}")
        return self._insert("check_ins", {
            "at": to_utc(at), "feeling": feeling, "family": family, "intensity": intensity,
            "body": body, "need": need, "valence": valence, "arousal": arousal,
            "suggested": suggested, "source": source})

    def add_session(self, session_id: str, started_at: datetime, minutes_practised: float,
                    completed: bool, rating_before: int | None,
                    rating_after: int | None, pace: float | None = None) -> int:
        return self._insert("sessions", {
            "session_id": session_id, "started_at": to_utc(started_at),
            "minutes_practised": float(minutes_practised), "completed": int(bool(completed)),
            "rating_before": rating_before, "rating_after": rating_after, "pace": pace})

    def last_pace(self, session_id: str) -> float | None:
        """The breath pace the last time of ``session_id`` ended at (None: never kept)."""
        row = self._conn.execute(
            "SELECT pace FROM sessions WHERE session_id = ? AND pace IS NOT NULL "
            "ORDER BY started_at DESC, id DESC LIMIT 1", (session_id,)).fetchone()
        return float(row[0]) if row is not None else None

    def times_done(self, session_id: str) -> int:
        """How many times ``session_id`` was started (finished or not)."""
        row = self._conn.execute("SELECT COUNT(*) FROM sessions WHERE session_id = ?",
                                 (session_id,)).fetchone()
        return int(row[0])

    def sessions_since(self, since: datetime) -> int:
        """How many sessions of any kind started at or after ``since``."""
        row = self._conn.execute("SELECT COUNT(*) FROM sessions WHERE started_at >= ?",
                                 (to_utc(since),)).fetchone()
        return int(row[0])

    def add_crisis_event(self, at: datetime | None = None, transcript: str | None = None) -> int:
        """Record that the crisis response was given; the words only if passed in."""
        return self._insert("crisis_events", {"at": to_utc(at), "transcript": transcript})

    def entries(self, since: datetime | None = None) -> list[dict[str, Any]]:
        """Everything since ``since`` (all when None), oldest first.

        Each dict has ``kind`` ("check_in", "session" or "crisis"), ``id`` and
        ``at`` (UTC ISO text; for sessions, when it started) plus its own fields.
        """
        out: list[dict[str, Any]] = []
        bound = to_utc(since) if since else ""
        for table, column in _TABLES.items():
            rows = self._conn.execute(
                f"SELECT * FROM {table} WHERE {column} >= ? ORDER BY {column}, id", (bound,))
            for row in rows:
                entry = {"kind": _KIND[table], **dict(row)}
                if table == "sessions":
                    entry["at"] = entry["started_at"]
                    entry["completed"] = bool(entry["completed"])
                out.append(entry)
        out.sort(key=lambda e: (e["at"], e["kind"], e["id"]))
        return out

    def count(self, before: datetime | None = None) -> int:
        """How many entries :meth:`forget` with the same ``before`` would delete."""
        total = 0
        for table, column in _TABLES.items():
            where, args = (f" WHERE {column} < ?", (to_utc(before),)) if before else ("", ())
            total += int(self._conn.execute(f"SELECT count(*) FROM {table}{where}",
                                            args).fetchone()[0])
        return total

    def forget(self, before: datetime | None = None) -> int:
        """Delete entries before ``before`` (everything when None), for real.

        Returns how many were deleted.
        """
        deleted = 0
        with self._write() as conn:
            for table, column in _TABLES.items():
                if before is None:
                    cur = conn.execute(f"DELETE FROM {table}")
                else:
                    cur = conn.execute(f"DELETE FROM {table} WHERE {column} < ?",
                                       (to_utc(before),))
                deleted += cur.rowcount
        # VACUUM rewrites the file without the freed pages; the checkpoint then
        # copies it home and truncates the WAL, which still held old pages.
        self._conn.execute("VACUUM")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _tighten(self.path)
        return deleted

    def integrity_ok(self) -> bool:
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return [tuple(r) for r in rows] == [("ok",)]
