"""Schema versions: a new database gets the current schema, an older one is upgraded in
place, a newer one is refused.

The version lives in SQLite's ``PRAGMA user_version``. ``MIGRATIONS[n]`` upgrades a
database from version ``n`` to ``n + 1`` and must be written against the schema as it
was then, never against today's models.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database, DatabaseError, SqliteDatabase

from dst_desktop.domain.errors import SchemaVersionError, StorageError

#: The version this program writes and understands.
SCHEMA_VERSION = 3

Migration = Callable[[Database], None]


def _add_source_device(db: Database) -> None:
    """Version 2: bookings taken on an event laptop remember the laptop's name."""
    db.execute_sql('ALTER TABLE "session" ADD COLUMN "source_device" VARCHAR(200)')  # type: ignore[no-untyped-call]


def _cover_holdings(db: Database) -> None:
    """Version 3: availability reads setups and operators from the index alone."""
    db.execute_sql('DROP INDEX IF EXISTS "session_status_date"')  # type: ignore[no-untyped-call]
    db.execute_sql(  # type: ignore[no-untyped-call]
        'CREATE INDEX IF NOT EXISTS "session_status_date_setup_id_operator_id" '
        'ON "session" ("status", "date", "setup_id", "operator_id")'
    )


#: Upgrades from version n (the key) to n + 1.
MIGRATIONS: dict[int, Migration] = {1: _add_source_device, 2: _cover_holdings}


def schema_version(db: SqliteDatabase) -> int:
    version: int = db.pragma("user_version")
    return int(version)


def _set_schema_version(db: SqliteDatabase, version: int) -> None:
    db.pragma("user_version", int(version))


def _has_tables(db: Database) -> bool:
    return bool(db.get_tables())


def ensure_schema(db: SqliteDatabase, *, location: str) -> int:
    """Create or upgrade the schema; return the version the database had before.

    Runs in one ``BEGIN IMMEDIATE`` transaction, so two programs opening a new database
    at once do not both create it, and a failed upgrade leaves the old schema intact.
    """
    try:
        if schema_version(db) == SCHEMA_VERSION:
            return SCHEMA_VERSION  # the usual case: no write lock needed to open
        with db.atomic("IMMEDIATE"):
            found = schema_version(db)
            if found > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"{location} was written by a newer DST Desktop (schema version {found}; "
                    f"this version understands up to {SCHEMA_VERSION}). "
                    "Install the newer DST Desktop to open it."
                )
            if found == 0:
                if _has_tables(db):
                    raise SchemaVersionError(
                        f"{location} is not a DST Desktop database (it has tables but no "
                        "DST Desktop schema version)"
                    )
                from dst_desktop.persistence.models import MODELS

                with db.bind_ctx(MODELS):
                    db.create_tables(MODELS)
                _set_schema_version(db, SCHEMA_VERSION)
                return 0
            for version in range(found, SCHEMA_VERSION):
                MIGRATIONS[version](db)
                _set_schema_version(db, version + 1)
            return found
    except DatabaseError as error:
        raise StorageError(f"cannot prepare {location}: {error}") from error
