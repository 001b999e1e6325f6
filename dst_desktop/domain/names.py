"""How names of regions, clients, modules… compare for people: case and accents do not
matter, for sorting ("Île-de-France" among the I) or for searching ("ecole" finds "ÉCOLE")."""

from __future__ import annotations

import re
import unicodedata


def name_key(name: str) -> str:
    """``name`` casefolded and without accents: the key to sort and to search by.

    "Île-de-France" sorts among the I, before "Occitanie", as a reader expects (a plain
    string order puts it after "Z").
    """
    if name.isascii():  # most names: nothing to decompose (20,000 clients are imported at once)
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


#: Characters that reorder the text around them or show nothing at all: bidirectional
#: controls and marks, zero-width and other invisible characters.
_HIDDEN = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
#: The usual short names of the commonest ones; the others are shown by code point.
_HIDDEN_NAMES = {
    "\u00ad": "SHY",
    "\u061c": "ALM",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2060": "WJ",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\ufeff": "BOM",
}


def _shown(match: re.Match[str]) -> str:
    char = match.group(0)
    return f"[{_HIDDEN_NAMES.get(char) or f'U+{ord(char):04X}'}]"


def visible_text(text: str) -> str:
    """``text`` as typed, with every bidirectional control and invisible character shown
    as a visible mark (``Société [RLO]gnp.exe[PDF]``), so that none can reorder or hide
    what is displayed or printed: a client named to look like ``exe.png`` shows how."""
    return _HIDDEN.sub(_shown, text) if _HIDDEN.search(text) else text
