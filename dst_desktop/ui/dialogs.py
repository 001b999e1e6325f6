"""The presenters' modal questions (:class:`~dst_desktop.presenters.dialogs.Dialogs`) as
real message boxes and file dialogs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.dialogs import FirstStartChoice


class ReportDialog(QDialog):
    """A summary and one line per outcome, readable and copyable."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, lines: Sequence[str]):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        self.resize(620, 360)
        layout = QVBoxLayout(self)
        heading = QLabel(summary)
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.lines = QListWidget()
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        self.lines.addItems(list(lines))
        self.lines.setVisible(bool(lines))
        layout.addWidget(self.lines, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class QtDialogs(QObject):
    """Message boxes parented to the window, in the interface language."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is accept

    def ask_text(self, title: str, label: str) -> str | None:
        text, accepted = QInputDialog.getText(
            self._parent, title, label, QLineEdit.EchoMode.Normal, ""
        )
        return text if accepted else None

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        ReportDialog(self._parent, title, summary, lines).exec()

    def choose_first_start(self) -> FirstStartChoice:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Welcome to DST Desktop"),
            self.tr("This database is empty."),
            parent=self._parent,
        )
        box.setInformativeText(
            self.tr(
                "Load the demo data to try DST Desktop with regions, setups, operators and "
                "bookings around today, or import your own reference data file."
            )
        )
        demo = box.addButton(self.tr("Load the demo data"), QMessageBox.ButtonRole.AcceptRole)
        imported = box.addButton(
            self.tr("Import a reference file…"), QMessageBox.ButtonRole.ActionRole
        )
        empty = box.addButton(self.tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(demo)
        box.setEscapeButton(empty)
        box.exec()
        clicked = box.clickedButton()
        if clicked is demo:
            return FirstStartChoice.DEMO
        if clicked is imported:
            return FirstStartChoice.IMPORT
        return FirstStartChoice.EMPTY

    def choose_reference_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import reference data"),
            "",
            self.tr("Reference data (*.json);;All files (*)"),
        )
        return path or None
