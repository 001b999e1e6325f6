"""The Conflicts view: confirmed sessions whose setup or operator can no longer serve them
(leave, maintenance, out of service, moved to another region), from today on, with a
warning badge on its tab and one click to reallocate them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from dst_desktop.domain.conflicts import REALLOCATABLE
from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import Session
from dst_desktop.presenters.booking_changes import ChangesAfterBooking, conflict_problem
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import Tone, status_text, storage_failure_text
from dst_desktop.services.booking_changes import BookingChanges
from dst_desktop.services.results import Failure


@dataclass(frozen=True, slots=True)
class ConflictRow:
    session_id: str
    cells: tuple[str, ...]
    #: Why the session cannot be reallocated from here ("": it can).
    blocked: str = ""
    #: The session's day, for exports that keep dates as dates.
    day: dt.date | None = None


class ConflictsView(Protocol):
    def show_conflicts(self, headers: Sequence[str], rows: Sequence[ConflictRow]) -> None: ...

    def show_count(self, text: str, tone: Tone) -> None: ...

    def show_badge(self, count: int) -> None:
        """How many sessions need attention (0: no badge)."""

    def set_actions(self, *, reallocate: bool, reallocate_all: bool, details: bool) -> None: ...

    def show_outcome(self, text: str, tone: Tone) -> None: ...


class _Unseen:
    """A window without a Conflicts view (tests of other parts): nothing is shown."""

    def show_conflicts(self, headers: Sequence[str], rows: Sequence[ConflictRow]) -> None:
        return

    def show_count(self, text: str, tone: Tone) -> None:
        return

    def show_badge(self, count: int) -> None:
        return

    def set_actions(self, *, reallocate: bool, reallocate_all: bool, details: bool) -> None:
        return

    def show_outcome(self, text: str, tone: Tone) -> None:
        return


UNSEEN: ConflictsView = _Unseen()


class ConflictsPresenter:
    def __init__(
        self,
        view: ConflictsView,
        changes: BookingChanges,
        after_booking: ChangesAfterBooking,
        catalogue: Catalogue,
        dialogs: Dialogs,
        l10n: Localizer,
        on_details: Callable[[str], None],
    ) -> None:
        self._view = view
        self._changes = changes
        self._after_booking = after_booking
        self._catalogue = catalogue
        self._dialogs = dialogs
        self._l10n = l10n
        self._on_details = on_details
        self.sessions: dict[str, Session] = {}
        self.selected_ids: tuple[str, ...] = ()
        #: Why reallocation is unavailable in this database ("": it is available).
        self.unavailable = ""

    def set_unavailable(self, reason: str) -> None:
        self.unavailable = reason
        self._update_actions()

    def refresh(self) -> None:
        """Re-read the conflicts from today on: a bounded number of queries."""
        translate = self._l10n.translate
        try:
            result = self._changes.get_resource_conflicts()
        except StorageError as error:
            self._view.show_count(storage_failure_text(error, self._l10n), Tone.BAD)
            return
        if isinstance(result, Failure):  # pragma: no cover - no argument can be wrong
            self._view.show_count(result.message, Tone.BAD)
            return
        problems: dict[str, list[str]] = {}
        for conflict in result.conflicts:
            problems.setdefault(conflict.session_id, []).append(
                conflict_problem(conflict, self._catalogue, self._l10n)
            )
        self.sessions = {i: result.sessions[i] for i in problems if i in result.sessions}
        headers = (
            translate("Conflicts", "Date"),
            translate("Conflicts", "Region"),
            translate("Conflicts", "Client"),
            translate("Conflicts", "Problem"),
            translate("Conflicts", "Setup"),
            translate("Conflicts", "Operator"),
            translate("Conflicts", "Status"),
            translate("Conflicts", "Reference"),
        )
        rows = []
        for session_id, texts in problems.items():
            session = self.sessions.get(session_id)
            if session is None:
                continue
            blocked = ""
            if session.status not in REALLOCATABLE:
                blocked = fill(
                    translate("Conflicts", "The mission is %1: it keeps its setup and operator."),
                    status_text(session.status, self._l10n).lower(),
                )
            rows.append(
                ConflictRow(
                    session_id,
                    (
                        self._l10n.date_text(session.date),
                        self._catalogue.region_name(session.region_id),
                        self._catalogue.client_name(session.client_id),
                        "; ".join(texts),
                        self._catalogue.setup_name(session.setup_id or ""),
                        self._catalogue.operator_name(session.operator_id or ""),
                        status_text(session.status, self._l10n),
                        session_id,
                    ),
                    blocked,
                    session.date,
                )
            )
        self._view.show_conflicts(headers, rows)
        count = len(rows)
        self._view.show_badge(count)
        if count:
            text = count_text(
                self._l10n,
                count,
                translate(
                    "Conflicts",
                    "%1 session is on a setup or operator that cannot serve it: reallocate it "
                    "to a free one of the same day, or reschedule it.",
                ),
                translate(
                    "Conflicts",
                    "%1 sessions are on a setup or operator that cannot serve them: reallocate "
                    "them to free ones of the same day, or reschedule them.",
                ),
            )
            self._view.show_count(text, Tone.ATTENTION)
        else:
            self._view.show_count(
                translate("Conflicts", "No conflict: every coming session can be served."),
                Tone.GOOD,
            )
        self.selected_ids = tuple(i for i in self.selected_ids if i in self.sessions)
        self._update_actions()

    def _movable(self, session_ids: Sequence[str]) -> list[Session]:
        return [
            self.sessions[i]
            for i in session_ids
            if i in self.sessions and self.sessions[i].status in REALLOCATABLE
        ]

    def _update_actions(self) -> None:
        self._view.set_actions(
            reallocate=bool(self._movable(self.selected_ids)) and not self.unavailable,
            reallocate_all=bool(self._movable(list(self.sessions))) and not self.unavailable,
            details=len(self.selected_ids) == 1,
        )

    def selection_changed(self, session_ids: Sequence[str]) -> None:
        self.selected_ids = tuple(i for i in session_ids if i in self.sessions)
        self._update_actions()

    def details_requested(self) -> None:
        if self.selected_ids:
            self._on_details(self.selected_ids[0])

    def reallocate_selected(self) -> None:
        self._reallocate(self._movable(self.selected_ids))

    def reallocate_all(self) -> None:
        self._reallocate(self._movable(list(self.sessions)))

    def _reallocate(self, sessions: list[Session]) -> None:
        if not sessions:
            return
        translate = self._l10n.translate
        lines, done = self._after_booking.reallocate(sessions)
        failed = len(sessions) - done
        if len(sessions) == 1 and not failed:
            self._view.show_outcome(lines[0].removeprefix("✓ "), Tone.GOOD)
            return
        summary = fill(translate("Conflicts", "%1 reallocated, %2 not."), done, failed)
        self._view.show_outcome(summary, Tone.ATTENTION if failed else Tone.GOOD)
        self._dialogs.report(translate("Conflicts", "Reallocation report"), summary, lines)
