"""Calendars: all-day and timed events, zones, categories, and repeating events expanded within bounds."""

from __future__ import annotations

from pathlib import Path

from viewer.model.loader import load
from viewer.model.readers import icsfile
from viewer.model.store import Store


def calendar(tmp_path: Path, *events: str) -> Path:
    body = "".join(f"BEGIN:VEVENT\r\nDTSTAMP:20190101T000000Z\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    path = tmp_path / "calendar.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n",
                    encoding="utf-8", newline="")  # fmt: skip
    return path


def loaded(path: Path) -> Store:
    result = load(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.store is not None
    return result.store


def test_an_all_day_events_dtend_is_the_day_after_it_ends(tmp_path: Path) -> None:
    two_days = "UID:a\nDTSTART;VALUE=DATE:20190227\nDTEND;VALUE=DATE:20190301\nSUMMARY:Hanoi"
    one_day = "UID:b\nDTSTART;VALUE=DATE:20190226\nDTEND;VALUE=DATE:20190227\nSUMMARY:One day"
    store = loaded(calendar(tmp_path, two_days, one_day))
    by_title = {e.title: e for e in store.events}
    assert by_title["Hanoi"].when.words() == "27–28 February 2019"
    assert by_title["One day"].when.end is None and by_title["One day"].when.start.iso() == "2019-02-26"


def test_a_timed_event_is_an_instant_in_its_own_zone(tmp_path: Path) -> None:
    event = "UID:c\nDTSTART;TZID=Asia/Ho_Chi_Minh:20190228T003000\nDTEND:20190227T180000Z\nSUMMARY:Late"
    store = loaded(calendar(tmp_path, event))
    when = store.events[0].when
    # 00:30 in Hanoi on the 28th is 17:30 UTC on the 27th: one instant, kept in the zone it was written in.
    assert when.start.iso() == "2019-02-28 00:30 Asia/Ho_Chi_Minh"
    assert when.end is not None and when.end.iso() == "2019-02-27T18:00Z"
    assert when.end_seconds - when.start_seconds == 31 * 60  # to the end of the end's minute


def test_a_floating_time_is_read_as_utc_and_says_so(tmp_path: Path) -> None:
    store = loaded(calendar(tmp_path, "UID:f\nDTSTART:20190228T090000\nSUMMARY:Floating"))
    when = store.events[0].when
    assert when.start.iso() == "2019-02-28T09:00Z" and "floating time" in (when.note or "")


def test_summary_description_url_and_categories(tmp_path: Path) -> None:
    event = ("UID:d\nDTSTART;VALUE=DATE:20190227\nSUMMARY:Summit\nDESCRIPTION:Talks\\, day one\n"
             "URL:https://example.org/x\nCATEGORIES:Vietnam,United States\nCATEGORIES:Talks")
    store = loaded(calendar(tmp_path, event))
    event = store.events[0]
    assert (event.title, event.summary, event.url) == ("Summit", "Talks, day one", "https://example.org/x")
    assert event.tags == ("Vietnam", "United States", "Talks")
    assert not event.cited


def test_repetitions_are_expanded_with_exdates_and_moved_occurrences(tmp_path: Path) -> None:
    weekly = "UID:w\nDTSTART;VALUE=DATE:20190107\nRRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;VALUE=DATE:20190114\nSUMMARY:Weekly"
    moved = "UID:w\nRECURRENCE-ID;VALUE=DATE:20190121\nDTSTART;VALUE=DATE:20190123\nSUMMARY:Weekly (moved)"
    store = loaded(calendar(tmp_path, weekly, moved))
    assert [(e.when.start.iso(), e.title) for e in store.events] == [
        ("2019-01-07", "Weekly"), ("2019-01-23", "Weekly (moved)"), ("2019-01-28", "Weekly")]  # fmt: skip
    assert len({e.id for e in store.events}) == 3


def test_an_endless_repetition_is_bounded_and_says_so(tmp_path: Path) -> None:
    store = loaded(calendar(tmp_path, "UID:e\nDTSTART;VALUE=DATE:20000101\nRRULE:FREQ=DAILY\nSUMMARY:Daily"))
    assert len(store) == icsfile.MAX_OCCURRENCES
    assert "shown up to 1,000 occurrences" in (store.events[0].when.note or "")
    yearly = loaded(calendar(tmp_path, "UID:f\nDTSTART;VALUE=DATE:20000101\nRRULE:FREQ=YEARLY\nSUMMARY:Yearly"))
    assert len(yearly) == icsfile.MAX_YEARS + 1


def test_a_cancelled_event_is_left_out(tmp_path: Path) -> None:
    store = loaded(calendar(tmp_path, "UID:g\nDTSTART;VALUE=DATE:20190227\nSTATUS:CANCELLED\nSUMMARY:Off",
                            "UID:h\nDTSTART;VALUE=DATE:20190228\nSUMMARY:On"))  # fmt: skip
    assert [e.title for e in store.events] == ["On"]


def test_folded_lines_and_problems_at_their_line(tmp_path: Path) -> None:
    path = calendar(tmp_path, "UID:i\nDTSTART;VALUE=DATE:20190227\nSUMMARY:A long\n  title\nDTEND;VALUE=DATE:2019022")
    result = load(path)
    assert result.store is None
    assert [(p.line, p.message.split(":")[0]) for p in result.problems] == [(10, "DTEND")]
