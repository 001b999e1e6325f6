"""The dialogs of the changes after booking: correct a pending request, choose a new day
on a calendar of free setups, record how a mission went, and reallocate sessions left on
resources that cannot serve them. Each takes the presenter's plain request and returns a
plain answer (see :mod:`dst_desktop.presenters.dialogs`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.calendar import DayMark
from dst_desktop.presenters.dialogs import (
    BookingDraft,
    BookingEditRequest,
    CompletionDetails,
    CompletionRequest,
    NewDateRequest,
    ReallocationOffer,
)
from dst_desktop.presenters.input_limits import MAX_PARTICIPANTS, MAX_TEXT_LENGTH
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.calendar_panel import AvailabilityCalendar
from dst_desktop.ui.date_field import DateField
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import QtLocalizer, from_qdate, to_qdate
from dst_desktop.ui.plain_text import plain_label
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT

ID_ROLE = Qt.ItemDataRole.UserRole


def _error_label() -> QLabel:
    """Why the last attempt was refused, above the form (hidden when there is nothing)."""
    label = plain_label()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(
        f"background: {TONE_BACKGROUND[Tone.BAD].name()}; color: {TONE_TEXT[Tone.BAD].name()};"
        f"border: 1px solid {TONE_TEXT[Tone.BAD].name()}; border-radius: 5px; padding: 6px;"
    )
    label.setVisible(False)
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName("dialogHeading")
    label.setWordWrap(True)
    return label


def _cancel_and_accept(dialog: QDialog, layout: QVBoxLayout, text: str, name: str) -> QPushButton:
    """Cancel and the dialog's own accept button (the default, named ``name``), added below
    the dialog's contents; the accept button is returned for the dialog to enable."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    accept = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setObjectName(name)
    accept.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return accept


