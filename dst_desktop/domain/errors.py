"""Error codes of the workflow responses, and the exceptions that cross layer boundaries."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """The ``error`` field of a failed workflow response (the seed's codes plus SPEC 2.7)."""

    CAPACITY_EXCEEDED = "CAPACITY_EXCEEDED"
    NO_AVAILABILITY = "NO_AVAILABILITY"
    INVALID_STATUS = "INVALID_STATUS"
    NO_SETUP_AVAILABLE = "NO_SETUP_AVAILABLE"
    VALIDATION_ERROR = "VALIDATION_ERROR"
    NOT_FOUND = "NOT_FOUND"
    EVENT_MODE = "EVENT_MODE"
    #: Confirming or a mission step on a workstation's offline copy while the team's
    #: server is away (SPEC 11): it waits until the server is back.
    OFFLINE = "OFFLINE"
    PERMISSION_DENIED = "PERMISSION_DENIED"


class AllocationConflictError(Exception):
    """The database refused an allocation because another session holds the resource.

    Raised by the store when a unique constraint on (setup, date) or (operator, date)
    fires: another workstation confirmed first. The booking workflow retries.
    """


class StorageError(Exception):
    """The database cannot be used: busy for too long, unreadable, or full.

    Not a consequence of bad input; the message is meant for the person at the keyboard.
    """


class ConflictingDataError(StorageError):
    """The database refused a write that contradicts what it holds (a duplicate id)."""


class SchemaVersionError(StorageError):
    """The database was written by a newer DST Desktop, or is not a DST Desktop database."""


class WriteConflictError(StorageError):
    """Another workstation changed the same rows at the same instant (a serialization
    failure or a deadlock on a server database); nothing was changed and trying again
    is safe. The booking workflow retries confirmations itself."""


class ConnectionFailedError(StorageError):
    """The database server cannot be reached, refused the login, or dropped the
    connection. The message names the server and the reason, never a password; the
    next call connects again."""


class ServerSilentError(ConnectionFailedError):
    """The server stopped answering: no reset, no answer for seconds (a network gone
    away, as Wi-Fi or a VPN does). Trying again at once would only wait as long again."""


class LoginRefusedError(ConnectionFailedError):
    """The server answered and refused the login: a wrong or missing password, an unknown
    login or database, a computer it does not accept. The server is not away: the window
    does not fall back to its offline copy for this, and says what is wrong."""


class PermissionDeniedError(StorageError):
    """The database refused an action the login has no right to, or the login's role does
    not allow it (the message names the role needed: SPEC 10)."""


class ActorError(StorageError):
    """An actor name the audit log cannot record, or one given where the database records
    the login itself (PostgreSQL); nothing was opened."""


class DamagedDatabaseError(StorageError):
    """The database file is damaged (a page that does not decode, a broken structure):
    nothing was changed, and the message says to restore a backup."""


class DiskFullError(StorageError):
    """The disk (or the server's disk) is full; nothing was changed."""


class ReadOnlyDatabaseError(StorageError):
    """The database file, or the folder it lives in, cannot be written."""
