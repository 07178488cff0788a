"""`timeline-viewer export FILE -o OUT`: load, check, draw and write, with one line on stderr either way."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.export.paper import Orientation, Sheet
from viewer.export.pictures import ExportRequest, request_problem
from viewer.export.saving import ensure_gui_application, export, output_problem
from viewer.export.writers import ExportError, writer_for
from viewer.model.dates import PartialDate
from viewer.model.escaping import for_terminal
from viewer.model.loader import load
from viewer.model.store import Store
from viewer.render.lanes import LaneChoices, LaneMode
from viewer.render.painter import Decorations
from viewer.render.theme import THEMES


def _seconds(date: PartialDate | None, end: bool) -> float | None:
    if date is None:
        return None
    return date.end_seconds if end else date.start_seconds


def _say(text: str) -> None:
    """One line on stderr, with whatever came from a file escaped (see viewer.model.escaping)."""
    print(for_terminal(text), file=sys.stderr)


def export_from_cli(options: argparse.Namespace) -> int:
    """0 when written, 1 when not (with the reason on stderr), 2 for a usage mistake."""
    output: Path = options.output
    try:
        writer_for(output)
        _settle_size(options)
        problem = request_problem(ExportRequest(options.width, options.height, options.scale))
        if problem is not None:
            raise ExportError(problem)
    except ExportError as error:
        _say(f"timeline-viewer export: {error}")
        return 2
    try:
        output_problem(output)  # before the load: a FIFO or a device is refused whatever the input holds
    except ExportError as error:
        _say(f"timeline-viewer export: {error}")
        return 1
    result = load(options.file, format=getattr(options, "format", None))
    if result.store is None or result.problems:
        for problem in result.problems:
            _say(str(problem))
        _say(f"timeline-viewer export: {options.file} has problems; nothing was written")
        return 1
    t0, t1 = _seconds(options.start, end=False), _seconds(options.end, end=True)
    if t0 is not None and t1 is not None and t1 <= t0:
        _say("timeline-viewer export: --to is before --from")
        return 2
    ensure_gui_application()
    decorations = Decorations(title=options.title, legend=options.legend, sources=options.sources)
    tags = tuple(dict.fromkeys(getattr(options, "tags", None) or ()))
    unknown = [tag for tag in tags if tag not in result.store.tags()]
    if unknown:
        known = ", ".join(result.store.tags()) or "none"
        _say(f"timeline-viewer export: no event has the tag {unknown[0]!r} (the tags: {known})")
        return 2
    lanes = LaneChoices(LaneMode.parse(getattr(options, "lanes", "none")))
    request = ExportRequest(options.width, options.height, options.scale, t0, t1, THEMES[options.theme], decorations,
                            tags=tags, lanes=lanes, sheet=options.sheet)  # fmt: skip
    try:
        export(result.store, output, request)
    except ExportError as error:
        _say(f"timeline-viewer export: {error}")
        return 1
    size = f"{options.width}×{options.height}"
    _say(f"wrote {output} ({size if options.sheet is None else f'{options.sheet.words()}, {size} at 300 dpi'})")
    shown = (options.start or options.end) and not len(result.store.touching(*_shown_range(result.store, t0, t1)))
    if shown:
        _say(f"timeline-viewer export: warning: no event falls between {_words(options.start, 'the start')} and "
             f"{_words(options.end, 'the end')}; the picture shows an empty axis")  # fmt: skip
    return 0


def _settle_size(options: argparse.Namespace) -> None:
    """Width, height and scale from --paper (its size at 300 dpi), or as given, or 1920 × 1080 at 1."""
    paper = getattr(options, "paper", None)
    options.sheet = None
    if paper is not None:
        if options.width is not None or options.height is not None:
            raise ExportError("--paper gives the size; leave out --width and --height")
        sheet = Sheet(paper, Orientation.PORTRAIT if options.portrait else Orientation.LANDSCAPE)
        options.sheet = sheet
        options.width, options.height = sheet.pixels()
        options.scale = options.scale or sheet.scale()
        return
    if getattr(options, "portrait", False):
        raise ExportError("--portrait goes with --paper")
    options.width = options.width or 1920
    options.height = options.height or 1080
    options.scale = options.scale or 1.0


def _shown_range(store: Store, t0: float | None, t1: float | None) -> tuple[float, float]:
    """The range asked for, an open end taken as the chronology's own."""
    span = store.span() or (0.0, 0.0)
    return (span[0] if t0 is None else t0), (span[1] if t1 is None else t1)


def _words(date: PartialDate | None, otherwise: str) -> str:
    return date.words() if date is not None else otherwise
