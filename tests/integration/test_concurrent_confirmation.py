"""Several workstations confirm at the same instant on one database, on both backends.

Sixteen processes each hold a pending request for the same day, which has two free
slots; they confirm at once, behind a barrier. Exactly two win, the others answer
``NO_SETUP_AVAILABLE``, and the database holds each setup and operator once. On
PostgreSQL nothing serialises the confirmations but the partial unique indexes: the
losers of a race are refused by the database and retried by the workflow.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import Counter
from typing import Any

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, query_rows, sample_reference

WORKSTATIONS = 16
#: Rounds of the race; DST_RACE_ROUNDS=20 repeats it as the acceptance check does.
ROUNDS = int(os.environ.get("DST_RACE_ROUNDS", "3"))


def workstation(url: str, rounds: list[str], barrier: Any, results: Any) -> None:
    """One workstation: open the database once, then per round wait for the others and
    confirm its request of that round."""
    store = PeeweeStore.open(url)
    workflows = Workflows.create(
        store, BusinessDateClock(TODAY), f"pid-{multiprocessing.current_process().pid}"
    )
    for session_id in rounds:
        barrier.wait(timeout=120)
        try:
            result = workflows.booking.confirm_session_booking(session_id).to_dict()
        except Exception as error:  # a traceback is a failure the test reports
            results.put((session_id, None, f"raised {type(error).__name__}: {error}", None))
            continue
        results.put(
            (session_id, result.get("success"), result.get("error"), result.get("allocatedSetupId"))
        )
    store.close()


@pytest.mark.slow
def test_simultaneous_confirmations_never_double_book(database_url: str) -> None:
    store = PeeweeStore.open(database_url)
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "office")
    workflows.reference.import_reference(sample_reference())
    # Bretagne: two setups, two operators; each round is a new day with sixteen requests.
    days = [dt.date(2025, 3, 3) + dt.timedelta(days=7 * n) for n in range(ROUNDS)]
    assert not {"2025-03-11", "2025-03-12"} & {day.isoformat() for day in days}  # leave days
    by_round: list[list[str]] = []
    for day in days:
        ids = []
        for _ in range(WORKSTATIONS):
            created = workflows.booking.create_session_booking(
                booking_request(regionId="bretagne", date=day.isoformat())
            )
            assert isinstance(created, BookingCreated), created
            ids.append(created.session.id)
        by_round.append(ids)
    store.close()

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKSTATIONS)
    results = context.Queue()
    processes = [
        context.Process(
            target=workstation,
            args=(database_url, [ids[n] for ids in by_round], barrier, results),
        )
        for n in range(WORKSTATIONS)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=300) for _ in range(WORKSTATIONS * ROUNDS)]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    round_of = {session_id: n for n, ids in enumerate(by_round) for session_id in ids}
    for n, day in enumerate(days):
        answers = [outcome for outcome in outcomes if round_of[outcome[0]] == n]
        winners = [answer for answer in answers if answer[1]]
        losers = [answer for answer in answers if not answer[1]]
        assert sorted(answer[3] for answer in winners) == [
            "setup_bretagne_1",
            "setup_bretagne_2",
        ], answers
        assert {answer[2] for answer in losers} == {"NO_SETUP_AVAILABLE"}, answers
        held = query_rows(
            database_url,
            "SELECT setup_id, operator_id FROM session"
            f" WHERE status = 'confirmed' AND date = '{day.isoformat()}'",
        )
        assert len(held) == 2
        assert max(Counter(setup for setup, _ in held).values()) == 1
        assert max(Counter(operator for _, operator in held).values()) == 1
    pending = query_rows(
        database_url, "SELECT COUNT(*) FROM session WHERE status = 'pending_confirmation'"
    )
    assert pending == [((WORKSTATIONS - 2) * ROUNDS,)]
