"""Just enough of the ELF format (64-bit, little-endian) for the Linux build.

``ldd`` and PyInstaller's dependency analysis answer every library a file loads,
through every level; trimming the bundle needs the libraries a file links *directly*
(``DT_NEEDED``), and rebuilding ICU's data library needs where its data symbol lies.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_SHT_DYNSYM = 11
_SHT_DYNAMIC = 6
_DT_NEEDED = 1


class NotElfError(Exception):
    """The file is not a 64-bit little-endian ELF file."""


@dataclass(frozen=True)
class Section:
    kind: int
    address: int
    offset: int
    size: int
    link: int
    entry_size: int


@dataclass(frozen=True)
class Symbol:
    name: str
    offset: int
    """Where the symbol's bytes start in the file."""
    size: int


def sections(image: bytes) -> list[Section]:
    if image[:4] != b"\x7fELF" or len(image) < 64 or image[4] != 2 or image[5] != 1:
        raise NotElfError("not a 64-bit little-endian ELF file")
    (table,) = struct.unpack_from("<Q", image, 0x28)
    entry_size, count = struct.unpack_from("<HH", image, 0x3A)
    found = []
    for index in range(count):
        _name, kind, _flags, address, offset, size, link, _info, _align, item = struct.unpack_from(
            "<IIQQQQIIQQ", image, table + index * entry_size
        )
        found.append(Section(kind, address, offset, size, link, item))
    return found


def _string(image: bytes, table: Section, at: int) -> str:
    start = table.offset + at
    return image[start : image.index(b"\0", start)].decode("utf-8", "replace")


def needed_libraries(path: str | Path) -> list[str]:
    """The libraries ``path`` links against directly (its ``DT_NEEDED`` entries)."""
    image = Path(path).read_bytes()
    found = sections(image)
    needed = []
    for section in found:
        if section.kind != _SHT_DYNAMIC or section.entry_size == 0:
            continue
        strings = found[section.link]
        for start in range(section.offset, section.offset + section.size, section.entry_size):
            tag, value = struct.unpack_from("<qQ", image, start)
            if tag == _DT_NEEDED:
                needed.append(_string(image, strings, value))
    return needed


def exported_symbols(image: bytes) -> list[Symbol]:
    """The dynamic symbols defined in the file, with where their bytes lie."""
    found = sections(image)
    symbols = []
    for section in found:
        if section.kind != _SHT_DYNSYM or section.entry_size == 0:
            continue
        strings = found[section.link]
        for start in range(section.offset, section.offset + section.size, section.entry_size):
            name_at, _info, _other, index, value, size = struct.unpack_from("<IBBHQQ", image, start)
            if 0 < index < len(found) and name_at:
                home = found[index]
                name = _string(image, strings, name_at)
                symbols.append(Symbol(name, value - home.address + home.offset, size))
    return symbols
