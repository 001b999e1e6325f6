"""Offline event mode in the real window: an office and a laptop, two database files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.presenters.dialogs import NewClient, SnapshotOptions
from dst_desktop.presenters.event_report import EventImportReport
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.dialogs import NewClientDialog, QtDialogs
from dst_desktop.ui.event_mode import EventImportReportDialog, SnapshotOptionsDialog
from dst_desktop.ui.main_window import MainWindow
from dst_desktop.ui.tasks import QtTaskRunner
from tests.conftest import TODAY, database_dump
from tests.gui.helpers import (
    child,
    choose_client,
    choose_region,
    click,
    click_day,
    select_rows,
    table_rows,
    tick_module,
)
from tests.unit.presenters.conftest import create_confirmed
from tests.unit.presenters.fakes import FakeDialogs

EVENT_DAY = dt.date(2025, 3, 24)


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def open_window(
    qtbot: QtBot, url: str, device: str, dialogs: FakeDialogs, today: dt.date = TODAY
) -> MainWindow:
    window = create_main_window(url, today, device=device, dialogs=dialogs)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def run(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Trigger a File menu command and wait for its worker to finish."""
    runner = window.runner
    assert isinstance(runner, QtTaskRunner)
    command = action(window, name)
    assert command.isEnabled(), f"{name}: {command.toolTip()}"
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        command.trigger()


def book(qtbot: QtBot, window: MainWindow, client_id: str) -> None:
    choose_region(window, "bretagne")
    click_day(window, EVENT_DAY)
    tick_module(window, "Tir de précision")
    choose_client(window, client_id)
    click(qtbot, window, "createBookingButton")


@pytest.fixture
def office_dialogs() -> FakeDialogs:
    return FakeDialogs(snapshot_options=SnapshotOptions("Salon Milipol", 2))


@pytest.fixture
def office(
    qtbot: QtBot, workflows: Workflows, database_url: str, office_dialogs: FakeDialogs
) -> MainWindow:
    """The office window, on the sample data, with one Bretagne day half taken."""
    create_confirmed(workflows, regionId="bretagne", date=EVENT_DAY.isoformat())
    return open_window(qtbot, database_url, "office-pc", office_dialogs)


@pytest.fixture
def laptop_dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def laptop(
    qtbot: QtBot,
    office: MainWindow,
    office_dialogs: FakeDialogs,
    laptop_dialogs: FakeDialogs,
    tmp_path: Path,
) -> MainWindow:
    """A laptop window on a new database that imported the office's snapshot."""
    office_dialogs.save_file = str(tmp_path / "snapshot")
    run(qtbot, office, "exportSnapshotAction")
    assert (tmp_path / "snapshot.json").is_file(), office_dialogs.warnings
    window = open_window(qtbot, f"sqlite:///{tmp_path / 'laptop.db'}", "laptop-7", laptop_dialogs)
    assert not window.event_banner.isVisible()
    laptop_dialogs.open_file = str(tmp_path / "snapshot.json")
    run(qtbot, window, "importSnapshotAction")
    return window


def test_an_office_window_offers_the_office_commands(qtbot: QtBot, office: MainWindow) -> None:
    assert not office.event_banner.isVisible()
    assert action(office, "exportSnapshotAction").isEnabled()
    assert action(office, "importEventBookingsAction").isEnabled()
    export_bookings = action(office, "exportEventBookingsAction")
    assert not export_bookings.isEnabled()
    assert "exported from the event laptop" in export_bookings.toolTip()
    import_snapshot = action(office, "importSnapshotAction")
    assert not import_snapshot.isEnabled()  # it holds bookings
    assert "into a new database" in import_snapshot.toolTip()
    file_menu = office.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert [t for t in texts if "snapshot" in t or "event bookings" in t] == [
        "Export snapshot…",
        "Import snapshot…",
        "Export event bookings…",
        "Import event bookings…",
    ]


