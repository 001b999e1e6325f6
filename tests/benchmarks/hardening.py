"""Benchmark figures of issue 16: a reference import of 20,000 entries (its duration, how
long it holds the write lock, how long a colleague's booking waits meanwhile), and the
backup and restore of a database of 100,000 sessions."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dst_desktop.persistence.backup import backup_database, restore_database
from dst_desktop.persistence.store import PeeweeStore, PeeweeTransaction
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.reference import ReferenceData

ENTRIES = 20_000


def reference_entries(prefix: str) -> dict[str, list[dict[str, object]]]:
    """20,000 new entries: 20 regions, 500 setups and operators with days off, 80 modules,
    18,800 clients and 100 offers."""
    regions = [{"id": f"{prefix}_r{n}", "name": f"Region {prefix} {n}"} for n in range(20)]

    def resources(kind: str) -> list[dict[str, object]]:
        return [
            {
                "id": f"{prefix}_{kind}{n}",
                "name": f"{kind} {prefix} {n}",
                "regionId": f"{prefix}_r{n % 20}",
                "active": n % 17 != 0,
                "unavailableDates": ["2027-01-04", "2027-01-05"],
            }
            for n in range(500)
        ]

    return {
        "regions": regions,
        "setups": resources("s"),
        "operators": resources("o"),
        "modules": [
            {"id": f"{prefix}_m{n}", "name": f"Module {n}", "capacityMax": 8 + n % 10}
            for n in range(80)
        ],
        "clients": [
            {
                "id": f"{prefix}_c{n}",
                "name": f"Client {prefix} {n}",
                "email": f"desk{n}@client.example",
                "phone": "01 02 03 04 05",
            }
            for n in range(18_800)
        ],
        "offers": [{"id": f"{prefix}_f{n}", "name": f"Offer {n}"} for n in range(100)],
    }


class LockTimingStore:
    """A real store that notes how long each write transaction lasts."""

    def __init__(self, store: PeeweeStore) -> None:
        self.store = store
        self.writes: list[float] = []

    def reading(self) -> Any:
        return self.store.reading()

    @contextmanager
    def writing(self) -> Iterator[PeeweeTransaction]:
        start = time.perf_counter()
        try:
            with self.store.writing() as tx:
                yield tx
        finally:
            self.writes.append(time.perf_counter() - start)

    def close(self) -> None:
        self.store.close()

    @property
    def description(self) -> str:
        return self.store.description

    def __getattr__(self, name: str) -> Any:
        """Everything else of the store as it is (who is connected, the schema…)."""
        return getattr(self.store, name)


_COLLEAGUE = """
import datetime, json, sys, time
from dst_desktop.api import open_workflows
request = json.loads(sys.argv[2])
with open_workflows(sys.argv[1], today=datetime.date.fromisoformat(sys.argv[3])) as wf:
    print("ready", flush=True)
    waits = []
    while sys.stdin.readline().strip() == "go":
        start = time.perf_counter()
        result = wf.booking.create_session_booking(request)
        waits.append([start, time.perf_counter() - start, result["success"]])
        print("booked", flush=True)
    print(json.dumps(waits), flush=True)
