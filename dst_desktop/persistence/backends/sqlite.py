"""SQLite: one workstation's file, an event laptop, the demo and the tests.

Readers never block the writer (WAL); a writer takes ``BEGIN IMMEDIATE`` before its first
read, so writers are serialised and a confirmation's re-check and its allocation see the
same data. The schema version lives in ``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

from peewee import Database, DatabaseError, IntegrityError, OperationalError, SqliteDatabase

from dst_desktop.domain.changes import Change, ChangeSource
from dst_desktop.domain.errors import (
    AllocationConflictError,
    ConflictingDataError,
    ConnectionFailedError,
    StorageError,
)
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

    def translate(self, error: BaseException) -> Exception | None:
        where = self.description
        # Rows written with the driver's own cursor (executemany) fail with its exceptions.
        if isinstance(error, IntegrityError | sqlite3.IntegrityError):
            if is_allocation_conflict(error):
                return AllocationConflictError(str(error))
            return ConflictingDataError(f"The database {where} refused the change: {error}")
        if isinstance(error, OperationalError) and ("locked" in str(error) or "busy" in str(error)):
            return StorageError(
                f"The database {where} is busy: another workstation has held it for too "
                "long. Try again in a moment."
            )
        if isinstance(error, DatabaseError):
            return StorageError(f"The database {where} cannot be used: {error}")
        return None


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
