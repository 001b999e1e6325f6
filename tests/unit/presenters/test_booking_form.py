"""The booking form: the live check, suggested dates, and creating a pending booking."""

from __future__ import annotations

import datetime as dt

import pytest

from dst_desktop.domain.model import Session
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.booking_form import BookingFormPresenter
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.results import BookingCreated, Failure
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create_confirmed
from tests.unit.presenters.fakes import FakeBookingFormView, FakeDialogs

DAY = dt.date(2025, 3, 10)


class Form:
    def __init__(
        self,
        workflows: Workflows,
        catalogue: Catalogue,
        dialogs: FakeDialogs,
        l10n: PlainLocalizer,
    ) -> None:
        self.view = FakeBookingFormView()
        self.created: list[Session] = []
        self.moved_to: list[dt.date] = []
        self.presenter = BookingFormPresenter(
            self.view,
            workflows.booking,
            workflows.queries,
            catalogue,
            dialogs,
            l10n,
            on_created=self.created.append,
            on_move_to=self.moved_to.append,
        )
        self.presenter.load()

    def fill(
        self,
        region: str = "occitanie",
        day: dt.date = DAY,
        modules: tuple[str, ...] = ("module_tir",),
        participants: int = 10,
        client: str | None = "client_123",
    ) -> None:
        self.presenter.set_place(region, day)
        self.presenter.set_modules(modules)
        self.presenter.participants_changed(participants)
        self.presenter.client_chosen(client)


