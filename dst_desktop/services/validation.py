"""Turning untrusted input (JSON from the command line, a script, a form) into typed values.

Each parser raises :class:`InvalidInputError` with a message that names the field and shows the
offending value, which the workflows turn into a ``VALIDATION_ERROR`` response.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from dst_desktop.domain.names import visible_text

MAX_ID_LENGTH = 64
MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 2000
#: More participants than any session could hold; keeps numbers inside 64-bit storage.
MAX_PARTICIPANTS = 100_000

_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InvalidInputError(ValueError):
    """Input that cannot be used; ``field`` names where it was found."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def show(value: object, limit: int = 60) -> str:
    """A short, unambiguous rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    if not is_storable(text):  # a lone surrogate: show it escaped, never crash printing it
        text = json.dumps(value, ensure_ascii=True)
    # A bidirectional control echoed as is would reorder the rest of the message.
    text = visible_text(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def echoed(value: object) -> object:
    """``value`` as a failure may repeat it: itself when it is short plain JSON (a string,
    a small number, a boolean, None), else its :func:`show` text — never bytes, a set or a
    10,000-digit number that would make the answer unserialisable."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and -(10**18) < value < 10**18:
        return value
    if isinstance(value, str) and len(value) <= 200 and is_storable(value):
        return value
    return show(value)