def test_the_laptop_shows_the_event_banner_and_no_confirmation(
    qtbot: QtBot, laptop: MainWindow, laptop_dialogs: FakeDialogs
) -> None:
    banner = laptop.event_banner
    assert banner.isVisible() and not banner.stale
    assert banner.title_label.text() == "Event database for “Salon Milipol”"
    assert "taken on Thursday, 20 February 2025 from office-pc, taken today" in (
        banner.text_label.text()
    )
    assert "File ▸ Export event bookings" in banner.text_label.text()
    assert not banner.stale_label.isVisible()
    assert laptop_dialogs.infos[-1][0] == "Import snapshot"
    # Refreshed without a restart: the office's regions, clients and the taken setup.
    assert laptop.calendar_panel.region_combo.count() == 2
    assert laptop.workflows.queries.month_availability("bretagne", 2025, 3)[23].used_setups == 1

    book(qtbot, laptop, "client_123")
    assert "the office confirms it" in laptop.booking_form.created_label.text()
    assert [row[6] for row in table_rows(laptop, "pendingTable")] == ["Event (laptop-7)"]
    select_rows(laptop, "pendingTable", [0])
    confirm = child(laptop, QPushButton, "confirmButton")
    assert not confirm.isEnabled()
    assert "confirmed at the office" in confirm.toolTip()
    assert not action(laptop, "confirmAction").isEnabled()
    assert "confirmed at the office" in action(laptop, "confirmAction").toolTip()
    assert child(laptop, QPushButton, "cancelButton").isEnabled()
    assert not action(laptop, "importEventBookingsAction").isEnabled()
    assert not action(laptop, "exportSnapshotAction").isEnabled()

    click(qtbot, laptop, "detailsButton")
    dialog = laptop.details_dialog
    assert dialog is not None
    confirm_button = dialog.action_buttons[next(iter(dialog.action_buttons))]
    assert confirm_button.text() == "Confirm booking"
    assert not confirm_button.isEnabled()
    assert "confirmed at the office" in confirm_button.toolTip()
    assert dialog.field_value("Source") == "Event (laptop-7)"
    dialog.close()


