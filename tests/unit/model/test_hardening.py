"""Issue 15: what bad files could still do to the model, each class tested as a class.

Special files (named pipes, devices, folders) are refused without blocking; malformed addresses and symlink
loops are problems, not tracebacks; aliased and repeated values cost their work once; YAML scalars reach the
validator as written; a line is LF, CR or CRLF everywhere; valid files are not refused by pre-scans.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import loader
from viewer.model.addresses import web_address_problem
from viewer.model.escaping import for_terminal
from viewer.model.lines import line_column, split_lines
from viewer.model.loader import load, load_text
from viewer.model.safe_read import NotReadable, TooLarge, read_regular

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ARTICLE = (CORPUS / "sources" / "article.txt").read_text(encoding="utf-8")
QUOTE = "The two leaders will meet again on Feb. 27-28 in Vietnam"


def chronology(events: str, sources: str = "") -> str:
    """A small chronology citing tests/corpus/sources/article.txt (the text is copied beside it)."""
    return (
        "timeline: {title: T}\n"
        "sources:\n"
        "  - {id: article, title: A, file: article.txt}\n" + sources + "events:\n" + events
    )


def event(number: int = 0, title: str = "T", extra: str = "") -> str:
    return (f"  - id: e{number}\n    title: {title}\n    date: 2019-02-27\n{extra}"
            f"    quotes: [{{source: article, text: {QUOTE}}}]\n")  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def load_in(folder: Path, text: str, name: str = "c.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load(path)


# -- 1. only regular files, never blocking ---------------------------------------------------------------
def _in_a_thread(function, timeout: float = 10.0):
    """Run `function` in a thread and fail (instead of hanging the suite) if it blocks."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(function()), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "blocked"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_chronology_that_is_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = _in_a_thread(lambda: load(fifo))
    assert [str(p) for p in result.problems] == [
        f"{fifo}: cannot read the file: it is a named pipe (FIFO), not a regular file"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_source_that_is_a_named_pipe_is_refused_without_waiting(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    text = chronology(event(), "  - {id: piped, title: P, file: pipe.txt}\n")
    result = _in_a_thread(lambda: load_in(folder, text))
    assert [p.message for p in result.problems] == [
        "cannot read the source text 'pipe.txt': it is a named pipe (FIFO), not a regular file"
    ]


def test_a_device_is_refused_at_once_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero here")
    result = _in_a_thread(lambda: load(zero, format="yaml"))
    assert [p.message for p in result.problems] == [
        "cannot read the file: it is a device (character special file), not a regular file"
    ]


def test_a_folder_named_as_a_chronology_or_a_source_is_said_to_be_a_folder(folder: Path) -> None:
    (folder / "texts.yaml").mkdir()
    assert [p.message for p in load(folder / "texts.yaml").problems] == [
        "cannot read the file: it is a folder, not a regular file"
    ]
    (folder / "sub").mkdir()
    text = chronology(event(), "  - {id: dir, title: D, file: sub}\n")
    assert [p.message for p in load_in(folder, text).problems] == [
        "cannot read the source text 'sub': it is a folder, not a regular file"
    ]


def test_the_size_limit_holds_while_reading_not_only_by_what_stat_says() -> None:
    """/proc files say they are 0 bytes long and hold more: the cap is counted on what is read."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert status.stat().st_size == 0
    with pytest.raises(TooLarge):
        read_regular(status, 16)
    assert len(read_regular(status, 1 << 20)) > 16


def test_read_regular_says_why_in_words(tmp_path: Path) -> None:
    with pytest.raises(NotReadable, match="No such file or directory"):
        read_regular(tmp_path / "missing", 10)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(NotReadable, match="Too many levels of symbolic links"):
        read_regular(loop, 10)


def test_a_chronology_that_is_a_symlink_loop_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert [p.message for p in load(loop).problems] == ["cannot read the file: Too many levels of symbolic links"]


# -- 2. no tracebacks from addresses -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1", "is not a well-formed address"),
        ("http://[::1]x/", "is not a well-formed address"),
        ("https://example.org\uff0fpath", "is not a well-formed address"),
        ("https://example.org:99999/", "is not a well-formed address"),
        ("https://exa mple.org/", "holds white space (a space or a line break)"),
        ("https://example.org/a\nb", "holds white space (a space or a line break)"),
        ("https://example.org/\x1b[31m", "holds a control character"),
        ("https://", "has no host name"),
        ("https://-bad-.org/", "has a host name that is not valid"),
        ("ftp://example.org/", "is not an http or https address"),
        ("javascript:alert(1)", "is not an http or https address"),
    ],
)
def test_a_malformed_address_is_refused_in_words(url: str, reason: str) -> None:
    assert web_address_problem(url) == reason


REAL_ADDRESSES = ["https://example.org/a?b=c#d", "http://[::1]:8080/x", "https://ko.wikipedia.org/wiki/한국",
                  "https://한국.kr/", "https://asia.nikkei.com/Spotlight/N-Korea-at-crossroads/x"]  # fmt: skip


@pytest.mark.parametrize("url", REAL_ADDRESSES)
def test_real_addresses_pass(url: str) -> None:
    assert web_address_problem(url) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_no_text_after_the_scheme_makes_the_address_check_raise(tail: str) -> None:
    for url in ("http://" + tail, "https://[" + tail, tail):
        web_address_problem(url)  # never raises


# -- 3. budgets on work and memory ------------------------------------------------------------------------
def test_an_aliased_long_title_is_one_string_shared_by_every_event(folder: Path) -> None:
    long_title = "word " * 50_000  # a folded block scalar ends with a newline: strip() must copy it once
    events = f"  - id: e0\n    title: &t >\n      {long_title}\n    date: 2019-02-27\n" \
             f"    quotes: [{{source: article, text: {QUOTE}}}]\n"  # fmt: skip
    events += "".join(event(n, "*t") for n in range(1, 300))
    result = load_in(folder, chronology(events))
    assert result.ok, result.problems[:3]
    titles = {id(e.title) for e in result.store.events}
    assert len(titles) == 1
    assert result.store.events[0].title == long_title.strip()


def test_sixteen_sources_naming_one_text_read_it_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    real = loader.read_regular

    def counting(path, limit):
        reads.append(Path(path))
        return real(path, limit)

    monkeypatch.setattr(loader, "read_regular", counting)
    sources = "".join(f"  - {{id: s{n}, title: S, file: ./article.txt}}\n" for n in range(16))
    result = load_in(folder, chronology(event(), sources))
    assert result.ok, result.problems
    assert len([p for p in reads if p.name == "article.txt"]) == 1
    texts = {id(source.text) for source in result.store.sources.values()}
    assert len(texts) == 1


def test_an_aliased_wrong_quote_is_explained_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.model.verbatim import FoldedText

    calls: list[int] = []
    real = FoldedText.explain_miss
    monkeypatch.setattr(FoldedText, "explain_miss", lambda self, q: calls.append(1) or real(self, q))
    wrong = "nothing of the kind " * 5000
    events = (f"  - id: e0\n    title: T\n    date: 2019-02-27\n"
              f"    quotes: [{{source: article, text: &q '{wrong}'}}]\n")  # fmt: skip
    events += "".join(event(n).replace(QUOTE, "*q") for n in range(1, 500))
    result = load_in(folder, chronology(events))
    assert len(result.problems) == 500
    assert len(calls) == 1


def test_quote_misses_past_the_budget_are_still_reported_but_not_explained(folder: Path, monkeypatch) -> None:
    monkeypatch.setattr(loader, "MAX_EXPLAINED_CHARS", 20_000)
    events = "".join(event(n).replace(QUOTE, f"missing words number {n}") for n in range(40))
    result = load_in(folder, chronology(events))
    assert len(result.problems) == 40
    explained = [p for p in result.problems if "not explained further" not in p.message]
    assert 1 <= len(explained) < 40
    assert all("the quote is not verbatim in source 'article'" in p.message for p in result.problems)


def test_the_source_texts_together_have_a_budget(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_TOTAL_SOURCE_BYTES", len(ARTICLE.encode()) + 10)
    (folder / "other.txt").write_text(ARTICLE, encoding="utf-8")
    result = load_in(folder, chronology(event(), "  - {id: other, title: O, file: other.txt}\n"))
    assert [p.message for p in result.problems] == [
        "the source text 'other.txt' is not read: the source texts come to more than 0 MiB in all"
    ]


# -- 4. messages are one line ---------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_every_message_about_a_key_is_one_line_once_escaped(key: str) -> None:
    text = "timeline: {title: T}\nevents:\n  - {" + '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '": 1}\n'
    for problem in load_text(Path("k.yaml"), text).problems:
        line = for_terminal(str(problem))
        assert "\n" not in line and "\r" not in line and "\x1b" not in line


# -- 5. scalars as written ------------------------------------------------------------------------------
def test_numbers_in_a_chronology_stay_as_they_were_written(folder: Path) -> None:
    events = (
        "  - id: 0042\n    title: 1.10\n    date: 0755\n"
        f"    tags: [1.10, 0x1F, 1_000, .inf, 19:58]\n    quotes: [{{source: article, text: {QUOTE}}}]\n"
        "  - id: 1.10\n    title: yes\n    date: 2019\n"
        f"    quotes: [{{source: article, text: {QUOTE}}}]\n"
    )
    result = load_in(folder, chronology(events))
    assert result.ok, result.problems
    first, second = sorted(result.store.events, key=lambda e: e.id)
    assert (first.id, first.title, first.when.start.year) == ("0042", "1.10", 755)
    assert first.tags == ("1.10", "0x1F", "1_000", ".inf", "19:58")
    assert (second.id, second.title) == ("1.10", "yes")


def test_ongoing_takes_the_yaml_12_booleans_and_quotes_anything_else(folder: Path) -> None:
    extra = "    ongoing: yes\n"
    result = load_in(folder, chronology(event(extra=extra)))
    assert [p.message for p in result.problems] == ["'ongoing' should be true or false, not text"]


# -- 7. one definition of a line ---------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\u2028", "\u2029", "\x85", "a", " ", "\u00e9", "\U0001f600"]), max_size=12))
def test_unicode_separators_in_a_title_do_not_move_a_later_problem(pieces: list[str]) -> None:
    title = "T" + "".join(pieces)
    text = f'timeline:\n  title: "{title}"\n  colour: red\n'
    problems = load_text(Path("l.yaml"), text).problems
    assert [(p.line, p.column) for p in problems] == [(3, 3)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r", "\r\n", "a", "\u2028", "\x0c", "\x85"]), max_size=20))
def test_split_lines_and_line_column_agree(pieces: list[str]) -> None:
    text = "".join(pieces) + "X"
    line, column = line_column(text, len(text) - 1)
    assert split_lines(text)[line - 1][column - 1] == "X"


def test_the_value_of_a_title_keeps_its_separators(folder: Path) -> None:
    result = load_in(folder, chronology(event(title="a\u2028b\x85c")))
    assert result.ok, result.problems
    assert result.store.events[0].title == "a\u2028b\x85c"


def test_a_control_character_is_said_with_its_line_and_column_once(folder: Path) -> None:
    result = load_text(Path("c.yaml"), "timeline:\r\n  title: a\x1bb\r\n")
    assert [str(p) for p in result.problems] == [
        "c.yaml:2:11: the character U+001B (escape) is not allowed in YAML text; remove it, or write it as an "
        "escape in a double-quoted string"
    ]


# -- 8. valid files that were refused -----------------------------------------------------------------------
def test_many_braces_inside_a_quoted_string_are_text(folder: Path) -> None:
    result = load_in(folder, chronology(event(title='"' + "{" * 70 + "[" * 70 + '"')))
    assert result.ok, result.problems
    assert result.store.events[0].title == "{" * 70 + "[" * 70


def test_a_tab_after_the_indentation_of_a_block_scalar_is_text(folder: Path) -> None:
    events = (f"  - id: e0\n    title: T\n    date: 2019-02-27\n    summary: |\n      code:\n      \tindented\n"
              f"    quotes: [{{source: article, text: {QUOTE}}}]\n")  # fmt: skip
    result = load_in(folder, chronology(events))
    assert result.ok, result.problems
    assert result.store.events[0].summary == "code:\n\tindented"


def test_deep_flow_nesting_is_still_refused_where_it_goes_too_deep() -> None:
    result = load_text(Path("d.yaml"), "events: " + "[" * 2000 + "]" * 2000 + "\n")
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 9 + 64, "the YAML is nested more than 64 levels deep")
    ]


# -- 10. smaller ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ['"korean-war\\n"', '"korean-war\\r"', '"a\\u2028"', "'x y'"])
def test_an_id_is_a_whole_word(folder: Path, written: str) -> None:
    events = event().replace("id: e0", f"id: {written}")
    problems = load_in(folder, chronology(events)).problems
    assert len(problems) == 1 and problems[0].message.startswith("'id' should be a word of letters")
    assert "\n" not in problems[0].message


def test_the_folded_texts_white_space_is_pythons() -> None:
    from viewer.model.verbatim import WHITESPACE

    assert set(WHITESPACE) == {chr(code) for code in range(0x110000) if chr(code).isspace()}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\u2028", "\xa0", "\u3000", "é", "\U0001f600"]),
               max_size=40), st.integers(0, 40), st.integers(1, 10))  # fmt: skip
def test_a_found_quote_maps_back_to_its_raw_passage(raw: str, start: int, length: int) -> None:
    from viewer.model.verbatim import FoldedText, fold

    text = FoldedText(raw)
    assert text.folded == fold(raw)
    quote = raw[start : start + length]
    if not fold(quote):
        return
    found = text.find(quote)
    assert found is not None
    assert fold(raw[found.start : found.end]) == fold(quote)
