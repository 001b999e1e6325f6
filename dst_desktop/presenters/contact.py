"""A client's contact details as typed: an e-mail address and a phone number that can be
used, or a plain sentence saying what is wrong with them."""

from __future__ import annotations

import re

from dst_desktop.presenters.l10n import Localizer, fill

_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_PHONE_CHARACTERS = re.compile(r"[0-9 +().\-/]+")
#: The fewest digits of a phone number (short numbers of 4 digits exist inside companies).
PHONE_DIGITS_LEAST = 4


def is_email(text: str) -> bool:
    """Whether ``text`` is empty or looks like an e-mail address (``name@domain.tld``)."""
    text = text.strip()
    return not text or _EMAIL.fullmatch(text) is not None


def is_phone(text: str) -> bool:
    """Whether ``text`` is empty or a phone number: digits, spaces, ``+ ( ) . - /``."""
    text = text.strip()
    if not text:
        return True
    digits = sum(char.isdigit() for char in text)
    return _PHONE_CHARACTERS.fullmatch(text) is not None and digits >= PHONE_DIGITS_LEAST


def contact_problem(email: str, phone: str, l10n: Localizer) -> str:
    """What is wrong with a client's e-mail address or phone number ("" when nothing)."""
    problems = []
    if not is_email(email):
        problems.append(
            fill(
                l10n.translate(
                    "Contact", "The e-mail address %1 is not one: write it as name@example.fr."
                ),
                email.strip(),
            )
        )
    if not is_phone(phone):
        problems.append(
            fill(
                l10n.translate(
                    "Contact",
                    "The phone number %1 is not one: digits, spaces and + ( ) . - only.",
                ),
                phone.strip(),
            )
        )
    return " ".join(problems)
