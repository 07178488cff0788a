"""What the readers of other formats share: dates from parts, ids, and the chronology tree they build.

TimelineJS JSON, its spreadsheet, plain CSV and calendars all give an event as a handful of cells (a year,
a month, a headline, some HTML), each read from a known place in the file. `ChronologyBuilder` turns them
into the project's own nodes (`timeline`, `sources`, `events`, see viewer.model.readers.tree), checking
what only these formats can get wrong (a month of 13, a day without a month, an hour of 25) in their own
words and at the cell's line and column. Everything else is left to the validator, so that an imported
event is checked exactly as a YAML one is.

A date is built to the precision its parts give: a year alone stays a year, a year and a month a month.
Empty cells and empty strings mean "not given".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.model.dates import MIN_YEAR, DateError, make_date, parse_date
from viewer.model.nodes import Mark
from viewer.model.problems import Problem
from viewer.model.readers.tree import NOWHERE, BuiltList, BuiltMap, Chronology
from viewer.model.richtext import looks_like_html, plain_text

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_NOT_ID = re.compile(r"[^A-Za-z0-9_.\-]+")
_WHOLE = re.compile(r"^\s*([+-]?\d+)\s*$")
MAX_ID = 64


@dataclass(frozen=True, slots=True)
class Cell:
    """A value as read from the file, and where it was written."""

    value: Any
    mark: Mark

    @property
    def text(self) -> str:
        """The value as text with white space trimmed; '' for nothing."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()

    @property
    def given(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True, slots=True)
class DateParts:
    """A date as TimelineJS gives it: year, month, day and a time of day, each a cell or None."""

    mark: Mark
    year: Cell | None = None
    month: Cell | None = None
    day: Cell | None = None
    hour: Cell | None = None
    minute: Cell | None = None
    second: Cell | None = None
    display_date: Cell | None = None


@dataclass(frozen=True, slots=True)
class When:
    """A date read from parts: its text in the file format's words (PartialDate.iso), where it was, and
    what the date's note should say about how it was read."""

    text: str
    mark: Mark
    note: str = ""


def slug(text: str) -> str:
    """'Hanoi summit, day 2!' -> 'hanoi-summit-day-2': an id made of an imported text."""
    words = _NOT_ID.sub("-", text.strip().lower()).strip("-._")
    return words[:MAX_ID].strip("-._")


