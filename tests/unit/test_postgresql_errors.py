"""What the PostgreSQL backend makes of the driver's errors (SPEC 8): a refused double
allocation is the lost race the confirmation retries; every other refusal is a plain
message of the domain's own kind — whether the error comes bare, wrapped by Peewee, or
chained behind another exception."""

from __future__ import annotations

from types import SimpleNamespace

import peewee
import psycopg
import pytest
from psycopg import errors

from dst_desktop.domain.errors import (
    AllocationConflictError,
    ConflictingDataError,
    ConnectionFailedError,
    DiskFullError,
    LoginRefusedError,
    PermissionDeniedError,
    ServerSilentError,
    StorageError,
    WriteConflictError,
)
from dst_desktop.persistence.backends.postgresql import PostgresBackend, driver_error

BACKEND = PostgresBackend("postgresql://clerk@db.office/dst")


def refused_by(constraint: str) -> errors.UniqueViolation:
    """The server's unique violation, naming the constraint (index) that refused."""

    class Refused(errors.UniqueViolation):
        @property
        def diag(self) -> SimpleNamespace:  # type: ignore[override]
            return SimpleNamespace(constraint_name=constraint)

    return Refused(
        f'duplicate key value violates unique constraint "{constraint}"\n'
        "DETAIL:  Key (setup_id, date)=(s1, 2025-03-10) already exists."
    )


def wrapped(cause: BaseException, how: str) -> BaseException:
    """``cause`` as the store meets it: bare, in a Peewee exception, or chained."""
    if how == "bare":
        return cause
    if how == "peewee":
        return through_peewee(cause)
    try:
        try:
            raise cause
        except psycopg.Error as inner:
            raise RuntimeError("while committing") from inner
    except RuntimeError as outer:
        return outer


def through_peewee(cause: BaseException) -> BaseException:
    """``cause`` as Peewee re-raises a driver's error (in its own class where it has one)."""
    try:
        with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
            raise cause
    except Exception as raised:
        return raised
    raise AssertionError("not raised")


HOW = ["bare", "peewee", "chained"]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize(
    "index", ["session_setup_held_once_per_day", "session_operator_held_once_per_day"]
)
def test_a_refused_allocation_is_a_lost_race(index: str, how: str) -> None:
    translated = BACKEND.translate(wrapped(refused_by(index), how))

    assert isinstance(translated, AllocationConflictError)
    assert str(translated) == f"{index} refused the allocation"


@pytest.mark.parametrize("how", HOW)
def test_another_duplicate_is_conflicting_data_with_the_servers_first_line(how: str) -> None:
    translated = BACKEND.translate(wrapped(refused_by("session_pkey"), how))

    assert type(translated) is ConflictingDataError
    assert str(translated) == (
        "The database clerk@db.office/dst refused the change: duplicate key value "
        'violates unique constraint "session_pkey"'
    )


def test_a_missing_reference_is_conflicting_data() -> None:
    cause = errors.ForeignKeyViolation('insert violates foreign key constraint "x"\nDETAIL: …')

    translated = BACKEND.translate(cause)

    assert type(translated) is ConflictingDataError
    assert str(translated).endswith(
        'refused the change: insert violates foreign key constraint "x"'
    )


@pytest.mark.parametrize("cause", [errors.SerializationFailure, errors.DeadlockDetected])
def test_a_serialization_failure_or_a_deadlock_is_a_write_conflict(cause: type) -> None:
    translated = BACKEND.translate(through_peewee(cause("could not serialize access")))

    assert isinstance(translated, WriteConflictError)
    assert str(translated) == (
        "Another workstation changed the same bookings at the same moment; nothing was "
        "changed. Try again."
    )


@pytest.mark.parametrize("cause", [errors.LockNotAvailable, errors.QueryCanceled])
def test_a_lock_held_too_long_is_busy(cause: type) -> None:
    translated = BACKEND.translate(cause("canceling statement due to lock timeout"))

    assert type(translated) is StorageError
    assert str(translated) == (
        "The database clerk@db.office/dst is busy: another workstation has held the same "
        "data for too long. Try again in a moment."
    )


