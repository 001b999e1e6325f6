"""Opening a database from a URL: a SQLite file or a PostgreSQL server (SPEC 3, 8)."""

from __future__ import annotations

from dst_desktop.domain.errors import StorageError
from dst_desktop.persistence.backends.base import Backend
from dst_desktop.persistence.backends.sqlite import SqliteBackend, sqlite_path, url_for_path

__all__ = ["database_kind", "open_backend", "sqlite_path", "url_for_path"]

_SCHEMES = {"sqlite": "sqlite", "postgresql": "postgresql", "postgres": "postgresql"}


def database_kind(url: str) -> str:
    """``"sqlite"`` or ``"postgresql"``; a :class:`StorageError` for anything else."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    kind = _SCHEMES.get(scheme)
    if kind is None:
        shown = url if len(url) <= 80 and "@" not in url else url.split(":", 1)[0] + ":…"
        raise StorageError(
            f"unsupported database URL {shown!r}: use sqlite:///bookings.db (relative to the "
            "current folder), sqlite:////home/ann/bookings.db (absolute: four slashes) or "
            "postgresql://USER@HOST/DBNAME for a team's server"
        )
    return kind


def open_backend(url: str) -> Backend:
    """The backend for ``url``; nothing is connected yet."""
    if database_kind(url) == "sqlite":
        return SqliteBackend(url)
    from dst_desktop.persistence.backends.postgresql import PostgresBackend

    return PostgresBackend(url)
