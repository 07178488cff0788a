"""Partial dates: a minute, a day, a month, a year, a decade or a century, exactly as precise as the source allows.

A source that says "May 2018" gives a month, not 1 May 2018, so a `PartialDate` keeps its precision and
maps to the whole period it covers on the time axis. Times are float seconds since 1970-01-01T00:00 UTC
on the proleptic Gregorian calendar: one number type for the store's columns, the scale and the painter.
Years are astronomical, as ISO 8601 and EDTF count them (year 0 is 1 BC, -43 is 44 BC), and reach back
past 100 million years (float64 seconds still resolve a day there); the day arithmetic is the model's own
(`calendar_math`), since `datetime.date` stops at year 1.

A date with a time of day always has a zone (an IANA name, UTC, or an offset) and is an instant; a day,
month or year without one is a calendar period, not tied to a zone (drawn as that period in UTC).

Building dates from parts, without strings (for readers of other formats)::

    make_date(2019, 3, 1, 0, 5, zone="Asia/Ho_Chi_Minh")   # a time of day; zone: a name, "UTC", "+07:00"
    make_date(-43, 3, 15)                                  # 15 March 44 BC (astronomical year -43)
    make_date(2004, 6, approximate=True)                   # 2004-06~
    make_date(-66_000_000)                                 # Y-66000000
    from_datetime(aware_datetime)                          # a datetime with tzinfo, or a date
    PartialDate.of_decade(2010), PartialDate.of_century(1900)
    EventDate.interval(start, end), EventDate(start, open_after=OpenEnd.OPEN)

Every one of them raises DateError, with a message for the user, for a date that does not exist.
`PartialDate.edtf()` and `EventDate.edtf()` write EDTF (levels 0 and 1); `parse_date` and
`parse_event_date` read it back to an equal value.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass, field
from functools import total_ordering

from dateutil import parser as dateutil_parser

from viewer.model.calendar_math import civil_from_days, days_from_civil, days_in_month
from viewer.model.zones import UTC, Zone, ZoneError, offset_text, parse_zone, zone_from_tzinfo

# The one day length of the program (seconds are floats everywhere: the store, the scale, the ticks).
SECONDS_PER_DAY = 86_400.0
# Day 0 of the time axis, shared by the model, the scale and the ticks.
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)

#: The earliest year: 280 million years ago (the Permian). Every whole second back to there is a float64
#: exactly (the seconds stay below 2**53), so days, years and the axis land exactly where they should.
MIN_YEAR = -280_000_000
MAX_YEAR = 9999
#: Days and months exist for years EDTF writes with four digits; beyond them a date is a year at most.
MIN_DAY_YEAR = -9999
#: Times of day need a zone, and zone rules (tzdata) exist for years 1 to 9999 only.
MIN_TIME_YEAR = 1

#: An open end (`1985/..`) is drawn fading out over this many times the period of its known end.
OPEN_END_FADE_PERIODS = 10


_NEEDS_ZONE = "a time of day needs a time zone: add one, e.g. 'Z' for UTC, '+07:00' or 'Asia/Ho_Chi_Minh'"


class DateError(ValueError):
    """A date that cannot be read, or that does not exist; the message is written for the user."""


class Precision(enum.IntEnum):
    """How much of a date the source gives; larger is coarser."""

    SECOND = -2
    MINUTE = -1
    DAY = 0
    MONTH = 1
    YEAR = 2
    DECADE = 3
    CENTURY = 4

    @property
    def word(self) -> str:
        return self.name.lower()

    @property
    def has_time(self) -> bool:
        return self < Precision.DAY


class OpenEnd(enum.Enum):
    """An interval's end that is not a date, as EDTF writes it: `..` open (goes on), empty unknown."""

    OPEN = ".."
    UNKNOWN = ""