def test_a_missing_right_names_the_login() -> None:
    translated = BACKEND.translate(errors.InsufficientPrivilege("permission denied for session"))

    assert isinstance(translated, PermissionDeniedError)
    assert str(translated) == (
        "The database clerk@db.office/dst refused: permission denied for session "
        "(the login clerk lacks that right)"
    )


def test_a_full_server_disk_is_said_plainly() -> None:
    translated = BACKEND.translate(errors.DiskFull("could not extend file"))

    assert type(translated) is DiskFullError
    assert str(translated) == (
        "The database server db.office:5432 has no disk space (or memory) left; nothing was "
        "changed. Tell the administrator."
    )


@pytest.mark.parametrize(
    "cause",
    [
        errors.AdminShutdown("terminating connection due to administrator command"),
        errors.InvalidPassword("password authentication failed"),
        errors.InvalidCatalogName('database "dst" does not exist'),
        errors.TooManyConnections("too many clients"),
        psycopg.OperationalError("connection refused"),
    ],
)
def test_a_server_away_or_refusing_the_login_is_a_connection_failure(cause: Exception) -> None:
    assert isinstance(BACKEND.translate(cause), ConnectionFailedError)


def test_a_refused_value_is_said_plainly() -> None:
    translated = BACKEND.translate(errors.NumericValueOutOfRange("integer out of range"))

    assert type(translated) is StorageError
    assert str(translated).endswith("refused a value: integer out of range")


def test_any_other_error_of_the_server_is_said_with_its_first_line() -> None:
    translated = BACKEND.translate(errors.UndefinedTable('relation "x" does not exist\nLINE 1'))

    assert type(translated) is StorageError
    assert str(translated) == (
        'The database clerk@db.office/dst cannot be used: relation "x" does not exist'
    )


def test_a_chain_of_errors_that_loops_ends_the_search() -> None:
    first, second = RuntimeError("first"), RuntimeError("second")
    first.__context__, second.__context__ = second, first

    assert driver_error(first) is None


def test_an_error_that_is_not_the_databases_is_left_alone() -> None:
    assert BACKEND.translate(ValueError("not a database error")) is None
    assert driver_error(ValueError("no driver error behind it")) is None


@pytest.mark.parametrize(
    ("cause", "refused"),
    [
        (errors.InvalidPassword("password authentication failed for user"), True),
        (errors.InvalidCatalogName('FATAL:  database "dst" does not exist'), True),
        (psycopg.OperationalError("fe_sendauth: no password supplied"), True),
        (psycopg.OperationalError('no pg_hba.conf entry for host "10.0.0.7"'), True),
        (errors.AdminShutdown("terminating connection due to administrator command"), False),
        (errors.TooManyConnections("sorry, too many clients already"), False),
        (psycopg.OperationalError("connection refused"), False),
        (psycopg.OperationalError("timeout expired"), False),
    ],
)
def test_a_refused_login_is_told_apart_from_a_server_away(cause: Exception, refused: bool) -> None:
    """The window falls back to its offline copy for an outage only (SPEC 11)."""
    from dst_desktop.services.offline import server_unreachable

    translated = BACKEND.translate(cause)
    assert isinstance(translated, ConnectionFailedError)
    assert isinstance(translated, LoginRefusedError) is refused
    assert server_unreachable(translated) is not refused


@pytest.mark.parametrize(
    ("cause", "silent"),
    [
        (
            psycopg.OperationalError(
                "consuming input failed: could not receive data from server: Connection timed out"
            ),
            True,
        ),
        (psycopg.OperationalError("connection failed: timeout expired"), True),
        (psycopg.OperationalError("server closed the connection unexpectedly"), False),
        (psycopg.OperationalError("connection refused"), False),
    ],
)
def test_a_server_gone_silent_is_told_apart_from_one_that_closed(
    cause: Exception, silent: bool
) -> None:
    translated = BACKEND.translate(cause)
    assert isinstance(translated, ConnectionFailedError)
    assert isinstance(translated, ServerSilentError) is silent
