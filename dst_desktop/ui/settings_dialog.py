"""Preferences: the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.presenters.l10n import fill
from dst_desktop.ui.accessible import describe, describe_buttons
from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import LANGUAGES, interface_locale

#: Each language in its own words, as language menus show them (never translated).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(icon("settings"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        system_code = interface_locale("").name().split("_")[0]
        system_language = LANGUAGE_NAMES.get(system_code, LANGUAGE_NAMES["en"])
        self.language_combo.addItem(fill(self.tr("System language (%1)"), system_language), "")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        form.addRow(self.tr("&Language:"), self.language_combo)
        describe(
            self.language_combo,
            self.tr("Language"),
            self.tr("The language of the window, its messages and its printed documents."),
        )
        layout.addLayout(form)
        note = QLabel(
            self.tr("Dates are shown the way they are written in the chosen language's country.")
        )
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def language(self) -> str:
        value = self.language_combo.currentData()
        return value if isinstance(value, str) else ""
