"""Long work in a worker thread, behind a progress dialog (the presenters' TaskRunner)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Job(QObject):
    """One piece of work: created in the window's thread, so its slots run there."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: QtTaskRunner,
        progress: QProgressDialog | None,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._progress = progress
        self._work = work
        self._on_done = on_done
        #: Quiet work (no dialog) is not announced by the runner's ``finished``.
        self.quiet = progress is None
        self.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def run_in_worker(self) -> None:
        """Runs in the worker thread: never touches a widget."""
        try:
            result = self._work()
        except Exception as error:
            outcome, value = self.failed, error
        else:
            outcome, value = self.succeeded, result
        with suppress(RuntimeError):  # the window closed meanwhile: nobody waits for it
            outcome.emit(value)

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
        self._runner.forget(self)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        try:
            self._on_done(result)
        finally:
            if not self.quiet:
                self._runner.finished.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._finish()
        try:
            self._runner.report_error(error)
        finally:
            if not self.quiet:
                self._runner.finished.emit()


class QtTaskRunner(QObject):
    """Runs work on the global thread pool; results come back to the window's thread."""

    #: Emitted after a job's result (or error) was handled.
    finished = Signal()

    def __init__(self, parent: QWidget, on_error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_error = on_error
        self._jobs: set[_Job] = set()
        self._quiet_jobs: set[_Job] = set()

    @property
    def busy(self) -> bool:
        """Work the user started is running (quiet reads do not count)."""
        return bool(self._jobs)

    def run(self, title: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        progress = QProgressDialog(title, "", 0, 0, self._parent)
        progress.setWindowTitle(self.tr("Please wait"))
        progress.setMinimumWidth(380)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        job = _Job(self, progress, work, on_done)
        self._jobs.add(job)
        QThreadPool.globalInstance().start(job.run_in_worker)

    def run_quietly(self, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        job = _Job(self, None, work, on_done)
        self._quiet_jobs.add(job)
        QThreadPool.globalInstance().start(job.run_in_worker)

    def forget(self, job: _Job) -> None:
        self._jobs.discard(job)
        self._quiet_jobs.discard(job)
        job.deleteLater()

    def report_error(self, error: BaseException) -> None:
        self._on_error(error)
