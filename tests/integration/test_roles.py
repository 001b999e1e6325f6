"""Who may do what (SPEC 10) on a real PostgreSQL server, as a team would set it up.

The database belongs to an owner role with CREATEROLE (the README's steps); ``init`` as
that owner creates the group roles and grants; the owner adds three people
with ``users add … --password-stdin``. Every workflow function and every command is then
tried as each login, and refused ones must say which role they need and change nothing —
and the same refusals hold when the login talks SQL to the server directly.

Roles live in the whole cluster, not in one database: the logins here carry a unique
suffix and are dropped at the end.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from dst_desktop.api import open_workflows
from dst_desktop.cli import main
from dst_desktop.domain.errors import ActorError
from dst_desktop.domain.permissions import Role
from tests.conftest import TODAY, booking_request
from tests.postgres_server import PostgresServer
from tests.team_database import ROLES, Team, next_day, team_database


@pytest.fixture(scope="module")
def team(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Team]:
    with team_database(postgres_server, tmp_path_factory.mktemp("team")) as made:
        yield made


def refusal(team: Team, role: str, phrase: str, needed: str) -> str:
    return f"{phrase} needs the {needed} role; you are {team.logins[role]} ({role})"


# -- workflow functions, through `call`, as each login ----------------------------------

#: Each workflow function, the role it needs (SPEC 10), and the words of its refusal.
FUNCTIONS = {
    "checkAvailability": ("booking", "Checking availability"),
    "getBookingStatus": ("booking", "Reading the bookings"),
    "getSuggestedDates": ("booking", "Reading the bookings"),
    "createSessionBooking": ("booking", "Creating a booking"),
    "cancelPendingBooking": ("booking", "Cancelling a pending booking"),
    "confirmSessionBooking": ("planner", "Confirming a booking"),
    "scheduleMission": ("planner", "Scheduling a mission"),
    "startMission": ("planner", "Starting a mission"),
    "completeMission": ("planner", "Completing a mission"),
    "cancelMission": ("planner", "Cancelling a mission"),
    "updatePendingBooking": ("booking", "Changing a pending booking"),
    "getResourceConflicts": ("booking", "Reading the bookings"),
    "rescheduleSession": ("planner", "Rescheduling a session"),
}


def call_arguments(team: Team, function: str) -> list[str]:
    if function == "checkAvailability":
        return ["occitanie", next_day(), '["module_tir"]', "5"]
    if function == "getSuggestedDates":
        return ["occitanie", "3"]
    if function == "createSessionBooking":
        return [json.dumps(booking_request(date=next_day()))]
    if function in ("getBookingStatus", "cancelPendingBooking", "confirmSessionBooking"):
        return [team.pending()]
    if function == "updatePendingBooking":
        return [team.pending(), '{"notes": "call back before noon"}']
    if function == "getResourceConflicts":
        return []
    if function == "rescheduleSession":
        return [team.confirmed(), next_day()]
    extra = {"completeMission": ["completed"], "cancelMission": ["the client is ill"]}
    return [team.confirmed(), *extra.get(function, [])]


def allowed(role: str, needed: str) -> bool:
    return ROLES.index(role) >= ROLES.index(needed)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_each_workflow_function_is_allowed_or_refused_as_spec_10_says(
    team: Team, function: str, role: str
) -> None:
    needed, phrase = FUNCTIONS[function]
    arguments = call_arguments(team, function)
    before = team.dump()

    code, out, err = team.cli(role, "call", function, *arguments)

    result = json.loads(out)
    if allowed(role, needed):
        assert code == 0, out
        assert not isinstance(result, dict) or result["success"] is True
    else:
        assert code == 1
        assert err == ""
        assert result == {
            "success": False,
            "error": "PERMISSION_DENIED",
            "message": refusal(team, role, phrase, needed),
        }
        assert team.dump() == before


def test_the_seeds_example_of_a_refusal(team: Team) -> None:
    session_id = team.pending()
    with open_workflows(team.url("booking"), TODAY) as api:
        result = api.booking.confirm_session_booking(session_id)
    login = team.logins["booking"]
    assert result == {
        "success": False,
        "error": "PERMISSION_DENIED",
        "message": f"Confirming a booking needs the planner role; you are {login} (booking)",
    }


def test_reference_data_needs_an_admin_but_a_booking_login_adds_clients(team: Team) -> None:
    region = {"regions": [{"id": "corse", "name": "Corse"}]}
    client = {"clients": [{"id": f"client_{secrets.token_hex(3)}", "name": "Nouveau"}]}
    for role in ("booking", "planner"):
        with open_workflows(team.url(role), TODAY) as api:
            refused = api.reference.import_reference(region)
            assert refused["error"] == "PERMISSION_DENIED"
            assert refused["message"] == refusal(team, role, "Importing reference data", "admin")
    with open_workflows(team.url("booking"), TODAY) as api:
        assert api.reference.import_reference(client)["success"] is True
        # Changing that client is reference data again.
        changed = {"clients": [{**client["clients"][0], "name": "Renamed"}]}
        assert api.reference.import_reference(changed)["error"] == "PERMISSION_DENIED"
    with open_workflows(team.url("admin"), TODAY) as api:
        assert api.reference.import_reference(region)["success"] is True


# -- commands, as each login --------------------------------------------------------------


@pytest.fixture(scope="module")
def event_bookings(team: Team) -> Path:
    """A bookings bundle from an event laptop (a SQLite event database)."""
    snapshot = team.tmp / "snapshot.json"
    assert team.cli("owner", "export-snapshot", str(snapshot))[0] == 0
    laptop = f"sqlite:///{team.tmp / 'laptop.db'}"
    assert (
        main(
            ["--database", laptop, "--today", TODAY.isoformat(), "import-snapshot", str(snapshot)],
            io.StringIO(),
            io.StringIO(),
        )
        == 0
    )
    with open_workflows(laptop, TODAY) as api:
        assert api.booking.create_session_booking(booking_request(date="2025-06-02"))["success"]
    bundle = team.tmp / "back.json"
    assert (
        main(["--database", laptop, "export-bookings", str(bundle)], io.StringIO(), io.StringIO())
        == 0
    )
    return bundle


#: A command, the role it needs and the words of its refusal; None: the database owner.
COMMANDS: dict[str, tuple[str | None, str]] = {
    "import-reference": ("admin", "Importing reference data"),
    "export-snapshot": ("admin", "Exporting a snapshot"),
    "import-snapshot": ("admin", "Importing a snapshot"),
    "generate-data": ("admin", "Generating data"),
    "users list": ("admin", "Managing users"),
    "import-bookings": ("planner", "Importing event bookings"),
    "export-bookings": ("booking", "Exporting event bookings"),
    "export-sessions": ("booking", "Exporting lists and calendars"),
    "utilisation": ("booking", "Exporting lists and calendars"),
    "export-ical": ("booking", "Exporting lists and calendars"),
    "print-summary": ("booking", "Reading the bookings"),
    "day-sheet": ("booking", "Printing"),
    "audit": ("booking", "Reading the bookings"),
    "copy-database": ("booking", "Reading the bookings"),
    "init": (None, "Setting up the roles and grants"),
}


def command_arguments(team: Team, command: str, bundle: Path) -> list[str]:
    out = team.tmp / secrets.token_hex(4)
    reference = team.tmp / "reference.json"
    return {
        "import-reference": ["import-reference", str(reference)],
        "export-snapshot": ["export-snapshot", f"{out}.json"],
        "import-snapshot": ["import-snapshot", str(team.tmp / "snapshot.json")],
        "generate-data": ["generate-data", "--sessions", "2", "--pending", "1"],
        "users list": ["users", "list", "--json"],
        "import-bookings": ["import-bookings", str(bundle)],
        "export-bookings": ["export-bookings", f"{out}.json"],
        "export-sessions": ["export-sessions", f"{out}.csv"],
        "utilisation": ["utilisation", "--from", "2025-03-01", "--to", "2025-03-31", "--json"],
        "export-ical": ["export-ical", f"{out}.ics"],
        "print-summary": ["print-summary", team.pending(), "--pdf", f"{out}.pdf"],
        "day-sheet": ["day-sheet", "--date", "2025-03-10", "--pdf", f"{out}.pdf"],
        "audit": ["audit", "--json"],
        "copy-database": ["copy-database", f"sqlite:///{out}.db"],
        "init": ["init"],
    }[command]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_is_allowed_or_refused_as_spec_10_says(
    team: Team, event_bookings: Path, command: str, role: str
) -> None:
    needed, phrase = COMMANDS[command]
    arguments = command_arguments(team, command, event_bookings)
    before = team.dump()

    code, out, err = team.cli(role, *arguments)

    said = out + err
    if needed is not None and allowed(role, needed):
        assert "needs the" not in said, said
        if command == "import-snapshot":  # allowed, but not into an office database
            assert code == 1 and "holds office bookings" in err
        elif command == "export-bookings":  # allowed, on an event laptop
            assert code == 1 and "not an event database" in err
        else:
            assert code == 0, said
    else:
        assert code == 1, said
        if needed is None:
            assert f"{phrase} of " in err
            assert f"needs its owner, {team.owner}; you are {team.logins[role]}" in err
        else:
            assert refusal(team, role, phrase, needed) in said
        assert "Traceback" not in said
        assert team.dump() == before


def test_init_by_the_owner_changes_nothing_the_second_time(team: Team) -> None:
    before = team.dump()
    code, out, _ = team.cli("owner", "init")
    assert code == 0
    assert "Roles dst_booking, dst_planner and dst_admin" in out
    assert team.dump() == before


def test_an_owner_without_createrole_is_told_what_to_ask(postgres_server: PostgresServer) -> None:
    owner = f"plain_owner_{os.getpid()}_{secrets.token_hex(3)}"
    postgres_server.psql(f"CREATE ROLE {owner} LOGIN PASSWORD 'pw'")
    database = postgres_server.new_database("nocreaterole", owner=owner)
    try:
        out, err = io.StringIO(), io.StringIO()
        url = postgres_server.url(database, user=owner, password="pw")
        code = main(["--database", url, "init"], out, err)
        assert code == 1
        assert err.getvalue() == (
            f"dst-desktop: error: The owner of {owner}@127.0.0.1/{database}, {owner}, needs the "
            "CREATEROLE attribute to create the roles dst_booking, dst_planner and dst_admin and "
            f"the users' logins: as PostgreSQL's superuser, run ALTER ROLE {owner} CREATEROLE\n"
        )
    finally:
        postgres_server.drop_database(database)
        postgres_server.psql(f"DROP ROLE {owner}")


# -- the same refusals, in SQL ------------------------------------------------------------


def sql_refused(team: Team, who: str, statement: str) -> str:
    """Run ``statement`` as ``who``; the server's refusal (a failure if it accepts)."""
    with team.connect(who) as connection, pytest.raises(psycopg.Error) as refused:
        connection.execute(statement)
    return str(refused.value)


