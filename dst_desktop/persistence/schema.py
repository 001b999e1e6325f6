"""Schema versions: a new database gets the current schema, an older one is upgraded in
place, a newer one is refused.

The version lives in the database (SQLite: ``PRAGMA user_version``; PostgreSQL: the
``schema_version`` table). ``MIGRATIONS[n]`` upgrades a database from version ``n`` to
``n + 1``; it is written against the schema as it was then, never against today's models,
in SQL both backends understand (placeholders through ``backend.sql``).
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from dst_desktop.domain.errors import (
    PermissionDeniedError,
    SchemaVersionError,
    StorageError,
)
from dst_desktop.domain.names import name_key
from dst_desktop.persistence.backends.base import Backend

#: The version this program writes and understands.
SCHEMA_VERSION = 7

Migration = Callable[[Database, Backend], None]


def _add_source_device(db: Database, backend: Backend) -> None:
    """Version 2: bookings taken on an event laptop remember the laptop's name."""
    db.execute_sql('ALTER TABLE "session" ADD COLUMN "source_device" VARCHAR(200)')  # type: ignore[no-untyped-call]


def _cover_holdings(db: Database, backend: Backend) -> None:
    """Version 3: availability reads setups and operators from the index alone."""
    db.execute_sql('DROP INDEX IF EXISTS "session_status_date"')  # type: ignore[no-untyped-call]
    db.execute_sql(  # type: ignore[no-untyped-call]
        'CREATE INDEX IF NOT EXISTS "session_status_date_setup_id_operator_id" '
        'ON "session" ("status", "date", "setup_id", "operator_id")'
    )


def _search_keys(db: Database, backend: Backend) -> None:
    """Version 4: searchable text is stored folded (no case, no accents) beside the text,
    so that every backend finds "ecole" in "ÉCOLE" the same way, with plain ``LIKE``."""
    db.execute_sql(  # type: ignore[no-untyped-call]
        """ALTER TABLE "session" ADD COLUMN "notes_key" TEXT NOT NULL DEFAULT ''"""
    )
    db.execute_sql(  # type: ignore[no-untyped-call]
        """ALTER TABLE "client" ADD COLUMN "name_key" TEXT NOT NULL DEFAULT ''"""
    )
    for table, key, text in (("session", "notes_key", "notes"), ("client", "name_key", "name")):
        rows = db.execute_sql(  # type: ignore[no-untyped-call]
            f"SELECT id, {text} FROM {table} WHERE {text} <> ''"
        ).fetchall()
        update = backend.sql(f"UPDATE {table} SET {key} = ? WHERE id = ?")
        for row_id, value in rows:
            db.execute_sql(update, (name_key(value), row_id))  # type: ignore[no-untyped-call]


def _append_only_audit_log(db: Database, backend: Backend) -> None:
    """Version 5: the audit log keeps every row; on a server, the database records who
    wrote it (SPEC 10). Each backend says it in its own SQL."""
    backend.protect_audit_log(db)


def _changes_after_booking(db: Database, backend: Backend) -> None:
    """Version 6: a rescheduled session names the one it replaced; a completed mission
    records who attended and the operator's notes."""
    for column in (
        '"previous_session_id" VARCHAR(64)',
        '"attended_participants" INTEGER',
        """"completion_notes" TEXT NOT NULL DEFAULT ''""",
    ):
        db.execute_sql(f'ALTER TABLE "session" ADD COLUMN {column}')  # type: ignore[no-untyped-call]


def _snapshot_keys(db: Database, backend: Backend) -> None:
    """Version 7: the signing key of each event snapshot (bookings bundles are signed)."""
    text = ' COLLATE "C"' if backend.kind == "postgresql" else ""
    moment = "DATETIME" if backend.kind == "sqlite" else "TIMESTAMP"
    db.execute_sql(  # type: ignore[no-untyped-call]
        'CREATE TABLE IF NOT EXISTS "snapshot_key" ('
        f'"id" VARCHAR(64){text} NOT NULL PRIMARY KEY, '
        f'"signing_key" VARCHAR(128){text} NOT NULL, '
        f'"event_name" VARCHAR(200){text} NOT NULL, '
        f'"created_at" {moment} NOT NULL)'
    )


#: Upgrades from version n (the key) to n + 1.
MIGRATIONS: dict[int, Migration] = {
    1: _add_source_device,
    2: _cover_holdings,
    3: _search_keys,
    4: _append_only_audit_log,
    5: _changes_after_booking,
    6: _snapshot_keys,
}

_ASK_ADMINISTRATOR = "ask your administrator to run `dst-desktop init`"


def _refuse_newer(found: int, location: str) -> None:
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{location} was written by a newer DST Desktop (schema version {found}; "
            f"this version understands up to {SCHEMA_VERSION}). "
            "Install the newer DST Desktop to open it."
        )


def ensure_schema(db: Database, backend: Backend) -> int:
    """Create or upgrade the schema; return the version the database had before.

    Runs in one schema transaction that concurrent programs take in turn, so two programs
    opening a new database at once do not both create it, and a failed upgrade leaves
    the old schema intact. Driver errors leave as the domain's errors.
    """
    found = 0
    version_read = False
    try:
        found = backend.schema_version(db)
        version_read = True
        if found == SCHEMA_VERSION:
            return SCHEMA_VERSION  # the usual case: no lock needed to open
        _refuse_newer(found, backend.description)
        return _create_or_upgrade(db, backend)
    except StorageError:
        raise
    except Exception as error:
        failure = backend.translate(error)
        if failure is None:
            raise
        backend.recover(db)
        if isinstance(failure, PermissionDeniedError) and not version_read:
            raise PermissionDeniedError(
                f"The database {backend.description} does not let your login read it: the "
                "login has no DST Desktop role. Ask your administrator for a login made "
                "with `dst-desktop users add`."
            ) from error
        if isinstance(failure, PermissionDeniedError):
            what = (
                "has no DST Desktop schema yet"
                if found == 0
                else f"has schema version {found} and this DST Desktop needs {SCHEMA_VERSION}"
            )
            raise SchemaVersionError(
                f"The database {backend.description} {what}, and your login may not change "
                f"it: {_ASK_ADMINISTRATOR}."
            ) from error
        raise failure from error


def _create_or_upgrade(db: Database, backend: Backend) -> int:
    location = backend.description
    with backend.schema_lock(db):
        found = backend.schema_version(db)
        _refuse_newer(found, location)
        if found == SCHEMA_VERSION:
            return SCHEMA_VERSION  # another program made it meanwhile
        if found == 0:
            if backend.has_other_tables(db):
                raise SchemaVersionError(
                    f"{location} is not a DST Desktop database (it has tables but no "
                    "DST Desktop schema version)"
                )
            from dst_desktop.persistence.models import MODELS

            with db.bind_ctx(MODELS):
                db.create_tables(MODELS)
            backend.after_create_tables(db)
            backend.protect_audit_log(db)
            backend.set_schema_version(db, SCHEMA_VERSION)
            return 0
        for version in range(found, SCHEMA_VERSION):
            MIGRATIONS[version](db, backend)
            backend.set_schema_version(db, version + 1)
        return found
