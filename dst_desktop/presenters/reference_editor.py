"""Adding and editing reference data: regions, setups (with maintenance days), operators
(with leave days), modules, clients and offers.

Every save goes through ``ReferenceData.import_reference`` with a one-entry document, so
the form is checked by exactly the rules a reference file is, and audited the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Protocol

from dst_desktop.domain.conflicts import ResourceConflict
from dst_desktop.domain.model import Client, Module, Operator, ReferenceItem, Session, Setup
from dst_desktop.domain.names import name_key
from dst_desktop.exports.files import OutputFileError
from dst_desktop.presenters.catalogue import Catalogue, Choice, by_name
from dst_desktop.presenters.contact import contact_problem
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import Tone, failure_text
from dst_desktop.presenters.table_files import output_error_text
from dst_desktop.reports.i18n import Language
from dst_desktop.services.reference import ReferenceData
from dst_desktop.services.results import Failure
from dst_desktop.services.validation import MAX_ID_LENGTH

#: Writes the sessions of an operator, setup or region (kind, id) to a calendar file in a
#: language; answers how many events (``presenters.calendar_files.write_calendar_file``).
CalendarWriter = Callable[[str, str, Path, Language], int]

#: Told of the conflicts a save created, their sessions, and what caused them; answers
#: how many of those sessions are still left on a setup or operator that cannot serve them
#: (the user may have reallocated them meanwhile).
ConflictsFound = Callable[
    [Sequence[ResourceConflict], Mapping[str, Session], str],
    int,
]


class ReferenceKind(Enum):
    """The sections of a reference file, in the order of the editor's tabs."""

    REGIONS = "regions"
    SETUPS = "setups"
    OPERATORS = "operators"
    MODULES = "modules"
    CLIENTS = "clients"
    OFFERS = "offers"


#: The kinds whose entries have a calendar file of their sessions.
CALENDAR_KINDS = (ReferenceKind.OPERATORS, ReferenceKind.SETUPS, ReferenceKind.REGIONS)


def with_ics_suffix(path: str) -> Path:
    """``path``, with ``.ics`` added when the name has another extension or none."""
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".ics" else chosen.with_name(chosen.name + ".ics")


_ID_PREFIX = {
    ReferenceKind.REGIONS: "",
    ReferenceKind.SETUPS: "setup_",
    ReferenceKind.OPERATORS: "op_",
    ReferenceKind.MODULES: "module_",
    ReferenceKind.CLIENTS: "client_",
    ReferenceKind.OFFERS: "offer_",
}


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    """One entry as the form edits it; fields a kind does not have keep their defaults."""

    id: str = ""
    name: str = ""
    region_id: str | None = None
    active: bool = True
    unavailable_dates: tuple[dt.date, ...] = ()
    capacity_max: int = 12
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    id: str
    cells: tuple[str, ...]


class ReferenceEditorView(Protocol):
    def show_region_choices(self, regions: Sequence[Choice]) -> None: ...

    def show_items(
        self, kind: ReferenceKind, headers: Sequence[str], rows: Sequence[ReferenceRow]
    ) -> None: ...

    def show_entry(self, kind: ReferenceKind, entry: ReferenceEntry, is_new: bool) -> None:
        """Fill the kind's form; the identifier is editable only for a new entry."""

    def show_message(self, kind: ReferenceKind, text: str, tone: Tone) -> None: ...

    def set_remove_available(self, kind: ReferenceKind, reason: str) -> None:
        """Why the entry in the form cannot be removed ("" when it can)."""


