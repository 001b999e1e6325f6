"""French and English: every text translated, the catalogue current, dates in the locale."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.paths import resource_path
from dst_desktop.presenters.l10n import count_text
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.l10n import LanguageInstaller, QtLocalizer
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.helpers import child, choose_client, choose_region, click, click_day, tick_module
from tests.unit.presenters.fakes import FakeDialogs

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%[1-9]")


def messages(language: str) -> Iterator[tuple[str, str, list[str]]]:
    """(context, source, translations) of a committed .ts file."""
    tree = ET.parse(resource_path("translations", f"dst_desktop_{language}.ts"))
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") is None, (name, message.findtext("source"))
            yield name, message.findtext("source") or "", [translation.text or ""]


def test_catalogues_match_the_code_and_are_compiled() -> None:
    """lupdate finds no text missing from the .ts files; the .qm files are compiled from them."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_french_text_is_translated_with_its_placeholders() -> None:
    found = list(messages("fr"))
    assert len(found) > 250
    for context, source, translations in found:
        for translation in translations:
            assert translation.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(source)
            ), (context, source, translation)
            assert ("&" in source) == ("&" in translation), (context, source, translation)


def test_french_is_really_french() -> None:
    texts = {(c, s): t[0] for c, s, t in messages("fr")}
    assert texts[("BookingForm", "Create booking")] == "Créer la réservation"
    assert texts[("Status", "Pending confirmation")] == "En attente de confirmation"
    unchanged = {s for (_c, s), t in texts.items() if s == t}
    # Only names, layouts and words French shares with English stay as they are.
    shared = {"Client", "Clients", "Contact", "Date", "E-mail", "Module", "Modules", "Notes"}
    shared |= {"Participants", "Setup", "Setups", "DST Desktop", "DST Desktop — %1"}
    shared |= {"%1 / %2", "%1 — %2", "%1 (%2)", "client", "date", "e-mail", "modules", "notes"}
    shared |= {"Sessions", "Utilisation"}  # the same words in French
    shared |= {"%1 min", "%1 h"}  # units of a duration
    shared |= {"Sessions", "Utilisation", "Session", "%1 → %2"}  # the same words in French
    # The roles keep the names that `dst-desktop users` and the server's group roles use.
    shared |= {"booking", "planner", "admin"}
    shared |= {"Sessions", "Utilisation", "participants"}  # the same words in French
    assert unchanged <= shared, unchanged - shared


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {0: "0 bookings", 1: "1 booking", 2: "2 bookings"}),
        ("fr", {0: "0 réservation", 1: "1 réservation", 2: "2 réservations"}),
    ],
)
def test_counts_follow_the_language_s_plural_rule(language: str, counts: dict[int, str]) -> None:
    installer = LanguageInstaller()
    installer.install(language)
    l10n = QtLocalizer()
    singular = l10n.translate("BookingsBrowser", "%1 booking")
    plural = l10n.translate("BookingsBrowser", "%1 bookings")
    try:
        assert {n: count_text(l10n, n, singular, plural) for n in counts} == counts
    finally:
        installer.install("en")


@pytest.fixture
def french_window(qtbot: QtBot, workflows: Workflows, database_url: str) -> Iterator[MainWindow]:
    installer = LanguageInstaller()
    installer.install("fr")
    window = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    yield window
    installer.install("en")


def test_the_window_speaks_french_with_french_dates(
    qtbot: QtBot, french_window: MainWindow
) -> None:
    window = french_window
    assert window.menuBar().actions()[0].text() == "&Fichier"
    choose_region(window, "occitanie")
    click_day(window, dt.date(2025, 3, 10))
    assert window.booking_form.request_label.text() == "Occitanie — lundi 10 mars 2025"
    tick_module(window, "Tir de précision")
    choose_client(window, "client_123")
    assert window.booking_form.availability_panel.headline.text() == (
        "Cette réservation est possible."
    )
    click(qtbot, window, "createBookingButton")
    assert window.queue_panel.count_label.text() == "1 demande en attente"
    model = window.queue_panel.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Date", "Région", "Client", "Modules"]
    assert model.index(0, 0).data() == "10/03/2025"
    assert child(window, QPushButton, "confirmButton").text() == "Confirmer"
    assert window.tabs.tabText(0) == "Demandes en attente (1)"
