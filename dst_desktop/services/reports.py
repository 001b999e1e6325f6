"""Reports as plain rows: utilisation, sessions for export, calendar entries (SPEC 13).

No file format lives here (see :mod:`dst_desktop.exports`). Every question is one read
transaction with a bounded number of queries: utilisation reads one aggregate of the
period, whatever its length; exports read the sessions of the period in one query and
their audit counts in chunks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dst_desktop.domain.model import Operator, Session, SessionFilter, Setup
from dst_desktop.domain.names import name_key
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.domain.utilisation import (
    Grouping,
    UtilisationReport,
    compute_utilisation,
)
from dst_desktop.services.clock import Clock
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.results import JsonDict
from dst_desktop.services.store import Store, StoreTransaction

#: The longest utilisation period, in days: ten calendar years, which hold up to three
#: leap days (2016 to 2025). Anything longer is taken for a typing mistake rather than
#: computed day by day.
MAX_PERIOD_DAYS = 3653


class ReportInputError(ValueError):
    """A report asked with arguments that cannot be right; the message names what."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def check_period(first: dt.date | None, last: dt.date | None, *, bounded: bool) -> None:
    """``first`` ≤ ``last``; with ``bounded``, no longer than :data:`MAX_PERIOD_DAYS`."""
    if first is not None and last is not None and last < first:
        raise ReportInputError(
            "to", f"the period ends on {last.isoformat()}, before it starts on {first.isoformat()}"
        )
    if bounded and first is not None and last is not None:
        days = (last - first).days + 1
        if days > MAX_PERIOD_DAYS:
            raise ReportInputError(
                "to",
                f"the period from {first.isoformat()} to {last.isoformat()} is {days} days "
                f"long; a report covers at most {MAX_PERIOD_DAYS} days (ten years)",
            )


def utilisation_to_dict(report: UtilisationReport) -> JsonDict:
    """``{"from", "to", "by", "rows": [{"id", "name", "capacityDays", "sessions",
    "utilisation", "byStatus"}]}``; setups and operators also carry their ``regionId``."""
    rows: list[JsonDict] = []
    for row in report.rows:
        item: JsonDict = {"id": row.id, "name": row.name}
        if report.by is not Grouping.REGION:
            item["regionId"] = row.region_id
        utilisation = row.utilisation
        item.update(
            {
                "capacityDays": row.capacity_days,
                "sessions": row.sessions,
                "utilisation": None if utilisation is None else round(utilisation, 4),
                "byStatus": {status.value: count for status, count in row.by_status.items()},
            }
        )
        rows.append(item)
    return {
        "from": report.first.isoformat(),
        "to": report.last.isoformat(),
        "by": report.by.value,
        "rows": rows,
    }


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session with the names of what it refers to, for an export."""

    session: Session
    client: str
    region: str
    modules: tuple[str, ...]
    setup: str
    operator: str
    offer: str


#: How a session's status reads in a calendar (RFC 5545 ``STATUS`` of a ``VEVENT``).
CALENDAR_STATUS: dict[SessionStatus, str] = {
    SessionStatus.PENDING_CONFIRMATION: "TENTATIVE",
    SessionStatus.CONFIRMED: "CONFIRMED",
    SessionStatus.SCHEDULED: "CONFIRMED",
    SessionStatus.IN_PROGRESS: "CONFIRMED",
    SessionStatus.COMPLETED: "CONFIRMED",
    SessionStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One session as a calendar event (see :mod:`dst_desktop.exports.icalendar_feed`)."""

    record: SessionRecord
    #: Grows with every change of the session: its audit rows, less the creation's.
    sequence: int

    @property
    def uid(self) -> str:
        """Stable across exports: the session id never changes."""
        return f"{self.record.session.id}@dst-desktop"

    @property
    def status(self) -> str:
        return CALENDAR_STATUS[self.record.session.status]

    @property
    def last_modified(self) -> dt.datetime:
        session = self.record.session
        moments = [
            session.created_at,
            session.confirmed_at,
            session.scheduled_at,
            session.started_at,
            session.completed_at,
            session.cancelled_at,
        ]
        return max(moment for moment in moments if moment is not None)


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """The events of one operator, setup or region (or of everything) over a period."""

    #: ``Camille Martin``, ``Setup Occitanie #1``, ``Occitanie``; "" for everything.
    subject: str
    entries: tuple[CalendarEntry, ...]


