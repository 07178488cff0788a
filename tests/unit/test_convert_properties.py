"""Property test: any event's date written as TimelineJS (JSON or sheet) and read back is the same date, to its
precision, marks of doubt included: days, months, years, decades, BC years, times of day (in UTC)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.export.data import timelinejs_json, timelinejs_sheet
from viewer.model.dates import EventDate, PartialDate, make_date
from viewer.model.events import Event
from viewer.model.loader import load
from viewer.model.store import Store


@st.composite
def dates(draw: st.DrawFn) -> PartialDate:
    kind = draw(st.sampled_from(["day", "month", "year", "decade", "time"]))
    marks = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())} if kind != "time" else {}
    year = draw(st.integers(-3000, 2500)) if kind != "time" else draw(st.integers(1, 2500))
    if kind == "decade":
        return PartialDate.of_decade(abs(year) - abs(year) % 10, **marks)
    if kind == "year":
        return make_date(year, **marks)
    month = draw(st.integers(1, 12))
    if kind == "month":
        return make_date(year, month, **marks)
    day = draw(st.integers(1, 28))
    if kind == "day":
        return make_date(year, month, day, **marks)
    return make_date(year, month, day, draw(st.integers(0, 23)), draw(st.integers(0, 59)), zone="UTC")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates(), st.one_of(st.none(), dates())), min_size=1, max_size=6))
def test_dates_survive_timelinejs(tmp_path_factory, pairs: list[tuple[PartialDate, PartialDate | None]]) -> None:
    events = []
    for number, (start, end) in enumerate(pairs):
        if end is not None and end.end_seconds <= start.start_seconds:
            start, end = end, start
        if end is not None and end.end_seconds <= start.start_seconds:
            end = None
        events.append(Event(f"e{number}", f"Event {number}", EventDate(start, end)))
    store = Store(events)
    folder = tmp_path_factory.mktemp("round")
    for name, write in (("t.json", timelinejs_json), ("t.csv", timelinejs_sheet)):
        path = Path(folder) / name
        path.write_bytes(write(store).data)
        result = load(path)
        assert result.problems == [], [str(p) for p in result.problems]
        assert result.store is not None
        assert sorted((e.title, e.when.edtf()) for e in result.store.events) == sorted(
            (e.title, e.when.edtf()) for e in store.events)  # fmt: skip
