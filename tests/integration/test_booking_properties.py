"""Property-based tests: random sequences of workflow calls never break the invariants.

Two machines, each on a new database of the backend under test per example:

- **valid traffic**: the calls a back office makes — requests within a few busy days,
  confirmations, cancellations, mission steps, an event laptop and an offline copy —
  failing only for real reasons (a full day, a wrong status, too many participants, a
  day gone by), and checked against a model of what each answer must be;
- **hostile input**: the same functions fed wrong types, malformed ids, unknown ids,
  impossible dates and counts.

After every call of either: the database never holds a setup or an operator twice on a
date, never more sessions on a day than MIN(usable setups, usable operators), nothing
raised, and a failed call left every table exactly as it was. Each test counts how many
calls reached each answer (its report section ``answers``) and fails when an answer its
machine exists to reach was never reached.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.offline import OfflineCopy
from dst_desktop.services.workflows import Workflows
from tests.conftest import DatabaseFactory, DatabaseReader

TODAY = dt.date(2025, 2, 20)
YESTERDAY = (TODAY - dt.timedelta(days=1)).isoformat()
#: Today and three days after: few enough for days to fill up.
DAYS = [(TODAY + dt.timedelta(days=offset)).isoformat() for offset in range(4)]
#: A day the office's traffic never books: the laptop and the copy always find it free.
ELSEWHEN = (TODAY + dt.timedelta(days=10)).isoformat()
REGIONS = ["nord", "sud"]
CAPACITY = {"m_small": 6, "m_big": 20}

REFERENCE = {
    "regions": [{"id": r, "name": r.title()} for r in REGIONS],
    "setups": [
        {"id": "nord_s1", "name": "N1", "regionId": "nord"},
        {"id": "nord_s2", "name": "N2", "regionId": "nord", "unavailableDates": [DAYS[2]]},
        {"id": "nord_s3", "name": "N3", "regionId": "nord", "active": False},
        {"id": "sud_s1", "name": "S1", "regionId": "sud"},
        {"id": "sud_s2", "name": "S2", "regionId": "sud"},
    ],
    "operators": [
        {"id": "nord_o1", "name": "NO1", "regionId": "nord"},
        {"id": "nord_o2", "name": "NO2", "regionId": "nord"},
        {"id": "sud_o1", "name": "SO1", "regionId": "sud", "unavailableDates": [DAYS[3]]},
    ],
    "modules": [{"id": m, "name": m.title(), "capacityMax": c} for m, c in CAPACITY.items()],
    "clients": [{"id": "c1", "name": "Client"}],
}
#: Sessions a region can hold on a date: MIN(usable setups, usable operators).
LIMIT = {
    ("nord", DAYS[2]): min(1, 2),  # nord_s2 in maintenance; nord_s3 is never usable
    ("sud", DAYS[3]): min(2, 0),  # sud_o1 on leave
}
USUAL_LIMIT = {"nord": min(2, 2), "sud": min(2, 1)}
HOLDING = ("confirmed", "scheduled", "in_progress", "completed")
#: What each mission step accepts (SPEC 2.6).
MISSION_SOURCES = {
    "schedule": {"confirmed"},
    "start": {"confirmed", "scheduled"},
    "complete": {"confirmed", "scheduled", "in_progress"},
    "cancel_mission": {"confirmed", "scheduled"},
}
MISSION_TARGET = {
    "schedule": "scheduled",
    "start": "in_progress",
    "complete": "completed",
    "cancel_mission": "cancelled",
}
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["sess_404", "nord", "2025-02-30", "", " ", "a;b", "x" * 300, "\x00"]),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def limit(region: str, date: str) -> int:
    return LIMIT.get((region, date), USUAL_LIMIT[region])


class WorkflowMachine(RuleBasedStateMachine):
    """What both machines share: a database per example, calls checked for their
    invariants, and the count of answers."""

    #: Makes a new empty database on the backend under test.
    new_database: ClassVar[Callable[[str], str]]
    folder: ClassVar[Path]
    answers: ClassVar[Counter[str]]

    def __init__(self) -> None:
        super().__init__()
        self.url = type(self).new_database("office")
        self.stores: list[PeeweeStore] = []
        self.readers: dict[str, DatabaseReader] = {}
        self.office = self.open(self.url, "office")
        assert self.office.reference.import_reference(REFERENCE).success

    def open(self, url: str, actor: str) -> Workflows:
        store = PeeweeStore.open(url)
        self.stores.append(store)
        self.readers[url] = DatabaseReader(url)
        return Workflows.create(store, BusinessDateClock(TODAY), actor, f"{actor}-pc")

    def teardown(self) -> None:
        for store in self.stores:
            store.close()
        for reader in self.readers.values():
            reader.close()

    def call(self, function: Callable[..., object], *args: object, url: str = "") -> dict[str, Any]:
        """One workflow call: it answers, never raises, and a failure changes nothing."""
        reader = self.readers[url or self.url]
        before = reader.dump()
        result = function(*args)
        answer = result.to_dict() if hasattr(result, "to_dict") else {"success": True}
        assert isinstance(answer, dict)
        if answer.get("success") is False:
            assert isinstance(answer.get("error"), str), answer
            assert isinstance(answer.get("message"), str) and answer["message"], answer
            assert reader.dump() == before, f"a failed call changed the database: {answer}"
            type(self).answers[str(answer["error"])] += 1
        else:
            assert answer.get("success") is True, answer
            type(self).answers["success"] += 1
        return answer

    @invariant()
    def nothing_is_held_twice_and_days_never_overflow(self) -> None:
        rows = self.readers[self.url].rows(
            f"SELECT region_id, date, setup_id, operator_id FROM session WHERE status IN {HOLDING}"
        )
        rows = [(r[0], str(r[1]), r[2], r[3]) for r in rows]
        assert not [k for k, n in Counter((r[1], r[2]) for r in rows).items() if n > 1]
        assert not [k for k, n in Counter((r[1], r[3]) for r in rows).items() if n > 1]
        for (region, date), count in Counter((r[0], r[1]) for r in rows).items():
            assert count <= limit(region, date), (region, date, count)


class ValidTraffic(WorkflowMachine):
    """A back office's day, against a model of what every answer must be."""

    def __init__(self) -> None:
        super().__init__()
        #: The status of every session made, as the model expects it ("deleted": gone).
        self.status: dict[str, str] = {}
        self.where: dict[str, tuple[str, str]] = {}
        #: Whether this example also has an event laptop and an offline copy (they cost
        #: two more databases).
        self.away = False
        self.laptop: Workflows | None = None
        self.laptop_url = ""
        self.copy: Workflows | None = None
        self.copy_url = ""

    def held(self, region: str, date: str) -> int:
        return sum(
            1
            for session_id, status in self.status.items()
            if status in HOLDING and self.where[session_id] == (region, date)
        )

    def ids(self, *statuses: str) -> list[str]:
        """In the order made (session ids are random: sorting them would make the
        examples differ from run to run)."""
        return [sid for sid, status in self.status.items() if status in statuses]

    @initialize(
        count=st.integers(min_value=0, max_value=3),
        day=st.sampled_from([("sud", DAYS[1]), ("nord", DAYS[2]), ("nord", DAYS[1])]),
    )
    def requests_of_the_morning(self, count: int, day: tuple[str, str]) -> None:
        """Requests already waiting for one day when the day starts: more than it can
        hold, at times — requests hold nothing until confirmed."""
        for _ in range(count):
            self.create(*day, ["m_small"], 4)

    @rule(
        region=st.sampled_from(REGIONS),
        date=st.sampled_from([YESTERDAY, *DAYS]),
        modules=st.lists(st.sampled_from(sorted(CAPACITY)), min_size=1, max_size=2, unique=True),
        participants=st.integers(min_value=1, max_value=24),
    )
    def create(self, region: str, date: str, modules: list[str], participants: int) -> None:
        request = {
            "clientId": "c1",
            "regionId": region,
            "date": date,
            "moduleIds": modules,
            "requestedParticipants": participants,
        }
        answer = self.call(self.office.booking.create_session_booking, request)
        if date < TODAY.isoformat():
            assert answer["error"] == "VALIDATION_ERROR", answer
        elif participants > min(CAPACITY[m] for m in modules):
            assert answer["error"] == "CAPACITY_EXCEEDED", answer
        elif self.held(region, date) >= limit(region, date):
            assert answer["error"] == "NO_AVAILABILITY", answer
        else:
            assert answer["success"] is True, answer
            assert answer["availableSetups"] == limit(region, date) - self.held(region, date)
            self.status[str(answer["sessionId"])] = "pending_confirmation"
            self.where[str(answer["sessionId"])] = (region, date)

    @rule(day=st.sampled_from([(region, date) for region in REGIONS for date in DAYS[1:]]))
    def a_busy_day(self, day: tuple[str, str]) -> None:
        """More clients than the day can hold ask for it, and the office confirms them in
        turn: the last confirmations find the day taken, the next request finds it full."""
        if self.held(*day) >= limit(*day):
            self.create(*day, ["m_big"], 10)  # full already
            return
        for _ in range(limit(*day) + 1):
            self.create(*day, ["m_big"], 10)
        for session_id in self.ids("pending_confirmation"):
            if self.where[session_id] == day:
                self.confirm_one(session_id)
        self.create(*day, ["m_small"], 2)

    @precondition(lambda self: bool(self.status))
    @rule(data=st.data())
    def confirm(self, data: st.DataObject) -> None:
        """Mostly a pending request; sometimes one confirmed or gone already."""
        pending = self.ids("pending_confirmation")
        choices = pending if pending and data.draw(st.integers(0, 3)) else list(self.status)
        self.confirm_one(data.draw(st.sampled_from(choices)))

    def confirm_one(self, session_id: str) -> None:
        answer = self.call(self.office.booking.confirm_session_booking, session_id)
        region, date = self.where[session_id]
        if self.status[session_id] != "pending_confirmation":
            assert answer["error"] == "INVALID_STATUS", answer
        elif self.held(region, date) >= limit(region, date):
            assert answer["error"] == "NO_SETUP_AVAILABLE", answer
            assert answer["availableAlternatives"], answer
        else:
            assert answer["success"] is True, answer
            self.status[session_id] = "confirmed"

    @precondition(lambda self: bool(self.status))
    @rule(data=st.data())
    def cancel_request(self, data: st.DataObject) -> None:
        session_id = data.draw(st.sampled_from(list(self.status)))
        answer = self.call(self.office.booking.cancel_pending_booking, session_id)
        if self.status[session_id] in ("pending_confirmation", "deleted"):
            assert answer["success"] is True, answer
            self.status[session_id] = "deleted"
            self.look_up_one(session_id)  # gone for good
        else:
            assert answer["error"] == "INVALID_STATUS", answer

    @precondition(lambda self: bool(self.status))
    @rule(data=st.data(), step=st.sampled_from(sorted(MISSION_SOURCES)))
    def mission_step(self, data: st.DataObject, step: str) -> None:
        """Mostly on a session past confirmation; sometimes on a pending or gone one."""
        held = self.ids(*HOLDING)
        choices = held if held and data.draw(st.integers(0, 3)) else list(self.status)
        session_id = data.draw(st.sampled_from(choices))
        mission = self.office.mission
        calls = {
            "schedule": lambda: mission.schedule_mission(session_id),
            "start": lambda: mission.start_mission(session_id),
            "complete": lambda: mission.complete_mission(session_id, "terminee"),
            "cancel_mission": lambda: mission.cancel_mission(session_id, "client request"),
        }
        answer = self.call(calls[step])
        if self.status[session_id] in MISSION_SOURCES[step]:
            assert answer["success"] is True, answer
            self.status[session_id] = MISSION_TARGET[step]
        else:
            assert answer["error"] == "INVALID_STATUS", answer

    @precondition(lambda self: bool(self.status))
    @rule(data=st.data())
    def look_up(self, data: st.DataObject) -> None:
        self.look_up_one(data.draw(st.sampled_from(list(self.status))))

    def look_up_one(self, session_id: str) -> None:
        answer = self.call(self.office.booking.get_booking_status, session_id)
        if self.status[session_id] == "deleted":
            assert answer["error"] == "NOT_FOUND", answer
        else:
            assert answer["session"]["status"] == self.status[session_id], answer

    @rule(region=st.sampled_from(REGIONS), date=st.sampled_from(DAYS))
    def check_the_day(self, region: str, date: str) -> None:
        answer = self.call(self.office.booking.check_availability, region, date, ["m_big"], 3)
        free = limit(region, date) - self.held(region, date)
        assert answer["availability"]["availableSetups"] == free, answer

    @initialize(away=st.booleans())
    def who_works_away(self, away: bool) -> None:
        self.away = away

    @precondition(lambda self: self.away and self.laptop is None)
    @rule()
    def take_a_request_at_an_event(self) -> None:
        """An event laptop loaded with the office's snapshot takes a request, and cannot
        confirm it there."""
        snapshot = type(self).folder / f"snapshot-{uuid.uuid4().hex}.json"
        self.office.exchange.export_snapshot(snapshot, months=1, event_name="Salon")
        self.laptop_url = type(self).new_database("laptop")
        self.laptop = self.open(self.laptop_url, "laptop")
        self.laptop.exchange.import_snapshot(snapshot)
        request = {
            "clientId": "c1",
            "regionId": "nord",
            "date": ELSEWHEN,
            "moduleIds": ["m_big"],
            "requestedParticipants": 8,
        }
        created = self.call(
            self.laptop.booking.create_session_booking, request, url=self.laptop_url
        )
        if created["success"]:
            session_id = created["sessionId"]
            answer = self.call(
                self.laptop.booking.confirm_session_booking, session_id, url=self.laptop_url
            )
            assert answer["error"] == "EVENT_MODE", answer
            answer = self.call(self.laptop.mission.start_mission, session_id, url=self.laptop_url)
            assert answer["error"] == "EVENT_MODE", answer

    @precondition(lambda self: self.away and self.copy is None)
    @rule()
    def take_a_request_while_the_server_is_away(self) -> None:
        """A workstation's offline copy takes a request; confirming waits for the server."""
        self.copy_url = type(self).new_database("copy")
        copy = OfflineCopy(self.open(self.copy_url, "anne"), type(self).folder / str(id(self)))
        copy.refresh_from(self.office)
        self.copy = copy.copy
        request = {
            "clientId": "c1",
            "regionId": "sud",
            "date": ELSEWHEN,
            "moduleIds": ["m_small"],
            "requestedParticipants": 2,
        }
        created = self.call(self.copy.booking.create_session_booking, request, url=self.copy_url)
        if created["success"]:
            answer = self.call(
                self.copy.booking.confirm_session_booking, created["sessionId"], url=self.copy_url
            )
            assert answer["error"] == "OFFLINE", answer


