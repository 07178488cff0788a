"""The geometry of one picture, decided before anything is drawn: what is where, in picture pixels.

Decide, then draw (as pyqtgraph's AxisItem computes draw specs, then draws them): `SceneBuilder.build` turns
a `Frame` and a text-measuring object into a `Scene` holding every text with its final position and final
(elided) string, every marker, bar and span, every cluster's pill, the axis, the density strip, the legend,
the heading and the sources footer. The painter draws a scene and decides nothing; hit tests, "where is
this event" and the tests ask the scene, never a paint.

Qt-free: the painter passes a `TextMeasure` backed by Qt's font metrics, the tests one of their own.

What the scene guarantees, because a reader notices when it fails:

- No text crosses the picture's left or right edge. A label is placed for the range actually shown: where
  its natural place would cut it, it moves (into view, or to the other side of its event) or is elided
  with "…"; a label with no room for a readable piece is left out (the event stays, and its tooltip names it).
- A label uses the free room of its row before being elided, so a wide report shows whole titles.
- The selected event's title is shown whole, on a plate above its neighbours, as far as the picture allows.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np

from viewer.model.store import Store
from viewer.model.zones import Zone
from viewer.render.density import Curve, density_bars
from viewer.render.lanes import LaneChoices
from viewer.render.layout import (
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
from viewer.render.theme import LIGHT, Theme
from viewer.render.ticks import MAJOR_LABEL_PAD, choose_ticks, sticky_major_label_x

AXIS_HEIGHT = 46.0
DENSITY_HEIGHT = 20.0
LEGEND_HEIGHT = 28.0
EDGE_PAD = 3.0  # no text comes closer than this to the picture's left or right edge
REPORT_WIDTH = 2400.0  # pictures this wide (A4 at 300 dpi, 4K) give titles all the free room of their row
_PERIOD_UNITS = frozenset({"1d", "1mo", "1y"})
_AXIS_GAP = 14.0


# -- what a picture depends on ---------------------------------------------------------------------------
@dataclass
class Decorations:
    """What an export may add around the timeline; the window shows the legend only."""

    title: str | None = None
    legend: bool = True
    sources: bool = False
    subtitle: str | None = None
    # The legend lists every tag, those the filter leaves out drawn as off (the window, where a click turns
    # them on again); False lists only the tags drawn (an export of some tags).
    legend_all_tags: bool = True


@dataclass
class Frame:
    """Everything one picture depends on."""

    store: Store
    t0: float
    t1: float
    theme: Theme = LIGHT
    selected: int | None = None
    hovered: int | None = None
    matches: np.ndarray | None = None  # search matches (store indices), None when not searching: the rest is faded
    shown: np.ndarray | None = None  # the events drawn (sorted store indices, the filters' result); None: all
    decorations: Decorations = field(default_factory=Decorations)
    fixed: bool = False  # a picture that will not be panned (an export): labels stay inside its right edge
    lanes: LaneChoices = field(default_factory=LaneChoices)  # lanes by tag or group (after the filters)
    tags_on: frozenset[str] | None = None  # the tags the filter lets through (None: all): the legend's state
    zone: Zone | None = None  # the display zone whose clocks the axis's hours follow (None: UTC, unnamed)


class Role(enum.Enum):
    """Which font a text is set in; the painter maps each to a QFont, the measure to its metrics."""

    __hash__ = object.__hash__  # members are singletons: hash by identity (Enum's own hash is slow)

    TITLE = "title"
    SELECTED = "selected"
    DATE = "date"
    AXIS = "axis"
    MAJOR = "major"
    CLUSTER = "cluster"
    HEADING = "heading"


class Ink(enum.Enum):
    """Which of the theme's colours a text is drawn in."""

    __hash__ = object.__hash__  # members are singletons: hash by identity (Enum's own hash is slow)

    TEXT = "text"
    MUTED = "muted"
    CLUSTER = "cluster"
    INSIDE_BAR = "inside_bar"  # a label written inside a bar: the theme's text or ground, whichever reads on it


class Side(enum.Enum):
    """Where a label sits beside its event."""

    __hash__ = object.__hash__  # members are singletons: hash by identity (Enum's own hash is slow)

    RIGHT = "right"
    LEFT = "left"
    INSIDE = "inside"  # inside its bar


