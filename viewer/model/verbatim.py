"""Prove that a quote is a verbatim passage of its source, and find where it stands.

Only runs of white space may differ (a YAML block scalar re-wraps lines); every other character, curly
quotes and dashes included, must be the source's own. When a quote fails only on typography, the message
says which character differs, since that is the usual slip when copying by hand.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

import numpy as np

_WORD = re.compile(r"\S+")
# What str.split() and the regex \s take for white space (str.isspace): a test holds the two to the same set.
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_IS_WHITESPACE = np.zeros(0x110000, dtype=bool)
_IS_WHITESPACE[[ord(c) for c in WHITESPACE]] = True
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
        # Where each word starts, in the raw text and in the folded one, as numpy arrays computed in C: a loop
        # over a 30 MB text's 7 million words took seconds and, as Python ints in lists, 450 MB.
        if raw.isascii():  # most texts: one byte per character, a quarter of the memory
            codes = np.frombuffer(raw.encode("ascii"), dtype=np.uint8)
        else:
            codes = np.frombuffer(raw.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        space = _IS_WHITESPACE[codes]  # a table lookup: no sorting, no copies of the codes
        word = ~space
        before = np.empty_like(space)
        if len(space):
            before[0] = True
            before[1:] = space[:-1]
        starts = np.flatnonzero(word & before)
        after = np.empty_like(space)
        if len(space):
            after[-1] = True
            after[:-1] = space[1:]
        ends = np.flatnonzero(word & after) + 1
        del word, before, after
        self._raw_starts = starts
        self._folded_starts = np.zeros(len(starts), dtype=np.int64)
        if len(starts) > 1:
            np.cumsum(ends[:-1] - starts[:-1] + 1, out=self._folded_starts[1:])
        self.folded = _folded(codes, space, self._folded_starts)
        del codes, space
        self._loose: str | None = None

    def _raw_offset(self, folded_offset: int) -> int:
        k = int(np.searchsorted(self._folded_starts, folded_offset, side="right")) - 1
        return int(self._raw_starts[k]) + (folded_offset - int(self._folded_starts[k]))

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


def _folded(codes: np.ndarray, space: np.ndarray, folded_starts: np.ndarray) -> str:
    """The words joined by single spaces, `" ".join(raw.split())` without a string per word (a 30 MB text's
    7 million of them took 400 MB): every character that is not white space, with a space before each word
    but the first."""
    words = codes[~space]
    if not len(words):
        return ""
    out = np.full(len(words) + len(folded_starts) - 1, 32, dtype=codes.dtype)
    letters = np.ones(len(out), dtype=bool)
    letters[folded_starts[1:] - 1] = False
    out[letters] = words
    return out.tobytes().decode("ascii" if codes.dtype == np.uint8 else "utf-32-le", "surrogatepass")


def _loosen(text: str) -> str:
    """Typography and case set aside, character for character: positions must still line up with `text`,
    so a character whose lower case is longer ('İ') is kept as it is."""
    plain = text.translate(_TYPOGRAPHY)
    lowered = plain.lower()
    if len(lowered) == len(plain):  # lower() never shortens a character: none grew, so positions line up
        return lowered  # (in C: the loop below took 9 s and 2 GB on a 30 MB source)
    return "".join(c if len(low := c.lower()) != 1 else low for c in plain)


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


#: How much of the quote and of the source is shown either side of where they part.
NEAREST_CONTEXT = 36
#: A prefix or suffix this long that the source holds anchors the nearest passage.
NEAREST_ANCHOR = 12
#: At most this much of the quote is lined up with the source (difflib's work grows with its square).
NEAREST_ALIGN_CHARS = 800


def nearest_cost(source: FoldedText, quote: str) -> int:
    """An upper bound on the characters `nearest_passage` scans for `quote` (a budget counts them)."""
    needle = min(len(quote), PREFIX_SEARCH_CHARS)
    loosen = len(source.folded) if source._loose is None else 0
    align = min(len(quote), NEAREST_ALIGN_CHARS)
    steps = len(quote) // (NEAREST_ALIGN_CHARS // 2) + 1
    return loosen + len(quote) + len(source.folded) * (2 + 2 * needle.bit_length() + steps) + 3 * align * align


@dataclass(frozen=True, slots=True)
class Nearest:
    """The source's passage nearest to a quote that is not in it, and where the two part.

    `start`/`end` are offsets in the raw source text; `passage` is that stretch with white space folded;
    `quote` is the quote folded the same way. `quote_at` and `passage_at` are where they first differ, and
    `same` how many characters before that they agree (at most NEAREST_CONTEXT are shown)."""

    start: int
    end: int
    passage: str
    quote: str
    quote_at: int
    passage_at: int
    same: int

    def lines(self) -> list[str]:
        """The quote above the passage, lined up on their first difference, and a caret under it."""
        left = min(NEAREST_CONTEXT, self.same)
        quote = self.quote[self.quote_at - left : self.quote_at + NEAREST_CONTEXT]
        passage = self.passage[self.passage_at - left : self.passage_at + NEAREST_CONTEXT]
        quote_dots = "…" if self.quote_at - left > 0 else ""
        passage_dots = "…" if self.passage_at - left > 0 else ""
        dots = "…" if quote_dots or passage_dots else ""
        quote_end = "…" if self.quote_at + NEAREST_CONTEXT < len(self.quote) else ""
        passage_end = "…" if self.passage_at + NEAREST_CONTEXT < len(self.passage) else ""
        caret = " " * (len("source: ") + len(dots) + left) + "^ the first difference"
        return [f"quote:  {dots}{quote}{quote_end}", f"source: {dots}{passage}{passage_end}", caret]


def nearest_passage(source: FoldedText, quote: str) -> Nearest | None:
    """The passage of the source most like `quote`: the same characters but for typography or case, or the
    stretch around the quote's longest beginning (or end) that the source holds, lined up with the quote by
    difflib; None when the source holds no beginning or end of NEAREST_ANCHOR characters."""
    needle = fold(quote)
    if not needle:
        return None
    folded = source.folded
    if len(needle) > NEAREST_ALIGN_CHARS:
        # A long quote is lined up from a little before the end of the longest beginning the source holds.
        offset = max(0, _longest_found_prefix(source.folded, needle[:PREFIX_SEARCH_CHARS]) - NEAREST_ALIGN_CHARS // 4)
        start = offset
        while offset + NEAREST_ALIGN_CHARS < len(needle) and needle[offset : offset + NEAREST_ALIGN_CHARS] in folded:
            offset += NEAREST_ALIGN_CHARS // 2  # this stretch is in the source: the quote parts from it later
        if offset > start:  # the difference is in the second half of this stretch: bring it to the middle
            offset = min(offset + NEAREST_ALIGN_CHARS // 4, len(needle) - NEAREST_ALIGN_CHARS)
        found = nearest_passage(source, needle[offset : offset + NEAREST_ALIGN_CHARS])
        return None if found is None else replace(found, quote=needle, quote_at=found.quote_at + offset)
    if source._loose is None:
        source._loose = _loosen(folded)
    at = source._loose.find(_loosen(needle))
    if at >= 0:
        window_start, window = at, folded[at : at + len(needle)]
    else:
        prefix = _longest_found_prefix(folded, needle[:PREFIX_SEARCH_CHARS])
        suffix = _longest_found_suffix(folded, needle[-PREFIX_SEARCH_CHARS:])
        if max(prefix, suffix) < NEAREST_ANCHOR:
            return None
        slack = len(needle) // 2 + NEAREST_CONTEXT
        if prefix >= suffix:
            window_start = folded.find(needle[:prefix])
            window = folded[window_start : window_start + len(needle) + slack]
        else:
            end = folded.find(needle[len(needle) - suffix :]) + suffix
            window_start = max(0, end - len(needle) - slack)
            window = folded[window_start:end]
    matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # The passage runs from where the quote's first matched stretch is in the source to where its last ends.
    passage_start, passage_end = max(0, blocks[0].b - blocks[0].a), blocks[-1].b + blocks[-1].size
    if blocks[-1].a + blocks[-1].size < len(needle):  # the quote goes on past its last match
        passage_end = min(len(window), passage_end + len(needle) - blocks[-1].a - blocks[-1].size)
    passage = window[passage_start:passage_end]
    quote_at, passage_at, same = len(needle), len(passage), 0
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(None, needle, passage, autojunk=False).get_opcodes():
        if tag == "equal":
            same = i2 - i1
            continue
        quote_at, passage_at = i1, j1
        break
    if quote_at == len(needle) and passage_at == len(passage):
        same = min(len(needle), len(passage))
    start = window_start + passage_start
    stop = window_start + passage_end
    raw_start = source._raw_offset(start) if len(source._folded_starts) else 0
    raw_end = source._raw_offset(stop - 1) + 1 if stop > start and len(source._folded_starts) else raw_start
    return Nearest(raw_start, raw_end, passage, needle, quote_at, passage_at, same)


def _longest_found_suffix(haystack: str, needle: str) -> int:
    """The length of the longest suffix of `needle` present in `haystack` (binary search on length)."""
    lo, hi = 0, len(needle)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if needle[len(needle) - mid :] in haystack:
            lo = mid
        else:
            hi = mid - 1
    return lo


def nearest_words(source: FoldedText, quote: str, source_id: str) -> str:
    """The nearest passage said for a person: where it is in the source's text, the quote above it and a
    caret at the first difference; '' when the source has nothing near enough to show."""
    found = nearest_passage(source, quote)
    if found is None:
        return f"Nothing in source '{source_id}' begins or ends like this quote."
    line = source.raw.count("\n", 0, found.start) + 1
    return "\n".join([f"The nearest passage of source '{source_id}', line {line} of its text:", *found.lines()])
