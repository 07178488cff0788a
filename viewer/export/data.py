"""Write a chronology as data: the project's YAML, TimelineJS JSON, a TimelineJS sheet (CSV) or iCalendar.

Qt-free, for `timeline-viewer convert` and File > Export. Each writer returns the whole file and what it
had to leave out, one line per kind ("45 quotes of 32 events: TimelineJS has no place for them"), so the
user is told what a format cannot hold instead of finding out later.

TimelineJS has no decades, centuries, marks of doubt or zones. A date it cannot say exactly is written as
the years (or days) it covers, with its words as the slide's `display_date` ("the 1980s", "about 1986"),
which TimelineJS shows and which the readers here take back, so a chronology written out and read again
keeps those dates. Times of day are written in UTC. Negative years are written as TimelineJS shows them:
44 BC (astronomical -43) as -44.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from viewer.model.dates import EventDate, PartialDate, Precision, civil_from_seconds, parse_date
from viewer.model.events import Event
from viewer.model.richtext import from_plain
from viewer.model.store import Store

SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
                 "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
                 "Background")  # fmt: skip


@dataclass
class Converted:
    """A written file and what the format could not hold, one line per kind."""

    data: bytes
    dropped: list[str] = field(default_factory=list)


class _Drops:
    """Counts what is left out, by kind, and says it in one line each."""

    def __init__(self, format_name: str) -> None:
        self.format_name = format_name
        self.counts: dict[str, int] = {}
        self.words: dict[str, str] = {}

    def add(self, kind: str, why: str, count: int = 1) -> None:
        if count:
            self.counts[kind] = self.counts.get(kind, 0) + count
            self.words[kind] = why

    def lines(self) -> list[str]:
        return [f"{kind}: {count:,} ({self.words[kind]})" for kind, count in self.counts.items()]


# -- TimelineJS (JSON and sheet) ----------------------------------------------------------------------


def _tl_year(year: int) -> int:
    """The year as TimelineJS shows it: it writes |year| BCE for a negative year, so 44 BC is -44."""
    return year - 1 if year <= 0 else year


def _tl_parts(date: PartialDate, end: bool) -> dict[str, int]:
    """year, month, day (hour, minute, second in UTC) of a date's start (or, with `end`, of its last year
    for a decade or century)."""
    if date.precision.has_time:
        year, month, day, hour, minute, second = civil_from_seconds(date.start_seconds)
        parts = {"year": _tl_year(year), "month": month, "day": day, "hour": hour, "minute": minute}
        if date.precision is Precision.SECOND:
            parts["second"] = second
        return parts
    if date.precision in (Precision.DECADE, Precision.CENTURY):
        span = 10 if date.precision is Precision.DECADE else 100
        return {"year": _tl_year(date.year + (span - 1 if end else 0))}
    parts = {"year": _tl_year(date.year)}
    if date.month is not None:
        parts["month"] = date.month
    if date.day is not None:
        parts["day"] = date.day
    return parts


def _restating(when: EventDate) -> str:
    """The words that say a date TimelineJS's parts cannot (a decade, a mark of doubt): the slide's
    display_date, read back by the readers; '' when the parts say it all."""
    dates = [d for d in (when.start, when.end) if d is not None]
    if not any(d.precision in (Precision.DECADE, Precision.CENTURY) or d.approximate or d.uncertain for d in dates):
        return ""
    said = []
    for date in dates:
        words = date.words()
        try:
            same = parse_date(words) == date
        except ValueError:
            same = False
        said.append(words if same else date.iso(marks=True))
    return " – ".join(said)


class _TimelineJS:
    """What the JSON and the sheet share: each event's parts and what they lose."""

    def __init__(self, store: Store, format_name: str) -> None:
        self.store = store
        self.drops = _Drops(format_name)
        self.name = format_name

    def event_parts(self, event: Event) -> tuple[dict[str, int], dict[str, int] | None, str]:
        when, drops, name = event.when, self.drops, self.name
        if event.quotes:
            drops.add("quotes", f"{name} has no place for a quote or its source", len(event.quotes))
        if event.tags:
            drops.add("tags", f"{name} has none; the events keep their group", 1)
        if event.disputed:
            drops.add("disputes with the record", f"{name} has no place for them", len(event.disputed))
        if event.links:
            drops.add("links between events", f"{name} has none", len(event.links))
        if when.note:
            drops.add("date notes", f"{name} has no place for how a date was worked out")
        if event.ongoing:
            drops.add("'ongoing' marks", "written as the range up to its last date")
        if when.open_before or when.open_after:
            drops.add("open interval ends", "written as the one date they hold")
        if any(d is not None and d.precision.has_time for d in (when.start, when.end)):
            drops.add("time zones", f"{name} has none: times of day are written in UTC")
        if event.url and event.media is not None:
            drops.add("event addresses beside media", f"{name} holds one address, the media's")
        restated = _restating(when)
        if restated and event.display_date:
            drops.add("decades and marks of doubt", "the event's own display date was kept instead")
        start = _tl_parts(when.start, end=False)
        if when.end is not None:
            end = _tl_parts(when.end, end=True)
        elif when.start.precision in (Precision.DECADE, Precision.CENTURY):
            end = _tl_parts(when.start, end=True)
        else:
            end = None
        return start, end, event.display_date or restated

    def common_drops(self) -> None:
        store, name = self.store, self.name
        if store.header.left_out:
            self.drops.add("'left out' entries", f"{name} has no place for them", len(store.header.left_out))
        if store.sources:
            self.drops.add("sources", f"{name} has no place for them", len(store.sources))


