"""Tables of bookings: the pending queue and the bookings browser, with their filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.domain.names import visible_text
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.booking_lists import BookingFilter
from dst_desktop.presenters.booking_rows import BookingRow, BookingTable
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.date_field import DateField
from dst_desktop.ui.elided_label import ElidedLabel
from dst_desktop.ui.icons import icon, icon_on_dark
from dst_desktop.ui.plain_text import literal_text
from dst_desktop.ui.row_table import RowTable
from dst_desktop.ui.table_export import EXPORT_VALUE_ROLE
from dst_desktop.ui.theme import TONE_TEXT

#: How long typing in a search box pauses before the table is filtered, in milliseconds.
SEARCH_PAUSE_MS = 250
#: How many rows the automatic column widths look at.
RESIZE_SAMPLE_ROWS = 200
#: The height of a row of bookings (px).
ROW_HEIGHT = 24
# However small the window, a table shows this many rows.
ROWS_ALWAYS_SHOWN = 3
# A fitted column is at most this wide (px); the wide column may grow past it.
FITTED_COLUMN_MAX = 260
_ALERT_ROLES = (
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
)
#: When the table is too narrow for its columns, none is made narrower than this (px).
COLUMN_LEAST_WIDTH = 70
SORT_ROLE = Qt.ItemDataRole.UserRole
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class BookingTableModel(QAbstractTableModel):
    """Rows of sessions as the presenter built them; the status column is coloured.

    The model sorts itself (no proxy): the presenter's table formats a row only when the
    view shows it and computes one column's keys when a header is clicked, so a queue of
    10,000 bookings fills in a few milliseconds.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = BookingTable(())
        self._order: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_table(self, table: BookingTable) -> None:
        self.beginResetModel()
        self._table = table
        self._order = self._sorted_order(*self._sort)
        self.endResetModel()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        if column == 0 and order == Qt.SortOrder.AscendingOrder:
            return list(range(len(self._table)))  # the sessions arrive in date order
        return self._table.sort_order(column, order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        previous = self.persistentIndexList()
        sessions = [self.session_id(index.row()) for index in previous]
        self._order = self._sorted_order(column, order)
        position = {self._table.session_id(source): row for row, source in enumerate(self._order)}
        self.changePersistentIndexList(
            previous,
            [
                self.index(position[session], index.column())
                for session, index in zip(sessions, previous, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def row(self, row: int) -> BookingRow:
        return self._table.row(self._order[row])

    def session_id(self, row: int) -> str:
        return self._table.session_id(self._order[row])

    def row_of(self, session_id: str) -> int | None:
        for row, source in enumerate(self._order):
            if self._table.session_id(source) == session_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._table.headers):
            return self._table.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row_number, column = index.row(), index.column()
        if not 0 <= row_number < len(self._order) or not 0 <= column < len(self._table.headers):
            return None
        if role == SESSION_ID_ROLE:
            return self.session_id(row_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return visible_text(self.row(row_number).cells[column])
        if role == Qt.ItemDataRole.ToolTipRole and not (column == 0 and self.row(row_number).alert):
            return literal_text(self.row(row_number).cells[column])
        if role == SORT_ROLE:
            return self.row(row_number).sort_keys[column]
        if role == EXPORT_VALUE_ROLE:
            values = self.row(row_number).values
            return values[column] if column < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self._table.status_column:
            return TONE_TEXT[self.row(row_number).tone]
        if column == 0 and role in _ALERT_ROLES and self.row(row_number).alert:
            return self._alert_data(self.row(row_number), role)
        return None

    @staticmethod
    def _alert_data(row: BookingRow, role: int) -> object:
        """A row that needs attention (a request whose day has passed): its first cell is
        red, with a warning sign and the reason as its tooltip."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return TONE_TEXT[Tone.BAD]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("warning")
        return literal_text(row.alert)


class BookingFilterBar(QWidget):
    """Region, client, optional status, date range and free text above a table."""

    changed = Signal(object)

    def __init__(self, with_status: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.region_combo = QComboBox()
        self.region_combo.setObjectName("filterRegionCombo")
        describe(
            self.region_combo,
            self.tr("Region filter"),
            self.tr("Show only the bookings of one region."),
        )
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("filterClientCombo")
        describe(
            self.client_combo,
            self.tr("Client filter"),
            self.tr("Show only the bookings of one client."),
        )
        self.client_combo.setMinimumContentsLength(14)
        self.client_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo: QComboBox | None = None
        layout.addWidget(self.region_combo)
        layout.addWidget(self.client_combo)
        if with_status:
            self.status_combo = QComboBox()
            self.status_combo.setObjectName("filterStatusCombo")
            # As wide as its longest status ("En attente de confirmation"), whenever filled.
            self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            describe(
                self.status_combo,
                self.tr("Status filter"),
                self.tr("Show only the bookings in one status."),
            )
            layout.addWidget(self.status_combo)
        self.dates_check = QCheckBox(self.tr("From"))
        self.dates_check.setObjectName("filterDatesCheck")
        describe(
            self.dates_check,
            self.tr("Filter by dates"),
            self.tr("Show only the bookings between the two dates that follow."),
        )
        self.date_from = DateField()
        self.date_from.setObjectName("filterDateFrom")
        self.date_to = DateField()
        self.date_to.setObjectName("filterDateTo")
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        describe(self.date_from, self.tr("From date"), self.tr("The first day shown."))
        describe(self.date_to, self.tr("To date"), self.tr("The last day shown."))
        self.set_today(dt.date.today())
        layout.addWidget(self.dates_check)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.date_to)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("filterSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search client, reference, notes…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(180)
        describe(
            self.search_edit,
            self.tr("Search"),
            self.tr("Client, reference or notes: the list shows what contains the text."),
        )
        layout.addWidget(self.search_edit, 1)

        self.region_combo.currentIndexChanged.connect(self._emit)
        self.client_combo.currentIndexChanged.connect(self._emit)
        if self.status_combo is not None:
            self.status_combo.currentIndexChanged.connect(self._emit)
        self.dates_check.toggled.connect(self._dates_toggled)
        self.date_from.date_changed.connect(self._emit)
        self.date_to.date_changed.connect(self._emit)
        # Typing waits for a pause before it queries; Enter applies the text at once.
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(lambda _text: self._search_pause.start())
        self.search_edit.returnPressed.connect(self._emit)

    def set_today(self, today: dt.date) -> None:
        """The date range starts on the business date and spans a month."""
        with QSignalBlocker(self.date_from), QSignalBlocker(self.date_to):
            self.date_from.set_date(today)
            self.date_to.set_date(today + dt.timedelta(days=30))

    def _dates_toggled(self, checked: bool) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        self._emit()

    @staticmethod
    def _fill(combo: QComboBox, all_text: str, choices: Sequence[Choice]) -> None:
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(all_text, None)
            for choice in choices:
                combo.addItem(choice.text, choice.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def show_choices(
        self,
        regions: Sequence[Choice],
        clients: Sequence[Choice],
        statuses: Sequence[Choice] = (),
    ) -> None:
        self._fill(self.region_combo, self.tr("All regions"), regions)
        self._fill(self.client_combo, self.tr("All clients"), clients)
        if self.status_combo is not None:
            self._fill(self.status_combo, self.tr("Any status"), statuses)

    def current(self) -> BookingFilter:
        status = self.status_combo.currentData() if self.status_combo is not None else None
        dated = self.dates_check.isChecked()
        return BookingFilter(
            region_id=self.region_combo.currentData(),
            client_id=self.client_combo.currentData(),
            status=SessionStatus(status) if status else None,
            date_from=self.date_from.date() if dated else None,
            date_to=self.date_to.date() if dated else None,
            text=self.search_edit.text(),
        )

    def _emit(self) -> None:
        self._search_pause.stop()
        self.changed.emit(self.current())

    def set_filter(self, booking_filter: BookingFilter) -> None:
        """Show ``booking_filter`` in the widgets, without reporting it as a change."""
        combos = [
            (self.region_combo, booking_filter.region_id),
            (self.client_combo, booking_filter.client_id),
        ]
        if self.status_combo is not None:
            status = booking_filter.status.value if booking_filter.status else None
            combos.append((self.status_combo, status))
        dated = booking_filter.date_from is not None or booking_filter.date_to is not None
        widgets: list[QWidget] = [combo for combo, _ in combos]
        widgets += [self.dates_check, self.date_from, self.date_to, self.search_edit]
        blockers = [QSignalBlocker(widget) for widget in widgets]
        try:
            for combo, value in combos:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.dates_check.setChecked(dated)
            self.date_from.setEnabled(dated)
            self.date_to.setEnabled(dated)
            if booking_filter.date_from is not None:
                self.date_from.set_date(booking_filter.date_from)
            if booking_filter.date_to is not None:
                self.date_to.set_date(booking_filter.date_to)
            self.search_edit.setText(booking_filter.text)
        finally:
            for blocker in blockers:
                blocker.unblock()
        self._search_pause.stop()


class BookingTableView(RowTable):
    """A sortable table of bookings that reports the selected session ids."""

    selection_changed = Signal(list)
    row_activated = Signal()

    def __init__(self, object_name: str, multi_select: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.model_ = BookingTableModel(self)
        # Whether the columns were fitted to a table yet, and to one with rows.
        self._sized = False
        self._fitted = False
        # The column that takes the spare width.
        self._wide_column: int | None = None
        # Each column's own width: fitted to its contents, or chosen by the user.
        self._natural: dict[int, int] = {}
        self._chosen: set[int] = set()
        self._filling = False
        self.setModel(self.model_)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi_select
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # The spare width goes to the wide column (the modules), not to the last one.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        # Only a resize made with the mouse on the header is the user's choice of width.
        self._header_pressed = False
        header.viewport().installEventFilter(self)
        # Column widths come from the first rows, not from all 10,000.
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        selection = self.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        # Enter on a row, or a double click, opens it.
        self.activated.connect(lambda _index: self.row_activated.emit())

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.model_.session_id(row) for row in rows]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_ids())

    def show_table(self, table: BookingTable) -> None:
        """Show new rows, keeping the selection of rows that are still there."""
        kept = set(self.selected_ids())
        # Columns fit the first table shown, and once more when the first rows arrive
        # (a queue that starts empty would otherwise keep the widths of its headers).
        fit = bool(table.headers) and not self._fitted and (len(table) > 0 or not self._sized)
        with QSignalBlocker(self.selectionModel()):
            self.model_.set_table(table)
            selection = QItemSelection()
            if kept:
                for row in range(self.model_.rowCount()):
                    if self.model_.session_id(row) in kept:
                        index = self.model_.index(row, 0)
                        selection.select(index, index)
            self.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._wide_column = table.wide_column
        if fit:
            self._filling = True
            try:
                self.resizeColumnsToContents()
                metrics = self.fontMetrics()
                for column in range(len(table.headers)):
                    if column not in self._chosen:
                        width = min(self.columnWidth(column) + 16, FITTED_COLUMN_MAX)
                        texts = table.column_texts.get(column, ())
                        longest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
                        self._natural[column] = max(width, longest + 24)
            finally:
                self._filling = False
            self._sized = True
            self._fitted = len(table) > 0
        self._fit_columns()
        self.selection_changed.emit(self.selected_ids())

    def _fit_columns(self) -> None:
        """Every column in view, without a horizontal scroll bar while there is room.

        The spare width goes to the wide column (the modules). When the columns are
        wider than the table, the widest give way first, down to a common width (their
        text then ends in "…", whole in its tooltip); a column the user sized keeps it.
        """
        header = self.horizontalHeader()
        columns = [
            column
            for column in range(self.model_.columnCount())
            if column in self._natural and not header.isSectionHidden(column)
        ]
        if not columns:
            return
        natural = {column: self._natural[column] for column in columns}
        room = self.viewport().width()
        spare = room - sum(natural.values())
        widths = dict(natural)
        if spare >= 0:
            wide = self._wide_column if self._wide_column in widths else columns[-1]
            widths[wide] += spare
        else:
            flexible = sorted(
                (width, column) for column, width in natural.items() if column not in self._chosen
            )
            budget = room - sum(natural[column] for column in columns if column in self._chosen)
            for position, (width, _column) in enumerate(flexible):
                share = budget // (len(flexible) - position)
                if width <= share:
                    budget -= width
                    continue
                for _, rest in flexible[position:]:
                    widths[rest] = max(COLUMN_LEAST_WIDTH, min(natural[rest], share))
                # What the division leaves over goes to the wide column.
                leftover = room - sum(widths.values())
                wide = self._wide_column if self._wide_column in widths else columns[-1]
                widths[wide] += max(0, leftover)
                break
        self._filling = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._filling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.horizontalHeader().viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._header_pressed = True
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
        return super().eventFilter(watched, event)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._filling or not self._header_pressed:
            return
        self._natural[column] = new  # the user's choice is the column's own width now
        self._chosen.add(column)
        self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def minimumSizeHint(self) -> QSize:
        """Room for the header and a few rows, however small the window."""
        hint = super().minimumSizeHint()
        rows = self.horizontalHeader().sizeHint().height()
        rows += ROWS_ALWAYS_SHOWN * self.verticalHeader().defaultSectionSize()
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(hint.width(), max(hint.height(), rows + scroll_bar + 2 * self.frameWidth()))

    def select_session(self, session_id: str) -> None:
        """Select the row of ``session_id`` alone, as a click on it does."""
        self.select_sessions([session_id])

    def select_sessions(self, session_ids: Sequence[str]) -> None:
        """Select the rows of ``session_ids`` (only them); the first comes into view."""
        rows = [row for i in session_ids if (row := self.model_.row_of(i)) is not None]
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model_.index(row, 0), self.model_.index(row, 0))
        self.selectionModel().select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if rows:
            self.scrollTo(self.model_.index(rows[0], 0))


class _BookingsPanel(QWidget):
    """Filters above a bookings table, a count and Details / Print summary buttons below."""

    filter_changed = Signal(object)
    selection_changed = Signal(list)
    details_requested = Signal()
    print_requested = Signal()
    #: The buttons' enabled states changed (the window's menu actions follow them).
    actions_changed = Signal()

    def __init__(
        self,
        table_name: str,
        multi_select: bool,
        with_status: bool,
        print_name: str,
        details_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.setContentsMargins(6, 6, 6, 6)
        self.main_layout.setSpacing(6)
        self.filters = BookingFilterBar(with_status=with_status)
        self.main_layout.addWidget(self.filters)
        self.table = BookingTableView(table_name, multi_select=multi_select)
        self.main_layout.addWidget(self.table, 1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.count_label = ElidedLabel()
        self.count_label.setObjectName("countLabel")
        self.buttons.addWidget(self.count_label)
        #: What the last action did; one line whatever its length, so the table keeps
        #: its rows (the whole text is in its tooltip).
        self.outcome_label = ElidedLabel()
        self.outcome_label.setObjectName("outcomeLabel")
        self.buttons.addWidget(self.outcome_label, 1)
        self.details_button = QPushButton(icon("details"), self.tr("Details…"))
        self.details_button.setObjectName(details_name)
        self.print_button = QPushButton(icon("print"), self.tr("Print summary…"))
        self.print_button.setObjectName(print_name)
        #: The Print button's tooltip when printing works (the window's command sets it).
        self.print_tooltip = ""
        self.main_layout.addLayout(self.buttons)

        self.filters.changed.connect(self.filter_changed)
        self.table.selection_changed.connect(self.selection_changed)
        self.table.row_activated.connect(self.details_requested)
        self.details_button.clicked.connect(self.details_requested)
        self.print_button.clicked.connect(self.print_requested)

    def height_for_rows(self, rows: int) -> int:
        """The panel's height when its table shows ``rows`` rows."""
        table = self.table
        layout = self.main_layout
        margins = layout.contentsMargins()
        table_height = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        return (
            margins.top()
            + margins.bottom()
            + self.filters.sizeHint().height()
            + table_height
            + self.details_button.sizeHint().height()
            + 2 * layout.spacing()
        )

    def add_buttons(self, *buttons: QPushButton) -> None:
        for button in buttons:
            button.setEnabled(False)
            self.buttons.addWidget(button)

    def set_print_tooltip(self, text: str) -> None:
        """Why printing is unavailable ("" when it is available)."""
        self.print_button.setToolTip(text or self.print_tooltip)

    def show_table(self, table: BookingTable) -> None:
        self.table.show_table(table)

    def show_count(self, text: str) -> None:
        self.count_label.setText(text)

    def show_filter(self, booking_filter: BookingFilter) -> None:
        self.filters.set_filter(booking_filter)

    def select_sessions(self, session_ids: Sequence[str]) -> None:
        self.table.select_sessions(session_ids)


class PendingQueuePanel(_BookingsPanel):
    """Every booking waiting for confirmation (the presenters' PendingQueueView)."""

    confirm_requested = Signal()
    cancel_requested = Signal()
    edit_requested = Signal()
    #: How many bookings wait in all, whatever the filters show.
    total_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "pendingTable",
            multi_select=True,
            with_status=False,
            print_name="printSummaryButton",
            details_name="detailsButton",
            parent=parent,
        )
        describe(
            self.table,
            self.tr("Pending bookings"),
            self.tr(
                "The bookings waiting for confirmation. The arrow keys select, Shift or Ctrl "
                "select several, Enter opens the booking, Tab goes to the buttons."
            ),
        )
        self.confirm_button = QPushButton(icon_on_dark("confirm"), self.tr("Confirm"))
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setProperty("primary", True)
        #: The Confirm button's tooltip when it can be used (the window's command sets it).
        self.confirm_tooltip = ""
        #: Why Confirm cannot be used in this database ("" when it can).
        self.confirm_unavailable = ""
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel…"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setProperty("destructive", True)
        self.cancel_button.setToolTip(self.tr("Cancel the selected pending bookings (Delete)"))
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editButton")
        self.edit_button.setToolTip(
            self.tr("Correct the selected request: date, modules, participants, client, offer")
        )
        self.add_buttons(
            self.details_button,
            self.edit_button,
            self.print_button,
            self.cancel_button,
            self.confirm_button,
        )
        self.edit_button.clicked.connect(self.edit_requested)
        # Tab follows the buttons from left to right.
        QWidget.setTabOrder(self.details_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.print_button)
        QWidget.setTabOrder(self.print_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.confirm_button)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)

    # -- PendingQueueView ----------------------------------------------------------------

    def show_filter_choices(self, regions: Sequence[Choice], clients: Sequence[Choice]) -> None:
        self.filters.show_choices(regions, clients)

    def set_actions(
        self,
        *,
        confirm: bool,
        cancel: bool,
        details: bool,
        print_summary: bool,
        edit: bool = False,
    ) -> None:
        self.edit_button.setEnabled(edit)
        self.confirm_button.setEnabled(confirm)
        self.cancel_button.setEnabled(cancel)
        self.details_button.setEnabled(details)
        self.print_button.setEnabled(print_summary)
        self.actions_changed.emit()

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome_label.setText(text)
        self.outcome_label.setStyleSheet(f"color: {TONE_TEXT[tone].name()}; font-weight: 600;")

    def show_total(self, count: int) -> None:
        self.total_changed.emit(count)

    def select_session(self, session_id: str) -> None:
        self.table.select_session(session_id)

    def show_confirm_unavailable(self, reason: str) -> None:
        self.confirm_unavailable = reason
        self.confirm_button.setToolTip(reason or self.confirm_tooltip)


class BookingsBrowserPanel(_BookingsPanel):
    """Every booking, any status (the presenters' BookingsBrowserView)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "bookingsTable",
            multi_select=False,
            with_status=True,
            print_name="browserPrintSummaryButton",
            details_name="browserDetailsButton",
            parent=parent,
        )
        self.details_button.setProperty("primary", True)
        self.add_buttons(self.print_button, self.details_button)
        describe(
            self.table,
            self.tr("All bookings"),
            self.tr(
                "Every booking the filters select. The arrow keys select, Enter opens the "
                "booking, Tab goes to the buttons."
            ),
        )

    # -- BookingsBrowserView -------------------------------------------------------------

    def show_filter_choices(
        self, regions: Sequence[Choice], clients: Sequence[Choice], statuses: Sequence[Choice]
    ) -> None:
        self.filters.show_choices(regions, clients, statuses)

    def set_actions(self, *, details: bool, print_summary: bool) -> None:
        self.details_button.setEnabled(details)
        self.print_button.setEnabled(print_summary)
        self.actions_changed.emit()
