"""The command line: open the window, check, list and export a chronology.

One entry point (`timeline-viewer`, and `python -m viewer`). `check` and `list` never import Qt, so they run
anywhere the model does; `export` picks Qt's offscreen platform itself when there is no display.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import __version__
from viewer.export.paper import Paper
from viewer.export.writers import data_suffix_words, format_words, output_words
from viewer.model.collector import collector_paused
from viewer.model.dates import DateError, parse_date
from viewer.model.escaping import for_terminal
from viewer.model.events import Event
from viewer.model.loader import LoadResult, load
from viewer.model.problems import Problem
from viewer.model.readers import Format, describe
from viewer.resources import SHIPPED_CHRONOLOGY

COMMANDS = ("check", "list", "export", "convert")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
LOCAL_CHRONOLOGY = "events.yaml"
COMMANDS_HELP = """commands:
  check FILE             validate a chronology; one FILE:LINE:COL: message line per problem
  list FILE [--json]     the chronology in time order (--json, --jsonl: one object per event)
  export FILE -o OUT     draw the chronology without a display (see 'timeline-viewer export --help')
  convert IN -o OUT      write it as YAML, TimelineJS JSON or sheet (CSV), or iCalendar, by OUT's suffix"""
FILE_HELP = "the chronology to read (default: the one that ships with the viewer)"
FORMAT_HELP = ("read FILE as this format whatever its suffix: " + ", ".join(f.value for f in Format)
               + f" (by suffix: {describe()})")  # fmt: skip
JSON_SHAPE = """Each event is one JSON object: id, title, summary, start and end (each written to its own
precision: 2019-02-27, 2018-05, 1958, 1980s, -0043, 2019-02-28T17:00Z; end is null for a single date),
edtf (the date as EDTF writes it: 2019-03-01T00:00:00+07:00, -0043-03-15, Y-66000000, 201X, 2004-06~,
1964/2008, 1985/..), start_precision and end_precision (second, minute, day, month, year, decade or
century), precision (the coarser of the two), approximate, uncertain,
ongoing (the end is only where the sources stop), date_note, tags, quotes (each {text, source}), and
disputed (each {source, says, record}: where a source differs from the record), group (its lane by
group, or null), links (the ids of the events it led to) and link_labels (each link's label, in the same
order; "" where none is written), cited (false for an event that cites no source: no quote backs it), url,
media ({url, credit, caption, thumbnail} or null) and display_date (how an imported file said the date, or
null)."""
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        escape_unencodable_output()
        try:
            return _run_command(args)
        except BrokenPipeError:
            # `list | head` closed the pipe: stop quietly, as other command-line tools do, and keep Python
            # from reporting the same error again when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_PROBLEMS
    return _open_window(args)


def escape_unencodable_output() -> None:
    """Let stdout and stderr write `\\u2013` for what their encoding cannot hold (PYTHONIOENCODING=ascii, a
    Latin-1 terminal) instead of failing half-way through a listing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change now keeps its ways
                reconfigure(errors="backslashreplace")


def say(text: object, file=None) -> None:
    """Print one line of text from a file to the terminal: every control character escaped, so a newline
    or an escape sequence in a chronology can neither forge another line nor command the terminal."""
    print(for_terminal(str(text)), file=file)


def json_for_terminal(text: str) -> str:
    """JSON text with DEL, C1 controls and the Unicode separators written as \\u escapes (which JSON allows
    and reads back as the same characters); `json` already escapes the other control characters."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _open_window(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="timeline-viewer",
        usage="timeline-viewer [FILE]\n       timeline-viewer {check,list,export,convert} ...",
        description="Read a chronology on a zoomable time axis: with no command, open it in the window.",
        epilog=COMMANDS_HELP + "\n\nSee 'timeline-viewer COMMAND --help' for each command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help=f"the chronology to open (default: {LOCAL_CHRONOLOGY} in the current folder when there "
                        "is one, as in a checkout of the viewer, else the one that ships with it)")  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    options = parser.parse_args(args)
    from viewer.ui.app import run_window  # Qt is imported only when a window is wanted

    return run_window(chronology_to_open(options.file, Path.cwd()))