def _text_html(event: Event) -> str:
    return event.summary_html or from_plain(event.summary)


def timelinejs_json(store: Store, output: Path | None = None) -> Converted:
    """The chronology as a TimelineJS3 JSON file (https://timeline.knightlab.com/docs/json-format.html)."""
    writer = _TimelineJS(store, "TimelineJS")
    writer.common_drops()
    slides = []
    for event in store.events:
        start, end, shown = writer.event_parts(event)
        slide: dict[str, Any] = {"unique_id": event.id, "start_date": _as_text(start)}
        if end is not None:
            slide["end_date"] = _as_text(end)
        slide["text"] = {"headline": html.escape(event.title, quote=False), "text": _text_html(event)}
        if shown:
            slide["display_date"] = shown
        media = event.media
        if media is not None:
            slide["media"] = {key: value for key, value in (("url", media.url), ("credit", media.credit),
                              ("caption", media.caption), ("thumbnail", media.thumbnail)) if value}  # fmt: skip
        elif event.url:
            slide["media"] = {"url": event.url}
        if event.group:
            slide["group"] = event.group
        if event.background:
            key = "color" if event.background.startswith("#") else "url"
            slide["background"] = {key: event.background}
        slides.append(slide)
    document: dict[str, Any] = {}
    header = store.header
    document["title"] = {"text": {"headline": html.escape(header.title, quote=False),
                                  "text": from_plain(header.description)}}  # fmt: skip
    document["events"] = slides
    if store.eras:
        document["eras"] = [_era_json(era, writer) for era in store.eras]
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return Converted(text.encode("utf-8"), writer.drops.lines())


def _era_json(era: Any, writer: _TimelineJS) -> dict[str, Any]:
    when = era.when
    if era.quotes:
        writer.drops.add("quotes", f"{writer.name} has no place for a quote or its source", len(era.quotes))
    if era.colour:
        writer.drops.add("era colours", f"{writer.name} chooses its own")
    end = when.end or when.start
    return {"start_date": _as_text(_tl_parts(when.start, end=False)), "end_date": _as_text(_tl_parts(end, end=True)),
            "text": {"headline": html.escape(era.title, quote=False), "text": from_plain(era.summary)}}  # fmt: skip


def _as_text(parts: dict[str, int]) -> dict[str, str]:
    """Date parts as text, as TimelineJS's own editor writes them."""
    return {key: str(value) for key, value in parts.items()}


