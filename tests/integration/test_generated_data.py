"""Generated data obeys the rules, and the fast availability answers equal the slow ones.

The oracle below answers availability the straightforward way — every row read with
plain sqlite3, the SPEC 2.2 definitions applied day by day — so that no optimisation of
the store (cached reference data, hand-written SQL, range queries) can change a result.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dst_desktop.cli import main
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows

TODAY = dt.date(2026, 11, 25)
HOLDING = ("confirmed", "scheduled", "in_progress", "completed")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("generated") / "generated.db"
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "--database",
            f"sqlite:///{path}",
            "--today",
            TODAY.isoformat(),
            "generate-data",
            "--sessions",
            "6000",
            "--pending",
            "500",
            "--seed",
            "7",
        ],
        out,
        err,
    )
    assert code == 0, err.getvalue()
    assert "Generated 6000 sessions (500 pending)" in out.getvalue()
    return path


def test_generated_data_has_every_status_and_years_of_history(generated: Path) -> None:
    connection = sqlite3.connect(generated)
    statuses = dict(connection.execute("SELECT status, COUNT(*) FROM session GROUP BY status"))
    first, last = connection.execute("SELECT MIN(date), MAX(date) FROM session").fetchone()
    connection.close()
    assert set(statuses) == {
        "pending_confirmation",
        "confirmed",
        "scheduled",
        "in_progress",
        "completed",
        "cancelled",
    }
    assert statuses["pending_confirmation"] == 500
    assert sum(statuses.values()) == 6000
    assert dt.date.fromisoformat(first) < TODAY - dt.timedelta(days=100)
    assert dt.date.fromisoformat(last) > TODAY


def test_generated_allocations_obey_leave_and_maintenance(generated: Path) -> None:
    connection = sqlite3.connect(generated)
    on_leave = connection.execute(
        "SELECT COUNT(*) FROM session s JOIN operator_unavailable_date u"
        " ON u.operator_id = s.operator_id AND u.date = s.date WHERE s.status != 'cancelled'"
    ).fetchone()[0]
    in_maintenance = connection.execute(
        "SELECT COUNT(*) FROM session s JOIN setup_unavailable_date u"
        " ON u.setup_id = s.setup_id AND u.date = s.date WHERE s.status != 'cancelled'"
    ).fetchone()[0]
    cross_region = connection.execute(
        "SELECT COUNT(*) FROM session s JOIN setup x ON x.id = s.setup_id WHERE x.region_id != s.region_id"
    ).fetchone()[0]
    connection.close()
    assert (on_leave, in_maintenance, cross_region) == (0, 0, 0)


def oracle(path: Path, region: str, day: dt.date) -> dict[str, int]:
    """SPEC 2.2, read straight from the tables."""
    connection = sqlite3.connect(path)
    iso = day.isoformat()
    setups = [
        r[0]
        for r in connection.execute(
            "SELECT id FROM setup WHERE region_id = ? AND active", (region,)
        )
    ]
    all_setups = [
        r[0] for r in connection.execute("SELECT id FROM setup WHERE region_id = ?", (region,))
    ]
    maintenance = {
        r[0]
        for r in connection.execute(
            "SELECT setup_id FROM setup_unavailable_date WHERE date = ?", (iso,)
        )
    }
    operators = [
        r[0]
        for r in connection.execute(
            "SELECT id FROM operator WHERE region_id = ? AND active", (region,)
        )
    ]
    leave = {
        r[0]
        for r in connection.execute(
            "SELECT operator_id FROM operator_unavailable_date WHERE date = ?", (iso,)
        )
    }
    held = connection.execute(
        f"SELECT setup_id, operator_id FROM session WHERE date = ? AND status IN {HOLDING}", (iso,)
    ).fetchall()
    connection.close()
    held_setups = {s for s, _ in held}
    held_operators = {o for _, o in held}
    usable = [s for s in setups if s not in maintenance]
    free = [s for s in usable if s not in held_setups]
    operators_available = [o for o in operators if o not in leave and o not in held_operators]
    return {
        "totalSetups": len(usable),
        "usedSetups": len([s for s in all_setups if s in held_setups]),
        "freeSetups": len(free),
        "operatorsAvailable": len(operators_available),
        "availableSetups": min(len(free), len(operators_available)),
    }


REGIONS = ["bretagne", "corse", "ile_de_france", "occitanie", "provence_alpes_cote_d_azur"]


@settings(max_examples=40, deadline=None)
@given(region=st.sampled_from(REGIONS), offset=st.integers(min_value=-400, max_value=200))
def test_month_and_day_answers_equal_the_oracle(generated: Path, region: str, offset: int) -> None:
    day = TODAY + dt.timedelta(days=offset)
    store = PeeweeStore.open(f"sqlite:///{generated}")
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "oracle")
    month = {d.date: d for d in workflows.queries.month_availability(region, day.year, day.month)}
    fast = month[day]
    expected = oracle(generated, region, day)
    assert {
        "totalSetups": fast.total_setups,
        "usedSetups": fast.used_setups,
        "freeSetups": fast.free_setups,
        "operatorsAvailable": fast.operators_available,
        "availableSetups": fast.available_setups,
    } == expected
    if day >= TODAY:
        check = workflows.booking.check_availability(
            region, day.isoformat(), ["module_tir"], 1
        ).to_dict()
        availability = check["availability"]
        assert isinstance(availability, dict)
        assert {key: availability[key] for key in expected} == expected
    store.close()


@pytest.mark.parametrize("region", REGIONS)
def test_suggested_dates_equal_a_day_by_day_search(generated: Path, region: str) -> None:
    store = PeeweeStore.open(f"sqlite:///{generated}")
    workflows = Workflows.create(store, BusinessDateClock(TODAY), "oracle")
    fast = workflows.booking.get_suggested_dates(region, 8)
    store.close()
    slow: list[dt.date] = []
    day = TODAY
    while len(slow) < 8 and day < TODAY + dt.timedelta(days=365):
        day += dt.timedelta(days=1)
        if oracle(generated, region, day)["availableSetups"] >= 1:
            slow.append(day)
    assert fast == slow


def test_generate_data_refuses_more_pending_than_sessions(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "--database",
            f"sqlite:///{tmp_path / 'x.db'}",
            "generate-data",
            "--sessions",
            "5",
            "--pending",
            "9",
        ],
        out,
        err,
    )
    assert code == 2
    assert "--pending between 0 and --sessions" in err.getvalue()
    assert json.dumps(out.getvalue()) == '""'


@pytest.mark.parametrize("sessions", ["99999999999", "1000001", "-1"])
def test_generate_data_refuses_a_number_of_sessions_that_cannot_be_meant(
    tmp_path: Path, sessions: str
) -> None:
    out, err = io.StringIO(), io.StringIO()
    database = tmp_path / "x.db"
    code = main(
        ["--database", f"sqlite:///{database}", "generate-data", "--sessions", sessions], out, err
    )
    assert code == 2
    assert "--sessions must be between 0 and 1000000" in err.getvalue()
    assert "internal error" not in err.getvalue()
    assert not database.exists()
