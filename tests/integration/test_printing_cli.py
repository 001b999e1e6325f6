"""``dst-desktop print-summary`` and ``day-sheet``: PDFs from the command line, clear errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from dst_desktop.cli import main, system_language
from dst_desktop.services.workflows import Workflows
from tests.conftest import BOOKING_DAY, TODAY
from tests.integration.printing_support import (
    BUSY_REGION,
    compact,
    confirmed_booking,
    fill_busy_day,
    pdf_pages,
)

pytestmark = pytest.mark.usefixtures("qapp")


def run(database_url: str, *arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--database", database_url, "--today", TODAY.isoformat(), *arguments], out=out, err=err
    )
    return code, out.getvalue(), err.getvalue()


def leftovers(folder: Path) -> list[str]:
    """Files a failed export could have left: the PDF or its temporary file."""
    return sorted(path.name for path in folder.iterdir() if ".pdf" in path.name)


def test_print_summary_writes_a_one_page_pdf(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    session_id = confirmed_booking(workflows)
    target = tmp_path / "summary.pdf"

    code, out, err = run(
        database_url, "print-summary", session_id, "--pdf", str(target), "--language", "en"
    )

    assert (code, err) == (0, "")
    assert f"written to {target}" in out
    pages = pdf_pages(target)
    assert len(pages) == 1
    assert session_id in compact(pages[0])
    assert "Status: CONFIRMED" in pages[0]
    assert leftovers(tmp_path) == ["summary.pdf"]


def test_print_summary_in_french(workflows: Workflows, database_url: str, tmp_path: Path) -> None:
    session_id = confirmed_booking(workflows)
    target = tmp_path / "résumé.pdf"

    code, _, _ = run(
        database_url, "print-summary", session_id, "--pdf", str(target), "--language", "fr"
    )

    assert code == 0
    assert "Récapitulatif de réservation" in pdf_pages(target)[0]


def test_day_sheet_writes_every_page(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    session_ids = fill_busy_day(workflows, 30)
    target = tmp_path / "day.pdf"

    code, _, err = run(
        database_url,
        "day-sheet",
        "--date",
        BOOKING_DAY,
        "--region",
        BUSY_REGION,
        "--pdf",
        str(target),
        "--language",
        "en",
    )

    assert (code, err) == (0, "")
    pages = pdf_pages(target)
    assert len(pages) > 1
    assert all(session_id in compact(" ".join(pages)) for session_id in session_ids)


def test_day_sheet_of_all_regions_is_the_default(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    confirmed_booking(workflows)
    target = tmp_path / "all.pdf"

    code, _, _ = run(
        database_url, "day-sheet", "--date", BOOKING_DAY, "--pdf", str(target), "--language", "en"
    )

    assert code == 0
    assert "All regions" in pdf_pages(target)[0]


def test_unknown_session_is_an_error_and_leaves_no_file(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"

    code, out, err = run(
        database_url, "print-summary", "sess_missing", "--pdf", str(target), "--language", "en"
    )

    assert code == 1
    assert out == ""
    assert err == "dst-desktop: error: No booking sess_missing.\n"
    assert leftovers(tmp_path) == []


def test_failed_print_keeps_the_file_already_there(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"yesterday's summary")

    code, _, _ = run(database_url, "print-summary", "sess_missing", "--pdf", str(target))

    assert code == 1
    assert target.read_bytes() == b"yesterday's summary"
    assert leftovers(tmp_path) == ["summary.pdf"]


def test_unknown_region_is_an_error_naming_the_known_ones(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "day.pdf"

    code, _, err = run(
        database_url,
        "day-sheet",
        "--date",
        BOOKING_DAY,
        "--region",
        "atlantis",
        "--pdf",
        str(target),
        "--language",
        "en",
    )

    assert code == 1
    assert "No region atlantis. Known regions: bretagne, occitanie." in err
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("date", ["2025-02-30", "10/03/2025", "tomorrow"])
def test_bad_date_is_a_usage_error(
    workflows: Workflows,
    database_url: str,
    tmp_path: Path,
    date: str,
) -> None:
    code, _, err = run(database_url, "day-sheet", "--date", date, "--pdf", str(tmp_path / "d.pdf"))

    assert code == 2
    assert f"{date!r} is not a date in the form YYYY-MM-DD" in err
    assert leftovers(tmp_path) == []


def test_unknown_language_is_a_usage_error(
    workflows: Workflows, database_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "d.pdf"

    code, _, err = run(
        database_url, "day-sheet", "--date", BOOKING_DAY, "--pdf", str(target), "--language", "de"
    )

    assert code == 2
    assert "'de' is not a known language; use en or fr" in err


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_unwritable_path_is_an_error_and_leaves_no_file(
    workflows: Workflows, database_url: str, tmp_path: Path, where: str
) -> None:
    session_id = confirmed_booking(workflows)
    target = tmp_path / "missing" / "summary.pdf" if where == "missing-folder" else tmp_path
    before = sorted(tmp_path.iterdir())

    code, out, err = run(database_url, "print-summary", session_id, "--pdf", str(target))

    assert code == 1
    assert out == ""
    assert err.startswith(f"dst-desktop: error: cannot write {target}")
    assert sorted(tmp_path.iterdir()) == before


def test_language_follows_the_system_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert system_language() == "fr"

    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert system_language() == "en"


def test_commands_without_pages_never_load_qt(workflows: Workflows, database_url: str) -> None:
    script = (
        "import sys\n"
        "from dst_desktop.cli import main\n"
        f"code = main(['--database', {database_url!r}, 'call', 'getSuggestedDates', "
        "'occitanie', '1'])\n"
        "assert code == 0, code\n"
        "loaded = sorted(name for name in sys.modules if name.startswith('PySide6'))\n"
        "assert not loaded, loaded\n"
    )

    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )

    assert finished.returncode == 0, finished.stderr
