"""Search the source texts as well as the events: a word that only a source has still finds the events.

An event's own text (title, summary, tags, quotes) is searched by `Store.search`. A reader who remembers a
word from an article ("Samsung", in the Nikkei piece) but not from any event should still be led there: the
paragraph of the source that holds every word of the query is a *passage*, and the events whose quotes of
that source stand nearest to it (the nearest quote before it and the nearest after, each within
`NEAR_CHARS`) are found through it. A passage inside a quote is left out: its event is already found by its
own quote.

Offsets are Python string indices into the source's raw text, as quotes' are, so the source reader can mark
exactly the words found. Qt-free, and built once per store on the first search that needs it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from viewer.model.events import Event, Source

#: A passage finds the events whose quotes of the same source are at most this far away (characters).
NEAR_CHARS = 1500
#: At most this many passages are kept for one query: enough to read, bounded however common the word.
MAX_PASSAGES = 2000

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def fold_case(text: str) -> str:
    """Lower case, character for character (a character whose lower case is longer stays as it is), so
    positions in the result are positions in `text`."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a source holds every word of a query, and the events quoting that source nearest to it."""

    source_id: str
    start: int  # the first found word's start in the source's raw text
    end: int  # the last found word's end (exclusive)
    events: tuple[int, ...]  # store indices, in time order


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: separated by blank lines, or by line breaks where a text has none."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    spans, start = [], 0
    for match in separator.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class _SourceIndex:
    """One source's text prepared for searching: its lowered text, paragraphs and the quotes of it."""

    def __init__(self, source: Source, quotes: list[tuple[int, int, int]]) -> None:
        self.source_id = source.id
        self.text = fold_case(source.text)
        spans = paragraphs(source.text)
        self.paragraph_starts = [start for start, _ in spans]
        self.paragraph_ends = [end for _, end in spans]
        self.quotes = sorted(quotes)  # (start, end, store index), by start
        self.quote_starts = [q[0] for q in self.quotes]
        # reach[k]: the quote reaching furthest among quotes[:k + 1] (the one a passage after them is nearest)
        self.reach: list[int] = []
        for k, (_, end, _) in enumerate(self.quotes):
            self.reach.append(k if not k or end > self.quotes[self.reach[-1]][1] else self.reach[-1])

    def paragraph_of(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def find(self, words: list[str]) -> list[Passage]:
        """Every paragraph holding every word, as a passage, with the events quoting nearest to it."""
        hits: dict[int, list[tuple[int, int]]] = {}  # paragraph -> (start, end) of each word found there
        for number, word in enumerate(words):
            found: dict[int, list[tuple[int, int]]] = {}
            position = self.text.find(word)
            while position >= 0:
                paragraph = self.paragraph_of(position)
                if number == 0 or paragraph in hits:
                    found.setdefault(paragraph, []).append((position, position + len(word)))
                position = self.text.find(word, position + 1)
            hits = found if number == 0 else {p: spans + found[p] for p, spans in hits.items() if p in found}
            if not hits:
                return []
        passages = []
        for paragraph in sorted(hits):
            spans = hits[paragraph]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            if self._inside_a_quote(start, end):
                continue
            events = self._nearest(start, end)
            if events:
                passages.append(Passage(self.source_id, start, end, events))
        return passages

    def _furthest_before(self, start: int) -> tuple[int, int, int] | None:
        """Of the quotes starting at or before `start`, the one that ends furthest on."""
        at = bisect.bisect_right(self.quote_starts, start)
        return self.quotes[self.reach[at - 1]] if at else None

    def _inside_a_quote(self, start: int, end: int) -> bool:
        furthest = self._furthest_before(start)
        return furthest is not None and furthest[1] >= end

    def _nearest(self, start: int, end: int) -> tuple[int, ...]:
        """The events of the quote nearest before the passage (or reaching into it) and of the quotes that
        begin nearest after its start, each only within NEAR_CHARS."""
        chosen: set[int] = set()
        furthest = self._furthest_before(start)
        if furthest is not None and start - furthest[1] <= NEAR_CHARS:
            chosen.add(furthest[2])
        at = bisect.bisect_right(self.quote_starts, start)
        if at < len(self.quotes) and self.quotes[at][0] - end <= NEAR_CHARS:
            first = self.quotes[at][0]
            while at < len(self.quotes) and self.quotes[at][0] == first:  # every event quoting it
                chosen.add(self.quotes[at][2])
                at += 1
        return tuple(sorted(chosen))


class SourceSearch:
    """The sources of one chronology, ready to be searched; `find(query)` gives the passages."""

    def __init__(self, events: list[Event] | tuple[Event, ...], sources: Mapping[str, Source]) -> None:
        quotes: dict[str, list[tuple[int, int, int]]] = {}
        for index, event in enumerate(events):
            for quote in event.quotes:
                if 0 <= quote.start < quote.end:
                    quotes.setdefault(quote.source_id, []).append((quote.start, quote.end, index))
        self._indices = [_SourceIndex(source, quotes[source.id]) for source in sources.values()
                         if source.text and source.id in quotes]  # fmt: skip

    def find(self, query: str) -> list[Passage]:
        """The passages holding every word of `query` (case aside), source by source, at most MAX_PASSAGES."""
        words = fold_case(query).split()
        if not words:
            return []
        found: list[Passage] = []
        for index in self._indices:
            found.extend(index.find(words))
            if len(found) >= MAX_PASSAGES:
                return found[:MAX_PASSAGES]
        return found
