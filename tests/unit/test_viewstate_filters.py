"""The view state's filters without any widget: tags toggled and shown alone, search as a filter or a
highlight, the count of events shown, and the listeners that tell the widgets."""

from __future__ import annotations

import numpy as np

from viewer.model.loader import load
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.viewstate import SearchMode, TagFilter, ViewState

SHIPPED = load(SHIPPED_CHRONOLOGY).store


def state_with(store=SHIPPED) -> ViewState:
    state = ViewState(1200)
    state.set_store(store)
    return state


def ids(state: ViewState) -> set[str]:
    return {state.store.events[int(i)].id for i in state.drawable()}


def with_tag(tag: str) -> set[str]:
    return {e.id for e in SHIPPED.events if tag in e.tags}


def test_toggling_a_tag_hides_only_the_events_with_no_other_tag_on() -> None:
    state = state_with()
    told = []
    state.filter_changed.connect(lambda: told.append(state.shown_count()))
    state.toggle_tag("Vietnam")
    shown = ids(state)
    only_vietnam = {e.id for e in SHIPPED.events if e.tags == ("Vietnam",)}
    assert only_vietnam and not shown & only_vietnam
    both = {e.id for e in SHIPPED.events if "Vietnam" in e.tags and len(e.tags) > 1}
    assert both <= shown, "an event with another tag still on stays"
    assert not state.tag_shown("Vietnam") and state.tag_shown("North Korea")
    assert told == [(len(shown), len(SHIPPED))]
    state.toggle_tag("Vietnam")
    assert state.tag_filter is None and state.shown_events is None, "every tag on again: no filter at all"
    assert len(told) == 2


def test_ctrl_click_shows_only_that_tag_and_again_shows_everything() -> None:
    state = state_with()
    state.show_only_tag("Vietnam")
    assert ids(state) == with_tag("Vietnam")
    assert state.tag_filter == TagFilter(frozenset({"Vietnam"}))
    state.show_only_tag("Vietnam")
    assert state.tag_filter is None and len(state.drawable()) == len(SHIPPED)


def test_the_status_words_say_how_many_events_are_shown() -> None:
    state = state_with()
    assert state.shown_words() == f"{len(SHIPPED)} events"
    state.set_tag_filter(["Vietnam", "Singapore"])
    expected = len(with_tag("Vietnam") | with_tag("Singapore"))
    assert state.shown_words() == f"{expected} of {len(SHIPPED)} events shown"


def test_search_filters_by_default_and_can_highlight_instead() -> None:
    state = state_with()
    state.search("Hanoi")
    matches = state.matches
    assert matches is not None and 0 < len(matches) < len(SHIPPED)
    assert np.array_equal(state.drawable(), matches)
    assert state.shown_words().endswith("events shown")
    told = []
    state.filter_changed.connect(lambda: told.append(True))
    state.set_search_mode(SearchMode.HIGHLIGHT)
    assert told and state.shown_events is None, "every event drawn, the matches highlighted"
    assert np.array_equal(state.matches, matches)
    state.step_match(1)
    assert state.selected == int(matches[0])


def test_search_and_tags_filter_together() -> None:
    state = state_with()
    state.search("summit")
    state.show_only_tag("Vietnam")
    expected = {SHIPPED.events[int(i)].id for i in state.matches} & with_tag("Vietnam")
    assert expected and ids(state) == expected
    # In highlight mode, stepping through the matches keeps to the drawn ones.
    state.set_search_mode(SearchMode.HIGHLIGHT)
    state.step_match(1)
    assert SHIPPED.events[state.selected].id in expected


def test_a_hovered_event_filtered_out_is_no_longer_hovered() -> None:
    state = state_with()
    only_vietnam = next(i for i, e in enumerate(SHIPPED.events) if e.tags == ("Vietnam",))
    state.set_hovered(only_vietnam)
    state.toggle_tag("Vietnam")
    assert state.hovered is None


def test_a_reload_keeps_the_tag_filter_and_a_new_chronology_drops_it() -> None:
    state = state_with()
    state.show_only_tag("Vietnam")
    state.set_store(load(SHIPPED_CHRONOLOGY).store, keep_view=True)
    assert ids(state) == with_tag("Vietnam")
    state.set_store(load(SHIPPED_CHRONOLOGY).store)
    assert state.tag_filter is None and state.shown_events is None


def test_an_unchanged_filter_keeps_its_array_so_the_layout_is_reused() -> None:
    state = state_with()
    state.set_tag_filter(["Vietnam"])
    first = state.shown_events
    state.search("")
    assert state.shown_events is first
