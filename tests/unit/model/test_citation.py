"""A quote with its citation, as plain text and as Markdown that reads as exactly the file's words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.model.citation import escape_markdown, markdown_citation, plain_citation
from viewer.model.dates import PartialDate
from viewer.model.events import Quote, Source

SOURCE = Source("nikkei", "Second Trump-Kim summit set for Feb 27-28 in Vietnam", outlet="Nikkei Asian Review",
                authors=("Kim Jaewon", "Andrew Sharp"), url="https://asia.nikkei.com/a",
                published=PartialDate.of_day(2019, 2, 6))  # fmt: skip
QUOTE = Quote("nikkei", "Trump announced that he would\n  hold a second summit", 0, 10)


def test_plain_citation_is_the_quote_the_byline_and_the_address() -> None:
    assert plain_citation(QUOTE, SOURCE) == (
        "“Trump announced that he would hold a second summit” — Nikkei Asian Review, “Second Trump-Kim summit "
        "set for Feb 27-28 in Vietnam”, by Kim Jaewon and Andrew Sharp, 6 February 2019. https://asia.nikkei.com/a"
    )


def test_markdown_citation_is_a_block_quote_with_the_title_linked() -> None:
    assert markdown_citation(QUOTE, SOURCE) == (
        "> Trump announced that he would hold a second summit\n>\n"
        "> — Nikkei Asian Review, [“Second Trump-Kim summit set for Feb 27-28 in Vietnam”]"
        "(<https://asia.nikkei.com/a>), "
        "by Kim Jaewon and Andrew Sharp, 6 February 2019.\n"
    )


def test_only_web_addresses_are_linked_or_cited() -> None:
    local = Source("s", "T", url="javascript:alert(1)")
    assert "javascript" not in plain_citation(QUOTE, local)
    assert "](" not in markdown_citation(QUOTE, local) and "javascript" not in markdown_citation(QUOTE, local)


def test_markup_in_a_quote_stays_text() -> None:
    quote = Quote("s", "*not bold* [not](a link) <b>x</b> # not a heading", 0, 1)
    cited = markdown_citation(quote, Source("s", "T_1"))
    assert "\\*not bold\\*" in cited and "\\[not\\]" in cited and "\\<b\\>" in cited and "T\\_1" in cited


_UNESCAPE = {"\\" + c: c for c in "\\`*_[]<>|~#>+-="}


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_escaping_only_adds_backslashes_before_markup(text: str) -> None:
    escaped = escape_markdown(text)
    out, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\" and i + 1 < len(escaped):
            out.append(escaped[i + 1])
            i += 2
        else:
            out.append(escaped[i])
            i += 1
    assert "".join(out) == text
