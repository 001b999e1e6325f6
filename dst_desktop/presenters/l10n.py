"""How presenters speak the user's language without importing Qt.

Presenters receive a :class:`Localizer`. Its ``translate(context, source)`` has the
signature of ``QCoreApplication.translate``, and presenters always call it as
``self._l10n.translate("Context", "Literal text")`` so that ``pyside6-lupdate`` extracts
the text into the ``.ts`` file like any Qt string. Placeholders are Qt's ``%1``, ``%2``,
filled with :func:`fill`. A text that depends on a count has a singular and a plural
source text, chosen by :func:`count_text` with the language's own rule (French says
"0 réservation", English "0 bookings"); every version of lupdate extracts both.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from dst_desktop.domain.names import visible_text

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``QString.arg`` for plain strings: ``fill("%1 of %2", 3, 5) == "3 of 5"``.

    One pass, so a value that itself contains ``%2`` is never substituted again.
    """

    def replace(match: re.Match[str]) -> str:
        position = int(match.group(1))
        if position > len(values):
            return match.group(0)
        # A name or a note in a message: no hidden character reorders or hides it.
        return visible_text(str(values[position - 1]))

    return _PLACEHOLDER.sub(replace, template)


class Localizer(Protocol):
    """Translation and locale-aware formatting, as the presenters need them."""

    def translate(self, context: str, source: str, disambiguation: str | None = None) -> str:
        """The translation of ``source`` in the interface language."""

    def is_singular(self, count: int) -> bool:
        """Whether ``count`` takes the singular in the interface language."""

    def date_text(self, day: dt.date) -> str:
        """A date as the user writes it (``10/03/2025`` in France)."""

    def long_date_text(self, day: dt.date) -> str:
        """A date spelled out with its weekday (``lundi 10 mars 2025``)."""

    def timestamp_text(self, at: dt.datetime) -> str:
        """A stored UTC timestamp (naive) shown in the user's time zone and format."""


def count_text(l10n: Localizer, count: int, singular: str, plural: str) -> str:
    """``singular`` or ``plural`` (both already translated), with ``%1`` set to ``count``."""
    return fill(singular if l10n.is_singular(count) else plural, count)


class PlainLocalizer:
    """English source texts and ISO dates: for tests and for use without Qt."""

    def translate(self, context: str, source: str, disambiguation: str | None = None) -> str:
        return source

    def is_singular(self, count: int) -> bool:
        return count == 1

    def date_text(self, day: dt.date) -> str:
        return day.isoformat()

    def long_date_text(self, day: dt.date) -> str:
        return f"{day:%A} {day.isoformat()}"

    def timestamp_text(self, at: dt.datetime) -> str:
        return at.replace(microsecond=0).isoformat(sep=" ") + " UTC"
