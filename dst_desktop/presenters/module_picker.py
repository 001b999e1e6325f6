"""The module picker: the catalogue with each module's capacity, and what the ticks allow."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from dst_desktop.domain.model import Module
from dst_desktop.domain.rules import module_capacity
from dst_desktop.presenters.l10n import Localizer, fill


@dataclass(frozen=True, slots=True)
class ModuleRow:
    id: str
    name: str
    capacity_text: str
    checked: bool


class ModulePickerView(Protocol):
    def show_modules(self, rows: Sequence[ModuleRow]) -> None: ...

    def show_capacity(self, text: str, limiting_module_id: str | None) -> None:
        """The resulting capacity; the limiting module is highlighted in the list."""


class ModulePickerPresenter:
    def __init__(
        self,
        view: ModulePickerView,
        l10n: Localizer,
        on_change: Callable[[tuple[str, ...]], None],
    ) -> None:
        self._view = view
        self._l10n = l10n
        self._on_change = on_change
        self._modules: list[Module] = []
        self._checked: set[str] = set()

    @property
    def checked_ids(self) -> tuple[str, ...]:
        """The ticked modules, in catalogue order (capacity ties go to the first listed)."""
        return tuple(m.id for m in self._modules if m.id in self._checked)

    def load(self, modules: Sequence[Module]) -> None:
        """Show the catalogue, keeping the ticks of modules that still exist."""
        self._modules = list(modules)
        self._checked &= {m.id for m in self._modules}
        self._view.show_modules(
            [
                ModuleRow(m.id, m.name, str(m.capacity_max), m.id in self._checked)
                for m in self._modules
            ]
        )
        self._show_capacity()
        self._on_change(self.checked_ids)

    def tick(self, module_ids: Sequence[str]) -> None:
        """Tick exactly ``module_ids`` (those that still exist), in the list too."""
        self._checked = set(module_ids)
        self.load(self._modules)

    def set_checked(self, module_id: str, checked: bool) -> None:
        if checked == (module_id in self._checked):
            return
        if checked:
            self._checked.add(module_id)
        else:
            self._checked.discard(module_id)
        self._show_capacity()
        self._on_change(self.checked_ids)

    def _show_capacity(self) -> None:
        chosen = [m for m in self._modules if m.id in self._checked]
        if not chosen:
            self._view.show_capacity(
                self._l10n.translate("ModulePicker", "Tick the modules of the session."), None
            )
            return
        verdict = module_capacity(chosen, 1)
        self._view.show_capacity(
            fill(
                self._l10n.translate("ModulePicker", "At most %1 participants, limited by %2."),
                verdict.capacity_max,
                verdict.limiting_module.name,
            ),
            verdict.limiting_module.id,
        )
