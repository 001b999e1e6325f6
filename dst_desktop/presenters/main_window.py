"""The main window as a whole: its parts, how they tell each other about changes, and the
work of the File menu (first start, demo data, reference data imports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from dst_desktop.domain.model import Session
from dst_desktop.domain.permissions import Action
from dst_desktop.presenters.access import AccessTexts, WindowCommand
from dst_desktop.presenters.audit_log import AuditLogPresenter, AuditLogView
from dst_desktop.presenters.booking_changes import ChangesAfterBooking
from dst_desktop.presenters.booking_details import BookingDetailsPresenter, BookingDetailsView
from dst_desktop.presenters.booking_form import BookingFormPresenter, BookingFormView
from dst_desktop.presenters.booking_lists import (
    BookingFilter,
    BookingsBrowserPresenter,
    BookingsBrowserView,
    PendingQueuePresenter,
    PendingQueueView,
)
from dst_desktop.presenters.calendar import CalendarPresenter, CalendarView
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.conflicts import UNSEEN as UNSEEN_CONFLICTS
from dst_desktop.presenters.conflicts import ConflictsPresenter, ConflictsView
from dst_desktop.presenters.contact import contact_problem
from dst_desktop.presenters.dialogs import Dialogs, FirstStartChoice
from dst_desktop.presenters.event_mode import EventModePresenter, EventModeView, ExchangeCommand
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.live import ChangeSource, LiveUpdates
from dst_desktop.presenters.messages import failure_text
from dst_desktop.presenters.module_picker import ModulePickerPresenter, ModulePickerView
from dst_desktop.presenters.offline import OfflineBanner, OfflineMode, OfflineSupport
from dst_desktop.presenters.printing import BookingPrinting
from dst_desktop.presenters.reference_editor import (
    ReferenceEditorPresenter,
    ReferenceEditorView,
    ReferenceEntry,
    ReferenceKind,
    derive_id,
    entry_document,
    single_entry_failure,
)
from dst_desktop.presenters.tasks import TaskRunner, closing_connection
from dst_desktop.reports.i18n import Language
from dst_desktop.services.demo import build_demo
from dst_desktop.services.input_files import (
    MAX_REFERENCE_FILE_BYTES,
    InputFileError,
    InputProblem,
    read_json_file,
)
from dst_desktop.services.reference import ReferenceImported
from dst_desktop.services.results import Failure
from dst_desktop.services.workflows import Workflows

#: What a main window runs on: the workflows of one database. The composition root
#: (``dst_desktop.app``) opens them; the window only hands them to its presenter, and
#: names their type from here rather than from the services.
WindowWorkflows: TypeAlias = Workflows


class MainWindowView(EventModeView, Protocol):
    def show_database(self, text: str) -> None:
        """The database in use, in the status bar."""

    def show_business_date(self, text: str) -> None: ...

    def set_printing_available(self, available: bool) -> None:
        """Enable the print commands, or disable them saying printing is not installed."""

    def open_details(self, session_id: str) -> None:
        """Open the booking details dialog on ``session_id``."""

    def show_live_status(self, text: str) -> None:
        """Whether colleagues' changes reach the window ("" when they do)."""

    def show_offline_banner(self, banner: OfflineBanner | None) -> None:
        """Working on the offline copy while the server is away (None: connected)."""

    def set_offline_unavailable(self, reason: str) -> None:
        """Commands that need the server are unavailable with ``reason`` ("": available)."""

    def show_access(self, text: str, tooltip: str) -> None:
        """Who is signed in and with which role, in the status bar (SPEC 10)."""

    def set_commands_unavailable(self, unavailable: Mapping[WindowCommand, str]) -> None:
        """Why the login's role may not use each command ("" when it may)."""

    def set_demo_data_available(self, reason: str) -> None:
        """Why the demo data cannot be loaded into this database ("" when it can)."""


@dataclass(frozen=True, slots=True)
class MainViews:
    main: MainWindowView
    calendar: CalendarView
    modules: ModulePickerView
    form: BookingFormView
    queue: PendingQueueView
    browser: BookingsBrowserView
    #: Sessions left on resources that cannot serve them (None: not shown).
    conflicts: ConflictsView | None = None


