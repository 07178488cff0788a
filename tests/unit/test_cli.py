"""The text commands: `check` and `list` (no Qt, no display)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from viewer.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, _build_parser, main
from viewer.model.dates import parse_date
from viewer.model.store import Store
from viewer.resources import SHIPPED_CHRONOLOGY

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=ROOT,
    )


# -- check --------------------------------------------------------------------------------------------


def test_check_the_shipped_chronology(capsys: pytest.CaptureFixture[str], shipped_store: Store) -> None:
    assert main(["check"]) == EXIT_OK == 0
    out, err = capsys.readouterr()
    assert err == ""
    quotes = sum(len(e.quotes) for e in shipped_store.events)
    assert out.strip() == (  # the summary is the command's answer: on stdout
        f"{SHIPPED_CHRONOLOGY}: ok: {len(shipped_store)} events, {len(shipped_store.sources)} sources, "
        f"{quotes} quotes, all verbatim"
    )


def test_check_a_broken_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "unknown_field.yaml"
    assert main(["check", str(path)]) == EXIT_PROBLEMS == 1
    out, err = capsys.readouterr()
    assert out == f"{path}:16:5: unknown field 'summery' in an event; did you mean \"summary\"?\n"
    assert err == f"1 problem in {path}\n"


def test_check_lists_every_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("timeline: {title: T, colour: red}\nevents: 5\n", encoding="utf-8")
    assert main(["check", str(path)]) == EXIT_PROBLEMS
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{path}:1:22: unknown field 'colour' in 'timeline' (expected one of: title, description, show, left_out)",
        f"{path}:2:9: 'events' should be a list, not text",
    ]
    assert err == f"2 problems in {path}\n"


def test_check_a_file_that_does_not_exist(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nope.yaml")]) == EXIT_PROBLEMS
    out, _ = capsys.readouterr()
    assert out == f"{tmp_path / 'nope.yaml'}: cannot read the file: No such file or directory\n"


@pytest.mark.parametrize("args", [["check", "--bogus"], ["list", "--yaml"], ["check", "a.yaml", "b.yaml"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == EXIT_USAGE == 2
    _, err = capsys.readouterr()
    assert err.startswith("usage: timeline-viewer")


def test_check_in_a_real_process() -> None:
    done = run("check")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"{SHIPPED_CHRONOLOGY}: ok: ")
    bogus = run("check", "--bogus")
    assert bogus.returncode == 2
    assert "unrecognized arguments: --bogus" in bogus.stderr
    assert "Traceback" not in bogus.stderr


# -- list ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def listed() -> list[dict[str, object]]:
    done = run("list", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_list_json_gives_one_object_per_event_in_time_order(
    listed: list[dict[str, object]], shipped_store: Store
) -> None:
    assert [item["id"] for item in listed] == [e.id for e in shipped_store.events]
    keys = {"id", "title", "start", "end", "precision", "tags", "quotes"}
    for item in listed:
        assert keys <= set(item)
        assert isinstance(item["tags"], list)
        quotes = item["quotes"]
        assert isinstance(quotes, list) and quotes
        for quote in quotes:
            assert set(quote) == {"text", "source"}
            assert quote["source"] in shipped_store.sources
    starts = [parse_date(item["start"]).start_seconds for item in listed]
    assert starts == sorted(starts)


def test_list_json_writes_dates_to_their_precision(listed: list[dict[str, object]]) -> None:
    by_id = {item["id"]: item for item in listed}
    assert (by_id["hanoi-summit"]["start"], by_id["hanoi-summit"]["end"]) == ("2019-02-27", "2019-02-28")
    assert by_id["hanoi-summit"]["precision"] == "day"
    assert (by_id["punggye-ri-dismantled"]["start"], by_id["punggye-ri-dismantled"]["end"]) == ("2018-05", None)
    assert by_id["punggye-ri-dismantled"]["precision"] == "month"
    assert (by_id["kim-il-sung-visits-vietnam"]["start"], by_id["kim-il-sung-visits-vietnam"]["precision"]) == (
        "1958",
        "year",
    )
    assert (by_id["doi-moi"]["start"], by_id["doi-moi"]["precision"]) == ("1980s", "decade")
    assert (by_id["korean-war"]["start"], by_id["korean-war"]["end"]) == ("1950", "1953")
    one_party = by_id["vietnam-one-party-rule"]
    assert (one_party["start"], one_party["end"], one_party["precision"]) == ("1976", "2019-02-06", "year")
    assert one_party["ongoing"] is True  # the end is when the Nikkei wrote, not an end
    assert by_id["rodong-sinmun-commentary"]["approximate"] is True
    assert all(isinstance(item["uncertain"], bool) and isinstance(item["ongoing"], bool) for item in listed)
    assert by_id["hanoi-summit"]["title"] == "Second Trump–Kim summit in Hanoi"  # not escaped


def test_list_json_in_process_matches(capsys: pytest.CaptureFixture[str], listed: list[dict[str, object]]) -> None:
    assert main(["list", "--json", str(SHIPPED_CHRONOLOGY)]) == EXIT_OK
    out, _ = capsys.readouterr()
    assert json.loads(out) == listed


def test_list_text_prints_one_line_per_event(capsys: pytest.CaptureFixture[str], shipped_store: Store) -> None:
    assert main(["list"]) == EXIT_OK
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == len(shipped_store)
    for line, item in zip(lines, shipped_store.events, strict=True):
        assert line.startswith(item.date_words())
        assert line.endswith(f"  {item.title}  [{item.id}]")
    hanoi = next(line for line in lines if line.endswith("[hanoi-summit]"))
    assert hanoi.startswith("27–28 February 2019 ")
    ongoing = next(line for line in lines if line.endswith("[vietnam-one-party-rule]"))
    assert ongoing.startswith("1976 – ongoing as of 6 February 2019 ")  # not read as an end


def test_list_a_broken_file_prints_no_events(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "range_reversed.yaml"
    assert main(["list", "--json", str(path)]) == EXIT_PROBLEMS
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}:14:10: the range ends (2019-02-27) before it starts (2019-02-28)\n"


def test_list_an_empty_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "empty.yaml"
    assert main(["list", "--json", str(path)]) == EXIT_PROBLEMS
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert err == f"{path}: the file is empty: nothing to show\n"


def test_list_the_corpus_control(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(CORPUS / "valid.yaml")]) == EXIT_OK
    out, _ = capsys.readouterr()
    assert out == "27–28 February 2019  Summit in Hanoi  [hanoi-summit]\n"


def test_list_into_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "viewer", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` that has read enough, before the child has written anything
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if process.poll() is None:
        process.kill()
    err = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.wait(timeout=10)
    assert "Traceback" not in err, err[-2000:]
    assert "BrokenPipeError" not in err


def test_list_json_says_where_a_source_differs_from_the_record(listed: list[dict[str, object]]) -> None:
    by_id = {item["id"]: item for item in listed}
    trade = by_id["us-vietnam-trade-deal"]
    assert (trade["start"], trade["precision"]) == ("2000-07-13", "day")
    assert trade["disputed"] == [
        {
            "source": "nikkei",
            "says": "Vietnam “in 2001 signed a bilateral trade deal with the U.S.”",
            "record": "The agreement was signed on 13 July 2000; it entered into force on 10 December 2001.",
        }
    ]
    assert by_id["hanoi-summit"]["disputed"] == [] and by_id["hanoi-summit"]["ongoing"] is False


def test_list_json_marks_an_uncertain_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_bytes((CORPUS / "sources" / "article.txt").read_bytes())
    path = tmp_path / "t.yaml"
    path.write_text(
        "sources: [{id: a, title: A, file: sources/article.txt}]\n"
        "events: [{id: x, title: X, date: '2019-02-28?', quotes: [{source: a, text: Hanoi}]}]\n",
        encoding="utf-8",
    )
    assert main(["list", "--json", str(path)]) == EXIT_OK
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["start"], item["uncertain"], item["approximate"]) == ("2019-02-28", True, False)
    assert (item["ongoing"], item["disputed"]) == (False, [])


def test_export_help_and_messages_come_from_the_writers_table(capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from viewer.export.writers import WRITERS, Picture, Writing

    monkeypatch.setitem(WRITERS, ".webp", Writing(Picture.PNG, "WebP image", WRITERS[".png"].write))
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "OUT.png, OUT.svg, OUT.pdf or OUT.webp" in help_text
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", "picture.gif"]) == EXIT_USAGE
    message = capsys.readouterr().err.strip()
    assert message == "timeline-viewer export: cannot tell the format from 'picture.gif': use .png, .svg, .pdf or .webp"


def test_the_command_overview_names_every_export_format() -> None:
    overview = " ".join(_build_parser().format_help().split())
    assert "draw the chronology to PNG, SVG or PDF without a display" in overview


def test_check_counts_in_the_singular_and_plural(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_bytes((CORPUS / "sources" / "article.txt").read_bytes())
    path = tmp_path / "one.yaml"
    path.write_text(
        "sources: [{id: a, title: A, file: sources/article.txt}]\n"
        "events: [{id: x, title: X, date: '2019-02-28', quotes: [{source: a, text: Hanoi}]}]\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == EXIT_OK
    assert capsys.readouterr().out.strip() == f"{path}: ok: 1 event, 1 source, 1 quote, all verbatim"


def test_list_jsonl_gives_one_object_per_line_with_each_ends_precision(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--jsonl"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    items = [json.loads(line) for line in lines]
    by_id = {item["id"]: item for item in items}
    assert len(items) == len(by_id)
    reunified = by_id["vietnam-reunified"]
    assert (reunified["start"], reunified["start_precision"]) == ("1973", "year")
    hanoi = by_id["hanoi-summit"]
    assert (hanoi["start_precision"], hanoi["end_precision"]) == ("day", "day")
    assert hanoi["summary"].startswith("Trump and Kim Jong Un meet")
    assert by_id["korean-war"]["end_precision"] == "year" and by_id["doi-moi"]["end_precision"] is None


def test_the_help_describes_the_commands_file_and_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    for args, wanted in (
        (["--help"], ("timeline-viewer [FILE]", "check FILE", "list FILE", "export FILE -o OUT")),
        (["check", "--help"], ("FILE", "the chronology to read", "Exit status 0")),
        (["list", "--help"], ("--jsonl", "start_precision", "disputed")),
        (["export", "--help"], ("FILE", "--theme", "colours")),
    ):
        with pytest.raises(SystemExit):
            main(args)
        text = " ".join(capsys.readouterr().out.split())
        for fragment in wanted:
            assert fragment in text, (args, fragment)


def test_an_export_of_an_empty_range_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "empty.png"
    assert main(["export", "-o", str(out), "--from", "1900", "--to", "1901", "--width", "400", "--height", "300"]) == 0
    assert out.is_file()
    err = capsys.readouterr().err
    assert "warning: no event falls between 1900 and 1901" in err
    main(["export", "-o", str(out), "--from", "2019-02", "--to", "2019-03", "--width", "400", "--height", "300"])
    assert "warning" not in capsys.readouterr().err


def test_the_window_opens_the_events_yaml_of_the_current_folder(tmp_path: Path) -> None:
    """Run from a checkout, the window opens (and follows) the file one edits, not the installed copy."""
    from viewer.cli import chronology_to_open

    assert chronology_to_open(None, tmp_path) == SHIPPED_CHRONOLOGY
    (tmp_path / "events.yaml").write_text("events: []\n", encoding="utf-8")
    assert chronology_to_open(None, tmp_path) == tmp_path / "events.yaml"
    named = tmp_path / "other.yaml"
    assert chronology_to_open(named, tmp_path) == named
    (tmp_path / "folder").mkdir()
    assert chronology_to_open(None, tmp_path / "folder") == SHIPPED_CHRONOLOGY
    (tmp_path / "folder" / "events.yaml").mkdir()  # not a file: ignored
    assert chronology_to_open(None, tmp_path / "folder") == SHIPPED_CHRONOLOGY


def test_list_json_gives_every_event_its_edtf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each `edtf` value is EDTF by an independent reader, and reads back to the event's own date."""
    edtf = pytest.importorskip("edtf")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text("Hanoi", encoding="utf-8")
    dates = {
        "a": "'2019-03-01 00:00 +07:00'", "b": "2019-03-01 00:05 Asia/Ho_Chi_Minh", "c": "15 March 44 BC",
        "d": "Y-66000000", "e": "201X", "f": "2004-06~", "g": "1964/2008", "h": "../1985", "i": "1985/..",
        "j": "c. 3000 BC", "k": "2004-08%", "l": "19XX",
    }  # fmt: skip
    events = "".join(
        f"  - {{id: {key}, title: {key}, date: {value}, quotes: [{{source: s, text: Hanoi}}]}}\n"
        for key, value in dates.items()
    )
    path = tmp_path / "x.yaml"
    path.write_text("sources: [{id: s, title: S, file: sources/article.txt}]\nevents:\n" + events, encoding="utf-8")
    assert main(["list", str(path), "--json"]) == EXIT_OK
    by_id = {item["id"]: item["edtf"] for item in json.loads(capsys.readouterr().out)}
    assert by_id == {
        "a": "2019-03-01T00:00:00+07:00", "b": "2019-03-01T00:05:00+07:00", "c": "-0043-03-15", "d": "Y-66000000",
        "e": "201X", "f": "2004-06~", "g": "1964/2008", "h": "../1985", "i": "1985/..", "j": "-2999~",
        "k": "2004-08%", "l": "19XX",
    }  # fmt: skip
    for value in by_id.values():
        assert str(edtf.parse_edtf(value)) == value


