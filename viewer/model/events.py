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
class Event:
    """One dated happening, with the quotes that prove it."""

    id: str
    title: str
    when: EventDate
    summary: str = ""
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    line: int = 0

    @property
    def start_seconds(self) -> float:
        return self.when.start_seconds

    @property
    def end_seconds(self) -> float:
        return self.when.end_seconds


@dataclass(frozen=True, slots=True)
class Header:
    """The chronology's name and the range to show when it is first opened."""

    title: str = "Untitled chronology"
    description: str = ""
    show_from: PartialDate | None = None
    show_to: PartialDate | None = None
