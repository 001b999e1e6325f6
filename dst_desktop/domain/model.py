"""The things of the booking domain, as immutable dataclasses (SPEC 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from dst_desktop.domain.permissions import Role
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus


@dataclass(frozen=True)
class Region:
    """An area served, e.g. ``occitanie``."""

    id: str
    name: str


@dataclass(frozen=True)
class Setup:
    """One mobile simulator kit, based in one region; one session per day at most."""

    id: str
    name: str
    region_id: str
    active: bool = True
    unavailable_dates: frozenset[dt.date] = field(default_factory=frozenset)

    def usable_on(self, day: dt.date) -> bool:
        """Active and not in maintenance on ``day``."""
        return self.active and day not in self.unavailable_dates


@dataclass(frozen=True)
class Operator:
    """A person who runs a setup on site; one home region; one session per day at most."""

    id: str
    name: str
    region_id: str
    active: bool = True
    unavailable_dates: frozenset[dt.date] = field(default_factory=frozenset)

    def usable_on(self, day: dt.date) -> bool:
        """Active and not on leave on ``day``."""
        return self.active and day not in self.unavailable_dates


@dataclass(frozen=True)
class Module:
    """A training content; ``capacity_max`` participants at most."""

    id: str
    name: str
    capacity_max: int


@dataclass(frozen=True)
class Client:
    """A customer company and how to reach it."""

    id: str
    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Offer:
    """A commercial package a booking may reference."""

    id: str
    name: str


@dataclass(frozen=True)
class Session:
    """One booking of one date in one region, through its whole life."""

    id: str
    client_id: str
    region_id: str
    date: dt.date
    module_ids: tuple[str, ...]
    requested_participants: int
    capacity_max: int
    status: SessionStatus
    booking_source: str
    created_at: dt.datetime
    offer_id: str | None = None
    notes: str = ""
    setup_id: str | None = None
    operator_id: str | None = None
    confirmed_at: dt.datetime | None = None
    scheduled_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None
    outcome: str | None = None
    cancellation_reason: str | None = None
    #: The laptop a booking was taken on at an event (``bookingSource: "event"``).
    source_device: str | None = None
    #: The session this one replaced when it was rescheduled (``previousSessionId``).
    previous_session_id: str | None = None
    #: How many participants attended, recorded when the mission is completed.
    attended_participants: int | None = None
    #: What the operator reported when completing the mission.
    completion_notes: str = ""

    @property
    def holds_resources(self) -> bool:
        """Whether the session's setup and operator are taken for its date."""
        return self.status in RESOURCE_HOLDING


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: when, who, what, on which session, with the details."""

    at: dt.datetime
    actor: str
    action: str
    session_id: str | None
    details: dict[str, object]


@dataclass(frozen=True)
class SessionFilter:
    """Which sessions to list; every criterion is optional and they combine with AND."""

    statuses: frozenset[SessionStatus] | None = None
    region_id: str | None = None
    client_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: Matched case-insensitively against the session id, the client's name and the notes.
    text: str | None = None
    #: Only these sessions (a window catching up with what another workstation changed).
    session_ids: frozenset[str] | None = None
    limit: int | None = None


@dataclass(frozen=True)
class AuditFilter:
    """Which audit entries to list (every criterion optional, combined with AND)."""

    session_id: str | None = None
    actor: str | None = None
    action: str | None = None
    #: Entries made on or after this day, and on or before ``last`` (UTC days).
    first: dt.date | None = None
    last: dt.date | None = None
    #: The newest ``limit`` entries only; None: all of them.
    limit: int | None = None


@dataclass(frozen=True)
class UserAccount:
    """A person's login on a team's database and their DST Desktop role (SPEC 10)."""

    login: str
    role: Role


#: An entry of the reference data, of any of its six kinds.
ReferenceItem = Region | Setup | Operator | Module | Client | Offer
#: What saving one reference item did: reference imports report all three.
SaveOutcome = Literal["added", "updated", "unchanged"]