@pytest.fixture
def form(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> Form:
    return Form(workflows, catalogue, dialogs, l10n)


def test_load_offers_clients_by_name_and_no_offer(form: Form) -> None:
    assert [c.text for c in form.view.clients] == ["ACME", "ACME Sécurité"]
    assert [o.text for o in form.view.offers] == ["Pack Pro"]
    assert form.view.participants == 1


def test_a_bookable_form_enables_create_and_shows_the_figures(form: Form) -> None:
    form.fill()
    assert form.view.panel is not None
    assert form.view.panel.headline == "This booking can be made."
    assert form.view.panel.tone is Tone.GOOD
    assert "Setups available: 5 of 5" in form.view.panel.details
    assert "Participants: 10 of 12 at most" in form.view.panel.details
    assert form.view.create_enabled
    assert form.view.request == "Occitanie — Monday 2025-03-10"


def test_create_stays_disabled_until_a_client_is_chosen(form: Form) -> None:
    form.fill(client=None)
    assert form.view.panel is not None and form.view.panel.tone is Tone.GOOD
    assert form.view.panel.headline == "This day is free: choose the client."
    assert not form.view.create_enabled
    assert form.view.create_hint == "Choose the client first."

    form.presenter.client_chosen("client_123")

    assert form.view.panel.headline == "This booking can be made."
    assert form.view.create_enabled


def test_no_module_means_nothing_to_check(form: Form) -> None:
    form.fill(modules=())
    assert form.view.panel is not None
    assert form.view.panel.headline == "Tick at least one module to check this day."
    assert not form.view.create_enabled


def test_too_many_participants_names_the_limiting_module_and_suggests_no_date(
    form: Form,
) -> None:
    form.fill(modules=("module_tir", "module_secourisme"), participants=15)
    panel = form.view.panel
    assert panel is not None and panel.tone is Tone.BAD
    assert panel.headline == (
        "Too many participants: 12 at most with these modules (limited by Tir de précision)."
    )
    assert form.view.suggestions == []
    assert not form.view.create_enabled


def test_a_full_day_suggests_the_next_free_dates(workflows: Workflows, form: Form) -> None:
    # Bretagne has one usable setup on 2025-03-11 (the other is in maintenance).
    create_confirmed(workflows, regionId="bretagne", date="2025-03-11")
    form.fill(region="bretagne", day=dt.date(2025, 3, 11))
    assert form.view.panel is not None
    assert form.view.panel.headline == "No setup is free on this day."
    assert form.view.suggestions_title == "Free dates:"
    assert [s.date for s in form.view.suggestions] == [
        dt.date(2025, 3, 12),
        dt.date(2025, 3, 13),
        dt.date(2025, 3, 14),
        dt.date(2025, 3, 15),
        dt.date(2025, 3, 16),
    ]
    assert not form.view.create_enabled
    form.presenter.suggestion_chosen(dt.date(2025, 3, 12))
    assert form.moved_to == [dt.date(2025, 3, 12)]


def test_no_free_operator_is_said_so(workflows: Workflows, form: Form) -> None:
    # On 2025-03-12 one Bretagne operator is on leave: one booking takes the other.
    create_confirmed(workflows, regionId="bretagne", date="2025-03-12")
    form.fill(region="bretagne", day=dt.date(2025, 3, 12))
    assert form.view.panel is not None
    assert form.view.panel.headline == "No operator is free on this day."


def test_a_past_day_is_refused_with_dates_from_today(form: Form) -> None:
    form.fill(day=TODAY - dt.timedelta(days=3))
    assert form.view.panel is not None
    assert form.view.panel.headline == "This day is past."
    assert form.view.suggestions[0].date == TODAY
    assert not form.view.create_enabled


def test_create_stores_a_pending_back_office_booking(workflows: Workflows, form: Form) -> None:
    form.fill()
    form.presenter.offer_chosen("offer_456")
    form.presenter.notes_changed("Gate B, ask for Mrs Roux")
    form.presenter.create()
    assert len(form.created) == 1
    session = form.created[0]
    stored = workflows.queries.pending_sessions()
    assert [s.id for s in stored] == [session.id]
    assert stored[0].status is SessionStatus.PENDING_CONFIRMATION
    assert stored[0].booking_source == "back_office"
    assert stored[0].offer_id == "offer_456"
    assert stored[0].notes == "Gate B, ask for Mrs Roux"
    assert form.view.created == (
        "Booking for ACME on 2025-03-10 created: it waits in the pending queue."
    )
    assert form.view.client is None  # ready for the next client
    assert not form.view.create_enabled


def test_day_taken_between_check_and_create_is_explained(
    workflows: Workflows, catalogue: Catalogue, dialogs: FakeDialogs, l10n: PlainLocalizer
) -> None:
    class RacingBooking(BookingWorkflow):
        """Another workstation confirms the last setup just before this create."""

        def create_session_booking(
            self, data: object, *, source: str = "client_portal"
        ) -> BookingCreated | Failure:
            create_confirmed(workflows, regionId="bretagne", date="2025-03-11")
            return super().create_session_booking(data, source=source)

    form = Form(workflows, catalogue, dialogs, l10n)
    form.presenter._booking = RacingBooking(workflows.store, workflows.clock, "tester")
    form.fill(region="bretagne", day=dt.date(2025, 3, 11))
    assert form.view.create_enabled
    form.presenter.create()
    assert form.created == []
    assert dialogs.warnings[0][0] == "Booking not created"
    assert dialogs.warnings[0][1].startswith(
        "Every setup or operator of Bretagne is already taken on 2025-03-11. Free dates nearby:"
    )
    assert form.view.panel is not None
    assert form.view.panel.headline == "No setup is free on this day."


def test_reset_clears_the_client_and_participants(form: Form) -> None:
    form.fill(participants=9)
    form.presenter.reset()
    assert form.view.client is None
    assert form.view.participants == 1
    assert not form.view.create_enabled


def test_the_message_of_a_booking_created_goes_when_the_next_one_starts(form: Form) -> None:
    form.fill()
    form.presenter.create()
    assert form.view.created.startswith("Booking for ACME on 2025-03-10 created")

    form.presenter.set_modules(form.presenter.module_ids)  # nothing changed: it stays
    assert form.view.created

    form.presenter.participants_changed(4)

    assert form.view.created == ""


def test_the_message_of_a_booking_created_goes_when_the_booking_moves_on(form: Form) -> None:
    form.fill()
    form.presenter.create()
    assert form.view.created

    form.presenter.forget_created()  # confirmed or cancelled in the queue

    assert form.view.created == ""
