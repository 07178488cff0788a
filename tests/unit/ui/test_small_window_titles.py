"""An 800 × 600 window: the timeline keeps most of the width, the selected title is whole, and the other
titles are not cut to a few characters (the newcomer saw about 15)."""

from __future__ import annotations

import statistics

import pytest

from viewer.render.scene import Role
from viewer.ui.main_window import MainWindow


def test_titles_in_a_small_window(open_window, qtbot) -> None:
    window: MainWindow = open_window(size=(800, 600))
    store = window.store()
    hanoi = store.index_of("hanoi-summit")
    window.view.select(hanoi)
    window.view.grab()
    scene = window.view.painter().scene
    assert window.view.width() >= 0.6 * window.width()
    texts = [t for glyph in scene.events for t in glyph.texts if t.role in (Role.TITLE, Role.SELECTED)]
    selected = [t.text for glyph in scene.events if glyph.index == hanoi for t in glyph.texts
                if t.role is Role.SELECTED]  # fmt: skip
    assert selected == [store.events[hanoi].title]
    shown = [len(t.text) for t in texts]
    assert len(shown) >= 10 and statistics.median(shown) >= 20, f"titles cut short: {sorted(shown)}"


def test_the_selected_title_is_inked_for_its_plate_not_its_bar(open_window, qtbot) -> None:
    from viewer.model.dates import parse_date
    from viewer.render.scene import Ink

    window: MainWindow = open_window(size=(1500, 860))
    store = window.store()
    hanoi = store.index_of("hanoi-summit")
    window.view.set_range(parse_date("2019-02-26").start_seconds, parse_date("2019-03-01").end_seconds)
    window.view.select(hanoi, ensure_visible=False)
    window.view.grab()
    (glyph,) = [g for g in window.view.painter().scene.events if g.index == hanoi]
    assert glyph.plate is not None and glyph.texts
    assert all(text.ink is not Ink.INSIDE_BAR for text in glyph.texts), "white on the white plate"


@pytest.mark.parametrize("details_width", [None, 370], ids=["first-size", "wide-details"])
def test_tab_through_every_event_shows_each_selected_title_whole(open_window, qtbot, details_width) -> None:
    """At 800 × 600 (a narrow timeline beside the details), Tab from the first event to the last: every
    selected title that fits in the timeline's width is drawn whole, inside the picture, and no other label of
    its row meets it (the newcomer saw "U.S. and Vietnam normalize rela…" near an edge)."""
    from PySide6.QtCore import Qt

    window: MainWindow = open_window(size=(800, 600))
    if details_width is not None:  # the details widened by hand: a timeline of about 415 px, as reported
        window.resizeDocks([window.details_dock], [details_width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: window.view.width() < 440)
    view = window.view
    store = window.store()
    painter = view.painter()
    radius = painter.metrics.marker_radius
    view.setFocus()
    view.select(None)
    view.go_to_first()
    cut = []
    for _ in range(len(store)):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        index = view.selected()
        assert index is not None
        view.grab()
        scene = painter.scene
        title = store.events[index].title
        (glyph,) = [g for g in scene.events if g.index == index]
        shown = [t for t in glyph.texts if t.role is Role.SELECTED]
        # Whole wherever it fits: the title, its mark and the gaps the scene keeps from the edges.
        fits = painter.measure.width(Role.SELECTED, title) + 2 * radius + 4 + 2 * 12 <= scene.width
        if fits and (not shown or shown[0].text != title):
            cut.append((title, shown[0].text if shown else None))
        for text in glyph.texts:
            assert text.box.x >= 0 and text.box.right <= scene.width, f"{text.text!r} crosses an edge"
            for other in scene.events:
                if other.row == glyph.row and other is not glyph:
                    for neighbour in other.texts:
                        apart = neighbour.box.right <= text.box.x + 0.5 or text.box.right <= neighbour.box.x + 0.5
                        assert apart, f"{neighbour.text!r} meets the selected {text.text!r}"
    assert view.selected() == store.index_of(store.events[-1].id), "Tab did not reach the last event"
    assert view.width() < 600
    assert not cut, f"selected titles cut at {view.width()} px: {cut}"
