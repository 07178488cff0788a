"""Split CSV or TSV text into rows of cells, each cell knowing the line and column it starts at.

The `csv` module counts lines only per record, so a record with a quoted, multi-line cell would put every
later message on the wrong line. This scanner follows RFC 4180 (fields separated by the delimiter, quoted
with double quotes, a doubled quote inside a quoted field standing for one, line breaks allowed inside
quotes) and records each field's offset. A quote that is never closed, and text after a closing quote, are
refused at their position. Bounded: a row of more than MAX_FIELDS cells is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from viewer.model.nodes import Mark
from viewer.model.problems import ChronologyError, Problem
from viewer.model.readers.tree import LineIndex

MAX_FIELDS = 1_000
PROGRESS_EVERY = 5_000  # rows between progress reports


@dataclass(frozen=True, slots=True)
class Row:
    """One record: its cells' texts and where each starts; `mark` is the record's first line."""

    cells: list[str]
    marks: list[Mark]

    @property
    def mark(self) -> Mark:
        return self.marks[0]

    @property
    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


def guess_delimiter(text: str, default: str) -> str:
    """The delimiter of the header line: the default, unless the header has none of it and has tabs or
    semicolons (a spreadsheet saved in a locale whose decimal mark is the comma)."""
    header = text.split("\n", 1)[0]
    if default in header:
        return default
    for other in ("\t", ";", ","):
        if other in header:
            return other
    return default


def rows(path: Path, text: str, delimiter: str, progress: Callable[[float], None] | None = None) -> Iterator[Row]:
    """Every record of `text`, in order; ChronologyError at the first thing that is not CSV."""
    lines = LineIndex(text)
    quoted = re.compile(r'"((?:[^"]|"")*)"')
    plain = re.compile(r"[^" + re.escape(delimiter) + r'\r\n"]*')
    end_of_field = re.compile(re.escape(delimiter) + r"|\r\n|\n|\r|$")
    at, size, count = 0, len(text), 0

    def refuse(offset: int, message: str) -> ChronologyError:
        mark = lines.mark(offset)
        return ChronologyError([Problem(path, mark.line, mark.column, message)])

    while at < size:
        cells: list[str] = []
        marks: list[Mark] = []
        while True:
            marks.append(lines.mark(at))
            if text.startswith('"', at):
                match = quoted.match(text, at)
                if match is None:
                    raise refuse(at, "this quoted cell is never closed (a \" is missing)")
                cells.append(match[1].replace('""', '"'))
                at = match.end()
            else:
                match = plain.match(text, at)
                assert match is not None
                at = match.end()
                if text.startswith('"', at):
                    # A quote inside an unquoted cell: keep it as a character, as spreadsheets do.
                    rest = re.compile(r"[^" + re.escape(delimiter) + r"\r\n]*").match(text, at)
                    assert rest is not None
                    at = rest.end()
                cells.append(text[match.start() : at])
            if len(cells) > MAX_FIELDS:
                raise refuse(at, f"a row has more than {MAX_FIELDS} cells")
            ending = end_of_field.match(text, at)
            if ending is None:
                raise refuse(at, f"text after a closing quote; a cell that starts with \" must end with \" "
                             f"followed by {_named(delimiter)} or the end of the line")  # fmt: skip
            at = ending.end()
            if ending[0] != delimiter:
                break
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(at / max(size, 1))
        yield Row(cells, marks)


def _named(delimiter: str) -> str:
    return {"\t": "a tab", ",": "a comma", ";": "a semicolon"}.get(delimiter, repr(delimiter))
