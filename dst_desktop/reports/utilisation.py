"""The utilisation report on paper: a heat map (rows × weeks), a bar per row and the
figures, for the period and grouping of a :class:`UtilisationReport` (SPEC 13)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.domain.utilisation import Figures, Grouping, UtilisationReport
from dst_desktop.reports.document import (
    BRAND,
    LOGO_RESOURCE,
    MUTED,
    RULE,
    SHADE,
    PrintDocument,
    ReportContext,
    letterhead,
    page,
    page_template,
    printed_text,
    text,
)

#: The heat map's scale, from no use to full use (light to the logo's dark blue).
HEAT_SCALE: tuple[str, ...] = (
    "#f2f6fa",
    "#d7e4f0",
    "#b4cde3",
    "#8bb1d3",
    "#5f90bf",
    "#3a6fa3",
    "#1f4f80",
    "#163a5f",
)
#: No capacity at all in the cell (every setup in maintenance, nobody on duty).
NO_CAPACITY = "#e4e7eb"
#: More sessions than capacity (a setup went into maintenance after confirmation).
OVER_CAPACITY = "#b5471b"
#: The widest heat map on A4 portrait: longer periods put several weeks in a column.
MAX_PRINTED_COLUMNS = 27


def heat_colour(utilisation: float | None) -> str:
    """The colour of a utilisation on the heat map (``#rrggbb``)."""
    if utilisation is None:
        return NO_CAPACITY
    if utilisation > 1.0:
        return OVER_CAPACITY
    step = min(len(HEAT_SCALE) - 1, math.floor(utilisation * (len(HEAT_SCALE) - 1) + 0.5))
    return HEAT_SCALE[step]


def ink_on(colour: str) -> str:
    """Black or white text, whichever reads on ``colour``."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#ffffff" if 0.299 * red + 0.587 * green + 0.114 * blue < 150 else "#1d2733"


def percent_text(utilisation: float | None, language: str) -> str:
    """``75.3 %`` / ``75,3 %``; ``—`` without capacity."""
    if utilisation is None:
        return "—"
    value = f"{utilisation * 100:.1f}"
    return (value.replace(".", ",") if language == "fr" else value) + "\u202f%"


def week_buckets(count: int, columns: int = MAX_PRINTED_COLUMNS) -> list[range]:
    """The weeks' indexes, cut into at most ``columns`` consecutive groups."""
    size = max(1, math.ceil(count / columns))
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


def _merged(figures: Sequence[Figures], bucket: range) -> Figures:
    return Figures(
        sum(figures[i].capacity_days for i in bucket), sum(figures[i].sessions for i in bucket)
    )


def _subtitle(report: UtilisationReport, context: ReportContext) -> str:
    words = context.wording
    by = {
        Grouping.REGION: words("by region"),
        Grouping.SETUP: words("by setup"),
        Grouping.OPERATOR: words("by operator"),
    }[report.by]
    period = words(
        "{first} to {last}",
        first=words.long_date(report.first),
        last=words.long_date(report.last),
    )
    return f'<span class="strong">{text(period)}</span><br/>{text(by)}'


def _heat_map(report: UtilisationReport, context: ReportContext) -> str:
    words = context.wording
    buckets = week_buckets(len(report.weeks))
    name_width = 24
    cell_width = (100 - name_width) / max(1, len(buckets))
    header = f'<th width="{name_width}%">&nbsp;</th>' + "".join(
        f'<th width="{cell_width:.2f}%" align="center" style="font-size: 6.5pt;">'
        f"{report.weeks[bucket[0]].iso_week}</th>"
        for bucket in buckets
    )
    rows = []
    for row in report.rows:
        cells = "".join(
            f'<td bgcolor="{heat_colour(_merged(row.weeks, bucket).utilisation)}">&nbsp;</td>'
            for bucket in buckets
        )
        rows.append(f'<tr><td style="font-size: 8pt;">{text(row.name)}</td>{cells}</tr>')
    legend_cells = "".join(
        f'<td bgcolor="{colour}" width="18">&nbsp;</td>' for colour in HEAT_SCALE
    )
    legend = (
        '<table cellspacing="0" cellpadding="2" style="margin-top: 4px;"><tr>'
        f'<td class="small muted">0\u202f%&nbsp;</td>{legend_cells}'
        f'<td class="small muted">&nbsp;100\u202f%&nbsp;&nbsp;&nbsp;</td>'
        f'<td bgcolor="{OVER_CAPACITY}" width="18">&nbsp;</td>'
        f'<td class="small muted">&nbsp;{text(words("over capacity"))}&nbsp;&nbsp;&nbsp;</td>'
        f'<td bgcolor="{NO_CAPACITY}" width="18">&nbsp;</td>'
        f'<td class="small muted">&nbsp;{text(words("no capacity"))}</td>'
        "</tr></table>"
    )
    weeks_note = (
        words("Columns are calendar weeks (ISO week numbers).")
        if len(buckets) == len(report.weeks)
        else words(
            "Each column is {count} calendar weeks (the first one's ISO week number).",
            count=len(buckets[0]),
        )
    )
    return (
        f"<h2>{text(words('Week by week'))}</h2>"
        f'<table width="100%" cellspacing="1" cellpadding="2" style="margin-top: 2px;">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>"
        f"{legend}"
        f'<p class="small muted">{text(weeks_note)}</p>'
    )


def _bars(report: UtilisationReport, context: ReportContext) -> str:
    words = context.wording
    rows = []
    for row in report.rows:
        share = row.utilisation or 0.0
        filled = max(0, min(100, round(share * 100)))
        colour = OVER_CAPACITY if share > 1 else BRAND
        bar_cells = (f'<td width="{filled}%" bgcolor="{colour}">&nbsp;</td>' if filled else "") + (
            f'<td width="{100 - filled}%" bgcolor="{SHADE}">&nbsp;</td>' if filled < 100 else ""
        )
        bar = f'<table width="100%" cellspacing="0" cellpadding="1"><tr>{bar_cells}</tr></table>'
        rows.append(
            f'<tr><td width="24%" style="font-size: 8pt;">{text(row.name)}</td>'
            f'<td width="62%">{bar}</td>'
            f'<td width="14%" align="right" style="font-size: 8pt;">'
            f"{text(percent_text(row.utilisation, context.language))}</td></tr>"
        )
    return (
        f"<h2>{text(words('Utilisation'))}</h2>"
        f'<table width="100%" cellspacing="0" cellpadding="2">{"".join(rows)}</table>'
    )


def _figures(
    report: UtilisationReport, context: ReportContext, region_names: Mapping[str, str]
) -> str:
    words = context.wording
    capacity = words("Capacity days") if report.by is Grouping.REGION else words("Days in service")
    first = {
        Grouping.REGION: words("Region"),
        Grouping.SETUP: words("Setup"),
        Grouping.OPERATOR: words("Operator"),
    }[report.by]
    headers = [first]
    if report.by is not Grouping.REGION:
        headers.append(words("Region"))
    headers += [
        capacity,
        words("Sessions"),
        words("Utilisation"),
        words("Pending"),
        words("Cancelled"),
    ]
    numeric_from = len(headers) - 5
    head = "".join(
        f"<th{' align=right' if n >= numeric_from else ''}>{text(title)}</th>"
        for n, title in enumerate(headers)
    )
    body = []
    for row in report.rows:
        cells = [f'<td class="strong">{text(row.name)}</td>']
        if report.by is not Grouping.REGION:
            cells.append(f"<td>{text(region_names.get(row.region_id, row.region_id))}</td>")
        cells += [
            f'<td align="right">{row.capacity_days}</td>',
            f'<td align="right">{row.sessions}</td>',
            f'<td align="right">{text(percent_text(row.utilisation, context.language))}</td>',
            f'<td align="right">{row.by_status.get(SessionStatus.PENDING_CONFIRMATION, 0)}</td>',
            f'<td align="right">{row.by_status.get(SessionStatus.CANCELLED, 0)}</td>',
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    total = report.total
    span = 2 if report.by is not Grouping.REGION else 1
    body.append(
        f'<tr><td colspan="{span}" class="strong">{text(words("Total"))}</td>'
        f'<td align="right" class="strong">{total.capacity_days}</td>'
        f'<td align="right" class="strong">{total.sessions}</td>'
        f'<td align="right" class="strong">'
        f"{text(percent_text(total.utilisation, context.language))}</td>"
        f'<td align="right" class="strong">'
        f"{sum(r.by_status.get(SessionStatus.PENDING_CONFIRMATION, 0) for r in report.rows)}</td>"
        f'<td align="right" class="strong">'
        f"{sum(r.by_status.get(SessionStatus.CANCELLED, 0) for r in report.rows)}</td></tr>"
    )
    return (
        f"<h2>{text(words('Figures'))}</h2>"
        f'<table class="sheet" width="100%" cellspacing="0" cellpadding="3" border="1" '
        f'style="border-collapse: collapse; border: 1px solid {RULE};">'
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
        f'<p class="small" style="color: {MUTED}; margin-top: 4px;">'
        f"{text(_definition(report, context))}</p>"
    )


def _definition(report: UtilisationReport, context: ReportContext) -> str:
    words = context.wording
    if report.by is Grouping.REGION:
        return words(
            "Capacity days: the sum over the days of the period of MIN(setups in service, "
            "operators on duty). Sessions: confirmed, scheduled, in progress or completed. "
            "Utilisation = sessions / capacity days."
        )
    return words(
        "Days in service: days active and not in maintenance or on leave. Sessions: days "
        "booked (confirmed, scheduled, in progress or completed). Utilisation = sessions / "
        "days in service."
    )


def utilisation_html(
    report: UtilisationReport, context: ReportContext, region_names: Mapping[str, str]
) -> str:
    words = context.wording
    parts = [letterhead(context, words("Utilisation report"), _subtitle(report, context))]
    if not report.rows:
        parts.append(f'<p class="muted">{text(words("Nothing to report."))}</p>')
    else:
        parts += [
            _heat_map(report, context),
            _bars(report, context),
            _figures(report, context, region_names),
        ]
    return page(words("Utilisation report"), "".join(parts))


def utilisation_document(
    report: UtilisationReport, context: ReportContext, region_names: Mapping[str, str]
) -> PrintDocument:
    """The report with its footer texts, ready for :mod:`dst_desktop.ui.printing`."""
    words = context.wording
    title = words("Utilisation report")
    period = f"{report.first.isoformat()} — {report.last.isoformat()}"
    return PrintDocument(
        title=f"{title} — {period}",
        html=utilisation_html(report, context, region_names),
        footer_title=f"{context.company.name} · {title} · {period}",
        printed_text=printed_text(context),
        page_template=page_template(context),
        images=(LOGO_RESOURCE,),
        file_name=(
            f"utilisation-{report.by.value}-{report.first.isoformat()}-{report.last.isoformat()}.pdf"
        ),
        language=context.language,
    )
