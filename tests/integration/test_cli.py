"""The ``dst-desktop`` command line: the seed's console examples, exit codes, bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dst_desktop.cli import main
from tests.conftest import DatabaseFactory, database_dump, sample_reference


class Cli:
    """Runs ``dst-desktop`` in-process on one database, as on the seed's business date."""

    def __init__(self, url: str) -> None:
        self.url = url

    def run(self, *args: str, today: str = "2025-02-20") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        # On PostgreSQL the database records the login itself, and --actor is refused.
        actor = ["--actor", "cli-test"] if self.url.startswith("sqlite") else []
        code = main(["--database", self.url, "--today", today, *actor, *args], out, err)
        return code, out.getvalue(), err.getvalue()

    def call(self, *args: str) -> tuple[int, object]:
        code, out, err = self.run("call", *args)
        assert err == ""
        return code, json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, database_url: str) -> Cli:
    """The command line on a database of each backend, holding the sample reference data."""
    reference = tmp_path / "reference.json"
    reference.write_text(json.dumps(sample_reference()), encoding="utf-8")
    tool = Cli(database_url)
    code, out, _ = tool.run("import-reference", str(reference))
    assert code == 0, out
    return tool


def test_the_seeds_console_session(cli: Cli) -> None:
    """ "Testing in Console" of the seed, replayed through ``call``."""
    code, check = cli.call("checkAvailability", "occitanie", "2025-03-10", '["module_tir"]', "10")
    assert code == 0
    assert isinstance(check, dict) and check["canBook"] is True

    code, created = cli.call(
        "createSessionBooking",
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10",'
        ' "moduleIds": ["module_tir"], "requestedParticipants": 10}',
    )
    assert code == 0 and isinstance(created, dict)
    session_id = str(created["sessionId"])
    assert created["status"] == "pending_confirmation"

    code, status = cli.call("getBookingStatus", session_id)
    assert code == 0 and isinstance(status, dict) and status["isPending"] is True

    code, confirmed = cli.call("confirmSessionBooking", session_id)
    assert code == 0 and isinstance(confirmed, dict)
    assert confirmed["allocatedSetupId"] == "setup_occitanie_1"
    assert (
        confirmed["message"]
        == f"Session {session_id} confirmed - setup setup_occitanie_1 allocated"
    )

    code, status = cli.call("getBookingStatus", session_id)
    assert isinstance(status, dict) and status["isConfirmed"] is True

    code, suggested = cli.call("getSuggestedDates", "occitanie", "5")
    assert code == 0
    assert suggested == ["2025-02-21", "2025-02-22", "2025-02-23", "2025-02-24", "2025-02-25"]

    code, completed = cli.call("completeMission", session_id, "terminee")
    assert code == 0 and isinstance(completed, dict) and completed["status"] == "completed"


def test_a_failure_prints_json_and_exits_1(cli: Cli) -> None:
    code, result = cli.call("confirmSessionBooking", "sess_123")
    assert code == 1
    assert result == {
        "success": False,
        "error": "INVALID_STATUS",
        "message": "Session sess_123 not found",
        "sessionId": "sess_123",
    }


def test_cancel_twice_succeeds_both_times(cli: Cli) -> None:
    _, created = cli.call(
        "createSessionBooking",
        json.dumps(
            {
                "clientId": "client_123",
                "regionId": "occitanie",
                "date": "2025-03-10",
                "moduleIds": ["module_tir"],
                "requestedParticipants": 3,
            }
        ),
    )
    assert isinstance(created, dict)
    assert cli.call("cancelPendingBooking", str(created["sessionId"]))[0] == 0
    code, again = cli.call("cancelPendingBooking", str(created["sessionId"]))
    assert code == 0
    assert isinstance(again, dict) and again["message"] == "Session already deleted"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["call", "bookEverything"], "unknown function 'bookEverything'"),
        (["call", "confirmSessionBooking"], "confirmSessionBooking takes 1 argument(s), got 0"),
        (["call", "confirmSessionBooking", "a", "b"], "takes 1 argument(s), got 2"),
        (
            ["call", "checkAvailability", "occitanie"],
            "usage: call checkAvailability REGION_ID DATE MODULE_IDS PARTICIPANT_COUNT",
        ),
    ],
)
def test_usage_errors_exit_2_with_the_reason(cli: Cli, args: list[str], message: str) -> None:
    code, out, err = cli.run(*args)
    assert code == 2
    assert out == ""
    assert message in err