def test_list_json_edtf_of_the_shipped_chronology(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == EXIT_OK
    items = json.loads(capsys.readouterr().out)
    assert all(item["edtf"] for item in items)
    by_id = {item["id"]: item for item in items}
    assert by_id["hanoi-summit"]["edtf"] == "2019-02-27/2019-02-28"
    ongoing = [item for item in items if item["ongoing"]]
    assert ongoing and all(item["edtf"].endswith("/..") for item in ongoing)


def test_list_json_gives_each_events_group_and_link_targets(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:  # fmt: skip
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_bytes((CORPUS / "sources" / "article.txt").read_bytes())
    path = tmp_path / "t.yaml"
    path.write_text(
        "sources: [{id: a, title: A, file: sources/article.txt}]\n"
        "events:\n"
        "  - {id: x, title: X, date: '2018-06-12', group: United States, quotes: [{source: a, text: Singapore}],\n"
        "     links: [{to: y, label: led to}]}\n"
        "  - {id: y, title: Y, date: '2019-02-27', quotes: [{source: a, text: Hanoi}], links: [{to: x}]}\n",
        encoding="utf-8",
    )
    assert main(["list", "--json", str(path)]) == EXIT_OK
    first, second = json.loads(capsys.readouterr().out)
    assert (first["group"], first["links"], first["link_labels"]) == ("United States", ["y"], ["led to"])
    assert (second["group"], second["links"], second["link_labels"]) == (None, ["x"], [""])
