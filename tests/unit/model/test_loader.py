"""The loader: the shipped chronology proves itself, problems carry positions, and bad input never raises."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from viewer.model.dates import EventDate, OpenEnd, PartialDate, Precision, civil_from_seconds, parse_date
from viewer.model.loader import LoadResult, load, load_text
from viewer.model.problems import Problem
from viewer.model.store import Store
from viewer.model.verbatim import fold
from viewer.model.yamltree import MAX_DEPTH
from viewer.resources import SHIPPED_CHRONOLOGY

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
ARTICLE = (CORPUS / "sources" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chronology folder with the corpus article as its one source text."""
    root = tmp_path_factory.mktemp("chronology")
    (root / "sources").mkdir()
    shutil.copy(CORPUS / "sources" / "article.txt", root / "sources" / "article.txt")
    return root


HEAD = """\
timeline:
  title: Test chronology
sources:
  - id: article
    title: Leaders to meet in Hanoi
    file: sources/article.txt
events:
"""


# -- the shipped chronology ---------------------------------------------------------------------------


def test_the_shipped_chronology_loads_clean() -> None:
    result = load(SHIPPED_CHRONOLOGY)
    assert result.problems == []
    assert result.ok
    assert result.store is not None
    assert len(result.store) >= 20
    assert result.store.header.title == "From Punggye-ri to Hanoi"
    assert set(result.store.sources) == {"icas", "citizen-truth", "nikkei"}


def test_every_shipped_event_has_a_quote_whose_span_is_its_text(shipped_store: Store) -> None:
    quotes = 0
    for event in shipped_store.events:
        assert len(event.quotes) >= 1, event.id
        for quote in event.quotes:
            source = shipped_store.sources[quote.source_id]
            assert source.text, quote.source_id
            assert 0 <= quote.start < quote.end <= len(source.text)
            passage = source.text[quote.start : quote.end]
            assert fold(passage) == fold(quote.text), event.id
            assert passage == passage.strip()
            quotes += 1
    assert quotes >= len(shipped_store)


def test_the_shipped_hanoi_summit(shipped_store: Store) -> None:
    index = shipped_store.index_of("hanoi-summit")
    assert index is not None
    when = shipped_store.events[index].when
    assert (when.start, when.end) == (PartialDate.of_day(2019, 2, 27), PartialDate.of_day(2019, 2, 28))
    assert when.words() == "27–28 February 2019"
    doi_moi = shipped_store.events[shipped_store.index_of("doi-moi")]  # type: ignore[index]
    assert (doi_moi.when.start, doi_moi.when.end) == (PartialDate.of_decade(1980), None)
    assert shipped_store.sources["nikkei"].published == PartialDate.of_day(2019, 2, 6)
    assert shipped_store.sources["icas"].published == PartialDate.of_month(2019, 3, approximate=True)


# -- problems -----------------------------------------------------------------------------------------


def test_a_problem_reads_file_line_column_message() -> None:
    assert str(Problem(Path("events.yaml"), 12, 5, "unknown field")) == "events.yaml:12:5: unknown field"
    assert str(Problem(Path("events.yaml"), 0, 0, "the file is empty")) == "events.yaml: the file is empty"


def test_every_problem_is_reported_in_one_run(folder: Path) -> None:
    text = HEAD + (
        "  - id: one\n"  # 8
        "    titel: One\n"  # 9: misspelt field (its suggestion says what is missing: no second line for it)
        "    date: 2019-02-30x\n"  # 10: unreadable date
        "    quotes:\n"
        "      - source: artikel\n"  # 12: unknown source
        "        text: The two leaders\n"
        "  - id: two\n"  # 14
        "    title: Two\n"
        "    date: 2019\n"
        "    quotes:\n"
        "      - source: article\n"
        "        text: The three leaders\n"  # 19: not in the source
    )
    result = load_text(folder / "x.yaml", text)
    assert result.store is None
    got = [(p.line, p.column, p.message.split(":")[0]) for p in result.problems]
    assert got == [
        (9, 5, "unknown field 'titel' in an event; did you mean \"title\"?"),
        (10, 11, "'date'"),
        (12, 17, "unknown source 'artikel'; did you mean \"article\"?"),
        (19, 15, "the quote is not verbatim in source 'article'"),
    ]
    assert all(p.path == folder / "x.yaml" for p in result.problems)


def test_a_file_that_does_not_exist(tmp_path: Path) -> None:
    result = load(tmp_path / "missing.yaml")
    assert result.store is None
    missing = tmp_path / "missing.yaml"
    assert [str(p) for p in result.problems] == [f"{missing}: cannot read the file: No such file or directory"]


