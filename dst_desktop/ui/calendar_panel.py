"""The region selector and the month calendar, each day painted with its free setups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.calendar import DayLevel, DayMark
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.l10n import from_qdate, to_qdate
from dst_desktop.ui.theme import ACCENT, DAY_COLOURS, PANE_MARGINS

#: Seven columns of days and six weeks, with the figure of each day beside its number.
CALENDAR_MIN_SIZE = QSize(280, 180)


class AvailabilityCalendar(QCalendarWidget):
    """A month whose days show how many setups can still be booked, in colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setMinimumSize(CALENDAR_MIN_SIZE)
        self._marks: dict[dt.date, DayMark] = {}
        #: Where each day was last painted, for its tooltip.
        self._painted: dict[dt.date, QRect] = {}
        self.today = dt.date.today()
        self._grid = self.findChild(QTableView, "qt_calendar_calendarview")
        if self._grid is not None:
            self._grid.setTabKeyNavigation(False)
            self._grid.viewport().installEventFilter(self)
            self._grid.setMouseTracking(True)

    def grid(self) -> QTableView | None:
        """The table of days inside the calendar (the widget that has the focus)."""
        return self._grid

    def set_marks(self, marks: Sequence[DayMark]) -> None:
        self._marks = {mark.date: mark for mark in marks}
        self._painted.clear()
        self.updateCells()

    def badge(self, day: dt.date) -> str:
        """The figure shown on ``day`` ("" when none is)."""
        mark = self._marks.get(day)
        return mark.badge if mark else ""

    def level(self, day: dt.date) -> DayLevel | None:
        mark = self._marks.get(day)
        return mark.level if mark else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._painted.clear()
        super().resizeEvent(event)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = from_qdate(date)
        self._painted[day] = QRect(rect)
        mark = self._marks.get(day)
        in_month = date.month() == self.monthShown() and date.year() == self.yearShown()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = rect.adjusted(2, 2, -2, -2)
        if mark is not None and in_month:
            background, foreground = DAY_COLOURS[mark.level]
        else:
            background, foreground = QColor("#ffffff"), QColor("#c0c7d0")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(background))
        painter.drawRoundedRect(cell, 5, 5)
        if date == self.selectedDate():
            painter.setPen(QPen(ACCENT, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), 5, 5)
        font = QFont(painter.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        # A tall cell shows its figure under the day, a low one (a small screen) beside it,
        # smaller, so that "14" and "3" never read as one number.
        stacked = cell.height() >= 2 * painter.fontMetrics().height() + 2
        vertical = Qt.AlignmentFlag.AlignTop if stacked else Qt.AlignmentFlag.AlignVCenter
        painter.setPen(foreground)
        painter.drawText(
            cell.adjusted(5, 2 if stacked else 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | vertical,
            str(date.day()),
        )
        if mark is not None and in_month and mark.badge:
            small = QFont(font)
            small.setBold(True)
            if stacked:
                small.setPointSizeF(max(7.0, font.pointSizeF() * 1.05))
            else:
                small.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
            painter.setFont(small)
            painter.drawText(
                cell.adjusted(4, 0, -5, -2 if stacked else 0),
                Qt.AlignmentFlag.AlignRight
                | (Qt.AlignmentFlag.AlignBottom if stacked else Qt.AlignmentFlag.AlignVCenter),
                mark.badge,
            )
        painter.restore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self._date_at(event.pos())
            mark = self._marks.get(day) if day is not None else None
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tooltip, self)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def _date_at(self, position: QPoint) -> dt.date | None:
        """The day painted under ``position`` (in the grid's viewport)."""
        return next((day for day, rect in self._painted.items() if rect.contains(position)), None)


class CalendarPanel(QGroupBox):
    """Region and day (the presenters' CalendarView)."""

    region_chosen = Signal(object)
    day_selected = Signal(object)
    page_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where and when"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PANE_MARGINS)
        layout.setSpacing(6)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.region_combo = QComboBox()
        self.region_combo.setObjectName("regionCombo")
        describe(
            self.region_combo,
            self.tr("Region"),
            self.tr("The region of the booking: the calendar shows its free setups."),
        )
        self.region_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.region_combo.setMinimumContentsLength(10)
        form.addRow(self.tr("&Region:"), self.region_combo)
        layout.addLayout(form)
        self.calendar = AvailabilityCalendar()
        self.calendar.setAccessibleName(self.tr("Day"))
        described = self.tr(
            "Each day shows how many setups are still free: green several, amber one, "
            "red none, grey a past day. The arrow keys move the day, Page Up and Page Down "
            "the month."
        )
        for widget in (self.calendar, self.calendar.grid()):
            if widget is not None:
                widget.setAccessibleName(self.tr("Day"))
                widget.setAccessibleDescription(described)
        layout.addWidget(self.calendar, 1)
        layout.addLayout(self._legend())
        self.region_combo.currentIndexChanged.connect(self._region_index_changed)
        self.calendar.selectionChanged.connect(self._selection_changed)
        self.calendar.currentPageChanged.connect(self.page_changed)

    def _legend(self) -> QGridLayout:
        """Two colours a row: the pane stays narrow in every language."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        entries = (
            (DayLevel.SEVERAL, self.tr("2 or more setups free")),
            (DayLevel.ONE, self.tr("1 setup free")),
            (DayLevel.NONE, self.tr("full")),
            (DayLevel.PAST, self.tr("past")),
        )
        for index, (level, text) in enumerate(entries):
            background, foreground = DAY_COLOURS[level]
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(
                f"background: {background.name()}; border: 1px solid {foreground.name()};"
                "border-radius: 3px;"
            )
            label = QLabel(text)
            label.setObjectName("hintLabel")
            row, column = divmod(index, 2)
            grid.addWidget(swatch, row, 3 * column)
            grid.addWidget(label, row, 3 * column + 1)
        grid.setColumnMinimumWidth(2, 8)
        grid.setColumnStretch(5, 1)
        return grid

    # -- CalendarView --------------------------------------------------------------------

    def show_regions(self, regions: Sequence[Choice], selected_id: str | None) -> None:
        with QSignalBlocker(self.region_combo):
            self.region_combo.clear()
            for region in regions:
                self.region_combo.addItem(region.text, region.id)
            index = self.region_combo.findData(selected_id)
            self.region_combo.setCurrentIndex(index)
        self.region_combo.setEnabled(bool(regions))

    def show_month(self, marks: Sequence[DayMark]) -> None:
        self.calendar.set_marks(marks)

    def show_selected_date(self, day: dt.date) -> None:
        with QSignalBlocker(self.calendar):
            self.calendar.setSelectedDate(to_qdate(day))
        self.calendar.updateCells()

    # -- what the user does --------------------------------------------------------------

    def _region_index_changed(self, index: int) -> None:
        self.region_chosen.emit(self.region_combo.itemData(index) if index >= 0 else None)

    def _selection_changed(self) -> None:
        self.day_selected.emit(from_qdate(self.calendar.selectedDate()))
