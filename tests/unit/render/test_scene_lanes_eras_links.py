"""Lanes, eras and links in the scene, without any widget: an event in two lanes, its selection shared,
hit tests per lane, eras behind the rows, arrows to earlier events and across lanes, stubs for links whose
other end is filtered out."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.render.test_scene import FixedMeasure
from viewer.model.dates import EventDate, PartialDate, parse_date
from viewer.model.events import Era, Event, Link, Quote
from viewer.model.store import Store
from viewer.render.lanes import NO_LANE, LaneChoices, LaneMode
from viewer.render.layout import Metrics
from viewer.render.scene import Frame, SceneBuilder
from viewer.viewstate import ViewState

DAY = 86_400.0


def day(text: str) -> EventDate:
    return EventDate(parse_date(text))


def event(event_id: str, date: str, tags=(), links=(), group=None) -> Event:
    return Event(event_id, f"Event {event_id}", day(date), tags=tuple(tags), quotes=(Quote("s", "t"),),
                 links=tuple(Link(target, label) for target, label in links), group=group)  # fmt: skip


STORE = Store(
    [
        event("singapore", "2018-06-12", ["United States", "North Korea"], [("hanoi", "a second summit")]),
        event("pompeo", "2018-07-08", ["United States", "Vietnam"]),
        event("rodong", "2018-11-02", ["North Korea"], [("singapore", "looks back to")]),
        event("hanoi", "2019-02-27", ["Vietnam"], [("singapore", "answers")]),
        event("loose", "2018-09-01"),
    ],
    eras=[Era("Between the summits", EventDate(PartialDate.of_day(2018, 6, 12), PartialDate.of_day(2019, 2, 28))),
          Era("Before", EventDate(parse_date("2018-03"), parse_date("2018-05")), colour="#D55E00")],
)


def builder() -> SceneBuilder:
    return SceneBuilder(Metrics(row_height=25, bar_height=16), FixedMeasure())


def frame(**changes) -> Frame:
    values = {"store": STORE, "t0": parse_date("2018-02").start_seconds, "t1": parse_date("2019-04").end_seconds,
                  "lanes": LaneChoices(LaneMode.TAGS)}  # fmt: skip
    values.update(changes)
    return Frame(**values)


def index(event_id: str) -> int:
    found = STORE.index_of(event_id)
    assert found is not None
    return found


def copies(scene, event_id: str):
    return [glyph for glyph in scene.events if glyph.index == index(event_id)]


def lane_of(scene, glyph):
    return next(lane for lane in scene.lanes if lane.body.y <= glyph.mark.y < lane.body.bottom)


# -- lanes ------------------------------------------------------------------------------------------------
def test_an_event_with_two_tags_is_drawn_in_both_lanes_in_their_colours() -> None:
    scene = builder().build(frame(), 1400, 800)
    assert [lane.key for lane in scene.lanes] == ["United States", "North Korea", "Vietnam", NO_LANE]
    assert scene.lanes[-1].title.text == "No tag"
    twice = copies(scene, "singapore")
    assert sorted(lane_of(scene, g).key for g in twice) == ["North Korea", "United States"]
    assert {g.mark.colour_slot for g in twice} == {lane_of(scene, g).colour_slot for g in twice}
    assert len({g.mark.colour_slot for g in twice}) == 2
    assert [lane_of(scene, g).key for g in copies(scene, "loose")] == [NO_LANE]


def test_selecting_one_copy_selects_every_copy() -> None:
    scene = builder().build(frame(selected=index("singapore")), 1400, 800)
    twice = copies(scene, "singapore")
    assert len(twice) == 2
    assert all(g.mark.emphasised and g.plate is not None for g in twice)


def test_a_hit_in_each_lane_finds_that_lanes_copy_and_nothing_of_another_lane() -> None:
    scene = builder().build(frame(), 1400, 800)
    for glyph in copies(scene, "singapore"):
        assert scene.hit(glyph.mark.x0, glyph.mark.y).index == index("singapore")
    (rodong,) = copies(scene, "rodong")
    row_offset = rodong.mark.y - lane_of(scene, rodong).body.y
    for lane in scene.lanes:
        # The same point of each other lane never answers with an event of the North Korea lane.
        found = scene.hit(rodong.mark.x0, lane.body.y + row_offset).index
        assert (found == index("rodong")) == (lane.key == "North Korea")
    header = scene.lanes[1].header
    assert scene.hit(rodong.mark.x0, header.y + header.height / 2).index is None
    assert scene.lane_header_at(100, header.y + 3).key == scene.lanes[1].key


def test_lane_headers_stay_at_the_left_edge_while_panning() -> None:
    build = builder()
    first = build.build(frame(), 1400, 800)
    span = frame().t1 - frame().t0
    panned = build.build(frame(t0=frame().t0 + span / 3, t1=frame().t1 + span / 3), 1400, 800)
    assert [lane.title.x for lane in first.lanes] == [lane.title.x for lane in panned.lanes]
    assert all(lane.title.x < 40 for lane in panned.lanes)


def test_collapsed_and_hidden_lanes_and_the_readers_order() -> None:
    choices = LaneChoices(LaneMode.TAGS, order=("Vietnam",), collapsed=frozenset({"United States"}),
                          hidden=frozenset({NO_LANE}))  # fmt: skip
    scene = builder().build(frame(lanes=choices), 1400, 800)
    assert [lane.key for lane in scene.lanes] == ["Vietnam", "United States", "North Korea"]
    us = scene.lanes[1]
    assert us.collapsed and us.rows == 0 and us.body.height == 0
    assert "(collapsed)" in us.count.text
    assert len(us.density), "a collapsed lane still shows where its events are"
    assert not any(lane_of(scene, g).key == "United States" for g in scene.events if scene.lanes)
    assert not copies(scene, "loose"), "the hidden lane's events are not drawn"


def test_lanes_by_group() -> None:
    store = Store([event("a", "2018-06-12", group="United States"), event("b", "2018-07-01", group="North Korea"),
                   event("c", "2018-08-01")])  # fmt: skip
    scene = builder().build(Frame(store, parse_date("2018-05").start_seconds, parse_date("2018-09").end_seconds,
                                  lanes=LaneChoices(LaneMode.GROUP)), 1000, 600)  # fmt: skip
    assert [lane.title.text for lane in scene.lanes] == ["United States", "North Korea", "No group"]


def test_clusters_are_counted_per_lane() -> None:
    many = [event(f"us{n}", "2018-06-12", ["United States"]) for n in range(40)]
    many += [event("nk", "2018-06-12", ["North Korea"])]
    store = Store(many)
    t = parse_date("2018-06-12").start_seconds
    scene = builder().build(Frame(store, t - 200 * DAY, t + 200 * DAY, lanes=LaneChoices(LaneMode.TAGS)), 1000, 500)
    us, _nk = scene.lanes
    assert scene.clusters and all(us.body.y <= pill.box.y < us.body.bottom for pill in scene.clusters)
    assert any(g.index == store.index_of("nk") for g in scene.events), "the other lane's one event is labelled"


def test_lanes_keep_to_the_filter() -> None:
    shown = STORE.tagged(["Vietnam"])
    scene = builder().build(frame(shown=shown), 1400, 800)
    assert {g.index for g in scene.events} == set(shown.tolist())


# -- eras -------------------------------------------------------------------------------------------------
def test_eras_are_bands_over_the_rows_named_in_a_strip_above_them() -> None:
    scene = builder().build(frame(lanes=LaneChoices()), 1400, 700)
    names = {era.title: era for era in scene.eras}
    between, before = names["Between the summits"], names["Before"]
    assert between.band.bottom == scene.area.bottom and between.band.y < scene.area.y, "behind every row"
    assert between.label.text == "Between the summits"
    assert between.label.box.bottom <= scene.area.y, "the name sits above the rows, clear of event labels"
    assert before.colour == "#D55E00"
    assert before.label_box.y == between.label_box.y, "eras that do not overlap share the strip's row"
    singapore = copies(scene, "singapore")[0]
    assert between.band.x == pytest.approx(singapore.mark.x0, abs=4), "it begins on the day of the summit"


def test_an_era_partly_in_view_keeps_its_name_inside_the_picture() -> None:
    t = parse_date("2018-10").start_seconds
    scene = builder().build(frame(t0=t, t1=t + 60 * DAY, lanes=LaneChoices()), 800, 500)
    (era,) = scene.eras
    assert era.band.x == 0 and era.band.right == 800
    assert era.label.box.x > 0 and era.label.box.right < 800


# -- links ------------------------------------------------------------------------------------------------
def arrow(scene, source: str, target: str):
    return next(a for a in scene.links if (a.source, a.target) == (index(source), index(target)))


def test_an_arrow_to_an_earlier_event_points_back_in_time() -> None:
    scene = builder().build(frame(lanes=LaneChoices()), 1400, 700)
    back = arrow(scene, "hanoi", "singapore")
    (x0, _), *_, (x1, _) = back.points
    tip = back.head[0]
    assert x1 < x0 and tip == back.points[-1]
    target = copies(scene, "singapore")[0]
    assert abs(tip[0] - target.mark.x0) < 10 and abs(tip[1] - target.mark.y) < 1


def test_an_arrow_to_another_lane_joins_the_nearest_copies() -> None:
    scene = builder().build(frame(), 1400, 800)
    across = arrow(scene, "rodong", "singapore")
    rodong, = copies(scene, "rodong")
    _start, end = across.points[0], across.points[-1]
    assert lane_of(scene, rodong).key == "North Korea"
    nk_singapore = next(g for g in copies(scene, "singapore") if lane_of(scene, g).key == "North Korea")
    assert end[1] == nk_singapore.mark.y, "to the copy in the same lane, the nearest"
    to_vietnam = arrow(scene, "singapore", "hanoi")
    assert to_vietnam.points[0][1] != to_vietnam.points[-1][1], "an arrow from one lane into another"


def test_selecting_an_event_emphasises_its_links_with_their_labels() -> None:
    scene = builder().build(frame(selected=index("hanoi"), lanes=LaneChoices()), 1400, 700)
    strong = [a for a in scene.links if a.emphasised]
    assert {(a.source, a.target) for a in strong} == {(index("hanoi"), index("singapore")),
                                                       (index("singapore"), index("hanoi"))}  # fmt: skip
    assert {a.label.text for a in strong} == {"answers", "a second summit"}
    assert not any(a.label for a in scene.links if not a.emphasised)
    assert scene.links[-1].emphasised, "drawn over the others"


def test_a_link_to_a_filtered_out_event_leaves_a_stub_with_a_count() -> None:
    shown = np.asarray(sorted({index("singapore"), index("pompeo")}), dtype=np.int64)
    scene = builder().build(frame(shown=shown, lanes=LaneChoices()), 1400, 700)
    assert not scene.links
    (stub,) = scene.link_stubs
    assert stub.index == index("singapore")
    assert stub.text.text == "3" and stub.filtered == 3  # to hanoi, from hanoi and from rodong
    assert stub.end[0] > stub.start[0], "toward the later events most of its links lead to"


def test_view_state_lanes_follow_the_tag_filter() -> None:
    state = ViewState(1200)
    state.set_store(STORE)
    state.set_lane_mode(LaneMode.TAGS)
    state.show_only_tag("Vietnam")
    drawn = state.drawn_lanes()
    assert drawn.hidden == frozenset({"United States", "North Korea", NO_LANE})
    assert state.lanes.hidden == frozenset(), "the reader's own hidden lanes are untouched"


def test_view_state_moves_collapses_and_hides_lanes_and_tells() -> None:
    state = ViewState(1200)
    state.set_store(STORE)
    told = []
    state.lanes_changed.connect(lambda: told.append(state.lanes))
    state.set_lane_mode(LaneMode.TAGS)
    assert state.lane_keys() == ["United States", "North Korea", "Vietnam", NO_LANE]
    state.move_lane("Vietnam", 0)
    assert state.lane_keys() == ["Vietnam", "United States", "North Korea", NO_LANE]
    state.move_lane(NO_LANE, 1)
    assert state.lane_keys() == ["Vietnam", NO_LANE, "United States", "North Korea"]
    state.set_lane_collapsed("Vietnam", True)
    state.set_lane_hidden("North Korea", True)
    assert state.lanes.collapsed == {"Vietnam"} and state.lanes.hidden == {"North Korea"}
    state.show_all_lanes()
    assert state.lanes.hidden == frozenset()
    assert len(told) == 6


TAGS = ("United States", "North Korea", "Vietnam", "Japan")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.lists(st.sampled_from(TAGS), max_size=3, unique=True)),
                min_size=1, max_size=40),
       st.sets(st.sampled_from(TAGS)))  # fmt: skip
def test_every_drawn_event_is_in_the_lane_of_each_of_its_tags(specs, hidden) -> None:
    """Lanes by tag, for any store and any hidden lanes: an event's copies are exactly its tags' lanes that are
    shown (or the untagged lane), and a hit on each copy finds it."""
    base = parse_date("2018-01-01").start_seconds
    events = [Event(f"e{n}", f"E{n}", EventDate(PartialDate.of_day(2018, 1 + day // 31 % 12, 1 + day % 28)),
                    tags=tuple(tags), quotes=(Quote("s", "t"),)) for n, (day, tags) in enumerate(specs)]  # fmt: skip
    store = Store(events)
    choices = LaneChoices(LaneMode.TAGS, hidden=frozenset(hidden))
    scene = builder().build(Frame(store, base - 10 * DAY, base + 380 * DAY, lanes=choices), 1600, 2400)
    lane_keys = [lane.key for lane in scene.lanes]
    assert not set(lane_keys) & hidden
    for glyph in scene.events:
        event = store.events[glyph.index]
        lane = next(lane for lane in scene.lanes if lane.body.y <= glyph.mark.y < lane.body.bottom)
        assert lane.key in (event.tags or (NO_LANE,))
        assert scene.hit(glyph.mark.x0, glyph.mark.y).index == glyph.index or glyph.plate is not None or any(
            other.box.contains(glyph.mark.x0, glyph.mark.y) for other in scene.events if other is not glyph)
    drawn = {(glyph.index, lane_of(scene, glyph).key) for glyph in scene.events}
    assert len(drawn) == len(scene.events), "one copy per event and lane"
