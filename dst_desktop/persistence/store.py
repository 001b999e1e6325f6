"""The Peewee implementation of the services' store protocols.

Every row leaves as a domain dataclass: no lazy query ever escapes to a service or a
widget. Two things keep a workflow call cheap:

* **Reference data in memory.** Regions, setups, operators (with their maintenance and
  leave days), modules, clients, offers and settings are read once and kept until the
  database's *reference revision* changes. Every reference write stores a new random
  revision in the same transaction, so a change made by another workstation is seen by
  the next transaction here, and a rolled-back change never matches a cached revision.
* **Hand-written SQL on the hot path.** Sessions, holdings and audit rows are read and
  written with fixed, portable SQL statements (``?`` placeholders, which the backend
  turns into its driver's style); Peewee builds the schema and the rarely used queries.
  The statements use the columns the models define.

Everything that differs between SQLite and PostgreSQL — opening, transactions, row locks,
schema version, error messages — is the backend's (:mod:`dst_desktop.persistence.backends`).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

from peewee import Database, QueryEvent

from dst_desktop.domain.changes import Change, ChangeKind, ChangeSource
from dst_desktop.domain.errors import ConnectionFailedError, StorageError
from dst_desktop.domain.model import (
    AuditEntry,
    AuditFilter,
    Client,
    Module,
    Offer,
    Operator,
    ReferenceItem,
    Region,
    SaveOutcome,
    Session,
    SessionFilter,
    Setup,
    UserAccount,
)
from dst_desktop.domain.names import name_key
from dst_desktop.domain.permissions import Access, Role
from dst_desktop.domain.rules import Holding
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.domain.utilisation import SessionTally
from dst_desktop.persistence.backends.base import Backend
from dst_desktop.persistence.database import open_backend
from dst_desktop.persistence.models import HOLDING_SQL
from dst_desktop.persistence.schema import ensure_schema

#: The setting whose value changes with every reference-data write.
REFERENCE_REVISION = "reference_revision"
#: SQLite accepts at most 32766 parameters per statement; stay far below.
_CHUNK = 500
_STATUSES = {status.value: status for status in SessionStatus}

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
    "previous_session_id",
    "attended_participants",
    "completion_notes",
)
#: Written with every session, never read back into it: the notes folded for searching.
_WRITTEN_COLUMNS = (*_SESSION_COLUMNS, "notes_key")
_SELECT_SESSIONS = "SELECT " + ", ".join(f"s.{c}" for c in _SESSION_COLUMNS) + " FROM session s"
_INSERT_SESSION = (
    f"INSERT INTO session ({', '.join(_WRITTEN_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _WRITTEN_COLUMNS)})"
)
_UPDATE_SESSION = (
    "UPDATE session SET "
    + ", ".join(f"{column} = ?" for column in _WRITTEN_COLUMNS[1:])
    + " WHERE id = ?"
)
#: The table of each kind of reference data, by the name reference files give the kind.
_KIND_TABLES = {
    "regions": "region",
    "setups": "setup",
    "operators": "operator",
    "modules": "module",
    "clients": "client",
    "offers": "offer",
}
#: The rows that refer to an entry of each kind (table, column).
_REFERENCE_USES = {
    "regions": [("session", "region_id"), ("setup", "region_id"), ("operator", "region_id")],
    "setups": [("session", "setup_id")],
    "operators": [("session", "operator_id")],
    "modules": [("session_module", "module_id")],
    "clients": [("session", "client_id")],
    "offers": [("session", "offer_id")],
}

_HOLDINGS = (
    "SELECT s.date, s.setup_id, s.operator_id FROM session s"
    f" WHERE s.date BETWEEN ? AND ? AND s.status IN ({HOLDING_SQL})"
    " AND (s.setup_id IN (SELECT id FROM setup WHERE region_id = ?)"
    "      OR s.operator_id IN (SELECT id FROM operator WHERE region_id = ?))"
)

#: A held setup or operator that cannot serve the session on its date: inactive, based
#: in another region, or in maintenance / on leave that day (``domain.conflicts``).
_UNUSABLE_RESOURCE = (
    "(EXISTS (SELECT 1 FROM setup r WHERE r.id = s.setup_id"
    "         AND (NOT r.active OR r.region_id <> s.region_id))"
    " OR EXISTS (SELECT 1 FROM setup_unavailable_date d"
    "            WHERE d.setup_id = s.setup_id AND d.date = s.date)"
    " OR EXISTS (SELECT 1 FROM operator r WHERE r.id = s.operator_id"
    "            AND (NOT r.active OR r.region_id <> s.region_id))"
    " OR EXISTS (SELECT 1 FROM operator_unavailable_date d"
    "            WHERE d.operator_id = s.operator_id AND d.date = s.date))"
)

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


#: All reference data and settings in one statement, hence one consistent snapshot even
#: inside a write transaction at READ COMMITTED: (kind, id, name, region or e-mail,
#: active, capacity, phone, date).
_REFERENCE = " UNION ALL ".join(
    (
        # The first branch types the columns for PostgreSQL (SQLite ignores the casts).
        "SELECT 'region', id, name, CAST(NULL AS VARCHAR(200)), CAST(NULL AS BOOLEAN),"
        " CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR(200)), CAST(NULL AS DATE) FROM region",
        "SELECT 'setup', id, name, region_id, active, NULL, NULL, NULL FROM setup",
        "SELECT 'operator', id, name, region_id, active, NULL, NULL, NULL FROM operator",
        "SELECT 'module', id, name, NULL, NULL, capacity_max, NULL, NULL FROM module",
        "SELECT 'client', id, name, email, NULL, NULL, phone, NULL FROM client",
        "SELECT 'offer', id, name, NULL, NULL, NULL, NULL, NULL FROM offer",
        "SELECT 'setting', key, value, NULL, NULL, NULL, NULL, NULL FROM setting",
        "SELECT 'setup_day', setup_id, NULL, NULL, NULL, NULL, NULL, date"
        " FROM setup_unavailable_date",
        "SELECT 'operator_day', operator_id, NULL, NULL, NULL, NULL, NULL, date"
        " FROM operator_unavailable_date",
    )
)


#: The table and the columns (besides ``id``) of each kind of reference item, in the order
#: they are written: a setup's region exists before the setup.
_REFERENCE_TABLES: dict[type, tuple[str, tuple[str, ...]]] = {
    Region: ("region", ("name",)),
    Setup: ("setup", ("name", "region_id", "active")),
    Operator: ("operator", ("name", "region_id", "active")),
    Module: ("module", ("name", "capacity_max")),
    Client: ("client", ("name", "email", "phone", "name_key")),
    Offer: ("offer", ("name",)),
}
#: Maintenance days of setups and leave days of operators: (table, owner column).
_UNAVAILABLE_DATES: dict[type, tuple[str, str]] = {
    Setup: ("setup_unavailable_date", "setup_id"),
    Operator: ("operator_unavailable_date", "operator_id"),
}


def _reference_values(item: ReferenceItem) -> tuple[object, ...]:
    """The values of :data:`_REFERENCE_TABLES`' columns for ``item``."""
    if isinstance(item, Setup | Operator):
        return (item.name, item.region_id, item.active)
    if isinstance(item, Module):
        return (item.name, item.capacity_max)
    if isinstance(item, Client):
        return (item.name, item.email, item.phone, name_key(item.name))
    return (item.name,)


