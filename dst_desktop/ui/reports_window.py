"""The Reports window: period and grouping above, the chart (a heat map of rows × weeks and
a bar per row, painted with QPainter) beside the figures' table; print and export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QRect,
    QSignalBlocker,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.domain.names import name_key, visible_text
from dst_desktop.domain.utilisation import Grouping
from dst_desktop.presenters.reports_window import (
    Chart,
    Period,
    ReportsPresenter,
    ReportTableRow,
)
from dst_desktop.reports.utilisation import HEAT_SCALE, NO_CAPACITY, OVER_CAPACITY, heat_colour
from dst_desktop.ui import printing
from dst_desktop.ui.cell_table import AnyIndex, CellTableModel, show_as_listing
from dst_desktop.ui.date_field import DateField
from dst_desktop.ui.icons import icon
from dst_desktop.ui.plain_text import literal_text
from dst_desktop.ui.table_export import EXPORT_VALUE_ROLE, adopt_table_export

SORT_ROLE = Qt.ItemDataRole.UserRole + 41
_BRAND = QColor("#1f3a5f")
_INK = QColor("#1d2733")
_MUTED = QColor("#5b6675")
_TRACK = QColor("#e9eef4")


class ReportTableModel(CellTableModel):
    """The figures: text as shown, typed values for spreadsheets and sorting."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row: ReportTableRow | None = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        value = row.values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return visible_text(row.cells[column])
        if role == EXPORT_VALUE_ROLE:
            return value
        if role == SORT_ROLE:
            if value is None:
                return name_key(row.cells[column])
            return float(value) if isinstance(value, int | float) else name_key(str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and value is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_text(row.cells[column])
        return None


class _Sorter(QSortFilterProxyModel):
    """Numbers sort as numbers, names as a person reads them, "—" (no capacity) first."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(type(a)) < str(type(b))
        return bool(a < b)


class UtilisationChart(QWidget):
    """A heat map (rows × weeks) and, below it, a bar per row; painted, no chart library."""

    ROW = 22
    GAP = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("utilisationChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chart: Chart | None = None
        self.legend_texts = (
            self.tr("Utilisation:"),
            self.tr("over capacity"),
            self.tr("no capacity"),
        )
        self.bars_title = self.tr("Over the whole period")
        self.empty_text = self.tr("Nothing to show for this period.")

    def show_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.updateGeometry()
        self.setMinimumHeight(self._height())
        self.update()

    # -- geometry ------------------------------------------------------------------------

    def _name_width(self) -> int:
        if self.chart is None or not self.chart.rows:
            return 0
        metrics = QFontMetrics(self.font())
        return min(220, max(metrics.horizontalAdvance(row.name) for row in self.chart.rows) + 14)

    def _cell_width(self) -> int:
        if self.chart is None or not self.chart.week_labels:
            return 0
        room = self.width() - self._name_width() - 16
        return max(6, min(40, room // len(self.chart.week_labels)))

    def _layout(self) -> tuple[int, int, int, int]:
        """Tops of the week labels, the heat map, the legend and the bars."""
        metrics = QFontMetrics(self.font())
        title = 8 + metrics.height() + 8
        labels = title
        heat = labels + metrics.height() + 4
        rows = len(self.chart.rows) if self.chart else 0
        legend = heat + rows * (self.ROW + self.GAP) + 8
        legend_bottom = max(place[0].bottom() for place in self.legend_places(legend)) + 1
        bars = legend_bottom + 20 + metrics.height() + 8
        return labels, heat, legend, bars

    def legend_places(self, top: int) -> list[tuple[QRect, QPoint, str]]:
        """Where the legend's swatches (and its texts' baselines) go, from ``top``: the
        scale, then "over capacity" and "no capacity", on a second line when the chart is
        too narrow for one."""
        metrics = QFontMetrics(self.font())
        line = metrics.height() + 4
        places: list[tuple[QRect, QPoint, str]] = []
        caption = self.legend_texts[0]
        places.append((QRect(), QPoint(4, top + metrics.ascent()), caption))
        x = max(self._name_width(), 8 + metrics.horizontalAdvance(caption) + 8)
        for number, _colour in enumerate(HEAT_SCALE):
            places.append((QRect(x + 16 * number, top, 16, metrics.height()), QPoint(), ""))
        x += 16 * len(HEAT_SCALE)
        scale = "0–100\u202f%"
        places.append((QRect(), QPoint(x + 6, top + metrics.ascent()), scale))
        x += 6 + metrics.horizontalAdvance(scale) + 18
        rest = [self.legend_texts[1], self.legend_texts[2]]
        needed = sum(22 + metrics.horizontalAdvance(text) + 18 for text in rest) - 18
        if x + needed > self.width() - 4:
            x, top = 4, top + line
        for text in rest:
            places.append(
                (QRect(x, top, 16, metrics.height()), QPoint(x + 22, top + metrics.ascent()), text)
            )
            x += 22 + metrics.horizontalAdvance(text) + 18
        return places

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.chart is not None and self.minimumHeight() != self._height():
            self.setMinimumHeight(self._height())  # the legend took a second line, or gave it

    def _height(self) -> int:
        if self.chart is None or not self.chart.rows:
            return 120
        _, _, _, bars = self._layout()
        return bars + len(self.chart.rows) * (self.ROW + self.GAP) + 12

    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self._height())

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        """The (row, week) of the heat map under ``point``, if any."""
        if self.chart is None or not self.chart.rows:
            return None
        _, heat, _, _ = self._layout()
        left, width = self._name_width(), self._cell_width()
        if width <= 0 or point.x() < left or point.y() < heat:
            return None
        week = (point.x() - left) // width
        row = (point.y() - heat) // (self.ROW + self.GAP)
        if 0 <= row < len(self.chart.rows) and 0 <= week < len(self.chart.week_labels):
            return row, week
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.cell_at(event.pos())
            if found is not None and self.chart is not None:
                row, week = found
                QToolTip.showText(event.globalPos(), self.chart.rows[row].tips[week], self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = QFontMetrics(self.font())
        chart = self.chart
        if chart is None or not chart.rows:
            painter.setPen(_MUTED)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            painter.end()
            return
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(_BRAND)
        painter.drawText(QPoint(8, 8 + metrics.ascent()), chart.title)
        painter.setFont(self.font())
        labels_top, heat_top, legend_top, bars_top = self._layout()
        left, cell = self._name_width(), self._cell_width()
        # Week numbers: every one when they fit, else every second or fourth.
        step = 1
        while step < 8 and metrics.horizontalAdvance("00") + 4 > cell * step:
            step *= 2
        painter.setPen(_MUTED)
        for week, label in enumerate(chart.week_labels):
            if week % step == 0:
                painter.drawText(
                    QRect(left + week * cell, labels_top, cell * step, metrics.height()),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                    label,
                )
        for number, row in enumerate(chart.rows):
            top = heat_top + number * (self.ROW + self.GAP)
            painter.setPen(_INK)
            name = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, left - 10)
            painter.drawText(
                QRect(4, top, left - 10, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            for week, value in enumerate(row.weeks):
                painter.fillRect(
                    QRect(left + week * cell, top, max(1, cell - 1), self.ROW),
                    QColor(heat_colour(value)),
                )
        # Legend: the scale, over capacity, no capacity.
        painter.setPen(_MUTED)
        colours = iter((*HEAT_SCALE, OVER_CAPACITY, NO_CAPACITY))
        for swatch, baseline, text in self.legend_places(legend_top):
            if not swatch.isNull():
                painter.fillRect(swatch, QColor(next(colours)))
            if text:
                painter.drawText(baseline, text)
        # Bars: the whole period, one per row.
        painter.setFont(bold)
        painter.setPen(_BRAND)
        painter.drawText(QPoint(8, bars_top - 8 - metrics.descent()), self.bars_title)
        painter.setFont(self.font())
        percent_width = metrics.horizontalAdvance("100,0\u202f%") + 12
        track = max(40, self.width() - left - percent_width - 16)
        for number, row in enumerate(chart.rows):
            top = bars_top + number * (self.ROW + self.GAP)
            painter.setPen(_INK)
            name = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, left - 10)
            painter.drawText(
                QRect(4, top, left - 10, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            bar = QRect(left, top + 4, track, self.ROW - 8)
            painter.fillRect(bar, _TRACK)
            share = row.total or 0.0
            filled = QRect(bar.left(), bar.top(), round(track * min(share, 1.0)), bar.height())
            painter.fillRect(filled, QColor(OVER_CAPACITY) if share > 1 else _BRAND)
            painter.setPen(QPen(_INK))
            painter.drawText(
                QRect(bar.right() + 8, top, percent_width, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                chart.percent(row.total),
            )
        painter.end()


class ReportsWindow(QDialog):
    """The presenters' ReportsView, in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsWindow")
        self.setWindowTitle(self.tr("Reports — utilisation"))
        self.setWindowIcon(icon("browse"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint, True)
        self.presenter: ReportsPresenter | None = None
        self.resize(1280, 760)

        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("reportPeriodCombo")
        for text, period in (
            (self.tr("Last quarter"), Period.LAST_QUARTER),
            (self.tr("This quarter"), Period.THIS_QUARTER),
            (self.tr("Last month"), Period.LAST_MONTH),
            (self.tr("This year"), Period.THIS_YEAR),
            (self.tr("Last 12 months"), Period.LAST_12_MONTHS),
            (self.tr("Chosen dates"), Period.CUSTOM),
        ):
            self.period_combo.addItem(text, period.value)
        # Typed as the user writes dates (a date edited section by section turns a
        # mistyped day into another one unseen), or picked in a calendar.
        self.from_edit = DateField()
        self.from_edit.setObjectName("reportFromEdit")
        self.to_edit = DateField()
        self.to_edit.setObjectName("reportToEdit")
        self.by_combo = QComboBox()
        self.by_combo.setObjectName("reportGroupingCombo")
        for text, by in (
            (self.tr("by region"), Grouping.REGION),
            (self.tr("by setup"), Grouping.SETUP),
            (self.tr("by operator"), Grouping.OPERATOR),
        ):
            self.by_combo.addItem(text, by.value)
        self.print_button = QPushButton(icon("print"), self.tr("Print…"))
        self.print_button.setObjectName("reportPrintButton")
        self.print_button.setToolTip(self.tr("Preview, print or save the report as a PDF"))
        self.export_button = QPushButton(icon("export"), self.tr("Export…"))
        self.export_button.setObjectName("reportExportButton")
        self.export_button.setToolTip(self.tr("Save the figures as an Excel workbook or CSV"))
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_combo)
        controls.addWidget(period_label)
        controls.addWidget(self.period_combo)
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.to_edit)
        controls.addSpacing(12)
        controls.addWidget(self.by_combo)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        controls.addWidget(self.print_button)
        layout.addLayout(controls)

        self.summary_label = QLabel()
        self._summary = ""  # the summary the presenter gave, before any "saved to"
        self.summary_label.setObjectName("reportSummaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("reportProblemLabel")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: #8a1c0b; font-weight: 600;")
        self.problem_label.setVisible(False)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problem_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("reportSplitter")
        splitter.setChildrenCollapsible(False)
        self.chart = UtilisationChart()
        scroll = QScrollArea()
        scroll.setObjectName("reportChartScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.chart)
        scroll.setMinimumWidth(380)
        splitter.addWidget(scroll)
        self.model = ReportTableModel(self)
        self.sorter = _Sorter(self)
        self.sorter.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setModel(self.sorter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        show_as_listing(self.table)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([620, 720])
        layout.addWidget(splitter, 1)
        self.table_export = adopt_table_export(
            self.table,
            lambda: self.presenter.title() if self.presenter else self.windowTitle(),
            "utilisation",
            self.tr("Utilisation"),  # the period is in the file's name
        )

        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.from_edit.date_changed.connect(self._dates_changed)
        self.to_edit.date_changed.connect(self._dates_changed)
        self.by_combo.currentIndexChanged.connect(self._grouping_chosen)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.table_export.export_with_dialog)
        self.table_export.exported.connect(self._exported)

    # -- user actions --------------------------------------------------------------------

    def _period_chosen(self, _index: int) -> None:
        if self.presenter is not None:
            self.presenter.period_chosen(Period(self.period_combo.currentData()))

    def _dates_changed(self, _day: object = None) -> None:
        if self.presenter is None:
            return
        custom = self.period_combo.findData(Period.CUSTOM.value)
        with QSignalBlocker(self.period_combo):
            self.period_combo.setCurrentIndex(custom)
        self.presenter.dates_changed(self.from_edit.date(), self.to_edit.date())

    def _grouping_chosen(self, _index: int) -> None:
        if self.presenter is not None:
            self.presenter.grouping_chosen(Grouping(self.by_combo.currentData()))

    def print_report(self) -> None:
        if self.presenter is None:
            return
        document = self.presenter.document()
        if document is not None:
            printing.preview(self, document)

    # -- ReportsView -----------------------------------------------------------------------

    def show_period(self, first: dt.date, last: dt.date) -> None:
        with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            self.from_edit.set_date(first)
            self.to_edit.set_date(last)

    def show_chart(self, chart: Chart) -> None:
        self.chart.show_chart(chart)

    def show_table(self, headers: tuple[str, ...], rows: tuple[ReportTableRow, ...]) -> None:
        self.model.set_rows(headers, rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.resizeSection(column, min(header.sectionSize(column) + 4, 220))

    def show_summary(self, text: str) -> None:
        self._summary = text
        self.summary_label.setText(text)

    def _exported(self, saved: str) -> None:
        """Say where the export went, after the figures' summary."""
        self.summary_label.setText(f"{self._summary}  {saved}".strip())

    def show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self.print_button.setEnabled(not text)
        self.export_button.setEnabled(not text)
        if text:
            self.model.set_rows((), ())
            self.summary_label.setText("")
            self.chart.show_chart(Chart("", (), (), lambda _value: ""))
