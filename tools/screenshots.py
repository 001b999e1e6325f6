"""Render the main window on the demo data to PNG files, step by step.

    .venv/bin/python tools/screenshots.py OUT_FOLDER [--language en|fr]

Runs offscreen; builds a throw-away demo database on 2025-02-20. Used to look at the
window while developing and to refresh the README's screenshots (docs/screenshots/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from dst_desktop.app import create_main_window, load_demo_reference
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.dialogs import FirstStartChoice
from dst_desktop.services.demo import build_demo
from dst_desktop.ui.l10n import LanguageInstaller

TODAY = dt.date(2025, 2, 20)


class ScriptedDialogs:
    """Answers every question with yes, and remembers what was shown."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        self.shown.append(text)
        return True

    def ask_text(self, title: str, label: str) -> str | None:
        return "Client request"

    def inform(self, title: str, text: str) -> None:
        self.shown.append(text)

    def warn(self, title: str, text: str) -> None:
        self.shown.append(text)

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        self.shown.append(summary)

    def choose_first_start(self) -> FirstStartChoice:
        return FirstStartChoice.EMPTY

    def choose_reference_file(self) -> str | None:
        return None


def save(widget: QWidget, folder: Path, name: str) -> None:
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dst-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = QApplication(sys.argv[:1])
    languages = LanguageInstaller()  # keeps the translators alive
    languages.install(args.language)
    url = f"sqlite:///{work / 'demo.db'}"
    store = PeeweeStore.open(url)
    build_demo(store, load_demo_reference(), TODAY)
    store.close()

    window = create_main_window(url, TODAY, dialogs=ScriptedDialogs())
    window.resize(1440, 900)
    window.show()
    presenter = window.presenter
    panel = window.calendar_panel
    panel.region_combo.setCurrentIndex(panel.region_combo.findData("occitanie"))
    presenter.calendar.go_to(dt.date(2025, 3, 10))
    for module_id in ("module_tir", "module_scenario"):
        window.module_picker.set_checked(module_id, True)
    window.booking_form.participants_spin.setValue(10)
    clients = presenter.catalogue.client_choices()
    window.booking_form.choose_client(clients[3].id)
    save(window, folder, "01-booking-form")

    queries = window.workflows.queries
    full = next(
        (
            (region.id, day.date)
            for region in presenter.catalogue.snapshot.regions
            for day in queries.month_availability(region.id, 2025, 3)
            if day.bookable_date and not day.is_available
        ),
        None,
    )
    if full is not None:
        region_id, day = full
        panel.region_combo.setCurrentIndex(panel.region_combo.findData(region_id))
        presenter.calendar.go_to(day)
        save(window, folder, "02-full-day-suggestions")
        panel.region_combo.setCurrentIndex(panel.region_combo.findData("occitanie"))
        presenter.calendar.go_to(dt.date(2025, 3, 10))
        window.booking_form.choose_client(clients[3].id)

    window.booking_form.create_button.click()
    save(window, folder, "03-created")
    save(window, folder, "04-queue-selected")
    window.queue_panel.details_button.click()
    if window.details_dialog is not None:
        save(window.details_dialog, folder, "05-details-pending")
        window.details_dialog.close()

    window.tabs.setCurrentWidget(window.browser_panel)
    window.browser_panel.filters.status_combo.setCurrentIndex(2) if (
        window.browser_panel.filters.status_combo is not None
    ) else None
    window.browser_panel.table.selectRow(0)
    save(window, folder, "06-browser")
    window.browser_panel.details_button.click()
    if window.details_dialog is not None:
        save(window.details_dialog, folder, "07-details-confirmed")
        window.details_dialog.close()

    window.open_reference_data()
    dialog = window.reference_dialog
    if dialog is not None:
        dialog.tabs.setCurrentIndex(2)
        tab = dialog.kind_tabs[list(dialog.kind_tabs)[2]]
        tab.table.selectRow(0)
        save(dialog, folder, "08-reference-operators")
        dialog.close()
    window.open_settings()
    app.processEvents()
    settings = window.findChild(QWidget, "settingsDialog")
    if settings is not None:
        save(settings, folder, "09-settings")
        settings.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
