"""TimeScale: mapping, zoom, pan, fit and clamping, checked on random scales as well as by example."""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.model.dates import MIN_YEAR
from viewer.render.scale import (
    MAX_SPAN,
    MIN_SPAN,
    MIN_WIDTH,
    T_MAX,
    T_MIN,
    TimeScale,
    datetime_from_seconds,
    min_span_at,
    seconds_from_calendar,
    zoom_factor_for_wheel,
)

DAY = 86400.0
YEAR = 365.2425 * DAY

# Far enough from years 1 and 9999 that a view of up to MAX_SPAN around any anchor in the view fits,
# so the anchor of a zoom never has to give way to the edge of representable time.
MID_LO = seconds_from_calendar(1000)
MID_HI = seconds_from_calendar(7000)

PIXEL_TOLERANCE = 1e-4  # "exactly under the pointer": to float rounding, far below a pixel


def pixel_tolerance(scale: TimeScale) -> float:
    """PIXEL_TOLERANCE, plus the float64 rounding of instants far from 1970 (4 s a billion years ago),
    which min_span_at keeps to a small fraction of a pixel."""
    return PIXEL_TOLERANCE + 16 * max(abs(scale.t0), abs(scale.t1)) * 2.0**-52 / scale.seconds_per_pixel


def spans() -> st.SearchStrategy[float]:
    """Spans from MIN_SPAN to MAX_SPAN, spread evenly in log scale as zoom levels are."""
    return st.floats(math.log(MIN_SPAN), math.log(MAX_SPAN)).map(lambda v: min(max(math.exp(v), MIN_SPAN), MAX_SPAN))


widths = st.floats(1.0, 8000.0)


@st.composite
def mid_scales(draw: st.DrawFn) -> TimeScale:
    span = min(draw(spans()), (MID_HI - MID_LO) / 6)
    t0 = draw(st.floats(MID_LO, MID_HI - span))
    return TimeScale(t0, t0 + span, draw(widths))


@st.composite
def any_scales(draw: st.DrawFn) -> TimeScale:
    """Scales anywhere in the representable years, including against both ends, never narrower than
    float64 seconds allow there (min_span_at)."""
    span = draw(spans())
    t0 = draw(st.one_of(st.just(T_MIN), st.just(T_MAX - span), st.floats(T_MIN, T_MAX - span)))
    span = min(max(span, min_span_at(t0, t0)), T_MAX - t0)
    return TimeScale(t0, min(t0 + span, T_MAX), draw(widths))


def in_bounds(scale: TimeScale) -> bool:
    return T_MIN <= scale.t0 < scale.t1 <= T_MAX


# -- calendar convention -------------------------------------------------------------------------


def test_epoch_and_bounds_follow_the_project_convention() -> None:
    assert seconds_from_calendar(1970) == 0.0
    assert seconds_from_calendar(1969, 12, 31) == -DAY
    assert seconds_from_calendar(2019, 2, 27, 14, 30) == 1551277800.0
    assert seconds_from_calendar(MIN_YEAR, 1, 1) == T_MIN
    assert T_MIN < seconds_from_calendar(-100_000_000) < -100_000_000 * YEAR
    assert seconds_from_calendar(9999, 12, 31) + DAY == T_MAX
    assert MIN_SPAN == 10 * 60  # minutes can be told apart
    assert MAX_SPAN == T_MAX - T_MIN  # deep time and the present on one screen
    assert min_span_at(0.0, seconds_from_calendar(2019)) == MIN_SPAN
    assert min_span_at(seconds_from_calendar(-66_000_000), 0.0) < 7 * DAY


def test_seconds_from_calendar_refuses_dates_that_do_not_exist() -> None:
    with pytest.raises(ValueError):
        seconds_from_calendar(2019, 2, 29)


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)))
def test_datetime_round_trips_through_seconds(when: datetime) -> None:
    t = seconds_from_calendar(when.year, when.month, when.day, when.hour, when.minute, when.second)
    assert t == (when.date().toordinal() - date(1970, 1, 1).toordinal()) * DAY + (
        when.hour * 3600 + when.minute * 60 + when.second
    )
    assert datetime_from_seconds(t) == when.replace(microsecond=0)


