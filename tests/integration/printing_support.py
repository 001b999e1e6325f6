"""Data and PDF reading shared by the printing tests."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from dst_desktop.services.results import BookingConfirmed, BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import BOOKING_DAY, booking_request

BUSY_REGION = "grand_test"
MARKUP_CLIENT = "client_markup"
MARKUP_NAME = "<b>Bold</b> & Sons"


def busy_reference(size: int) -> dict[str, object]:
    """A region with ``size`` setups and operators, so that one day can hold ``size`` sessions."""
    return {
        "regions": [{"id": BUSY_REGION, "name": "Grand Test"}],
        "setups": [
            {"id": f"setup_test_{n:02d}", "name": f"Kit Test {n:02d}", "regionId": BUSY_REGION}
            for n in range(1, size + 1)
        ],
        "operators": [
            {"id": f"op_test_{n:02d}", "name": f"Operator Nr{n:02d}", "regionId": BUSY_REGION}
            for n in range(1, size + 1)
        ],
        "clients": [
            {
                "id": f"client_test_{n:02d}",
                "name": f"Client Company {n:02d}",
                "email": f"desk{n:02d}@client.example",
                "phone": f"01 02 03 04 {n:02d}",
            }
            for n in range(1, size + 1)
        ]
        + [
            {
                "id": MARKUP_CLIENT,
                "name": MARKUP_NAME,
                "email": "a&b@example.com",
                "phone": "<i>05</i>",
            }
        ],
    }


def confirmed_booking(workflows: Workflows, **request: object) -> str:
    """Create and confirm a booking; its session id."""
    created = workflows.booking.create_session_booking(booking_request(**request))
    assert isinstance(created, BookingCreated), created
    confirmed = workflows.booking.confirm_session_booking(created.session.id)
    assert isinstance(confirmed, BookingConfirmed), confirmed
    return created.session.id


def fill_busy_day(workflows: Workflows, count: int, day: str = BOOKING_DAY) -> list[str]:
    """``count`` confirmed sessions on ``day`` in the busy region, one per client."""
    imported = workflows.reference.import_reference(busy_reference(count))
    assert imported.success, imported
    return [
        confirmed_booking(
            workflows,
            clientId=f"client_test_{n:02d}",
            regionId=BUSY_REGION,
            date=day,
            moduleIds=["module_secourisme", "module_scenario"],
            requestedParticipants=n % 16 + 1,
            offerId=None,
            notes=f"Meet at gate {n}" if n % 3 == 0 else None,
        )
        for n in range(1, count + 1)
    ]


def pdf_pages(source: Path | bytes) -> list[str]:
    """The text of each page, ligatures undone and white space collapsed to single spaces."""
    if isinstance(source, bytes):
        from io import BytesIO

        reader = PdfReader(BytesIO(source))
    else:
        reader = PdfReader(source)
    texts = []
    for page in reader.pages:
        text = unicodedata.normalize("NFKC", page.extract_text())
        texts.append(re.sub(r"\s+", " ", text))
    return texts


def compact(text: str) -> str:
    """``text`` without white space: PDF text extraction may split a long id in two."""
    return "".join(text.split())
