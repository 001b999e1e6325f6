"""The ``dst-desktop`` command line (SPEC 3): the composition root of headless work.

Commands that need no window never import Qt, so ``dst-desktop call`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dst_desktop import __version__
from dst_desktop.domain.errors import StorageError

if TYPE_CHECKING:
    from dst_desktop.reports.i18n import Language
    from dst_desktop.services.exchange import BookingsImported

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command line that cannot be run as written; exit status 2."""


class CommandError(Exception):
    """A command that could not do its work (unreadable file, unusable database); exit 1."""


#: Business dates a person could mean; outside, date arithmetic would overflow.
_BUSINESS_YEARS = range(1970, 3000)


def _business_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None
    if day.year not in _BUSINESS_YEARS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a plausible business date (years 1970 to 2999)"
        )
    return day


def build_parser() -> argparse.ArgumentParser:
    from dst_desktop.api import FUNCTIONS

    parser = argparse.ArgumentParser(
        prog="dst-desktop",
        description="DST Desktop: book on-site training sessions. "
        "With no command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (import, book, confirm, print "
        "to PDF, render the window offscreen) and exit; your own databases are not touched",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        default=os.environ.get("DST_DATABASE_URL") or None,
        help="sqlite:///path/to/bookings.db (default: $DST_DATABASE_URL, else bookings.db "
        "in your data folder)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_business_date,
        default=None,
        help="the business date to use instead of the real one (default: $DST_TODAY)",
    )
    parser.add_argument(
        "--actor", metavar="NAME", help="the name the audit log records (default: your user name)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the separate demo database, created with the demo data on first use",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("init", help="create or upgrade the database schema")

    reference = commands.add_parser(
        "import-reference", help="load regions, setups, operators, modules, clients, offers"
    )
    reference.add_argument("file", metavar="FILE.json")
    reference.add_argument(
        "--json", action="store_true", help="print the report, with every id, as JSON"
    )

    call = commands.add_parser(
        "call",
        help="run one workflow function and print its JSON result",
        description="Run one workflow function and print its result as JSON. Each ARG is "
        "parsed as JSON when it parses, else taken as a string. Functions: " + ", ".join(FUNCTIONS),
    )
    call.add_argument("function", metavar="FUNCTION")
    call.add_argument("args", metavar="ARG", nargs=argparse.REMAINDER)

    snapshot = commands.add_parser(
        "export-snapshot",
        help="office: write reference data, clients and upcoming allocations for an event laptop",
    )
    snapshot.add_argument("file", metavar="FILE")
    snapshot.add_argument(
        "--months", type=int, default=6, help="how many months of allocations (default 6)"
    )
    snapshot.add_argument("--event", default="", metavar="NAME", help="the event's name")
    commands.add_parser(
        "import-snapshot", help="laptop: make this database an event database from a snapshot"
    ).add_argument("file", metavar="FILE")
    commands.add_parser(
        "export-bookings", help="laptop: write the bookings taken at the event"
    ).add_argument("file", metavar="FILE")
    bookings = commands.add_parser(
        "import-bookings", help="office: bring event bookings in as pending confirmation"
    )
    bookings.add_argument("file", metavar="FILE")
    bookings.add_argument("--json", action="store_true", help="print the report as JSON")

    generate = commands.add_parser(
        "generate-data",
        help="fill the database with realistic sessions at scale (benchmarks, training)",
    )
    generate.add_argument("--sessions", type=int, required=True, metavar="N")
    generate.add_argument("--pending", type=int, default=0, metavar="M", help="of which pending")
    generate.add_argument("--seed", type=int, default=1, metavar="S")
    language_help = "language of the document, en or fr (default: from your system's locale)"
    summary = commands.add_parser(
        "print-summary",
        help="write the one-page summary of a booking to a PDF file",
        description="Write the one-page booking summary (client, date, modules, allocation, "
        "timestamps, space for notes and signatures) of SESSION_ID to a PDF file.",
    )
    summary.add_argument("session_id", metavar="SESSION_ID")
    summary.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    summary.add_argument(
        "--language", metavar="LANG", type=_language, default=None, help=language_help
    )

    day_sheet = commands.add_parser(
        "day-sheet",
        help="write the day sheet (who goes where with which setup) to a PDF file",
        description="Write every confirmed, scheduled, in-progress or completed session of a "
        "date, grouped by region, with setup, operator, client, modules and participants, to "
        "a PDF file.",
    )
    day_sheet.add_argument(
        "--date", metavar="YYYY-MM-DD", type=_business_date, required=True, help="the day"
    )
    day_sheet.add_argument("--region", metavar="REGION_ID", help="one region (default: all)")
    day_sheet.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    day_sheet.add_argument(
        "--language", metavar="LANG", type=_language, default=None, help=language_help
    )
    return parser


def _language(text: str) -> str:
    if text.strip().lower() not in {"en", "fr"}:
        raise argparse.ArgumentTypeError(f"{text!r} is not a known language; use en or fr")
    return text.strip().lower()


def system_language() -> Language:
    """The interface language of this computer's locale (``LC_ALL``, ``LANG``...): en or fr."""
    import locale

    from dst_desktop.reports.i18n import language_from_locale

    names = [os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    with contextlib.suppress(ValueError):
        names.append(locale.getlocale()[0])
    return language_from_locale(tuple(names))


def _resolve_today(args: argparse.Namespace) -> dt.date | None:
    if args.today is not None:
        return args.today  # type: ignore[no-any-return]
    text = os.environ.get("DST_TODAY")
    if not text:
        return None
    try:
        return _business_date(text)
    except argparse.ArgumentTypeError as error:
        raise UsageError(f"DST_TODAY: {error}") from None


def _resolve_database(args: argparse.Namespace) -> str:
    from dst_desktop import paths

    if args.demo:
        if args.database:
            raise UsageError("--demo uses its own database; leave out --database")
        return paths.demo_database_url()
    return args.database or paths.default_database_url()


def ensure_demo_data(
    database_url: str, today: dt.date | None, actor: str | None, err: TextIO | None = None
) -> int:
    """Fill the demo database on first use; return the number of sessions created.

    The demo is built in a file beside the database and moved into place when complete,
    so an interrupted first start never leaves a half-filled demo behind.
    """
    from dst_desktop import paths
    from dst_desktop.api import open_workflows
    from dst_desktop.persistence.database import sqlite_path, url_for_path
    from dst_desktop.services.demo import build_demo

    target = sqlite_path(database_url)
    if target.exists():
        with open_workflows(database_url, today, actor) as api:
            if not api.workflows.queries.is_empty():
                return 0
    building = target.with_name(target.name + ".building")
    for leftover in _sqlite_files(building):
        leftover.unlink(missing_ok=True)
    if err is not None:
        err.write(f"Preparing the demo database (first use, a few seconds): {target}\n")
    reference = json.loads(paths.resource_path("demo", "reference.json").read_text("utf-8"))
    try:
        with open_workflows(url_for_path(building), today, actor) as api:
            workflows = api.workflows
            made = build_demo(workflows.store, reference, workflows.clock.today(), actor or "demo")
        for stale in _sqlite_files(target)[1:]:
            stale.unlink(missing_ok=True)
        building.replace(target)
    finally:
        for leftover in _sqlite_files(building):
            leftover.unlink(missing_ok=True)
    return made


def _sqlite_files(path: Path) -> list[Path]:
    """A SQLite database file and its write-ahead log and shared-memory files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def parse_call_argument(text: str) -> object:
    """JSON when it parses (``12``, ``["a"]``, ``{"k": 1}``), the plain string otherwise."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        return text


def _print_json(value: object, out: TextIO) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # an invalid character echoed in a message: print it escaped
        text = json.dumps(value, ensure_ascii=True, indent=2)
    out.write(text + "\n")


def _read_json_file(path_text: str) -> object:
    path = Path(path_text)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise CommandError(f"{path} cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not a UTF-8 text file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise CommandError(f"{path} nests its data too deeply to be reference data") from None


def _command_init(url: str, today: dt.date | None, actor: str | None, out: TextIO) -> int:
    from dst_desktop.api import open_workflows

    with open_workflows(url, today, actor) as api:
        out.write(f"Database ready: {api.workflows.store.description}\n")
    return EXIT_OK


def _command_import_reference(
    url: str, today: dt.date | None, actor: str | None, file: str, as_json: bool, out: TextIO
) -> int:
    from dst_desktop.api import open_workflows
    from dst_desktop.services.reference import KINDS, ReferenceImported

    data = _read_json_file(file)
    with open_workflows(url, today, actor) as api:
        result = api.workflows.reference.import_reference(data, source=file)
    if as_json:
        _print_json(result.to_dict(), out)
    elif isinstance(result, ReferenceImported):
        out.write(result.message + "\n")
        for kind in KINDS:
            counts = [
                f"{len(result.added.get(kind, []))} added",
                f"{len(result.updated.get(kind, []))} updated",
                f"{result.unchanged.get(kind, 0)} unchanged",
            ]
            if any(not text.startswith("0 ") for text in counts):
                out.write(f"  {kind}: {', '.join(counts)}\n")
    else:
        out.write(f"Nothing was imported: {result.message}\n")
    return EXIT_OK if result.success else EXIT_FAILURE


def _command_call(
    url: str,
    today: dt.date | None,
    actor: str | None,
    function: str,
    raw_args: Sequence[str],
    out: TextIO,
) -> int:
    from dst_desktop.api import FUNCTIONS, open_workflows

    spec = FUNCTIONS.get(function)
    if spec is None:
        raise UsageError(f"unknown function {function!r}; known functions: {', '.join(FUNCTIONS)}")
    if not spec.required <= len(raw_args) <= len(spec.parameters):
        wanted = (
            str(spec.required)
            if spec.required == len(spec.parameters)
            else f"{spec.required} to {len(spec.parameters)}"
        )
        raise UsageError(
            f"{function} takes {wanted} argument(s), got {len(raw_args)}; usage: call {spec.usage}"
        )
    values = [parse_call_argument(text) for text in raw_args]
    with open_workflows(url, today, actor) as api:
        result = spec.bind(api)(*values)
    _print_json(result, out)
    if isinstance(result, dict) and result.get("success") is False:
        return EXIT_FAILURE
    return EXIT_OK


_EXCHANGE_COMMANDS = ("export-snapshot", "import-snapshot", "export-bookings", "import-bookings")


def describe_bookings_import(
    report: BookingsImported, described: dict[str, str] | None = None
) -> str:
    """The office's report of an import-bookings, for people.

    ``described`` gives, by session id, a line such as "ACME on 2025-03-10 in Occitanie".
    """
    described = described or {}
    lines = [
        f"Imported {len(report.imported)} event booking(s) as pending confirmation"
        + (f" from {report.source_device}" if report.source_device else "")
        + "."
    ]
    if report.already_present:
        lines.append(f"Already present, skipped: {len(report.already_present)}")
    if report.rejected:
        lines.append(f"Rejected: {len(report.rejected)}")
        lines.extend(f"  {item['sessionId']}: {item['reason']}" for item in report.rejected)
    if report.no_availability_now:
        lines.append(
            f"No availability at the office any more (imported; offer the client another "
            f"date): {len(report.no_availability_now)}"
        )
        lines.extend(
            f"  {session_id}: {described[session_id]}"
            if session_id in described
            else f"  {session_id}"
            for session_id in report.no_availability_now
        )
    if report.clients_added:
        lines.append(f"New clients added: {', '.join(report.clients_added)}")
    for difference in report.client_differences:
        lines.append(
            f"Client {difference['clientId']}: kept the office's {difference['field']} "
            f"{difference['office']!r} (the event had {difference['event']!r})"
        )
    return "\n".join(lines) + "\n"


def _command_exchange(
    url: str, today: dt.date | None, actor: str | None, args: argparse.Namespace, out: TextIO
) -> int:
    from dst_desktop.api import open_workflows
    from dst_desktop.services.exchange import BundleError

    path = Path(args.file)
    try:
        with open_workflows(url, today, actor) as api:
            exchange = api.workflows.exchange
            if args.command == "export-snapshot":
                result = exchange.export_snapshot(path, args.months, args.event)
                out.write(str(result["message"]) + "\n")
            elif args.command == "import-snapshot":
                imported = exchange.import_snapshot(path)
                out.write(str(imported.to_dict()["message"]) + "\n")
            elif args.command == "export-bookings":
                exported = exchange.export_bookings(path)
                out.write(f"{exported.to_dict()['message']} to {path}\n")
            else:
                report = exchange.import_bookings(path)
                if args.json:
                    _print_json(report.to_dict(), out)
                else:
                    queries = api.workflows.queries
                    reference = queries.reference()
                    described = {
                        session.id: f"{reference.client_name(session.client_id)} on "
                        f"{session.date.isoformat()} in {reference.region_name(session.region_id)}"
                        for session in queries.sessions_by_id(report.no_availability_now).values()
                    }
                    out.write(describe_bookings_import(report, described))
    except BundleError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    return EXIT_OK


def _command_generate(
    url: str, today: dt.date | None, actor: str | None, args: argparse.Namespace, out: TextIO
) -> int:
    from dst_desktop import paths
    from dst_desktop.api import open_workflows
    from dst_desktop.services.generator import generate_data

    if args.sessions < 0 or not 0 <= args.pending <= args.sessions:
        raise UsageError("--sessions must be ≥ 0 and --pending between 0 and --sessions")
    with open_workflows(url, today, actor) as api:
        workflows = api.workflows
        if workflows.queries.is_empty():
            reference = json.loads(paths.resource_path("demo", "reference.json").read_text("utf-8"))
            workflows.reference.import_reference(reference, source="demo reference data")
        try:
            result = generate_data(
                workflows.store,
                workflows.clock,
                workflows.actor,
                args.sessions,
                args.pending,
                args.seed,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
    out.write(str(result.to_dict()["message"]) + "\n")
    return EXIT_OK


def _command_print(
    url: str, today: dt.date | None, actor: str | None, args: argparse.Namespace, out: TextIO
) -> int:
    """``print-summary`` and ``day-sheet``: the only commands that load Qt (to lay out pages)."""
    from dst_desktop.api import open_workflows
    from dst_desktop.presenters.print_documents import DocumentUnavailableError, PrintDocuments

    language: Language = args.language or system_language()
    target = Path(args.pdf)
    if not target.parent.is_dir():
        raise CommandError(f"cannot write {target}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise CommandError(f"cannot write {target}: it is a folder")
    with open_workflows(url, today, actor) as api:
        documents = PrintDocuments(api.workflows, language)
        try:
            if args.command == "print-summary":
                document = documents.booking_summary(args.session_id)
            else:
                document = documents.day_sheet(args.date, args.region)
        except DocumentUnavailableError as error:
            raise CommandError(str(error)) from None

    from dst_desktop.ui.printing import PdfExportError, ensure_gui_application, export_pdf

    ensure_gui_application()
    try:
        written = export_pdf(document, target)
    except PdfExportError as error:
        raise CommandError(str(error)) from None
    out.write(f"{document.title}: written to {written}\n")
    return EXIT_OK


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    today = _resolve_today(args)
    if args.self_test:
        if args.command is not None or args.demo:
            raise UsageError("--self-test runs on its own temporary database; give it no command")
        from dst_desktop.selftest import run_self_test

        return run_self_test(out, today)
    url = _resolve_database(args)
    actor: str | None = args.actor
    if args.command is None:
        from dst_desktop.window_system import window_system_problem

        problem = window_system_problem()
        if problem is not None:
            err.write(problem + "\n")
            return EXIT_FAILURE
    if args.demo:
        ensure_demo_data(url, today, actor, err)
    if args.command is None:
        from dst_desktop.app import run_window

        return run_window(url, today=today, actor=actor)
    if args.command == "init":
        return _command_init(url, today, actor, out)
    if args.command == "import-reference":
        return _command_import_reference(url, today, actor, args.file, args.json, out)
    if args.command == "call":
        return _command_call(url, today, actor, args.function, args.args, out)
    if args.command == "generate-data":
        return _command_generate(url, today, actor, args, out)
    if args.command in _EXCHANGE_COMMANDS:
        return _command_exchange(url, today, actor, args, out)
    if args.command in {"print-summary", "day-sheet"}:
        return _command_print(url, today, actor, args, out)
    raise UsageError(f"unknown command {args.command!r}")


def _log_crash(error: BaseException) -> Path | None:
    """Keep the traceback for the developers, in the data folder, not on the screen."""
    try:
        import traceback

        from dst_desktop import paths

        log = paths.data_dir() / "crash.log"
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            stream.write("".join(traceback.format_exception(error)))
        return log
    except OSError:
        return None


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the command line; return the exit status (0 success, 1 failure, 2 usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version, or argparse's own usage error
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_USAGE
    handlers: list[tuple[type[BaseException], int, Callable[[BaseException], str]]] = [
        (UsageError, EXIT_USAGE, lambda e: f"dst-desktop: usage error: {e}"),
        (CommandError, EXIT_FAILURE, lambda e: f"dst-desktop: error: {e}"),
        (StorageError, EXIT_FAILURE, lambda e: f"dst-desktop: error: {e}"),
    ]
    try:
        return _run(args, out, err)
    except KeyboardInterrupt:
        err.write("dst-desktop: interrupted\n")
        return 130
    except Exception as error:
        for kind, code, describe in handlers:
            if isinstance(error, kind):
                err.write(describe(error) + "\n")
                return code
        log = _log_crash(error)
        where = f"; details were written to {log}" if log else ""
        err.write(f"dst-desktop: internal error ({type(error).__name__}: {error}){where}\n")
        return EXIT_FAILURE