def test_datetime_from_seconds_truncates_and_refuses_the_unrepresentable() -> None:
    assert datetime_from_seconds(-1e-9) == datetime(1969, 12, 31, 23, 59, 59)
    assert datetime_from_seconds(seconds_from_calendar(1)) == datetime(1, 1, 1)
    for t in (seconds_from_calendar(1) - 1, T_MAX, T_MIN):
        with pytest.raises(ValueError):
            datetime_from_seconds(t)


# -- construction and mapping --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t0", "t1", "width"),
    [
        (10.0, 10.0, 100.0),
        (20.0, 10.0, 100.0),
        (0.0, DAY, 0.0),
        (0.0, DAY, -5.0),
        (math.nan, DAY, 100.0),
        (0.0, math.inf, 100.0),
        (T_MIN - 1e6, T_MIN + DAY, 100.0),
        (T_MAX - DAY, T_MAX + 1, 100.0),
    ],
)
def test_constructor_refuses_invalid_scales(t0: float, t1: float, width: float) -> None:
    with pytest.raises(ValueError):
        TimeScale(t0, t1, width)


def test_mapping_by_example() -> None:
    scale = TimeScale(1000.0, 1000.0 + DAY, 864.0)
    assert scale.span == DAY
    assert scale.seconds_per_pixel == 100.0
    assert scale.x_of(1000.0) == 0.0
    assert scale.x_of(1000.0 + DAY) == pytest.approx(864.0)
    assert scale.x_of(1000.0 - 500.0) == pytest.approx(-5.0)  # times outside the view map outside it
    assert scale.t_of(432.0) == pytest.approx(1000.0 + DAY / 2)


def test_mapping_is_vectorised_over_numpy_arrays() -> None:
    scale = TimeScale(0.0, 10 * DAY, 1000.0)
    ts = np.linspace(-DAY, 11 * DAY, 13)
    xs = scale.x_of(ts)
    assert isinstance(xs, np.ndarray)
    assert xs.shape == ts.shape
    np.testing.assert_allclose(xs, [scale.x_of(float(t)) for t in ts])
    np.testing.assert_allclose(scale.t_of(xs), ts, rtol=0, atol=1e-6)


@given(any_scales(), st.floats(-2.0, 3.0))
def test_x_of_and_t_of_are_inverse(scale: TimeScale, fraction: float) -> None:
    x = fraction * scale.width
    assert scale.x_of(scale.t_of(x)) == pytest.approx(x, abs=pixel_tolerance(scale))
    t = scale.t0 + fraction * scale.span
    assert scale.t_of(scale.x_of(t)) == pytest.approx(t, abs=1e-6 * scale.seconds_per_pixel + 1e-4)


# -- zoom ----------------------------------------------------------------------------------------


@given(mid_scales(), st.floats(0.0, 1.0), st.floats(1e-3, 1e3))
def test_zoom_keeps_the_time_under_the_pointer(scale: TimeScale, fraction: float, factor: float) -> None:
    x = fraction * scale.width
    anchor = scale.t_of(x)
    zoomed = scale.zoom_about(x, factor)
    if zoomed.t0 > T_MIN and zoomed.t1 < T_MAX:  # at the ends of time the view shifts instead
        assert zoomed.x_of(anchor) == pytest.approx(x, abs=pixel_tolerance(zoomed))
    assert zoomed.width == scale.width
    assert MIN_SPAN * (1 - 1e-9) <= zoomed.span <= MAX_SPAN * (1 + 1e-9)
    expected = min(max(scale.span / factor, MIN_SPAN), MAX_SPAN)
    assert zoomed.span == pytest.approx(expected, rel=1e-9, abs=pixel_tolerance(zoomed) * zoomed.seconds_per_pixel)


@given(any_scales(), st.floats(-1.0, 2.0), st.floats(1e-6, 1e6))
def test_zoom_never_leaves_the_representable_years(scale: TimeScale, fraction: float, factor: float) -> None:
    zoomed = scale.zoom_about(fraction * scale.width, factor)
    assert in_bounds(zoomed)
    assert MIN_SPAN * (1 - 1e-9) <= zoomed.span <= MAX_SPAN * (1 + 1e-9)


