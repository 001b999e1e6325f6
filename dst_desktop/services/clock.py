"""The business date and the current time, replaceable for demos, training and tests."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date:
        """The business date: bookings before it are in the past."""

    def now(self) -> dt.datetime:
        """The current UTC time (naive), at second precision, for timestamps."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class SystemClock:
    """The real date and time."""

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return _utc_now()


class BusinessDateClock:
    """A fixed business date (``--today``); timestamps keep the real time of day on it.

    Keeping the time of day moving keeps timestamps ordered within a demo session.
    """

    def __init__(self, today: dt.date) -> None:
        self._today = today

    def today(self) -> dt.date:
        return self._today

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._today, _utc_now().time())
