"""Where each visible event goes: rows of labels that never overlap, and counted clusters where it is dense.

Pure Python and numpy (no Qt): the painter measures text and passes a `text_width` function in.

Level of detail. The visible range is cut into buckets a few dozen pixels wide, and one vectorised binary
search counts the events that start in each. A bucket with no more events than there are rows has its events
laid out one by one; a fuller bucket becomes a counted cluster that zooms in when clicked. So the Python work
of a frame is bounded by the screen (buckets × rows), never by the size of the chronology.

A layout covers twice the screen's width around the view at one zoom level, with buckets aligned to a grid fixed
in time, so panning reuses it (`LayoutCache`) and a recomputed layout keeps the same buckets.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from viewer.model.dates import Precision
from viewer.model.events import Event
from viewer.model.store import Store

TextWidth = Callable[[str], float]


class Kind(enum.Enum):
    __hash__ = object.__hash__  # members are singletons: hash by identity (Enum's own hash is slow)

    MARKER = "marker"  # a single day: a dot at the day
    SPAN = "span"  # a single month, year or decade: a soft span over the whole period
    BAR = "bar"  # a range: a bar from start to end


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in pixels; scaled for the window's or the export's font."""

    row_height: float = 24.0
    bar_height: float = 16.0
    marker_radius: float = 5.0
    label_gap: float = 6.0
    row_gap: float = 10.0
    bucket_width: float = 48.0
    cluster_row: bool = True
    label_caps: tuple[float, ...] = (460.0, 320.0, 200.0, 130.0, 80.0)
    min_label: float = 36.0
    max_items: int = 400


@dataclass(slots=True)
class Item:
    """One event as drawn. x values are in layout pixels (add `Layout.offset_for` to get screen pixels)."""

    index: int
    kind: Kind
    x0: float  # the period's left edge; for a marker, the dot's centre
    x1: float  # the period's right edge; for a marker, the dot's centre
    row: int
    label_x: float
    label_width: float  # the room for the title; the painter elides to it
    show_date: bool  # whether the date fits after the title
    approximate: bool
    uncertain: bool
    tag_index: int
    right: float  # the right end of everything drawn for this item


@dataclass(slots=True)
class Cluster:
    """Events too dense to label: drawn as a count, zooms to [t0, t1] when clicked."""

    x0: float
    x1: float
    count: int
    t0: float
    t1: float


@dataclass(slots=True)
class Layout:
    origin: float  # the time at layout x = 0
    seconds_per_pixel: float
    width: float  # layout pixels covered
    rows: int
    items: list[Item] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    boxes: np.ndarray = field(default_factory=lambda: np.empty((0, 4)))  # x0, row, x1, item number
    cluster_boxes: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))
    cluster_row: bool = False  # whether row 0 holds the clusters' counts (only when there are clusters)

    def offset_for(self, view_t0: float) -> float:
        """Add this to a layout x to get the x on a view that starts at `view_t0` (same zoom)."""
        return (self.origin - view_t0) / self.seconds_per_pixel

    def item_at(self, x: float, row: int) -> Item | None:
        """The item drawn at layout x in `row` (the marker or bar, or its label), if any."""
        if not len(self.boxes):
            return None
        hit = (self.boxes[:, 1] == row) & (self.boxes[:, 0] <= x) & (self.boxes[:, 2] >= x)
        found = np.flatnonzero(hit)
        return self.items[int(self.boxes[found[0], 3])] if len(found) else None

    def is_free(self, row: int, left: float, right: float, item: Item) -> bool:
        """Whether [left, right] (layout x) in `row` is clear of every item but `item`."""
        if not len(self.boxes):
            return True
        others = np.asarray([other is not item for other in self.items], dtype=bool)
        clash = others & (self.boxes[:, 1] == row) & (self.boxes[:, 0] < right) & (self.boxes[:, 2] > left)
        return not clash.any()

    def cluster_at(self, x: float) -> Cluster | None:
        if not len(self.cluster_boxes):
            return None
        found = np.flatnonzero((self.cluster_boxes[:, 0] <= x) & (self.cluster_boxes[:, 1] >= x))
        return self.clusters[int(found[0])] if len(found) else None


def event_kind(event: Event) -> Kind:
    if event.when.is_range:
        return Kind.BAR
    return Kind.MARKER if event.when.precision <= Precision.DAY else Kind.SPAN


def tag_indices(store: Store) -> dict[str, int]:
    """Tag -> colour slot, in the legend's order."""
    return {tag: number for number, tag in enumerate(store.tags())}


