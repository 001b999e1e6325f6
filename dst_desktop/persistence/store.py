"""The Peewee implementation of the services' store protocols.

Every row leaves as a domain dataclass: no lazy query ever escapes to a service or a
widget. Two things keep a workflow call cheap:

* **Reference data in memory.** Regions, setups, operators (with their maintenance and
  leave days), modules, clients, offers and settings are read once and kept until the
  database's *reference revision* changes. Every reference write stores a new random
  revision in the same transaction, so a change made by another workstation is seen by
  the next transaction here, and a rolled-back change never matches a cached revision.
* **Hand-written SQL on the hot path.** Sessions, holdings and audit rows are read and
  written with fixed, portable SQL statements; Peewee builds the schema and the rarely
  used queries. The statements use the columns the models define.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import peewee
from peewee import (
    Database,
    DatabaseError,
    IntegrityError,
    OperationalError,
    SqliteDatabase,
)

from dst_desktop.domain.errors import AllocationConflictError, ConflictingDataError, StorageError
from dst_desktop.domain.model import (
    AuditEntry,
    Client,
    Module,
    Offer,
    Operator,
    Region,
    SaveOutcome,
    Session,
    SessionFilter,
    Setup,
)
from dst_desktop.domain.names import name_key
from dst_desktop.domain.rules import Holding
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.persistence.database import open_database, sqlite_path
from dst_desktop.persistence.schema import ensure_schema

#: The setting whose value changes with every reference-data write.
REFERENCE_REVISION = "reference_revision"
#: SQLite accepts at most 32766 parameters per statement; stay far below.
_CHUNK = 500
#: Turns the driver's exceptions into Peewee's, as ``execute_sql`` does.
_DRIVER_ERRORS: Any = vars(peewee)["__exception_wrapper__"]
_STATUSES = {status.value: status for status in SessionStatus}
_HOLDING_SQL = ", ".join(f"'{status.value}'" for status in sorted(RESOURCE_HOLDING))

_SESSION_COLUMNS = (
    "id",
    "client_id",
    "region_id",
    "date",
    "requested_participants",
    "capacity_max",
    "status",
    "booking_source",
    "created_at",
    "offer_id",
    "notes",
    "setup_id",
    "operator_id",
    "confirmed_at",
    "scheduled_at",
    "started_at",
    "completed_at",
    "cancelled_at",
    "outcome",
    "cancellation_reason",
    "source_device",
)
_SELECT_SESSIONS = "SELECT " + ", ".join(f"s.{c}" for c in _SESSION_COLUMNS) + " FROM session s"
_INSERT_SESSION = (
    f"INSERT INTO session ({', '.join(_SESSION_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _SESSION_COLUMNS)})"
)
_UPDATE_SESSION = (
    "UPDATE session SET "
    + ", ".join(f"{column} = ?" for column in _SESSION_COLUMNS[1:])
    + " WHERE id = ?"
)
_HOLDINGS = (
    "SELECT s.date, s.setup_id, s.operator_id FROM session s"
    f" WHERE s.date BETWEEN ? AND ? AND s.status IN ({_HOLDING_SQL})"
    " AND (s.setup_id IN (SELECT id FROM setup WHERE region_id = ?)"
    "      OR s.operator_id IN (SELECT id FROM operator WHERE region_id = ?))"
)

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


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _timestamp(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def _stored_timestamp(value: dt.datetime | None) -> str | None:
    """Timestamps are stored as Peewee stores them: ``YYYY-MM-DD HH:MM:SS``."""
    return None if value is None else str(value)


@dataclass(frozen=True)
class _ReferenceData:
    """An immutable copy of the reference data at one revision."""

    revision: str | None
    regions: tuple[Region, ...]
    setups: tuple[Setup, ...]
    operators: tuple[Operator, ...]
    modules: tuple[Module, ...]
    clients: tuple[Client, ...]
    offers: tuple[Offer, ...]
    settings: dict[str, str]
    regions_by_id: dict[str, Region] = field(init=False)
    clients_by_id: dict[str, Client] = field(init=False)
    setups_by_region: dict[str, tuple[Setup, ...]] = field(init=False)
    operators_by_region: dict[str, tuple[Operator, ...]] = field(init=False)
    _by_id: dict[type, dict[str, Any]] = field(init=False, default_factory=dict)

    def by_id(self, kind: type, items: tuple[Any, ...]) -> dict[str, Any]:
        """The items of one kind by id, built on first use."""
        if kind not in self._by_id:
            self._by_id[kind] = {item.id: item for item in items}
        return self._by_id[kind]

    def __post_init__(self) -> None:
        setups: dict[str, list[Setup]] = defaultdict(list)
        for setup in self.setups:
            setups[setup.region_id].append(setup)
        operators: dict[str, list[Operator]] = defaultdict(list)
        for operator in self.operators:
            operators[operator.region_id].append(operator)
        object.__setattr__(self, "regions_by_id", {r.id: r for r in self.regions})
        object.__setattr__(self, "clients_by_id", {c.id: c for c in self.clients})
        object.__setattr__(self, "setups_by_region", {k: tuple(v) for k, v in setups.items()})
        object.__setattr__(self, "operators_by_region", {k: tuple(v) for k, v in operators.items()})


class _ReferenceCache:
    """The newest reference data this process has read, shared by its threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: _ReferenceData | None = None

    def get(self, revision: str | None) -> _ReferenceData | None:
        with self._lock:
            data = self._data
        if data is not None and data.revision == revision and revision is not None:
            return data
        return None

    def put(self, data: _ReferenceData) -> None:
        with self._lock:
            self._data = data


