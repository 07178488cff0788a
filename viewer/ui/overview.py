"""The overview band: the whole chronology at a glance, with the part the timeline shows as a box to drag.

The density is one vectorised binary search over the store's start column (events per pixel column), turned
into an image from a numpy array: drawing it costs the same for thirty events or a million. The band does not
move the timeline itself; it asks for a range with `rangeRequested` and is told what is shown with
`set_visible_range`, so the timeline stays the one owner of the visible range.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.model.events import Era
from viewer.model.store import Store
from viewer.render.density import Curve, density_bars
from viewer.render.painter import FONT_FAMILY, density_image
from viewer.render.scale import MIN_SPAN, T_MAX, T_MIN, TimeScale, zoom_factor_for_wheel
from viewer.render.theme import LIGHT, Theme
from viewer.render.ticks import choose_ticks

__all__ = ["OverviewBand"]

BAND_HEIGHT = 48
LABEL_HEIGHT = 15.0
#: The visible range is drawn at least this wide, so a deep zoom still shows where it is.
MIN_MARKER_WIDTH = 3.0
#: The box can be grabbed this many pixels outside its edges (a 3-pixel box is hard to hit).
GRAB_TOLERANCE = 4.0
#: The chronology is drawn with this fraction of its span free on either side.
DOMAIN_MARGIN = 0.03
TOUCHPAD_PIXELS_PER_NOTCH = 60.0


def _colour(name: str, alpha: float = 1.0) -> QColor:
    colour = QColor(name)
    colour.setAlphaF(alpha)
    return colour


class OverviewBand(QWidget):
    """The whole chronology's density, year labels, and the timeline's visible range as a draggable box."""

    rangeRequested = Signal(float, float)  # the range the user asks the timeline to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._theme: Theme = LIGHT
        self._visible: tuple[float, float] | None = None
        self._press_x: float | None = None
        self._press_range: tuple[float, float] | None = None
        self._density_key: tuple | None = None
        self._density: QImage | None = None
        self._font = QFont(FONT_FAMILY)
        self._font.setPixelSize(10)
        self._metrics = QFontMetricsF(self._font)
        self.setFixedHeight(BAND_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the timeline itself does all this from the keyboard
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName("Overview")
        self.setAccessibleDescription(
            "The whole chronology, with the part the timeline shows highlighted. Drag the highlight to move the "
            "timeline, click elsewhere to centre it there, turn the wheel to zoom."
        )

    def sizeHint(self) -> QSize:
        return QSize(600, BAND_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, BAND_HEIGHT)

    # -- what it shows -----------------------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self._store = store
        self._density_key = None
        self._density = None
        self.update()

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.update()

    def set_visible_range(self, t0: float, t1: float) -> None:
        if not (math.isfinite(t0) and math.isfinite(t1)) or t0 == t1:
            return
        visible = (min(t0, t1), max(t0, t1))
        if visible != self._visible:
            self._visible = visible
            self.update()

    def visible_range(self) -> tuple[float, float] | None:
        return self._visible

    def scale(self) -> TimeScale | None:
        """The band's own time-to-pixel mapping (the whole chronology, with a margin), None without events."""
        store = self._store
        span = store.span() if store is not None else None
        if span is None:
            return None
        lo, hi = span
        pad = max((hi - lo) * DOMAIN_MARGIN, MIN_SPAN)
        lo, hi = max(lo - pad, T_MIN), min(hi + pad, T_MAX)
        return TimeScale(lo, hi, max(float(self.width()), 1.0))

    def marker_rect(self) -> QRectF | None:
        """Where the visible range is drawn (at least MIN_MARKER_WIDTH wide, kept on the band)."""
        scale = self.scale()
        if scale is None or self._visible is None:
            return None
        x0, x1 = scale.x_of(self._visible[0]), scale.x_of(self._visible[1])
        width = scale.width
        x0, x1 = max(x0, -1.0), min(x1, width + 1.0)
        if x1 - x0 < MIN_MARKER_WIDTH:
            middle = (x0 + x1) / 2
            x0, x1 = middle - MIN_MARKER_WIDTH / 2, middle + MIN_MARKER_WIDTH / 2
        if x1 < MIN_MARKER_WIDTH:  # entirely before the chronology: keep a marker at the left edge
            x0, x1 = 0.0, MIN_MARKER_WIDTH
        elif x0 > width - MIN_MARKER_WIDTH:
            x0, x1 = width - MIN_MARKER_WIDTH, width
        return QRectF(x0, 1.0, x1 - x0, self.height() - 2.0)

    # -- painting ----------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self._theme
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), _colour(theme.axis_background))
            scale = self.scale()
            if scale is not None:
                self._paint_eras(painter, scale)
                self._paint_ticks(painter, scale)
                image = self._density_image(scale)
                if image is not None:
                    painter.drawImage(QPointF(0, LABEL_HEIGHT + 1), image)
                rect = self.marker_rect()
                if rect is not None:
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                    painter.setPen(QPen(_colour(theme.visible_range, 0.95), 1.5))
                    painter.setBrush(_colour(theme.visible_range, 0.18))
                    painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), 2.5, 2.5)
            painter.setPen(QPen(_colour(theme.grid_major), 1))
            painter.drawLine(QPointF(0, self.height() - 0.5), QPointF(self.width(), self.height() - 0.5))
        finally:
            painter.end()

    def era_rects(self) -> list[tuple[Era, QRectF]]:
        """Each era's band on the overview, for painting and tests."""
        scale = self.scale()
        store = self._store
        if scale is None or store is None:
            return []
        found = []
        for era in store.eras:
            x0, x1 = scale.x_of(era.start_seconds), scale.x_of(era.end_seconds)
            if x1 < 0 or x0 > scale.width:
                continue
            x0, x1 = max(x0, 0.0), min(x1, scale.width)
            found.append((era, QRectF(x0, LABEL_HEIGHT + 1, max(x1 - x0, 1.5), self.height() - LABEL_HEIGHT - 3)))
        return found

    def _paint_eras(self, painter: QPainter, scale: TimeScale) -> None:
        """The eras as faint bands under the density, as behind the timeline's rows."""
        theme = self._theme
        painter.setPen(Qt.PenStyle.NoPen)
        for era, rect in self.era_rects():
            colour = era.colour or theme.muted_text
            painter.setBrush(_colour(colour, 0.22 if theme.dark else 0.16))
            painter.drawRect(rect)

    def _paint_ticks(self, painter: QPainter, scale: TimeScale) -> None:
        theme = self._theme
        ticks = choose_ticks(scale, self._metrics.horizontalAdvance, 28.0)
        # Sparse: the coarser tier when there is one (years over months), else the finest that fits.
        labelled = ticks.major if len([t for t in ticks.major if 0 <= t.x <= scale.width]) >= 2 else ticks.minor
        painter.setPen(QPen(_colour(theme.grid_major), 1))
        for tick in labelled:
            if 0 <= tick.x <= scale.width:
                painter.drawLine(QPointF(tick.x, 2), QPointF(tick.x, self.height()))
        painter.setFont(self._font)
        painter.setPen(_colour(theme.muted_text))
        baseline = 2 + self._metrics.ascent()
        for tick in labelled:
            if tick.x >= 0 and tick.x + 3 + self._metrics.horizontalAdvance(tick.label) <= scale.width:
                painter.drawText(QPointF(tick.x + 3, baseline), tick.label)

    def _density_image(self, scale: TimeScale) -> QImage | None:
        """Events starting in each pixel column, as log-scaled bars (cached until the store, size or theme change)."""
        store = self._store
        width = max(1, math.ceil(scale.width))
        height = max(0, int(self.height() - LABEL_HEIGHT - 3))
        key = (id(store), width, height, self._theme.density, scale.t0, scale.t1)
        if key == self._density_key:
            return self._density
        self._density_key = key
        self._density = None
        if store is None or not len(store) or height <= 0:
            return None
        # Any event at all gets at least two pixels, so a lone event is not lost next to a burst.
        bars = density_bars(store.starts, scale, height, Curve.LOG, minimum=2)
        if not len(bars):
            return None
        self._density = density_image(bars, height, self._theme.density)
        return self._density

    # -- mouse -------------------------------------------------------------------------------------------
    def _on_marker(self, x: float) -> bool:
        rect = self.marker_rect()
        return rect is not None and rect.left() - GRAB_TOLERANCE <= x <= rect.right() + GRAB_TOLERANCE

    def mousePressEvent(self, event: QMouseEvent) -> None:
        scale = self.scale()
        if event.button() != Qt.MouseButton.LeftButton or scale is None or self._visible is None:
            super().mousePressEvent(event)
            return
        x = event.position().x()
        if not self._on_marker(x):
            # Centre the view here, then let the same press drag on from there.
            t0, t1 = self._visible
            self._request(self._centred(scale.t_of(x), t0, t1))
        self._press_x = x
        self._press_range = self._visible
        self.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        scale = self.scale()
        if self._press_x is not None and self._press_range is not None and scale is not None:
            t0, t1 = self._press_range
            shift = (x - self._press_x) * scale.seconds_per_pixel
            self._request(self._centred(t0 + (t1 - t0) / 2 + shift, t0, t1))
            event.accept()
            return
        shape = Qt.CursorShape.OpenHandCursor if self._on_marker(x) else Qt.CursorShape.PointingHandCursor
        if self.cursor().shape() != shape:
            self.setCursor(QCursor(shape))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press_x is None:
            super().mouseReleaseEvent(event)
            return
        self._press_x = None
        self._press_range = None
        self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._visible is None or self.scale() is None:
            event.ignore()
            return
        pixel, angle = event.pixelDelta(), event.angleDelta()
        touchpad = not pixel.isNull()
        delta = pixel.y() * 120.0 / TOUCHPAD_PIXELS_PER_NOTCH if touchpad else float(angle.y() or angle.x())
        if delta:
            t0, t1 = self._visible
            # Zoom about the middle of the highlighted range: the box grows or shrinks where it is.
            zoomed = TimeScale(t0, t1, 1000.0).zoom_about(500.0, zoom_factor_for_wheel(delta))
            self._request((zoomed.t0, zoomed.t1))
        event.accept()

    def _centred(self, middle: float, t0: float, t1: float) -> tuple[float, float]:
        """The range of the same span as [t0, t1] centred on `middle`, kept with its centre on the chronology."""
        scale = self.scale()
        if scale is not None:
            middle = min(max(middle, scale.t0), scale.t1)
        moved = TimeScale(t0, t1, 1.0).pan_to_center(middle)
        return moved.t0, moved.t1

    def _request(self, visible: tuple[float, float]) -> None:
        # Show it at once; the timeline's answer (set_visible_range) corrects it if it chose otherwise.
        self.set_visible_range(*visible)
        self.rangeRequested.emit(*visible)
