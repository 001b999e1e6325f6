"""Offline event mode in the window (SPEC 7).

The office exports a snapshot (File ▸ Export snapshot…); the event laptop imports it
(File ▸ Import snapshot…) and becomes an *event database*: the window shows a banner
saying so, and confirmation and missions are unavailable, because they happen at the
office against live data. The laptop's bookings go back with File ▸ Export event
bookings… and land at the office with File ▸ Import event bookings…, which reports what
came in. Each command that makes no sense in the database at hand is unavailable and
says why.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol, TypeVar

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import Session
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.dialogs import Dialogs, SnapshotOptions
from dst_desktop.presenters.event_report import LISTED_AT_MOST, event_import_report
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.tasks import TaskRunner, closing_connection
from dst_desktop.services.booking import device_name
from dst_desktop.services.exchange import (
    DEFAULT_SNAPSHOT_MONTHS,
    BookingsExported,
    BookingsImported,
    BundleError,
    EventSnapshot,
    SnapshotImported,
)
from dst_desktop.services.results import JsonDict
from dst_desktop.services.workflows import Workflows

T = TypeVar("T")
U = TypeVar("U")

#: A snapshot older than this many days is shown as stale: the office has moved on.
STALE_AFTER_DAYS = 14


class ExchangeCommand(Enum):
    EXPORT_SNAPSHOT = "export_snapshot"
    IMPORT_SNAPSHOT = "import_snapshot"
    EXPORT_BOOKINGS = "export_bookings"
    IMPORT_BOOKINGS = "import_bookings"


@dataclass(frozen=True, slots=True)
class EventBanner:
    """What the event database banner says."""

    title: str
    lines: tuple[str, ...]
    #: Said when the snapshot is older than :data:`STALE_AFTER_DAYS` ("" otherwise).
    warning: str = ""

    @property
    def stale(self) -> bool:
        return bool(self.warning)


class EventModeView(Protocol):
    def show_event_banner(self, banner: EventBanner | None) -> None:
        """Show the event database banner; None hides it (an office database)."""

    def set_exchange_commands(self, unavailable: Mapping[ExchangeCommand, str]) -> None:
        """Why each command makes no sense in this database; "" when it is available."""

    def show_status_message(self, text: str) -> None: ...


ExchangeFailure = BundleError | StorageError | OSError


@dataclass(frozen=True, slots=True)
class ExchangeProblem:
    """An exchange that failed for a reason the user can act on; nothing was written."""

    error: ExchangeFailure


@dataclass(frozen=True, slots=True)
class BookingsArrived:
    """An import of event bookings, with the office's sessions its report names."""

    report: BookingsImported
    sessions: dict[str, Session]


def _as_is(value: T) -> T:
    return value


