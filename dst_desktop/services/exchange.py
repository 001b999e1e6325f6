"""Offline event mode (SPEC 7): snapshots go to an event laptop, bookings come back.

Office ─ export-snapshot ─▶ laptop ─ import-snapshot ─▶ (event database: bookings are
taken, never confirmed) ─ export-bookings ─▶ office ─ import-bookings ─▶ pending queue.

A *bundle* is one JSON file: its format and version, its kind (``snapshot`` or
``bookings``), the device and time it was made on, the snapshot it belongs to, and its
content. Bookings bundles are **signed**: every snapshot carries a fresh random key, which
the office keeps (per snapshot) and the laptop signs its bookings with (HMAC-SHA-256); the
office imports only bundles that one of its own snapshots' keys verifies, so a bundle
written by hand, altered, or from another office is refused — and says which. A snapshot
carries a checksum against damage on the way. Files are bounded in size and entries, and
checked whole before anything is written; the write is one short transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dst_desktop.domain.errors import AllocationConflictError, ConflictingDataError
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Region,
    Session,
    SessionFilter,
)
from dst_desktop.domain.permissions import Action
from dst_desktop.domain.rules import module_capacity
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.exports.files import OutputFileError, write_output
from dst_desktop.services.availability import ALTERNATIVES_COUNT, AvailabilityEngine
from dst_desktop.services.booking import (
    EVENT_SNAPSHOT_SETTING,
    SOURCE_EVENT,
    SOURCE_OFFLINE,
    TAKEN_AWAY_SOURCES,
    device_name,
    parse_requested_booking,
)
from dst_desktop.services.clock import Clock
from dst_desktop.services.input_files import (
    MAX_BUNDLE_FILE_BYTES,
    InputFileError,
    InputProblem,
    read_json_file,
)
from dst_desktop.services.permissions import Permissions
from dst_desktop.services.reference import parse_reference
from dst_desktop.services.results import JsonDict, session_to_dict, timestamp
from dst_desktop.services.store import Store, StoreTransaction
from dst_desktop.services.validation import (
    MAX_NAME_LENGTH,
    MAX_PARTICIPANTS,
    MAX_TEXT_LENGTH,
    InvalidInputError,
    parse_count,
    parse_date,
    parse_id,
    parse_id_list,
    parse_text,
    parse_timestamp,
    show,
)

BUNDLE_FORMAT = "dst-desktop-bundle"
#: The bundle format this program writes and reads. Version 1 bundles carried a plain
#: checksum anyone could recompute; they are refused.
BUNDLE_VERSION = 2
BundleKind = Literal["snapshot", "bookings"]
DEFAULT_SNAPSHOT_MONTHS = 6
#: What one bundle may carry.
MAX_BUNDLE_BOOKINGS = 20_000
MAX_BUNDLE_CLIENTS = 20_000
MAX_SNAPSHOT_ALLOCATIONS = 200_000
SIGNATURE_PREFIX = "hmac-sha256:"
CHECKSUM_PREFIX = "sha256:"
#: Bytes of a snapshot's random signing key.
SIGNING_KEY_BYTES = 32

_HEADER_FIELDS = ("format", "version", "kind", "device", "createdAt", "snapshotId", "content")
_BUNDLE_FIELDS: dict[str, tuple[str, ...]] = {
    "snapshot": (*_HEADER_FIELDS, "checksum"),
    "bookings": (*_HEADER_FIELDS, "signature"),
}
_CONTENT_FIELDS: dict[str, tuple[str, ...]] = {
    "snapshot": ("eventName", "firstDate", "lastDate", "signingKey", "reference", "allocations"),
    "bookings": ("bookings", "clients"),
}
#: The fields of a session in a bundle: those :func:`session_to_dict` writes.
SESSION_FIELDS = tuple(
    session_to_dict(
        Session(
            "x",
            "c",
            "r",
            dt.date(2000, 1, 1),
            ("m",),
            1,
            1,
            SessionStatus.CANCELLED,
            "s",
            dt.datetime(2000, 1, 1),
        )
    )
)


class BundleError(ValueError):
    """A bundle that cannot be used; nothing was written."""


def _canonical(content: object) -> bytes:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "surrogatepass": a hostile file may hold a lone surrogate; it must fail the check,
    # not crash it.
    return text.encode("utf-8", "surrogatepass")


def _signed_part(bundle: JsonDict) -> bytes:
    """Everything a signature or checksum covers: the whole bundle but themselves."""
    return _canonical({k: v for k, v in bundle.items() if k not in ("signature", "checksum")})


def checksum(bundle: JsonDict) -> str:
    return CHECKSUM_PREFIX + hashlib.sha256(_signed_part(bundle)).hexdigest()


def signature(bundle: JsonDict, key: bytes) -> str:
    return SIGNATURE_PREFIX + hmac.new(key, _signed_part(bundle), hashlib.sha256).hexdigest()


def make_bundle(
    kind: BundleKind,
    content: JsonDict,
    device: str,
    created_at: dt.datetime,
    snapshot_id: str,
    key: bytes | None = None,
) -> JsonDict:
    """A bundle; a bookings bundle is signed with ``key``, its snapshot's key."""
    bundle: JsonDict = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "kind": kind,
        "device": device,
        "createdAt": timestamp(created_at),
        "snapshotId": snapshot_id,
        "content": content,
    }
    if kind == "bookings":
        if key is None:
            raise ValueError("a bookings bundle is signed with its snapshot's key")
        bundle["signature"] = signature(bundle, key)
    else:
        bundle["checksum"] = checksum(bundle)
    return bundle


