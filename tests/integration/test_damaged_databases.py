"""Damaged databases, full disks and read-only files (issue 16, items 3 and 8): ``check``
and ``init`` find damage, any command that meets it says so in plain words and what to
do, and a write that cannot happen says why and changes nothing."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import (
    DatabaseReader,
    database_dump,
    generated_data,
    run_cli,
)

BOOKING = json.dumps(
    {
        "clientId": "client_123",
        "regionId": "occitanie",
        "date": "2025-03-10",
        "moduleIds": ["module_tir"],
        "requestedParticipants": 3,
    }
)


@pytest.fixture
def real_file(tmp_path: Path) -> Path:
    """A SQLite database with bookings, its write-ahead log folded into the file."""
    path = tmp_path / "office.db"
    generated_data(f"sqlite:///{path}", tmp_path, 300)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def integrity_fails(path: Path) -> bool:
    try:
        connection = sqlite3.connect(path)
        try:
            return connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True


# -- check and init ---------------------------------------------------------------------


def test_a_sound_database_checks_sound(database_url: str, tmp_path: Path) -> None:
    generated_data(database_url, tmp_path, 300)

    code, out, err = run_cli(database_url, "check")
    json_code, json_out, _ = run_cli(database_url, "check", "--json")

    assert (code, err) == (0, "")
    assert "is sound" in out and "the booking rules hold (300 session(s))" in out
    assert json_code == 0
    assert json.loads(json_out)["sound"] is True


def test_check_finds_broken_booking_rules_on_either_backend(
    database_url: str, tmp_path: Path
) -> None:
    """What the unique indexes and constraints prevent, written by a program that dropped
    them: the check finds it all the same."""
    generated_data(database_url, tmp_path, 300)
    reader = DatabaseReader(database_url)
    try:
        reader.execute('DROP INDEX "session_setup_held_once_per_day"')
        held = reader.rows(
            "SELECT id, setup_id, date FROM session WHERE status = 'confirmed' ORDER BY id LIMIT 2"
        )
        (first, setup, day), (second, _, _) = held
        reader.execute(
            f"UPDATE session SET setup_id = '{setup}', date = '{day}' WHERE id = '{second}'"
        )
        pending = reader.rows(
            "SELECT id FROM session WHERE status = 'pending_confirmation' ORDER BY id LIMIT 1"
        )[0][0]
        reader.execute(f"UPDATE session SET setup_id = '{setup}' WHERE id = '{pending}'")
    finally:
        reader.close()

    code, out, _ = run_cli(database_url, "check", "--json")

    assert code == 1
    problems = json.loads(out)["problems"]
    assert f"setup {setup} is held 2 times on {day}" in problems
    assert f"pending request {pending} holds a setup or an operator" in problems
    assert (
        "the index session_setup_held_once_per_day that refuses a double allocation is missing"
        in problems
    )
    assert first != second


def damaged_copies(source: Path, folder: Path, count: int) -> Iterator[Path]:
    """Copies of ``source`` with a few bits flipped, each failing SQLite's own check."""
    data = source.read_bytes()
    made = 0
    for seed in range(count * 5):
        noise = random.Random(seed)
        damaged = bytearray(data)
        for _ in range(6):
            where = noise.randrange(4096, len(damaged))  # the header page stays readable
            damaged[where] ^= 1 << noise.randrange(8)
        path = folder / f"damaged-{seed}.db"
        path.write_bytes(bytes(damaged))
        if integrity_fails(path):
            made += 1
            yield path
            if made == count:
                return


