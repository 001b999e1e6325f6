"""The printing hook: what the window asks of printing, implemented elsewhere.

Printing (booking summary, day sheet: preview, print, PDF) is delivered separately in
``dst_desktop/reports/`` and ``dst_desktop/ui/printing.py``. The window receives an
implementation of :class:`BookingPrinting` through
``dst_desktop.app.create_main_window(..., printing_factory=...)``; until one is given,
every print command stays disabled and says why.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class BookingPrinting(Protocol):
    def print_booking_summary(self, session_id: str) -> None:
        """Offer preview, print and PDF of one booking's summary."""

    def print_day_sheet(self, day: dt.date, region_id: str | None) -> None:
        """Offer preview, print and PDF of a day sheet (all regions when None)."""
