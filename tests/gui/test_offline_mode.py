"""When the server is away (SPEC 11), against a real PostgreSQL server: the window works on
its offline copy, keeps what is typed there across a restart, and sends it — once — when
the server is back.

The window reaches the server through a proxy the test can cut, like a network outage,
while "the office" (other workstations) keeps writing to the server directly.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QFrame, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.cli import main
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.event_report import ReportSectionKind
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, booking_request, query_rows, sample_reference
from tests.gui.helpers import (
    child,
    choose_client,
    choose_region,
    click_day,
    set_participants,
    tick_module,
)
from tests.postgres_server import PostgresServer, ServerUnavailableError, TcpProxy
from tests.unit.presenters.fakes import FakeDialogs

#: SPEC 11: offline within 10 seconds of the server going away, back within 10 of its return.
WITHIN_MS = 10_000


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    try:
        own = PostgresServer.create()
    except ServerUnavailableError as error:
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    yield own
    own.remove()


@pytest.fixture
def office(server: PostgresServer) -> Iterator[tuple[str, Workflows]]:
    url = server.url(server.new_database("office"))
    store = PeeweeStore.open(url)
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "office")
    assert workflows.reference.import_reference(sample_reference()).success
    yield url, workflows
    store.close()


@pytest.fixture
def proxy(server: PostgresServer) -> Iterator[TcpProxy]:
    forward = TcpProxy(server.port)
    yield forward
    forward.close()


def through(proxy: TcpProxy, url: str) -> str:
    return url.replace(f"127.0.0.1:{url.split(':')[3].split('/')[0]}", f"127.0.0.1:{proxy.port}")


def open_window(qtbot: QtBot, url: str, dialogs: FakeDialogs) -> MainWindow:
    window = create_main_window(url, TODAY, dialogs=dialogs)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def banner(window: MainWindow) -> QFrame:
    found: QFrame = child(window, QFrame, "offlineBanner")
    return found


def queue_sources(window: MainWindow) -> list[str]:
    table: QTableView = child(window, QTableView, "pendingTable")
    model = table.model()
    header = [
        model.headerData(c, table.horizontalHeader().orientation())
        for c in range(model.columnCount())
    ]
    column = header.index("Source")
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def book(window: MainWindow, region: str, day: dt.date, participants: int) -> None:
    choose_region(window, region)
    click_day(window, day)
    tick_module(window, "Tir de précision")
    choose_client(window, "client_123")
    set_participants(window, participants)
    button: QPushButton = child(window, QPushButton, "createBookingButton")
    assert button.isEnabled(), button.toolTip()
    button.click()


def copy_is_fresh(window: MainWindow) -> bool:
    offline = window.presenter.offline
    return offline is not None and offline._last_refresh is not None


def test_the_window_goes_offline_keeps_what_is_typed_and_sends_it_once(
    qtbot: QtBot, office: tuple[str, Workflows], proxy: TcpProxy
) -> None:
    office_url, office_workflows = office
    url = through(proxy, office_url)
    dialogs = FakeDialogs()
    window = open_window(qtbot, url, dialogs)
    qtbot.waitUntil(lambda: copy_is_fresh(window), timeout=WITHIN_MS)
    assert not banner(window).isVisible()

    proxy.cut()  # the network goes away under the open window
    qtbot.waitUntil(lambda: banner(window).isVisible(), timeout=WITHIN_MS)
    assert "cannot be reached since" in window.offline_banner.text_label.text()
    confirm: QPushButton = child(window, QPushButton, "confirmButton")
    assert "The server is away" in confirm.toolTip()
    assert not window.reference_action.isEnabled()
    # The office's own pending requests stay on the server: the empty list says so.
    assert queue_sources(window) == []
    assert window.queue_panel.count_label.text() == (
        "Offline: only requests taken on this computer show here, none yet."
    )

    book(window, "bretagne", dt.date(2025, 3, 10), 5)
    book(window, "occitanie", dt.date(2025, 3, 12), 6)
    assert len(queue_sources(window)) == 2
    assert all(source.startswith("Offline (") for source in queue_sources(window))

    # The program is closed and opened again while the server is still away.
    window.close()
    again = open_window(qtbot, url, FakeDialogs())
    assert banner(again).isVisible()
    assert len(queue_sources(again)) == 2

    # The office fills Bretagne's 10 March meanwhile (two setups, two operators).
    for _ in range(2):
        taken = office_workflows.booking.create_session_booking(
            booking_request(regionId="bretagne")
        )
        assert isinstance(taken, BookingCreated)
        assert office_workflows.booking.confirm_session_booking(taken.session.id).success

    proxy.restore()  # the server is back
    qtbot.waitUntil(lambda: not banner(again).isVisible(), timeout=WITHIN_MS)
    dialogs_of_again: FakeDialogs = again.dialogs  # type: ignore[assignment]
    qtbot.waitUntil(lambda: bool(dialogs_of_again.event_reports), timeout=WITHIN_MS)
    report = dialogs_of_again.event_reports[0]
    assert report.title == "Requests taken while the server was away"
    assert dict(report.counts)["Imported"] == 2
    assert "Bretagne" in report.text() and "No availability" in report.text()
    assert report.summary.endswith(
        "1 of them is for a day filled meanwhile: offer that client another date."
    )
    # The day filled meanwhile comes with the dates to offer the client instead.
    [full] = [s for s in report.sections if s.kind is ReportSectionKind.NO_AVAILABILITY]
    assert full.headers[-1] == "Other dates"
    [(day, _client, region, _reference, other_dates)] = full.rows
    shown = again.presenter._l10n.date_text
    assert (day, region) == (shown(dt.date(2025, 3, 10)), "Bretagne")
    offered = office_workflows.queries.available_dates_after("bretagne", dt.date(2025, 3, 10), 5)
    assert len(offered) == 5
    assert other_dates == ", ".join(shown(other) for other in offered)
    # Requests are marked Offline in the queue, and the report says so.
    [sent] = [s for s in report.sections if s.kind is ReportSectionKind.IMPORTED]
    assert "marked Offline" in sent.note and "Event" not in sent.note

    sent = query_rows(
        office_url,
        "SELECT booking_source, region_id FROM session WHERE status = 'pending_confirmation'"
        " ORDER BY region_id",
    )
    assert sent == [("offline", "bretagne"), ("offline", "occitanie")]
    confirm_again: QPushButton = child(again, QPushButton, "confirmButton")
    assert "The server is away" not in confirm_again.toolTip()
    assert again.reference_action.isEnabled()

    # Nothing is sent twice: the copy no longer holds them, and a manual sync finds none.
    out, err = io.StringIO(), io.StringIO()
    assert main(["--database", url, "--today", TODAY.isoformat(), "sync", "--json"], out, err) == 0
    assert json.loads(out.getvalue())["imported"] == []
    assert (
        len(query_rows(office_url, "SELECT id FROM session WHERE booking_source = 'offline'")) == 2
    )


def test_a_server_stopped_and_restarted_under_the_window(
    qtbot: QtBot, server: PostgresServer, office: tuple[str, Workflows]
) -> None:
    """The server itself stops (a restart at lunch): offline within 10 s, back within 10 s
    of its return, the request taken meanwhile imported exactly once."""
    office_url, _office_workflows = office
    dialogs = FakeDialogs()
    window = open_window(qtbot, office_url, dialogs)
    qtbot.waitUntil(lambda: copy_is_fresh(window), timeout=WITHIN_MS)

    server.stop("immediate")
    try:
        qtbot.waitUntil(lambda: banner(window).isVisible(), timeout=WITHIN_MS)
        book(window, "occitanie", dt.date(2025, 3, 14), 4)
        assert queue_sources(window) == [f"Offline ({window.workflows.device or platform_node()})"]
    finally:
        server.start()

    qtbot.waitUntil(lambda: not banner(window).isVisible(), timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: bool(dialogs.event_reports), timeout=WITHIN_MS)
    assert dict(dialogs.event_reports[0].counts)["Imported"] == 1
    rows = query_rows(office_url, "SELECT date, booking_source FROM session")
    assert rows == [(dt.date(2025, 3, 14), "offline")]
    assert queue_sources(window) == [f"Offline ({window.workflows.device or platform_node()})"]


def platform_node() -> str:
    import platform

    return platform.node()


def test_sync_says_when_nothing_waits_and_refuses_a_sqlite_file(
    office: tuple[str, Workflows], tmp_path: object
) -> None:
    office_url, _ = office
    out, err = io.StringIO(), io.StringIO()
    assert main(["--database", office_url, "sync"], out, err) == 0
    assert out.getvalue() == (
        "Nothing is waiting to be sent: every request taken offline has been sent.\n"
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["--database", "sqlite:///x.db", "sync"], out, err) == 2
    assert "team's PostgreSQL database" in err.getvalue()