class HostileInput(WorkflowMachine):
    """Every workflow function fed what no form would send."""

    def __init__(self) -> None:
        super().__init__()
        self.session_ids: list[str] = []
        request = {
            "clientId": "c1",
            "regionId": "nord",
            "date": DAYS[1],
            "moduleIds": ["m_small"],
            "requestedParticipants": 2,
        }
        created = self.office.booking.create_session_booking(request).to_dict()
        self.session_ids.append(str(created["sessionId"]))

    @rule(data=HOSTILE)
    def create_from_garbage(self, data: object) -> None:
        self.call(self.office.booking.create_session_booking, data)

    @rule(
        field=st.sampled_from(
            ["clientId", "regionId", "date", "moduleIds", "requestedParticipants", "offerId"]
        ),
        value=HOSTILE,
    )
    def create_with_one_bad_field(self, field: str, value: object) -> None:
        request: dict[str, object] = {
            "clientId": "c1",
            "regionId": "sud",
            "date": DAYS[2],
            "moduleIds": ["m_big"],
            "requestedParticipants": 3,
            field: value,
        }
        self.call(self.office.booking.create_session_booking, request)

    @rule(
        session_id=HOSTILE,
        step=st.sampled_from(["confirm", "cancel", "status", *sorted(MISSION_SOURCES)]),
    )
    def act_on_garbage(self, session_id: object, step: str) -> None:
        self.act_on_a_bad_id(session_id, step)

    @rule(
        session_id=st.sampled_from(["sess_1_abc", "sess_404", "s.1:2-3"]),
        step=st.sampled_from(["confirm", "cancel", "status", *sorted(MISSION_SOURCES)]),
    )
    def act_on_an_unknown_id(self, session_id: object, step: str) -> None:
        self.act_on_a_bad_id(session_id, step)
        self.act_on_a_bad_id(session_id, "status")

    def act_on_a_bad_id(self, session_id: object, step: str) -> None:
        booking, mission = self.office.booking, self.office.mission
        calls: dict[str, Callable[[], object]] = {
            "confirm": lambda: booking.confirm_session_booking(session_id),
            "cancel": lambda: booking.cancel_pending_booking(session_id),
            "status": lambda: booking.get_booking_status(session_id),
            "schedule": lambda: mission.schedule_mission(session_id),
            "start": lambda: mission.start_mission(session_id),
            "complete": lambda: mission.complete_mission(session_id, "completed"),
            "cancel_mission": lambda: mission.cancel_mission(session_id, "test"),
        }
        self.call(calls[step])

    @rule(outcome=HOSTILE, reason=HOSTILE)
    def finish_a_real_session_with_garbage(self, outcome: object, reason: object) -> None:
        session_id = self.session_ids[0]
        self.call(self.office.mission.complete_mission, session_id, outcome)
        self.call(self.office.mission.cancel_mission, session_id, reason)

    @rule(region=HOSTILE, date=HOSTILE, modules=HOSTILE, count=HOSTILE)
    def ask_with_garbage(
        self, region: object, date: object, modules: object, count: object
    ) -> None:
        self.call(self.office.booking.check_availability, region, date, modules, count)
        self.call(self.office.booking.get_suggested_dates, region, count)

    @rule(participants=st.integers(min_value=21, max_value=100_000))
    def ask_for_too_many(self, participants: int) -> None:
        request = {
            "clientId": "c1",
            "regionId": "nord",
            "date": DAYS[1],
            "moduleIds": ["m_big"],
            "requestedParticipants": participants,
        }
        self.call(self.office.booking.create_session_booking, request)


