"""The view state without any widget: selection, stepping, search, zoom about the selection, and reveal through a
locator (a scene), never through painting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import synthetic
from viewer.model.loader import load
from viewer.render.scale import TimeScale
from viewer.render.scene import Hit, Rect
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.viewstate import StartView, ViewState

SHIPPED = load(SHIPPED_CHRONOLOGY).store
DAILY = synthetic.store(2_000, seed=3)


class FakeScene:
    """Shows an event only once the view is narrower than `needed` seconds, at its time's x."""

    def __init__(self, scale: TimeScale, store, needed: float) -> None:
        self.scale, self.store, self.needed = scale, store, needed

    def hit(self, x: float, y: float) -> Hit:
        return Hit()

    def rect_of(self, index: int) -> Rect | None:
        if self.scale.span > self.needed:
            return None
        x = self.scale.x_of(float(self.store.starts[index]))
        return Rect(x - 5, 100, 220, 24)

    def wanted_rect_of(self, index: int) -> Rect | None:
        return self.rect_of(index)


def state_with(store, width: float = 1200) -> ViewState:
    state = ViewState(width)
    state.set_store(store)
    return state


def test_a_new_store_shows_its_first_range_and_clears_selection_and_search() -> None:
    state = state_with(SHIPPED)
    state.search("Hanoi")
    state.select(int(state.matches[0]))
    state.set_store(SHIPPED)
    assert state.selected is None and state.matches is None and state.query == ""
    assert state.pending is StartView.INITIAL


def test_a_reload_keeps_the_range_the_selection_by_id_and_the_search() -> None:
    state = state_with(SHIPPED)
    state.set_range(1.5e9, 1.56e9)
    state.search("summit")
    hanoi = SHIPPED.index_of("hanoi-summit")
    state.select(hanoi)
    reloaded = load(SHIPPED_CHRONOLOGY).store
    state.set_store(reloaded, keep_view=True, keep_search=True)
    assert state.visible_range() == (1.5e9, 1.56e9)
    assert state.selected == reloaded.index_of("hanoi-summit")
    assert state.matches is not None and len(state.matches) and state.match_position is not None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["summit", "Vietnam", "Trump", "North Korea", "war"]), st.booleans())
def test_stepping_visits_every_match_once_in_time_order(query, forward) -> None:
    state = state_with(SHIPPED)
    state.search(query)
    matches = list(state.matches)
    assert matches
    visited = []
    state.select(matches[0] if forward else matches[-1])
    visited.append(state.selected)
    while True:
        before = state.selected
        state.step(1 if forward else -1)
        if state.selected == before:
            break
        visited.append(state.selected)
    assert visited == (matches if forward else matches[::-1])
    assert len(set(visited)) == len(visited)


def test_step_match_wraps_around_and_says_where_it_is() -> None:
    state = state_with(SHIPPED)
    state.search("summit")
    total = len(state.matches)
    said = []
    state.search_changed.connect(lambda: said.append(state.match_position))
    for _ in range(total + 1):
        state.step_match(1)
    assert state.selected == int(state.matches[0])
    assert state.match_position == 0
    assert said[-1] == 0


def test_keyboard_zoom_keeps_the_selected_event_where_it_is() -> None:
    state = state_with(SHIPPED)
    summit = SHIPPED.index_of("singapore-summit")
    state.set_range(SHIPPED.starts[summit] - 200 * 86_400, SHIPPED.starts[summit] + 40 * 86_400)
    state.select(summit)
    before = state.scale.x_of(float(SHIPPED.starts[summit] + 43_200))
    state.zoom_step(1.5)
    after = state.scale.x_of(float(SHIPPED.starts[summit] + 43_200))
    assert after == pytest.approx(before, abs=0.5)
    assert abs(before - state.width / 2) > 100  # not the centre: the zoom was about the selection


def test_keyboard_zoom_without_a_selection_keeps_the_centre() -> None:
    state = state_with(SHIPPED)
    t0, t1 = state.visible_range()
    state.zoom_step(1.5)
    u0, u1 = state.visible_range()
    assert (u0 + u1) / 2 == pytest.approx((t0 + t1) / 2, rel=1e-9)


