"""The pure rules of the domain: capacity, availability, transitions."""

from __future__ import annotations

import datetime as dt

import pytest

from dst_desktop.domain.model import Module, Operator, Setup
from dst_desktop.domain.rules import (
    DayAvailability,
    availability_over,
    day_availability,
    first_free_resources,
    iter_dates,
    module_capacity,
)
from dst_desktop.domain.statuses import (
    MissionAction,
    SessionStatus,
    expected_statuses_text,
    mission_actions_allowed,
)

DAY = dt.date(2025, 3, 10)
TIR = Module("module_tir", "Tir de précision", 12)
SCENARIO = Module("module_scenario", "Scénario", 16)
SMALL = Module("module_small", "Petit groupe", 12)


def test_capacity_is_the_smallest_module_capacity() -> None:
    verdict = module_capacity([SCENARIO, TIR], 12)
    assert verdict.capacity_max == 12
    assert verdict.limiting_module == TIR
    assert verdict.is_valid


def test_capacity_tie_names_the_module_listed_first() -> None:
    assert module_capacity([SMALL, TIR], 20).limiting_module == SMALL


def test_capacity_message_uses_the_seeds_words() -> None:
    verdict = module_capacity([SCENARIO, TIR], 15)
    assert not verdict.is_valid
    assert verdict.message == "15 participants exceeds capacity of 12. Limited by Tir de précision"


def test_capacity_needs_a_module() -> None:
    with pytest.raises(ValueError, match=r"^at least one module is required$"):
        module_capacity([], 3)


def setups(count: int, **kwargs: object) -> list[Setup]:
    return [Setup(f"setup_{n}", f"Setup {n}", "r", **kwargs) for n in range(1, count + 1)]  # type: ignore[arg-type]


def operators(count: int) -> list[Operator]:
    return [Operator(f"op_{n}", f"Op {n}", "r") for n in range(1, count + 1)]


def availability(
    day: dt.date,
    today: dt.date,
    resources: list[Setup],
    people: list[Operator],
    held_setups: frozenset[str],
    held_operators: frozenset[str],
) -> DayAvailability:
    """The day through both implementations: the straightforward one and the range one."""
    slow = day_availability(day, today, resources, people, held_setups, held_operators)
    [fast] = availability_over(
        day, day, today, resources, people, {day: held_setups}, {day: held_operators}
    )
    assert fast == slow
    return fast


def test_available_setups_is_min_of_free_setups_and_operators() -> None:
    result = availability(
        DAY, DAY, setups(5), operators(4), frozenset({"setup_1", "setup_2"}), frozenset({"op_1"})
    )
    assert (result.total_setups, result.used_setups, result.free_setups) == (5, 2, 3)
    assert result.operators_available == 3
    assert result.available_setups == 3
    assert result.is_available


def test_operators_limit_the_day_when_fewer_than_setups() -> None:
    result = availability(DAY, DAY, setups(5), operators(1), frozenset(), frozenset())
    assert result.available_setups == 1


def test_leave_maintenance_and_inactive_resources_do_not_count() -> None:
    resources = [
        Setup("s1", "S1", "r", unavailable_dates=frozenset({DAY})),
        Setup("s2", "S2", "r", active=False),
        Setup("s3", "S3", "r"),
    ]
    people = [
        Operator("o1", "O1", "r", unavailable_dates=frozenset({DAY})),
        Operator("o2", "O2", "r"),
    ]
    result = availability(DAY, DAY, resources, people, frozenset(), frozenset())
    assert (result.total_setups, result.free_setups, result.operators_available) == (1, 1, 1)


def test_a_held_setup_in_maintenance_is_used_but_never_negative_free() -> None:
    resources = [Setup("s1", "S1", "r", unavailable_dates=frozenset({DAY})), Setup("s2", "S2", "r")]
    result = availability(DAY, DAY, resources, operators(2), frozenset({"s1"}), frozenset())
    assert (result.total_setups, result.used_setups, result.free_setups) == (1, 1, 1)


