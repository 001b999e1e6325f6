"""The booking form, its live availability panel and the suggested dates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.booking_form import AvailabilityPanel, SuggestedDate
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.input_limits import MAX_PARTICIPANTS, MAX_TEXT_LENGTH
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.icons import icon
from dst_desktop.ui.plain_text import plain_label
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT

#: The spin box stops far below the service's own bound; no session is that large.
PARTICIPANTS_LIMIT = min(MAX_PARTICIPANTS, 999)


class AvailabilityPanelWidget(QFrame):
    """The verdict of ``checkAvailability``: a headline in a tone, and its figures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("availabilityPanel")
        self.setAccessibleName(self.tr("Availability"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        self.headline = plain_label()
        self.headline.setObjectName("availabilityHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.details = QLabel()
        self.details.setObjectName("availabilityDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.details)
        self.tone = Tone.NEUTRAL

    def show_panel(self, panel: AvailabilityPanel) -> None:
        self.tone = panel.tone
        self.headline.setText(panel.headline)
        self.details.setText("\n".join(panel.details))
        self.details.setVisible(bool(panel.details))
        self.setStyleSheet(
            f"QFrame#availabilityPanel {{ background: {TONE_BACKGROUND[panel.tone].name()};"
            f" border: 1px solid {TONE_TEXT[panel.tone].name()}; border-radius: 6px; }}"
            f" QLabel {{ color: {TONE_TEXT[panel.tone].name()}; background: transparent; }}"
        )


class SuggestedDates(QWidget):
    """One button per free date; a click moves the form to that date."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestedDates")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = plain_label()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        layout.addLayout(self._row)
        self.buttons: list[QPushButton] = []

    def show_dates(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        for button in self.buttons:
            self._row.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        while self._row.count():
            self._row.takeAt(0)
        for suggestion in dates:
            button = QPushButton(suggestion.text)
            button.setProperty("suggestion", True)
            button.setToolTip(self.tr("Move the booking to this date"))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, day=suggestion.date: self.chosen.emit(day))
            self._row.addWidget(button)
            self.buttons.append(button)
        self._row.addStretch(1)
        self.title.setText(title)
        self.setVisible(bool(title or dates))


class BookingForm(QGroupBox):
    """Client, participants, offer and notes (the presenters' BookingFormView)."""

    client_chosen = Signal(object)
    participants_changed = Signal(int)
    offer_chosen = Signal(object)
    notes_changed = Signal(str)
    suggestion_chosen = Signal(object)
    create_requested = Signal()
    #: "New client…" was pressed; the text typed in the client box when it names no client.
    new_client_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Booking"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.request_label = plain_label()
        self.request_label.setObjectName("requestLabel")
        self.request_label.setWordWrap(True)
        layout.addWidget(self.request_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("clientCombo")
        self.client_combo.setEditable(True)
        self.client_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.client_combo.setMaxVisibleItems(15)
        # A long client name must not widen the whole form: the list shows it in full.
        self.client_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.client_combo.setMinimumContentsLength(8)
        completer = QCompleter(self.client_combo.model(), self.client_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.client_combo.setCompleter(completer)
        line_edit = self.client_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type to search clients…"))
            line_edit.setClearButtonEnabled(True)
        self.new_client_button = QPushButton(icon("new-client"), self.tr("New client…"))
        self.new_client_button.setObjectName("newClientButton")
        self.new_client_button.setToolTip(
            self.tr("Add a client who is not in the list yet: name, e-mail and phone.")
        )
        client_row = QHBoxLayout()
        client_row.setSpacing(6)
        client_row.addWidget(self.client_combo, 1)
        client_row.addWidget(self.new_client_button)
        client_label = QLabel(self.tr("&Client:"))
        client_label.setBuddy(self.client_combo)
        form.addRow(client_label, client_row)

        self.participants_spin = QSpinBox()
        self.participants_spin.setObjectName("participantsSpin")
        self.participants_spin.setRange(1, PARTICIPANTS_LIMIT)
        self.participants_spin.setAccelerated(True)
        self.participants_spin.setMinimumWidth(90)
        self.participants_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("&Participants:"), self.participants_spin)

        self.offer_combo = QComboBox()
        self.offer_combo.setObjectName("offerCombo")
        self.offer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.offer_combo.setMinimumContentsLength(8)
        form.addRow(self.tr("&Offer:"), self.offer_combo)

        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setMaxLength(MAX_TEXT_LENGTH)
        self.notes_edit.setPlaceholderText(self.tr("Optional: site address, contact on the day…"))
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout.addLayout(form)

        self.availability_panel = AvailabilityPanelWidget()
        layout.addWidget(self.availability_panel)
        self.suggested_dates = SuggestedDates()
        layout.addWidget(self.suggested_dates)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.created_label = plain_label()
        self.created_label.setObjectName("createdLabel")
        self.created_label.setWordWrap(True)
        self.created_label.setStyleSheet(f"color: {TONE_TEXT[Tone.GOOD].name()};")
        buttons.addWidget(self.created_label, 1)
        self.create_button = QPushButton(icon("new-booking"), self.tr("Create booking"))
        self.create_button.setObjectName("createBookingButton")
        self.create_button.setProperty("primary", True)
        self.create_button.setEnabled(False)
        buttons.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(buttons)

        self.client_combo.currentIndexChanged.connect(self._client_index_changed)
        self.client_combo.editTextChanged.connect(self._client_text_changed)
        self.participants_spin.valueChanged.connect(self.participants_changed)
        self.offer_combo.currentIndexChanged.connect(self._offer_index_changed)
        self.notes_edit.textChanged.connect(self.notes_changed)
        self.suggested_dates.chosen.connect(self.suggestion_chosen)
        self.create_button.clicked.connect(self.create_requested)
        self.new_client_button.clicked.connect(self._new_client_clicked)

    # -- the client combo: pick from the list, or type part of a name ---------------------

    def _client_index_changed(self, index: int) -> None:
        if index >= 0 and self.client_combo.itemText(index) == self.client_combo.currentText():
            self.client_chosen.emit(self.client_combo.itemData(index))

    def _client_text_changed(self, text: str) -> None:
        current = self.client_combo.currentIndex()
        if current >= 0 and self.client_combo.itemText(current) == text:
            self.client_chosen.emit(self.client_combo.itemData(current))
            return
        index = self.client_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        self.client_chosen.emit(self.client_combo.itemData(index) if index >= 0 else None)

    def _new_client_clicked(self) -> None:
        text = self.client_combo.currentText().strip()
        known = self.client_combo.findText(text, Qt.MatchFlag.MatchFixedString) >= 0
        self.new_client_requested.emit("" if known else text)

    def choose_client(self, client_id: str) -> None:
        """Select a client by id, as picking it from the list does."""
        self.client_combo.setCurrentIndex(self.client_combo.findData(client_id))

    def _offer_index_changed(self, index: int) -> None:
        self.offer_chosen.emit(self.offer_combo.itemData(index) if index >= 0 else None)

    # -- BookingFormView -----------------------------------------------------------------

    def show_clients(self, clients: Sequence[Choice], selected_id: str | None) -> None:
        with QSignalBlocker(self.client_combo):
            self.client_combo.clear()
            for client in clients:
                self.client_combo.addItem(client.text, client.id)
            self.client_combo.setCurrentIndex(self.client_combo.findData(selected_id))
            if selected_id is None:
                self.client_combo.setEditText("")

    def show_offers(self, offers: Sequence[Choice], selected_id: str | None) -> None:
        with QSignalBlocker(self.offer_combo):
            self.offer_combo.clear()
            self.offer_combo.addItem(self.tr("No offer"), None)
            for offer in offers:
                self.offer_combo.addItem(offer.text, offer.id)
            self.offer_combo.setCurrentIndex(max(0, self.offer_combo.findData(selected_id)))

    def show_participants(self, count: int) -> None:
        with QSignalBlocker(self.participants_spin):
            self.participants_spin.setValue(count)

    def show_notes(self, text: str) -> None:
        with QSignalBlocker(self.notes_edit):
            self.notes_edit.setText(text)

    def show_request(self, text: str) -> None:
        self.request_label.setText(text)

    def show_availability(self, panel: AvailabilityPanel) -> None:
        self.availability_panel.show_panel(panel)

    def show_suggestions(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        self.suggested_dates.show_dates(title, dates)

    def set_create_enabled(self, enabled: bool, hint: str) -> None:
        self.create_button.setEnabled(enabled)
        self.create_button.setToolTip(hint)

    def show_created(self, text: str) -> None:
        self.created_label.setText(text)
