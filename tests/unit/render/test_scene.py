"""The scene, without Qt: no text crosses the picture's edges, labels never meet, events keep their rows,
the footer wraps, and hit tests and `rect_of` agree with what is drawn."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import synthetic
from viewer.model.loader import load
from viewer.render.layout import Metrics
from viewer.render.scene import Decorations, Frame, Role, Scene, SceneBuilder, wrap
from viewer.render.view import fit_all
from viewer.resources import SHIPPED_CHRONOLOGY

SHIPPED = load(SHIPPED_CHRONOLOGY).store
DENSE = synthetic.store(3_000, seed=7)
DAY = 86_400.0


class FixedMeasure:
    """Every character `size` × 0.55 wide, like a narrow sans serif; elides with '…' as Qt does."""

    def __init__(self, size: float = 13.0) -> None:
        self.size = size

    def _char(self, role: Role) -> float:
        factor = {Role.HEADING: 1.7, Role.DATE: 0.85, Role.AXIS: 0.85, Role.MAJOR: 0.92, Role.CLUSTER: 0.85}
        return self.size * factor.get(role, 1.0) * 0.55

    def width(self, role: Role, text: str) -> float:
        return len(text) * self._char(role)

    def elide(self, role: Role, text: str, width: float) -> str:
        if self.width(role, text) <= width:
            return text
        keep = int(width / self._char(role)) - 1
        return text[: max(keep, 0)] + "…" if keep > 0 else ""

    def ascent(self, role: Role) -> float:
        return self._char(role) * 1.6

    def height(self, role: Role) -> float:
        return self._char(role) * 2.2


def builder() -> SceneBuilder:
    return SceneBuilder(Metrics(row_height=25, bar_height=16), FixedMeasure())


def random_views(store, count: int, seed: int) -> list[tuple[float, float]]:
    """Views from the whole chronology down to a few hours, centred anywhere in it."""
    rng = random.Random(seed)
    lo, hi = store.span()
    views = []
    for _ in range(count):
        span = (hi - lo) * 1.2 * 10 ** rng.uniform(-5.5, 0)
        span = max(span, 6 * 3600.0)
        centre = rng.uniform(lo, hi)
        views.append((centre - span / 2, centre + span / 2))
    return views


def assert_inside(scene: Scene) -> None:
    for text in scene.texts():
        assert text.box.x >= 0, f"{text.text!r} starts at {text.box.x:.1f}, left of the picture"
        assert text.box.right <= scene.width, f"{text.text!r} ends at {text.box.right:.1f} > {scene.width}"


@pytest.mark.parametrize("store", [SHIPPED, DENSE], ids=["shipped", "dense"])
@pytest.mark.parametrize("width,height", [(800, 600), (1920, 1080), (3508, 2480)])
def test_no_text_crosses_the_pictures_edges(store, width, height) -> None:
    make = builder()
    for number, (t0, t1) in enumerate(random_views(store, 25, seed=width + len(store))):
        for fixed, decorations in ((False, Decorations()), (True, Decorations("A title", True, True, "a subtitle"))):
            frame = Frame(store, t0, t1, decorations=decorations, fixed=fixed, selected=number % len(store))
            assert_inside(make.build(frame, width, height))


@pytest.mark.parametrize("store", [SHIPPED, DENSE], ids=["shipped", "dense"])
def test_labels_in_a_row_never_meet(store) -> None:
    make = builder()
    for t0, t1 in random_views(store, 30, seed=3):
        scene = make.build(Frame(store, t0, t1), 1400, 800)
        by_row: dict[int, list[tuple[float, float]]] = {}
        for glyph in scene.events:
            for text in glyph.texts:
                by_row.setdefault(glyph.row, []).append((text.box.x, text.box.right))
        for spans in by_row.values():
            spans.sort()
            for (_, right), (left, _) in itertools.pairwise(spans):
                assert right <= left + 0.5


def test_a_label_whose_event_starts_left_of_the_view_is_not_cut() -> None:
    """The user's first complaint: 'ebruary 2019', 'ng 6 February 2019' at the left edge."""
    make = builder()
    hanoi = SHIPPED.index_of("hanoi-summit")
    start = SHIPPED.starts[hanoi]
    for shift in (0.2, 0.5, 0.9, 1.3, 2.0):  # the summit's start a little or a lot left of the view
        scene = make.build(Frame(SHIPPED, start + shift * DAY, start + shift * DAY + 6 * DAY), 1200, 600)
        assert_inside(scene)
        for glyph in scene.events:
            title = SHIPPED.events[glyph.index].title
            if glyph.texts:
                shown = glyph.texts[0].text
                assert shown == title or (shown.endswith("…") and title.startswith(shown[:-1]))


