"""Booking details: ``getBookingStatus`` with its setup, operator, timestamps and audit
trail, and the actions the booking's status allows (confirm or cancel a pending booking;
schedule, start, complete or cancel a mission)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from dst_desktop.domain.changes import Change
from dst_desktop.domain.conflicts import REALLOCATABLE
from dst_desktop.domain.model import AuditEntry
from dst_desktop.domain.statuses import MissionAction, SessionStatus, mission_actions_allowed
from dst_desktop.presenters.booking_changes import ChangesAfterBooking
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.dialogs import CompletionRequest, Dialogs
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.presenters.live import changed_elsewhere_text
from dst_desktop.presenters.messages import (
    FailureContext,
    Tone,
    audit_action_text,
    failure_text,
    mission_action_text,
    session_source_text,
    status_text,
    status_tone,
)
from dst_desktop.presenters.printing import BookingPrinting
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.mission import MissionWorkflow
from dst_desktop.services.results import BookingStatus, Failure


class DetailAction(Enum):
    CONFIRM = "confirm"
    EDIT = "edit"
    CANCEL_BOOKING = "cancel_booking"
    SCHEDULE = "schedule"
    START = "start"
    COMPLETE = "complete"
    RESCHEDULE = "reschedule"
    CANCEL_MISSION = "cancel_mission"


_MISSION = {
    MissionAction.SCHEDULE: DetailAction.SCHEDULE,
    MissionAction.START: DetailAction.START,
    MissionAction.COMPLETE: DetailAction.COMPLETE,
    MissionAction.CANCEL: DetailAction.CANCEL_MISSION,
}


@dataclass(frozen=True, slots=True)
class DetailField:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class AuditLine:
    when: str
    who: str
    what: str
    details: str


@dataclass(frozen=True, slots=True)
class ActionChoice:
    action: DetailAction
    label: str
    #: Cancelling actions are shown apart from the others.
    destructive: bool
    #: Why the action cannot be used in this database ("": it can).
    unavailable: str = ""


class BookingDetailsView(Protocol):
    def show_title(self, text: str) -> None: ...

    def show_status(self, text: str, tone: Tone) -> None: ...

    def show_fields(self, fields: Sequence[DetailField]) -> None: ...

    def show_audit(self, lines: Sequence[AuditLine]) -> None: ...

    def show_actions(self, actions: Sequence[ActionChoice]) -> None: ...

    def set_print_available(self, available: bool) -> None: ...

    def show_outcome(self, text: str, tone: Tone) -> None: ...


class BookingDetailsPresenter:
    def __init__(
        self,
        view: BookingDetailsView,
        booking: BookingWorkflow,
        mission: MissionWorkflow,
        catalogue: Catalogue,
        dialogs: Dialogs,
        l10n: Localizer,
        on_changed: Callable[[], None],
        printing: BookingPrinting | None = None,
        *,
        today: Callable[[], dt.date],
        confirm_unavailable: str = "",
        missions_unavailable: str = "",
        changes: ChangesAfterBooking | None = None,
    ) -> None:
        """``today`` gives the business date; ``confirm_unavailable`` and
        ``missions_unavailable`` say why those actions cannot be used in this database
        (an event database); "" when they can. With ``changes``, a pending booking can be
        edited and a confirmed one rescheduled."""
        self._changes = changes
        self._view = view
        self._today = today
        self._booking = booking
        self._confirm_unavailable = confirm_unavailable
        self._missions_unavailable = missions_unavailable
        self._mission = mission
        self._catalogue = catalogue
        self._dialogs = dialogs
        self._l10n = l10n
        self._on_changed = on_changed
        self._printing = printing
        self.session_id = ""
        self.status: BookingStatus | None = None

    # -- showing -------------------------------------------------------------------------

    def load(self, session_id: str) -> None:
        self.session_id = session_id
        result = self._booking.get_booking_status(session_id)
        translate = self._l10n.translate
        if isinstance(result, Failure):
            self.status = None
            self._view.show_title(translate("BookingDetails", "Booking not found"))
            self._view.show_status(failure_text(result, self._l10n), Tone.BAD)
            self._view.show_fields(
                [DetailField(translate("BookingDetails", "Reference"), session_id)]
            )
            self._view.show_audit([])
            self._view.show_actions([])
            self._view.set_print_available(False)
            return
        self.status = result
        session = result.session
        self._view.show_title(
            fill(
                translate("BookingDetails", "%1 — %2"),
                result.client.name if result.client else session.client_id,
                self._l10n.long_date_text(session.date),
            )
        )
        self._view.show_status(status_text(session.status, self._l10n), status_tone(session.status))
        self._view.show_fields(self._fields(result))
        self._view.show_audit([self._audit_line(entry) for entry in result.audit_trail])
        self._view.show_actions(self._actions(session.status))
        self._view.set_print_available(self._printing is not None)

    def changed_elsewhere(self, change: Change | None) -> None:
        """Another workstation changed this booking (None: perhaps): show it as it is now,
        and say what happened rather than fail at the next click."""
        if not self.session_id:
            return
        before = self.status.session.status if self.status is not None else None
        self.load(self.session_id)
        after = self.status.session.status if self.status is not None else None
        if after == before:
            if change is not None:
                text = self._l10n.translate(
                    "LiveUpdates", "Changed by another workstation a moment ago."
                )
                self._view.show_outcome(text, Tone.ATTENTION)
            return
        self._view.show_outcome(changed_elsewhere_text(after, self._l10n), Tone.ATTENTION)

    def _fields(self, status: BookingStatus) -> list[DetailField]:
        translate = self._l10n.translate
        session = status.session
        when = self._l10n.timestamp_text
        client = status.client
        contact = ", ".join(v for v in (client.email, client.phone) if v) if client else ""
        modules = ", ".join(
            fill(translate("BookingDetails", "%1 (up to %2)"), m.name, m.capacity_max)
            for m in status.modules
        )
        fields = [
            DetailField(translate("BookingDetails", "Reference"), session.id),
            DetailField(
                translate("BookingDetails", "Client"),
                client.name if client else session.client_id,
            ),
            DetailField(translate("BookingDetails", "Contact"), contact or "—"),
            DetailField(
                translate("BookingDetails", "Region"),
                status.region.name if status.region else session.region_id,
            ),
            DetailField(
                translate("BookingDetails", "Date"), self._l10n.long_date_text(session.date)
            ),
            DetailField(translate("BookingDetails", "Modules"), modules),
            DetailField(
                translate("BookingDetails", "Participants"),
                fill(
                    translate("BookingDetails", "%1 (at most %2)"),
                    session.requested_participants,
                    session.capacity_max,
                ),
            ),
            DetailField(
                translate("BookingDetails", "Offer"), status.offer.name if status.offer else "—"
            ),
            DetailField(
                translate("BookingDetails", "Setup"),
                ", ".join(s.name for s in status.setups)
                or translate("BookingDetails", "allocated at confirmation"),
            ),
            DetailField(
                translate("BookingDetails", "Operator"),
                ", ".join(o.name for o in status.operators)
                or translate("BookingDetails", "allocated at confirmation"),
            ),
            DetailField(
                translate("BookingDetails", "Source"),
                session_source_text(session, self._l10n),
            ),
            DetailField(translate("BookingDetails", "Requested"), when(session.created_at)),
        ]
        stamps = (
            (translate("BookingDetails", "Confirmed"), session.confirmed_at),
            (translate("BookingDetails", "Scheduled"), session.scheduled_at),
            (translate("BookingDetails", "Started"), session.started_at),
            (translate("BookingDetails", "Completed"), session.completed_at),
            (translate("BookingDetails", "Cancelled"), session.cancelled_at),
        )
        fields.extend(DetailField(label, when(at)) for label, at in stamps if at is not None)
        if session.cancellation_reason:
            fields.append(
                DetailField(
                    translate("BookingDetails", "Reason for cancelling"),
                    session.cancellation_reason,
                )
            )
        if session.notes:
            fields.append(DetailField(translate("BookingDetails", "Notes"), session.notes))
        if session.previous_session_id:
            fields.append(
                DetailField(
                    translate("BookingDetails", "Rescheduled from"), session.previous_session_id
                )
            )
        if session.attended_participants is not None:
            fields.append(
                DetailField(
                    translate("BookingDetails", "Attended"),
                    fill(
                        translate("BookingDetails", "%1 of %2 requested"),
                        session.attended_participants,
                        session.requested_participants,
                    ),
                )
            )
        if session.completion_notes:
            fields.append(
                DetailField(
                    translate("BookingDetails", "Completion notes"), session.completion_notes
                )
            )
        return fields

    def _audit_line(self, entry: AuditEntry) -> AuditLine:
        translate = self._l10n.translate
        details = entry.details
        parts: list[str] = []
        setup_id = details.get("setupId")
        operator_id = details.get("operatorId")
        allocating = entry.action in ("confirm", "reallocate", "rescheduled_from")
        if allocating and isinstance(setup_id, str):
            parts.append(self._catalogue.setup_name(setup_id))
        if allocating and isinstance(operator_id, str):
            parts.append(self._catalogue.operator_name(operator_id))
        before = details.get("before")
        if entry.action == "update" and isinstance(before, dict):
            parts.append(
                fill(
                    translate("BookingDetails", "changed: %1"),
                    ", ".join(_request_field_text(name, self._l10n) for name in before),
                )
            )
        previous = details.get("previousDate")
        if entry.action == "rescheduled_from" and isinstance(previous, str):
            parts.insert(0, fill(translate("BookingDetails", "was on %1"), previous))
        device = details.get("sourceDevice")
        if entry.action == "import_event_booking" and isinstance(device, str) and device:
            parts.append(fill(translate("BookingDetails", "taken on %1"), device))
        reason = details.get("reason")
        if isinstance(reason, str):
            parts.append(fill(translate("BookingDetails", "reason: %1"), reason))
        return AuditLine(
            when=self._l10n.timestamp_text(entry.at),
            who=entry.actor,
            what=audit_action_text(entry.action, self._l10n),
            details=", ".join(parts),
        )

    def _actions(self, status: SessionStatus) -> list[ActionChoice]:
        translate = self._l10n.translate
        if status is SessionStatus.PENDING_CONFIRMATION:
            actions = [
                ActionChoice(
                    DetailAction.CONFIRM,
                    translate("BookingDetails", "Confirm booking"),
                    False,
                    self._confirm_unavailable,
                ),
                ActionChoice(
                    DetailAction.CANCEL_BOOKING,
                    translate("BookingDetails", "Cancel booking…"),
                    True,
                ),
            ]
            if self._changes is not None:
                actions.insert(
                    1, ActionChoice(DetailAction.EDIT, translate("BookingDetails", "Edit…"), False)
                )
            return actions
        actions = [
            ActionChoice(
                _MISSION[action],
                mission_action_text(action, self._l10n),
                action is MissionAction.CANCEL,
                self._missions_unavailable,
            )
            for action in mission_actions_allowed(status)
        ]
        if self._changes is not None and status in REALLOCATABLE:
            reschedule = ActionChoice(
                DetailAction.RESCHEDULE,
                translate("BookingDetails", "Reschedule…"),
                False,
                self._missions_unavailable,
            )
            actions.insert(len(actions) - 1, reschedule)  # before Cancel mission…
        return actions

    # -- acting --------------------------------------------------------------------------

    def print_summary(self) -> None:
        if self._printing is not None and self.status is not None:
            self._printing.print_booking_summary(self.session_id)

    def perform(self, action: DetailAction) -> None:
        if self.status is None:
            return
        translate = self._l10n.translate
        session = self.status.session
        label = fill(
            translate("BookingDetails", "%1 on %2"),
            self._catalogue.client_name(session.client_id),
            self._l10n.date_text(session.date),
        )
        if action is DetailAction.CONFIRM:
            confirmed = self._booking.confirm_session_booking(self.session_id)
            if isinstance(confirmed, Failure):
                self._refused(confirmed, translate("BookingDetails", "Booking not confirmed"))
                return
            self._done(
                fill(
                    translate("BookingDetails", "Confirmed with %1, run by %2."),
                    confirmed.setup.name,
                    confirmed.operator.name,
                )
            )
            return
        if action is DetailAction.EDIT and self._changes is not None:
            if self._changes.edit(self.session_id) is not None:
                self.load(self.session_id)
                self._view.show_outcome(translate("BookingDetails", "Booking updated."), Tone.GOOD)
            else:
                self.load(self.session_id)
            return
        if action is DetailAction.RESCHEDULE and self._changes is not None:
            moved = self._changes.reschedule(self.session_id)
            if moved is None:
                self.load(self.session_id)
                return
            self.load(moved.session.id)
            self._view.show_outcome(
                fill(
                    translate(
                        "BookingDetails",
                        "Rescheduled to %1 with %2, run by %3. The booking of %4 is kept, "
                        "cancelled, under %5.",
                    ),
                    self._l10n.long_date_text(moved.session.date),
                    moved.setup.name,
                    moved.operator.name,
                    self._l10n.date_text(moved.previous.date),
                    moved.previous.id,
                ),
                Tone.GOOD,
            )
            return
        if action is DetailAction.CANCEL_BOOKING:
            if not self._dialogs.confirm(
                translate("BookingDetails", "Cancel pending booking"),
                fill(
                    translate(
                        "BookingDetails",
                        "Cancel the pending booking of %1? It will be deleted; the audit log "
                        "keeps a trace of it.",
                    ),
                    label,
                ),
                translate("BookingDetails", "Cancel booking"),
            ):
                return
            cancelled = self._booking.cancel_pending_booking(self.session_id)
            if isinstance(cancelled, Failure):
                self._refused(cancelled, translate("BookingDetails", "Booking not cancelled"))
                return
            self._on_changed()
            self.load(self.session_id)
            self._view.show_outcome(
                translate("BookingDetails", "The pending booking was cancelled and deleted."),
                Tone.NEUTRAL,
            )
            return
        if action is DetailAction.CANCEL_MISSION:
            reason = self._dialogs.ask_reason(
                translate("BookingDetails", "Cancel mission"),
                fill(
                    translate(
                        "BookingDetails",
                        "Why is the session of %1 cancelled? Its setup and operator will be "
                        "free again.",
                    ),
                    label,
                ),
                translate("BookingDetails", "Cancel the mission"),
            )
            if reason is None:
                return
            if not reason.strip():
                self._dialogs.warn(
                    translate("BookingDetails", "Mission not cancelled"),
                    translate("BookingDetails", "A reason is needed to cancel a mission."),
                )
                return
            result = self._mission.cancel_mission(self.session_id, reason)
            done_text = translate(
                "BookingDetails", "Mission cancelled: its setup and operator are free again."
            )
        elif action is DetailAction.COMPLETE:
            if not self._not_early(
                translate("BookingDetails", "Mark completed"),
                translate(
                    "BookingDetails",
                    "The session of %1 is planned for %2, which has not come yet. Mark it "
                    "completed already?",
                ),
            ):
                return
            completion = self._dialogs.ask_completion(
                CompletionRequest(
                    title=translate("BookingDetails", "Mark completed"),
                    heading=fill(
                        translate("BookingDetails", "How did the session of %1 go?"), label
                    ),
                    requested=session.requested_participants,
                    capacity=session.capacity_max,
                )
            )
            if completion is None:
                return
            details: dict[str, object] = {"notes": completion.notes}
            if completion.attended is not None:
                details["attendedParticipants"] = completion.attended
            result = self._mission.complete_mission(self.session_id, "completed", details)
            done_text = translate("BookingDetails", "Session marked completed.")
        elif action is DetailAction.START:
            if not self._not_early(
                translate("BookingDetails", "Start mission"),
                translate(
                    "BookingDetails",
                    "The session of %1 is planned for %2, which has not come yet. Start it "
                    "already?",
                ),
            ):
                return
            result = self._mission.start_mission(self.session_id)
            done_text = translate("BookingDetails", "Session started.")
        else:
            result = self._mission.schedule_mission(self.session_id)
            done_text = translate("BookingDetails", "Session scheduled.")
        if isinstance(result, Failure):
            self._refused(result, translate("BookingDetails", "Action refused"))
            return
        self._done(done_text)

    def _not_early(self, title: str, question: str) -> bool:
        """Before the session's day, ask first; True when the step may go ahead."""
        assert self.status is not None
        session = self.status.session
        if session.date <= self._today():
            return True
        label = fill(
            self._l10n.translate("BookingDetails", "%1 on %2"),
            self._catalogue.client_name(session.client_id),
            self._l10n.date_text(session.date),
        )
        return self._dialogs.confirm(
            title, fill(question, label, self._l10n.long_date_text(session.date)), title
        )

    def _done(self, text: str) -> None:
        self._on_changed()
        self.load(self.session_id)
        self._view.show_outcome(text, Tone.GOOD)

    def _refused(self, failure: Failure, title: str) -> None:
        assert self.status is not None
        session = self.status.session
        self.load(self.session_id)
        current = self.status.session.status if self.status is not None else None
        context = FailureContext(
            self._catalogue.region_name(session.region_id),
            session.date,
            current,
            business_date=self._today(),
        )
        self._dialogs.warn(title, failure_text(failure, self._l10n, context))


def _request_field_text(name: str, l10n: Localizer) -> str:
    texts = {
        "date": l10n.translate("BookingDetails", "date"),
        "moduleIds": l10n.translate("BookingDetails", "modules"),
        "requestedParticipants": l10n.translate("BookingDetails", "participants"),
        "clientId": l10n.translate("BookingDetails", "client"),
        "offerId": l10n.translate("BookingDetails", "offer"),
        "notes": l10n.translate("BookingDetails", "notes"),
    }
    return texts.get(name, name)
