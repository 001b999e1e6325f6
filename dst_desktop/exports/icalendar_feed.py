"""Calendar feeds (RFC 5545) with the ``icalendar`` library: one all-day event per session.

Each event's ``UID`` comes from the session id, so a calendar program that imports the
file again updates its events instead of duplicating them; ``SEQUENCE`` grows with each
change of the session, so the newer version wins; ``STATUS`` is TENTATIVE (a request),
CONFIRMED or CANCELLED (the calendar strikes it out or removes it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

PRODUCT_ID = "-//DST//DST Desktop//EN"


class CalendarItem(Protocol):
    """What one event is made of (``dst_desktop.services.reports.CalendarEntry``)."""

    @property
    def uid(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def sequence(self) -> int: ...
    @property
    def last_modified(self) -> dt.datetime: ...
    @property
    def record(self) -> SessionFacts: ...


class SessionFacts(Protocol):
    @property
    def client(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def modules(self) -> tuple[str, ...]: ...
    @property
    def setup(self) -> str: ...
    @property
    def operator(self) -> str: ...
    @property
    def session(self) -> SessionLike: ...


class SessionLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def requested_participants(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def notes(self) -> str: ...
    @property
    def status(self) -> object:
        """The session's status; its ``value`` (``completed``…) keys
        :attr:`CalendarWording.session_statuses`."""
        ...


@dataclass(frozen=True, slots=True)
class CalendarWording:
    """The words of the events, in the reader's language (English by default)."""

    setup: str = "Setup"
    operator: str = "Operator"
    participants: str = "Participants"
    reference: str = "Reference"
    not_allocated: str = "not allocated yet"
    notes: str = "Notes"
    #: By RFC 5545 status: how the description says it.
    statuses: dict[str, str] = field(
        default_factory=lambda: {
            "TENTATIVE": "Request awaiting confirmation",
            "CONFIRMED": "Confirmed",
            "CANCELLED": "Cancelled",
        }
    )
    #: By session status, for the missions whose RFC 5545 status (CONFIRMED) says less
    #: than their own: scheduled, in progress, completed.
    session_statuses: dict[str, str] = field(
        default_factory=lambda: {
            "scheduled": "Scheduled",
            "in_progress": "In progress",
            "completed": "Completed",
        }
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) or aware moment, as an aware UTC moment."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def summary_text(item: CalendarItem) -> str:
    facts = item.record
    modules = ", ".join(facts.modules)
    return f"{facts.client} — {modules}" if modules else facts.client


def description_text(item: CalendarItem, wording: CalendarWording) -> str:
    facts = item.record
    own = str(getattr(facts.session.status, "value", facts.session.status))
    status = wording.session_statuses.get(own) or wording.statuses.get(item.status, item.status)
    lines = [
        status,
        f"{wording.setup}: {facts.setup or wording.not_allocated}",
        f"{wording.operator}: {facts.operator or wording.not_allocated}",
        f"{wording.participants}: {facts.session.requested_participants}",
        f"{wording.reference}: {facts.session.id}",
    ]
    if facts.session.notes:
        lines.append(f"{wording.notes}: {facts.session.notes}")
    return "\n".join(lines)


def calendar_bytes(
    items: Sequence[CalendarItem],
    name: str,
    stamp: dt.datetime,
    wording: CalendarWording | None = None,
) -> bytes:
    """The ``.ics`` file of ``items``; ``name`` titles the calendar, ``stamp`` is now."""
    from icalendar import Calendar, Event

    wording = wording or CalendarWording()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamped = _utc(stamp).replace(microsecond=0)
    for item in items:
        facts = item.record
        day = facts.session.date
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamped)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary_text(item))
        event.add("location", facts.region)
        event.add("description", description_text(item, wording))
        event.add("status", item.status)
        event.add("sequence", item.sequence)
        event.add("created", _utc(facts.session.created_at))
        event.add("last-modified", _utc(item.last_modified))
        event.add("transp", "TRANSPARENT" if item.status == "CANCELLED" else "OPAQUE")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
