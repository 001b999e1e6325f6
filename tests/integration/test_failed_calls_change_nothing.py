"""Every failure answer of every workflow leaves the database exactly as it was (SPEC 2.7,
8): no half-written session, no audit row, no setting — on SQLite and on PostgreSQL.

Each case prepares a database, reads every row of every table with the plain driver of
its backend, makes one call that must fail with the answer named, and reads again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.offline import OfflineCopy
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, DatabaseFactory, booking_request, database_dump

#: Bretagne on 12 March: two setups but one operator (the other is on leave), one session.
ONE_SESSION_DAY = {"regionId": "bretagne", "date": "2025-03-12"}


@dataclass
class Place:
    """The office database of the test, and the means to make others on its backend."""

    url: str
    office: Workflows
    new_database_url: DatabaseFactory
    folder: Path
    opened: list[PeeweeStore]

    def open(self, url: str, actor: str) -> Workflows:
        store = PeeweeStore.open(url)
        self.opened.append(store)
        return Workflows.create(store, BusinessDateClock(TODAY), actor, f"{actor}-pc")


Call = Callable[[], object]
#: Prepares the database and returns the URL of the database the call works on, and the call.
Prepare = Callable[[Place], tuple[str, Call]]


def pending(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def confirmed(workflows: Workflows, **overrides: object) -> str:
    session_id = pending(workflows, **overrides)
    assert workflows.booking.confirm_session_booking(session_id).success
    return session_id


def on_office(call: Callable[[Workflows], object]) -> Prepare:
    """A call on the office database, on the sample reference data only."""
    return lambda place: (place.url, lambda: call(place.office))


def on_pending(call: Callable[[Workflows, str], object]) -> Prepare:
    """A call about a pending booking of the office."""

    def prepare(place: Place) -> tuple[str, Call]:
        session_id = pending(place.office)
        return place.url, lambda: call(place.office, session_id)

    return prepare


def on_confirmed(call: Callable[[Workflows, str], object]) -> Prepare:
    def prepare(place: Place) -> tuple[str, Call]:
        session_id = confirmed(place.office)
        return place.url, lambda: call(place.office, session_id)

    return prepare


def on_completed(call: Callable[[Workflows, str], object]) -> Prepare:
    def prepare(place: Place) -> tuple[str, Call]:
        session_id = confirmed(place.office)
        assert place.office.mission.complete_mission(session_id, "completed").success
        return place.url, lambda: call(place.office, session_id)

    return prepare


def create_on_a_full_day(place: Place) -> tuple[str, Call]:
    confirmed(place.office, **ONE_SESSION_DAY)
    return place.url, lambda: place.office.booking.create_session_booking(
        booking_request(**ONE_SESSION_DAY)
    )


def confirm_when_another_took_the_last_operator(place: Place) -> tuple[str, Call]:
    """Two requests for a one-session day, both taken while it was free; one is confirmed."""
    first = pending(place.office, **ONE_SESSION_DAY)
    second = pending(place.office, **ONE_SESSION_DAY)
    assert place.office.booking.confirm_session_booking(first).success
    return place.url, lambda: place.office.booking.confirm_session_booking(second)


def confirm_when_the_operator_went_on_leave(place: Place) -> tuple[str, Call]:
    """A request for a day whose only free operator was then given leave."""
    session_id = pending(place.office, regionId="bretagne", date="2025-03-11")
    leave = place.office.reference.import_reference(
        {
            "operators": [
                {
                    "id": f"op_bretagne_{n}",
                    "name": f"Opérateur Bretagne {n}",
                    "regionId": "bretagne",
                    "unavailableDates": ["2025-03-11"],
                }
                for n in (1, 2)
            ]
        }
    )
    assert leave.success, leave
    return place.url, lambda: place.office.booking.confirm_session_booking(session_id)


def on_an_event_laptop(call: Callable[[Workflows, str], object]) -> Prepare:
    """A call about a booking taken on an event laptop loaded with the office's snapshot."""

    def prepare(place: Place) -> tuple[str, Call]:
        confirmed(place.office, regionId="bretagne")
        snapshot = place.folder / "snapshot.json"
        place.office.exchange.export_snapshot(snapshot, months=2, event_name="Salon")
        url = place.new_database_url("laptop")
        laptop = place.open(url, "laptop")
        laptop.exchange.import_snapshot(snapshot)
        session_id = pending(laptop)
        return url, lambda: call(laptop, session_id)

    return prepare


