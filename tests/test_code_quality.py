"""The house rules, checked on every run: layers, lint, format, types."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / command[0]
    program = str(executable) if executable.exists() else shutil.which(command[0])
    if program is None:
        pytest.fail(
            f"{command[0]} is not installed; install the test extras: pip install -e '.[test]'"
        )
    return subprocess.run(
        [program, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def test_layer_contracts_hold() -> None:
    result = run_tool("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = run_tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
