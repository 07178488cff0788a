"""Fuzzing the loader (issue 15): whatever bytes a file holds, `load` gives a clean problem list.

Three kinds of input: random bytes, a real chronology mutated (bytes and lines inserted, deleted, doubled,
and the characters that broke things before: NUL, form feed, DEL, tabs, U+2028, brackets, anchors, tags),
and schema-shaped YAML (the chronology's own fields and a few others, with values of every kind). A clean
problem list: `load` returns (never raises), and every problem is one line once escaped for a terminal, with
a position that is in the file (or none), and a message of bounded length.

Every test run makes a few hundred inputs (a few seconds); `pytest -m slow tests/unit/model/test_fuzz.py`
makes 10,000.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.model.escaping import for_terminal
from viewer.model.lines import split_lines
from viewer.model.loader import LoadResult, load, load_text
from viewer.model.problems import Problem
from viewer.resources import SHIPPED_CHRONOLOGY

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
VALID = (CORPUS / "valid.yaml").read_bytes()
SHIPPED = SHIPPED_CHRONOLOGY.read_bytes()
MAX_MESSAGE_CHARS = 10_000
FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=3_400, deadline=None, suppress_health_check=list(HealthCheck))

_FOLDER: dict[str, Path] = {}


def folder_with_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the corpus's and the shipped chronology's source texts, made once per session."""
    if "folder" not in _FOLDER:
        folder = tmp_path_factory.mktemp("fuzz")
        shutil.copytree(CORPUS / "sources", folder / "sources")
        shutil.copytree(SHIPPED_CHRONOLOGY.parent / "assets", folder / "assets")
        _FOLDER["folder"] = folder
    return _FOLDER["folder"]


def assert_clean(result: LoadResult, path: Path, text: str | None) -> None:
    assert isinstance(result, LoadResult)
    assert result.store is not None or result.problems, "refused without a word"
    lines = len(split_lines(text)) if text is not None else None
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert problem.line >= 0 and problem.column >= 0
        if problem.line:
            assert problem.column >= 1
            if lines is not None:
                assert problem.line <= lines + 1, (problem, lines)
        assert problem.message and len(problem.message) <= MAX_MESSAGE_CHARS
        shown = for_terminal(str(problem))
        assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
        assert "Traceback" not in problem.message


def _load_bytes(folder: Path, data: bytes) -> None:
    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    try:
        text: str | None = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = None
    assert_clean(load(path), path, text)


# -- random bytes ------------------------------------------------------------------------------------------
_BYTES = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from([b"- ", b": ", b"{", b"}", b"[", b"]", b"&a ", b"*a", b"!!str ", b"\n", b"  ", b"\t",
                              b"'", b'"', b"#", b"|", b">", b"---\n", b"? ", b"<<: ", b"\xe2\x80\xa8", b"\x0c",
                              b"events", b"timeline", b"sources", b"id", b"x"]), max_size=120).map(b"".join),
)  # fmt: skip


def check_random_bytes(tmp_path_factory, data: bytes) -> None:
    _load_bytes(folder_with_sources(tmp_path_factory), data)


@FAST
@given(data=_BYTES)
def test_random_bytes(tmp_path_factory, data: bytes) -> None:
    check_random_bytes(tmp_path_factory, data)


@pytest.mark.slow
@SLOW
@given(data=_BYTES)
def test_random_bytes_slow(tmp_path_factory, data: bytes) -> None:
    check_random_bytes(tmp_path_factory, data)


# -- a real file, mutated --------------------------------------------------------------------------------------
_INSERTS = [b"\x00", b"\x0c", b"\x7f", b"\t", b"\xe2\x80\xa8", b"\xc2\x85", b"\xe2\x80\xa9", b"\xef\xbf\xbe", b"{" * 70,
            b"[" * 70, b"&a ", b"*a", b"!!python/object/apply:os.system ", b"<<: ", b": ", b"- ", b"\n", b"\r", b"'",
            b'"', b"0755", b"19:58", b"~", b"\xff", b"\x1b[31m", b"http://[::1", b"\xef\xbc\x8f", b"../../etc/passwd",
            b"\\", b"%YAML 1.1\n", b"---\n", b"... \n"]  # fmt: skip
_MUTATION = st.tuples(st.sampled_from(["insert", "delete", "double_line", "drop_line", "byte"]),
                      st.floats(0, 1), st.integers(0, 200), st.sampled_from(_INSERTS))  # fmt: skip


