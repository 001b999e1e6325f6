"""Opening databases: a new one is created, an older one upgraded, a newer one refused —
on a SQLite file and on a PostgreSQL server alike."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dst_desktop.domain.errors import SchemaVersionError, StorageError
from dst_desktop.persistence import schema
from dst_desktop.persistence.database import open_backend
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import DatabaseReader, database_dump, query_rows, sample_reference
from tests.postgres_server import PostgresServer


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql:")


def stored_version(url: str) -> int:
    sql = "SELECT version FROM schema_version" if is_postgres(url) else "PRAGMA user_version"
    return int(query_rows(url, sql)[0][0])  # type: ignore[call-overload]


def set_stored_version(url: str, version: int) -> None:
    reader = DatabaseReader(url)
    try:
        if is_postgres(url):
            reader.execute(f"UPDATE schema_version SET version = {version}")
        else:
            reader.execute(f"PRAGMA user_version = {version}")
    finally:
        reader.close()


def execute(url: str, *statements: str) -> None:
    reader = DatabaseReader(url)
    try:
        for statement in statements:
            reader.execute(statement)
    finally:
        reader.close()


def test_a_new_database_gets_the_current_schema(database_url: str) -> None:
    PeeweeStore.open(database_url).close()
    assert stored_version(database_url) == schema.SCHEMA_VERSION


def test_a_new_sqlite_file_is_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    PeeweeStore.open(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_opening_twice_keeps_the_data(database_url: str) -> None:
    store = PeeweeStore.open(database_url)
    with store.writing() as tx:
        tx.set_setting("greeting", "bonjour")
    store.close()
    again = PeeweeStore.open(database_url)
    with again.reading() as tx:
        assert tx.setting("greeting") == "bonjour"
    again.close()


def test_a_newer_database_is_refused_with_a_clear_message(database_url: str) -> None:
    PeeweeStore.open(database_url).close()
    set_stored_version(database_url, schema.SCHEMA_VERSION + 1)

    with pytest.raises(SchemaVersionError, match="newer DST Desktop") as caught:
        PeeweeStore.open(database_url)
    assert f"schema version {schema.SCHEMA_VERSION + 1}" in str(caught.value)


def test_a_foreign_database_is_refused(database_url: str) -> None:
    execute(database_url, "CREATE TABLE recipes (name TEXT)")

    with pytest.raises(SchemaVersionError, match="not a DST Desktop database"):
        PeeweeStore.open(database_url)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not SQLite\n" * 100)
    with pytest.raises(StorageError, match="cannot be used"):
        PeeweeStore.open(f"sqlite:///{path}")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://db/bookings", "unsupported database URL"),
        ("sqlite:///", "names no file"),
        ("sqlite:///:memory:", "names no file"),
        ("sqlite://server/bookings.db", "has no host"),
        ("postgresql://alice@db.office", "names no database"),
        ("postgresql://alice@db.office:99999/dst", "port is not a number"),
        ("postgresql://alice@db.office:port/dst", "port is not a number"),
        ("postgresql://alice@db.office/dst?sslmode=always", "sslmode 'always'"),
        ("postgresql://alice@db.office/dst?colour=red", "unknown connection parameter 'colour'"),
        ("postgresql://alice@db.office/dst\n", "control characters"),
        ("postgres://alice@db.office/" + "d" * 3000, "characters long"),
    ],
)
def test_bad_urls_are_explained(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        open_backend(url).connect()


def test_a_bad_url_never_repeats_its_password() -> None:
    with pytest.raises(StorageError) as caught:
        open_backend("postgresql://alice:s3cret-pw@db.office:70000/dst").connect()
    assert "s3cret-pw" not in str(caught.value)
    with pytest.raises(StorageError) as caught:
        open_backend("mysql://alice:s3cret-pw@db.office/dst").connect()
    assert "s3cret-pw" not in str(caught.value)


def test_a_postgres_url_is_described_without_its_password() -> None:
    backend = open_backend("postgres://alice:s3cret@db.office:5433/dst?sslmode=require")
    assert backend.description == "alice@db.office/dst"
    assert "s3cret" not in repr(backend.__dict__)


def test_a_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_backend(f"sqlite:///{tmp_path / 'nowhere' / 'bookings.db'}").connect()


def test_every_older_version_upgrades_in_place(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration runs once, in order, and leaves the current version behind."""
    PeeweeStore.open(database_url).close()
    ran: list[int] = []
    target = schema.SCHEMA_VERSION + 2
    migrations = dict(schema.MIGRATIONS)
    for version in (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION + 1):
        migrations[version] = lambda db, backend, v=version: ran.append(v)  # type: ignore[misc]
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", target)

    PeeweeStore.open(database_url).close()

    assert ran == [target - 2, target - 1]
    assert stored_version(database_url) == target


