"""``dst-desktop copy-database``: move a whole DST Desktop database to another place.

How an office moves from one workstation's SQLite file to the team's PostgreSQL server
(and back, or to a file for a backup): every table row for row — ids, timestamps, the
audit log and the settings unchanged — into an empty target, in one transaction on the
target, read from one consistent snapshot of the source, and the row counts compared
before the target commits. Either kind may be source or target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from peewee import Database

from dst_desktop.domain.errors import StorageError
from dst_desktop.persistence.backends.base import Backend
from dst_desktop.persistence.backends.sqlite import SqliteBackend
from dst_desktop.persistence.database import open_backend
from dst_desktop.persistence.schema import ensure_schema

#: Rows read and written per statement.
_BATCH = 5_000


@dataclass(frozen=True)
class DatabaseCopied:
    """What was copied: rows by table, in copy order."""

    source: str
    target: str
    rows: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.rows)


Progress = Callable[[str, int], None]


def copy_database(
    source_url: str, target_url: str, progress: Progress | None = None
) -> DatabaseCopied:
    """Copy the database at ``source_url`` into the empty database at ``target_url``.

    Raises :class:`StorageError` (nothing written) for a target that holds DST Desktop
    data already, is the source itself, or cannot be used.
    """
    from dst_desktop.persistence.models import MODELS

    source_backend = open_backend(source_url)
    target_backend = open_backend(target_url)
    if _same_place(source_backend, target_backend):
        raise StorageError(f"the target {target_backend.description} is the source itself")
    if isinstance(source_backend, SqliteBackend) and not source_backend.path.exists():
        raise StorageError(
            f"the source {source_backend.description} does not exist, so there is nothing "
            f"to copy{_FILLING_HINT}"
        )
    source = source_backend.connect()
    created_file = isinstance(target_backend, SqliteBackend) and not target_backend.path.exists()
    target: Database | None = None
    try:
        ensure_schema(source, source_backend)
        _refuse_empty(source, source_backend, MODELS)
        target = target_backend.connect()
        _refuse_data(target, target_backend, MODELS)
        ensure_schema(target, target_backend)
        rows = _copy_tables(source, source_backend, target, target_backend, MODELS, progress)
    except BaseException:
        if target is not None:
            with suppress(Exception):
                target.close()
        if created_file:
            assert isinstance(target_backend, SqliteBackend)
            for leftover in _sqlite_files(target_backend):
                leftover.unlink(missing_ok=True)
        raise
    finally:
        with suppress(Exception):
            source.close()
    target.close()
    return DatabaseCopied(source_backend.description, target_backend.description, rows)


def _same_place(source: Backend, target: Backend) -> bool:
    if isinstance(source, SqliteBackend) and isinstance(target, SqliteBackend):
        return source.path.resolve() == target.path.resolve()
    return source.kind == target.kind and source.description == target.description


def _sqlite_files(backend: SqliteBackend) -> list[Any]:
    path = backend.path
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _translated(backend: Backend, error: Exception) -> Exception:
    return error if isinstance(error, StorageError) else (backend.translate(error) or error)


#: What a new team does instead of copying nothing into its database.
_FILLING_HINT = (
    "; nothing was written. To fill a new database, copy the demo "
    "(`dst-desktop --demo copy-database TARGET`) or import reference data into it "
    "(`import-reference`)"
)


def _refuse_empty(source: Database, backend: Backend, models: tuple[Any, ...]) -> None:
    """A source without a single row is a mistake (a workstation's file never used): a
    copy would leave the target looking filled when it is not."""
    try:
        if any(model.select().bind(source).limit(1).exists() for model in models):
            return
    except Exception as error:
        raise _translated(backend, error) from error
    raise StorageError(f"the source {backend.description} holds no data{_FILLING_HINT}")


def _refuse_data(target: Database, backend: Backend, models: tuple[Any, ...]) -> None:
    """A target that already holds DST Desktop rows is never written to."""
    try:
        version = backend.schema_version(target)
        if version == 0:
            return  # empty, or not a DST Desktop database (ensure_schema says which)
        tables = set(target.get_tables())
        for model in models:
            name = model._meta.table_name
            if name in tables and model.select().bind(target).limit(1).exists():
                raise StorageError(
                    f"the target {backend.description} already holds DST Desktop data "
                    f"(table {name} is not empty); copy into a new, empty database"
                )
    except StorageError:
        raise
    except Exception as error:
        raise _translated(backend, error) from error


def _portable(value: object) -> object:
    """A value both drivers store alike: dates and timestamps as the store writes them."""
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _copy_tables(
    source: Database,
    source_backend: Backend,
    target: Database,
    target_backend: Backend,
    models: tuple[Any, ...],
    progress: Progress | None,
) -> tuple[tuple[str, int], ...]:
    """Every table in batches: plain statements, many rows per round trip."""
    copied: list[tuple[str, int]] = []
    failing: Backend = source_backend
    name = ""
    try:
        with (
            source_backend.transaction(source, write=False),
            target_backend.transaction(target, write=True),
        ):
            target_backend.before_bulk_copy(target)
            for model in models:
                name = model._meta.table_name
                fields = model._meta.sorted_fields
                columns = ", ".join(f'"{field.column_name}"' for field in fields)
                key = model._meta.primary_key
                keys = key.field_names if hasattr(key, "field_names") else [key.name]
                order = ", ".join(f'"{model._meta.fields[k].column_name}"' for k in keys)
                select = source_backend.sql(
                    f'SELECT {columns} FROM "{name}" ORDER BY {order} LIMIT ? OFFSET ?'
                )
                names = [field.column_name for field in fields]
                count = 0
                while True:
                    failing = source_backend
                    batch = source.execute_sql(select, (_BATCH, count)).fetchall()  # type: ignore[no-untyped-call]
                    if not batch:
                        break
                    rows = [
                        tuple(
                            _portable(field.python_value(value))
                            for field, value in zip(fields, row, strict=True)
                        )
                        for row in batch
                    ]
                    failing = target_backend
                    target_backend.insert_rows(target, name, names, rows)
                    count += len(rows)
                    if progress is not None:
                        progress(name, count)
                failing = target_backend
                stored = target.execute_sql(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # type: ignore[no-untyped-call]
                if stored != count:
                    raise StorageError(
                        f"the copy of {name} holds {stored} rows instead of {count}; "
                        "nothing was copied"
                    )
                copied.append((name, count))
            target_backend.after_bulk_copy(target)
    except StorageError:
        raise
    except Exception as error:
        translated = _translated(failing, error)
        if name and type(translated) is StorageError:  # a refused value: say where it was
            translated = StorageError(
                f"{translated} (in the table {name} of {source_backend.description}); "
                "nothing was copied"
            )
        raise translated from error
    return tuple(copied)
