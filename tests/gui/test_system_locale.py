"""Dates follow the system's locale, and stay readable under the C / POSIX locales.

Qt reads the system locale from the environment once per process, so each case runs a
small Python process with the locale variables forced.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import datetime as dt
from PySide6.QtCore import QLocale
from dst_desktop.ui.l10n import LanguageInstaller, QtLocalizer, short_date_format
LanguageInstaller().install({language!r})
print(QtLocalizer().date_text(dt.date(2026, 12, 3)), short_date_format(QLocale()))
"""


def dates_under(variables: dict[str, str], language: str = "") -> str:
    """The table date and the date edits' format, with only ``variables`` set for locale."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("LC_") and name not in {"LANG", "LANGUAGE"}
    }
    env.update(variables)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(language=language)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    "variables",
    [
        {"LC_ALL": "C"},
        {"LC_ALL": "C.UTF-8"},
        {"LC_ALL": "POSIX"},
        {"LANG": "C.UTF-8"},
        # A real language whose dates come from the C locale.
        {"LANG": "en_GB.UTF-8", "LC_TIME": "C.UTF-8"},
    ],
    ids=["C", "C.UTF-8", "POSIX", "LANG=C.UTF-8", "LC_TIME=C.UTF-8"],
)
@pytest.mark.parametrize("language", ["", "en"])
def test_c_and_posix_locales_show_day_month_year_dates(
    variables: dict[str, str], language: str
) -> None:
    assert dates_under(variables, language) == "03/12/2026 dd/MM/yyyy"


def test_a_french_system_with_posix_dates_keeps_french_dates() -> None:
    assert dates_under({"LANG": "fr_FR.UTF-8", "LC_TIME": "POSIX"}) == "03/12/2026 dd/MM/yyyy"


def test_a_real_system_locale_keeps_its_own_dates() -> None:
    assert dates_under({"LANG": "en_US.UTF-8"}) == "12/3/2026 M/d/yyyy"
    assert dates_under({"LANG": "fr_BE.UTF-8"}) == "3/12/2026 d/MM/yyyy"