def test_a_booking_login_cannot_confirm_or_allocate_in_sql(team: Team) -> None:
    pending = team.pending()
    confirmed = team.confirmed()
    before = team.dump()

    for statement in (
        f"UPDATE session SET status = 'confirmed', setup_id = 'setup_occitanie_5',"
        f" operator_id = 'op_occitanie_6' WHERE id = '{pending}'",
        f"UPDATE session SET setup_id = 'setup_occitanie_5' WHERE id = '{pending}'",
        f"UPDATE session SET status = 'completed' WHERE id = '{confirmed}'",
        f"UPDATE session SET notes = 'mine now' WHERE id = '{confirmed}'",
        "INSERT INTO session (id, client_id, region_id, date, requested_participants,"
        " capacity_max, status, booking_source, created_at, setup_id, operator_id)"
        " VALUES ('sess_forged', 'client_123', 'occitanie', '2025-12-01', 1, 12, 'confirmed',"
        " 'back_office', now(), 'setup_occitanie_1', 'op_occitanie_1')",
    ):
        message = sql_refused(team, "booking", statement)
        assert "row-level security" in message or "only a planner" in message, message
    with team.connect("booking") as connection:
        deleted = connection.execute(f"DELETE FROM session WHERE id = '{confirmed}'")
        assert deleted.rowcount == 0
    assert team.dump() == before