def write_bundle(bundle: JsonDict, path: Path, *, replace: bool = False) -> None:
    """Write atomically, readable by its owner only; an existing file is replaced only
    when ``replace`` says so."""
    text = json.dumps(bundle, ensure_ascii=False, indent=1)
    try:
        content = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written escaped, read back the same
        content = json.dumps(bundle, ensure_ascii=True, indent=1).encode("ascii")
    try:
        write_output(path, content, replace=replace)
    except OutputFileError as error:
        raise BundleError(error.message) from None


def read_bundle(path: Path, expected: BundleKind) -> JsonDict:
    """Load a bundle and check its form (and a snapshot's checksum); raise
    :class:`BundleError` saying what is wrong. A bookings bundle's signature is checked
    against the office's key by :func:`verify_signature`."""
    try:
        bundle = read_json_file(path, MAX_BUNDLE_FILE_BYTES)
    except InputFileError as error:
        broken = (InputProblem.NOT_TEXT, InputProblem.NOT_JSON, InputProblem.TOO_DEEP)
        if error.problem in broken and (error.line or error.problem != InputProblem.NOT_JSON):
            raise BundleError(
                f"{path} is truncated or is not a DST Desktop bundle (it is not complete JSON)"
            ) from None
        raise BundleError(error.message) from None
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{path} is not a DST Desktop bundle")
    version = bundle.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(f"{path} has no valid format version (version {show(version)})")
    if version > BUNDLE_VERSION:
        raise BundleError(
            f"{path} was written by a newer DST Desktop (bundle format {version}; this "
            f"version reads up to {BUNDLE_VERSION}). Update DST Desktop to import it."
        )
    kind = bundle.get("kind")
    if kind != expected:
        article = "an" if str(expected)[0] in "aeiou" else "a"
        raise BundleError(f"{path} is a {show(kind)} bundle, expected {article} {expected} bundle")
    if version < BUNDLE_VERSION:
        if expected == "bookings":
            raise BundleError(
                f"{path} is unsigned: an older DST Desktop wrote it, and anyone could have "
                "altered it. Update DST Desktop on the event laptop, import a new snapshot "
                "there (the bookings taken are kept) and export the bookings again"
            )
        raise BundleError(
            f"{path} was written by an older DST Desktop and carries no key to sign the "
            "event's bookings: export a new snapshot at the office"
        )
    for name in bundle:
        if name not in _BUNDLE_FIELDS[expected]:
            raise BundleError(f"{path} has an unknown field {show(name)}")
    content = bundle.get("content")
    if not isinstance(content, dict):
        raise BundleError(f"{path} is not a complete {expected} bundle (no content)")
    for name in content:
        if name not in _CONTENT_FIELDS[expected]:
            raise BundleError(f"{path} has an unknown field {show(name)} in its content")
    try:
        parse_id(bundle.get("snapshotId"), "snapshotId")
        parse_text(bundle.get("device"), "device", required=True, limit=MAX_NAME_LENGTH)
        parse_timestamp(bundle.get("createdAt"), "createdAt")
    except InvalidInputError as error:
        raise BundleError(f"{path} is not a valid bundle: {error.message}") from None
    if expected == "snapshot":
        if bundle.get("checksum") != checksum(bundle):
            raise BundleError(
                f"{path} was altered or damaged after it was written (its checksum does not match)"
            )
    elif "signature" not in bundle:
        raise BundleError(
            f"{path} is unsigned: it carries no signature, so it was not "
            "written by DST Desktop on an event laptop"
        )
    return bundle


def verify_signature(bundle: JsonDict, key: bytes) -> bool:
    """Whether the bundle's signature is the one ``key`` gives (in constant time)."""
    found = bundle.get("signature")
    if not isinstance(found, str) or not found.isascii():
        return False
    return hmac.compare_digest(found, signature(bundle, key))


