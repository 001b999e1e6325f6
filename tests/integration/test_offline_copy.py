"""A workstation's offline copy of a team's server (SPEC 11), without the window: taken
with the event exchange, refused confirmation, requests kept and sent exactly once — also
when sending is interrupted anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dst_desktop.api import open_team_workflows
from dst_desktop.domain.errors import ConnectionFailedError, LoginRefusedError
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.offline import OfflineCopy, copy_info, waiting_requests
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, query_rows, sample_reference
from tests.postgres_server import PostgresServer


@pytest.fixture
def server_workflows(postgres_server: PostgresServer) -> Iterator[tuple[str, Workflows]]:
    url = postgres_server.url(postgres_server.new_database("team"))
    store = PeeweeStore.open(url)
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "office")
    assert workflows.reference.import_reference(sample_reference()).success
    yield url, workflows
    store.close()


@pytest.fixture
def copy(tmp_path: Path, server_workflows: tuple[str, Workflows]) -> Iterator[OfflineCopy]:
    store = PeeweeStore.open(f"sqlite:///{tmp_path / 'copy.db'}")
    offline = OfflineCopy(Workflows.create(store, BusinessDateClock(TODAY), "anne"), tmp_path)
    offline.refresh_from(server_workflows[1])
    yield offline
    store.close()


def take(copy: OfflineCopy, **overrides: object) -> str:
    created = copy.copy.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def test_the_copy_knows_its_server_and_holds_its_allocations(
    copy: OfflineCopy, server_workflows: tuple[str, Workflows]
) -> None:
    _url, server = server_workflows
    held = server.booking.create_session_booking(booking_request(regionId="bretagne"))
    assert isinstance(held, BookingCreated)
    assert server.booking.confirm_session_booking(held.session.id).success

    copy.refresh_from(server)

    info = copy_info(copy.copy)
    assert info is not None and info.server == server.store.description
    day = copy.copy.booking.check_availability("bretagne", "2025-03-10", ["module_tir"], 4)
    assert day.to_dict()["availability"]["availableSetups"] == 1  # type: ignore[index]


def test_a_new_team_database_without_reference_data_is_not_copied_yet(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    server_store = PeeweeStore.open(postgres_server.url(postgres_server.new_database("new")))
    copy_store = PeeweeStore.open(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        server = Workflows.create(server_store, BusinessDateClock(TODAY), "office")
        copy = OfflineCopy(Workflows.create(copy_store, BusinessDateClock(TODAY), "anne"), tmp_path)

        assert copy.refresh_from(server) is None
        assert copy_info(copy.copy) is None  # no copy to start offline on yet

        assert server.reference.import_reference(sample_reference()).success
        assert copy.refresh_from(server) is not None
        assert copy_info(copy.copy) is not None
    finally:
        copy_store.close()
        server_store.close()


def test_requests_on_the_copy_are_offline_and_confirming_waits(copy: OfflineCopy) -> None:
    session_id = take(copy)
    status = copy.copy.booking.get_booking_status(session_id).to_dict()
    assert status["session"]["bookingSource"] == "offline"  # type: ignore[index]
    refused = copy.copy.booking.confirm_session_booking(session_id).to_dict()
    assert refused["error"] == "OFFLINE"
    assert "server is away" in str(refused["message"])
    assert copy.copy.mission.start_mission(session_id).to_dict()["error"] == "OFFLINE"


def test_a_refresh_keeps_the_requests_not_sent_yet(
    copy: OfflineCopy, server_workflows: tuple[str, Workflows]
) -> None:
    session_id = take(copy)
    copy.refresh_from(server_workflows[1])
    assert [s.id for s in waiting_requests(copy.copy)] == [session_id]


def test_requests_are_sent_once_even_when_sending_is_interrupted(
    copy: OfflineCopy, server_workflows: tuple[str, Workflows], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, server = server_workflows
    first, second = take(copy), take(copy, date="2025-03-12")

    # The program dies after the server took the requests, before the copy forgot them.
    store = copy.copy.store
    writing = store.writing
    calls: list[int] = []

    def dies_on_the_second_write() -> object:
        calls.append(1)
        if len(calls) == 2:  # the first records the export; the second forgets the sent
            raise KeyboardInterrupt
        return writing()

    monkeypatch.setattr(store, "writing", dies_on_the_second_write)
    with pytest.raises(KeyboardInterrupt):
        copy.send_to(server)
    monkeypatch.setattr(store, "writing", writing)
    assert len(query_rows(url, "SELECT id FROM session")) == 2  # the server has them
    assert len(waiting_requests(copy.copy)) == 2

    report = copy.send_to(server)  # the next start sends again

    assert report is not None
    assert report.imported == [] and sorted(report.already_present) == sorted([first, second])
    assert waiting_requests(copy.copy) == []
    assert sorted(r[0] for r in query_rows(url, "SELECT id FROM session")) == sorted(
        [first, second]
    )
    assert copy.send_to(server) is None
    # Each send keeps the file it sent, the interrupted one too: nothing typed is lost.
    assert len(list((copy._folder / "sent").glob("offline-requests-*.json"))) == 2


def test_a_workstation_without_a_copy_cannot_start_offline(tmp_path: Path) -> None:
    with pytest.raises(ConnectionFailedError, match="nothing answers"):
        open_team_workflows("postgresql://anne:pw@127.0.0.1:1/team", tmp_path, TODAY)


def test_a_workstation_with_a_copy_starts_on_it_when_the_server_is_away(
    copy: OfflineCopy, tmp_path: Path
) -> None:
    take(copy)
    copy.copy.store.close()
    api, support = open_team_workflows(
        "postgresql://anne:pw@127.0.0.1:1/team", tmp_path, dt.date(2025, 2, 21)
    )
    try:
        assert not support.online
        assert len(support.waiting()) == 1
        assert api.booking.get_suggested_dates("occitanie", 1)
    finally:
        api.close()


@pytest.mark.parametrize(
    ("login", "password", "database", "reason"),
    [
        ("postgres", "wrong-password", None, "the server refused the password of postgres"),
        ("nobody_here", "pw", None, "the server refused the password of nobody_here"),
        ("postgres", None, "no_such_team", 'database "no_such_team" does not exist'),
    ],
)
def test_a_refused_login_is_said_even_with_a_copy_at_hand(
    copy: OfflineCopy,
    tmp_path: Path,
    postgres_server: PostgresServer,
    server_workflows: tuple[str, Workflows],
    login: str,
    password: str | None,
    database: str | None,
    reason: str,
) -> None:
    """The server is there and says no: that is not an outage, so the window does not
    open the copy (where requests would wait for a "return" that never comes); it says
    what is wrong."""
    take(copy)
    copy.copy.store.close()
    team = server_workflows[0].rsplit("/", 1)[1]
    url = postgres_server.url(database or team, user=login, password=password)

    with pytest.raises(LoginRefusedError, match=reason):
        open_team_workflows(url, tmp_path, TODAY)

    kept = PeeweeStore.open(f"sqlite:///{tmp_path / 'copy.db'}")
    try:  # the copy and its waiting request are untouched
        assert len(waiting_requests(Workflows.create(kept, BusinessDateClock(TODAY), "a"))) == 1
    finally:
        kept.close()


def test_a_booking_login_keeps_its_copy_and_sends_its_own_requests(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """The offline copy is every login's (SPEC 11), not only a planner's: a booking login
    refreshes it and sends the requests it took, which creating a booking allows — and
    nothing else travels that way."""
    from tests.team_database import team_database

    (tmp_path / "team").mkdir()
    with team_database(postgres_server, tmp_path / "team") as team:
        api, support = open_team_workflows(team.url("booking"), tmp_path / "copy", TODAY)
        try:
            assert support.refresh_copy() is not None
            support.go_offline()
            created = api.booking.create_session_booking(booking_request(date="2025-03-17"))
            assert created["success"] is True, created
            assert created["session"]["bookingSource"] == "offline"  # type: ignore[index]
            server, report = support.reconnect()
            support.go_online(server)
        finally:
            api.close()
        assert report is not None and report.imported == [created["sessionId"]]
        rows = query_rows(
            team.url("owner"),
            f"SELECT booking_source FROM session WHERE id = '{created['sessionId']}'",
        )
        assert rows == [("offline",)]


def test_sync_by_hand_sends_what_waits_and_offers_other_dates_for_a_day_filled_meanwhile(
    server_workflows: tuple[str, Workflows],
) -> None:
    import io

    from dst_desktop.api import offline_folder
    from dst_desktop.cli import main

    url, office = server_workflows
    api, support = open_team_workflows(url, offline_folder(url), TODAY)
    try:
        assert support.refresh_copy() is not None
        support.go_offline()  # the server is away: the request is taken on the copy
        created = api.booking.create_session_booking(
            booking_request(regionId="bretagne", date="2025-03-12")
        )
        assert created["success"] is True, created
    finally:
        api.close()
    # Meanwhile the office takes Bretagne's 12 March (one operator that day).
    taken = office.booking.create_session_booking(
        booking_request(regionId="bretagne", date="2025-03-12")
    )
    assert isinstance(taken, BookingCreated)
    assert office.booking.confirm_session_booking(taken.session.id).success
    out, err = io.StringIO(), io.StringIO()

    assert main(["--database", url, "--today", TODAY.isoformat(), "sync"], out, err) == 0

    text = out.getvalue()
    assert text.startswith("Imported 1 request(s) taken offline as pending confirmation")
    assert "event booking" not in text
    assert (
        f"  {created['sessionId']}: ACME on 2025-03-12 in Bretagne; other dates: "
        "2025-03-13, 2025-03-14, 2025-03-15, 2025-03-16, 2025-03-17\n"
    ) in text
    assert err.getvalue() == ""