def test_check_and_init_report_damaged_copies_of_a_real_database(
    real_file: Path, tmp_path: Path
) -> None:
    copies = list(damaged_copies(real_file, tmp_path, 8))
    assert len(copies) == 8
    for path in copies:
        url = f"sqlite:///{path}"
        check = run_cli(url, "check")
        init = run_cli(url, "init")
        call = run_cli(url, "call", "getSuggestedDates", "occitanie", "3")

        assert check[0] == 1, (path, check)
        assert "is damaged" in check[1] + check[2]
        assert "restore a backup" in (check[1] + check[2]).lower()
        assert init[0] == 1 and "Database ready" not in init[1], (path, init)
        assert "is damaged" in init[2]
        for outcome in (check, init, call):
            assert "internal error" not in outcome[2] and "Traceback" not in outcome[2]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("UPDATE client SET name = CAST(x'c3fffe' AS TEXT) WHERE id = 'client_123'", "decode"),
        ("UPDATE session SET date = '2025-0l-1)' WHERE rowid = 1", "a stored date reads"),
        ("UPDATE session SET status = 'lost' WHERE rowid = 1", "a stored status reads"),
        (
            "INSERT INTO audit_entry (at, actor, action, session_id, details)"
            " SELECT '2025-02-20 10:00:00', 'x', 'confirm', id, '{broken' FROM session"
            " WHERE rowid = 1",
            "stored audit details",
        ),
    ],
)
def test_data_that_does_not_read_back_says_the_file_is_damaged(
    real_file: Path, damage: str, reason: str
) -> None:
    connection = sqlite3.connect(real_file)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute(damage)
    connection.commit()
    connection.close()
    url = f"sqlite:///{real_file}"
    reader = sqlite3.connect(real_file)
    first = reader.execute("SELECT id FROM session WHERE rowid = 1").fetchone()[0]
    reader.close()

    outcomes = [
        run_cli(url, "call", "getSuggestedDates", "occitanie", "3"),
        run_cli(url, "call", "getBookingStatus", first),
        run_cli(url, "export-sessions", str(real_file.with_suffix(".csv"))),
    ]

    damaged = [err for code, _, err in outcomes if code == 1 and "is damaged" in err]
    assert damaged, outcomes
    assert any(reason in err for err in damaged), damaged
    for _, _, err in outcomes:
        assert "internal error" not in err and "Traceback" not in err
        if err:
            assert "restore a backup" in err.lower()


def test_a_schema_whose_damaged_bytes_sqlite_quotes_says_the_file_is_damaged(
    real_file: Path,
) -> None:
    connection = sqlite3.connect(real_file)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET name = 'sqlite_autoindex_' || CAST(x'a6ff' AS TEXT)"
        " WHERE name = 'sqlite_autoindex_offer_1'"
    )
    connection.commit()
    connection.close()
    url = f"sqlite:///{real_file}"

    outcomes = [
        run_cli(url, "check"),
        run_cli(url, "init"),
        run_cli(url, "call", "getSuggestedDates", "occitanie", "3"),
    ]

    for code, _, err in outcomes:
        assert code == 1, outcomes
        assert "internal error" not in err and "Traceback" not in err
        assert "is damaged (its schema holds bytes that are not text)" in err
        assert "restore a backup" in err.lower()


def test_a_file_that_is_not_a_database_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n" * 500)

    code, _, err = run_cli(f"sqlite:///{path}", "init")

    assert code == 1
    assert "it is not a DST Desktop database, or it is damaged" in err


# -- full disks and read-only places (need a file system of their own) ----------------------


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own (tmpfs), so that it can be filled."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("filling a disk needs a file system of its own: run as root to mount one")
    try:
        mount("-t", "tmpfs", "-o", "size=3m,mode=0755", "tmpfs", str(folder))
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"cannot mount a small file system here ({error})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


def fill(folder: Path, leave_kib: int = 0) -> None:
    free = shutil.disk_usage(folder).free // 1024
    with (folder / "filler").open("ab") as stream:
        for _ in range(max(0, free - leave_kib)):
            try:
                stream.write(b"\0" * 1024)
                stream.flush()
            except OSError:
                break


