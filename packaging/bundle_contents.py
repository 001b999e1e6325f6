"""What goes into the standalone folder: the Qt parts DST Desktop uses, and nothing else.

PyInstaller's PySide6 hooks collect every plugin of every plugin type that QtGui and
QtWidgets may load, every Qt translation, and every library those need (GTK for the
GTK theme, OpenGL integrations, network plugins...): about 170 MB for a widget window.
The spec file passes its ``Analysis`` lists through :func:`trim` to keep:

- the platform plugins for the screen (``offscreen`` for headless printing and the
  self-test, ``xcb`` and ``wayland`` on Linux, ``windows``, ``cocoa``);
- SVG for the icons (PNG is built into QtGui), the system printers (CUPS, Windows),
  the desktop portal theme (native file dialogs under Flatpak/GNOME/KDE), the compose
  and IBus input methods (accented letters), Qt's widget styles;
- Qt's own translations for the languages the interface ships (``qtbase_fr.qm``);

then to drop the libraries only the dropped parts needed. Every name here is a
substring of a plugin's file name, so that the same lists serve Linux, Windows and macOS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

#: Plugin folders kept, each with the plugins kept in it (``None``: all of them).
#: Plugin folders not listed (``generic``, ``egldeviceintegrations``,
#: ``xcbglintegrations``, ``networkinformation``, ``tls``, ``accessiblebridge``, the
#: ``wayland-graphics-integration-*`` OpenGL buffers...) are left out.
KEPT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    "platforms": ("offscreen", "xcb", "wayland", "windows", "cocoa"),
    "platformthemes": ("xdgdesktopportal",),
    "platforminputcontexts": ("compose", "ibus"),
    "iconengines": ("svg",),
    "imageformats": ("svg",),
    "printsupport": None,
    "styles": None,
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient", "adwaita"),
}

#: Python modules of PySide6 that PyInstaller's hooks add although DST Desktop never
#: imports them (they would bring QtNetwork's library, plugins and TLS back).
EXCLUDED_MODULES: tuple[str, ...] = (
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "tkinter",
    # hashlib has its own SHA-256 without OpenSSL.
    "_hashlib",
    # Codecs of East Asian legacy encodings; the application reads and writes UTF-8.
    "_multibytecodec",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    # xz compression: nothing reads or writes .xz files.
    "lzma",
    "_lzma",
)

#: Files left out wherever they come from: Qt's software OpenGL renderer on Windows
#: (20 MB; the window paints with the raster engine).
DROPPED_FILES: tuple[str, ...] = ("opengl32sw.dll",)

#: Libraries taken from the computer, not the bundle (prefixes of file names). The CUPS
#: client library belongs with the computer's CUPS service, its configuration and
#: printers; a copy from the build machine brought 8 MB of TLS and Kerberos libraries
#: with it. Without CUPS, Qt lists no printer and the PDF export still works. The D-Bus
#: client library is part of every Linux desktop (its message bus is); a copy brought
#: systemd's library with gcrypt, lz4 and libcap (2.8 MB), room the PostgreSQL driver's
#: own libpq and OpenSSL now take. Python's ``ssl`` module, which the PostgreSQL driver
#: imports when it loads, uses the computer's OpenSSL 3 (libssl3 on every current Linux
#: distribution); libpq's TLS uses the copy the driver carries.
SYSTEM_LIBRARIES: tuple[str, ...] = ("libcups.so", "libdbus-1.so", "libssl.so", "libcrypto.so")
#: The dynamic loader, which is the system's by definition (``ld-linux-x86-64.so.2``...).
LOADERS: tuple[str, ...] = ("ld-linux", "ld64.so", "ld-musl")

_QT_TRANSLATION = re.compile(r"^(?P<catalogue>[a-z_]+?)_(?P<language>[a-z]{2}(_[A-Z]{2})?)\.qm$")
#: Where PyInstaller puts Qt's files: ``PySide6/Qt/`` (Linux, macOS), ``PySide6/`` (Windows).
_QT_FOLDERS = (("PySide6", "Qt"), ("PySide6",))

#: One entry of PyInstaller's ``Analysis.binaries`` or ``.datas``:
#: (name in the bundle, source file, type code).
TocEntry = tuple[str, str, str]
#: The libraries a binary file links against, by name (PyInstaller's ``bindepend``).
ImportsOf = Callable[[str], Iterable[str]]


def shipped_languages(translations_folder: Path) -> tuple[str, ...]:
    """The interface languages besides English: ``dst_desktop_<lang>.qm`` files."""
    return tuple(
        sorted(path.stem.removeprefix("dst_desktop_") for path in translations_folder.glob("*.qm"))
    )


def _below_qt(parts: Sequence[str], folder: str) -> tuple[str, ...] | None:
    """The parts of a bundle path below Qt's ``folder`` (``plugins``...), or None."""
    for qt in _QT_FOLDERS:
        prefix = (*qt, folder)
        if tuple(parts[: len(prefix)]) == prefix:
            return tuple(parts[len(prefix) :])
    return None