def test_a_folder_is_not_a_chronology(tmp_path: Path) -> None:
    result = load(tmp_path)
    assert result.store is None
    assert len(result.problems) == 1
    assert result.problems[0].message.startswith("cannot read the file: ")


def test_an_empty_file_gives_an_empty_store_and_a_problem(tmp_path: Path) -> None:
    result = load_text(tmp_path / "x.yaml", "  \n\n ")
    assert result.store is not None
    assert len(result.store) == 0
    assert not result.ok
    assert [p.message for p in result.problems] == ["the file is empty: nothing to show"]


def test_a_byte_order_mark_is_accepted(folder: Path) -> None:
    path = folder / "bom.yaml"
    path.write_bytes(
        b"\xef\xbb\xbf" + HEAD.encode() + b"  - id: a\n    title: A\n    date: 2019\n"
        b"    quotes: [{source: article, text: The two leaders}]\n"
    )
    result = load(path)
    assert result.ok, [str(p) for p in result.problems]
    assert result.store is not None and [e.id for e in result.store.events] == ["a"]


def test_progress_runs_from_zero_to_one_and_can_cancel(folder: Path) -> None:
    events = "".join(
        f"  - id: e{i}\n    title: E{i}\n    date: {1900 + i}\n    quotes: [{{source: article, text: Hanoi}}]\n"
        for i in range(250)
    )
    seen: list[float] = []
    result = load_text(folder / "x.yaml", HEAD + events, progress=seen.append)
    assert result.ok and result.store is not None and len(result.store) == 250
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= f <= 1.0 for f in seen)

    class Cancelled(Exception):
        pass

    def cancel(fraction: float) -> None:
        if fraction > 0.5:
            raise Cancelled

    with pytest.raises(Cancelled):
        load_text(folder / "x.yaml", HEAD + events, progress=cancel)


def test_dates_written_as_yaml_values_and_as_text_agree(folder: Path) -> None:
    text = HEAD + (
        "  - {id: a, title: A, date: 2019-02-27, quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: b, title: B, date: '2019-02-27', quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: c, title: C, date: 1958, quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: d, title: D, date: 27 Feb 2019, quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: e, title: E, start: 1980s, end: ~2019-02?, quotes: [{source: article, text: Hanoi}]}\n"
    )
    result = load_text(folder / "x.yaml", text)
    assert result.ok, [str(p) for p in result.problems]
    assert result.store is not None
    by_id = {e.id: e.when for e in result.store.events}
    assert by_id["a"].start == by_id["b"].start == by_id["d"].start == PartialDate.of_day(2019, 2, 27)
    assert by_id["c"].start == PartialDate.of_year(1958)
    assert by_id["e"].end == PartialDate.of_month(2019, 2, approximate=True, uncertain=True)
    assert by_id["e"].precision is Precision.DECADE


# -- bugs ---------------------------------------------------------------------------------------------


def test_a_nul_character_in_a_source_path_is_a_problem_not_a_crash(folder: Path) -> None:
    text = HEAD.replace("file: sources/article.txt", 'file: "sources/article\\0.txt"') + (
        "  - {id: a, title: A, date: 2019, quotes: [{source: article, text: Hanoi}]}\n"
    )
    result = load_text(folder / "x.yaml", text)
    assert result.store is None
    assert [(p.line, p.column) for p in result.problems][:1] == [(6, 11)]


def test_a_miss_in_a_source_with_a_sharp_s_is_a_problem_not_a_crash(folder: Path) -> None:
    (folder / "sources" / "german.txt").write_text("Die Straße aaaa\n", encoding="utf-8")
    text = HEAD.replace("sources/article.txt", "sources/german.txt") + (
        "  - {id: a, title: A, date: 2019, quotes: [{source: article, text: aaaA}]}\n"
    )
    result = load_text(folder / "x.yaml", text)
    assert result.store is None
    assert len(result.problems) == 1
    assert "the quote is not verbatim in source 'article'" in result.problems[0].message


def test_a_wide_alias_bomb_is_refused(tmp_path: Path) -> None:
    """10,000 items aliased 1,000 times: 20 KB of YAML that would stand for ten million values."""
    text = "a: &a [" + ",".join(["x"] * 10_000) + "]\nb: [" + ",".join(["*a"] * 1_000) + "]\n"
    result = load_text(tmp_path / "x.yaml", text)
    assert result.store is None
    assert any("alias" in p.message and "refused" in p.message for p in result.problems), [
        p.message for p in result.problems
    ]


