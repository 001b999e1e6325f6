"""Connection faults against a real PostgreSQL server (SPEC 8): a plain message naming the
server and the reason — never the password — nothing changed, and the next action
connects again by itself.

These tests stop and restart the server, so they have one of their own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dst_desktop.cli import main
from dst_desktop.domain.errors import ConnectionFailedError
from dst_desktop.domain.model import AuditEntry
from dst_desktop.persistence.backends.postgresql import CONNECT_TIMEOUT_S, parse_postgres_url
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump, sample_reference
from tests.postgres_server import PostgresServer, ServerUnavailableError

PASSWORD = "Secret-Pw-42"


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    try:
        own = PostgresServer.create()
    except ServerUnavailableError as error:
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    own.psql(f"CREATE ROLE clerk LOGIN PASSWORD '{PASSWORD}'")
    yield own
    own.remove()


@pytest.fixture
def url(server: PostgresServer) -> Iterator[str]:
    if not server.is_running():
        server.start()
    name = server.new_database("faults", owner="clerk")
    yield server.url(name, user="clerk", password=PASSWORD)
    if not server.is_running():
        server.start()
    server.drop_database(name)


@pytest.fixture
def workflows(url: str) -> Iterator[Workflows]:
    store = PeeweeStore.open(url)
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "clerk")
    assert workflows.reference.import_reference(sample_reference()).success
    yield workflows
    store.close()


def refusal(url: str) -> str:
    with pytest.raises(ConnectionFailedError) as caught:
        PeeweeStore.open(url)
    message = str(caught.value)
    assert PASSWORD not in message
    return message


def test_a_wrong_password_names_the_server_and_the_login(server: PostgresServer) -> None:
    message = refusal(server.url("postgres", user="clerk", password=PASSWORD + "x"))
    assert message == (
        f"Cannot use the database postgres on the server 127.0.0.1:{server.port}: "
        "the server refused the password of clerk."
    )


def test_a_missing_password_says_where_one_can_come_from(
    server: PostgresServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    message = refusal(f"postgresql://clerk@127.0.0.1:{server.port}/postgres")
    assert "no password was given for clerk" in message
    assert "PGPASSWORD" in message and "~/.pgpass" in message


def test_the_password_may_come_from_pgpassword_or_a_pgpass_file(
    url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    without = url.replace(f":{PASSWORD}@", "@")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    PeeweeStore.open(without).close()

    monkeypatch.delenv("PGPASSWORD")
    location = parse_postgres_url(url)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{location.port}:{location.dbname}:clerk:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    PeeweeStore.open(without).close()


def test_a_missing_database_is_named(server: PostgresServer) -> None:
    message = refusal(server.url("no_such_db", user="clerk", password=PASSWORD))
    assert message.endswith(': database "no_such_db" does not exist.')


def test_a_port_where_nothing_listens(server: PostgresServer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = refusal(f"postgresql://clerk:{PASSWORD}@127.0.0.1:{port}/dst")
    assert f"127.0.0.1:{port}: nothing answers on port {port}" in message


def test_a_server_that_never_answers_is_given_up_on_after_the_timeout() -> None:
    """A host that accepts the connection and then says nothing (a hung server, a
    firewall) is reported after the connect timeout, not after TCP's minutes."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(silent.accept()[0]), daemon=True)
    thread.start()
    try:
        message = refusal(f"postgresql://clerk:{PASSWORD}@127.0.0.1:{port}/dst?connect_timeout=1")
    finally:
        for connection in accepted:
            connection.close()
        silent.close()
    assert message.endswith("the server did not answer within 1 seconds.")


def test_the_default_connect_timeout_is_ten_seconds() -> None:
    location = parse_postgres_url("postgresql://alice@db.office/dst")
    assert CONNECT_TIMEOUT_S == 10
    assert location.connect_parameters()["connect_timeout"] == 10
    assert location.connect_parameters()["keepalives"] == 1


def test_a_server_restarted_between_two_calls_is_invisible(
    workflows: Workflows, server: PostgresServer
) -> None:
    """The connection the server dropped while idle is replaced at the next call."""
    assert workflows.booking.get_suggested_dates("occitanie", 1)
    server.stop("fast")
    server.start()

    created = workflows.booking.create_session_booking(booking_request()).to_dict()

    assert created["success"] is True, created


def test_a_stopped_server_is_a_plain_message_and_the_call_after_its_return_works(
    workflows: Workflows, server: PostgresServer, url: str
) -> None:
    before = database_dump(url)
    server.stop("immediate")

    with pytest.raises(ConnectionFailedError) as caught:
        workflows.booking.create_session_booking(booking_request())
    message = str(caught.value)
    assert message.startswith(f"Cannot use the database {parse_postgres_url(url).dbname} on the")
    assert f"127.0.0.1:{server.port}" in message and PASSWORD not in message

    server.start()
    assert database_dump(url) == before
    assert workflows.booking.create_session_booking(booking_request()).success


def test_a_connection_dropped_in_the_middle_of_a_change_changes_nothing(
    workflows: Workflows, server: PostgresServer, url: str
) -> None:
    before = database_dump(url)
    store = workflows.store
    with pytest.raises(ConnectionFailedError), store.writing() as tx:
        tx.add_audit(AuditEntry(dt.datetime(2025, 2, 20, 9), "clerk", "probe", None, {}))
        server.psql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE application_name = 'DST Desktop' AND datname = '{parse_postgres_url(url).dbname}'"
        )
        tx.add_audit(AuditEntry(dt.datetime(2025, 2, 20, 9), "clerk", "probe", None, {}))

    assert database_dump(url) == before
    assert workflows.booking.create_session_booking(booking_request()).success


