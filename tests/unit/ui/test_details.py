"""The details panel: the date said honestly, plain selectable text, and only web addresses to the browser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from viewer.model.dates import EventDate, PartialDate
from viewer.model.events import Dispute, Event, Header, LeftOut, Quote, Source
from viewer.model.store import Store
from viewer.ui.details import (
    ABOUT_HEADING,
    EMPTY_TEXT,
    NO_ADDRESS,
    DetailsPanel,
    date_line,
    is_web_address,
    open_in_browser,
)

# Qt's offscreen platform warns that it cannot raise windows or pass on size hints; that is not ours to fix.

TEXT = "Alpha beta. The two leaders met in Hanoi on Feb. 27-28. Gamma."
PASSAGE = "The two leaders met in Hanoi on Feb. 27-28."


def make_store(url: str | None = "https://example.org/article", header: Header | None = None, **event_fields) -> Store:
    start = TEXT.index(PASSAGE)
    source = Source(
        "src",
        "An article",
        outlet="The Outlet (now The Other Outlet), weekly",
        authors=("A. Writer", "B. Writer"),
        url=url,
        published=PartialDate.of_day(2019, 2, 6),
        published_note="The article says “late Tuesday”.",
        text=TEXT,
    )
    fields = {
        "id": "hanoi",
        "title": "Summit in Hanoi",
        "when": EventDate(PartialDate.of_day(2019, 2, 27), PartialDate.of_day(2019, 2, 28), "The article says so."),
        "summary": "Talks end early.",
        "tags": ("Trump", "Kim"),
        "quotes": (Quote("src", PASSAGE, start, start + len(PASSAGE)),),
    }
    fields.update(event_fields)
    return Store([Event(**fields)], {"src": source}, header)


@pytest.fixture
def panel(qtbot) -> DetailsPanel:
    widget = DetailsPanel()
    qtbot.addWidget(widget)
    widget.resize(380, 600)
    widget.show()
    return widget


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    calls: list[QUrl] = []

    def fake_open(url: QUrl) -> bool:
        calls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return calls


def test_empty_state_invites_a_click(panel: DetailsPanel) -> None:
    assert panel.is_empty()
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == EMPTY_TEXT == "Click an event to read what the sources say."


def test_event_with_range_note_tags_summary_and_quote(panel: DetailsPanel) -> None:
    store = make_store()
    panel.show_event(store, 0)
    assert not panel.is_empty()
    assert panel.title_label.text() == "Summit in Hanoi"
    assert panel.title_label.font().pointSizeF() > panel.summary_label.font().pointSizeF()
    assert panel.date_label.text() == "27–28 February 2019 · days"
    assert panel.note_label.text() == "How it was dated: The article says so."
    assert panel.tags_label.text() == "Tags: Trump, Kim"
    assert panel.summary_label.text() == "Talks end early."
    assert not panel.doubt_label.isVisible()
    assert panel.quote_texts() == [PASSAGE]
    block = panel.quote_blocks[0]
    assert PASSAGE in block.text_label.text()
    assert block.byline_label.text() == "— " + store.sources["src"].byline()
    assert "The Outlet" in block.byline_label.text() and "A. Writer and B. Writer" in block.byline_label.text()


def test_month_precision_and_doubt_are_said_in_words(panel: DetailsPanel) -> None:
    store = make_store(when=EventDate(PartialDate.of_month(2018, 5, approximate=True)))
    panel.show_event(store, 0)
    assert panel.date_label.text() == "about May 2018 · month"
    assert panel.doubt_label.isVisible()
    assert panel.doubt_label.text() == "The date is approximate."
    assert not panel.note_label.isVisible()
    store = make_store(when=EventDate(PartialDate.of_day(2019, 2, 28, uncertain=True)))
    panel.show_event(store, 0)
    assert panel.date_label.text() == "28 February 2019? · day"
    assert panel.doubt_label.text() == "The date is uncertain."
    assert date_line(store.events[0]).endswith("· day")


def test_text_from_the_file_is_plain_and_selectable(panel: DetailsPanel) -> None:
    store = make_store(title="<b>Bold?</b> <img src=x>")
    panel.show_event(store, 0)
    assert panel.title_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.title_label.text() == "<b>Bold?</b> <img src=x>"
    for label in panel.findChildren(QLabel):
        if label is not panel.empty_label:
            assert label.textFormat() == Qt.TextFormat.PlainText
            assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_every_control_has_an_accessible_name(panel: DetailsPanel) -> None:
    panel.show_event(make_store(), 0)
    controls = panel.findChildren(QLabel) + panel.findChildren(QPushButton)
    assert len(controls) >= 10
    for control in controls:
        assert control.accessibleName(), control


def test_show_in_source_asks_for_the_exact_passage(panel: DetailsPanel, qtbot) -> None:
    store = make_store()
    panel.show_event(store, 0)
    quote = store.events[0].quotes[0]
    with qtbot.waitSignal(panel.showInSource, timeout=1000) as blocker:
        qtbot.mouseClick(panel.quote_blocks[0].show_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["src", quote.start, quote.end]
    assert TEXT[blocker.args[1] : blocker.args[2]] == PASSAGE


def test_open_original_hands_an_https_address_to_the_browser(panel: DetailsPanel, qtbot, opened) -> None:
    panel.show_event(make_store(url="https://example.org/article"), 0)
    button = panel.quote_blocks[0].open_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == ["https://example.org/article"]


def test_open_original_is_disabled_without_an_address(panel: DetailsPanel, qtbot, opened) -> None:
    panel.show_event(make_store(url=None), 0)
    button = panel.quote_blocks[0].open_button
    assert not button.isEnabled()
    assert button.toolTip() == NO_ADDRESS == "No address is known for this source"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == []


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "data:text/html,hi", "http://", "https:x",
     "mailto:a@b.c", "https://exa mple.org/", "\nhttps://example.org"],
)  # fmt: skip
def test_only_http_and_https_ever_reach_the_browser(panel: DetailsPanel, qtbot, opened, url: str) -> None:
    assert not is_web_address(url)
    assert open_in_browser(url) is False
    panel.show_event(make_store(url=url), 0)
    block = panel.quote_blocks[0]
    assert not block.open_button.isEnabled()
    panel._open_original(block)  # even if the button were pressed, the scheme is checked again
    assert opened == []


def test_http_is_accepted_too(opened) -> None:
    assert open_in_browser("http://example.org/a?b=c#d") is True
    assert [u.toString() for u in opened] == ["http://example.org/a?b=c#d"]


def test_shipped_events_each_show_all_their_quotes(panel: DetailsPanel, shipped_store) -> None:
    for index, event in enumerate(shipped_store.events):
        panel.show_event(shipped_store, index)
        assert panel.quote_texts() == [q.text for q in event.quotes]
        assert panel.title_label.text() == event.title
    panel.show_event(shipped_store, None)
    assert panel.is_empty() and panel.quote_blocks == []


# -- where a source differs from the record; what is still going on ---------------------------------------


def test_a_disputed_claim_is_said_beside_the_source_with_the_record(panel: DetailsPanel) -> None:
    dispute = Dispute("src", "the leaders met in 2001", "they met on 27–28 February 2019")
    panel.show_event(make_store(disputed=(dispute,)), 0)
    assert panel.disputed_label.isVisible()
    assert panel.disputed_label.text() == (
        "Where a source differs from the record:\n"
        "The Outlet says: the leaders met in 2001\n"
        "The record: they met on 27–28 February 2019"
    )
    assert panel.disputed_label.textFormat() == Qt.TextFormat.PlainText
    text = panel.visible_text()
    assert text.index("Talks end early.") < text.index("The Outlet says") < text.index("1 quote")
    panel.show_event(make_store(), 0)
    assert not panel.disputed_label.isVisible()
    assert "differs from the record" not in panel.visible_text()


def test_an_ongoing_range_says_its_end_is_not_an_end(panel: DetailsPanel) -> None:
    when = EventDate(PartialDate.of_year(1976), PartialDate.of_day(2019, 2, 6))
    panel.show_event(make_store(when=when, ongoing=True), 0)
    assert panel.date_label.text() == "1976 – ongoing as of 6 February 2019 · years"
    assert panel.ongoing_label.isVisible()
    assert panel.ongoing_label.text().startswith("Still going on as of 6 February 2019, the last date the sources")
    panel.show_event(make_store(when=when), 0)
    assert panel.date_label.text() == "1976 – 6 February 2019 · years"
    assert not panel.ongoing_label.isVisible()


# -- about this chronology --------------------------------------------------------------------------------


def test_with_no_event_selected_the_panel_tells_about_the_chronology(panel: DetailsPanel) -> None:
    header = Header(
        "The road to Hanoi",
        "Two summits and what led to them.",
        left_out=(LeftOut("The Yongbyon offer", "The article gives no date."),),
    )
    store = make_store(header=header)
    panel.show_event(store, 0)
    panel.show_event(store, None)
    assert panel.is_empty() and panel.quote_blocks == []
    assert not panel.empty_label.isVisible()
    texts = [label.text() for label in panel.about_labels]
    assert texts == [
        ABOUT_HEADING,
        "The road to Hanoi",
        "Two summits and what led to them.",
        "1 source",
        "• " + store.sources["src"].byline(),
        "How its date was worked out: The article says “late Tuesday”.",
        "Left out, and why",
        "• The Yongbyon offer — The article gives no date.",
        EMPTY_TEXT,
    ]
    for label in panel.about_labels:
        assert label.isVisible()
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.accessibleName()
    assert panel.visible_text() == "\n".join(texts)
    panel.show_event(store, 0)
    assert not any(label.isVisible() for label in panel.about_labels)
    panel.show_event(None, None)
    assert panel.empty_label.isVisible()
    assert not any(label.isVisible() for label in panel.about_labels)
    assert panel.visible_text() == EMPTY_TEXT


def test_the_about_view_follows_a_new_file(panel: DetailsPanel) -> None:
    panel.show_event(make_store(header=Header("First")), None)
    assert panel.about_labels[1].text() == "First"
    assert not any("Left out" in label.text() for label in panel.about_labels)
    panel.show_event(make_store(header=Header("Second", left_out=(LeftOut("x", "y"),))), None)
    assert [label.text() for label in panel.about_labels][1] == "Second"
    assert "• x — y" in panel.visible_text()


def test_the_shipped_chronology_says_what_it_left_out_and_where_sources_are_wrong(
    panel: DetailsPanel, shipped_store
) -> None:
    panel.show_event(shipped_store, None)
    shown = panel.visible_text()
    assert shipped_store.header.title in shown
    assert shipped_store.header.left_out
    for item in shipped_store.header.left_out:
        assert f"• {item.what} — {item.why}" in shown
    for source in shipped_store.sources.values():
        assert source.byline() in shown
    trade = shipped_store.index_of("us-vietnam-trade-deal")
    panel.show_event(shipped_store, trade)
    assert panel.date_label.text() == "13 July 2000 · day"
    assert "Nikkei Asian Review says: " in panel.disputed_label.text()
    assert "13 July 2000" in panel.disputed_label.text()
    panel.show_event(shipped_store, shipped_store.index_of("vietnam-one-party-rule"))
    assert "ongoing as of" in panel.date_label.text()
    assert panel.ongoing_label.isVisible()


def test_a_dispute_names_its_source_briefly_and_never_drops_an_unknown_one() -> None:
    from viewer.ui.details import dispute_text

    dispute = Dispute("src", "2001", "13 July 2000")
    nikkei = Source("src", "Summit set", outlet="Nikkei Asian Review (now Nikkei Asia), series “N Korea”")
    assert dispute_text(dispute, {"src": nikkei}) == "Nikkei Asian Review says: 2001\nThe record: 13 July 2000"
    untitled_outlet = Source("src", "Summit set")
    assert dispute_text(dispute, {"src": untitled_outlet}).startswith("“Summit set” says: 2001")
    assert dispute_text(dispute, {}).startswith("The source 'src' says: 2001")


def test_open_original_says_so_when_no_browser_starts(panel: DetailsPanel, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    panel.show_event(make_store(url="https://example.org/article"), 0)
    qtbot.mouseClick(panel.quote_blocks[0].open_button, Qt.MouseButton.LeftButton)
    dialog = panel.address_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.address.text() == "https://example.org/article" and dialog.address.isReadOnly()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://example.org/article"
    dialog.reject()


def test_what_happened_comes_before_how_it_was_dated_and_quotes_say_they_are_verified(panel: DetailsPanel) -> None:
    panel.show_event(make_store(), 0)
    lines = panel.visible_text().splitlines()
    assert lines.index("Talks end early.") < lines.index("How it was dated: The article says so.")
    block = panel.quote_blocks[0]
    assert block.verified_label.isVisibleTo(panel) and block.verified_label.text() == "✓ verbatim"
    assert "word for word" in block.verified_label.toolTip()
    panel.show_event(make_store(quotes=(Quote("src", PASSAGE, -1, -1),)), 0)  # a quote the store did not locate
    assert not panel.quote_blocks[0].verified_label.isVisibleTo(panel)


def test_a_time_is_shown_in_its_own_zone_and_in_the_chosen_one(panel: DetailsPanel) -> None:
    """The State of the Union at 21:10 in Washington was already Wednesday morning in Jakarta."""
    from viewer.model.dates import parse_date
    from viewer.render.display_zone import DisplayZone, ZoneMode

    store = make_store(when=EventDate(parse_date("2019-02-05 21:10 America/New_York")))
    panel.show_event(store, 0)
    assert not panel.zone_label.isVisible()  # the date line says it in its own zone
    assert panel.date_label.text() == "5 February 2019, 21:10 EST · minute"
    panel.set_display_zone(DisplayZone.named("Asia/Jakarta"))
    assert panel.zone_label.isVisible()
    assert panel.zone_label.text() == "5 Feb 2019 21:10 EST = 6 Feb 09:10 in Jakarta (WIB)"
    panel.set_display_zone(DisplayZone(ZoneMode.UTC))
    assert panel.zone_label.text() == "5 Feb 2019 21:10 EST = 6 Feb 02:10 UTC"
    assert "21:10 EST" in panel.date_label.text()
    panel.show_event(make_store(), 0)  # calendar days have no zone: nothing to convert
    assert not panel.zone_label.isVisible()
