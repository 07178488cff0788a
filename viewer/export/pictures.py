"""PNG, SVG and PDF through the same painter as the window: the functions the writers table names.

Each returns the whole encoded file; `viewer.export.saving` writes it atomically. PNG has exactly the pixel
size asked for; `scale` is the device pixel ratio, so `--scale 2` draws everything twice as large in the same
pixels. SVG and PDF are vector drawings of the same picture (the PDF's page has its aspect, at 96 logical
pixels to the inch).
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from viewer.export.paper import Sheet
from viewer.export.writers import ExportError, Progress
from viewer.model.store import Store
from viewer.render.lanes import LaneChoices
from viewer.render.painter import Decorations, Frame, TimelinePainter
from viewer.render.theme import THEMES, Theme
from viewer.render.view import initial_range

# QImage keeps its byte count in a signed 32-bit int; past this, Qt cannot hold the image.
MAX_IMAGE_BYTES = 2**31 - 1
MAX_IMAGE_SIDE = 32_767


@dataclass
class ExportRequest:
    width: int = 1920
    height: int = 1080
    scale: float = 1.0
    t0: float | None = None
    t1: float | None = None
    theme: Theme = THEMES["light"]
    decorations: Decorations | None = None
    # Only the events with any of these tags (empty: every event); `shown` gives the events directly instead.
    tags: tuple[str, ...] = ()
    shown: np.ndarray | None = None
    lanes: LaneChoices | None = None
    matches: np.ndarray | None = None  # a search's matches (the rest faded), as the window draws them
    tags_on: frozenset[str] | None = None  # the window's tag filter, for the legend's off entries
    sheet: Sheet | None = None  # a paper chosen: a PDF's page is that paper (see viewer.export.paper)


MAX_DRAWING_SIDE = 100_000  # any format: the layout keeps counts per pixel of the width
MIN_SCALE, MAX_SCALE = 0.25, 8.0  # device pixel ratios: text from four times smaller to eight times larger


def request_problem(request: ExportRequest) -> str | None:
    """Why the picture asked for cannot be drawn, checked before any drawing; None when it can.

    The scale divides the pixels into the logical size that is laid out: `--scale 1e-5` asked for a layout
    192 million pixels wide (21 GB), `inf` for one of no width at all.
    """
    scale, width, height = request.scale, request.width, request.height
    if not isinstance(scale, int | float) or not math.isfinite(scale) or not MIN_SCALE <= scale <= MAX_SCALE:
        return f"the scale must be a number from {MIN_SCALE:g} to {MAX_SCALE:g}, not {scale}"
    if not (isinstance(width, int) and isinstance(height, int)) or width < 1 or height < 1:
        return f"the size must be whole numbers of pixels, at least 1×1, not {width}×{height}"
    if max(width, height) > MAX_DRAWING_SIDE:
        return f"{width}×{height} is larger than {MAX_DRAWING_SIDE:,} pixels on a side"
    if width / scale < 1 or height / scale < 1:
        return f"{width}×{height} at scale {scale:g} leaves less than one pixel to draw in"
    return None


def on_sheet(request: ExportRequest) -> ExportRequest:
    """The request drawn for its paper, when it names one: the paper's size at 300 dpi, text at print size."""
    if request.sheet is None:
        return request
    width, height = request.sheet.pixels()
    return dataclasses.replace(request, width=width, height=height, scale=request.sheet.scale())


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
    shown = request.shown
    tags_on = request.tags_on
    if request.tags:
        tagged = store.tagged(request.tags)
        shown = tagged if shown is None else np.intersect1d(shown, tagged, assume_unique=True)
        tags_on = frozenset(request.tags) if tags_on is None else tags_on & frozenset(request.tags)
    if tags_on is not None:  # a picture of some tags lists only those (there is nothing to click)
        decorations = dataclasses.replace(decorations, legend_all_tags=False)
    return Frame(store, t0, t1, request.theme, decorations=decorations, fixed=True, shown=shown,
                 matches=request.matches, lanes=request.lanes or LaneChoices(), tags_on=tags_on)  # fmt: skip


def _paint(painter: QPainter, rect: QRectF, store: Store, request: ExportRequest,
           painter_object: TimelinePainter | None) -> None:  # fmt: skip
    drawer = painter_object or TimelinePainter()
    drawer.paint(painter, rect, _frame(store, request, rect.width()))


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


def png_bytes(store: Store, request: ExportRequest, progress: Progress | None = None) -> QByteArray:
    image = render_image(store, on_sheet(request))
    if progress:
        progress(70)
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


def svg_bytes(store: Store, request: ExportRequest, progress: Progress | None = None) -> QByteArray:
    request = on_sheet(request)

    def device_for(buffer: QBuffer, width: float, height: float) -> QSvgGenerator:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(round(width), round(height)))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setTitle(store.header.title)
        generator.setDescription("Exported by timeline-viewer")
        return generator

    return well_formed_svg(_in_pixels(_vector_bytes(store, request, device_for), request.width, request.height))


_SVG_SIZE = re.compile(rb'<svg width="[^"]*" height="[^"]*"')


def _in_pixels(svg: QByteArray, width: int, height: int) -> QByteArray:
    """The SVG's declared size in pixels, as asked for. QSvgGenerator declares millimetres at 72 dpi, so a
    1920×1080 export opened at 2560×1440 in a browser (which counts 96 pixels to the inch)."""
    data = bytes(svg.data())
    declared = f'<svg width="{width}px" height="{height}px"'.encode("ascii")
    return QByteArray(_SVG_SIZE.sub(declared, data, count=1))


# Characters XML 1.0 does not allow (in UTF-8): C0 controls but tab, LF and CR, lone surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf][\x80-\xbf]")


def well_formed_svg(svg: QByteArray) -> QByteArray:
    """The SVG with what XML cannot hold replaced by U+FFFD, proved well-formed before it is written.

    QSvgGenerator writes a title's `\\x01` or U+FFFE as it is, which no SVG reader opens; export said
    "wrote" all the same.
    """
    data = _NOT_XML.sub("\ufffd".encode(), bytes(svg.data()))
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ExportError(f"the SVG drawing is not well-formed XML ({error}); nothing was written") from None
    return QByteArray(data)


def pdf_bytes(store: Store, request: ExportRequest, progress: Progress | None = None) -> QByteArray:
    """A vector PDF at 96 logical pixels to the inch: its page is the paper chosen (`request.sheet`), drawn
    over whole, or else has the picture's own size."""
    request = on_sheet(request)
    sheet = request.sheet

    def device_for(buffer: QBuffer, width: float, height: float) -> QPdfWriter:
        writer = QPdfWriter(buffer)
        writer.setResolution(96)
        if sheet is not None:
            writer.setPageLayout(sheet.layout())
        else:
            writer.setPageSize(QPageSize(QSizeF(width * 72 / 96, height * 72 / 96), QPageSize.Unit.Point, "timeline"))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setTitle(store.header.title)
        writer.setCreator("timeline-viewer")
        return writer

    return _vector_bytes(store, request, device_for)
