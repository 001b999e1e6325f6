"""Fixtures shared by every test: a real database per test — a SQLite file, and a database
on a throw-away PostgreSQL server the suite starts itself — on a fixed business date.

Tests that take ``database_url`` (or a fixture built on it) run once per backend, with ids
``[sqlite]`` and ``[postgresql]``. Without PostgreSQL server binaries the PostgreSQL half is
skipped with the reason, except under ``CI=true``, where that is a failure (SPEC 8.3).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Qt runs without a display in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.postgres_server import PostgresServer, ServerUnavailableError

#: The seed's own "today": its examples book 2025-03-10 on 2025-02-20.
TODAY = dt.date(2025, 2, 20)
BOOKING_DAY = "2025-03-10"


def sample_reference() -> dict[str, object]:
    """Occitanie as in the seed (5 setups, 6 operators) and a small Bretagne."""
    return {
        "regions": [
            {"id": "occitanie", "name": "Occitanie"},
            {"id": "bretagne", "name": "Bretagne"},
        ],
        "setups": [
            *(
                {
                    "id": f"setup_occitanie_{n}",
                    "name": f"Setup Occitanie #{n}",
                    "regionId": "occitanie",
                }
                for n in range(1, 6)
            ),
            {"id": "setup_bretagne_1", "name": "Setup Bretagne #1", "regionId": "bretagne"},
            {
                "id": "setup_bretagne_2",
                "name": "Setup Bretagne #2",
                "regionId": "bretagne",
                "unavailableDates": ["2025-03-11"],
            },
        ],
        "operators": [
            *(
                {
                    "id": f"op_occitanie_{n}",
                    "name": f"Opérateur Occitanie {n}",
                    "regionId": "occitanie",
                }
                for n in range(1, 7)
            ),
            {"id": "op_bretagne_1", "name": "Opérateur Bretagne 1", "regionId": "bretagne"},
            {
                "id": "op_bretagne_2",
                "name": "Opérateur Bretagne 2",
                "regionId": "bretagne",
                "unavailableDates": ["2025-03-12"],
            },
        ],
        "modules": [
            {"id": "module_tir", "name": "Tir de précision", "capacityMax": 12},
            {"id": "module_scenario", "name": "Scénario tactique", "capacityMax": 16},
            {"id": "module_secourisme", "name": "Premiers secours", "capacityMax": 24},
        ],
        "clients": [
            {"id": "client_123", "name": "ACME", "email": "contact@acme.example", "phone": ""},
            {"id": "client_acme", "name": "ACME Sécurité", "email": "", "phone": ""},
        ],
        "offers": [{"id": "offer_456", "name": "Pack Pro"}],
    }


def booking_request(**overrides: object) -> dict[str, object]:
    """The seed's booking request, with fields replaced as a test needs."""
    request: dict[str, object] = {
        "clientId": "client_123",
        "regionId": "occitanie",
        "date": BOOKING_DAY,
        "moduleIds": ["module_tir", "module_scenario"],
        "requestedParticipants": 12,
        "offerId": "offer_456",
    }
    request.update(overrides)
    return {key: value for key, value in request.items() if value is not None}


Dump = dict[str, list[tuple[object, ...]]]


class DatabaseReader:
    """Reads a database with the plain driver of its backend, never through the store:
    what a failed call must leave untouched is checked by something else than the code
    under test. ``target`` is a database URL (either backend) or a SQLite file's path."""

    def __init__(self, target: str | Path) -> None:
        text = str(target)
        self._connection: Any
        if text.startswith(("postgresql:", "postgres:")):
            import psycopg

            self._connection = psycopg.connect(text, autocommit=True)
            self._tables_sql = (
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                " ORDER BY tablename"
            )
        else:
            path = text.removeprefix("sqlite:///") if text.startswith("sqlite:") else text
            self._connection = sqlite3.connect(path, isolation_level=None)
            self._tables_sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        return [tuple(row) for row in self._connection.execute(sql).fetchall()]

    def execute(self, sql: str) -> None:
        """Run one statement, committed at once (both connections are in autocommit)."""
        self._connection.execute(sql)

    def dump(self) -> Dump:
        """Every row of every table, in a stable order."""
        tables = [name for (name,) in self.rows(self._tables_sql)]
        return {table: sorted(self.rows(f'SELECT * FROM "{table}"'), key=repr) for table in tables}

    def close(self) -> None:
        self._connection.close()


