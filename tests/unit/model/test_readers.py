"""The readers table: dispatch on the suffix, a clear word for an unknown one, and checks that hold for any reader.

The validator knows nodes only by their protocol (viewer.model.nodes). A fake second format, registered in
the table here, builds its own node classes and must get exactly the problems the YAML reader gets.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.model import readers
from viewer.model.loader import load
from viewer.model.nodes import Kind, ListNode, MapNode, Mark, is_list, is_map, kind
from viewer.model.readers import READERS, Format, Reading, UnknownFormat, open_filter, reader_for
from viewer.model.readers.yamlfile import read as read_yaml

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"

VALID = (CORPUS / "valid.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(CORPUS / "sources", tmp_path / "sources")
    return tmp_path


# -- dispatch --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["events.yaml", "events.yml", "EVENTS.YAML", "Events.Yml"])
def test_yaml_suffixes_in_any_case_load_through_the_yaml_reader(folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(VALID, encoding="utf-8")
    assert reader_for(path).format is Format.YAML
    result = load(path)
    assert result.ok, result.problems


@pytest.mark.parametrize("name", ["events.txt", "events.yaml.bak", "events"])
def test_an_unknown_suffix_is_one_problem_naming_what_can_be_read(folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(VALID, encoding="utf-8")
    result = load(path)
    assert result.store is None
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.path, problem.line, problem.column) == (path, 0, 0)
    assert "cannot tell the format" in problem.message
    for suffix in READERS:
        assert suffix in problem.message
    assert str(problem).startswith(f"{path}: cannot tell the format")


def test_a_missing_file_with_an_unknown_suffix_says_it_cannot_be_read(tmp_path: Path) -> None:
    result = load(tmp_path / "nothing.txt")
    assert [p.message for p in result.problems] == ["cannot read the file: No such file or directory"]


def test_a_format_given_by_name_or_member_overrides_the_suffix(folder: Path) -> None:
    path = folder / "events.txt"
    path.write_text(VALID, encoding="utf-8")
    assert load(path, format="yaml").ok
    assert load(path, format="YAML").ok
    assert load(path, format=Format.YAML).ok
    result = load(path, format="rtf")
    assert result.store is None and len(result.problems) == 1
    assert "no format called 'rtf'" in result.problems[0].message


def test_every_format_has_a_row_and_every_row_a_format() -> None:
    assert {row.format for row in READERS.values()} == set(Format)
    for suffix in READERS:
        assert suffix.startswith(".") and suffix == suffix.lower()


def test_the_open_filter_offers_every_suffix_and_all_files() -> None:
    text = open_filter()
    parts = text.split(";;")
    assert parts[0].startswith("Chronologies (") and parts[-1] == "All files (*)"
    for suffix in READERS:
        assert f"*{suffix}" in parts[0]
    assert "YAML chronology (*.yaml *.yml)" in parts


def test_reader_for_raises_unknown_format_for_an_unknown_suffix() -> None:
    with pytest.raises(UnknownFormat, match=r"\.docx"):
        reader_for(Path("notes.docx"))


# -- the node protocol -----------------------------------------------------------------------------------


def test_yaml_nodes_satisfy_the_protocols(folder: Path) -> None:
    path = folder / "x.yaml"
    path.write_text(VALID, encoding="utf-8")
    tree = read_yaml(path)
    assert isinstance(tree, MapNode) and is_map(tree) and kind(tree) is Kind.MAP
    events = tree.values["events"]
    assert isinstance(events, ListNode) and is_list(events) and not is_map(events)
    assert kind("text") is Kind.SCALAR and kind(None) is Kind.SCALAR and kind({}) is Kind.SCALAR


# -- a second reader gets the same checks ----------------------------------------------------------------


@dataclass
class PlainMap:
    """A mapping node of another format: plain attributes, no YAML in sight."""

    values: dict[str, Any]
    mark: Mark
    key_marks: Mapping[str, Mark] = field(default_factory=dict)
    value_marks: Mapping[str, Mark] = field(default_factory=dict)


@dataclass
class PlainList:
    items: list[Any]
    mark: Mark
    item_marks: Sequence[Mark] = field(default_factory=list)


def _copy(node: Any) -> Any:
    """The same tree in the fake format's classes, with the same positions."""
    if is_map(node):
        return PlainMap({k: _copy(v) for k, v in node.values.items()}, node.mark,
                        dict(node.key_marks), dict(node.value_marks))  # fmt: skip
    if is_list(node):
        return PlainList([_copy(item) for item in node.items], node.mark, list(node.item_marks))
    return node


def read_fake(path: Path, progress: Any = None) -> Any:
    """The fake format: YAML text, handed over in PlainMap and PlainList nodes."""
    return _copy(read_yaml(path, progress))


class FakeFormat(Enum):
    FAKE = "fake"


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> Reading:
    row = Reading(FakeFormat.FAKE, "Fake chronology", read_fake)  # type: ignore[arg-type]
    monkeypatch.setitem(READERS, ".fake", row)
    return row


def _problems(path: Path) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in load(path).problems]


def test_a_registered_reader_is_dispatched_to_and_offered(fake_reader: Reading, folder: Path) -> None:
    path = folder / "events.FAKE"
    path.write_text(VALID, encoding="utf-8")
    assert reader_for(path) is fake_reader
    assert load(path).ok
    assert "Fake chronology (*.fake)" in open_filter().split(";;")
    assert "Fake chronology (.fake)" in readers.describe()


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.yaml")))
def test_a_second_reader_gets_the_same_problems_for_every_corpus_file(fake_reader: Reading, folder: Path,
                                                                      name: str) -> None:  # fmt: skip
    yaml_path = folder / name
    shutil.copy(CORPUS / name, yaml_path)
    fake_path = yaml_path.with_suffix(".fake")
    shutil.copy(CORPUS / name, fake_path)
    assert _problems(fake_path) == _problems(yaml_path)


_FIELDS = ["id", "title", "date", "start", "end", "quotes", "source", "text", "file", "tags", "titel", "show"]
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=8),
                     st.sampled_from(["2019-02-27", "2019-02-30", "1980s", "article", "sources/article.txt",
                                      "The two leaders", "Hanoi"]))  # fmt: skip
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_FIELDS), inner, max_size=4),
    max_leaves=15,
)
_CHRONOLOGIES = st.fixed_dictionaries(
    {},
    optional={
        "timeline": _VALUES,
        "sources": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["article", "x"])},
                                                  optional={"title": _VALUES, "file": _VALUES}), max_size=2) | _VALUES,
        "events": st.lists(_VALUES, max_size=4),
        "extra": _SCALARS,
    },
)  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_CHRONOLOGIES)
def test_a_second_reader_gets_the_same_problems_for_any_structure(fake_reader: Reading, folder: Path,
                                                                  data: dict[str, Any]) -> None:  # fmt: skip
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "x.yaml").write_text(text, encoding="utf-8")
    (folder / "x.fake").write_text(text, encoding="utf-8")
    assert _problems(folder / "x.fake") == _problems(folder / "x.yaml")


def test_a_wrong_node_is_named_in_words_not_by_the_readers_class(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("events:\n  - id: []\n    date: {a: 1}\n", encoding="utf-8")
    messages = [p.message for p in load(path).problems]
    assert "'id' should be a word of letters, digits, '-', '_' or '.', not a list" in messages
    assert "'date': expected a date, got a mapping" in messages
    assert not any("Yaml" in message or " object at " in message for message in messages)
