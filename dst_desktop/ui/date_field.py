"""A date the user types as they write dates, or picks in a calendar.

``QDateEdit`` edits a date section by section: a user who selects its text and types
``12/12/2026`` gets 20/12/2026 (the day section keeps its first digit). A
:class:`DateField` reads what was typed as a whole, in the order of the user's locale
(day-month-year in France and Britain, month-day-year in the United States), with any
separator, a two-digit year or none (``12/12``: this year), or ISO ``2026-12-12``.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from dst_desktop.presenters.l10n import fill
from dst_desktop.ui.l10n import from_qdate, short_date_format, to_qdate

_DIGITS = re.compile(r"\d+")


def field_order(locale: QLocale) -> str:
    """``dmy``, ``mdy`` or ``ymd``: the order of day, month and year in the locale's dates."""
    pattern = short_date_format(locale)
    firsts = {letter: pattern.find(letter) for letter in "dMy" if letter in pattern}
    order = "".join(sorted(firsts, key=lambda letter: firsts[letter])).lower()
    return order if sorted(order) == ["d", "m", "y"] else "dmy"


def parse_date(text: str, order: str, today: dt.date) -> dt.date | None:
    """The date ``text`` means, typed in the ``order`` of the user's locale; None if none.

    ``12/12/2026``, ``12.12.26``, ``12 12 2026``, ``12122026``, ``121226``, ``12/12``
    (this year) and ISO ``2026-12-12`` all work.
    """
    groups = _DIGITS.findall(text)
    if len(groups) == 1 and len(groups[0]) in (6, 8):
        digits = groups[0]
        year_length = len(digits) - 4
        lengths = {"d": 2, "m": 2, "y": year_length}
        groups, position = [], 0
        for letter in order:
            groups.append(digits[position : position + lengths[letter]])
            position += lengths[letter]
    if len(groups) == 3 and len(groups[0]) == 4:
        order = "ymd"  # ISO, whatever the locale
    if len(groups) == 2:
        groups = [*groups, str(today.year)]
        order = order.replace("y", "") + "y"
    if len(groups) != 3:
        return None
    values = dict(zip(order, (int(group) for group in groups), strict=True))
    year = values["y"]
    if len(groups[order.index("y")]) <= 2:
        year += 2000
    try:
        return dt.date(year, values["m"], values["d"])
    except ValueError:
        return None


class DateField(QWidget):
    """A date: typed in the user's format (checked when the field is left or Enter is
    pressed), stepped a day at a time with the arrow keys, or picked in a calendar (the
    button, or Alt+Down)."""

    #: The date changed (a ``datetime.date``).
    date_changed = Signal(object)
    #: Enter was pressed on a valid date.
    return_pressed = Signal()

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = day or dt.date.today()
        self._tip = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName("dateText")
        locale = QLocale()
        self._format = short_date_format(locale)
        self._order = field_order(locale)
        self.edit.setPlaceholderText(self._format.lower())
        width = self.edit.fontMetrics().horizontalAdvance(self._text(dt.date(2025, 12, 28)))
        self.edit.setMinimumWidth(width + 16)
        self.edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.edit, 1)
        self.button = QToolButton()
        self.button.setObjectName("dateButton")
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it too
        self.button.setToolTip(self.tr("Choose the date in a calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Choose the date in a calendar"))
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.setText(self._text(self._date))
        self.edit.editingFinished.connect(self._read)
        self.edit.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self._calendar: QCalendarWidget | None = None

    def _text(self, day: dt.date) -> str:
        return QLocale().toString(to_qdate(day), self._format)

    # -- the date ------------------------------------------------------------------------

    def date(self) -> dt.date:
        return self._date

    def set_date(self, day: dt.date) -> None:
        """Show ``day``; ``date_changed`` only when it is another date."""
        self.edit.setText(self._text(day))
        self._set_valid(True)
        if day != self._date:
            self._date = day
            self.date_changed.emit(day)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        self.edit.setAccessibleDescription(description)

    def setToolTip(self, text: str) -> None:
        self._tip = text
        super().setToolTip(text)
        self.edit.setToolTip(text)

    def _read(self) -> bool:
        """Take the typed text as the date; say so when it is not one."""
        day = parse_date(self.edit.text(), self._order, self._date)
        if day is None:
            self._set_valid(False)
            return False
        self.set_date(day)
        return True

    def read_typed(self) -> bool:
        """Take what was typed as the date (as leaving the field does); False, and the
        field marked, when it is not a date — the date stays the last valid one."""
        return self._read()

    def problem_text(self) -> str:
        """What to say of text that is not a date."""
        example = self._text(dt.date(2026, 12, 31))
        return fill(self.tr("Not a date: type it as %1, or choose it in the calendar."), example)

    def _set_valid(self, valid: bool) -> None:
        self.edit.setProperty("invalid", not valid)
        self.edit.setToolTip(self._tip if valid else self.problem_text())
        style = self.edit.style()
        style.unpolish(self.edit)
        style.polish(self.edit)

    def is_valid(self) -> bool:
        return not self.edit.property("invalid")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._read():
                    self.return_pressed.emit()
                return True
            if key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier:
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self._read():
                step = 1 if key == Qt.Key.Key_Up else -1
                self.set_date(self._date + dt.timedelta(days=step))
                return True
        return super().eventFilter(watched, event)

    # -- the calendar --------------------------------------------------------------------

    def open_calendar(self) -> None:
        self._read()
        if self._calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setObjectName("datePopup")
            calendar.setGridVisible(False)
            calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            calendar.activated.connect(self._picked)
            calendar.clicked.connect(self._picked)
            self._calendar = calendar
        calendar = self._calendar
        calendar.setSelectedDate(to_qdate(self._date))
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()

    def _picked(self, day: object) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.set_date(from_qdate(day))  # type: ignore[arg-type]
        self.edit.setFocus()
