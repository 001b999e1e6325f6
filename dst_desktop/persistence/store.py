"""The Peewee implementation of the services' store protocols.

Every query is bound to this store's database explicitly, and every row leaves as a
domain dataclass: no lazy query ever escapes to a service or a widget.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from peewee import (
    JOIN,
    Database,
    DatabaseError,
    IntegrityError,
    OperationalError,
    SqliteDatabase,
)

from dst_desktop.domain.errors import AllocationConflictError, StorageError
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    Session,
    SessionFilter,
    Setup,
)
from dst_desktop.domain.rules import Holding
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.persistence.database import open_database, sqlite_path
from dst_desktop.persistence.models import (
    AuditRow,
    ClientRow,
    ModuleRow,
    OfferRow,
    OperatorRow,
    OperatorUnavailableDateRow,
    RegionRow,
    SessionModuleRow,
    SessionRow,
    SettingRow,
    SetupRow,
    SetupUnavailableDateRow,
)
from dst_desktop.persistence.schema import ensure_schema

_HOLDING = [status.value for status in RESOURCE_HOLDING]
#: SQLite accepts at most 32766 parameters per statement; stay far below.
_CHUNK = 500

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _is_allocation_conflict(error: IntegrityError) -> bool:
    """Whether a unique index on (setup, date) or (operator, date) refused a write."""
    text = str(error)
    return "held_once_per_day" in text or any(
        f"session.{column}, session.date" in text for column in ("setup_id", "operator_id")
    )


class PeeweeTransaction:
    """One unit of work on a database (implements ``StoreTransaction``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _select(self, *args: Any, model: Any) -> Any:
        return model.select(*args).bind(self._db)

    @staticmethod
    def _rows(query: Any) -> list[tuple[Any, ...]]:
        """Run a select and return plain tuples, never model instances."""
        return list(query.tuples())

    @staticmethod
    def _first(query: Any) -> tuple[Any, ...] | None:
        row: tuple[Any, ...] | None = query.tuples().first()
        return row

    # Reference data ---------------------------------------------------------------------

    def regions(self) -> list[Region]:
        query = self._select(RegionRow.id, RegionRow.name, model=RegionRow).order_by(RegionRow.name)
        return [Region(id_, name) for id_, name in self._rows(query)]

    def region(self, region_id: str) -> Region | None:
        query = self._select(RegionRow.id, RegionRow.name, model=RegionRow).where(
            RegionRow.id == region_id
        )
        row = self._first(query)
        return Region(*row) if row else None

    def _unavailable(self, model: Any, key: Any, ids: Sequence[str]) -> dict[str, set[dt.date]]:
        dates: dict[str, set[dt.date]] = defaultdict(set)
        for chunk in _chunks(list(ids)):
            query = self._select(key, model.date, model=model).where(key.in_(list(chunk)))
            for owner, day in self._rows(query):
                dates[owner].add(day)
        return dates

    def setups(self, region_id: str | None = None) -> list[Setup]:
        query = self._select(
            SetupRow.id, SetupRow.name, SetupRow.region, SetupRow.active, model=SetupRow
        ).order_by(SetupRow.id)
        if region_id is not None:
            query = query.where(SetupRow.region == region_id)
        rows = self._rows(query)
        dates = self._unavailable(
            SetupUnavailableDateRow, SetupUnavailableDateRow.setup, [row[0] for row in rows]
        )
        return [
            Setup(id_, name, region, bool(active), frozenset(dates.get(id_, ())))
            for id_, name, region, active in rows
        ]

    def operators(self, region_id: str | None = None) -> list[Operator]:
        query = self._select(
            OperatorRow.id,
            OperatorRow.name,
            OperatorRow.region,
            OperatorRow.active,
            model=OperatorRow,
        ).order_by(OperatorRow.id)
        if region_id is not None:
            query = query.where(OperatorRow.region == region_id)
        rows = self._rows(query)
        dates = self._unavailable(
            OperatorUnavailableDateRow,
            OperatorUnavailableDateRow.operator,
            [row[0] for row in rows],
        )
        return [
            Operator(id_, name, region, bool(active), frozenset(dates.get(id_, ())))
            for id_, name, region, active in rows
        ]

    def modules(self) -> list[Module]:
        query = self._select(
            ModuleRow.id, ModuleRow.name, ModuleRow.capacity_max, model=ModuleRow
        ).order_by(ModuleRow.name)
        return [Module(*row) for row in self._rows(query)]

    def clients(self) -> list[Client]:
        query = self._select(
            ClientRow.id, ClientRow.name, ClientRow.email, ClientRow.phone, model=ClientRow
        ).order_by(ClientRow.name)
        return [Client(*row) for row in self._rows(query)]

    def client(self, client_id: str) -> Client | None:
        query = self._select(
            ClientRow.id, ClientRow.name, ClientRow.email, ClientRow.phone, model=ClientRow
        ).where(ClientRow.id == client_id)
        row = self._first(query)
        return Client(*row) if row else None

    def offers(self) -> list[Offer]:
        query = self._select(OfferRow.id, OfferRow.name, model=OfferRow).order_by(OfferRow.name)
        return [Offer(*row) for row in self._rows(query)]

    def _upsert(self, model: Any, row_id: str, values: dict[str, object]) -> bool:
        exists = self._select(model.id, model=model).where(model.id == row_id).exists()
        if exists:
            model.update(values).where(model.id == row_id).bind(self._db).execute()
        else:
            model.insert({"id": row_id, **values}).bind(self._db).execute()
        return not exists

    def _replace_dates(self, model: Any, key: Any, owner_id: str, dates: Iterable[dt.date]) -> None:
        model.delete().where(key == owner_id).bind(self._db).execute()
        rows = [{key.name: owner_id, "date": day} for day in sorted(dates)]
        for chunk in _chunks(rows, 200):
            model.insert_many(list(chunk)).bind(self._db).execute()

    def save_region(self, region: Region) -> bool:
        return self._upsert(RegionRow, region.id, {"name": region.name})

    def save_setup(self, setup: Setup) -> bool:
        added = self._upsert(
            SetupRow,
            setup.id,
            {"name": setup.name, "region": setup.region_id, "active": setup.active},
        )
        self._replace_dates(
            SetupUnavailableDateRow,
            SetupUnavailableDateRow.setup,
            setup.id,
            setup.unavailable_dates,
        )
        return added

    def save_operator(self, operator: Operator) -> bool:
        added = self._upsert(
            OperatorRow,
            operator.id,
            {"name": operator.name, "region": operator.region_id, "active": operator.active},
        )
        self._replace_dates(
            OperatorUnavailableDateRow,
            OperatorUnavailableDateRow.operator,
            operator.id,
            operator.unavailable_dates,
        )
        return added

    def save_module(self, module: Module) -> bool:
        return self._upsert(
            ModuleRow, module.id, {"name": module.name, "capacity_max": module.capacity_max}
        )

    def save_client(self, client: Client) -> bool:
        return self._upsert(
            ClientRow,
            client.id,
            {"name": client.name, "email": client.email, "phone": client.phone},
        )

    def save_offer(self, offer: Offer) -> bool:
        return self._upsert(OfferRow, offer.id, {"name": offer.name})

    # Availability -----------------------------------------------------------------------

    def holdings(self, region_id: str, first: dt.date, last: dt.date) -> list[Holding]:
        region_setups = SetupRow.select(SetupRow.id).where(SetupRow.region == region_id)
        region_operators = OperatorRow.select(OperatorRow.id).where(OperatorRow.region == region_id)
        query = self._select(
            SessionRow.date, SessionRow.setup, SessionRow.operator, model=SessionRow
        ).where(
            SessionRow.date.between(first, last),
            SessionRow.status.in_(_HOLDING),
            (SessionRow.setup.in_(region_setups) | SessionRow.operator.in_(region_operators)),
        )
        return [Holding(day, setup, operator) for day, setup, operator in self._rows(query)]

    # Sessions ---------------------------------------------------------------------------

    _SESSION_COLUMNS = (
        SessionRow.id,
        SessionRow.client,
        SessionRow.region,
        SessionRow.date,
        SessionRow.requested_participants,
        SessionRow.capacity_max,
        SessionRow.status,
        SessionRow.booking_source,
        SessionRow.created_at,
        SessionRow.offer,
        SessionRow.notes,
        SessionRow.setup,
        SessionRow.operator,
        SessionRow.confirmed_at,
        SessionRow.scheduled_at,
        SessionRow.started_at,
        SessionRow.completed_at,
        SessionRow.cancelled_at,
        SessionRow.outcome,
        SessionRow.cancellation_reason,
    )

    def _module_ids(self, session_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(list(session_ids)):
            query = (
                self._select(
                    SessionModuleRow.session, SessionModuleRow.module, model=SessionModuleRow
                )
                .where(SessionModuleRow.session.in_(list(chunk)))
                .order_by(SessionModuleRow.session, SessionModuleRow.position)
            )
            for session_id, module_id in self._rows(query):
                found[session_id].append(module_id)
        return {session_id: tuple(ids) for session_id, ids in found.items()}

    def _sessions(self, query: Any) -> list[Session]:
        rows = self._rows(query)
        modules = self._module_ids([row[0] for row in rows])
        return [
            Session(
                id=row[0],
                client_id=row[1],
                region_id=row[2],
                date=row[3],
                module_ids=modules.get(row[0], ()),
                requested_participants=row[4],
                capacity_max=row[5],
                status=SessionStatus(row[6]),
                booking_source=row[7],
                created_at=row[8],
                offer_id=row[9],
                notes=row[10] or "",
                setup_id=row[11],
                operator_id=row[12],
                confirmed_at=row[13],
                scheduled_at=row[14],
                started_at=row[15],
                completed_at=row[16],
                cancelled_at=row[17],
                outcome=row[18],
                cancellation_reason=row[19],
            )
            for row in rows
        ]

    def session(self, session_id: str) -> Session | None:
        query = self._select(*self._SESSION_COLUMNS, model=SessionRow).where(
            SessionRow.id == session_id
        )
        found = self._sessions(query)
        return found[0] if found else None

    def sessions(self, query: SessionFilter) -> list[Session]:
        select = self._select(*self._SESSION_COLUMNS, model=SessionRow)
        if query.statuses is not None:
            select = select.where(
                SessionRow.status.in_([status.value for status in query.statuses])
            )
        if query.region_id is not None:
            select = select.where(SessionRow.region == query.region_id)
        if query.client_id is not None:
            select = select.where(SessionRow.client == query.client_id)
        if query.date_from is not None:
            select = select.where(SessionRow.date >= query.date_from)
        if query.date_to is not None:
            select = select.where(SessionRow.date <= query.date_to)
        if query.text:
            select = select.join(
                ClientRow, JOIN.LEFT_OUTER, on=(SessionRow.client == ClientRow.id)
            ).where(
                SessionRow.id.contains(query.text)
                | ClientRow.name.contains(query.text)
                | SessionRow.notes.contains(query.text)
            )
        select = select.order_by(SessionRow.date, SessionRow.created_at, SessionRow.id)
        if query.limit is not None:
            select = select.limit(query.limit)
        return self._sessions(select)

    def _session_values(self, session: Session) -> dict[str, object]:
        return {
            "client": session.client_id,
            "region": session.region_id,
            "date": session.date,
            "requested_participants": session.requested_participants,
            "capacity_max": session.capacity_max,
            "status": session.status.value,
            "booking_source": session.booking_source,
            "offer": session.offer_id,
            "notes": session.notes,
            "setup": session.setup_id,
            "operator": session.operator_id,
            "created_at": session.created_at,
            "confirmed_at": session.confirmed_at,
            "scheduled_at": session.scheduled_at,
            "started_at": session.started_at,
            "completed_at": session.completed_at,
            "cancelled_at": session.cancelled_at,
            "outcome": session.outcome,
            "cancellation_reason": session.cancellation_reason,
        }

    def add_session(self, session: Session) -> None:
        self.add_sessions([session])

    def add_sessions(self, sessions: Sequence[Session]) -> None:
        """Insert many sessions with a few statements (event imports, generated data)."""
        rows = [{"id": s.id, **self._session_values(s)} for s in sessions]
        links = [
            {"session": s.id, "module": module_id, "position": position}
            for s in sessions
            for position, module_id in enumerate(s.module_ids)
        ]
        try:
            for chunk in _chunks(rows, 40):
                SessionRow.insert_many(list(chunk)).bind(self._db).execute()
            for chunk in _chunks(links, 300):
                SessionModuleRow.insert_many(list(chunk)).bind(self._db).execute()
        except IntegrityError as error:
            if _is_allocation_conflict(error):
                raise AllocationConflictError(str(error)) from error
            raise

    def update_session(self, session: Session) -> None:
        try:
            SessionRow.update(self._session_values(session)).where(
                SessionRow.id == session.id
            ).bind(self._db).execute()
        except IntegrityError as error:
            if _is_allocation_conflict(error):
                raise AllocationConflictError(str(error)) from error
            raise

    def delete_session(self, session_id: str) -> bool:
        deleted = SessionRow.delete().where(SessionRow.id == session_id).bind(self._db).execute()
        return bool(deleted)

    # Audit ------------------------------------------------------------------------------

    def add_audit(self, entry: AuditEntry) -> None:
        AuditRow.insert(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            session_id=entry.session_id,
            details=json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
        ).bind(self._db).execute()

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        query = (
            self._select(
                AuditRow.at,
                AuditRow.actor,
                AuditRow.action,
                AuditRow.session_id,
                AuditRow.details,
                model=AuditRow,
            )
            .where(AuditRow.session_id == session_id)
            .order_by(AuditRow.id)
        )
        return [
            AuditEntry(at, actor, action, sid, json.loads(details))
            for at, actor, action, sid, details in self._rows(query)
        ]

    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        query = (
            self._select(
                AuditRow.at,
                AuditRow.actor,
                AuditRow.action,
                AuditRow.session_id,
                AuditRow.details,
                model=AuditRow,
            )
            .order_by(AuditRow.id.desc())
            .limit(limit)
        )
        return [
            AuditEntry(at, actor, action, sid, json.loads(details))
            for at, actor, action, sid, details in self._rows(query)
        ]

    def was_deleted(self, session_id: str) -> bool:
        return bool(
            self._select(AuditRow.id, model=AuditRow)
            .where(AuditRow.session_id == session_id, AuditRow.action == "cancel")
            .exists()
        )

    # Settings ---------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self._first(
            self._select(SettingRow.value, model=SettingRow).where(SettingRow.key == key)
        )
        return str(row[0]) if row else None

    def set_setting(self, key: str, value: str) -> None:
        SettingRow.insert(key=key, value=value).on_conflict(
            conflict_target=[SettingRow.key], update={SettingRow.value: value}
        ).bind(self._db).execute()


class PeeweeStore:
    """A DST Desktop database (implements ``Store``); one connection per thread."""

    def __init__(self, db: Database, description: str) -> None:
        self._db = db
        self._description = description

    @classmethod
    def open(cls, url: str) -> PeeweeStore:
        """Open the database at ``url``, creating or upgrading its schema."""
        db = open_database(url)
        if not isinstance(db, SqliteDatabase):
            raise StorageError(f"{url!r}: only SQLite databases are supported by this version")
        description = str(sqlite_path(url))
        try:
            ensure_schema(db, location=description)
        except BaseException:
            db.close()
            raise
        return cls(db, description)

    @property
    def description(self) -> str:
        return self._description

    @contextmanager
    def _unit_of_work(self, lock_type: str | None) -> Iterator[PeeweeTransaction]:
        if self._db.in_transaction():
            raise RuntimeError("a unit of work is already open on this thread")
        try:
            with self._db.atomic(*([lock_type] if lock_type else [])):
                yield PeeweeTransaction(self._db)
        except OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StorageError(
                    f"The database {self._description} is busy: another workstation has "
                    "held it for too long. Try again in a moment."
                ) from error
            raise StorageError(
                f"The database {self._description} cannot be used: {error}"
            ) from error
        except (IntegrityError, AllocationConflictError):
            raise
        except DatabaseError as error:
            raise StorageError(
                f"The database {self._description} cannot be used: {error}"
            ) from error

    def reading(self) -> AbstractContextManager[PeeweeTransaction]:
        return self._unit_of_work(None)

    def writing(self) -> AbstractContextManager[PeeweeTransaction]:
        return self._unit_of_work("IMMEDIATE" if isinstance(self._db, SqliteDatabase) else None)

    def close(self) -> None:
        """Close this thread's connection (other threads close their own)."""
        if not self._db.is_closed():
            self._db.close()
