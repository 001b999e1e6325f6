"""When the server is away (SPEC 11): the window's offline mode.

The window of a team's database switches to the workstation's offline copy when the
server cannot be reached (at start, or when the connection is lost and trying again
fails), and back when it returns: the requests taken meanwhile are sent first, and the
report says what went in, what was already there and which days filled up meanwhile.
While connected, the copy is refreshed in the background after changes, at most every
few minutes. Nothing here blocks the window: the server is reached on worker threads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from dst_desktop.domain.errors import StorageError
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.event_report import (
    LISTED_AT_MOST,
    ReportSectionKind,
    event_import_report,
)
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.services.exchange import BookingsImported
from dst_desktop.services.offline import OfflineSupport
from dst_desktop.services.store import Store

if TYPE_CHECKING:
    from dst_desktop.presenters.main_window import MainPresenter

__all__ = ["OfflineBanner", "OfflineMode", "OfflineSupport", "OfflineView"]

#: The copy is refreshed after changes at most this often, and at least this often.
REFRESH_AFTER_CHANGES = dt.timedelta(minutes=2)
REFRESH_ANYWAY = dt.timedelta(minutes=15)

Background = Callable[[Callable[[], Any], Callable[[Any], None]], None]


@dataclass(frozen=True, slots=True)
class OfflineBanner:
    text: str
    tooltip: str


class OfflineView(Protocol):
    def show_offline_banner(self, banner: OfflineBanner | None) -> None:
        """The offline banner (None: connected, no banner)."""

    def set_offline_unavailable(self, reason: str) -> None:
        """Commands that need the server (reference edits, imports and exports, loading
        demo data) are unavailable with ``reason`` as their tooltip ("": available)."""

    def show_status_message(self, text: str) -> None: ...


@dataclass(frozen=True, slots=True)
class _Reconnected:
    server: Store
    report: BookingsImported | None
    sessions: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


class OfflineMode:
    def __init__(
        self,
        main: MainPresenter,
        support: OfflineSupport,
        view: OfflineView,
        dialogs: Dialogs,
        l10n: Localizer,
        background: Background,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._main = main
        self._support = support
        self._view = view
        self._dialogs = dialogs
        self._l10n = l10n
        self._background = background
        self._now = now
        self.away_since: dt.datetime | None = None if support.online else now()
        self._reconnecting = False
        self._refreshing = False
        self._changed_since_refresh = False
        self._last_refresh: dt.datetime | None = None

    @property
    def offline(self) -> bool:
        return not self._support.online

    # -- what the window shows -------------------------------------------------------------

    def unavailable_reason(self) -> str:
        """Why commands that need the server cannot be used ("" when connected)."""
        if not self.offline:
            return ""
        return self._l10n.translate(
            "OfflineMode",
            "The server is away: this waits until it is back. New requests are kept on this "
            "workstation and sent then.",
        )

    def show(self) -> None:
        self._view.set_offline_unavailable(self.unavailable_reason())
        self._view.show_offline_banner(self.banner())

    def banner(self) -> OfflineBanner | None:
        if not self.offline:
            return None
        translate = self._l10n.translate
        info = self._support.info()
        since = self.away_since or self._now()
        waiting = len(self._support.waiting())
        text = fill(
            translate(
                "OfflineMode",
                "Offline: the server %1 cannot be reached since %2. You are working on this "
                "workstation's copy, %3 old; new requests are kept here and sent when the "
                "server is back.",
            ),
            self._support.store.description,
            self._l10n.timestamp_text(since),
            self._age_text(info.taken_at if info else None),
        )
        if waiting:
            text += " " + fill(
                translate("OfflineMode", "Waiting to be sent: %1."),
                waiting,
            )
        tooltip = translate(
            "OfflineMode",
            "Confirming, mission steps and reference data edits wait until the server is back.",
        )
        return OfflineBanner(text, tooltip)

    def _age_text(self, taken_at: dt.datetime | None) -> str:
        translate = self._l10n.translate
        if taken_at is None:
            return translate("OfflineMode", "of unknown age")
        minutes = max(0, int((self._now() - taken_at).total_seconds() // 60))
        if minutes < 1:
            return translate("OfflineMode", "less than a minute")
        if minutes < 120:
            return fill(translate("OfflineMode", "%1 min"), minutes)
        hours = minutes // 60
        if hours < 48:
            return fill(translate("OfflineMode", "%1 h"), hours)
        return fill(translate("OfflineMode", "%1 days"), hours // 24)

    def start(self) -> None:
        """The window is open: show the mode; connected, bring the copy up to date (and
        send requests left from a session that ended offline)."""
        self.show()
        if self.offline:
            self._view.show_status_message(
                self._l10n.translate(
                    "OfflineMode",
                    "The server cannot be reached: working on this workstation's copy.",
                )
            )
        else:
            self.refresh_copy()

    # -- the server goes and comes back --------------------------------------------------

    def server_lost(self) -> None:
        """Trying to reach the server again failed: work on the copy."""
        if self.offline:
            self._view.show_offline_banner(self.banner())  # its age moves on
            return
        self._support.go_offline()
        self.away_since = self._now()
        self._main.database_switched()
        self._view.show_status_message(
            self._l10n.translate(
                "OfflineMode", "The server cannot be reached: working on this workstation's copy."
            )
        )

    def server_back(self) -> None:
        """The server answers again: send what was taken meanwhile, then use it."""
        if not self.offline or self._reconnecting:
            return
        self._reconnecting = True
        support = self._support

        def work() -> _Reconnected | _Failed:
            try:
                server, report = support.reconnect()
                named: list[str] = []
                if report is not None:
                    named = [
                        *report.no_availability_now,
                        *report.imported[:LISTED_AT_MOST],
                        *report.already_present[:LISTED_AT_MOST],
                    ]
                queries = support.workflows_on(server).queries
                sessions = queries.sessions_by_id(named) if named else {}
                server.close()  # this worker's connection; the window opens its own
            except (StorageError, OSError) as error:
                return _Failed(error)
            return _Reconnected(server, report, dict(sessions))

        self._background(work, self._reconnected)

    def _reconnected(self, outcome: _Reconnected | _Failed) -> None:
        self._reconnecting = False
        if isinstance(outcome, _Failed):
            self._view.show_offline_banner(self.banner())
            return
        self._support.go_online(outcome.server)
        self.away_since = None
        self._main.database_switched()
        report = outcome.report
        if report is None:
            self._view.show_status_message(
                self._l10n.translate("OfflineMode", "The server is back: the window is up to date.")
            )
        else:
            self._report(report, outcome.sessions)
        self.refresh_copy()

    def _report(self, report: BookingsImported, sessions: dict[str, Any]) -> None:
        translate = self._l10n.translate
        shown = event_import_report(report, sessions, self._main.catalogue, self._l10n)
        summary = fill(
            translate(
                "OfflineMode",
                "Requests taken while the server was away: %1 sent, %2 already there, %3 "
                "refused; they wait in the pending queue.",
            ),
            len(report.imported),
            len(report.already_present),
            len(report.rejected),
        )
        if report.no_availability_now:
            summary += " " + count_text(
                self._l10n,
                len(report.no_availability_now),
                translate(
                    "OfflineMode",
                    "%1 of them is for a day filled meanwhile: offer that client another date.",
                ),
                translate(
                    "OfflineMode",
                    "%1 of them are for days filled meanwhile: offer those clients another date.",
                ),
            )
        # The requests are marked Offline in the queue, not Event as an event's are.
        sent_note = translate(
            "OfflineMode",
            "Waiting in the pending queue, their source marked Offline: confirm them there.",
        )
        shown = replace(
            shown,
            title=translate("OfflineMode", "Requests taken while the server was away"),
            summary=summary,
            sections=tuple(
                replace(section, note=sent_note)
                if section.kind is ReportSectionKind.IMPORTED
                else section
                for section in shown.sections
            ),
        )
        self._view.show_status_message(shown.summary)
        self._dialogs.show_event_import_report(shown)

    # -- keeping the copy fresh ------------------------------------------------------------

    def changes_seen(self) -> None:
        self._changed_since_refresh = True

    def tick(self) -> None:
        """Called every minute or so: refresh the copy when it is due."""
        if self.offline or self._last_refresh is None:
            return
        age = self._now() - self._last_refresh
        due = age >= REFRESH_ANYWAY or (
            self._changed_since_refresh and age >= REFRESH_AFTER_CHANGES
        )
        if due:
            self.refresh_copy()

    def refresh_copy(self) -> None:
        """Refresh the copy in the background (and send requests left from a session that
        ended offline first, so that the copy never drops them)."""
        if self.offline or self._refreshing:
            return
        self._refreshing = True
        self._changed_since_refresh = False
        support = self._support
        waiting_before = bool(support.waiting())

        def work() -> BookingsImported | _Failed | None:
            try:
                report = None
                if waiting_before:
                    server = support.store.server
                    if server is not None:
                        report = support.copy.send_to(support.workflows_on(server))
                support.refresh_copy()
                return report
            except (StorageError, OSError) as error:
                return _Failed(error)

        def done(outcome: BookingsImported | _Failed | None) -> None:
            self._refreshing = False
            if isinstance(outcome, _Failed):
                return  # the next tick tries again; the old copy stays
            self._last_refresh = self._now()
            if isinstance(outcome, BookingsImported):
                self._main.bookings_changed()
                self._report(outcome, {})

        self._background(work, done)
