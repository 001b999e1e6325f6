"""Offline event mode: office -> laptop -> office on two databases (SPEC 7).

The office runs on each backend; the event laptop is a SQLite file, as in the field.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dst_desktop.cli import main
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.exchange import BundleError, make_bundle, write_bundle
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.bundles import signed_bookings
from tests.conftest import TODAY, booking_request, database_dump, sample_reference


def open_workflows(where: Path | str, device: str, day: dt.date = TODAY) -> Workflows:
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    return Workflows.create(PeeweeStore.open(url), BusinessDateClock(day), f"{device}-user", device)


@pytest.fixture
def office(database_url: str) -> Iterator[Workflows]:
    workflows = open_workflows(database_url, "office-pc")
    workflows.reference.import_reference(sample_reference())
    yield workflows
    workflows.store.close()


@pytest.fixture
def laptop(office: Workflows, tmp_path: Path) -> Workflows:
    """An event laptop loaded with a snapshot of the office taken today."""
    held = office.booking.create_session_booking(
        booking_request(regionId="bretagne", date="2025-03-20")
    )
    assert isinstance(held, BookingCreated)
    office.booking.confirm_session_booking(held.session.id)
    office.exchange.export_snapshot(
        tmp_path / "snapshot.json", months=2, event_name="Salon de Lyon"
    )
    laptop = open_workflows(tmp_path / "laptop.db", "laptop-7")
    laptop.exchange.import_snapshot(tmp_path / "snapshot.json")
    return laptop


def take_booking(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def test_the_laptop_becomes_an_event_database_with_the_offices_allocations(
    laptop: Workflows,
) -> None:
    snapshot = laptop.exchange.event_snapshot()
    assert snapshot is not None
    assert snapshot.event_name == "Salon de Lyon"
    assert snapshot.source_device == "office-pc"
    assert snapshot.age_days(TODAY + dt.timedelta(days=3)) == 3
    check = laptop.booking.check_availability("bretagne", "2025-03-20", ["module_tir"], 5).to_dict()
    assert check["availability"]["usedSetups"] == 1  # type: ignore[index]


def test_an_event_database_never_confirms(laptop: Workflows) -> None:
    session_id = take_booking(laptop)
    result = laptop.booking.confirm_session_booking(session_id).to_dict()
    assert result["error"] == "EVENT_MODE"
    assert "confirmed at the office" in str(result["message"])
    assert laptop.mission.start_mission(session_id).to_dict()["error"] == "EVENT_MODE"


def test_event_bookings_travel_back_as_pending_with_their_ids(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    first = take_booking(laptop, notes="Met at stand B12")
    second = take_booking(laptop, regionId="bretagne", date="2025-03-21")
    laptop.exchange.export_bookings(tmp_path / "bookings.json")

    report = office.exchange.import_bookings(tmp_path / "bookings.json")

    assert report.to_dict() == {
        "imported": [first, second],
        "alreadyPresent": [],
        "rejected": [],
        "noAvailabilityNow": [],
        "availableAlternatives": {},
        "clientsAdded": [],
        "clientDifferences": [],
    }
    status = office.booking.get_booking_status(first).to_dict()
    session = status["session"]
    assert isinstance(session, dict)
    assert session["status"] == "pending_confirmation"
    assert session["bookingSource"] == "event"
    assert session["sourceDevice"] == "laptop-7"
    assert session["notes"] == "Met at stand B12"
    assert [s.id for s in office.queries.pending_sessions()] == [first, second]
    assert office.booking.confirm_session_booking(first).success


def test_importing_again_changes_nothing(
    office: Workflows, laptop: Workflows, tmp_path: Path, database_url: str
) -> None:
    take_booking(laptop)
    laptop.exchange.export_bookings(tmp_path / "bookings.json")
    office.exchange.import_bookings(tmp_path / "bookings.json")
    before = database_dump(database_url)

    again = office.exchange.import_bookings(tmp_path / "bookings.json")

    assert again.imported == [] and len(again.already_present) == 1
    after = database_dump(database_url)
    for table in ("session", "session_module", "client"):
        assert after[table] == before[table]


def test_a_day_taken_at_the_office_meanwhile_is_imported_and_flagged(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    at_event = take_booking(laptop, regionId="bretagne", date="2025-03-12")  # one operator that day
    office_booking = take_booking(office, regionId="bretagne", date="2025-03-12")
    assert office.booking.confirm_session_booking(office_booking).success
    laptop.exchange.export_bookings(tmp_path / "bookings.json")

    report = office.exchange.import_bookings(tmp_path / "bookings.json")

    assert report.imported == [at_event]
    assert report.no_availability_now == [at_event]
    # The report already offers the dates a confirmation would: nobody has to ask first.
    offered = ["2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17"]
    assert report.available_alternatives == {at_event: offered}
    assert report.to_dict()["availableAlternatives"] == {at_event: offered}
    confirmed = office.booking.confirm_session_booking(at_event).to_dict()
    assert confirmed["error"] == "NO_SETUP_AVAILABLE"
    assert confirmed["availableAlternatives"] == offered


def test_clients_met_at_the_event_travel_and_office_data_wins(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    laptop.reference.import_reference(
        {
            "clients": [
                {"id": "client_new", "name": "Nouvelle Sécurité", "email": "a@b.fr"},
                {"id": "client_123", "name": "ACME (salon)", "email": "contact@acme.example"},
            ]
        }
    )
    take_booking(laptop, clientId="client_new")
    take_booking(laptop, clientId="client_123")
    laptop.exchange.export_bookings(tmp_path / "bookings.json")

    report = office.exchange.import_bookings(tmp_path / "bookings.json")

    assert report.clients_added == ["client_new"]
    assert report.client_differences == [
        {"clientId": "client_123", "field": "name", "office": "ACME", "event": "ACME (salon)"}
    ]
    names = {c.id: c.name for c in office.queries.reference().clients}
    assert names["client_123"] == "ACME"
    assert names["client_new"] == "Nouvelle Sécurité"


def tamper(path: Path, change: object) -> None:
    bundle = json.loads(path.read_text("utf-8"))
    change(bundle)  # type: ignore[operator]
    path.write_text(json.dumps(bundle), "utf-8")


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "is truncated"),
        (
            lambda p: tamper(
                p, lambda b: b["content"]["bookings"][0].update(requestedParticipants=11)
            ),
            "is forged or was altered after the event laptop signed it",
        ),
        (
            lambda p: tamper(p, lambda b: b.update(kind="snapshot")),
            'is a "snapshot" bundle, expected a bookings bundle',
        ),
        (
            lambda p: tamper(p, lambda b: b.update(version=99)),
            "newer DST Desktop (bundle format 99",
        ),
        (lambda p: p.write_text('{"hello": 1}', "utf-8"), "is not a DST Desktop bundle"),
        (
            lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
            "is truncated or is not a DST Desktop bundle",
        ),
    ],
)
def test_a_broken_file_imports_nothing_and_says_why(
    office: Workflows,
    laptop: Workflows,
    tmp_path: Path,
    database_url: str,
    breakage: object,
    message: str,
) -> None:
    take_booking(laptop)
    path = tmp_path / "bookings.json"
    laptop.exchange.export_bookings(path)
    breakage(path)  # type: ignore[operator]
    before = database_dump(database_url)

    with pytest.raises(BundleError) as caught:
        office.exchange.import_bookings(path)

    assert message in str(caught.value)
    assert database_dump(database_url) == before


def test_a_bundle_with_invalid_bookings_rejects_them_and_keeps_the_rest(
    office: Workflows, tmp_path: Path
) -> None:
    good = {
        "id": "sess_1_good",
        "clientId": "client_123",
        "regionId": "occitanie",
        "date": "2025-03-10",
        "moduleIds": ["module_tir"],
        "requestedParticipants": 4,
        "capacityMax": 12,
        "status": "pending_confirmation",
        "bookingSource": "event",
        "createdAt": "2025-02-19T10:00:00Z",
    }
    bad_region = {**good, "id": "sess_2_bad", "regionId": "atlantis"}
    confirmed = {**good, "id": "sess_3_conf", "status": "confirmed"}
    too_many = {**good, "id": "sess_4_big", "requestedParticipants": 40}
    content = {"bookings": [good, bad_region, confirmed, too_many], "clients": []}
    signed_bookings(office, tmp_path / "b.json", content)

    report = office.exchange.import_bookings(tmp_path / "b.json")

    assert report.imported == ["sess_1_good"]
    assert [item["sessionId"] for item in report.rejected] == [
        "sess_2_bad",
        "sess_3_conf",
        "sess_4_big",
    ]
    assert 'regionId "atlantis" is not a known region' in report.rejected[0]["reason"]
    assert "40 participants exceeds capacity of 12" in report.rejected[2]["reason"]


def test_a_snapshot_cannot_overwrite_an_office_database(office: Workflows, tmp_path: Path) -> None:
    take_booking(office)
    office.exchange.export_snapshot(tmp_path / "s.json")
    with pytest.raises(BundleError, match="holds office bookings"):
        office.exchange.import_snapshot(tmp_path / "s.json")


def test_a_newer_snapshot_keeps_the_bookings_taken_at_the_event(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    kept = take_booking(laptop)
    office.exchange.export_snapshot(tmp_path / "newer.json", event_name="Salon de Lyon, jour 2")
    result = laptop.exchange.import_snapshot(tmp_path / "newer.json")
    assert result.kept_event_bookings == 1
    assert laptop.booking.get_booking_status(kept).success


def test_ten_thousand_event_bookings_import_in_one_go(office: Workflows, tmp_path: Path) -> None:
    bookings = [
        {
            "id": f"sess_1_{n:05d}",
            "clientId": "client_123",
            "regionId": "occitanie",
            "date": (TODAY + dt.timedelta(days=1 + n % 300)).isoformat(),
            "moduleIds": ["module_tir", "module_secourisme"],
            "requestedParticipants": 1 + n % 12,
            "capacityMax": 12,
            "status": "pending_confirmation",
            "bookingSource": "event",
            "createdAt": "2025-02-19T10:00:00Z",
            "sourceDevice": "laptop-1",
        }
        for n in range(10_000)
    ]
    content = {"bookings": bookings, "clients": []}
    signed_bookings(office, tmp_path / "many.json", content, device="laptop-1")

    report = office.exchange.import_bookings(tmp_path / "many.json")

    assert len(report.imported) == 10_000
    assert report.rejected == []
    assert len(office.queries.pending_sessions()) == 10_000
    with office.store.reading() as tx:
        assert tx.audit_log(1)[0].details["imported"] == 10_000


def test_a_booking_cancelled_at_the_office_is_not_brought_back_by_a_later_export(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    withdrawn = take_booking(laptop)
    laptop.exchange.export_bookings(tmp_path / "day1.json")
    office.exchange.import_bookings(tmp_path / "day1.json")
    assert office.booking.cancel_pending_booking(withdrawn).success
    later = take_booking(laptop, date="2025-03-11")
    laptop.exchange.export_bookings(tmp_path / "day2.json")

    report = office.exchange.import_bookings(tmp_path / "day2.json")

    assert report.imported == [later]
    assert [item["sessionId"] for item in report.rejected] == [withdrawn]
    assert "cancelled at the office" in report.rejected[0]["reason"]
    assert office.booking.get_booking_status(withdrawn).to_dict()["error"] == "NOT_FOUND"


def test_a_new_snapshot_after_the_office_confirmed_event_bookings(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    confirmed_at_office = take_booking(laptop)
    still_pending = take_booking(laptop, date="2025-03-11")
    laptop.exchange.export_bookings(tmp_path / "bookings.json")
    office.exchange.import_bookings(tmp_path / "bookings.json")
    assert office.booking.confirm_session_booking(confirmed_at_office).success
    office.exchange.export_snapshot(tmp_path / "newer.json", event_name="Salon de Lyon, jour 2")

    result = laptop.exchange.import_snapshot(tmp_path / "newer.json")

    assert result.kept_event_bookings == 1
    status = laptop.booking.get_booking_status(confirmed_at_office).to_dict()
    assert status["session"]["status"] == "confirmed"  # type: ignore[index]
    laptop.exchange.export_bookings(tmp_path / "again.json")
    exported = json.loads((tmp_path / "again.json").read_text("utf-8"))["content"]["bookings"]
    assert [booking["id"] for booking in exported] == [still_pending]


def test_bundle_timestamps_with_an_offset_are_stored_as_utc(
    office: Workflows, tmp_path: Path
) -> None:
    booking = {
        "id": "sess_1_tz",
        "clientId": "client_123",
        "regionId": "occitanie",
        "date": "2025-03-10",
        "moduleIds": ["module_tir"],
        "requestedParticipants": 4,
        "capacityMax": 12,
        "status": "pending_confirmation",
        "bookingSource": "event",
        "createdAt": "2025-02-19T12:00:00+02:00",
        "notes": "\ud800 bad",
    }
    good = {**booking, "id": "sess_2_tz", "notes": "Stand B"}
    # The signed file holds the lone surrogate escaped, as a hostile laptop would write it.
    signed_bookings(office, tmp_path / "tz.json", {"bookings": [booking, good], "clients": []})

    report = office.exchange.import_bookings(tmp_path / "tz.json")

    assert report.imported == ["sess_2_tz"]
    assert "not valid text" in report.rejected[0]["reason"]
    session = office.booking.get_booking_status("sess_2_tz").to_dict()["session"]
    assert session["createdAt"] == "2025-02-19T10:00:00Z"  # type: ignore[index]


def test_an_empty_database_exports_no_snapshot_and_says_why(tmp_path: Path) -> None:
    empty = open_workflows(tmp_path / "empty.db", "office-pc")
    target = tmp_path / "snapshot.json"

    with pytest.raises(BundleError, match="holds no reference data"):
        empty.exchange.export_snapshot(target, months=2, event_name="Salon")

    assert not target.exists()


def test_a_snapshot_without_reference_data_makes_no_event_database(tmp_path: Path) -> None:
    content = {
        "eventName": "Salon",
        "firstDate": "2025-02-20",
        "lastDate": "2025-04-20",
        "signingKey": "ab" * 32,
        "reference": {},
        "allocations": [],
    }
    path = tmp_path / "snapshot.json"
    bundle = make_bundle("snapshot", content, "office-pc", dt.datetime(2025, 2, 20), "snap_1")
    write_bundle(bundle, path)
    laptop = open_workflows(tmp_path / "laptop.db", "laptop-7")
    before = database_dump(tmp_path / "laptop.db")

    with pytest.raises(BundleError, match="holds no reference data"):
        laptop.exchange.import_snapshot(path)

    assert laptop.exchange.event_snapshot() is None
    assert database_dump(tmp_path / "laptop.db") == before


def test_the_command_offers_other_dates_for_a_day_taken_meanwhile(
    office: Workflows, laptop: Workflows, tmp_path: Path, database_url: str
) -> None:
    at_event = take_booking(laptop, regionId="bretagne", date="2025-03-12")  # one operator that day
    assert office.booking.confirm_session_booking(
        take_booking(office, regionId="bretagne", date="2025-03-12")
    ).success
    laptop.exchange.export_bookings(tmp_path / "bookings.json")
    out, err = io.StringIO(), io.StringIO()

    command = ["--database", database_url, "--today", TODAY.isoformat(), "import-bookings"]
    assert main([*command, str(tmp_path / "bookings.json")], out, err) == 0, err.getvalue()

    assert (
        f"  {at_event}: ACME on 2025-03-12 in Bretagne; other dates: "
        "2025-03-13, 2025-03-14, 2025-03-15, 2025-03-16, 2025-03-17\n"
    ) in out.getvalue()
