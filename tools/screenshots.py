"""Render the main window on the demo data to PNG files, step by step.

    .venv/bin/python tools/screenshots.py OUT_FOLDER [--language en|fr] [--screen 1366x768]

Runs offscreen, on a virtual screen of the given size (a laptop's, by default): the
window opens as it does there at its first start. Builds a throw-away demo database on
2025-02-20. Used to look at the window while developing and to refresh the README's
screenshots (docs/screenshots/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from dst_desktop.app import create_main_window, load_demo_reference
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.dialogs import (
    BookingDraft,
    BookingEditRequest,
    CompletionDetails,
    CompletionRequest,
    FirstStartChoice,
    NewClient,
    NewDateRequest,
    ReallocationOffer,
    SnapshotOptions,
)
from dst_desktop.presenters.event_report import EventImportReport
from dst_desktop.services.demo import build_demo
from dst_desktop.ui.event_mode import EventImportReportDialog
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow

TODAY = dt.date(2025, 2, 20)
T = TypeVar("T")


class ScriptedDialogs:
    """Answers every question with yes, and remembers what was shown."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.file = ""
        self.reports: list[EventImportReport] = []
        self.new_date_request: NewDateRequest | None = None

    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        self.shown.append(text)
        return True

    def ask_reason(self, title: str, label: str, accept_label: str) -> str | None:
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

    def choose_file_to_open(self, title: str, file_type: str) -> str | None:
        return self.file

    def choose_file_to_save(
        self, title: str, file_type: str, suggested_name: str, suffix: str = "json"
    ) -> str | None:
        return self.file

    def ask_snapshot_options(self, suggested: SnapshotOptions) -> SnapshotOptions | None:
        return SnapshotOptions("Salon Milipol 2025", 6)

    def ask_new_client(self, name: str) -> NewClient | None:
        return NewClient(name or "Forum Sûreté Lyon", "contact@forum-surete.example", "")

    def show_event_import_report(self, report: EventImportReport) -> None:
        self.reports.append(report)

    def ask_booking_changes(self, request: BookingEditRequest) -> BookingDraft | None:
        return None

    def ask_new_date(self, request: NewDateRequest) -> dt.date | None:
        self.new_date_request = request
        return None

    def ask_completion(self, request: CompletionRequest) -> CompletionDetails | None:
        return CompletionDetails(None, "")

    def ask_reallocation(self, offer: ReallocationOffer) -> tuple[str, ...]:
        return ()  # left for later: the Conflicts tab lists them


