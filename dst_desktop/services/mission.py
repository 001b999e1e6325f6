"""MissionWorkflow: what happens to a session after confirmation (SPEC 2.6)."""

from __future__ import annotations

import dataclasses

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.model import AuditEntry, Session
from dst_desktop.domain.statuses import (
    COMPLETION_OUTCOMES,
    MISSION_TRANSITIONS,
    MissionAction,
    expected_statuses_text,
)
from dst_desktop.services.booking import (
    EVENT_SNAPSHOT_SETTING,
    event_mode_failure,
    session_not_found,
    validation_failure,
)
from dst_desktop.services.clock import Clock
from dst_desktop.services.results import Failure, MissionUpdated
from dst_desktop.services.store import Store
from dst_desktop.services.validation import (
    MAX_TEXT_LENGTH,
    InvalidInputError,
    parse_id,
    parse_text,
    show,
)


class MissionWorkflow:
    """``Workflows.Mission``: schedule, start, complete or cancel a confirmed session."""

    def __init__(self, store: Store, clock: Clock, actor: str) -> None:
        self._store = store
        self._clock = clock
        self._actor = actor

    def schedule_mission(self, session_id: object) -> MissionUpdated | Failure:
        return self._transition(session_id, MissionAction.SCHEDULE)

    def start_mission(self, session_id: object) -> MissionUpdated | Failure:
        return self._transition(session_id, MissionAction.START)

    def complete_mission(
        self, session_id: object, outcome: object = "completed"
    ) -> MissionUpdated | Failure:
        """Close the session; ``outcome`` is ``"terminee"`` or ``"completed"``."""
        if not isinstance(outcome, str) or outcome not in COMPLETION_OUTCOMES:
            allowed = " or ".join(f"'{value}'" for value in COMPLETION_OUTCOMES)
            return validation_failure(
                InvalidInputError("outcome", f"outcome must be {allowed}, got {show(outcome)}"),
                sessionId=session_id,
            )
        return self._transition(session_id, MissionAction.COMPLETE, outcome=str(outcome))

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
    ) -> MissionUpdated | Failure:
        try:
            checked_id = parse_id(session_id, "sessionId")
        except InvalidInputError as error:
            return validation_failure(error, sessionId=session_id)
        sources, target = MISSION_TRANSITIONS[action]
        with self._store.writing() as tx:
            if tx.setting(EVENT_SNAPSHOT_SETTING) is not None:
                return event_mode_failure(checked_id)
            session = tx.session(checked_id)
            if session is None:
                return session_not_found(checked_id)
            if session.status not in sources:
                return Failure(
                    ErrorCode.INVALID_STATUS,
                    f"Session status is {session.status.value}, "
                    f"expected {expected_statuses_text(sources)}",
                    {"sessionId": checked_id},
                )
            updated = self._apply(session, action, outcome, reason)
            tx.update_session(updated)
            details: dict[str, object] = {"from": session.status.value, "to": target.value}
            if outcome is not None:
                details["outcome"] = outcome
            if reason is not None:
                details["reason"] = reason
            tx.add_audit(
                AuditEntry(self._clock.now(), self._actor, action.value, checked_id, details)
            )
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
