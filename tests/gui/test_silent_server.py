"""A server that stops answering (a network gone away: no reset, nothing) is not tried
again before the window works on its offline copy (SPEC 11: offline within 10 seconds).

The listening connection's keepalives notice the silence in about 8 seconds (see
``tests/integration/test_postgres_connections.py``, on a real unplugged network); trying
again first would add a whole connect timeout (10 s) to that. A server that answers with
a reset (stopped, restarted) is still tried once more, as a restart at lunch should pass
unnoticed.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from dst_desktop.domain.changes import Change
from dst_desktop.domain.errors import ConnectionFailedError, ServerSilentError, StorageError
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.live import LiveUpdates
from dst_desktop.ui.live import ChangeFollower


class FailingSource:
    """A change source whose connection breaks with ``error`` at its first read."""

    def __init__(self, error: StorageError) -> None:
        self.error = error
        self.opened = 0

    def open(self) -> None:
        self.opened += 1

    def fileno(self) -> int | None:
        return None  # asked on a timer, as a file's source is

    def read(self) -> list[Change]:
        raise self.error

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "silent"),
    [
        (ServerSilentError("the server stopped answering"), True),
        (ConnectionFailedError("the server closed the connection"), False),
    ],
)
def test_the_follower_says_whether_the_server_went_silent(
    qtbot: QtBot, error: StorageError, silent: bool
) -> None:
    pauses: list[tuple[str, bool]] = []
    follower = ChangeFollower(
        FailingSource(error),
        lambda changes: None,
        lambda reason, since, silent: pauses.append((reason, silent)),
        lambda: None,
    )
    follower.start()
    try:
        qtbot.waitUntil(lambda: bool(pauses), timeout=5_000)
    finally:
        follower.stop()
    assert pauses[0] == (str(error), silent)


class Offline:
    def __init__(self) -> None:
        self.lost = 0
        self.offline = False

    def server_lost(self) -> None:
        self.lost += 1
        self.offline = True


class Status:
    def show_live_status(self, text: str) -> None:
        self.text = text


def test_a_silent_server_sends_the_window_to_its_copy_at_once() -> None:
    offline = Offline()
    live = LiveUpdates(SimpleNamespace(offline=offline), Status(), PlainLocalizer())  # type: ignore[arg-type]

    live.paused("the server stopped answering", dt.datetime(2025, 3, 10, 9, 0), True)

    assert offline.lost == 1


def test_a_server_that_reset_the_connection_is_tried_once_more_first() -> None:
    offline = Offline()
    live = LiveUpdates(SimpleNamespace(offline=offline), Status(), PlainLocalizer())  # type: ignore[arg-type]

    live.paused("the server closed the connection", dt.datetime(2025, 3, 10, 9, 0), False)
    assert offline.lost == 0
    live.paused("nothing answers on port 5432", dt.datetime(2025, 3, 10, 9, 0), False)
    assert offline.lost == 1
