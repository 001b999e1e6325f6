"""MissionWorkflow: what happens to a session after confirmation (SPEC 2.6)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from dst_desktop.domain.model import Session
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.statuses import (
    COMPLETION_OUTCOMES,
    MISSION_TRANSITIONS,
    MissionAction,
)
from dst_desktop.services.booking import SessionWorkflow, session_to_change, validation_failure
from dst_desktop.services.permissions import guarded
from dst_desktop.services.results import Failure, MissionUpdated
from dst_desktop.services.validation import (
    MAX_PARTICIPANTS,
    MAX_TEXT_LENGTH,
    InvalidInputError,
    parse_count,
    parse_id,
    parse_text,
    reject_unknown_fields,
    show,
)

#: The fields of ``completeMission``'s optional details object.
COMPLETION_FIELDS = ("attendedParticipants", "notes")


@dataclass(frozen=True)
class Completion:
    """What a completed mission records besides its outcome."""

    attended_participants: int | None = None
    notes: str = ""


def _completion_details(details: object) -> Completion | None:
    if details is None:
        return None
    if not isinstance(details, dict):
        raise InvalidInputError(
            "details",
            f"details must be an object with {' and/or '.join(COMPLETION_FIELDS)}, "
            f"got {show(details)}",
        )
    reject_unknown_fields(details, COMPLETION_FIELDS, "details")
    attended = details.get("attendedParticipants")
    return Completion(
        attended_participants=None
        if attended is None
        else parse_count(attended, "attendedParticipants", 0, MAX_PARTICIPANTS),
        notes=parse_text(details.get("notes"), "notes", required=False),
    )


class MissionWorkflow(SessionWorkflow):
    """``Workflows.Mission``: schedule, start, complete or cancel a confirmed session."""

    @guarded(Action.SCHEDULE_MISSION)
    def schedule_mission(self, session_id: object) -> MissionUpdated | Failure:
        return self._transition(session_id, MissionAction.SCHEDULE)

    @guarded(Action.START_MISSION)
    def start_mission(self, session_id: object) -> MissionUpdated | Failure:
        return self._transition(session_id, MissionAction.START)

    @guarded(Action.COMPLETE_MISSION)
    def complete_mission(
        self, session_id: object, outcome: object = "completed", details: object = None
    ) -> MissionUpdated | Failure:
        """Close the session; ``outcome`` is ``"terminee"`` or ``"completed"``; ``details``
        optionally records ``attendedParticipants`` (0 to the session's capacity) and the
        operator's ``notes``."""
        if not isinstance(outcome, str) or outcome not in COMPLETION_OUTCOMES:
            allowed = " or ".join(f"'{value}'" for value in COMPLETION_OUTCOMES)
            return validation_failure(
                InvalidInputError("outcome", f"outcome must be {allowed}, got {show(outcome)}"),
                sessionId=session_id,
            )
        try:
            completion = _completion_details(details)
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        return self._transition(
            session_id, MissionAction.COMPLETE, outcome=str(outcome), completion=completion
        )

    @guarded(Action.CANCEL_MISSION)
    def cancel_mission(self, session_id: object, reason: object) -> MissionUpdated | Failure:
        """Cancel a confirmed or scheduled session; its setup and operator are released."""
        try:
            checked_reason = parse_text(reason, "reason", required=True, limit=MAX_TEXT_LENGTH)
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        return self._transition(session_id, MissionAction.CANCEL, reason=checked_reason)

    def _transition(
        self,
        session_id: object,
        action: MissionAction,
        *,
        outcome: str | None = None,
        reason: str | None = None,
        completion: Completion | None = None,
    ) -> MissionUpdated | Failure:
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        sources, target = MISSION_TRANSITIONS[action]
        with self._store.writing() as tx:
            session = session_to_change(tx, checked_id, sources)
            if isinstance(session, Failure):
                return session
            details: dict[str, object] = {"from": session.status.value, "to": target.value}
            updated = self._apply(session, action, outcome, reason)
            if completion is not None:
                attended = completion.attended_participants
                if attended is not None and attended > session.capacity_max:
                    return validation_failure(
                        InvalidInputError(
                            "attendedParticipants",
                            f"attendedParticipants must be at most {session.capacity_max} "
                            f"(the session's capacity), got {attended}",
                        ),
                        sessionId=checked_id,
                    )
                updated = dataclasses.replace(
                    updated, attended_participants=attended, completion_notes=completion.notes
                )
                if attended is not None:
                    details["attendedParticipants"] = attended
                if completion.notes:
                    details["notes"] = completion.notes
            tx.update_session(updated)
            if outcome is not None:
                details["outcome"] = outcome
            if reason is not None:
                details["reason"] = reason
            self._audit(tx, action.value, checked_id, details)
            return MissionUpdated(updated, session.status)

    def _apply(
        self, session: Session, action: MissionAction, outcome: str | None, reason: str | None
    ) -> Session:
        now = self._clock.now()
        target = MISSION_TRANSITIONS[action][1]
        if action is MissionAction.SCHEDULE:
            return dataclasses.replace(session, status=target, scheduled_at=now)
        if action is MissionAction.START:
            return dataclasses.replace(session, status=target, started_at=now)
        if action is MissionAction.COMPLETE:
            return dataclasses.replace(session, status=target, completed_at=now, outcome=outcome)
        return dataclasses.replace(
            session, status=target, cancelled_at=now, cancellation_reason=reason
        )