class InlineRunner:
    """Runs the window's long work at once, so that each step is done before the next."""

    def run(self, title: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        on_done(work())

    def run_quietly(self, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        on_done(work())


def save(widget: QWidget, folder: Path, name: str) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):  # layouts, then the scroll bars that follow them
        app.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def use_screen(work: Path, size: str) -> None:
    """Qt's offscreen platform, on one screen of ``size`` (``1366x768``)."""
    width, height = (int(part) for part in size.lower().split("x"))
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = work / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--screen", default="1366x768", help="WIDTHxHEIGHT of the screen")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="dst-shots-"))
    use_screen(work, args.screen)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = QApplication(sys.argv[:1])
    languages = LanguageInstaller()  # keeps the translators alive
    languages.install(args.language)
    url = f"sqlite:///{work / 'demo.db'}"
    store = PeeweeStore.open(url)
    build_demo(store, load_demo_reference(), TODAY)
    store.close()

    window = create_main_window(url, TODAY, dialogs=ScriptedDialogs())
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
    window.open_help(shortcuts=False)
    if window.help_dialog is not None:
        save(window.help_dialog, folder, "08b-help")
        window.help_dialog.show_shortcuts()
        save(window.help_dialog, folder, "08c-shortcuts")
        window.help_dialog.close()
    window.open_settings()
    app.processEvents()
    settings = window.findChild(QWidget, "settingsDialog")
    if settings is not None:
        save(settings, folder, "09-settings")
        settings.close()
    window.open_audit_log()
    if window.audit_window is not None:
        window.audit_window.resize(1180, 560)
        save(window.audit_window, folder, "09b-audit-log")
        window.audit_window.close()
    changes_after_booking(window, folder)
    window.close()
    event_mode(folder, work, url)
    return 0


def changes_after_booking(window: MainWindow, folder: Path) -> None:
    """An operator put on leave on the days they are sent out: the Conflicts tab, and the
    calendar that reschedules one of those sessions."""
    from dst_desktop.domain.model import SessionFilter
    from dst_desktop.domain.statuses import SessionStatus
    from dst_desktop.ui.change_dialogs import NewDateDialog

    workflows = window.workflows
    held = workflows.queries.sessions(
        SessionFilter(
            statuses=frozenset({SessionStatus.CONFIRMED}),
            region_id="occitanie",
            date_from=TODAY,
            limit=40,
        )
    )
    by_operator: dict[str, list[str]] = {}
    for session in held:
        if session.operator_id:
            by_operator.setdefault(session.operator_id, []).append(session.date.isoformat())
    if not by_operator:
        return
    operator_id, days = max(by_operator.items(), key=lambda item: len(item[1]))
    workflows.reference.import_reference(
        {"operators": [{"id": operator_id, "unavailableDates": days[:3]}]}
    )
    window.presenter.reference_changed()
    window.tabs.setCurrentWidget(window.conflicts_panel)
    save(window, folder, "13-conflicts")
    dialogs = window.dialogs
    session_id = next(iter(window.presenter.conflicts.sessions), None)
    if session_id is None or not isinstance(dialogs, ScriptedDialogs):
        return
    window.presenter.changes.reschedule(session_id)
    if dialogs.new_date_request is None:
        return
    dialog = NewDateDialog(dialogs.new_date_request, window)
    dialog.show()
    save(dialog, folder, "14-reschedule")
    dialog.close()


def event_mode(folder: Path, work: Path, office_url: str) -> None:
    """Office → laptop → office: the event banner and the report of the import."""
    office_dialogs = ScriptedDialogs()
    office = create_main_window(
        office_url, TODAY, device="bureau-pc", dialogs=office_dialogs, runner=InlineRunner()
    )
    office.show()
    office_dialogs.file = str(work / "snapshot.json")
    office.presenter.event_mode.export_snapshot()

    laptop_dialogs = ScriptedDialogs()
    laptop_dialogs.file = str(work / "snapshot.json")
    laptop = create_main_window(
        f"sqlite:///{work / 'event.db'}",
        TODAY + dt.timedelta(days=3),
        device="portable-salon",
        dialogs=laptop_dialogs,
        runner=InlineRunner(),
    )
    laptop.show()
    laptop.presenter.event_mode.import_snapshot()
    book_at_event(laptop, "bretagne", dt.date(2025, 3, 14), new_client=True)
    book_at_event(laptop, "occitanie", dt.date(2025, 3, 11))
    book_at_event(laptop, "occitanie", dt.date(2025, 3, 12))
    laptop.queue_panel.table.selectRow(0)
    save(laptop, folder, "10-event-database")
    laptop_dialogs.file = str(work / "event-bookings.json")
    laptop.presenter.event_mode.export_bookings()
    laptop.close()

    # Meanwhile, the office fills the Occitanie day of one event booking.
    queries = office.workflows.queries
    booking = office.workflows.booking
    day = dt.date(2025, 3, 12)
    while any(
        d.is_available for d in queries.month_availability("occitanie", 2025, 3) if d.date == day
    ):
        created = booking.create_session_booking(
            {
                "clientId": office.presenter.catalogue.client_choices()[0].id,
                "regionId": "occitanie",
                "date": day.isoformat(),
                "moduleIds": ["module_tir"],
                "requestedParticipants": 6,
            }
        )
        assert created.success, created
        booking.confirm_session_booking(created.to_dict()["sessionId"])
    office_dialogs.file = str(work / "event-bookings.json")
    office.presenter.event_mode.import_bookings()
    if office_dialogs.reports:
        dialog = EventImportReportDialog(office_dialogs.reports[-1], office)
        dialog.show()
        save(dialog, folder, "11-event-import-report")
        dialog.close()
    office.tabs.setCurrentWidget(office.queue_panel)
    save(office, folder, "12-event-bookings-pending")
    office.close()


def book_at_event(
    window: MainWindow, region_id: str, day: dt.date, *, new_client: bool = False
) -> None:
    panel = window.calendar_panel
    panel.region_combo.setCurrentIndex(panel.region_combo.findData(region_id))
    window.presenter.calendar.go_to(day)
    window.module_picker.set_checked("module_tir", True)
    window.booking_form.participants_spin.setValue(8)
    if new_client:
        window.booking_form.new_client_button.click()
    else:
        window.booking_form.choose_client(window.presenter.catalogue.client_choices()[5].id)
    window.booking_form.create_button.click()


if __name__ == "__main__":
    raise SystemExit(main())
