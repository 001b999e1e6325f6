"""BookingWorkflow: the seed's two-phase booking (create, then confirm) and its companions.

Each public method is one unit of work: it opens one store transaction, and a failure
(returned as :class:`Failure`, never raised for bad input) leaves the database unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from collections.abc import Mapping

from dst_desktop.domain.errors import AllocationConflictError, ErrorCode, WriteConflictError
from dst_desktop.domain.model import AuditEntry, Module, Session
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.rules import module_capacity
from dst_desktop.domain.statuses import SessionStatus, expected_statuses_text
from dst_desktop.services.availability import ALTERNATIVES_COUNT, AvailabilityEngine
from dst_desktop.services.clock import Clock
from dst_desktop.services.permissions import Permissions, guarded
from dst_desktop.services.results import (
    AvailabilityCheck,
    BookingCancelled,
    BookingConfirmed,
    BookingCreated,
    BookingStatus,
    Failure,
    session_to_dict,
)
from dst_desktop.services.store import Store, StoreTransaction
from dst_desktop.services.validation import (
    MAX_PARTICIPANTS,
    InvalidInputError,
    echoed,
    parse_count,
    parse_future_date,
    parse_id,
    parse_id_list,
    parse_text,
    reject_unknown_fields,
    show,
)

#: Fields of a ``createSessionBooking`` request; ``notes`` is DST Desktop's addition.
BOOKING_REQUEST_FIELDS = (
    "clientId",
    "regionId",
    "date",
    "moduleIds",
    "requestedParticipants",
    "offerId",
    "notes",
)
#: Where a booking came from (``bookingSource``).
SOURCE_CLIENT_PORTAL = "client_portal"
SOURCE_BACK_OFFICE = "back_office"
SOURCE_EVENT = "event"
#: Taken on a workstation's offline copy while the team's server was away (SPEC 11).
SOURCE_OFFLINE = "offline"
#: Sources of bookings taken away from the office's database, which travel back to it.
TAKEN_AWAY_SOURCES = frozenset({SOURCE_EVENT, SOURCE_OFFLINE})
#: The setting that marks an event database (SPEC 7); its value describes the snapshot.
EVENT_SNAPSHOT_SETTING = "event_snapshot"
#: The setting that marks a workstation's offline copy of a team's server (SPEC 11); such
#: a copy is also an event database, holding a snapshot of the server.
OFFLINE_COPY_SETTING = "offline_copy"
#: How many times a confirmation is retried when another workstation won the race.
_CONFIRM_ATTEMPTS = 3
_ID_ALPHABET = string.digits + string.ascii_lowercase


def device_name() -> str:
    """This computer's name, as bundles and event bookings record it."""
    import platform

    return platform.node() or "unknown-device"


def new_session_id(clock: Clock) -> str:
    """``sess_<epoch ms>_<9 base-36 characters>``, the seed's format."""
    millis = int(clock.now().replace(tzinfo=dt.UTC).timestamp() * 1000)
    import secrets  # here, not at the top: a read-only ``call`` never needs it

    suffix = "".join(secrets.choice(_ID_ALPHABET) for _ in range(9))
    return f"sess_{millis}_{suffix}"


def date_passed_message(day: dt.date, today: dt.date) -> str:
    """Why nothing can be allocated on a day before the business date."""
    return (
        f"The date {day.isoformat()} has passed (today is {today.isoformat()}): "
        "no setup can be allocated on it any more"
    )


def validation_failure(error: InvalidInputError, **details: object) -> Failure:
    """A ``VALIDATION_ERROR``; the input it repeats stays plain, JSON-ready text."""
    echoes = {name: echoed(value) for name, value in details.items()}
    return Failure(ErrorCode.VALIDATION_ERROR, error.message, {"field": error.field, **echoes})


def event_mode_failure(session_id: str) -> Failure:
    """Confirmations and missions happen at the office, against live data (SPEC 7)."""
    return Failure(
        ErrorCode.EVENT_MODE,
        "This is an event database: bookings taken here are confirmed at the office, "
        "against live availability, after import-bookings",
        {"sessionId": session_id},
    )


def away_from_the_office(tx: StoreTransaction, session_id: str) -> Failure | None:
    """Why a confirmation or a mission step cannot happen in this database, if it cannot:
    an offline copy waits for the server, an event database for the office."""
    if tx.setting(OFFLINE_COPY_SETTING) is not None:
        return Failure(
            ErrorCode.OFFLINE,
            "The team's server is away: this workstation works on its offline copy, where "
            "requests are taken and sent when the server is back; confirmation waits for it",
            {"sessionId": session_id},
        )
    if tx.setting(EVENT_SNAPSHOT_SETTING) is not None:
        return event_mode_failure(session_id)
    return None


