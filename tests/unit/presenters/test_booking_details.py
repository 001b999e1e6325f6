"""Booking details: what it shows and the actions each status allows."""

from __future__ import annotations

import datetime as dt

import pytest

from dst_desktop.presenters.booking_details import BookingDetailsPresenter, DetailAction
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingStatus
from dst_desktop.services.workflows import Workflows
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeDetailsView, FakeDialogs, RecordingPrinting


class Details:
    def __init__(
        self,
        workflows: Workflows,
        catalogue: Catalogue,
        dialogs: FakeDialogs,
        l10n: PlainLocalizer,
        printing: RecordingPrinting | None = None,
    ) -> None:
        self.view = FakeDetailsView()
        self.changes: list[None] = []
        self.presenter = BookingDetailsPresenter(
            self.view,
            workflows.booking,
            workflows.mission,
            catalogue,
            dialogs,
            l10n,
            on_changed=lambda: self.changes.append(None),
            printing=printing,
            today=workflows.queries.today,
        )


@pytest.fixture
def details(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> Details:
    return Details(workflows, catalogue, dialogs, l10n)


def status_of(workflows: Workflows, session_id: str) -> str:
    result = workflows.booking.get_booking_status(session_id)
    assert isinstance(result, BookingStatus)
    return result.session.status.value


def test_pending_booking_shows_its_request_and_offers_confirm_or_cancel(
    workflows: Workflows, details: Details
) -> None:
    session = create(workflows, notes="Bring ear protection")
    details.presenter.load(session.id)
    view = details.view
    assert view.title == "ACME — Monday 2025-03-10"
    assert view.status == ("Pending confirmation", Tone.ATTENTION)
    assert view.fields["Client"] == "ACME"
    assert view.fields["Contact"] == "contact@acme.example"
    assert view.fields["Modules"] == "Tir de précision (up to 12), Scénario tactique (up to 16)"
    assert view.fields["Participants"] == "12 (at most 12)"
    assert view.fields["Offer"] == "Pack Pro"
    assert view.fields["Setup"] == "allocated at confirmation"
    assert view.fields["Notes"] == "Bring ear protection"
    assert "Confirmed" not in view.fields
    assert [line.what for line in view.audit] == ["Booking requested"]
    assert view.action_labels == ["Confirm booking", "Cancel booking…"]
    assert not view.print_available


def test_confirm_from_details_allocates_and_shows_mission_actions(
    workflows: Workflows, details: Details
) -> None:
    session = create(workflows)
    details.presenter.load(session.id)
    details.presenter.perform(DetailAction.CONFIRM)
    view = details.view
    assert view.outcome == (
        "Confirmed with Setup Occitanie #1, run by Opérateur Occitanie 1.",
        Tone.GOOD,
    )
    assert view.status == ("Confirmed", Tone.GOOD)
    assert view.fields["Setup"] == "Setup Occitanie #1"
    assert view.fields["Operator"] == "Opérateur Occitanie 1"
    assert "Confirmed" in view.fields
    assert view.audit[-1].what == "Confirmed"
    assert view.audit[-1].details == "Setup Occitanie #1, Opérateur Occitanie 1"
    assert view.action_labels == ["Schedule", "Start", "Mark completed", "Cancel mission…"]
    assert details.changes == [None]


def test_mission_goes_through_schedule_start_and_complete(
    workflows: Workflows, details: Details, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    details.presenter.load(session.id)
    details.presenter.perform(DetailAction.SCHEDULE)
    assert details.view.action_labels == ["Start", "Mark completed", "Cancel mission…"]
    details.presenter.perform(DetailAction.START)
    assert details.view.status[0] == "In progress"
    assert details.view.action_labels == ["Mark completed"]
    details.presenter.perform(DetailAction.COMPLETE)
    # The session is on 10 March, today is 20 February: asked first, then the outcome.
    assert dialogs.questions[-1][1] == (
        "The session of ACME on 2025-03-10 is planned for Monday 2025-03-10, which has not "
        "come yet. Mark it completed already?"
    )
    assert (
        dialogs.completion_requests[-1].heading == "How did the session of ACME on 2025-03-10 go?"
    )
    assert details.view.status == ("Completed", Tone.NEUTRAL)
    assert details.view.action_labels == []
    assert [line.what for line in details.view.audit] == [
        "Booking requested",
        "Confirmed",
        "Scheduled",
        "Started",
        "Completed",
    ]


def test_cancel_mission_asks_a_reason_and_frees_the_day(
    workflows: Workflows, details: Details, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    details.presenter.load(session.id)
    dialogs.text_answer = "Site closed by the prefecture"
    details.presenter.perform(DetailAction.CANCEL_MISSION)
    assert details.view.status == ("Cancelled", Tone.BAD)
    assert details.view.fields["Reason for cancelling"] == "Site closed by the prefecture"
    assert details.view.audit[-1].details == "reason: Site closed by the prefecture"
    assert details.view.outcome[0] == "Mission cancelled: its setup and operator are free again."
    day = workflows.queries.month_availability("occitanie", 2025, 3)[9]
    assert day.available_setups == 5


def test_cancel_mission_without_a_reason_changes_nothing(
    workflows: Workflows, details: Details, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    details.presenter.load(session.id)
    dialogs.text_answer = "   "
    details.presenter.perform(DetailAction.CANCEL_MISSION)
    assert dialogs.warnings == [
        ("Mission not cancelled", "A reason is needed to cancel a mission.")
    ]
    dialogs.text_answer = None  # the user closed the question
    details.presenter.perform(DetailAction.CANCEL_MISSION)
    assert status_of(workflows, session.id) == "confirmed"
    assert details.changes == []


def test_cancel_pending_booking_from_details_deletes_it_after_asking(
    workflows: Workflows, details: Details, dialogs: FakeDialogs
) -> None:
    session = create(workflows)
    details.presenter.load(session.id)
    details.presenter.perform(DetailAction.CANCEL_BOOKING)
    assert dialogs.questions[0][0] == "Cancel pending booking"
    assert details.view.title == "Booking not found"
    assert details.view.outcome[0] == "The pending booking was cancelled and deleted."
    assert details.view.actions == []


def test_action_refused_because_of_another_workstation_is_explained(
    workflows: Workflows, details: Details, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    details.presenter.load(session.id)
    workflows.mission.start_mission(session.id)  # elsewhere
    details.presenter.perform(DetailAction.SCHEDULE)
    assert dialogs.warnings[0][0] == "Action refused"
    assert "its status is now “In progress”" in dialogs.warnings[0][1]
    assert details.view.status[0] == "In progress"


def test_unknown_booking_says_not_found(details: Details) -> None:
    details.presenter.load("sess_missing")
    assert details.view.title == "Booking not found"
    assert details.view.status == (
        "This booking no longer exists: it may have been cancelled from another workstation.",
        Tone.BAD,
    )
    details.presenter.perform(DetailAction.CONFIRM)  # nothing to act on: no error


def test_print_summary_uses_the_printing_hook(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    printing = RecordingPrinting()
    details = Details(workflows, catalogue, dialogs, l10n, printing)
    details.presenter.load(session.id)
    assert details.view.print_available
    details.presenter.print_summary()
    assert printing.summaries == [session.id]


def test_confirming_a_booking_whose_date_has_passed_says_so(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)  # 2025-03-10, requested on 2025-02-20
    later = Workflows.create(workflows.store, BusinessDateClock(dt.date(2025, 3, 12)), "tester")
    details = Details(later, catalogue, dialogs, l10n)
    details.presenter.load(session.id)

    details.presenter.perform(DetailAction.CONFIRM)

    ((title, text),) = dialogs.warnings
    assert title == "Booking not confirmed"
    assert text == (
        "The date of this booking, 2025-03-10, has passed: it cannot be confirmed. The next "
        "free dates to offer the client: 2025-03-12, 2025-03-13, 2025-03-14, 2025-03-15, 2025-03-16."
    )
    assert "already taken" not in text
