"""Read a YAML file into plain values that remember where they were written.

PyYAML's `safe_load` forgets positions and silently keeps the last of two repeated keys, which loses data
without a word. So the values are built here from the safe parser's event stream (libyaml's C parser when
present): every value keeps its line and column, repeated keys are refused, tags that would build objects
are refused, and aliases are shared rather than expanded and counted, so a hostile file ("billion laughs",
ten thousand nested lists) is refused quickly instead of hanging the program.

Building from events rather than from PyYAML's composed node tree is also what keeps loading fast: the C
composer spends most of its time making node objects we would throw away (measured: 100,000 events take
the bare `yaml.load(..., CSafeLoader)` about 20 s; the event stream about 2 s).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from viewer.model.escaping import for_terminal, shortened, shown
from viewer.model.lines import line_column, line_column_at_byte, split_lines
from viewer.model.nodes import Mark
from viewer.model.problems import ChronologyError, Problem
from viewer.model.safe_read import NotReadable, TooLarge, read_regular, size_words

try:  # libyaml's C parser is many times faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_EXPANSIONS = 10_000  # alias uses per file; values are shared, never copied
MAX_ALIASED_VALUES = 1_000_000  # values the aliases would stand for if expanded (a "billion laughs" is ~10^9)
PROGRESS_EVERY = 20_000  # parser events between progress reports (a few milliseconds of work)
_STR = "tag:yaml.org,2002:str"
# Characters libyaml (YAML 1.1) takes for line breaks but YAML 1.2, and this program, do not: NEL, LS, PS.
_NOT_LINE_BREAKS = ("\x85", "\u2028", "\u2029")
# What YAML allows in a file (its c-printable set); the first character outside it is named with its position.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _mark(item: Any) -> Mark:
    """The position of a parser event (or node): its start mark, counted from 1."""
    return Mark(item.start_mark.line + 1, item.start_mark.column + 1)


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
    """A YAML mapping with string keys, remembering where each key and value was written (a `MapNode`)."""

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
    """A YAML sequence, remembering where each item was written (a `ListNode`)."""

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
    """The file's text, or a ChronologyError that says plainly why it is not a text file we can read.

    Only a regular file is read (a named pipe or a device is refused at once), never past MAX_FILE_BYTES.
    """
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except TooLarge:
        try:
            size = f"the file is {size_words(path.stat().st_size)}"
        except OSError:  # pragma: no cover - gone since
            size = "the file is larger"
        message = f"{size}; the limit is {size_words(MAX_FILE_BYTES)}"
        raise ChronologyError([Problem(path, 0, 0, message)]) from None
    except NotReadable as error:
        raise ChronologyError([Problem(path, 0, 0, f"cannot read the file: {error}")]) from None
    return decode_text(path, data)


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 text from bytes; a binary or mis-encoded file gets a message with the offending position."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = line_column_at_byte(data, offset)
        raise ChronologyError(
            [Problem(path, line, column, f"this is a binary file, not YAML text (NUL byte at offset {offset})")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = line_column_at_byte(data, error.start)
        raise ChronologyError(
            [
                Problem(
                    path, line, column, f"the file is not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def parse(path: Path, text: str, progress: Callable[[float], None] | None = None) -> Any:
    """Plain values (YamlMap, YamlList, str, bool, None) from YAML text.

    Raises ChronologyError with positioned problems for anything that is not plain, safe YAML data.
    `progress`, if given, is called now and then with the fraction of the text read; it may raise to stop.
    """
    parsed, restore = _without_yaml11_line_breaks(text)
    builder = _Builder(path, progress, len(text), restore)
    try:
        value = builder.build(yaml.parse(parsed, Loader=_SafeLoader))
    except yaml.MarkedYAMLError as error:
        raise ChronologyError([*builder.problems, _problem_from_yaml_error(path, text, error)]) from None
    except yaml.reader.ReaderError:
        raise ChronologyError([*builder.problems, _not_printable(path, text)]) from None
    except yaml.YAMLError as error:
        raise ChronologyError([Problem(path, 0, 0, f"YAML error: {_one_line(str(error))}")]) from None
    if builder.problems:
        raise ChronologyError(builder.problems)
    return value


def _without_yaml11_line_breaks(text: str) -> tuple[str, dict[int, int] | None]:
    """The text with NEL, LS and PS swapped for private-use characters it does not hold, one for one.

    libyaml follows YAML 1.1, where those three break lines: each one before a problem moved its reported
    line, and a title holding one was cut in two. Swapped, they are ordinary characters to the parser, as
    YAML 1.2 says they are; the table swaps them back in every value. Files without them (nearly all) are
    passed through untouched.
    """
    present = [char for char in _NOT_LINE_BREAKS if char in text]
    if not present:
        return text, None
    table: dict[int, int] = {}
    candidate = 0xF0000  # plane 15's private use area: one character each, printable to libyaml
    for char in present:
        while chr(candidate) in text:
            candidate += 1
        table[ord(char)] = candidate
        candidate += 1
    return text.translate(table), {stand_in: original for original, stand_in in table.items()}


def _not_printable(path: Path, text: str) -> Problem:
    """The first character YAML does not allow in a file (form feed, DEL, other controls), with its place."""
    found = _NOT_PRINTABLE.search(text)
    if found is None:  # pragma: no cover - libyaml refused something its own set allows
        return Problem(path, 0, 0, "the file holds a character YAML does not allow")
    line, column = line_column(text, found.start())
    char = found.group()
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "a control character")
    message = (f"the character U+{ord(char):04X} ({name.lower()}) is not allowed in YAML text; remove it, or "
               "write it as an escape in a double-quoted string")  # fmt: skip
    return Problem(path, line, column, message)


_CONTROL_NAMES = {"\x0c": "form feed", "\x7f": "delete", "\x0b": "vertical tab", "\x1b": "escape",
                  "\x08": "backspace", "\x07": "bell"}  # fmt: skip


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tab_indentation(path: Path, text: str, line: int) -> Problem | None:
    """A tab in the indentation of the line the parser stopped at (or the one before), said plainly.

    Asked only when the parser has failed: a tab the parser accepted (inside a block scalar's text, after
    the indentation) is content, not indentation.
    """
    lines = split_lines(text)
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            match = _TAB_INDENT.match(lines[number - 1])
            if match:
                return Problem(path, number, len(match.group(1)) + 1,
                               "a tab is used for indentation; YAML allows spaces only")  # fmt: skip
    return None


_TAB_INDENT = re.compile(r"([ ]*)\t")
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")


def _deep_flow_nesting(text: str) -> tuple[int, int] | None:
    """Where `[[[[...` first goes past MAX_DEPTH, for the message once the parser has refused the nesting.

    Asked only then: the count ignores quoting, so on its own it would refuse a valid file whose quoted
    text holds many brackets.
    """
    depth = 0
    for match in _FLOW_BRACKETS.finditer(text):
        depth = max(depth + (1 if match.group() in "[{" else -1), 0)
        if depth > MAX_DEPTH:
            return line_column(text, match.start())
    return None


def _problem_from_yaml_error(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    what = _one_line(error.problem or "YAML syntax error")
    context = f" ({_one_line(error.context)})" if error.context else ""
    if mark is None:
        return Problem(path, 0, 0, f"YAML syntax error: {what}{context}")
    tab = _tab_indentation(path, text, mark.line + 1)
    if tab is not None:
        return tab
    if "maximum nesting depth" in what:  # libyaml's own limit (1,000) reached while it looked ahead
        line, column = _deep_flow_nesting(text) or (mark.line + 1, mark.column + 1)
        return Problem(path, line, column, f"the YAML is nested more than {MAX_DEPTH} levels deep")
    return Problem(path, mark.line + 1, mark.column + 1, f"YAML syntax error: {for_terminal(what)}{context}")


_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP_TAG, _SEQ_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Builder:
    """Builds plain values from parser events with an explicit stack (no recursion, so no depth limit of
    Python's own), refusing anything that is not plain data."""

    def __init__(self, path: Path, progress: Callable[[float], None] | None = None, size: int = 0,
                 restore: dict[int, int] | None = None) -> None:  # fmt: skip
        self.path = path
        self.restore = restore  # stand-in -> original, for NEL, LS and PS (see _without_yaml11_line_breaks)
        self.progress = progress
        self.size = max(size, 1)
        self.constructor = SafeConstructor()
        self.anchors: dict[str, Any] = {}
        self.sizes: dict[str, int] = {}  # anchor -> how many values it stands for, expanded
        self.aliases = 0
        self.aliased_values = 0
        self.problems: list[Problem] = []

    def fail(self, item: Any, message: str) -> ChronologyError:
        mark = _mark(item)
        return ChronologyError([*self.problems, Problem(self.path, mark.line, mark.column, message)])

    def build(self, events: Iterator[yaml.Event]) -> Any:
        # Each open collection on the stack: (container, pending key event or None, anchor).
        stack: list[list[Any]] = []
        root: Any = None
        documents = 0
        progress = self.progress
        for count, event in enumerate(events):
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(min(event.start_mark.index / self.size, 1.0))
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if stack and isinstance(stack[-1][0], YamlMap) and stack[-1][1] is None:
                    stack[-1][1] = event  # a key; its value comes next
                    continue
                value = self.scalar(event)
                self.remember(event, value, 1)
                root = self.attach(stack, event, value, root, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if stack and isinstance(stack[-1][0], YamlMap) and stack[-1][1] is None:
                    raise self.fail(event, "a key must be a plain word, not a list or a mapping")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(event, f"the YAML is nested more than {MAX_DEPTH} levels deep")
                is_map = kind is yaml.MappingStartEvent
                if event.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
                    message = f"the YAML tag {shown(event.tag, 200)} is refused: a chronology holds plain data only"
                    raise self.fail(event, message)
                stack.append([YamlMap(event) if is_map else YamlList(event), None, event, 1])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                container, _, start, size = stack.pop()
                self.remember(start, container, size)
                root = self.attach(stack, start, container, root, size)
            elif kind is yaml.AliasEvent:
                self.aliases += 1
                if self.aliases > MAX_ALIAS_EXPANSIONS:
                    raise self.fail(event, "too many aliases (a YAML 'billion laughs'?); refused")
                if event.anchor not in self.anchors:
                    raise self.fail(event, f"the alias *{shown(event.anchor)} names no anchor")
                if stack and isinstance(stack[-1][0], YamlMap) and stack[-1][1] is None:
                    raise self.fail(event, "a key must be a plain word, not an alias")
                size = self.sizes[event.anchor]
                self.aliased_values += size
                if self.aliased_values > MAX_ALIASED_VALUES:
                    raise self.fail(
                        event,
                        f"the aliases would expand to more than {MAX_ALIASED_VALUES:,} values "
                        "(a YAML 'billion laughs'?); refused",
                    )
                root = self.attach(stack, event, self.anchors[event.anchor], root, size)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(event, "a chronology is one YAML document; remove the second '---'")
        return root

    def remember(self, event: Any, value: Any, size: int) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors[anchor] = value
            self.sizes[anchor] = size

    def attach(self, stack: list[list[Any]], event: Any, value: Any, root: Any, size: int) -> Any:
        if not stack:
            return value
        top = stack[-1]
        top[3] += size
        container = top[0]
        if isinstance(container, YamlList):
            container.items.append(value)
            container._item_nodes.append(event)
            return root
        key_event = top[1]
        top[1] = None
        if key_event.tag == "tag:yaml.org,2002:merge" or (key_event.value == "<<" and key_event.implicit[0]):
            raise self.fail(key_event, "merge keys (<<) are not supported in a chronology")
        key = self.restored(str(key_event.value))
        if key in container.values:
            first = _mark(container._key_nodes[key])
            mark = _mark(key_event)
            message = (f"the key '{shown(key)}' is repeated (first at line {first.line}); "
                       "one of the values would be lost")  # fmt: skip
            self.problems.append(Problem(self.path, mark.line, mark.column, message))
            return root
        container.values[key] = value
        container._key_nodes[key] = key_event
        container._value_nodes[key] = event
        return root

    def restored(self, text: str) -> str:
        return text if self.restore is None else text.translate(self.restore)

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        """A scalar as its author wrote it: text, except the YAML 1.2 core schema's null and booleans.

        YAML 1.1's typing (PyYAML's resolver) silently turned `0755` into 493, `19:58` into 1198 and `1.10`
        into 1.1. No field of a chronology is a number, so a plain scalar stays the author's text, and a
        message quotes it as written; only `true`/`false` (ongoing) and `null`/`~`/nothing keep a meaning.
        """
        tag = event.tag
        if tag is None or tag == "!":
            plain, _quoted = event.implicit
            if not plain or tag == "!":
                return self.restored(event.value)  # quoted: always text, no guessing
            value = event.value
            special = _CORE_SCHEMA.get(value, _TEXT)
            return self.restored(value) if special is _TEXT else special
        if tag == _STR:
            return self.restored(event.value)
        if tag not in _SAFE_TAGS:
            raise self.fail(event, f"the YAML tag {shown(tag, 200)} is refused: a chronology holds plain data only")
        if tag == _TIMESTAMP:
            return self.restored(event.value)  # dates stay text: the date parser knows precision
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError, TypeError) as error:
            problem = getattr(error, "problem", None) or str(error)
            raise self.fail(event, f"cannot read this value: {shortened(_one_line(problem))}") from None


_TEXT = object()
# The YAML 1.2 core schema's plain scalars that are not text (its numbers stay text: see _Builder.scalar).
_CORE_SCHEMA: dict[str, Any] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}  # fmt: skip
