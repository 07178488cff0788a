"""The event store: events in time order, with flat columns of times for queries that must not scan.

The window asks "which events touch [t0, t1]" on every frame and "what is under the cursor" on every mouse
move, with up to a million events. Both are answered from numpy columns with binary searches, so their cost
grows with what is visible, not with the size of the chronology.
"""

from __future__ import annotations

import enum
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from viewer.model.dates import SECONDS_PER_DAY, Precision
from viewer.model.events import Era, Event, Header, Source


class Marks(enum.Flag):
    """What a date says about itself besides its precision."""

    NONE = 0
    APPROXIMATE = enum.auto()
    UNCERTAIN = enum.auto()
    ONGOING = enum.auto()  # a range whose end is only where the sources stop

    def words(self) -> str:
        """'approximate, ongoing'; '' for none."""
        return ", ".join(mark.name.lower() for mark in Marks if mark and mark in self)  # type: ignore[union-attr]


class EventRows(Protocol):
    """The narrow API a table reads events through: one field of one event at a time, or a whole column.

    `Store` answers it from its events; a columnar store can answer it from its columns without ever
    building an Event (the events table's million-row test holds it to that)."""

    def __len__(self) -> int: ...
    def id_at(self, index: int) -> str: ...
    def title_at(self, index: int) -> str: ...
    def tags_at(self, index: int) -> tuple[str, ...]: ...
    def quote_count_at(self, index: int) -> int: ...
    def date_words_at(self, index: int) -> str: ...
    def precision_at(self, index: int) -> Precision: ...
    def is_range_at(self, index: int) -> bool: ...
    def marks_at(self, index: int) -> Marks: ...
    def title_column(self) -> np.ndarray: ...
    def tags_column(self) -> np.ndarray: ...
    def quote_count_column(self) -> np.ndarray: ...
    def precision_column(self) -> np.ndarray: ...
    def marks_column(self) -> np.ndarray: ...


