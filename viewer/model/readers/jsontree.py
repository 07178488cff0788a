"""Read JSON into nodes (viewer.model.nodes) that remember the line and column of every key and value.

The standard library's `json` forgets positions and keeps the last of two repeated keys silently, so the
values are built here by a small parser that records each value's offset (lines and columns are worked out
only when a message needs one). It is bounded: nesting deeper than MAX_DEPTH is refused before it can
exhaust the stack, the file's size is capped where it is read, and NaN, Infinity and repeated keys are
refused. For a file that is not JSON, the standard library's own message is given, at its line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from viewer.model.nodes import Mark
from viewer.model.problems import ChronologyError, Problem
from viewer.model.readers.tree import LineIndex

MAX_DEPTH = 64
PROGRESS_EVERY = 20_000  # values between progress reports

_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"((?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"')
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?")


class JsonMap:
    """A JSON object: `values` by key, with the offsets of its keys and values."""

    __slots__ = ("_key_offsets", "_lines", "_offset", "_value_offsets", "values")

    def __init__(self, offset: int, lines: LineIndex) -> None:
        self.values: dict[str, Any] = {}
        self._key_offsets: dict[str, int] = {}
        self._value_offsets: dict[str, int] = {}
        self._offset = offset
        self._lines = lines

    @property
    def mark(self) -> Mark:
        return self._lines.mark(self._offset)

    @property
    def key_marks(self) -> Mapping[str, Mark]:
        return _Marks(self._key_offsets, self._lines)

    @property
    def value_marks(self) -> Mapping[str, Mark]:
        return _Marks(self._value_offsets, self._lines)


class JsonList:
    """A JSON array, with the offset of each item."""

    __slots__ = ("_item_offsets", "_lines", "_offset", "items")

    def __init__(self, offset: int, lines: LineIndex) -> None:
        self.items: list[Any] = []
        self._item_offsets: list[int] = []
        self._offset = offset
        self._lines = lines

    @property
    def mark(self) -> Mark:
        return self._lines.mark(self._offset)

    @property
    def item_marks(self) -> Sequence[Mark]:
        return [self._lines.mark(offset) for offset in self._item_offsets]


class _Marks(Mapping[str, Mark]):
    __slots__ = ("_lines", "_offsets")

    def __init__(self, offsets: dict[str, int], lines: LineIndex) -> None:
        self._offsets = offsets
        self._lines = lines

    def __getitem__(self, key: str) -> Mark:
        return self._lines.mark(self._offsets[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


class _Refused(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class _Parser:
    def __init__(self, text: str, lines: LineIndex, progress: Callable[[float], None] | None) -> None:
        self.text = text
        self.lines = lines
        self.progress = progress
        self.count = 0

    def space(self, at: int) -> int:
        return _SPACE.match(self.text, at).end()  # type: ignore[union-attr]

    def value(self, at: int, depth: int) -> tuple[Any, int]:
        """The value starting at `at` (no white space before it), and the offset after it."""
        self.count += 1
        if self.progress is not None and self.count % PROGRESS_EVERY == 0:
            self.progress(at / max(1, len(self.text)))
        text = self.text
        char = text[at] if at < len(text) else ""
        if char == "{":
            return self.mapping(at, depth + 1)
        if char == "[":
            return self.array(at, depth + 1)
        if char == '"':
            return self.string(at)
        if text.startswith("true", at):
            return True, at + 4
        if text.startswith("false", at):
            return False, at + 5
        if text.startswith("null", at):
            return None, at + 4
        number = _NUMBER.match(text, at)
        if number is not None and number.end() > at:
            if number[1] or number[2]:
                return float(number[0]), number.end()
            return int(number[0]), number.end()
        if text.startswith(("NaN", "Infinity", "-Infinity"), at):
            raise _Refused(at, "NaN and Infinity are not JSON numbers")
        raise _Refused(at, "not JSON here")  # the standard library's message replaces this one

    def string(self, at: int) -> tuple[str, int]:
        match = _STRING.match(self.text, at)
        if match is None:
            raise _Refused(at, "not a JSON string")
        body = match[1]
        return (json.loads(match[0]) if "\\" in body else body), match.end()

    def mapping(self, at: int, depth: int) -> tuple[JsonMap, int]:
        if depth > MAX_DEPTH:
            raise _Refused(at, f"the JSON is nested more than {MAX_DEPTH} levels deep")
        node = JsonMap(at, self.lines)
        at = self.space(at + 1)
        if self.text.startswith("}", at):
            return node, at + 1
        while True:
            if not self.text.startswith('"', at):
                raise _Refused(at, "a key must be text in double quotes")
            key_at = at
            key, at = self.string(at)
            at = self.space(at)
            if not self.text.startswith(":", at):
                raise _Refused(at, "expected ':'")
            at = self.space(at + 1)
            value_at = at
            value, at = self.value(at, depth)
            if key in node.values:
                first = self.lines.mark(node._key_offsets[key]).line
                raise _Refused(key_at, f"the key '{key}' is repeated (first at line {first}); one of the values "
                               "would be lost")  # fmt: skip
            node.values[key] = value
            node._key_offsets[key] = key_at
            node._value_offsets[key] = value_at
            at = self.space(at)
            if self.text.startswith(",", at):
                at = self.space(at + 1)
                continue
            if self.text.startswith("}", at):
                return node, at + 1
            raise _Refused(at, "expected ',' or '}'")

    def array(self, at: int, depth: int) -> tuple[JsonList, int]:
        if depth > MAX_DEPTH:
            raise _Refused(at, f"the JSON is nested more than {MAX_DEPTH} levels deep")
        node = JsonList(at, self.lines)
        at = self.space(at + 1)
        if self.text.startswith("]", at):
            return node, at + 1
        while True:
            node._item_offsets.append(at)
            value, at = self.value(at, depth)
            node.items.append(value)
            at = self.space(at)
            if self.text.startswith(",", at):
                at = self.space(at + 1)
                continue
            if self.text.startswith("]", at):
                return node, at + 1
            raise _Refused(at, "expected ',' or ']'")


def parse(path: Path, text: str, progress: Callable[[float], None] | None = None) -> Any:
    """Nodes (JsonMap, JsonList, str, int, float, bool, None) from JSON text; ChronologyError when it is not
    JSON, with the position and the standard library's words for what is wrong."""
    lines = LineIndex(text)
    parser = _Parser(text, lines, progress)
    try:
        start = parser.space(0)
        value, end = parser.value(start, 0)
        end = parser.space(end)
        if end < len(text):
            raise _Refused(end, "there is more after the JSON value")
    except _Refused as refused:
        raise ChronologyError([_problem(path, text, lines, refused)]) from None
    return value


def _problem(path: Path, text: str, lines: LineIndex, refused: _Refused) -> Problem:
    """The standard library says best what is wrong with text that is not JSON; our own refusals (depth,
    repeated keys, NaN) stand as they are."""
    if refused.message.startswith(("the JSON is nested", "the key", "NaN")):
        mark = lines.mark(refused.offset)
        return Problem(path, mark.line, mark.column, refused.message)
    try:
        json.loads(text)  # stops at the same first mistake: nothing before it nests too deep
    except json.JSONDecodeError as error:
        return Problem(path, error.lineno, error.colno, f"JSON syntax error: {error.msg}")
    except (RecursionError, ValueError):  # pragma: no cover - depth is refused above
        pass
    mark = lines.mark(refused.offset)
    return Problem(path, mark.line, mark.column, f"JSON syntax error: {refused.message}")
