"""Several workstations confirm at the same instant on one SQLite file."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, sample_reference

WORKSTATIONS = 8


def confirm_at_once(url: str, session_id: str, barrier: Any, results: Any) -> None:
    """One workstation: open the database, wait for the others, confirm."""
    store = PeeweeStore.open(url)
    workflows = Workflows.create(
        store, BusinessDateClock(TODAY), f"pid-{multiprocessing.current_process().pid}"
    )
    barrier.wait(timeout=60)
    result = workflows.booking.confirm_session_booking(session_id).to_dict()
    store.close()
    results.put(
        (session_id, result.get("success"), result.get("error"), result.get("allocatedSetupId"))
    )


@pytest.mark.slow
def test_simultaneous_confirmations_never_double_book(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    store = PeeweeStore.open(url)
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "office")
    workflows.reference.import_reference(sample_reference())
    # Bretagne on 2025-03-10: two setups, two operators; eight pending requests.
    session_ids = []
    for _ in range(WORKSTATIONS):
        created = workflows.booking.create_session_booking(booking_request(regionId="bretagne"))
        assert isinstance(created, BookingCreated)
        session_ids.append(created.session.id)
    store.close()

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKSTATIONS)
    results = context.Queue()
    processes = [
        context.Process(target=confirm_at_once, args=(url, session_id, barrier, results))
        for session_id in session_ids
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    winners = [outcome for outcome in outcomes if outcome[1]]
    losers = [outcome for outcome in outcomes if not outcome[1]]
    assert sorted(outcome[3] for outcome in winners) == ["setup_bretagne_1", "setup_bretagne_2"]
    assert {outcome[2] for outcome in losers} == {"NO_SETUP_AVAILABLE"}
    connection = sqlite3.connect(tmp_path / "shared.db")
    held = connection.execute(
        "SELECT setup_id, operator_id FROM session WHERE status = 'confirmed' AND date = '2025-03-10'"
    ).fetchall()
    pending = connection.execute(
        "SELECT COUNT(*) FROM session WHERE status = 'pending_confirmation'"
    ).fetchone()[0]
    connection.close()
    assert len(held) == 2
    assert max(Counter(setup for setup, _ in held).values()) == 1
    assert max(Counter(operator for _, operator in held).values()) == 1
    assert pending == WORKSTATIONS - 2
