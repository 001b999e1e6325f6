"""Fixtures shared by every test: a real SQLite database per test, on a fixed business date."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt runs without a display in tests; set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows

#: The seed's own "today": its examples book 2025-03-10 on 2025-02-20.
TODAY = dt.date(2025, 2, 20)
BOOKING_DAY = "2025-03-10"


def sample_reference() -> dict[str, object]:
    """Occitanie as in the seed (5 setups, 6 operators) and a small Bretagne."""
    return {
        "regions": [
            {"id": "occitanie", "name": "Occitanie"},
            {"id": "bretagne", "name": "Bretagne"},
        ],
        "setups": [
            *(
                {
                    "id": f"setup_occitanie_{n}",
                    "name": f"Setup Occitanie #{n}",
                    "regionId": "occitanie",
                }
                for n in range(1, 6)
            ),
            {"id": "setup_bretagne_1", "name": "Setup Bretagne #1", "regionId": "bretagne"},
            {
                "id": "setup_bretagne_2",
                "name": "Setup Bretagne #2",
                "regionId": "bretagne",
                "unavailableDates": ["2025-03-11"],
            },
        ],
        "operators": [
            *(
                {
                    "id": f"op_occitanie_{n}",
                    "name": f"Opérateur Occitanie {n}",
                    "regionId": "occitanie",
                }
                for n in range(1, 7)
            ),
            {"id": "op_bretagne_1", "name": "Opérateur Bretagne 1", "regionId": "bretagne"},
            {
                "id": "op_bretagne_2",
                "name": "Opérateur Bretagne 2",
                "regionId": "bretagne",
                "unavailableDates": ["2025-03-12"],
            },
        ],
        "modules": [
            {"id": "module_tir", "name": "Tir de précision", "capacityMax": 12},
            {"id": "module_scenario", "name": "Scénario tactique", "capacityMax": 16},
            {"id": "module_secourisme", "name": "Premiers secours", "capacityMax": 24},
        ],
        "clients": [
            {"id": "client_123", "name": "ACME", "email": "contact@acme.example", "phone": ""},
            {"id": "client_acme", "name": "ACME Sécurité", "email": "", "phone": ""},
        ],
        "offers": [{"id": "offer_456", "name": "Pack Pro"}],
    }


def booking_request(**overrides: object) -> dict[str, object]:
    """The seed's booking request, with fields replaced as a test needs."""
    request: dict[str, object] = {
        "clientId": "client_123",
        "regionId": "occitanie",
        "date": BOOKING_DAY,
        "moduleIds": ["module_tir", "module_scenario"],
        "requestedParticipants": 12,
        "offerId": "offer_456",
    }
    request.update(overrides)
    return {key: value for key, value in request.items() if value is not None}


def database_dump(path: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a database file, read with plain sqlite3."""
    connection = sqlite3.connect(str(path))
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }
    finally:
        connection.close()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bookings.db'}"


@pytest.fixture
def empty_store(database_url: str) -> Iterator[PeeweeStore]:
    store = PeeweeStore.open(database_url)
    yield store
    store.close()


@pytest.fixture
def workflows(empty_store: PeeweeStore) -> Workflows:
    """Workflows on a database holding :func:`sample_reference`, on :data:`TODAY`."""
    workflows = Workflows.create(empty_store, BusinessDateClock(TODAY), "tester")
    imported = workflows.reference.import_reference(sample_reference())
    assert imported.success, imported
    return workflows
