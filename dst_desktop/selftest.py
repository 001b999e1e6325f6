"""``dst-desktop --self-test``: prove that this installation works, end to end.

Run on a workstation or an event laptop after unpacking the standalone build (or from a
checkout): on a throw-away database in a temporary folder it imports the demo reference
data, books a session, confirms it, writes the booking summary to a PDF, and renders the
main window offscreen. Each check prints one line; the exit status is 0 only when every
check passed.

Nothing of the user's is touched: not the databases in the data folder, not the window's
remembered settings (QSettings points at the temporary folder while the test runs).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import platform
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dst_desktop import __version__, paths
from dst_desktop.reports.document import LOGO_RESOURCE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from dst_desktop.api import ApiWorkflows

EXIT_PASSED = 0
EXIT_FAILED = 1

#: Files the application reads at run time, under ``resources/``.
REQUIRED_RESOURCES: tuple[tuple[str, ...], ...] = (
    ("demo", "reference.json"),
    ("icons", "app.svg"),
    tuple(LOGO_RESOURCE.split("/")),
)
#: The window is rendered at this size (a typical laptop screen).
WINDOW_SIZE = (1280, 800)
#: A rendered window has at least this many colours among its sampled pixels; a blank or
#: single-colour image (a failed paint) has one or two.
MIN_WINDOW_COLOURS = 8
_SAMPLE_STEP = 7  # pixels between the sampled points of the rendered window
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class CheckFailedError(Exception):
    """A check found something wrong; the message says what, for the person running it."""


@dataclass
class SelfTestRun:
    """What the checks share: the temporary folder, the open database, the booking."""

    folder: Path
    today: dt.date | None
    database_url: str = ""
    api: ApiWorkflows | None = None
    reference: dict[str, Any] = field(default_factory=dict)
    region_id: str = ""
    module_id: str = ""
    day: str = ""
    participants: int = 0
    session_id: str = ""
    app: QApplication | None = None

    def workflows(self) -> ApiWorkflows:
        if self.api is None:
            raise CheckFailedError("the database is not open")
        return self.api


@dataclass(frozen=True)
class Check:
    """One line of the report: a name, what it does, and the names of the checks it needs."""

    name: str
    run: Callable[[SelfTestRun], str]
    needs: tuple[str, ...] = ()


def _expect_success(result: object, what: str) -> dict[str, Any]:
    if not isinstance(result, dict):
        raise CheckFailedError(f"{what}: unexpected answer {result!r}")
    if result.get("success") is not True:
        raise CheckFailedError(f"{what}: {result.get('message') or result}")
    return result


def translated_languages() -> tuple[str, ...]:
    """The interface's languages besides English, each with ``dst_desktop_<lang>.qm``."""
    from dst_desktop.ui.l10n import LANGUAGES

    return tuple(language for language in LANGUAGES if language != "en")


def check_resources(run: SelfTestRun) -> str:
    root = paths.resource_root()
    missing = [
        "/".join(parts) for parts in REQUIRED_RESOURCES if not paths.resource_path(*parts).is_file()
    ]
    missing += [
        f"translations/dst_desktop_{language}.qm"
        for language in translated_languages()
        if not paths.resource_path("translations", f"dst_desktop_{language}.qm").is_file()
    ]
    if missing:
        raise CheckFailedError(f"missing under {root}: {', '.join(missing)}")
    icons = len(list(paths.resource_path("icons").glob("*.svg")))
    return f"demo data, {icons} icons, logo and translations in {root}"


def check_database(run: SelfTestRun) -> str:
    from dst_desktop.api import open_workflows

    run.database_url = "sqlite:///" + (run.folder / "self-test.db").as_posix()
    run.api = open_workflows(run.database_url, run.today, "self-test")
    return f"new database {run.api.workflows.store.description}"