class ChronologyBuilder:
    """Collects a file's header and events as nodes, with the problems of the format's own cells."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = Chronology(mark=Mark(1, 1))
        self.header = BuiltMap(mark=Mark(1, 1))
        self.events = BuiltList(mark=Mark(1, 1))
        self.sources = BuiltList(mark=Mark(1, 1))
        self.eras = BuiltList(mark=Mark(1, 1))  # each {title, start, end}
        self.source_ids: dict[str, str] = {}  # source file -> id
        self.used_ids: set[str] = set()

    # -- problems ---------------------------------------------------------------------------------
    def problem(self, mark: Mark, message: str) -> None:
        self.tree.problems.append(Problem(self.path, mark.line, mark.column, message))

    # -- the header -------------------------------------------------------------------------------
    def title(self, cell: Cell | None) -> None:
        if cell is not None and cell.given:
            self.header.put("title", plain_text(cell.text) or cell.text, cell.mark)

    def description(self, cell: Cell | None) -> None:
        if cell is not None and cell.given:
            self.header.put("description", plain_text(cell.text), cell.mark)

    # -- cells ------------------------------------------------------------------------------------
    def whole(self, cell: Cell | None, name: str, low: int, high: int) -> int | None:
        """A whole number in [low, high] from a cell ('' and None: not given); a problem otherwise."""
        if cell is None or not cell.given:
            return None
        value = cell.value
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and (match := _WHOLE.match(value)):
            number = int(match[1])
        else:
            number = None
        if number is None:
            self.problem(cell.mark, f"{name} should be a whole number, not {cell.text!r}")
            return None
        if not low <= number <= high:
            self.problem(cell.mark, f"{name} should be from {low} to {high}, not {number}")
            return None
        return number

    def date(self, parts: DateParts, what: str) -> When | None:
        """The date the parts give, to their precision; None (with a problem) when they give none.

        TimelineJS shows a negative year as that many years BCE (-500 is "500 BCE"), so it is read as such
        (astronomical year -499); year 0 stays the astronomical 0, 1 BC. A time of day has no zone in
        TimelineJS (a browser shows it in its own); it is read as UTC, and the date's note says so."""
        before = len(self.tree.problems)
        year = self.whole(parts.year, f"{what}: the year", MIN_YEAR, 10**9)
        month = self.whole(parts.month, f"{what}: the month", 1, 12)
        day = self.whole(parts.day, f"{what}: the day", 1, 31)
        hour = self.whole(parts.hour, f"{what}: the hour", 0, 23)
        minute = self.whole(parts.minute, f"{what}: the minute", 0, 59)
        second = self.whole(parts.second, f"{what}: the second", 0, 59)
        if parts.year is None or not parts.year.given:
            self.problem(parts.mark, f"{what} has no year")
            return None
        if year is None or len(self.tree.problems) > before:
            return None  # said above
        for finer, coarser, names in ((day, month, ("day", "month")), (hour, day, ("hour", "day")),
                                      (minute, hour, ("minute", "hour"))):  # fmt: skip
            if finer is not None and coarser is None:
                cell = {"day": parts.day, "hour": parts.hour, "minute": parts.minute}[names[0]]
                assert cell is not None
                self.problem(cell.mark, f"{what} has a {names[0]} but no {names[1]}")
                return None
        astronomical = year + 1 if year < 0 else year
        finest = next(c for c in (parts.hour, parts.day, parts.month, parts.year) if c is not None and c.given)
        try:
            date = make_date(astronomical, month, day, hour, minute if hour is not None else None,
                             second if hour is not None else None, zone="UTC" if hour is not None else None)
        except DateError as error:
            self.problem(finest.mark, f"{what}: {error}")
            return None
        note = "TimelineJS gives no time zone; the time is read as UTC." if hour is not None else ""
        return When(date.iso(), parts.mark, note)

    def restated(self, start: When, end: When | None, shown: Cell | None) -> tuple[When, When | None, Cell | None]:
        """The date as a display date says it, when it says the same period more exactly than the parts can:
        "the 1980s" over the years 1980 to 1989, "about 1986" over 1986 (what this viewer writes into a
        TimelineJS file for a decade or a mark of doubt). Then the display date only restated the date and is
        dropped; any other display date ("Spring 1986") is kept as it is."""
        if shown is None or not shown.given:
            return start, end, shown
        try:
            said = [parse_date(part) for part in shown.text.split(" – ")]
            first = parse_date(start.text)
            last = parse_date(end.text) if end is not None else first
        except DateError:
            return start, end, shown
        if said[0].start_seconds != first.start_seconds or said[-1].end_seconds != last.end_seconds:
            return start, end, shown
        if len(said) == 1:
            return When(said[0].iso(marks=True), start.mark, start.note), None, None
        if len(said) == 2:
            later = When(said[1].iso(marks=True), end.mark if end is not None else start.mark, start.note)
            return When(said[0].iso(marks=True), start.mark, start.note), later, None
        return start, end, shown

    # -- ids --------------------------------------------------------------------------------------
    def event_id(self, given: Cell | None, title: str, number: int, own: bool = True) -> Cell:
        """The id an event is known by: the file's own when it is one, else one made of it or the title,
        made unique. A file's own id (`own`) used twice is left for the validator to report; a calendar's
        UIDs, which its moved occurrences share, are made unique."""
        if own and given is not None and given.given and _ID.match(given.text):
            self.used_ids.add(given.text)
            return Cell(given.text, given.mark)
        base = (given.text if not own and given is not None and _ID.match(given.text) else
                slug(given.text if given is not None and given.given else title)) or f"event-{number}"  # fmt: skip
        made, count = base, 1
        while made in self.used_ids:
            count += 1
            made = f"{base}-{count}"
        self.used_ids.add(made)
        return Cell(made, given.mark if given is not None else NOWHERE)

    # -- events -----------------------------------------------------------------------------------
    def source(self, file: Cell) -> str:
        """The id of the source whose text is the file `file` names (relative to the chronology's folder)."""
        name = file.text
        known = self.source_ids.get(name)
        if known is not None:
            return known
        base = slug(Path(name).stem) or "source"
        made, count = base, 1
        while made in self.source_ids.values():
            count += 1
            made = f"{base}-{count}"
        self.source_ids[name] = made
        node = BuiltMap(mark=file.mark)
        node.put("id", made, file.mark)
        node.put("title", Path(name).name, file.mark)
        node.put("file", name, file.mark)
        self.sources.append(node, file.mark)
        return made

    def event(self, mark: Mark, fields: dict[str, Cell | None], start: When, end: When | None,
              note: str = "") -> BuiltMap:  # fmt: skip
        """An event node from cells by field name (title, summary_html, summary, url, display_date, ...);
        empty cells are left out."""
        node = BuiltMap(mark=mark)
        for key, cell in fields.items():
            if cell is not None and cell.given:
                node.put(key, cell.value if key == "id" else cell.text, cell.mark)
        if end is None:
            node.put("date", start.text, start.mark)
        else:
            node.put("start", start.text, start.mark)
            node.put("end", end.text, end.mark)
        said = list(dict.fromkeys(t for t in (note, start.note, end.note if end else "") if t))
        full_note = " ".join(said)
        if full_note:
            node.put("date_note", full_note, start.mark)
        self.events.append(node, mark)
        return node

    def era(self, mark: Mark, title: Cell | None, start: When, end: When, summary: Cell | None = None) -> None:
        """An era (a named period drawn behind the events) from a TimelineJS era or `era` row."""
        node = BuiltMap(mark=mark)
        shown = plain_cell(title)
        node.put("title", shown.text if shown is not None and shown.given else "(untitled era)",
                 shown.mark if shown is not None else mark)  # fmt: skip
        node.put("start", start.text, start.mark)
        node.put("end", end.text, end.mark)
        words = plain_cell(summary)
        if words is not None and words.given:
            node.put("summary", words.text, words.mark)
        self.eras.append(node, mark)

    def finish(self) -> Chronology:
        if self.header.values:
            self.tree.put("timeline", self.header, self.header.mark)
        if self.sources.items:
            self.tree.put("sources", self.sources, self.sources.mark)
        self.tree.put("events", self.events, self.events.mark)
        if self.eras.items:
            self.tree.put("eras", self.eras, self.eras.mark)
        self.tree.problems.sort(key=lambda p: (p.line, p.column))
        return self.tree


def html_cell(cell: Cell | None) -> tuple[Cell | None, Cell | None]:
    """A cell that may hold HTML as (summary_html, summary): HTML goes to the validator to be sanitized,
    plain text stays plain."""
    if cell is None or not cell.given:
        return None, None
    if looks_like_html(cell.text):
        return cell, None
    return None, cell


def plain_cell(cell: Cell | None) -> Cell | None:
    """A cell whose HTML (a headline, a credit) is shown as its words only."""
    if cell is None or not cell.given:
        return None
    return Cell(plain_text(cell.text) if looks_like_html(cell.text) else " ".join(cell.text.split()), cell.mark)