def compute_layout(
    store: Store,
    origin: float,
    seconds_per_pixel: float,
    width: float,
    rows: int,
    title_width: TextWidth,
    date_width: TextWidth,
    metrics: Metrics = Metrics(),
    tag_slots: dict[str, int] | None = None,
    only: np.ndarray | None = None,
    label_edge: float | None = None,
    remembered: Mapping[int, int] | None = None,
    only_starts: np.ndarray | None = None,
) -> Layout:
    """Lay out the events of `store` between `origin` and `origin + width * seconds_per_pixel`.

    `only`, when given, is a sorted array of store indices (a search's matches) to lay out instead of all.
    `label_edge` is a time past which no label may run: a label that would is put on the left of its
    event instead (the window passes the end of the data, an export the right edge of its picture).
    `remembered` maps store indices to the rows the previous picture gave them: an event keeps its row
    while that row is free, so the eye can follow it through a zoom or a pan. `only_starts`, when given, is
    `store.starts[only]` made beforehand (a lane keeps its own, rather than gather it again on every frame).
    """
    rows = max(1, rows)
    layout = Layout(origin, seconds_per_pixel, width, rows)
    if not len(store):
        return layout
    tag_slots = tag_slots if tag_slots is not None else tag_indices(store)
    bucket_px = metrics.bucket_width
    buckets = max(1, math.ceil(width / bucket_px))
    edges = origin + np.arange(buckets + 1, dtype=np.float64) * bucket_px * seconds_per_pixel
    starts = store.starts if only is None else (only_starts if only_starts is not None else store.starts[only])
    first = np.searchsorted(starts, edges, side="left")
    counts = np.diff(first)

    # A bucket with a few more events than rows is still laid out: those that find a row are labelled and
    # only the rest are counted, which reads better than hiding the whole bucket behind a count.
    per_bucket = 2 * rows
    # Lower the per-bucket allowance until the total stays within the item budget.
    while per_bucket > 1 and int(counts[counts <= per_bucket].sum()) > metrics.max_items:
        per_bucket //= 2

    chosen: list[int] = []
    ongoing = store.ongoing_at(origin)
    if only is not None and len(ongoing):
        ongoing = ongoing[_members(only, ongoing)]  # a binary search each: `only` may hold a million
    going_on = 0  # events begun before the tile and too many to lay out: counted in its first bucket
    if len(ongoing) <= per_bucket:
        chosen.extend(ongoing.tolist())
    else:
        going_on = len(ongoing)
    # One numpy pass picks the buckets laid out one by one and those counted: the Python work below is bounded
    # by the item budget and the number of buckets, never by how many events the buckets hold.
    small = np.flatnonzero((counts > 0) & (counts <= per_bucket))
    if len(small):
        lo, hi = first[small].tolist(), first[small + 1].tolist()
        if only is None:
            for a, b in zip(lo, hi, strict=True):
                chosen.extend(range(a, b))
        else:
            for a, b in zip(lo, hi, strict=True):
                chosen.extend(only[a:b].tolist())
    full = np.flatnonzero(counts > per_bucket)
    if len(full):
        full_counts, full_t0, full_t1 = counts[full].tolist(), edges[full].tolist(), edges[full + 1].tolist()
        layout.clusters.extend(
            Cluster(k * bucket_px, (k + 1) * bucket_px, count, a, b)
            for k, count, a, b in zip(full.tolist(), full_counts, full_t0, full_t1, strict=True)
        )
    if going_on:
        if layout.clusters and layout.clusters[0].x0 == 0.0:
            layout.clusters[0].count += going_on
        else:
            layout.clusters.insert(0, Cluster(0.0, bucket_px, going_on, origin, origin + bucket_px * seconds_per_pixel))

    edge_x = math.inf if label_edge is None else (label_edge - origin) / seconds_per_pixel
    clusters_before = len(layout.clusters)
    items = _place(store, chosen, origin, seconds_per_pixel, edge_x, rows, title_width, date_width, metrics,
                   tag_slots, layout, remembered or {})  # fmt: skip
    layout.items = items
    layout.cluster_row = bool(layout.clusters)
    if len(layout.clusters) != clusters_before:
        _merge_clusters(layout)  # events that found no row join their bucket's count; else one per bucket already
    _index_boxes(layout, metrics)
    return layout


