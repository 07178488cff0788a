"""Partial dates: reading them, writing them, and the period of time each one covers."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from viewer.model.calendar_math import days_in_month, is_leap_year
from viewer.model.dates import (
    MAX_YEAR,
    MIN_YEAR,
    MONTH_NAMES,
    SECONDS_PER_DAY,
    DateError,
    EventDate,
    OpenEnd,
    PartialDate,
    Precision,
    civil_from_seconds,
    date_from_seconds,
    from_datetime,
    make_date,
    parse_date,
    parse_event_date,
    range_words,
    seconds_from_date,
)

DAY = SECONDS_PER_DAY

# -- strategies ---------------------------------------------------------------------------------------


_ZONES = ["UTC", "+07:00", "-05:00", "+05:45", "Asia/Ho_Chi_Minh", "America/New_York", "Asia/Jakarta", "Europe/London"]


@st.composite
def calendar_dates(
    draw: st.DrawFn, min_year: int = 1, precisions: tuple[Precision, ...] = (Precision.DAY, Precision.MONTH,
                                                                             Precision.YEAR, Precision.DECADE)
) -> PartialDate:
    """A valid calendar PartialDate (no time of day) of the given precisions, with any marks of doubt."""
    precision = draw(st.sampled_from(precisions))
    marks = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())}
    if precision is Precision.DECADE:
        return PartialDate.of_decade(10 * draw(st.integers(max(0, (min_year + 9) // 10), MAX_YEAR // 10)), **marks)
    if precision is Precision.CENTURY:
        return PartialDate.of_century(100 * draw(st.integers(-99, MAX_YEAR // 100)), **marks)
    if precision is Precision.YEAR and min_year < -9999 and draw(st.booleans()):
        return PartialDate.of_year(draw(st.integers(MIN_YEAR, -10_000)))  # a long year: no marks in EDTF
    year = draw(st.integers(max(min_year, -9999), MAX_YEAR))
    if precision is Precision.YEAR:
        return PartialDate.of_year(year, **marks)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate.of_month(year, month, **marks)
    day = draw(st.integers(1, days_in_month(year, month)))
    return PartialDate.of_day(year, month, day, **marks)


@st.composite
def times_of_day(draw: st.DrawFn) -> PartialDate:
    """A time of day in some zone, to the minute or to the second; never a local time its zone skips.
    From 1970 on: earlier, some zones kept local mean time, whose offsets had seconds EDTF cannot write."""
    year = draw(st.integers(1970, 2100))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, days_in_month(year, month)))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    second = draw(st.sampled_from([0, 0, draw(st.integers(1, 59))]))
    zone = draw(st.sampled_from(_ZONES))
    try:
        return PartialDate.of_time(year, month, day, hour, minute, second, zone=zone)
    except DateError:
        assume(False)  # skipped or repeated by daylight saving time: refused, rightly
        raise


def partial_dates(min_year: int = MIN_YEAR) -> st.SearchStrategy[PartialDate]:
    """Any supported PartialDate: times with zones, days to centuries, BC and deep time."""
    return st.one_of(
        calendar_dates(min_year, tuple(p for p in Precision if not p.has_time)),
        *([times_of_day()] if min_year <= 1970 else []),
    )


def unmarked(d: PartialDate) -> PartialDate:
    return PartialDate(d.year, d.month, d.day, d.precision, hour=d.hour, minute=d.minute, second=d.second,
                       zone=d.zone)  # fmt: skip


# -- writing and reading back -------------------------------------------------------------------------


@given(partial_dates())
@example(PartialDate.of_day(2019, 2, 27))
@example(PartialDate.of_month(2018, 5, approximate=True))
@example(PartialDate.of_decade(1980, uncertain=True))
@example(PartialDate.of_year(1, approximate=True, uncertain=True))
@example(PartialDate.of_decade(9980))
def test_iso_with_marks_reads_back_as_the_same_date(d: PartialDate) -> None:
    back = parse_date(d.iso(marks=True))
    assert back == d
    assert (back.precision, back.approximate, back.uncertain) == (d.precision, d.approximate, d.uncertain)
    assert str(d) == d.iso(marks=True)


@given(partial_dates())
def test_iso_without_marks_reads_back_unmarked(d: PartialDate) -> None:
    assert parse_date(d.iso()) == unmarked(d)


@given(calendar_dates(min_year=1000))
@example(PartialDate.of_decade(1980))
@example(PartialDate.of_decade(1980, approximate=True, uncertain=True))
@example(PartialDate.of_day(2020, 2, 29, approximate=True))
@example(PartialDate.of_month(2017, 9, uncertain=True))
def test_words_read_back_as_the_same_date(d: PartialDate) -> None:
    """Four-digit years: what the window says can be typed back into a file."""
    assert parse_date(d.words()) == d
    assert parse_date(d.words(marks=False)) == unmarked(d)


@pytest.mark.parametrize(
    ("d", "iso", "words"),
    [
        (PartialDate.of_day(2019, 2, 27), "2019-02-27", "27 February 2019"),
        (PartialDate.of_month(2018, 5), "2018-05", "May 2018"),
        (PartialDate.of_year(1958), "1958", "1958"),
        (PartialDate.of_decade(1980), "1980s", "the 1980s"),
        (PartialDate.of_decade(1980, approximate=True), "~1980s", "about the 1980s"),
        (PartialDate.of_day(2019, 2, 28, uncertain=True), "2019-02-28?", "28 February 2019?"),
        (PartialDate.of_month(2019, 3, approximate=True, uncertain=True), "~2019-03?", "about March 2019?"),
        (PartialDate.of_year(5), "0005", "AD 5"),
        (PartialDate.of_year(-43), "-0043", "44 BC"),
        (PartialDate.of_day(-43, 3, 15), "-0043-03-15", "15 March 44 BC"),
        (PartialDate.of_year(0), "0000", "1 BC"),
        (PartialDate.of_year(-2999, approximate=True), "~-2999", "about 3000 BC"),
        (PartialDate.of_year(-66_000_000), "Y-66000000", "66 million years ago"),
        (PartialDate.of_year(-11_999), "Y-11999", "12,000 BC"),
        (PartialDate.of_century(1900), "19XX", "1900–1999"),
        (PartialDate.of_decade(-40), "-004X", "50–41 BC"),
    ],
)
def test_written_forms(d: PartialDate, iso: str, words: str) -> None:
    assert d.iso(marks=True) == iso
    assert d.words() == words


@pytest.mark.parametrize("text", ["3 May 0018", "3 May 18", "1 May 5", "May 99"])
def test_a_written_year_is_never_moved_to_another_century(text: str) -> None:
    written_year = int(text.split()[-1])
    try:
        d = parse_date(text)
    except DateError:
        return  # refusing is fine; inventing a century is not
    assert d.year == written_year


# -- what is accepted -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-02-27", PartialDate.of_day(2019, 2, 27)),
        ("2018-05", PartialDate.of_month(2018, 5)),
        ("1958", PartialDate.of_year(1958)),
        ("1980s", PartialDate.of_decade(1980)),
        ("the 1980s", PartialDate.of_decade(1980)),
        ("27 Feb 2019", PartialDate.of_day(2019, 2, 27)),
        ("February 27, 2019", PartialDate.of_day(2019, 2, 27)),
        ("27 February 2019", PartialDate.of_day(2019, 2, 27)),
        ("May 2018", PartialDate.of_month(2018, 5)),
        ("may 2018", PartialDate.of_month(2018, 5)),
        ("Sept 2017", PartialDate.of_month(2017, 9)),
        ("27 Sept 2017", PartialDate.of_day(2017, 9, 27)),
        ("3rd March 2019", PartialDate.of_day(2019, 3, 3)),
        ("27th of February 2019", PartialDate.of_day(2019, 2, 27)),
        ("29 Feb 2020", PartialDate.of_day(2020, 2, 29)),
        ("  2019-02-27  ", PartialDate.of_day(2019, 2, 27)),
        ("~1986", PartialDate.of_year(1986, approximate=True)),
        ("about May 2018", PartialDate.of_month(2018, 5, approximate=True)),
        ("c. 1958", PartialDate.of_year(1958, approximate=True)),
        ("circa 1958", PartialDate.of_year(1958, approximate=True)),
        ("2019-02-28?", PartialDate.of_day(2019, 2, 28, uncertain=True)),
        ("~2019-02?", PartialDate.of_month(2019, 2, approximate=True, uncertain=True)),
        ("about the 1980s", PartialDate.of_decade(1980, approximate=True)),
    ],
)
def test_accepted_forms(text: str, expected: PartialDate) -> None:
    got = parse_date(text)
    assert got == expected
    assert got.precision is expected.precision


def test_yaml_native_values() -> None:
    """YAML hands over `2019-02-27` as a datetime.date and `1958` as an int."""
    values = yaml.safe_load("a: 2019-02-27\nb: 1958\n")
    assert isinstance(values["a"], dt.date)
    assert parse_date(values["a"]) == PartialDate.of_day(2019, 2, 27)
    assert parse_date(values["b"]) == PartialDate.of_year(1958)
    assert parse_date(dt.date(2018, 6, 12)).precision is Precision.DAY


# -- what is refused ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2019-02-30", "February 2019 has 28 days, so day 30 does not exist"),
        ("2019-02-29", "February 2019 has 28 days, so day 29 does not exist"),
        ("2019-13", "there is no month 13"),
        ("2019-00", "there is no month 0"),
        ("1985s", "cannot read '1985s' as a date"),
        ("02/03/2019", "could be read two ways"),
        ("May", "'May' has no year"),
        ("2019-02-27 10:00", "a time of day needs a time zone: add one"),
        ("2019-02-27 10:00:00", "a time of day needs a time zone: add one"),
        ("2019-02-27T10:00", "a time of day needs a time zone: add one"),
        ("10am 3 May 2019", "a time of day is written after an ISO day, with its zone"),
        ("27 Feb 2019 10:00", "a time of day is written after an ISO day, with its zone"),
        ("2019-02-28T25:00Z", "hour 25 does not exist"),
        ("2019-02-28T24:00Z", "hour 24 does not exist"),
        ("2019-02-28T17:61Z", "minute 61 does not exist"),
        ("2019-02-28T17:00:60Z", "second 60 does not exist"),
        ("2019-02-28T17Z", "write the minutes too"),
        ("2019-02-28 17:00 Asia/Hanoi", "unknown time zone 'Asia/Hanoi'"),
        ("2019-02-28 17:00 Asia/Ho_Chi_Mihn", "did you mean 'Asia/Ho_Chi_Minh'?"),
        ("2019-02-28 17:00 ../../etc/passwd", "is not a time zone"),
        ("2019-02-28 17:00 +07:60", "minute 60"),
        ("2019-02-28 17:00 -14:30", "more than 14 hours from UTC"),
        ("2019-03-10 02:30 America/New_York", "does not exist in America/New_York"),
        ("2019-11-03 01:30 America/New_York", "happened twice in America/New_York"),
        ("~2019-02-28T17:00Z", "a time of day cannot be marked approximate or uncertain"),
        ("0044-03-15T12:00Z", None),
        ("-0043-03-15T12:00Z", "a time of day is supported from year 1 on"),
        ("0 BC", "there is no year 0 BC"),
        ("0 AD", "there is no year 0 AD"),
        ("44 BC AD", "write the era (BC or AD) once"),
        ("15 Smarch 44 BC", "'Smarch' is not a month"),
        ("2004-06~~", "more than one mark of doubt at its end ('~~')"),
        ("2004-06??", "more than one mark of doubt at its end ('??')"),
        ("2004-06?~", "write one: ~ (approximate), ? (uncertain) or % (both)"),
        ("~2004-06~", "marked approximate twice"),
        ("~2004-06%", "marked approximate twice"),
        ("~~2004", "more than one mark of doubt"),
        ("Y-499", "an EDTF 'Y' year has more than four digits; write -0499"),
        ("Y2019", "write 2019"),
        ("Y-66000000~", "EDTF cannot mark a year beyond ±9999"),
        ("Y-300000000", "is outside the years"),
        ("-10000-03-15", "a month or day of year -10000 cannot be written"),
        ("1XXX", "only the last digit"),
        ("XXXX", "only the last digit"),
        ("-000X", "write 000X"),
        ("-99999X", "only the last digit"),
        ("1964/2008", "is an interval; an interval is written in 'date'"),
        ("29 Feb 2019", "cannot read '29 Feb 2019'"),
        ("20190227", "cannot read '20190227'"),
        ("Mayday 2018", "cannot read 'Mayday 2018'"),
        (dt.datetime(2019, 2, 27, 10, 0), "has no time zone: add one"),
        (True, "expected a date, got true"),
        (False, "expected a date, got false"),
        (None, "expected a date, got NoneType"),
        (1.5, "expected a date, got float"),
        (10_000, "year 10000 is outside the years 280 million years ago to 9999"),
        (-300_000_000, "is outside the years"),
        ("", "the date is empty"),
        ("   ", "the date is empty"),
        ("~", "has marks of doubt but no date"),
        ("about ?", "has marks of doubt but no date"),
        ("?", "has marks of doubt but no date"),
    ],
)
def test_refused(value: object, fragment: str | None) -> None:
    if fragment is None:  # the control of its wrong twin
        parse_date(value)
        return
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


@settings(max_examples=300)
@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99))
@example(2019, 2, 29)
@example(2020, 2, 29)
@example(1900, 2, 29)
@example(2000, 2, 29)
@example(2019, 4, 31)
@example(9999, 12, 31)
@example(0, 2, 29)
def test_an_iso_day_is_accepted_exactly_when_it_exists(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    exists = 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
    if exists:
        assert parse_date(text) == PartialDate.of_day(year, month, day)
    else:
        with pytest.raises(DateError):
            parse_date(text)


@settings(max_examples=300)
@given(st.text(max_size=40))
@example("May 99999999999999999999")
@example("31 April 2019")
@example("the 0s")
@example("2019 May of the 3rd")
def test_any_text_gives_a_date_or_a_date_error(text: str) -> None:
    try:
        d = parse_date(text)
    except DateError as error:
        assert str(error)
    else:
        assert isinstance(d, PartialDate)
        assert d.start_seconds < d.end_seconds


_TOKENS = [
    "May",
    "Feb",
    "February",
    "Sept",
    "27",
    "3rd",
    "2019",
    "1980s",
    "of",
    "the",
    "~",
    "?",
    "about",
    "10:00",
    "am",
    "/",
    "-",
    ",",
    "0",
    "31",
    "99",
    "9999",
    "12",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=6), st.sampled_from([" ", "", "-"]))
def test_wordy_looking_text_gives_a_date_or_a_date_error(tokens: list[str], separator: str) -> None:
    try:
        d = parse_date(separator.join(tokens))
    except DateError:
        return
    assert isinstance(d, PartialDate)


# -- no invented precision ----------------------------------------------------------------------------


@given(st.integers(1000, MAX_YEAR), st.integers(1, 12), st.sampled_from(["iso", "name", "abbreviation"]))
def test_a_month_never_becomes_a_day(year: int, month: int, form: str) -> None:
    text = {
        "iso": f"{year:04d}-{month:02d}",
        "name": f"{MONTH_NAMES[month - 1]} {year}",
        "abbreviation": f"{MONTH_NAMES[month - 1][:3]} {year}",
    }[form]
    d = parse_date(text)
    assert d.precision is Precision.MONTH
    assert (d.year, d.month, d.day) == (year, month, None)


@given(st.integers(0, MAX_YEAR))
def test_a_year_never_becomes_a_month(year: int) -> None:
    for written in (year, str(year), f"{year:04d}", f"{-year:05d}" if year else "0000"):
        d = parse_date(written)
        assert (d.precision, d.month, d.day) == (Precision.YEAR, None, None)


def test_a_partial_date_cannot_carry_finer_fields_than_its_precision() -> None:
    with pytest.raises(DateError):
        PartialDate(2018, 5, 1, Precision.MONTH)
    with pytest.raises(DateError):
        PartialDate(2018, 5, None, Precision.YEAR)
    with pytest.raises(DateError):
        PartialDate(2018, 5, None, Precision.DAY)
    with pytest.raises(DateError, match="a decade starts on a year ending in 0"):
        PartialDate.of_decade(1985)


# -- the period each date covers ----------------------------------------------------------------------


def test_seconds_are_counted_from_1970() -> None:
    assert PartialDate.of_day(1970, 1, 1).start_seconds == 0.0
    assert PartialDate.of_day(1970, 1, 2).start_seconds == DAY
    assert PartialDate.of_day(1969, 12, 31).start_seconds == -DAY
    assert PartialDate.of_day(2019, 2, 27).start_seconds == 1_551_225_600.0


@given(calendar_dates(min_year=MIN_YEAR, precisions=tuple(p for p in Precision if not p.has_time)))
def test_the_period_runs_from_its_first_day_to_the_day_after(d: PartialDate) -> None:
    first = civil_from_seconds(d.start_seconds)
    last = civil_from_seconds(d.end_seconds - DAY)  # float64 seconds resolve a day, not a second, 1e9 years ago
    assert first[3:] == last[3:] == (0, 0, 0)
    length = {Precision.DECADE: 10, Precision.CENTURY: 100}.get(d.precision, 1)
    low = d.year if d.year >= 0 or length == 1 else d.year - (length - 1)
    assert first[:3] == (low, d.month or 1, d.day or 1)
    if d.precision is Precision.DAY:
        assert last[:3] == first[:3]
    elif d.precision is Precision.MONTH:
        assert last[:3] == (d.year, d.month, days_in_month(d.year, d.month or 1))
    else:
        assert last[:3] == (low + length - 1, 12, 31)
    years = range(low, low + length)
    expected_days = {
        Precision.DAY: 1,
        Precision.MONTH: days_in_month(d.year, d.month or 1),
    }.get(d.precision, sum(366 if is_leap_year(y) else 365 for y in years) if length < 1000 else 0)
    assert d.end_seconds - d.start_seconds == expected_days * DAY


@given(calendar_dates(min_year=1))
def test_days_agree_with_the_standard_library_where_it_reaches(d: PartialDate) -> None:
    first = dt.date(*civil_from_seconds(d.start_seconds)[:3])
    assert d.start_seconds == seconds_from_date(first)
    assert date_from_seconds(d.start_seconds) == first


@pytest.mark.parametrize(
    ("d", "first", "after"),
    [
        (PartialDate.of_month(2019, 2), dt.date(2019, 2, 1), dt.date(2019, 3, 1)),
        (PartialDate.of_month(2020, 2), dt.date(2020, 2, 1), dt.date(2020, 3, 1)),
        (PartialDate.of_month(2018, 12), dt.date(2018, 12, 1), dt.date(2019, 1, 1)),
        (PartialDate.of_year(1958), dt.date(1958, 1, 1), dt.date(1959, 1, 1)),
        (PartialDate.of_decade(1980), dt.date(1980, 1, 1), dt.date(1990, 1, 1)),
        (PartialDate.of_decade(9980), dt.date(9980, 1, 1), dt.date(9990, 1, 1)),
        (PartialDate.of_century(1900), dt.date(1900, 1, 1), dt.date(2000, 1, 1)),
    ],
)
def test_periods(d: PartialDate, first: dt.date, after: dt.date) -> None:
    assert (d.start_seconds, d.end_seconds) == (seconds_from_date(first), seconds_from_date(after))


def test_bc_days_count_back_through_year_zero() -> None:
    """1 BC (astronomical 0) is a leap year; 1 January AD 1 follows 31 December 1 BC."""
    assert PartialDate.of_day(1, 1, 1).start_seconds - PartialDate.of_day(0, 12, 31).start_seconds == DAY
    assert PartialDate.of_year(0).end_seconds - PartialDate.of_year(0).start_seconds == 366 * DAY
    assert parse_date("29 February 1 BC") == PartialDate.of_day(0, 2, 29)
    # the Ides of March, 44 BC: the Gregorian calendar repeats every 400 years (146,097 days), so 15 March
    # AD 357 is 146,097 days after it, and datetime can count from there
    ides = parse_date("15 March 44 BC")
    assert ides == PartialDate.of_day(-43, 3, 15)
    assert PartialDate.of_day(357, 3, 15).start_seconds - ides.start_seconds == 146_097 * DAY
    assert seconds_from_date(dt.date(357, 3, 15)) - ides.start_seconds == 146_097 * DAY
    deep = parse_date("Y-100000000")
    assert deep.start_seconds == pytest.approx(-100_001_970 * 365.2425 * DAY, rel=1e-9)


def test_a_month_lasts_the_whole_month() -> None:
    assert PartialDate.of_month(2019, 2).end_seconds - PartialDate.of_month(2019, 2).start_seconds == 28 * DAY
    assert PartialDate.of_month(2020, 2).end_seconds - PartialDate.of_month(2020, 2).start_seconds == 29 * DAY
    assert PartialDate.of_month(2018, 5).end_seconds - PartialDate.of_month(2018, 5).start_seconds == 31 * DAY
    assert PartialDate.of_decade(1980).end_seconds - PartialDate.of_decade(1980).start_seconds == 3653 * DAY


@given(st.lists(partial_dates(), min_size=2, max_size=20))
def test_ordering_agrees_with_the_time_axis(dates: list[PartialDate]) -> None:
    ordered = sorted(dates)
    keys = [(d.start_seconds, d.end_seconds) for d in ordered]
    assert keys == sorted(keys)
    for a in dates:
        for b in dates:
            if a.start_seconds < b.start_seconds:
                assert a < b
                assert not b < a
            if a < b:
                assert a.start_seconds <= b.start_seconds


def test_a_coarser_date_starting_on_the_same_day_sorts_after() -> None:
    day, month, year = PartialDate.of_day(2018, 1, 1), PartialDate.of_month(2018, 1), PartialDate.of_year(2018)
    assert sorted([year, month, day]) == [day, month, year]
    assert PartialDate.of_year(1979) < PartialDate.of_year(1980) < PartialDate.of_decade(1980)
    assert PartialDate.of_decade(1980) < PartialDate.of_year(1981)


# -- event dates and ranges ---------------------------------------------------------------------------


def _range(start: str, end: str) -> EventDate:
    return EventDate(parse_date(start), parse_date(end))


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2019-02-27", "2019-02-28", "27–28 February 2019"),
        ("1950", "1953", "1950–1953"),
        ("2018-06", "2019-02", "June 2018 – February 2019"),
        ("2018-06", "2018-09", "June–September 2018"),
        ("2018-06-11", "2018-07-03", "11 June – 3 July 2018"),
        ("2018-12-30", "2019-01-02", "30 December 2018 – 2 January 2019"),
        ("1960s", "1970s", "the 1960s–1970s"),
        ("~2019-02-27", "~2019-02-28", "about 27–28 February 2019"),
        ("2019-02-27?", "2019-02-28?", "27–28 February 2019?"),
        ("~1960s", "~1970s", "about the 1960s–1970s"),
        ("~1970s", "2019-02", "about the 1970s – February 2019"),
        ("1950", "2018-05", "1950 – May 2018"),
    ],
)
def test_range_words(start: str, end: str, words: str) -> None:
    when = _range(start, end)
    assert when.words() == words
    assert range_words(when.start, when.end) == words  # type: ignore[arg-type]


def test_single_event_date() -> None:
    when = EventDate(parse_date("~2019-02?"), note="worked out")
    assert when.words() == "about February 2019?"
    assert not when.is_range
    assert when.precision is Precision.MONTH
    assert (when.approximate, when.uncertain) == (True, True)
    assert (when.start_seconds, when.end_seconds) == (when.start.start_seconds, when.start.end_seconds)


def test_a_range_covers_both_ends_and_is_as_precise_as_its_coarser_end() -> None:
    when = _range("~1970s", "2019-02")
    assert when.is_range
    assert when.precision is Precision.DECADE
    assert when.approximate and not when.uncertain
    assert when.start_seconds == seconds_from_date(dt.date(1970, 1, 1))
    assert when.end_seconds == seconds_from_date(dt.date(2019, 3, 1))
    hanoi = _range("2019-02-27", "2019-02-28")
    assert hanoi.end_seconds - hanoi.start_seconds == 2 * DAY
    assert _range("2019-02-27", "2019-02-28?").uncertain


# -- times of day, zones, BC, deep time, EDTF --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edtf", "utc"),
    [
        ("2019-02-28T17:00Z", "2019-02-28T17:00:00Z", (2019, 2, 28, 17, 0, 0)),
        ("2019-03-01 00:00 +07:00", "2019-03-01T00:00:00+07:00", (2019, 2, 28, 17, 0, 0)),
        ("2019-03-01 00:05 Asia/Ho_Chi_Minh", "2019-03-01T00:05:00+07:00", (2019, 2, 28, 17, 5, 0)),
        ("2019-02-05 21:10 America/New_York", "2019-02-05T21:10:00-05:00", (2019, 2, 6, 2, 10, 0)),
        ("2019-07-04 12:00 America/New_York", "2019-07-04T12:00:00-04:00", (2019, 7, 4, 16, 0, 0)),
        ("2019-02-28T17:00:30+0545", "2019-02-28T17:00:30+05:45", (2019, 2, 28, 11, 15, 30)),
        ("2019-02-28 17:00 UTC", "2019-02-28T17:00:00Z", (2019, 2, 28, 17, 0, 0)),
        ("2019-02-28T17:00:00.000Z", "2019-02-28T17:00:00Z", (2019, 2, 28, 17, 0, 0)),
    ],
)
def test_times_of_day_are_instants_in_their_zone(text: str, edtf: str, utc: tuple[int, ...]) -> None:
    d = parse_date(text)
    assert d.precision in (Precision.MINUTE, Precision.SECOND)
    assert d.edtf() == edtf
    assert civil_from_seconds(d.start_seconds) == utc


def test_a_zone_name_is_kept_for_showing_and_its_offset_for_comparing() -> None:
    named = parse_date("2019-03-01 00:05 Asia/Ho_Chi_Minh")
    assert named.zone == "Asia/Ho_Chi_Minh"
    assert named.iso() == "2019-03-01 00:05 Asia/Ho_Chi_Minh"
    assert named == parse_date("2019-03-01T00:05:00+07:00")  # what EDTF keeps
    assert named.words() == "1 March 2019, 00:05 UTC+07"
    assert parse_date("2019-02-05 21:10 America/New_York").words() == "5 February 2019, 21:10 EST"


@pytest.mark.parametrize(
    ("text", "expected", "edtf"),
    [
        ("44 BC", PartialDate.of_year(-43), "-0043"),
        ("15 March 44 BC", PartialDate.of_day(-43, 3, 15), "-0043-03-15"),
        ("March 15, 44 BC", PartialDate.of_day(-43, 3, 15), "-0043-03-15"),
        ("March 44 B.C.", PartialDate.of_month(-43, 3), "-0043-03"),
        ("500 BCE", PartialDate.of_year(-499), "-0499"),
        ("c. 3000 BC", PartialDate.of_year(-2999, approximate=True), "-2999~"),
        ("-0499", PartialDate.of_year(-499), "-0499"),
        ("0000", PartialDate.of_year(0), "0000"),
        ("1 BC", PartialDate.of_year(0), "0000"),
        ("AD 79", PartialDate.of_year(79), "0079"),
        ("24 August AD 79", PartialDate.of_day(79, 8, 24), "0079-08-24"),
        ("79 CE", PartialDate.of_year(79), "0079"),
        ("12,000 BC", PartialDate.of_year(-11_999), "Y-11999"),
        ("Y-66000000", PartialDate.of_year(-66_000_000), "Y-66000000"),
        ("66 million years ago", PartialDate.of_year(-66_000_000), "Y-66000000"),
        ("Y-100000000", PartialDate.of_year(-100_000_000), "Y-100000000"),
        ("2004-06~", PartialDate.of_month(2004, 6, approximate=True), "2004-06~"),
        ("2004-07?", PartialDate.of_month(2004, 7, uncertain=True), "2004-07?"),
        ("2004-08%", PartialDate.of_month(2004, 8, approximate=True, uncertain=True), "2004-08%"),
        ("201X", PartialDate.of_decade(2010), "201X"),
        ("19XX", PartialDate.of_century(1900), "19XX"),
        ("-004X", PartialDate.of_decade(-40), "-004X"),
        ("2004-XX", PartialDate.of_year(2004), "2004"),
        ("2004-06-XX", PartialDate.of_month(2004, 6), "2004-06"),
        ("~1986", PartialDate.of_year(1986, approximate=True), "1986~"),
        ("2019-02-28?", PartialDate.of_day(2019, 2, 28, uncertain=True), "2019-02-28?"),
        ("1980s", PartialDate.of_decade(1980), "198X"),
        ("about May 2018?", PartialDate.of_month(2018, 5, approximate=True, uncertain=True), "2018-05%"),
    ],
)
def test_bc_deep_time_and_edtf_forms(text: str, expected: PartialDate, edtf: str) -> None:
    got = parse_date(text)
    assert got == expected and got.precision is expected.precision
    assert got.edtf() == edtf
    assert parse_date(edtf) == got


@settings(max_examples=400)
@given(partial_dates())
@example(PartialDate.of_year(-66_000_000))
@example(PartialDate.of_century(-100, approximate=True))
@example(PartialDate.of_time(2019, 3, 1, 0, 5, zone="Asia/Ho_Chi_Minh"))
def test_parse_edtf_parse_is_the_identity(d: PartialDate) -> None:
    """Every supported form, written as EDTF and read back, is the same date (same precision and marks)."""
    back = parse_date(d.edtf())
    assert back == d
    assert (back.precision, back.approximate, back.uncertain, back.offset_seconds) == (
        d.precision, d.approximate, d.uncertain, d.offset_seconds)  # fmt: skip
    assert (back.start_seconds, back.end_seconds) == (d.start_seconds, d.end_seconds)
    assert parse_date(d.iso(marks=True)) == d  # and the file's own form too, zone names included
    assert parse_date(d.iso(marks=True)).zone == d.zone


@settings(max_examples=200, deadline=None)
@given(partial_dates())
def test_our_edtf_is_edtf_by_the_edtf_package(d: PartialDate) -> None:
    """The `edtf` package (an independent EDTF implementation) reads every value we write, to the same text."""
    edtf = pytest.importorskip("edtf")
    written = d.edtf()
    assert str(edtf.parse_edtf(written)) == written


@st.composite
def event_dates(draw: st.DrawFn) -> EventDate:
    start = draw(partial_dates())
    shape = draw(st.sampled_from(["one", "range", "open_before", "open_after"]))
    if shape == "one":
        return EventDate(start)
    if shape == "range":
        end = draw(partial_dates())
        assume(end.end_seconds > start.start_seconds)
        return EventDate.interval(start, end)
    side = draw(st.sampled_from(list(OpenEnd)))
    return EventDate(start, open_before=side) if shape == "open_before" else EventDate(start, open_after=side)


@settings(max_examples=300, deadline=None)
@given(event_dates())
def test_an_event_date_reads_back_from_its_edtf(when: EventDate) -> None:
    written = when.edtf()
    assert parse_event_date(written) == when
    ends = [d for d in (when.start, when.end) if d is not None]
    beyond_edtf = when.is_range and any(
        d.precision.has_time or not -9999 <= d.year <= 9999 or d.precision >= Precision.DECADE for d in ends
    )
    if not beyond_edtf:  # EDTF levels 0-1 have no interval of times, long years or decades (EventDate.edtf)
        edtf = pytest.importorskip("edtf")
        assert str(edtf.parse_edtf(written)) == written


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("1964/2008", "1964–2008", "1964/2008"),
        ("../1985", "until 1985", "../1985"),
        ("1985/..", "1985 onwards", "1985/.."),
        ("1985/", "1985 – end unknown", "1985/"),
        ("/1985", "start unknown – 1985", "/1985"),
        ("500 BC/44 BC", "500–44 BC", "-0499/-0043"),
        ("2019-03-01 00:05 Asia/Ho_Chi_Minh/2019-03-01 01:05 Asia/Ho_Chi_Minh",
         "1 March 2019, 00:05–01:05 UTC+07", "2019-03-01T00:05:00+07:00/2019-03-01T01:05:00+07:00"),
    ],
)
def test_intervals(text: str, words: str, edtf: str) -> None:
    when = parse_event_date(text)
    assert when.is_range
    assert when.words() == words
    assert when.edtf() == edtf


def test_an_open_end_is_drawn_fading_over_ten_periods_of_its_date() -> None:
    when = parse_event_date("1985/..")
    assert when.start_seconds == parse_date("1985").start_seconds
    assert when.end_seconds - when.start.end_seconds == 10 * 365 * DAY  # ten times the year 1985
    before = parse_event_date("../2019-02-27")
    assert before.end_seconds - before.start_seconds == 11 * DAY
    assert before.start.words() == "27 February 2019"


@pytest.mark.parametrize("text", ["2008/1964", "../..", "/", "2019-02-28/2019-02-27"])
def test_refused_intervals(text: str) -> None:
    with pytest.raises(DateError):
        parse_event_date(text)


def test_dates_from_parts() -> None:
    """The API for readers of other formats: no strings."""
    assert make_date(2019, 3, 1, 0, 5, zone="Asia/Ho_Chi_Minh") == parse_date("2019-03-01 00:05 Asia/Ho_Chi_Minh")
    assert make_date(-43, 3, 15) == parse_date("15 March 44 BC")
    assert make_date(2004, 6, approximate=True) == parse_date("2004-06~")
    assert make_date(-66_000_000) == parse_date("Y-66000000")
    assert make_date(2019, 2, 28, 17, zone=dt.UTC).edtf() == "2019-02-28T17:00:00Z"
    aware = dt.datetime(2019, 2, 5, 21, 10, tzinfo=ZoneInfo("America/New_York"))
    assert from_datetime(aware) == parse_date("2019-02-05 21:10 America/New_York")
    assert from_datetime(aware).zone == "America/New_York"
    fixed = dt.datetime(2019, 3, 1, 0, 0, 7, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert from_datetime(fixed).edtf() == "2019-03-01T00:00:07+07:00"
    assert from_datetime(dt.date(2019, 2, 27)) == PartialDate.of_day(2019, 2, 27)
    with pytest.raises(DateError, match="has no time zone"):
        from_datetime(dt.datetime(2019, 2, 27, 10, 0))
    with pytest.raises(DateError, match="needs a time zone"):
        make_date(2019, 2, 27, 10, 0)
    with pytest.raises(DateError, match="hour 25"):
        make_date(2019, 2, 27, 25, 0, zone="UTC")


_INSTANT_ZONES = ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Asia/Jakarta", "+05:45", "-09:30"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(partial_dates(), times_of_day()), min_size=2, max_size=12))
def test_ordering_across_zones_eras_and_precisions_is_by_the_true_instant(dates: list[PartialDate]) -> None:
    """The true instant is computed independently here: with datetime for times of day, and by counting
    whole 400-year cycles (146,097 days) for years datetime cannot hold."""

    def true_start(d: PartialDate) -> float:
        if d.precision.has_time:
            local = dt.datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0, d.second or 0,
                                tzinfo=ZoneInfo(d.zone) if d.zone and "/" in d.zone else _fixed(d.zone))  # fmt: skip
            return local.timestamp()
        length = {Precision.DECADE: 10, Precision.CENTURY: 100}.get(d.precision, 1)
        year = d.year if d.year >= 0 or length == 1 else d.year - (length - 1)
        cycles = max(0, -((year - 1) // 400))
        year += 400 * cycles
        return seconds_from_date(dt.date(year, d.month or 1, d.day or 1)) - cycles * 146_097 * DAY

    for d in dates:
        assert d.start_seconds == true_start(d)
    ordered = sorted(dates)
    assert [d.start_seconds for d in ordered] == sorted(true_start(d) for d in dates)


def _fixed(zone: str | None) -> dt.tzinfo:
    if zone in (None, "UTC"):
        return dt.UTC
    assert zone is not None
    sign = -1 if zone[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
