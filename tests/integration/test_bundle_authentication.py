"""Signed event bundles (issue 16, item 2): the office imports only bookings bundles signed
with the key of a snapshot it exported, and every booking in them passes the checks of
``createSessionBooking`` or is rejected with its reason. Forged, replayed, unsigned and
malformed bundles change nothing and say why."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.exchange import (
    MAX_BUNDLE_BOOKINGS,
    BundleError,
    make_bundle,
    write_bundle,
)
from dst_desktop.services.results import BookingCreated, JsonDict
from dst_desktop.services.workflows import Workflows
from tests.bundles import signed_bookings, snapshot_key
from tests.conftest import TODAY, booking_request, database_dump, sample_reference


def open_workflows(url: str, device: str) -> Workflows:
    return Workflows.create(PeeweeStore.open(url), BusinessDateClock(TODAY), "tester", device)


@pytest.fixture
def office(database_url: str) -> Iterator[Workflows]:
    workflows = open_workflows(database_url, "office-pc")
    assert workflows.reference.import_reference(sample_reference()).success
    yield workflows
    workflows.store.close()


@pytest.fixture
def laptop(office: Workflows, tmp_path: Path) -> Iterator[Workflows]:
    office.exchange.export_snapshot(tmp_path / "snapshot.json", event_name="Salon")
    workflows = open_workflows(f"sqlite:///{tmp_path / 'laptop.db'}", "laptop-7")
    workflows.exchange.import_snapshot(tmp_path / "snapshot.json")
    yield workflows
    workflows.store.close()


def take_booking(workflows: Workflows, **overrides: object) -> str:
    created = workflows.booking.create_session_booking(booking_request(**overrides))
    assert isinstance(created, BookingCreated), created
    return created.session.id


def event_booking(session_id: str, **overrides: object) -> JsonDict:
    booking: JsonDict = {
        "id": session_id,
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
    booking.update(overrides)
    return booking


def refused(office: Workflows, path: Path, database_url: str) -> str:
    """The message of an import that changed nothing."""
    before = database_dump(database_url)
    with pytest.raises(BundleError) as caught:
        office.exchange.import_bookings(path)
    assert database_dump(database_url) == before
    return str(caught.value)


# -- who signed it --------------------------------------------------------------------------


def test_a_bundle_from_the_laptop_is_signed_and_imported(
    office: Workflows, laptop: Workflows, tmp_path: Path
) -> None:
    booked = take_booking(laptop)
    laptop.exchange.export_bookings(tmp_path / "bookings.json")

    bundle = json.loads((tmp_path / "bookings.json").read_text("utf-8"))
    report = office.exchange.import_bookings(tmp_path / "bookings.json")

    assert bundle["signature"].startswith("hmac-sha256:")
    assert "checksum" not in bundle
    assert report.imported == [booked]


def test_a_bundle_written_by_hand_with_a_recomputed_checksum_is_unsigned(
    office: Workflows, tmp_path: Path, database_url: str
) -> None:
    """The attack that worked on format 1: anyone could recompute a SHA-256."""
    content = {"bookings": [event_booking("sess_1_forged", date="9999-12-31")], "clients": []}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    bundle = {
        "format": "dst-desktop-bundle",
        "version": 1,
        "kind": "bookings",
        "device": "attacker",
        "createdAt": "2025-02-19T18:00:00Z",
        "checksum": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
        "content": content,
    }
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(bundle), "utf-8")

    assert "is unsigned" in refused(office, path, database_url)


def test_a_bundle_without_its_signature_is_unsigned(
    office: Workflows, laptop: Workflows, tmp_path: Path, database_url: str
) -> None:
    take_booking(laptop)
    path = tmp_path / "bookings.json"
    laptop.exchange.export_bookings(path)
    bundle = json.loads(path.read_text("utf-8"))
    del bundle["signature"]
    path.write_text(json.dumps(bundle), "utf-8")

    assert "is unsigned: it carries no signature" in refused(office, path, database_url)


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(
            lambda b: b["content"]["bookings"][0].update(date="9999-12-31"), id="altered-date"
        ),
        pytest.param(
            lambda b: b["content"]["bookings"].append(event_booking("sess_1_extra")),
            id="added-booking",
        ),
        pytest.param(lambda b: b.update(device="office-pc"), id="altered-header"),
        pytest.param(
            lambda b: b.update(
                signature=make_bundle(
                    "bookings",
                    b["content"],
                    b["device"],
                    dt.datetime(2025, 2, 19),
                    b["snapshotId"],
                    secrets.token_bytes(32),
                )["signature"]
            ),
            id="signed-with-a-guessed-key",
        ),
    ],
)
def test_a_forged_bundle_is_refused(
    office: Workflows,
    laptop: Workflows,
    tmp_path: Path,
    database_url: str,
    forge: Callable[[JsonDict], None],
) -> None:
    take_booking(laptop)
    path = tmp_path / "bookings.json"
    laptop.exchange.export_bookings(path)
    bundle = json.loads(path.read_text("utf-8"))
    forge(bundle)
    path.write_text(json.dumps(bundle), "utf-8")

    message = refused(office, path, database_url)

    assert "is forged or was altered after the event laptop signed it" in message


def test_a_bundle_of_another_offices_snapshot_is_refused(
    office: Workflows, laptop: Workflows, tmp_path: Path, database_url: str
) -> None:
    other = open_workflows(f"sqlite:///{tmp_path / 'other-office.db'}", "other-office")
    other.reference.import_reference(sample_reference())
    path = signed_bookings(other, tmp_path / "elsewhere.json", {"bookings": [], "clients": []})
    other.store.close()

    message = refused(office, path, database_url)

    assert "comes from a snapshot this database never exported" in message


def test_a_replayed_bundle_brings_nothing_new(
    office: Workflows, laptop: Workflows, tmp_path: Path, database_url: str
) -> None:
    kept = take_booking(laptop)
    withdrawn = take_booking(laptop, date="2025-03-11")
    path = tmp_path / "bookings.json"
    laptop.exchange.export_bookings(path)
    assert office.exchange.import_bookings(path).imported == [kept, withdrawn]
    assert office.booking.confirm_session_booking(kept).success
    assert office.booking.cancel_pending_booking(withdrawn).success
    before = database_dump(database_url)

    replayed = office.exchange.import_bookings(path)

    assert replayed.imported == []
    assert replayed.already_present == [kept]
    assert [item["sessionId"] for item in replayed.rejected] == [withdrawn]
    after = database_dump(database_url)
    for table in ("session", "session_module", "client"):
        assert after[table] == before[table]
    status = office.booking.get_booking_status(kept).to_dict()
    assert status["session"]["status"] == "confirmed"  # type: ignore[index]


# -- what the file holds --------------------------------------------------------------------


def rewrite(path: Path, change: Callable[[JsonDict], None]) -> None:
    bundle = json.loads(path.read_text("utf-8"))
    change(bundle)
    path.write_text(json.dumps(bundle), "utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.update(version=-7), "has no valid format version (version -7)"),
        (lambda b: b.update(version="2"), 'has no valid format version (version "2")'),
        (lambda b: b.update(version=True), "has no valid format version"),
        (lambda b: b.update(version=3), "newer DST Desktop (bundle format 3"),
        (lambda b: b.update(comment="hi"), 'has an unknown field "comment"'),
        (lambda b: b["content"].update(extra=[]), 'unknown field "extra" in its content'),
        (lambda b: b.update(snapshotId=["x"]), "snapshotId must be a string"),
    ],
)
def test_bad_versions_and_unknown_fields_reject_the_file(
    office: Workflows,
    laptop: Workflows,
    tmp_path: Path,
    database_url: str,
    change: Callable[[JsonDict], None],
    message: str,
) -> None:
    take_booking(laptop)
    path = tmp_path / "bookings.json"
    laptop.exchange.export_bookings(path)
    rewrite(path, change)

    assert message in refused(office, path, database_url)


@pytest.mark.parametrize(
    ("booking", "message"),
    [
        ({**event_booking("sess_1_b"), "price": 0}, 'bookings[0] has an unknown field "price"'),
        ("junk", 'bookings[0] is not an object ("junk")'),
    ],
)
def test_a_booking_of_unknown_form_rejects_the_file(
    office: Workflows, tmp_path: Path, database_url: str, booking: object, message: str
) -> None:
    path = signed_bookings(office, tmp_path / "b.json", {"bookings": [booking], "clients": []})

    assert message in refused(office, path, database_url)


def test_more_bookings_than_a_bundle_carries_are_refused(
    office: Workflows, tmp_path: Path, database_url: str
) -> None:
    content = {"bookings": [{}] * (MAX_BUNDLE_BOOKINGS + 1), "clients": []}
    path = signed_bookings(office, tmp_path / "b.json", content)

    message = refused(office, path, database_url)

    assert f"holds {MAX_BUNDLE_BOOKINGS + 1} bookings; at most {MAX_BUNDLE_BOOKINGS}" in message


def test_every_booking_passes_the_checks_of_a_new_booking(
    office: Workflows, tmp_path: Path, database_url: str
) -> None:
    """A signed bundle is trusted to come from the event, not to hold sensible bookings."""
    bookings = [
        event_booking("sess_1_ok"),
        event_booking("sess_2_far", date="9999-12-31"),
        event_booking("sess_3_past", date="2020-01-01"),
        event_booking("sess_4_dup", moduleIds=["module_tir", "module_tir"]),
        event_booking("sess_5_who", clientId="client_nobody"),
        event_booking("sess_6_new", clientId="client_new"),
        event_booking("sess_7_late", createdAt="9999-12-31T23:59:59-14:00"),
        event_booking("sess_8_early", createdAt="0001-01-01T00:00:00+01:00"),
        event_booking("sess_9_conf", status="confirmed"),
        event_booking("sess_10_big", requestedParticipants=10**20),
        event_booking("sess_11_many", requestedParticipants=13),
        event_booking("sess_12_off", offerId="offer_unknown"),
        event_booking("sess_13_mod", moduleIds=["module_unknown"]),
        event_booking("sess_14_reg", regionId="atlantis"),
        event_booking("sess_15_none", moduleIds=[]),
        event_booking("sess_16_3y", date="2028-02-21"),
    ]
    clients = [{"id": "client_new", "name": "Nouvelle Sécurité", "email": "", "phone": ""}]
    path = signed_bookings(office, tmp_path / "b.json", {"bookings": bookings, "clients": clients})

    report = office.exchange.import_bookings(path)

    assert report.imported == ["sess_1_ok", "sess_6_new"]
    reasons = {item["sessionId"]: item["reason"] for item in report.rejected}
    assert reasons == {
        "sess_2_far": "date 9999-12-31 is more than 3 years ahead (the latest bookable date "
        "is 2028-02-20)",
        "sess_3_past": "date 2020-01-01 is in the past (today is 2025-02-20)",
        "sess_4_dup": 'moduleIds names "module_tir" twice',
        "sess_5_who": 'clientId "client_nobody" is not a known client',
        "sess_7_late": 'createdAt "9999-12-31T23:59:59-14:00" is outside the years 1 to 9999 '
        "in UTC",
        "sess_8_early": 'createdAt "0001-01-01T00:00:00+01:00" is outside the years 1 to 9999 '
        "in UTC",
        "sess_9_conf": 'status is "confirmed"; only pending bookings travel from events',
        "sess_10_big": "requestedParticipants must be at most 100000, got 100000000000000000000",
        "sess_11_many": "13 participants exceeds capacity of 12. Limited by Tir de précision",
        "sess_12_off": 'offerId "offer_unknown" is not a known offer',
        "sess_13_mod": 'moduleIds "module_unknown" is not a known module',
        "sess_14_reg": 'regionId "atlantis" is not a known region',
        "sess_15_none": "moduleIds must name at least one id, got []",
        "sess_16_3y": "date 2028-02-21 is more than 3 years ahead (the latest bookable date "
        "is 2028-02-20)",
    }
    assert report.clients_added == ["client_new"]
    assert {row[0] for row in database_dump(database_url)["session"]} == {
        "sess_1_ok",
        "sess_6_new",
    }


def test_a_snapshot_with_an_unknown_field_is_refused(office: Workflows, tmp_path: Path) -> None:
    office.exchange.export_snapshot(tmp_path / "snapshot.json")
    snapshot_id, _ = snapshot_key(tmp_path / "snapshot.json")
    bundle = json.loads((tmp_path / "snapshot.json").read_text("utf-8"))
    bundle["content"]["allocations"] = [{**event_booking("sess_1_x"), "colour": "red"}]
    write_bundle(
        make_bundle("snapshot", bundle["content"], "office", dt.datetime(2025, 2, 20), snapshot_id),
        tmp_path / "changed.json",
    )
    laptop = open_workflows(f"sqlite:///{tmp_path / 'laptop.db'}", "laptop")
    before = database_dump(tmp_path / "laptop.db")

    with pytest.raises(BundleError, match='unknown field "colour"'):
        laptop.exchange.import_snapshot(tmp_path / "changed.json")

    assert database_dump(tmp_path / "laptop.db") == before
    laptop.store.close()


def test_a_laptop_on_an_unsigned_snapshot_is_told_to_take_a_new_one(
    laptop: Workflows, tmp_path: Path
) -> None:
    """An event database made before bundles were signed holds no key to sign with."""
    with laptop.store.writing() as tx:
        snapshot = json.loads(tx.setting("event_snapshot") or "{}")
        snapshot["snapshotId"] = ""
        tx.set_setting("event_snapshot", json.dumps(snapshot))

    with pytest.raises(BundleError, match="import a new snapshot from the office"):
        laptop.exchange.export_bookings(tmp_path / "bookings.json")

    assert not (tmp_path / "bookings.json").exists()
