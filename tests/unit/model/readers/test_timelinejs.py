"""TimelineJS JSON: dates at the precision their parts give, HTML sanitized, media kept as a link, unknown keys
let be. The files are written here from the documented format (https://timeline.knightlab.com/docs/json-format.html).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from viewer.model.loader import load
from viewer.model.readers import Format, reader_for
from viewer.model.store import Store


def write(tmp_path: Path, document: Any, name: str = "timeline.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, indent=2) if not isinstance(document, str) else document, encoding="utf-8")
    return path


def slide(start: dict[str, Any], headline: str = "An event", **more: Any) -> dict[str, Any]:
    return {"start_date": start, "text": {"headline": headline}, **more}


def loaded(path: Path) -> Store:
    result = load(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.store is not None
    return result.store


def test_the_json_suffix_is_read_as_timelinejs(tmp_path: Path) -> None:
    assert reader_for(tmp_path / "a.JSON").format is Format.TIMELINEJS


@pytest.mark.parametrize(
    ("start", "iso", "precision"),
    [
        ({"year": "1958"}, "1958", "year"),
        ({"year": 1958}, "1958", "year"),
        ({"year": "1958", "month": "", "day": ""}, "1958", "year"),  # empty strings: not given
        ({"year": " 2018 ", "month": " 05 ", "day": " "}, "2018-05", "month"),  # odd white space
        ({"year": 2018, "month": 5}, "2018-05", "month"),
        ({"year": "2019", "month": "2", "day": "27"}, "2019-02-27", "day"),
        ({"year": 2019.0, "month": 2.0, "day": 27}, "2019-02-27", "day"),
        (
            {"year": "2019", "month": "2", "day": "27", "hour": "", "minute": "", "display_date": ""},
            "2019-02-27",
            "day",
        ),
    ],
)
def test_a_date_keeps_the_precision_its_parts_give(tmp_path: Path, start: dict[str, Any], iso: str,
                                                   precision: str) -> None:  # fmt: skip
    store = loaded(write(tmp_path, {"events": [slide(start)]}))
    event = store.events[0]
    assert event.when.start.iso() == iso
    assert event.when.precision.word == precision
    assert event.when.end is None


def test_end_date_makes_a_range_with_each_end_at_its_own_precision(tmp_path: Path) -> None:
    store = loaded(write(tmp_path, {"events": [slide({"year": "1950", "month": "6", "day": "25"},
                                                     end_date={"year": "1953", "month": "", "day": ""})]}))  # fmt: skip
    when = store.events[0].when
    assert (when.start.iso(), when.end.iso() if when.end else None) == ("1950-06-25", "1953")


def test_a_time_of_day_is_read_to_the_minute_as_utc_and_the_note_says_so(tmp_path: Path) -> None:
    start = {"year": 2019, "month": 2, "day": 28, "hour": 14, "minute": "5"}
    end = {"year": 2019, "month": 2, "day": 28, "hour": "16", "minute": "", "second": "30"}
    store = loaded(write(tmp_path, {"events": [slide(start, end_date=end)]}))
    when = store.events[0].when
    assert (when.start.iso(), when.start.precision.word) == ("2019-02-28T14:05Z", "minute")
    assert when.end is not None and (when.end.iso(), when.end.precision.word) == ("2019-02-28T16:00:30Z", "second")
    assert "no time zone" in (when.note or "")


@pytest.mark.parametrize(("year", "iso", "words"), [(-500, "-0499", "500 BC"), ("-44", "-0043", "44 BC"),
                                                    (0, "0000", "1 BC"), (-66000000, "Y-65999999", None)])  # fmt: skip
def test_negative_years_are_years_bce_as_timelinejs_shows_them(tmp_path: Path, year: object, iso: str,
                                                               words: str | None) -> None:  # fmt: skip
    store = loaded(write(tmp_path, {"events": [slide({"year": year})]}))
    start = store.events[0].when.start
    assert start.iso() == iso
    if words:
        assert start.words() == words


def test_headline_text_media_and_the_rest_become_the_events_fields(tmp_path: Path) -> None:
    document = {
        "title": {"text": {"headline": "The <b>road</b> to Hanoi", "text": "<p>Two summits.</p>"}},
        "scale": "human",
        "events": [{
            "unique_id": "hanoi-summit",
            "start_date": {"year": 2019, "month": 2, "day": 27, "display_date": "27 Feb."},
            "end_date": {"year": 2019, "month": 2, "day": 28},
            "text": {"headline": "Summit in <i>Hanoi</i>", "text": "<p>The talks <a href='https://example.org/x'>"
                     "end early</a>.</p>"},
            "media": {"url": "https://example.org/photo.jpg", "credit": "<b>AP</b>", "caption": "Hanoi", "alt": "x"},
            "group": "Summits",
            "background": {"color": "#ffcc00"},
            "autolink": True,
            "something_new": {"nested": [1, 2]},
        }],
    }  # fmt: skip
    store = loaded(write(tmp_path, document))
    assert store.header.title == "The road to Hanoi"
    assert store.header.description == "Two summits."
    event = store.events[0]
    assert (event.id, event.title) == ("hanoi-summit", "Summit in Hanoi")
    assert event.summary == "The talks end early."
    assert event.summary_html == '<p>The talks <a href="https://example.org/x">end early</a>.</p>'
    assert event.media is not None
    assert (event.media.url, event.media.credit, event.media.caption) == (
        "https://example.org/photo.jpg",
        "AP",
        "Hanoi",
    )
    assert event.display_date == "27 Feb."
    assert event.background == "#ffcc00"
    assert event.group == "Summits"
    assert not event.cited


def test_eras_become_the_chronologys_eras(tmp_path: Path) -> None:
    document = {"events": [slide({"year": 2019})], "eras": [
        {"start_date": {"year": 1950, "month": 6}, "end_date": {"year": "1953", "month": "7", "day": "27"},
         "text": {"headline": "Korean <b>War</b>", "text": "Fighting"}},
        {"start_date": {"year": 2017}, "end_date": {"year": 2019}}]}  # fmt: skip
    store = loaded(write(tmp_path, document))
    assert [(era.title, era.when.start.iso(), era.when.end.iso() if era.when.end else None, era.summary)
            for era in store.eras] == [("Korean War", "1950-06", "1953-07-27", "Fighting"),
                                       ("(untitled era)", "2017", "2019", "")]  # fmt: skip


def test_html_is_cut_down_to_the_whitelist(tmp_path: Path) -> None:
    text = ("<p onclick='steal()' style='color:red'>Hello <script>alert(1)</script><style>p{}</style>"
            "<img src='https://tracker.example/pixel.gif'><iframe src='https://evil.example'></iframe>"
            "<a href='javascript:alert(1)'>bad link</a> <a href='https://ok.example/' target=_blank>good</a>"
            "<link rel=stylesheet href='https://x.example/s.css'><object data=x></object></p>")  # fmt: skip
    store = loaded(write(tmp_path, {"events": [slide({"year": 2019}, text={"headline": "H", "text": text})]}))
    html = store.events[0].summary_html
    for gone in ("script", "alert", "style", "img", "iframe", "onclick", "javascript", "tracker", "<link", "object"):
        assert gone not in html, html
    assert html == '<p>Hello bad link <a href="https://ok.example/">good</a></p>'


def test_ids_are_made_from_headlines_when_unique_id_is_missing_or_not_a_word(tmp_path: Path) -> None:
    events = [slide({"year": 2019}, "Summit in Hanoi"), slide({"year": 2018}, "Summit in Hanoi"),
              slide({"year": 2017}, "X", unique_id="not a word!")]  # fmt: skip
    ids = sorted(e.id for e in loaded(write(tmp_path, {"events": events})).events)
    assert ids == ["not-a-word", "summit-in-hanoi", "summit-in-hanoi-2"]


def test_a_slide_without_a_headline_takes_its_texts_first_line(tmp_path: Path) -> None:
    event = {"start_date": {"year": 2019}, "text": {"text": "<p>First words.</p><p>More.</p>"}}
    assert loaded(write(tmp_path, {"events": [event]})).events[0].title == "First words."


def test_problems_point_into_the_json_and_every_one_is_listed(tmp_path: Path) -> None:
    text = """{"events": [
  {"start_date": {"year": "2019", "month": "13"}, "text": {"headline": "A"}},
  {"start_date": {"month": "2"}, "text": {"headline": "B"}},
  {"text": {"headline": "C"}},
  {"start_date": {"year": "2019", "month": "2", "day": "30"}, "text": {"headline": "D"}}
]}"""
    result = load(write(tmp_path, text))
    assert result.store is None
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, 44, "'start_date': the month should be from 1 to 12, not 13"),
        (3, 18, "'start_date' has no year"),
        (4, 3, "an event has no 'start_date'"),
        (5, 56, "'start_date': February 2019 has 28 days, so day 30 does not exist"),
    ]


def test_an_empty_file_is_an_empty_timeline(tmp_path: Path) -> None:
    result = load(write(tmp_path, "  \n"))
    assert result.store is not None and len(result.store) == 0
    assert result.problems[0].message == "the file is empty: nothing to show"
