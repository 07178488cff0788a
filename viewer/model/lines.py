"""One definition of a line, everywhere: the YAML spec's line breaks, LF, CR and CRLF, and nothing else.

Python's `str.splitlines` also breaks at form feed, U+0085, U+2028, U+2029 and more, and libyaml (YAML 1.1)
at the last three; either would move every line number after such a character. The reader's positions,
the problems panel's preview and any other reader that counts lines use these functions instead.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, without their breaks (a final break does not start another line)."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def line_column(text: str, index: int) -> tuple[int, int]:
    """The line and column (both from 1, the column in characters) of the character at `index`."""
    index = max(0, min(index, len(text)))
    line = 1
    line_start = 0
    for match in LINE_BREAK.finditer(text):
        if match.end() > index:  # at or past the character (or inside a CRLF: the CR's line)
            break
        line += 1
        line_start = match.end()
    return line, index - line_start + 1


def line_column_at_byte(data: bytes, offset: int) -> tuple[int, int]:
    """`line_column` for a byte offset into UTF-8 (or not quite UTF-8) bytes."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return line_column(prefix, len(prefix))
