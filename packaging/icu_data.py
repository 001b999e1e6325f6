"""A smaller ICU data library for the Linux build: root, English and French only.

PySide6's Linux wheels link QtCore against ICU, whose data library
(``libicudata.so.73``, 32 MB) holds the data of some 800 locales and 190 legacy
character sets. Qt asks ICU for collation (sorting names), case mapping and time zone
names in the user's language; DST Desktop speaks English and French, and reads and
writes UTF-8 only. This module rebuilds the library with the same data package minus
the other locales and the legacy converters (about 6 MB left): the package is ICU's
"common data" format (a sorted table of contents, then the items), and the library is
one exported symbol (``icudt73_dat``) that the GNU assembler and linker make from it.

Items kept: everything Qt's calls into ICU may read that is not a locale (Unicode
properties, normalisation, collation root table, time zones, plural rules, pools...),
the locales of the kept languages (``en``, ``en_GB``, ``fr_BE``...) and ``root``.
A locale missing from the package falls back to ``root`` in ICU, as for any locale
ICU does not know.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import elf

#: A locale-named item: ``en_GB.res``, ``coll/fr.res``, ``zone/root.res``.
_LOCALE_ITEM = re.compile(r"^(?P<language>[a-z]{2,3})(_[A-Za-z0-9]+)*$")
#: Items named like a locale that are not one.
_NOT_LOCALES = frozenset({"res_index", "root"})
_DATA_SYMBOL = re.compile(r"^icudt\d+_dat$")
_ALIGNMENT = 16
_FILLER = b"\xaa"  # what ICU's own packager pads with


class IcuDataError(Exception):
    """The library is not an ICU data library this module understands."""


@dataclass(frozen=True)
class IcuPackage:
    """An ICU common data package: its header (kept as is) and its items, in order."""

    header: bytes
    items: tuple[tuple[str, bytes], ...]

    @property
    def size(self) -> int:
        return sum(len(data) for _name, data in self.items)


def find_data_symbol(library: bytes) -> elf.Symbol:
    """The ``icudtNN_dat`` symbol of an ICU data library: the package's bytes."""
    try:
        symbols = elf.exported_symbols(library)
    except elf.NotElfError as error:
        raise IcuDataError(str(error)) from None
    for symbol in symbols:
        if _DATA_SYMBOL.match(symbol.name):
            return symbol
    raise IcuDataError("no icudtNN_dat symbol: not an ICU data library")


def read_package(blob: bytes) -> IcuPackage:
    """Parse an ICU common data package (``CmnD``)."""
    if len(blob) < 32 or blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    (header_size,) = struct.unpack_from("<H", blob, 0)
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_at, data_at) in enumerate(entries):
        name_start = header_size + name_at
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        end = header_size + entries[index + 1][1] if index + 1 < count else len(blob)
        items.append((name, blob[header_size + data_at : end]))
    return IcuPackage(blob[:header_size], tuple(items))


def _pad(size: int) -> int:
    return -size % _ALIGNMENT


def package_bytes(package: IcuPackage) -> bytes:
    """The package as ICU reads it: header, table of contents, names, aligned items."""
    names = [name.encode("ascii") + b"\0" for name, _data in package.items]
    table_size = 4 + 8 * len(package.items)
    names_size = sum(len(name) for name in names)
    data_start = table_size + names_size
    data_start += _pad(len(package.header) + data_start)
    table = [struct.pack("<I", len(package.items))]
    payload: list[bytes] = []
    name_offset, data_offset = table_size, data_start
    for name, (_name, data) in zip(names, package.items, strict=True):
        table.append(struct.pack("<II", name_offset, data_offset))
        payload += (data, _FILLER * _pad(len(data)))
        name_offset += len(name)
        data_offset += len(data) + _pad(len(data))
    filler = _FILLER * (data_start - table_size - names_size)
    return b"".join([package.header, *table, *names, filler, *payload])


#: ICU services Qt never calls (QtCore imports only case mapping, calendars and time
#: zones, converters and collation from ICU): word and line breaking with its
#: dictionaries (Qt breaks text itself), transliteration, character names, spelled-out
#: numbers, currency and unit names, and IDNA string preparation.
_UNUSED_FOLDERS = frozenset({"brkitr", "translit", "rbnf", "curr", "unit"})
_UNUSED_FILES = frozenset({"unames.icu"})
_UNUSED_EXTENSIONS = frozenset({"spp"})


def is_kept(item: str, languages: Sequence[str]) -> bool:
    """Whether the package item ``icudt73l/coll/fr.res`` stays for these languages."""
    parts = item.split("/")
    file_name = parts[-1]
    if len(parts) > 2 and parts[-2] in _UNUSED_FOLDERS:
        return False
    if file_name in _UNUSED_FILES or file_name.rpartition(".")[2] in _UNUSED_EXTENSIONS:
        return False
    stem, _, extension = file_name.rpartition(".")
    if extension == "cnv":
        return False  # legacy character sets; UTF-8 and UTF-16 need no data
    if extension != "res" or stem in _NOT_LOCALES:
        return True
    match = _LOCALE_ITEM.match(stem)
    return match is None or match["language"] in languages


def trim_package(package: IcuPackage, languages: Sequence[str]) -> IcuPackage:
    return IcuPackage(
        package.header, tuple(item for item in package.items if is_kept(item[0], languages))
    )


def _soname(library: Path) -> str:
    return library.name  # libicudata.so.73: the file name is the soname in Qt's wheels


def build_library(package: bytes, symbol: str, soname: str, out: Path) -> Path:
    """An ELF shared library exporting ``symbol`` = ``package`` (GNU ``as`` and ``ld``)."""
    tools = {name: shutil.which(name) for name in ("as", "ld")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        raise IcuDataError(
            f"{' and '.join(missing)} not found: install binutils (e.g. apt install binutils)"
        )
    with tempfile.TemporaryDirectory(prefix="dst-icu-") as work:
        folder = Path(work)
        (folder / "data.bin").write_bytes(package)
        (folder / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGNMENT}\n"
            f"{symbol}:\n"
            '\t.incbin "data.bin"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run([str(tools["as"]), "-o", "data.o", "data.s"], cwd=folder, check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(tools["ld"]), "-shared", "-soname", soname, "-o", str(out), "data.o"],
            cwd=folder,
            check=True,
        )
    return out


@dataclass(frozen=True)
class TrimmedIcu:
    library: Path
    items_before: int
    items_after: int
    bytes_before: int
    bytes_after: int

    def describe(self) -> str:
        return (
            f"ICU data for {self.library.name}: {self.items_after} of {self.items_before} "
            f"items, {self.bytes_after / 1e6:.1f} MB instead of {self.bytes_before / 1e6:.1f} MB"
        )


def trim_library(source: Path, languages: Sequence[str], out_folder: Path) -> TrimmedIcu:
    """Write a copy of the ICU data library ``source`` holding only ``languages``."""
    library = source.read_bytes()
    symbol = find_data_symbol(library)
    package = read_package(library[symbol.offset : symbol.offset + symbol.size])
    trimmed = trim_package(package, languages)
    blob = package_bytes(trimmed)
    if read_package(blob).items != trimmed.items:
        raise IcuDataError("the rebuilt ICU package does not read back the same")
    target = build_library(blob, symbol.name, _soname(source), out_folder / source.name)
    built = target.read_bytes()
    check = find_data_symbol(built)
    if built[check.offset : check.offset + check.size] != blob:
        raise IcuDataError(f"{target} does not hold the package it was built from")
    return TrimmedIcu(target, len(package.items), len(trimmed.items), package.size, trimmed.size)
