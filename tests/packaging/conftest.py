"""The build scripts in ``packaging/`` are scripts, not a package: tests load them by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"

# bundle_contents and icu_data import their neighbour ``elf`` as the spec file does.
if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))


def packaging_script(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module (named ``packaging_<name>`` to clash with nothing)."""
    module_name = f"packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
