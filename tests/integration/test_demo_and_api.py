"""The demo data set and the Python API."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from dst_desktop import paths
from dst_desktop.api import open_workflows
from dst_desktop.cli import ensure_demo_data

DEMO_TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    made = ensure_demo_data(f"sqlite:///{path}", DEMO_TODAY, "demo")
    assert made > 200
    return path


def test_demo_reference_data_is_metropolitan_france() -> None:
    reference = json.loads(paths.resource_path("demo", "reference.json").read_text("utf-8"))
    assert len(reference["regions"]) == 13
    setups = Counter(s["regionId"] for s in reference["setups"])
    assert set(setups) == {r["id"] for r in reference["regions"]}
    assert all(2 <= n <= 6 for n in setups.values())
    capacities = [m["capacityMax"] for m in reference["modules"]]
    assert len(capacities) >= 8 and min(capacities) >= 6 and max(capacities) <= 24
    assert len(reference["clients"]) == 40
    assert any("é" in m["name"] for m in reference["modules"])


def test_demo_has_bookings_in_every_status_around_today(demo_db: Path) -> None:
    connection = sqlite3.connect(demo_db)
    statuses = dict(
        connection.execute("SELECT status, COUNT(*) FROM session GROUP BY status").fetchall()
    )
    dates = connection.execute("SELECT MIN(date), MAX(date) FROM session").fetchone()
    leave = connection.execute("SELECT COUNT(*) FROM operator_unavailable_date").fetchone()[0]
    maintenance = connection.execute("SELECT COUNT(*) FROM setup_unavailable_date").fetchone()[0]
    connection.close()
    assert set(statuses) == {
        "pending_confirmation",
        "confirmed",
        "scheduled",
        "in_progress",
        "completed",
        "cancelled",
    }
    assert dt.date.fromisoformat(dates[0]) < DEMO_TODAY < dt.date.fromisoformat(dates[1])
    assert leave > 20 and maintenance > 10


def test_demo_obeys_the_allocation_rules(demo_db: Path) -> None:
    connection = sqlite3.connect(demo_db)
    clashes = connection.execute(
        "SELECT date, setup_id, COUNT(*) FROM session"
        " WHERE status IN ('confirmed','scheduled','in_progress','completed')"
        " GROUP BY date, setup_id HAVING COUNT(*) > 1"
    ).fetchall()
    on_leave = connection.execute(
        "SELECT COUNT(*) FROM session s JOIN operator_unavailable_date u"
        " ON u.operator_id = s.operator_id AND u.date = s.date"
        " WHERE s.status IN ('confirmed','scheduled','in_progress','completed')"
        "   AND s.confirmed_at < u.date"
    ).fetchone()[0]
    connection.close()
    assert clashes == []
    # Leave is entered before the demo's bookings, so nobody was sent on a leave day.
    assert on_leave == 0


def test_demo_is_built_once(demo_db: Path) -> None:
    assert ensure_demo_data(f"sqlite:///{demo_db}", DEMO_TODAY, "demo") == 0


def test_python_api_mirrors_the_seed(tmp_path: Path) -> None:
    with open_workflows(
        f"sqlite:///{tmp_path / 'api.db'}", today=dt.date(2025, 2, 20), actor="script"
    ) as wf:
        reference = json.loads(paths.resource_path("demo", "reference.json").read_text("utf-8"))
        assert wf.reference.import_reference(reference)["success"] is True
        created = wf.booking.create_session_booking(
            {
                "clientId": "client_acme_securite",
                "regionId": "occitanie",
                "date": "2025-03-10",
                "moduleIds": ["module_tir", "module_scenario"],
                "requestedParticipants": 10,
                "offerId": "offer_pro",
            }
        )
        assert created["success"] is True, created
        session_id = created["sessionId"]
        assert wf.booking.get_booking_status(session_id)["isPending"] is True
        confirmed = wf.booking.confirm_session_booking(session_id)
        assert confirmed["allocatedSetupId"] == "setup_occitanie_1"
        assert wf.mission.start_mission(session_id)["status"] == "in_progress"
        assert wf.mission.complete_mission(session_id, "terminee")["status"] == "completed"
        assert wf.booking.get_suggested_dates("occitanie", 2) == ["2025-02-21", "2025-02-22"]
        trail = wf.workflows.queries.audit_trail(session_id)
        assert {entry.actor for entry in trail} == {"script"}
