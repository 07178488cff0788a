"""Prove that a quote is a verbatim passage of its source, and find where it stands.

Only runs of white space may differ (a YAML block scalar re-wraps lines); every other character, curly
quotes and dashes included, must be the source's own. When a quote fails only on typography, the message
says which character differs, since that is the usual slip when copying by hand.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WORD = re.compile(r"\S+")
PREFIX_SEARCH_CHARS = 4096  # a miss is explained by how much of the quote's start (up to this) the source has
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """White space folded: runs of it become one space, none at either end."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # in the raw source text
    end: int  # exclusive


Found = Match  # what a quote check gives when the quote is there


class FoldedText:
    """A source text with its white space folded, and the way back to raw offsets."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._raw_starts: list[int] = []
        self._folded_starts: list[int] = []
        pieces: list[str] = []
        folded_position = 0
        for match in _WORD.finditer(raw):
            self._raw_starts.append(match.start())
            self._folded_starts.append(folded_position)
            pieces.append(match.group())
            folded_position += len(match.group()) + 1
        self.folded = " ".join(pieces)
        self._loose: str | None = None

    def _raw_offset(self, folded_offset: int) -> int:
        k = bisect.bisect_right(self._folded_starts, folded_offset) - 1
        return self._raw_starts[k] + (folded_offset - self._folded_starts[k])

    def find(self, quote: str) -> Match | None:
        """Where `quote` stands in the raw text, white space aside, or None."""
        needle = fold(quote)
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        return Match(self._raw_offset(at), self._raw_offset(at + len(needle) - 1) + 1)

    def explain_cost(self, quote: str) -> int:
        """An upper bound on the characters `explain_miss` scans for `quote` (a budget counts them)."""
        needle = min(len(quote), PREFIX_SEARCH_CHARS)
        loosen = len(self.folded) if self._loose is None else 0
        return loosen + len(quote) + len(self.folded) * (2 + needle.bit_length())

    def explain_miss(self, quote: str) -> str:
        """Why a quote was not found, as precisely as can be said cheaply."""
        needle = fold(quote)
        if self._loose is None:
            self._loose = _loosen(self.folded)
        loose_needle = _loosen(needle)
        at = self._loose.find(loose_needle)
        if at >= 0:
            original = self.folded[at : at + len(needle)]
            for ours, theirs in zip(needle, original, strict=True):
                if ours != theirs:
                    return f"the quote writes {ours!r} where the source has {theirs!r}"
        longest = _longest_found_prefix(self.folded, needle[:PREFIX_SEARCH_CHARS])
        if longest >= 12:
            around = needle[max(0, longest - 20) : longest + 20]
            return f"the source has the quote's first {longest} characters, then differs: …{around}…"
        return "the quote is not in the source's text"


def _loosen(text: str) -> str:
    """Typography and case set aside, character for character: positions must still line up with `text`,
    so a character whose lower case is longer ('İ') is kept as it is."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text.translate(_TYPOGRAPHY))


def _longest_found_prefix(haystack: str, needle: str) -> int:
    """The length of the longest prefix of `needle` present in `haystack` (binary search on length)."""
    lo, hi = 0, len(needle)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if needle[:mid] in haystack:
            lo = mid
        else:
            hi = mid - 1
    return lo