def test_deep_block_nesting_is_refused_without_a_crash(tmp_path: Path) -> None:
    """`- - - - …` 100,000 deep: 200 KB that once overflowed the C stack in libyaml's composer (a segfault).

    Run in a child process, so that a crash fails this test instead of killing the test run."""
    path = tmp_path / "deep_block.yaml"
    path.write_text("- " * 100_000 + "x\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert f"{path}:1:{2 * MAX_DEPTH + 1}: the YAML is nested more than {MAX_DEPTH} levels deep" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize(("opening", "closing"), [("- ", ""), ("[", "]")])
def test_nesting_is_allowed_to_the_limit_and_refused_past_it(tmp_path: Path, opening: str, closing: str) -> None:
    def problems(depth: int) -> list[tuple[int, int, str]]:
        text = opening * depth + "x" + closing * depth + "\n"
        return [(p.line, p.column, p.message) for p in load_text(tmp_path / "x.yaml", text).problems]

    deep = f"the YAML is nested more than {MAX_DEPTH} levels deep"
    assert all(deep not in message for _, _, message in problems(MAX_DEPTH))
    column = len(opening) * MAX_DEPTH + 1
    assert problems(MAX_DEPTH + 1) == [(1, column, deep)]
    assert problems(1000) == [(1, column, deep)]


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    result = load_text(tmp_path / "x.yaml", "events: &a [*a]\n")
    assert result.store is None
    assert len(result.problems) == 1
    assert result.problems[0].line == 1


# -- bad input never raises ---------------------------------------------------------------------------


def _check_result(result: LoadResult, path: Path) -> None:
    assert isinstance(result, LoadResult)
    assert result.path == path
    if result.store is None:
        assert result.problems, "no store and no problem"
    for problem in result.problems:
        assert problem.path == path
        assert problem.line >= 0 and problem.column >= 0
        assert problem.message
        assert str(problem).startswith(str(path))


_SETTINGS = settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@_SETTINGS
@given(st.text(max_size=300))
@example("")
@example("\x00")
@example("[" * 100)
@example("a: &a [*a]")
@example("? [a]\n: b\n")
@example("<<: {a: 1}\n")
@example("events: !!binary aGVsbG8=\n")
@example("events: !!set {a, b}\n")
@example("events:\n  - !!python/name:os.system\n")
@example("timeline: 2019-02-30\n")
@example("events: [{id: a, date: 2019-02-27 10:00:00}]\n")
@example("\ttimeline: x\n")
@example("%YAML 1.1\n---\na: 1\n...\n---\nb: 2\n")
def test_arbitrary_text_never_raises(folder: Path, text: str) -> None:
    path = folder / "x.yaml"
    _check_result(load_text(path, text), path)


_KEYS = st.sampled_from(
    [
        "timeline",
        "sources",
        "events",
        "title",
        "id",
        "date",
        "start",
        "end",
        "quotes",
        "source",
        "text",
        "file",
        "url",
        "tags",
        "show",
        "from",
        "to",
        "published",
        "authors",
        "summery",
        "<<",
        "",
        "1",
    ]
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(
        [
            "2019-02-27",
            "2018-05",
            "1980s",
            "~1958?",
            "02/03/2019",
            "2019-02-30",
            "May",
            "article",
            "sources/article.txt",
            "../../etc/passwd",
            "/etc/passwd",
            "javascript:alert(1)",
            "https://example.org",
            "The two leaders",
            "It's",
        ]
    ),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS | st.text(max_size=6), inner, max_size=5),
    max_leaves=25,
)


def _dump(data: object, unicode: bool) -> str:
    return yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False)


@_SETTINGS
@given(_VALUES, st.booleans())
def test_arbitrary_yaml_structures_never_raise(folder: Path, data: object, unicode: bool) -> None:
    path = folder / "x.yaml"
    _check_result(load_text(path, _dump(data, unicode)), path)


