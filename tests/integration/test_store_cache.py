"""Reference data kept in memory is never stale: a change by another workstation shows."""

from __future__ import annotations

import pytest

from dst_desktop.domain.model import Operator, Region, SessionFilter
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request


def test_a_change_by_another_workstation_is_seen_by_the_next_call(
    workflows: Workflows, database_url: str
) -> None:
    assert (
        workflows.booking.check_availability("bretagne", "2025-03-10", ["module_tir"], 3).to_dict()[
            "availability"
        ]["operatorsAvailable"]
        == 2
    )  # type: ignore[index]
    other = PeeweeStore.open(database_url)
    Workflows.create(other, BusinessDateClock(TODAY), "other").reference.import_reference(
        {"operators": [{"id": "op_bretagne_3", "name": "New", "regionId": "bretagne"}]}
    )
    other.close()

    check = workflows.booking.check_availability(
        "bretagne", "2025-03-10", ["module_tir"], 3
    ).to_dict()

    assert check["availability"]["operatorsAvailable"] == 3  # type: ignore[index]


def test_a_rolled_back_change_never_reaches_the_cache(workflows: Workflows) -> None:
    with pytest.raises(RuntimeError), workflows.store.writing() as tx:
        tx.save_region(Region("atlantis", "Atlantis"))
        assert tx.region("atlantis") is not None  # seen inside its own transaction
        raise RuntimeError("abandon")

    assert [region.id for region in workflows.queries.reference().regions] == [
        "bretagne",
        "occitanie",
    ]
    assert (
        workflows.booking.create_session_booking(booking_request(regionId="atlantis")).to_dict()[
            "error"
        ]
        == "VALIDATION_ERROR"
    )


def test_leave_added_later_changes_availability(workflows: Workflows) -> None:
    with workflows.store.writing() as tx:
        tx.save_operator(
            Operator(
                "op_bretagne_1",
                "Opérateur Bretagne 1",
                "bretagne",
                True,
                frozenset({TODAY.replace(day=25)}),
            )
        )
    check = workflows.booking.check_availability(
        "bretagne", "2025-02-25", ["module_tir"], 3
    ).to_dict()
    assert check["availability"]["operatorsAvailable"] == 1  # type: ignore[index]


@pytest.mark.parametrize("typed", ["école", "ÉCOLE", "ecole", "Nationale", "NATIONALE"])
def test_search_ignores_case_and_accents(workflows: Workflows, typed: str) -> None:
    workflows.reference.import_reference(
        {"clients": [{"id": "client_ecole", "name": "ÉCOLE NATIONALE"}]}
    )
    created = workflows.booking.create_session_booking(booking_request(clientId="client_ecole"))
    assert created.success
    workflows.booking.create_session_booking(booking_request())

    found = workflows.queries.sessions(SessionFilter(text=typed))

    assert [session.client_id for session in found] == ["client_ecole"]


def test_search_treats_percent_and_underscore_literally(workflows: Workflows) -> None:
    workflows.booking.create_session_booking(booking_request(notes="100% sure"))
    workflows.booking.create_session_booking(booking_request(notes="1000 sure"))
    found = workflows.queries.sessions(SessionFilter(text="100%"))
    assert [session.notes for session in found] == ["100% sure"]
