"""The booking form: client, participants and offer, checked live against the day chosen.

Every change of region, day, modules, participants or client runs ``checkAvailability``
and tells the view what the panel says, which dates to suggest and whether "Create
booking" may be pressed (only when the check says ``canBook`` and a client is chosen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from dst_desktop.domain.model import Session
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.presenters.messages import FailureContext, Tone, failure_text
from dst_desktop.services.booking import SOURCE_BACK_OFFICE, BookingWorkflow
from dst_desktop.services.queries import BookingQueries
from dst_desktop.services.results import AvailabilityCheck, Failure

#: How many free dates the form suggests when the chosen day cannot be booked.
SUGGESTION_COUNT = 5
DEFAULT_PARTICIPANTS = 1


@dataclass(frozen=True, slots=True)
class AvailabilityPanel:
    headline: str
    tone: Tone
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SuggestedDate:
    date: dt.date
    text: str


class BookingFormView(Protocol):
    def show_clients(self, clients: Sequence[Choice], selected_id: str | None) -> None: ...

    def show_offers(self, offers: Sequence[Choice], selected_id: str | None) -> None:
        """The offers, after a first entry meaning "no offer" (id None)."""

    def show_participants(self, count: int) -> None: ...

    def show_notes(self, text: str) -> None: ...

    def show_request(self, text: str) -> None:
        """Where and when the booking is for (region and day, spelled out)."""

    def show_availability(self, panel: AvailabilityPanel) -> None: ...

    def show_suggestions(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        """Free dates to move to with one click (none: hide the row)."""

    def set_create_enabled(self, enabled: bool, hint: str) -> None: ...

    def show_created(self, text: str) -> None:
        """Confirm a booking was created, next to the button ("" clears it)."""


class BookingFormPresenter:
    def __init__(
        self,
        view: BookingFormView,
        booking: BookingWorkflow,
        queries: BookingQueries,
        catalogue: Catalogue,
        dialogs: Dialogs,
        l10n: Localizer,
        on_created: Callable[[Session], None],
        on_move_to: Callable[[dt.date], None],
    ) -> None:
        self._view = view
        self._booking = booking
        self._queries = queries
        self._catalogue = catalogue
        self._dialogs = dialogs
        self._l10n = l10n
        self._on_created = on_created
        self._on_move_to = on_move_to
        self.region_id: str | None = None
        self.day: dt.date = queries.today()
        self.module_ids: tuple[str, ...] = ()
        self.participants = DEFAULT_PARTICIPANTS
        self.client_id: str | None = None
        self.offer_id: str | None = None
        self.notes = ""
        #: In an event database, bookings are confirmed at the office later.
        self.event_mode = False
        #: Working on the offline copy while the server is away (SPEC 11).
        self.offline = False
        self._can_book = False
        self._created_shown = False

    # -- what the user changes ---------------------------------------------------------

    def load(self) -> None:
        """Fill the client and offer lists (after start-up or a reference data change)."""
        clients = self._catalogue.client_choices()
        if self.client_id not in {c.id for c in clients}:
            self.client_id = None
        offers = self._catalogue.offer_choices()
        if self.offer_id not in {o.id for o in offers}:
            self.offer_id = None
        self._view.show_clients(clients, self.client_id)
        self._view.show_offers(offers, self.offer_id)
        self._view.show_participants(self.participants)
        self._view.show_notes(self.notes)
        self.check()

    def set_place(self, region_id: str | None, day: dt.date) -> None:
        self.region_id = region_id
        self.day = day
        self._view.show_created("")
        self.check()

    def set_modules(self, module_ids: tuple[str, ...]) -> None:
        if module_ids != self.module_ids:
            self.forget_created()
        self.module_ids = module_ids
        self.check()

    def participants_changed(self, count: int) -> None:
        if count != self.participants:
            self.forget_created()
            self.participants = count
            self.check()

    def client_chosen(self, client_id: str | None) -> None:
        if client_id != self.client_id:
            if client_id is not None:
                self.forget_created()
            self.client_id = client_id
            self.check()  # the panel's headline names the missing client

    def forget_created(self) -> None:
        """The message of the last booking created has done its job: the user works on
        the next one, or the booking has moved on (confirmed, cancelled)."""
        if self._created_shown:
            self._created_shown = False
            self._view.show_created("")

    def choose_client(self, client_id: str) -> None:
        """Select ``client_id`` in the list (a client just added, for instance)."""
        self.client_id = client_id
        self._view.show_clients(self._catalogue.client_choices(), client_id)
        self.check()

    def offer_chosen(self, offer_id: str | None) -> None:
        if offer_id != self.offer_id:
            self.forget_created()
        self.offer_id = offer_id

    def notes_changed(self, text: str) -> None:
        if text != self.notes:
            self.forget_created()
        self.notes = text

    def suggestion_chosen(self, day: dt.date) -> None:
        self._on_move_to(day)

    def resume(
        self, participants: int, client_id: str | None, offer_id: str | None, notes: str
    ) -> None:
        """Fill the form as it was (the same booking, in a window rebuilt in another
        language); a client or offer removed meanwhile is left out."""
        self.participants = participants
        self.client_id = client_id
        self.offer_id = offer_id
        self.notes = notes
        self.load()

    def reset(self) -> None:
        """Start a new booking: same place, no client, offer, notes; one participant."""
        self.client_id = None
        self.offer_id = None
        self.notes = ""
        self.participants = DEFAULT_PARTICIPANTS
        self._view.show_created("")
        self.load()

    # -- the live check ------------------------------------------------------------------

    def _place_text(self) -> str:
        if self.region_id is None:
            return self._l10n.translate("BookingForm", "No region chosen")
        return fill(
            self._l10n.translate("BookingForm", "%1 — %2"),
            self._catalogue.region_name(self.region_id),
            self._l10n.long_date_text(self.day),
        )

    def check(self) -> None:
        """Ask ``checkAvailability`` about the form as it stands and show the verdict."""
        self._view.show_request(self._place_text())
        panel, suggestions = self._verdict()
        self._view.show_availability(panel)
        if suggestions is None:
            self._view.show_suggestions("", [])
        elif suggestions:
            self._view.show_suggestions(
                self._l10n.translate("BookingForm", "Free dates:"),
                [SuggestedDate(day, self._l10n.date_text(day)) for day in suggestions],
            )
        else:
            self._view.show_suggestions(
                self._l10n.translate("BookingForm", "No free date in the next twelve months."),
                [],
            )
        if not self._can_book:
            hint = self._l10n.translate(
                "BookingForm", "The availability panel explains why this booking is not possible."
            )
        elif self.client_id is None:
            hint = self._l10n.translate("BookingForm", "Choose the client first.")
        else:
            hint = ""
        self._view.set_create_enabled(self._can_book and self.client_id is not None, hint)

    def _suggestions_after(self, day: dt.date) -> list[dt.date]:
        assert self.region_id is not None
        return self._queries.available_dates_after(self.region_id, day, SUGGESTION_COUNT)

    def _verdict(self) -> tuple[AvailabilityPanel, list[dt.date] | None]:
        self._can_book = False
        if self.region_id is None:
            return (
                AvailabilityPanel(
                    self._l10n.translate("BookingForm", "Choose a region."), Tone.NEUTRAL
                ),
                None,
            )
        today = self._queries.today()
        if self.day < today:
            return (
                AvailabilityPanel(
                    self._l10n.translate("BookingForm", "This day is past."), Tone.BAD
                ),
                self._suggestions_after(today - dt.timedelta(days=1)),
            )
        if not self.module_ids:
            return (
                AvailabilityPanel(
                    self._l10n.translate(
                        "BookingForm", "Tick at least one module to check this day."
                    ),
                    Tone.NEUTRAL,
                ),
                None,
            )
        result = self._booking.check_availability(
            self.region_id, self.day.isoformat(), list(self.module_ids), self.participants
        )
        if isinstance(result, Failure):
            return AvailabilityPanel(failure_text(result, self._l10n), Tone.BAD), None
        return self._panel(result)

    def _panel(self, check: AvailabilityCheck) -> tuple[AvailabilityPanel, list[dt.date] | None]:
        translate = self._l10n.translate
        day = check.availability
        capacity = check.capacity
        details = (
            fill(
                translate("BookingForm", "Setups available: %1 of %2"),
                day.available_setups,
                day.total_setups,
            ),
            fill(
                translate("BookingForm", "Setups free: %1 · operators free: %2"),
                day.free_setups,
                day.operators_available,
            ),
            fill(
                translate("BookingForm", "Participants: %1 of %2 at most"),
                capacity.requested_participants,
                capacity.capacity_max,
            ),
        )
        if check.can_book:
            self._can_book = True
            if self.client_id is None:
                # Free, but not bookable yet: the panel says what is missing, as Create does.
                headline = translate("BookingForm", "This day is free: choose the client.")
            else:
                headline = translate("BookingForm", "This booking can be made.")
            return AvailabilityPanel(headline, Tone.GOOD, details), None
        if not day.is_available:
            if day.free_setups > 0 and day.operators_available == 0:
                headline = translate("BookingForm", "No operator is free on this day.")
            else:
                headline = translate("BookingForm", "No setup is free on this day.")
            return AvailabilityPanel(headline, Tone.BAD, details), self._suggestions_after(self.day)
        return (
            AvailabilityPanel(
                fill(
                    translate(
                        "BookingForm",
                        "Too many participants: %1 at most with these modules (limited by %2).",
                    ),
                    capacity.capacity_max,
                    capacity.limiting_module.name,
                ),
                Tone.BAD,
                details,
            ),
            None,
        )

    # -- creating ------------------------------------------------------------------------

    def create(self) -> None:
        """Create the pending booking the form describes."""
        self.check()
        if not self._can_book or self.client_id is None or self.region_id is None:
            return
        request: dict[str, object] = {
            "clientId": self.client_id,
            "regionId": self.region_id,
            "date": self.day.isoformat(),
            "moduleIds": list(self.module_ids),
            "requestedParticipants": self.participants,
        }
        if self.offer_id is not None:
            request["offerId"] = self.offer_id
        if self.notes.strip():
            request["notes"] = self.notes
        result = self._booking.create_session_booking(request, source=SOURCE_BACK_OFFICE)
        if isinstance(result, Failure):
            context = FailureContext(
                self._catalogue.region_name(self.region_id),
                self.day,
                business_date=self._queries.today(),
            )
            self._dialogs.warn(
                self._l10n.translate("BookingForm", "Booking not created"),
                failure_text(result, self._l10n, context),
            )
            self.check()
            return
        session = result.session
        client_name = self._catalogue.client_name(session.client_id)
        self.client_id = None
        self.notes = ""
        self._view.show_clients(self._catalogue.client_choices(), None)
        self._view.show_notes("")
        self.check()
        if self.offline:
            created = self._l10n.translate(
                "BookingForm",
                "Booking for %1 on %2 kept on this workstation: it is sent to the server as "
                "soon as the server is back.",
            )
        elif self.event_mode:
            created = self._l10n.translate(
                "BookingForm",
                "Booking for %1 on %2 taken: the office confirms it after File ▸ Export event "
                "bookings.",
            )
        else:
            created = self._l10n.translate(
                "BookingForm", "Booking for %1 on %2 created: it waits in the pending queue."
            )
        self._view.show_created(fill(created, client_name, self._l10n.date_text(session.date)))
        self._created_shown = True
        self._on_created(session)
