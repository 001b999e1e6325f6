"""The Python API (SPEC 3.1): the seed's ``Workflows.Booking`` for scripts.

Every function returns the same JSON-ready dict that ``dst-desktop call`` prints::

    from dst_desktop.api import open_workflows
    wf = open_workflows("sqlite:///bookings.db")
    wf.booking.check_availability("occitanie", "2025-03-10", ["module_tir"], 12)
    wf.close()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from dst_desktop.domain.errors import ActorError
from dst_desktop.domain.permissions import actor_problem
from dst_desktop.services.clock import BusinessDateClock, Clock, SystemClock
from dst_desktop.services.results import Failure, JsonDict
from dst_desktop.services.workflows import Workflows

if TYPE_CHECKING:
    from dst_desktop.services.mission import MissionWorkflow
    from dst_desktop.services.offline import OfflineSupport
    from dst_desktop.services.store import Store

__all__ = ["FUNCTIONS", "ApiWorkflows", "FunctionSpec", "default_actor", "open_workflows"]


def default_actor() -> str:
    """The OS user name, which the audit log records unless ``--actor`` says otherwise."""
    import getpass

    from dst_desktop.services.validation import InvalidInputError, parse_actor

    try:
        return parse_actor(getpass.getuser())
    except (KeyError, OSError, InvalidInputError):
        return "unknown"


class BookingApi:
    """``Workflows.Booking``, answering with dicts."""

    def __init__(self, workflows: Workflows) -> None:
        self._booking = workflows.booking
        self._workflows = workflows

    def create_session_booking(self, data: object) -> JsonDict:
        return self._booking.create_session_booking(data).to_dict()

    def confirm_session_booking(self, session_id: object) -> JsonDict:
        return self._booking.confirm_session_booking(session_id).to_dict()

    def cancel_pending_booking(self, session_id: object) -> JsonDict:
        return self._booking.cancel_pending_booking(session_id).to_dict()

    def check_availability(
        self, region_id: object, date: object, module_ids: object, participant_count: object
    ) -> JsonDict:
        return self._booking.check_availability(
            region_id, date, module_ids, participant_count
        ).to_dict()

    def get_booking_status(self, session_id: object) -> JsonDict:
        return self._booking.get_booking_status(session_id).to_dict()

    def get_suggested_dates(self, region_id: object, count: object = 5) -> list[str] | JsonDict:
        """A list of ISO dates, or a failure dict for bad input."""
        result = self._booking.get_suggested_dates(region_id, count)
        if isinstance(result, Failure):
            return result.to_dict()
        return [day.isoformat() for day in result]

    # Changes after booking (SPEC 12), built on first use.

    def update_pending_booking(self, session_id: object, changes: object) -> JsonDict:
        return self._workflows.booking_changes.update_pending_booking(session_id, changes).to_dict()

    def reschedule_session(self, session_id: object, new_date: object) -> JsonDict:
        return self._workflows.booking_changes.reschedule_session(session_id, new_date).to_dict()

    def get_resource_conflicts(self, date_from: object = None, date_to: object = None) -> JsonDict:
        """``date_from`` defaults to today, ``date_to`` to no end."""
        changes = self._workflows.booking_changes
        return changes.get_resource_conflicts(date_from, date_to).to_dict()

    def reallocate_session(self, session_id: object) -> JsonDict:
        return self._workflows.booking_changes.reallocate_session(session_id).to_dict()


class MissionApi:
    """``Workflows.Mission``, answering with dicts."""

    def __init__(self, workflows: Workflows) -> None:
        self._workflows = workflows

    @property
    def _mission(self) -> MissionWorkflow:
        return self._workflows.mission  # built on first use

    def schedule_mission(self, session_id: object) -> JsonDict:
        return self._mission.schedule_mission(session_id).to_dict()

    def start_mission(self, session_id: object) -> JsonDict:
        return self._mission.start_mission(session_id).to_dict()

    def complete_mission(
        self, session_id: object, outcome: object = "completed", details: object = None
    ) -> JsonDict:
        """``details``: optional ``{"attendedParticipants": N, "notes": "..."}``."""
        return self._mission.complete_mission(session_id, outcome, details).to_dict()

    def cancel_mission(self, session_id: object, reason: object) -> JsonDict:
        return self._mission.cancel_mission(session_id, reason).to_dict()


class ReferenceApi:
    def __init__(self, workflows: Workflows) -> None:
        self._workflows = workflows

    def import_reference(self, data: object) -> JsonDict:
        return self._workflows.reference.import_reference(data).to_dict()


class ApiWorkflows:
    """An open database with its workflows; close it, or use it as a context manager."""

    def __init__(self, workflows: Workflows) -> None:
        self.workflows = workflows
        self.booking = BookingApi(workflows)
        self.mission = MissionApi(workflows)
        self.reference = ReferenceApi(workflows)

    def close(self) -> None:
        self.workflows.store.close()

    def __enter__(self) -> ApiWorkflows:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def make_clock(today: dt.date | None) -> Clock:
    return SystemClock() if today is None else BusinessDateClock(today)


def open_workflows(
    database_url: str,
    today: dt.date | None = None,
    actor: str | None = None,
    device: str = "",
) -> ApiWorkflows:
    """Open (creating or upgrading) the database at ``database_url``.

    ``today`` replaces the business date (training, demos, tests); ``actor`` is the name
    the audit log records, the OS user name by default (a name that is not plain text
    raises :class:`~dst_desktop.services.validation.InvalidInputError`, a ``ValueError``
    saying so) — on PostgreSQL the database records the login itself, and an ``actor``
    is refused (:class:`ActorError`); ``device`` the computer's name that event bookings
    and bundles record, the host name by default.
    """
    from dst_desktop.persistence.store import PeeweeStore  # keeps `dst-desktop --version` quick
    from dst_desktop.services.validation import parse_actor

    given = None if actor is None else parse_actor(actor)
    store = PeeweeStore.open(database_url)
    try:
        if store.has_logins and given is not None:
            raise ActorError(actor_refused_text())
        name = given or default_actor()
        problem = "" if store.has_logins else actor_problem(name)
        if problem:
            raise ActorError(f"the audit log cannot record the actor {name[:100]!r}: {problem}")
        workflows = Workflows.create(store, make_clock(today), name, device, accounts=store)
    except BaseException:
        store.close()
        raise
    return ApiWorkflows(workflows)


def actor_refused_text() -> str:
    return (
        "--actor cannot be used on a PostgreSQL database: the audit log records your "
        "database login, written by the database itself"
    )


def offline_folder(database_url: str) -> Path:
    """Where this workstation keeps its offline copy of a team's database (SPEC 11): one
    folder per server database, in the user's data folder, readable by its owner only."""
    import hashlib
    import re

    from dst_desktop import paths
    from dst_desktop.persistence.database import open_backend

    identity = open_backend(database_url).identity
    readable = re.sub(r"[^A-Za-z0-9_.@-]+", "_", identity)[:60]
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:10]
    folder = paths.data_dir() / "offline" / f"{readable}-{digest}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def open_team_workflows(
    database_url: str,
    folder: Path,
    today: dt.date | None = None,
    actor: str | None = None,
    device: str = "",
) -> tuple[ApiWorkflows, OfflineSupport]:
    """Workflows on a team's PostgreSQL database that fall back to this workstation's
    offline copy in ``folder`` while the server is away (SPEC 11).

    Opens on the copy when the server cannot be reached and the copy holds the server's
    data; raises the connection's error when it does not (nothing to work on).
    """
    from dst_desktop.domain.errors import ConnectionFailedError
    from dst_desktop.persistence.database import open_backend, url_for_path
    from dst_desktop.persistence.store import PeeweeStore, new_origin
    from dst_desktop.services.offline import (
        FallbackStore,
        OfflineSupport,
        copy_info,
        server_unreachable,
    )

    clock = make_clock(today)
    who = actor or default_actor()

    def workflows_on(store: Store) -> Workflows:
        return Workflows.create(store, clock, who, device)

    backend = open_backend(database_url)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    origin = new_origin()  # every server store of this window: it never hears itself back
    copy_store = PeeweeStore.open(url_for_path(folder / "copy.db"))
    try:
        server: Store | None = PeeweeStore.open(database_url, origin=origin)
    except ConnectionFailedError as error:
        # Only an outage opens the copy: a refused login is said, not worked around.
        usable = server_unreachable(error) and copy_info(workflows_on(copy_store)) is not None
        if not usable:
            copy_store.close()
            raise
        server = None
    fallback = FallbackStore(
        copy_store, server, backend.description, lambda: backend.change_source(origin)
    )
    support = OfflineSupport(
        fallback,
        workflows_on(copy_store),
        folder,
        lambda: PeeweeStore.open(database_url, origin=origin),
        workflows_on,
    )
    return ApiWorkflows(workflows_on(fallback)), support


