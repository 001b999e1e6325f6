"""Seeing each other's work (SPEC 9): what the window reads again when another
workstation changes the database, and what it tells the user.

The view layer delivers batches of :class:`Change` (from the server's notifications or a
SQLite file's data version); this presenter decides, part by part, what to read again —
nothing when nothing that is on show changed — and keeps what the user is doing: the
selection, the region and day, the form being filled, an open dialog.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from dst_desktop.domain.changes import Change, ChangeKind, ChangeSource
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.presenters.l10n import Localizer, fill

if TYPE_CHECKING:
    from dst_desktop.presenters.booking_details import BookingDetailsPresenter
    from dst_desktop.presenters.main_window import MainPresenter

__all__ = ["Change", "ChangeSource", "LiveStatusView", "LiveUpdates", "changed_elsewhere_text"]

#: Statuses whose change moves a day's availability (a pending request holds nothing).
_MOVES_AVAILABILITY = RESOURCE_HOLDING | {SessionStatus.CANCELLED}


class LiveStatusView(Protocol):
    def show_live_status(self, text: str) -> None:
        """Whether the window follows the others' changes ("" when all is well)."""


def changed_elsewhere_text(status: SessionStatus | None, l10n: Localizer) -> str:
    """What happened to a booking the user is looking at, in plain words."""
    translate = l10n.translate
    if status is None:
        return translate("LiveUpdates", "Cancelled by another workstation a moment ago.")
    texts = {
        SessionStatus.CONFIRMED: translate(
            "LiveUpdates", "Confirmed by another workstation a moment ago."
        ),
        SessionStatus.SCHEDULED: translate(
            "LiveUpdates", "Scheduled by another workstation a moment ago."
        ),
        SessionStatus.IN_PROGRESS: translate(
            "LiveUpdates", "Started by another workstation a moment ago."
        ),
        SessionStatus.COMPLETED: translate(
            "LiveUpdates", "Marked completed by another workstation a moment ago."
        ),
        SessionStatus.CANCELLED: translate(
            "LiveUpdates", "Cancelled by another workstation a moment ago."
        ),
    }
    return texts.get(
        status, translate("LiveUpdates", "Changed by another workstation a moment ago.")
    )


class LiveUpdates:
    """Routes the others' changes to the parts of one main window."""

    def __init__(self, main: MainPresenter, view: LiveStatusView, l10n: Localizer) -> None:
        self._main = main
        self._view = view
        self._l10n = l10n
        self._details: weakref.WeakSet[BookingDetailsPresenter] = weakref.WeakSet()
        #: How many times the window read something again because of a change (tests and
        #: the benchmark count them: nothing is read when nothing changed).
        self.reloads = 0
        self.paused_since: dt.datetime | None = None
        self._pauses = 0

    def follow_details(self, details: BookingDetailsPresenter) -> None:
        """An open details dialog hears about its booking."""
        self._details.add(details)

    def forget_details(self, details: BookingDetailsPresenter) -> None:
        """Its dialog closed."""
        self._details.discard(details)

    # -- from the view ---------------------------------------------------------------------

    def changes_arrived(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        self.reloads += 1
        if self._main.offline is not None:
            self._main.offline.changes_seen()
        kinds = {change.kind for change in changes}
        if ChangeKind.EVERYTHING in kinds:
            self._everything()
            return
        if ChangeKind.REFERENCE in kinds:
            self._main.reference_changed()
        bookings = [change for change in changes if change.kind is ChangeKind.SESSION]
        if bookings:
            self._bookings(bookings)

    def paused(self, reason: str, since: dt.datetime, silent: bool = False) -> None:
        """The window cannot hear the others any more (the server went away).

        ``silent``: the server stopped answering for seconds already (a network gone
        away), so the window works on its copy at once instead of trying again first.
        """
        self._pauses += 1
        if (self._pauses >= 2 or silent) and self._main.offline is not None:
            # Trying again failed too, or the server is silent: work on the offline copy.
            self._main.offline.server_lost()
        if self.paused_since is None:
            self.paused_since = since
        if self._main.offline is not None and self._main.offline.offline:
            self._view.show_live_status("")  # the offline banner says it all
            return
        self._view.show_live_status(
            fill(
                self._l10n.translate(
                    "LiveUpdates",
                    "Colleagues' changes are not shown at the moment: %1 Trying again…",
                ),
                reason,
            )
        )

    def resumed(self) -> None:
        """Connected again: whatever happened meanwhile was missed, so read it all."""
        self._pauses = 0
        self.paused_since = None
        self._view.show_live_status("")
        self.reloads += 1
        offline = self._main.offline
        if offline is not None and offline.offline:
            offline.server_back()  # sends what was taken meanwhile, then reads everything
            return
        self._everything()

    # -- routing ---------------------------------------------------------------------------

    def _everything(self) -> None:
        main = self._main
        catalogue = main.catalogue
        before = catalogue.snapshot
        catalogue.invalidate()
        if catalogue.snapshot != before:
            main.reference_changed()
        else:
            main.calendar.refresh()
            main.queue.catch_up(None)
            main.browser.catch_up(None)
            main.form.check()
            main.event_mode.refresh()
        for details in list(self._details):
            details.changed_elsewhere(None)

    def _bookings(self, changes: Sequence[Change]) -> None:
        main = self._main
        calendar = main.calendar
        shown = calendar.page
        if any(
            _touches(change, calendar.region_id, shown) and change.status in _MOVES_AVAILABILITY
            for change in changes
        ):
            calendar.refresh()
        form = main.form
        if form.region_id is not None and any(
            change.region_id == form.region_id and change.date == form.day for change in changes
        ):
            form.check()
        main.queue.catch_up(changes)
        main.browser.catch_up(changes)
        main.event_mode.refresh()
        for details in list(self._details):
            mine = [change for change in changes if change.session_id == details.session_id]
            if mine:
                details.changed_elsewhere(mine[-1])


def _touches(change: Change, region_id: str | None, page: tuple[int, int]) -> bool:
    """Whether a booking's change may alter the calendar month on show."""
    if change.date is None or change.region_id is None:
        return True
    return change.region_id == region_id and (change.date.year, change.date.month) == page
