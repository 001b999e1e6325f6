"""What a new user met on a first day, replayed: each rough edge of the window, gone."""

from __future__ import annotations

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
