"""The audit log, read back (SPEC 10): who did what, when, on which session.

Every create, confirm, cancel, mission step and import writes one row. On a team's
database the database itself records the actor (its login) and keeps every row; on a
file the actor is the computer's user and the rows are kept by triggers.
"""

from __future__ import annotations

import datetime as dt

from dst_desktop.domain.model import AuditEntry, AuditFilter
from dst_desktop.domain.permissions import MAX_ACTOR_LENGTH, Action, actor_problem
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.results import JsonDict, timestamp
from dst_desktop.services.store import Store
from dst_desktop.services.validation import InvalidInputError, parse_id, show

#: The most entries one listing returns.
MAX_ENTRIES = 1_000_000


def audit_entry_to_dict(entry: AuditEntry) -> JsonDict:
    return {
        "at": timestamp(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "sessionId": entry.session_id,
        "details": entry.details,
    }


def checked_filter(
    session_id: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    limit: int | None = None,
) -> AuditFilter:
    """The filter, or :class:`InvalidInputError` naming the criterion at fault."""
    if session_id is not None:
        session_id = parse_id(session_id, "session")
    if actor is not None:
        problem = actor_problem(actor)
        if problem:
            raise InvalidInputError("actor", f"{show(actor[: MAX_ACTOR_LENGTH + 1])}: {problem}")
    if action is not None:
        action = parse_id(action, "action")
    if first is not None and last is not None and last < first:
        raise InvalidInputError(
            "to", f"the period ends ({last.isoformat()}) before it starts ({first.isoformat()})"
        )
    if limit is not None and not 1 <= limit <= MAX_ENTRIES:
        raise InvalidInputError("limit", f"the limit must be from 1 to {MAX_ENTRIES}")
    return AuditFilter(session_id, actor, action, first, last, limit)


class AuditLog:
    """Reading the audit log; anyone with a role may (``read everything``)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.permissions = Permissions(store)

    def entries(self, query: AuditFilter) -> list[AuditEntry]:
        """Oldest first. Raises :class:`PermissionDeniedError` for a login without a role."""
        self.permissions.require(Action.READ)
        with self._store.reading() as tx:
            return tx.audit_entries(query)
