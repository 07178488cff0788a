"""Loading chronologies off the GUI thread, with progress and a way to cancel.

A `FileLoader` runs `viewer.model.loader.load` in a QThread and reports back on the GUI thread. Small loads
load at once on the calling thread: starting a thread would cost more than the load. What is small is
decided by `load_size`, the file plus the source texts it may cite (a 212-byte chronology citing a 28 MB
source is a large load). Cancelling works through the loader's progress callback, which raises
`LoadCancelled` at its next call; the worker catches it and the result is dropped. Only the newest load's
result is ever delivered, so a slow load that a newer one overtook cannot replace what the newer one showed.
Every worker thread is joined before it is let go: Qt aborts the process when a running QThread is destroyed.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import stat
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from viewer.model.collector import collector_paused
from viewer.model.loader import LoadResult, load
from viewer.model.problems import Problem

SYNC_LIMIT_BYTES = 1_000_000
MAX_SCANNED_ENTRIES = 5_000  # folder entries looked at before a load is simply called large

logger = logging.getLogger(__name__)


class LoadReason(enum.StrEnum):
    """Why a file is loaded, which decides what its result does to what is shown."""

    OPEN = "open"  # a file the reader chose: shown at its own first range
    RELOAD = "reload"  # the same file again: the range, the selection and the search are kept
    FOLLOW = "follow"  # the same file, changed on disk: as RELOAD, but what would show less waits to be confirmed
    CONFIRMED = "confirmed"  # the same file, unchanged since a FOLLOW load that would have shown less


class LoadCancelled(Exception):
    """Raised inside the loader's progress callback to stop a load."""


def load_guarded(path: Path, cancel: threading.Event | None = None, report=None) -> LoadResult | None:
    """`load(path)`, never raising: None when cancelled, a LoadResult with a problem for the unexpected."""

    def progress(fraction: float) -> None:
        if cancel is not None and cancel.is_set():
            raise LoadCancelled
        if report is not None:
            report(fraction)

    try:
        return load(path, progress)
    except LoadCancelled:
        return None
    except Exception as error:  # a bug in the loader must not take the window down; the log keeps the trace
        logger.exception("loading %s failed", path)
        return LoadResult(path, None, [Problem(path, 0, 0, f"could not load the file: {error}")])


def load_size(path: Path, limit: int) -> int:
    """The bytes a load of `path` may read, counted until they reach `limit` (then `limit` is returned).

    A chronology may cite any file in its folder tree (the validator refuses the rest), so the file's size
    is added to the sizes of the regular files below its folder. The count stops at `limit`, and a folder
    too large to look through cheaply (over MAX_SCANNED_ENTRIES entries) counts as `limit` too: wrongly
    calling a load large costs a thread start, wrongly calling it small freezes the window.
    """
    try:
        status = path.stat()
    except (OSError, ValueError):
        return 0  # the load will say why; it is quick
    if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
        # A named pipe, a device, or a file whose size says nothing (0 for /proc files): never read on the GUI
        # thread. The reader refuses special files without blocking; the thread makes sure of it.
        return limit
    total = status.st_size
    itself = path.resolve()
    folders = [itself.parent]
    seen = 0
    while folders and total < limit:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    seen += 1
                    if seen > MAX_SCANNED_ENTRIES:
                        return limit
                    with contextlib.suppress(OSError):
                        if entry.is_dir(follow_symlinks=False):
                            folders.append(Path(entry.path))
                        elif entry.is_file(follow_symlinks=False) and entry.path != str(itself):
                            total += entry.stat(follow_symlinks=False).st_size
        except OSError:
            continue
    return min(total, limit)


