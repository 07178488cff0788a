"""Searching the source texts: the paragraph holding every word, and the events quoting nearest to it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.model.dates import EventDate, PartialDate
from viewer.model.events import Event, Quote, Source
from viewer.model.source_search import NEAR_CHARS, SourceSearch, fold_case, paragraphs

FAR = "x " * (NEAR_CHARS // 2 + 10)
TEXT = f"Alpha quoted here.\n\nBeta mentions Samsung once.\n\nGamma quoted too.\n\n{FAR}\n\nDelta Samsung far away."


def event(number: int, passage: str) -> Event:
    start = TEXT.index(passage)
    return Event(f"e{number}", f"Event {number}", EventDate(PartialDate.of_year(2000 + number)),
                 quotes=(Quote("s", passage, start, start + len(passage)),))  # fmt: skip


EVENTS = (event(0, "Alpha quoted here."), event(1, "Gamma quoted too."))
SOURCES = {"s": Source("s", "A source", text=TEXT)}


def test_a_word_between_two_quotes_finds_both_events() -> None:
    (near, *rest) = SourceSearch(EVENTS, SOURCES).find("samsung")
    assert TEXT[near.start : near.end] == "Samsung" and near.events == (0, 1)
    assert not rest  # the second Samsung is further than NEAR_CHARS from every quote


def test_every_word_must_be_in_one_paragraph() -> None:
    search = SourceSearch(EVENTS, SOURCES)
    (found,) = search.find("BETA once")
    assert TEXT[found.start : found.end] == "Beta mentions Samsung once"
    assert search.find("beta delta") == []
    assert search.find("   ") == []


def test_a_word_inside_a_quote_is_left_to_the_event_search() -> None:
    assert SourceSearch(EVENTS, SOURCES).find("quoted") == []


def test_paragraphs_are_blank_line_or_line_separated() -> None:
    assert paragraphs("a\n\nb\n c") == [(0, 1), (3, 7)]
    assert paragraphs("a\nb\r\nc") == [(0, 1), (2, 3), (5, 6)]


@given(st.text(max_size=40))
def test_case_folding_keeps_positions(text: str) -> None:
    assert len(fold_case(text)) == len(text)
