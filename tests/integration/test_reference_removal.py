"""Removing a reference entry made by mistake: only one nothing refers to, audited."""

from __future__ import annotations

import pytest

from dst_desktop.domain.errors import ErrorCode
from dst_desktop.services.reference import ReferenceRemoved
from dst_desktop.services.results import Failure
from dst_desktop.services.workflows import Workflows
from tests.conftest import booking_request, database_dump


@pytest.fixture
def with_mistakes(workflows: Workflows) -> Workflows:
    """The sample data plus one entry of each kind that nothing refers to."""
    result = workflows.reference.import_reference(
        {
            "regions": [{"id": "corse", "name": "Corse"}],
            "setups": [
                {
                    "id": "setup_typo",
                    "name": "Setup Occitanie #99",
                    "regionId": "occitanie",
                    "unavailableDates": ["2025-03-12", "2025-03-13"],
                }
            ],
            "operators": [
                {
                    "id": "op_typo",
                    "name": "Jeanne Dupond",
                    "regionId": "bretagne",
                    "unavailableDates": ["2025-04-01"],
                }
            ],
            "modules": [{"id": "module_typo", "name": "Tir de precison", "capacityMax": 8}],
            "clients": [{"id": "client_typo", "name": "ACNE"}],
            "offers": [{"id": "offer_typo", "name": "Pack Pr"}],
        }
    )
    assert result.success, result
    return workflows


@pytest.mark.parametrize(
    ("kind", "item_id", "name"),
    [
        ("regions", "corse", "Corse"),
        ("setups", "setup_typo", "Setup Occitanie #99"),
        ("operators", "op_typo", "Jeanne Dupond"),
        ("modules", "module_typo", "Tir de precison"),
        ("clients", "client_typo", "ACNE"),
        ("offers", "offer_typo", "Pack Pr"),
    ],
)
def test_an_entry_nothing_refers_to_is_removed_and_audited(
    with_mistakes: Workflows, database_url: str, kind: str, item_id: str, name: str
) -> None:
    assert with_mistakes.reference.uses(kind, item_id) == 0

    removed = with_mistakes.reference.remove(kind, item_id)

    assert removed == ReferenceRemoved(kind, item_id, name)
    reference = with_mistakes.queries.reference()
    assert item_id not in {item.id for item in getattr(reference, kind)}
    dump = database_dump(database_url)
    assert not any(item_id in row for table in dump.values() for row in table if table)
    audit = with_mistakes.store
    with audit.reading() as tx:
        last = tx.audit_log(1)[0]
    assert last.action == "remove_reference"
    assert last.details == {"kind": kind, "id": item_id, "name": name}


@pytest.mark.parametrize(
    ("kind", "item_id"),
    [
        ("regions", "occitanie"),  # its setups, operators and the booking
        ("setups", "setup_occitanie_1"),
        ("operators", "op_occitanie_1"),
        ("modules", "module_tir"),
        ("clients", "client_123"),
        ("offers", "offer_456"),
    ],
)
def test_an_entry_a_booking_refers_to_stays_whatever_the_booking_s_status(
    workflows: Workflows, database_url: str, kind: str, item_id: str
) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    assert created.success
    session_id = created.to_dict()["sessionId"]
    workflows.booking.confirm_session_booking(session_id)
    workflows.mission.cancel_mission(session_id, "Strike")  # history still refers to it
    before = database_dump(database_url)

    refused = workflows.reference.remove(kind, item_id)

    assert isinstance(refused, Failure)
    assert refused.error is ErrorCode.VALIDATION_ERROR
    assert refused.details["uses"] == workflows.reference.uses(kind, item_id) >= 1
    assert "take it out of service instead" in refused.message
    assert database_dump(database_url) == before


def test_a_region_with_setups_but_no_booking_stays(workflows: Workflows) -> None:
    assert workflows.reference.uses("regions", "bretagne") == 4  # 2 setups, 2 operators
    assert isinstance(workflows.reference.remove("regions", "bretagne"), Failure)


def test_an_unknown_entry_is_not_found(workflows: Workflows) -> None:
    refused = workflows.reference.remove("clients", "client_nobody")
    assert isinstance(refused, Failure) and refused.error is ErrorCode.NOT_FOUND
