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
    """The per-user data folder, created on demand readable by its owner only (it holds
    the bookings and the logs)."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)  # whatever the umask
    return folder


def default_database_url() -> str:
    return "sqlite:///" + str(data_dir() / "bookings.db")


def demo_database_url() -> str:
    return "sqlite:///" + str(data_dir() / "demo.db")
