"""Adding and editing reference data through the same checks as a reference file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.reference_editor import (
    ReferenceEditorPresenter,
    ReferenceEntry,
    ReferenceKind,
    derive_id,
)
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.fakes import FakeReferenceView


class Editor:
    def __init__(self, workflows: Workflows, catalogue: Catalogue, l10n: PlainLocalizer) -> None:
        self.view = FakeReferenceView()
        self.changes: list[None] = []
        self.presenter = ReferenceEditorPresenter(
            self.view,
            workflows.reference,
            catalogue,
            l10n,
            today=lambda: TODAY,
            on_changed=lambda: self.changes.append(None),
        )
        self.presenter.load()


@pytest.fixture
def editor(workflows: Workflows, catalogue: Catalogue, l10n: PlainLocalizer) -> Editor:
    return Editor(workflows, catalogue, l10n)


def test_lists_every_kind(editor: Editor) -> None:
    assert editor.view.names(ReferenceKind.REGIONS) == ["Bretagne", "Occitanie"]
    headers, rows = editor.view.items[ReferenceKind.OPERATORS]
    assert headers == ["Name", "Region", "Active", "Coming leave", "Identifier"]
    leave = {row.id: row.cells[3] for row in rows}
    assert leave["op_bretagne_2"] == "1 day (next 2025-03-12)"
    assert leave["op_bretagne_1"] == "—"
    assert editor.view.names(ReferenceKind.MODULES)[0] == "Premiers secours"


def test_new_operator_with_leave_days_is_saved_with_an_id_from_the_name(
    workflows: Workflows, editor: Editor
) -> None:
    editor.presenter.new(ReferenceKind.OPERATORS)
    entry, is_new = editor.view.entries[ReferenceKind.OPERATORS]
    assert is_new and entry.region_id == "bretagne"
    entry = replace(
        entry,
        name="Jeanne Dupont-Lefèvre",
        region_id="occitanie",
        unavailable_dates=(dt.date(2025, 3, 10), dt.date(2025, 3, 11)),
    )
    editor.presenter.save(ReferenceKind.OPERATORS, entry, is_new=True)
    assert editor.view.messages[ReferenceKind.OPERATORS] == (
        "Jeanne Dupont-Lefèvre saved.",
        Tone.GOOD,
    )
    saved = next(
        o for o in workflows.queries.reference().operators if o.name == "Jeanne Dupont-Lefèvre"
    )
    assert saved.id == "op_jeanne_dupont_lefevre"
    assert saved.unavailable_dates == {dt.date(2025, 3, 10), dt.date(2025, 3, 11)}
    assert editor.view.entries[ReferenceKind.OPERATORS][1] is False  # now editing it
    assert editor.changes == [None]


def test_editing_a_setup_replaces_its_maintenance_days(
    workflows: Workflows, editor: Editor
) -> None:
    editor.presenter.select(ReferenceKind.SETUPS, "setup_bretagne_2")
    entry, is_new = editor.view.entries[ReferenceKind.SETUPS]
    assert not is_new and entry.unavailable_dates == (dt.date(2025, 3, 11),)
    changed = replace(entry, unavailable_dates=(dt.date(2025, 4, 1),), active=False)
    editor.presenter.save(ReferenceKind.SETUPS, changed, is_new=False)
    setup = next(s for s in workflows.queries.reference().setups if s.id == "setup_bretagne_2")
    assert setup.unavailable_dates == {dt.date(2025, 4, 1)}
    assert not setup.active


def test_a_new_entry_needs_a_name(editor: Editor) -> None:
    editor.presenter.save(ReferenceKind.CLIENTS, ReferenceEntry(), is_new=True)
    assert editor.view.messages[ReferenceKind.CLIENTS] == ("Give the new entry a name.", Tone.BAD)
    assert editor.changes == []


def test_a_taken_identifier_is_not_overwritten(workflows: Workflows, editor: Editor) -> None:
    entry = ReferenceEntry(id="client_123", name="Not ACME")
    editor.presenter.save(ReferenceKind.CLIENTS, entry, is_new=True)
    text, tone = editor.view.messages[ReferenceKind.CLIENTS]
    assert tone is Tone.BAD and "client_123 is already used" in text
    assert workflows.queries.reference().clients[0].name == "ACME"


def test_invalid_values_are_refused_with_the_file_rules(editor: Editor) -> None:
    editor.presenter.select(ReferenceKind.REGIONS, "bretagne")
    entry, _ = editor.view.entries[ReferenceKind.REGIONS]
    editor.presenter.save(ReferenceKind.REGIONS, replace(entry, name="  "), is_new=False)
    assert editor.view.messages[ReferenceKind.REGIONS] == (
        "Not saved. Please check the name. (name is required)",
        Tone.BAD,
    )
    bad_id = ReferenceEntry(id="bad id!", name="Grand Ouest")
    editor.presenter.save(ReferenceKind.REGIONS, bad_id, is_new=True)
    text, _ = editor.view.messages[ReferenceKind.REGIONS]
    assert text.startswith("Not saved. Please check the identifier.")


def test_derived_ids_are_unique_and_valid() -> None:
    taken = {"client_acme", "client_acme_2"}
    assert derive_id(ReferenceKind.CLIENTS, "ACME", taken) == "client_acme_3"
    assert derive_id(ReferenceKind.REGIONS, "Île-de-France", set()) == "ile_de_france"
    assert derive_id(ReferenceKind.OFFERS, "!!!", set()) == "offer_entry"
    assert len(derive_id(ReferenceKind.MODULES, "x" * 300, set())) <= 64


def test_an_entry_nothing_refers_to_can_be_removed_after_asking(
    workflows: Workflows, catalogue: Catalogue, l10n: PlainLocalizer
) -> None:
    from tests.unit.presenters.fakes import FakeDialogs

    dialogs = FakeDialogs()
    changes: list[None] = []
    view = FakeReferenceView()
    presenter = ReferenceEditorPresenter(
        view,
        workflows.reference,
        catalogue,
        l10n,
        today=lambda: TODAY,
        on_changed=lambda: changes.append(None),
        dialogs=dialogs,
    )
    presenter.load()
    presenter.save(ReferenceKind.CLIENTS, ReferenceEntry(name="ACNE (typo)"), is_new=True)
    assert "client_acne_typo" in [row.id for row in view.items[ReferenceKind.CLIENTS][1]]
    presenter.select(ReferenceKind.CLIENTS, "client_acne_typo")
    assert view.remove_unavailable[ReferenceKind.CLIENTS] == ""

    dialogs.confirm_answer = False
    presenter.remove(ReferenceKind.CLIENTS, "client_acne_typo")
    assert "client_acne_typo" in [row.id for row in view.items[ReferenceKind.CLIENTS][1]]

    dialogs.confirm_answer = True
    presenter.remove(ReferenceKind.CLIENTS, "client_acne_typo")
    assert dialogs.questions[-1] == (
        "Remove an entry",
        "Remove ACNE (typo) for good? Nothing refers to it yet; it cannot be undone.",
    )
    assert "client_acne_typo" not in [row.id for row in view.items[ReferenceKind.CLIENTS][1]]
    assert view.messages[ReferenceKind.CLIENTS] == ("ACNE (typo) removed.", Tone.GOOD)
    assert view.entries[ReferenceKind.CLIENTS][1]  # the form is a new entry again
    assert changes


def test_an_entry_a_booking_refers_to_cannot_be_removed_and_says_why(
    workflows: Workflows, editor: Editor
) -> None:
    from tests.unit.presenters.conftest import create

    create(workflows)
    editor.presenter.select(ReferenceKind.SETUPS, "setup_bretagne_1")
    assert editor.view.remove_unavailable[ReferenceKind.SETUPS] == ""
    editor.presenter.select(ReferenceKind.CLIENTS, "client_123")
    assert editor.view.remove_unavailable[ReferenceKind.CLIENTS] == (
        "1 booking refers to it: it stays, for the history."
    )
    editor.presenter.select(ReferenceKind.REGIONS, "bretagne")
    assert editor.view.remove_unavailable[ReferenceKind.REGIONS] == (
        "4 bookings, setups or operators refer to it: it stays."
    )

    editor.presenter.remove(ReferenceKind.CLIENTS, "client_123")

    assert editor.view.messages[ReferenceKind.CLIENTS][1] is Tone.BAD
    assert "client_123" in [row.id for row in editor.view.items[ReferenceKind.CLIENTS][1]]
