"""Offline event mode's widgets: the event database banner, the snapshot options dialog and
the report of an event bookings import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.dialogs import SnapshotOptions
from dst_desktop.presenters.event_mode import EventBanner
from dst_desktop.presenters.event_report import EventImportReport, ReportSection
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.banner import BannerFrame
from dst_desktop.ui.icons import icon
from dst_desktop.ui.plain_text import literal_text, plain_label
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT

#: The banner's calm colours: the window's accent, never an error's red.
BANNER_BACKGROUND = "#e8f0fa"
BANNER_BORDER = "#9fb8d9"
BANNER_TEXT = "#1f3a5f"
#: How many rows a report table shows before it scrolls.
REPORT_ROWS_SHOWN = 8
#: The report's counts, in a grid of this many columns (French labels are long).
COUNTS_PER_ROW = 3


class EventBannerWidget(BannerFrame):
    """ "This is an event database for …": across the top of the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("eventBanner", parent)
        self.setAccessibleName(self.tr("Event database"))
        self.stale_label = QLabel()
        self.stale_label.setObjectName("eventBannerWarning")
        self.stale_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stale_label.setWordWrap(True)
        self.texts.addWidget(self.stale_label)
        self.stale = False

    def show_banner(self, banner: EventBanner | None) -> None:
        if banner is None:
            self.setVisible(False)
            return
        self.stale = banner.stale
        self.title_label.setText(banner.title)
        self.text_label.setText("\n".join(banner.lines))
        self.stale_label.setText(banner.warning)
        self.stale_label.setVisible(banner.stale)
        if banner.stale:
            background = TONE_BACKGROUND[Tone.ATTENTION].name()
            border = text = TONE_TEXT[Tone.ATTENTION].name()
        else:
            background, border, text = BANNER_BACKGROUND, BANNER_BORDER, BANNER_TEXT
        self.set_colours(
            background, border, text, " QLabel#eventBannerWarning { font-weight: 600; }"
        )
        self.setVisible(True)


class SnapshotOptionsDialog(QDialog):
    """The event a snapshot is for, and how many months of the office's bookings it holds."""

    def __init__(self, suggested: SnapshotOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotOptionsDialog")
        self.setWindowTitle(self.tr("Export snapshot"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The snapshot carries the reference data, the clients and the office's "
                "allocations to the event laptop, so that it shows realistic availability "
                "without a network."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(suggested.event_name)
        self.name_edit.setObjectName("eventNameEdit")
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(self.tr("For example: Salon Milipol 2025"))
        form.addRow(self.tr("&Event:"), self.name_edit)
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("monthsSpin")
        self.months_spin.setRange(1, 36)
        self.months_spin.setValue(suggested.months)
        self.months_spin.setToolTip(
            self.tr("The office's allocations of this many months from today travel along.")
        )
        self.months_spin.setMinimumWidth(90)
        self.months_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("&Months ahead:"), self.months_spin)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Choose the file…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("snapshotOkButton")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._name_changed)
        self._name_changed(self.name_edit.text())

    def _name_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))
        self.ok_button.setToolTip("" if text.strip() else self.tr("Name the event first."))

    def options(self) -> SnapshotOptions:
        return SnapshotOptions(self.name_edit.text().strip(), self.months_spin.value())


class EventImportReportDialog(QDialog):
    """What an import of event bookings did: counts, then one table per outcome."""

    def __init__(self, report: EventImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventImportReportDialog")
        self.setWindowTitle(report.title)
        self.setWindowIcon(icon("import"))
        self.resize(820, 640)
        self.report = report
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        summary = QLabel(report.summary)
        summary.setObjectName("reportSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        tone = report.tone
        summary.setStyleSheet(
            f"background: {TONE_BACKGROUND[tone].name()}; color: {TONE_TEXT[tone].name()};"
            f" border: 1px solid {TONE_TEXT[tone].name()}; border-radius: 6px;"
            " padding: 8px 10px; font-weight: 600;"
        )
        layout.addWidget(summary)
        self.summary_label = summary

        counts = QGridLayout()
        counts.setHorizontalSpacing(6)
        counts.setVerticalSpacing(4)
        self.count_labels: list[QLabel] = []
        for index, (text, count) in enumerate(report.counts):
            label = plain_label(fill(self.tr("%1: %2"), text, count))
            label.setObjectName("reportCount")
            colour = "#1f2933" if count else "#9aa5b1"
            label.setStyleSheet(
                f"color: {colour}; background: #ffffff; border: 1px solid #d9dee5;"
                " border-radius: 10px; padding: 2px 10px;"
            )
            counts.addWidget(label, index // COUNTS_PER_ROW, index % COUNTS_PER_ROW)
            self.count_labels.append(label)
        counts.setColumnStretch(COUNTS_PER_ROW, 1)
        layout.addLayout(counts)

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("reportBody")
        self.sections_layout = QVBoxLayout(body)
        self.sections_layout.setContentsMargins(0, 0, 6, 0)
        self.sections_layout.setSpacing(14)
        self.tables: dict[str, QTableWidget] = {}
        for section in report.sections:
            self._add_section(section)
        self.sections_layout.addStretch(1)
        area.setWidget(body)
        layout.addWidget(area, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy the report"))
        self.copy_button.setObjectName("copyReportButton")
        self.copy_button.setToolTip(self.tr("Copy the whole report as text, to paste in a mail."))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setDefault(True)
        layout.addWidget(buttons)

    def _add_section(self, section: ReportSection) -> None:
        title = QLabel(section.title)
        title.setObjectName(f"{section.kind.value}Title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet(
            f"color: {TONE_TEXT[section.tone].name()}; font-weight: 600; font-size: 11pt;"
        )
        note = QLabel(section.note)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setStyleSheet("color: #3e4c59;")
        table = QTableWidget(len(section.rows), len(section.headers))
        table.setObjectName(f"{section.kind.value}Table")
        table.setHorizontalHeaderLabels(list(section.headers))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(24)
        for row, cells in enumerate(section.rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(literal_text(text))
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        shown = min(len(section.rows), REPORT_ROWS_SHOWN)
        height = header.sizeHint().height() + shown * 24 + 2 * table.frameWidth() + 2
        table.setFixedHeight(height)
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(title)
        box.addWidget(note)
        box.addWidget(table)
        if section.not_listed:
            more = QLabel(
                fill(
                    self.tr("… and %1 more, not listed here: see the bookings lists."),
                    section.not_listed,
                )
            )
            more.setStyleSheet("color: #616e7c;")
            box.addWidget(more)
        self.sections_layout.addLayout(box)
        self.tables[section.kind.value] = table

    def copy_report(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.report.text())

    def rows(self, kind: str) -> list[list[str]]:
        """The cells of one section's table (``no_availability``, ``rejected``…)."""
        table = self.tables.get(kind)
        if table is None:
            return []
        return [
            [
                (item.text() if (item := table.item(row, column)) is not None else "")
                for column in range(table.columnCount())
            ]
            for row in range(table.rowCount())
        ]
