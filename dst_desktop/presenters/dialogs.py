"""The modal questions presenters ask, as plain values (ARCHITECTURE: dialogs service).

The window answers with real message boxes (:mod:`dst_desktop.ui.dialogs`); tests answer
with a fake, so no test ever has to click a real modal box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from dst_desktop.presenters.event_report import EventImportReport


class FirstStartChoice(Enum):
    """What to do with a database that holds no reference data yet."""

    DEMO = "demo"
    IMPORT = "import"
    #: Make this database an event database from an office snapshot (the event laptop).
    SNAPSHOT = "snapshot"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class SnapshotOptions:
    """What an event snapshot is for: the event's name and how many months it covers."""

    event_name: str
    months: int


@dataclass(frozen=True, slots=True)
class NewClient:
    """A client met at the counter or at an event, as typed in the quick form."""

    name: str
    email: str = ""
    phone: str = ""


class Dialogs(Protocol):
    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        """Ask a yes/no question; ``accept_label`` names the action (``Cancel booking``)."""

    def ask_reason(self, title: str, label: str, accept_label: str) -> str | None:
        """Ask why (a cancellation's reason): ``accept_label`` cannot be pressed while the
        reason is blank; None when the user gives up."""

    def inform(self, title: str, text: str) -> None: ...

    def warn(self, title: str, text: str) -> None: ...

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        """Show the outcome of several operations, one line each."""

    def choose_first_start(self) -> FirstStartChoice: ...

    def choose_reference_file(self) -> str | None:
        """The path of a reference data file to import; None when the user gives up."""

    def choose_file_to_open(self, title: str, file_type: str) -> str | None:
        """A file to read; ``file_type`` names it for the filter (``Event snapshot``)."""

    def choose_file_to_save(self, title: str, file_type: str, suggested_name: str) -> str | None:
        """Where to write a file, starting from ``suggested_name``; None: given up."""

    def ask_snapshot_options(self, suggested: SnapshotOptions) -> SnapshotOptions | None:
        """The event's name and the months a snapshot covers; None when given up."""

    def ask_new_client(self, name: str) -> NewClient | None:
        """Name, e-mail and phone of a new client (``name`` prefilled); None: given up."""

    def show_event_import_report(self, report: EventImportReport) -> None:
        """What an import of event bookings did, section by section."""
