"""Errors reach the user as readable messages, never as a traceback; the log keeps them."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from dst_desktop.domain.errors import StorageError
from dst_desktop.exports.files import create_private_file
from dst_desktop.presenters.l10n import fill
from dst_desktop.ui.plain_text import show_message

log = logging.getLogger("dst_desktop")


def setup_logging(log_file: Path | None) -> None:
    """Log warnings and errors to ``log_file`` (in the user's data folder)."""
    if log_file is None or any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    try:
        create_private_file(log_file)  # it names clients: readable by its owner only
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def error_text(error: BaseException, log_file: Path | None) -> str:
    """What the user reads about an error the window did not expect."""
    if isinstance(error, StorageError):
        return fill(
            QCoreApplication.translate(
                "Errors", "The database cannot be used right now. Nothing was changed.\n\n%1"
            ),
            error,
        )
    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong and this action was not completed. Nothing else is affected: "
        "you can carry on working.",
    )
    if log_file is not None:
        text += "\n\n" + fill(
            QCoreApplication.translate("Errors", "The details were written to %1 for support."),
            log_file,
        )
    return text


class ErrorReporter:
    """Shows an error in a message box and logs it (also the GUI's ``sys.excepthook``)."""

    def __init__(self, log_file: Path | None) -> None:
        self._log_file = log_file
        self._showing = False

    def report(self, error: BaseException) -> None:
        log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
        app = QApplication.instance()
        if self._showing or not isinstance(app, QApplication):
            return
        self._showing = True
        try:
            show_message(
                QMessageBox.Icon.Critical,
                app.activeWindow(),
                QCoreApplication.translate("Errors", "DST Desktop"),
                error_text(error, self._log_file),
            )
        finally:
            self._showing = False

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        self.report(error.with_traceback(traceback))

    def install(self) -> None:
        sys.excepthook = self.excepthook
