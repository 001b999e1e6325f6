"""SQLite: one workstation's file, an event laptop, the demo and the tests.

Readers never block the writer (WAL); a writer takes ``BEGIN IMMEDIATE`` before its first
read, so writers are serialised and a confirmation's re-check and its allocation see the
same data. The schema version lives in ``PRAGMA user_version``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

from peewee import Database, DatabaseError, IntegrityError, SqliteDatabase

from dst_desktop.domain.changes import Change, ChangeSource
from dst_desktop.domain.errors import (
    AllocationConflictError,
    ConflictingDataError,
    ConnectionFailedError,
    DamagedDatabaseError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageError,
)
from dst_desktop.domain.permissions import MAX_ACTOR_LENGTH
from dst_desktop.exports.files import create_private_file, keep_from_outputs
from dst_desktop.persistence.backends.base import Backend

#: How long a writer waits for another workstation's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000

SQLITE_PRAGMAS: tuple[tuple[str, object], ...] = (
    # Readers never block the writer and the writer never blocks readers.
    ("journal_mode", "wal"),
    # A confirmed booking survives a power cut once its call has returned.
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("cache_size", -16_000),
)

#: Schema version 5: the audit log keeps every row, and refuses an actor name that is
#: empty, too long or holds control characters.
_AUDIT_LOG_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_entry"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be changed');"
    " END",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_entry"
    " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows cannot be deleted');"
    " END",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_actor_check BEFORE INSERT ON audit_entry"
    f" WHEN length(NEW.actor) NOT BETWEEN 1 AND {MAX_ACTOR_LENGTH}"
    " OR trim(NEW.actor) <> NEW.actor"
    " OR NEW.actor GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*'"
    " BEGIN SELECT RAISE(ABORT, 'the audit log refuses an actor name that is empty, too long"
    " or holds control characters'); END",
)
#: What SQLite and its Python driver say about a damaged file.
_DAMAGE_SIGNS = (
    "malformed",
    "could not decode",
    "corrupt",
    "file is encrypted",
    "damaged",
)
RESTORE_HINT = (
    "restore a backup: `dst-desktop restore BACKUP.db`, or File ▸ Restore a backup… in the "
    "window, which lists the automatic daily backups"
)

_URL_FORMS = (
    "use sqlite:///bookings.db for a file in the current folder or "
    "sqlite:////home/ann/bookings.db for an absolute path (four slashes)"
)


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///path`` URL (``sqlite:////abs/path`` or ``sqlite:///rel``)."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme != "sqlite" or not url[len("sqlite:") :].startswith("//"):
        raise StorageError(f"not a SQLite URL: {url!r}")
    host, _, path = url[len("sqlite://") :].partition("/")
    if host not in ("", "localhost"):
        raise StorageError(f"a SQLite URL has no host, got {host!r} in {url!r}")
    if "%" in path:
        path = unquote(path)
    if not path or path == ":memory:":
        raise StorageError(f"{url!r} names no file; {_URL_FORMS}")
    return Path(path)


class _TrialWriteEndedError(Exception):
    """Ends a trial write without keeping it."""


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def url_for_path(path: Path) -> str:
    """The ``sqlite:///…`` URL of a database file."""
    return "sqlite:///" + str(path)


def is_allocation_conflict(error: BaseException) -> bool:
    """Whether a unique index on (setup, date) or (operator, date) refused a write.

    SQLite names the columns of the index that refused it: ``session.setup_id,
    session.date`` (or the index's name, for an expression index).
    """
    text = str(error)
    return "held_once_per_day" in text or any(
        f"session.{column}, session.date" in text for column in ("setup_id", "operator_id")
    )