def file_slug(text: str) -> str:
    """A piece of a file name made from ``text`` (``Salon Milipol`` → ``salon-milipol``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


def with_json_suffix(path: str) -> Path:
    """``path``, with ``.json`` added when the user typed a name without an extension."""
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_name(chosen.name + ".json")


def _first_and_last(result: JsonDict) -> tuple[dt.date, dt.date]:
    return (
        dt.date.fromisoformat(str(result["firstDate"])),
        dt.date.fromisoformat(str(result["lastDate"])),
    )


class EventModePresenter:
    """The banner, the availability of the four exchange commands, and the commands."""

    def __init__(
        self,
        view: EventModeView,
        workflows: Workflows,
        dialogs: Dialogs,
        runner: TaskRunner,
        catalogue: Catalogue,
        l10n: Localizer,
        *,
        on_snapshot_imported: Callable[[], None],
        on_bookings_imported: Callable[[], None],
        on_mode_changed: Callable[[], None],
        refused: Callable[[ExchangeCommand], str] | None = None,
    ) -> None:
        """``refused`` says why the login's role may not use a command ("" when it may)."""
        self._view = view
        self._workflows = workflows
        self._dialogs = dialogs
        self._runner = runner
        self._catalogue = catalogue
        self._l10n = l10n
        self._on_snapshot_imported = on_snapshot_imported
        self._on_bookings_imported = on_bookings_imported
        self._on_mode_changed = on_mode_changed
        #: Whether the database is a workstation's offline copy (the main presenter says).
        self.is_offline_copy: Callable[[], bool] = lambda: False
        self._role_refused = refused or (lambda _command: "")
        #: The snapshot this database holds; None for an office database.
        self.snapshot: EventSnapshot | None = None

    # -- what the window shows -------------------------------------------------------------

    @property
    def is_event_database(self) -> bool:
        return self.snapshot is not None

    def refresh(self) -> None:
        """Read the database's mode; show the banner and which commands make sense."""
        snapshot = self._workflows.exchange.event_snapshot()
        # A workstation's offline copy is an event database underneath; the window shows
        # it as what it is (presenters/offline.py), not as an event.
        self.snapshot = None if self.is_offline_copy() else snapshot
        self._view.show_event_banner(self.banner())
        self._view.set_exchange_commands(self.unavailable_commands())
        self._on_mode_changed()

    def confirmation_unavailable(self) -> str:
        """Why Confirm is unavailable here ("" in an office database)."""
        if self.snapshot is None:
            return ""
        return self._l10n.translate(
            "EventMode",
            "This is an event database: bookings taken here are confirmed at the office, "
            "against live availability, after File ▸ Export event bookings.",
        )

    def missions_unavailable(self) -> str:
        """Why the mission steps are unavailable here ("" in an office database)."""
        if self.snapshot is None:
            return ""
        return self._l10n.translate(
            "EventMode",
            "This is an event database holding a snapshot of the office: missions are "
            "followed at the office.",
        )

    def banner(self) -> EventBanner | None:
        snapshot = self.snapshot
        if snapshot is None:
            return None
        translate = self._l10n.translate
        age = snapshot.age_days(self._workflows.queries.today())
        if age <= 0:
            age_text = translate("EventMode", "taken today")
        else:
            age_text = count_text(
                self._l10n,
                age,
                translate("EventMode", "%1 day old"),
                translate("EventMode", "%1 days old"),
            )
        lines = [
            fill(
                translate(
                    "EventMode",
                    "Snapshot of the office taken on %1 from %2, %3. "
                    "Its availability runs from %4 to %5.",
                ),
                self._l10n.long_date_text(snapshot.taken_at.date()),
                snapshot.source_device,
                age_text,
                self._l10n.date_text(snapshot.first_date),
                self._l10n.date_text(snapshot.last_date),
            ),
            translate(
                "EventMode",
                "Bookings taken here wait as requests: they are confirmed at the office after "
                "File ▸ Export event bookings. Confirmation and missions are unavailable here.",
            ),
        ]
        warning = ""
        if age > STALE_AFTER_DAYS:
            warning = fill(
                translate(
                    "EventMode",
                    "This snapshot is more than %1 days old: the office may have booked some "
                    "of these days since. Import a newer snapshot if you can.",
                ),
                STALE_AFTER_DAYS,
            )
        return EventBanner(
            title=fill(translate("EventMode", "Event database for “%1”"), snapshot.event_name),
            lines=tuple(lines),
            warning=warning,
        )

    def unavailable_commands(self) -> dict[ExchangeCommand, str]:
        """Why each command is unavailable: the login's role first, then the database."""
        by_mode = self._unavailable_here()
        return {command: self._role_refused(command) or by_mode[command] for command in by_mode}

    def _unavailable_here(self) -> dict[ExchangeCommand, str]:
        translate = self._l10n.translate
        if self.snapshot is not None:
            return {
                ExchangeCommand.EXPORT_SNAPSHOT: translate(
                    "EventMode",
                    "This is an event database: snapshots are exported from the office's database.",
                ),
                ExchangeCommand.IMPORT_SNAPSHOT: "",
                ExchangeCommand.EXPORT_BOOKINGS: "",
                ExchangeCommand.IMPORT_BOOKINGS: translate(
                    "EventMode",
                    "This is an event database: event bookings are imported at the office.",
                ),
            }
        import_snapshot = ""
        if self._workflows.queries.has_sessions():
            import_snapshot = self._office_bookings_text()
        return {
            ExchangeCommand.EXPORT_SNAPSHOT: "",
            ExchangeCommand.IMPORT_SNAPSHOT: import_snapshot,
            ExchangeCommand.EXPORT_BOOKINGS: translate(
                "EventMode",
                "This is an office database: event bookings are exported from the event "
                "laptop that took them.",
            ),
            ExchangeCommand.IMPORT_BOOKINGS: "",
        }

    def _office_bookings_text(self) -> str:
        return self._l10n.translate(
            "EventMode",
            "This database holds office bookings, so it cannot become an event database. "
            "Import the snapshot on the event laptop, into a new database: for example, start "
            "DST Desktop there with --database sqlite:///event.db.",
        )

    def _tell_done(self, title: str, status: str, *paragraphs: str) -> None:
        """What an exchange did: in a few words on the status bar, in full (what the file
        holds, what to do with it next) in a message."""
        self._view.show_status_message(status)
        self._dialogs.inform(title, "\n\n".join(paragraphs))

    def _refused(self, command: ExchangeCommand, title: str) -> bool:
        """Say why ``command`` makes no sense here, before trying it."""
        reason = self.unavailable_commands()[command]
        if reason:
            self._dialogs.warn(title, reason)
        return bool(reason)

    # -- office: export a snapshot -------------------------------------------------------

    def export_snapshot(self) -> None:
        """Ask for the event and the months to cover, then where to write the snapshot."""
        translate = self._l10n.translate
        title = translate("EventMode", "Export snapshot")
        if self._refused(ExchangeCommand.EXPORT_SNAPSHOT, title):
            return
        options = self._dialogs.ask_snapshot_options(SnapshotOptions("", DEFAULT_SNAPSHOT_MONTHS))
        if options is None:
            return
        event_name = options.event_name.strip()
        today = self._workflows.queries.today().isoformat()
        slug = file_slug(event_name)
        suggested = f"snapshot-{slug}-{today}.json" if slug else f"snapshot-{today}.json"
        chosen = self._dialogs.choose_file_to_save(
            title, translate("EventMode", "Event snapshot"), suggested
        )
        if not chosen:
            return
        path = with_json_suffix(chosen)
        exchange = self._workflows.exchange
        months = options.months
        self._run_exchange(
            translate("EventMode", "Writing the snapshot…"),
            # The file dialog has asked before replacing a file.
            lambda: exchange.export_snapshot(path, months, event_name, replace=True),
            lambda outcome: self._snapshot_exported(outcome, path, event_name),
        )

    def _snapshot_exported(
        self, outcome: JsonDict | ExchangeProblem, path: Path, event_name: str
    ) -> None:
        translate = self._l10n.translate
        title = translate("EventMode", "Export snapshot")
        if isinstance(outcome, ExchangeProblem):
            self._dialogs.warn(title, self.problem_text(outcome, path, writing=True))
            return
        first, last = _first_and_last(outcome)
        allocations = int(str(outcome["allocations"]))
        text = fill(
            count_text(
                self._l10n,
                allocations,
                translate(
                    "EventMode",
                    "The snapshot for “%2” was written to %3. It holds the reference data, the "
                    "clients and %1 office allocation from %4 to %5.",
                ),
                translate(
                    "EventMode",
                    "The snapshot for “%2” was written to %3. It holds the reference data, the "
                    "clients and %1 office allocations from %4 to %5.",
                ),
            ),
            allocations,
            event_name,
            path,
            self._l10n.date_text(first),
            self._l10n.date_text(last),
        )
        hint = translate(
            "EventMode",
            "On the event laptop, open a new database and use File ▸ Import snapshot…",
        )
        status = fill(translate("EventMode", "Snapshot written to %1."), path)
        self._tell_done(title, status, text, hint)

    # -- laptop: import a snapshot -------------------------------------------------------

    def import_snapshot(self, path: str | None = None) -> None:
        """Make this database an event database (or give it a newer snapshot)."""
        translate = self._l10n.translate
        title = translate("EventMode", "Import snapshot")
        if self._refused(ExchangeCommand.IMPORT_SNAPSHOT, title):
            return
        if self.snapshot is None and self._workflows.queries.has_sessions():
            self._dialogs.warn(title, self._office_bookings_text())
            return
        chosen = path or self._dialogs.choose_file_to_open(
            title, translate("EventMode", "Event snapshot")
        )
        if not chosen:
            return
        if self.snapshot is None:
            question = translate(
                "EventMode",
                "Make this database an event database?\n\nIt takes the snapshot's reference "
                "data, clients and office allocations. Bookings taken in it are confirmed at "
                "the office later: confirmation and missions become unavailable here. Do this "
                "on the event laptop.",
            )
            accept = translate("EventMode", "Make it an event database")
        else:
            question = fill(
                translate(
                    "EventMode",
                    "Replace the snapshot of “%1” with this one? The office's allocations are "
                    "replaced; the bookings taken here are kept.",
                ),
                self.snapshot.event_name,
            )
            accept = translate("EventMode", "Replace the snapshot")
        if not self._dialogs.confirm(title, question, accept):
            return
        file = Path(chosen)
        exchange = self._workflows.exchange
        self._run_exchange(
            translate("EventMode", "Importing the snapshot…"),
            lambda: exchange.import_snapshot(file),
            lambda outcome: self._snapshot_imported(outcome, file),
        )

    def _snapshot_imported(self, outcome: SnapshotImported | ExchangeProblem, path: Path) -> None:
        translate = self._l10n.translate
        title = translate("EventMode", "Import snapshot")
        if isinstance(outcome, ExchangeProblem):
            self._dialogs.warn(title, self.problem_text(outcome, path, writing=False))
            return
        self._on_snapshot_imported()
        self.refresh()
        snapshot = outcome.snapshot
        text = fill(
            count_text(
                self._l10n,
                outcome.sessions,
                translate(
                    "EventMode",
                    "This is now an event database for “%2”, with %1 office allocation from %3 "
                    "to %4.",
                ),
                translate(
                    "EventMode",
                    "This is now an event database for “%2”, with %1 office allocations from "
                    "%3 to %4.",
                ),
            ),
            outcome.sessions,
            snapshot.event_name,
            self._l10n.date_text(snapshot.first_date),
            self._l10n.date_text(snapshot.last_date),
        )
        lines = [text]
        if outcome.kept_event_bookings:
            lines.append(
                count_text(
                    self._l10n,
                    outcome.kept_event_bookings,
                    translate("EventMode", "The %1 booking taken here before is kept."),
                    translate("EventMode", "The %1 bookings taken here before are kept."),
                )
            )
        lines.append(
            translate(
                "EventMode",
                "Take the event's bookings here. Afterwards, File ▸ Export event bookings… "
                "carries them to the office, where they are confirmed.",
            )
        )
        status = fill(translate("EventMode", "Event database for “%1”."), snapshot.event_name)
        self._tell_done(title, status, *lines)

    # -- laptop: export the event's bookings ---------------------------------------------

    def export_bookings(self) -> None:
        translate = self._l10n.translate
        title = translate("EventMode", "Export event bookings")
        if self._refused(ExchangeCommand.EXPORT_BOOKINGS, title):
            return
        device = file_slug(self._workflows.device or device_name()) or "laptop"
        today = self._workflows.queries.today().isoformat()
        chosen = self._dialogs.choose_file_to_save(
            title,
            translate("EventMode", "Event bookings"),
            f"event-bookings-{device}-{today}.json",
        )
        if not chosen:
            return
        path = with_json_suffix(chosen)
        exchange = self._workflows.exchange
        self._run_exchange(
            translate("EventMode", "Writing the event bookings…"),
            lambda: exchange.export_bookings(path, replace=True),
            lambda outcome: self._bookings_exported(outcome, path),
        )

    def _bookings_exported(self, outcome: BookingsExported | ExchangeProblem, path: Path) -> None:
        translate = self._l10n.translate
        title = translate("EventMode", "Export event bookings")
        if isinstance(outcome, ExchangeProblem):
            self._dialogs.warn(title, self.problem_text(outcome, path, writing=True))
            return
        if outcome.bookings == 0:
            text = fill(
                translate(
                    "EventMode",
                    "No booking has been taken in this event database yet: %1 holds none.",
                ),
                path,
            )
        else:
            text = fill(
                count_text(
                    self._l10n,
                    outcome.bookings,
                    translate("EventMode", "%1 event booking and its client were written to %2."),
                    translate(
                        "EventMode", "%1 event bookings and their clients were written to %2."
                    ),
                ),
                outcome.bookings,
                path,
            )
        self._tell_done(
            title,
            fill(translate("EventMode", "Event bookings written to %1."), path),
            text,
            translate(
                "EventMode",
                "At the office, File ▸ Import event bookings… brings them into the pending queue.",
            ),
        )

    # -- office: import the event's bookings ---------------------------------------------

    def import_bookings(self, path: str | None = None) -> None:
        translate = self._l10n.translate
        title = translate("EventMode", "Import event bookings")
        if self._refused(ExchangeCommand.IMPORT_BOOKINGS, title):
            return
        chosen = path or self._dialogs.choose_file_to_open(
            title, translate("EventMode", "Event bookings")
        )
        if not chosen:
            return
        file = Path(chosen)
        exchange = self._workflows.exchange
        queries = self._workflows.queries

        def with_sessions(report: BookingsImported) -> BookingsArrived:
            named = [
                *report.no_availability_now,
                *report.imported[:LISTED_AT_MOST],
                *report.already_present[:LISTED_AT_MOST],
            ]
            return BookingsArrived(report, queries.sessions_by_id(named))

        self._run_exchange(
            translate("EventMode", "Importing the event bookings…"),
            lambda: exchange.import_bookings(file),
            lambda outcome: self._bookings_imported(outcome, file),
            then=with_sessions,
        )

    def _bookings_imported(self, outcome: BookingsArrived | ExchangeProblem, path: Path) -> None:
        translate = self._l10n.translate
        if isinstance(outcome, ExchangeProblem):
            self._dialogs.warn(
                translate("EventMode", "Import event bookings"),
                self.problem_text(outcome, path, writing=False),
            )
            return
        self._on_bookings_imported()
        self.refresh()
        report = event_import_report(outcome.report, outcome.sessions, self._catalogue, self._l10n)
        self._view.show_status_message(report.summary)
        self._dialogs.show_event_import_report(report)

    # -- running an exchange -------------------------------------------------------------

    def _run_exchange(
        self,
        progress: str,
        exchange: Callable[[], T],
        on_done: Callable[[U | ExchangeProblem], None],
        then: Callable[[T], U] = _as_is,  # type: ignore[assignment]
    ) -> None:
        """Run ``exchange`` in a worker behind ``progress``, then ``then`` on its result.

        A failure the user can act on (a damaged file, an unusable database, a folder that
        cannot be written) reaches ``on_done`` as an :class:`ExchangeProblem`; the
        worker's database connection is closed when it is done.
        """

        def work() -> U | ExchangeProblem:
            try:
                result = exchange()
            except (BundleError, StorageError, OSError) as error:
                return ExchangeProblem(error)
            return then(result)

        self._runner.run(progress, closing_connection(self._workflows.store, work), on_done)

    # -- what went wrong -----------------------------------------------------------------

    def problem_text(self, problem: ExchangeProblem, path: Path, *, writing: bool) -> str:
        """A failed exchange in plain words; it always says that nothing was changed."""
        translate = self._l10n.translate
        error = problem.error
        if isinstance(error, StorageError):
            return fill(
                translate(
                    "EventMode",
                    "The database cannot be used right now, so nothing was changed. (%1)",
                ),
                error,
            )
        if isinstance(error, BundleError):
            detail = str(error).rstrip(".")
            if writing:
                return fill(translate("EventMode", "Nothing was written: %1."), detail)
            return fill(translate("EventMode", "Nothing was imported: %1."), detail)
        reason = error.strerror or str(error)
        if writing:
            return fill(
                translate(
                    "EventMode",
                    "%1 cannot be written (%2). Nothing was written: choose another folder or "
                    "file name.",
                ),
                path,
                reason,
            )
        return fill(
            translate("EventMode", "%1 cannot be read (%2). Nothing was imported."),
            path,
            reason,
        )
