"""The store: time order, the interval queries the window asks every frame, search and identity."""

from __future__ import annotations

import calendar
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.dates import SECONDS_PER_DAY, EventDate, PartialDate, parse_date
from viewer.model.events import Event, Quote
from viewer.model.store import Store

DAY = float(SECONDS_PER_DAY)


def event(
    event_id: str,
    start: str | PartialDate,
    end: str | PartialDate | None = None,
    *,
    title: str = "",
    summary: str = "",
    tags: tuple[str, ...] = (),
    quotes: tuple[str, ...] = (),
) -> Event:
    first = start if isinstance(start, PartialDate) else parse_date(start)
    last = end if end is None or isinstance(end, PartialDate) else parse_date(end)
    return Event(
        event_id,
        title or event_id,
        EventDate(first, last),
        summary,
        tags,
        tuple(Quote("src", text) for text in quotes),
    )


# -- random chronologies ------------------------------------------------------------------------------


@st.composite
def partial(draw: st.DrawFn) -> PartialDate:
    kind = draw(st.sampled_from(["day", "day", "day", "month", "month", "year", "decade"]))
    year = draw(st.integers(1900, 2030))
    if kind == "decade":
        return PartialDate.of_decade(year - year % 10)
    if kind == "year":
        return PartialDate.of_year(year)
    month = draw(st.integers(1, 12))
    if kind == "month":
        return PartialDate.of_month(year, month)
    return PartialDate.of_day(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@st.composite
def when(draw: st.DrawFn) -> EventDate:
    start = draw(partial())
    if draw(st.integers(0, 4)) == 0:  # a range, from a few days to decades long
        end = draw(partial())
        if end < start or end.end_seconds <= start.start_seconds:
            start, end = end, start
        return EventDate(start, end)
    return EventDate(start)


SEVENTY_YEARS = EventDate(PartialDate.of_year(1945), PartialDate.of_year(2014))


@st.composite
def stores(draw: st.DrawFn) -> tuple[Store, list[Event]]:
    dates = draw(st.lists(when(), min_size=0, max_size=60))
    position = draw(st.integers(0, len(dates)))
    dates.insert(position, SEVENTY_YEARS)  # one long range, so a single index would have to scan everything
    events = [Event(f"e{i}", f"event {i}", w) for i, w in enumerate(dates)]
    return Store(events), events


LO, HI = PartialDate.of_year(1890).start_seconds, PartialDate.of_year(2045).end_seconds


@st.composite
def times(draw: st.DrawFn, store: Store) -> float:
    """A time anywhere, or exactly on an event's boundary (where off-by-one mistakes live)."""
    boundaries = [*store.starts.tolist(), *store.ends.tolist()]
    if boundaries and draw(st.booleans()):
        return draw(st.sampled_from(boundaries)) + draw(st.sampled_from([0.0, 0.0, -1.0, 1.0, -0.5]))
    return draw(st.floats(LO, HI, allow_nan=False))


def brute_touching(store: Store, t0: float, t1: float) -> np.ndarray:
    return np.flatnonzero((store.starts <= t1) & (store.ends > t0))


@settings(max_examples=200)
@given(st.data())
def test_touching_agrees_with_a_brute_force_filter(data: st.DataObject) -> None:
    store, _ = data.draw(stores())
    a, b = data.draw(times(store)), data.draw(times(store))
    t0, t1 = min(a, b), max(a, b)
    got = store.touching(t0, t1)
    assert got.dtype == np.int64
    assert got.tolist() == brute_touching(store, t0, t1).tolist()
    assert store.touching(t0, t0).tolist() == brute_touching(store, t0, t0).tolist()


@settings(max_examples=200)
@given(st.data())
def test_ongoing_at_agrees_with_a_brute_force_filter(data: st.DataObject) -> None:
    store, _ = data.draw(stores())
    t = data.draw(times(store))
    expected = np.flatnonzero((store.starts < t) & (store.ends > t))
    assert store.ongoing_at(t).tolist() == expected.tolist()


@settings(max_examples=200)
@given(st.data())
def test_count_starting_counts_each_start_once(data: st.DataObject) -> None:
    store, _ = data.draw(stores())
    boundaries = np.asarray(sorted(data.draw(st.lists(times(store), min_size=1, max_size=12))), dtype=np.float64)
    counts = store.count_starting(boundaries)
    assert len(counts) == len(boundaries) - 1
    expected = [
        int(np.count_nonzero((store.starts >= lo) & (store.starts < hi))) for lo, hi in itertools.pairwise(boundaries)
    ]
    assert counts.tolist() == expected
    assert int(counts.sum()) == int(np.count_nonzero((store.starts >= boundaries[0]) & (store.starts < boundaries[-1])))


@settings(max_examples=200)
@given(stores())
def test_events_are_in_time_order_and_ties_keep_the_file_order(generated: tuple[Store, list[Event]]) -> None:
    store, events = generated
    expected = sorted(events, key=lambda e: (e.start_seconds, e.end_seconds))  # sorted() is stable
    assert [e.id for e in store.events] == [e.id for e in expected]
    assert store.starts.tolist() == [e.start_seconds for e in expected]
    assert store.ends.tolist() == [e.end_seconds for e in expected]
    assert len(store) == len(events)


def test_ties_keep_the_file_order() -> None:
    events = [event("c", "2019-02"), event("a", "2019-02-01"), event("b", "2019-02"), event("d", "2019-02-01")]
    store = Store(events)
    assert [e.id for e in store.events] == ["a", "d", "c", "b"]


def test_touching_finds_a_seventy_year_range_from_anywhere_inside_it() -> None:
    days = [event(f"d{i}", PartialDate.of_day(2000, 1 + i % 12, 1 + i % 28)) for i in range(500)]
    store = Store([*days, Event("long", "Long", SEVENTY_YEARS)])
    t0, t1 = PartialDate.of_day(1990, 6, 1).start_seconds, PartialDate.of_day(1990, 6, 2).start_seconds
    assert [store.events[i].id for i in store.touching(t0, t1)] == ["long"]
    assert [store.events[i].id for i in store.ongoing_at(t0)] == ["long"]
    assert store.touching(PartialDate.of_year(2020).start_seconds, PartialDate.of_year(2020).end_seconds).size == 0


def test_touching_at_the_edges_of_a_day() -> None:
    store = Store([event("hanoi", "2019-02-27", "2019-02-28")])
    start, end = store.starts[0], store.ends[0]
    assert end - start == 2 * DAY
    assert store.touching(end, end + DAY).size == 0  # the end is exclusive
    assert store.touching(end - 1, end + DAY).tolist() == [0]
    assert store.touching(start - DAY, start).tolist() == [0]  # [t0, t1] is closed
    assert store.touching(start - DAY, start - 1).size == 0
    assert store.ongoing_at(start).size == 0  # not started *before* its start
    assert store.ongoing_at(start + 1).tolist() == [0]


def test_count_starting_on_known_events() -> None:
    store = Store([event("a", "2019-01-15"), event("b", "2019-02"), event("c", "2019-02-27"), event("d", "2020")])
    bounds = np.asarray([parse_date(s).start_seconds for s in ("2019-01", "2019-02", "2019-03", "2021")])
    assert store.count_starting(bounds).tolist() == [1, 2, 1]
    assert store.first_starting_at_or_after(parse_date("2019-02-02").start_seconds) == 2


def test_span_reaches_the_latest_end_not_the_last_start() -> None:
    store = Store([event("short", "1990-05-01"), Event("long", "Long", SEVENTY_YEARS), event("early", "1900")])
    assert store.span() == (PartialDate.of_year(1900).start_seconds, PartialDate.of_year(2014).end_seconds)


# -- identity and tags --------------------------------------------------------------------------------


def test_index_of() -> None:
    store = Store([event("late", "2019"), event("early", "1950"), event("middle", "1980s")])
    assert [store.index_of(i) for i in ("early", "middle", "late")] == [0, 1, 2]
    assert store.index_of("missing") is None
    for index, item in enumerate(store.events):
        assert store.index_of(item.id) == index


def test_tags_most_used_first_ties_in_order_of_first_use() -> None:
    store = Store(
        [
            event("a", "2001", tags=("Vietnam", "Japan")),
            event("b", "2002", tags=("United States", "Japan")),
            event("c", "2003", tags=("United States",)),
            event("d", "2004", tags=("North Korea", "United States")),
        ]
    )
    assert store.tags() == ["United States", "Japan", "Vietnam", "North Korea"]


# -- search -------------------------------------------------------------------------------------------


@pytest.fixture
def searchable() -> Store:
    return Store(
        [
            event(
                "hanoi",
                "2019-02-27",
                "2019-02-28",
                title="Second Trump–Kim summit in Hanoi",
                summary="Talks end early without a deal.",
                tags=("United States", "North Korea"),
                quotes=("a second summit with North Korean leader Kim Jong Un in Vietnam",),
            ),
            event("war", "1950", "1953", title="The Korean War", tags=("South Korea",)),
            event(
                "berlin",
                "1989",
                title="Die Mauer fällt an der Straße",
                summary="Berlin",
                quotes=("The wall    came\n down",),
            ),
            event("singapore", "2018-06-12", title="First summit in Singapore", tags=("Singapore",)),
        ]
    )


def _ids(store: Store, query: str) -> list[str]:
    return [store.events[i].id for i in store.search(query)]


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("hanoi", ["hanoi"]),
        ("HANOI", ["hanoi"]),
        ("summit", ["singapore", "hanoi"]),  # in time order
        ("summit singapore", ["singapore"]),  # every word must match
        ("singapore summit", ["singapore"]),
        ("summit war", []),
        ("deal", ["hanoi"]),  # summary
        ("north korea", ["hanoi"]),  # a tag, word by word
        ("korea", ["war", "hanoi"]),  # a title and a tag
        ("jong", ["hanoi"]),  # quote text
        ("came down", ["berlin"]),
        ("wall came", ["berlin"]),
        ("STRASSE", ["berlin"]),  # case folding: ß is ss
        ("fällt", ["berlin"]),
        ("summ", ["singapore", "hanoi"]),  # a word matches inside a longer one
        ("zebra", []),
        ("", []),
        ("   ", []),
    ],
)
def test_search(searchable: Store, query: str, ids: list[str]) -> None:
    result = searchable.search(query)
    assert result.dtype == np.int64
    assert _ids(searchable, query) == ids


def test_search_is_repeatable(searchable: Store) -> None:
    assert _ids(searchable, "summit") == _ids(searchable, "summit") == ["singapore", "hanoi"]


def test_a_query_never_matches_across_two_events(searchable: Store) -> None:
    assert _ids(searchable, "\x00") == []
    assert _ids(searchable, "hanoi\x00the") == []


# -- the empty store ----------------------------------------------------------------------------------


def test_empty_store() -> None:
    store = Store([])
    assert len(store) == 0
    assert store.span() is None
    assert store.touching(-1e12, 1e12).tolist() == []
    assert store.touching(-1e12, 1e12).dtype == np.int64
    assert store.ongoing_at(0.0).tolist() == []
    assert store.count_starting(np.asarray([0.0, 1.0, 2.0])).tolist() == [0, 0]
    assert store.search("anything").tolist() == []
    assert store.index_of("x") is None
    assert store.tags() == []
    assert store.header.title == "Untitled chronology"