@pytest.mark.parametrize(
    "request_text",
    [
        "not json at all",
        "[1, 2]",
        '{"clientId": "client_123"}',
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-02-30", "moduleIds": ["module_tir"], "requestedParticipants": 3}',
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10", "moduleIds": ["module_tir"], "requestedParticipants": NaN}',
        '{"clientId": "<script>", "regionId": "occitanie", "date": "2025-03-10", "moduleIds": ["module_tir"], "requestedParticipants": 3}',
    ],
)
def test_bad_requests_are_validation_errors_that_change_nothing(
    cli: Cli, request_text: str
) -> None:
    before = database_dump(cli.url)
    code, result = cli.call("createSessionBooking", request_text)
    assert code == 1
    assert isinstance(result, dict) and result["error"] == "VALIDATION_ERROR"
    assert database_dump(cli.url) == before


def test_import_reference_reports_a_broken_file(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"regions": [', encoding="utf-8")
    code, _, err = cli.run("import-reference", str(broken))
    assert code == 1
    assert "is not valid JSON" in err and "line 1" in err
    code, _, err = cli.run("import-reference", str(tmp_path / "missing.json"))
    assert code == 1 and "does not exist" in err


def test_import_reference_failure_prints_the_entry(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"setups": [{"id": "s", "name": "S", "regionId": "nowhere"}]}), encoding="utf-8"
    )
    code, out, _ = cli.run("import-reference", str(bad), "--json")
    assert code == 1
    assert 'setups[0] (id "s"): regionId "nowhere"' in json.loads(out)["message"]


def test_bad_global_options_are_usage_errors(cli: Cli) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--today", "tomorrow", "init"], out, err) == 2
    assert "'tomorrow' is not a date" in err.getvalue()


def test_an_unusable_database_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--database", f"sqlite:///{tmp_path}/missing/dir.db", "init"], out, err)
    assert code == 1
    assert err.getvalue().startswith("dst-desktop: error: the folder")
    assert "Traceback" not in err.getvalue()


