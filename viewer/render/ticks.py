"""Choosing the time axis's ticks and labels so that labels never overlap.

Pure (no Qt): label widths come from a `text_width` callable, which the widget backs with
`QFontMetricsF.horizontalAdvance` and the tests with a fixed width per character.

Ticks sit on calendar boundaries computed with exact calendar arithmetic (months and years have
different lengths, so fixed numbers of seconds would drift off the 1st of the month): hours at multiples
of the unit since midnight, days at midnight, months on the 1st, years on 1 January of a multiple of the
unit. The units, finest to coarsest, are

    1min 5min 10min 15min 30min | 1h 3h 6h 12h | 1d 5d 10d | 1mo 3mo 6mo |
    1y 2y 5y 10y 20y 50y 100y 200y 500y 1000y ... 500000000y (1, 2, 5 in every power of ten)

where "5d" means days 1, 5, 10, 15, 20 and 25 of every month and "10d" days 1, 10 and 20: a fixed
7-day or 5-day step would wander through the month, while these restart on the 1st, carry round labels,
and still put the month boundaries of the coarser tier on a tick.

The finest unit whose labels fit wins. "Fit" is judged against the unit's shortest possible gap
(February for months, 25 Feb -> 1 Mar for "5d") rather than the gaps now in view: the widest label plus
`min_gap` must fit there. That is a little stricter than checking the neighbours in view, but it makes
the choice depend on the zoom level only, so the axis does not switch units back and forth while the
user pans across a February; and it implies that no two neighbouring labels overlap.

Layout: because the widest label of a tier must fit in the tier's shortest gap, neighbouring labels are
`min_gap` pixels apart or more whether the painter draws a tier's labels centred on their ticks or
starting at them (plus the same padding for every label of the tier, e.g. `MAJOR_LABEL_PAD`). Centred
suits minor labels, which name an instant or a short period; left-aligned suits major labels, which name
the period that starts at their tick. Labels must be measured in the font they are drawn in: pass
`major_text_width` when the major tier uses a different font.

Years are astronomical (year 0 is 1 BC) and reach back 280 million years. Year ticks of a step fall on the
years AD that are multiples of it and, before AD 1, on the years BC that are (100 BC, 200 BC: the
astronomical years -99, -199), so labels read round on both sides: "200 BC", "100 BC", "100", "200", and
with steps of a million years "66 million years ago". There is no year 0 in BC/AD counting, so no tick
there. Hours and minutes are counted in a display zone (UTC unless one is given): ticks sit on its
whole hours, and the major labels of an axis in hours or minutes say which zone it is.

Each tier holds the ticks with 0 <= x <= width plus the nearest tick beyond each edge (unless that
falls outside the representable years, which have no ticks before or after them). The extra tick on
the left is the start of the period in progress at the left edge, whose major label the painter draws
"sticky", pinned at the edge (see `sticky_major_label_x`) so the user always sees which year or month
they are in; the extra tick on the right lets a label that straddles the right edge be drawn too.

Work is proportional to the screen, not to the time span: a unit whose ticks would be too dense is
rejected from an estimate before any tick is generated, and no tier holds more than `MAX_TICKS` ticks
in view (plus the two beyond the edges), whatever the scale.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from viewer.model.calendar_math import civil_from_days, days_from_civil

# English and fixed, not the locale's: the axis must read the same as the dates of the chronology.
from viewer.model.dates import MAX_YEAR, MIN_YEAR, MONTH_ABBREVIATIONS, MONTH_NAMES, civil_from_seconds, year_words
from viewer.model.zones import Zone
from viewer.render.scale import SECONDS_PER_DAY, SECONDS_PER_HOUR, T_MAX, T_MIN, TimeScale

__all__ = [
    "MAJOR_LABEL_PAD",
    "MAX_TICKS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "AxisTicks",
    "Tick",
    "choose_ticks",
    "format_time_for_tooltip",
    "sticky_major_label_x",
]


#: Upper bound on the ticks of one tier inside the view (one more may lie beyond each edge). Labels
#: at least `min_gap` apart never need more on any real screen; the cap is what bounds the work when a
#: caller passes min_gap = 0 and tiny labels.
MAX_TICKS = 300

#: Suggested gap between a major tick and the start of its left-aligned label. Any padding applied to
#: every major label alike keeps the no-overlap guarantee.
MAJOR_LABEL_PAD = 4.0

_SECONDS_PER_MINUTE = 60.0


@dataclass(frozen=True, slots=True)
class Tick:
    """One tick: its time, its x in the scale it was chosen for, and the text to draw."""

    t: float
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class AxisTicks:
    """The two tiers of the axis, each sorted by time.

    `minor` are the fine ticks with short labels ("Feb", "27", "14:00"); `major` the coarser ticks that
    give those labels their context ("2019", "February 2019"), empty when there is no major tier. The
    unit names (e.g. "3h", "1mo", "10y"; see the module docstring) say which units were chosen, for
    tests and debugging; `major_unit` is None without a major tier. `major_thinned` says the major tier
    had to skip periods to fit (every 2nd year, say), so a major label no longer names every period
    the minor ticks fall in; `sticky_major_label_x` then draws no sticky label, which would mislead.
    """

    minor: list[Tick]
    major: list[Tick]
    minor_unit: str | None
    major_unit: str | None
    major_thinned: bool = False


# -- calendar units ------------------------------------------------------------------------------


class _Fields(NamedTuple):
    year: int
    month: int
    day: int
    hour: int
    minute: int = 0


def _day_seconds(year: int, month: int, day: int) -> float:
    return days_from_civil(year, month, day) * SECONDS_PER_DAY


def _civil_of(t: float) -> tuple[int, int, int]:
    """(year, month, day) of the day containing `t` (local seconds)."""
    return civil_from_days(int(t // SECONDS_PER_DAY))


def _in_years(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


class _Unit:
    """A calendar-aligned tick sequence, numbered by consecutive integers.

    `index_of(t)` is the number of the last tick at or before `t`; `tick(i)` is tick i's time and
    calendar fields, or None when there is no such tick (outside the representable years, or year 0
    for the year units). `min_seconds` is the shortest possible gap between consecutive ticks
    (February, short months), which the fit test uses so the chosen unit depends on the zoom level
    only and does not flicker while the user pans. Times here are local: seconds on the display zone's
    clocks.
    """

    name: str
    min_seconds: float
    sub_day: bool = False

    def index_of(self, t: float) -> int:
        raise NotImplementedError

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        raise NotImplementedError

    def after(self, i: int) -> int:
        """The number of the tick after tick i."""
        return i + 1


class _Clock(_Unit):
    """Every `seconds` from midnight (a divisor of a day, so every day starts on a tick)."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.min_seconds = seconds
        self.sub_day = seconds < SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        return int(t // self.min_seconds)

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        t = i * self.min_seconds
        if not T_MIN <= t < T_MAX:
            return None
        year, month, day, hour, minute, _ = civil_from_seconds(t)
        return t, _Fields(year, month, day, hour, minute)


class _DaysOfMonth(_Unit):
    """Midnight of the given days of every month, the first of which is the 1st."""

    def __init__(self, name: str, days: tuple[int, ...]) -> None:
        assert days[0] == 1 and list(days) == sorted(days) and days[-1] <= 28
        self.name = name
        self.days = days
        # The last gap is from the last listed day to the 1st of the next month, shortest after February.
        gaps = [b - a for a, b in itertools.pairwise(days)] + [28 - days[-1] + 1]
        self.min_seconds = min(gaps) * SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        year, month, day = _civil_of(t)
        j = max(k for k, first in enumerate(self.days) if first <= day)
        return (year * 12 + month - 1) * len(self.days) + j

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        serial, j = divmod(i, len(self.days))
        year, month0 = divmod(serial, 12)
        if not _in_years(year):
            return None
        day = self.days[j]
        return _day_seconds(year, month0 + 1, day), _Fields(year, month0 + 1, day, 0)


class _Months(_Unit):
    """The 1st of every `step`-th month, counting from January (so quarters start Jan, Apr, Jul, Oct)."""

    # The shortest run of `step` months that starts on a tick: February; Jan-Mar; Jan-Jun.
    _MIN_DAYS: ClassVar[dict[int, int]] = {1: 28, 3: 90, 6: 181}

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = f"{step}mo"
        self.min_seconds = self._MIN_DAYS[step] * SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        year, month, _ = _civil_of(t)
        return (year * 12 + month - 1) // self.step

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        year, month0 = divmod(i * self.step, 12)
        if not _in_years(year):
            return None
        return _day_seconds(year, month0 + 1, 1), _Fields(year, month0 + 1, 1, 0)


class _Years(_Unit):
    """1 January of every year AD that is a multiple of `step` (tick i > 0: year i * step) and of every
    year BC that is (tick i < 0: |i| * step BC, the astronomical year 1 + i * step); no tick 0."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = f"{step}y"
        self.min_seconds = step * 365 * SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        year = _civil_of(t)[0]
        if year >= self.step:
            return year // self.step
        return (min(year, 0) - 1) // self.step  # the BC tick at or before: -ceil(years BC / step)

    def after(self, i: int) -> int:
        return i + 1 if i != -1 else 1  # no tick 0: the year 0 does not exist in BC/AD counting

    def year_of(self, i: int) -> int | None:
        if i == 0:
            return None
        year = i * self.step if i > 0 else 1 + i * self.step
        return year if _in_years(year) else None

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        year = self.year_of(i)
        if year is None:
            return None
        return _day_seconds(year, 1, 1), _Fields(year, 1, 1, 0)


# -- labels --------------------------------------------------------------------------------------

_Format = Callable[[_Fields], str]


def _year_text(year: int) -> str:
    """2019, 100 (not 'AD 100': the BC labels around it say the era), 44 BC, 12,000 BC."""
    if year >= 1:
        return str(year)
    bc = 1 - year
    return f"{bc:,} BC" if bc >= 10_000 else f"{bc} BC"


def _year(f: _Fields) -> str:
    return _year_text(f.year)


def _millions(f: _Fields) -> str:
    """Ticks 100,000 years apart or more: '66 million years ago', '66.5 million years ago' from a million
    years BC on (BC years counted from 1 BC; the two thousand years since are below what such a tick can
    show), '500,000 BC' before."""
    if f.year >= 1:
        return str(f.year)
    if 1 - f.year >= 1_000_000:
        return year_words(f.year - 1)
    return _year_text(f.year)


def _decade(f: _Fields) -> str:
    return f"{f.year}s" if f.year >= 1 else _year_text(f.year)


def _month(f: _Fields) -> str:
    return MONTH_ABBREVIATIONS[f.month - 1]


def _month_year(f: _Fields) -> str:
    return f"{MONTH_ABBREVIATIONS[f.month - 1]} {_year_text(f.year)}"


def _month_name_year(f: _Fields) -> str:
    return f"{MONTH_NAMES[f.month - 1]} {_year_text(f.year)}"


def _day(f: _Fields) -> str:
    return str(f.day)


def _day_month_year(f: _Fields) -> str:
    return f"{f.day} {MONTH_ABBREVIATIONS[f.month - 1]} {_year_text(f.year)}"


def _hour(f: _Fields) -> str:
    return f"{f.hour:02d}:{f.minute:02d}"


def _day_month_year_hour(f: _Fields) -> str:
    return f"{_day_month_year(f)} {_hour(f)}"


@dataclass(frozen=True, slots=True)
class _Tier:
    """A way to label one tier: its unit and label format."""

    unit: _Unit
    label: _Format


@dataclass(frozen=True, slots=True)
class _MinorChoice:
    """A minor unit with its short label, the self-sufficient label used when no major tier fits, and
    the major tiers to try, finest first: the natural one, then coarser ones that thin the labels out."""

    unit: _Unit
    short: _Format
    alone: _Format
    majors: tuple[_Tier, ...]


_Y1, _Y2, _Y5, _Y10 = _Years(1), _Years(2), _Years(5), _Years(10)
_M1, _M3, _M6 = _Months(1), _Months(3), _Months(6)
_D1 = _Clock("1d", SECONDS_PER_DAY)
_D5 = _DaysOfMonth("5d", (1, 5, 10, 15, 20, 25))
_D10 = _DaysOfMonth("10d", (1, 10, 20))

_DECADES = (_Tier(_Y10, _decade),)
_YEARS = (_Tier(_Y1, _year), _Tier(_Y2, _year), _Tier(_Y5, _year), _Tier(_Y10, _year))
_MONTHS = (
    _Tier(_M1, _month_name_year),
    _Tier(_M1, _month_year),
    _Tier(_M3, _month_year),
    _Tier(_M6, _month_year),
    _Tier(_Y1, _year),
)
_DAYS = (
    _Tier(_D1, _day_month_year),
    _Tier(_D5, _day_month_year),
    _Tier(_D10, _day_month_year),
    _Tier(_M1, _day_month_year),
)
#: Steps of the coarsest years: 10, 20, 50, 100, ... 500 million.
_LONG_STEPS = tuple(m * 10**e for e in range(1, 9) for m in (1, 2, 5))

#: Finest first: the first choice whose labels fit wins.
_CHOICES: tuple[_MinorChoice, ...] = (
    *(_MinorChoice(_Clock(f"{m}min", m * _SECONDS_PER_MINUTE), _hour, _day_month_year_hour, _DAYS)
      for m in (1, 5, 10, 15, 30)),
    *(_MinorChoice(_Clock(f"{h}h", h * SECONDS_PER_HOUR), _hour, _day_month_year_hour, _DAYS) for h in (1, 3, 6, 12)),
    *(_MinorChoice(unit, _day, _day_month_year, _MONTHS) for unit in (_D1, _D5, _D10)),
    *(_MinorChoice(unit, _month, _month_year, _YEARS) for unit in (_M1, _M3, _M6)),
    *(_MinorChoice(unit, _year, _year, _DECADES) for unit in (_Y1, _Y2, _Y5)),
    *(_MinorChoice(_Years(n), _millions if n >= 100_000 else _year, _millions if n >= 100_000 else _year, ())
      for n in _LONG_STEPS),
)


# -- choosing ------------------------------------------------------------------------------------


class _Local:
    """The view on the display zone's clocks: ticks are laid out in local seconds and placed back at
    their instants. A named zone's offset is looked up per tick while the view is short enough for its
    hours to show (a daylight-saving change moves the hour ticks with it); wider, one offset will do."""

    def __init__(self, scale: TimeScale, zone: Zone | None) -> None:
        self.scale = scale
        self.zone = zone
        self.offset = zone.offset_seconds_at((scale.t0 + scale.t1) / 2) if zone is not None else 0.0
        self.varies = zone is not None and zone.is_named and scale.span < 3 * 366 * SECONDS_PER_DAY
        self.t0 = scale.t0 + self.offset
        self.t1 = scale.t1 + self.offset

    def utc(self, local: float) -> float:
        if self.varies:
            assert self.zone is not None
            return local - self.zone.offset_seconds_at(local - self.offset)
        return local - self.offset


def _indices(unit: _Unit, view: _Local) -> range:
    """Tick numbers from the last tick before the view to the first tick after it."""
    lo = unit.index_of(view.t0)
    first = unit.tick(lo)
    if first is not None and view.utc(first[0]) >= view.scale.t0:  # a tick exactly at the left edge is inside
        lo -= 1
    hi = unit.after(unit.index_of(min(view.t1, T_MAX - 1.0)))
    return range(lo, hi + 1)


def _ticks(unit: _Unit, label: _Format, view: _Local, suffix: Callable[[float], str] | None) -> Iterator[Tick]:
    for i in _indices(unit, view):
        found = unit.tick(i)
        if found is not None:
            local, fields = found
            t = view.utc(local)
            if view.varies and view.zone is not None and t + view.zone.offset_seconds_at(t) != local:
                continue  # a local time the clocks skipped (daylight saving time began): no such tick
            text = label(fields) if suffix is None else label(fields) + suffix(t)
            yield Tick(t, view.scale.x_of(t), text)


def _could_fit(unit: _Unit, scale: TimeScale, min_gap: float) -> bool:
    """Cheap test, before generating any tick: not too many ticks, and room at least for the gaps."""
    if scale.span / unit.min_seconds >= MAX_TICKS:
        return False
    return unit.min_seconds / scale.seconds_per_pixel >= min_gap


def _fitting(tier: _Tier, view: _Local, width_of: Callable[[str], float], min_gap: float,
             suffix: Callable[[float], str] | None = None) -> list[Tick] | None:  # fmt: skip
    """The tier's ticks if all their labels fit, else None.

    The test is against the unit's shortest possible gap rather than the gaps actually in view, so
    the answer depends on the zoom level only: panning across a February does not switch units back and
    forth. The widest label of the tier must fit in that gap (with `min_gap`), which for centred labels
    ((w_a + w_b) / 2) and left-aligned labels (w_a) alike means no two neighbours overlap. (A day that
    daylight saving time shortens to 23 hours has one hour tick less, never two labels closer.)
    """
    scale = view.scale
    if not _could_fit(tier.unit, scale, min_gap):
        return None
    room = tier.unit.min_seconds / scale.seconds_per_pixel - min_gap
    ticks: list[Tick] = []
    for tick in _ticks(tier.unit, tier.label, view, suffix):
        if width_of(tick.label) > room:
            return None  # stop at the first label too wide: most rejected units cost one measurement
        ticks.append(tick)
    return ticks or None  # a unit with no tick near the view (10,000-year steps around AD 1500) does not fit


def _measured_once(text_width: Callable[[str], float]) -> Callable[[str], float]:
    """`text_width` with a memory: labels repeat ("Jan", "00:00") and several units are tried per call,
    while measuring text in a real font is the costly part."""
    widths: dict[str, float] = {}

    def width_of(label: str) -> float:
        w = widths.get(label)
        if w is None:
            w = widths[label] = float(text_width(label))
        return w

    return width_of


def choose_ticks(
    scale: TimeScale,
    text_width: Callable[[str], float],
    min_gap: float = 12.0,
    major_text_width: Callable[[str], float] | None = None,
    zone: Zone | None = None,
) -> AxisTicks:
    """The finest ticks whose labels fit, with a coarser major tier where one helps.

    `text_width` measures a label in the font of the minor labels, `major_text_width` in that of the
    major labels (default: the same), so a bold or larger major font cannot make its labels collide.
    `zone` is the display zone whose clocks the ticks follow (None: UTC, unnamed); when given, the major
    labels of an axis in hours or minutes name it ("27 Feb 2019 (UTC+07)", "5 Feb 2019 (EST)").

    Minor units are tried finest first; the first whose labels fit wins. For each, the major tier is
    settled first, since it decides the minor labels: under a major tier they are short ("Feb"), without
    one they carry their own context ("Feb 2019"). A major tier that would overlap is thinned to a
    coarser unit (every 2nd, 5th, 10th year; quarters; ...), and dropped when even that does not fit.
    Returns empty tiers (units None) when nothing fits at all (labels wider than even the longest
    steps are apart): no labels rather than overlapping ones.
    """
    if not (math.isfinite(min_gap) and min_gap >= 0):
        raise ValueError(f"min_gap must be finite and non-negative, not {min_gap!r}")
    width_of = _measured_once(text_width)
    major_width_of = width_of if major_text_width is None else _measured_once(major_text_width)
    view = _Local(scale, zone)
    named: Callable[[float], str] | None = None
    if zone is not None:
        shown = zone

        def named(t: float) -> str:
            return f" ({shown.abbreviation_at(t)})"

    for choice in _CHOICES:
        if not _could_fit(choice.unit, scale, min_gap):
            continue
        major: list[Tick] | None = None
        major_unit: str | None = None
        thinned = False
        suffix = named if choice.unit.sub_day else None
        for tier in choice.majors:
            major = _fitting(tier, view, major_width_of, min_gap, suffix)
            if major is not None:
                major_unit = tier.unit.name
                thinned = tier.unit is not choice.majors[0].unit
                break
        label = choice.short if major is not None else choice.alone
        minor = _fitting(_Tier(choice.unit, label), view, width_of, min_gap, None if major is not None else suffix)
        if minor is not None:
            return AxisTicks(minor, major or [], choice.unit.name, major_unit, thinned)
    return AxisTicks([], [], None, None)


def sticky_major_label_x(
    axis: AxisTicks, text_width: Callable[[str], float], min_gap: float = 12.0
) -> tuple[Tick, float] | None:
    """The major tick whose period is in progress at the left edge, and the x to draw its label at.

    The label is pinned at x = 0 so the user always sees the current year or month, and pushed out to
    the left by the next major label as that one arrives, like a sticky section header, so the two never
    overlap (their ticks are at least label width + `min_gap` apart, which `choose_ticks` guarantees).
    Pass the `min_gap` used for `choose_ticks`, and the `text_width` of the major labels' font; the x is
    that of the label's start, before any padding the painter adds to every major label.

    Returns None when no major tick lies at or before the left edge, and for a thinned major tier,
    where the last label before the edge ("2016" of a tier that labels every 2nd year) may not be the
    period the edge is in (2017); the ordinary labels still show.
    """
    if axis.major_thinned:
        return None
    major = axis.major
    before = [i for i, tick in enumerate(major) if tick.x <= 0]
    if not before:
        return None
    i = before[-1]
    x = 0.0
    if i + 1 < len(major):
        x = min(x, major[i + 1].x - text_width(major[i].label) - min_gap)
    return major[i], max(x, major[i].x)


def format_time_for_tooltip(t: float, zone: Zone | None = None) -> str:
    """A time as "27 Feb 2019 14:00" (or "15 Mar 44 BC 12:00"): English month, 24-hour clock, truncated
    to the minute, on the clocks of `zone` (UTC when None; its abbreviation is added when given).

    T_MAX itself (the end of 31 Dec 9999, where a view may end) is shown as the last minute of that day
    rather than refused, since the pointer can rest there. Raises ValueError outside [T_MIN, T_MAX].
    """
    if not (T_MIN <= t <= T_MAX):
        raise ValueError(f"time {t!r} is outside the representable years")
    t = min(t, T_MAX - 60.0)
    local = t + (zone.offset_seconds_at(t) if zone is not None else 0.0)
    year, month, day, hour, minute, _ = civil_from_seconds(local)
    text = f"{day} {MONTH_ABBREVIATIONS[month - 1]} {_year_text(year)} {hour:02d}:{minute:02d}"
    return text if zone is None else f"{text} {zone.abbreviation_at(t)}"

