"""Placeholders, and how refusals of the workflows read to a back-office person."""

from __future__ import annotations

import datetime as dt

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.presenters.l10n import PlainLocalizer, count_text, fill
from dst_desktop.presenters.messages import FailureContext, failure_text
from dst_desktop.services.results import Failure

L10N = PlainLocalizer()


def test_fill_replaces_numbered_placeholders_once() -> None:
    assert fill("%1 of %2", 3, 5) == "3 of 5"
    assert fill("%2 then %1", "a", "b") == "b then a"
    assert fill("%1 and %2", "literal %2", "x") == "literal %2 and x"
    assert fill("%3 stays", 1) == "%3 stays"


def test_count_text_takes_the_singular_or_the_plural() -> None:
    assert count_text(L10N, 1, "%1 booking", "%1 bookings") == "1 booking"
    assert count_text(L10N, 0, "%1 booking", "%1 bookings") == "0 bookings"
    assert count_text(L10N, 4, "%1 booking", "%1 bookings") == "4 bookings"


def test_no_setup_failure_names_region_day_and_alternatives() -> None:
    failure = Failure(
        ErrorCode.NO_SETUP_AVAILABLE,
        "No setups available on 2025-03-10 in occitanie",
        {"sessionId": "s1", "availableAlternatives": ["2025-03-11", "2025-03-12"]},
    )
    text = failure_text(failure, L10N, FailureContext("Occitanie", dt.date(2025, 3, 10)))
    assert "Occitanie" in text
    assert "2025-03-10" in text
    assert "Free dates nearby: 2025-03-11, 2025-03-12." in text


def test_no_availability_without_alternatives_says_so() -> None:
    failure = Failure(ErrorCode.NO_AVAILABILITY, "No setups", {"availableAlternatives": []})
    assert "no free date in the next twelve months" in failure_text(failure, L10N)


def test_capacity_failure_gives_both_figures() -> None:
    failure = Failure(
        ErrorCode.CAPACITY_EXCEEDED,
        "15 participants exceeds capacity of 12. Limited by Tir",
        {"capacityMax": 12, "requestedParticipants": 15},
    )
    assert failure_text(failure, L10N) == (
        "15 participants is more than the chosen modules allow (12 at most)."
    )


def test_invalid_status_with_known_status_names_it() -> None:
    failure = Failure(ErrorCode.INVALID_STATUS, "Session status is confirmed, expected ...")
    text = failure_text(failure, L10N, FailureContext(current_status=SessionStatus.CONFIRMED))
    assert "its status is now “Confirmed”" in text


def test_invalid_status_of_a_deleted_booking_says_it_is_gone() -> None:
    failure = Failure(ErrorCode.INVALID_STATUS, "Session s1 not found")
    assert "no longer exists" in failure_text(failure, L10N)


def test_validation_failure_names_the_field_in_words() -> None:
    failure = Failure(
        ErrorCode.VALIDATION_ERROR,
        "requestedParticipants must be at least 1, got 0",
        {"field": "requestedParticipants"},
    )
    text = failure_text(failure, L10N)
    assert text.startswith("Please check the number of participants.")
    assert "must be at least 1" in text


def test_event_mode_explains_where_confirmation_happens() -> None:
    failure = Failure(ErrorCode.EVENT_MODE, "This is an event database")
    assert "confirmed at the office" in failure_text(failure, L10N)
