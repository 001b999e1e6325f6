"""Property-based tests: random sequences of workflow calls never break the invariants.

Whatever the order of create / confirm / cancel / mission calls, and whatever garbage is
mixed in, the database never holds a setup or an operator twice on a date, never allocates
more sessions on a day than MIN(usable setups, usable operators), never raises, and a
failed call leaves every table exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, settings
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
REGIONS = ["nord", "sud"]
MODULES = ["m_small", "m_big"]
HOSTILE = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=12),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)

REFERENCE = {
    "regions": [{"id": r, "name": r.title()} for r in REGIONS],
    "setups": [
        {"id": "nord_s1", "name": "N1", "regionId": "nord"},
        {"id": "nord_s2", "name": "N2", "regionId": "nord", "unavailableDates": [DATES[2]]},
        {"id": "nord_s3", "name": "N3", "regionId": "nord", "active": False},
        {"id": "sud_s1", "name": "S1", "regionId": "sud"},
        {"id": "sud_s2", "name": "S2", "regionId": "sud"},
    ],
    "operators": [
        {"id": "nord_o1", "name": "NO1", "regionId": "nord"},
        {"id": "nord_o2", "name": "NO2", "regionId": "nord"},
        {"id": "sud_o1", "name": "SO1", "regionId": "sud", "unavailableDates": [DATES[3]]},
    ],
    "modules": [
        {"id": "m_small", "name": "Small", "capacityMax": 6},
        {"id": "m_big", "name": "Big", "capacityMax": 20},
    ],
    "clients": [{"id": "c1", "name": "Client"}],
}
#: For each region and date: usable setups and operators (active, not in maintenance/leave).
LIMIT = {
    ("nord", DATES[2]): min(1, 2),  # nord_s2 in maintenance
    ("sud", DATES[3]): min(2, 0),  # sud_o1 on leave
}
#: On other days: nord has 2 active setups (nord_s3 is inactive) and 2 operators; sud 2 and 1.
USUAL_LIMIT = {"nord": 2, "sud": 1}
HOLDING = ("confirmed", "scheduled", "in_progress", "completed")


class BookingMachine(RuleBasedStateMachine):
    #: Makes a new empty database on the backend under test, for each example.
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

    def _call(self, function: object, *args: object) -> None:
        """Run one workflow call; a failure must leave the database untouched."""
        before = self.reader.dump()
        result = function(*args)  # type: ignore[operator]
        answer = result.to_dict() if hasattr(result, "to_dict") else result
        if isinstance(answer, dict) and answer.get("success") is False:
            assert isinstance(answer.get("error"), str)
            assert isinstance(answer.get("message"), str) and answer["message"]
            assert self.reader.dump() == before, f"failed call changed the database: {answer}"
        if isinstance(answer, dict) and answer.get("success") and "sessionId" in answer:
            session_id = answer["sessionId"]
            if session_id not in self.session_ids:
                self.session_ids.append(session_id)

    @rule(
        region=st.sampled_from(REGIONS),
        date=st.sampled_from(DATES),
        modules=st.lists(st.sampled_from(MODULES), min_size=1, max_size=2, unique=True),
        participants=st.integers(min_value=-1, max_value=25),
    )
    def create(self, region: str, date: str, modules: list[str], participants: int) -> None:
        request = {
            "clientId": "c1",
            "regionId": region,
            "date": date,
            "moduleIds": modules,
            "requestedParticipants": participants,
        }
        self._call(self.workflows.booking.create_session_booking, request)

    @rule(data=HOSTILE)
    def create_garbage(self, data: object) -> None:
        self._call(self.workflows.booking.create_session_booking, data)

    @precondition(lambda self: bool(self.session_ids))
    @rule(
        index=st.integers(min_value=0),
        action=st.sampled_from(
            ["confirm", "cancel", "schedule", "start", "complete", "cancel_mission", "status"]
        ),
    )
    def act(self, index: int, action: str) -> None:
        session_id = self.session_ids[index % len(self.session_ids)]
        booking, mission = self.workflows.booking, self.workflows.mission
        calls = {
            "confirm": (booking.confirm_session_booking, session_id),
            "cancel": (booking.cancel_pending_booking, session_id),
            "schedule": (mission.schedule_mission, session_id),
            "start": (mission.start_mission, session_id),
            "complete": (mission.complete_mission, session_id, "completed"),
            "cancel_mission": (mission.cancel_mission, session_id, "test"),
            "status": (booking.get_booking_status, session_id),
        }
        function, *args = calls[action]
        self._call(function, *args)

    @rule(session_id=HOSTILE)
    def act_on_garbage(self, session_id: object) -> None:
        self._call(self.workflows.booking.confirm_session_booking, session_id)
        self._call(self.workflows.mission.start_mission, session_id)
        self._call(self.workflows.booking.cancel_pending_booking, session_id)

    @rule(region=HOSTILE, date=HOSTILE, count=HOSTILE)
    def ask_with_garbage(self, region: object, date: object, count: object) -> None:
        self._call(self.workflows.booking.check_availability, region, date, ["m_small"], count)
        self._call(self.workflows.booking.get_suggested_dates, region, count)

    @invariant()
    def nothing_is_held_twice_and_days_never_overflow(self) -> None:
        rows = self.reader.rows(
            f"SELECT region_id, date, setup_id, operator_id FROM session WHERE status IN {HOLDING}"
        )
        rows = [(r[0], str(r[1]), r[2], r[3]) for r in rows]
        assert not [k for k, n in Counter((r[1], r[2]) for r in rows).items() if n > 1]
        assert not [k for k, n in Counter((r[1], r[3]) for r in rows).items() if n > 1]
        per_day = Counter((r[0], r[1]) for r in rows)
        for (region, date), count in per_day.items():
            assert count <= LIMIT.get((region, date), USUAL_LIMIT[region])


def test_random_traffic_keeps_every_invariant(new_database_url: DatabaseFactory) -> None:
    numbers = itertools.count()
    BookingMachine.new_database = staticmethod(lambda: new_database_url(f"machine{next(numbers)}"))
    run_state_machine_as_test(
        BookingMachine,
        settings=settings(
            max_examples=60,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
