"""The Reports window: utilisation over a period, by region, setup or operator, as a
heat map (rows × weeks), bars and a table; printed through the print preview and
exported like any table (SPEC 13)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.domain.utilisation import Grouping, UtilisationReport
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.reports import PrintDocument, ReportContext
from dst_desktop.reports.i18n import Language
from dst_desktop.reports.utilisation import utilisation_document
from dst_desktop.services.reports import ReportInputError, Reports


class Period(Enum):
    """The periods offered in one click; CUSTOM is whatever the date fields say."""

    LAST_QUARTER = "last_quarter"
    THIS_QUARTER = "this_quarter"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"
    LAST_12_MONTHS = "last_12_months"
    CUSTOM = "custom"


def period_dates(period: Period, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a preset period around ``today``; None for CUSTOM."""
    quarter_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    if period is Period.THIS_QUARTER:
        end_month = quarter_start.month + 2
        next_start = (
            dt.date(today.year + 1, 1, 1)
            if end_month == 12
            else dt.date(today.year, end_month + 1, 1)
        )
        return quarter_start, next_start - dt.timedelta(days=1)
    if period is Period.LAST_QUARTER:
        last = quarter_start - dt.timedelta(days=1)
        return dt.date(last.year, 3 * ((last.month - 1) // 3) + 1, 1), last
    if period is Period.LAST_MONTH:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if period is Period.THIS_YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if period is Period.LAST_12_MONTHS:
        return today.replace(day=1) - dt.timedelta(days=365), today.replace(day=1) - dt.timedelta(
            days=1
        )
    return None


@dataclass(frozen=True, slots=True)
class ChartRow:
    name: str
    #: The utilisation of each week (None: no capacity that week).
    weeks: tuple[float | None, ...]
    #: Over the whole period.
    total: float | None
    #: Text for each week's tooltip (``Week 12: 8 sessions / 10 capacity days``).
    tips: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    week_labels: tuple[str, ...]
    rows: tuple[ChartRow, ...]
    #: How a utilisation reads (``43.3 %``), for the bars' labels.
    percent: Callable[[float | None], str]


@dataclass(frozen=True, slots=True)
class ReportTableRow:
    cells: tuple[str, ...]
    #: Typed values for spreadsheets (numbers, ratios), None where text is all.
    values: tuple[object, ...]


class ReportsView(Protocol):
    def show_period(self, first: dt.date, last: dt.date) -> None: ...
    def show_chart(self, chart: Chart) -> None: ...
    def show_table(self, headers: tuple[str, ...], rows: tuple[ReportTableRow, ...]) -> None: ...
    def show_summary(self, text: str) -> None: ...
    def show_problem(self, text: str) -> None:
        """Why no report is shown ("" once there is one)."""


class ReportsPresenter:
    def __init__(
        self,
        view: ReportsView,
        reports: Reports,
        region_names: Callable[[], dict[str, str]],
        l10n: Localizer,
        language: Language,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._view = view
        self._reports = reports
        self._region_names = region_names
        self._l10n = l10n
        self._language: Language = language
        self._now = now
        self.first, self.last = period_dates(Period.LAST_QUARTER, reports.today()) or (
            reports.today(),
            reports.today(),
        )
        self.by = Grouping.REGION
        self.report: UtilisationReport | None = None

    def load(self) -> None:
        self._view.show_period(self.first, self.last)
        self.refresh()

    def period_chosen(self, period: Period) -> None:
        dates = period_dates(period, self._reports.today())
        if dates is not None:
            self.first, self.last = dates
            self._view.show_period(self.first, self.last)
            self.refresh()

    def dates_changed(self, first: dt.date, last: dt.date) -> None:
        if (first, last) != (self.first, self.last):
            self.first, self.last = first, last
            self.refresh()

    def grouping_chosen(self, by: Grouping) -> None:
        if by is not self.by:
            self.by = by
            self.refresh()

    def percent(self, value: float | None) -> str:
        if value is None:
            return "—"
        number = f"{value * 100:.1f}"
        if self._language == "fr":
            number = number.replace(".", ",")
        return number + "\u202f%"

    def refresh(self) -> None:
        translate = self._l10n.translate
        try:
            report = self._reports.utilisation(self.first, self.last, self.by)
        except ReportInputError as error:
            self.report = None
            if error.message.startswith("the period ends"):
                text = translate(
                    "ReportsWindow", "The period ends before it starts: choose a later end."
                )
            else:
                text = translate(
                    "ReportsWindow", "The period is too long: a report covers ten years at most."
                )
            self._view.show_problem(text)
            return
        self.report = report
        self._view.show_problem("")
        self._view.show_chart(self._chart(report))
        headers, rows = self._table(report)
        self._view.show_table(headers, rows)
        total = report.total
        self._view.show_summary(
            fill(
                translate("ReportsWindow", "%1 sessions for %2 capacity days: %3 used."),
                total.sessions,
                total.capacity_days,
                self.percent(total.utilisation),
            )
        )

    def _chart(self, report: UtilisationReport) -> Chart:
        translate = self._l10n.translate
        labels = tuple(str(week.iso_week) for week in report.weeks)
        rows = []
        for row in report.rows:
            tips = tuple(
                fill(
                    translate(
                        "ReportsWindow", "%1, week %2 (from %3): %4 sessions, %5 capacity days, %6"
                    ),
                    row.name,
                    week.iso_week,
                    self._l10n.date_text(week.first),
                    figures.sessions,
                    figures.capacity_days,
                    self.percent(figures.utilisation),
                )
                for week, figures in zip(report.weeks, row.weeks, strict=True)
            )
            rows.append(
                ChartRow(
                    row.name,
                    tuple(figures.utilisation for figures in row.weeks),
                    row.utilisation,
                    tips,
                )
            )
        title = {
            Grouping.REGION: translate("ReportsWindow", "Regions by week"),
            Grouping.SETUP: translate("ReportsWindow", "Setups by week"),
            Grouping.OPERATOR: translate("ReportsWindow", "Operators by week"),
        }[report.by]
        return Chart(title, labels, tuple(rows), self.percent)

    def _table(
        self, report: UtilisationReport
    ) -> tuple[tuple[str, ...], tuple[ReportTableRow, ...]]:
        translate = self._l10n.translate
        first = {
            Grouping.REGION: translate("ReportsWindow", "Region"),
            Grouping.SETUP: translate("ReportsWindow", "Setup"),
            Grouping.OPERATOR: translate("ReportsWindow", "Operator"),
        }[report.by]
        headers = [first]
        if report.by is not Grouping.REGION:
            headers.append(translate("ReportsWindow", "Region"))
        headers += [
            translate("ReportsWindow", "Capacity days")
            if report.by is Grouping.REGION
            else translate("ReportsWindow", "Days in service"),
            translate("ReportsWindow", "Sessions"),
            translate("ReportsWindow", "Utilisation"),
            translate("ReportsWindow", "Pending"),
            translate("ReportsWindow", "Cancelled"),
        ]
        regions = self._region_names() if report.by is not Grouping.REGION else {}
        rows = []
        for row in report.rows:
            pending = row.by_status.get(SessionStatus.PENDING_CONFIRMATION, 0)
            cancelled = row.by_status.get(SessionStatus.CANCELLED, 0)
            cells: list[str] = [row.name]
            values: list[object] = [None]
            if report.by is not Grouping.REGION:
                cells.append(regions.get(row.region_id, row.region_id))
                values.append(None)
            cells += [
                str(row.capacity_days),
                str(row.sessions),
                self.percent(row.utilisation),
                str(pending),
                str(cancelled),
            ]
            values += [row.capacity_days, row.sessions, row.utilisation, pending, cancelled]
            rows.append(ReportTableRow(tuple(cells), tuple(values)))
        return tuple(headers), tuple(rows)

    def title(self) -> str:
        return fill(
            self._l10n.translate("ReportsWindow", "Utilisation %1 to %2"),
            self._l10n.date_text(self.first),
            self._l10n.date_text(self.last),
        )

    def file_stem(self) -> str:
        return f"utilisation-{self.by.value}-{self.first.isoformat()}-{self.last.isoformat()}"

    def document(self) -> PrintDocument | None:
        """The printed report of what the window shows (None when it shows none)."""
        if self.report is None:
            return None
        context = ReportContext.create(self._language, self._now())
        return utilisation_document(self.report, context, self._region_names())
