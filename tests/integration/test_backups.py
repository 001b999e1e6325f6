"""Backups and restores (issue 16, item 4): ``backup`` writes a consistent, checked copy
while others work, ``restore`` checks a backup before it replaces anything and keeps
what it replaces, and the daily backups keep the last seven days."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dst_desktop.domain.errors import DamagedDatabaseError, StorageError
from dst_desktop.persistence.backup import DailyBackups, backup_database, restore_database
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import (
    TODAY,
    booking_request,
    database_dump,
    generated_data,
    query_rows,
    run_cli,
)

NOW = dt.datetime(2025, 2, 20, 9, 30)


def session_ids(target: str | Path) -> set[object]:
    return {row[0] for row in query_rows(target, "SELECT id FROM session")}


def book(url: str) -> str:
    store = PeeweeStore.open(url)
    try:
        workflows = Workflows.create(store, BusinessDateClock(TODAY), "tester")
        created = workflows.booking.create_session_booking(booking_request())
        assert created.success, created
        return str(created.to_dict()["sessionId"])
    finally:
        store.close()


def test_a_backup_is_a_private_checked_copy(database_url: str, tmp_path: Path) -> None:
    generated_data(database_url, tmp_path, 200)
    target = tmp_path / "backup.db"

    code, out, err = run_cli(database_url, "backup", str(target))

    assert (code, err) == (0, "")
    assert "200 session(s)" in out and "checked sound" in out
    assert session_ids(target) == session_ids(database_url)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert run_cli(f"sqlite:///{target}", "check")[0] == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_existing_backup_file_is_replaced_only_with_force(
    database_url: str, tmp_path: Path
) -> None:
    generated_data(database_url, tmp_path, 200)
    target = tmp_path / "backup.db"
    target.write_bytes(b"last week's backup")

    refused = run_cli(database_url, "backup", str(target))
    kept = target.read_bytes()
    forced = run_cli(database_url, "backup", str(target), "--force")

    assert refused[0] == 1 and "already exists (use --force to replace it)" in refused[2]
    assert kept == b"last week's backup"
    assert forced[0] == 0
    assert session_ids(target) == session_ids(database_url)


def test_a_backup_is_never_written_over_the_database_itself(tmp_path: Path) -> None:
    database = tmp_path / "office.db"
    url = f"sqlite:///{database}"
    generated_data(url, tmp_path, 200)
    before = database_dump(url)
    inode = database.stat().st_ino
    (tmp_path / "office.db-wal").touch()  # the journal of the database, open or not

    for target in ("office.db", "./office.db", "office.db-wal", "office.db-shm"):
        code, out, err = run_cli(url, "backup", str(tmp_path / target), "--force")
        assert (code, out) == (1, ""), target
        assert "is the database itself (or one of its journal files)" in err
        assert "internal error" not in err

    assert database.stat().st_ino == inode  # the very file programs have open
    assert (tmp_path / "office.db-wal").exists()
    assert database_dump(url) == before


@pytest.mark.slow
def test_a_backup_taken_while_a_colleague_books_is_consistent(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, sessions=3000)
    loop = (
        "import datetime, json, sys\n"
        "from dst_desktop.api import open_workflows\n"
        "request = json.loads(sys.argv[2])\n"
        "with open_workflows(sys.argv[1], today=datetime.date(2025, 2, 20)) as wf:\n"
        "    print('ready', flush=True)\n"
        "    results = []\n"
        "    while sys.stdin.readline().strip() == 'go':\n"
        "        results.append(wf.booking.create_session_booking(request)['success'])\n"
        "        print('booked', flush=True)\n"
        "    print(json.dumps(results), flush=True)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", loop, url, json.dumps(booking_request())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as colleague:
        assert colleague.stdin is not None and colleague.stdout is not None
        assert colleague.stdout.readline().strip() == "ready"
        colleague.stdin.write("go\n")
        colleague.stdin.flush()
        assert colleague.stdout.readline().strip() == "booked"
        before = session_ids(tmp_path / "office.db")
        colleague.stdin.write("go\n")  # books while the backup runs
        colleague.stdin.flush()
        made = backup_database(url, tmp_path / "backup.db")
        assert colleague.stdout.readline().strip() == "booked"
        colleague.stdin.write("stop\n")
        colleague.stdin.flush()
        results = json.loads(colleague.stdout.readline())
    after = session_ids(tmp_path / "office.db")

    assert all(results) and len(results) == 2
    backed_up = session_ids(tmp_path / "backup.db")
    assert before <= backed_up <= after
    assert made.sessions == len(backed_up)


def test_a_damaged_database_is_not_backed_up(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, 200)
    connection = sqlite3.connect(tmp_path / "office.db")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET rootpage = 3 WHERE name = 'session_client_id_date'"
    )
    connection.commit()
    connection.close()

    code, _, err = run_cli(url, "backup", str(tmp_path / "backup.db"))

    assert code == 1
    assert "is damaged" in err and "no backup was written" in err
    assert not (tmp_path / "backup.db").exists()


def test_a_team_database_is_backed_up_into_a_sqlite_file(database_url: str, tmp_path: Path) -> None:
    generated_data(database_url, tmp_path, sessions=50)

    made = backup_database(database_url, tmp_path / "team.db")

    assert made.sessions == 50
    assert session_ids(tmp_path / "team.db") == session_ids(database_url)


# -- restore ---------------------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, 200)
    backup_database(url, tmp_path / "monday.db")
    backed_up = session_ids(tmp_path / "monday.db")
    open_window = PeeweeStore.open(url)  # a colleague's window, open all along
    colleague = Workflows.create(open_window, BusinessDateClock(TODAY), "colleague")
    made_later = book(url)

    restored = restore_database(
        url, tmp_path / "monday.db", keep_current_in=tmp_path / "kept", actor="ann", now=NOW
    )

    assert session_ids(tmp_path / "office.db") == backed_up
    assert restored.sessions == len(backed_up)
    assert restored.kept_as is not None
    assert made_later in session_ids(restored.kept_as)
    status = colleague.booking.get_booking_status(made_later).to_dict()
    assert status["error"] == "NOT_FOUND"  # the open window sees the restored data
    open_window.close()
    audit = query_rows(tmp_path / "office.db", "SELECT actor, action, details FROM audit_entry")
    assert ("ann", "restore") in {(actor, action) for actor, action, _ in audit}


def test_restore_from_the_command_line_keeps_the_replaced_data_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, 200)
    backup_database(url, tmp_path / "monday.db")
    book(url)

    code, out, err = run_cli(url, "restore", str(tmp_path / "monday.db"))

    assert (code, err) == (0, "")
    assert "now holds the backup" in out
    kept = list((tmp_path / "data" / "dst-desktop" / "backups").glob("office-before-restore-*"))
    assert len(kept) == 1 and f"kept in {kept[0]}" in out
    if os.name == "posix":
        assert stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / "data" / "dst-desktop").stat().st_mode) == 0o700


def set_version(path: Path, version: int) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()


def damage(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET rootpage = 3 WHERE name = 'session_client_id_date'"
    )
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: damage(p), "is damaged"),
        (lambda p: p.write_text("not a database " * 400), "is not a DST Desktop backup"),
        (lambda p: set_version(p, 99), "newer DST Desktop"),
    ],
)
def test_a_backup_that_cannot_be_restored_changes_nothing(
    tmp_path: Path, make: object, message: str
) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, 200)
    backup = tmp_path / "bad.db"
    backup_database(url, backup)
    backup.unlink()
    backup_database(url, backup)
    make(backup)  # type: ignore[operator]
    before = database_dump(tmp_path / "office.db")

    with pytest.raises(StorageError) as caught:
        restore_database(url, backup, keep_current_in=tmp_path / "kept", actor="ann", now=NOW)

    assert message in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert database_dump(tmp_path / "office.db") == before
    assert not (tmp_path / "kept").exists()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("office.db", "is the database itself"),
        ("missing.db", "does not exist"),
        ("/dev/zero", "is not a regular file"),
    ],
)
def test_restore_refuses_what_is_no_backup_file(tmp_path: Path, source: str, message: str) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, sessions=10)
    path = Path(source) if source.startswith("/") else tmp_path / source
    if source.startswith("/") and not path.exists():
        pytest.skip(f"no {source} here")

    code, _, err = run_cli(url, "restore", str(path))

    assert code == 1 and message in err


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_team_database_is_not_restored_from_a_file(database_url: str, tmp_path: Path) -> None:
    generated_data(database_url, tmp_path, sessions=10)
    backup_database(database_url, tmp_path / "team.db")

    code, _, err = run_cli(database_url, "restore", str(tmp_path / "team.db"))

    assert code == 1 and "pg_restore" in err


def test_a_damaged_database_is_restored_and_kept_for_rescue(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, 200)
    backup_database(url, tmp_path / "monday.db")
    damage(tmp_path / "office.db")

    restored = restore_database(
        url, tmp_path / "monday.db", keep_current_in=tmp_path / "kept", actor="ann", now=NOW
    )

    assert run_cli(url, "check")[0] == 0
    assert restored.kept_as is not None and restored.kept_as.stat().st_size > 0
    assert session_ids(tmp_path / "office.db") == session_ids(tmp_path / "monday.db")


def test_an_older_backup_is_upgraded_when_restored(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, sessions=20)
    backup_database(url, tmp_path / "old.db")
    old = sqlite3.connect(tmp_path / "old.db")
    old.execute('DROP TABLE "snapshot_key"')
    old.execute("PRAGMA user_version = 6")
    old.commit()
    old.close()

    restore_database(url, tmp_path / "old.db", keep_current_in=None, actor="ann", now=NOW)

    tables = {
        row[0] for row in query_rows(tmp_path / "office.db", "SELECT name FROM sqlite_master")
    }
    assert "snapshot_key" in tables
    assert run_cli(url, "export-snapshot", str(tmp_path / "s.json"))[0] == 0


# -- daily backups ---------------------------------------------------------------------------


def test_one_backup_a_day_and_the_last_seven_kept(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, sessions=10)
    daily = DailyBackups(url, tmp_path / "backups")

    made = [daily.make_if_due(TODAY + dt.timedelta(days=n)) for n in range(9)]
    again = daily.make_if_due(TODAY + dt.timedelta(days=8))

    assert all(backup is not None for backup in made)
    assert again is None
    kept = daily.available()
    assert [backup.day for backup in kept] == [
        TODAY + dt.timedelta(days=n) for n in range(8, 1, -1)
    ]
    assert len(list((tmp_path / "backups").iterdir())) == 7
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700


def test_two_databases_of_one_name_keep_separate_backups(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = generated_data(f"sqlite:///{tmp_path / 'a' / 'bookings.db'}", tmp_path, sessions=10)
    second = generated_data(f"sqlite:///{tmp_path / 'b' / 'bookings.db'}", tmp_path, sessions=20)
    one = DailyBackups(first, tmp_path / "backups")
    other = DailyBackups(second, tmp_path / "backups")

    one.make_if_due(TODAY)
    other.make_if_due(TODAY)

    assert len(one.available()) == len(other.available()) == 1
    assert one.available()[0].path != other.available()[0].path


def test_a_damaged_database_makes_no_daily_backup(tmp_path: Path) -> None:
    url = generated_data(f"sqlite:///{tmp_path / 'office.db'}", tmp_path, sessions=10)
    daily = DailyBackups(url, tmp_path / "backups")
    daily.make_if_due(TODAY)
    damage(tmp_path / "office.db")

    with pytest.raises(DamagedDatabaseError, match="no backup was written"):
        daily.make_if_due(TODAY + dt.timedelta(days=1))

    assert [backup.day for backup in daily.available()] == [TODAY]