def check_postgres_driver(run: SelfTestRun) -> str:
    """The team's server is reached through psycopg's own libpq: it must load, and a
    server that does not answer must be reported in plain words."""
    from dst_desktop.domain.errors import ConnectionFailedError
    from dst_desktop.persistence.store import PeeweeStore

    try:
        import psycopg
    except ImportError as error:
        raise CheckFailedError(f"the PostgreSQL driver does not load: {error}") from None
    libpq = psycopg.pq.version()
    try:
        PeeweeStore.open("postgresql://self-test@127.0.0.1:1/self-test?connect_timeout=3").close()
    except ConnectionFailedError as error:
        if "127.0.0.1:1" not in str(error):
            raise CheckFailedError(f"an unreachable server is reported as: {error}") from None
    else:
        raise CheckFailedError("a connection to 127.0.0.1 port 1 did not fail")
    return (
        f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq "
        f"{libpq // 10000}.{libpq % 10000}) loads; an unreachable server is reported plainly"
    )


def check_reference_import(run: SelfTestRun) -> str:
    text = paths.resource_path("demo", "reference.json").read_text(encoding="utf-8")
    reference = json.loads(text)
    if not isinstance(reference, dict):
        raise CheckFailedError("the demo reference data is not a JSON object")
    run.reference = reference
    result = run.workflows().workflows.reference.import_reference(
        reference, source="demo reference data"
    )
    answer = _expect_success(result.to_dict(), "import of the demo reference data")
    added = answer.get("added", {})
    counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in added.items())
    return f"demo reference data imported ({counts})"


def check_availability(run: SelfTestRun) -> str:
    booking = run.workflows().booking
    region = run.reference["regions"][0]
    module = run.reference["modules"][0]
    suggested = booking.get_suggested_dates(region["id"], 1)
    if not isinstance(suggested, list) or not suggested:
        raise CheckFailedError(f"no date suggested in {region['id']}: {suggested!r}")
    participants = min(4, int(module["capacityMax"]))
    answer = _expect_success(
        booking.check_availability(region["id"], suggested[0], [module["id"]], participants),
        "availability",
    )
    if answer.get("canBook") is not True:
        raise CheckFailedError(f"{region['id']} on {suggested[0]} cannot be booked: {answer}")
    run.region_id, run.module_id, run.day = region["id"], module["id"], suggested[0]
    run.participants = participants
    free = answer["availability"]["availableSetups"]
    return f"{run.region_id} on {run.day}: {free} setup(s) free"


def check_booking(run: SelfTestRun) -> str:
    answer = _expect_success(
        run.workflows().booking.create_session_booking(
            {
                "clientId": run.reference["clients"][0]["id"],
                "regionId": run.region_id,
                "date": run.day,
                "moduleIds": [run.module_id],
                "requestedParticipants": run.participants,
            }
        ),
        "booking",
    )
    if answer.get("status") != "pending_confirmation":
        raise CheckFailedError(f"the new booking is {answer.get('status')!r}, not pending")
    run.session_id = str(answer["sessionId"])
    return f"booking {run.session_id} created, pending confirmation"


def check_confirmation(run: SelfTestRun) -> str:
    booking = run.workflows().booking
    answer = _expect_success(booking.confirm_session_booking(run.session_id), "confirmation")
    status = _expect_success(booking.get_booking_status(run.session_id), "booking status")
    if status.get("isConfirmed") is not True:
        raise CheckFailedError(f"{run.session_id} is not confirmed after confirmation: {status}")
    return (
        f"booking confirmed: setup {answer['allocatedSetupId']}, "
        f"operator {answer['allocatedOperatorId']}"
    )


