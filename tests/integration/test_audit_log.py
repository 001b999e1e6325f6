"""The audit log on both backends (SPEC 10): append-only, an actor name that is checked,
``dst-desktop audit`` and its filters; a SQLite file's owner may do everything and keeps
the file to themselves."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from dst_desktop import paths
from dst_desktop.api import open_workflows
from dst_desktop.domain.permissions import FILE_OWNER, Action
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, DatabaseReader, booking_request, database_dump, run_cli


def made_booking(workflows: Workflows) -> str:
    created = workflows.booking.create_session_booking(booking_request())
    assert created.success, created
    session_id = created.session.id  # type: ignore[union-attr]
    assert workflows.booking.confirm_session_booking(session_id).success
    return session_id


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET actor = 'someone else'", "DELETE FROM audit_entry"],
)
def test_audit_rows_cannot_be_changed_or_deleted(
    workflows: Workflows, database_url: str, statement: str
) -> None:
    """Even for the file's owner, or the server's superuser the tests connect as."""
    made_booking(workflows)
    before = database_dump(database_url)
    reader = DatabaseReader(database_url)
    try:
        # sqlite3.IntegrityError or psycopg's InsufficientPrivilege
        with pytest.raises(Exception, match="append-only"):
            reader.execute(statement)
    finally:
        reader.close()
    assert database_dump(database_url) == before


def test_the_audit_command_lists_every_entry_as_json(
    workflows: Workflows, database_url: str
) -> None:
    session_id = made_booking(workflows)

    code, out, err = run_cli(database_url, "audit", "--json")

    assert (code, err) == (0, "")
    entries = json.loads(out)["entries"]
    assert [entry["action"] for entry in entries] == ["import_reference", "create", "confirm"]
    confirm = entries[-1]
    assert confirm["sessionId"] == session_id
    assert confirm["actor"] == workflows.actor
    assert confirm["at"].startswith(TODAY.isoformat()) and confirm["at"].endswith("Z")
    assert confirm["details"] == {
        "setupId": "setup_occitanie_1",
        "operatorId": "op_occitanie_1",
        "date": "2025-03-10",
    }


def test_the_audit_command_filters(workflows: Workflows, database_url: str) -> None:
    first = made_booking(workflows)
    made_booking(workflows)

    def listed(*filters: str) -> list[tuple[str, str | None]]:
        code, out, _ = run_cli(database_url, "audit", "--json", *filters)
        assert code == 0
        return [(e["action"], e["sessionId"]) for e in json.loads(out)["entries"]]

    assert listed("--session", first) == [("create", first), ("confirm", first)]
    assert [action for action, _ in listed("--action", "confirm")] == ["confirm", "confirm"]
    assert len(listed("--actor", workflows.actor)) == 5
    assert listed("--actor", "nobody") == []
    assert len(listed("--from", TODAY.isoformat(), "--to", TODAY.isoformat())) == 5
    assert listed("--to", "2025-02-19") == []
    assert listed("--from", "2025-02-21") == []
    assert listed("--action", "confirm", "--limit", "1")[0][0] == "confirm"
    assert len(listed("--limit", "2")) == 2


def test_the_audit_command_as_text(workflows: Workflows, database_url: str) -> None:
    session_id = made_booking(workflows)
    code, out, _ = run_cli(database_url, "audit", "--session", session_id)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[1].split()[1:4] == [workflows.actor, "confirm", session_id]
    assert (
        run_cli(database_url, "audit", "--session", "sess_none")[1] == "No audit entries match.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-03-02", "--to", "2025-03-01"], "--to: the period ends (2025-03-01)"),
        (["--session", "bad id!"], '--session: session "bad id!" is not a valid id'),
        (["--actor", "a\nb"], "--actor: "),
        (["--limit", "0"], "--limit: the limit must be from 1"),
        (["--from", "2025-13-01"], "'2025-13-01' is not a date"),
    ],
)
def test_bad_audit_filters_are_usage_errors(
    database_url: str, args: list[str], message: str
) -> None:
    code, out, err = run_cli(database_url, "audit", *args)
    assert (code, out) == (2, "")
    assert message in err


# -- SQLite: one user, every right, a private file -------------------------------------------


def test_on_a_file_every_action_is_allowed(tmp_path: Path) -> None:
    store = PeeweeStore.open(f"sqlite:///{tmp_path / 'own.db'}")
    try:
        assert store.access() == FILE_OWNER
        assert all(store.access().may(action) for action in Action)
    finally:
        store.close()


def test_on_a_file_the_actor_is_the_one_given_and_checked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'own.db'}"
    with open_workflows(url, TODAY, actor="Anne Martin") as api:
        assert api.workflows.actor == "Anne Martin"
    for actor, message in (
        ("x" * 101, "--actor: an actor name has at most 100 characters (got 101)"),
        ("anne\nroot", "--actor: an actor name cannot contain control characters"),
        (" anne", "--actor: an actor name cannot begin or end with spaces"),
        ("", "--actor: an actor name cannot be empty"),
    ):
        code, out, err = run_cli(url, "--actor", actor, "audit")
        assert (code, out) == (2, "")
        assert err.startswith(f"dst-desktop: usage error: {message}")


def test_a_file_refuses_an_actor_name_written_around_the_program(tmp_path: Path) -> None:
    path = tmp_path / "own.db"
    PeeweeStore.open(f"sqlite:///{path}").close()
    reader = DatabaseReader(path)
    try:
        with pytest.raises(Exception, match="refuses an actor name"):
            reader.execute(
                "INSERT INTO audit_entry (at, actor, action, details)"
                " VALUES ('2025-02-20 10:00:00', 'eve' || char(10) || 'root', 'x', '{}')"
            )
    finally:
        reader.close()


def test_a_file_has_no_users_to_manage(tmp_path: Path) -> None:
    code, out, err = run_cli(f"sqlite:///{tmp_path / 'own.db'}", "users", "list")
    assert (code, out) == (1, "")
    assert "is a database file: it has no logins, and its owner may do everything" in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_a_new_database_file_and_the_data_folder_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    old = os.umask(0o022)  # the usual umask, whatever the test runner's
    try:
        folder = paths.data_dir()
        url = paths.default_database_url()
        PeeweeStore.open(url).close()
    finally:
        os.umask(old)
    database = Path(url.removeprefix("sqlite:///"))

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert all(
        stat.S_IMODE(p.stat().st_mode) == 0o600
        for p in folder.iterdir()
        if p.name.startswith("bookings")
    )


def test_a_version_4_database_becomes_append_only_when_upgraded(
    workflows: Workflows, database_url: str
) -> None:
    made_booking(workflows)
    workflows.store.close()
    reader = DatabaseReader(database_url)
    try:
        if database_url.startswith("postgresql"):
            reader.execute("DROP TRIGGER audit_entry_append_only ON audit_entry")
            reader.execute("DROP TRIGGER audit_entry_actor ON audit_entry")
            reader.execute("UPDATE schema_version SET version = 4")
        else:
            for name in ("no_update", "no_delete", "actor_check"):
                reader.execute(f"DROP TRIGGER audit_entry_{name}")
            reader.execute("PRAGMA user_version = 4")
        for column in ("previous_session_id", "attended_participants", "completion_notes"):
            reader.execute(f'ALTER TABLE "session" DROP COLUMN "{column}"')  # version 6's
        reader.execute("UPDATE audit_entry SET details = '{}'")  # version 4 allowed it

        PeeweeStore.open(database_url).close()

        with pytest.raises(Exception, match="append-only"):
            reader.execute("DELETE FROM audit_entry")
    finally:
        reader.close()
