"""After confirmation: schedule, start, complete, cancel (SPEC 2.6)."""

from __future__ import annotations

import pytest

from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import BOOKING_DAY, booking_request, database_dump


def confirmed_session(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated)
    assert workflows.booking.confirm_session_booking(created.session.id).success
    return created.session.id


def test_a_mission_runs_from_confirmed_to_completed(workflows: Workflows) -> None:
    session_id = confirmed_session(workflows)

    scheduled = workflows.mission.schedule_mission(session_id).to_dict()
    started = workflows.mission.start_mission(session_id).to_dict()
    completed = workflows.mission.complete_mission(session_id, "terminee").to_dict()

    assert (scheduled["status"], started["status"], completed["status"]) == (
        "scheduled",
        "in_progress",
        "completed",
    )
    assert completed["previousStatus"] == "in_progress"
    session = completed["session"]
    assert isinstance(session, dict)
    assert session["outcome"] == "terminee"
    assert all(session[key] for key in ("scheduledAt", "startedAt", "completedAt"))
    actions = [entry.action for entry in workflows.queries.audit_trail(session_id)]
    assert actions == ["create", "confirm", "schedule", "start", "complete"]


def test_a_completed_session_still_holds_its_day(workflows: Workflows) -> None:
    session_id = confirmed_session(workflows, regionId="bretagne")
    confirmed_session(workflows, regionId="bretagne")
    workflows.mission.complete_mission(session_id, "completed")

    result = workflows.booking.create_session_booking(
        booking_request(regionId="bretagne")
    ).to_dict()

    assert result["error"] == "NO_AVAILABILITY"


def test_cancel_mission_releases_the_setup_and_operator(workflows: Workflows) -> None:
    first = confirmed_session(workflows, regionId="bretagne")
    confirmed_session(workflows, regionId="bretagne")

    cancelled = workflows.mission.cancel_mission(first, "Client moved the event").to_dict()

    assert cancelled["status"] == "cancelled"
    session = cancelled["session"]
    assert isinstance(session, dict)
    assert session["cancellationReason"] == "Client moved the event"
    check = workflows.booking.check_availability(
        "bretagne", BOOKING_DAY, ["module_tir"], 4
    ).to_dict()
    availability = check["availability"]
    assert isinstance(availability, dict)
    assert availability["availableSetups"] == 1
    again = workflows.booking.create_session_booking(booking_request(regionId="bretagne"))
    assert isinstance(again, BookingCreated)
    confirmed = workflows.booking.confirm_session_booking(again.session.id).to_dict()
    assert confirmed["allocatedSetupId"] == "setup_bretagne_1"


@pytest.mark.parametrize(
    ("steps", "action", "message"),
    [
        ([], "schedule", None),
        (["schedule"], "schedule", "Session status is scheduled, expected 'confirmed'"),
        (["start"], "cancel", "Session status is in_progress, expected 'confirmed' or 'scheduled'"),
        (["complete"], "start", "Session status is completed, expected 'confirmed' or 'scheduled'"),
        (
            ["cancel"],
            "complete",
            "Session status is cancelled, expected 'in_progress', 'confirmed' or 'scheduled'",
        ),
    ],
)
def test_a_wrong_status_is_invalid_status(
    workflows: Workflows, database_url: str, steps: list[str], action: str, message: str | None
) -> None:
    session_id = confirmed_session(workflows)
    run = {
        "schedule": lambda: workflows.mission.schedule_mission(session_id),
        "start": lambda: workflows.mission.start_mission(session_id),
        "complete": lambda: workflows.mission.complete_mission(session_id, "completed"),
        "cancel": lambda: workflows.mission.cancel_mission(session_id, "weather"),
    }
    for step in steps:
        assert run[step]().success
    before = database_dump(database_url)

    result = run[action]().to_dict()

    if message is None:
        assert result["success"] is True
        return
    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": message,
        "sessionId": session_id,
    }
    assert database_dump(database_url) == before


def test_a_pending_booking_cannot_start(workflows: Workflows) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)
    result = workflows.mission.start_mission(created.session.id).to_dict()
    assert (
        result["message"]
        == "Session status is pending_confirmation, expected 'confirmed' or 'scheduled'"
    )


def test_mission_of_an_unknown_session(workflows: Workflows) -> None:
    result = workflows.mission.start_mission("sess_nope").to_dict()
    assert result["error"] == "INVALID_STATUS"
    assert result["message"] == "Session sess_nope not found"


@pytest.mark.parametrize(
    ("outcome", "message"), [("done", 'got "done"'), (None, "got null"), (3, "got 3")]
)
def test_complete_refuses_an_unknown_outcome(
    workflows: Workflows, outcome: object, message: str
) -> None:
    session_id = confirmed_session(workflows)
    result = workflows.mission.complete_mission(session_id, outcome).to_dict()
    assert result["error"] == "VALIDATION_ERROR"
    assert str(result["message"]).startswith("outcome must be 'terminee' or 'completed'")
    assert message in str(result["message"])


@pytest.mark.parametrize("reason", [None, "", "   ", 12])
def test_cancel_mission_needs_a_reason(workflows: Workflows, reason: object) -> None:
    session_id = confirmed_session(workflows)
    result = workflows.mission.cancel_mission(session_id, reason).to_dict()
    assert result["error"] == "VALIDATION_ERROR"
    assert "reason" in str(result["message"])