def timelinejs_sheet(store: Store, output: Path | None = None) -> Converted:
    """The chronology as the TimelineJS Google Sheets template, saved as CSV (a `title` row, then events,
    then `era` rows)."""
    writer = _TimelineJS(store, "the TimelineJS sheet")
    writer.common_drops()
    buffer = io.StringIO()
    table = csv.writer(buffer, lineterminator="\r\n")
    table.writerow(SHEET_COLUMNS)
    header = store.header
    table.writerow(["", "", "", "", "", "", "", "", "", header.title, header.description, "", "", "", "", "title",
                    "", ""])  # fmt: skip
    ids = [e.id for e in store.events]
    if any(not _made_from_title(e) for e in store.events) and ids:
        writer.drops.add("event ids", "a TimelineJS sheet has no id column; ids are made from the headlines again",
                         sum(1 for e in store.events if not _made_from_title(e)))  # fmt: skip
    for event in store.events:
        start, end, shown = writer.event_parts(event)
        media = event.media
        row = [*_sheet_date(start), *(_sheet_date(end) if end is not None else ("", "", "", "")), shown,
               event.title, _text_html(event) if event.summary_html else event.summary,
               media.url if media else (event.url or ""), media.credit if media else "",
               media.caption if media else "", media.thumbnail if media else "", "", event.group or "",
               event.background]  # fmt: skip
        table.writerow(row)
    for era in store.eras:
        end_date = era.when.end or era.when.start
        table.writerow([*_sheet_date(_tl_parts(era.when.start, end=False)), *_sheet_date(_tl_parts(end_date, True)),
                        "", era.title, era.summary, "", "", "", "", "era", "", ""])  # fmt: skip
    return Converted(buffer.getvalue().encode("utf-8"), writer.drops.lines())


def _made_from_title(event: Event) -> bool:
    from viewer.model.readers.slides import slug

    return event.id == slug(event.title)


def _sheet_date(parts: dict[str, int]) -> tuple[str, str, str, str]:
    time = ""
    if "hour" in parts:
        time = f"{parts['hour']:02d}:{parts['minute']:02d}" + (f":{parts['second']:02d}" if "second" in parts else "")
    return (str(parts["year"]), str(parts.get("month", "")), str(parts.get("day", "")), time)


# -- iCalendar ----------------------------------------------------------------------------------------------


def icalendar_file(store: Store, output: Path | None = None) -> Converted:
    """The chronology as an iCalendar file: one VEVENT per event, a period as the all-day span it covers."""
    import icalendar

    drops = _Drops("iCalendar")
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//timeline-viewer//convert//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", store.header.title)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if store.sources:
        drops.add("sources", "iCalendar has no place for them", len(store.sources))
    if store.eras:
        drops.add("eras", "iCalendar has no periods beside its events", len(store.eras))
    for event in store.events:
        when = event.when
        first, last = when.start, when.end or when.start
        if not (first.year >= 1 and last.year <= 9999):
            drops.add("events outside the years 1 to 9999", "iCalendar dates cannot hold them")
            continue
        vevent = icalendar.Event()
        vevent.add("uid", event.id)
        vevent.add("dtstamp", stamp)
        vevent.add("summary", event.title)
        if first.precision.has_time:
            vevent.add("dtstart", _moment(first))
            if last.precision.has_time and when.end is not None:
                vevent.add("dtend", _moment(last, end=True) if last != first else _moment(last))
        else:
            start_day = _day(first.start_seconds)
            end_day = _day(last.end_seconds)
            vevent.add("dtstart", start_day)
            vevent.add("dtend", end_day)  # all day: the day after the last
            if any(d.precision > Precision.DAY for d in (first, last)):
                drops.add("months, years and decades", "written as the days they cover")
        if event.summary:
            vevent.add("description", event.summary)
        if event.url:
            vevent.add("url", event.url)
        if event.tags:
            vevent.add("categories", list(event.tags))
        _ics_drops(event, drops)
        calendar.add_component(vevent)
    return Converted(calendar.to_ical(), drops.lines())


def _ics_drops(event: Event, drops: _Drops) -> None:
    when = event.when
    checks: list[tuple[str, int, str]] = [
        ("quotes", len(event.quotes), "iCalendar has no place for a quote or its source"),
        ("disputes with the record", len(event.disputed), "iCalendar has no place for them"),
        ("links between events", len(event.links), "iCalendar has none"),
        ("media", int(event.media is not None), "iCalendar has no place for a picture's credit"),
        ("groups", int(event.group is not None), "iCalendar has none; tags are kept as categories"),
        ("date notes", int(bool(when.note)), "iCalendar has no place for how a date was worked out"),
        ("marks of doubt", int(when.approximate or when.uncertain), "iCalendar dates are exact"),
        ("'ongoing' marks", int(event.ongoing), "written as the range up to its last date"),
        ("display dates", int(bool(event.display_date)), "iCalendar has none"),
        ("open interval ends", int(bool(when.open_before or when.open_after)), "written as the one date they hold"),
    ]
    for kind, count, why in checks:
        drops.add(kind, why, count)


def _day(seconds: float) -> dt.date:
    year, month, day, *_ = civil_from_seconds(seconds)
    return dt.date(year, month, day)


