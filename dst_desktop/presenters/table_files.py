"""Writing what a table shows to a CSV or XLSX file, with messages in the user's words.

The window's tables hand over two versions of the same rows: the text each cell shows
(the CSV is exactly that) and, where a column has one, the typed value behind it (the XLSX
gets real dates and numbers). The file dialog has already asked before replacing a file.
"""

from __future__ import annotations

from pathlib import Path

from dst_desktop.exports.csv_file import csv_bytes, csv_style
from dst_desktop.exports.files import OutputFileError, OutputProblem, write_output
from dst_desktop.exports.table import Table
from dst_desktop.exports.xlsx_file import xlsx_bytes
from dst_desktop.presenters.l10n import Localizer, fill

#: The formats a table can be exported to, by file name suffix.
TABLE_SUFFIXES = (".xlsx", ".csv")


def output_error_text(error: OutputFileError, l10n: Localizer) -> str:
    """Why a file was not written, in the interface language."""
    translate = l10n.translate
    texts = {
        OutputProblem.EXISTS: translate("TableFiles", "%1 already exists; it was kept as it was."),
        OutputProblem.NO_FOLDER: translate("TableFiles", "The folder of %1 does not exist."),
        OutputProblem.IS_FOLDER: translate("TableFiles", "%1 is a folder, not a file."),
        OutputProblem.NOT_WRITABLE: translate("TableFiles", "%1 cannot be written: %2"),
        OutputProblem.DISK_FULL: translate(
            "TableFiles", "%1 cannot be written: the disk is full. Nothing was written."
        ),
        OutputProblem.IS_DATABASE: translate(
            "TableFiles", "%1 is the open database itself: choose another file."
        ),
    }
    return fill(texts[error.problem], error.path, error.reason)


def table_file_path(chosen: str) -> Path:
    """The chosen file, with ``.xlsx`` added when its name has no known suffix."""
    path = Path(chosen)
    if path.suffix.lower() not in TABLE_SUFFIXES:
        path = path.with_name(path.name + ".xlsx")
    return path


def write_table_file(
    shown: Table, typed: Table, chosen: str, language: str, l10n: Localizer
) -> tuple[Path, str]:
    """Write the table to ``chosen`` (``.csv``: ``shown``; ``.xlsx``: ``typed``).

    Returns the path written and "" on success, or the path and a message saying why
    nothing was written.
    """
    path = table_file_path(chosen)
    if path.suffix.lower() == ".csv":
        content = csv_bytes(shown, csv_style(language))
    else:
        content = xlsx_bytes([typed])
    try:
        write_output(path, content, replace=True)
    except OutputFileError as error:
        return path, output_error_text(error, l10n)
    return path, ""
