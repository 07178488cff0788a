"""An 800 × 600 window: the timeline keeps most of the width, the selected title is whole, and the other
titles are not cut to a few characters (the newcomer saw about 15)."""

from __future__ import annotations

import statistics

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
