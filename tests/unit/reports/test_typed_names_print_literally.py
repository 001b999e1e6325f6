"""Every name a user typed prints as typed on the booking summary and the day sheet:
markup in a client, region, module, setup, operator or offer name, or in the notes, is
text on paper, never formatting (SPEC 6).

The HTML is read back with a plain HTML parser, as the printing engine reads it: a name
that was not escaped loses its tags (``<b>Bold</b>`` reads ``Bold``), hides its content
(``<script>``) or turns ``&amp;`` into ``&``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser

import pytest

from dst_desktop.domain.model import Client, Module, Offer, Operator, Region, Setup
from dst_desktop.reports import (
    BookingSummary,
    booking_summary_html,
    build_day_sheet,
    day_sheet_document,
    day_sheet_html,
)
from dst_desktop.reports.document import multiline, text
from tests.unit.reports.samples import context, session

DAY = dt.date(2025, 3, 10)
#: What users typed, one kind of markup each: tags, a script, an entity.
TYPED = {
    "client": "<b>Bold</b> & Sons",
    "region": "<i>Sud</i> &amp; Est",
    "module": "<script>alert(1)</script> Tir",
    "setup": "Kit <u>#1</u>",
    "operator": "Camille &lt;Martin&gt;",
    "offer": "Pack <b>Pro</b> &amp; plus",
    "notes": "Gate <b>B</b> &amp; <script>badge</script>",
}


class _Text(HTMLParser):
    """The text an HTML page shows: tags dropped, entities read, scripts and styles
    hidden (as in a browser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def shown_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


@dataclasses.dataclass(frozen=True)
class Reference:
    regions: tuple[Region, ...]
    setups: tuple[Setup, ...]
    operators: tuple[Operator, ...]
    modules: tuple[Module, ...]
    clients: tuple[Client, ...]


def names(field: str) -> dict[str, str]:
    """Plain names, with the one of ``field`` replaced by what a user typed."""
    plain = {
        "client": "ACME",
        "region": "Occitanie",
        "module": "Tir de précision",
        "setup": "Setup Occitanie #1",
        "operator": "Camille Martin",
        "offer": "Pack Pro",
        "notes": "Parking B",
    }
    plain[field] = TYPED[field]
    return plain


def summary(field: str) -> BookingSummary:
    named = names(field)
    booked = session(notes=named["notes"], module_ids=("module_tir",))
    return BookingSummary(
        session=booked,
        client=Client(booked.client_id, named["client"]),
        region=Region(booked.region_id, named["region"]),
        modules=(Module("module_tir", named["module"], 12),),
        offer=Offer(str(booked.offer_id), named["offer"]),
        setup=Setup(str(booked.setup_id), named["setup"], booked.region_id),
        operator=Operator(str(booked.operator_id), named["operator"], booked.region_id),
    )


def day_sheet_page(field: str, *, one_region: bool) -> str:
    named = names(field)
    booked = session(notes=named["notes"], module_ids=("module_tir",))
    region = Region(booked.region_id, named["region"])
    reference = Reference(
        regions=(region,),
        setups=(Setup(str(booked.setup_id), named["setup"], region.id),),
        operators=(Operator(str(booked.operator_id), named["operator"], region.id),),
        modules=(Module("module_tir", named["module"], 12),),
        clients=(Client(booked.client_id, named["client"]),),
    )
    sheet = build_day_sheet(DAY, region if one_region else None, [booked], reference)
    return day_sheet_html(sheet, context())


@pytest.mark.parametrize("field", TYPED)
def test_the_booking_summary_prints_typed_names_literally(field: str) -> None:
    page = booking_summary_html(summary(field), context())

    assert TYPED[field] in shown_text(page)


@pytest.mark.parametrize("field", [f for f in TYPED if f != "offer"])  # no offer on it
@pytest.mark.parametrize("one_region", [True, False], ids=["one region", "all regions"])
def test_the_day_sheet_prints_typed_names_literally(field: str, one_region: bool) -> None:
    page = day_sheet_page(field, one_region=one_region)

    assert TYPED[field] in shown_text(page)


def test_the_day_sheet_title_and_footer_name_the_region_as_typed() -> None:
    """Title and footer are plain text (window title, PDF title, painted footer)."""
    region = Region("occitanie", TYPED["region"])
    reference = Reference((region,), (), (), (), ())

    document = day_sheet_document(build_day_sheet(DAY, region, [], reference), context())

    assert document.title.endswith(f"— {TYPED['region']}")
    assert document.footer_title.endswith(f"· {TYPED['region']}")


def test_the_reader_sees_what_an_unescaped_name_would_lose() -> None:
    """The check above can fail: markup left as markup does not read as typed."""
    for typed in TYPED.values():
        assert typed not in shown_text(f"<p>{typed}</p>")


def test_typed_text_is_escaped_for_any_place_in_a_page() -> None:
    """Safe between tags and inside an attribute's quotes alike."""
    assert text("<b class=\"x\">Bold</b> & 'Sons'") == (
        "&lt;b class=&quot;x&quot;&gt;Bold&lt;/b&gt; &amp; &#x27;Sons&#x27;"
    )


def test_typed_line_breaks_of_every_system_print_as_line_breaks() -> None:
    assert multiline("Gate <B>\r\nbadge & keys\rask Sam\nthen left") == (
        "Gate &lt;B&gt;<br/>badge &amp; keys<br/>ask Sam<br/>then left"
    )
