"""The writers table: which file formats a timeline can be exported to, and which function writes each.

One row per suffix, in the manner of normcap's handler tables. The command line (`export -o` and its
messages), the export dialog (its save filter) and the settings (the remembered format) all read this
table, so no other place lists suffixes. This module imports no Qt: `timeline-viewer check` builds its
argument parser, export help included, where Qt cannot start; each row's function imports the drawing
code only when called.

To add a format: write its function (usually in viewer/export/pictures.py), add its member to `Picture`
and its row to `WRITERS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from viewer.export.pictures import ExportRequest
    from viewer.model.store import Store

Progress = Callable[[int], None]


class ExportError(Exception):
    """An export that could not be written; the message is one line for the user."""


class Picture(Enum):
    """The formats a timeline is exported to; each has one row in `WRITERS`."""

    PNG = "png"
    SVG = "svg"
    PDF = "pdf"


class Writer(Protocol):
    """Draws the store as `request` asks and returns the encoded file, whole (written atomically afterwards).

    `progress`, if given, is called with a percentage now and then. Raises ExportError with a one-line reason.
    """

    def __call__(self, store: Store, request: ExportRequest, progress: Progress | None = None) -> Any: ...


def _called_when_written(module: str, name: str) -> Callable[..., Any]:
    """The function `name` of `module`, imported only when it is called: the pictures module brings Qt, and
    `timeline-viewer check` builds its argument parser (export help included) where Qt cannot start. One
    factory for the picture, table and data rows alike."""

    def write(*args: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args)

    write.__name__ = write.__qualname__ = name
    return write


def _drawn_by(name: str) -> Writer:
    """The function `name` of viewer.export.pictures, imported (with Qt) only when a picture is written."""
    return _called_when_written("viewer.export.pictures", name)


@dataclass(frozen=True, slots=True)
class Writing:
    """One row of the table: the format, the words a person knows it by, and the function that writes it."""

    format: Picture
    name: str
    write: Writer

    @property
    def label(self) -> str:
        """'PNG', 'SVG': the short name used in help texts."""
        return self.format.name


# suffix (lower case, with the dot) -> how to write it. The first row is the default format.
WRITERS: dict[str, Writing] = {
    ".png": Writing(Picture.PNG, "PNG image", _drawn_by("png_bytes")),
    ".svg": Writing(Picture.SVG, "SVG drawing", _drawn_by("svg_bytes")),
    ".pdf": Writing(Picture.PDF, "PDF document", _drawn_by("pdf_bytes")),
}
DEFAULT_SUFFIX = next(iter(WRITERS))


class TableFormat(Enum):
    """The formats the events table is exported to; each has one row in `TABLE_WRITERS`."""

    CSV = "csv"


class TableWriter(Protocol):
    """Encodes a table (a header and rows of text) as a whole file, written atomically afterwards."""

    def __call__(self, header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes: ...


def _tabled_by(name: str) -> TableWriter:
    """The function `name` of viewer.export.tables (Qt-free), imported when a table is written."""
    return _called_when_written("viewer.export.tables", name)


@dataclass(frozen=True, slots=True)
class TableWriting:
    """One row of the table writers: the format, its name in a file dialog, and the function that writes it."""

    format: TableFormat
    name: str
    write: TableWriter


# suffix -> how the events table is written (the window's Export Table; the picture formats are above).
TABLE_WRITERS: dict[str, TableWriting] = {
    ".csv": TableWriting(TableFormat.CSV, "CSV table", _tabled_by("csv_bytes")),
}


class Data(Enum):
    """The data formats a chronology is converted to (`convert`, File > Export); one row each in DATA_WRITERS."""

    YAML = "yaml"
    TIMELINEJS = "timelinejs"
    SHEET = "csv"
    ICS = "ics"


class DataWriter(Protocol):
    """Encodes the whole chronology for `output` (whose folder source paths are made relative to) and says,
    one line per kind, what the format could not hold (a viewer.export.data.Converted)."""

    def __call__(self, store: Store, output: Path) -> Any: ...


def _converted_by(name: str) -> DataWriter:
    """The function `name` of viewer.export.data (Qt-free), imported when data is written."""
    return _called_when_written("viewer.export.data", name)


@dataclass(frozen=True, slots=True)
class DataWriting:
    """One row of the data writers: the format, its name in a file dialog, and the function that writes it."""

    format: Data
    name: str
    write: DataWriter


_YAML_DATA = DataWriting(Data.YAML, "YAML chronology", _converted_by("chronology_yaml"))
# suffix -> how a chronology is written as data (the picture formats are in WRITERS above).
DATA_WRITERS: dict[str, DataWriting] = {
    ".yaml": _YAML_DATA,
    ".yml": _YAML_DATA,
    ".json": DataWriting(Data.TIMELINEJS, "TimelineJS JSON", _converted_by("timelinejs_json")),
    ".csv": DataWriting(Data.SHEET, "TimelineJS sheet (CSV)", _converted_by("timelinejs_sheet")),
    ".ics": DataWriting(Data.ICS, "iCalendar", _converted_by("icalendar_file")),
}


def data_writer_for(output: Path) -> DataWriting:
    """The row that converts a chronology to `output`, by its suffix; ExportError naming the choices otherwise."""
    row = DATA_WRITERS.get(output.suffix.lower())
    if row is None:
        raise ExportError(f"cannot tell the format from '{output.name}': use {_either(list(DATA_WRITERS))}")
    return row


def data_filters() -> list[str]:
    """'TimelineJS JSON (*.json)', one per data format, for the save dialog (each format once)."""
    rows = list(dict.fromkeys(DATA_WRITERS.values()))
    return [f"{row.name} ({' '.join('*' + s for s, r in DATA_WRITERS.items() if r is row)})" for row in rows]


def data_suffix_words() -> str:
    """'.yaml, .yml, .json, .csv or .ics'."""
    return _either(list(DATA_WRITERS))


def table_writer_for(output: Path) -> TableWriting:
    """The row that writes a table to `output`; ExportError naming the choices otherwise."""
    row = TABLE_WRITERS.get(output.suffix.lower())
    if row is None:
        raise ExportError(f"cannot tell the format from '{output.name}': use {_either(list(TABLE_WRITERS))}")
    return row


def table_filters() -> list[str]:
    """'CSV table (*.csv)', one per table format, for the save dialog."""
    return [f"{row.name} (*{suffix})" for suffix, row in TABLE_WRITERS.items()]


def _either(words: list[str]) -> str:
    """'a, b or c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def suffix_words() -> str:
    """'.png, .svg or .pdf'."""
    return _either(list(WRITERS))


