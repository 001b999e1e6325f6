"""Managing the logins of a team's database (SPEC 10): ``dst-desktop users …``.

Only an ``admin`` (or the database owner) may. Each person gets a login of their own,
a member of one of the groups ``dst_booking``, ``dst_planner``, ``dst_admin``; the
database does the work through functions that touch DST Desktop logins only. Passwords
come from standard input and are hashed before they leave this computer.
"""

from __future__ import annotations

import re

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import UserAccount
from dst_desktop.domain.permissions import Action, Role
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.store import Store, UserAccounts
from dst_desktop.services.validation import show

#: PostgreSQL keeps 63 bytes of a name; lower case, so that ``alice`` in a URL is alice.
MAX_LOGIN_LENGTH = 63
_LOGIN = re.compile(r"[a-z][a-z0-9_.-]*")
_RESERVED = frozenset(
    {
        *(role.group for role in Role),
        "public",
        "none",
        "all",
        "user",
        "current_user",
        "current_role",
        "session_user",
    }
)
MAX_PASSWORD_LENGTH = 1000


class UserAdministrationError(StorageError):
    """A users command that cannot be done as asked; the message says why, nothing changed."""


def login_problem(login: str) -> str:
    """Why ``login`` cannot name a new login ("" when it can)."""
    if not login:
        return "a login name cannot be empty"
    if len(login.encode("utf-8")) > MAX_LOGIN_LENGTH:
        return f"{show(login)} is too long for a login name ({MAX_LOGIN_LENGTH} characters at most)"
    if not _LOGIN.fullmatch(login):
        return (
            f"{show(login)} is not a valid login name: use lower-case letters, digits, '_', '.' "
            "and '-', beginning with a letter"
        )
    if login.startswith("pg_") or login in _RESERVED:
        return f"{show(login)} is a name PostgreSQL or DST Desktop keeps for itself"
    return ""


def password_problem(password: str) -> str:
    if not password:
        return "the password read from standard input is empty"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"a password has at most {MAX_PASSWORD_LENGTH} characters"
    if "\x00" in password:
        return "a password cannot contain a NUL character"
    return ""


class UserAdministration:
    """``users add``, ``list``, ``set-role`` and ``remove``; every refusal a plain message."""

    def __init__(self, store: Store, accounts: UserAccounts | None) -> None:
        self.permissions = Permissions(store)
        self._store = store
        self._accounts = accounts

    def _ready(self) -> UserAccounts:
        accounts = self._accounts
        if accounts is None or not accounts.has_logins:
            raise UserAdministrationError(
                f"{self._store.description} is a database file: it has no logins, and its owner "
                "may do everything. Users are managed on a team's PostgreSQL database."
            )
        self.permissions.require(Action.MANAGE_USERS)
        return accounts

    def _known(self, accounts: UserAccounts, login: str) -> UserAccount:
        for user in accounts.users():
            if user.login == login:
                return user
        raise UserAdministrationError(
            f"{show(login)} is not a DST Desktop login of this database "
            "(`dst-desktop users list` shows them)"
        )

    def users(self) -> list[UserAccount]:
        return self._ready().users()

    def add(self, login: str, role: Role, password: str | None) -> UserAccount:
        accounts = self._ready()
        problem = login_problem(login) or (
            password_problem(password) if password is not None else ""
        )
        if problem:
            raise UserAdministrationError(problem)
        if accounts.login_exists(login):
            raise UserAdministrationError(
                f"a login named {login} already exists on this server (logins are shared by "
                "every database of a server); choose another name"
            )
        accounts.add_user(login, role, password)
        return UserAccount(login, role)

    def set_role(self, login: str, role: Role) -> tuple[Role, Role]:
        """The login's role before and after."""
        accounts = self._ready()
        before = self._known(accounts, login).role
        if before is not role:
            accounts.set_user_role(login, role)
        return before, role

    def remove(self, login: str) -> UserAccount:
        accounts = self._ready()
        user = self._known(accounts, login)
        if login == self.permissions.access().login:
            raise UserAdministrationError(
                f"you cannot remove your own login ({login}); another admin can"
            )
        accounts.remove_user(login)
        return user
