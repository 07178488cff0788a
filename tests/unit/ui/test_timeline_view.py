"""The timeline widget as a user meets it: wheel, drag, click, keys, search, reload.

Events are real Qt events sent to the widget (QApplication.sendEvent), and every check is on something a user
would notice: which moment stays under the pointer, which event gets selected, what is in view.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from viewer.model.dates import EventDate, PartialDate
from viewer.model.events import Event, Quote
from viewer.model.store import Store
from viewer.render import view as render_view
from viewer.render.painter import Hit
from viewer.render.scale import MIN_SPAN
from viewer.ui.timeline_view import TimelineView

WIDTH, HEIGHT = 1000, 600
DAY = 86_400.0


# -- helpers ---------------------------------------------------------------------------------------------
def wheel(widget, pos, angle=(0, 0), pixel=(0, 0), modifiers=Qt.KeyboardModifier.NoModifier,
          phase=Qt.ScrollPhase.NoScrollPhase) -> None:  # fmt: skip
    local = QPointF(pos)
    event = QWheelEvent(
        local, QPointF(widget.mapToGlobal(local)), QPoint(*pixel), QPoint(*angle), Qt.MouseButton.NoButton,
        modifiers, phase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def mouse(widget, kind: QEvent.Type, pos, button=Qt.MouseButton.LeftButton, buttons=None) -> None:
    local = QPointF(pos)
    if buttons is None:
        held = kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove)
        buttons = button if held and button != Qt.MouseButton.NoButton else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, event)


def click(widget, pos) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, pos)
    mouse(widget, QEvent.Type.MouseButtonRelease, pos)


def time_at(widget: TimelineView, x: float) -> float:
    t0, t1 = widget.visible_range()
    return t0 + x * (t1 - t0) / widget.width()


def x_of(widget: TimelineView, t: float) -> float:
    t0, t1 = widget.visible_range()
    return (t - t0) * widget.width() / (t1 - t0)


def find_point(widget: TimelineView, want, min_y: int = 0) -> QPointF:
    """A point of the last frame whose hit satisfies `want` (scanning on a coarse grid)."""
    for y in range(min_y, widget.height(), 5):
        for x in range(2, widget.width() - 2, 3):
            if want(widget.hit(x, y)):
                return QPointF(x, y)
    raise AssertionError("no such point in the frame")


def day_event(number: int, year: int, month: int, day: int, tags=()) -> Event:
    return Event(
        id=f"e{number}", title=f"Event number {number}", when=EventDate(PartialDate.of_day(year, month, day)),
        tags=tuple(tags), quotes=(Quote("src", "text"),),
    )  # fmt: skip


def shown_view(qtbot, store: Store, width: int = WIDTH, height: int = HEIGHT) -> TimelineView:
    """A timeline of `store`, shown and painted once, so hit tests have a frame to test."""
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.set_store(store)
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()
    return widget


@pytest.fixture
def view(qtbot, shipped_store) -> TimelineView:
    return shown_view(qtbot, shipped_store)


@pytest.fixture
def daily_store() -> Store:
    """3,000 one-day events on consecutive days (from 1 January 2010): clustered until zoomed to months."""
    first = dt.date(2010, 1, 1)
    days = [first + dt.timedelta(days=n) for n in range(3000)]
    return Store([day_event(n, d.year, d.month, d.day) for n, d in enumerate(days)])


@pytest.fixture
def dense_store() -> Store:
    """3,100 one-day events in May 2018 (100 a day): far too many to label at once, so they cluster."""
    events = [day_event(n, 2018, 5, 1 + n // 100) for n in range(3100)]
    return Store(events)


# -- the first view ------------------------------------------------------------------------------------
def test_first_view_is_the_chronologys_own_range_for_the_real_width(view, shipped_store):
    assert view.accessibleName() == "Timeline"
    assert "Tab" in view.accessibleDescription()
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    expected = render_view.initial_range(shipped_store, WIDTH)
    assert view.visible_range() == pytest.approx(expected, rel=0, abs=1.0)
    # The header asks for 1950 to 2019: both ends are on screen.
    t0, t1 = view.visible_range()
    assert t0 < shipped_store.header.show_from.start_seconds
    assert t1 > shipped_store.header.show_to.end_seconds


def test_first_view_fits_the_width_the_layout_finally_gives(qtbot, shipped_store):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.set_store(shipped_store)  # before the widget has its size: margins for the wrong width
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.visible_range() == pytest.approx(render_view.initial_range(shipped_store, 1200), rel=0, abs=1.0)


def test_resizing_keeps_the_visible_range(view, qtbot):
    view.set_range(1.5e9, 1.56e9)
    with qtbot.assertNotEmitted(view.rangeChanged):
        view.resize(640, 480)
        QApplication.processEvents()
    assert view.visible_range() == (1.5e9, 1.56e9)


# -- zoom and pan --------------------------------------------------------------------------------------
@pytest.mark.parametrize("x", [0.0, 137.25, 500.0, 871.5, 999.0])
@pytest.mark.parametrize("notches", [1, 3, -1, -2])
def test_wheel_zoom_keeps_the_moment_under_the_cursor(view, x, notches):
    view.set_range(1.0e9, 1.6e9)
    before = time_at(view, x)
    span_before = 0.6e9
    wheel(view, QPointF(x, 300), angle=(0, 120 * notches))
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(span_before / 1.25**notches, rel=1e-9)
    # The moment that was under the pointer is still under it, to well within a pixel.
    assert abs(x_of(view, before) - x) < 0.01


def test_wheel_zoom_emits_the_new_range(view, qtbot):
    view.set_range(1.0e9, 1.6e9)
    with qtbot.waitSignal(view.rangeChanged, timeout=1000) as signal:
        wheel(view, QPointF(500, 300), angle=(0, 120))
    assert signal.args == list(view.visible_range())
    assert signal.args[1] - signal.args[0] == pytest.approx(0.6e9 / 1.25)


def test_zoom_stops_at_the_narrowest_view(view):
    middle = 1.53e9
    view.set_range(middle - MIN_SPAN / 2, middle + MIN_SPAN / 2)
    wheel(view, QPointF(500, 300), angle=(0, 120 * 20))
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(MIN_SPAN)


def test_shift_wheel_pans_without_zooming(view):
    view.set_range(1.0e9, 1.6e9)
    wheel(view, QPointF(500, 300), angle=(0, -120), modifiers=Qt.KeyboardModifier.ShiftModifier)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.6e9)
    assert t0 == pytest.approx(1.0e9 + 0.1 * 0.6e9)  # one notch towards later times: a tenth of the width


def test_touchpad_horizontal_swipe_pans_with_the_fingers(view):
    view.set_range(1.0e9, 1.6e9)
    spp = 0.6e9 / WIDTH
    wheel(view, QPointF(500, 300), pixel=(40, 0), angle=(80, 0), phase=Qt.ScrollPhase.ScrollUpdate)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.6e9)
    assert t0 == pytest.approx(1.0e9 - 40 * spp)  # fingers to the right: earlier times come in from the left


def test_touchpad_vertical_scroll_zooms_gently_about_the_pointer(view):
    view.set_range(1.0e9, 1.6e9)
    before = time_at(view, 250.0)
    wheel(view, QPointF(250, 300), pixel=(0, 6), angle=(0, 12), phase=Qt.ScrollPhase.ScrollUpdate)
    t0, t1 = view.visible_range()
    assert 0.6e9 / 1.25 < t1 - t0 < 0.6e9  # in, but by less than one wheel notch
    assert abs(x_of(view, before) - 250.0) < 0.01


def test_drag_moves_the_content_with_the_pointer(view, qtbot):
    view.set_range(1.0e9, 1.6e9)
    press, release = QPointF(600, 400), QPointF(350, 420)
    grabbed = time_at(view, press.x())
    selected = []
    view.selectionChanged.connect(selected.append)
    mouse(view, QEvent.Type.MouseButtonPress, press)
    for x in (580, 520, 430, 360):
        mouse(view, QEvent.Type.MouseMove, QPointF(x, 410))
    mouse(view, QEvent.Type.MouseMove, release)
    mouse(view, QEvent.Type.MouseButtonRelease, release)
    assert abs(x_of(view, grabbed) - release.x()) < 1e-6
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.6e9)
    assert t0 == pytest.approx(1.0e9 + 250 * 0.6e9 / WIDTH)
    assert selected == []  # a drag is not a click


def test_panning_cannot_lose_the_data(view, shipped_store):
    last = shipped_store.span()[1]
    view.set_range(last, last + 10 * 365 * DAY)
    mouse(view, QEvent.Type.MouseButtonPress, QPointF(900, 300))
    mouse(view, QEvent.Type.MouseMove, QPointF(10, 300))
    mouse(view, QEvent.Type.MouseButtonRelease, QPointF(10, 300))
    t0, _ = view.visible_range()
    assert t0 <= last  # the last event can reach the left edge, not beyond


def test_keys_pan_and_zoom(view, qtbot):
    view.set_range(1.0e9, 1.6e9)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_range() == pytest.approx((1.0e9 + 0.6e9 / 8, 1.6e9 + 0.6e9 / 8))
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.visible_range() == pytest.approx((1.0e9, 1.6e9))
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.6e9 / 1.5)
    assert (t0 + t1) / 2 == pytest.approx(1.3e9)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.visible_range() == pytest.approx((1.0e9, 1.6e9))


def test_home_and_end_go_to_the_first_and_last_event_keeping_the_zoom(view, qtbot, shipped_store):
    view.set_range(1.0e9, 1.1e9)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.1e9)
    assert t0 < shipped_store.starts[0] < t0 + 0.1 * (t1 - t0)
    qtbot.keyClick(view, Qt.Key.Key_End)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(0.1e9)
    assert t0 + 0.5 * (t1 - t0) < shipped_store.starts[-1] < t1


def test_fit_all_shows_every_event(view, shipped_store):
    view.set_range(1.5e9, 1.5e9 + 30 * DAY)
    view.fit_all()
    t0, t1 = view.visible_range()
    assert t0 <= float(shipped_store.starts.min())
    assert float(shipped_store.ends.max()) <= t1
    assert t1 - t0 < 2 * (shipped_store.ends.max() - shipped_store.starts.min())  # and is not absurdly wide


def test_double_click_on_empty_space_zooms_in_about_the_point(view):
    view.fit_all()
    view.grab()
    point = find_point(view, lambda hit: hit == Hit(), min_y=200)
    before = time_at(view, point.x())
    span = view.visible_range()[1] - view.visible_range()[0]
    mouse(view, QEvent.Type.MouseButtonPress, point)
    mouse(view, QEvent.Type.MouseButtonRelease, point)
    mouse(view, QEvent.Type.MouseButtonDblClick, point)
    mouse(view, QEvent.Type.MouseButtonRelease, point)
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(span / 2)
    assert abs(x_of(view, before) - point.x()) < 0.01


# -- selecting -------------------------------------------------------------------------------------------
def test_clicking_an_event_selects_it(view, qtbot, shipped_store):
    index = shipped_store.index_of("hanoi-summit")
    rect = view.event_rect(index)
    assert rect is not None and rect.intersects(QRectF(view.rect()))
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        click(view, rect.center())
    assert signal.args == [index]
    assert view.selected() == index


def test_clicking_empty_space_clears_the_selection(view, qtbot):
    view.select(3, ensure_visible=False)
    view.grab()
    empty = find_point(view, lambda hit: hit == Hit(), min_y=200)
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        click(view, empty)
    assert signal.args == [-1]
    assert view.selected() is None


def test_selected_event_is_drawn_emphasised(view, shipped_store):
    index = shipped_store.index_of("hanoi-summit")
    plain = view.grab().toImage()
    view.select(index, ensure_visible=False)
    emphasised = view.grab().toImage()
    assert plain != emphasised


def test_hovering_an_event_reports_it_and_shows_a_hand(view, qtbot, shipped_store):
    index = shipped_store.index_of("hanoi-summit")
    rect = view.event_rect(index)
    with qtbot.waitSignal(view.hoverChanged, timeout=1000) as signal:
        mouse(view, QEvent.Type.MouseMove, rect.center(), button=Qt.MouseButton.NoButton)
    assert signal.args == [index]
    assert view.cursor().shape() == Qt.CursorShape.PointingHandCursor
    empty = find_point(view, lambda hit: hit == Hit())
    with qtbot.waitSignal(view.hoverChanged, timeout=1000) as signal:
        mouse(view, QEvent.Type.MouseMove, empty, button=Qt.MouseButton.NoButton)
    assert signal.args == [-1]
    assert view.cursor().shape() == Qt.CursorShape.OpenHandCursor


def test_tooltip_names_the_event_and_its_date(view, shipped_store):
    index = shipped_store.index_of("hanoi-summit")
    text = view.tooltip_at(view.event_rect(index).center())
    event = shipped_store.events[index]
    assert event.title == "Second Trump–Kim summit in Hanoi"
    assert event.title in text
    assert "27–28 February 2019" in text


# The offscreen platform cannot raise windows and says so when a tooltip opens; a real display does not.
def test_tooltip_event_shows_the_tooltip(view, qtbot, shipped_store):
    index = shipped_store.index_of("hanoi-summit")
    point = view.event_rect(index).center().toPoint()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, point, view.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "27–28 February 2019" in QToolTip.text()
    QToolTip.hideText()


def test_tab_and_shift_tab_step_through_events_in_time_order(view, qtbot, shipped_store):
    view.fit_all()
    view.setFocus()
    seen = []
    view.selectionChanged.connect(seen.append)
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        qtbot.keyClick(view, key)
    assert seen == [0, 1, 2, 1]  # every event is in view, so stepping starts at the earliest
    starts = shipped_store.starts
    assert starts[0] <= starts[1] <= starts[2]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen[-1] == -1
    assert view.selected() is None


def test_stepping_from_nothing_starts_in_view(view, shipped_store):
    hanoi = shipped_store.index_of("hanoi-summit")
    middle = shipped_store.starts[hanoi]
    view.set_range(middle - 3 * DAY, middle + 5 * DAY)
    in_view = [int(i) for i in shipped_store.touching(*view.visible_range())]
    assert hanoi in in_view and in_view[0] != 0
    view.step_selection(1)
    assert view.selected() == in_view[0]  # the earliest of what is on screen, not of the chronology
    visited = [view.selected()]
    while view.selected() != hanoi and len(visited) < len(shipped_store):
        view.step_selection(1)
        visited.append(view.selected())
    assert visited == list(range(in_view[0], hanoi + 1))  # one by one, in time order
    view.select(None)
    view.step_selection(-1)
    assert view.selected() == in_view[-1]


def test_tab_at_the_last_event_does_not_wrap(view, qtbot, shipped_store):
    last = len(shipped_store) - 1
    view.select(last)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected() == last


def test_enter_re_announces_the_selection(view, qtbot):
    view.select(5)
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [5]


def test_select_pans_an_event_into_view_keeping_the_zoom(view, qtbot, shipped_store):
    view.set_range(-3.0e8, -2.0e8)  # around 1960
    hanoi = shipped_store.index_of("hanoi-summit")
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        view.select(hanoi)
    assert signal.args == [hanoi]
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(1.0e8)
    assert t0 < shipped_store.starts[hanoi] and shipped_store.ends[hanoi] < t1
    view.grab()
    assert view.event_rect(hanoi) is not None


def test_select_brings_a_cut_off_label_into_view(view, shipped_store):
    # Singapore, not Hanoi: labels of the chronology's last events turn left.
    summit = shipped_store.index_of("singapore-summit")
    start = shipped_store.starts[summit]
    view.set_range(start - 300 * DAY, start + 5 * DAY)  # the summit at the right edge: no room for its title there
    view.grab()
    before = view.event_rect(summit)
    assert before is not None and before.left() >= 0 and before.right() <= view.width()  # moved or elided, not cut
    view.select(summit)
    view.grab()
    after = view.event_rect(summit)
    assert after is not None
    assert after.left() >= 0 and after.right() <= view.width()
    glyph = next(g for g in view.painter().scene.events if g.index == summit)
    assert glyph.texts[0].text == shipped_store.events[summit].title  # the selected title is read in full
    t0, t1 = view.visible_range()
    assert t1 - t0 == pytest.approx(305 * DAY)


# -- clusters --------------------------------------------------------------------------------------------
def test_clicking_a_cluster_zooms_in_on_it(qtbot, dense_store):
    widget = shown_view(qtbot, dense_store)
    point = find_point(widget, lambda hit: hit.cluster is not None)
    c0, c1 = widget.hit(point.x(), point.y()).cluster
    count = int(np.count_nonzero((dense_store.starts >= c0) & (dense_store.starts < c1)))
    assert count > 1
    assert widget.tooltip_at(point) == f"{count:,} events — click to zoom in"
    span_before = widget.visible_range()[1] - widget.visible_range()[0]
    with qtbot.waitSignal(widget.rangeChanged, timeout=1000):
        click(widget, point)
    t0, t1 = widget.visible_range()
    assert t1 - t0 < span_before / 4
    assert t0 <= c0 and c1 <= t1
    assert widget.selected() is None


def test_selecting_an_event_hidden_in_a_cluster_zooms_in_until_it_shows(qtbot, daily_store):
    widget = shown_view(qtbot, daily_store)
    index = 1234
    assert widget.event_rect(index) is None  # hidden in a cluster at first
    span_before = widget.visible_range()[1] - widget.visible_range()[0]
    widget.select(index)
    widget.grab()
    assert widget.event_rect(index) is not None
    t0, t1 = widget.visible_range()
    assert t1 - t0 < span_before
    assert t0 < daily_store.starts[index] < t1


def test_a_cluster_that_cannot_open_further_selects_its_first_event(qtbot, dense_store):
    widget = shown_view(qtbot, dense_store)
    tenth = dense_store.starts[900]  # 10 May 2018: a hundred events share the day, more than there are rows
    widget.set_range(tenth - MIN_SPAN / 2, tenth + MIN_SPAN / 2)
    widget.grab()
    point = find_point(widget, lambda hit: hit.cluster is not None)
    with qtbot.waitSignal(widget.selectionChanged, timeout=1000) as signal:
        click(widget, point)
    assert signal.args == [900]
    assert widget.visible_range()[1] - widget.visible_range()[0] == pytest.approx(MIN_SPAN)
    # ... and lists the day's events to choose from, since no zoom can separate them.
    menu = widget.cluster_menu()
    assert menu is not None
    actions = menu.actions()
    assert len(actions) == 41 and not actions[-1].isEnabled() and actions[-1].text().startswith("60 more")
    assert actions[3].text().startswith(dense_store.events[903].title)
    with qtbot.waitSignal(widget.selectionChanged, timeout=1000) as chosen:
        actions[3].trigger()
    assert chosen.args == [903]


# -- search ----------------------------------------------------------------------------------------------
def test_matches_narrow_what_is_drawn(view, shipped_store):
    hanoi = shipped_store.index_of("hanoi-summit")
    other = shipped_store.index_of("korean-war")
    where = view.event_rect(hanoi).center()
    assert view.hit(where.x(), where.y()).index == hanoi
    view.set_matches(np.array([other]))
    view.grab()
    assert view.event_rect(hanoi) is None
    assert view.hit(where.x(), where.y()) == Hit()
    assert view.event_rect(other) is not None
    view.set_matches(None)
    view.grab()
    assert view.hit(where.x(), where.y()).index == hanoi


def test_stepping_while_searching_visits_only_matches(view, shipped_store):
    matches = shipped_store.search("Vietnam")
    assert len(matches) >= 3
    view.fit_all()
    view.set_matches(matches)
    view.step_selection(1)
    view.step_selection(1)
    assert view.selected() == int(matches[1])


# -- reloading -------------------------------------------------------------------------------------------
def test_reload_keeps_the_view_and_the_selection_by_id(view, qtbot, shipped_store):
    view.set_range(1.5e9, 1.56e9)
    hanoi = shipped_store.index_of("hanoi-summit")
    view.select(hanoi, ensure_visible=False)
    # The edited file lost its first event: the same event now has another index.
    reloaded = Store(shipped_store.events[1:], shipped_store.sources, shipped_store.header)
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        view.set_store(reloaded, keep_view=True)
    assert view.store() is reloaded
    assert view.visible_range() == (1.5e9, 1.56e9)
    assert view.selected() == hanoi - 1 == reloaded.index_of("hanoi-summit")
    assert signal.args == [hanoi - 1]


def test_reload_drops_a_selection_whose_event_is_gone(view, qtbot, shipped_store):
    view.select(0, ensure_visible=False)
    reloaded = Store(shipped_store.events[1:], shipped_store.sources, shipped_store.header)
    with qtbot.waitSignal(view.selectionChanged, timeout=1000) as signal:
        view.set_store(reloaded, keep_view=True)
    assert signal.args == [-1]
    assert view.selected() is None


def test_opening_another_chronology_shows_its_own_range(view, qtbot, dense_store):
    view.select(2, ensure_visible=False)
    view.set_store(dense_store)
    assert view.selected() is None
    assert view.visible_range() == pytest.approx(render_view.initial_range(dense_store, WIDTH), abs=1.0)
    view.grab()
    first = find_point(view, lambda hit: hit.index is not None or hit.cluster is not None)
    assert first is not None


def test_an_empty_chronology_paints_and_ignores_input(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.set_store(Store([]))
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.grab().toImage()
    assert not image.isNull()
    widget.step_selection(1)
    widget.fit_all()
    click(widget, QPointF(200, 150))
    assert widget.selected() is None


def test_dates_of_the_synthetic_store_are_what_the_tests_assume(dense_store):
    first = dt.datetime.fromtimestamp(dense_store.starts[0], tz=dt.UTC)
    last = dt.datetime.fromtimestamp(dense_store.starts[-1], tz=dt.UTC)
    assert (first.year, first.month, first.day) == (2018, 5, 1)
    assert (last.year, last.month, last.day) == (2018, 5, 31)


def test_a_label_turned_left_but_cut_off_comes_back_to_the_right_and_can_be_clicked(qtbot, shipped_store):
    """Near the chronology's end labels turn left; when that would cut one off at the view's left edge and
    there is room on the right, it is drawn on the right, and clicking it there selects its event."""
    widget = shown_view(qtbot, shipped_store, 1100, 600)
    day = 86_400.0
    start = shipped_store.starts[shipped_store.index_of("hanoi-summit")]
    # The data ends with 1 March 2019 (Ri Yong-ho's press conference, by Hanoi's day): a week's view puts that
    # end mid-view, so the tweet's label, two days before it, turns left, where the view's edge would cut it.
    widget.set_range(start - 1 * day, start + 6 * day)
    widget.grab()
    tweet = shipped_store.index_of("trump-wednesday-tweet")
    glyph = next(g for g in widget.painter().scene.events if g.index == tweet)
    (title, *_) = glyph.texts
    assert title.box.x > glyph.mark.x0, "the tweet's label was not brought back to the right"
    assert 0 <= title.box.x < title.box.right <= widget.width()
    assert widget.hit(title.box.right - 5, glyph.mark.y).index == tweet


def test_select_step_and_reveal_paint_nothing_off_screen(qtbot, daily_store, monkeypatch):
    """Finding where an event lands asks the scene; only the widget's own paint event draws."""
    widget = shown_view(qtbot, daily_store)
    painted: list[int] = []
    drawer = widget.painter()
    real_paint = drawer.paint

    def counting_paint(*args, **kwargs):
        painted.append(1)
        return real_paint(*args, **kwargs)

    monkeypatch.setattr(drawer, "paint", counting_paint)
    widget.select(1234)  # hidden in a cluster: reveal zooms in until it shows
    widget.step_selection(1)
    widget.step_selection(-1)
    widget.set_matches(np.arange(2000, 2100))
    widget.select(2050)
    assert painted == []
    widget.grab()
    assert len(painted) == 1
    assert widget.event_rect(2050) is not None
