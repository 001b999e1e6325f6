"""The real message boxes, the worker runner and the error reporter."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dst_desktop.domain.errors import StorageError
from dst_desktop.presenters.dialogs import FirstStartChoice
from dst_desktop.ui import errors
from dst_desktop.ui.dialogs import QtDialogs, ReportDialog
from dst_desktop.ui.errors import ErrorReporter, error_text
from dst_desktop.ui.tasks import QtTaskRunner


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answer_next_box(button_text: str, seen: list[str]) -> None:
    """When the next modal box opens, note its text and press the button named so."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {box.text()!r}")

    QTimer.singleShot(0, press)


def test_confirm_is_true_only_for_the_named_action(parent: QWidget) -> None:
    dialogs = QtDialogs(parent)
    seen: list[str] = []
    answer_next_box("Cancel booking", seen)
    assert dialogs.confirm("Cancel", "Cancel the booking of ACME?", "Cancel booking")
    answer_next_box("Go back", seen)
    assert not dialogs.confirm("Cancel", "Cancel the booking of ACME?", "Cancel booking")
    assert seen == ["Cancel the booking of ACME?"] * 2


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("Load the demo data", FirstStartChoice.DEMO),
        ("Import a reference file…", FirstStartChoice.IMPORT),
        ("Import an event snapshot…", FirstStartChoice.SNAPSHOT),
        ("Start empty", FirstStartChoice.EMPTY),
    ],
)
def test_first_start_question(parent: QWidget, button: str, choice: FirstStartChoice) -> None:
    seen: list[str] = []
    answer_next_box(button, seen)
    assert QtDialogs(parent).choose_first_start() is choice
    assert seen == ["This database is empty."]


def test_report_dialog_lists_every_outcome(qtbot: QtBot) -> None:
    dialog = ReportDialog(None, "Confirmation report", "1 confirmed, 1 not confirmed.", ["a", "b"])
    qtbot.addWidget(dialog)
    assert [dialog.lines.item(i).text() for i in range(dialog.lines.count())] == ["a", "b"]


def test_worker_runs_off_the_window_thread_and_answers_on_it(qtbot: QtBot, parent: QWidget) -> None:
    errors: list[BaseException] = []
    runner = QtTaskRunner(parent, errors.append)
    threads: dict[str, threading.Thread] = {}
    done: list[int] = []

    def work() -> int:
        threads["work"] = threading.current_thread()
        return 42

    def on_done(value: int) -> None:
        threads["done"] = threading.current_thread()
        done.append(value)

    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.run("Working…", work, on_done)
    assert done == [42]
    assert threads["work"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread()
    assert not runner.busy and errors == []


def test_worker_failure_is_reported_not_raised(qtbot: QtBot, parent: QWidget) -> None:
    errors: list[BaseException] = []
    runner = QtTaskRunner(parent, errors.append)
    done: list[object] = []

    def work() -> object:
        raise StorageError("The database /x.db is busy")

    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.run("Working…", work, done.append)
    assert done == []
    assert [str(e) for e in errors] == ["The database /x.db is busy"]


def raise_and_capture(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_unexpected_errors_show_a_message_and_go_to_the_log(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []
    show: Callable[..., object] = lambda icon, parent, title, text: shown.append(text)  # noqa: E731
    monkeypatch.setattr(errors, "show_message", show)
    log_file = tmp_path / "dst-desktop.log"
    reporter = ErrorReporter(log_file)
    kind, error, traceback = raise_and_capture(KeyError("setup_occitanie_9"))
    with caplog.at_level(logging.ERROR, logger="dst_desktop"):
        reporter.excepthook(kind, error, traceback)  # type: ignore[arg-type]
    assert shown[0].startswith("Something went wrong and this action was not completed.")
    assert str(log_file) in shown[0]
    assert "Traceback" not in shown[0]
    assert "KeyError: 'setup_occitanie_9'" in caplog.text


def test_database_errors_say_nothing_was_changed() -> None:
    text = error_text(StorageError("The database /x.db is busy"), None)
    assert text == (
        "The database cannot be used right now. Nothing was changed.\n\nThe database /x.db is busy"
    )