class EditBookingDialog(QDialog):
    """Date, modules, participants, client, offer and notes of a pending request."""

    def __init__(self, request: BookingEditRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editBookingDialog")
        self.setWindowTitle(request.title)
        self.setWindowIcon(icon("edit"))
        self.setMinimumWidth(520)
        draft = request.draft
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(request.heading))
        self.error_label = _error_label()
        _show_error(self.error_label, request.error)
        layout.addWidget(self.error_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Typed as the user writes dates, like every date field of the window: a date
        # edited section by section turns a mistyped 31/02 into another day unseen.
        self.date_edit = DateField(draft.day)
        self.date_edit.setObjectName("editDateEdit")
        form.addRow(self.tr("&Date:"), self.date_edit)
        self.module_list = QListWidget()
        self.module_list.setObjectName("editModuleList")
        self.module_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for module in request.modules:
            item = QListWidgetItem(module.text)
            item.setData(ID_ROLE, module.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = module.id in draft.module_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.module_list.addItem(item)
        self.module_list.setMaximumHeight(
            max(3, min(len(request.modules), 6)) * self.module_list.sizeHintForRow(0) + 8
            if request.modules
            else 80
        )
        form.addRow(self.tr("&Modules:"), self.module_list)
        self.participants_spin = QSpinBox()
        self.participants_spin.setObjectName("editParticipantsSpin")
        self.participants_spin.setRange(1, MAX_PARTICIPANTS)
        self.participants_spin.setValue(draft.participants)
        form.addRow(self.tr("&Participants:"), self.participants_spin)
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("editClientCombo")
        for client in request.clients:
            self.client_combo.addItem(client.text, client.id)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(draft.client_id)))
        form.addRow(self.tr("&Client:"), self.client_combo)
        self.offer_combo = QComboBox()
        self.offer_combo.setObjectName("editOfferCombo")
        self.offer_combo.addItem(self.tr("No offer"), None)
        for offer in request.offers:
            self.offer_combo.addItem(offer.text, offer.id)
        self.offer_combo.setCurrentIndex(max(0, self.offer_combo.findData(draft.offer_id)))
        form.addRow(self.tr("O&ffer:"), self.offer_combo)
        self.notes_edit = QPlainTextEdit(draft.notes)
        self.notes_edit.setObjectName("editNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(80)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "The request keeps its reference and stays in the pending queue; it is checked "
                "again as when it was taken."
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.save_button = _cancel_and_accept(
            self, layout, self.tr("Save changes"), "saveChangesButton"
        )

    def accept(self) -> None:
        if not self.date_edit.read_typed():
            _show_error(self.error_label, self.date_edit.problem_text())
            self.date_edit.setFocus()
            return
        super().accept()

    def draft(self) -> BookingDraft:
        self.date_edit.read_typed()  # what is typed, even before the field is left
        modules = []
        for row in range(self.module_list.count()):
            item = self.module_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                modules.append(str(item.data(ID_ROLE)))
        offer = self.offer_combo.currentData()
        return BookingDraft(
            day=self.date_edit.date(),
            module_ids=tuple(modules),
            participants=self.participants_spin.value(),
            client_id=str(self.client_combo.currentData()),
            offer_id=None if offer is None else str(offer),
            notes=self.notes_edit.toPlainText()[:MAX_TEXT_LENGTH],
        )


class NewDateDialog(QDialog):
    """A month of the session's region, each day with its free setups; pick the new day."""

    def __init__(self, request: NewDateRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDateDialog")
        self.setWindowTitle(request.title)
        self.setWindowIcon(icon("reschedule"))
        self.setMinimumWidth(460)
        self._request = request
        self._marks: dict[dt.date, DayMark] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(request.heading))
        self.error_label = _error_label()
        _show_error(self.error_label, request.error)
        layout.addWidget(self.error_label)
        self.calendar = AvailabilityCalendar()
        self.calendar.setObjectName("rescheduleCalendar")
        self.calendar.today = request.earliest
        self.calendar.setMinimumDate(to_qdate(request.earliest))
        self.calendar.setMinimumHeight(260)
        layout.addWidget(self.calendar, 1)
        self.day_label = plain_label()
        self.day_label.setObjectName("chosenDayLabel")
        self.day_label.setWordWrap(True)
        layout.addWidget(self.day_label)
        self.accept_button = _cancel_and_accept(
            self, layout, request.accept_label, "acceptDateButton"
        )
        self.calendar.currentPageChanged.connect(self._show_month)
        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.setSelectedDate(to_qdate(request.initial))
        self._show_month(request.initial.year, request.initial.month)
        self._day_changed()

    def _show_month(self, year: int, month: int) -> None:
        marks = self._request.month_marks(year, month)
        self._marks = {mark.date: mark for mark in marks}
        self.calendar.set_marks(marks)
        self._day_changed()

    def _day_changed(self) -> None:
        day = self.chosen_day()
        when = QtLocalizer().long_date_text(day)
        mark = self._marks.get(day)
        if day == self._request.current:
            text = fill(self.tr("%1 is the session's day now: choose another one."), when)
        elif mark is None:
            text = when
        elif mark.available_setups <= 0:
            text = fill(
                self.tr("%1: no setup or operator is free that day."),
                when,
            )
        else:
            text = fill(self.tr("%1: %2"), when, mark.tooltip)
        self.day_label.setText(text)
        self.accept_button.setEnabled(day != self._request.current)

    def chosen_day(self) -> dt.date:
        return from_qdate(self.calendar.selectedDate())


class CompletionDialog(QDialog):
    """Who attended and what the operator noted, as the mission is marked completed."""

    NOT_RECORDED = -1

    def __init__(self, request: CompletionRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completionDialog")
        self.setWindowTitle(request.title)
        self.setWindowIcon(icon("confirm"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(request.heading))
        form = QFormLayout()
        self.attended_spin = QSpinBox()
        self.attended_spin.setObjectName("attendedSpin")
        self.attended_spin.setRange(self.NOT_RECORDED, request.capacity)
        self.attended_spin.setSpecialValueText(self.tr("not recorded"))
        self.attended_spin.setValue(min(request.requested, request.capacity))
        self.attended_spin.setSuffix(fill(self.tr(" of %1 requested"), request.requested))
        form.addRow(self.tr("&Attended:"), self.attended_spin)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("completionNotesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("How it went, incidents, what to remember next time")
        )
        self.notes_edit.setMaximumHeight(100)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout.addLayout(form)
        self.complete_button = _cancel_and_accept(
            self, layout, self.tr("Mark completed"), "markCompletedButton"
        )

    def details(self) -> CompletionDetails:
        attended = self.attended_spin.value()
        return CompletionDetails(
            attended=None if attended == self.NOT_RECORDED else attended,
            notes=self.notes_edit.toPlainText()[:MAX_TEXT_LENGTH],
        )


class ReallocationDialog(QDialog):
    """The sessions a change left on resources that cannot serve them: reallocate all in
    one click, only the ticked ones, or leave them for later (the Conflicts tab)."""

    def __init__(self, offer: ReallocationOffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reallocationDialog")
        self.setWindowTitle(offer.title)
        self.setWindowIcon(icon("warning"))
        self.resize(640, 360)
        self.chosen: tuple[str, ...] = ()
        layout = QVBoxLayout(self)
        summary = _heading(offer.summary)
        summary.setObjectName("dialogTitle")
        layout.addWidget(summary)
        self.session_list = QListWidget()
        self.session_list.setObjectName("reallocationList")
        self.session_list.setWordWrap(True)
        self.session_list.setAlternatingRowColors(True)
        for choice in offer.sessions:
            item = QListWidgetItem(icon("warning"), choice.text)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.session_list.addItem(item)
        layout.addWidget(self.session_list, 1)
        hint = QLabel(
            self.tr(
                "Each session keeps its day and takes the first free setup or operator of its "
                "region. Sessions left for later stay listed under Conflicts."
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("laterButton")
        self.selected_button = QPushButton(self.tr("Reallocate ticked"))
        self.selected_button.setObjectName("reallocateTickedButton")
        buttons.addButton(self.selected_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.all_button = buttons.addButton(
            self.tr("Reallocate all"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.all_button.setObjectName("reallocateAllButton")
        self.all_button.setIcon(icon("reallocate"))
        self.all_button.setDefault(True)
        self.later_button.clicked.connect(self.reject)
        self.selected_button.clicked.connect(self._ticked)
        self.all_button.clicked.connect(self._all)
        layout.addWidget(buttons)
        self.session_list.itemChanged.connect(self._update_ticked)

    def _ids(self, only_ticked: bool) -> tuple[str, ...]:
        found = []
        for row in range(self.session_list.count()):
            item = self.session_list.item(row)
            if not only_ticked or item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(ID_ROLE)))
        return tuple(found)

    def _update_ticked(self) -> None:
        self.selected_button.setEnabled(bool(self._ids(only_ticked=True)))

    def _ticked(self) -> None:
        self.chosen = self._ids(only_ticked=True)
        self.accept()

    def _all(self) -> None:
        self.chosen = self._ids(only_ticked=False)
        self.accept()
