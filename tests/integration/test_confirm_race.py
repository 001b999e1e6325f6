"""A confirmation that loses a race to another workstation retries, then answers plainly.

On SQLite ``BEGIN IMMEDIATE`` serialises writers, so the race cannot happen there; on a
server database two transactions can both see a setup free. The store then raises
AllocationConflictError when the unique index refuses the second allocation: these tests
play that store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dst_desktop.domain.errors import AllocationConflictError
from dst_desktop.domain.model import Session
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump


class _LosingTransaction:
    def __init__(self, tx: Any, store: RacingStore) -> None:
        self._tx = tx
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)

    def update_session(self, session: Session) -> None:
        if self._store.races_to_lose > 0:
            self._store.races_to_lose -= 1
            raise AllocationConflictError(
                "UNIQUE constraint failed: session.setup_id, session.date"
            )
        self._tx.update_session(session)


class RacingStore:
    """A real store whose next confirmations are refused as if another one came first."""

    def __init__(self, store: PeeweeStore, races_to_lose: int) -> None:
        self._store = store
        self.races_to_lose = races_to_lose
        self.description = store.description

    def reading(self) -> Any:
        return self._store.reading()

    @contextmanager
    def writing(self) -> Iterator[Any]:
        with self._store.writing() as tx:
            yield _LosingTransaction(tx, self)

    def close(self) -> None:
        self._store.close()


def pending(workflows: Workflows) -> str:
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)
    return created.session.id


def test_a_lost_race_is_retried_and_the_booking_confirmed(workflows: Workflows) -> None:
    session_id = pending(workflows)
    store = RacingStore(workflows.store, races_to_lose=2)  # type: ignore[arg-type]
    booking = BookingWorkflow(store, BusinessDateClock(TODAY), "racer")  # type: ignore[arg-type]

    result = booking.confirm_session_booking(session_id).to_dict()

    assert result["success"] is True
    assert result["allocatedSetupId"] == "setup_occitanie_1"
    assert store.races_to_lose == 0


def test_a_race_lost_three_times_is_no_setup_available_and_changes_nothing(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows)
    before = database_dump(database_url)
    store = RacingStore(workflows.store, races_to_lose=3)  # type: ignore[arg-type]
    booking = BookingWorkflow(store, BusinessDateClock(TODAY), "racer")  # type: ignore[arg-type]

    result = booking.confirm_session_booking(session_id).to_dict()

    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["sessionId"] == session_id
    assert result["message"] == "No setups available on 2025-03-10 in occitanie"
    assert database_dump(database_url) == before
