"""Loading in the background: progress, cancel, a responsive window, and only the newest result counts."""

from __future__ import annotations

import gc
import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread, QTimer

from viewer.model.loader import LoadResult, load
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui import loading
from viewer.ui.loading import FileLoader, load_size
from viewer.ui.main_window import MainWindow


class SlowLoad:
    """Stands in for the loader: reports progress for `seconds` (or until cancelled), then loads for real."""

    def __init__(self, seconds: float = 2.0) -> None:
        self.seconds = seconds
        self.threads: list[QThread] = []
        self.cancelled = threading.Event()
        self.started = threading.Event()

    def __call__(self, path, progress=None) -> LoadResult:
        self.threads.append(QThread.currentThread())
        self.started.set()
        steps = 100
        for step in range(steps):
            try:
                if progress is not None:
                    progress(step / steps)
            except BaseException:
                self.cancelled.set()
                raise
            time.sleep(self.seconds / steps)
        return load(path)


@pytest.fixture
def slow(monkeypatch) -> SlowLoad:
    fake = SlowLoad()
    monkeypatch.setattr(loading, "load", fake)
    return fake


def test_a_large_file_loads_in_a_worker_thread_with_progress(qtbot) -> None:
    loader = FileLoader(sync_limit=0)  # every file counts as large
    fractions: list[float] = []
    loader.progressed.connect(fractions.append)
    with qtbot.waitSignal(loader.finished, timeout=5000) as blocker:
        loader.start(SHIPPED_CHRONOLOGY, "open")
    result, reason = blocker.args
    assert result.ok and len(result.store) > 0
    assert reason == "open"
    assert fractions and fractions[-1] == 1.0
    loader.shutdown()


def test_the_load_runs_off_the_gui_thread_and_the_gui_keeps_running(qtbot, slow: SlowLoad) -> None:
    loader = FileLoader(sync_limit=0)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(loader.finished, timeout=8000):
        slow.seconds = 0.5
        loader.start(SHIPPED_CHRONOLOGY)
    timer.stop()
    assert slow.threads and slow.threads[0] is not QThread.currentThread()
    assert len(ticks) >= 10, "the event loop kept running while the file loaded"
    loader.shutdown()


def test_cancel_stops_the_load_and_delivers_nothing(qtbot, slow: SlowLoad) -> None:
    loader = FileLoader(sync_limit=0)
    finished: list[object] = []
    loader.finished.connect(lambda result, reason: finished.append(result))
    loader.start(SHIPPED_CHRONOLOGY)
    assert slow.started.wait(5)
    with qtbot.waitSignal(loader.cancelled, timeout=2000):
        loader.cancel()
    qtbot.waitUntil(slow.cancelled.is_set, timeout=3000)
    qtbot.wait(100)
    assert finished == []
    assert not loader.busy()
    loader.shutdown()


def test_a_newer_load_overtakes_an_older_one(qtbot, slow: SlowLoad, tmp_path: Path) -> None:
    loader = FileLoader(sync_limit=0)
    delivered: list[Path] = []
    loader.finished.connect(lambda result, reason: delivered.append(result.path))
    loader.start(SHIPPED_CHRONOLOGY)
    assert slow.started.wait(5)
    small = tmp_path / "small.yaml"  # loads at once on the GUI thread (an empty one would not: issue 15)
    small.write_text("timeline: {title: Small}\n", encoding="utf-8")
    loader.sync_limit = 1_000_000
    loader.start(small)
    qtbot.waitUntil(slow.cancelled.is_set, timeout=3000)
    qtbot.wait(100)
    assert delivered == [small]
    loader.shutdown()


