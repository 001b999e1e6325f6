"""The reference data every part of the window names things with, read once per change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from dst_desktop.domain.model import Client, Module, Offer, Operator, Region, Setup
from dst_desktop.domain.names import name_key, visible_text
from dst_desktop.services.queries import BookingQueries, ReferenceSnapshot


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=Named)


def by_name(items: Iterable[NamedT]) -> list[NamedT]:
    """``items`` in the order people look for names: case and accents ignored."""
    return sorted(items, key=lambda item: (name_key(item.name), item.name, item.id))


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a list to choose from: what is stored and what is shown."""

    id: str
    text: str


@dataclass(slots=True)
class _Index:
    regions: dict[str, Region] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)
    setups: dict[str, Setup] = field(default_factory=dict)
    operators: dict[str, Operator] = field(default_factory=dict)


class Catalogue:
    """Regions, modules, clients, offers, setups and operators, by id.

    Read from the database on first use and again after :meth:`invalidate` (a reference
    data edit or import), so that refreshing a list does not re-read the catalogue.
    """

    def __init__(self, queries: BookingQueries) -> None:
        self._queries = queries
        self._snapshot: ReferenceSnapshot | None = None
        self._index = _Index()

    @property
    def snapshot(self) -> ReferenceSnapshot:
        if self._snapshot is None:
            snapshot = self._queries.reference()
            self._index = _Index(
                regions={r.id: r for r in snapshot.regions},
                modules={m.id: m for m in snapshot.modules},
                clients={c.id: c for c in snapshot.clients},
                offers={o.id: o for o in snapshot.offers},
                setups={s.id: s for s in snapshot.setups},
                operators={o.id: o for o in snapshot.operators},
            )
            self._snapshot = snapshot
        return self._snapshot

    def invalidate(self) -> None:
        self._snapshot = None

    def _indexed(self) -> _Index:
        _ = self.snapshot
        return self._index

    def region(self, region_id: str) -> Region | None:
        return self._indexed().regions.get(region_id)

    def module(self, module_id: str) -> Module | None:
        return self._indexed().modules.get(module_id)

    def client(self, client_id: str) -> Client | None:
        return self._indexed().clients.get(client_id)

    def region_name(self, region_id: str) -> str:
        region = self.region(region_id)
        return region.name if region else region_id

    def client_name(self, client_id: str) -> str:
        client = self.client(client_id)
        return client.name if client else client_id

    def module_name(self, module_id: str) -> str:
        module = self.module(module_id)
        return module.name if module else module_id

    def offer_name(self, offer_id: str) -> str:
        offer = self._indexed().offers.get(offer_id)
        return offer.name if offer else offer_id

    def setup_name(self, setup_id: str) -> str:
        setup = self._indexed().setups.get(setup_id)
        return setup.name if setup else setup_id

    def operator_name(self, operator_id: str) -> str:
        operator = self._indexed().operators.get(operator_id)
        return operator.name if operator else operator_id

    # A choice shows a name as typed, any hidden character made visible (visible_text).

    def region_choices(self) -> list[Choice]:
        return [Choice(r.id, visible_text(r.name)) for r in by_name(self.snapshot.regions)]

    def client_choices(self) -> list[Choice]:
        return [Choice(c.id, visible_text(c.name)) for c in by_name(self.snapshot.clients)]

    def offer_choices(self) -> list[Choice]:
        return [Choice(o.id, visible_text(o.name)) for o in by_name(self.snapshot.offers)]

    def modules(self) -> list[Module]:
        """Every module, in name order."""
        return by_name(self.snapshot.modules)