def test_zoom_in_and_out() -> None:
    scale = TimeScale(0.0, 100 * DAY, 1000.0)
    zoomed_in = scale.zoom_about(500.0, 2.0)
    assert zoomed_in.span == pytest.approx(50 * DAY)
    assert (zoomed_in.t0, zoomed_in.t1) == pytest.approx((25 * DAY, 75 * DAY))
    zoomed_out = scale.zoom_about(0.0, 0.5)
    assert (zoomed_out.t0, zoomed_out.t1) == pytest.approx((0.0, 200 * DAY))


def test_zoom_in_stops_at_min_span_with_the_anchor_in_place() -> None:
    t0 = seconds_from_calendar(2019, 2, 27)
    scale = TimeScale(t0, t0 + DAY, 800.0)
    anchor = scale.t_of(200.0)
    for _ in range(50):
        scale = scale.zoom_about(200.0, 1.25)
        assert scale.x_of(anchor) == pytest.approx(200.0, abs=PIXEL_TOLERANCE)
    assert scale.span == pytest.approx(MIN_SPAN)


def test_zoom_out_ends_at_all_of_time() -> None:
    """MAX_SPAN is everything from a billion years ago to 9999: zooming out from 1900 ends there."""
    t0 = seconds_from_calendar(1900)
    scale = TimeScale(t0, t0 + 10 * YEAR, 800.0)
    anchor = scale.t_of(600.0)
    for _ in range(200):
        scale = scale.zoom_about(600.0, 0.8)
        assert in_bounds(scale)
    assert (scale.t0, scale.t1) == (T_MIN, T_MAX)
    assert scale.x_of(anchor) == pytest.approx(800.0, abs=1.0)  # 1900 is right at the end of all that time


def test_zoom_in_on_deep_time_stops_where_float_seconds_still_resolve() -> None:
    t0 = seconds_from_calendar(-66_000_000)
    scale = TimeScale(t0, t0 + 1000 * YEAR, 800.0)
    for _ in range(200):
        scale = scale.zoom_about(400.0, 1.25)
    assert scale.span == pytest.approx(min_span_at(t0, t0), rel=1e-3)
    assert MIN_SPAN < scale.span < 7 * DAY


def test_zoom_out_at_the_start_of_time_shifts_rather_than_leaving_it() -> None:
    scale = TimeScale(T_MIN, T_MIN + YEAR, 1000.0)
    zoomed = scale.zoom_about(500.0, 1e-12)
    assert zoomed.t0 == T_MIN
    assert zoomed.span == pytest.approx(MAX_SPAN)
    scale = TimeScale(T_MAX - YEAR, T_MAX, 1000.0)
    zoomed = scale.zoom_about(500.0, 1e-12)
    assert zoomed.t1 == T_MAX
    assert zoomed.span == pytest.approx(MAX_SPAN)


@pytest.mark.parametrize("factor", [0.0, -1.0, math.nan, math.inf])
def test_zoom_refuses_meaningless_factors(factor: float) -> None:
    with pytest.raises(ValueError):
        TimeScale(0.0, DAY, 100.0).zoom_about(50.0, factor)


def test_wheel_notch_zooms_by_a_quarter() -> None:
    assert zoom_factor_for_wheel(120) == pytest.approx(1.25)
    assert zoom_factor_for_wheel(-120) == pytest.approx(0.8)
    assert zoom_factor_for_wheel(0) == 1.0
    assert zoom_factor_for_wheel(240) == pytest.approx(1.25**2)
    # fractional notches (touchpads) compose to whole ones
    assert zoom_factor_for_wheel(60) * zoom_factor_for_wheel(60) == pytest.approx(1.25)
    assert zoom_factor_for_wheel(12.5) > 1.0
    # a flung touchpad must not overflow
    assert math.isfinite(zoom_factor_for_wheel(10**9))
    assert zoom_factor_for_wheel(-(10**9)) > 0.0
    with pytest.raises(ValueError):
        zoom_factor_for_wheel(math.nan)


# -- pan, resize, fit ----------------------------------------------------------------------------


