"""Reference data screens: one tab per kind, a list on the left and a form on the right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.domain.names import name_key, visible_text
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.input_limits import MAX_ID_LENGTH, MAX_MODULE_CAPACITY, MAX_NAME_LENGTH
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.reference_editor import (
    ReferenceEditorPresenter,
    ReferenceEntry,
    ReferenceKind,
    ReferenceRow,
)
from dst_desktop.ui.accessible import describe, describe_buttons
from dst_desktop.ui.cell_table import AnyIndex, CellTableModel
from dst_desktop.ui.date_field import DateField
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import QtLocalizer
from dst_desktop.ui.row_table import RowTable
from dst_desktop.ui.table_export import adopt_table_export
from dst_desktop.ui.theme import TONE_TEXT

ID_ROLE = Qt.ItemDataRole.UserRole


class ReferenceTableModel(CellTableModel):
    def row_of(self, item_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == item_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row: ReferenceRow | None = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return visible_text(row.cells[index.column()])
        if role == ID_ROLE:
            return row.id
        return None


class ReferenceSearch(QSortFilterProxyModel):
    """The rows of which one cell holds the words typed, accents and case aside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._words = name_key(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = name_key(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        cells = " ".join(
            str(model.index(source_row, column, source_parent).data() or "")
            for column in range(model.columnCount(source_parent))
        )
        key = name_key(cells)
        return all(word in key for word in self._words)


class ReferenceTab(QWidget):
    """The list and the form of one kind of reference data."""

    selected = Signal(str)
    new_requested = Signal()
    save_requested = Signal(object, bool)
    remove_requested = Signal(str)
    calendar_requested = Signal(str)

    def __init__(self, kind: ReferenceKind, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.is_new = True
        self._unavailable: list[dt.date] = []
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        self.model = ReferenceTableModel(self)
        self.search = ReferenceSearch(self)
        self.search.setSourceModel(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        describe(
            self.search_edit,
            self.tr("Search"),
            self.tr("Show only the entries whose name, region or identifier holds the words."),
        )
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._find)
        self.table = RowTable()
        self.table.setObjectName(f"{kind.value}Table")
        self.table.setModel(self.search)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        describe(
            self.table,
            self.tr("Entries"),
            self.tr("Choose an entry with the arrow keys to change it in the form beside."),
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.search_edit)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addWidget(self.count_label)
        splitter.addWidget(listing)

        form_box = QGroupBox(self.tr("Entry"))
        form_layout = QVBoxLayout(form_box)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("idEdit")
        self.id_edit.setMaxLength(MAX_ID_LENGTH)
        self.form.addRow(self.tr("Identifier:"), self.id_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.region_combo = QComboBox()
        self.region_combo.setObjectName("regionEdit")
        self.active_check = QCheckBox(self.tr("In service"))
        self.active_check.setObjectName("activeEdit")
        self.active_check.setToolTip(
            self.tr("An entry out of service is not offered for new bookings; past ones keep it.")
        )
        self.days_list = QListWidget()
        self.days_list.setObjectName("daysList")
        self.days_list.setMaximumHeight(140)
        self.day_edit = DateField(today)
        self.day_edit.setObjectName("dayEdit")
        self.add_day_button = QPushButton(self.tr("Add day"))
        self.add_day_button.setObjectName("addDayButton")
        self.add_day_button.setToolTip(self.tr("Add the date beside to the list (Enter)"))
        self.remove_day_button = QPushButton(self.tr("Remove"))
        self.remove_day_button.setObjectName("removeDayButton")
        self.remove_day_button.setToolTip(
            self.tr("Take the days selected in the list out of it (Del in the list)")
        )
        remove_day = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.days_list)
        remove_day.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_day.activated.connect(self._remove_day)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("capacityEdit")
        self.capacity_spin.setRange(1, MAX_MODULE_CAPACITY)
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.email_edit.setMaxLength(MAX_NAME_LENGTH)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setMaxLength(MAX_NAME_LENGTH)
        describe(
            self.id_edit,
            self.tr("Identifier"),
            self.tr("The identifier in files and bookings; left empty, it is made from the name."),
        )
        describe(self.name_edit, self.tr("Name"), self.tr("The name shown everywhere."))
        describe(self.region_combo, self.tr("Region"), self.tr("The region it is based in."))
        describe(
            self.capacity_spin,
            self.tr("Capacity"),
            self.tr("The most participants the module takes."),
        )
        describe(self.email_edit, self.tr("E-mail"), self.tr("The client's e-mail address."))
        describe(self.phone_edit, self.tr("Phone"), self.tr("The client's phone number."))
        if kind in (ReferenceKind.SETUPS, ReferenceKind.OPERATORS):
            days_name = (
                self.tr("Maintenance days")
                if kind is ReferenceKind.SETUPS
                else self.tr("Leave days")
            )
            describe(
                self.days_list,
                days_name,
                self.tr("The days it cannot be booked; Del takes the selected days out."),
            )
            describe(
                self.day_edit,
                self.tr("Day to add"),
                self.tr("Type a date as you write it, or Alt+Down for a calendar; Enter adds it."),
            )
            self.form.addRow(self.tr("Region:"), self.region_combo)
            self.form.addRow("", self.active_check)
            days_label = (
                self.tr("Maintenance days:")
                if kind is ReferenceKind.SETUPS
                else self.tr("Leave days:")
            )
            days = QVBoxLayout()
            days.addWidget(self.days_list)
            add_row = QHBoxLayout()
            add_row.addWidget(self.day_edit, 1)
            add_row.addWidget(self.add_day_button)
            add_row.addWidget(self.remove_day_button)
            days.addLayout(add_row)
            self.form.addRow(days_label, days)
        elif kind is ReferenceKind.MODULES:
            self.form.addRow(self.tr("Capacity (participants):"), self.capacity_spin)
        elif kind is ReferenceKind.CLIENTS:
            self.form.addRow(self.tr("E-mail:"), self.email_edit)
            self.form.addRow(self.tr("Phone:"), self.phone_edit)
        form_layout.addLayout(self.form)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        form_layout.addWidget(self.message_label)
        form_layout.addStretch(1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(icon("cancel"), self.tr("Remove…"))
        self.remove_button.setObjectName("removeButton")
        self.remove_button.setProperty("destructive", True)
        self.remove_button.setEnabled(False)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove)
        buttons.addWidget(self.remove_button)
        # Operators, setups and regions: their sessions as a calendar file for a phone.
        self.calendar_button = QPushButton(icon("browse"), self.tr("Calendar (.ics)…"))
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setToolTip(
            self.tr(
                "Write this entry's sessions to a calendar file (.ics) that a phone or a "
                "calendar program imports; importing it again updates the events"
            )
        )
        self.calendar_button.setEnabled(False)
        self.calendar_button.setVisible(
            kind in (ReferenceKind.OPERATORS, ReferenceKind.SETUPS, ReferenceKind.REGIONS)
        )
        buttons.addWidget(self.calendar_button)
        buttons.addStretch(1)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("newButton")
        self.new_button.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_button.setToolTip(self.tr("Start a new entry in the form (Ctrl+N)"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setProperty("primary", True)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save the entry of the form (Ctrl+S)"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        form_layout.addLayout(buttons)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_requested)
        self.save_button.clicked.connect(self._save)
        self.remove_button.clicked.connect(self._remove)
        self.calendar_button.clicked.connect(self._calendar)
        self.search_edit.textChanged.connect(self._search_changed)
        self.add_day_button.clicked.connect(self._add_day)
        self.day_edit.return_pressed.connect(self._add_day)
        self.remove_day_button.clicked.connect(self._remove_day)

    def _find(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _search_changed(self, text: str) -> None:
        self.search.set_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.search.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(fill(self.tr("%1 entries"), total))
        else:
            self.count_label.setText(fill(self.tr("%1 of %2 entries"), shown, total))

    def _remove(self) -> None:
        if not self.is_new and self.remove_button.isEnabled():
            self.remove_requested.emit(self.id_edit.text())

    def _calendar(self) -> None:
        if not self.is_new:
            self.calendar_requested.emit(self.id_edit.text())

    def set_remove_available(self, reason: str) -> None:
        self.remove_button.setEnabled(not reason)
        self.remove_button.setToolTip(
            reason or self.tr("Remove this entry, made by mistake (Del in the list)")
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.selected.emit(str(rows[0].data(ID_ROLE)))

    def _show_days(self) -> None:
        self.days_list.clear()
        localizer = QtLocalizer()
        for day in sorted(self._unavailable):
            item = QListWidgetItem(localizer.long_date_text(day))
            item.setData(ID_ROLE, day.isoformat())
            self.days_list.addItem(item)

    def _add_day(self) -> None:
        if not self.day_edit.is_valid():
            return
        day = self.day_edit.date()
        if day not in self._unavailable:
            self._unavailable.append(day)
            self._show_days()

    def _remove_day(self) -> None:
        for item in self.days_list.selectedItems():
            day = dt.date.fromisoformat(str(item.data(ID_ROLE)))
            if day in self._unavailable:
                self._unavailable.remove(day)
        self._show_days()

    def entry(self) -> ReferenceEntry:
        return ReferenceEntry(
            id=self.id_edit.text(),
            name=self.name_edit.text(),
            region_id=self.region_combo.currentData(),
            active=self.active_check.isChecked(),
            unavailable_dates=tuple(sorted(self._unavailable)),
            capacity_max=self.capacity_spin.value(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
        )

    def _save(self) -> None:
        self.save_requested.emit(self.entry(), self.is_new)

    def show_regions(self, regions: Sequence[Choice]) -> None:
        current = self.region_combo.currentData()
        with QSignalBlocker(self.region_combo):
            self.region_combo.clear()
            for region in regions:
                self.region_combo.addItem(region.text, region.id)
            self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(current)))

    def show_items(self, headers: Sequence[str], rows: Sequence[ReferenceRow]) -> None:
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_rows(headers, rows)
        self._show_count()

    def show_entry(self, entry: ReferenceEntry, is_new: bool) -> None:
        self.is_new = is_new
        self.calendar_button.setEnabled(not is_new)
        self.id_edit.setText(entry.id)
        self.id_edit.setReadOnly(not is_new)
        self.id_edit.setPlaceholderText(self.tr("made from the name") if is_new else "")
        self.name_edit.setText(entry.name)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(entry.region_id)))
        self.active_check.setChecked(entry.active)
        self._unavailable = list(entry.unavailable_dates)
        self._show_days()
        self.capacity_spin.setValue(entry.capacity_max)
        self.email_edit.setText(entry.email)
        self.phone_edit.setText(entry.phone)
        row = self.model.row_of(entry.id) if not is_new else -1
        shown = self.search.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        with QSignalBlocker(self.table.selectionModel()):
            if shown is not None and shown.isValid():
                self.table.selectRow(shown.row())
                self.table.scrollTo(shown)
            else:
                self.table.clearSelection()
        if is_new:
            self.name_edit.setFocus()

    def show_message(self, text: str, tone: Tone) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {TONE_TEXT[tone].name()}; font-weight: 600;")


class ReferenceDataDialog(QDialog):
    """The presenters' ReferenceEditorView."""

    selected = Signal(object, str)
    new_requested = Signal(object)
    save_requested = Signal(object, object, bool)
    remove_requested = Signal(object, str)
    calendar_requested = Signal(object, str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        """``today`` is the business date: where the day pickers start."""
        super().__init__(parent)
        self.setObjectName("referenceDataDialog")
        self.setWindowTitle(self.tr("Reference data"))
        self.setWindowIcon(icon("reference"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Regions, setups, operators, modules, clients and offers. Choose an entry to "
                "change it, or press New. An entry taken out of service stays in past bookings."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hintLabel")
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("referenceTabs")
        titles = {
            ReferenceKind.REGIONS: self.tr("Regions"),
            ReferenceKind.SETUPS: self.tr("Setups"),
            ReferenceKind.OPERATORS: self.tr("Operators"),
            ReferenceKind.MODULES: self.tr("Modules"),
            ReferenceKind.CLIENTS: self.tr("Clients"),
            ReferenceKind.OFFERS: self.tr("Offers"),
        }
        self.presenter: ReferenceEditorPresenter | None = None
        self.kind_tabs: dict[ReferenceKind, ReferenceTab] = {}
        for kind in ReferenceKind:
            tab = ReferenceTab(kind, today)
            self.kind_tabs[kind] = tab
            exporter = adopt_table_export(tab.table, titles[kind], kind.value)
            exporter.exported.connect(lambda saved, t=tab: t.show_message(saved, Tone.GOOD))
            self.tabs.addTab(tab, titles[kind])
            self.tabs.setTabToolTip(
                self.tabs.count() - 1, fill(self.tr("%1: the list and the form"), titles[kind])
            )
            tab.selected.connect(lambda item_id, k=kind: self.selected.emit(k, item_id))
            tab.new_requested.connect(lambda k=kind: self.new_requested.emit(k))
            tab.save_requested.connect(
                lambda entry, is_new, k=kind: self.save_requested.emit(k, entry, is_new)
            )
            tab.remove_requested.connect(
                lambda item_id, k=kind: self.remove_requested.emit(k, item_id)
            )
            tab.calendar_requested.connect(
                lambda item_id, k=kind: self.calendar_requested.emit(k, item_id)
            )
        layout.addWidget(self.tabs, 1)
        describe(
            self.tabs.tabBar(),
            self.tr("Kinds of reference data"),
            self.tr("Regions, setups, operators, modules, clients or offers."),
        )
        self.tabs.tabBar().setUsesScrollButtons(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tabs.currentChanged.connect(lambda _index: self._focus_search())
        QTimer.singleShot(0, self._focus_search)

    def _focus_search(self) -> None:
        """The keyboard starts in the search field of the kind shown."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, ReferenceTab):
            tab.search_edit.setFocus()

    # -- ReferenceEditorView -------------------------------------------------------------

    def show_region_choices(self, regions: Sequence[Choice]) -> None:
        for kind in (ReferenceKind.SETUPS, ReferenceKind.OPERATORS):
            self.kind_tabs[kind].show_regions(regions)

    def show_items(
        self, kind: ReferenceKind, headers: Sequence[str], rows: Sequence[ReferenceRow]
    ) -> None:
        self.kind_tabs[kind].show_items(headers, rows)

    def show_entry(self, kind: ReferenceKind, entry: ReferenceEntry, is_new: bool) -> None:
        self.kind_tabs[kind].show_entry(entry, is_new)

    def show_message(self, kind: ReferenceKind, text: str, tone: Tone) -> None:
        self.kind_tabs[kind].show_message(text, tone)

    def set_remove_available(self, kind: ReferenceKind, reason: str) -> None:
        self.kind_tabs[kind].set_remove_available(reason)