def test_a_full_disk_is_said_plainly_and_changes_nothing(small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{small_disk / 'bookings.db'}"
    generated_data(url, tmp_path, sessions=50)
    big = tmp_path / "big.json"
    big.write_text(
        json.dumps(
            {
                "clients": [
                    {"id": f"client_{n}", "name": f"Client {n}", "email": f"{n}@example.org"}
                    for n in range(20_000)
                ]
            }
        ),
        encoding="utf-8",
    )
    before = database_dump(small_disk / "bookings.db")
    fill(small_disk, leave_kib=200)

    imported = run_cli(url, "import-reference", str(big))
    fill(small_disk)
    exported = run_cli(url, "export-sessions", str(small_disk / "sessions.csv"))
    booked = run_cli(url, "call", "createSessionBooking", BOOKING)

    assert imported[0] == 1 and "is full; nothing was changed" in imported[2], imported
    # Reading may already fail on the full disk (SQLite grows its shared memory file).
    assert exported[0] == 1 and "full; nothing was" in exported[2], exported
    assert booked[0] == 1 and "is full; nothing was changed" in booked[2], booked
    assert not (small_disk / "sessions.csv").exists()
    assert [p.name for p in small_disk.iterdir() if p.name.endswith(".part")] == []
    (small_disk / "filler").unlink()
    assert database_dump(small_disk / "bookings.db") == before


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder holding a database, and the same folder seen read-only."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only place for root needs a read-only mount: run as root")
    writable = tmp_path / "writable"
    seen = tmp_path / "read-only"
    writable.mkdir()
    seen.mkdir()
    try:
        mount("--bind", str(writable), str(seen))
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"cannot mount here ({error})")
    try:
        mount("-o", "remount,ro,bind", str(seen))
        yield writable, seen
    finally:
        subprocess.run(["umount", "-l", str(seen)], check=False, timeout=30)


def test_init_never_says_ready_in_a_read_only_folder(
    read_only: tuple[Path, Path], tmp_path: Path
) -> None:
    writable, seen = read_only
    generated_data(f"sqlite:///{writable / 'bookings.db'}", tmp_path, sessions=10)
    for leftover in ("bookings.db-wal", "bookings.db-shm"):
        (writable / leftover).unlink(missing_ok=True)

    existing = run_cli(f"sqlite:///{seen / 'bookings.db'}", "init")
    new = run_cli(f"sqlite:///{seen / 'new.db'}", "init")
    booked = run_cli(f"sqlite:///{seen / 'bookings.db'}", "call", "createSessionBooking", BOOKING)

    assert existing[0] == 1 and "Database ready" not in existing[1]
    assert f"its folder {seen} is read-only" in existing[2]
    assert new[0] == 1 and f"cannot be created: its folder {seen} is read-only" in new[2]
    assert booked[0] == 1 and "is read-only" in booked[2]
    assert not (writable / "new.db").exists()


def test_init_never_says_ready_on_a_read_only_file(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only file for root needs a read-only mount: run as root")
    path = tmp_path / "bookings.db"
    generated_data(f"sqlite:///{path}", tmp_path, sessions=10)
    before = database_dump(path)
    try:
        mount("--bind", str(path), str(path))
    except (subprocess.CalledProcessError, OSError) as error:
        pytest.skip(f"cannot mount here ({error})")
    try:
        mount("-o", "remount,ro,bind", str(path))
        init = run_cli(f"sqlite:///{path}", "init")
        booked = run_cli(f"sqlite:///{path}", "call", "createSessionBooking", BOOKING)
        read = run_cli(f"sqlite:///{path}", "call", "getSuggestedDates", "occitanie", "1")
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, timeout=30)

    assert init[0] == 1 and "Database ready" not in init[1]
    assert "cannot be written: the file or its folder is read-only" in init[2]
    assert booked[0] == 1 and "nothing was changed" in booked[2]
    assert read[0] == 0
    assert database_dump(path) == before


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        ("DataCorrupted", "DamagedDatabaseError", "reports damaged data"),
        ("IndexCorrupted", "DamagedDatabaseError", "restore a backup"),
        ("DiskFull", "DiskFullError", "has no disk space (or memory) left; nothing was changed"),
        ("ReadOnlySqlTransaction", "ReadOnlyDatabaseError", "is read-only on this server"),
    ],
)
def test_a_servers_damage_full_disk_and_read_only_mode_are_said_plainly(
    error: str, kind: str, message: str
) -> None:
    psycopg_errors = pytest.importorskip("psycopg.errors")
    from dst_desktop.persistence.backends.postgresql import PostgresBackend

    backend = PostgresBackend("postgresql://anne@db.office/dst")

    found = backend.translate(getattr(psycopg_errors, error)("what the server said"))

    assert type(found).__name__ == kind
    assert message in str(found)
    assert "anne@db.office/dst" in str(found) or "db.office:5432" in str(found)
