"""The pending-bookings queue and the bookings browser: filtered tables of sessions.

The queue lists every ``pending_confirmation`` session and confirms or cancels them,
several at once if need be, reporting each outcome. The browser lists sessions of any
status, for questions like "what do we have with ACME next month?".
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from dst_desktop.domain.changes import Change, ChangeKind
from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import Session, SessionFilter
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.booking_rows import BookingTable, Column, booking_table
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.live import changed_elsewhere_text
from dst_desktop.presenters.messages import (
    FailureContext,
    Tone,
    failure_text,
    status_text,
    storage_failure_text,
)
from dst_desktop.presenters.printing import BookingPrinting
from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.queries import BookingQueries
from dst_desktop.services.results import BookingConfirmed, Failure

QUEUE_COLUMNS = (
    Column.DATE,
    Column.REGION,
    Column.CLIENT,
    Column.MODULES,
    Column.PARTICIPANTS,
    Column.OFFER,
    Column.SOURCE,
    Column.REQUESTED,
    Column.REFERENCE,
)
BROWSER_COLUMNS = (
    Column.DATE,
    Column.STATUS,
    Column.REGION,
    Column.CLIENT,
    Column.MODULES,
    Column.PARTICIPANTS,
    Column.SETUP,
    Column.OPERATOR,
    Column.REFERENCE,
)
#: The browser shows at most this many sessions; narrower filters show the rest.
BROWSER_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class BookingFilter:
    """What the user typed and chose above a table; every criterion is optional."""

    region_id: str | None = None
    client_id: str | None = None
    status: SessionStatus | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""


#: Bookings changed elsewhere that a list reads again one by one; more: the whole list.
CATCH_UP_LIMIT = 50

Background = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class BookingListView(Protocol):
    """What the queue's and the browser's views share: a table of bookings and its count."""

    def show_table(self, table: BookingTable) -> None: ...

    def show_count(self, text: str) -> None: ...

    def show_filter(self, booking_filter: BookingFilter) -> None:
        """Set the filter widgets to ``booking_filter`` (without reporting a change)."""

    def select_sessions(self, session_ids: Sequence[str]) -> None:
        """Select the rows of ``session_ids`` (only them), the first one brought into view."""


class _BookingList(ABC):
    """What the queue and the browser share: filters, the table, selection, details."""

    columns: tuple[Column, ...] = ()

    def __init__(
        self,
        list_view: BookingListView,
        queries: BookingQueries,
        catalogue: Catalogue,
        l10n: Localizer,
        on_details: Callable[[str], None],
        printing: BookingPrinting | None,
    ) -> None:
        self._list_view = list_view
        self._queries = queries
        self._catalogue = catalogue
        self._l10n = l10n
        self._on_details = on_details
        self._printing = printing
        self.filter = BookingFilter()
        self.sessions: dict[str, Session] = {}
        self.selected_ids: tuple[str, ...] = ()
        #: Whether the last read stopped at the list's limit (more sessions match).
        self._more = False
        #: A hidden list is not read until it is shown (a tab nobody opened costs nothing).
        self.visible = True
        self._stale = False
        #: Runs a read away from the window's thread (catching up with others' changes);
        #: None: read at once.
        self.background: Background | None = None
        self._generation = 0

    def set_visible(self, visible: bool) -> None:
        """The list's tab was shown or hidden; a list shown after changes catches up."""
        self.visible = visible
        if visible and self._stale:
            self.refresh()

    @abstractmethod
    def _criteria(self) -> SessionFilter: ...

    @abstractmethod
    def _count_text(self, shown: int, more: bool) -> str: ...

    def _show_count(self) -> None:
        """How many bookings the list shows and, when several are, how many are selected."""
        text = self._count_text(len(self.sessions), self._more)
        if len(self.selected_ids) > 1:
            text = fill(
                self._l10n.translate("BookingList", "%1 · %2 selected"),
                text,
                len(self.selected_ids),
            )
        self._list_view.show_count(text)

    @abstractmethod
    def _update_actions(self) -> None: ...

    @property
    def printing_available(self) -> bool:
        return self._printing is not None

    def set_printing(self, printing: BookingPrinting | None) -> None:
        self._printing = printing
        self._update_actions()

    def filter_changed(self, booking_filter: BookingFilter) -> None:
        if booking_filter != self.filter:
            self.filter = booking_filter
            self.refresh()

    def set_filter(self, booking_filter: BookingFilter) -> None:
        """Filter the list as ``booking_filter`` says, widgets included."""
        self._list_view.show_filter(booking_filter)
        self.filter_changed(booking_filter)

    def refresh(self) -> None:
        """Re-read the sessions the filters select (one query) and show them."""
        if not self.visible:
            self._stale = True
            return
        self._stale = False
        self._generation += 1
        self._show(*self._read())

    def _read(self) -> tuple[list[Session], bool, BookingTable]:
        """The sessions the filters select, whether there are more, and their table.

        Touches no view: it may run on a worker thread."""
        criteria = self._criteria()
        text = self.filter.text.strip()
        criteria = replace(criteria, text=text or None)
        found = self._queries.sessions(criteria)
        more = criteria.limit is not None and len(found) == criteria.limit
        if more:
            found = found[:-1]
        today = self._queries.today()
        return found, more, booking_table(found, self.columns, self._catalogue, self._l10n, today)

    def _show(self, found: list[Session], more: bool, table: BookingTable) -> None:
        self.sessions = {session.id: session for session in found}
        self._more = more
        self.selected_ids = tuple(i for i in self.selected_ids if i in self.sessions)
        self._list_view.show_table(table)
        self._show_count()
        self._update_actions()

    def catch_up(self, changes: Sequence[Change] | None) -> list[Change]:
        """Bookings changed elsewhere (None: any may have): show the list as it is now.

        Only the changed bookings are read again — one query, with the list's own
        filters — unless there are many; rows, order and selection stay as they were
        for everything else. Returns the changes that took selected rows off the list.
        """
        if not self.visible:
            self._stale = True
            return []
        ids = None if changes is None else {c.session_id for c in changes if c.session_id}
        if ids is None or len(ids) > CATCH_UP_LIMIT:
            self._catch_up_all()
            return []
        if not ids:
            return []
        criteria = replace(
            self._criteria(), text=self.filter.text.strip() or None, session_ids=frozenset(ids)
        )
        limit = criteria.limit
        found = {s.id: s for s in self._queries.sessions(replace(criteria, limit=None))}
        left = [
            change
            for change in changes or ()
            if change.session_id in self.selected_ids and change.session_id not in found
        ]
        sessions = {i: s for i, s in self.sessions.items() if i not in ids}
        sessions.update(found)
        if limit is not None and len(sessions) >= limit:
            self.refresh()  # the list is cut: which rows show depends on all of them
            return left
        ordered = sorted(sessions.values(), key=lambda s: (s.date, s.created_at, s.id))
        self.sessions = {session.id: session for session in ordered}
        self._more = False
        table = booking_table(
            ordered, self.columns, self._catalogue, self._l10n, self._queries.today()
        )
        self.selected_ids = tuple(i for i in self.selected_ids if i in self.sessions)
        self._list_view.show_table(table)
        self._show_count()
        self._update_actions()
        self._caught_up()
        self._changed_elsewhere(left)
        return left

    def _catch_up_all(self) -> None:
        """Anything may have changed: read the whole list again — on a worker thread
        when there is one, so that 10,000 rows never hold up the window — then say which
        selected rows left it."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        selected = self.selected_ids

        def read() -> tuple[list[Session], bool, BookingTable, dict[str, Session]]:
            found, more, table = self._read()
            present = {session.id for session in found}
            gone = [i for i in selected if i not in present]
            return found, more, table, self._queries.sessions_by_id(gone) if gone else {}

        def show(result: tuple[list[Session], bool, BookingTable, dict[str, Session]]) -> None:
            if generation != self._generation:
                return  # the user's own action read the list again meanwhile
            found, more, table, now = result
            self._show(found, more, table)
            self._caught_up()
            self._changed_elsewhere(
                [
                    Change(ChangeKind.SESSION, i, status=now[i].status if i in now else None)
                    for i in selected
                    if i not in self.sessions
                ]
            )

        if self.background is None:
            show(read())
        else:
            self.background(read, show)

    def _changed_elsewhere(self, left: Sequence[Change]) -> None:
        """Selected rows that another workstation took off the list (said by the queue)."""
        return

    def _caught_up(self) -> None:
        """The list shows what others changed (the queue counts its total again)."""
        return

    def selection_changed(self, session_ids: Sequence[str]) -> None:
        self.selected_ids = tuple(i for i in session_ids if i in self.sessions)
        self._show_count()
        self._update_actions()

    def select(self, session_ids: Sequence[str]) -> None:
        """Select the bookings of ``session_ids`` that the list shows, as the user would."""
        shown = [i for i in session_ids if i in self.sessions]
        self._list_view.select_sessions(shown)
        self.selection_changed(shown)

    def details_requested(self) -> None:
        if self.selected_ids:
            self._on_details(self.selected_ids[0])

    def print_summary(self) -> None:
        if self._printing is not None and self.selected_ids:
            self._printing.print_booking_summary(self.selected_ids[0])

    def _label(self, session: Session) -> str:
        return fill(
            self._l10n.translate("BookingList", "%1 on %2 (%3)"),
            self._catalogue.client_name(session.client_id),
            self._l10n.date_text(session.date),
            self._catalogue.region_name(session.region_id),
        )


# -- the pending queue -----------------------------------------------------------------


class PendingQueueView(BookingListView, Protocol):
    def show_filter_choices(self, regions: Sequence[Choice], clients: Sequence[Choice]) -> None:
        """The regions and clients to filter by, after an "all" entry (id None)."""

    def set_actions(
        self,
        *,
        confirm: bool,
        cancel: bool,
        details: bool,
        print_summary: bool,
        edit: bool = False,
    ) -> None: ...

    def show_outcome(self, text: str, tone: Tone) -> None:
        """What the last action did, above the table ("" clears it)."""

    def select_session(self, session_id: str) -> None:
        """Select (only) the row of ``session_id`` and bring it into view."""

    def show_confirm_unavailable(self, reason: str) -> None:
        """Why Confirm cannot be used in this database ("": it can, given a selection)."""

    def show_total(self, count: int) -> None:
        """How many bookings wait for confirmation in all, whatever the filters show."""


class PendingQueuePresenter(_BookingList):
    columns = QUEUE_COLUMNS

    def __init__(
        self,
        view: PendingQueueView,
        booking: BookingWorkflow,
        queries: BookingQueries,
        catalogue: Catalogue,
        dialogs: Dialogs,
        l10n: Localizer,
        on_changed: Callable[[], None],
        on_details: Callable[[str], None],
        printing: BookingPrinting | None = None,
        on_edit: Callable[[str], None] | None = None,
    ) -> None:
        """``on_edit`` corrects a pending request (None: the queue offers no Edit)."""
        super().__init__(view, queries, catalogue, l10n, on_details, printing)
        self._view = view
        self._booking = booking
        self._dialogs = dialogs
        self._on_changed = on_changed
        self._on_edit = on_edit
        self._confirm_unavailable = ""
        #: On the offline copy, which holds this computer's requests only.
        self.offline = False
        #: How many bookings wait in all (None: to be counted at the next refresh).
        self.total: int | None = None
        #: The selection an outcome was shown for; another selection clears it.
        self._outcome_for: tuple[str, ...] | None = None

    def load(self) -> None:
        self._view.show_filter_choices(
            self._catalogue.region_choices(), self._catalogue.client_choices()
        )
        self.refresh()

    def refresh(self) -> None:
        """Re-read the queue, and the number of bookings waiting in all."""
        self.total = None
        self._refresh_rows()

    def filter_changed(self, booking_filter: BookingFilter) -> None:
        """Other filters show other rows of the same queue: the total stays as it is."""
        if booking_filter != self.filter:
            self.filter = booking_filter
            self._clear_outcome()
            self._refresh_rows()

    def _refresh_rows(self) -> None:
        super().refresh()
        self._count_total()

    def _caught_up(self) -> None:
        self.total = None
        self._count_total()

    def _count_total(self) -> None:
        if self.total is None and self.visible:
            unfiltered = replace(self.filter, text=self.filter.text.strip()) == BookingFilter()
            self.total = len(self.sessions) if unfiltered else len(self._queries.pending_sessions())
            self._view.show_total(self.total)

    def selection_changed(self, session_ids: Sequence[str]) -> None:
        super().selection_changed(session_ids)
        if self._outcome_for is not None and self.selected_ids != self._outcome_for:
            self._clear_outcome()

    def _show_outcome(self, text: str, tone: Tone) -> None:
        """What an action did, until the user selects other rows or filters the queue."""
        self._view.show_outcome(text, tone)
        self._outcome_for = self.selected_ids if text else None

    def _clear_outcome(self) -> None:
        if self._outcome_for is not None:
            self._outcome_for = None
            self._view.show_outcome("", Tone.NEUTRAL)

    def set_confirm_unavailable(self, reason: str) -> None:
        """In an event database, Confirm is unavailable and ``reason`` says why."""
        self._confirm_unavailable = reason
        self._view.show_confirm_unavailable(reason)
        self._update_actions()

    def _criteria(self) -> SessionFilter:
        return SessionFilter(
            statuses=frozenset({SessionStatus.PENDING_CONFIRMATION}),
            region_id=self.filter.region_id,
            client_id=self.filter.client_id,
            date_from=self.filter.date_from,
            date_to=self.filter.date_to,
        )

    def _count_text(self, shown: int, more: bool) -> str:
        if shown == 0:
            if self.offline:
                return self._l10n.translate(
                    "PendingQueue",
                    "Offline: only requests taken on this computer show here, none yet.",
                )
            if self.filter == BookingFilter():
                return self._l10n.translate("PendingQueue", "No booking is waiting.")
            return self._l10n.translate("PendingQueue", "No pending booking matches the filters.")
        return count_text(
            self._l10n,
            shown,
            self._l10n.translate("PendingQueue", "%1 booking waiting"),
            self._l10n.translate("PendingQueue", "%1 bookings waiting"),
        )

    def _update_actions(self) -> None:
        chosen = bool(self.selected_ids)
        single = len(self.selected_ids) == 1
        self._view.set_actions(
            confirm=chosen and not self._confirm_unavailable,
            cancel=chosen,
            details=single,
            print_summary=single and self.printing_available,
            edit=single and self._on_edit is not None,
        )

    def edit_selected(self) -> None:
        """Correct the selected request (date, modules, participants, client, offer, notes)."""
        if self._on_edit is not None and len(self.selected_ids) == 1:
            self._on_edit(self.selected_ids[0])

    def show_updated(self, session: Session) -> None:
        """A request was corrected: list it as it is now, selected."""
        self.refresh()
        if session.id in self.sessions:
            self._view.select_session(session.id)
            self.selection_changed([session.id])
        self._view.show_outcome(
            fill(
                self._l10n.translate("PendingQueue", "The booking of %1 was updated."),
                self._label(session),
            ),
            Tone.GOOD,
        )

    def _context(self, session: Session) -> FailureContext:
        status = self._booking.get_booking_status(session.id)
        return FailureContext(
            self._catalogue.region_name(session.region_id),
            session.date,
            None if isinstance(status, Failure) else status.session.status,
            business_date=self._queries.today(),
        )

    def _changed_elsewhere(self, left: Sequence[Change]) -> None:
        if not left:
            return
        if len(left) == 1:
            change = left[0]
            text = fill(
                self._l10n.translate("PendingQueue", "The booking you had selected: %1"),
                changed_elsewhere_text(change.status, self._l10n),
            )
        else:
            text = fill(
                self._l10n.translate(
                    "PendingQueue",
                    "%1 of the bookings you had selected were confirmed or cancelled by "
                    "another workstation a moment ago.",
                ),
                len(left),
            )
        self._view.show_outcome(text, Tone.ATTENTION)

    def show_created(self, session_id: str) -> None:
        """A booking was just created: list it and select it, ready to confirm.

        When the queue's filters would hide it, they are cleared: the form says the new
        booking waits in the queue, and there it is.
        """
        self._clear_outcome()
        self.refresh()
        cleared = False
        if session_id not in self.sessions and self.filter != BookingFilter():
            self.set_filter(BookingFilter())
            cleared = True
        if session_id in self.sessions:
            self._view.select_session(session_id)
            self.selection_changed([session_id])
        if cleared:
            self._show_outcome(
                self._l10n.translate(
                    "PendingQueue", "The filters were cleared to show the new booking."
                ),
                Tone.NEUTRAL,
            )

    def _refresh_after_changes(self) -> None:
        """Re-read the queue and tell the window (calendar, form, browser) after a batch.

        Rows handled before a failing one are committed: the lists must show them, even
        when the batch stopped short of what the user asked. When the database cannot
        even be read, the user is told the lists may be out of date.
        """
        try:
            self.refresh()
            self._on_changed()
        except StorageError as error:
            self._dialogs.warn(
                self._l10n.translate("PendingQueue", "Lists not up to date"),
                fill(
                    self._l10n.translate(
                        "PendingQueue",
                        "The outcome of each booking is shown, but the lists could not be "
                        "read again and may be out of date: use Bookings ▸ Refresh. (%1)",
                    ),
                    error,
                ),
            )

    def _confirm_one(self, session: Session) -> BookingConfirmed | str:
        """The confirmation of one booking, or why it was not confirmed."""
        try:
            result = self._booking.confirm_session_booking(session.id)
            if isinstance(result, Failure):
                return failure_text(result, self._l10n, self._context(session))
        except StorageError as error:
            return storage_failure_text(error, self._l10n)
        return result

    def _cancel_one(self, session: Session) -> str:
        """Cancel one booking: "" when done, else why it was not."""
        try:
            result = self._booking.cancel_pending_booking(session.id)
            if isinstance(result, Failure):
                return failure_text(result, self._l10n, self._context(session))
        except StorageError as error:
            return storage_failure_text(error, self._l10n)
        return ""

    def confirm_selected(self) -> None:
        """Confirm every selected booking; report each outcome.

        Each booking is its own unit of work: a database error on one row is that row's
        outcome, and the rows before it stay confirmed.
        """
        chosen = [self.sessions[i] for i in self.selected_ids if i in self.sessions]
        if not chosen:
            return
        translate = self._l10n.translate
        lines: list[str] = []
        failures: list[str] = []
        for session in chosen:
            result = self._confirm_one(session)
            if isinstance(result, str):
                reason = result
                failures.append(reason)
                lines.append(
                    fill(
                        translate("PendingQueue", "✗ %1: not confirmed. %2"),
                        self._label(session),
                        reason,
                    )
                )
            else:
                lines.append(
                    fill(
                        translate("PendingQueue", "✓ %1: confirmed with %2, run by %3."),
                        self._label(session),
                        result.setup.name,
                        result.operator.name,
                    )
                )
        confirmed = len(chosen) - len(failures)
        self._refresh_after_changes()
        if len(chosen) == 1:
            if failures:
                self._show_outcome("", Tone.NEUTRAL)
                self._dialogs.warn(
                    translate("PendingQueue", "Booking not confirmed"),
                    fill(
                        translate("PendingQueue", "The booking of %1 was not confirmed. %2"),
                        self._label(chosen[0]),
                        failures[0],
                    ),
                )
            else:
                self._show_outcome(lines[0].removeprefix("✓ "), Tone.GOOD)
            return
        summary = fill(
            translate("PendingQueue", "%1 confirmed, %2 not confirmed."),
            confirmed,
            len(failures),
        )
        self._show_outcome(summary, Tone.ATTENTION if failures else Tone.GOOD)
        self._dialogs.report(translate("PendingQueue", "Confirmation report"), summary, lines)

    def cancel_selected(self) -> None:
        """Delete the selected pending bookings, after asking."""
        chosen = [self.sessions[i] for i in self.selected_ids if i in self.sessions]
        if not chosen:
            return
        translate = self._l10n.translate
        if len(chosen) == 1:
            question = fill(
                translate(
                    "PendingQueue",
                    "Cancel the pending booking of %1? It will be deleted; the audit log "
                    "keeps a trace of it.",
                ),
                self._label(chosen[0]),
            )
        else:
            question = fill(
                translate(
                    "PendingQueue",
                    "Cancel %1 pending bookings? They will be deleted; the audit log keeps a "
                    "trace of them.",
                ),
                len(chosen),
            )
        accept = (
            translate("PendingQueue", "Cancel booking")
            if len(chosen) == 1
            else translate("PendingQueue", "Cancel bookings")
        )
        if not self._dialogs.confirm(
            translate("PendingQueue", "Cancel pending bookings"), question, accept
        ):
            return
        refused: list[str] = []
        for session in chosen:
            reason = self._cancel_one(session)
            if reason:
                refused.append(
                    fill(
                        translate("PendingQueue", "%1: not cancelled. %2"),
                        self._label(session),
                        reason,
                    )
                )
        cancelled = len(chosen) - len(refused)
        self._refresh_after_changes()
        self._show_outcome(
            count_text(
                self._l10n,
                cancelled,
                translate("PendingQueue", "%1 pending booking cancelled."),
                translate("PendingQueue", "%1 pending bookings cancelled."),
            ),
            Tone.NEUTRAL,
        )
        if refused:
            self._dialogs.report(
                translate("PendingQueue", "Cancellation report"),
                count_text(
                    self._l10n,
                    len(refused),
                    translate("PendingQueue", "%1 booking could not be cancelled."),
                    translate("PendingQueue", "%1 bookings could not be cancelled."),
                ),
                refused,
            )


# -- the bookings browser --------------------------------------------------------------


class BookingsBrowserView(BookingListView, Protocol):
    def show_filter_choices(
        self, regions: Sequence[Choice], clients: Sequence[Choice], statuses: Sequence[Choice]
    ) -> None:
        """Each list after an "all" entry (id None)."""

    def set_actions(self, *, details: bool, print_summary: bool) -> None: ...


class BookingsBrowserPresenter(_BookingList):
    columns = BROWSER_COLUMNS

    def __init__(
        self,
        view: BookingsBrowserView,
        queries: BookingQueries,
        catalogue: Catalogue,
        l10n: Localizer,
        on_details: Callable[[str], None],
        printing: BookingPrinting | None = None,
    ) -> None:
        super().__init__(view, queries, catalogue, l10n, on_details, printing)
        self._view = view

    def load(self) -> None:
        self._view.show_filter_choices(
            self._catalogue.region_choices(),
            self._catalogue.client_choices(),
            [Choice(status.value, status_text(status, self._l10n)) for status in SessionStatus],
        )
        self.refresh()

    def _criteria(self) -> SessionFilter:
        return SessionFilter(
            statuses=None if self.filter.status is None else frozenset({self.filter.status}),
            region_id=self.filter.region_id,
            client_id=self.filter.client_id,
            date_from=self.filter.date_from,
            date_to=self.filter.date_to,
            limit=BROWSER_LIMIT + 1,
        )

    def _count_text(self, shown: int, more: bool) -> str:
        if more:
            return fill(
                self._l10n.translate(
                    "BookingsBrowser", "The first %1 bookings are shown: narrow the filters."
                ),
                shown,
            )
        if shown == 0:
            return self._l10n.translate("BookingsBrowser", "No booking matches the filters.")
        return count_text(
            self._l10n,
            shown,
            self._l10n.translate("BookingsBrowser", "%1 booking"),
            self._l10n.translate("BookingsBrowser", "%1 bookings"),
        )

    def _update_actions(self) -> None:
        single = len(self.selected_ids) == 1
        self._view.set_actions(details=single, print_summary=single and self.printing_available)
