"""DST Desktop benchmark: every figure as a median, a floor measured in the same run, a ratio.

    python tests/benchmarks/run_benchmarks.py            # the full run (about two minutes)
    python tests/benchmarks/run_benchmarks.py --quick    # fewer repetitions

Floors are what the same question costs when answered by the simplest possible means on
the same machine in the same run (one hand-written sqlite3 query, bare sqlite3 inserts, a
bare PySide6 window, a bare ``import peewee``), so that the ratios mean the same on a fast
laptop and a slow CI runner. This is a script, not a test: no wall-clock limit lives in
the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# A benchmark never writes into the user's own folders: the windows it opens keep their
# settings, logs and offline copies in throw-away ones (platformdirs and Qt follow XDG).
for _folder in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
    os.environ[_folder] = tempfile.mkdtemp(prefix="dst-bench-")

from dst_desktop.api import open_workflows  # noqa: E402
from dst_desktop.cli import main as cli_main  # noqa: E402
from dst_desktop.domain.model import Session  # noqa: E402
from dst_desktop.domain.statuses import SessionStatus  # noqa: E402
from dst_desktop.persistence.backends.sqlite import SQLITE_PRAGMAS  # noqa: E402
from dst_desktop.services.exchange import make_bundle, write_bundle  # noqa: E402
from tests.benchmarks.workload import create_and_confirm  # noqa: E402

TODAY = dt.date(2026, 11, 25)
DAY = "2026-12-16"
REGION = "occitanie"
MODULES = ["module_tir", "module_scenario"]
HOLDING = "('completed', 'confirmed', 'in_progress', 'scheduled')"


@dataclass
class Figure:
    name: str
    measured: float
    floor: float
    unit: str
    target: str
    floor_label: str
    passed: bool
    ratio_text: str = ""

    @property
    def ratio(self) -> float:
        return self.measured / self.floor if self.floor else float("inf")


def median_time(action: Callable[[], object], repeat: int, warmup: int = 3) -> float:
    """Median wall time of ``action`` in milliseconds."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run_cli(*args: str) -> None:
    code = cli_main(list(args), out=io.StringIO(), err=sys.stderr)
    if code != 0:
        raise SystemExit(f"dst-desktop {' '.join(args)} failed with {code}")


def build_database(folder: Path, name: str, sessions: int, pending: int) -> Path:
    path = folder / f"{name}.db"
    run_cli(
        "--database",
        f"sqlite:///{path}",
        "--today",
        TODAY.isoformat(),
        "generate-data",
        "--sessions",
        str(sessions),
        "--pending",
        str(pending),
        "--seed",
        "11",
    )
    return path


def history_free_copy(big: Path, folder: Path, keep: int) -> Path:
    """The same database with ``keep`` sessions: every one around DAY, then the newest.

    Both databases answer the benchmark's question from the same rows, so the comparison
    measures what years of history cost and nothing else.
    """
    small = folder / "small.db"
    source = sqlite3.connect(big)
    target = sqlite3.connect(small)
    source.backup(target)
    source.close()
    day = dt.date.fromisoformat(DAY)
    around = ((day - dt.timedelta(days=2)).isoformat(), (day + dt.timedelta(days=2)).isoformat())
    with target:
        target.execute(
            "CREATE TEMP TABLE kept AS SELECT id FROM session WHERE date BETWEEN ? AND ?", around
        )
        already = target.execute("SELECT COUNT(*) FROM kept").fetchone()[0]
        target.execute(
            "INSERT INTO kept SELECT id FROM session WHERE id NOT IN (SELECT id FROM kept)"
            " ORDER BY date DESC LIMIT ?",
            (max(0, keep - already),),
        )
        target.execute("DELETE FROM session WHERE id NOT IN (SELECT id FROM kept)")
    target.execute("VACUUM")
    count = target.execute("SELECT COUNT(*) FROM session").fetchone()[0]
    target.close()
    assert count == keep, count
    return small


def raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for key, value in SQLITE_PRAGMAS:
        connection.execute(f"PRAGMA {key} = {value}")
    return connection


