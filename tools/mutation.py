"""Mutation testing of the rules, the allocation path and the printed reports.

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python tools/mutation.py                  # every mutant of [tool.mutmut]
    .venv/bin/python tools/mutation.py --score          # the score of the last run only
    .venv/bin/mutmut results                            # the surviving mutants
    .venv/bin/mutmut show NAME                          # one of them, as a diff

mutmut (configured in ``pyproject.toml``) copies the package to ``mutants/``, changes one
operator, constant or call at a time, and runs the tests that reach the changed
function; a mutant no test notices has "survived". The tests run on SQLite and on one
throw-away PostgreSQL server started here and shared by every mutant's run (each would
otherwise start its own). Slow — about an hour on two cores — so it is not part of the
test suite or CI; a second run only tests the mutants of functions that changed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The groups the README reports, by the start of a mutant's module name.
GROUPS = {
    "domain": ("dst_desktop.domain.",),
    "allocation path (availability, booking)": (
        "dst_desktop.services.availability.",
        "dst_desktop.services.booking.",
    ),
    "persistence backends": ("dst_desktop.persistence.backends.",),
    "reports": ("dst_desktop.reports.",),
}
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


def scores() -> dict[str, Counter[str]]:
    """Mutants by status, per group, from mutmut's results of the last run."""
    listed = mutmut("results", "--all", "true", capture=True)
    by_group: dict[str, Counter[str]] = {group: Counter() for group in GROUPS}
    for line in listed.stdout.splitlines():
        match = _RESULT_LINE.match(line)
        if match is None:
            continue
        name = match["name"]
        for group, prefixes in GROUPS.items():
            if name.startswith(prefixes):
                by_group[group][match["status"]] += 1
    return by_group


def print_scores() -> None:
    print(f"{'group':42} {'mutants':>8} {'killed':>8} {'survived':>9} {'score':>7}")
    for group, counts in scores().items():
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        tested = total - counts["no tests"] - counts["not checked"] - counts["skipped"]
        score = f"{100 * killed / tested:.1f}%" if tested else "-"
        print(f"{group:42} {total:8} {killed:8} {counts['survived']:9} {score:>7}")
        others = {k: v for k, v in counts.items() if k not in ("killed", "survived", "timeout")}
        if others:
            print(f"{'':42} ({', '.join(f'{k}: {v}' for k, v in sorted(others.items()))})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--score", action="store_true", help="only print the last run's score")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("mutants", nargs="*", help="mutant names or globs (default: all)")
    options = parser.parse_args()
    if not options.score:
        from tests.postgres_server import (
            SHARED_SERVER_VARIABLE,
            PostgresServer,
            ServerUnavailableError,
        )

        try:
            server: PostgresServer | None = PostgresServer.create()
        except ServerUnavailableError as error:
            print(f"PostgreSQL tests will be skipped: {error}", file=sys.stderr)
            server = None
        try:
            if server is not None:
                os.environ[SHARED_SERVER_VARIABLE] = server.shared_description()
            mutmut("run", "--max-children", str(options.max_children), *options.mutants)
        finally:
            if server is not None:
                server.remove()
    print_scores()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