def derive_id(kind: ReferenceKind, name: str, taken: set[str]) -> str:
    """An identifier made from a name (``Jeanne Dupont`` → ``op_jeanne_dupont``), unique."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "entry"
    base = (_ID_PREFIX[kind] + slug)[: MAX_ID_LENGTH - 4]
    candidate = base
    number = 2
    while candidate in taken:
        candidate = f"{base}_{number}"
        number += 1
    return candidate


def entry_document(kind: ReferenceKind, entry: ReferenceEntry) -> dict[str, object]:
    """The entry in the reference file format (SPEC 3.2)."""
    document: dict[str, object] = {"id": entry.id, "name": entry.name}
    if kind in (ReferenceKind.SETUPS, ReferenceKind.OPERATORS):
        document["regionId"] = entry.region_id
        document["active"] = entry.active
        document["unavailableDates"] = sorted(day.isoformat() for day in entry.unavailable_dates)
    elif kind is ReferenceKind.MODULES:
        document["capacityMax"] = entry.capacity_max
    elif kind is ReferenceKind.CLIENTS:
        document["email"] = entry.email
        document["phone"] = entry.phone
    return document


class ReferenceEditorPresenter:
    def __init__(
        self,
        view: ReferenceEditorView,
        reference: ReferenceData,
        catalogue: Catalogue,
        l10n: Localizer,
        today: Callable[[], dt.date],
        on_changed: Callable[[], None],
        on_conflicts: ConflictsFound | None = None,
        dialogs: Dialogs | None = None,
        calendar: CalendarWriter | None = None,
    ) -> None:
        """``today`` gives the business date, from which leave and maintenance are "coming";
        ``on_conflicts`` is told of the sessions a save leaves on a setup or operator that
        cannot serve them (with the sessions, and what caused it); ``dialogs`` asks before
        an entry is removed (None: removed without asking); ``calendar`` writes the
        calendar file of an operator, setup or region (None: no calendars)."""
        self._calendar = calendar
        self._on_conflicts = on_conflicts
        self._view = view
        self._dialogs = dialogs
        self._today = today
        self._reference = reference
        self._catalogue = catalogue
        self._l10n = l10n
        self._on_changed = on_changed

    # -- lists -----------------------------------------------------------------------------

    def load(self) -> None:
        self._view.show_region_choices(self._catalogue.region_choices())
        for kind in ReferenceKind:
            headers, rows = self._table(kind)
            self._view.show_items(kind, headers, rows)

    def _yes_no(self, value: bool) -> str:
        if value:
            return self._l10n.translate("ReferenceEditor", "Yes")
        return self._l10n.translate("ReferenceEditor", "No")

    def _days(self, days: frozenset[dt.date]) -> str:
        today = self._today()
        coming = sorted(day for day in days if day >= today)
        if not coming:
            return "—"
        return fill(
            self._l10n.translate("ReferenceEditor", "%1 (next %2)"),
            count_text(
                self._l10n,
                len(coming),
                self._l10n.translate("ReferenceEditor", "%1 day"),
                self._l10n.translate("ReferenceEditor", "%1 days"),
            ),
            self._l10n.date_text(coming[0]),
        )

    def _table(self, kind: ReferenceKind) -> tuple[list[str], list[ReferenceRow]]:
        translate = self._l10n.translate
        snapshot = self._catalogue.snapshot
        name = translate("ReferenceEditor", "Name")
        ident = translate("ReferenceEditor", "Identifier")
        region = translate("ReferenceEditor", "Region")
        active = translate("ReferenceEditor", "Active")
        if kind is ReferenceKind.REGIONS:
            return [name, ident], [
                ReferenceRow(r.id, (r.name, r.id)) for r in by_name(snapshot.regions)
            ]
        if kind in (ReferenceKind.SETUPS, ReferenceKind.OPERATORS):
            resources: Sequence[Setup | Operator] = (
                snapshot.setups if kind is ReferenceKind.SETUPS else snapshot.operators
            )
            days_header = (
                translate("ReferenceEditor", "Coming maintenance")
                if kind is ReferenceKind.SETUPS
                else translate("ReferenceEditor", "Coming leave")
            )
            rows = [
                ReferenceRow(
                    r.id,
                    (
                        r.name,
                        self._catalogue.region_name(r.region_id),
                        self._yes_no(r.active),
                        self._days(r.unavailable_dates),
                        r.id,
                    ),
                )
                for r in sorted(
                    by_name(resources),
                    key=lambda r: name_key(self._catalogue.region_name(r.region_id)),
                )
            ]
            return [name, region, active, days_header, ident], rows
        if kind is ReferenceKind.MODULES:
            return [name, translate("ReferenceEditor", "Capacity"), ident], [
                ReferenceRow(m.id, (m.name, str(m.capacity_max), m.id))
                for m in by_name(snapshot.modules)
            ]
        if kind is ReferenceKind.CLIENTS:
            clients = by_name(snapshot.clients)
            return [
                name,
                translate("ReferenceEditor", "E-mail"),
                translate("ReferenceEditor", "Phone"),
                ident,
            ], [ReferenceRow(c.id, (c.name, c.email, c.phone, c.id)) for c in clients]
        offers = by_name(snapshot.offers)
        return [name, ident], [ReferenceRow(o.id, (o.name, o.id)) for o in offers]

    # -- the form --------------------------------------------------------------------------

    def _items(self, kind: ReferenceKind) -> Sequence[ReferenceItem]:
        snapshot = self._catalogue.snapshot
        items: dict[ReferenceKind, Sequence[ReferenceItem]] = {
            ReferenceKind.REGIONS: snapshot.regions,
            ReferenceKind.SETUPS: snapshot.setups,
            ReferenceKind.OPERATORS: snapshot.operators,
            ReferenceKind.MODULES: snapshot.modules,
            ReferenceKind.CLIENTS: snapshot.clients,
            ReferenceKind.OFFERS: snapshot.offers,
        }
        return items[kind]

    def select(self, kind: ReferenceKind, item_id: str) -> None:
        item = next((i for i in self._items(kind) if i.id == item_id), None)
        if item is None:
            self.new(kind)
            return
        entry = ReferenceEntry(id=item.id, name=item.name)
        if isinstance(item, Setup | Operator):
            entry = ReferenceEntry(
                id=item.id,
                name=item.name,
                region_id=item.region_id,
                active=item.active,
                unavailable_dates=tuple(sorted(item.unavailable_dates)),
            )
        elif isinstance(item, Module):
            entry = ReferenceEntry(id=item.id, name=item.name, capacity_max=item.capacity_max)
        elif isinstance(item, Client):
            entry = ReferenceEntry(id=item.id, name=item.name, email=item.email, phone=item.phone)
        self._view.show_entry(kind, entry, is_new=False)
        self._view.show_message(kind, "", Tone.NEUTRAL)
        self._view.set_remove_available(kind, self._why_not_removable(kind, item))

    def new(self, kind: ReferenceKind) -> None:
        regions = self._catalogue.snapshot.regions
        self._view.show_entry(
            kind, ReferenceEntry(region_id=regions[0].id if regions else None), is_new=True
        )
        self._view.show_message(kind, "", Tone.NEUTRAL)
        self._view.set_remove_available(
            kind,
            self._l10n.translate("ReferenceEditor", "Choose the entry to remove in the list."),
        )

    def _why_not_removable(self, kind: ReferenceKind, item: ReferenceItem) -> str:
        """Why ``item`` must stay: bookings (and a region's setups) refer to it."""
        uses = self._reference.uses(kind.value, item.id)
        if not uses:
            return ""
        translate = self._l10n.translate
        if kind is ReferenceKind.REGIONS:
            texts = (
                translate(
                    "ReferenceEditor", "%1 booking, setup or operator refers to it: it stays."
                ),
                translate(
                    "ReferenceEditor", "%1 bookings, setups or operators refer to it: it stays."
                ),
            )
        elif kind in (ReferenceKind.SETUPS, ReferenceKind.OPERATORS):
            texts = (
                translate(
                    "ReferenceEditor",
                    "%1 booking refers to it: it stays, for the history. Take it out of "
                    "service instead.",
                ),
                translate(
                    "ReferenceEditor",
                    "%1 bookings refer to it: it stays, for the history. Take it out of "
                    "service instead.",
                ),
            )
        else:
            texts = (
                translate("ReferenceEditor", "%1 booking refers to it: it stays, for the history."),
                translate("ReferenceEditor", "%1 bookings refer to it: it stays, for the history."),
            )
        return count_text(self._l10n, uses, *texts)

    def has_calendar(self, kind: ReferenceKind) -> bool:
        """Whether entries of ``kind`` have a calendar file (operators, setups, regions)."""
        return self._calendar is not None and kind in CALENDAR_KINDS

    def export_calendar(self, kind: ReferenceKind, item_id: str, language: Language) -> None:
        """Ask where, then write every session of the entry to an iCalendar file that a
        phone or a calendar program imports (the file dialog asks before replacing)."""
        item = next((i for i in self._items(kind) if i.id == item_id), None)
        if item is None or not self.has_calendar(kind) or self._dialogs is None:
            return
        assert self._calendar is not None
        translate = self._l10n.translate
        slug = re.sub(r"[^a-z0-9]+", "-", name_key(item.name)).strip("-")[:40] or "calendar"
        chosen = self._dialogs.choose_file_to_save(
            translate("ReferenceEditor", "Export a calendar"),
            translate("ReferenceEditor", "Calendar"),
            f"dst-{slug}.ics",
            suffix="ics",
        )
        if not chosen:
            return
        path = with_ics_suffix(chosen)
        try:
            events = self._calendar(kind.value, item.id, path, language)
        except OutputFileError as error:
            self._view.show_message(kind, output_error_text(error, self._l10n), Tone.BAD)
            return
        text = count_text(
            self._l10n,
            events,
            translate("ReferenceEditor", "%1 event of %2 written to %3."),
            translate("ReferenceEditor", "%1 events of %2 written to %3."),
        )
        self._view.show_message(kind, fill(text, events, item.name, path), Tone.GOOD)

    def remove(self, kind: ReferenceKind, item_id: str) -> None:
        """Delete an entry made by mistake, after asking; one in use stays."""
        translate = self._l10n.translate
        item = next((i for i in self._items(kind) if i.id == item_id), None)
        if item is None:
            return
        reason = self._why_not_removable(kind, item)
        if reason:
            self._view.show_message(kind, reason, Tone.BAD)
            return
        if self._dialogs is not None and not self._dialogs.confirm(
            translate("ReferenceEditor", "Remove an entry"),
            fill(
                translate(
                    "ReferenceEditor",
                    "Remove %1 for good? Nothing refers to it yet; it cannot be undone.",
                ),
                item.name,
            ),
            translate("ReferenceEditor", "Remove"),
        ):
            return
        result = self._reference.remove(kind.value, item_id)
        if isinstance(result, Failure):
            self._view.show_message(
                kind,
                fill(
                    translate("ReferenceEditor", "Not removed. %1"),
                    failure_text(result, self._l10n),
                ),
                Tone.BAD,
            )
            return
        self._catalogue.invalidate()
        self.load()
        self.new(kind)
        self._view.show_message(
            kind, fill(translate("ReferenceEditor", "%1 removed."), item.name), Tone.GOOD
        )
        self._on_changed()

    def save(self, kind: ReferenceKind, entry: ReferenceEntry, is_new: bool) -> None:
        translate = self._l10n.translate
        entry = replace(
            entry,
            id=entry.id.strip(),
            name=entry.name.strip(),
            email=entry.email.strip(),
            phone=entry.phone.strip(),
        )
        if kind is ReferenceKind.CLIENTS:
            problem = contact_problem(entry.email, entry.phone, self._l10n)
            if problem:
                self._view.show_message(
                    kind, fill(translate("ReferenceEditor", "Not saved. %1"), problem), Tone.BAD
                )
                return
        taken = {item.id for item in self._items(kind)}
        if is_new:
            if not entry.name:
                self._view.show_message(
                    kind, translate("ReferenceEditor", "Give the new entry a name."), Tone.BAD
                )
                return
            if not entry.id:
                entry = replace(entry, id=derive_id(kind, entry.name, taken))
            elif entry.id in taken:
                self._view.show_message(
                    kind,
                    fill(
                        translate(
                            "ReferenceEditor",
                            "The identifier %1 is already used: choose another one, or leave "
                            "it empty to have one made from the name.",
                        ),
                        entry.id,
                    ),
                    Tone.BAD,
                )
                return
        result = self._reference.import_reference(
            {kind.value: [entry_document(kind, entry)]}, source="reference editor"
        )
        if isinstance(result, Failure):
            self._view.show_message(
                kind,
                fill(
                    translate("ReferenceEditor", "Not saved. %1"),
                    failure_text(single_entry_failure(result), self._l10n),
                ),
                Tone.BAD,
            )
            return
        self._catalogue.invalidate()
        self.load()
        self.select(kind, entry.id)
        saved = fill(translate("ReferenceEditor", "%1 saved."), entry.name)
        hit = len({conflict.session_id for conflict in result.conflicts})
        self._on_changed()
        if self._on_conflicts is not None and hit:
            # Asked first, so that the message says what is still left afterwards.
            hit = self._on_conflicts(
                result.conflicts,
                result.conflict_sessions,
                fill(translate("ReferenceEditor", "Saving %1"), entry.name),
            )
        if hit:
            saved += " " + count_text(
                self._l10n,
                hit,
                translate(
                    "ReferenceEditor", "%1 confirmed session can no longer be served as planned."
                ),
                translate(
                    "ReferenceEditor", "%1 confirmed sessions can no longer be served as planned."
                ),
            )
        self._view.show_message(kind, saved, Tone.ATTENTION if hit else Tone.GOOD)


def single_entry_failure(failure: Failure) -> Failure:
    """Drop the ``setups[0] (id "x"): `` prefix: the form shows only that entry."""
    message = re.sub(r"^\w+\[\d+\](?: \(id [^)]*\))?: ", "", failure.message)
    return Failure(failure.error, message, failure.details)
