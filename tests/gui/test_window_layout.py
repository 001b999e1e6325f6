"""The window on a laptop's screen: it fits, gives the pending queue its rows, never resizes
itself, never crushes or clips a widget, and its panes do not move while the user works.

The offscreen platform has three screens (``offscreen-screen.json``): a 1920 × 1200
desktop, a 1366 × 768 laptop and a 1280 × 720 one. A window first shown on a screen takes
its first-start size there, as it does on a real desktop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.booking_tables import BookingTableView
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.helpers import (
    choose_client,
    choose_region,
    click,
    click_day,
    drag_splitter,
    select_rows,
    set_participants,
    tick_module,
)
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs

#: Screen → the pending bookings the queue shows at least, at the window's first start.
SCREENS = {"laptop": 10, "small": 7}


def screen_named(name: str) -> QScreen:
    return next(screen for screen in QApplication.screens() if screen.name() == name)


def open_on(qtbot: QtBot, database_url: str, screen: str, dialogs: FakeDialogs) -> MainWindow:
    """The window as it first opens on ``screen`` (no remembered geometry)."""
    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    window.move(screen_named(screen).availableGeometry().topLeft() + QPoint(10, 10))
    window.show()
    qtbot.waitExposed(window)
    available = screen_named(screen).availableGeometry()
    if window.isMaximized():
        qtbot.waitUntil(lambda: window.frameGeometry() == available)
    else:
        qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    return window


def rows_shown(table: BookingTableView) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def smallest_size(widget: QWidget) -> QSize:
    """The least size a layout gives ``widget`` (Qt's qSmartMinSize)."""
    hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    width = widget.minimumWidth() or (
        0 if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored else hint.width()
    )
    height = widget.minimumHeight() or (
        0 if policy.verticalPolicy() == QSizePolicy.Policy.Ignored else hint.height()
    )
    return QSize(width, height)


def laid_out(window: QWidget) -> Iterator[QWidget]:
    """Every visible widget the window's layouts place (not the insides of a scroll area)."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        parent = widget.parentWidget()
        if parent is None or parent.layout() is None:
            continue  # placed by its parent's own code (scroll bars, headers, viewports)
        if any(isinstance(ancestor, QAbstractScrollArea) for ancestor in ancestors(widget)):
            continue  # item views and scroll areas scroll what does not fit
        yield widget


def ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def clipped(window: QWidget) -> list[str]:
    """The widgets smaller than they need to be: crushed fields, cut texts."""
    found = []
    for widget in laid_out(window):
        least = smallest_size(widget)
        size = widget.size()
        name = widget.objectName() or type(widget).__name__
        if size.width() < least.width() or size.height() < least.height():
            found.append(f"{name}: {size.width()}×{size.height()} < {least.toTuple()}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                found.append(f"{name} {widget.text()!r}: {widget.height()} px < {needed}")
    return found


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    languages = LanguageInstaller()
    languages.install(request.param)  # French texts are longer
    yield request.param
    languages.install("en")


@pytest.mark.parametrize(("screen", "rows"), SCREENS.items())
def test_first_start_fits_the_screen_and_shows_the_queue(
    qtbot: QtBot,
    workflows: Workflows,
    database_url: str,
    dialogs: FakeDialogs,
    language: str,
    screen: str,
    rows: int,
) -> None:
    for _ in range(30):
        create(workflows)
    window = open_on(qtbot, database_url, screen, dialogs)

    assert window.isMaximized()
    assert screen_named(screen).availableGeometry().contains(window.frameGeometry())
    scroll_bar = window.queue_panel.table.horizontalScrollBar()
    qtbot.waitUntil(lambda: not scroll_bar.isVisible())  # every column in view
    assert rows_shown(window.queue_panel.table) >= rows
    assert clipped(window) == []


@pytest.mark.parametrize("screen", SCREENS)
def test_a_day_of_work_never_resizes_the_window_nor_moves_the_panes(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs, screen: str
) -> None:
    for _ in range(12):
        create(workflows)
    window = open_on(qtbot, database_url, screen, dialogs)
    size, panes, share = window.size(), window.top_splitter.sizes(), window.main_splitter.sizes()

    def unchanged(step: str) -> None:
        QApplication.processEvents()
        assert window.size() == size, step
        assert window.top_splitter.sizes() == panes, step
        assert window.main_splitter.sizes() == share, step
        assert clipped(window) == [], step

    steps: list[tuple[str, Callable[[], None]]] = [
        ("region", lambda: choose_region(window, "bretagne")),
        ("day", lambda: click_day(window, dt.date(2025, 3, 11))),
        ("module", lambda: tick_module(window, "Premiers secours")),
        ("participants", lambda: set_participants(window, 8)),
        ("client", lambda: choose_client(window, "client_acme")),
        ("create", lambda: click(qtbot, window, "createBookingButton")),
        ("confirm", lambda: click(qtbot, window, "confirmButton")),
        ("full day, free dates", lambda: click_day(window, dt.date(2025, 3, 11))),
        ("a free date", lambda: click(qtbot, window, "suggestedDate1")),
        ("a long note", lambda: window.booking_form.notes_edit.setPlainText("x " * 300)),
        ("select several", lambda: select_rows(window, "pendingTable", [0, 1, 2])),
        ("confirm several", lambda: click(qtbot, window, "confirmButton")),
        ("all bookings", lambda: window.tabs.setCurrentWidget(window.browser_panel)),
        ("pending", lambda: window.tabs.setCurrentWidget(window.queue_panel)),
    ]
    for step, action in steps:
        action()
        unchanged(step)


def test_smallest_window_fits_a_small_laptop_and_crushes_nothing(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs, language: str
) -> None:
    for _ in range(4):
        create(workflows)
    window = open_on(qtbot, database_url, "desktop", dialogs)
    window.showNormal()
    smallest = window.minimumSize()

    window.resize(QSize(1, 1))
    qtbot.waitUntil(lambda: window.size() == smallest)

    assert smallest.width() <= 1280 and smallest.height() <= 640, smallest
    assert clipped(window) == []
    assert rows_shown(window.queue_panel.table) >= 3


def test_the_queue_share_is_the_users_to_choose_and_is_remembered(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> None:
    first = open_on(qtbot, database_url, "laptop", dialogs)
    rows_before = rows_shown(first.queue_panel.table)
    drag_splitter(qtbot, first.main_splitter, 48)
    assert rows_shown(first.queue_panel.table) < rows_before - 1.5
    chosen = first.main_splitter.sizes()
    first.close()

    second = open_on(qtbot, database_url, "laptop", dialogs)
    assert second.main_splitter.sizes() == chosen


def column_widths(table: BookingTableView) -> dict[str, int]:
    model = table.model()
    header = table.horizontalHeader()
    return {
        str(model.headerData(column, header.orientation())): table.columnWidth(column)
        for column in range(model.columnCount())
    }


def test_spare_width_goes_to_the_modules_and_narrow_tables_need_no_scrolling(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, moduleIds=["module_tir", "module_scenario", "module_secourisme"])
    window.presenter.queue.refresh()
    table = window.queue_panel.table
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: window.width() == 1900)
    wide = column_widths(table)
    assert sum(wide.values()) == table.viewport().width()  # no gap, no scrolling
    assert wide["Modules"] == max(wide.values())
    assert wide["Reference"] <= 260

    window.resize(1140, 1000)
    qtbot.waitUntil(lambda: window.width() == 1140)
    narrow = column_widths(table)
    assert sum(narrow.values()) == table.viewport().width()
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())
    assert narrow["Date"] == wide["Date"]  # short columns keep their width
    assert narrow["Reference"] < wide["Reference"]  # the longest give way


def test_every_module_name_reads_in_full_on_a_laptop(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> None:
    window = open_on(qtbot, database_url, "laptop", dialogs)
    tree = window.module_picker.list
    metrics = tree.fontMetrics()
    model = tree.model()
    for row in range(model.rowCount()):
        rect = tree.visualRect(model.index(row, 0))
        name = str(model.index(row, 0).data())
        # the check box and the margins take the rest of the cell
        assert metrics.horizontalAdvance(name) + 30 <= rect.width(), name


def test_free_dates_appear_without_moving_a_pane(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> None:
    window = open_on(qtbot, database_url, "small", dialogs)
    choose_region(window, "bretagne")
    click_day(window, dt.date(2025, 3, 11))
    tick_module(window, "Premiers secours")
    choose_client(window, "client_acme")
    click(qtbot, window, "createBookingButton")
    click(qtbot, window, "confirmButton")
    panes = window.top_splitter.sizes()

    click_day(window, dt.date(2025, 3, 11))  # now full: free dates appear

    shown = [
        b for b in window.booking_form.suggested_dates.findChildren(QPushButton) if b.isVisible()
    ]
    assert len(shown) >= 3
    assert window.top_splitter.sizes() == panes
    assert all(
        window.booking_form.verdict_column.rect().contains(
            button.mapTo(window.booking_form.verdict_column, button.rect().bottomRight())
        )
        for button in shown
    )
