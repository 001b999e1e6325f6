"""The booking summary as HTML: every field the client file needs, escaped user text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dst_desktop.domain.model import Client
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import (
    BookingSummary,
    PrintDocument,
    booking_summary_document,
    booking_summary_html,
)
from dst_desktop.reports.document import (
    LOGO_RESOURCE,
    PENDING_SHADE,
    WARNING_INK,
    WARNING_SHADE,
)
from tests.unit.reports.samples import (
    ACME,
    OPERATOR_1,
    SETUP_1,
    context,
    pending_summary,
    summary,
)


def test_summary_shows_every_field_of_the_booking() -> None:
    html = booking_summary_html(summary(), context())

    for expected in (
        "sess_1708418400000_a1b2c3d4e",
        "ACME",
        "contact@acme.example",
        "04 67 00 00 00",
        "Occitanie",
        "Monday 10 March 2025",
        "Tir de précision",
        "12 participants",
        "Scénario tactique",
        "16 participants",
        "12 / 12 max.",
        "Pack Pro",
        "Setup Occitanie #1",
        "Camille Martin",
        "Created",
        "20 Feb 2025, 16:30",  # stored in UTC, shown on the reader's clock
        "Confirmed",
        "20 Feb 2025, 17:00",
        "Parking behind building B",
        "Client signature",
        "Remarks",
    ):
        assert expected in html, expected
    assert "UTC" not in html and "CET" not in html


def test_pending_status_is_calm_amber_and_cancelled_stays_red() -> None:
    pending = booking_summary_html(pending_summary(), context())
    cancelled = booking_summary_html(
        summary(status=SessionStatus.CANCELLED, cancelled_at=dt.datetime(2025, 2, 25)),
        context(),
    )

    assert f"background-color: {PENDING_SHADE}" in pending
    assert WARNING_INK not in pending and WARNING_SHADE not in pending
    assert f"background-color: {WARNING_SHADE}" in cancelled
    assert PENDING_SHADE not in cancelled


def test_confirmed_summary_says_it_is_confirmed() -> None:
    html = booking_summary_html(summary(), context())

    assert "Status: CONFIRMED" in html
    assert "NOT CONFIRMED" not in html


def test_pending_summary_says_clearly_it_is_not_confirmed() -> None:
    html = booking_summary_html(pending_summary(), context())

    assert "Status: NOT CONFIRMED YET" in html
    assert "awaiting confirmation" in html
    assert html.count("Not allocated yet") == 2  # setup and operator
    assert "Not yet" in html  # confirmed timestamp


def test_the_module_that_limits_the_capacity_is_named() -> None:
    html = booking_summary_html(summary(), context())

    tir_row = html[html.index("Tir de précision") :].split("</tr>")[0]
    scenario_row = html[html.index("Scénario tactique") :].split("</tr>")[0]
    assert "limits the capacity" in tir_row
    assert "limits the capacity" not in scenario_row


def test_cancelled_summary_gives_the_reason_and_shows_resources_released() -> None:
    cancelled = summary(
        status=SessionStatus.CANCELLED,
        setup_id=None,
        operator_id=None,
        cancelled_at=dt.datetime(2025, 2, 25, 9, 0),
        cancellation_reason="Client closed <site> & moved",
    )
    html = booking_summary_html(
        dataclasses.replace(cancelled, setup=None, operator=None), context()
    )

    assert "Status: CANCELLED" in html
    assert "Reason: Client closed &lt;site&gt; &amp; moved" in html
    assert html.count("Released") == 2
    assert "25 Feb 2025, 10:00" in html


def test_text_typed_by_users_is_printed_literally() -> None:
    client = Client("client_x", "<b>Bold</b> & Sons", email="a&b@example.com", phone="<i>1</i>")
    markup = dataclasses.replace(
        summary(notes="<script>alert(1)</script>\nsecond line & more"), client=client
    )

    html = booking_summary_html(markup, context())

    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Sons" in html
    assert "<b>Bold" not in html
    assert "a&amp;b@example.com" in html
    assert "&lt;i&gt;1&lt;/i&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br/>second line &amp; more" in html
    assert "<script>" not in html


def test_summary_of_a_client_missing_from_the_reference_names_its_id() -> None:
    orphan = dataclasses.replace(summary(), client=None)

    html = booking_summary_html(orphan, context())

    assert "Unknown client client_123" in html


def test_summary_is_printed_in_french_with_french_dates() -> None:
    html = booking_summary_html(pending_summary(), context("fr"))

    for expected in (
        "Récapitulatif de réservation",
        "Statut : PAS ENCORE CONFIRMÉE",
        "lundi 10 mars 2025",
        "20 févr. 2025 à 16:30",
        "Pas encore attribué",
        "Signature du client",
        "Téléphone",
    ):
        assert expected in html, expected
    assert "Booking summary" not in html


def test_summary_document_carries_footer_texts_logo_and_file_name() -> None:
    document = booking_summary_document(summary(), context())

    assert isinstance(document, PrintDocument)
    assert document.title == "Booking summary — sess_1708418400000_a1b2c3d4e"
    assert "sess_1708418400000_a1b2c3d4e" in document.footer_title
    assert document.printed_text == "Printed 20 Feb 2025, 18:45"
    assert document.page_text(2, 3) == "Page 2 of 3"
    assert document.images == (LOGO_RESOURCE,)
    assert f'<img src="{LOGO_RESOURCE}"' in document.html
    assert document.file_name == "booking-summary-acme-2025-03-10.pdf"


def test_the_file_name_says_whose_booking_and_which_day_in_plain_letters() -> None:
    accented = dataclasses.replace(
        summary(), client=Client("client_9", "Sécurité & Prévention — Île-de-France")
    )
    assert booking_summary_document(accented, context()).file_name == (
        "booking-summary-securite-prevention-ile-de-france-2025-03-10.pdf"
    )
    unknown = dataclasses.replace(summary(), client=None)
    assert booking_summary_document(unknown, context()).file_name == (
        "booking-summary-client_123-2025-03-10.pdf"
    )


def test_french_document_numbers_pages_in_french() -> None:
    document = booking_summary_document(summary(), context("fr"))

    assert document.page_text(1, 2) == "Page 1 sur 2"
    assert document.printed_text == "Imprimé le 20 févr. 2025 à 18:45"


@dataclasses.dataclass(frozen=True)
class _Details:
    """What ``getBookingStatus`` answers, as far as the summary reads it."""

    session: object
    region: object
    client: object
    modules: tuple[object, ...]
    offer: object
    setups: tuple[object, ...]
    operators: tuple[object, ...]


@pytest.mark.parametrize("allocated", [True, False])
def test_summary_takes_the_allocation_from_booking_details(allocated: bool) -> None:
    base = summary()
    details = _Details(
        session=base.session,
        region=base.region,
        client=ACME,
        modules=base.modules,
        offer=base.offer,
        setups=(SETUP_1,) if allocated else (),
        operators=(OPERATOR_1,) if allocated else (),
    )

    made = BookingSummary.from_details(details)

    assert made.setup == (SETUP_1 if allocated else None)
    assert made.operator == (OPERATOR_1 if allocated else None)
    assert made.client == ACME


def test_cancelled_summary_marks_the_setup_and_operator_it_held_as_released() -> None:
    cancelled = summary(status=SessionStatus.CANCELLED, cancelled_at=dt.datetime(2025, 2, 25))

    html = booking_summary_html(cancelled, context())

    setup_row = html[html.index("Setup Occitanie #1") :].split("</tr>")[0]
    operator_row = html[html.index("Camille Martin") :].split("</tr>")[0]
    assert "— released" in setup_row
    assert "— released" in operator_row


def test_a_completed_session_prints_who_attended_and_the_operators_notes() -> None:
    completed = summary(
        status=SessionStatus.COMPLETED,
        completed_at=dt.datetime(2025, 3, 10, 17, 0),
        attended_participants=9,
        completion_notes="Two no-shows <b>late</b>\nRain",
    )
    html = booking_summary_html(completed, context())
    assert "Outcome of the session" in html
    assert "9 of 12 participants" in html
    assert "Two no-shows &lt;b&gt;late&lt;/b&gt;<br/>Rain" in html
    french = booking_summary_html(completed, context("fr"))
    assert "Déroulement de la session" in french
    assert "9 participants sur 12" in french
    assert "Outcome of the session" not in booking_summary_html(summary(), context())