@dataclass(frozen=True, slots=True)
class Work:
    """What the user is in the middle of: the booking being filled in, the lists' filters
    and selections. A window rebuilt in another language takes it over."""

    region_id: str | None
    day: dt.date
    module_ids: tuple[str, ...]
    participants: int
    client_id: str | None
    offer_id: str | None
    notes: str
    queue_filter: BookingFilter
    queue_selection: tuple[str, ...]
    browser_filter: BookingFilter
    browser_selection: tuple[str, ...]
    browser_shown: bool


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A reference data file that could not be read; ``text`` is for the user."""

    text: str


ImportOutcome = ReferenceImported | Failure | FileProblem


class MainPresenter:
    def __init__(
        self,
        views: MainViews,
        workflows: Workflows,
        dialogs: Dialogs,
        runner: TaskRunner,
        l10n: Localizer,
        demo_reference: Callable[[], dict[str, object]],
        printing: BookingPrinting | None = None,
        offline_support: OfflineSupport | None = None,
    ) -> None:
        self._views = views
        self._workflows = workflows
        self._dialogs = dialogs
        self._runner = runner
        self._l10n = l10n
        self._demo_reference = demo_reference
        self._printing = printing
        self.access = AccessTexts(workflows.permissions, workflows.actor, l10n)
        self.catalogue = Catalogue(workflows.queries)
        self.calendar = CalendarPresenter(
            views.calendar, workflows.queries, self.catalogue, l10n, self._place_chosen
        )
        self.modules = ModulePickerPresenter(views.modules, l10n, self._modules_chosen)
        self.form = BookingFormPresenter(
            views.form,
            workflows.booking,
            workflows.queries,
            self.catalogue,
            dialogs,
            l10n,
            on_created=self._booking_created,
            on_move_to=self.calendar.go_to,
        )
        self.changes = ChangesAfterBooking(
            workflows,
            self.catalogue,
            dialogs,
            l10n,
            on_changed=self.bookings_changed,
        )
        self.conflicts = ConflictsPresenter(
            views.conflicts or UNSEEN_CONFLICTS,
            workflows.booking_changes,
            self.changes,
            self.catalogue,
            dialogs,
            l10n,
            on_details=views.main.open_details,
        )
        self.queue = PendingQueuePresenter(
            views.queue,
            workflows.booking,
            workflows.queries,
            self.catalogue,
            dialogs,
            l10n,
            on_changed=self.bookings_changed,
            on_details=views.main.open_details,
            printing=printing,
            on_edit=self.edit_booking,
        )
        self.browser = BookingsBrowserPresenter(
            views.browser,
            workflows.queries,
            self.catalogue,
            l10n,
            on_details=views.main.open_details,
            printing=printing,
        )
        self.event_mode = EventModePresenter(
            views.main,
            workflows,
            dialogs,
            runner,
            self.catalogue,
            l10n,
            on_snapshot_imported=self.reference_changed,
            on_bookings_imported=self.reference_changed,
            on_mode_changed=self._mode_changed,
            refused=lambda command: self.access.refused(_EXCHANGE_ACTIONS[command]),
        )
        self.live = LiveUpdates(self, views.main, l10n)
        self.queue.background = self.browser.background = self._quietly
        #: On a team's server: working on the offline copy while the server is away.
        self.offline = (
            None
            if offline_support is None
            else OfflineMode(
                self, offline_support, views.main, dialogs, l10n, self._quietly, workflows.clock.now
            )
        )
        self.event_mode.is_offline_copy = lambda: self.offline is not None and self.offline.offline

    @property
    def business_date(self) -> dt.date:
        """The date the window treats as today (the workflows' clock)."""
        return self._workflows.queries.today()

    # -- start-up and refreshing ---------------------------------------------------------

    def start(self, preferred_region_id: str | None = None) -> None:
        """Fill every part of the window from the database."""
        self._views.main.show_database(self._workflows.store.description)
        self._views.main.show_access(self.access.status_text(), self.access.status_tooltip())
        self._views.main.set_commands_unavailable(self.access.command_refusals())
        self._views.main.show_business_date(
            self._l10n.long_date_text(self._workflows.queries.today())
        )
        self._views.main.set_printing_available(self._printing is not None)
        self.event_mode.refresh()
        self._show_demo_availability()
        self.modules.load(self.catalogue.modules())
        self.form.load()
        self.calendar.load(preferred_region_id)
        self.queue.load()
        self.browser.visible = False  # read when its tab is first opened
        self.browser.load()
        self.conflicts.refresh()

    def _show_demo_availability(self) -> None:
        # The login's role first: an empty database is no reason for a booking login.
        reason = self.access.command_refusals().get(WindowCommand.LOAD_DEMO, "")
        if not reason and not self._workflows.queries.is_empty():
            reason = self._l10n.translate(
                "MainWindow",
                "This database already holds reference data: the demo data goes only into "
                "an empty one. Start DST Desktop with --demo to try it on its own database.",
            )
        self._views.main.set_demo_data_available(reason)

    def work(self) -> Work:
        form = self.form
        return Work(
            region_id=self.calendar.region_id,
            day=self.calendar.selected_date,
            module_ids=self.modules.checked_ids,
            participants=form.participants,
            client_id=form.client_id,
            offer_id=form.offer_id,
            notes=form.notes,
            queue_filter=self.queue.filter,
            queue_selection=self.queue.selected_ids,
            browser_filter=self.browser.filter,
            browser_selection=self.browser.selected_ids,
            browser_shown=self.browser.visible,
        )

    def resume(self, work: Work) -> None:
        """Take over ``work`` (after :meth:`start`): the same booking, filters, selections."""
        self.calendar.choose(work.region_id, work.day)
        self.modules.tick(work.module_ids)
        self.form.resume(work.participants, work.client_id, work.offer_id, work.notes)
        self.queue.set_filter(work.queue_filter)
        self.queue.select(work.queue_selection)
        self.bookings_tab_shown(work.browser_shown)
        self.browser.set_filter(work.browser_filter)
        self.browser.select(work.browser_selection)

    def bookings_tab_shown(self, browser: bool) -> None:
        """The pending queue or the bookings browser came to the front."""
        self.queue.set_visible(not browser)
        self.browser.set_visible(browser)

    def first_start(self) -> None:
        """On a database without reference data, offer the demo data or an import."""
        if not self._workflows.queries.is_empty():
            return
        if self.access.refused(Action.IMPORT_REFERENCE):
            self._views.main.show_status_message(
                self._l10n.translate(
                    "MainWindow",
                    "The database is empty: an administrator loads its reference data.",
                )
            )
            return
        choice = self._dialogs.choose_first_start()
        if choice is FirstStartChoice.DEMO:
            self.load_demo()
        elif choice is FirstStartChoice.IMPORT:
            self.import_reference_file()
        elif choice is FirstStartChoice.SNAPSHOT:
            self.event_mode.import_snapshot()
        else:
            self._views.main.show_status_message(
                self._l10n.translate(
                    "MainWindow",
                    "The database is empty: add regions, setups and operators with "
                    "Data ▸ Reference data.",
                )
            )

    def reference_changed(self) -> None:
        """Regions, modules, clients… changed: re-read the catalogue and every list."""
        self.event_mode.refresh()
        self._show_demo_availability()
        self.catalogue.invalidate()
        self.modules.load(self.catalogue.modules())
        self.form.load()
        self.calendar.load()
        self.queue.load()
        self.browser.load()
        self.conflicts.refresh()

    def bookings_changed(self) -> None:
        """A booking was confirmed, cancelled or moved on: what shows it must follow."""
        self.calendar.refresh()
        self.queue.refresh()
        self.browser.refresh()
        self.form.forget_created()
        self.form.check()
        self.event_mode.refresh()
        self.conflicts.refresh()

    def edit_booking(self, session_id: str) -> None:
        """Correct a pending request; the queue shows it as it is now."""
        saved = self.changes.edit(session_id)
        if saved is not None:
            self.queue.show_updated(saved)

    def _booking_created(self, session: Session) -> None:
        # A pending request holds nothing, so the calendar's figures do not change.
        self.queue.show_created(session.id)
        self.browser.refresh()
        self.event_mode.refresh()

    def _mode_changed(self) -> None:
        """An office or an event database, or the offline copy: Confirm and the form follow."""
        offline = self.offline is not None and self.offline.offline
        self.queue.offline = offline
        self.queue.set_confirm_unavailable(self.confirmation_unavailable())
        self.form.event_mode = self.event_mode.is_event_database
        self.form.offline = offline
        self.conflicts.set_unavailable(self.missions_unavailable())
        if self.offline is not None:
            self.offline.show()

    def confirmation_unavailable(self) -> str:
        """Why Confirm cannot be used here ("": it can): the server is away, the login's
        role, or an event database."""
        if self.offline is not None and self.offline.offline:
            return self.offline.unavailable_reason()
        return self.access.refused(Action.CONFIRM) or self.event_mode.confirmation_unavailable()

    def missions_unavailable(self) -> str:
        if self.offline is not None and self.offline.offline:
            return self.offline.unavailable_reason()
        return self.access.missions_refused() or self.event_mode.missions_unavailable()

    def database_switched(self) -> None:
        """The window moved between the server and the offline copy: read everything."""
        self.catalogue.invalidate()
        self.reference_changed()

    def _place_chosen(self, region_id: str | None, day: dt.date) -> None:
        self.form.set_place(region_id, day)

    def _modules_chosen(self, module_ids: tuple[str, ...]) -> None:
        self.form.set_modules(module_ids)

    def new_booking(self) -> None:
        self.form.reset()

    def new_client(self, typed_name: str = "") -> None:
        """Add a client from the booking form (met at the counter or at an event)."""
        translate = self._l10n.translate
        title = translate("MainWindow", "New client")
        details = self._dialogs.ask_new_client(typed_name.strip())
        if details is None:
            return
        name = details.name.strip()
        if not name:
            self._dialogs.warn(title, translate("MainWindow", "A new client needs a name."))
            return
        problem = contact_problem(details.email, details.phone, self._l10n)
        if problem:
            self._dialogs.warn(
                title, fill(translate("MainWindow", "The client was not added. %1"), problem)
            )
            return
        clients = self.catalogue.snapshot.clients
        if any(client.name.casefold() == name.casefold() for client in clients) and (
            not self._dialogs.confirm(
                title,
                fill(
                    translate(
                        "MainWindow",
                        "There is already a client named %1. Add another client with the "
                        "same name?",
                    ),
                    name,
                ),
                translate("MainWindow", "Add another client"),
            )
        ):
            return
        entry = ReferenceEntry(
            id=derive_id(ReferenceKind.CLIENTS, name, {client.id for client in clients}),
            name=name,
            email=details.email.strip(),
            phone=details.phone.strip(),
        )
        result = self._workflows.reference.import_reference(
            {ReferenceKind.CLIENTS.value: [entry_document(ReferenceKind.CLIENTS, entry)]},
            source="booking form",
        )
        if isinstance(result, Failure):
            self._dialogs.warn(
                title,
                fill(
                    translate("MainWindow", "The client was not added. %1"),
                    failure_text(single_entry_failure(result), self._l10n),
                ),
            )
            return
        self.reference_changed()
        self.form.choose_client(entry.id)
        self._views.main.show_status_message(
            fill(translate("MainWindow", "Client %1 added."), name)
        )

    # -- other windows -------------------------------------------------------------------

    def _quietly(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Read away from the window's thread, without a progress dialog."""
        self._runner.run_quietly(closing_connection(self._workflows.store, work), on_done)

    def change_source(self) -> ChangeSource:
        """Where the window hears of colleagues' changes (the view follows it)."""
        return self._workflows.store.change_source()

    def details_presenter(self, view: BookingDetailsView) -> BookingDetailsPresenter:
        details = self._details_presenter(view)
        self.live.follow_details(details)
        return details

    def _details_presenter(self, view: BookingDetailsView) -> BookingDetailsPresenter:
        return BookingDetailsPresenter(
            view,
            self._workflows.booking,
            self._workflows.mission,
            self.catalogue,
            self._dialogs,
            self._l10n,
            on_changed=self.bookings_changed,
            printing=self._printing,
            today=self._workflows.queries.today,
            confirm_unavailable=self.confirmation_unavailable(),
            missions_unavailable=self.missions_unavailable(),
            changes=self.changes,
        )

    def audit_log_presenter(self, view: AuditLogView) -> AuditLogPresenter:
        return AuditLogPresenter(view, self._workflows, self.catalogue, self._l10n)

    def reference_editor_presenter(self, view: ReferenceEditorView) -> ReferenceEditorPresenter:
        return ReferenceEditorPresenter(
            view,
            self._workflows.reference,
            self.catalogue,
            self._l10n,
            today=self._workflows.queries.today,
            on_changed=self.reference_changed,
            on_conflicts=self.changes.offer_reallocation,
            dialogs=self._dialogs,
            calendar=self._write_calendar,
        )

    def _write_calendar(self, kind: str, item_id: str, path: Path, language: Language) -> int:
        from dst_desktop.presenters.calendar_files import write_calendar_file

        return write_calendar_file(self._workflows.reports, kind, item_id, path, language)

    # -- printing ------------------------------------------------------------------------

    @property
    def printing_available(self) -> bool:
        return self._printing is not None

    def set_printing(self, printing: BookingPrinting | None) -> None:
        self._printing = printing
        self.queue.set_printing(printing)
        self.browser.set_printing(printing)
        self._views.main.set_printing_available(printing is not None)

    def print_day_sheet(self) -> None:
        if self._printing is not None:
            self._printing.print_day_sheet(self.calendar.selected_date, self.calendar.region_id)

    def print_summary(self) -> None:
        self.queue.print_summary()

    # -- long work -----------------------------------------------------------------------

    def _role_refused(self, command: WindowCommand, title: str) -> bool:
        """Say why the login's role may not use ``command``, before trying it."""
        reason = self.access.command_refusals()[command]
        if reason:
            self._dialogs.warn(title, reason)
        return bool(reason)

    def load_demo(self) -> None:
        """Fill an empty database with the demo data set, in a worker thread."""
        translate = self._l10n.translate
        if self._role_refused(WindowCommand.LOAD_DEMO, translate("MainWindow", "Demo data")):
            return
        if not self._workflows.queries.is_empty():
            self._dialogs.warn(
                translate("MainWindow", "Demo data"),
                translate(
                    "MainWindow",
                    "The demo data can only be loaded into an empty database. Start DST "
                    "Desktop with --demo to use a separate demo database.",
                ),
            )
            return
        store = self._workflows.store
        today = self._workflows.queries.today()
        reference = self._demo_reference()
        actor = self._workflows.actor

        def build() -> int:
            return build_demo(store, reference, today, actor)

        self._runner.run(
            translate("MainWindow", "Loading the demo data…"),
            closing_connection(store, build),
            self._demo_loaded,
        )

    def _demo_loaded(self, sessions: int) -> None:
        self.reference_changed()
        self._views.main.show_status_message(
            count_text(
                self._l10n,
                sessions,
                self._l10n.translate("MainWindow", "Demo data loaded: %1 booking."),
                self._l10n.translate("MainWindow", "Demo data loaded: %1 bookings."),
            )
        )

    def import_reference_file(self, path: str | None = None) -> None:
        """Ask for a reference data file and import it, in a worker thread."""
        title = self._l10n.translate("MainWindow", "Import reference data")
        if self._role_refused(WindowCommand.IMPORT_REFERENCE, title):
            return
        chosen = path if path is not None else self._dialogs.choose_reference_file()
        if not chosen:
            return
        reference = self._workflows.reference
        store = self._workflows.store
        l10n = self._l10n

        def work() -> ImportOutcome:
            data = read_reference_file(Path(chosen), l10n)
            if isinstance(data, FileProblem):
                return data
            return reference.import_reference(data, source=chosen)

        self._runner.run(
            self._l10n.translate("MainWindow", "Importing reference data…"),
            closing_connection(store, work),
            self._reference_imported,
        )

    def _reference_imported(self, outcome: ImportOutcome) -> None:
        translate = self._l10n.translate
        title = translate("MainWindow", "Import reference data")
        if isinstance(outcome, FileProblem):
            self._dialogs.warn(title, outcome.text)
            return
        if isinstance(outcome, Failure):
            problems = outcome.details.get("problems")
            if isinstance(problems, list) and len(problems) > 1:
                self._dialogs.report(
                    title,
                    fill(
                        translate(
                            "MainWindow",
                            "Nothing was imported: the file has %1 problems. Correct them all, "
                            "then import it again.",
                        ),
                        len(problems),
                    ),
                    [str(problem.get("message", "")) for problem in problems],
                )
                return
            self._dialogs.warn(
                title,
                fill(
                    translate("MainWindow", "Nothing was imported. %1"),
                    failure_text(outcome, self._l10n),
                ),
            )
            return
        self.reference_changed()
        lines = []
        for kind in ReferenceKind:
            added = len(outcome.added.get(kind.value, []))
            updated = len(outcome.updated.get(kind.value, []))
            if added or updated:
                lines.append(
                    fill(
                        translate("MainWindow", "%1: %2 added, %3 updated"),
                        kind_text(kind, self._l10n),
                        added,
                        updated,
                    )
                )
        summary = translate("MainWindow", "The reference data was imported.")
        if not lines:
            summary = translate("MainWindow", "The file holds no reference data.")
        self._dialogs.report(title, summary, lines)
        self.changes.offer_reallocation(
            outcome.conflicts,
            outcome.conflict_sessions,
            translate("MainWindow", "This import"),
        )


#: What each exchange command does, for the login's rights (SPEC 10).
_EXCHANGE_ACTIONS = {
    ExchangeCommand.EXPORT_SNAPSHOT: Action.EXPORT_SNAPSHOT,
    ExchangeCommand.IMPORT_SNAPSHOT: Action.IMPORT_SNAPSHOT,
    ExchangeCommand.EXPORT_BOOKINGS: Action.EXPORT_EVENT_BOOKINGS,
    ExchangeCommand.IMPORT_BOOKINGS: Action.IMPORT_EVENT_BOOKINGS,
}


def kind_text(kind: ReferenceKind, l10n: Localizer) -> str:
    texts = {
        ReferenceKind.REGIONS: l10n.translate("ReferenceKind", "Regions"),
        ReferenceKind.SETUPS: l10n.translate("ReferenceKind", "Setups"),
        ReferenceKind.OPERATORS: l10n.translate("ReferenceKind", "Operators"),
        ReferenceKind.MODULES: l10n.translate("ReferenceKind", "Modules"),
        ReferenceKind.CLIENTS: l10n.translate("ReferenceKind", "Clients"),
        ReferenceKind.OFFERS: l10n.translate("ReferenceKind", "Offers"),
    }
    return texts[kind]


def read_reference_file(path: Path, l10n: Localizer) -> object:
    """The JSON document in ``path``, or a :class:`FileProblem` that says what is wrong."""
    try:
        return read_json_file(path, MAX_REFERENCE_FILE_BYTES)
    except InputFileError as error:
        return FileProblem(input_problem_text(error, l10n))


def input_problem_text(error: InputFileError, l10n: Localizer) -> str:
    """Why a file the user chose cannot be read, in the interface language."""
    translate = l10n.translate
    path = error.path
    problem = error.problem
    if problem is InputProblem.MISSING:
        return fill(translate("MainWindow", "The file %1 does not exist."), path)
    if problem is InputProblem.FOLDER:
        return fill(translate("MainWindow", "%1 is a folder, not a file."), path)
    if problem is InputProblem.NOT_ALLOWED:
        return fill(translate("MainWindow", "You are not allowed to read %1."), path)
    if problem is InputProblem.NOT_A_FILE:
        return fill(
            translate(
                "MainWindow",
                "%1 is not a regular file (a pipe, a device or a socket). Save the data to a "
                "file first.",
            ),
            path,
        )
    if problem is InputProblem.TOO_LARGE:
        return fill(
            translate("MainWindow", "%1 is larger than %2 MB, more than such a file can be."),
            path,
            error.limit // (1024 * 1024),
        )
    if problem is InputProblem.NOT_TEXT:
        return fill(translate("MainWindow", "%1 is not a reference data file (not text)."), path)
    if problem is InputProblem.NOT_JSON and error.line:
        return fill(
            translate(
                "MainWindow",
                "%1 is not a valid reference data file: the JSON is broken at line %2, column %3.",
            ),
            path,
            error.line,
            error.column,
        )
    if problem in (InputProblem.NOT_JSON, InputProblem.TOO_DEEP):
        return fill(translate("MainWindow", "%1 is not a valid reference data file."), path)
    return fill(translate("MainWindow", "%1 cannot be read: %2"), path, error.detail)
