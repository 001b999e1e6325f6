"""The pure parts of SPEC 13: weeks of a period, the printed report's words, CSV cells."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from dst_desktop.domain.model import Operator, Region, Setup
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.domain.utilisation import Grouping, SessionTally, compute_utilisation, weeks_of
from dst_desktop.exports.csv_file import FRENCH_CSV, csv_bytes
from dst_desktop.exports.table import Column, ColumnKind, Table
from dst_desktop.reports import FRENCH, ReportContext
from dst_desktop.reports.utilisation import heat_colour, utilisation_document, week_buckets

MONDAY = dt.date(2025, 3, 3)


def test_weeks_are_calendar_weeks_cut_to_the_period() -> None:
    weeks = weeks_of(MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=15))
    assert [(w.first, w.last, w.iso_week) for w in weeks] == [
        (dt.date(2025, 3, 5), dt.date(2025, 3, 9), 10),
        (dt.date(2025, 3, 10), dt.date(2025, 3, 16), 11),
        (dt.date(2025, 3, 17), dt.date(2025, 3, 18), 12),
    ]


def test_an_overbooked_week_is_above_one_and_orange() -> None:
    """A setup sent to maintenance after its session was confirmed keeps the session."""
    region = Region("r", "R")
    setup = Setup("s", "S", "r", unavailable_dates=frozenset({MONDAY}))
    operator = Operator("o", "O", "r")
    tally = SessionTally(MONDAY, "r", "s", "o", SessionStatus.CONFIRMED, 1)
    report = compute_utilisation(
        MONDAY, MONDAY, Grouping.REGION, [region], [setup], [operator], [tally]
    )
    assert (report.rows[0].capacity_days, report.rows[0].sessions) == (0, 1)
    assert report.rows[0].utilisation is None
    report = compute_utilisation(
        MONDAY,
        MONDAY + dt.timedelta(days=1),
        Grouping.REGION,
        [region],
        [setup],
        [operator],
        [
            tally,
            SessionTally(MONDAY + dt.timedelta(days=1), "r", "s", "o", SessionStatus.COMPLETED, 1),
        ],
    )
    assert report.rows[0].utilisation == 2.0
    assert heat_colour(2.0) == "#b5471b"


def test_week_buckets_fit_a_year_on_a_page() -> None:
    buckets = week_buckets(53)
    assert len(buckets) <= 27
    assert [i for bucket in buckets for i in bucket] == list(range(53))


def _strict_french(text: str) -> str:
    return FRENCH[text]  # a KeyError names a source text with no French translation


@pytest.mark.parametrize("by", list(Grouping))
def test_the_printed_report_is_all_french(by: Grouping) -> None:
    region = Region("r", "Occitanie")
    report = compute_utilisation(
        MONDAY,
        MONDAY + dt.timedelta(days=400),
        by,
        [region],
        [Setup("s", "S", "r")],
        [Operator("o", "O", "r")],
        [SessionTally(MONDAY, "r", "s", "o", SessionStatus.CONFIRMED, 1)],
    )
    context = ReportContext.create("fr", dt.datetime(2025, 3, 1, 9), translate=_strict_french)
    document = utilisation_document(report, context, {"r": "Occitanie"})
    assert "Rapport d'utilisation" in document.title
    assert "0,2\u202f%" in document.html  # 1 session in 401 days, decimal comma


def test_csv_cells_never_become_formulas_and_use_french_decimals() -> None:
    table = Table(
        "t",
        (Column("Client"), Column("Ratio", ColumnKind.PERCENT), Column("Day", ColumnKind.DATE)),
        (('=HYPERLINK("x")', 0.5, dt.date(2025, 3, 10)), ("-12", None, None)),
    )
    rows = list(
        csv.reader(io.StringIO(csv_bytes(table, FRENCH_CSV).decode("utf-8-sig")), delimiter=";")
    )
    assert rows == [
        ["Client", "Ratio", "Day"],
        ['\'=HYPERLINK("x")', "0,5000", "2025-03-10"],
        ["-12", "", ""],
    ]
