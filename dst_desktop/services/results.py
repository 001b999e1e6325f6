"""What the workflows answer: typed results whose ``to_dict()`` is the seed's JSON.

Presenters read the typed fields; the command line and the Python API print
``to_dict()``, whose keys and messages are the customer's contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    Session,
    Setup,
)
from dst_desktop.domain.rules import CapacityVerdict, DayAvailability
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus

JsonDict = dict[str, object]


def timestamp(value: dt.datetime | None) -> str | None:
    """UTC ISO-8601 with a ``Z``, second precision (SPEC 2)."""
    if value is None:
        return None
    return value.replace(microsecond=0).isoformat() + "Z"


def session_to_dict(session: Session) -> JsonDict:
    """A session in the seed's camelCase shape, plus the fields DST Desktop adds."""
    return {
        "id": session.id,
        "clientId": session.client_id,
        "regionId": session.region_id,
        "date": session.date.isoformat(),
        "moduleIds": list(session.module_ids),
        "requestedParticipants": session.requested_participants,
        "capacityMax": session.capacity_max,
        "status": session.status.value,
        "setupIds": [session.setup_id] if session.setup_id else [],
        "operatorIds": [session.operator_id] if session.operator_id else [],
        "offerId": session.offer_id,
        "notes": session.notes,
        "bookingSource": session.booking_source,
        "sourceDevice": session.source_device,
        "createdAt": timestamp(session.created_at),
        "confirmedAt": timestamp(session.confirmed_at),
        "scheduledAt": timestamp(session.scheduled_at),
        "startedAt": timestamp(session.started_at),
        "completedAt": timestamp(session.completed_at),
        "cancelledAt": timestamp(session.cancelled_at),
        "outcome": session.outcome,
        "cancellationReason": session.cancellation_reason,
        "previousSessionId": session.previous_session_id,
        "attendedParticipants": session.attended_participants,
        "completionNotes": session.completion_notes,
    }


@dataclass(frozen=True)
class Failure:
    """``{success: false, error, message, ...details}``; nothing was changed."""

    error: ErrorCode
    message: str
    details: JsonDict = field(default_factory=dict)
    success: Literal[False] = False

    @property
    def session_id(self) -> str | None:
        value = self.details.get("sessionId")
        return value if isinstance(value, str) else None

    @property
    def available_alternatives(self) -> list[str]:
        value = self.details.get("availableAlternatives")
        return [str(day) for day in value] if isinstance(value, list) else []

    def to_dict(self) -> JsonDict:
        return {"success": False, "error": self.error.value, "message": self.message} | (
            self.details
        )


class SessionChanged:
    """The answer of a call that changed one session: the seed's fields around the
    ``details`` of the change, and a message made from ``MESSAGE``."""

    session: Session
    #: The message, with ``{id}`` and ``{status}`` of the session.
    MESSAGE: ClassVar[str]

    @property
    def message(self) -> str:
        return self.MESSAGE.format(id=self.session.id, status=self.session.status.value)

    def details(self) -> JsonDict:
        return {}

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "sessionId": self.session.id,
            "session": session_to_dict(self.session),
            "message": self.message,
            **self.details(),
            "status": self.session.status.value,
        }


@dataclass(frozen=True)
class BookingCreated(SessionChanged):
    MESSAGE = "Session {id} created - awaiting confirmation"
    session: Session
    available_setups: int
    success: Literal[True] = True

    def details(self) -> JsonDict:
        return {"capacityMax": self.session.capacity_max, "availableSetups": self.available_setups}


@dataclass(frozen=True)
class BookingConfirmed:
    session: Session
    setup: Setup
    operator: Operator
    success: Literal[True] = True

    @property
    def message(self) -> str:
        return f"Session {self.session.id} confirmed - setup {self.setup.id} allocated"

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "sessionId": self.session.id,
            "allocatedSetupId": self.setup.id,
            "allocatedOperatorId": self.operator.id,
            "session": session_to_dict(self.session),
            "message": self.message,
            "status": self.session.status.value,
        }


@dataclass(frozen=True)
class BookingCancelled:
    session_id: str
    already_deleted: bool
    success: Literal[True] = True

    @property
    def message(self) -> str:
        if self.already_deleted:
            return "Session already deleted"
        return f"Pending booking {self.session_id} cancelled"

    def to_dict(self) -> JsonDict:
        result: JsonDict = {"success": True, "sessionId": self.session_id, "message": self.message}
        if not self.already_deleted:
            result["status"] = SessionStatus.CANCELLED.value
        return result


@dataclass(frozen=True)
class AvailabilityCheck:
    region_id: str
    date: dt.date
    capacity: CapacityVerdict
    availability: DayAvailability
    success: Literal[True] = True

    @property
    def can_book(self) -> bool:
        return self.capacity.is_valid and self.availability.is_available

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "regionId": self.region_id,
            "date": self.date.isoformat(),
            "canBook": self.can_book,
            "capacity": {
                "isValid": self.capacity.is_valid,
                "capacityMax": self.capacity.capacity_max,
                "requestedParticipants": self.capacity.requested_participants,
                "message": self.capacity.message,
                "limitingModuleId": self.capacity.limiting_module.id,
            },
            "availability": {
                "isAvailable": self.availability.is_available,
                "availableSetups": self.availability.available_setups,
                "operatorsAvailable": self.availability.operators_available,
                "totalSetups": self.availability.total_setups,
                "usedSetups": self.availability.used_setups,
                "freeSetups": self.availability.free_setups,
            },
        }


@dataclass(frozen=True)
class BookingStatus:
    """A session with everything a details screen shows about it."""

    session: Session
    region: Region | None
    client: Client | None
    modules: tuple[Module, ...]
    offer: Offer | None
    setups: tuple[Setup, ...]
    operators: tuple[Operator, ...]
    audit_trail: tuple[AuditEntry, ...]
    success: Literal[True] = True

    @property
    def is_pending(self) -> bool:
        return self.session.status is SessionStatus.PENDING_CONFIRMATION

    @property
    def is_confirmed(self) -> bool:
        return self.session.status in RESOURCE_HOLDING

    def to_dict(self) -> JsonDict:
        session = session_to_dict(self.session)
        session["setups"] = [{"id": setup.id, "name": setup.name} for setup in self.setups]
        session["operators"] = [{"id": op.id, "name": op.name} for op in self.operators]
        return {
            "success": True,
            "sessionId": self.session.id,
            "session": session,
            "isPending": self.is_pending,
            "isConfirmed": self.is_confirmed,
        }


@dataclass(frozen=True)
class MissionUpdated(SessionChanged):
    MESSAGE = "Session {id} is now {status}"
    session: Session
    previous_status: SessionStatus
    success: Literal[True] = True

    def details(self) -> JsonDict:
        return {"previousStatus": self.previous_status.value}
