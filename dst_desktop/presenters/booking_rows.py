"""Sessions as table rows: what each column shows and how it sorts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from dst_desktop.domain.model import Session
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.presenters.messages import Tone, source_text, status_text, status_tone


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


@dataclass(frozen=True, slots=True)
class BookingTable:
    """What a bookings table shows; ``status_column`` is coloured by each row's tone."""

    headers: tuple[str, ...]
    rows: tuple[BookingRow, ...]
    status_column: int | None


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
        return name, name.casefold()
    if column is Column.CLIENT:
        name = catalogue.client_name(session.client_id)
        return name, name.casefold()
    if column is Column.MODULES:
        names = ", ".join(catalogue.module_name(m) for m in session.module_ids)
        return names, names.casefold()
    if column is Column.PARTICIPANTS:
        text = fill(
            l10n.translate("BookingTable", "%1 / %2"),
            session.requested_participants,
            session.capacity_max,
        )
        return text, session.requested_participants
    if column is Column.OFFER:
        name = catalogue.offer_name(session.offer_id) if session.offer_id else ""
        return name, name.casefold()
    if column is Column.SETUP:
        name = catalogue.setup_name(session.setup_id) if session.setup_id else ""
        return name, name.casefold()
    if column is Column.OPERATOR:
        name = catalogue.operator_name(session.operator_id) if session.operator_id else ""
        return name, name.casefold()
    if column is Column.SOURCE:
        text = source_text(session.booking_source, l10n)
        return text, text.casefold()
    if column is Column.REQUESTED:
        return l10n.timestamp_text(session.created_at), session.created_at.isoformat()
    return session.id, session.id


def booking_table(
    sessions: Sequence[Session],
    columns: Sequence[Column],
    catalogue: Catalogue,
    l10n: Localizer,
) -> BookingTable:
    rows = []
    for session in sessions:
        cells = [_cell(session, column, catalogue, l10n) for column in columns]
        rows.append(
            BookingRow(
                session_id=session.id,
                cells=tuple(text for text, _ in cells),
                sort_keys=tuple(key for _, key in cells),
                tone=status_tone(session.status),
            )
        )
    status_column = list(columns).index(Column.STATUS) if Column.STATUS in columns else None
    return BookingTable(
        headers=tuple(column_title(column, l10n) for column in columns),
        rows=tuple(rows),
        status_column=status_column,
    )
