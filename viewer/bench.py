"""The performance benchmark: `python -m viewer.bench [--sizes 1000,10000,100000,1000000] [--json]`.

Each size runs in a child process of its own, so `peak_rss_mb` is that size's peak and not the largest so
far. Everything is drawn with the real painter into an offscreen 1920×1080 image, as the window would.

Measures (see issue "Scale: a million events"):
- index_s: building the store (sorting, time columns, duration classes) from the events;
- frame_ms_median, frame_ms_p95: a scripted flight of 90 frames, zooming from the whole span down to a
  single day inside a burst, panning there, and zooming back out;
- hit_ms_median: finding what is under a point after a frame;
- lanes_frame_ms_median, lanes_frame_ms_p95, lanes_hit_ms_median: the same flight and hits with lanes by tag
  (the synthetic events have one to three actor tags each, so most are drawn in two or three lanes);
- yaml_load_s: loading the chronology from a YAML file with validation (sizes up to 100,000; null above);
- export_4k_s: exporting a 3840×2160 PNG of the whole span, written to disk;
- peak_rss_mb: the child process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from viewer.model.dates import SECONDS_PER_DAY

KEYS = ("events", "index_s", "frame_ms_median", "frame_ms_p95", "hit_ms_median", "lanes_frame_ms_median",
        "lanes_frame_ms_p95", "lanes_hit_ms_median", "yaml_load_s", "export_4k_s", "peak_rss_mb")  # fmt: skip
YAML_LIMIT = 100_000
WIDTH, HEIGHT = 1920, 1080


def _flight(store, width: float) -> list[tuple[float, float]]:
    """The scripted view ranges: whole span → one day in the densest burst → pan → back out."""
    from viewer.render.view import fit_all

    t0, t1 = fit_all(store, width)
    # The densest day: the burst a user would zoom into.
    days = (store.starts // SECONDS_PER_DAY).astype("int64")
    values, counts = __import__("numpy").unique(days, return_counts=True)
    target = float(values[int(counts.argmax())]) * SECONDS_PER_DAY + SECONDS_PER_DAY / 2
    frames = []
    steps = 40
    day_span = SECONDS_PER_DAY * 1.2
    for k in range(steps + 1):
        span = (t1 - t0) * (day_span / (t1 - t0)) ** (k / steps)
        centre = (t0 + t1) / 2 + (target - (t0 + t1) / 2) * min(1.0, k / (steps * 0.6))
        frames.append((centre - span / 2, centre + span / 2))
    a, b = frames[-1]
    for k in range(1, 11):  # pan through the burst, a quarter-view at a time
        shift = (b - a) * 0.25 * k
        frames.append((a + shift, b + shift))
    back = list(reversed(frames[: steps + 1]))
    frames.extend(back)
    return frames


def _measure(size: int) -> dict[str, Any]:
    from viewer.qtenv import use_offscreen_platform

    use_offscreen_platform()
    import numpy as np
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from viewer import synthetic
    from viewer.export import ExportRequest, export
    from viewer.model.events import Header, Source
    from viewer.model.loader import load
    from viewer.model.store import Store
    from viewer.render.lanes import LaneChoices, LaneMode
    from viewer.render.painter import Frame, TimelinePainter

    app = QGuiApplication(["timeline-viewer-bench"])  # noqa: F841 - fonts need the application object
    events = synthetic.events(size)
    text, _ = synthetic.source_text()
    started = time.perf_counter()
    store = Store(events, {synthetic.SOURCE_ID: Source(synthetic.SOURCE_ID, "Synthetic", text=text)},
                  Header("Synthetic chronology"))  # fmt: skip
    index_s = time.perf_counter() - started
    del events

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    drawer = TimelinePainter()
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    frame_ms = []
    for t0, t1 in _flight(store, WIDTH):
        started = time.perf_counter()
        painter = QPainter(image)
        drawer.paint(painter, rect, Frame(store, t0, t1))
        painter.end()
        frame_ms.append((time.perf_counter() - started) * 1000)

    rng = random.Random(7)
    hit_ms = []
    for _ in range(500):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        started = time.perf_counter()
        drawer.hit(x, y)
        hit_ms.append((time.perf_counter() - started) * 1000)
    # Hits also after a mid-level frame (a month in the burst), where rows are full of items.
    t0, t1 = _flight(store, WIDTH)[30]
    painter = QPainter(image)
    drawer.paint(painter, rect, Frame(store, t0, t1))
    painter.end()
    for _ in range(500):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        started = time.perf_counter()
        drawer.hit(x, y)
        hit_ms.append((time.perf_counter() - started) * 1000)

    # The same flight with a lane per tag: every lane laid out, clustered and labelled on its own.
    lanes = LaneChoices(LaneMode.TAGS)
    lane_drawer = TimelinePainter()
    lanes_frame_ms = []
    for t0, t1 in _flight(store, WIDTH):
        started = time.perf_counter()
        painter = QPainter(image)
        lane_drawer.paint(painter, rect, Frame(store, t0, t1, lanes=lanes))
        painter.end()
        lanes_frame_ms.append((time.perf_counter() - started) * 1000)
    lanes_hit_ms = []
    for _ in range(1000):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        started = time.perf_counter()
        lane_drawer.hit(x, y)
        lanes_hit_ms.append((time.perf_counter() - started) * 1000)

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        export(store, Path(folder) / "export.png", ExportRequest(3840, 2160))
        export_4k_s = time.perf_counter() - started
        yaml_load_s = None
        if size <= YAML_LIMIT:
            path = synthetic.write_yaml(Path(folder), size)
            started = time.perf_counter()
            result = load(path)
            yaml_load_s = time.perf_counter() - started
            if not result.ok:
                raise SystemExit(f"the synthetic YAML did not load: {result.problems[:3]}")

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "events": size,
        "index_s": round(index_s, 4),
        "frame_ms_median": round(statistics.median(frame_ms), 3),
        "frame_ms_p95": round(float(np.percentile(frame_ms, 95)), 3),
        "hit_ms_median": round(statistics.median(hit_ms), 4),
        "lanes_frame_ms_median": round(statistics.median(lanes_frame_ms), 3),
        "lanes_frame_ms_p95": round(float(np.percentile(lanes_frame_ms, 95)), 3),
        "lanes_hit_ms_median": round(statistics.median(lanes_hit_ms), 4),
        "yaml_load_s": None if yaml_load_s is None else round(yaml_load_s, 3),
        "export_4k_s": round(export_4k_s, 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def _parser_baseline(size: int) -> str:
    """How much the validating loader adds to the YAML parser itself, on one file, in one process."""
    import gc

    import yaml

    from viewer import synthetic
    from viewer.model.loader import load

    with tempfile.TemporaryDirectory() as folder:
        path = synthetic.write_yaml(Path(folder), size)
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        bare = time.perf_counter() - started
        gc.disable()
        started = time.perf_counter()
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        bare_no_gc = time.perf_counter() - started
        gc.enable()
        started = time.perf_counter()
        result = load(path)
        ours = time.perf_counter() - started
        assert result.ok, result.problems[:3]
        megabytes = len(text.encode("utf-8")) / 1e6
    return (
        f"{size:,} events ({megabytes:.1f} MB of YAML): yaml.load(CSafeLoader) {bare:.2f} s "
        f"({bare_no_gc:.2f} s with the garbage collector paused); "
        f"viewer's load() with positions and every check, quotes included: {ours:.2f} s"
    )


def _load_responsiveness(size: int) -> str:
    """The window's background load, with a 10 ms timer on the GUI thread measuring how long it is held up."""
    from viewer.qtenv import use_offscreen_platform

    use_offscreen_platform()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from viewer import synthetic
    from viewer.ui.loading import FileLoader

    app = QApplication(["timeline-viewer-bench"])  # noqa: F841 - the event loop needs it
    with tempfile.TemporaryDirectory() as folder:
        path = synthetic.write_yaml(Path(folder), size)
        loader = FileLoader()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        finished = QEventLoop()
        loader.finished.connect(lambda *_: finished.quit())
        timer.start()
        started = time.perf_counter()
        loader.start(path, "bench")
        finished.exec()
        took = time.perf_counter() - started
    longest = max(gaps) * 1000 if gaps else took * 1000
    over = sum(gap > 0.1 for gap in gaps)
    return (
        f"{size:,} events loaded in the background in {took:.2f} s; the GUI thread's 10 ms timer ran "
        f"{len(gaps)} times, its longest wait {longest:.0f} ms, {over} waits over 100 ms"
    )