def test_a_failed_upgrade_leaves_the_old_schema(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    PeeweeStore.open(database_url).close()

    def failing_migration(db: object, backend: object) -> None:
        db.execute_sql("CREATE TABLE half_done (x INTEGER)")  # type: ignore[attr-defined]
        raise RuntimeError("the upgrade broke half-way")

    monkeypatch.setattr(schema, "MIGRATIONS", {schema.SCHEMA_VERSION: failing_migration})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)

    with pytest.raises(RuntimeError, match="half-way"):
        PeeweeStore.open(database_url)
    assert stored_version(database_url) == schema.SCHEMA_VERSION - 1
    assert "half_done" not in database_dump(database_url)


def test_the_database_refuses_a_double_allocation_by_itself(database_url: str) -> None:
    """Even a program that bypasses the workflows cannot hold a setup or an operator twice
    on a date; a cancelled session holds nothing."""
    store = PeeweeStore.open(database_url)
    workflows = Workflows.create(store, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    workflows.reference.import_reference(sample_reference())
    store.close()

    def insert(session_id: str, status: str, setup: str | None, operator: str | None) -> None:
        values = ", ".join(
            "NULL" if value is None else f"'{value}'"
            for value in (session_id, status, setup, operator)
        )
        execute(
            database_url,
            "INSERT INTO session (id, status, setup_id, operator_id, client_id, region_id, date,"
            " requested_participants, capacity_max, booking_source, notes, created_at)"
            f" VALUES ({values}, 'client_123', 'occitanie', '2025-03-10', 5, 12, 'x', '',"
            " '2025-02-20 10:00:00')",
        )

    insert("a", "confirmed", "setup_occitanie_1", "op_occitanie_1")
    refused = (sqlite3.IntegrityError, _psycopg_error("IntegrityError"))
    with pytest.raises(refused, match=r"setup_id|setup_held_once_per_day"):
        insert("b", "scheduled", "setup_occitanie_1", "op_occitanie_2")
    with pytest.raises(refused, match=r"operator_id|operator_held_once_per_day"):
        insert("c", "in_progress", "setup_occitanie_2", "op_occitanie_1")
    with pytest.raises(refused, match=r"operator_id|operator_held_once_per_day"):
        insert("c", "completed", "setup_occitanie_2", "op_occitanie_1")
    with pytest.raises(refused, match=r"CHECK|check constraint"):
        insert("d", "confirmed", None, None)
    insert("e", "cancelled", "setup_occitanie_1", "op_occitanie_1")
    insert("f", "pending_confirmation", "setup_occitanie_1", "op_occitanie_1")
    assert sorted(row[0] for row in query_rows(database_url, "SELECT id FROM session")) == [
        "a",
        "e",
        "f",
    ]


def _psycopg_error(name: str) -> type[BaseException]:
    import psycopg

    error: type[BaseException] = getattr(psycopg, name)
    return error


# -- SQLite history ---------------------------------------------------------------------


def test_a_version_1_database_gains_the_event_device_column(tmp_path: Path) -> None:
    """A database from before event mode opens, keeps its bookings and can take event ones."""
    path = tmp_path / "v1.db"
    store = PeeweeStore.open(f"sqlite:///{path}")
    workflows = Workflows.create(store, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    workflows.reference.import_reference(sample_reference())
    created = workflows.booking.create_session_booking(
        {
            "clientId": "client_123",
            "regionId": "occitanie",
            "date": "2025-03-10",
            "moduleIds": ["module_tir"],
            "requestedParticipants": 4,
            "notes": "Accès par l'ÉCOLE",
        }
    ).to_dict()
    store.close()
    connection = sqlite3.connect(path)
    for column in VERSION_5_COLUMNS:
        connection.execute(f'ALTER TABLE "session" DROP COLUMN "{column}"')
    connection.execute('ALTER TABLE "session" DROP COLUMN "notes_key"')
    connection.execute('ALTER TABLE "client" DROP COLUMN "name_key"')
    connection.execute('ALTER TABLE "session" DROP COLUMN "source_device"')
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    upgraded = PeeweeStore.open(f"sqlite:///{path}")
    workflows = Workflows.create(upgraded, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    status = workflows.booking.get_booking_status(created["sessionId"]).to_dict()
    from dst_desktop.domain.model import SessionFilter

    found_by_notes = workflows.queries.sessions(SessionFilter(text="ecole"))
    found_by_client = workflows.queries.sessions(SessionFilter(text="acme"))
    upgraded.close()

    assert status["success"] is True
    assert status["session"]["sourceDevice"] is None  # type: ignore[index]
    assert [s.id for s in found_by_notes] == [created["sessionId"]]
    assert [s.id for s in found_by_client] == [created["sessionId"]]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    columns = [row[1] for row in connection.execute('PRAGMA table_info("session")')]
    connection.close()
    assert "source_device" in columns


#: The columns version 5 added (changes after booking).
VERSION_5_COLUMNS = ("previous_session_id", "attended_participants", "completion_notes")


def test_a_version_4_database_upgrades_and_keeps_its_bookings(database_url: str) -> None:
    store = PeeweeStore.open(database_url)
    workflows = Workflows.create(store, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    workflows.reference.import_reference(sample_reference())
    created = workflows.booking.create_session_booking(
        {
            "clientId": "client_123",
            "regionId": "occitanie",
            "date": "2025-03-10",
            "moduleIds": ["module_tir"],
            "requestedParticipants": 4,
        }
    ).to_dict()
    confirmed = workflows.booking.confirm_session_booking(created["sessionId"]).to_dict()
    store.close()
    execute(
        database_url,
        *(f'ALTER TABLE "session" DROP COLUMN "{column}"' for column in VERSION_5_COLUMNS),
    )
    set_stored_version(database_url, 4)

    upgraded = PeeweeStore.open(database_url)
    workflows = Workflows.create(upgraded, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    status = workflows.booking.get_booking_status(created["sessionId"]).to_dict()
    moved = workflows.booking_changes.reschedule_session(created["sessionId"], "2025-03-12")
    upgraded.close()

    assert stored_version(database_url) == schema.SCHEMA_VERSION
    session = status["session"]
    assert isinstance(session, dict)
    assert session["setupIds"] == [confirmed["allocatedSetupId"]]
    assert session["previousSessionId"] is None
    assert session["attendedParticipants"] is None
    assert session["completionNotes"] == ""
    assert moved.success, moved


def schema_of(path: Path) -> dict[str, object]:
    """Tables (columns with type, not null, default, key) and indexes of a SQLite file."""
    connection = sqlite3.connect(path)
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    found: dict[str, object] = {
        table: connection.execute(f'PRAGMA table_info("{table}")').fetchall() for table in tables
    }
    found["indexes"] = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()
    found["triggers"] = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    connection.close()
    return found


def test_a_version_2_database_upgrades_to_exactly_the_schema_of_a_new_one(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    PeeweeStore.open(f"sqlite:///{new}").close()
    old = tmp_path / "v2.db"
    PeeweeStore.open(f"sqlite:///{old}").close()
    connection = sqlite3.connect(old)
    connection.execute('DROP INDEX "session_status_date_setup_id_operator_id"')
    connection.execute('CREATE INDEX "session_status_date" ON "session" ("status", "date")')
    for column in VERSION_5_COLUMNS:
        connection.execute(f'ALTER TABLE "session" DROP COLUMN "{column}"')
    connection.execute('ALTER TABLE "session" DROP COLUMN "notes_key"')
    connection.execute('ALTER TABLE "client" DROP COLUMN "name_key"')
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()

    PeeweeStore.open(f"sqlite:///{old}").close()

    assert schema_of(old) == schema_of(new)


# -- PostgreSQL specifics ---------------------------------------------------------------


def test_postgres_text_compares_byte_by_byte_as_sqlite(postgres_server: PostgresServer) -> None:
    """Session ids order the same on both backends, whatever the server's locale."""
    name = postgres_server.new_database("collation")
    url = postgres_server.url(name)
    PeeweeStore.open(url).close()
    rows = query_rows(
        url,
        "SELECT collation_name FROM information_schema.columns"
        " WHERE table_name = 'session' AND column_name = 'id'",
    )
    assert rows == [("C",)]
    postgres_server.drop_database(name)


def test_a_login_that_may_not_create_the_schema_is_told_to_ask_for_init(
    postgres_server: PostgresServer,
) -> None:
    postgres_server.psql("DROP ROLE IF EXISTS clerk; CREATE ROLE clerk LOGIN PASSWORD 'clerk-pw'")
    name = postgres_server.new_database("noright")
    postgres_server.psql("REVOKE CREATE ON SCHEMA public FROM PUBLIC", database=name)
    url = postgres_server.url(name, user="clerk", password="clerk-pw")

    with pytest.raises(
        SchemaVersionError, match="ask your administrator to run `dst-desktop init`"
    ):
        PeeweeStore.open(url)
    postgres_server.drop_database(name)


def test_an_old_schema_opened_without_the_right_to_upgrade_asks_for_init(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    postgres_server.psql("DROP ROLE IF EXISTS reader; CREATE ROLE reader LOGIN PASSWORD 'r-pw'")
    name = postgres_server.new_database("oldschema")
    PeeweeStore.open(postgres_server.url(name)).close()
    postgres_server.psql(
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader; "
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        database=name,
    )

    def add_column(db: object, backend: object) -> None:
        db.execute_sql('ALTER TABLE "session" ADD COLUMN "extra" TEXT')  # type: ignore[attr-defined]

    monkeypatch.setattr(schema, "MIGRATIONS", {schema.SCHEMA_VERSION: add_column})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)

    with pytest.raises(SchemaVersionError) as caught:
        PeeweeStore.open(postgres_server.url(name, user="reader", password="r-pw"))
    message = str(caught.value)
    assert f"schema version {schema.SCHEMA_VERSION - 1}" in message
    assert "ask your administrator to run `dst-desktop init`" in message
    postgres_server.drop_database(name)


def test_a_database_that_is_not_utf8_is_refused(postgres_server: PostgresServer) -> None:
    name = "latin_db"
    postgres_server.drop_database(name)
    postgres_server.psql(
        f"CREATE DATABASE {name} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    )
    with pytest.raises(StorageError, match="needs UTF8"):
        PeeweeStore.open(postgres_server.url(name))
    postgres_server.drop_database(name)
