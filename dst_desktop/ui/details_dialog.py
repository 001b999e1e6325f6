"""The booking details dialog: status, resources, timestamps, history and next actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.domain.names import visible_text
from dst_desktop.presenters.booking_details import (
    ActionChoice,
    AuditLine,
    BookingDetailsPresenter,
    DetailAction,
    DetailField,
)
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.icons import icon
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT

#: The keys of the dialog's actions (shown in their tooltips).
_ACTION_KEYS = {
    DetailAction.CONFIRM: "Ctrl+Return",
    DetailAction.EDIT: "Ctrl+E",
    DetailAction.CANCEL_BOOKING: "Del",
    DetailAction.SCHEDULE: "Ctrl+Shift+S",
    DetailAction.START: "Ctrl+Shift+T",
    DetailAction.COMPLETE: "Ctrl+Shift+C",
    DetailAction.RESCHEDULE: "Ctrl+Shift+M",
    DetailAction.CANCEL_MISSION: "Del",
}
_ACTION_ICONS = {
    DetailAction.CONFIRM: "confirm",
    DetailAction.CANCEL_BOOKING: "cancel",
    DetailAction.CANCEL_MISSION: "cancel",
    DetailAction.EDIT: "edit",
    DetailAction.RESCHEDULE: "reschedule",
}


class BookingDetailsDialog(QDialog):
    """The presenters' BookingDetailsView."""

    action_requested = Signal(object)
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDetailsDialog")
        self.setWindowTitle(self.tr("Booking details"))
        self.setWindowIcon(icon("details"))
        self.resize(780, 680)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("dialogTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.title_label, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcomeLabel")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_label.setVisible(False)
        layout.addWidget(self.outcome_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        booking_box = QGroupBox(self.tr("Booking"))
        self.fields_layout = QFormLayout(booking_box)
        self.fields_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields_layout.setHorizontalSpacing(16)
        self.fields_layout.setVerticalSpacing(6)
        splitter.addWidget(booking_box)
        history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history_box)
        self.audit_tree = QTreeWidget()
        self.audit_tree.setObjectName("auditTrail")
        self.audit_tree.setRootIsDecorated(False)
        self.audit_tree.setAlternatingRowColors(True)
        self.audit_tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.audit_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.audit_tree.header().setStretchLastSection(True)
        describe(
            self.audit_tree,
            self.tr("History"),
            self.tr("Every step of the booking: when, who, what, with the details."),
        )
        history_layout.addWidget(self.audit_tree)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(6)
        buttons.addLayout(self.actions_row)
        buttons.addStretch(1)
        self.print_button = QPushButton(icon("print"), self.tr("Print summary…"))
        self.print_button.setObjectName("detailsPrintSummaryButton")
        self.print_button.setEnabled(False)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_tooltip = fill(
            self.tr("Preview, print or save as PDF the summary of this booking (%1)"),
            self.print_button.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
        )
        self.print_button.setToolTip(self.print_tooltip)
        buttons.addWidget(self.print_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Close this window (Esc)"))
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.action_buttons: dict[DetailAction, QPushButton] = {}
        self.presenter: BookingDetailsPresenter | None = None

        self.print_button.clicked.connect(self.print_requested)
        self.close_button.clicked.connect(self.accept)

    def set_print_tooltip(self, text: str) -> None:
        self.print_button.setToolTip(text or self.print_tooltip)

    def field_value(self, label: str) -> str:
        """The value shown next to ``label`` ("" when there is no such field)."""
        for row in range(self.fields_layout.rowCount()):
            label_item = self.fields_layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = self.fields_layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label_widget, field_widget = label_item.widget(), field_item.widget()
            if (
                isinstance(label_widget, QLabel)
                and isinstance(field_widget, QLabel)
                and label_widget.text() == label
            ):
                return field_widget.text()
        return ""

    # -- BookingDetailsView --------------------------------------------------------------

    def show_title(self, text: str) -> None:
        self.title_label.setText(text)

    def show_status(self, text: str, tone: Tone) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(
            f"background: {TONE_BACKGROUND[tone].name()}; color: {TONE_TEXT[tone].name()};"
            f"border: 1px solid {TONE_TEXT[tone].name()}; border-radius: 10px;"
            "padding: 3px 12px; font-weight: 600;"
        )

    def show_fields(self, fields: Sequence[DetailField]) -> None:
        while self.fields_layout.rowCount():
            self.fields_layout.removeRow(0)
        for detail in fields:
            label = QLabel(detail.label)
            label.setStyleSheet("color: #616e7c;")
            value = QLabel(visible_text(detail.value))
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_layout.addRow(label, value)

    def show_audit(self, lines: Sequence[AuditLine]) -> None:
        self.audit_tree.clear()
        for line in lines:
            QTreeWidgetItem(self.audit_tree, [line.when, line.who, line.what, line.details])

    def show_actions(self, actions: Sequence[ActionChoice]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self.action_buttons = {}
        for choice in actions:
            button = QPushButton(icon(_ACTION_ICONS.get(choice.action, "")), choice.label)
            button.setObjectName(f"{choice.action.value}ActionButton")
            if choice.destructive:
                button.setProperty("destructive", True)
            elif choice.action is DetailAction.CONFIRM:
                button.setProperty("primary", True)
            shortcut = QKeySequence(_ACTION_KEYS[choice.action])
            button.setShortcut(shortcut)
            shortcut_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(fill(self.tr("%1 (%2)"), choice.label, shortcut_text))
            if choice.unavailable:
                button.setEnabled(False)
                button.setToolTip(choice.unavailable)
            button.clicked.connect(
                lambda _=False, action=choice.action: self.action_requested.emit(action)
            )
            self.actions_row.addWidget(button)
            self.action_buttons[choice.action] = button

    def set_print_available(self, available: bool) -> None:
        self.print_button.setEnabled(available)

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome_label.setText(text)
        self.outcome_label.setStyleSheet(f"color: {TONE_TEXT[tone].name()}; font-weight: 600;")
        self.outcome_label.setVisible(bool(text))
