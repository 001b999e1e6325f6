"""Extract the interface's texts into the .ts file and compile it into the .qm file.

    .venv/bin/python tools/update_translations.py          # lupdate, then lrelease
    .venv/bin/python tools/update_translations.py --check  # fail if anything is stale

``resources/translations/dst_desktop_fr.ts`` holds the French translation (edit it with
Qt Linguist, ``pyside6-linguist``); English is the source language. The compiled
``.qm`` file is committed, so that a checkout runs without this step.

``--check`` compares meanings, not bytes, so that any version of the Qt tools agrees:
the texts lupdate finds in the code must be exactly those of the .ts file, each one
translated, and the .qm file must give every translation of the .ts file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "dst_desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "dst_desktop"
LANGUAGES = ("fr",)

Message = tuple[str, str]


def tool(name: str) -> str:
    """A Qt tool from the virtual environment (pyside6-lupdate, pyside6-lrelease)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def lupdate(ts: Path, language: str) -> None:
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
            str(SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def lrelease(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
        capture_output=True,
        text=True,
    )


def read_ts(ts: Path) -> dict[Message, str | None]:
    """Each (context, source) of a .ts file, with its translation (None: unfinished)."""
    messages: dict[Message, str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None
            text = translation.text if translation is not None else None
            messages[(name, message.findtext("source") or "")] = text if finished else None
    return messages


def problems(language: str) -> list[str]:
    """What is stale or missing in one language's catalogue (empty: all is well)."""
    ts = ts_path(language)
    if not ts.exists():
        return [f"{ts.name} is missing"]
    committed = read_ts(ts)
    with tempfile.TemporaryDirectory() as scratch:
        fresh_ts = Path(scratch) / ts.name
        lupdate(fresh_ts, language)
        in_code = set(read_ts(fresh_ts))
    found = []
    found += [f"not in {ts.name}: {m}" for m in sorted(in_code - set(committed))]
    found += [f"no longer in the code: {m}" for m in sorted(set(committed) - in_code)]
    found += [f"not translated: {m}" for m, text in sorted(committed.items()) if not text]
    found += qm_problems(ts, committed)
    return found


def qm_problems(ts: Path, messages: dict[Message, str | None]) -> list[str]:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    qm = ts.with_suffix(".qm")
    if not translator.load(str(qm)):
        return [f"{qm.name} cannot be loaded"]
    return [
        f"{qm.name} is older than {ts.name}: {message}"
        for message, text in sorted(messages.items())
        if text and translator.translate(message[0], message[1]) != text
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args()
    if args.check:
        found = [problem for language in LANGUAGES for problem in problems(language)]
        for problem in found:
            print(problem)
        if found:
            print("run tools/update_translations.py, then translate what is new")
            return 1
        print("translations are up to date")
        return 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(ts_path(language), language)
        lrelease(ts_path(language))
    print(f"updated {TRANSLATIONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
