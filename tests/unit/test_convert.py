"""`timeline-viewer convert`: the shipped chronology through TimelineJS JSON, the TimelineJS sheet, iCalendar and
YAML and back; what a format cannot hold is said, one line per kind; nothing is written from a broken file,
over the file being read, or over what is not a regular file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.export.data import timelinejs_json
from viewer.export.writers import DATA_WRITERS, data_filters
from viewer.model.loader import load
from viewer.model.store import Store
from viewer.resources import DATA_DIR, SHIPPED_CHRONOLOGY

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


def converted(tmp_path: Path, name: str, source: Path = SHIPPED_CHRONOLOGY) -> tuple[Store, list[str]]:
    output = tmp_path / name
    assert main(["convert", str(source), "-o", str(output)]) == 0
    result = load(output)
    assert result.problems == [] and result.store is not None, [str(p) for p in result.problems]
    return result.store, []


def dated_titles(store: Store) -> list[tuple[object, ...]]:
    """Each event's title and its date: the period it covers, each end's precision and the marks of doubt
    (a time of day as its instant: TimelineJS has no zones, so 00:00 in Hanoi comes back as 17:00 UTC)."""
    return sorted((e.title, e.when.start_seconds, e.when.end_seconds, e.when.start.precision,
                   e.when.end.precision if e.when.end else None, e.when.approximate, e.when.uncertain)
                  for e in store.events)  # fmt: skip


@pytest.mark.parametrize("name", ["timeline.json", "timeline.csv"])
def test_the_shipped_chronology_comes_back_from_timelinejs_with_its_dates_and_titles(
    tmp_path: Path, shipped_store: Store, name: str
) -> None:
    store, _ = converted(tmp_path, name)
    assert len(store) == len(shipped_store)
    assert dated_titles(store) == dated_titles(shipped_store)  # decades, "about", ranges: all kept
    assert store.header.title == shipped_store.header.title
    if name.endswith(".json"):
        assert sorted(e.id for e in store.events) == sorted(e.id for e in shipped_store.events)
        assert {e.id: e.group for e in store.events} == {e.id: e.group for e in shipped_store.events}


def test_convert_says_what_timelinejs_cannot_hold_one_line_per_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "timeline.json"
    assert main(["convert", str(SHIPPED_CHRONOLOGY), "-o", str(output)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"wrote {output} (TimelineJS JSON, 32 events)"
    kinds = [line.split("not kept: ", 1)[1].split(":")[0] for line in lines[1:]]
    assert len(kinds) == len(set(kinds))  # one line per kind
    assert "quotes" in kinds and "sources" in kinds and "tags" in kinds and "time zones" in kinds
    quotes = next(line for line in lines if "not kept: quotes:" in line)
    # The events' 45 quotes and the Korean War era's one.
    assert quotes.endswith("quotes: 46 (TimelineJS has no place for a quote or its source)")


def test_a_calendar_keeps_titles_days_and_tags_and_says_it_spreads_periods_over_days(
    tmp_path: Path, shipped_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = converted(tmp_path, "timeline.ics")
    said = capsys.readouterr().err
    assert "not kept: quotes: 45" in said and "months, years and decades" in said
    assert sorted(e.title for e in store.events) == sorted(e.title for e in shipped_store.events)
    def days_of(event):  # marks of doubt are said to be dropped
        return event.when.start.iso(), event.when.end.iso() if event.when.end else None

    days = {e.title: days_of(e) for e in shipped_store.events if e.when.precision.word == "day"}
    back = {e.title: days_of(e) for e in store.events}
    assert {title: back[title] for title in days} == days
    assert {e.title: e.tags for e in store.events} == {e.title: e.tags for e in shipped_store.events}


def test_yaml_keeps_everything_quotes_included(tmp_path: Path, shipped_store: Store) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(DATA_DIR, folder)
    store, _ = converted(folder, "again.yaml", folder / "events.yaml")
    assert dated_titles(store) == dated_titles(shipped_store)
    assert [(e.id, e.quotes, e.tags, e.disputed, e.ongoing) for e in store.events] == [
        (e.id, e.quotes, e.tags, e.disputed, e.ongoing) for e in shipped_store.events]  # fmt: skip
    assert store.header == shipped_store.header


def test_a_timelinejs_file_to_yaml_and_back_to_timelinejs(tmp_path: Path) -> None:
    yaml_store, _ = converted(tmp_path, "from-json.yaml", CORPUS / "valid.json")
    original = load(CORPUS / "valid.json").store
    assert original is not None
    assert [(e.id, e.title, e.when, e.summary_html, e.media, e.group) for e in yaml_store.events] == [
        (e.id, e.title, e.when, e.summary_html, e.media, e.group) for e in original.events]  # fmt: skip
    assert timelinejs_json(yaml_store).data == timelinejs_json(original).data


def test_nothing_is_written_from_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.json"
    output.write_text("before", encoding="utf-8")
    assert main(["convert", str(CORPUS / "json_no_year.json"), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert "'start_date' has no year" in err and "nothing was written" in err
    assert output.read_text(encoding="utf-8") == "before"


def test_the_file_being_read_is_never_written_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.json"
    shutil.copy(CORPUS / "valid.json", path)
    before = path.read_bytes()
    assert main(["convert", str(path), "-o", str(path)]) == 2
    assert "is the file being read" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert main(["convert", str(SHIPPED_CHRONOLOGY), "-o", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


def test_an_unknown_suffix_is_a_usage_mistake(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SHIPPED_CHRONOLOGY), "-o", str(tmp_path / "out.docx")]) == 2
    assert "use .yaml, .yml, .json, .csv or .ics" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


def test_the_data_writers_table_gives_the_save_filters() -> None:
    assert set(DATA_WRITERS) == {".yaml", ".yml", ".json", ".csv", ".ics"}
    assert data_filters() == ["YAML chronology (*.yaml *.yml)", "TimelineJS JSON (*.json)",
                              "TimelineJS sheet (CSV) (*.csv)", "iCalendar (*.ics)"]  # fmt: skip
