"""Seeing each other's work (SPEC 9): what another workstation does shows in an open
window within 2 seconds, without a click, and the user's own state stays as it was.

"Another workstation" is a second store on the same database (the ``workflows``
fixture: its own connection, its own origin) or a ``dst-desktop`` process; on
PostgreSQL the window hears it through LISTEN/NOTIFY, on SQLite through the file's data
version.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, booking_request
from tests.gui.helpers import (
    calendar_badge,
    child,
    choose_client,
    choose_region,
    click_day,
    select_rows,
    set_participants,
    table_rows,
    tick_module,
)
from tests.unit.presenters.fakes import FakeDialogs

DAY = dt.date(2025, 3, 10)
#: SPEC 9: a colleague's change shows within 2 seconds.
WITHIN_MS = 2_000


def queue_ids(window: MainWindow) -> list[str]:
    table: QTableView = child(window, QTableView, "pendingTable")
    model = table.model()
    return [model.session_id(row) for row in range(model.rowCount())]  # type: ignore[attr-defined]


def selected_ids(window: MainWindow) -> list[str]:
    return list(window.queue_panel.table.selected_ids())


def outcome(window: MainWindow) -> str:
    """The message line under the pending queue."""
    return window.queue_panel.outcome_label.text()


def panel_text(window: MainWindow) -> str:
    panel: QFrame = child(window, QFrame, "availabilityPanel")
    return " ".join(label.text() for label in panel.findChildren(QLabel))


def following(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: window.change_follower.following, timeout=10_000)
    return window


def create(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


@pytest.fixture
def watched(qtbot: QtBot, window: MainWindow) -> MainWindow:
    return following(qtbot, window)


def test_a_colleagues_new_booking_appears_and_the_selection_stays(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    mine = create(workflows, date="2025-03-11")
    qtbot.waitUntil(lambda: mine in queue_ids(watched), timeout=WITHIN_MS)
    select_rows(watched, "pendingTable", [0])
    assert selected_ids(watched) == [mine]

    theirs = create(workflows, date="2025-03-05")  # sorts before the selected row

    qtbot.waitUntil(lambda: theirs in queue_ids(watched), timeout=WITHIN_MS)
    assert queue_ids(watched) == [theirs, mine]
    assert selected_ids(watched) == [mine]
    assert outcome(watched) == ""


def test_a_confirmation_elsewhere_updates_the_queue_the_calendar_and_says_so(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    session_id = create(workflows)
    qtbot.waitUntil(lambda: session_id in queue_ids(watched), timeout=WITHIN_MS)
    choose_region(watched, "occitanie")
    click_day(watched, DAY)
    select_rows(watched, "pendingTable", [0])
    assert calendar_badge(watched, DAY) == "5"

    assert workflows.booking.confirm_session_booking(session_id).success

    qtbot.waitUntil(lambda: session_id not in queue_ids(watched), timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: calendar_badge(watched, DAY) == "4", timeout=WITHIN_MS)
    assert outcome(watched) == (
        "The booking you had selected: Confirmed by another workstation a moment ago."
    )


def test_a_cancellation_elsewhere_takes_the_row_away(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    keep, cancel = create(workflows), create(workflows, date="2025-03-12")
    qtbot.waitUntil(lambda: len(queue_ids(watched)) == 2, timeout=WITHIN_MS)
    select_rows(watched, "pendingTable", [0])

    assert workflows.booking.cancel_pending_booking(cancel).success

    qtbot.waitUntil(lambda: queue_ids(watched) == [keep], timeout=WITHIN_MS)
    assert selected_ids(watched) == [keep]


def test_the_half_filled_form_is_kept_and_its_availability_follows(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    choose_region(watched, "bretagne")
    click_day(watched, DAY)
    tick_module(watched, "Tir de précision")
    choose_client(watched, "client_acme")
    set_participants(watched, 7)
    assert "Setups available: 2 of 2" in panel_text(watched)

    for _ in range(2):  # a colleague fills Bretagne's day
        taken = create(workflows, regionId="bretagne")
        assert workflows.booking.confirm_session_booking(taken).success

    qtbot.waitUntil(lambda: "Setups available: 0 of 2" in panel_text(watched), timeout=WITHIN_MS)
    assert watched.booking_form.client_combo.currentData() == "client_acme"
    assert child(watched, QSpinBox, "participantsSpin").value() == 7
    assert watched.presenter.form.module_ids == ("module_tir",)


def test_an_open_details_dialog_says_what_happened(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    session_id = create(workflows)
    qtbot.waitUntil(lambda: session_id in queue_ids(watched), timeout=WITHIN_MS)
    watched.open_details(session_id)
    dialog = watched.details_dialog
    assert dialog is not None

    assert workflows.booking.confirm_session_booking(session_id).success

    label: QLabel = child(dialog, QLabel, "outcomeLabel")
    qtbot.waitUntil(
        lambda: label.text() == "Confirmed by another workstation a moment ago.",
        timeout=WITHIN_MS,
    )
    assert dialog.isVisible()


def test_a_booking_made_by_a_command_line_process_appears(
    qtbot: QtBot, watched: MainWindow, database_url: str
) -> None:
    request = json.dumps(booking_request(date="2025-03-13"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dst_desktop",
            "--database",
            database_url,
            "--today",
            TODAY.isoformat(),
            "call",
            "createSessionBooking",
            request,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    session_id = json.loads(done.stdout)["sessionId"]

    qtbot.waitUntil(lambda: session_id in queue_ids(watched), timeout=WITHIN_MS)


def test_two_windows_see_each_other(
    qtbot: QtBot, watched: MainWindow, database_url: str, dialogs: FakeDialogs
) -> None:
    other = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(other)
    other.show()
    following(qtbot, other)

    created = other.workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)
    other.presenter.bookings_changed()

    qtbot.waitUntil(lambda: created.session.id in queue_ids(watched), timeout=WITHIN_MS)
    assert queue_ids(other) == [created.session.id]


def test_nothing_is_read_again_while_nothing_changes(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows
) -> None:
    reads: Callable[[], None] = watched.change_follower._read  # what the socket or timer calls
    store = watched.workflows.store
    with store.counting_statements() as sent:  # type: ignore[attr-defined]
        for _ in range(20):
            reads()
    assert watched.presenter.live.reloads == 0
    assert sent == []

    create(workflows)
    qtbot.waitUntil(lambda: watched.presenter.live.reloads == 1, timeout=WITHIN_MS)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # SQLite has no connection
def test_a_dropped_listening_connection_comes_back_and_catches_up(
    qtbot: QtBot, watched: MainWindow, workflows: Workflows, database_url: str
) -> None:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = 'DST Desktop (changes)' AND datname = current_database()"
        )
    label = watched.live_label
    qtbot.waitUntil(label.isVisible, timeout=5_000)
    assert "Colleagues' changes are not shown at the moment" in label.text()
    missed = create(workflows)  # while the window could not hear

    qtbot.waitUntil(lambda: missed in queue_ids(watched), timeout=10_000)
    assert not label.isVisible()
    heard = create(workflows, date="2025-03-14")
    qtbot.waitUntil(lambda: heard in queue_ids(watched), timeout=WITHIN_MS)
    assert table_rows(watched, "pendingTable")
