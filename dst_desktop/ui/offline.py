"""The offline banner: across the top of the window while the team's server is away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.offline import OfflineBanner
from dst_desktop.ui.icons import icon
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT


class OfflineBannerWidget(QFrame):
    """Says since when the server is away and how old the copy the window works on is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setAccessibleName(self.tr("Offline"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 14, 8)
        layout.setSpacing(12)
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon("event").pixmap(28, 28))
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title_label = QLabel(self.tr("Working offline"))
        self.title_label.setObjectName("offlineBannerTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title_label.setFont(font)
        texts.addWidget(self.title_label)
        self.text_label = QLabel()
        self.text_label.setObjectName("offlineBannerText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        texts.addWidget(self.text_label)
        layout.addLayout(texts, 1)
        background = TONE_BACKGROUND[Tone.ATTENTION].name()
        border = text = TONE_TEXT[Tone.ATTENTION].name()
        self.setStyleSheet(
            f"QFrame#offlineBanner {{ background: {background}; border: 1px solid {border};"
            f" border-left: 4px solid {border}; border-radius: 6px; }}"
            f" QLabel {{ color: {text}; background: transparent; border: none; }}"
        )
        self.setVisible(False)

    def show_banner(self, banner: OfflineBanner | None) -> None:
        if banner is None:
            self.setVisible(False)
            return
        self.text_label.setText(banner.text)
        self.setToolTip(banner.tooltip)
        self.setVisible(True)
