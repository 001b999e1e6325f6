"""The demo data set: a living schedule around today, built through the real workflows.

The reference data (regions, setups, operators, modules, clients, offers) comes from
``resources/demo/reference.json``; leave, maintenance and bookings are generated around
the business date with a fixed seed, and every booking goes through create, confirm and
the mission steps with the clock set to when each step would have happened. The demo
therefore obeys every rule the product enforces.
"""

from __future__ import annotations

import copy
import datetime as dt
import heapq
import random
from dataclasses import dataclass, field

from dst_desktop.domain.permissions import Action
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.services.booking import SOURCE_BACK_OFFICE, SOURCE_CLIENT_PORTAL
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.results import BookingCreated, Failure
from dst_desktop.services.store import Store
from dst_desktop.services.workflows import Workflows

DEMO_SEED = 20250220
#: The demo covers this many days before and after the business date.
DAYS_BEFORE = 30
DAYS_AFTER = 60


class MovableClock:
    """A clock the demo builder moves forward as it replays history."""

    def __init__(self, now: dt.datetime) -> None:
        self.current = now

    def today(self) -> dt.date:
        return self.current.date()

    def now(self) -> dt.datetime:
        return self.current


@dataclass(order=True)
class _Step:
    at: dt.datetime
    order: int
    booking: int = field(compare=False)
    action: str = field(compare=False)


@dataclass
class _Plan:
    request: dict[str, object]
    source: str
    final: SessionStatus
    session_id: str | None = None


def _with_leave_and_maintenance(
    reference: dict[str, object], today: dt.date, rng: random.Random
) -> dict[str, object]:
    data = copy.deepcopy(reference)
    for kind, per_item in (("operators", 3), ("setups", 2)):
        items = data.get(kind)
        assert isinstance(items, list)
        for item in items:
            days = {
                today + dt.timedelta(days=rng.randint(-DAYS_BEFORE, DAYS_AFTER))
                for _ in range(rng.randint(0, per_item))
            }
            item["unavailableDates"] = sorted(day.isoformat() for day in days)
    return data


def _final_status(day: dt.date, today: dt.date, rng: random.Random) -> SessionStatus:
    if day < today:
        return SessionStatus.CANCELLED if rng.random() < 0.1 else SessionStatus.COMPLETED
    if day == today:
        return SessionStatus.IN_PROGRESS
    if day <= today + dt.timedelta(days=7):
        return rng.choice(
            [SessionStatus.SCHEDULED, SessionStatus.SCHEDULED, SessionStatus.CONFIRMED]
        )
    draw = rng.random()
    if draw < 0.45:
        return SessionStatus.CONFIRMED
    if draw < 0.9:
        return SessionStatus.PENDING_CONFIRMATION
    return SessionStatus.SCHEDULED


