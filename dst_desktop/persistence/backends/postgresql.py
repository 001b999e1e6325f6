"""PostgreSQL: the team's shared database (SPEC 8), through Peewee and psycopg 3.

* **Transactions.** A read is one ``REPEATABLE READ READ ONLY`` snapshot, as consistent
  as SQLite's. A write runs at ``READ COMMITTED`` and locks the booking it changes
  (``SELECT … FOR UPDATE``), so two workstations changing one booking take turns, while
  two confirming different bookings run side by side; the partial unique indexes on
  (setup, date) and (operator, date) refuse the loser of a race for the same setup or
  operator, and the booking workflow tries again.
* **Connections.** One per thread, opened on first use with a 10-second connect timeout,
  TCP keepalives and a 15-second lock timeout (SQLite's busy timeout). A connection the
  server dropped is replaced at the next unit of work.
* **Messages.** Every driver error becomes a domain error whose message names the server
  and the reason in plain words — never the password, which is neither shown nor logged.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import parse_qsl, unquote, urlsplit

from peewee import Database, PeeweeException, PostgresqlDatabase

from dst_desktop.domain.changes import Change, ChangeSource
from dst_desktop.domain.errors import (
    AllocationConflictError,
    ConflictingDataError,
    ConnectionFailedError,
    DamagedDatabaseError,
    DiskFullError,
    LoginRefusedError,
    PermissionDeniedError,
    ReadOnlyDatabaseError,
    ServerSilentError,
    StorageError,
    WriteConflictError,
)
from dst_desktop.domain.model import UserAccount
from dst_desktop.domain.permissions import Access, Role
from dst_desktop.persistence.backends import postgresql_access as access
from dst_desktop.persistence.backends.base import Backend, decode_changes, encode_changes

#: Seconds a connection attempt may take before the user is told (SPEC 8).
CONNECT_TIMEOUT_S = 10
#: How long a writer waits for a row another workstation holds, like SQLite's busy timeout.
LOCK_TIMEOUT_MS = 15_000
#: Serialises two programs creating or upgrading the schema of one database.
_SCHEMA_LOCK_KEY = 0x44535444  # "DSTD"
#: The channel workstations announce their changes on (one per database, as NOTIFY is).
CHANNEL = "dst_changes"
#: The listening connection notices a server gone silent within about 6 seconds: probed
#: after 2 idle seconds, given up 6 seconds after the server's last answer (the window then
#: works on its offline copy, SPEC 11's 10 seconds).
_LISTENER_KEEPALIVES = {
    "keepalives_idle": 2,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 6000,
}
#: The unique indexes that make a double allocation impossible.
HELD_ONCE_PER_DAY = ("session_setup_held_once_per_day", "session_operator_held_once_per_day")

#: Connection parameters a URL's query may carry (libpq's names); anything else is refused.
_QUERY_PARAMETERS = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "sslcompression",
        "channel_binding",
        "gssencmode",
        "target_session_attrs",
        "application_name",
        "connect_timeout",
        "passfile",
        "host",
    }
)
_SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_MAX_URL_LENGTH = 2048
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
URL_FORM = "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=require]"


@dataclass(frozen=True)
class PostgresLocation:
    """A parsed ``postgresql://`` URL. ``password`` never appears in ``str()`` or messages."""

    user: str
    #: None: libpq's default, the server's Unix socket on this computer.
    host: str | None
    port: int
    dbname: str
    password: str | None = field(default=None, repr=False)
    options: tuple[tuple[str, str], ...] = ()

    @property
    def shown_host(self) -> str:
        return self.host or "localhost"

    @property
    def description(self) -> str:
        """``USER@HOST/DBNAME``, as the status bar shows it."""
        return f"{self.user}@{self.shown_host}/{self.dbname}"

    @property
    def server(self) -> str:
        return f"{self.shown_host}:{self.port}"

    @property
    def connect_timeout(self) -> int:
        """Seconds a connection attempt may take: the URL's ``connect_timeout`` or 10."""
        return int(dict(self.options).get("connect_timeout", CONNECT_TIMEOUT_S))

    def connect_parameters(self) -> dict[str, Any]:
        parameters: dict[str, Any] = {
            "user": self.user,
            "port": self.port,
            "connect_timeout": self.connect_timeout,
            "application_name": "DST Desktop",
            # A dead server is noticed within about a minute when idle, and a request
            # sent to one fails within 10 s instead of TCP's many minutes.
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "tcp_user_timeout": self.connect_timeout * 1000,
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
        }
        if self.host is not None:
            parameters["host"] = self.host
        if self.password is not None:
            parameters["password"] = self.password
        parameters.update(dict(self.options))
        return parameters


