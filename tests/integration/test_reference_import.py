"""Reference data import: insert or update by id, all or nothing (SPEC 3.2)."""

from __future__ import annotations

import copy

import pytest

from dst_desktop.services.workflows import Workflows
from tests.conftest import database_dump, sample_reference


def test_import_reports_what_was_added(workflows: Workflows) -> None:
    result = workflows.reference.import_reference(
        {
            "regions": [{"id": "corse", "name": "Corse"}],
            "modules": [{"id": "m", "name": "M", "capacityMax": 6}],
        }
    ).to_dict()
    assert result["success"] is True
    assert result["added"] == {"regions": ["corse"], "modules": ["m"]}
    assert result["updated"] == {}


def test_reimport_updates_by_id(workflows: Workflows) -> None:
    data = sample_reference()
    operators = data["operators"]
    assert isinstance(operators, list)
    operators[0]["name"] = "Camille Martin"
    operators[0]["unavailableDates"] = ["2025-03-10"]

    result = workflows.reference.import_reference(data).to_dict()

    updated = result["updated"]
    assert isinstance(updated, dict)
    assert "op_occitanie_1" in updated["operators"]
    assert result["added"] == {}
    op = next(o for o in workflows.queries.reference().operators if o.id == "op_occitanie_1")
    assert op.name == "Camille Martin"
    check = workflows.booking.check_availability(
        "occitanie", "2025-03-10", ["module_tir"], 3
    ).to_dict()
    availability = check["availability"]
    assert isinstance(availability, dict)
    assert availability["operatorsAvailable"] == 5


def test_active_defaults_to_true_and_dates_to_none(workflows: Workflows) -> None:
    workflows.reference.import_reference(
        {"setups": [{"id": "s_new", "name": "New", "regionId": "bretagne"}]}
    )
    setup = next(s for s in workflows.queries.reference().setups if s.id == "s_new")
    assert setup.active is True
    assert setup.unavailable_dates == frozenset()


def test_a_region_may_come_from_the_same_file(workflows: Workflows) -> None:
    result = workflows.reference.import_reference(
        {
            "setups": [{"id": "setup_corse_1", "name": "Setup Corse #1", "regionId": "corse"}],
            "regions": [{"id": "corse", "name": "Corse"}],
        }
    )
    assert result.success
    setup = next(s for s in workflows.queries.reference().setups if s.id == "setup_corse_1")
    assert setup.region_id == "corse"


def broken(path: str, value: object) -> dict[str, object]:
    """The sample reference data with one value replaced (``setups.1.regionId``)."""
    data = copy.deepcopy(sample_reference())
    kind, index, field = path.split(".")
    entries = data[kind]
    assert isinstance(entries, list)
    if value is KeyError:
        del entries[int(index)][field]
    else:
        entries[int(index)][field] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"region": []}, 'the reference data has an unknown field "region"'),
        ({"regions": {}}, "regions must be a list, got {}"),
        ({"regions": ["occitanie"]}, 'regions[0] must be an object, got "occitanie"'),
        (
            broken("setups.1.regionId", "atlantis"),
            'setups[1] (id "setup_occitanie_2"): regionId "atlantis" is neither in the file nor in the database',
        ),
        (
            broken("setups.0.active", "yes"),
            'setups[0] (id "setup_occitanie_1"): active must be true or false, got "yes"',
        ),
        (
            broken("operators.7.unavailableDates", ["2025-02-30"]),
            'operators[7] (id "op_bretagne_2"): unavailableDates[0] "2025-02-30" is not a real date',
        ),
        (
            broken("modules.0.capacityMax", 0),
            'modules[0] (id "module_tir"): capacityMax must be at least 1, got 0',
        ),
        (broken("modules.1.capacityMax", "12"), "capacityMax must be a whole number"),
        # A new entry must be complete; a stored one keeps what the entry leaves out.
        ({"clients": [{"id": "client_new"}]}, 'clients[0] (id "client_new"): name is required'),
        (
            {"setups": [{"id": "setup_new", "name": "New"}]},
            'setups[0] (id "setup_new"): regionId is required',
        ),
        (
            {"modules": [{"id": "module_new", "name": "New"}]},
            'modules[0] (id "module_new"): capacityMax is required',
        ),
        (broken("clients.0.colour", "red"), 'clients[0] has an unknown field "colour"'),
        (broken("offers.0.id", ""), "offers[0].id"),
        (
            broken("modules.2.id", "module_tir"),
            'modules[2] (id "module_tir"): duplicate id in modules',
        ),
    ],
)
def test_a_bad_file_is_rejected_whole(
    workflows: Workflows, database_url: str, data: object, message: str
) -> None:
    before = database_dump(database_url)

    result = workflows.reference.import_reference(data).to_dict()

    assert result["success"] is False
    assert result["error"] == "VALIDATION_ERROR"
    assert message in str(result["message"]) or message == result.get("field")
    assert database_dump(database_url) == before


