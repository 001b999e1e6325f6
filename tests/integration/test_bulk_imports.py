"""Reference imports in bulk (issue 16, item 1): the whole file is checked first, then
written in one short transaction whose statements do not grow with the entries; input
files are bounded, pipes and devices refused, a byte order mark accepted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from dst_desktop.domain.permissions import Access
from dst_desktop.persistence.store import PeeweeStore, PeeweeTransaction
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.input_files import MAX_REFERENCE_FILE_BYTES
from dst_desktop.services.reference import MAX_REFERENCE_ENTRIES, ReferenceData
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, database_dump, run_cli, sample_reference


def many_entries(clients: int, *, prefix: str = "client") -> dict[str, object]:
    """Reference data with ``clients`` clients and a region, setup and operator per 100."""
    regions = max(1, clients // 1000)
    return {
        "regions": [{"id": f"{prefix}_r{n}", "name": f"Region {n}"} for n in range(regions)],
        "setups": [
            {
                "id": f"{prefix}_s{n}",
                "name": f"Setup {n}",
                "regionId": f"{prefix}_r{n % regions}",
                "unavailableDates": ["2025-03-12", "2025-04-01"],
            }
            for n in range(clients // 100)
        ],
        "operators": [
            {
                "id": f"{prefix}_o{n}",
                "name": f"Operator {n}",
                "regionId": f"{prefix}_r{n % regions}",
                "unavailableDates": ["2025-03-13"],
            }
            for n in range(clients // 100)
        ],
        "clients": [
            {"id": f"{prefix}_{n}", "name": f"Client {n}", "email": f"c{n}@example.org"}
            for n in range(clients)
        ],
    }


class WriteCountingStore:
    """A real store that counts the write transactions a workflow opens."""

    def __init__(self, store: PeeweeStore) -> None:
        self.store = store
        self.writes = 0

    def reading(self) -> AbstractContextManager[PeeweeTransaction]:
        return self.store.reading()

    def writing(self) -> AbstractContextManager[PeeweeTransaction]:
        self.writes += 1
        return self.store.writing()

    def access(self) -> Access:
        return self.store.access()

    def close(self) -> None:
        self.store.close()

    @property
    def description(self) -> str:
        return self.store.description


@pytest.fixture
def store(database_url: str) -> Iterator[PeeweeStore]:
    opened = PeeweeStore.open(database_url)
    yield opened
    opened.close()


def statements_of_import(store: PeeweeStore, data: dict[str, object]) -> tuple[int, int]:
    """(write transactions, statements) of one import of ``data``."""
    counting = WriteCountingStore(store)
    reference = ReferenceData(counting, BusinessDateClock(TODAY), "tester")
    with store.counting_statements() as statements:
        result = reference.import_reference(data)
    assert result.success, result
    return counting.writes, len(statements)


def test_an_import_takes_the_write_lock_once_whatever_its_size(store: PeeweeStore) -> None:
    statements_of_import(store, many_entries(100, prefix="first"))  # the cache is warm
    small = statements_of_import(store, many_entries(100, prefix="small"))
    large = statements_of_import(store, many_entries(5000, prefix="large"))

    assert small[0] == large[0] == 1
    # The same statements for 5,000 clients as for 100: nothing is written entry by entry.
    assert large[1] == small[1]


def test_a_reimport_changes_only_what_differs(store: PeeweeStore, database_url: str) -> None:
    data = many_entries(2000)
    statements_of_import(store, data)
    clients = data["clients"]
    setups = data["setups"]
    assert isinstance(clients, list) and isinstance(setups, list)
    clients[5]["phone"] = "+33 1 02 03 04 05"
    setups[3]["unavailableDates"] = ["2025-03-12", "2025-05-01"]
    setups[4]["active"] = False

    reference = ReferenceData(store, BusinessDateClock(TODAY), "tester")
    result = reference.import_reference(data).to_dict()

    assert result["updated"] == {"setups": ["client_s3", "client_s4"], "clients": ["client_5"]}
    assert result["added"] == {}
    dump = database_dump(database_url)
    days = {(owner, str(day)) for owner, day in dump["setup_unavailable_date"]}
    assert ("client_s3", "2025-05-01") in days
    assert ("client_s3", "2025-04-01") not in days
    assert ("client_s4", "2025-04-01") in days
    phones = {row[0]: row[3] for row in dump["client"]}
    assert phones["client_5"] == "+33 1 02 03 04 05"


def test_too_many_entries_are_refused_before_anything_is_written(
    workflows: Workflows, database_url: str
) -> None:
    before = database_dump(database_url)
    data = {
        "offers": [{"id": f"offer_{n}", "name": "Offer"} for n in range(MAX_REFERENCE_ENTRIES + 1)]
    }

    result = workflows.reference.import_reference(data).to_dict()

    assert result["success"] is False
    assert f"at most {MAX_REFERENCE_ENTRIES}" in str(result["message"])
    assert database_dump(database_url) == before


# -- the file itself ------------------------------------------------------------------------


def test_a_byte_order_mark_is_accepted(database_url: str, tmp_path: Path) -> None:
    file = tmp_path / "reference.json"
    file.write_text("\ufeff" + json.dumps(sample_reference()), encoding="utf-8")

    code, out, err = run_cli(database_url, "import-reference", str(file))

    assert (code, err) == (0, "")
    assert "Reference data imported" in out


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    database_url: str, tmp_path: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    pipe = tmp_path / "reference.json"
    os.mkfifo(pipe)

    code, _, err = run_cli(database_url, "import-reference", str(pipe))

    assert code == 1
    assert "is not a regular file" in err


def test_a_device_is_refused_before_it_is_read(database_url: str) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this platform")

    code, _, err = run_cli(database_url, "import-reference", "/dev/zero")

    assert code == 1
    assert "/dev/zero is not a regular file" in err


def test_a_file_larger_than_any_reference_file_is_refused(
    database_url: str, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:  # sparse: no disk space used
        stream.truncate(MAX_REFERENCE_FILE_BYTES + 1)

    code, _, err = run_cli(database_url, "import-reference", str(huge))

    assert code == 1
    assert f"is larger than {MAX_REFERENCE_FILE_BYTES // (1024 * 1024)} MB" in err


# -- another workstation books meanwhile ----------------------------------------------------

_BOOKING_LOOP = """
import datetime, json, sys, time
from dst_desktop.api import open_workflows

