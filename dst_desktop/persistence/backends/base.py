"""What differs between the database kinds DST Desktop runs on, and nothing else.

The store writes portable SQL with ``?`` placeholders; a :class:`Backend` opens the
database, starts transactions the way its engine needs, keeps the schema version, and
turns the driver's exceptions into the domain's own errors with plain messages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any, ClassVar

from peewee import Database

from dst_desktop.domain.changes import Change, ChangeSource
from dst_desktop.domain.errors import DamagedDatabaseError, StorageError
from dst_desktop.domain.model import UserAccount
from dst_desktop.domain.permissions import FILE_OWNER, Access, Role


class Backend(ABC):
    """One kind of database (SQLite file, PostgreSQL server) at one location."""

    #: ``"sqlite"`` or ``"postgresql"``.
    kind: ClassVar[str]
    #: Appended to a SELECT of a row the transaction is about to change, so that two
    #: writers of the same booking take turns (empty where writers are serialised anyway).
    row_lock: ClassVar[str] = ""
    #: Where the data lives, for people: a file path or ``USER@HOST/DBNAME``.
    description: str

    @property
    def identity(self) -> str:
        """What tells this database from any other (a password aside): names the
        workstation's offline copy of it."""
        return self.description

    @abstractmethod
    def connect(self) -> Database:
        """A Peewee database; connections open lazily, one per thread."""

    @abstractmethod
    def transaction(self, db: Database, *, write: bool) -> AbstractContextManager[Any]:
        """One unit of work: a consistent read snapshot, or a write transaction."""

    @abstractmethod
    def schema_lock(self, db: Database) -> AbstractContextManager[Any]:
        """A write transaction that two programs creating or upgrading the schema take
        in turn."""

    @abstractmethod
    def schema_version(self, db: Database) -> int:
        """The stored schema version; 0 for a database without a DST Desktop schema."""

    @abstractmethod
    def set_schema_version(self, db: Database, version: int) -> None: ...

    def has_other_tables(self, db: Database) -> bool:
        """Whether the database holds tables although it has no schema version."""
        return bool(db.get_tables())

    def after_create_tables(self, db: Database) -> None:
        """Backend-specific finishing of a new schema (inside the schema transaction)."""
        return

    @abstractmethod
    def protect_audit_log(self, db: Database) -> None:
        """Schema version 5: the audit log keeps every row (and, where the database knows
        who is connected, records the actor itself)."""

    # Who may do what (SPEC 10) -----------------------------------------------------------

    #: Whether people connect with logins of their own (a SQLite file has one user).
    has_logins: ClassVar[bool] = False

    def read_access(self, db: Database) -> Access:
        """Who is connected and what they may do: everything, on a file."""
        return FILE_OWNER

    def set_up_access(self, db: Database) -> None:
        """Create the roles, grants and policies ``init`` sets up (idempotent)."""
        return

    def users(self, db: Database) -> list[UserAccount]:
        raise StorageError(self._no_logins())

    def add_user(self, db: Database, login: str, role: Role, password: str | None) -> None:
        raise StorageError(self._no_logins())

    def set_user_role(self, db: Database, login: str, role: Role) -> None:
        raise StorageError(self._no_logins())

    def remove_user(self, db: Database, login: str) -> None:
        raise StorageError(self._no_logins())

    def login_exists(self, db: Database, login: str) -> bool:
        raise StorageError(self._no_logins())

    def _no_logins(self) -> str:
        return (
            f"{self.description} is a database file: it has no logins, and its owner may do "
            "everything (users are managed on a team's PostgreSQL database)"
        )

    def before_bulk_copy(self, db: Database) -> None:
        """Before rows are copied in as they were (the audit log's actors included)."""
        return

    def insert_rows(
        self, db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
    ) -> None:
        """Insert many rows at once (copying a database)."""
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" for _ in columns)
        statement = self.sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})')
        db.cursor().executemany(statement, rows)  # type: ignore[no-untyped-call]

    def announce(self, db: Database, changes: Sequence[Change], origin: str) -> None:
        """Tell the other workstations what this transaction changed (before it commits).

        Nothing to do where they find out by themselves (a SQLite file's data version)."""
        return

    @abstractmethod
    def change_source(self, ignored_origin: str | None) -> ChangeSource:
        """A source of the changes other programs make (``ignored_origin``: this one's)."""

    def after_bulk_copy(self, db: Database) -> None:
        """After rows were copied with their ids: let new rows continue after them."""
        return

    @abstractmethod
    def translate(self, error: BaseException) -> Exception | None:
        """The domain error for a driver or Peewee error, or None when it is not one."""

    def damaged(self, detail: str) -> StorageError:
        """The error for data that does not read back as stored (``detail`` says which)."""
        return DamagedDatabaseError(
            f"The database {self.description} holds data DST Desktop cannot read ({detail}); "
            "nothing was changed. Ask the administrator to check it and restore a backup."
        )

    def integrity_problems(self, db: Database) -> list[str]:
        """What the engine's own check of its files finds (nothing where it has none)."""
        return []

    def write_problem(self, db: Database) -> str:
        """Why this database cannot be written, tried and rolled back; "" when it can."""
        return ""

    def recover(self, db: Database) -> None:
        """After a failed unit of work: forget a connection that can no longer be used."""
        return

    @property
    def placeholder(self) -> str:
        return "?"

    def sql(self, statement: str) -> str:
        """``statement`` in the driver's parameter style (the store writes ``?``)."""
        return (
            statement if self.placeholder == "?" else _with_placeholder(statement, self.placeholder)
        )

    def statement_counter(self, db: Database) -> AbstractContextManager[list[str]]:
        """Collect the statements sent while the block runs (transaction control aside)."""
        return _counting(db)


@lru_cache(maxsize=512)
def _with_placeholder(statement: str, placeholder: str) -> str:
    if "%" in statement:
        raise ValueError(f"a literal % in SQL would be taken for a parameter: {statement!r}")
    return statement.replace("?", placeholder)


@contextmanager
def _counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []
    hook: Callable[[Any], None] = lambda event: statements.append(event.sql)  # noqa: E731
    hooks: list[Callable[[Any], None]] = db.query_hooks
    hooks.append(hook)
    try:
        yield statements
    finally:
        hooks.remove(hook)


#: Changes one announcement carries at most; more read as "everything".
ANNOUNCED_CHANGES = 50


def encode_changes(changes: Sequence[Change], origin: str) -> str:
    """A compact, personal-data-free JSON payload: origin, then (kind, id, date, region,
    status) per change."""
    import json

    from dst_desktop.domain.changes import summarise

    items = [
        [
            change.kind.value,
            change.session_id,
            change.date.isoformat() if change.date else None,
            change.region_id,
            change.status.value if change.status else None,
        ]
        for change in summarise(list(changes), ANNOUNCED_CHANGES)
    ]
    return json.dumps({"o": origin, "c": items}, separators=(",", ":"))


def decode_changes(payload: str) -> tuple[str, list[Change]]:
    """(origin, changes) of a payload; anything unreadable reads as "everything"."""
    import datetime as dt
    import json

    from dst_desktop.domain.changes import ChangeKind
    from dst_desktop.domain.statuses import SessionStatus

    try:
        data = json.loads(payload)
        changes = [
            Change(
                ChangeKind(kind),
                session_id,
                dt.date.fromisoformat(day) if day else None,
                region_id,
                SessionStatus(status) if status else None,
            )
            for kind, session_id, day, region_id, status in data["c"]
        ]
        return str(data["o"]), changes
    except (ValueError, KeyError, TypeError):
        return "", [Change.everything()]
