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

import dataclasses
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
from viewer.render.lanes import Lane, LaneChoices, LaneMode, lanes_for
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
from viewer.render.links import arrow_between, arrow_head
from viewer.render.scale import TimeScale
from viewer.render.theme import LIGHT, Theme
from viewer.render.ticks import MAJOR_LABEL_PAD, choose_ticks, sticky_major_label_x

AXIS_HEIGHT = 46.0
DENSITY_HEIGHT = 20.0
LEGEND_HEIGHT = 28.0
EDGE_PAD = 3.0  # no text comes closer than this to the picture's left or right edge
# The selected event's title keeps this far from the picture's left and right edges (its plate reaches 5 px out).
SELECTED_EDGE_LEFT = EDGE_PAD + 2
SELECTED_EDGE_RIGHT = EDGE_PAD + 5
REPORT_WIDTH = 2400.0  # pictures this wide (A4 at 300 dpi, 4K) give titles all the free room of their row
LANE_HEADER_HEIGHT = 20.0  # a lane's header: its title, its count and its own density strip
LANE_DENSITY_HEIGHT = 5.0
MIN_LANE_ROWS = 2  # an open lane keeps a row for its clusters' counts and one for its events
LANE_CLUSTER_MERGE = 3  # neighbouring clusters of a lane that share one pill
MIN_LANE_ITEMS = 32  # the fewest events a lane lays out one by one before counting the rest in clusters
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
    cited: bool = True  # False: no quote backs the event; drawn hollow, its label dimmed
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
    box: Rect  # mark and label together: what a click hits
    # The selected event's mark with its whole title beside it, where the picture had to elide the title: what
    # "reveal" brings into view so the title can be drawn whole (None: the label is whole, or not selected).
    wanted: Rect | None = None


@dataclass(slots=True)
class ClusterPill:
    """Events too dense to label, counted; clicking it zooms to [t0, t1]."""

    box: Rect
    text: Text
    t0: float
    t1: float


class LegendKind(enum.Enum):
    """What a legend entry explains: a tag's colour, or the hollow mark of an event that cites no source."""

    TAG = "tag"
    UNCITED = "uncited"


UNCITED_LEGEND = "No quote (uncited)"


@dataclass(slots=True)
class LaneBand:
    """One lane as drawn: its header (always at the picture's left, so it stays while panning) and its rows."""

    key: str
    header: Rect
    body: Rect  # where its rows are (zero height when collapsed)
    first_row: int  # the picture-wide number of its first row (EventGlyph.row counts across lanes)
    rows: int
    collapsed: bool
    colour_slot: int
    title: Text | None
    count: Text | None  # "12 events", after the title
    density_box: Rect
    density: np.ndarray  # the lane's own events per pixel column, as bar heights


@dataclass(slots=True)
class EraBand:
    """A period behind the events: a band over the rows, named in the era strip above them."""

    title: str
    band: Rect
    colour: str | None  # "#RRGGBB", or None for the theme's
    label: Text | None  # None where too little of it is in view to name it
    label_box: Rect  # its row of the era strip, as wide as the band


@dataclass(slots=True)
class LinkArrow:
    """An arrow from one event (the cause) to another: a cubic curve and a head, in picture pixels."""

    source: int  # store indices
    target: int
    points: tuple[tuple[float, float], ...]  # start, two control points, end
    head: tuple[tuple[float, float], ...]  # the arrowhead's triangle, tip first
    emphasised: bool  # one end selected or hovered: drawn strong, with its label
    label: Text | None
    plate: Rect | None  # under the label


@dataclass(slots=True)
class LinkStub:
    """Links of a drawn event whose other end is not drawn (filtered out, in a cluster, or out of view): a
    short arrow toward it with a count."""

    index: int
    start: tuple[float, float]
    end: tuple[float, float]
    text: Text
    box: Rect  # the count's pill
    filtered: int  # how many of the links lead to events the filters leave out


