"""The visible range in words, for the status bar: to a precision that suits its length."""

from __future__ import annotations

from viewer.model.dates import MAX_YEAR, MIN_YEAR, SECONDS_PER_DAY, PartialDate, civil_from_seconds, range_words


def _clamped_date(t: float) -> PartialDate:
    year, month, day, *_ = civil_from_seconds(t)
    if year > MAX_YEAR:
        return PartialDate.of_day(MAX_YEAR, 12, 31)
    if year < max(MIN_YEAR, -9999):  # days exist to -9999; deep time is said in years
        return PartialDate.of_year(max(year, MIN_YEAR))
    return PartialDate.of_day(year, month, day)


def range_in_words(t0: float, t1: float) -> str:
    """The visible range as a person says it, to a precision that suits its length: 27–28 February 2019,
    1950–2019, 500–44 BC, 100 million years ago – 2019."""
    try:
        a, b = _clamped_date(t0), _clamped_date(max(t0, t1 - 1))
    except (ValueError, OverflowError):
        return ""
    span_days = (t1 - t0) / SECONDS_PER_DAY
    if span_days > 3 * 365 or a.month is None or b.month is None:
        start, end = PartialDate.of_year(a.year), PartialDate.of_year(b.year)
    elif span_days > 62:
        start, end = PartialDate.of_month(a.year, a.month), PartialDate.of_month(b.year, b.month)
    else:
        start, end = a, b
    if start == end:
        return start.words()
    return range_words(start, end)
