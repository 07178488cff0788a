"""Time zones: a zone as written in a chronology (an IANA name, UTC, or a fixed offset) and its offsets.

IANA names go through `zoneinfo` with the `tzdata` package, so `Asia/Ho_Chi_Minh` means the same on every
platform, including Windows, which has no zone database of its own. A local time that a zone skips (the
clocks jump forward) or repeats (they fall back) is refused rather than guessed: the writer says which
one was meant by writing the offset.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from viewer.model.calendar_math import civil_from_days, days_from_civil

__all__ = ["UTC", "Zone", "ZoneError", "parse_zone", "zone_from_tzinfo"]

_SECONDS_PER_DAY = 86_400
#: No zone on Earth is further than 14 hours from UTC (Kiribati, +14:00).
MAX_OFFSET_MINUTES = 14 * 60

# The instants `datetime` can hold; an IANA zone's offset outside them is taken at the nearest one.
_FIRST_DATETIME_SECONDS = days_from_civil(1, 1, 2) * _SECONDS_PER_DAY
_LAST_DATETIME_SECONDS = days_from_civil(9999, 12, 30) * _SECONDS_PER_DAY


class ZoneError(ValueError):
    """A zone that cannot be read, or a local time it does not have; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone: `key` is how it is written back ("UTC", "+07:00", "Asia/Ho_Chi_Minh").

    `fixed_minutes` is the offset of a fixed zone (UTC, +07:00) and None for an IANA zone, whose offset
    depends on the instant.
    """

    key: str
    fixed_minutes: int | None

    @property
    def is_named(self) -> bool:
        return self.fixed_minutes is None

    @property
    def place(self) -> str:
        """'Jakarta' for Asia/Jakarta, 'Ho Chi Minh' for Asia/Ho_Chi_Minh, 'UTC', 'UTC+07:00'."""
        if self.fixed_minutes is None:
            return self.key.rsplit("/", 1)[-1].replace("_", " ")
        return self.key if self.key == "UTC" else "UTC" + self.key

    def _info(self) -> ZoneInfo:
        return _zone_info(self.key)

    def offset_seconds_for_local(self, year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
        """The offset in force at a local time, in seconds, refusing a time the zone skips or repeats."""
        if self.fixed_minutes is not None:
            return self.fixed_minutes * 60
        info = self._info()
        local = dt.datetime(year, month, day, hour, minute, second)
        first = local.replace(tzinfo=info).utcoffset()
        second_reading = local.replace(tzinfo=info, fold=1).utcoffset()
        assert first is not None and second_reading is not None
        if first != second_reading:
            back = local.replace(tzinfo=info).astimezone(dt.UTC).astimezone(info).replace(tzinfo=None)
            when = f"{local:%Y-%m-%d %H:%M}"
            if back != local:
                raise ZoneError(f"{when} does not exist in {self.key}: the clocks were put forward then; "
                                f"write the offset you mean (e.g. {_offset_text(_minutes(second_reading))})")
            raise ZoneError(f"{when} happened twice in {self.key} (the clocks were put back): write the offset, "
                            f"{_offset_text(_minutes(first))} or {_offset_text(_minutes(second_reading))}")
        return int(first.total_seconds())

    def offset_seconds_at(self, t: float) -> float:
        """The zone's offset from UTC, in seconds, at the instant `t` (seconds since 1970, UTC)."""
        if self.fixed_minutes is not None:
            return self.fixed_minutes * 60.0
        clamped = min(max(t, _FIRST_DATETIME_SECONDS), _LAST_DATETIME_SECONDS)
        when = dt.datetime.fromtimestamp(0, dt.UTC) + dt.timedelta(seconds=clamped)
        offset = when.astimezone(self._info()).utcoffset()
        assert offset is not None
        return offset.total_seconds()

    def abbreviation_at(self, t: float) -> str:
        """'EST', 'WIB', 'UTC', or 'UTC+07' where the database has no letters for the zone."""
        if self.fixed_minutes is not None:
            return self.place
        clamped = min(max(t, _FIRST_DATETIME_SECONDS), _LAST_DATETIME_SECONDS)
        when = (dt.datetime.fromtimestamp(0, dt.UTC) + dt.timedelta(seconds=clamped)).astimezone(self._info())
        name = when.tzname() or ""
        if not name or name[0] in "+-":
            return "UTC" + _offset_text(_minutes(when.utcoffset() or dt.timedelta()), short=True)
        return name

    def local_fields(self, t: float) -> tuple[int, int, int, int, int, int]:
        """(year, month, day, hour, minute, second) of the instant `t` on this zone's clocks."""
        local = t + self.offset_seconds_at(t)
        days = int(local // _SECONDS_PER_DAY)
        rest = int(local - days * _SECONDS_PER_DAY)
        year, month, day = civil_from_days(days)
        return year, month, day, rest // 3600, rest // 60 % 60, rest % 60


UTC = Zone("UTC", 0)


def _minutes(offset: dt.timedelta) -> int:
    return int(offset.total_seconds() // 60)


def _offset_text(minutes: int, short: bool = False) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    if short and rest == 0:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{rest:02d}"


def offset_text(minutes: int) -> str:
    """+07:00, -05:00, +05:45: how EDTF and ISO 8601 write an offset."""
    return _offset_text(minutes)


@functools.lru_cache(maxsize=512)
def _zone_info(key: str) -> ZoneInfo:
    return ZoneInfo(key)


_OFFSET = re.compile(r"^(?:(?:UTC|GMT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_UTC_WORDS = {"z", "utc", "gmt", "ut", "etc/utc", "etc/gmt", "zulu"}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*$")


@functools.lru_cache(maxsize=1024)
def parse_zone(text: str) -> Zone:
    """A zone as written after a time: Z, UTC, +07:00, +0700, +07, UTC+7, or an IANA name."""
    text = text.strip()
    if not text:
        raise ZoneError("the time has no zone")
    if text.lower() in _UTC_WORDS:
        return UTC
    if (m := _OFFSET.match(text)) is not None:
        hours, minutes = int(m[2]), int(m[3] or 0)
        if minutes > 59:
            raise ZoneError(f"the offset '{text}' has minute {minutes}; minutes run from 00 to 59")
        total = (hours * 60 + minutes) * (-1 if m[1] == "-" else 1)
        if abs(total) > MAX_OFFSET_MINUTES:
            raise ZoneError(f"the offset '{text}' is more than 14 hours from UTC, which no zone is")
        return UTC if total == 0 else Zone(_offset_text(total), total)
    if not _NAME.match(text) or ".." in text:
        raise ZoneError(f"'{text}' is not a time zone: write an IANA name such as Asia/Ho_Chi_Minh, "
                        "UTC, or an offset such as +07:00")  # fmt: skip
    try:
        info = _zone_info(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ZoneError(f"unknown time zone '{text}'{_suggestion(text)}") from None
    return Zone(info.key, None)


def _suggestion(text: str) -> str:
    names = _zone_names()
    by_lower = {name.lower(): name for name in names}
    if text.lower() in by_lower:
        return f"; did you mean '{by_lower[text.lower()]}'? (names are case-sensitive)"
    close = difflib.get_close_matches(text, names, n=1, cutoff=0.85)
    if close:
        return f"; did you mean '{close[0]}'?"
    return "; write an IANA name such as Asia/Ho_Chi_Minh or America/New_York, or an offset such as +07:00"


@functools.cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def zone_from_tzinfo(info: dt.tzinfo, at: dt.datetime | None = None) -> Zone:
    """The zone of a `tzinfo` (zoneinfo, datetime.timezone, dateutil's): by name when it has an IANA key,
    else as the fixed offset it has at `at`."""
    key = getattr(info, "key", None)
    if isinstance(key, str):
        return parse_zone(key)
    offset = info.utcoffset(at)
    if offset is None:
        raise ZoneError("the time's zone gives no offset")
    minutes = _minutes(offset)
    return UTC if minutes == 0 else Zone(_offset_text(minutes), minutes)