def mutated(base: bytes, mutations: list[tuple[str, float, int, bytes]]) -> bytes:
    data = bytearray(base)
    for kind, where, amount, insert in mutations:
        at = int(where * len(data))
        if kind == "insert":
            data[at:at] = insert
        elif kind == "delete":
            del data[at : at + amount]
        elif kind == "byte" and data:
            data[min(at, len(data) - 1)] = amount
        else:
            lines = bytes(data).split(b"\n")
            number = min(int(where * len(lines)), len(lines) - 1)
            if kind == "double_line":
                lines.insert(number, lines[number])
            elif len(lines) > 1:
                del lines[number]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def check_mutated(tmp_path_factory, base: bytes, mutations) -> None:
    _load_bytes(folder_with_sources(tmp_path_factory), mutated(base, mutations))


@FAST
@given(mutations=st.lists(_MUTATION, min_size=1, max_size=4))
def test_the_corpus_control_mutated(tmp_path_factory, mutations) -> None:
    check_mutated(tmp_path_factory, VALID, mutations)


@pytest.mark.slow
@SLOW
@given(base=st.sampled_from([VALID, SHIPPED]), mutations=st.lists(_MUTATION, min_size=1, max_size=6))
def test_real_files_mutated_slow(tmp_path_factory, base: bytes, mutations) -> None:
    check_mutated(tmp_path_factory, base, mutations)


# -- schema-shaped YAML --------------------------------------------------------------------------------------------
_FIELDS = ["id", "title", "summary", "date", "start", "end", "date_note", "ongoing", "tags", "quotes", "disputed",
           "source", "text", "says", "record", "file", "url", "outlet", "authors", "published", "show", "from",
           "to", "left_out", "what", "why", "description", "eras", "colour", "links", "label", "group",
           "titel", "<img src=x>", "a\nb", "\x1b[2J"]  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2019-02-27", "2018-05", "1958", "1980s", "~1986", "2019-02-28?", "0755", "19:58", "0042",
                     "1.10", "yes", "null", "true", "article", "sources/article.txt", "../x", "/etc/passwd",
                     "https://example.org/a", "http://[::1", "https://a b", "javascript:x", "hanoi-summit",
                     "The two leaders will meet again on Feb. 27-28 in Vietnam", "\u2028", "\x85", "{" * 70]),
)  # fmt: skip
_SCALAR = st.one_of(_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_FIELDS), inner, max_size=5)), max_leaves=20)
_SOURCE = st.fixed_dictionaries({"id": _TEXT, "title": _TEXT, "file": st.sampled_from(["sources/article.txt", "x"])},
                                optional={"url": _TEXT, "published": _TEXT, "authors": _VALUE})  # fmt: skip
_QUOTE = st.fixed_dictionaries({"source": st.sampled_from(["article", "x"]), "text": _TEXT})
_EVENT = st.fixed_dictionaries(
    {"id": _TEXT, "title": _TEXT, "quotes": st.lists(_QUOTE, max_size=2)},
    optional={"date": _TEXT, "start": _TEXT, "end": _TEXT, "tags": _VALUE, "ongoing": _SCALAR, "disputed": _VALUE,
              "links": _VALUE, "group": _VALUE, "summery": _VALUE},
)  # fmt: skip
_DOCUMENT = st.fixed_dictionaries(
    {"timeline": st.one_of(st.fixed_dictionaries({"title": _TEXT}, optional={"show": _VALUE, "left_out": _VALUE}),
                           _VALUE),
     "sources": st.one_of(st.lists(_SOURCE, max_size=3), _VALUE),
     "events": st.one_of(st.lists(_EVENT, max_size=4), _VALUE)},
    optional={"eras": _VALUE},
)  # fmt: skip


def check_schema_shaped(tmp_path_factory, document, flow: bool) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    path = folder_with_sources(tmp_path_factory) / "schema.yaml"
    assert_clean(load_text(path, text), path, text)


@FAST
@given(document=_DOCUMENT, flow=st.booleans())
def test_schema_shaped_yaml(tmp_path_factory, document, flow: bool) -> None:
    check_schema_shaped(tmp_path_factory, document, flow)


@pytest.mark.slow
@SLOW
@given(document=_DOCUMENT, flow=st.booleans())
def test_schema_shaped_yaml_slow(tmp_path_factory, document, flow: bool) -> None:
    check_schema_shaped(tmp_path_factory, document, flow)