"""


def colleague_bookings(
    url: str, today: dt.date, request: dict[str, object], during: Callable[[], None]
) -> tuple[list[float], list[float]]:
    """A colleague books one request after another in another process, before and while
    ``during`` runs: (waits before, waits while it ran), in seconds."""
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", _COLLEAGUE, url, json.dumps(request), today.isoformat()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=root,
    )
    assert process.stdin is not None and process.stdout is not None

    def book() -> None:
        process.stdin.write("go\n")  # type: ignore[union-attr]
        process.stdin.flush()  # type: ignore[union-attr]
        assert process.stdout.readline().strip() == "booked"  # type: ignore[union-attr]

    assert process.stdout.readline().strip() == "ready"
    for _ in range(20):
        book()
    finished = threading.Event()
    span: list[float] = []

    def run() -> None:
        span.append(time.perf_counter())
        during()
        span.append(time.perf_counter())
        finished.set()

    worker = threading.Thread(target=run)
    worker.start()
    while not finished.is_set():
        book()
    worker.join()
    process.stdin.write("stop\n")
    process.stdin.flush()
    waits = json.loads(process.stdout.readline())
    process.stdin.close()
    process.wait(timeout=60)
    process.stdout.close()
    if not all(success for _, _, success in waits):
        raise SystemExit("a colleague's booking failed during the import")
    before = [wait for start, wait, _ in waits[:20]]
    overlapping = [wait for start, wait, _ in waits[20:] if start + wait > span[0]]
    return before, overlapping


def _one_import(
    url: str, today: dt.date, run: int
) -> tuple[float, float, list[float], list[float]]:
    """(import seconds, write lock seconds, a colleague's waits before, waits during)."""
    data = reference_entries(f"bench{run}")
    store = PeeweeStore.open(url)
    timed = LockTimingStore(store)
    reference = ReferenceData(timed, BusinessDateClock(today), "bench")
    outcome: list[Any] = []
    took: list[float] = []

    def import_all() -> None:
        start = time.perf_counter()
        outcome.append(reference.import_reference(data))
        took.append(time.perf_counter() - start)
        store.close()  # this thread's connection

    request = {
        "clientId": "client_acme_securite",
        "regionId": "bretagne",
        "date": (today + dt.timedelta(days=200 + run)).isoformat(),
        "moduleIds": ["module_tir"],
        "requestedParticipants": 4,
    }
    before, during = colleague_bookings(url, today, request, import_all)
    store.close()
    result = outcome[0]
    assert getattr(result, "success", False), result
    assert sum(len(ids) for ids in result.added.values()) == ENTRIES
    assert len(timed.writes) == 1, timed.writes
    return took[0], timed.writes[0], before, during


def import_figures(
    folder: Path, big: Path, today: dt.date, repeat: int, figure: Callable[..., Any]
) -> list[Any]:
    """The import of 20,000 reference entries into the database of 100,000 sessions."""
    totals: list[float] = []
    locks: list[float] = []
    waits_before: list[float] = []
    waits_during: list[float] = []
    for run in range(repeat):
        # Each run imports into the same database: a copy of the 100,000 sessions.
        copy = folder / f"import-{run}.db"
        source = sqlite3.connect(big)
        target = sqlite3.connect(copy)
        source.backup(target)
        target.close()
        source.close()
        total, lock, before, during = _one_import(f"sqlite:///{copy}", today, run)
        totals.append(total)
        locks.append(lock)
        waits_before.extend(before)
        waits_during.extend(during)

    # Floor: the same rows with bare sqlite3, from the same JSON text, in one transaction.
    text = json.dumps(reference_entries("floor"))
    floor_db = folder / "reference-floor.db"
    start = time.perf_counter()
    connection = sqlite3.connect(floor_db)
    connection.execute("CREATE TABLE item (kind TEXT, id TEXT PRIMARY KEY, data TEXT)")
    with connection:
        connection.executemany(
            "INSERT INTO item VALUES (?, ?, ?)",
            [
                (kind, item["id"], json.dumps(item))
                for kind, items in json.loads(text).items()
                for item in items
            ],
        )
    connection.close()
    floor = (time.perf_counter() - start) * 1000
    total = statistics.median(totals) * 1000
    lock = statistics.median(locks) * 1000
    longest_wait = max(waits_during) * 1000 if waits_during else 0.0
    usual_wait = statistics.median(waits_before) * 1000
    return [
        figure(
            f"import of {ENTRIES:,} reference entries ({ENTRIES / (total / 1000):,.0f} a second)",
            total,
            floor,
            "ms",
            "≤ 2 s",
            "reading the file and a bare sqlite3 insert",
            total <= 2000,
        ),
        figure(
            "… of which the write lock is held",
            lock,
            floor,
            "ms",
            "≤ 1 s",
            "the same bare insert",
            lock <= 1000,
        ),
        figure(
            "a colleague's booking while that import runs (longest)",
            longest_wait,
            usual_wait,
            "ms",
            "≤ ~1 s",
            "the same booking with no import",
            longest_wait <= 1000,
        ),
    ]


def backup_figures(
    folder: Path, big: Path, today: dt.date, figure: Callable[..., Any]
) -> list[Any]:
    """``backup`` and ``restore`` of the database of 100,000 sessions."""
    url = f"sqlite:///{big}"
    target = folder / "backup.db"
    start = time.perf_counter()
    made = backup_database(url, target)
    backup_ms = (time.perf_counter() - start) * 1000
    assert made.sessions >= 100_000, made

    raw = folder / "raw-copy.db"
    start = time.perf_counter()
    source = sqlite3.connect(big)
    copy = sqlite3.connect(raw)
    source.backup(copy)
    copy.close()
    source.close()
    backup_floor = (time.perf_counter() - start) * 1000

    restored_db = folder / "restored.db"
    shutil.copyfile(big, restored_db)
    start = time.perf_counter()
    restored = restore_database(
        f"sqlite:///{restored_db}",
        target,
        keep_current_in=folder / "kept",
        actor="bench",
        now=dt.datetime.combine(today, dt.time(9)),
    )
    restore_ms = (time.perf_counter() - start) * 1000
    assert restored.sessions == made.sessions
    start = time.perf_counter()
    shutil.copyfile(target, folder / "plain-copy.db")
    restore_floor = (time.perf_counter() - start) * 1000
    return [
        figure(
            "backup of 100,000 sessions (copy + integrity check)",
            backup_ms,
            backup_floor,
            "ms",
            "≤ 10 s",
            "SQLite's online backup alone",
            backup_ms <= 10_000,
        ),
        figure(
            "restore of 100,000 sessions (check, keep current, write)",
            restore_ms,
            restore_floor,
            "ms",
            "≤ 15 s",
            "copying the backup file",
            restore_ms <= 15_000,
        ),
    ]
