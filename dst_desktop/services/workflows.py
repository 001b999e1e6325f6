"""All workflows of one database, sharing its store, clock and actor.

Each workflow is built on first use, so that a one-shot ``dst-desktop call`` imports only
the modules its function needs.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.clock import Clock
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.store import Store, UserAccounts

if TYPE_CHECKING:
    from dst_desktop.services.audit import AuditLog
    from dst_desktop.services.booking_changes import BookingChanges
    from dst_desktop.services.exchange import OfflineExchange
    from dst_desktop.services.mission import MissionWorkflow
    from dst_desktop.services.queries import BookingQueries
    from dst_desktop.services.reference import ReferenceData
    from dst_desktop.services.reports import Reports
    from dst_desktop.services.users import UserAdministration


class Workflows:
    """The seed's ``Workflows`` namespace, typed, for presenters and the composition roots."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        actor: str,
        device: str = "",
        accounts: UserAccounts | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.permissions = Permissions(store)
        #: Who the audit log names: the database login where the database records it
        #: itself (SPEC 10), else the name given (the computer's user).
        self.actor = self.permissions.access().login or actor
        #: The computer's name, recorded on bookings taken in an event database.
        self.device = device
        self._accounts = accounts

    @classmethod
    def create(
        cls,
        store: Store,
        clock: Clock,
        actor: str,
        device: str = "",
        accounts: UserAccounts | None = None,
    ) -> Workflows:
        return cls(store, clock, actor, device, accounts)

    @cached_property
    def booking(self) -> BookingWorkflow:
        return BookingWorkflow(self.store, self.clock, self.actor, self.device)

    @cached_property
    def booking_changes(self) -> BookingChanges:
        from dst_desktop.services.booking_changes import BookingChanges

        return BookingChanges(self.store, self.clock, self.actor)

    @cached_property
    def mission(self) -> MissionWorkflow:
        from dst_desktop.services.mission import MissionWorkflow

        return MissionWorkflow(self.store, self.clock, self.actor)

    @cached_property
    def reference(self) -> ReferenceData:
        from dst_desktop.services.reference import ReferenceData

        return ReferenceData(self.store, self.clock, self.actor)

    @cached_property
    def queries(self) -> BookingQueries:
        from dst_desktop.services.queries import BookingQueries

        return BookingQueries(self.store, self.clock)

    @cached_property
    def exchange(self) -> OfflineExchange:
        from dst_desktop.services.exchange import OfflineExchange

        return OfflineExchange(self.store, self.clock, self.actor, self.device)

    @cached_property
    def reports(self) -> Reports:
        from dst_desktop.services.reports import Reports

        return Reports(self.store, self.clock)

    @cached_property
    def audit(self) -> AuditLog:
        from dst_desktop.services.audit import AuditLog

        return AuditLog(self.store)

    @cached_property
    def users(self) -> UserAdministration:
        from dst_desktop.services.users import UserAdministration

        return UserAdministration(self.store, self._accounts)
