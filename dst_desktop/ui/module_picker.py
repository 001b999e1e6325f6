"""The module catalogue, one checkable row per module, and the capacity the ticks allow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTreeView, QVBoxLayout, QWidget

from dst_desktop.domain.names import visible_text
from dst_desktop.presenters.module_picker import ModuleRow
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.plain_text import literal_text, plain_label
from dst_desktop.ui.theme import PANE_MARGINS

MODULE_PICKER_MIN_WIDTH = 240

AnyIndex = QModelIndex | QPersistentModelIndex


class ModuleListModel(QAbstractTableModel):
    """Column 0: the module's name, checkable; column 1: its capacity."""

    #: A module was ticked or unticked by the user: (module id, checked).
    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ModuleRow] = []
        self._checked: list[bool] = []
        self._limiting: str | None = None
        self._headers = (self.tr("Module"), self.tr("Capacity"))

    def set_rows(self, rows: Sequence[ModuleRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [row.checked for row in rows]
        self.endResetModel()

    def set_limiting(self, module_id: str | None) -> None:
        self._limiting = module_id
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 1),
                [Qt.ItemDataRole.FontRole],
            )

    def module_id(self, row: int) -> str:
        return self._rows[row].id

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 2:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self.tr("The most participants the module takes")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return visible_text(row.name) if column == 0 else row.capacity_text
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_text(row.name if column == 0 else row.capacity_text)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and row.id == self._limiting:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != 0
            or role != Qt.ItemDataRole.CheckStateRole
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self._checked[index.row()] = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(self._rows[index.row()].id, checked)
        return True


class ModulePicker(QGroupBox):
    """The presenters' ModulePickerView."""

    module_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Modules"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PANE_MARGINS)
        layout.setSpacing(6)
        self.model = ModuleListModel(self)
        self.list = QTreeView()
        self.list.setObjectName("moduleList")
        describe(
            self.list,
            self.tr("Modules"),
            self.tr(
                "The training modules of the session: Space ticks or unticks the module; "
                "the capacity of the session follows."
            ),
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setModel(self.model)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.list, 1)
        self.capacity_label = plain_label()
        self.capacity_label.setObjectName("capacityLabel")
        self.capacity_label.setWordWrap(True)
        layout.addWidget(self.capacity_label)
        self.model.toggled.connect(self.module_toggled)
        self.list.activated.connect(self._toggle_row)

    def minimumSizeHint(self) -> QSize:
        """Module names readable and the Capacity column in view, however small the window."""
        return super().minimumSizeHint().expandedTo(QSize(MODULE_PICKER_MIN_WIDTH, 0))

    def comfortable_width(self) -> int:
        """The pane's width when every module name and capacity is shown in full."""
        header = self.list.header()
        # The limiting module is in bold: room for any name in bold.
        bold = QFont(self.list.font())
        bold.setBold(True)
        extra = max(
            (
                QFontMetrics(bold).horizontalAdvance(name)
                - self.list.fontMetrics().horizontalAdvance(name)
                for name in self.model.names()
            ),
            default=0,
        )
        columns = (
            self.list.sizeHintForColumn(0)
            + extra
            + max(self.list.sizeHintForColumn(1), header.sectionSizeHint(1))
        )
        chrome = self.width() - self.list.viewport().width()
        return max(self.minimumSizeHint().width(), columns + chrome + 4)

    def _toggle_row(self, index: QModelIndex) -> None:
        """Enter or double-click on a row ticks it, as a click on its box does."""
        first = self.model.index(index.row(), 0)
        state = self.model.data(first, Qt.ItemDataRole.CheckStateRole)
        new_state = (
            Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        )
        self.model.setData(first, new_state, Qt.ItemDataRole.CheckStateRole)

    def show_modules(self, rows: Sequence[ModuleRow]) -> None:
        self.model.set_rows(rows)

    def show_capacity(self, text: str, limiting_module_id: str | None) -> None:
        self.capacity_label.setText(text)
        self.model.set_limiting(limiting_module_id)

    def set_checked(self, module_id: str, checked: bool) -> None:
        """Tick or untick a module as the user would (keyboard shortcuts, tests)."""
        for row in range(self.model.rowCount()):
            if self.model.module_id(row) == module_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.model.setData(self.model.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)
