"""A table of rows (bookings, reference entries) that the keyboard reaches row by row."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

#: How focus arrives by keyboard (Tab, Shift+Tab, a shortcut, the program on the user's behalf).
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)


class RowTable(QTableView):
    """Rows selected whole; Tab leaves the table for what follows (the arrows move between
    rows); coming to it with the keyboard selects a row, so that what acts on the
    selection can be used at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        selection = self.selectionModel()
        if (
            event.reason() in KEYBOARD_REASONS
            and model is not None
            and selection is not None
            and not selection.hasSelection()
            and model.rowCount()
        ):
            current = self.currentIndex()
            row = current.row() if current.isValid() else 0
            selection.setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
