"""Text shown as typed: labels, message boxes and tooltips that never read it as HTML,
and in which no bidirectional control or invisible character can reorder or hide what is
shown (``visible_text``).

Qt guesses whether a string is rich text (``Qt.TextFormat.AutoText``): a client named
``<b>ACME</b>`` would be shown in bold, and a stray ``<`` can swallow the rest of a
message. Everything that may hold names, notes or other typed text goes through here.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from dst_desktop.domain.names import visible_text


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally."""
    label = QLabel(visible_text(text), parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    parent: QWidget | None,
    informative: str = "",
) -> QMessageBox:
    """A message box whose text and informative text are shown literally."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(visible_text(text))
    if informative:
        box.setInformativeText(visible_text(informative))
        # The informative text has no format of its own; its label follows the box's.
        for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
    """``QMessageBox.information`` / ``warning`` / ``critical``, with plain text."""
    box = message_box(icon, title, text, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def literal_text(text: str) -> str:
    """``text`` for a place that guesses its format (a tooltip, a static message box
    function): unchanged when Qt would show it as plain text anyway, else escaped HTML."""
    text = visible_text(text)
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
