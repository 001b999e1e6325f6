"""Presenters run without Qt: importing every one of them loads no PySide6 module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import dst_desktop.presenters


def test_presenters_import_no_qt() -> None:
    modules = [
        f"dst_desktop.presenters.{info.name}"
        for info in pkgutil.iter_modules(dst_desktop.presenters.__path__)
    ]
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