FLOOR_AVAILABILITY = f"""
SELECT
  (SELECT MIN(capacity_max) FROM module WHERE id IN (?, ?)) AS capacity,
  (SELECT COUNT(*) FROM setup s WHERE s.region_id = :r AND s.active
     AND NOT EXISTS (SELECT 1 FROM setup_unavailable_date u WHERE u.setup_id = s.id AND u.date = :d)
     AND NOT EXISTS (SELECT 1 FROM session x WHERE x.setup_id = s.id AND x.date = :d
                     AND x.status IN {HOLDING})) AS free_setups,
  (SELECT COUNT(*) FROM operator o WHERE o.region_id = :r AND o.active
     AND NOT EXISTS (SELECT 1 FROM operator_unavailable_date u WHERE u.operator_id = o.id AND u.date = :d)
     AND NOT EXISTS (SELECT 1 FROM session x WHERE x.operator_id = o.id AND x.date = :d
                     AND x.status IN {HOLDING})) AS free_operators
"""


def floor_availability(
    connection: sqlite3.Connection, region: str, day: str
) -> tuple[int, int, int]:
    sql = FLOOR_AVAILABILITY.replace(":r", "?3").replace(":d", "?4")
    return connection.execute(sql, (*MODULES, region, day)).fetchone()  # type: ignore[no-any-return]


FLOOR_SUGGESTIONS = f"""
WITH RECURSIVE days(d) AS (
  SELECT date(?2, '+1 day') UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < date(?2, '+365 day')
)
SELECT d FROM days WHERE
  MIN(
    (SELECT COUNT(*) FROM setup s WHERE s.region_id = ?1 AND s.active
       AND NOT EXISTS (SELECT 1 FROM setup_unavailable_date u WHERE u.setup_id = s.id AND u.date = d)
       AND NOT EXISTS (SELECT 1 FROM session x WHERE x.setup_id = s.id AND x.date = d AND x.status IN {HOLDING})),
    (SELECT COUNT(*) FROM operator o WHERE o.region_id = ?1 AND o.active
       AND NOT EXISTS (SELECT 1 FROM operator_unavailable_date u WHERE u.operator_id = o.id AND u.date = d)
       AND NOT EXISTS (SELECT 1 FROM session x WHERE x.operator_id = o.id AND x.date = d AND x.status IN {HOLDING}))
  ) >= 1
LIMIT ?3
"""


FLOOR_UTILISATION = """
SELECT date, region_id, setup_id, operator_id, status, COUNT(*) FROM session
WHERE date BETWEEN ? AND ? GROUP BY date, region_id, setup_id, operator_id, status
"""


def fill_region_for_days(url: str, days: int) -> str:
    """A region whose next ``days`` days are fully booked."""
    region = "zz_full"
    actor = None if url.startswith("postgresql:") else "bench"  # PostgreSQL records the login
    with open_workflows(url, TODAY, actor) as api:
        api.reference.import_reference(
            {
                "regions": [{"id": region, "name": "Full region"}],
                "setups": [{"id": f"zz_s{n}", "name": f"S{n}", "regionId": region} for n in (1, 2)],
                "operators": [
                    {"id": f"zz_o{n}", "name": f"O{n}", "regionId": region} for n in (1, 2)
                ],
            }
        )
        client = api.workflows.queries.reference().clients[0].id
        sessions = [
            Session(
                id=f"sess_full_{offset}_{n}",
                client_id=client,
                region_id=region,
                date=TODAY + dt.timedelta(days=offset),
                module_ids=("module_tir",),
                requested_participants=5,
                capacity_max=12,
                status=SessionStatus.CONFIRMED,
                booking_source="back_office",
                created_at=dt.datetime(2026, 11, 1, 9, 0),
                setup_id=f"zz_s{n}",
                operator_id=f"zz_o{n}",
                confirmed_at=dt.datetime(2026, 11, 1, 10, 0),
            )
            for offset in range(1, days + 1)
            for n in (1, 2)
        ]
        with api.workflows.store.writing() as tx:
            tx.add_sessions(sessions)
    return region


