"""Booking summaries and day sheets rendered to PDF from a real database, read back as text."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dst_desktop.presenters.print_documents import DocumentUnavailableError, PrintDocuments
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui import printing
from dst_desktop.ui.printing import PdfExportError, export_pdf, render_pdf
from tests.conftest import booking_request, database_dump, database_file
from tests.integration.printing_support import (
    BUSY_REGION,
    MARKUP_CLIENT,
    MARKUP_NAME,
    compact,
    confirmed_booking,
    fill_busy_day,
    pdf_pages,
)

PRINTED_AT = dt.datetime(2025, 2, 20, 18, 5, tzinfo=dt.UTC)
DAY = dt.date(2025, 3, 10)

pytestmark = pytest.mark.usefixtures("qapp")


def documents(workflows: Workflows, language: str = "en") -> PrintDocuments:
    return PrintDocuments(
        workflows, "fr" if language == "fr" else "en", now=lambda: PRINTED_AT, zone=dt.UTC
    )


def test_summary_pdf_holds_every_field_of_a_confirmed_booking(workflows: Workflows) -> None:
    session_id = confirmed_booking(workflows, notes="Parking behind building B")

    pages = pdf_pages(render_pdf(documents(workflows).booking_summary(session_id)))

    assert len(pages) == 1
    text = pages[0]
    for expected in (
        "Booking summary",
        session_id,
        "Status: CONFIRMED",
        "ACME",
        "contact@acme.example",
        "Occitanie",
        "Monday 10 March 2025",
        "Tir de précision",
        "12 participants",
        "Scénario tactique",
        "16 participants",
        "12 / 12 max.",
        "Pack Pro",
        "Setup Occitanie #1",
        "Opérateur Occitanie 1",
        "Created 20 Feb 2025",
        "Confirmed 20 Feb 2025",
        "Parking behind building B",
        "Client signature",
        "Printed 20 Feb 2025, 18:05",
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_pending_summary_pdf_says_it_is_not_confirmed(workflows: Workflows) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    session_id = created.to_dict()["sessionId"]
    assert isinstance(session_id, str)

    text = pdf_pages(render_pdf(documents(workflows).booking_summary(session_id)))[0]

    assert "Status: NOT CONFIRMED YET" in text
    assert "Setup Not allocated yet" in text
    assert "Operator Not allocated yet" in text


def test_summary_prints_markup_in_client_names_literally(workflows: Workflows) -> None:
    fill_busy_day(workflows, 1)
    session_id = confirmed_booking(workflows, clientId=MARKUP_CLIENT, notes="<u>gate</u> & badge")

    text = pdf_pages(render_pdf(documents(workflows).booking_summary(session_id)))[0]

    assert MARKUP_NAME in text
    assert "a&b@example.com" in text
    assert "<i>05</i>" in text
    assert "<u>gate</u> & badge" in text


#: Reference data whose every name holds markup, as a user may type it.
TYPED_NAMES = {
    "regions": [{"id": "sud", "name": "<i>Sud</i> &amp; Est"}],
    "setups": [{"id": "setup_sud", "name": "Kit <u>#1</u>", "regionId": "sud"}],
    "operators": [{"id": "op_sud", "name": "Camille &lt;Martin&gt;", "regionId": "sud"}],
    "modules": [{"id": "module_sud", "name": "<script>alert(1)</script> Tir", "capacityMax": 9}],
    "clients": [{"id": "client_sud", "name": "<b>Bold</b> & Sons"}],
    "offers": [{"id": "offer_sud", "name": "Pack <b>Pro</b> &amp; plus"}],
}
TYPED_NOTES = "Gate <b>B</b> &amp; <script>badge</script>"


def test_every_typed_name_prints_literally_on_the_summary_and_the_day_sheet(
    workflows: Workflows,
) -> None:
    assert workflows.reference.import_reference(TYPED_NAMES).success
    session_id = confirmed_booking(
        workflows,
        clientId="client_sud",
        regionId="sud",
        moduleIds=["module_sud"],
        requestedParticipants=5,
        offerId="offer_sud",
        notes=TYPED_NOTES,
    )
    names = [entries[0]["name"] for entries in TYPED_NAMES.values()]

    summary = pdf_pages(render_pdf(documents(workflows).booking_summary(session_id)))[0]
    one_region = " ".join(pdf_pages(render_pdf(documents(workflows).day_sheet(DAY, "sud"))))
    every_region = " ".join(pdf_pages(render_pdf(documents(workflows).day_sheet(DAY))))

    for name in [*names, TYPED_NOTES]:
        assert name in summary, name
    for text in (one_region, every_region):  # narrow columns wrap long names
        for name in [*names, TYPED_NOTES]:
            if "Pro" not in name:  # the day sheet names no offer
                assert compact(name) in compact(text), name


def test_french_summary_pdf_reads_in_french(workflows: Workflows) -> None:
    session_id = confirmed_booking(workflows)

    text = pdf_pages(render_pdf(documents(workflows, "fr").booking_summary(session_id)))[0]

    for expected in (
        "Récapitulatif de réservation",
        "Statut : CONFIRMÉE",
        "lundi 10 mars 2025",
        "Opérateur",
        "Signature du client",
        "Imprimé le 20 févr. 2025 à 18:05",
        "Page 1 sur 1",
    ):
        assert expected in text, expected


def test_day_sheet_of_a_busy_day_takes_several_pages_with_headers_on_each(
    workflows: Workflows,
) -> None:
    session_ids = fill_busy_day(workflows, 40)

    pages = pdf_pages(render_pdf(documents(workflows).day_sheet(DAY, BUSY_REGION)))

    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert "Grand Test · 40 sessions" in text, number
        assert "Setup Operator Client Modules Participants" in text, number
        assert f"Page {number} of {len(pages)}" in text
    everything = compact(" ".join(pages))
    assert all(everything.count(session_id) == 1 for session_id in session_ids)
    assert "Day sheet Monday 10 March 2025 · Grand Test" in pages[0]


def test_day_sheet_never_cuts_a_session_between_two_pages(workflows: Workflows) -> None:
    session_ids = fill_busy_day(workflows, 40)

    pages = pdf_pages(render_pdf(documents(workflows).day_sheet(DAY, BUSY_REGION)))

    compact_pages = [compact(text) for text in pages]
    for n, session_id in enumerate(session_ids, start=1):
        page = next(text for text in compact_pages if session_id in text)
        for part in (f"KitTest{n:02d}", f"OperatorNr{n:02d}", f"ClientCompany{n:02d}"):
            assert part in page, (session_id, part)
        assert f"desk{n:02d}@client.example{session_id}" in page


def test_day_sheet_of_all_regions_groups_sessions_by_region(workflows: Workflows) -> None:
    fill_busy_day(workflows, 2)
    occitanie_id = confirmed_booking(workflows)
    bretagne_id = confirmed_booking(workflows, regionId="bretagne", moduleIds=["module_tir"])
    pending = workflows.booking.create_session_booking(booking_request()).to_dict()["sessionId"]

    text = " ".join(pdf_pages(render_pdf(documents(workflows).day_sheet(DAY))))

    assert "4 sessions · 3 regions" in text
    assert text.index("Bretagne · 1 session") < text.index("Grand Test · 2 sessions")
    assert text.index("Grand Test · 2 sessions") < text.index("Occitanie · 1 session")
    assert occitanie_id in compact(text) and bretagne_id in compact(text)
    assert str(pending) not in compact(text)


def test_french_day_sheet_reads_in_french(workflows: Workflows) -> None:
    fill_busy_day(workflows, 3)

    text = pdf_pages(render_pdf(documents(workflows, "fr").day_sheet(DAY, BUSY_REGION)))[0]

    assert "Feuille de journée lundi 10 mars 2025 · Grand Test" in text
    assert "Setup Opérateur Client Modules Participants" in text
    assert "Confirmée" in text
    assert "Note : Meet at gate 3" in text


def test_day_sheet_without_sessions_says_so(workflows: Workflows) -> None:
    text = pdf_pages(render_pdf(documents(workflows).day_sheet(DAY, "bretagne")))[0]

    assert "No session holds a setup on this date." in text


def test_unknown_booking_or_region_cannot_be_printed(workflows: Workflows) -> None:
    with pytest.raises(DocumentUnavailableError, match="No booking sess_missing"):
        documents(workflows).booking_summary("sess_missing")
    with pytest.raises(DocumentUnavailableError, match=r"No region atlantis\. Known regions: "):
        documents(workflows).day_sheet(DAY, "atlantis")


def test_export_replaces_a_file_only_with_a_complete_pdf(
    workflows: Workflows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = documents(workflows).booking_summary(confirmed_booking(workflows))
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"previous")

    def disk_full(file_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(PdfExportError, match=r"the disk is full\. Nothing was written"):
        export_pdf(document, target)
    assert target.read_bytes() == b"previous"
    assert [path.name for path in tmp_path.iterdir() if "summary" in path.name] == ["summary.pdf"]

    monkeypatch.undo()
    assert export_pdf(document, target) == target
    assert target.read_bytes().startswith(b"%PDF")


def test_export_to_a_missing_folder_or_onto_a_folder_fails_clearly(
    workflows: Workflows, tmp_path: Path
) -> None:
    document = documents(workflows).day_sheet(DAY)

    with pytest.raises(PdfExportError, match="does not exist"):
        export_pdf(document, tmp_path / "missing" / "sheet.pdf")
    with pytest.raises(PdfExportError, match="is a folder"):
        export_pdf(document, tmp_path)


def test_preview_paints_the_pages_and_offers_pdf_export(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fill_busy_day(workflows, 40)
    document = documents(workflows).day_sheet(DAY, BUSY_REGION)
    seen: dict[str, object] = {}

    def show(dialog: printing.QPrintPreviewDialog) -> int:
        printer = printing.QPrinter(printing.QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "previewed.pdf"))
        dialog.paintRequested.emit(printer)
        seen["export"] = dialog.findChild(printing.QAction, "exportPdfAction")
        seen["title"] = dialog.windowTitle()
        return 0

    monkeypatch.setattr(printing.QPrintPreviewDialog, "exec", show)
    printing.preview(None, document)

    assert seen["title"] == f"Print preview — {document.title}"
    assert seen["export"] is not None
    assert len(pdf_pages(tmp_path / "previewed.pdf")) > 1


def test_print_sends_every_page_to_the_chosen_printer(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document = documents(workflows).booking_summary(confirmed_booking(workflows))

    def choose_pdf_printer(dialog: printing.QPrintDialog) -> int:
        dialog.printer().setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return int(printing.QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(printing.QPrintDialog, "exec", choose_pdf_printer)

    assert printing.print_document(None, document) is True
    assert "Booking summary" in pdf_pages(tmp_path / "printed.pdf")[0]


def test_window_print_command_explains_a_booking_that_is_gone(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        printing.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    monkeypatch.setattr(printing, "preview", lambda parent, document: warnings.append("preview"))

    window_printing = printing.DocumentPrinting(None, documents(workflows))
    window_printing.print_booking_summary("sess_gone")
    window_printing.print_day_sheet(DAY, None)

    assert warnings == ["No booking sess_gone.", "preview"]


def test_export_from_the_preview_asks_where_and_adds_the_pdf_extension(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document = documents(workflows).booking_summary(confirmed_booking(workflows))
    offered: list[str] = []

    def choose_file(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "for the client"), filters

    def click_export(dialog: printing.QPrintPreviewDialog) -> int:
        action = dialog.findChild(printing.QAction, "exportPdfAction")
        assert action is not None
        action.trigger()
        return 0

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", choose_file)
    monkeypatch.setattr(printing.QPrintPreviewDialog, "exec", click_export)
    monkeypatch.setattr(printing, "_last_pdf_folder", [])
    start = printing._pdf_folder()  # Documents, else the home folder
    printing.preview(None, document)

    assert offered == [str(start / document.file_name)]
    assert printing._last_pdf_folder == [tmp_path]  # the next export starts there
    written = tmp_path / "for the client.pdf"
    assert "Booking summary" in pdf_pages(written)[0]


def test_cancelled_file_dialog_writes_nothing(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document = documents(workflows).day_sheet(DAY)
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *args: ("", ""))

    assert printing.export_pdf_dialog(None, document, tmp_path) is None
    assert not list(tmp_path.glob("*.pdf"))


def test_window_language_follows_the_installed_locale(qtbot: QtBot) -> None:
    previous = printing.QLocale()
    try:
        printing.QLocale.setDefault(printing.QLocale(printing.QLocale.Language.French))
        assert printing.interface_language() == "fr"
        printing.QLocale.setDefault(printing.QLocale(printing.QLocale.Language.English))
        assert printing.interface_language() == "en"
    finally:
        printing.QLocale.setDefault(previous)


def test_print_honours_the_page_range_chosen_in_the_dialog(
    workflows: Workflows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fill_busy_day(workflows, 40)
    document = documents(workflows).day_sheet(DAY, BUSY_REGION)

    def second_page_only(dialog: printing.QPrintDialog) -> int:
        dialog.printer().setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "page-2.pdf"))
        dialog.printer().setFromTo(2, 2)
        return int(printing.QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(printing.QPrintDialog, "exec", second_page_only)
    printing.print_document(None, document)

    pages = pdf_pages(tmp_path / "page-2.pdf")
    assert len(pages) == 1
    assert "Page 2 of " in pages[0]


@pytest.mark.parametrize("companion", ["", "-wal"])
def test_a_pdf_saved_as_the_open_database_is_refused_and_the_database_kept(
    workflows: Workflows, database_url: str, companion: str
) -> None:
    """The window's save dialog answered with the database's name (and "replace": yes)."""
    database = database_file(database_url)
    session_id = confirmed_booking(workflows)
    before = database_dump(database_url)

    with pytest.raises(PdfExportError, match="is the open database itself: choose another"):
        export_pdf(
            documents(workflows).day_sheet(DAY),
            database.with_name(database.name + companion),
            replace=True,
        )

    assert database_dump(database_url) == before
    assert workflows.booking.get_booking_status(session_id).success
