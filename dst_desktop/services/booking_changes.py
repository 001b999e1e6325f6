"""Changes after booking (SPEC 12): correct a pending request, reschedule a confirmed
session in one step, and repair allocations that reference data changes broke.

Each public method is one unit of work, like the seed's functions: a failure is returned
(never raised for bad input) and leaves the database exactly as it was. Rescheduling and
reallocation write allocations, so they lose races the way a confirmation can, and retry
the same way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from dst_desktop.domain.conflicts import (
    REALLOCATABLE,
    ConflictReason,
    ResourceConflict,
    session_conflicts,
)
from dst_desktop.domain.errors import AllocationConflictError, ErrorCode, WriteConflictError
from dst_desktop.domain.model import Operator, Session, Setup
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.rules import module_capacity
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.services.availability import AvailabilityEngine
from dst_desktop.services.booking import (
    SessionWorkflow,
    date_passed_message,
    known_modules,
    new_session_id,
    no_setups_message,
    session_not_found,
    session_to_change,
    validation_failure,
)
from dst_desktop.services.permissions import guarded
from dst_desktop.services.results import Failure, JsonDict, session_to_dict
from dst_desktop.services.store import StoreTransaction
from dst_desktop.services.validation import (
    MAX_PARTICIPANTS,
    InvalidInputError,
    parse_count,
    parse_date,
    parse_future_date,
    parse_id,
    parse_id_list,
    parse_text,
    reject_unknown_fields,
    show,
)

#: What ``updatePendingBooking`` may change, in the order changes are reported.
UPDATABLE_FIELDS = ("date", "moduleIds", "requestedParticipants", "clientId", "offerId", "notes")
#: How many times a reschedule or a reallocation is tried when another workstation won.
_ATTEMPTS = 3

R = TypeVar("R")


def conflict_to_dict(conflict: ResourceConflict) -> JsonDict:
    """``{"sessionId", "date", "regionId", "reason", "setupId"?, "operatorId"?}``."""
    item: JsonDict = {
        "sessionId": conflict.session_id,
        "date": conflict.date.isoformat(),
        "regionId": conflict.region_id,
        "reason": conflict.reason.value,
    }
    if conflict.setup_id is not None:
        item["setupId"] = conflict.setup_id
    if conflict.operator_id is not None:
        item["operatorId"] = conflict.operator_id
    return item


_REASON_TEXT = {
    ConflictReason.SETUP_INACTIVE: "setup {id} is out of service",
    ConflictReason.SETUP_MOVED: "setup {id} is now based in another region",
    ConflictReason.SETUP_IN_MAINTENANCE: "setup {id} is in maintenance that day",
    ConflictReason.OPERATOR_INACTIVE: "operator {id} is no longer active",
    ConflictReason.OPERATOR_MOVED: "operator {id} now works in another region",
    ConflictReason.OPERATOR_ON_LEAVE: "operator {id} is on leave that day",
}


def conflict_text(conflict: ResourceConflict) -> str:
    """``sess_… on 2025-03-10 in occitanie: operator op_1 is on leave that day``."""
    resource = conflict.setup_id or conflict.operator_id or "?"
    return (
        f"{conflict.session_id} on {conflict.date.isoformat()} in {conflict.region_id}: "
        + _REASON_TEXT[conflict.reason].format(id=resource)
    )


def find_conflicts(
    tx: StoreTransaction, first: dt.date | None, last: dt.date | None
) -> tuple[list[ResourceConflict], dict[str, Session]]:
    """The conflicts of a period and their sessions: one query for the sessions (and one
    for their modules), whatever the period; the reference data comes from the cache."""
    sessions = tx.sessions_on_unusable_resources(first, last)
    if not sessions:
        return [], {}
    setups = {setup.id: setup for setup in tx.setups(None)}
    operators = {operator.id: operator for operator in tx.operators(None)}
    conflicts = [
        conflict
        for session in sessions
        for conflict in session_conflicts(session, setups, operators)
    ]
    return conflicts, {session.id: session for session in sessions}


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BookingUpdated:
    """A pending request after correction; ``changed`` names the fields that changed."""

    session: Session
    before: Session
    changed: tuple[str, ...]
    success: Literal[True] = True

    @property
    def message(self) -> str:
        if not self.changed:
            return f"Session {self.session.id} unchanged"
        return f"Session {self.session.id} updated: {', '.join(self.changed)}"

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "sessionId": self.session.id,
            "session": session_to_dict(self.session),
            "message": self.message,
            "changedFields": list(self.changed),
            "capacityMax": self.session.capacity_max,
            "status": self.session.status.value,
        }


@dataclass(frozen=True)
class SessionRescheduled:
    """The confirmed copy on the new date, and the original, now cancelled."""

    session: Session
    previous: Session
    setup: Setup
    operator: Operator
    success: Literal[True] = True

    @property
    def message(self) -> str:
        return (
            f"Session {self.previous.id} rescheduled to {self.session.date.isoformat()} as "
            f"{self.session.id} - setup {self.setup.id} allocated"
        )

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "sessionId": self.session.id,
            "previousSessionId": self.previous.id,
            "allocatedSetupId": self.setup.id,
            "allocatedOperatorId": self.operator.id,
            "session": session_to_dict(self.session),
            "message": self.message,
            "status": self.session.status.value,
        }


@dataclass(frozen=True)
class SessionReallocated:
    """A session on resources that can serve it; ``changed`` is False when it already was."""

    session: Session
    setup_id: str
    operator_id: str
    previous_setup_id: str
    previous_operator_id: str
    success: Literal[True] = True

    @property
    def changed(self) -> bool:
        return (self.setup_id, self.operator_id) != (
            self.previous_setup_id,
            self.previous_operator_id,
        )

    @property
    def message(self) -> str:
        if not self.changed:
            return f"Session {self.session.id} has no resource conflict - allocation unchanged"
        return (
            f"Session {self.session.id} reallocated - setup {self.setup_id}, "
            f"operator {self.operator_id}"
        )

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "sessionId": self.session.id,
            "allocatedSetupId": self.setup_id,
            "allocatedOperatorId": self.operator_id,
            "previousSetupId": self.previous_setup_id,
            "previousOperatorId": self.previous_operator_id,
            "session": session_to_dict(self.session),
            "message": self.message,
            "status": self.session.status.value,
        }


@dataclass(frozen=True)
class ResourceConflicts:
    """The conflicts of a period, with their sessions (for screens that name clients)."""

    conflicts: tuple[ResourceConflict, ...]
    sessions: dict[str, Session] = field(default_factory=dict)
    success: Literal[True] = True

    @property
    def session_ids(self) -> list[str]:
        """Each session with a conflict once, in date order."""
        return list(dict.fromkeys(conflict.session_id for conflict in self.conflicts))

    def to_dict(self) -> JsonDict:
        return {"success": True, "conflicts": [conflict_to_dict(c) for c in self.conflicts]}


# -- the workflow -------------------------------------------------------------------------


class BookingChanges(SessionWorkflow):
    """``updatePendingBooking``, ``rescheduleSession``, ``getResourceConflicts`` and
    ``reallocateSession``."""

    def _no_setup(
        self, tx: StoreTransaction, session_id: str, region_id: str, day: dt.date, message: str
    ) -> Failure:
        return Failure(
            ErrorCode.NO_SETUP_AVAILABLE,
            message,
            {
                "sessionId": session_id,
                "availableAlternatives": self._alternatives(tx, region_id, day),
            },
        )

    @staticmethod
    def _retrying(attempt: Callable[[], R], lost: Callable[[], R]) -> R:
        """Run ``attempt``; when the database refuses its allocation because another
        workstation took the resource in between, or when two writers collided, try
        again (the next attempt sees the other's work), then give up with ``lost``."""
        for _ in range(_ATTEMPTS):
            try:
                return attempt()
            except (AllocationConflictError, WriteConflictError):
                continue
        return lost()

    # -- updatePendingBooking -----------------------------------------------------------

    @guarded(Action.CHANGE_BOOKING)
    def update_pending_booking(
        self, session_id: object, changes: object
    ) -> BookingUpdated | Failure:
        """Correct a pending request: every field given is checked as creation checks it,
        a new date must be bookable and new modules or participants must fit."""
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        try:
            parsed = self._parse_changes(changes)
        except InvalidInputError as error:
            return validation_failure(error, sessionId=checked_id)
        with self._store.writing() as tx:
            session = tx.session(checked_id)
            if session is None:
                return session_not_found(checked_id)
            if session.status is not SessionStatus.PENDING_CONFIRMATION:
                return Failure(
                    ErrorCode.INVALID_STATUS,
                    f"Session status is {session.status.value}, expected 'pending_confirmation'",
                    {"sessionId": checked_id},
                )
            return self._update(tx, session, parsed)

    def _parse_changes(self, changes: object) -> dict[str, object]:
        if not isinstance(changes, dict):
            raise InvalidInputError(
                "changes", f"changes must be an object of fields to change, got {show(changes)}"
            )
        reject_unknown_fields(changes, UPDATABLE_FIELDS, "changes")
        if not changes:
            raise InvalidInputError(
                "changes", f"changes must name at least one of: {', '.join(UPDATABLE_FIELDS)}"
            )
        parsed: dict[str, object] = {}
        if "date" in changes:
            parsed["date"] = parse_future_date(changes["date"], "date", self._clock.today())
        if "moduleIds" in changes:
            parsed["moduleIds"] = parse_id_list(changes["moduleIds"], "moduleIds")
        if "requestedParticipants" in changes:
            parsed["requestedParticipants"] = parse_count(
                changes["requestedParticipants"], "requestedParticipants", 1, MAX_PARTICIPANTS
            )
        if "clientId" in changes:
            parsed["clientId"] = parse_id(changes["clientId"], "clientId")
        if "offerId" in changes:
            offer = changes["offerId"]
            parsed["offerId"] = None if offer is None else parse_id(offer, "offerId")
        if "notes" in changes:
            parsed["notes"] = parse_text(changes["notes"], "notes", required=False)
        return parsed

    def _update(
        self, tx: StoreTransaction, session: Session, parsed: dict[str, object]
    ) -> BookingUpdated | Failure:
        updated = session
        try:
            if "clientId" in parsed:
                client_id = str(parsed["clientId"])
                if tx.client(client_id) is None:
                    raise InvalidInputError(
                        "clientId", f"clientId {show(client_id)} is not a known client"
                    )
                updated = dataclasses.replace(updated, client_id=client_id)
            if "offerId" in parsed:
                offer_id = parsed["offerId"]
                if offer_id is not None and offer_id not in {o.id for o in tx.offers()}:
                    raise InvalidInputError(
                        "offerId", f"offerId {show(offer_id)} is not a known offer"
                    )
                updated = dataclasses.replace(
                    updated, offer_id=None if offer_id is None else str(offer_id)
                )
            if "moduleIds" in parsed or "requestedParticipants" in parsed:
                module_ids = parsed.get("moduleIds", session.module_ids)
                assert isinstance(module_ids, tuple)
                modules = known_modules(tx, module_ids, "moduleIds")
                participants = parsed.get("requestedParticipants", session.requested_participants)
                assert isinstance(participants, int)
                capacity = module_capacity(modules, participants)
                if not capacity.is_valid:
                    return Failure(
                        ErrorCode.CAPACITY_EXCEEDED,
                        capacity.message,
                        {
                            "capacityMax": capacity.capacity_max,
                            "requestedParticipants": participants,
                            "sessionId": session.id,
                        },
                    )
                updated = dataclasses.replace(
                    updated,
                    module_ids=module_ids,
                    requested_participants=participants,
                    capacity_max=capacity.capacity_max,
                )
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session.id)
        if "date" in parsed:
            day = parsed["date"]
            assert isinstance(day, dt.date)
            availability = AvailabilityEngine(tx, self._clock.today()).day(session.region_id, day)
            if not availability.is_available:
                return Failure(
                    ErrorCode.NO_AVAILABILITY,
                    no_setups_message(day, session.region_id),
                    {
                        "sessionId": session.id,
                        "availableAlternatives": self._alternatives(tx, session.region_id, day),
                    },
                )
            updated = dataclasses.replace(updated, date=day)
        if "notes" in parsed:
            updated = dataclasses.replace(updated, notes=str(parsed["notes"]))

        before, after = _request_fields(session), _request_fields(updated)
        changed = tuple(name for name in UPDATABLE_FIELDS if before[name] != after[name])
        if not changed:
            return BookingUpdated(session, session, ())
        tx.update_session(updated)
        if updated.module_ids != session.module_ids:
            tx.set_session_modules(session.id, updated.module_ids)
        self._audit(
            tx,
            "update",
            session.id,
            {
                "before": {name: before[name] for name in changed},
                "after": {name: after[name] for name in changed},
            },
        )
        return BookingUpdated(updated, session, changed)

    # -- rescheduleSession --------------------------------------------------------------

    @guarded(Action.RESCHEDULE)
    def reschedule_session(
        self, session_id: object, new_date: object
    ) -> SessionRescheduled | Failure:
        """Cancel a confirmed or scheduled session and confirm its copy on ``new_date``,
        in one transaction; when the new date cannot take it, nothing changes."""
        try:
            checked_id = parse_id(session_id, "sessionId")
            day = parse_future_date(new_date, "newDate", self._clock.today())
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        return self._retrying(
            lambda: self._reschedule_once(checked_id, day),
            lambda: self._lost_race(checked_id, day),
        )

    def _lost_race(self, session_id: str, day: dt.date | None) -> Failure:
        with self._store.reading() as tx:
            session = tx.session(session_id)
            if session is None:
                return session_not_found(session_id)
            day = day or session.date
            return self._no_setup(
                tx, session_id, session.region_id, day, no_setups_message(day, session.region_id)
            )

    def _reschedule_once(self, session_id: str, day: dt.date) -> SessionRescheduled | Failure:
        today = self._clock.today()
        with self._store.writing() as tx:
            session = session_to_change(tx, session_id, REALLOCATABLE)
            if isinstance(session, Failure):
                return session
            if day == session.date:
                return validation_failure(
                    InvalidInputError(
                        "newDate",
                        f"newDate {day.isoformat()} is already the date of session {session_id}",
                    ),
                    sessionId=session_id,
                )
            try:
                modules = known_modules(tx, session.module_ids, "moduleIds")
            except InvalidInputError as error:
                return validation_failure(error, sessionId=session_id)
            capacity = module_capacity(modules, session.requested_participants)
            if not capacity.is_valid:
                return Failure(
                    ErrorCode.CAPACITY_EXCEEDED,
                    capacity.message,
                    {
                        "capacityMax": capacity.capacity_max,
                        "requestedParticipants": session.requested_participants,
                        "sessionId": session_id,
                    },
                )
            resources = AvailabilityEngine(tx, today).free_resources(session.region_id, day)
            if resources is None:
                return self._no_setup(
                    tx,
                    session_id,
                    session.region_id,
                    day,
                    no_setups_message(day, session.region_id),
                )
            setup, operator = resources
            now = self._clock.now()
            reason = f"rescheduled to {day.isoformat()}"
            cancelled = dataclasses.replace(
                session,
                status=SessionStatus.CANCELLED,
                cancelled_at=now,
                cancellation_reason=reason,
            )
            copy = Session(
                id=new_session_id(self._clock),
                client_id=session.client_id,
                region_id=session.region_id,
                date=day,
                module_ids=session.module_ids,
                requested_participants=session.requested_participants,
                capacity_max=capacity.capacity_max,
                status=SessionStatus.CONFIRMED,
                booking_source=session.booking_source,
                created_at=now,
                offer_id=session.offer_id,
                notes=session.notes,
                setup_id=setup.id,
                operator_id=operator.id,
                confirmed_at=now,
                source_device=session.source_device,
                previous_session_id=session.id,
            )
            tx.update_session(cancelled)
            tx.add_session(copy)
            self._audit(
                tx,
                "reschedule",
                session.id,
                {
                    "from": session.status.value,
                    "to": SessionStatus.CANCELLED.value,
                    "reason": reason,
                    "newSessionId": copy.id,
                    "newDate": day.isoformat(),
                },
            )
            self._audit(
                tx,
                "rescheduled_from",
                copy.id,
                {
                    "previousSessionId": session.id,
                    "previousDate": session.date.isoformat(),
                    "date": day.isoformat(),
                    "setupId": setup.id,
                    "operatorId": operator.id,
                },
            )
            return SessionRescheduled(copy, cancelled, setup, operator)

    # -- getResourceConflicts -----------------------------------------------------------

    @guarded(Action.READ)
    def get_resource_conflicts(
        self, first: object = None, last: object = None
    ) -> ResourceConflicts | Failure:
        """Resource-holding sessions from ``first`` (default: today) to ``last`` (default:
        no end) whose setup or operator cannot serve them on their date."""
        try:
            start = self._clock.today() if first is None else parse_date(first, "from")
            end = None if last is None else parse_date(last, "to")
            if end is not None and end < start:
                raise InvalidInputError(
                    "to", f"to {end.isoformat()} is before from {start.isoformat()}"
                )
        except InvalidInputError as error:
            return validation_failure(error)
        with self._store.reading() as tx:
            conflicts, sessions = find_conflicts(tx, start, end)
        return ResourceConflicts(tuple(conflicts), sessions)

    # -- reallocateSession --------------------------------------------------------------

    @guarded(Action.REALLOCATE)
    def reallocate_session(self, session_id: object) -> SessionReallocated | Failure:
        """Move a session off the resources that cannot serve it, to the first free setup
        and/or operator of its region and day (by id); keep what still can."""
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        return self._retrying(
            lambda: self._reallocate_once(checked_id),
            lambda: self._lost_race(checked_id, None),
        )

    def _reallocate_once(self, session_id: str) -> SessionReallocated | Failure:
        today = self._clock.today()
        with self._store.writing() as tx:
            session = session_to_change(tx, session_id, REALLOCATABLE)
            if isinstance(session, Failure):
                return session
            assert session.setup_id is not None and session.operator_id is not None
            setups = {setup.id: setup for setup in tx.setups(None)}
            operators = {operator.id: operator for operator in tx.operators(None)}
            conflicts = session_conflicts(session, setups, operators)
            if not conflicts:
                return SessionReallocated(
                    session,
                    session.setup_id,
                    session.operator_id,
                    session.setup_id,
                    session.operator_id,
                )
            day, region_id = session.date, session.region_id
            if day < today:
                return self._no_setup(
                    tx, session_id, region_id, day, date_passed_message(day, today)
                )
            held_setups: set[str] = set()
            held_operators: set[str] = set()
            for holding in tx.holdings(region_id, day, day):
                if holding.setup_id is not None:
                    held_setups.add(holding.setup_id)
                if holding.operator_id is not None:
                    held_operators.add(holding.operator_id)
            setup_id, operator_id = session.setup_id, session.operator_id
            if any(conflict.setup_id for conflict in conflicts):
                free_setup = _first_free(tx.setups(region_id), day, held_setups)
                if free_setup is None:
                    return self._no_setup(
                        tx, session_id, region_id, day, no_setups_message(day, region_id)
                    )
                setup_id = free_setup
            if any(conflict.operator_id for conflict in conflicts):
                free_operator = _first_free(tx.operators(region_id), day, held_operators)
                if free_operator is None:
                    return self._no_setup(
                        tx,
                        session_id,
                        region_id,
                        day,
                        f"No operators available on {day.isoformat()} in {region_id}",
                    )
                operator_id = free_operator
            moved = dataclasses.replace(session, setup_id=setup_id, operator_id=operator_id)
            tx.update_session(moved)
            self._audit(
                tx,
                "reallocate",
                session_id,
                {
                    "reasons": [conflict.reason.value for conflict in conflicts],
                    "previousSetupId": session.setup_id,
                    "previousOperatorId": session.operator_id,
                    "setupId": setup_id,
                    "operatorId": operator_id,
                },
            )
            return SessionReallocated(
                moved, setup_id, operator_id, session.setup_id, session.operator_id
            )


def _first_free(resources: Sequence[Setup | Operator], day: dt.date, held: set[str]) -> str | None:
    """The id of the first resource (by id) usable on ``day`` and held by nobody."""
    free = sorted(r.id for r in resources if r.usable_on(day) and r.id not in held)
    return free[0] if free else None


def _request_fields(session: Session) -> dict[str, object]:
    """The fields of a request that ``updatePendingBooking`` changes, as JSON values."""
    return {
        "date": session.date.isoformat(),
        "moduleIds": list(session.module_ids),
        "requestedParticipants": session.requested_participants,
        "clientId": session.client_id,
        "offerId": session.offer_id,
        "notes": session.notes,
    }
