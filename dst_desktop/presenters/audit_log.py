"""The Audit log window (SPEC 10): who did what, when, on which session — filtered.

On a team's database the actor is the database login, written by the database itself;
the log is append-only on every backend. The window lists the newest entries first,
filtered by session, actor, action and period, and copies or exports what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import AuditEntry
from dst_desktop.domain.statuses import MissionAction, SessionStatus
from dst_desktop.presenters.catalogue import Catalogue, Choice
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.messages import audit_action_text, status_text
from dst_desktop.services.audit import checked_filter
from dst_desktop.services.validation import InvalidInputError
from dst_desktop.services.workflows import Workflows

#: The most entries the window lists at once (the newest); the filters reach older ones.
SHOWN_AT_MOST = 5_000
#: The period the window opens on: the last 30 days.
DEFAULT_DAYS = 30
#: Actions the filter offers (an entry of any other action is still listed).
KNOWN_ACTIONS = (
    "create",
    "confirm",
    "cancel",
    "schedule",
    "start",
    "complete",
    "import_reference",
    "import_event_booking",
    "import_bookings",
    "import_snapshot",
    "export_bookings",
    "generate_data",
)


@dataclass(frozen=True, slots=True)
class AuditCriteria:
    """What the user typed in the filters ("" for no filter)."""

    session_id: str = ""
    actor: str = ""
    action: str = ""
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One line of the table: the texts shown, and the local moment for spreadsheets."""

    when: str
    moment: dt.datetime
    actor: str
    action: str
    session_id: str
    details: str

    @property
    def cells(self) -> tuple[str, str, str, str, str]:
        return (self.when, self.actor, self.action, self.session_id, self.details)


class AuditLogView(Protocol):
    def show_period(self, first: dt.date, last: dt.date) -> None:
        """The period the filters start with."""

    def show_actions(self, choices: Sequence[Choice]) -> None:
        """The actions to filter by; the first choice (id "") is every action."""

    def show_entries(self, headers: Sequence[str], rows: Sequence[AuditRow]) -> None: ...

    def show_summary(self, text: str, problem: bool) -> None:
        """How many entries are listed — or, with ``problem``, why none could be."""