def test_a_temporary_table_cannot_stand_in_for_the_sessions(team: Team) -> None:
    """Row-level security asks the real session table whether a request is pending."""
    confirmed = team.confirmed()
    before = team.dump()
    with team.connect("booking") as connection:
        connection.execute(
            "CREATE TEMPORARY TABLE session AS SELECT id, 'pending_confirmation' AS status,"
            " NULL::varchar AS setup_id, NULL::varchar AS operator_id FROM public.session"
        )
        connection.execute("CREATE TEMPORARY TABLE pg_class (oid oid, relowner oid)")
        changed = connection.execute(
            "UPDATE session_module SET module_id = 'module_secourisme'"
            f" WHERE session_id = '{confirmed}'"
        )
        assert changed.rowcount == 0
    assert team.dump() == before


def test_a_booking_login_may_change_a_pending_request_in_sql(team: Team) -> None:
    pending = team.pending()
    with team.connect("booking") as connection:
        changed = connection.execute(
            f"UPDATE session SET notes = 'by phone' WHERE id = '{pending}'"
        )
        assert changed.rowcount == 1


def test_a_planner_may_confirm_in_sql_but_not_edit_reference_data(team: Team) -> None:
    pending = team.pending("2025-11-03")
    with team.connect("planner") as connection:
        changed = connection.execute(
            "UPDATE session SET status = 'confirmed', setup_id = 'setup_occitanie_1',"
            f" operator_id = 'op_occitanie_1' WHERE id = '{pending}'"
        )
        assert changed.rowcount == 1
    assert "permission denied for table setup" in sql_refused(
        team, "planner", "UPDATE setup SET active = false"
    )


