"""Reports from a real database (SPEC 13): utilisation against a plain day-by-day count,
session exports read back from CSV and XLSX, calendar feeds parsed with icalendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from dst_desktop.cli import main
from dst_desktop.domain.model import Client, Module, Operator, Region, Session, SessionFilter, Setup
from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus
from dst_desktop.domain.utilisation import Grouping
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.reports import ReportInputError, utilisation_to_dict
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request

START = dt.date(2025, 3, 1)
DAYS = 40


# -- utilisation against the straightforward day-by-day computation ---------------------


@st.composite
def databases(draw: st.DrawFn) -> tuple[list[Region], list[Setup], list[Operator], list[Session]]:
    """A few regions with setups and operators (some inactive, with days off), and
    sessions in every status on random days, never holding a resource twice a day."""
    region_ids = [f"r{n}" for n in range(draw(st.integers(1, 3)))]
    regions = [Region(r, f"Region {r}") for r in region_ids]
    days = [START + dt.timedelta(days=n) for n in range(DAYS)]
    days_off = st.frozensets(st.sampled_from(days), max_size=8)
    setups = [
        Setup(
            f"s{n}",
            f"Setup {n}",
            draw(st.sampled_from(region_ids)),
            draw(st.booleans()) or n == 0,
            draw(days_off),
        )
        for n in range(draw(st.integers(1, 5)))
    ]
    operators = [
        Operator(
            f"o{n}",
            f"Operator {n}",
            draw(st.sampled_from(region_ids)),
            draw(st.booleans()) or n == 0,
            draw(days_off),
        )
        for n in range(draw(st.integers(1, 5)))
    ]
    sessions = []
    held: set[tuple[str, dt.date]] = set()
    for n in range(draw(st.integers(0, 60))):
        status = draw(st.sampled_from(list(SessionStatus)))
        day = draw(
            st.sampled_from([*days, START - dt.timedelta(days=1), days[-1] + dt.timedelta(days=1)])
        )
        region = draw(st.sampled_from(region_ids))
        setup_id = operator_id = None
        if status is not SessionStatus.PENDING_CONFIRMATION:
            setup = draw(st.sampled_from(setups))
            operator = draw(st.sampled_from(operators))
            if status in RESOURCE_HOLDING and (
                (setup.id, day) in held or (operator.id, day) in held
            ):
                status = SessionStatus.CANCELLED  # the database would refuse the allocation
            if status in RESOURCE_HOLDING:
                held.update({(setup.id, day), (operator.id, day)})
            setup_id, operator_id = setup.id, operator.id
        sessions.append(
            Session(
                id=f"sess_{n}",
                client_id="c1",
                region_id=region,
                date=day,
                module_ids=("m1",),
                requested_participants=5,
                capacity_max=10,
                status=status,
                booking_source="back_office",
                created_at=dt.datetime(2025, 1, 1, 9),
                setup_id=setup_id,
                operator_id=operator_id,
            )
        )
    return regions, setups, operators, sessions


@contextmanager
def filled_store(
    regions: list[Region], setups: list[Setup], operators: list[Operator], sessions: list[Session]
) -> Iterator[PeeweeStore]:
    with tempfile.TemporaryDirectory() as folder:
        store = PeeweeStore.open(f"sqlite:///{Path(folder) / 'u.db'}")
        try:
            with store.writing() as tx:
                for region in regions:
                    tx.save_region(region)
                for setup in setups:
                    tx.save_setup(setup)
                for operator in operators:
                    tx.save_operator(operator)
                tx.save_module(Module("m1", "Module", 10))
                tx.save_client(Client("c1", "Client"))
                tx.add_sessions(sessions)
            yield store
        finally:
            store.close()


def day_by_day(
    store: PeeweeStore, first: dt.date, last: dt.date, by: Grouping
) -> dict[str, object]:
    """SPEC 13 read literally: one day at a time, one query per day."""
    with store.reading() as tx:
        setups, operators = tx.setups(None), tx.operators(None)
        items = {
            Grouping.REGION: [r.id for r in tx.regions()],
            Grouping.SETUP: [s.id for s in setups],
            Grouping.OPERATOR: [o.id for o in operators],
        }[by]
        capacity = Counter(dict.fromkeys(items, 0))
        holding = Counter(dict.fromkeys(items, 0))
        statuses: dict[str, Counter[str]] = {item: Counter() for item in items}
        day = first
        while day <= last:
            if by is Grouping.REGION:
                for region in items:
                    in_service = sum(
                        1
                        for s in setups
                        if s.region_id == region and s.active and day not in s.unavailable_dates
                    )
                    on_duty = sum(
                        1
                        for o in operators
                        if o.region_id == region and o.active and day not in o.unavailable_dates
                    )
                    capacity[region] += min(in_service, on_duty)
            else:
                for resource in setups if by is Grouping.SETUP else operators:
                    if resource.active and day not in resource.unavailable_dates:
                        capacity[resource.id] += 1
            for session in tx.sessions(SessionFilter(date_from=day, date_to=day)):
                key = {
                    Grouping.REGION: session.region_id,
                    Grouping.SETUP: session.setup_id,
                    Grouping.OPERATOR: session.operator_id,
                }[by]
                if key is None:
                    continue
                statuses[key][session.status.value] += 1
                if session.status in RESOURCE_HOLDING:
                    holding[key] += 1
            day += dt.timedelta(days=1)
    return {
        item: (capacity[item], holding[item], {k: v for k, v in statuses[item].items() if v})
        for item in items
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=databases(),
    by=st.sampled_from(list(Grouping)),
    first_offset=st.integers(0, DAYS - 1),
    length=st.integers(1, DAYS),
)
def test_utilisation_equals_the_day_by_day_count(
    data: tuple[list[Region], list[Setup], list[Operator], list[Session]],
    by: Grouping,
    first_offset: int,
    length: int,
) -> None:
    first = START + dt.timedelta(days=first_offset)
    last = first + dt.timedelta(days=length - 1)
    with filled_store(*data) as store:
        workflows = Workflows.create(store, BusinessDateClock(TODAY), "tester")
        report = workflows.reports.utilisation(first, last, by)
        expected = day_by_day(store, first, last, by)
    found = {
        row.id: (
            row.capacity_days,
            row.sessions,
            {status.value: count for status, count in row.by_status.items() if count},
        )
        for row in report.rows
    }
    assert found == expected
    for row in report.rows:
        capacity, sessions, _ = expected[row.id]  # type: ignore[misc]
        assert row.utilisation == (sessions / capacity if capacity else None)
        assert sum(week.capacity_days for week in row.weeks) == capacity
        assert sum(week.sessions for week in row.weeks) == sessions
    assert sum(week.days for week in report.weeks) == length


def statements_during(store: PeeweeStore, action: object) -> list[str]:
    """Every SQL statement the store sends during ``action()``, on either backend."""
    with store.counting_statements() as statements:
        action()  # type: ignore[operator]
    return list(statements)


def test_utilisation_of_a_year_costs_the_queries_of_a_week(workflows: Workflows) -> None:
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    reports = workflows.reports
    reports.utilisation(TODAY, TODAY)  # reference data read and cached once
    week = statements_during(
        store, lambda: reports.utilisation(TODAY, TODAY + dt.timedelta(days=6))
    )
    year = statements_during(
        store, lambda: reports.utilisation(TODAY, TODAY + dt.timedelta(days=364), Grouping.OPERATOR)
    )
    reads = [s for s in year if s.lstrip().upper().startswith("SELECT")]
    assert len(year) == len(week)
    assert len(reads) <= 3, reads
    assert not any(word in s.lower() for s in year for word in ("strftime", "julianday", "date("))


def test_utilisation_json_has_the_issues_shape(workflows: Workflows) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    assert created.success
    workflows.booking.confirm_session_booking(created.to_dict()["sessionId"])
    day = dt.date(2025, 3, 10)
    report = utilisation_to_dict(workflows.reports.utilisation(day, day))
    assert report["from"] == report["to"] == "2025-03-10"
    assert report["by"] == "region"
    rows = {row["id"]: row for row in report["rows"]}  # type: ignore[union-attr]
    # Occitanie: 5 setups and 6 operators in service, one session.
    assert rows["occitanie"]["capacityDays"] == 5
    assert rows["occitanie"]["sessions"] == 1
    assert rows["occitanie"]["utilisation"] == 0.2
    assert rows["occitanie"]["byStatus"]["confirmed"] == 1
    assert rows["bretagne"]["utilisation"] == 0.0
    assert set(rows["bretagne"]) == {
        "id",
        "name",
        "capacityDays",
        "sessions",
        "utilisation",
        "byStatus",
    }


def test_a_region_without_capacity_has_no_utilisation_figure(workflows: Workflows) -> None:
    workflows.reference.import_reference({"regions": [{"id": "corse", "name": "Corse"}]})
    report = workflows.reports.utilisation(TODAY, TODAY)
    corse = next(row for row in report.rows if row.id == "corse")
    assert (corse.capacity_days, corse.sessions, corse.utilisation) == (0, 0, None)
    assert utilisation_to_dict(report)["rows"][0]["name"] == "Bretagne"  # type: ignore[index]


def test_reports_refuse_periods_that_cannot_be_meant(workflows: Workflows) -> None:
    with pytest.raises(ReportInputError, match="before it starts"):
        workflows.reports.utilisation(TODAY, TODAY - dt.timedelta(days=1))
    with pytest.raises(ReportInputError, match="at most 3653 days"):
        workflows.reports.utilisation(dt.date(1990, 1, 1), TODAY)
    # Ten calendar years, three leap days among them, are one report.
    assert workflows.reports.utilisation(dt.date(2016, 1, 1), dt.date(2025, 12, 31)).rows
    with pytest.raises(ReportInputError, match="is 3654 days long"):
        workflows.reports.utilisation(dt.date(2016, 1, 1), dt.date(2026, 1, 1))
    with pytest.raises(ReportInputError, match="'atlantis' is not a known region"):
        workflows.reports.session_records(region_id="atlantis")


# -- the command line ---------------------------------------------------------------------


class Cli:
    def __init__(self, url: str) -> None:
        self.url = url

    def run(self, *args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["--database", self.url, "--today", TODAY.isoformat(), *args], out, err)
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def booked(workflows: Workflows, database_url: str) -> dict[str, str]:
    """Three sessions on 2025-03-10 in Occitanie: confirmed, pending, and a cancelled mission."""
    ids = {}
    for name, client in (
        ("confirmed", "client_123"),
        ("pending", "client_acme"),
        ("cancelled", "client_123"),
    ):
        created = workflows.booking.create_session_booking(booking_request(clientId=client))
        assert created.success
        ids[name] = str(created.to_dict()["sessionId"])
    for name in ("confirmed", "cancelled"):
        assert workflows.booking.confirm_session_booking(ids[name]).success
    assert workflows.mission.cancel_mission(ids["cancelled"], "client cancelled").success
    return ids


@pytest.fixture
def cli(database_url: str, booked: dict[str, str]) -> Cli:
    return Cli(database_url)


def test_export_sessions_csv_reads_back_as_the_sessions(
    cli: Cli, booked: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "sessions.csv"
    code, text, err = cli.run("export-sessions", str(out), "--language", "fr")
    assert (code, err) == (0, "")
    assert "3 session(s) written" in text
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_id) == set(booked.values())
    confirmed = by_id[booked["confirmed"]]
    assert confirmed["Date"] == "2025-03-10"
    assert confirmed["Status"] == "Confirmed"
    assert confirmed["Client"] == "ACME"
    assert confirmed["Region"] == "Occitanie"
    assert confirmed["Modules"] == "Tir de précision, Scénario tactique"
    assert confirmed["Participants"] == "12"
    assert confirmed["Setup"] == "Setup Occitanie #1"
    assert confirmed["Offer"] == "Pack Pro"
    assert confirmed["Created (UTC)"].endswith("Z")
    assert by_id[booked["pending"]]["Setup"] == ""
    assert by_id[booked["cancelled"]]["Cancelled (UTC)"] != ""


def test_export_sessions_xlsx_has_real_dates_and_numbers(
    cli: Cli, booked: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "sessions.xlsx"
    code, _, err = cli.run(
        "export-sessions", str(out), "--status", "confirmed", "--region", "occitanie"
    )
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert row["Reference"] == booked["confirmed"]
    assert row["Date"] == dt.datetime(2025, 3, 10)
    assert row["Participants"] == 12
    assert isinstance(row["Created (UTC)"], dt.datetime)
    assert sheet["B2"].is_date


def test_output_files_are_kept_without_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "sessions.csv"
    out.write_text("precious")
    code, _, err = cli.run("export-sessions", str(out))
    assert code == 1
    assert err == f"dst-desktop: error: {out} already exists (use --force to replace it)\n"
    assert out.read_text() == "precious"
    code, _, err = cli.run("export-sessions", str(out), "--force")
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8-sig").startswith("Reference,")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["export-sessions", "x.txt"], 2, "must end with .csv or .xlsx"),
        (["export-sessions", "{tmp}/no/such/folder/x.csv"], 1, "does not exist"),
        (["export-sessions", "{tmp}/folder.csv"], 1, "it is a folder"),
        (
            ["export-sessions", "{tmp}/x.csv", "--region", "atlantis"],
            1,
            "'atlantis' is not a known region",
        ),
        (
            ["export-sessions", "{tmp}/x.csv", "--from", "2025-03-02", "--to", "2025-03-01"],
            2,
            "before it starts",
        ),
        (["export-sessions", "{tmp}/x.csv", "--from", "2025-02-30"], 2, "is not a date"),
        (["export-sessions", "{tmp}/x.csv", "--status", "lost"], 2, "invalid choice"),
        (["utilisation", "--from", "2025-03-01"], 2, "required"),
        (["utilisation", "--from", "1990-01-01", "--to", "2025-03-01"], 2, "at most 3653 days"),
        (
            ["utilisation", "--from", "2025-03-01", "--to", "2025-03-31", "--csv", "{tmp}/u.xlsx"],
            2,
            "must end with .csv",
        ),
        (
            ["export-ical", "{tmp}/x.ics", "--operator", "nobody"],
            1,
            "'nobody' is not a known operator",
        ),
        (["export-ical", "{tmp}/x.ics", "--setup", "nothing"], 1, "'nothing' is not a known setup"),
        (["export-ical", "{tmp}/x.ics", "--setup", "a", "--operator", "b"], 2, "not allowed with"),
    ],
)
def test_bad_input_says_what_is_wrong(
    cli: Cli, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    (tmp_path / "folder.csv").mkdir()
    found, out, err = cli.run(*(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert found == code
    assert message in err
    assert "Traceback" not in err + out
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.ics").exists()


def test_utilisation_outputs(cli: Cli, tmp_path: Path) -> None:
    code, text, _ = cli.run("utilisation", "--from", "2025-03-10", "--to", "2025-03-10", "--json")
    assert code == 0
    report = json.loads(text)
    occitanie = next(row for row in report["rows"] if row["id"] == "occitanie")
    assert (occitanie["capacityDays"], occitanie["sessions"]) == (5, 1)
    assert occitanie["byStatus"]["pending_confirmation"] == 1
    assert occitanie["byStatus"]["cancelled"] == 1

    code, text, _ = cli.run("utilisation", "--from", "2025-03-10", "--to", "2025-03-10")
    assert code == 0
    assert any(line.startswith("Occitanie") and "20.0 %" in line for line in text.splitlines())

    workbook = tmp_path / "u.xlsx"
    code, _, err = cli.run(
        "utilisation",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-16",
        "--by",
        "setup",
        "--xlsx",
        str(workbook),
    )
    assert (code, err) == (0, "")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Utilisation", "By week"]
    figures, weeks = book.worksheets
    header = [cell.value for cell in figures[1]]
    rows = {
        row[0]: dict(zip(header, row, strict=True))
        for row in figures.iter_rows(min_row=2, values_only=True)
    }
    assert rows["Setup Occitanie #1"]["Days in service"] == 14
    assert rows["Setup Occitanie #1"]["Sessions"] == 1
    assert rows["Setup Occitanie #1"]["Utilisation"] == pytest.approx(1 / 14)
    assert figures.cell(2, header.index("Utilisation") + 1).number_format == "0.0%"
    assert [cell.value for cell in weeks[1]][1:] == ["Week 10 (2025-03-03)", "Week 11 (2025-03-10)"]

    table = tmp_path / "u.csv"
    code, _, _ = cli.run(
        "utilisation",
        "--from",
        "2025-03-10",
        "--to",
        "2025-03-10",
        "--csv",
        str(table),
        "--language",
        "fr",
    )
    assert code == 0
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    occitanie_line = next(line for line in lines if line.startswith("Occitanie;"))
    assert ";0,2000;" in occitanie_line


def test_utilisation_pdf_is_a_printed_report(cli: Cli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "u.pdf"
    code, _, err = cli.run(
        "utilisation",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--pdf",
        str(pdf),
        "--language",
        "fr",
    )
    assert (code, err) == (0, ""), err
    content = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Rapport d'utilisation" in content
    assert "Occitanie" in content and "Jours de capacité" in content


# -- calendar feeds -----------------------------------------------------------------------


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ical_events_are_stable_and_follow_the_session(
    cli: Cli, booked: dict[str, str], workflows: Workflows, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    code, text, err = cli.run("export-ical", str(first), "--region", "occitanie")
    assert (code, err) == (0, "")
    assert "3 event(s)" in text
    before = events(first)
    assert len(before) == 3
    by_session = {str(event["DESCRIPTION"]).rsplit(": ", 1)[-1]: event for event in before.values()}  # type: ignore[attr-defined]
    confirmed = by_session[booked["confirmed"]]
    assert str(confirmed["STATUS"]) == "CONFIRMED"
    assert confirmed["DTSTART"].dt == dt.date(2025, 3, 10)  # type: ignore[index]
    assert confirmed["DTSTART"].params.get("VALUE") == "DATE"  # type: ignore[index]
    assert str(confirmed["SUMMARY"]) == "ACME — Tir de précision, Scénario tactique"  # type: ignore[index]
    assert str(confirmed["LOCATION"]) == "Occitanie"  # type: ignore[index]
    assert "Setup Occitanie #1" in str(confirmed["DESCRIPTION"])  # type: ignore[index]
    assert str(by_session[booked["pending"]]["STATUS"]) == "TENTATIVE"  # type: ignore[index]
    assert str(by_session[booked["cancelled"]]["STATUS"]) == "CANCELLED"  # type: ignore[index]

    assert workflows.mission.cancel_mission(booked["confirmed"], "weather").success
    code, _, _ = cli.run("export-ical", str(second), "--region", "occitanie")
    assert code == 0
    after = events(second)
    assert set(after) == set(before)
    uid = str(confirmed["UID"])  # type: ignore[index]
    assert str(after[uid]["STATUS"]) == "CANCELLED"  # type: ignore[index]
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])  # type: ignore[index]


def test_an_events_description_says_how_far_the_mission_went(
    cli: Cli, booked: dict[str, str], workflows: Workflows, tmp_path: Path
) -> None:
    assert workflows.mission.complete_mission(booked["confirmed"]).success
    english, french = tmp_path / "en.ics", tmp_path / "fr.ics"
    assert cli.run("export-ical", str(english), "--operator", "op_occitanie_1")[0] == 0
    assert (
        cli.run("export-ical", str(french), "--operator", "op_occitanie_1", "--language", "fr")[0]
        == 0
    )

    (event,) = events(english).values()
    assert str(event["STATUS"]) == "CONFIRMED"  # type: ignore[index]
    assert str(event["DESCRIPTION"]).splitlines()[0] == "Completed"  # type: ignore[index]
    (event,) = events(french).values()
    assert str(event["DESCRIPTION"]).splitlines()[0] == "Terminée"  # type: ignore[index]


def test_an_operators_feed_holds_only_their_sessions(
    cli: Cli, booked: dict[str, str], tmp_path: Path
) -> None:
    mine, other = tmp_path / "mine.ics", tmp_path / "other.ics"
    assert cli.run("export-ical", str(mine), "--operator", "op_occitanie_1")[0] == 0
    assert cli.run("export-ical", str(other), "--operator", "op_bretagne_1")[0] == 0
    assert len(events(mine)) == 1  # the confirmed session; the cancelled one went to op 2
    assert len(events(other)) == 0
    assert "X-WR-CALNAME:DST — Opérateur Occitanie 1" in mine.read_text(encoding="utf-8")