def session_not_found(session_id: str, code: ErrorCode = ErrorCode.INVALID_STATUS) -> Failure:
    """The seed answers an unknown id with INVALID_STATUS; getBookingStatus with NOT_FOUND."""
    return Failure(code, f"Session {session_id} not found", {"sessionId": session_id})


def session_to_change(
    tx: StoreTransaction, session_id: str, expected: tuple[SessionStatus, ...]
) -> Session | Failure:
    """The session a step at the office acts on, or why it cannot: this database is away
    from the office, the session is unknown, or its status is none of ``expected``."""
    refusal = away_from_the_office(tx, session_id)
    if refusal is not None:
        return refusal
    session = tx.session(session_id)
    if session is None:
        return session_not_found(session_id)
    if session.status not in expected:
        return Failure(
            ErrorCode.INVALID_STATUS,
            f"Session status is {session.status.value}, "
            f"expected {expected_statuses_text(expected)}",
            {"sessionId": session_id},
        )
    return session


def no_setups_message(day: dt.date, region_id: str) -> str:
    return f"No setups available on {day.isoformat()} in {region_id}"


def known_modules(tx: StoreTransaction, module_ids: tuple[str, ...], field: str) -> list[Module]:
    """The modules named, in the order named; an unknown id is an :class:`InvalidInputError`."""
    catalogue = {module.id: module for module in tx.modules()}
    modules = []
    for index, module_id in enumerate(module_ids):
        if module_id not in catalogue:
            raise InvalidInputError(
                field, f"{field}[{index}] {show(module_id)} is not a known module"
            )
        modules.append(catalogue[module_id])
    return modules


@dataclasses.dataclass(frozen=True, slots=True)
class RequestedBooking:
    """The fields of a booking request, each checked on its own (not yet against the
    reference data): from ``createSessionBooking`` or from an event laptop's bundle."""

    client_id: str
    region_id: str
    day: dt.date
    module_ids: tuple[str, ...]
    participants: int
    offer_id: str | None
    notes: str


def parse_requested_booking(raw: Mapping[str, object], today: dt.date) -> RequestedBooking:
    """The request's fields, or :class:`InvalidInputError` naming the first one wrong."""
    client_id = parse_id(raw.get("clientId"), "clientId")
    region_id = parse_id(raw.get("regionId"), "regionId")
    day = parse_future_date(raw.get("date"), "date", today)
    module_ids = parse_id_list(raw.get("moduleIds"), "moduleIds")
    participants = parse_count(
        raw.get("requestedParticipants"), "requestedParticipants", 1, MAX_PARTICIPANTS
    )
    offer_value = raw.get("offerId")
    offer_id = None if offer_value is None else parse_id(offer_value, "offerId")
    notes = parse_text(raw.get("notes"), "notes", required=False)
    return RequestedBooking(client_id, region_id, day, module_ids, participants, offer_id, notes)


def require_region(tx: StoreTransaction, region_id: str, field: str = "regionId") -> None:
    if tx.region(region_id) is None:
        hint = (
            ""
            if tx.regions()
            else " (this database has no regions yet: import reference "
            "data first, with import-reference, or use the demo database with --demo)"
        )
        raise InvalidInputError(field, f"{field} {show(region_id)} is not a known region{hint}")


class SessionWorkflow:
    """What the workflows that change sessions share: the store, the clock and who acts,
    the login's rights, the audit row of a change, and the dates to offer instead of a
    full one."""

    def __init__(self, store: Store, clock: Clock, actor: str) -> None:
        self._store = store
        self._clock = clock
        self._actor = actor
        self.permissions = Permissions(store)

    def _audit(
        self, tx: StoreTransaction, action: str, session_id: str, details: dict[str, object]
    ) -> None:
        tx.add_audit(AuditEntry(self._clock.now(), self._actor, action, session_id, details))

    def _alternatives(self, tx: StoreTransaction, region_id: str, day: dt.date) -> list[str]:
        engine = AvailabilityEngine(tx, self._clock.today())
        return [
            alternative.isoformat()
            for alternative in engine.available_dates_after(region_id, day, ALTERNATIVES_COUNT)
        ]


