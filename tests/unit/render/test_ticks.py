"""Axis ticks: calendar alignment, no overlapping labels, two tiers, bounded work."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.model.dates import MIN_YEAR
from viewer.model.zones import UTC, parse_zone
from viewer.render.scale import (
    MAX_SPAN,
    MIN_SPAN,
    T_MAX,
    T_MIN,
    TimeScale,
    datetime_from_seconds,
    min_span_at,
    seconds_from_calendar,
)
from viewer.render.ticks import (
    MAX_TICKS,
    MONTH_ABBREVIATIONS,
    AxisTicks,
    Tick,
    choose_ticks,
    format_time_for_tooltip,
    sticky_major_label_x,
)

TextWidth = Callable[[str], float]

DAY = 86400.0
EPSILON = 1e-6  # pixels of float rounding allowed in the overlap checks


def seven(text: str) -> float:
    """The fake font of the brief: 7 px per character."""
    return 7.0 * len(text)


def proportional(text: str) -> float:
    """A font whose glyphs differ in width, so labels of one tier differ in width too."""
    return sum(4.0 + (ord(c) * 7919) % 9 for c in text)


def wide_digits(text: str) -> float:
    return 500.0 if text.isdigit() else seven(text)


def axis_for(start: float, end: float, width: float, text_width: TextWidth = seven) -> AxisTicks:
    """The axis of the window that opens on [start, end] (with `TimeScale.fit`'s margins)."""
    return choose_ticks(TimeScale.fit(start, end, width), text_width)


def labels(ticks: list[Tick]) -> list[str]:
    return [tick.label for tick in ticks]


# -- the calendar, independently of the module under test ---------------------------------------

_UNIT = re.compile(r"(\d+)(min|h|d|mo|y)")
_DAY_SETS = {"5d": (1, 5, 10, 15, 20, 25), "10d": (1, 10, 20)}
# An independent calendar: 400-year cycles of 146,097 days moved into datetime's years 1-9999.
_CYCLE = 146_097 * DAY


def _calendar(t: float) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of `t` in astronomical years, by whole 400-year cycles."""
    cycles = 0
    first = -62135596800.0  # 0001-01-01 in seconds since 1970
    if t < first:
        cycles = math.ceil((first - t) / _CYCLE)
        t += cycles * _CYCLE
    when = datetime_from_seconds(t)
    return when.year - 400 * cycles, when.month, when.day, when.hour, when.minute, when.second


def _seconds(year: int, month: int = 1, day: int = 1) -> float | None:
    return seconds_from_calendar(year, month, day) if MIN_YEAR <= year <= 9999 else None


def _from_month_serial(serial: int, day: int = 1) -> float | None:
    year, month0 = divmod(serial, 12)
    return _seconds(year, month0 + 1, day)


def _year_ticks(year: int, n: int, direction: int) -> int | None:
    """The next year tick of an n-year unit: multiples of n AD, and n BC, 2n BC ... (astronomical 1 - kn)."""
    if year >= 1:
        following = year + direction * n
        if following < 1:
            return 1 - n  # from the first multiple of n AD back to n BC
        return following
    bc = 1 - year
    following_bc = bc - direction * n
    if following_bc < 1:
        return n  # from n BC forward to n AD
    return 1 - following_bc


def step(t: float, unit: str, direction: int) -> float | None:
    """The next (direction 1) or previous (-1) tick of `unit` after the aligned tick `t`, or None
    outside the representable years."""
    match = _UNIT.fullmatch(unit)
    assert match, unit
    n, kind = int(match[1]), match[2]
    year, month, day, *_ = _calendar(t)
    if kind in ("h", "min") or unit == "1d":
        seconds = n * {"h": 3600.0, "min": 60.0, "d": DAY}[kind]
        result = t + direction * seconds
        return result if T_MIN <= result < T_MAX else None
    serial = year * 12 + month - 1
    if kind == "d":
        days = _DAY_SETS[unit]
        k = days.index(day) + direction
        if 0 <= k < len(days):
            return seconds_from_calendar(year, month, days[k])
        return _from_month_serial(serial + direction, days[0] if direction > 0 else days[-1])
    if kind == "mo":
        return _from_month_serial(serial + direction * n)
    following = _year_ticks(year, n, direction)
    return _seconds(following) if following is not None else None


def is_aligned(t: float, unit: str) -> bool:
    """Whether `t` is a boundary of `unit`: on the minute, the hour, at midnight, on the 1st, on 1 January
    of a year AD that is a multiple of the step, or of a year BC that is."""
    match = _UNIT.fullmatch(unit)
    assert match, unit
    n, kind = int(match[1]), match[2]
    year, month, day, hour, minute, second = _calendar(t)
    if second:
        return False
    if kind == "min":
        return (hour * 60 + minute) % n == 0
    if minute:
        return False
    if kind == "h":
        return hour % n == 0
    if hour:
        return False
    if unit == "1d":
        return True
    if kind == "d":
        return day in _DAY_SETS[unit]
    if day != 1:
        return False
    if kind == "mo":
        return (month - 1) % n == 0
    return month == 1 and (year % n == 0 if year >= 1 else (1 - year) % n == 0)


# -- invariants that must hold for every scale ---------------------------------------------------


def check_tier(scale: TimeScale, ticks: list[Tick], unit: str | None) -> None:
    """Aligned, complete (no tick skipped) and exactly one tick beyond each edge where one exists."""
    if not ticks:
        return
    assert unit is not None
    assert len([tick for tick in ticks if scale.t0 <= tick.t <= scale.t1]) <= MAX_TICKS
    for tick in ticks:
        assert is_aligned(tick.t, unit), (format_time_for_tooltip(tick.t), unit)
        assert tick.x == scale.x_of(tick.t)
        assert tick.label
    for a, b in itertools.pairwise(ticks):
        assert step(a.t, unit, 1) == b.t  # consecutive: no tick, and so no label, left out
    before, after = step(ticks[0].t, unit, -1), step(ticks[-1].t, unit, 1)
    if before is not None:
        assert ticks[0].t < scale.t0  # the sticky one, just beyond the left edge ...
    if after is not None:
        assert ticks[-1].t > scale.t1
    assert len([tick for tick in ticks if tick.t < scale.t0]) <= 1  # ... and no more than one
    assert len([tick for tick in ticks if tick.t > scale.t1]) <= 1


def check_no_overlap(
    axis: AxisTicks, text_width: TextWidth, min_gap: float, major_text_width: TextWidth | None = None
) -> None:
    """Labels of either tier may be drawn centred on their ticks or starting at them (module doc)."""
    major_text_width = major_text_width or text_width
    for ticks, width in ((axis.minor, text_width), (axis.major, major_text_width)):
        for a, b in itertools.pairwise(ticks):
            assert b.x - a.x >= (width(a.label) + width(b.label)) / 2 + min_gap - EPSILON, (a, b)  # centred
            assert b.x - a.x >= width(a.label) + min_gap - EPSILON, (a, b)  # left-aligned
    sticky = sticky_major_label_x(axis, major_text_width, min_gap)
    if sticky is not None:
        tick, x = sticky
        after = [t for t in axis.major if t.t > tick.t]
        if after:
            assert x + major_text_width(tick.label) + min_gap <= after[0].x + EPSILON


@st.composite
def scales(draw: st.DrawFn, lo: float = T_MIN, hi: float = T_MAX) -> TimeScale:
    """Scales of every zoom level (log-uniform span) anywhere in [lo, hi], ends included."""
    log_span = draw(st.floats(math.log(MIN_SPAN), math.log(MAX_SPAN)))
    span = min(max(math.exp(log_span), MIN_SPAN), MAX_SPAN, hi - lo)
    t0 = draw(st.one_of(st.just(lo), st.just(hi - span), st.floats(lo, hi - span)))
    span = min(max(span, min_span_at(t0, t0)), hi - t0)
    return TimeScale(t0, min(t0 + span, hi), draw(st.floats(1.0, 4000.0)))


FONTS = st.sampled_from([seven, proportional, wide_digits])


@given(scales(), FONTS, st.one_of(st.none(), FONTS), st.floats(0.0, 40.0))
def test_labels_never_overlap_and_ticks_follow_the_calendar(
    scale: TimeScale, text_width: TextWidth, major_text_width: TextWidth | None, min_gap: float
) -> None:
    axis = choose_ticks(scale, text_width, min_gap, major_text_width)
    check_no_overlap(axis, text_width, min_gap, major_text_width)
    check_tier(scale, axis.minor, axis.minor_unit)
    check_tier(scale, axis.major, axis.major_unit)
    if not axis.major:
        assert axis.major_unit is None


@given(scales(), st.floats(0.0, 10.0))
def test_work_is_bounded_by_the_screen_not_the_span(scale: TimeScale, char_width: float) -> None:
    # Tiny labels and no gap: only MAX_TICKS stands between a 500-year view and millions of hour ticks.
    axis = choose_ticks(scale, lambda text: char_width * len(text), min_gap=0.0)
    assert len(axis.minor) <= MAX_TICKS + 2
    assert len(axis.major) <= MAX_TICKS + 2


def test_the_widest_view_with_weightless_labels_is_still_bounded() -> None:
    scale = TimeScale(T_MIN, T_MAX, 100_000.0)
    axis = choose_ticks(scale, lambda text: 0.0, min_gap=0.0)
    assert 0 < len(axis.minor) <= MAX_TICKS + 2


MID = (seconds_from_calendar(1100), seconds_from_calendar(8900))


@given(scales(*MID), st.floats(-3.0, 3.0))
def test_the_units_depend_on_the_zoom_not_on_panning(scale: TimeScale, views: float) -> None:
    """Labels of equal width: the chosen units must not flicker as a February or a 31st scrolls by."""
    panned = scale.pan_by(views * scale.width)

    def width(text: str) -> float:
        return 30.0

    first, second = choose_ticks(scale, width), choose_ticks(panned, width)
    assert (first.minor_unit, first.major_unit) == (second.minor_unit, second.major_unit)


def test_no_ticks_rather_than_overlapping_ones() -> None:
    scale = TimeScale(0.0, MIN_SPAN, 100.0)
    # Even 500-million-year ticks are far apart here; labels wider than that cannot be placed.
    assert choose_ticks(scale, lambda text: 1e18) == AxisTicks([], [], None, None)


def test_min_gap_must_be_a_distance() -> None:
    with pytest.raises(ValueError):
        choose_ticks(TimeScale(0.0, DAY, 100.0), seven, min_gap=-1.0)


# -- what the user sees at typical zoom levels ---------------------------------------------------


def test_seventy_years_on_a_wide_screen_shows_years_under_decades() -> None:
    axis = axis_for(seconds_from_calendar(1950), seconds_from_calendar(2019, 12, 31), 1920)
    assert axis.minor_unit == "2y"  # 1y labels ("1958", 28 px + 12) need 40 px; a year gets ~25 px
    visible = [tick for tick in axis.minor if 0 <= tick.x <= 1920]
    assert labels(visible)[0] == "1948"
    assert {"1950", "1980", "2018"} <= set(labels(visible))
    assert all(re.fullmatch(r"\d{4}", tick.label) and int(tick.label) % 2 == 0 for tick in axis.minor)
    assert axis.major_unit == "10y"
    assert labels(axis.major) == [f"{decade}s" for decade in range(1940, 2040, 10)]


def test_two_days_show_hours_under_days() -> None:
    start = seconds_from_calendar(2019, 2, 27)
    axis = axis_for(start, start + 2 * DAY, 1200)
    assert axis.minor_unit == "3h"
    assert labels(axis.minor)[:4] == ["21:00", "00:00", "03:00", "06:00"]
    assert axis.major_unit == "1d"
    assert labels(axis.major) == ["26 Feb 2019", "27 Feb 2019", "28 Feb 2019", "1 Mar 2019", "2 Mar 2019"]
    assert axis.major[1].t == start


def test_six_hours_show_every_hour() -> None:
    t = seconds_from_calendar(2019, 2, 27, 14)
    axis = choose_ticks(TimeScale(t - 3 * 3600, t + 3 * 3600, 500), seven)
    assert axis.minor_unit == "1h"
    assert labels(axis.minor) == [f"{h:02d}:00" for h in range(10, 19)]
    assert labels(axis.major) == ["27 Feb 2019", "28 Feb 2019"]


def test_ten_minutes_show_every_minute() -> None:
    t = seconds_from_calendar(2019, 2, 28, 17)
    axis = choose_ticks(TimeScale(t, t + 600, 1200), seven)
    assert axis.minor_unit == "1min"
    assert labels(axis.minor)[:3] == ["16:59", "17:00", "17:01"]
    assert labels(axis.major) == ["27 Feb 2019", "28 Feb 2019"][1:] or axis.major_unit == "1d"


def test_hours_follow_the_display_zone_and_the_major_labels_name_it() -> None:
    """Midnight in Hanoi is 17:00 UTC: the day ticks sit there, and say so."""
    start = seconds_from_calendar(2019, 2, 27, 17)  # 00:00 on 28 February in Hanoi
    hanoi = parse_zone("Asia/Ho_Chi_Minh")
    axis = choose_ticks(TimeScale(start - 6 * 3600, start + 6 * 3600, 1200), seven, zone=hanoi)
    assert axis.minor_unit in ("15min", "30min", "1h", "3h")
    day = next(tick for tick in axis.major if tick.t == start)
    assert day.label == "28 Feb 2019 (UTC+07)"
    assert "00:00" in labels(axis.minor)
    new_york = parse_zone("America/New_York")
    sotu = seconds_from_calendar(2019, 2, 6, 2, 10)  # 21:10 EST on 5 February
    axis = choose_ticks(TimeScale(sotu - 3 * 3600, sotu + 3 * 3600, 1200), seven, zone=new_york)
    assert "5 Feb 2019 (EST)" in labels(axis.major) or "6 Feb 2019 (EST)" in labels(axis.major)
    assert format_time_for_tooltip(sotu, new_york) == "5 Feb 2019 21:10 EST"
    assert format_time_for_tooltip(sotu, UTC) == "6 Feb 2019 02:10 UTC"


def test_a_daylight_saving_change_moves_the_hour_ticks_with_the_clocks() -> None:
    new_york = parse_zone("America/New_York")
    change = seconds_from_calendar(2019, 3, 10, 7)  # 03:00 EDT, an hour after 02:00 EST would have been
    axis = choose_ticks(TimeScale(change - 6 * 3600, change + 6 * 3600, 2400), seven, zone=new_york)
    hours = {tick.label: tick.t for tick in axis.minor}
    assert hours["03:00"] - hours["01:00"] == 3600  # 02:00 never happened
    assert "02:00" not in hours


def test_bc_years_and_centuries_read_round() -> None:
    axis = axis_for(seconds_from_calendar(-499), seconds_from_calendar(-43), 1200)
    in_view = [tick for tick in axis.minor if tick.x <= 1200]
    assert all(re.fullmatch(r"\d+ BC", label) for label in labels(in_view)), labels(axis.minor)
    assert "100 BC" in labels(axis.minor) and "500 BC" in labels(axis.minor)
    for tick in in_view:  # 100 BC is the astronomical year -99
        bc = int(tick.label.split()[0])
        assert tick.t == seconds_from_calendar(1 - bc)
    around_ad_1 = axis_for(seconds_from_calendar(-300), seconds_from_calendar(300), 1200)
    assert "0 BC" not in labels(around_ad_1.minor) and "0" not in labels(around_ad_1.minor)
    assert "100 BC" in labels(around_ad_1.minor) and "100" in labels(around_ad_1.minor)


def test_deep_time_reads_in_millions_of_years() -> None:
    axis = axis_for(seconds_from_calendar(-100_000_000), seconds_from_calendar(2019), 1600)
    assert axis.minor_unit is not None and axis.minor_unit.endswith("00000y")
    assert "60 million years ago" in labels(axis.minor) or "50 million years ago" in labels(axis.minor)
    assert all(label.endswith("million years ago") for label in labels(axis.minor) if "BC" not in label)
    around_dinosaurs = axis_for(seconds_from_calendar(-67_000_000), seconds_from_calendar(-65_000_000), 1600)
    assert any(label.endswith("million years ago") for label in labels(around_dinosaurs.minor))
    for scale in (TimeScale.fit(seconds_from_calendar(-66_000_000), seconds_from_calendar(-65_999_000), 1000),
                  TimeScale.fit(seconds_from_calendar(-11_000), seconds_from_calendar(-9_000), 1000)):  # fmt: skip
        axis = choose_ticks(scale, seven)
        check_tier(scale, axis.minor, axis.minor_unit)
        check_no_overlap(axis, seven, 12.0)
        assert axis.minor


def test_a_few_years_show_months_under_years() -> None:
    axis = axis_for(seconds_from_calendar(2017), seconds_from_calendar(2019, 12, 31), 1600)
    assert axis.minor_unit == "1mo"
    assert set(labels(axis.minor)) == set(MONTH_ABBREVIATIONS)
    for tick in axis.minor:  # months start on the 1st at midnight
        when = datetime_from_seconds(tick.t)
        assert (when.day, when.hour, when.minute, when.second) == (1, 0, 0, 0)
        assert tick.t == seconds_from_calendar(when.year, when.month)
        assert tick.label == MONTH_ABBREVIATIONS[when.month - 1]
    assert axis.major_unit == "1y"
    assert labels(axis.major) == ["2016", "2017", "2018", "2019", "2020", "2021"]  # the margin shows 2020
    for tick in axis.major:
        assert tick.t == seconds_from_calendar(int(tick.label))


def test_a_month_shows_days_under_months() -> None:
    axis = axis_for(seconds_from_calendar(2019, 2, 1), seconds_from_calendar(2019, 2, 28), 1600)
    assert axis.minor_unit == "1d"
    assert labels(axis.minor)[:3] == ["30", "31", "1"]  # 30 Jan is the one off-screen tick
    assert labels(axis.minor)[-3:] == ["28", "1", "2"]  # no 29 Feb in 2019
    for tick in axis.minor:
        assert tick.t % DAY == 0  # midnight
    assert axis.major_unit == "1mo"
    assert labels(axis.major) == ["January 2019", "February 2019", "March 2019", "April 2019"]


def test_months_show_days_in_steps_of_five() -> None:
    axis = axis_for(seconds_from_calendar(2019, 1, 1), seconds_from_calendar(2019, 3, 31), 1600)
    assert axis.minor_unit == "5d"
    assert labels(axis.minor)[:8] == ["25", "1", "5", "10", "15", "20", "25", "1"]
    assert labels(axis.major)[:4] == ["December 2018", "January 2019", "February 2019", "March 2019"]


def test_a_year_shows_days_of_the_month_in_round_steps() -> None:
    axis = axis_for(seconds_from_calendar(2019), seconds_from_calendar(2019, 12, 31), 1920)
    assert axis.minor_unit == "10d"
    assert set(labels(axis.minor)) == {"1", "10", "20"}
    assert axis.major_unit == "1mo"


def test_centuries_show_no_major_tier() -> None:
    axis = axis_for(seconds_from_calendar(1066), seconds_from_calendar(1485), 1000)
    assert axis.minor_unit is not None
    assert int(axis.minor_unit.removesuffix("y")) >= 10
    assert axis.major == []
    assert axis.major_unit is None


def test_without_room_for_a_major_tier_the_minor_labels_carry_the_year() -> None:
    # Labels made only of digits (the year tier's "2019") are too wide for any year tier.
    def no_room_for_years(text: str) -> float:
        return 1e6 if text.isdigit() else seven(text)

    axis = axis_for(seconds_from_calendar(2018), seconds_from_calendar(2019, 12, 31), 1000, no_room_for_years)
    assert axis.major == []
    assert axis.minor_unit == "3mo"
    assert labels(axis.minor)[:3] == ["Oct 2017", "Jan 2018", "Apr 2018"]


def test_a_crowded_major_tier_is_thinned_to_a_coarser_unit() -> None:
    # "2018" is 500 px wide: 1-year major ticks (~460 px apart) would overlap, every 2nd year fits.
    axis = axis_for(seconds_from_calendar(2018), seconds_from_calendar(2019, 12, 31), 1000, wide_digits)
    assert axis.minor_unit == "1mo"
    assert axis.major_unit == "2y"
    assert labels(axis.major) == ["2016", "2018", "2020", "2022"]
    assert axis.major_thinned
    check_no_overlap(axis, wide_digits, 12.0)
    # "2016" would be pinned at the left edge, which is in 2017: better no sticky label than a wrong one
    assert sticky_major_label_x(axis, wide_digits) is None


def test_major_labels_are_measured_in_their_own_font() -> None:
    start, end = seconds_from_calendar(2019, 1, 1), seconds_from_calendar(2019, 3, 31)
    assert choose_ticks(TimeScale.fit(start, end, 1600), seven).major_unit == "1mo"

    def big_font(text: str) -> float:
        return 40.0 * len(text)  # "February 2019" is 520 px; "Feb 2019" 320 px fits a ~490 px month

    axis = choose_ticks(TimeScale.fit(start, end, 1600), seven, major_text_width=big_font)
    assert axis.minor_unit == "5d"  # the minor tier is unaffected
    assert labels(axis.major)[:2] == ["Dec 2018", "Jan 2019"]
    check_no_overlap(axis, seven, 12.0, big_font)


def test_long_month_names_give_way_to_short_ones() -> None:
    def long_is_wide(text: str) -> float:
        return 400.0 if len(text) > 8 else seven(text)

    axis = axis_for(seconds_from_calendar(2019, 1, 1), seconds_from_calendar(2019, 6, 30), 1000, long_is_wide)
    assert axis.major_unit == "1mo"
    assert labels(axis.major)[:3] == ["Dec 2018", "Jan 2019", "Feb 2019"]


def test_ticks_at_the_ends_of_time() -> None:
    for scale in (TimeScale(T_MIN, T_MIN + MAX_SPAN, 1000.0), TimeScale(T_MAX - MAX_SPAN, T_MAX, 1000.0)):
        axis = choose_ticks(scale, seven)
        assert axis.minor
        check_tier(scale, axis.minor, axis.minor_unit)
    scale = TimeScale(T_MAX - 6 * 3600, T_MAX, 800.0)
    axis = choose_ticks(scale, seven)
    assert labels(axis.minor)[-1] == "23:30"  # no tick at the unrepresentable 10000-01-01
    assert labels(axis.major) == ["31 Dec 9999"]
    scale = TimeScale(T_MIN, T_MIN + 300 * DAY, 800.0)
    axis = choose_ticks(scale, seven)
    assert axis.minor[0].t == T_MIN
    assert labels(axis.major)[0].endswith("280,000,001 BC")


# -- sticky major label and tooltip --------------------------------------------------------------


def test_sticky_major_label_is_pinned_then_pushed_out() -> None:
    def axis(*major: Tick) -> AxisTicks:
        return AxisTicks([], list(major), "1mo", "1y")

    width = seven("2019")  # 28 px
    pinned = axis(Tick(0.0, -300.0, "2019"), Tick(1.0, 200.0, "2020"))
    assert sticky_major_label_x(pinned, seven, 12.0) == (pinned.major[0], 0.0)
    pushed = axis(Tick(0.0, -300.0, "2019"), Tick(1.0, 30.0, "2020"))
    assert sticky_major_label_x(pushed, seven, 12.0) == (pushed.major[0], 30.0 - width - 12.0)
    at_edge = axis(Tick(0.0, 0.0, "2019"), Tick(1.0, 300.0, "2020"))
    assert sticky_major_label_x(at_edge, seven, 12.0) == (at_edge.major[0], 0.0)
    assert sticky_major_label_x(axis(Tick(0.0, 5.0, "2019")), seven) is None
    assert sticky_major_label_x(axis(), seven) is None


def test_sticky_major_label_on_a_real_axis() -> None:
    axis = axis_for(seconds_from_calendar(2018, 8, 1), seconds_from_calendar(2020, 5, 1), 1000)
    assert axis.major_unit == "1y" and not axis.major_thinned
    sticky = sticky_major_label_x(axis, seven)
    assert sticky is not None
    assert sticky[0].label == "2018"  # the year the left edge is in
    assert sticky[1] == 0.0


def test_tooltip_format() -> None:
    assert format_time_for_tooltip(seconds_from_calendar(2019, 2, 27, 14)) == "27 Feb 2019 14:00"
    assert format_time_for_tooltip(seconds_from_calendar(2019, 2, 27, 14, 59, 59.999)) == "27 Feb 2019 14:59"
    assert format_time_for_tooltip(-1.0) == "31 Dec 1969 23:59"
    assert format_time_for_tooltip(seconds_from_calendar(1)) == "1 Jan 1 00:00"
    assert format_time_for_tooltip(seconds_from_calendar(-43, 3, 15, 12)) == "15 Mar 44 BC 12:00"
    assert format_time_for_tooltip(T_MAX) == "31 Dec 9999 23:59"
    with pytest.raises(ValueError):
        format_time_for_tooltip(T_MAX + 1)
    with pytest.raises(ValueError):
        format_time_for_tooltip(math.nan)
