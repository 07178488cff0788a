"""The spreadsheet reader: a TimelineJS sheet saved as CSV, or any CSV/TSV of events.

Which one a file is, its header says (matched without regard to case, white space or underscores):

- **A TimelineJS sheet** (the Knight Lab template) has the columns Year, Month, Day, Time, End Year,
  End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption,
  Media Thumbnail, Type, Group and Background. A row whose Type is `title` gives the chronology's title
  and description, a row whose Type is `era` an era; every other row is an event, dated to the precision
  its cells give (a Year alone is a year). Time is `14:30`, `14:30:00` or `2:30 PM`.
- **A plain table** names at least a date column (`date`, or `start` and `end`) and a `title` column;
  it may also have `summary`, `tags` (separated by `;`), `url`, `group`, `id`, `date note`, and `source`
  with `quote`: the source's text file (relative to the CSV's folder) and a verbatim passage of it, which
  is checked as a YAML quote is. Dates are written as in the YAML format (2019-02-27, May 2018, 1958, ~1986).

Every message points at the cell, with its line and column, even after a quoted cell that spans lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from viewer.model.dates import MONTH_NAMES
from viewer.model.readers.base import EmptyFile, Progress
from viewer.model.readers.csvtree import Row, guess_delimiter, rows
from viewer.model.readers.slides import Cell, ChronologyBuilder, DateParts, When, html_cell, plain_cell
from viewer.model.readers.text import read_text
from viewer.model.readers.tree import BuiltList, BuiltMap, Chronology

TIMELINEJS_COLUMNS = ("year", "month", "day", "time", "end year", "end month", "end day", "end time", "display date",
                      "headline", "text", "media", "media credit", "media caption", "media thumbnail", "type",
                      "group", "background")  # fmt: skip
# A plain table's columns, by the names a person might give them.
PLAIN_COLUMNS = {
    "id": ("id",),
    "title": ("title", "headline", "event", "name"),
    "date": ("date", "when"),
    "start": ("start", "start date", "from", "begin"),
    "end": ("end", "end date", "to", "until"),
    "summary": ("summary", "description", "text"),
    "tags": ("tags", "tag", "categories"),
    "url": ("url", "link"),
    "group": ("group",),
    "date_note": ("date note", "note"),
    "source": ("source",),
    "quote": ("quote",),
}
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?\s*$")
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}  # fmt: skip


def read_csv(path: Path, progress: Progress | None = None) -> Any:
    """Nodes from a CSV file (commas; a header without commas may use tabs or semicolons)."""
    return _read(path, ",", progress)


def read_tsv(path: Path, progress: Progress | None = None) -> Any:
    """Nodes from a TSV file (tabs)."""
    return _read(path, "\t", progress)


def _read(path: Path, delimiter: str, progress: Progress | None) -> Any:
    text = read_text(path, "CSV")
    if not text.strip():
        raise EmptyFile(path)
    return from_rows(path, rows(path, text, guess_delimiter(text, delimiter), progress))


def _normal(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).lower()


def from_rows(path: Path, records: Any) -> Chronology:
    """The chronology a table's rows hold (the first non-blank row is the header)."""
    records = iter(records)
    header = next((row for row in records if not row.blank), None)
    builder = ChronologyBuilder(path)
    if header is None:
        raise EmptyFile(path)
    names = [_normal(cell) for cell in header.cells]
    columns: dict[str, int] = {}
    for number, name in enumerate(names):
        if not name:
            continue
        if name in columns:
            builder.problem(header.marks[number], f"the column '{header.cells[number].strip()}' is named twice "
                            f"(first in column {columns[name] + 1})")  # fmt: skip
            continue
        columns[name] = number
    if "year" in columns and ("headline" in columns or "text" in columns):
        table: _Table = _TimelineSheet(builder, header, columns)
    else:
        table = _PlainTable(builder, header, columns)
    if not table.usable():
        return builder.finish()
    for row in records:
        if row.blank:
            continue
        if len(row.cells) > len(header.cells) and any(c.strip() for c in row.cells[len(header.cells) :]):
            builder.problem(row.marks[len(header.cells)], f"this row has {len(row.cells)} cells but the header "
                            f"names {len(header.cells)} columns")  # fmt: skip
            continue
        table.row(row)
    return builder.finish()


