"""Changes after booking in the window (SPEC 12): correct a pending request, reschedule a
confirmed one on a calendar of free days, and move sessions off resources that can no
longer serve them. Every question goes through the :class:`Dialogs` service; a refusal
keeps what the user typed and says why, and the dialog opens again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from dst_desktop.domain.conflicts import ConflictReason, ResourceConflict
from dst_desktop.domain.errors import ErrorCode, StorageError
from dst_desktop.domain.model import Session
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.calendar import DayMark, day_mark
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.dialogs import (
    BookingDraft,
    BookingEditRequest,
    Dialogs,
    NewDateRequest,
    ReallocationOffer,
)
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import (
    FailureContext,
    failure_text,
    parse_dates,
    storage_failure_text,
)
from dst_desktop.services.booking_changes import (
    SessionReallocated,
    SessionRescheduled,
)
from dst_desktop.services.results import Failure
from dst_desktop.services.workflows import Workflows


def conflict_problem(conflict: ResourceConflict, catalogue: Catalogue, l10n: Localizer) -> str:
    """What is wrong with one held resource, for people: "Camille is on leave that day"."""
    translate = l10n.translate
    texts = {
        ConflictReason.SETUP_INACTIVE: translate("Conflicts", "%1 is out of service"),
        ConflictReason.SETUP_MOVED: translate("Conflicts", "%1 is now based in another region"),
        ConflictReason.SETUP_IN_MAINTENANCE: translate(
            "Conflicts", "%1 is in maintenance that day"
        ),
        ConflictReason.OPERATOR_INACTIVE: translate("Conflicts", "%1 is no longer active"),
        ConflictReason.OPERATOR_MOVED: translate("Conflicts", "%1 now works in another region"),
        ConflictReason.OPERATOR_ON_LEAVE: translate("Conflicts", "%1 is on leave that day"),
    }
    if conflict.setup_id is not None:
        name = catalogue.setup_name(conflict.setup_id)
    else:
        name = catalogue.operator_name(conflict.operator_id or "")
    return fill(texts[conflict.reason], name)


def session_label(session: Session, catalogue: Catalogue, l10n: Localizer) -> str:
    """``ACME on 10/03/2025 (Occitanie)``."""
    return fill(
        l10n.translate("BookingList", "%1 on %2 (%3)"),
        catalogue.client_name(session.client_id),
        l10n.date_text(session.date),
        catalogue.region_name(session.region_id),
    )


class ChangesAfterBooking:
    """The window's way through ``updatePendingBooking``, ``rescheduleSession`` and
    ``reallocateSession``; ``on_changed`` is told after anything was written."""

    def __init__(
        self,
        workflows: Workflows,
        catalogue: Catalogue,
        dialogs: Dialogs,
        l10n: Localizer,
        on_changed: Callable[[], None],
    ) -> None:
        self._changes = workflows.booking_changes
        self._queries = workflows.queries
        self._catalogue = catalogue
        self._dialogs = dialogs
        self._l10n = l10n
        self._on_changed = on_changed

    def _session(self, session_id: str) -> Session | None:
        return self._queries.sessions_by_id([session_id]).get(session_id)

    def _gone(self, title: str) -> None:
        self._dialogs.warn(
            title,
            self._l10n.translate(
                "BookingChanges",
                "This booking no longer exists: it may have been cancelled from another "
                "workstation.",
            ),
        )

    def _context(self, session: Session, day: dt.date) -> FailureContext:
        return FailureContext(
            self._catalogue.region_name(session.region_id),
            day,
            business_date=self._queries.today(),
        )

    # -- correcting a pending request --------------------------------------------------

    def edit(self, session_id: str) -> Session | None:
        """Ask for the corrected request until it is saved or given up; the saved session."""
        translate = self._l10n.translate
        title = translate("BookingChanges", "Edit pending booking")
        session = self._session(session_id)
        if session is None:
            self._gone(title)
            return None
        if session.status is not SessionStatus.PENDING_CONFIRMATION:
            self._dialogs.warn(
                title,
                translate(
                    "BookingChanges",
                    "Only a booking awaiting confirmation can be edited; a confirmed one can "
                    "be rescheduled from its details.",
                ),
            )
            return None
        request = BookingEditRequest(
            title=title,
            heading=fill(
                translate("BookingChanges", "%1 — %2, requested on %3"),
                self._catalogue.client_name(session.client_id),
                self._catalogue.region_name(session.region_id),
                self._l10n.timestamp_text(session.created_at),
            ),
            draft=BookingDraft(
                day=session.date,
                module_ids=session.module_ids,
                participants=session.requested_participants,
                client_id=session.client_id,
                offer_id=session.offer_id,
                notes=session.notes,
            ),
            clients=tuple(self._catalogue.client_choices()),
            offers=tuple(self._catalogue.offer_choices()),
            modules=tuple(
                Choice(
                    module.id,
                    fill(
                        translate("BookingChanges", "%1 (up to %2)"),
                        module.name,
                        module.capacity_max,
                    ),
                )
                for module in self._catalogue.modules()
            ),
            earliest=self._queries.today(),
        )
        while True:
            answer = self._dialogs.ask_booking_changes(request)
            if answer is None:
                return None
            changes = _changed_fields(session, answer)
            if not changes:
                return None
            try:
                result = self._changes.update_pending_booking(session_id, changes)
            except StorageError as error:
                request = dataclasses.replace(
                    request, draft=answer, error=storage_failure_text(error, self._l10n)
                )
                continue
            if isinstance(result, Failure):
                if result.error is ErrorCode.INVALID_STATUS:
                    current = self._session(session_id)
                    context = FailureContext(
                        current_status=current.status if current is not None else None
                    )
                    self._dialogs.warn(title, failure_text(result, self._l10n, context))
                    self._on_changed()
                    return None
                request = dataclasses.replace(
                    request,
                    draft=answer,
                    error=failure_text(result, self._l10n, self._context(session, answer.day)),
                )
                continue
            self._on_changed()
            return result.session

    # -- rescheduling --------------------------------------------------------------------

    def _month_marks(self, region_id: str) -> Callable[[int, int], Sequence[DayMark]]:
        def marks(year: int, month: int) -> Sequence[DayMark]:
            days = self._queries.month_availability(region_id, year, month)
            return [day_mark(day, self._l10n) for day in days]

        return marks

    def reschedule(self, session_id: str) -> SessionRescheduled | None:
        """Ask for a new day until the session moves there or the user gives up."""
        translate = self._l10n.translate
        title = translate("BookingChanges", "Reschedule session")
        session = self._session(session_id)
        if session is None:
            self._gone(title)
            return None
        today = self._queries.today()
        after = max(session.date, today - dt.timedelta(days=1))
        free = self._queries.available_dates_after(session.region_id, after, 1)
        request = NewDateRequest(
            title=title,
            heading=fill(
                translate(
                    "BookingChanges",
                    "%1 is booked for %2. Choose the new day: the figures are the setups "
                    "still free. The session moves with a setup and an operator of that day; "
                    "the original booking is kept, cancelled.",
                ),
                session_label(session, self._catalogue, self._l10n),
                self._l10n.long_date_text(session.date),
            ),
            current=session.date,
            initial=free[0] if free else max(today, session.date),
            earliest=today,
            month_marks=self._month_marks(session.region_id),
            accept_label=translate("BookingChanges", "Reschedule"),
        )
        while True:
            day = self._dialogs.ask_new_date(request)
            if day is None:
                return None
            try:
                result = self._changes.reschedule_session(session_id, day.isoformat())
            except StorageError as error:
                request = dataclasses.replace(
                    request, initial=day, error=storage_failure_text(error, self._l10n)
                )
                continue
            if isinstance(result, Failure):
                if result.error in (ErrorCode.INVALID_STATUS, ErrorCode.EVENT_MODE):
                    current = self._session(session_id)
                    context = FailureContext(
                        current_status=current.status if current is not None else None
                    )
                    self._dialogs.warn(title, failure_text(result, self._l10n, context))
                    self._on_changed()
                    return None
                alternatives = parse_dates(result.available_alternatives)
                request = dataclasses.replace(
                    request,
                    initial=alternatives[0] if alternatives else day,
                    error=failure_text(result, self._l10n, self._context(session, day)),
                )
                continue
            self._on_changed()
            return result

    # -- reallocating ----------------------------------------------------------------------

    def reallocate(self, sessions: Sequence[Session]) -> tuple[list[str], int]:
        """Reallocate each session (its own unit of work); a line per session, and how
        many are now on resources that can serve them."""
        translate = self._l10n.translate
        lines: list[str] = []
        done = 0
        for session in sessions:
            label = session_label(session, self._catalogue, self._l10n)
            try:
                result = self._changes.reallocate_session(session.id)
            except StorageError as error:
                reason = storage_failure_text(error, self._l10n)
            else:
                if isinstance(result, SessionReallocated):
                    done += 1
                    lines.append(
                        fill(
                            translate("BookingChanges", "✓ %1: %2, run by %3."),
                            label,
                            self._catalogue.setup_name(result.setup_id),
                            self._catalogue.operator_name(result.operator_id),
                        )
                    )
                    continue
                reason = failure_text(result, self._l10n, self._context(session, session.date))
                if result.error is ErrorCode.NO_SETUP_AVAILABLE:
                    reason += " " + translate(
                        "BookingChanges",
                        "Reschedule it from its details, or cancel it with the client.",
                    )
            lines.append(
                fill(translate("BookingChanges", "✗ %1: not reallocated. %2"), label, reason)
            )
        if sessions:
            self._on_changed()
        return lines, done

    def offer_reallocation(
        self,
        conflicts: Sequence[ResourceConflict],
        sessions: Mapping[str, Session],
        cause: str,
    ) -> int:
        """Say which sessions a change left on resources that cannot serve them, and
        reallocate those the user picks (all of them in one click); return how many are
        still left on such resources."""
        if not conflicts:
            return 0
        translate = self._l10n.translate
        problems: dict[str, list[str]] = {}
        for conflict in conflicts:
            problems.setdefault(conflict.session_id, []).append(
                conflict_problem(conflict, self._catalogue, self._l10n)
            )
        hit = [sessions[i] for i in problems if i in sessions]
        if not hit:
            return len(problems)
        summary = fill(
            count_text(
                self._l10n,
                len(hit),
                translate(
                    "BookingChanges",
                    "%2 leaves %1 confirmed session on a setup or operator that cannot serve "
                    "it. Reallocate it to a free one of the same day?",
                ),
                translate(
                    "BookingChanges",
                    "%2 leaves %1 confirmed sessions on a setup or operator that cannot serve "
                    "them. Reallocate them to free ones of the same day?",
                ),
            ),
            len(hit),
            cause,
        )
        title = translate("BookingChanges", "Sessions to reallocate")
        chosen = self._dialogs.ask_reallocation(
            ReallocationOffer(
                title=title,
                summary=summary,
                sessions=tuple(
                    Choice(
                        session.id,
                        fill(
                            translate("BookingChanges", "%1: %2"),
                            session_label(session, self._catalogue, self._l10n),
                            "; ".join(problems[session.id]),
                        ),
                    )
                    for session in hit
                ),
            )
        )
        picked = [session for session in hit if session.id in set(chosen)]
        if not picked:
            return len(problems)
        lines, done = self.reallocate(picked)
        self._dialogs.report(
            title,
            fill(
                translate("BookingChanges", "%1 of %2 reallocated."),
                done,
                len(picked),
            ),
            lines,
        )
        return len(problems) - done


def _changed_fields(session: Session, draft: BookingDraft) -> dict[str, object]:
    """The ``updatePendingBooking`` changes that turn ``session`` into ``draft``."""
    changes: dict[str, object] = {}
    if draft.day != session.date:
        changes["date"] = draft.day.isoformat()
    if draft.module_ids != session.module_ids:
        changes["moduleIds"] = list(draft.module_ids)
    if draft.participants != session.requested_participants:
        changes["requestedParticipants"] = draft.participants
    if draft.client_id != session.client_id:
        changes["clientId"] = draft.client_id
    if draft.offer_id != session.offer_id:
        changes["offerId"] = draft.offer_id
    if draft.notes.strip() != session.notes:
        changes["notes"] = draft.notes
    return changes
