"""Changes after booking in the window's presenters: edit a request, reschedule on the
calendar, the Conflicts view, the offer to reallocate after a reference change, mission
steps before the day, past-dated requests in the queue."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dst_desktop.presenters.booking_details import BookingDetailsPresenter, DetailAction
from dst_desktop.presenters.dialogs import BookingDraft, CompletionDetails
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.main_window import MainPresenter, MainViews
from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.reference_editor import ReferenceEntry, ReferenceKind
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingStatus
from dst_desktop.services.workflows import Workflows
from tests.conftest import sample_reference
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import (
    FakeBookingFormView,
    FakeCalendarView,
    FakeConflictsView,
    FakeDetailsView,
    FakeDialogs,
    FakeMainView,
    FakeModulePickerView,
    FakeReferenceView,
    FakeTableView,
    InlineRunner,
)

DAY = dt.date(2025, 3, 10)


class Window:
    def __init__(self, workflows: Workflows, dialogs: FakeDialogs) -> None:
        self.workflows = workflows
        self.dialogs = dialogs
        self.main = FakeMainView()
        self.queue = FakeTableView()
        self.conflicts = FakeConflictsView()
        self.presenter = MainPresenter(
            MainViews(
                self.main,
                FakeCalendarView(),
                FakeModulePickerView(),
                FakeBookingFormView(),
                self.queue,
                FakeTableView(),
                self.conflicts,
            ),
            workflows,
            dialogs,
            InlineRunner(),
            PlainLocalizer(),
            demo_reference=sample_reference,
        )
        self.presenter.start("occitanie")

    def details(self, session_id: str) -> FakeDetailsView:
        view = FakeDetailsView()
        presenter = self.presenter.details_presenter(view)
        presenter.load(session_id)
        self.details_presenter: BookingDetailsPresenter = presenter
        return view

    def status(self, session_id: str) -> BookingStatus:
        result = self.workflows.booking.get_booking_status(session_id)
        assert isinstance(result, BookingStatus), result
        return result


@pytest.fixture
def window(workflows: Workflows, dialogs: FakeDialogs) -> Window:
    return Window(workflows, dialogs)


def draft_of(window: Window, session_id: str, **changes: object) -> BookingDraft:
    session = window.status(session_id).session
    draft = BookingDraft(
        session.date,
        session.module_ids,
        session.requested_participants,
        session.client_id,
        session.offer_id,
        session.notes,
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


# -- editing a pending request -------------------------------------------------------------


def test_edit_from_the_queue_corrects_the_participants(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    session = create(workflows, requestedParticipants=10)
    window.presenter.queue.refresh()
    window.presenter.queue.selection_changed([session.id])
    assert window.queue.actions["edit"] is True
    dialogs.drafts = [draft_of(window, session.id, participants=11)]

    window.presenter.queue.edit_selected()

    request = dialogs.edit_requests[0]
    assert request.title == "Edit pending booking"
    assert request.heading.startswith("ACME — Occitanie, requested on 2025-02-20 ")
    assert request.draft.participants == 10
    assert [c.text for c in request.modules] == [
        "Premiers secours (up to 24)",
        "Scénario tactique (up to 16)",
        "Tir de précision (up to 12)",
    ]
    assert request.error == ""
    assert window.status(session.id).session.requested_participants == 11
    assert window.queue.column("Participants") == ["11 / 12"]
    assert window.queue.outcome == (
        "The booking of ACME on 2025-03-10 (Occitanie) was updated.",
        Tone.GOOD,
    )


def test_a_refused_correction_reopens_the_dialog_with_what_was_typed_and_why(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    session = create(workflows)
    too_many = draft_of(window, session.id, participants=13, notes="Bigger group")
    dialogs.drafts = [too_many, draft_of(window, session.id, participants=12, notes="OK")]

    window.presenter.edit_booking(session.id)

    assert len(dialogs.edit_requests) == 2
    second = dialogs.edit_requests[1]
    assert second.draft == too_many
    assert second.error == "13 participants is more than the chosen modules allow (12 at most)."
    assert window.status(session.id).session.notes == "OK"


def test_an_edit_given_up_or_unchanged_writes_nothing(
    workflows: Workflows, window: Window, dialogs: FakeDialogs, database_url: str
) -> None:
    from tests.conftest import database_dump

    session = create(workflows)
    before = database_dump(database_url)
    window.presenter.edit_booking(session.id)  # no answer: given up
    dialogs.drafts = [draft_of(window, session.id)]
    window.presenter.edit_booking(session.id)  # the same request
    assert len(dialogs.edit_requests) == 2
    assert database_dump(database_url) == before


def test_details_offer_edit_for_a_request_and_reschedule_for_a_confirmed_session(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    request = create(workflows)
    view = window.details(request.id)
    assert view.action_labels == ["Confirm booking", "Edit…", "Cancel booking…"]
    dialogs.drafts = [draft_of(window, request.id, day=dt.date(2025, 3, 12))]
    window.details_presenter.perform(DetailAction.EDIT)
    assert view.fields["Date"] == "Wednesday 2025-03-12"
    assert view.outcome == ("Booking updated.", Tone.GOOD)
    assert view.audit[-1].what == "Request corrected"
    assert view.audit[-1].details == "changed: date"

    confirmed = create_confirmed(workflows)
    view = window.details(confirmed.id)
    assert view.action_labels == [
        "Schedule",
        "Start",
        "Mark completed",
        "Reschedule…",
        "Cancel mission…",
    ]


# -- rescheduling ------------------------------------------------------------------------


def test_reschedule_to_a_full_day_then_to_a_free_one(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    taken = create_confirmed(workflows, regionId="bretagne", date="2025-03-11")
    session = create_confirmed(workflows, regionId="bretagne", date="2025-03-10")
    view = window.details(session.id)
    dialogs.new_dates = [dt.date(2025, 3, 11), dt.date(2025, 3, 13)]

    window.details_presenter.perform(DetailAction.RESCHEDULE)

    first, second = dialogs.date_requests
    assert first.current == dt.date(2025, 3, 10)
    assert first.initial == dt.date(2025, 3, 12)  # the first free day after the booking's
    assert first.accept_label == "Reschedule"
    marks = {mark.date: mark for mark in first.month_marks(2025, 3)}
    assert marks[dt.date(2025, 3, 11)].available_setups == 0
    assert marks[dt.date(2025, 3, 12)].available_setups == 1
    assert second.error == (
        "Every setup or operator of Bretagne is already taken on 2025-03-11. "
        "Free dates nearby: 2025-03-12, 2025-03-13, 2025-03-14, 2025-03-15, 2025-03-16."
    )
    assert second.initial == dt.date(2025, 3, 12)
    moved_to = view.fields["Date"]
    assert moved_to == "Thursday 2025-03-13"
    assert view.fields["Rescheduled from"] == session.id
    assert view.status == ("Confirmed", Tone.GOOD)
    assert view.outcome[0].startswith(
        "Rescheduled to Thursday 2025-03-13 with Setup Bretagne #1, run by Opérateur Bretagne 1."
    )
    assert window.status(session.id).session.status.value == "cancelled"
    assert window.status(taken.id).session.status.value == "confirmed"


# -- conflicts ----------------------------------------------------------------------------


def leave_for(window: Window, operator_id: str, *days: dt.date) -> FakeReferenceView:
    """The reference data dialog: the operator gets leave days, and Save is pressed."""
    view = FakeReferenceView()
    editor = window.presenter.reference_editor_presenter(view)
    editor.load()
    editor.select(ReferenceKind.OPERATORS, operator_id)
    entry, _ = view.entries[ReferenceKind.OPERATORS]
    editor.save(
        ReferenceKind.OPERATORS,
        dataclasses.replace(entry, unavailable_dates=tuple(days)),
        is_new=False,
    )
    return view


def test_leave_on_an_allocated_day_is_offered_for_reallocation_in_one_click(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    dialogs.reallocate = ()  # "Later"

    view = leave_for(window, "op_occitanie_1", DAY)

    assert view.messages[ReferenceKind.OPERATORS] == (
        "Opérateur Occitanie 1 saved. 1 confirmed session can no longer be served as planned.",
        Tone.ATTENTION,
    )
    offer = dialogs.reallocation_offers[0]
    assert offer.summary == (
        "Saving Opérateur Occitanie 1 leaves 1 confirmed session on a setup or operator "
        "that cannot serve it. Reallocate it to a free one of the same day?"
    )
    assert [(c.id, c.text) for c in offer.sessions] == [
        (
            session.id,
            "ACME on 2025-03-10 (Occitanie): Opérateur Occitanie 1 is on leave that day",
        )
    ]
    # Left for later: the Conflicts view lists it, with its badge.
    assert window.conflicts.badge == 1
    assert window.conflicts.column("Problem") == ["Opérateur Occitanie 1 is on leave that day"]
    assert window.conflicts.actions == {
        "reallocate": False,
        "reallocate_all": True,
        "details": False,
    }
    window.presenter.conflicts.reallocate_all()
    assert window.conflicts.outcome == (
        "ACME on 2025-03-10 (Occitanie): Setup Occitanie #1, run by Opérateur Occitanie 2.",
        Tone.GOOD,
    )
    assert window.conflicts.badge == 0
    assert window.conflicts.count == (
        "No conflict: every coming session can be served.",
        Tone.GOOD,
    )
    assert window.status(session.id).session.operator_id == "op_occitanie_2"


def test_reallocate_all_from_the_offer_reports_each_outcome(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    first = create_confirmed(workflows, regionId="bretagne", date="2025-03-13")
    second = create_confirmed(workflows, regionId="bretagne", date="2025-03-14")
    # Both Bretagne operators away on the 13th: that one cannot be reallocated.
    leave_for(window, "op_bretagne_2", dt.date(2025, 3, 12), dt.date(2025, 3, 13))

    leave_for(window, "op_bretagne_1", dt.date(2025, 3, 13), dt.date(2025, 3, 14))

    title, summary, lines = dialogs.reports[-1]
    assert (title, summary) == ("Sessions to reallocate", "1 of 2 reallocated.")
    assert lines[0].startswith(
        "✗ ACME on 2025-03-13 (Bretagne): not reallocated. Every setup or operator of "
        "Bretagne is already taken on 2025-03-13."
    )
    assert lines[0].endswith("Reschedule it from its details, or cancel it with the client.")
    assert lines[1] == (
        "✓ ACME on 2025-03-14 (Bretagne): Setup Bretagne #1, run by Opérateur Bretagne 2."
    )
    assert window.conflicts.badge == 1
    assert window.status(first.id).session.operator_id == "op_bretagne_1"
    assert window.status(second.id).session.operator_id == "op_bretagne_2"


def test_a_started_mission_in_conflict_is_listed_but_keeps_its_resources(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    workflows.mission.start_mission(session.id)
    dialogs.reallocate = ()
    leave_for(window, "op_occitanie_1", DAY)
    assert window.conflicts.column("Status") == ["In progress"]
    assert window.conflicts.rows[0].blocked == (
        "The mission is in progress: it keeps its setup and operator."
    )
    assert window.conflicts.actions["reallocate_all"] is False


def test_importing_a_reference_file_offers_the_reallocation_too(
    workflows: Workflows, window: Window, dialogs: FakeDialogs, tmp_path: object
) -> None:
    import json
    from pathlib import Path

    session = create_confirmed(workflows)
    path = Path(str(tmp_path)) / "leave.json"
    path.write_text(
        json.dumps({"setups": [{"id": "setup_occitanie_1", "unavailableDates": ["2025-03-10"]}]})
    )

    window.presenter.import_reference_file(str(path))

    offer = dialogs.reallocation_offers[0]
    assert offer.summary.startswith("This import leaves 1 confirmed session")
    assert "Setup Occitanie #1 is in maintenance that day" in offer.sessions[0].text
    assert window.status(session.id).session.setup_id == "setup_occitanie_2"


# -- mission steps before the day ----------------------------------------------------------


def test_starting_or_completing_before_the_day_asks_first(
    workflows: Workflows, window: Window, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    view = window.details(session.id)
    dialogs.confirm_answer = False
    window.details_presenter.perform(DetailAction.START)
    assert dialogs.questions[-1] == (
        "Start mission",
        "The session of ACME on 2025-03-10 is planned for Monday 2025-03-10, which has not "
        "come yet. Start it already?",
    )
    window.details_presenter.perform(DetailAction.COMPLETE)
    assert dialogs.questions[-1][0] == "Mark completed"
    assert view.status[0] == "Confirmed"
    assert dialogs.completion_requests == []

    dialogs.confirm_answer = True
    dialogs.completion = CompletionDetails(attended=9, notes="Two no-shows")
    window.details_presenter.perform(DetailAction.COMPLETE)
    request = dialogs.completion_requests[0]
    assert (request.requested, request.capacity) == (12, 12)
    assert view.status[0] == "Completed"
    assert view.fields["Attended"] == "9 of 12 requested"
    assert view.fields["Completion notes"] == "Two no-shows"


def test_on_the_day_the_mission_starts_without_a_question(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    session = create_confirmed(workflows)
    on_the_day = Workflows.create(workflows.store, BusinessDateClock(DAY), "tester")
    window = Window(on_the_day, dialogs)
    view = window.details(session.id)
    window.details_presenter.perform(DetailAction.START)
    assert dialogs.questions == []
    assert view.status[0] == "In progress"


# -- past-dated requests -------------------------------------------------------------------


def test_a_request_whose_day_has_passed_is_marked_in_the_queue(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    create(workflows, date="2025-02-21")
    create(workflows, date="2025-03-10")
    later = Workflows.create(workflows.store, BusinessDateClock(dt.date(2025, 2, 25)), "tester")
    window = Window(later, dialogs)
    assert window.queue.column("Date") == ["2025-02-21 — day passed", "2025-03-10"]
    assert window.queue.table is not None
    alerts = [row.alert for row in window.queue.table.rows]
    assert alerts[0].startswith("The day of this request has passed: it cannot be confirmed.")
    assert alerts[1] == ""
    window.presenter.queue.selection_changed([window.queue.session_ids[0]])
    window.presenter.queue.confirm_selected()
    assert dialogs.warnings[-1][1] == (
        "The booking of ACME on 2025-02-21 (Occitanie) was not confirmed. The date of this "
        "booking, 2025-02-21, has passed: it cannot be confirmed. The next free dates to offer "
        "the client: 2025-02-25, 2025-02-26, 2025-02-27, 2025-02-28, 2025-03-01."
    )


def test_editing_a_passed_request_moves_it_to_a_coming_day(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    session = create(workflows, date="2025-02-21")
    later = Workflows.create(workflows.store, BusinessDateClock(dt.date(2025, 2, 25)), "tester")
    window = Window(later, dialogs)
    assert dialogs.edit_requests == []
    dialogs.drafts = [draft_of(window, session.id, day=dt.date(2025, 2, 27))]
    window.presenter.edit_booking(session.id)
    assert dialogs.edit_requests[0].earliest == dt.date(2025, 2, 25)
    assert window.queue.column("Date") == ["2025-02-27"]


def test_reference_entry_without_conflict_saves_quietly(window: Window) -> None:
    view = FakeReferenceView()
    editor = window.presenter.reference_editor_presenter(view)
    editor.load()
    editor.save(
        ReferenceKind.OPERATORS,
        ReferenceEntry(id="op_new", name="Léa", region_id="bretagne"),
        is_new=True,
    )
    assert view.messages[ReferenceKind.OPERATORS] == ("Léa saved.", Tone.GOOD)
