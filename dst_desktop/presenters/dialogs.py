"""The modal questions presenters ask, as plain values (ARCHITECTURE: dialogs service).

The window answers with real message boxes (:mod:`dst_desktop.ui.dialogs`); tests answer
with a fake, so no test ever has to click a real modal box.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Protocol


class FirstStartChoice(Enum):
    """What to do with a database that holds no reference data yet."""

    DEMO = "demo"
    IMPORT = "import"
    EMPTY = "empty"


class Dialogs(Protocol):
    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        """Ask a yes/no question; ``accept_label`` names the action (``Cancel booking``)."""

    def ask_text(self, title: str, label: str) -> str | None:
        """Ask for a line of text; None when the user gives up."""

    def inform(self, title: str, text: str) -> None: ...

    def warn(self, title: str, text: str) -> None: ...

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        """Show the outcome of several operations, one line each."""

    def choose_first_start(self) -> FirstStartChoice: ...

    def choose_reference_file(self) -> str | None:
        """The path of a reference data file to import; None when the user gives up."""
