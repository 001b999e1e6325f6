"""Presenter tests: real workflows on SQLite, fake views, no QApplication."""

from __future__ import annotations

import pytest

from dst_desktop.domain.model import Session
from dst_desktop.presenters.catalogue import Catalogue
from dst_desktop.presenters.l10n import PlainLocalizer
from dst_desktop.services.results import BookingConfirmed, BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import booking_request
from tests.unit.presenters.fakes import FakeDialogs


@pytest.fixture
def l10n() -> PlainLocalizer:
    return PlainLocalizer()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def catalogue(workflows: Workflows) -> Catalogue:
    return Catalogue(workflows.queries)


def create(workflows: Workflows, **overrides: object) -> Session:
    """A pending booking made through the booking workflow."""
    result = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(result, BookingCreated), result
    return result.session


def create_confirmed(workflows: Workflows, **overrides: object) -> Session:
    session = create(workflows, **overrides)
    result = workflows.booking.confirm_session_booking(session.id)
    assert isinstance(result, BookingConfirmed), result
    return result.session
