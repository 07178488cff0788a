"""Layout: labels never overlap, no event is lost (each is drawn or counted), work is bounded by the screen."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import synthetic
from viewer.render.layout import Kind, LayoutCache, Metrics, compute_layout, tile_for
from viewer.render.view import fit_all, fit_range

STORE = synthetic.store(20_000, seed=11)
SMALL = synthetic.store(40, seed=5)
METRICS = Metrics()


def text_width(text: str) -> float:
    return 7.0 * len(text)


def layout_for(store, t0: float, t1: float, width: float = 1600.0, rows: int = 24, edge: float | None = None):
    spp = (t1 - t0) / width
    origin, tile = tile_for(t0, width, spp, METRICS.bucket_width)
    return compute_layout(store, origin, spp, tile, rows, text_width, text_width, METRICS, None, None, edge)


views = st.tuples(st.floats(0.0, 1.0), st.floats(-9.0, 0.0)).map(
    lambda p: (STORE.span()[0] + p[0] * (STORE.span()[1] - STORE.span()[0]), 10 ** (p[1]) * 4e9)
)


@settings(max_examples=60, deadline=None)
@given(views, st.integers(3, 40))
def test_items_in_a_row_never_overlap(view, rows) -> None:
    centre, span = view
    layout = layout_for(STORE, centre - span / 2, centre + span / 2, rows=rows)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for left, row, right, _ in layout.boxes:
        by_row.setdefault(int(row), []).append((left, right))
    for boxes in by_row.values():
        boxes.sort()
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert left >= right, "two labels share a row and overlap"
    assert all(0 <= item.row < rows for item in layout.items)


@settings(max_examples=60, deadline=None)
@given(views)
def test_every_event_is_drawn_or_counted(view) -> None:
    centre, span = view
    layout = layout_for(STORE, centre - span / 2, centre + span / 2)
    end = layout.origin + layout.width * layout.seconds_per_pixel
    starting = int(np.count_nonzero((STORE.starts >= layout.origin) & (STORE.starts < end)))
    ongoing = len(STORE.ongoing_at(layout.origin))
    drawn = len(layout.items) + sum(c.count for c in layout.clusters)
    assert drawn == starting + ongoing
    assert len({item.index for item in layout.items}) == len(layout.items), "an event drawn twice"


def test_items_are_bounded_by_the_screen_not_the_chronology() -> None:
    big = synthetic.store(200_000, seed=3)
    t0, t1 = fit_all(big, 1600)
    layout = layout_for(big, t0, t1)
    assert len(layout.items) <= METRICS.max_items
    assert sum(c.count for c in layout.clusters) + len(layout.items) == len(big)


def test_a_small_chronology_is_labelled_whole() -> None:
    t0, t1 = fit_all(SMALL, 1600)
    layout = layout_for(SMALL, t0, t1, rows=60)
    assert not layout.clusters
    assert sorted(item.index for item in layout.items) == list(range(len(SMALL)))


def test_kinds_follow_the_precision(shipped_store) -> None:
    t0, t1 = fit_all(shipped_store, 1600)
    layout = layout_for(shipped_store, t0, t1, rows=60)
    kinds = {shipped_store.events[item.index].id: item.kind for item in layout.items}
    assert kinds["singapore-summit"] is Kind.MARKER  # a day
    assert kinds["punggye-ri-dismantled"] is Kind.SPAN  # a month
    assert kinds["korean-war"] is Kind.BAR  # a range


def test_labels_turn_left_at_the_edge(shipped_store) -> None:
    t0, t1 = fit_all(shipped_store, 1600)
    edge = shipped_store.span()[1]
    layout = layout_for(shipped_store, t0, t1, rows=60, edge=edge)
    edge_x = (edge - layout.origin) / layout.seconds_per_pixel
    hanoi = next(i for i in layout.items if shipped_store.events[i.index].id == "hanoi-summit")
    assert hanoi.label_x < hanoi.x0
    assert all(item.label_x + item.label_width <= edge_x + 1e-6 or item.label_x <= item.x0 for item in layout.items)


def test_fit_range_shows_both_ends() -> None:
    t0, t1 = fit_range(1e9, 2e9, 1200)
    assert t0 < 1e9 and t1 > 2e9
    assert (1e9 - t0) / (t1 - t0) * 1200 >= 20


def test_the_cache_is_reused_while_panning_and_dropped_for_a_new_store() -> None:
    cache = LayoutCache()
    t0, t1 = fit_all(STORE, 1600)
    spp = (t1 - t0) / 1600
    layout = layout_for(STORE, t0, t1)
    cache.put(("k",), (STORE, None), layout)
    assert cache.get(("k",), (STORE, None), t0 + 100 * spp, t1 + 100 * spp, spp) is layout
    other = synthetic.store(10, seed=1)
    assert cache.get(("k",), (other, None), t0, t1, spp) is None
    assert cache.get(("k",), (STORE, None), t0, t1, spp * 1.5) is None
