"""The PostgreSQL column of the benchmark (``run_benchmarks.py --backend postgresql``).

The 100,000-session database the SQLite column uses is copied with ``copy-database`` into
a throw-away local PostgreSQL cluster (``tests/postgres_server.py``); every figure is then
set against a *floor*: the same question answered with bare psycopg, one hand-written
query or the same rows, on the same server, in the same run. The server is on this
machine (loopback): on a LAN each statement adds a round trip of 0.3–1 ms, which is why
the statement counts are printed too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from dst_desktop.api import open_workflows
from dst_desktop.persistence.copy import copy_database
from dst_desktop.persistence.store import PeeweeStore
from tests.benchmarks.workload import create_and_confirm
from tests.postgres_server import PostgresServer

#: The figure type and helpers of run_benchmarks.py, passed in to avoid a circular import.
Figure = Any

FLOOR_AVAILABILITY = """
SELECT
  (SELECT MIN(capacity_max) FROM module WHERE id = ANY(%(modules)s)) AS capacity,
  (SELECT COUNT(*) FROM setup s WHERE s.region_id = %(r)s AND s.active
     AND NOT EXISTS (SELECT 1 FROM setup_unavailable_date u
                     WHERE u.setup_id = s.id AND u.date = %(d)s)
     AND NOT EXISTS (SELECT 1 FROM session x WHERE x.setup_id = s.id AND x.date = %(d)s
                     AND x.status IN {holding})) AS free_setups,
  (SELECT COUNT(*) FROM operator o WHERE o.region_id = %(r)s AND o.active
     AND NOT EXISTS (SELECT 1 FROM operator_unavailable_date u
                     WHERE u.operator_id = o.id AND u.date = %(d)s)
     AND NOT EXISTS (SELECT 1 FROM session x WHERE x.operator_id = o.id AND x.date = %(d)s
                     AND x.status IN {holding})) AS free_operators
"""

FLOOR_SUGGESTIONS = """
SELECT d::date FROM generate_series(%(t)s::date + 1, %(t)s::date + 365, interval '1 day') AS d
WHERE LEAST(
    (SELECT COUNT(*) FROM setup s WHERE s.region_id = %(r)s AND s.active
       AND NOT EXISTS (SELECT 1 FROM setup_unavailable_date u
                       WHERE u.setup_id = s.id AND u.date = d::date)
       AND NOT EXISTS (SELECT 1 FROM session x WHERE x.setup_id = s.id AND x.date = d::date
                       AND x.status IN {holding})),
    (SELECT COUNT(*) FROM operator o WHERE o.region_id = %(r)s AND o.active
       AND NOT EXISTS (SELECT 1 FROM operator_unavailable_date u
                       WHERE u.operator_id = o.id AND u.date = d::date)
       AND NOT EXISTS (SELECT 1 FROM session x WHERE x.operator_id = o.id AND x.date = d::date
                       AND x.status IN {holding}))
  ) >= 1
