"""The seed's booking functions on a real SQLite database: shapes, codes and messages."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest

from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated, Failure
from dst_desktop.services.workflows import Workflows
from tests.conftest import BOOKING_DAY, booking_request, database_dump


def create(workflows: Workflows, **overrides: object) -> dict[str, object]:
    return workflows.booking.create_session_booking(booking_request(**overrides)).to_dict()


def create_and_confirm(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    confirmed = workflows.booking.confirm_session_booking(created.session.id)
    assert confirmed.success, confirmed
    return created.session.id


# -- createSessionBooking -------------------------------------------------------------


def test_create_returns_the_seeds_pending_session(workflows: Workflows) -> None:
    result = create(workflows)

    assert result["success"] is True
    session_id = result["sessionId"]
    assert isinstance(session_id, str)
    assert re.fullmatch(r"sess_\d{13}_[0-9a-z]{9}", session_id)
    assert result["message"] == f"Session {session_id} created - awaiting confirmation"
    assert result["capacityMax"] == 12
    assert result["availableSetups"] == 5
    assert result["status"] == "pending_confirmation"
    session = result["session"]
    assert isinstance(session, dict)
    assert session["id"] == session_id
    assert session["clientId"] == "client_123"
    assert session["regionId"] == "occitanie"
    assert session["date"] == BOOKING_DAY
    assert session["moduleIds"] == ["module_tir", "module_scenario"]
    assert session["requestedParticipants"] == 12
    assert session["capacityMax"] == 12
    assert session["status"] == "pending_confirmation"
    assert session["setupIds"] == []
    assert session["bookingSource"] == "client_portal"
    assert session["offerId"] == "offer_456"
    assert re.fullmatch(r"2025-02-20T\d\d:\d\d:\d\dZ", str(session["createdAt"]))


def test_create_refuses_more_participants_than_the_smallest_module(workflows: Workflows) -> None:
    result = create(workflows, requestedParticipants=15)

    assert result == {
        "success": False,
        "error": "CAPACITY_EXCEEDED",
        "message": "15 participants exceeds capacity of 12. Limited by Tir de précision",
        "capacityMax": 12,
        "requestedParticipants": 15,
    }


def test_create_on_a_full_day_offers_the_next_five_available_dates(workflows: Workflows) -> None:
    for _ in range(5):
        create_and_confirm(workflows, date="2025-03-10")

    result = create(workflows, date="2025-03-10")

    assert result == {
        "success": False,
        "error": "NO_AVAILABILITY",
        "message": "No setups available on 2025-03-10 in occitanie",
        "availableAlternatives": [
            "2025-03-11",
            "2025-03-12",
            "2025-03-13",
            "2025-03-14",
            "2025-03-15",
        ],
    }


def test_pending_bookings_hold_nothing(workflows: Workflows) -> None:
    for _ in range(7):
        assert create(workflows)["success"] is True

    check = workflows.booking.check_availability("occitanie", BOOKING_DAY, ["module_tir"], 5)
    assert check.to_dict()["availability"] == {
        "isAvailable": True,
        "availableSetups": 5,
        "operatorsAvailable": 6,
        "totalSetups": 5,
        "usedSetups": 0,
        "freeSetups": 5,
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"clientId": None}, "clientId", "clientId is required"),
        ({"clientId": 42}, "clientId", "clientId must be a string, got 42"),
        (
            {"clientId": "client_nobody"},
            "clientId",
            'clientId "client_nobody" is not a known client',
        ),
        ({"regionId": "atlantis"}, "regionId", 'regionId "atlantis" is not a known region'),
        ({"regionId": ""}, "regionId", "regionId is required"),
        ({"date": None}, "date", "date is required"),
        ({"date": "2025-02-30"}, "date", 'date "2025-02-30" is not a real date'),
        ({"date": "10/03/2025"}, "date", 'date "10/03/2025" is not a date in the form YYYY-MM-DD'),
        ({"date": 20250310}, "date", "date must be a date string YYYY-MM-DD, got 20250310"),
        ({"date": "2025-02-19"}, "date", "date 2025-02-19 is in the past (today is 2025-02-20)"),
        ({"moduleIds": []}, "moduleIds", "moduleIds must name at least one id, got []"),
        (
            {"moduleIds": "module_tir"},
            "moduleIds",
            'moduleIds must be a list of ids, got "module_tir"',
        ),
        ({"moduleIds": ["module_x"]}, "moduleIds", 'moduleIds[0] "module_x" is not a known module'),
        (
            {"moduleIds": ["module_tir", "module_tir"]},
            "moduleIds",
            'moduleIds names "module_tir" twice',
        ),
        ({"moduleIds": ["module_tir", 7]}, "moduleIds[1]", "moduleIds[1] must be a string, got 7"),
        (
            {"requestedParticipants": 0},
            "requestedParticipants",
            "requestedParticipants must be at least 1, got 0",
        ),
        (
            {"requestedParticipants": -3},
            "requestedParticipants",
            "requestedParticipants must be at least 1, got -3",
        ),
        (
            {"requestedParticipants": 12.5},
            "requestedParticipants",
            "requestedParticipants must be a whole number, got 12.5",
        ),
        (
            {"requestedParticipants": "12"},
            "requestedParticipants",
            'requestedParticipants must be a whole number, got "12"',
        ),
        (
            {"requestedParticipants": True},
            "requestedParticipants",
            "requestedParticipants must be a whole number, got true",
        ),
        (
            {"requestedParticipants": 10**30},
            "requestedParticipants",
            "requestedParticipants must be at most 100000, got 1000000000000000000000000000000",
        ),
        ({"offerId": "offer_none"}, "offerId", 'offerId "offer_none" is not a known offer'),
        ({"status": "confirmed"}, "status", 'the booking request has an unknown field "status"'),
        ({"notes": "a\x00b"}, "notes", "notes contains control characters"),
        ({"regionId": "occitanie'; DROP TABLE session;--"}, "regionId", "is not a valid id"),
    ],
)
def test_create_names_the_bad_field_and_changes_nothing(
    workflows: Workflows,
    database_url: str,
    overrides: dict[str, object],
    field: str,
    message: str,
) -> None:
    before = database_dump(database_url)
    request = booking_request()
    request.update(overrides)
    request = {key: value for key, value in request.items() if value is not None}

    result = workflows.booking.create_session_booking(request)

    assert isinstance(result, Failure)
    assert result.to_dict()["error"] == "VALIDATION_ERROR"
    assert message in result.message
    assert result.to_dict()["field"] == field
    assert database_dump(database_url) == before


@pytest.mark.parametrize("data", [None, [], "sess", 12, ["clientId"]])
def test_create_refuses_a_request_that_is_not_an_object(workflows: Workflows, data: object) -> None:
    result = workflows.booking.create_session_booking(data).to_dict()
    assert result["error"] == "VALIDATION_ERROR"
    assert "the booking request must be an object" in str(result["message"])


def test_notes_are_kept_as_typed(workflows: Workflows) -> None:
    result = create(workflows, notes="  Parking <b>B</b> & badge  ")
    session = result["session"]
    assert isinstance(session, dict)
    assert session["notes"] == "Parking <b>B</b> & badge"


# -- confirmSessionBooking ------------------------------------------------------------


def test_confirm_allocates_the_first_free_setup_and_operator(workflows: Workflows) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)

    result = workflows.booking.confirm_session_booking(created.session.id).to_dict()

    session_id = created.session.id
    assert result["success"] is True
    assert result["sessionId"] == session_id
    assert result["allocatedSetupId"] == "setup_occitanie_1"
    assert result["allocatedOperatorId"] == "op_occitanie_1"
    assert (
        result["message"] == f"Session {session_id} confirmed - setup setup_occitanie_1 allocated"
    )
    assert result["status"] == "confirmed"
    session = result["session"]
    assert isinstance(session, dict)
    assert session["status"] == "confirmed"
    assert session["setupIds"] == ["setup_occitanie_1"]
    assert re.fullmatch(r"2025-02-20T\d\d:\d\d:\d\dZ", str(session["confirmedAt"]))


def test_confirm_leaves_a_trace_of_what_it_allocated(
    workflows: Workflows, database_url: str
) -> None:
    session_id = create_and_confirm(workflows)

    with workflows.store.reading() as tx:
        trail = tx.audit_trail(session_id)

    # On PostgreSQL the actor is the login itself, whatever the caller says (SPEC 10).
    login = urlsplit(database_url).username if database_url.startswith("postgres") else None
    actor = login or "tester"
    assert [(entry.actor, entry.action) for entry in trail] == [
        (actor, "create"),
        (actor, "confirm"),
    ]
    assert trail[-1].details == {
        "setupId": "setup_occitanie_1",
        "operatorId": "op_occitanie_1",
        "date": "2025-03-10",
    }


def test_second_confirmation_takes_the_next_setup(workflows: Workflows) -> None:
    create_and_confirm(workflows)
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)

    result = workflows.booking.confirm_session_booking(created.session.id).to_dict()

    assert result["allocatedSetupId"] == "setup_occitanie_2"
    assert result["allocatedOperatorId"] == "op_occitanie_2"


def test_confirm_twice_is_invalid_status(workflows: Workflows) -> None:
    session_id = create_and_confirm(workflows)

    result = workflows.booking.confirm_session_booking(session_id).to_dict()

    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": "Session status is confirmed, expected 'pending_confirmation'",
        "sessionId": session_id,
    }


def test_confirm_of_an_unknown_session_is_invalid_status_not_found(workflows: Workflows) -> None:
    assert workflows.booking.confirm_session_booking("sess_123").to_dict() == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": "Session sess_123 not found",
        "sessionId": "sess_123",
    }


def test_confirm_rechecks_availability_and_offers_alternatives(workflows: Workflows) -> None:
    late = workflows.booking.create_session_booking(booking_request(regionId="bretagne"))
    assert isinstance(late, BookingCreated)
    # Bretagne has two setups; two other requests are confirmed first.
    create_and_confirm(workflows, regionId="bretagne")
    create_and_confirm(workflows, regionId="bretagne")

    result = workflows.booking.confirm_session_booking(late.session.id).to_dict()

    assert result == {
        "success": False,
        "error": "NO_SETUP_AVAILABLE",
        "message": "No setups available on 2025-03-10 in bretagne",
        "sessionId": late.session.id,
        # 03-11: setup 2 in maintenance but setup 1 and both operators free -> available;
        # 03-12: operator 2 on leave, operator 1 free -> available.
        "availableAlternatives": [
            "2025-03-11",
            "2025-03-12",
            "2025-03-13",
            "2025-03-14",
            "2025-03-15",
        ],
    }
    status = workflows.booking.get_booking_status(late.session.id).to_dict()
    assert status["isPending"] is True


def test_alternatives_skip_the_days_the_region_has_filled(workflows: Workflows) -> None:
    """The region's own days, not the whole country's: Occitanie still has room on the
    days Bretagne filled."""
    late = workflows.booking.create_session_booking(booking_request(regionId="bretagne"))
    assert isinstance(late, BookingCreated)
    for day, sessions in (("2025-03-10", 2), ("2025-03-11", 1), ("2025-03-12", 1)):
        for _ in range(sessions):  # 2 setups; 1 on the 11th (maintenance), 12th (leave)
            create_and_confirm(workflows, regionId="bretagne", date=day)

    confirmed = workflows.booking.confirm_session_booking(late.session.id).to_dict()
    created = create(workflows, regionId="bretagne", date="2025-03-11")

    days = ["2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17"]
    assert confirmed["availableAlternatives"] == days
    assert created["availableAlternatives"] == days  # after the 11th: the 12th is full too
    suggested = workflows.booking.get_suggested_dates("bretagne", 3)
    assert [str(day) for day in suggested] == ["2025-02-21", "2025-02-22", "2025-02-23"]


def test_available_setups_is_the_minimum_of_free_setups_and_operators(workflows: Workflows) -> None:
    # Bretagne on 2025-03-12: 2 setups, but operator 2 is on leave.
    check = workflows.booking.check_availability("bretagne", "2025-03-12", ["module_tir"], 5)
    availability = check.to_dict()["availability"]
    assert availability == {
        "isAvailable": True,
        "availableSetups": 1,
        "operatorsAvailable": 1,
        "totalSetups": 2,
        "usedSetups": 0,
        "freeSetups": 2,
    }
    create_and_confirm(workflows, regionId="bretagne", date="2025-03-12")
    result = create(workflows, regionId="bretagne", date="2025-03-12")
    assert result["error"] == "NO_AVAILABILITY"


def test_maintenance_day_removes_the_setup_from_the_count(workflows: Workflows) -> None:
    check = workflows.booking.check_availability("bretagne", "2025-03-11", ["module_tir"], 5)
    availability = check.to_dict()["availability"]
    assert availability["totalSetups"] == 1
    assert availability["availableSetups"] == 1


def test_a_pending_booking_whose_date_passed_cannot_be_confirmed(workflows: Workflows) -> None:
    created = workflows.booking.create_session_booking(booking_request(date="2025-02-21"))
    assert isinstance(created, BookingCreated)
    later = Workflows.create(workflows.store, BusinessDateClock(dt.date(2025, 2, 22)), "tester")

    result = later.booking.confirm_session_booking(created.session.id).to_dict()

    assert result["error"] == "NO_SETUP_AVAILABLE"
    # Strictly after the booked date, and not before today: today is bookable.
    assert result["availableAlternatives"] == [
        "2025-02-22",
        "2025-02-23",
        "2025-02-24",
        "2025-02-25",
        "2025-02-26",
    ]


@pytest.mark.parametrize(
    ("session_id", "echo"),
    [
        (None, None),
        (42, 42),
        ("", ""),
        (["sess"], '["sess"]'),  # plain JSON text, not the caller's object
        ("sess 1", "sess 1"),
        ("x" * 65, "x" * 65),
    ],
)
def test_confirm_refuses_a_malformed_id(
    workflows: Workflows, session_id: object, echo: object
) -> None:
    result = workflows.booking.confirm_session_booking(session_id).to_dict()
    assert result["error"] == "VALIDATION_ERROR"
    assert str(result["message"]).startswith("sessionId ")
    assert result["field"] == "sessionId"
    assert result["sessionId"] == echo  # what was sent


# -- cancelPendingBooking -------------------------------------------------------------


def test_cancel_deletes_a_pending_booking(workflows: Workflows) -> None:
    session_id = create(workflows)["sessionId"]

    result = workflows.booking.cancel_pending_booking(session_id).to_dict()

    assert result == {
        "success": True,
        "sessionId": session_id,
        "message": f"Pending booking {session_id} cancelled",
        "status": "cancelled",
    }
    assert workflows.booking.get_booking_status(session_id).to_dict()["error"] == "NOT_FOUND"


def test_cancel_is_safe_to_call_again(workflows: Workflows) -> None:
    session_id = create(workflows)["sessionId"]
    workflows.booking.cancel_pending_booking(session_id)

    again = workflows.booking.cancel_pending_booking(session_id).to_dict()

    assert again == {"success": True, "sessionId": session_id, "message": "Session already deleted"}


def test_cancel_refuses_a_confirmed_booking(workflows: Workflows) -> None:
    session_id = create_and_confirm(workflows)

    result = workflows.booking.cancel_pending_booking(session_id).to_dict()

    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": "Cannot cancel session with status 'confirmed'",
        "sessionId": session_id,
    }


def test_cancel_leaves_a_trace_in_the_audit_log(workflows: Workflows, database_url: str) -> None:
    session_id = str(create(workflows)["sessionId"])
    workflows.booking.cancel_pending_booking(session_id)

    trail = workflows.queries.audit_trail(session_id)

    assert [entry.action for entry in trail] == ["create", "cancel"]
    # On PostgreSQL the database records its login (the tests' superuser), not a name given.
    actor = "postgres" if database_url.startswith("postgresql") else "tester"
    assert workflows.actor == actor
    assert all(entry.actor == actor for entry in trail)
    assert trail[1].details["clientId"] == "client_123"


# -- checkAvailability ----------------------------------------------------------------


def test_check_availability_matches_the_seeds_example(workflows: Workflows) -> None:
    create_and_confirm(workflows)
    create_and_confirm(workflows)

    result = workflows.booking.check_availability(
        "occitanie", BOOKING_DAY, ["module_tir", "module_scenario"], 15
    ).to_dict()

    assert result == {
        "success": True,
        "regionId": "occitanie",
        "date": BOOKING_DAY,
        "canBook": False,
        "capacity": {
            "isValid": False,
            "capacityMax": 12,
            "requestedParticipants": 15,
            "message": "15 participants exceeds capacity of 12. Limited by Tir de précision",
            "limitingModuleId": "module_tir",
        },
        "availability": {
            "isAvailable": True,
            "availableSetups": 3,
            "operatorsAvailable": 4,
            "totalSetups": 5,
            "usedSetups": 2,
            "freeSetups": 3,
        },
    }


def test_check_availability_says_can_book_when_both_checks_pass(workflows: Workflows) -> None:
    result = workflows.booking.check_availability(
        "occitanie", BOOKING_DAY, ["module_secourisme"], 20
    )
    assert result.to_dict()["canBook"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("atlantis", BOOKING_DAY, ["module_tir"], 5), 'regionId "atlantis" is not a known region'),
        (("occitanie", "2025-13-01", ["module_tir"], 5), 'date "2025-13-01" is not a real date'),
        (("occitanie", BOOKING_DAY, [], 5), "moduleIds must name at least one id"),
        (
            ("occitanie", BOOKING_DAY, ["module_tir"], 0),
            "participantCount must be at least 1, got 0",
        ),
        (("occitanie", BOOKING_DAY, ["module_tir"], None), "participantCount is required"),
    ],
)
def test_check_availability_rejects_bad_input(
    workflows: Workflows, args: tuple[object, ...], message: str
) -> None:
    result = workflows.booking.check_availability(*args).to_dict()
    assert result["error"] == "VALIDATION_ERROR"
    assert message in str(result["message"])


# -- getBookingStatus -----------------------------------------------------------------


def test_booking_status_of_a_confirmed_session_names_its_setup(workflows: Workflows) -> None:
    session_id = create_and_confirm(workflows)

    result = workflows.booking.get_booking_status(session_id).to_dict()

    assert result["success"] is True
    assert result["isPending"] is False
    assert result["isConfirmed"] is True
    session = result["session"]
    assert isinstance(session, dict)
    assert session["setups"] == [{"id": "setup_occitanie_1", "name": "Setup Occitanie #1"}]
    assert session["operators"] == [{"id": "op_occitanie_1", "name": "Opérateur Occitanie 1"}]
    assert session["requestedParticipants"] == 12
    assert session["capacityMax"] == 12
    assert session["confirmedAt"] is not None


def test_booking_status_of_an_unknown_session_is_not_found(workflows: Workflows) -> None:
    assert workflows.booking.get_booking_status("sess_404").to_dict() == {
        "success": False,
        "error": "NOT_FOUND",
        "message": "Session sess_404 not found",
        "sessionId": "sess_404",
    }


# -- getSuggestedDates ----------------------------------------------------------------


def test_suggested_dates_start_after_today(workflows: Workflows) -> None:
    dates = workflows.booking.get_suggested_dates("occitanie", 5)
    assert dates == [dt.date(2025, 2, 21) + dt.timedelta(days=n) for n in range(5)]


def test_suggested_dates_skip_full_days(workflows: Workflows) -> None:
    for _ in range(2):
        create_and_confirm(workflows, regionId="bretagne", date="2025-02-21")
    create_and_confirm(workflows, regionId="bretagne", date="2025-02-22")
    create_and_confirm(workflows, regionId="bretagne", date="2025-02-22")

    dates = workflows.booking.get_suggested_dates("bretagne", 3)

    assert dates == [dt.date(2025, 2, 23), dt.date(2025, 2, 24), dt.date(2025, 2, 25)]


def test_suggested_dates_are_empty_when_the_region_has_no_setup(workflows: Workflows) -> None:
    workflows.reference.import_reference({"regions": [{"id": "corse", "name": "Corse"}]})
    assert workflows.booking.get_suggested_dates("corse", 5) == []


@pytest.mark.parametrize(
    ("count", "message"), [(-1, "count must be at least 0"), ("5", "whole number")]
)
def test_suggested_dates_reject_a_bad_count(
    workflows: Workflows, count: object, message: str
) -> None:
    result = workflows.booking.get_suggested_dates("occitanie", count)
    assert isinstance(result, Failure)
    assert message in result.message
