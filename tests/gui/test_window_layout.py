"""The window at its smallest and at common sizes: every pane usable, tables readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.booking_tables import BookingTableView
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from dst_desktop.ui.module_picker import MODULE_PICKER_MIN_WIDTH
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs

# What a 1366 × 768 laptop screen leaves to a window, without task bar and title bar.
LAPTOP_WINDOW = QSize(1366, 700)


def settle(window: QWidget, size: QSize) -> None:
    """Resize as a window system would: never below the minimum the layout asks for."""
    for _ in range(2):  # the second pass sees the minimum the layout settled on
        window.resize(size)
        QApplication.processEvents()


def assert_panes_usable(window: MainWindow) -> None:
    for pane in (window.calendar_panel, window.module_picker, window.booking_form):
        hint = pane.minimumSizeHint()
        assert pane.width() >= hint.width(), (type(pane).__name__, pane.width(), hint)
        assert pane.height() >= hint.height(), (type(pane).__name__, pane.height(), hint)
    tree = window.module_picker.list
    header = tree.header()
    assert window.module_picker.width() >= MODULE_PICKER_MIN_WIDTH
    assert header.sectionSize(0) >= 140  # "Conduite en situation…" reads
    capacity_end = header.sectionViewportPosition(1) + header.sectionSize(1)
    assert capacity_end <= tree.viewport().width()  # the Capacity column is in view
    table = window.queue_panel.table
    assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_smallest_window_fits_a_laptop_and_keeps_every_pane_usable(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    workflows: Workflows,
    database_url: str,
    dialogs: FakeDialogs,
    language: str,
) -> None:
    languages = LanguageInstaller()
    languages.install(language)  # French labels are longer
    request.addfinalizer(lambda: languages.install("en"))
    for _ in range(4):
        create(workflows)
    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    settle(window, QSize(1, 1))

    smallest = window.size()
    assert smallest.width() <= LAPTOP_WINDOW.width(), smallest
    assert smallest.height() <= LAPTOP_WINDOW.height(), smallest
    assert_panes_usable(window)
    settle(window, QSize(1280, 800))
    assert_panes_usable(window)


def column_widths(table: BookingTableView) -> dict[str, int]:
    model = table.model()
    return {
        str(model.headerData(column, table.horizontalHeader().orientation())): table.columnWidth(
            column
        )
        for column in range(model.columnCount())
    }


def test_spare_width_goes_to_the_modules_column(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, moduleIds=["module_tir", "module_scenario", "module_secourisme"])
    window.presenter.queue.refresh()
    table = window.queue_panel.table
    settle(window, QSize(1900, 1000))
    wide = column_widths(table)

    assert sum(wide.values()) == table.viewport().width()  # no gap, no scrolling
    assert wide["Reference"] <= 260
    assert wide["Modules"] == max(wide.values())

    settle(window, QSize(1440, 900))
    narrower = column_widths(table)
    assert narrower["Modules"] < wide["Modules"]
    assert narrower["Reference"] == wide["Reference"]