class _Table:
    def __init__(self, builder: ChronologyBuilder, header: Row, columns: dict[str, int]) -> None:
        self.builder = builder
        self.header = header
        self.columns = columns
        self.count = 0

    def cell(self, row: Row, name: str) -> Cell | None:
        """The row's cell under the column `name`, or None when the table has no such column."""
        number = self.columns.get(name)
        if number is None:
            return None
        if number >= len(row.cells):
            return Cell("", row.marks[-1])
        return Cell(row.cells[number], row.marks[number])

    def usable(self) -> bool:
        raise NotImplementedError

    def row(self, row: Row) -> None:
        raise NotImplementedError


class _TimelineSheet(_Table):
    """The TimelineJS template's columns."""

    def usable(self) -> bool:
        return True

    def parts(self, row: Row, prefix: str) -> DateParts | None:
        year = self.cell(row, f"{prefix}year")
        month = _month(self.cell(row, f"{prefix}month"))
        day = self.cell(row, f"{prefix}day")
        time = self.cell(row, f"{prefix}time")
        hour = minute = second = None
        if time is not None and time.given:
            match = _TIME.match(time.text)
            number = int(match[1]) if match is not None else -1
            if match is None or (match[4] and not 1 <= number <= 12):
                self.builder.problem(time.mark, f"'{prefix.title()}Time' should be a time of day such as 14:30 or "
                                     f"2:30 PM, not {time.text!r}")  # fmt: skip
                return None
            if match[4]:
                number = number % 12 + (12 if match[4].lower().startswith("p") else 0)
            hour = Cell(number, time.mark)
            minute = Cell(match[2] or "0", time.mark)
            second = Cell(match[3] or "", time.mark)
        mark = year.mark if year is not None else row.mark
        return DateParts(mark, year, month, day, hour, minute, second)

    def row(self, row: Row) -> None:
        self.count += 1
        kind = (self.cell(row, "type") or Cell("", row.mark)).text.lower()
        headline = plain_cell(self.cell(row, "headline"))
        body = self.cell(row, "text")
        if kind == "title":
            self.builder.title(headline)
            self.builder.description(body)
            return
        if kind not in ("", "era"):
            cell = self.cell(row, "type")
            assert cell is not None
            self.builder.problem(cell.mark, f"'Type' should be empty, 'title' or 'era', not {cell.text!r}")
            return
        before = len(self.builder.tree.problems)
        start_parts, end_parts = self.parts(row, ""), self.parts(row, "end ")
        start = self.builder.date(start_parts, "the start date") if start_parts is not None else None
        end: When | None = None
        if end_parts is not None and any(c is not None and c.given for c in
                                         (end_parts.year, end_parts.month, end_parts.day, end_parts.hour)):  # fmt: skip
            end = self.builder.date(end_parts, "the end date")
        if kind == "era":
            if start is not None and end is None and len(self.builder.tree.problems) == before:
                self.builder.problem(row.mark, "an era needs an End Year")
            if start is not None and end is not None:
                self.builder.era(row.mark, headline, start, end, body)
            return
        if headline is None or not headline.given:
            self.builder.problem(row.mark, "this row has no Headline")
            return
        if start is None or len(self.builder.tree.problems) > before:
            return
        summary_html, summary = html_cell(body)
        url = self.cell(row, "media")
        start, end, shown = self.builder.restated(start, end, self.cell(row, "display date"))
        fields = {"id": self.builder.event_id(None, headline.text, self.count), "title": headline,
                  "summary_html": summary_html, "summary": summary, "display_date": shown,
                  "background": self.cell(row, "background"), "group": plain_cell(self.cell(row, "group"))}  # fmt: skip
        node = self.builder.event(row.mark, fields, start, end)
        if url is not None and url.given:
            media = BuiltMap(mark=url.mark)
            media.put("url", url.text, url.mark)
            for key, column in (("credit", "media credit"), ("caption", "media caption"),
                                ("thumbnail", "media thumbnail")):  # fmt: skip
                cell = self.cell(row, column)
                cell = plain_cell(cell) if key != "thumbnail" else cell
                if cell is not None and cell.given:
                    media.put(key, cell.text, cell.mark)
            node.put("media", media, url.mark)


