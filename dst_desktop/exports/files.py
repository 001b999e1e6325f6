"""Writing an output file atomically, never over an existing one unless asked."""

from __future__ import annotations

import contextlib
import os
import secrets
from enum import Enum
from pathlib import Path


class OutputProblem(Enum):
    EXISTS = "exists"
    NO_FOLDER = "no_folder"
    IS_FOLDER = "is_folder"
    NOT_WRITABLE = "not_writable"


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
        }
        self.message = messages[problem]
        super().__init__(self.message)


def check_output(path: Path, *, replace: bool) -> None:
    """Fail early, before any work, when ``path`` cannot be written (or exists)."""
    if path.is_dir():
        raise OutputFileError(path, OutputProblem.IS_FOLDER)
    if not path.parent.is_dir():
        raise OutputFileError(path, OutputProblem.NO_FOLDER)
    if path.exists() and not replace:
        raise OutputFileError(path, OutputProblem.EXISTS)


def write_output(path: Path, content: bytes, *, replace: bool) -> Path:
    """Write ``content`` to ``path`` through a temporary file in the same folder.

    A reader never sees half a file and a failure leaves nothing behind. Without
    ``replace`` an existing file is kept and :class:`OutputFileError` (``EXISTS``) raised,
    also when another program creates it meanwhile (the file is linked into place, which
    fails when the name is taken).
    """
    check_output(path, replace=replace)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        with temporary.open("xb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            temporary.replace(path)
        else:
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise OutputFileError(path, OutputProblem.EXISTS) from None
            except OSError:  # a file system without hard links (FAT, some shares)
                if path.exists():
                    raise OutputFileError(path, OutputProblem.EXISTS) from None
                temporary.replace(path)
    except OSError as error:
        raise OutputFileError(
            path, OutputProblem.NOT_WRITABLE, error.strerror or str(error)
        ) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return path
