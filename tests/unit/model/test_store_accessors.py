"""The store's narrow accessor API (what the events table reads), Qt-free: one field of one event at a time,
and whole columns for sorting, agreeing with the events themselves."""

from __future__ import annotations

import numpy as np

from viewer.model.dates import EventDate, parse_date
from viewer.model.events import Event, Quote
from viewer.model.store import EventRows, Marks, Store


def test_every_accessor_agrees_with_the_event(shipped_store: Store) -> None:
    rows: EventRows = shipped_store  # the store is what the Protocol describes
    for index, event in enumerate(shipped_store.events):
        assert rows.id_at(index) == event.id
        assert rows.title_at(index) == event.title
        assert rows.tags_at(index) == event.tags
        assert rows.quote_count_at(index) == len(event.quotes)
        assert rows.date_words_at(index) == event.date_words()
        assert rows.precision_at(index) is event.when.precision
        assert rows.is_range_at(index) == event.when.is_range
    titles = shipped_store.title_column()
    assert titles.dtype == object and list(titles) == [e.title.casefold() for e in shipped_store.events]
    assert list(shipped_store.quote_count_column()) == [len(e.quotes) for e in shipped_store.events]
    assert shipped_store.title_column() is titles  # made once


def test_marks_say_approximate_uncertain_and_ongoing() -> None:
    store = Store([
        Event("a", "A", EventDate(parse_date("~1986")), quotes=(Quote("s", "q"),)),
        Event("b", "B", EventDate(parse_date("2019-02-28?"))),
        Event("c", "C", EventDate(parse_date("1976"), parse_date("2019-02-06")), ongoing=True),
        Event("d", "D", EventDate(parse_date("2001"))),
    ])  # fmt: skip
    marks = {store.id_at(i): store.marks_at(i) for i in range(len(store))}
    assert marks == {"a": Marks.APPROXIMATE, "b": Marks.UNCERTAIN, "c": Marks.ONGOING, "d": Marks.NONE}
    assert (Marks.APPROXIMATE | Marks.UNCERTAIN).words() == "approximate, uncertain"
    assert Marks.NONE.words() == ""
    column = store.marks_column()
    assert [Marks(int(v)) for v in column] == [store.marks_at(i) for i in range(len(store))]
    assert store.quote_count_at(store.index_of("b")) == 0  # an uncited event
    precision = store.precision_column()
    assert precision[store.index_of("c")] > precision[store.index_of("d")]  # a range of years after a year
    assert np.issubdtype(precision.dtype, np.integer)