@pytest.mark.parametrize("role", ["booking", "planner"])
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE setup SET active = false",
        "INSERT INTO region (id, name) VALUES ('atlantide', 'Atlantide')",
        "DELETE FROM operator_unavailable_date",
        "UPDATE module SET capacity_max = 99",
        "UPDATE client SET name = 'X'",
        "DELETE FROM offer",
        "INSERT INTO setting (key, value) VALUES ('event_snapshot', '{}')",
        "DELETE FROM setting",
    ],
)
def test_only_an_admin_changes_reference_data_in_sql(team: Team, role: str, statement: str) -> None:
    before = team.dump()
    message = sql_refused(team, role, statement)
    assert "permission denied" in message or "row-level security" in message, message
    assert team.dump() == before


@pytest.mark.parametrize("who", ["booking", "planner", "admin", "owner"])
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'someone else'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ],
)
def test_nobody_alters_or_deletes_audit_rows(team: Team, who: str, statement: str) -> None:
    team.pending()  # at least one audit row
    before = team.dump()
    message = sql_refused(team, who, statement)
    assert "append-only" in message or "permission denied" in message, message
    assert team.dump() == before


def test_psql_as_a_booking_login_cannot_confirm_a_booking(team: Team) -> None:
    """The issue's own words: a booking login's psql session cannot confirm by UPDATE."""
    pending = team.pending()
    psql = team.server.binaries / "psql"
    login = team.logins["booking"]
    result = subprocess.run(
        [
            str(psql) if psql.exists() else "psql",
            "-X",
            "-h",
            "127.0.0.1",
            "-p",
            str(team.server.port),
            "-U",
            login,
            "-d",
            team.database,
            "-c",
            "UPDATE session SET status = 'confirmed', setup_id = 'setup_occitanie_1',"
            f" operator_id = 'op_occitanie_1' WHERE id = '{pending}'",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PGPASSWORD": team.passwords[login]},
        check=False,
    )
    assert result.returncode == 1
    assert 'new row violates row-level security policy for table "session"' in result.stderr
    with team.connect("owner") as connection:
        status = connection.execute(f"SELECT status FROM session WHERE id = '{pending}'").fetchone()
    assert status == ("pending_confirmation",)


# -- the audit log's actor -------------------------------------------------------------------


@pytest.mark.parametrize("who", ["booking", "planner", "owner"])
def test_the_audit_actor_is_the_database_login(team: Team, who: str) -> None:
    login = team.owner if who == "owner" else team.logins[who]
    with open_workflows(team.url(who), TODAY) as api:
        assert api.workflows.actor == login
        created = api.booking.create_session_booking(booking_request(date=next_day()))
        trail = api.workflows.queries.audit_trail(str(created["sessionId"]))
    assert [(entry.action, entry.actor) for entry in trail] == [("create", login)]


def test_an_actor_typed_in_sql_is_replaced_by_the_login(team: Team) -> None:
    with team.connect("booking") as connection:
        connection.execute(
            "INSERT INTO audit_entry (at, actor, action, session_id, details)"
            " VALUES (now(), 'the boss', 'confirm', 'sess_x', '{}')"
        )
        stored = connection.execute(
            "SELECT actor FROM audit_entry WHERE session_id = 'sess_x'"
        ).fetchall()
    assert stored == [(team.logins["booking"],)]


def test_actor_is_refused_on_postgresql(team: Team) -> None:
    code, out, err = team.cli(
        "booking", "--actor", "the boss", "call", "getSuggestedDates", "occitanie"
    )
    assert (code, out) == (2, "")
    assert err == (
        "dst-desktop: usage error: --actor cannot be used on a PostgreSQL database: the audit "
        "log records your database login, written by the database itself\n"
    )
    with pytest.raises(ActorError, match="--actor cannot be used on a PostgreSQL database"):
        open_workflows(team.url("booking"), TODAY, actor="the boss")


def test_the_audit_command_filters_by_actor_session_and_action(team: Team) -> None:
    session_id = team.pending()
    with open_workflows(team.url("planner"), TODAY) as api:
        assert api.booking.confirm_session_booking(session_id)["success"]
    code, out, _ = team.cli("booking", "audit", "--session", session_id, "--json")
    assert code == 0
    entries = json.loads(out)["entries"]
    assert [(e["action"], e["actor"]) for e in entries] == [
        ("create", team.owner),
        ("confirm", team.logins["planner"]),
    ]
    assert set(entries[1]) == {"at", "actor", "action", "sessionId", "details"}
    code, out, _ = team.cli(
        "booking", "audit", "--actor", team.logins["planner"], "--action", "confirm", "--json"
    )
    assert session_id in {entry["sessionId"] for entry in json.loads(out)["entries"]}
    assert {entry["actor"] for entry in json.loads(out)["entries"]} == {team.logins["planner"]}


# -- the database's word is final ------------------------------------------------------------


def test_a_role_taken_away_meanwhile_is_refused_by_the_database(team: Team) -> None:
    """The window remembers the role it read at start; the database does not."""
    suffix = secrets.token_hex(3)
    login = f"temp_{os.getpid()}_{suffix}"
    code, _, err = team.cli(
        "admin", "users", "add", login, "--role", "planner", "--password-stdin", stdin="tmp-pw\n"
    )
    assert code == 0, err
    team.passwords[login] = "tmp-pw"
    url = team.server.url(team.database, user=login, password="tmp-pw")
    session_id = team.pending()
    try:
        with open_workflows(url, TODAY) as api:
            assert api.workflows.permissions.access().role is Role.PLANNER  # remembered
            assert team.cli("admin", "users", "set-role", login, "booking")[0] == 0
            before = team.dump()
            result = api.booking.confirm_session_booking(session_id)
            assert result["error"] == "PERMISSION_DENIED"
            assert str(result["message"]).startswith(
                "Confirming a booking was refused by the database: "
            )
            assert team.dump() == before
    finally:
        team.cli("admin", "users", "remove", login)


# -- users --------------------------------------------------------------------------------------


def test_an_admin_manages_logins_and_a_new_login_signs_in_with_its_password(team: Team) -> None:
    login = f"zoe_{os.getpid()}_{secrets.token_hex(3)}"
    code, out, err = team.cli(
        "admin",
        "users",
        "add",
        login,
        "--role",
        "booking",
        "--password-stdin",
        stdin="zoé secret\n",
    )
    assert (code, err) == (0, "")
    try:
        with psycopg.connect(
            team.server.url(team.database, user=login, password="zoé secret")
        ) as c:
            assert c.execute("SELECT session_user").fetchone() == (login,)
        code, out, _ = team.cli("admin", "users", "list", "--json")
        listed = json.loads(out)["users"]
        assert {"login": login, "role": "booking"} in listed
        assert {"login": team.logins["admin"], "role": "admin"} in listed
        assert all(set(user) == {"login", "role"} for user in listed)
        assert team.cli("admin", "users", "set-role", login, "planner")[1] == (
            f"{login}: booking → planner\n"
        )
        assert {"login": login, "role": "planner"} in json.loads(
            team.cli("owner", "users", "list", "--json")[1]
        )["users"]
    finally:
        code, out, _ = team.cli("admin", "users", "remove", login)
    assert (code, out) == (0, f"Login {login} (planner) removed.\n")
    assert team.server.psql(f"SELECT count(*) FROM pg_roles WHERE rolname = '{login}'") == "0\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Alice", "--role", "booking"], '"Alice" is not a valid login name'),
        (["add", "a b", "--role", "booking"], '"a b" is not a valid login name'),
        (["add", 'x"; DROP ROLE postgres; --', "--role", "booking"], "is not a valid login name"),
        (["add", "pg_signal", "--role", "booking"], "a name PostgreSQL or DST Desktop keeps"),
        (["add", "dst_admin", "--role", "booking"], "a name PostgreSQL or DST Desktop keeps"),
        (["add", "a" * 64, "--role", "booking"], "is too long for a login name"),
        (["add", "postgres", "--role", "booking"], "a login named postgres already exists"),
        (["set-role", "postgres", "admin"], '"postgres" is not a DST Desktop login'),
        (["remove", "postgres"], '"postgres" is not a DST Desktop login'),
        (
            [
                "remove",
                "nobody_here",
            ],
            '"nobody_here" is not a DST Desktop login',
        ),
    ],
)
def test_every_refused_users_command_says_why_and_changes_nothing(
    team: Team, args: list[str], message: str
) -> None:
    roles_before = team.server.psql("SELECT rolname FROM pg_roles ORDER BY 1")
    code, out, err = team.cli("admin", "users", *args)
    assert (code, out) == (1, "")
    assert message in err and err.startswith("dst-desktop: error: ")
    assert team.server.psql("SELECT rolname FROM pg_roles ORDER BY 1") == roles_before


