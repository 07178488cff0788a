"""Read a YAML file into plain values that remember where they were written.

PyYAML's `safe_load` forgets positions and silently keeps the last of two repeated keys, which loses data
without a word. Composing the node tree with the safe (C, when present) loader and building the values here
keeps a line and column for every value, refuses repeated keys, and bounds aliases and nesting, so a hostile
file ("billion laughs", ten thousand nested lists) is refused quickly instead of hanging the program.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from viewer.model.problems import ChronologyError, Problem

try:  # libyaml's C parser is many times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_EXPANSIONS = 10_000
_STR = "tag:yaml.org,2002:str"
_FLOW_DEPTH_CHECK = re.compile(r"[\[\]{}]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A position in the file, counting from 1."""

    line: int
    column: int


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Marks(Mapping[str, Mark]):
    """Positions of a mapping's keys or values, made only when a problem asks for one.

    Making a Mark for each of a large file's hundreds of thousands of nodes cost more than parsing them.
    """

    __slots__ = ("_nodes",)

    def __init__(self, nodes: dict[str, yaml.Node]) -> None:
        self._nodes = nodes

    def __getitem__(self, key: str) -> Mark:
        return _mark(self._nodes[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)


class _ItemMarks(Sequence[Mark]):
    __slots__ = ("_nodes",)

    def __init__(self, nodes: list[yaml.Node]) -> None:
        self._nodes = nodes

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [_mark(node) for node in self._nodes[index]]
        return _mark(self._nodes[index])

    def __len__(self) -> int:
        return len(self._nodes)


class YamlMap:
    """A YAML mapping with string keys, remembering where each key and value was written."""

    __slots__ = ("_key_nodes", "_node", "_value_nodes", "values")

    def __init__(self, node: yaml.Node) -> None:
        self._node = node
        self.values: dict[str, Any] = {}
        self._key_nodes: dict[str, yaml.Node] = {}
        self._value_nodes: dict[str, yaml.Node] = {}

    @property
    def mark(self) -> Mark:
        return _mark(self._node)

    @property
    def key_marks(self) -> Mapping[str, Mark]:
        return _Marks(self._key_nodes)

    @property
    def value_marks(self) -> Mapping[str, Mark]:
        return _Marks(self._value_nodes)


class YamlList:
    """A YAML sequence, remembering where each item was written."""

    __slots__ = ("_item_nodes", "_node", "items")

    def __init__(self, node: yaml.Node) -> None:
        self._node = node
        self.items: list[Any] = []
        self._item_nodes: list[yaml.Node] = []

    @property
    def mark(self) -> Mark:
        return _mark(self._node)

    @property
    def item_marks(self) -> Sequence[Mark]:
        return _ItemMarks(self._item_nodes)


def read_text(path: Path) -> str:
    """The file's text, or a ChronologyError that says plainly why it is not a text file we can read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ChronologyError(
                [Problem(path, 0, 0, f"the file is {size / 2**20:.0f} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB")]
            )
        data = path.read_bytes()
    except OSError as error:
        raise ChronologyError([Problem(path, 0, 0, f"cannot read the file: {error.strerror or error}")]) from None
    return decode_text(path, data)


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 text from bytes; a binary or mis-encoded file gets a message with the offending position."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = _line_column_at_byte(data, offset)
        raise ChronologyError(
            [Problem(path, line, column, f"this is a binary file, not YAML text (NUL byte at offset {offset})")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column_at_byte(data, error.start)
        raise ChronologyError(
            [
                Problem(
                    path, line, column, f"the file is not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _line_column_at_byte(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def parse(path: Path, text: str) -> Any:
    """Plain values (YamlMap, YamlList, str, int, float, bool, None, datetime.date) from YAML text.

    Raises ChronologyError with positioned problems for anything that is not plain, safe YAML data.
    """
    _refuse_tab_indentation(path, text)
    _refuse_deep_flow_nesting(path, text)
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise ChronologyError([_problem_from_yaml_error(path, error)]) from None
    except yaml.YAMLError as error:
        raise ChronologyError([Problem(path, 0, 0, f"YAML error: {error}")]) from None
    except RecursionError:
        raise ChronologyError([Problem(path, 0, 0, "the YAML is nested too deeply")]) from None
    if root is None:
        return None
    builder = _Builder(path)
    value = builder.build(root)
    if builder.problems:
        raise ChronologyError(builder.problems)
    return value


def _refuse_tab_indentation(path: Path, text: str) -> None:
    """YAML forbids tabs in indentation; libyaml's own message for it is a riddle, so say it plainly."""
    for match in re.finditer(r"^([ ]*)\t", text, flags=re.MULTILINE):
        line = text.count("\n", 0, match.start()) + 1
        column = len(match.group(1)) + 1
        raise ChronologyError([Problem(path, line, column, "a tab is used for indentation; YAML allows spaces only")])


def _refuse_deep_flow_nesting(path: Path, text: str) -> None:
    """Refuse `[[[[...` nested past MAX_DEPTH before libyaml recurses into it.

    The count ignores quoting, so brackets inside quoted text can only make it stricter, and balanced ones
    (the usual case, "[sic]") cancel out.
    """
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return
    depth = 0
    for match in _FLOW_DEPTH_CHECK.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        depth = max(depth, 0)
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            raise ChronologyError(
                [Problem(path, line, column, f"the YAML is nested more than {MAX_DEPTH} levels deep")]
            )


def _problem_from_yaml_error(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    what = error.problem or "YAML syntax error"
    context = f" ({error.context})" if error.context else ""
    if mark is None:
        return Problem(path, 0, 0, f"YAML syntax error: {what}{context}")
    return Problem(path, mark.line + 1, mark.column + 1, f"YAML syntax error: {what}{context}")


class _Builder:
    """Turns composed nodes into plain values, refusing anything that is not plain data."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.constructor = SafeConstructor()
        self.seen: set[int] = set()
        self.expansions = 0
        self.problems: list[Problem] = []

    def fail(self, node: yaml.Node, message: str) -> ChronologyError:
        mark = _mark(node)
        return ChronologyError([Problem(self.path, mark.line, mark.column, message)])

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail(node, f"the YAML is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.seen:
            self.expansions += 1
            if self.expansions > MAX_ALIAS_EXPANSIONS:
                raise self.fail(node, "too many aliases are expanded (a YAML 'billion laughs'?); refused")
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, "tag:yaml.org,2002:seq")
            result = YamlList(node)
            result.items = [self.build(item, depth + 1) for item in node.value]
            result._item_nodes = list(node.value)
            return result
        if isinstance(node, yaml.MappingNode):
            self.check_tag(node, "tag:yaml.org,2002:map")
            return self.mapping(node, depth)
        raise self.fail(node, "unsupported YAML node")  # pragma: no cover - PyYAML has only these three

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise self.fail(node, f"the YAML tag {node.tag} is refused: a chronology holds plain data only")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.endswith((":binary", ":set", ":omap", ":pairs")):
            raise self.fail(node, f"the YAML tag {node.tag} is refused: a chronology holds plain data only")
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError) as error:
            problem = getattr(error, "problem", None) or str(error)
            raise self.fail(node, f"cannot read this value: {problem}") from None

    def mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap:
        result = YamlMap(node)
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "merge keys (<<) are not supported in a chronology")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain word")
            key = str(key_node.value)
            if key in result.values:
                first = _mark(result._key_nodes[key])
                mark = _mark(key_node)
                message = f"the key '{key}' is repeated (first at line {first.line}); one of the values would be lost"
                self.problems.append(Problem(self.path, mark.line, mark.column, message))
                continue
            result.values[key] = self.build(value_node, depth + 1)
            result._key_nodes[key] = key_node
            result._value_nodes[key] = value_node
        return result
