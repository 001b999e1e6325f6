"""Output files (issue 16, item 6): written whole through a temporary file, an existing
file replaced only with ``--force`` (and keeping its permissions), and every file holding
personal data — database, logs, snapshots, bundles, backups, exports — readable by its
owner only, in a private data folder."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dst_desktop.exports.files import OutputFileError, OutputProblem, write_output
from dst_desktop.services.exchange import BundleError
from dst_desktop.services.workflows import Workflows
from tests.conftest import database_dump, database_file, run_cli
from tests.integration.printing_support import confirmed_booking

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def office(workflows: Workflows, database_url: str) -> tuple[Workflows, str]:
    return workflows, database_url


def commands(session_id: str, target: Path) -> dict[str, list[str]]:
    return {
        "print-summary": ["print-summary", session_id, "--pdf", str(target), "--language", "en"],
        "day-sheet": ["day-sheet", "--date", "2025-03-10", "--pdf", str(target)],
        "export-snapshot": ["export-snapshot", str(target)],
        "export-sessions": ["export-sessions", str(target)],
        "export-ical": ["export-ical", str(target)],
        "backup": ["backup", str(target)],
    }


SUFFIXES = {
    "print-summary": ".pdf",
    "day-sheet": ".pdf",
    "export-snapshot": ".json",
    "export-sessions": ".csv",
    "export-ical": ".ics",
    "backup": ".db",
}


@posix_only
@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("command", sorted(SUFFIXES))
def test_an_existing_file_is_kept_unless_forced_and_never_widened(
    office: tuple[Workflows, str], tmp_path: Path, command: str
) -> None:
    workflows, url = office
    session_id = confirmed_booking(workflows)
    target = tmp_path / f"out{SUFFIXES[command]}"
    target.write_bytes(b"kept")
    target.chmod(0o600)
    args = commands(session_id, target)[command]

    refused = run_cli(url, *args)
    kept = target.read_bytes()
    forced = run_cli(url, *args, "--force")

    assert refused[0] == 1 and "already exists (use --force to replace it)" in refused[2]
    assert kept == b"kept"
    assert forced[0] == 0, forced
    assert target.read_bytes() != b"kept"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@posix_only
@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("command", sorted(SUFFIXES))
def test_a_new_output_file_is_readable_by_its_owner_only(
    office: tuple[Workflows, str], tmp_path: Path, command: str
) -> None:
    workflows, url = office
    target = tmp_path / f"new{SUFFIXES[command]}"

    code, _, err = run_cli(url, *commands(confirmed_booking(workflows), target)[command])

    assert (code, err) == (0, "")
    assert mode(target) == 0o600


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("command", sorted(SUFFIXES))
def test_a_file_name_too_long_for_the_system_is_a_plain_refusal(
    office: tuple[Workflows, str], tmp_path: Path, command: str
) -> None:
    workflows, url = office
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"{'a' * 300}{SUFFIXES[command]}"

    code, out, err = run_cli(url, *commands(confirmed_booking(workflows), target)[command])

    assert (code, out) == (1, "")
    assert "internal error" not in err
    assert err.startswith(f"dst-desktop: error: cannot write {target}: ")
    assert list(folder.iterdir()) == []


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("command", sorted(SUFFIXES))
def test_an_output_file_named_as_the_database_never_replaces_it(
    office: tuple[Workflows, str], command: str
) -> None:
    workflows, url = office
    database = database_file(url)
    session_id = confirmed_booking(workflows)
    inode = database.stat().st_ino
    # The database's own name given as the output file, even by a file name ending that
    # the command does not take (the suffix check must not be the only guard).
    args = commands(session_id, database)[command]

    code, out, err = run_cli(url, *args, "--force")

    assert (code, out) == (1, "")
    assert "is the database itself (or one of its journal files)" in err
    assert database.stat().st_ino == inode  # the very file the programs have open
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"


@posix_only
def test_event_bookings_are_written_private_and_never_over_a_file(tmp_path: Path) -> None:
    office = f"sqlite:///{tmp_path / 'office.db'}"
    laptop = f"sqlite:///{tmp_path / 'laptop.db'}"
    reference = Path(__file__).parents[2] / "resources" / "demo" / "reference.json"
    assert run_cli(office, "import-reference", str(reference))[0] == 0
    assert run_cli(office, "export-snapshot", str(tmp_path / "snapshot.json"))[0] == 0
    assert run_cli(laptop, "import-snapshot", str(tmp_path / "snapshot.json"))[0] == 0
    target = tmp_path / "bookings.json"
    target.write_text("yesterday")
    target.chmod(0o640)

    refused = run_cli(laptop, "export-bookings", str(target))
    forced = run_cli(laptop, "export-bookings", str(target), "--force")

    assert refused[0] == 1 and "already exists" in refused[2]
    assert forced[0] == 0
    assert '"signature": "hmac-sha256:' in target.read_text()
    assert mode(target) == 0o640  # replaced, with the permissions it had
    assert mode(tmp_path / "snapshot.json") == 0o600


@posix_only
def test_a_replaced_file_keeps_its_own_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o640)

    write_output(target, b"new", replace=True)

    assert target.read_bytes() == b"new"
    assert mode(target) == 0o640


@posix_only
def test_a_new_database_and_its_journal_files_are_private(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bookings.db'}"

    code, _, _ = run_cli(url, "init")

    assert code == 0
    created = sorted(tmp_path.glob("bookings.db*"))
    assert created and all(mode(path) == 0o600 for path in created), [
        (path.name, oct(mode(path))) for path in created
    ]


@posix_only
def test_the_data_folder_and_the_log_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from dst_desktop import paths
    from dst_desktop.ui.errors import log, setup_logging

    (tmp_path / "data" / "dst-desktop").mkdir(parents=True, mode=0o755)
    (tmp_path / "data" / "dst-desktop").chmod(0o755)  # as an older version left it
    folder = paths.data_dir()
    log_file = folder / "dst-desktop.log"
    before = list(log.handlers)
    try:
        setup_logging(log_file)
        log.warning("Client ACME could not be reached")
    finally:
        for handler in log.handlers:
            if handler not in before:
                handler.close()
                log.removeHandler(handler)
    assert mode(folder) == 0o700
    assert mode(paths.backups_dir()) == 0o700
    assert mode(log_file) == 0o600
    assert "ACME" in log_file.read_text()
    logging.getLogger("dst_desktop").handlers[:] = before


# -- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("filling a disk needs a file system of its own: run as root to mount one")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({result.stderr!r})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


def test_an_output_file_on_a_full_disk_says_so_and_leaves_nothing(small_disk: Path) -> None:
    target = small_disk / "sessions.csv"

    with pytest.raises(OutputFileError) as caught:
        write_output(target, b"x" * 2_000_000, replace=False)

    assert caught.value.problem is OutputProblem.DISK_FULL
    assert caught.value.message.endswith("the disk is full; nothing was written")
    assert list(small_disk.iterdir()) == []


def test_a_snapshot_saved_from_the_window_as_the_open_database_is_refused(
    office: tuple[Workflows, str],
) -> None:
    """The window exports with ``replace`` once its save dialog asked: the database's own
    name is still refused, and the bookings stay."""
    workflows, url = office
    database = database_file(url)
    session_id = confirmed_booking(workflows)
    before = database_dump(url)

    with pytest.raises(BundleError, match="it is the open database itself"):
        workflows.exchange.export_snapshot(database, replace=True)

    assert database_dump(url) == before
    assert workflows.booking.get_booking_status(session_id).success
