"""Session statuses and the transitions the booking and mission workflows allow."""

from __future__ import annotations

from enum import StrEnum


class SessionStatus(StrEnum):
    """The life of a session, from request to completion (values are the seed's)."""

    PENDING_CONFIRMATION = "pending_confirmation"
    CONFIRMED = "confirmed"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


#: Statuses in which a session holds its setup and operator for its date.
#: A pending request holds nothing ("No setup allocated yet"); a cancelled one released them.
RESOURCE_HOLDING: frozenset[SessionStatus] = frozenset(
    {
        SessionStatus.CONFIRMED,
        SessionStatus.SCHEDULED,
        SessionStatus.IN_PROGRESS,
        SessionStatus.COMPLETED,
    }
)


class MissionAction(StrEnum):
    """The mission workflow's transitions after confirmation (SPEC 2.6)."""

    SCHEDULE = "schedule"
    START = "start"
    COMPLETE = "complete"
    CANCEL = "cancel"


#: For each mission action: the statuses it starts from (in the order messages name them)
#: and the status it leads to.
MISSION_TRANSITIONS: dict[MissionAction, tuple[tuple[SessionStatus, ...], SessionStatus]] = {
    MissionAction.SCHEDULE: ((SessionStatus.CONFIRMED,), SessionStatus.SCHEDULED),
    MissionAction.START: (
        (SessionStatus.CONFIRMED, SessionStatus.SCHEDULED),
        SessionStatus.IN_PROGRESS,
    ),
    MissionAction.COMPLETE: (
        (SessionStatus.IN_PROGRESS, SessionStatus.CONFIRMED, SessionStatus.SCHEDULED),
        SessionStatus.COMPLETED,
    ),
    MissionAction.CANCEL: (
        (SessionStatus.CONFIRMED, SessionStatus.SCHEDULED),
        SessionStatus.CANCELLED,
    ),
}

#: Outcomes accepted by ``completeMission`` ("terminee" is the seed's French spelling).
COMPLETION_OUTCOMES: tuple[str, ...] = ("terminee", "completed")


def mission_actions_allowed(status: SessionStatus) -> tuple[MissionAction, ...]:
    """The mission actions a session in ``status`` may take, in workflow order."""
    return tuple(
        action for action, (sources, _) in MISSION_TRANSITIONS.items() if status in sources
    )


def expected_statuses_text(statuses: tuple[SessionStatus, ...]) -> str:
    """``'confirmed' or 'scheduled'``: how an INVALID_STATUS message names what was expected."""
    quoted = [f"'{status.value}'" for status in statuses]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
