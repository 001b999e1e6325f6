"""The main window as a whole: its parts, how they tell each other about changes, and the
work of the File menu (first start, demo data, reference data imports)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeAlias

from dst_desktop.domain.model import Session
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
from dst_desktop.presenters.contact import contact_problem
from dst_desktop.presenters.dialogs import Dialogs, FirstStartChoice
from dst_desktop.presenters.event_mode import EventModePresenter, EventModeView
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import failure_text
from dst_desktop.presenters.module_picker import ModulePickerPresenter, ModulePickerView
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
from dst_desktop.services.demo import build_demo
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
    ) -> None:
        self._views = views
        self._workflows = workflows
        self._dialogs = dialogs
        self._runner = runner
        self._l10n = l10n
        self._demo_reference = demo_reference
        self._printing = printing
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
        )

    @property
    def business_date(self) -> dt.date:
        """The date the window treats as today (the workflows' clock)."""
        return self._workflows.queries.today()

    # -- start-up and refreshing ---------------------------------------------------------

    def start(self, preferred_region_id: str | None = None) -> None:
        """Fill every part of the window from the database."""
        self._views.main.show_database(self._workflows.store.description)
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

    def _show_demo_availability(self) -> None:
        reason = ""
        if not self._workflows.queries.is_empty():
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

    def bookings_changed(self) -> None:
        """A booking was confirmed, cancelled or moved on: what shows it must follow."""
        self.calendar.refresh()
        self.queue.refresh()
        self.browser.refresh()
        self.form.forget_created()
        self.form.check()
        self.event_mode.refresh()

    def _booking_created(self, session: Session) -> None:
        # A pending request holds nothing, so the calendar's figures do not change.
        self.queue.show_created(session.id)
        self.browser.refresh()
        self.event_mode.refresh()

    def _mode_changed(self) -> None:
        """An office or an event database: Confirm and the form follow."""
        self.queue.set_confirm_unavailable(self.event_mode.confirmation_unavailable())
        self.form.event_mode = self.event_mode.is_event_database

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

    def details_presenter(self, view: BookingDetailsView) -> BookingDetailsPresenter:
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
            confirm_unavailable=self.event_mode.confirmation_unavailable(),
            missions_unavailable=self.event_mode.missions_unavailable(),
        )

    def reference_editor_presenter(self, view: ReferenceEditorView) -> ReferenceEditorPresenter:
        return ReferenceEditorPresenter(
            view,
            self._workflows.reference,
            self.catalogue,
            self._l10n,
            today=self._workflows.queries.today,
            on_changed=self.reference_changed,
            dialogs=self._dialogs,
        )

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

    def load_demo(self) -> None:
        """Fill an empty database with the demo data set, in a worker thread."""
        translate = self._l10n.translate
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
    translate = l10n.translate
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return FileProblem(fill(translate("MainWindow", "The file %1 does not exist."), path))
    except IsADirectoryError:
        return FileProblem(fill(translate("MainWindow", "%1 is a folder, not a file."), path))
    except PermissionError:
        return FileProblem(fill(translate("MainWindow", "You are not allowed to read %1."), path))
    except UnicodeDecodeError:
        return FileProblem(
            fill(translate("MainWindow", "%1 is not a reference data file (not text)."), path)
        )
    except OSError as error:
        return FileProblem(
            fill(translate("MainWindow", "%1 cannot be read: %2"), path, error.strerror)
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        return FileProblem(
            fill(
                translate(
                    "MainWindow",
                    "%1 is not a valid reference data file: the JSON is broken at line %2, "
                    "column %3.",
                ),
                path,
                error.lineno,
                error.colno,
            )
        )
