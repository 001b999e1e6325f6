"""Realistic data at scale, for benchmarks and for trying the window on years of history.

``generate_data`` fills a database with sessions in every status: several years of
completed and cancelled history, today's sessions in progress, confirmed and scheduled
ones ahead, and pending requests. Allocations obey every rule the workflows enforce (one
session per setup and per operator a day, never on leave or maintenance, never more
than MIN(setups, operators) a day), and rows are written in bulk: 100,000 sessions take
seconds, not the minutes that 100,000 workflow calls would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import string
from collections import defaultdict
from dataclasses import dataclass

from dst_desktop.domain.model import AuditEntry, Module, Operator, Session, Setup
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.services.booking import SOURCE_BACK_OFFICE, SOURCE_CLIENT_PORTAL
from dst_desktop.services.clock import Clock
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.reference import ReferenceImported
from dst_desktop.services.store import Store
from dst_desktop.services.workflows import Workflows

_ID_ALPHABET = string.digits + string.ascii_lowercase
#: How far ahead confirmed and pending sessions are spread.
FUTURE_DAYS = 180
_BATCH = 5_000


@dataclass(frozen=True)
class GeneratedData:
    sessions: int
    pending: int
    first_date: dt.date
    last_date: dt.date

    def to_dict(self) -> dict[str, object]:
        return {
            "success": True,
            "sessions": self.sessions,
            "pending": self.pending,
            "firstDate": self.first_date.isoformat(),
            "lastDate": self.last_date.isoformat(),
            "message": f"Generated {self.sessions} sessions ({self.pending} pending) from "
            f"{self.first_date.isoformat()} to {self.last_date.isoformat()}",
        }


def _session_id(created_at: dt.datetime, rng: random.Random) -> str:
    millis = int(created_at.replace(tzinfo=dt.UTC).timestamp() * 1000)
    return f"sess_{millis}_{''.join(rng.choice(_ID_ALPHABET) for _ in range(9))}"


class _Generator:
    def __init__(self, workflows: Workflows, rng: random.Random) -> None:
        self.rng = rng
        self.today = workflows.clock.today()
        data = workflows.queries.reference()
        self.regions = [region.id for region in data.regions]
        self.setups: dict[str, list[Setup]] = defaultdict(list)
        for setup in data.setups:
            self.setups[setup.region_id].append(setup)
        self.operators: dict[str, list[Operator]] = defaultdict(list)
        for operator in data.operators:
            self.operators[operator.region_id].append(operator)
        self.modules: list[Module] = list(data.modules)
        self.clients = [client.id for client in data.clients]
        self.offers = [offer.id for offer in data.offers]

    def request_fields(self) -> dict[str, object]:
        modules = self.rng.sample(
            self.modules, k=min(len(self.modules), self.rng.choice((1, 1, 2, 3)))
        )
        capacity = min(module.capacity_max for module in modules)
        return {
            "module_ids": tuple(module.id for module in modules),
            "capacity_max": capacity,
            "requested_participants": self.rng.randint(max(1, capacity // 2), capacity),
            "client_id": self.rng.choice(self.clients),
            "offer_id": self.rng.choice(self.offers)
            if self.offers and self.rng.random() < 0.4
            else None,
            "booking_source": SOURCE_CLIENT_PORTAL
            if self.rng.random() < 0.6
            else SOURCE_BACK_OFFICE,
        }

    def held_session(self, day: dt.date, region: str, setup: Setup, operator: Operator) -> Session:
        rng = self.rng
        created = dt.datetime.combine(
            day - dt.timedelta(days=rng.randint(5, 60)),
            dt.time(rng.randint(8, 17), rng.randint(0, 59)),
        )
        confirmed = created + dt.timedelta(hours=rng.randint(1, 72))
        start = dt.datetime.combine(day, dt.time(8, 30))
        fields = self.request_fields()
        session = Session(
            id=_session_id(created, rng),
            region_id=region,
            date=day,
            status=SessionStatus.CONFIRMED,
            created_at=created,
            confirmed_at=confirmed,
            setup_id=setup.id,
            operator_id=operator.id,
            **fields,  # type: ignore[arg-type]
        )
        if day < self.today:
            if rng.random() < 0.08:
                return dataclasses.replace(
                    session,
                    status=SessionStatus.CANCELLED,
                    cancelled_at=confirmed + dt.timedelta(days=1),
                    cancellation_reason="Client request",
                )
            return dataclasses.replace(
                session,
                status=SessionStatus.COMPLETED,
                scheduled_at=start - dt.timedelta(days=2),
                started_at=start,
                completed_at=start + dt.timedelta(hours=8),
                outcome=rng.choice(("terminee", "completed")),
            )
        if day == self.today:
            return dataclasses.replace(
                session,
                status=SessionStatus.IN_PROGRESS,
                scheduled_at=start - dt.timedelta(days=2),
                started_at=start,
            )
        if day <= self.today + dt.timedelta(days=14) and rng.random() < 0.6:
            return dataclasses.replace(
                session, status=SessionStatus.SCHEDULED, scheduled_at=min(confirmed, start)
            )
        return session

    def pending_session(self) -> Session:
        rng = self.rng
        day = self.today + dt.timedelta(days=rng.randint(1, FUTURE_DAYS))
        created = dt.datetime.combine(
            self.today - dt.timedelta(days=rng.randint(0, 20)),
            dt.time(rng.randint(8, 17), rng.randint(0, 59)),
        )
        return Session(
            id=_session_id(created, rng),
            region_id=rng.choice(self.regions),
            date=day,
            status=SessionStatus.PENDING_CONFIRMATION,
            created_at=created,
            **self.request_fields(),  # type: ignore[arg-type]
        )


def _add_history_leave(workflows: Workflows, first: dt.date, rng: random.Random) -> None:
    """About ten days of leave a year per operator and four of maintenance per setup."""
    days = (workflows.clock.today() + dt.timedelta(days=FUTURE_DAYS) - first).days
    data = workflows.queries.reference()

    def spread(existing: frozenset[dt.date], per_year: int) -> list[str]:
        extra = {
            first + dt.timedelta(days=rng.randrange(days)) for _ in range(per_year * days // 365)
        }
        return sorted(day.isoformat() for day in existing | extra)

    result = workflows.reference.import_reference(
        {
            "setups": [
                {
                    "id": s.id,
                    "name": s.name,
                    "regionId": s.region_id,
                    "active": s.active,
                    "unavailableDates": spread(s.unavailable_dates, 4),
                }
                for s in data.setups
            ],
            "operators": [
                {
                    "id": o.id,
                    "name": o.name,
                    "regionId": o.region_id,
                    "active": o.active,
                    "unavailableDates": spread(o.unavailable_dates, 10),
                }
                for o in data.operators
            ],
        },
        source="generate-data",
    )
    if not isinstance(result, ReferenceImported):
        raise ValueError(f"could not add leave and maintenance: {result.message}")


def generate_data(
    store: Store, clock: Clock, actor: str, sessions: int, pending: int, seed: int
) -> GeneratedData:
    """Add ``sessions`` sessions, ``pending`` of them pending, to a database with reference data."""
    if sessions < 0 or pending < 0 or pending > sessions:
        raise ValueError("--pending must be between 0 and --sessions")
    Permissions(store).require(Action.GENERATE_DATA)
    workflows = Workflows.create(store, clock, actor)
    rng = random.Random(seed)
    generator = _Generator(workflows, rng)
    if not generator.regions or not generator.modules or not generator.clients:
        raise ValueError("the database needs regions, modules and clients first (import-reference)")
    today = clock.today()
    held_wanted = sessions - pending
    slots_per_day = sum(
        min(len(generator.setups[r]), len(generator.operators[r])) for r in generator.regions
    )
    if held_wanted and slots_per_day == 0:
        raise ValueError("the database has no region with both setups and operators")
    # At most 30 % of the sessions lie ahead (filling up to 35 % of the coming days); the
    # rest is history at about 70 % of each day's slots, going back as far as it takes.
    future_fill = min(0.35, 0.3 * held_wanted / max(1, slots_per_day * FUTURE_DAYS))
    future_made = future_fill * slots_per_day * FUTURE_DAYS
    days_back = max(30, int((held_wanted - future_made) / max(1, slots_per_day * 0.6)) + 30)
    first = today - dt.timedelta(days=days_back)
    last = today + dt.timedelta(days=FUTURE_DAYS)
    _add_history_leave(workflows, first, rng)
    generator = _Generator(workflows, rng)  # with the new leave and maintenance days

    made: list[Session] = []
    taken: dict[str, set[tuple[dt.date, str | None]]] = defaultdict(set)
    with store.reading() as tx:
        for region in generator.regions:
            for holding in tx.holdings(region, first - dt.timedelta(days=3650), last):
                taken[region].update(
                    {(holding.date, holding.setup_id), (holding.date, holding.operator_id)}
                )
    day = last
    while len(made) < held_wanted and day >= first - dt.timedelta(days=3650):
        for region in generator.regions:
            free_setups = [
                s
                for s in generator.setups[region]
                if s.usable_on(day) and (day, s.id) not in taken[region]
            ]
            free_operators = [
                o
                for o in generator.operators[region]
                if o.usable_on(day) and (day, o.id) not in taken[region]
            ]
            rng.shuffle(free_setups)
            rng.shuffle(free_operators)
            slots = min(len(free_setups), len(free_operators))
            fill = future_fill if day > today else 0.7
            wanted = sum(rng.random() < fill for _ in range(slots))
            for setup, operator in list(zip(free_setups, free_operators, strict=False))[:wanted]:
                made.append(generator.held_session(day, region, setup, operator))
                if len(made) == held_wanted:
                    break
            if len(made) == held_wanted:
                break
        day -= dt.timedelta(days=1)
    made.extend(generator.pending_session() for _ in range(pending))

    for start in range(0, len(made), _BATCH):
        with store.writing() as tx:
            tx.add_sessions(made[start : start + _BATCH])
    with store.writing() as tx:
        tx.add_audit(
            AuditEntry(
                clock.now(),
                actor,
                "generate_data",
                None,
                {"sessions": len(made), "pending": pending, "seed": seed},
            )
        )
    earliest = min((s.date for s in made), default=today)
    latest = max((s.date for s in made), default=today)
    return GeneratedData(len(made), pending, earliest, latest)
