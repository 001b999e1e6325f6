"""Writing an output file atomically, never over an existing one unless asked.

Every file DST Desktop writes — PDFs, spreadsheets, calendars, event bundles, backups —
names clients and their contacts, so it is created readable by its owner only (mode 0600
on POSIX). A file replaced on request keeps the permissions it had: they are never
widened.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from enum import Enum
from pathlib import Path

#: Owner read and write only: the mode of every file this program creates.
PRIVATE_FILE_MODE = 0o600

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class OutputProblem(Enum):
    EXISTS = "exists"
    NO_FOLDER = "no_folder"
    IS_FOLDER = "is_folder"
    NOT_WRITABLE = "not_writable"
    DISK_FULL = "disk_full"
    IS_DATABASE = "is_database"


class OutputFileError(Exception):
    """The file was not written; ``message`` says why in English, ``problem`` which case
    (for a translated message), ``reason`` the system's words for ``NOT_WRITABLE``."""

    def __init__(self, path: Path, problem: OutputProblem, reason: str = "") -> None:
        self.path = path
        self.problem = problem
        self.reason = reason
        messages = {
            OutputProblem.EXISTS: f"{path} already exists (use --force to replace it)",
            OutputProblem.NO_FOLDER: f"cannot write {path}: the folder {path.parent} does not "
            "exist",
            OutputProblem.IS_FOLDER: f"cannot write {path}: it is a folder",
            OutputProblem.NOT_WRITABLE: f"cannot write {path}: {reason}",
            OutputProblem.DISK_FULL: f"cannot write {path}: the disk is full; nothing was written",
            OutputProblem.IS_DATABASE: f"cannot write {path}: it is the open database itself "
            "(or one of its journal files); write to another file",
        }
        self.message = messages[problem]
        super().__init__(self.message)


#: The files no output may replace: the databases this process opened, with their
#: journal files (see :func:`keep_from_outputs`).
_KEPT: set[Path] = set()
_JOURNAL_SUFFIXES = ("", "-wal", "-shm", "-journal")


def keep_from_outputs(database: Path) -> None:
    """From now on refuse any output named like ``database`` or one of its journal files:
    a save dialog answered with the database's own name would replace the bookings."""
    with contextlib.suppress(OSError):
        base = database.resolve()
        _KEPT.update(base.with_name(base.name + suffix) for suffix in _JOURNAL_SUFFIXES)


def check_output(path: Path, *, replace: bool) -> None:
    """Fail early, before any work, when ``path`` cannot be written (or exists)."""
    try:
        if _KEPT and path.resolve() in _KEPT:
            raise OutputFileError(path, OutputProblem.IS_DATABASE)
        if path.is_dir():
            raise OutputFileError(path, OutputProblem.IS_FOLDER)
        if not path.parent.is_dir():
            raise OutputFileError(path, OutputProblem.NO_FOLDER)
        if path.exists() and not replace:
            raise OutputFileError(path, OutputProblem.EXISTS)
    except OSError as error:  # a name too long, a folder that cannot be searched
        raise output_error(path, error) from error


def output_error(path: Path, error: OSError) -> OutputFileError:
    """The :class:`OutputFileError` for a system error met while writing ``path``."""
    if error.errno in _DISK_FULL:
        return OutputFileError(path, OutputProblem.DISK_FULL)
    return OutputFileError(path, OutputProblem.NOT_WRITABLE, error.strerror or str(error))


def write_output(path: Path, content: bytes, *, replace: bool) -> Path:
    """Write ``content`` to ``path`` through a temporary file in the same folder.

    A reader never sees half a file and a failure leaves nothing behind. Without
    ``replace`` an existing file is kept and :class:`OutputFileError` (``EXISTS``) raised,
    also when another program creates it meanwhile (the file is linked into place, which
    fails when the name is taken).
    """

    def fill(temporary: Path) -> None:
        with temporary.open("r+b") as stream:
            stream.write(content)

    return write_output_with(path, fill, replace=replace)


def write_output_with(path: Path, produce: Callable[[Path], None], *, replace: bool) -> Path:
    """Like :func:`write_output`, for content another program writes (SQLite's backup):
    ``produce`` fills the empty, private temporary file it is given."""
    check_output(path, replace=replace)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
        )
        os.close(descriptor)
        produce(temporary)
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        _place(temporary, path, replace=replace)
    except OSError as error:
        raise output_error(path, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return path


def _place(temporary: Path, path: Path, *, replace: bool) -> None:
    if replace:
        with contextlib.suppress(FileNotFoundError):
            temporary.chmod(stat.S_IMODE(path.stat().st_mode))
        temporary.replace(path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputFileError(path, OutputProblem.EXISTS) from None
    except OSError:  # a file system without hard links (FAT, some shares)
        if path.exists():
            raise OutputFileError(path, OutputProblem.EXISTS) from None
        temporary.replace(path)


def create_private_file(path: Path) -> Path:
    """Create ``path`` empty and readable by its owner only, unless it exists (a log, a
    database about to be created); an existing file keeps its permissions."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    return path


def create_private_folder(folder: Path) -> Path:
    """``folder`` (and its parents), the last one created readable by its owner only."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
