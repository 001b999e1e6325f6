"""The interface language and the user's locale, for Qt and for the presenters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTimeZone,
    QTranslator,
)

from dst_desktop.paths import resource_path

#: The languages the interface is translated into (English is the source language).
LANGUAGES = ("en", "fr")
CATALOGUE = "dst_desktop"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


_DEFAULT_TERRITORY = {
    "en": QLocale.Country.UnitedKingdom,
    "fr": QLocale.Country.France,
}


def _posix_dates(locale: QLocale) -> bool:
    """Whether ``locale`` writes dates as the C / POSIX locale does (``3 12 2026``)."""
    short = QLocale.FormatType.ShortFormat
    return locale.dateFormat(short) == QLocale.c().dateFormat(short)


def system_locale() -> QLocale:
    """The system's locale, with readable dates even in a bare POSIX environment.

    ``C``, ``C.UTF-8`` and ``POSIX`` (language C) give English words and day-month-year
    dates. A real language whose dates come from the C locale (``LANG=en_GB.UTF-8`` with
    ``LC_TIME=C.UTF-8``) keeps its language and country with their usual dates.
    """
    system = QLocale.system()
    if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage) or (
        system.name() in ("C", "POSIX")
    ):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    if _posix_dates(system):
        return QLocale(system.language(), system.territory())
    return system


def interface_locale(language: str) -> QLocale:
    """The locale for a language setting ("" follows the system).

    A chosen language keeps the system's country when the system speaks it (French in
    Belgium stays fr_BE); otherwise it takes the language's home country here.
    """
    system = system_locale()
    if not language:
        return system
    wanted = QLocale(language)
    if system.language() == wanted.language():
        return system
    territory = _DEFAULT_TERRITORY.get(language)
    return QLocale(wanted.language(), territory) if territory is not None else wanted


def short_date_format(locale: QLocale) -> str:
    """The locale's short date format, with a four-digit year."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def short_day_text(day: dt.date) -> str:
    """A day in a few letters, as the locale writes it (``10 Mar``, ``10 mars``)."""
    return QLocale().toString(to_qdate(day), "d MMM")


def long_day_text(day: dt.date) -> str:
    """A day spelled out with its weekday (``Monday, 10 March 2025``)."""
    return QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)


class QtLocalizer:
    """The presenters' :class:`~dst_desktop.presenters.l10n.Localizer`, backed by Qt."""

    def translate(self, context: str, source: str, disambiguation: str | None = None) -> str:
        return QCoreApplication.translate(context, source, disambiguation)

    def is_singular(self, count: int) -> bool:
        if QLocale().language() == QLocale.Language.French:
            return count in (0, 1)
        return count == 1

    def date_text(self, day: dt.date) -> str:
        locale = QLocale()
        return locale.toString(to_qdate(day), short_date_format(locale))

    def long_date_text(self, day: dt.date) -> str:
        return long_day_text(day)

    def timestamp_text(self, at: dt.datetime) -> str:
        utc = QDateTime(
            to_qdate(at.date()),
            QTime(at.hour, at.minute, at.second),
            QTimeZone.utc(),
        )
        locale = QLocale()
        local = utc.toLocalTime()
        time_text = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
        return f"{locale.toString(local.date(), short_date_format(locale))} {time_text}"


class LanguageInstaller:
    """Installs the translators of one language, replacing the previous ones."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.locale = interface_locale("")

    def install(self, language: str) -> QLocale:
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed = []
        locale = interface_locale(language)
        QLocale.setDefault(locale)
        self.locale = locale
        sources = (
            (CATALOGUE, str(resource_path("translations"))),
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        )
        for name, folder in sources:
            translator = QTranslator()
            if translator.load(locale, name, "_", folder) and app is not None:
                app.installTranslator(translator)
                self._installed.append(translator)
        return locale