def test_an_import_is_audited(workflows: Workflows) -> None:
    with workflows.store.reading() as tx:
        log = tx.audit_log()
    assert log[0].action == "import_reference"
    assert log[0].details["added"] == {
        "clients": 2,
        "modules": 3,
        "offers": 1,
        "operators": 8,
        "regions": 2,
        "setups": 7,
    }


SIX_PROBLEMS: dict[str, object] = {
    "regions": [{"id": "corse"}],  # no name
    "setups": [
        {"id": "setup_x", "name": "Setup X", "regionId": "atlantis"},  # unknown region
        {"id": "setup_y", "name": "Setup Y", "regionId": "corse", "active": "yes"},  # not bool
    ],
    "operators": [
        {"id": "op_x", "name": "Op X", "regionId": "corse", "unavailableDates": ["2025-02-30"]}
    ],
    "modules": [
        {"id": "m1", "name": "M", "capacityMax": 0},  # below 1
        {"id": "m1", "name": "M again", "capacityMax": 6},  # duplicate id
    ],
    "offers": [{"id": "offer_ok", "name": "Fine"}],
}


def test_every_problem_of_a_file_is_reported_and_nothing_is_imported(
    workflows: Workflows, database_url: str
) -> None:
    before = database_dump(database_url)

    result = workflows.reference.import_reference(SIX_PROBLEMS).to_dict()

    assert result["success"] is False
    assert result["error"] == "VALIDATION_ERROR"
    message = str(result["message"])
    assert message.startswith("6 problems in the reference data:")
    for where in (
        'regions[0] (id "corse"): name',
        'setups[0] (id "setup_x"): regionId "atlantis"',
        'setups[1] (id "setup_y"): active must be true or false',
        'operators[0] (id "op_x")',
        'modules[0] (id "m1")',
        'modules[1] (id "m1"): duplicate id in modules',
    ):
        assert where in message, where
    assert len(result["problems"]) == 6  # type: ignore[arg-type]
    assert database_dump(database_url) == before


def test_a_single_problem_reads_as_before(workflows: Workflows) -> None:
    result = workflows.reference.import_reference(
        {"setups": [{"id": "setup_x", "name": "Setup X", "regionId": "atlantis"}]}
    ).to_dict()
    assert result["message"] == (
        'setups[0] (id "setup_x"): regionId "atlantis" is neither in the file nor in the database'
    )
    assert "problems" not in result


def test_an_entry_without_a_usable_id_is_named_by_its_place(workflows: Workflows) -> None:
    result = workflows.reference.import_reference(
        {
            "regions": [{"id": "r\u202e1", "name": "Nord"}],
            "clients": [{"name": "ACME"}],
        }
    ).to_dict()
    message = str(result["message"])
    assert 'regions[0]: id "r[RLO]1" is not a valid id' in message
    assert "clients[0]: id is required" in message
    assert "\u202e" not in message