def check_exports(run: SelfTestRun) -> str:
    """The confirmed booking as a spreadsheet and as a calendar event (SPEC 13), read back."""
    import datetime as _dt
    import zipfile

    from icalendar import Calendar

    from dst_desktop.exports.files import write_output
    from dst_desktop.exports.icalendar_feed import calendar_bytes
    from dst_desktop.exports.xlsx_file import xlsx_bytes
    from dst_desktop.presenters.l10n import PlainLocalizer
    from dst_desktop.presenters.report_tables import sessions_table

    reports = run.workflows().workflows.reports
    workbook = write_output(
        run.folder / "sessions.xlsx",
        xlsx_bytes([sessions_table(reports.session_records(), PlainLocalizer())]),
        replace=False,
    )
    with zipfile.ZipFile(workbook) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise CheckFailedError(f"{workbook} is not a workbook")
    feed = reports.calendar_feed(region_id=run.region_id)
    events = Calendar.from_ical(
        calendar_bytes(feed.entries, "self-test", _dt.datetime.now(_dt.UTC))
    )
    statuses = [str(event["STATUS"]) for event in events.walk("VEVENT")]
    if statuses != ["CONFIRMED"]:
        raise CheckFailedError(f"the calendar holds {statuses}, not one confirmed event")
    return "sessions written to XLSX, the booking to an iCalendar event"


#: What the offscreen platform says about every window, which is no fault.
_OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


def _qt_message(kind: object, context: object, message: str) -> None:
    if message not in _OFFSCREEN_NOISE:
        sys.stderr.write(f"Qt: {message}\n")


def check_qt(run: SelfTestRun) -> str:
    """A QApplication on the offscreen platform, and the image formats the window needs."""
    from PySide6.QtCore import (
        QCoreApplication,
        QLibraryInfo,
        QSettings,
        qInstallMessageHandler,
        qVersion,
    )
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    existing = QCoreApplication.instance()
    if existing is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_qt_message)
        run.app = QApplication([paths.APP_NAME])
    elif isinstance(existing, QApplication):
        run.app = existing
    else:
        raise CheckFailedError(f"a {type(existing).__name__} runs already, not a QApplication")
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(run.folder / "settings")
    )
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = {"png", "svg"} - formats
    if missing:
        raise CheckFailedError(f"Qt cannot read {', '.join(sorted(missing))} images")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return f"Qt {qVersion()} on {run.app.platformName()}, plugins in {plugins}"


def check_translations(run: SelfTestRun) -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from dst_desktop.ui.l10n import CATALOGUE

    loaded = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in translated_languages():
        locale = QLocale(language)
        for name, folder in (
            (CATALOGUE, str(paths.resource_path("translations"))),
            ("qtbase", qt_folder),
        ):
            translator = QTranslator()
            if not translator.load(locale, name, "_", folder) or translator.isEmpty():
                raise CheckFailedError(f"the {name}_{language} catalogue is not in {folder}")
            loaded.append(f"{name}_{language}")
    return "catalogues " + ", ".join(loaded)


#: French names in French order: accents sort with their letter (code points would put
#: "émile" last). Proves the ICU collation data is there (the build trims it).
FRENCH_ORDER = ("Agathe", "émile", "Eve", "Zoé")


def check_collation(run: SelfTestRun) -> str:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.French, QLocale.Country.France))
    shuffled = ("Zoé", "Eve", "Agathe", "émile")
    ordered = tuple(sorted(shuffled, key=functools.cmp_to_key(collator.compare)))
    if ordered != FRENCH_ORDER:
        raise CheckFailedError(f"French names sort as {', '.join(ordered)}")
    return "French names sort in French order: " + ", ".join(ordered)


def check_icons(run: SelfTestRun) -> str:
    from dst_desktop.ui.icons import icon

    application_icon = icon("app")
    pixmap = application_icon.pixmap(64, 64)
    if application_icon.isNull() or pixmap.isNull() or pixmap.toImage().allGray():
        raise CheckFailedError("the application icon (icons/app.svg) does not render")
    return "application icon rendered from SVG"


def _pdf_pages(data: bytes) -> int:
    """The number of page objects of a PDF (Qt writes them uncompressed)."""
    return len(_PDF_PAGE.findall(data))


