"""Fake views and services for presenter tests: they record what a screen would show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from dst_desktop.presenters.access import WindowCommand
from dst_desktop.presenters.booking_details import ActionChoice, AuditLine, DetailField
from dst_desktop.presenters.booking_form import AvailabilityPanel, SuggestedDate
from dst_desktop.presenters.booking_lists import BookingFilter
from dst_desktop.presenters.booking_rows import BookingTable
from dst_desktop.presenters.calendar import DayMark
from dst_desktop.presenters.catalogue import Choice
from dst_desktop.presenters.conflicts import ConflictRow
from dst_desktop.presenters.dialogs import (
    BookingDraft,
    BookingEditRequest,
    CompletionDetails,
    CompletionRequest,
    FirstStartChoice,
    NewClient,
    NewDateRequest,
    ReallocationOffer,
    SnapshotOptions,
)
from dst_desktop.presenters.event_mode import EventBanner, ExchangeCommand
from dst_desktop.presenters.event_report import EventImportReport
from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.module_picker import ModuleRow
from dst_desktop.presenters.reference_editor import ReferenceEntry, ReferenceKind, ReferenceRow

T = TypeVar("T")


@dataclass
class FakeDialogs:
    """Answers questions as told and keeps what was shown, as (title, text) pairs."""

    confirm_answer: bool = True
    text_answer: str | None = "Client postponed the event"
    first_start: FirstStartChoice = FirstStartChoice.EMPTY
    reference_file: str | None = None
    #: The answer of the open and save file dialogs.
    open_file: str | None = None
    save_file: str | None = None
    snapshot_options: SnapshotOptions | None = field(
        default_factory=lambda: SnapshotOptions("Salon de Lyon", 2)
    )
    new_client: NewClient | None = None
    #: The answer of a choice among items (a position), and the items offered.
    item_answer: int | None = 0
    item_choices: list[tuple[str, list[str]]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    reports: list[tuple[str, str, list[str]]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    #: (title, file type, suggested name) of each file dialog; "" name for an open dialog.
    file_dialogs: list[tuple[str, str, str]] = field(default_factory=list)
    new_client_names: list[str] = field(default_factory=list)
    event_reports: list[EventImportReport] = field(default_factory=list)
    #: Answers of the edit and new-date dialogs, one per opening (none left: given up).
    drafts: list[BookingDraft | None] = field(default_factory=list)
    new_dates: list[dt.date | None] = field(default_factory=list)
    completion: CompletionDetails | None = field(
        default_factory=lambda: CompletionDetails(None, "")
    )
    #: The sessions to reallocate when offered; None: every session offered.
    reallocate: tuple[str, ...] | None = None
    edit_requests: list[BookingEditRequest] = field(default_factory=list)
    date_requests: list[NewDateRequest] = field(default_factory=list)
    completion_requests: list[CompletionRequest] = field(default_factory=list)
    reallocation_offers: list[ReallocationOffer] = field(default_factory=list)

    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        self.questions.append((title, text))
        return self.confirm_answer

    def ask_reason(self, title: str, label: str, accept_label: str) -> str | None:
        self.questions.append((title, label))
        return self.text_answer

    def inform(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def warn(self, title: str, text: str) -> None:
        self.warnings.append((title, text))

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        self.reports.append((title, summary, list(lines)))

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        self.item_choices.append((title, list(items)))
        return self.item_answer

    def choose_first_start(self) -> FirstStartChoice:
        return self.first_start

    def choose_reference_file(self) -> str | None:
        self.file_dialogs.append(("Import reference data", "reference data", ""))
        return self.reference_file

    def choose_file_to_open(self, title: str, file_type: str) -> str | None:
        self.file_dialogs.append((title, file_type, ""))
        return self.open_file

    def choose_file_to_save(
        self, title: str, file_type: str, suggested_name: str, suffix: str = "json"
    ) -> str | None:
        self.file_dialogs.append((title, file_type, suggested_name))
        return self.save_file

    def ask_snapshot_options(self, suggested: SnapshotOptions) -> SnapshotOptions | None:
        return self.snapshot_options

    def ask_new_client(self, name: str) -> NewClient | None:
        self.new_client_names.append(name)
        return self.new_client

    def show_event_import_report(self, report: EventImportReport) -> None:
        self.event_reports.append(report)

    def ask_booking_changes(self, request: BookingEditRequest) -> BookingDraft | None:
        self.edit_requests.append(request)
        return self.drafts.pop(0) if self.drafts else None

    def ask_new_date(self, request: NewDateRequest) -> dt.date | None:
        self.date_requests.append(request)
        return self.new_dates.pop(0) if self.new_dates else None

    def ask_completion(self, request: CompletionRequest) -> CompletionDetails | None:
        self.completion_requests.append(request)
        return self.completion

    def ask_reallocation(self, offer: ReallocationOffer) -> tuple[str, ...]:
        self.reallocation_offers.append(offer)
        if self.reallocate is None:
            return tuple(choice.id for choice in offer.sessions)
        return self.reallocate


class InlineRunner:
    """Runs "long" work at once, in the calling thread."""

    def __init__(self) -> None:
        self.titles: list[str] = []

    def run(self, title: str, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        self.titles.append(title)
        on_done(work())

    def run_quietly(self, work: Callable[[], T], on_done: Callable[[T], None]) -> None:
        on_done(work())


@dataclass
class RecordingPrinting:
    summaries: list[str] = field(default_factory=list)
    day_sheets: list[tuple[dt.date, str | None]] = field(default_factory=list)

    def print_booking_summary(self, session_id: str) -> None:
        self.summaries.append(session_id)

    def print_day_sheet(self, day: dt.date, region_id: str | None) -> None:
        self.day_sheets.append((day, region_id))


@dataclass
class FakeCalendarView:
    regions: list[Choice] = field(default_factory=list)
    selected_region: str | None = None
    marks: dict[dt.date, DayMark] = field(default_factory=dict)
    selected_date: dt.date | None = None

    def show_regions(self, regions: Sequence[Choice], selected_id: str | None) -> None:
        self.regions = list(regions)
        self.selected_region = selected_id

    def show_month(self, marks: Sequence[DayMark]) -> None:
        self.marks = {mark.date: mark for mark in marks}

    def show_selected_date(self, day: dt.date) -> None:
        self.selected_date = day


@dataclass
class FakeModulePickerView:
    rows: list[ModuleRow] = field(default_factory=list)
    capacity: str = ""
    limiting: str | None = None

    def show_modules(self, rows: Sequence[ModuleRow]) -> None:
        self.rows = list(rows)

    def show_capacity(self, text: str, limiting_module_id: str | None) -> None:
        self.capacity = text
        self.limiting = limiting_module_id


@dataclass
class FakeBookingFormView:
    clients: list[Choice] = field(default_factory=list)
    client: str | None = None
    offers: list[Choice] = field(default_factory=list)
    participants: int = 0
    notes: str = ""
    request: str = ""
    panel: AvailabilityPanel | None = None
    suggestions_title: str = ""
    suggestions: list[SuggestedDate] = field(default_factory=list)
    create_enabled: bool = False
    create_hint: str = ""
    created: str = ""

    def show_clients(self, clients: Sequence[Choice], selected_id: str | None) -> None:
        self.clients = list(clients)
        self.client = selected_id

    def show_offers(self, offers: Sequence[Choice], selected_id: str | None) -> None:
        self.offers = list(offers)

    def show_participants(self, count: int) -> None:
        self.participants = count

    def show_notes(self, text: str) -> None:
        self.notes = text

    def show_request(self, text: str) -> None:
        self.request = text

    def show_availability(self, panel: AvailabilityPanel) -> None:
        self.panel = panel

    def show_suggestions(self, title: str, dates: Sequence[SuggestedDate]) -> None:
        self.suggestions_title = title
        self.suggestions = list(dates)

    def set_create_enabled(self, enabled: bool, hint: str) -> None:
        self.create_enabled = enabled
        self.create_hint = hint

    def show_created(self, text: str) -> None:
        self.created = text


@dataclass
class FakeTableView:
    table: BookingTable | None = None
    count: str = ""
    regions: list[Choice] = field(default_factory=list)
    clients: list[Choice] = field(default_factory=list)
    statuses: list[Choice] = field(default_factory=list)
    actions: dict[str, bool] = field(default_factory=dict)
    outcome: tuple[str, Tone] = ("", Tone.NEUTRAL)
    selected: str | None = None
    confirm_unavailable: str = ""
    total: int | None = None
    shown_filter: BookingFilter | None = None

    def show_filter_choices(
        self,
        regions: Sequence[Choice],
        clients: Sequence[Choice],
        statuses: Sequence[Choice] = (),
    ) -> None:
        self.regions = list(regions)
        self.clients = list(clients)
        self.statuses = list(statuses)

    def show_table(self, table: BookingTable) -> None:
        self.table = table

    def show_count(self, text: str) -> None:
        self.count = text

    def set_actions(self, **enabled: bool) -> None:
        self.actions = dict(enabled)

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome = (text, tone)

    def select_session(self, session_id: str) -> None:
        self.selected = session_id

    def show_confirm_unavailable(self, reason: str) -> None:
        self.confirm_unavailable = reason

    def show_total(self, count: int) -> None:
        self.total = count

    def show_filter(self, booking_filter: BookingFilter) -> None:
        self.shown_filter = booking_filter

    def select_sessions(self, session_ids: Sequence[str]) -> None:
        self.selected = session_ids[0] if session_ids else None

    def column(self, title: str) -> list[str]:
        assert self.table is not None
        index = self.table.headers.index(title)
        return [row.cells[index] for row in self.table.rows]

    @property
    def session_ids(self) -> list[str]:
        assert self.table is not None
        return [row.session_id for row in self.table.rows]


@dataclass
class FakeDetailsView:
    title: str = ""
    status: tuple[str, Tone] = ("", Tone.NEUTRAL)
    fields: dict[str, str] = field(default_factory=dict)
    audit: list[AuditLine] = field(default_factory=list)
    actions: list[ActionChoice] = field(default_factory=list)
    print_available: bool = False
    outcome: tuple[str, Tone] = ("", Tone.NEUTRAL)

    def show_title(self, text: str) -> None:
        self.title = text

    def show_status(self, text: str, tone: Tone) -> None:
        self.status = (text, tone)

    def show_fields(self, fields: Sequence[DetailField]) -> None:
        self.fields = {f.label: f.value for f in fields}

    def show_audit(self, lines: Sequence[AuditLine]) -> None:
        self.audit = list(lines)

    def show_actions(self, actions: Sequence[ActionChoice]) -> None:
        self.actions = list(actions)

    def set_print_available(self, available: bool) -> None:
        self.print_available = available

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome = (text, tone)

    @property
    def action_labels(self) -> list[str]:
        return [action.label for action in self.actions]


@dataclass
class FakeReferenceView:
    regions: list[Choice] = field(default_factory=list)
    items: dict[ReferenceKind, tuple[list[str], list[ReferenceRow]]] = field(default_factory=dict)
    entries: dict[ReferenceKind, tuple[ReferenceEntry, bool]] = field(default_factory=dict)
    messages: dict[ReferenceKind, tuple[str, Tone]] = field(default_factory=dict)
    remove_unavailable: dict[ReferenceKind, str] = field(default_factory=dict)

    def show_region_choices(self, regions: Sequence[Choice]) -> None:
        self.regions = list(regions)

    def show_items(
        self, kind: ReferenceKind, headers: Sequence[str], rows: Sequence[ReferenceRow]
    ) -> None:
        self.items[kind] = (list(headers), list(rows))

    def show_entry(self, kind: ReferenceKind, entry: ReferenceEntry, is_new: bool) -> None:
        self.entries[kind] = (entry, is_new)

    def show_message(self, kind: ReferenceKind, text: str, tone: Tone) -> None:
        self.messages[kind] = (text, tone)

    def set_remove_available(self, kind: ReferenceKind, reason: str) -> None:
        self.remove_unavailable[kind] = reason

    def names(self, kind: ReferenceKind) -> list[str]:
        return [row.cells[0] for row in self.items[kind][1]]


@dataclass
class FakeMainView:
    database: str = ""
    business_date: str = ""
    status_messages: list[str] = field(default_factory=list)
    printing_available: bool | None = None
    opened: list[str] = field(default_factory=list)
    banner: EventBanner | None = None
    unavailable: dict[ExchangeCommand, str] = field(default_factory=dict)
    access: tuple[str, str] = ("", "")
    commands_unavailable: dict[WindowCommand, str] = field(default_factory=dict)
    demo_unavailable: str | None = None

    def show_database(self, text: str) -> None:
        self.database = text

    def show_business_date(self, text: str) -> None:
        self.business_date = text

    def show_status_message(self, text: str) -> None:
        self.status_messages.append(text)

    def set_printing_available(self, available: bool) -> None:
        self.printing_available = available

    def open_details(self, session_id: str) -> None:
        self.opened.append(session_id)

    def set_demo_data_available(self, reason: str) -> None:
        self.demo_unavailable = reason

    def show_event_banner(self, banner: EventBanner | None) -> None:
        self.banner = banner

    def set_exchange_commands(self, unavailable: Mapping[ExchangeCommand, str]) -> None:
        self.unavailable = dict(unavailable)

    def show_access(self, text: str, tooltip: str) -> None:
        self.access = (text, tooltip)

    def set_commands_unavailable(self, unavailable: Mapping[WindowCommand, str]) -> None:
        self.commands_unavailable = dict(unavailable)


@dataclass
class FakeConflictsView:
    headers: list[str] = field(default_factory=list)
    rows: list[ConflictRow] = field(default_factory=list)
    count: tuple[str, Tone] = ("", Tone.NEUTRAL)
    badge: int = -1
    actions: dict[str, bool] = field(default_factory=dict)
    outcome: tuple[str, Tone] = ("", Tone.NEUTRAL)

    def show_conflicts(self, headers: Sequence[str], rows: Sequence[ConflictRow]) -> None:
        self.headers = list(headers)
        self.rows = list(rows)

    def show_count(self, text: str, tone: Tone) -> None:
        self.count = (text, tone)

    def show_badge(self, count: int) -> None:
        self.badge = count

    def set_actions(self, *, reallocate: bool, reallocate_all: bool, details: bool) -> None:
        self.actions = {
            "reallocate": reallocate,
            "reallocate_all": reallocate_all,
            "details": details,
        }

    def show_outcome(self, text: str, tone: Tone) -> None:
        self.outcome = (text, tone)

    def column(self, title: str) -> list[str]:
        index = self.headers.index(title)
        return [row.cells[index] for row in self.rows]