def run_process(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dst_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_call_runs_as_a_process_without_importing_qt(cli: Cli) -> None:
    probe = (
        "import sys; from dst_desktop.cli import main; "
        f"code = main(['--database', {cli.url!r}, '--today', '2025-02-20', 'call', 'getSuggestedDates', 'occitanie', '1']); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["2025-02-21"]


def test_environment_variables_choose_database_and_today(cli: Cli) -> None:
    result = run_process(
        "call",
        "getSuggestedDates",
        "bretagne",
        "1",
        env={"DST_DATABASE_URL": cli.url, "DST_TODAY": "2025-03-01"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["2025-03-02"]


def test_version_is_printed() -> None:
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("dst-desktop 0.")


def test_event_round_trip_through_the_command_line(cli: Cli, tmp_path: Path) -> None:
    laptop = Cli(f"sqlite:///{tmp_path / 'laptop.db'}")
    snapshot, bookings = str(tmp_path / "snapshot.json"), str(tmp_path / "bookings.json")

    code, out, _ = cli.run("export-snapshot", snapshot, "--months", "3", "--event", "Salon")
    assert code == 0 and "Snapshot written" in out
    code, out, _ = laptop.run("import-snapshot", snapshot)
    assert code == 0 and "event database for 'Salon'" in out
    code, created = laptop.call(
        "createSessionBooking",
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10", "moduleIds": ["module_tir"], "requestedParticipants": 4}',
    )
    assert code == 0 and isinstance(created, dict)
    code, refused = laptop.call("confirmSessionBooking", str(created["sessionId"]))
    assert code == 1 and isinstance(refused, dict) and refused["error"] == "EVENT_MODE"
    code, out, _ = laptop.run("export-bookings", bookings)
    assert code == 0 and "1 event booking(s)" in out

    code, out, _ = cli.run("import-bookings", bookings, "--json")
    assert code == 0
    assert json.loads(out)["imported"] == [created["sessionId"]]
    code, out, _ = cli.run("import-bookings", bookings)
    assert code == 0 and "Already present, skipped: 1" in out

    code, _, err = cli.run("import-bookings", snapshot)
    assert code == 1 and 'is a "snapshot" bundle, expected a bookings bundle' in err
    code, _, err = cli.run("export-snapshot", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 1 and "does not exist" in err


def test_hostile_arguments_never_reach_a_traceback(cli: Cli, tmp_path: Path) -> None:
    code, result = cli.call("createSessionBooking", "[" * 100_000)
    assert code == 1 and isinstance(result, dict) and result["error"] == "VALIDATION_ERROR"
    code, result = cli.call("getBookingStatus", "x" * 10_000)
    assert code == 1 and isinstance(result, dict) and "is not a valid id" in str(result["message"])
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    code, _, err = cli.run("import-reference", str(deep))
    assert code == 1 and "Traceback" not in err and str(deep) in err


@pytest.mark.parametrize(
    "text",
    [
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10", "moduleIds": ["module_tir"], "requestedParticipants": 3, "notes": "\\ud800"}',
        '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10", "moduleIds": ["module_tir"], "requestedParticipants": 3, "notes": "caf\udce9"}',
    ],
)
def test_text_that_is_not_valid_unicode_is_a_validation_error(cli: Cli, text: str) -> None:
    code, result = cli.call("createSessionBooking", text)
    assert code == 1
    assert isinstance(result, dict) and result["error"] == "VALIDATION_ERROR"
    assert "notes contains characters that are not valid text" in str(result["message"])


def test_a_date_years_ahead_is_taken_for_a_typo(cli: Cli) -> None:
    code, result = cli.call("checkAvailability", "occitanie", "2062-03-10", '["module_tir"]', "3")
    assert code == 1 and isinstance(result, dict)
    assert result["message"] == (
        "date 2062-03-10 is more than 3 years ahead (the latest bookable date is 2028-02-20)"
    )


def test_an_implausible_business_date_is_a_usage_error(cli: Cli) -> None:
    code, _, err = cli.run("call", "getSuggestedDates", "occitanie", "3", today="9999-12-31")
    assert code == 2
    assert "not a plausible business date" in err


def test_an_empty_database_says_so_when_a_region_is_unknown(
    new_database_url: DatabaseFactory,
) -> None:
    empty = Cli(new_database_url("empty"))
    code, result = empty.call("getSuggestedDates", "occitanie", "3")
    assert code == 1 and isinstance(result, dict)
    assert "this database has no regions yet" in str(result["message"])
    assert "--demo" in str(result["message"])


def test_a_relative_sqlite_path_to_a_missing_folder_explains_the_four_slashes(
    tmp_path: Path,
) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--database", "sqlite:///no/such/folder/office.db", "init"], out, err) == 1
    assert "sqlite:////no/such/folder/office.db, with four slashes" in err.getvalue()


def test_import_reference_reports_counts_and_what_did_not_change(cli: Cli, tmp_path: Path) -> None:
    reference = tmp_path / "reference.json"
    reference.write_text(json.dumps(sample_reference()), encoding="utf-8")

    code, out, _ = cli.run("import-reference", str(reference))

    assert code == 0
    assert out.splitlines()[0] == "Reference data imported: 0 added, 0 updated, 23 unchanged"
    assert "  setups: 0 added, 0 updated, 7 unchanged" in out.splitlines()
    code, out, _ = cli.run("import-reference", str(reference), "--json")
    assert json.loads(out)["unchanged"]["operators"] == 8