def test_the_command_line_says_why_in_one_line_and_exits_1(server: PostgresServer) -> None:
    out, err = io.StringIO(), io.StringIO()
    bad = server.url("postgres", user="clerk", password="not-" + PASSWORD)
    code = main(["--database", bad, "call", "getSuggestedDates", "occitanie"], out, err)

    assert code == 1
    assert out.getvalue() == ""
    assert err.getvalue() == (
        f"dst-desktop: error: Cannot use the database postgres on the server "
        f"127.0.0.1:{server.port}: the server refused the password of clerk.\n"
    )
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("postgresql://clerk:pw@127.0.0.1/d%00st", "database name"),
        ("postgresql://cl%0Aerk:pw@127.0.0.1/dst", "user name"),
        ("postgresql://clerk:se%00cret-pw@127.0.0.1/dst", "password"),
        (
            "postgresql://clerk:pw@127.0.0.1/dst?application_name=x%00y",
            "parameter application_name",
        ),
    ],
)
def test_an_escaped_control_character_in_the_url_is_refused_by_name(url: str, part: str) -> None:
    """libpq would cut a setting short at a NUL and try another server or database."""
    out, err = io.StringIO(), io.StringIO()

    assert main(["--database", url, "call", "getBookingStatus", "x"], out, err) == 1

    assert err.getvalue().startswith(
        f"dst-desktop: error: the {part} in the database URL contains control characters"
    )
    assert "cret-pw" not in err.getvalue()


_LISTENER_PROBE = """
import select, sys, time
from dst_desktop.domain.errors import ConnectionFailedError
from dst_desktop.persistence.backends.postgresql import PostgresBackend

source = PostgresBackend(sys.argv[1]).change_source(None)
source.open()
print("listening", flush=True)
sys.stdin.readline()  # the network goes away now
gone = time.monotonic()
while time.monotonic() - gone < 60:
    readable, _, _ = select.select([source.fileno()], [], [], 0.1)
    if readable:
        try:
            source.read()
        except ConnectionFailedError:
            print(f"lost {time.monotonic() - gone:.1f}", flush=True)
            break
else:
    print("never noticed", flush=True)
"""


@pytest.fixture
def network_namespace(
    server: PostgresServer, url: str
) -> Iterator[tuple[str, str, Callable[[bool], None]]]:
    """A network namespace joined to this one by a virtual cable that can be unplugged:
    packets then vanish without an answer, as when Wi-Fi or a VPN goes away (a stopped
    server, by contrast, answers with a reset). Yields the namespace, a URL of the server
    as seen from it, and the plug."""
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.skip("a silent network needs root and iproute2 (ip netns)")
    tag = f"{os.getpid() % 100_000}"
    namespace, host_end, far_end = f"dstt{tag}", f"dsth{tag}", f"dstf{tag}"
    net = f"10.{200 + os.getpid() % 50}.{os.getpid() % 250}"

    def ip(*args: str) -> None:
        subprocess.run(["ip", *args], check=True, capture_output=True, timeout=30)

    try:
        ip("netns", "add", namespace)
    except subprocess.CalledProcessError as error:
        pytest.skip(f"no network namespaces here: {error.stderr.decode().strip()}")
    try:
        ip("link", "add", host_end, "type", "veth", "peer", "name", far_end)
        ip("link", "set", far_end, "netns", namespace)
        ip("addr", "add", f"{net}.1/24", "dev", host_end)
        ip("link", "set", host_end, "up")
        ip("netns", "exec", namespace, "ip", "addr", "add", f"{net}.2/24", "dev", far_end)
        ip("netns", "exec", namespace, "ip", "link", "set", far_end, "up")
        # The server listens on 127.0.0.1 only: a forwarder on the cable's end reaches it.
        listener = socket.create_server((f"{net}.1", 0))
        port = listener.getsockname()[1]

        def pump(source: socket.socket, target: socket.socket) -> None:
            with contextlib.suppress(OSError):
                while data := source.recv(65536):
                    target.sendall(data)

        def forward() -> None:
            with contextlib.suppress(OSError):
                while True:
                    client, _ = listener.accept()
                    upstream = socket.create_connection(("127.0.0.1", server.port))
                    for ends in ((client, upstream), (upstream, client)):
                        threading.Thread(target=pump, args=ends, daemon=True).start()

        threading.Thread(target=forward, daemon=True).start()

        def plug(connected: bool) -> None:
            ip("link", "set", host_end, "up" if connected else "down")

        database = url.rsplit("/", 1)[1]
        far_url = f"postgresql://clerk:{PASSWORD}@{net}.1:{port}/{database}"
        yield namespace, far_url, plug
        listener.close()
    finally:
        subprocess.run(["ip", "link", "del", host_end], capture_output=True, timeout=30)
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True, timeout=30)


def test_a_listening_window_notices_a_silent_network_within_10_seconds(
    network_namespace: tuple[str, str, Callable[[bool], None]],
) -> None:
    """SPEC 11: a window goes offline within 10 s of the server going away — also when the
    network just stops answering, which only the listening connection's keepalives see."""
    namespace, url, plug = network_namespace
    with subprocess.Popen(
        ["ip", "netns", "exec", namespace, sys.executable, "-c", _LISTENER_PROBE, url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    ) as probe:
        assert probe.stdout is not None and probe.stdin is not None
        try:
            assert probe.stdout.readline() == "listening\n"
            time.sleep(3)  # idle, as a window mostly is
            plug(False)
            probe.stdin.write("\n")
            probe.stdin.flush()
            answer = probe.stdout.readline().split()
        finally:
            plug(True)
            probe.kill()
    assert answer[0] == "lost", answer
    assert float(answer[1]) <= 10.0, answer
