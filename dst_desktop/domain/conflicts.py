"""Resource conflicts: a session holding a setup or an operator that can no longer serve
it on its date (SPEC 12).

A confirmed session keeps its allocation when reference data changes (seed FAQ), so a
leave day, a maintenance day, a deactivation or a move to another region can leave it on
a resource that cannot go. These rules say which, and why; reallocation repairs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from dst_desktop.domain.model import Operator, Session, Setup
from dst_desktop.domain.statuses import SessionStatus


class ConflictReason(StrEnum):
    """Why a held resource cannot serve its session (the ``reason`` of a conflict)."""

    SETUP_INACTIVE = "setup_inactive"
    SETUP_MOVED = "setup_moved"
    SETUP_IN_MAINTENANCE = "setup_in_maintenance"
    OPERATOR_INACTIVE = "operator_inactive"
    OPERATOR_MOVED = "operator_moved"
    OPERATOR_ON_LEAVE = "operator_on_leave"


#: Sessions whose allocation reallocation may change: the mission has not started yet.
REALLOCATABLE: tuple[SessionStatus, ...] = (SessionStatus.CONFIRMED, SessionStatus.SCHEDULED)


@dataclass(frozen=True)
class ResourceConflict:
    """One resource of one session that cannot serve it on the session's date."""

    session_id: str
    date: dt.date
    region_id: str
    reason: ConflictReason
    setup_id: str | None = None
    operator_id: str | None = None


def _resource_problem(
    resource: Setup | Operator, region_id: str, day: dt.date
) -> tuple[bool, bool, bool]:
    """(inactive, moved, unavailable that day) for one resource."""
    return (
        not resource.active,
        resource.region_id != region_id,
        day in resource.unavailable_dates,
    )


def setup_problem(setup: Setup, region_id: str, day: dt.date) -> ConflictReason | None:
    """Why ``setup`` cannot serve a session of ``region_id`` on ``day`` (None: it can)."""
    inactive, moved, unavailable = _resource_problem(setup, region_id, day)
    if inactive:
        return ConflictReason.SETUP_INACTIVE
    if moved:
        return ConflictReason.SETUP_MOVED
    if unavailable:
        return ConflictReason.SETUP_IN_MAINTENANCE
    return None


def operator_problem(operator: Operator, region_id: str, day: dt.date) -> ConflictReason | None:
    """Why ``operator`` cannot run a session of ``region_id`` on ``day`` (None: they can)."""
    inactive, moved, unavailable = _resource_problem(operator, region_id, day)
    if inactive:
        return ConflictReason.OPERATOR_INACTIVE
    if moved:
        return ConflictReason.OPERATOR_MOVED
    if unavailable:
        return ConflictReason.OPERATOR_ON_LEAVE
    return None


def session_conflicts(
    session: Session,
    setups: Mapping[str, Setup],
    operators: Mapping[str, Operator],
) -> list[ResourceConflict]:
    """The conflicts of one session: at most one for its setup, then one for its operator.

    Only a resource-holding session can have conflicts; a resource that no longer exists
    in the reference data cannot be judged and is left alone.
    """
    if not session.holds_resources:
        return []
    found: list[ResourceConflict] = []
    setup = setups.get(session.setup_id) if session.setup_id else None
    if setup is not None:
        reason = setup_problem(setup, session.region_id, session.date)
        if reason is not None:
            found.append(
                ResourceConflict(
                    session.id, session.date, session.region_id, reason, setup_id=setup.id
                )
            )
    operator = operators.get(session.operator_id) if session.operator_id else None
    if operator is not None:
        reason = operator_problem(operator, session.region_id, session.date)
        if reason is not None:
            found.append(
                ResourceConflict(
                    session.id, session.date, session.region_id, reason, operator_id=operator.id
                )
            )
    return found
