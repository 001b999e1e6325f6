"""What the SQLite backend makes of the driver's errors: a refused double allocation is
the lost race the confirmation retries; another refused write is conflicting data; a
database held too long is busy — through Peewee's exceptions or sqlite3's own."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from dst_desktop.domain.errors import AllocationConflictError, ConflictingDataError, StorageError
from dst_desktop.persistence.backends.sqlite import SqliteBackend

BACKEND = SqliteBackend("sqlite:////data/bookings.db")
SETUP_TAKEN = "UNIQUE constraint failed: session.setup_id, session.date"
OPERATOR_TAKEN = "UNIQUE constraint failed: session.operator_id, session.date"


def through_peewee(cause: BaseException) -> BaseException:
    """``cause`` as Peewee re-raises a driver's error."""
    try:
        with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
            raise cause
    except Exception as raised:
        return raised
    raise AssertionError("not raised")


@pytest.mark.parametrize("through", [through_peewee, lambda error: error], ids=["peewee", "bare"])
@pytest.mark.parametrize("message", [SETUP_TAKEN, OPERATOR_TAKEN], ids=["setup", "operator"])
def test_a_refused_allocation_is_a_lost_race(message: str, through: object) -> None:
    translated = BACKEND.translate(through(sqlite3.IntegrityError(message)))  # type: ignore[operator]

    assert isinstance(translated, AllocationConflictError)
    assert str(translated) == message


@pytest.mark.parametrize("through", [through_peewee, lambda error: error], ids=["peewee", "bare"])
@pytest.mark.parametrize(
    "message",
    [
        "UNIQUE constraint failed: session.id",
        "FOREIGN KEY constraint failed",
        "CHECK constraint failed: capacity_max >= 1",
        "UNIQUE constraint failed: session.setup_id",
    ],
)
def test_another_refused_write_is_conflicting_data(message: str, through: object) -> None:
    translated = BACKEND.translate(through(sqlite3.IntegrityError(message)))  # type: ignore[operator]

    assert type(translated) is ConflictingDataError
    assert str(translated) == f"The database {BACKEND.description} refused the change: {message}"


@pytest.mark.parametrize("message", ["database is locked", "database table is busy"])
def test_a_database_held_too_long_is_busy(message: str) -> None:
    translated = BACKEND.translate(through_peewee(sqlite3.OperationalError(message)))

    assert type(translated) is StorageError
    assert str(translated).startswith(f"The database {BACKEND.description} is busy")


def test_an_error_that_is_not_the_databases_is_left_alone() -> None:
    assert BACKEND.translate(ValueError("not a database error")) is None


def test_a_busy_database_says_to_try_again() -> None:
    translated = BACKEND.translate(through_peewee(sqlite3.OperationalError("database is locked")))

    assert str(translated) == (
        f"The database {BACKEND.description} is busy: another workstation has held it for too "
        "long. Try again in a moment."
    )


def test_another_operational_error_is_not_called_busy() -> None:
    translated = BACKEND.translate(through_peewee(sqlite3.OperationalError("no such table: x")))

    assert isinstance(translated, StorageError)
    assert "busy" not in str(translated)
