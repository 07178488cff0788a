"""The overview band: the whole chronology, with the timeline's visible range as a box to drag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from viewer.render.scale import seconds_from_calendar
from viewer.render.theme import DARK, LIGHT
from viewer.ui.overview import MIN_MARKER_WIDTH, OverviewBand
from viewer.ui.timeline_view import TimelineView

WIDTH = 800
DAY = 86_400.0


def mouse(widget, kind: QEvent.Type, pos, buttons=Qt.MouseButton.LeftButton) -> None:
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, event)


@pytest.fixture
def band(qtbot, shipped_store) -> OverviewBand:
    widget = OverviewBand()
    qtbot.addWidget(widget)
    widget.resize(WIDTH, 48)
    widget.set_store(shipped_store)
    widget.set_visible_range(seconds_from_calendar(1980), seconds_from_calendar(1990))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_band_is_a_fixed_strip_named_for_assistive_technology(band):
    assert band.accessibleName() == "Overview"
    assert band.height() == 48
    assert band.sizeHint().height() == 48
    assert band.minimumHeight() == band.maximumHeight() == 48


def test_whole_chronology_fits_the_band(band, shipped_store):
    scale = band.scale()
    first, last = shipped_store.span()
    assert 0 < scale.x_of(first) < 0.1 * WIDTH
    assert 0.9 * WIDTH < scale.x_of(last) < WIDTH


def test_density_is_drawn_where_events_are(band, shipped_store):
    image = band.grab().toImage()
    scale = band.scale()
    density = QColor(LIGHT.density).rgb()
    hanoi = shipped_store.starts[shipped_store.index_of("hanoi-summit")]
    # The bottom row of the density strip is filled in the column of any event, and empty far from events.
    assert image.pixel(int(scale.x_of(hanoi)), 44) == density
    empty_1940s = seconds_from_calendar(1949, 6, 1)
    assert image.pixel(int(scale.x_of(empty_1940s)), 44) != density
    band.set_theme(DARK)
    assert band.grab().toImage().pixel(int(scale.x_of(hanoi)), 44) == QColor(DARK.density).rgb()


def test_dragging_the_box_asks_for_a_shifted_range(band, qtbot):
    t0, t1 = band.visible_range()
    rect = band.marker_rect()
    assert rect is not None and rect.width() > 10
    spp = band.scale().seconds_per_pixel
    requested = []
    band.rangeRequested.connect(lambda a, b: requested.append((a, b)))
    start = rect.center()
    mouse(band, QEvent.Type.MouseButtonPress, start)
    mouse(band, QEvent.Type.MouseMove, start + QPointF(30, 2))
    mouse(band, QEvent.Type.MouseMove, start + QPointF(60, 5))
    mouse(band, QEvent.Type.MouseButtonRelease, start + QPointF(60, 5), buttons=Qt.MouseButton.NoButton)
    assert len(requested) == 2  # a press on the box itself asks for nothing
    assert requested[0] == pytest.approx((t0 + 30 * spp, t1 + 30 * spp), abs=1.0)
    assert requested[-1] == pytest.approx((t0 + 60 * spp, t1 + 60 * spp), abs=1.0)
    assert band.visible_range() == pytest.approx(requested[-1])


def test_clicking_outside_the_box_centres_the_view_there(band, qtbot):
    t0, t1 = band.visible_range()
    x = 0.85 * WIDTH
    assert not band.marker_rect().contains(QPointF(x, 20))
    wanted = band.scale().t_of(x)
    with qtbot.waitSignal(band.rangeRequested, timeout=1000) as signal:
        mouse(band, QEvent.Type.MouseButtonPress, QPointF(x, 20))
    mouse(band, QEvent.Type.MouseButtonRelease, QPointF(x, 20), buttons=Qt.MouseButton.NoButton)
    a, b = signal.args
    assert (a + b) / 2 == pytest.approx(wanted, abs=1.0)
    assert b - a == pytest.approx(t1 - t0)


def test_wheel_zooms_the_view_about_its_middle(band, qtbot):
    t0, t1 = band.visible_range()
    event = QWheelEvent(QPointF(100, 20), QPointF(band.mapToGlobal(QPoint(100, 20))), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    with qtbot.waitSignal(band.rangeRequested, timeout=1000) as signal:
        QApplication.sendEvent(band, event)
    a, b = signal.args
    assert b - a == pytest.approx((t1 - t0) / 1.25)
    assert (a + b) / 2 == pytest.approx((t0 + t1) / 2)


def test_a_tiny_visible_range_still_shows(band, shipped_store):
    hanoi = shipped_store.starts[shipped_store.index_of("hanoi-summit")]
    band.set_visible_range(hanoi, hanoi + DAY)
    rect = band.marker_rect()
    assert rect.width() == pytest.approx(MIN_MARKER_WIDTH)
    assert rect.left() <= band.scale().x_of(hanoi) <= rect.right()
    image = band.grab().toImage()
    marker = QColor(image.pixel(int(rect.center().x()), 24))
    background = QColor(image.pixel(int(rect.center().x()) + 20, 24))
    assert marker != background


def test_band_and_timeline_follow_each_other(qtbot, shipped_store):
    timeline, band = TimelineView(), OverviewBand()
    qtbot.addWidget(timeline)
    qtbot.addWidget(band)
    timeline.resize(1000, 500)
    band.resize(WIDTH, 48)
    timeline.rangeChanged.connect(band.set_visible_range)
    band.rangeRequested.connect(timeline.set_range)
    timeline.set_store(shipped_store)
    band.set_store(shipped_store)
    timeline.set_range(seconds_from_calendar(1970), seconds_from_calendar(1975))
    assert band.visible_range() == timeline.visible_range()
    x = band.scale().x_of(seconds_from_calendar(2000))
    mouse(band, QEvent.Type.MouseButtonPress, QPointF(x, 20))
    mouse(band, QEvent.Type.MouseButtonRelease, QPointF(x, 20), buttons=Qt.MouseButton.NoButton)
    t0, t1 = timeline.visible_range()
    assert (t0 + t1) / 2 == pytest.approx(seconds_from_calendar(2000), abs=band.scale().seconds_per_pixel)
    assert t1 - t0 == pytest.approx(seconds_from_calendar(1975) - seconds_from_calendar(1970))