def _moment(date: PartialDate, end: bool = False) -> dt.datetime:
    """A time of day as an aware datetime in its own zone (end: the end of its minute or second)."""
    from zoneinfo import ZoneInfo

    seconds = date.end_seconds if end else date.start_seconds
    utc = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)
    zone = date.zone_info
    if zone is not None and zone.is_named:
        return utc.astimezone(ZoneInfo(zone.key))
    return utc


# -- the project's YAML ----------------------------------------------------------------------------------


def chronology_yaml(store: Store, output: Path | None = None) -> Converted:
    """The chronology in the project's own YAML format: everything it holds. Source files are named
    relative to the output's folder, which must hold them for the file to load."""
    drops = _Drops("YAML")
    folder = (output.parent if output is not None else Path.cwd()).resolve()
    header = store.header
    timeline: dict[str, Any] = {"title": header.title}
    if header.description:
        timeline["description"] = header.description
    if header.show_from and header.show_to:
        timeline["show"] = {"from": header.show_from.iso(marks=True), "to": header.show_to.iso(marks=True)}
    if header.left_out:
        timeline["left_out"] = [{"what": item.what, "why": item.why} for item in header.left_out]
    document: dict[str, Any] = {"timeline": timeline}
    if store.sources:
        document["sources"] = [_source_yaml(source, folder, drops) for source in store.sources.values()]
    document["events"] = [_event_yaml(event) for event in store.events]
    if store.eras:
        document["eras"] = [_era_yaml(era) for era in store.eras]
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    return Converted(text.encode("utf-8"), drops.lines())


def _source_yaml(source: Any, folder: Path, drops: _Drops) -> dict[str, Any]:
    item: dict[str, Any] = {"id": source.id, "title": source.title}
    for key in ("outlet", "url", "published_note"):
        if getattr(source, key):
            item[key] = getattr(source, key)
    if source.authors:
        item["authors"] = list(source.authors)
    if source.published:
        item["published"] = source.published.iso(marks=True)
    if source.file is not None:
        relative = Path(os.path.relpath(source.file, folder))
        if relative.parts and relative.parts[0] == "..":
            drops.add("source texts outside the output's folder", "copy them into it for the quotes to be checked")
        item["file"] = relative.as_posix()
    return item


def _when_yaml(when: EventDate, item: dict[str, Any]) -> None:
    if when.open_before or when.open_after:
        item["date"] = when.edtf()
    elif when.end is None:
        item["date"] = when.start.iso(marks=True)
    else:
        item["start"] = when.start.iso(marks=True)
        item["end"] = when.end.iso(marks=True)
    if when.note:
        item["date_note"] = when.note


def _event_yaml(event: Event) -> dict[str, Any]:
    item: dict[str, Any] = {"id": event.id, "title": event.title}
    if event.summary and not event.summary_html:
        item["summary"] = event.summary
    _when_yaml(event.when, item)
    if event.ongoing:
        item["ongoing"] = True
    if event.tags:
        item["tags"] = list(event.tags)
    if event.group:
        item["group"] = event.group
    if event.quotes:
        item["quotes"] = [{"source": q.source_id, "text": q.text} for q in event.quotes]
    if event.disputed:
        item["disputed"] = [{"source": d.source_id, "says": d.says, "record": d.record} for d in event.disputed]
    if event.links:
        item["links"] = [{"to": link.target, **({"label": link.label} if link.label else {})} for link in event.links]
    optional: list[tuple[str, Callable[[Event], Any]]] = [
        ("summary_html", lambda e: e.summary_html), ("url", lambda e: e.url),
        ("display_date", lambda e: e.display_date), ("background", lambda e: e.background)]  # fmt: skip
    for key, value_of in optional:
        value = value_of(event)
        if value:
            item[key] = value
    if event.media is not None:
        media = event.media
        item["media"] = {key: value for key, value in (("url", media.url), ("credit", media.credit),
                         ("caption", media.caption), ("thumbnail", media.thumbnail)) if value}  # fmt: skip
    return item


def _era_yaml(era: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"title": era.title}
    if era.summary:
        item["summary"] = era.summary
    _when_yaml(era.when, item)
    if era.colour:
        item["colour"] = era.colour
    if era.quotes:
        item["quotes"] = [{"source": q.source_id, "text": q.text} for q in era.quotes]
    return item
