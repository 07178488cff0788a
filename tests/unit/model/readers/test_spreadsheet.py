"""Spreadsheets: the TimelineJS template's columns, and plain CSV/TSV tables with a header naming their columns.

Line numbers stay right after quoted cells that span lines; header names are matched without regard to case
or white space.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.model.loader import load
from viewer.model.readers import Format, reader_for
from viewer.model.store import Store

ROOT = Path(__file__).resolve().parents[4]
CORPUS = ROOT / "tests" / "corpus"
TEMPLATE = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,"
            "Media Caption,Media Thumbnail,Type,Group,Background\n")  # fmt: skip


def write(tmp_path: Path, text: str, name: str = "events.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def loaded(path: Path) -> Store:
    result = load(path)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.store is not None
    return result.store


@pytest.mark.parametrize(("name", "format"), [("a.csv", Format.CSV), ("a.TSV", Format.TSV), ("a.tab", Format.TSV)])
def test_suffixes(tmp_path: Path, name: str, format: Format) -> None:
    assert reader_for(tmp_path / name).format is format


def test_the_timelinejs_template_gives_title_events_at_their_precision_and_media(tmp_path: Path) -> None:
    text = TEMPLATE + (
        ",,,,,,,,,The road to Hanoi,Two summits,,,,,title,,\n"
        "1958,,,,,,,,,Kim Il Sung visits Hanoi,,,,,,,,\n"
        "2018,6,,,,,,,,A month,,,,,,,,\n"
        '2019,2,27,2:30 PM,2019,2,28,,27–28 Feb.,Summit in Hanoi,"<p>Talks <b>end</b>\nearly</p>",'
        "https://example.org/p.jpg,AP,The hotel,,,Summits,#ff0000\n"
        "1950,,,,1953,,,,,Korean War era,,,,,,era,,\n"
    )
    store = loaded(write(tmp_path, text))
    assert store.header.title == "The road to Hanoi" and store.header.description == "Two summits"
    by_title = {e.title: e for e in store.events}
    assert set(by_title) == {"Kim Il Sung visits Hanoi", "A month", "Summit in Hanoi"}  # the era is no event
    assert by_title["Kim Il Sung visits Hanoi"].when.start.iso() == "1958"
    assert by_title["A month"].when.start.iso() == "2018-06"
    hanoi = by_title["Summit in Hanoi"]
    assert (hanoi.when.start.iso(), hanoi.when.end.iso() if hanoi.when.end else None) == ("2019-02-27T14:30Z",
                                                                                          "2019-02-28")  # fmt: skip
    assert hanoi.summary_html == "<p>Talks <b>end</b>\nearly</p>" and hanoi.summary == "Talks end early"
    assert hanoi.media is not None and (hanoi.media.url, hanoi.media.credit) == ("https://example.org/p.jpg", "AP")
    assert hanoi.display_date == "27–28 Feb." and hanoi.background == "#ff0000"
    assert hanoi.group == "Summits"
    assert [(era.title, era.when.words()) for era in store.eras] == [("Korean War era", "1950–1953")]


def test_month_names_and_odd_white_space_in_the_template(tmp_path: Path) -> None:
    text = " year , MONTH ,Day,Headline\n 2018 , February ,,A month\n"
    event = loaded(write(tmp_path, text)).events[0]
    assert event.when.start.iso() == "2018-02"


def test_a_plain_table_with_tolerant_headers_tags_and_a_verbatim_quote(tmp_path: Path) -> None:
    shutil.copytree(CORPUS / "sources", tmp_path / "sources")
    text = (" Title ,START date, End_Date ,Tags,Summary,Source,Quote,ID\n"
            'Summit in Hanoi,2019-02-27,2019-02-28,Vietnam; United States ;,"Two\nlines",sources/article.txt,'
            "The two leaders will meet again on Feb. 27-28 in Vietnam,hanoi\n")  # fmt: skip
    store = loaded(write(tmp_path, text))
    event = store.events[0]
    assert (event.id, event.tags, event.summary) == ("hanoi", ("Vietnam", "United States"), "Two\nlines")
    assert event.cited and store.sources[event.quotes[0].source_id].file == (tmp_path / "sources/article.txt")


def test_line_numbers_are_right_after_multi_line_cells(tmp_path: Path) -> None:
    text = 'title,date,summary\nA,2019-01-01,"one\ntwo\nthree"\nB,2019-02-30,\n'
    result = load(write(tmp_path, text))
    assert [(p.line, p.column) for p in result.problems] == [(5, 3)]


def test_a_tsv_table(tmp_path: Path) -> None:
    store = loaded(write(tmp_path, "title\tdate\nA, with a comma\t~1986\n", "events.tsv"))
    assert store.events[0].title == "A, with a comma" and store.events[0].when.approximate


def test_a_csv_saved_with_semicolons_is_read(tmp_path: Path) -> None:
    store = loaded(write(tmp_path, "title;date\nA;2019-02-27\n"))
    assert store.events[0].when.start.iso() == "2019-02-27"
