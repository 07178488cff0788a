"""Export a timeline to PNG, SVG or PDF through the same painter as the window.

Every file is written through QSaveFile: it appears complete under its name, or not at all (a missing
folder, no permission, a full disk leave nothing behind). PNG has exactly the pixel size asked for; `scale`
is the device pixel ratio, so `--scale 2` draws everything twice as large in the same pixels.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSaveFile, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from viewer.model.dates import PartialDate
from viewer.model.loader import load
from viewer.model.store import Store
from viewer.qtenv import use_offscreen_platform
from viewer.render.painter import Decorations, Frame, TimelinePainter
from viewer.render.theme import THEMES, Theme
from viewer.render.view import initial_range

FORMATS = (".png", ".svg", ".pdf")
# QImage keeps its byte count in a signed 32-bit int; past this, Qt cannot hold the image.
MAX_IMAGE_BYTES = 2**31 - 1
MAX_IMAGE_SIDE = 32_767


class ExportError(Exception):
    """An export that could not be written; the message is one line for the user."""


@dataclass
class ExportRequest:
    width: int = 1920
    height: int = 1080
    scale: float = 1.0
    t0: float | None = None
    t1: float | None = None
    theme: Theme = THEMES["light"]
    decorations: Decorations | None = None


def largest_png(width: int, height: int) -> tuple[int, int]:
    """The largest PNG of the same aspect that Qt can hold in one image."""
    factor = min(1.0, math.sqrt(MAX_IMAGE_BYTES / 4 / (width * height)), MAX_IMAGE_SIDE / max(width, height))
    return max(1, int(width * factor)), max(1, int(height * factor))


def render_image(store: Store, request: ExportRequest, painter_object: TimelinePainter | None = None) -> QImage:
    """The picture as a QImage of exactly width × height pixels."""
    width, height = request.width, request.height
    if width * height * 4 > MAX_IMAGE_BYTES or max(width, height) > MAX_IMAGE_SIDE:
        w, h = largest_png(width, height)
        raise ExportError(
            f"{width}×{height} is larger than Qt can hold in one image; "
            f"the largest PNG at this aspect is {w}×{h} (or export SVG or PDF)"
        )
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"not enough memory for a {width}×{height} image")
    image.setDevicePixelRatio(request.scale)
    logical = QRectF(0, 0, width / request.scale, height / request.scale)
    painter = QPainter(image)
    try:
        _paint(painter, logical, store, request, painter_object)
    finally:
        painter.end()
    return image


def _frame(store: Store, request: ExportRequest, logical_width: float) -> Frame:
    t0, t1 = request.t0, request.t1
    if t0 is None or t1 is None:
        d0, d1 = initial_range(store, logical_width)
        t0 = d0 if t0 is None else t0
        t1 = d1 if t1 is None else t1
    decorations = request.decorations or Decorations()
    return Frame(store, t0, t1, request.theme, decorations=decorations, fixed=True)


def _paint(painter: QPainter, rect: QRectF, store: Store, request: ExportRequest,
           painter_object: TimelinePainter | None) -> None:  # fmt: skip
    drawer = painter_object or TimelinePainter()
    drawer.paint(painter, rect, _frame(store, request, rect.width()))


def export(store: Store, output: Path, request: ExportRequest,
           progress: Callable[[int], None] | None = None) -> None:  # fmt: skip
    """Write the picture to `output` (.png, .svg or .pdf) atomically; raises ExportError with the reason."""
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"cannot tell the format from '{output.name}': use .png, .svg or .pdf")
    if not output.parent.exists():
        raise ExportError(f"the folder {output.parent} does not exist; nothing was written")
    if output.is_dir():
        raise ExportError(f"{output} is a folder; nothing was written")
    if progress:
        progress(5)
    if suffix == ".png":
        image = render_image(store, request)
        if progress:
            progress(70)
        data = _png_bytes(image)
    elif suffix == ".svg":
        data = _svg_bytes(store, request)
    else:
        data = _pdf_bytes(store, request)
    if progress:
        progress(90)
    _write_atomically(output, data)
    if progress:
        progress(100)


@contextlib.contextmanager
def _memory_device() -> Iterator[tuple[QByteArray, QBuffer]]:
    """A buffer to encode into: the file is written only once the whole picture exists."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        yield data, buffer
    finally:
        buffer.close()


def _png_bytes(image: QImage) -> QByteArray:
    with _memory_device() as (data, buffer):
        if not image.save(buffer, "PNG"):
            raise ExportError("Qt could not encode the PNG")
    return data


def _vector_bytes(
    store: Store, request: ExportRequest, device_for: Callable[[QBuffer, float, float], QPaintDevice]
) -> QByteArray:
    """Draw through a vector paint device (SVG, PDF) that `device_for` makes over the buffer."""
    width, height = request.width / request.scale, request.height / request.scale
    with _memory_device() as (data, buffer):
        device = device_for(buffer, width, height)
        painter = QPainter(device)
        try:
            _paint(painter, QRectF(0, 0, width, height), store, request, None)
        finally:
            painter.end()
    return data


def _svg_bytes(store: Store, request: ExportRequest) -> QByteArray:
    def device_for(buffer: QBuffer, width: float, height: float) -> QSvgGenerator:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(round(width), round(height)))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setTitle(store.header.title)
        generator.setDescription("Exported by timeline-viewer")
        return generator

    return _vector_bytes(store, request, device_for)


def _pdf_bytes(store: Store, request: ExportRequest) -> QByteArray:
    """A vector PDF whose page has the picture's aspect, at 96 logical pixels to the inch."""

    def device_for(buffer: QBuffer, width: float, height: float) -> QPdfWriter:
        writer = QPdfWriter(buffer)
        writer.setResolution(96)
        writer.setPageSize(QPageSize(QSizeF(width * 72 / 96, height * 72 / 96), QPageSize.Unit.Point, "timeline"))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setTitle(store.header.title)
        writer.setCreator("timeline-viewer")
        return writer

    return _vector_bytes(store, request, device_for)


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


def _seconds(date: PartialDate | None, end: bool) -> float | None:
    if date is None:
        return None
    return date.end_seconds if end else date.start_seconds


def export_from_cli(options: argparse.Namespace) -> int:
    """`timeline-viewer export FILE -o OUT`: 0 when written, 1 when not (with the reason on stderr)."""
    output: Path = options.output
    if output.suffix.lower() not in FORMATS:
        print(f"timeline-viewer export: cannot tell the format from '{output.name}': use .png, .svg or .pdf",
              file=sys.stderr)  # fmt: skip
        return 2
    result = load(options.file)
    if result.store is None or result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"timeline-viewer export: {options.file} has problems; nothing was written", file=sys.stderr)
        return 1
    t0, t1 = _seconds(options.start, end=False), _seconds(options.end, end=True)
    if t0 is not None and t1 is not None and t1 <= t0:
        print("timeline-viewer export: --to is before --from", file=sys.stderr)
        return 2
    ensure_gui_application()
    decorations = Decorations(title=options.title, legend=options.legend, sources=options.sources)
    request = ExportRequest(options.width, options.height, options.scale, t0, t1, THEMES[options.theme], decorations)
    try:
        export(result.store, output, request)
    except ExportError as error:
        print(f"timeline-viewer export: {error}", file=sys.stderr)
        return 1
    print(f"wrote {output} ({options.width}×{options.height})", file=sys.stderr)
    return 0
