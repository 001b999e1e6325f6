"""How names of regions, clients, modules… compare for people: case and accents do not
matter, for sorting ("Île-de-France" among the I) or for searching ("ecole" finds "ÉCOLE")."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """``name`` casefolded and without accents: the key to sort and to search by.

    "Île-de-France" sorts among the I, before "Occitanie", as a reader expects (a plain
    string order puts it after "Z").
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
