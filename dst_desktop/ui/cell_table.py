"""A table model of rows of cells under one header row: the reference lists, the report
figures, the audit log and the conflicts share its shape, each adding the roles of its own;
and the look the read-only listings among them share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


class CellTableModel(QAbstractTableModel):
    """Rows (anything with a ``cells`` sequence) and their column titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[Any, ...] = ()

    def set_rows(self, headers: Sequence[str], rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._headers, self._rows = tuple(headers), tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def row_at(self, index: AnyIndex) -> Any | None:
        """The row of ``index`` when the index names one of its cells, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return row if 0 <= index.column() < len(row.cells) else None


def show_as_listing(
    table: QTableView,
    *,
    row_height: int = 24,
    resize_mode: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Interactive,
) -> None:
    """Read-only rows of one line each, selected whole and several at once: the listings
    (audit log, report figures, conflicts) behave alike for copy, export and the keyboard."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setSectionResizeMode(resize_mode)
    table.horizontalHeader().setStretchLastSection(True)
