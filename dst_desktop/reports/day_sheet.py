"""The day sheet for operators: who goes where, with which setup, on one date (SPEC 6).

Every resource-holding session of the date (confirmed, scheduled, in progress, completed),
for one region or all, grouped by region. Each region's table repeats its header rows
(region name and column titles) at the top of every page it continues on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from dst_desktop.domain.model import Client, Module, Operator, Region, Session, Setup
from dst_desktop.domain.names import name_key
from dst_desktop.reports.document import (
    BRAND,
    LOGO_RESOURCE,
    RULE,
    SHADE,
    PrintDocument,
    ReportContext,
    file_stem,
    letterhead,
    multiline,
    page,
    page_template,
    printed_text,
    text,
)


class ReferenceData(Protocol):
    """The reference lists a day sheet names things from (``BookingQueries.reference()``)."""

    @property
    def regions(self) -> Sequence[Region]: ...
    @property
    def setups(self) -> Sequence[Setup]: ...
    @property
    def operators(self) -> Sequence[Operator]: ...
    @property
    def modules(self) -> Sequence[Module]: ...
    @property
    def clients(self) -> Sequence[Client]: ...


@dataclass(frozen=True, slots=True)
class DaySheetEntry:
    """One session on the sheet, with the things it names."""

    session: Session
    client: Client | None
    setup: Setup | None
    operator: Operator | None
    modules: tuple[Module, ...]


@dataclass(frozen=True, slots=True)
class DaySheetGroup:
    region: Region
    entries: tuple[DaySheetEntry, ...]


@dataclass(frozen=True, slots=True)
class DaySheet:
    """The sessions of ``day``; ``region`` is None for all regions."""

    day: dt.date
    region: Region | None
    groups: tuple[DaySheetGroup, ...]

    @property
    def session_count(self) -> int:
        return sum(len(group.entries) for group in self.groups)


def _natural_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """``Setup #2`` before ``Setup #10``; ``Île-de-France`` among the I (case and
    accents ignored)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, name_key(part))
        for part in re.split(r"(\d+)", value)
        if part
    )


def build_day_sheet(
    day: dt.date,
    region: Region | None,
    sessions: Iterable[Session],
    reference: ReferenceData,
) -> DaySheet:
    """Group the resource-holding sessions of ``day`` (in ``region`` if given) by region.

    Regions are in name order; within one, sessions are in setup order. Sessions of other
    days, other regions, pending or cancelled are left out, whatever ``sessions`` holds.
    """
    regions = {item.id: item for item in reference.regions}
    setups = {item.id: item for item in reference.setups}
    operators = {item.id: item for item in reference.operators}
    modules = {item.id: item for item in reference.modules}
    clients = {item.id: item for item in reference.clients}
    by_region: dict[str, list[DaySheetEntry]] = {}
    for session in sessions:
        if session.date != day or not session.holds_resources:
            continue
        if region is not None and session.region_id != region.id:
            continue
        entry = DaySheetEntry(
            session=session,
            client=clients.get(session.client_id),
            setup=setups.get(session.setup_id) if session.setup_id else None,
            operator=operators.get(session.operator_id) if session.operator_id else None,
            modules=tuple(modules[m] for m in session.module_ids if m in modules),
        )
        by_region.setdefault(session.region_id, []).append(entry)

    def entry_key(entry: DaySheetEntry) -> tuple[object, ...]:
        setup_name = entry.setup.name if entry.setup else entry.session.setup_id or ""
        return (_natural_key(setup_name), entry.session.id)

    groups = [
        DaySheetGroup(
            region=regions.get(region_id) or Region(region_id, region_id),
            entries=tuple(sorted(entries, key=entry_key)),
        )
        for region_id, entries in by_region.items()
    ]
    groups.sort(
        key=lambda group: (_natural_key(group.region.name), group.region.name, group.region.id)
    )
    return DaySheet(day=day, region=region, groups=tuple(groups))


#: The columns and their widths (percent of the table); the status goes under participants.
#: A setup name ("Setup Auvergne-Rhône-Alpes #1") takes two lines at most.
_COLUMNS = ("Setup", "Operator", "Client", "Modules", "Participants")
_WIDTHS = (24, 16, 31, 16, 13)


def _named(name: str | None, fallback_id: str | None) -> str:
    if name:
        return f'<span class="strong">{text(name)}</span>'
    return f'<span class="code">{text(fallback_id or "—")}</span>'


