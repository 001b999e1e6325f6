"""Preferences: the interface language."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dst_desktop.ui.icons import icon
from dst_desktop.ui.l10n import LANGUAGES, interface_locale


def language_name(code: str) -> str:
    """A language in its own words ("Français"), as language menus show them."""
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:]


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowIcon(icon("settings"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        system = interface_locale("")
        system_code = system.name().split("_")[0]
        system_language = (
            language_name(system_code) if system_code in LANGUAGES else language_name("en")
        )
        self.language_combo.addItem(
            self.tr("System language (%1)").replace("%1", system_language), ""
        )
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        form.addRow(self.tr("&Language:"), self.language_combo)
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
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def language(self) -> str:
        value = self.language_combo.currentData()
        return value if isinstance(value, str) else ""