@dataclass(slots=True)
class LegendEntry:
    tag: str
    colour_slot: int
    swatch: Rect
    text: Text
    box: Rect
    on: bool = True  # False: the tag filter leaves its events out (drawn hollow and faded)
    kind: LegendKind = LegendKind.TAG


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
    lanes: tuple[LaneBand, ...] = ()  # empty: no lanes, one stack of rows over the whole area
    eras: tuple[EraBand, ...] = ()
    links: tuple[LinkArrow, ...] = ()
    link_stubs: tuple[LinkStub, ...] = ()
    lanes_left_out: Text | None = None  # "+3 lanes: collapse or hide some", when not every lane fits

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
        for top in self._selected_on_top:  # the selected event (a copy in each lane) is drawn on top
            if top.plate is not None and (top.plate.contains(x, y) or top.box.contains(x, y)):
                return Hit(index=top.index)
        row = self.row_at(y)
        if row is None:
            return NO_HIT
        for glyph in reversed(self._by_row.get(row, ())):
            if glyph.box.contains(x, y):
                return Hit(index=glyph.index)
        for pill in self._pills_by_row.get(row, ()):
            if pill.box.contains(x, y):
                return Hit(cluster=(pill.t0, pill.t1))
        return NO_HIT

    def row_at(self, y: float) -> int | None:
        """The picture-wide row at height y (rows count on across lanes), or None over a lane's header."""
        if not self.lanes:
            return int((y - self.area.y) // self.row_height)
        for lane in self.lanes:
            if lane.body.height > 0 and lane.body.y <= y < lane.body.bottom:
                return lane.first_row + int((y - lane.body.y) // self.row_height)
        return None

    def lane_at(self, y: float) -> LaneBand | None:
        """The lane whose header or rows are at height y."""
        for lane in self.lanes:
            if lane.header.y <= y < max(lane.body.bottom, lane.header.bottom):
                return lane
        return None

    def lane_header_at(self, x: float, y: float) -> LaneBand | None:
        """The lane whose header is at (x, y): a click there collapses or opens it, a drag moves it."""
        for lane in self.lanes:
            if lane.header.contains(x, y):
                return lane
        return None

    @cached_property
    def _selected_on_top(self) -> list[EventGlyph]:
        return [glyph for glyph in self.events if glyph.plate is not None]

    @cached_property
    def _pills_by_row(self) -> dict[int, list[ClusterPill]]:
        rows: dict[int, list[ClusterPill]] = {}
        for pill in self.clusters:
            row = self.row_at(pill.box.y + pill.box.height / 2)
            if row is not None:
                rows.setdefault(row, []).append(pill)
        return rows

    def rects_of(self, index: int) -> list[Rect]:
        """Every box of event `index`: one per lane it is drawn in."""
        return [glyph.box for glyph in self.events if glyph.index == index]

    def legend_at(self, x: float, y: float) -> str | None:
        """The tag of the legend entry at (x, y), if any: a click there toggles the tag."""
        band = self.legend_band
        if band is None or not band.contains(x, y):
            return None
        for entry in self.legend:
            if entry.box.contains(x, y) and entry.kind is LegendKind.TAG:  # the uncited entry only explains
                return entry.tag
        return None

    def rect_of(self, index: int) -> Rect | None:
        """The box of event `index` (its mark and label), or None when the picture does not show it."""
        for glyph in self.events:
            if glyph.index == index:
                return glyph.box
        return None

    def wanted_rect_of(self, index: int) -> Rect | None:
        """Where event `index` would be whole: its box, or for a selected event whose title the picture had to
        elide, its mark with the whole title beside it (which may reach past the edges). None when not shown."""
        for glyph in self.events:
            if glyph.index == index:
                return glyph.wanted if glyph.wanted is not None else glyph.box
        return None

    def texts(self) -> Iterator[Text]:
        """Every text the picture draws."""
        yield from self.heading
        yield from self.axis.labels
        for pill in self.clusters:
            yield pill.text
        for glyph in self.events:
            yield from glyph.texts
        for lane in self.lanes:
            if lane.title is not None:
                yield lane.title
            if lane.count is not None:
                yield lane.count
        for era in self.eras:
            if era.label is not None:
                yield era.label
        for arrow in self.links:
            if arrow.label is not None:
                yield arrow.label
        for stub in self.link_stubs:
            yield stub.text
        if self.lanes_left_out is not None:
            yield self.lanes_left_out
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
        self._lane_caches: dict[str, LayoutCache] = {}
        self._tag_slots: tuple[Store, dict[str, int]] | None = None
        # The rows events had in the last layout (per lane; None: no lanes), and the view it was made for.
        self._rows: dict[str | None, tuple[Store | None, dict[int, int], tuple[float, float]]] = {}
        self._lanes: tuple[tuple, list[Lane], dict[str, np.ndarray]] | None = None
        self._lane_metrics_cache: dict[int, Metrics] = {}
        # Each lane's density strip and the view it was counted for: a repaint of the same view (a hover, a
        # selection) counts nothing again.
        self._lane_density: dict[str, tuple[np.ndarray, tuple[float, float, float], np.ndarray]] = {}
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
        if frame.decorations.legend and (store.tags() or store.uncited()):
            legend_band, legend, more = self._legend(frame, width, bottom - LEGEND_HEIGHT)
            bottom -= LEGEND_HEIGHT
        scale = TimeScale(frame.t0, frame.t1, width)
        area_top = top + AXIS_HEIGHT + DENSITY_HEIGHT
        # The eras are named in the density strip under the axis, on plates of their colour: a strip of their
        # own would cost the events a row.
        era_strip_top = top + AXIS_HEIGHT + 2
        row_height = self.metrics.row_height
        area = Rect(0.0, area_top, width, max(bottom - area_top, 0.0))
        axis = self._axis(scale, top, bottom, frame.zone)
        density_box = Rect(0.0, top + AXIS_HEIGHT + 2, width, DENSITY_HEIGHT - 4)
        starts = store.starts if frame.shown is None else store.starts[frame.shown]
        density = density_bars(starts, scale, int(DENSITY_HEIGHT - 4), Curve.SQRT)
        lanes: tuple[LaneBand, ...] = ()
        left_out = None
        if frame.lanes.mode is LaneMode.NONE or not len(store):
            rows = max(1, int((bottom - area_top - 6) // row_height))
            layout = self._layout(frame, scale, rows, None, frame.shown, None)
            clusters = self._clusters(layout, scale, area_top, width)
            events = self._events(frame, layout, scale, area_top, width)
        else:
            lanes, clusters, events, left_out = self._lane_parts(frame, scale, area, width)
        eras = self._eras(frame, scale, era_strip_top, area, width) if store.eras else ()
        links, stubs = self._links(frame, events, width, area) if len(store.link_pairs()[0]) else ((), ())
        empty = None
        if not len(store):
            text = "No events"
            w = measure.width(Role.TITLE, text)
            baseline = area_top + area.height / 2 + measure.ascent(Role.TITLE) / 2
            empty = self._text((width - w) / 2, baseline, text, Role.TITLE, Ink.MUTED)
        return Scene(width, height, area, row_height, axis, density_box, density, clusters, events, heading,
                     legend_band, legend, more, footer, empty, lanes, eras, links, stubs, left_out)  # fmt: skip

    # -- lanes --------------------------------------------------------------------------------------------
    def _lanes_of(self, frame: Frame) -> tuple[list[Lane], dict[str, np.ndarray]]:
        """The lanes and their events' starts, made again only when the store, the choices or the filters
        change (by identity for the arrays): gathering a million starts per frame would cost the frame."""
        key = (frame.store, frame.lanes, frame.shown)
        cached = self._lanes
        if cached is not None:
            (store, choices, shown), lanes, starts = cached
            if store is frame.store and choices == frame.lanes and shown is frame.shown:
                return lanes, starts
        lanes = lanes_for(frame.store, frame.lanes, frame.shown, self.tag_slots(frame.store))
        starts = {lane.key: frame.store.starts[lane.members] for lane in lanes}
        self._lanes = (key, lanes, starts)
        return lanes, starts

    def _lane_parts(self, frame: Frame, scale: TimeScale, area: Rect, width: float):
        """Each lane laid out as a timeline of its own: its header, then its rows, with its own clusters and
        labels. The rows are shared out by how many of each lane's events the view holds."""
        lanes, starts = self._lanes_of(frame)
        metrics, measure = self.metrics, self.measure
        row_h = metrics.row_height
        fitting = max(0, int((area.height - 4) // LANE_HEADER_HEIGHT))
        shown_lanes, left = lanes[:fitting], lanes[fitting:]
        open_lanes = [lane for lane in shown_lanes if not lane.collapsed]
        free = area.height - 4 - LANE_HEADER_HEIGHT * len(shown_lanes)
        total_rows = max(0, int(free // row_h))
        in_view = {lane.key: _lane_events_in_view(frame.store, lane, starts[lane.key], frame.t0, frame.t1)
                   for lane in open_lanes}  # fmt: skip
        # A lane with one event or none in view needs one row; a busier one a row for its clusters' counts
        # too. As many lanes as fit stay open; the rest are drawn collapsed.
        least = {lane.key: 1 if in_view[lane.key] <= 1 else MIN_LANE_ROWS for lane in open_lanes}
        while open_lanes and total_rows < sum(least[lane.key] for lane in open_lanes):
            open_lanes.pop()
        rows = {lane.key: least[lane.key] for lane in open_lanes}
        spare = total_rows - sum(rows.values())
        while spare > 0 and open_lanes:
            # The next row goes to the lane with the most events in view per row it has.
            wanting = [lane for lane in open_lanes if in_view[lane.key] > rows[lane.key] - 1]
            if not wanting:
                break
            best = max(wanting, key=lambda lane: in_view[lane.key] / rows[lane.key])
            rows[best.key] += 1
            spare -= 1
        # The picture's budget of laid-out events is shared by the open lanes, so a frame with twelve lanes
        # does no more packing than one without lanes.
        lane_metrics = self._lane_metrics(len(open_lanes))
        bands: list[LaneBand] = []
        clusters: list[ClusterPill] = []
        events: list[EventGlyph] = []
        y = area.y + 2
        first_row = 0
        for lane in shown_lanes:
            count = rows.get(lane.key, 0)
            header = Rect(0.0, y, width, LANE_HEADER_HEIGHT)
            body = Rect(0.0, header.bottom, width, count * row_h)
            band = self._lane_header(lane, header, body, first_row, count, scale, starts[lane.key], width)
            bands.append(band)
            if count:
                layout = self._layout(frame, scale, count, lane.key, lane.members, starts[lane.key], lane_metrics)
                lane_clusters = self._clusters(layout, scale, body.y, width, LANE_CLUSTER_MERGE)
                lane_events = self._events(frame, layout, scale, body.y, width, lane.colour_slot)
                for glyph in lane_events:
                    glyph.row += first_row
                clusters.extend(lane_clusters)
                events.extend(lane_events)
            y = body.bottom
            first_row += count
        left_out = None
        if left:
            text = f"+{len(left)} more lane{'s' if len(left) != 1 else ''}: collapse or hide some (View > Lanes)"
            baseline = min(y + 4 + measure.ascent(Role.DATE), area.bottom - 3)
            left_out = self._text(12, baseline, measure.elide(Role.DATE, text, width - 24), Role.DATE, Ink.MUTED)
        # The selected event is drawn last, on top, in every lane it is in.
        selected = [glyph for glyph in events if glyph.plate is not None]
        if selected:
            events = [glyph for glyph in events if glyph.plate is None] + selected
        return tuple(bands), tuple(clusters), tuple(events), left_out

    def _lane_metrics(self, lanes: int) -> Metrics:
        share = max(MIN_LANE_ITEMS, self.metrics.max_items // max(1, lanes))
        found = self._lane_metrics_cache.get(share)
        if found is None:
            found = self._lane_metrics_cache[share] = dataclasses.replace(self.metrics, max_items=share)
        return found

    def _lane_header(self, lane: Lane, header: Rect, body: Rect, first_row: int, rows: int, scale: TimeScale,
                     starts: np.ndarray, width: float) -> LaneBand:  # fmt: skip
        """The header: a disclosure mark's room, the title and the count at the left edge, where they stay
        however the view is panned, over a strip of the lane's own density."""
        measure = self.measure
        count = len(lane.members)
        baseline = header.y + header.height / 2 + measure.ascent(Role.CLUSTER) / 2 - 1
        x = EDGE_PAD + 22  # room for the swatch and the disclosure triangle
        title_room = max(0.0, min(320.0, width - x - 100))
        shown = measure.elide(Role.CLUSTER, lane.title, title_room)
        title = self._text(x, baseline, shown, Role.CLUSTER, Ink.TEXT) if shown and shown != "…" else None
        count_text = None
        if title is not None:
            words = f"{count:,} event{'s' if count != 1 else ''}" + (" (collapsed)" if lane.collapsed else "")
            cx = title.box.right + 8
            if cx + measure.width(Role.DATE, words) <= width - EDGE_PAD:
                count_text = self._text(cx, baseline, words, Role.DATE, Ink.MUTED)
        density_box = Rect(0.0, header.bottom - LANE_DENSITY_HEIGHT - 1, width, LANE_DENSITY_HEIGHT)
        view = (scale.t0, scale.t1, scale.width)
        cached = self._lane_density.get(lane.key)
        if cached is not None and cached[0] is starts and cached[1] == view:
            density = cached[2]
        else:
            density = density_bars(starts, scale, int(LANE_DENSITY_HEIGHT), Curve.SQRT)
            density.flags.writeable = False  # shared by the scenes of this view
            self._lane_density[lane.key] = (starts, view, density)
        return LaneBand(lane.key, header, body, first_row, rows, lane.collapsed or rows == 0, lane.colour_slot, title,
                        count_text, density_box, density)  # fmt: skip

    # -- eras ---------------------------------------------------------------------------------------------
    def _eras(self, frame: Frame, scale: TimeScale, strip_top: float, area: Rect,
              width: float) -> tuple[EraBand, ...]:  # fmt: skip
        """Each era in view as a band behind the rows, named on a plate in the strip under the axis, the name
        kept inside the part of the band in view (and inside the picture), elided or left out where it is
        short. An era inside another is named only where the other's name leaves room."""
        measure = self.measure
        bands = []
        eras = frame.store.eras
        height = DENSITY_HEIGHT - 4
        named_until = -math.inf  # where the last name drawn ends: names never meet
        for number, era in enumerate(eras):
            x0, x1 = scale.x_of(era.start_seconds), scale.x_of(era.end_seconds)
            if x1 < 0 or x0 > width:
                continue
            left, right = max(x0, 0.0), min(x1, width)
            band = Rect(left, strip_top, max(right - left, 1.0), area.bottom - strip_top)
            label_box = Rect(left, strip_top, max(right - left, 1.0), height)
            # A name may run past a narrow band's end, up to the next era (a three-year war is a few pixels
            # wide in a view of seventy years).
            following = [scale.x_of(other.start_seconds) for other in eras[number + 1:]
                         if other.start_seconds >= era.end_seconds]  # fmt: skip
            limit = min([width, *following])
            start = max(left, EDGE_PAD, named_until + 6)
            room = min(max(right, limit - 6), width - EDGE_PAD) - start - 10
            label = None
            if room >= self.metrics.min_label:
                shown = measure.elide(Role.DATE, era.title, room)
                if shown and shown != "…":
                    baseline = label_box.y + height / 2 + measure.ascent(Role.DATE) / 2 - 1
                    label = self._text(start + 5, baseline, shown, Role.DATE, Ink.TEXT)
                    label_box = Rect(start, strip_top, label.box.right + 5 - start, height)  # the name's plate
                    named_until = label_box.right
            bands.append(EraBand(era.title, band, era.colour, label, label_box))
        return tuple(bands)

    # -- links --------------------------------------------------------------------------------------------
    def _links(self, frame: Frame, events: tuple[EventGlyph, ...], width: float,
               area: Rect) -> tuple[tuple[LinkArrow, ...], tuple[LinkStub, ...]]:  # fmt: skip
        """Arrows between drawn events (between the nearest copies, when an event is in several lanes), and a
        stub with a count at a drawn event for its links whose other end is not drawn."""
        store = frame.store
        sources, targets = store.link_pairs()
        copies: dict[int, list[EventGlyph]] = {}
        for glyph in events:
            copies.setdefault(glyph.index, []).append(glyph)
        drawn = np.fromiter(copies, dtype=np.int64, count=len(copies))
        if not len(drawn):
            return (), ()
        # The links with a drawn end: outgoing ones by a search over `sources` (sorted), incoming ones over
        # the targets' order; a frame looks only at the links of what it draws.
        involved = _links_touching(sources, drawn) | _links_touching_targets(targets, drawn)
        arrows: list[LinkArrow] = []
        leaving: dict[int, list[tuple[int, bool]]] = {}
        focus = {frame.selected, frame.hovered} - {None}
        for number in np.flatnonzero(involved):
            a, b = int(sources[number]), int(targets[number])
            if a in copies and b in copies:
                glyph_a, glyph_b = min(((ga, gb) for ga in copies[a] for gb in copies[b]),
                                       key=lambda pair: abs(pair[0].mark.y - pair[1].mark.y))  # fmt: skip
                emphasised = a in focus or b in focus
                points = arrow_between(_anchor(glyph_a.mark, glyph_b.mark, self.metrics, True),
                                       _anchor(glyph_b.mark, glyph_a.mark, self.metrics, False),
                                       self.metrics.row_height)  # fmt: skip
                head = arrow_head(points[2], points[3], 7.0 if emphasised else 5.5)
                label, plate = None, None
                text = store.link_label(int(number))
                if emphasised and text:
                    label, plate = self._link_label(text, points, width, area, events)
                arrows.append(LinkArrow(a, b, points, head, emphasised, label, plate))
            else:
                here, other = (a, b) if a in copies else (b, a)
                filtered = frame.shown is not None and not _contains(frame.shown, other)
                leaving.setdefault(here, []).append((other, filtered))
        arrows.sort(key=lambda arrow: arrow.emphasised)  # the selected event's links drawn over the others
        stubs = []
        for index, others in leaving.items():
            glyph = copies[index][0]
            later = sum(1 for other, _ in others if float(store.starts[other]) >= float(store.starts[index]))
            direction = 1.0 if later * 2 >= len(others) else -1.0
            stubs.append(self._stub(index, glyph, others, direction, width))
        return tuple(arrows), tuple(stubs)

    def _link_label(self, text: str, points: tuple[tuple[float, float], ...], width: float, area: Rect,
                    events: tuple[EventGlyph, ...]) -> tuple[Text | None, Rect | None]:  # fmt: skip
        """The label of an emphasised link, on a plate beside its curve: of a few places along the curve
        (its middle, a little above or below it, near either end), the first that covers no event's text,
        else the one that covers least."""
        measure = self.measure
        shown = measure.elide(Role.DATE, text, min(320.0, width - 2 * EDGE_PAD - 10))
        if not shown or shown == "…":
            return None, None
        w = measure.width(Role.DATE, shown)
        h = measure.height(Role.DATE)
        taken = [t.box for glyph in events for t in glyph.texts] + [g.plate for g in events if g.plate is not None]
        best: tuple[float, float, float] | None = None
        for fraction, shift in ((0.5, 0.0), (0.5, -(h + 4)), (0.5, h + 4), (0.3, -(h + 4)), (0.7, -(h + 4)),
                                (0.3, h + 4), (0.7, h + 4)):  # fmt: skip
            mx, my = _bezier(points, fraction)
            x = min(max(mx - w / 2, EDGE_PAD + 3), width - EDGE_PAD - 3 - w)
            top = min(max(my - h / 2 + shift, area.y + 1), area.bottom - h - 1)
            box = Rect(x - 3, top - 1, w + 6, h + 2)
            covered = sum(_overlap(box, other) for other in taken)
            if best is None or covered < best[0]:
                best = (covered, x, top)
            if covered == 0:
                break
        assert best is not None
        _, x, top = best
        label = self._text(x, top + measure.ascent(Role.DATE), shown, Role.DATE, Ink.TEXT, width=w)
        return label, Rect(x - 3, top - 1, w + 6, h + 2)

    def _stub(self, index: int, glyph: EventGlyph, others: list[tuple[int, bool]], direction: float,
              width: float) -> LinkStub:  # fmt: skip
        measure = self.measure
        mark = glyph.mark
        radius = self.metrics.marker_radius
        x = (mark.x1 + radius if direction > 0 else mark.x0 - radius) if mark.kind is Kind.MARKER else (
            mark.x1 if direction > 0 else mark.x0)  # fmt: skip
        y = mark.y - self.metrics.bar_height / 2 - 1
        end = (min(max(x + direction * 14, EDGE_PAD + 2), width - EDGE_PAD - 2), y - 7)
        filtered = sum(1 for _, hidden in others if hidden)
        words = f"{len(others)}"
        w = measure.width(Role.CLUSTER, words)
        box_x = end[0] if direction > 0 else end[0] - w - 8
        box_x = min(max(box_x, EDGE_PAD), width - EDGE_PAD - w - 8)
        h = measure.height(Role.CLUSTER)
        box = Rect(box_x, end[1] - h / 2 - 1, w + 8, h + 2)
        text = self._text(box_x + 4, end[1] + measure.ascent(Role.CLUSTER) / 2 - 1, words, Role.CLUSTER,
                          Ink.MUTED, width=w)  # fmt: skip
        return LinkStub(index, (x, y), end, text, box, filtered)

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
        # The uncited mark is explained last, and always: its room is kept before any tag takes it.
        uncited_width = measure.width(Role.DATE, UNCITED_LEGEND) if frame.store.uncited() else 0.0
        tail = uncited_width + 15 + 18 if uncited_width else 0.0
        for number, tag in enumerate(tags):
            label_width = measure.width(Role.DATE, tag)
            rest = len(tags) - number - 1
            reserve = (measure.width(Role.DATE, f"+{rest} more") + 18 if rest else 0.0) + tail
            if x + 15 + label_width > width - 12 - reserve:
                more_text = f"+{len(tags) - number} more"
                more = self._text(x, baseline, more_text, Role.DATE, Ink.MUTED)
                x = more.box.right + 18
                break
            on = tags_on is None or tag in tags_on
            text = self._text(x + 15, baseline, tag, Role.DATE, Ink.TEXT if on else Ink.MUTED, 1.0 if on else 0.6,
                              width=label_width)  # fmt: skip
            swatch = Rect(x, y + height / 2 - 5, 10, 10)
            entries.append(LegendEntry(tag, slots[tag], swatch, text, Rect(x - 4, y, 23 + label_width, height), on))
            x += 15 + label_width + 18
        if uncited_width and x + 15 + uncited_width <= width - 12:
            text = self._text(x + 15, baseline, UNCITED_LEGEND, Role.DATE, Ink.MUTED, width=uncited_width)
            swatch = Rect(x, y + height / 2 - 5, 10, 10)
            entries.append(LegendEntry(UNCITED_LEGEND, -1, swatch, text, Rect(x, y, 15 + uncited_width, height),
                                       kind=LegendKind.UNCITED))  # fmt: skip
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

    def _layout(self, frame: Frame, scale: TimeScale, rows: int, lane: str | None, only: np.ndarray | None,
                only_starts: np.ndarray | None, metrics: Metrics | None = None) -> Layout:  # fmt: skip
        """The layout of the events `only` (None: all) in `rows` rows: the whole area's, or one lane's. Each
        lane keeps its own cache (panning reuses it) and its own memory of rows."""
        spp = scale.seconds_per_pixel
        metrics = metrics or self.metrics
        span = frame.store.span()
        edge = span[1] if span else None
        if frame.fixed:
            edge = frame.t1 - 8 * spp if edge is None else min(edge, frame.t1 - 8 * spp)
        key = (rows, metrics, edge)
        inputs = (frame.store, only)
        cache = self.cache if lane is None else self._lane_caches.setdefault(lane, LayoutCache())
        layout = cache.get(key, inputs, frame.t0, frame.t1, spp)
        if layout is None:
            remembered_store, remembered, (was0, was1) = self._rows.get(lane, (None, {}, (0.0, 0.0)))
            if remembered_store is not frame.store or not _gradual(was0, was1, frame.t0, frame.t1):
                remembered = {}  # a new chronology, or a jump (Fit All, a cluster opened): packed afresh
            origin, tile_width = tile_for(frame.t0, scale.width, spp, metrics.bucket_width)
            measure = self.measure
            layout = compute_layout(
                frame.store, origin, spp, tile_width, rows, lambda t: measure.width(Role.TITLE, t),
                lambda t: measure.width(Role.DATE, t), metrics, self.tag_slots(frame.store), only,
                edge, remembered, only_starts,
            )  # fmt: skip
            cache.put(key, inputs, layout)
            self._rows[lane] = (frame.store, {item.index: item.row for item in layout.items}, (frame.t0, frame.t1))
        return layout

    def _clusters(self, layout: Layout, scale: TimeScale, area_top: float, width: float,
                  merge: int = 1) -> tuple[ClusterPill, ...]:  # fmt: skip
        """The clusters' pills in view. With `merge` > 1 (a lane), up to that many neighbouring clusters share
        one pill: a dozen lanes of a pill per bucket would be a wall of counts, and as many to draw."""
        measure = self.measure
        offset = layout.offset_for(scale.t0)
        y = area_top + 3
        h = self.metrics.row_height - 6
        pills = []
        for cluster in _merged(layout.clusters, merge, offset, width):
            x0, x1 = cluster.x0 + offset, cluster.x1 + offset
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
                width: float, colour_slot: int = -1) -> tuple[EventGlyph, ...]:  # fmt: skip
        """Final marks and labels of the events in view, each label inside the picture and clear of its row."""
        metrics = self.metrics
        offset = layout.offset_for(scale.t0)
        radius = metrics.marker_radius
        visible = [
            item for item in layout.items
            if item.right + offset >= -2 and min(item.x0, item.x1) + offset - radius <= width
        ]  # fmt: skip
        # Each row is decided left to right: a label may use the room from the end of what its left neighbour
        # finally drew to the start of its right neighbour's natural place, so labels never meet. The selected
        # event's label is decided first, with the whole picture's width to use (its title whole wherever it can
        # be); its neighbours then keep clear of its plate, elided or left out where it took their room.
        by_row: dict[int, list[tuple[float, float, Item]]] = {}
        for item in visible:
            left = min(_mark_left(item, radius), item.label_x) + offset
            by_row.setdefault(item.row, []).append((left, item.right + offset, item))
        glyphs = []
        selected_glyph = None
        for entries in by_row.values():
            entries.sort(key=lambda entry: entry[0])
            block: tuple[float, float, float] | None = None  # the selected plate's left, right, and mark's middle
            for number, (_, _, item) in enumerate(entries):
                if item.index == frame.selected:
                    selected_glyph = self._glyph(frame, item, offset, area_top, width, EDGE_PAD, width - EDGE_PAD,
                                                 colour_slot)  # fmt: skip
                    if selected_glyph.plate is not None:
                        plate = selected_glyph.plate
                        middle = (selected_glyph.mark.x0 + selected_glyph.mark.x1) / 2
                        block = (plate.x - 4, plate.right + 4, middle)
                    entries = entries[:number] + entries[number + 1 :]
                    break
            used = -math.inf
            for number, (_, natural_right, item) in enumerate(entries):
                lo = max(EDGE_PAD, used + 4)
                hi = width - EDGE_PAD
                if number + 1 < len(entries):
                    hi = min(hi, entries[number + 1][0] - 4)
                if block is not None:
                    if (_mark_left(item, radius) + _mark_right(item, radius)) / 2 + offset < block[2]:
                        hi = min(hi, block[0])  # left of the selected event: ends before its plate
                    else:
                        lo = max(lo, block[1])  # right of it: starts after its plate
                glyph = self._glyph(frame, item, offset, area_top, width, lo, hi, colour_slot)
                glyphs.append(glyph)
                used = max(used, glyph.box.right if glyph.texts else natural_right)
        if selected_glyph is not None:
            glyphs.append(selected_glyph)  # drawn last: on top of its neighbours' marks
        return tuple(glyphs)

    def _glyph(self, frame: Frame, item: Item, offset: float, area_top: float, width: float, lo: float,
               hi: float, colour_slot: int = -1) -> EventGlyph:  # fmt: skip
        """One event's mark and label. `colour_slot` (a lane by tag's) colours the copy in that lane as its
        tag; -1 keeps the event's first tag's colour."""
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
        cited = bool(frame.store.events[item.index].quotes)
        x0, x1 = item.x0 + offset, item.x1 + offset
        if item.kind is Kind.MARKER:
            slot = colour_slot if colour_slot >= 0 else item.tag_index
            mark = Mark(item.kind, x0, x0, y_mid, slot, alpha, emphasised, item.approximate,
                        item.uncertain, False, False, cited)  # fmt: skip
            mark_box = Rect(x0 - radius - 3, y_mid - radius - 3, 2 * radius + 6, 2 * radius + 6)
        else:
            left, right = max(x0, -20.0), min(x1, width + 20.0)
            right = max(right, left + 2)
            slot = colour_slot if colour_slot >= 0 else item.tag_index
            mark = Mark(item.kind, left, right, y_mid, slot, alpha, emphasised, item.approximate,
                        item.uncertain, x0 >= -20.0, x1 <= width + 20.0, cited)  # fmt: skip
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
            inside = inside and not selected  # the selected label sits on its plate, not on the bar
            baseline = y_mid + (measure.ascent(role) - (measure.height(role) - measure.ascent(role))) / 2
            # A label inside a bar is inked for the bar's colour (the painter picks what reads on it at 4.5:1);
            # an uncited event's title is dimmed (the selected one is read in full), and its bar is faint, so
            # a label inside it is inked as on the page.
            dim = not cited and not selected
            ink = Ink.MUTED if dim else Ink.INSIDE_BAR if inside and cited else Ink.TEXT
            title_text = self._text(x, baseline, shown, role, ink, alpha)
            texts.append(title_text)
            if show_date:
                date_x = title_text.box.right + metrics.label_gap
                ink = Ink.INSIDE_BAR if inside and cited else Ink.MUTED
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
        wanted = None
        if selected and (not texts or texts[0].text != title):
            wanted = _whole_label_box(item, offset, radius, full, box, width)
        return EventGlyph(item.index, item.row, mark, tuple(texts), plate, box, wanted)

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


def _lane_events_in_view(store: Store, lane: Lane, starts: np.ndarray, t0: float, t1: float) -> int:
    """How many of a lane's events the view holds: those starting in it, and (up to a few, counted exactly)
    those begun before it and still going on, which take rows as well."""
    lo, hi = np.searchsorted(starts, (t0, t1))
    going_on = 0
    earlier = lane.members[max(0, int(lo) - 64):int(lo)]  # the last few to start before the view
    if len(earlier):
        going_on = int(np.count_nonzero(store.ends[earlier] > t0))
    return int(hi - lo) + going_on


def _links_touching(sources: np.ndarray, drawn: np.ndarray) -> np.ndarray:
    """A mask of the links (sorted by source) whose source is one of `drawn`."""
    mask = np.zeros(len(sources), dtype=bool)
    lo = np.searchsorted(sources, drawn, side="left")
    hi = np.searchsorted(sources, drawn, side="right")
    for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
        mask[a:b] = True
    return mask


def _links_touching_targets(targets: np.ndarray, drawn: np.ndarray) -> np.ndarray:
    """A mask of the links whose target is one of `drawn`."""
    drawn_sorted = np.sort(drawn)
    at = np.searchsorted(drawn_sorted, targets)
    found = at < len(drawn_sorted)
    found[found] = drawn_sorted[at[found]] == targets[found]
    return found


def _merged(clusters: list[Cluster], merge: int, offset: float, width: float) -> list[Cluster]:
    """The clusters in view (x in layout pixels), runs of up to `merge` touching ones joined into one."""
    found: list[Cluster] = []
    run = 0
    for cluster in clusters:
        if cluster.x1 + offset < 0 or cluster.x0 + offset > width:
            continue
        last = found[-1] if found else None
        if last is not None and run < merge and abs(last.x1 - cluster.x0) < 0.5:
            found[-1] = Cluster(last.x0, cluster.x1, last.count + cluster.count, last.t0, cluster.t1)
            run += 1
        else:
            found.append(cluster)
            run = 1
    return found


def _bezier(points: tuple[tuple[float, float], ...], t: float) -> tuple[float, float]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3


def _overlap(a: Rect, b: Rect) -> float:
    width = min(a.right, b.right) - max(a.x, b.x)
    height = min(a.bottom, b.bottom) - max(a.y, b.y)
    return width * height if width > 0 and height > 0 else 0.0


def _anchor(mark: Mark, other: Mark, metrics: Metrics, leaving: bool) -> tuple[float, float]:
    """Where an arrow meets a mark: the dot's edge, or the end of a bar or span facing the other event."""
    toward = 1.0 if other.x0 >= mark.x0 else -1.0
    if mark.kind is Kind.MARKER:
        return mark.x0 + toward * (metrics.marker_radius + 1), mark.y
    if leaving:
        return (mark.x1 if toward > 0 else mark.x0), mark.y
    return (mark.x0 if toward > 0 else mark.x1), mark.y


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


def _whole_label_box(item: Item, offset: float, radius: float, full: float, box: Rect, width: float) -> Rect:
    """The selected event's mark (a bar's nearer end) with its whole title, `full` wide, beside it or inside its
    bar: of the places the label may take, the one the picture needs the least panning to hold."""
    x0, x1 = item.x0 + offset, item.x1 + offset
    if item.kind is Kind.MARKER:
        options = [(x0 - radius, x0 + radius + 4 + full), (x0 - radius - 4 - full, x0 + radius)]  # right, left
    else:
        options = [(x1 - 1, x1 + 4 + full), (x0 - 4 - full, x0 + 1)]  # after its end, before its start
        if x1 - x0 >= full + 12:
            options.append((x0, x0 + full + 12))  # inside it, from its start

    def panning(option: tuple[float, float]) -> float:
        left, right = option
        return max(0.0, SELECTED_EDGE_LEFT - left) + max(0.0, right - (width - SELECTED_EDGE_RIGHT))

    left, right = min(options, key=panning)
    return Rect(left, box.y, right - left, box.height)


def _placements(item: Item, offset: float, mark_left: float, mark_right: float, lo: float, hi: float,
                width: float, selected: bool) -> list[tuple[float, float, Side]]:  # fmt: skip
    """Where a label may go, the layout's choice first: right of the event, inside its bar, or left of it.

    Each is (left, right, inside). A label inside a long bar that began off screen stays in view; the selected
    event's label may run over its neighbours (it is drawn on a plate above them) to the picture's edge."""
    if selected:
        lo, hi = SELECTED_EDGE_LEFT, width - SELECTED_EDGE_RIGHT
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
    if selected and not inside and item.kind is not Kind.MARKER:
        # The selected title may also go inside its bar or span (one filling the view has no room beside it).
        options.append((max(max(x0, 0.0) + 6, lo), min(x1 - 6, hi), Side.INSIDE))
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
