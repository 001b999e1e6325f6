"""What the window remembers between runs (QSettings, in an INI file per user)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "DST"
APPLICATION = "DST Desktop"

GEOMETRY = "window/geometry"
SPLITTERS = "window/splitters"
LAST_REGION = "booking/lastRegion"
#: The folder of the last snapshot or event bookings file opened or written.
EXCHANGE_FOLDER = "exchange/folder"
#: "" follows the system locale; otherwise a language code ("en", "fr").
LANGUAGE = "ui/language"


def app_settings() -> QSettings:
    """The user's settings; tests point ``QSettings.setPath`` at a temporary folder."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def text_setting(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return value if isinstance(value, str) else default