def test_pan_by_moves_by_pixels_worth_of_time() -> None:
    scale = TimeScale(0.0, 100 * DAY, 1000.0)  # 0.1 day per pixel
    later = scale.pan_by(50.0)
    assert (later.t0, later.t1) == pytest.approx((5 * DAY, 105 * DAY))
    assert later.x_of(5 * DAY) == pytest.approx(0.0)
    earlier = scale.pan_by(-50.0)
    assert (earlier.t0, earlier.t1) == pytest.approx((-5 * DAY, 95 * DAY))


@given(mid_scales(), st.floats(-2.0, 2.0))
def test_pan_keeps_span_and_is_undone_by_the_opposite_pan(scale: TimeScale, views: float) -> None:
    dx = views * scale.width  # up to two view-widths: stays clear of years 1 and 9999
    panned = scale.pan_by(dx)
    assert panned.span == pytest.approx(scale.span, rel=1e-9)
    assert panned.x_of(scale.t_of(dx)) == pytest.approx(0.0, abs=pixel_tolerance(panned))
    back = panned.pan_by(-dx)
    assert back.t0 == pytest.approx(scale.t0, abs=pixel_tolerance(scale) * scale.seconds_per_pixel)


@given(any_scales(), st.floats(-1e7, 1e7))
def test_pan_never_leaves_the_representable_years(scale: TimeScale, dx: float) -> None:
    panned = scale.pan_by(dx)
    assert in_bounds(panned)
    assert panned.span == pytest.approx(scale.span, rel=1e-9)


def test_pan_stops_at_the_ends_of_time() -> None:
    scale = TimeScale(T_MIN + DAY, T_MIN + 11 * DAY, 1000.0)
    assert scale.pan_by(-1e6).t0 == T_MIN
    scale = TimeScale(T_MAX - 11 * DAY, T_MAX - DAY, 1000.0)
    assert scale.pan_by(1e6).t1 == T_MAX


def test_pan_to_center() -> None:
    scale = TimeScale(0.0, 10 * DAY, 1000.0)
    t = seconds_from_calendar(2019, 2, 27)
    centred = scale.pan_to_center(t)
    assert centred.x_of(t) == pytest.approx(500.0)
    assert centred.span == pytest.approx(scale.span)
    assert scale.pan_to_center(T_MIN).t0 == T_MIN


def test_with_width_keeps_the_visible_range() -> None:
    scale = TimeScale(0.0, 10 * DAY, 1000.0)
    wider = scale.with_width(2000.0)
    assert (wider.t0, wider.t1, wider.width) == (0.0, 10 * DAY, 2000.0)
    assert wider.seconds_per_pixel == scale.seconds_per_pixel / 2
    hidden = scale.with_width(0.0)  # a hidden widget reports 0 px
    assert (hidden.t0, hidden.t1, hidden.width) == (0.0, 10 * DAY, MIN_WIDTH)


def test_fit_shows_both_ends_with_margins() -> None:
    start, end = seconds_from_calendar(1950), seconds_from_calendar(2019, 12, 31)
    scale = TimeScale.fit(start, end, 1920.0)
    assert scale.x_of(start) == pytest.approx(0.04 * 1920)
    assert scale.x_of(end) == pytest.approx(0.96 * 1920)
    assert TimeScale.fit(end, start, 1920.0) == scale  # either order
    bare = TimeScale.fit(start, end, 1000.0, margin_fraction=0.0)
    assert (bare.t0, bare.t1) == pytest.approx((start, end))


@given(
    st.floats(MID_LO, MID_HI),
    st.floats(0.0, math.log(T_MAX - MID_HI)).map(math.exp),
    widths,
    st.floats(0.0, 0.45),
)
def test_fit_always_shows_both_ends(start: float, length: float, width: float, margin: float) -> None:
    end = start + length
    scale = TimeScale.fit(start, end, width, margin_fraction=margin)
    assert MIN_SPAN * (1 - 1e-9) <= scale.span <= MAX_SPAN * (1 + 1e-9)
    assert scale.t0 <= start and end <= scale.t1
    wanted = length / (1 - 2 * margin)
    if scale.t0 > T_MIN and scale.t1 < T_MAX:  # not pushed back by the end of time (9999): centred
        if MIN_SPAN < wanted < MAX_SPAN:  # not widened to MIN_SPAN nor narrowed to MAX_SPAN: margins exact
            assert scale.x_of(start) == pytest.approx(margin * width, abs=1e-6 * width + PIXEL_TOLERANCE)
            assert scale.x_of(end) == pytest.approx((1 - margin) * width, abs=1e-6 * width + PIXEL_TOLERANCE)
        assert scale.x_of(start + length / 2) == pytest.approx(width / 2, abs=1e-6 * width + PIXEL_TOLERANCE)