class TextMeasure(Protocol):
    """Text metrics for each role, in picture pixels."""

    def width(self, role: Role, text: str) -> float: ...

    def elide(self, role: Role, text: str, width: float) -> str: ...

    def ascent(self, role: Role) -> float: ...

    def height(self, role: Role) -> float: ...


# -- what a picture holds -----------------------------------------------------------------------------
# Plain slotted records, not frozen ones: a frame makes hundreds of them, and a frozen dataclass sets each
# field through object.__setattr__, which made building a scene a third slower. Nothing changes them once built.
@dataclass(slots=True)
class Rect:
    """An axis-aligned box in picture pixels."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def united(self, other: Rect) -> Rect:
        left, top = min(self.x, other.x), min(self.y, other.y)
        return Rect(left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top)


@dataclass(frozen=True)
class Hit:
    """What is under a point: an event (store index) or a cluster's time range."""

    index: int | None = None
    cluster: tuple[float, float] | None = None


NO_HIT = Hit()  # what most points hold: one shared answer rather than a new one per pointer move


@dataclass(slots=True)
class Text:
    """One run of text: its left x, its baseline, its final string and its measured box."""

    x: float
    baseline: float
    text: str
    role: Role
    ink: Ink
    alpha: float
    box: Rect


@dataclass(slots=True)
class Mark:
    """An event's marker (a dot at a day) or span (a period) or bar (a range), clipped to the picture."""

    kind: Kind
    x0: float  # drawn left edge (for a marker, its centre)
    x1: float  # drawn right edge (for a marker, its centre)
    y: float  # the middle of its row
    colour_slot: int  # the tag's colour in the legend's order; -1 for none
    alpha: float
    emphasised: bool  # selected or hovered
    approximate: bool
    uncertain: bool
    soft_left: bool  # a soft period whose left end is in view fades in there; one cut by the edge does not
    soft_right: bool
    # An open end (EDTF ../1985, 1985/..): the x where the bar, fading in from its left end, reaches full
    # colour, or where it starts fading out towards its right end; None for an end that is a date.
    open_left_x: float | None = None
    open_right_x: float | None = None


@dataclass(slots=True)
class EventGlyph:
    """Everything drawn for one event, and where a pointer finds it."""

    index: int
    row: int
    mark: Mark
    texts: tuple[Text, ...]
    plate: Rect | None  # the selected event's plate under its title
    box: Rect  # mark and label together: what a click hits, what "reveal" brings into view


@dataclass(slots=True)
class ClusterPill:
    """Events too dense to label, counted; clicking it zooms to [t0, t1]."""

    box: Rect
    text: Text
    t0: float
    t1: float


@dataclass(slots=True)
class LegendEntry:
    tag: str
    colour_slot: int
    swatch: Rect
    text: Text
    box: Rect
    on: bool = True  # False: the tag filter leaves its events out (drawn hollow and faded)


@dataclass(frozen=True, slots=True)
class Axis:
    band: Rect
    minor_x: tuple[float, ...]
    major_x: tuple[float, ...]
    baseline_y: float  # the axis line, where the event area begins its grid
    grid_bottom: float
    labels: tuple[Text, ...]