def _by_name(
    items: Iterable[T], name: Callable[[T], str], key: Callable[[T], str]
) -> tuple[T, ...]:
    """Code-point order of (name, id), as SQLite's BINARY collation and Python sort."""
    return tuple(sorted(items, key=lambda item: (name(item), key(item))))


class UnreadableValueError(ValueError):
    """A stored value that does not read back as what its column holds: a damaged file
    (or a program that bypassed DST Desktop). The store reports the database damaged."""


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UnreadableValueError(f"a stored date reads {value!r:.40}") from None


def _timestamp(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise UnreadableValueError(f"a stored timestamp reads {value!r:.40}") from None


def _status(value: Any) -> SessionStatus:
    found = _STATUSES.get(value)
    if found is None:
        raise UnreadableValueError(f"a stored status reads {value!r:.40}")
    return found


def _whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise UnreadableValueError(f"a stored number reads {value!r:.40}")


def _details(value: Any) -> dict[str, object]:
    try:
        found = json.loads(value)
    except (TypeError, ValueError, RecursionError):
        found = None
    if not isinstance(found, dict):
        raise UnreadableValueError(f"stored audit details read {value!r:.40}")
    return found


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

    def __init__(
        self, db: Database, backend: Backend, cache: _ReferenceCache, *, write: bool
    ) -> None:
        self._db = db
        self._backend = backend
        self._cache = cache
        #: In a write transaction a booking read is locked until the end (where the
        #: backend needs it), so two workstations changing it take turns.
        self._session_lock = backend.row_lock if write else ""
        self._reference_data: _ReferenceData | None = None
        #: What this unit of work changed, announced to other workstations at commit.
        self.changes: list[Change] = []

    # Plumbing ---------------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        try:
            return self._db.execute_sql(self._backend.sql(sql), tuple(params))  # type: ignore[no-untyped-call]
        except Exception as error:
            raise _domain_error(self._backend, error) from error

    def _execute_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """One statement for many rows (a pipeline on PostgreSQL), counted as one."""
        if not rows:
            return
        statement = self._backend.sql(sql)
        start = time.perf_counter()
        try:
            self._db.cursor().executemany(statement, rows)  # type: ignore[no-untyped-call]
        except Exception as error:
            raise _domain_error(self._backend, error) from error
        for hook in self._db.query_hooks:
            hook(QueryEvent(statement, (), time.perf_counter() - start, None))

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        cursor = self._execute(sql, params)
        try:  # rows are decoded as they are fetched: a damaged page fails here
            rows: list[tuple[Any, ...]] = cursor.fetchall()
        except Exception as error:
            raise _domain_error(self._backend, error) from error
        return rows

    def _run(self, query: Any) -> Any:
        """Run a Peewee query, with the driver's errors as the domain's."""
        try:
            return query.bind(self._db).execute()
        except Exception as error:
            raise _domain_error(self._backend, error) from error

    # Reference data ---------------------------------------------------------------------

    def _reference(self) -> _ReferenceData:
        if self._reference_data is None:
            found = self._all("SELECT value FROM setting WHERE key = ?", (REFERENCE_REVISION,))
            revision = found[0][0] if found else None
            data = self._cache.get(revision)
            if data is None:
                data = self._load_reference()
                self._cache.put(data)
            self._reference_data = data
        return self._reference_data

    def _changed_reference(self) -> None:
        """Record a reference write: a new revision, and no stale copy in this transaction."""
        self._upsert_setting(REFERENCE_REVISION, uuid.uuid4().hex)
        self._reference_data = None
        self.changes.append(Change.reference())

    def _changed_session(self, session: Session) -> None:
        self.changes.append(
            Change(ChangeKind.SESSION, session.id, session.date, session.region_id, session.status)
        )

    def _load_reference(self) -> _ReferenceData:
        """Every reference item from one statement; its revision is the one it was read at."""
        rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in self._all(_REFERENCE):
            rows[row[0]].append(row)
        days: dict[str, dict[str, set[dt.date]]] = {"setup_day": {}, "operator_day": {}}
        for kind, owners in days.items():
            for row in rows[kind]:
                owners.setdefault(row[1], set()).add(_date(row[7]))

        def unavailable(kind: str, owner: str) -> frozenset[dt.date]:
            return frozenset(days[kind].get(owner, ()))

        settings = {row[1]: row[2] for row in rows["setting"]}
        return _ReferenceData(
            revision=settings.get(REFERENCE_REVISION),
            regions=_by_name(
                (Region(row[1], row[2]) for row in rows["region"]), lambda r: r.name, lambda r: r.id
            ),
            setups=tuple(
                sorted(
                    (
                        Setup(
                            row[1], row[2], row[3], bool(row[4]), unavailable("setup_day", row[1])
                        )
                        for row in rows["setup"]
                    ),
                    key=lambda setup: setup.id,
                )
            ),
            operators=tuple(
                sorted(
                    (
                        Operator(
                            row[1],
                            row[2],
                            row[3],
                            bool(row[4]),
                            unavailable("operator_day", row[1]),
                        )
                        for row in rows["operator"]
                    ),
                    key=lambda operator: operator.id,
                )
            ),
            modules=_by_name(
                (Module(row[1], row[2], _whole(row[5])) for row in rows["module"]),
                lambda m: m.name,
                lambda m: m.id,
            ),
            clients=_by_name(
                (Client(row[1], row[2], row[3], row[6]) for row in rows["client"]),
                lambda c: c.name,
                lambda c: c.id,
            ),
            offers=_by_name(
                (Offer(row[1], row[2]) for row in rows["offer"]), lambda o: o.name, lambda o: o.id
            ),
            settings=settings,
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

    # Reference writes -------------------------------------------------------------------
    # One rule for every reference write, one item from the editor or 20,000 from a file:
    # an item equal to the stored one is left alone, a new id is inserted, a known id is
    # updated (and its maintenance or leave days brought in line). However many items,
    # a handful of statements per kind, and the reference revision changes once.

    def save_reference_items(self, items: Sequence[ReferenceItem]) -> list[SaveOutcome]:
        data = self._reference()
        pools: dict[type, tuple[Any, ...]] = {
            Region: data.regions,
            Setup: data.setups,
            Operator: data.operators,
            Module: data.modules,
            Client: data.clients,
            Offer: data.offers,
        }
        written: dict[tuple[type, str], ReferenceItem] = {}
        outcomes: list[SaveOutcome] = []
        for item in items:
            key = (type(item), item.id)
            previous = written.get(key) or data.by_id(type(item), pools[type(item)]).get(item.id)
            if previous == item:
                outcomes.append("unchanged")
                continue
            outcomes.append("added" if previous is None else "updated")
            written[key] = item
        if not written:
            return outcomes
        for kind, (table, columns) in _REFERENCE_TABLES.items():
            stored = data.by_id(kind, pools[kind])
            new = [item for (k, _), item in written.items() if k is kind and item.id not in stored]
            changed = [item for (k, _), item in written.items() if k is kind and item.id in stored]
            names = ", ".join(columns)
            marks = ", ".join("?" for _ in columns)
            self._execute_many(
                f'INSERT INTO "{table}" (id, {names}) VALUES (?, {marks})',
                [(item.id, *_reference_values(item)) for item in new],
            )
            self._execute_many(
                f'UPDATE "{table}" SET {", ".join(f"{c} = ?" for c in columns)} WHERE id = ?',
                [(*_reference_values(item), item.id) for item in changed],
            )
            if kind in _UNAVAILABLE_DATES:
                self._write_unavailable_dates(kind, new, changed, stored)
        self._changed_reference()
        return outcomes

    def _write_unavailable_dates(
        self,
        kind: type,
        new: Sequence[ReferenceItem],
        changed: Sequence[ReferenceItem],
        stored: Mapping[str, Any],
    ) -> None:
        """Maintenance or leave days: only the days that differ from the stored ones."""
        table, owner = _UNAVAILABLE_DATES[kind]
        removed: list[tuple[object, ...]] = []
        added: list[tuple[object, ...]] = [
            (item.id, day.isoformat())
            for item in new
            for day in sorted(getattr(item, "unavailable_dates", ()))
        ]
        for item in changed:
            now: frozenset[dt.date] = getattr(item, "unavailable_dates", frozenset())
            before: frozenset[dt.date] = stored[item.id].unavailable_dates
            removed.extend((item.id, day.isoformat()) for day in sorted(before - now))
            added.extend((item.id, day.isoformat()) for day in sorted(now - before))
        self._execute_many(f"DELETE FROM {table} WHERE {owner} = ? AND date = ?", removed)
        self._execute_many(f"INSERT INTO {table} ({owner}, date) VALUES (?, ?)", added)

    def save_region(self, region: Region) -> SaveOutcome:
        return self.save_reference_items([region])[0]

    def save_setup(self, setup: Setup) -> SaveOutcome:
        return self.save_reference_items([setup])[0]

    def save_operator(self, operator: Operator) -> SaveOutcome:
        return self.save_reference_items([operator])[0]

    def save_module(self, module: Module) -> SaveOutcome:
        return self.save_reference_items([module])[0]

    def save_client(self, client: Client) -> SaveOutcome:
        return self.save_reference_items([client])[0]

    def save_offer(self, offer: Offer) -> SaveOutcome:
        return self.save_reference_items([offer])[0]

    def reference_uses(self, kind: str, item_id: str) -> int:
        referring = _REFERENCE_USES[kind]
        sql = " + ".join(
            f"(SELECT COUNT(*) FROM {table} WHERE {column} = ?)" for table, column in referring
        )
        (count,) = self._all(f"SELECT {sql}", [item_id] * len(referring))[0]
        return int(count)

    def delete_reference_item(self, kind: str, item_id: str) -> bool:
        table = _KIND_TABLES[kind]
        if kind in ("setups", "operators"):
            owner = f"{table}_id"
            self._execute(f"DELETE FROM {table}_unavailable_date WHERE {owner} = ?", (item_id,))
        cursor = self._execute(f"DELETE FROM {table} WHERE id = ?", (item_id,))
        deleted = bool(cursor.rowcount)
        if deleted:
            self._changed_reference()
        return deleted

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

    def _sessions(
        self, where: str, params: Sequence[object], tail: str = "", lock: str = ""
    ) -> list[Session]:
        rows = self._all(f"{_SELECT_SESSIONS} {where} {tail}{lock}", params)
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
                _status(row[6]),
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
                row[21],
                row[22],
                row[23] or "",
            )
            for row in rows
        ]

    def session(self, session_id: str) -> Session | None:
        found = self._sessions("WHERE s.id = ?", (session_id,), lock=self._session_lock)
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
        if query.session_ids is not None:
            ids = sorted(query.session_ids)
            if not ids:
                return []
            conditions.append(f"s.id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        if query.date_from is not None:
            conditions.append("s.date >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to is not None:
            conditions.append("s.date <= ?")
            params.append(query.date_to.isoformat())
        if query.text:
            # Notes and client names are stored folded too (no case, no accents), so that
            # "ecole" finds "ÉCOLE NATIONALE" as a person expects, on every backend.
            pattern = (
                "%"
                + name_key(query.text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            conditions.append(
                "(LOWER(s.id) LIKE ? ESCAPE '\\' OR s.notes_key LIKE ? ESCAPE '\\'"
                " OR s.client_id IN (SELECT c.id FROM client c"
                "                    WHERE c.name_key LIKE ? ESCAPE '\\'))"
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
            session.previous_session_id,
            session.attended_participants,
            session.completion_notes,
            name_key(session.notes),
        )

    def add_session(self, session: Session) -> None:
        self.add_sessions([session])

    def add_sessions(self, sessions: Sequence[Session]) -> None:
        self._execute_many(_INSERT_SESSION, [self._session_row(s) for s in sessions])
        for session in sessions:
            self._changed_session(session)
        self._execute_many(
            "INSERT INTO session_module (session_id, module_id, position) VALUES (?, ?, ?)",
            [
                (s.id, module_id, position)
                for s in sessions
                for position, module_id in enumerate(s.module_ids)
            ],
        )

    def update_session(self, session: Session) -> None:
        row = self._session_row(session)
        self._execute(_UPDATE_SESSION, (*row[1:], row[0]))
        self._changed_session(session)

    def set_session_modules(self, session_id: str, module_ids: Sequence[str]) -> None:
        self._execute("DELETE FROM session_module WHERE session_id = ?", (session_id,))
        self._execute_many(
            "INSERT INTO session_module (session_id, module_id, position) VALUES (?, ?, ?)",
            [(session_id, module_id, position) for position, module_id in enumerate(module_ids)],
        )

    def sessions_on_unusable_resources(
        self, first: dt.date | None, last: dt.date | None
    ) -> list[Session]:
        conditions = [f"s.status IN ({HOLDING_SQL})"]
        params: list[object] = []
        if first is not None:
            conditions.append("s.date >= ?")
            params.append(first.isoformat())
        if last is not None:
            conditions.append("s.date <= ?")
            params.append(last.isoformat())
        conditions.append(_UNUSABLE_RESOURCE)
        where = "WHERE " + " AND ".join(conditions)
        return self._sessions(where, params, "ORDER BY s.date, s.id")

    def delete_session(self, session_id: str) -> bool:
        cursor = self._execute("DELETE FROM session WHERE id = ?", (session_id,))
        self.changes.append(Change(ChangeKind.SESSION, session_id))
        return bool(cursor.rowcount)

    def delete_sessions(self, session_ids: Sequence[str]) -> None:
        for chunk in _chunks(list(session_ids)):
            marks = ", ".join("?" for _ in chunk)
            self._execute(f"DELETE FROM session WHERE id IN ({marks})", chunk)

    # Audit ------------------------------------------------------------------------------

    def add_audit(self, entry: AuditEntry) -> None:
        self._execute(_INSERT_AUDIT, _audit_row(entry))

    def add_audits(self, entries: Sequence[AuditEntry]) -> None:
        self._execute_many(_INSERT_AUDIT, [_audit_row(entry) for entry in entries])

    def _audit(self, where: str, params: Sequence[object], tail: str) -> list[AuditEntry]:
        rows = self._all(
            f"SELECT at, actor, action, session_id, details FROM audit_entry {where} {tail}", params
        )
        return [
            AuditEntry(_timestamp(at) or dt.datetime.min, actor, action, sid, _details(details))
            for at, actor, action, sid, details in rows
        ]

    def audit_trail(self, session_id: str) -> list[AuditEntry]:
        return self._audit("WHERE session_id = ?", (session_id,), "ORDER BY id")

    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        return self._audit("", (), f"ORDER BY id DESC LIMIT {int(limit)}")

    def audit_entries(self, query: AuditFilter) -> list[AuditEntry]:
        conditions: list[str] = []
        params: list[object] = []
        for column, value in (
            ("session_id", query.session_id),
            ("actor", query.actor),
            ("action", query.action),
        ):
            if value is not None:
                conditions.append(f"{column} = ?")
                params.append(value)
        if query.first is not None:
            conditions.append("at >= ?")
            params.append(f"{query.first.isoformat()} 00:00:00")
        if query.last is not None:
            conditions.append("at < ?")
            params.append(f"{(query.last + dt.timedelta(days=1)).isoformat()} 00:00:00")
        where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
        if query.limit is None:
            return self._audit(where, params, "ORDER BY id")
        newest = self._audit(where, params, f"ORDER BY id DESC LIMIT {int(query.limit)}")
        return newest[::-1]

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

        self._run(
            models.SettingRow.insert(key=key, value=value).on_conflict(
                conflict_target=[models.SettingRow.key], update={models.SettingRow.value: value}
            )
        )

    def set_setting(self, key: str, value: str) -> None:
        self._upsert_setting(key, value)
        self._changed_reference()

    # Event snapshots' signing keys ------------------------------------------------------

    def add_snapshot_key(
        self, snapshot_id: str, key: bytes, event_name: str, created_at: dt.datetime
    ) -> None:
        self._execute(
            "INSERT INTO snapshot_key (id, signing_key, event_name, created_at)"
            " VALUES (?, ?, ?, ?)",
            (snapshot_id, key.hex(), event_name, _stored_timestamp(created_at)),
        )

    def snapshot_key(self, snapshot_id: str) -> bytes | None:
        found = self._all("SELECT signing_key FROM snapshot_key WHERE id = ?", (snapshot_id,))
        return bytes.fromhex(found[0][0]) if found else None

    # Reports ----------------------------------------------------------------------------

    def session_tallies(self, first: dt.date, last: dt.date) -> list[SessionTally]:
        rows = self._all(
            "SELECT s.date, s.region_id, s.setup_id, s.operator_id, s.status, COUNT(*)"
            " FROM session s WHERE s.date BETWEEN ? AND ?"
            " GROUP BY s.date, s.region_id, s.setup_id, s.operator_id, s.status",
            (first.isoformat(), last.isoformat()),
        )
        return [
            SessionTally(_date(day), region, setup, operator, _status(status), int(count))
            for day, region, setup, operator, status, count in rows
        ]

    def audit_counts(self, session_ids: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(list(session_ids)):
            marks = ", ".join("?" for _ in chunk)
            found.update(
                (session_id, int(count))
                for session_id, count in self._all(
                    "SELECT session_id, COUNT(*) FROM audit_entry"
                    f" WHERE session_id IN ({marks}) GROUP BY session_id",
                    chunk,
                )
            )
        return found


def new_origin() -> str:
    """A fresh mark for the changes one program announces."""
    return uuid.uuid4().hex[:12]


_INSERT_AUDIT = (
    "INSERT INTO audit_entry (at, actor, action, session_id, details) VALUES (?, ?, ?, ?, ?)"
)


def _audit_row(entry: AuditEntry) -> tuple[object, ...]:
    return (
        _stored_timestamp(entry.at),
        entry.actor,
        entry.action,
        entry.session_id,
        json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
    )


def _domain_error(backend: Backend, error: Exception) -> Exception:
    """The domain's error for a driver error; anything else unchanged."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, UnreadableValueError):
        return backend.damaged(str(error))
    return backend.translate(error) or error


class PeeweeStore:
    """A DST Desktop database (implements ``Store``); one connection per thread."""

    def __init__(self, db: Database, backend: Backend, origin: str | None = None) -> None:
        self._db = db
        self._backend = backend
        self._cache = _ReferenceCache()
        #: Marks this program's own announcements, which its window need not hear back.
        self.origin = origin or new_origin()
        #: This thread's connection and who it is connected as (SPEC 10).
        self._access = threading.local()

    @classmethod
    def open(cls, url: str, *, origin: str | None = None) -> PeeweeStore:
        """Open the database at ``url``, creating or upgrading its schema.

        ``origin`` marks the changes it announces (several stores of one window share it,
        so that the window never hears its own changes back). Raises
        :class:`StorageError` (a :class:`ConnectionFailedError` for a server that cannot
        be reached) with a message for the person at the keyboard.
        """
        backend = open_backend(url)
        db = backend.connect()
        try:
            ensure_schema(db, backend)
        except BaseException:
            with suppress(Exception):
                db.close()
            raise
        return cls(db, backend, origin)

    @property
    def description(self) -> str:
        return self._backend.description

    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``: for copying between backends and for tests;
        the workflows never ask."""
        return self._backend.kind

    def _begin(self, write: bool) -> AbstractContextManager[Any]:
        """Start a transaction. A connection the server dropped while it lay idle (a
        server restart at lunch) is replaced once, transparently: nothing ran on it yet."""
        for attempt in (1, 2):
            had_connection = not self._db.is_closed()
            transaction = self._backend.transaction(self._db, write=write)
            try:
                transaction.__enter__()
            except Exception as error:
                failure = _domain_error(self._backend, error)
                self._backend.recover(self._db)
                if attempt == 1 and had_connection and isinstance(failure, ConnectionFailedError):
                    continue
                raise failure from error
            return transaction
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def _unit_of_work(self, write: bool) -> Iterator[PeeweeTransaction]:
        if self._db.in_transaction():
            raise RuntimeError("a unit of work is already open on this thread")
        transaction = self._begin(write)
        try:
            tx = PeeweeTransaction(self._db, self._backend, self._cache, write=write)
            try:
                yield tx
                if tx.changes:
                    # In the transaction: delivered to the others only if it commits.
                    self._backend.announce(self._db, tx.changes, self.origin)
            except BaseException as error:
                try:
                    transaction.__exit__(type(error), error, error.__traceback__)  # rolls back
                except Exception:
                    # The engine may have ended the transaction itself (SQLite does when the
                    # disk is full): what went wrong first is what the user must read.
                    self._backend.recover(self._db)
                raise
            transaction.__exit__(None, None, None)  # commits
        except Exception as error:
            failure = _domain_error(self._backend, error)
            self._backend.recover(self._db)
            if failure is error:
                raise
            raise failure from error

    def reading(self) -> AbstractContextManager[PeeweeTransaction]:
        return self._unit_of_work(write=False)

    def writing(self) -> AbstractContextManager[PeeweeTransaction]:
        return self._unit_of_work(write=True)

    def change_source(self, *, include_own: bool = False) -> ChangeSource:
        """What other workstations change, for a window to follow (SPEC 9): pushed by
        the server on PostgreSQL, polled cheaply on SQLite. The caller closes it."""
        return self._backend.change_source(None if include_own else self.origin)

    # Who may do what (SPEC 10) -----------------------------------------------------------

    def access(self) -> Access:
        """Who this thread's connection is: asked once per connection, then remembered
        (a connection replaced after the server dropped it asks again)."""
        if not self._backend.has_logins:
            return self._backend.read_access(self._db)
        known: tuple[object, Access] | None = getattr(self._access, "known", None)
        if known is not None and not self._db.is_closed() and known[0] is self._connection():
            return known[1]
        if self._db.in_transaction():
            found = self._on_database(self._backend.read_access)
        else:
            with self._unit_of_work(write=False):
                found = self._on_database(self._backend.read_access)
        self._access.known = (self._connection(), found)
        return found

    def _connection(self) -> object:
        return self._db.connection()  # type: ignore[no-untyped-call]

    def _on_database(self, work: Callable[[Database], T]) -> T:
        try:
            return work(self._db)
        except Exception as error:
            raise _domain_error(self._backend, error) from error

    def set_up_access(self) -> None:
        """``init``: the group roles, grants, row-level security and user functions of a
        team's database (nothing on a file); running it again changes nothing."""
        try:
            with self._backend.schema_lock(self._db):
                self._backend.set_up_access(self._db)
        except Exception as error:
            failure = _domain_error(self._backend, error)
            self._backend.recover(self._db)
            if failure is error:
                raise
            raise failure from error

    # UserAccounts: the logins of a team's database -------------------------------------

    @property
    def has_logins(self) -> bool:
        return self._backend.has_logins

    def users(self) -> list[UserAccount]:
        with self._unit_of_work(write=False):
            return self._on_database(self._backend.users)

    def login_exists(self, login: str) -> bool:
        with self._unit_of_work(write=False):
            return self._on_database(lambda db: self._backend.login_exists(db, login))

    def add_user(self, login: str, role: Role, password: str | None) -> None:
        with self._unit_of_work(write=True):
            self._on_database(lambda db: self._backend.add_user(db, login, role, password))

    def set_user_role(self, login: str, role: Role) -> None:
        with self._unit_of_work(write=True):
            self._on_database(lambda db: self._backend.set_user_role(db, login, role))

    def remove_user(self, login: str) -> None:
        with self._unit_of_work(write=True):
            self._on_database(lambda db: self._backend.remove_user(db, login))

    def counting_statements(self) -> AbstractContextManager[list[str]]:
        """The statements this store sends while the block runs, transaction control
        aside: the round-trip budget of SPEC 8.1 is checked with it."""
        return self._backend.statement_counter(self._db)

    def close(self) -> None:
        """Close this thread's connection (other threads close their own)."""
        if not self._db.is_closed():
            with suppress(Exception):
                self._db.close()