def format_words() -> str:
    """'PNG, SVG or PDF'."""
    return _either([row.label for row in WRITERS.values()])


def output_words() -> str:
    """'OUT.png, OUT.svg or OUT.pdf', for the command line's help."""
    return _either([f"OUT{suffix}" for suffix in WRITERS])


def writer_for(output: Path) -> Writing:
    """The row that writes `output`, by its suffix in any case; ExportError naming the choices otherwise."""
    row = WRITERS.get(output.suffix.lower())
    if row is None:
        raise ExportError(f"cannot tell the format from '{output.name}': use {suffix_words()}")
    return row


def file_filter(suffix: str) -> str:
    """'PNG image (*.png)': the save dialog's filter for one suffix."""
    return f"{WRITERS[suffix].name} (*{suffix})"


def save_filters(first: str | None = None) -> list[str]:
    """Every format's filter for the save dialog, the one for `first` (a suffix) at the top."""
    order = sorted(WRITERS, key=lambda suffix: suffix != (first or "").lower())
    return [file_filter(suffix) for suffix in order]


def suffix_of_filter(chosen: str) -> str | None:
    """The suffix whose filter the save dialog reports as chosen, if any."""
    for suffix in WRITERS:
        if file_filter(suffix) == chosen:
            return suffix
    return None
