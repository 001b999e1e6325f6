"""What the services need from storage: a unit of work per workflow call.

The services depend on these protocols only; :mod:`dst_desktop.persistence` implements
them with Peewee, and tests may implement them in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from dst_desktop.domain.changes import ChangeSource
from dst_desktop.domain.model import (
    AuditEntry,
    AuditFilter,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    SaveOutcome,
    Session,
    SessionFilter,
    Setup,
    UserAccount,
)
from dst_desktop.domain.permissions import Access, Role
from dst_desktop.domain.rules import Holding
from dst_desktop.domain.utilisation import SessionTally


class StoreTransaction(Protocol):
    """The data one workflow call reads and writes, inside one database transaction."""

    # Reference data -----------------------------------------------------------------
    def regions(self) -> list[Region]: ...
    def region(self, region_id: str) -> Region | None: ...
    def setups(self, region_id: str | None = None) -> list[Setup]: ...
    def operators(self, region_id: str | None = None) -> list[Operator]: ...
    def modules(self) -> list[Module]: ...
    def clients(self) -> list[Client]: ...
    def client(self, client_id: str) -> Client | None: ...
    def offers(self) -> list[Offer]: ...

    def save_region(self, region: Region) -> SaveOutcome:
        """Insert or update by id; nothing is written when the item is unchanged."""

    def save_reference_items(
        self, items: Sequence[Region | Setup | Operator | Module | Client | Offer]
    ) -> list[SaveOutcome]:
        """Save many items, each as its ``save_*`` would, in a few statements; the
        outcome of each, in order."""

    def save_setup(self, setup: Setup) -> SaveOutcome: ...
    def save_operator(self, operator: Operator) -> SaveOutcome: ...
    def save_module(self, module: Module) -> SaveOutcome: ...
    def save_client(self, client: Client) -> SaveOutcome: ...
    def save_offer(self, offer: Offer) -> SaveOutcome: ...

    def reference_uses(self, kind: str, item_id: str) -> int:
        """How many stored rows refer to a reference entry of ``kind`` (``setups``…):
        bookings of any status, and for a region its setups and operators."""

    def delete_reference_item(self, kind: str, item_id: str) -> bool:
        """Delete an entry nothing refers to (with its unavailable dates); False when
        there is no such entry."""

    # Availability ---------------------------------------------------------------------
    def holdings(self, region_id: str, first: dt.date, last: dt.date) -> list[Holding]:
        """Setups and operators of the region held by resource-holding sessions, by date.

        One query for the whole range, whatever its length.
        """

    # Sessions -------------------------------------------------------------------------
    def session(self, session_id: str) -> Session | None: ...
    def has_sessions(self) -> bool:
        """Whether the database holds any session at all (one row read, not a listing)."""

    def existing_session_ids(self, session_ids: Sequence[str]) -> set[str]:
        """Which of these ids the database holds."""

    def sessions(self, query: SessionFilter) -> list[Session]: ...
    def add_session(self, session: Session) -> None: ...
    def add_sessions(self, sessions: Sequence[Session]) -> None:
        """Insert many sessions in a few statements (event imports, generated data)."""

    def update_session(self, session: Session) -> None:
        """Store the session's status, allocation and timestamps.

        Raises :class:`~dst_desktop.domain.errors.AllocationConflictError` when the
        database refuses the allocation (another session holds the setup or operator).
        """

    def delete_session(self, session_id: str) -> bool: ...
    def delete_sessions(self, session_ids: Sequence[str]) -> None:
        """Delete many sessions in a few statements."""

    def set_session_modules(self, session_id: str, module_ids: Sequence[str]) -> None:
        """Replace the modules of a session (a pending request being corrected)."""

    def sessions_on_unusable_resources(
        self, first: dt.date | None, last: dt.date | None
    ) -> list[Session]:
        """Resource-holding sessions from ``first`` to ``last`` (None: unbounded) whose
        setup or operator is inactive, based in another region, or in maintenance / on
        leave on the session's date: one query, whatever the period."""

    # Audit ----------------------------------------------------------------------------
    def add_audit(self, entry: AuditEntry) -> None: ...
    def add_audits(self, entries: Sequence[AuditEntry]) -> None:
        """Write many audit rows in one statement."""

    def audit_trail(self, session_id: str) -> list[AuditEntry]: ...
    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        """The newest entries first."""

    def cancelled_session_ids(self, session_ids: Sequence[str]) -> set[str]:
        """Which of these ids the audit log records as cancelled pending requests (deleted)."""

    def audit_entries(self, query: AuditFilter) -> list[AuditEntry]:
        """The entries ``query`` selects, oldest first (the newest ``limit`` when limited)."""

    # Database role --------------------------------------------------------------------
    def setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...

    # Event snapshots' signing keys ----------------------------------------------------
    def add_snapshot_key(
        self, snapshot_id: str, key: bytes, event_name: str, created_at: dt.datetime
    ) -> None:
        """Keep the key of a snapshot this database exported (office) or holds (laptop)."""

    def snapshot_key(self, snapshot_id: str) -> bytes | None:
        """The key of that snapshot, or None when this database never had it."""

    # Reports --------------------------------------------------------------------------
    def session_tallies(self, first: dt.date, last: dt.date) -> list[SessionTally]:
        """The sessions from ``first`` to ``last``, counted by date, region, setup, operator
        and status: one aggregate query for the whole period, whatever its length."""

    def audit_counts(self, session_ids: Sequence[str]) -> dict[str, int]:
        """How many audit rows each of these sessions has (absent: none).

        Every change of a session writes one audit row, so the count grows with each
        change (the ``SEQUENCE`` of a calendar event).
        """


class Store(Protocol):
    """Opens units of work on one database."""

    def reading(self) -> AbstractContextManager[StoreTransaction]:
        """A consistent read-only snapshot."""

    def writing(self) -> AbstractContextManager[StoreTransaction]:
        """A write transaction taken before the first read (``BEGIN IMMEDIATE`` on SQLite).

        Committed when the block ends normally, rolled back when it raises.
        """

    def close(self) -> None: ...

    def change_source(self, *, include_own: bool = False) -> ChangeSource:
        """What other programs change in this database, for a window to follow; this
        program's own changes are left out unless ``include_own``."""

    @property
    def description(self) -> str:
        """Where the data lives, for a status bar (``/home/ann/bookings.db``)."""

    def access(self) -> Access:
        """Who this connection is and what they may do (SPEC 10): asked of the database
        once per connection, then remembered; call outside a unit of work."""


class UserAccounts(Protocol):
    """The logins of a team's database (SPEC 10); a SQLite file has none.

    Each method raises :class:`~dst_desktop.domain.errors.StorageError` with a plain
    message when the database refuses (a login that exists, or is not a DST login).
    """

    @property
    def has_logins(self) -> bool:
        """False for a SQLite file, whose owner is its only user."""

    def users(self) -> list[UserAccount]: ...
    def login_exists(self, login: str) -> bool: ...
    def add_user(self, login: str, role: Role, password: str | None) -> None: ...
    def set_user_role(self, login: str, role: Role) -> None: ...
    def remove_user(self, login: str) -> None: ...
