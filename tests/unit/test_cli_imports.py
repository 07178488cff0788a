"""The command line on the other formats: check counts uncited events as a warning, --strict refuses them,
--format overrides the suffix, list --json says which events are cited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from viewer.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    shutil.copytree(CORPUS / "sources", tmp_path / "sources")
    path = tmp_path / "events.csv"
    shutil.copy(CORPUS / "valid_table.csv", path)
    return path


def test_check_counts_uncited_events_as_a_warning_and_exits_0(capsys: pytest.CaptureFixture[str],
                                                              table: Path) -> None:  # fmt: skip
    assert main(["check", str(table)]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{table}: warning: 1 of 2 events cites no source: no quote backs it ('check --strict' refuses "
                   "uncited events)", f"{table}: ok: 2 events, 1 source, 1 quote, all verbatim; 1 uncited"]  # fmt: skip


def test_check_strict_refuses_each_uncited_event_where_it_is(capsys: pytest.CaptureFixture[str], table: Path) -> None:
    assert main(["check", "--strict", str(table)]) == EXIT_PROBLEMS
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{table}:4:1: the event 'pompeo-visits-vietnam' cites no source (no quote); "
                                         "--strict refuses uncited events"]  # fmt: skip
    assert captured.err.strip() == f"1 problem in {table}"


def test_check_strict_passes_a_fully_cited_chronology(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict"]) == EXIT_OK
    assert "warning" not in capsys.readouterr().out


def test_format_overrides_the_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    shutil.copy(CORPUS / "valid.json", path)
    assert main(["check", str(path)]) == EXIT_PROBLEMS
    assert "cannot tell the format" in capsys.readouterr().out
    assert main(["check", "--format", "timelinejs", str(path)]) == EXIT_OK
    capsys.readouterr()
    assert main(["list", "--format", "TimelineJS", "--json", str(path)]) == EXIT_OK
    (event,) = json.loads(capsys.readouterr().out)
    assert event["title"] == "Summit in Hanoi"


def test_list_json_says_what_an_imported_event_holds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", str(CORPUS / "valid.json")]) == EXIT_OK
    (event,) = json.loads(capsys.readouterr().out)
    assert event["cited"] is False and event["group"] == "Summits"
    assert event["media"] == {"url": "https://example.org/photo.jpg", "credit": "Example News", "caption": "Hanoi",
                              "thumbnail": ""}  # fmt: skip
    assert (event["start"], event["end"], event["title"]) == ("2019-02-27", "2019-02-28", "Summit in Hanoi")


def test_an_unknown_format_is_a_usage_mistake(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "docx", "x.docx"])
    assert exit_info.value.code == EXIT_USAGE
    assert "there is no format called 'docx'" in capsys.readouterr().err
