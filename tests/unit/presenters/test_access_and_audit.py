"""The window's presenters as a role sees them, and the Audit log presenter (fake views).

The role comes from a store that reports it (as PostgreSQL's would); the workflows and
the database underneath are real.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from dst_desktop.domain.permissions import Access, Role
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.access import WindowCommand
from dst_desktop.presenters.audit_log import AuditCriteria, AuditLogPresenter, AuditRow
from dst_desktop.presenters.booking_details import DetailAction
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.dialogs import FirstStartChoice
from dst_desktop.presenters.event_mode import ExchangeCommand
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.main_window import MainPresenter, MainViews
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import (
    FakeBookingFormView,
    FakeCalendarView,
    FakeDetailsView,
    FakeDialogs,
    FakeMainView,
    FakeModulePickerView,
    FakeTableView,
    InlineRunner,
)


class RoleStore:
    """A real store whose login has ``access`` (as a PostgreSQL login would)."""

    def __init__(self, store: PeeweeStore, access: Access) -> None:
        self._store = store
        self._access = access

    def access(self) -> Access:
        return self._access

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def as_login(workflows: Workflows, login: str, role: Role | None) -> Workflows:
    store = RoleStore(workflows.store, Access(login, role))  # type: ignore[arg-type]
    return Workflows.create(store, BusinessDateClock(TODAY), "ignored")  # type: ignore[arg-type]


@dataclass
class Window:
    workflows: Workflows
    dialogs: FakeDialogs = field(default_factory=FakeDialogs)
    main: FakeMainView = field(default_factory=FakeMainView)
    queue: FakeTableView = field(default_factory=FakeTableView)

    def __post_init__(self) -> None:
        self.presenter = MainPresenter(
            MainViews(
                self.main,
                FakeCalendarView(),
                FakeModulePickerView(),
                FakeBookingFormView(),
                self.queue,
                FakeTableView(),
            ),
            self.workflows,
            self.dialogs,
            InlineRunner(),
            PlainLocalizer(),
            demo_reference=dict,
        )
        self.presenter.start()


def test_a_booking_login_sees_what_it_may_not_do_and_why(workflows: Workflows) -> None:
    window = Window(as_login(workflows, "alice", Role.BOOKING))

    text, tooltip = window.main.access
    assert text == "Signed in as alice (booking)"
    assert "confirming and missions need the planner role" in tooltip
    assert window.main.commands_unavailable == {
        WindowCommand.REFERENCE_DATA: "Changing reference data needs the admin role; "
        "you are alice (booking).",
        WindowCommand.IMPORT_REFERENCE: "Importing reference data needs the admin role; "
        "you are alice (booking).",
        WindowCommand.LOAD_DEMO: "Importing reference data needs the admin role; "
        "you are alice (booking).",
    }
    assert window.queue.confirm_unavailable == (
        "Confirming a booking needs the planner role; you are alice (booking)."
    )
    assert window.main.unavailable[ExchangeCommand.EXPORT_SNAPSHOT].startswith(
        "Exporting a snapshot needs the admin role"
    )
    assert window.main.unavailable[ExchangeCommand.IMPORT_BOOKINGS].startswith(
        "Importing event bookings needs the planner role"
    )


def test_a_booking_login_is_told_instead_of_importing(workflows: Workflows) -> None:
    window = Window(as_login(workflows, "alice", Role.BOOKING))
    window.dialogs.reference_file = "/nowhere.json"
    window.presenter.import_reference_file()
    window.presenter.load_demo()
    assert [title for title, _ in window.dialogs.warnings] == [
        "Import reference data",
        "Demo data",
    ]
    assert all("needs the admin role" in text for _, text in window.dialogs.warnings)


def test_mission_steps_say_which_role_they_need(workflows: Workflows) -> None:
    session = create_confirmed(workflows)
    window = Window(as_login(workflows, "alice", Role.BOOKING))
    view = FakeDetailsView()
    window.presenter.details_presenter(view).load(session.id)
    assert {choice.action for choice in view.actions} >= {DetailAction.SCHEDULE}
    assert {choice.unavailable for choice in view.actions} == {
        "The mission steps need the planner role; you are alice (booking)."
    }


def test_a_planner_confirms_but_not_reference_data(workflows: Workflows) -> None:
    window = Window(as_login(workflows, "paul", Role.PLANNER))
    assert window.queue.confirm_unavailable == ""
    assert window.main.commands_unavailable[WindowCommand.REFERENCE_DATA].startswith(
        "Changing reference data needs the admin role; you are paul (planner)"
    )
    assert window.main.unavailable[ExchangeCommand.IMPORT_BOOKINGS] == ""


def test_on_a_file_everything_is_allowed(workflows: Workflows, database_url: str) -> None:
    window = Window(workflows)
    if database_url.startswith("sqlite"):
        assert window.main.access[0] == "Signed in as tester (owner of this database file)"
    else:
        assert window.main.access[0] == "Signed in as postgres (database owner)"
    assert set(window.main.commands_unavailable.values()) == {""}
    assert window.queue.confirm_unavailable == ""


def test_an_empty_database_is_left_to_an_admin(empty_store: PeeweeStore) -> None:
    workflows = Workflows.create(empty_store, BusinessDateClock(TODAY), "tester")
    window = Window(as_login(workflows, "alice", Role.BOOKING))
    window.dialogs.first_start = FirstStartChoice.DEMO
    window.presenter.first_start()
    assert window.main.status_messages == [
        "The database is empty: an administrator loads its reference data."
    ]
    assert workflows.queries.is_empty()


# -- the Audit log ----------------------------------------------------------------------------


@dataclass
class FakeAuditView:
    period: tuple[dt.date, dt.date] | None = None
    actions: list[Choice] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[AuditRow] = field(default_factory=list)
    summary: tuple[str, bool] = ("", False)

    def show_period(self, first: dt.date, last: dt.date) -> None:
        self.period = (first, last)

    def show_actions(self, choices: Sequence[Choice]) -> None:
        self.actions = list(choices)

    def show_entries(self, headers: Sequence[str], rows: Sequence[AuditRow]) -> None:
        self.headers, self.rows = list(headers), list(rows)

    def show_summary(self, text: str, problem: bool) -> None:
        self.summary = (text, problem)


@pytest.fixture
def audit_log(
    workflows: Workflows, catalogue: Catalogue
) -> tuple[FakeAuditView, AuditLogPresenter]:
    view = FakeAuditView()
    presenter = AuditLogPresenter(view, workflows, catalogue, PlainLocalizer())
    return view, presenter


def test_the_audit_log_opens_on_the_last_30_days_newest_first(
    workflows: Workflows, audit_log: tuple[FakeAuditView, AuditLogPresenter]
) -> None:
    confirmed = create_confirmed(workflows)
    pending = create(workflows, date="2025-03-12", regionId="bretagne")
    workflows.booking.cancel_pending_booking(pending.id)
    workflows.mission.cancel_mission(confirmed.id, "Client postponed")
    view, presenter = audit_log

    presenter.load()

    assert view.period == (TODAY - dt.timedelta(days=30), TODAY)
    assert view.actions[0] == Choice("", "Every action")
    assert Choice("confirm", "Confirmed") in view.actions
    assert view.headers == ["When", "Who", "What", "Session", "Details"]
    assert [(row.action, row.session_id, row.details) for row in view.rows] == [
        (
            "Mission cancelled",
            confirmed.id,
            "Confirmed → Cancelled, reason: Client postponed",
        ),
        ("Pending booking cancelled", pending.id, "ACME, Bretagne, 2025-03-12"),
        ("Booking requested", pending.id, "ACME, Bretagne, 2025-03-12"),
        ("Confirmed", confirmed.id, "Setup Occitanie #1, Opérateur Occitanie 1"),
        ("Booking requested", confirmed.id, "ACME, Occitanie, 2025-03-10"),
        (
            "Reference data imported",
            "",
            "23 added, 0 updated",
        ),
    ]
    assert {row.actor for row in view.rows} == {workflows.actor}
    assert view.summary == ("6 entries.", False)


def test_the_audit_log_filters_and_says_what_is_wrong(
    workflows: Workflows, audit_log: tuple[FakeAuditView, AuditLogPresenter]
) -> None:
    session = create_confirmed(workflows)
    view, presenter = audit_log
    presenter.apply(AuditCriteria(session_id=f"  {session.id} "))
    assert [row.action for row in view.rows] == ["Confirmed", "Booking requested"]
    presenter.apply(AuditCriteria(first=TODAY + dt.timedelta(days=1)))
    assert view.rows == [] and view.summary == ("No entry matches these filters.", False)
    presenter.apply(AuditCriteria(first=TODAY, last=TODAY - dt.timedelta(days=1)))
    assert view.summary[1] is True
    assert view.summary[0].startswith("Please check the filters: the period ends")


def test_a_login_without_a_role_reads_no_audit_log(
    workflows: Workflows, catalogue: Catalogue
) -> None:
    view = FakeAuditView()
    nobody = as_login(workflows, "bob", None)
    AuditLogPresenter(view, nobody, catalogue, PlainLocalizer()).load()
    assert view.rows == []
    assert view.summary == (
        "The audit log cannot be read: Reading the bookings needs the booking role; "
        "you are bob (no DST Desktop role)",
        True,
    )