def _events_table(sizes: list[int]) -> str:
    """The events table at each size: one screenful of cells asked of the model, a scroll step painted by a
    real QTableView (offscreen), and sorts by title and by quotes (numpy over whole columns)."""
    import numpy as np

    from viewer import synthetic
    from viewer.qtenv import use_offscreen_platform

    use_offscreen_platform()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from viewer.ui.events_table import COLUMNS, Column, EventsTable
    from viewer.viewstate import ViewState

    app = QApplication.instance() or QApplication(["bench"])
    lines = []
    for size in sizes:
        store = synthetic.store(size, seed=1)
        state = ViewState(1200)
        state.set_store(store)
        view = EventsTable(state, lambda index, reveal, state=state: state.select(index))
        model = view.table_model
        rng = np.random.default_rng(2)
        page = []
        for start in rng.integers(0, max(size - 30, 1), 200):
            began = time.perf_counter()
            for row in range(int(start), min(int(start) + 30, size)):
                for column in range(len(COLUMNS)):
                    model.data(model.index(row, column))
            page.append((time.perf_counter() - began) * 1000)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        bar = view.verticalScrollBar()
        frames = []
        for value in rng.integers(0, max(bar.maximum(), 1), 60):
            bar.setValue(int(value))
            began = time.perf_counter()
            view.viewport().repaint()
            frames.append((time.perf_counter() - began) * 1000)
        sorts = {}
        for column, order in ((Column.TITLE, Qt.SortOrder.AscendingOrder), (Column.QUOTES, Qt.SortOrder.AscendingOrder),
                              (Column.TITLE, Qt.SortOrder.DescendingOrder)):  # fmt: skip
            began = time.perf_counter()
            model.sort(COLUMNS.index(column), order)
            sorts[column, order] = time.perf_counter() - began
        view.close()
        lines.append(f"{size:>9,} events: one screen of cells {statistics.median(page):.3f} ms (median of 200), "
                     f"a scroll step painted {statistics.median(frames):.2f} ms (median of 60); sorted by title "
                     f"{sorts[Column.TITLE, Qt.SortOrder.AscendingOrder]:.2f} s (the first time), by quotes "
                     f"{sorts[Column.QUOTES, Qt.SortOrder.AscendingOrder]:.2f} s, by title again, descending, "
                     f"{sorts[Column.TITLE, Qt.SortOrder.DescendingOrder]:.2f} s")  # fmt: skip
    return "\n".join(lines)


