"""Every item model of the window passes pytest-qt's model tester, and sorts as users expect."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dst_desktop.presenters.booking_rows import BookingTable, Column
from dst_desktop.presenters.module_picker import ModuleRow
from dst_desktop.presenters.reference_editor import ReferenceRow
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.booking_tables import BookingTableModel, BookingTableView
from dst_desktop.ui.main_window import MainWindow
from dst_desktop.ui.module_picker import ModuleListModel
from dst_desktop.ui.reference_dialog import ReferenceTableModel
from tests.unit.presenters.conftest import create


def test_booking_table_model(
    qtmodeltester: ModelTester, workflows: Workflows, window: MainWindow
) -> None:
    for day in ("2025-03-11", "2025-03-04", "2025-04-01"):
        create(workflows, date=day)
    window.presenter.queue.refresh()
    model = window.queue_panel.table.model_
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    qtmodeltester.check(window.browser_panel.table.model_)


def test_booking_table_model_through_resets(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = BookingTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_table(BookingTable(("A", "B")))
    model.set_table(BookingTable(()))


def test_dates_sort_by_day_not_by_text(workflows: Workflows, window: MainWindow) -> None:
    # "04/03" < "11/03" < "01/04" by day; as text, "01/04" would come first.
    for day in ("2025-03-11", "2025-04-01", "2025-03-04"):
        create(workflows, date=day)
    window.presenter.queue.refresh()
    table: BookingTableView = window.queue_panel.table
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [table.model_.index(row, 0).data() for row in range(3)]
    assert shown == ["04/03/2025", "11/03/2025", "01/04/2025"]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table.model_.index(0, 0).data() == "01/04/2025"


def test_sorting_keeps_the_selection_on_the_same_booking(
    workflows: Workflows, window: MainWindow
) -> None:
    first = create(workflows, date="2025-03-11", requestedParticipants=9)
    create(workflows, date="2025-03-04", requestedParticipants=3)
    window.presenter.queue.refresh()
    table: BookingTableView = window.queue_panel.table
    table.select_session(first.id)
    participants = window.presenter.queue.columns.index(Column.PARTICIPANTS)

    table.sortByColumn(participants, Qt.SortOrder.DescendingOrder)

    assert table.selected_ids() == [first.id]
    assert table.model_.session_id(0) == first.id
    table.sortByColumn(participants, Qt.SortOrder.AscendingOrder)
    assert table.selected_ids() == [first.id]
    assert table.model_.session_id(1) == first.id


def test_module_list_model(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = ModuleListModel()
    model.set_rows(
        [
            ModuleRow("module_tir", "Tir de précision", "12", False),
            ModuleRow("module_scenario", "Scénario tactique", "16", True),
        ]
    )
    qtmodeltester.check(model)
    toggled: list[tuple[str, bool]] = []
    model.toggled.connect(lambda module_id, checked: toggled.append((module_id, checked)))
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not model.setData(model.index(0, 1), "x", Qt.ItemDataRole.EditRole)
    assert toggled == [("module_tir", True)]
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_reference_table_model(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model = ReferenceTableModel()
    model.set_rows(["Name", "Identifier"], [ReferenceRow("bretagne", ("Bretagne", "bretagne"))])
    qtmodeltester.check(model)
    assert model.row_of("bretagne") == 0 and model.row_of("corse") == -1
