"""A table of typed cells: what every export writes, whatever the file format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

#: One cell: text, a number, a date, a moment (UTC, naive) or nothing.
Cell = str | int | float | dt.date | dt.datetime | None


class ColumnKind(Enum):
    """How a column's values are written: spreadsheets get real numbers and dates."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    #: A ratio (0.75), shown as a percentage in a spreadsheet.
    PERCENT = "percent"
    DATE = "date"
    #: A moment in UTC (naive datetime), as the store keeps timestamps.
    UTC_MOMENT = "utc_moment"
    #: A local clock time (naive datetime), as a table on screen shows it.
    LOCAL_MOMENT = "local_moment"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    kind: ColumnKind = ColumnKind.TEXT


@dataclass(frozen=True, slots=True)
class Table:
    """Headers and rows, in the order they are shown; ``title`` names the sheet, or
    ``sheet`` when the title is longer than a sheet name may be (31 characters)."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sheet: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.title for column in self.columns)

    def __post_init__(self) -> None:
        width = len(self.columns)
        for number, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"row {number} has {len(row)} cells for {width} columns")
