"""The calm look of the window: one palette, one style sheet, the colours of tones."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from dst_desktop.presenters.calendar import DayLevel
from dst_desktop.presenters.messages import Tone

ACCENT = QColor("#2c5282")
WINDOW = QColor("#f4f6f9")
BASE = QColor("#ffffff")
TEXT = QColor("#1f2933")
MUTED = QColor("#616e7c")
#: Margins inside the window's panes (left, top, right, bottom), within the group's frame.
PANE_MARGINS = (8, 4, 8, 6)

#: Text colour of each tone (readable on white).
TONE_TEXT: dict[Tone, QColor] = {
    Tone.GOOD: QColor("#276749"),
    Tone.ATTENTION: QColor("#975a16"),
    Tone.BAD: QColor("#c53030"),
    Tone.NEUTRAL: QColor("#3e4c59"),
}
#: Background of a panel in each tone.
TONE_BACKGROUND: dict[Tone, QColor] = {
    Tone.GOOD: QColor("#e6f4ea"),
    Tone.ATTENTION: QColor("#fdf3dc"),
    Tone.BAD: QColor("#fdecec"),
    Tone.NEUTRAL: QColor("#eef1f5"),
}
#: Background and text of calendar days, by how many setups are still free.
DAY_COLOURS: dict[DayLevel, tuple[QColor, QColor]] = {
    DayLevel.SEVERAL: (QColor("#d8f0df"), QColor("#1c5535")),
    DayLevel.ONE: (QColor("#fbe7b5"), QColor("#7a4a0b")),
    DayLevel.NONE: (QColor("#f8d4d4"), QColor("#9b1c1c")),
    DayLevel.PAST: (QColor("#eceff3"), QColor("#9aa5b1")),
}

STYLE_SHEET = """
QMainWindow, QDialog { background: #f4f6f9; }
QGroupBox {
    background: #ffffff;
    border: 1px solid #d9dee5;
    border-radius: 6px;
    margin-top: 14px;
    padding: 6px 4px 4px 4px;
    font-weight: 600;
}
QGroupBox::title {
    subcontrol-origin: margin;
    subcontrol-position: top left;
    left: 10px;
    padding: 0 4px;
    color: #2c5282;
}
QGroupBox > QWidget { font-weight: normal; }
#requestLabel { font-size: 11pt; font-weight: 600; color: #1f2933; }
QLabel#capacityLabel, #countLabel, QLabel#hintLabel { color: #616e7c; }
QLabel#dialogTitle { font-size: 13pt; font-weight: 600; color: #1f2933; }
QFrame#availabilityPanel { border-radius: 6px; border: 1px solid #d9dee5; }
QLineEdit[invalid="true"] { border: 1px solid #c53030; background: #fdecec; }
QPushButton {
    padding: 5px 14px;
    border: 1px solid #b8c2cc;
    border-radius: 4px;
    background: #ffffff;
    min-height: 20px;
}
QPushButton:hover { background: #eef3f9; }
QPushButton:pressed { background: #dde6f0; }
QPushButton:disabled { color: #9aa5b1; background: #f4f6f9; border-color: #d9dee5; }
QPushButton[primary="true"] {
    background: #2c5282; color: #ffffff; border-color: #2c5282; font-weight: 600;
}
QPushButton[primary="true"]:hover { background: #2a4365; }
QPushButton[primary="true"]:disabled { background: #a3b3c7; border-color: #a3b3c7; color: #f4f6f9; }
QPushButton[destructive="true"] { color: #c53030; }
QPushButton[destructive="true"]:disabled { color: #d8a3a3; }
QPushButton[suggestion="true"] {
    padding: 3px 8px; border-radius: 11px; border-color: #2c5282; color: #2c5282;
}
QPushButton:focus { border: 2px solid #2c5282; padding: 4px 13px; }
QPushButton[primary="true"]:focus { border: 2px solid #10243f; }
QPushButton[suggestion="true"]:focus { padding: 2px 7px; background: #e8f0fa; }
QToolButton:focus { border: 2px solid #2c5282; border-radius: 4px; }
QTableView, QTreeView, QListView, QListWidget {
    background: #ffffff;
    alternate-background-color: #f7f9fb;
    border: 1px solid #d9dee5;
    selection-background-color: #c3dafe;
    selection-color: #1f2933;
    gridline-color: #e4e7eb;
}
QTableView:focus, QTreeView:focus, QListView:focus, QListWidget:focus,
QTextBrowser:focus, QPlainTextEdit:focus { border: 1px solid #2c5282; }
QTreeView#moduleList::item { padding: 4px 2px; }
QTreeView#auditTrail::item { padding: 3px 2px; }
QCalendarWidget QWidget#qt_calendar_navigationbar {
    background: #eef1f5; border-bottom: 1px solid #d9dee5;
}
QCalendarWidget QToolButton {
    color: #1f2933; font-weight: 600; padding: 4px 8px; background: transparent;
}
QCalendarWidget QToolButton:hover { background: #dde6f0; border-radius: 4px; }
QHeaderView::section {
    background: #eef1f5;
    border: none;
    border-right: 1px solid #d9dee5;
    border-bottom: 1px solid #d9dee5;
    padding: 4px 6px;
    font-weight: 600;
    color: #3e4c59;
}
QTabWidget::pane { border: 1px solid #d9dee5; border-radius: 4px; background: #ffffff; top: -1px; }
QTabBar::tab {
    padding: 6px 16px; border: 1px solid #d9dee5; border-bottom: none;
    border-top-left-radius: 4px; border-top-right-radius: 4px; background: #eef1f5;
    margin-right: 2px;
}
QTabBar::tab:selected { background: #ffffff; color: #2c5282; font-weight: 600; }
QStatusBar { background: #eef1f5; color: #3e4c59; }
QStatusBar QLabel { padding: 0 8px; }
QToolBar { background: #ffffff; border-bottom: 1px solid #d9dee5; spacing: 6px; padding: 3px; }
QSplitter::handle { background: transparent; }
"""


class FocusRingStyle(QProxyStyle):
    """Fusion, with a focus ring anyone can see on the controls Fusion marks faintly.

    Fusion shows the focus of a combo box, a spin box, a check box or a tab only as a
    thin line in the highlight colour, and only after a key was pressed; a keyboard user
    loses track of it. This style draws a ring in the accent colour around them.
    """

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if (
            control
            in (
                QStyle.ComplexControl.CC_ComboBox,
                QStyle.ComplexControl.CC_SpinBox,
            )
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            _ring(painter, option.rect.adjusted(0, 0, -1, -1))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        # Item views show their focus by their frame; a ring around one cell would not help.
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and not isinstance(
            widget, QAbstractItemView
        ):
            _ring(painter, option.rect.adjusted(0, 0, -1, -1))
            return
        super().drawPrimitive(element, option, painter, widget)


def _ring(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ACCENT, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 3, 3)
    painter.restore()


def apply_theme(app: QApplication) -> None:
    """Fusion with a light palette: the same calm look on every platform."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(FocusRingStyle(fusion))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, WINDOW)
    palette.setColor(QPalette.ColorRole.Base, BASE)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, TEXT)
    palette.setColor(QPalette.ColorRole.WindowText, TEXT)
    palette.setColor(QPalette.ColorRole.ButtonText, TEXT)
    palette.setColor(QPalette.ColorRole.Button, BASE)
    # The highlight also draws the focus frame of fields, check boxes and tabs: strong
    # enough to see where the keyboard is.
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.HighlightedText, BASE)
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, TEXT)
    palette.setColor(QPalette.ColorRole.PlaceholderText, MUTED)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa5b1"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
