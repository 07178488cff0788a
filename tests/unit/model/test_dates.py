"""Partial dates: reading them, writing them, and the period of time each one covers."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from viewer.model.dates import (
    MAX_YEAR,
    MIN_YEAR,
    MONTH_NAMES,
    SECONDS_PER_DAY,
    DateError,
    EventDate,
    PartialDate,
    Precision,
    date_from_seconds,
    parse_date,
    range_words,
    seconds_from_date,
)

DAY = SECONDS_PER_DAY

# -- strategies ---------------------------------------------------------------------------------------


@st.composite
def partial_dates(
    draw: st.DrawFn, min_year: int = MIN_YEAR, precisions: tuple[Precision, ...] = tuple(Precision)
) -> PartialDate:
    """Any valid PartialDate, of any precision, with any marks of doubt."""
    precision = draw(st.sampled_from(precisions))
    marks = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())}
    if precision is Precision.DECADE:
        return PartialDate.of_decade(10 * draw(st.integers(max(1, (min_year + 9) // 10), MAX_YEAR // 10)), **marks)
    year = draw(st.integers(min_year, MAX_YEAR))
    if precision is Precision.YEAR:
        return PartialDate.of_year(year, **marks)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate.of_month(year, month, **marks)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate.of_day(year, month, day, **marks)


def unmarked(d: PartialDate) -> PartialDate:
    return PartialDate(d.year, d.month, d.day, d.precision)


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


@given(partial_dates(min_year=1000))
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
        (PartialDate.of_year(5), "0005", "5"),
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
        ("2019-02-27 10:00", "a time of day is not supported"),
        ("2019-02-27 10:00:00", "a time of day is not supported"),
        ("2019-02-27T10:00", "a time of day is not supported"),
        ("10am 3 May 2019", "a time of day is not supported"),
        ("29 Feb 2019", "cannot read '29 Feb 2019'"),
        ("0000", "year 0 is outside"),
        ("20190227", "cannot read '20190227'"),
        ("Mayday 2018", "cannot read 'Mayday 2018'"),
        (dt.datetime(2019, 2, 27, 10, 0), "a time of day is not supported"),
        (True, "expected a date, got true"),
        (False, "expected a date, got false"),
        (None, "expected a date, got NoneType"),
        (1.5, "expected a date, got float"),
        (0, "year 0 is outside 1–9989"),
        (10_000, "year 10000 is outside 1–9989"),
        ("", "the date is empty"),
        ("   ", "the date is empty"),
        ("~", "has marks of doubt but no date"),
        ("about ?", "has marks of doubt but no date"),
        ("?", "has marks of doubt but no date"),
    ],
)
def test_refused(value: object, fragment: str) -> None:
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
@example(9989, 12, 31)
@example(9990, 1, 1)
def test_an_iso_day_is_accepted_exactly_when_it_exists(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    exists = MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
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


@given(st.integers(MIN_YEAR, MAX_YEAR))
def test_a_year_never_becomes_a_month(year: int) -> None:
    for written in (year, str(year), f"{year:04d}"):
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


@given(partial_dates())
def test_the_period_runs_from_the_first_day_to_the_day_after(d: PartialDate) -> None:
    assert d.start_seconds == seconds_from_date(d.first_day)
    assert d.end_seconds == seconds_from_date(d.day_after)
    assert date_from_seconds(d.start_seconds) == d.first_day
    assert date_from_seconds(d.end_seconds - 1) == d.day_after - dt.timedelta(days=1)
    expected_days = {
        Precision.DAY: 1,
        Precision.MONTH: calendar.monthrange(d.year, d.month or 1)[1],
        Precision.YEAR: 366 if calendar.isleap(d.year) else 365,
        Precision.DECADE: sum(366 if calendar.isleap(y) else 365 for y in range(d.year, d.year + 10)),
    }[d.precision]
    assert d.end_seconds - d.start_seconds == expected_days * DAY


@pytest.mark.parametrize(
    ("d", "first", "after"),
    [
        (PartialDate.of_month(2019, 2), dt.date(2019, 2, 1), dt.date(2019, 3, 1)),
        (PartialDate.of_month(2020, 2), dt.date(2020, 2, 1), dt.date(2020, 3, 1)),
        (PartialDate.of_month(2018, 12), dt.date(2018, 12, 1), dt.date(2019, 1, 1)),
        (PartialDate.of_year(1958), dt.date(1958, 1, 1), dt.date(1959, 1, 1)),
        (PartialDate.of_decade(1980), dt.date(1980, 1, 1), dt.date(1990, 1, 1)),
        (PartialDate.of_decade(9980), dt.date(9980, 1, 1), dt.date(9990, 1, 1)),
    ],
)
def test_periods(d: PartialDate, first: dt.date, after: dt.date) -> None:
    assert (d.first_day, d.day_after) == (first, after)
    assert d.end_seconds - d.start_seconds == (after - first).days * DAY


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
