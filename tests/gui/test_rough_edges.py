"""What a new user met on a first day, replayed: each rough edge of the window, gone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from dst_desktop.app import WindowHost, create_main_window
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.booking_lists import BookingFilter
from dst_desktop.presenters.reference_editor import ReferenceKind
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.l10n import LanguageInstaller
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.helpers import choose_client, choose_region, click_day, set_participants, tick_module
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs


def test_the_queue_tab_counts_every_waiting_booking_whatever_the_filters(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    create(workflows, regionId="bretagne")
    create(workflows)
    window.presenter.queue.refresh()
    assert window.tabs.tabText(0) == "Pending bookings (2)"

    filters = window.queue_panel.filters
    filters.region_combo.setCurrentIndex(filters.region_combo.findData("bretagne"))

    assert window.queue_panel.table.model().rowCount() == 1
    assert window.tabs.tabText(0) == "Pending bookings (2)"
    assert window.queue_panel.count_label.text() == "1 booking waiting"


LONG_NAMES = (
    "Police municipale de Toulouse – Brigade de nuit",
    "Police nationale – Direction départementale du Rhône",
)


# The completions are a popup: the offscreen platform can neither raise it nor give it
# the keyboard, and says so.
@pytest.mark.qt_log_ignore(
    "^This plugin does not support grabbing the keyboard$",
    "^This plugin does not support raise\\(\\)$",
)
def test_client_completions_show_whole_names(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    clients = [{"id": f"client_long_{n}", "name": name} for n, name in enumerate(LONG_NAMES)]
    workflows.reference.import_reference({"clients": clients})
    window.presenter.reference_changed()
    line_edit = window.booking_form.client_combo.lineEdit()
    assert line_edit is not None
    line_edit.setFocus()

    qtbot.keyClicks(line_edit, "police")

    popup = window.booking_form.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    needed = max(popup.fontMetrics().horizontalAdvance(name) for name in LONG_NAMES)
    assert popup.viewport().width() >= needed
    assert popup.width() > window.booking_form.client_combo.width()


def test_a_mission_is_not_cancelled_without_a_reason_and_the_question_stays_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    from dst_desktop.ui.dialogs import ReasonDialog

    dialog = ReasonDialog("Cancel mission", "Why is the session cancelled?", "Cancel the mission")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.accept_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "   ")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # a blank reason is no reason: the question stays
    assert not dialog.accept_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "Client postponed the event")
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.reason() == "Client postponed the event"


def test_load_demo_data_is_unavailable_on_a_database_that_has_data(window: MainWindow) -> None:
    assert not window.demo_action.isEnabled()
    assert window.demo_action.toolTip().startswith(
        "This database already holds reference data: the demo data goes only into an empty one."
    )


def test_switching_the_language_keeps_the_work_in_progress(
    request: pytest.FixtureRequest, qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    languages = LanguageInstaller()
    request.addfinalizer(lambda: languages.install("en"))
    first, second = create(workflows), create(workflows, date="2025-03-11")
    confirmed = create(workflows, regionId="bretagne", date="2025-03-12")
    workflows.booking.confirm_session_booking(confirmed.id)

    def build() -> MainWindow:
        built = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
        qtbot.addWidget(built)
        return built

    host = WindowHost(build, languages)
    english = host.window
    english.show()
    choose_region(english, "bretagne")
    click_day(english, dt.date(2025, 3, 14))
    tick_module(english, "Premiers secours")
    tick_module(english, "Scénario tactique")
    set_participants(english, 9)
    choose_client(english, "client_acme")
    english.booking_form.notes_edit.setPlainText("Hangar 4\ngate B")
    english.presenter.queue.set_filter(BookingFilter(region_id="occitanie", text="ACME"))
    english.presenter.queue.select([first.id, second.id])
    english.tabs.setCurrentWidget(english.browser_panel)
    english.presenter.browser.set_filter(BookingFilter(status=SessionStatus.CONFIRMED))
    english.presenter.browser.select([confirmed.id])

    host.change_language("fr")

    french = host.window
    assert french is not english
    assert french.booking_form.create_button.text() == "Créer la réservation"
    assert french.calendar_panel.region_combo.currentData() == "bretagne"
    assert french.calendar_panel.calendar.selectedDate().toPython() == dt.date(2025, 3, 14)
    assert sorted(french.presenter.form.module_ids) == ["module_scenario", "module_secourisme"]
    checked = [
        french.module_picker.model.module_id(row)
        for row in range(french.module_picker.model.rowCount())
        if french.module_picker.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    ]
    assert sorted(checked) == ["module_scenario", "module_secourisme"]
    assert french.booking_form.participants_spin.value() == 9
    assert french.booking_form.client_combo.currentData() == "client_acme"
    assert french.booking_form.notes_edit.toPlainText() == "Hangar 4\ngate B"
    assert french.tabs.currentWidget() is french.browser_panel
    assert french.queue_panel.filters.search_edit.text() == "ACME"
    assert french.queue_panel.filters.region_combo.currentData() == "occitanie"
    assert french.queue_panel.table.selected_ids() == [first.id, second.id]
    assert french.browser_panel.filters.status_combo is not None
    assert french.browser_panel.filters.status_combo.currentData() == "confirmed"
    assert french.browser_panel.table.selected_ids() == [confirmed.id]


def test_the_reference_lists_search_as_you_type_whatever_the_accents(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    dialog.tabs.setCurrentWidget(tab)
    assert tab.table.model().rowCount() == 8
    assert tab.count_label.text() == "8 entries"

    qtbot.keyClicks(tab.search_edit, "operateur bret")

    shown = [tab.table.model().index(row, 0).data() for row in range(tab.table.model().rowCount())]
    assert shown == ["Opérateur Bretagne 1", "Opérateur Bretagne 2"]
    assert tab.count_label.text() == "2 of 8 entries"
    tab.table.selectRow(1)
    assert tab.name_edit.text() == "Opérateur Bretagne 2"


def test_an_entry_made_by_mistake_is_removed_with_the_delete_key(
    qtbot: QtBot, workflows: Workflows, window: MainWindow, dialogs: FakeDialogs
) -> None:
    workflows.reference.import_reference({"offers": [{"id": "offer_typo", "name": "Pack Pr"}]})
    window.presenter.reference_changed()
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    tab = dialog.kind_tabs[ReferenceKind.OFFERS]
    dialog.tabs.setCurrentWidget(tab)
    names = [tab.table.model().index(row, 0).data() for row in range(tab.table.model().rowCount())]
    tab.table.selectRow(names.index("Pack Pr"))
    assert tab.remove_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    tab.table.setFocus()

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    assert [o.id for o in workflows.queries.reference().offers] == ["offer_456"]
    assert tab.message_label.text() == "Pack Pr removed."
    assert not tab.remove_button.isEnabled()  # the form is a new entry now
    tab.table.selectRow(0)
    assert tab.name_edit.text() == "Pack Pro"
    assert tab.remove_button.isEnabled()  # no booking refers to it yet


def test_the_new_client_dialog_accepts_only_usable_contact_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    from dst_desktop.ui.dialogs import NewClientDialog

    dialog = NewClientDialog("Forum Sûreté", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.add_button.isEnabled()

    qtbot.keyClicks(dialog.email_edit, "not-an-email")
    qtbot.keyClicks(dialog.phone_edit, "abc")

    assert not dialog.add_button.isEnabled()
    assert dialog.email_edit.property("invalid") is True
    assert "The e-mail address not-an-email is not one" in dialog.problem_label.text()
    assert "The phone number abc is not one" in dialog.problem_label.text()
    dialog.email_edit.setText("contact@forum-surete.fr")
    dialog.phone_edit.setText("04 72 00 00 00")
    assert dialog.add_button.isEnabled()
    assert dialog.problem_label.text() == ""


def test_every_status_reads_in_full_in_french(
    request: pytest.FixtureRequest, qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    languages = LanguageInstaller()
    languages.install("fr")
    request.addfinalizer(lambda: languages.install("en"))
    for day in ("2025-03-10", "2025-03-11"):
        session = create(workflows, date=day)
        workflows.booking.confirm_session_booking(session.id)
    create(workflows, date="2025-03-20")  # pending, after the confirmed ones
    window = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.browser_panel)
    table = window.browser_panel.table
    status = next(
        column
        for column in range(table.model().columnCount())
        if table.model().headerData(column, Qt.Orientation.Horizontal) == "Statut"
    )
    metrics = table.fontMetrics()
    assert table.columnWidth(status) >= metrics.horizontalAdvance("En attente de confirmation")
    combo = window.browser_panel.filters.status_combo
    assert combo is not None
    combo.setCurrentIndex(combo.findData("pending_confirmation"))
    assert combo.currentText() == "En attente de confirmation"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20
    count = window.browser_panel.count_label
    needed = count.fontMetrics().horizontalAdvance(count.text())
    qtbot.waitUntil(lambda: count.width() >= needed)  # a count that reads in full


def test_tab_into_a_reference_list_chooses_its_first_entry(
    qtbot: QtBot, workflows: Workflows, window: MainWindow
) -> None:
    window.open_reference_data()
    dialog = window.reference_dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    tab = dialog.kind_tabs[ReferenceKind.OPERATORS]
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.search_edit.hasFocus)  # the keyboard starts in the search field
    qtbot.keyClicks(tab.search_edit, "bretagne 2")

    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Tab)

    assert tab.table.hasFocus()
    assert tab.name_edit.text() == "Opérateur Bretagne 2"


def test_the_icons_of_the_dark_buttons_show_on_them(window: MainWindow) -> None:
    """Create booking, Confirm and Reallocate all are dark blue: their icons are drawn
    light while they can be used (the usual dark strokes vanished on them), and as usual
    on the pale disabled button."""

    def lightness(button: QPushButton, mode: QIcon.Mode) -> float:
        image = button.icon().pixmap(QSize(24, 24), mode).toImage()
        drawn = [
            colour
            for colour in (image.pixelColor(x, y) for x in range(24) for y in range(24))
            if colour.alpha() > 128
        ]
        assert drawn, button.objectName()
        return sum(colour.lightness() for colour in drawn) / len(drawn)

    for button in (
        window.booking_form.create_button,
        window.queue_panel.confirm_button,
        window.conflicts_panel.reallocate_all_button,
    ):
        assert lightness(button, QIcon.Mode.Normal) > 200, button.objectName()
        assert lightness(button, QIcon.Mode.Disabled) < 150, button.objectName()
