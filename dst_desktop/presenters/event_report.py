"""The office's report after File ▸ Import event bookings (SPEC 7), for people.

What needs a person's attention comes first: bookings whose day the office has taken
meanwhile (imported anyway; the client must be offered another date), rejected bookings
with their reason, and clients whose event data differ from the office's (the office's
are kept). Then what simply went well: new clients, imported and already present bookings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from dst_desktop.domain.model import Session
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.exchange import BookingsImported

#: Imported and already present bookings are listed up to this many (they are all in the
#: pending queue or the bookings browser anyway); the other sections list everything.
LISTED_AT_MOST = 500


class ReportSectionKind(Enum):
    NO_AVAILABILITY = "no_availability"
    REJECTED = "rejected"
    CLIENT_DIFFERENCES = "client_differences"
    CLIENTS_ADDED = "clients_added"
    IMPORTED = "imported"
    ALREADY_PRESENT = "already_present"


@dataclass(frozen=True, slots=True)
class ReportSection:
    kind: ReportSectionKind
    title: str
    note: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    tone: Tone
    #: Entries of the section not listed in ``rows`` (see :data:`LISTED_AT_MOST`).
    not_listed: int = 0


@dataclass(frozen=True, slots=True)
class EventImportReport:
    title: str
    summary: str
    tone: Tone
    #: Each outcome with its count, zeros included, in the order of SPEC 7.
    counts: tuple[tuple[str, int], ...]
    #: Only the sections that have entries.
    sections: tuple[ReportSection, ...]

    def section(self, kind: ReportSectionKind) -> ReportSection | None:
        return next((s for s in self.sections if s.kind is kind), None)

    def text(self) -> str:
        """The whole report as plain text (to paste into a mail or a ticket)."""
        lines = [self.title, "", self.summary, ""]
        lines += [f"{label}: {count}" for label, count in self.counts]
        for section in self.sections:
            lines += ["", section.title, section.note, " | ".join(section.headers)]
            lines += [" | ".join(row) for row in section.rows]
            if section.not_listed:
                lines.append(f"… +{section.not_listed}")
        return "\n".join(lines) + "\n"


def event_import_report(
    report: BookingsImported,
    sessions: Mapping[str, Session],
    catalogue: Catalogue,
    l10n: Localizer,
) -> EventImportReport:
    """The report of ``report``; ``sessions`` are the office's sessions it names, by id."""
    translate = l10n.translate

    def booking_rows(session_ids: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        rows = []
        for session_id in session_ids:
            session = sessions.get(session_id)
            if session is None:
                rows.append(("—", "—", "—", session_id))
                continue
            rows.append(
                (
                    l10n.date_text(session.date),
                    catalogue.client_name(session.client_id),
                    catalogue.region_name(session.region_id),
                    session_id,
                )
            )
        return tuple(rows)

    booking_headers = (
        translate("EventImportReport", "Date"),
        translate("EventImportReport", "Client"),
        translate("EventImportReport", "Region"),
        translate("EventImportReport", "Reference"),
    )

    def other_dates(session_id: str) -> str:
        """The dates to offer instead of a day taken meanwhile, or a dash."""
        alternatives = report.available_alternatives.get(session_id, [])
        return ", ".join(l10n.date_text(dt.date.fromisoformat(day)) for day in alternatives) or "—"

    field_names = {
        "name": translate("EventImportReport", "name"),
        "email": translate("EventImportReport", "e-mail"),
        "phone": translate("EventImportReport", "phone"),
    }

    sections: list[ReportSection] = []
    if report.no_availability_now:
        sections.append(
            ReportSection(
                ReportSectionKind.NO_AVAILABILITY,
                fill(
                    translate("EventImportReport", "No availability any more (%1)"),
                    len(report.no_availability_now),
                ),
                translate(
                    "EventImportReport",
                    "Imported as pending, but the office has taken the day meanwhile: offer "
                    "these clients another date.",
                ),
                (*booking_headers, translate("EventImportReport", "Other dates")),
                tuple(
                    (*row, other_dates(session_id))
                    for row, session_id in zip(
                        booking_rows(report.no_availability_now),
                        report.no_availability_now,
                        strict=True,
                    )
                ),
                Tone.ATTENTION,
            )
        )
    if report.rejected:
        sections.append(
            ReportSection(
                ReportSectionKind.REJECTED,
                fill(translate("EventImportReport", "Rejected (%1)"), len(report.rejected)),
                translate("EventImportReport", "Not imported, for the reason given."),
                (
                    translate("EventImportReport", "Reference"),
                    translate("EventImportReport", "Reason"),
                ),
                tuple((item["sessionId"], item["reason"]) for item in report.rejected),
                Tone.BAD,
            )
        )
    if report.client_differences:
        sections.append(
            ReportSection(
                ReportSectionKind.CLIENT_DIFFERENCES,
                fill(
                    translate("EventImportReport", "Client differences (%1)"),
                    len(report.client_differences),
                ),
                translate(
                    "EventImportReport",
                    "The office's data was kept. If the event's is right, correct the client "
                    "in Data ▸ Reference data.",
                ),
                (
                    translate("EventImportReport", "Client"),
                    translate("EventImportReport", "Field"),
                    translate("EventImportReport", "Office (kept)"),
                    translate("EventImportReport", "Event"),
                ),
                tuple(
                    (
                        catalogue.client_name(item["clientId"]),
                        field_names.get(item["field"], item["field"]),
                        item["office"],
                        item["event"],
                    )
                    for item in report.client_differences
                ),
                Tone.ATTENTION,
            )
        )
    if report.clients_added:
        rows = []
        for client_id in report.clients_added:
            client = catalogue.client(client_id)
            if client is None:
                rows.append((client_id, "", "", client_id))
            else:
                rows.append((client.name, client.email, client.phone, client_id))
        sections.append(
            ReportSection(
                ReportSectionKind.CLIENTS_ADDED,
                fill(translate("EventImportReport", "New clients (%1)"), len(report.clients_added)),
                translate("EventImportReport", "Met at the event and added to the clients."),
                (
                    translate("EventImportReport", "Client"),
                    translate("EventImportReport", "E-mail"),
                    translate("EventImportReport", "Phone"),
                    translate("EventImportReport", "Reference"),
                ),
                tuple(rows),
                Tone.NEUTRAL,
            )
        )
    if report.imported:
        sections.append(
            ReportSection(
                ReportSectionKind.IMPORTED,
                fill(translate("EventImportReport", "Imported (%1)"), len(report.imported)),
                translate(
                    "EventImportReport",
                    "Waiting in the pending queue, their source marked Event: confirm them there.",
                ),
                booking_headers,
                booking_rows(report.imported[:LISTED_AT_MOST]),
                Tone.GOOD,
                max(0, len(report.imported) - LISTED_AT_MOST),
            )
        )
    if report.already_present:
        sections.append(
            ReportSection(
                ReportSectionKind.ALREADY_PRESENT,
                fill(
                    translate("EventImportReport", "Already present (%1)"),
                    len(report.already_present),
                ),
                translate(
                    "EventImportReport",
                    "Imported from this file before: left as they are, not duplicated.",
                ),
                booking_headers,
                booking_rows(report.already_present[:LISTED_AT_MOST]),
                Tone.NEUTRAL,
                max(0, len(report.already_present) - LISTED_AT_MOST),
            )
        )

    counts = (
        (translate("EventImportReport", "Imported"), len(report.imported)),
        (translate("EventImportReport", "Already present"), len(report.already_present)),
        (translate("EventImportReport", "Rejected"), len(report.rejected)),
        (
            translate("EventImportReport", "No availability any more"),
            len(report.no_availability_now),
        ),
        (translate("EventImportReport", "New clients"), len(report.clients_added)),
        (translate("EventImportReport", "Client differences"), len(report.client_differences)),
    )
    return EventImportReport(
        title=translate("EventImportReport", "Import event bookings"),
        summary=_summary(report, l10n),
        tone=_tone(report),
        counts=counts,
        sections=tuple(sections),
    )


def _tone(report: BookingsImported) -> Tone:
    if report.rejected:
        return Tone.BAD
    if report.no_availability_now or report.client_differences:
        return Tone.ATTENTION
    return Tone.GOOD if report.imported else Tone.NEUTRAL


def _summary(report: BookingsImported, l10n: Localizer) -> str:
    translate = l10n.translate
    imported = len(report.imported)
    if imported == 0:
        if report.already_present and not report.rejected:
            head = translate(
                "EventImportReport",
                "Nothing new: every booking of this file was imported before.",
            )
        else:
            head = translate("EventImportReport", "No booking was imported.")
    elif report.source_device:
        head = fill(
            count_text(
                l10n,
                imported,
                translate(
                    "EventImportReport",
                    "%1 event booking taken on %2 was imported: it waits in the pending queue.",
                ),
                translate(
                    "EventImportReport",
                    "%1 event bookings taken on %2 were imported: they wait in the pending queue.",
                ),
            ),
            imported,
            report.source_device,
        )
    else:
        head = count_text(
            l10n,
            imported,
            translate(
                "EventImportReport",
                "%1 event booking was imported: it waits in the pending queue.",
            ),
            translate(
                "EventImportReport",
                "%1 event bookings were imported: they wait in the pending queue.",
            ),
        )
    parts = [head]
    if report.no_availability_now:
        parts.append(
            count_text(
                l10n,
                len(report.no_availability_now),
                translate(
                    "EventImportReport",
                    "%1 has no availability at the office any more: offer the client another date.",
                ),
                translate(
                    "EventImportReport",
                    "%1 have no availability at the office any more: offer those clients "
                    "another date.",
                ),
            )
        )
    if report.rejected:
        parts.append(
            count_text(
                l10n,
                len(report.rejected),
                translate("EventImportReport", "%1 booking was rejected."),
                translate("EventImportReport", "%1 bookings were rejected."),
            )
        )
    return " ".join(parts)
