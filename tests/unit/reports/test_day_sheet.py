"""The day sheet as data and HTML: which sessions, in which order, with which columns."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dst_desktop.domain.model import Client, Module, Operator, Region, Session, Setup
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import build_day_sheet, day_sheet_document, day_sheet_html
from tests.unit.reports.samples import (
    ACME,
    BRETAGNE,
    OCCITANIE,
    SCENARIO,
    TIR,
    context,
    session,
)

DAY = dt.date(2025, 3, 10)
AUVERGNE = Region("auvergne", "Auvergne-Rhône-Alpes")


@dataclasses.dataclass(frozen=True)
class Reference:
    """The reference lists, as ``BookingQueries.reference()`` answers them."""

    regions: tuple[Region, ...] = (OCCITANIE, BRETAGNE, AUVERGNE)
    setups: tuple[Setup, ...] = (
        Setup("setup_occitanie_1", "Setup Occitanie #1", "occitanie"),
        Setup("setup_occitanie_2", "Setup Occitanie #2", "occitanie"),
        Setup("setup_occitanie_10", "Setup Occitanie #10", "occitanie"),
        Setup("setup_b", "Setup Bretagne #1", "bretagne"),
    )
    operators: tuple[Operator, ...] = (
        Operator("op_1", "Camille Martin", "occitanie"),
        Operator("op_2", "Louis Durand", "occitanie"),
        Operator("op_b", "Gabriel Michel", "bretagne"),
    )
    modules: tuple[Module, ...] = (TIR, SCENARIO)
    clients: tuple[Client, ...] = (ACME, Client("client_b", "Brest & Co", phone="02 98"))


def _sessions() -> list[Session]:
    return [
        session(id="s_occ_10", setup_id="setup_occitanie_10", operator_id="op_2"),
        session(id="s_occ_2", setup_id="setup_occitanie_2", operator_id="op_1"),
        session(
            id="s_bre",
            region_id=BRETAGNE.id,
            client_id="client_b",
            setup_id="setup_b",
            operator_id="op_b",
            module_ids=(SCENARIO.id,),
            requested_participants=9,
            capacity_max=16,
            status=SessionStatus.COMPLETED,
        ),
        session(id="s_pending", status=SessionStatus.PENDING_CONFIRMATION, setup_id=None),
        session(id="s_cancelled", status=SessionStatus.CANCELLED, setup_id=None),
        session(id="s_other_day", date=dt.date(2025, 3, 11)),
    ]


def test_day_sheet_holds_the_resource_holding_sessions_of_the_day_only() -> None:
    sheet = build_day_sheet(DAY, None, _sessions(), Reference())

    ids = [entry.session.id for group in sheet.groups for entry in group.entries]
    assert sorted(ids) == ["s_bre", "s_occ_10", "s_occ_2"]
    assert sheet.session_count == 3


def test_day_sheet_groups_by_region_name_and_orders_setups_naturally() -> None:
    sheet = build_day_sheet(DAY, None, _sessions(), Reference())

    assert [group.region.name for group in sheet.groups] == ["Bretagne", "Occitanie"]
    occitanie = sheet.groups[1]
    assert [entry.setup.name for entry in occitanie.entries if entry.setup] == [
        "Setup Occitanie #2",
        "Setup Occitanie #10",
    ]


def test_day_sheet_sorts_region_names_ignoring_accents_and_case() -> None:
    regions = (
        Region("pdl", "Pays de la Loire"),
        Region("idf", "Île-de-France"),
        Region("occ", "occitanie"),
        Region("ara", "Auvergne-Rhône-Alpes"),
    )
    sessions = [
        session(id=f"s_{region.id}", region_id=region.id, setup_id=f"setup_{region.id}")
        for region in regions
    ]

    sheet = build_day_sheet(DAY, None, sessions, Reference(regions=regions))

    assert [group.region.name for group in sheet.groups] == [
        "Auvergne-Rhône-Alpes",
        "Île-de-France",
        "occitanie",
        "Pays de la Loire",
    ]


def test_day_sheet_for_one_region_leaves_the_others_out() -> None:
    sheet = build_day_sheet(DAY, BRETAGNE, _sessions(), Reference())

    assert [group.region for group in sheet.groups] == [BRETAGNE]
    assert [entry.session.id for entry in sheet.groups[0].entries] == ["s_bre"]


def test_day_sheet_rows_show_setup_operator_client_modules_participants() -> None:
    html = day_sheet_html(build_day_sheet(DAY, None, _sessions(), Reference()), context())

    row = html[html.index("Setup Bretagne #1") :].split("</tr>")[0]
    for expected in ("Gabriel Michel", "Brest &amp; Co", "02 98", "s_bre", "Scénario tactique"):
        assert expected in row, expected
    assert "9</span>" in row and "/ 16" in row
    assert "Completed" in row


def test_each_region_table_repeats_its_header_rows_on_every_page() -> None:
    html = day_sheet_html(build_day_sheet(DAY, None, _sessions(), Reference()), context())

    assert html.count("<thead>") == 2  # one table per region, header rows in <thead>
    for header in html.split("<thead>")[1:]:
        head = header.split("</thead>")[0]
        assert all(column in head for column in ("Setup", "Operator", "Client", "Modules"))
    assert "Bretagne</span> &nbsp;·&nbsp; 1 session" in html
    assert "Occitanie</span> &nbsp;·&nbsp; 2 sessions" in html


def test_day_sheet_heading_names_the_day_and_the_regions() -> None:
    everywhere = day_sheet_html(build_day_sheet(DAY, None, _sessions(), Reference()), context())
    one_region = day_sheet_html(
        build_day_sheet(DAY, OCCITANIE, _sessions(), Reference()), context("fr")
    )

    assert "Monday 10 March 2025" in everywhere
    assert "All regions" in everywhere
    assert "3 sessions · 2 regions" in everywhere
    assert "lundi 10 mars 2025" in one_region
    assert "Feuille de journée" in one_region
    assert "2 sessions" in one_region and "région" not in one_region.split("<table")[0]


def test_empty_day_sheet_says_so() -> None:
    html = day_sheet_html(build_day_sheet(DAY, AUVERGNE, _sessions(), Reference()), context())

    assert "No session holds a setup on this date." in html
    assert "<thead>" not in html


def test_client_names_and_notes_on_the_day_sheet_are_escaped() -> None:
    reference = dataclasses.replace(Reference(), clients=(Client(ACME.id, "<b>Bold</b> & Sons"),))
    sessions = [session(notes="Gate <B> & ask for Sam")]

    html = day_sheet_html(build_day_sheet(DAY, None, sessions, reference), context())

    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Sons" in html
    assert "Note: Gate &lt;B&gt; &amp; ask for Sam" in html
    assert "<b>Bold" not in html


def test_unknown_references_print_their_ids() -> None:
    sessions = [session(setup_id="setup_gone", operator_id="op_gone", client_id="client_gone")]

    html = day_sheet_html(build_day_sheet(DAY, None, sessions, Reference()), context())

    for expected in ("setup_gone", "op_gone", "client_gone"):
        assert expected in html


def test_day_sheet_document_names_its_file_after_the_day_and_region() -> None:
    everywhere = day_sheet_document(build_day_sheet(DAY, None, [], Reference()), context())
    bretagne = day_sheet_document(build_day_sheet(DAY, BRETAGNE, [], Reference()), context())

    assert everywhere.file_name == "day-sheet-2025-03-10.pdf"
    assert bretagne.file_name == "day-sheet-2025-03-10-bretagne.pdf"
    assert everywhere.title == "Day sheet — Monday 10 March 2025 — All regions"
    assert "Bretagne" in bretagne.footer_title
