"""What changed in a database, as other workstations learn it (SPEC 9).

A change names what it touched — a booking (with its date, region and new status) or
the reference data — and never carries personal data: a window that learns of it reads
what it shows again, with its own rights.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from dst_desktop.domain.statuses import SessionStatus


class ChangeKind(StrEnum):
    SESSION = "session"
    REFERENCE = "reference"
    #: Anything may have changed (a notification was missed, or too much changed at once).
    EVERYTHING = "everything"


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    session_id: str | None = None
    date: dt.date | None = None
    region_id: str | None = None
    #: The booking's status after the change; None when it was deleted.
    status: SessionStatus | None = None

    @classmethod
    def everything(cls) -> Change:
        return cls(ChangeKind.EVERYTHING)

    @classmethod
    def reference(cls) -> Change:
        return cls(ChangeKind.REFERENCE)


def summarise(changes: list[Change], limit: int) -> list[Change]:
    """At most ``limit`` changes: more than that (an import of 10,000 bookings) reads as
    "everything", which is cheaper to act on than the list itself."""
    unique = list(dict.fromkeys(changes))
    if any(change.kind is ChangeKind.EVERYTHING for change in unique) or len(unique) > limit:
        return [Change.everything()]
    return unique


class ChangeSource(Protocol):
    """Where a window learns what other workstations changed in its database.

    A server pushes changes (``fileno`` gives a socket to watch); a file is asked on a
    timer (``fileno`` is None). ``read`` never blocks.
    """

    def open(self) -> None:
        """Connect and subscribe; may take up to the connect timeout (not on a GUI thread)."""

    def fileno(self) -> int | None: ...

    def read(self) -> list[Change]:
        """What changed since the last read ([] when nothing did).

        Raises :class:`~dst_desktop.domain.errors.ConnectionFailedError` when the
        connection broke: open again, then read everything afresh (changes were missed).
        """

    def close(self) -> None: ...
