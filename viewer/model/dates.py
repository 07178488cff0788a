"""Partial dates: a day, a month, a year or a decade, exactly as precise as the source allows.

A source that says "May 2018" gives a month, not 1 May 2018, so a `PartialDate` keeps its precision and
maps to the whole period it covers on the time axis. Times are float seconds since 1970-01-01T00:00
(proleptic Gregorian, no time zones): one number type for the store's columns, the scale and the painter.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass, field
from functools import total_ordering

from dateutil import parser as dateutil_parser

# The one day length of the program (seconds are floats everywhere: the store, the scale, the ticks).
SECONDS_PER_DAY = 86_400.0
# Day 0 of the time axis, shared by the model, the scale and the ticks.
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)

MIN_YEAR = 1
MAX_YEAR = 9989  # so that the decade 9980s still ends inside datetime's range


class DateError(ValueError):
    """A date that cannot be read, or that does not exist; the message is written for the user."""


class Precision(enum.IntEnum):
    """How much of a date the source gives; larger is coarser."""

    DAY = 0
    MONTH = 1
    YEAR = 2
    DECADE = 3

    @property
    def word(self) -> str:
        return self.name.lower()


def seconds_from_date(day: dt.date) -> float:
    """Seconds since the epoch at the start of `day`."""
    return float((day.toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY)


def date_from_seconds(t: float) -> dt.date:
    """The calendar day that contains time `t`."""
    return dt.date.fromordinal(int(t // SECONDS_PER_DAY) + EPOCH_ORDINAL)


@total_ordering
@dataclass(frozen=True, slots=True, eq=True)
class PartialDate:
    """A date known to a day, a month, a year or a decade, possibly marked approximate or uncertain.

    Fields finer than the precision are None, so a month can never pretend to be its first day.
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = Precision.YEAR
    approximate: bool = False
    uncertain: bool = False
    # The period in seconds, computed once: the store reads these for every event it indexes.
    start_seconds: float = field(init=False, repr=False, compare=False, default=0.0)
    end_seconds: float = field(init=False, repr=False, compare=False, default=0.0)

    def __post_init__(self) -> None:
        expected = {
            Precision.DAY: (True, True),
            Precision.MONTH: (True, False),
            Precision.YEAR: (False, False),
            Precision.DECADE: (False, False),
        }[self.precision]
        if (self.month is not None, self.day is not None) != expected:
            raise DateError(f"a {self.precision.word} date cannot carry month={self.month} day={self.day}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateError(f"year {self.year} is outside {MIN_YEAR}–{MAX_YEAR}")
        if self.precision is Precision.DECADE and self.year % 10:
            raise DateError(f"a decade starts on a year ending in 0, not {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"there is no month {self.month}")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(
                    f"{MONTH_NAMES[self.month - 1]} {self.year} has {last} days, so day {self.day} does not exist"
                )
        object.__setattr__(self, "start_seconds", seconds_from_date(self.first_day))
        object.__setattr__(self, "end_seconds", seconds_from_date(self.day_after))

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

    # -- the period it covers -----------------------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def day_after(self) -> dt.date:
        """The first day after the period: the period is [first_day, day_after)."""
        if self.precision is Precision.DAY:
            return self.first_day + dt.timedelta(days=1)
        if self.precision is Precision.MONTH:
            assert self.month is not None
            return dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        if self.precision is Precision.YEAR:
            return dt.date(self.year + 1, 1, 1)
        return dt.date(self.year + 10, 1, 1)

    def _key(self) -> tuple[float, float, int, int]:
        return (self.start_seconds, self.end_seconds, int(self.approximate), int(self.uncertain))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    # -- writing --------------------------------------------------------------------------------
    def iso(self, marks: bool = False) -> str:
        """The file format's form, to its precision: 2019-02-27, 2018-05, 1958, 1980s."""
        if self.precision is Precision.DAY:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        elif self.precision is Precision.MONTH:
            text = f"{self.year:04d}-{self.month:02d}"
        elif self.precision is Precision.YEAR:
            text = f"{self.year:04d}"
        else:
            text = f"{self.year:04d}s"
        if marks:
            text = ("~" if self.approximate else "") + text + ("?" if self.uncertain else "")
        return text

    def words(self, marks: bool = True) -> str:
        """How a person says it: 27 February 2019, May 2018, 1958, the 1980s (with 'about' and '?')."""
        if self.precision is Precision.DAY:
            assert self.month is not None
            text = f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        elif self.precision is Precision.MONTH:
            assert self.month is not None
            text = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        elif self.precision is Precision.YEAR:
            text = str(self.year)
        else:
            text = f"the {self.year}s"
        if marks:
            text = _with_marks(text, self.approximate, self.uncertain)
        return text

    def __str__(self) -> str:
        return self.iso(marks=True)


def _with_marks(text: str, approximate: bool, uncertain: bool) -> str:
    if approximate:
        text = "about " + text
    if uncertain:
        text += "?"
    return text


# -- reading --------------------------------------------------------------------------------------

_APPROXIMATE_PREFIX = re.compile(r"^(?:~\s*|about\s+|c\.\s*|ca\.\s*|circa\s+)", re.IGNORECASE)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{1,4})$")
_DECADE = re.compile(r"^(?:the\s+)?(\d{3}0)'?s$", re.IGNORECASE)
_HAS_LETTER = re.compile(r"[A-Za-z]")
_TIME_OF_DAY = re.compile(r"\d:\d|\b\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)
_MONTH_WORDS = (
    {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
    | {name[:3].lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
    | {"sept": 9}
)


def parse_date(value: object) -> PartialDate:
    """Read a date as written in a chronology, to exactly the precision written.

    YAML already turns `2019-02-27` into a `datetime.date` and `1958` into an int, so both are accepted
    as well as strings. Raises DateError with a message meant for the person who wrote the file.
    """
    if isinstance(value, str):
        return _parse_text_cached(value)
    return _parse_value(value)


def _parse_value(value: object) -> PartialDate:
    if isinstance(value, bool):
        raise DateError(f"expected a date, got {str(value).lower()}")
    if isinstance(value, dt.datetime):
        raise DateError("a time of day is not supported; write the day only (e.g. 2019-02-27)")
    if isinstance(value, dt.date):
        return PartialDate.of_day(value.year, value.month, value.day)
    if isinstance(value, int):
        return PartialDate.of_year(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__}")
    return _parse_text(value)


@functools.lru_cache(maxsize=65_536)
def _parse_text_cached(original: str) -> PartialDate:
    """Chronologies repeat their dates; PartialDate is immutable, so equal texts share one object."""
    return _parse_text(original)


def _parse_text(original: str) -> PartialDate:
    text = " ".join(original.split())
    if not text:
        raise DateError("the date is empty")
    approximate = uncertain = False
    if (match := _APPROXIMATE_PREFIX.match(text)) is not None:
        approximate = True
        text = text[match.end() :].strip()
    if text.endswith("?"):
        uncertain = True
        text = text[:-1].rstrip()
    if not text:
        raise DateError(f"'{original}' has marks of doubt but no date")
    marks = {"approximate": approximate, "uncertain": uncertain}
    try:
        if m := _ISO_DAY.match(text):
            return PartialDate.of_day(int(m[1]), int(m[2]), int(m[3]), **marks)
        if m := _ISO_MONTH.match(text):
            return PartialDate.of_month(int(m[1]), int(m[2]), **marks)
        if m := _YEAR.match(text):
            return PartialDate.of_year(int(m[1]), **marks)
        if m := _DECADE.match(text):
            return PartialDate.of_decade(int(m[1]), **marks)
    except DateError as error:
        raise DateError(f"'{original}': {error}") from None
    if _TIME_OF_DAY.search(text):
        raise DateError(f"'{original}': a time of day is not supported; write the day only (e.g. 2019-02-27)")
    if not _HAS_LETTER.search(text):
        raise DateError(
            f"cannot read '{original}' as a date: write 2019-02-27, 2018-05, 1958 or 1980s"
            " (a form like 02/03/2019 could be read two ways)"
        )
    return _parse_words(original, text, marks)


def _parse_words(original: str, text: str, marks: dict[str, bool]) -> PartialDate:
    """Wordy forms (27 Feb 2019, May 2018, February 27, 2019) with python-dateutil.

    dateutil fills what was not written from a default, so the text is parsed against two defaults that
    differ in every field: a field that comes out the same both times was written, the others were not.
    That way no day or month is ever invented.
    """
    if _TIME_OF_DAY.search(text):
        raise DateError(f"'{original}': a time of day is not supported; write the day only")
    words = re.findall(r"[A-Za-z]+", text)
    months = [w for w in words if w.lower() in _MONTH_WORDS]
    others = [w for w in words if w.lower() not in _MONTH_WORDS and w.lower() not in {"of", "the"}]
    ordinal_suffixes = {"st", "nd", "rd", "th"}
    if len(months) != 1 or any(w.lower() not in ordinal_suffixes for w in others):
        raise DateError(f"cannot read '{original}' as a date: write 2019-02-27, 27 Feb 2019, May 2018, 1958 or 1980s")
    first = dt.datetime(2000, 1, 1, 0, 0)
    second = dt.datetime(2004, 3, 3, 5, 5)  # both leap years, so 29 February parses against either
    try:
        a = dateutil_parser.parse(text, default=first, dayfirst=True)
        b = dateutil_parser.parse(text, default=second, dayfirst=True)
    except (ValueError, OverflowError) as error:
        detail = str(error).split(":")[0]
        raise DateError(f"cannot read '{original}' as a date ({detail})") from None
    if (a.hour, a.minute) == (b.hour, b.minute):
        raise DateError(f"'{original}': a time of day is not supported; write the day only")
    if a.year != b.year:
        raise DateError(f"'{original}' has no year; write e.g. '{text} 2019'")
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", text)
    if len(years) != 1 or int(years[0]) != a.year:
        # dateutil reads "May 18" as 2018 and "3 May 0018" as 2018 too: never move a date to another century.
        raise DateError(f"'{original}': write the year with four digits (e.g. 'May 2018')")
    has_day = a.day == b.day
    if has_day:
        return PartialDate.of_day(a.year, a.month, a.day, **marks)
    return PartialDate.of_month(a.year, a.month, **marks)


# -- a date or a range, with how it was worked out ------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: one partial date, or a range of two, and how that was worked out."""

    start: PartialDate
    end: PartialDate | None = None
    note: str | None = None

    @property
    def start_seconds(self) -> float:
        return self.start.start_seconds

    @property
    def end_seconds(self) -> float:
        return (self.end or self.start).end_seconds

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends: what the event as a whole is known to."""
        return max(self.start.precision, self.end.precision) if self.end else self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def approximate(self) -> bool:
        return self.start.approximate or bool(self.end and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or bool(self.end and self.end.uncertain)

    def words(self) -> str:
        """27–28 February 2019, June 2018 – February 2019, 1950–1953, May 2018."""
        if self.end is None:
            return self.start.words()
        return range_words(self.start, self.end)


def range_words(start: PartialDate, end: PartialDate) -> str:
    """Say a range the way an editor would, sharing what both ends share."""
    same_marks = (start.approximate, start.uncertain) == (end.approximate, end.uncertain)
    if start.precision is end.precision and same_marks:
        marks = {"approximate": start.approximate, "uncertain": start.uncertain}
        if start.precision is Precision.DAY and (start.year, start.month) == (end.year, end.month):
            assert start.month is not None
            return _with_marks(f"{start.day}–{end.day} {MONTH_NAMES[start.month - 1]} {start.year}", **marks)
        if start.precision is Precision.DAY and start.year == end.year:
            assert start.month is not None and end.month is not None
            text = f"{start.day} {MONTH_NAMES[start.month - 1]} – {end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
            return _with_marks(text, **marks)
        if start.precision is Precision.MONTH and start.year == end.year:
            assert start.month is not None and end.month is not None
            text = f"{MONTH_NAMES[start.month - 1]}–{MONTH_NAMES[end.month - 1]} {start.year}"
            return _with_marks(text, **marks)
        if start.precision is Precision.YEAR:
            return _with_marks(f"{start.year}–{end.year}", **marks)
        if start.precision is Precision.DECADE:
            return _with_marks(f"the {start.year}s–{end.year}s", **marks)
    return f"{start.words()} – {end.words().removeprefix('the ')}"
