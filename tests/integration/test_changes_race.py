"""Rescheduling and reallocation lose races like a confirmation, and handle them the same
way: the database refuses the second allocation, the call retries, then answers plainly.

Just before the allocation is written, a rival request is confirmed on the very setup or
operator about to be taken: on PostgreSQL by a second connection that commits in between,
on SQLite (where ``BEGIN IMMEDIATE`` lets no other writer in) inside the same transaction,
so that the index refuses the same way and the rollback undoes both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from dst_desktop.domain.model import Session
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.booking_changes import BookingChanges
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump

Rival = Callable[[Any, Session], None]


class _Raced:
    """A transaction where ``rival`` runs just before the allocation named is written."""

    def __init__(self, tx: Any, method: str, rival: Rival) -> None:
        self._tx = tx
        self._method = method
        self._rival = rival

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._tx, name)
        if name != self._method:
            return found

        def raced(session: Session) -> None:
            if session.holds_resources:
                self._rival(self._tx, session)
            found(session)

        return raced


class RacedStore:
    def __init__(self, store: PeeweeStore, method: str, rival: Rival) -> None:
        self._store = store
        self._method = method
        self._rival = rival
        self.description = store.description

    def reading(self) -> Any:
        return self._store.reading()

    def access(self) -> Any:
        return self._store.access()

    @contextmanager
    def writing(self) -> Iterator[Any]:
        with self._store.writing() as tx:
            yield _Raced(tx, self._method, self._rival)

    def close(self) -> None:
        self._store.close()


@pytest.fixture
def other_workstation(database_url: str) -> Iterator[PeeweeStore | None]:
    if not database_url.startswith("postgresql"):
        yield None
        return
    other = PeeweeStore.open(database_url)
    yield other
    other.close()


def pending(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def rivals_taking(
    other: PeeweeStore | None, rivals: list[str], take: Callable[[Session, Session], Session]
) -> tuple[Rival, list[str]]:
    """Before each allocation, the next rival is confirmed as ``take(rival, allocation)``."""
    winners: list[str] = []

    def rival(tx: Any, allocation: Session) -> None:
        if not rivals:
            return
        rival_id = rivals.pop(0)
        target = other.writing() if other is not None else _same(tx)
        with target as writer:
            taken = writer.session(rival_id)
            assert taken is not None
            writer.update_session(take(taken, allocation))
        winners.append(rival_id)

    return rival, winners


@contextmanager
def _same(tx: Any) -> Iterator[Any]:
    yield tx


def _confirmed(rival: Session, setup_id: str | None, operator_id: str | None) -> Session:
    return dataclasses.replace(
        rival,
        status=SessionStatus.CONFIRMED,
        setup_id=setup_id,
        operator_id=operator_id,
        confirmed_at=dt.datetime(2025, 2, 20, 9, 30),
    )


def changes_on(store: RacedStore) -> BookingChanges:
    return BookingChanges(store, BusinessDateClock(TODAY), "racer")  # type: ignore[arg-type]


def test_a_reschedule_that_loses_a_race_retries_and_succeeds(
    workflows: Workflows, database_url: str, other_workstation: PeeweeStore | None
) -> None:
    session_id = pending(workflows)
    assert workflows.booking.confirm_session_booking(session_id).success
    rival_id = pending(workflows, date="2025-03-12")
    rival, winners = rivals_taking(
        other_workstation,
        [rival_id],
        lambda taken, copy: _confirmed(taken, copy.setup_id, copy.operator_id),
    )
    changes = changes_on(RacedStore(workflows.store, "add_session", rival))  # type: ignore[arg-type]

    result = changes.reschedule_session(session_id, "2025-03-12").to_dict()

    assert winners == [rival_id]
    assert result["success"] is True, result
    expected = "setup_occitanie_2" if other_workstation is not None else "setup_occitanie_1"
    assert result["allocatedSetupId"] == expected


def test_a_reschedule_that_loses_three_races_changes_nothing_of_the_session(
    workflows: Workflows, database_url: str, other_workstation: PeeweeStore | None
) -> None:
    session_id = pending(workflows)
    assert workflows.booking.confirm_session_booking(session_id).success
    rivals = [pending(workflows, date="2025-03-12") for _ in range(3)]
    rival, winners = rivals_taking(
        other_workstation,
        list(rivals),
        lambda taken, copy: _confirmed(taken, copy.setup_id, copy.operator_id),
    )
    before = database_dump(database_url)
    changes = changes_on(RacedStore(workflows.store, "add_session", rival))  # type: ignore[arg-type]

    result = changes.reschedule_session(session_id, "2025-03-12").to_dict()

    assert winners == rivals
    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["message"] == "No setups available on 2025-03-12 in occitanie"
    assert result["availableAlternatives"]
    after = database_dump(database_url)
    mine = [row for row in after["session"] if row[0] == session_id]
    assert mine == [row for row in before["session"] if row[0] == session_id]
    assert workflows.booking.get_booking_status(session_id).to_dict()["session"]["status"] == (  # type: ignore[index]
        "confirmed"
    )
    if other_workstation is None:
        assert after == before


def test_a_reallocation_that_loses_a_race_takes_the_next_free_operator(
    workflows: Workflows, database_url: str, other_workstation: PeeweeStore | None
) -> None:
    session_id = pending(workflows)
    assert workflows.booking.confirm_session_booking(session_id).success  # setup 1, op 1
    workflows.reference.import_reference(
        {"operators": [{"id": "op_occitanie_1", "unavailableDates": ["2025-03-10"]}]}
    )
    rival_id = pending(workflows)
    rival, winners = rivals_taking(
        other_workstation,
        [rival_id],
        # The rival takes another setup and the very operator about to be given.
        lambda taken, moved: _confirmed(taken, "setup_occitanie_5", moved.operator_id),
    )
    changes = changes_on(RacedStore(workflows.store, "update_session", rival))  # type: ignore[arg-type]

    result = changes.reallocate_session(session_id).to_dict()

    assert winners == [rival_id]
    assert result["success"] is True, result
    expected = "op_occitanie_3" if other_workstation is not None else "op_occitanie_2"
    assert result["allocatedOperatorId"] == expected
    assert result["allocatedSetupId"] == "setup_occitanie_1"
    assert workflows.booking_changes.get_resource_conflicts().conflicts == ()
