"""The selected event's title, without widgets: whole in a narrow picture wherever it fits, on whichever side
of its event has the room, its neighbours' labels making way (never meeting it, never crossing an edge); and
`reveal` pans so the whole title is in view, not only the mark."""

from __future__ import annotations

import pytest

from tests.unit.render.test_scene import SHIPPED, FixedMeasure, assert_inside, builder
from viewer.render.layout import Kind
from viewer.render.scale import TimeScale
from viewer.render.scene import SELECTED_EDGE_LEFT, SELECTED_EDGE_RIGHT, Frame, Role, Scene
from viewer.viewstate import ViewState

WIDTH, HEIGHT = 415.0, 420.0
DAY = 86_400.0
MEASURE = FixedMeasure()


def long_titles() -> list[int]:
    """Events whose title takes more than half the narrow picture but fits in it."""
    return [index for index, event in enumerate(SHIPPED.events)
            if WIDTH / 2 < MEASURE.width(Role.SELECTED, event.title) < WIDTH - 60]  # fmt: skip


def view_with(index: int, x: float, span: float = 120 * DAY) -> tuple[float, float]:
    """A view `span` long with event `index`'s middle at picture x."""
    middle = float(SHIPPED.starts[index] + SHIPPED.ends[index]) / 2
    t0 = middle - x / WIDTH * span
    return t0, t0 + span


def selected_texts(scene: Scene, index: int) -> list[str] | None:
    """The selected event's title as drawn; None when the picture counts it in a cluster."""
    glyphs = [glyph for glyph in scene.events if glyph.index == index]
    if not glyphs:
        return None
    (glyph,) = glyphs
    return [text.text for text in glyph.texts if text.role is Role.SELECTED]


def assert_no_label_meets_the_selected(scene: Scene, index: int) -> None:
    for glyph in scene.events:
        if glyph.index == index:
            break
    else:
        return  # counted in a cluster
    for other in scene.events:
        if other is glyph or other.row != glyph.row:
            continue
        for text in other.texts:
            for mine in glyph.texts:
                assert text.box.right <= mine.box.x + 0.5 or mine.box.right <= text.box.x + 0.5, (
                    f"{text.text!r} meets the selected {mine.text!r}")  # fmt: skip


def test_there_are_long_titles_to_try() -> None:
    assert len(long_titles()) >= 5


@pytest.mark.parametrize("where", ["left", "right"])
def test_a_selected_event_near_an_edge_of_a_narrow_picture_gets_its_whole_title(where: str) -> None:
    """Near the left edge the title goes right of its event, near the right edge left of it (whichever side
    the layout first chose), over a row of neighbours that make way; at two zooms, the wider one crowded."""
    make = builder()
    tried = 0
    for span in (120 * DAY, 400 * DAY):
        for index in long_titles():
            x = 24.0 if where == "left" else WIDTH - 24.0
            t0, t1 = view_with(index, x, span)
            scene = make.build(Frame(SHIPPED, t0, t1, selected=index), WIDTH, HEIGHT)
            texts = selected_texts(scene, index)
            if texts is None:
                continue  # counted in a cluster at this zoom
            (glyph,) = [glyph for glyph in scene.events if glyph.index == index]
            mark = glyph.mark
            near, far = (max(mark.x0, 0.0), mark.x1) if mark.kind is not Kind.MARKER else (mark.x0, mark.x0)
            radius = make.metrics.marker_radius if mark.kind is Kind.MARKER else 0.0
            # The room on the side away from the edge, inside the margins the selected title keeps.
            if where == "left":
                room = WIDTH - SELECTED_EDGE_RIGHT - far - radius - 4
            else:
                room = near - radius - 4 - SELECTED_EDGE_LEFT
            title = SHIPPED.events[index].title
            assert_inside(scene)
            assert_no_label_meets_the_selected(scene, index)
            if texts != [title]:  # only where no side holds it: elided, and the scene says where it would be whole
                (shown,) = texts
                assert MEASURE.width(Role.SELECTED, title) > room, f"{title!r} cut though it had the room"
                assert shown.endswith("…") and title.startswith(shown[:-1]) and glyph.wanted is not None
            tried += texts == [title]
    assert tried >= 8


def test_neighbours_make_way_in_a_crowded_row() -> None:
    """Fit All in a narrow picture: each selected event's title is whole where a side holds it, and no label
    of its row meets it or crosses an edge, while the picture still labels other events."""
    make = builder()
    drawn = 0
    for index in range(len(SHIPPED)):
        t0, t1 = view_with(index, WIDTH / 2, span=400 * DAY)
        scene = make.build(Frame(SHIPPED, t0, t1, selected=index), WIDTH, HEIGHT)
        assert_inside(scene)
        assert_no_label_meets_the_selected(scene, index)
        texts = selected_texts(scene, index)
        title = SHIPPED.events[index].title
        if texts is not None and MEASURE.width(Role.SELECTED, title) <= WIDTH / 2 - 20:
            assert texts == [title]  # room on one side or the other, wherever the event is
        drawn += texts is not None
    assert drawn >= len(SHIPPED) / 2


def test_reveal_pans_until_the_whole_title_is_in_view() -> None:
    """The event in the middle of a narrow view, its title wider than either side's room: `reveal` asks the
    scene where the whole title would be and pans there; the mark alone was already in view."""
    make = builder()

    def locate(scale: TimeScale) -> Scene:
        return make.build(Frame(SHIPPED, scale.t0, scale.t1, selected=state.selected), scale.width, HEIGHT)

    tried = 0
    for index in long_titles():
        title = SHIPPED.events[index].title
        state = ViewState(WIDTH)
        state.set_store(SHIPPED)
        state.set_range(*view_with(index, WIDTH / 2, span=30 * DAY))
        before = locate(state.scale)
        if selected_texts(make.build(Frame(SHIPPED, state.scale.t0, state.scale.t1, selected=index), WIDTH,
                                     HEIGHT), index) == [title]:  # fmt: skip
            continue  # whole already: nothing to show
        del before
        tried += 1
        state.select(index, ensure_visible=True, locate=locate)
        scene = locate(state.scale)
        assert selected_texts(scene, index) == [title], f"{title!r} still cut after reveal"
        assert_inside(scene)
    assert tried >= 3


def test_a_title_wider_than_the_view_is_elided_and_the_view_stays() -> None:
    make = builder()
    index = max(range(len(SHIPPED)), key=lambda i: len(SHIPPED.events[i].title))
    narrow = MEASURE.width(Role.SELECTED, SHIPPED.events[index].title) - 40

    def locate(scale: TimeScale) -> Scene:
        return make.build(Frame(SHIPPED, scale.t0, scale.t1, selected=state.selected), scale.width, HEIGHT)

    state = ViewState(narrow)
    state.set_store(SHIPPED)
    state.set_range(*view_with(index, narrow / 2, span=30 * DAY))
    state.select(index, ensure_visible=True, locate=locate)
    (shown,) = selected_texts(locate(state.scale), index)
    assert shown.endswith("…") and SHIPPED.events[index].title.startswith(shown[:-1])
    assert_inside(locate(state.scale))
