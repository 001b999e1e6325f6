"""How fast an open window shows a colleague's change, and what an idle window costs.

    python tests/benchmarks/live_refresh.py [--pending 10000] [--idle 60]

On each backend (a SQLite file, and a throw-away local PostgreSQL server) a window is
opened offscreen on a database with ``--pending`` bookings waiting; another connection
(a colleague) creates and confirms bookings, and the time from the colleague's commit to
the row appearing in, or leaving, the window's queue is measured. Then the window sits
idle for ``--idle`` seconds: the process's CPU time and the statements it sent are the
cost of following the others. A script, not a test: no wall-clock limit lives in the
suite.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A benchmark never writes into the user's own folders: the windows it opens keep their
# settings, logs and offline copies in throw-away ones (platformdirs and Qt follow XDG).
for _folder in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
    os.environ[_folder] = tempfile.mkdtemp(prefix="dst-bench-")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from dst_desktop.api import open_workflows  # noqa: E402
from dst_desktop.app import create_main_window  # noqa: E402
from dst_desktop.cli import main as cli_main  # noqa: E402
from dst_desktop.persistence.copy import copy_database  # noqa: E402
from dst_desktop.persistence.store import PeeweeStore  # noqa: E402
from dst_desktop.services.offline import FallbackStore  # noqa: E402
from dst_desktop.ui.garbage import collect_on_gui_thread  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402
from tests.unit.presenters.fakes import FakeDialogs  # noqa: E402

TODAY = "2026-11-25"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def wait_until(app: QApplication, condition: object, timeout: float = 10.0) -> float:
    """Seconds until ``condition()`` holds, processing events meanwhile."""
    start = time.perf_counter()
    while not condition():  # type: ignore[operator]
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the window did not follow")
        time.sleep(0.001)
    return time.perf_counter() - start


def measure(url: str, app: QApplication, rounds: int, idle: float) -> dict[str, float]:
    import datetime as dt

    window = create_main_window(url, dt.date.fromisoformat(TODAY), dialogs=FakeDialogs())
    window.resize(1366, 768)
    window.show()
    wait_until(app, lambda: window.change_follower.following)
    model = window.queue_panel.table.model_
    pending = model.rowCount()
    appear, leave = [], []
    actor = None if url.startswith("postgresql:") else "colleague"  # PostgreSQL: the login
    with open_workflows(url, dt.date.fromisoformat(TODAY), actor) as colleague:
        booking = colleague.workflows.booking
        free = booking.get_suggested_dates("bretagne", rounds)
        for day in free:  # type: ignore[union-attr]
            created = booking.create_session_booking(
                {
                    "clientId": "client_acme_securite",
                    "regionId": "bretagne",
                    "date": day.isoformat(),
                    "moduleIds": ["module_tir"],
                    "requestedParticipants": 4,
                }
            )
            session_id = created.session.id  # type: ignore[union-attr]
            appear.append(wait_until(app, lambda: model.rowCount() == pending + 1))
            booking.confirm_session_booking(session_id)
            leave.append(wait_until(app, lambda: model.rowCount() == pending))
    store = window.workflows.store  # on PostgreSQL, the server behind the offline copy
    assert isinstance(store, PeeweeStore | FallbackStore)
    reloads = window.presenter.live.reloads
    start_cpu, start = cpu_seconds(), time.perf_counter()
    with store.counting_statements() as sent:
        while time.perf_counter() - start < idle:
            app.processEvents()
            time.sleep(0.02)  # an idle event loop; the socket or timer wakes the window
    elapsed = time.perf_counter() - start
    used = cpu_seconds() - start_cpu
    idle_reloads = window.presenter.live.reloads - reloads
    window.close()
    window.deleteLater()
    app.processEvents()
    return {
        "pending": pending,
        "appear_ms": statistics.median(appear) * 1000,
        "appear_max_ms": max(appear) * 1000,
        "leave_ms": statistics.median(leave) * 1000,
        "leave_max_ms": max(leave) * 1000,
        "idle_cpu_percent": 100 * used / elapsed,
        "idle_statements_per_minute": len(sent) * 60 / elapsed,
        "idle_reloads": idle_reloads,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pending", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--idle", type=float, default=60.0)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    collect_on_gui_thread(app)
    with tempfile.TemporaryDirectory(prefix="dst-live-") as folder:
        sqlite_url = f"sqlite:///{Path(folder) / 'live.db'}"
        code = cli_main(
            [
                "--database",
                sqlite_url,
                "--today",
                TODAY,
                "generate-data",
                "--sessions",
                str(options.pending + 2_000),
                "--pending",
                str(options.pending),
            ],
            io.StringIO(),
            sys.stderr,
        )
        assert code == 0
        server = PostgresServer.create()
        try:
            postgres_url = server.url(server.new_database("live"))
            copy_database(sqlite_url, postgres_url)
            results = {
                "SQLite": measure(sqlite_url, app, options.rounds, options.idle),
                "PostgreSQL": measure(postgres_url, app, options.rounds, options.idle),
            }
        finally:
            server.remove()
    print()
    print("| | SQLite | PostgreSQL |")
    print("|---|---|---|")
    rows = [
        ("bookings waiting in the queue", "pending", "{:.0f}"),
        ("a colleague's new booking shows (median)", "appear_ms", "{:.0f} ms"),
        ("… slowest of the rounds", "appear_max_ms", "{:.0f} ms"),
        ("a colleague's confirmation takes the row away (median)", "leave_ms", "{:.0f} ms"),
        ("… slowest of the rounds", "leave_max_ms", "{:.0f} ms"),
        ("idle window: CPU", "idle_cpu_percent", "{:.2f} %"),
        (
            "idle window: statements per minute (the store's)",
            "idle_statements_per_minute",
            "{:.0f}",
        ),
        ("idle window: reloads", "idle_reloads", "{:.0f}"),
    ]
    for label, key, shape in rows:
        print(
            f"| {label} | {shape.format(results['SQLite'][key])} | "
            f"{shape.format(results['PostgreSQL'][key])} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
