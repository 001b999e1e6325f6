"""What desktop users expect of the window: search, shortcuts, status bar, remembered
state, disabled printing until it is installed, reference data screens, first start."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dst_desktop.app import WindowHost, create_main_window
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.dialogs import FirstStartChoice
from dst_desktop.presenters.reference_editor import ReferenceKind
from dst_desktop.reports import PrintDocument
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import settings as keys
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import USABLE_ROWS, MainWindow
from dst_desktop.ui.settings import app_settings
from dst_desktop.ui.settings_dialog import SettingsDialog
from dst_desktop.ui.tasks import QtTaskRunner
from tests.conftest import TODAY, sample_reference, shown_database
from tests.gui.helpers import (
    child,
    choose_client,
    choose_region,
    click,
    click_day,
    drag_splitter,
    table_rows,
    tick_module,
)
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs, RecordingPrinting


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_client_combo_finds_a_client_by_typing_its_name(window: MainWindow) -> None:
    choose_region(window, "occitanie")
    click_day(window, dt.date(2025, 3, 10))
    tick_module(window, "Tir de précision")
    combo = window.booking_form.client_combo
    line_edit = combo.lineEdit()
    assert line_edit is not None
    line_edit.setText("acme sécu")  # part of a name: not a client yet
    assert not child(window, QPushButton, "createBookingButton").isEnabled()
    line_edit.setText("ACME Sécurité")
    assert window.presenter.form.client_id == "client_acme"
    assert child(window, QPushButton, "createBookingButton").isEnabled()
    completer = combo.completer()
    assert completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains


def test_menu_commands_have_the_usual_shortcuts(window: MainWindow) -> None:
    expected = {
        "newBookingAction": QKeySequence(QKeySequence.StandardKey.New),
        "confirmAction": QKeySequence("Ctrl+Return"),
        "printSummaryAction": QKeySequence(QKeySequence.StandardKey.Print),
        "findAction": QKeySequence(QKeySequence.StandardKey.Find),
        "quitAction": QKeySequence("Ctrl+Q"),
        "detailsAction": QKeySequence("Ctrl+I"),
    }
    for name, sequence in expected.items():
        assert action(window, name).shortcut() == sequence, name


def test_find_focuses_the_search_of_the_table_on_show(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    action(window, "findAction").trigger()
    assert QApplication.focusWidget() is window.queue_panel.filters.search_edit
    window.tabs.setCurrentWidget(window.browser_panel)
    action(window, "findAction").trigger()
    assert QApplication.focusWidget() is window.browser_panel.filters.search_edit


def test_confirm_action_follows_the_selection(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows)
    window.presenter.queue.refresh()
    confirm = action(window, "confirmAction")
    assert not confirm.isEnabled()
    window.queue_panel.table.selectRow(0)
    assert confirm.isEnabled()
    confirm.trigger()
    assert table_rows(window, "pendingTable") == []
    assert not confirm.isEnabled()


def test_status_bar_shows_the_database_and_business_date(
    window: MainWindow, database_url: str
) -> None:
    assert window.database_label.text() == f"Database: {shown_database(database_url)}"
    password = database_url.partition("@")[0].rpartition(":")[2]
    assert password not in window.database_label.text() + window.windowTitle()
    assert window.business_date_label.text() == "Today: Thursday, 20 February 2025"
    assert window.windowTitle().startswith("DST Desktop — ")


def test_printing_is_disabled_and_says_why_until_installed(
    qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    create(workflows)
    window = create_main_window(database_url, TODAY, dialogs=FakeDialogs(), printing_factory=None)
    qtbot.addWidget(window)
    window.queue_panel.table.selectRow(0)
    button = child(window, QPushButton, "printSummaryButton")
    assert not button.isEnabled()
    assert "Printing is not installed" in button.toolTip()
    for name in ("printSummaryAction", "printDaySheetAction"):
        assert not action(window, name).isEnabled()
        assert "Printing is not installed" in action(window, name).toolTip()


def test_the_window_prints_a_summary_of_the_selected_booking_by_default(
    qtbot: QtBot, workflows: Workflows, window: MainWindow, previewed: list[PrintDocument]
) -> None:
    session = create(workflows, notes="<b>Gate 4</b>")
    window.presenter.queue.refresh()
    window.queue_panel.table.selectRow(0)

    click(qtbot, window, "printSummaryButton")

    assert len(previewed) == 1
    assert session.id in previewed[0].html
    assert "&lt;b&gt;Gate 4&lt;/b&gt;" in previewed[0].html


def test_an_installed_printing_prints_the_selected_booking_and_the_day(
    qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    session = create(workflows)
    printing = RecordingPrinting()
    window = create_main_window(
        database_url,
        TODAY,
        dialogs=FakeDialogs(),
        printing_factory=lambda parent, wf: printing,
    )
    qtbot.addWidget(window)
    window.queue_panel.table.selectRow(0)
    click(qtbot, window, "printSummaryButton")
    assert printing.summaries == [session.id]
    choose_region(window, "bretagne")
    click_day(window, dt.date(2025, 3, 3))
    action(window, "printDaySheetAction").trigger()
    assert printing.day_sheets == [(dt.date(2025, 3, 3), "bretagne")]


def test_window_remembers_geometry_and_region(
    qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    first = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(first)
    first.show()
    first.resize(1234, 777)
    qtbot.waitUntil(lambda: first.size() == QSize(1234, 777))
    drag_splitter(qtbot, first.main_splitter, 60)
    assert first.split_chosen
    saved_size = first.size()
    saved_splitter = first.main_splitter.sizes()
    choose_region(first, "occitanie")
    first.close()
    assert app_settings().value(keys.LAST_REGION) == "occitanie"
    second = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.calendar_panel.region_combo.currentData() == "occitanie"
    assert second.size() == saved_size
    assert second.main_splitter.sizes() == saved_splitter


def test_first_start_offers_the_demo_and_loads_it_in_a_worker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, empty_store: PeeweeStore, database_url: str
) -> None:
    monkeypatch.setattr("dst_desktop.app.load_demo_reference", sample_reference)
    dialogs = FakeDialogs(first_start=FirstStartChoice.DEMO)
    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.calendar_panel.region_combo.count() == 0
    runner = window.runner
    assert isinstance(runner, QtTaskRunner)
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        window.presenter.first_start()
    assert window.calendar_panel.region_combo.count() == 2
    assert not table_rows(window, "bookingsTable")  # read when its tab is first opened
    window.tabs.setCurrentWidget(window.browser_panel)
    assert table_rows(window, "bookingsTable")
    assert window.statusBar().currentMessage().startswith("Demo data loaded:")


def test_import_reference_data_runs_in_a_worker_and_reports(
    qtbot: QtBot, empty_store: PeeweeStore, database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "reference.json"
    path.write_text(json.dumps(sample_reference()), encoding="utf-8")
    dialogs = FakeDialogs(reference_file=str(path))
    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    runner = window.runner
    assert isinstance(runner, QtTaskRunner)
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        action(window, "importReferenceAction").trigger()
    assert dialogs.reports[0][1] == "The reference data was imported."
    assert [window.calendar_panel.region_combo.itemText(i) for i in range(2)] == [
        "Bretagne",
        "Occitanie",
    ]


def test_reference_data_dialog_adds_an_operator_with_leave(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    action(window, "referenceDataAction").trigger()
    dialog = window.reference_dialog
    assert dialog is not None and dialog.isVisible()
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    dialog.tabs.setCurrentWidget(tab)
    click(qtbot, tab, "newButton")
    tab.name_edit.setText("Jeanne Dupont")
    tab.region_combo.setCurrentIndex(tab.region_combo.findData("bretagne"))
    tab.day_edit.set_date(dt.date(2025, 3, 11))
    click(qtbot, tab, "addDayButton")
    assert tab.days_list.count() == 1
    click(qtbot, tab, "saveButton")
    assert tab.message_label.text() == "Jeanne Dupont saved."
    operator = next(
        o for o in workflows.queries.reference().operators if o.id == "op_jeanne_dupont"
    )
    assert operator.region_id == "bretagne"
    assert operator.unavailable_dates == {dt.date(2025, 3, 11)}
    assert "Jeanne Dupont" in [row[0] for row in table_rows(tab, "operatorsTable")]
    # Choosing an existing setup shows its maintenance days in the form.
    setups = dialog.kind_tabs[ReferenceKind.SETUPS]
    setups.table.selectRow(
        table_rows(setups, "setupsTable").index(
            next(r for r in table_rows(setups, "setupsTable") if r[-1] == "setup_bretagne_2")
        )
    )
    assert setups.name_edit.text() == "Setup Bretagne #2"
    assert setups.id_edit.isReadOnly()
    assert setups.days_list.count() == 1


def test_reference_dialog_explains_a_refused_save(qtbot: QtBot, window: MainWindow) -> None:
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.CLIENTS]
    tab.id_edit.setText("client_123")
    tab.name_edit.setText("Someone else")
    click(qtbot, tab, "saveButton")
    assert "client_123 is already used" in tab.message_label.text()


def test_settings_dialog_saves_the_language(qtbot: QtBot, window: MainWindow) -> None:
    window.open_settings()
    dialog = window.findChild(SettingsDialog, "settingsDialog")
    assert dialog is not None
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.accept()
    assert app_settings().value(keys.LANGUAGE) == "fr"
    assert "next time" in window.statusBar().currentMessage()


def test_changing_language_rebuilds_the_window_in_french(
    request: pytest.FixtureRequest, qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    languages = LanguageInstaller()
    # French must not outlive the test (until the installer happens to be collected).
    request.addfinalizer(lambda: languages.install("en"))
    windows: list[MainWindow] = []

    def build() -> MainWindow:
        window = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
        qtbot.addWidget(window)
        windows.append(window)
        return window

    host = WindowHost(build, languages)
    host.window.show()
    choose_region(host.window, "bretagne")
    host.change_language("fr")
    french = host.window
    assert french is not windows[0]
    assert child(french, QPushButton, "createBookingButton").text() == "Créer la réservation"
    assert french.business_date_label.text() == "Aujourd’hui\u00a0: jeudi 20 février 2025"
    assert french.calendar_panel.region_combo.currentData() == "bretagne"
    assert not windows[0].isVisible()


def test_new_booking_clears_the_form_and_focuses_the_client(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_client(window, "client_123")
    window.activateWindow()
    action(window, "newBookingAction").trigger()
    assert window.presenter.form.client_id is None
    line_edit = window.booking_form.client_combo.lineEdit()
    assert isinstance(line_edit, QLineEdit) and line_edit.text() == ""
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    assert focused in (window.booking_form.client_combo, line_edit)


def test_search_filters_the_queue_after_a_pause_in_typing(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, notes="Hangar 4, gate B")
    create(workflows, clientId="client_acme")
    window.presenter.queue.refresh()
    search = window.queue_panel.filters.search_edit
    qtbot.keyClicks(search, "hangar")
    assert len(table_rows(window, "pendingTable")) == 2  # still typing
    qtbot.waitUntil(lambda: len(table_rows(window, "pendingTable")) == 1, timeout=2000)
    search.clear()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert len(table_rows(window, "pendingTable")) == 2


def what_the_user_sees(
    window: MainWindow, dialogs: FakeDialogs, about: list[str], previewed: list[PrintDocument]
) -> dict[str, object]:
    """What a person can tell about the window: open dialogs and windows, what was
    asked, printed and reported, which tab and field are in front, the tables' rows."""
    focus = QApplication.focusWidget()
    return {
        "asked": {
            name: len(value) for name, value in vars(dialogs).items() if isinstance(value, list)
        },
        "about": len(about),
        "previewed": len(previewed),
        "tab": window.tabs.currentIndex(),
        "focus": focus.objectName() if focus is not None else "",
        "status": window.statusBar().currentMessage(),
        "windows": sorted(
            type(widget).__name__
            for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and widget is not window
        ),
        "pending": table_rows(window, "pendingTable"),
        "bookings": table_rows(window, "bookingsTable"),
        "client": window.booking_form.client_combo.currentIndex(),
        "shown": window.isVisible(),
        "clipboard": QApplication.clipboard().text(),
    }


