"""How names compare for people: case and accents do not matter ("ecole" finds "École")."""

from __future__ import annotations

import unicodedata


def search_key(text: str) -> str:
    """``text`` casefolded and without accents, for searching and sorting names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
