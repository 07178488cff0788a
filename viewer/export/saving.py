"""Export a timeline to a file: the writers table picks the format, and the file is written whole or not at all.

The bytes go to a new file beside the output (created exclusively, so nothing else is touched), are flushed
to the disk, and only then renamed over the output: a missing folder, no permission or a full disk leave
nothing behind and an existing file byte-identical. The standard library does this here rather than
QSaveFile because QSaveFile says "Unknown error" for a full disk; an OSError names it ("No space left on
device"). An output that exists but is not a regular file (a named pipe, a device, a symlink to either) is
never replaced: writing a picture over /dev/null or a FIFO someone reads is refused with a message.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from viewer.export.pictures import ExportRequest, request_problem
from viewer.export.writers import ExportError, Progress, data_writer_for, table_writer_for, writer_for
from viewer.model.safe_read import error_words, kind_words
from viewer.model.store import Store
from viewer.qtenv import use_offscreen_platform


def export(store: Store, output: Path, request: ExportRequest, progress: Progress | None = None) -> None:
    """Write the picture to `output`, in the format its suffix names, atomically; ExportError with the reason."""
    writing = writer_for(output)
    problem = request_problem(request)
    if problem is not None:
        raise ExportError(f"{problem}; nothing was written")
    output_problem(output)
    if progress:
        progress(5)
    data = writing.write(store, request, progress)
    if progress:
        progress(90)
    write_atomically(output, bytes(data.data()) if hasattr(data, "data") else bytes(data))
    if progress:
        progress(100)


def export_table(header: Sequence[str], rows: Iterable[Sequence[str]], output: Path) -> None:
    """Write a table (the events table) to `output` in the format its suffix names, atomically; ExportError
    with the reason. As for pictures, only a regular file is ever replaced."""
    writing = table_writer_for(output)
    output_problem(output)
    write_atomically(output, writing.write(header, rows))


def save_data(store: Store, output: Path) -> list[str]:
    """Write the chronology as data (YAML, TimelineJS JSON or sheet, iCalendar) to `output`, by its suffix,
    atomically; what the format could not hold, one line per kind. ExportError with the reason. As for
    pictures, only a regular file is ever replaced."""
    writing = data_writer_for(output)
    output_problem(output)
    converted = writing.write(store, output)
    write_atomically(output, converted.data)
    return list(converted.dropped)


def output_problem(output: Path) -> None:
    """ExportError when `output` cannot or must not be written: no folder, a folder, or not a regular file."""
    if not output.parent.exists():
        raise ExportError(f"the folder {output.parent} does not exist; nothing was written")
    try:
        mode = output.stat().st_mode  # follows a symlink: what would be replaced is its target
    except FileNotFoundError:
        return
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error_words(error)}; nothing was written") from None
    if stat.S_ISDIR(mode):
        raise ExportError(f"{output} is a folder; nothing was written")
    kind = kind_words(mode)
    if kind is not None:
        raise ExportError(f"{output} is {kind}, not a regular file; it was not replaced and nothing was written")


def write_atomically(output: Path, data: bytes) -> None:
    """`data` as the whole of `output`, or ExportError naming the OS error with the output left as it was."""
    target = Path(os.path.realpath(output))  # a symlink to a regular file: its target is replaced, the link kept
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    except OSError as error:
        raise ExportError(f"cannot write {output}: {error_words(error)}; nothing was written") from None
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        temporary.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ExportError(f"cannot write {output}: {error_words(error)}; nothing was written") from None


def ensure_gui_application() -> QGuiApplication:
    """The Qt application that fonts need; offscreen unless one exists already."""
    app = QGuiApplication.instance()
    if app is None:
        use_offscreen_platform()
        app = QGuiApplication(["timeline-viewer"])
    return app  # type: ignore[return-value]