# -- Snapshot: office -> laptop ----------------------------------------------------------


def _reference_content(tx: StoreTransaction) -> JsonDict:
    def dates(values: frozenset[dt.date]) -> list[str]:
        return sorted(day.isoformat() for day in values)

    return {
        "regions": [{"id": r.id, "name": r.name} for r in tx.regions()],
        "setups": [
            {
                "id": s.id,
                "name": s.name,
                "regionId": s.region_id,
                "active": s.active,
                "unavailableDates": dates(s.unavailable_dates),
            }
            for s in tx.setups(None)
        ],
        "operators": [
            {
                "id": o.id,
                "name": o.name,
                "regionId": o.region_id,
                "active": o.active,
                "unavailableDates": dates(o.unavailable_dates),
            }
            for o in tx.operators(None)
        ],
        "modules": [
            {"id": m.id, "name": m.name, "capacityMax": m.capacity_max} for m in tx.modules()
        ],
        "clients": [
            {"id": c.id, "name": c.name, "email": c.email, "phone": c.phone} for c in tx.clients()
        ],
        "offers": [{"id": o.id, "name": o.name} for o in tx.offers()],
    }


def _session_from_dict(data: dict[str, object]) -> Session:
    """A session as bundles carry it (the seed's camelCase shape); raises on bad data."""
    for name in data:
        if name not in SESSION_FIELDS:
            raise InvalidInputError(str(name), f"unknown field {show(name)}")

    def text(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            raise InvalidInputError(key, f"{key} must be a string, got {show(value)}")
        return value

    def optional(key: str, limit: int = MAX_TEXT_LENGTH) -> str | None:
        value = parse_text(data.get(key), key, required=False, limit=limit)
        return value or None

    def when(key: str) -> dt.datetime | None:
        value = data.get(key)
        return None if value is None else parse_timestamp(value, key)

    def count(key: str) -> int:
        return parse_count(data.get(key), key, 1, MAX_PARTICIPANTS)

    modules = data.get("moduleIds")
    if not isinstance(modules, list) or not modules:
        raise InvalidInputError(
            "moduleIds", f"moduleIds must be a non-empty list, got {show(modules)}"
        )
    status_text = text("status")
    try:
        status = SessionStatus(status_text)
    except ValueError:
        raise InvalidInputError(
            "status", f"status {show(status_text)} is not a session status"
        ) from None
    setup_ids = data.get("setupIds") or []
    operator_ids = data.get("operatorIds") or []
    if not isinstance(setup_ids, list) or not isinstance(operator_ids, list):
        raise InvalidInputError("setupIds", "setupIds and operatorIds must be lists")
    return Session(
        id=parse_id(data.get("id"), "id"),
        client_id=parse_id(data.get("clientId"), "clientId"),
        region_id=parse_id(data.get("regionId"), "regionId"),
        date=parse_date(data.get("date"), "date"),
        module_ids=parse_id_list(modules, "moduleIds"),
        requested_participants=count("requestedParticipants"),
        capacity_max=count("capacityMax"),
        status=status,
        booking_source=parse_id(data.get("bookingSource"), "bookingSource"),
        created_at=when("createdAt") or dt.datetime.min,
        offer_id=None if data.get("offerId") is None else parse_id(data.get("offerId"), "offerId"),
        notes=optional("notes") or "",
        setup_id=parse_id(setup_ids[0], "setupIds") if setup_ids else None,
        operator_id=parse_id(operator_ids[0], "operatorIds") if operator_ids else None,
        confirmed_at=when("confirmedAt"),
        scheduled_at=when("scheduledAt"),
        started_at=when("startedAt"),
        completed_at=when("completedAt"),
        cancelled_at=when("cancelledAt"),
        outcome=optional("outcome", MAX_NAME_LENGTH),
        cancellation_reason=optional("cancellationReason"),
        source_device=optional("sourceDevice", MAX_NAME_LENGTH),
    )


def _not_an_object(item: object) -> Session:
    raise InvalidInputError("allocations", f"an allocation must be an object, got {show(item)}")


@dataclass(frozen=True)
class EventSnapshot:
    """What an event database knows about the snapshot it holds."""

    event_name: str
    source_device: str
    taken_at: dt.datetime
    imported_at: dt.datetime
    first_date: dt.date
    last_date: dt.date
    #: The snapshot whose key signs the bookings taken here ("" before bundles were signed).
    snapshot_id: str = ""

    def to_setting(self) -> str:
        return json.dumps(
            {
                "snapshotId": self.snapshot_id,
                "eventName": self.event_name,
                "sourceDevice": self.source_device,
                "takenAt": timestamp(self.taken_at),
                "importedAt": timestamp(self.imported_at),
                "firstDate": self.first_date.isoformat(),
                "lastDate": self.last_date.isoformat(),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_setting(cls, value: str) -> EventSnapshot:
        data = json.loads(value)
        return cls(
            event_name=str(data["eventName"]),
            source_device=str(data["sourceDevice"]),
            taken_at=dt.datetime.fromisoformat(str(data["takenAt"]).removesuffix("Z")),
            imported_at=dt.datetime.fromisoformat(str(data["importedAt"]).removesuffix("Z")),
            first_date=dt.date.fromisoformat(str(data["firstDate"])),
            last_date=dt.date.fromisoformat(str(data["lastDate"])),
            snapshot_id=str(data.get("snapshotId") or ""),
        )

    def age_days(self, today: dt.date) -> int:
        """How stale the snapshot is: days since the office took it."""
        return (today - self.taken_at.date()).days


@dataclass(frozen=True)
class SnapshotImported:
    snapshot: EventSnapshot
    sessions: int
    kept_event_bookings: int

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "eventName": self.snapshot.event_name,
            "takenAt": timestamp(self.snapshot.taken_at),
            "sourceDevice": self.snapshot.source_device,
            "allocations": self.sessions,
            "eventBookingsKept": self.kept_event_bookings,
            "message": (
                f"This is now an event database for {self.snapshot.event_name!r}: "
                f"{self.sessions} allocation(s) from "
                f"{self.snapshot.first_date.isoformat()} to {self.snapshot.last_date.isoformat()}"
            ),
        }


@dataclass(frozen=True)
class BookingsExported:
    bookings: int
    clients: int

    def to_dict(self) -> JsonDict:
        return {
            "success": True,
            "bookings": self.bookings,
            "clients": self.clients,
            "message": f"{self.bookings} event booking(s) and {self.clients} client(s) exported",
        }


@dataclass
class BookingsImported:
    """The office's report of an event bookings import (SPEC 7)."""

    imported: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    no_availability_now: list[str] = field(default_factory=list)
    clients_added: list[str] = field(default_factory=list)
    client_differences: list[dict[str, str]] = field(default_factory=list)
    source_device: str = ""
    #: For each booking of :attr:`no_availability_now`, the next bookable dates of its
    #: region (ISO), to offer the client instead — the same search as a refused booking's.
    available_alternatives: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> JsonDict:
        return {
            "imported": self.imported,
            "alreadyPresent": self.already_present,
            "rejected": self.rejected,
            "noAvailabilityNow": self.no_availability_now,
            "availableAlternatives": self.available_alternatives,
            "clientsAdded": self.clients_added,
            "clientDifferences": self.client_differences,
        }


class OfflineExchange:
    """The four operations of event mode, each one transaction."""

    def __init__(self, store: Store, clock: Clock, actor: str, device: str | None = None) -> None:
        self._store = store
        self._clock = clock
        self._actor = actor
        self._device = device or device_name()
        self.permissions = Permissions(store)

    def _audit(self, tx: StoreTransaction, action: str, details: dict[str, object]) -> None:
        tx.add_audit(AuditEntry(self._clock.now(), self._actor, action, None, details))

    def event_snapshot(self) -> EventSnapshot | None:
        """The snapshot this database holds, or None for an office database."""
        with self._store.reading() as tx:
            value = tx.setting(EVENT_SNAPSHOT_SETTING)
        return EventSnapshot.from_setting(value) if value else None

    # -- office ----------------------------------------------------------------------------

    def export_snapshot(
        self,
        path: Path,
        months: int = DEFAULT_SNAPSHOT_MONTHS,
        event_name: str = "",
        *,
        replace: bool = False,
        for_offline_copy: bool = False,
    ) -> JsonDict:
        """Reference data, clients and the allocations of the next ``months`` months, with
        a fresh signing key that this database keeps for the event's bookings.

        The file is written inside the transaction that keeps its key: a failure to write
        leaves no key, and a key is never kept for a file that was not written.

        ``for_offline_copy``: for this workstation's own offline copy (SPEC 11), which any
        login that may read the bookings keeps: read only, no key kept, nothing audited —
        what is taken on the copy comes back through this login's own connection.
        """
        self.permissions.require(Action.READ if for_offline_copy else Action.EXPORT_SNAPSHOT)
        if not 1 <= months <= 36:
            raise BundleError(f"--months must be between 1 and 36, got {months}")
        try:
            name = parse_text(event_name, "event", required=False, limit=MAX_NAME_LENGTH)
        except InvalidInputError as error:
            raise BundleError(error.message) from None
        name = name or "Event"
        today = self._clock.today()
        last = today + dt.timedelta(days=round(months * 30.44))
        snapshot_id = f"snap_{uuid.uuid4().hex}"
        key = secrets.token_bytes(SIGNING_KEY_BYTES)
        unit = self._store.reading() if for_offline_copy else self._store.writing()
        with unit as tx:
            if tx.setting(EVENT_SNAPSHOT_SETTING):
                raise BundleError(
                    "this is an event database; snapshots are exported from the office database"
                )
            if not tx.regions():
                raise BundleError(
                    "this database holds no reference data (not one region), so an event "
                    "laptop could take no booking with its snapshot; import the reference "
                    "data first"
                )
            sessions = tx.sessions(
                SessionFilter(statuses=frozenset(RESOURCE_HOLDING), date_from=today, date_to=last)
            )
            content: JsonDict = {
                "eventName": name,
                "firstDate": today.isoformat(),
                "lastDate": last.isoformat(),
                "signingKey": key.hex(),
                "reference": _reference_content(tx),
                "allocations": [session_to_dict(session) for session in sessions],
            }
            now = self._clock.now()
            if for_offline_copy:
                bundle = make_bundle("snapshot", content, self._device, now, snapshot_id)
                write_bundle(bundle, path, replace=replace)
                return _snapshot_written(path, snapshot_id, len(sessions), content)
            tx.add_snapshot_key(snapshot_id, key, name, now)
            self._audit(
                tx,
                "export_snapshot",
                {
                    "file": str(path),
                    "snapshotId": snapshot_id,
                    "eventName": name,
                    "allocations": len(sessions),
                },
            )
            bundle = make_bundle("snapshot", content, self._device, now, snapshot_id)
            write_bundle(bundle, path, replace=replace)
        return _snapshot_written(path, snapshot_id, len(sessions), content)

    # -- laptop ----------------------------------------------------------------------------

    def import_snapshot(self, path: Path) -> SnapshotImported:
        """Make this database an event database holding the snapshot.

        Allowed on a new database, or on an event database (a newer snapshot replaces the
        office allocations and keeps the bookings taken at the event). The whole file is
        checked before the one write transaction.
        """
        self.permissions.require(Action.IMPORT_SNAPSHOT)
        bundle = read_bundle(path, "snapshot")
        content = bundle["content"]
        assert isinstance(content, dict)
        try:
            reference = content.get("reference")
            allocations_raw = content.get("allocations")
            if not isinstance(allocations_raw, list):
                raise InvalidInputError("allocations", "allocations must be a list")
            if len(allocations_raw) > MAX_SNAPSHOT_ALLOCATIONS:
                raise InvalidInputError(
                    "allocations",
                    f"it holds {len(allocations_raw)} allocations, more than the "
                    f"{MAX_SNAPSHOT_ALLOCATIONS} a snapshot may carry",
                )
            key_text = content.get("signingKey")
            if not isinstance(key_text, str) or len(key_text) != 2 * SIGNING_KEY_BYTES:
                raise InvalidInputError("signingKey", "signingKey is missing or malformed")
            key = bytes.fromhex(key_text)
            snapshot = EventSnapshot(
                event_name=parse_text(
                    content.get("eventName"), "eventName", required=True, limit=MAX_NAME_LENGTH
                ),
                source_device=str(bundle["device"]),
                taken_at=parse_timestamp(bundle["createdAt"], "createdAt"),
                imported_at=self._clock.now(),
                first_date=parse_date(content.get("firstDate"), "firstDate"),
                last_date=parse_date(content.get("lastDate"), "lastDate"),
                snapshot_id=str(bundle["snapshotId"]),
            )
            parsed = parse_reference(reference, set())
            allocations = [
                _session_from_dict(item) if isinstance(item, dict) else _not_an_object(item)
                for item in allocations_raw
            ]
        except InvalidInputError as error:
            raise BundleError(f"{path} holds invalid data: {error.message}") from None
        except ValueError:  # signingKey is not hexadecimal
            raise BundleError(f"{path} holds invalid data: signingKey is malformed") from None
        if not parsed["regions"]:
            raise BundleError(
                f"{path} holds no reference data (not one region): no booking could be "
                "taken with it; export the snapshot again from the office's database"
            )
        items = [item for items in parsed.values() for item in items]
        with self._store.writing() as tx:
            is_event = tx.setting(EVENT_SNAPSHOT_SETTING) is not None
            existing = tx.sessions(SessionFilter())
            if existing and not is_event:
                raise BundleError(
                    "this database holds office bookings; import a snapshot into a new "
                    "database (for example --database sqlite:///event.db)"
                )
            # Bookings taken here and not yet confirmed at the office stay; everything
            # else is the office's, and the new snapshot replaces it (a booking the office
            # confirmed meanwhile comes back as one of the snapshot's allocations).
            office_ids = {allocation.id for allocation in allocations}
            kept = [
                s
                for s in existing
                if s.booking_source in TAKEN_AWAY_SOURCES
                and s.status is SessionStatus.PENDING_CONFIRMATION
                and s.id not in office_ids
            ]
            kept_ids = {s.id for s in kept}
            tx.delete_sessions([s.id for s in existing if s.id not in kept_ids])
            tx.save_reference_items(items)
            try:
                tx.add_sessions(allocations)
            except (AllocationConflictError, ConflictingDataError) as error:
                raise BundleError(
                    f"{path} does not fit this database; nothing was imported ({error})"
                ) from None
            if tx.snapshot_key(snapshot.snapshot_id) is None:
                tx.add_snapshot_key(
                    snapshot.snapshot_id, key, snapshot.event_name, snapshot.taken_at
                )
            tx.set_setting(EVENT_SNAPSHOT_SETTING, snapshot.to_setting())
            self._audit(
                tx,
                "import_snapshot",
                {
                    "file": str(path),
                    "snapshotId": snapshot.snapshot_id,
                    "eventName": snapshot.event_name,
                    "takenAt": timestamp(snapshot.taken_at),
                    "allocations": len(allocations),
                },
            )
        return SnapshotImported(snapshot, len(allocations), len(kept))

    def export_bookings(self, path: Path, *, replace: bool = False) -> BookingsExported:
        """The bookings taken in this event database and not yet confirmed, with their
        clients, signed with the key of the snapshot this database holds.

        The file is written inside the transaction that records it in the audit log: a
        failure to write leaves no trace, and a failure to record leaves no file claimed.
        """
        self.permissions.require(Action.EXPORT_EVENT_BOOKINGS)
        with self._store.writing() as tx:
            value = tx.setting(EVENT_SNAPSHOT_SETTING)
            if value is None:
                raise BundleError(
                    "this is not an event database; event bookings are exported from the "
                    "laptop that took them"
                )
            snapshot_id = EventSnapshot.from_setting(value).snapshot_id
            key = tx.snapshot_key(snapshot_id) if snapshot_id else None
            if key is None:
                raise BundleError(
                    "this event database holds a snapshot from an older DST Desktop, without a "
                    "key to sign the bookings: import a new snapshot from the office (the "
                    "bookings taken here are kept), then export them again"
                )
            bookings = [
                s
                for s in tx.sessions(
                    SessionFilter(statuses=frozenset({SessionStatus.PENDING_CONFIRMATION}))
                )
                if s.booking_source in TAKEN_AWAY_SOURCES
            ]
            client_ids = {s.client_id for s in bookings}
            clients = [c for c in tx.clients() if c.id in client_ids]
            content: JsonDict = {
                "bookings": [session_to_dict(s) for s in bookings],
                "clients": [
                    {"id": c.id, "name": c.name, "email": c.email, "phone": c.phone}
                    for c in clients
                ],
            }
            self._audit(tx, "export_bookings", {"file": str(path), "bookings": len(bookings)})
            bundle = make_bundle(
                "bookings", content, self._device, self._clock.now(), snapshot_id, key
            )
            write_bundle(bundle, path, replace=replace)
        return BookingsExported(len(bookings), len(clients))

    # -- office ----------------------------------------------------------------------------

    def import_bookings(self, path: Path, *, offline_requests: bool = False) -> BookingsImported:
        """Bring event bookings in as pending, same ids; idempotent and all-or-nothing.

        Only a bundle signed with the key of a snapshot this database exported is
        imported. Every booking passes the checks of ``createSessionBooking`` or is
        rejected with its reason; the whole file is checked before the one short write
        transaction.

        ``offline_requests``: the requests this login took on its workstation's offline
        copy while the server was away (SPEC 11) — its own new requests, which creating a
        booking allows, sent by the login's own connection (no snapshot key vouches for
        them); a bundle holding anything else is refused.
        """
        self.permissions.require(
            Action.CREATE_BOOKING if offline_requests else Action.IMPORT_EVENT_BOOKINGS
        )
        bundle = read_bundle(path, "bookings")
        snapshot_id = str(bundle["snapshotId"])
        with self._store.reading() as tx:
            if tx.setting(EVENT_SNAPSHOT_SETTING) is not None:
                raise BundleError(
                    "this is an event database; event bookings are imported at the office"
                )
            key = None if offline_requests else tx.snapshot_key(snapshot_id)
            known = _Catalogue(
                {r.id: r for r in tx.regions()},
                {m.id: m for m in tx.modules()},
                {c.id: c for c in tx.clients()},
                {o.id for o in tx.offers()},
            )
        if offline_requests:
            content = bundle["content"]
            raw = content.get("bookings") if isinstance(content, dict) else None
            if not isinstance(raw, list) or any(
                not isinstance(item, dict) or item.get("bookingSource") != SOURCE_OFFLINE
                for item in raw
            ):
                raise BundleError(f"{path} holds bookings that were not taken offline")
        elif key is None:
            raise BundleError(
                f"{path} comes from a snapshot this database never exported "
                f"({snapshot_id}), so its bookings cannot be trusted; import it into the "
                "office database that exported the event's snapshot"
            )
        if not offline_requests and (key is None or not verify_signature(bundle, key)):
            raise BundleError(
                f"{path} is forged or was altered after the event laptop signed it (its "
                "signature does not match the key of its snapshot)"
            )
        content = bundle["content"]
        assert isinstance(content, dict)
        raw_bookings = content.get("bookings")
        raw_clients = content.get("clients")
        if not isinstance(raw_bookings, list) or not isinstance(raw_clients, list):
            raise BundleError(f"{path} is not a complete bookings bundle")
        for what, items, limit in (
            ("bookings", raw_bookings, MAX_BUNDLE_BOOKINGS),
            ("clients", raw_clients, MAX_BUNDLE_CLIENTS),
        ):
            if len(items) > limit:
                raise BundleError(
                    f"{path} holds {len(items)} {what}; at most {limit} travel in one bundle"
                )
        report = BookingsImported(source_device=str(bundle["device"]))
        try:
            parsed_clients = parse_reference({"clients": raw_clients}, set())["clients"]
        except InvalidInputError as error:
            raise BundleError(f"the bundle's clients are invalid: {error}") from None
        carried = {client.id: client for client in parsed_clients if isinstance(client, Client)}
        candidates, rejected = self._checked_bookings(path, raw_bookings, known, carried, report)
        with self._store.writing() as tx:
            ids = [session.id for _, session in candidates]
            present = tx.existing_session_ids(ids)
            cancelled = tx.cancelled_session_ids(ids)
            sessions: list[Session] = []
            for index, session in candidates:
                if session.id in present:
                    report.already_present.append(session.id)
                elif session.id in cancelled:
                    reason = "cancelled at the office after an earlier import; not imported again"
                    rejected.append((index, {"sessionId": session.id, "reason": reason}))
                else:
                    sessions.append(session)
                    report.imported.append(session.id)
            report.rejected.extend(entry for _, entry in sorted(rejected, key=lambda i: i[0]))
            office_clients = {client.id: client for client in tx.clients()}
            self._compare_clients(carried, office_clients, report)
            tx.save_reference_items([c for c in carried.values() if c.id not in office_clients])
            tx.add_sessions(sessions)
            now = self._clock.now()
            tx.add_audits(
                [
                    AuditEntry(
                        now,
                        self._actor,
                        "import_event_booking",
                        session.id,
                        {"file": str(path), "sourceDevice": session.source_device or ""},
                    )
                    for session in sessions
                ]
            )
            self._audit(
                tx,
                "import_bookings",
                {
                    "file": str(path),
                    "snapshotId": snapshot_id,
                    "sourceDevice": report.source_device,
                    "imported": len(report.imported),
                    "alreadyPresent": len(report.already_present),
                    "rejected": len(report.rejected),
                    "clientsAdded": len(report.clients_added),
                },
            )
        self._flag_unavailable(sessions, report)
        return report

    @staticmethod
    def _compare_clients(
        carried: dict[str, Client], office: dict[str, Client], report: BookingsImported
    ) -> None:
        """New clients are added; a known id keeps the office's data, differences reported."""
        for item in carried.values():
            known = office.get(item.id)
            if known is None:
                report.clients_added.append(item.id)
                continue
            for name in ("name", "email", "phone"):
                office_value, event_value = getattr(known, name), getattr(item, name)
                if office_value != event_value:
                    report.client_differences.append(
                        {
                            "clientId": item.id,
                            "field": name,
                            "office": office_value,
                            "event": event_value,
                        }
                    )

    def _checked_bookings(
        self,
        path: Path,
        raw_bookings: list[object],
        known: _Catalogue,
        carried: dict[str, Client],
        report: BookingsImported,
    ) -> tuple[list[tuple[int, Session]], list[tuple[int, dict[str, str]]]]:
        """The bookings that pass ``createSessionBooking``'s checks, and the others with
        their reasons (by position in the file). A booking that is not an object or has a
        field no session has makes the whole file unusable."""
        today = self._clock.today()
        candidates: list[tuple[int, Session]] = []
        rejected: list[tuple[int, dict[str, str]]] = []
        seen: set[str] = set()
        for index, raw in enumerate(raw_bookings):
            label = f"bookings[{index}]"
            if not isinstance(raw, dict):
                raise BundleError(f"{path}: {label} is not an object ({show(raw)})")
            for name in raw:
                if name not in SESSION_FIELDS:
                    raise BundleError(f"{path}: {label} has an unknown field {show(name)}")
            session_id = raw.get("id")
            try:
                session = _event_booking(raw, today, known, carried)
            except InvalidInputError as error:
                shown = session_id if isinstance(session_id, str) and session_id else label
                rejected.append((index, {"sessionId": shown[:80], "reason": error.message}))
                continue
            if session.id in seen:
                rejected.append(
                    (index, {"sessionId": session.id, "reason": "listed twice in the file"})
                )
                continue
            seen.add(session.id)
            candidates.append(
                (
                    index,
                    dataclasses.replace(
                        session, source_device=session.source_device or report.source_device
                    ),
                )
            )
        return candidates, rejected

    def _flag_unavailable(self, sessions: list[Session], report: BookingsImported) -> None:
        """Imported anyway, but listed with the dates to offer instead: the office took the
        day meanwhile. Read after the import, outside its write transaction."""
        if not sessions:
            return
        by_region: dict[str, list[Session]] = defaultdict(list)
        for session in sessions:
            by_region[session.region_id].append(session)
        with self._store.reading() as tx:
            engine = AvailabilityEngine(tx, self._clock.today())
            for region_id, region_sessions in by_region.items():
                first = min(s.date for s in region_sessions)
                last = max(s.date for s in region_sessions)
                days = {day.date: day for day in engine.days(region_id, first, last)}
                for session in region_sessions:
                    if not days[session.date].is_available:
                        report.no_availability_now.append(session.id)
                        report.available_alternatives[session.id] = [
                            day.isoformat()
                            for day in engine.available_dates_after(
                                region_id, session.date, ALTERNATIVES_COUNT
                            )
                        ]


def _snapshot_written(
    path: Path, snapshot_id: str, allocations: int, content: JsonDict
) -> JsonDict:
    return {
        "success": True,
        "file": str(path),
        "snapshotId": snapshot_id,
        "allocations": allocations,
        "firstDate": content["firstDate"],
        "lastDate": content["lastDate"],
        "message": f"Snapshot written to {path}: {allocations} allocation(s) "
        f"from {content['firstDate']} to {content['lastDate']}",
    }


@dataclass(frozen=True)
class _Catalogue:
    """The office's reference data an event booking is checked against."""

    regions: dict[str, Region]
    modules: dict[str, Module]
    clients: dict[str, Client]
    offers: set[str]


def _event_booking(
    raw: dict[str, object], today: dt.date, known: _Catalogue, carried: dict[str, Client]
) -> Session:
    """An event booking as the office takes it: pending, and passing every check of
    ``createSessionBooking`` on the office's data; raises :class:`InvalidInputError`."""
    session_id = parse_id(raw.get("id"), "id")
    status = raw.get("status")
    if status != SessionStatus.PENDING_CONFIRMATION.value:
        raise InvalidInputError(
            "status",
            f"status is {show(status)}; only pending bookings travel from events",
        )
    request = parse_requested_booking(raw, today)
    client_id, region_id, offer_id = request.client_id, request.region_id, request.offer_id
    module_ids, participants = request.module_ids, request.participants
    created_at = parse_timestamp(raw.get("createdAt"), "createdAt")
    source_device = parse_text(
        raw.get("sourceDevice"), "sourceDevice", required=False, limit=MAX_NAME_LENGTH
    )
    if region_id not in known.regions:
        raise InvalidInputError("regionId", f"regionId {show(region_id)} is not a known region")
    unknown = [m for m in module_ids if m not in known.modules]
    if unknown:
        raise InvalidInputError("moduleIds", f"moduleIds {show(unknown[0])} is not a known module")
    if client_id not in known.clients and client_id not in carried:
        raise InvalidInputError("clientId", f"clientId {show(client_id)} is not a known client")
    if offer_id is not None and offer_id not in known.offers:
        raise InvalidInputError("offerId", f"offerId {show(offer_id)} is not a known offer")
    capacity = module_capacity([known.modules[m] for m in module_ids], participants)
    if not capacity.is_valid:
        raise InvalidInputError("requestedParticipants", capacity.message)
    return Session(
        id=session_id,
        client_id=client_id,
        region_id=region_id,
        date=request.day,
        module_ids=module_ids,
        requested_participants=participants,
        capacity_max=capacity.capacity_max,
        status=SessionStatus.PENDING_CONFIRMATION,
        booking_source=SOURCE_OFFLINE
        if raw.get("bookingSource") == SOURCE_OFFLINE
        else SOURCE_EVENT,
        created_at=created_at,
        offer_id=offer_id,
        notes=request.notes,
        source_device=source_device or None,
    )