def test_a_loader_bug_becomes_a_problem_not_a_crash(qtbot, monkeypatch, caplog) -> None:
    def broken(path, progress=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(loading, "load", broken)
    loader = FileLoader()
    with qtbot.waitSignal(loader.finished, timeout=2000) as blocker:
        loader.start(SHIPPED_CHRONOLOGY)
    result = blocker.args[0]
    assert result.store is None
    assert "boom" in result.problems[0].message
    logged = [r for r in caplog.records if r.name == "viewer.ui.loading" and r.levelno == logging.ERROR]
    assert len(logged) == 1 and logged[0].exc_info is not None, "the trace goes to the log"
    assert str(SHIPPED_CHRONOLOGY) in logged[0].getMessage()


def test_the_window_shows_progress_and_cancel_keeps_what_was_shown(qtbot, slow: SlowLoad) -> None:
    slow.seconds = 0.0
    window = MainWindow(SHIPPED_CHRONOLOGY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.store() is not None, timeout=3000)
    shown = window.store()
    slow.seconds = 5.0
    slow.started.clear()
    window.loader.sync_limit = 0
    window.reload_action.trigger()
    assert slow.started.wait(5)
    qtbot.waitUntil(lambda: window.load_progress.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: window.load_progress.bar.value() > 0, timeout=3000)
    qtbot.mouseClick(window.load_progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.load_progress.isVisible()
    assert window.store() is shown
    assert "Stopped loading" in window.status_message()
    qtbot.waitUntil(slow.cancelled.is_set, timeout=3000)
    window.close()


# -- what counts as a large load --------------------------------------------------------------------------------


def _chronology_citing(folder: Path, source_bytes: int) -> Path:
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "big.txt").write_text("x" * source_bytes, encoding="utf-8")
    path = folder / "small.yaml"
    path.write_text("sources:\n  - id: big\n    title: Big\n    file: sources/big.txt\nevents: []\n", encoding="utf-8")
    return path


def test_the_load_size_counts_the_source_texts_a_file_may_cite(tmp_path: Path) -> None:
    path = _chronology_citing(tmp_path / "c", 30_000)
    own = path.stat().st_size
    assert own < 200
    assert load_size(path, 1_000_000) == own + 30_000
    assert load_size(path, 10_000) == 10_000, "the count stops at the limit"
    assert load_size(tmp_path / "missing.yaml", 10_000) == 0


def test_a_folder_too_large_to_look_through_counts_as_a_large_load(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("events: []\n", encoding="utf-8")
    for number in range(20):
        (tmp_path / f"{number}.txt").write_text("", encoding="utf-8")
    assert load_size(path, 1_000_000) == path.stat().st_size
    monkeypatch.setattr(loading, "MAX_SCANNED_ENTRIES", 10)
    assert load_size(path, 1_000_000) == 1_000_000


def test_a_tiny_file_citing_a_large_source_loads_in_the_background(qtbot, tmp_path: Path) -> None:
    path = _chronology_citing(tmp_path / "c", 30_000)
    loader = FileLoader(sync_limit=20_000)
    started: list[Path] = []
    loader.started.connect(started.append)
    with qtbot.waitSignal(loader.finished, timeout=5000) as blocker:
        loader.start(path)
    assert started == [path], "the load went to a worker thread"
    assert blocker.args[0].ok, blocker.args[0].problems
    loader.shutdown()
    small = _chronology_citing(tmp_path / "d", 100)
    with qtbot.waitSignal(loader.finished, timeout=1000):
        loader.start(small)
    assert started == [path], "a small load stays on the calling thread"


# -- shutting down, and the garbage collector ---------------------------------------------------------------


def test_shutdown_cancels_then_waits_for_the_worker_to_finish(qtbot, monkeypatch) -> None:
    returned = threading.Event()
    began = threading.Event()

    def stubborn(path, progress=None):
        """Notices the cancel only after a while, as a long step of a real load would."""
        began.set()
        try:
            while True:
                time.sleep(0.05)
                progress(0.5)
        finally:
            time.sleep(0.5)
            returned.set()

    waits: list[tuple] = []

    class RecordingThread(QThread):
        def wait(self, *args) -> bool:  # type: ignore[override]
            waits.append(args)
            return super().wait(*args)

    monkeypatch.setattr(loading, "load", stubborn)
    monkeypatch.setattr(loading, "QThread", RecordingThread)
    loader = FileLoader(sync_limit=0)
    loader.start(SHIPPED_CHRONOLOGY)
    assert began.wait(5)
    threads = [thread for thread, _ in loader._jobs]
    loader.shutdown()
    assert returned.is_set(), "shutdown returned before the worker did"
    assert waits == [()], "joined without a deadline (a running QThread destroyed aborts the process)"
    assert threads and all(thread.isFinished() for thread in threads)
    assert not loader.busy()


def test_a_background_load_restores_the_collector(qtbot) -> None:
    loader = FileLoader(sync_limit=0)
    with qtbot.waitSignal(loader.finished, timeout=5000):
        loader.start(SHIPPED_CHRONOLOGY)
    assert gc.isenabled()
    loader.shutdown()
