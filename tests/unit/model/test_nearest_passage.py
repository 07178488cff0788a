"""A quote that is not in its source: the nearest passage, lined up with the quote on their first difference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model.verbatim import FoldedText, fold, nearest_passage, nearest_words

SOURCE = (
    "Leaders to meet in Hanoi\n\n"
    "The two leaders will meet again on Feb. 27-28 in Vietnam, the White House said.\n"
    "It’s the second summit between them, after their first meeting in Singapore\n"
    "last June. “A good deal,” he said – or so they hoped."
)


def test_a_misspelt_word_is_pointed_at() -> None:
    found = nearest_passage(FoldedText(SOURCE), "The two leaders will meet agian on Feb. 27-28")
    assert found is not None
    # "ag" agrees; then the quote writes "ian" where the source has "ain"
    assert found.quote[found.quote_at :].startswith("ian") and found.passage[found.passage_at :].startswith("ain")
    assert SOURCE[found.start : found.end].startswith("The two leaders will meet again")
    quote_line, source_line, caret = found.lines()
    column = caret.index("^")
    assert quote_line[column:].startswith("ian") and source_line[column:].startswith("ain")


def test_typography_and_case_are_pointed_at() -> None:
    found = nearest_passage(FoldedText(SOURCE), "It's the second summit")
    assert found is not None and found.quote[found.quote_at] == "'" and found.passage[found.passage_at] == "’"
    found = nearest_passage(FoldedText(SOURCE), "the two leaders")
    assert found is not None and (found.quote_at, found.passage[0]) == (0, "T")


def test_a_missing_beginning_is_found_from_the_end() -> None:
    found = nearest_passage(FoldedText(SOURCE), "Both leaders will meet again on Feb. 27-28 in Vietnam")
    assert found is not None
    assert "will meet again on Feb. 27-28 in Vietnam" in found.passage
    assert found.quote_at == 0 and found.passage_at == 0


def test_an_inserted_word_is_pointed_at() -> None:
    found = nearest_passage(FoldedText(SOURCE), "after their very first meeting in Singapore last June")
    assert found is not None
    assert found.quote[found.quote_at : found.quote_at + 6].strip() == "very"
    assert found.passage[found.passage_at :].lstrip().startswith("first")


def test_words_the_source_does_not_have_say_so() -> None:
    assert nearest_passage(FoldedText(SOURCE), "nothing like this is written anywhere") is None
    assert "Nothing in source 's'" in nearest_words(FoldedText(SOURCE), "nothing like this at all", "s")
    assert nearest_words(FoldedText(SOURCE), "Leaders to meet in Hanio", "s").startswith(
        "The nearest passage of source 's', line 1 of its text:")  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.integers(0, len(fold(SOURCE)) - 40), st.integers(30, 70), st.integers(12, 60), st.characters(codec="ascii"))
def test_one_changed_character_is_found_where_it_is(begin: int, length: int, offset: int, replacement: str) -> None:
    folded = fold(SOURCE)
    passage = folded[begin : begin + length].strip()
    offset = min(offset, len(passage) - 1)  # past the 12 characters that anchor the beginning
    if passage[offset] == replacement or replacement.isspace() or passage[offset].isspace():
        return
    quote = passage[:offset] + replacement + passage[offset + 1 :]
    if fold(quote) in folded:
        return
    found = nearest_passage(FoldedText(SOURCE), quote)
    assert found is not None
    assert found.quote_at <= offset  # at the change, or where the change made the two part
    agreed = found.quote[found.quote_at - found.same : found.quote_at]
    assert agreed == found.passage[found.passage_at - found.same : found.passage_at]


def test_a_long_quote_is_lined_up_where_it_parts() -> None:
    words = [f"word{n}" for n in range(900)]
    text = " ".join(words)
    quote = text.replace("word700 ", "wrod700 ")
    found = nearest_passage(FoldedText(text), quote)
    assert found is not None and found.quote[found.quote_at :].startswith("rod700")
    quote_line, source_line, caret = found.lines()
    column = caret.index("^")
    assert quote_line[column:].startswith("rod700") and source_line[column:].startswith("ord700")
