"""The pending queue (filters, confirm several, cancel after asking) and the browser."""

from __future__ import annotations

import datetime as dt

import pytest

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.booking_lists import (
    BookingFilter,
    BookingsBrowserPresenter,
    PendingQueuePresenter,
)
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCancelled, BookingConfirmed, Failure
from dst_desktop.services.workflows import Workflows
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeDialogs, FakeTableView, RecordingPrinting


class Queue:
    def __init__(
        self,
        workflows: Workflows,
        catalogue: Catalogue,
        dialogs: FakeDialogs,
        l10n: PlainLocalizer,
        printing: RecordingPrinting | None = None,
        booking: BookingWorkflow | None = None,
    ) -> None:
        self.view = FakeTableView()
        self.changes: list[None] = []
        self.details: list[str] = []
        self.presenter = PendingQueuePresenter(
            self.view,
            booking or workflows.booking,
            workflows.queries,
            catalogue,
            dialogs,
            l10n,
            on_changed=lambda: self.changes.append(None),
            on_details=self.details.append,
            printing=printing,
        )
        self.presenter.load()


@pytest.fixture
def queue(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> Queue:
    return Queue(workflows, catalogue, dialogs, l10n)


def test_queue_lists_only_pending_bookings_by_date(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    later = create(workflows, date="2025-03-12")
    sooner = create(workflows, date="2025-03-11", regionId="bretagne", clientId="client_acme")
    create_confirmed(workflows, date="2025-03-13")
    queue = Queue(workflows, catalogue, dialogs, l10n)
    assert queue.view.session_ids == [sooner.id, later.id]
    assert queue.view.column("Client") == ["ACME Sécurité", "ACME"]
    assert queue.view.column("Region") == ["Bretagne", "Occitanie"]
    assert queue.view.column("Participants") == ["12 / 12", "12 / 12"]
    assert queue.view.column("Modules")[0] == "Tir de précision, Scénario tactique"
    assert queue.view.count == "2 bookings waiting"
    assert [c.text for c in queue.view.regions] == ["Bretagne", "Occitanie"]


def test_empty_queue_says_nothing_is_waiting(queue: Queue) -> None:
    assert queue.view.count == "No booking is waiting."
    assert queue.view.actions == {
        "confirm": False,
        "cancel": False,
        "details": False,
        "print_summary": False,
        "edit": False,
    }


def test_filters_by_region_client_dates_and_text(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    a = create(workflows, date="2025-03-11", notes="Hangar 4")
    b = create(workflows, date="2025-03-20", regionId="bretagne")
    c = create(workflows, date="2025-03-25", clientId="client_acme")
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.filter_changed(BookingFilter(region_id="bretagne"))
    assert queue.view.session_ids == [b.id]
    queue.presenter.filter_changed(BookingFilter(client_id="client_acme"))
    assert queue.view.session_ids == [c.id]
    queue.presenter.filter_changed(
        BookingFilter(date_from=dt.date(2025, 3, 15), date_to=dt.date(2025, 3, 31))
    )
    assert queue.view.session_ids == [b.id, c.id]
    queue.presenter.filter_changed(BookingFilter(text="hangar"))
    assert queue.view.session_ids == [a.id]
    queue.presenter.filter_changed(BookingFilter(text="nobody"))
    assert queue.view.count == "No pending booking matches the filters."


def test_selection_enables_the_actions(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    a = create(workflows)
    b = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([a.id])
    assert queue.view.actions == {
        "confirm": True,
        "cancel": True,
        "details": True,
        "print_summary": False,  # no printing installed
        "edit": False,  # no editor given to this queue
    }
    queue.presenter.selection_changed([a.id, b.id])
    assert queue.view.actions["confirm"] and not queue.view.actions["details"]


def test_confirm_one_reports_setup_and_operator(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([session.id])
    queue.presenter.confirm_selected()
    assert queue.view.outcome == (
        "ACME on 2025-03-10 (Occitanie): confirmed with Setup Occitanie #1, run by "
        "Opérateur Occitanie 1.",
        Tone.GOOD,
    )
    assert queue.view.session_ids == []
    assert queue.changes == [None]
    assert dialogs.reports == [] and dialogs.warnings == []


def test_confirm_several_reports_each_outcome_with_alternatives(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    # Bretagne has one usable setup on 2025-03-11: only the first request can have it.
    first = create(workflows, regionId="bretagne", date="2025-03-11")
    second = create(workflows, regionId="bretagne", date="2025-03-11", clientId="client_acme")
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([first.id, second.id])
    queue.presenter.confirm_selected()
    title, summary, lines = dialogs.reports[0]
    assert (title, summary) == ("Confirmation report", "1 confirmed, 1 not confirmed.")
    assert lines[0].startswith("✓ ACME on 2025-03-11 (Bretagne): confirmed with Setup Bretagne #1")
    assert lines[1] == (
        "✗ ACME Sécurité on 2025-03-11 (Bretagne): not confirmed. Every setup or operator of "
        "Bretagne is already taken on 2025-03-11. Free dates nearby: 2025-03-12, 2025-03-13, "
        "2025-03-14, 2025-03-15, 2025-03-16."
    )
    assert queue.view.session_ids == [second.id]
    assert queue.view.outcome == ("1 confirmed, 1 not confirmed.", Tone.ATTENTION)


def test_confirm_of_a_booking_confirmed_elsewhere_names_its_status(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([session.id])
    workflows.booking.confirm_session_booking(session.id)  # another workstation
    queue.presenter.confirm_selected()
    assert dialogs.warnings == [
        (
            "Booking not confirmed",
            "The booking of ACME on 2025-03-10 (Occitanie) was not confirmed. This booking "
            "has changed meanwhile: its status is now “Confirmed”. Another workstation may "
            "have handled it.",
        )
    ]
    assert queue.view.session_ids == []


class LockedOn(BookingWorkflow):
    """The booking workflow, except that the database fails on one session."""

    def __init__(self, booking: BookingWorkflow, failing_id: str) -> None:
        self._booking = booking
        self._failing_id = failing_id

    def confirm_session_booking(self, session_id: object) -> BookingConfirmed | Failure:
        if session_id == self._failing_id:
            raise StorageError("The database is locked by another program.")
        return self._booking.confirm_session_booking(session_id)

    def cancel_pending_booking(self, session_id: object) -> BookingCancelled | Failure:
        if session_id == self._failing_id:
            raise StorageError("The database is locked by another program.")
        return self._booking.cancel_pending_booking(session_id)

    def __getattr__(self, name: str) -> object:
        return getattr(self._booking, name)


def test_a_database_error_on_one_row_is_that_rows_outcome_and_the_rest_is_kept(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    first = create(workflows, date="2025-03-10")
    locked = create(workflows, date="2025-03-11")
    last = create(workflows, date="2025-03-12")
    queue = Queue(
        workflows, catalogue, dialogs, l10n, booking=LockedOn(workflows.booking, locked.id)
    )
    queue.presenter.selection_changed([first.id, locked.id, last.id])

    queue.presenter.confirm_selected()

    title, summary, lines = dialogs.reports[0]
    assert title == "Confirmation report"
    assert summary == "2 confirmed, 1 not confirmed."
    assert lines[0].startswith("✓ ACME on 2025-03-10 (Occitanie): confirmed with")
    assert lines[1] == (
        "✗ ACME on 2025-03-11 (Occitanie): not confirmed. The database could not be used, so "
        "this booking was left as it was. (The database is locked by another program.)"
    )
    assert lines[2].startswith("✓ ACME on 2025-03-12 (Occitanie): confirmed with")
    assert queue.view.session_ids == [locked.id]  # the queue shows what was committed
    assert queue.changes == [None]  # the calendar and the browser catch up
    assert queue.view.outcome == ("2 confirmed, 1 not confirmed.", Tone.ATTENTION)


def test_a_database_error_on_one_cancellation_keeps_the_others(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    first = create(workflows)
    locked = create(workflows)
    queue = Queue(
        workflows, catalogue, dialogs, l10n, booking=LockedOn(workflows.booking, locked.id)
    )
    queue.presenter.selection_changed([first.id, locked.id])

    queue.presenter.cancel_selected()

    assert queue.view.session_ids == [locked.id]
    assert queue.changes == [None]
    assert queue.view.outcome == ("1 pending booking cancelled.", Tone.NEUTRAL)
    assert dialogs.reports == [
        (
            "Cancellation report",
            "1 booking could not be cancelled.",
            [
                "ACME on 2025-03-10 (Occitanie): not cancelled. The database could not be "
                "used, so this booking was left as it was. (The database is locked by another "
                "program.)"
            ],
        )
    ]


def test_lists_that_cannot_be_read_again_after_a_batch_say_so(
    monkeypatch: pytest.MonkeyPatch,
    workflows: Workflows,
    catalogue: Catalogue,
    dialogs: FakeDialogs,
    l10n: PlainLocalizer,
) -> None:
    session = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([session.id])

    def unreadable(*_args: object) -> None:
        raise StorageError("The database file cannot be read.")

    monkeypatch.setattr(workflows.queries, "sessions", unreadable)
    queue.presenter.confirm_selected()

    assert workflows.booking.get_booking_status(session.id).session.status is (
        SessionStatus.CONFIRMED
    )
    assert queue.view.outcome[0].startswith("ACME on 2025-03-10 (Occitanie): confirmed with")
    assert dialogs.warnings == [
        (
            "Lists not up to date",
            "The outcome of each booking is shown, but the lists could not be read again and "
            "may be out of date: use Bookings ▸ Refresh. (The database file cannot be read.)",
        )
    ]


def test_confirming_bookings_whose_date_has_passed_says_so_not_that_setups_are_taken(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    passed = create(workflows, date="2025-03-10")
    coming = create(workflows, date="2025-03-20")
    later = Workflows.create(workflows.store, BusinessDateClock(dt.date(2025, 3, 12)), "tester")
    queue = Queue(later, Catalogue(later.queries), dialogs, l10n)
    queue.presenter.selection_changed([passed.id, coming.id])

    queue.presenter.confirm_selected()

    _title, summary, lines = dialogs.reports[0]
    assert summary == "1 confirmed, 1 not confirmed."
    assert lines[0] == (
        "✗ ACME on 2025-03-10 (Occitanie): not confirmed. The date of this booking, "
        "2025-03-10, has passed: it cannot be confirmed. The next free dates to offer the "
        "client: 2025-03-12, "
        "2025-03-13, 2025-03-14, 2025-03-15, 2025-03-16."
    )
    assert lines[1].startswith("✓ ACME on 2025-03-20 (Occitanie): confirmed with")


def test_cancel_asks_first_and_keeps_the_booking_when_told_no(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([session.id])
    dialogs.confirm_answer = False
    queue.presenter.cancel_selected()
    assert dialogs.questions[0][1].startswith("Cancel the pending booking of ACME on 2025-03-10")
    assert queue.view.session_ids == [session.id]
    assert queue.changes == []


def test_cancel_deletes_the_selected_bookings(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    a = create(workflows)
    b = create(workflows)
    keep = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([a.id, b.id])
    queue.presenter.cancel_selected()
    assert "Cancel 2 pending bookings?" in dialogs.questions[0][1]
    assert queue.view.session_ids == [keep.id]
    assert workflows.booking.get_booking_status(a.id).success is False
    assert queue.view.outcome == ("2 pending bookings cancelled.", Tone.NEUTRAL)


def test_details_and_print_go_to_the_selected_booking(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    printing = RecordingPrinting()
    queue = Queue(workflows, catalogue, dialogs, l10n, printing=printing)
    queue.presenter.selection_changed([session.id])
    assert queue.view.actions["print_summary"]
    queue.presenter.details_requested()
    queue.presenter.print_summary()
    assert queue.details == [session.id]
    assert printing.summaries == [session.id]


def test_printing_plugged_in_later_enables_print(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    session = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([session.id])
    queue.presenter.print_summary()  # nothing installed: nothing happens
    printing = RecordingPrinting()
    queue.presenter.set_printing(printing)
    assert queue.view.actions["print_summary"]
    queue.presenter.print_summary()
    assert printing.summaries == [session.id]


def test_created_booking_is_selected_in_the_queue(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    queue = Queue(workflows, catalogue, dialogs, l10n)
    session = create(workflows)
    queue.presenter.show_created(session.id)
    assert queue.view.session_ids == [session.id]
    assert queue.view.selected == session.id


def test_browser_finds_any_status_by_client_and_status(
    workflows: Workflows, catalogue: Catalogue, l10n: PlainLocalizer
) -> None:
    pending = create(workflows, date="2025-03-11")
    confirmed = create_confirmed(workflows, date="2025-03-12")
    cancelled = create_confirmed(workflows, date="2025-03-13", clientId="client_acme")
    workflows.mission.cancel_mission(cancelled.id, "Strike")
    view = FakeTableView()
    opened: list[str] = []
    browser = BookingsBrowserPresenter(view, workflows.queries, catalogue, l10n, opened.append)
    browser.load()
    assert view.session_ids == [pending.id, confirmed.id, cancelled.id]
    assert view.column("Status") == ["Pending confirmation", "Confirmed", "Cancelled"]
    # A cancelled mission keeps the name of the setup it had, as history.
    assert view.column("Setup") == ["", "Setup Occitanie #1", "Setup Occitanie #1"]
    assert [s.text for s in view.statuses][:2] == ["Pending confirmation", "Confirmed"]
    browser.filter_changed(BookingFilter(client_id="client_123"))
    assert view.session_ids == [pending.id, confirmed.id]
    browser.filter_changed(BookingFilter(status=SessionStatus.CANCELLED))
    assert view.session_ids == [cancelled.id]
    assert view.count == "1 booking"
    browser.selection_changed([cancelled.id])
    browser.details_requested()
    assert opened == [cancelled.id]


def test_browser_caps_long_lists_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
    workflows: Workflows,
    catalogue: Catalogue,
    l10n: PlainLocalizer,
) -> None:
    monkeypatch.setattr("dst_desktop.presenters.booking_lists.BROWSER_LIMIT", 2)
    for _ in range(3):
        create(workflows)
    view = FakeTableView()
    browser = BookingsBrowserPresenter(view, workflows.queries, catalogue, l10n, print)
    browser.load()
    assert len(view.session_ids) == 2
    assert view.count == "The first 2 bookings are shown: narrow the filters."


def test_the_total_waiting_ignores_the_filters(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    create(workflows, regionId="bretagne")
    create(workflows)
    create(workflows, date="2025-03-11")
    queue = Queue(workflows, catalogue, dialogs, l10n)
    assert queue.view.total == 3

    queue.presenter.filter_changed(BookingFilter(region_id="bretagne"))
    assert queue.view.count == "1 booking waiting"
    assert queue.view.total == 3

    queue.presenter.selection_changed([queue.view.session_ids[0]])
    queue.presenter.confirm_selected()
    assert queue.view.total == 2  # re-counted after a change, the filter still on


def test_several_selected_bookings_are_counted(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    for day in ("2025-03-10", "2025-03-11", "2025-03-12"):
        create(workflows, date=day)
    queue = Queue(workflows, catalogue, dialogs, l10n)

    queue.presenter.selection_changed(queue.view.session_ids[:1])
    assert queue.view.count == "3 bookings waiting"
    queue.presenter.selection_changed(queue.view.session_ids)
    assert queue.view.count == "3 bookings waiting · 3 selected"


def test_an_outcome_stays_until_the_user_moves_on(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    first = create(workflows)
    create(workflows, date="2025-03-11")
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([first.id])
    queue.presenter.confirm_selected()
    assert queue.view.outcome[0].startswith("ACME on 2025-03-10 (Occitanie): confirmed with")

    queue.presenter.selection_changed([])  # the confirmed row left the queue: still said
    assert queue.view.outcome[0].startswith("ACME on 2025-03-10")
    queue.presenter.selection_changed(queue.view.session_ids)  # another booking
    assert queue.view.outcome == ("", Tone.NEUTRAL)


def test_filtering_clears_the_last_outcome(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    first = create(workflows)
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.selection_changed([first.id])
    queue.presenter.confirm_selected()
    assert queue.view.outcome[0]

    queue.presenter.filter_changed(BookingFilter(text="ACME"))

    assert queue.view.outcome == ("", Tone.NEUTRAL)


def test_a_new_booking_hidden_by_the_filters_clears_them(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.filter_changed(BookingFilter(region_id="bretagne"))
    session = create(workflows)  # in Occitanie

    queue.presenter.show_created(session.id)

    assert queue.view.shown_filter == BookingFilter()
    assert queue.presenter.filter == BookingFilter()
    assert queue.view.session_ids == [session.id]
    assert queue.view.selected == session.id
    assert queue.view.outcome == (
        "The filters were cleared to show the new booking.",
        Tone.NEUTRAL,
    )


def test_a_new_booking_the_filters_show_keeps_them(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    queue = Queue(workflows, catalogue, dialogs, l10n)
    queue.presenter.filter_changed(BookingFilter(region_id="occitanie"))
    session = create(workflows)

    queue.presenter.show_created(session.id)

    assert queue.view.shown_filter is None
    assert queue.presenter.filter == BookingFilter(region_id="occitanie")
    assert queue.view.selected == session.id
