"""The region selector and month calendar: how many setups each day can still take."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from dst_desktop.domain.rules import DayAvailability
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.services.queries import BookingQueries


class DayLevel(Enum):
    """How a day is coloured: past days are greyed; others by how many setups are free."""

    PAST = "past"
    NONE = "none"
    ONE = "one"
    SEVERAL = "several"


@dataclass(frozen=True, slots=True)
class DayMark:
    date: dt.date
    available_setups: int
    level: DayLevel
    #: What the cell shows: the number of setups still available ("" for past days).
    badge: str
    tooltip: str


class CalendarView(Protocol):
    def show_regions(self, regions: Sequence[Choice], selected_id: str | None) -> None: ...

    def show_month(self, marks: Sequence[DayMark]) -> None:
        """Replace the marks of the month on show."""

    def show_selected_date(self, day: dt.date) -> None:
        """Select ``day``, turning to its month."""


def day_mark(day: DayAvailability, l10n: Localizer) -> DayMark:
    if not day.bookable_date:
        return DayMark(
            day.date, 0, DayLevel.PAST, "", l10n.translate("Calendar", "This day is past.")
        )
    available = day.available_setups
    if available <= 0:
        level = DayLevel.NONE
    elif available == 1:
        level = DayLevel.ONE
    else:
        level = DayLevel.SEVERAL
    tooltip = fill(
        l10n.translate(
            "Calendar", "%1 of %2 setups can still be booked (%3 free, %4 operators free)."
        ),
        available,
        day.total_setups,
        day.free_setups,
        day.operators_available,
    )
    return DayMark(day.date, available, level, str(available), tooltip)


class CalendarPresenter:
    """Owns the chosen region, the month on show and the selected day."""

    def __init__(
        self,
        view: CalendarView,
        queries: BookingQueries,
        catalogue: Catalogue,
        l10n: Localizer,
        on_selection: Callable[[str | None, dt.date], None],
    ) -> None:
        self._view = view
        self._queries = queries
        self._catalogue = catalogue
        self._l10n = l10n
        self._on_selection = on_selection
        self.region_id: str | None = None
        self.selected_date = queries.today()
        self._page = (self.selected_date.year, self.selected_date.month)
        self._marks: dict[dt.date, DayMark] = {}

    def load(self, preferred_region_id: str | None = None) -> None:
        """Fill the region list (keeping the current or preferred region) and the month."""
        choices = self._catalogue.region_choices()
        ids = [choice.id for choice in choices]
        wanted = self.region_id or preferred_region_id
        self.region_id = wanted if wanted in ids else (ids[0] if ids else None)
        self._view.show_regions(choices, self.region_id)
        self._view.show_selected_date(self.selected_date)
        self.refresh()
        self._on_selection(self.region_id, self.selected_date)

    def region_chosen(self, region_id: str | None) -> None:
        if region_id == self.region_id:
            return
        self.region_id = region_id
        self.refresh()
        self._on_selection(self.region_id, self.selected_date)

    def page_changed(self, year: int, month: int) -> None:
        if (year, month) == self._page:
            return
        self._page = (year, month)
        self.refresh()

    def day_selected(self, day: dt.date) -> None:
        if day == self.selected_date:
            return
        self.selected_date = day
        self._on_selection(self.region_id, day)

    def choose(self, region_id: str | None, day: dt.date) -> None:
        """Show ``region_id`` (when it still exists) on ``day``, as if the user chose them."""
        if region_id in {choice.id for choice in self._catalogue.region_choices()}:
            self.region_id = region_id
            self._view.show_regions(self._catalogue.region_choices(), region_id)
        self.go_to(day)
        self.refresh()

    def go_to(self, day: dt.date) -> None:
        """Select ``day`` from elsewhere (a suggested date), turning the page if needed."""
        self.selected_date = day
        self._view.show_selected_date(day)
        self.page_changed(day.year, day.month)
        self._on_selection(self.region_id, day)

    @property
    def page(self) -> tuple[int, int]:
        """The (year, month) on show."""
        return self._page

    def refresh(self) -> None:
        """Re-read the month on show: one aggregate query."""
        if self.region_id is None:
            self._marks = {}
        else:
            year, month = self._page
            days = self._queries.month_availability(self.region_id, year, month)
            self._marks = {day.date: day_mark(day, self._l10n) for day in days}
        self._view.show_month(list(self._marks.values()))

    def mark(self, day: dt.date) -> DayMark | None:
        """The mark shown on ``day``, when that day's month is on show."""
        return self._marks.get(day)
