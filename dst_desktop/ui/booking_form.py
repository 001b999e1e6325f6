"""The booking form, its live availability panel and the suggested dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import zip_longest

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.booking_form import SUGGESTION_COUNT, AvailabilityPanel, SuggestedDate
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.input_limits import MAX_PARTICIPANTS, MAX_TEXT_LENGTH
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui.accessible import describe
from dst_desktop.ui.elided_label import ElidedLabel
from dst_desktop.ui.icons import icon, icon_on_dark
from dst_desktop.ui.l10n import long_day_text, short_day_text
from dst_desktop.ui.plain_text import plain_label
from dst_desktop.ui.theme import PANE_MARGINS, TONE_BACKGROUND, TONE_TEXT

#: The spin box stops far below the service's own bound; no session is that large.
PARTICIPANTS_LIMIT = min(MAX_PARTICIPANTS, 999)
#: The free dates always shown when there are that many; more when the row has room.
MIN_DATES_SHOWN = 3
#: The verdict's column is at least this wide (px): its longest texts take two lines.
VERDICT_MIN_WIDTH = 270
#: The availability panel has room for this many lines of text.
PANEL_LINES = 5


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
        layout.addStretch(1)
        self.tone = Tone.NEUTRAL
        # Room for the longest verdict (a headline on two lines and three figures) from
        # the start: the panel's height never depends on what it says.
        margins = layout.contentsMargins()
        lines = PANEL_LINES * self.fontMetrics().lineSpacing()
        self.setMinimumHeight(lines + layout.spacing() + margins.top() + margins.bottom() + 2)

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
    """One button per free date; a click moves the form to that date.

    The row is always there, empty when the day can be booked, and its buttons exist
    from the start and are only shown or hidden: the form keeps its width and height, and
    the panes do not move when free dates appear.
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestedDates")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.title = ElidedLabel()
        self.title.setObjectName("suggestedDatesTitle")
        layout.addWidget(self.title)
        self._row = QHBoxLayout()
        self._row.setSpacing(5)
        layout.addLayout(self._row)
        self._dates: list[dt.date] = []
        self._pool: list[QPushButton] = []
        for number in range(SUGGESTION_COUNT):
            button = QPushButton()
            button.setObjectName(f"suggestedDate{number + 1}")
            button.setProperty("suggestion", True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, n=number: self.chosen.emit(self._dates[n]))
            button.setVisible(False)
            self._row.addWidget(button)
            self._pool.append(button)
        self._row.addStretch(1)
        #: The buttons of the dates shown, in order.
        self.buttons: list[QPushButton] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def show_dates(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        self._dates = [suggestion.date for suggestion in dates[: len(self._pool)]]
        self.buttons = []
        for button, suggestion in zip_longest(self._pool, dates[: len(self._pool)]):
            if suggestion is None:
                continue
            button.setText(short_day_text(suggestion.date))
            tip = fill(self.tr("Move the booking to %1"), long_day_text(suggestion.date))
            button.setToolTip(tip)
            button.setAccessibleName(suggestion.text)
            button.setAccessibleDescription(tip)
            self.buttons.append(button)
        self.title.setText(title)
        self._show_what_fits()

    def _show_what_fits(self) -> None:
        """The first dates, as many as the row has room for (at least three)."""
        room = self.contentsRect().width()
        used = 0
        for number, button in enumerate(self._pool):
            width = button.sizeHint().width() + self._row.spacing()
            fits = number < len(self.buttons) and (number < MIN_DATES_SHOWN or used + width <= room)
            if fits:
                used += width
            button.setVisible(fits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_what_fits()

    def sizeHint(self) -> QSize:
        """As high with no date as with five: the form keeps its height."""
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        height = self.title.minimumSizeHint().height() + spacing + self._pool[0].sizeHint().height()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def least_width(self) -> int:
        """The width of the fewest dates the row shows: the least the form gives the row."""
        sample = self._pool[0]
        shown = sample.text()
        widest = 0
        for month in range(1, 13):
            sample.setText(short_day_text(dt.date(2025, month, 28)))
            widest = max(widest, sample.sizeHint().width())
        sample.setText(shown)
        return MIN_DATES_SHOWN * (widest + self._row.spacing())


class NotesEdit(QPlainTextEdit):
    """A few lines of notes; Tab moves on to the next field, as in any form."""

    LINES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._keep_within_limit)

    def _keep_within_limit(self) -> None:
        text = self.toPlainText()
        if len(text) > MAX_TEXT_LENGTH:
            cursor = self.textCursor()
            position = min(cursor.position(), MAX_TEXT_LENGTH)
            self.setPlainText(text[:MAX_TEXT_LENGTH])
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        document = self.document().documentMargin()
        height = self.LINES * self.fontMetrics().lineSpacing() + 2 * document
        return QSize(super().sizeHint().width(), int(height) + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class BookingForm(QGroupBox):
    """Client, participants, offer and notes (the presenters' BookingFormView).

    Two columns under the heading: the fields on the left, the availability verdict, the
    free dates and "Create booking" on the right. Every part has a height of its own
    that does not depend on its text, so the form is never crushed and never grows.
    """

    client_chosen = Signal(object)
    participants_changed = Signal(int)
    offer_chosen = Signal(object)
    notes_changed = Signal(str)
    suggestion_chosen = Signal(object)
    create_requested = Signal()
    #: "New client…" was pressed; the text typed in the client box when it names no client.
    new_client_requested = Signal(str)
    #: Enter was pressed in a field while "Create booking" cannot be used: why not.
    create_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Booking"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PANE_MARGINS)
        layout.setSpacing(6)
        self.request_label = ElidedLabel()
        self.request_label.setObjectName("requestLabel")
        layout.addWidget(self.request_label)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        layout.addLayout(columns, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(6)
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
        self.completer = QCompleter(self.client_combo.model(), self.client_combo)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.client_combo.setCompleter(self.completer)
        line_edit = self.client_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type to search clients…"))
            line_edit.setClearButtonEnabled(True)
            # Left, a long name shows its beginning again.
            line_edit.editingFinished.connect(lambda: line_edit.setCursorPosition(0))
        self.new_client_button = QToolButton()
        self.new_client_button.setIcon(icon("new-client"))
        self.new_client_button.setText(self.tr("New client…"))
        self.new_client_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.new_client_button.setObjectName("newClientButton")
        self.new_client_button.setAccessibleName(self.tr("New client"))
        self.new_client_button.setToolTip(
            self.tr("New client…: add a client who is not in the list yet (name, e-mail, phone).")
        )
        client_row = QHBoxLayout()
        client_row.setSpacing(6)
        client_row.addWidget(self.client_combo, 1)
        client_row.addWidget(self.new_client_button)
        client_label = QLabel(self.tr("&Client:"))
        client_label.setBuddy(self.client_combo)
        form.addRow(client_label, client_row)
        describe(
            self.client_combo,
            self.tr("Client"),
            self.tr("Type part of the client's name: the list shows the clients that match."),
        )

        self.participants_spin = QSpinBox()
        self.participants_spin.setObjectName("participantsSpin")
        self.participants_spin.setRange(1, PARTICIPANTS_LIMIT)
        self.participants_spin.setAccelerated(True)
        self.participants_spin.setMinimumWidth(90)
        self.participants_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("&Participants:"), self.participants_spin)
        describe(
            self.participants_spin,
            self.tr("Participants"),
            self.tr("How many people take part; the modules chosen limit the number."),
        )

        self.offer_combo = QComboBox()
        self.offer_combo.setObjectName("offerCombo")
        self.offer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.offer_combo.setMinimumContentsLength(8)
        form.addRow(self.tr("&Offer:"), self.offer_combo)
        describe(
            self.offer_combo,
            self.tr("Offer"),
            self.tr("The commercial offer the booking refers to, if any."),
        )

        self.notes_edit = NotesEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setPlaceholderText(self.tr("Optional: site address, contact on the day…"))
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        describe(
            self.notes_edit,
            self.tr("Notes"),
            self.tr("Site address, contact on the day… Enter starts a new line; Tab moves on."),
        )
        fields = QVBoxLayout()
        fields.setSpacing(6)
        fields.addLayout(form)
        fields.addStretch(1)
        columns.addLayout(fields, 1)

        verdict = QVBoxLayout()
        verdict.setContentsMargins(0, 0, 0, 0)
        verdict.setSpacing(6)
        self.availability_panel = AvailabilityPanelWidget()
        verdict.addWidget(self.availability_panel, 1)
        self.suggested_dates = SuggestedDates()
        verdict.addWidget(self.suggested_dates)
        self.verdict_column = QWidget()
        self.verdict_column.setObjectName("verdictColumn")
        self.verdict_column.setLayout(verdict)
        # The verdict's column always has room for its texts and a row of free dates, so
        # that neither moves the panes when they appear.
        self.verdict_column.setMinimumWidth(
            max(VERDICT_MIN_WIDTH, self.suggested_dates.least_width())
        )
        columns.addWidget(self.verdict_column, 1)

        create_row = QHBoxLayout()
        create_row.setSpacing(10)
        self.created_label = QLabel()
        self.created_label.setObjectName("createdLabel")
        self.created_label.setTextFormat(Qt.TextFormat.PlainText)
        self.created_label.setWordWrap(True)
        self.created_label.setStyleSheet(f"color: {TONE_TEXT[Tone.GOOD].name()};")
        # Two lines, whatever the message: the form keeps its height.
        self.created_label.setFixedHeight(2 * self.created_label.fontMetrics().lineSpacing())
        self.created_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        create_row.addWidget(self.created_label, 1)
        self.create_button = QPushButton(icon_on_dark("new-booking"), self.tr("Create booking"))
        self.create_button.setObjectName("createBookingButton")
        self.create_button.setProperty("primary", True)
        self.create_button.setEnabled(False)
        #: Why "Create booking" cannot be used ("" when it can).
        self._create_hint = ""
        #: The button's tooltip when it can be used (the window's command sets it).
        self.create_tooltip = ""
        create_row.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(create_row)

        self.client_combo.currentIndexChanged.connect(self._client_index_changed)
        self.client_combo.editTextChanged.connect(self._client_text_changed)
        self.participants_spin.valueChanged.connect(self.participants_changed)
        self.offer_combo.currentIndexChanged.connect(self._offer_index_changed)
        self.notes_edit.textChanged.connect(
            lambda: self.notes_changed.emit(self.notes_edit.toPlainText())
        )
        self.suggested_dates.chosen.connect(self.suggestion_chosen)
        self.create_button.clicked.connect(self.create_requested)
        self.new_client_button.clicked.connect(self.request_new_client)
        for field in (self.client_combo, self.participants_spin, self.offer_combo, line_edit):
            if field is not None:
                field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a field creates the booking, as the default button of a dialog does."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not self._completion_shown()
        ):
            self.press_create()
            return True
        return super().eventFilter(watched, event)

    def _completion_shown(self) -> bool:
        """Whether the client completions are open: Enter then picks one, it does not create."""
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def press_create(self) -> None:
        """What Enter in the form and the Create booking command do."""
        if self.create_button.isEnabled():
            self.create_button.animateClick()
        else:
            self.create_refused.emit(self._create_hint)

    # -- the client combo: pick from the list, or type part of a name ---------------------

    def _client_index_changed(self, index: int) -> None:
        if index >= 0 and self.client_combo.itemText(index) == self.client_combo.currentText():
            self._show_start_of_name()
            self.client_chosen.emit(self.client_combo.itemData(index))

    def _show_start_of_name(self) -> None:
        """A name longer than the box shows its beginning, not its end."""
        line_edit = self.client_combo.lineEdit()
        if line_edit is not None and not line_edit.hasFocus():
            line_edit.setCursorPosition(0)

    def _client_text_changed(self, text: str) -> None:
        current = self.client_combo.currentIndex()
        if current >= 0 and self.client_combo.itemText(current) == text:
            self.client_chosen.emit(self.client_combo.itemData(current))
            return
        index = self.client_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        self.client_chosen.emit(self.client_combo.itemData(index) if index >= 0 else None)

    def request_new_client(self) -> None:
        """What "New client…" does: the name typed in the client box, if it is new."""
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
        self._show_start_of_name()
        self._fit_lists([client.text for client in clients])

    def _fit_lists(self, names: Sequence[str]) -> None:
        """The completions and the drop-down list show whole names, wider than the box
        when they need to (within half the screen)."""
        for view in (self.completer.popup(), self.client_combo.view()):
            if view is None:
                continue
            metrics = view.fontMetrics()
            widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
            scroll_bar = view.verticalScrollBar().sizeHint().width()
            screen = self.screen()
            most = screen.availableGeometry().width() // 2 if screen is not None else 800
            view.setMinimumWidth(min(widest + scroll_bar + 2 * view.frameWidth() + 24, most))

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
        if text != self.notes_edit.toPlainText():
            with QSignalBlocker(self.notes_edit):
                self.notes_edit.setPlainText(text)

    def show_request(self, text: str) -> None:
        self.request_label.setText(text)

    def show_availability(self, panel: AvailabilityPanel) -> None:
        self.availability_panel.show_panel(panel)

    def show_suggestions(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        self.suggested_dates.show_dates(title, dates)

    def set_create_enabled(self, enabled: bool, hint: str) -> None:
        self.create_button.setEnabled(enabled)
        self._create_hint = hint
        self.create_button.setToolTip(hint or self.create_tooltip)

    def show_created(self, text: str) -> None:
        self.created_label.setText(text)
