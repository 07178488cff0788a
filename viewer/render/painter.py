"""The one function that draws a timeline with QPainter: the window and every export call it.

Because the window's paintEvent and the PNG, SVG and PDF exports all go through `TimelinePainter.paint`,
what you see is what you export. Per frame it draws what the layout chose (bounded by the screen), the
density strip from per-pixel counts (one binary search over the time column), and the axis; nothing on
this path makes a Python or Qt object per event of the chronology.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPen,
    QStaticText,
    QTransform,
)

from viewer.model.store import Store
from viewer.render.layout import (
    Cluster,
    Item,
    Kind,
    Layout,
    LayoutCache,
    Metrics,
    compute_layout,
    tag_indices,
    tile_for,
)
from viewer.render.scale import TimeScale
from viewer.render.scene import Hit, Rect, Scene
from viewer.render.theme import LIGHT, Theme
from viewer.render.ticks import MAJOR_LABEL_PAD, choose_ticks, sticky_major_label_x

FONT_FAMILY = "DejaVu Sans"
_PERIOD_UNITS = frozenset({"1d", "1mo", "1y"})


@dataclass
class Decorations:
    """What an export may add around the timeline; the window shows the legend only."""

    title: str | None = None
    legend: bool = True
    sources: bool = False
    subtitle: str | None = None


@dataclass
class Frame:
    """Everything one picture depends on. The painter draws a Frame; nothing else."""

    store: Store
    t0: float
    t1: float
    theme: Theme = LIGHT
    selected: int | None = None
    hovered: int | None = None
    matches: np.ndarray | None = None  # search matches (store indices), None when not searching
    decorations: Decorations = field(default_factory=Decorations)
    fixed: bool = False  # a picture that will not be panned (an export): labels stay inside its right edge


@dataclass
class _Geometry:
    """Where the last frame put things, for hit tests between frames."""

    area_top: float = 0.0
    row_height: float = 24.0
    offset: float = 0.0
    width: float = 0.0
    layout: Layout | None = None
    legend_boxes: list[tuple[QRectF, str]] = field(default_factory=list)
    moved_labels: list[tuple[int, float, float, int]] = field(default_factory=list)  # row, x0, x1, event


def _mixed(name: str, background: str, amount: float) -> QColor:
    """`amount` of colour `name` over `background`, as one opaque colour."""
    over, under = QColor(name), QColor(background)
    return QColor.fromRgbF(
        over.redF() * amount + under.redF() * (1 - amount),
        over.greenF() * amount + under.greenF() * (1 - amount),
        over.blueF() * amount + under.blueF() * (1 - amount),
    )


def _colour(name: str, alpha: float = 1.0) -> QColor:
    colour = QColor(name)
    colour.setAlphaF(alpha)
    return colour


class TimelinePainter:
    """Draws frames and remembers the last one's geometry for hit testing.

    Holds fonts, their metrics and the layout cache, so that a window keeps one instance for its lifetime
    and panning reuses the layout.
    """

    AXIS_HEIGHT = 46.0
    DENSITY_HEIGHT = 20.0
    LEGEND_HEIGHT = 28.0

    def __init__(self, font_pixel_size: float = 13.0) -> None:
        self.metrics = Metrics(row_height=round(font_pixel_size * 1.9), bar_height=round(font_pixel_size * 1.2))
        self.title_font = self._font(font_pixel_size)
        self.date_font = self._font(font_pixel_size * 0.85)
        self.axis_font = self._font(font_pixel_size * 0.85)
        self.major_font = self._font(font_pixel_size * 0.92, bold=True)
        self.cluster_font = self._font(font_pixel_size * 0.85, bold=True)
        self.heading_font = self._font(font_pixel_size * 1.7, bold=True)
        self.selected_font = self._font(font_pixel_size, bold=True)
        self.title_metrics = QFontMetricsF(self.title_font)
        self.date_metrics = QFontMetricsF(self.date_font)
        self.axis_metrics = QFontMetricsF(self.axis_font)
        self.major_metrics = QFontMetricsF(self.major_font)
        self.cluster_metrics = QFontMetricsF(self.cluster_font)
        self.selected_metrics = QFontMetricsF(self.selected_font)
        self.heading_metrics = QFontMetricsF(self.heading_font)
        self.cache = LayoutCache()
        self.geometry = _Geometry()
        self._tag_slots: tuple[Store, dict[str, int]] | None = None
        self._width_cache: dict[tuple[int, str], float] = {}
        self._elided_cache: dict[tuple[int, str, int], str] = {}
        self._static_cache: dict[tuple[int, str], QStaticText] = {}

    @staticmethod
    def _font(pixel_size: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(1, round(pixel_size)))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    # -- measuring ------------------------------------------------------------------------------------
    def _title_width(self, text: str) -> float:
        return self._measured(self.title_metrics, text)

    def _date_width(self, text: str) -> float:
        return self._measured(self.date_metrics, text)

    def _measured(self, metrics: QFontMetricsF, text: str) -> float:
        """Text widths, remembered: the same titles and dates are measured again on every zoom step."""
        key = (id(metrics), text)
        width = self._width_cache.get(key)
        if width is None:
            if len(self._width_cache) > 200_000:
                self._width_cache.clear()
            width = self._width_cache[key] = metrics.horizontalAdvance(text)
        return width

    def _elided(self, metrics: QFontMetricsF, text: str, width: float) -> str:
        """`text` cut with an ellipsis to `width`, remembered for the same reason."""
        key = (id(metrics), text, round(width))
        elided = self._elided_cache.get(key)
        if elided is None:
            if len(self._elided_cache) > 50_000:
                self._elided_cache.clear()
            elided = self._elided_cache[key] = metrics.elidedText(text, Qt.TextElideMode.ElideRight, round(width))
        return elided

    def tag_slots(self, store: Store) -> dict[str, int]:
        if self._tag_slots is None or self._tag_slots[0] is not store:
            self._tag_slots = (store, tag_indices(store))
        return self._tag_slots[1]

    # -- the frame ------------------------------------------------------------------------------------
    def scene_for(self, rect: QRectF, frame: Frame) -> Scene:
        """Where `frame` would put everything in a picture of `rect`'s size, without drawing anything."""
        width, height = rect.width(), rect.height()
        top = self.heading_metrics.height() + 18 if frame.decorations.title else 0.0
        bottom = height
        if frame.decorations.sources and frame.store.sources:
            bottom -= (self.date_metrics.height() + 2) * (len(frame.store.sources) + 1) + 12
        if frame.decorations.legend and frame.store.tags():
            bottom -= self.LEGEND_HEIGHT
        scale = TimeScale(frame.t0, frame.t1, width)
        area_top = top + self.AXIS_HEIGHT + self.DENSITY_HEIGHT
        rows = max(1, int((bottom - area_top - 6) // self.metrics.row_height))
        layout = self._layout_for(frame, scale, rows)
        return _LayoutScene(
            _Geometry(area_top, self.metrics.row_height, layout.offset_for(frame.t0), width, layout), self.metrics
        )

    def paint(self, painter: QPainter, rect: QRectF, frame: Frame) -> Scene:
        """Draw `frame` into `rect` (logical pixels); returns where it put everything."""
        theme = frame.theme
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(rect, _colour(theme.background))
        painter.translate(rect.topLeft())
        width, height = rect.width(), rect.height()
        top = 0.0
        if frame.decorations.title:
            top = self._paint_heading(painter, width, frame)
        bottom = height
        if frame.decorations.sources and frame.store.sources:
            bottom -= self._paint_sources(painter, width, bottom, frame)
        if frame.decorations.legend:
            bottom -= self._paint_legend(painter, width, bottom, frame)
        scale = TimeScale(frame.t0, frame.t1, width)
        area_top = top + self.AXIS_HEIGHT + self.DENSITY_HEIGHT
        rows = max(1, int((bottom - area_top - 6) // self.metrics.row_height))
        self._paint_axis(painter, scale, top, bottom, theme)
        self._paint_density(painter, scale, top + self.AXIS_HEIGHT, frame)
        layout = self._layout_for(frame, scale, rows)
        offset = layout.offset_for(frame.t0)
        self.geometry = _Geometry(area_top, self.metrics.row_height, offset, width, layout, self.geometry.legend_boxes)
        painter.save()
        painter.setClipRect(QRectF(0, area_top, width, bottom - area_top))
        self._paint_clusters(painter, layout, offset, area_top, width, theme)
        self._paint_items(painter, layout, offset, area_top, width, frame)
        painter.restore()
        if not len(frame.store):
            painter.setFont(self.title_font)
            painter.setPen(_colour(theme.muted_text))
            painter.drawText(QRectF(0, area_top, width, bottom - area_top), Qt.AlignmentFlag.AlignCenter, "No events")
        painter.restore()
        return _LayoutScene(self.geometry, self.metrics)

    def _layout_for(self, frame: Frame, scale: TimeScale, rows: int) -> Layout:
        spp = scale.seconds_per_pixel
        span = frame.store.span()
        edge = span[1] if span else None
        if frame.fixed:
            edge = frame.t1 - 8 * spp if edge is None else min(edge, frame.t1 - 8 * spp)
        key = (rows, self.metrics, edge)
        inputs = (frame.store, frame.matches)
        layout = self.cache.get(key, inputs, frame.t0, frame.t1, spp)
        if layout is None:
            origin, width = tile_for(frame.t0, scale.width, spp, self.metrics.bucket_width)
            layout = compute_layout(
                frame.store, origin, spp, width, rows, self._title_width, self._date_width, self.metrics,
                self.tag_slots(frame.store), frame.matches, edge,
            )  # fmt: skip
            self.cache.put(key, inputs, layout)
        return layout

    # -- parts ----------------------------------------------------------------------------------------
    def _paint_heading(self, painter: QPainter, width: float, frame: Frame) -> float:
        theme = frame.theme
        painter.setFont(self.heading_font)
        painter.setPen(_colour(theme.text))
        metrics = self.heading_metrics
        height = metrics.height() + 18
        title = metrics.elidedText(frame.decorations.title or "", Qt.TextElideMode.ElideRight, width - 32)
        painter.drawText(QPointF(16, 10 + metrics.ascent()), title)
        if frame.decorations.subtitle:
            painter.setFont(self.date_font)
            painter.setPen(_colour(theme.muted_text))
            painter.drawText(
                QRectF(16, 0, width - 32, height), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                frame.decorations.subtitle,
            )  # fmt: skip
        return height

    def _paint_axis(self, painter: QPainter, scale: TimeScale, top: float, bottom: float, theme: Theme) -> None:
        """Two tiers: minor ticks with short labels, major ticks naming the period, the current one sticky."""
        width = scale.width
        gap = 14.0
        painter.fillRect(QRectF(0, top, width, self.AXIS_HEIGHT), _colour(theme.axis_background))
        ticks = choose_ticks(scale, self.axis_metrics.horizontalAdvance, gap, self.major_metrics.horizontalAdvance)
        axis_bottom = top + self.AXIS_HEIGHT
        minor_x = [t.x for t in ticks.minor if 0 <= t.x <= width]
        major_x = [t.x for t in ticks.major if 0 <= t.x <= width]
        painter.setPen(QPen(_colour(theme.grid), 1))
        painter.drawLines([QLineF(x, axis_bottom, x, bottom) for x in minor_x])
        painter.setPen(QPen(_colour(theme.grid_major), 1))
        painter.drawLines([QLineF(x, top + 4, x, bottom) for x in major_x])
        painter.drawLines([QLineF(x, axis_bottom - 20, x, axis_bottom) for x in minor_x])
        painter.drawLine(QLineF(0, axis_bottom, width, axis_bottom))

        # A label names a period: one day, month or year sits in the middle of its period; a label of a
        # coarser step (every 5 years, every 6 hours) names an instant and starts at its tick.
        painter.setFont(self.axis_font)
        painter.setPen(_colour(theme.muted_text))
        baseline = axis_bottom - 8
        centred = ticks.minor_unit in _PERIOD_UNITS
        minor = ticks.minor
        for number, tick in enumerate(minor):
            label_width = self.axis_metrics.horizontalAdvance(tick.label)
            if centred and number + 1 < len(minor):
                x = (tick.x + minor[number + 1].x - label_width) / 2
            else:
                x = tick.x + MAJOR_LABEL_PAD
            if x >= 0 and x + label_width <= width + label_width / 2:
                painter.drawText(QPointF(x, baseline), tick.label)

        painter.setFont(self.major_font)
        painter.setPen(_colour(theme.text))
        major_baseline = top + 4 + self.major_metrics.ascent()
        sticky = sticky_major_label_x(ticks, self.major_metrics.horizontalAdvance, gap)
        for tick in ticks.major:
            if sticky is not None and tick is sticky[0]:
                if sticky[1] >= 0:  # being pushed out by the next label: hide it rather than cut it
                    painter.drawText(QPointF(sticky[1] + MAJOR_LABEL_PAD, major_baseline), tick.label)
            elif 0 <= tick.x < width:
                painter.drawText(QPointF(tick.x + MAJOR_LABEL_PAD, major_baseline), tick.label)

    def _paint_density(self, painter: QPainter, scale: TimeScale, top: float, frame: Frame) -> None:
        """Per-pixel counts of events starting there, as a strip: bursts show even where nothing is labelled."""
        width = max(1, math.ceil(scale.width))
        height = int(self.DENSITY_HEIGHT - 4)
        store = frame.store
        if not len(store) or height <= 0:
            return
        edges = scale.t_of(np.arange(width + 1, dtype=np.float64))
        starts = store.starts if frame.matches is None else store.starts[frame.matches]
        counts = np.diff(np.searchsorted(starts, edges, side="left")).astype(np.float64)
        if not counts.any():
            return
        peak = max(float(counts.max()), 1.0)
        bars = np.ceil(np.sqrt(counts / peak) * height).astype(np.int32)  # sqrt: bursts stand out, singles show
        rows = np.arange(height, dtype=np.int32)[:, None]
        mask = rows >= (height - bars)[None, :]
        colour = QColor(frame.theme.density)
        argb = np.uint32((0xFF << 24) | (colour.red() << 16) | (colour.green() << 8) | colour.blue())
        pixels = np.where(mask, argb, np.uint32(0)).astype(np.uint32)
        image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
        painter.drawImage(QRectF(0, top + 2, scale.width, height), image, QRectF(0, 0, width, height))

    def _paint_clusters(self, painter: QPainter, layout: Layout, offset: float, area_top: float, width: float,
                        theme: Theme) -> None:  # fmt: skip
        if not layout.clusters:
            return
        painter.setFont(self.cluster_font)
        metrics = self.cluster_metrics
        y = area_top + 3
        h = self.metrics.row_height - 6
        for cluster in layout.clusters:
            x0, x1 = cluster.x0 + offset, cluster.x1 + offset
            if x1 < 0 or x0 > width:
                continue
            text = _count_words(cluster.count)
            pill = QRectF(x0 + 2, y, max(x1 - x0 - 4, metrics.horizontalAdvance(text) + 10), h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(theme.cluster_fill))
            painter.drawRoundedRect(pill, h / 2, h / 2)
            painter.setPen(_colour(theme.cluster_text))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_items(self, painter: QPainter, layout: Layout, offset: float, area_top: float, width: float,
                     frame: Frame) -> None:  # fmt: skip
        theme = frame.theme
        row_h = self.metrics.row_height
        bar_h = self.metrics.bar_height
        matches = None if frame.matches is None else frame.matches
        ordered = [item for item in layout.items if item.index != frame.selected]
        ordered += [item for item in layout.items if item.index == frame.selected]  # on top of its neighbours
        for item in ordered:
            x0, x1 = item.x0 + offset, item.x1 + offset
            if item.right + offset < -2 or min(x0, x1) - self.metrics.marker_radius > width:
                continue
            dimmed = matches is not None and not _contains(matches, item.index)
            selected = item.index == frame.selected
            hovered = item.index == frame.hovered
            base = theme.colour_for(item.tag_index)
            alpha = 0.25 if dimmed else 1.0
            y_mid = area_top + item.row * row_h + row_h / 2
            if item.kind is Kind.MARKER:
                self._marker(painter, x0, y_mid, base, alpha, item, selected or hovered, theme)
            else:
                self._span(painter, x0, x1, y_mid, bar_h, base, alpha, item, selected or hovered, theme)
            self._label(painter, item, offset, y_mid, frame, alpha, selected, width)

    def _marker(self, painter: QPainter, x: float, y: float, base: str, alpha: float, item: Item,
                emphasised: bool, theme: Theme) -> None:  # fmt: skip
        r = self.metrics.marker_radius + (1.5 if emphasised else 0)
        if item.approximate or item.uncertain:
            pen = QPen(_colour(base, alpha), 2)
            pen.setStyle(Qt.PenStyle.DotLine if item.uncertain else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(_colour(base, 0.25 * alpha))
        else:
            painter.setPen(QPen(_colour(theme.background, alpha), 1.5))
            painter.setBrush(_colour(base, alpha))
        painter.drawEllipse(QPointF(x, y), r, r)
        if emphasised:
            painter.setPen(QPen(_colour(theme.selection, alpha), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, y), r + 3, r + 3)

    def _span(self, painter: QPainter, x0: float, x1: float, y: float, h: float, base: str, alpha: float,
              item: Item, emphasised: bool, theme: Theme) -> None:  # fmt: skip
        view_right = (self.geometry.width or x1) + 20.0
        left, right = max(x0, -20.0), min(x1, view_right)
        right = max(right, left + 2)
        box = QRectF(left, y - h / 2, right - left, h)
        soft = item.kind is Kind.SPAN or item.approximate
        strength = 0.32 if item.kind is Kind.SPAN else 0.85
        if soft:
            # A soft edge says "somewhere in here": the period is known, the moment is not. The gradient runs
            # over the drawn part only (a seventy-year span seen by the hour is millions of pixels wide), and
            # an end that lies off screen is not softened.
            # Its colours are mixed with the background beforehand rather than given an alpha: PDF output
            # draws a gradient's transparency as solid colour, which would make a vague date look exact.
            gradient = QLinearGradient(left, 0, right, 0)
            edge = min(0.25, 14.0 / max(right - left, 1.0))
            full = _mixed(base, theme.background, strength * alpha)
            faint = _mixed(base, theme.background, 0.04 * alpha)
            gradient.setColorAt(0.0, faint if x0 >= -20.0 else full)
            gradient.setColorAt(edge, full)
            gradient.setColorAt(1.0 - edge, full)
            gradient.setColorAt(1.0, faint if x1 <= view_right else full)
            painter.setBrush(QBrush(gradient))
        else:
            painter.setBrush(_colour(base, strength * alpha))
        if item.uncertain:
            pen = QPen(_colour(base, alpha), 1.2)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box, 3, 3)
        if emphasised:
            painter.setPen(QPen(_colour(theme.selection, alpha), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-2, -2, 2, 2), 4, 4)

    def _label(self, painter: QPainter, item: Item, offset: float, y_mid: float, frame: Frame, alpha: float,
               selected: bool, width: float) -> None:  # fmt: skip
        theme = frame.theme
        event = frame.store.events[item.index]
        x = item.label_x + offset
        if item.kind is not Kind.MARKER and item.x0 + offset < 0 <= item.x1 + offset - item.label_width - 12:
            x = 6.0  # a span that began off screen keeps its label in view
        elif item.label_x < item.x0 and x < 0:
            x = self._unflipped(item, offset, x, width)
        font = self.selected_font if selected else self.title_font
        metrics = self.selected_metrics if selected else self.title_metrics
        title = event.title + ("?" if item.uncertain else "")
        baseline = y_mid + (metrics.ascent() - metrics.descent()) / 2
        if selected:
            # The selected event is read in full: its whole title on a plate above its neighbours.
            date = event.when.words()
            date_room = self.metrics.label_gap + self._date_width(date)
            flipped = item.label_x < item.x0  # a label on its event's left grows leftwards, away from the event
            label_end = x + item.label_width
            room = max(label_end - 8 if flipped else width - x - 8, item.label_width) - date_room
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(room, item.label_width))
            if flipped:
                x = label_end - metrics.horizontalAdvance(text) - date_room
            plate_width = metrics.horizontalAdvance(text) + date_room + 10
            plate = QRectF(x - 5, y_mid - metrics.height() / 2 - 3, plate_width, metrics.height() + 6)
            painter.setPen(QPen(_colour(theme.grid_major), 1))
            painter.setBrush(_colour(theme.background, 0.94))
            painter.drawRoundedRect(plate, 4, 4)
            item = replace(item, show_date=True)
        else:
            text = self._elided(metrics, title, item.label_width + 0.5)
        painter.setFont(font)
        painter.setPen(_colour(theme.text, alpha))
        self._draw_static(painter, font, metrics, text, x, baseline)
        if item.show_date:
            inside_bar = item.kind is Kind.BAR and item.x0 <= item.label_x < item.x1
            painter.setFont(self.date_font)
            painter.setPen(_colour(theme.text, 0.75 * alpha) if inside_bar else _colour(theme.muted_text, alpha))
            date_x = x + self._measured(metrics, text) + self.metrics.label_gap
            self._draw_static(painter, self.date_font, self.date_metrics, event.when.words(), date_x, baseline)

    def _unflipped(self, item: Item, offset: float, x: float, width: float) -> float:
        """A label turned to its event's left (near the data's end) that the view cuts off at its left edge
        goes back to the right when there is room there in its row and on screen."""
        layout = self.geometry.layout
        radius = self.metrics.marker_radius
        event_left = item.x0 - radius if item.kind is Kind.MARKER else item.x0
        event_right = item.x0 + radius if item.kind is Kind.MARKER else item.x1
        length = event_left - 4 - item.label_x
        right_x = event_right + 4
        if layout is None or right_x + offset + length > width:
            return x
        if layout.is_free(item.row, right_x, right_x + length + self.metrics.label_gap, item):
            self.geometry.moved_labels.append((item.row, right_x + offset, right_x + offset + length, item.index))
            return right_x + offset
        return x

    def _draw_static(self, painter: QPainter, font: QFont, metrics: QFontMetricsF, text: str, x: float,
                     baseline: float) -> None:  # fmt: skip
        """Draw `text` with its glyph layout kept from frame to frame (QStaticText): labels repeat while the
        view pans and zooms, and laying their glyphs out again was the larger part of drawing them."""
        key = (id(metrics), text)
        static = self._static_cache.get(key)
        if static is None:
            if len(self._static_cache) > 20_000:
                self._static_cache.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(QTransform(), font)
            self._static_cache[key] = static
        painter.drawStaticText(QPointF(x, baseline - metrics.ascent()), static)

    def _paint_legend(self, painter: QPainter, width: float, bottom: float, frame: Frame) -> float:
        tags = frame.store.tags()
        if not tags:
            self.geometry.legend_boxes = []
            return 0.0
        theme = frame.theme
        slots = self.tag_slots(frame.store)
        height = self.LEGEND_HEIGHT
        y = bottom - height
        painter.fillRect(QRectF(0, y, width, height), _colour(theme.axis_background))
        painter.setFont(self.date_font)
        x = 12.0
        boxes = []
        for tag in tags:
            label_width = self.date_metrics.horizontalAdvance(tag)
            if x + 16 + label_width > width - 12:
                more = f"+{len(tags) - len(boxes)} more"
                painter.setPen(_colour(theme.muted_text))
                painter.drawText(QPointF(x, y + height / 2 + self.date_metrics.ascent() / 2 - 1), more)
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(theme.colour_for(slots[tag])))
            painter.drawRoundedRect(QRectF(x, y + height / 2 - 5, 10, 10), 2, 2)
            painter.setPen(_colour(theme.text))
            painter.drawText(QPointF(x + 15, y + height / 2 + self.date_metrics.ascent() / 2 - 1), tag)
            boxes.append((QRectF(x, y, 15 + label_width, height), tag))
            x += 15 + label_width + 18
        self.geometry.legend_boxes = boxes
        return height

    def _paint_sources(self, painter: QPainter, width: float, bottom: float, frame: Frame) -> float:
        theme = frame.theme
        lines = ["Sources:"]
        for source in frame.store.sources.values():
            lines.append("  " + source.byline() + (f" — {source.url}" if source.url else ""))
        line_height = self.date_metrics.height() + 2
        height = line_height * len(lines) + 12
        y = bottom - height + 6
        painter.setFont(self.date_font)
        painter.setPen(_colour(theme.muted_text))
        for line in lines:
            text = self.date_metrics.elidedText(line, Qt.TextElideMode.ElideRight, width - 24)
            painter.drawText(QPointF(12, y + self.date_metrics.ascent()), text)
            y += line_height
        return height

    # -- hit testing --------------------------------------------------------------------------------
    def hit(self, x: float, y: float) -> Hit:
        """What the last frame drew at (x, y): an event, a cluster, or nothing."""
        return _LayoutScene(self.geometry, self.metrics).hit(x, y)

    def event_rect(self, index: int) -> QRectF | None:
        """Where the last frame drew event `index` (for scrolling it into view, tooltips, tests)."""
        found = _LayoutScene(self.geometry, self.metrics).rect_of(index)
        return None if found is None else QRectF(found.x, found.y, found.width, found.height)


class _LayoutScene:
    """A scene read off one frame's layout (the first step towards a scene decided wholly before drawing)."""

    def __init__(self, geometry: _Geometry, metrics: Metrics) -> None:
        self.geometry = geometry
        self.metrics = metrics

    def hit(self, x: float, y: float) -> Hit:
        geometry = self.geometry
        layout = geometry.layout
        if layout is None or y < geometry.area_top:
            return Hit()
        row = int((y - geometry.area_top) // geometry.row_height)
        for moved_row, left, right, index in geometry.moved_labels:
            if moved_row == row and left <= x <= right:
                return Hit(index=index)
        layout_x = x - geometry.offset
        item = layout.item_at(layout_x, row)
        if item is not None:
            return Hit(index=item.index)
        if row == 0 and layout.cluster_row:
            cluster: Cluster | None = layout.cluster_at(layout_x)
            if cluster is not None:
                return Hit(cluster=(cluster.t0, cluster.t1))
        return Hit()

    def rect_of(self, index: int) -> Rect | None:
        layout = self.geometry.layout
        if layout is None:
            return None
        for item in layout.items:
            if item.index == index:
                left = min(item.x0, item.label_x) - self.metrics.marker_radius
                top = self.geometry.area_top + item.row * self.geometry.row_height
                return Rect(left + self.geometry.offset, top, item.right - left, self.geometry.row_height)
        return None


def _contains(sorted_indices: np.ndarray, index: int) -> bool:
    at = int(np.searchsorted(sorted_indices, index))
    return at < len(sorted_indices) and int(sorted_indices[at]) == index


def _count_words(count: int) -> str:
    return f"{count:,}"
