"""Reading files a chronology names, safely: regular files only, without blocking, never past a limit.

Every reader and the validator read through here, so that no file can hang the program or fill its memory:

- the file is looked at before it is opened (`os.stat`, which has no side effects) and opened with
  `O_NONBLOCK | O_NOCTTY`, then looked at again through the open descriptor (`fstat`), so a named pipe, a
  device, a socket or a folder is refused with a message that says what it is, even if it was swapped in
  between the two looks, and opening it never waits for a writer or takes a terminal;
- the limit is checked while reading, never only from the size `stat` gives (0 for special files, and a
  file may grow while it is read);
- an OS error is said with its own words (`strerror`), and a symlink loop is an error like any other
  (`Path.resolve` raises RuntimeError for one; `resolved` does not).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

CHUNK_BYTES = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotReadable(Exception):
    """The file cannot be read as a text file: the message says why, in words (no path in it)."""


class TooLarge(NotReadable):
    """The file holds more than the limit allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"it is larger than {size_words(limit)}, the limit")
        self.limit = limit


def size_words(count: int) -> str:
    """A byte count as people read it: 812 bytes, 3.4 KiB, 312 MiB."""
    if count < 1024:
        return f"{count} bytes"
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            value = count / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{count} bytes"  # pragma: no cover - unreachable


def kind_words(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a device (character special file)"
    if stat.S_ISBLK(mode):
        return "a device (block special file)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def error_words(error: OSError) -> str:
    """An OS error in its own words ('No space left on device'), never 'Unknown error'."""
    if error.strerror:
        return error.strerror
    if error.errno:
        return os.strerror(error.errno)
    return str(error) or type(error).__name__


def regular_file_problem(path: Path) -> str | None:
    """Why `path` is not a regular file that can be read, in words; None when it is one. Never opens it."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return error_words(error)
    except ValueError:  # a NUL in the name
        return "the name holds a NUL character"
    kind = kind_words(mode)
    return None if kind is None else f"it is {kind}, not a regular file"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them; NotReadable (or TooLarge) otherwise."""
    problem = regular_file_problem(Path(path))
    if problem is not None:
        raise NotReadable(problem)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise NotReadable(error_words(error)) from None
    try:
        kind = kind_words(os.fstat(descriptor).st_mode)
        if kind is not None:  # swapped for something else between the two looks
            raise NotReadable(f"it is {kind}, not a regular file")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, min(CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(limit)
        return b"".join(chunks)
    except OSError as error:
        raise NotReadable(error_words(error)) from None
    finally:
        os.close(descriptor)


def resolved(path: Path) -> Path:
    """`path` made absolute with its links followed, as far as they go: a symlink loop is left for opening
    the file to report (ELOOP, 'Too many levels of symbolic links') instead of raising RuntimeError."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError, RuntimeError):
        return Path.cwd() / path