def test_an_event_keeps_its_row_through_twenty_zoom_steps() -> None:
    make = builder()
    width = 1600.0
    t0, t1 = fit_all(SHIPPED, width)
    summit = SHIPPED.index_of("singapore-summit")
    centre = float(SHIPPED.starts[summit])
    rows_seen: dict[int, set[int]] = {}
    for _ in range(20):
        scene = make.build(Frame(SHIPPED, t0, t1), width, 900)
        for glyph in scene.events:
            if 0 <= glyph.mark.x0 <= width:
                rows_seen.setdefault(glyph.index, set()).add(glyph.row)
        span = (t1 - t0) / 1.25
        t0 = centre - (centre - t0) / 1.25
        t1 = t0 + span
    assert rows_seen, "nothing was in view"
    hopped = {SHIPPED.events[i].id: rows for i, rows in rows_seen.items() if len(rows) > 1}
    assert not hopped, f"events changed rows while in view: {hopped}"


def test_a_stack_reads_forward_in_time_going_down() -> None:
    """At report size, events of one dense stretch are stacked in time order, top to bottom."""
    make = builder()
    t0, t1 = fit_all(SHIPPED, 3508)
    scene = make.build(Frame(SHIPPED, t0, t1, fixed=True), 3508, 2480)
    first = SHIPPED.starts[SHIPPED.index_of("un-report-submitted")]
    feb = [g for g in scene.events if SHIPPED.starts[g.index] >= first]
    assert len(feb) >= 5
    ordered = sorted(feb, key=lambda g: g.row)
    starts = [SHIPPED.starts[g.index] for g in ordered]
    assert starts == sorted(starts)


def test_report_titles_use_the_free_room_before_being_elided() -> None:
    make = builder()
    t0, t1 = fit_all(SHIPPED, 3508)
    scene = make.build(Frame(SHIPPED, t0, t1, fixed=True), 3508, 2480)
    for glyph in scene.events:
        assert glyph.texts, f"{SHIPPED.events[glyph.index].title!r} has no label on an A4 page"
        assert glyph.texts[0].text == SHIPPED.events[glyph.index].title


def test_hit_and_rect_of_agree_with_what_is_drawn() -> None:
    make = builder()
    t0, t1 = fit_all(SHIPPED, 1600)
    scene = make.build(Frame(SHIPPED, t0, t1), 1600, 900)
    for glyph in scene.events:
        rect = scene.rect_of(glyph.index)
        assert rect is not None
        for text in glyph.texts:
            middle = (text.box.x + text.box.width / 2, glyph.mark.y)
            assert scene.hit(*middle).index == glyph.index
    assert scene.rect_of(-5) is None
    assert scene.hit(10, 1).index is None  # the axis


def test_clusters_are_counted_inside_the_picture() -> None:
    make = builder()
    t0, t1 = fit_all(DENSE, 1000)
    scene = make.build(Frame(DENSE, t0, t1), 1000, 500)
    assert scene.clusters
    for pill in scene.clusters:
        assert pill.box.x >= 0 and pill.box.right <= 1000
        assert scene.hit(pill.box.x + pill.box.width / 2, pill.box.y + 2).cluster == (pill.t0, pill.t1)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300), st.floats(20, 600))
def test_wrapped_lines_fit_and_keep_every_character(text, width) -> None:
    measure = FixedMeasure()

    def text_width(line: str) -> float:
        return measure.width(Role.DATE, line)

    lines = wrap(text, width, text_width, "  ")
    assert all(text_width(line) <= width or len(line) <= 3 for line in lines)
    assert "".join(line[2:] for line in lines).replace(" ", "") == text.replace(" ", "")


def test_an_open_end_fades_over_its_stretch_and_the_axis_follows_the_display_zone() -> None:
    """`1985/..` is drawn from 1985 fading out over ten years; `../1985` fading in; hours in Hanoi time."""
    from viewer.model.dates import parse_date, parse_event_date
    from viewer.model.events import Event
    from viewer.model.store import Store
    from viewer.model.zones import parse_zone
    from viewer.render.scale import seconds_from_calendar

    store = Store([
        Event("after", "Goes on", parse_event_date("1985/..")),
        Event("before", "Began before", parse_event_date("../1985")),
        Event("closed", "Closed", parse_event_date("1964/2008")),
    ])  # fmt: skip
    t0, t1 = seconds_from_calendar(1960), seconds_from_calendar(2010)
    scene = builder().build(Frame(store, t0, t1), 1000, 400)
    marks = {store.events[glyph.index].id: glyph.mark for glyph in scene.events}
    after, before, closed = marks["after"], marks["before"], marks["closed"]
    year = 1000 / 50
    assert after.open_left_x is None and after.open_right_x == pytest.approx(after.x0 + year, abs=0.5)
    assert after.x1 == pytest.approx(after.x0 + 11 * year, abs=0.5)
    assert before.open_right_x is None and before.open_left_x == pytest.approx(before.x1 - year, abs=0.5)
    assert closed.open_left_x is None and closed.open_right_x is None
    hanoi = parse_zone("Asia/Ho_Chi_Minh")
    t = parse_date("2019-02-28 00:00 Asia/Ho_Chi_Minh").start_seconds
    scene = builder().build(Frame(SHIPPED, t - 6 * 3600, t + 6 * 3600, zone=hanoi), 1600, 600)
    texts = [label.text for label in scene.axis.labels]
    assert any(text.startswith("28 Feb 2019") and "UTC+07" in text for text in texts), texts
    assert "00:00" in texts