def seconds_from_date(day: dt.date) -> float:
    """Seconds since the epoch at the start of `day`."""
    return float((day.toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY)


def date_from_seconds(t: float) -> dt.date:
    """The calendar day that contains time `t` (years 1 to 9999, as `datetime.date`)."""
    return dt.date.fromordinal(int(t // SECONDS_PER_DAY) + EPOCH_ORDINAL)


def seconds_from_civil(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0,
                       second: float = 0.0) -> float:  # fmt: skip
    """Seconds since the epoch (UTC) of a day and time in any astronomical year. Not checked."""
    return days_from_civil(year, month, day) * SECONDS_PER_DAY + hour * 3600.0 + minute * 60.0 + second


def civil_from_seconds(t: float) -> tuple[int, int, int, int, int, int]:
    """(year, month, day, hour, minute, second) of time `t`, floored to the second, any year."""
    days = int(t // SECONDS_PER_DAY)
    rest = min(int(t - days * SECONDS_PER_DAY), 86_399)
    year, month, day = civil_from_days(days)
    return year, month, day, rest // 3600, rest // 60 % 60, rest % 60


def year_words(year: int) -> str:
    """An astronomical year as a reader says it: 1958, AD 79, 44 BC, 12,000 BC, 66 million years ago."""
    if year >= 1000:
        return str(year)
    if year >= 1:
        return f"AD {year}"
    if year <= -1_000_000 and (-year) % 100_000 == 0:
        return f"{-year / 1_000_000:g} million years ago"
    bc = 1 - year
    return f"{bc:,} BC" if bc >= 10_000 else f"{bc} BC"


def edtf_year(year: int) -> str:
    """A year as EDTF writes it: 2019, 0000, -0043, and long years Y-66000000, Y170000002."""
    if -9999 <= year <= 9999:
        return f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    return f"Y{year}"


@total_ordering
@dataclass(frozen=True, slots=True, eq=True)
class PartialDate:
    """A date known to a second, a minute, a day, a month, a year, a decade or a century, possibly
    marked approximate or uncertain.

    Fields finer than the precision are None, so a month can never pretend to be its first day. A time
    of day has a `zone` (as written: "Asia/Ho_Chi_Minh", "UTC", "+07:00") and `offset_seconds`, the
    zone's offset at that moment (`offset_seconds`: local mean times before 1900 have seconds in it);
    equality compares the offset, not the name, since EDTF keeps only the offset. A decade or century is
    named by its first year as EDTF writes it (201X: 2010; -004X: -40,
    which covers the years -49 to -40).
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = Precision.YEAR
    approximate: bool = False
    uncertain: bool = False
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = field(default=None, compare=False)
    offset_seconds: int | None = field(init=False, default=None)
    # The period in seconds, computed once: the store reads these for every event it indexes.
    start_seconds: float = field(init=False, repr=False, compare=False, default=0.0)
    end_seconds: float = field(init=False, repr=False, compare=False, default=0.0)

    def __post_init__(self) -> None:
        if self.precision is Precision.SECOND and self.second == 0:
            # A time to the second that falls on :00 says no more than the minute (and EDTF writes both
            # as hh:mm:00), so it is kept as a minute: written back and read again, it stays equal.
            object.__setattr__(self, "precision", Precision.MINUTE)
        if self.precision is Precision.MINUTE and self.second == 0:
            object.__setattr__(self, "second", None)
        self._check_fields()
        if self.precision.has_time:
            self._set_instant()
            return
        first, after = self._day_numbers()
        object.__setattr__(self, "start_seconds", first * SECONDS_PER_DAY)
        object.__setattr__(self, "end_seconds", after * SECONDS_PER_DAY)

    def _check_fields(self) -> None:
        p = self.precision
        has = (self.month is not None, self.day is not None, self.hour is not None, self.minute is not None,
               self.second is not None)  # fmt: skip
        expected = {
            Precision.SECOND: (True, True, True, True, True),
            Precision.MINUTE: (True, True, True, True, False),
            Precision.DAY: (True, True, False, False, False),
            Precision.MONTH: (True, False, False, False, False),
        }.get(p, (False, False, False, False, False))
        if has != expected:
            raise DateError(f"a {p.word} date cannot carry month={self.month} day={self.day} hour={self.hour} "
                            f"minute={self.minute} second={self.second}")  # fmt: skip
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateError(f"year {self.year} is outside the years {year_words(MIN_YEAR)} to {MAX_YEAR}")
        if p is Precision.DECADE and self.year % 10:
            raise DateError(f"a decade starts on a year ending in 0, not {self.year}")
        if p is Precision.CENTURY and self.year % 100:
            raise DateError(f"a century (19XX) starts on a year ending in 00, not {self.year}")
        length = {Precision.DECADE: 10, Precision.CENTURY: 100}.get(p, 1)
        if length > 1 and self.year - (length - 1) < MIN_DAY_YEAR:
            raise DateError(f"a {p.word} is written with X digits (201X, 19XX) for years -9999 to 9999 only; "
                            "give a year")  # fmt: skip
        if (self.approximate or self.uncertain) and not -9999 <= self.year <= 9999:
            raise DateError("EDTF cannot mark a year beyond ±9999 approximate or uncertain; give the year as the "
                            "source rounds it and say how sure it is in date_note")  # fmt: skip
        if self.month is not None:
            if self.year < MIN_DAY_YEAR:
                raise DateError(f"a month or day of year {self.year} cannot be written (EDTF gives days and months "
                                f"to years -9999 to 9999); give the year only")  # fmt: skip
            if not 1 <= self.month <= 12:
                raise DateError(f"there is no month {self.month}")
        if self.day is not None:
            assert self.month is not None
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise DateError(f"{MONTH_NAMES[self.month - 1]} {year_words(self.year)} has {last} days, "
                                f"so day {self.day} does not exist")  # fmt: skip
        if p.has_time:
            assert self.hour is not None and self.minute is not None
            if not 0 <= self.hour <= 23:
                raise DateError(f"hour {self.hour} does not exist: hours run from 00 to 23")
            if not 0 <= self.minute <= 59:
                raise DateError(f"minute {self.minute} does not exist: minutes run from 00 to 59")
            if self.second is not None and not 0 <= self.second <= 59:
                raise DateError(f"second {self.second} does not exist: seconds run from 00 to 59")
            if self.year < MIN_TIME_YEAR:
                raise DateError("a time of day is supported from year 1 on (time zones have no rules before)")
            if self.approximate or self.uncertain:
                raise DateError("a time of day cannot be marked approximate or uncertain (EDTF cannot write it); "
                                "give the time as the source does and say 'about' in date_note")  # fmt: skip
            if self.zone is None:
                raise DateError(_NEEDS_ZONE)

    def _set_instant(self) -> None:
        assert self.zone is not None and self.month is not None and self.day is not None
        assert self.hour is not None and self.minute is not None
        try:
            zone = parse_zone(self.zone)
            offset = zone.offset_seconds_for_local(self.year, self.month, self.day, self.hour, self.minute,
                                                   self.second or 0)  # fmt: skip
        except ZoneError as error:
            raise DateError(str(error)) from None
        object.__setattr__(self, "zone", zone.key)
        object.__setattr__(self, "offset_seconds", offset)
        start = seconds_from_civil(self.year, self.month, self.day, self.hour, self.minute, self.second or 0)
        start -= offset
        object.__setattr__(self, "start_seconds", start)
        object.__setattr__(self, "end_seconds", start + (1.0 if self.precision is Precision.SECOND else 60.0))

    def _day_numbers(self) -> tuple[int, int]:
        """The period as day numbers since 1970-01-01: [first, after)."""
        y, p = self.year, self.precision
        if p is Precision.DAY:
            assert self.month is not None and self.day is not None
            first = days_from_civil(y, self.month, self.day)
            return first, first + 1
        if p is Precision.MONTH:
            assert self.month is not None
            return days_from_civil(y, self.month, 1), days_from_civil(y + self.month // 12, self.month % 12 + 1, 1)
        if p is Precision.YEAR:
            return days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1)
        length = 10 if p is Precision.DECADE else 100
        lo = y if y >= 0 else y - (length - 1)
        return days_from_civil(lo, 1, 1), days_from_civil(lo + length, 1, 1)

    # -- construction -------------------------------------------------------------------------------
    @classmethod
    def of_day(cls, year: int, month: int, day: int, **marks: bool) -> PartialDate:
        return cls(year, month, day, Precision.DAY, **marks)

    @classmethod
    def of_month(cls, year: int, month: int, **marks: bool) -> PartialDate:
        return cls(year, month, None, Precision.MONTH, **marks)

    @classmethod
    def of_year(cls, year: int, **marks: bool) -> PartialDate:
        return cls(year, None, None, Precision.YEAR, **marks)

    @classmethod
    def of_decade(cls, year: int, **marks: bool) -> PartialDate:
        return cls(year, None, None, Precision.DECADE, **marks)

    @classmethod
    def of_century(cls, year: int, **marks: bool) -> PartialDate:
        return cls(year, None, None, Precision.CENTURY, **marks)

    @classmethod
    def of_time(cls, year: int, month: int, day: int, hour: int, minute: int, second: int = 0, *,
                zone: str) -> PartialDate:  # fmt: skip
        precision = Precision.SECOND if second else Precision.MINUTE
        return cls(year, month, day, precision, hour=hour, minute=minute, second=second or None, zone=zone)

    # -- the zone -------------------------------------------------------------------------------------
    @property
    def zone_info(self) -> Zone | None:
        """The zone of a time of day (None for a calendar date)."""
        return parse_zone(self.zone) if self.zone is not None else None

    def _key(self) -> tuple[float, float, int, int]:
        return (self.start_seconds, self.end_seconds, int(self.approximate), int(self.uncertain))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    # -- writing --------------------------------------------------------------------------------
    def _time_text(self) -> str:
        text = f"{self.hour:02d}:{self.minute:02d}"
        return text + (f":{self.second:02d}" if self.second is not None else "")

    def iso(self, marks: bool = False) -> str:
        """The file format's form, to its precision: 2019-02-27, 2018-05, 1958, -0043, 1980s, 19XX, and
        times with their zone as written: 2019-02-28T17:00Z, 2019-03-01T00:00+07:00,
        2019-03-01 00:05 Asia/Ho_Chi_Minh."""
        p = self.precision
        y = edtf_year(self.year)
        if p.has_time:
            day = f"{y}-{self.month:02d}-{self.day:02d}"
            zone = self.zone_info
            assert zone is not None
            if zone.is_named:
                return f"{day} {self._time_text()} {zone.key}"
            return f"{day}T{self._time_text()}{'Z' if zone.fixed_minutes == 0 else zone.key}"
        if p is Precision.DAY:
            text = f"{y}-{self.month:02d}-{self.day:02d}"
        elif p is Precision.MONTH:
            text = f"{y}-{self.month:02d}"
        elif p is Precision.YEAR:
            text = y
        elif p is Precision.DECADE and self.year >= 0:
            text = f"{self.year:04d}s"
        else:
            text = self._unspecified()
        if marks:
            text = ("~" if self.approximate else "") + text + ("?" if self.uncertain else "")
        return text

    def _unspecified(self) -> str:
        """201X, 19XX, -004X: a decade or century with its unknown digits as EDTF writes them."""
        digits = edtf_year(self.year)
        cut = 1 if self.precision is Precision.DECADE else 2
        return digits[:-cut] + "X" * cut

    def edtf(self) -> str:
        """The date as EDTF (levels 0 and 1) writes it: 2019-03-01T00:00:00+07:00, -0043-03-15,
        Y-66000000, 201X, 19XX, 2004-06~, 2004-07?, 2004-08%."""
        p = self.precision
        y = edtf_year(self.year)
        if p.has_time:
            assert self.offset_seconds is not None
            # EDTF writes offsets to the minute; only local mean times before 1900 had seconds in theirs.
            minutes = round(self.offset_seconds / 60)
            zone = "Z" if minutes == 0 else offset_text(minutes)
            return f"{y}-{self.month:02d}-{self.day:02d}T{self.hour:02d}:{self.minute:02d}:{self.second or 0:02d}{zone}"
        if p is Precision.DAY:
            text = f"{y}-{self.month:02d}-{self.day:02d}"
        elif p is Precision.MONTH:
            text = f"{y}-{self.month:02d}"
        elif p is Precision.YEAR:
            text = y
        else:
            text = self._unspecified()
        if self.approximate and self.uncertain:
            return text + "%"
        return text + ("~" if self.approximate else "") + ("?" if self.uncertain else "")

    def words(self, marks: bool = True) -> str:
        """How a person says it: 27 February 2019, May 2018, 1958, the 1980s, 15 March 44 BC,
        66 million years ago, 5 February 2019, 21:10 EST (with 'about' and '?')."""
        p = self.precision
        year = str(self.year) if self.year >= 1000 else year_words(self.year)
        if p is not Precision.DAY and p.has_time:
            assert self.month is not None
            zone = self.zone_info
            assert zone is not None
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {year}, {self._time_text()} " + zone.abbreviation_at(
                self.start_seconds
            )
        if p is Precision.DAY:
            assert self.month is not None
            text = f"{self.day} {MONTH_NAMES[self.month - 1]} {year}"
        elif p is Precision.MONTH:
            assert self.month is not None
            text = f"{MONTH_NAMES[self.month - 1]} {year}"
        elif p is Precision.YEAR:
            text = year
        else:
            text = self._period_words()
        if marks:
            text = _with_marks(text, self.approximate, self.uncertain)
        return text

    def _period_words(self) -> str:
        """the 1980s; 1900–1999; 50–41 BC (a decade or century of negative years: -004X)."""
        length = 10 if self.precision is Precision.DECADE else 100
        if self.year >= 1000 and length == 10:
            return f"the {self.year}s"
        lo = self.year if self.year >= 0 else self.year - (length - 1)
        hi = lo + length - 1
        if hi <= 0:
            return f"{1 - lo:,}–{1 - hi:,} BC"
        return f"{year_words(lo)}–{year_words(hi)}" if lo >= 1 else f"{year_words(lo)} – {year_words(hi)}"

    def __str__(self) -> str:
        return self.iso(marks=True)


def _with_marks(text: str, approximate: bool, uncertain: bool) -> str:
    if approximate:
        text = "about " + text
    if uncertain:
        text += "?"
    return text


# -- building from parts ------------------------------------------------------------------------------


def make_date(
    year: int,
    month: int | None = None,
    day: int | None = None,
    hour: int | None = None,
    minute: int | None = None,
    second: int | None = None,
    *,
    zone: str | dt.tzinfo | None = None,
    approximate: bool = False,
    uncertain: bool = False,
) -> PartialDate:
    """A date from its parts, as precise as the parts given: a year, a month, a day, or a time of day
    (`hour` given; `zone` then required: an IANA name, "UTC", "+07:00", or a tzinfo). Years are
    astronomical (0 is 1 BC). Raises DateError for a date that does not exist."""
    marks = {"approximate": approximate, "uncertain": uncertain}
    if hour is not None:
        if month is None or day is None:
            raise DateError("a time of day needs the year, month and day")
        if zone is None:
            raise DateError(_NEEDS_ZONE)
        key = zone if isinstance(zone, str) else _zone_key(zone, year, month, day, hour, minute or 0)
        precision = Precision.SECOND if second else Precision.MINUTE
        return PartialDate(year, month, day, precision, hour=hour, minute=minute or 0, second=second or None,
                           zone=key, **marks)  # fmt: skip
    if minute is not None or second is not None:
        raise DateError("a minute or second needs an hour")
    if day is not None:
        if month is None:
            raise DateError("a day needs a month")
        return PartialDate(year, month, day, Precision.DAY, **marks)
    if month is not None:
        return PartialDate(year, month, None, Precision.MONTH, **marks)
    return PartialDate(year, None, None, Precision.YEAR, **marks)


def _zone_key(info: dt.tzinfo, year: int, month: int, day: int, hour: int, minute: int) -> str:
    try:
        at = dt.datetime(year, month, day, hour, minute) if 1 <= year <= 9999 else None
        return zone_from_tzinfo(info, at).key
    except (ZoneError, ValueError) as error:
        raise DateError(str(error)) from None


def from_datetime(value: dt.datetime | dt.date) -> PartialDate:
    """A `datetime` with a tzinfo (to the minute or second), or a `date` (a day). A naive datetime is
    refused: a time of day without a zone is no instant."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise DateError(f"the time {value:%Y-%m-%d %H:%M} has no time zone: add one (e.g. Z, +07:00 or "
                            "Asia/Ho_Chi_Minh)")  # fmt: skip
        key = zone_from_tzinfo(value.tzinfo, value).key
        return make_date(value.year, value.month, value.day, value.hour, value.minute, value.second, zone=key)
    return PartialDate.of_day(value.year, value.month, value.day)


# -- reading --------------------------------------------------------------------------------------

_APPROXIMATE_PREFIX = re.compile(r"^(?:~\s*|about\s+|c\.\s*|ca\.\s*|circa\s+)", re.IGNORECASE)
_QUALIFIERS = re.compile(r"\s*([?~%]+)$")
_ISO_DAY = re.compile(r"^(-?\d{4,})-(\d{1,2})-(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(-?\d{4,})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{1,4}|-\d+)$")
_LONG_YEAR = re.compile(r"^Y(-?\d+)$")
_DECADE = re.compile(r"^(?:the\s+)?(\d{3}0)'?s$", re.IGNORECASE)
_UNSPECIFIED_DECADE = re.compile(r"^(-?\d{3})X$")
_UNSPECIFIED_CENTURY = re.compile(r"^(-?\d{2})XX$")
_UNSPECIFIED_MONTH = re.compile(r"^(-?\d{4})-XX(?:-XX)?$")
_UNSPECIFIED_DAY = re.compile(r"^(-?\d{4})-(\d{2})-XX$")
_DATE_TIME = re.compile(
    r"^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?\s*(.*)$", re.IGNORECASE
)
_HOUR_ONLY = re.compile(r"^-?\d{4}-\d{1,2}-\d{1,2}T\d{1,2}(?:Z|[+-]\d.*)?$", re.IGNORECASE)
_MILLIONS = re.compile(r"^(\d+(?:\.\d+)?)\s+million\s+years\s+ago$", re.IGNORECASE)
_ERA = re.compile(r"(?<![A-Za-z])(B\.?C\.?E\.?|B\.?C\.?|A\.?D\.?|C\.?E\.?)(?![A-Za-z])", re.IGNORECASE)
_ERA_WORDS = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]+)\.?\s+"
    r"|(?P<m2>[A-Za-z]+)\.?\s+(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+)?)?(?P<year>\d{1,3}(?:,\d{3})+|\d+)$",
    re.IGNORECASE,
)
_HAS_LETTER = re.compile(r"[A-Za-z]")
_TIME_OF_DAY = re.compile(r"\d:\d|\b\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)
_MONTH_WORDS = (
    {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
    | {name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
    | {"sept": 9}
)
_TIME_IN_WORDS = "a time of day is written after an ISO day, with its zone: e.g. 2019-02-27 10:00 Asia/Ho_Chi_Minh"
_FORMS = "write 2019-02-27, 2018-05, 1958, 1980s, 201X, 44 BC or 2019-02-28T17:00Z"


def parse_date(value: object) -> PartialDate:
    """Read one date as written in a chronology, to exactly the precision written.

    YAML hands over `1958` as an int; other readers may pass a `datetime.date` or an aware
    `datetime`; both are accepted as well as strings. Raises DateError with a message meant for the
    person who wrote the file. An interval (`1964/2008`) is read by `parse_event_date`.
    """
    if isinstance(value, str):
        return _parse_text_cached(value)
    return _parse_value(value)


def _parse_value(value: object) -> PartialDate:
    if isinstance(value, bool):
        raise DateError(f"expected a date, got {str(value).lower()}")
    if isinstance(value, dt.datetime | dt.date):
        return from_datetime(value)
    if isinstance(value, int):
        return PartialDate.of_year(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__}")
    return _parse_text(value)


@functools.lru_cache(maxsize=65_536)
def _parse_text_cached(original: str) -> PartialDate:
    """Chronologies repeat their dates; PartialDate is immutable, so equal texts share one object."""
    return _parse_text(original)


def _marks_of(original: str, text: str) -> tuple[str, dict[str, bool]]:
    """Strip the marks of doubt: a leading ~/about/c./circa, and one trailing EDTF qualifier ? ~ %."""
    approximate = uncertain = False
    prefixed = False
    if (match := _APPROXIMATE_PREFIX.match(text)) is not None:
        approximate = prefixed = True
        text = text[match.end() :].strip()
    if (match := _QUALIFIERS.search(text)) is not None:
        marks = match[1]
        if len(marks) > 1:
            raise DateError(f"'{original}' has more than one mark of doubt at its end ('{marks}'); write one: "
                            "~ (approximate), ? (uncertain) or % (both)")  # fmt: skip
        if prefixed and marks in "~%":
            raise DateError(f"'{original}' is marked approximate twice; write the '~' once")
        approximate = approximate or marks in "~%"
        uncertain = marks in "?%"
        text = text[: match.start()].rstrip()
    if not text:
        raise DateError(f"'{original}' has marks of doubt but no date")
    if _APPROXIMATE_PREFIX.match(text) or text.startswith("?"):
        raise DateError(f"'{original}' has more than one mark of doubt; write one")
    return text, {"approximate": approximate, "uncertain": uncertain}


def _parse_text(original: str) -> PartialDate:
    text = " ".join(original.split())
    if not text:
        raise DateError("the date is empty")
    if "/" in text and _split_interval(text) is not None:
        raise DateError(f"'{original}' is an interval; an interval is written in 'date' (or as 'start' and 'end')")
    text, marks = _marks_of(original, text)
    try:
        if m := _DATE_TIME.match(text):
            return _date_time(original, m, marks)
        if _HOUR_ONLY.match(text):
            raise DateError("write the minutes too (e.g. 17:00), and the zone")
        if m := _ISO_DAY.match(text):
            return PartialDate.of_day(int(m[1]), int(m[2]), int(m[3]), **marks)
        if m := _ISO_MONTH.match(text):
            return PartialDate.of_month(int(m[1]), int(m[2]), **marks)
        if m := _YEAR.match(text):
            return PartialDate.of_year(int(m[1]), **marks)
        if m := _LONG_YEAR.match(text):
            if len(m[1].lstrip("-")) <= 4:
                raise DateError(f"an EDTF 'Y' year has more than four digits; write {edtf_year(int(m[1]))}")
            return PartialDate.of_year(int(m[1]), **marks)
        if m := _DECADE.match(text):
            return PartialDate.of_decade(int(m[1]), **marks)
        if m := _UNSPECIFIED_DECADE.match(text):
            return _unspecified(m[1], 10, marks)
        if m := _UNSPECIFIED_CENTURY.match(text):
            return _unspecified(m[1], 100, marks)
        if m := _UNSPECIFIED_MONTH.match(text):
            return PartialDate.of_year(int(m[1]), **marks)
        if m := _UNSPECIFIED_DAY.match(text):
            return PartialDate.of_month(int(m[1]), int(m[2]), **marks)
        if m := _MILLIONS.match(text):
            return PartialDate.of_year(-round(float(m[1]) * 1_000_000), **marks)
        if _ERA.search(text):
            return _parse_era(original, text, marks)
    except DateError as error:
        raise DateError(f"'{original}': {error}") from None
    if "X" in text:
        raise DateError(f"'{original}': only the last digit (201X, a decade) or the last two (19XX, a century) "
                        "may be X")  # fmt: skip
    if _TIME_OF_DAY.search(text):
        raise DateError(f"'{original}': {_TIME_IN_WORDS}")
    if not _HAS_LETTER.search(text):
        raise DateError(f"cannot read '{original}' as a date: {_FORMS} (a form like 02/03/2019 could be read two ways)")
    return _parse_words(original, text, marks)


def _date_time(original: str, m: re.Match[str], marks: dict[str, bool]) -> PartialDate:
    zone_text = (m[7] or "").strip()
    if not zone_text:
        raise DateError(_NEEDS_ZONE)
    try:
        zone = parse_zone(zone_text)
    except ZoneError as error:
        raise DateError(str(error)) from None
    second = int(m[6]) if m[6] is not None else 0
    precision = Precision.SECOND if second else Precision.MINUTE
    return PartialDate(int(m[1]), int(m[2]), int(m[3]), precision, hour=int(m[4]), minute=int(m[5]),
                       second=second or None, zone=zone.key, **marks)  # fmt: skip


def _unspecified(digits: str, length: int, marks: dict[str, bool]) -> PartialDate:
    base = int(digits) * length
    if digits.startswith("-") and base == 0:
        raise DateError(f"write {'000X' if length == 10 else '00XX'} for the years from 0 on")
    if length == 10:
        return PartialDate.of_decade(base, **marks)
    return PartialDate.of_century(base, **marks)


def _parse_era(original: str, text: str, marks: dict[str, bool]) -> PartialDate:
    """44 BC, 500 BCE, 15 March 44 BC, March 44 BC, AD 79, 24 August AD 79, 79 CE, 12,000 BC."""
    eras = _ERA.findall(text)
    if len(eras) > 1:
        raise DateError("write the era (BC or AD) once")
    era = eras[0].upper().replace(".", "")
    body = " ".join(_ERA.sub(" ", text).split())
    m = _ERA_WORDS.match(body)
    if m is None:
        raise DateError(f"cannot read the date before '{eras[0]}': write e.g. 44 BC, 15 March 44 BC or AD 79")
    written = int(m["year"].replace(",", ""))
    if written == 0:
        raise DateError(f"there is no year 0 {era}: 1 BC is followed by AD 1 (astronomical year 0000 is 1 BC)")
    year = 1 - written if era.startswith("B") else written
    month_word = m["m1"] or m["m2"]
    day_text = m["d1"] or m["d2"]
    if month_word is None:
        return PartialDate.of_year(year, **marks)
    month = _MONTH_WORDS.get(month_word.lower())
    if month is None:
        raise DateError(f"'{month_word}' is not a month")
    if day_text is None:
        return PartialDate.of_month(year, month, **marks)
    return PartialDate.of_day(year, month, int(day_text), **marks)


def _parse_words(original: str, text: str, marks: dict[str, bool]) -> PartialDate:
    """Wordy forms (27 Feb 2019, May 2018, February 27, 2019) with python-dateutil.

    dateutil fills what was not written from a default, so the text is parsed against two defaults that
    differ in every field: a field that comes out the same both times was written, the others were not.
    That way no day or month is ever invented.
    """
    words = re.findall(r"[A-Za-z]+", text)
    months = [w for w in words if w.lower() in _MONTH_WORDS]
    others = [w for w in words if w.lower() not in _MONTH_WORDS and w.lower() not in {"of", "the"}]
    ordinal_suffixes = {"st", "nd", "rd", "th"}
    if len(months) != 1 or any(w.lower() not in ordinal_suffixes for w in others):
        raise DateError(f"cannot read '{original}' as a date: write 2019-02-27, 27 Feb 2019, May 2018, 1958, "
                        "1980s or 44 BC")  # fmt: skip
    first = dt.datetime(2000, 1, 1, 0, 0)
    second = dt.datetime(2004, 3, 3, 5, 5)  # both leap years, so 29 February parses against either
    try:
        a = dateutil_parser.parse(text, default=first, dayfirst=True)
        b = dateutil_parser.parse(text, default=second, dayfirst=True)
    except (ValueError, OverflowError) as error:
        detail = str(error).split(":")[0]
        raise DateError(f"cannot read '{original}' as a date ({detail})") from None
    if (a.hour, a.minute) == (b.hour, b.minute):
        raise DateError(f"'{original}': {_TIME_IN_WORDS}")
    if a.year != b.year:
        raise DateError(f"'{original}' has no year; write e.g. '{text} 2019'")
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", text)
    if len(years) != 1 or int(years[0]) != a.year:
        # dateutil reads "May 18" as 2018 and "3 May 0018" as 2018 too: never move a date to another century.
        raise DateError(f"'{original}': write the year with four digits (e.g. 'May 2018'), or with its era "
                        "(e.g. 'May AD 18')")  # fmt: skip
    has_day = a.day == b.day
    if has_day:
        return PartialDate.of_day(a.year, a.month, a.day, **marks)
    return PartialDate.of_month(a.year, a.month, **marks)


# -- a date or a range, with how it was worked out ------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: one partial date, or a range of two, and how that was worked out.

    An EDTF interval with an open or unknown end (`../1985`, `1985/..`, `1985/`) has one date, `start`,
    and `open_before` or `open_after` says on which side the interval goes on beyond it; it is drawn
    fading out over `OPEN_END_FADE_PERIODS` times the period of its date.
    """

    start: PartialDate
    end: PartialDate | None = None
    note: str | None = None
    open_before: OpenEnd | None = None
    open_after: OpenEnd | None = None

    def __post_init__(self) -> None:
        if self.end is not None and (self.open_before or self.open_after):
            raise DateError("an interval has two dates, or one date and an open end, not both")
        if self.open_before and self.open_after:
            raise DateError("an interval open at both ends has no date")

    @classmethod
    def interval(cls, start: PartialDate, end: PartialDate, note: str | None = None) -> EventDate:
        """A range, checked: `end` must not end before `start` begins."""
        if end.end_seconds <= start.start_seconds:
            raise DateError(f"the range ends ({end}) before it starts ({start})")
        return cls(start, end, note)

    @property
    def fade_seconds(self) -> float:
        """How far an open end is drawn beyond its date (0 when no end is open)."""
        if not (self.open_before or self.open_after):
            return 0.0
        return OPEN_END_FADE_PERIODS * (self.start.end_seconds - self.start.start_seconds)

    @property
    def start_seconds(self) -> float:
        return self.start.start_seconds - (self.fade_seconds if self.open_before else 0.0)

    @property
    def end_seconds(self) -> float:
        return (self.end or self.start).end_seconds + (self.fade_seconds if self.open_after else 0.0)

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends: what the event as a whole is known to."""
        return max(self.start.precision, self.end.precision) if self.end else self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None or self.open_before is not None or self.open_after is not None

    @property
    def approximate(self) -> bool:
        return self.start.approximate or bool(self.end and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or bool(self.end and self.end.uncertain)

    def edtf(self) -> str:
        """The date as EDTF writes it: 2019-02-27, 1964/2008, ../1985, 1985/.., 1985/ (end unknown).

        EDTF levels 0 and 1 have no interval between times of day or long years, nor one with a decade or
        century end (201X/2019 is level 2, 201X/.. not EDTF): such an interval is written as its two EDTF
        dates around '/', the natural extension, which this reader reads back but a strict EDTF reader
        may refuse."""
        if self.open_before is not None:
            return f"{self.open_before.value}/{self.start.edtf()}"
        if self.open_after is not None:
            return f"{self.start.edtf()}/{self.open_after.value}"
        if self.end is not None:
            return f"{self.start.edtf()}/{self.end.edtf()}"
        return self.start.edtf()

    def words(self) -> str:
        """27–28 February 2019, June 2018 – February 2019, 1950–1953, May 2018, 1985 onwards."""
        if self.open_after is None and self.open_before is None:
            return self.start.words() if self.end is None else range_words(self.start, self.end)
        if self.open_after is OpenEnd.OPEN:
            return f"{self.start.words()} onwards"
        if self.open_after is OpenEnd.UNKNOWN:
            return f"{self.start.words()} – end unknown"
        if self.open_before is OpenEnd.OPEN:
            return f"until {self.start.words()}"
        if self.open_before is OpenEnd.UNKNOWN:
            return f"start unknown – {self.start.words()}"
        if self.end is None:
            return self.start.words()
        return range_words(self.start, self.end)


_INTERVAL_END = re.compile(r"^(?:[~?%]?-?\d{4}|[~?%]?Y-?\d|.*[A-Za-z].*)")


def _is_end(part: str) -> bool:
    """One side of an interval: open (`..`), unknown (empty), or a date that starts like one (a four-digit
    year, a Y year, or words), so that 05/2018 or 02/03/2019 is never taken for an interval."""
    if part in ("", ".."):
        return True
    if not _INTERVAL_END.match(part):
        return False
    try:
        _parse_text_cached(part)
    except DateError:
        return False
    return True


def _split_interval(text: str) -> tuple[str, str] | None:
    """The two sides of `1964/2008`, `../1985`, `1985/`; None when no '/' splits the text into two ends
    (a zone name such as Asia/Ho_Chi_Minh has a '/' too)."""
    for i, char in enumerate(text):
        if char == "/":
            before, after = text[:i].strip(), text[i + 1 :].strip()
            if _is_end(before) and _is_end(after):
                return before, after
    return None


def parse_event_date(value: object, note: str | None = None) -> EventDate:
    """Read what a `date:` holds: one date, or an EDTF interval (`1964/2008`, `../1985`, `1985/..`,
    `1985/` for an unknown end). Raises DateError with a message for the user."""
    split = _split_interval(" ".join(value.split())) if isinstance(value, str) and "/" in value else None
    if split is None:
        return EventDate(parse_date(value), None, note)
    before, after = split
    ends = {"": OpenEnd.UNKNOWN, "..": OpenEnd.OPEN}
    if before in ends and after in ends:
        raise DateError(f"'{value}': an interval needs a date at one end at least")
    if before in ends:
        return EventDate(parse_date(after), None, note, open_before=ends[before])
    if after in ends:
        return EventDate(parse_date(before), None, note, open_after=ends[after])
    start, end = parse_date(before), parse_date(after)
    if end.end_seconds <= start.start_seconds:
        raise DateError(f"the interval '{value}' ends ({end}) before it starts ({start})")
    return EventDate(start, end, note)


def range_words(start: PartialDate, end: PartialDate) -> str:
    """Say a range the way an editor would, sharing what both ends share."""
    same_marks = (start.approximate, start.uncertain) == (end.approximate, end.uncertain)
    if start.precision is end.precision and same_marks:
        marks = {"approximate": start.approximate, "uncertain": start.uncertain}
        year = str(start.year) if start.year >= 1000 else year_words(start.year)
        if start.precision is Precision.DAY and (start.year, start.month) == (end.year, end.month):
            assert start.month is not None
            return _with_marks(f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {year}", **marks)
        if start.precision is Precision.DAY and start.year == end.year:
            assert start.month is not None and end.month is not None
            text = f"{start.day} {MONTH_NAMES[start.month - 1]} – {end.day} {MONTH_NAMES[end.month - 1]} {year}"
            return _with_marks(text, **marks)
        if start.precision is Precision.MONTH and start.year == end.year:
            assert start.month is not None and end.month is not None
            text = f"{MONTH_NAMES[start.month - 1]}–{MONTH_NAMES[end.month - 1]} {year}"
            return _with_marks(text, **marks)
        if start.precision is Precision.YEAR and start.year >= 1000:
            return _with_marks(f"{start.year}–{end.year}", **marks)
        if start.precision is Precision.YEAR and start.year >= -999_999 and end.year <= 0:
            return _with_marks(f"{year_words(start.year).removesuffix(' BC')}–{year_words(end.year)}", **marks)
        if start.precision.has_time and start.zone == end.zone and start.iso()[:10] == end.iso()[:10]:
            zone = start.zone_info
            assert zone is not None and start.month is not None
            return (f"{start.day} {MONTH_NAMES[start.month - 1]} {year}, {start._time_text()}–{end._time_text()} "
                    f"{zone.abbreviation_at(start.start_seconds)}")  # fmt: skip
        if start.precision is Precision.DECADE and start.year >= 1000:
            return _with_marks(f"the {start.year}s–{end.year}s", **marks)
    return f"{start.words()} – {end.words().removeprefix('the ')}"


__all__ = [
    "EPOCH_ORDINAL",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "SECONDS_PER_DAY",
    "UTC",
    "DateError",
    "EventDate",
    "OpenEnd",
    "PartialDate",
    "Precision",
    "civil_from_seconds",
    "date_from_seconds",
    "edtf_year",
    "from_datetime",
    "make_date",
    "parse_date",
    "parse_event_date",
    "range_words",
    "seconds_from_civil",
    "seconds_from_date",
    "year_words",
]
