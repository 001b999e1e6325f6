"""Names, notes and other typed text are shown as typed, never read as HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
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


# -- every name, everywhere in the window -------------------------------------------------

#: Reference data whose every name holds markup, one kind each.
TYPED = {
    "region": "<i>Sud</i> &amp; Est",
    "setup": "Kit <u>#1</u>",
    "operator": "Camille &lt;Martin&gt;",
    "module": "<script>alert(1)</script> Tir",
    "client": "<b>Bold</b> & Sons",
    "offer": "Pack <b>Pro</b> &amp; plus",
    "notes": "Gate <b>B</b> &amp; <script>badge</script>",
}


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a person reads where Qt shows ``text`` in ``text_format``: rich text (or
    plain-looking text that Qt guesses is rich) is laid out as HTML first."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def texts_read(widget: QWidget) -> list[tuple[str, str]]:
    """Every text of ``widget``, as given to Qt and as a person reads it: labels, buttons,
    combo items, the cells and tooltips of every table and list, and every tooltip."""
    read = [
        (label.text(), shown(label.text(), label.textFormat()))
        for label in widget.findChildren(QLabel)
    ]
    read += [(w.toolTip(), shown(w.toolTip())) for w in widget.findChildren(QWidget) if w.toolTip()]
    read += [(button.text(), button.text()) for button in widget.findChildren(QAbstractButton)]
    for combo in widget.findChildren(QComboBox):
        read += [(combo.itemText(i), combo.itemText(i)) for i in range(combo.count())]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                cell = str(index.data() or "")
                read.append((cell, cell))
                tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                read.append((tooltip, shown(tooltip)))
    return read


def reads(widget: QWidget, typed: str) -> bool:
    """Whether ``typed`` reads as typed somewhere in ``widget``."""
    return any(typed in text for _, text in texts_read(widget))


def garbled(widget: QWidget) -> list[tuple[str, str]]:
    """The places given a typed name that do not read it as typed (taken for HTML)."""
    return [
        (given, text)
        for given, text in texts_read(widget)
        if any(typed in given and typed not in text for typed in TYPED.values())
    ]


@pytest.fixture
def typed_names_window(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> tuple[MainWindow, str]:
    """The window on reference data whose every name holds markup, with one confirmed
    booking of it (noted with markup) and one pending; the confirmed one's id."""
    imported = workflows.reference.import_reference(
        {
            "regions": [{"id": "sud", "name": TYPED["region"]}],
            "setups": [{"id": "setup_sud", "name": TYPED["setup"], "regionId": "sud"}],
            "operators": [{"id": "op_sud", "name": TYPED["operator"], "regionId": "sud"}],
            "modules": [{"id": "module_sud", "name": TYPED["module"], "capacityMax": 9}],
            "clients": [{"id": "client_sud", "name": TYPED["client"]}],
            "offers": [{"id": "offer_sud", "name": TYPED["offer"]}],
        }
    )
    assert imported.success, imported
    request = {
        "clientId": "client_sud",
        "regionId": "sud",
        "date": DAY.isoformat(),
        "moduleIds": ["module_sud"],
        "requestedParticipants": 5,
        "offerId": "offer_sud",
        "notes": TYPED["notes"],
    }
    held = workflows.booking.create_session_booking(request).to_dict()
    assert workflows.booking.create_session_booking(request).success  # stays pending
    assert workflows.booking.confirm_session_booking(held["sessionId"]).success
    main = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    qtbot.waitExposed(main)
    return main, str(held["sessionId"])


def test_every_typed_name_reads_as_typed_in_the_window(
    qtbot: QtBot, typed_names_window: tuple[MainWindow, str]
) -> None:
    window, confirmed_id = typed_names_window
    choose_region(window, "sud")
    click_day(window, DAY)
    tick_module(window, TYPED["module"])
    choose_client(window, "client_sud")
    offers = child(window, QComboBox, "offerCombo")
    offers.setCurrentIndex(offers.findData("offer_sud"))

    for name in ("region", "module", "client", "offer"):
        assert reads(window.queue_panel, TYPED[name]), name  # the pending booking
    window.tabs.setCurrentWidget(window.browser_panel)
    for name in ("setup", "operator", "client", "region"):
        assert reads(window.browser_panel, TYPED[name]), name

    window.open_details(confirmed_id)
    details = window.details_dialog
    assert details is not None
    qtbot.waitExposed(details)
    for name in TYPED:
        assert reads(details, TYPED[name]), name
    assert garbled(window) == []
    assert garbled(details) == []
