"""Utilisation of regions, setups and operators over a period (SPEC 13): the pure rule.

For a region and a period, ``capacityDays`` is the sum over its days of
MIN(setups in service, operators on duty) — the seed's availability rule without the
allocations — and ``sessions`` its resource-holding sessions; ``utilisation`` is
``sessions / capacityDays``. For a setup or an operator, ``capacityDays`` is the number
of days it is in service (active, not in maintenance or on leave) and ``sessions`` the
days it is booked.

The store answers one aggregate query for the whole period (:class:`SessionTally` rows);
the per-day arithmetic runs here, in memory, so a year costs the same number of queries
as a day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from dst_desktop.domain.model import Operator, Region, Setup
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus


class Grouping(StrEnum):
    """What a utilisation report has one row of."""

    REGION = "region"
    SETUP = "setup"
    OPERATOR = "operator"


@dataclass(frozen=True, slots=True)
class SessionTally:
    """How many sessions of one status one (region, setup, operator) has on one date."""

    date: dt.date
    region_id: str
    setup_id: str | None
    operator_id: str | None
    status: SessionStatus
    count: int


@dataclass(frozen=True, slots=True)
class Week:
    """The days of one calendar week (Monday to Sunday) that lie in the period."""

    first: dt.date
    last: dt.date

    @property
    def monday(self) -> dt.date:
        return self.first - dt.timedelta(days=self.first.weekday())

    @property
    def iso_week(self) -> int:
        return self.monday.isocalendar().week

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class Figures:
    """Capacity days and sessions; utilisation is their ratio (None without capacity)."""

    capacity_days: int
    sessions: int

    @property
    def utilisation(self) -> float | None:
        return self.sessions / self.capacity_days if self.capacity_days else None


@dataclass(frozen=True, slots=True)
class UtilisationRow:
    """One region, setup or operator over the period, and week by week."""

    id: str
    name: str
    #: The region of a setup or an operator (its own id for a region).
    region_id: str
    figures: Figures
    #: Every session of the period by status, resource-holding or not.
    by_status: dict[SessionStatus, int]
    #: One entry per week of the report, in order.
    weeks: tuple[Figures, ...]

    @property
    def capacity_days(self) -> int:
        return self.figures.capacity_days

    @property
    def sessions(self) -> int:
        return self.figures.sessions

    @property
    def utilisation(self) -> float | None:
        return self.figures.utilisation


@dataclass(frozen=True, slots=True)
class UtilisationReport:
    first: dt.date
    last: dt.date
    by: Grouping
    weeks: tuple[Week, ...]
    rows: tuple[UtilisationRow, ...]
    total: Figures = field(default=Figures(0, 0))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def weeks_of(first: dt.date, last: dt.date) -> tuple[Week, ...]:
    """The calendar weeks (Monday first) of a period, each cut to the period."""
    weeks = []
    start = first
    while start <= last:
        end = min(last, start + dt.timedelta(days=6 - start.weekday()))
        weeks.append(Week(start, end))
        start = end + dt.timedelta(days=1)
    return tuple(weeks)


def _days_in_service(resource: Setup | Operator, first: dt.date, last: dt.date) -> set[dt.date]:
    """The days of the period on which the resource is active and not unavailable."""
    if not resource.active:
        return set()
    days = {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}
    return days - resource.unavailable_dates


def _week_index(weeks: Sequence[Week]) -> dict[dt.date, int]:
    index: dict[dt.date, int] = {}
    for number, week in enumerate(weeks):
        for offset in range(week.days):
            index[week.first + dt.timedelta(days=offset)] = number
    return index


def compute_utilisation(
    first: dt.date,
    last: dt.date,
    by: Grouping,
    regions: Sequence[Region],
    setups: Sequence[Setup],
    operators: Sequence[Operator],
    tallies: Iterable[SessionTally],
) -> UtilisationReport:
    """The utilisation report of ``first`` to ``last`` (both included), one row per item.

    ``tallies`` are the sessions of the period, counted by date, region, setup, operator
    and status (what :meth:`StoreTransaction.session_tallies` answers). Rows come in the
    order of ``regions`` / ``setups`` / ``operators``.
    """
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    weeks = weeks_of(first, last)
    week_of = _week_index(weeks)

    # Capacity, day by day: a set of days per resource, then counts per day.
    capacity_by_day: dict[str, dict[dt.date, int]] = {}
    if by is Grouping.REGION:
        setups_on: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
        operators_on: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
        for setup in setups:
            for day in _days_in_service(setup, first, last):
                setups_on[setup.region_id][day] += 1
        for operator in operators:
            for day in _days_in_service(operator, first, last):
                operators_on[operator.region_id][day] += 1
        for region in regions:
            region_setups = setups_on.get(region.id, {})
            region_operators = operators_on.get(region.id, {})
            capacity_by_day[region.id] = {
                day: min(count, region_operators.get(day, 0))
                for day, count in region_setups.items()
                if region_operators.get(day, 0)
            }
        items: list[tuple[str, str, str]] = [(r.id, r.name, r.id) for r in regions]
    else:
        resources: Sequence[Setup | Operator] = setups if by is Grouping.SETUP else operators
        for resource in resources:
            capacity_by_day[resource.id] = dict.fromkeys(_days_in_service(resource, first, last), 1)
        items = [(r.id, r.name, r.region_id) for r in resources]

    sessions_by_week: dict[str, list[int]] = {item: [0] * len(weeks) for item, _, _ in items}
    by_status: dict[str, dict[SessionStatus, int]] = {item: {} for item, _, _ in items}
    for tally in tallies:
        if not first <= tally.date <= last:
            continue
        key = {
            Grouping.REGION: tally.region_id,
            Grouping.SETUP: tally.setup_id,
            Grouping.OPERATOR: tally.operator_id,
        }[by]
        if key is None or key not in by_status:
            continue
        counts = by_status[key]
        counts[tally.status] = counts.get(tally.status, 0) + tally.count
        if tally.status in RESOURCE_HOLDING:
            sessions_by_week[key][week_of[tally.date]] += tally.count

    rows = []
    for item_id, name, region_id in items:
        capacity_by_week = [0] * len(weeks)
        for day, capacity in capacity_by_day[item_id].items():
            capacity_by_week[week_of[day]] += capacity
        week_figures = tuple(
            Figures(capacity, sessions)
            for capacity, sessions in zip(capacity_by_week, sessions_by_week[item_id], strict=True)
        )
        rows.append(
            UtilisationRow(
                id=item_id,
                name=name,
                region_id=region_id if by is not Grouping.REGION else item_id,
                figures=Figures(sum(capacity_by_week), sum(sessions_by_week[item_id])),
                by_status={status: by_status[item_id].get(status, 0) for status in SessionStatus},
                weeks=week_figures,
            )
        )
    total = Figures(sum(r.capacity_days for r in rows), sum(r.sessions for r in rows))
    return UtilisationReport(first, last, by, weeks, tuple(rows), total)
