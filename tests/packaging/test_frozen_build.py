"""The standalone build, as a workstation gets it: built once per test session with
``packaging/build.py`` (or reused when newer than every source), then run with no Python
environment around it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dst_desktop import __version__
from tests.packaging.conftest import ROOT, packaging_script

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build"),
]

BUILD_INPUTS = ("dst_desktop", "resources", "packaging", "pyproject.toml")
SIZE_LIMIT_MB = 100


@dataclass(frozen=True)
class FrozenBuild:
    folder: Path
    executable: Path
    archive: Path


def newest_source() -> float:
    newest = 0.0
    for name in BUILD_INPUTS:
        top = ROOT / name
        paths = [top] if top.is_file() else top.rglob("*")
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


@pytest.fixture(scope="session")
def frozen_build() -> FrozenBuild:
    build = packaging_script("build")
    folder = build.DIST / build.NAME
    archive = build.archive_path(build.project_version(), build.platform_tag())
    fresh = (
        build.executable_path(folder).exists()
        and archive.exists()
        and archive.stat().st_mtime > newest_source()
    )
    if not fresh:
        result = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(f"packaging/build.py failed:\n{result.stdout}\n{result.stderr}")
    return FrozenBuild(folder, build.executable_path(folder), archive)


def bare_environment(home: Path) -> dict[str, str]:
    """What a desktop session gives a program: no Python, no virtual environment."""
    home.mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def run_frozen(
    build: FrozenBuild, home: Path, *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(build.executable), *args],
        env=bare_environment(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_the_folder_and_the_archive_are_made(frozen_build: FrozenBuild) -> None:
    assert os.access(frozen_build.executable, os.X_OK)
    assert (
        frozen_build.archive.name == f"dst-desktop-{__version__}-linux-{os.uname().machine}.tar.gz"
    )
    with tarfile.open(frozen_build.archive) as archive:
        members = {member.name: member for member in archive.getmembers()}
    assert members["dst-desktop/dst-desktop"].mode & 0o111
    assert "dst-desktop/_internal/resources/demo/reference.json" in members
    assert "dst-desktop/dst-desktop.desktop" in members
    assert members["dst-desktop/install-desktop-entry.sh"].mode & 0o111


def test_the_folder_stays_under_100_mb(frozen_build: FrozenBuild) -> None:
    size, _files = packaging_script("build").folder_size(frozen_build.folder)

    assert size / 1e6 < SIZE_LIMIT_MB


def test_only_the_qt_parts_the_application_uses_are_bundled(frozen_build: FrozenBuild) -> None:
    internal = frozen_build.folder / "_internal"
    qt = internal / "PySide6" / "Qt"
    plugins = {str(path.relative_to(qt / "plugins")) for path in (qt / "plugins").rglob("*.so")}
    libraries = {path.name for path in (qt / "lib").iterdir()}

    assert {
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "printsupport/libcupsprintersupport.so",
    } <= plugins
    assert not {name for name in plugins if name.split("/")[0] in {"tls", "sqldrivers", "generic"}}
    assert {path.name for path in (qt / "translations").iterdir()} == {
        "qtbase_en.qm",
        "qtbase_fr.qm",
    }
    for unused in ("Network", "Qml", "Quick", "Pdf", "OpenGL", "EglFSDeviceIntegration"):
        assert f"libQt6{unused}.so.6" not in libraries
    assert (qt / "lib" / "libicudata.so.73").stat().st_size < 12_000_000
    assert not list((internal / "resources").rglob("*.ts"))
    assert (internal / "resources" / "translations" / "dst_desktop_fr.qm").is_file()


def test_the_desktop_entry_and_icon_sit_beside_the_executable(frozen_build: FrozenBuild) -> None:
    entry = (frozen_build.folder / "dst-desktop.desktop").read_text(encoding="utf-8")

    assert "[Desktop Entry]" in entry
    assert "\nExec=dst-desktop\n" in entry and "\nIcon=dst-desktop\n" in entry
    assert (frozen_build.folder / "dst-desktop.png").read_bytes().startswith(b"\x89PNG")
    assert (frozen_build.folder / "dst-desktop.svg").is_file()


def test_the_frozen_self_test_passes(frozen_build: FrozenBuild, tmp_path: Path) -> None:
    result = run_frozen(frozen_build, tmp_path / "home", "--self-test")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test (standalone build," in result.stdout
    assert "FAIL" not in result.stdout
    assert "Self-test passed" in result.stdout


def test_the_frozen_program_answers_check_availability(
    frozen_build: FrozenBuild, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    database = ["--database", f"sqlite:///{tmp_path / 'bookings.db'}", "--today", "2025-02-20"]
    demo = frozen_build.folder / "_internal" / "resources" / "demo" / "reference.json"

    imported = run_frozen(frozen_build, home, *database, "import-reference", str(demo), "--json")
    available = run_frozen(
        frozen_build,
        home,
        *database,
        "call",
        "checkAvailability",
        "occitanie",
        "2025-03-10",
        '["module_tir", "module_scenario"]',
        "10",
    )
    unknown = run_frozen(
        frozen_build, home, *database, "call", "checkAvailability", "atlantis", "2025-03-10",
        '["module_tir"]', "4",
    )  # fmt: skip
    misuse = run_frozen(frozen_build, home, *database, "call", "checkAvailability", "occitanie")

    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["success"] is True
    assert available.returncode == 0, available.stderr
    answer = json.loads(available.stdout)
    assert answer["success"] is True and answer["canBook"] is True
    assert answer["capacity"]["capacityMax"] == 10
    assert answer["capacity"]["limitingModuleId"] == "module_scenario"
    assert answer["availability"]["availableSetups"] == 5
    assert unknown.returncode == 1
    assert json.loads(unknown.stdout)["success"] is False
    assert misuse.returncode == 2
    assert "usage: call checkAvailability" in misuse.stderr


def test_the_frozen_program_prints_its_version_and_writes_nothing(
    frozen_build: FrozenBuild, tmp_path: Path
) -> None:
    """How fast it answers is a figure of the benchmark (tests/benchmarks/run_benchmarks.py),
    not a limit of a test."""
    result = run_frozen(frozen_build, tmp_path / "home", "--version")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"dst-desktop {__version__}"
    assert not (tmp_path / "home" / ".local" / "share" / "dst-desktop").exists()


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """A new Xvfb screen; its ``DISPLAY`` once the server says it accepts clients."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        number = ready.readline().strip()  # written when ready; empty if it died
    try:
        assert number, server.stderr.read() if server.stderr else "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (packages xvfb, xdotool: tools/install-system-packages.sh)",
)
def test_the_frozen_window_opens_on_an_x11_display(
    frozen_build: FrozenBuild, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'bookings.db'}"
    with virtual_display() as display:
        environment = {
            **bare_environment(tmp_path / "home"),
            "QT_QPA_PLATFORM": "xcb",
            "DISPLAY": display,
        }
        window = subprocess.Popen(
            [str(frozen_build.executable), "--database", database],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            # Waits until a shown window bears the main window's title (or the program
            # ends, or two minutes pass: then the test fails, it never waits longer).
            shown = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^DST Desktop — "],
                env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            titles = [
                subprocess.run(
                    ["xdotool", "getwindowname", window_id],
                    env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout.strip()
                for window_id in shown.stdout.split()
            ]
            still_running = window.poll() is None
        finally:
            os.killpg(window.pid, signal.SIGTERM)
            _out, errors = window.communicate(timeout=30)

    assert still_running, errors
    assert titles == [f"DST Desktop — {tmp_path / 'bookings.db'}"], (titles, errors)
    assert "Could not load the Qt platform plugin" not in errors


def test_install_desktop_entry_puts_the_program_in_the_menu_and_on_the_path(
    frozen_build: FrozenBuild, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    environment = bare_environment(home)
    script = str(frozen_build.folder / "install-desktop-entry.sh")
    entry = home / ".local" / "share" / "applications" / "dst-desktop.desktop"

    installed = subprocess.run(
        [script], env=environment, capture_output=True, text=True, timeout=60, check=False
    )
    through_path = subprocess.run(
        ["dst-desktop", "--version"],
        env={**environment, "PATH": f"{home / '.local' / 'bin'}:{environment['PATH']}"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    entry_text = entry.read_text(encoding="utf-8")
    icon_installed = (home / ".local/share/icons/hicolor/256x256/apps/dst-desktop.png").is_file()
    validator = shutil.which("desktop-file-validate")
    validation = subprocess.run(
        [validator, str(entry)], capture_output=True, text=True, check=False
    ) if validator else None  # fmt: skip
    removed = subprocess.run(
        [script, "--uninstall"], env=environment, capture_output=True, text=True, check=False
    )

    assert installed.returncode == 0, installed.stderr
    assert f'\nExec="{frozen_build.executable}"\n' in entry_text
    assert icon_installed
    assert through_path.stdout.strip() == f"dst-desktop {__version__}"
    assert validation is None or validation.returncode == 0, validation.stdout
    assert removed.returncode == 0, removed.stderr
    assert [path for path in home.rglob("*") if path.is_file() or path.is_symlink()] == []


def test_the_desktop_entry_can_open_an_event_database(
    frozen_build: FrozenBuild, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    url = f"sqlite:///{tmp_path / 'Salon 2025' / 'event.db'}"
    script = str(frozen_build.folder / "install-desktop-entry.sh")

    installed = subprocess.run(
        [script, "--database", url],
        env=bare_environment(home),
        capture_output=True,
        text=True,
        check=False,
    )
    refused = subprocess.run(
        [script, "--database", "sqlite:///100%.db"],
        env=bare_environment(home),
        capture_output=True,
        text=True,
        check=False,
    )

    assert installed.returncode == 0, installed.stderr
    entry = (home / ".local/share/applications/dst-desktop.desktop").read_text("utf-8")
    assert f'\nExec="{frozen_build.executable}" --database "{url}"\n' in entry
    assert refused.returncode == 1 and "use a plainer one" in refused.stderr
