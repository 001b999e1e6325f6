"""Dates typed as people write them, in the order of their locale."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dst_desktop.presenters.reference_editor import ReferenceKind
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.date_field import parse_date
from dst_desktop.ui.main_window import MainWindow
from tests.gui.helpers import click
from tests.unit.presenters.conftest import create

TODAY = dt.date(2025, 2, 20)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("12/12/2026", "dmy", dt.date(2026, 12, 12)),
        ("3/4/2026", "dmy", dt.date(2026, 4, 3)),
        ("3/4/2026", "mdy", dt.date(2026, 3, 4)),
        ("03.04.26", "dmy", dt.date(2026, 4, 3)),
        ("3 4 2026", "dmy", dt.date(2026, 4, 3)),
        ("03-04-2026", "dmy", dt.date(2026, 4, 3)),
        ("03042026", "dmy", dt.date(2026, 4, 3)),
        ("030426", "dmy", dt.date(2026, 4, 3)),
        ("04032026", "mdy", dt.date(2026, 4, 3)),
        ("12/3", "dmy", dt.date(2025, 3, 12)),  # this year
        ("3/12", "mdy", dt.date(2025, 3, 12)),
        ("2026-12-12", "dmy", dt.date(2026, 12, 12)),  # ISO, whatever the locale
        ("2026-12-12", "mdy", dt.date(2026, 12, 12)),
        (" 12 / 12 / 2026 ", "dmy", dt.date(2026, 12, 12)),
    ],
)
def test_typed_dates_are_read_whole(text: str, order: str, expected: dt.date) -> None:
    assert parse_date(text, order, TODAY) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "31/02/2026", "12/13/2026", "1/2/3/4", "12345"])
def test_what_is_not_a_date_is_refused(text: str) -> None:
    assert parse_date(text, "dmy", TODAY) is None


def test_a_leave_day_typed_in_the_field_is_the_day_added(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    dialog.tabs.setCurrentWidget(tab)
    field = tab.day_edit.edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClicks(field, "12/12/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter adds the day, as "Add day" does

    assert [tab.days_list.item(row).text() for row in range(tab.days_list.count())] == [
        "Saturday, 12 December 2026"
    ]


def test_a_field_that_holds_no_date_says_so_and_adds_nothing(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.SETUPS]
    dialog.tabs.setCurrentWidget(tab)
    field = tab.day_edit.edit
    field.setText("31/02/2026")

    qtbot.keyClick(field, Qt.Key.Key_Return)
    click(qtbot, tab, "addDayButton")

    assert tab.days_list.count() == 0
    assert field.property("invalid") is True
    assert field.toolTip() == ("Not a date: type it as 31/12/2026, or choose it in the calendar.")


def test_the_queue_filter_takes_typed_dates(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, date="2025-03-10")
    create(workflows, date="2025-04-02")
    window.presenter.queue.refresh()
    filters = window.queue_panel.filters
    qtbot.mouseClick(filters.dates_check, Qt.MouseButton.LeftButton)
    for field, text in ((filters.date_from, "1/4/2025"), (filters.date_to, "30.04.25")):
        field.edit.setFocus()
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, text)
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)

    assert window.presenter.queue.filter.date_from == dt.date(2025, 4, 1)
    assert window.presenter.queue.filter.date_to == dt.date(2025, 4, 30)
    assert window.queue_panel.table.model().rowCount() == 1