def on_an_offline_copy(call: Callable[[Workflows, str], object]) -> Prepare:
    """A call about a request taken on a workstation's copy while the server is away."""

    def prepare(place: Place) -> tuple[str, Call]:
        confirmed(place.office, regionId="bretagne")
        url = place.new_database_url("copy")
        copy = OfflineCopy(place.open(url, "anne"), place.folder)
        copy.refresh_from(place.office)
        session_id = pending(copy.copy)
        return url, lambda: call(copy.copy, session_id)

    return prepare


def confirm(workflows: Workflows, session_id: str) -> object:
    return workflows.booking.confirm_session_booking(session_id)


def schedule(workflows: Workflows, session_id: str) -> object:
    return workflows.mission.schedule_mission(session_id)


def start(workflows: Workflows, session_id: str) -> object:
    return workflows.mission.start_mission(session_id)


def complete(workflows: Workflows, session_id: str) -> object:
    return workflows.mission.complete_mission(session_id, "completed")


def cancel_mission(workflows: Workflows, session_id: str) -> object:
    return workflows.mission.cancel_mission(session_id, "weather")


CASES: dict[str, tuple[str, Prepare]] = {
    # createSessionBooking
    "create/not an object": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.create_session_booking(["clientId"])),
    ),
    "create/unknown client": (
        "VALIDATION_ERROR",
        on_office(
            lambda wf: wf.booking.create_session_booking(booking_request(clientId="client_x"))
        ),
    ),
    "create/unknown region": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.create_session_booking(booking_request(regionId="x"))),
    ),
    "create/unknown module": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.create_session_booking(booking_request(moduleIds=["m_x"]))),
    ),
    "create/unknown offer": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.create_session_booking(booking_request(offerId="o_x"))),
    ),
    "create/date in the past": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.create_session_booking(booking_request(date="2025-02-19"))),
    ),
    "create/over capacity": (
        "CAPACITY_EXCEEDED",
        on_office(
            lambda wf: wf.booking.create_session_booking(booking_request(requestedParticipants=13))
        ),
    ),
    "create/full day": ("NO_AVAILABILITY", create_on_a_full_day),
    # confirmSessionBooking
    "confirm/malformed id": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.confirm_session_booking("sess 1")),
    ),
    "confirm/unknown id": (
        "INVALID_STATUS",
        on_office(lambda wf: wf.booking.confirm_session_booking("sess_404")),
    ),
    "confirm/already confirmed": ("INVALID_STATUS", on_confirmed(confirm)),
    "confirm/day taken meanwhile": (
        "NO_SETUP_AVAILABLE",
        confirm_when_another_took_the_last_operator,
    ),
    "confirm/operator on leave meanwhile": (
        "NO_SETUP_AVAILABLE",
        confirm_when_the_operator_went_on_leave,
    ),
    "confirm/event laptop": ("EVENT_MODE", on_an_event_laptop(confirm)),
    "confirm/offline copy": ("OFFLINE", on_an_offline_copy(confirm)),
    # cancelPendingBooking
    "cancel/malformed id": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.cancel_pending_booking({"id": 1})),
    ),
    "cancel/confirmed": (
        "INVALID_STATUS",
        on_confirmed(lambda wf, sid: wf.booking.cancel_pending_booking(sid)),
    ),
    # checkAvailability, getBookingStatus, getSuggestedDates (readers)
    "check/unknown region": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.check_availability("x", "2025-03-10", ["module_tir"], 4)),
    ),
    "check/unknown module": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.check_availability("occitanie", "2025-03-10", ["m_x"], 4)),
    ),
    "status/malformed id": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.get_booking_status(None)),
    ),
    "status/unknown id": ("NOT_FOUND", on_office(lambda wf: wf.booking.get_booking_status("s_1"))),
    "suggested/unknown region": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.get_suggested_dates("x", 3)),
    ),
    "suggested/bad count": (
        "VALIDATION_ERROR",
        on_office(lambda wf: wf.booking.get_suggested_dates("occitanie", -1)),
    ),
    # The mission workflow
    "schedule/pending": ("INVALID_STATUS", on_pending(schedule)),
    "schedule/unknown id": ("INVALID_STATUS", on_office(lambda wf: schedule(wf, "sess_404"))),
    "schedule/malformed id": ("VALIDATION_ERROR", on_office(lambda wf: schedule(wf, "a;b"))),
    "schedule/event laptop": ("EVENT_MODE", on_an_event_laptop(schedule)),
    "schedule/offline copy": ("OFFLINE", on_an_offline_copy(schedule)),
    "start/pending": ("INVALID_STATUS", on_pending(start)),
    "start/completed": ("INVALID_STATUS", on_completed(start)),
    "start/event laptop": ("EVENT_MODE", on_an_event_laptop(start)),
    "start/offline copy": ("OFFLINE", on_an_offline_copy(start)),
    "complete/pending": ("INVALID_STATUS", on_pending(complete)),
    "complete/unknown outcome": (
        "VALIDATION_ERROR",
        on_confirmed(lambda wf, sid: wf.mission.complete_mission(sid, "done")),
    ),
    "complete/event laptop": ("EVENT_MODE", on_an_event_laptop(complete)),
    "complete/offline copy": ("OFFLINE", on_an_offline_copy(complete)),
    "cancel mission/pending": ("INVALID_STATUS", on_pending(cancel_mission)),
    "cancel mission/completed": ("INVALID_STATUS", on_completed(cancel_mission)),
    "cancel mission/no reason": (
        "VALIDATION_ERROR",
        on_confirmed(lambda wf, sid: wf.mission.cancel_mission(sid, "  ")),
    ),
    "cancel mission/event laptop": ("EVENT_MODE", on_an_event_laptop(cancel_mission)),
    "cancel mission/offline copy": ("OFFLINE", on_an_offline_copy(cancel_mission)),
    # Reference data: all or nothing
    "import reference/unknown region": (
        "VALIDATION_ERROR",
        on_office(
            lambda wf: wf.reference.import_reference(
                {
                    "regions": [{"id": "alsace", "name": "Alsace"}],
                    "setups": [{"id": "s_x", "name": "X", "regionId": "lorraine"}],
                }
            )
        ),
    ),
}


