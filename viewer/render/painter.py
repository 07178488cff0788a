"""Drawing a scene with QPainter: the window and every export call it, and it decides nothing.

Where everything goes is decided beforehand, without Qt, by `viewer.render.scene.SceneBuilder`: this module
only measures text for it (`QtTextMeasure`, through Qt's font metrics, remembered across frames) and draws
what the scene holds. Because the window's paintEvent and the PNG, SVG and PDF exports all go through
`TimelinePainter.paint`, what you see is what you export; and because hit tests ask the last scene, a click
acts on what the user actually sees.
"""

from __future__ import annotations

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
    QPainterPath,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)

from viewer.render.density import bar_mask
from viewer.render.layout import Kind, Metrics
from viewer.render.scene import (
    Decorations,
    EventGlyph,
    Frame,
    Hit,
    Ink,
    LaneBand,
    LegendKind,
    LinkArrow,
    LinkStub,
    Mark,
    Rect,
    Role,
    Scene,
    SceneBuilder,
    Text,
)
from viewer.render.theme import BAR_STRENGTH, SPAN_STRENGTH, Theme

__all__ = ["FONT_FAMILY", "Decorations", "Frame", "Hit", "QtTextMeasure", "TimelinePainter", "density_image"]

FONT_FAMILY = "DejaVu Sans"
_PLAIN_ROLES = frozenset({Role.AXIS, Role.MAJOR, Role.CLUSTER, Role.HEADING})


def _font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


class QtTextMeasure:
    """The scene's text measure, through QFontMetricsF, with widths and elided strings remembered: the same
    titles and dates are measured again on every zoom step."""

    def __init__(self, font_pixel_size: float) -> None:
        size = font_pixel_size
        self.fonts: dict[Role, QFont] = {
            Role.TITLE: _font(size),
            Role.SELECTED: _font(size, bold=True),
            Role.DATE: _font(size * 0.85),
            Role.AXIS: _font(size * 0.85),
            Role.MAJOR: _font(size * 0.92, bold=True),
            Role.CLUSTER: _font(size * 0.85, bold=True),
            Role.HEADING: _font(size * 1.7, bold=True),
        }
        self.metrics = {role: QFontMetricsF(font) for role, font in self.fonts.items()}
        self._ascent = {role: m.ascent() for role, m in self.metrics.items()}
        self._height = {role: m.height() for role, m in self.metrics.items()}
        self._widths: dict[tuple[Role, str], float] = {}
        self._elided: dict[tuple[Role, str, int], str] = {}

    def width(self, role: Role, text: str) -> float:
        key = (role, text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 200_000:
                self._widths.clear()
            width = self._widths[key] = self.metrics[role].horizontalAdvance(text)
        return width

    def elide(self, role: Role, text: str, width: float) -> str:
        key = (role, text, int(width))
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) > 50_000:
                self._elided.clear()
            elided = self.metrics[role].elidedText(text, Qt.TextElideMode.ElideRight, int(width))
            self._elided[key] = elided
        return elided

    def ascent(self, role: Role) -> float:
        return self._ascent[role]

    def height(self, role: Role) -> float:
        return self._height[role]


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


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def density_image(bars: np.ndarray, height: int, colour_name: str) -> QImage:
    """Bars (one height per pixel column, from `viewer.render.density`) as an image in one colour."""
    width = len(bars)
    colour = QColor(colour_name)
    argb = np.uint32((0xFF << 24) | (colour.red() << 16) | (colour.green() << 8) | colour.blue())
    pixels = np.ascontiguousarray(np.where(bar_mask(bars, height), argb, np.uint32(0)).astype(np.uint32))
    image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
    return image.copy()  # detach from the numpy buffer, which goes away