def _run_child(size: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "viewer.bench", "--child", str(size)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"benchmark of {size} events failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(rows: list[dict[str, Any]]) -> str:
    headers = list(KEYS)
    cells = [[_cell(row[key]) for key in headers] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("| " + " | ".join("-" * w for w in widths) + " |")
    for row in cells:
        lines.append("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:g}" if not math.isnan(value) else "nan"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viewer.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated event counts")
    parser.add_argument("--json", action="store_true", help="print a JSON list, one object per size")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--parser-baseline",
        type=int,
        metavar="N",
        help="instead: time PyYAML's bare C loader and the validating loader on the same file of N events",
    )
    parser.add_argument(
        "--load-responsiveness",
        type=int,
        metavar="N",
        help="instead: load a file of N events as the window does (in the background) and report the longest "
        "pause of the GUI thread meanwhile",
    )
    parser.add_argument(
        "--events-table",
        metavar="SIZES",
        help="instead: time the events table (a screen of cells, a scroll step, sorts) at these comma-separated sizes",
    )
    options = parser.parse_args(argv)
    if options.events_table is not None:
        print(_events_table([int(s.replace("_", "")) for s in options.events_table.split(",") if s.strip()]))
        return 0
    if options.load_responsiveness is not None:
        print(_load_responsiveness(options.load_responsiveness))
        return 0
    if options.child is not None:
        print(json.dumps(_measure(options.child)))
        return 0
    if options.parser_baseline is not None:
        print(_parser_baseline(options.parser_baseline))
        return 0
    try:
        sizes = [int(s.replace("_", "")) for s in options.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated whole numbers, not {options.sizes!r}")
    if not sizes or any(s <= 0 for s in sizes):
        parser.error("--sizes must be positive")
    rows = []
    for size in sizes:
        if not options.json:
            print(f"measuring {size:,} events…", file=sys.stderr, flush=True)
        rows.append(_run_child(size))
    if options.json:
        print(json.dumps(rows, indent=2))
    else:
        print(_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
