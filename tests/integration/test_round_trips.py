"""The statement budget of SPEC 8.1, counted exactly on both backends.

On a network every statement is a round trip (0.3–1 ms on a LAN, more over a VPN), so
the number of statements an operation sends is part of its contract. Counted with
reference data cached (the normal case: one call has read it already); transaction
control (BEGIN, COMMIT) is not counted, as it is the same for every unit of work.
"""

from __future__ import annotations

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import booking_request

#: SPEC 8.1's budget, and what each operation sends today.
BUDGET = {
    "checkAvailability": 2,
    "createSessionBooking": 6,
    "confirmSessionBooking": 8,
    "month of the calendar": 2,
    "getSuggestedDates": 3,
}
SENT = {
    "checkAvailability": 2,
    "createSessionBooking": 5,
    "confirmSessionBooking": 6,
    "month of the calendar": 2,
    "getSuggestedDates": 2,
}
#: On PostgreSQL a change also tells the other workstations (one NOTIFY, SPEC 9).
ANNOUNCED = {"createSessionBooking", "confirmSessionBooking"}


@pytest.fixture
def counted(workflows: Workflows) -> Workflows:
    """Workflows whose reference data is cached, as after the window's first screen."""
    assert workflows.booking.get_suggested_dates("occitanie", 1)
    return workflows


def statements(workflows: Workflows, operation: str) -> list[str]:
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    booking = workflows.booking
    if operation == "confirmSessionBooking":
        created = booking.create_session_booking(booking_request())
        assert isinstance(created, BookingCreated)
    with store.counting_statements() as sent:
        if operation == "checkAvailability":
            result: object = booking.check_availability(
                "occitanie", "2025-03-10", ["module_tir"], 8
            )
        elif operation == "createSessionBooking":
            result = booking.create_session_booking(booking_request())
        elif operation == "confirmSessionBooking":
            result = booking.confirm_session_booking(created.session.id)
        elif operation == "month of the calendar":
            result = workflows.queries.month_availability("occitanie", 2025, 3)
        else:
            result = booking.get_suggested_dates("occitanie", 5)
    assert getattr(result, "success", True), result
    return list(sent)


@pytest.mark.parametrize("operation", list(BUDGET))
def test_each_operation_stays_within_its_statement_budget(
    counted: Workflows, operation: str, backend: str
) -> None:
    sent = statements(counted, operation)
    announced = backend == "postgresql" and operation in ANNOUNCED
    assert len(sent) == SENT[operation] + announced, sent
    assert len(sent) <= BUDGET[operation]
    assert ("SELECT pg_notify(%s, %s)" in sent) == announced


def test_a_refused_booking_with_its_alternatives_stays_within_the_budget(
    counted: Workflows,
) -> None:
    booking = counted.booking
    for _ in range(2):  # Bretagne has two setups and two operators on 2025-03-10
        created = booking.create_session_booking(booking_request(regionId="bretagne"))
        assert isinstance(created, BookingCreated)
        assert booking.confirm_session_booking(created.session.id).success
    store = counted.store
    assert isinstance(store, PeeweeStore)
    with store.counting_statements() as sent:
        refused = booking.create_session_booking(booking_request(regionId="bretagne")).to_dict()
    assert refused["error"] == "NO_AVAILABILITY"
    assert refused["availableAlternatives"]
    assert len(sent) == 3  # revision, the day's holdings, the alternatives' holdings
    assert len(sent) <= BUDGET["createSessionBooking"]


def test_reference_data_is_read_in_one_statement_then_served_from_memory(
    workflows: Workflows, database_url: str
) -> None:
    """Another workstation opening the database reads every reference item and setting
    in one statement, then only checks the revision."""
    other = PeeweeStore.open(database_url)
    try:
        queries = Workflows.create(other, workflows.clock, "other").queries
        with other.counting_statements() as first:
            reference = queries.reference()
        with other.counting_statements() as again:
            assert queries.reference() == reference
    finally:
        other.close()
    assert len(reference.regions) == 2 and len(reference.setups) == 7
    assert len(first) == 2  # the revision, then everything at once
    assert len(again) == 1  # the revision only
