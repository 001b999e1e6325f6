"""A whole day's work in the real window, as a back-office person does it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.ui.main_window import MainWindow
from tests.gui.helpers import (
    calendar_badge,
    child,
    choose_client,
    choose_region,
    click,
    click_day,
    select_rows,
    set_participants,
    table_rows,
    tick_module,
)
from tests.unit.presenters.fakes import FakeDialogs

DAY = dt.date(2025, 3, 10)


def panel_text(window: MainWindow) -> str:
    panel: QFrame = child(window, QFrame, "availabilityPanel")
    return " ".join(label.text() for label in panel.findChildren(QLabel))


def test_book_confirm_find_and_cancel_a_session(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    # Morning: ACME calls for ten people on 10 March in Occitanie.
    choose_region(window, "occitanie")
    click_day(window, DAY)
    assert calendar_badge(window, DAY) == "5"
    tick_module(window, "Tir de précision")
    tick_module(window, "Scénario tactique")
    assert child(window, QLabel, "capacityLabel").text() == (
        "At most 12 participants, limited by Tir de précision."
    )
    set_participants(window, 10)
    assert "This day is free: choose the client." in panel_text(window)
    assert "Setups available: 5 of 5" in panel_text(window)
    create = child(window, QPushButton, "createBookingButton")
    assert not create.isEnabled()  # no client yet
    choose_client(window, "client_123")
    assert "This booking can be made." in panel_text(window)
    click(qtbot, window, "createBookingButton")
    assert child(window, QLabel, "createdLabel").text() == (
        "Booking for ACME on 10/03/2025 created: it waits in the pending queue."
    )

    # It waits in the queue, selected; the calendar does not move for a request.
    rows = table_rows(window, "pendingTable")
    assert len(rows) == 1
    assert rows[0][:5] == [
        "10/03/2025",
        "Occitanie",
        "ACME",
        "Scénario tactique, Tir de précision",  # in the order of the module list
        "10 / 12",
    ]
    assert window.tabs.tabText(0) == "Pending bookings (1)"
    assert calendar_badge(window, DAY) == "5"

    # Confirm: a setup and an operator are allocated; the day has one setup less.
    click(qtbot, window, "confirmButton")
    outcome = window.queue_panel.outcome_label.text()
    assert outcome == (
        "ACME on 10/03/2025 (Occitanie): confirmed with Setup Occitanie #1, run by "
        "Opérateur Occitanie 1."
    )
    assert table_rows(window, "pendingTable") == []
    assert calendar_badge(window, DAY) == "4"
    assert "Setups available: 4 of 5" in panel_text(window)

    # Afternoon: "what do we have with ACME?" — the browser finds it, confirmed.
    window.tabs.setCurrentWidget(window.browser_panel)
    filters = window.browser_panel.filters
    filters.client_combo.setCurrentIndex(filters.client_combo.findData("client_123"))
    rows = table_rows(window, "bookingsTable")
    assert [row[:4] for row in rows] == [["10/03/2025", "Confirmed", "Occitanie", "ACME"]]
    select_rows(window, "bookingsTable", [0])
    click(qtbot, window, "browserDetailsButton")
    details = window.details_dialog
    assert details is not None and details.isVisible()
    assert details.status_label.text() == "Confirmed"
    assert details.field_value("Setup") == "Setup Occitanie #1"
    assert details.field_value("Operator") == "Opérateur Occitanie 1"
    # When it was confirmed, on the reader's clock and in British dates: the stored
    # moment (UTC) read back independently of the window.
    session_id = details.presenter.session_id
    stored = window.workflows.booking.get_booking_status(session_id).to_dict()
    confirmed_at = dt.datetime.fromisoformat(str(stored["session"]["confirmedAt"]))
    assert confirmed_at.date() == dt.date(2025, 2, 20)  # the business date
    assert details.field_value("Confirmed") == confirmed_at.astimezone().strftime("%d/%m/%Y %H:%M")
    assert [details.audit_tree.topLevelItem(i).text(2) for i in range(2)] == [
        "Booking requested",
        "Confirmed",
    ]

    # The client cancels: the mission is cancelled with a reason and the day is free again.
    dialogs.text_answer = "Client request: event postponed"
    click(qtbot, details, "cancel_missionActionButton")
    assert details.status_label.text() == "Cancelled"
    assert details.field_value("Reason for cancelling") == "Client request: event postponed"
    assert details.findChild(QWidget, "scheduleActionButton") is None
    assert calendar_badge(window, DAY) == "5"
    assert table_rows(window, "bookingsTable")[0][1] == "Cancelled"
    click(qtbot, details, "closeButton")
    assert window.details_dialog is None


def test_a_full_day_offers_dates_that_move_the_form(qtbot: QtBot, window: MainWindow) -> None:
    # Bretagne has a single usable setup on 11 March; book and confirm it first.
    choose_region(window, "bretagne")
    click_day(window, dt.date(2025, 3, 11))
    tick_module(window, "Premiers secours")
    set_participants(window, 8)
    choose_client(window, "client_acme")
    click(qtbot, window, "createBookingButton")
    click(qtbot, window, "confirmButton")
    assert calendar_badge(window, dt.date(2025, 3, 11)) == "0"
    assert "No setup is free on this day." in panel_text(window)
    assert not child(window, QPushButton, "createBookingButton").isEnabled()

    suggestions = child(window, QWidget, "suggestedDates")
    buttons = [b for b in suggestions.findChildren(QPushButton) if b.isVisible()]
    assert [b.text() for b in buttons] == ["12 Mar", "13 Mar", "14 Mar", "15 Mar", "16 Mar"]
    assert [b.accessibleName() for b in buttons] == [
        "12/03/2025",
        "13/03/2025",
        "14/03/2025",
        "15/03/2025",
        "16/03/2025",
    ]
    assert buttons[1].toolTip() == "Move the booking to Thursday, 13 March 2025"
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert window.calendar_panel.calendar.selectedDate().toPython() == dt.date(2025, 3, 13)
    assert window.booking_form.request_label.text() == "Bretagne — Thursday, 13 March 2025"
    assert "This day is free: choose the client." in panel_text(window)
    assert not [b for b in suggestions.findChildren(QPushButton) if b.isVisible()]


def test_several_confirmations_report_each_outcome(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    choose_region(window, "bretagne")
    click_day(window, dt.date(2025, 3, 11))
    tick_module(window, "Premiers secours")
    for client in ("client_123", "client_acme"):
        choose_client(window, client)
        click(qtbot, window, "createBookingButton")
    select_rows(window, "pendingTable", [0, 1])
    click(qtbot, window, "confirmButton")
    _title, summary, lines = dialogs.reports[0]
    assert summary == "1 confirmed, 1 not confirmed."
    confirmed = [line for line in lines if line.startswith("✓ ")]
    refused = [line for line in lines if line.startswith("✗ ")]
    assert len(confirmed) == 1 and "confirmed with Setup Bretagne #1" in confirmed[0]
    assert len(refused) == 1 and "on 11/03/2025 (Bretagne): not confirmed." in refused[0]
    assert "Free dates nearby: 12/03/2025, 13/03/2025" in refused[0]
    assert len(table_rows(window, "pendingTable")) == 1


def test_cancel_asks_before_deleting(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    choose_region(window, "occitanie")
    click_day(window, DAY)
    tick_module(window, "Tir de précision")
    choose_client(window, "client_123")
    click(qtbot, window, "createBookingButton")
    dialogs.confirm_answer = False
    click(qtbot, window, "cancelButton")
    assert dialogs.questions[-1][0] == "Cancel pending bookings"
    assert len(table_rows(window, "pendingTable")) == 1
    dialogs.confirm_answer = True
    click(qtbot, window, "cancelButton")
    assert table_rows(window, "pendingTable") == []
    assert window.queue_panel.count_label.text() == "No booking is waiting."