@dataclass(frozen=True)
class Scene:
    """One picture's final geometry. `events` are in drawing order (the selected one last, on top)."""

    width: float
    height: float
    area: Rect  # where the events' rows are
    row_height: float
    axis: Axis
    density_box: Rect
    density: np.ndarray  # bar height per pixel column (empty: nothing to draw)
    clusters: tuple[ClusterPill, ...]
    events: tuple[EventGlyph, ...]
    heading: tuple[Text, ...] = ()
    legend_band: Rect | None = None
    legend: tuple[LegendEntry, ...] = ()
    legend_more: Text | None = None
    footer: tuple[Text, ...] = ()
    empty: Text | None = None

    @cached_property
    def _by_row(self) -> dict[int, list[EventGlyph]]:
        """The events of each row, in drawing order; made on the first hit test of this picture."""
        rows: dict[int, list[EventGlyph]] = {}
        for glyph in self.events:
            rows.setdefault(glyph.row, []).append(glyph)
        return rows

    def hit(self, x: float, y: float) -> Hit:
        """What the picture has at (x, y): an event (the topmost), a cluster's time range, or nothing.

        Only the events of the pointer's row are looked at, and the selected one's plate, which lies over its
        neighbours: a pointer move costs a few comparisons, however many events the picture shows."""
        if not self.area.contains(x, y):
            return NO_HIT
        events = self.events
        if events and events[-1].plate is not None:  # the selected event is drawn last, on top
            top = events[-1]
            if top.plate is not None and (top.plate.contains(x, y) or top.box.contains(x, y)):
                return Hit(index=top.index)
        row = int((y - self.area.y) // self.row_height)
        for glyph in reversed(self._by_row.get(row, ())):
            if glyph.box.contains(x, y):
                return Hit(index=glyph.index)
        clusters = self.clusters
        if clusters and clusters[0].box.y <= y <= clusters[0].box.bottom:  # the pills share one row
            for pill in clusters:
                if pill.box.contains(x, y):
                    return Hit(cluster=(pill.t0, pill.t1))
        return NO_HIT

    def legend_at(self, x: float, y: float) -> str | None:
        """The tag of the legend entry at (x, y), if any: a click there toggles the tag."""
        band = self.legend_band
        if band is None or not band.contains(x, y):
            return None
        for entry in self.legend:
            if entry.box.contains(x, y):
                return entry.tag
        return None

    def rect_of(self, index: int) -> Rect | None:
        """The box of event `index` (its mark and label), or None when the picture does not show it."""
        for glyph in self.events:
            if glyph.index == index:
                return glyph.box
        return None

    def texts(self) -> Iterator[Text]:
        """Every text the picture draws."""
        yield from self.heading
        yield from self.axis.labels
        for pill in self.clusters:
            yield pill.text
        for glyph in self.events:
            yield from glyph.texts
        for entry in self.legend:
            yield entry.text
        if self.legend_more is not None:
            yield self.legend_more
        yield from self.footer
        if self.empty is not None:
            yield self.empty


# -- deciding ---------------------------------------------------------------------------------------------
class SceneBuilder:
    """Builds scenes for one window or export, keeping what makes the next picture cheap and steady: the
    layout of a tile twice the picture's width (panning reuses it) and the rows events had last time."""

    def __init__(self, metrics: Metrics, measure: TextMeasure) -> None:
        self.metrics = metrics
        self.measure = measure
        self.cache = LayoutCache()
        self._tag_slots: tuple[Store, dict[str, int]] | None = None
        # The rows events had in the last layout, and the view it was made for.
        self._rows: tuple[Store | None, dict[int, int], tuple[float, float]] = (None, {}, (0.0, 0.0))
        self._words_store: Store | None = None
        self._words_cache: dict[int, tuple[str, str]] = {}

    def tag_slots(self, store: Store) -> dict[str, int]:
        if self._tag_slots is None or self._tag_slots[0] is not store:
            self._tag_slots = (store, tag_indices(store))
        return self._tag_slots[1]

    def build(self, frame: Frame, width: float, height: float) -> Scene:
        measure = self.measure
        store = frame.store
        heading, top = self._heading(frame, width)
        bottom = height
        footer: tuple[Text, ...] = ()
        if frame.decorations.sources and store.sources:
            footer, footer_height = self._footer(frame, width, bottom)
            bottom -= footer_height
        legend_band, legend, more = None, (), None
        if frame.decorations.legend and store.tags():
            legend_band, legend, more = self._legend(frame, width, bottom - LEGEND_HEIGHT)
            bottom -= LEGEND_HEIGHT
        scale = TimeScale(frame.t0, frame.t1, width)
        area_top = top + AXIS_HEIGHT + DENSITY_HEIGHT
        row_height = self.metrics.row_height
        rows = max(1, int((bottom - area_top - 6) // row_height))
        area = Rect(0.0, area_top, width, max(bottom - area_top, 0.0))
        axis = self._axis(scale, top, bottom, frame.zone)
        density_box = Rect(0.0, top + AXIS_HEIGHT + 2, width, DENSITY_HEIGHT - 4)
        starts = store.starts if frame.shown is None else store.starts[frame.shown]
        density = density_bars(starts, scale, int(DENSITY_HEIGHT - 4), Curve.SQRT)
        layout = self._layout(frame, scale, rows)
        clusters = self._clusters(layout, scale, area_top, width)
        events = self._events(frame, layout, scale, area_top, width)
        empty = None
        if not len(store):
            text = "No events"
            w = measure.width(Role.TITLE, text)
            baseline = area_top + area.height / 2 + measure.ascent(Role.TITLE) / 2
            empty = self._text((width - w) / 2, baseline, text, Role.TITLE, Ink.MUTED)
        return Scene(width, height, area, row_height, axis, density_box, density, clusters, events, heading,
                     legend_band, legend, more, footer, empty)  # fmt: skip

    # -- parts --------------------------------------------------------------------------------------------
    def _text(self, x: float, baseline: float, text: str, role: Role, ink: Ink, alpha: float = 1.0,
              width: float | None = None) -> Text:  # fmt: skip
        measure = self.measure
        w = measure.width(role, text) if width is None else width
        ascent = measure.ascent(role)
        return Text(x, baseline, text, role, ink, alpha, Rect(x, baseline - ascent, w, measure.height(role)))

    def _heading(self, frame: Frame, width: float) -> tuple[tuple[Text, ...], float]:
        title = frame.decorations.title
        if not title:
            return (), 0.0
        measure = self.measure
        height = measure.height(Role.HEADING) + 18
        texts = []
        room = width - 32
        subtitle = frame.decorations.subtitle
        if subtitle:
            sub_w = min(measure.width(Role.DATE, subtitle), room / 2)
            sub = measure.elide(Role.DATE, subtitle, sub_w)
            sub_w = measure.width(Role.DATE, sub)
            baseline = height / 2 + measure.ascent(Role.DATE) / 2
            texts.append(self._text(width - 16 - sub_w, baseline, sub, Role.DATE, Ink.MUTED, width=sub_w))
            room -= sub_w + 16
        shown = measure.elide(Role.HEADING, title, room)
        texts.insert(0, self._text(16, 10 + measure.ascent(Role.HEADING), shown, Role.HEADING, Ink.TEXT))
        return tuple(texts), height

    def _footer(self, frame: Frame, width: float, bottom: float) -> tuple[tuple[Text, ...], float]:
        """'Sources:' and one entry per source, wrapped (an address breaks onto the next line, never cut)."""
        measure = self.measure
        room = width - 24
        lines = ["Sources:"]
        for source in frame.store.sources.values():
            entry = source.byline() + (f" — {source.url}" if source.url else "")
            lines.extend(wrap(entry, room - 12, lambda text: measure.width(Role.DATE, text), "  "))
        line_height = measure.height(Role.DATE) + 2
        height = line_height * len(lines) + 12
        y = bottom - height + 6
        texts = []
        for line in lines:
            texts.append(self._text(12, y + measure.ascent(Role.DATE), line, Role.DATE, Ink.MUTED))
            y += line_height
        return tuple(texts), height

    def _legend(self, frame: Frame, width: float, y: float):
        measure = self.measure
        tags = frame.store.tags()
        tags_on = frame.tags_on
        if tags_on is not None and not frame.decorations.legend_all_tags:
            tags = [tag for tag in tags if tag in tags_on]
        slots = self.tag_slots(frame.store)
        height = LEGEND_HEIGHT
        baseline = y + height / 2 + measure.ascent(Role.DATE) / 2 - 1
        x = 12.0
        entries: list[LegendEntry] = []
        more = None
        for number, tag in enumerate(tags):
            label_width = measure.width(Role.DATE, tag)
            rest = len(tags) - number - 1
            reserve = measure.width(Role.DATE, f"+{rest} more") + 18 if rest else 0.0
            if x + 15 + label_width > width - 12 - reserve:
                more_text = f"+{len(tags) - number} more"
                more = self._text(x, baseline, more_text, Role.DATE, Ink.MUTED)
                break
            on = tags_on is None or tag in tags_on
            text = self._text(x + 15, baseline, tag, Role.DATE, Ink.TEXT if on else Ink.MUTED, 1.0 if on else 0.6,
                              width=label_width)  # fmt: skip
            swatch = Rect(x, y + height / 2 - 5, 10, 10)
            entries.append(LegendEntry(tag, slots[tag], swatch, text, Rect(x - 4, y, 23 + label_width, height), on))
            x += 15 + label_width + 18
        return Rect(0, y, width, height), tuple(entries), more

    def _axis(self, scale: TimeScale, top: float, bottom: float, zone: Zone | None = None) -> Axis:
        """Two tiers: minor ticks with short labels, major ticks naming the period, the current one sticky.
        A label names a period: one day, month or year sits in the middle of its period (as much of it as is
        in view); a label of a coarser step names an instant and starts at its tick. No label crosses an edge."""
        measure = self.measure
        width = scale.width
        ticks = choose_ticks(scale, lambda t: measure.width(Role.AXIS, t), _AXIS_GAP,
                             lambda t: measure.width(Role.MAJOR, t), zone)  # fmt: skip
        axis_bottom = top + AXIS_HEIGHT
        minor_x = tuple(t.x for t in ticks.minor if 0 <= t.x <= width)
        major_x = tuple(t.x for t in ticks.major if 0 <= t.x <= width)
        labels: list[Text] = []
        baseline = axis_bottom - 8
        centred = ticks.minor_unit in _PERIOD_UNITS
        minor = ticks.minor
        for number, tick in enumerate(minor):
            label_width = measure.width(Role.AXIS, tick.label)
            if centred and number + 1 < len(minor):
                lo = max(tick.x, 0.0) + 2
                hi = min(minor[number + 1].x, width) - 2
                if hi - lo < label_width:
                    continue  # too little of the period is in view to name it
                x = min(max((tick.x + minor[number + 1].x - label_width) / 2, lo), hi - label_width)
            else:
                x = tick.x + MAJOR_LABEL_PAD
            if x >= EDGE_PAD - 2 and x + label_width <= width - EDGE_PAD + 2:
                labels.append(self._text(x, baseline, tick.label, Role.AXIS, Ink.MUTED, width=label_width))
        major_baseline = top + 4 + measure.ascent(Role.MAJOR)
        sticky = sticky_major_label_x(ticks, lambda t: measure.width(Role.MAJOR, t), _AXIS_GAP)
        for tick in ticks.major:
            label_width = measure.width(Role.MAJOR, tick.label)
            if sticky is not None and tick is sticky[0]:
                if sticky[1] < 0:
                    continue  # being pushed out by the next label: hidden rather than cut
                x = sticky[1] + MAJOR_LABEL_PAD
            elif 0 <= tick.x < width:
                x = tick.x + MAJOR_LABEL_PAD
            else:
                continue
            if x + label_width <= width - EDGE_PAD + 2:
                labels.append(self._text(x, major_baseline, tick.label, Role.MAJOR, Ink.TEXT, width=label_width))
        return Axis(Rect(0, top, width, AXIS_HEIGHT), minor_x, major_x, axis_bottom, bottom, tuple(labels))

    def _layout(self, frame: Frame, scale: TimeScale, rows: int) -> Layout:
        spp = scale.seconds_per_pixel
        span = frame.store.span()
        edge = span[1] if span else None
        if frame.fixed:
            edge = frame.t1 - 8 * spp if edge is None else min(edge, frame.t1 - 8 * spp)
        key = (rows, self.metrics, edge)
        inputs = (frame.store, frame.shown)
        layout = self.cache.get(key, inputs, frame.t0, frame.t1, spp)
        if layout is None:
            remembered_store, remembered, (was0, was1) = self._rows
            if remembered_store is not frame.store or not _gradual(was0, was1, frame.t0, frame.t1):
                remembered = {}  # a new chronology, or a jump (Fit All, a cluster opened): packed afresh
            origin, tile_width = tile_for(frame.t0, scale.width, spp, self.metrics.bucket_width)
            measure = self.measure
            layout = compute_layout(
                frame.store, origin, spp, tile_width, rows, lambda t: measure.width(Role.TITLE, t),
                lambda t: measure.width(Role.DATE, t), self.metrics, self.tag_slots(frame.store), frame.shown,
                edge, remembered,
            )  # fmt: skip
            self.cache.put(key, inputs, layout)
            self._rows = (frame.store, {item.index: item.row for item in layout.items}, (frame.t0, frame.t1))
        return layout

    def _clusters(self, layout: Layout, scale: TimeScale, area_top: float, width: float) -> tuple[ClusterPill, ...]:
        measure = self.measure
        offset = layout.offset_for(scale.t0)
        y = area_top + 3
        h = self.metrics.row_height - 6
        pills = []
        for cluster in layout.clusters:
            x0, x1 = cluster.x0 + offset, cluster.x1 + offset
            if x1 < 0 or x0 > width:
                continue
            text = f"{cluster.count:,}"
            text_width = measure.width(Role.CLUSTER, text)
            pill_width = max(x1 - x0 - 4, text_width + 10)
            left = min(max(x0 + 2, 0.0), width - pill_width)
            box = Rect(left, y, pill_width, h)
            baseline = y + h / 2 + measure.ascent(Role.CLUSTER) / 2 - 1
            label = self._text(left + (pill_width - text_width) / 2, baseline, text, Role.CLUSTER, Ink.CLUSTER,
                               width=text_width)  # fmt: skip
            pills.append(ClusterPill(box, label, cluster.t0, cluster.t1))
        return tuple(pills)

    def _events(self, frame: Frame, layout: Layout, scale: TimeScale, area_top: float,
                width: float) -> tuple[EventGlyph, ...]:  # fmt: skip
        """Final marks and labels of the events in view, each label inside the picture and clear of its row."""
        metrics = self.metrics
        offset = layout.offset_for(scale.t0)
        radius = metrics.marker_radius
        visible = [
            item for item in layout.items
            if item.right + offset >= -2 and min(item.x0, item.x1) + offset - radius <= width
        ]  # fmt: skip
        # Each row is decided left to right: a label may use the room from the end of what its left neighbour
        # finally drew to the start of its right neighbour's natural place, so labels never meet.
        by_row: dict[int, list[tuple[float, float, Item]]] = {}
        for item in visible:
            left = min(_mark_left(item, radius), item.label_x) + offset
            by_row.setdefault(item.row, []).append((left, item.right + offset, item))
        glyphs = []
        selected_glyph = None
        for entries in by_row.values():
            entries.sort(key=lambda entry: entry[0])
            used = -math.inf
            for number, (_, natural_right, item) in enumerate(entries):
                lo = max(EDGE_PAD, used + 4)
                hi = width - EDGE_PAD
                if number + 1 < len(entries):
                    hi = min(hi, entries[number + 1][0] - 4)
                glyph = self._glyph(frame, item, offset, area_top, width, lo, hi)
                if item.index == frame.selected:
                    selected_glyph = glyph
                    used = max(used, natural_right)  # its plate lies over its neighbours; they keep their room
                else:
                    glyphs.append(glyph)
                    used = max(used, glyph.box.right if glyph.texts else natural_right)
        if selected_glyph is not None:
            glyphs.append(selected_glyph)  # drawn last: on top of its neighbours
        return tuple(glyphs)

    def _glyph(self, frame: Frame, item: Item, offset: float, area_top: float, width: float, lo: float,
               hi: float) -> EventGlyph:  # fmt: skip
        metrics = self.metrics
        measure = self.measure
        radius = metrics.marker_radius
        row_h = metrics.row_height
        y_mid = area_top + item.row * row_h + row_h / 2
        matches = frame.matches
        dimmed = matches is not None and not _contains(matches, item.index)
        alpha = 0.25 if dimmed else 1.0
        selected = item.index == frame.selected
        emphasised = selected or item.index == frame.hovered
        x0, x1 = item.x0 + offset, item.x1 + offset
        if item.kind is Kind.MARKER:
            mark = Mark(item.kind, x0, x0, y_mid, item.tag_index, alpha, emphasised, item.approximate,
                        item.uncertain, False, False)  # fmt: skip
            mark_box = Rect(x0 - radius - 3, y_mid - radius - 3, 2 * radius + 6, 2 * radius + 6)
        else:
            left, right = max(x0, -20.0), min(x1, width + 20.0)
            right = max(right, left + 2)
            mark = Mark(item.kind, left, right, y_mid, item.tag_index, alpha, emphasised, item.approximate,
                        item.uncertain, x0 >= -20.0, x1 <= width + 20.0)  # fmt: skip
            when = frame.store.events[item.index].when
            if when.open_before is not None or when.open_after is not None:
                fade = when.fade_seconds / (when.end_seconds - when.start_seconds) * (x1 - x0)
                mark.open_left_x = x0 + fade if when.open_before is not None else None
                mark.open_right_x = x1 - fade if when.open_after is not None else None
            mark_box = Rect(left, y_mid - metrics.bar_height / 2 - 2, right - left, metrics.bar_height + 4)

        title, date = self._words(frame.store, item.index)
        role = Role.SELECTED if selected else Role.TITLE
        texts: list[Text] = []
        plate = None
        natural_x = item.label_x + offset
        full = measure.width(role, title)
        if not selected and item.label_width >= full and natural_x >= lo and (
            natural_x + full + (metrics.label_gap + measure.width(Role.DATE, date) if item.show_date else 0.0) <= hi
        ):
            # The common case: the layout's own place holds the whole label inside the picture.
            inside = item.kind is not Kind.MARKER and item.x0 <= item.label_x < item.x1
            placed: tuple[float, str, bool, bool] | None = (natural_x, title, item.show_date, inside)
        else:
            mark_left, mark_right = _mark_left(item, radius) + offset, _mark_right(item, radius) + offset
            placements = _placements(item, offset, mark_left, mark_right, lo, hi, width, selected)
            dated = date if item.show_date or selected else ""
            # A report-size picture gives a title its row's free room; a screen-size one keeps the layout's
            # lengths, which stay the same from one zoom step to the next (each new string is laid out again,
            # the larger part of drawing a label), and elides where an edge is nearer.
            spacious = selected or width >= REPORT_WIDTH
            placed = self._label(role, title, dated, placements, metrics, selected,
                                 math.inf if spacious else item.label_width)  # fmt: skip
        if placed is not None:
            x, shown, show_date, inside = placed
            baseline = y_mid + (measure.ascent(role) - (measure.height(role) - measure.ascent(role))) / 2
            # A label inside a bar is inked for the bar's colour (the painter picks what reads on it at 4.5:1).
            title_text = self._text(x, baseline, shown, role, Ink.INSIDE_BAR if inside else Ink.TEXT, alpha)
            texts.append(title_text)
            if show_date:
                date_x = title_text.box.right + metrics.label_gap
                ink = Ink.INSIDE_BAR if inside else Ink.MUTED
                texts.append(self._text(date_x, baseline, date, Role.DATE, ink, alpha))
            if selected:
                right_end = texts[-1].box.right
                plate = Rect(x - 5, y_mid - measure.height(role) / 2 - 3, right_end - x + 10, measure.height(role) + 6)
        if texts:
            left = min(mark_box.x, texts[0].box.x)
            right = max(mark_box.right, texts[-1].box.right)
            top = min(mark_box.y, y_mid - row_h / 2)
            box = Rect(left, top, right - left, max(mark_box.bottom, y_mid + row_h / 2) - top)
        else:
            box = mark_box
        return EventGlyph(item.index, item.row, mark, tuple(texts), plate, box)

    def _words(self, store: Store, index: int) -> tuple[str, str]:
        """An event's title and its date in words, remembered: panning and zooming ask for the same ones."""
        if self._words_store is not store:
            self._words_store, self._words_cache = store, {}
        found = self._words_cache.get(index)
        if found is None:
            if len(self._words_cache) > 100_000:
                self._words_cache.clear()
            event = store.events[index]
            found = self._words_cache[index] = (event.title, event.date_words())
        return found

    def _label(self, role: Role, title: str, date: str, placements: list[tuple[float, float, Side]],
               metrics: Metrics, selected: bool, natural: float) -> tuple[float, str, bool, bool] | None:  # fmt: skip
        """The first placement that holds the whole title, when it is no longer than `natural`; else the roomiest,
        with the title elided to at most `natural`.

        Each placement is (left, right, side); `date` is empty when the label goes without it. Returns (x, title
        as shown, with its date, inside a bar)."""
        measure = self.measure
        full = measure.width(role, title)
        # The date follows when the layout chose to show it (it keeps dense rows light) and there is room.
        date_room = metrics.label_gap + measure.width(Role.DATE, date) if date else math.inf
        best = None
        for left, right, side in placements:
            room = right - left
            if room >= full and full <= natural:
                show_date = room >= full + date_room
                used = full + (date_room if show_date else 0.0)
                x = right - used if side is Side.LEFT else left  # a label on the left ends against its event
                return x, title, show_date, side is Side.INSIDE
            if best is None or room > best[1] - best[0]:
                best = (left, right, side)
        if best is None:
            return None
        left, right, side = best
        room = right - left
        if room < (metrics.min_label if not selected else min(metrics.min_label, full)):
            return None
        # Whole where it fits, else elided to the length the layout chose (or less, where the edge is nearer):
        # two strings per title rather than one per frame, since each new string is laid out again while
        # zooming, the larger part of drawing a label.
        shown = measure.elide(role, title, min(room, natural))
        if not shown or shown == "…":
            return None
        x = right - measure.width(role, shown) if side is Side.LEFT else left  # against its event when on the left
        return x, shown, False, side is Side.INSIDE


def _gradual(was0: float, was1: float, t0: float, t1: float) -> bool:
    """Whether a view follows the last one the way a zoom step or a pan does: overlapping it, with a span
    less than twice as long or short. Rows are kept only then, so the eye can follow an event; after a jump
    there is nothing to follow, and remembered rows would only leave gaps."""
    was, now = was1 - was0, t1 - t0
    return was > 0 and now > 0 and 0.5 <= now / was <= 2.0 and t0 < was1 and was0 < t1


def _mark_left(item: Item, radius: float) -> float:
    return item.x0 - radius if item.kind is Kind.MARKER else item.x0


def _mark_right(item: Item, radius: float) -> float:
    return item.x0 + radius if item.kind is Kind.MARKER else item.x1


def _placements(item: Item, offset: float, mark_left: float, mark_right: float, lo: float, hi: float,
                width: float, selected: bool) -> list[tuple[float, float, Side]]:  # fmt: skip
    """Where a label may go, the layout's choice first: right of the event, inside its bar, or left of it.

    Each is (left, right, inside). A label inside a long bar that began off screen stays in view; the selected
    event's label may run over its neighbours (it is drawn on a plate above them) to the picture's edge."""
    if selected:
        lo, hi = EDGE_PAD + 2, width - EDGE_PAD - 5
    label_x = item.label_x + offset
    x0, x1 = item.x0 + offset, item.x1 + offset
    right_side = (max(mark_right + 4, lo), hi)
    left_side = (lo, min(mark_left - 4, hi))
    options: list[tuple[float, float, Side]] = []
    inside = item.kind is not Kind.MARKER and x0 - 1 <= label_x < x1
    if inside:
        options.append((max(max(x0, 0.0) + 6, lo), min(x1 - 6, hi), Side.INSIDE))
    right_option = (right_side[0], right_side[1], Side.RIGHT)
    left_option = (left_side[0], left_side[1], Side.LEFT)
    flipped = label_x < x0 and not inside
    options += [left_option, right_option] if flipped else [right_option, left_option]
    return [option for option in options if option[1] > option[0]]


def wrap(text: str, width: float, text_width: Callable[[str], float], indent: str = "") -> list[str]:
    """`text` broken into lines no wider than `width` at spaces; a word longer than a line (an address) is
    broken inside, so nothing is ever cut off. Every line starts with `indent`."""
    lines: list[str] = []
    current = indent
    for word in text.split(" "):
        candidate = word if current == indent else " " + word
        if text_width(current + candidate) <= width:
            current += candidate
            continue
        if current != indent:
            lines.append(current)
            current = indent
        while text_width(indent + word) > width and len(word) > 1:
            cut = _longest_prefix(word, width - text_width(indent), text_width)
            lines.append(indent + word[:cut])
            word = word[cut:]
        current = indent + word
    if current != indent or not lines:
        lines.append(current)
    return lines


def _longest_prefix(word: str, width: float, text_width: Callable[[str], float]) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        middle = (lo + hi + 1) // 2
        if text_width(word[:middle]) <= width:
            lo = middle
        else:
            hi = middle - 1
    return lo


def _contains(sorted_indices: np.ndarray, index: int) -> bool:
    at = int(np.searchsorted(sorted_indices, index))
    return at < len(sorted_indices) and int(sorted_indices[at]) == index