def _client_cell(entry: DaySheetEntry, context: ReportContext) -> str:
    words = context.wording
    session = entry.session
    client = entry.client
    lines = [_named(client.name if client else None, session.client_id)]
    contact = [value for value in (client.phone, client.email) if value] if client else []
    if contact:
        lines.append(f'<span class="small">{text(" · ".join(contact))}</span>')
    lines.append(f'<span class="code muted">{text(session.id)}</span>')
    if session.notes.strip():
        note = words("Note: {notes}", notes=session.notes.strip())
        lines.append(f'<span class="small"><i>{multiline(note)}</i></span>')
    return "<br/>".join(lines)


def _row(entry: DaySheetEntry, context: ReportContext) -> str:
    words = context.wording
    session = entry.session
    module_names = [module.name for module in entry.modules] or list(session.module_ids)
    cells = (
        _named(entry.setup.name if entry.setup else None, session.setup_id),
        _named(entry.operator.name if entry.operator else None, session.operator_id),
        _client_cell(entry, context),
        "<br/>".join(
            f"• {text(name)}" if len(module_names) > 1 else text(name) for name in module_names
        ),
        f'<span class="strong">{session.requested_participants}</span>'
        f'<span class="muted"> / {session.capacity_max}</span><br/>'
        f'<span class="small muted">{text(words.status(session.status))}</span>',
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _group_table(group: DaySheetGroup, context: ReportContext) -> str:
    words = context.wording
    count = words.count(len(group.entries), "{count} session", "{count} sessions")
    header = (
        f'<tr><td colspan="{len(_COLUMNS)}" style="background-color: {BRAND}; color: #ffffff;">'
        f'<span style="font-size: 11pt; font-weight: bold;">{text(group.region.name)}</span>'
        f" &nbsp;·&nbsp; {text(count)}</td></tr>"
        "<tr>"
        + "".join(
            f'<th width="{width}%">{text(words(column))}</th>'
            for column, width in zip(_COLUMNS, _WIDTHS, strict=True)
        )
        + "</tr>"
    )
    rows = "".join(_row(entry, context) for entry in group.entries)
    return (
        f'<table class="sheet" width="100%" cellspacing="0" cellpadding="4" border="1" '
        f'style="border-collapse: collapse; border: 1px solid {RULE}; margin-top: 12px;">'
        f"<thead>{header}</thead>{rows}</table>"
    )


def day_sheet_html(sheet: DaySheet, context: ReportContext) -> str:
    """The day sheet as HTML for ``QTextDocument``; everything users typed is escaped."""
    words = context.wording
    where = sheet.region.name if sheet.region else words("All regions")
    subtitle = f'<span class="strong">{text(words.long_date(sheet.day))}</span> · {text(where)}'
    totals = words.count(sheet.session_count, "{count} session", "{count} sessions")
    if sheet.region is None:
        totals += " · " + words.count(len(sheet.groups), "{count} region", "{count} regions")
    parts = [
        letterhead(context, words("Day sheet"), subtitle),
        f'<p class="muted" style="margin-top: 6px;">{text(totals)}</p>',
    ]
    if not sheet.groups:
        parts.append(
            f'<table width="100%" cellpadding="12" style="background-color: {SHADE}; '
            f'margin-top: 12px;"><tr><td>'
            f"{text(words('No session holds a setup on this date.'))}</td></tr></table>"
        )
    parts.extend(_group_table(group, context) for group in sheet.groups)
    return page(f"{words('Day sheet')} {sheet.day.isoformat()}", "".join(parts))


def day_sheet_document(sheet: DaySheet, context: ReportContext) -> PrintDocument:
    """The day sheet with its footer texts, ready for :mod:`dst_desktop.ui.printing`."""
    words = context.wording
    title = words("Day sheet")
    where = sheet.region.name if sheet.region else words("All regions")
    region_part = f"-{file_stem(sheet.region.id)}" if sheet.region else ""
    return PrintDocument(
        title=f"{title} — {words.long_date(sheet.day)} — {where}",
        html=day_sheet_html(sheet, context),
        footer_title=f"{context.company.name} · {title} · {words.long_date(sheet.day)} · {where}",
        printed_text=printed_text(context),
        page_template=page_template(context),
        images=(LOGO_RESOURCE,),
        file_name=f"day-sheet-{sheet.day.isoformat()}{region_part}.pdf",
        language=context.language,
    )
