"""The mapping between time and horizontal pixels, and the ways the user can change it.

Times follow the project's convention: a float number of seconds since 1970-01-01T00:00:00 UTC in the
proleptic Gregorian calendar (negative before 1970), from 280 million years ago (about -8.8e15 s: every
whole second there is still exactly a float64) to the end of 9999.

This module is pure (no Qt) so that zooming and panning, where off-by-a-pixel and drift bugs hide, can be
tested exhaustively with hypothesis without a display. A `TimeScale` is immutable: every gesture returns
a new scale, so a widget can keep the scale it had when a drag started and derive each frame from it
without accumulating rounding error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import overload

import numpy as np
import numpy.typing as npt

from viewer.model.calendar_math import days_in_month
from viewer.model.dates import MAX_YEAR, MIN_YEAR, SECONDS_PER_DAY, civil_from_seconds, seconds_from_civil

__all__ = [
    "MAX_SPAN",
    "MIN_SPAN",
    "MIN_WIDTH",
    "SECONDS_PER_DAY",
    "SECONDS_PER_HOUR",
    "T_MAX",
    "T_MIN",
    "WHEEL_NOTCH",
    "WHEEL_NOTCH_FACTOR",
    "FloatArray",
    "TimeScale",
    "datetime_from_seconds",
    "min_span_at",
    "seconds_from_calendar",
    "zoom_factor_for_wheel",
]

FloatArray = npt.NDArray[np.float64]

SECONDS_PER_HOUR = 3600.0

#: The first representable instant: 1 January of the year MIN_YEAR (280 million years ago).
T_MIN: float = seconds_from_civil(MIN_YEAR, 1, 1)
#: The end of the last representable day, 9999-12-31T24:00 (a view may end here; no date starts here).
T_MAX: float = seconds_from_civil(MAX_YEAR + 1, 1, 1)

#: The narrowest view: ten minutes, so that a press conference's minutes can be told apart.
MIN_SPAN: float = 10 * 60.0
#: Float64 seconds far from 1970 are coarser (1 s 280 million years ago): a view is never narrower than
#: this fraction of its distance from 1970, so a pixel still holds hundreds of distinct instants. For all
#: of recorded history that is below MIN_SPAN; 66 million years ago it is about 5 days.
MIN_SPAN_FRACTION = 2.0**-32

#: The widest view: all of the representable time, so that deep time (66 million years ago, or 280)
#: fits on one screen with the present. Panning still keeps the data in view (`clamp_to`).
MAX_SPAN: float = T_MAX - T_MIN

#: A hidden or collapsed widget reports a width of 0; `with_width` and `fit` use this instead so the
#: visible time range survives and comes back intact when the widget is shown again.
MIN_WIDTH = 1.0

#: Qt reports wheel rotation in eighths of a degree; one notch of a usual mouse wheel is 15°, i.e. 120.
WHEEL_NOTCH = 120.0
#: Zoom factor of one wheel notch: small enough to stay in control, large enough to cross centuries fast.
WHEEL_NOTCH_FACTOR = 1.25
# A flung touchpad can report huge deltas; more notches than this would overflow `**` and the span is
# clamped to [MIN_SPAN, MAX_SPAN] long before anyway.
_MAX_WHEEL_NOTCHES = 100.0


def seconds_from_calendar(
    year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0, second: float = 0.0
) -> float:
    """Seconds since the epoch of a calendar date and time of day in UTC (proleptic Gregorian,
    astronomical years: 0 is 1 BC).

    Raises ValueError for a date that does not exist, so a typo in a test or a caller is not silently
    turned into a neighbouring day.
    """
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        raise ValueError(f"there is no day {year}-{month}-{day}")
    return seconds_from_civil(year, month, day, hour, minute, second)


def datetime_from_seconds(t: float) -> datetime:
    """The naive `datetime` of a time, truncated (not rounded) to the second, for years 1 to 9999.

    Truncating means 14:59:59.9 is still 14:59, so a label never claims a later hour or day than the
    instant it describes (tick positions use the same floor). Raises ValueError before year 1, which
    `datetime` cannot represent (`civil_from_seconds` reaches every year).
    """
    year, month, day, hour, minute, second = civil_from_seconds(t)
    if not 1 <= year <= MAX_YEAR:
        raise ValueError(f"time {t!r} is outside the years 1 to 9999 that datetime can represent")
    return datetime(year, month, day, hour, minute, second)


def min_span_at(t0: float, t1: float) -> float:
    """The narrowest view around [t0, t1]: MIN_SPAN, or wider where float64 seconds are too coarse."""
    return max(MIN_SPAN, max(abs(t0), abs(t1)) * MIN_SPAN_FRACTION)


def zoom_factor_for_wheel(angle_delta_degrees_times_8: float) -> float:
    """The zoom factor for a wheel event's `angleDelta()` (in eighths of a degree).

    One notch (120) zooms in by 1.25; turning back (-120) undoes it exactly (0.8). The factor is
    exponential in the delta so fractional notches compose: a touchpad that reports 60 then 60 zooms as
    much as one 120 notch. A float is accepted so high-resolution pixel deltas can be passed as
    fractional notches. Positive deltas (wheel pushed away from the user) zoom in.
    """
    notches = float(angle_delta_degrees_times_8) / WHEEL_NOTCH
    if math.isnan(notches):
        raise ValueError("wheel delta is NaN")
    notches = min(max(notches, -_MAX_WHEEL_NOTCHES), _MAX_WHEEL_NOTCHES)
    return float(WHEEL_NOTCH_FACTOR**notches)


def _clamp(value: float, lo: float, hi: float) -> float:
    return min(max(value, lo), hi)


def _check_finite(name: str, value: float) -> None:
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, not {value!r}")


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A linear map from time to pixels: x = 0 at `t0`, x = `width` at `t1`.

    The constructor only insists on what every method relies on (finite values, t0 < t1 inside the
    representable years, a positive width); it does not force the span into [MIN_SPAN, MAX_SPAN], so a
    caller can build any scale it needs. The gestures (`zoom_about`, `fit`) are what keep the span in
    bounds, and every method keeps the view inside the representable years.
    """

    t0: float
    t1: float
    width: float

    def __post_init__(self) -> None:
        for name in ("t0", "t1", "width"):
            _check_finite(name, getattr(self, name))
        if self.width <= 0:
            raise ValueError(f"width must be positive, not {self.width!r}")
        if not self.t0 < self.t1:
            raise ValueError(f"t0 ({self.t0!r}) must be before t1 ({self.t1!r})")
        if self.t0 < T_MIN or self.t1 > T_MAX:
            raise ValueError(f"[{self.t0!r}, {self.t1!r}] leaves the representable years")

    # -- mapping ---------------------------------------------------------------------------------

    @property
    def span(self) -> float:
        """The visible duration in seconds."""
        return self.t1 - self.t0

    @property
    def seconds_per_pixel(self) -> float:
        """How much time one pixel covers; the natural measure of the zoom level."""
        return (self.t1 - self.t0) / self.width

    @overload
    def x_of(self, t: float) -> float: ...
    @overload
    def x_of(self, t: FloatArray) -> FloatArray: ...
    def x_of(self, t: float | FloatArray) -> float | FloatArray:
        """The x of a time, or of each time in an array (vectorised: thousands of events per frame)."""
        return (t - self.t0) * (self.width / (self.t1 - self.t0))

    @overload
    def t_of(self, x: float) -> float: ...
    @overload
    def t_of(self, x: FloatArray) -> FloatArray: ...
    def t_of(self, x: float | FloatArray) -> float | FloatArray:
        """The time at an x, or at each x in an array; the inverse of `x_of`."""
        return self.t0 + x * ((self.t1 - self.t0) / self.width)

    # -- gestures --------------------------------------------------------------------------------

    def zoom_about(self, x: float, factor: float) -> TimeScale:
        """Zoom by `factor` (> 1 zooms in) keeping the time under pixel `x` under `x`.

        Keeping the anchor fixed is what makes wheel zoom feel like magnifying the spot under the
        pointer. The new span is clamped to [MIN_SPAN, MAX_SPAN]; the anchor stays put when it is, so
        wheeling on past the limit does nothing rather than sliding the view. Only at the very ends of
        the representable years does the view shift (and the anchor with it), since no view may leave them.
        """
        _check_finite("x", x)
        if not (math.isfinite(factor) and factor > 0):
            raise ValueError(f"zoom factor must be finite and positive, not {factor!r}")
        anchor = self.t_of(x)
        span = _clamp(self.span / factor, min_span_at(anchor, anchor), MAX_SPAN)
        return self._placed(anchor - (x / self.width) * span, span, self.width)

    def pan_by(self, dx_pixels: float) -> TimeScale:
        """Move the view `dx_pixels` pixels' worth of time later (negative: earlier), keeping the span.

        The sign follows a scroll bar: positive shows later times, so the content moves left. A drag
        handler that wants the content to follow the pointer passes `press_x - pointer_x`, ideally to the
        scale saved at the press so the drag does not accumulate rounding.
        """
        _check_finite("dx_pixels", dx_pixels)
        return self._placed(self.t0 + dx_pixels * self.seconds_per_pixel, self.span, self.width)

    def pan_to_center(self, t: float) -> TimeScale:
        """Centre the view on `t` at the current zoom (e.g. to bring a selected event into view)."""
        _check_finite("t", t)
        return self._placed(t - self.span / 2, self.span, self.width)

    def with_width(self, width: float) -> TimeScale:
        """The scale for a widget resized to `width` pixels, showing the same time range.

        A resize keeps the visible range rather than the seconds per pixel: what the user chose to look
        at (say, 2018-2019) stays in view whatever the window size, instead of a maximised window
        suddenly revealing years the user never asked for. It also means a resize can never push the
        span outside [MIN_SPAN, MAX_SPAN]. Widths below MIN_WIDTH (a hidden widget reports 0) are raised
        to it so the range survives.
        """
        _check_finite("width", width)
        return TimeScale(self.t0, self.t1, max(width, MIN_WIDTH))

    @classmethod
    def fit(cls, t_start: float, t_end: float, width: float, margin_fraction: float = 0.04) -> TimeScale:
        """A scale showing [t_start, t_end] with `margin_fraction` of the width empty on each side.

        The margins keep the first and last events off the very edge of the window, where their labels
        would be cut. A span too short for MIN_SPAN (a single day, or one instant) is shown as
        MIN_SPAN centred on it; one too long for MAX_SPAN is shown as MAX_SPAN centred on its middle, so
        in that case the ends are outside the view. The arguments may be given in either order.
        """
        for name, value in (("t_start", t_start), ("t_end", t_end), ("width", width)):
            _check_finite(name, value)
        if not 0 <= margin_fraction < 0.5:
            raise ValueError(f"margin_fraction must be in [0, 0.5), not {margin_fraction!r}")
        lo, hi = min(t_start, t_end), max(t_start, t_end)
        lo, hi = _clamp(lo, T_MIN, T_MAX), _clamp(hi, T_MIN, T_MAX)
        span = _clamp((hi - lo) / (1 - 2 * margin_fraction), min_span_at(lo, hi), MAX_SPAN)
        middle = lo + (hi - lo) / 2
        scale = cls._placed(middle - span / 2, span, max(width, MIN_WIDTH))
        if hi - lo <= span and (scale.t0 > lo or scale.t1 < hi):
            # With no margin, rounding can leave an end a hair outside the view; "fit" must show both.
            scale = TimeScale(min(scale.t0, lo), max(scale.t1, hi), scale.width)
        return scale

    def clamp_to(self, t_min: float, t_max: float) -> TimeScale:
        """Keep the view within one view-width of the data [t_min, t_max], so the user cannot get lost.

        Precisely: the view may run at most one view-width past either end of the data, i.e. its left
        edge stays at or before `t_max` and its right edge at or after `t_min`. So some of the data's
        range always touches the screen, while it is still possible to pan the first or last event all
        the way to the opposite edge. The span is unchanged; returns `self` when no change is needed.
        """
        _check_finite("t_min", t_min)
        _check_finite("t_max", t_max)
        lo, hi = min(t_min, t_max), max(t_min, t_max)
        span = self.span
        # lo - span < hi always, so this interval for t0 is never empty.
        t0 = _clamp(self.t0, lo - span, hi)
        if t0 == self.t0:
            return self
        return self._placed(t0, span, self.width)

    @staticmethod
    def _placed(t0: float, span: float, width: float) -> TimeScale:
        """A scale of `span` starting at `t0`, shifted as little as needed to stay within the years."""
        span = min(span, T_MAX - T_MIN)
        t0 = _clamp(t0, T_MIN, T_MAX - span)
        return TimeScale(t0, min(t0 + span, T_MAX), width)