ORDER BY d LIMIT %(n)s
"""


def bare_create_and_confirm(connection: psycopg.Connection[Any], counter: list[int]) -> None:
    """The rows a create and a confirm write, with bare psycopg, in two transactions."""
    counter[0] += 1
    session_id = f"sess_bare_pg_{counter[0]}"
    now = "2026-11-25 10:00:00"
    with connection.transaction():
        connection.execute(
            "INSERT INTO session (id, client_id, region_id, date, requested_participants,"
            " capacity_max, status, booking_source, created_at, notes) VALUES (%s, %s, %s, %s,"
            " 5, 12, 'pending_confirmation', 'back_office', %s, '')",
            (session_id, "client_acme_securite", "bretagne", "2027-05-20", now),
        )
        connection.execute(
            "INSERT INTO session_module (session_id, module_id, position)"
            " VALUES (%s, 'module_tir', 0)",
            (session_id,),
        )
        connection.execute(
            "INSERT INTO audit_entry (at, actor, action, session_id, details)"
            " VALUES (%s, 'b', 'create', %s, '{}')",
            (now, session_id),
        )
    with connection.transaction():
        connection.execute("SELECT status FROM session WHERE id = %s FOR UPDATE", (session_id,))
        connection.execute(
            "UPDATE session SET status = 'cancelled', setup_id = 'setup_bretagne_1',"
            " operator_id = 'op_bretagne_1', confirmed_at = %s WHERE id = %s",
            (now, session_id),
        )
        connection.execute(
            "INSERT INTO audit_entry (at, actor, action, session_id, details)"
            " VALUES (%s, 'b', 'confirm', %s, '{}')",
            (now, session_id),
        )


def postgres_figures(
    big: Path,
    make_figure: Callable[..., Figure],
    median_time: Callable[..., float],
    window_probe: Callable[[str, int], tuple[float, float]],
    fill_region_for_days: Callable[[str, int], str],
    constants: dict[str, Any],
    repeat: int,
    process_repeat: int,
) -> tuple[list[Figure], list[tuple[str, int]]]:
    """The PostgreSQL figures, and the statements each operation sends."""
    today: dt.date = constants["TODAY"]
    day: str = constants["DAY"]
    region: str = constants["REGION"]
    modules: list[str] = constants["MODULES"]
    holding: str = constants["HOLDING"]
    figures: list[Figure] = []
    print("Starting a throw-away PostgreSQL server…", flush=True)
    server = PostgresServer.create()
    try:
        url = server.url(server.new_database("bench"))
        start = time.perf_counter()
        copied = copy_database(f"sqlite:///{big}", url)
        copy_ms = (time.perf_counter() - start) * 1000
        print(f"copy-database: {copied.total} rows in {copy_ms / 1000:.1f} s", flush=True)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
        full = fill_region_for_days(url, 200)

        with open_workflows(url, today) as api, psycopg.connect(url) as bare:
            booking = api.workflows.booking
            check = lambda: booking.check_availability(region, day, modules, 10)  # noqa: E731
            answer = check().to_dict()
            floor_sql = FLOOR_AVAILABILITY.format(holding=holding)
            params = {"modules": modules, "r": region, "d": day}
            floor_row = bare.execute(floor_sql, params).fetchone()
            bare.rollback()
            availability = answer["availability"]
            assert floor_row is not None and (floor_row[1], floor_row[2]) == (
                availability["freeSetups"],  # type: ignore[index]
                availability["operatorsAvailable"],  # type: ignore[index]
            ), "floor disagrees"

            def floor_check() -> None:
                bare.execute(floor_sql, params).fetchone()
                bare.rollback()

            measured = median_time(check, repeat)
            floor = median_time(floor_check, repeat)
            figures.append(
                make_figure(
                    "PostgreSQL: checkAvailability (100,000 sessions)",
                    measured,
                    floor,
                    "ms",
                    "≤ 10",
                    "one bare psycopg query",
                    measured / floor <= 10,
                )
            )

            suggestions_sql = FLOOR_SUGGESTIONS.format(holding=holding)
            suggestion_params = {"r": full, "t": today.isoformat(), "n": 5}
            suggested = booking.get_suggested_dates(full, 5)
            floor_dates = [row[0] for row in bare.execute(suggestions_sql, suggestion_params)]
            bare.rollback()
            assert suggested == floor_dates, (suggested, floor_dates)

            def floor_suggest() -> None:
                bare.execute(suggestions_sql, suggestion_params).fetchall()
                bare.rollback()

            measured = median_time(lambda: booking.get_suggested_dates(full, 5), repeat)
            floor = median_time(floor_suggest, repeat)
            figures.append(
                make_figure(
                    "PostgreSQL: getSuggestedDates, next 200 days full",
                    measured,
                    floor,
                    "ms",
                    "≤ 3",
                    "one bare psycopg query over a year",
                    measured / floor <= 3,
                )
            )

            bare.autocommit = True
            counter = [0]
            measured = median_time(lambda: create_and_confirm(api.workflows), max(10, repeat // 2))
            floor = median_time(
                lambda: bare_create_and_confirm(bare, counter), max(10, repeat // 2)
            )
            figures.append(
                make_figure(
                    "PostgreSQL: create + confirm",
                    measured,
                    floor,
                    "ms",
                    "≤ 15",
                    "the same rows with bare psycopg",
                    measured / floor <= 15,
                )
            )
            counts = statement_counts(api.workflows, region, day, modules)

        window_ms, _memory = window_probe(url, process_repeat)
        bare_ms, _ = window_probe("bare", process_repeat)
        figures.append(
            make_figure(
                "PostgreSQL: cold start of the window (100,000 sessions)",
                window_ms,
                bare_ms,
                "ms",
                "≤ 1.5",
                "a bare PySide6 window",
                window_ms / bare_ms <= 1.5,
            )
        )
        figures.append(
            make_figure(
                "copy-database SQLite → PostgreSQL (100,000 sessions)",
                copy_ms,
                copy_ms,
                "ms",
                "—",
                f"{copied.total} rows, all or nothing",
                True,
                "—",
            )
        )
    finally:
        server.remove()
    return figures, counts


def statement_counts(
    workflows: Any, region: str, day: str, modules: list[str]
) -> list[tuple[str, int]]:
    """Statements per operation (reference data cached), transaction control aside."""
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    booking = workflows.booking
    free = booking.get_suggested_dates("bretagne", 1)
    request = {
        "clientId": "client_acme_securite",
        "regionId": "bretagne",
        "date": free[0].isoformat(),
        "moduleIds": ["module_tir"],
        "requestedParticipants": 5,
    }
    created: list[Any] = []
    operations: list[tuple[str, Callable[[], object]]] = [
        ("checkAvailability", lambda: booking.check_availability(region, day, modules, 10)),
        ("createSessionBooking", lambda: created.append(booking.create_session_booking(request))),
        ("confirmSessionBooking", lambda: booking.confirm_session_booking(created[0].session.id)),
        ("a month of the calendar", lambda: workflows.queries.month_availability(region, 2026, 12)),
        ("getSuggestedDates", lambda: booking.get_suggested_dates(region, 5)),
    ]
    rows = []
    for name, operation in operations:
        with store.counting_statements() as sent:
            operation()
        rows.append((name, len(sent)))
        if created:
            assert created[0].success, created[0]
    return rows
