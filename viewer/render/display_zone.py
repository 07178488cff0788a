"""The zone the reader reads times in (View > Time zone): each event's own, UTC, or a named zone.

Qt-free, so the view state, the scene and the tests share it. A time of day is always shown in its own
zone first, as its source gave it; when the chosen display zone differs, the same instant follows in that
zone with its own calendar day, so "5 Feb 2019 21:10 EST = 6 Feb 2019 10:10 in Jakarta" says at once why a
Jakarta paper wrote "Wednesday" of a speech given on a Tuesday evening in Washington.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from viewer.model.dates import MONTH_ABBREVIATIONS, PartialDate, year_words
from viewer.model.zones import UTC, Zone, ZoneError, parse_zone

__all__ = ["COMMON_ZONES", "DisplayZone", "ZoneMode", "times_in_zones"]

#: The named zones the menu offers besides "Other…": where the shipped chronology's events and sources are.
COMMON_ZONES = ("Asia/Ho_Chi_Minh", "Asia/Jakarta", "Asia/Seoul", "Asia/Pyongyang", "Asia/Singapore",
                "Asia/Tokyo", "Europe/London", "America/New_York", "America/Los_Angeles")  # fmt: skip


class ZoneMode(enum.Enum):
    EVENT = "event"  # each event's own zone (the axis then counts hours in UTC)
    UTC = "utc"
    NAMED = "named"


@dataclass(frozen=True, slots=True)
class DisplayZone:
    mode: ZoneMode = ZoneMode.EVENT
    name: str | None = None  # the IANA name, for ZoneMode.NAMED

    def __post_init__(self) -> None:
        if (self.mode is ZoneMode.NAMED) != (self.name is not None):
            raise ValueError("a named display zone needs its name, and only it")

    @classmethod
    def named(cls, name: str) -> DisplayZone:
        """Raises ZoneError for a name the zone database does not have."""
        return cls(ZoneMode.NAMED, parse_zone(name).key)

    @property
    def axis_zone(self) -> Zone:
        """Whose clocks the axis's hours and days follow."""
        if self.mode is ZoneMode.NAMED:
            assert self.name is not None
            return parse_zone(self.name)
        return UTC

    @property
    def zone(self) -> Zone | None:
        """The zone times are shown in besides their own; None for "each event's own"."""
        return None if self.mode is ZoneMode.EVENT else self.axis_zone

    # -- the settings table stores it as one string --------------------------------------------------
    def setting(self) -> str:
        """'event', 'utc', or the IANA name."""
        return self.name if self.mode is ZoneMode.NAMED and self.name else self.mode.value

    @classmethod
    def from_setting(cls, text: str) -> DisplayZone:
        """Back from `setting()`; a value that names no zone (a hand-edited file) is the default."""
        if text == ZoneMode.UTC.value:
            return cls(ZoneMode.UTC)
        if text in ("", ZoneMode.EVENT.value):
            return cls()
        try:
            return cls.named(text)
        except ZoneError:
            return cls()

    def menu_text(self) -> str:
        if self.mode is ZoneMode.EVENT:
            return "Each event's own"
        if self.mode is ZoneMode.UTC:
            return "UTC"
        return self.axis_zone.place


def _clock(zone: Zone, t: float, with_year: bool) -> tuple[str, str]:
    year, month, day, hour, minute, second = zone.local_fields(t)
    date = f"{day} {MONTH_ABBREVIATIONS[month - 1]}" + (f" {year_words(year)}" if with_year else "")
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return date, clock


def times_in_zones(date: PartialDate, display: DisplayZone) -> str | None:
    """'5 Feb 2019 21:10 EST = 6 Feb 2019 10:10 in Jakarta (WIB)', or just the first half when the display
    zone is the event's own (or has the same clocks at that moment); None for a date without a time."""
    own = date.zone_info
    if own is None or not date.precision.has_time:
        return None
    t = date.start_seconds
    day, clock = _clock(own, t, True)
    text = f"{day} {clock} {own.abbreviation_at(t)}"
    if own.is_named:
        text += f" ({own.place})" if own.abbreviation_at(t).startswith("UTC") else ""
    other = display.zone
    if other is None or other.key == own.key or other.offset_seconds_at(t) == own.offset_seconds_at(t):
        return text
    other_day, other_clock = _clock(other, t, own.local_fields(t)[0] != other.local_fields(t)[0])
    place = "UTC" if other.key == "UTC" else f"in {other.place} ({other.abbreviation_at(t)})"
    if other.key == "UTC":
        return f"{text} = {other_day} {other_clock} UTC"
    return f"{text} = {other_day} {other_clock} {place}"