def test_reveal_zooms_in_until_the_scene_shows_the_event() -> None:
    state = state_with(DAILY)
    index = 1234
    asked: list[float] = []

    def locate(scale: TimeScale) -> FakeScene:
        asked.append(scale.span)
        return FakeScene(scale, DAILY, needed=30 * 86_400)

    state.select(index, ensure_visible=True, locate=locate)
    assert state.selected == index
    t0, t1 = state.visible_range()
    assert t1 - t0 <= 30 * 86_400
    assert t0 < DAILY.starts[index] < t1
    assert asked == sorted(asked, reverse=True) and len(asked) > 1


def test_reveal_brings_the_label_inside_the_edges() -> None:
    state = state_with(SHIPPED)
    summit = SHIPPED.index_of("singapore-summit")
    start = float(SHIPPED.starts[summit])
    state.set_range(start - 300 * 86_400, start + 5 * 86_400)
    state.select(summit, ensure_visible=True, locate=lambda scale: FakeScene(scale, SHIPPED, needed=1e12))
    x = state.scale.x_of(start)
    assert x - 5 >= 0 and x + 215 <= state.width


def test_listeners_hear_each_change_once() -> None:
    state = state_with(SHIPPED)
    heard: list[str] = []
    state.selection_changed.connect(lambda index: heard.append(f"selection {index}"))
    state.range_changed.connect(lambda t0, t1: heard.append("range"))
    state.hover_changed.connect(lambda index: heard.append(f"hover {index}"))
    state.select(3)
    state.select(3)
    state.set_hovered(4)
    state.pan_by(100)
    assert heard == ["selection 3", "hover 4", "range"]


def test_a_new_width_before_anything_was_shown_chooses_the_first_range_again() -> None:
    state = state_with(SHIPPED, width=800)
    first = state.visible_range()
    state.set_width(1600)
    assert state.visible_range() != first
    state.shown()
    seen = state.visible_range()
    state.set_width(900)
    assert state.visible_range() == seen  # once seen, a resize keeps the range


def test_a_word_only_in_a_source_finds_the_events_quoting_near_it() -> None:
    state = state_with(SHIPPED)
    assert not len(SHIPPED.search("Samsung"))  # no event says it; the Nikkei article does
    state.search("Samsung")
    assert state.matches is not None and len(state.matches)
    nikkei = SHIPPED.sources["nikkei"]
    for index in state.matches:
        (passage,) = state.passages_for(int(index))
        assert passage.source_id == "nikkei" and nikkei.text[passage.start : passage.end] == "Samsung"
        quoted = [q for q in SHIPPED.events[index].quotes if q.source_id == "nikkei"]
        assert min(abs(q.start - passage.start) for q in quoted) < 2_000
    assert {SHIPPED.events[i].id for i in state.matches} == {"us-vietnam-normalization", "singapore-summit"}
    state.search("samsung  NORTH")  # every word, in one paragraph, case aside
    assert state.matches is not None and len(state.matches)
    (passage,) = state.passages_for(int(state.matches[0]))
    found = nikkei.text[passage.start : passage.end]
    assert found.startswith("Samsung") and found.endswith("North")
    state.search("Samsung Pompeo")  # not in one paragraph of any source
    assert state.matches is not None and not len(state.matches)
    state.search("")
    assert state.passages == {} and state.matches is None


def test_a_word_in_an_events_own_text_is_not_said_to_come_from_a_source() -> None:
    state = state_with(SHIPPED)
    state.search("Pompeo")
    own = {int(i) for i in SHIPPED.search("Pompeo")}
    assert own and own <= {int(i) for i in state.matches}
    assert all(not state.passages_for(i) for i in own)


def test_stepping_to_a_match_longer_than_the_view_shows_all_of_it() -> None:
    state = state_with(SHIPPED)
    rule = SHIPPED.index_of("vietnam-one-party-rule")
    start, end = float(SHIPPED.starts[rule]), float(SHIPPED.ends[rule])
    state.set_range(start + 400 * 86_400, start + 430 * 86_400)  # a month inside a decades-long range
    state.search("one-party")
    state.step_match(1)
    assert state.selected == rule
    t0, t1 = state.visible_range()
    assert t0 <= start and end <= t1
    assert (t1 - t0) < (end - start) * 1.2  # zoomed out to it, not to everything