class SqliteBackend(Backend):
    kind: ClassVar[str] = "sqlite"

    def __init__(self, url: str) -> None:
        self.path = sqlite_path(url)
        self.description = str(self.path)

    def connect(self) -> Database:
        path = self.path
        if path.exists() and path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file")
        if not path.parent.exists():
            hint = (
                f" (the path is relative to the current folder; for /{path} write "
                f"sqlite:////{path}, with four slashes)"
                if not path.is_absolute()
                else ""
            )
            raise StorageError(f"the folder {path.parent} does not exist{hint}")
        if not path.exists():
            # Bookings name clients and their contacts: readable by their owner only.
            # SQLite gives its -wal and -shm files the database file's permissions.
            with contextlib.suppress(OSError):  # a read-only folder is said when opening
                create_private_file(path)
        keep_from_outputs(path)
        return SqliteDatabase(
            str(path), pragmas=list(SQLITE_PRAGMAS), timeout=BUSY_TIMEOUT_MS / 1000
        )

    def transaction(self, db: Database, *, write: bool) -> AbstractContextManager[Any]:
        return db.atomic("IMMEDIATE") if write else db.atomic()

    def schema_lock(self, db: Database) -> AbstractContextManager[Any]:
        return db.atomic("IMMEDIATE")

    def schema_version(self, db: Database) -> int:
        version = db.pragma("user_version")  # type: ignore[attr-defined]
        return int(version)

    def set_schema_version(self, db: Database, version: int) -> None:
        db.pragma("user_version", int(version))  # type: ignore[attr-defined]

    def change_source(self, ignored_origin: str | None) -> ChangeSource:
        return SqliteChangeSource(self.path)

    def protect_audit_log(self, db: Database) -> None:
        for statement in _AUDIT_LOG_TRIGGERS:
            db.execute_sql(statement)  # type: ignore[no-untyped-call]

    def damaged(self, detail: str) -> StorageError:
        return DamagedDatabaseError(
            f"The database file {self.description} is damaged ({detail}); nothing was "
            f"changed. {RESTORE_HINT[0].upper()}{RESTORE_HINT[1:]}"
        )

    def integrity_problems(self, db: Database) -> list[str]:
        """``PRAGMA integrity_check`` (the first 20 problems) and the foreign keys."""
        rows = db.execute_sql("PRAGMA integrity_check(20)").fetchall()  # type: ignore[no-untyped-call]
        problems = [
            " ".join(
                line.strip()
                for line in str(row[0]).splitlines()
                if line.strip() and line.strip() != "*** in database main ***"
            )
            for row in rows
            if row[0] != "ok"
        ]
        dangling = db.execute_sql("PRAGMA foreign_key_check").fetchall()  # type: ignore[no-untyped-call]
        problems.extend(
            f"row {row_id} of {table} refers to a missing row of {parent}"
            for table, row_id, parent, _ in dangling[:20]
        )
        return problems

    def write_problem(self, db: Database) -> str:
        """Write a row and roll it back: a read-only file or folder fails here, not later."""
        try:
            with db.atomic("IMMEDIATE"):
                db.execute_sql(  # type: ignore[no-untyped-call]
                    "INSERT INTO setting (key, value) VALUES ('write_check', '')"
                    " ON CONFLICT (key) DO NOTHING"
                )
                raise _TrialWriteEndedError
        except _TrialWriteEndedError:
            return ""
        except Exception as error:
            found = self.translate(error)
            if found is None:
                raise
            return str(found)

    def _disk_full(self) -> bool:
        """Whether the database's disk has (almost) no space left: SQLite reports a full
        disk as an I/O error when it cannot grow its shared-memory file."""
        try:
            return shutil.disk_usage(self.path.parent).free < 64 * 1024
        except OSError:
            return False

    def translate(self, error: BaseException) -> Exception | None:
        where = self.description
        text = str(error)
        if isinstance(error, sqlite3.Error | DatabaseError) and "no transaction is active" in text:
            # SQLite ends a transaction by itself on some errors (a full disk); the rollback
            # that follows fails, and what happened first is what the user needs to read.
            first = error.__context__
            if isinstance(first, StorageError):
                return first
            if first is not None and (found := self.translate(first)) is not None:
                return found
        # Rows written with the driver's own cursor (executemany) fail with its exceptions.
        if isinstance(error, IntegrityError | sqlite3.IntegrityError):
            if is_allocation_conflict(error):
                return AllocationConflictError(text)
            return ConflictingDataError(f"The database {where} refused the change: {error}")
        if isinstance(error, UnicodeDecodeError):
            # SQLite's own message quoted damaged bytes of the schema (an index's name),
            # which the driver cannot decode into text.
            return DamagedDatabaseError(
                f"The database file {where} is damaged (its schema holds bytes that are not "
                f"text); nothing was changed. {RESTORE_HINT[0].upper()}{RESTORE_HINT[1:]}"
            )
        if not isinstance(error, sqlite3.Error | DatabaseError):
            return None
        lowered = text.lower()
        if "locked" in lowered or "busy" in lowered:
            return StorageError(
                f"The database {where} is busy: another workstation has held it for too "
                "long. Try again in a moment."
            )
        if "disk is full" in lowered or ("disk i/o error" in lowered and self._disk_full()):
            return DiskFullError(
                f"The disk holding the database {where} is full; nothing was changed. Free "
                "some space on it and try again."
            )
        if "readonly" in lowered or "read-only" in lowered:
            return ReadOnlyDatabaseError(
                f"The database {where} cannot be written: the file or its folder is "
                "read-only, or you may not change it; nothing was changed. Open it as its "
                "owner, or copy it to a folder you may write."
            )
        if "unable to open database file" in lowered:
            folder = self.path.parent
            if os.access(folder, os.W_OK):
                return StorageError(
                    f"The database {where} cannot be opened: the file or its folder cannot be "
                    "read (check their permissions)."
                )
            what = "used" if self.path.exists() else "created"
            return ReadOnlyDatabaseError(
                f"The database {where} cannot be {what}: its folder {folder} is read-only, "
                "and SQLite keeps its journal files beside the database. Nothing was changed. "
                "Copy the database to a folder you may write, or ask for write access."
            )
        if "file is not a database" in lowered:
            return DamagedDatabaseError(
                f"The file {where} cannot be used: it is not a DST Desktop database, or it "
                f"is damaged ({text}). If it held your bookings, {RESTORE_HINT}"
            )
        if any(sign in lowered for sign in _DAMAGE_SIGNS):
            return DamagedDatabaseError(
                f"The database file {where} is damaged ({_first_line(text)}); nothing was "
                f"changed. {RESTORE_HINT[0].upper()}{RESTORE_HINT[1:]}"
            )
        if "disk i/o error" in lowered:
            return StorageError(
                f"The database {where} could not be read or written (disk I/O error); nothing "
                f"was changed. Check the disk; if this happens again, {RESTORE_HINT}"
            )
        return StorageError(f"The database {where} cannot be used: {error}")


class SqliteChangeSource:
    """Notices another program's commit by SQLite's ``PRAGMA data_version``, which
    changes on this connection whenever another connection commits: one cheap statement
    per look, no file read when nothing changed. It cannot say what changed, so any
    change reads as "everything"."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def open(self) -> None:
        self.close()
        try:
            # Opened on a background thread, then read on the GUI thread, never both at once.
            connection = sqlite3.connect(
                self._path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self._version = connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            raise ConnectionFailedError(
                f"The database {self._path} cannot be read: {error}"
            ) from error
        self._connection = connection

    def fileno(self) -> int | None:
        return None

    def read(self) -> list[Change]:
        if self._connection is None:
            raise ConnectionFailedError(f"The database {self._path} is not open")
        try:
            version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            self.close()
            raise ConnectionFailedError(
                f"The database {self._path} cannot be read: {error}"
            ) from error
        if version == self._version:
            return []
        self._version = version
        return [Change.everything()]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
