"""Build the standalone DST Desktop: ``python packaging/build.py``.

Makes ``dist/dst-desktop/`` (the folder to copy onto a workstation or an event laptop,
with the executable ``dst-desktop``, ``dst-desktop.exe`` on Windows) and the archive
``dist/dst-desktop-<version>-<platform>.tar.gz`` (``.zip`` on Windows), then prints the
folder's size and how fast the program answers ``--version``.

PyInstaller and the application's dependencies come from the project's ``packaging``
extra (``pip install -e '.[packaging]'``): into the running interpreter's environment when
it is a virtual environment, otherwise into ``build/venv`` (created on first use), so
that a plain ``python3 packaging/build.py`` never installs into the system's Python.

Options: ``--clean`` (rebuild from scratch, without PyInstaller's cache), ``--self-test``
(run the built program's self-test afterwards), ``--no-archive``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dst-desktop.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUILD_VENV = BUILD / "venv"
NAME = "dst-desktop"
IS_WINDOWS = sys.platform == "win32"
#: The folder must stay under this size (decimal megabytes), see the README.
SIZE_BUDGET_MB = 100.0
#: Modules the build imports: PyInstaller and what the application needs to be analysed.
BUILD_MODULES = ("PyInstaller", "PySide6", "peewee", "platformdirs")


def project_version() -> str:
    text = (ROOT / "dst_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("dst_desktop/__init__.py has no __version__")
    return match.group(1)


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-x86_64``, ``macos-arm64``..."""
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    machine = platform.machine().lower()
    return f"{system}-{ {'amd64': 'x86_64', 'x64': 'x86_64'}.get(machine, machine) }"


def executable_path(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if IS_WINDOWS else NAME)


def archive_path(version: str, tag: str) -> Path:
    suffix = ".zip" if tag.startswith("windows") else ".tar.gz"
    return DIST / f"{NAME}-{version}-{tag}{suffix}"


def packaging_requirement() -> str:
    """The PyInstaller requirement of the ``packaging`` extra (``pyinstaller>=6.6``)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted: list[str] = project["optional-dependencies"]["packaging"]
    return next(item for item in wanted if item.lower().startswith("pyinstaller"))


def missing_for_build() -> list[str]:
    """What the running interpreter lacks to build: modules, or a PyInstaller too old."""
    missing = [name for name in BUILD_MODULES if importlib.util.find_spec(name) is None]
    if "PyInstaller" not in missing:
        from packaging.requirements import Requirement  # a dependency of PyInstaller

        requirement = Requirement(packaging_requirement())
        installed = importlib.metadata.version("pyinstaller")
        if not requirement.specifier.contains(installed, prereleases=True):
            missing.append(f"{requirement} (installed: {installed})")
    return missing


def in_virtual_environment() -> bool:
    return sys.prefix != sys.base_prefix


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")


def install_build_requirements(python: Path | str) -> None:
    print(f"Installing the packaging extra into {Path(python).parent.parent} ...", flush=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[packaging]"],
        check=True,
    )


def ensure_build_environment(argv: Sequence[str]) -> int | None:
    """Install what the build needs; when that means ``build/venv``, run the build there.

    Returns the exit status of the build run in ``build/venv``, or None to build here.
    """
    missing = missing_for_build()
    if not missing:
        return None
    print(f"Missing for the build: {', '.join(missing)}", flush=True)
    if in_virtual_environment():
        install_build_requirements(sys.executable)
        return None
    python = venv_python(BUILD_VENV)
    if not python.exists():
        print(f"Creating {BUILD_VENV.relative_to(ROOT)} (the system's Python stays as it is)")
        subprocess.run([sys.executable, "-m", "venv", str(BUILD_VENV)], check=True)
    install_build_requirements(python)
    command = [str(python), str(Path(__file__).resolve()), *argv]
    return subprocess.run(command, check=False).returncode


def check_build_tools() -> None:
    """Linux: PyInstaller strips binaries and the spec rebuilds ICU's data library."""
    if not sys.platform.startswith("linux"):
        return
    missing = [tool for tool in ("strip", "as", "ld") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(
            f"{', '.join(missing)} not found: install binutils (Debian/Ubuntu: "
            "apt install binutils) and build again"
        )


def run_pyinstaller(clean: bool) -> float:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files in ``folder`` (symbolic links count for nothing)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def write_archive(folder: Path, target: Path) -> Path:
    """The folder as one archive whose top folder is ``dst-desktop/``."""
    target.unlink(missing_ok=True)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path(folder.name) / path.relative_to(folder))
    else:
        with tarfile.open(target, "w:gz", compresslevel=6) as archive:
            archive.add(folder, arcname=folder.name)  # keeps symbolic links and modes
    return target


def start_time(executable: Path, runs: int = 9) -> float:
    """Median seconds for ``dst-desktop --version`` to answer."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(executable), "--version"], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the standalone DST Desktop folder.")
    parser.add_argument("--clean", action="store_true", help="rebuild without PyInstaller's cache")
    parser.add_argument(
        "--self-test", action="store_true", help="run the built program's --self-test afterwards"
    )
    parser.add_argument("--no-archive", action="store_true", help="leave out the archive")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    options = parse_arguments(arguments)
    delegated = ensure_build_environment(arguments)
    if delegated is not None:
        return delegated
    check_build_tools()
    version, tag = project_version(), platform_tag()
    print(f"Building DST Desktop {version} for {tag} with {sys.executable}", flush=True)
    seconds = run_pyinstaller(options.clean)
    folder = DIST / NAME
    executable = executable_path(folder)
    if IS_WINDOWS:
        executable = folder / f"{NAME}-cli.exe"  # the console one answers on stdout
    size, files = folder_size(folder)
    where = folder.relative_to(ROOT)
    print(f"Built {where}/ in {seconds:.0f} s: {files} files, {size / 1e6:.1f} MB")
    if size / 1e6 >= SIZE_BUDGET_MB:
        print(f"WARNING: the folder is over the {SIZE_BUDGET_MB:.0f} MB budget", file=sys.stderr)
    if not options.no_archive:
        archive = write_archive(folder, archive_path(version, tag))
        archive_size = archive.stat().st_size / 1e6
        print(f"Archive: {archive.relative_to(ROOT)} ({archive_size:.1f} MB)")
    print(f"Start: {executable.name} --version answers in {start_time(executable):.2f} s (median)")
    if options.self_test:
        return subprocess.run([str(executable), "--self-test"], check=False).returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
