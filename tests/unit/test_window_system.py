"""Before Qt is loaded: a computer without the X11 libraries Qt needs gets the command that
installs them, not Qt's abort. The library lookup is faked; Qt is never involved."""

from __future__ import annotations

import io
import sys

import pytest

from dst_desktop import cli, window_system
from dst_desktop.window_system import missing_xcb_libraries, uses_xcb, window_system_problem

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n"
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
ARCH = "NAME=Arch Linux\nID=arch\n"
X11_DESKTOP = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def without(*names: str):  # type: ignore[no-untyped-def]
    """A library lookup that finds every library except ``names``."""
    asked: list[str] = []

    def loads(name: str) -> bool:
        asked.append(name)
        return name not in names

    loads.asked = asked  # type: ignore[attr-defined]
    return loads


def test_fresh_debian_desktop_gets_the_exact_apt_command() -> None:
    problem = window_system_problem(
        X11_DESKTOP, "linux", without("libxcb-cursor.so.0"), os_release=DEBIAN
    )

    assert problem is not None
    assert "\n    sudo apt-get install libxcb-cursor0\n" in problem
    assert "libxcb-cursor.so.0" in problem


def test_every_missing_library_is_named_once_with_its_package() -> None:
    missing = missing_xcb_libraries(
        without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"),
        os_release=UBUNTU,
    )

    assert missing is not None
    assert missing.libraries == (
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
    )
    assert missing.command == (
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0"
    )


def test_fedora_gets_dnf_and_its_own_package_names() -> None:
    missing = missing_xcb_libraries(
        without("libxcb-cursor.so.0", "libxcb-randr.so.0", "libxcb-shm.so.0"),
        os_release=FEDORA,
    )

    assert missing is not None
    assert missing.command == "sudo dnf install xcb-util-cursor libxcb"


def test_an_unknown_distribution_gets_the_library_names() -> None:
    problem = window_system_problem(
        X11_DESKTOP, "linux", without("libxcb-keysyms.so.1"), os_release=ARCH
    )

    assert problem is not None
    assert "libxcb-keysyms.so.1" in problem
    assert "sudo" not in problem


def test_nothing_to_say_when_every_library_loads() -> None:
    loads = without()

    assert window_system_problem(X11_DESKTOP, "linux", loads, os_release=DEBIAN) is None
    assert "libxcb-cursor.so.0" in loads.asked  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, True),
        ({"XDG_SESSION_TYPE": "x11"}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/screen.json"}, False),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, True),  # no Wayland display: Qt falls back
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, True),
    ],
)
def test_only_the_x11_platform_is_checked(environment: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environment) is expected


def test_other_platforms_and_systems_are_left_to_qt() -> None:
    missing_everything = without(*(entry[0] for entry in window_system.XCB_LIBRARIES))

    for environment, platform in (
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        (X11_DESKTOP, "win32"),
        (X11_DESKTOP, "darwin"),
    ):
        assert window_system_problem(environment, platform, missing_everything, DEBIAN) is None


def test_no_display_is_said_plainly() -> None:
    problem = window_system_problem({"XDG_SESSION_TYPE": "tty"}, "linux", without(), DEBIAN)

    assert problem is not None
    assert "DISPLAY is not set" in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_the_command_exits_1_with_the_install_command_before_any_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr(window_system, "_bundled_or_loads", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(window_system, "_os_release", lambda: DEBIAN)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")

    def no_window(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("the window was started")

    monkeypatch.setattr("dst_desktop.app.run_window", no_window)
    out, err = io.StringIO(), io.StringIO()

    status = cli.main(["--database", f"sqlite:///{tmp_path}/bookings.db"], out=out, err=err)

    assert status == 1
    assert "sudo apt-get install libxcb-cursor0" in err.getvalue()
    assert out.getvalue() == ""
