"""Quotes must be verbatim passages of their source; only runs of white space may differ."""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from viewer.model.verbatim import FoldedText, fold

SOURCE = (
    "Leaders to meet in Hanoi\n\n"
    "The two leaders will meet again on Feb. 27-28 in Vietnam, the White House said.\n"
    "It’s the second summit between them, after their first meeting in Singapore\n"
    "last June. “A good deal,” he said – or so they hoped."
)


def test_fold() -> None:
    assert fold("  a \n\t b  c\n") == "a b c"
    assert fold("") == ""
    assert fold(" \n ") == ""
    assert fold("a\u00a0b") == "a b"  # a no-break space is white space too


@pytest.mark.parametrize(
    "quote",
    [
        "The two leaders will meet again on Feb. 27-28 in Vietnam",
        "The two leaders will meet\n   again on Feb. 27-28\nin Vietnam",
        "  said.   It’s the second summit  ",
        "Singapore last June.",
        "Singapore\n\n\nlast June.",
        "“A good deal,” he said – or so they hoped.",
        "eaders",  # a passage may start inside a word
    ],
)
def test_white_space_differences_are_allowed_and_the_span_maps_back_to_the_raw_text(quote: str) -> None:
    text = FoldedText(SOURCE)
    match = text.find(quote)
    assert match is not None
    passage = SOURCE[match.start : match.end]
    assert fold(passage) == fold(quote)
    assert passage == passage.strip()  # the span starts and ends on the passage itself


def test_known_span() -> None:
    match = FoldedText(SOURCE).find("Singapore last June.")
    assert match is not None
    assert SOURCE[match.start : match.end] == "Singapore\nlast June."
    assert match.start == SOURCE.index("Singapore")


def test_the_first_occurrence_is_found() -> None:
    raw = "one  two\nthree two three"
    match = FoldedText(raw).find("two three")
    assert match is not None
    assert (match.start, match.end) == (5, 14)
    assert raw[match.start : match.end] == "two\nthree"


@pytest.mark.parametrize("quote", ["", "   ", "\n", "The two leaders will meet again in Hanoi", "hanoi"])
def test_not_found(quote: str) -> None:
    assert FoldedText(SOURCE).find(quote) is None


@pytest.mark.parametrize(
    ("quote", "ours", "theirs"),
    [
        ("It's the second summit", "'", "’"),
        ('"A good deal," he said', '"', "“"),
        ("he said - or so they hoped", "-", "–"),
    ],
)
def test_typography_must_match_and_the_message_names_both_characters(quote: str, ours: str, theirs: str) -> None:
    text = FoldedText(SOURCE)
    assert text.find(quote) is None
    assert text.explain_miss(quote) == f"the quote writes {ours!r} where the source has {theirs!r}"


def test_a_straight_apostrophe_message() -> None:
    message = FoldedText("It’s here").explain_miss("It's here")
    assert message == "the quote writes \"'\" where the source has '’'"
    assert "'" in message and "’" in message


def test_case_must_match_too() -> None:
    text = FoldedText(SOURCE)
    assert text.find("the two leaders") is None
    assert text.explain_miss("the two leaders") == "the quote writes 't' where the source has 'T'"


def test_a_quote_that_starts_right_then_differs() -> None:
    message = FoldedText(SOURCE).explain_miss("The two leaders will meet in Pyongyang")
    assert message.startswith("the source has the quote's first 26 characters, then differs: …")
    assert message.endswith("…o leaders will meet in Pyongyang…")


def test_a_quote_that_is_not_there_at_all() -> None:
    assert FoldedText(SOURCE).explain_miss("Nothing of the sort") == "the quote is not in the source's text"


def test_explaining_a_miss_after_a_sharp_s_does_not_raise() -> None:
    assert FoldedText("ßaaaa").explain_miss("aaaA") == "the quote writes 'A' where the source has 'a'"


def test_explaining_a_miss_after_a_sharp_s_names_the_right_characters() -> None:
    assert FoldedText("Straße: it’s").explain_miss("it's") == "the quote writes \"'\" where the source has '’'"


# -- properties ---------------------------------------------------------------------------------------

_WHITE = st.text(alphabet=" \n\t\r\u00a0\u2003", min_size=1, max_size=3)
_WORD = st.text(alphabet="abcXYZ’'.,-–é", min_size=1, max_size=6)


@st.composite
def texts_with_a_passage(draw: st.DrawFn) -> tuple[str, str]:
    """A raw text of words and runs of white space, and one of its passages re-spaced as a quote."""
    words = draw(st.lists(_WORD, min_size=1, max_size=30))
    gaps = draw(st.lists(_WHITE, min_size=len(words) + 1, max_size=len(words) + 1))
    raw = "".join(g + w for g, w in zip(gaps, [*words, ""], strict=True))
    i = draw(st.integers(0, len(words) - 1))
    j = draw(st.integers(i + 1, len(words)))
    new_gaps = draw(st.lists(_WHITE, min_size=j - i + 1, max_size=j - i + 1))
    quote = "".join(g + w for g, w in zip(new_gaps, [*words[i:j], ""], strict=True))
    return raw, quote


@settings(max_examples=200)
@given(texts_with_a_passage())
def test_a_re_spaced_passage_is_found_and_maps_back(case: tuple[str, str]) -> None:
    raw, quote = case
    match = FoldedText(raw).find(quote)
    assert match is not None
    assert 0 <= match.start < match.end <= len(raw)
    assert fold(raw[match.start : match.end]) == fold(quote)
    assert not raw[match.start].isspace() and not raw[match.end - 1].isspace()
    # the first occurrence: the passage does not appear earlier in the text
    prefix = fold(raw[: match.end])
    assert prefix.find(fold(quote)) == len(prefix) - len(fold(quote))


@settings(max_examples=200)
@given(st.text(max_size=80), st.data())
@example("a\x1cb", None)
def test_any_slice_of_any_text_is_found(raw: str, data: st.DataObject | None) -> None:
    if data is None:
        i, j = 0, len(raw)
    else:
        i = data.draw(st.integers(0, len(raw)))
        j = data.draw(st.integers(i, len(raw)))
    quote = raw[i:j]
    assume(fold(quote))
    match = FoldedText(raw).find(quote)
    assert match is not None
    assert fold(raw[match.start : match.end]) == fold(quote)


@settings(max_examples=200)
@given(st.text(max_size=60), st.text(max_size=30))
def test_explaining_a_miss_never_raises_for_ascii_like_text(raw: str, quote: str) -> None:
    """explain_miss always says something (ß and other letters that casefold to two are the known bug above)."""
    assume(all(len(c.casefold()) == 1 for c in raw + quote))
    text = FoldedText(raw)
    if text.find(quote) is None and fold(quote):
        message = text.explain_miss(quote)
        assert isinstance(message, str) and message