@pytest.fixture
def place(
    workflows: Workflows, database_url: str, new_database_url: DatabaseFactory, tmp_path: Path
) -> Iterator[Place]:
    opened: list[PeeweeStore] = []
    yield Place(database_url, workflows, new_database_url, tmp_path, opened)
    for store in opened:
        store.close()


@pytest.mark.parametrize(("error", "prepare"), CASES.values(), ids=CASES.keys())
def test_a_failed_call_changes_nothing(place: Place, error: str, prepare: Prepare) -> None:
    url, call = prepare(place)
    before = database_dump(url)

    answer = call()

    assert hasattr(answer, "to_dict"), answer
    result = answer.to_dict()
    assert result["success"] is False and result["error"] == error, result
    assert isinstance(result["message"], str) and result["message"]
    assert database_dump(url) == before, f"the failed call changed the database: {result}"


#: Answers that need more than one database of a backend, checked in their own module
#: the same way (every table read before and after).
CHECKED_ELSEWHERE = {
    # A login's refusal needs a team database with roles (PostgreSQL only):
    # test_roles.py calls every workflow as each login and compares the dumps.
    "PERMISSION_DENIED",
}


def test_every_failure_answer_is_checked() -> None:
    """The table above, with the answers checked elsewhere, reaches every code a workflow
    may answer with."""
    from dst_desktop.domain.errors import ErrorCode

    here = {error for error, _ in CASES.values()}
    assert not here & CHECKED_ELSEWHERE
    assert here | CHECKED_ELSEWHERE == {code.value for code in ErrorCode}


@pytest.mark.parametrize("step", [confirm, start], ids=["confirm", "start mission"])
def test_away_from_the_office_the_answer_says_why_and_names_the_booking(
    place: Place, step: Callable[[Workflows, str], object]
) -> None:
    captured: list[str] = []

    def remember(workflows: Workflows, session_id: str) -> object:
        captured.append(session_id)
        return step(workflows, session_id)

    _, at_the_event = on_an_event_laptop(remember)(place)
    _, on_the_copy = on_an_offline_copy(remember)(place)

    event_answer = at_the_event().to_dict()  # type: ignore[attr-defined]
    offline_answer = on_the_copy().to_dict()  # type: ignore[attr-defined]

    assert event_answer == {
        "success": False,
        "error": "EVENT_MODE",
        "message": "This is an event database: bookings taken here are confirmed at the "
        "office, against live availability, after import-bookings",
        "sessionId": captured[0],
    }
    assert offline_answer == {
        "success": False,
        "error": "OFFLINE",
        "message": "The team's server is away: this workstation works on its offline copy, "
        "where requests are taken and sent when the server is back; confirmation waits for it",
        "sessionId": captured[1],
    }