def test_fit_of_an_instant_is_min_span_centred_on_it() -> None:
    t = seconds_from_calendar(2019, 2, 27, 12)
    scale = TimeScale.fit(t, t, 800.0)
    assert scale.span == pytest.approx(MIN_SPAN)
    assert scale.x_of(t) == pytest.approx(400.0)


def test_fit_of_deep_time_and_the_present_shows_both() -> None:
    start, end = seconds_from_calendar(-66_000_000), seconds_from_calendar(2019)
    scale = TimeScale.fit(start, end, 800.0)
    assert scale.t0 <= start and end <= scale.t1 == T_MAX  # no view reaches past 9999, so not centred
    assert 0.0 < scale.x_of(start) < 0.1 * 800


def test_fit_at_the_ends_of_time_stays_representable() -> None:
    assert in_bounds(TimeScale.fit(T_MIN, T_MIN, 800.0))
    assert TimeScale.fit(T_MIN, T_MIN, 800.0).t0 == T_MIN
    assert TimeScale.fit(T_MAX, T_MAX, 800.0).t1 == T_MAX
    assert in_bounds(TimeScale.fit(T_MIN, T_MAX, 800.0))


@pytest.mark.parametrize("margin", [-0.1, 0.5, 0.7, math.nan])
def test_fit_refuses_impossible_margins(margin: float) -> None:
    with pytest.raises(ValueError):
        TimeScale.fit(0.0, DAY, 800.0, margin_fraction=margin)


# -- clamp_to ------------------------------------------------------------------------------------


def test_clamp_to_by_example() -> None:
    lo, hi = seconds_from_calendar(2018), seconds_from_calendar(2019)
    inside = TimeScale(lo + DAY, lo + 11 * DAY, 1000.0)
    assert inside.clamp_to(lo, hi) is inside
    far_right = TimeScale(hi + 100 * DAY, hi + 110 * DAY, 1000.0)
    clamped = far_right.clamp_to(lo, hi)
    assert clamped.t0 == hi  # the last of the data sits at the left edge, one view-width of void after it
    assert clamped.span == pytest.approx(10 * DAY)
    far_left = TimeScale(lo - 110 * DAY, lo - 100 * DAY, 1000.0)
    clamped = far_left.clamp_to(lo, hi)
    assert clamped.t1 == pytest.approx(lo)
    assert clamped.span == pytest.approx(10 * DAY)
    # a view wider than the data may hold it anywhere, but no further out
    wide = TimeScale(lo - 5 * YEAR, lo - 3 * YEAR, 1000.0)
    assert wide.clamp_to(lo, hi).t1 == pytest.approx(lo)


@given(mid_scales(), st.floats(MID_LO, MID_HI), st.floats(0.0, 50 * YEAR))
def test_clamp_to_always_keeps_the_data_within_reach(scale: TimeScale, lo: float, length: float) -> None:
    hi = lo + length
    clamped = scale.clamp_to(lo, hi)
    tolerance = 1e-6 * clamped.seconds_per_pixel + 1e-3
    assert clamped.t0 <= hi + tolerance
    assert clamped.t1 >= lo - tolerance
    assert clamped.span == pytest.approx(scale.span, rel=1e-9, abs=pixel_tolerance(clamped) * clamped.seconds_per_pixel)
    assert clamped.clamp_to(lo, hi).t0 == pytest.approx(clamped.t0)
    # it moves only a scale that had wandered off
    within_reach = lo - scale.span <= scale.t0 <= hi
    assert (clamped is scale) == within_reach
