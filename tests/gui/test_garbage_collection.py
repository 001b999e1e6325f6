"""Garbage holding Qt objects is collected on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dst_desktop.ui.garbage import collect_on_gui_thread


class _Cycle:
    """A reference cycle that records which thread finally collected it."""

    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.collected_in.append(threading.current_thread().name)


def test_a_worker_allocating_never_collects_and_the_gui_thread_does(
    qapp: QApplication, qtbot: QtBot
) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # installed once
    assert not gc.isenabled()
    _Cycle.collected_in.clear()
    _Cycle()

    def allocate() -> None:  # far past every threshold, in a worker
        _junk = [[index] for index in range(200_000)]
        del _junk

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.collected_in == []

    collector.check()
    gc.collect()  # whatever generation check() chose, the cycle is gone now
    assert _Cycle.collected_in == [threading.main_thread().name]
