"""Offline event mode (SPEC 7): snapshots go to an event laptop, bookings come back.

Office ─ export-snapshot ─▶ laptop ─ import-snapshot ─▶ (event database: bookings are
taken, never confirmed) ─ export-bookings ─▶ office ─ import-bookings ─▶ pending queue.

A *bundle* is one JSON file: its format and version, its kind (``snapshot`` or
``bookings``), the device and time it was made on, and a SHA-256 checksum over its
content. A truncated, altered, wrong-kind or newer-format bundle is refused before
anything is written, with a message saying which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dst_desktop.domain.errors import AllocationConflictError, ConflictingDataError
from dst_desktop.domain.model import AuditEntry, Client, Module, Session, SessionFilter
from dst_desktop.domain.rules import module_capacity
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.services.availability import AvailabilityEngine
from dst_desktop.services.booking import EVENT_SNAPSHOT_SETTING, SOURCE_EVENT, device_name
from dst_desktop.services.clock import Clock
from dst_desktop.services.reference import parse_reference, save_reference_item
from dst_desktop.services.results import JsonDict, session_to_dict, timestamp
from dst_desktop.services.store import Store, StoreTransaction
from dst_desktop.services.validation import (
    MAX_TEXT_LENGTH,
    InvalidInputError,
    parse_date,
    parse_id,
    parse_text,
    show,
)

BUNDLE_FORMAT = "dst-desktop-bundle"
#: The newest bundle format this program writes and reads.
BUNDLE_VERSION = 1
BundleKind = Literal["snapshot", "bookings"]
DEFAULT_SNAPSHOT_MONTHS = 6


class BundleError(ValueError):
    """A bundle that cannot be used; nothing was written."""


def _canonical(content: object) -> bytes:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "surrogatepass": a hostile file may hold a lone surrogate; it must fail the check,
    # not crash it.
    return text.encode("utf-8", "surrogatepass")


def checksum(content: object) -> str:
    return "sha256:" + hashlib.sha256(_canonical(content)).hexdigest()


def make_bundle(
    kind: BundleKind, content: JsonDict, device: str, created_at: dt.datetime
) -> JsonDict:
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "kind": kind,
        "device": device,
        "createdAt": timestamp(created_at),
        "checksum": checksum(content),
        "content": content,
    }


def write_bundle(bundle: JsonDict, path: Path) -> None:
    """Write atomically: a reader never sees half a file, a failure leaves none behind."""
    folder = path.parent
    if not folder.is_dir():
        raise BundleError(f"the folder {folder} does not exist")
    temporary = folder / f".{path.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        with temporary.open("x", encoding="utf-8") as stream:
            json.dump(bundle, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_bundle(path: Path, expected: BundleKind) -> JsonDict:
    """Load and verify a bundle; raise :class:`BundleError` saying what is wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BundleError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise BundleError(f"{path} is a folder, not a bundle file") from None
    except PermissionError:
        raise BundleError(f"{path} cannot be read (permission denied)") from None
    try:
        bundle = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise BundleError(
            f"{path} is truncated or is not a DST Desktop bundle (it is not complete JSON)"
        ) from None
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{path} is not a DST Desktop bundle")
    version = bundle.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError(f"{path} has no valid format version")
    if version > BUNDLE_VERSION:
        raise BundleError(
            f"{path} was written by a newer DST Desktop (bundle format {version}; this "
            f"version reads up to {BUNDLE_VERSION}). Update DST Desktop to import it."
        )
    kind = bundle.get("kind")
    if kind != expected:
        article = "an" if str(expected)[0] in "aeiou" else "a"
        raise BundleError(f"{path} is a {show(kind)} bundle, expected {article} {expected} bundle")
    content = bundle.get("content")
    if not isinstance(content, dict) or bundle.get("checksum") != checksum(content):
        raise BundleError(
            f"{path} was altered or damaged after it was written (its checksum does not match)"
        )
    return bundle


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

    def text(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            raise InvalidInputError(key, f"{key} must be a string, got {show(value)}")
        return value

    def optional(key: str) -> str | None:
        value = parse_text(data.get(key), key, required=False, limit=MAX_TEXT_LENGTH)
        return value or None

    def when(key: str) -> dt.datetime | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidInputError(key, f"{key} must be a timestamp, got {show(value)}")
        try:
            moment = dt.datetime.fromisoformat(value.removesuffix("Z"))
        except ValueError:
            raise InvalidInputError(key, f"{key} {show(value)} is not a timestamp") from None
        if moment.tzinfo is not None:  # stored as naive UTC, like every timestamp here
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment.replace(microsecond=0)

    def count(key: str) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidInputError(key, f"{key} must be a whole number ≥ 1, got {show(value)}")
        return value

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
        module_ids=tuple(parse_id(m, "moduleIds") for m in modules),
        requested_participants=count("requestedParticipants"),
        capacity_max=count("capacityMax"),
        status=status,
        booking_source=parse_id(data.get("bookingSource"), "bookingSource"),
        created_at=when("createdAt") or dt.datetime.min,
        offer_id=None if data.get("offerId") is None else parse_id(data.get("offerId"), "offerId"),
        notes=optional("notes") or "",
        setup_id=str(setup_ids[0]) if setup_ids else None,
        operator_id=str(operator_ids[0]) if operator_ids else None,
        confirmed_at=when("confirmedAt"),
        scheduled_at=when("scheduledAt"),
        started_at=when("startedAt"),
        completed_at=when("completedAt"),
        cancelled_at=when("cancelledAt"),
        outcome=optional("outcome"),
        cancellation_reason=optional("cancellationReason"),
        source_device=optional("sourceDevice"),
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

    def to_setting(self) -> str:
        return json.dumps(
            {
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

    def to_dict(self) -> JsonDict:
        return {
            "imported": self.imported,
            "alreadyPresent": self.already_present,
            "rejected": self.rejected,
            "noAvailabilityNow": self.no_availability_now,
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

    def _audit(self, tx: StoreTransaction, action: str, details: dict[str, object]) -> None:
        tx.add_audit(AuditEntry(self._clock.now(), self._actor, action, None, details))

    def event_snapshot(self) -> EventSnapshot | None:
        """The snapshot this database holds, or None for an office database."""
        with self._store.reading() as tx:
            value = tx.setting(EVENT_SNAPSHOT_SETTING)
        return EventSnapshot.from_setting(value) if value else None

    # -- office ----------------------------------------------------------------------------

    def export_snapshot(
        self, path: Path, months: int = DEFAULT_SNAPSHOT_MONTHS, event_name: str = ""
    ) -> JsonDict:
        """Reference data, clients and the allocations of the next ``months`` months."""
        if not 1 <= months <= 36:
            raise BundleError(f"--months must be between 1 and 36, got {months}")
        today = self._clock.today()
        last = today + dt.timedelta(days=round(months * 30.44))
        with self._store.reading() as tx:
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
                "eventName": event_name.strip() or "Event",
                "firstDate": today.isoformat(),
                "lastDate": last.isoformat(),
                "reference": _reference_content(tx),
                "allocations": [session_to_dict(session) for session in sessions],
            }
        bundle = make_bundle("snapshot", content, self._device, self._clock.now())
        write_bundle(bundle, path)
        return {
            "success": True,
            "file": str(path),
            "allocations": len(sessions),
            "firstDate": content["firstDate"],
            "lastDate": content["lastDate"],
            "message": f"Snapshot written to {path}: {len(sessions)} allocation(s) "
            f"from {content['firstDate']} to {content['lastDate']}",
        }

    # -- laptop ----------------------------------------------------------------------------

    def import_snapshot(self, path: Path) -> SnapshotImported:
        """Make this database an event database holding the snapshot.

        Allowed on a new database, or on an event database (a newer snapshot replaces the
        office allocations and keeps the bookings taken at the event).
        """
        bundle = read_bundle(path, "snapshot")
        content = bundle["content"]
        assert isinstance(content, dict)
        try:
            reference = content["reference"]
            allocations_raw = content["allocations"]
            if not isinstance(allocations_raw, list):
                raise BundleError(f"{path}: allocations must be a list")
            snapshot = EventSnapshot(
                event_name=str(content["eventName"]),
                source_device=str(bundle["device"]),
                taken_at=dt.datetime.fromisoformat(str(bundle["createdAt"]).removesuffix("Z")),
                imported_at=self._clock.now(),
                first_date=dt.date.fromisoformat(str(content["firstDate"])),
                last_date=dt.date.fromisoformat(str(content["lastDate"])),
            )
        except (KeyError, ValueError) as error:
            raise BundleError(f"{path} is not a complete snapshot ({error})") from None
        with self._store.writing() as tx:
            is_event = tx.setting(EVENT_SNAPSHOT_SETTING) is not None
            existing = tx.sessions(SessionFilter())
            if existing and not is_event:
                raise BundleError(
                    "this database holds office bookings; import a snapshot into a new "
                    "database (for example --database sqlite:///event.db)"
                )
            try:
                parsed = parse_reference(reference, set())
                allocations = [
                    _session_from_dict(item) if isinstance(item, dict) else _not_an_object(item)
                    for item in allocations_raw
                ]
            except InvalidInputError as error:
                raise BundleError(f"{path} holds invalid data: {error}") from None
            if not parsed["regions"]:
                raise BundleError(
                    f"{path} holds no reference data (not one region): no booking could be "
                    "taken with it; export the snapshot again from the office's database"
                )
            # Bookings taken here and not yet confirmed at the office stay; everything
            # else is the office's, and the new snapshot replaces it (a booking the office
            # confirmed meanwhile comes back as one of the snapshot's allocations).
            office_ids = {allocation.id for allocation in allocations}
            kept = [
                s
                for s in existing
                if s.booking_source == SOURCE_EVENT
                and s.status is SessionStatus.PENDING_CONFIRMATION
                and s.id not in office_ids
            ]
            kept_ids = {s.id for s in kept}
            for session in existing:
                if session.id not in kept_ids:
                    tx.delete_session(session.id)
            for items in parsed.values():
                for item in items:
                    save_reference_item(tx, item)
            try:
                tx.add_sessions(allocations)
            except (AllocationConflictError, ConflictingDataError) as error:
                raise BundleError(
                    f"{path} does not fit this database; nothing was imported ({error})"
                ) from None
            tx.set_setting(EVENT_SNAPSHOT_SETTING, snapshot.to_setting())
            self._audit(
                tx,
                "import_snapshot",
                {
                    "file": str(path),
                    "eventName": snapshot.event_name,
                    "takenAt": timestamp(snapshot.taken_at),
                    "allocations": len(allocations),
                },
            )
        return SnapshotImported(snapshot, len(allocations), len(kept))

    def export_bookings(self, path: Path) -> BookingsExported:
        """The bookings taken in this event database and not yet confirmed, with their clients.

        The file is written inside the transaction that records it in the audit log: a
        failure to write leaves no trace, and a failure to record leaves no file claimed.
        """
        with self._store.writing() as tx:
            if tx.setting(EVENT_SNAPSHOT_SETTING) is None:
                raise BundleError(
                    "this is not an event database; event bookings are exported from the "
                    "laptop that took them"
                )
            bookings = [
                s
                for s in tx.sessions(
                    SessionFilter(statuses=frozenset({SessionStatus.PENDING_CONFIRMATION}))
                )
                if s.booking_source == SOURCE_EVENT
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
            write_bundle(make_bundle("bookings", content, self._device, self._clock.now()), path)
        return BookingsExported(len(bookings), len(clients))

    # -- office ----------------------------------------------------------------------------

    def import_bookings(self, path: Path) -> BookingsImported:
        """Bring event bookings in as pending, same ids; idempotent and all-or-nothing."""
        bundle = read_bundle(path, "bookings")
        content = bundle["content"]
        assert isinstance(content, dict)
        raw_bookings = content.get("bookings")
        raw_clients = content.get("clients")
        if not isinstance(raw_bookings, list) or not isinstance(raw_clients, list):
            raise BundleError(f"{path} is not a complete bookings bundle")
        report = BookingsImported(source_device=str(bundle.get("device", "")))
        with self._store.writing() as tx:
            if tx.setting(EVENT_SNAPSHOT_SETTING) is not None:
                raise BundleError(
                    "this is an event database; event bookings are imported at the office"
                )
            self._import_clients(tx, raw_clients, report)
            sessions = self._checked_bookings(tx, raw_bookings, report)
            tx.add_sessions(sessions)
            self._flag_unavailable(tx, sessions, report)
            now = self._clock.now()
            for session in sessions:
                tx.add_audit(
                    AuditEntry(
                        now,
                        self._actor,
                        "import_event_booking",
                        session.id,
                        {"file": str(path), "sourceDevice": session.source_device or ""},
                    )
                )
            self._audit(
                tx,
                "import_bookings",
                {
                    "file": str(path),
                    "sourceDevice": report.source_device,
                    "imported": len(report.imported),
                    "alreadyPresent": len(report.already_present),
                    "rejected": len(report.rejected),
                    "noAvailabilityNow": len(report.no_availability_now),
                    "clientsAdded": len(report.clients_added),
                },
            )
        return report

    def _import_clients(
        self, tx: StoreTransaction, raw_clients: list[object], report: BookingsImported
    ) -> None:
        """New clients are added; a known id keeps the office's data, differences reported."""
        office = {client.id: client for client in tx.clients()}
        try:
            parsed = parse_reference({"clients": raw_clients}, set())["clients"]
        except InvalidInputError as error:
            raise BundleError(f"the bundle's clients are invalid: {error}") from None
        for item in parsed:
            assert isinstance(item, Client)
            known = office.get(item.id)
            if known is None:
                tx.save_client(item)
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
        self, tx: StoreTransaction, raw_bookings: list[object], report: BookingsImported
    ) -> list[Session]:
        regions = {region.id for region in tx.regions()}
        modules = {module.id: module for module in tx.modules()}
        clients = {client.id for client in tx.clients()}
        offers = {offer.id for offer in tx.offers()}
        candidates: list[tuple[int, Session]] = []
        rejected: list[tuple[int, dict[str, str]]] = []
        seen: set[str] = set()
        for index, raw in enumerate(raw_bookings):
            label = f"bookings[{index}]"
            session_id = raw.get("id") if isinstance(raw, dict) else None
            try:
                if not isinstance(raw, dict):
                    raise InvalidInputError(label, f"{label} must be an object")
                session = _session_from_dict(raw)
            except InvalidInputError as error:
                rejected.append(
                    (index, {"sessionId": str(session_id or label), "reason": error.message})
                )
                continue
            if session.id in seen:
                rejected.append(
                    (index, {"sessionId": session.id, "reason": "listed twice in the file"})
                )
                continue
            seen.add(session.id)
            candidates.append((index, session))
        ids = [session.id for _, session in candidates]
        present = tx.existing_session_ids(ids)
        cancelled = tx.cancelled_session_ids(ids)
        sessions = []
        for index, session in candidates:
            if session.id in present:
                report.already_present.append(session.id)
                continue
            reason = (
                "cancelled at the office after an earlier import; not imported again"
                if session.id in cancelled
                else self._rejection(session, regions, modules, clients, offers)
            )
            if reason:
                rejected.append((index, {"sessionId": session.id, "reason": reason}))
                continue
            capacity = module_capacity(
                [modules[m] for m in session.module_ids], session.requested_participants
            )
            sessions.append(
                dataclasses.replace(
                    session,
                    status=SessionStatus.PENDING_CONFIRMATION,
                    booking_source=SOURCE_EVENT,
                    capacity_max=capacity.capacity_max,
                    setup_id=None,
                    operator_id=None,
                    confirmed_at=None,
                    scheduled_at=None,
                    started_at=None,
                    completed_at=None,
                    cancelled_at=None,
                    outcome=None,
                    cancellation_reason=None,
                    source_device=session.source_device or report.source_device or None,
                )
            )
            report.imported.append(session.id)
        report.rejected.extend(entry for _, entry in sorted(rejected, key=lambda item: item[0]))
        return sessions

    @staticmethod
    def _rejection(
        session: Session,
        regions: set[str],
        modules: dict[str, Module],
        clients: set[str],
        offers: set[str],
    ) -> str:
        if session.status is not SessionStatus.PENDING_CONFIRMATION:
            return f"status is {session.status.value}; only pending bookings travel from events"
        if session.region_id not in regions:
            return f"regionId {show(session.region_id)} is not a known region"
        unknown = [m for m in session.module_ids if m not in modules]
        if unknown:
            return f"moduleIds {show(unknown[0])} is not a known module"
        if session.client_id not in clients:
            return f"clientId {show(session.client_id)} is not a known client"
        if session.offer_id is not None and session.offer_id not in offers:
            return f"offerId {show(session.offer_id)} is not a known offer"
        capacity = module_capacity(
            [modules[m] for m in session.module_ids], session.requested_participants
        )
        if not capacity.is_valid:
            return capacity.message
        return ""

    def _flag_unavailable(
        self, tx: StoreTransaction, sessions: list[Session], report: BookingsImported
    ) -> None:
        """Imported anyway, but listed: the office took the day meanwhile."""
        engine = AvailabilityEngine(tx, self._clock.today())
        by_region: dict[str, list[Session]] = defaultdict(list)
        for session in sessions:
            by_region[session.region_id].append(session)
        for region_id, region_sessions in by_region.items():
            first = min(s.date for s in region_sessions)
            last = max(s.date for s in region_sessions)
            days = {day.date: day for day in engine.days(region_id, first, last)}
            for session in region_sessions:
                if not days[session.date].is_available:
                    report.no_availability_now.append(session.id)
