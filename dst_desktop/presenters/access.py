"""Who is at the keyboard and what they may do, in the user's language (SPEC 10).

The window shows the login and role in its status bar, and each command the role does
not allow is disabled with a tooltip naming the role it needs. The rights themselves
come from the services (the database's word); this module only words them.
"""

from __future__ import annotations

from enum import Enum

from dst_desktop.domain.permissions import NEEDED_ROLE, Access, Action, Role
from dst_desktop.presenters.l10n import Localizer, fill
from dst_desktop.services.permissions import Permissions


class WindowCommand(Enum):
    """Commands of the window that a role may not be allowed (the exchange commands and
    the booking actions have their own places)."""

    REFERENCE_DATA = "reference_data"
    IMPORT_REFERENCE = "import_reference"
    LOAD_DEMO = "load_demo"


WINDOW_COMMAND_ACTIONS: dict[WindowCommand, Action] = {
    WindowCommand.REFERENCE_DATA: Action.EDIT_REFERENCE,
    WindowCommand.IMPORT_REFERENCE: Action.IMPORT_REFERENCE,
    WindowCommand.LOAD_DEMO: Action.IMPORT_REFERENCE,
}


def role_text(role: Role, l10n: Localizer) -> str:
    texts = {
        Role.BOOKING: l10n.translate("Role", "booking"),
        Role.PLANNER: l10n.translate("Role", "planner"),
        Role.ADMIN: l10n.translate("Role", "admin"),
    }
    return texts[role]


def action_text(action: Action, l10n: Localizer) -> str:
    """What the action is, as the start of "… needs the planner role"."""
    translate = l10n.translate
    texts = {
        Action.READ: translate("Permission", "Reading the bookings"),
        Action.CHECK_AVAILABILITY: translate("Permission", "Checking availability"),
        Action.CREATE_BOOKING: translate("Permission", "Creating a booking"),
        Action.CHANGE_BOOKING: translate("Permission", "Changing a pending booking"),
        Action.CANCEL_BOOKING: translate("Permission", "Cancelling a pending booking"),
        Action.ADD_CLIENT: translate("Permission", "Adding a client"),
        Action.PRINT: translate("Permission", "Printing"),
        Action.EXPORT: translate("Permission", "Exporting lists and calendars"),
        Action.EXPORT_EVENT_BOOKINGS: translate("Permission", "Exporting event bookings"),
        Action.CONFIRM: translate("Permission", "Confirming a booking"),
        Action.SCHEDULE_MISSION: translate("Permission", "Scheduling a mission"),
        Action.START_MISSION: translate("Permission", "Starting a mission"),
        Action.COMPLETE_MISSION: translate("Permission", "Completing a mission"),
        Action.CANCEL_MISSION: translate("Permission", "Cancelling a mission"),
        Action.RESCHEDULE: translate("Permission", "Rescheduling a session"),
        Action.REALLOCATE: translate("Permission", "Reallocating a session"),
        Action.IMPORT_EVENT_BOOKINGS: translate("Permission", "Importing event bookings"),
        Action.EDIT_REFERENCE: translate("Permission", "Changing reference data"),
        Action.IMPORT_REFERENCE: translate("Permission", "Importing reference data"),
        Action.EXPORT_SNAPSHOT: translate("Permission", "Exporting a snapshot"),
        Action.IMPORT_SNAPSHOT: translate("Permission", "Importing a snapshot"),
        Action.GENERATE_DATA: translate("Permission", "Generating data"),
        Action.MANAGE_USERS: translate("Permission", "Managing users"),
    }
    return texts[action]


class AccessTexts:
    """The login's rights, worded for the window."""

    def __init__(self, permissions: Permissions, actor: str, l10n: Localizer) -> None:
        self._permissions = permissions
        self._actor = actor
        self._l10n = l10n

    @property
    def access(self) -> Access:
        return self._permissions.access()

    def who(self) -> str:
        """``alice (booking)``, ``dst_owner (database owner)``, ``anne (this computer)``."""
        access = self.access
        translate = self._l10n.translate
        if access.owner and access.login is None:
            return fill(translate("Access", "%1 (owner of this database file)"), self._actor)
        if access.owner:
            return fill(translate("Access", "%1 (database owner)"), access.login)
        if access.role is None:
            return fill(translate("Access", "%1 (no DST Desktop role)"), access.login)
        return fill("%1 (%2)", access.login, role_text(access.role, self._l10n))

    def status_text(self) -> str:
        return fill(self._l10n.translate("Access", "Signed in as %1"), self.who())

    def status_tooltip(self) -> str:
        access = self.access
        translate = self._l10n.translate
        if access.owner and access.login is None:
            return translate(
                "Access",
                "A database file on this computer: its owner may do everything, and the audit "
                "log records your user name.",
            )
        role = access.effective_role
        if role is Role.ADMIN:
            return translate(
                "Access",
                "May do everything: bookings, confirmations, missions, reference data, "
                "snapshots and users.",
            )
        if role is Role.PLANNER:
            return translate(
                "Access",
                "May book, confirm, follow missions and import event bookings; reference data "
                "and snapshots need the admin role.",
            )
        if role is Role.BOOKING:
            return translate(
                "Access",
                "May check availability, create, change and cancel booking requests, print and "
                "export; confirming and missions need the planner role.",
            )
        return translate(
            "Access", "This login has no DST Desktop role: ask an administrator for one."
        )

    def refused(self, action: Action) -> str:
        """Why the login may not do ``action`` — naming the role it needs — or ""."""
        access = self.access
        if access.may(action):
            return ""
        return fill(
            self._l10n.translate("Access", "%1 needs the %2 role; you are %3."),
            action_text(action, self._l10n),
            role_text(NEEDED_ROLE[action], self._l10n),
            self.who(),
        )

    def missions_refused(self) -> str:
        """Why the mission steps (schedule, start, complete, cancel) are not allowed, or ""."""
        if self.access.may(Action.SCHEDULE_MISSION):
            return ""
        return fill(
            self._l10n.translate("Access", "The mission steps need the %1 role; you are %2."),
            role_text(NEEDED_ROLE[Action.SCHEDULE_MISSION], self._l10n),
            self.who(),
        )

    def command_refusals(self) -> dict[WindowCommand, str]:
        return {command: self.refused(action) for command, action in WINDOW_COMMAND_ACTIONS.items()}
