"""The iCalendar reader (RFC 5545, `.ics`), through the `icalendar` package.

Each VEVENT becomes an event: DTSTART and DTEND (or DURATION) its date or range, SUMMARY its title,
DESCRIPTION its summary, URL its address, CATEGORIES its tags, UID its id. An all-day event's DTEND is the
day after it ends (RFC 5545), so DTSTART 27 February and DTEND 1 March is 27–28 February. A date-time is
an instant in its own zone (its IANA name, or its offset for a zone the calendar defines itself); a
floating time, which names no zone, is read as UTC and the date's note says so.
A repeating event (RRULE, RDATE, EXDATE) is expanded with dateutil's rrule into its occurrences, up to
MAX_OCCURRENCES of them and no later than MAX_YEARS after its first; an occurrence moved or cancelled by a
VEVENT with RECURRENCE-ID is replaced by it; a cancelled event (STATUS:CANCELLED) is left out.

The `icalendar` package does not say where in the file a value was; lines are found here: every content
line is checked (NAME:value, unfolded), BEGIN and END must match, and each event's properties are marked at
the line they are written on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import icalendar
from dateutil import rrule

from viewer.model.dates import DateError, from_datetime
from viewer.model.lines import split_lines
from viewer.model.nodes import Mark
from viewer.model.problems import ChronologyError, Problem
from viewer.model.readers.base import EmptyFile, Progress
from viewer.model.readers.slides import Cell, ChronologyBuilder, When
from viewer.model.readers.text import read_text
from viewer.model.readers.tree import BuiltList
from viewer.model.zones import ZoneError

MAX_OCCURRENCES = 1_000  # per repeating event
MAX_YEARS = 10  # after a repeating event's first occurrence
MAX_EVENTS = 200_000  # in all, occurrences included
_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(?:;[^:]*)?:", re.DOTALL)


@dataclass
class _Block:
    """A VEVENT's place in the file: its BEGIN line and the first line of each property."""

    mark: Mark
    lines: dict[str, Mark] = field(default_factory=dict)

    def at(self, name: str) -> Mark:
        return self.lines.get(name, self.mark)


def read(path: Path, progress: Progress | None = None) -> Any:
    """Nodes from the iCalendar file at `path` (see viewer.model.readers.base.Reader)."""
    text = read_text(path, "iCalendar")
    if not text.strip():
        raise EmptyFile(path)
    blocks = _scan(path, text)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError) as error:
        raise ChronologyError([Problem(path, 0, 0, f"not an iCalendar file the icalendar package can read: {error}")]
                              ) from None  # fmt: skip
    builder = ChronologyBuilder(path)
    vevents = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if len(vevents) != len(blocks):  # pragma: no cover - the scan and the package count the same BEGIN lines
        blocks = [_Block(Mark(0, 0)) for _ in vevents]
    for calendar in calendars:
        name = calendar.get("X-WR-CALNAME")
        if name:
            builder.title(Cell(str(name), Mark(1, 1)))
    _Events(builder, vevents, blocks, progress).read()
    return builder.finish()


def _scan(path: Path, text: str) -> list[_Block]:
    """Check every content line and the nesting of BEGIN/END; the VEVENTs' lines, in order."""
    problems: list[Problem] = []
    blocks: list[_Block] = []
    open_components: list[tuple[str, int]] = []
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(split_lines(text), start=1):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
        elif line.strip():
            logical.append((number, line))
    if not logical or logical[0][1].strip().upper() != "BEGIN:VCALENDAR":
        where = logical[0][0] if logical else 1
        raise ChronologyError([Problem(path, where, 1, "an iCalendar file begins with BEGIN:VCALENDAR")])
    for number, line in logical:
        if not _CONTENT_LINE.match(line):
            problems.append(Problem(path, number, 1, f"not an iCalendar line (NAME:value): {line[:60]!r}"))
            continue
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        if name == "BEGIN":
            open_components.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                blocks.append(_Block(Mark(number, 1)))
        elif name == "END":
            if not open_components or open_components[-1][0] != value.strip().upper():
                expected = f"END:{open_components[-1][0]}" if open_components else "nothing more"
                problems.append(Problem(path, number, 1, f"END:{value.strip()} here, where {expected} was expected"))
                break
            open_components.pop()
        elif open_components and open_components[-1][0] == "VEVENT" and blocks:
            blocks[-1].lines.setdefault(name, Mark(number, 1))
    if not problems and open_components:
        kind, number = open_components[-1]
        problems.append(Problem(path, number, 1, f"BEGIN:{kind} is never ended (END:{kind} is missing)"))
    if problems:
        raise ChronologyError(problems)
    return blocks