class _PlainTable(_Table):
    """A table of events with named columns (PLAIN_COLUMNS)."""

    def __init__(self, builder: ChronologyBuilder, header: Row, columns: dict[str, int]) -> None:
        found: dict[str, int] = {}
        for field, names in PLAIN_COLUMNS.items():
            for name in names:
                if name in columns:
                    found.setdefault(field, columns[name])
        super().__init__(builder, header, found)

    def usable(self) -> bool:
        has_date = "date" in self.columns or ("start" in self.columns and "end" in self.columns)
        if not has_date or "title" not in self.columns:
            missing = [word for word, ok in (("date column ('date', or 'start' and 'end')", has_date),
                                             ("'title' column", "title" in self.columns)) if not ok]  # fmt: skip
            self.builder.problem(self.header.mark, f"the header names no {' and no '.join(missing)}; a table of "
                                 "events needs both (or the TimelineJS template's columns: Year, Month, Day, "
                                 "Headline, ...)")  # fmt: skip
            return False
        return True

    def row(self, row: Row) -> None:
        self.count += 1
        title = self.cell(row, "title")
        if title is None or not title.given:
            self.builder.problem(row.mark, "this row has no title")
            return
        title = Cell(" ".join(title.text.split()), title.mark)
        node = BuiltMap(mark=row.mark)
        identifier = self.builder.event_id(self.cell(row, "id"), title.text, self.count)
        node.put("id", identifier.value, identifier.mark if identifier.mark.line else row.mark)
        for field in ("title", "date", "start", "end", "summary", "url", "date_note", "group"):
            cell = title if field == "title" else self.cell(row, field)
            if cell is not None and cell.given:
                node.put(field, cell.text, cell.mark)
        tags = self.cell(row, "tags")
        if tags is not None and tags.given:
            listed = BuiltList(mark=tags.mark)
            for tag in tags.text.split(";"):
                if tag.strip():
                    listed.append(tag.strip(), tags.mark)
            node.put("tags", listed, tags.mark)
        self.quote(row, node)
        self.builder.events.append(node, row.mark)

    def quote(self, row: Row, node: BuiltMap) -> None:
        source, quote = self.cell(row, "source"), self.cell(row, "quote")
        has_source, has_quote = source is not None and source.given, quote is not None and quote.given
        if has_source != has_quote:
            cell = source if has_source else quote
            assert cell is not None
            said = ("names a source but gives no quote from it" if has_source
                    else "gives a quote but no source (the text file it is from)")  # fmt: skip
            self.builder.problem(cell.mark, f"this row {said}; give both, or neither for an uncited event")
            return
        if not has_source:
            return
        assert source is not None and quote is not None
        entry = BuiltMap(mark=quote.mark)
        entry.put("source", self.builder.source(source), source.mark)
        entry.put("text", quote.text, quote.mark)
        quotes = BuiltList(mark=quote.mark)
        quotes.append(entry, quote.mark)
        node.put("quotes", quotes, quote.mark)


def _month(cell: Cell | None) -> Cell | None:
    """A month cell, its name ('February', 'Feb') read as its number."""
    if cell is not None and cell.text.lower().rstrip(".") in _MONTHS:
        return Cell(_MONTHS[cell.text.lower().rstrip(".")], cell.mark)
    return cell