def run_cli(url: str, *args: str) -> tuple[int, str, str]:
    """``dst-desktop --database URL --today TODAY ARGS…`` in this process: the exit status,
    standard output and standard error."""
    from dst_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["--database", url, "--today", TODAY.isoformat(), *args], out, err)
    return code, out.getvalue(), err.getvalue()


def generated_data(url: str, tmp_path: Path, sessions: int) -> str:
    """The sample reference data and ``sessions`` generated sessions (a tenth pending)."""
    reference = tmp_path / "reference.json"
    reference.write_text(json.dumps(sample_reference()), encoding="utf-8")
    assert run_cli(url, "import-reference", str(reference))[0] == 0
    code, _, err = run_cli(
        url, "generate-data", "--sessions", str(sessions), "--pending", str(sessions // 10)
    )
    assert code == 0, err
    return url


def database_file(url: str) -> Path:
    """The SQLite file behind ``url``; a team database has none (the test is skipped)."""
    if not url.startswith("sqlite:"):
        pytest.skip("a team database is no file")
    return Path(url.removeprefix("sqlite:///"))


def database_dump(target: str | Path) -> Dump:
    """Every row of every table of a database (see :class:`DatabaseReader`)."""
    reader = DatabaseReader(target)
    try:
        return reader.dump()
    finally:
        reader.close()


def query_rows(target: str | Path, sql: str) -> list[tuple[object, ...]]:
    """The rows of one query, read with the plain driver of either backend."""
    reader = DatabaseReader(target)
    try:
        return reader.rows(sql)
    finally:
        reader.close()


def shown_database(url: str) -> str:
    """How the window names a test database: the file, or USER@HOST/DBNAME (no password)."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    database = url.rsplit("/", 1)[1]
    return f"postgres@127.0.0.1/{database}"


@pytest.fixture(scope="session", autouse=True)
def one_qt_application(request: pytest.FixtureRequest) -> None:
    """pytest-qt's QApplication from the start, whatever order the tests run in: a printing
    command run in-process would otherwise make a plain QGuiApplication first, which the
    window's tests cannot use."""
    request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own user data folder (logs, offline copies), never the user's."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throw-away PostgreSQL cluster for the whole run, started on first use (or the
    one a mutation run shares between its test runs, left running)."""
    if os.environ.get("DST_TEST_POSTGRESQL") == "skip":
        pytest.skip("the PostgreSQL half is left out of this run (DST_TEST_POSTGRESQL=skip)")
    shared = PostgresServer.shared()
    if shared is not None:
        yield shared
        return
    try:
        server = PostgresServer.create()
    except ServerUnavailableError as error:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"CI must test PostgreSQL too: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The backend a test runs on: every test using a database runs on both."""
    return str(request.param)


DatabaseFactory = Callable[[str], str]


@pytest.fixture
def new_database_url(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[DatabaseFactory]:
    """Makes empty databases on this test's backend: ``new_database_url("office")``."""
    made: list[str] = []
    server: PostgresServer | None = (
        request.getfixturevalue("postgres_server") if backend == "postgresql" else None
    )

    def make(name: str) -> str:
        if server is None:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        database = server.new_database(name)
        made.append(database)
        return server.url(database)

    yield make
    for database in made:
        assert server is not None
        server.drop_database(database)


@pytest.fixture
def database_url(new_database_url: DatabaseFactory) -> str:
    return new_database_url("bookings")


@pytest.fixture
def empty_store(database_url: str) -> Iterator[PeeweeStore]:
    store = PeeweeStore.open(database_url)
    yield store
    store.close()


@pytest.fixture
def workflows(empty_store: PeeweeStore) -> Workflows:
    """Workflows on a database holding :func:`sample_reference`, on :data:`TODAY`."""
    workflows = Workflows.create(empty_store, BusinessDateClock(TODAY), "tester")
    imported = workflows.reference.import_reference(sample_reference())
    assert imported.success, imported
    return workflows