def check_summary_pdf(run: SelfTestRun) -> str:
    from dst_desktop.presenters.print_documents import PrintDocuments
    from dst_desktop.ui.printing import export_pdf

    document = PrintDocuments(run.workflows().workflows, "en").booking_summary(run.session_id)
    written = export_pdf(document, run.folder / "booking-summary.pdf")
    data = written.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailedError(f"{written.name} is not a complete PDF file")
    pages = _pdf_pages(data)
    if pages < 1:
        raise CheckFailedError(f"{written.name} has no pages")
    return f"booking summary written to PDF: {pages} page(s), {len(data) // 1024} KB"


def check_main_window(run: SelfTestRun) -> str:
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    from dst_desktop.app import create_main_window

    app = run.app
    if app is None:
        raise CheckFailedError("no QApplication")
    window = create_main_window(run.database_url, run.today, actor="self-test")
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.tabs.setCurrentWidget(window.browser_panel)  # "All bookings", as a user would
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        listed = window.browser_panel.table.model().rowCount()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if image.isNull() or image.width() == 0 or image.height() == 0:
        raise CheckFailedError("the window rendered an empty image")
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), _SAMPLE_STEP)
        for y in range(0, image.height(), _SAMPLE_STEP)
    }
    if len(colours) < MIN_WINDOW_COLOURS:
        raise CheckFailedError(f"the window rendered blank ({len(colours)} colour(s))")
    if listed != 1:
        raise CheckFailedError(f"All bookings lists {listed} bookings instead of the one made")
    return (
        f"main window rendered offscreen ({image.width()}×{image.height()}, "
        f"{len(colours)} colours), the confirmed booking under All bookings"
    )


CHECKS: tuple[Check, ...] = (
    Check("resources", check_resources),
    Check("database", check_database),
    Check("PostgreSQL driver", check_postgres_driver),
    Check("reference data", check_reference_import, ("resources", "database")),
    Check("availability", check_availability, ("reference data",)),
    Check("booking", check_booking, ("availability",)),
    Check("confirmation", check_confirmation, ("booking",)),
    Check("exports", check_exports, ("confirmation",)),
    Check("Qt", check_qt),
    Check("translations", check_translations, ("Qt",)),
    Check("collation", check_collation, ("Qt",)),
    Check("icons", check_icons, ("Qt",)),
    Check("summary PDF", check_summary_pdf, ("confirmation", "Qt")),
    Check("main window", check_main_window, ("confirmation", "Qt")),
)


def describe_installation() -> str:
    frozen = "standalone build" if getattr(sys, "frozen", False) else "Python installation"
    return (
        f"DST Desktop {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})"
    )


def run_checks(
    checks: tuple[Check, ...], folder: Path, today: dt.date | None, out: TextIO
) -> list[str]:
    """Run ``checks`` in order; a check whose needs failed is skipped. The failed names."""
    run = SelfTestRun(folder=folder, today=today)
    failed: list[str] = []
    width = max(len(check.name) for check in checks)
    try:
        for check in checks:
            blocked = [name for name in check.needs if name in failed]
            if blocked:
                failed.append(check.name)
                out.write(f"  SKIP  {check.name:<{width}}  needs {', '.join(blocked)}\n")
                continue
            try:
                detail = check.run(run)
            except Exception as error:
                failed.append(check.name)
                reason = str(error) if isinstance(error, CheckFailedError) else repr(error)
                out.write(f"  FAIL  {check.name:<{width}}  {reason}\n")
            else:
                out.write(f"  ok    {check.name:<{width}}  {detail}\n")
            out.flush()
    finally:
        if run.api is not None:
            run.api.close()
    return failed


def run_self_test(out: TextIO, today: dt.date | None = None) -> int:
    """Run every check on a temporary database; 0 when all passed, 1 otherwise."""
    out.write(describe_installation() + "\n")
    with tempfile.TemporaryDirectory(prefix="dst-self-test-", ignore_cleanup_errors=True) as work:
        failed = run_checks(CHECKS, Path(work), today, out)
    if failed:
        out.write(f"Self-test FAILED: {len(failed)} of {len(CHECKS)} checks did not pass.\n")
        return EXIT_FAILED
    out.write(f"Self-test passed: {len(CHECKS)} checks.\n")
    return EXIT_PASSED
