"""Printed documents as HTML for Qt's ``QTextDocument``: pure functions, no Qt.

- :func:`booking_summary_document` — the one-page booking summary for the client file;
- :func:`day_sheet_document` — who goes where with which setup on one date;
- :class:`ReportContext` — the language (English or French), the print date, the company.

Each answers a :class:`PrintDocument` (HTML plus the footer's texts) that
:mod:`dst_desktop.ui.printing` previews, prints or writes to PDF.
"""

from dst_desktop.reports.booking_summary import (
    BookingDetails,
    BookingSummary,
    booking_summary_document,
    booking_summary_html,
)
from dst_desktop.reports.day_sheet import (
    DaySheet,
    DaySheetEntry,
    DaySheetGroup,
    ReferenceData,
    build_day_sheet,
    day_sheet_document,
    day_sheet_html,
)
from dst_desktop.reports.document import CompanyHeader, PrintDocument, ReportContext
from dst_desktop.reports.i18n import FRENCH, LANGUAGES, Language, Wording, parse_language

__all__ = [
    "FRENCH",
    "LANGUAGES",
    "BookingDetails",
    "BookingSummary",
    "CompanyHeader",
    "DaySheet",
    "DaySheetEntry",
    "DaySheetGroup",
    "Language",
    "PrintDocument",
    "ReferenceData",
    "ReportContext",
    "Wording",
    "booking_summary_document",
    "booking_summary_html",
    "build_day_sheet",
    "day_sheet_document",
    "day_sheet_html",
    "parse_language",
]
