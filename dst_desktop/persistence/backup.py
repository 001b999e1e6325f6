"""Backups and restores of a database, and the window's automatic daily backups.

* **Backup.** SQLite's online backup copies the file page by page inside one read
  transaction: a consistent copy while other workstations keep working (in WAL mode
  readers never block writers). The copy is checked — integrity check and booking rules
  — before it is moved into place, so a damaged database never replaces a good backup.
  A PostgreSQL database is copied into a SQLite file the same way ``copy-database`` does
  (one snapshot); the server's own backups are ``pg_dump``'s job.
* **Restore.** The backup is copied beside the database and checked first; what the
  database held is kept as a backup of its own; then the backup's pages are written into
  the database through SQLite, so that other programs that have it open see the restored
  data at their next transaction. A database too damaged to be written that way is
  replaced as a file.
* **Daily backups.** One per day and database, in the data folder, the last seven kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import secrets
import shutil
import sqlite3
import stat
from pathlib import Path

from dst_desktop.domain.backups import BackupFile, BackupMade, DatabaseRestored
from dst_desktop.domain.errors import DamagedDatabaseError, DiskFullError, StorageError
from dst_desktop.domain.model import AuditEntry
from dst_desktop.exports.files import (
    OutputFileError,
    OutputProblem,
    create_private_folder,
    output_error,
    write_output_with,
)
from dst_desktop.persistence.backends.sqlite import BUSY_TIMEOUT_MS, RESTORE_HINT, SqliteBackend
from dst_desktop.persistence.database import open_backend, url_for_path
from dst_desktop.persistence.health import check_database

#: How many daily backups are kept per database.
DAILY_BACKUPS_KEPT = 7


def backup_database(url: str, target: Path, *, replace: bool = False) -> BackupMade:
    """Write a checked, consistent copy of the database at ``url`` to ``target``.

    ``target`` is written atomically and readable by its owner only; an existing file is
    replaced only with ``replace``. Raises :class:`StorageError` (nothing written).
    """
    backend = open_backend(url)
    sessions = 0

    def produce(temporary: Path) -> None:
        nonlocal sessions
        if isinstance(backend, SqliteBackend):
            _sqlite_copy(backend, temporary)
        else:
            from dst_desktop.persistence.copy import copy_database

            copy_database(url, url_for_path(temporary))
        sessions = _checked(temporary, backend.description)

    if isinstance(backend, SqliteBackend) and not backend.path.is_file():
        raise StorageError(f"there is no database at {backend.path}")
    if isinstance(backend, SqliteBackend) and _is_database_file(target, backend.path):
        # Replacing the database by its copy would cut off every program that has it open,
        # and clearing the copy's journal files would delete the database's own.
        raise StorageError(
            f"{target} is the database itself (or one of its journal files); write the "
            "backup to another file"
        )
    try:
        write_output_with(target, produce, replace=replace)
    except OutputFileError as error:
        raise _output_failure(error) from error
    finally:
        _remove_companions(target.parent, target.name)
    return BackupMade(backend.description, target, sessions, target.stat().st_size)


def _output_failure(error: OutputFileError) -> StorageError:
    if error.problem is OutputProblem.DISK_FULL:
        return DiskFullError(error.message)
    return StorageError(error.message)


def _sqlite_copy(backend: SqliteBackend, temporary: Path) -> None:
    """The whole file in one step, hence one read transaction: a consistent copy."""
    try:
        source = sqlite3.connect(backend.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            copy = sqlite3.connect(temporary)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        raise backend.translate(error) or StorageError(str(error)) from error


def _checked(copy: Path, description: str) -> int:
    """The sessions of a sound copy; a damaged one raises :class:`DamagedDatabaseError`."""
    try:
        health = check_database(url_for_path(copy))
    except DamagedDatabaseError as error:
        reason = str(error).replace(str(copy), description)
        raise DamagedDatabaseError(
            f"The database {description} is damaged ({reason}); no backup was written, so "
            f"that no damaged copy takes a good backup's place. {_restore_hint()}"
        ) from error
    finally:
        _remove_companions(copy.parent, copy.name)
    if not health.sound:
        shown = "; ".join(health.problems[:3])
        raise DamagedDatabaseError(
            f"The database {description} is damaged ({shown}); no backup was written, so "
            f"that no damaged copy takes a good backup's place. {_restore_hint()}"
        )
    return health.sessions


def _restore_hint() -> str:
    return RESTORE_HINT[0].upper() + RESTORE_HINT[1:] + "."


def writes_over_database(url: str, target: Path) -> bool:
    """Whether writing ``target`` would replace the SQLite database at ``url`` or one of
    its journal files (an output file name mistyped as the database's)."""
    from dst_desktop.persistence.database import database_kind

    if database_kind(url) != "sqlite":
        return False
    return _is_database_file(target, SqliteBackend(url).path)


def _is_database_file(target: Path, database: Path) -> bool:
    """Whether ``target`` names the database file or one of its journal files."""
    try:
        folder, base = database.resolve().parent, database.resolve().name
        named = target.resolve()
    except OSError:
        return False
    companions = {base, *(base + suffix for suffix in ("-wal", "-shm", "-journal"))}
    return named.parent == folder and named.name in companions


def _remove_companions(folder: Path, name: str) -> None:
    """SQLite's journal files of a copy that is no longer open."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            (folder / (name + suffix)).unlink()


# -- restore ---------------------------------------------------------------------------------


def restore_database(
    url: str,
    source: Path,
    *,
    keep_current_in: Path | None,
    actor: str,
    now: dt.datetime,
) -> DatabaseRestored:
    """Replace the data of the SQLite database at ``url`` by the backup ``source``.

    The backup is checked first (nothing changes when it is not a sound DST Desktop
    database); what the database held is kept in ``keep_current_in``; an older backup's
    schema is upgraded; the restore is recorded in the audit log.
    """
    backend = open_backend(url)
    if not isinstance(backend, SqliteBackend):
        raise StorageError(
            "restore brings back a SQLite database file; a PostgreSQL database is restored "
            "by its administrator with pg_restore from a pg_dump file (see the README)"
        )
    _check_source(source, backend)
    folder = backend.path.parent
    if not folder.is_dir():
        raise StorageError(f"the folder {folder} does not exist")
    temporary = folder / f".{backend.path.name}.restore-{secrets.token_hex(4)}.part"
    try:
        _private_copy(source, temporary)
        sessions = _checked_backup(temporary, source)
        kept = _keep_current(url, backend, keep_current_in, now)
        _write_pages(temporary, backend)
        _record(url, source, kept, actor, now)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
        _remove_companions(folder, temporary.name)
    return DatabaseRestored(backend.description, source, sessions, kept)


def _check_source(source: Path, backend: SqliteBackend) -> None:
    try:
        info = source.stat()
    except FileNotFoundError:
        raise StorageError(f"{source} does not exist") from None
    except OSError as error:
        raise StorageError(f"{source} cannot be read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StorageError(f"{source} is a folder, not a backup file")
    if not stat.S_ISREG(info.st_mode):
        raise StorageError(f"{source} is not a regular file (a pipe or a device)")
    if backend.path.exists() and source.resolve() == backend.path.resolve():
        raise StorageError(f"{source} is the database itself, not a backup of it")


def _private_copy(source: Path, temporary: Path) -> None:
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as target, source.open("rb") as stream:
            shutil.copyfileobj(stream, target, 1024 * 1024)
    except PermissionError:
        raise StorageError(f"{source} cannot be read (permission denied)") from None
    except OSError as error:
        failure = output_error(temporary, error)
        if failure.problem is OutputProblem.DISK_FULL:
            raise DiskFullError(
                f"The disk holding {temporary.parent} is full; nothing was changed."
            ) from error
        raise StorageError(f"the backup cannot be copied: {error.strerror or error}") from error


def _checked_backup(copy: Path, source: Path) -> int:
    try:
        health = check_database(url_for_path(copy))
    except DamagedDatabaseError:
        raise DamagedDatabaseError(
            f"{source} is not a DST Desktop backup, or it is damaged; nothing was changed. "
            "Choose another backup."
        ) from None
    except StorageError as error:
        reason = str(error).replace(str(copy), str(source))
        raise StorageError(
            f"{source} is not a DST Desktop backup that can be restored ({reason}); nothing "
            "was changed"
        ) from error
    finally:
        _remove_companions(copy.parent, copy.name)
    if not health.sound:
        shown = "; ".join(health.problems[:3])
        raise DamagedDatabaseError(
            f"The backup {source} is damaged ({shown}); nothing was changed. Choose another backup."
        )
    return health.sessions


def _keep_current(
    url: str, backend: SqliteBackend, folder: Path | None, now: dt.datetime
) -> Path | None:
    """What the database holds now, as a file of its own — kept as it is, even damaged,
    for whoever wants something back from it (so it is not checked)."""
    if folder is None or not backend.path.exists():
        return None
    create_private_folder(folder)
    kept = folder / f"{backend.path.stem}-before-restore-{now:%Y-%m-%d-%H%M%S}.db"
    os.close(os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _sqlite_copy(backend, kept)
    except DamagedDatabaseError:
        with kept.open("wb") as target, backend.path.open("rb") as stream:
            shutil.copyfileobj(stream, target, 1024 * 1024)
    except BaseException:
        kept.unlink(missing_ok=True)
        raise
    finally:
        _remove_companions(folder, kept.name)
    return kept


def _write_pages(copy: Path, backend: SqliteBackend) -> None:
    """The backup's pages into the database, through SQLite's locks."""
    try:
        source = sqlite3.connect(copy)
        try:
            database = sqlite3.connect(backend.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                source.backup(database)
            finally:
                database.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        found = backend.translate(error)
        if not isinstance(found, DamagedDatabaseError):
            raise found or StorageError(str(error)) from error
        # Too damaged to be written page by page: the checked copy takes its place.
        _remove_companions(backend.path.parent, backend.path.name)
        copy.replace(backend.path)


def _record(url: str, source: Path, kept: Path | None, actor: str, now: dt.datetime) -> None:
    """Upgrade an older backup's schema, and say in the audit log what happened."""
    from dst_desktop.persistence.store import PeeweeStore

    store = PeeweeStore.open(url)
    try:
        with store.writing() as tx:
            tx.add_audit(
                AuditEntry(
                    now,
                    actor,
                    "restore",
                    None,
                    {"file": str(source), "keptAs": str(kept) if kept else None},
                )
            )
    finally:
        store.close()


# -- daily backups ---------------------------------------------------------------------------


class DailyBackups:
    """The automatic backups of one SQLite database: one a day, the last seven kept.

    Named ``<database>-<8 hex of its path>-<YYYY-MM-DD>.db`` in ``folder``, so that two
    databases of the same name in different folders keep separate backups.
    """

    def __init__(self, database_url: str, folder: Path, keep: int = DAILY_BACKUPS_KEPT) -> None:
        self.database_url = database_url
        self.folder = folder
        self._keep = keep
        backend = open_backend(database_url)
        self._path = backend.path if isinstance(backend, SqliteBackend) else None
        if self._path is not None:
            where = hashlib.sha256(str(self._path.resolve()).encode()).hexdigest()[:8]
            self._prefix = f"{self._path.stem}-{where}-"
        else:
            self._prefix = ""
        self._pattern = re.compile(re.escape(self._prefix) + r"(\d{4}-\d{2}-\d{2})\.db")

    @property
    def applies(self) -> bool:
        """Daily backups are for SQLite files; a server's are its administrator's."""
        return self._path is not None

    def path_for(self, day: dt.date) -> Path:
        return self.folder / f"{self._prefix}{day.isoformat()}.db"

    def make_if_due(self, today: dt.date) -> BackupMade | None:
        """Today's backup, when there is none yet; older ones beyond seven are removed."""
        if self._path is None or not self._path.is_file():
            return None
        target = self.path_for(today)
        if target.exists():
            return None
        create_private_folder(self.folder)
        made = backup_database(self.database_url, target)
        for stale in self.available()[self._keep :]:
            with contextlib.suppress(OSError):
                stale.path.unlink()
        return made

    def available(self) -> list[BackupFile]:
        """The daily backups on disk, newest first."""
        if self._path is None or not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = self._pattern.fullmatch(path.name)
            if match is None:
                continue
            try:
                day = dt.date.fromisoformat(match.group(1))
                size = path.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(BackupFile(path, size, day))
        return sorted(found, key=lambda backup: backup.day or dt.date.min, reverse=True)

    def restore(self, source: Path, actor: str, now: dt.datetime) -> DatabaseRestored:
        return restore_database(
            self.database_url, source, keep_current_in=self.folder, actor=actor, now=now
        )
