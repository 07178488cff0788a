"""What the reader is looking at, without Qt: the store, the range, the selection, the hover, the search, the
filters and the lanes.

One copy of each, observed by the widgets (the timeline, the overview band, the search bar, the details panel)
and changed only through the methods here, in the manner of napari's Qt-free view models. The timeline turns
mouse and keys into calls (`zoom_about`, `pan_by`, `select`, `step`); the search bar calls `search` and
`step_match`; each listens for what changed and redraws. Nothing here paints: to find where an event lands,
`reveal` asks a locator (the widget's `painter.scene_for`, a plain function in tests) for a scene.

Filters: `shown_events` is the one answer to "which events are drawn" (None: all of them), from the tag filter (the
legend's toggles, `export --tag`) and, when the search filters (`SearchMode.FILTER`), the search. The timeline,
the overview, the status bar's "12 of 29 events shown" and any table of events read it, and listen to
`filter_changed`. Lanes (`LaneChoices`: none, by tag, by group; order, collapsed, hidden) are another field
with its listener, `lanes_changed`.
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, ParamSpec

import numpy as np

from viewer.model.source_search import Passage, SourceSearch
from viewer.model.store import Store
from viewer.render import view
from viewer.render.display_zone import DisplayZone
from viewer.render.lanes import NO_LANE, LaneChoices, LaneMode, ordered_keys
from viewer.render.scale import MAX_SPAN, MIN_SPAN, MIN_WIDTH, T_MAX, T_MIN, TimeScale
from viewer.render.scene import Rect, Scene

P = ParamSpec("P")

#: Zoom factor of the zoom buttons and keys (+, -).
STEP_ZOOM = 1.5
#: An event counts as "in view" when it reaches this far inside the edges (pixels).
VISIBLE_INSET = 24.0
#: A selected event's mark and label are brought this far inside the edges.
LABEL_INSET = 12.0
#: ... or, for a title that barely fits, at least this far (the scene keeps the selected title 8 px inside).
MIN_LABEL_INSET = 8.0

Locator = Callable[[TimeScale], Scene]


class Listeners(Generic[P]):
    """Callbacks to tell of one kind of change; a Qt-free stand-in for a signal."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[P, None]] = []

    def connect(self, callback: Callable[P, None]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[P, None]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for callback in list(self._callbacks):
            callback(*args, **kwargs)


class StartView(enum.Enum):
    """Which range a chronology is first shown at."""

    INITIAL = "initial"  # the chronology's own `show` range, or everything when it names none
    ALL = "all"  # every event (Fit All)


class SearchMode(enum.Enum):
    """What a search does to the events that do not match."""

    FILTER = "filter"  # only the matches are drawn
    HIGHLIGHT = "highlight"  # every event is drawn, those that do not match faded


@dataclass(frozen=True)
class TagFilter:
    """The tags whose events are drawn: an event is drawn when it has any of `tags`, or, having no tag at all,
    when `untagged` is true. ViewState.tag_filter is None when every event is drawn."""

    tags: frozenset[str]
    untagged: bool = False

    def admits(self, tags: Iterable[str]) -> bool:
        listed = tuple(tags)
        return any(tag in self.tags for tag in listed) if listed else self.untagged


class ViewState:
    """The one state of what is shown. Indices are store indices; None means no event."""

    def __init__(self, width: float = MIN_WIDTH) -> None:
        self.store: Store = Store([])
        self._width = max(float(width), MIN_WIDTH)
        t0, t1 = view.fit_all(self.store, self._width)
        self.scale = TimeScale(t0, t1, self._width)
        # The first range depends on the width (margins are in pixels): until it has been shown, a new width
        # chooses it again.
        self.pending: StartView | None = StartView.ALL
        self.selected: int | None = None
        self.hovered: int | None = None
        self.query = ""
        self.matches: np.ndarray | None = None  # sorted store indices; None when not searching
        self.match_position: int | None = None  # the selection's place among the matches
        # Events found only through their sources' texts: the passages that found them (see source_search).
        self.passages: dict[int, tuple[Passage, ...]] = {}
        self._source_search: SourceSearch | None = None  # built for a store on its first search
        self.search_mode = SearchMode.FILTER
        self.tag_filter: TagFilter | None = None  # None: no tag is filtered out
        self.shown_events: np.ndarray | None = None  # sorted store indices drawn; None: every event
        self.lanes = LaneChoices()
        self.display_zone = DisplayZone()  # View > Time zone: the clocks the axis and the details read in
        self.store_changed: Listeners[[]] = Listeners()
        self.range_changed: Listeners[[float, float]] = Listeners()
        self.selection_changed: Listeners[[int | None]] = Listeners()
        self.hover_changed: Listeners[[int | None]] = Listeners()
        self.search_changed: Listeners[[]] = Listeners()
        self.filter_changed: Listeners[[]] = Listeners()  # `shown_events`, the tag filter or the search mode
        self.lanes_changed: Listeners[[]] = Listeners()
        self.zone_changed: Listeners[[]] = Listeners()

    # -- the display zone --------------------------------------------------------------------------------
    def set_display_zone(self, zone: DisplayZone) -> None:
        """Read times in `zone` (each event's own, UTC, or a named zone): the details add the time there,
        and the axis counts its hours and days on its clocks."""
        if zone != self.display_zone:
            self.display_zone = zone
            self.zone_changed.emit()

    # -- the chronology ----------------------------------------------------------------------------------
    def set_store(self, store: Store, keep_view: bool = False, keep_search: bool = False) -> None:
        """Show `store`. With `keep_view` (a live reload) keep the range and, when an event with the same id is
        still there, the selection; otherwise show the chronology's first range. The search is run again on
        the new store with `keep_search`, else cleared (matches are indices, which mean nothing in another)."""
        old_store, old_selected = self.store, self.selected
        self.store = store
        selected = None
        if keep_view and old_selected is not None and old_selected < len(old_store):
            selected = store.index_of(old_store.events[old_selected].id)
        self.selected = selected
        self.set_hovered(None)
        self.query = self.query if keep_search else ""
        self._source_search = None
        self.matches = self._matches_for(self.query)
        self.match_position = self._position_of(selected)
        if not keep_view:
            self.tag_filter = None  # another chronology has other tags; a reload keeps the reader's choice
        self.shown_events = self._shown_for()
        self.store_changed.emit()
        if keep_view:
            self._apply(self.scale)
        else:
            self.show(StartView.INITIAL)
        self.search_changed.emit()
        self.filter_changed.emit()
        # Even an unchanged index now names an event of another store: listeners must read it again.
        self.selection_changed.emit(selected)

    # -- the range ---------------------------------------------------------------------------------------
    @property
    def width(self) -> float:
        return self._width

    def set_width(self, width: float) -> None:
        """The picture's width changed: the range keeps its start and scale, or, when the first range has not
        been shown yet, is chosen again for the new width."""
        width = max(float(width), MIN_WIDTH)
        if width == self._width:
            return
        self._width = width
        if self.pending is not None:
            self.show(self.pending)
        else:
            old, self.scale = self.scale, self.scale.with_width(width)
            if (old.t0, old.t1) != (self.scale.t0, self.scale.t1):
                self.range_changed.emit(self.scale.t0, self.scale.t1)

    def shown(self) -> None:
        """The reader has seen the range: from now on a new width keeps it."""
        self.pending = None

    def visible_range(self) -> tuple[float, float]:
        return self.scale.t0, self.scale.t1

    def show(self, which: StartView) -> None:
        """The chronology's first range, or every event, for the current width."""
        choose = view.initial_range if which is StartView.INITIAL else view.fit_all
        t0, t1 = choose(self.store, self._width)
        self._apply(TimeScale(t0, t1, self._width), clamp=False)
        self.pending = which

    def set_range(self, t0: float, t1: float) -> None:
        """Show [t0, t1] exactly, as far as the zoom limits and the representable years allow."""
        if not (math.isfinite(t0) and math.isfinite(t1)) or t0 == t1:
            return
        lo, hi = min(t0, t1), max(t0, t1)
        if MIN_SPAN <= hi - lo <= MAX_SPAN and lo >= T_MIN and hi <= T_MAX:
            scale = TimeScale(lo, hi, self._width)
        else:
            scale = TimeScale.fit(lo, hi, self._width, margin_fraction=0.0)
        self._apply(scale, clamp=False)

    def set_scale(self, scale: TimeScale) -> None:
        """Show `scale` (kept near the data)."""
        self._apply(scale)

    def pan_by(self, dx: float) -> None:
        self._apply(self.scale.pan_by(dx))

    def zoom_about(self, x: float, factor: float) -> None:
        self._apply(self.scale.zoom_about(x, factor))

    def zoom_step(self, factor: float) -> None:
        """Zoom by a key or button: about the selected event while it is in view, else about the centre."""
        x = self.scale.width / 2
        if self.selected is not None:
            start, end = float(self.store.starts[self.selected]), float(self.store.ends[self.selected])
            middle = self.scale.x_of(start + (end - start) / 2)
            if 0 <= middle <= self.scale.width:
                x = middle
        self.zoom_about(x, factor)

    def go_to_first(self) -> None:
        """Bring the first event (of the matches, when searching) to the left edge, keeping the zoom."""
        indices = self.drawable()
        if len(indices):
            t = float(self.store.starts[indices[0]])
            self._apply(self.scale.pan_by(self.scale.x_of(t) - view.LEFT_MARGIN_PX))

    def go_to_last(self) -> None:
        """Bring the last event to the right, leaving room for its label, keeping the zoom."""
        indices = self.drawable()
        if len(indices):
            t = float(self.store.starts[indices[-1]])
            right = min(view.RIGHT_MARGIN_MAX_PX, view.RIGHT_MARGIN_FRACTION * self.scale.width)
            self._apply(self.scale.pan_by(self.scale.x_of(t) - (self.scale.width - right)))

    def _apply(self, scale: TimeScale, clamp: bool = True) -> None:
        span = self.store.span()
        if clamp and span is not None:
            scale = scale.clamp_to(*span)
        self.pending = None
        old = self.scale
        self.scale = scale
        if (scale.t0, scale.t1) != (old.t0, old.t1):
            self.range_changed.emit(scale.t0, scale.t1)

    # -- selection and hover -----------------------------------------------------------------------------
    def select(self, index: int | None, ensure_visible: bool = False, locate: Locator | None = None) -> None:
        """Select event `index` (None or -1: nothing). With `ensure_visible`, bring it into view first (see
        `reveal`, which `locate` helps)."""
        if index is not None and not 0 <= index < len(self.store):
            index = None
        changed = index != self.selected
        # Selected before it is revealed: the locator's scenes then draw it as selected, its title whole.
        self.selected = index
        if index is not None and ensure_visible:
            self.reveal(index, locate)
        position = self._position_of(index)
        if position != self.match_position:
            self.match_position = position
            self.search_changed.emit()
        if changed:
            self.selection_changed.emit(index)

    def set_hovered(self, index: int | None) -> None:
        if index != self.hovered:
            self.hovered = index
            self.hover_changed.emit(index)

    def step(self, step: int, locate: Locator | None = None) -> None:
        """Select the next (+1) or previous (-1) event in time order, among the matches when searching."""
        candidate = self.stepped(step)
        if candidate is not None:
            self.select(candidate, True, locate)

    def stepped(self, step: int) -> int | None:
        """The event `step` would select: from no selection, +1 takes the first event in view and -1 the last
        (or, with none in view, the nearest in that direction); at either end, None."""
        store, indices = self.store, self.drawable()
        if not len(indices) or step == 0:
            return None
        if self.selected is None:
            t0, t1 = self.visible_range()
            inside = indices[(store.ends[indices] > t0) & (store.starts[indices] < t1)]
            if len(inside):
                return int(inside[0] if step > 0 else inside[-1])
            if step > 0:
                after = indices[store.starts[indices] >= t0]
                return int(after[0] if len(after) else indices[-1])
            before = indices[store.ends[indices] <= t1]
            return int(before[-1] if len(before) else indices[0])
        if step > 0:
            at = int(np.searchsorted(indices, self.selected, side="right")) + step - 1
        else:
            at = int(np.searchsorted(indices, self.selected, side="left")) + step
        return int(indices[at]) if 0 <= at < len(indices) else None

    def reveal(self, index: int, locate: Locator | None = None) -> None:
        """Pan (keeping the zoom) so event `index` is in view; with `locate` (a picture to ask), zoom in while
        the picture hides it in a cluster, then bring its mark and label inside the edges when they fit.
        Asks `locate` for scenes; paints nothing."""
        store = self.store
        start, end = float(store.starts[index]), float(store.ends[index])
        scale = self.scale
        inset = min(VISIBLE_INSET, scale.width / 4) * scale.seconds_per_pixel
        if not (end > scale.t0 + inset and start < scale.t1 - inset):
            if end - start < scale.span * 0.8:
                scale = scale.pan_to_center(start + (end - start) / 2)
            else:
                scale = scale.pan_by(scale.x_of(start) - scale.width * 0.1)
        span = store.span()
        if span is not None:
            scale = scale.clamp_to(*span)
        if locate is not None and self.is_shown(index):
            middle = start + (end - start) / 2
            rect = None
            for _ in range(64):
                rect = locate(scale).rect_of(index)
                if rect is not None or scale.span <= MIN_SPAN * (1 + 1e-9):
                    break
                x = min(max(scale.x_of(middle), 0.0), scale.width)
                scale = scale.zoom_about(x, 2.0)
            if rect is not None:
                scale = self._pan_to_hold(scale, rect, locate(scale).wanted_rect_of(index))
        self._apply(scale)

    def _pan_to_hold(self, scale: TimeScale, rect: Rect, wanted: Rect | None) -> TimeScale:
        """`scale` panned so `wanted` (the selected event with its whole title, as the scene reports it) lies
        inside the edges, or, when it is wider than the view, so `rect` (the event as drawn) does."""
        width = scale.width
        for box in (wanted, rect):
            if box is None:
                continue
            inset = min(LABEL_INSET, (width - box.width) / 2)
            if inset < MIN_LABEL_INSET:
                continue  # wider than the view: the title stays elided, as the picture draws it
            if box.right > width - inset:
                return scale.pan_by(box.right - (width - inset))
            if box.x < inset:
                return scale.pan_by(box.x - inset)
            return scale
        return scale

    # -- search ------------------------------------------------------------------------------------------
    def search(self, query: str) -> None:
        """Search titles, summaries, tags and quotes for every word of `query`, and the source texts (see
        `passages_for`); an empty query ends the search."""
        self.query = query
        self.matches = self._matches_for(query)
        self.match_position = self._position_of(self.selected)
        filtered = self._refilter()
        self.search_changed.emit()
        if filtered:
            self.filter_changed.emit()

    def set_matches(self, matches: np.ndarray | None) -> None:
        """Draw only these events (store indices); None draws every event. For callers that filter by other
        means than a query."""
        if matches is not None:
            matches = np.unique(np.asarray(matches, dtype=np.int64).ravel())
            matches = matches[(matches >= 0) & (matches < len(self.store))]
        if _same(matches, self.matches):
            return
        self.matches = matches
        self.match_position = self._position_of(self.selected)
        filtered = self._refilter()
        self.search_changed.emit()
        if filtered:
            self.filter_changed.emit()

    def step_match(self, step: int, locate: Locator | None = None) -> None:
        """Select the next (+1) or previous (-1) match in time order, wrapping around, and show the whole of
        it: a match longer than the view is zoomed out to, not only panned to one end."""
        matches = self.matches
        if matches is not None and self.shown_events is not None and self.search_mode is SearchMode.HIGHLIGHT:
            matches = np.intersect1d(matches, self.shown_events, assume_unique=True)  # the drawn ones only
        if matches is None or not len(matches):
            return
        total = len(matches)
        if self.selected is None:
            at = 0 if step > 0 else total - 1
        elif step > 0:
            at = int(np.searchsorted(matches, self.selected, side="right")) % total
        else:
            at = (int(np.searchsorted(matches, self.selected, side="left")) - 1) % total
        self.show_whole(int(matches[at]))
        self.select(int(matches[at]), True, locate)

    def show_whole(self, index: int) -> None:
        """Zoom out (never in) and pan so the whole of event `index`, start to end, lies inside the edges."""
        start, end = float(self.store.starts[index]), float(self.store.ends[index])
        scale = self.scale
        inset = min(VISIBLE_INSET, scale.width / 4)
        room = scale.width - 2 * inset
        if end - start > room * scale.seconds_per_pixel:
            scale = TimeScale.fit(start, end, scale.width, margin_fraction=inset / scale.width)
        elif start < scale.t_of(inset):
            scale = scale.pan_by(scale.x_of(start) - inset)
        elif end > scale.t_of(scale.width - inset):
            scale = scale.pan_by(scale.x_of(end) - (scale.width - inset))
        self._apply(scale)

    def drawable(self) -> np.ndarray:
        """The store indices drawn, in time order (see `shown_events`)."""
        if self.shown_events is not None:
            return self.shown_events
        return np.arange(len(self.store), dtype=np.int64)

    def count_starting(self, t0: float, t1: float) -> int:
        starts = self.store.starts if self.shown_events is None else self.store.starts[self.shown_events]
        return int(np.searchsorted(starts, t1, side="left") - np.searchsorted(starts, t0, side="left"))

    def first_at_or_after(self, t: float) -> int | None:
        indices = self.drawable()
        at = int(np.searchsorted(self.store.starts[indices], t, side="left"))
        return int(indices[at]) if at < len(indices) else None

    def passages_for(self, index: int | None) -> tuple[Passage, ...]:
        """The source passages that found event `index` when its own text does not hold the query; () else."""
        return self.passages.get(index, ()) if index is not None else ()

    # -- filters -----------------------------------------------------------------------------------------
    def is_shown(self, index: int) -> bool:
        """Whether event `index` is drawn (the filters let it through)."""
        return self.shown_events is None or _contains(self.shown_events, index)

    def shown_count(self) -> tuple[int, int]:
        """(events drawn, events in the chronology)."""
        total = len(self.store)
        return (total if self.shown_events is None else len(self.shown_events)), total

    def shown_words(self) -> str:
        """'29 events', or with a filter on, '12 of 29 events shown' (the status bar's words)."""
        shown, total = self.shown_count()
        noun = "event" if total == 1 else "events"
        if self.shown_events is None:
            return f"{total:,} {noun}"
        return f"{shown:,} of {total:,} {noun} shown"

    def is_filtered(self) -> bool:
        return self.shown_events is not None

    def tag_shown(self, tag: str) -> bool:
        """Whether the legend shows `tag` as on (its events drawn)."""
        return self.tag_filter is None or tag in self.tag_filter.tags

    def set_tag_filter(self, tag_filter: TagFilter | Iterable[str] | None) -> None:
        """Draw only the events with any of these tags (a TagFilter, or tags: untagged events then left out);
        None draws every event again."""
        if tag_filter is not None and not isinstance(tag_filter, TagFilter):
            tag_filter = TagFilter(frozenset(tag_filter), untagged=False)
        if tag_filter is not None and tag_filter.untagged and set(self.store.tags()) <= tag_filter.tags:
            tag_filter = None  # every tag on, and the untagged: no filter at all
        if tag_filter == self.tag_filter:
            return
        self.tag_filter = tag_filter
        self._refilter()
        self.filter_changed.emit()

    def toggle_tag(self, tag: str) -> None:
        """A click on a legend entry: its events hidden, or shown again. An event with another tag still on
        stays; events with no tag are left as they are."""
        current = self.tag_filter or TagFilter(frozenset(self.store.tags()), untagged=True)
        tags = current.tags - {tag} if tag in current.tags else current.tags | {tag}
        self.set_tag_filter(TagFilter(frozenset(tags), current.untagged))

    def show_only_tag(self, tag: str) -> None:
        """Ctrl+click on a legend entry: only its events; the same again shows every event."""
        only = TagFilter(frozenset({tag}), untagged=False)
        self.set_tag_filter(None if self.tag_filter == only else only)

    def set_search_mode(self, mode: SearchMode) -> None:
        """Whether a search draws only its matches (FILTER) or every event with the others faded (HIGHLIGHT)."""
        if mode is self.search_mode:
            return
        self.search_mode = mode
        self._refilter()
        self.search_changed.emit()
        self.filter_changed.emit()

    def _shown_for(self) -> np.ndarray | None:
        store, shown = self.store, None
        if self.tag_filter is not None:
            shown = store.tagged(self.tag_filter.tags)
            if self.tag_filter.untagged and len(store.untagged()):
                shown = np.union1d(shown, store.untagged())
        if self.search_mode is SearchMode.FILTER and self.matches is not None:
            shown = self.matches if shown is None else np.intersect1d(shown, self.matches, assume_unique=True)
        return shown

    def _refilter(self) -> bool:
        """Compute `shown_events` again; True when it changed. An unchanged answer keeps its object, which the
        layout cache compares by identity."""
        shown = self._shown_for()
        if _same(shown, self.shown_events):
            return False
        self.shown_events = shown
        if self.hovered is not None and not self.is_shown(self.hovered):
            self.set_hovered(None)
        return True

    # -- lanes -------------------------------------------------------------------------------------------
    def set_lane_mode(self, mode: LaneMode) -> None:
        """None, by tag or by group; the order, collapsed and hidden lanes are kept per lane name."""
        self._set_lanes(dataclasses.replace(self.lanes, mode=mode))

    def set_lane_choices(self, choices: LaneChoices) -> None:
        """All lane choices at once (restored from the settings)."""
        self._set_lanes(choices)

    def set_lane_collapsed(self, key: str, collapsed: bool) -> None:
        keys = self.lanes.collapsed | {key} if collapsed else self.lanes.collapsed - {key}
        self._set_lanes(dataclasses.replace(self.lanes, collapsed=frozenset(keys)))

    def set_lane_hidden(self, key: str, hidden: bool) -> None:
        keys = self.lanes.hidden | {key} if hidden else self.lanes.hidden - {key}
        self._set_lanes(dataclasses.replace(self.lanes, hidden=frozenset(keys)))

    def show_all_lanes(self) -> None:
        self._set_lanes(dataclasses.replace(self.lanes, hidden=frozenset()))

    def move_lane(self, key: str, position: int) -> None:
        """Put lane `key` at `position` among the lanes (0: the top), as a drag of its header does."""
        keys = [k for k in ordered_keys(self.store, self.lanes) if k != key]
        if len(keys) == len(ordered_keys(self.store, self.lanes)):
            return  # no such lane
        keys.insert(max(0, min(position, len(keys))), key)
        # Lanes of another chronology keep their place after these.
        rest = [k for k in self.lanes.order if k not in keys]
        self._set_lanes(dataclasses.replace(self.lanes, order=tuple(keys + rest)))

    def lane_keys(self) -> list[str]:
        """Every lane of the current mode in the reader's order, hidden ones included."""
        return ordered_keys(self.store, self.lanes)

    def drawn_lanes(self) -> LaneChoices:
        """The lane choices a picture is drawn with: by tag, the lanes of tags the filter leaves out go too."""
        choices = self.lanes
        if choices.mode is not LaneMode.TAGS or self.tag_filter is None:
            return choices
        tag_filter = self.tag_filter
        kept = tag_filter.tags | ({NO_LANE} if tag_filter.untagged else set())
        out = {key for key in self.lane_keys() if key not in kept}
        return dataclasses.replace(choices, hidden=choices.hidden | out)

    def _set_lanes(self, choices: LaneChoices) -> None:
        if choices == self.lanes:
            return
        self.lanes = choices
        self.lanes_changed.emit()

    def _matches_for(self, query: str) -> np.ndarray | None:
        self.passages = {}
        if not query.strip() or not len(self.store):
            return None if not query.strip() else np.empty(0, dtype=np.int64)
        return self._with_source_matches(query, self.store.search(query))

    def _with_source_matches(self, query: str, own: np.ndarray) -> np.ndarray:
        """`own` (events whose own text matches) and the events found through a passage of their sources."""
        if self._source_search is None:
            self._source_search = SourceSearch(self.store.events, self.store.sources)
        found: dict[int, list[Passage]] = {}
        for passage in self._source_search.find(query):
            for index in passage.events:
                if not _contains(own, index):
                    found.setdefault(index, []).append(passage)
        if not found:
            return own
        self.passages = {index: tuple(passages) for index, passages in found.items()}
        return np.union1d(own, np.fromiter(found, dtype=np.int64, count=len(found))).astype(np.int64)

    def _position_of(self, index: int | None) -> int | None:
        if self.matches is None or index is None:
            return None
        at = int(np.searchsorted(self.matches, index))
        return at if at < len(self.matches) and int(self.matches[at]) == index else None


def _contains(sorted_indices: np.ndarray, index: int) -> bool:
    at = int(np.searchsorted(sorted_indices, index))
    return at < len(sorted_indices) and int(sorted_indices[at]) == index


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))
