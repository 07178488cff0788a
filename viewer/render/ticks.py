"""Choosing the time axis's ticks and labels so that labels never overlap.

Pure (no Qt): label widths come from a `text_width` callable, which the widget backs with
`QFontMetricsF.horizontalAdvance` and the tests with a fixed width per character.

Ticks sit on calendar boundaries computed with exact calendar arithmetic (months and years have
different lengths, so fixed numbers of seconds would drift off the 1st of the month): hours at multiples
of the unit since midnight, days at midnight, months on the 1st, years on 1 January of a multiple of the
unit. The units, finest to coarsest, are

    1h 3h 6h 12h | 1d 5d 10d | 1mo 3mo 6mo | 1y 2y 5y 10y 20y 50y 100y 200y 500y 1000y

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

Each tier holds the ticks with 0 <= x <= width plus the nearest tick beyond each edge (unless that
falls outside years 1..9999, which have no ticks before or after them). The extra tick on
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
from datetime import date
from typing import ClassVar, NamedTuple

# English and fixed, not the locale's: the axis must read the same as the dates of the chronology.
from viewer.model.dates import EPOCH_ORDINAL, MONTH_ABBREVIATIONS, MONTH_NAMES
from viewer.render.scale import SECONDS_PER_DAY, SECONDS_PER_HOUR, T_MAX, T_MIN, TimeScale, datetime_from_seconds

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

_MIN_ORDINAL = date.min.toordinal()
_MAX_ORDINAL = date.max.toordinal()


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


def _ordinal_seconds(ordinal: int) -> float:
    return float((ordinal - EPOCH_ORDINAL) * SECONDS_PER_DAY)


def _day_index(t: float) -> int:
    """Days since the epoch of the day containing `t`, kept to days that `date` can represent."""
    return min(max(int(t // SECONDS_PER_DAY), _MIN_ORDINAL - EPOCH_ORDINAL), _MAX_ORDINAL - EPOCH_ORDINAL)


def _date_of(t: float) -> date:
    return date.fromordinal(_day_index(t) + EPOCH_ORDINAL)


class _Unit:
    """A calendar-aligned tick sequence, numbered by consecutive integers.

    `index_of(t)` is the number of the last tick at or before `t`; `tick(i)` is tick i's time and
    calendar fields, or None when it falls outside years 1 to 9999. `min_seconds` is the shortest
    possible gap between consecutive ticks (February, short months), which the fit test uses so the
    chosen unit depends on the zoom level only and does not flicker while the user pans.
    """

    name: str
    min_seconds: float

    def index_of(self, t: float) -> int:
        raise NotImplementedError

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        raise NotImplementedError


class _Hours(_Unit):
    """Every `step` hours from midnight (`step` divides 24, so every day starts on a tick)."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = f"{step}h" if step < 24 else f"{step // 24}d"
        self.min_seconds = step * SECONDS_PER_HOUR

    def index_of(self, t: float) -> int:
        return int(t // self.min_seconds)

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        t = i * self.min_seconds
        if not T_MIN <= t < T_MAX:
            return None
        d = _date_of(t)
        hour = int((t - _ordinal_seconds(d.toordinal())) // SECONDS_PER_HOUR)
        return t, _Fields(d.year, d.month, d.day, hour)


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
        d = _date_of(t)
        j = max(k for k, day in enumerate(self.days) if day <= d.day)
        return (d.year * 12 + d.month - 1) * len(self.days) + j

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        serial, j = divmod(i, len(self.days))
        year, month0 = divmod(serial, 12)
        if not 1 <= year <= 9999:
            return None
        day = self.days[j]
        return _ordinal_seconds(date(year, month0 + 1, day).toordinal()), _Fields(year, month0 + 1, day, 0)


class _Months(_Unit):
    """The 1st of every `step`-th month, counting from January (so quarters start Jan, Apr, Jul, Oct)."""

    # The shortest run of `step` months that starts on a tick: February; Jan-Mar; Jan-Jun.
    _MIN_DAYS: ClassVar[dict[int, int]] = {1: 28, 3: 90, 6: 181}

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = f"{step}mo"
        self.min_seconds = self._MIN_DAYS[step] * SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        d = _date_of(t)
        return (d.year * 12 + d.month - 1) // self.step

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        year, month0 = divmod(i * self.step, 12)
        if not 1 <= year <= 9999:
            return None
        return _ordinal_seconds(date(year, month0 + 1, 1).toordinal()), _Fields(year, month0 + 1, 1, 0)


class _Years(_Unit):
    """1 January of every year that is a multiple of `step` (there is no year 0, so no tick there)."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.name = f"{step}y"
        self.min_seconds = step * 365 * SECONDS_PER_DAY

    def index_of(self, t: float) -> int:
        return _date_of(t).year // self.step

    def tick(self, i: int) -> tuple[float, _Fields] | None:
        year = i * self.step
        if not 1 <= year <= 9999:
            return None
        return _ordinal_seconds(date(year, 1, 1).toordinal()), _Fields(year, 1, 1, 0)


# -- labels --------------------------------------------------------------------------------------

_Format = Callable[[_Fields], str]


def _year(f: _Fields) -> str:
    return str(f.year)


def _decade(f: _Fields) -> str:
    return f"{f.year}s"


def _month(f: _Fields) -> str:
    return MONTH_ABBREVIATIONS[f.month - 1]


def _month_year(f: _Fields) -> str:
    return f"{MONTH_ABBREVIATIONS[f.month - 1]} {f.year}"


def _month_name_year(f: _Fields) -> str:
    return f"{MONTH_NAMES[f.month - 1]} {f.year}"


def _day(f: _Fields) -> str:
    return str(f.day)


def _day_month_year(f: _Fields) -> str:
    return f"{f.day} {MONTH_ABBREVIATIONS[f.month - 1]} {f.year}"


def _hour(f: _Fields) -> str:
    return f"{f.hour:02d}:00"


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
_D1 = _Hours(24)
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

#: Finest first: the first choice whose labels fit wins.
_CHOICES: tuple[_MinorChoice, ...] = (
    *(_MinorChoice(_Hours(h), _hour, _day_month_year_hour, _DAYS) for h in (1, 3, 6, 12)),
    *(_MinorChoice(unit, _day, _day_month_year, _MONTHS) for unit in (_D1, _D5, _D10)),
    *(_MinorChoice(unit, _month, _month_year, _YEARS) for unit in (_M1, _M3, _M6)),
    *(_MinorChoice(unit, _year, _year, _DECADES) for unit in (_Y1, _Y2, _Y5)),
    *(_MinorChoice(_Years(n), _year, _year, ()) for n in (10, 20, 50, 100, 200, 500, 1000)),
)


# -- choosing ------------------------------------------------------------------------------------


def _indices(unit: _Unit, scale: TimeScale) -> range:
    """Tick numbers from the last tick before the view to the first tick after it."""
    lo = unit.index_of(scale.t0)
    first = unit.tick(lo)
    if first is not None and first[0] >= scale.t0:  # a tick exactly at the left edge is inside
        lo -= 1
    hi = unit.index_of(min(scale.t1, T_MAX - 1.0)) + 1
    return range(lo, hi + 1)


def _ticks(unit: _Unit, label: _Format, scale: TimeScale) -> Iterator[Tick]:
    for i in _indices(unit, scale):
        found = unit.tick(i)
        if found is not None:
            t, fields = found
            yield Tick(t, scale.x_of(t), label(fields))


def _could_fit(unit: _Unit, scale: TimeScale, min_gap: float) -> bool:
    """Cheap test, before generating any tick: not too many ticks, and room at least for the gaps."""
    if scale.span / unit.min_seconds >= MAX_TICKS:
        return False
    return unit.min_seconds / scale.seconds_per_pixel >= min_gap


def _fitting(tier: _Tier, scale: TimeScale, width_of: Callable[[str], float], min_gap: float) -> list[Tick] | None:
    """The tier's ticks if all their labels fit, else None.

    The test is against the unit's shortest possible gap rather than the gaps actually in view, so
    the answer depends on the zoom level only: panning across a February does not switch units back and
    forth. The widest label of the tier must fit in that gap (with `min_gap`), which for centred labels
    ((w_a + w_b) / 2) and left-aligned labels (w_a) alike means no two neighbours overlap.
    """
    if not _could_fit(tier.unit, scale, min_gap):
        return None
    room = tier.unit.min_seconds / scale.seconds_per_pixel - min_gap
    ticks: list[Tick] = []
    for tick in _ticks(tier.unit, tier.label, scale):
        if width_of(tick.label) > room:
            return None  # stop at the first label too wide: most rejected units cost one measurement
        ticks.append(tick)
    return ticks


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
) -> AxisTicks:
    """The finest ticks whose labels fit, with a coarser major tier where one helps.

    `text_width` measures a label in the font of the minor labels, `major_text_width` in that of the
    major labels (default: the same), so a bold or larger major font cannot make its labels collide.

    Minor units are tried finest first; the first whose labels fit wins. For each, the major tier is
    settled first, since it decides the minor labels: under a major tier they are short ("Feb"), without
    one they carry their own context ("Feb 2019"). A major tier that would overlap is thinned to a
    coarser unit (every 2nd, 5th, 10th year; quarters; ...), and dropped when even that does not fit.
    Returns empty tiers (units None) when nothing fits at all (labels wider than even 1000-year ticks
    are apart): no labels rather than overlapping ones.
    """
    if not (math.isfinite(min_gap) and min_gap >= 0):
        raise ValueError(f"min_gap must be finite and non-negative, not {min_gap!r}")
    width_of = _measured_once(text_width)
    major_width_of = width_of if major_text_width is None else _measured_once(major_text_width)

    for choice in _CHOICES:
        if not _could_fit(choice.unit, scale, min_gap):
            continue
        major: list[Tick] | None = None
        major_unit: str | None = None
        thinned = False
        for tier in choice.majors:
            major = _fitting(tier, scale, major_width_of, min_gap)
            if major is not None:
                major_unit = tier.unit.name
                thinned = tier.unit is not choice.majors[0].unit
                break
        label = choice.short if major is not None else choice.alone
        minor = _fitting(_Tier(choice.unit, label), scale, width_of, min_gap)
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


def format_time_for_tooltip(t: float) -> str:
    """A time as "27 Feb 2019 14:00": English month, 24-hour clock, truncated to the minute.

    T_MAX itself (the end of 31 Dec 9999, where a view may end) is shown as the last minute of that day
    rather than refused, since the pointer can rest there. Raises ValueError outside [T_MIN, T_MAX].
    """
    if not (T_MIN <= t <= T_MAX):
        raise ValueError(f"time {t!r} is outside the representable years 1 to 9999")
    when = datetime_from_seconds(min(t, T_MAX - 60.0))
    return f"{when.day} {MONTH_ABBREVIATIONS[when.month - 1]} {when.year} {when.hour:02d}:{when.minute:02d}"
