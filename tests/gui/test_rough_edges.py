"""What a new user met on a first day, replayed: each rough edge of the window, gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.unit.presenters.conftest import create


def test_the_queue_tab_counts_every_waiting_booking_whatever_the_filters(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, regionId="bretagne")
    create(workflows)
    window.presenter.queue.refresh()
    assert window.tabs.tabText(0) == "Pending bookings (2)"

    filters = window.queue_panel.filters
    filters.region_combo.setCurrentIndex(filters.region_combo.findData("bretagne"))

    assert window.queue_panel.table.model().rowCount() == 1
    assert window.tabs.tabText(0) == "Pending bookings (2)"
    assert window.queue_panel.count_label.text() == "1 booking waiting"


LONG_NAMES = (
    "Police municipale de Toulouse – Brigade de nuit",
    "Police nationale – Direction départementale du Rhône",
)


# The completions are a popup: the offscreen platform can neither raise it nor give it
# the keyboard, and says so.
@pytest.mark.qt_log_ignore(
    "^This plugin does not support grabbing the keyboard$",
    "^This plugin does not support raise\\(\\)$",
)
def test_client_completions_show_whole_names(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    clients = [{"id": f"client_long_{n}", "name": name} for n, name in enumerate(LONG_NAMES)]
    workflows.reference.import_reference({"clients": clients})
    window.presenter.reference_changed()
    line_edit = window.booking_form.client_combo.lineEdit()
    assert line_edit is not None
    line_edit.setFocus()

    qtbot.keyClicks(line_edit, "police")

    popup = window.booking_form.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    needed = max(popup.fontMetrics().horizontalAdvance(name) for name in LONG_NAMES)
    assert popup.viewport().width() >= needed
    assert popup.width() > window.booking_form.client_combo.width()


def test_a_mission_is_not_cancelled_without_a_reason_and_the_question_stays_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    from dst_desktop.ui.dialogs import ReasonDialog

    dialog = ReasonDialog("Cancel mission", "Why is the session cancelled?", "Cancel the mission")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.accept_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "   ")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # a blank reason is no reason: the question stays
    assert not dialog.accept_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "Client postponed the event")
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.reason() == "Client postponed the event"


def test_load_demo_data_is_unavailable_on_a_database_that_has_data(window: MainWindow) -> None:
    assert not window.demo_action.isEnabled()
    assert window.demo_action.toolTip().startswith(
        "This database already holds reference data: the demo data goes only into an empty one."
    )
