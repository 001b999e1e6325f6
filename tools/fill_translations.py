"""Fill unfinished translations of the French catalogue from a JSON file.

    python tools/fill_translations.py new-texts.json    # {"English source": "French", ...}

Only messages still marked unfinished are filled, in place, keeping the file as
``pyside6-lupdate`` writes it; then run ``tools/update_translations.py`` to compile.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, unescape

CATALOGUE = Path(__file__).resolve().parents[1] / "resources" / "translations" / "dst_desktop_fr.ts"
_ENTITIES = {'"': "&quot;", "'": "&apos;"}
_UNFINISHED = re.compile(
    r"(<source>(?P<source>[^<]*)</source>\s*(?:<(extra)?comment>[^<]*</(extra)?comment>\s*)?)"
    r'<translation type="unfinished">[^<]*</translation>'
)


def main() -> int:
    wanted: dict[str, str] = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    text = CATALOGUE.read_text("utf-8")
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source = unescape(match["source"], {"&quot;": '"', "&apos;": "'"})
        if source not in wanted:
            missing.append(source)
            return match.group(0)
        return f"{match.group(1)}<translation>{escape(wanted[source], _ENTITIES)}</translation>"

    CATALOGUE.write_text(_UNFINISHED.sub(fill, text), "utf-8")
    for source in missing:
        print(f"still unfinished: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
