"""``dst-desktop --self-test`` from a checkout: every check passes, a failure is reported
and fails the run, and the user's own data is never touched."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dst_desktop import __version__, selftest
from dst_desktop.cli import main
from dst_desktop.selftest import Check, CheckFailedError, SelfTestRun, run_checks
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def test_every_check_passes_on_a_checkout(qapp: QApplication) -> None:
    out = io.StringIO()

    status = selftest.run_self_test(out, TODAY)

    report = out.getvalue()
    assert status == 0, report
    for check in selftest.CHECKS:
        assert f"  ok    {check.name}" in report
    assert "FAIL" not in report and "SKIP" not in report
    assert report.rstrip().endswith(f"Self-test passed: {len(selftest.CHECKS)} checks.")
    assert "booking confirmed: setup setup_" in report
    assert "1 page(s)" in report


def test_a_failed_check_fails_the_run_and_skips_the_checks_that_need_it(tmp_path: Path) -> None:
    ran: list[str] = []

    def passes(run: SelfTestRun) -> str:
        ran.append("passes")
        return "all good"

    def fails(run: SelfTestRun) -> str:
        raise CheckFailedError("the printer caught fire")

    def crashes(run: SelfTestRun) -> str:
        raise KeyError("setupIds")

    def needs_failed(run: SelfTestRun) -> str:
        ran.append("needs_failed")
        return "should not run"

    checks = (
        Check("first", passes),
        Check("second", fails, ("first",)),
        Check("third", needs_failed, ("second",)),
        Check("fourth", crashes),
        Check("fifth", passes),
    )
    out = io.StringIO()

    failed = run_checks(checks, tmp_path, TODAY, out)

    assert failed == ["second", "third", "fourth"]
    assert ran == ["passes", "passes"]
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("  ok    first") and lines[0].endswith("all good")
    assert lines[1].startswith("  FAIL  second") and "the printer caught fire" in lines[1]
    assert lines[2].startswith("  SKIP  third") and lines[2].endswith("needs second")
    assert lines[3].startswith("  FAIL  fourth") and "KeyError('setupIds')" in lines[3]
    assert lines[4].startswith("  ok    fifth")


def test_the_run_fails_when_a_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_resources(run: SelfTestRun) -> str:
        raise CheckFailedError("missing under /nowhere: demo/reference.json")

    monkeypatch.setattr(
        selftest, "CHECKS", (Check("resources", no_resources), *selftest.CHECKS[1:2])
    )
    out = io.StringIO()

    assert selftest.run_self_test(out, TODAY) == 1
    assert "FAIL  resources  missing under /nowhere" in out.getvalue()
    assert out.getvalue().rstrip().endswith("Self-test FAILED: 1 of 2 checks did not pass.")


def test_pdf_pages_are_counted_from_the_page_objects() -> None:
    two_pages = b"%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page /Parent 1 0 R>>\n%%EOF"

    assert selftest._pdf_pages(two_pages) == 2
    assert selftest._pdf_pages(b"%PDF-1.4\n<</Type /Pages /Count 0>>\n%%EOF") == 0


def test_self_test_takes_no_command() -> None:
    err = io.StringIO()

    status = main(["--self-test", "init"], out=io.StringIO(), err=err)

    assert status == 2
    assert "--self-test runs on its own temporary database" in err.getvalue()


def test_self_test_leaves_the_users_data_and_settings_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    user_database = tmp_path / "bookings.db"
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "DST_DATABASE_URL": f"sqlite:///{user_database}",
        "TMPDIR": str(tmp_path / "tmp"),
    }
    (tmp_path / "tmp").mkdir()

    result = subprocess.run(
        [sys.executable, "-m", "dst_desktop", "--self-test"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed" in result.stdout
    assert not user_database.exists()
    assert list(home.rglob("*")) == []
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary folder is gone too


def test_version_loads_neither_qt_nor_the_database_layer() -> None:
    probe = (
        "import sys\n"
        "from dst_desktop.cli import main\n"
        "status = main(['--version'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'peewee'))\n"
        "print(heavy)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"dst-desktop {__version__}", "[]"]
