"""A banner across the top of the main window: an icon, a bold title and a line of text.

The event database and the offline mode each show one; they differ in texts and colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dst_desktop.ui.icons import icon


class Banner(QFrame):
    """The banner's frame; ``name`` is its object name, and its labels' prefix."""

    def __init__(self, name: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 14, 8)
        layout.setSpacing(12)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon(icon_name).pixmap(28, 28))
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        #: The title, then the text, one under the other (a subclass may add lines).
        self.texts = QVBoxLayout()
        self.texts.setSpacing(2)
        self.title_label = self.add_line(f"{name}Title")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.text_label = self.add_line(f"{name}Text")
        layout.addLayout(self.texts, 1)
        self.setVisible(False)

    def add_line(self, name: str) -> QLabel:
        """A line of plain text under the others (word-wrapped)."""
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.texts.addWidget(label)
        return label

    def paint(self, background: str, border: str, text: str, extra_style: str = "") -> None:
        """The banner's colours: a tinted background, a thicker border on the left."""
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {background}; border: 1px solid "
            f"{border}; border-left: 4px solid {border}; border-radius: 6px; }}"
            f" QLabel {{ color: {text}; background: transparent; border: none; }}"
            f" {extra_style}"
        )