def test_past_days_are_never_available() -> None:
    result = availability(
        DAY, DAY + dt.timedelta(days=1), setups(3), operators(3), frozenset(), frozenset()
    )
    assert result.available_setups == 3
    assert not result.is_available


def test_first_free_resources_are_ordered_by_id() -> None:
    found = first_free_resources(
        DAY,
        list(reversed(setups(3))),
        operators(3),
        frozenset({"setup_1"}),
        frozenset({"op_1", "op_2"}),
    )
    assert found is not None
    assert (found[0].id, found[1].id) == ("setup_2", "op_3")


def test_no_free_resources_when_every_operator_is_taken() -> None:
    assert (
        first_free_resources(DAY, setups(3), operators(1), frozenset(), frozenset({"op_1"})) is None
    )


def test_iter_dates_includes_both_ends() -> None:
    assert list(iter_dates(DAY, DAY + dt.timedelta(days=2))) == [
        DAY,
        DAY + dt.timedelta(days=1),
        DAY + dt.timedelta(days=2),
    ]


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (SessionStatus.PENDING_CONFIRMATION, ()),
        (
            SessionStatus.CONFIRMED,
            (
                MissionAction.SCHEDULE,
                MissionAction.START,
                MissionAction.COMPLETE,
                MissionAction.CANCEL,
            ),
        ),
        (
            SessionStatus.SCHEDULED,
            (MissionAction.START, MissionAction.COMPLETE, MissionAction.CANCEL),
        ),
        (SessionStatus.IN_PROGRESS, (MissionAction.COMPLETE,)),
        (SessionStatus.COMPLETED, ()),
        (SessionStatus.CANCELLED, ()),
    ],
)
def test_mission_actions_allowed_by_status(
    status: SessionStatus, actions: tuple[MissionAction, ...]
) -> None:
    assert mission_actions_allowed(status) == actions


def test_expected_statuses_text_reads_like_the_seed() -> None:
    assert expected_statuses_text((SessionStatus.CONFIRMED,)) == "'confirmed'"
    assert (
        expected_statuses_text((SessionStatus.CONFIRMED, SessionStatus.SCHEDULED))
        == "'confirmed' or 'scheduled'"
    )


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WEEK = [DAY + dt.timedelta(days=n) for n in range(7)]
day_sets = st.frozensets(st.sampled_from(WEEK), max_size=4)


@given(
    setup_specs=st.lists(st.tuples(st.booleans(), day_sets), max_size=5),
    operator_specs=st.lists(st.tuples(st.booleans(), day_sets), max_size=5),
    held=st.lists(
        st.tuples(st.sampled_from(WEEK), st.integers(0, 6), st.integers(0, 6)), max_size=12
    ),
    today_offset=st.integers(-2, 8),
)
def test_availability_over_a_range_equals_day_by_day(
    setup_specs: list[tuple[bool, frozenset[dt.date]]],
    operator_specs: list[tuple[bool, frozenset[dt.date]]],
    held: list[tuple[dt.date, int, int]],
    today_offset: int,
) -> None:
    resources = [
        Setup(f"s{n}", "S", "r", active, days) for n, (active, days) in enumerate(setup_specs)
    ]
    people = [
        Operator(f"o{n}", "O", "r", active, days) for n, (active, days) in enumerate(operator_specs)
    ]
    held_setups: dict[dt.date, set[str]] = {}
    held_operators: dict[dt.date, set[str]] = {}
    for day, setup_number, operator_number in held:
        held_setups.setdefault(day, set()).add(
            f"s{setup_number}"
        )  # may name another region's setup
        held_operators.setdefault(day, set()).add(f"o{operator_number}")
    today = DAY + dt.timedelta(days=today_offset)

    fast = availability_over(
        WEEK[0], WEEK[-1], today, resources, people, held_setups, held_operators
    )

    slow = [
        availability(
            day,
            today,
            resources,
            people,
            frozenset(held_setups.get(day, ())),
            frozenset(held_operators.get(day, ())),
        )
        for day in WEEK
    ]
    assert fast == slow
