"""Help ▸ User guide and Help ▸ Keyboard shortcuts: a day's work, step by step, and every
command's shortcut, in the interface language.

The shortcuts are read from the window's own commands, so the help never disagrees with
the menus.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.l10n import fill
from dst_desktop.ui.accessible import describe, describe_buttons
from dst_desktop.ui.icons import icon


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def plain(text: str) -> str:
    """A command's text without its mnemonic ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class HelpDialog(QDialog):
    """Two tabs: the user guide and the keyboard shortcuts."""

    def __init__(self, commands: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("DST Desktop help"))
        self.setWindowIcon(icon("about"))
        self.resize(820, 600)
        self._commands = {action.objectName(): action for action in commands}
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("helpTabs")
        self.guide = QTextBrowser()
        self.guide.setObjectName("userGuide")
        describe(self.guide, self.tr("User guide"), self.tr("A day's work, step by step."))
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(self._guide_html())
        self.shortcuts = QTextBrowser()
        self.shortcuts.setObjectName("shortcutsList")
        describe(
            self.shortcuts,
            self.tr("Keyboard shortcuts"),
            self.tr("Every command's shortcut, and the keys of the window."),
        )
        self.shortcuts.setHtml(self._shortcuts_html(commands))
        self.tabs.addTab(self.guide, self.tr("&User guide"))
        self.tabs.addTab(self.shortcuts, self.tr("&Keyboard shortcuts"))
        self.tabs.setTabToolTip(0, self.tr("A day's work, step by step (F1)"))
        self.tabs.setTabToolTip(1, self.tr("Every command's shortcut (Ctrl+F1)"))
        describe(
            self.tabs.tabBar(),
            self.tr("Help topics"),
            self.tr("The user guide or the keyboard shortcuts."),
        )
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_guide(self) -> None:
        self.tabs.setCurrentWidget(self.guide)
        self.guide.setFocus()

    def show_shortcuts(self) -> None:
        self.tabs.setCurrentWidget(self.shortcuts)
        self.shortcuts.setFocus()

    def _key(self, name: str) -> str:
        action = self._commands.get(name)
        return shortcut_text(action) if action is not None else ""

    def _guide_html(self) -> str:
        key = self._key
        rows = [
            (
                self.tr("Book a session"),
                fill(
                    self.tr(
                        "Choose the region (Alt+R), pick the day in the calendar (the arrow "
                        "keys move the day; each day shows how many setups are still free), "
                        "tick the modules (Space), set the participants and type part of the "
                        "client's name. The availability panel says at once whether the "
                        "booking can be made; then press Enter, or Create booking (%1)."
                    ),
                    key("createBookingAction"),
                ),
            ),
            (
                self.tr("Move a request to a free day"),
                self.tr(
                    "When the day is full, choose one of the free dates under the panel: the "
                    "calendar and the form move there."
                ),
            ),
            (
                self.tr("Confirm"),
                fill(
                    self.tr(
                        "Select one or several rows of Pending bookings and press Confirm "
                        "(%1). Each outcome is reported, with other free dates when a day "
                        "filled up meanwhile."
                    ),
                    key("confirmAction"),
                ),
            ),
            (
                self.tr("Cancel a request"),
                fill(
                    self.tr(
                        "Select it and press Cancel… (%1 in the queue); DST Desktop asks first."
                    ),
                    key("cancelAction"),
                ),
            ),
            (
                self.tr("Follow a session"),
                fill(
                    self.tr(
                        "Double-click a row, or Details… (%1): status, setup, operator, "
                        "history and the next steps — schedule, start, mark completed, or "
                        "cancel the mission with a reason."
                    ),
                    key("detailsAction"),
                ),
            ),
            (
                self.tr("Find a booking"),
                fill(
                    self.tr(
                        "All bookings (%1) lists every status, filtered by client, region, "
                        "status, dates or text (%2). Pending bookings (%3) comes back to the "
                        "queue."
                    ),
                    key("browseAction"),
                    key("findAction"),
                    key("pendingAction"),
                ),
            ),
            (
                self.tr("Print"),
                fill(
                    self.tr(
                        "Print booking summary (%1) and Print day sheet (%2) open a preview "
                        "that prints and saves a PDF file."
                    ),
                    key("printSummaryAction"),
                    key("printDaySheetAction"),
                ),
            ),
            (
                self.tr("Add an operator, a setup, a client…"),
                fill(
                    self.tr(
                        "Data ▸ Reference data… (%1): one tab per kind, each with a search "
                        "field; setups take maintenance days, operators leave days. An entry "
                        "nothing refers to yet can be removed."
                    ),
                    key("referenceDataAction"),
                ),
            ),
            (
                self.tr("Load a reference file"),
                fill(
                    self.tr(
                        "File ▸ Import reference data… (%1) reads a JSON file in the background "
                        "and lists every problem it finds."
                    ),
                    key("importReferenceAction"),
                ),
            ),
            (
                self.tr("Take bookings at a trade fair"),
                self.tr(
                    "File ▸ Export snapshot… at the office, Import snapshot… on the laptop, and "
                    "back with Export event bookings… and Import event bookings…."
                ),
            ),
            (
                self.tr("Change the language"),
                fill(
                    self.tr("File ▸ Settings… (%1): the system's language, English or French."),
                    key("settingsAction"),
                ),
            ),
        ]
        body = "".join(
            f"<tr><td style='padding:6px 14px 6px 0; font-weight:600; white-space:nowrap'>"
            f"{html.escape(task)}</td><td style='padding:6px 0'>{html.escape(how)}</td></tr>"
            for task, how in rows
        )
        intro = self.tr(
            "Back-office staff live in one window: pick a region and a day, tick the training "
            "modules, choose the client and the number of participants, and the window says at "
            "once whether the session can be booked. Requests wait in the pending queue until "
            "someone confirms them; confirming allocates a setup and an operator."
        )
        return (
            f"<h2>{html.escape(self.tr('A day’s work'))}</h2>"
            f"<p>{html.escape(intro)}</p><table cellspacing='0'>{body}</table>"
        )

    def _shortcuts_html(self, commands: Sequence[QAction]) -> str:
        rows = [
            (plain(action.text()), shortcut_text(action))
            for action in commands
            if shortcut_text(action)
        ]
        keys = [
            (self.tr("Next or previous field"), self.tr("Tab, Shift+Tab")),
            (self.tr("Go to a field whose label has an underlined letter"), self.tr("Alt+letter")),
            (self.tr("Create the booking, in the booking form"), self.tr("Enter")),
            (self.tr("Tick or untick a module"), self.tr("Space")),
            (
                self.tr("Move the day in the calendar; the month"),
                self.tr("Arrow keys; Page Up, Page Down"),
            ),
            (self.tr("Open the calendar of a date field"), self.tr("Alt+Down")),
            (self.tr("A day later or earlier, in a date field"), self.tr("Up, Down")),
            (self.tr("Select several bookings"), self.tr("Shift+arrows, Ctrl+click")),
            (self.tr("Close a dialog"), self.tr("Esc")),
        ]

        def table(title: str, entries: Sequence[tuple[str, str]]) -> str:
            lines = "".join(
                f"<tr><td style='padding:3px 24px 3px 0'>{html.escape(what)}</td>"
                f"<td style='padding:3px 0; font-weight:600'>{html.escape(keys)}</td></tr>"
                for what, keys in entries
            )
            return f"<h3>{html.escape(title)}</h3><table cellspacing='0'>{lines}</table>"

        return table(self.tr("Commands"), rows) + table(self.tr("In the window"), keys)