@dataclass(frozen=True)
class FunctionSpec:
    """A workflow function callable by its seed name from ``dst-desktop call``."""

    name: str
    parameters: tuple[str, ...]
    required: int
    #: ``booking.create_session_booking``: where the function lives on :class:`ApiWorkflows`.
    target: str

    @property
    def usage(self) -> str:
        shown = [
            name if position < self.required else f"[{name}]"
            for position, name in enumerate(self.parameters)
        ]
        return " ".join([self.name, *shown])

    def bind(self, api: ApiWorkflows) -> Callable[..., object]:
        group, method = self.target.split(".")
        bound: Callable[..., object] = getattr(getattr(api, group), method)
        return bound


#: The functions ``dst-desktop call`` knows, by their seed (camelCase) names.
FUNCTIONS: dict[str, FunctionSpec] = {
    spec.name: spec
    for spec in (
        FunctionSpec("createSessionBooking", ("DATA",), 1, "booking.create_session_booking"),
        FunctionSpec(
            "confirmSessionBooking", ("SESSION_ID",), 1, "booking.confirm_session_booking"
        ),
        FunctionSpec("cancelPendingBooking", ("SESSION_ID",), 1, "booking.cancel_pending_booking"),
        FunctionSpec(
            "checkAvailability",
            ("REGION_ID", "DATE", "MODULE_IDS", "PARTICIPANT_COUNT"),
            4,
            "booking.check_availability",
        ),
        FunctionSpec("getBookingStatus", ("SESSION_ID",), 1, "booking.get_booking_status"),
        FunctionSpec("getSuggestedDates", ("REGION_ID", "COUNT"), 1, "booking.get_suggested_dates"),
        FunctionSpec("scheduleMission", ("SESSION_ID",), 1, "mission.schedule_mission"),
        FunctionSpec("startMission", ("SESSION_ID",), 1, "mission.start_mission"),
        FunctionSpec(
            "completeMission", ("SESSION_ID", "OUTCOME", "DETAILS"), 1, "mission.complete_mission"
        ),
        FunctionSpec("cancelMission", ("SESSION_ID", "REASON"), 2, "mission.cancel_mission"),
        FunctionSpec(
            "updatePendingBooking", ("SESSION_ID", "CHANGES"), 2, "booking.update_pending_booking"
        ),
        FunctionSpec(
            "rescheduleSession", ("SESSION_ID", "NEW_DATE"), 2, "booking.reschedule_session"
        ),
        FunctionSpec("getResourceConflicts", ("FROM", "TO"), 0, "booking.get_resource_conflicts"),
        FunctionSpec("reallocateSession", ("SESSION_ID",), 1, "booking.reallocate_session"),
    )
}
