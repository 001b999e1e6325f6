"""The window without a mouse: Tab, Enter and the shortcuts from a region to a confirmed
and printed booking; every control named for screen readers, and showing its focus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import PrintDocument
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.gui.helpers import choose_client, choose_region, click_day, tick_module
from tests.unit.presenters.conftest import create


@pytest.fixture
def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window, active: window shortcuts reach it as they would on a desktop."""
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None, "nothing has the focus"
    qtbot.keyClick(widget, key, modifier)


def test_tab_leaves_the_queue_table_for_its_buttons(
    qtbot: QtBot, workflows: Workflows, active: MainWindow
) -> None:
    for _ in range(3):
        create(workflows)
    active.presenter.queue.refresh()
    table = active.queue_panel.table
    table.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # the first row: Details, Edit, Print, Cancel, Confirm come alive

    visited = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused().objectName())  # type: ignore[union-attr]

    assert visited == [
        "detailsButton",
        "editButton",
        "printSummaryButton",
        "cancelButton",
        "confirmButton",
    ]
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is table


# The list of client completions is a popup window: the offscreen platform can neither
# raise it nor give it the keyboard, and says so.
@pytest.mark.qt_log_ignore(
    "^This plugin does not support grabbing the keyboard$",
    "^This plugin does not support raise\\(\\)$",
)
def test_a_booking_from_region_to_confirmation_and_print_with_the_keyboard_only(
    qtbot: QtBot,
    workflows: Workflows,
    active: MainWindow,
    previewed: list[PrintDocument],
) -> None:
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Region
    assert focused() is active.calendar_panel.region_combo
    qtbot.keyClicks(focused(), "Bre")
    assert active.calendar_panel.region_combo.currentData() == "bretagne"

    press(qtbot, Qt.Key.Key_Tab)  # the calendar, on today, 20 February 2025
    assert focused() is active.calendar_panel.calendar.grid()
    for key in (Qt.Key.Key_Down,) * 3 + (Qt.Key.Key_Left,) * 2:
        press(qtbot, key)  # three weeks on, two days back: Tuesday 11 March
    assert active.presenter.calendar.selected_date == dt.date(2025, 3, 11)

    press(qtbot, Qt.Key.Key_Tab)  # the modules
    assert focused() is active.module_picker.list
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Home)  # the first module, by name: Premiers secours
    assert active.module_picker.list.currentIndex().data() == "Premiers secours"
    press(qtbot, Qt.Key.Key_Space)
    assert active.presenter.form.module_ids == ("module_secourisme",)

    press(qtbot, Qt.Key.Key_Tab)  # the client: type part of the name, Enter picks it
    qtbot.keyClicks(focused(), "acme s")
    completions = active.booking_form.completer.popup()
    qtbot.waitUntil(completions.isVisible)
    # The list of completions has the keyboard while it is open.
    qtbot.keyClick(completions, Qt.Key.Key_Down)
    qtbot.keyClick(completions, Qt.Key.Key_Return)
    assert active.presenter.form.client_id == "client_acme"
    # A desktop gives the activation back to the window when the list closes; the
    # offscreen platform leaves it to the closed list.
    qtbot.waitUntil(lambda: not completions.isVisible())
    active.activateWindow()
    qtbot.waitActive(active)

    press(qtbot, Qt.Key.Key_Tab)  # New client…
    press(qtbot, Qt.Key.Key_Tab)  # participants
    assert focused() is active.booking_form.participants_spin
    qtbot.keyClicks(focused(), "8")
    press(qtbot, Qt.Key.Key_Return)  # Enter in the form creates the booking
    qtbot.waitUntil(lambda: len(workflows.queries.pending_sessions()) == 1)
    session = workflows.queries.pending_sessions()[0]
    assert (session.region_id, session.date, session.requested_participants) == (
        "bretagne",
        dt.date(2025, 3, 11),
        8,
    )
    assert active.queue_panel.table.selected_ids() == [session.id]

    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Confirm
    status = workflows.booking.get_booking_status(session.id)
    assert status.session.status is SessionStatus.CONFIRMED  # type: ignore[union-attr]

    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # All bookings
    press(qtbot, Qt.Key.Key_Tab)  # from the search field to the table: its first row
    assert focused() is active.browser_panel.table
    assert active.browser_panel.table.selected_ids() == [session.id]
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Print summary
    assert [document.title for document in previewed] == [f"Booking summary — {session.id}"]


def test_enter_in_the_form_says_why_it_cannot_create_yet(
    qtbot: QtBot, workflows: Workflows, active: MainWindow
) -> None:
    choose_region(active, "occitanie")
    click_day(active, dt.date(2025, 3, 10))
    tick_module(active, "Tir de précision")
    active.booking_form.participants_spin.setFocus()

    press(qtbot, Qt.Key.Key_Return)

    assert workflows.queries.pending_sessions() == []
    assert active.statusBar().currentMessage() == "Choose the client first."
    choose_client(active, "client_123")
    active.booking_form.participants_spin.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(workflows.queries.pending_sessions()) == 1)


