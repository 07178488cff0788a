"""Uncited events (no quote backs them) are decided apart in the scene: a hollow mark, a dimmed label, and a
legend entry that explains the mark, always kept in the legend. Built with a fixed-width measure, no widget."""

from __future__ import annotations

from dataclasses import replace

from test_scene import SHIPPED, builder

from viewer.model.store import Store
from viewer.render.scene import UNCITED_LEGEND, Frame, Ink, LegendKind
from viewer.render.view import fit_all


def half_uncited() -> Store:
    events = [replace(e, quotes=()) if number % 2 else e for number, e in enumerate(SHIPPED.events)]
    return Store(events, SHIPPED.sources, SHIPPED.header, SHIPPED.path)


def test_uncited_events_are_hollow_with_dimmed_labels_and_cited_ones_are_not() -> None:
    store = half_uncited()
    t0, t1 = fit_all(store, 3508)
    scene = builder().build(Frame(store, t0, t1, fixed=True), 3508, 2480)
    assert scene.events
    for glyph in scene.events:
        cited = store.events[glyph.index].cited
        assert glyph.mark.cited is cited
        if glyph.texts:
            assert (glyph.texts[0].ink is Ink.MUTED) is (not cited)


def test_the_legend_explains_the_hollow_mark_last_even_when_tags_are_cut() -> None:
    store = half_uncited()
    t0, t1 = fit_all(store, 700)
    for width in (700, 1600, 3508):
        scene = builder().build(Frame(store, t0, t1), width, 600)
        kinds = [entry.kind for entry in scene.legend]
        assert kinds[-1] is LegendKind.UNCITED and kinds.count(LegendKind.UNCITED) == 1
        entry = scene.legend[-1]
        assert entry.text.text == UNCITED_LEGEND and entry.box.right <= width - 12
        lefts = [e.box.x for e in scene.legend] + ([scene.legend_more.box.x] if scene.legend_more else [])
        assert len(set(lefts)) == len(lefts)  # nothing drawn over another
        box = entry.box
        assert scene.legend_at(box.x + box.width / 2, box.y + box.height / 2) is None  # it explains, toggles nothing


def test_a_fully_cited_chronology_has_no_uncited_entry() -> None:
    t0, t1 = fit_all(SHIPPED, 1600)
    scene = builder().build(Frame(SHIPPED, t0, t1), 1600, 900)
    assert all(entry.kind is LegendKind.TAG for entry in scene.legend)
    assert all(glyph.mark.cited for glyph in scene.events)


def test_a_chronology_without_tags_still_gets_the_legend_when_uncited() -> None:
    events = [replace(e, quotes=(), tags=()) for e in SHIPPED.events]
    store = Store(events, SHIPPED.sources, SHIPPED.header, SHIPPED.path)
    t0, t1 = fit_all(store, 1600)
    scene = builder().build(Frame(store, t0, t1), 1600, 900)
    assert [entry.kind for entry in scene.legend] == [LegendKind.UNCITED]
