"""Typed text is shown and printed as typed, but no bidirectional control or invisible
character can reorder or hide it (issue 16, item 7): a client named
``Société \\u202egnp.exe\\u202c`` is shown as ``Société [RLO]gnp.exe[PDF]``, not as
"Société exe.png"."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from dst_desktop.app import create_main_window
from dst_desktop.cli import main
from dst_desktop.domain.names import visible_text
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, booking_request
from tests.integration.printing_support import pdf_pages
from tests.unit.presenters.fakes import FakeDialogs

TYPED = "Société \u202egnp.exe\u202c"
SHOWN = "Société [RLO]gnp.exe[PDF]"
HIDDEN = ("\u202e", "\u202c", "\u200b")
NOTES = "Gate\u200b B"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (TYPED, SHOWN),
        ("AC\u200bME", "AC[ZWSP]ME"),
        ("\u2067نور\u2069 Formation", "[RLI]نور[PDI] Formation"),
        ("A\u00adB\ufeff", "A[SHY]B[BOM]"),
        ("x\u2063y\U000e0041", "x[U+2063]y[U+E0041]"),
        ("Île-de-France, ÉCOLE 👍️ نور", "Île-de-France, ÉCOLE 👍️ نور"),
    ],
)
def test_hidden_characters_are_made_visible_and_nothing_else_changes(
    typed: str, shown: str
) -> None:
    assert visible_text(typed) == shown


@pytest.fixture
def booked(workflows: Workflows) -> str:
    imported = workflows.reference.import_reference(
        {"clients": [{"id": "client_rlo", "name": TYPED, "email": "", "phone": ""}]}
    )
    assert imported.success, imported
    created = workflows.booking.create_session_booking(
        booking_request(clientId="client_rlo", notes=NOTES)
    )
    assert isinstance(created, BookingCreated), created
    return created.session.id


@pytest.fixture
def window(qtbot: QtBot, booked: str, database_url: str) -> MainWindow:
    main = create_main_window(database_url, TODAY, dialogs=FakeDialogs())
    qtbot.addWidget(main)
    return main


def test_the_window_shows_hidden_characters_as_marks(window: MainWindow, booked: str) -> None:
    model = window.queue_panel.table.model_
    cells = [
        str(model.index(0, column).data())
        for column in range(model.columnCount())
        if model.index(0, column).data() is not None
    ]
    combo = window.booking_form.client_combo
    items = [combo.itemText(row) for row in range(combo.count())]

    assert SHOWN in cells
    assert SHOWN in items
    assert not any(hidden in text for text in cells + items for hidden in HIDDEN)


def test_the_details_show_hidden_characters_as_marks(
    qtbot: QtBot, window: MainWindow, booked: str
) -> None:
    window.open_details(booked)
    dialog = window.details_dialog
    assert dialog is not None
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    dialog.close()

    assert any(SHOWN in text for text in texts), texts
    assert any("Gate[ZWSP] B" in text for text in texts), texts
    assert not any(hidden in text for text in texts for hidden in HIDDEN)


def test_tooltips_show_hidden_characters_as_marks(window: MainWindow) -> None:
    model = window.queue_panel.table.model_
    tooltips = [
        str(model.index(0, column).data(Qt.ItemDataRole.ToolTipRole))
        for column in range(model.columnCount())
    ]

    assert any(SHOWN in tooltip for tooltip in tooltips)
    assert not any("\u202e" in tooltip for tooltip in tooltips)


@pytest.mark.usefixtures("qapp")
def test_the_printed_summary_shows_hidden_characters_as_marks(
    workflows: Workflows, booked: str, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    out, err = io.StringIO(), io.StringIO()

    code = main(
        [
            "--database",
            database_url,
            "--today",
            TODAY.isoformat(),
            "print-summary",
            booked,
            "--pdf",
            str(target),
            "--language",
            "en",
        ],
        out,
        err,
    )

    assert (code, err.getvalue()) == (0, "")
    text = "\n".join(pdf_pages(target))
    assert "gnp.exe" in text and "[RLO]" in text and "[PDF]" in text
    assert "exe.png" not in text
    assert "[ZWSP]" in text


def test_the_day_sheet_html_marks_hidden_characters(workflows: Workflows, booked: str) -> None:
    from dst_desktop.presenters.print_documents import PrintDocuments

    assert workflows.booking.confirm_session_booking(booked).success
    document = PrintDocuments(workflows, "en").day_sheet(dt.date(2025, 3, 10), None)

    assert SHOWN in document.html
    assert "\u202e" not in document.html