def _maybe(value: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(value, value, value, _VALUES)


_PASSAGES = ["The two leaders will meet again", "It’s the second summit", "Hanoi", "last June.", "It's the second"]


@st.composite
def near_valid_chronologies(draw: st.DrawFn) -> dict[str, object]:
    """Chronologies that are right in shape, with random fields missing, misnamed or given odd values."""
    quote = st.fixed_dictionaries(
        {},
        optional={
            "source": _maybe(st.sampled_from(["article", "artikel"])),
            "text": _maybe(st.sampled_from(_PASSAGES)),
            "note": _SCALARS,
        },
    )
    date = _maybe(st.sampled_from(["2019-02-27", "2018-05", "1958", "1980s", "~2019-02?", "2019-02-30", "Feb 2019"]))
    event = st.fixed_dictionaries(
        {},
        optional={
            "id": _maybe(st.sampled_from(["a", "b", "hanoi-summit", "bad id!"])),
            "title": _maybe(st.text(max_size=10)),
            "summary": _maybe(st.text(max_size=10)),
            "date": date,
            "start": date,
            "end": date,
            "date_note": _SCALARS,
            "tags": _maybe(st.lists(st.text(max_size=5), max_size=3)),
            "quotes": _maybe(st.lists(_maybe(quote), max_size=3)),
            "titel": _SCALARS,
        },
    )
    source = st.fixed_dictionaries(
        {},
        optional={
            "id": _maybe(st.sampled_from(["article", "other"])),
            "title": _maybe(st.just("Leaders")),
            "file": _maybe(
                st.sampled_from(
                    ["sources/article.txt", "sources", "../x.txt", "/etc/passwd", "sources/none.txt", "C:\\x.txt", ""]
                )
            ),
            "url": _maybe(st.sampled_from(["https://example.org/a", "file:///etc/passwd", "http://"])),
            "published": date,
            "authors": _maybe(st.lists(st.text(max_size=5), max_size=2)),
        },
    )
    header = st.fixed_dictionaries(
        {}, optional={"title": _maybe(st.just("T")), "show": _maybe(st.fixed_dictionaries({"from": date, "to": date}))}
    )
    return draw(
        st.fixed_dictionaries(
            {},
            optional={
                "timeline": _maybe(header),
                "sources": _maybe(st.lists(_maybe(source), max_size=3)),
                "events": _maybe(st.lists(_maybe(event), max_size=5)),
                "extra": _SCALARS,
            },
        )
    )


@_SETTINGS
@given(near_valid_chronologies(), st.booleans())
def test_near_valid_chronologies_never_raise(folder: Path, data: dict[str, object], unicode: bool) -> None:
    path = folder / "x.yaml"
    result = load_text(path, _dump(data, unicode))
    _check_result(result, path)
    if result.store is not None and result.problems == []:
        assert len(result.store) == len(data.get("events") or [])  # type: ignore[arg-type]


@st.composite
def valid_chronologies(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(0, 12))
    events = []
    for number in range(count):
        first = parse_date(draw(st.sampled_from(["1950", "1980s", "2018-05", "~2019-02?", "2019-02-27", "1958"])))
        title = draw(st.text(min_size=1, max_size=10).filter(str.strip))
        item: dict[str, object] = {"id": f"e{number}", "title": title}
        if draw(st.booleans()):
            item["date"] = first.iso(marks=True)
        else:
            item["start"] = first.iso(marks=True)
            # a later year (or, for a year or a decade, the year the start ends in)
            low = civil_from_seconds(first.end_seconds - 1)[0] + (first.precision < Precision.YEAR)
            item["end"] = PartialDate.of_year(low + draw(st.integers(0, 70))).iso()
        item["quotes"] = [{"source": "article", "text": draw(st.sampled_from(_PASSAGES[:4]))}]
        events.append(item)
    return {
        "timeline": {"title": "T"},
        "sources": [{"id": "article", "title": "A", "file": "sources/article.txt"}],
        "events": events,
    }


@_SETTINGS
@given(valid_chronologies())
def test_valid_chronologies_load_every_event(folder: Path, data: dict[str, object]) -> None:
    result = load_text(folder / "x.yaml", _dump(data, True))
    assert result.ok, [str(p) for p in result.problems]
    assert result.store is not None
    events = data["events"]
    assert isinstance(events, list)
    assert sorted(e.id for e in result.store.events) == sorted(e["id"] for e in events)
    starts = result.store.starts.tolist()
    assert starts == sorted(starts)


@pytest.mark.parametrize(("start", "end"), [("2018-05", "2018"), ("1985", "1980s"), ("2019-02-27", "2019-02")])
def test_a_range_may_end_in_a_coarser_period_that_contains_its_start(folder: Path, start: str, end: str) -> None:
    """'From May 2018 until later in 2018' is not reversed: the year 2018 ends after May 2018 begins."""
    text = HEAD + f"  - {{id: a, title: A, start: {start}, end: {end}, quotes: [{{source: article, text: Hanoi}}]}}\n"
    result = load_text(folder / "x.yaml", text)
    assert result.problems == []
    assert result.store is not None
    assert result.store.events[0].when == EventDate(parse_date(start), parse_date(end))


def test_a_time_of_day_without_a_zone_is_refused_with_its_position(folder: Path) -> None:
    """Plain YAML would read this as a datetime; the chronology refuses it where it is written: no zone."""
    assert isinstance(yaml.safe_load("d: 2019-02-27 10:00:00")["d"], dt.datetime)
    text = HEAD + "  - {id: a, title: A, date: 2019-02-27 10:00:00, quotes: [{source: article, text: Hanoi}]}\n"
    result = load_text(folder / "x.yaml", text)
    assert result.store is None
    assert [(p.line, p.column) for p in result.problems] == [(8, 29)]
    assert result.problems[0].message.startswith("'date': ")
    assert "a time of day needs a time zone: add one" in result.problems[0].message


def test_times_with_zones_and_intervals_load_in_true_instant_order(folder: Path) -> None:
    """Washington's 21:10 on 5 February is Hanoi's 09:10 on the 6th: it sorts after 08:00 in Hanoi."""
    text = HEAD + (
        "  - {id: sotu, title: S, date: 2019-02-05 21:10 America/New_York, quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: hanoi, title: H, date: '2019-02-06 08:00 +07:00', quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: bc, title: B, date: 15 March 44 BC, quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: open, title: O, date: 1985/.., quotes: [{source: article, text: Hanoi}]}\n"
        "  - {id: span, title: I, date: 1964/2008, quotes: [{source: article, text: Hanoi}]}\n"
    )
    result = load_text(folder / "x.yaml", text)
    assert result.problems == []
    assert result.store is not None
    assert [e.id for e in result.store.events] == ["bc", "span", "open", "hanoi", "sotu"]
    span = result.store.events[1].when
    assert span.is_range and span.edtf() == "1964/2008"
    assert result.store.events[2].when.open_after is OpenEnd.OPEN


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    """The limit (256 MiB) is lowered here so the test need not write that much."""
    from viewer.model import yamltree

    monkeypatch.setattr(yamltree, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.yaml"
    path.write_text("events:\n" + "  - {id: x}\n" * 200, encoding="utf-8")
    result = load(path)
    assert result.store is None
    assert [str(p) for p in result.problems] == [f"{path}: the file is 2.4 KiB; the limit is 1.0 KiB"]


# -- where the record contradicts a source, what goes on, what was left out --------------------------


def test_disputes_ongoing_and_left_out_are_read_into_the_model(folder: Path) -> None:
    from viewer.model.events import Dispute, LeftOut

    text = (
        "timeline:\n"
        "  title: Test chronology\n"
        "  left_out:\n"
        "    - {what: The first summit's second day, why: The article does not date it.}\n"
        "sources:\n"
        "  - {id: article, title: Leaders to meet in Hanoi, file: sources/article.txt}\n"
        "events:\n"
        "  - id: talks\n"
        "    title: Talks\n"
        "    start: 2018-06\n"
        "    end: 2019-02-27\n"
        "    ongoing: true\n"
        "    quotes: [{source: article, text: The two leaders will meet again}]\n"
        "    disputed:\n"
        "      - {source: article, says: they meet in Vietnam, record: they met in Hanoi}\n"
        "  - {id: plain, title: Plain, date: 2019, quotes: [{source: article, text: Hanoi}]}\n"
    )
    result = load_text(folder / "x.yaml", text)
    assert result.problems == []
    assert result.store is not None
    assert result.store.header.left_out == (LeftOut("The first summit's second day", "The article does not date it."),)
    talks, plain = result.store.events
    assert talks.ongoing is True
    assert talks.disputed == (Dispute("article", "they meet in Vietnam", "they met in Hanoi"),)
    assert (plain.ongoing, plain.disputed) == (False, ())
    assert talks.end_seconds == PartialDate.of_day(2019, 2, 27).end_seconds  # drawn up to the last date seen


def test_ongoing_false_is_accepted_on_a_single_date_and_each_dispute_problem_is_reported(folder: Path) -> None:
    text = HEAD + (
        "  - id: one\n"  # 8
        "    title: One\n"
        "    date: 2019\n"
        "    ongoing: false\n"
        "    quotes: [{source: article, text: Hanoi}]\n"
        "    disputed:\n"
        "      - [not, a, mapping]\n"  # 14
        "      - {source: article, says: '', record: x}\n"  # 15: empty 'says'
    )
    result = load_text(folder / "x.yaml", text)
    assert result.store is None
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (14, 9, "each of 'disputed' should be a mapping with 'source', 'says' and 'record', not a list"),
        (15, 33, "'says' is empty"),
    ]
