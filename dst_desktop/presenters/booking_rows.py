"""Sessions as table rows: what each column shows and how it sorts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from dst_desktop.domain.model import Session
from dst_desktop.domain.names import name_key
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.presenters.messages import (
    Tone,
    session_source_text,
    status_text,
    status_tone,
)


class Column(Enum):
    DATE = "date"
    STATUS = "status"
    REGION = "region"
    CLIENT = "client"
    MODULES = "modules"
    PARTICIPANTS = "participants"
    OFFER = "offer"
    SETUP = "setup"
    OPERATOR = "operator"
    SOURCE = "source"
    REQUESTED = "requested"
    REFERENCE = "reference"


SortKey = str | int


@dataclass(frozen=True, slots=True)
class BookingRow:
    """One session in a table: its cells' text, their sort keys and the row's status tone."""

    session_id: str
    cells: tuple[str, ...]
    sort_keys: tuple[SortKey, ...]
    tone: Tone
    #: The typed value behind each cell where it has one (a date, a local moment), for
    #: spreadsheets; None where the text is all there is.
    values: tuple[object, ...] = ()
    #: Why the row needs attention (a request whose day has passed), shown on its date.
    alert: str = ""


class BookingTable:
    """What a bookings table shows: its headers and one row per session.

    Rows are formatted when first asked for and kept, so that a queue of 10,000 bookings
    costs only the rows on screen; a sort computes the keys of one column. The sessions
    arrive in date order, which is the table's first column ascending.
    """

    def __init__(
        self,
        headers: tuple[str, ...],
        sessions: Sequence[Session] = (),
        row_builder: Callable[[Session], BookingRow] | None = None,
        sort_key: Callable[[Session, int], SortKey] | None = None,
        status_column: int | None = None,
        wide_column: int | None = None,
        column_texts: dict[int, tuple[str, ...]] | None = None,
    ) -> None:
        """``wide_column`` is the column given the table's spare width (the modules,
        whose lists are the longest texts); None: no column is. ``column_texts`` gives,
        for a column of a few fixed values (the status), every text it may show, so that
        it is sized for the longest even when the first rows do not show it."""
        self.headers = headers
        self.status_column = status_column
        self.wide_column = wide_column
        self.column_texts = column_texts or {}
        self._sessions = tuple(sessions)
        self._built: list[BookingRow | None] = [None] * len(self._sessions)
        self._row_builder = row_builder
        self._sort_key = sort_key

    def __len__(self) -> int:
        return len(self._sessions)

    def session_id(self, index: int) -> str:
        return self._sessions[index].id

    def row(self, index: int) -> BookingRow:
        built = self._built[index]
        if built is None:
            assert self._row_builder is not None
            built = self._built[index] = self._row_builder(self._sessions[index])
        return built

    @property
    def rows(self) -> tuple[BookingRow, ...]:
        """Every row, formatted (for tests and small tables)."""
        return tuple(self.row(index) for index in range(len(self)))

    def sort_order(self, column: int, descending: bool) -> list[int]:
        """The row numbers in the order of ``column``; ties keep the date order."""
        if self._sort_key is None or not 0 <= column < len(self.headers):
            return list(range(len(self)))
        key = self._sort_key
        keys = [key(session, column) for session in self._sessions]
        return sorted(range(len(self)), key=keys.__getitem__, reverse=descending)


def column_title(column: Column, l10n: Localizer) -> str:
    titles = {
        Column.DATE: l10n.translate("BookingTable", "Date"),
        Column.STATUS: l10n.translate("BookingTable", "Status"),
        Column.REGION: l10n.translate("BookingTable", "Region"),
        Column.CLIENT: l10n.translate("BookingTable", "Client"),
        Column.MODULES: l10n.translate("BookingTable", "Modules"),
        Column.PARTICIPANTS: l10n.translate("BookingTable", "Participants"),
        Column.OFFER: l10n.translate("BookingTable", "Offer"),
        Column.SETUP: l10n.translate("BookingTable", "Setup"),
        Column.OPERATOR: l10n.translate("BookingTable", "Operator"),
        Column.SOURCE: l10n.translate("BookingTable", "Source"),
        Column.REQUESTED: l10n.translate("BookingTable", "Requested"),
        Column.REFERENCE: l10n.translate("BookingTable", "Reference"),
    }
    return titles[column]


def _cell(
    session: Session, column: Column, catalogue: Catalogue, l10n: Localizer
) -> tuple[str, SortKey]:
    if column is Column.DATE:
        # Same day: first requested, first listed.
        key = f"{session.date.isoformat()} {session.created_at.isoformat()} {session.id}"
        return l10n.date_text(session.date), key
    if column is Column.STATUS:
        return status_text(session.status, l10n), session.status.value
    if column is Column.REGION:
        name = catalogue.region_name(session.region_id)
        return name, name_key(name)
    if column is Column.CLIENT:
        name = catalogue.client_name(session.client_id)
        return name, name_key(name)
    if column is Column.MODULES:
        names = ", ".join(catalogue.module_name(m) for m in session.module_ids)
        return names, name_key(names)
    if column is Column.PARTICIPANTS:
        text = fill(
            l10n.translate("BookingTable", "%1 / %2"),
            session.requested_participants,
            session.capacity_max,
        )
        return text, session.requested_participants
    if column is Column.OFFER:
        name = catalogue.offer_name(session.offer_id) if session.offer_id else ""
        return name, name_key(name)
    if column is Column.SETUP:
        name = catalogue.setup_name(session.setup_id) if session.setup_id else ""
        return name, name_key(name)
    if column is Column.OPERATOR:
        name = catalogue.operator_name(session.operator_id) if session.operator_id else ""
        return name, name_key(name)
    if column is Column.SOURCE:
        text = session_source_text(session, l10n)
        return text, name_key(text)
    if column is Column.REQUESTED:
        return l10n.timestamp_text(session.created_at), session.created_at.isoformat()
    return session.id, session.id


def _value(session: Session, column: Column) -> object:
    """The typed value of a cell: the day of the date column, the local clock time of the
    request (what the table shows); None for text."""
    if column is Column.DATE:
        return session.date
    if column is Column.REQUESTED:
        moment = session.created_at.replace(tzinfo=dt.UTC).astimezone()
        return moment.replace(tzinfo=None, microsecond=0)
    return None


def booking_table(
    sessions: Sequence[Session],
    columns: Sequence[Column],
    catalogue: Catalogue,
    l10n: Localizer,
    today: dt.date | None = None,
) -> BookingTable:
    """``today`` marks the requests whose day has passed (they can no longer be confirmed
    as they are: move them to another day, or cancel them)."""
    columns = tuple(columns)
    # The table's first order: by day, first requested first (usually already so).
    sessions = sorted(sessions, key=lambda s: (s.date, s.created_at, s.id))
    passed = l10n.translate("BookingTable", "%1 — day passed")
    passed_alert = l10n.translate(
        "BookingTable",
        "The day of this request has passed: it cannot be confirmed. Edit it to move it to "
        "another day, or cancel it.",
    )

    def build(session: Session) -> BookingRow:
        cells = [_cell(session, column, catalogue, l10n) for column in columns]
        alert = ""
        if (
            today is not None
            and session.status is SessionStatus.PENDING_CONFIRMATION
            and session.date < today
        ):
            alert = passed_alert
            cells = [
                (fill(passed, text), key) if column is Column.DATE else (text, key)
                for column, (text, key) in zip(columns, cells, strict=True)
            ]
        return BookingRow(
            session_id=session.id,
            cells=tuple(text for text, _ in cells),
            sort_keys=tuple(key for _, key in cells),
            tone=status_tone(session.status),
            values=tuple(_value(session, column) for column in columns),
            alert=alert,
        )

    def sort_key(session: Session, column: int) -> SortKey:
        return _cell(session, columns[column], catalogue, l10n)[1]

    return BookingTable(
        headers=tuple(column_title(column, l10n) for column in columns),
        sessions=sessions,
        row_builder=build,
        sort_key=sort_key,
        status_column=columns.index(Column.STATUS) if Column.STATUS in columns else None,
        wide_column=columns.index(Column.MODULES) if Column.MODULES in columns else None,
        column_texts=(
            {columns.index(Column.STATUS): tuple(status_text(s, l10n) for s in SessionStatus)}
            if Column.STATUS in columns
            else None
        ),
    )
