"""The main window as a reader meets it: click, read, step, search, open a bad file, drop a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence

from viewer.render.theme import THEMES
from viewer.resources import DATA_DIR, SHIPPED_CHRONOLOGY
from viewer.ui.main_window import SEARCH_PLACEHOLDER, MainWindow, first_size, range_in_words, recent_labels

# Qt's offscreen platform warns that it cannot raise windows or pass on size hints; that is not ours to fix.


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window(size=(1400, 850))


@pytest.fixture
def chronology_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "chronology"
    shutil.copytree(DATA_DIR, folder)
    return folder / "events.yaml"


def painted(qtbot, win: MainWindow) -> None:
    """Wait until the timeline has painted a frame of its current store."""
    win.view.repaint()
    qtbot.waitUntil(lambda: any(win.view.event_rect(i) is not None for i in range(len(win.store()))), timeout=3000)


def first_drawn(win: MainWindow) -> int:
    for i in range(len(win.store())):
        if win.view.event_rect(i) is not None:
            return i
    raise AssertionError("no event drawn")


def test_title_counts_and_empty_details(window: MainWindow, shipped_store) -> None:
    assert window.windowTitle() == f"{shipped_store.header.title} — events.yaml — Timeline Viewer"
    assert Path(window.windowFilePath()) == SHIPPED_CHRONOLOGY
    assert window.count_label.text() == f"{len(shipped_store)} events"
    assert window.range_label.text()
    assert window.details.is_empty()
    assert "Click an event" in window.details.visible_text()
    assert not window.problems_dock.isVisible()


def test_clicking_an_event_shows_its_quotes(window: MainWindow, qtbot) -> None:
    painted(qtbot, window)
    store = window.store()
    index = first_drawn(window)
    rect = window.view.event_rect(index)
    assert rect is not None
    # Click on the marker's end of the event's box, which is the event whatever its label does.
    point = QPoint(int(rect.left() + 6), int(rect.center().y()))
    assert window.view.hit(point.x(), point.y()).index == index
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton, pos=point)
    assert window.view.selected() == index
    event = store.events[index]
    assert window.details.quote_texts() == [q.text for q in event.quotes]
    shown = window.details.visible_text()
    assert event.title in shown
    assert event.quotes[0].text in shown
    assert store.sources[event.quotes[0].source_id].byline() in shown


def test_clicking_empty_space_clears_the_details(window: MainWindow, qtbot) -> None:
    painted(qtbot, window)
    window.view.select(first_drawn(window))
    assert not window.details.is_empty()
    window.view.select(None)
    assert window.details.is_empty()


def test_tab_steps_through_events_in_time_order(window: MainWindow, qtbot, shipped_store) -> None:
    painted(qtbot, window)
    window.view.setFocus()
    window.view.select(0)
    seen = [0]
    for _ in range(5):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        seen.append(window.view.selected())
    assert seen == [0, 1, 2, 3, 4, 5]
    starts = [shipped_store.events[i].start_seconds for i in seen]
    assert starts == sorted(starts)
    assert window.details.shown_event().id == shipped_store.events[5].id
    qtbot.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.view.selected() == 4
    assert window.details.shown_event().id == shipped_store.events[4].id


def test_search_narrows_what_is_shown_and_enter_steps_through_matches(window: MainWindow, qtbot) -> None:
    store = window.store()
    assert window.search_edit.placeholderText() == SEARCH_PLACEHOLDER
    assert window.search_edit.isClearButtonEnabled()
    qtbot.keyClicks(window.search_edit, "Hanoi")
    matches = window.view.matches()
    assert 1 < len(matches) < len(store)
    own = store.search("Hanoi")  # and the events quoting a source near a passage that says Hanoi
    assert set(own.tolist()) <= set(matches.tolist())
    assert all(window.state.passages_for(int(i)) for i in np.setdiff1d(matches, own))
    assert window.search_count.text() == f"{len(matches)} matches"
    window.view.fit_all()
    painted(qtbot, window)
    drawn = {i for i in range(len(store)) if window.view.event_rect(i) is not None}
    assert drawn, "some match is drawn"
    assert drawn <= set(matches.tolist()), "only matches are drawn while searching"

    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.view.selected() == matches[0]
    assert window.search_count.text() == f"1 of {len(matches)}"
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.view.selected() == matches[1]
    assert window.details.shown_event() is store.events[matches[1]]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selected() == matches[0]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selected() == matches[-1], "Shift+Enter wraps to the last match"
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.view.selected() == matches[0], "Enter wraps to the first match"

    window.search_edit.clear()
    assert window.view.matches() is None
    assert window.search_count.text() == ""


def test_search_without_matches_says_so(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.search_edit, "zzqqxx")
    assert window.search_count.text() == "No matches"
    assert len(window.view.matches()) == 0
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.view.selected() is None
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)
    assert window.search_edit.text() == ""
    assert window.view.matches() is None


def test_find_shortcut_focuses_the_search_box(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.view.hasFocus(), timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_edit.hasFocus(), timeout=2000)


def test_menus_have_the_standard_shortcuts(window: MainWindow) -> None:
    def keys(action) -> set[str]:
        return {k.toString() for k in action.shortcuts()}

    assert "Ctrl+O" in keys(window.open_action)
    assert "F5" in keys(window.reload_action)
    assert "Ctrl+E" in keys(window.export_action)
    assert "Ctrl+Q" in keys(window.quit_action)
    assert {"Ctrl+=", "Ctrl++"} <= keys(window.zoom_in_action)
    assert "Ctrl+-" in keys(window.zoom_out_action)
    assert "Ctrl+0" in keys(window.fit_action)
    assert QKeySequence("Ctrl+F") in window.find_action.shortcuts()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Help"]
    rows = dict(window.shortcut_rows())
    assert rows["Ctrl+O"] == "Open"
    assert rows["Ctrl++, Ctrl+="] == "Zoom In"
    assert any("Tab" in k for k in rows)


def test_zoom_actions_change_the_visible_range(window: MainWindow) -> None:
    t0, t1 = window.view.visible_range()
    window.zoom_in_action.trigger()
    z0, z1 = window.view.visible_range()
    assert z1 - z0 < t1 - t0
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    o0, o1 = window.view.visible_range()
    assert o1 - o0 > z1 - z0
    assert window.range_label.text() == range_in_words(o0, o1)


def test_theme_actions_are_exclusive_and_apply(window: MainWindow) -> None:
    window.theme_actions["dark"].trigger()
    assert window.view.theme() == THEMES["dark"]
    assert [k for k, a in window.theme_actions.items() if a.isChecked()] == ["dark"]
    window.theme_actions["light"].trigger()
    assert window.view.theme() == THEMES["light"]
    assert [k for k, a in window.theme_actions.items() if a.isChecked()] == ["light"]
    window.theme_actions["system"].trigger()
    assert window.theme_choice() == "system"
    assert window.view.theme() == THEMES[window.theme_name()]


def test_a_broken_file_is_listed_and_the_last_good_chronology_stays(window: MainWindow, tmp_path: Path) -> None:
    before = window.store()
    title = window.windowTitle()
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        'timeline:\n  title: Broken\nsources: []\nevents:\n  - id: a\n    titel: Typo\n    date: "2019-02-30"\n',
        encoding="utf-8",
    )
    window.open_file(broken)
    assert window.store() is before, "a failed load never replaces what is shown"
    assert window.windowTitle() == title
    assert window.problems_dock.isVisible()
    rows = window.problems.rows()
    assert rows and all(row.split(" ", 1)[0].count(":") == 1 for row in rows), rows
    assert any("titel" in row and "did you mean" in row for row in rows), rows
    assert "showing the last good version" in window.status_message()
    assert f"{len(rows)} problems" in window.status_message()
    row = next(i for i, r in enumerate(rows) if "titel" in r)
    window.problems.list.setCurrentRow(row)
    assert "titel: Typo" in window.problems.context_text()


def test_an_empty_file_shows_an_empty_timeline_and_says_why(window: MainWindow, tmp_path: Path, qtbot) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.loader.finished, timeout=5000):  # off the GUI thread: its size says nothing
        window.open_file(empty)
    assert window.store() is not None and len(window.store()) == 0
    assert "empty" in window.status_message()
    assert window.problems_dock.isVisible()
    assert window.count_label.text() == "0 events"


def test_opening_a_file_records_it_in_open_recent(window: MainWindow, chronology_copy: Path) -> None:
    window.open_file(chronology_copy)
    assert window.shown_path() == chronology_copy
    assert window.recent_files()[:2] == [str(chronology_copy), str(SHIPPED_CHRONOLOGY)]
    window._fill_recent_menu()
    labels = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert labels == [f"&1 events.yaml — {chronology_copy.parent.name}", "&2 events.yaml — data"]  # told apart
    window.clear_recent_action.trigger()
    assert window.recent_files() == []


def test_recent_files_keep_at_most_ten(window: MainWindow, tmp_path: Path) -> None:
    for n in range(12):
        window.settings.add_recent_file(str(tmp_path / f"f{n}.yaml"))
    assert len(window.recent_files()) == 10
    assert window.recent_files()[0].endswith("f11.yaml")


def _drag_event(kind, path: Path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    if kind is QDragEnterEvent:
        return mime, QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                     Qt.KeyboardModifier.NoModifier)  # fmt: skip
    return mime, QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip


def test_dropping_a_file_opens_it(window: MainWindow, chronology_copy: Path) -> None:
    _mime, enter = _drag_event(QDragEnterEvent, chronology_copy)
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    _mime2, drop = _drag_event(QDropEvent, chronology_copy)
    window.dropEvent(drop)
    assert window.shown_path() == chronology_copy


def test_dragging_something_that_is_not_a_file_is_refused(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(1, 1), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    _mime, folder_enter = _drag_event(QDragEnterEvent, tmp_path)
    window.dragEnterEvent(folder_enter)
    assert not folder_enter.isAccepted()


def test_range_in_words_suits_the_span() -> None:
    day = 86_400.0
    may_2018 = 17_652 * day  # 1 May 2018
    assert range_in_words(may_2018, may_2018 + 400 * day) == "May 2018 – June 2019"
    assert range_in_words(may_2018, may_2018 + 10 * day) == "1–10 May 2018"
    assert range_in_words(may_2018, may_2018 + 30 * 365 * day) == "2018–2048"


@pytest.mark.parametrize(
    "available,expected",
    [((1920, 1040), (1632, 884)), ((960, 510), (960, 510)), ((3840, 2100), (1800, 1100)), ((1280, 700), (1088, 640))],
)
def test_the_first_window_fits_the_screen(available, expected) -> None:
    """High-DPI scaling halves the logical screen: the first window must still fit on it."""
    size = first_size(QSize(*available))
    assert (size.width(), size.height()) == expected
    assert size.width() <= available[0] and size.height() <= available[1]


def test_the_status_bar_says_how_many_events_match(window: MainWindow, qtbot, shipped_store) -> None:
    qtbot.keyClicks(window.search_edit, "Hanoi")
    matches = len(window.view.matches())
    assert 0 < matches < len(shipped_store)
    assert window.count_label.text().startswith(f"{matches} of {len(shipped_store)} events shown")
    window.search_edit.clear()
    assert window.count_label.text() == f"{len(shipped_store)} events"


def test_escape_and_tab_leave_the_search_for_the_timeline(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    for leave in (Qt.Key.Key_Escape, Qt.Key.Key_Tab):
        window.focus_search()
        qtbot.waitUntil(window.search_edit.hasFocus, timeout=1000)
        qtbot.keyClicks(window.search_edit, "summit")
        if leave is Qt.Key.Key_Escape:
            qtbot.keyClick(window.search_edit, leave)  # the first Escape clears the search
            assert window.search_edit.text() == "" and window.search_edit.hasFocus()
        else:
            window.search_edit.clear()
        qtbot.keyClick(window.search_edit, leave)
        qtbot.waitUntil(window.view.hasFocus, timeout=1000)


def test_open_recent_tells_files_of_the_same_name_apart() -> None:
    paths = ["/work/a/data/events.yaml", "/work/b/data/events.yaml", "/tmp/events.yaml", "/x/other.yaml"]
    labels = recent_labels(paths)
    assert labels == ["events.yaml — a/data", "events.yaml — b/data", "events.yaml — tmp", "other.yaml"]
    assert len(set(labels)) == 4


def test_the_shortcuts_dialog_shows_every_row_whole(window: MainWindow, qtbot) -> None:
    from viewer.ui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window.shortcut_rows(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    keys_width = table.columnWidth(0)
    for row in range(table.rowCount()):
        keys = table.item(row, 0).text()
        assert table.fontMetrics().horizontalAdvance(keys) <= keys_width
        assert "Exit" not in keys.split(", ")  # a media key, not worth listing


def test_a_small_window_keeps_most_of_its_width_for_the_timeline(open_window, qtbot) -> None:
    window = open_window(size=(800, 600))
    qtbot.waitUntil(lambda: window.details_dock.width() <= 0.3 * window.width() + 1, timeout=2000)
    assert window.view.width() >= 0.6 * window.width()


def test_closing_the_details_says_how_to_get_them_back(window: MainWindow, qtbot) -> None:
    window.details_toggle.trigger()
    qtbot.waitUntil(lambda: not window.details_dock.isVisible(), timeout=1000)
    assert "View > Details Panel (Ctrl+D)" in window.status_message()
    window.details_toggle.trigger()
    qtbot.waitUntil(window.details_dock.isVisible, timeout=1000)
