"""What a chronology holds: its header, its sources and its events, as frozen values.

Frozen so that a store can be handed to a painter thread or kept as "the last good state" without anyone
changing it behind the window's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from viewer.model.dates import EventDate, PartialDate


@dataclass(frozen=True, slots=True)
class Source:
    """A text the events quote: where it came from and, when shipped, its full text."""

    id: str
    title: str
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    file: Path | None = None
    published: PartialDate | None = None
    published_note: str | None = None
    text: str = field(default="", repr=False)

    def byline(self) -> str:
        """Outlet, title and authors in one line, as a citation under a quote."""
        parts = [self.outlet] if self.outlet else []
        parts.append(f"“{self.title}”")
        if self.authors:
            parts.append("by " + _join_names(self.authors))
        if self.published:
            parts.append(self.published.words())
        return ", ".join(parts)

    def name(self) -> str:
        """A short name to say who says something: the outlet up to its first parenthesis or comma
        ("Nikkei Asian Review (now Nikkei Asia), ..." gives "Nikkei Asian Review"), else the title."""
        if self.outlet:
            short = self.outlet.split("(")[0].split(",")[0].strip()
            if short:
                return short
        return f"“{self.title}”"


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim passage of a source. `start`/`end` locate it in the source's text (end exclusive)."""

    source_id: str
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Dispute:
    """A source's claim that the record contradicts: what the source says, and what the record holds.

    The source's words stay in the chronology (its quotes are verbatim); this says, beside them, where they
    are wrong, so that the chronology does not repeat a source's mistake silently.
    """

    source_id: str
    says: str
    record: str


@dataclass(frozen=True, slots=True)
class Media:
    """A picture, video or page that goes with an event, as TimelineJS keeps it: shown as a link with its
    credit and caption, never fetched (a file must not make the viewer load anything from the network)."""

    url: str
    credit: str = ""
    caption: str = ""
    thumbnail: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """"This led to that": an arrow from the event that holds it to the event `target` names (an event id).

    Cycles are allowed (two events may each be said to have led to the other), so a link is only a pair of
    ids and a label; the store resolves ids to indices once, for every link at a time."""

    target: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One dated happening, with the quotes that prove it."""

    id: str
    title: str
    when: EventDate
    summary: str = ""
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    line: int = 0
    # Where a source's claim is contradicted by the record (see Dispute).
    disputed: tuple[Dispute, ...] = ()
    # True when the range's end is not an end but the last date the sources see it still going on
    # (typically the date the source was written): "one-party rule, 1976 – still going on in February 2019".
    ongoing: bool = False
    # The actor or thread the event belongs to (TimelineJS's "group"): the lane it is drawn in when the
    # window shows lanes by group. None for an event that names no group.
    group: str | None = None
    # Arrows to the events this one led to (see Link).
    links: tuple[Link, ...] = ()
    # What an imported file says beyond the project's own fields (TimelineJS, spreadsheets, calendars).
    # `summary_html` is the summary as sanitized HTML (viewer.model.richtext); `summary` is its plain text.
    summary_html: str = ""
    url: str | None = None
    media: Media | None = None
    display_date: str = ""
    background: str = ""
    column: int = 0  # where the event was written (with `line`), for messages about it as a whole

    @property
    def cited(self) -> bool:
        """Whether a verbatim quote backs the event; an uncited one is drawn and counted apart."""
        return bool(self.quotes)

    def date_words(self) -> str:
        """The date as a reader is told it: '27–28 February 2019', and for a range still going on when last
        reported, '1976 – ongoing as of 6 February 2019' (its end is only where the sources stop)."""
        when = self.when
        if self.ongoing and when.end is not None:
            return f"{when.start.words()} – ongoing as of {when.end.words()}"
        return when.words()

    @property
    def start_seconds(self) -> float:
        return self.when.start_seconds

    @property
    def end_seconds(self) -> float:
        return self.when.end_seconds


@dataclass(frozen=True, slots=True)
class Era:
    """A named period drawn as a labelled band behind the events ("the Obama years", "the Korean War").

    Dated like an event (a date of any precision, or a range); `colour` is a "#RRGGBB" string or None for the
    theme's own; its quotes, when given, are checked verbatim like an event's."""

    title: str
    when: EventDate
    colour: str | None = None
    summary: str = ""
    quotes: tuple[Quote, ...] = ()
    line: int = 0

    @property
    def start_seconds(self) -> float:
        return self.when.start_seconds

    @property
    def end_seconds(self) -> float:
        return self.when.end_seconds


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Something the sources mention that the chronology deliberately does not hold, and why."""

    what: str
    why: str


@dataclass(frozen=True, slots=True)
class Header:
    """The chronology's name and the range to show when it is first opened."""

    title: str = "Untitled chronology"
    description: str = ""
    show_from: PartialDate | None = None
    show_to: PartialDate | None = None
    left_out: tuple[LeftOut, ...] = ()
