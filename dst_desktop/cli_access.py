"""``dst-desktop users …`` and ``dst-desktop audit`` (SPEC 10): who may do what, and who did.

Part of the command line's composition root (:mod:`dst_desktop.cli`), in a room of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from typing import Any, TextIO

from dst_desktop.cli import (
    EXIT_OK,
    CommandError,
    UsageError,
    _business_date,
    _print_json,
)
from dst_desktop.domain.permissions import Role

_ROLES = [role.value for role in Role]


def add_access_commands(commands: argparse._SubParsersAction[Any]) -> None:
    users = commands.add_parser(
        "users",
        help="manage the logins of a team's PostgreSQL database (admin or database owner)",
        description="Each person has a login of their own with one role: booking (book, "
        "change and cancel requests), planner (also confirm, missions, event imports) or "
        "admin (also reference data, snapshots, users). Passwords are read from standard "
        "input, never from the command line.",
    )
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="create a login with a role")
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--role", choices=_ROLES, required=True)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (one line); without it the login has "
        "no password, for servers that authenticate it otherwise",
    )
    # A password typed on the command line is refused without being repeated: otherwise
    # argparse would take --password for --password-stdin and print the password back.
    add.add_argument(
        "--password", nargs="?", const="", dest="password_on_command_line", help=argparse.SUPPRESS
    )
    listing = actions.add_parser("list", help="the logins and their roles")
    listing.add_argument("--json", action="store_true", help='print {"users": [...]}')
    set_role = actions.add_parser("set-role", help="give a login another role")
    set_role.add_argument("login", metavar="LOGIN")
    set_role.add_argument("role", metavar="ROLE", choices=_ROLES)
    remove = actions.add_parser("remove", help="remove a login")
    remove.add_argument("login", metavar="LOGIN")

    audit = commands.add_parser(
        "audit",
        help="list the audit log: who did what, when, on which session",
        description="The audit log, oldest first. On a team's database the actor is the "
        "database login, recorded by the database itself.",
    )
    audit.add_argument("--session", metavar="ID", help="one session")
    audit.add_argument("--actor", dest="audit_actor", metavar="LOGIN", help="one actor")
    audit.add_argument("--action", metavar="A", help="one action, e.g. confirm")
    audit.add_argument("--from", dest="first", metavar="YYYY-MM-DD", type=_business_date)
    audit.add_argument("--to", dest="last", metavar="YYYY-MM-DD", type=_business_date)
    audit.add_argument("--limit", type=int, metavar="N", help="the newest N entries only")
    audit.add_argument(
        "--json",
        action="store_true",
        help='print {"entries": [{"at", "actor", "action", "sessionId", "details"}]}',
    )


def _password(login: str) -> str:
    """One line of standard input; typed twice, unseen, at a terminal."""
    stream = sys.stdin
    if stream is None:
        raise CommandError("--password-stdin: there is no standard input to read from")
    if stream.isatty():
        first = getpass.getpass(f"Password for {login}: ")
        if getpass.getpass("Once more: ") != first:
            raise CommandError("the two passwords differ; nothing was changed")
        return first
    line = stream.readline()
    return line.removesuffix("\n").removesuffix("\r")


def run_users(url: str, today: dt.date | None, args: argparse.Namespace, out: TextIO) -> int:
    from dst_desktop.api import open_workflows

    if getattr(args, "password_on_command_line", None) is not None:
        raise UsageError(
            "--password: a password is never taken from the command line, where your shell's "
            "history and other users' process lists would keep it; use --password-stdin and "
            "type it, or pipe it in. Nothing was changed"
        )
    password = _password(args.login) if getattr(args, "password_stdin", False) else None
    with open_workflows(url, today) as api:
        users = api.workflows.users
        command = args.users_command
        if command == "list":
            found = users.users()
            if args.json:
                listed = [{"login": user.login, "role": user.role.value} for user in found]
                _print_json({"users": listed}, out)
            elif not found:
                out.write("No DST Desktop logins yet: add one with `dst-desktop users add`.\n")
            else:
                width = max(len(user.login) for user in found)
                out.writelines(f"{user.login.ljust(width)}  {user.role.value}\n" for user in found)
        elif command == "add":
            user = users.add(args.login, Role(args.role), password)
            tail = (
                ""
                if password is not None
                else " It has no password: it signs in only where the server trusts it "
                "otherwise (--password-stdin sets one)."
            )
            out.write(f"Login {user.login} added with the {user.role.value} role.{tail}\n")
        elif command == "set-role":
            before, after = users.set_role(args.login, Role(args.role))
            change = "unchanged" if before is after else f"{before.value} → {after.value}"
            out.write(f"{args.login}: {change}\n")
        else:
            removed = users.remove(args.login)
            out.write(f"Login {removed.login} ({removed.role.value}) removed.\n")
    return EXIT_OK


def run_audit(url: str, today: dt.date | None, args: argparse.Namespace, out: TextIO) -> int:
    from dst_desktop.api import open_workflows
    from dst_desktop.services.audit import audit_entry_to_dict, checked_filter
    from dst_desktop.services.validation import InvalidInputError

    try:
        query = checked_filter(
            args.session, args.audit_actor, args.action, args.first, args.last, args.limit
        )
    except InvalidInputError as error:
        option = {"session": "--session", "to": "--to", "limit": "--limit"}.get(
            error.field, f"--{error.field}"
        )
        raise UsageError(f"{option}: {error.message}") from None
    with open_workflows(url, today) as api:
        entries = api.workflows.audit.entries(query)
    if args.json:
        _print_json({"entries": [audit_entry_to_dict(entry) for entry in entries]}, out)
        return EXIT_OK
    if not entries:
        out.write("No audit entries match.\n")
        return EXIT_OK
    rows = [
        (
            str(row["at"]),
            str(row["actor"]),
            str(row["action"]),
            str(row["sessionId"] or "—"),
            json.dumps(row["details"], ensure_ascii=False, sort_keys=True),
        )
        for row in map(audit_entry_to_dict, entries)
    ]
    widths = [max(len(row[n]) for row in rows) for n in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        out.write("  ".join([*cells, row[4]]) + "\n")
    return EXIT_OK
