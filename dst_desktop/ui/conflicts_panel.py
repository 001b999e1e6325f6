"""The Conflicts tab: sessions on a setup or operator that can no longer serve them, and
the buttons that reallocate them (the presenters' ConflictsView)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.conflicts import ConflictRow
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.cell_table import AnyIndex, CellTableModel, show_as_listing
from dst_desktop.ui.icons import icon, icon_on_dark
from dst_desktop.ui.plain_text import literal_text, plain_label
from dst_desktop.ui.table_export import EXPORT_VALUE_ROLE, adopt_table_export
from dst_desktop.ui.theme import MUTED, TONE_TEXT

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The column that says what is wrong (painted in the attention colour).
PROBLEM_COLUMN = 3


class ConflictTableModel(CellTableModel):
    """The conflicts, with the session each row is about for the buttons to act on."""

    def session_id(self, row: int) -> str:
        conflict: ConflictRow = self._rows[row]
        return conflict.session_id

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row: ConflictRow | None = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == SESSION_ID_ROLE:
            return row.session_id
        if role == EXPORT_VALUE_ROLE and column == 0 and row.day is not None:
            return row.day
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_text(row.blocked or row.cells[column])
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.blocked:
                return MUTED
            if column == PROBLEM_COLUMN:
                return TONE_TEXT[Tone.ATTENTION]
        if role == Qt.ItemDataRole.DecorationRole and column == PROBLEM_COLUMN:
            return icon("warning")
        return None


class ConflictsPanel(QWidget):
    """A table of conflicts with Details, Reallocate and Reallocate all."""

    selection_changed = Signal(list)
    details_requested = Signal()
    reallocate_requested = Signal()
    reallocate_all_requested = Signal()
    #: How many sessions need attention: the window shows it on the tab.
    badge_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.count_label = plain_label()
        self.count_label.setObjectName("conflictsCountLabel")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        self.outcome_label = plain_label()
        self.outcome_label.setObjectName("outcomeLabel")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setVisible(False)
        layout.addWidget(self.outcome_label)
        self.model = ConflictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("conflictsTable")
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.setModel(self.model)
        show_as_listing(
            self.table, row_height=26, resize_mode=QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setHighlightSections(False)
        layout.addWidget(self.table, 1)
        self.table_export = adopt_table_export(self.table, self.tr("Conflicts"), "conflicts")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.details_button = QPushButton(icon("details"), self.tr("Details…"))
        self.details_button.setObjectName("conflictDetailsButton")
        self.reallocate_button = QPushButton(icon("reallocate"), self.tr("Reallocate"))
        self.reallocate_button.setObjectName("reallocateButton")
        self.reallocate_button.setToolTip(
            self.tr("Move the selected sessions to free setups or operators of the same day")
        )
        self.reallocate_all_button = QPushButton(
            icon_on_dark("reallocate"), self.tr("Reallocate all")
        )
        self.reallocate_all_button.setObjectName("reallocateAllButton")
        self.reallocate_all_button.setProperty("primary", True)
        for button in (self.details_button, self.reallocate_button, self.reallocate_all_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.details_requested.emit())
        self.details_button.clicked.connect(self.details_requested)
        self.reallocate_button.clicked.connect(self.reallocate_requested)
        self.reallocate_all_button.clicked.connect(self.reallocate_all_requested)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.session_id(row) for row in rows]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_ids())

    # -- ConflictsView -------------------------------------------------------------------

    def show_conflicts(self, headers: Sequence[str], rows: Sequence[ConflictRow]) -> None:
        kept = set(self.selected_ids())
        selection_model = self.table.selectionModel()
        with QSignalBlocker(selection_model):
            self.model.set_rows(headers, rows)
            selection = QItemSelection()
            for row, conflict in enumerate(rows):
                if conflict.session_id in kept:
                    index = self.model.index(row, 0)
                    selection.select(index, index)
            selection_model.select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.selection_changed.emit(self.selected_ids())

    def show_count(self, text: str, tone: Tone) -> None:
        self.count_label.setText(text)
        self.count_label.setStyleSheet(f"color: {TONE_TEXT[tone].name()}; font-weight: 600;")

    def show_badge(self, count: int) -> None:
        self.badge_changed.emit(count)

    def set_actions(self, *, reallocate: bool, reallocate_all: bool, details: bool) -> None:
        self.reallocate_button.setEnabled(reallocate)
        self.reallocate_all_button.setEnabled(reallocate_all)
        self.details_button.setEnabled(details)

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome_label.setText(text)
        self.outcome_label.setStyleSheet(f"color: {TONE_TEXT[tone].name()}; font-weight: 600;")
        self.outcome_label.setVisible(bool(text))
