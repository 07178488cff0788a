"""Export a timeline to a file: the writers table picks the format, QSaveFile writes it whole or not at all.

A missing folder, no permission or a full disk leave nothing behind: the file appears complete under its
name, or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QIODevice, QSaveFile
from PySide6.QtGui import QGuiApplication

from viewer.export.pictures import ExportRequest
from viewer.export.writers import ExportError, Progress, table_writer_for, writer_for
from viewer.model.store import Store
from viewer.qtenv import use_offscreen_platform


def export(store: Store, output: Path, request: ExportRequest, progress: Progress | None = None) -> None:
    """Write the picture to `output`, in the format its suffix names, atomically; ExportError with the reason."""
    writing = writer_for(output)
    if not output.parent.exists():
        raise ExportError(f"the folder {output.parent} does not exist; nothing was written")
    if output.is_dir():
        raise ExportError(f"{output} is a folder; nothing was written")
    if progress:
        progress(5)
    data = writing.write(store, request, progress)
    if progress:
        progress(90)
    _write_atomically(output, QByteArray(data))
    if progress:
        progress(100)


def export_table(header: Sequence[str], rows: Iterable[Sequence[str]], output: Path) -> None:
    """Write a table (the events table) to `output` in the format its suffix names, atomically; ExportError
    with the reason. Only a regular file is ever replaced."""
    writing = table_writer_for(output)
    if not output.parent.exists():
        raise ExportError(f"the folder {output.parent} does not exist; nothing was written")
    if output.exists() and not output.is_file():
        raise ExportError(f"{output} is not a regular file; nothing was written")
    _write_atomically(output, QByteArray(writing.write(header, rows)))


def _write_atomically(output: Path, data: QByteArray) -> None:
    saver = QSaveFile(str(output))
    if not saver.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError(f"cannot write {output}: {saver.errorString()}; nothing was written")
    written = saver.write(data)
    if written != data.size():
        saver.cancelWriting()
        saver.commit()
        raise ExportError(f"cannot write {output}: {saver.errorString()}; nothing was written")
    if not saver.commit():
        raise ExportError(f"cannot write {output}: {saver.errorString()}; nothing was written")


def ensure_gui_application() -> QGuiApplication:
    """The Qt application that fonts need; offscreen unless one exists already."""
    app = QGuiApplication.instance()
    if app is None:
        use_offscreen_platform()
        app = QGuiApplication(["timeline-viewer"])
    return app  # type: ignore[return-value]
