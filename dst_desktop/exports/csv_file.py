"""CSV for spreadsheet programs: UTF-8 with a byte order mark, ``;`` and decimal commas in
French (what a French Excel or LibreOffice expects), ``,`` and decimal points otherwise."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from dst_desktop.exports.table import Cell, ColumnKind, Table

#: Text a spreadsheet would run as a formula (CSV injection): such cells get a leading
#: apostrophe, which spreadsheets show as text and never evaluate.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class CsvStyle:
    delimiter: str = ","
    decimal: str = "."


ENGLISH_CSV = CsvStyle(",", ".")
FRENCH_CSV = CsvStyle(";", ",")


def csv_style(language: str) -> CsvStyle:
    """The CSV a spreadsheet program in ``language`` (``fr``, ``fr_FR``, ``en``…) opens."""
    return FRENCH_CSV if language.lower().startswith("fr") else ENGLISH_CSV


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _text(value: Cell, kind: ColumnKind, style: CsvStyle) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if value.startswith(_FORMULA_STARTS) and not _is_number(value):
            return "'" + value
        return value
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        digits = 4 if kind is ColumnKind.PERCENT else 2
        return f"{value:.{digits}f}".replace(".", style.decimal)
    if isinstance(value, dt.datetime):
        if kind is ColumnKind.UTC_MOMENT:
            return value.replace(microsecond=0).isoformat() + "Z"
        return value.replace(microsecond=0).isoformat(sep=" ")
    return value.isoformat()


def csv_bytes(table: Table, style: CsvStyle = ENGLISH_CSV) -> bytes:
    """The table as CSV bytes: a header line, then one line per row, CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n")
    writer.writerow(table.headers)
    kinds = [column.kind for column in table.columns]
    for row in table.rows:
        writer.writerow(_text(value, kind, style) for value, kind in zip(row, kinds, strict=True))
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