def run_machine(
    machine: type[WorkflowMachine],
    new_database_url: DatabaseFactory,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    examples: int,
    must_reach: set[str],
) -> None:
    numbers = itertools.count()
    machine.new_database = staticmethod(lambda name: new_database_url(f"{name}{next(numbers)}"))
    machine.folder = tmp_path
    machine.answers = Counter()
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=30,
            deadline=None,
            # A fixed seed, not a random one: every run reaches the answers counted below.
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    counts = machine.answers
    request.node.add_report_section(
        "call",
        "answers",
        "\n".join(f"{answer:20} {count:6}" for answer, count in counts.most_common()),
    )
    assert must_reach <= set(counts), f"never reached: {must_reach - set(counts)} ({counts})"


def test_valid_traffic_keeps_every_invariant(
    new_database_url: DatabaseFactory, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run_machine(
        ValidTraffic,
        new_database_url,
        tmp_path,
        request,
        examples=50,
        must_reach={
            "success",
            "VALIDATION_ERROR",
            "CAPACITY_EXCEEDED",
            "NO_AVAILABILITY",
            "NO_SETUP_AVAILABLE",
            "INVALID_STATUS",
            "NOT_FOUND",
            "EVENT_MODE",
            "OFFLINE",
        },
    )


def test_hostile_input_changes_nothing_and_never_raises(
    new_database_url: DatabaseFactory, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run_machine(
        HostileInput,
        new_database_url,
        tmp_path,
        request,
        examples=40,
        must_reach={"VALIDATION_ERROR", "INVALID_STATUS", "NOT_FOUND", "CAPACITY_EXCEEDED"},
    )