def _place(
    store: Store,
    chosen: Sequence[int],
    origin: float,
    spp: float,
    edge_x: float,
    rows: int,
    title_width: TextWidth,
    date_width: TextWidth,
    metrics: Metrics,
    tag_slots: dict[str, int],
    layout: Layout,
    remembered: Mapping[int, int],
) -> list[Item]:
    """Pack the chosen events into rows; those that find no row are counted in their bucket's cluster.

    The first row is kept for the clusters' counts only when there are clusters to show."""
    if not chosen:
        return []
    order = sorted(chosen)
    geometry = []
    for index in order:
        event = store.events[index]
        kind = event_kind(event)
        x0 = (store.starts[index] - origin) / spp
        x1 = (store.ends[index] - origin) / spp
        if kind is Kind.MARKER:
            x0 = x1 = (x0 + x1) / 2
        full_title = title_width(event.title)
        full_date = date_width(event.date_words())
        geometry.append((index, event, kind, float(x0), float(x1), full_title, full_date))

    has_clusters = bool(layout.clusters)
    reserve = metrics.cluster_row and rows >= 2 and has_clusters
    options = [_label_options(g, metrics, edge_x) for g in geometry]  # the same for every packing tried
    placed, overflow = _pack_within(geometry, options, rows - 1 if reserve else rows, metrics,
                                    _shifted(remembered, 1 if reserve else 0))  # fmt: skip
    if overflow and not reserve and metrics.cluster_row and rows >= 2:
        # Some events will be counted in clusters after all: make room for the clusters' row and pack again.
        reserve = True
        placed, overflow = _pack_within(geometry, options, rows - 1, metrics, _shifted(remembered, 1))
    for index, x in overflow:
        layout.clusters.append(_cluster_for(x, metrics.bucket_width, origin, spp, index))
    shift = 1 if reserve else 0
    items = []
    for number, (title_room, show_date, label_x, _, right), row in placed:  # Items for the kept packing only
        index, event, kind, x0, x1, _, _ = geometry[number]
        tag_index = tag_slots.get(event.tags[0], -1) if event.tags else -1
        when = event.when
        items.append(Item(index, kind, x0, x1, row + shift, label_x, title_room, show_date, when.approximate,
                          when.uncertain, tag_index, right))  # fmt: skip
    return items


