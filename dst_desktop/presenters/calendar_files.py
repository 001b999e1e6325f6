"""Writing the sessions of an operator, a setup or a region to an iCalendar file from the
window (SPEC 13), as ``dst-desktop export-ical`` does from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dst_desktop.exports.files import write_output
from dst_desktop.exports.icalendar_feed import CalendarWording, calendar_bytes
from dst_desktop.reports.i18n import Language, Wording
from dst_desktop.services.reports import Reports

#: The reference kinds that have a calendar, and the ``calendar_feed`` argument of each.
CALENDAR_SUBJECTS = {"operators": "operator_id", "setups": "setup_id", "regions": "region_id"}


def calendar_wording(language: Language) -> CalendarWording:
    """The words of the events' descriptions in ``language``."""
    words = Wording(language)
    return CalendarWording(
        setup=words("Setup"),
        operator=words("Operator"),
        participants=words("Participants"),
        reference=words("Reference"),
        not_allocated=words("not allocated yet"),
        notes=words("Notes"),
        statuses={
            "TENTATIVE": words("Request awaiting confirmation"),
            "CONFIRMED": words("Confirmed"),
            "CANCELLED": words("Cancelled"),
        },
        session_statuses={
            "scheduled": words("Scheduled"),
            "in_progress": words("In progress"),
            "completed": words("Completed"),
        },
    )


def write_calendar_file(
    reports: Reports, kind: str, item_id: str, path: Path, language: Language
) -> int:
    """Write every session of the operator, setup or region ``item_id`` (``kind`` one of
    :data:`CALENDAR_SUBJECTS`) to ``path``, replacing a file there (the file dialog has
    asked); return how many events. Raises ``OutputFileError`` when it cannot be written."""
    subject = CALENDAR_SUBJECTS[kind]
    feed = reports.calendar_feed(
        operator_id=item_id if subject == "operator_id" else None,
        setup_id=item_id if subject == "setup_id" else None,
        region_id=item_id if subject == "region_id" else None,
    )
    name = f"DST — {feed.subject}" if feed.subject else "DST"
    content = calendar_bytes(
        feed.entries, name, dt.datetime.now(dt.UTC), calendar_wording(language)
    )
    write_output(path, content, replace=True)
    return len(feed.entries)
