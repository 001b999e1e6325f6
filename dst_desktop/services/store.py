"""What the services need from storage: a unit of work per workflow call.

The services depend on these protocols only; :mod:`dst_desktop.persistence` implements
them with Peewee, and tests may implement them in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    SaveOutcome,
    Session,
    SessionFilter,
    Setup,
)
from dst_desktop.domain.rules import Holding


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

    # Audit ----------------------------------------------------------------------------
    def add_audit(self, entry: AuditEntry) -> None: ...
    def audit_trail(self, session_id: str) -> list[AuditEntry]: ...
    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        """The newest entries first."""

    def cancelled_session_ids(self, session_ids: Sequence[str]) -> set[str]:
        """Which of these ids the audit log records as cancelled pending requests (deleted)."""

    # Database role --------------------------------------------------------------------
    def setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


class Store(Protocol):
    """Opens units of work on one database."""

    def reading(self) -> AbstractContextManager[StoreTransaction]:
        """A consistent read-only snapshot."""

    def writing(self) -> AbstractContextManager[StoreTransaction]:
        """A write transaction taken before the first read (``BEGIN IMMEDIATE`` on SQLite).

        Committed when the block ends normally, rolled back when it raises.
        """

    def close(self) -> None: ...

    @property
    def description(self) -> str:
        """Where the data lives, for a status bar (``/home/ann/bookings.db``)."""
