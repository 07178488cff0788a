"""The readers table: which formats a chronology may be written in, and which module reads each.

One row per suffix, in the manner of normcap's handler tables: `load` finds the reader by the file's
suffix (or by an explicit `Format`), the open dialog's filter is made from the same rows, and an unknown
suffix is answered with the list of what can be read. Every reader builds the same nodes
(viewer.model.nodes), so the validator's checks and messages are the same whatever the format.

To add a format (Parquet, say): write a module here whose `read(path, progress)`
returns nodes, add its member to `Format`, and add its row(s) to `READERS`. Nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.model.readers import icsfile, spreadsheet, timelinejs, yamlfile
from viewer.model.readers.base import EmptyFile, Format, Progress, Reader

__all__ = ["READERS", "EmptyFile", "Format", "Progress", "Reader", "Reading", "UnknownFormat", "describe",
           "open_filter", "reader_for", "suffixes"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """One row of the table: the format, the words a person knows it by, and the function that reads it."""

    format: Format
    name: str
    read: Reader


_YAML = Reading(Format.YAML, "YAML chronology", yamlfile.read)
_CSV = Reading(Format.CSV, "CSV table or TimelineJS sheet", spreadsheet.read_csv)
_TSV = Reading(Format.TSV, "TSV table", spreadsheet.read_tsv)
_ICS = Reading(Format.ICS, "iCalendar", icsfile.read)

# suffix (lower case, with the dot) -> how to read it. The first suffix of a format is the one it is known by.
READERS: dict[str, Reading] = {
    ".yaml": _YAML,
    ".yml": _YAML,
    ".json": Reading(Format.TIMELINEJS, "TimelineJS JSON", timelinejs.read),
    ".csv": _CSV,
    ".tsv": _TSV,
    ".tab": _TSV,
    ".ics": _ICS,
    ".ical": _ICS,
}


class UnknownFormat(Exception):
    """No reader for this file; the message names the formats that can be read."""


def suffixes(reading: Reading) -> tuple[str, ...]:
    """The suffixes a row is registered under, the one it is known by first."""
    return tuple(suffix for suffix, row in READERS.items() if row is reading)


def _formats() -> list[Reading]:
    return list(dict.fromkeys(READERS.values()))


def describe() -> str:
    """'YAML chronology (.yaml, .yml)': the formats that can be read, for messages."""
    return "; ".join(f"{row.name} ({', '.join(suffixes(row))})" for row in _formats())


def reader_for(path: Path, format: Format | str | None = None) -> Reading:
    """The row that reads `path`: the given format's, or the one its suffix (in any case) names."""
    if format is not None:
        wanted = format if isinstance(format, Format) else _format_named(str(format))
        for row in READERS.values():
            if row.format == wanted:
                return row
        raise UnknownFormat(f"no reader for the format {wanted.value!r}; it reads {describe()}")
    suffix = path.suffix.lower()
    row = READERS.get(suffix)
    if row is None:
        said = f"the suffix {path.suffix!r}" if suffix else "a file without a suffix"
        raise UnknownFormat(f"cannot tell the format from {said}; timeline-viewer reads {describe()}")
    return row


def _format_named(name: str) -> Format:
    try:
        return Format(name.lower())
    except ValueError:
        known = ", ".join(f.value for f in Format)
        raise UnknownFormat(f"there is no format called {name!r} (known: {known})") from None


def open_filter() -> str:
    """The open dialog's filter: every readable suffix first, then each format, then all files."""
    every = " ".join(f"*{suffix}" for suffix in READERS)
    each = [f"{row.name} ({' '.join('*' + s for s in suffixes(row))})" for row in _formats()]
    return ";;".join([f"Chronologies ({every})", *each, "All files (*)"])
