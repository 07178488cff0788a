"""Proleptic Gregorian day arithmetic on astronomical years, for any year (44 BC, 66 million years ago).

`datetime.date` stops at year 1, so the model counts days itself: `days_from_civil` and `civil_from_days`
are Howard Hinnant's algorithms (exact integer arithmetic, valid for every integer year). Years are
astronomical, as ISO 8601 and EDTF write them: year 0 is 1 BC, year -1 is 2 BC, and so on.
"""

from __future__ import annotations

__all__ = ["civil_from_days", "days_from_civil", "days_in_month", "is_leap_year"]

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap_year(year: int) -> bool:
    """Gregorian leap years, extended backwards: year 0 (1 BC) and year -4 (5 BC) are leap years."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap_year(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the given day (negative before). The date is not checked."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The (year, month, day) of the day `days` after 1970-01-01; the inverse of `days_from_civil`."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day
