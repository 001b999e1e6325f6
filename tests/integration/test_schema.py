"""Opening databases: a new one is created, an older one upgraded, a newer one refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dst_desktop.domain.errors import SchemaVersionError, StorageError
from dst_desktop.persistence import schema
from dst_desktop.persistence.database import open_database
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import sample_reference


def test_a_new_database_gets_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    PeeweeStore.open(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_opening_twice_keeps_the_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    store = PeeweeStore.open(url)
    with store.writing() as tx:
        tx.set_setting("greeting", "bonjour")
    store.close()
    again = PeeweeStore.open(url)
    with again.reading() as tx:
        assert tx.setting("greeting") == "bonjour"
    again.close()


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    PeeweeStore.open(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    connection.close()

    with pytest.raises(SchemaVersionError, match="newer DST Desktop") as caught:
        PeeweeStore.open(f"sqlite:///{path}")
    assert f"schema version {schema.SCHEMA_VERSION + 1}" in str(caught.value)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()

    with pytest.raises(SchemaVersionError, match="not a DST Desktop database"):
        PeeweeStore.open(f"sqlite:///{path}")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not SQLite\n" * 100)
    with pytest.raises(StorageError, match="cannot prepare"):
        PeeweeStore.open(f"sqlite:///{path}")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://db/bookings", "unsupported database URL"),
        ("sqlite:///", "names no file"),
        ("sqlite:///:memory:", "names no file"),
        ("sqlite://server/bookings.db", "has no host"),
        ("postgresql://localhost/dst", "PostgreSQL databases are not supported"),
    ],
)
def test_bad_urls_are_explained(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        open_database(url)


def test_a_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'bookings.db'}")


def test_every_older_version_upgrades_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration runs once, in order, and leaves the current version behind."""
    path = tmp_path / "old.db"
    PeeweeStore.open(f"sqlite:///{path}").close()
    ran: list[int] = []
    target = schema.SCHEMA_VERSION + 2
    migrations = dict(schema.MIGRATIONS)
    for version in (schema.SCHEMA_VERSION, schema.SCHEMA_VERSION + 1):
        migrations[version] = lambda db, v=version: ran.append(v)  # type: ignore[misc]
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", target)

    PeeweeStore.open(f"sqlite:///{path}").close()

    assert ran == [target - 2, target - 1]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == target
    connection.close()


def test_a_failed_upgrade_leaves_the_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    PeeweeStore.open(f"sqlite:///{path}").close()

    def failing_migration(db: object) -> None:
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(schema, "MIGRATIONS", {schema.SCHEMA_VERSION: failing_migration})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)

    with pytest.raises(sqlite3.OperationalError):
        PeeweeStore.open(f"sqlite:///{path}")
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION - 1
    connection.close()


def test_the_database_refuses_a_double_allocation_by_itself(tmp_path: Path) -> None:
    """Even a program that bypasses the workflows cannot hold a setup twice on a date."""

    path = tmp_path / "guard.db"
    store = PeeweeStore.open(f"sqlite:///{path}")
    workflows = Workflows.create(store, BusinessDateClock(dt.date(2025, 2, 20)), "t")
    workflows.reference.import_reference(sample_reference())
    store.close()
    connection = sqlite3.connect(path)
    insert = (
        "INSERT INTO session (id, client_id, region_id, date, requested_participants, capacity_max,"
        " status, booking_source, notes, setup_id, operator_id, created_at)"
        " VALUES (?, 'client_123', 'occitanie', '2025-03-10', 5, 12, ?, 'x', '', ?, ?, '2025-02-20 10:00:00')"
    )
    connection.execute(insert, ("a", "confirmed", "setup_occitanie_1", "op_occitanie_1"))
    with pytest.raises(sqlite3.IntegrityError, match="setup_id"):
        connection.execute(insert, ("b", "scheduled", "setup_occitanie_1", "op_occitanie_2"))
    with pytest.raises(sqlite3.IntegrityError, match="operator_id"):
        connection.execute(insert, ("c", "confirmed", "setup_occitanie_2", "op_occitanie_1"))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        connection.execute(insert, ("d", "confirmed", None, None))
    # A cancelled session no longer holds its setup.
    connection.execute(insert, ("e", "cancelled", "setup_occitanie_1", "op_occitanie_1"))
    connection.close()


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
        }
    ).to_dict()
    store.close()
    connection = sqlite3.connect(path)
    connection.execute('ALTER TABLE "session" DROP COLUMN "source_device"')
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    upgraded = PeeweeStore.open(f"sqlite:///{path}")
    status = (
        Workflows.create(upgraded, BusinessDateClock(dt.date(2025, 2, 20)), "t")
        .booking.get_booking_status(created["sessionId"])
        .to_dict()
    )
    upgraded.close()

    assert status["success"] is True
    assert status["session"]["sourceDevice"] is None  # type: ignore[index]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    columns = [row[1] for row in connection.execute('PRAGMA table_info("session")')]
    connection.close()
    assert "source_device" in columns


def schema_of(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    ).fetchall()
    connection.close()
    return rows


def test_a_version_2_database_upgrades_to_exactly_the_schema_of_a_new_one(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    PeeweeStore.open(f"sqlite:///{new}").close()
    old = tmp_path / "v2.db"
    PeeweeStore.open(f"sqlite:///{old}").close()
    connection = sqlite3.connect(old)
    connection.execute('DROP INDEX "session_status_date_setup_id_operator_id"')
    connection.execute('CREATE INDEX "session_status_date" ON "session" ("status", "date")')
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()

    PeeweeStore.open(f"sqlite:///{old}").close()

    assert schema_of(old) == schema_of(new)
