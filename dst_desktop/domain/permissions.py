"""Who may do what (SPEC 10): the three roles of a team's database, as data.

On PostgreSQL each person has a login that is a member of one group role —
``dst_booking``, ``dst_planner`` or ``dst_admin`` — and the database enforces the same
table with privileges and row-level security. A SQLite file has one user, its owner,
who may do everything (the file's permissions are the protection).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum


class Role(StrEnum):
    """A role of SPEC 10; each includes everything the roles before it may do."""

    BOOKING = "booking"
    PLANNER = "planner"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    @property
    def group(self) -> str:
        """The PostgreSQL group role: ``dst_booking``…"""
        return f"dst_{self.value}"


class Action(Enum):
    """Something a person does with DST Desktop; its value says it in a refusal message."""

    READ = "Reading the bookings"
    CHECK_AVAILABILITY = "Checking availability"
    CREATE_BOOKING = "Creating a booking"
    CHANGE_BOOKING = "Changing a pending booking"
    CANCEL_BOOKING = "Cancelling a pending booking"
    ADD_CLIENT = "Adding a client"
    PRINT = "Printing"
    EXPORT = "Exporting lists and calendars"
    EXPORT_EVENT_BOOKINGS = "Exporting event bookings"
    CONFIRM = "Confirming a booking"
    SCHEDULE_MISSION = "Scheduling a mission"
    START_MISSION = "Starting a mission"
    COMPLETE_MISSION = "Completing a mission"
    CANCEL_MISSION = "Cancelling a mission"
    RESCHEDULE = "Rescheduling a session"
    REALLOCATE = "Reallocating a session"
    IMPORT_EVENT_BOOKINGS = "Importing event bookings"
    EDIT_REFERENCE = "Changing reference data"
    IMPORT_REFERENCE = "Importing reference data"
    EXPORT_SNAPSHOT = "Exporting a snapshot"
    IMPORT_SNAPSHOT = "Importing a snapshot"
    GENERATE_DATA = "Generating data"
    MANAGE_USERS = "Managing users"


#: SPEC 10's table: the least role each action needs.
NEEDED_ROLE: dict[Action, Role] = {
    Action.READ: Role.BOOKING,
    Action.CHECK_AVAILABILITY: Role.BOOKING,
    Action.CREATE_BOOKING: Role.BOOKING,
    Action.CHANGE_BOOKING: Role.BOOKING,
    Action.CANCEL_BOOKING: Role.BOOKING,
    Action.ADD_CLIENT: Role.BOOKING,
    Action.PRINT: Role.BOOKING,
    Action.EXPORT: Role.BOOKING,
    Action.EXPORT_EVENT_BOOKINGS: Role.BOOKING,
    Action.CONFIRM: Role.PLANNER,
    Action.SCHEDULE_MISSION: Role.PLANNER,
    Action.START_MISSION: Role.PLANNER,
    Action.COMPLETE_MISSION: Role.PLANNER,
    Action.CANCEL_MISSION: Role.PLANNER,
    Action.RESCHEDULE: Role.PLANNER,
    Action.REALLOCATE: Role.PLANNER,
    Action.IMPORT_EVENT_BOOKINGS: Role.PLANNER,
    Action.EDIT_REFERENCE: Role.ADMIN,
    Action.IMPORT_REFERENCE: Role.ADMIN,
    Action.EXPORT_SNAPSHOT: Role.ADMIN,
    Action.IMPORT_SNAPSHOT: Role.ADMIN,
    Action.GENERATE_DATA: Role.ADMIN,
    Action.MANAGE_USERS: Role.ADMIN,
}


@dataclass(frozen=True)
class Access:
    """Who is at the keyboard, as the database knows them.

    ``owner`` is true for a SQLite file (its owner is its only user) and, on PostgreSQL,
    for the database's owner or a superuser: every action is allowed. Otherwise ``role``
    is the highest DST Desktop role of the login, or None when it has none.
    """

    login: str | None
    role: Role | None
    owner: bool = False

    @property
    def effective_role(self) -> Role | None:
        return Role.ADMIN if self.owner else self.role

    def may(self, action: Action) -> bool:
        role = self.effective_role
        return role is not None and role.rank >= NEEDED_ROLE[action].rank

    @property
    def shown_role(self) -> str:
        """``booking``, ``database owner``, or ``no DST Desktop role``."""
        if self.owner:
            return "database owner" if self.login is not None else "owner of this file"
        return self.role.value if self.role is not None else "no DST Desktop role"


#: Everything allowed: a SQLite file, whose owner is its only user.
FILE_OWNER = Access(login=None, role=Role.ADMIN, owner=True)


def refusal_message(action: Action, access: Access) -> str:
    """``Confirming a booking needs the planner role; you are alice (booking)``."""
    who = access.login or "this user"
    return (
        f"{action.value} needs the {NEEDED_ROLE[action].value} role; "
        f"you are {who} ({access.shown_role})"
    )


#: The longest actor name the audit log keeps.
MAX_ACTOR_LENGTH = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def actor_problem(name: str) -> str:
    """Why ``name`` cannot be recorded as the audit log's actor ("" when it can)."""
    if not name.strip():
        return "an actor name cannot be empty"
    if len(name) > MAX_ACTOR_LENGTH:
        return f"an actor name has at most {MAX_ACTOR_LENGTH} characters (got {len(name)})"
    if _CONTROL.search(name):
        return "an actor name cannot contain control characters (line breaks, tabs…)"
    if name != name.strip():
        return "an actor name cannot begin or end with spaces"
    return ""