def test_an_admin_cannot_remove_the_owner_or_itself(team: Team) -> None:
    code, _, err = team.cli("admin", "users", "remove", team.owner)
    assert code == 1 and "is not a DST Desktop login" in err
    code, _, err = team.cli("admin", "users", "remove", team.logins["admin"])
    assert code == 1
    assert f"you cannot remove your own login ({team.logins['admin']})" in err


def test_the_user_functions_refuse_a_booking_login_in_sql(team: Team) -> None:
    message = sql_refused(team, "booking", "SELECT dst_add_user('mallory', 'admin', NULL)")
    assert "permission denied for function dst_add_user" in message


def test_an_empty_password_is_refused(team: Team) -> None:
    code, out, err = team.cli(
        "admin",
        "users",
        "add",
        f"empty_{os.getpid()}",
        "--role",
        "booking",
        "--password-stdin",
        stdin="\n",
    )
    assert (code, out) == (1, "")
    assert "the password read from standard input is empty" in err


@pytest.mark.parametrize("given", [["--password", "hunter2-secret"], ["--password=hunter2-secret"]])
def test_a_password_on_the_command_line_is_refused_and_never_repeated(
    team: Team, given: list[str]
) -> None:
    login = f"cli_pw_{os.getpid()}"
    roles_before = team.server.psql("SELECT rolname FROM pg_roles ORDER BY 1")
    code, out, err = team.cli("admin", "users", "add", login, "--role", "booking", *given)
    assert (code, out) == (2, "")
    assert "a password is never taken from the command line" in err
    assert "--password-stdin" in err and "hunter2" not in err
    assert team.server.psql("SELECT rolname FROM pg_roles ORDER BY 1") == roles_before