def _instant(value: dt.datetime, mark: Mark) -> When:
    """A DTSTART or DTEND date-time as an instant in its own zone (an IANA name where the calendar gives one,
    else its offset); a floating time, which names no zone, is read as UTC and the note says so."""
    note = ""
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=dt.UTC)
        note = "The calendar gives a floating time (no time zone); it is read as UTC."
    try:
        date = from_datetime(value)
    except (DateError, ZoneError):  # a zone the calendar defines itself: kept as its offset at that moment
        offset = value.utcoffset()
        assert offset is not None
        date = from_datetime(value.replace(tzinfo=dt.timezone(offset)))
    return When(date.iso(), mark, note)


class _Events:
    def __init__(self, builder: ChronologyBuilder, vevents: list[Any], blocks: list[_Block],
                 progress: Progress | None) -> None:  # fmt: skip
        self.builder = builder
        self.vevents = vevents
        self.blocks = blocks
        self.progress = progress
        self.count = 0
        self.overridden: dict[str, set[Any]] = {}
        for event in vevents:
            recurrence = event.get("RECURRENCE-ID")
            if recurrence is not None and not isinstance(recurrence, list) and event.get("UID") is not None:
                self.overridden.setdefault(_text(event, "UID"), set()).add(_moment(recurrence.dt))

    def read(self) -> None:
        for number, (event, block) in enumerate(zip(self.vevents, self.blocks, strict=True)):
            if self.progress is not None and number % 500 == 0:
                self.progress(number / max(1, len(self.vevents)))
            self.event(event, block)

    def event(self, event: Any, block: _Block) -> None:
        for name, message in getattr(event, "errors", ()):
            said = str(name or "").upper()
            if said in ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"):
                self.builder.problem(block.at(said), f"{said}: {message}")
                return
        for name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
            if isinstance(event.get(name), list):
                self.builder.problem(block.at(name), f"an event (VEVENT) gives {name} more than once")
                return
        if _text(event, "STATUS").upper() == "CANCELLED":
            return
        start_property = event.get("DTSTART")
        if start_property is None:
            self.builder.problem(block.mark, "an event (VEVENT) has no DTSTART")
            return
        start = start_property.dt
        end = self.end_of(event, start, block)
        if end is False:
            return
        title = " ".join(_text(event, "SUMMARY").split()) or "(untitled)"
        fields = {"title": Cell(title, block.at("SUMMARY")),
                  "summary": Cell(_text(event, "DESCRIPTION"), block.at("DESCRIPTION")),
                  "url": Cell(_text(event, "URL"), block.at("URL"))}  # fmt: skip
        tags = _categories(event)
        uid = _text(event, "UID")
        if event.get("RRULE") is None and event.get("RDATE") is None:
            self.add(block, fields, tags, uid, start, end)
            return
        for occurrence, note in self.occurrences(event, start, block, uid):
            moved = end + (occurrence - start) if end is not None else None
            self.add(block, fields, tags, f"{uid}-{occurrence:%Y%m%d}" if uid else "", occurrence, moved, note)

    def end_of(self, event: Any, start: dt.date, block: _Block) -> dt.date | bool | None:
        """DTEND, or DTSTART + DURATION, or None; False when it cannot be read (with a problem)."""
        end_property, duration = event.get("DTEND"), event.get("DURATION")
        if end_property is not None:
            end = end_property.dt
        elif duration is not None:
            end = start + duration.dt
        else:
            return None
        if isinstance(end, dt.datetime) != isinstance(start, dt.datetime):
            self.builder.problem(block.at("DTEND"), "DTEND is a date-time where DTSTART is a date (or the other way "
                                 "round); both should be dates, or both date-times")  # fmt: skip
            return False
        if _moment(end) < _moment(start):
            self.builder.problem(block.at("DTEND" if end_property is not None else "DURATION"),
                                 f"the event ends ({end}) before it starts ({start})")  # fmt: skip
            return False
        return end

    def occurrences(self, event: Any, start: dt.date, block: _Block, uid: str) -> list[tuple[dt.date, str]]:
        """The repeating event's occurrences (bounded), each with a note that says what it is one of."""
        first = start if isinstance(start, dt.datetime) else dt.datetime(start.year, start.month, start.day)
        rules = rrule.rruleset()
        said = ""
        try:
            for rule in _listed(event.get("RRULE")):
                text = rule.to_ical().decode()
                said = text
                rules.rrule(rrule.rrulestr(text, dtstart=first))  # type: ignore[arg-type]
        except (ValueError, TypeError) as error:
            self.builder.problem(block.at("RRULE"), f"RRULE cannot be read: {error}")
            return []
        for listed in _listed(event.get("RDATE")):
            for value in listed.dts:
                rules.rdate(_as_datetime(value.dt, first))
        for listed in _listed(event.get("EXDATE")):
            for value in listed.dts:
                rules.exdate(_as_datetime(value.dt, first))
        last = first.replace(year=min(first.year + MAX_YEARS, 9999)) if not (first.month == 2 and first.day == 29) \
            else first.replace(year=min(first.year + MAX_YEARS, 9999), day=28)  # fmt: skip
        skipped = self.overridden.get(uid, set())
        found: list[dt.datetime] = []
        cut = False
        try:
            for moment in rules:
                if moment > last or len(found) >= MAX_OCCURRENCES:
                    cut = True
                    break
                if _moment(moment if isinstance(start, dt.datetime) else moment.date()) in skipped:
                    continue
                found.append(moment)
        except (ValueError, TypeError) as error:  # aware and naive moments mixed, say
            self.builder.problem(block.at("RRULE"), f"the repeating event cannot be expanded: {error}")
            return []
        rule_words = f" ({said})" if said else ""
        limit = (f"; shown up to {MAX_OCCURRENCES:,} occurrences and {MAX_YEARS} years after the first"
                 if cut else "")  # fmt: skip
        total = len(found)
        return [(moment if isinstance(start, dt.datetime) else moment.date(),
                 f"Occurrence {number} of {total}{'+' if cut else ''} of a repeating event{rule_words}{limit}.")
                for number, moment in enumerate(found, start=1)]  # fmt: skip

    def add(self, block: _Block, fields: dict[str, Cell], tags: list[str], uid: str, start: dt.date,
            end: dt.date | None, note: str = "") -> None:  # fmt: skip
        if self.count >= MAX_EVENTS:
            if self.count == MAX_EVENTS:
                self.builder.problem(block.mark, f"the calendar holds more than {MAX_EVENTS:,} events with their "
                                     "repetitions; refused")  # fmt: skip
                self.count += 1
            return
        self.count += 1
        mark = block.at("DTSTART")
        if isinstance(start, dt.datetime):
            first = _instant(start, mark)
            last = _instant(end, block.at("DTEND")) if isinstance(end, dt.datetime) and end != start else None
        else:
            first = When(start.isoformat(), mark)
            end_day = end - dt.timedelta(days=1) if end is not None else None  # an all-day DTEND is the day after
            last = When(end_day.isoformat(), block.at("DTEND")) if end_day is not None and end_day > start else None
        fields = dict(fields, id=self.builder.event_id(Cell(_id_word(uid), block.at("UID")) if uid else None,
                                                       fields["title"].text, self.count, own=False))  # fmt: skip
        node = self.builder.event(block.mark, fields, first, last, note)
        if tags:
            listed = BuiltList(mark=block.at("CATEGORIES"))
            for tag in tags:
                listed.append(tag, block.at("CATEGORIES"))
            node.put("tags", listed, block.at("CATEGORIES"))


def _id_word(uid: str) -> str:
    """A UID as an id: kept when it is a word, else made into one ('abc@google.com' -> 'abc-google.com')."""
    return uid if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", uid) else re.sub(r"[^A-Za-z0-9_.\-]+", "-", uid)


def _text(event: Any, name: str) -> str:
    """A text property, trimmed; the first of several ('' when absent)."""
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _categories(event: Any) -> list[str]:
    tags: list[str] = []
    for listed in _listed(event.get("CATEGORIES")):
        for tag in getattr(listed, "cats", [listed]):
            word = " ".join(str(tag).split())
            if word and word not in tags:
                tags.append(word)
    return tags


def _moment(value: dt.date) -> Any:
    """A comparable key for an occurrence: aware date-times by their instant, others as they are."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _as_datetime(value: dt.date, like: dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=like.tzinfo)
