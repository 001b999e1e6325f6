"""The pure rules of the booking domain: capacity and day availability (SPEC 2.1, 2.2)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from dst_desktop.domain.model import Module, Operator, Setup


@dataclass(frozen=True)
class CapacityVerdict:
    """Whether ``requested_participants`` fit the chosen modules, and which module limits."""

    capacity_max: int
    requested_participants: int
    limiting_module: Module

    @property
    def is_valid(self) -> bool:
        return self.requested_participants <= self.capacity_max

    @property
    def message(self) -> str:
        """The seed's wording, e.g. ``15 participants exceeds capacity of 12. Limited by X``."""
        if self.is_valid:
            return (
                f"{self.requested_participants} participants fit capacity of "
                f"{self.capacity_max}. Limited by {self.limiting_module.name}"
            )
        return (
            f"{self.requested_participants} participants exceeds capacity of "
            f"{self.capacity_max}. Limited by {self.limiting_module.name}"
        )


def module_capacity(modules: Sequence[Module], requested_participants: int) -> CapacityVerdict:
    """capacityMax is the smallest module capacity; ties go to the module listed first."""
    if not modules:
        raise ValueError("at least one module is required")
    limiting = min(modules, key=lambda module: module.capacity_max)
    return CapacityVerdict(limiting.capacity_max, requested_participants, limiting)


@dataclass(frozen=True)
class DayAvailability:
    """The availability figures of one region on one date (SPEC 2.2)."""

    date: dt.date
    total_setups: int
    used_setups: int
    free_setups: int
    operators_available: int
    bookable_date: bool

    @property
    def available_setups(self) -> int:
        """availableSetups = MIN(freeSetups, operatorsAvailable): the key business rule."""
        return min(self.free_setups, self.operators_available)

    @property
    def is_available(self) -> bool:
        return self.bookable_date and self.available_setups >= 1


@dataclass(frozen=True)
class Holding:
    """The setup and operator a resource-holding session takes on its date."""

    date: dt.date
    setup_id: str | None
    operator_id: str | None


def day_availability(
    day: dt.date,
    today: dt.date,
    setups: Iterable[Setup],
    operators: Iterable[Operator],
    held_setup_ids: frozenset[str],
    held_operator_ids: frozenset[str],
) -> DayAvailability:
    """Count one region's setups and operators on ``day``.

    ``setups`` and ``operators`` are the region's; ``held_*`` are the ids taken on ``day``
    by resource-holding sessions. A setup in maintenance or inactive is not counted at all,
    even when it is held (it stays allocated, seed FAQ), so ``free`` never goes negative.
    """
    setups = list(setups)
    usable_setups = {setup.id for setup in setups if setup.usable_on(day)}
    region_setup_ids = {setup.id for setup in setups}
    free_setups = usable_setups - held_setup_ids
    operators_available = [
        operator
        for operator in operators
        if operator.usable_on(day) and operator.id not in held_operator_ids
    ]
    return DayAvailability(
        date=day,
        total_setups=len(usable_setups),
        used_setups=len(region_setup_ids & held_setup_ids),
        free_setups=len(free_setups),
        operators_available=len(operators_available),
        bookable_date=day >= today,
    )


def first_free_resources(
    day: dt.date,
    setups: Iterable[Setup],
    operators: Iterable[Operator],
    held_setup_ids: frozenset[str],
    held_operator_ids: frozenset[str],
) -> tuple[Setup, Operator] | None:
    """The setup and operator a confirmation takes: the first free of each, by id (SPEC 2.4)."""
    free_setups = sorted(
        (s for s in setups if s.usable_on(day) and s.id not in held_setup_ids),
        key=lambda setup: setup.id,
    )
    free_operators = sorted(
        (o for o in operators if o.usable_on(day) and o.id not in held_operator_ids),
        key=lambda operator: operator.id,
    )
    if not free_setups or not free_operators:
        return None
    return free_setups[0], free_operators[0]


def iter_dates(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every date from ``first`` to ``last``, both included."""
    for offset in range((last - first).days + 1):
        yield first + dt.timedelta(days=offset)


_NOTHING: frozenset[str] = frozenset()


def _days_off(
    resources: Sequence[Setup | Operator], days: Sequence[dt.date]
) -> dict[dt.date, set[str]]:
    """Which resources are in maintenance or on leave, by day of the range.

    Years of leave make a long list per person; a month is checked day by day instead.
    """
    first, last = days[0], days[-1]
    off: dict[dt.date, set[str]] = defaultdict(set)
    for resource in resources:
        dates = resource.unavailable_dates
        if len(dates) <= len(days):
            for day in dates:
                if first <= day <= last:
                    off[day].add(resource.id)
        else:
            for day in dates.intersection(days):
                off[day].add(resource.id)
    return off


def availability_over(
    first: dt.date,
    last: dt.date,
    today: dt.date,
    setups: Sequence[Setup],
    operators: Sequence[Operator],
    held_setups: Mapping[dt.date, frozenset[str] | set[str]],
    held_operators: Mapping[dt.date, frozenset[str] | set[str]],
) -> list[DayAvailability]:
    """:func:`day_availability` for every date of a range, in one pass.

    The result is exactly the day-by-day one (a test checks it on random data); the
    per-day work is reduced to the days on which something is held or unavailable, so a
    calendar month or a year of suggestions costs little more than one day.
    """
    active_setups = {s.id for s in setups if s.active}
    region_setups = {s.id for s in setups}
    active_operators = {o.id for o in operators if o.active}
    dates = [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]
    if not dates:
        return []
    setups_off = _days_off([s for s in setups if s.active], dates)
    operators_off = _days_off([o for o in operators if o.active], dates)
    setup_count, operator_count = len(active_setups), len(active_operators)
    days = []
    for day in dates:
        held_s = held_setups.get(day, _NOTHING)
        held_o = held_operators.get(day, _NOTHING)
        off_s = setups_off.get(day, _NOTHING)
        off_o = operators_off.get(day, _NOTHING)
        total = setup_count - len(off_s)
        if held_s:
            used = len(region_setups & held_s)
            free = total - len((active_setups & held_s) - off_s)
        else:
            used, free = 0, total
        if held_o or off_o:
            available_operators = operator_count - len(off_o | (active_operators & held_o))
        else:
            available_operators = operator_count
        days.append(DayAvailability(day, total, used, free, available_operators, day >= today))
    return days
