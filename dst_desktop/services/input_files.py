"""Reading a file a person chose (reference data, a bundle) without trusting it.

A named pipe would block for ever and ``/dev/zero`` would fill the memory: only a regular
file is read, and at most ``limit`` bytes of it. A UTF-8 byte order mark, which Windows
editors write, is accepted. Every refusal says what is wrong with which file.
"""

from __future__ import annotations

import json
import os
import stat
from enum import Enum
from pathlib import Path

#: The largest reference data file read (20,000 entries take about 2 MB).
MAX_REFERENCE_FILE_BYTES = 32 * 1024 * 1024
#: The largest bundle read (a snapshot of three years of a large office: about 30 MB).
MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024


class InputProblem(Enum):
    MISSING = "missing"
    FOLDER = "folder"
    NOT_ALLOWED = "not_allowed"
    #: A pipe, a device, a socket: anything but a regular file.
    NOT_A_FILE = "not_a_file"
    TOO_LARGE = "too_large"
    NOT_TEXT = "not_text"
    NOT_JSON = "not_json"
    TOO_DEEP = "too_deep"
    UNREADABLE = "unreadable"


class InputFileError(Exception):
    """The file was not read; ``message`` says why in English, ``problem`` which case (for a
    translated message), ``detail`` the system's words or where the JSON breaks."""

    def __init__(
        self,
        path: Path,
        problem: InputProblem,
        detail: str = "",
        *,
        limit: int = 0,
        line: int = 0,
        column: int = 0,
    ) -> None:
        self.path = path
        self.problem = problem
        self.detail = detail
        self.limit = limit
        self.line = line
        self.column = column
        messages = {
            InputProblem.MISSING: f"{path} does not exist",
            InputProblem.FOLDER: f"{path} is a folder, not a file",
            InputProblem.NOT_ALLOWED: f"{path} cannot be read (permission denied)",
            InputProblem.NOT_A_FILE: f"{path} is not a regular file (a pipe, a device or a "
            "socket); save the data to a file first",
            InputProblem.TOO_LARGE: f"{path} is larger than {limit // (1024 * 1024)} MB, more "
            "than any such file should be",
            InputProblem.NOT_TEXT: f"{path} is not a UTF-8 text file",
            InputProblem.NOT_JSON: f"{path} is not valid JSON: {detail}"
            + (f" at line {line}, column {column}" if line else ""),
            InputProblem.TOO_DEEP: f"{path} nests its data too deeply",
            InputProblem.UNREADABLE: f"{path} cannot be read: {detail}",
        }
        self.message = messages[problem]
        super().__init__(self.message)


def read_input_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise InputFileError(path, InputProblem.MISSING) from None
    except IsADirectoryError:
        raise InputFileError(path, InputProblem.FOLDER) from None
    except PermissionError:
        raise InputFileError(path, InputProblem.NOT_ALLOWED) from None
    except OSError as error:
        raise InputFileError(path, InputProblem.UNREADABLE, error.strerror or str(error)) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(path, InputProblem.FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(path, InputProblem.NOT_A_FILE)
        if info.st_size > limit:
            raise InputFileError(path, InputProblem.TOO_LARGE, limit=limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise InputFileError(path, InputProblem.TOO_LARGE, limit=limit)
        return b"".join(chunks)
    except OSError as error:
        raise InputFileError(path, InputProblem.UNREADABLE, error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


def read_json_file(path: Path, limit: int) -> object:
    """The JSON document in ``path`` (UTF-8, with or without a byte order mark)."""
    raw = read_input_file(path, limit)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(path, InputProblem.NOT_TEXT) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            path, InputProblem.NOT_JSON, error.msg, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise InputFileError(path, InputProblem.TOO_DEEP) from None
    except ValueError:  # a number of more than 4,300 digits
        raise InputFileError(path, InputProblem.NOT_JSON, "a number is too long") from None
