"""Mutation testing of the availability rules, the allocation path and the printed reports.

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python tools/mutation.py                  # the mutants of SCOPE below
    .venv/bin/python tools/mutation.py --survivors      # again, only those not killed yet
    .venv/bin/python tools/mutation.py --score          # the score of the last run only
    .venv/bin/mutmut results                            # the surviving mutants
    .venv/bin/mutmut show NAME                          # one of them, as a diff

mutmut (configured in ``pyproject.toml``: the files it copies and mutates, the tests it
runs) changes one operator, constant or call at a time and runs the tests that reach
the changed function; a mutant no test notices has "survived". Two passes: the rules,
the services, SQLite and the reports against the SQLite half of the tests; then the
PostgreSQL backend against its half, on one throw-away server started here and shared
by every mutant's run. Slow (about an hour on two cores), so it is not part of the test
suite or CI; after adding tests, ``--survivors`` tries only the mutants that survived.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: What is mutated, as mutmut's mutant names (module, then ``x_function`` or
#: ``xǁClassǁmethod``): the pure rules, the availability engine and the confirmation (the
#: allocation path), the backends' recognition of a refused double allocation, and the
#: escaping and layout of the booking summary and the day sheet.
SCOPE = {
    "domain": [
        "dst_desktop.domain.rules.*",
        "dst_desktop.domain.statuses.*",
        "dst_desktop.domain.model.*",
    ],
    "allocation path (availability, confirm)": [
        "dst_desktop.services.availability.*",
        *(
            f"dst_desktop.services.booking.{name}__mutmut_*"
            for name in (
                "xǁBookingWorkflowǁconfirm_session_booking",
                "xǁBookingWorkflowǁ_confirm_once",
                "xǁBookingWorkflowǁ_alternatives",
                "xǁBookingWorkflowǁ_audit",
                "x_away_from_the_office",
                "x_event_mode_failure",
                "x_session_not_found",
                "x_no_setups_message",
            )
        ),
    ],
    "persistence backends (allocation refusals)": [
        "dst_desktop.persistence.backends.sqlite.x_is_allocation_conflict__mutmut_*",
        "dst_desktop.persistence.backends.sqlite.xǁSqliteBackendǁtranslate__mutmut_*",
        "dst_desktop.persistence.backends.sqlite.xǁSqliteBackendǁtransaction__mutmut_*",
        "dst_desktop.persistence.backends.postgresql.x_driver_error__mutmut_*",
        "dst_desktop.persistence.backends.postgresql.xǁPostgresBackendǁtranslate__mutmut_*",
        "dst_desktop.persistence.backends.postgresql.xǁPostgresBackendǁtransaction__mutmut_*",
    ],
    "reports (summary, day sheet, escaping)": [
        "dst_desktop.reports.document.*",
        "dst_desktop.reports.booking_summary.*",
        "dst_desktop.reports.day_sheet.*",
    ],
}
#: Mutants tested against the PostgreSQL half of the tests; the others against SQLite's.
POSTGRESQL_MUTANTS = "dst_desktop.persistence.backends.postgresql."
_RESULT_LINE = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+): (?P<status>.+)$")


def mutmut(*arguments: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).with_name("mutmut")
    return subprocess.run(
        [str(executable), *arguments],
        cwd=ROOT,
        check=False,
        text=True,
        capture_output=capture,
    )


def in_scope(name: str) -> str | None:
    """The group of SCOPE a mutant belongs to, if any."""
    for group, patterns in SCOPE.items():
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            return group
    return None


def statuses() -> dict[str, str]:
    """Every mutant of the last runs and its status, from mutmut's results."""
    listed = mutmut("results", "--all", "true", capture=True)
    found = {}
    for line in listed.stdout.splitlines():
        match = _RESULT_LINE.match(line)
        if match is not None:
            found[match["name"]] = match["status"]
    return found


def print_scores() -> None:
    by_group: dict[str, Counter[str]] = {group: Counter() for group in SCOPE}
    for name, status in statuses().items():
        group = in_scope(name)
        if group is not None:
            by_group[group][status] += 1
    print(f"{'group':44} {'mutants':>8} {'killed':>8} {'survived':>9} {'score':>7}")
    for group, counts in by_group.items():
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        tested = killed + counts["survived"]
        score = f"{100 * killed / tested:.1f}%" if tested else "-"
        print(f"{group:44} {total:8} {killed:8} {counts['survived']:9} {score:>7}")
        others = {k: v for k, v in counts.items() if k not in ("killed", "survived", "timeout")}
        if others:
            print(f"{'':44} ({', '.join(f'{k}: {v}' for k, v in sorted(others.items()))})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--score", action="store_true", help="only print the last run's score")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="test again only the mutants not killed yet (survived, or not reached)",
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    if not options.score:
        children = ("--max-children", str(options.max_children))
        patterns = [pattern for group in SCOPE.values() for pattern in group]
        if options.survivors:
            patterns = [
                name
                for name, status in statuses().items()
                if status in ("survived", "not checked") and in_scope(name) is not None
            ]
        on_sqlite = [p for p in patterns if not p.startswith(POSTGRESQL_MUTANTS)]
        on_postgresql = [p for p in patterns if p.startswith(POSTGRESQL_MUTANTS)]
        if on_sqlite:
            os.environ["DST_TEST_POSTGRESQL"] = "skip"
            mutmut("run", *children, *on_sqlite)
            del os.environ["DST_TEST_POSTGRESQL"]
        if on_postgresql:
            from tests.postgres_server import SHARED_SERVER_VARIABLE, PostgresServer

            server = PostgresServer.create()
            try:
                os.environ[SHARED_SERVER_VARIABLE] = server.shared_description()
                mutmut("run", *children, *on_postgresql)
            finally:
                server.remove()
    print_scores()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