def is_wanted(name: str, languages: Sequence[str]) -> bool:
    """Whether the bundle file ``name`` (a path inside the bundle) is one to keep."""
    parts = PurePath(name.replace("\\", "/")).parts
    file_name = parts[-1] if parts else name
    if file_name.lower() in DROPPED_FILES or file_name.startswith(SYSTEM_LIBRARIES):
        return False
    plugin = _below_qt(parts, "plugins")
    if plugin is not None and len(plugin) >= 2:
        kind, plugin_file = "/".join(plugin[:-1]), plugin[-1]
        if kind not in KEPT_PLUGINS:
            return False
        kept = KEPT_PLUGINS[kind]
        return kept is None or any(word in plugin_file for word in kept)
    translation = _below_qt(parts, "translations")
    if translation is not None and len(translation) == 1:
        match = _QT_TRANSLATION.match(translation[0])
        if match is None:
            return False
        language = match["language"].split("_")[0]
        return match["catalogue"] == "qtbase" and language in languages
    return True


@dataclass
class Trimmed:
    """The trimmed lists, and what was left out (for the build log)."""

    binaries: list[TocEntry]
    datas: list[TocEntry]
    dropped: list[str] = field(default_factory=list)
    orphaned_libraries: list[str] = field(default_factory=list)


def _base(name: str) -> str:
    return PurePath(name.replace("\\", "/")).name.lower()


def trim(
    binaries: Sequence[TocEntry],
    datas: Sequence[TocEntry],
    languages: Sequence[str],
    imports_of: ImportsOf,
) -> Trimmed:
    """Drop the unwanted plugins, translations and files, then the libraries that only
    they needed, and the symbolic links to anything dropped.

    A library is removed only when something dropped links against it and nothing kept
    does, so that libraries loaded without being linked (the Python library the launcher
    opens, say) stay.
    """
    kept = [entry for entry in binaries if is_wanted(entry[0], languages)]
    dropped = [entry for entry in binaries if not is_wanted(entry[0], languages)]
    kept_datas = [entry for entry in datas if is_wanted(entry[0], languages)]
    dropped_names = [entry[0] for entry in dropped]
    dropped_names += [entry[0] for entry in datas if not is_wanted(entry[0], languages)]

    needs: dict[str, set[str]] = {}

    def needed_by(entry: TocEntry) -> set[str]:
        if entry[1] not in needs:
            needs[entry[1]] = {_base(name) for name in imports_of(entry[1])}
        return needs[entry[1]]

    orphaned: list[str] = []
    candidates = set().union(*(needed_by(entry) for entry in dropped)) if dropped else set()
    while candidates:
        still_needed = set().union(*(needed_by(entry) for entry in kept)) if kept else set()
        removable = [
            entry
            for entry in kept
            if entry[2] == "BINARY"
            and _base(entry[0]) in candidates
            and _base(entry[0]) not in still_needed
        ]
        if not removable:
            break
        for entry in removable:
            kept.remove(entry)
            orphaned.append(entry[0])
        candidates = set().union(*(needed_by(entry) for entry in removable))

    gone = {_base(name) for name in (*dropped_names, *orphaned)}
    kept_datas = [
        entry
        for entry in kept_datas
        if not (entry[2] == "SYMLINK" and _base(entry[0]) in gone and _base(entry[1]) in gone)
    ]
    return Trimmed(kept, kept_datas, dropped_names, orphaned)


def missing_libraries(
    binaries: Sequence[TocEntry], imports_of: ImportsOf, from_system: Callable[[str], bool]
) -> dict[str, list[str]]:
    """Libraries that something in the bundle links against and that neither the bundle
    holds nor the computer is expected to provide, with who needs each.

    PyInstaller only warns when a library is not on the build machine; a bundle without,
    say, ``libxcb-icccm.so.4`` starts nowhere but offscreen.
    """
    present = {_base(entry[0]) for entry in binaries}
    missing: dict[str, list[str]] = {}
    for entry in binaries:
        for name in imports_of(entry[1]):
            base = _base(name)
            if (
                base in present
                or from_system(name)
                or base.startswith(SYSTEM_LIBRARIES)
                or base.startswith(LOADERS)
            ):
                continue
            missing.setdefault(name, []).append(entry[0])
    return missing


def report(trimmed: Trimmed) -> str:
    """A summary of what :func:`trim` left out, for the build log."""
    lines = [f"left out {len(trimmed.dropped)} Qt plugin(s), translation(s) and file(s)"]
    if trimmed.orphaned_libraries:
        names = ", ".join(sorted(_base(name) for name in trimmed.orphaned_libraries))
        lines.append(f"and {len(trimmed.orphaned_libraries)} libraries only they needed: {names}")
    return "\n".join(lines)
