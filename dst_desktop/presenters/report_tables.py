"""Reports as tables: the sessions export and the utilisation figures, with their column
titles in the user's language. The window and the command line write the same tables."""

from __future__ import annotations

from collections.abc import Sequence

from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.domain.utilisation import Grouping, UtilisationReport
from dst_desktop.exports.table import Cell, Column, ColumnKind, Table
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.presenters.messages import session_source_text, status_text
from dst_desktop.services.reports import SessionRecord


def sessions_table(records: Sequence[SessionRecord], l10n: Localizer) -> Table:
    """One row per session: SPEC 13's ``export-sessions`` columns."""
    translate = l10n.translate
    columns = (
        Column(translate("ReportTables", "Reference")),
        Column(translate("ReportTables", "Date"), ColumnKind.DATE),
        Column(translate("ReportTables", "Status")),
        Column(translate("ReportTables", "Client")),
        Column(translate("ReportTables", "Client id")),
        Column(translate("ReportTables", "Region")),
        Column(translate("ReportTables", "Region id")),
        Column(translate("ReportTables", "Modules")),
        Column(translate("ReportTables", "Participants"), ColumnKind.INTEGER),
        Column(translate("ReportTables", "Capacity"), ColumnKind.INTEGER),
        Column(translate("ReportTables", "Setup")),
        Column(translate("ReportTables", "Operator")),
        Column(translate("ReportTables", "Source")),
        Column(translate("ReportTables", "Offer")),
        Column(translate("ReportTables", "Created (UTC)"), ColumnKind.UTC_MOMENT),
        Column(translate("ReportTables", "Confirmed (UTC)"), ColumnKind.UTC_MOMENT),
        Column(translate("ReportTables", "Completed (UTC)"), ColumnKind.UTC_MOMENT),
        Column(translate("ReportTables", "Cancelled (UTC)"), ColumnKind.UTC_MOMENT),
    )
    rows = tuple(
        (
            r.session.id,
            r.session.date,
            status_text(r.session.status, l10n),
            r.client,
            r.session.client_id,
            r.region,
            r.session.region_id,
            ", ".join(r.modules),
            r.session.requested_participants,
            r.session.capacity_max,
            r.setup,
            r.operator,
            session_source_text(r.session, l10n),
            r.offer,
            r.session.created_at,
            r.session.confirmed_at,
            r.session.completed_at,
            r.session.cancelled_at,
        )
        for r in records
    )
    return Table(translate("ReportTables", "Sessions"), columns, rows)


def grouping_title(by: Grouping, l10n: Localizer) -> str:
    titles = {
        Grouping.REGION: l10n.translate("ReportTables", "Region"),
        Grouping.SETUP: l10n.translate("ReportTables", "Setup"),
        Grouping.OPERATOR: l10n.translate("ReportTables", "Operator"),
    }
    return titles[by]


def utilisation_table(
    report: UtilisationReport, l10n: Localizer, region_names: dict[str, str]
) -> Table:
    """One row per region, setup or operator: capacity days, sessions, utilisation, and the
    sessions of the period by status."""
    translate = l10n.translate
    capacity = (
        translate("ReportTables", "Capacity days")
        if report.by is Grouping.REGION
        else translate("ReportTables", "Days in service")
    )
    columns: list[Column] = [Column(grouping_title(report.by, l10n))]
    if report.by is not Grouping.REGION:
        columns.append(Column(translate("ReportTables", "Region")))
    columns += [
        Column(translate("ReportTables", "Identifier")),
        Column(capacity, ColumnKind.INTEGER),
        Column(translate("ReportTables", "Sessions"), ColumnKind.INTEGER),
        Column(translate("ReportTables", "Utilisation"), ColumnKind.PERCENT),
    ]
    columns += [Column(status_text(status, l10n), ColumnKind.INTEGER) for status in SessionStatus]
    rows = []
    for row in report.rows:
        cells: list[Cell] = [row.name]
        if report.by is not Grouping.REGION:
            cells.append(region_names.get(row.region_id, row.region_id))
        cells += [row.id, row.capacity_days, row.sessions, row.utilisation]
        cells += [row.by_status.get(status, 0) for status in SessionStatus]
        rows.append(tuple(cells))
    title = fill(
        translate("ReportTables", "Utilisation %1 to %2"),
        l10n.date_text(report.first),
        l10n.date_text(report.last),
    )
    # The period is in the file's name; "Utilisation 2025-10-01 to 2025-" would not help.
    return Table(title, tuple(columns), tuple(rows), translate("ReportTables", "Utilisation"))


def weekly_table(report: UtilisationReport, l10n: Localizer) -> Table:
    """The utilisation of each row week by week (the heat map's figures)."""
    translate = l10n.translate
    columns = [Column(grouping_title(report.by, l10n))]
    columns += [
        Column(
            fill(
                translate("ReportTables", "Week %1 (%2)"), week.iso_week, l10n.date_text(week.first)
            ),
            ColumnKind.PERCENT,
        )
        for week in report.weeks
    ]
    rows = tuple((row.name, *(week.utilisation for week in row.weeks)) for row in report.rows)
    return Table(translate("ReportTables", "By week"), tuple(columns), rows)
