"""The documents behind every Print button: a booking summary or a day sheet, read from
the database and rendered for printing, with no Qt involved.

The window and ``dst-desktop print-summary`` / ``day-sheet`` both ask
:class:`PrintDocuments`, then hand the :class:`~dst_desktop.reports.PrintDocument` to
:mod:`dst_desktop.ui.printing`::

    documents = PrintDocuments(workflows, language="fr")
    document = documents.booking_summary("sess_1708418400000_a1b2c3d4e")
    document = documents.day_sheet(datetime.date(2025, 3, 10), region_id="occitanie")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.model import SessionFilter
from dst_desktop.domain.statuses import RESOURCE_HOLDING
from dst_desktop.reports import (
    BookingSummary,
    CompanyHeader,
    Language,
    PrintDocument,
    ReportContext,
    booking_summary_document,
    build_day_sheet,
    day_sheet_document,
)
from dst_desktop.reports.i18n import Translate, Wording
from dst_desktop.services.results import Failure
from dst_desktop.services.workflows import Workflows


class DocumentSource(Protocol):
    """Where the window's print commands get their documents (:class:`PrintDocuments`)."""

    def booking_summary(self, session_id: str) -> PrintDocument: ...
    def day_sheet(self, day: dt.date, region_id: str | None = None) -> PrintDocument: ...


class DocumentUnavailableError(Exception):
    """The document cannot be made (unknown booking or region); the message says why."""


def local_now() -> dt.datetime:
    """The moment of printing, in the computer's time zone."""
    return dt.datetime.now().astimezone()


class PrintDocuments:
    """Makes printable documents from one database, in one language."""

    def __init__(
        self,
        workflows: Workflows,
        language: Language,
        *,
        now: Callable[[], dt.datetime] = local_now,
        translate: Translate | None = None,
        company: CompanyHeader | None = None,
        zone: dt.tzinfo | None = None,
    ) -> None:
        """``zone`` is where the reader's clocks are (None: the computer's time zone)."""
        self._workflows = workflows
        self._zone = zone
        self._language: Language = language
        self._now = now
        self._translate = translate
        self._company = company
        self._wording = Wording(language, translate)

    def _context(self) -> ReportContext:
        return ReportContext.create(
            self._language, self._now(), self._translate, self._company, self._zone
        )

    def booking_summary(self, session_id: str) -> PrintDocument:
        """The one-page summary of one booking, whatever its status."""
        status = self._workflows.booking.get_booking_status(session_id)
        if isinstance(status, Failure):
            if status.error is ErrorCode.NOT_FOUND:
                raise DocumentUnavailableError(self._wording("No booking {id}.", id=session_id))
            raise DocumentUnavailableError(status.message)
        return booking_summary_document(BookingSummary.from_details(status), self._context())

    def day_sheet(self, day: dt.date, region_id: str | None = None) -> PrintDocument:
        """Every resource-holding session of ``day``, in one region or (None) all regions."""
        queries = self._workflows.queries
        reference = queries.reference()
        region = None
        if region_id is not None:
            region = next((item for item in reference.regions if item.id == region_id), None)
            if region is None:
                known = ", ".join(item.id for item in reference.regions) or "—"
                raise DocumentUnavailableError(
                    self._wording(
                        "No region {id}. Known regions: {known}.", id=region_id, known=known
                    )
                )
        sessions = queries.sessions(
            SessionFilter(
                statuses=RESOURCE_HOLDING,
                region_id=region_id,
                date_from=day,
                date_to=day,
            )
        )
        sheet = build_day_sheet(day, region, sessions, reference)
        return day_sheet_document(sheet, self._context())
