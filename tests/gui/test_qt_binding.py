"""The Qt binding keeps Python's None, True and False alive across calls.

PySide6 6.12.0 drops one reference to the returned None or bool on every call of a
void or bool Qt method. On Python 3.11, where those objects are mortal, a few thousand
calls abort the whole window ("none_dealloc"); pyproject.toml keeps that version out.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_and_bool_qt_calls_keep_the_singletons_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(CALLS):
        widget.setEnabled(True)  # returns None
        widget.isEnabled()  # returns True
    # Other threads and the garbage collector move the counts a little, never by CALLS.
    assert sys.getrefcount(None) > none_before - CALLS // 2
    assert sys.getrefcount(True) > true_before - CALLS // 2
