"""All workflows of one database, sharing its store, clock and actor."""

from __future__ import annotations

from dataclasses import dataclass

from dst_desktop.services.booking import BookingWorkflow
from dst_desktop.services.clock import Clock
from dst_desktop.services.exchange import OfflineExchange, device_name
from dst_desktop.services.mission import MissionWorkflow
from dst_desktop.services.queries import BookingQueries
from dst_desktop.services.reference import ReferenceData
from dst_desktop.services.store import Store


@dataclass(frozen=True)
class Workflows:
    """The seed's ``Workflows`` namespace, typed, for presenters and the composition roots."""

    store: Store
    clock: Clock
    actor: str
    booking: BookingWorkflow
    mission: MissionWorkflow
    reference: ReferenceData
    queries: BookingQueries
    exchange: OfflineExchange

    @classmethod
    def create(cls, store: Store, clock: Clock, actor: str, device: str = "") -> Workflows:
        device = device or device_name()
        return cls(
            store=store,
            clock=clock,
            actor=actor,
            booking=BookingWorkflow(store, clock, actor, device),
            mission=MissionWorkflow(store, clock, actor),
            reference=ReferenceData(store, clock, actor),
            queries=BookingQueries(store, clock),
            exchange=OfflineExchange(store, clock, actor, device),
        )
