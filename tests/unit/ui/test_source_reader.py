"""The source reader marks exactly the quoted passage and brings it into view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viewer.model.events import Source
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui.main_window import MainWindow
from viewer.ui.source_reader import SourceReader, qt_position


@pytest.fixture
def reader(qtbot) -> SourceReader:
    widget = SourceReader()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    return widget


def test_show_in_source_from_the_details_marks_exactly_the_quote(qtbot) -> None:
    window = MainWindow(SHIPPED_CHRONOLOGY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    store = window.store()
    # An event whose passage lies far into its source, so the reader has to scroll to it.
    index, quote = max(
        ((i, q) for i, e in enumerate(store.events) for q in e.quotes), key=lambda pair: pair[1].start
    )  # fmt: skip
    window.view.select(index)
    block = next(b for b in window.details.quote_blocks if b.quote == quote)
    qtbot.mouseClick(block.show_button, Qt.MouseButton.LeftButton)
    reader = window.source_reader()
    qtbot.waitExposed(reader)
    source = store.sources[quote.source_id]
    assert reader.highlighted_text() == source.text[quote.start : quote.end]
    assert reader.byline.text() == source.byline()
    assert reader.text.verticalScrollBar().value() > 0, "scrolled down to the passage"
    assert reader.passage_visible()


def test_every_shipped_quote_is_marked_exactly(reader: SourceReader, shipped_store) -> None:
    reader.show()
    count = 0
    for event in shipped_store.events:
        for quote in event.quotes:
            source = shipped_store.sources[quote.source_id]
            reader.show_passage(source, quote.start, quote.end)
            assert reader.highlighted_text() == source.text[quote.start : quote.end]
            assert reader.passage_visible()
            count += 1
    assert count >= len(shipped_store)


def test_the_passage_is_scrolled_into_view_and_back(reader: SourceReader, qtbot) -> None:
    lines = [f"line {n} of a long article" for n in range(400)]
    text = "\n".join(lines)
    source = Source("long", "A long article", text=text)
    late = text.index("line 350 ")
    reader.show_passage(source, late, late + len("line 350"))
    qtbot.waitExposed(reader)
    assert reader.highlighted_text() == "line 350"
    assert reader.text.verticalScrollBar().value() > 0
    assert reader.passage_visible()
    early = text.index("line 3 ")
    reader.show_passage(source, early, early + 6)
    assert reader.highlighted_text() == "line 3"
    assert reader.passage_visible()


def test_offsets_after_astral_characters_and_line_breaks(reader: SourceReader) -> None:
    text = "😀 emoji 𝒳 first\nsecond line: the passage\r\nthird"
    source = Source("astral", "Astral", text=text)
    start = text.index("the passage")
    reader.show_passage(source, start, start + len("the passage"))
    assert reader.highlighted_text() == "the passage"
    multi = text.index("first")
    reader.show_passage(source, multi, text.index(":"))
    assert reader.highlighted_text() == "first\nsecond line"
    assert qt_position(text, 1) == 2  # one emoji is two UTF-16 units


def test_one_reader_is_reused(qtbot, shipped_store) -> None:
    window = MainWindow(SHIPPED_CHRONOLOGY)
    qtbot.addWidget(window)
    event = window.store().events[0]
    quote = event.quotes[0]
    window.show_in_source(quote.source_id, quote.start, quote.end)
    first = window.source_reader()
    other = window.store().events[-1].quotes[0]
    window.show_in_source(other.source_id, other.start, other.end)
    assert window.source_reader() is first
    assert len(window.findChildren(SourceReader)) == 1
    assert first.highlighted_text() == window.store().sources[other.source_id].text[other.start : other.end]
    first.close()


def test_an_unknown_source_is_said_not_crashed(qtbot) -> None:
    window = MainWindow(SHIPPED_CHRONOLOGY)
    qtbot.addWidget(window)
    window.show_in_source("no-such-source", 0, 5)
    assert "no-such-source" in window.status_message()
    assert not window.findChildren(SourceReader)
