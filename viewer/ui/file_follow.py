"""Following the open file: a reload when it changes on disk, however the editor saves it.

The file is watched together with its folder: an editor that saves by writing a new file and renaming it over
the old one makes a watch on the file itself drop, and the folder's watch notices the new file, which is then
watched again. Changes are debounced (a burst of events gives one reload, `RELOAD_DELAY_MS` after the last),
and only a change of a file's own signature (modification time, size, inode) asks for a reload.

The source texts the chronology quotes are followed too: editing a source so that a quote no longer matches
must show the quote as unverified at once, not at the next manual reload.

A file being written is not yet the file (issue 15): an editor that truncates, pauses, then writes, or that
writes in chunks, passes through an empty file and through prefixes of the new one. So a change is reported
only once it has settled, its signature the same at two checks `RELOAD_DELAY_MS` apart; and a reload that
would show less than is on screen (fewer events, or problems) is applied only when the file has stayed the
same for `CONFIRM_MS` more (`confirm_later`, then `confirmed`): a half-written file never flashes by. A file
that is not a regular file (a named pipe renamed over it) has a signature without its time and size, so
every write into the pipe does not ask for another reload.
"""

from __future__ import annotations

import stat as stat_module
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

RELOAD_DELAY_MS = 200
CONFIRM_MS = 1500  # how long a change that would show less must stay unchanged before it is shown

Signature = tuple[int, int, int, int]


def file_signature(path: Path) -> Signature | None:
    """What changes when a file is rewritten (or renamed over); None when it is not there.

    For anything but a regular file only its kind and inode count: a pipe's time changes with every write.
    """
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    kind = stat_module.S_IFMT(status.st_mode)
    if not stat_module.S_ISREG(status.st_mode):
        return (kind, 0, 0, status.st_ino)
    return (kind, status.st_mtime_ns, status.st_size, status.st_ino)


class FileFollower(QObject):
    """Watches one file; `changed(path)` when its content may have changed."""

    changed = Signal(object)  # Path
    confirmed = Signal(object)  # Path: unchanged for CONFIRM_MS since confirm_later() was asked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._signature: Signature | None = None
        self._sources: dict[Path, Signature | None] = {}
        self._pending: tuple[Signature | None, dict[Path, Signature | None]] | None = None  # seen once, not settled
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_event)
        self.watcher.directoryChanged.connect(self._on_event)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RELOAD_DELAY_MS)
        self.timer.timeout.connect(self._check)
        self.confirm_timer = QTimer(self)
        self.confirm_timer.setSingleShot(True)
        self.confirm_timer.setInterval(CONFIRM_MS)
        self.confirm_timer.timeout.connect(self._confirm)

    def follow(self, path: Path) -> None:
        """Watch `path` and its folder instead of whatever was watched before."""
        self.path = path
        self._unwatch()
        self._signature = file_signature(path)
        self._sources = {}
        self._pending = None
        self.confirm_timer.stop()
        self._watch()

    def follow_sources(self, paths: list[Path]) -> None:
        """Also follow these files (the source texts of what is shown), as they are now."""
        self._sources = {path: file_signature(path) for path in paths}
        self._watch()

    def seen(self) -> None:
        """The file as it is now has been read: only a later change counts."""
        if self.path is not None:
            self._signature = file_signature(self.path)
            self._sources = {path: file_signature(path) for path in self._sources}

    def confirm_later(self) -> None:
        """Emit `confirmed(path)` once the file has stayed as it is now for CONFIRM_MS (a later change cancels)."""
        self.confirm_timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.confirm_timer.stop()
        self._unwatch()

    def _unwatch(self) -> None:
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)

    def _watch(self) -> None:
        if self.path is None:
            return
        wanted = [str(self.path.parent)]
        for path in (self.path, *self._sources):
            if path.exists():
                wanted.append(str(path))
        wanted += [str(path.parent) for path in self._sources]  # sources saved by rename, like the file
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        missing = [p for p in wanted if p not in watched and Path(p).exists()]
        if missing:
            self.watcher.addPaths(missing)

    def _on_event(self, _changed: str) -> None:
        self.timer.start()  # restarts: a burst of events gives one check, RELOAD_DELAY_MS after the last

    def check_now(self) -> None:
        """Look at the file now, as the debounce timer does (tests drive it with controlled writes)."""
        self.timer.stop()
        self._check()

    def _check(self) -> None:
        if self.path is None:
            return
        self._watch()  # the file may be a new one renamed over the old: watch it again
        signature = file_signature(self.path)
        sources = {path: file_signature(path) for path in self._sources}
        if signature is None or (signature == self._signature and sources == self._sources):
            self._pending = None
            return  # gone for now (mid-rename), or another file in the folder changed
        self.confirm_timer.stop()  # a newer change: whatever waited for confirmation is out of date
        if self._pending != (signature, sources):
            self._pending = (signature, sources)  # seen once: still being written? look again shortly
            self.timer.start()
            return
        self._pending = None
        self._signature, self._sources = signature, sources
        self.changed.emit(self.path)

    def _confirm(self) -> None:
        if self.path is None:
            return
        if file_signature(self.path) == self._signature and self._pending is None:
            self.confirmed.emit(self.path)
