"""The availability engine's search for free dates (SPEC 2.3), on a region held in memory:
the horizon's last day counts, a date is never found twice, and the search goes on past
its first window."""

from __future__ import annotations

import datetime as dt

from dst_desktop.domain.model import Operator, Setup
from dst_desktop.domain.rules import Holding
from dst_desktop.services.availability import SUGGESTION_HORIZON_DAYS, AvailabilityEngine

TODAY = dt.date(2025, 2, 20)


class OneSetupRegion:
    """The parts of a store transaction the engine reads: one setup and one operator in
    ``nord``, held on every date except ``free``."""

    def __init__(self, free: set[dt.date]) -> None:
        self.free = free
        self.queries: list[tuple[dt.date, dt.date]] = []

    def setups(self, region_id: str | None = None) -> list[Setup]:
        return [Setup("s1", "S1", "nord")]

    def operators(self, region_id: str | None = None) -> list[Operator]:
        return [Operator("o1", "O1", "nord")]

    def holdings(self, region_id: str, first: dt.date, last: dt.date) -> list[Holding]:
        self.queries.append((first, last))
        days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        return [Holding(day, "s1", "o1") for day in days if day not in self.free]


def engine(region: OneSetupRegion) -> AvailabilityEngine:
    return AvailabilityEngine(region, TODAY)  # type: ignore[arg-type]


def test_the_last_day_of_the_horizon_is_still_found() -> None:
    last = TODAY + dt.timedelta(days=SUGGESTION_HORIZON_DAYS)
    region = OneSetupRegion({last, last + dt.timedelta(days=1)})

    assert engine(region).available_dates_after("nord", TODAY, 5) == [last]


def test_the_last_day_of_a_horizon_just_past_the_first_window_is_found() -> None:
    """A 43-day horizon: six weeks in the first window, the last day alone after it."""
    last = TODAY + dt.timedelta(days=43)
    region = OneSetupRegion({last, last + dt.timedelta(days=1)})

    assert engine(region).available_dates_after("nord", TODAY, 5, horizon_days=43) == [last]


def test_dates_after_the_first_window_are_found_once_each_in_order() -> None:
    free = {TODAY + dt.timedelta(days=n) for n in (3, 41, 42, 43, 100)}

    found = engine(OneSetupRegion(free)).available_dates_after("nord", TODAY, 5)

    assert found == sorted(free)


def test_no_dates_are_looked_for_when_none_are_asked() -> None:
    region = OneSetupRegion({TODAY + dt.timedelta(days=1)})

    assert engine(region).available_dates_after("nord", TODAY, 0) == []
    assert region.queries == []
