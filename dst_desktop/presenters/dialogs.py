"""The modal questions presenters ask, as plain values (ARCHITECTURE: dialogs service).

The window answers with real message boxes (:mod:`dst_desktop.ui.dialogs`); tests answer
with a fake, so no test ever has to click a real modal box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from dst_desktop.presenters.calendar import DayMark
from dst_desktop.presenters.catalogue import Choice
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


@dataclass(frozen=True, slots=True)
class BookingDraft:
    """A pending request as the edit dialog shows and returns it."""

    day: dt.date
    module_ids: tuple[str, ...]
    participants: int
    client_id: str
    offer_id: str | None
    notes: str


@dataclass(frozen=True, slots=True)
class BookingEditRequest:
    """What the edit dialog offers: the request, the lists to choose from, and why the
    last attempt was refused ("" the first time)."""

    title: str
    heading: str
    draft: BookingDraft
    clients: tuple[Choice, ...]
    offers: tuple[Choice, ...]
    modules: tuple[Choice, ...]
    earliest: dt.date
    error: str = ""


@dataclass(frozen=True, slots=True)
class NewDateRequest:
    """Choosing the new day of a session, on a calendar of its region's availability."""

    title: str
    heading: str
    current: dt.date
    initial: dt.date
    earliest: dt.date
    #: The marks of a month (year, month) of the session's region, read when shown.
    month_marks: Callable[[int, int], Sequence[DayMark]]
    accept_label: str
    error: str = ""


@dataclass(frozen=True, slots=True)
class CompletionRequest:
    """What completing a mission asks: who attended (out of the request) and notes."""

    title: str
    heading: str
    requested: int
    capacity: int


@dataclass(frozen=True, slots=True)
class CompletionDetails:
    attended: int | None
    notes: str


@dataclass(frozen=True, slots=True)
class ReallocationOffer:
    """Sessions left on resources that cannot serve them; each can be reallocated."""

    title: str
    summary: str
    sessions: tuple[Choice, ...]


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

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        """One of ``items`` (its position); None when the user gives up."""

    def choose_first_start(self) -> FirstStartChoice: ...

    def choose_reference_file(self) -> str | None:
        """The path of a reference data file to import; None when the user gives up."""

    def choose_file_to_open(self, title: str, file_type: str) -> str | None:
        """A file to read; ``file_type`` names it for the filter (``Event snapshot``)."""

    def choose_file_to_save(
        self, title: str, file_type: str, suggested_name: str, suffix: str = "json"
    ) -> str | None:
        """Where to write a file, starting from ``suggested_name``; None: given up.
        ``suffix`` (``json`` or ``ics``) is the extension the dialog lists."""

    def ask_snapshot_options(self, suggested: SnapshotOptions) -> SnapshotOptions | None:
        """The event's name and the months a snapshot covers; None when given up."""

    def ask_new_client(self, name: str) -> NewClient | None:
        """Name, e-mail and phone of a new client (``name`` prefilled); None: given up."""

    def show_event_import_report(self, report: EventImportReport) -> None:
        """What an import of event bookings did, section by section."""

    # Changes after booking (SPEC 12) ---------------------------------------------------

    def ask_booking_changes(self, request: BookingEditRequest) -> BookingDraft | None:
        """The corrected request; None when the user gives up."""

    def ask_new_date(self, request: NewDateRequest) -> dt.date | None:
        """The day chosen on the calendar; None when the user gives up."""

    def ask_completion(self, request: CompletionRequest) -> CompletionDetails | None:
        """Who attended and the notes of a mission being completed; None: given up."""

    def ask_reallocation(self, offer: ReallocationOffer) -> tuple[str, ...]:
        """The sessions to reallocate now (ids); empty when the user leaves it for later."""
