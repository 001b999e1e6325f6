"""When the server is away (SPEC 11): a workstation's offline copy of the team's database.

While connected, a workstation keeps a local copy of what an event snapshot holds
(reference data, clients, the allocations of the coming months) — made with the event
exchange itself: a snapshot of the server imported into a local SQLite file, marked as an
offline copy. When the server cannot be reached, the window works on that copy: requests
are taken there (source ``offline``), confirmation and mission steps wait. When the
server is back, the requests are sent with the same all-or-nothing, idempotent path as
``import-bookings``, and the sent ones leave the copy. Nothing is ever sent twice (an
import skips what it holds) and nothing typed offline is lost: the copy is a database
file, and every bundle sent is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dst_desktop.domain.changes import ChangeSource
from dst_desktop.domain.errors import ConnectionFailedError, LoginRefusedError
from dst_desktop.domain.model import Session, SessionFilter
from dst_desktop.domain.permissions import Access
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.services.booking import OFFLINE_COPY_SETTING, SOURCE_OFFLINE
from dst_desktop.services.exchange import BookingsImported, SnapshotImported
from dst_desktop.services.store import Store, StoreTransaction
from dst_desktop.services.workflows import Workflows

#: Months of allocations the copy holds (availability and suggested dates offline).
COPY_MONTHS = 6
#: Bundles sent to the server are kept this long in the copy's folder.
SENT_KEPT_DAYS = 30


@dataclass(frozen=True, slots=True)
class OfflineCopyInfo:
    """What a copy says of itself: whose copy it is and when it was taken."""

    server: str
    taken_at: dt.datetime

    def to_setting(self) -> str:
        return json.dumps(
            {"server": self.server, "takenAt": self.taken_at.isoformat(timespec="seconds")}
        )

    @classmethod
    def from_setting(cls, value: str) -> OfflineCopyInfo | None:
        try:
            data = json.loads(value)
            return cls(str(data["server"]), dt.datetime.fromisoformat(str(data["takenAt"])))
        except (ValueError, KeyError, TypeError):
            return None


def copy_info(workflows: Workflows) -> OfflineCopyInfo | None:
    """The offline copy ``workflows`` work on, or None for any other database."""
    with workflows.store.reading() as tx:
        value = tx.setting(OFFLINE_COPY_SETTING)
    return OfflineCopyInfo.from_setting(value) if value else None


def waiting_requests(workflows: Workflows) -> list[Session]:
    """Requests taken on the copy and not sent yet, oldest first."""
    return [
        session
        for session in workflows.queries.sessions(
            SessionFilter(statuses=frozenset({SessionStatus.PENDING_CONFIRMATION}))
        )
        if session.booking_source == SOURCE_OFFLINE
    ]


class OfflineCopy:
    """Refreshing a copy from its server, and sending back what was taken on it."""

    def __init__(self, copy: Workflows, folder: Path) -> None:
        self.copy = copy
        self._folder = folder

    def refresh_from(self, server: Workflows, months: int = COPY_MONTHS) -> SnapshotImported | None:
        """Replace the copy's data by the server's, keeping the requests not sent yet;
        None while the server holds no reference data yet (a new team database): a copy
        of it could take no booking, and the copy is made once there is some.

        Reads the server in one transaction and writes the copy in one: a failure on
        either side leaves the copy as it was.
        """
        with server.store.reading() as tx:
            if not tx.regions():
                return None
        with self._bundle("snapshot") as path:
            server.exchange.export_snapshot(path, months, for_offline_copy=True)
            imported = self.copy.exchange.import_snapshot(path)
        info = OfflineCopyInfo(server.store.description, server.clock.now())
        with self.copy.store.writing() as tx:
            tx.set_setting(OFFLINE_COPY_SETTING, info.to_setting())
        return imported

    def send_to(self, server: Workflows) -> BookingsImported | None:
        """Send the waiting requests; None when there were none.

        The bundle is written to the copy's folder and kept (``sent/``); the server's
        import is one transaction, and skips what it holds already, so a send interrupted
        anywhere is simply done again. Requests the server answered for leave the copy.
        """
        if not waiting_requests(self.copy):
            return None
        sent = self._folder / "sent"
        sent.mkdir(parents=True, exist_ok=True)
        stamp = self.copy.clock.now().strftime("%Y%m%d-%H%M%S")
        path = sent / f"offline-requests-{stamp}-{secrets.token_hex(4)}.json"  # never reused
        self.copy.exchange.export_bookings(path)
        report = server.exchange.import_bookings(path, offline_requests=True)
        answered = {
            *report.imported,
            *report.already_present,
            *(str(item.get("sessionId", "")) for item in report.rejected),
        }
        with self.copy.store.writing() as tx:
            for session_id in sorted(answered):
                tx.delete_session(session_id)
        self._forget_old_bundles(sent)
        return report

    @contextmanager
    def _bundle(self, kind: str) -> Iterator[Path]:
        self._folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f"{kind}-", dir=self._folder) as folder:
            yield Path(folder) / f"{kind}.json"

    def _forget_old_bundles(self, sent: Path) -> None:
        limit = self.copy.clock.now().timestamp() - SENT_KEPT_DAYS * 86_400
        for bundle in sent.glob("offline-requests-*.json"):
            try:
                if bundle.stat().st_mtime < limit:
                    bundle.unlink()
            except OSError:
                continue


class FallbackStore:
    """The store of a window on a team's server: the server while it can be reached, the
    offline copy while it cannot (the seed's "fallback to a local store if DB
    unavailable"). The workflows built on it never ask which one they use."""

    def __init__(
        self,
        copy: Store,
        server: Store | None,
        server_description: str,
        server_changes: Callable[[], ChangeSource],
    ) -> None:
        self.copy = copy
        self.server = server
        self._server_description = server_description
        self._server_changes = server_changes
        self._server_access: Access | None = None

    @property
    def online(self) -> bool:
        return self.server is not None

    @property
    def current(self) -> Store:
        return self.server if self.server is not None else self.copy

    def go_offline(self) -> None:
        if self.server is not None:
            self.server.close()
        self.server = None

    def go_online(self, server: Store) -> None:
        self.server = server

    # -- Store -----------------------------------------------------------------------------

    def reading(self) -> AbstractContextManager[StoreTransaction]:
        return self.current.reading()

    def writing(self) -> AbstractContextManager[StoreTransaction]:
        return self.current.writing()

    def close(self) -> None:
        self.copy.close()
        if self.server is not None:
            self.server.close()

    def access(self) -> Access:
        """Who the login is on the server (the copy is this workstation's own file, where
        everything is allowed; what the server will refuse is refused offline too)."""
        if self.server is not None:
            self._server_access = self.server.access()
        return self._server_access or self.copy.access()

    def change_source(self, *, include_own: bool = False) -> ChangeSource:
        """Always the server's: offline, its return is what the window waits for."""
        if self.server is not None:
            return self.server.change_source(include_own=include_own)
        return self._server_changes()

    @property
    def description(self) -> str:
        return self._server_description

    def counting_statements(self) -> AbstractContextManager[list[str]]:
        """The statements the store in use sends while the block runs (diagnostics)."""
        current: Any = self.current
        counting: AbstractContextManager[list[str]] = current.counting_statements()
        return counting


def server_unreachable(error: BaseException) -> bool:
    """Whether ``error`` means the server is away (rather than refused something): a
    wrong password or an unknown login is said as such, never hidden behind the copy."""
    return isinstance(error, ConnectionFailedError) and not isinstance(error, LoginRefusedError)


class OfflineSupport:
    """What a window on a team's server needs to work on without it: the switchable
    store, the copy's own workflows, and how to reach the server again.

    Every method that talks to the server blocks (up to the connect timeout): the window
    calls them on a worker thread.
    """

    def __init__(
        self,
        store: FallbackStore,
        copy: Workflows,
        folder: Path,
        open_server: Callable[[], Store],
        workflows_on: Callable[[Store], Workflows],
    ) -> None:
        self.store = store
        self.copy = OfflineCopy(copy, folder)
        self._open_server = open_server
        #: Workflows on a given store (the server's, once reached again).
        self.workflows_on = workflows_on

    @property
    def online(self) -> bool:
        return self.store.online

    def info(self) -> OfflineCopyInfo | None:
        return copy_info(self.copy.copy)

    def waiting(self) -> list[Session]:
        return waiting_requests(self.copy.copy)

    def refresh_copy(self) -> SnapshotImported | None:
        """Refresh the copy from the server (None when offline)."""
        server = self.store.server
        if server is None:
            return None
        return self.copy.refresh_from(self.workflows_on(server))

    def reconnect(self) -> tuple[Store, BookingsImported | None]:
        """Connect to the server again and send the requests taken meanwhile; the caller
        then switches with :meth:`go_online`. Raises the connection's error if the server
        is still away."""
        server = self._open_server()
        try:
            report = self.copy.send_to(self.workflows_on(server))
        except BaseException:
            server.close()
            raise
        return server, report

    def go_online(self, server: Store) -> None:
        self.store.go_online(server)

    def go_offline(self) -> None:
        self.store.go_offline()
