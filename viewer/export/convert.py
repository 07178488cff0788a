"""`timeline-viewer convert IN -o OUT`: read a chronology in any format and write it as YAML, TimelineJS JSON,
a TimelineJS sheet or iCalendar, saying on stderr what the output format could not hold (one line per kind).

Nothing is written when IN has problems, when OUT is IN itself, or when OUT is not a regular file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.export.saving import save_data
from viewer.export.writers import ExportError, data_suffix_words, data_writer_for
from viewer.model.escaping import for_terminal
from viewer.model.loader import load

PROGRAM = "timeline-viewer convert"


def _say(text: object) -> None:
    print(for_terminal(str(text)), file=sys.stderr)


def convert_from_cli(options: argparse.Namespace) -> int:
    """0 when written, 1 when not (the reason on stderr), 2 for a usage mistake."""
    source: Path = options.file
    output: Path = options.output
    try:
        writing = data_writer_for(output)
    except ExportError:
        _say(f"{PROGRAM}: cannot tell the format from '{output.name}': use {data_suffix_words()}")
        return 2
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        _say(f"{PROGRAM}: {output} is the file being read; write to another file")
        return 2
    result = load(source, format=options.format)
    if result.store is None or result.problems:
        for problem in result.problems:
            _say(problem)
        _say(f"{PROGRAM}: {source} has problems; nothing was written")
        return 1
    try:
        dropped = save_data(result.store, output)
    except ExportError as error:
        _say(f"{PROGRAM}: {error}")
        return 1
    count = len(result.store)
    _say(f"wrote {output} ({writing.name}, {count:,} event{'s' if count != 1 else ''})")
    for line in dropped:
        _say(f"{PROGRAM}: not kept: {line}")
    return 0