def test_every_menu_command_does_something_visible_or_says_why_it_cannot(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    workflows: Workflows,
    window: MainWindow,
    dialogs: FakeDialogs,
    previewed: list[PrintDocument],
) -> None:
    about: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: about.append(text))
    # Export table… asks where to save: the user gives up.
    asked_where: list[str] = []

    def give_up(*args: object, **kwargs: object) -> tuple[str, str]:
        asked_where.append(str(args[1] if len(args) > 1 else kwargs.get("caption", "")))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", give_up)
    for _ in range(3):
        create(workflows)
    window.presenter.queue.refresh()
    commands = [
        a
        for a in window.findChildren(QAction)
        if a.objectName() and not a.objectName().startswith("_q_")  # Qt's own
    ]
    names = [command.objectName() for command in commands]
    assert {"confirmAction", "printDaySheetAction", "referenceDataAction"} <= set(names)
    # Each command once, on the queue with its first booking selected; what each needs
    # first (a colleague's new booking before Refresh, a chosen client before New booking).
    before_each: dict[str, object] = {
        "refreshAction": lambda: create(workflows),
        "newBookingAction": lambda: choose_client(window, "client_123"),
    }
    last = ["confirmAction", "cancelAction", "quitAction"]
    commands.sort(
        key=lambda command: (
            last.index(command.objectName()) + 1 if command.objectName() in last else 0
        )
    )
    silent = []
    for command in commands:
        name = command.objectName()
        window.activateWindow()
        table = command.parent()  # a table's own command (Copy) works on that table
        panel = next(
            (p for p in (window.browser_panel, window.conflicts_panel) if table is p.table),
            window.queue_panel,
        )
        window.tabs.setCurrentWidget(panel)
        panel.table.selectRow(0)
        if name == "copyRowsAction" and panel.table.model().rowCount() == 0:
            continue  # no conflict here: an empty list has nothing to copy
        QApplication.clipboard().clear()
        prepare = before_each.get(name)
        if callable(prepare):
            prepare()
        if not command.isEnabled():
            assert command.toolTip(), f"{name} is disabled and does not say why"
            continue
        seen = what_the_user_sees(window, dialogs, about, previewed)
        seen["asked where"] = len(asked_where)
        command.trigger()
        now = what_the_user_sees(window, dialogs, about, previewed)
        now["asked where"] = len(asked_where)
        if now == seen:
            silent.append(name)
        for opened in (
            window.details_dialog,
            window.reference_dialog,
            window.reports_window,
            window.audit_window,
            window.help_dialog,  # else the shortcuts only turn the guide's page
        ):
            if opened is not None:
                opened.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SettingsDialog):
                widget.reject()

    assert silent == [], silent
    assert about and about[0].startswith("DST Desktop ")
    assert not window.isVisible()  # Quit closed it


