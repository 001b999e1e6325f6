"""Python's cyclic garbage collection, run on the window's thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a
threshold is crossed — often a worker of the task runner. If the garbage it finds holds
a Qt widget (a closed dialog caught in a reference cycle), the widget's C++ destructor
then runs outside the GUI thread and the process dies with a segmentation fault. So the
automatic collector is switched off and the same thresholds are checked from a timer on
the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the thresholds are checked. Cheap (three integer comparisons).
CHECK_INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    """Collects the generations whose thresholds were crossed, from the GUI thread."""

    def __init__(self, parent: QObject, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.destroyed.connect(_restore_automatic_collection)

    def stop(self) -> None:
        """Back to automatic collection (for a process that goes on without Qt's loop)."""
        self._timer.stop()
        gc.enable()
        self.setParent(None)
        self.deleteLater()

    def check(self) -> None:
        """Collect the oldest generation whose threshold the allocations crossed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def _restore_automatic_collection(_object: QObject | None = None) -> None:
    gc.enable()


def collect_on_gui_thread(app: QObject) -> MainThreadGarbageCollector:
    """Install the collector for the application's lifetime (once)."""
    existing = app.findChild(MainThreadGarbageCollector)
    if isinstance(existing, MainThreadGarbageCollector):
        return existing
    return MainThreadGarbageCollector(app)
