"""Changes after booking (SPEC 12) on both backends: correcting a pending request,
rescheduling in one step, resource conflicts and reallocation; every refusal leaves the
database exactly as it was."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.booking import EVENT_SNAPSHOT_SETTING
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import BOOKING_DAY, booking_request, database_dump, query_rows

DAY = dt.date.fromisoformat(BOOKING_DAY)


def pending(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def confirmed(workflows: Workflows, **overrides: object) -> str:
    session_id = pending(workflows, **overrides)
    result = workflows.booking.confirm_session_booking(session_id)
    assert result.success, result
    return session_id


def status(workflows: Workflows, session_id: str) -> dict[str, object]:
    answer = workflows.booking.get_booking_status(session_id).to_dict()
    session = answer["session"]
    assert isinstance(session, dict)
    return session


def import_reference(workflows: Workflows, data: dict[str, object]) -> dict[str, object]:
    result = workflows.reference.import_reference(data).to_dict()
    assert result["success"] is True, result
    return result


def audit(database_url: str, session_id: str) -> list[tuple[str, dict[str, object]]]:
    rows = query_rows(
        database_url,
        f"SELECT action, details FROM audit_entry WHERE session_id = '{session_id}' ORDER BY id",
    )
    return [(str(action), json.loads(str(details))) for action, details in rows]


def refused_unchanged(database_url: str, call: object, *args: object) -> dict[str, object]:
    """Run a call that must fail; the database must be exactly as before."""
    before = database_dump(database_url)
    result = call(*args).to_dict()  # type: ignore[operator]
    assert result["success"] is False, result
    assert database_dump(database_url) == before
    return result


# -- updatePendingBooking ----------------------------------------------------------------


def test_correcting_the_participants_of_a_request_is_checked_stored_and_audited(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows, requestedParticipants=10)

    result = workflows.booking_changes.update_pending_booking(
        session_id, {"requestedParticipants": 11}
    ).to_dict()

    assert result["success"] is True
    assert result["sessionId"] == session_id
    assert result["changedFields"] == ["requestedParticipants"]
    assert result["message"] == f"Session {session_id} updated: requestedParticipants"
    assert result["status"] == "pending_confirmation"
    assert status(workflows, session_id)["requestedParticipants"] == 11
    assert audit(database_url, session_id)[-1] == (
        "update",
        {"before": {"requestedParticipants": 10}, "after": {"requestedParticipants": 11}},
    )


def test_every_field_of_a_request_can_be_corrected_at_once(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows)

    result = workflows.booking_changes.update_pending_booking(
        session_id,
        {
            "date": "2025-03-12",
            "moduleIds": ["module_secourisme", "module_scenario"],
            "requestedParticipants": 14,
            "clientId": "client_acme",
            "offerId": None,
            "notes": "  Parking at the back  ",
        },
    ).to_dict()

    assert result["success"] is True, result
    assert result["capacityMax"] == 16
    session = status(workflows, session_id)
    assert session["date"] == "2025-03-12"
    assert session["moduleIds"] == ["module_secourisme", "module_scenario"]
    assert session["requestedParticipants"] == 14
    assert session["capacityMax"] == 16
    assert session["clientId"] == "client_acme"
    assert session["offerId"] is None
    assert session["notes"] == "Parking at the back"
    action, details = audit(database_url, session_id)[-1]
    assert action == "update"
    assert details["before"] == {
        "date": BOOKING_DAY,
        "moduleIds": ["module_tir", "module_scenario"],
        "requestedParticipants": 12,
        "clientId": "client_123",
        "offerId": "offer_456",
        "notes": "",
    }
    # The new modules are what confirmation and printing read.
    assert workflows.booking.confirm_session_booking(session_id).success


def test_a_correction_that_changes_nothing_writes_nothing(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows)
    before = database_dump(database_url)

    result = workflows.booking_changes.update_pending_booking(
        session_id, {"requestedParticipants": 12, "notes": ""}
    ).to_dict()

    assert result["success"] is True
    assert result["changedFields"] == []
    assert result["message"] == f"Session {session_id} unchanged"
    assert database_dump(database_url) == before


def test_a_request_whose_day_has_passed_can_be_moved_to_a_coming_day(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows, date="2025-02-21")
    later = Workflows.create(workflows.store, _Clock(dt.date(2025, 2, 25)), "tester")

    result = later.booking_changes.update_pending_booking(session_id, {"date": "2025-03-03"})

    assert result.success, result
    assert status(workflows, session_id)["date"] == "2025-03-03"


class _Clock:
    def __init__(self, today: dt.date) -> None:
        self._today = today

    def today(self) -> dt.date:
        return self._today

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._today, dt.time(9, 0))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"regionId": "bretagne"},
            "regionId",
            'changes has an unknown field "regionId" (allowed: date, moduleIds, '
            "requestedParticipants, clientId, offerId, notes)",
        ),
        ([], "changes", "changes must be an object of fields to change, got []"),
        (
            {},
            "changes",
            "changes must name at least one of: date, moduleIds, requestedParticipants, "
            "clientId, offerId, notes",
        ),
        ({"date": "10/03/2025"}, "date", 'date "10/03/2025" is not a date in the form YYYY-MM-DD'),
        ({"date": "2025-02-19"}, "date", "date 2025-02-19 is in the past (today is 2025-02-20)"),
        ({"moduleIds": []}, "moduleIds", "moduleIds must name at least one id, got []"),
        ({"moduleIds": ["module_x"]}, "moduleIds", 'moduleIds[0] "module_x" is not a known module'),
        ({"requestedParticipants": 0}, "requestedParticipants", "at least 1, got 0"),
        ({"clientId": "client_x"}, "clientId", 'clientId "client_x" is not a known client'),
        ({"offerId": "offer_x"}, "offerId", 'offerId "offer_x" is not a known offer'),
        ({"notes": 12}, "notes", "notes must be a string, got 12"),
    ],
)
def test_a_bad_correction_is_a_validation_error_naming_the_field(
    workflows: Workflows, database_url: str, changes: object, field: str, message: str
) -> None:
    session_id = pending(workflows)

    result = refused_unchanged(
        database_url, workflows.booking_changes.update_pending_booking, session_id, changes
    )

    assert result["error"] == "VALIDATION_ERROR"
    assert result["field"] == field
    assert message in str(result["message"])


def test_a_correction_beyond_capacity_is_capacity_exceeded(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows)

    result = refused_unchanged(
        database_url,
        workflows.booking_changes.update_pending_booking,
        session_id,
        {"requestedParticipants": 13},
    )

    assert result == {
        "success": False,
        "error": "CAPACITY_EXCEEDED",
        "message": "13 participants exceeds capacity of 12. Limited by Tir de précision",
        "capacityMax": 12,
        "requestedParticipants": 13,
        "sessionId": session_id,
    }


def test_moving_a_request_to_a_full_day_is_no_availability_with_alternatives(
    workflows: Workflows, database_url: str
) -> None:
    # Bretagne has one usable setup on 2025-03-11: take it.
    confirmed(workflows, regionId="bretagne", date="2025-03-11")
    session_id = pending(workflows, regionId="bretagne", date="2025-03-10")

    result = refused_unchanged(
        database_url,
        workflows.booking_changes.update_pending_booking,
        session_id,
        {"date": "2025-03-11"},
    )

    assert result["error"] == "NO_AVAILABILITY"
    assert result["message"] == "No setups available on 2025-03-11 in bretagne"
    assert result["availableAlternatives"] == [
        "2025-03-12",
        "2025-03-13",
        "2025-03-14",
        "2025-03-15",
        "2025-03-16",
    ]


def test_only_a_pending_request_can_be_corrected(workflows: Workflows, database_url: str) -> None:
    session_id = confirmed(workflows)
    result = refused_unchanged(
        database_url,
        workflows.booking_changes.update_pending_booking,
        session_id,
        {"notes": "late"},
    )
    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": "Session status is confirmed, expected 'pending_confirmation'",
        "sessionId": session_id,
    }
    unknown = refused_unchanged(
        database_url, workflows.booking_changes.update_pending_booking, "sess_1_x", {"notes": ""}
    )
    assert unknown["error"] == "INVALID_STATUS"
    assert unknown["message"] == "Session sess_1_x not found"
    bad_id = refused_unchanged(
        database_url, workflows.booking_changes.update_pending_booking, 12, {"notes": ""}
    )
    assert bad_id["error"] == "VALIDATION_ERROR" and bad_id["field"] == "sessionId"


# -- confirming a day that has passed ------------------------------------------------------


def test_confirming_a_request_whose_day_has_passed_says_so(
    workflows: Workflows, database_url: str
) -> None:
    session_id = pending(workflows, date="2025-02-21")
    later = Workflows.create(workflows.store, _Clock(dt.date(2025, 2, 25)), "tester")

    result = refused_unchanged(database_url, later.booking.confirm_session_booking, session_id)

    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["message"] == (
        "The date 2025-02-21 has passed (today is 2025-02-25): no setup can be allocated on "
        "it any more"
    )
    assert result["availableAlternatives"] == [
        "2025-02-25",
        "2025-02-26",
        "2025-02-27",
        "2025-02-28",
        "2025-03-01",
    ]


# -- rescheduleSession ----------------------------------------------------------------------


def test_rescheduling_cancels_the_session_and_confirms_its_copy_in_one_step(
    workflows: Workflows, database_url: str
) -> None:
    session_id = confirmed(workflows, notes="Gate B")
    workflows.mission.schedule_mission(session_id)

    result = workflows.booking_changes.reschedule_session(session_id, "2025-03-12").to_dict()

    assert result["success"] is True, result
    new_id = result["sessionId"]
    assert isinstance(new_id, str) and new_id != session_id
    assert result["previousSessionId"] == session_id
    assert result["allocatedSetupId"] == "setup_occitanie_1"
    assert result["allocatedOperatorId"] == "op_occitanie_1"
    assert result["status"] == "confirmed"
    assert result["message"] == (
        f"Session {session_id} rescheduled to 2025-03-12 as {new_id} - setup "
        "setup_occitanie_1 allocated"
    )
    copy = status(workflows, new_id)
    assert copy["date"] == "2025-03-12"
    assert copy["status"] == "confirmed"
    assert copy["previousSessionId"] == session_id
    assert copy["notes"] == "Gate B"
    assert copy["clientId"] == "client_123"
    assert copy["moduleIds"] == ["module_tir", "module_scenario"]
    original = status(workflows, session_id)
    assert original["status"] == "cancelled"
    assert original["cancellationReason"] == "rescheduled to 2025-03-12"
    # The old day is free again, the new one holds the copy.
    day = workflows.booking.check_availability("occitanie", BOOKING_DAY, ["module_tir"], 1)
    assert day.to_dict()["availability"]["usedSetups"] == 0  # type: ignore[index]
    assert [action for action, _ in audit(database_url, session_id)][-1] == "reschedule"
    assert audit(database_url, new_id) == [
        (
            "rescheduled_from",
            {
                "previousSessionId": session_id,
                "previousDate": BOOKING_DAY,
                "date": "2025-03-12",
                "setupId": "setup_occitanie_1",
                "operatorId": "op_occitanie_1",
            },
        )
    ]


def test_rescheduling_to_a_full_day_changes_nothing_and_gives_the_alternatives(
    workflows: Workflows, database_url: str
) -> None:
    taken = confirmed(workflows, regionId="bretagne", date="2025-03-11")
    session_id = confirmed(workflows, regionId="bretagne", date="2025-03-10")

    result = refused_unchanged(
        database_url, workflows.booking_changes.reschedule_session, session_id, "2025-03-11"
    )

    assert taken != session_id
    assert result == {
        "success": False,
        "error": "NO_SETUP_AVAILABLE",
        "message": "No setups available on 2025-03-11 in bretagne",
        "sessionId": session_id,
        "availableAlternatives": [
            "2025-03-12",
            "2025-03-13",
            "2025-03-14",
            "2025-03-15",
            "2025-03-16",
        ],
    }


@pytest.mark.parametrize(
    ("new_date", "field", "message"),
    [
        ("2025-02-19", "newDate", "newDate 2025-02-19 is in the past (today is 2025-02-20)"),
        ("soon", "newDate", 'newDate "soon" is not a date in the form YYYY-MM-DD'),
        (None, "newDate", "newDate is required"),
        (BOOKING_DAY, "newDate", f"newDate {BOOKING_DAY} is already the date of session"),
    ],
)
def test_a_bad_new_date_is_a_validation_error(
    workflows: Workflows, database_url: str, new_date: object, field: str, message: str
) -> None:
    session_id = confirmed(workflows)
    result = refused_unchanged(
        database_url, workflows.booking_changes.reschedule_session, session_id, new_date
    )
    assert result["error"] == "VALIDATION_ERROR"
    assert result["field"] == field
    assert message in str(result["message"])


def test_only_a_confirmed_or_scheduled_session_can_be_rescheduled(
    workflows: Workflows, database_url: str
) -> None:
    request = pending(workflows)
    started = confirmed(workflows)
    workflows.mission.start_mission(started)
    for session_id, current in ((request, "pending_confirmation"), (started, "in_progress")):
        result = refused_unchanged(
            database_url, workflows.booking_changes.reschedule_session, session_id, "2025-03-12"
        )
        assert result == {
            "success": False,
            "error": "INVALID_STATUS",
            "message": f"Session status is {current}, expected 'confirmed' or 'scheduled'",
            "sessionId": session_id,
        }
    unknown = refused_unchanged(
        database_url, workflows.booking_changes.reschedule_session, "sess_1_x", "2025-03-12"
    )
    assert unknown["message"] == "Session sess_1_x not found"


def test_rescheduling_in_an_event_database_is_refused(
    workflows: Workflows, database_url: str
) -> None:
    session_id = confirmed(workflows)
    with workflows.store.writing() as tx:
        tx.set_setting(EVENT_SNAPSHOT_SETTING, "{}")
    for call, args in (
        (workflows.booking_changes.reschedule_session, (session_id, "2025-03-12")),
        (workflows.booking_changes.reallocate_session, (session_id,)),
    ):
        result = refused_unchanged(database_url, call, *args)
        assert result["error"] == "EVENT_MODE"


# -- getResourceConflicts and reallocateSession ------------------------------------------


def test_no_conflict_when_every_allocation_can_serve(workflows: Workflows) -> None:
    confirmed(workflows)
    assert workflows.booking_changes.get_resource_conflicts().to_dict() == {
        "success": True,
        "conflicts": [],
    }


def test_each_kind_of_reference_change_is_a_conflict_with_its_reason(
    workflows: Workflows,
) -> None:
    on_leave = confirmed(workflows, date="2025-03-10")  # setup 1, operator 1
    maintenance = confirmed(workflows, date="2025-03-11")  # setup 1, operator 1
    moved = confirmed(workflows, date="2025-03-12")  # setup 1, operator 1
    second = confirmed(workflows, date="2025-03-12")  # setup 2, operator 2
    pending(workflows, date="2025-03-10")  # holds nothing: never a conflict

    result = import_reference(
        workflows,
        {
            "operators": [
                {"id": "op_occitanie_1", "unavailableDates": ["2025-03-10"]},
                {"id": "op_occitanie_2", "active": False},
            ],
            "setups": [
                {"id": "setup_occitanie_1", "unavailableDates": ["2025-03-11"]},
                {"id": "setup_occitanie_2", "regionId": "bretagne"},
            ],
        },
    )

    expected = [
        {
            "sessionId": on_leave,
            "date": "2025-03-10",
            "regionId": "occitanie",
            "reason": "operator_on_leave",
            "operatorId": "op_occitanie_1",
        },
        {
            "sessionId": maintenance,
            "date": "2025-03-11",
            "regionId": "occitanie",
            "reason": "setup_in_maintenance",
            "setupId": "setup_occitanie_1",
        },
        {
            "sessionId": second,
            "date": "2025-03-12",
            "regionId": "occitanie",
            "reason": "setup_moved",
            "setupId": "setup_occitanie_2",
        },
        {
            "sessionId": second,
            "date": "2025-03-12",
            "regionId": "occitanie",
            "reason": "operator_inactive",
            "operatorId": "op_occitanie_2",
        },
    ]
    assert moved not in {item["sessionId"] for item in expected}
    assert result["conflicts"] == expected
    listed = workflows.booking_changes.get_resource_conflicts().to_dict()
    assert listed == {"success": True, "conflicts": expected}


def test_conflicts_of_a_period_and_their_bounds(workflows: Workflows, database_url: str) -> None:
    first = confirmed(workflows, date="2025-03-10")
    second = confirmed(workflows, date="2025-03-20")
    import_reference(workflows, {"operators": [{"id": "op_occitanie_1", "active": False}]})
    changes = workflows.booking_changes

    def ids(*period: object) -> list[object]:
        result = changes.get_resource_conflicts(*period).to_dict()
        conflicts = result["conflicts"]
        assert isinstance(conflicts, list)
        return [item["sessionId"] for item in conflicts]

    assert ids() == [first, second]
    assert ids("2025-03-11") == [second]
    assert ids(None, "2025-03-15") == [first]
    assert ids("2025-03-10", "2025-03-10") == [first]
    later = Workflows.create(workflows.store, _Clock(dt.date(2025, 3, 15)), "tester")
    assert [c.session_id for c in later.booking_changes.get_resource_conflicts().conflicts] == [
        second
    ]
    for period, field in ((("2025-13-01",), "from"), ((None, 5), "to")):
        result = refused_unchanged(database_url, changes.get_resource_conflicts, *period)
        assert result["error"] == "VALIDATION_ERROR" and result["field"] == field
    backwards = changes.get_resource_conflicts("2025-03-10", "2025-03-01").to_dict()
    assert backwards["message"] == "to 2025-03-01 is before from 2025-03-10"


def test_conflicts_of_a_year_cost_the_same_few_statements_however_many(
    workflows: Workflows,
) -> None:
    store = workflows.store
    assert isinstance(store, PeeweeStore)

    def statements() -> int:
        workflows.booking_changes.get_resource_conflicts("2025-01-01", "2025-12-31")
        with store.counting_statements() as sent:
            workflows.booking_changes.get_resource_conflicts("2025-01-01", "2025-12-31")
        return len(sent)

    counted = []
    for days in (3, 30):
        for offset in range(days):
            confirmed(workflows, date=(DAY + dt.timedelta(days=offset)).isoformat())
        leave = [(DAY + dt.timedelta(days=offset)).isoformat() for offset in range(days)]
        import_reference(
            workflows, {"operators": [{"id": "op_occitanie_1", "unavailableDates": leave}]}
        )
        assert len(workflows.booking_changes.get_resource_conflicts().conflicts) == days
        counted.append(statements())
    # The reference revision, the sessions, their modules: not one more for more sessions.
    assert counted == [3, 3]


def test_reallocating_moves_only_the_resource_that_cannot_serve(
    workflows: Workflows, database_url: str
) -> None:
    other = confirmed(workflows)  # setup 1, operator 1
    session_id = confirmed(workflows)  # setup 2, operator 2
    import_reference(
        workflows, {"operators": [{"id": "op_occitanie_2", "unavailableDates": [BOOKING_DAY]}]}
    )

    result = workflows.booking_changes.reallocate_session(session_id).to_dict()

    assert result["success"] is True
    assert result["allocatedSetupId"] == "setup_occitanie_2"  # kept: it can serve
    assert result["allocatedOperatorId"] == "op_occitanie_3"  # the first free by id
    assert result["previousOperatorId"] == "op_occitanie_2"
    assert result["status"] == "confirmed"
    assert result["message"] == (
        f"Session {session_id} reallocated - setup setup_occitanie_2, operator op_occitanie_3"
    )
    session = result["session"]
    assert isinstance(session, dict) and session["operatorIds"] == ["op_occitanie_3"]
    assert status(workflows, other)["operatorIds"] == ["op_occitanie_1"]
    assert workflows.booking_changes.get_resource_conflicts().conflicts == ()
    assert audit(database_url, session_id)[-1] == (
        "reallocate",
        {
            "reasons": ["operator_on_leave"],
            "previousSetupId": "setup_occitanie_2",
            "previousOperatorId": "op_occitanie_2",
            "setupId": "setup_occitanie_2",
            "operatorId": "op_occitanie_3",
        },
    )


def test_reallocating_a_setup_and_an_operator_together(workflows: Workflows) -> None:
    session_id = confirmed(workflows)
    import_reference(
        workflows,
        {
            "setups": [{"id": "setup_occitanie_1", "active": False}],
            "operators": [{"id": "op_occitanie_1", "regionId": "bretagne"}],
        },
    )
    result = workflows.booking_changes.reallocate_session(session_id).to_dict()
    assert (result["allocatedSetupId"], result["allocatedOperatorId"]) == (
        "setup_occitanie_2",
        "op_occitanie_2",
    )


def test_reallocating_a_session_without_conflict_changes_nothing(
    workflows: Workflows, database_url: str
) -> None:
    session_id = confirmed(workflows)
    before = database_dump(database_url)

    result = workflows.booking_changes.reallocate_session(session_id).to_dict()

    assert result["success"] is True
    assert (
        result["message"] == f"Session {session_id} has no resource conflict - allocation unchanged"
    )
    assert (result["allocatedSetupId"], result["allocatedOperatorId"]) == (
        "setup_occitanie_1",
        "op_occitanie_1",
    )
    assert database_dump(database_url) == before


def test_reallocating_without_a_free_operator_is_no_setup_available(
    workflows: Workflows, database_url: str
) -> None:
    # Bretagne: two operators; op_bretagne_2 is on leave on 2025-03-12.
    session_id = confirmed(workflows, regionId="bretagne", date="2025-03-12")
    import_reference(
        workflows, {"operators": [{"id": "op_bretagne_1", "unavailableDates": ["2025-03-12"]}]}
    )

    result = refused_unchanged(
        database_url, workflows.booking_changes.reallocate_session, session_id
    )

    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert result["message"] == "No operators available on 2025-03-12 in bretagne"
    assert result["sessionId"] == session_id
    assert result["availableAlternatives"] == [
        "2025-03-13",
        "2025-03-14",
        "2025-03-15",
        "2025-03-16",
        "2025-03-17",
    ]


def test_reallocating_refuses_what_cannot_be_moved(workflows: Workflows, database_url: str) -> None:
    request = pending(workflows)
    started = confirmed(workflows)
    workflows.mission.start_mission(started)
    for session_id, current in ((request, "pending_confirmation"), (started, "in_progress")):
        result = refused_unchanged(
            database_url, workflows.booking_changes.reallocate_session, session_id
        )
        assert result["message"] == (
            f"Session status is {current}, expected 'confirmed' or 'scheduled'"
        )
    assert (
        refused_unchanged(database_url, workflows.booking_changes.reallocate_session, "sess_1_x")[
            "message"
        ]
        == "Session sess_1_x not found"
    )
    past = confirmed(workflows, date="2025-02-21")
    import_reference(
        workflows, {"operators": [{"id": "op_occitanie_1", "unavailableDates": ["2025-02-21"]}]}
    )
    later = Workflows.create(workflows.store, _Clock(dt.date(2025, 2, 25)), "tester")
    result = refused_unchanged(database_url, later.booking_changes.reallocate_session, past)
    assert result["error"] == "NO_SETUP_AVAILABLE"
    assert "has passed" in str(result["message"])


# -- completeMission details ----------------------------------------------------------------


def test_completion_records_who_attended_and_the_notes(
    workflows: Workflows, database_url: str
) -> None:
    session_id = confirmed(workflows)

    result = workflows.mission.complete_mission(
        session_id, "terminee", {"attendedParticipants": 11, "notes": "One no-show"}
    ).to_dict()

    assert result["success"] is True
    session = status(workflows, session_id)
    assert session["status"] == "completed"
    assert session["outcome"] == "terminee"
    assert session["attendedParticipants"] == 11
    assert session["completionNotes"] == "One no-show"
    action, details = audit(database_url, session_id)[-1]
    assert action == "complete"
    assert details["attendedParticipants"] == 11 and details["notes"] == "One no-show"


@pytest.mark.parametrize(
    ("details", "field", "message"),
    [
        ("eleven", "details", "details must be an object with attendedParticipants and/or notes"),
        ({"attended": 3}, "attended", 'details has an unknown field "attended"'),
        ({"attendedParticipants": -1}, "attendedParticipants", "at least 0, got -1"),
        ({"attendedParticipants": 2.5}, "attendedParticipants", "must be a whole number"),
        (
            {"attendedParticipants": 13},
            "attendedParticipants",
            "attendedParticipants must be at most 12 (the session's capacity), got 13",
        ),
        ({"notes": ["x"]}, "notes", "notes must be a string"),
    ],
)
def test_bad_completion_details_change_nothing(
    workflows: Workflows, database_url: str, details: object, field: str, message: str
) -> None:
    session_id = confirmed(workflows)
    result = refused_unchanged(
        database_url, workflows.mission.complete_mission, session_id, "completed", details
    )
    assert result["error"] == "VALIDATION_ERROR"
    assert result["field"] == field
    assert message in str(result["message"])


# -- import-reference keeps what an entry leaves out ---------------------------------------


def test_an_entry_that_leaves_fields_out_keeps_their_stored_values(workflows: Workflows) -> None:
    import_reference(
        workflows,
        {"operators": [{"id": "op_bretagne_2", "name": "Jeanne", "active": False}]},
    )
    result = import_reference(
        workflows,
        {
            "operators": [{"id": "op_bretagne_2", "active": True}],
            "setups": [{"id": "setup_bretagne_2", "name": "Kit Brest"}],
            "modules": [{"id": "module_tir", "name": "Tir"}],
            "clients": [{"id": "client_123", "phone": "0102030405"}],
        },
    )
    reference = workflows.queries.reference()
    operator = next(o for o in reference.operators if o.id == "op_bretagne_2")
    assert (operator.name, operator.region_id, operator.active) == ("Jeanne", "bretagne", True)
    assert operator.unavailable_dates == frozenset({dt.date(2025, 3, 12)})
    setup = next(s for s in reference.setups if s.id == "setup_bretagne_2")
    assert (setup.name, setup.region_id) == ("Kit Brest", "bretagne")
    assert setup.unavailable_dates == frozenset({dt.date(2025, 3, 11)})
    module = next(m for m in reference.modules if m.id == "module_tir")
    assert (module.name, module.capacity_max) == ("Tir", 12)
    client = next(c for c in reference.clients if c.id == "client_123")
    assert (client.name, client.email, client.phone) == (
        "ACME",
        "contact@acme.example",
        "0102030405",
    )
    assert result["conflicts"] == []


def test_an_import_lists_only_the_conflicts_it_creates(workflows: Workflows) -> None:
    first = confirmed(workflows, date="2025-03-10")
    second = confirmed(workflows, date="2025-03-11")
    import_reference(
        workflows, {"operators": [{"id": "op_occitanie_1", "unavailableDates": ["2025-03-10"]}]}
    )

    result = import_reference(
        workflows,
        {"operators": [{"id": "op_occitanie_1", "unavailableDates": ["2025-03-10", "2025-03-11"]}]},
    )

    conflicts = result["conflicts"]
    assert isinstance(conflicts, list)
    assert [item["sessionId"] for item in conflicts] == [second]
    assert first in {
        c.session_id for c in workflows.booking_changes.get_resource_conflicts().conflicts
    }
