"""The window's daily backup and File ▸ Restore a backup… (issue 16, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs, InlineRunner


def open_window(qtbot: QtBot, url: str, dialogs: FakeDialogs, backups: Path | None) -> MainWindow:
    main = create_main_window(
        url, TODAY, dialogs=dialogs, runner=InlineRunner(), backups_folder=backups
    )
    qtbot.addWidget(main)
    return main


def file_menu_actions(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return [action.objectName() for action in menu.actions() if not action.isSeparator()]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # backups of SQLite files
def test_restore_is_in_the_file_menu_and_brings_a_backup_back(
    qtbot: QtBot, workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    dialogs = FakeDialogs()
    window = open_window(qtbot, database_url, dialogs, tmp_path / "backups")
    window.backups.make_daily_backup()
    later = create(workflows)
    window.presenter.queue.refresh()
    assert window.queue_panel.table.model().rowCount() == 1

    restore = window.findChild(QAction, "restoreBackupAction")
    assert isinstance(restore, QAction) and restore.isEnabled()
    names = file_menu_actions(window)
    assert names.index("restoreBackupAction") == names.index("settingsAction") - 1
    restore.trigger()

    assert window.queue_panel.table.model().rowCount() == 0  # the window reloaded
    assert workflows.booking.get_booking_status(later.id).to_dict()["error"] == "NOT_FOUND"
    assert "The database now holds the backup" in dialogs.infos[-1][1]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_server_database_has_no_restore_in_the_window(
    qtbot: QtBot, workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    window = open_window(qtbot, database_url, FakeDialogs(), tmp_path / "backups")
    window.backups.make_daily_backup()

    restore = window.findChild(QAction, "restoreBackupAction")
    assert isinstance(restore, QAction) and not restore.isEnabled()
    assert "administrator" in restore.toolTip()
    assert not (tmp_path / "backups").exists()