def bare_create_and_confirm(connection: sqlite3.Connection, counter: list[int]) -> None:
    """The rows a create and a confirm write, with bare sqlite3 and the same pragmas."""
    counter[0] += 1
    session_id = f"sess_bare_{counter[0]}"
    now = "2026-11-25 10:00:00"
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO session (id, client_id, region_id, date, requested_participants, capacity_max,"
        " status, booking_source, created_at, notes) VALUES (?, ?, ?, ?, 5, 12,"
        " 'pending_confirmation', 'back_office', ?, '')",
        (session_id, "client_acme_securite", "bretagne", "2027-05-20", now),
    )
    connection.execute(
        "INSERT INTO session_module (session_id, module_id, position) VALUES (?, 'module_tir', 0)",
        (session_id,),
    )
    connection.execute(
        "INSERT INTO audit_entry (at, actor, action, session_id, details) VALUES (?, 'b', 'create', ?, '{}')",
        (now, session_id),
    )
    connection.execute("COMMIT")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "UPDATE session SET status = 'cancelled', setup_id = 'setup_bretagne_1',"
        " operator_id = 'op_bretagne_1', confirmed_at = ? WHERE id = ?",
        (now, session_id),
    )
    connection.execute(
        "INSERT INTO audit_entry (at, actor, action, session_id, details) VALUES (?, 'b', 'confirm', ?, '{}')",
        (now, session_id),
    )
    connection.execute("COMMIT")


def process_time(command: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    def run() -> None:
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})

    return median_time(run, repeat, warmup=1)


def frozen_executable() -> Path | None:
    """The program of the standalone build in ``dist/``, if one was built."""
    for name in ("dst-desktop", "dst-desktop-cli.exe"):
        candidate = ROOT / "dist" / "dst-desktop" / name
        if candidate.is_file():
            return candidate
    return None


WINDOW_PROBE = textwrap.dedent(
    """
    import resource, sys, time
    start = time.perf_counter()
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QMainWindow
        window = QMainWindow()
        window.resize(1280, 800)
    else:
        import datetime
        from dst_desktop.app import create_main_window
        window = create_main_window(sys.argv[1], today=datetime.date(2026, 11, 25))
    window.show()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    # VmHWM: the peak of this program alone. ru_maxrss would include the benchmark
    # process's own size, which a child inherits at fork on Linux.
    try:
        with open("/proc/self/status") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except OSError:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(elapsed, peak_kb / 1024)
    """
)


def window_probe(target: str, repeat: int) -> tuple[float, float]:
    """Median start-to-shown time (ms) and peak memory (MB) of a window in a new process."""
    times, memories = [], []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", WINDOW_PROBE, target],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        elapsed, memory = done.stdout.split()[-2:]
        times.append(float(elapsed))
        memories.append(float(memory))
    return statistics.median(times), max(memories)


