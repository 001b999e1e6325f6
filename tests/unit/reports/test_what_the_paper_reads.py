"""The booking summary and the day sheet, read as a person reads the paper: every piece of
text in order, and nothing else (no stray text, no field left out, no label swapped).

The expected texts were read on the rendered pages; a change to what is printed changes
them on purpose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser

from dst_desktop.domain.model import Client
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import booking_summary_html, build_day_sheet, day_sheet_html
from tests.unit.reports.samples import TIR, context, summary
from tests.unit.reports.test_day_sheet import DAY, Reference, _sessions


class _Pieces(HTMLParser):
    """The pieces of text a page shows, in order (styles and the title aside)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("style", "title", "script")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "title", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.pieces.append(data.strip())


def read(page: str) -> list[str]:
    parser = _Pieces()
    parser.feed(page)
    parser.close()
    return parser.pieces


HEAD = ["DST", "On-site training sessions", "Booking summary", "Booking"]
SESSION_ID = "sess_1708418400000_a1b2c3d4e"
REMARKS = ["Remarks", "Client signature", "Name and date:", "For DST", "Name and date:"]


def test_a_confirmed_summary_reads_every_field_once_in_order() -> None:
    assert read(booking_summary_html(summary(), context())) == [
        *HEAD,
        SESSION_ID,
        "Status: CONFIRMED",
        "Confirmed: the date, the setup and the operator below are reserved.",
        "Client",
        "Client",
        "ACME",
        "Email",
        "contact@acme.example",
        "Phone",
        "04 67 00 00 00",
        "Session",
        "Date",
        "Monday 10 March 2025",
        "Region",
        "Occitanie",
        "Participants",
        "12 / 12 max.",
        "Offer",
        "Pack Pro",
        "Source",
        "Client portal",
        "Modules",
        "Module",
        "Capacity",
        "Tir de précision",
        "— limits the capacity",
        "12 participants",
        "Scénario tactique",
        "16 participants",
        "Allocation",
        "Setup",
        "Setup Occitanie #1",
        "Operator",
        "Camille Martin",
        "History",
        "Created",
        "20 Feb 2025, 16:30",
        "Confirmed",
        "20 Feb 2025, 17:00",
        "Booking notes",
        "Parking behind building B",
        *REMARKS,
    ]


def test_a_cancelled_summary_of_things_since_removed_reads_their_ids() -> None:
    """Cancelled with a reason; its region, setup, a module and the offer no longer in
    the reference data; a client with an email only."""
    cancelled = dataclasses.replace(
        summary(
            status=SessionStatus.CANCELLED,
            cancelled_at=dt.datetime(2025, 2, 25, 10),
            cancellation_reason="Weather",
            module_ids=("module_tir", "module_gone"),
            offer_id=None,
            setup_id="setup_gone",
            scheduled_at=dt.datetime(2025, 2, 21, 8),
        ),
        client=Client("client_123", "ACME", email="a@b.example"),
        region=None,
        modules=(TIR,),
        offer=None,
        setup=None,
    )

    assert read(booking_summary_html(cancelled, context())) == [
        *HEAD,
        SESSION_ID,
        "Status: CANCELLED",
        "This session was cancelled; its setup and operator were released. Reason: Weather",
        "Client",
        "Client",
        "ACME",
        "Email",
        "a@b.example",
        "Session",
        "Date",
        "Monday 10 March 2025",
        "Region",
        "occitanie",
        "Participants",
        "12 / 12 max.",
        "Offer",
        "None",
        "Source",
        "Client portal",
        "Modules",
        "Module",
        "Capacity",
        "Tir de précision",
        "12 participants",
        "module_gone",
        "—",
        "Allocation",
        "Setup",
        "setup_gone",
        "— released",
        "Operator",
        "Camille Martin",
        "— released",
        "History",
        "Created",
        "20 Feb 2025, 16:30",
        "Confirmed",
        "20 Feb 2025, 17:00",
        "Scheduled",
        "21 Feb 2025, 09:00",
        "Cancelled",
        "25 Feb 2025, 11:00",
        "Booking notes",
        "Parking behind building B",
        *REMARKS,
    ]


def test_a_client_without_contact_details_says_so() -> None:
    anonymous = dataclasses.replace(summary(), client=Client("client_123", "ACME"))

    pieces = read(booking_summary_html(anonymous, context()))

    assert pieces[pieces.index("ACME") + 1 : pieces.index("Session")] == [
        "Contact",
        "No contact details recorded",
    ]


def test_a_day_sheet_of_all_regions_reads_each_region_and_session_in_order() -> None:
    sheet = build_day_sheet(DAY, None, _sessions(), Reference())
    columns = ["Setup", "Operator", "Client", "Modules", "Participants"]
    acme = ["ACME", "04 67 00 00 00 · contact@acme.example"]
    note = "Note: Parking behind building B"
    both_modules = ["• Tir de précision", "• Scénario tactique", "12", "/ 12", "Confirmed"]

    assert read(day_sheet_html(sheet, context())) == [
        "DST",
        "On-site training sessions",
        "Day sheet",
        "Monday 10 March 2025",
        "· All regions",
        "3 sessions · 2 regions",
        "Bretagne",
        "·\xa0 1 session",
        *columns,
        "Setup Bretagne #1",
        "Gabriel Michel",
        "Brest & Co",
        "02 98",
        "s_bre",
        note,
        "Scénario tactique",
        "9",
        "/ 16",
        "Completed",
        "Occitanie",
        "·\xa0 2 sessions",
        *columns,
        "Setup Occitanie #2",
        "Camille Martin",
        *acme,
        "s_occ_2",
        note,
        *both_modules,
        "Setup Occitanie #10",
        "Louis Durand",
        *acme,
        "s_occ_10",
        note,
        *both_modules,
    ]
