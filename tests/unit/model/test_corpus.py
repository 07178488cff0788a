"""The broken-file corpus (tests/corpus/): one file per kind of mistake, each with the problem it must give.

Every file is the control `valid.yaml` with one mistake in it. The table says where the problem must be
reported and a fragment of its message; `load` must refuse the file (no store) and `check` must print
`FILE:LINE:COL: message`, exit 1, and neither crash nor hang.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from viewer.model.loader import load
from viewer.model.readers import READERS

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"

# file: (line, column, fragment of the message); line 0 means the problem has no position.
EXPECTED: dict[str, tuple[int, int, str]] = {
    "duplicate_key.yaml": (13, 5, "the key 'title' is repeated (first at line 12); one of the values would be lost"),
    "unknown_field.yaml": (16, 5, "unknown field 'summery' in an event; did you mean \"summary\"?"),
    "tab_indentation.yaml": (15, 1, "a tab is used for indentation; YAML allows spaces only"),
    "syntax_error.yaml": (16, 11, "YAML syntax error: did not find expected ',' or ']'"),
    "wrong_type_title.yaml": (12, 12, "'title' should be text, not a list"),
    "date_does_not_exist.yaml": (13, 11, "'date': '2019-02-30': February 2019 has 28 days, so day 30 does not exist"),
    "date_unreadable.yaml": (13, 11, "'date': cannot read '02/03/2019' as a date"),
    "date_no_year.yaml": (13, 11, "'date': 'February' has no year"),
    "range_reversed.yaml": (14, 10, "the range ends (2019-02-27) before it starts (2019-02-28)"),
    "range_missing_end.yaml": (13, 5, "a range needs both 'start' and 'end'; 'end' is missing (or use 'date')"),
    "missing_date.yaml": (11, 5, "an event needs a 'date' (or 'start' and 'end')"),
    "date_and_start.yaml": (14, 5, "an event has either 'date' or 'start' and 'end', not both"),
    "unknown_source.yaml": (17, 17, "unknown source 'artcle'; did you mean \"article\"?"),
    "quote_not_in_source.yaml": (
        18,
        15,
        "the quote is not verbatim in source 'article': the source has the quote's first 16 characters, then differs",
    ),
    "quote_typography.yaml": (
        18,
        15,
        "the quote is not verbatim in source 'article': the quote writes \"'\" where the source has '’'",
    ),
    "source_outside_folder.yaml": (9, 11, "'file' '../../etc/passwd' lies outside the chronology's folder; refused"),
    "source_absolute_path.yaml": (
        9,
        11,
        "'file' must be a path inside the chronology's folder, not the absolute path '/etc/passwd'",
    ),
    "source_file_missing.yaml": (9, 11, "cannot read the source text 'sources/no-such-article.txt'"),
    "source_text_not_utf8.yaml": (9, 11, "the source text 'sources/latin1.txt' is not UTF-8"),
    "url_not_http.yaml": (8, 10, "'url' must be an http or https address, not 'javascript:alert(document.cookie)'"),
    "not_utf8.yaml": (3, 13, "the file is not UTF-8: byte 0xe9 at offset 82"),
    "empty.yaml": (0, 0, "the file is empty: nothing to show"),
    "binary.yaml": (4, 4, "this is a binary file, not YAML text (NUL byte at offset 72)"),
    "python_object_tag.yaml": (12, 12, "the YAML tag tag:yaml.org,2002:python/object/apply:os.system is refused"),
    "alias_bomb.yaml": (8, 8, "(a YAML 'billion laughs'?); refused"),
    "merge_key.yaml": (22, 5, "merge keys (<<) are not supported in a chronology"),
    "deep_nesting.yaml": (2, 73, "the YAML is nested more than 64 levels deep"),
    "duplicate_event_id.yaml": (21, 9, "the event id 'hanoi-summit' is used twice (first at line 11)"),
    "duplicate_source_id.yaml": (10, 9, "the source id 'article' is used twice (first at line 5)"),
    "bad_event_id.yaml": (11, 9, "'id' should be a word of letters, digits, '-', '_' or '.', not 'hanoi summit!'"),
    "empty_quotes.yaml": (
        16,
        13,
        "'quotes' should be a list of at least one quote (leave 'quotes' out for an event that cites no source)",
    ),
    "missing_title.yaml": (11, 5, "an event has no 'title'"),
    "tags_wrong_type.yaml": (15, 21, "each of 'tags' should be text, not true/false"),
    "events_not_a_list.yaml": (11, 3, "'events' should be a list, not a mapping"),
    "not_a_mapping.yaml": (2, 1, "a chronology is a mapping with 'timeline', 'sources' and 'events'"),
    "show_reversed.yaml": (6, 9, "'show' ends (2018-05) before it starts (2019-03)"),
    "disputed_unknown_source.yaml": (22, 17, "unknown source 'artcle'; did you mean \"article\"?"),
    "disputed_unknown_field.yaml": (23, 9, "unknown field 'sayz' in a dispute; did you mean \"says\"?"),
    "disputed_not_a_list.yaml": (21, 15, "'disputed' should be a list of {source, says, record}, not text"),
    "disputed_missing_record.yaml": (22, 9, "a dispute has no 'record'"),
    "disputed_source_not_quoted.yaml": (
        25,
        17,
        "the dispute is about source 'other', which no quote of this event cites; quote its words",
    ),
    "ongoing_not_boolean.yaml": (15, 14, "'ongoing' should be true or false, not text"),
    "ongoing_without_range.yaml": (14, 5, "'ongoing: true' needs a range: 'start', and as 'end' the last date"),
    "left_out_not_a_list.yaml": (4, 13, "'left_out' should be a list of {what, why}, not text"),
    "left_out_missing_why.yaml": (5, 7, "an entry of 'left_out' has no 'why'"),
    # issue 15: what bad files still caused (tracebacks, silent changes, wrong lines, forged lines)
    "url_unclosed_bracket.yaml": (8, 10, "'url' is not a well-formed address, so it cannot be opened: 'http://[::1'"),
    "url_fullwidth_solidus.yaml": (8, 10, "'url' is not a well-formed address, so it cannot be opened"),
    "url_with_space.yaml": (8, 10, "'url' holds white space (a space or a line break), so it cannot be opened"),
    "id_trailing_newline.yaml": (11, 9, "'id' should be a word of letters, digits, '-', '_' or '.', not 'hanoi-sum"),
    "key_with_newline.yaml": (15, 5, "unknown field 'tags\\nvalid.yaml:1:1: all is well' in an event"),
    "form_feed.yaml": (12, 18, "the character U+000C (form feed) is not allowed in YAML text"),
    "delete_character.yaml": (12, 18, "the character U+007F (delete) is not allowed in YAML text"),
    "line_separators.yaml": (15, 5, "unknown field 'tagz' in an event; did you mean \"tags\"?"),
    "date_sexagesimal.yaml": (13, 11, "'date': '19:58': a time of day is written after an ISO day, with its zone"),
    "source_symlink_loop.yaml": (9, 11, "the source text 'sources/loop.txt': Too many levels of symbolic links"),
    "long_date.yaml": (13, 11, "is not a date (99,999 characters; a date has a few)"),
    "link_unknown_target.yaml": (
        29,
        13,
        "the link points to 'hanoi-sumit', which is not an event's id; did you mean \"hanoi-summit\"?",
    ),
    "link_to_itself.yaml": (22, 13, "the event 'hanoi-summit' links to itself"),
    "links_not_a_list.yaml": (28, 12, "'links' should be a list of {to, label}, not text"),
    "link_missing_to.yaml": (29, 9, "a link has no 'to'"),
    "group_wrong_type.yaml": (16, 12, "'group' should be text, not a list"),
    "era_range_reversed.yaml": (24, 10, "the range ends (2018-06) before it starts (2019-02)"),
    "era_missing_date.yaml": (22, 5, "an era needs a 'date' (or 'start' and 'end')"),
    "era_bad_colour.yaml": (25, 13, "'colour' should be a colour such as \"#D55E00\" or \"orange\", not 'blu'"),
    "era_unknown_field.yaml": (25, 5, "unknown field 'color' in an era; did you mean \"colour\"?"),
    "eras_not_a_list.yaml": (22, 3, "'eras' should be a list of periods, not a mapping"),
    "era_quote_not_in_source.yaml": (27, 15, "the quote is not verbatim in source 'article'"),
}

# Times of day with zones, BC and deep time, EDTF: each new form's wrong twin.
EXPECTED |= {
    "time_without_zone.yaml": (13, 11, "'2019-02-27 10:00:00': a time of day needs a time zone: add one"),
    "time_hour_25.yaml": (13, 11, "'2019-02-28T25:00Z': hour 25 does not exist: hours run from 00 to 23"),
    "time_minute_61.yaml": (13, 11, "'2019-02-28T17:61Z': minute 61 does not exist: minutes run from 00 to 59"),
    "time_hour_only.yaml": (13, 11, "'2019-02-28T17Z': write the minutes too (e.g. 17:00), and the zone"),
    "time_unknown_zone.yaml": (13, 11, "unknown time zone 'Asia/Ho_Chi_Mihn'; did you mean 'Asia/Ho_Chi_Minh'?"),
    "time_zone_case.yaml": (13, 11, "did you mean 'Asia/Ho_Chi_Minh'? (names are case-sensitive)"),
    "time_skipped_by_dst.yaml": (13, 11, "2019-03-10 02:30 does not exist in America/New_York"),
    "time_repeated_by_dst.yaml": (13, 11, "happened twice in America/New_York (the clocks were put back)"),
    "time_offset_too_far.yaml": (13, 11, "the offset '+15:00' is more than 14 hours from UTC"),
    "time_marked_approximate.yaml": (13, 11, "a time of day cannot be marked approximate or uncertain"),
    "date_zero_bc.yaml": (13, 11, "'0 BC': there is no year 0 BC: 1 BC is followed by AD 1"),
    "date_two_eras.yaml": (13, 11, "'44 BC AD': write the era (BC or AD) once"),
    "date_doubled_qualifier.yaml": (13, 11, "'2004-06~~' has more than one mark of doubt at its end ('~~')"),
    "date_two_qualifiers.yaml": (13, 11, "'2004-06?~' has more than one mark of doubt at its end ('?~')"),
    "date_approximate_twice.yaml": (13, 11, "'~2004-06~' is marked approximate twice"),
    "date_short_long_year.yaml": (13, 11, "'Y-499': an EDTF 'Y' year has more than four digits; write -0499"),
    "date_long_year_marked.yaml": (13, 11, "EDTF cannot mark a year beyond ±9999 approximate or uncertain"),
    "date_day_of_long_year.yaml": (13, 11, "a month or day of year -10000 cannot be written"),
    "date_unspecified_millennium.yaml": (13, 11, "'1XXX': only the last digit (201X, a decade) or the last two"),
    "date_bc_day_does_not_exist.yaml": (13, 11, "February 44 BC has 28 days, so day 29 does not exist"),
    "interval_reversed.yaml": (13, 11, "the interval '2008/1964' ends (1964) before it starts (2008)"),
    "interval_no_date.yaml": (13, 11, "'../..': an interval needs a date at one end at least"),
    "interval_in_start.yaml": (13, 12, "'start': '1964/2008' is an interval; an interval is written in 'date'"),
}

CASES = sorted(EXPECTED)
LOOP = CORPUS / "sources" / "loop.txt"


@pytest.fixture(autouse=True, scope="module")
def symlink_loop():
    """sources/loop.txt, a symlink to itself, for source_symlink_loop.yaml. Made here rather than kept in git:
    a loop in the tree breaks every tool that copies the corpus (shutil.copytree among them)."""
    if not LOOP.is_symlink():
        LOOP.symlink_to(LOOP.name)
    yield
    LOOP.unlink(missing_ok=True)


def test_the_table_and_the_corpus_agree() -> None:
    on_disk = {path.name for path in CORPUS.glob("*.yaml")}
    assert on_disk - {"valid.yaml"} == set(EXPECTED)
    assert (CORPUS / "sources" / "article.txt").is_file()
    assert LOOP.is_symlink()


def test_the_control_file_is_valid() -> None:
    result = load(CORPUS / "valid.yaml")
    assert result.problems == []
    assert result.store is not None
    assert [e.id for e in result.store.events] == ["hanoi-summit"]
    quote = result.store.events[0].quotes[0]
    assert result.store.sources["article"].text[quote.start : quote.end] == (
        "The two leaders will meet again on Feb. 27-28 in Vietnam"
    )


def test_the_encoding_files_hold_the_bytes_they_are_about() -> None:
    assert (CORPUS / "empty.yaml").read_bytes() == b""
    assert b"\x00" in (CORPUS / "binary.yaml").read_bytes()
    not_utf8 = (CORPUS / "not_utf8.yaml").read_bytes()
    assert b"Caf\xe9" in not_utf8
    with pytest.raises(UnicodeDecodeError):
        not_utf8.decode("utf-8")
    assert (CORPUS / "deep_nesting.yaml").read_text(encoding="utf-8").count("[") == 10_000


@pytest.mark.parametrize("name", CASES)
def test_load_refuses_the_file_with_the_problem_where_it_is(name: str) -> None:
    line, column, fragment = EXPECTED[name]
    path = CORPUS / name
    result = load(path)
    if name == "empty.yaml":
        assert result.store is not None and len(result.store) == 0
    else:
        assert result.store is None
    assert not result.ok
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    problem = result.problems[0]
    assert (problem.line, problem.column) == (line, column)
    assert fragment in problem.message
    assert problem.path == path


@pytest.mark.parametrize("name", CASES)
def test_check_prints_the_problem_and_exits_1(name: str) -> None:
    line, column, fragment = EXPECTED[name]
    path = CORPUS / name
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=20,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    where = f"{path}:{line}:{column}: " if line else f"{path}: "
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    assert lines[0].startswith(where), lines[0]
    assert fragment in lines[0][len(where) :]
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.strip() == f"1 problem in {path}"


def test_every_message_is_word_for_word_what_it_was() -> None:
    """tests/corpus/messages.txt holds every problem `check` gives for the corpus (every format), as
    `FILE:LINE:COL: message` with the file's name. It was written before the readers table existed: a new
    reader or a change to the validator must not change a word of what the files are told (regenerate it
    only on purpose: it was, when events without quotes became allowed, as uncited)."""
    said = []
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in READERS):
        said += [str(problem).replace(str(path), path.name, 1) for problem in load(path).problems]
    expected = (CORPUS / "messages.txt").read_text(encoding="utf-8").splitlines()
    assert said == expected