class BookingWorkflow(SessionWorkflow):
    """``Workflows.Booking`` of the seed."""

    def __init__(self, store: Store, clock: Clock, actor: str, device: str = "") -> None:
        super().__init__(store, clock, actor)
        #: Recorded on bookings taken in an event database.
        self._device = device

    # -- helpers -----------------------------------------------------------------------

    def _new_session_id(self) -> str:
        return new_session_id(self._clock)

    # -- 1. createSessionBooking ---------------------------------------------------------

    @guarded(Action.CREATE_BOOKING)
    def create_session_booking(
        self, data: object, *, source: str = SOURCE_CLIENT_PORTAL
    ) -> BookingCreated | Failure:
        """Validate capacity and the day's availability, then store a pending session."""
        today = self._clock.today()
        try:
            if not isinstance(data, dict):
                raise InvalidInputError(
                    "data", f"the booking request must be an object, got {show(data)}"
                )
            reject_unknown_fields(data, BOOKING_REQUEST_FIELDS, "the booking request")
            request = parse_requested_booking(data, today)
        except InvalidInputError as error:
            return validation_failure(error)

        with self._store.writing() as tx:
            try:
                if tx.client(request.client_id) is None:
                    raise InvalidInputError(
                        "clientId", f"clientId {show(request.client_id)} is not a known client"
                    )
                require_region(tx, request.region_id)
                modules = known_modules(tx, request.module_ids, "moduleIds")
                offer_id = request.offer_id
                if offer_id is not None and offer_id not in {o.id for o in tx.offers()}:
                    raise InvalidInputError(
                        "offerId", f"offerId {show(offer_id)} is not a known offer"
                    )
            except InvalidInputError as error:
                return validation_failure(error)

            capacity = module_capacity(modules, request.participants)
            if not capacity.is_valid:
                return Failure(
                    ErrorCode.CAPACITY_EXCEEDED,
                    capacity.message,
                    {
                        "capacityMax": capacity.capacity_max,
                        "requestedParticipants": request.participants,
                    },
                )

            availability = AvailabilityEngine(tx, today).day(request.region_id, request.day)
            if not availability.is_available:
                return Failure(
                    ErrorCode.NO_AVAILABILITY,
                    no_setups_message(request.day, request.region_id),
                    {
                        "availableAlternatives": self._alternatives(
                            tx, request.region_id, request.day
                        )
                    },
                )

            event_database = tx.setting(EVENT_SNAPSHOT_SETTING) is not None
            if tx.setting(OFFLINE_COPY_SETTING) is not None:
                source = SOURCE_OFFLINE
            session = Session(
                id=self._new_session_id(),
                client_id=request.client_id,
                region_id=request.region_id,
                date=request.day,
                module_ids=request.module_ids,
                requested_participants=request.participants,
                capacity_max=capacity.capacity_max,
                status=SessionStatus.PENDING_CONFIRMATION,
                booking_source=source
                if source == SOURCE_OFFLINE
                else (SOURCE_EVENT if event_database else source),
                created_at=self._clock.now(),
                offer_id=request.offer_id,
                notes=request.notes,
                source_device=(self._device or device_name()) if event_database else None,
            )
            tx.add_session(session)
            self._audit(tx, "create", session.id, session_to_dict(session))
            return BookingCreated(session, availability.available_setups)

    # -- 2. confirmSessionBooking --------------------------------------------------------

    @guarded(Action.CONFIRM)
    def confirm_session_booking(self, session_id: object) -> BookingConfirmed | Failure:
        """Re-check the day and allocate the first free setup and operator, atomically."""
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)

        for attempt in range(1, _CONFIRM_ATTEMPTS + 1):
            try:
                return self._confirm_once(checked_id)
            except (AllocationConflictError, WriteConflictError):
                # Another workstation took the setup or operator between our read and
                # our write, or changed the same rows at the same instant (possible on
                # PostgreSQL); the next attempt sees what it did.
                if attempt == _CONFIRM_ATTEMPTS:
                    break
        with self._store.reading() as tx:
            session = tx.session(checked_id)
            if session is None:
                return session_not_found(checked_id)
            return Failure(
                ErrorCode.NO_SETUP_AVAILABLE,
                no_setups_message(session.date, session.region_id),
                {
                    "sessionId": checked_id,
                    "availableAlternatives": self._alternatives(
                        tx, session.region_id, session.date
                    ),
                },
            )

    def _confirm_once(self, session_id: str) -> BookingConfirmed | Failure:
        with self._store.writing() as tx:
            session = session_to_change(tx, session_id, (SessionStatus.PENDING_CONFIRMATION,))
            if isinstance(session, Failure):
                return session
            today = self._clock.today()
            engine = AvailabilityEngine(tx, today)
            resources = engine.free_resources(session.region_id, session.date)
            if resources is None:
                return Failure(
                    ErrorCode.NO_SETUP_AVAILABLE,
                    date_passed_message(session.date, today)
                    if session.date < today
                    else no_setups_message(session.date, session.region_id),
                    {
                        "sessionId": session_id,
                        "availableAlternatives": self._alternatives(
                            tx, session.region_id, session.date
                        ),
                    },
                )
            setup, operator = resources
            confirmed = dataclasses.replace(
                session,
                status=SessionStatus.CONFIRMED,
                setup_id=setup.id,
                operator_id=operator.id,
                confirmed_at=self._clock.now(),
            )
            tx.update_session(confirmed)
            self._audit(
                tx,
                "confirm",
                session_id,
                {"setupId": setup.id, "operatorId": operator.id, "date": session.date.isoformat()},
            )
            return BookingConfirmed(confirmed, setup, operator)

    # -- 3. cancelPendingBooking ---------------------------------------------------------

    @guarded(Action.CANCEL_BOOKING)
    def cancel_pending_booking(self, session_id: object) -> BookingCancelled | Failure:
        """Delete a pending request; safe to call again once it is gone."""
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        with self._store.writing() as tx:
            session = tx.session(checked_id)
            if session is None:
                return BookingCancelled(checked_id, already_deleted=True)
            if session.status is not SessionStatus.PENDING_CONFIRMATION:
                return Failure(
                    ErrorCode.INVALID_STATUS,
                    f"Cannot cancel session with status '{session.status.value}'",
                    {"sessionId": checked_id},
                )
            tx.delete_session(checked_id)
            self._audit(tx, "cancel", checked_id, session_to_dict(session))
            return BookingCancelled(checked_id, already_deleted=False)

    # -- 4. checkAvailability ------------------------------------------------------------

    @guarded(Action.CHECK_AVAILABILITY)
    def check_availability(
        self, region_id: object, date: object, module_ids: object, participant_count: object
    ) -> AvailabilityCheck | Failure:
        """Whether a booking could be made now; creates nothing."""
        today = self._clock.today()
        try:
            checked_region = parse_id(region_id, "regionId")
            day = parse_future_date(date, "date", today)
            checked_modules = parse_id_list(module_ids, "moduleIds")
            participants = parse_count(participant_count, "participantCount", 1, MAX_PARTICIPANTS)
        except InvalidInputError as error:
            return validation_failure(error)
        with self._store.reading() as tx:
            try:
                require_region(tx, checked_region)
                modules = known_modules(tx, checked_modules, "moduleIds")
            except InvalidInputError as error:
                return validation_failure(error)
            availability = AvailabilityEngine(tx, today).day(checked_region, day)
        return AvailabilityCheck(
            checked_region, day, module_capacity(modules, participants), availability
        )

    # -- 5. getBookingStatus -------------------------------------------------------------

    @guarded(Action.READ)
    def get_booking_status(self, session_id: object) -> BookingStatus | Failure:
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        with self._store.reading() as tx:
            session = tx.session(checked_id)
            if session is None:
                return session_not_found(checked_id, ErrorCode.NOT_FOUND)
            modules = {module.id: module for module in tx.modules()}
            setups = {setup.id: setup for setup in tx.setups(None)}
            operators = {op.id: op for op in tx.operators(None)}
            offers = {offer.id: offer for offer in tx.offers()}
            return BookingStatus(
                session=session,
                region=tx.region(session.region_id),
                client=tx.client(session.client_id),
                modules=tuple(modules[m] for m in session.module_ids if m in modules),
                offer=offers.get(session.offer_id) if session.offer_id else None,
                setups=tuple(setups[s] for s in [session.setup_id] if s and s in setups),
                operators=tuple(
                    operators[o] for o in [session.operator_id] if o and o in operators
                ),
                audit_trail=tuple(tx.audit_trail(checked_id)),
            )

    # -- 6. getSuggestedDates ------------------------------------------------------------

    @guarded(Action.READ)
    def get_suggested_dates(self, region_id: object, count: object = 5) -> list[dt.date] | Failure:
        """The first ``count`` available dates strictly after today."""
        try:
            checked_region = parse_id(region_id, "regionId")
            checked_count = parse_count(count, "count", 0, 366)
        except InvalidInputError as error:
            return validation_failure(error)
        today = self._clock.today()
        with self._store.reading() as tx:
            try:
                require_region(tx, checked_region)
            except InvalidInputError as error:
                return validation_failure(error)
            return AvailabilityEngine(tx, today).available_dates_after(
                checked_region, today, checked_count
            )
