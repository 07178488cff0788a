"""Live reload: a saved change shows up, a broken save never replaces the view, a fix shows again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.resources import DATA_DIR
from viewer.ui.main_window import MainWindow

WAIT_MS = 5000


@pytest.fixture
def chronology(tmp_path: Path) -> Path:
    folder = tmp_path / "chronology"
    shutil.copytree(DATA_DIR, folder)
    return folder / "events.yaml"


@pytest.fixture
def window(open_window, chronology: Path) -> MainWindow:
    win = open_window(chronology)
    assert win.store() is not None and not win.problems_dock.isVisible()
    return win


def added_event(window: MainWindow, event_id: str, title: str) -> str:
    """YAML for one more event (appended to the events list), quoting a passage the store already proves."""
    quote = window.store().events[0].quotes[0]
    text = quote.text.replace('"', '\\"')
    return (
        f'\n  - id: {event_id}\n    title: {title}\n    date: "2018-07"\n    quotes:\n'
        f'      - source: {quote.source_id}\n        text: "{text}"\n'
    )


def ids(window: MainWindow) -> set[str]:
    return {e.id for e in window.store().events}


def test_clean_then_broken_then_fixed(window: MainWindow, chronology: Path, qtbot) -> None:
    original = chronology.read_text(encoding="utf-8")
    clean = original + added_event(window, "live-one", "Added while the window watched")
    chronology.write_text(clean, encoding="utf-8")
    qtbot.waitUntil(lambda: "live-one" in ids(window), timeout=WAIT_MS)
    assert not window.problems_dock.isVisible()
    shown = window.store()

    chronology.write_text(clean + "\n  - id: broken\n    title: [unclosed\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.problems_dock.isVisible() and bool(window.problems.rows()), timeout=WAIT_MS)
    assert window.store() is shown, "a broken file never replaces the view"
    assert "showing the last good version" in window.status_message()
    assert all(":" in row.split(" ", 1)[0] for row in window.problems.rows())

    fixed = clean + added_event(window, "live-two", "Fixed and saved again")
    chronology.write_text(fixed, encoding="utf-8")
    qtbot.waitUntil(lambda: "live-two" in ids(window), timeout=WAIT_MS)
    assert "live-one" in ids(window)
    qtbot.waitUntil(lambda: not window.problems_dock.isVisible(), timeout=WAIT_MS)


def test_reload_keeps_zoom_and_selection(window: MainWindow, chronology: Path, qtbot) -> None:
    store = window.store()
    chosen = store.events[len(store) // 2]
    window.view.select(store.index_of(chosen.id))
    window.view.zoom_in()
    visible = window.view.visible_range()
    chronology.write_text(chronology.read_text(encoding="utf-8") + added_event(window, "extra", "Extra"),
                          encoding="utf-8")  # fmt: skip
    qtbot.waitUntil(lambda: window.store() is not store, timeout=WAIT_MS)
    assert window.view.visible_range() == pytest.approx(visible)
    new_store = window.store()
    assert window.view.selected() == new_store.index_of(chosen.id)
    assert window.details.shown_event().id == chosen.id


def test_an_editor_that_renames_a_new_file_over_the_old_one(window: MainWindow, chronology: Path, qtbot) -> None:
    original = chronology.read_text(encoding="utf-8")
    for number in (1, 2):  # the second save proves the file is watched again after the first rename
        temporary = chronology.with_name(f".events.yaml.swp{number}")
        original += added_event(window, f"renamed-{number}", f"Saved by rename {number}")
        temporary.write_text(original, encoding="utf-8")
        temporary.replace(chronology)
        qtbot.waitUntil(lambda n=number: f"renamed-{n}" in ids(window), timeout=WAIT_MS)
    assert str(chronology) in window.watcher.files()


def test_a_burst_of_saves_gives_one_reload(window: MainWindow, chronology: Path, qtbot) -> None:
    loads: list[object] = []
    window.loader.finished.connect(lambda result, _reason: loads.append(result))
    text = chronology.read_text(encoding="utf-8")
    for number in range(5):
        text += added_event(window, f"burst-{number}", f"Burst {number}")
        chronology.write_text(text, encoding="utf-8")
        qtbot.wait(20)
    qtbot.waitUntil(lambda: "burst-4" in ids(window), timeout=WAIT_MS)
    qtbot.wait(400)
    assert len(loads) == 1


def test_a_vanished_file_keeps_the_view_until_it_returns(window: MainWindow, chronology: Path, qtbot) -> None:
    store = window.store()
    text = chronology.read_text(encoding="utf-8")
    chronology.unlink()
    qtbot.wait(400)
    assert window.store() is store
    chronology.write_text(text + added_event(window, "back", "Back again"), encoding="utf-8")
    qtbot.waitUntil(lambda: "back" in ids(window), timeout=WAIT_MS)


def test_editing_a_source_text_is_followed_too(window: MainWindow, chronology: Path, qtbot) -> None:
    """A source edited so that a quote no longer matches is noticed without F5, and the view is kept."""
    source = next(s for s in window.store().sources.values() if s.file is not None)
    quote = next(q for e in window.store().events for q in e.quotes if q.source_id == source.id)
    original = source.file.read_text(encoding="utf-8")
    shown = window.store()
    source.file.write_text(original.replace(quote.text, "a passage rewritten"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.problems_dock.isVisible(), timeout=WAIT_MS)
    assert "not verbatim" in window.problems.problems()[0].message
    assert window.store() is shown  # the last good chronology stays on screen
    source.file.write_text(original, encoding="utf-8")
    qtbot.waitUntil(lambda: not window.problems_dock.isVisible(), timeout=WAIT_MS)
    assert window.store() is not shown