def build_demo(
    store: Store, reference: dict[str, object], today: dt.date, actor: str = "demo"
) -> int:
    """Fill an empty database with the demo data set; return the number of sessions made."""
    Permissions(store).require(Action.IMPORT_REFERENCE)
    rng = random.Random(DEMO_SEED)
    start = dt.datetime.combine(today - dt.timedelta(days=DAYS_BEFORE + 30), dt.time(8, 0))
    clock = MovableClock(start)
    workflows = Workflows.create(store, clock, actor)
    imported = workflows.reference.import_reference(
        _with_leave_and_maintenance(reference, today, rng), source="demo"
    )
    if isinstance(imported, Failure):
        raise ValueError(f"the demo reference data is invalid: {imported.message}")

    data = workflows.queries.reference()
    setups_per_region = {
        r.id: sum(1 for s in data.setups if s.region_id == r.id) for r in data.regions
    }
    plans: list[_Plan] = []
    steps: list[_Step] = []
    order = 0

    def plan_step(at: dt.datetime, booking: int, action: str) -> None:
        nonlocal order
        order += 1
        heapq.heappush(steps, _Step(at, order, booking, action))

    for offset in range(-DAYS_BEFORE, DAYS_AFTER + 1):
        day = today + dt.timedelta(days=offset)
        if day.weekday() == 6:  # no sessions on Sundays
            continue
        for region in data.regions:
            busy = 0.45 if offset < 21 else 0.2
            wanted = sum(rng.random() < busy for _ in range(setups_per_region[region.id]))
            if rng.random() < 0.04:  # now and then a day that is fully booked
                wanted = setups_per_region[region.id] + 1
            for _ in range(wanted):
                modules = rng.sample(data.modules, k=rng.choice((1, 1, 2, 2, 3)))
                capacity = min(module.capacity_max for module in modules)
                request: dict[str, object] = {
                    "clientId": rng.choice(data.clients).id,
                    "regionId": region.id,
                    "date": day.isoformat(),
                    "moduleIds": [module.id for module in modules],
                    "requestedParticipants": rng.randint(max(1, capacity // 2), capacity),
                }
                if rng.random() < 0.4:
                    request["offerId"] = rng.choice(data.offers).id
                final = _final_status(day, today, rng)
                source = SOURCE_CLIENT_PORTAL if rng.random() < 0.6 else SOURCE_BACK_OFFICE
                plans.append(_Plan(request, source, final))
                index = len(plans) - 1
                lead_days = rng.randint(3, 40)
                created = dt.datetime.combine(
                    max(day - dt.timedelta(days=lead_days), start.date()),
                    dt.time(rng.randint(8, 17), rng.randint(0, 59)),
                )
                plan_step(created, index, "create")
                if final is SessionStatus.PENDING_CONFIRMATION:
                    continue
                confirm_at = min(
                    created + dt.timedelta(days=rng.randint(0, 3), hours=1),
                    dt.datetime.combine(day, dt.time(7, 0)),
                )
                plan_step(confirm_at, index, "confirm")
                session_start = dt.datetime.combine(day, dt.time(8, 30))
                if final is SessionStatus.CANCELLED:
                    plan_step(confirm_at + dt.timedelta(hours=2), index, "cancel")
                    continue
                if final in (
                    SessionStatus.SCHEDULED,
                    SessionStatus.IN_PROGRESS,
                    SessionStatus.COMPLETED,
                ):
                    plan_step(
                        max(confirm_at, session_start - dt.timedelta(days=2)), index, "schedule"
                    )
                if final in (SessionStatus.IN_PROGRESS, SessionStatus.COMPLETED):
                    plan_step(session_start, index, "start")
                if final is SessionStatus.COMPLETED:
                    plan_step(session_start + dt.timedelta(hours=8), index, "complete")

    made = 0
    while steps:
        step = heapq.heappop(steps)
        clock.current = step.at
        plan = plans[step.booking]
        if step.action == "create":
            created_result = workflows.booking.create_session_booking(
                plan.request, source=plan.source
            )
            if isinstance(created_result, BookingCreated):
                plan.session_id = created_result.session.id
                made += 1
            continue
        if plan.session_id is None:
            continue  # the day was already full when the client asked
        session_id = plan.session_id
        if step.action == "confirm":
            confirmed = workflows.booking.confirm_session_booking(session_id)
            if isinstance(confirmed, Failure):
                # Lost the day to an earlier confirmation: the office called the client
                # back and the request was withdrawn.
                workflows.booking.cancel_pending_booking(session_id)
                plan.session_id = None
                made -= 1
        elif step.action == "schedule":
            workflows.mission.schedule_mission(session_id)
        elif step.action == "start":
            workflows.mission.start_mission(session_id)
        elif step.action == "complete":
            workflows.mission.complete_mission(session_id, rng.choice(("terminee", "completed")))
        elif step.action == "cancel":
            workflows.mission.cancel_mission(session_id, "Client request: event postponed")
    clock.current = dt.datetime.combine(today, dt.time(8, 0))
    return made
