"""Text from files made safe to show: one line, no control characters, nothing a terminal would obey.

A chronology is written by anyone. A key holding a newline must not print a second, forged
`FILE:LINE:COL:` line; an escape sequence in a title must not reach the terminal raw (it could recolour,
retitle or clear it); bidirectional controls must not reorder what a reader sees. `for_terminal` escapes all
of these in the manner of Python's string literals (`\\n`, `\\x1b`, `\\u202e`), so one problem is one line
and what was written can still be read. The command line prints every text through it; the window shows
file content as plain text (viewer.ui.plain) and its one-line rows through it as well.
"""

from __future__ import annotations

import re

# C0 controls (tab included: a message is one line of words), DEL, C1 controls, the Unicode line and
# paragraph separators, bidirectional embeddings, overrides and isolates, and the byte-order mark.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` as one line with every control character escaped (see the module's docstring)."""
    return _UNSAFE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    """Whether `for_terminal` would change `text`."""
    return _UNSAFE.search(text) is not None


def shortened(text: str, limit: int = 80) -> str:
    """`text` cut to `limit` characters with an ellipsis, for quoting a value in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 80) -> str:
    """A value as a message quotes it: in quotes, at most `limit` characters, control characters escaped."""
    return repr(shortened(text, limit))


def shown(text: str, limit: int = 80) -> str:
    """A value as a message shows it inside its own quotes: at most `limit` characters, escaped to one line."""
    return for_terminal(shortened(text, limit))
