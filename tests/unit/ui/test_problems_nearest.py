"""The problems panel: only there when the file has problems, and for a quote not in its source, the nearest
passage with the first difference marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.resources import DATA_DIR
from viewer.ui.main_window import MainWindow

RIGHT = "transformed Hanoi's self-sufficient socialist economy"


@pytest.fixture
def misquoted(tmp_path: Path) -> Path:
    folder = tmp_path / "chronology"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "events.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "Vietnam, which opened up its economy under Doi Moi reforms in the 1980s"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor.replace("economy under", "economy undre")), encoding="utf-8")
    return path


def test_a_misquote_shows_the_nearest_passage_and_where_it_differs(open_window, qtbot, misquoted: Path) -> None:
    window: MainWindow = open_window(misquoted, size=(1200, 800))
    qtbot.waitUntil(lambda: bool(window.problems.rows()), timeout=5000)
    assert window.problems_dock.isVisible() and window.problems_toggle.isEnabled()
    rows = window.problems.rows()
    row = next(i for i, r in enumerate(rows) if "not verbatim" in r)
    window.problems.list.setCurrentRow(row)
    context = window.problems.context_text()
    assert "The nearest passage of source 'nikkei', line" in context
    lines = context.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("quote:  "))
    quote, source, caret = lines[at : at + 3]
    column = caret.index("^")
    assert quote[column:].startswith("re") and source[column:].startswith("er")
    assert quote[:column].endswith("economy und") and source[:column].endswith("economy und")

    misquoted.write_text(misquoted.read_text(encoding="utf-8").replace("economy undre", "economy under"),
                         encoding="utf-8")  # fmt: skip
    window.reload()
    qtbot.waitUntil(lambda: not window.problems_dock.isVisible(), timeout=5000)
    assert not window.problems_toggle.isEnabled(), "no empty problems panel to open"
    assert window.problems.rows() == []


def test_a_clean_file_has_no_problems_panel(open_window) -> None:
    window: MainWindow = open_window(size=(1000, 700))
    assert not window.problems_dock.isVisible()
    assert not window.problems_toggle.isEnabled()
    window.problems_toggle.trigger()
    assert not window.problems_dock.isVisible()
