"""Load and validate a chronology: either a store, or every problem with its file, line and column.

Validation proves the chronology rather than merely parsing it: every quote is found verbatim in its
source's text, every source id exists, ids are unique, ranges run forward, and a misspelt field is named
with the field that was probably meant. A problem never stops the search for the next one, so one run of
`check` lists them all.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from viewer.model.addresses import web_address_problem
from viewer.model.dates import DateError, EventDate, PartialDate, parse_date, parse_event_date
from viewer.model.escaping import quoted, shown
from viewer.model.events import Dispute, Era, Event, Header, LeftOut, Link, Media, Quote, Source
from viewer.model.nodes import Kind, MapNode, Mark, is_list, is_map, kind
from viewer.model.problems import ChronologyError, Problem
from viewer.model.readers import EmptyFile, Format, UnknownFormat, reader_for
from viewer.model.readers.yamlfile import read_yaml_text
from viewer.model.richtext import plain_text, sanitize
from viewer.model.safe_read import NotReadable, TooLarge, read_regular, regular_file_problem, resolved
from viewer.model.store import Store
from viewer.model.verbatim import FoldedText, Found, nearest_cost, nearest_words

TOP_FIELDS = ("timeline", "sources", "events", "eras")
HEADER_FIELDS = ("title", "description", "show", "left_out")
SHOW_FIELDS = ("from", "to")
SOURCE_FIELDS = ("id", "title", "outlet", "authors", "url", "file", "published", "published_note")
EVENT_FIELDS = ("id", "title", "summary", "date", "start", "end", "date_note", "ongoing", "tags", "group", "quotes",
                "disputed", "links", "summary_html", "url", "media", "display_date", "background")
MEDIA_FIELDS = ("url", "credit", "caption", "thumbnail")
ERA_FIELDS = ("title", "summary", "date", "start", "end", "date_note", "colour", "quotes")
LINK_FIELDS = ("to", "label")
QUOTE_FIELDS = ("source", "text")
DISPUTE_FIELDS = ("source", "says", "record")
LEFT_OUT_FIELDS = ("what", "why")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")  # whole: fullmatch (a trailing newline is not a letter)
_HEX_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")  # whole: fullmatch
#: Colour names an era may use besides "#RRGGBB" (CSS's basic names and a few more), as hex.
COLOUR_NAMES = {
    "black": "#000000", "silver": "#C0C0C0", "gray": "#808080", "grey": "#808080", "white": "#FFFFFF",
    "maroon": "#800000", "red": "#FF0000", "purple": "#800080", "fuchsia": "#FF00FF", "green": "#008000",
    "lime": "#00FF00", "olive": "#808000", "yellow": "#FFFF00", "navy": "#000080", "blue": "#0000FF",
    "teal": "#008080", "aqua": "#00FFFF", "orange": "#FFA500", "brown": "#A52A2A", "pink": "#FFC0CB",
    "gold": "#FFD700", "beige": "#F5F5DC", "tan": "#D2B48C", "khaki": "#F0E68C", "lavender": "#E6E6FA",
}  # fmt: skip
MAX_SOURCE_BYTES = 32 * 1024 * 1024
# Budgets on the work and memory a file can cause, whatever it repeats or aliases:
MAX_TOTAL_SOURCE_BYTES = 256 * 1024 * 1024  # all source texts together, each distinct file counted once
MAX_EXPLAINED_CHARS = 2_000_000_000  # characters scanned to explain quote misses, for the whole file
_D = TypeVar("_D", PartialDate, EventDate)
MAX_DATE_CHARS = 200  # no date is longer; a longer value is not handed to the date parser
MAX_SUGGESTION_NAME = 64  # names longer than this get no "did you mean"
MAX_LISTED_FIELDS = 30  # "(expected one of: ...)" for a mapping's fields, never for a list of ids
MAX_SUGGESTION_CHOICES = 500  # nor do names among more choices than this (difflib's work grows with both)
READING_SHARE = 0.65
MAX_ID_SUGGESTIONS = 10


@dataclass
class LoadResult:
    """What a load gives: a store when the file is usable, and the problems found either way.

    An empty file gives an empty store *and* a problem, so the window can show an empty timeline and say why.
    """

    path: Path
    store: Store | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.store is not None and not self.problems


def load(path: Path | str, progress: Callable[[float], None] | None = None,
         format: Format | str | None = None) -> LoadResult:  # fmt: skip
    """Read and validate the chronology at `path`, in the format its suffix names. Never raises for a bad file.

    `format` (a Format or its name, e.g. "yaml") overrides the suffix. `progress`, if given, is called with a
    fraction in [0, 1] as the file is read and its events validated (for the window's progress bar); it may
    raise to cancel the load.
    """
    path = Path(path)
    try:
        reading = reader_for(path, format)
    except UnknownFormat as error:
        # A missing file or a folder is better told as such than as a format nobody can read.
        return LoadResult(path, None, [_unreadable(path) or Problem(path, 0, 0, str(error))])
    return _validated(path, lambda report: reading.read(path, report), progress)


def _unreadable(path: Path) -> Problem | None:
    """Why the file cannot be read at all, in the readers' words; None when it can. Never opens it."""
    problem = regular_file_problem(path)
    return None if problem is None else Problem(path, 0, 0, f"cannot read the file: {problem}")


def load_text(path: Path, text: str, progress: Callable[[float], None] | None = None) -> LoadResult:
    """Validate YAML text as if read from `path` (whose folder anchors the source files)."""
    return _validated(path, lambda report: read_yaml_text(path, text, report), progress)


def _validated(path: Path, read: Callable[[Callable[[float], None] | None], Any],
               progress: Callable[[float], None] | None) -> LoadResult:  # fmt: skip
    """Nodes from `read`, checked by the validator: a store, or every problem found."""
    reading, checking = None, None
    if progress is not None:
        # Reading the file is about two thirds of the work, checking it the rest.
        def reading(fraction: float) -> None:
            progress(READING_SHARE * fraction)

        def checking(fraction: float) -> None:
            progress(READING_SHARE + (1 - READING_SHARE) * fraction)

    try:
        tree = read(reading)
    except EmptyFile:
        return LoadResult(path, Store([], path=path), [Problem(path, 0, 0, "the file is empty: nothing to show")])
    except ChronologyError as error:
        return LoadResult(path, None, error.problems)
    validator = _Validator(path)
    store = validator.validate(tree, checking)
    # A reader of another format may have found problems only its format can have (a TimelineJS date with
    # no year); they are listed with the validator's, in the order of the file.
    found = list(getattr(tree, "problems", ()))
    if found:
        problems = sorted(found + validator.problems, key=lambda p: (p.line, p.column))
        return LoadResult(path, None, problems)
    if validator.problems:
        return LoadResult(path, None, validator.problems)
    return LoadResult(path, store, [])


def closest(name: str, known: tuple[str, ...]) -> str | None:
    """The known field a misspelt one was probably meant to be, if any is close."""
    if len(name) > MAX_SUGGESTION_NAME or len(known) > MAX_SUGGESTION_CHOICES:
        return None
    close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(name: str, known: tuple[str, ...]) -> str:
    """'; did you mean "title"?' for a misspelt field, or the list of fields when nothing is close."""
    meant = closest(name, known)
    if meant:
        return f'; did you mean "{shown(meant)}"?'
    if len(known) > MAX_LISTED_FIELDS:
        return ""
    return f" (expected one of: {', '.join(shown(name) for name in known)})"


_TYPE_WORDS = {str: "text", int: "a number", float: "a number", bool: "true/false", type(None): "nothing"}


def _type_word(value: Any) -> str:
    """What a wrong value is, in words: 'text', 'a list', 'a mapping', 'nothing'."""
    node_kind = kind(value)
    if node_kind is not Kind.SCALAR:
        return node_kind.value
    return _TYPE_WORDS.get(type(value), type(value).__name__)


class _Validator:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = resolved(path).parent
        self.problems: list[Problem] = []
        self.texts: dict[str, FoldedText] = {}
        # Budgets (see the constants above): a file's work grows with what it says, not with what it repeats.
        self.read_texts: dict[Path, tuple[str, FoldedText] | str] = {}  # resolved path -> (text, folded) or why not
        self.source_bytes = 0
        self.quote_results: dict[tuple[str, str], Found | str] = {}  # (source id, quote) -> match or explanation
        self.explained_chars = 0
        self.quote_details: dict[tuple[str, str], str] = {}  # (source id, quote) -> nearest passage, or ''
        self.stripped: dict[int, tuple[str, str]] = {}  # id(long value) -> (value, value.strip()): aliases share
        self.misspelt: set[tuple[int, str]] = set()  # (mapping, field) pairs a misspelling stood in for
        self.event_ids: set[str] = set()  # every id an event of the file has, even one with problems
        self.links_to_check: list[tuple[str, str, Mark]] = []  # (from id, to id, where 'to' is written)

    def report(self, mark: Mark | None, message: str) -> None:
        line, column = (mark.line, mark.column) if mark else (0, 0)
        self.problems.append(Problem(self.path, line, column, message))

    # -- generic field readers ----------------------------------------------------------------------
    def check_fields(self, mapping: MapNode, known: tuple[str, ...], what: str) -> None:
        for key in mapping.values:
            if key not in known:
                self.report(mapping.key_marks[key], f"unknown field '{shown(key)}' in {what}{suggest(key, known)}")
                meant = closest(key, known)
                if meant is not None:
                    self.misspelt.add((id(mapping), meant))

    def text(self, mapping: MapNode, key: str, what: str, required: bool = False) -> str | None:
        if key not in mapping.values or mapping.values[key] is None:
            # A misspelling with "did you mean 'title'?" has said it already.
            if required and (id(mapping), key) not in self.misspelt:
                self.report(mapping.mark, f"{what} has no '{key}'")
            return None
        value = mapping.values[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.report(mapping.value_marks[key], f"'{key}' should be text, not {_type_word(value)}")
            return None
        if not isinstance(value, str):
            self.report(mapping.value_marks[key], f"'{key}' should be text; put it in quotes: \"{shown(str(value))}\"")
            return None
        value = self.strip(value)
        if required and not value:
            self.report(mapping.value_marks[key], f"'{key}' is empty")
            return None
        return value

    def strip(self, value: str) -> str:
        """`value.strip()`, made once for a long value however many aliases share it (a 1 MB title aliased by
        9,000 events would otherwise be copied 9,000 times)."""
        if len(value) < 4096:
            return value.strip()
        known = self.stripped.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        result = value.strip()
        self.stripped[id(value)] = (value, result)
        return result

    def text_list(self, mapping: MapNode, key: str) -> tuple[str, ...]:
        value = mapping.values.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not is_list(value):
            self.report(mapping.value_marks[key], f"'{key}' should be a list of text, not {_type_word(value)}")
            return ()
        items: list[str] = []
        for number, item in enumerate(value.items):
            if isinstance(item, str) and item.strip():
                items.append(self.strip(item))
            else:
                self.report(value.item_marks[number], f"each of '{key}' should be text, not {_type_word(item)}")
        return tuple(items)

    def date(self, mapping: MapNode, key: str) -> PartialDate | None:
        if key not in mapping.values:
            return None
        return self._parsed_date(mapping, key, parse_date)

    def event_date(self, mapping: MapNode, key: str, note: str | None) -> EventDate | None:
        """`date:` holds one date or an EDTF interval (1964/2008, ../1985, 1985/..)."""
        return self._parsed_date(mapping, key, lambda value: parse_event_date(value, note))

    def _parsed_date(self, mapping: MapNode, key: str, parse: Callable[[Any], _D]) -> _D | None:
        value = mapping.values[key]
        if kind(value) is not Kind.SCALAR:  # said in words, not by the reader's class name
            self.report(mapping.value_marks[key], f"'{key}': expected a date, got {_type_word(value)}")
            return None
        if isinstance(value, str) and len(value) > MAX_DATE_CHARS:
            message = f"'{key}': {quoted(value, 40)} is not a date ({len(value):,} characters; a date has a few)"
            self.report(mapping.value_marks[key], message)
            return None
        try:
            return parse(value)
        except DateError as error:
            self.report(mapping.value_marks[key], f"'{key}': {error}")
            return None

    def identifier(self, mapping: MapNode, what: str) -> str | None:
        value = mapping.values.get("id")
        if value is None:
            if (id(mapping), "id") not in self.misspelt:
                self.report(mapping.mark, f"{what} has no 'id'")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool) or not _ID.fullmatch(str(value)):
            # A list or mapping is named in words: its repr would be a node object's address.
            said = quoted(str(value)) if kind(value) is Kind.SCALAR else _type_word(value)
            self.report(
                mapping.value_marks["id"], f"'id' should be a word of letters, digits, '-', '_' or '.', not {said}"
            )
            return None
        return str(value)

    # -- the file ---------------------------------------------------------------------------------
    def validate(self, tree: Any, progress: Callable[[float], None] | None) -> Store | None:
        if not is_map(tree):
            self.report(getattr(tree, "mark", Mark(1, 1)),
                        "a chronology is a mapping with 'timeline', 'sources' and 'events'")  # fmt: skip
            return None
        self.check_fields(tree, TOP_FIELDS, "the file")
        header = self.header(tree.values.get("timeline"), tree.value_marks.get("timeline"))
        sources = self.sources(tree.values.get("sources"), tree.value_marks.get("sources"))
        events = self.events(tree.values.get("events"), tree.value_marks.get("events"), sources, progress)
        eras = self.eras(tree.values.get("eras"), tree.value_marks.get("eras"), sources)
        self.check_links()
        if self.problems:
            return None
        return Store(events, sources, header, self.path, eras)

    def header(self, node: Any, mark: Mark | None) -> Header:
        if node is None:
            return Header(title=self.path.stem)
        if not is_map(node):
            self.report(mark, f"'timeline' should be a mapping with a title, not {_type_word(node)}")
            return Header()
        self.check_fields(node, HEADER_FIELDS, "'timeline'")
        title = self.text(node, "title", "'timeline'") or self.path.stem
        description = self.text(node, "description", "'timeline'") or ""
        show_from = show_to = None
        show = node.values.get("show")
        if is_map(show):
            self.check_fields(show, SHOW_FIELDS, "'show'")
            show_from, show_to = self.date(show, "from"), self.date(show, "to")
            if show_from and show_to and show_to.end_seconds <= show_from.start_seconds:
                self.report(show.value_marks["to"], f"'show' ends ({show_to}) before it starts ({show_from})")
        elif show is not None:
            self.report(node.value_marks["show"], "'show' should be a mapping with 'from' and 'to'")
        return Header(title, description, show_from, show_to, self.left_out(node))

    def sources(self, node: Any, mark: Mark | None) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        if node is None:
            return sources
        if not is_list(node):
            self.report(mark, f"'sources' should be a list, not {_type_word(node)}")
            return sources
        first_seen: dict[str, Mark] = {}
        for number, item in enumerate(node.items):
            if not is_map(item):
                self.report(node.item_marks[number], f"each source should be a mapping, not {_type_word(item)}")
                continue
            source = self.source(item)
            if source is None:
                continue
            if source.id in first_seen:
                self.report(
                    item.value_marks["id"],
                    f"the source id '{source.id}' is used twice (first at line {first_seen[source.id].line})",
                )
                continue
            first_seen[source.id] = item.value_marks["id"]
            sources[source.id] = source
        return sources

    def source(self, item: MapNode) -> Source | None:
        self.check_fields(item, SOURCE_FIELDS, "a source")
        source_id = self.identifier(item, "a source")
        title = self.text(item, "title", "a source", required=True)
        outlet = self.text(item, "outlet", "a source")
        authors = self.text_list(item, "authors")
        url = self.url(item)
        published = self.date(item, "published")
        published_note = self.text(item, "published_note", "a source")
        file, text = self.source_file(item)
        if source_id is None or title is None:
            return None
        if file is not None and text is not None:
            known = self.read_texts[file]
            assert not isinstance(known, str)
            self.texts[source_id] = known[1]
        return Source(source_id, title, outlet, authors, url, file, published, published_note, text or "")

    def url(self, item: MapNode, what: str = "a source") -> str | None:
        url = self.text(item, "url", what)
        if not url:
            return None
        problem = web_address_problem(url)
        if problem is None:
            return url
        if problem.startswith("is not an http"):
            message = f"'url' must be an http or https address, not {quoted(url)}"
        else:
            message = f"'url' {problem}, so it cannot be opened: {quoted(url)}"
        self.report(item.value_marks["url"], message)
        return None

    def source_file(self, item: MapNode) -> tuple[Path | None, str | None]:
        name = self.text(item, "file", "a source", required=True)
        if not name:
            return None, None
        mark = item.value_marks["file"]
        if "\x00" in name:
            self.report(mark, "'file' contains a NUL character; refused")
            return None, None
        said = quoted(name)
        relative = Path(name)
        if relative.is_absolute() or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
            self.report(mark, f"'file' must be a path inside the chronology's folder, not the absolute path {said}")
            return None, None
        where = resolved(self.folder / relative)
        if not where.is_relative_to(self.folder):
            self.report(mark, f"'file' {said} lies outside the chronology's folder; refused")
            return None, None
        known = self.read_texts.get(where)
        if known is None:
            known = self.read_texts[where] = self.read_source(where, said)
        if isinstance(known, str):
            self.report(mark, known)
            return None, None
        return where, known[0]

    def read_source(self, where: Path, said: str) -> tuple[str, FoldedText] | str:
        """A source text and its folded form, read once per file however many sources name it; or why not."""
        left = MAX_TOTAL_SOURCE_BYTES - self.source_bytes
        try:
            data = read_regular(where, min(MAX_SOURCE_BYTES, left))
        except TooLarge:
            if left < MAX_SOURCE_BYTES:
                return (f"the source text {said} is not read: the source texts come to more than "
                        f"{MAX_TOTAL_SOURCE_BYTES // 2**20} MiB in all")  # fmt: skip
            return f"the source text {said} is larger than {MAX_SOURCE_BYTES // 2**20} MiB"
        except NotReadable as error:
            return f"cannot read the source text {said}: {error}"
        self.source_bytes += len(data)
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            return f"the source text {said} is not UTF-8 (byte offset {error.start})"
        return text, FoldedText(text)

    def events(self, node: Any, mark: Mark | None, sources: dict[str, Source],
               progress: Callable[[float], None] | None) -> list[Event]:  # fmt: skip
        events: list[Event] = []
        if node is None:
            return events
        if not is_list(node):
            self.report(mark, f"'events' should be a list, not {_type_word(node)}")
            return events
        first_seen: dict[str, int] = {}
        total = len(node.items)
        step = max(1, total // 100)
        items = node.items
        for number in range(total):
            # Each event's nodes are let go as soon as it is checked: freed one by one here, rather than
            # all at once at the end, where a hundred thousand events' worth of small objects would hold the
            # interpreter (and a window loading in the background) for half a second.
            item, items[number] = items[number], None
            if progress is not None and number % step == 0:
                progress(number / max(total, 1))
            if not is_map(item):
                self.report(node.item_marks[number], f"each event should be a mapping, not {_type_word(item)}")
                continue
            event = self.event(item, sources)
            if event is None:
                continue
            if event.id in first_seen:
                self.report(
                    item.value_marks["id"],
                    f"the event id '{event.id}' is used twice (first at line {first_seen[event.id]})",
                )
                continue
            first_seen[event.id] = event.line
            events.append(event)
        if progress is not None:
            progress(1.0)
        return events

    def event(self, item: MapNode, sources: dict[str, Source]) -> Event | None:
        self.check_fields(item, EVENT_FIELDS, "an event")
        event_id = self.identifier(item, "an event")
        if event_id is not None:
            self.event_ids.add(event_id)
        title = self.text(item, "title", "an event", required=True)
        summary = self.text(item, "summary", "an event") or ""
        when = self.when(item)
        tags = self.text_list(item, "tags")
        group = self.text(item, "group", "an event") or None
        quotes = self.quotes(item, sources)
        disputed, ongoing = self.disputes(item, sources), self.ongoing(item)
        links = self.links(item, event_id)
        summary_html = sanitize(self.text(item, "summary_html", "an event") or "")
        if summary_html and not summary:
            summary = plain_text(summary_html)
        url = self.url(item, "an event")
        media = self.media(item)
        display_date = self.text(item, "display_date", "an event") or ""
        background = self.text(item, "background", "an event") or ""
        if event_id is None or title is None or when is None or quotes is None:
            return None
        return Event(event_id, title, when, summary, tags, quotes, item.mark.line, disputed, ongoing, group, links,
                     summary_html=summary_html, url=url, media=media, display_date=display_date,
                     background=background, column=item.mark.column)  # fmt: skip

    def media(self, item: MapNode) -> Media | None:
        """`media: {url, credit, caption, thumbnail}`: shown as a link with a credit line, never fetched."""
        node = item.values.get("media")
        if node is None:
            return None
        if not is_map(node):
            self.report(item.value_marks["media"], f"'media' should be a mapping with 'url', not {_type_word(node)}")
            return None
        self.check_fields(node, MEDIA_FIELDS, "'media'")
        url = self.text(node, "url", "'media'", required=True)
        credit = self.text(node, "credit", "'media'") or ""
        caption = self.text(node, "caption", "'media'") or ""
        thumbnail = self.text(node, "thumbnail", "'media'") or ""
        return Media(url, credit, caption, thumbnail) if url else None

    def when(self, item: MapNode, what: str = "an event") -> EventDate | None:
        has_date, has_start, has_end = ("date" in item.values), ("start" in item.values), ("end" in item.values)
        note = self.text(item, "date_note", what)
        if has_date and (has_start or has_end):
            key = "start" if has_start else "end"
            self.report(item.key_marks[key], f"{what} has either 'date' or 'start' and 'end', not both")
            return None
        if has_date:
            return self.event_date(item, "date", note)
        if has_start and has_end:
            start, end = self.date(item, "start"), self.date(item, "end")
            if start is None or end is None:
                return None
            if end.end_seconds <= start.start_seconds:
                self.report(item.value_marks["end"], f"the range ends ({end}) before it starts ({start})")
                return None
            return EventDate(start, end, note)
        if has_start or has_end:
            missing = "end" if has_start else "start"
            present = "start" if has_start else "end"
            self.report(
                item.key_marks[present], f"a range needs both 'start' and 'end'; '{missing}' is missing (or use 'date')"
            )
            return None
        self.report(item.mark, f"{what} needs a 'date' (or 'start' and 'end')")
        return None

    def quotes(self, item: MapNode, sources: dict[str, Source]) -> tuple[Quote, ...] | None:
        """The event's quotes, each found verbatim in its source; () for an event without 'quotes', which is
        allowed but *uncited* (drawn apart, counted by `check`, refused by `check --strict`)."""
        if "quotes" not in item.values:
            return ()
        node = item.values["quotes"]
        if not is_list(node) or not node.items:
            self.report(item.value_marks["quotes"], "'quotes' should be a list of at least one quote (leave "
                        "'quotes' out for an event that cites no source)")  # fmt: skip
            return None
        quotes: list[Quote] = []
        for number, quote_node in enumerate(node.items):
            if not is_map(quote_node):
                message = f"a quote should be a mapping with 'source' and 'text', not {_type_word(quote_node)}"
                self.report(node.item_marks[number], message)
                continue
            quote = self.quote(quote_node, sources)
            if quote is not None:
                quotes.append(quote)
        return tuple(quotes) if len(quotes) == len(node.items) else None

    def quote(self, node: MapNode, sources: dict[str, Source]) -> Quote | None:
        self.check_fields(node, QUOTE_FIELDS, "a quote")
        source_id = self.text(node, "source", "a quote", required=True)
        text = self.text(node, "text", "a quote", required=True)
        if source_id is None or text is None:
            return None
        if source_id not in sources:
            said = f"unknown source '{shown(source_id)}'{suggest(source_id, tuple(sources))}"
            self.report(node.value_marks["source"], said)
            return None
        folded = self.texts.get(source_id)
        if folded is None:  # the source's file already has its own problem
            return None
        # One answer per (source, quote): an aliased quote, or the same words quoted twice, is found once.
        found = self.quote_results.get((source_id, text))
        if found is None:
            found = folded.find(text)
            if found is None:
                found = self.explain(folded, text)
            self.quote_results[(source_id, text)] = found
        if isinstance(found, str):
            self.report(node.value_marks["text"], f"the quote is not verbatim in source '{shown(source_id)}': {found}")
            detail = self.quote_details.get((source_id, text))
            if detail is None:  # worked out once per (source, quote), like the explanation
                detail = self.quote_details[(source_id, text)] = self.nearest(folded, text, shown(source_id))
            if detail:
                self.problems[-1] = replace(self.problems[-1], detail=detail)
            return None
        return Quote(source_id, text, found.start, found.end)

    def explain(self, folded: FoldedText, text: str) -> str:
        """Why a quote is not in its source, while the file's budget for explanations lasts."""
        cost = folded.explain_cost(text)
        if self.explained_chars + cost > MAX_EXPLAINED_CHARS:
            return ("the quote is not in the source's text (not explained further: explaining this file's other "
                    "misses used up the time for it)")
        self.explained_chars += cost
        return folded.explain_miss(text)

    def nearest(self, folded: FoldedText, text: str, source_name: str) -> str:
        """The passage nearest to a quote not in its source, for the problems panel, out of the same budget
        as the explanations ('' once it is spent)."""
        cost = nearest_cost(folded, text)
        if self.explained_chars + cost > MAX_EXPLAINED_CHARS:
            return ""
        self.explained_chars += cost
        return nearest_words(folded, text, source_name)

    # -- links and eras -------------------------------------------------------------------------------
    def links(self, item: MapNode, event_id: str | None) -> tuple[Link, ...]:
        """`links:` a list of {to, label}: arrows to the events this one led to. Targets are checked once
        every event's id is known (a link may point forward in the file)."""
        links: list[Link] = []
        for entry in self.entries(item, "links", LINK_FIELDS):
            self.check_fields(entry, LINK_FIELDS, "a link")
            target = self.text(entry, "to", "a link", required=True)
            label = self.text(entry, "label", "a link") or ""
            if target is None:
                continue
            if target == event_id:
                self.report(entry.value_marks["to"], f"the event '{shown(target)}' links to itself")
                continue
            if event_id is not None:
                self.links_to_check.append((event_id, target, entry.value_marks["to"]))
            links.append(Link(target, label))
        return tuple(links)

    def check_links(self) -> None:
        """Every link's 'to' must name an event of the file."""
        known = tuple(sorted(self.event_ids))
        suggested = 0
        for _, target, mark in self.links_to_check:
            if target not in self.event_ids:
                # A close id is suggested for the first few only: each suggestion compares with every id.
                hint = _suggest_id(target, known) if suggested < MAX_ID_SUGGESTIONS else ""
                suggested += 1
                self.report(mark, f"the link points to '{shown(target)}', which is not an event's id{hint}")

    def eras(self, node: Any, mark: Mark | None, sources: dict[str, Source]) -> list[Era]:
        """`eras:` at the top: named periods drawn behind the events, dated like events."""
        eras: list[Era] = []
        if node is None:
            return eras
        if not is_list(node):
            self.report(mark, f"'eras' should be a list of periods, not {_type_word(node)}")
            return eras
        for number, item in enumerate(node.items):
            if not is_map(item):
                self.report(node.item_marks[number], f"each era should be a mapping, not {_type_word(item)}")
                continue
            era = self.era(item, sources)
            if era is not None:
                eras.append(era)
        return eras

    def era(self, item: MapNode, sources: dict[str, Source]) -> Era | None:
        self.check_fields(item, ERA_FIELDS, "an era")
        title = self.text(item, "title", "an era", required=True)
        summary = self.text(item, "summary", "an era") or ""
        when = self.when(item, "an era")
        colour = self.colour(item)
        quotes: tuple[Quote, ...] | None = ()
        if "quotes" in item.values:
            quotes = self.quotes(item, sources)
        if title is None or when is None or quotes is None:
            return None
        return Era(title, when, colour, summary, quotes, item.mark.line)

    def colour(self, item: MapNode) -> str | None:
        """An era's `colour`: "#RRGGBB", "#RGB" or a basic colour name; given as "#RRGGBB"."""
        text = self.text(item, "colour", "an era")
        if text is None:
            return None
        named = COLOUR_NAMES.get(text.lower())
        if named is not None:
            return named
        if not _HEX_COLOUR.fullmatch(text):
            message = f"'colour' should be a colour such as \"#D55E00\" or \"orange\", not {quoted(text)}"
            self.report(item.value_marks["colour"], message)
            return None
        if len(text) == 4:
            text = "#" + "".join(digit * 2 for digit in text[1:])
        return text.upper()

    # -- where the record contradicts a source, what goes on, what was left out ------------------------
    def disputes(self, item: MapNode, sources: dict[str, Source]) -> tuple[Dispute, ...]:
        """`disputed:` a list of {source, says, record}: a source's claim and what the record holds."""
        disputes: list[Dispute] = []
        for entry in self.entries(item, "disputed", DISPUTE_FIELDS):
            self.check_fields(entry, DISPUTE_FIELDS, "a dispute")
            source_id = self.text(entry, "source", "a dispute", required=True)
            says = self.text(entry, "says", "a dispute", required=True)
            record = self.text(entry, "record", "a dispute", required=True)
            if source_id is not None and source_id not in sources:
                message = f"unknown source '{shown(source_id)}'{suggest(source_id, tuple(sources))}"
                self.report(entry.value_marks["source"], message)
                continue
            if source_id is not None and source_id not in _quoted_sources(item):
                message = (f"the dispute is about source '{shown(source_id)}', which no quote of this event cites; "
                           "quote its words")  # fmt: skip
                self.report(entry.value_marks["source"], message)
                continue
            if source_id is not None and says is not None and record is not None:
                disputes.append(Dispute(source_id, says, record))
        return tuple(disputes)

    def entries(self, owner: MapNode, key: str, fields: tuple[str, ...]) -> Iterator[MapNode]:
        """Each mapping of the list under `key` (a list of {field, …}); anything else there is reported."""
        node = owner.values.get(key)
        if node is None:
            return
        if not is_list(node):
            listed = ", ".join(fields)
            self.report(owner.value_marks[key], f"'{key}' should be a list of {{{listed}}}, not {_type_word(node)}")
            return
        quoted = [f"'{name}'" for name in fields]
        named = ", ".join(quoted[:-1]) + " and " + quoted[-1]
        for number, entry in enumerate(node.items):
            if is_map(entry):
                yield entry
            else:
                message = f"each of '{key}' should be a mapping with {named}, not {_type_word(entry)}"
                self.report(node.item_marks[number], message)

    def ongoing(self, item: MapNode) -> bool:
        """`ongoing: true`: the range's end is the last date the sources see it going on, not its end."""
        if "ongoing" not in item.values:
            return False
        value = item.values["ongoing"]
        if not isinstance(value, bool):
            self.report(item.value_marks["ongoing"], f"'ongoing' should be true or false, not {_type_word(value)}")
            return False
        if value and not ("start" in item.values and "end" in item.values):
            message = ("'ongoing: true' needs a range: 'start', and as 'end' the last date the sources see it "
                       "still going on")  # fmt: skip
            self.report(item.key_marks["ongoing"], message)
            return False
        return value

    def left_out(self, node: MapNode) -> tuple[LeftOut, ...]:
        """`left_out:` in the header, a list of {what, why}: what the sources mention but the file leaves out."""
        items: list[LeftOut] = []
        for entry in self.entries(node, "left_out", LEFT_OUT_FIELDS):
            self.check_fields(entry, LEFT_OUT_FIELDS, "an entry of 'left_out'")
            what = self.text(entry, "what", "an entry of 'left_out'", required=True)
            why = self.text(entry, "why", "an entry of 'left_out'", required=True)
            if what is not None and why is not None:
                items.append(LeftOut(what, why))
        return tuple(items)


def _suggest_id(name: str, known: tuple[str, ...]) -> str:
    """'; did you mean "hanoi-summit"?' for a mistyped event id, or nothing (ids are too many to list)."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


def _quoted_sources(item: MapNode) -> set[str]:
    """The source ids an event's quotes cite, as written (a dispute must sit beside the words it disputes)."""
    quotes = item.values.get("quotes")
    if not is_list(quotes):
        return set()
    return {str(q.values.get("source")).strip() for q in quotes.items if is_map(q)}
