"""The build's own logic, fast and without PyInstaller: what the bundle keeps, the ICU
data rebuild, the icons, the Windows version file, names of the outputs."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import app_icon
import bundle_contents
import elf
import icu_data
import pytest
from app_icon import ico_file
from bundle_contents import TocEntry, is_wanted, missing_libraries, shipped_languages, trim
from windows_version import version_file_text, version_tuple

from tests.packaging.conftest import ROOT, packaging_script

LANGUAGES = ("en", "fr")
QT = "PySide6/Qt"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")


@pytest.mark.parametrize(
    "name",
    [
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",
        f"{QT}/plugins/platforms/libqwayland.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/translations/qtbase_fr.qm",
        f"{QT}/plugins/imageformats/libqsvg.so",
        f"{QT}/plugins/iconengines/libqsvgicon.so",
        f"{QT}/plugins/printsupport/libcupsprintersupport.so",
        f"{QT}/plugins/styles/qmodernwindowsstyle.dll",
        f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/plugins/wayland-shell-integration/libxdg-shell.so",
        f"{QT}/translations/qtbase_fr.qm",
        f"{QT}/lib/libQt6Widgets.so.6",
        "libpython3.11.so.1.0",
        "resources/icons/app.svg",
    ],
)
def test_the_parts_the_application_uses_are_kept(name: str) -> None:
    assert is_wanted(name, LANGUAGES)


@pytest.mark.parametrize(
    "name",
    [
        f"{QT}/plugins/platforms/libqeglfs.so",
        f"{QT}/plugins/platforms/libqvnc.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/imageformats/libqjpeg.so",
        f"{QT}/plugins/imageformats/libqtiff.so",
        f"{QT}/plugins/tls/libqopensslbackend.so",
        f"{QT}/plugins/networkinformation/libqnetworkmanager.so",
        f"{QT}/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        f"{QT}/plugins/generic/libqevdevmouseplugin.so",
        f"{QT}/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
        f"{QT}/translations/qtbase_de.qm",
        f"{QT}/translations/qt_fr.qm",
        f"{QT}/translations/qtmultimedia_fr.qm",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/translations/qtbase_ja.qm",
        "PySide6\\opengl32sw.dll",
        "libcups.so.2",
    ],
)
def test_unused_qt_parts_are_left_out(name: str) -> None:
    assert not is_wanted(name, LANGUAGES)


def test_shipped_languages_are_the_compiled_catalogues() -> None:
    assert shipped_languages(ROOT / "resources" / "translations") == ("fr",)


def test_trim_drops_the_libraries_only_dropped_parts_needed() -> None:
    links = {
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/src/libcairo.so.2": ["libpixman-1.so.0"],
        "/src/libpixman-1.so.0": [],
        "/src/libglib-2.0.so.0": [],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/src/libqxcb.so": ["libQt6Gui.so.6"],
        "/src/libpython3.11.so.1.0": [],
        "/src/_socket.so": [],
    }
    binaries: list[TocEntry] = [
        (f"{QT}/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        (f"{QT}/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("python3.11/lib-dynload/_socket.so", "/src/_socket.so", "EXTENSION"),
    ]
    datas: list[TocEntry] = [
        ("libgtk-3.so.0", f"{QT}/lib/libgtk-3.so.0", "SYMLINK"),
        ("libQt6Gui.so.6", f"{QT}/lib/libQt6Gui.so.6", "SYMLINK"),
        (f"{QT}/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        (f"{QT}/translations/qtbase_fr.qm", "/src/qtbase_fr.qm", "DATA"),
    ]

    trimmed = trim(binaries, datas, LANGUAGES, lambda path: links[path])

    assert [entry[0] for entry in trimmed.binaries] == [
        "libglib-2.0.so.0",  # Qt needs it too
        f"{QT}/lib/libQt6Gui.so.6",
        f"{QT}/plugins/platforms/libqxcb.so",
        "libpython3.11.so.1.0",  # nothing links it (the launcher opens it): stays
        "python3.11/lib-dynload/_socket.so",
    ]
    assert sorted(trimmed.orphaned_libraries) == [
        "libcairo.so.2",
        "libgtk-3.so.0",
        "libpixman-1.so.0",
    ]
    assert [entry[0] for entry in trimmed.datas] == [
        "libQt6Gui.so.6",
        f"{QT}/translations/qtbase_fr.qm",
    ]
    assert "3 libraries only they needed" in bundle_contents.report(trimmed)


def test_a_library_nobody_provides_is_reported_with_who_needs_it() -> None:
    binaries: list[TocEntry] = [
        (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
    ]
    links = {
        "/src/libqxcb.so": [
            "libxcb-cursor.so.0",
            "libxcb-icccm.so.4",
            "libc.so.6",
            "ld-linux-x86-64.so.2",
            "libcups.so.2",
        ],
        "/src/libxcb-cursor.so.0": ["libc.so.6"],
    }

    missing = missing_libraries(
        binaries, lambda path: links[path], lambda name: name == "libc.so.6"
    )

    assert missing == {"libxcb-icccm.so.4": [f"{QT}/plugins/platforms/libqxcb.so"]}


def _icu_library() -> Path:
    pyside = pytest.importorskip("PySide6")
    libraries = sorted((Path(pyside.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libraries:
        pytest.skip("this PySide6 has no ICU data library")
    return libraries[0]


@linux_only
def test_the_icu_package_is_rewritten_byte_for_byte() -> None:
    library = _icu_library().read_bytes()
    symbol = icu_data.find_data_symbol(library)
    original = library[symbol.offset : symbol.offset + symbol.size]

    package = icu_data.read_package(original)

    assert icu_data.package_bytes(package) == original
    assert len(package.items) > 1000


@linux_only
def test_the_icu_package_keeps_root_english_french_and_what_qt_reads() -> None:
    library = _icu_library().read_bytes()
    symbol = icu_data.find_data_symbol(library)
    package = icu_data.read_package(library[symbol.offset : symbol.offset + symbol.size])

    kept = {name.split("/", 1)[1] for name, _ in icu_data.trim_package(package, LANGUAGES).items}

    for name in (
        "root.res",
        "en.res",
        "en_GB.res",
        "fr.res",
        "fr_BE.res",
        "coll/fr.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "zone/fr.res",
        "res_index.res",
        "pool.res",
        "metaZones.res",
        "zoneinfo64.res",
        "plurals.res",
        "uts46.nrm",
        "cnvalias.icu",
    ):
        assert name in kept, name
    for name in (
        "de.res",
        "coll/de.res",
        "zh_Hant.res",
        "zone/ja.res",
        "ibm-37_P100-1995.cnv",
        # Services QtCore never calls: breaking, transliteration, character names...
        "brkitr/word.brk",
        "brkitr/cjdict.dict",
        "translit/root.res",
        "unames.icu",
        "rbnf/fr.res",
        "curr/fr.res",
        "unit/fr.res",
        "rfc3491.spp",
    ):
        assert name not in kept, name


def test_the_package_reader_refuses_what_is_not_icu_data() -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.read_package(b"\x00" * 64)
    with pytest.raises(icu_data.IcuDataError):
        icu_data.find_data_symbol(b"MZ not an ELF file")


@linux_only
@pytest.mark.skipif(shutil.which("as") is None or shutil.which("ld") is None, reason="binutils")
def test_the_rebuilt_icu_library_exports_the_trimmed_package(tmp_path: Path) -> None:
    source = _icu_library()

    trimmed = icu_data.trim_library(source, LANGUAGES, tmp_path)

    built = trimmed.library.read_bytes()
    assert trimmed.library.name == source.name
    assert trimmed.bytes_after < trimmed.bytes_before / 3
    symbol = icu_data.find_data_symbol(built)
    assert symbol.name == icu_data.find_data_symbol(source.read_bytes()).name
    package = icu_data.read_package(built[symbol.offset : symbol.offset + symbol.size])
    assert len(package.items) == trimmed.items_after
    assert elf.needed_libraries(trimmed.library) == []


@linux_only
def test_needed_libraries_are_the_direct_links_only() -> None:
    pyside = pytest.importorskip("PySide6")
    widgets = Path(pyside.__file__).parent / "Qt" / "lib" / "libQt6Widgets.so.6"

    needed = elf.needed_libraries(widgets)

    assert "libQt6Gui.so.6" in needed and "libQt6Core.so.6" in needed
    assert "libicuuc.so.73" not in needed  # QtCore's, one level further


def test_the_icons_are_rendered_from_the_application_svg(qapp: object, tmp_path: Path) -> None:
    written = app_icon.write_icons(tmp_path)

    png = written["png"].read_bytes()
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (256, 256)
    assert struct.unpack(">II", written["png-16"].read_bytes()[16:24]) == (16, 16)
    assert struct.unpack_from("<HHH", written["ico"].read_bytes(), 0) == (0, 1, 7)
    assert written["svg"].read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()


def test_the_ico_file_holds_every_size_as_png() -> None:
    images = {16: b"\x89PNG16", 256: b"\x89PNG256-bytes"}

    data = ico_file(images)

    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, 2)
    first = struct.unpack_from("<BBBBHHII", data, 6)
    second = struct.unpack_from("<BBBBHHII", data, 22)
    assert first[:2] == (16, 16) and second[:2] == (0, 0)  # 0 means 256
    assert data[first[7] : first[7] + first[6]] == images[16]
    assert data[second[7] : second[7] + second[6]] == images[256]


def test_the_windows_version_file_names_the_executable_and_version() -> None:
    text = version_file_text("0.1.0", "dst-desktop-cli.exe", "DST Desktop (command line)")

    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('OriginalFilename', 'dst-desktop-cli.exe')" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert version_tuple("1.2.3rc1+local") == (1, 2, 3, 1)


def test_outputs_are_named_after_version_and_platform() -> None:
    build = packaging_script("build")

    assert build.archive_path("0.1.0", "linux-x86_64") == (
        ROOT / "dist" / "dst-desktop-0.1.0-linux-x86_64.tar.gz"
    )
    assert build.archive_path("0.1.0", "windows-x86_64").name == (
        "dst-desktop-0.1.0-windows-x86_64.zip"
    )
    assert build.project_version() == __import__("dst_desktop").__version__
    assert build.packaging_requirement().lower().startswith("pyinstaller>=")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_entry_follows_the_freedesktop_specification() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(ROOT / "packaging" / "dst-desktop.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
