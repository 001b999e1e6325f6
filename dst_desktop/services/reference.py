"""Reference data: regions, setups, operators, modules, clients and offers (SPEC 3.2).

A file (or a dict from a script or an edit dialog) is checked whole before anything is
written, then inserted or updated by id in one transaction: all or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    SaveOutcome,
    Setup,
)
from dst_desktop.services.clock import Clock
from dst_desktop.services.results import Failure, JsonDict
from dst_desktop.services.store import Store, StoreTransaction
from dst_desktop.services.validation import (
    MAX_NAME_LENGTH,
    InvalidInputError,
    parse_count,
    parse_date,
    parse_id,
    parse_text,
    reject_unknown_fields,
    show,
)

#: The sections of a reference file, in the order they are applied.
KINDS = ("regions", "setups", "operators", "modules", "clients", "offers")
_FIELDS: dict[str, tuple[str, ...]] = {
    "regions": ("id", "name"),
    "setups": ("id", "name", "regionId", "active", "unavailableDates"),
    "operators": ("id", "name", "regionId", "active", "unavailableDates"),
    "modules": ("id", "name", "capacityMax"),
    "clients": ("id", "name", "email", "phone"),
    "offers": ("id", "name"),
}
MAX_MODULE_CAPACITY = 1000
MAX_UNAVAILABLE_DATES = 5000

ReferenceItem = Region | Setup | Operator | Module | Client | Offer
T = TypeVar("T")


@dataclass(frozen=True)
class ReferenceImported:
    """What an import added and updated, by kind."""

    added: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    #: How many items of each kind were already exactly as in the file.
    unchanged: dict[str, int] = field(default_factory=dict)
    success: Literal[True] = True

    @property
    def message(self) -> str:
        added = sum(len(ids) for ids in self.added.values())
        updated = sum(len(ids) for ids in self.updated.values())
        unchanged = sum(self.unchanged.values())
        return f"Reference data imported: {added} added, {updated} updated, {unchanged} unchanged"

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "message": self.message,
            "added": {kind: ids for kind, ids in self.added.items() if ids},
            "updated": {kind: ids for kind, ids in self.updated.items() if ids},
            "unchanged": {kind: count for kind, count in self.unchanged.items() if count},
        }


class _Entry:
    """Reads the fields of one entry, naming ``setups[2] (id 'x')`` in every error."""

    def __init__(self, kind: str, index: int, raw: object) -> None:
        #: The problems of the entry's fields, when read through :meth:`collect`.
        self.problems: list[InvalidInputError] = []
        self.label = f"{kind}[{index}]"
        if not isinstance(raw, dict):
            raise InvalidInputError(self.label, f"{self.label} must be an object, got {show(raw)}")
        self.raw = raw
        try:
            reject_unknown_fields(raw, _FIELDS[kind], self.label)
            self.id = parse_id(raw.get("id"), "id")
        except InvalidInputError as error:
            raise InvalidInputError(f"{self.label}.{error.field}", error.message) from None
        self.label = f"{kind}[{index}] (id {show(self.id)})"

    def collect(self, read: Callable[[], T], placeholder: T) -> T:
        """``read()``, or ``placeholder`` when it fails: the problem is kept, and the next
        field is read too."""
        try:
            return read()
        except InvalidInputError as error:
            self.problems.append(error)
            return placeholder

    def region(self, region_ids: set[str]) -> str:
        region_value = self.get("regionId", parse_id)
        assert isinstance(region_value, str)
        if region_value not in region_ids:
            raise InvalidInputError(
                f"{self.label}.regionId",
                f"{self.label}: regionId {show(region_value)} is neither in the file nor "
                "in the database",
            )
        return region_value

    def get(self, name: str, parse: Callable[[object, str], object]) -> object:
        try:
            return parse(self.raw.get(name), name)
        except InvalidInputError as error:
            raise InvalidInputError(
                f"{self.label}.{name}", f"{self.label}: {error.message}"
            ) from None

    def name(self) -> str:
        value = self.get(
            "name", lambda v, f: parse_text(v, f, required=True, limit=MAX_NAME_LENGTH)
        )
        assert isinstance(value, str)
        return value

    def text(self, name: str) -> str:
        value = self.get(name, lambda v, f: parse_text(v, f, required=False, limit=MAX_NAME_LENGTH))
        assert isinstance(value, str)
        return value

    def active(self) -> bool:
        value = self.raw.get("active", True)
        if not isinstance(value, bool):
            raise InvalidInputError(
                f"{self.label}.active",
                f"{self.label}: active must be true or false, got {show(value)}",
            )
        return value

    def dates(self) -> frozenset[dt.date]:
        value = self.raw.get("unavailableDates", [])
        where = f"{self.label}.unavailableDates"
        if not isinstance(value, list):
            raise InvalidInputError(
                where, f"{self.label}: unavailableDates must be a list, got {show(value)}"
            )
        if len(value) > MAX_UNAVAILABLE_DATES:
            raise InvalidInputError(
                where, f"{self.label}: more than {MAX_UNAVAILABLE_DATES} unavailableDates"
            )
        dates = set()
        for position, item in enumerate(value):
            try:
                dates.add(parse_date(item, f"unavailableDates[{position}]"))
            except InvalidInputError as error:
                raise InvalidInputError(where, f"{self.label}: {error.message}") from None
        return frozenset(dates)


class ReferenceProblemsError(InvalidInputError):
    """Every problem of a reference document, in the order of the file (at most
    :data:`MAX_PROBLEMS_LISTED` are listed)."""

    def __init__(self, problems: list[InvalidInputError]) -> None:
        listed = problems[:MAX_PROBLEMS_LISTED]
        lines = [f"{len(problems)} problems in the reference data:"]
        lines += [f"  {problem.message}" for problem in listed]
        if len(problems) > len(listed):
            lines.append(f"  … and {len(problems) - len(listed)} more")
        super().__init__(problems[0].field, "\n".join(lines))
        self.problems = listed


#: A file with more problems lists this many of them (the rest are counted).
MAX_PROBLEMS_LISTED = 50


def parse_reference(data: object, known_region_ids: set[str]) -> dict[str, list[ReferenceItem]]:
    """Check a whole reference document.

    A document that is not an object of lists is refused at once; otherwise every entry
    is checked, and every problem found is reported together (one
    :class:`InvalidInputError`, or a :class:`ReferenceProblemsError` when there are
    several), so that a file is corrected in one go.
    """
    if not isinstance(data, dict):
        raise InvalidInputError("data", f"reference data must be an object, got {show(data)}")
    reject_unknown_fields(data, KINDS, "the reference data")
    parsed: dict[str, list[ReferenceItem]] = {}
    problems: list[InvalidInputError] = []
    for kind in KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            problems.append(InvalidInputError(kind, f"{kind} must be a list, got {show(entries)}"))
            continue
        seen: set[str] = set()
        items: list[ReferenceItem] = []
        for index, raw in enumerate(entries):
            try:
                entry = _Entry(kind, index, raw)
            except InvalidInputError as error:
                problems.append(error)
                continue
            if entry.id in seen:
                problems.append(
                    InvalidInputError(
                        f"{kind}[{index}].id", f"{entry.label}: duplicate id in {kind}"
                    )
                )
            seen.add(entry.id)
            item = _build(kind, entry, known_region_ids)
            problems.extend(entry.problems)
            if item is not None:
                items.append(item)
        if kind == "regions":
            known_region_ids = known_region_ids | seen
        parsed[kind] = items
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ReferenceProblemsError(problems)
    return parsed


def _build(kind: str, entry: _Entry, region_ids: set[str]) -> ReferenceItem | None:
    """The entry as an item; None when one of its fields has a problem (in
    ``entry.problems``: every field is read, so that each problem is reported)."""
    keep = entry.collect
    name = keep(entry.name, "")
    item: ReferenceItem
    if kind == "regions":
        item = Region(entry.id, name)
    elif kind in ("setups", "operators"):
        resource_type = Setup if kind == "setups" else Operator
        item = resource_type(
            entry.id,
            name,
            keep(lambda: entry.region(region_ids), ""),
            keep(entry.active, True),
            keep(entry.dates, frozenset()),
        )
    elif kind == "modules":

        def capacity() -> int:
            value = entry.get("capacityMax", lambda v, f: parse_count(v, f, 1, MAX_MODULE_CAPACITY))
            assert isinstance(value, int)
            return value

        item = Module(entry.id, name, keep(capacity, 1))
    elif kind == "clients":
        item = Client(
            entry.id,
            name,
            keep(lambda: entry.text("email"), ""),
            keep(lambda: entry.text("phone"), ""),
        )
    else:
        item = Offer(entry.id, name)
    return None if entry.problems else item


def save_reference_item(tx: StoreTransaction, item: ReferenceItem) -> SaveOutcome:
    """Insert or update one checked item; True when it was new."""
    if isinstance(item, Region):
        return tx.save_region(item)
    if isinstance(item, Setup):
        return tx.save_setup(item)
    if isinstance(item, Operator):
        return tx.save_operator(item)
    if isinstance(item, Module):
        return tx.save_module(item)
    if isinstance(item, Client):
        return tx.save_client(item)
    return tx.save_offer(item)


@dataclass(frozen=True)
class ReferenceRemoved:
    """An entry made by mistake, deleted."""

    kind: str
    item_id: str
    name: str
    success: Literal[True] = True


class ReferenceData:
    """Imports and edits of the reference data, each one all-or-nothing and audited."""

    def __init__(self, store: Store, clock: Clock, actor: str) -> None:
        self._store = store
        self._clock = clock
        self._actor = actor

    def uses(self, kind: str, item_id: str) -> int:
        """How many bookings (and, for a region, setups and operators) refer to an entry."""
        with self._store.reading() as tx:
            return tx.reference_uses(kind, item_id)

    def remove(self, kind: str, item_id: str) -> ReferenceRemoved | Failure:
        """Delete an entry made by mistake, as long as nothing refers to it.

        An entry in use stays: bookings of every status keep their history, so it is taken
        out of service instead. The audit log keeps a trace of the removal.
        """
        if kind not in KINDS:
            return Failure(ErrorCode.VALIDATION_ERROR, f"kind {kind!r} is not one of {KINDS}")
        with self._store.writing() as tx:
            entries: dict[str, Callable[[], Sequence[ReferenceItem]]] = {
                "regions": tx.regions,
                "setups": tx.setups,
                "operators": tx.operators,
                "modules": tx.modules,
                "clients": tx.clients,
                "offers": tx.offers,
            }
            item = next((entry for entry in entries[kind]() if entry.id == item_id), None)
            if item is None:
                return Failure(ErrorCode.NOT_FOUND, f"{kind}: no entry {item_id!r}")
            uses = tx.reference_uses(kind, item_id)
            if uses:
                return Failure(
                    ErrorCode.VALIDATION_ERROR,
                    f"{kind} {item_id!r} is referred to {uses} time(s): take it out of "
                    "service instead",
                    {"field": "id", "uses": uses},
                )
            tx.delete_reference_item(kind, item_id)
            tx.add_audit(
                AuditEntry(
                    self._clock.now(),
                    self._actor,
                    "remove_reference",
                    None,
                    {"kind": kind, "id": item_id, "name": item.name},
                )
            )
            return ReferenceRemoved(kind, item_id, item.name)

    def import_reference(self, data: object, *, source: str = "") -> ReferenceImported | Failure:
        with self._store.writing() as tx:
            known_regions = {region.id for region in tx.regions()}
            try:
                parsed = parse_reference(data, known_regions)
            except ReferenceProblemsError as error:
                problems = [{"field": p.field, "message": p.message} for p in error.problems]
                return Failure(
                    ErrorCode.VALIDATION_ERROR,
                    error.message,
                    {"field": error.field, "problems": problems},
                )
            except InvalidInputError as error:
                return Failure(ErrorCode.VALIDATION_ERROR, error.message, {"field": error.field})
            report = ReferenceImported(
                added={kind: [] for kind in KINDS}, updated={kind: [] for kind in KINDS}
            )
            for kind in KINDS:
                for item in parsed[kind]:
                    outcome = save_reference_item(tx, item)
                    if outcome == "added":
                        report.added[kind].append(item.id)
                    elif outcome == "updated":
                        report.updated[kind].append(item.id)
                    else:
                        report.unchanged[kind] = report.unchanged.get(kind, 0) + 1
            details: dict[str, object] = {
                "added": {kind: len(ids) for kind, ids in report.added.items() if ids},
                "updated": {kind: len(ids) for kind, ids in report.updated.items() if ids},
            }
            if source:
                details["source"] = source
            tx.add_audit(
                AuditEntry(self._clock.now(), self._actor, "import_reference", None, details)
            )
            return report
