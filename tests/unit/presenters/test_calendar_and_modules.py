"""The region calendar and the module picker."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dst_desktop.persistence.store import PeeweeTransaction
from dst_desktop.presenters.calendar import CalendarPresenter, DayLevel
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.module_picker import ModulePickerPresenter
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeCalendarView, FakeModulePickerView

Selections = list[tuple[str | None, dt.date]]
Calendar = tuple[CalendarPresenter, FakeCalendarView]


@pytest.fixture
def selections() -> list[tuple[str | None, dt.date]]:
    return []


@pytest.fixture
def calendar(
    workflows: Workflows,
    catalogue: Catalogue,
    l10n: PlainLocalizer,
    selections: list[tuple[str | None, dt.date]],
) -> tuple[CalendarPresenter, FakeCalendarView]:
    view = FakeCalendarView()
    presenter = CalendarPresenter(
        view, workflows.queries, catalogue, l10n, lambda r, d: selections.append((r, d))
    )
    return presenter, view


def test_load_lists_regions_and_keeps_the_preferred_one(
    calendar: Calendar, selections: Selections
) -> None:
    presenter, view = calendar
    presenter.load("occitanie")
    assert [r.text for r in view.regions] == ["Bretagne", "Occitanie"]
    assert view.selected_region == "occitanie"
    assert view.selected_date == TODAY
    assert selections[-1] == ("occitanie", TODAY)


def test_unknown_preferred_region_falls_back_to_the_first(calendar: Calendar) -> None:
    presenter, view = calendar
    presenter.load("atlantis")
    assert view.selected_region == "bretagne"


def test_month_shows_free_setups_with_levels_and_greys_past_days(calendar: Calendar) -> None:
    presenter, view = calendar
    presenter.load("bretagne")
    past = view.marks[dt.date(2025, 2, 19)]
    assert (past.level, past.badge) == (DayLevel.PAST, "")
    assert view.marks[TODAY].badge == "2"
    assert view.marks[TODAY].level is DayLevel.SEVERAL
    assert "2 of 2 setups can still be booked" in view.marks[TODAY].tooltip
    assert len(view.marks) == 28


def test_confirmed_booking_lowers_the_day_and_cancelled_mission_restores_it(
    workflows: Workflows, calendar: Calendar
) -> None:
    presenter, view = calendar
    presenter.load("bretagne")
    presenter.go_to(dt.date(2025, 3, 10))
    assert view.marks[dt.date(2025, 3, 10)].badge == "2"
    session = create_confirmed(workflows, regionId="bretagne")
    presenter.refresh()
    assert view.marks[dt.date(2025, 3, 10)].level is DayLevel.ONE
    create_confirmed(workflows, regionId="bretagne")
    presenter.refresh()
    assert view.marks[dt.date(2025, 3, 10)].level is DayLevel.NONE
    workflows.mission.cancel_mission(session.id, "Weather")
    presenter.refresh()
    assert view.marks[dt.date(2025, 3, 10)].badge == "1"


def test_pending_booking_does_not_change_the_figures(
    workflows: Workflows, calendar: Calendar
) -> None:
    presenter, view = calendar
    presenter.load("occitanie")
    presenter.go_to(dt.date(2025, 3, 10))
    create(workflows)
    presenter.refresh()
    assert view.marks[dt.date(2025, 3, 10)].badge == "5"


def test_each_month_costs_one_holdings_query(
    monkeypatch: pytest.MonkeyPatch, calendar: Calendar
) -> None:
    calls: list[tuple[dt.date, dt.date]] = []
    original = PeeweeTransaction.holdings

    def counting(self: PeeweeTransaction, region_id: str, first: dt.date, last: dt.date) -> Any:
        calls.append((first, last))
        return original(self, region_id, first, last)

    monkeypatch.setattr(PeeweeTransaction, "holdings", counting)
    presenter, _view = calendar
    presenter.load("occitanie")
    presenter.page_changed(2025, 3)
    presenter.page_changed(2025, 3)  # same page: nothing to re-read
    assert calls == [
        (dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        (dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
    ]


def test_day_and_region_choices_reach_the_form(calendar: Calendar, selections: Selections) -> None:
    presenter, _view = calendar
    presenter.load("occitanie")
    presenter.day_selected(dt.date(2025, 3, 4))
    presenter.region_chosen("bretagne")
    assert selections[-2:] == [
        ("occitanie", dt.date(2025, 3, 4)),
        ("bretagne", dt.date(2025, 3, 4)),
    ]


def test_go_to_turns_the_page_and_selects_the_day(
    calendar: Calendar, selections: Selections
) -> None:
    presenter, view = calendar
    presenter.load("occitanie")
    presenter.go_to(dt.date(2025, 4, 2))
    assert view.selected_date == dt.date(2025, 4, 2)
    assert dt.date(2025, 4, 30) in view.marks
    assert selections[-1] == ("occitanie", dt.date(2025, 4, 2))


def test_module_picker_shows_capacities_and_the_limiting_module(
    catalogue: Catalogue, l10n: PlainLocalizer
) -> None:
    view = FakeModulePickerView()
    chosen: list[tuple[str, ...]] = []
    presenter = ModulePickerPresenter(view, l10n, chosen.append)
    presenter.load(catalogue.snapshot.modules)
    assert {row.name: row.capacity_text for row in view.rows}["Tir de précision"] == "12"
    assert view.capacity == "Tick the modules of the session."
    presenter.set_checked("module_scenario", True)
    assert view.capacity == "At most 16 participants, limited by Scénario tactique."
    presenter.set_checked("module_tir", True)
    assert view.capacity == "At most 12 participants, limited by Tir de précision."
    assert view.limiting == "module_tir"
    assert chosen[-1] == ("module_scenario", "module_tir")  # in the order of the list
    presenter.set_checked("module_tir", False)
    assert view.limiting == "module_scenario"
