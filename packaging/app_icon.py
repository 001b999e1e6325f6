"""The application icon for installers and desktops, rendered from ``resources/icons/app.svg``.

    python packaging/app_icon.py OUT_FOLDER

writes ``dst-desktop-<size>.png`` for the Linux icon theme sizes, ``dst-desktop.png``
(256 px, beside the executable for the ``.desktop`` entry), ``dst-desktop.svg`` and
``dst-desktop.ico`` (every Windows size, PNG-compressed entries). The window itself uses
the SVG through Qt; these files are for what is outside the program: the file manager,
the menu, the taskbar and Explorer.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

ICON_NAME = "dst-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"


def render_png(svg: Path, size: int, target: Path) -> bytes:
    """Draw the SVG on a transparent square of ``size`` pixels into the PNG ``target``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"cannot write {target}")
    return target.read_bytes()


def ico_file(images: dict[int, bytes]) -> bytes:
    """A Windows ``.ico`` holding one PNG-compressed image per size (Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def write_icons(out: Path, svg: Path = SOURCE) -> dict[str, Path]:
    """Write every icon file into ``out``; their paths by kind (png, ico, svg, png-<size>)."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    rendered: dict[int, bytes] = {}
    for size in sorted({*PNG_SIZES, *ICO_SIZES}):
        path = out / f"{ICON_NAME}-{size}.png"
        rendered[size] = render_png(svg, size, path)
        written[f"png-{size}"] = path
    written["png"] = out / f"{ICON_NAME}.png"
    written["png"].write_bytes(rendered[256])
    written["ico"] = out / f"{ICON_NAME}.ico"
    written["ico"].write_bytes(ico_file({size: rendered[size] for size in ICO_SIZES}))
    written["svg"] = out / f"{ICON_NAME}.svg"
    shutil.copyfile(svg, written["svg"])
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        sys.stderr.write("usage: app_icon.py OUT_FOLDER\n")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication([ICON_NAME])
    for kind, path in write_icons(Path(args[0])).items():
        if kind in {"png", "ico", "svg"}:
            print(path)
    del application
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
