"""The visible range in words, for the status bar: to a precision that suits its length."""

from __future__ import annotations

from viewer.model.dates import MAX_YEAR, MIN_YEAR, SECONDS_PER_DAY, PartialDate, date_from_seconds, range_words


def _clamped_date(t: float) -> PartialDate:
    day = date_from_seconds(min(max(t, -62_135_596_800.0), 253_086_451_200.0))
    year = min(max(day.year, MIN_YEAR), MAX_YEAR)
    return PartialDate.of_day(year, day.month, day.day)


def range_in_words(t0: float, t1: float) -> str:
    """The visible range as a person says it, to a precision that suits its length."""
    try:
        a, b = _clamped_date(t0), _clamped_date(max(t0, t1 - 1))
    except (ValueError, OverflowError):
        return ""
    span_days = (t1 - t0) / SECONDS_PER_DAY
    if span_days > 3 * 365:
        start, end = PartialDate.of_year(a.year), PartialDate.of_year(b.year)
    elif span_days > 62:
        assert a.month is not None and b.month is not None
        start, end = PartialDate.of_month(a.year, a.month), PartialDate.of_month(b.year, b.month)
    else:
        start, end = a, b
    if start == end:
        return start.words()
    return range_words(start, end)
