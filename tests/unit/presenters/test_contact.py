"""A new client's e-mail address and phone number are checked before anything is saved."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.contact import contact_problem, is_email, is_phone
from dst_desktop.presenters.dialogs import NewClient
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.presenters.messages import Tone
from dst_desktop.presenters.reference_editor import (
    ReferenceEditorPresenter,
    ReferenceEntry,
    ReferenceKind,
)
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY
from tests.unit.presenters.fakes import FakeDialogs, FakeReferenceView
from tests.unit.presenters.test_main_presenter import Window


@pytest.mark.parametrize(
    "email", ["", "contact@acme.example", "j.dupont+dst@mairie-lyon.fr", " a@b.co "]
)
def test_usable_e_mail_addresses(email: str) -> None:
    assert is_email(email)


@pytest.mark.parametrize(
    "email", ["not-an-email", "a@b", "@acme.fr", "jean dupont@acme.fr", "a@@b.fr", "a@b.fr."]
)
def test_e_mail_addresses_that_are_not(email: str) -> None:
    assert not is_email(email)


@pytest.mark.parametrize(
    "phone", ["", "04 67 00 00 00", "+33 (0)4 67 00 00 00", "04.67.00.00.00", "1234"]
)
def test_usable_phone_numbers(phone: str) -> None:
    assert is_phone(phone)


@pytest.mark.parametrize("phone", ["abc", "04 67 ab 00", "12", "+", "tel: 0467000000"])
def test_phone_numbers_that_are_not(phone: str) -> None:
    assert not is_phone(phone)


def test_the_problem_names_what_was_typed() -> None:
    assert contact_problem("not-an-email", "abc", PlainLocalizer()) == (
        "The e-mail address not-an-email is not one: write it as name@example.fr. "
        "The phone number abc is not one: digits, spaces and + ( ) . - only."
    )
    assert contact_problem("a@b.fr", "04 67 00 00 00", PlainLocalizer()) == ""


def test_a_new_client_with_a_wrong_e_mail_is_not_added(workflows: Workflows) -> None:
    dialogs = FakeDialogs(new_client=NewClient("Forum Sûreté", "not-an-email", "abc"))
    window = Window(workflows, dialogs)
    window.presenter.start()
    before = workflows.queries.reference().clients

    window.presenter.new_client()

    assert workflows.queries.reference().clients == before
    assert dialogs.warnings[-1][1].startswith(
        "The client was not added. The e-mail address not-an-email is not one"
    )


def test_the_reference_editor_refuses_a_wrong_phone_number(
    workflows: Workflows, catalogue: Catalogue, l10n: PlainLocalizer
) -> None:
    view = FakeReferenceView()
    editor = ReferenceEditorPresenter(
        view, workflows.reference, catalogue, l10n, today=lambda: TODAY, on_changed=list
    )
    editor.load()
    editor.select(ReferenceKind.CLIENTS, "client_123")
    entry, _ = view.entries[ReferenceKind.CLIENTS]

    editor.save(ReferenceKind.CLIENTS, replace(entry, phone="abc"), is_new=False)

    assert view.messages[ReferenceKind.CLIENTS] == (
        "Not saved. The phone number abc is not one: digits, spaces and + ( ) . - only.",
        Tone.BAD,
    )
    client = next(c for c in workflows.queries.reference().clients if c.id == "client_123")
    assert client.phone == ""
    editor.save(ReferenceKind.CLIENTS, ReferenceEntry(name="X", email="x@x.fr"), is_new=True)
    assert view.messages[ReferenceKind.CLIENTS] == ("X saved.", Tone.GOOD)
