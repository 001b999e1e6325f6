"""The desktop application's composition root: database, workflows, language and window."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dst_desktop import __version__, paths
from dst_desktop.api import offline_folder, open_team_workflows, open_workflows
from dst_desktop.domain.errors import DamagedDatabaseError, PermissionDeniedError, StorageError
from dst_desktop.persistence.database import database_kind
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.printing import BookingPrinting
from dst_desktop.presenters.tasks import TaskRunner
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import settings as keys
from dst_desktop.ui.errors import ErrorReporter, error_text, setup_logging
from dst_desktop.ui.garbage import collect_on_gui_thread
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from dst_desktop.ui.plain_text import show_message
from dst_desktop.ui.settings import text_setting
from dst_desktop.ui.theme import apply_theme

#: Builds the printing implementation of a window (see ``dst_desktop.presenters.printing``).
PrintingFactory = Callable[[QWidget, Workflows], BookingPrinting]


def document_printing(window: QWidget, workflows: Workflows) -> BookingPrinting:
    """The product's printing: summaries and day sheets in the interface language.

    Qt's print support and the reports are imported here, when a window is built, not
    when the program starts.
    """
    from dst_desktop.presenters.print_documents import PrintDocuments
    from dst_desktop.ui.printing import DocumentPrinting, interface_language

    return DocumentPrinting(window, PrintDocuments(workflows, interface_language()))


LOG_FILE_NAME = "dst-desktop.log"


def load_demo_reference() -> dict[str, object]:
    """The demo data set's reference data (``resources/demo/reference.json``)."""
    data = json.loads(paths.resource_path("demo", "reference.json").read_text("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("the demo reference data is not a JSON object")
    return data


def create_main_window(
    database_url: str,
    today: dt.date | None = None,
    *,
    actor: str | None = None,
    device: str = "",
    dialogs: Dialogs | None = None,
    runner: TaskRunner | None = None,
    errors: ErrorReporter | None = None,
    printing_factory: PrintingFactory | None = document_printing,
    offline: bool = True,
    backups_folder: Path | None = None,
) -> MainWindow:
    """The main window on ``database_url``, filled and not shown (a QApplication must exist).

    On a team's PostgreSQL database the window keeps an offline copy in the data folder
    and works on it while the server is away (``offline=False``: it does not).

    ``today`` replaces the business date; ``device`` the computer's name recorded on event
    bookings (the host name by default); ``dialogs`` and ``runner`` replace the message
    boxes and the worker threads (tests); ``printing_factory`` builds the print commands'
    implementation — with None, every print command is disabled and says why;
    ``backups_folder`` is where the window keeps the database's daily backups (None: it
    keeps none and offers no restore).
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create a QApplication before the main window")
    if not app.styleSheet():
        apply_theme(app)
    offline_support = None
    if offline and database_kind(database_url) == "postgresql":
        api, offline_support = open_team_workflows(
            database_url, offline_folder(database_url), today, actor, device
        )
    else:
        api = open_workflows(database_url, today, actor, device)
    try:
        _refuse_without_role(api.workflows)
        backups = None
        if backups_folder is not None:
            from dst_desktop.persistence.backup import DailyBackups

            backups = DailyBackups(database_url, backups_folder)
        window = MainWindow(
            api.workflows,
            load_demo_reference,
            dialogs=dialogs,
            runner=runner,
            errors=errors,
            offline_support=offline_support,
            backups=backups,
        )
    except BaseException:
        api.close()
        raise
    window.destroyed.connect(lambda _object=None: api.close())
    if printing_factory is not None:
        window.set_printing(printing_factory(window, api.workflows))
    return window


def _refuse_without_role(workflows: Workflows) -> None:
    """A login without a DST Desktop role could not even read the bookings: say so."""
    access = workflows.permissions.access()
    if access.effective_role is None:
        raise PermissionDeniedError(
            f"The login {access.login} has no DST Desktop role on {workflows.store.description}: "
            "ask your administrator for a login made with `dst-desktop users add`, or for "
            f"GRANT dst_booking TO {access.login}"
        )


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(keys.ORGANIZATION)
    QCoreApplication.setApplicationName(keys.APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv)
    app.setWindowIcon(icon("app"))
    app.setDesktopFileName(paths.APP_SLUG)
    collect_on_gui_thread(app)
    return app


class WindowHost:
    """Holds the main window and rebuilds it in another language when the user asks.

    Rebuilding (rather than retranslating every widget in place) gives every text,
    date format and column width of the new language, at the place the old window was.
    """

    def __init__(self, build: Callable[[], MainWindow], languages: LanguageInstaller) -> None:
        self._build = build
        self._languages = languages
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = self._build()
        window.on_language_change = self.change_language
        return window

    def change_language(self, language: str) -> None:
        old = self.window
        old.save_state()
        work = old.presenter.work()
        self._languages.install(language)
        self.window = self._new_window()
        self.window.resume(work)
        self.window.show()
        old.close()
        old.deleteLater()


def _restored_after_damage(database_url: str, error: StorageError, actor: str | None) -> bool:
    """A damaged database: offer its newest daily backup before giving up."""
    import datetime as dt

    from dst_desktop.api import default_actor
    from dst_desktop.persistence.backup import DailyBackups
    from dst_desktop.presenters.backups import restore_after_damage
    from dst_desktop.ui.dialogs import QtDialogs
    from dst_desktop.ui.l10n import QtLocalizer

    backups = DailyBackups(database_url, paths.backups_dir())
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    return restore_after_damage(
        backups, error, QtDialogs(None), QtLocalizer(), actor or default_actor(), now
    )


def run_window(
    database_url: str,
    today: dt.date | None = None,
    actor: str | None = None,
    printing_factory: PrintingFactory | None = document_printing,
) -> int:
    """Open the main window and run until it is closed; the exit status."""
    app = _application()
    apply_theme(app)
    log_file = paths.data_dir() / LOG_FILE_NAME
    setup_logging(log_file)
    errors = ErrorReporter(log_file)
    errors.install()
    languages = LanguageInstaller()
    languages.install(text_setting(keys.LANGUAGE))

    def build() -> MainWindow:
        return create_main_window(
            database_url,
            today,
            actor=actor,
            errors=errors,
            printing_factory=printing_factory,
            backups_folder=paths.backups_dir(),
        )

    try:
        try:
            host = WindowHost(build, languages)
        except DamagedDatabaseError as error:
            if not _restored_after_damage(database_url, error, actor):
                raise
            host = WindowHost(build, languages)
    except StorageError as error:
        show_message(
            QMessageBox.Icon.Critical,
            None,
            QCoreApplication.translate("Errors", "DST Desktop"),
            error_text(error, log_file),
        )
        return 1
    host.window.show()
    QTimer.singleShot(0, lambda: host.window.presenter.first_start())
    QTimer.singleShot(0, lambda: host.window.backups.make_daily_backup())
    status = app.exec()
    QThreadPool.globalInstance().waitForDone()
    return status