class Store:
    """An immutable, time-ordered chronology.

    `starts[i]` and `ends[i]` are event i's period in seconds (ends exclusive). For "what touches [t0, t1]"
    the events are also grouped by how long they last (a day, a month, a year, a decade, longer): within a
    group every event lasts at most the group's longest, so one binary search per group finds the events
    that may still be going on at t0. A single index over all events could not skip anything once one long
    range (a seventy-year span) starts early.
    """

    def __init__(
        self,
        events: Iterable[Event],
        sources: Mapping[str, Source] | None = None,
        header: Header | None = None,
        path: Path | None = None,
        eras: Iterable[Era] = (),
    ) -> None:
        unsorted = list(events)
        starts = np.fromiter((e.start_seconds for e in unsorted), dtype=np.float64, count=len(unsorted))
        ends = np.fromiter((e.end_seconds for e in unsorted), dtype=np.float64, count=len(unsorted))
        order = np.lexsort((ends, starts))  # stable: equal times keep the file's order
        self.events: Sequence[Event] = tuple(unsorted[i] for i in order)
        self.starts: np.ndarray = np.ascontiguousarray(starts[order])
        self.ends: np.ndarray = np.ascontiguousarray(ends[order])
        self._duration_classes = _duration_classes(self.starts, self.ends)
        self._span = (float(self.starts[0]), float(self.ends.max())) if len(order) else None
        self.sources: Mapping[str, Source] = dict(sources or {})
        self.header = header or Header()
        self.path = path
        self._index_by_id: dict[str, int] | None = None
        self._search_text: str | None = None
        self._tags: list[str] | None = None
        self._uncited: int | None = None
        self._search_offsets: np.ndarray | None = None
        self._title_column: np.ndarray | None = None
        self._tags_column: np.ndarray | None = None
        self._quote_counts: np.ndarray | None = None
        self._precisions: np.ndarray | None = None
        self._marks: np.ndarray | None = None
        # Periods drawn behind the events, in time order (the longer first where two start together).
        self.eras: tuple[Era, ...] = tuple(sorted(eras, key=lambda era: (era.start_seconds, -era.end_seconds)))
        self._by_tag: dict[str, np.ndarray] | None = None
        self._by_group: dict[str, np.ndarray] | None = None
        self._groups: list[str] | None = None
        self._links: _Links | None = None
        self._ongoing_memo: tuple[float, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.events)

    # -- one event's fields, by index ------------------------------------------------------------------
    # What a table asks, a cell at a time: each answers from an index and hands out no Event, so that a
    # columnar store (issue 11) can answer the same calls from its columns without building events. The
    # `*_column` methods give a whole field as one numpy array, for sorting.
    def id_at(self, index: int) -> str:
        return self.events[index].id

    def title_at(self, index: int) -> str:
        return self.events[index].title

    def tags_at(self, index: int) -> tuple[str, ...]:
        return self.events[index].tags

    def quote_count_at(self, index: int) -> int:
        """How many quotes back event `index`; 0 for an uncited event."""
        return len(self.events[index].quotes)

    def date_words_at(self, index: int) -> str:
        """The date as a reader is told it: '27–28 February 2019', '1976 – ongoing as of 6 February 2019'."""
        return self.events[index].date_words()

    def precision_at(self, index: int) -> Precision:
        """What the event as a whole is known to (the coarser end of a range)."""
        return self.events[index].when.precision

    def is_range_at(self, index: int) -> bool:
        return self.events[index].when.is_range

    def marks_at(self, index: int) -> Marks:
        """Whether the date is approximate or uncertain, and whether the range is still going on."""
        return _marks_of(self.events[index])

    def title_column(self) -> np.ndarray:
        """Every title, casefolded, as one array (objects: fixed-width strings would take the longest's room)."""
        if self._title_column is None:
            self._title_column = np.array([e.title.casefold() for e in self.events], dtype=object)
        return self._title_column

    def tags_column(self) -> np.ndarray:
        """Every event's tags joined, casefolded, as one array ("" for the untagged)."""
        if self._tags_column is None:
            self._tags_column = np.array([", ".join(e.tags).casefold() for e in self.events], dtype=object)
        return self._tags_column

    def quote_count_column(self) -> np.ndarray:
        if self._quote_counts is None:
            self._quote_counts = np.fromiter((len(e.quotes) for e in self.events), np.int64, len(self.events))
        return self._quote_counts

    def precision_column(self) -> np.ndarray:
        """A sort key per event: its precision, twice over, plus one for a range (a range of days after a day)."""
        if self._precisions is None:
            self._precisions = np.fromiter(
                (2 * int(e.when.precision) + e.when.is_range for e in self.events), np.int64, len(self.events)
            )
        return self._precisions

    def marks_column(self) -> np.ndarray:
        """Each event's `Marks`, as integers."""
        if self._marks is None:
            self._marks = np.fromiter((_marks_of(e).value for e in self.events), np.int64, len(self.events))
        return self._marks

    # -- time ------------------------------------------------------------------------------------------
    def span(self) -> tuple[float, float] | None:
        """The earliest start and latest end, or None for an empty chronology."""
        return self._span

    def touching(self, t0: float, t1: float) -> np.ndarray:
        """Indices, in time order, of the events whose period meets [t0, t1]."""
        return self._going_on(t0, t1, "right")

    def ongoing_at(self, t: float) -> np.ndarray:
        """Indices of the events that started before `t` and are still going on at `t`. The last answer is
        kept: every lane of a picture asks for the same moment (the left edge of their shared layout tile)."""
        memo = self._ongoing_memo
        if memo is not None and memo[0] == t:
            return memo[1]
        found = self._going_on(t, t, "left")
        found.flags.writeable = False
        self._ongoing_memo = (t, found)
        return found

    def _going_on(self, t0: float, t1: float, side: str) -> np.ndarray:
        """Events that end after `t0` and start before `t1` (or at it, with side="right"): one binary search
        per duration class finds where the events that may still be going on at t0 begin."""
        found = []
        for indices, starts, longest in self._duration_classes:
            lo = int(np.searchsorted(starts, t0 - longest, side="left"))
            hi = int(np.searchsorted(starts, t1, side=side))
            if hi > lo:
                chosen = indices[lo:hi]
                found.append(chosen[self.ends[chosen] > t0])
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.sort(np.concatenate(found))

    def count_starting(self, boundaries: np.ndarray) -> np.ndarray:
        """How many events start in each interval [boundaries[k], boundaries[k+1]): per-pixel or per-bucket
        counts from one vectorised binary search, however many events there are."""
        return np.diff(np.searchsorted(self.starts, boundaries, side="left"))

    def first_starting_at_or_after(self, t: float) -> int:
        return int(np.searchsorted(self.starts, t, side="left"))

    # -- identity --------------------------------------------------------------------------------------
    def index_of(self, event_id: str) -> int | None:
        if self._index_by_id is None:
            self._index_by_id = {e.id: i for i, e in enumerate(self.events)}
        return self._index_by_id.get(event_id)

    def tags(self) -> list[str]:
        """Every tag, the most used first (ties in order of first use): the legend's order.

        Counted once, on first use: the legend asks on every frame."""
        if self._tags is None:
            counts: dict[str, int] = {}
            for event in self.events:
                for tag in event.tags:
                    counts[tag] = counts.get(tag, 0) + 1
            self._tags = sorted(counts, key=lambda tag: -counts[tag])
        return list(self._tags)

    def uncited(self) -> int:
        """How many events cite no source (no quote backs them); counted once, the legend asks per frame."""
        if self._uncited is None:  # from the quotes column the table sorts by, so the events are walked once
            self._uncited = int(np.count_nonzero(self.quote_count_column() == 0))
        return self._uncited

    def tagged(self, tags: Iterable[str]) -> np.ndarray:
        """Indices, in time order, of the events with any of `tags` (a tag filter, a lane by tag)."""
        by_tag = self._tag_index()
        found = [by_tag[tag] for tag in set(tags) if tag in by_tag]
        if not found:
            return np.empty(0, dtype=np.int64)
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))

    def untagged(self) -> np.ndarray:
        """Indices, in time order, of the events with no tag."""
        return self._tag_index().get("", np.empty(0, dtype=np.int64))

    def _tag_index(self) -> dict[str, np.ndarray]:
        """Tag -> sorted indices of its events ("" for the untagged), made once, on first use."""
        if self._by_tag is None:
            # Gathered into typed arrays (8 bytes an index) rather than lists of Python ints (36 bytes each):
            # a million events with two tags each would otherwise hold 70 MB more while the index is made.
            found: dict[str, array] = {}
            for number, event in enumerate(self.events):
                for tag in event.tags or ("",):
                    indices = found.get(tag)
                    if indices is None:
                        indices = found[tag] = array("q")
                    indices.append(number)
            self._by_tag = {tag: np.frombuffer(indices, dtype=np.int64).copy() for tag, indices in found.items()}
        return self._by_tag

    def groups(self) -> list[str]:
        """Every group, in order of first appearance in time (the lanes' first order)."""
        self._group_index()
        assert self._groups is not None
        return list(self._groups)

    def grouped(self, group: str | None) -> np.ndarray:
        """Indices, in time order, of the events in `group` (None: those that name no group)."""
        return self._group_index().get(group, np.empty(0, dtype=np.int64))

    def _group_index(self) -> dict[str | None, np.ndarray]:
        if self._by_group is None:
            lists: dict[str | None, list[int]] = {}
            for number, event in enumerate(self.events):
                lists.setdefault(event.group, []).append(number)
            self._by_group = {group: np.asarray(found, dtype=np.int64) for group, found in lists.items()}
            self._groups = [group for group in lists if group is not None]
        return self._by_group  # type: ignore[return-value]

    # -- links -----------------------------------------------------------------------------------------
    def links_from(self, index: int) -> list[tuple[int, str]]:
        """(target index, label) of each link event `index` holds, in the file's order."""
        links = self._link_index()
        return [(int(links.targets[k]), links.labels[k]) for k in links.outgoing(index)]

    def links_into(self, index: int) -> list[tuple[int, str]]:
        """(source index, label) of each link that points at event `index`."""
        links = self._link_index()
        return [(int(links.sources[k]), links.labels[k]) for k in links.incoming(index)]

    def link_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Every link as two aligned arrays of store indices (from, to), ordered by `from`."""
        links = self._link_index()
        return links.sources, links.targets

    def link_label(self, number: int) -> str:
        """The label of the link at `number` in `link_pairs()`."""
        return self._link_index().labels[number]

    def _link_index(self) -> _Links:
        if self._links is None:
            self._links = _Links(self)
        return self._links

    # -- search ----------------------------------------------------------------------------------------
    def search(self, query: str) -> np.ndarray:
        """Indices, in time order, of the events whose title, summary, tags or quotes contain every word of
        `query` (case-insensitive). An empty query matches nothing."""
        words = query.replace("\x00", " ").casefold().split()  # NUL separates events in the searchable text
        if not words:
            return np.empty(0, dtype=np.int64)
        text, offsets = self._searchable()
        matches: np.ndarray | None = None
        for word in words:
            hits = _find_all(text, word)
            owners = np.unique(np.searchsorted(offsets, hits, side="right") - 1)
            matches = owners if matches is None else np.intersect1d(matches, owners, assume_unique=True)
            if not len(matches):
                break
        return matches.astype(np.int64) if matches is not None else np.empty(0, dtype=np.int64)

    def _searchable(self) -> tuple[str, np.ndarray]:
        """All events' searchable text in one string, built on first search: one `str.find` loop over one
        string is far faster than testing a million small strings."""
        if self._search_text is None:
            parts = [_event_text(e) for e in self.events]
            lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
            self._search_offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(parts) else lengths
            self._search_text = "\x00".join(parts)
        assert self._search_offsets is not None
        return self._search_text, self._search_offsets


def _marks_of(event: Event) -> Marks:
    when = event.when
    marks = Marks.NONE
    if when.approximate:
        marks |= Marks.APPROXIMATE
    if when.uncertain:
        marks |= Marks.UNCERTAIN
    if event.ongoing:
        marks |= Marks.ONGOING
    return marks


class _Links:
    """Every link as index arrays, made on first use: a million events without links cost one pass."""

    def __init__(self, store: Store) -> None:
        sources: list[int] = []
        targets: list[int] = []
        self.labels: list[str] = []
        for number, event in enumerate(store.events):
            for link in event.links:
                target = store.index_of(link.target)
                if target is None:  # the loader refuses such a file; a store built by hand may hold one
                    continue
                sources.append(number)
                targets.append(target)
                self.labels.append(link.label)
        self.sources = np.asarray(sources, dtype=np.int64)
        self.targets = np.asarray(targets, dtype=np.int64)
        self._by_target = np.argsort(self.targets, kind="stable")
        self._sorted_targets = self.targets[self._by_target]

    def outgoing(self, index: int) -> range:
        lo, hi = np.searchsorted(self.sources, (index, index + 1))
        return range(int(lo), int(hi))

    def incoming(self, index: int) -> list[int]:
        lo, hi = np.searchsorted(self._sorted_targets, (index, index + 1))
        return [int(k) for k in self._by_target[int(lo):int(hi)]]


def _event_text(event: Event) -> str:
    fields = [event.title, event.summary, *event.tags, *(q.text for q in event.quotes)]
    return " ".join(" ".join(fields).split()).casefold()


def _find_all(text: str, word: str) -> np.ndarray:
    found: list[int] = []
    position = text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return np.asarray(found, dtype=np.int64)


_DAY = SECONDS_PER_DAY
_CLASS_LIMITS = (_DAY, 31 * _DAY, 366 * _DAY, 3653 * _DAY, 36_525 * _DAY, float("inf"))


def _duration_classes(starts: np.ndarray, ends: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """(indices, their starts, longest duration) per class of duration, each in time order."""
    durations = ends - starts
    classes = np.searchsorted(np.asarray(_CLASS_LIMITS), durations, side="left")
    groups = []
    for number in range(len(_CLASS_LIMITS)):
        indices = np.flatnonzero(classes == number)
        if len(indices):
            groups.append((indices, starts[indices], float(durations[indices].max())))
    return groups
