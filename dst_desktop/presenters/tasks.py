"""Long work (imports, the demo data set) runs away from the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from dst_desktop.services.store import Store

T = TypeVar("T")


class TaskRunner(Protocol):
    def run(self, title: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        """Run ``work`` in a worker thread behind a progress dialog.

        ``on_done`` receives its result in the window's thread. An exception raised by
        ``work`` is reported to the user as an error, and ``on_done`` is not called.
        """

    def run_quietly(self, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        """Like :meth:`run`, without a progress dialog: reading what changed elsewhere
        while the user goes on working. Never keeps the window from closing."""


def closing_connection(store: Store, work: Callable[[], T]) -> Callable[[], T]:
    """``work``, then close the database connection the worker thread opened for it.

    Peewee opens one connection per thread; a worker that does not close its own leaves
    it open for as long as the thread pool keeps the thread.
    """

    def run() -> T:
        try:
            return work()
        finally:
            store.close()

    return run
