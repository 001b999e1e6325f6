"""Parsing untrusted input into typed values, with messages that name the field."""

from __future__ import annotations

import datetime as dt

import pytest

from dst_desktop.services.validation import (
    InvalidInputError,
    parse_count,
    parse_date,
    parse_future_date,
    parse_id,
    parse_id_list,
    parse_text,
    show,
)


def test_parse_date_accepts_a_real_iso_date() -> None:
    assert parse_date("2024-02-29", "date") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-29", 'date "2025-02-29" is not a real date'),
        ("2025-3-1", 'date "2025-3-1" is not a date in the form YYYY-MM-DD'),
        ("２０２５-03-01", "is not a date in the form YYYY-MM-DD"),
        (None, "date is required"),
        ([], "date must be a date string YYYY-MM-DD, got []"),
    ],
)
def test_parse_date_refuses(value: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_date(value, "date")
    assert message in caught.value.message
    assert caught.value.field == "date"


def test_parse_future_date_names_today() -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_future_date("2025-01-01", "date", dt.date(2025, 2, 20))
    assert caught.value.message == "date 2025-01-01 is in the past (today is 2025-02-20)"


@pytest.mark.parametrize("value", ["a b", "../etc", "x" * 65, "é", "-lead", "a\nb"])
def test_parse_id_refuses_what_is_not_an_identifier(value: str) -> None:
    with pytest.raises(InvalidInputError, match="is not a valid id"):
        parse_id(value, "regionId")


def test_parse_count_refuses_booleans_and_floats() -> None:
    for value in (True, 3.0, "3"):
        with pytest.raises(InvalidInputError, match="must be a whole number"):
            parse_count(value, "n", 1, 10)


def test_parse_id_list_refuses_duplicates() -> None:
    with pytest.raises(InvalidInputError, match='names "a" twice'):
        parse_id_list(["a", "b", "a"], "moduleIds")


def test_parse_text_trims_and_bounds() -> None:
    assert parse_text("  hello  ", "notes", required=False) == "hello"
    assert parse_text(None, "notes", required=False) == ""
    with pytest.raises(InvalidInputError, match="longer than 5"):
        parse_text("abcdefg", "notes", required=False, limit=5)
    with pytest.raises(InvalidInputError, match="reason is required"):
        parse_text("   ", "reason", required=True)


def test_show_makes_bidirectional_controls_visible() -> None:
    # Echoed as typed, the override would turn the rest of the message around.
    assert show("c\u202e1") == '"c[RLO]1"'
    assert show({"name": "gnp.exe\u202c"}) == '{"name": "gnp.exe[PDF]"}'


def test_show_shortens_long_values() -> None:
    assert show("x" * 100).endswith("…")
    assert len(show("x" * 100)) == 60
    assert show(object()) == "<object>"