class TimelinePainter:
    """Builds and draws scenes, and keeps the last one for hit testing.

    Holds the fonts, the text measure and the scene builder (with its layout cache and the rows events had),
    so that a window keeps one instance for its lifetime and panning reuses the layout.
    """

    def __init__(self, font_pixel_size: float = 13.0) -> None:
        self.metrics = Metrics(row_height=round(font_pixel_size * 1.9), bar_height=round(font_pixel_size * 1.2))
        self.measure = QtTextMeasure(font_pixel_size)
        self.builder = SceneBuilder(self.metrics, self.measure)
        self.scene: Scene | None = None
        self._static_cache: dict[tuple[Role, str], QStaticText] = {}
        self._inks_theme: Theme | None = None  # the theme `_inks` holds colours of
        self._inks: dict[tuple[Ink, float], QColor] = {}
        self._last_role: Role | None = None  # the font and pen `_text` last set, while one scene is drawn
        self._last_pen: tuple[int, Ink, float] | None = None
        self._bar_inks: dict[tuple[int, int, Kind], str] = {}  # (theme, tag slot, kind) -> ink of labels inside

    # -- deciding -------------------------------------------------------------------------------------
    def scene_for(self, rect: QRectF, frame: Frame) -> Scene:
        """Where `frame` puts everything in a picture of `rect`'s size, without drawing anything."""
        return self.builder.build(frame, rect.width(), rect.height())

    # -- drawing --------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, rect: QRectF, frame: Frame) -> Scene:
        """Draw `frame` into `rect` (logical pixels); returns the scene drawn, which `hit` then answers from."""
        scene = self.scene_for(rect, frame)
        self.draw(painter, rect, scene, frame.theme)
        self.scene = scene
        return scene

    def draw(self, painter: QPainter, rect: QRectF, scene: Scene, theme: Theme) -> None:
        """Draw `scene` at `rect`'s top left."""
        painter.save()
        self._last_role = self._last_pen = None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(rect, _colour(theme.background))
        painter.translate(rect.topLeft())
        self._axis(painter, scene, theme)
        self._density(painter, scene, theme)
        if scene.eras:
            self._eras(painter, scene, theme)
        painter.save()
        self._last_role = self._last_pen = None  # restore() below brings back the font and pen of before
        painter.setClipRect(_qrect(scene.area))
        for lane in scene.lanes:
            self._lane(painter, lane, theme)
        if scene.lanes_left_out is not None:
            self._text(painter, scene.lanes_left_out, theme)
        for arrow in scene.links:
            if not arrow.emphasised:
                self._arrow(painter, arrow, theme)
        for pill in scene.clusters:
            self._last_pen = None
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(theme.cluster_fill))
            radius = pill.box.height / 2
            painter.drawRoundedRect(_qrect(pill.box), radius, radius)
            self._text(painter, pill.text, theme)
        for glyph in scene.events:
            self._event(painter, glyph, scene, theme)
        for arrow in scene.links:
            if arrow.emphasised:
                self._arrow(painter, arrow, theme)
        for stub in scene.link_stubs:
            self._stub(painter, stub, theme)
        painter.restore()
        self._last_role = self._last_pen = None
        for text in scene.heading:
            self._text(painter, text, theme)
        if scene.legend_band is not None:
            painter.fillRect(_qrect(scene.legend_band), _colour(theme.axis_background))
            for entry in scene.legend:
                self._last_pen = None
                colour = theme.colour_for(entry.colour_slot)
                if entry.kind is LegendKind.UNCITED:  # the hollow mark it explains: a ring, not a swatch
                    painter.setPen(QPen(_colour(theme.muted_text), 2))
                    painter.setBrush(_colour(theme.axis_background))
                    painter.drawEllipse(_qrect(entry.swatch).adjusted(1, 1, -1, -1))
                else:
                    if entry.on:
                        painter.setPen(Qt.PenStyle.NoPen)
                        painter.setBrush(_colour(colour))
                    else:  # a tag the filter leaves out: a hollow swatch
                        painter.setPen(QPen(_colour(colour, 0.8), 1.5))
                        painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(_qrect(entry.swatch).adjusted(0.75, 0.75, -0.75, -0.75) if not entry.on
                                            else _qrect(entry.swatch), 2, 2)  # fmt: skip
                self._text(painter, entry.text, theme)
            if scene.legend_more is not None:
                self._text(painter, scene.legend_more, theme)
        for text in scene.footer:
            self._text(painter, text, theme)
        if scene.empty is not None:
            self._text(painter, scene.empty, theme)
        painter.restore()

    # -- eras, lanes, links ----------------------------------------------------------------------------
    def _eras(self, painter: QPainter, scene: Scene, theme: Theme) -> None:
        """Bands behind the rows, edged with a thin line, each named in its row of the strip above them."""
        self._last_pen = None
        strength = 0.16 if theme.dark else 0.09
        for era in scene.eras:
            colour = era.colour or theme.muted_text
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(colour, strength))
            painter.drawRect(_qrect(era.band))
            if era.label is not None:  # its name's plate, opaque over the density strip
                painter.setBrush(_mixed(colour, theme.axis_background, 0.3 if theme.dark else 0.22))
                painter.drawRoundedRect(_qrect(era.label_box), 2, 2)
            painter.setPen(QPen(_colour(colour, 0.45), 1))
            band = era.band
            for x in (band.x, band.right):
                if 0 < x < scene.width:
                    painter.drawLine(QLineF(x, band.y, x, band.bottom))
            self._last_pen = None
            if era.label is not None:
                self._text(painter, era.label, theme)
        self._last_pen = None

    def _lane(self, painter: QPainter, lane: LaneBand, theme: Theme) -> None:
        """A lane's header: its band, a line above it, the tag's swatch, the disclosure triangle, its title and
        count, and its own density along the bottom."""
        self._last_pen = None
        header = lane.header
        painter.fillRect(_qrect(header), _colour(theme.axis_background, 0.9))
        painter.setPen(QPen(_colour(theme.grid_major), 1))
        painter.drawLine(QLineF(0, header.y + 0.5, header.right, header.y + 0.5))
        if lane.colour_slot >= 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(theme.colour_for(lane.colour_slot)))
            painter.drawRoundedRect(QRectF(header.x + 3, header.y + 5, 4, header.height - 10), 1.5, 1.5)
        # The disclosure triangle: pointing down when open, right when collapsed.
        cx, cy = header.x + 15, header.y + header.height / 2 - 1
        if lane.collapsed:
            triangle = [QPointF(cx - 3, cy - 4.5), QPointF(cx + 3.5, cy), QPointF(cx - 3, cy + 4.5)]
        else:
            triangle = [QPointF(cx - 4.5, cy - 3), QPointF(cx + 4.5, cy - 3), QPointF(cx, cy + 3.5)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(theme.muted_text))
        painter.drawPolygon(QPolygonF(triangle))
        bars = lane.density
        box = lane.density_box
        if len(bars) and box.height > 0:
            image = density_image(bars, int(box.height), theme.density)
            painter.setOpacity(0.7)
            painter.drawImage(_qrect(box), image, QRectF(0, 0, len(bars), int(box.height)))
            painter.setOpacity(1.0)
        self._last_pen = None
        if lane.title is not None:
            self._text(painter, lane.title, theme)
        if lane.count is not None:
            self._text(painter, lane.count, theme)

    def _arrow(self, painter: QPainter, arrow: LinkArrow, theme: Theme) -> None:
        self._last_pen = None
        colour = theme.visible_range if arrow.emphasised else theme.muted_text
        alpha = 1.0 if arrow.emphasised else 0.55
        (x0, y0), (c0x, c0y), (c1x, c1y), (x1, y1) = arrow.points
        path = QPainterPath(QPointF(x0, y0))
        path.cubicTo(QPointF(c0x, c0y), QPointF(c1x, c1y), QPointF(x1, y1))
        painter.setPen(QPen(_colour(colour, alpha), 2.0 if arrow.emphasised else 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(colour, alpha))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in arrow.head]))
        if arrow.label is not None and arrow.plate is not None:
            painter.setPen(QPen(_colour(colour, 0.6), 1))
            painter.setBrush(_colour(theme.background, 0.94))
            painter.drawRoundedRect(_qrect(arrow.plate), 3, 3)
            self._last_pen = None
            self._text(painter, arrow.label, theme)

    def _stub(self, painter: QPainter, stub: LinkStub, theme: Theme) -> None:
        """A short dashed arrow toward links that leave the view, with their count in a pill."""
        self._last_pen = None
        pen = QPen(_colour(theme.muted_text, 0.8), 1.2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QLineF(QPointF(*stub.start), QPointF(*stub.end)))
        painter.setPen(QPen(_colour(theme.muted_text, 0.8), 1))
        painter.setBrush(_colour(theme.background, 0.94))
        radius = stub.box.height / 2
        painter.drawRoundedRect(_qrect(stub.box), radius, radius)
        self._last_pen = None
        self._text(painter, stub.text, theme)

    def _axis(self, painter: QPainter, scene: Scene, theme: Theme) -> None:
        axis = scene.axis
        painter.fillRect(_qrect(axis.band), _colour(theme.axis_background))
        bottom, top, width = axis.baseline_y, axis.band.y, scene.width
        painter.setPen(QPen(_colour(theme.grid), 1))
        painter.drawLines([QLineF(x, bottom, x, axis.grid_bottom) for x in axis.minor_x])
        painter.setPen(QPen(_colour(theme.grid_major), 1))
        painter.drawLines([QLineF(x, top + 4, x, axis.grid_bottom) for x in axis.major_x])
        painter.drawLines([QLineF(x, bottom - 20, x, bottom) for x in axis.minor_x])
        painter.drawLine(QLineF(0, bottom, width, bottom))
        for text in axis.labels:
            self._text(painter, text, theme)

    def _density(self, painter: QPainter, scene: Scene, theme: Theme) -> None:
        bars = scene.density
        box = scene.density_box
        height = int(box.height)
        if not len(bars) or height <= 0:
            return
        image = density_image(bars, height, theme.density)
        painter.drawImage(_qrect(box), image, QRectF(0, 0, len(bars), height))

    def _event(self, painter: QPainter, glyph: EventGlyph, scene: Scene, theme: Theme) -> None:
        self._last_pen = None  # marks and plates set pens of their own
        mark = glyph.mark
        base = theme.colour_for(mark.colour_slot)
        if mark.kind is Kind.MARKER:
            self._marker(painter, mark, base, theme)
        else:
            self._span(painter, mark, base, theme)
        if glyph.plate is not None:
            painter.setPen(QPen(_colour(theme.grid_major), 1))
            painter.setBrush(_colour(theme.background, 0.94))
            painter.drawRoundedRect(_qrect(glyph.plate), 4, 4)
        for text in glyph.texts:
            if text.ink is Ink.INSIDE_BAR:
                self._text_on_bar(painter, text, mark, theme)
            else:
                self._text(painter, text, theme)

    def _text_on_bar(self, painter: QPainter, text: Text, mark: Mark, theme: Theme) -> None:
        """A label inside a bar, in whichever of the theme's text and ground reads on that bar's fill."""
        is_open = mark.open_left_x is not None or mark.open_right_x is not None
        key = (id(theme), mark.colour_slot, mark.kind, is_open)
        ink = self._bar_inks.get(key)
        if ink is None:
            strength = SPAN_STRENGTH if mark.kind is Kind.SPAN or is_open else BAR_STRENGTH
            ink = self._bar_inks[key] = theme.ink_on(theme.fill_for(mark.colour_slot, strength))
        if self._last_role is not text.role:
            painter.setFont(self.measure.fonts[text.role])
            self._last_role = text.role
        painter.setPen(_colour(ink, text.alpha))
        self._last_pen = None
        self._draw_text(painter, text)

    def _marker(self, painter: QPainter, mark: Mark, base: str, theme: Theme) -> None:
        r = self.metrics.marker_radius + (1.5 if mark.emphasised else 0)
        alpha = mark.alpha
        if not mark.cited:
            # Hollow: a ring in the tag's colour around the background, so an uncited event never looks proven.
            pen = QPen(_colour(base, alpha), 2)
            if mark.approximate or mark.uncertain:
                pen.setStyle(Qt.PenStyle.DotLine if mark.uncertain else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(_colour(theme.background, alpha))
            r -= 0.5
        elif mark.approximate or mark.uncertain:
            pen = QPen(_colour(base, alpha), 2)
            pen.setStyle(Qt.PenStyle.DotLine if mark.uncertain else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(_colour(base, 0.25 * alpha))
        else:
            painter.setPen(QPen(_colour(theme.background, alpha), 1.5))
            painter.setBrush(_colour(base, alpha))
        painter.drawEllipse(QPointF(mark.x0, mark.y), r, r)
        if mark.emphasised:
            painter.setPen(QPen(_colour(theme.selection, alpha), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(mark.x0, mark.y), r + 3, r + 3)

    def _span(self, painter: QPainter, mark: Mark, base: str, theme: Theme) -> None:
        h = self.metrics.bar_height
        left, right, alpha = mark.x0, mark.x1, mark.alpha
        box = QRectF(left, mark.y - h / 2, right - left, h)
        soft = mark.kind is Kind.SPAN or mark.approximate
        strength = SPAN_STRENGTH if mark.kind is Kind.SPAN else BAR_STRENGTH
        foot = None
        if not mark.cited:
            strength *= 0.35  # hollow: a faint fill inside the outline drawn below
        if mark.open_left_x is not None or mark.open_right_x is not None:
            # An open end (EDTF '..' or an unknown end): the bar fades out over its last stretch, to say
            # that it goes on beyond what is known rather than stopping there. It is filled as lightly as a
            # period, so that its label (inked for that fill) reads along the whole of it, fading part too.
            gradient = QLinearGradient(left, 0, right, 0)
            full = _mixed(base, theme.background, SPAN_STRENGTH * alpha)
            clear = _mixed(base, theme.background, 0.0)
            length = max(right - left, 1.0)
            start = 0.0 if mark.open_left_x is None else min(max((mark.open_left_x - left) / length, 0.0), 1.0)
            stop = 1.0 if mark.open_right_x is None else min(max((mark.open_right_x - left) / length, 0.0), 1.0)
            gradient.setColorAt(0.0, clear if mark.open_left_x is not None and mark.open_left_x > left else full)
            gradient.setColorAt(start, full)
            gradient.setColorAt(max(stop, start), full)
            gradient.setColorAt(1.0, clear if mark.open_right_x is not None and mark.open_right_x < right else full)
            painter.setBrush(QBrush(gradient))
        elif soft:
            # A soft edge says "somewhere in here": the period is known, the moment is not. The gradient runs
            # over the drawn part only, and an end that lies off screen is not softened. Its colours are mixed
            # with the background beforehand rather than given an alpha: PDF output draws a gradient's
            # transparency as solid colour, which would make a vague date look exact.
            gradient = QLinearGradient(left, 0, right, 0)
            edge = min(0.25, 14.0 / max(right - left, 1.0))
            full = _mixed(base, theme.background, strength * alpha)
            faint = _mixed(base, theme.background, 0.04 * alpha)
            gradient.setColorAt(0.0, faint if mark.soft_left else full)
            gradient.setColorAt(edge, full)
            gradient.setColorAt(1.0 - edge, full)
            gradient.setColorAt(1.0, faint if mark.soft_right else full)
            painter.setBrush(QBrush(gradient))
            if mark.kind is Kind.SPAN:
                # The faint fill says "somewhere in here"; a line in the tag's full colour along its foot is
                # the mark a reader must be able to see (3:1), fading where the fill fades.
                foot = QLinearGradient(left, 0, right, 0)
                solid = _mixed(base, theme.background, alpha)
                foot.setColorAt(0.0, faint if mark.soft_left else solid)
                foot.setColorAt(edge, solid)
                foot.setColorAt(1.0 - edge, solid)
                foot.setColorAt(1.0, faint if mark.soft_right else solid)
        else:
            painter.setBrush(_colour(base, strength * alpha))
        if mark.uncertain or not mark.cited:
            pen = QPen(_colour(base, alpha), 1.2 if mark.cited else 1.5)
            if mark.uncertain:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(box.adjusted(0.75, 0.75, -0.75, -0.75) if not mark.cited else box, 3, 3)
        if foot is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(foot))
            painter.drawRect(QRectF(left, box.bottom() - 2, right - left, 2))
        if mark.emphasised:
            painter.setPen(QPen(_colour(theme.selection, alpha), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-2, -2, 2, 2), 4, 4)

    def _text(self, painter: QPainter, text: Text, theme: Theme) -> None:
        """Draw a text with its glyph layout kept from frame to frame (QStaticText): labels repeat while the
        view pans and zooms, and laying their glyphs out again was the larger part of drawing them. Axis
        labels and counts change with every zoom level: they are drawn plainly (preparing a static text for a
        string drawn once or twice costs more)."""
        self._set_font_and_pen(painter, text, theme)
        self._draw_text(painter, text)

    def _draw_text(self, painter: QPainter, text: Text) -> None:
        """Draw a text in the painter's current font and pen."""
        if text.role in _PLAIN_ROLES:
            painter.drawText(QPointF(text.x, text.baseline), text.text)
            return
        key = (text.role, text.text)
        static = self._static_cache.get(key)
        if static is None:
            if len(self._static_cache) > 20_000:
                self._static_cache.clear()
            static = QStaticText(text.text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(QTransform(), self.measure.fonts[text.role])
            self._static_cache[key] = static
        painter.drawStaticText(QPointF(text.x, text.baseline - self.measure.ascent(text.role)), static)

    def _set_font_and_pen(self, painter: QPainter, text: Text, theme: Theme) -> None:
        """Changing the painter's font or pen costs more than drawing a prepared text: only when it changes."""
        if self._last_role is not text.role:
            painter.setFont(self.measure.fonts[text.role])
            self._last_role = text.role
        pen = (id(theme), text.ink, text.alpha)  # a Theme hashes all its fields: compare it by identity
        if self._last_pen != pen:
            painter.setPen(self._ink(theme, text.ink, text.alpha))
            self._last_pen = pen

    def _ink(self, theme: Theme, ink: Ink, alpha: float) -> QColor:
        """The colour of a text, made once per theme, ink and alpha."""
        if self._inks_theme is not theme:
            self._inks_theme, self._inks = theme, {}
        key = (ink, alpha)
        colour = self._inks.get(key)
        if colour is None:
            name = {Ink.TEXT: theme.text, Ink.MUTED: theme.muted_text, Ink.CLUSTER: theme.cluster_text,
                    Ink.INSIDE_BAR: theme.text}[ink]  # fmt: skip
            colour = self._inks[key] = _colour(name, alpha)
        return colour

    # -- asking the last picture ----------------------------------------------------------------------
    def hit(self, x: float, y: float) -> Hit:
        """What the last picture drew at (x, y): an event, a cluster, or nothing."""
        return Hit() if self.scene is None else self.scene.hit(x, y)

    def event_rect(self, index: int) -> QRectF | None:
        """Where the last picture drew event `index` (for tooltips and tests)."""
        found = None if self.scene is None else self.scene.rect_of(index)
        return None if found is None else _qrect(found)