def _members(sorted_indices: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """A mask of the `candidates` found in `sorted_indices`."""
    at = np.searchsorted(sorted_indices, candidates)
    found = at < len(sorted_indices)
    found[found] = sorted_indices[at[found]] == candidates[found]
    return found


def _shifted(remembered: Mapping[int, int], reserved: int) -> Mapping[int, int]:
    """Remembered picture rows as packing rows: with the clusters' row reserved, picture row 1 is packing row 0."""
    if not reserved:
        return remembered
    return {index: row - reserved for index, row in remembered.items() if row >= reserved}


def _pack_within(geometry: list, options: list, rows: int, metrics: Metrics, remembered: Mapping[int, int]):
    """The packing with the longest labels under which every event finds a row (or, failing that, the one
    with the shortest labels, whose leftovers become clusters).

    At most three packings: all label lengths allowed, then the middle ones, then the shortest; trying every
    maximum in turn cost a crowded frame five packings for the same answer."""
    caps = len(metrics.label_caps)
    for first in sorted({0, caps // 2, max(caps - 2, 0)}):
        placed, overflow = _pack(geometry, options, first, rows, metrics, remembered)
        if not overflow:
            break
    return placed, overflow


def _label_options(geometry: tuple, metrics: Metrics, edge_x: float) -> list[tuple[float, bool, float, float, float]]:
    """For each label cap, longest first: (title room, date shown, label x, left end, right end)."""
    _, _, kind, x0, x1, full_title, full_date = geometry
    radius = metrics.marker_radius
    found: list[tuple[float, bool, float, float, float]] = []
    previous: tuple[float, bool] | None = None
    for cap in metrics.label_caps:
        title_room = min(full_title, cap)
        show_date = full_title + metrics.label_gap + full_date <= cap
        if previous == (title_room, show_date):
            found.append(found[-1])  # a short title: the same label as under the longer cap
            continue
        previous = (title_room, show_date)
        label_width = title_room + (metrics.label_gap + full_date if show_date else 0.0)
        left = x0 - radius if kind is Kind.MARKER else x0
        end = x0 + radius if kind is Kind.MARKER else x1
        if kind is Kind.MARKER:
            label_x = x0 + radius + 4
        elif x1 - max(x0, 0.0) >= label_width + 12:
            label_x = max(x0, 0.0) + 6  # inside the span, kept on screen
        else:
            label_x = x1 + 4
        if label_x + label_width > edge_x and label_x > x0:
            inside = x1 - max(x0, 0.0) - 12
            if kind is not Kind.MARKER and inside >= max(metrics.min_label, 0.6 * title_room):
                # A long bar keeps its label, shortened a little, inside rather than turning it left, where it
                # would land far from where the bar starts; a short bar's label turns left whole.
                label_x, title_room, show_date = max(x0, 0.0) + 6, min(title_room, inside), False
                label_width = title_room
            else:
                label_x = left - 4 - label_width  # past the edge: the label goes on the event's left
                left = label_x
        found.append((title_room, show_date, label_x, left, max(end, label_x + label_width)))
    return found


def _pack(geometry: list, options: list, first: int, rows: int, metrics: Metrics, remembered: Mapping[int, int]):
    """Each event, in time order, gets the longest label (from cap `first` on) that fits in a row. The row is
    the one it had in the previous picture when that is free (so it does not hop while zooming); else, inside
    a stack of overlapping events, the row under the previous event's (reading down a stack goes forward in
    time); else the first free row from the top. Returns (event number, label option, row) per placed event,
    and (store index, x) per event that found no row."""
    row_ends = [-math.inf] * rows
    placed: list[tuple[int, tuple, int]] = []
    overflow: list[tuple[int, float]] = []
    gap = metrics.row_gap
    last_row, last_right = -1, -math.inf
    for number, ((index, _, _, x0, _, _, _), choices) in enumerate(zip(geometry, options, strict=True)):
        lowest = min(row_ends)
        kept = remembered.get(index, -1)
        for choice in choices[first:]:
            left, right = choice[3], choice[4]
            if lowest > left:
                continue  # no row is free this far left
            if 0 <= kept < rows and row_ends[kept] <= left:
                row = kept
            elif last_right > left and 0 <= last_row + 1 < rows and row_ends[last_row + 1] <= left:
                row = last_row + 1
            else:
                row = 0
                while row_ends[row] > left:
                    row += 1
            row_ends[row] = right + gap
            last_row, last_right = row, right + gap
            placed.append((number, choice, row))
            break
        else:
            overflow.append((index, x0))
    return placed, overflow


def _cluster_for(x: float, bucket_px: float, origin: float, spp: float, index: int) -> Cluster:
    k = math.floor(x / bucket_px)
    return Cluster(
        k * bucket_px, (k + 1) * bucket_px, 1, origin + k * bucket_px * spp, origin + (k + 1) * bucket_px * spp
    )


def _merge_clusters(layout: Layout) -> None:
    """One cluster per bucket: overflow from row packing joins the bucket's count."""
    merged: dict[float, Cluster] = {}
    for cluster in layout.clusters:  # each made by this layout: joined in place rather than copied
        existing = merged.get(cluster.x0)
        if existing is None:
            merged[cluster.x0] = cluster
        else:
            existing.count += cluster.count
    layout.clusters = [merged[x0] for x0 in sorted(merged)]


def _index_boxes(layout: Layout, metrics: Metrics) -> None:
    boxes = np.empty((len(layout.items), 4), dtype=np.float64)
    for number, item in enumerate(layout.items):
        left = item.x0 - metrics.marker_radius - 2 if item.kind is Kind.MARKER else item.x0
        boxes[number] = (min(left, item.label_x), item.row, item.right, number)
    layout.boxes = boxes
    layout.cluster_boxes = np.asarray([(c.x0, c.x1) for c in layout.clusters], dtype=np.float64).reshape(-1, 2)


@dataclass
class LayoutCache:
    """Keeps the last layout and reuses it while the view pans within it at the same zoom.

    `inputs` (the store, the search's matches) are compared by identity and held, so a new store can
    never be mistaken for a freed one whose id it reuses; `key` holds plain values compared by equality.
    """

    layout: Layout | None = None
    key: tuple = ()
    inputs: tuple = ()

    def get(self, key: tuple, inputs: tuple, view_t0: float, view_t1: float, spp: float) -> Layout | None:
        layout = self.layout
        if layout is None or key != self.key or len(inputs) != len(self.inputs):
            return None
        if any(a is not b for a, b in zip(inputs, self.inputs, strict=True)):
            return None
        if not math.isclose(layout.seconds_per_pixel, spp, rel_tol=1e-9):
            return None
        if view_t0 < layout.origin or view_t1 > layout.origin + layout.width * spp:
            return None
        return layout

    def put(self, key: tuple, inputs: tuple, layout: Layout) -> None:
        self.key = key
        self.inputs = inputs
        self.layout = layout


def tile_for(view_t0: float, view_width: float, spp: float, bucket_px: float) -> tuple[float, float]:
    """The origin and width of a layout covering the view and half a view-width either side, with the origin
    on the bucket grid so that buckets stay put from one layout to the next.

    Half a width each side lets a drag or an arrow key (an eighth of the width) pan several steps on one
    layout, while a zoom, which needs a new layout every frame, lays out only twice the screen."""
    grid = bucket_px * spp
    origin = math.floor((view_t0 - 0.5 * view_width * spp) / grid) * grid
    width = math.ceil(2 * view_width / bucket_px + 2) * bucket_px
    return origin, width
