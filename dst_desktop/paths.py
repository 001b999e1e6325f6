"""Where DST Desktop finds its resources and keeps its databases.

Resources are found the same way from a checkout, an installed wheel and the frozen
build (PyInstaller's ``sys._MEIPASS``), never relative to the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "DST Desktop"
APP_SLUG = "dst-desktop"


def resource_root() -> Path:
    """The ``resources/`` folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    bundled = package / "resources"  # inside an installed wheel
    if bundled.is_dir():
        return bundled
    return package.parent / "resources"  # a checkout, or an editable install


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, e.g. ``resource_path("demo", "reference.json")``."""
    return resource_root().joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder (created on demand), readable by its owner only: it holds
    the bookings, the backups and the logs, which name clients and their contacts."""
    import os
    import stat

    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        info = folder.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            folder.chmod(0o700)  # made by an older version, open to everyone
    return folder


def backups_dir() -> Path:
    """Where the automatic daily backups, and the data a restore replaced, are kept."""
    folder = data_dir() / "backups"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def default_database_url() -> str:
    return "sqlite:///" + str(data_dir() / "bookings.db")


def demo_database_url() -> str:
    return "sqlite:///" + str(data_dir() / "demo.db")
