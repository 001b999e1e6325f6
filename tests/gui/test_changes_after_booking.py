"""Changes after booking in the real window, as a back-office person meets them: an
operator put on leave on a day they are sent out, a session moved to another day, a
request corrected; and the dialogs these use, clicked for real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.presenters.calendar import DayLevel, DayMark
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.dialogs import (
    BookingDraft,
    BookingEditRequest,
    CompletionDetails,
    CompletionRequest,
    NewDateRequest,
    ReallocationOffer,
)
from dst_desktop.presenters.reference_editor import ReferenceKind
from dst_desktop.reports import PrintDocument
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.change_dialogs import (
    CompletionDialog,
    EditBookingDialog,
    NewDateDialog,
    ReallocationDialog,
)
from dst_desktop.ui.main_window import MainWindow
from tests.gui.helpers import (
    child,
    choose_region,
    click,
    click_day,
    select_rows,
    table_rows,
)
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeDialogs

DAY = dt.date(2025, 3, 10)


def status_of(workflows: Workflows, session_id: str) -> dict[str, object]:
    answer = workflows.booking.get_booking_status(session_id).to_dict()
    session = answer["session"]
    assert isinstance(session, dict)
    return session


def test_an_operator_on_leave_is_reallocated_in_one_click_and_the_day_sheet_follows(
    qtbot: QtBot,
    workflows: Workflows,
    window: MainWindow,
    dialogs: FakeDialogs,
    previewed: list[PrintDocument],
) -> None:
    session = create_confirmed(workflows)  # Setup Occitanie #1, Opérateur Occitanie 1
    window.presenter.bookings_changed()
    assert window.tabs.tabText(window.conflicts_tab) == "Conflicts"

    # Camille (op 1) takes 10 March off, in Data ▸ Reference data.
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    dialog.tabs.setCurrentWidget(tab)
    rows = table_rows(tab, "operatorsTable")
    tab.table.selectRow(next(n for n, row in enumerate(rows) if row[-1] == "op_occitanie_1"))
    tab.day_edit.set_date(dt.date(2025, 3, 10))
    click(qtbot, tab, "addDayButton")
    click(qtbot, tab, "saveButton")

    # Told which session is hit, and offered to reallocate it: one click, "all".
    offer = dialogs.reallocation_offers[0]
    assert [choice.text for choice in offer.sessions] == [
        "ACME on 10/03/2025 (Occitanie): Opérateur Occitanie 1 is on leave that day"
    ]
    assert status_of(workflows, session.id)["operatorIds"] == ["op_occitanie_2"]
    assert dialogs.reports[-1][1] == "1 of 1 reallocated."
    assert dialogs.reports[-1][2] == [
        "✓ ACME on 10/03/2025 (Occitanie): Setup Occitanie #1, run by Opérateur Occitanie 2."
    ]
    assert window.tabs.tabText(window.conflicts_tab) == "Conflicts"
    # Once reallocated, the editor no longer says the session cannot be served.
    assert tab.message_label.text() == "Opérateur Occitanie 1 saved."
    dialog.close()

    # The day sheet sends the new operator.
    choose_region(window, "occitanie")
    click_day(window, DAY)
    window.print_day_sheet_action.trigger()
    sheet = previewed[-1]
    assert "Opérateur Occitanie 2" in sheet.html
    assert "Opérateur Occitanie 1" not in sheet.html


def test_conflicts_left_for_later_wait_in_their_tab_with_a_badge(
    qtbot: QtBot,
    workflows: Workflows,
    window: MainWindow,
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    first = create_confirmed(workflows)
    second = create_confirmed(workflows, date="2025-03-11")
    dialogs.reallocate = ()  # "Later"
    workflows.reference.import_reference(
        {"setups": [{"id": "setup_occitanie_1", "unavailableDates": ["2025-03-10", "2025-03-11"]}]}
    )
    window.presenter.reference_changed()

    assert window.tabs.tabText(window.conflicts_tab) == "Conflicts (2)"
    assert not window.tabs.tabIcon(window.conflicts_tab).isNull()
    window.tabs.setCurrentWidget(window.conflicts_panel)
    rows = table_rows(window, "conflictsTable")
    assert [row[0] for row in rows] == ["10/03/2025", "11/03/2025"]
    assert {row[3] for row in rows} == {"Setup Occitanie #1 is in maintenance that day"}
    # The list is exported as shown (dates as dates in a workbook) and copied with Ctrl+C.
    exporter = window.conflicts_panel.table_export
    workbook = tmp_path / "conflicts.xlsx"
    assert exporter.export(str(workbook))
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    written = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in written] == [dt.datetime(2025, 3, 10), dt.datetime(2025, 3, 11)]
    assert [list(row[1:]) for row in written] == [row[1:] for row in rows]
    select_rows(window, "conflictsTable", [0])
    window.conflicts_panel.table.setFocus()
    exporter.copy_action.trigger()
    assert QApplication.clipboard().text() == "\t".join(rows[0]) + "\n"
    select_rows(window, "conflictsTable", [1])
    click(qtbot, window.conflicts_panel, "reallocateButton")
    assert window.conflicts_panel.outcome_label.text() == (
        "ACME on 11/03/2025 (Occitanie): Setup Occitanie #2, run by Opérateur Occitanie 1."
    )
    assert window.tabs.tabText(window.conflicts_tab) == "Conflicts (1)"
    click(qtbot, window.conflicts_panel, "reallocateAllButton")
    assert window.tabs.tabText(window.conflicts_tab) == "Conflicts"
    assert table_rows(window, "conflictsTable") == []
    assert status_of(workflows, first.id)["setupIds"] == ["setup_occitanie_2"]
    assert status_of(workflows, second.id)["setupIds"] == ["setup_occitanie_2"]


def test_reschedule_from_the_details_to_a_full_day_then_a_free_one(
    qtbot: QtBot, workflows: Workflows, window: MainWindow, dialogs: FakeDialogs
) -> None:
    create_confirmed(workflows, regionId="bretagne", date="2025-03-11", clientId="client_acme")
    session = create_confirmed(workflows, regionId="bretagne", date="2025-03-10")
    window.open_details(session.id)
    details = window.details_dialog
    assert details is not None
    dialogs.new_dates = [dt.date(2025, 3, 11), dt.date(2025, 3, 13)]

    click(qtbot, details, "rescheduleActionButton")

    assert dialogs.date_requests[1].error.startswith(
        "Every setup or operator of Bretagne is already taken on 11/03/2025. Free dates "
        "nearby: 12/03/2025"
    )
    assert details.field_value("Date") == "Thursday, 13 March 2025"
    assert details.field_value("Rescheduled from") == session.id
    assert details.status_label.text() == "Confirmed"
    assert details.outcome_label.text().startswith("Rescheduled to Thursday, 13 March 2025 with")
    assert status_of(workflows, session.id)["cancellationReason"] == "rescheduled to 2025-03-13"
    window.tabs.setCurrentWidget(window.browser_panel)
    statuses = {(row[0], row[1]) for row in table_rows(window, "bookingsTable")}
    assert ("10/03/2025", "Cancelled") in statuses
    assert ("13/03/2025", "Confirmed") in statuses


def test_correct_a_pending_requests_participants_from_the_queue(
    qtbot: QtBot, workflows: Workflows, window: MainWindow, dialogs: FakeDialogs
) -> None:
    session = create(workflows, requestedParticipants=10)
    window.presenter.queue.refresh()
    edit = child(window, QPushButton, "editButton")
    assert not edit.isEnabled()
    select_rows(window, "pendingTable", [0])
    assert window.edit_action.isEnabled()
    dialogs.drafts = [
        BookingDraft(
            DAY, session.module_ids, 11, session.client_id, session.offer_id, session.notes
        )
    ]

    click(qtbot, window, "editButton")

    assert table_rows(window, "pendingTable")[0][4] == "11 / 12"
    assert window.queue_panel.outcome_label.text() == (
        "The booking of ACME on 10/03/2025 (Occitanie) was updated."
    )
    assert status_of(workflows, session.id)["requestedParticipants"] == 11


def test_a_past_request_is_marked_in_the_queue(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> None:
    create(workflows, date="2025-02-20")
    create(workflows, date="2025-03-10")
    window = create_main_window(database_url, dt.date(2025, 2, 21), dialogs=dialogs)
    qtbot.addWidget(window)
    model = window.queue_panel.table.model_
    first = model.index(0, 0)
    assert first.data() == "20/02/2025 — day passed"
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith("The day of this request has passed")
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 0).data() == "10/03/2025"
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None
    # Confirming it says the day has passed, not that every setup is taken.
    select_rows(window, "pendingTable", [0])
    click(qtbot, window, "confirmButton")
    assert "The date of this booking, 20/02/2025, has passed" in dialogs.warnings[-1][1]


def test_the_conflicts_model_passes_the_model_tester(
    qtmodeltester: ModelTester, workflows: Workflows, window: MainWindow, dialogs: FakeDialogs
) -> None:
    create_confirmed(workflows)
    dialogs.reallocate = ()
    workflows.reference.import_reference({"operators": [{"id": "op_occitanie_1", "active": False}]})
    window.presenter.reference_changed()
    assert window.conflicts_panel.model.rowCount() == 1
    qtmodeltester.check(window.conflicts_panel.model)


# -- the dialogs themselves -----------------------------------------------------------------


def edit_request(error: str = "") -> BookingEditRequest:
    return BookingEditRequest(
        title="Edit pending booking",
        heading="ACME — Occitanie",
        draft=BookingDraft(DAY, ("module_tir",), 10, "client_123", None, "Gate B"),
        clients=(Choice("client_123", "ACME"), Choice("client_acme", "ACME Sécurité")),
        offers=(Choice("offer_456", "Pack Pro"),),
        modules=(
            Choice("module_secourisme", "Premiers secours (up to 24)"),
            Choice("module_tir", "Tir de précision (up to 12)"),
        ),
        earliest=dt.date(2025, 2, 20),
        error=error,
    )


def test_the_edit_dialog_returns_what_was_changed(qtbot: QtBot) -> None:
    dialog = EditBookingDialog(edit_request())
    qtbot.addWidget(dialog)
    assert not dialog.error_label.isVisibleTo(dialog)
    assert dialog.draft() == edit_request().draft
    dialog.date_edit.edit.setText("12/03/2025")  # typed as the user writes dates
    dialog.module_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.participants_spin.setValue(14)
    dialog.client_combo.setCurrentIndex(1)
    dialog.offer_combo.setCurrentIndex(1)
    dialog.notes_edit.setPlainText("Gate C")
    assert dialog.draft() == BookingDraft(
        dt.date(2025, 3, 12),
        ("module_secourisme", "module_tir"),
        14,
        "client_acme",
        "offer_456",
        "Gate C",
    )
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_edit_dialog_refuses_a_typed_date_that_does_not_exist(qtbot: QtBot) -> None:
    dialog = EditBookingDialog(edit_request())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setFocus()
    dialog.date_edit.edit.selectAll()
    qtbot.keyClicks(dialog.date_edit.edit, "31/02/2025")

    dialog.save_button.click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Not a date: type it as 31/12/2026, or choose it in the calendar."
    )
    assert dialog.draft().day == edit_request().draft.day  # never another day unseen
    dialog.date_edit.edit.setText("12/03/2025")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.draft().day == dt.date(2025, 3, 12)


def test_the_edit_dialog_shows_the_refusal_it_was_given(qtbot: QtBot) -> None:
    refused = EditBookingDialog(edit_request("13 participants is more than 12."))
    qtbot.addWidget(refused)
    assert refused.error_label.isVisibleTo(refused)
    assert refused.error_label.text() == "13 participants is more than 12."


def test_the_new_date_dialog_shows_each_month_and_refuses_the_current_day(qtbot: QtBot) -> None:
    asked: list[tuple[int, int]] = []

    def marks(year: int, month: int) -> list[DayMark]:
        asked.append((year, month))
        return [
            DayMark(dt.date(year, month, day), day % 3, DayLevel.ONE, str(day % 3), f"tip {day}")
            for day in range(1, 29)
        ]

    request = NewDateRequest(
        "Reschedule session",
        "Choose the new day",
        current=DAY,
        initial=dt.date(2025, 3, 12),
        earliest=dt.date(2025, 2, 20),
        month_marks=marks,
        accept_label="Reschedule",
    )
    dialog = NewDateDialog(request)
    qtbot.addWidget(dialog)
    assert (2025, 3) in asked
    assert dialog.chosen_day() == dt.date(2025, 3, 12)
    assert (
        dialog.day_label.text()
        == "Wednesday, 12 March 2025: no setup or operator is free that day."
    )
    dialog.calendar.setSelectedDate(QDate(2025, 3, 11))
    assert dialog.day_label.text() == "Tuesday, 11 March 2025: tip 11"
    assert dialog.accept_button.isEnabled()
    dialog.calendar.setSelectedDate(QDate(2025, 3, 10))
    assert not dialog.accept_button.isEnabled()
    dialog.calendar.setCurrentPage(2025, 4)
    assert asked[-1] == (2025, 4)
    assert dialog.calendar.badge(dt.date(2025, 4, 2)) == "2"


def test_the_completion_dialog_records_attendance_or_not(qtbot: QtBot) -> None:
    dialog = CompletionDialog(CompletionRequest("Mark completed", "How did it go?", 10, 12))
    qtbot.addWidget(dialog)
    assert dialog.details() == CompletionDetails(10, "")
    dialog.attended_spin.setValue(12)
    dialog.notes_edit.setPlainText("All there")
    assert dialog.details() == CompletionDetails(12, "All there")
    dialog.attended_spin.setValue(dialog.attended_spin.minimum())
    assert dialog.attended_spin.text() == "not recorded"
    assert dialog.details().attended is None


def test_the_reallocation_dialog_offers_all_ticked_or_later(qtbot: QtBot) -> None:
    offer = ReallocationOffer(
        "Sessions to reallocate",
        "Saving X leaves 2 confirmed sessions…",
        (Choice("sess_a", "A"), Choice("sess_b", "B")),
    )
    answers = []
    for button, untick in (("reallocateAllButton", True), ("reallocateTickedButton", True)):
        dialog = ReallocationDialog(offer)
        qtbot.addWidget(dialog)
        if untick:
            dialog.session_list.item(0).setCheckState(Qt.CheckState.Unchecked)
        qtbot.mouseClick(child(dialog, QPushButton, button), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        answers.append(dialog.chosen)
    later = ReallocationDialog(offer)
    qtbot.addWidget(later)
    qtbot.mouseClick(child(later, QPushButton, "laterButton"), Qt.MouseButton.LeftButton)
    assert later.result() == QDialog.DialogCode.Rejected
    assert answers == [("sess_a", "sess_b"), ("sess_b",)]
