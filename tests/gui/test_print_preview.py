"""The print preview as a user meets it: large enough to read, and a PDF export that
says where the file went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.presenters.print_documents import PrintDocuments
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import printing
from tests.unit.presenters.conftest import create_confirmed


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_preview_opens_large_with_the_page_as_wide_as_the_window(
    qtbot: QtBot, workflows: Workflows, parent: QWidget
) -> None:
    session = create_confirmed(workflows)
    document = PrintDocuments(workflows, "en").booking_summary(session.id)

    dialog = printing.preview_dialog(parent, document)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    room = parent.screen().availableGeometry()
    assert dialog.height() >= room.height() * 0.85
    assert dialog.width() >= min(printing.PREVIEW_WIDTH, room.width() * 0.85)
    view = dialog.findChild(QPrintPreviewWidget)
    assert view is not None
    assert view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    qtbot.waitUntil(lambda: view.zoomFactor() > 0.7)  # was 38.8 % in a small window


def test_a_pdf_export_says_where_the_file_went_and_offers_to_open_it(
    qtbot: QtBot,
    workflows: Workflows,
    parent: QWidget,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    session = create_confirmed(workflows)
    document = PrintDocuments(workflows, "en").booking_summary(session.id)
    assert document.file_name == "booking-summary-acme-2025-03-10.pdf"
    offered: list[str] = []

    def choose_file(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(Path(start).name)
        return str(tmp_path / Path(start).name), filters

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", choose_file)
    monkeypatch.setattr(printing, "_last_pdf_folder", [])
    dialog = printing.preview_dialog(parent, document)
    qtbot.addWidget(dialog)
    dialog.show()
    export = dialog.findChild(QAction, "exportPdfAction")
    assert export is not None
    assert export.toolTip() == "Save this document as a PDF file (Ctrl+S)"

    export.trigger()

    assert offered == ["booking-summary-acme-2025-03-10.pdf"]
    written = tmp_path / "booking-summary-acme-2025-03-10.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    message = dialog.findChild(QMessageBox, "pdfWrittenMessage")
    assert message is not None and message.isVisible()
    assert message.text() == f"The PDF was saved as {written}."
    assert "Open the PDF" in [button.text() for button in message.buttons()]
