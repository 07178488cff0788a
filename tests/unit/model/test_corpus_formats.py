# ruff: noqa: E501  (the table holds whole messages, one per line)
"""The broken-file corpus of the other formats (tests/corpus/*.json, *.csv, *.tsv, *.ics): one file per kind of
mistake, each the control of its format (valid.json, valid_sheet.csv, valid_table.csv, valid.tsv, valid.ics) with
one mistake in it. Each gets what a broken YAML file gets: one `FILE:LINE:COL: message` (JSON, CSV and calendars
have lines too), no traceback, no store (so the window keeps its last good view), `check` exit 1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from viewer.model.loader import load

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
FORMATS = (".json", ".csv", ".tsv", ".ics")
CONTROLS = ("valid.json", "valid_sheet.csv", "valid_table.csv", "valid.tsv", "valid.ics")

# file: (line, column, the whole message); line 0 means the problem has no position.
EXPECTED: dict[str, tuple[int, int, str]] = {
    "ics_bad_dtstart.ics": (8, 1, "DTSTART: Expected datetime, date, or time. Got: '2019-02-27x'"),
    "ics_bad_line.ics": (11, 1, "not an iCalendar line (NAME:value): 'this line has no colon'"),
    "ics_bad_rrule.ics": (20, 1, "RRULE: Expected frequency, got: SOMETIMES"),
    "ics_mixed_date_kinds.ics": (
        9,
        1,
        "DTEND is a date-time where DTSTART is a date (or the other way round); both should be dates, or both date-times",
    ),
    "ics_no_dtstart.ics": (5, 1, "an event (VEVENT) has no DTSTART"),
    "ics_not_a_calendar.ics": (1, 1, "an iCalendar file begins with BEGIN:VCALENDAR"),
    "ics_range_reversed.ics": (9, 1, "the event ends (2019-02-20) before it starts (2019-02-27)"),
    "ics_unended_event.ics": (22, 1, "END:VCALENDAR here, where END:VEVENT was expected"),
    "ics_url_not_http.ics": (12, 1, "'url' must be an http or https address, not 'javascript:alert(1)'"),
    "json_binary.json": (1, 13, "this is a binary file, not JSON text (NUL byte at offset 12)"),
    "json_day_does_not_exist.json": (7, 57, "'end_date': February 2019 has 28 days, so day 30 does not exist"),
    "json_day_without_month.json": (6, 58, "'start_date' has a day but no month"),
    "json_deep_nesting.json": (1, 75, "the JSON is nested more than 64 levels deep"),
    "json_duplicate_key.json": (
        11,
        7,
        "the key 'group' is repeated (first at line 10); one of the values would be lost",
    ),
    "json_duplicate_unique_id.json": (12, 19, "the event id 'hanoi-summit' is used twice (first at line 4)"),
    "json_hour_out_of_range.json": (6, 73, "'start_date': the hour should be from 0 to 23, not 25"),
    "json_media_url_not_text.json": (9, 24, "'url' should be text or a number, not a list"),
    "json_month_not_a_number.json": (6, 47, "'start_date': the month should be a whole number, not 'Feb.'"),
    "json_month_out_of_range.json": (6, 47, "'start_date': the month should be from 1 to 12, not 13"),
    "json_nan.json": (6, 30, "NaN and Infinity are not JSON numbers"),
    "json_no_events.json": (1, 1, "a TimelineJS file needs 'events', a list of slides"),
    "json_no_headline.json": (8, 15, "an event has no 'text.headline'"),
    "json_no_start_date.json": (4, 5, "an event has no 'start_date'"),
    "json_no_year.json": (6, 21, "'start_date' has no year"),
    "json_not_an_object.json": (
        1,
        1,
        "a TimelineJS file is an object with 'events' (and optionally 'title' and 'eras')",
    ),
    "json_range_reversed.json": (7, 19, "the range ends (2019-02-26) before it starts (2019-02-27)"),
    "json_syntax_error.json": (12, 3, "JSON syntax error: Expecting ',' delimiter"),
    "json_text_not_an_object.json": (8, 15, "'text' should be an object"),
    "sheet_bad_time.csv": (4, 11, "'Time' should be a time of day such as 14:30 or 2:30 PM, not 'half past nine'"),
    "sheet_bad_type.csv": (5, 26, "'Type' should be empty, 'title' or 'era', not 'event'"),
    "sheet_day_does_not_exist.csv": (4, 24, "the end date: February 2019 has 28 days, so day 29 does not exist"),
    "sheet_era_without_end.csv": (5, 1, "an era needs an End Year"),
    "sheet_no_headline.csv": (6, 1, "this row has no Headline"),
    "sheet_text_after_quote.csv": (
        3,
        21,
        'text after a closing quote; a cell that starts with " must end with " followed by a comma or the end of the line',
    ),
    "sheet_too_many_cells.csv": (6, 31, "this row has 19 cells but the header names 18 columns"),
    "sheet_unclosed_quote.csv": (2, 26, 'this quoted cell is never closed (a " is missing)'),
    "sheet_year_not_a_number.csv": (6, 1, "the start date: the year should be a whole number, not 'MMXVIII'"),
    "table_date_and_start.csv": (2, 28, "an event has either 'date' or 'start' and 'end', not both"),
    "table_date_unreadable.csv": (
        4,
        23,
        "'date': cannot read '07/2018' as a date: write 2019-02-27, 2018-05, 1958, 1980s, 201X, 44 BC or 2019-02-28T17:00Z (a form like 02/03/2019 could be read two ways)",
    ),
    "table_duplicate_column.csv": (1, 22, "the column 'Date' is named twice (first in column 2)"),
    "table_no_date_column.csv": (
        1,
        1,
        "the header names no date column ('date', or 'start' and 'end'); a table of events needs both (or the TimelineJS template's columns: Year, Month, Day, Headline, ...)",
    ),
    "table_no_title.csv": (4, 1, "this row has no title"),
    "table_no_title_column.csv": (
        1,
        1,
        "the header names no 'title' column; a table of events needs both (or the TimelineJS template's columns: Year, Month, Day, Headline, ...)",
    ),
    "table_quote_not_in_source.csv": (
        3,
        70,
        "the quote is not verbatim in source 'article': the source has the quote's first 21 characters, then differs: …he two leaders will never meet…",
    ),
    "table_range_reversed.csv": (2, 29, "the range ends (2019-02-27) before it starts (2019-02-28)"),
    "table_source_outside_folder.csv": (
        3,
        50,
        "'file' '../../etc/passwd' lies outside the chronology's folder; refused",
    ),
    "table_source_without_quote.csv": (
        3,
        50,
        "this row names a source but gives no quote from it; give both, or neither for an uncited event",
    ),
    "table_url_not_http.csv": (3, 14, "'url' must be an http or https address, not 'javascript:alert(1)'"),
    "tsv_date_no_year.tsv": (2, 17, "'date': '27 February' has no year; write e.g. '27 February 2019'"),
}
CASES = sorted(EXPECTED)


def test_the_table_and_the_corpus_agree() -> None:
    on_disk = {path.name for path in CORPUS.iterdir() if path.suffix in FORMATS}
    assert on_disk - set(CONTROLS) == set(EXPECTED)


@pytest.mark.parametrize("name", CONTROLS)
def test_the_control_files_are_valid_and_uncited_where_they_quote_nothing(name: str) -> None:
    result = load(CORPUS / name)
    assert result.problems == [] and result.store is not None
    events = {event.id: event for event in result.store.events}
    assert any("hanoi" in event_id for event_id in events) or "Summit in Hanoi" in [e.title for e in events.values()]
    if name == "valid_table.csv":
        quoted = next(event for event in result.store.events if event.title == "Summit in Hanoi")
        assert quoted.cited and quoted.quotes[0].source_id == "article"
    else:
        assert not any(event.cited for event in result.store.events)


@pytest.mark.parametrize("name", CASES)
def test_load_refuses_the_file_with_the_problem_where_it_is(name: str) -> None:
    line, column, message = EXPECTED[name]
    result = load(CORPUS / name)
    assert result.store is None
    assert [(p.line, p.column, p.message) for p in result.problems] == [(line, column, message)]


@pytest.mark.parametrize("name", ["json_syntax_error.json", "sheet_unclosed_quote.csv", "table_date_unreadable.csv",
                                  "ics_bad_rrule.ics", "json_deep_nesting.json"])  # fmt: skip
def test_check_prints_the_problem_and_exits_1(name: str) -> None:
    line, column, message = EXPECTED[name]
    path = CORPUS / name
    done = subprocess.run([sys.executable, "-m", "viewer", "check", str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=30, cwd=ROOT)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [f"{path}:{line}:{column}: {message}"]
    assert "Traceback" not in done.stdout + done.stderr
