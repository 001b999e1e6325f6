"""The presenters' modal questions (:class:`~dst_desktop.presenters.dialogs.Dialogs`) as
real message boxes and file dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.contact import contact_problem, is_email, is_phone
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
from dst_desktop.presenters.event_report import EventImportReport
from dst_desktop.presenters.input_limits import MAX_TEXT_LENGTH
from dst_desktop.presenters.l10n import fill
from dst_desktop.presenters.messages import Tone
from dst_desktop.ui import settings as keys
from dst_desktop.ui.accessible import describe, describe_buttons
from dst_desktop.ui.event_mode import EventImportReportDialog, SnapshotOptionsDialog
from dst_desktop.ui.l10n import QtLocalizer
from dst_desktop.ui.plain_text import message_box, plain_label, show_message
from dst_desktop.ui.settings import app_settings, text_setting
from dst_desktop.ui.theme import TONE_TEXT


class ReportDialog(QDialog):
    """A summary and one line per outcome, readable and copyable."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, lines: Sequence[str]):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        self.resize(620, 360)
        layout = QVBoxLayout(self)
        heading = plain_label(summary)
        heading.setObjectName("dialogTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.lines = QListWidget()
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        self.lines.addItems(list(lines))
        self.lines.setVisible(bool(lines))
        describe(self.lines, title, self.tr("One line per booking, with its outcome."))
        layout.addWidget(self.lines, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class ReasonDialog(QDialog):
    """Why something is done (a mission cancelled): the question, the reason, and the
    action, which cannot be pressed while the reason is blank."""

    def __init__(
        self, title: str, question: str, accept_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        label = plain_label(question)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(MAX_TEXT_LENGTH)
        label.setBuddy(self.reason_edit)
        describe(self.reason_edit, self.tr("Reason"), question)
        layout.addWidget(self.reason_edit)
        self.hint = plain_label(self.tr("A reason is needed: it is kept with the booking."))
        self.hint.setObjectName("hintLabel")
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(accept_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptReasonButton")
        self.accept_button.setProperty("destructive", True)
        self.accept_button.setDefault(True)
        back = buttons.addButton(self.tr("Go back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("goBackButton")
        back.setToolTip(self.tr("Close without changing anything (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(self._reason_changed)
        self._reason_changed("")

    def _reason_changed(self, text: str) -> None:
        given = bool(text.strip())
        self.accept_button.setEnabled(given)
        self.accept_button.setToolTip(
            self.tr("Done with this reason (Enter)") if given else self.tr("Type the reason first.")
        )

    def accept(self) -> None:
        if self.reason():  # Enter on a blank reason does nothing
            super().accept()

    def reason(self) -> str:
        return self.reason_edit.text().strip()


class NewClientDialog(QDialog):
    """Name, e-mail and phone: enough to book a client met at the counter or an event."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newClientDialog")
        self.setWindowTitle(self.tr("New client"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("newClientNameEdit")
        self.name_edit.setMaxLength(MAX_TEXT_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("Company or person"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("newClientEmailEdit")
        self.email_edit.setMaxLength(MAX_TEXT_LENGTH)
        form.addRow(self.tr("&E-mail:"), self.email_edit)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("newClientPhoneEdit")
        self.phone_edit.setMaxLength(MAX_TEXT_LENGTH)
        form.addRow(self.tr("&Phone:"), self.phone_edit)
        describe(
            self.name_edit, self.tr("Name"), self.tr("The client's name: a company or a person.")
        )
        describe(self.email_edit, self.tr("E-mail"), self.tr("The client's e-mail address."))
        describe(self.phone_edit, self.tr("Phone"), self.tr("The client's phone number."))
        layout.addLayout(form)
        hint = QLabel(self.tr("Other details can be added later in Data ▸ Reference data."))
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.problem_label = plain_label()
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {TONE_TEXT[Tone.BAD].name()};")
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(
            self.tr("Add client"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setObjectName("addClientButton")
        self.add_button.setDefault(True)
        self.add_button.setToolTip(self.tr("Add the client and choose it in the form (Enter)"))
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.name_edit, self.email_edit, self.phone_edit):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        """Add only a client with a name and contact details that can be used."""
        email, phone = self.email_edit.text(), self.phone_edit.text()
        for edit, valid in ((self.email_edit, is_email(email)), (self.phone_edit, is_phone(phone))):
            edit.setProperty("invalid", not valid)
            edit.style().unpolish(edit)
            edit.style().polish(edit)
        problem = contact_problem(email, phone, QtLocalizer())
        self.problem_label.setText(problem)
        self.add_button.setEnabled(bool(self.name_edit.text().strip()) and not problem)

    def client(self) -> NewClient:
        return NewClient(
            self.name_edit.text().strip(),
            self.email_edit.text().strip(),
            self.phone_edit.text().strip(),
        )


def _start_folder() -> Path:
    """Where file dialogs open: the folder last used for a bundle, else Documents."""
    remembered = text_setting(keys.EXCHANGE_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember_folder(path: str) -> None:
    app_settings().setValue(keys.EXCHANGE_FOLDER, str(Path(path).parent))


class QtDialogs(QObject):
    """Message boxes parented to the window, in the interface language."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._parent = parent

    def confirm(self, title: str, text: str, accept_label: str) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, self._parent)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is accept

    def ask_reason(self, title: str, label: str, accept_label: str) -> str | None:
        dialog = ReasonDialog(title, label, accept_label, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def inform(self, title: str, text: str) -> None:
        show_message(QMessageBox.Icon.Information, self._parent, title, text)

    def warn(self, title: str, text: str) -> None:
        show_message(QMessageBox.Icon.Warning, self._parent, title, text)

    def report(self, title: str, summary: str, lines: Sequence[str]) -> None:
        ReportDialog(self._parent, title, summary, lines).exec()

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(list(items))
        dialog.setComboBoxEditable(False)
        dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems)
        for text_label in dialog.findChildren(QLabel):
            text_label.setTextFormat(Qt.TextFormat.PlainText)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.textValue()
        return list(items).index(chosen) if chosen in items else None

    def choose_first_start(self) -> FirstStartChoice:
        box = message_box(
            QMessageBox.Icon.Question,
            self.tr("Welcome to DST Desktop"),
            self.tr("This database is empty."),
            self._parent,
            informative=self.tr(
                "Load the demo data to try DST Desktop with regions, setups, operators and "
                "bookings around today, or import your own reference data file."
            ),
        )
        demo = box.addButton(self.tr("Load the demo data"), QMessageBox.ButtonRole.AcceptRole)
        imported = box.addButton(
            self.tr("Import a reference file…"), QMessageBox.ButtonRole.ActionRole
        )
        snapshot = box.addButton(
            self.tr("Import an event snapshot…"), QMessageBox.ButtonRole.ActionRole
        )
        snapshot.setToolTip(
            self.tr("On the event laptop: take bookings from a snapshot of the office.")
        )
        empty = box.addButton(self.tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(demo)
        box.setEscapeButton(empty)
        box.exec()
        clicked = box.clickedButton()
        if clicked is demo:
            return FirstStartChoice.DEMO
        if clicked is imported:
            return FirstStartChoice.IMPORT
        if clicked is snapshot:
            return FirstStartChoice.SNAPSHOT
        return FirstStartChoice.EMPTY

    def choose_reference_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import reference data"),
            "",
            self.tr("Reference data (*.json);;All files (*)"),
        )
        return path or None

    def _filters(self, file_type: str, suffix: str = "json") -> str:
        if suffix == "ics":
            return fill(self.tr("%1 (*.ics);;All files (*)"), file_type)
        return fill(self.tr("%1 (*.json);;All files (*)"), file_type)

    def choose_file_to_open(self, title: str, file_type: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, title, str(_start_folder()), self._filters(file_type)
        )
        if path:
            _remember_folder(path)
        return path or None

    def choose_file_to_save(
        self, title: str, file_type: str, suggested_name: str, suffix: str = "json"
    ) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            title,
            str(_start_folder() / suggested_name),
            self._filters(file_type, suffix),
        )
        if path:
            _remember_folder(path)
        return path or None

    def ask_snapshot_options(self, suggested: SnapshotOptions) -> SnapshotOptions | None:
        dialog = SnapshotOptionsDialog(suggested, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()

    def ask_new_client(self, name: str) -> NewClient | None:
        dialog = NewClientDialog(name, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.client()

    def show_event_import_report(self, report: EventImportReport) -> None:
        EventImportReportDialog(report, self._parent).exec()

    # Changes after booking: the dialogs load with their first use.

    def ask_booking_changes(self, request: BookingEditRequest) -> BookingDraft | None:
        from dst_desktop.ui.change_dialogs import EditBookingDialog

        dialog = EditBookingDialog(request, self._parent)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_new_date(self, request: NewDateRequest) -> dt.date | None:
        from dst_desktop.ui.change_dialogs import NewDateDialog

        dialog = NewDateDialog(request, self._parent)
        return dialog.chosen_day() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_completion(self, request: CompletionRequest) -> CompletionDetails | None:
        from dst_desktop.ui.change_dialogs import CompletionDialog

        dialog = CompletionDialog(request, self._parent)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_reallocation(self, offer: ReallocationOffer) -> tuple[str, ...]:
        from dst_desktop.ui.change_dialogs import ReallocationDialog

        dialog = ReallocationDialog(offer, self._parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else ()
