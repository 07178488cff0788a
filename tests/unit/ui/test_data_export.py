"""File > Export Data…: the data formats from the writers table, written where the dialog says, what the format
could not hold told in a message box; the file shown is never written over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.model.loader import load
from viewer.ui import data_export
from viewer.ui.main_window import MainWindow


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window(size=(1200, 800))


def test_the_file_menu_offers_export_data(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert "Export &Data…" in texts and texts.index("Export &Data…") == texts.index("&Export…") + 1


def test_export_data_writes_timelinejs_and_tells_what_it_left_out(window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    asked: list[str] = []

    def fake_dialog(parent, title, start, filters):
        asked.append(filters)
        return str(tmp_path / "timeline"), "TimelineJS JSON (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    window.show_data_export()
    output = tmp_path / "timeline.json"  # the filter's suffix added
    assert asked == ["YAML chronology (*.yaml *.yml);;TimelineJS JSON (*.json);;TimelineJS sheet (CSV) (*.csv);;"
                     "iCalendar (*.ics)"]  # fmt: skip
    assert len(json.loads(output.read_text(encoding="utf-8"))["events"]) == len(window.store())
    reread = load(output)
    assert reread.ok and len(reread.store) == len(window.store())
    count = len(window.store())
    assert window.statusBar().currentMessage() == f"Exported timeline.json (TimelineJS JSON, {count} events)"
    box = window.property("dataExportBox")
    store = window.store()
    quotes = sum(len(e.quotes) for e in store.events) + sum(len(era.quotes) for era in store.eras)
    assert isinstance(box, QMessageBox) and f"quotes: {quotes}" in box.informativeText()
    box.close()


def test_the_file_shown_is_never_written_over(window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    store = window.store()
    shown = store.path
    warned: list[str] = []
    chosen = (str(shown), "YAML chronology (*.yaml *.yml)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: chosen))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    before = shown.read_bytes()
    assert data_export.ask_and_save(window, store) is None
    assert warned and "is the file shown" in warned[0]
    assert shown.read_bytes() == before