class AuditLogPresenter:
    def __init__(
        self, view: AuditLogView, workflows: Workflows, catalogue: Catalogue, l10n: Localizer
    ) -> None:
        self._view = view
        self._audit = workflows.audit
        self._catalogue = catalogue
        self._l10n = l10n
        self._today = workflows.queries.today
        self.rows: list[AuditRow] = []

    def headers(self) -> list[str]:
        translate = self._l10n.translate
        return [
            translate("AuditLog", "When"),
            translate("AuditLog", "Who"),
            translate("AuditLog", "What"),
            translate("AuditLog", "Session"),
            translate("AuditLog", "Details"),
        ]

    def load(self) -> AuditCriteria:
        """Fill the filters and list the last 30 days; return the criteria used."""
        today = self._today()
        first = today - dt.timedelta(days=DEFAULT_DAYS)
        self._view.show_period(first, today)
        every = Choice("", self._l10n.translate("AuditLog", "Every action"))
        actions = [Choice(a, audit_action_text(a, self._l10n)) for a in KNOWN_ACTIONS]
        self._view.show_actions([every, *actions])
        criteria = AuditCriteria(first=first, last=today)
        self.apply(criteria)
        return criteria

    def apply(self, criteria: AuditCriteria) -> None:
        """List the entries the criteria select, newest first."""
        translate = self._l10n.translate
        try:
            query = checked_filter(
                criteria.session_id.strip() or None,
                criteria.actor.strip() or None,
                criteria.action or None,
                criteria.first,
                criteria.last,
                SHOWN_AT_MOST,
            )
        except InvalidInputError as error:
            problem = fill(translate("AuditLog", "Please check the filters: %1"), error.message)
            self._show([], problem, True)
            return
        try:
            entries = self._audit.entries(query)
        except StorageError as error:
            problem = fill(translate("AuditLog", "The audit log cannot be read: %1"), error)
            self._show([], problem, True)
            return
        rows = [self.row(entry) for entry in reversed(entries)]
        if not rows:
            summary = translate("AuditLog", "No entry matches these filters.")
        elif len(rows) >= SHOWN_AT_MOST:
            summary = fill(
                translate(
                    "AuditLog",
                    "The newest %1 entries are shown: narrow the filters to see older ones.",
                ),
                SHOWN_AT_MOST,
            )
        else:
            summary = count_text(
                self._l10n,
                len(rows),
                translate("AuditLog", "%1 entry."),
                translate("AuditLog", "%1 entries."),
            )
        self._show(rows, summary, False)

    def _show(self, rows: list[AuditRow], summary: str, problem: bool) -> None:
        self.rows = rows
        self._view.show_entries(self.headers(), rows)
        self._view.show_summary(summary, problem)

    # -- one line ------------------------------------------------------------------------

    def row(self, entry: AuditEntry) -> AuditRow:
        moment = entry.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None, microsecond=0)
        return AuditRow(
            when=self._l10n.timestamp_text(entry.at),
            moment=moment,
            actor=entry.actor,
            action=self._action_text(entry),
            session_id=entry.session_id or "",
            details=self.details_text(entry),
        )

    def _action_text(self, entry: AuditEntry) -> str:
        # A pending request's cancellation and a mission's share the word "cancel"; a
        # mission's says from which status it went.
        if entry.action == MissionAction.CANCEL.value and "from" not in entry.details:
            return self._l10n.translate("AuditAction", "Pending booking cancelled")
        return audit_action_text(entry.action, self._l10n)

    def details_text(self, entry: AuditEntry) -> str:
        """The details a person reads: names rather than ids, in the user's language."""
        details = entry.details
        translate = self._l10n.translate
        catalogue = self._catalogue
        parts: list[str] = []

        def text(key: str) -> str | None:
            value = details.get(key)
            return value if isinstance(value, str) and value else None

        if entry.action in ("create", "cancel") and text("clientId") and "from" not in details:
            parts.append(catalogue.client_name(str(text("clientId"))))
            if text("regionId"):
                parts.append(catalogue.region_name(str(text("regionId"))))
            if text("date"):
                parts.append(_day_text(str(text("date")), self._l10n))
        elif entry.action == "confirm":
            setup, operator = text("setupId"), text("operatorId")
            parts.append(catalogue.setup_name(setup) if setup else "")
            parts.append(catalogue.operator_name(operator) if operator else "")
        elif "from" in details and "to" in details:
            parts.append(
                fill(
                    translate("AuditLog", "%1 → %2"),
                    _status(str(details["from"]), self._l10n),
                    _status(str(details["to"]), self._l10n),
                )
            )
            if text("outcome"):
                parts.append(fill(translate("AuditLog", "outcome: %1"), text("outcome")))
            if text("reason"):
                parts.append(fill(translate("BookingDetails", "reason: %1"), text("reason")))
        else:
            parts.extend(self._import_text(entry) or _plain_details(details))
        return ", ".join(part for part in parts if part)

    def _import_text(self, entry: AuditEntry) -> list[str]:
        """Imports and exports, in words ([] for another action)."""
        details = entry.details
        translate = self._l10n.translate

        def number(key: str) -> int:
            value = details.get(key)
            if isinstance(value, dict):
                return sum(v for v in value.values() if isinstance(v, int))
            return value if isinstance(value, int) else 0

        where = str(details.get("source") or details.get("file") or "")
        if entry.action == "import_reference":
            said = fill(
                translate("AuditLog", "%1 added, %2 updated"), number("added"), number("updated")
            )
        elif entry.action == "import_bookings":
            said = fill(
                translate("AuditLog", "%1 imported, %2 already present, %3 rejected"),
                number("imported"),
                number("alreadyPresent"),
                number("rejected"),
            )
        elif entry.action == "import_event_booking":
            said = fill(translate("BookingDetails", "taken on %1"), details.get("sourceDevice"))
        elif entry.action == "import_snapshot":
            said = fill(
                translate("AuditLog", "“%1”, %2 allocations"),
                details.get("eventName", ""),
                number("allocations"),
            )
        elif entry.action == "export_bookings":
            said = fill(translate("AuditLog", "%1 bookings"), number("bookings"))
        elif entry.action == "generate_data":
            said = fill(
                translate("AuditLog", "%1 sessions, %2 pending"),
                number("sessions"),
                number("pending"),
            )
        else:
            return []
        return [said, where]


def _day_text(value: str, l10n: Localizer) -> str:
    try:
        return l10n.date_text(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _status(value: str, l10n: Localizer) -> str:
    try:
        return status_text(SessionStatus(value), l10n)
    except ValueError:
        return value


def _plain_details(details: dict[str, object]) -> list[str]:
    """Details without a wording of their own, as ``key: value``."""
    parts = []
    for key, value in sorted(details.items()):
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items()))
        elif isinstance(value, list):
            value = len(value)
        parts.append(f"{key}: {value}")
    return parts
