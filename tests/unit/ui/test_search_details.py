"""Search as the details panel and the source reader show it, and the quotes' citations.

The words searched for are marked in the details; a word only a source has ("Samsung", in the Nikkei
article) finds the events quoting that source near it, lists the passage under them, and Enter opens the
source reader on it. A source's byline is given once in full; every quote can be copied with its citation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from viewer.model.loader import load
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui.details import DetailsPanel, highlighted, plain_text, search_spans
from viewer.ui.main_window import MainWindow

SHIPPED = load(SHIPPED_CHRONOLOGY).store


def shown(qtbot, width: int = 380) -> DetailsPanel:
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    return panel


def test_highlighting_marks_every_word_and_escapes_the_rest() -> None:
    assert search_spans("Kim met Trump; kim left", "KIM trump") == [(0, 3), (8, 13), (15, 18)]
    marked = highlighted("<b>Kim</b> & co", "kim", "#FFE08A")
    assert marked is not None and "&lt;b&gt;" in marked and "&amp;" in marked and "<b>" not in marked
    assert marked.count("background-color") == 1
    assert highlighted("nothing here", "kim", "#FFE08A") is None


def test_the_search_is_marked_in_the_details(qtbot) -> None:
    panel = shown(qtbot)
    hanoi = SHIPPED.index_of("hanoi-summit")
    panel.show_event(SHIPPED, hanoi, "hanoi")
    marked = panel.marked_words()
    assert marked and all(word.casefold() == "hanoi" for word in marked)
    assert panel.title_label.textFormat() == Qt.TextFormat.RichText
    assert plain_text(panel.title_label) == SHIPPED.events[hanoi].title  # the words themselves unchanged
    assert "Hanoi" in panel.visible_text() and "<span" not in panel.visible_text()
    panel.set_search("")
    assert panel.marked_words() == [] and panel.title_label.textFormat() == Qt.TextFormat.PlainText


def test_a_sources_byline_is_given_once_in_full(qtbot) -> None:
    panel = shown(qtbot)
    for index in range(len(SHIPPED)):
        panel.show_event(SHIPPED, index)
        seen: set[str] = set()
        for block in panel.quote_blocks:
            source = SHIPPED.sources[block.quote.source_id]
            if block.quote.source_id in seen:
                assert block.byline_label.text() == f"— {source.name()}, as above"
                assert block.byline_label.toolTip() == source.byline()
            else:
                assert block.byline_label.text() == "— " + source.byline()
            seen.add(block.quote.source_id)
    repeated = [e for e in SHIPPED.events if len({q.source_id for q in e.quotes}) < len(e.quotes)]
    assert repeated, "the shipped chronology has events quoting one source twice"


def test_copy_quote_with_citation_as_plain_text_and_markdown(qtbot) -> None:
    panel = shown(qtbot)
    panel.show_event(SHIPPED, SHIPPED.index_of("hanoi-summit"))
    block = panel.quote_blocks[0]
    source = SHIPPED.sources[block.quote.source_id]
    assert [a.text() for a in block.copy_button.menu().actions()] == [
        "Copy Quote with Citation", "Copy Quote with Citation as Markdown"]  # fmt: skip
    clipboard = QGuiApplication.clipboard()
    block.copy_plain_action.trigger()
    text = clipboard.text()
    assert text.startswith("“" + " ".join(block.quote.text.split()) + "” — ") and source.url in text
    block.copy_markdown_action.trigger()
    markdown = clipboard.text()
    assert markdown.startswith("> ") and f"(<{source.url}>)" in markdown
    assert bytes(clipboard.mimeData().data("text/markdown").data()).decode("utf-8") == markdown


def test_narrow_details_keep_every_quote_button_inside(qtbot) -> None:
    panel = shown(qtbot, width=230)
    panel.show_event(SHIPPED, SHIPPED.index_of("hanoi-summit"))
    qtbot.wait(50)
    for block in panel.quote_blocks:
        for button in (block.show_button, block.open_button, block.copy_button, block.verified_label):
            right = button.mapTo(panel, button.rect().topRight()).x()
            assert right <= panel.width(), f"{button.text()!r} ends at {right} in a {panel.width()} panel"


def test_a_word_only_in_a_source_finds_events_and_enter_opens_the_passage(open_window, qtbot) -> None:
    window: MainWindow = open_window(size=(1400, 850))
    qtbot.keyClicks(window.search_edit, "Samsung")
    matches = window.matches()
    assert matches is not None and len(matches) == 2
    assert window.count_label.text() == f"2 of {len(SHIPPED)} events shown (2 found through a passage of a source)"
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    selected = window.view.selected()
    assert selected is not None and window.state.passages_for(selected)
    reader = window.source_reader()
    qtbot.waitUntil(reader.isVisible, timeout=2000)
    assert reader.source() is not None and reader.source().id == "nikkei"
    assert reader.highlighted_text() == "Samsung" and reader.passage_visible()
    details = window.details
    assert details.passage_blocks and "Samsung" in details.marked_words()
    assert "South Korea's Samsung" in plain_text(details.passage_blocks[0].text_label)
    reader.close()
    details.passage_blocks[0].show_button.click()
    qtbot.waitUntil(reader.isVisible, timeout=2000)
    assert reader.highlighted_text() == "Samsung"


def test_an_events_own_match_does_not_open_the_reader(open_window, qtbot) -> None:
    window: MainWindow = open_window(size=(1400, 850))
    qtbot.keyClicks(window.search_edit, "Pompeo")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.view.selected() is not None
    assert window._reader is None or not window._reader.isVisible()
    assert window.details.passage_blocks == [] and window.details.marked_words()