def is_storable(text: str) -> bool:
    """Whether ``text`` is valid Unicode that UTF-8 can store.

    JSON's ``"\\ud800"`` and bytes that are not UTF-8 on the command line arrive in
    Python as lone surrogates, which the database cannot encode.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def require_present(value: object, field: str) -> object:
    if value is None:
        raise InvalidInputError(field, f"{field} is required")
    return value


def parse_id(value: object, field: str) -> str:
    """An identifier: a short string of letters, digits and ``_ . : -``."""
    require_present(value, field)
    if not isinstance(value, str):
        raise InvalidInputError(field, f"{field} must be a string, got {show(value)}")
    if not value:
        raise InvalidInputError(field, f"{field} is required")
    if len(value) > MAX_ID_LENGTH or not _ID_PATTERN.fullmatch(value):
        raise InvalidInputError(
            field,
            f"{field} {show(value)} is not a valid id (letters, digits, '_', '.', ':' or '-', "
            f"at most {MAX_ID_LENGTH} characters)",
        )
    return value


def parse_date(value: object, field: str) -> dt.date:
    """A calendar date written ``YYYY-MM-DD`` that exists (no 30 February)."""
    require_present(value, field)
    if not isinstance(value, str):
        raise InvalidInputError(
            field, f"{field} must be a date string YYYY-MM-DD, got {show(value)}"
        )
    if not _DATE_PATTERN.fullmatch(value):
        raise InvalidInputError(
            field, f"{field} {show(value)} is not a date in the form YYYY-MM-DD"
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field, f"{field} {show(value)} is not a real date") from None


#: How far ahead a session may be booked: further is taken for a typing mistake.
MAX_BOOKING_YEARS_AHEAD = 3


def latest_booking_date(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year + MAX_BOOKING_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MAX_BOOKING_YEARS_AHEAD, day=28)


def parse_future_date(value: object, field: str, today: dt.date) -> dt.date:
    """A date from today to three years ahead (a later one is most likely a typo)."""
    day = parse_date(value, field)
    if day < today:
        raise InvalidInputError(
            field, f"{field} {day.isoformat()} is in the past (today is {today.isoformat()})"
        )
    latest = latest_booking_date(today)
    if day > latest:
        raise InvalidInputError(
            field,
            f"{field} {day.isoformat()} is more than {MAX_BOOKING_YEARS_AHEAD} years ahead "
            f"(the latest bookable date is {latest.isoformat()})",
        )
    return day


def parse_count(value: object, field: str, minimum: int, maximum: int) -> int:
    """A whole number in ``[minimum, maximum]``; booleans and ``12.0`` are refused."""
    require_present(value, field)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(field, f"{field} must be a whole number, got {show(value)}")
    if value < minimum:
        raise InvalidInputError(field, f"{field} must be at least {minimum}, got {show(value)}")
    if value > maximum:
        raise InvalidInputError(field, f"{field} must be at most {maximum}, got {show(value)}")
    return value


#: More modules than one session could ever combine.
MAX_IDS_IN_LIST = 100


def parse_id_list(value: object, field: str) -> tuple[str, ...]:
    """A non-empty list of distinct ids (at most :data:`MAX_IDS_IN_LIST`)."""
    require_present(value, field)
    if not isinstance(value, list | tuple):
        raise InvalidInputError(field, f"{field} must be a list of ids, got {show(value)}")
    if not value:
        raise InvalidInputError(field, f"{field} must name at least one id, got []")
    if len(value) > MAX_IDS_IN_LIST:
        raise InvalidInputError(
            field, f"{field} names {len(value)} ids; at most {MAX_IDS_IN_LIST} are allowed"
        )
    ids: dict[str, None] = {}
    for index, item in enumerate(value):
        item_id = parse_id(item, f"{field}[{index}]")
        if item_id in ids:
            raise InvalidInputError(field, f"{field} names {show(item_id)} twice")
        ids[item_id] = None
    return tuple(ids)


#: The longest timestamp text read (``2025-02-19T10:00:00.000000+02:00`` and some).
_MAX_TIMESTAMP_LENGTH = 40


def parse_timestamp(value: object, field: str) -> dt.datetime:
    """A moment written in ISO-8601, ``Z`` or an offset allowed: naive UTC, to the second.

    A moment whose UTC time falls outside the years 1 to 9999 (``9999-12-31T23:59:59-14:00``)
    is refused like any other bad value.
    """
    require_present(value, field)
    if not isinstance(value, str):
        raise InvalidInputError(field, f"{field} must be a timestamp, got {show(value)}")
    try:
        if len(value) > _MAX_TIMESTAMP_LENGTH:
            raise ValueError(value)
        moment = dt.datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        raise InvalidInputError(field, f"{field} {show(value)} is not a timestamp") from None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise InvalidInputError(
                field, f"{field} {show(value)} is outside the years 1 to 9999 in UTC"
            ) from None
    return moment.replace(microsecond=0)


def parse_text(value: object, field: str, *, required: bool, limit: int = MAX_TEXT_LENGTH) -> str:
    """Free text typed by a person: trimmed, no control characters, bounded length."""
    if value is None and not required:
        return ""
    require_present(value, field)
    if not isinstance(value, str):
        raise InvalidInputError(field, f"{field} must be a string, got {show(value)}")
    text = value.strip()
    if required and not text:
        raise InvalidInputError(field, f"{field} is required")
    if len(text) > limit:
        raise InvalidInputError(field, f"{field} is longer than {limit} characters")
    if _CONTROL_CHARACTERS.search(text):
        raise InvalidInputError(field, f"{field} contains control characters")
    if not is_storable(text):
        raise InvalidInputError(
            field, f"{field} contains characters that are not valid text (check its encoding)"
        )
    return text


def reject_unknown_fields(data: dict[str, object], allowed: tuple[str, ...], what: str) -> None:
    for key in data:
        if not isinstance(key, str) or key not in allowed:
            raise InvalidInputError(
                key if isinstance(key, str) else show(key),
                f"{what} has an unknown field {show(key)} (allowed: {', '.join(allowed)})",
            )


def parse_actor(value: object) -> str:
    """The name the audit log records for whoever acts (``--actor``)."""
    try:
        return parse_text(value, "actor", required=True, limit=MAX_NAME_LENGTH)
    except InvalidInputError as error:
        if not isinstance(value, str) or is_storable(value):
            raise
        raise InvalidInputError(
            "actor",
            f"the actor name {show(value)} is not valid text (bytes that are not UTF-8); "
            "give the name as plain text",
        ) from error
