"""GUI tests: the real window, offscreen, on a real SQLite database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.reports import PrintDocument
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import errors, printing
from dst_desktop.ui.garbage import collect_on_gui_thread
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.unit.presenters.fakes import FakeDialogs

# A desktop-sized virtual screen: the offscreen platform's default is 800 × 600, smaller
# than the window. Set before pytest-qt creates the QApplication.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    screen = Path(__file__).with_name("offscreen-screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"


@pytest.fixture(scope="package", autouse=True)
def garbage_on_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As in the product: a worker thread never runs the collector (and a widget's
    destructor with it). The tests after these ones have no Qt loop to collect from."""
    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Each test has its own QSettings file, never the user's."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The interface in English with British dates, whatever the machine's locale."""
    installer = LanguageInstaller()
    installer.install("en")
    yield
    installer.install("en")


@pytest.fixture(autouse=True)
def previewed(monkeypatch: pytest.MonkeyPatch) -> list[PrintDocument]:
    """The documents the window sent to print preview, instead of a modal preview dialog."""
    documents: list[PrintDocument] = []
    monkeypatch.setattr(printing, "preview", lambda parent, document: documents.append(document))
    return documents


@pytest.fixture(autouse=True)
def unexpected_errors_fail(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected error fails the test with its text, instead of waiting forever for a
    click on the modal error box (tests of that box are marked ``error_box``)."""
    if request.node.get_closest_marker("error_box") is not None:
        return

    def fail(icon: object, parent: object, title: str, text: str) -> None:
        raise AssertionError(f"the window showed an unexpected error: {text}")

    monkeypatch.setattr(errors, "show_message", fail)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def window(
    qtbot: QtBot, workflows: Workflows, database_url: str, dialogs: FakeDialogs
) -> MainWindow:
    """The main window on the sample reference data, on the business date TODAY."""
    main = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    qtbot.waitExposed(main)
    return main
