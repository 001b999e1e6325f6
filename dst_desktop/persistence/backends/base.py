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

from dst_desktop.domain.errors import DamagedDatabaseError, StorageError


class Backend(ABC):
    """One kind of database (SQLite file, PostgreSQL server) at one location."""

    #: ``"sqlite"`` or ``"postgresql"``.
    kind: ClassVar[str]
    #: Appended to a SELECT of a row the transaction is about to change, so that two
    #: writers of the same booking take turns (empty where writers are serialised anyway).
    row_lock: ClassVar[str] = ""
    #: Where the data lives, for people: a file path or ``USER@HOST/DBNAME``.
    description: str

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

    def insert_rows(
        self, db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
    ) -> None:
        """Insert many rows at once (copying a database)."""
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" for _ in columns)
        statement = self.sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})')
        db.cursor().executemany(statement, rows)  # type: ignore[no-untyped-call]

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
