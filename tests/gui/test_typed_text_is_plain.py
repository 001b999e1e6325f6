"""Names, notes and other typed text are shown as typed, never read as HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.domain.errors import StorageError
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.dialogs import QtDialogs, ReportDialog
from dst_desktop.ui.errors import ErrorReporter
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.helpers import (
    child,
    choose_client,
    choose_region,
    click,
    click_day,
    set_participants,
    tick_module,
)
from tests.unit.presenters.fakes import FakeDialogs

MARKUP = "<b>ACME</b>"
DAY = dt.date(2025, 3, 10)


def rich_labels(widget: QWidget) -> list[str]:
    """The texts holding markup that a label of ``widget`` would render as HTML."""
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if "<" in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def labels_of_next_dialog(seen: list[tuple[str, Qt.TextFormat]]) -> None:
    """When the next modal dialog opens, note its labels' texts and formats, then close it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, look)
            return
        seen.extend(
            (label.text(), label.textFormat())
            for label in dialog.findChildren(QLabel)
            if label.text()
        )
        dialog.reject()
        if isinstance(dialog, QMessageBox):
            dialog.done(0)

    QTimer.singleShot(0, look)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    "ask",
    [
        lambda d: d.confirm("Cancel", f"Cancel the booking of {MARKUP}?", "Cancel booking"),
        lambda d: d.inform("Imported", f"Bookings of {MARKUP} imported."),
        lambda d: d.warn("Not confirmed", f"The booking of {MARKUP} was not confirmed."),
        lambda d: d.ask_reason(
            "Cancel mission", f"Why is the session of {MARKUP} cancelled?", "Cancel the mission"
        ),
    ],
    ids=["confirm", "inform", "warn", "ask_reason"],
)
def test_message_boxes_show_markup_in_names_literally(
    parent: QWidget, ask: Callable[[QtDialogs], object]
) -> None:
    seen: list[tuple[str, Qt.TextFormat]] = []
    labels_of_next_dialog(seen)

    ask(QtDialogs(parent))

    shown = [(text, text_format) for text, text_format in seen if MARKUP in text]
    assert shown, seen
    assert all(text_format == Qt.TextFormat.PlainText for _, text_format in shown), shown


@pytest.mark.error_box
def test_error_messages_show_markup_literally(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[str, Qt.TextFormat]] = []
    labels_of_next_dialog(seen)
    parent.activateWindow()

    ErrorReporter(None).report(StorageError(f"cannot open /data/{MARKUP}/bookings.db"))

    shown = [(text, text_format) for text, text_format in seen if MARKUP in text]
    assert shown, seen
    assert all(text_format == Qt.TextFormat.PlainText for _, text_format in shown), shown


def test_report_summary_shows_markup_literally(qtbot: QtBot) -> None:
    dialog = ReportDialog(None, "Confirmation report", f"{MARKUP}: not confirmed.", [MARKUP])
    qtbot.addWidget(dialog)

    assert rich_labels(dialog) == []


@pytest.fixture
def markup_window(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> MainWindow:
    """The window on reference data whose region, module and client names hold markup."""
    imported = workflows.reference.import_reference(
        {
            "regions": [{"id": "occitanie", "name": "<i>Occitanie</i>"}],
            "modules": [{"id": "module_tir", "name": "<u>Tir</u>", "capacityMax": 12}],
            "clients": [{"id": "client_markup", "name": MARKUP}],
        }
    )
    assert imported.success, imported
    main = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_window_shows_typed_names_literally(
    qtbot: QtBot, markup_window: MainWindow, dialogs: FakeDialogs
) -> None:
    window = markup_window
    choose_region(window, "occitanie")
    click_day(window, DAY)
    tick_module(window, "<u>Tir</u>")
    set_participants(window, 30)  # over capacity: the headline names the module
    assert "<u>Tir</u>" in child(window, QLabel, "capacityLabel").text()
    set_participants(window, 10)
    choose_client(window, "client_markup")
    click(qtbot, window, "createBookingButton")

    assert MARKUP in child(window, QLabel, "createdLabel").text()
    assert "<i>Occitanie</i>" in window.booking_form.request_label.text()
    assert rich_labels(window) == []


def test_table_and_module_tooltips_show_markup_literally(markup_window: MainWindow) -> None:
    window = markup_window
    choose_region(window, "occitanie")
    click_day(window, DAY)
    tick_module(window, "<u>Tir</u>")
    choose_client(window, "client_markup")
    window.presenter.form.create()

    model = window.queue_panel.table.model_
    client_column = next(
        column
        for column in range(model.columnCount())
        if model.headerData(column, Qt.Orientation.Horizontal) == "Client"
    )
    index = model.index(0, client_column)
    assert index.data() == MARKUP
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;ACME&lt;/b&gt;" in tooltip  # escaped: shown as typed
    module_tooltip = window.module_picker.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;u&gt;Tir&lt;/u&gt;" in module_tooltip


def test_literal_texts_stay_as_they_are() -> None:
    from dst_desktop.ui.plain_text import literal_text

    assert literal_text("ACME Sécurité") == "ACME Sécurité"
    assert literal_text("a < b") == "a < b"
