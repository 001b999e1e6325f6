"""A one-line label that keeps its height whatever its text: what does not fit ends in "…",
and the whole text is in its tooltip and its accessible description."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from dst_desktop.ui.plain_text import literal_text


class ElidedLabel(QFrame):
    """A status line (a booking just created, the outcome of a confirmation).

    Unlike a word-wrapped ``QLabel`` its size never depends on its text, so a long message
    cannot push the panes around or make the window grow.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.setToolTip(literal_text(text) if self.is_elided() or "\n" in text else "")
        self.setAccessibleName(text)
        self.updateGeometry()  # a longer text may take more of the row
        self.update()

    def is_elided(self) -> bool:
        """Whether the text is longer than the label shows."""
        return self.fontMetrics().horizontalAdvance(self._text) > self.contentsRect().width()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 4, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setToolTip(literal_text(self._text) if self.is_elided() else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            " ".join(self._text.split()), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )
