"""Property-based: random traffic with corrections, reschedules, reference changes and
reallocations never allocates a setup or an operator twice on a day, never leaves a
reallocated or rescheduled session on a resource that cannot serve it, lists exactly the
sessions that are, and every refused call changes nothing."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import DatabaseFactory, DatabaseReader

TODAY = dt.date(2025, 2, 20)
DATES = [(TODAY + dt.timedelta(days=offset)).isoformat() for offset in (-1, 0, 1, 2, 3)]
COMING = DATES[1:]
REGIONS = ["nord", "sud"]
SETUPS = ["nord_s1", "nord_s2", "nord_s3", "sud_s1", "sud_s2"]
OPERATORS = ["nord_o1", "nord_o2", "nord_o3", "sud_o1", "sud_o2"]
REFERENCE = {
    "regions": [{"id": r, "name": r.title()} for r in REGIONS],
    "setups": [{"id": s, "name": s.upper(), "regionId": s.split("_")[0]} for s in SETUPS],
    "operators": [{"id": o, "name": o.upper(), "regionId": o.split("_")[0]} for o in OPERATORS],
    "modules": [
        {"id": "m_small", "name": "Small", "capacityMax": 6},
        {"id": "m_big", "name": "Big", "capacityMax": 20},
    ],
    "clients": [{"id": "c1", "name": "Client"}, {"id": "c2", "name": "Other"}],
}
HOLDING = "('confirmed', 'scheduled', 'in_progress', 'completed')"
#: A held resource that cannot serve its session, read straight from the tables.
UNUSABLE = f"""
SELECT s.id FROM session s
 WHERE s.status IN {HOLDING} AND s.date >= '{TODAY.isoformat()}' AND (
   EXISTS (SELECT 1 FROM setup r WHERE r.id = s.setup_id
           AND (NOT r.active OR r.region_id <> s.region_id))
   OR EXISTS (SELECT 1 FROM setup_unavailable_date d
              WHERE d.setup_id = s.setup_id AND d.date = s.date)
   OR EXISTS (SELECT 1 FROM operator r WHERE r.id = s.operator_id
              AND (NOT r.active OR r.region_id <> s.region_id))
   OR EXISTS (SELECT 1 FROM operator_unavailable_date d
              WHERE d.operator_id = s.operator_id AND d.date = s.date))
"""


class ChangesMachine(RuleBasedStateMachine):
    new_database: Callable[[], str]

    def __init__(self) -> None:
        super().__init__()
        url = type(self).new_database()
        self.store = PeeweeStore.open(url)
        self.reader = DatabaseReader(url)
        self.workflows = Workflows.create(self.store, BusinessDateClock(TODAY), "machine")
        assert self.workflows.reference.import_reference(REFERENCE).success
        self.session_ids: list[str] = []

    def teardown(self) -> None:
        self.store.close()
        self.reader.close()

    def _call(self, function: object, *args: object) -> dict[str, object]:
        before = self.reader.dump()
        answer = function(*args).to_dict()  # type: ignore[operator]
        assert isinstance(answer, dict)
        if answer.get("success") is False:
            assert isinstance(answer.get("error"), str) and answer.get("message")
            assert self.reader.dump() == before, f"a refused call changed the data: {answer}"
        elif isinstance(answer.get("sessionId"), str) and answer["sessionId"] not in (
            self.session_ids
        ):
            self.session_ids.append(str(answer["sessionId"]))
        return answer

    def _unusable(self) -> set[str]:
        return {str(row[0]) for row in self.reader.rows(UNUSABLE)}

    def _pick(self, index: int) -> str:
        return self.session_ids[index % len(self.session_ids)]

    @rule(
        region=st.sampled_from(REGIONS),
        date=st.sampled_from(COMING),
        module=st.sampled_from(["m_small", "m_big"]),
        participants=st.integers(min_value=1, max_value=8),
        confirm=st.booleans(),
    )
    def book(self, region: str, date: str, module: str, participants: int, confirm: bool) -> None:
        answer = self._call(
            self.workflows.booking.create_session_booking,
            {
                "clientId": "c1",
                "regionId": region,
                "date": date,
                "moduleIds": [module],
                "requestedParticipants": participants,
            },
        )
        if confirm and answer.get("success"):
            self._call(self.workflows.booking.confirm_session_booking, answer["sessionId"])

    @precondition(lambda self: bool(self.session_ids))
    @rule(
        index=st.integers(min_value=0),
        changes=st.fixed_dictionaries(
            {},
            optional={
                "date": st.sampled_from(DATES),
                "requestedParticipants": st.integers(min_value=0, max_value=9),
                "moduleIds": st.sampled_from([["m_small"], ["m_big"], ["m_x"]]),
                "clientId": st.sampled_from(["c1", "c2", "c9"]),
                "notes": st.text(max_size=5),
                "regionId": st.just("sud"),
            },
        ),
    )
    def correct(self, index: int, changes: dict[str, object]) -> None:
        self._call(
            self.workflows.booking_changes.update_pending_booking, self._pick(index), changes
        )

    @precondition(lambda self: bool(self.session_ids))
    @rule(index=st.integers(min_value=0), date=st.sampled_from(DATES), held=st.booleans())
    def reschedule(self, index: int, date: str, held: bool) -> None:
        confirmed = [
            str(row[0])
            for row in self.reader.rows(
                "SELECT id FROM session WHERE status IN ('confirmed', 'scheduled') ORDER BY id"
            )
        ]
        session_id = confirmed[index % len(confirmed)] if held and confirmed else self._pick(index)
        answer = self._call(self.workflows.booking_changes.reschedule_session, session_id, date)
        event(f"reschedule: {answer.get('error', 'done')}")
        if answer.get("success"):
            assert answer["sessionId"] not in self._unusable()
            old = self.reader.rows(
                f"SELECT status, cancellation_reason FROM session"
                f" WHERE id = '{answer['previousSessionId']}'"
            )
            assert old == [("cancelled", f"rescheduled to {date}")]

    @precondition(lambda self: bool(self.session_ids))
    @rule(index=st.integers(min_value=0), among_conflicts=st.booleans())
    def reallocate(self, index: int, among_conflicts: bool) -> None:
        stranded = sorted(self._unusable())
        if among_conflicts and stranded:
            session_id = stranded[index % len(stranded)]
        else:
            session_id = self._pick(index)
        answer = self._call(self.workflows.booking_changes.reallocate_session, session_id)
        moved = answer.get("allocatedSetupId") != answer.get("previousSetupId") or answer.get(
            "allocatedOperatorId"
        ) != answer.get("previousOperatorId")
        event(f"reallocate: {answer.get('error', 'moved' if moved else 'unchanged')}")
        if answer.get("success"):
            assert answer["sessionId"] not in self._unusable()

    @precondition(lambda self: bool(self.session_ids))
    @rule(
        index=st.integers(min_value=0),
        action=st.sampled_from(["schedule", "start", "cancel_mission", "cancel"]),
    )
    def mission(self, index: int, action: str) -> None:
        session_id = self._pick(index)
        mission, booking = self.workflows.mission, self.workflows.booking
        calls = {
            "schedule": (mission.schedule_mission, session_id),
            "start": (mission.start_mission, session_id),
            "cancel_mission": (mission.cancel_mission, session_id, "test"),
            "cancel": (booking.cancel_pending_booking, session_id),
        }
        function, *args = calls[action]
        self._call(function, *args)

    @rule(
        kind=st.sampled_from(["setups", "operators"]),
        index=st.integers(min_value=0, max_value=4),
        change=st.one_of(
            st.builds(lambda d: {"unavailableDates": d}, st.lists(st.sampled_from(COMING))),
            st.builds(lambda a: {"active": a}, st.booleans()),
            st.builds(lambda r: {"regionId": r}, st.sampled_from(REGIONS)),
        ),
    )
    def change_reference(self, kind: str, index: int, change: dict[str, object]) -> None:
        resource = (SETUPS if kind == "setups" else OPERATORS)[index]
        answer = self._call(
            self.workflows.reference.import_reference, {kind: [{"id": resource, **change}]}
        )
        assert answer["success"] is True
        conflicts = answer["conflicts"]
        assert isinstance(conflicts, list)
        assert {item["sessionId"] for item in conflicts} <= self._unusable()

    @rule(
        index=st.integers(min_value=0),
        kind=st.sampled_from(["setups", "operators"]),
        how=st.sampled_from(["day off", "inactive", "moved"]),
    )
    def strand_a_session(self, index: int, kind: str, how: str) -> None:
        """Make a held resource unable to serve its session, as a leave day does."""
        column = "setup_id" if kind == "setups" else "operator_id"
        held = self.reader.rows(
            f"SELECT id, {column}, date, region_id FROM session WHERE status IN {HOLDING}"
            f" AND date >= '{TODAY.isoformat()}' ORDER BY id"
        )
        if not held:
            return
        session_id, resource, day, region = held[index % len(held)]
        already = self._unusable()
        change: dict[str, object] = {
            "day off": {"unavailableDates": [str(day)]},
            "inactive": {"active": False},
            "moved": {"regionId": "sud" if region == "nord" else "nord"},
        }[how]
        answer = self._call(
            self.workflows.reference.import_reference, {kind: [{"id": resource, **change}]}
        )
        conflicts = answer["conflicts"]
        assert isinstance(conflicts, list)
        assert session_id in self._unusable()
        # Reported: the conflicts this change created (a session newly stranded among them).
        reported = {item["sessionId"] for item in conflicts}
        assert self._unusable() - already <= reported <= self._unusable()

    @invariant()
    def nothing_is_held_twice(self) -> None:
        rows = self.reader.rows(
            f"SELECT date, setup_id, operator_id FROM session WHERE status IN {HOLDING}"
        )
        assert not [k for k, n in Counter((str(r[0]), r[1]) for r in rows).items() if n > 1]
        assert not [k for k, n in Counter((str(r[0]), r[2]) for r in rows).items() if n > 1]

    @invariant()
    def conflicts_are_exactly_the_unusable_allocations(self) -> None:
        listed = self.workflows.booking_changes.get_resource_conflicts().to_dict()["conflicts"]
        assert isinstance(listed, list)
        assert {item["sessionId"] for item in listed} == self._unusable()


def test_random_changes_never_double_allocate_nor_strand_a_reallocated_session(
    new_database_url: DatabaseFactory,
) -> None:
    numbers = itertools.count()
    ChangesMachine.new_database = staticmethod(lambda: new_database_url(f"changes{next(numbers)}"))
    run_state_machine_as_test(
        ChangesMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
