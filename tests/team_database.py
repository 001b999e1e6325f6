"""A team's PostgreSQL database set up as the README says: an owner with CREATEROLE runs
``init`` and adds three people, one per role. Used by the integration and GUI tests.

Roles live in the whole cluster, not in one database: the logins carry a unique suffix
and are dropped at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import psycopg

from dst_desktop.api import open_workflows
from dst_desktop.cli import main
from dst_desktop.services.results import BookingCreated
from tests.conftest import TODAY, booking_request, database_dump, sample_reference
from tests.postgres_server import PostgresServer

ROLES = ("booking", "planner", "admin")
_days = count()


def next_day() -> str:
    """A different booking day for every session made here, so that none runs out."""
    return (dt.date(2025, 3, 3) + dt.timedelta(days=next(_days))).isoformat()


@dataclass
class Team:
    server: PostgresServer
    database: str
    owner: str
    tmp: Path
    logins: dict[str, str] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)

    def url(self, who: str) -> str:
        """The URL of ``owner`` or of the login with the role ``who``."""
        login = self.owner if who == "owner" else self.logins[who]
        return self.server.url(self.database, user=login, password=self.passwords[login])

    def cli(self, who: str, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            code = main(
                ["--database", self.url(who), "--today", TODAY.isoformat(), *args], out, err
            )
        finally:
            sys.stdin = saved
        return code, out.getvalue(), err.getvalue()

    def connect(self, who: str) -> Any:
        return psycopg.connect(self.url(who), autocommit=True)

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        return database_dump(self.url("owner"))

    def pending(self, day: str | None = None) -> str:
        with open_workflows(self.url("owner"), TODAY) as api:
            created = api.workflows.booking.create_session_booking(
                booking_request(date=day or next_day())
            )
        assert isinstance(created, BookingCreated), created
        return created.session.id

    def confirmed(self) -> str:
        session_id = self.pending()
        with open_workflows(self.url("owner"), TODAY) as api:
            assert api.workflows.booking.confirm_session_booking(session_id).success
        return session_id


@contextlib.contextmanager
def team_database(server: PostgresServer, tmp: Path) -> Iterator[Team]:
    suffix = f"{os.getpid()}_{secrets.token_hex(3)}"
    owner = f"dst_owner_{suffix}"
    password = secrets.token_hex(8)
    server.psql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'")
    database = server.new_database("team", owner=owner)
    made = Team(server, database, owner, tmp)
    made.passwords[owner] = password
    try:
        assert made.cli("owner", "init")[0] == 0
        reference = made.tmp / "reference.json"
        reference.write_text(json.dumps(sample_reference()), encoding="utf-8")
        assert made.cli("owner", "import-reference", str(reference))[0] == 0
        for role, name in zip(ROLES, ("alice", "paul", "ada"), strict=True):
            login = f"{name}_{suffix}"
            secret = secrets.token_hex(8)
            code, out, err = made.cli(
                "owner",
                "users",
                "add",
                login,
                "--role",
                role,
                "--password-stdin",
                stdin=secret + "\n",
            )
            assert code == 0, err
            assert out == f"Login {login} added with the {role} role.\n"
            made.logins[role] = login
            made.passwords[login] = secret
        yield made
    finally:
        server.drop_database(database)
        for login in [*made.logins.values(), owner]:
            with contextlib.suppress(RuntimeError):
                server.psql(f"DROP ROLE IF EXISTS {login}")
