"""Following the open file: a reload when it changes on disk, however the editor saves it.

The file is watched together with its folder: an editor that saves by writing a new file and renaming it over
the old one makes a watch on the file itself drop, and the folder's watch notices the new file, which is then
watched again. Changes are debounced (a burst of events gives one reload, `RELOAD_DELAY_MS` after the last),
and only a change of a file's own signature (modification time, size, inode) asks for a reload.

The source texts the chronology quotes are followed too: editing a source so that a quote no longer matches
must show the quote as unverified at once, not at the next manual reload.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

RELOAD_DELAY_MS = 200


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is rewritten (or renamed over); None when it is not there."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class FileFollower(QObject):
    """Watches one file; `changed(path)` when its content may have changed."""

    changed = Signal(object)  # Path

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._signature: tuple[int, int, int] | None = None
        self._sources: dict[Path, tuple[int, int, int] | None] = {}
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_event)
        self.watcher.directoryChanged.connect(self._on_event)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RELOAD_DELAY_MS)
        self.timer.timeout.connect(self._check)

    def follow(self, path: Path) -> None:
        """Watch `path` and its folder instead of whatever was watched before."""
        self.path = path
        self._unwatch()
        self._signature = file_signature(path)
        self._sources = {}
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

    def stop(self) -> None:
        self.timer.stop()
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

    def _check(self) -> None:
        if self.path is None:
            return
        self._watch()  # the file may be a new one renamed over the old: watch it again
        signature = file_signature(self.path)
        sources = {path: file_signature(path) for path in self._sources}
        if signature is None or (signature == self._signature and sources == self._sources):
            return  # gone for now (mid-rename), or another file in the folder changed
        self._signature, self._sources = signature, sources
        self.changed.emit(self.path)
