"""Icons from ``resources/icons``, found the same way from a checkout or a frozen build."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from dst_desktop.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


@cache
def icon_on_dark(name: str) -> QIcon:
    """``icon(name)`` for a dark (primary) button: its strokes drawn white while the button
    can be used — the usual dark blue would vanish on it — and as usual when it cannot
    (the disabled button is pale)."""
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    light = re.sub(r'stroke="#[0-9a-fA-F]{6}"', 'stroke="#ffffff"', path.read_text("utf-8"))
    result = QIcon()
    data = QByteArray(light.encode("utf-8"))
    for size in (16, 24, 32, 48):
        buffer = QBuffer(data)  # read through Qt's SVG image plugin, as the icons are
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        white = QPixmap.fromImage(reader.read())
        result.addPixmap(white, QIcon.Mode.Normal)
        result.addPixmap(white, QIcon.Mode.Active)
        result.addPixmap(icon(name).pixmap(QSize(size, size)), QIcon.Mode.Disabled)
    return result