def _refuse(url_problem: str) -> StorageError:
    return StorageError(f"{url_problem}; a PostgreSQL database URL reads {URL_FORM}")


def parse_postgres_url(url: str) -> PostgresLocation:
    """Check a ``postgresql://`` (or ``postgres://``) URL; messages never repeat a password."""
    if len(url) > _MAX_URL_LENGTH:
        raise _refuse(f"the database URL is {len(url)} characters long (at most {_MAX_URL_LENGTH})")
    if _CONTROL.search(url):
        raise _refuse("the database URL contains control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        reason = (
            "its port is not a number from 1 to 65535"
            if "port" in str(error).lower()
            else str(error)
        )
        raise _refuse(f"the database URL cannot be read: {reason}") from None
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise _refuse(f"not a PostgreSQL URL (scheme {parts.scheme!r})")
    if parts.fragment:
        raise _refuse("the database URL has a '#' part")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname or "/" in dbname:
        raise _refuse("the database URL names no database (…/DBNAME at its end)")
    options: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in _QUERY_PARAMETERS:
            known = ", ".join(sorted(_QUERY_PARAMETERS))
            raise _refuse(f"unknown connection parameter {key!r} in the URL (known: {known})")
        if key == "sslmode" and value not in _SSL_MODES:
            raise _refuse(f"sslmode {value!r} is not one of {', '.join(_SSL_MODES)}")
        if key == "connect_timeout" and not (value.isdigit() and 1 <= int(value) <= 600):
            raise _refuse(f"connect_timeout {value!r} is not a number of seconds from 1 to 600")
        options.append((key, value))
    host = parts.hostname or dict(options).get("host") or None
    user = unquote(parts.username) if parts.username else _os_user()
    password = unquote(parts.password) if parts.password is not None else None
    # Percent-escapes decode to anything: a %00 would silently cut libpq's settings short.
    for what, decoded in (
        ("user name", user),
        ("password", password or ""),
        ("database name", dbname),
        *((f"parameter {key}", value) for key, value in options),
    ):
        if _CONTROL.search(decoded):
            raise _refuse(f"the {what} in the database URL contains control characters (%00…%1F)")
    return PostgresLocation(user, host, port or 5432, dbname, password, tuple(options))


