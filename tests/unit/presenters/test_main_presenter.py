"""The window as a whole: start-up, first start, imports, and how parts follow changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.dialogs import FirstStartChoice
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.main_window import MainPresenter, MainViews
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, sample_reference, shown_database
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import (
    FakeBookingFormView,
    FakeCalendarView,
    FakeDialogs,
    FakeMainView,
    FakeModulePickerView,
    FakeTableView,
    InlineRunner,
    RecordingPrinting,
)


class Window:
    def __init__(
        self, workflows: Workflows, dialogs: FakeDialogs, printing: RecordingPrinting | None = None
    ) -> None:
        self.dialogs = dialogs
        self.main = FakeMainView()
        self.calendar = FakeCalendarView()
        self.modules = FakeModulePickerView()
        self.form = FakeBookingFormView()
        self.queue = FakeTableView()
        self.browser = FakeTableView()
        self.runner = InlineRunner()
        self.presenter = MainPresenter(
            MainViews(self.main, self.calendar, self.modules, self.form, self.queue, self.browser),
            workflows,
            dialogs,
            self.runner,
            PlainLocalizer(),
            demo_reference=sample_reference,
            printing=printing,
        )


@pytest.fixture
def empty_workflows(empty_store: PeeweeStore) -> Workflows:
    return Workflows.create(empty_store, BusinessDateClock(TODAY), "tester")


def test_start_fills_every_part(
    workflows: Workflows, dialogs: FakeDialogs, database_url: str
) -> None:
    create(workflows)
    window = Window(workflows, dialogs)
    window.presenter.start("occitanie")
    assert window.main.database == shown_database(database_url)
    assert window.main.business_date == "Thursday 2025-02-20"
    assert window.main.printing_available is False
    assert window.calendar.selected_region == "occitanie"
    assert len(window.modules.rows) == 3
    assert window.form.request == "Occitanie — Thursday 2025-02-20"
    assert len(window.queue.session_ids) == 1
    assert window.browser.table is None  # its tab has not been opened: nothing read
    window.presenter.bookings_tab_shown(browser=True)
    assert len(window.browser.session_ids) == 1


def test_a_hidden_bookings_list_catches_up_when_shown(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    window = Window(workflows, dialogs)
    window.presenter.start("occitanie")
    window.presenter.bookings_tab_shown(browser=True)
    session = create(workflows)
    window.presenter.bookings_changed()
    assert window.queue.session_ids == []  # hidden behind the browser: not read yet
    window.presenter.bookings_tab_shown(browser=False)
    assert window.queue.session_ids == [session.id]


def test_choosing_a_day_and_modules_reaches_the_form(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    window = Window(workflows, dialogs)
    window.presenter.start("occitanie")
    window.presenter.calendar.day_selected(dt.date(2025, 3, 10))
    window.presenter.modules.set_checked("module_tir", True)
    window.presenter.form.client_chosen("client_123")
    assert window.form.create_enabled
    window.presenter.form.suggestion_chosen(dt.date(2025, 4, 1))
    assert window.calendar.selected_date == dt.date(2025, 4, 1)
    assert window.form.request == "Occitanie — Tuesday 2025-04-01"


def test_created_booking_appears_in_queue_and_browser_and_confirm_updates_calendar(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    window = Window(workflows, dialogs)
    p = window.presenter
    p.start("occitanie")
    p.browser.set_visible(True)  # both lists on screen
    p.calendar.go_to(dt.date(2025, 3, 10))
    p.modules.set_checked("module_tir", True)
    p.form.client_chosen("client_123")
    p.form.create()
    [session_id] = window.queue.session_ids
    assert window.queue.selected == session_id
    assert window.browser.session_ids == [session_id]
    assert window.calendar.marks[dt.date(2025, 3, 10)].badge == "5"
    p.queue.confirm_selected()
    assert window.queue.session_ids == []
    assert window.calendar.marks[dt.date(2025, 3, 10)].badge == "4"
    assert window.browser.column("Status") == ["Confirmed"]


def test_first_start_on_an_empty_database_loads_the_demo_in_the_worker(
    empty_workflows: Workflows,
) -> None:
    dialogs = FakeDialogs(first_start=FirstStartChoice.DEMO)
    window = Window(empty_workflows, dialogs)
    window.presenter.start()
    assert window.calendar.regions == []
    assert window.main.demo_unavailable == ""
    window.presenter.first_start()
    assert window.runner.titles == ["Loading the demo data…"]
    assert [r.text for r in window.calendar.regions] == ["Bretagne", "Occitanie"]
    assert window.main.demo_unavailable is not None
    assert "already holds reference data" in window.main.demo_unavailable
    assert window.main.status_messages[-1].startswith("Demo data loaded:")
    window.presenter.bookings_tab_shown(browser=True)
    assert window.browser.session_ids  # the demo's bookings


def test_first_start_can_stay_empty_and_says_what_to_do(empty_workflows: Workflows) -> None:
    window = Window(empty_workflows, FakeDialogs(first_start=FirstStartChoice.EMPTY))
    window.presenter.start()
    window.presenter.first_start()
    assert "Data ▸ Reference data" in window.main.status_messages[-1]


def test_first_start_is_silent_when_data_exists(workflows: Workflows) -> None:
    dialogs = FakeDialogs(first_start=FirstStartChoice.DEMO)
    window = Window(workflows, dialogs)
    window.presenter.start()
    window.presenter.first_start()
    assert window.runner.titles == []


def test_demo_refused_on_a_database_with_data(workflows: Workflows, dialogs: FakeDialogs) -> None:
    window = Window(workflows, dialogs)
    window.presenter.load_demo()
    assert dialogs.warnings[0][0] == "Demo data"
    assert window.runner.titles == []


def test_import_reference_file_reports_what_was_added(
    empty_workflows: Workflows, tmp_path: Path
) -> None:
    path = tmp_path / "reference.json"
    path.write_text(json.dumps(sample_reference()), encoding="utf-8")
    dialogs = FakeDialogs(first_start=FirstStartChoice.IMPORT, reference_file=str(path))
    window = Window(empty_workflows, dialogs)
    window.presenter.start()
    window.presenter.first_start()
    title, summary, lines = dialogs.reports[0]
    assert (title, summary) == ("Import reference data", "The reference data was imported.")
    assert lines[:2] == ["Regions: 2 added, 0 updated", "Setups: 7 added, 0 updated"]
    assert [r.text for r in window.calendar.regions] == ["Bretagne", "Occitanie"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"\xff\xfe\x00", "is not a reference data file (not text)"),
        (b'{"regions": [', "the JSON is broken at line 1, column 14"),
    ],
)
def test_unreadable_reference_files_are_explained(
    workflows: Workflows, tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "reference.json"
    if content is not None:
        path.write_bytes(content)
    dialogs = FakeDialogs()
    window = Window(workflows, dialogs)
    window.presenter.import_reference_file(str(path))
    assert expected in dialogs.warnings[0][1]


def test_invalid_reference_file_imports_nothing_and_names_the_entry(
    workflows: Workflows, tmp_path: Path
) -> None:
    path = tmp_path / "reference.json"
    path.write_text(json.dumps({"setups": [{"id": "s9", "name": "X", "regionId": "mars"}]}))
    dialogs = FakeDialogs()
    window = Window(workflows, dialogs)
    window.presenter.import_reference_file(str(path))
    text = dialogs.warnings[0][1]
    assert text.startswith("Nothing was imported. Please check the region.")
    assert "mars" in text


def test_cancelled_file_choice_does_nothing(workflows: Workflows) -> None:
    dialogs = FakeDialogs(reference_file=None)
    window = Window(workflows, dialogs)
    window.presenter.import_reference_file()
    assert window.runner.titles == [] and dialogs.warnings == []


def test_day_sheet_prints_the_selected_day_and_region(
    workflows: Workflows, dialogs: FakeDialogs
) -> None:
    printing = RecordingPrinting()
    window = Window(workflows, dialogs, printing)
    window.presenter.start("bretagne")
    window.presenter.calendar.day_selected(dt.date(2025, 3, 3))
    window.presenter.print_day_sheet()
    assert printing.day_sheets == [(dt.date(2025, 3, 3), "bretagne")]
    assert window.main.printing_available is True


def test_printing_can_be_plugged_in_after_start(workflows: Workflows, dialogs: FakeDialogs) -> None:
    window = Window(workflows, dialogs)
    window.presenter.start()
    window.presenter.print_day_sheet()  # nothing installed: nothing happens
    printing = RecordingPrinting()
    window.presenter.set_printing(printing)
    assert window.main.printing_available is True
    window.presenter.print_day_sheet()
    assert len(printing.day_sheets) == 1


def test_a_reference_file_with_several_problems_lists_them_all(
    workflows: Workflows, tmp_path: Path
) -> None:
    from tests.integration.test_reference_import import SIX_PROBLEMS

    path = tmp_path / "reference.json"
    path.write_text(json.dumps(SIX_PROBLEMS), encoding="utf-8")
    dialogs = FakeDialogs()
    window = Window(workflows, dialogs)
    window.presenter.start()

    window.presenter.import_reference_file(str(path))

    title, summary, lines = dialogs.reports[-1]
    assert title == "Import reference data"
    assert summary == (
        "Nothing was imported: the file has 6 problems. Correct them all, then import it again."
    )
    assert len(lines) == 6
    assert lines[0].startswith('regions[0] (id "corse"): name')
    assert not dialogs.warnings
