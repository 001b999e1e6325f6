"""Changes after booking from the command line: ``call`` knows the new functions, and
``import-reference`` reports (and on request repairs) the conflicts it creates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import database_dump, sample_reference
from tests.integration.test_cli import Cli

REQUEST = (
    '{"clientId": "client_123", "regionId": "occitanie", "date": "2025-03-10",'
    ' "moduleIds": ["module_tir"], "requestedParticipants": 10}'
)


@pytest.fixture
def cli(tmp_path: Path, database_url: str) -> Cli:
    reference = tmp_path / "reference.json"
    reference.write_text(json.dumps(sample_reference()), encoding="utf-8")
    tool = Cli(database_url)
    code, out, _ = tool.run("import-reference", str(reference))
    assert code == 0, out
    return tool


def created(cli: Cli, *, confirm: bool) -> str:
    code, answer = cli.call("createSessionBooking", REQUEST)
    assert code == 0 and isinstance(answer, dict)
    session_id = str(answer["sessionId"])
    if confirm:
        code, _ = cli.call("confirmSessionBooking", session_id)
        assert code == 0
    return session_id


def leave_file(tmp_path: Path, *days: str) -> Path:
    path = tmp_path / "leave.json"
    path.write_text(
        json.dumps({"operators": [{"id": "op_occitanie_1", "unavailableDates": list(days)}]}),
        encoding="utf-8",
    )
    return path


def test_correct_a_request_then_reschedule_it_once_confirmed(cli: Cli) -> None:
    session_id = created(cli, confirm=False)

    code, updated = cli.call("updatePendingBooking", session_id, '{"requestedParticipants": 11}')
    assert code == 0 and isinstance(updated, dict)
    assert updated["changedFields"] == ["requestedParticipants"]

    code, refused = cli.call("updatePendingBooking", session_id, '{"participants": 11}')
    assert code == 1 and isinstance(refused, dict)
    assert refused["error"] == "VALIDATION_ERROR" and refused["field"] == "participants"

    code, _ = cli.call("confirmSessionBooking", session_id)
    code, moved = cli.call("rescheduleSession", session_id, "2025-03-14")
    assert code == 0 and isinstance(moved, dict)
    assert moved["previousSessionId"] == session_id
    assert moved["allocatedSetupId"] == "setup_occitanie_1"

    code, again = cli.call("rescheduleSession", session_id, "2025-03-15")
    assert code == 1 and isinstance(again, dict)
    assert again["message"] == "Session status is cancelled, expected 'confirmed' or 'scheduled'"


def test_completion_details_from_the_command_line(cli: Cli) -> None:
    session_id = created(cli, confirm=True)
    code, done = cli.call(
        "completeMission", session_id, "completed", '{"attendedParticipants": 9, "notes": "Rain"}'
    )
    assert code == 0 and isinstance(done, dict)
    session = done["session"]
    assert isinstance(session, dict)
    assert (session["attendedParticipants"], session["completionNotes"]) == (9, "Rain")


def test_import_reference_lists_the_conflicts_it_creates(
    cli: Cli, tmp_path: Path, database_url: str
) -> None:
    session_id = created(cli, confirm=True)

    code, out, err = cli.run("import-reference", str(leave_file(tmp_path, "2025-03-10")))

    assert (code, err) == (0, "")
    assert out.splitlines()[-3:] == [
        "Sessions now on a setup or operator that cannot serve them (1):",
        f"  {session_id} on 2025-03-10 in occitanie: operator op_occitanie_1 is on leave that day",
        "Reallocate them all with import-reference --reallocate, or one by one with: "
        "dst-desktop call reallocateSession SESSION_ID",
    ]
    code, listed = cli.call("getResourceConflicts")
    assert code == 0
    assert listed == {
        "success": True,
        "conflicts": [
            {
                "sessionId": session_id,
                "date": "2025-03-10",
                "regionId": "occitanie",
                "reason": "operator_on_leave",
                "operatorId": "op_occitanie_1",
            }
        ],
    }
    code, none = cli.call("getResourceConflicts", "2025-03-11", "2025-03-31")
    assert (code, none) == (0, {"success": True, "conflicts": []})
    before = database_dump(database_url)
    code, bad = cli.call("getResourceConflicts", "March")
    assert code == 1 and isinstance(bad, dict) and bad["field"] == "from"
    assert database_dump(database_url) == before

    code, moved = cli.call("reallocateSession", session_id)
    assert code == 0 and isinstance(moved, dict)
    assert moved["allocatedOperatorId"] == "op_occitanie_2"


def test_import_reference_json_and_reallocate_all(cli: Cli, tmp_path: Path) -> None:
    first = created(cli, confirm=True)
    code, _ = cli.call("createSessionBooking", REQUEST.replace("03-10", "03-11"))
    code, listed = cli.call("getResourceConflicts")
    assert listed == {"success": True, "conflicts": []}
    leave = leave_file(tmp_path, "2025-03-10")

    code, out, _ = cli.run("import-reference", str(leave), "--json", "--reallocate")

    assert code == 0
    report = json.loads(out)
    assert [item["sessionId"] for item in report["conflicts"]] == [first]
    assert report["conflicts"][0]["reason"] == "operator_on_leave"
    assert [item["allocatedOperatorId"] for item in report["reallocations"]] == ["op_occitanie_2"]
    code, listed = cli.call("getResourceConflicts")
    assert listed == {"success": True, "conflicts": []}


def test_importing_again_with_reallocate_repairs_what_the_first_import_left(
    cli: Cli, tmp_path: Path
) -> None:
    session_id = created(cli, confirm=True)
    leave = leave_file(tmp_path, "2025-03-10")
    code, out, _ = cli.run("import-reference", str(leave))
    assert code == 0 and "import-reference --reallocate" in out

    code, out, _ = cli.run("import-reference", str(leave), "--json", "--reallocate")

    assert code == 0
    report = json.loads(out)
    assert report["conflicts"] == []
    assert [item["sessionId"] for item in report["reallocations"]] == [session_id]
    assert report["reallocations"][0]["allocatedOperatorId"] == "op_occitanie_2"
    code, listed = cli.call("getResourceConflicts")
    assert listed == {"success": True, "conflicts": []}


def test_the_new_functions_check_their_arguments(cli: Cli) -> None:
    code, _out, err = cli.run("call", "rescheduleSession", "sess_1_x")
    assert code == 2
    assert "usage: call rescheduleSession SESSION_ID NEW_DATE" in err
    code, _out, err = cli.run("call", "getResourceConflicts", "a", "b", "c")
    assert code == 2 and "getResourceConflicts takes 0 to 2 argument(s), got 3" in err
