"""AvailabilityEngine: how many sessions a region can still take on a date (SPEC 2.2, 2.3).

Every question, whether one day, a month or a year of suggestions, costs the same bounded
number of queries: the region's setups and operators, and one query for the holdings
of the whole date range. The per-day arithmetic then runs in memory.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dst_desktop.domain.model import Operator, Setup
from dst_desktop.domain.rules import DayAvailability, availability_over, first_free_resources
from dst_desktop.services.store import StoreTransaction

#: How far ahead suggested dates and alternatives are searched, in days.
SUGGESTION_HORIZON_DAYS = 365
#: The number of alternatives a NO_AVAILABILITY / NO_SETUP_AVAILABLE response carries.
ALTERNATIVES_COUNT = 5
#: Suggestions are searched in windows: most regions have a free day within weeks, so the
#: first window answers most questions with little data.
_FIRST_WINDOW_DAYS = 42


class _HeldOnDay:
    """The setups and operators held on each date of a range."""

    def __init__(self) -> None:
        self.setups: dict[dt.date, set[str]] = defaultdict(set)
        self.operators: dict[dt.date, set[str]] = defaultdict(set)

    def setup_ids(self, day: dt.date) -> frozenset[str]:
        return frozenset(self.setups.get(day, ()))

    def operator_ids(self, day: dt.date) -> frozenset[str]:
        return frozenset(self.operators.get(day, ()))


class AvailabilityEngine:
    """Answers availability questions inside one store transaction."""

    def __init__(self, tx: StoreTransaction, today: dt.date) -> None:
        self._tx = tx
        self._today = today
        self._resources: dict[str, tuple[list[Setup], list[Operator]]] = {}

    def _region_resources(self, region_id: str) -> tuple[list[Setup], list[Operator]]:
        if region_id not in self._resources:
            self._resources[region_id] = (
                self._tx.setups(region_id),
                self._tx.operators(region_id),
            )
        return self._resources[region_id]

    def _held(self, region_id: str, first: dt.date, last: dt.date) -> _HeldOnDay:
        held = _HeldOnDay()
        for holding in self._tx.holdings(region_id, first, last):
            if holding.setup_id is not None:
                held.setups[holding.date].add(holding.setup_id)
            if holding.operator_id is not None:
                held.operators[holding.date].add(holding.operator_id)
        return held

    def days(self, region_id: str, first: dt.date, last: dt.date) -> list[DayAvailability]:
        """The availability of every date from ``first`` to ``last`` (a calendar month)."""
        setups, operators = self._region_resources(region_id)
        held = self._held(region_id, first, last)
        return availability_over(
            first, last, self._today, setups, operators, held.setups, held.operators
        )

    def day(self, region_id: str, day: dt.date) -> DayAvailability:
        return self.days(region_id, day, day)[0]

    def free_resources(self, region_id: str, day: dt.date) -> tuple[Setup, Operator] | None:
        """The first free setup and operator (by id) on ``day``, or None when none is."""
        if day < self._today:
            return None
        setups, operators = self._region_resources(region_id)
        held = self._held(region_id, day, day)
        return first_free_resources(
            day, setups, operators, held.setup_ids(day), held.operator_ids(day)
        )

    def available_dates_after(
        self,
        region_id: str,
        after: dt.date,
        count: int,
        horizon_days: int = SUGGESTION_HORIZON_DAYS,
    ) -> list[dt.date]:
        """The first ``count`` available dates strictly after ``after``, within the horizon."""
        found: list[dt.date] = []
        if count <= 0:
            return found
        start = max(after + dt.timedelta(days=1), self._today)
        horizon_end = after + dt.timedelta(days=horizon_days)
        window_days = _FIRST_WINDOW_DAYS
        while start <= horizon_end and len(found) < count:
            end = min(start + dt.timedelta(days=window_days - 1), horizon_end)
            for availability in self.days(region_id, start, end):
                if availability.is_available:
                    found.append(availability.date)
                    if len(found) == count:
                        break
            start = end + dt.timedelta(days=1)
            window_days = horizon_days  # the rest of the horizon in one query
        return found
