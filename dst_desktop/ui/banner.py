"""A banner across the top of the main window: an icon, a bold title and a text, on a
coloured frame (the event database, working offline)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dst_desktop.ui.icons import icon


class BannerFrame(QFrame):
    """Hidden until shown; its labels are named after the frame (``eventBannerTitle``)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 14, 8)
        layout.setSpacing(12)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon("event").pixmap(28, 28))
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        #: The title, the text and whatever a banner adds below them.
        self.texts = QVBoxLayout()
        self.texts.setSpacing(2)
        self.title_label = QLabel()
        self.title_label.setObjectName(f"{name}Title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        self.texts.addWidget(self.title_label)
        self.text_label = QLabel()
        self.text_label.setObjectName(f"{name}Text")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.texts.addWidget(self.text_label)
        layout.addLayout(self.texts, 1)
        self.setVisible(False)

    def set_colours(self, background: str, border: str, text: str, extra_style: str = "") -> None:
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {background}; border: 1px solid {border};"
            f" border-left: 4px solid {border}; border-radius: 6px; }}"
            f" QLabel {{ color: {text}; background: transparent; border: none; }}" + extra_style
        )
