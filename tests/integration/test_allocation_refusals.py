"""The database's own refusals reach the services as the domain's errors, on both
backends: a second allocation of a setup, or of an operator, on a date is an
:class:`AllocationConflictError` (the confirmation retries it); any other refused write
(a duplicate id) is a :class:`ConflictingDataError` and never taken for a lost race.

The writes go through the store, as a workstation that lost a race would send them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from dst_desktop.domain.errors import AllocationConflictError, ConflictingDataError
from dst_desktop.domain.model import Session
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.persistence.backends.sqlite import is_allocation_conflict
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import booking_request, database_dump


def pending(workflows: Workflows) -> Session:
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated), created
    return created.session


def holding(session: Session, setup_id: str, operator_id: str) -> Session:
    return dataclasses.replace(
        session,
        status=SessionStatus.CONFIRMED,
        setup_id=setup_id,
        operator_id=operator_id,
        confirmed_at=dt.datetime(2025, 2, 20, 9, 30),
    )


@pytest.mark.parametrize(
    ("setup_id", "operator_id"),
    [
        ("setup_occitanie_1", "op_occitanie_2"),  # the same setup, another operator
        ("setup_occitanie_2", "op_occitanie_1"),  # another setup, the same operator
        ("setup_occitanie_1", "op_occitanie_1"),  # both
    ],
    ids=["setup taken", "operator taken", "both taken"],
)
def test_a_second_allocation_on_a_date_is_an_allocation_conflict(
    workflows: Workflows, database_url: str, setup_id: str, operator_id: str
) -> None:
    first, second = pending(workflows), pending(workflows)
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    with store.writing() as tx:
        tx.update_session(holding(first, "setup_occitanie_1", "op_occitanie_1"))
    before = database_dump(database_url)

    with pytest.raises(AllocationConflictError), store.writing() as tx:
        tx.update_session(holding(second, setup_id, operator_id))

    assert database_dump(database_url) == before


def test_another_refused_write_is_conflicting_data_not_a_lost_race(
    workflows: Workflows, database_url: str
) -> None:
    session = pending(workflows)
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    before = database_dump(database_url)

    with pytest.raises(ConflictingDataError) as refused, store.writing() as tx:
        tx.add_session(dataclasses.replace(session, notes="a second row with the same id"))

    assert not isinstance(refused.value, AllocationConflictError)
    assert "refused the change" in str(refused.value)
    assert database_dump(database_url) == before


def sqlite_refusal(schema: str, insert: str) -> sqlite3.IntegrityError:
    """SQLite's own words when ``insert`` breaks ``schema`` (an in-memory database)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(schema)
        with pytest.raises(sqlite3.IntegrityError) as refused:
            connection.executescript(insert)
        return refused.value
    finally:
        connection.close()


def test_sqlite_names_the_refusing_index_by_its_columns_or_by_its_name() -> None:
    """SQLite reports a unique index on plain columns by its columns, and one on an
    expression by its name: either way of writing the rule is recognised."""
    by_columns = sqlite_refusal(
        "CREATE TABLE session (id TEXT, setup_id TEXT, operator_id TEXT, date TEXT);"
        "CREATE UNIQUE INDEX s ON session (setup_id, date);",
        "INSERT INTO session VALUES ('a', 's1', 'o1', 'd'), ('b', 's1', 'o2', 'd');",
    )
    by_name = sqlite_refusal(
        "CREATE TABLE session (id TEXT, setup_id TEXT, operator_id TEXT, date TEXT);"
        "CREATE UNIQUE INDEX session_operator_held_once_per_day"
        " ON session (lower(operator_id), date);",
        "INSERT INTO session VALUES ('a', 's1', 'o1', 'd'), ('b', 's2', 'o1', 'd');",
    )
    other = sqlite_refusal(
        "CREATE TABLE session (id TEXT PRIMARY KEY, setup_id TEXT, date TEXT);",
        "INSERT INTO session VALUES ('a', 's1', 'd'), ('a', 's2', 'd');",
    )

    assert is_allocation_conflict(by_columns), by_columns
    assert is_allocation_conflict(by_name), by_name
    assert not is_allocation_conflict(other), other
