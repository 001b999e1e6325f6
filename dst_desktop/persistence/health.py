"""``dst-desktop check`` (and ``init``): is this database sound?

Two questions. Are its files intact — SQLite's ``PRAGMA integrity_check`` and foreign-key
check (a PostgreSQL server looks after its own files)? And do the bookings keep the rules
the product depends on, checked by one set of queries on either backend: a resource-
holding session has a setup and an operator, no setup or operator is held twice on one
day (and the unique indexes that guarantee it are in place), a pending request holds
nothing, every session has modules and a known status, and what a session holds exists.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from peewee import Database

from dst_desktop.domain.errors import DamagedDatabaseError, StorageError
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.persistence.backends.base import Backend
from dst_desktop.persistence.backends.sqlite import SqliteBackend
from dst_desktop.persistence.database import open_backend
from dst_desktop.persistence.models import HOLDING_SQL
from dst_desktop.persistence.schema import SCHEMA_VERSION

#: Problems of one kind listed at most.
_SHOWN = 20
_STATUSES = ", ".join(f"'{status.value}'" for status in SessionStatus)
_PENDING = SessionStatus.PENDING_CONFIRMATION.value
_HELD_ONCE_PER_DAY = ("session_setup_held_once_per_day", "session_operator_held_once_per_day")

#: (query, what each row it returns means): every query returns the rows that break a rule.
_RULES: tuple[tuple[str, Callable[[tuple[Any, ...]], str]], ...] = (
    (
        f"SELECT id FROM session WHERE status IN ({HOLDING_SQL})"
        " AND (setup_id IS NULL OR operator_id IS NULL)",
        lambda row: f"session {row[0]} holds resources but has no setup or no operator",
    ),
    (
        f"SELECT setup_id, date, COUNT(*) FROM session WHERE status IN ({HOLDING_SQL})"
        " AND setup_id IS NOT NULL GROUP BY setup_id, date HAVING COUNT(*) > 1",
        lambda row: f"setup {row[0]} is held {row[2]} times on {row[1]}",
    ),
    (
        f"SELECT operator_id, date, COUNT(*) FROM session WHERE status IN ({HOLDING_SQL})"
        " AND operator_id IS NOT NULL GROUP BY operator_id, date HAVING COUNT(*) > 1",
        lambda row: f"operator {row[0]} is held {row[2]} times on {row[1]}",
    ),
    (
        f"SELECT id FROM session WHERE status = '{_PENDING}'"
        " AND (setup_id IS NOT NULL OR operator_id IS NOT NULL)",
        lambda row: f"pending request {row[0]} holds a setup or an operator",
    ),
    (
        f"SELECT s.id FROM session s WHERE s.status IN ({HOLDING_SQL}) AND ("
        " NOT EXISTS (SELECT 1 FROM setup WHERE setup.id = s.setup_id)"
        " OR NOT EXISTS (SELECT 1 FROM operator WHERE operator.id = s.operator_id))",
        lambda row: f"session {row[0]} holds a setup or an operator that does not exist",
    ),
    (
        "SELECT s.id FROM session s WHERE NOT EXISTS"
        " (SELECT 1 FROM session_module m WHERE m.session_id = s.id)",
        lambda row: f"session {row[0]} has no module",
    ),
    (
        f"SELECT id, status FROM session WHERE status NOT IN ({_STATUSES})",
        lambda row: f"session {row[0]} has the unknown status {row[1]!r}",
    ),
)


@dataclass(frozen=True)
class DatabaseHealth:
    """What a check found; sound when ``problems`` is empty."""

    description: str
    kind: str
    sessions: int
    #: The engine's own check of its files (SQLite), then the booking rules.
    problems: tuple[str, ...]
    #: Why the database cannot be written ("" when it can, or when not asked).
    write_problem: str = ""

    @property
    def sound(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        return {
            "database": self.description,
            "kind": self.kind,
            "sound": self.sound,
            "sessions": self.sessions,
            "problems": list(self.problems),
            "writable": not self.write_problem,
            "writeProblem": self.write_problem or None,
        }


def check_database(url: str, *, try_writing: bool = False) -> DatabaseHealth:
    """Check the database at ``url`` (its schema is neither created nor upgraded).

    Raises :class:`StorageError` when it cannot be opened at all; a damaged file that
    opens is reported through ``problems``.
    """
    backend = open_backend(url)
    if isinstance(backend, SqliteBackend) and not backend.path.is_file():
        raise StorageError(f"there is no database at {backend.path}")
    db = backend.connect()
    try:
        problems: list[str] = []
        sessions = 0
        try:
            version = backend.schema_version(db)
        except Exception as error:
            raise _translated(backend, error) from error
        if version == 0:
            raise StorageError(f"{backend.description} has no DST Desktop schema yet")
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"{backend.description} was written by a newer DST Desktop (schema version "
                f"{version}); check it with that version"
            )
        try:
            problems.extend(backend.integrity_problems(db))
        except Exception as error:
            problems.append(_damage_text(backend, error))
        try:
            with backend.transaction(db, write=False):
                sessions = int(db.execute_sql("SELECT COUNT(*) FROM session").fetchone()[0])  # type: ignore[no-untyped-call]
                problems.extend(_broken_rules(db, backend))
        except Exception as error:
            problems.append(_damage_text(backend, error))
        write_problem = backend.write_problem(db) if try_writing and not problems else ""
        return DatabaseHealth(
            backend.description, backend.kind, sessions, tuple(problems), write_problem
        )
    finally:
        with suppress(Exception):
            db.close()


def _broken_rules(db: Database, backend: Backend) -> list[str]:
    found: list[str] = []
    for query, meaning in _RULES:
        rows = db.execute_sql(backend.sql(f"{query} LIMIT {_SHOWN}")).fetchall()  # type: ignore[no-untyped-call]
        found.extend(meaning(tuple(row)) for row in rows)
    indexes = {index.name for index in db.get_indexes("session")}
    found.extend(
        f"the index {name} that refuses a double allocation is missing"
        for name in _HELD_ONCE_PER_DAY
        if name not in indexes
    )
    return found


def _translated(backend: Backend, error: Exception) -> Exception:
    if isinstance(error, StorageError):
        return error
    return backend.translate(error) or error


def _damage_text(backend: Backend, error: Exception) -> str:
    """A check that could not run through: the reason, as a problem found."""
    found = _translated(backend, error)
    if isinstance(found, DamagedDatabaseError):
        return f"the file cannot be read through: {_cause(error)}"
    if isinstance(found, StorageError):
        raise found from error
    raise error


def _cause(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
