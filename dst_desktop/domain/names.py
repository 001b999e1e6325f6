"""How names of regions, clients, modules… are put in order for people to read."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """A sort key ignoring case and accents: "Île-de-France" sorts among the I, before
    "Occitanie", as a reader expects (a plain string order puts it after "Z")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