class _Worker(QObject):
    progressed = Signal(int, float)
    done = Signal(int, object)

    def __init__(self, generation: int, path: Path, cancel: threading.Event) -> None:
        super().__init__()
        self.generation = generation
        self.path = path
        self.cancel = cancel

    @Slot()
    def run(self) -> None:
        with collector_paused(settle=True):
            result = load_guarded(self.path, self.cancel, lambda f: self.progressed.emit(self.generation, f))
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())  # so the GUI thread may delete it when the job is pruned
        self.done.emit(self.generation, result)


class FileLoader(QObject):
    """Loads one file at a time; a new `start` cancels the load still running."""

    started = Signal(object)  # Path
    progressed = Signal(float)  # fraction in [0, 1]
    finished = Signal(object, object)  # LoadResult, reason (whatever start() was given)
    cancelled = Signal(object)  # Path

    def __init__(self, parent: QObject | None = None, sync_limit: int = SYNC_LIMIT_BYTES) -> None:
        super().__init__(parent)
        self.sync_limit = sync_limit
        self._generation = 0
        self._current: tuple[int, Path, object] | None = None
        self._cancel: threading.Event | None = None
        self._jobs: list[tuple[QThread, _Worker]] = []

    def busy(self) -> bool:
        return self._current is not None

    def start(self, path: Path, reason: object = None) -> None:
        """Load `path`; `finished(result, reason)` follows (at once for a small file)."""
        self.cancel(quiet=True)
        self._prune()
        self._generation += 1
        generation = self._generation
        path = Path(path)
        self._current = (generation, path, reason)
        if load_size(path, self.sync_limit) < self.sync_limit:
            result = load_guarded(path)
            self._deliver(generation, result)
            return
        self._cancel = threading.Event()
        worker = _Worker(generation, path, self._cancel)
        thread = QThread()
        thread.setObjectName(f"load {path.name}")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.done.connect(self._on_done)
        # Quit from the worker thread itself, right after its run: a queued quit would wait for the GUI thread.
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        self._jobs.append((thread, worker))
        self.started.emit(path)
        thread.start()

    def cancel(self, quiet: bool = False) -> None:
        """Stop the running load (its result, if it still arrives, is dropped)."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
        if self._current is not None:
            path = self._current[1]
            self._current = None
            if not quiet:
                self.cancelled.emit(path)

    def shutdown(self) -> None:
        """Cancel the load, then wait until every worker thread has finished (before the window goes away).

        A cancelled load stops at its next progress report (a few milliseconds of work), so the wait is
        short; it has no timeout because destroying a QThread that still runs aborts the whole process.
        """
        self.cancel(quiet=True)
        for thread, _worker in self._jobs:
            thread.quit()
            thread.wait()
        self._jobs = []

    def _prune(self) -> None:
        self._jobs = [(t, w) for t, w in self._jobs if not t.isFinished()]

    @Slot(int, float)
    def _on_progress(self, generation: int, fraction: float) -> None:
        if self._current is not None and generation == self._current[0]:
            self.progressed.emit(fraction)

    @Slot(int, object)
    def _on_done(self, generation: int, result: object) -> None:
        # The worker has returned from its run and quit its thread: join it now (a moment), so that no
        # running thread is left for Python to destroy if the loader goes away right after this result.
        for thread, worker in self._jobs:
            if worker.generation == generation:
                thread.wait()
        self._deliver(generation, result)

    def _deliver(self, generation: int, result: LoadResult | None) -> None:
        if self._current is None or generation != self._current[0]:
            return  # overtaken by a newer load, or cancelled
        _, path, reason = self._current
        self._current = None
        self._cancel = None
        if result is None:
            self.cancelled.emit(path)
            return
        self.finished.emit(result, reason)


class LoadProgress(QWidget):
    """The status bar's progress bar with a Cancel button, shown while a large file loads."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is not markup
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(180)
        self.bar.setAccessibleName("Loading progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, path: Path) -> None:
        self.label.setText(f"Loading {path.name}…")
        self.bar.setValue(0)
        self.show()

    def set_fraction(self, fraction: float) -> None:
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * 100))

    def end(self) -> None:
        self.hide()