def _os_user() -> str:
    """libpq's default login: the operating system user's name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "postgres"


def driver_error(error: BaseException) -> Any | None:
    """The psycopg exception behind ``error`` (Peewee wraps most of them), or None."""
    import psycopg

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, psycopg.Error):
            return current
        for argument in getattr(current, "args", ()):
            if isinstance(argument, psycopg.Error):
                return argument
        current = current.__cause__ or current.__context__
    return None


#: What libpq says when the server answered and refused the login (not an outage).
_REFUSALS = (
    "password authentication failed",
    "no password supplied",
    "does not exist",
    "no pg_hba.conf entry",
)

#: What libpq says when the server stopped answering (the kernel gave up waiting).
_SILENCES = ("connection timed out", "timeout expired")

#: What libpq says, and what a person should read instead.
_CONNECTION_REASONS: tuple[tuple[str, str], ...] = (
    ("password authentication failed", "the server refused the password of {user}"),
    (
        "no password supplied",
        "no password was given for {user} (put it in the URL, in PGPASSWORD or in ~/.pgpass)",
    ),
    ("does not exist", "{detail}"),
    (
        "no pg_hba.conf entry",
        "the server does not accept {user} from this computer "
        "(ask the administrator to allow it in pg_hba.conf)",
    ),
    ("timeout expired", "the server did not answer within {timeout} seconds"),
    (
        "invalid response to ssl negotiation",
        "what answers on port {port} is not a PostgreSQL server",
    ),
    ("connection refused", "nothing answers on port {port} (is PostgreSQL running there?)"),
    ("could not translate host name", "the host name {host} is unknown"),
    ("name or service not known", "the host name {host} is unknown"),
    ("temporary failure in name resolution", "the host name {host} cannot be looked up now"),
    ("no route to host", "the network cannot reach {host}"),
    ("network is unreachable", "the network cannot reach {host}"),
    ("the database system is starting up", "the server is starting up; try again in a moment"),
    ("the database system is shutting down", "the server is shutting down"),
    ("the database system is in recovery mode", "the server is recovering from a crash"),
    ("too many clients", "the server has no free connection (too many clients)"),
    ("terminating connection", "the server closed the connection (it may have been restarted)"),
    (
        "server closed the connection",
        "the server closed the connection (it may have been restarted)",
    ),
    ("connection is lost", "the connection to the server was lost"),
    ("connection is closed", "the connection to the server was lost"),
    ("consuming input failed", "the connection to the server was lost"),
    ("eof detected", "the connection to the server was lost"),
    ("connection timed out", "the server stopped answering"),
    ("ssl", "the secure connection failed ({detail})"),
)


class PostgresBackend(Backend):
    kind: ClassVar[str] = "postgresql"
    row_lock: ClassVar[str] = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        self.location = parse_postgres_url(url)
        self.description = self.location.description

    @property
    def placeholder(self) -> str:
        return "%s"

    @property
    def identity(self) -> str:
        location = self.location
        return f"{location.user}@{location.server}/{location.dbname}"

    def connect(self) -> Database:
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            reason = str(error).splitlines()[0]
            raise StorageError(
                f"The PostgreSQL driver cannot be loaded on this computer ({reason}); "
                "run `dst-desktop --self-test` for details"
            ) from error
        parameters = self.location.connect_parameters()
        return PostgresqlDatabase(self.location.dbname, prefer_psycopg3=True, **parameters)

    def transaction(self, db: Database, *, write: bool) -> AbstractContextManager[Any]:
        # Explicit levels: a server's default_transaction_isolation must not change them.
        return db.atomic("READ COMMITTED" if write else "REPEATABLE READ READ ONLY")

    @contextmanager
    def schema_lock(self, db: Database) -> Iterator[None]:
        with db.atomic("READ COMMITTED"):
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK_KEY,))  # type: ignore[no-untyped-call]
            encoding = db.execute_sql("SHOW server_encoding").fetchone()[0]  # type: ignore[no-untyped-call]
            if encoding.upper() not in ("UTF8", "UTF-8"):
                raise StorageError(
                    f"the database {self.description} stores text as {encoding}; DST Desktop "
                    "needs UTF8 (create it with: CREATE DATABASE … ENCODING 'UTF8' "
                    "TEMPLATE template0)"
                )
            yield

    def schema_version(self, db: Database) -> int:
        found = db.execute_sql("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()  # type: ignore[no-untyped-call]
        if not found[0]:
            return 0
        row = db.execute_sql("SELECT version FROM schema_version").fetchone()  # type: ignore[no-untyped-call]
        return int(row[0]) if row else 0

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(  # type: ignore[no-untyped-call]
            "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"
        )
        db.execute_sql("DELETE FROM schema_version")  # type: ignore[no-untyped-call]
        db.execute_sql("INSERT INTO schema_version (version) VALUES (%s)", (int(version),))  # type: ignore[no-untyped-call]

    def has_other_tables(self, db: Database) -> bool:
        return bool(db.get_tables())

    def after_create_tables(self, db: Database) -> None:
        """Text compares byte by byte, as in SQLite, whatever the database's locale.

        Identical results on both backends need identical order and equality of ids and
        names; a locale's collation would, for instance, ignore the ``_`` in session ids.
        """
        rows = db.execute_sql(  # type: ignore[no-untyped-call]
            "SELECT table_name, column_name, data_type, character_maximum_length"
            " FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
            " AND data_type IN ('character varying', 'text')"
            " ORDER BY table_name, ordinal_position"
        ).fetchall()
        by_table: dict[str, list[str]] = {}
        for table, column, data_type, length in rows:
            kind = f"varchar({length})" if data_type == "character varying" else "text"
            by_table.setdefault(table, []).append(
                f'ALTER COLUMN "{column}" TYPE {kind} COLLATE "C"'
            )
        for table, changes in by_table.items():
            db.execute_sql(f'ALTER TABLE "{table}" ' + ", ".join(changes))  # type: ignore[no-untyped-call]

    # Who may do what (SPEC 10; the DDL is in postgresql_access) ---------------------------

    has_logins: ClassVar[bool] = True

    def protect_audit_log(self, db: Database) -> None:
        access.run_script(db, access.AUDIT_LOG_SQL)

    def read_access(self, db: Database) -> Access:
        return access.read_access(db)

    def set_up_access(self, db: Database) -> None:
        cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
        cursor.execute(access.SETUP_RIGHTS_SQL)
        superuser, create_role, owner, owner_name = cursor.fetchone()
        login, where = self.location.user, self.description
        if not (superuser or owner):
            raise PermissionDeniedError(
                f"Setting up the roles and grants of {where} needs its owner, {owner_name}; "
                f"you are {login}"
            )
        if not (superuser or create_role):
            raise PermissionDeniedError(
                f"The owner of {where}, {owner_name}, needs the CREATEROLE attribute to create "
                "the roles dst_booking, dst_planner and dst_admin and the users' logins: as "
                f"PostgreSQL's superuser, run ALTER ROLE {owner_name} CREATEROLE"
            )
        access.run_script(db, access.grant_script(db))

    def users(self, db: Database) -> list[UserAccount]:
        return access.list_users(db)

    def login_exists(self, db: Database, login: str) -> bool:
        row = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()  # type: ignore[no-untyped-call]
        return row is not None

    def add_user(self, db: Database, login: str, role: Role, password: str | None) -> None:
        secret = None
        if password is not None:
            # Hashed here (SCRAM, as the server asks), so the password itself never
            # travels to the server or into its logs.
            connection: Any = db.connection()  # type: ignore[no-untyped-call]
            secret = connection.pgconn.encrypt_password(
                password.encode("utf-8"), login.encode("utf-8")
            ).decode("ascii")
        db.execute_sql("SELECT dst_add_user(%s, %s, %s)", (login, role.value, secret))  # type: ignore[no-untyped-call]

    def set_user_role(self, db: Database, login: str, role: Role) -> None:
        db.execute_sql("SELECT dst_set_user_role(%s, %s)", (login, role.value))  # type: ignore[no-untyped-call]

    def remove_user(self, db: Database, login: str) -> None:
        db.execute_sql("SELECT dst_remove_user(%s)", (login,))  # type: ignore[no-untyped-call]

    def before_bulk_copy(self, db: Database) -> None:
        """Copied audit rows keep their actors: the owner lifts the actor trigger for the
        copy's transaction only (nobody else sees it lifted; a failure restores it)."""
        db.execute_sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_actor")  # type: ignore[no-untyped-call]

    def insert_rows(
        self, db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
    ) -> None:
        """``COPY … FROM STDIN``: the server's own bulk path, several times faster than
        row-by-row inserts, in the same transaction."""
        names = ", ".join(f'"{column}"' for column in columns)
        cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def announce(self, db: Database, changes: Sequence[Change], origin: str) -> None:
        db.execute_sql(  # type: ignore[no-untyped-call]
            "SELECT pg_notify(%s, %s)", (CHANNEL, encode_changes(changes, origin))
        )

    def change_source(self, ignored_origin: str | None) -> ChangeSource:
        return PostgresChangeSource(self, ignored_origin)

    def after_bulk_copy(self, db: Database) -> None:
        """Serial columns (the audit log's ids) continue after the copied rows; the
        database records audit actors itself again."""
        db.execute_sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_actor")  # type: ignore[no-untyped-call]
        serials = db.execute_sql(  # type: ignore[no-untyped-call]
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%%'"
        ).fetchall()
        for table, column in serials:
            db.execute_sql(  # type: ignore[no-untyped-call]
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'),"
                f' COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)'
            )

    # Errors ------------------------------------------------------------------------------

    def translate(self, error: BaseException) -> Exception | None:
        if not isinstance(error, PeeweeException) and driver_error(error) is None:
            return None
        cause = driver_error(error)
        state = getattr(cause, "sqlstate", None) or ""
        where = self.description
        if state == "23505":
            constraint = getattr(getattr(cause, "diag", None), "constraint_name", None) or ""
            if constraint in HELD_ONCE_PER_DAY:
                return AllocationConflictError(f"{constraint} refused the allocation")
            return ConflictingDataError(
                f"The database {where} refused the change: {_first_line(cause)}"
            )
        if state.startswith("23"):
            return ConflictingDataError(
                f"The database {where} refused the change: {_first_line(cause)}"
            )
        if state in ("40001", "40P01"):
            return WriteConflictError(
                "Another workstation changed the same bookings at the same moment; nothing was "
                "changed. Try again."
            )
        if state in ("55P03", "57014"):
            return StorageError(
                f"The database {where} is busy: another workstation has held the same data "
                "for too long. Try again in a moment."
            )
        if state == "42501":
            return PermissionDeniedError(
                f"The database {where} refused: {_first_line(cause)} "
                f"(the login {self.location.user} lacks that right)"
            )
        if state in ("53100", "53200", "53400"):
            return DiskFullError(
                f"The database server {self.location.server} has no disk space (or memory) "
                "left; nothing was changed. Tell the administrator."
            )
        if state == "25006":
            return ReadOnlyDatabaseError(
                f"The database {where} is read-only on this server (a standby, or a "
                "database in read-only mode); nothing was changed."
            )
        if state.startswith("XX0"):
            return DamagedDatabaseError(
                f"The database {where} reports damaged data ({_first_line(cause)}); nothing "
                "was changed. Ask the administrator to check the server and restore a backup "
                "(pg_restore of the last pg_dump)."
            )
        if (
            state.startswith("08")
            or state.startswith("57P")
            or state in ("28P01", "28000", "3D000", "53300")
        ):
            return self.connection_failure(cause)
        if state == "" and cause is not None:
            return self.connection_failure(cause)
        if state.startswith("22"):
            return StorageError(f"The database {where} refused a value: {_first_line(cause)}")
        return StorageError(f"The database {where} cannot be used: {_first_line(cause or error)}")

    def connection_failure(self, cause: BaseException | None) -> ConnectionFailedError:
        text = str(cause or "")
        lowered = text.lower()
        location = self.location
        reason = _first_line(text) or "the connection failed"
        for phrase, plain in _CONNECTION_REASONS:
            if phrase in lowered:
                reason = plain.format(
                    user=location.user,
                    host=location.shown_host,
                    port=location.port,
                    timeout=location.connect_timeout,
                    detail=_detail(text),
                )
                break
        kind: type[ConnectionFailedError] = ConnectionFailedError
        if any(phrase in lowered for phrase in _REFUSALS):
            kind = LoginRefusedError
        elif any(phrase in lowered for phrase in _SILENCES):
            kind = ServerSilentError
        return kind(
            f"Cannot use the database {location.dbname} on the server {location.server}: "
            f"{_scrub(reason, location.password)}."
        )

    def recover(self, db: Database) -> None:
        """Forget this thread's connection when the server dropped it or it is unusable."""
        if db.is_closed():
            return
        connection: Any = db.connection()  # type: ignore[no-untyped-call]
        broken = connection.closed or connection.broken
        if broken or not db.is_connection_usable():
            try:
                db.close()
            except PeeweeException:
                db.dispose()
            with suppress(Exception):
                connection.close()


