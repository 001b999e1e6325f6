"""The Python API never raises for any input, of any type or size, and every answer is
JSON (issue 16, item 5); an unusable actor name is said plainly (item 8)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dst_desktop.api import ApiWorkflows, open_workflows
from dst_desktop.cli import main
from dst_desktop.services.validation import MAX_IDS_IN_LIST, InvalidInputError
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump


class Unprintable:
    """An object whose every text form and comparison fails."""

    def __str__(self) -> str:
        raise RuntimeError("no text")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no comparison")

    __hash__ = object.__hash__


def nested(depth: int) -> list[object]:
    top: list[object] = []
    inner = top
    for _ in range(depth):
        child: list[object] = []
        inner.append(child)
        inner = child
    return top


HUGE = 10**5000
HOSTILE: list[object] = [
    None,
    True,
    0,
    -1,
    HUGE,
    -HUGE,
    1.5,
    math.nan,
    math.inf,
    "",
    "x" * 100_000,
    "\ud800",
    "\u202egnp.exe",
    b"bytes",
    bytearray(b"x"),
    {1, 2},
    frozenset(),
    (1,),
    [],
    [None],
    {},
    {"a": {1}},
    {1: 2},
    {HUGE: 1},
    Unprintable(),
    object(),
    dt.date(2025, 3, 10),
    ["module_tir"] * 100_000,
    [f"module_{n}" for n in range(100_000)],
    [HUGE],
    {"clientId": b"x"},
    "9999-12-31",
    "2025-02-30",
    nested(100_000),
]


def calls(api: ApiWorkflows) -> dict[str, Callable[[Any], object]]:
    booking, mission, reference = api.booking, api.mission, api.reference
    return {
        "createSessionBooking": booking.create_session_booking,
        "createSessionBooking(participants)": lambda v: booking.create_session_booking(
            {**booking_request(), "requestedParticipants": v}
        ),
        "createSessionBooking(moduleIds)": lambda v: booking.create_session_booking(
            {**booking_request(), "moduleIds": v}
        ),
        "createSessionBooking(date)": lambda v: booking.create_session_booking(
            {**booking_request(), "date": v}
        ),
        "confirmSessionBooking": booking.confirm_session_booking,
        "cancelPendingBooking": booking.cancel_pending_booking,
        "getBookingStatus": booking.get_booking_status,
        "checkAvailability": lambda v: booking.check_availability(v, v, v, v),
        "checkAvailability(moduleIds)": lambda v: booking.check_availability(
            "occitanie", "2025-03-10", v, 3
        ),
        "getSuggestedDates": lambda v: booking.get_suggested_dates("occitanie", v),
        "getSuggestedDates(region)": booking.get_suggested_dates,
        "scheduleMission": mission.schedule_mission,
        "completeMission": lambda v: mission.complete_mission(v, v),
        "cancelMission": lambda v: mission.cancel_mission(v, v),
        "importReference": reference.import_reference,
        "importReference(clients)": lambda v: reference.import_reference({"clients": v}),
        "importReference(capacity)": lambda v: reference.import_reference(
            {"modules": [{"id": "module_new", "name": "New", "capacityMax": v}]}
        ),
    }


@pytest.fixture
def api(workflows: Workflows) -> ApiWorkflows:
    return ApiWorkflows(workflows)


def plain_json(result: object) -> str:
    """The result as strict JSON (no NaN), encodable as UTF-8."""
    text = json.dumps(result, allow_nan=False)
    text.encode("utf-8")
    return text


def test_hostile_values_of_every_kind_are_answered_with_json(
    api: ApiWorkflows, database_url: str
) -> None:
    before = database_dump(database_url)
    for name, call in calls(api).items():
        for value in HOSTILE:
            result = call(value)
            try:
                plain_json(result)
            except (TypeError, ValueError) as error:
                pytest.fail(f"{name}({type(value).__name__}) answered {error}")
    after = database_dump(database_url)
    del before["audit_entry"], after["audit_entry"]  # an empty import is recorded
    assert after == before


def test_a_long_module_list_is_refused_at_once(api: ApiWorkflows) -> None:
    many = [f"module_{n}" for n in range(100_000)]

    result = api.booking.check_availability("occitanie", "2025-03-10", many, 3)

    assert result["error"] == "VALIDATION_ERROR"
    assert f"at most {MAX_IDS_IN_LIST} are allowed" in str(result["message"])


def test_a_failure_repeats_what_was_given_only_as_plain_text(api: ApiWorkflows) -> None:
    result = api.booking.get_booking_status(b"sess\xff")

    assert result == {
        "success": False,
        "error": "VALIDATION_ERROR",
        "message": "sessionId must be a string, got <bytes>",
        "field": "sessionId",
        "sessionId": "<bytes>",
    }


def test_a_number_of_five_thousand_digits_is_a_validation_error(api: ApiWorkflows) -> None:
    result = api.booking.create_session_booking(
        {**booking_request(), "requestedParticipants": HUGE}
    )

    assert result["error"] == "VALIDATION_ERROR"
    assert result["message"] == "requestedParticipants must be at most 100000, got <int>"


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.binary(max_size=20)
    | st.dates().map(lambda day: day.isoformat()),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=12) | st.integers(), children, max_size=5)
        | st.frozensets(st.integers(), max_size=3)
        | st.tuples(children)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=json_values, field=st.sampled_from([*sorted(booking_request()), "other"]))
def test_any_booking_request_gets_a_json_answer(
    api: ApiWorkflows, value: object, field: str
) -> None:
    result = api.booking.create_session_booking({**booking_request(), field: value})
    plain_json(result)
    check = api.booking.check_availability(value, value, value, value)
    plain_json(check)
    assert check["success"] is False or check["regionId"] == value


# -- the actor's name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "message"),
    [
        ("\udcff\udcfe", "is not valid text (bytes that are not UTF-8)"),
        ("", "an actor name cannot be empty"),
        ("a\x01b", "an actor name cannot contain control characters"),
        ("x" * 201, "an actor name has at most 100 characters"),
    ],
)
def test_an_unusable_actor_name_is_a_usage_error(
    database_url: str, actor: str, message: str
) -> None:
    out, err = io.StringIO(), io.StringIO()

    code = main(
        ["--database", database_url, "--today", TODAY.isoformat(), "--actor", actor, "init"],
        out,
        err,
    )

    assert code == 2
    if database_url.startswith("postgresql") and "UTF-8" not in message:
        # On a team's server the database records the login: any --actor is refused.
        message = "--actor cannot be used on a PostgreSQL database"
    else:
        assert err.getvalue().startswith("dst-desktop: usage error: --actor: ")
    assert message in err.getvalue()
    assert "internal error" not in err.getvalue()


def test_the_api_refuses_an_unusable_actor_name(database_url: str) -> None:
    with pytest.raises(InvalidInputError, match="not valid text"):
        open_workflows(database_url, TODAY, actor="\udcff\udcfe")
