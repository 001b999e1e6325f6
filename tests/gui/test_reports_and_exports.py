"""Tables copied and exported as they show, and the Reports window (SPEC 13)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.presenters.reference_editor import ReferenceKind
from dst_desktop.reports import PrintDocument
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import table_export
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from dst_desktop.ui.reports_window import ReportsWindow, UtilisationChart
from tests.conftest import TODAY, booking_request
from tests.gui.helpers import child, table_rows
from tests.unit.presenters.fakes import FakeDialogs


@pytest.fixture
def booked(workflows: Workflows) -> list[str]:
    """Four requests on different days and clients; the second one confirmed."""
    ids = []
    for day, client, count in (
        ("2025-03-10", "client_123", 12),
        ("2025-03-11", "client_acme", 5),
        ("2025-03-12", "client_123", 8),
        ("2025-03-03", "client_acme", 3),
    ):
        created = workflows.booking.create_session_booking(
            booking_request(date=day, clientId=client, requestedParticipants=count)
        )
        assert created.success, created
        ids.append(str(created.to_dict()["sessionId"]))
    assert workflows.booking.confirm_session_booking(ids[1]).success
    return ids


@pytest.fixture
def main(qtbot: QtBot, booked: list[str], database_url: str) -> MainWindow:
    window = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheet programs need the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def headers(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def test_pending_queue_exports_what_it_shows_sorted(main: MainWindow, tmp_path: Path) -> None:
    table: QTableView = child(main, QTableView, "pendingTable")
    client_column = headers(table).index("Client")
    table.sortByColumn(client_column, Qt.SortOrder.DescendingOrder)
    shown = table_rows(main, "pendingTable")
    assert len(shown) == 3
    assert [row[client_column] for row in shown] == sorted(
        (row[client_column] for row in shown), reverse=True
    )

    assert main.queue_export.export(str(tmp_path / "queue.csv"))
    assert read_csv(tmp_path / "queue.csv") == [headers(table), *shown]

    assert main.queue_export.export(str(tmp_path / "queue.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "queue.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == headers(table)
    date_column = headers(table).index("Date")
    requested_column = headers(table).index("Requested")
    for found, expected in zip(rows[1:], shown, strict=True):
        for column, value in enumerate(found):
            if column == date_column:
                assert isinstance(value, dt.datetime)
                assert main.localizer.date_text(value.date()) == expected[column]
            elif column == requested_column:
                assert isinstance(value, dt.datetime)
                assert main.localizer.date_text(value.date()) in expected[column]
                assert f"{value:%H:%M}" in expected[column]
            else:
                assert (value or "") == expected[column]
    assert sheet.cell(2, date_column + 1).is_date


def test_french_csv_uses_semicolons(main: MainWindow, tmp_path: Path) -> None:
    LanguageInstaller().install("fr")  # the english fixture puts English back afterwards
    assert main.queue_export.export(str(tmp_path / "queue.csv"))
    rows = read_csv(tmp_path / "queue.csv", delimiter=";")
    assert rows[1:] == table_rows(main, "pendingTable")


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text(
    main: MainWindow, qtbot: QtBot
) -> None:
    table: QTableView = child(main, QTableView, "pendingTable")
    table.setFocus()  # coming to the table selects its first row…
    flags = table.selectionModel().SelectionFlag
    table.selectionModel().select(table.model().index(0, 0), flags.ClearAndSelect | flags.Rows)
    table.selectionModel().select(
        table.model().index(2, 0), flags.Select | flags.Rows
    )  # … and a third
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    shown = table_rows(main, "pendingTable")
    expected = "\n".join("\t".join(row) for row in (shown[0], shown[2])) + "\n"
    assert QApplication.clipboard().text() == expected


def test_bookings_browser_exports_its_filtered_rows(
    main: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    main.tabs.setCurrentWidget(main.browser_panel)
    filters = main.browser_panel.filters
    filters.client_combo.setCurrentIndex(filters.client_combo.findData("client_acme"))
    qtbot.waitUntil(lambda: len(table_rows(main, "bookingsTable")) == 2)
    shown = table_rows(main, "bookingsTable")
    assert main.browser_export.export(str(tmp_path / "acme.csv"))
    assert read_csv(tmp_path / "acme.csv")[1:] == shown


def test_the_menu_export_asks_where_and_replaces_what_the_dialog_allowed(
    main: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "queue"
    (tmp_path / "queue.xlsx").write_text("old")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    main.export_table_action.trigger()
    sheet = openpyxl.load_workbook(tmp_path / "queue.xlsx").active
    assert sheet is not None
    assert sheet.max_row == 1 + len(table_rows(main, "pendingTable"))
    assert main.statusBar().currentMessage() == f"Table saved to {tmp_path / 'queue.xlsx'}."
    # The tables' own Export… (right-click) says it too.
    main.statusBar().clearMessage()
    main.browser_export.export_action.trigger()
    assert main.statusBar().currentMessage() == f"Table saved to {tmp_path / 'queue.xlsx'}."


def test_a_failed_export_says_why_and_writes_nothing(
    main: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        table_export, "show_message", lambda icon, parent, title, text: shown.append(text)
    )
    assert not main.queue_export.export(str(tmp_path / "missing" / "queue.csv"))
    assert shown == [f"The folder of {tmp_path / 'missing' / 'queue.csv'} does not exist."]
    assert not (tmp_path / "missing").exists()


def test_reference_lists_export_and_copy(main: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    main.open_reference_data()
    dialog = main.reference_dialog
    assert dialog is not None
    view: QTableView = child(dialog, QTableView, "setupsTable")
    exporter = view.findChild(table_export.TableExport)
    assert exporter is not None
    assert exporter.export(str(tmp_path / "setups.csv"))
    assert read_csv(tmp_path / "setups.csv")[1:] == table_rows(dialog, "setupsTable")
    # The dialog says where the table went, where it says what it did.
    assert dialog.kind_tabs[ReferenceKind.SETUPS].message_label.text() == (
        f"Table saved to {tmp_path / 'setups.csv'}."
    )
    view.setFocus()
    view.selectRow(1)
    exporter.copy_action.trigger()
    assert QApplication.clipboard().text() == "\t".join(table_rows(dialog, "setupsTable")[1]) + "\n"
    dialog.close()


def test_an_operators_calendar_from_the_reference_data(
    qtbot: QtBot, booked: list[str], database_url: str, tmp_path: Path
) -> None:
    dialogs = FakeDialogs()
    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    assert not dialog.kind_tabs[ReferenceKind.MODULES].calendar_button.isVisibleTo(dialog)
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    assert not tab.calendar_button.isEnabled()  # a new entry has no sessions yet
    dialog.tabs.setCurrentWidget(tab)
    rows = table_rows(tab, "operatorsTable")
    tab.table.selectRow(next(n for n, row in enumerate(rows) if row[-1] == "op_occitanie_1"))
    assert tab.calendar_button.isEnabled()
    target = tmp_path / "camille"
    dialogs.save_file = str(target)

    tab.calendar_button.click()

    title, file_type, suggested = dialogs.file_dialogs[-1]
    assert (title, file_type) == ("Export a calendar", "Calendar")
    assert suggested == "dst-operateur-occitanie-1.ics"
    written = tmp_path / "camille.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(event["UID"]) for event in events] == [f"{booked[1]}@dst-desktop"]
    assert str(events[0]["STATUS"]) == "CONFIRMED"
    assert "Opérateur Occitanie 1" in str(events[0]["DESCRIPTION"])
    assert tab.message_label.text() == (f"1 event of Opérateur Occitanie 1 written to {written}.")
    # Again after the dialog asked to replace it; a folder that is gone is said plainly.
    tab.calendar_button.click()
    assert written.stat().st_size > 0
    dialogs.save_file = str(tmp_path / "gone" / "camille.ics")
    tab.calendar_button.click()
    assert (
        tab.message_label.text()
        == f"The folder of {tmp_path / 'gone' / 'camille.ics'} does not exist."
    )
    dialog.close()


def open_reports(main: MainWindow, qtbot: QtBot) -> ReportsWindow:
    main.reports_action.trigger()
    window = main.reports_window
    assert window is not None
    qtbot.waitExposed(window)
    return window


def test_reports_window_shows_the_utilisation_and_exports_it(
    main: MainWindow, qtbot: QtBot, tmp_path: Path, previewed: list[PrintDocument]
) -> None:
    reports = open_reports(main, qtbot)
    reports.from_edit.set_date(dt.date(2025, 3, 10))
    reports.to_edit.set_date(dt.date(2025, 3, 16))
    rows = {row[0]: row for row in table_rows(reports, "reportTable")}
    # Occitanie: 5 setups, 6 operators, 7 days; one confirmed session in the week.
    assert rows["Occitanie"][1:4] == ["35", "1", "2.9\u202f%"]
    assert rows["Occitanie"][4] == "2"  # two requests pending that week
    assert "1 sessions for" in reports.summary_label.text()
    chart = reports.chart.chart
    assert chart is not None
    assert [row.name for row in chart.rows] == ["Bretagne", "Occitanie"]
    assert chart.week_labels == ("11",)

    summary = reports.summary_label.text()
    assert reports.table_export.export(str(tmp_path / "report.xlsx"))
    assert reports.summary_label.text() == (
        f"{summary}  Table saved to {tmp_path / 'report.xlsx'}."
    )
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["Utilisation"]
    sheet = book.active
    assert sheet is not None
    figures = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert figures["Occitanie"][1:4] == (35, 1, pytest.approx(1 / 35))
    assert sheet.cell(2, 4).number_format == "0.0%"

    reports.print_button.click()
    assert len(previewed) == 1
    assert previewed[0].title.startswith("Utilisation report — 2025-03-10")
    assert "Occitanie" in previewed[0].html

    reports.by_combo.setCurrentIndex(reports.by_combo.findData("setup"))
    setup_rows = table_rows(reports, "reportTable")
    assert len(setup_rows) == 7
    assert setup_rows[[r[0] for r in setup_rows].index("Setup Occitanie #1")][:4] == [
        "Setup Occitanie #1",
        "Occitanie",
        "7",
        "1",
    ]

    grab = reports.grab()
    assert not grab.isNull() and grab.width() > 600
    grab.save(str(tmp_path / "reports.png"))
    assert (tmp_path / "reports.png").stat().st_size > 0


def test_the_charts_legend_stays_inside_the_chart_however_narrow(
    main: MainWindow, qtbot: QtBot
) -> None:
    reports = open_reports(main, qtbot)
    assert reports.chart.chart is not None
    chart = UtilisationChart()
    qtbot.addWidget(chart)
    chart.show_chart(reports.chart.chart)
    chart.show()
    metrics = QFontMetrics(chart.font())

    def right_edges() -> list[int]:
        return [
            max(swatch.right(), baseline.x() + metrics.horizontalAdvance(text))
            for swatch, baseline, text in chart.legend_places(0)
        ]

    for width in (360, 480, 560, 640, 1000):
        chart.resize(width, chart.height())
        assert max(right_edges()) < width, width
        assert chart.minimumHeight() == chart.sizeHint().height()
    tops = {swatch.top() for swatch, _, _ in chart.legend_places(0) if not swatch.isNull()}
    assert tops == {0}  # wide: one line
    chart.resize(360, chart.height())
    assert len({s.top() for s, _, _ in chart.legend_places(0) if not s.isNull()}) == 2


def test_the_report_period_is_typed_as_the_user_writes_dates(
    main: MainWindow, qtbot: QtBot
) -> None:
    reports = open_reports(main, qtbot)
    for field, typed in ((reports.from_edit, "10/03/2025"), (reports.to_edit, "16/03/2025")):
        field.setFocus()
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, typed)
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert (reports.from_edit.date(), reports.to_edit.date()) == (
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 16),
    )
    assert [row[0] for row in table_rows(reports, "reportTable")] == ["Bretagne", "Occitanie"]
    assert "1 sessions for" in reports.summary_label.text()
    # A day that does not exist changes nothing and says so.
    reports.to_edit.edit.selectAll()
    qtbot.keyClicks(reports.to_edit.edit, "31/02/2025")
    qtbot.keyClick(reports.to_edit.edit, Qt.Key.Key_Return)
    assert reports.to_edit.date() == dt.date(2025, 3, 16)
    assert not reports.to_edit.is_valid()
    assert reports.to_edit.edit.toolTip().startswith("Not a date")


def test_reports_window_says_when_the_period_is_backwards(main: MainWindow, qtbot: QtBot) -> None:
    reports = open_reports(main, qtbot)
    reports.from_edit.set_date(dt.date(2025, 4, 1))
    reports.to_edit.set_date(dt.date(2025, 3, 1))
    assert reports.problem_label.isVisible()
    assert "ends before it starts" in reports.problem_label.text()
    assert not reports.print_button.isEnabled()
    assert table_rows(reports, "reportTable") == []
    reports.to_edit.set_date(dt.date(2025, 4, 30))
    assert not reports.problem_label.isVisible()
    assert len(table_rows(reports, "reportTable")) == 2
