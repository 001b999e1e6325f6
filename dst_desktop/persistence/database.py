"""Opening a database from a URL, with the SQLite settings a multi-user desktop needs."""

from __future__ import annotations

from pathlib import Path

from peewee import Database, SqliteDatabase

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.names import name_key

#: How long a writer waits for another workstation's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000

SQLITE_PRAGMAS: tuple[tuple[str, object], ...] = (
    # Readers never block the writer and the writer never blocks readers.
    ("journal_mode", "wal"),
    # A confirmed booking survives a power cut once its call has returned.
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("cache_size", -16_000),
)


def _scheme(url: str) -> str:
    return url.split(":", 1)[0].lower() if ":" in url else ""


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///path`` URL (``sqlite:////abs/path`` or ``sqlite:///rel``)."""
    if _scheme(url) != "sqlite" or not url[len("sqlite:") :].startswith("//"):
        raise StorageError(f"not a SQLite URL: {url!r}")
    host, _, path = url[len("sqlite://") :].partition("/")
    if host not in ("", "localhost"):
        raise StorageError(f"a SQLite URL has no host, got {host!r} in {url!r}")
    if "%" in path:
        from urllib.parse import unquote

        path = unquote(path)
    if not path or path == ":memory:":
        raise StorageError(
            f"{url!r} names no file; use sqlite:///bookings.db for a file in the current "
            "folder or sqlite:////home/ann/bookings.db for an absolute path (four slashes)"
        )
    return Path(path)


def url_for_path(path: Path) -> str:
    """The ``sqlite:///…`` URL of a database file."""
    return "sqlite:///" + str(path)


def open_database(url: str) -> Database:
    """A Peewee database for ``url``; connections are opened lazily, one per thread."""
    scheme = _scheme(url)
    if scheme == "sqlite":
        path = sqlite_path(url)
        if path.exists() and path.is_dir():
            raise StorageError(f"{path} is a folder, not a database file")
        if not path.parent.exists():
            hint = (
                f" (the path is relative to the current folder; for /{path} write "
                f"sqlite:////{path}, with four slashes)"
                if not path.is_absolute()
                else ""
            )
            raise StorageError(f"the folder {path.parent} does not exist{hint}")
        db = SqliteDatabase(str(path), pragmas=list(SQLITE_PRAGMAS), timeout=BUSY_TIMEOUT_MS / 1000)
        # Text search folds case and accents the way people read names (see the store).
        db.register_function(name_key, "dst_fold", 1, deterministic=True)
        return db
    if scheme in ("postgres", "postgresql"):
        raise StorageError("PostgreSQL databases are not supported by this version of DST Desktop")
    raise StorageError(
        f"unsupported database URL {url!r}: use sqlite:///bookings.db (relative to the current "
        "folder) or sqlite:////home/ann/bookings.db (absolute: four slashes)"
    )
