"""Copy and export for any table of the window, adopted in one line::

    adopt_table_export(view, self.tr("Pending bookings"), "pending-bookings")

gives ``view`` Ctrl+C (the selected rows as tab-separated text, ready to paste into a
spreadsheet or a mail) and a context menu with Copy and Export…, which writes what the
table shows — its visible columns in their order, its rows as sorted and filtered — to
XLSX (real dates and numbers) or CSV (UTF-8 with BOM, ``;`` in French).

A model gives the typed value behind a cell's text with :data:`EXPORT_VALUE_ROLE`
(a ``datetime.date``, a local ``datetime``, an ``int``, or a ratio as ``float`` shown as
a percentage); without it, the spreadsheet gets the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from dst_desktop.exports.table import Cell, Column, ColumnKind, Table
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.table_files import write_table_file
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import QtLocalizer
from dst_desktop.ui.plain_text import show_message

#: The typed value behind a cell's text (dates, numbers), for spreadsheets.
EXPORT_VALUE_ROLE = Qt.ItemDataRole.UserRole + 40


def _kind(values: list[object]) -> ColumnKind:
    sample = next((value for value in values if value is not None), None)
    if isinstance(sample, dt.datetime):
        return ColumnKind.LOCAL_MOMENT
    if isinstance(sample, dt.date):
        return ColumnKind.DATE
    if isinstance(sample, bool):
        return ColumnKind.TEXT
    if isinstance(sample, int):
        return ColumnKind.INTEGER
    if isinstance(sample, float):
        return ColumnKind.PERCENT
    return ColumnKind.TEXT


def _clean(text: object) -> str:
    """A cell's text on one line (tabs and line breaks would split a pasted row)."""
    value = "" if text is None else str(text)
    return " ".join(value.replace("\t", " ").splitlines())


class TableExport(QObject):
    """Copy (Ctrl+C) and export of one table view; see the module's documentation."""

    #: A file was written: what to tell the user ("Table saved to …"), for the window
    #: that shows the table to say it where it says such things.
    exported = Signal(str)

    def __init__(
        self,
        view: QTableView,
        title: str | Callable[[], str],
        file_stem: str,
        sheet: str = "",
    ) -> None:
        super().__init__(view)
        self.setObjectName("tableExport")
        self.view = view
        self._title = title
        self.file_stem = file_stem
        #: The workbook's sheet name when the title is too long for one (31 characters).
        self.sheet = sheet
        #: Where the last export went (tests and the status bar read it).
        self.last_path = ""
        self.copy_action = QAction(self.tr("&Copy"), view)
        self.copy_action.setObjectName("copyRowsAction")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setToolTip(self.tr("Copy the selected rows as text (Ctrl+C)"))
        self.copy_action.triggered.connect(lambda _checked=False: self.copy_selection())
        self.export_action = QAction(icon("export"), self.tr("&Export table…"), view)
        self.export_action.setObjectName("exportRowsAction")
        self.export_action.setToolTip(
            self.tr("Save what this table shows as an Excel workbook or a CSV file")
        )
        self.export_action.triggered.connect(lambda _checked=False: self.export_with_dialog())
        view.addAction(self.copy_action)
        view.addAction(self.export_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    @property
    def title(self) -> str:
        return self._title() if callable(self._title) else self._title

    # -- what the table shows ------------------------------------------------------------

    def _columns(self) -> list[int]:
        """The visible columns, in the order the user sees them."""
        header = self.view.horizontalHeader()
        model = self.view.model()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return [
            column
            for column in logical
            if 0 <= column < model.columnCount() and not header.isSectionHidden(column)
        ]

    def _rows(self) -> list[int]:
        header = self.view.verticalHeader()
        model = self.view.model()
        rows = [header.logicalIndex(visual) for visual in range(model.rowCount())]
        return [row for row in rows if 0 <= row < model.rowCount()]

    def tables(self, rows: list[int] | None = None) -> tuple[Table, Table]:
        """The rows (all when None) as shown (text) and as typed (dates, numbers)."""
        model = self.view.model()
        columns = self._columns()
        rows = self._rows() if rows is None else rows
        headers = [
            _clean(model.headerData(column, Qt.Orientation.Horizontal)) for column in columns
        ]
        shown: list[tuple[Cell, ...]] = []
        typed_rows: list[list[object]] = []
        for row in rows:
            texts: list[Cell] = []
            values: list[object] = []
            for column in columns:
                index = model.index(row, column)
                text = _clean(index.data(Qt.ItemDataRole.DisplayRole))
                value = index.data(EXPORT_VALUE_ROLE)
                texts.append(text)
                values.append(value)
            shown.append(tuple(texts))
            typed_rows.append(values)
        kinds = [_kind([values[n] for values in typed_rows]) for n in range(len(columns))]
        typed = tuple(
            tuple(
                value if kind is not ColumnKind.TEXT and value is not None else text
                for value, text, kind in zip(values, texts, kinds, strict=True)
            )
            for values, texts in zip(typed_rows, shown, strict=True)
        )
        title = self.title
        return (
            Table(title, tuple(Column(h) for h in headers), tuple(shown), self.sheet),
            Table(
                title,
                tuple(Column(h, kind) for h, kind in zip(headers, kinds, strict=True)),
                typed,  # type: ignore[arg-type]
                self.sheet,
            ),
        )

    # -- copy ----------------------------------------------------------------------------

    def selection_text(self) -> str:
        """The selected cells as tab-separated lines (rows and columns in view order)."""
        selection = self.view.selectionModel()
        if selection is None or not selection.hasSelection():
            return ""
        chosen = {(index.row(), index.column()) for index in selection.selectedIndexes()}
        rows = [row for row in self._rows() if any(r == row for r, _ in chosen)]
        columns = [column for column in self._columns() if any(c == column for _, c in chosen)]
        model = self.view.model()
        lines = [
            "\t".join(
                _clean(model.index(row, column).data()) if (row, column) in chosen else ""
                for column in columns
            )
            for row in rows
        ]
        return "\n".join(lines) + ("\n" if lines else "")

    def copy_selection(self) -> str:
        text = self.selection_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    # -- export --------------------------------------------------------------------------

    def export(self, chosen: str) -> bool:
        """Write the whole table to ``chosen``; a failure is shown, and False."""
        shown, typed = self.tables()
        language = "fr" if QLocale().language() == QLocale.Language.French else "en"
        path, problem = write_table_file(shown, typed, chosen, language, QtLocalizer())
        if problem:
            show_message(QMessageBox.Icon.Warning, self.view, self.tr("Export table"), problem)
            return False
        self.last_path = str(path)
        self.exported.emit(fill(self.tr("Table saved to %1."), path))
        return True

    def export_with_dialog(self) -> bool:
        """Ask where (the dialog asks before replacing a file), then export."""
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, for any spreadsheet (*.csv)")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self.view,
            fill(self.tr("Export %1"), self.title),
            f"{self.file_stem}-{dt.date.today().isoformat()}.xlsx",
            f"{xlsx};;{csv}",
        )
        if not chosen:
            return False
        if chosen_filter == csv and not chosen.lower().endswith((".csv", ".xlsx")):
            chosen += ".csv"
        return self.export(chosen)


def adopt_table_export(
    view: QTableView, title: str | Callable[[], str], file_stem: str, sheet: str = ""
) -> TableExport:
    """Give ``view`` Ctrl+C and Copy / Export… in its context menu (one line per table)."""
    return TableExport(view, title, file_stem, sheet)
