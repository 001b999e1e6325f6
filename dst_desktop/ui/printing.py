"""Printing devices: lay out a :class:`~dst_desktop.reports.PrintDocument` on A4 pages,
paint a footer on every page, and send the pages to a PDF file, a printer or a preview.

For the main window (a ``QApplication`` must exist), :class:`DocumentPrinting` answers
the window's print commands (``print_booking_summary(session_id)``,
``print_day_sheet(day, region_id)``): it opens the print preview, whose toolbar prints
and exports to PDF, and shows a readable message when a document cannot be made::

    printing = DocumentPrinting(window, PrintDocuments(workflows, interface_language()))

The functions underneath, for any other caller::

    preview(parent, document)             # QPrintPreviewDialog (+ Export to PDF button)
    print_document(parent, document)      # QPrintDialog, then prints; True if printed
    export_pdf_dialog(parent, document)   # asks where (QFileDialog), writes; the path or None
    export_pdf(document, path)            # writes the PDF atomically; raises PdfExportError
    render_pdf(document)                  # the PDF as bytes (a QGuiApplication is enough)
    paint_document(document, device)      # onto any QPdfWriter or QPrinter; the page count

``document`` comes from :class:`dst_desktop.presenters.print_documents.PrintDocuments`
(``booking_summary(session_id)`` or ``day_sheet(day, region_id)``). A failed export
raises :class:`PdfExportError` whose message can be shown to the user as it is; it
never leaves a partial file behind.

The footer (what the page belongs to, the print date, "Page X of Y") is painted here,
page by page, because ``QTextDocument`` has no footers of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dst_desktop.exports.files import OutputFileError

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLineF,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget

from dst_desktop.paths import APP_NAME, resource_path
from dst_desktop.presenters.print_documents import DocumentSource, DocumentUnavailableError
from dst_desktop.reports import Language, PrintDocument, parse_language
from dst_desktop.ui.plain_text import literal_text, message_box

__all__ = [
    "DocumentPrinting",
    "PdfExportError",
    "ensure_gui_application",
    "export_pdf",
    "export_pdf_dialog",
    "interface_language",
    "paint_document",
    "preview",
    "preview_dialog",
    "print_document",
    "render_pdf",
]

#: Page margins in millimetres (left, top, right, bottom); the footer sits inside them.
PAGE_MARGINS_MM = QMarginsF(16, 14, 16, 10)
#: Height of the footer band at the bottom of the printable area, in millimetres.
FOOTER_MM = 11.0
#: Resolution of exported PDFs (text stays vector; this is the grid of positions).
PDF_DPI = 600
#: The print preview is at most this wide (px): an A4 page, as wide as it prints.
PREVIEW_WIDTH = 1000
_FOOTER_FONT_PT = 7.5
_FOOTER_INK = QColor("#5b6675")
_FOOTER_RULE = QColor("#c5ced8")


class PdfExportError(Exception):
    """The PDF could not be written; the message says why, for the user."""


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new ``QGuiApplication`` for headless printing.

    On Linux the ``offscreen`` platform is used unless ``QT_QPA_PLATFORM`` says otherwise:
    a PDF needs no display, so ``dst-desktop print-summary`` works on a server, over SSH
    and on a desktop that lacks the X11 libraries of Qt's window system plugin.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application = QGuiApplication([APP_NAME])
    _keep_alive.append(application)
    return application


_keep_alive: list[QGuiApplication] = []


def _configure_page(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def _text_document(document: PrintDocument) -> QTextDocument:
    text_document = QTextDocument()
    text_document.setDocumentMargin(0)
    text_document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, document.title)
    for name in document.images:
        image = QImage(str(resource_path(*name.split("/"))))
        if not image.isNull():
            text_document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    text_document.setHtml(document.html)
    return text_document


def _row_extent(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> QRectF:
    """Where the text of one table row lies, in document coordinates."""
    extent = QRectF()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # covered by a spanning cell
        first = layout.blockBoundingRect(cell.firstCursorPosition().block())
        last = layout.blockBoundingRect(cell.lastCursorPosition().block())
        extent = extent.united(first.united(last))
    return extent


def _start_on_next_page(table: QTextTable, row: int) -> None:
    """Start ``row`` on the next page: the row before it ends the page (or, for the first
    row under the header, the whole table moves down)."""
    if row <= table.format().headerRowCount():
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(table_format)
        return
    for column in range(table.columns()):
        cursor = table.cellAt(row - 1, column).lastCursorPosition()
        block_format = cursor.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
        cursor.setBlockFormat(block_format)


def _keep_rows_whole(text_document: QTextDocument) -> None:
    """Move every table row that a page break would cut to the top of the next page.

    ``QTextDocument`` splits a row between two pages line by line; a day-sheet row cut in
    two is hard to read. The row before it gets a page break after its text instead (its
    cells reach down to the page's bottom), and the row starts the next page under the
    repeated header. Rows taller than half a page are left to split.
    """
    layout = text_document.documentLayout()
    page_height = text_document.pageSize().height()
    tables = [
        frame
        for frame in text_document.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.format().headerRowCount() > 0
    ]
    for table in tables:
        row = table.format().headerRowCount()
        attempts = 0
        while row < table.rows():
            layout.documentSize()  # lays the document out again after a change
            extent = _row_extent(layout, table, row)
            page = int(extent.top() // page_height)
            cut = page != int((extent.bottom() - 1) // page_height)
            if not cut or extent.height() > page_height / 2 or attempts == 2:
                row, attempts = row + 1, 0
                continue
            _start_on_next_page(table, row)
            attempts += 1


def _page_range(device: QPagedPaintDevice, pages: int) -> range:
    """All pages, or the range the user chose in the print dialog."""
    if isinstance(device, QPrinter) and device.fromPage() > 0:
        first = max(1, device.fromPage())
        last = min(pages, device.toPage() if device.toPage() > 0 else pages)
        return range(first, last + 1)
    return range(1, pages + 1)


def _paint_footer(
    painter: QPainter, document: PrintDocument, band: QRectF, page: int, pages: int
) -> None:
    """A rule, then what the page belongs to and "Page X of Y", then the print date."""
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(_FOOTER_FONT_PT)
    metrics = QFontMetricsF(font, painter.device())
    line_width = max(1.0, painter.device().logicalDpiY() / 300)
    rule_y = band.top() + band.height() * 0.3
    painter.setPen(QPen(_FOOTER_RULE, line_width))
    painter.drawLine(QLineF(band.left(), rule_y, band.right(), rule_y))
    line_height = metrics.height()
    first_line = QRectF(band.left(), rule_y + line_height * 0.4, band.width(), line_height)
    second_line = first_line.translated(0, line_height * 1.15)
    bold = QFont(font)
    bold.setBold(True)
    page_text = document.page_text(page, pages)
    page_width = QFontMetricsF(bold, painter.device()).horizontalAdvance(page_text)
    room = band.width() - page_width - metrics.horizontalAdvance("    ")
    title = metrics.elidedText(document.footer_title, Qt.TextElideMode.ElideRight, room)
    painter.setPen(_FOOTER_INK)
    painter.setFont(font)
    painter.drawText(first_line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), title)
    painter.drawText(
        second_line,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        document.printed_text,
    )
    painter.setFont(bold)
    painter.drawText(
        first_line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_text
    )
    painter.restore()


def paint_document(document: PrintDocument, device: QPagedPaintDevice) -> int:
    """Lay ``document`` out on ``device``'s pages and paint them with their footers.

    ``device`` is a ``QPdfWriter`` or a ``QPrinter`` whose page layout is already set
    (A4 by :func:`_configure_page` for PDFs; the user's choice for printers). Returns the
    number of pages of the document.
    """
    text_document = _text_document(document)
    layout = device.pageLayout()
    dpi = device.logicalDpiY()
    paint_rect = layout.paintRectPixels(dpi)
    footer = FOOTER_MM / 25.4 * dpi
    body = QSizeF(paint_rect.width(), paint_rect.height() - footer)
    text_document.documentLayout().setPaintDevice(device)
    text_document.setPageSize(body)
    _keep_rows_whole(text_document)
    pages = text_document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise PdfExportError(
            QCoreApplication.translate("printing", "The printing device could not be opened.")
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index, page in enumerate(_page_range(device, pages)):
            if index > 0:
                device.newPage()
            painter.save()
            offset = (page - 1) * body.height()
            painter.translate(0, -offset)
            text_document.drawContents(painter, QRectF(0, offset, body.width(), body.height()))
            painter.restore()
            band = QRectF(0, body.height(), body.width(), footer)
            _paint_footer(painter, document, band, page, pages)
    finally:
        painter.end()
    return pages


def render_pdf(document: PrintDocument) -> bytes:
    """The document as a PDF (A4 portrait), in memory."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(document.title)
    writer.setCreator(APP_NAME)
    _configure_page(writer)
    paint_document(document, writer)
    del writer  # finishes the PDF in the buffer
    buffer.close()
    return bytes(data.data())


def export_pdf(
    document: PrintDocument, path: str | os.PathLike[str], *, replace: bool = True
) -> Path:
    """Write the document to ``path`` as a PDF; return the path written.

    The PDF is rendered in memory, written to a temporary file in the same folder, then
    moved into place (readable by its owner only): a failure leaves no partial file, and
    an existing file is replaced only by a complete one, and only with ``replace``.
    """
    from dst_desktop.exports.files import OutputFileError, check_output, write_output

    target = Path(path)
    try:
        check_output(target, replace=replace)
        write_output(target, render_pdf(document), replace=replace)
    except OutputFileError as error:
        raise PdfExportError(_output_problem_text(error)) from error
    return target


def _output_problem_text(error: OutputFileError) -> str:
    from dst_desktop.exports.files import OutputProblem

    translate = QCoreApplication.translate
    if error.problem is OutputProblem.NO_FOLDER:
        return translate("printing", "The folder {folder} does not exist.").format(
            folder=error.path.parent
        )
    if error.problem is OutputProblem.IS_FOLDER:
        return translate("printing", "{path} is a folder, not a file.").format(path=error.path)
    if error.problem is OutputProblem.EXISTS:
        return translate("printing", "{path} already exists; it was kept as it was.").format(
            path=error.path
        )
    if error.problem is OutputProblem.DISK_FULL:
        return translate(
            "printing", "{path} cannot be written: the disk is full. Nothing was written."
        ).format(path=error.path)
    if error.problem is OutputProblem.IS_DATABASE:
        return translate(
            "printing", "{path} is the open database itself: choose another file."
        ).format(path=error.path)
    return translate("printing", "{path} cannot be written ({reason}).").format(
        path=error.path, reason=error.reason
    )


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_page(printer)
    return printer


def preview(
    parent: QWidget | None,
    document: PrintDocument,
    on_export_error: Callable[[str], None] | None = None,
) -> None:
    """Show the print preview; its toolbar prints, and exports to PDF.

    ``on_export_error`` receives the message of a failed export (default: a warning box).
    """
    dialog = preview_dialog(parent, document, on_export_error)
    dialog.exec()
    dialog.deleteLater()


def preview_dialog(
    parent: QWidget | None,
    document: PrintDocument,
    on_export_error: Callable[[str], None] | None = None,
    on_exported: Callable[[QWidget, Path], None] | None = None,
) -> QPrintPreviewDialog:
    """The print preview of ``document``, not shown yet: most of the screen, the page as
    wide as the window, so that it reads at about its printed size.

    ``on_exported`` is told where a PDF was written (default: a message that offers to
    open it); ``on_export_error`` the message of a failed export (default: a warning).
    """
    printer = _printer()
    printer.setDocName(document.title)
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog only points at its printer: it lives as long as the dialog does.
    _printers[dialog] = printer
    dialog.destroyed.connect(lambda _object=None, key=dialog: _printers.pop(key, None))
    dialog.setWindowTitle(
        QCoreApplication.translate("printing", "Print preview — {title}").format(
            title=document.title
        )
    )
    dialog.paintRequested.connect(lambda device: paint_document(document, device))
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        dialog.resize(min(PREVIEW_WIDTH, room.width() * 9 // 10), room.height() * 9 // 10)
    view = dialog.findChild(QPrintPreviewWidget)
    if view is not None:
        view.fitToWidth()

    def export() -> None:
        try:
            written = export_pdf_dialog(dialog, document, _pdf_folder())
        except PdfExportError as error:
            if on_export_error is not None:
                on_export_error(str(error))
            else:
                QMessageBox.warning(
                    dialog,
                    QCoreApplication.translate("printing", "Export to PDF"),
                    literal_text(str(error)),
                )
            return
        if written is not None:
            _last_pdf_folder[:] = [written.parent]
            (on_exported or say_pdf_written)(dialog, written)

    toolbar = dialog.findChild(QToolBar)
    export_action = QAction(QCoreApplication.translate("printing", "Export to PDF…"), dialog)
    export_action.setObjectName("exportPdfAction")
    export_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
    export_action.setToolTip(
        QCoreApplication.translate("printing", "Save this document as a PDF file ({keys})").format(
            keys=export_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        )
    )
    export_action.triggered.connect(export)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(export_action)
    dialog.addAction(export_action)
    return dialog


#: The printer of each open preview (a preview does not own its printer).
_printers: dict[QPrintPreviewDialog, QPrinter] = {}

#: The folder of the last PDF written in this run (the next export starts there).
_last_pdf_folder: list[Path] = []


def _pdf_folder() -> Path:
    """Where the PDF dialog opens: the last folder used, else Documents, else home."""
    if _last_pdf_folder and _last_pdf_folder[0].is_dir():
        return _last_pdf_folder[0]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def say_pdf_written(parent: QWidget, path: Path) -> QMessageBox:
    """Say where the PDF went, and offer to open it (the message does not block)."""
    box = message_box(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("printing", "Export to PDF"),
        QCoreApplication.translate("printing", "The PDF was saved as {path}.").format(path=path),
        parent,
    )
    box.setObjectName("pdfWrittenMessage")
    open_button = box.addButton(
        QCoreApplication.translate("printing", "Open the PDF"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def print_document(parent: QWidget | None, document: PrintDocument) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = _printer()
    printer.setDocName(document.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("printing", "Print — {title}").format(title=document.title)
    )
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_document(document, printer)
    return True


def export_pdf_dialog(
    parent: QWidget | None, document: PrintDocument, folder: str | os.PathLike[str] | None = None
) -> Path | None:
    """Ask where to save the PDF (offering ``document.file_name``) and write it there.

    Returns the path written, or None when the user cancelled; raises
    :class:`PdfExportError` when the file cannot be written.
    """
    start = Path(folder) if folder is not None else Path.home()
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("printing", "Export to PDF"),
        str(start / document.file_name),
        QCoreApplication.translate("printing", "PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    # The file dialog asked before replacing the name it was given, not one with .pdf added.
    return export_pdf(document, target, replace=target == Path(chosen))


def interface_language() -> Language:
    """The language of the window (``QLocale()``'s, as the translations installed it)."""
    return parse_language(QLocale().name()) or "en"


class DocumentPrinting:
    """The window's print commands: make the document, then open the print preview.

    Answers the main window's ``BookingPrinting`` protocol. A document that cannot be made
    (a booking deleted meanwhile, an unknown region) is reported in a message box.
    """

    def __init__(self, parent: QWidget | None, documents: DocumentSource) -> None:
        self._parent = parent
        self._documents = documents

    def _show(self, make: Callable[[], PrintDocument]) -> None:
        try:
            document = make()
        except DocumentUnavailableError as error:
            QMessageBox.warning(
                self._parent,
                QCoreApplication.translate("printing", "Print"),
                literal_text(str(error)),
            )
            return
        preview(self._parent, document)

    def print_booking_summary(self, session_id: str) -> None:
        self._show(lambda: self._documents.booking_summary(session_id))

    def print_day_sheet(self, day: dt.date, region_id: str | None) -> None:
        self._show(lambda: self._documents.day_sheet(day, region_id))