class Reports:
    """Utilisation, session exports and calendar feeds of one database."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self.permissions = Permissions(store)

    def today(self) -> dt.date:
        return self._clock.today()

    # -- utilisation ---------------------------------------------------------------------

    def utilisation(
        self, first: dt.date, last: dt.date, by: Grouping = Grouping.REGION
    ) -> UtilisationReport:
        """SPEC 13's utilisation from ``first`` to ``last`` (both included).

        Raises :class:`ReportInputError` for a period that ends before it starts or
        lasts more than :data:`MAX_PERIOD_DAYS`.
        """
        check_period(first, last, bounded=True)
        self.permissions.require(Action.EXPORT)
        with self._store.reading() as tx:
            # Sorted here, in Python: databases order text by their own collations.
            regions = sorted(tx.regions(), key=lambda r: (name_key(r.name), r.id))
            region_order = {region.id: number for number, region in enumerate(regions)}

            def resource_key(item: Setup | Operator) -> tuple[int, str, str]:
                place = region_order.get(item.region_id, len(regions))
                return (place, name_key(item.name), item.id)

            return compute_utilisation(
                first,
                last,
                by,
                regions,
                sorted(tx.setups(None), key=resource_key),
                sorted(tx.operators(None), key=resource_key),
                tx.session_tallies(first, last),
            )

    # -- sessions ------------------------------------------------------------------------

    def session_records(
        self,
        first: dt.date | None = None,
        last: dt.date | None = None,
        region_id: str | None = None,
        status: SessionStatus | None = None,
    ) -> list[SessionRecord]:
        """Every session of the period (all when no bound), by date then creation.

        Raises :class:`ReportInputError` for an unknown region or a period that ends
        before it starts.
        """
        check_period(first, last, bounded=False)
        self.permissions.require(Action.EXPORT)
        with self._store.reading() as tx:
            if region_id is not None:
                _require_region(tx, region_id)
            sessions = tx.sessions(
                SessionFilter(
                    statuses=None if status is None else frozenset({status}),
                    region_id=region_id,
                    date_from=first,
                    date_to=last,
                )
            )
            return _records(tx, sessions)

    # -- calendars -----------------------------------------------------------------------

    def calendar_feed(
        self,
        *,
        operator_id: str | None = None,
        setup_id: str | None = None,
        region_id: str | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
    ) -> CalendarFeed:
        """The sessions of one operator, setup or region (at most one), or of all.

        A pending request appears (tentative) in the feed of its region or of all; it has
        no setup or operator yet. A cancelled mission stays, cancelled, so that calendars
        that imported it remove it. Raises :class:`ReportInputError` for an unknown id,
        more than one subject, or a period that ends before it starts.
        """
        chosen = [
            (name, value)
            for name, value in (
                ("operator", operator_id),
                ("setup", setup_id),
                ("region", region_id),
            )
            if value is not None
        ]
        if len(chosen) > 1:
            raise ReportInputError(
                chosen[1][0],
                "a calendar is of one operator, one setup or one region: choose one of "
                + ", ".join(f"--{name} {value}" for name, value in chosen),
            )
        check_period(first, last, bounded=False)
        self.permissions.require(Action.EXPORT)
        with self._store.reading() as tx:
            subject = ""
            if operator_id is not None:
                operator = next((o for o in tx.operators(None) if o.id == operator_id), None)
                if operator is None:
                    known = _known(o.id for o in tx.operators(None))
                    raise ReportInputError(
                        "operator",
                        f"{operator_id!r} is not a known operator (known operators: {known})",
                    )
                subject = operator.name
            elif setup_id is not None:
                setup = next((s for s in tx.setups(None) if s.id == setup_id), None)
                if setup is None:
                    known = _known(s.id for s in tx.setups(None))
                    raise ReportInputError(
                        "setup", f"{setup_id!r} is not a known setup (known setups: {known})"
                    )
                subject = setup.name
            elif region_id is not None:
                subject = _require_region(tx, region_id).name
            sessions = tx.sessions(
                SessionFilter(region_id=region_id, date_from=first, date_to=last)
            )
            if operator_id is not None:
                sessions = [s for s in sessions if s.operator_id == operator_id]
            if setup_id is not None:
                sessions = [s for s in sessions if s.setup_id == setup_id]
            counts = tx.audit_counts([s.id for s in sessions])
            entries = tuple(
                CalendarEntry(record, max(counts.get(record.session.id, 0) - 1, 0))
                for record in _records(tx, sessions)
            )
        return CalendarFeed(subject, entries)


def _require_region(tx: StoreTransaction, region_id: str) -> _Named:
    region = tx.region(region_id)
    if region is None:
        known = _known(r.id for r in tx.regions())
        raise ReportInputError(
            "region", f"{region_id!r} is not a known region (known regions: {known})"
        )
    return _Named(region.id, region.name)


def _known(ids: Iterable[str], shown: int = 8) -> str:
    """``a, b, c`` or ``a, b, … (40 more)``: enough to spot a typing mistake."""
    ordered = sorted(ids)
    if not ordered:
        return "none"
    text = ", ".join(ordered[:shown])
    return text + (f", … ({len(ordered) - shown} more)" if len(ordered) > shown else "")


@dataclass(frozen=True, slots=True)
class _Named:
    id: str
    name: str


def _records(tx: StoreTransaction, sessions: Sequence[Session]) -> list[SessionRecord]:
    regions = {r.id: r.name for r in tx.regions()}
    clients = {c.id: c.name for c in tx.clients()}
    modules = {m.id: m.name for m in tx.modules()}
    setups = {s.id: s.name for s in tx.setups(None)}
    operators = {o.id: o.name for o in tx.operators(None)}
    offers = {o.id: o.name for o in tx.offers()}
    return [
        SessionRecord(
            session=session,
            client=clients.get(session.client_id, session.client_id),
            region=regions.get(session.region_id, session.region_id),
            modules=tuple(modules.get(m, m) for m in session.module_ids),
            setup=setups.get(session.setup_id, session.setup_id) if session.setup_id else "",
            operator=(
                operators.get(session.operator_id, session.operator_id)
                if session.operator_id
                else ""
            ),
            offer=offers.get(session.offer_id, session.offer_id) if session.offer_id else "",
        )
        for session in sessions
    ]


__all__ = [
    "CALENDAR_STATUS",
    "MAX_PERIOD_DAYS",
    "RESOURCE_HOLDING",
    "CalendarEntry",
    "CalendarFeed",
    "Grouping",
    "ReportInputError",
    "Reports",
    "SessionRecord",
    "check_period",
    "utilisation_to_dict",
]
