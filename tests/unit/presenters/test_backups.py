"""Backups in the window: a daily backup, and File ▸ Restore a backup… (issue 16, item 4)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dst_desktop.domain.errors import DamagedDatabaseError
from dst_desktop.persistence.backup import DailyBackups
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.backups import BackupsPresenter, restore_after_damage
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, sample_reference
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs, FakeMainView, InlineRunner


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workflows]:
    store = PeeweeStore.open(f"sqlite:///{tmp_path / 'office.db'}")
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "ann")
    assert workflows.reference.import_reference(sample_reference()).success
    yield workflows
    store.close()


class Backups:
    """The presenter on real daily backups, with fake dialogs; ``reloads`` counts how often
    the window was told to reload."""

    def __init__(self, workflows: Workflows, folder: Path, dialogs: FakeDialogs) -> None:
        self.dialogs = dialogs
        self.view = FakeMainView()
        self.reloads = 0
        self.daily = DailyBackups(f"sqlite:///{folder.parent / 'office.db'}", folder)
        self.presenter = BackupsPresenter(
            self.daily,
            workflows,
            dialogs,
            InlineRunner(),
            PlainLocalizer(),
            self.view,
            on_restored=self._reloaded,
        )

    def _reloaded(self) -> None:
        self.reloads += 1


def pending_ids(workflows: Workflows) -> list[str]:
    return [session.id for session in workflows.queries.pending_sessions()]


def test_the_window_keeps_one_backup_a_day(office: Workflows, tmp_path: Path) -> None:
    window = Backups(office, tmp_path / "backups", FakeDialogs())

    window.presenter.make_daily_backup()
    window.presenter.make_daily_backup()

    assert [backup.day for backup in window.daily.available()] == [TODAY]
    assert window.view.status_messages == [f"Today's backup was kept in {tmp_path / 'backups'}."]
    assert window.dialogs.warnings == []


def damage(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET rootpage = 3 WHERE name = 'session_client_id_date'"
    )
    connection.commit()
    connection.close()


def test_a_damaged_database_is_said_when_the_daily_backup_fails(
    office: Workflows, tmp_path: Path
) -> None:
    damage(tmp_path / "office.db")
    window = Backups(office, tmp_path / "backups", FakeDialogs())

    window.presenter.make_daily_backup()

    [(title, text)] = window.dialogs.warnings
    assert title == "Automatic backup"
    assert "could not be made, and the earlier backups were kept" in text
    assert "is damaged" in text
    assert window.daily.available() == []


def test_restore_brings_back_a_daily_backup_and_reloads_the_window(
    office: Workflows, tmp_path: Path
) -> None:
    kept = create(office)
    window = Backups(office, tmp_path / "backups", FakeDialogs())
    window.presenter.make_daily_backup()
    later = create(office, date="2025-03-11")

    window.presenter.restore()

    [(title, items)] = window.dialogs.item_choices
    assert title == "Restore a backup"
    assert items[0].startswith("Thursday 2025-02-20 (")
    assert items[-1] == "Another backup file…"
    assert "Bookings made since that backup disappear" in window.dialogs.questions[0][1]
    assert pending_ids(office) == [kept.id]
    assert later.id not in pending_ids(office)
    assert window.reloads == 1
    [(_, text)] = window.dialogs.infos
    assert "The database now holds the backup Thursday 2025-02-20" in text
    assert "with 1 booking." in text and "What it held before is kept in" in text


def test_nothing_changes_when_the_user_does_not_confirm(office: Workflows, tmp_path: Path) -> None:
    window = Backups(office, tmp_path / "backups", FakeDialogs(confirm_answer=False))
    window.presenter.make_daily_backup()
    later = create(office)

    window.presenter.restore()

    assert pending_ids(office) == [later.id]
    assert window.reloads == 0


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(
    office: Workflows, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database " * 500)
    dialogs = FakeDialogs(item_answer=0, open_file=str(notes))  # no daily backup yet
    window = Backups(office, tmp_path / "backups", dialogs)
    booked = create(office)

    window.presenter.restore()

    assert dialogs.item_choices[0][1] == ["Another backup file…"]
    [(_, text)] = dialogs.warnings
    assert "is not a DST Desktop backup, or it is damaged; nothing was changed" in text
    assert pending_ids(office) == [booked.id]
    assert window.reloads == 0


def test_a_server_database_offers_no_restore(office: Workflows) -> None:
    presenter = BackupsPresenter(
        None,
        office,
        FakeDialogs(),
        InlineRunner(),
        PlainLocalizer(),
        FakeMainView(),
        on_restored=lambda: None,
    )

    assert not presenter.available
    assert "its administrator keeps and restores its backups" in presenter.restore_unavailable()


def test_the_daily_backups_are_named_by_day_newest_first(office: Workflows, tmp_path: Path) -> None:
    window = Backups(office, tmp_path / "backups", FakeDialogs(item_answer=None))
    for days in (0, 1, 2):
        window.daily.make_if_due(TODAY - dt.timedelta(days=days))

    window.presenter.restore()

    labels = window.dialogs.item_choices[0][1]
    assert [label.split(" (")[0] for label in labels[:3]] == [
        "Thursday 2025-02-20",
        "Wednesday 2025-02-19",
        "Tuesday 2025-02-18",
    ]


@pytest.mark.parametrize("accepted", [True, False])
def test_a_window_that_cannot_open_a_damaged_database_offers_the_newest_backup(
    office: Workflows, tmp_path: Path, accepted: bool
) -> None:
    window = Backups(office, tmp_path / "backups", FakeDialogs(confirm_answer=accepted))
    window.daily.make_if_due(TODAY - dt.timedelta(days=1))
    window.daily.make_if_due(TODAY)
    office.store.close()
    damage(tmp_path / "office.db")
    error = DamagedDatabaseError("The database file office.db is damaged (…).")

    restored = restore_after_damage(
        window.daily, error, window.dialogs, PlainLocalizer(), "ann", dt.datetime(2025, 2, 20, 9)
    )

    assert restored is accepted
    [(title, question)] = window.dialogs.questions
    assert title == "Restore a backup"
    assert question.startswith("The database file office.db is damaged (…).")
    assert "Go back to the backup of Thursday 2025-02-20?" in question
    health = sqlite3.connect(tmp_path / "office.db").execute("PRAGMA integrity_check").fetchall()
    assert (health == [("ok",)]) is accepted


def test_no_backup_no_question(office: Workflows, tmp_path: Path) -> None:
    window = Backups(office, tmp_path / "backups", FakeDialogs())

    assert not restore_after_damage(
        window.daily,
        DamagedDatabaseError("damaged"),
        window.dialogs,
        PlainLocalizer(),
        "ann",
        dt.datetime(2025, 2, 20, 9),
    )
    assert window.dialogs.questions == []