def chronology_to_open(given: Path | None, folder: Path) -> Path:
    """The file the window opens: the one named; else events.yaml in the current folder, so that someone who
    runs the viewer in its checkout (or their own project) sees the file they edit, and the window follows
    it; else the chronology installed with the package."""
    if given is not None:
        return given
    local = folder / LOCAL_CHRONOLOGY
    return local if local.is_file() else SHIPPED_CHRONOLOGY


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timeline-viewer", epilog=COMMANDS_HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,list,export,convert}")

    check = commands.add_parser(
        "check", help="validate a chronology; one FILE:LINE:COL: message line per problem",
        description="Validate a chronology: every problem as one FILE:LINE:COL: message line on stdout, then a "
        "summary. Events that cite no source (no quote) are counted in a warning. Exit status 0 when it is "
        "clean, 1 when it has problems (or, with --strict, uncited events), 2 for a usage mistake.",
    )  # fmt: skip
    check.add_argument("file", type=Path, nargs="?", default=SHIPPED_CHRONOLOGY, metavar="FILE", help=FILE_HELP)
    check.add_argument("--strict", action="store_true",
                       help="refuse events that cite no source: each is a problem, exit status 1")  # fmt: skip
    check.add_argument("--format", type=_format, help=FORMAT_HELP)

    listing = commands.add_parser(
        "list", help="print the chronology in time order",
        description="Print the chronology in time order: one line per event (its date in words, title and id), "
        "or JSON.", epilog=JSON_SHAPE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    listing.add_argument("file", type=Path, nargs="?", default=SHIPPED_CHRONOLOGY, metavar="FILE", help=FILE_HELP)
    shape = listing.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="a JSON list of events (shape below)")
    shape.add_argument("--jsonl", action="store_true", help="one JSON object per line, one line per event")
    listing.add_argument("--format", type=_format, help=FORMAT_HELP)

    export = commands.add_parser(
        "export", help=f"draw the chronology to {format_words()} without a display",
        description=f"Draw the chronology to {format_words()} (by the output's suffix), without any display. "
        "The file is written whole or not at all.",
    )  # fmt: skip
    export.add_argument("file", type=Path, nargs="?", default=SHIPPED_CHRONOLOGY, metavar="FILE", help=FILE_HELP)
    export.add_argument("-o", "--output", type=Path, required=True, help=f"{output_words()} (by suffix)")
    export.add_argument("--format", type=_format, help=FORMAT_HELP)
    export.add_argument("--width", type=_positive_int, default=None, help="pixels (default 1920)")
    export.add_argument("--height", type=_positive_int, default=None, help="pixels (default 1080)")
    export.add_argument("--scale", type=_positive_float, default=None,
                        help="device pixel ratio (default 1; with --paper, 300 dpi print size)")
    export.add_argument("--paper", type=_paper, metavar="{" + ",".join(p.value for p in Paper) + "}",
                        help="a PDF page of this paper (landscape), the picture filling it; a PNG or SVG is "
                        "drawn for it at 300 dpi (instead of --width and --height)")
    export.add_argument("--portrait", action="store_true", help="with --paper: the paper upright")
    export.add_argument("--from", dest="start", type=_partial_date, help="first date shown, e.g. 2018-05")
    export.add_argument("--to", dest="end", type=_partial_date, help="last date shown, e.g. 2019-03")
    export.add_argument("--theme", choices=("light", "dark"), default="light", help="colours (default light)")
    export.add_argument("--title", help="a title drawn above the timeline")
    export.add_argument("--no-legend", dest="legend", action="store_false", help="leave out the legend of tags")
    export.add_argument("--sources", action="store_true", help="add a footer that lists the sources")
    export.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG",
                        help="draw only the events with this tag (repeat for several: events with any of them)")
    export.add_argument("--lanes", choices=("none", "tags", "group"), default="none",
                        help="one lane per tag or per group, as View > Lanes draws them (default none)")
    convert = commands.add_parser(
        "convert", help="write the chronology as YAML, TimelineJS JSON or sheet, or iCalendar",
        description="Read IN (any format timeline-viewer reads) and write it to OUT in the format its suffix "
        f"names: {data_suffix_words()} (.csv: the TimelineJS sheet template). The file is written whole or not "
        "at all, never over IN or over what is not a regular file. What OUT's format cannot hold (quotes in a "
        "calendar, decades in a sheet, ...) is said on stderr, one line per kind. Exit status 0 when written, "
        "1 when IN has problems or OUT cannot be written, 2 for a usage mistake.",
    )  # fmt: skip
    convert.add_argument("file", type=Path, metavar="IN", help="the chronology to read")
    convert.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                         help=f"the file to write: {data_suffix_words()}")  # fmt: skip
    convert.add_argument("--format", type=_format, help=FORMAT_HELP.replace("FILE", "IN"))
    return parser


def _format(text: str) -> Format:
    try:
        return Format(text.lower())
    except ValueError:
        known = ", ".join(f.value for f in Format)
        raise argparse.ArgumentTypeError(f"there is no format called {text!r} (known: {known})") from None


