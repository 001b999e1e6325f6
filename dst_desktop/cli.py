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
from typing import TYPE_CHECKING, Any, TextIO

from dst_desktop import __version__
from dst_desktop.domain.errors import StorageError

if TYPE_CHECKING:
    from dst_desktop.api import ApiWorkflows
    from dst_desktop.exports.table import Table
    from dst_desktop.reports.i18n import Language
    from dst_desktop.services.exchange import BookingsImported
    from dst_desktop.services.reference import ReferenceImported
    from dst_desktop.services.reports import Reports
    from dst_desktop.services.workflows import Workflows

#: The most sessions ``generate-data`` adds at once (ten times the benchmark's database):
#: a larger number is a typing mistake, and would run for hours.
MAX_GENERATED_SESSIONS = 1_000_000

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
        help="sqlite:///path/to/bookings.db, or postgresql://USER@HOST[:PORT]/DBNAME for a "
        "team's server (password from PGPASSWORD or ~/.pgpass); default: $DST_DATABASE_URL, "
        "else bookings.db in your data folder",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_business_date,
        default=None,
        help="the business date to use instead of the real one (default: $DST_TODAY)",
    )
    parser.add_argument(
        "--actor",
        metavar="NAME",
        help="the name the audit log records (default: your user name); refused on "
        "PostgreSQL, where the database records your login",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the separate demo database, created with the demo data on first use",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser(
        "init",
        help="create or upgrade the database schema, check it and try a write",
    )
    check = commands.add_parser(
        "check",
        help="check the database: SQLite's integrity check and the booking rules",
        description="Check the database given by --database: its files (SQLite's integrity "
        "check and foreign keys) and the booking rules (no setup or operator held twice on "
        "a day, a confirmed session holds both, a pending one holds nothing...). Exit "
        "status 0 when it is sound, 1 when a problem was found.",
    )
    check.add_argument("--json", action="store_true", help="print the findings as JSON")

    copy = commands.add_parser(
        "copy-database",
        help="copy the whole database (--database) into an empty one, e.g. onto the team's "
        "PostgreSQL server",
        description="Copy every table of the database given by --database (SQLite or "
        "PostgreSQL) into TARGET_URL, an empty database of either kind: ids, timestamps, "
        "audit log and settings unchanged, all or nothing, row counts checked at the end. "
        "A target that already holds DST Desktop data is refused.",
    )
    copy.add_argument("target", metavar="TARGET_URL")

    sync = commands.add_parser(
        "sync",
        help="send the requests this workstation took while the team's server was away",
        description="Send to the team's PostgreSQL database (--database) the booking requests "
        "this workstation took on its offline copy while the server could not be reached, as "
        "import-bookings does: all or nothing, each request once. The window does this by "
        "itself when the server is back.",
    )
    sync.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_backup_commands(commands)

    reference = commands.add_parser(
        "import-reference", help="load regions, setups, operators, modules, clients, offers"
    )
    reference.add_argument("file", metavar="FILE.json")
    reference.add_argument(
        "--json", action="store_true", help="print the report, with every id, as JSON"
    )
    reference.add_argument(
        "--reallocate",
        action="store_true",
        help="then move every session the import left on a setup or operator that cannot "
        "serve it (leave, maintenance, out of service, other region) to free ones",
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
    replace_help = "replace FILE when it exists (without it, an existing file is kept)"
    snapshot.add_argument("--force", action="store_true", help=replace_help)
    commands.add_parser(
        "import-snapshot", help="laptop: make this database an event database from a snapshot"
    ).add_argument("file", metavar="FILE")
    export_bookings = commands.add_parser(
        "export-bookings", help="laptop: write the bookings taken at the event, signed"
    )
    export_bookings.add_argument("file", metavar="FILE")
    export_bookings.add_argument("--force", action="store_true", help=replace_help)
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
    summary.add_argument("--force", action="store_true", help="replace OUT.pdf when it exists")
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
    day_sheet.add_argument("--force", action="store_true", help="replace OUT.pdf when it exists")
    day_sheet.add_argument(
        "--language", metavar="LANG", type=_language, default=None, help=language_help
    )
    _add_report_commands(commands, language_help)
    from dst_desktop.cli_access import add_access_commands

    add_access_commands(commands)
    return parser


def _add_backup_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """``backup`` and ``restore``: a checked copy of the database, and putting one back."""
    backup = commands.add_parser(
        "backup",
        help="write a checked copy of the database to a file, while others keep working",
        description="Write a consistent copy of the database given by --database to OUT.db "
        "(SQLite's online backup; a PostgreSQL database is copied into a SQLite file), "
        "check it, and move it into place, readable by you only. A damaged database is "
        "not backed up, so that it never replaces a good backup.",
    )
    backup.add_argument("file", metavar="OUT.db")
    backup.add_argument(
        "--force", action="store_true", help="replace OUT.db when it exists (else it is kept)"
    )
    restore = commands.add_parser(
        "restore",
        help="replace the database's data by a backup, after checking the backup",
        description="Check IN.db (a DST Desktop database, sound, not newer than this "
        "version), keep what the database holds now in the backups folder of your data "
        "folder, then write the backup's data into the database. Programs that have the "
        "database open see the restored data at their next action. SQLite only: restore a "
        "PostgreSQL database with pg_restore.",
    )
    restore.add_argument("file", metavar="IN.db")


def _add_report_commands(commands: argparse._SubParsersAction[Any], language_help: str) -> None:
    """``export-sessions``, ``utilisation`` and ``export-ical`` (SPEC 13)."""
    from dst_desktop.domain.statuses import SessionStatus

    force_help = "replace OUT when it exists (without it, an existing file is kept)"
    csv_help = (
        "language of the column titles' CSV conventions, en or fr: French CSV is separated "
        "by ';' with decimal commas (default: from your system's locale)"
    )
    sessions = commands.add_parser(
        "export-sessions",
        help="write every session of a period to a CSV or XLSX file",
        description="Write one row per session (reference, date, status, client, region, "
        "modules, participants, capacity, setup, operator, source, offer, timestamps) to "
        "OUT.csv (UTF-8 with BOM) or OUT.xlsx.",
    )
    sessions.add_argument("file", metavar="OUT.csv|OUT.xlsx")
    sessions.add_argument("--from", dest="first", metavar="YYYY-MM-DD", type=_business_date)
    sessions.add_argument("--to", dest="last", metavar="YYYY-MM-DD", type=_business_date)
    sessions.add_argument("--region", metavar="REGION_ID", help="one region (default: all)")
    sessions.add_argument(
        "--status",
        metavar="STATUS",
        choices=[status.value for status in SessionStatus],
        help="one status: " + ", ".join(status.value for status in SessionStatus),
    )
    sessions.add_argument("--force", action="store_true", help=force_help)
    sessions.add_argument("--language", metavar="LANG", type=_language, default=None, help=csv_help)

    utilisation = commands.add_parser(
        "utilisation",
        help="utilisation of regions, setups or operators over a period",
        description="Utilisation over a period: for a region, capacityDays is the sum over "
        "its days of MIN(setups in service, operators on duty) and sessions its "
        "resource-holding sessions; for a setup or an operator, capacityDays is its days "
        "in service and sessions its days booked. utilisation = sessions / capacityDays. "
        "Prints a table, or writes JSON, CSV, XLSX or PDF.",
    )
    utilisation.add_argument(
        "--from", dest="first", metavar="YYYY-MM-DD", type=_business_date, required=True
    )
    utilisation.add_argument(
        "--to", dest="last", metavar="YYYY-MM-DD", type=_business_date, required=True
    )
    utilisation.add_argument(
        "--by", choices=("region", "setup", "operator"), default="region", help="default: region"
    )
    output = utilisation.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the figures as JSON")
    output.add_argument("--csv", metavar="OUT.csv", help="write the figures to a CSV file")
    output.add_argument("--xlsx", metavar="OUT.xlsx", help="write the figures (and the weeks)")
    output.add_argument("--pdf", metavar="OUT.pdf", help="write the printed report (with chart)")
    utilisation.add_argument("--force", action="store_true", help=force_help)
    utilisation.add_argument(
        "--language", metavar="LANG", type=_language, default=None, help=language_help
    )

    ical = commands.add_parser(
        "export-ical",
        help="write sessions as an iCalendar file (.ics) for calendar programs",
        description="One all-day event per session, for one operator, setup or region (or "
        "all): stable UID, STATUS TENTATIVE / CONFIRMED / CANCELLED, SEQUENCE growing with "
        "every change. Importing a newer file updates the events.",
    )
    ical.add_argument("file", metavar="OUT.ics")
    subject = ical.add_mutually_exclusive_group()
    subject.add_argument("--operator", metavar="OPERATOR_ID")
    subject.add_argument("--setup", metavar="SETUP_ID")
    subject.add_argument("--region", metavar="REGION_ID")
    ical.add_argument("--from", dest="first", metavar="YYYY-MM-DD", type=_business_date)
    ical.add_argument("--to", dest="last", metavar="YYYY-MM-DD", type=_business_date)
    ical.add_argument("--force", action="store_true", help=force_help)
    ical.add_argument(
        "--language", metavar="LANG", type=_language, default=None, help=language_help
    )


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


def _resolve_actor(text: str | None) -> str | None:
    """``--actor`` as typed, once it is text at all; what a name may be is checked with
    the database in hand (``_check_actor``)."""
    if text is None:
        return None
    from dst_desktop.services.validation import InvalidInputError, is_storable, parse_actor

    if not is_storable(text):
        try:
            parse_actor(text)
        except InvalidInputError as error:
            raise UsageError(f"--actor: {error.message}") from None
    return text


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
    from dst_desktop.services.input_files import (
        MAX_REFERENCE_FILE_BYTES,
        InputFileError,
        read_json_file,
    )

    try:
        return read_json_file(Path(path_text), MAX_REFERENCE_FILE_BYTES)
    except InputFileError as error:
        raise CommandError(error.message) from None


def _command_init(url: str, today: dt.date | None, actor: str | None, out: TextIO) -> int:
    """Create or upgrade the schema (on a team's server also the roles, grants and
    row-level security), then check the database and try a write: "ready" only for a
    database that is sound and can be written."""
    from dst_desktop.persistence.health import check_database
    from dst_desktop.persistence.store import PeeweeStore

    store = PeeweeStore.open(url)
    try:
        store.set_up_access()  # a team's database: roles, grants, row-level security
    finally:
        store.close()
    description = store.description
    health = check_database(url, try_writing=True)
    if not health.sound:
        raise CommandError(describe_problems(health.description, health.kind, health.problems))
    if health.write_problem:
        raise CommandError(health.write_problem)
    out.write(
        f"Database ready: {description} (integrity checked, booking rules hold, "
        f"{health.sessions} session(s))\n"
    )
    if store.has_logins:
        out.write(
            "Roles dst_booking, dst_planner and dst_admin and their rights are in place; "
            "add people with `dst-desktop users add LOGIN --role ROLE --password-stdin`.\n"
        )
    return EXIT_OK


def describe_problems(description: str, kind: str, problems: Sequence[str]) -> str:
    """A damaged database in plain words: what is wrong, and what to do."""
    from dst_desktop.persistence.backends.sqlite import RESTORE_HINT

    shown = "; ".join(problems[:5]) + (
        f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
    )
    if kind == "sqlite":
        return (
            f"the database file {description} is damaged ({shown}). Nothing was changed; "
            f"{RESTORE_HINT}"
        )
    return (
        f"the database {description} breaks the booking rules ({shown}). Nothing was "
        "changed; ask the administrator to check it and, if needed, restore a backup "
        "(pg_restore of the last pg_dump)"
    )


def _command_check(url: str, as_json: bool, out: TextIO) -> int:
    from dst_desktop.persistence.health import check_database

    health = check_database(url)
    if as_json:
        _print_json(health.to_dict(), out)
    elif health.sound:
        checked = "integrity check passed; " if health.kind == "sqlite" else ""
        out.write(
            f"The database {health.description} is sound: {checked}the booking rules hold "
            f"({health.sessions} session(s)).\n"
        )
    else:
        out.write(describe_problems(health.description, health.kind, health.problems) + "\n")
        out.write("Problems found:\n")
        out.writelines(f"  {problem}\n" for problem in health.problems)
    return EXIT_OK if health.sound else EXIT_FAILURE


def _command_backup(url: str, file: str, force: bool, out: TextIO) -> int:
    from dst_desktop.persistence.backup import backup_database

    made = backup_database(url, Path(file), replace=force)
    out.write(
        f"Backup of {made.database} written to {made.path}: {made.sessions} session(s), "
        f"{made.size / 1_000_000:.1f} MB, checked sound.\n"
    )
    return EXIT_OK


def _command_restore(url: str, actor: str | None, file: str, out: TextIO) -> int:
    from dst_desktop import paths
    from dst_desktop.api import default_actor
    from dst_desktop.persistence.backup import restore_database

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    restored = restore_database(
        url,
        Path(file),
        keep_current_in=paths.backups_dir(),
        actor=actor or default_actor(),
        now=now,
    )
    out.write(
        f"The database {restored.database} now holds the backup {restored.source} "
        f"({restored.sessions} session(s)).\n"
    )
    if restored.kept_as is not None:
        out.write(f"What it held before is kept in {restored.kept_as}.\n")
    return EXIT_OK


def _command_sync(
    url: str, today: dt.date | None, actor: str | None, as_json: bool, out: TextIO
) -> int:
    from dst_desktop.api import offline_folder, open_team_workflows, open_workflows
    from dst_desktop.persistence.database import database_kind
    from dst_desktop.services.exchange import BookingsImported, BundleError
    from dst_desktop.services.offline import waiting_requests

    if database_kind(url) != "postgresql":
        raise UsageError("sync sends an offline copy to a team's PostgreSQL database (--database)")
    with open_workflows(url, today, actor) as server:  # fails plainly if the server is away
        team, support = open_team_workflows(url, offline_folder(url), today, actor)
        try:
            waiting = waiting_requests(support.copy.copy)
            try:
                report = support.copy.send_to(server.workflows)
            except BundleError as error:
                raise CommandError(str(error)) from None
        finally:
            team.close()
        if report is None:
            report = BookingsImported()
        described = _described(server.workflows, report.no_availability_now)
    if as_json:
        _print_json(report.to_dict(), out)
    elif not waiting:
        out.write("Nothing is waiting to be sent: every request taken offline has been sent.\n")
    else:
        out.write(describe_bookings_import(report, described, "request(s) taken offline"))
    return EXIT_OK


def _check_actor(url: str, actor: str | None) -> None:
    """``--actor`` names a person on a file; on a server the database records the login."""
    from dst_desktop.domain.permissions import actor_problem
    from dst_desktop.persistence.database import database_kind

    if actor is None:
        return
    if database_kind(url) == "postgresql":
        from dst_desktop.api import actor_refused_text

        raise UsageError(actor_refused_text())
    problem = actor_problem(actor)
    if problem:
        raise UsageError(f"--actor: {problem}")


def _command_copy_database(url: str, target: str, out: TextIO, err: TextIO) -> int:
    from dst_desktop.persistence.copy import copy_database

    def progress(table: str, rows: int) -> None:
        if rows % 20_000 == 0:
            err.write(f"  {table}: {rows} rows…\n")

    copied = copy_database(url, target, progress)
    out.write(
        f"Copied {copied.source} into {copied.target}: {copied.total} rows, counts checked.\n"
    )
    for table, rows in copied.rows:
        out.write(f"  {table}: {rows}\n")
    return EXIT_OK


def _command_import_reference(
    url: str,
    today: dt.date | None,
    actor: str | None,
    file: str,
    as_json: bool,
    out: TextIO,
    *,
    reallocate: bool = False,
) -> int:
    from dst_desktop.api import open_workflows
    from dst_desktop.services.booking_changes import conflict_text
    from dst_desktop.services.reference import KINDS, ReferenceImported

    data = _read_json_file(file)
    reallocations: list[dict[str, object]] = []
    with open_workflows(url, today, actor) as api:
        result = api.workflows.reference.import_reference(data, source=file)
        if reallocate and isinstance(result, ReferenceImported):
            for session_id in _sessions_to_reallocate(api, data, result):
                reallocations.append(api.booking.reallocate_session(session_id))
    failed = [item for item in reallocations if item.get("success") is False]
    if as_json:
        report = result.to_dict()
        if reallocate:
            report["reallocations"] = reallocations
        _print_json(report, out)
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
        if result.conflicts:
            out.write(
                "Sessions now on a setup or operator that cannot serve them "
                f"({len(result.conflicts)}):\n"
            )
            out.writelines(f"  {conflict_text(c)}\n" for c in result.conflicts)
            if not reallocate:
                out.write(
                    "Reallocate them all with import-reference --reallocate, or one by one "
                    "with: dst-desktop call reallocateSession SESSION_ID\n"
                )
        for item in reallocations:
            out.write(f"  {item.get('message')}\n")
    else:
        out.write(f"Nothing was imported: {result.message}\n")
    return EXIT_OK if result.success and not failed else EXIT_FAILURE


def _sessions_to_reallocate(
    api: ApiWorkflows, data: object, result: ReferenceImported
) -> list[str]:
    """The sessions an import with ``--reallocate`` moves: those in conflict on the setups
    and operators the file names (from today on), whether the file put them there or an
    earlier import did — importing again with ``--reallocate``, as the report advises,
    repairs them — and those the file itself put in conflict."""
    from dst_desktop.services.booking_changes import ResourceConflicts

    named: dict[str, set[str]] = {"setups": set(), "operators": set()}
    if isinstance(data, dict):
        for kind, ids in named.items():
            entries = data.get(kind)
            if isinstance(entries, list):
                ids.update(
                    entry["id"]
                    for entry in entries
                    if isinstance(entry, dict) and isinstance(entry.get("id"), str)
                )
    standing = api.workflows.booking_changes.get_resource_conflicts()
    still = (
        [
            conflict.session_id
            for conflict in standing.conflicts
            if conflict.setup_id in named["setups"] or conflict.operator_id in named["operators"]
        ]
        if isinstance(standing, ResourceConflicts)
        else []
    )
    return list(dict.fromkeys([*(c.session_id for c in result.conflicts), *still]))


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


def _described(workflows: Workflows, session_ids: list[str]) -> dict[str, str]:
    """ "ACME on 2025-03-10 in Occitanie", by session id, for a report's lines."""
    if not session_ids:
        return {}
    queries = workflows.queries
    reference = queries.reference()
    return {
        session.id: f"{reference.client_name(session.client_id)} on "
        f"{session.date.isoformat()} in {reference.region_name(session.region_id)}"
        for session in queries.sessions_by_id(session_ids).values()
    }


def describe_bookings_import(
    report: BookingsImported,
    described: dict[str, str] | None = None,
    what: str = "event booking(s)",
) -> str:
    """The office's report of an import-bookings (or a sync: ``what`` names what came in),
    for people.

    ``described`` gives, by session id, a line such as "ACME on 2025-03-10 in Occitanie".
    """
    described = described or {}
    lines = [
        f"Imported {len(report.imported)} {what} as pending confirmation"
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
        for session_id in report.no_availability_now:
            line = (
                f"  {session_id}: {described[session_id]}"
                if session_id in described
                else (f"  {session_id}")
            )
            alternatives = report.available_alternatives.get(session_id)
            if alternatives:
                line += f"; other dates: {', '.join(alternatives)}"
            elif session_id in report.available_alternatives:
                line += "; no other free date in the coming months"
            lines.append(line)
    if report.clients_added:
        lines.append(f"New clients added: {', '.join(report.clients_added)}")
    for difference in report.client_differences:
        lines.append(
            f"Client {difference['clientId']}: kept the office's {difference['field']} "
            f"{difference['office']!r} (the event had {difference['event']!r})"
        )
    from dst_desktop.domain.names import visible_text

    return visible_text("\n".join(lines) + "\n")


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
                result = exchange.export_snapshot(path, args.months, args.event, replace=args.force)
                out.write(str(result["message"]) + "\n")
            elif args.command == "import-snapshot":
                imported = exchange.import_snapshot(path)
                out.write(str(imported.to_dict()["message"]) + "\n")
            elif args.command == "export-bookings":
                exported = exchange.export_bookings(path, replace=args.force)
                out.write(f"{exported.to_dict()['message']} to {path}\n")
            else:
                report = exchange.import_bookings(path)
                if args.json:
                    _print_json(report.to_dict(), out)
                else:
                    described = _described(api.workflows, report.no_availability_now)
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

    if not 0 <= args.sessions <= MAX_GENERATED_SESSIONS or not 0 <= args.pending <= args.sessions:
        raise UsageError(
            f"--sessions must be between 0 and {MAX_GENERATED_SESSIONS} and --pending between "
            "0 and --sessions"
        )
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
    from dst_desktop.exports.files import OutputFileError, check_output
    from dst_desktop.presenters.print_documents import DocumentUnavailableError, PrintDocuments

    language: Language = args.language or system_language()
    target = Path(args.pdf)
    try:
        check_output(target, replace=args.force)
    except OutputFileError as error:
        raise CommandError(error.message) from None
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
        written = export_pdf(document, target, replace=args.force)
    except PdfExportError as error:
        raise CommandError(str(error)) from None
    out.write(f"{document.title}: written to {written}\n")
    return EXIT_OK


_REPORT_COMMANDS = ("export-sessions", "utilisation", "export-ical")


def _output_path(text: str, suffixes: tuple[str, ...], force: bool) -> Path:
    """OUT checked before any work: known suffix (else a usage error), writable folder,
    and not an existing file unless ``--force``."""
    from dst_desktop.exports.files import OutputFileError, check_output

    path = Path(text)
    if path.suffix.lower() not in suffixes:
        raise UsageError(
            f"{text!r}: the file name must end with {' or '.join(suffixes)}, which says the "
            "format to write"
        )
    try:
        check_output(path, replace=force)
    except OutputFileError as error:
        raise CommandError(error.message) from None
    return path


def _write(path: Path, content: bytes, force: bool) -> None:
    from dst_desktop.exports.files import OutputFileError, write_output

    try:
        write_output(path, content, replace=force)
    except OutputFileError as error:
        raise CommandError(error.message) from None


def _table_bytes(path: Path, tables: Sequence[Table], language: str) -> bytes:
    if path.suffix.lower() == ".xlsx":
        from dst_desktop.exports.xlsx_file import xlsx_bytes

        return xlsx_bytes(tables)
    from dst_desktop.exports.csv_file import csv_bytes, csv_style

    return csv_bytes(tables[0], csv_style(language))


def _command_reports(
    url: str, today: dt.date | None, actor: str | None, args: argparse.Namespace, out: TextIO
) -> int:
    from dst_desktop.api import open_workflows
    from dst_desktop.presenters.l10n import PlainLocalizer
    from dst_desktop.services.reports import ReportInputError, check_period

    language: Language = args.language or system_language()
    try:
        check_period(args.first, args.last, bounded=args.command == "utilisation")
    except ReportInputError as error:
        raise UsageError(f"--{error.field}: {error.message}") from None
    if args.command == "export-sessions":
        path = _output_path(args.file, (".csv", ".xlsx"), args.force)
    elif args.command == "export-ical":
        path = _output_path(args.file, (".ics",), args.force)
    else:
        chosen = args.csv or args.xlsx or args.pdf
        kind = ".csv" if args.csv else ".xlsx" if args.xlsx else ".pdf"
        path = _output_path(chosen, (kind,), args.force) if chosen else Path()
    l10n = PlainLocalizer()
    with open_workflows(url, today, actor) as api:
        reports = api.workflows.reports
        try:
            if args.command == "export-sessions":
                from dst_desktop.domain.statuses import SessionStatus
                from dst_desktop.presenters.report_tables import sessions_table

                records = reports.session_records(
                    args.first,
                    args.last,
                    args.region,
                    SessionStatus(args.status) if args.status else None,
                )
                _write(
                    path, _table_bytes(path, [sessions_table(records, l10n)], language), args.force
                )
                out.write(f"{len(records)} session(s) written to {path}\n")
                return EXIT_OK
            if args.command == "export-ical":
                return _export_ical(reports, args, path, language, out)
            return _utilisation(api.workflows, args, path, language, out)
        except ReportInputError as error:
            raise CommandError(error.message) from None


def _export_ical(
    reports: Reports, args: argparse.Namespace, path: Path, language: Language, out: TextIO
) -> int:
    from dst_desktop.exports.icalendar_feed import calendar_bytes
    from dst_desktop.presenters.calendar_files import calendar_wording

    feed = reports.calendar_feed(
        operator_id=args.operator,
        setup_id=args.setup,
        region_id=args.region,
        first=args.first,
        last=args.last,
    )
    wording = calendar_wording(language)
    name = f"DST — {feed.subject}" if feed.subject else "DST"
    now = dt.datetime.now(dt.UTC)
    _write(path, calendar_bytes(feed.entries, name, now, wording), args.force)
    out.write(f"{len(feed.entries)} event(s) written to {path}\n")
    return EXIT_OK


def _utilisation(
    workflows: Workflows, args: argparse.Namespace, path: Path, language: Language, out: TextIO
) -> int:
    from dst_desktop.domain.utilisation import Grouping
    from dst_desktop.presenters.l10n import PlainLocalizer
    from dst_desktop.presenters.report_tables import utilisation_table, weekly_table
    from dst_desktop.services.reports import utilisation_to_dict

    report = workflows.reports.utilisation(args.first, args.last, Grouping(args.by))
    if args.json:
        _print_json(utilisation_to_dict(report), out)
        return EXIT_OK
    regions = {region.id: region.name for region in workflows.queries.reference().regions}
    l10n = PlainLocalizer()
    table = utilisation_table(report, l10n, regions)
    if args.csv or args.xlsx:
        tables = [table, weekly_table(report, l10n)] if args.xlsx else [table]
        _write(path, _table_bytes(path, tables, language), args.force)
        out.write(f"{len(report.rows)} row(s) written to {path}\n")
        return EXIT_OK
    if args.pdf:
        from dst_desktop.presenters.print_documents import local_now
        from dst_desktop.reports import ReportContext
        from dst_desktop.reports.utilisation import utilisation_document
        from dst_desktop.ui.printing import PdfExportError, ensure_gui_application, render_pdf

        document = utilisation_document(
            report, ReportContext.create(language, local_now()), regions
        )
        ensure_gui_application()
        try:
            content = render_pdf(document)
        except PdfExportError as error:
            raise CommandError(str(error)) from None
        _write(path, content, args.force)
        out.write(f"{document.title}: written to {path}\n")
        return EXIT_OK
    out.write(_text_table(table))
    return EXIT_OK


def _text_table(table: Table) -> str:
    """A table for a terminal: left-aligned text, right-aligned numbers, percentages."""
    from dst_desktop.domain.names import visible_text
    from dst_desktop.exports.table import ColumnKind

    def shown(value: object, kind: ColumnKind) -> str:
        if value is None:
            return "—"
        if kind is ColumnKind.PERCENT and isinstance(value, float):
            return f"{value * 100:.1f} %"
        return visible_text(str(value))

    kinds = [column.kind for column in table.columns]
    lines = [list(table.headers)] + [
        [shown(value, kind) for value, kind in zip(row, kinds, strict=True)] for row in table.rows
    ]
    widths = [max(len(line[n]) for line in lines) for n in range(len(kinds))]
    text_lines = []
    for line in lines:
        cells = [
            cell.ljust(width) if kind is ColumnKind.TEXT else cell.rjust(width)
            for cell, width, kind in zip(line, widths, kinds, strict=True)
        ]
        text_lines.append("  ".join(cells).rstrip())
    return table.title + "\n\n" + "\n".join(text_lines) + "\n"


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    today = _resolve_today(args)
    if args.self_test:
        if args.command is not None or args.demo:
            raise UsageError("--self-test runs on its own temporary database; give it no command")
        from dst_desktop.selftest import run_self_test

        return run_self_test(out, today)
    url = _resolve_database(args)
    actor = _resolve_actor(args.actor)
    _check_actor(url, actor)
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
    _refuse_writing_over_database(url, args)
    if args.command == "init":
        return _command_init(url, today, actor, out)
    if args.command == "check":
        return _command_check(url, args.json, out)
    if args.command == "backup":
        return _command_backup(url, args.file, args.force, out)
    if args.command == "restore":
        return _command_restore(url, actor, args.file, out)
    if args.command == "copy-database":
        return _command_copy_database(url, args.target, out, err)
    if args.command == "sync":
        return _command_sync(url, today, actor, args.json, out)
    if args.command == "import-reference":
        return _command_import_reference(
            url, today, actor, args.file, args.json, out, reallocate=args.reallocate
        )
    if args.command == "call":
        return _command_call(url, today, actor, args.function, args.args, out)
    if args.command == "generate-data":
        return _command_generate(url, today, actor, args, out)
    if args.command in _EXCHANGE_COMMANDS:
        return _command_exchange(url, today, actor, args, out)
    if args.command in {"print-summary", "day-sheet"}:
        return _command_print(url, today, actor, args, out)
    if args.command in _REPORT_COMMANDS:
        return _command_reports(url, today, actor, args, out)
    if args.command in ("users", "audit"):
        from dst_desktop.cli_access import run_audit, run_users

        run = run_users if args.command == "users" else run_audit
        return run(url, today, args, out)
    raise UsageError(f"unknown command {args.command!r}")


def _refuse_writing_over_database(url: str, args: argparse.Namespace) -> None:
    """An output file named like the database itself (``export-snapshot bookings.db
    --force``) would replace the bookings: refused before anything is done."""
    from dst_desktop.persistence.backup import writes_over_database

    writing = {
        "backup",
        "export-snapshot",
        "export-bookings",
        "export-sessions",
        "export-ical",
    }
    targets: list[str] = []
    if args.command in writing:
        targets.append(args.file)
    elif args.command in {"print-summary", "day-sheet"}:
        targets.append(args.pdf)
    elif args.command == "utilisation":
        targets.extend(name for name in (args.csv, args.xlsx, args.pdf) if name)
    for target in targets:
        if target and writes_over_database(url, Path(target)):
            raise CommandError(
                f"{target} is the database itself (or one of its journal files); write to "
                "another file"
            )


def _log_crash(error: BaseException) -> Path | None:
    """Keep the traceback for the developers, in the data folder, not on the screen."""
    try:
        import traceback

        from dst_desktop import paths
        from dst_desktop.exports.files import create_private_file

        log = create_private_file(paths.data_dir() / "crash.log")
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
