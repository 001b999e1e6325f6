"""The offline banner: across the top of the window while the team's server is away."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.offline import OfflineBanner
from dst_desktop.ui.banner import BannerFrame
from dst_desktop.ui.theme import TONE_BACKGROUND, TONE_TEXT


class OfflineBannerWidget(BannerFrame):
    """Says since when the server is away and how old the copy the window works on is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("offlineBanner", parent)
        self.setAccessibleName(self.tr("Offline"))
        self.title_label.setText(self.tr("Working offline"))
        attention = TONE_TEXT[Tone.ATTENTION].name()
        self.set_colours(TONE_BACKGROUND[Tone.ATTENTION].name(), attention, attention)

    def show_banner(self, banner: OfflineBanner | None) -> None:
        if banner is None:
            self.setVisible(False)
            return
        self.text_label.setText(banner.text)
        self.setToolTip(banner.tooltip)
        self.setVisible(True)
