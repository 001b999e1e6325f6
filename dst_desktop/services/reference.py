"""Reference data: regions, setups, operators, modules, clients and offers (SPEC 3.2).

A file (or a dict from a script or an edit dialog) is checked whole before anything is
written, then inserted or updated by id in one transaction: all or nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from dst_desktop.domain.conflicts import ResourceConflict
from dst_desktop.domain.errors import ErrorCode, PermissionDeniedError
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    ReferenceItem,
    Region,
    SaveOutcome,
    Session,
    Setup,
)
from dst_desktop.domain.permissions import Action
from dst_desktop.services.booking_changes import conflict_to_dict, find_conflicts
from dst_desktop.services.clock import Clock
from dst_desktop.services.permissions import Permissions, permission_failure
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
#: Entries one reference document may hold, all kinds together, and their days off.
MAX_REFERENCE_ENTRIES = 100_000
MAX_REFERENCE_DATES = 500_000

T = TypeVar("T")


@dataclass(frozen=True)
class ReferenceImported:
    """What an import added and updated, by kind."""

    added: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    #: How many items of each kind were already exactly as in the file.
    unchanged: dict[str, int] = field(default_factory=dict)
    #: The resource conflicts the import created (from today on), and their sessions.
    conflicts: tuple[ResourceConflict, ...] = ()
    conflict_sessions: dict[str, Session] = field(default_factory=dict)
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
            "conflicts": [conflict_to_dict(conflict) for conflict in self.conflicts],
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
            message = error.message
            if not message.startswith(self.label):  # "changes has an unknown field" names it
                message = f"{self.label}: {message}"
            raise InvalidInputError(f"{self.label}.{error.field}", message) from None
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


def parse_reference(
    data: object,
    known_region_ids: set[str],
    stored: Mapping[str, Mapping[str, ReferenceItem]] | None = None,
) -> dict[str, list[ReferenceItem]]:
    """Check a whole reference document.

    A document that is not an object of lists, or that is too big, is refused at once;
    otherwise every entry is checked, and every problem found is reported together (one
    :class:`InvalidInputError`, or a :class:`ReferenceProblemsError` when there are
    several), so that a file is corrected in one go.

    ``stored`` holds the items the database already has, by kind and id: a field left out
    of an entry for one of them keeps its stored value (SPEC 12). A new entry gets the
    defaults (``active`` true, no unavailable dates, no e-mail or phone) and must give
    the rest.
    """
    if not isinstance(data, dict):
        raise InvalidInputError("data", f"reference data must be an object, got {show(data)}")
    reject_unknown_fields(data, KINDS, "the reference data")
    sizes = [len(entries) for entries in data.values() if isinstance(entries, list)]
    if sum(sizes) > MAX_REFERENCE_ENTRIES:
        raise InvalidInputError(
            "data",
            f"the reference data holds {sum(sizes)} entries; at most {MAX_REFERENCE_ENTRIES} "
            "can be imported at once (split the file)",
        )
    days = 0
    parsed: dict[str, list[ReferenceItem]] = {}
    problems: list[InvalidInputError] = []
    for kind in KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            problems.append(InvalidInputError(kind, f"{kind} must be a list, got {show(entries)}"))
            continue
        seen: set[str] = set()
        items: list[ReferenceItem] = []
        known = (stored or {}).get(kind, {})
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
            item = _build(kind, entry, known_region_ids, known.get(entry.id))
            problems.extend(entry.problems)
            if item is None:
                continue
            if isinstance(item, Setup | Operator):
                days += len(item.unavailable_dates)
                if days > MAX_REFERENCE_DATES:
                    raise InvalidInputError(
                        f"{entry.label}.unavailableDates",
                        f"the reference data holds more than {MAX_REFERENCE_DATES} "
                        "unavailableDates in all; split the file",
                    )
            items.append(item)
        if kind == "regions":
            known_region_ids = known_region_ids | seen
        parsed[kind] = items
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ReferenceProblemsError(problems)
    return parsed


def _build(
    kind: str, entry: _Entry, region_ids: set[str], stored: ReferenceItem | None
) -> ReferenceItem | None:
    """The entry as an item; None when one of its fields has a problem (in
    ``entry.problems``: every field is read, so that each problem is reported). A field
    the entry leaves out keeps its ``stored`` value."""

    def field_of(name: str, read: Callable[[], T], placeholder: T, kept: Callable[[], T]) -> T:
        if stored is not None and name not in entry.raw:
            return kept()
        return entry.collect(read, placeholder)

    name = field_of("name", entry.name, "", lambda: stored.name if stored else "")
    item: ReferenceItem
    if kind == "regions":
        item = Region(entry.id, name)
    elif kind in ("setups", "operators"):
        resource = stored if isinstance(stored, Setup | Operator) else None
        resource_type = Setup if kind == "setups" else Operator
        item = resource_type(
            entry.id,
            name,
            field_of(
                "regionId",
                lambda: entry.region(region_ids),
                "",
                lambda: resource.region_id if resource else "",
            ),
            field_of("active", entry.active, True, lambda: resource.active if resource else True),
            field_of(
                "unavailableDates",
                entry.dates,
                frozenset(),
                lambda: resource.unavailable_dates if resource else frozenset(),
            ),
        )
    elif kind == "modules":

        def capacity() -> int:
            value = entry.get("capacityMax", lambda v, f: parse_count(v, f, 1, MAX_MODULE_CAPACITY))
            assert isinstance(value, int)
            return value

        module = stored if isinstance(stored, Module) else None
        item = Module(
            entry.id,
            name,
            field_of("capacityMax", capacity, 1, lambda: module.capacity_max if module else 1),
        )
    elif kind == "clients":
        client = stored if isinstance(stored, Client) else None
        item = Client(
            entry.id,
            name,
            field_of(
                "email", lambda: entry.text("email"), "", lambda: client.email if client else ""
            ),
            field_of(
                "phone", lambda: entry.text("phone"), "", lambda: client.phone if client else ""
            ),
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
        self.permissions = Permissions(store)

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
        refused = self.permissions.refusal(Action.EDIT_REFERENCE)
        if refused is not None:
            return refused
        try:
            return self._remove(kind, item_id)
        except PermissionDeniedError as error:
            return permission_failure(
                f"{Action.EDIT_REFERENCE.value} was refused by the database: {error}"
            )

    def _remove(self, kind: str, item_id: str) -> ReferenceRemoved | Failure:
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
        """All or nothing: the whole document is checked, then written in one short
        transaction (:meth:`StoreTransaction.save_reference_items`, all kinds at once).
        Adding new clients only is a booking role's right (the booking form's New
        client…); anything else is reference data, an admin's (SPEC 10)."""
        refused = self.permissions.refusal(Action.ADD_CLIENT)
        if refused is not None:  # not even a client: say what an import needs
            return self.permissions.refusal(Action.IMPORT_REFERENCE) or refused
        try:
            return self._import(data, source)
        except PermissionDeniedError as error:
            return permission_failure(
                f"{Action.IMPORT_REFERENCE.value} was refused by the database: {error}"
            )

    def _import(self, data: object, source: str) -> ReferenceImported | Failure:
        # The check reads the database outside any write transaction: regions are never
        # deleted, and a field left out keeps the value stored when the entry is read.
        with self._store.reading() as tx:
            known_regions = {region.id for region in tx.regions()}
            stored = _stored_items(tx)
        try:
            parsed = parse_reference(data, known_regions, stored)
        except ReferenceProblemsError as error:
            problems = [{"field": p.field, "message": p.message} for p in error.problems]
            return Failure(
                ErrorCode.VALIDATION_ERROR,
                error.message,
                {"field": error.field, "problems": problems},
            )
        except InvalidInputError as error:
            return Failure(ErrorCode.VALIDATION_ERROR, error.message, {"field": error.field})
        only_new_clients = all(
            not items or kind == "clients" for kind, items in parsed.items()
        ) and all(item.id not in stored["clients"] for item in parsed["clients"])
        refused = self.permissions.refusal(
            Action.ADD_CLIENT if only_new_clients else Action.IMPORT_REFERENCE
        )
        if refused is not None:
            return refused
        items = [item for kind in KINDS for item in parsed[kind]]
        kinds = [kind for kind in KINDS for _ in parsed[kind]]
        with self._store.writing() as tx:
            today = self._clock.today()
            touches_resources = bool(parsed["setups"] or parsed["operators"])
            before = find_conflicts(tx, today, None)[0] if touches_resources else []
            outcomes = tx.save_reference_items(items)
            report = ReferenceImported(
                added={kind: [] for kind in KINDS}, updated={kind: [] for kind in KINDS}
            )
            for kind, item, outcome in zip(kinds, items, outcomes, strict=True):
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
            if not touches_resources:
                return report
            after, sessions = find_conflicts(tx, today, None)
            known = set(before)
            created = tuple(conflict for conflict in after if conflict not in known)
            return dataclasses.replace(
                report,
                conflicts=created,
                conflict_sessions={c.session_id: sessions[c.session_id] for c in created},
            )


def _stored_items(tx: StoreTransaction) -> dict[str, dict[str, ReferenceItem]]:
    """The reference items the database holds, by kind and id."""
    kinds: dict[str, list[ReferenceItem]] = {
        "regions": list(tx.regions()),
        "setups": list(tx.setups(None)),
        "operators": list(tx.operators(None)),
        "modules": list(tx.modules()),
        "clients": list(tx.clients()),
        "offers": list(tx.offers()),
    }
    return {kind: {item.id: item for item in items} for kind, items in kinds.items()}
