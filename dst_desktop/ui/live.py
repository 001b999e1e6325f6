"""Following colleagues' changes: the Qt side of SPEC 9.

A :class:`ChangeFollower` watches a change source for one window. A server's source has a
socket: a ``QSocketNotifier`` wakes the GUI thread when the server pushes a notification
(no thread, no busy loop: an idle window costs nothing). A SQLite file's source has none:
a ``QTimer`` asks it twice a second (one ``PRAGMA data_version``, a few microseconds).
Connecting — which may wait for a server up to its connect timeout — happens on a
background thread; when the connection breaks, the follower says so and tries again, and
once back, the window reads everything again (changes were missed meanwhile).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from dst_desktop.domain.changes import Change, ChangeSource
from dst_desktop.domain.errors import ServerSilentError, StorageError

#: How often a source without a socket (a SQLite file) is asked, in milliseconds.
POLL_MS = 500
#: Waits before trying again to connect, in seconds; the last one repeats.
RETRY_S = (1, 2, 5)


class ChangeFollower(QObject):
    """Feeds one window's presenter with what other programs change."""

    #: From the connecting thread to the GUI thread: None, or the reason it failed.
    _opened = Signal(object)

    def __init__(
        self,
        source: ChangeSource,
        on_changes: Callable[[Sequence[Change]], None],
        on_paused: Callable[[str, dt.datetime, bool], None],
        on_resumed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._on_changes = on_changes
        self._on_paused = on_paused
        self._on_resumed = on_resumed
        self._notifier: QSocketNotifier | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._read)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        self._failures = 0
        self._lost = False
        self._stopped = False
        self._opening = False
        self._opened.connect(self._on_opened)

    @property
    def following(self) -> bool:
        """Whether changes are being followed right now (connected)."""
        return self._notifier is not None or self._poll.isActive()

    def start(self) -> None:
        self._stopped = False
        self._open()

    def stop(self) -> None:
        """Stop following and close the source (the window is closing)."""
        self._stopped = True
        self._retry.stop()
        self._quiet()
        if not self._opening:
            with suppress(Exception):  # called from closeEvent: nothing may escape
                self._source.close()

    # -- connecting ------------------------------------------------------------------------

    def _open(self) -> None:
        if self._stopped or self._opening:
            return
        self._opening = True
        threading.Thread(target=self._open_in_background, daemon=True, name="changes").start()

    def _open_in_background(self) -> None:
        failure: str | None = None
        try:
            self._source.open()
        except StorageError as error:
            failure = str(error)
        except Exception as error:  # never let a connecting thread die silently
            failure = f"{type(error).__name__}: {error}"
        if self._stopped:
            self._source.close()  # the window closed meanwhile
            return
        try:
            self._opened.emit(failure)
        except RuntimeError:  # the window was deleted meanwhile
            self._source.close()

    def _on_opened(self, failure: str | None) -> None:
        self._opening = False
        if self._stopped:
            self._source.close()
            return
        if failure is not None:
            self._lose(failure)
            return
        self._failures = 0
        descriptor = self._source.fileno()
        if descriptor is None:
            self._poll.start()
        else:
            self._notifier = QSocketNotifier(descriptor, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._read)
        if self._lost:
            self._lost = False
            self._on_resumed()

    # -- reading ---------------------------------------------------------------------------

    def _read(self) -> None:
        try:
            changes = self._source.read()
        except StorageError as error:
            self._quiet()
            # A server silent for seconds already: trying again first would only make the
            # user wait a connect timeout more before the window works on its copy.
            self._lose(str(error), silent=isinstance(error, ServerSilentError))
            return
        if changes:
            self._on_changes(changes)

    def _lose(self, reason: str, *, silent: bool = False) -> None:
        self._lost = True
        self._on_paused(reason, dt.datetime.now(), silent)
        delay = RETRY_S[min(self._failures, len(RETRY_S) - 1)]
        self._failures += 1
        self._retry.start(delay * 1000)

    def _quiet(self) -> None:
        self._poll.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