def test_every_command_has_its_own_shortcut_shown_in_its_menu_and_tooltip(
    window: MainWindow,
) -> None:
    commands = window.commands()
    shortcuts = [action.shortcut() for action in commands]

    names = {action.objectName() for action in commands}
    assert {"createBookingAction", "pendingAction", "userGuideAction", "quitAction"} <= names
    assert len(commands) == len(names) >= 24
    assert all(not shortcut.isEmpty() for shortcut in shortcuts), [
        action.text() for action in commands if action.shortcut().isEmpty()
    ]
    assert len({shortcut.toString() for shortcut in shortcuts}) == len(shortcuts)
    for action in commands:
        text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().endswith(f"({text})"), action.toolTip()
    choose_region(window, "occitanie")
    click_day(window, dt.date(2025, 3, 10))
    tick_module(window, "Tir de précision")
    choose_client(window, "client_123")  # Create booking can be used: its tooltip says how
    buttons = {
        window.booking_form.create_button: "Ctrl+Shift+Return",
        window.queue_panel.confirm_button: "Ctrl+Return",
        window.queue_panel.cancel_button: "Del",
        window.queue_panel.details_button: "Ctrl+I",
        window.queue_panel.print_button: "Ctrl+P",
    }
    for button, shortcut in buttons.items():
        assert f"({shortcut})" in button.toolTip(), (button.objectName(), button.toolTip())


def focusable(root: QWidget) -> Iterator[QWidget]:
    """The controls Tab reaches in ``root``, as shown now."""
    for widget in [root, *root.findChildren(QWidget)]:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            yield widget


def unnamed(root: QWidget) -> list[str]:
    """The controls without a name or a description for a screen reader.

    A button's text is its name; every other control has a name of its own (on Linux
    a combo box's accessible "name" is its current value, which names nothing).
    """
    missing = []
    for widget in focusable(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None
        name = widget.accessibleName()
        if isinstance(widget, QAbstractButton):
            name = name or interface.text(QAccessible.Text.Name)
        description = interface.text(QAccessible.Text.Description)
        if isinstance(widget, QTabBar):
            # A screen reader reads the tabs: each has its name and its description.
            tabs = [interface.child(n) for n in range(widget.count())]
            named = all(tab.text(QAccessible.Text.Name).strip() for tab in tabs)
            described = all(tab.text(QAccessible.Text.Description).strip() for tab in tabs)
            description = description or ("tabs" if named and described else "")
        if not name.strip() or not description.strip():
            label = widget.objectName() or type(widget).__name__
            missing.append(f"{label}: name {name!r}, description {description!r}")
    return missing


def test_every_control_of_the_window_has_an_accessible_name_and_description(
    qtbot: QtBot, workflows: Workflows, active: MainWindow
) -> None:
    create(workflows)
    active.presenter.queue.refresh()
    active.queue_panel.table.selectRow(0)
    active.queue_panel.filters.dates_check.setChecked(True)
    choose_region(active, "bretagne")
    assert unnamed(active) == []
    active.tabs.setCurrentWidget(active.browser_panel)
    active.browser_panel.table.selectRow(0)
    assert unnamed(active) == []


def test_every_control_of_the_dialogs_has_an_accessible_name_and_description(
    qtbot: QtBot, workflows: Workflows, active: MainWindow
) -> None:
    session = create(workflows)
    active.open_details(session.id)
    assert active.details_dialog is not None
    assert unnamed(active.details_dialog) == []
    active.details_dialog.close()
    active.open_reference_data()
    dialog = active.reference_dialog
    assert dialog is not None
    for tab in dialog.kind_tabs.values():
        dialog.tabs.setCurrentWidget(tab)
        assert unnamed(dialog) == [], tab.kind
    dialog.close()
    active.open_help(shortcuts=False)
    assert active.help_dialog is not None
    assert unnamed(active.help_dialog) == []


def grab(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def test_the_focus_shows_on_every_control(
    qtbot: QtBot, workflows: Workflows, active: MainWindow
) -> None:
    create(workflows)
    active.presenter.queue.refresh()
    active.queue_panel.table.selectRow(0)
    active.queue_panel.filters.dates_check.setChecked(True)
    elsewhere = active.booking_form.notes_edit
    elsewhere.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # the user works with the keyboard from now on
    unseen = []
    for widget in focusable(active):
        target = widget if widget is not elsewhere else active.booking_form.offer_combo
        other = elsewhere if widget is not elsewhere else active.calendar_panel.region_combo
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
        without = grab(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(target.hasFocus)
        if grab(target) == without:
            unseen.append(target.objectName() or type(target).__name__)
    assert unseen == [], unseen


def test_every_control_of_the_small_dialogs_has_an_accessible_name_and_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    from dst_desktop.presenters.dialogs import SnapshotOptions
    from dst_desktop.ui.dialogs import NewClientDialog, ReportDialog
    from dst_desktop.ui.event_mode import SnapshotOptionsDialog
    from dst_desktop.ui.settings_dialog import SettingsDialog

    dialogs: list[QWidget] = [
        NewClientDialog("Forum Sûreté", window),
        SettingsDialog("", window),
        SnapshotOptionsDialog(SnapshotOptions("Salon", 6), window),
        ReportDialog(window, "Confirmation report", "1 confirmed", ["✓ ACME"]),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == [], dialog.objectName()
