"""Names and descriptions for screen readers and other assistive tools."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def describe(widget: QWidget, name: str, description: str) -> None:
    """What ``widget`` is called and what it is for, as a screen reader says it."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def describe_buttons(box: QDialogButtonBox) -> None:
    """Tooltips, read as descriptions, for a dialog's standard buttons."""
    texts = {
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate(
            "Accessible", "Close this window (Esc)"
        ),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate(
            "Accessible", "Close without changing anything (Esc)"
        ),
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate(
            "Accessible", "Apply and close (Enter)"
        ),
    }
    for standard, text in texts.items():
        button = box.button(standard)
        if button is not None:
            button.setToolTip(text)
