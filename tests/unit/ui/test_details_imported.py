"""The details panel for events imported from TimelineJS, spreadsheets and calendars: an uncited event says so,
sanitized HTML is rich text whose links go only through the http/https check, media is a link and a credit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from viewer.model.loader import load
from viewer.ui.details import UNCITED_TEXT, DetailsPanel


@pytest.fixture
def panel(qtbot) -> DetailsPanel:
    widget = DetailsPanel()
    qtbot.addWidget(widget)
    widget.resize(380, 700)
    widget.show()
    return widget


def imported(tmp_path: Path):
    document = {"events": [{
        "start_date": {"year": 2019, "month": 2, "day": 27}, "display_date": "Late February",
        "text": {"headline": "Summit", "text": "<p>Talks <a href='https://example.org/x'>end</a> early"
                 "<script>alert(1)</script><img src='https://tracker.example/p.gif'></p>"},
        "media": {"url": "https://example.org/photo.jpg", "credit": "AP", "caption": "The hotel"},
    }]}  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = load(path)
    assert result.store is not None, result.problems
    return result.store


def test_an_uncited_event_says_it_cites_no_source(panel: DetailsPanel, tmp_path: Path) -> None:
    panel.show_event(imported(tmp_path), 0)
    assert panel.quotes_heading.text() == UNCITED_TEXT == "No quote: this event cites no source text"
    assert panel.quote_blocks == []


def test_sanitized_html_media_and_display_date_are_shown(panel: DetailsPanel, tmp_path: Path) -> None:
    panel.show_event(imported(tmp_path), 0)
    summary = panel.summary_label
    assert summary.textFormat() == Qt.TextFormat.RichText
    assert summary.text() == '<p>Talks <a href="https://example.org/x">end</a> early</p>'
    assert not summary.openExternalLinks()
    assert panel.media_label.isVisible() and 'href="https://example.org/photo.jpg"' in panel.media_label.text()
    assert panel.media_credit_label.text() == "The hotel · Credit: AP"
    assert panel.display_date_label.text() == "As the file shows it: Late February"
    text = panel.visible_text()
    assert "Talks end early" in text and "Media: https://example.org/photo.jpg" in text and "<" not in text


def test_a_link_is_opened_only_when_it_is_http_or_https(panel: DetailsPanel, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    panel.show_event(imported(tmp_path), 0)
    panel.summary_label.linkActivated.emit("https://example.org/x")
    panel.summary_label.linkActivated.emit("file:///etc/passwd")
    assert opened == ["https://example.org/x"]