def test_a_stale_snapshot_warns_in_the_banner(
    qtbot: QtBot, office: MainWindow, office_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    office_dialogs.save_file = str(tmp_path / "old.json")
    run(qtbot, office, "exportSnapshotAction")
    dialogs = FakeDialogs(open_file=str(tmp_path / "old.json"))
    later = TODAY + dt.timedelta(days=30)
    window = open_window(qtbot, f"sqlite:///{tmp_path / 'late.db'}", "laptop-2", dialogs, later)
    run(qtbot, window, "importSnapshotAction")
    banner = window.event_banner
    assert banner.stale and banner.stale_label.isVisible()
    assert "30 days old" in banner.text_label.text()
    assert "more than 14 days old" in banner.stale_label.text()


def test_round_trip_office_laptop_office(
    qtbot: QtBot,
    office: MainWindow,
    office_dialogs: FakeDialogs,
    laptop: MainWindow,
    laptop_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    # At the event: a known client, and one met at the stand, added from the form.
    book(qtbot, laptop, "client_acme")
    line_edit = laptop.booking_form.client_combo.lineEdit()
    assert line_edit is not None
    line_edit.setText("Forum Sûreté")
    laptop_dialogs.new_client = NewClient("Forum Sûreté", "contact@forum.example", "")
    click(qtbot, laptop, "newClientButton")
    assert laptop_dialogs.new_client_names == ["Forum Sûreté"]
    assert laptop.booking_form.client_combo.currentText() == "Forum Sûreté"
    click(qtbot, laptop, "createBookingButton")
    assert len(table_rows(laptop, "pendingTable")) == 2
    laptop_dialogs.save_file = str(tmp_path / "back.json")
    run(qtbot, laptop, "exportEventBookingsAction")
    assert laptop_dialogs.file_dialogs[-1][2] == "event-bookings-laptop-7-2025-02-20.json"
    assert "2 event bookings and their clients were written" in laptop_dialogs.infos[-1][1]

    # Meanwhile the office takes the last Bretagne setup of that day.
    create_confirmed(office.workflows, regionId="bretagne", date=EVENT_DAY.isoformat())
    office_dialogs.open_file = str(tmp_path / "back.json")
    run(qtbot, office, "importEventBookingsAction")

    [report] = office_dialogs.event_reports
    dialog = EventImportReportDialog(report, office)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text().startswith(
        "2 event bookings taken on laptop-7 were imported"
    )
    counts = [label.text() for label in dialog.count_labels]
    assert counts == [
        "Imported: 2",
        "Already present: 0",
        "Rejected: 0",
        "No availability any more: 2",
        "New clients: 1",
        "Client differences: 0",
    ]
    no_availability = dialog.rows("no_availability")
    assert sorted(row[1] for row in no_availability) == ["ACME Sécurité", "Forum Sûreté"]
    assert {row[0] for row in no_availability} == {"24/03/2025"}
    assert {row[2] for row in no_availability} == {"Bretagne"}
    assert dialog.rows("clients_added") == [
        ["Forum Sûreté", "contact@forum.example", "", "client_forum_surete"]
    ]
    assert len(dialog.rows("imported")) == 2
    assert dialog.rows("rejected") == []
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and "Forum Sûreté" in clipboard.text()

    pending = table_rows(office, "pendingTable")
    assert sorted(row[2] for row in pending) == ["ACME Sécurité", "Forum Sûreté"]
    assert {row[6] for row in pending} == {"Event (laptop-7)"}
    assert office.tabs.tabText(0) == "Pending bookings (2)"
    select_rows(office, "pendingTable", [0])
    assert child(office, QPushButton, "confirmButton").isEnabled()  # the office confirms
    click(qtbot, office, "detailsButton")
    details = office.details_dialog
    assert details is not None
    assert details.field_value("Source") == "Event (laptop-7)"
    history = [
        details.audit_tree.topLevelItem(i) for i in range(details.audit_tree.topLevelItemCount())
    ]
    assert any(
        item is not None and item.text(2) == "Imported from an event" and "laptop-7" in item.text(3)
        for item in history
    )
    details.close()


def test_a_broken_file_is_explained_and_imports_nothing(
    qtbot: QtBot, office: MainWindow, office_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "dst-desktop-bundle", "version": 1, "kind": "boo', "utf-8")
    before = database_dump(tmp_path / "bookings.db")
    office_dialogs.open_file = str(broken)
    run(qtbot, office, "importEventBookingsAction")
    title, text = office_dialogs.warnings[-1]
    assert title == "Import event bookings"
    assert text == (
        f"Nothing was imported: {broken} is truncated or is not a DST Desktop bundle "
        "(it is not complete JSON)."
    )
    assert office_dialogs.event_reports == []
    assert table_rows(office, "pendingTable") == []
    assert database_dump(tmp_path / "bookings.db") == before


def test_snapshot_options_dialog_needs_an_event_name(qtbot: QtBot) -> None:
    dialog = SnapshotOptionsDialog(SnapshotOptions("", 6))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.setText("  Salon Milipol ")
    dialog.months_spin.setValue(4)
    assert dialog.ok_button.isEnabled()
    assert dialog.options() == SnapshotOptions("Salon Milipol", 4)
    assert dialog.months_spin.maximum() == 36


def test_new_client_dialog_adds_only_a_named_client(qtbot: QtBot) -> None:
    dialog = NewClientDialog("")
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    dialog.name_edit.setText("Forum Sûreté")
    dialog.email_edit.setText(" a@b.example ")
    assert dialog.add_button.isEnabled()
    assert dialog.client() == NewClient("Forum Sûreté", "a@b.example", "")


def test_the_report_dialog_opens_modally_and_closes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    report = EventImportReport(
        "Import event bookings", "Nothing new.", Tone.NEUTRAL, (("Imported", 0),), ()
    )
    seen: list[str] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EventImportReportDialog):
            QTimer.singleShot(10, close)
            return
        seen.append(dialog.findChild(QLabel, "reportSummary").text())  # type: ignore[union-attr]
        dialog.reject()

    QTimer.singleShot(0, close)
    QtDialogs(parent).show_event_import_report(report)
    assert seen == ["Nothing new."]
