"""Whether this computer can open the window, checked before Qt is loaded.

On Linux, Qt's ``xcb`` platform plugin (the X11 one, Qt's default) needs X11 libraries
that a fresh desktop installation does not always have: Debian and Ubuntu leave out
``libxcb-cursor0``, for instance. Without them Qt aborts with a core dump and a message
about plugins. :func:`window_system_problem` finds out first, and says which package to
install, with the exact command, so that ``dst-desktop`` can say so and exit cleanly.

Nothing here imports Qt; the library lookup and the environment are parameters, so that
the check is tested without touching the computer's libraries.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The libraries Qt's xcb plugin (``libqxcb.so`` and ``libQt6XcbQpa.so``) links to, beyond
#: those of any Linux desktop (C and C++ runtimes, GLib), with the package holding each
#: one on Debian/Ubuntu and on Fedora.
XCB_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
)


@dataclass(frozen=True, slots=True)
class MissingLibraries:
    """The X11 libraries the window needs and this computer lacks."""

    libraries: tuple[str, ...]
    #: The command that installs them, for this distribution ("" when not known).
    command: str
    #: The packages to install, when the distribution is known.
    packages: tuple[str, ...]

    def message(self) -> str:
        lines = [
            "dst-desktop: cannot open the window: the X11 libraries Qt needs are missing "
            f"({', '.join(self.libraries)}).",
        ]
        if self.command:
            lines += ["Install them with:", "", f"    {self.command}", ""]
        else:
            lines.append("Install the packages of your distribution that provide them.")
        lines.append(
            "Then start DST Desktop again. Commands that need no window (call, "
            "import-reference, the exchange and print commands) work without them."
        )
        return "\n".join(lines)


def library_loads(name: str) -> bool:
    """Whether the dynamic linker finds and loads the shared library ``name``."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _bundled_or_loads(name: str) -> bool:
    """In the standalone build, a library the build bundled counts as present."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None and any(Path(frozen_root).rglob(name)):
        return True
    return library_loads(name)


def _os_release() -> str:
    for path in (Path("/etc/os-release"), Path("/usr/lib/os-release")):
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


def _distribution_family(os_release: str) -> str:
    """``debian``, ``fedora`` or "" from the text of ``/etc/os-release``."""
    words: list[str] = []
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("ID", "ID_LIKE"):
            words.extend(value.strip().strip("\"'").lower().split())
    if any(word in ("debian", "ubuntu") for word in words):
        return "debian"
    if any(word in ("fedora", "rhel", "centos") for word in words):
        return "fedora"
    return ""


def uses_xcb(environment: Mapping[str, str]) -> bool:
    """Whether Qt would open the window with its X11 (``xcb``) platform plugin.

    Qt tries the platforms of ``QT_QPA_PLATFORM`` in order (``wayland;xcb``: Wayland
    first); unset, ``wayland;xcb`` in a Wayland session and ``xcb`` otherwise. Wayland is
    taken when a Wayland display is named; without one Qt falls back to the next entry.
    """
    requested = environment.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        candidates = [entry.split(":")[0].strip() for entry in requested.split(";")]
    elif environment.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        candidates = ["wayland", "xcb"]
    else:
        candidates = ["xcb"]
    for candidate in candidates:
        if candidate.startswith("wayland") and not environment.get("WAYLAND_DISPLAY"):
            continue
        return candidate == "xcb"
    return False


def missing_xcb_libraries(
    loads: Callable[[str], bool] | None = None,
    os_release: str | None = None,
    libraries: Sequence[tuple[str, str, str]] = XCB_LIBRARIES,
) -> MissingLibraries | None:
    """The libraries of Qt's xcb plugin that ``loads`` cannot load, and how to install them."""
    loads = _bundled_or_loads if loads is None else loads
    missing = [entry for entry in libraries if not loads(entry[0])]
    if not missing:
        return None
    family = _distribution_family(_os_release() if os_release is None else os_release)
    names = tuple(library for library, _debian, _fedora in missing)
    if family == "debian":
        packages = tuple(dict.fromkeys(debian for _library, debian, _fedora in missing))
        command = "sudo apt-get install " + " ".join(packages)
    elif family == "fedora":
        packages = tuple(dict.fromkeys(fedora for _library, _debian, fedora in missing))
        command = "sudo dnf install " + " ".join(packages)
    else:
        packages, command = (), ""
    return MissingLibraries(names, command, packages)


def window_system_problem(
    environment: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] | None = None,
    os_release: str | None = None,
) -> str | None:
    """Why the window cannot open on this computer, for the terminal; None when it can.

    Only Linux with Qt's X11 platform is checked; other systems and platforms (Wayland,
    ``offscreen``) are left to Qt.
    """
    environment = os.environ if environment is None else environment
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not uses_xcb(environment):
        return None
    if not environment.get("DISPLAY"):
        return (
            "dst-desktop: cannot open the window: there is no X11 display (DISPLAY is not "
            "set). Start DST Desktop from a desktop session; commands that need no window "
            "(call, import-reference, the exchange and print commands) work from any terminal."
        )
    missing = missing_xcb_libraries(loads, os_release)
    return missing.message() if missing is not None else None