def _first_line(error: object) -> str:
    text = str(error).strip()
    for prefix in ("connection failed: ",):
        text = text.removeprefix(prefix)
    return text.splitlines()[0].strip() if text else ""


def _detail(text: str) -> str:
    """libpq's own words after ``FATAL:`` (e.g. ``database "x" does not exist``)."""
    line = _first_line(text)
    if "FATAL:" in line:
        line = line.split("FATAL:", 1)[1].strip()
    return line


def _scrub(text: str, password: str | None) -> str:
    """Never repeat a password, even if a driver message quoted the connection string."""
    if password:
        text = text.replace(password, "********")
    return text


class PostgresChangeSource:
    """LISTEN on a connection of its own, read without blocking (SPEC 9).

    As Qt's own PostgreSQL driver does: the caller watches the socket (``fileno``) and,
    when it is readable, ``read`` consumes what arrived and takes the notifications out
    (libpq's PQconsumeInput and PQnotifies) — no thread, no polling, no round trip. Its
    keepalives notice a server gone silent within about 6 seconds.
    """

    def __init__(self, backend: PostgresBackend, ignored_origin: str | None) -> None:
        self._backend = backend
        self._ignored = ignored_origin
        self._connection: Any = None

    def open(self) -> None:
        import psycopg

        self.close()
        location = self._backend.location
        parameters = {**location.connect_parameters(), **_LISTENER_KEEPALIVES}
        parameters["dbname"] = location.dbname
        parameters["application_name"] = "DST Desktop (changes)"
        try:
            connection = psycopg.connect(autocommit=True, **parameters)
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise self._backend.connection_failure(error) from error
        self._connection = connection

    def fileno(self) -> int | None:
        if self._connection is None:
            return None
        descriptor: int = self._connection.fileno()
        return descriptor

    def read(self) -> list[Change]:
        import psycopg

        connection = self._connection
        if connection is None:
            raise self._backend.connection_failure(None)
        pgconn = connection.pgconn
        try:
            pgconn.consume_input()
        except psycopg.Error as error:
            self.close()
            raise self._backend.connection_failure(error) from error
        changes: list[Change] = []
        while (notification := pgconn.notifies()) is not None:
            origin, items = decode_changes(notification.extra.decode("utf-8", "replace"))
            if origin != self._ignored:
                changes.extend(items)
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            self.close()
            raise self._backend.connection_failure(None)
        return changes

    def close(self) -> None:
        if self._connection is not None:
            with suppress(Exception):
                self._connection.close()
            self._connection = None