class PeeweeTransaction:
    """One unit of work on a database (implements ``StoreTransaction``)."""

    def __init__(self, db: Database, cache: _ReferenceCache) -> None:
        self._db = db
        #: The same database, for the driver-level calls Peewee leaves untyped.
        self._driver: Any = db
        self._cache = cache
        self._reference_data: _ReferenceData | None = None

    # Plumbing ---------------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        return self._driver.execute_sql(sql, tuple(params))

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._execute(sql, params).fetchall()
        return rows

    @staticmethod
    def _rows(query: Any) -> list[tuple[Any, ...]]:
        """Run a Peewee select and return plain tuples, never model instances."""
        return list(query.tuples())

    def _select(self, *args: Any, model: Any) -> Any:
        return model.select(*args).bind(self._db)

    # Reference data ---------------------------------------------------------------------

    def _reference(self) -> _ReferenceData:
        if self._reference_data is None:
            found = self._all("SELECT value FROM setting WHERE key = ?", (REFERENCE_REVISION,))
            revision = found[0][0] if found else None
            data = self._cache.get(revision)
            if data is None:
                data = self._load_reference(revision)
                self._cache.put(data)
            self._reference_data = data
        return self._reference_data

    def _changed_reference(self) -> None:
        """Record a reference write: a new revision, and no stale copy in this transaction."""
        self._upsert_setting(REFERENCE_REVISION, uuid.uuid4().hex)
        self._reference_data = None

    def _unavailable(self, table: str, key: str) -> dict[str, frozenset[dt.date]]:
        dates: dict[str, set[dt.date]] = defaultdict(set)
        for owner, day in self._all(f"SELECT {key}, date FROM {table}"):
            dates[owner].add(_date(day))
        return {owner: frozenset(days) for owner, days in dates.items()}

    def _load_reference(self, revision: str | None) -> _ReferenceData:
        setup_dates = self._unavailable("setup_unavailable_date", "setup_id")
        operator_dates = self._unavailable("operator_unavailable_date", "operator_id")
        return _ReferenceData(
            revision=revision,
            regions=tuple(
                Region(*row) for row in self._all("SELECT id, name FROM region ORDER BY name, id")
            ),
            setups=tuple(
                Setup(id_, name, region, bool(active), setup_dates.get(id_, frozenset()))
                for id_, name, region, active in self._all(
                    "SELECT id, name, region_id, active FROM setup ORDER BY id"
                )
            ),
            operators=tuple(
                Operator(id_, name, region, bool(active), operator_dates.get(id_, frozenset()))
                for id_, name, region, active in self._all(
                    "SELECT id, name, region_id, active FROM operator ORDER BY id"
                )
            ),
            modules=tuple(
                Module(*row)
                for row in self._all("SELECT id, name, capacity_max FROM module ORDER BY name, id")
            ),
            clients=tuple(
                Client(*row)
                for row in self._all("SELECT id, name, email, phone FROM client ORDER BY name, id")
            ),
            offers=tuple(
                Offer(*row) for row in self._all("SELECT id, name FROM offer ORDER BY name, id")
            ),
            settings=dict(self._all("SELECT key, value FROM setting")),
        )

    def regions(self) -> list[Region]:
        return list(self._reference().regions)

    def region(self, region_id: str) -> Region | None:
        return self._reference().regions_by_id.get(region_id)

    def setups(self, region_id: str | None = None) -> list[Setup]:
        data = self._reference()
        if region_id is None:
            return list(data.setups)
        return list(data.setups_by_region.get(region_id, ()))

    def operators(self, region_id: str | None = None) -> list[Operator]:
        data = self._reference()
        if region_id is None:
            return list(data.operators)
        return list(data.operators_by_region.get(region_id, ()))

    def modules(self) -> list[Module]:
        return list(self._reference().modules)

    def clients(self) -> list[Client]:
        return list(self._reference().clients)

    def client(self, client_id: str) -> Client | None:
        return self._reference().clients_by_id.get(client_id)

    def offers(self) -> list[Offer]:
        return list(self._reference().offers)

    def _known(self, item: Region | Setup | Operator | Module | Client | Offer) -> object | None:
        """The stored version of a reference item, as this transaction sees it."""
        data = self._reference()
        pools: dict[type, tuple[Any, ...]] = {
            Region: data.regions,
            Setup: data.setups,
            Operator: data.operators,
            Module: data.modules,
            Client: data.clients,
            Offer: data.offers,
        }
        return data.by_id(type(item), pools[type(item)]).get(item.id)

    def _upsert(self, model: Any, row_id: str, values: Mapping[str, object]) -> bool:
        exists = self._select(model.id, model=model).where(model.id == row_id).exists()
        if exists:
            model.update(values).where(model.id == row_id).bind(self._db).execute()
        else:
            model.insert({"id": row_id, **values}).bind(self._db).execute()
        self._changed_reference()
        return not exists

    def _save(
        self,
        item: Region | Setup | Operator | Module | Client | Offer,
        write: Callable[[], bool],
    ) -> SaveOutcome:
        known = self._known(item)
        if known == item:
            return "unchanged"
        write()
        return "updated" if known is not None else "added"

    def _replace_dates(self, model: Any, key: Any, owner_id: str, dates: Iterable[dt.date]) -> None:
        model.delete().where(key == owner_id).bind(self._db).execute()
        rows = [{key.name: owner_id, "date": day} for day in sorted(dates)]
        for chunk in _chunks(rows, 200):
            model.insert_many(list(chunk)).bind(self._db).execute()

    # Reference writes are rare: their Peewee models are imported on first use, which keeps
    # a one-shot ``dst-desktop call`` from paying for them.

    def save_region(self, region: Region) -> SaveOutcome:
        from dst_desktop.persistence import models

        return self._save(
            region, lambda: self._upsert(models.RegionRow, region.id, {"name": region.name})
        )

    def save_setup(self, setup: Setup) -> SaveOutcome:
        return self._save(setup, lambda: self._write_setup(setup))

    def _write_setup(self, setup: Setup) -> bool:
        from dst_desktop.persistence import models

        added = self._upsert(
            models.SetupRow,
            setup.id,
            {"name": setup.name, "region": setup.region_id, "active": setup.active},
        )
        self._replace_dates(
            models.SetupUnavailableDateRow,
            models.SetupUnavailableDateRow.setup,
            setup.id,
            setup.unavailable_dates,
        )
        return added

    def save_operator(self, operator: Operator) -> SaveOutcome:
        return self._save(operator, lambda: self._write_operator(operator))

    def _write_operator(self, operator: Operator) -> bool:
        from dst_desktop.persistence import models

        added = self._upsert(
            models.OperatorRow,
            operator.id,
            {"name": operator.name, "region": operator.region_id, "active": operator.active},
        )
        self._replace_dates(
            models.OperatorUnavailableDateRow,
            models.OperatorUnavailableDateRow.operator,
            operator.id,
            operator.unavailable_dates,
        )
        return added

    def save_module(self, module: Module) -> SaveOutcome:
        from dst_desktop.persistence import models

        values = {"name": module.name, "capacity_max": module.capacity_max}
        return self._save(module, lambda: self._upsert(models.ModuleRow, module.id, values))

    def save_client(self, client: Client) -> SaveOutcome:
        from dst_desktop.persistence import models

        values = {"name": client.name, "email": client.email, "phone": client.phone}
        return self._save(client, lambda: self._upsert(models.ClientRow, client.id, values))

    def save_offer(self, offer: Offer) -> SaveOutcome:
        from dst_desktop.persistence import models

        return self._save(
            offer, lambda: self._upsert(models.OfferRow, offer.id, {"name": offer.name})
        )

    def reference_uses(self, kind: str, item_id: str) -> int:
        from dst_desktop.persistence import models

        sessions = models.SessionRow
        referring: dict[str, list[tuple[Any, Any]]] = {
            "regions": [
                (sessions, sessions.region),
                (models.SetupRow, models.SetupRow.region),
                (models.OperatorRow, models.OperatorRow.region),
            ],
            "setups": [(sessions, sessions.setup)],
            "operators": [(sessions, sessions.operator)],
            "modules": [(models.SessionModuleRow, models.SessionModuleRow.module)],
            "clients": [(sessions, sessions.client)],
            "offers": [(sessions, sessions.offer)],
        }
        return sum(
            self._select(model=model).where(column == item_id).count()
            for model, column in referring[kind]
        )

    def delete_reference_item(self, kind: str, item_id: str) -> bool:
        from dst_desktop.persistence import models

        tables: dict[str, Any] = {
            "regions": models.RegionRow,
            "setups": models.SetupRow,
            "operators": models.OperatorRow,
            "modules": models.ModuleRow,
            "clients": models.ClientRow,
            "offers": models.OfferRow,
        }
        if kind == "setups":
            dates: Any = models.SetupUnavailableDateRow
            dates.delete().where(dates.setup == item_id).bind(self._db).execute()
        elif kind == "operators":
            dates = models.OperatorUnavailableDateRow
            dates.delete().where(dates.operator == item_id).bind(self._db).execute()
        table = tables[kind]
        deleted = table.delete().where(table.id == item_id).bind(self._db).execute()
        if deleted:
            self._changed_reference()
        return bool(deleted)

    # Availability -----------------------------------------------------------------------

    def holdings(self, region_id: str, first: dt.date, last: dt.date) -> list[Holding]:
        rows = self._all(_HOLDINGS, (first.isoformat(), last.isoformat(), region_id, region_id))
        dates: dict[str, dt.date] = {}  # a month has 31 distinct dates and many rows
        holdings = []
        for day, setup, operator in rows:
            date = dates.get(day)
            if date is None:
                date = dates[day] = _date(day)
            holdings.append(Holding(date, setup, operator))
        return holdings

    # Sessions ---------------------------------------------------------------------------

    def _module_ids(
        self, where: str, params: Sequence[object], tail: str
    ) -> dict[str, tuple[str, ...]]:
        """The modules of exactly the sessions ``where`` and ``tail`` (order, limit) select."""
        found: dict[str, list[str]] = defaultdict(list)
        rows = self._all(
            "SELECT m.session_id, m.module_id FROM session_module m"
            f" WHERE m.session_id IN (SELECT s.id FROM session s {where} {tail})"
            " ORDER BY m.session_id, m.position",
            params,
        )
        for session_id, module_id in rows:
            found[session_id].append(module_id)
        return {session_id: tuple(ids) for session_id, ids in found.items()}

    def _sessions(self, where: str, params: Sequence[object], tail: str = "") -> list[Session]:
        rows = self._all(f"{_SELECT_SESSIONS} {where} {tail}", params)
        if not rows:
            return []
        modules = self._module_ids(where, params, tail)
        no_modules: tuple[str, ...] = ()
        timestamp = _timestamp
        # Positional arguments, in Session's field order: this loop builds the 10,000
        # rows of a full pending queue, so it stays lean.
        return [
            Session(
                row[0],
                row[1],
                row[2],
                _date(row[3]),
                modules.get(row[0], no_modules),
                row[4],
                row[5],
                _STATUSES[row[6]],
                row[7],
                timestamp(row[8]) or dt.datetime.min,
                row[9],
                row[10] or "",
                row[11],
                row[12],
                timestamp(row[13]),
                timestamp(row[14]),
                timestamp(row[15]),
                timestamp(row[16]),
                timestamp(row[17]),
                row[18],
                row[19],
                row[20],
            )
            for row in rows
        ]

    def session(self, session_id: str) -> Session | None:
        found = self._sessions("WHERE s.id = ?", (session_id,))
        return found[0] if found else None

    def has_sessions(self) -> bool:
        return bool(self._all("SELECT 1 FROM session LIMIT 1"))

    def existing_session_ids(self, session_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(session_ids)):
            marks = ", ".join("?" for _ in chunk)
            found.update(
                row[0] for row in self._all(f"SELECT id FROM session WHERE id IN ({marks})", chunk)
            )
        return found

    def sessions(self, query: SessionFilter) -> list[Session]:
        conditions: list[str] = []
        params: list[object] = []
        if query.statuses is not None:
            statuses = sorted(status.value for status in query.statuses)
            if not statuses:
                return []
            conditions.append(f"s.status IN ({', '.join('?' for _ in statuses)})")
            params.extend(statuses)
        for column, value in (("s.region_id", query.region_id), ("s.client_id", query.client_id)):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        if query.date_from is not None:
            conditions.append("s.date >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to is not None:
            conditions.append("s.date <= ?")
            params.append(query.date_to.isoformat())
        if query.text:
            # dst_fold (registered on every connection) drops case and accents, so that
            # "ecole" finds "ÉCOLE NATIONALE" as a person expects.
            pattern = (
                "%"
                + name_key(query.text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            conditions.append(
                "(dst_fold(s.id) LIKE ? ESCAPE '\\' OR dst_fold(s.notes) LIKE ? ESCAPE '\\'"
                " OR s.client_id IN (SELECT c.id FROM client c"
                "                    WHERE dst_fold(c.name) LIKE ? ESCAPE '\\'))"
            )
            params.extend([pattern, pattern, pattern])
        where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
        tail = "ORDER BY s.date, s.created_at, s.id"
        if query.limit is not None:
            tail += f" LIMIT {int(query.limit)}"
        return self._sessions(where, params, tail)

    @staticmethod
    def _session_row(session: Session) -> tuple[object, ...]:
        return (
            session.id,
            session.client_id,
            session.region_id,
            session.date.isoformat(),
            session.requested_participants,
            session.capacity_max,
            session.status.value,
            session.booking_source,
            _stored_timestamp(session.created_at),
            session.offer_id,
            session.notes,
            session.setup_id,
            session.operator_id,
            _stored_timestamp(session.confirmed_at),
            _stored_timestamp(session.scheduled_at),
            _stored_timestamp(session.started_at),
            _stored_timestamp(session.completed_at),
            _stored_timestamp(session.cancelled_at),
            session.outcome,
            session.cancellation_reason,
            session.source_device,
        )

    def add_session(self, session: Session) -> None:
        self.add_sessions([session])

    def add_sessions(self, sessions: Sequence[Session]) -> None:
        cursor = self._driver.cursor()
        try:
            # Peewee's wrapper turns the driver's errors into Peewee's, as execute_sql does.
            with _DRIVER_ERRORS:
                cursor.executemany(_INSERT_SESSION, [self._session_row(s) for s in sessions])
                cursor.executemany(
                    "INSERT INTO session_module (session_id, module_id, position) VALUES (?, ?, ?)",
                    [
                        (s.id, module_id, position)
                        for s in sessions
                        for position, module_id in enumerate(s.module_ids)
                    ],
                )
        except IntegrityError as error:
            if _is_allocation_conflict(error):
                raise AllocationConflictError(str(error)) from error
            raise ConflictingDataError(str(error)) from error

    def update_session(self, session: Session) -> None:
        row = self._session_row(session)
        try:
            self._execute(_UPDATE_SESSION, (*row[1:], row[0]))
        except IntegrityError as error:
            if _is_allocation_conflict(error):
                raise AllocationConflictError(str(error)) from error
            raise

    def delete_session(self, session_id: str) -> bool:
        cursor = self._execute("DELETE FROM session WHERE id = ?", (session_id,))
        return bool(cursor.rowcount)

    # Audit ------------------------------------------------------------------------------

    def add_audit(self, entry: AuditEntry) -> None:
        self._execute(
            "INSERT INTO audit_entry (at, actor, action, session_id, details)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                _stored_timestamp(entry.at),
                entry.actor,
                entry.action,
                entry.session_id,
                json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
            ),
        )

    def _audit(self, where: str, params: Sequence[object], tail: str) -> list[AuditEntry]:
        rows = self._all(
            f"SELECT at, actor, action, session_id, details FROM audit_entry {where} {tail}", params
        )
        return [
            AuditEntry(_timestamp(at) or dt.datetime.min, actor, action, sid, json.loads(details))
            for at, actor, action, sid, details in rows
        ]

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        return self._audit("WHERE session_id = ?", (session_id,), "ORDER BY id")

    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        return self._audit("", (), f"ORDER BY id DESC LIMIT {int(limit)}")

    def cancelled_session_ids(self, session_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(session_ids)):
            marks = ", ".join("?" for _ in chunk)
            found.update(
                row[0]
                for row in self._all(
                    "SELECT DISTINCT session_id FROM audit_entry"
                    f" WHERE action = 'cancel' AND session_id IN ({marks})",
                    chunk,
                )
            )
        return found

    # Settings ---------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self._reference().settings.get(key)

    def _upsert_setting(self, key: str, value: str) -> None:
        from dst_desktop.persistence import models

        models.SettingRow.insert(key=key, value=value).on_conflict(
            conflict_target=[models.SettingRow.key], update={models.SettingRow.value: value}
        ).bind(self._db).execute()

    def set_setting(self, key: str, value: str) -> None:
        self._upsert_setting(key, value)
        self._changed_reference()


class PeeweeStore:
    """A DST Desktop database (implements ``Store``); one connection per thread."""

    def __init__(self, db: Database, description: str) -> None:
        self._db = db
        self._description = description
        self._cache = _ReferenceCache()

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
                yield PeeweeTransaction(self._db, self._cache)
        except OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StorageError(
                    f"The database {self._description} is busy: another workstation has "
                    "held it for too long. Try again in a moment."
                ) from error
            raise StorageError(
                f"The database {self._description} cannot be used: {error}"
            ) from error
        except AllocationConflictError:
            raise
        except IntegrityError as error:
            raise StorageError(
                f"The database {self._description} refused the change: {error}"
            ) from error
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
