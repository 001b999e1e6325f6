"""Read-only questions the screens ask: a month of availability, the pending queue,
the bookings browser, the reference lists. Each answer is one consistent snapshot."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    Session,
    SessionFilter,
    Setup,
)
from dst_desktop.domain.rules import DayAvailability
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.services.availability import AvailabilityEngine
from dst_desktop.services.clock import Clock
from dst_desktop.services.store import Store


@dataclass(frozen=True)
class ReferenceSnapshot:
    """Everything a booking form offers to choose from."""

    regions: tuple[Region, ...]
    modules: tuple[Module, ...]
    clients: tuple[Client, ...]
    offers: tuple[Offer, ...]
    setups: tuple[Setup, ...]
    operators: tuple[Operator, ...]

    def region_name(self, region_id: str) -> str:
        return next((r.name for r in self.regions if r.id == region_id), region_id)

    def client_name(self, client_id: str) -> str:
        return next((c.name for c in self.clients if c.id == client_id), client_id)


class BookingQueries:
    """Questions without side effects, answered from one read transaction each."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock.today()

    def reference(self) -> ReferenceSnapshot:
        with self._store.reading() as tx:
            return ReferenceSnapshot(
                regions=tuple(tx.regions()),
                modules=tuple(tx.modules()),
                clients=tuple(tx.clients()),
                offers=tuple(tx.offers()),
                setups=tuple(tx.setups(None)),
                operators=tuple(tx.operators(None)),
            )

    def month_availability(self, region_id: str, year: int, month: int) -> list[DayAvailability]:
        """Every day of a calendar month, from one holdings query."""
        last_day = calendar.monthrange(year, month)[1]
        with self._store.reading() as tx:
            engine = AvailabilityEngine(tx, self._clock.today())
            return engine.days(region_id, dt.date(year, month, 1), dt.date(year, month, last_day))

    def available_dates_after(self, region_id: str, after: dt.date, count: int) -> list[dt.date]:
        """The first ``count`` bookable dates strictly after ``after`` (never before today).

        What a booking form offers when the chosen day is full: the same search as the
        ``availableAlternatives`` of a refused booking, from one holdings query.
        """
        with self._store.reading() as tx:
            return AvailabilityEngine(tx, self._clock.today()).available_dates_after(
                region_id, after, count
            )

    def pending_sessions(self) -> list[Session]:
        return self.sessions(
            SessionFilter(statuses=frozenset({SessionStatus.PENDING_CONFIRMATION}))
        )

    def sessions(self, criteria: SessionFilter) -> list[Session]:
        with self._store.reading() as tx:
            return tx.sessions(criteria)

    def sessions_by_id(self, session_ids: Sequence[str]) -> dict[str, Session]:
        """The sessions of ``session_ids`` that exist, by id, from one read transaction."""
        found: dict[str, Session] = {}
        with self._store.reading() as tx:
            for session_id in session_ids:
                session = tx.session(session_id)
                if session is not None:
                    found[session_id] = session
        return found

    def has_sessions(self) -> bool:
        """Whether the database holds any booking, of any status."""
        with self._store.reading() as tx:
            return tx.has_sessions()

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        with self._store.reading() as tx:
            return tx.audit_trail(session_id)

    def is_empty(self) -> bool:
        """True for a new database with no regions yet (first start)."""
        with self._store.reading() as tx:
            return not tx.regions()
