"""The window opens TimelineJS, spreadsheets and calendars like YAML: from the open dialog's filter, by a drop,
and a broken one keeps the last good view with its problems listed by line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from viewer.model.readers import open_filter
from viewer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window(size=(1200, 800))


def test_the_open_dialog_offers_every_format() -> None:
    chosen = open_filter().split(";;")
    assert chosen[0].startswith("Chronologies (") and all(s in chosen[0] for s in ("*.json", "*.csv", "*.tsv", "*.ics"))
    assert "TimelineJS JSON (*.json)" in chosen and chosen[-1] == "All files (*)"


@pytest.mark.parametrize("name", ["valid.json", "valid_sheet.csv", "valid.tsv", "valid.ics"])
def test_a_dropped_file_of_each_format_opens(window: MainWindow, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(CORPUS / name, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(drop)
    assert window.shown_path() == path
    assert len(window.store()) > 0 and not any(event.cited for event in window.store().events)


def test_a_broken_timelinejs_file_keeps_the_last_good_view(window: MainWindow, tmp_path: Path) -> None:
    before = window.store()
    path = tmp_path / "broken.json"
    shutil.copy(CORPUS / "json_month_out_of_range.json", path)
    window.open_file(path)
    assert window.store() is before
    assert window.problems_dock.isVisible()
    (row,) = window.problems.rows()
    assert "6:47" in row and "'start_date': the month should be from 1 to 12, not 13" in row