request = json.loads(sys.argv[2])
with open_workflows(sys.argv[1], today=datetime.date(2025, 2, 20)) as wf:
    calls = []
    print("ready", flush=True)
    while sys.stdin.readline().strip() == "go":
        started = time.monotonic()
        result = wf.booking.create_session_booking(request)
        calls.append([started, time.monotonic(), result["success"], result.get("message")])
        print("booked", flush=True)
    print(json.dumps(calls), flush=True)
"""


@pytest.mark.slow
def test_a_colleague_books_while_a_large_import_runs(
    store: PeeweeStore, database_url: str, record_property: pytest.RecordProperty
) -> None:
    """The colleague's bookings all go through while 20,000 entries are imported.

    The booking loop runs from before the import starts until after it ends, so some of
    its calls overlap it; their longest wait is recorded, not asserted (the benchmark
    measures it against its target).
    """
    reference = ReferenceData(store, BusinessDateClock(TODAY), "tester")
    assert reference.import_reference(sample_reference()).success
    data = many_entries(20_000 - 4 * (20_000 // 100))
    request = json.dumps(
        {
            "clientId": "client_123",
            "regionId": "occitanie",
            "date": "2025-03-10",
            "moduleIds": ["module_tir"],
            "requestedParticipants": 5,
        }
    )
    colleague = subprocess.Popen(
        [sys.executable, "-c", _BOOKING_LOOP, database_url, request],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert colleague.stdin is not None and colleague.stdout is not None
    try:
        assert colleague.stdout.readline().strip() == "ready"
        colleague.stdin.write("go\n")
        colleague.stdin.flush()
        assert colleague.stdout.readline().strip() == "booked"  # the loop runs
        finished = threading.Event()
        span: list[float] = []
        outcome: list[bool] = []

        def import_everything() -> None:
            try:
                span.append(time.monotonic())
                outcome.append(reference.import_reference(data).success)
                span.append(time.monotonic())
            finally:
                store.close()  # this thread's connection
                finished.set()

        importer = threading.Thread(target=import_everything)
        importer.start()
        while True:  # one booking after another until the import has ended
            colleague.stdin.write("go\n")
            colleague.stdin.flush()
            assert colleague.stdout.readline().strip() == "booked"
            if finished.is_set():
                break
        importer.join()
        colleague.stdin.write("stop\n")
        colleague.stdin.flush()
        calls = json.loads(colleague.stdout.readline())
    finally:
        colleague.stdin.close()
        colleague.wait(timeout=60)
        colleague.stdout.close()
    assert outcome == [True]
    assert len(span) == 2
    during = [call for call in calls if call[0] < span[1] and call[1] > span[0]]
    assert during, "no booking overlapped the import"
    assert all(call[2] for call in calls), [call[3] for call in calls if not call[2]]
    longest = max(call[1] - call[0] for call in during)
    record_property("import_seconds", round(span[1] - span[0], 3))
    record_property("longest_booking_during_import_seconds", round(longest, 3))
