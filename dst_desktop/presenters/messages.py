"""What the workflows' codes and statuses mean to a back-office person, in their language.

The services answer with English contract messages (the seed's); the window shows these
friendlier, translated sentences instead, keeping the useful details (free dates, the
capacity figures, the field at fault).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.model import Session
from dst_desktop.domain.statuses import MissionAction, SessionStatus
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.services.booking import SOURCE_EVENT, SOURCE_OFFLINE
from dst_desktop.services.results import Failure


class Tone(Enum):
    """How a piece of information should look: good news, attention, refusal, or neutral."""

    GOOD = "good"
    ATTENTION = "attention"
    BAD = "bad"
    NEUTRAL = "neutral"


def status_text(status: SessionStatus, l10n: Localizer) -> str:
    texts = {
        SessionStatus.PENDING_CONFIRMATION: l10n.translate("Status", "Pending confirmation"),
        SessionStatus.CONFIRMED: l10n.translate("Status", "Confirmed"),
        SessionStatus.SCHEDULED: l10n.translate("Status", "Scheduled"),
        SessionStatus.IN_PROGRESS: l10n.translate("Status", "In progress"),
        SessionStatus.COMPLETED: l10n.translate("Status", "Completed"),
        SessionStatus.CANCELLED: l10n.translate("Status", "Cancelled"),
    }
    return texts[status]


def status_tone(status: SessionStatus) -> Tone:
    if status is SessionStatus.PENDING_CONFIRMATION:
        return Tone.ATTENTION
    if status is SessionStatus.CANCELLED:
        return Tone.BAD
    if status is SessionStatus.COMPLETED:
        return Tone.NEUTRAL
    return Tone.GOOD


def mission_action_text(action: MissionAction, l10n: Localizer) -> str:
    texts = {
        MissionAction.SCHEDULE: l10n.translate("MissionAction", "Schedule"),
        MissionAction.START: l10n.translate("MissionAction", "Start"),
        MissionAction.COMPLETE: l10n.translate("MissionAction", "Mark completed"),
        MissionAction.CANCEL: l10n.translate("MissionAction", "Cancel mission…"),
    }
    return texts[action]


def source_text(source: str, l10n: Localizer) -> str:
    texts = {
        "client_portal": l10n.translate("BookingSource", "Client portal"),
        "back_office": l10n.translate("BookingSource", "Back office"),
        "event": l10n.translate("BookingSource", "Event"),
        "offline": l10n.translate("BookingSource", "Offline"),
    }
    return texts.get(source, source)


def session_source_text(session: Session, l10n: Localizer) -> str:
    """Where a booking came from; an event booking names the laptop that took it."""
    if session.booking_source == SOURCE_EVENT and session.source_device:
        return fill(l10n.translate("BookingSource", "Event (%1)"), session.source_device)
    if session.booking_source == SOURCE_OFFLINE and session.source_device:
        return fill(l10n.translate("BookingSource", "Offline (%1)"), session.source_device)
    return source_text(session.booking_source, l10n)


def audit_action_text(action: str, l10n: Localizer) -> str:
    texts = {
        "create": l10n.translate("AuditAction", "Booking requested"),
        "confirm": l10n.translate("AuditAction", "Confirmed"),
        "cancel": l10n.translate("AuditAction", "Pending booking cancelled"),
        "schedule": l10n.translate("AuditAction", "Scheduled"),
        "start": l10n.translate("AuditAction", "Started"),
        "complete": l10n.translate("AuditAction", "Completed"),
        "import_reference": l10n.translate("AuditAction", "Reference data imported"),
        "import_event_booking": l10n.translate("AuditAction", "Imported from an event"),
        "update": l10n.translate("AuditAction", "Request corrected"),
        "reschedule": l10n.translate("AuditAction", "Rescheduled to another day"),
        "rescheduled_from": l10n.translate("AuditAction", "Rescheduled from another day"),
        "reallocate": l10n.translate("AuditAction", "Reallocated"),
    }
    if action == MissionAction.CANCEL.value:
        return l10n.translate("AuditAction", "Mission cancelled")
    return texts.get(action, action)


def dates_text(days: Sequence[dt.date], l10n: Localizer) -> str:
    return ", ".join(l10n.date_text(day) for day in days)


def parse_dates(values: Sequence[str]) -> list[dt.date]:
    """ISO dates of a workflow response (``availableAlternatives``) as dates."""
    days = []
    for value in values:
        try:
            days.append(dt.date.fromisoformat(value))
        except ValueError:
            continue
    return days


def _field_text(field: str, l10n: Localizer) -> str:
    """The form field a validation error names (``setups[0].name`` → ``name``)."""
    leaf = field.rsplit(".", 1)[-1].split("[", 1)[0]
    texts = {
        "clientId": l10n.translate("Field", "client"),
        "regionId": l10n.translate("Field", "region"),
        "date": l10n.translate("Field", "date"),
        "moduleIds": l10n.translate("Field", "modules"),
        "requestedParticipants": l10n.translate("Field", "number of participants"),
        "participantCount": l10n.translate("Field", "number of participants"),
        "offerId": l10n.translate("Field", "offer"),
        "notes": l10n.translate("Field", "notes"),
        "reason": l10n.translate("Field", "reason"),
        "id": l10n.translate("Field", "identifier"),
        "name": l10n.translate("Field", "name"),
        "capacityMax": l10n.translate("Field", "capacity"),
        "email": l10n.translate("Field", "e-mail"),
        "phone": l10n.translate("Field", "phone"),
        "active": l10n.translate("Field", "active"),
        "unavailableDates": l10n.translate("Field", "unavailable days"),
        "newDate": l10n.translate("Field", "new date"),
        "changes": l10n.translate("Field", "changes"),
        "attendedParticipants": l10n.translate("Field", "participants who attended"),
    }
    return texts.get(leaf, leaf)


@dataclass(frozen=True, slots=True)
class FailureContext:
    """What the screen knows about the booking a failure is about."""

    region_name: str = ""
    day: dt.date | None = None
    current_status: SessionStatus | None = None
    #: The business date ("today"); a booking's day before it has passed.
    business_date: dt.date | None = None

    @property
    def day_has_passed(self) -> bool:
        return (
            self.day is not None
            and self.business_date is not None
            and (self.day < self.business_date)
        )


def storage_failure_text(error: Exception, l10n: Localizer) -> str:
    """A database error met by one booking of several: that booking was left as it was."""
    return fill(
        l10n.translate(
            "Failure", "The database could not be used, so this booking was left as it was. (%1)"
        ),
        error,
    )


def failure_text(failure: Failure, l10n: Localizer, context: FailureContext | None = None) -> str:
    """A refusal explained in the user's language, with its useful details."""
    context = context or FailureContext()
    code = failure.error
    if code in (ErrorCode.NO_AVAILABILITY, ErrorCode.NO_SETUP_AVAILABLE):
        if context.day is not None and context.day_has_passed:
            # The workflows answer "no setup available" for a past day (the seed's
            # contract): nothing is taken, the day is simply over.
            head = fill(
                l10n.translate(
                    "Failure", "The date of this booking, %1, has passed: it cannot be confirmed."
                ),
                l10n.date_text(context.day),
            )
        elif context.day is not None and context.region_name:
            head = fill(
                l10n.translate("Failure", "Every setup or operator of %1 is already taken on %2."),
                context.region_name,
                l10n.date_text(context.day),
            )
        else:
            head = l10n.translate("Failure", "Every setup or operator is already taken that day.")
        alternatives = parse_dates(failure.available_alternatives)
        if alternatives and context.day_has_passed:
            tail = fill(
                l10n.translate("Failure", "The next free dates to offer the client: %1."),
                dates_text(alternatives, l10n),
            )
        elif alternatives:
            tail = fill(
                l10n.translate("Failure", "Free dates nearby: %1."),
                dates_text(alternatives, l10n),
            )
        else:
            tail = l10n.translate("Failure", "There is no free date in the next twelve months.")
        return f"{head} {tail}"
    if code is ErrorCode.CAPACITY_EXCEEDED:
        return fill(
            l10n.translate(
                "Failure", "%1 participants is more than the chosen modules allow (%2 at most)."
            ),
            failure.details.get("requestedParticipants", "?"),
            failure.details.get("capacityMax", "?"),
        )
    if code is ErrorCode.INVALID_STATUS and context.current_status is not None:
        return fill(
            l10n.translate(
                "Failure",
                "This booking has changed meanwhile: its status is now “%1”. "
                "Another workstation may have handled it.",
            ),
            status_text(context.current_status, l10n),
        )
    if code in (ErrorCode.INVALID_STATUS, ErrorCode.NOT_FOUND):
        return l10n.translate(
            "Failure",
            "This booking no longer exists: it may have been cancelled from another workstation.",
        )
    if code is ErrorCode.EVENT_MODE:
        return l10n.translate(
            "Failure",
            "This is an event database: bookings taken here are confirmed at the office, "
            "against live availability, once they have been imported there.",
        )
    if code is ErrorCode.OFFLINE:
        return l10n.translate(
            "Failure",
            "The server is away: requests taken now are kept here and sent when it is back; "
            "confirming waits until then.",
        )
    if code is ErrorCode.PERMISSION_DENIED:
        return fill(
            l10n.translate("Failure", "Your role does not allow this. (%1)"), failure.message
        )
    field = failure.details.get("field")
    if isinstance(field, str) and field:
        return fill(
            l10n.translate("Failure", "Please check the %1. (%2)"),
            _field_text(field, l10n),
            failure.message,
        )
    return fill(l10n.translate("Failure", "The request was refused. (%1)"), failure.message)
