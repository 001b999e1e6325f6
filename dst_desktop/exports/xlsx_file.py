"""XLSX workbooks (with XlsxWriter): one sheet per table, real numbers and dates.

Dates are spreadsheet dates shown in the reader's short date format, moments are date
and time, ratios are percentages; text is always written as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from dst_desktop.exports.table import Cell, ColumnKind, Table

#: A spreadsheet cell holds at most this many characters.
_MAX_TEXT = 32_767
_MAX_SHEET_NAME = 31
_WIDEST_COLUMN = 60
#: Excel's built-in number formats that follow the reader's locale.
_LOCALE_SHORT_DATE = 14
_LOCALE_DATE_TIME = 22


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\``, at most 31 characters."""
    name = re.sub(r"[\[\]:*?/\\]", "-", title).strip("' ") or "Sheet"
    name = name[:_MAX_SHEET_NAME]
    candidate, number = name, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate = name[: _MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 17
    if isinstance(value, dt.date):
        return 11
    return len(str(value))


def xlsx_bytes(tables: Sequence[Table], author: str = "DST Desktop") -> bytes:
    """A workbook with one sheet per table: bold frozen headers, filters, fitted widths."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"author": author, "creator": author})
    header = workbook.add_format(
        {"bold": True, "bg_color": "#E9EEF4", "font_color": "#1F3A5F", "bottom": 1}
    )
    formats: dict[ColumnKind, Any] = {
        ColumnKind.DATE: workbook.add_format({"num_format": _LOCALE_SHORT_DATE}),
        ColumnKind.UTC_MOMENT: workbook.add_format({"num_format": _LOCALE_DATE_TIME}),
        ColumnKind.LOCAL_MOMENT: workbook.add_format({"num_format": _LOCALE_DATE_TIME}),
        ColumnKind.PERCENT: workbook.add_format({"num_format": "0.0%"}),
        ColumnKind.DECIMAL: workbook.add_format({"num_format": "0.00"}),
    }
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.add_worksheet(sheet_name(table.sheet or table.title, taken))
        widths = [len(title) for title in table.headers]
        for column, title in enumerate(table.headers):
            sheet.write_string(0, column, title, header)
        for row_number, row in enumerate(table.rows, start=1):
            for column, (value, spec) in enumerate(zip(row, table.columns, strict=True)):
                widths[column] = max(widths[column], _width(value))
                cell_format = formats.get(spec.kind)
                if value is None:
                    continue
                if isinstance(value, dt.datetime):
                    sheet.write_datetime(row_number, column, value, cell_format)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(
                        row_number, column, dt.datetime.combine(value, dt.time()), cell_format
                    )
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(row_number, column, value, cell_format)
                else:
                    sheet.write_string(row_number, column, str(value)[:_MAX_TEXT])
        for column, width in enumerate(widths):
            sheet.set_column(column, column, min(width, _WIDEST_COLUMN) + 2)
        sheet.freeze_panes(1, 0)
        if table.columns:
            sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    if not tables:
        workbook.add_worksheet()
    workbook.close()
    return buffer.getvalue()
