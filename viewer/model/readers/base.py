"""What every reader is: a format's name and a function from a file to the nodes the validator checks.

Kept apart from the table (`viewer.model.readers`) so that a reader's module can import it without importing
every other reader.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

Progress = Callable[[float], None]


class Format(Enum):
    """The chronology formats the loader reads; each has one row in `viewer.model.readers.READERS`."""

    YAML = "yaml"
    TIMELINEJS = "timelinejs"
    CSV = "csv"
    TSV = "tsv"
    ICS = "ics"


class EmptyFile(Exception):
    """Raised by a reader for a file that holds nothing at all: the window shows an empty timeline and says why."""


class Reader(Protocol):
    """Reads one file into nodes (viewer.model.nodes): a mapping node with 'timeline', 'sources', 'events'.

    Raises ChronologyError with positioned problems for a file it cannot read (bad encoding, bad syntax,
    refused constructs), and EmptyFile for a file with nothing in it. `progress`, if given, is called now
    and then with the fraction read; it may raise to cancel the load, and the reader lets that through.
    """

    def __call__(self, path: Path, progress: Progress | None = None) -> Any: ...
