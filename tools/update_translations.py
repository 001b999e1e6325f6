"""Extract the interface's texts into the .ts files and compile them into .qm files.

    .venv/bin/python tools/update_translations.py          # lupdate, then lrelease
    .venv/bin/python tools/update_translations.py --check  # fail if anything is stale

``resources/translations/dst_desktop_fr.ts`` holds the French translation (edit it with
Qt Linguist, ``pyside6-linguist``); ``dst_desktop_en.ts`` holds only the English plural
forms ("1 booking" / "2 bookings"), English being the source language. The compiled
``.qm`` files are committed, so that a checkout runs without this step.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "dst_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "dst_desktop"
#: Each translation file, with the lupdate options that make it.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "fr": (),
    "en": ("-pluralonly",),
}


def tool(name: str) -> str:
    """A Qt tool from the virtual environment (pyside6-lupdate, pyside6-lrelease)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def ts_path(folder: Path, language: str) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def lupdate(folder: Path) -> None:
    for language, options in LANGUAGES.items():
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-extensions",
                "py",
                "-recursive",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                *options,
                str(SOURCES),
                "-ts",
                str(ts_path(folder, language)),
            ],
            check=True,
            capture_output=True,
            text=True,
        )


def lrelease(folder: Path) -> None:
    for language in LANGUAGES:
        ts = ts_path(folder, language)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
            text=True,
        )


def stale_files() -> list[str]:
    """The committed translation files a fresh extraction and compilation would change."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for language in LANGUAGES:
            shutil.copy(ts_path(TRANSLATIONS, language), ts_path(copy, language))
        lupdate(copy)
        lrelease(copy)
        stale = []
        for language in LANGUAGES:
            for suffix in (".ts", ".qm"):
                fresh = ts_path(copy, language).with_suffix(suffix)
                committed = ts_path(TRANSLATIONS, language).with_suffix(suffix)
                if not committed.exists() or not filecmp.cmp(fresh, committed, shallow=False):
                    stale.append(committed.name)
        return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    if args.check:
        stale = stale_files()
        if stale:
            print("out of date: " + ", ".join(stale) + "; run tools/update_translations.py")
            return 1
        print("translations are up to date")
        return 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate(TRANSLATIONS)
    lrelease(TRANSLATIONS)
    print(f"updated {TRANSLATIONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
