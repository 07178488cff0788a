"""Nodes that readers build (viewer.model.nodes), and where in a text an offset lies.

A reader of another format (TimelineJS JSON, a spreadsheet, a calendar) turns what it reads into the
project's own shape (`timeline`, `sources`, `events`) with these nodes, each value remembering the line and
column it came from in the original file, so that the validator's messages point into that file. Problems
only the format itself can have (a TimelineJS date without a year) travel with the tree in `problems`, and
the loader lists them with the validator's, in the order of the file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from viewer.model.lines import LINE_BREAK
from viewer.model.nodes import Mark
from viewer.model.problems import Problem

NOWHERE = Mark(0, 0)


@dataclass(slots=True)
class BuiltMap:
    """A mapping node made by a reader; `key_marks` and `value_marks` hold a Mark for every key."""

    values: dict[str, Any] = field(default_factory=dict)
    mark: Mark = NOWHERE
    key_marks: dict[str, Mark] = field(default_factory=dict)
    value_marks: dict[str, Mark] = field(default_factory=dict)

    def put(self, key: str, value: Any, mark: Mark, key_mark: Mark | None = None) -> None:
        self.values[key] = value
        self.value_marks[key] = mark
        self.key_marks[key] = key_mark or mark


@dataclass(slots=True)
class BuiltList:
    """A list node made by a reader, one Mark per item."""

    items: list[Any] = field(default_factory=list)
    mark: Mark = NOWHERE
    item_marks: list[Mark] = field(default_factory=list)

    def append(self, value: Any, mark: Mark) -> None:
        self.items.append(value)
        self.item_marks.append(mark)


@dataclass(slots=True)
class Chronology(BuiltMap):
    """The top of a tree a reader built, with the problems only its format can have."""

    problems: list[Problem] = field(default_factory=list)


class LineIndex:
    """Line and column (from 1) of a character offset in a text, by a binary search over line starts."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        # Lines as everywhere else in the program (viewer.model.lines): broken at LF, CR and CRLF only.
        self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]

    def mark(self, offset: int) -> Mark:
        line = bisect.bisect_right(self._starts, offset)
        return Mark(line, offset - self._starts[line - 1] + 1)
