"""Backups of a database, as the window and the command line speak of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk: an automatic daily one (``day`` set) or any file."""

    path: Path
    size: int
    day: dt.date | None = None


@dataclass(frozen=True)
class BackupMade:
    """A backup written, checked sound, and moved into place."""

    database: str
    path: Path
    sessions: int
    size: int


@dataclass(frozen=True)
class DatabaseRestored:
    """The database now holds the backup's data; ``kept_as`` holds what it held before."""

    database: str
    source: Path
    sessions: int
    kept_as: Path | None
