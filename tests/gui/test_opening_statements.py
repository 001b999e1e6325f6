"""Opening the main window costs a bounded number of statements (SPEC 8.1: ≤ 25), on
both backends: on a team's server each one is a network round trip. On a server this
includes bringing the workstation's offline copy up to date (SPEC 11), in the background;
the copy's own statements are local and not counted."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.persistence import store as store_module
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.conftest import create
from tests.unit.presenters.fakes import FakeDialogs

OPENING_BUDGET = 25


def test_opening_the_window_sends_at_most_25_statements(
    qtbot: QtBot,
    workflows: Workflows,
    database_url: str,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(3):
        create(workflows)  # a queue to show
    sent: list[str] = []
    opened = store_module.open_backend

    def counting_backend(url: str) -> Any:
        backend = opened(url)
        if url != database_url:
            return backend  # the workstation's own offline copy: no round trip
        connect = backend.connect

        def connect_and_count() -> Any:
            db = connect()
            db.query_hooks.append(lambda event: sent.append(event.sql))
            return db

        backend.connect = connect_and_count  # type: ignore[method-assign]
        return backend

    monkeypatch.setattr(store_module, "open_backend", counting_backend)

    window = create_main_window(database_url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)

    assert window.presenter is not None
    assert 0 < len(sent) <= OPENING_BUDGET, sent
