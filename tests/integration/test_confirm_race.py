"""A confirmation that loses a race to another workstation retries, then answers plainly.

The refusal is the database's own: just before the confirmation writes its allocation,
another confirmation takes the same setup and operator, and the partial unique index
refuses the second one.

* On PostgreSQL the other workstation is a second connection that commits in between —
  nothing serialises the two but the index.
* On SQLite ``BEGIN IMMEDIATE`` lets no other writer in, so the competing allocation is
  written inside the confirmation's own transaction; the index refuses the same way and
  the rollback undoes both.
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
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump, query_rows


class _RacedTransaction:
    def __init__(self, tx: Any, before_update: Callable[[Any, Session], None]) -> None:
        self._tx = tx
        self._before_update = before_update

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)

    def update_session(self, session: Session) -> None:
        self._before_update(self._tx, session)
        self._tx.update_session(session)


class RacedStore:
    """A real store where, just before each allocation is written, ``rival`` runs."""

    def __init__(self, store: PeeweeStore, rival: Callable[[Any, Session], None]) -> None:
        self._store = store
        self._rival = rival
        self.description = store.description

    def reading(self) -> Any:
        return self._store.reading()

    def access(self) -> Any:
        return self._store.access()

    @contextmanager
    def writing(self) -> Iterator[Any]:
        with self._store.writing() as tx:
            yield _RacedTransaction(tx, self._rival)

    def close(self) -> None:
        self._store.close()


def pending(workflows: Workflows, region: str = "occitanie") -> str:
    created = workflows.booking.create_session_booking(booking_request(regionId=region))
    assert isinstance(created, BookingCreated), created
    return created.session.id


Rival = Callable[[Any, Session], None]


@pytest.fixture
def other_workstation(database_url: str) -> Iterator[PeeweeStore | None]:
    """A second connection to the database, where the backend lets two writers meet."""
    if not database_url.startswith("postgresql"):
        yield None
        return
    other = PeeweeStore.open(database_url)
    yield other
    other.close()


def rival_taking_the_same_resources(
    other: PeeweeStore | None, rivals: list[str]
) -> tuple[Rival, list[str]]:
    """Before each allocation, the next rival request is confirmed on the very setup and
    operator about to be allocated — by another connection where the backend allows it."""
    winners: list[str] = []

    def rival(tx: Any, session: Session) -> None:
        if not rivals:
            return
        rival_id = rivals.pop(0)
        if other is not None:
            with other.writing() as other_tx:
                taken = other_tx.session(rival_id)
                assert taken is not None
                other_tx.update_session(_holding(taken, session))
        else:
            taken = tx.session(rival_id)
            assert taken is not None
            tx.update_session(_holding(taken, session))
        winners.append(rival_id)

    return rival, winners


def _holding(rival: Session, like: Session) -> Session:
    return dataclasses.replace(
        rival,
        status=SessionStatus.CONFIRMED,
        setup_id=like.setup_id,
        operator_id=like.operator_id,
        confirmed_at=dt.datetime(2025, 2, 20, 9, 30),
    )


def test_a_race_refused_by_the_database_is_retried_and_the_booking_confirmed(
    workflows: Workflows, database_url: str, other_workstation: PeeweeStore | None
) -> None:
    session_id = pending(workflows)
    rival_id = pending(workflows)
    rival, winners = rival_taking_the_same_resources(other_workstation, [rival_id])
    booking = BookingWorkflow(
        RacedStore(workflows.store, rival),  # type: ignore[arg-type]
        BusinessDateClock(TODAY),
        "racer",
    )

    result = booking.confirm_session_booking(session_id).to_dict()

    assert winners == [rival_id]  # the database refused the first attempt for real
    assert result["success"] is True
    held = dict(
        query_rows(database_url, "SELECT id, setup_id FROM session WHERE setup_id IS NOT NULL")
    )
    if database_url.startswith("postgresql"):
        # The rival kept setup 1; the retry took the next free one.
        assert held == {rival_id: "setup_occitanie_1", session_id: "setup_occitanie_2"}
        assert result["allocatedSetupId"] == "setup_occitanie_2"
    else:
        # The rival's write was undone with the refused attempt; the retry took setup 1.
        assert held == {session_id: "setup_occitanie_1"}


def test_a_race_lost_three_times_is_no_setup_available_and_changes_nothing_of_the_booking(
    workflows: Workflows, database_url: str, other_workstation: PeeweeStore | None
) -> None:
    session_id = pending(workflows)
    rivals = [pending(workflows) for _ in range(3)]
    rival, winners = rival_taking_the_same_resources(other_workstation, list(rivals))
    before = database_dump(database_url)
    booking = BookingWorkflow(
        RacedStore(workflows.store, rival),  # type: ignore[arg-type]
        BusinessDateClock(TODAY),
        "racer",
    )

    result = booking.confirm_session_booking(session_id).to_dict()

    assert winners == rivals
    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["sessionId"] == session_id
    assert result["message"] == "No setups available on 2025-03-10 in occitanie"
    assert result["availableAlternatives"]
    after = database_dump(database_url)
    if database_url.startswith("postgresql"):
        # The three rivals won for real; the booking that lost is untouched, unaudited.
        mine = [row for row in after["session"] if row[0] == session_id]
        assert mine == [row for row in before["session"] if row[0] == session_id]
        assert [row for row in after["audit_entry"] if row[4] == session_id] == [
            row for row in before["audit_entry"] if row[4] == session_id
        ]
    else:
        assert after == before


def test_a_race_lost_for_good_offers_the_regions_own_next_days(
    workflows: Workflows, other_workstation: PeeweeStore | None
) -> None:
    """Bretagne's next two days are full (Occitanie's are not): the alternatives of a
    confirmation that lost its races are Bretagne's."""
    for day in ("2025-03-11", "2025-03-12"):  # one session each: maintenance, leave
        created = workflows.booking.create_session_booking(
            booking_request(regionId="bretagne", date=day)
        )
        assert isinstance(created, BookingCreated)
        assert workflows.booking.confirm_session_booking(created.session.id).success
    session_id = pending(workflows, "bretagne")
    rivals = [pending(workflows, "bretagne") for _ in range(3)]
    rival, _ = rival_taking_the_same_resources(other_workstation, list(rivals))
    booking = BookingWorkflow(
        RacedStore(workflows.store, rival),  # type: ignore[arg-type]
        BusinessDateClock(TODAY),
        "racer",
    )

    result = booking.confirm_session_booking(session_id).to_dict()

    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["sessionId"] == session_id
    assert result["availableAlternatives"] == [
        "2025-03-13",
        "2025-03-14",
        "2025-03-15",
        "2025-03-16",
        "2025-03-17",
    ]


def test_a_booking_cancelled_while_its_confirmation_lost_its_races_is_named_in_the_answer(
    workflows: Workflows, other_workstation: PeeweeStore | None
) -> None:
    """The third race lost, then a colleague cancels the request before the answer is
    read: the answer says that booking is gone, by its id."""
    session_id = pending(workflows)
    rivals = [pending(workflows) for _ in range(3)]
    rival, winners = rival_taking_the_same_resources(other_workstation, list(rivals))

    class CancelledMeanwhile(RacedStore):
        def reading(self) -> Any:
            if len(winners) == 3 and workflows.booking.get_booking_status(session_id).success:
                assert workflows.booking.cancel_pending_booking(session_id).success
            return super().reading()

    booking = BookingWorkflow(
        CancelledMeanwhile(workflows.store, rival),  # type: ignore[arg-type]
        BusinessDateClock(TODAY),
        "racer",
    )

    result = booking.confirm_session_booking(session_id).to_dict()

    assert winners == rivals
    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": f"Session {session_id} not found",
        "sessionId": session_id,
    }
