"""Icons from ``resources/icons``, found the same way from a checkout or a frozen build."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from dst_desktop.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
