"""What a user does in the window, in terms of the SPEC 5 object names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QSpinBox,
    QSplitter,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dst_desktop.ui.calendar_panel import AvailabilityCalendar
from dst_desktop.ui.main_window import MainWindow


def child(window: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def choose_region(window: MainWindow, region_id: str) -> None:
    combo: QComboBox = child(window, QComboBox, "regionCombo")
    combo.setCurrentIndex(combo.findData(region_id))


def click_day(window: MainWindow, day: dt.date) -> None:
    calendar: QCalendarWidget = child(window, QCalendarWidget, "calendar")
    calendar.setSelectedDate(QDate(day.year, day.month, day.day))


def calendar_badge(window: MainWindow, day: dt.date) -> str:
    calendar: AvailabilityCalendar = child(window, QCalendarWidget, "calendar")
    return calendar.badge(day)


def tick_module(window: MainWindow, name: str, checked: bool = True) -> None:
    view: QAbstractItemView = child(window, QAbstractItemView, "moduleList")
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data() == name:
            state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            assert model.setData(index, state, Qt.ItemDataRole.CheckStateRole)
            return
    raise AssertionError(f"no module {name} in the list")


def set_participants(window: MainWindow, count: int) -> None:
    spin: QSpinBox = child(window, QSpinBox, "participantsSpin")
    spin.setValue(count)


def choose_client(window: MainWindow, client_id: str) -> None:
    combo: QComboBox = child(window, QComboBox, "clientCombo")
    combo.setCurrentIndex(combo.findData(client_id))


def click(qtbot: QtBot, window: QWidget, name: str) -> None:
    button: QAbstractButton = child(window, QAbstractButton, name)
    assert button.isEnabled(), f"{name} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def drag_splitter(qtbot: QtBot, splitter: QSplitter, distance: int, handle: int = 1) -> None:
    """Drag the splitter's handle by ``distance`` pixels, as a user does with the mouse."""
    grip = splitter.handle(handle)
    start = grip.rect().center()
    vertical = splitter.orientation() == Qt.Orientation.Vertical
    end = start + (QPoint(0, distance) if vertical else QPoint(distance, 0))
    before = splitter.sizes()
    qtbot.mousePress(grip, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grip, end)
    qtbot.mouseRelease(grip, Qt.MouseButton.LeftButton, pos=end)
    assert splitter.sizes() != before, "the splitter did not move"


def table_rows(window: QWidget, name: str) -> list[list[str]]:
    table: QTableView = child(window, QTableView, name)
    model = table.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def select_rows(window: QWidget, name: str, rows: list[int]) -> None:
    table: QTableView = child(window, QTableView, name)
    table.clearSelection()
    table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    for row in rows:
        table.selectRow(row)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
