"""The Audit log window: filters above, the entries below (newest first), copy and export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.audit_log import AuditCriteria, AuditLogPresenter, AuditRow
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.ui.cell_table import AnyIndex, CellTableModel, show_as_listing
from dst_desktop.ui.date_field import DateField
from dst_desktop.ui.icons import icon
from dst_desktop.ui.plain_text import literal_text
from dst_desktop.ui.table_export import EXPORT_VALUE_ROLE, adopt_table_export

#: Typing in a filter lists again once the typing pauses this long.
_TYPING_PAUSE_MS = 300


class AuditTableModel(CellTableModel):
    """The entries as the presenter words them; the moment typed for spreadsheets."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row: AuditRow | None = self.row_at(index)
        if row is None:
            return None
        cells = row.cells
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_text(cells[index.column()])
        if role == EXPORT_VALUE_ROLE and index.column() == 0:
            return row.moment
        return None


class AuditLogWindow(QDialog):
    """The presenters' AuditLogView, in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogWindow")
        self.setWindowTitle(self.tr("Audit log"))
        self.setWindowIcon(icon("details"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.presenter: AuditLogPresenter | None = None
        self.resize(1180, 680)

        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.session_edit = QLineEdit()
        self.session_edit.setObjectName("auditSessionEdit")
        self.session_edit.setPlaceholderText(self.tr("Session reference"))
        self.session_edit.setClearButtonEnabled(True)
        self.session_edit.setMinimumWidth(230)
        self.actor_edit = QLineEdit()
        self.actor_edit.setObjectName("auditActorEdit")
        self.actor_edit.setPlaceholderText(self.tr("Who (login)"))
        self.actor_edit.setClearButtonEnabled(True)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditActionCombo")
        # Typed as the user writes dates (a date edited section by section turns a
        # mistyped day into another one unseen), or picked in a calendar.
        self.from_edit = DateField()
        self.from_edit.setObjectName("auditFromEdit")
        self.to_edit = DateField()
        self.to_edit.setObjectName("auditToEdit")
        self.export_button = QPushButton(icon("export"), self.tr("Export…"))
        self.export_button.setObjectName("auditExportButton")
        self.export_button.setToolTip(self.tr("Save the entries shown as an Excel workbook or CSV"))
        session_label = QLabel(self.tr("&Session:"))
        session_label.setBuddy(self.session_edit)
        actor_label = QLabel(self.tr("&Who:"))
        actor_label.setBuddy(self.actor_edit)
        action_label = QLabel(self.tr("&What:"))
        action_label.setBuddy(self.action_combo)
        period_label = QLabel(self.tr("&From:"))
        period_label.setBuddy(self.from_edit)
        shown: tuple[QWidget, ...] = (
            session_label,
            self.session_edit,
            actor_label,
            self.actor_edit,
            action_label,
            self.action_combo,
            period_label,
            self.from_edit,
            QLabel(self.tr("to")),
            self.to_edit,
        )
        for widget in shown:
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.summary_label = QLabel()
        self._summary = ""  # the summary the presenter gave, before any "saved to"
        self.summary_label.setObjectName("auditSummaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setModel(self.model)
        show_as_listing(self.table)
        layout.addWidget(self.table, 1)
        self.table_export = adopt_table_export(self.table, self.tr("Audit log"), "audit-log")

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_filters)
        self.session_edit.textChanged.connect(lambda _text: self._typing.start())
        self.actor_edit.textChanged.connect(lambda _text: self._typing.start())
        self.session_edit.returnPressed.connect(self.apply_filters)
        self.actor_edit.returnPressed.connect(self.apply_filters)
        self.action_combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        self.from_edit.date_changed.connect(lambda _date: self.apply_filters())
        self.to_edit.date_changed.connect(lambda _date: self.apply_filters())
        self.export_button.clicked.connect(self.table_export.export_with_dialog)
        self.table_export.exported.connect(self._exported)

    def criteria(self) -> AuditCriteria:
        return AuditCriteria(
            session_id=self.session_edit.text(),
            actor=self.actor_edit.text(),
            action=str(self.action_combo.currentData() or ""),
            first=self.from_edit.date(),
            last=self.to_edit.date(),
        )

    def apply_filters(self) -> None:
        self._typing.stop()
        if self.presenter is not None:
            self.presenter.apply(self.criteria())

    # -- AuditLogView ----------------------------------------------------------------------

    def show_period(self, first: dt.date, last: dt.date) -> None:
        with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            self.from_edit.set_date(first)
            self.to_edit.set_date(last)

    def show_actions(self, choices: Sequence[Choice]) -> None:
        with QSignalBlocker(self.action_combo):
            self.action_combo.clear()
            for choice in choices:
                self.action_combo.addItem(choice.text, choice.id)

    def show_entries(self, headers: Sequence[str], rows: Sequence[AuditRow]) -> None:
        self.model.set_rows(headers, rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(headers) - 1):
            header.resizeSection(column, min(header.sectionSize(column) + 8, 260))
        self.export_button.setEnabled(bool(rows))

    def _exported(self, saved: str) -> None:
        """Say where the export went, after the entries' summary."""
        self.summary_label.setText(f"{self._summary}  {saved}".strip())

    def show_summary(self, text: str, problem: bool) -> None:
        self._summary = text
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet("color: #8a1c0b; font-weight: 600;" if problem else "")