def test_a_split_chosen_on_a_taller_window_leaves_the_lists_usable_on_a_smaller_one(
    qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    """Chosen on a large screen (booking panes pulled down), opened on a laptop's."""
    first = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(first)
    first.show()
    first.resize(1366, 1150)
    qtbot.waitUntil(lambda: first.size() == QSize(1366, 1150))
    drag_splitter(qtbot, first.main_splitter, 350)
    chosen_top = first.main_splitter.sizes()[0]
    first.close()

    second = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(second)
    second.show()
    second.resize(1366, 700)
    qtbot.waitUntil(lambda: second.size() == QSize(1366, 700))

    table = second.queue_panel.table
    rows_shown = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    assert rows_shown > USABLE_ROWS - 1  # a horizontal scroll bar may take part of a row
    assert second.main_splitter.sizes()[0] < chosen_top  # the booking panes gave way

    # Back on a tall window, a split the user chose again is kept as it is.
    second.resize(1366, 1150)
    qtbot.waitUntil(lambda: second.size() == QSize(1366, 1150))
    drag_splitter(qtbot, second.main_splitter, 300)
    kept = second.main_splitter.sizes()
    second.resize(1366, 1151)
    qtbot.waitUntil(lambda: second.size() == QSize(1366, 1151))
    assert abs(second.main_splitter.sizes()[0] - kept[0]) <= 1