def pending_model_fill(path: Path, repeat: int) -> tuple[float, float]:
    """The pending queue's table with every pending booking (10,000), shown and painted.

    Measured: building the presenter's table from the sessions, filling the view's model
    and painting the visible rows. Floor: reading the same sessions from the database.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from dst_desktop.presenters.booking_lists import QUEUE_COLUMNS
    from dst_desktop.presenters.booking_rows import booking_table
    from dst_desktop.presenters.catalogue import Catalogue
    from dst_desktop.ui.booking_tables import BookingTableView
    from dst_desktop.ui.l10n import QtLocalizer

    app = QApplication.instance() or QApplication([])
    with open_workflows(f"sqlite:///{path}", TODAY, "bench") as api:
        queries = api.workflows.queries
        sessions = queries.pending_sessions()
        assert len(sessions) == 10_000, len(sessions)
        catalogue = Catalogue(queries)
        localizer = QtLocalizer()
        view = BookingTableView("pendingTable", multi_select=True)
        view.resize(1400, 600)
        view.show()

        def fill() -> None:
            view.show_table(booking_table(sessions, QUEUE_COLUMNS, catalogue, localizer))
            app.processEvents()

        measured = median_time(fill, repeat, warmup=1)
        floor = median_time(queries.pending_sessions, repeat, warmup=1)
        view.close()
    return measured, floor


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.system()}"


def print_figures(figures: list[Figure], json_file: str | None) -> None:
    print()
    print(f"Machine: {machine()}")
    print()
    print("| figure | DST Desktop | floor | ratio | target | met |")
    print("|---|---|---|---|---|---|")

    def shown(value: float, unit: str) -> str:
        if unit == "ms" and value < 1:
            return f"{value * 1000:.0f} µs"
        return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"

    for figure in figures:
        ratio = figure.ratio_text or f"{figure.ratio:.2f}"
        print(
            f"| {figure.name} | {shown(figure.measured, figure.unit)} | {shown(figure.floor, figure.unit)} "
            f"({figure.floor_label}) | {ratio} | {figure.target} | {'yes' if figure.passed else '**no**'} |"
        )
    if json_file:
        Path(json_file).write_text(json.dumps([figure.__dict__ for figure in figures], indent=1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the column to measure: SQLite (default), or a throw-away local PostgreSQL "
        "server holding a copy of the same database",
    )
    options = parser.parse_args()
    repeat = 15 if options.quick else 60
    process_repeat = 3 if options.quick else 7
    figures: list[Figure] = []

    with tempfile.TemporaryDirectory(prefix="dst-bench-") as folder_name:
        folder = Path(folder_name)
        print("Building the databases (100,000 sessions, and 1,000 of them)…", flush=True)
        big = build_database(folder, "big", 100_000, 10_000)
        if options.backend == "postgresql":
            from tests.benchmarks.postgresql import postgres_figures

            figures, counts = postgres_figures(
                big,
                Figure,
                median_time,
                window_probe,
                fill_region_for_days,
                {
                    "TODAY": TODAY,
                    "DAY": DAY,
                    "REGION": REGION,
                    "MODULES": MODULES,
                    "HOLDING": HOLDING,
                },
                repeat,
                process_repeat,
            )
            print_figures(figures, options.json)
            print()
            print("| operation | statements on PostgreSQL |")
            print("|---|---|")
            for name, count in counts:
                print(f"| {name} | {count} |")
            return 0 if all(figure.passed for figure in figures) else 1
        small = history_free_copy(big, folder, 1_000)
        big_url, small_url = f"sqlite:///{big}", f"sqlite:///{small}"

        with (
            open_workflows(big_url, TODAY, "bench") as api,
            open_workflows(small_url, TODAY, "bench") as small_api,
        ):
            booking = api.workflows.booking
            check = lambda: booking.check_availability(REGION, DAY, MODULES, 10)  # noqa: E731
            connection = raw_connection(big)
            answer = check()
            assert answer.success
            floor_answer = floor_availability(connection, REGION, DAY)
            availability = answer.to_dict()["availability"]
            assert isinstance(availability, dict)
            assert (floor_answer[1], floor_answer[2]) == (
                availability["freeSetups"],
                availability["operatorsAvailable"],
            ), "floor disagrees"

            measured = median_time(check, repeat)
            floor = median_time(lambda: floor_availability(connection, REGION, DAY), repeat)
            figures.append(
                Figure(
                    "checkAvailability (100,000 sessions)",
                    measured,
                    floor,
                    "ms",
                    "≤ 10 (aim ≤ 5)",
                    "one indexed sqlite3 query",
                    measured / floor <= 10,
                )
            )

            # Utilisation of a year, 13 regions: one aggregate query and arithmetic per day.
            year_first, year_last = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
            reports = api.workflows.reports
            report = reports.utilisation(year_first, year_last)
            assert len(report.rows) == 13, len(report.rows)
            floor_rows = connection.execute(
                FLOOR_UTILISATION, (year_first.isoformat(), year_last.isoformat())
            ).fetchall()
            assert sum(r[-1] for r in floor_rows if r[4] in HOLDING) == report.total.sessions
            measured = median_time(
                lambda: reports.utilisation(year_first, year_last), max(10, repeat // 3)
            )
            floor = median_time(
                lambda: connection.execute(
                    FLOOR_UTILISATION, (year_first.isoformat(), year_last.isoformat())
                ).fetchall(),
                max(10, repeat // 3),
            )
            figures.append(
                Figure(
                    "utilisation of a year, 13 regions (100,000 sessions)",
                    measured,
                    floor,
                    "ms",
                    "≤ 5",
                    "its one aggregate sqlite3 query",
                    measured / floor <= 5,
                )
            )

            month = median_time(
                lambda: api.workflows.queries.month_availability(REGION, 2026, 12), repeat
            )
            days = [dt.date(2026, 12, d).isoformat() for d in range(1, 32)]
            singles = median_time(
                lambda: [booking.check_availability(REGION, d, MODULES, 10) for d in days],
                max(5, repeat // 4),
            )
            figures.append(
                Figure(
                    "month of availability vs 31 checkAvailability",
                    month,
                    singles,
                    "ms",
                    "≥ 10× faster",
                    "31 single-day calls",
                    singles / month >= 10,
                    f"{singles / month:.1f}× faster",
                )
            )

            full = fill_region_for_days(big_url, 200)
            suggested = booking.get_suggested_dates(full, 5)
            floor_dates = [
                row[0]
                for row in connection.execute(FLOOR_SUGGESTIONS, (full, TODAY.isoformat(), 5))
            ]
            assert [d.isoformat() for d in suggested] == floor_dates, (suggested, floor_dates)  # type: ignore[union-attr]
            measured = median_time(lambda: booking.get_suggested_dates(full, 5), repeat)
            floor = median_time(
                lambda: connection.execute(
                    FLOOR_SUGGESTIONS, (full, TODAY.isoformat(), 5)
                ).fetchall(),
                repeat,
            )
            figures.append(
                Figure(
                    "getSuggestedDates, next 200 days full",
                    measured,
                    floor,
                    "ms",
                    "≤ 3",
                    "one recursive sqlite3 query",
                    measured / floor <= 3,
                )
            )

            counter = [0]
            measured = median_time(lambda: create_and_confirm(api.workflows), max(10, repeat // 2))
            floor = median_time(
                lambda: bare_create_and_confirm(connection, counter), max(10, repeat // 2)
            )
            figures.append(
                Figure(
                    "create + confirm",
                    measured,
                    floor,
                    "ms",
                    "≤ 15",
                    "the same rows with bare sqlite3",
                    measured / floor <= 15,
                )
            )

            small_check = median_time(
                lambda: small_api.booking.check_availability(REGION, DAY, MODULES, 10), repeat
            )
            big_check = median_time(check, repeat)
            figures.append(
                Figure(
                    "checkAvailability, 100,000 vs 1,000 sessions",
                    big_check,
                    small_check,
                    "ms",
                    "≤ 1.5",
                    "the same call on 1,000 sessions",
                    big_check / small_check <= 1.5,
                )
            )
            connection.close()

        measured, floor = pending_model_fill(big, max(5, repeat // 6))
        figures.append(
            Figure(
                "pending queue: table model with 10,000 bookings",
                measured,
                floor,
                "ms",
                "≤ 150 ms",
                "reading the 10,000 rows",
                measured <= 150,
            )
        )

        window_ms, window_mb = window_probe(big_url, process_repeat)
        bare_ms, bare_mb = window_probe("bare", process_repeat)
        figures.append(
            Figure(
                "cold start of the window (100,000 sessions)",
                window_ms,
                bare_ms,
                "ms",
                "≤ 1.5",
                "a bare PySide6 window",
                window_ms / bare_ms <= 1.5,
            )
        )
        figures.append(
            Figure(
                "peak memory of the window (100,000 sessions)",
                window_mb,
                bare_mb,
                "MB",
                "≤ 200 MB",
                "a bare PySide6 window",
                window_mb <= 200,
            )
        )

        script = Path(sys.executable).parent / "dst-desktop"
        entry = [str(script)] if script.exists() else [sys.executable, "-m", "dst_desktop"]
        cli = [
            *entry,
            "--database",
            big_url,
            "--today",
            TODAY.isoformat(),
            "call",
            "checkAvailability",
            REGION,
            DAY,
            json.dumps(MODULES),
            "10",
        ]
        measured = process_time(cli, process_repeat)
        floor = process_time([sys.executable, "-c", "import peewee"], process_repeat)
        figures.append(
            Figure(
                "`dst-desktop call checkAvailability` process",
                measured,
                floor,
                "ms",
                "≤ 2",
                "python -c 'import peewee'",
                measured / floor <= 2,
            )
        )

        frozen = frozen_executable()
        if frozen is None:
            print("No standalone build in dist/: `python3 packaging/build.py` for its figure.")
        else:
            with tempfile.TemporaryDirectory(prefix="dst-bench-home-") as home:
                bare = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"}
                measured = process_time([str(frozen), "--version"], process_repeat * 3, bare)
                floor = process_time(["/bin/true"], process_repeat * 3, bare)
            figures.append(
                Figure(
                    "standalone build: `dst-desktop --version` process",
                    measured,
                    floor,
                    "ms",
                    "≤ 1 s",
                    "/bin/true",
                    measured <= 1000,
                )
            )

        bookings = [
            {
                "id": f"sess_1_{n:05d}",
                "clientId": "client_acme_securite",
                "regionId": REGION,
                "date": (TODAY + dt.timedelta(days=1 + n % 150)).isoformat(),
                "moduleIds": MODULES,
                "requestedParticipants": 1 + n % 10,
                "capacityMax": 10,
                "status": "pending_confirmation",
                "bookingSource": "event",
                "createdAt": "2026-11-24T10:00:00Z",
                "sourceDevice": "laptop",
            }
            for n in range(10_000)
        ]
        bundle_path = folder / "event-bookings.json"
        snapshot_path = folder / "event-snapshot.json"
        with open_workflows(big_url, TODAY, "bench") as api:
            api.workflows.exchange.export_snapshot(snapshot_path, months=1, replace=True)
        snapshot = json.loads(snapshot_path.read_text("utf-8"))
        write_bundle(
            make_bundle(
                "bookings",
                {"bookings": bookings, "clients": []},
                "laptop",
                dt.datetime(2026, 11, 24, 18),
                snapshot["snapshotId"],
                bytes.fromhex(snapshot["content"]["signingKey"]),
            ),
            bundle_path,
            replace=True,
        )
        with open_workflows(big_url, TODAY, "bench") as api:
            start = time.perf_counter()
            import_report = api.workflows.exchange.import_bookings(bundle_path)
            measured = (time.perf_counter() - start) * 1000
            assert len(import_report.imported) == 10_000
        floor_db = folder / "floor.db"
        floor_connection = raw_connection(big)
        floor_connection.close()
        start = time.perf_counter()
        floor_connection = sqlite3.connect(floor_db)
        floor_connection.execute("CREATE TABLE s (id TEXT PRIMARY KEY, data TEXT)")
        with floor_connection:
            floor_connection.executemany(
                "INSERT INTO s VALUES (?, ?)",
                [
                    (b["id"], json.dumps(b))
                    for b in json.loads(bundle_path.read_text())["content"]["bookings"]
                ],
            )
        floor_connection.close()
        floor = (time.perf_counter() - start) * 1000
        figures.append(
            Figure(
                "import of 10,000 event bookings",
                measured,
                floor,
                "ms",
                "≤ 3 s",
                "reading the file and a bare sqlite3 insert",
                measured <= 3000,
            )
        )
        from tests.benchmarks.hardening import backup_figures, import_figures

        print("Reference import, backup and restore…", flush=True)
        figures.extend(import_figures(folder, big, TODAY, process_repeat, Figure))
        figures.extend(backup_figures(folder, big, TODAY, Figure))

    print_figures(figures, options.json)
    return 0 if all(figure.passed for figure in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