def _paper(text: str) -> Paper:
    try:
        return Paper.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def _partial_date(text: str) -> Any:
    try:
        return parse_date(text)
    except DateError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _run_command(args: list[str]) -> int:
    options = _build_parser().parse_args(args)
    # The whole process waits for the load: the collector may rest meanwhile (see viewer.model.collector).
    with collector_paused():
        if options.command == "check":
            return check(options.file, strict=options.strict, format=options.format)
        if options.command == "list":
            return list_events(options.file, as_json=options.json, as_lines=options.jsonl, format=options.format)
        if options.command == "convert":
            from viewer.export.convert import convert_from_cli

            return convert_from_cli(options)
        from viewer.export import export_from_cli  # Qt is imported only for drawing

        return export_from_cli(options)


def report_problems(result: LoadResult) -> None:
    """Problems on stderr, one `FILE:LINE:COL: message` line each."""
    for problem in result.problems:
        say(problem, file=sys.stderr)


def check(path: Path, strict: bool = False, format: Format | None = None) -> int:
    """Every problem, then a summary; events that cite no source are a warning, or problems with `strict`."""
    result = load(path, format=format)
    problems = list(result.problems)
    store = result.store
    uncited = [e for e in store.events if not e.cited] if store is not None and not problems else []
    if strict:
        for event in sorted(uncited, key=lambda e: (e.line, e.column)):
            message = f"the event '{event.id}' cites no source (no quote); --strict refuses uncited events"
            problems.append(Problem(path, event.line, event.column, message))
    for problem in problems:
        say(problem)
    if problems:
        count = len(problems)
        say(f"{count:,} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return EXIT_PROBLEMS
    assert store is not None
    quotes = sum(len(e.quotes) for e in store.events)
    counts = (_counted(len(store), "event"), _counted(len(store.sources), "source"), _counted(quotes, "quote"))
    counted = ", ".join(counts)
    if uncited:
        say(f"{path}: warning: {uncited_words(len(uncited), len(store))}: no quote backs "
              f"{'it' if len(uncited) == 1 else 'them'} ('check --strict' refuses uncited events)")  # fmt: skip
        say(f"{path}: ok: {counted}, all verbatim; {len(uncited):,} uncited")
    else:
        say(f"{path}: ok: {counted}, all verbatim")
    return EXIT_OK


def uncited_words(uncited: int, total: int) -> str:
    """'12 of 40 events cite no source', '1 of 1 event cites no source'."""
    return f"{uncited:,} of {_counted(total, 'event')} {'cites' if uncited == 1 else 'cite'} no source"


def _counted(count: int, noun: str) -> str:
    """'1 source', '3 sources'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def event_as_json(event: Event) -> dict[str, Any]:
    """The `list --json` shape: dates written to their precision, marks of doubt as their own fields."""
    when = event.when
    return {
        "id": event.id,
        "title": event.title,
        "summary": event.summary,
        "start": when.start.iso(),
        "end": when.end.iso() if when.end else None,
        "edtf": f"{when.start.edtf()}/.." if event.ongoing else when.edtf(),
        "start_precision": when.start.precision.word,
        "end_precision": when.end.precision.word if when.end else None,
        "precision": when.precision.word,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "date_note": when.note,
        "tags": list(event.tags),
        "quotes": [{"text": q.text, "source": q.source_id} for q in event.quotes],
        "ongoing": event.ongoing,
        "disputed": [{"source": d.source_id, "says": d.says, "record": d.record} for d in event.disputed],
        "group": event.group,
        "links": [link.target for link in event.links],
        "link_labels": [link.label for link in event.links],
        "cited": event.cited,
        "url": event.url,
        "media": _media_as_json(event),
        "display_date": event.display_date or None,
    }


def _media_as_json(event: Event) -> dict[str, str] | None:
    media = event.media
    if media is None:
        return None
    return {"url": media.url, "credit": media.credit, "caption": media.caption, "thumbnail": media.thumbnail}


def list_events(path: Path, as_json: bool = False, as_lines: bool = False, format: Format | None = None) -> int:
    result = load(path, format=format)
    if result.store is None or result.problems:
        report_problems(result)
        if result.store is None:
            return EXIT_PROBLEMS
    assert result.store is not None
    events = result.store.events
    if as_json:
        listed = json.dumps([event_as_json(e) for e in events], ensure_ascii=False, indent=2)
        sys.stdout.write(json_for_terminal(listed))
        sys.stdout.write("\n")
    elif as_lines:
        for event in events:
            sys.stdout.write(json_for_terminal(json.dumps(event_as_json(event), ensure_ascii=False)) + "\n")
    else:
        width = max((len(e.date_words()) for e in events), default=0)
        for event in events:
            say(f"{event.date_words():<{width}}  {event.title}  [{event.id}]")
    return EXIT_PROBLEMS if result.problems else EXIT_OK
