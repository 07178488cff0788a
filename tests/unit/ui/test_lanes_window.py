"""Lanes, links and eras in the window: View > Lanes, a lane's header clicked, dragged and hidden, the choices
remembered; the details panel's links jump to the other end; the overview shows the eras."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from viewer.render.lanes import LaneMode
from viewer.ui.main_window import MainWindow
from viewer.viewstate import SearchMode

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

CHRONOLOGY = """\
timeline: {title: Links and eras, show: {from: 2018-05, to: 2019-03}}
sources: [{id: a, title: A, file: sources/article.txt}]
eras:
  - {title: Between the summits, start: 2018-06, end: 2019-02}
events:
  - {id: s, title: Singapore meeting, date: 2018-06-12, tags: [United States, North Korea], group: Leaders,
     quotes: [{source: a, text: Singapore}], links: [{to: h, label: led to}]}
  - {id: h, title: Hanoi meeting, date: 2019-02-27, tags: [Vietnam], quotes: [{source: a, text: Hanoi}]}
  - {id: v, title: Vietnam alone, date: 2018-09-01, tags: [Vietnam], quotes: [{source: a, text: Vietnam}]}
"""


def mouse(widget, kind: QEvent.Type, pos: QPointF, buttons=Qt.MouseButton.LeftButton) -> None:
    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, event)


def chronology(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(CORPUS / "sources" / "article.txt", tmp_path / "sources" / "article.txt")
    path = tmp_path / "links.yaml"
    path.write_text(CHRONOLOGY, encoding="utf-8")
    return path


def settled(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.store() is not None, timeout=5000)
    window.view.grab()


def lanes(window: MainWindow):
    window.view.grab()
    return window.view.painter().scene.lanes


def test_view_lanes_menu_switches_modes_and_is_remembered(open_window, qtbot) -> None:
    window = open_window(size=(1400, 850))
    settled(qtbot, window)
    assert not lanes(window)
    menu_texts = [a.text() for a in window.lanes_menu.actions()]
    assert menu_texts[:3] == ["&No Lanes", "By &Tag", "By &Group"]
    window.lane_actions.actions[LaneMode.TAGS].trigger()
    keys = [lane.key for lane in lanes(window)]
    assert keys[:3] == ["United States", "North Korea", "Vietnam"]
    assert window.settings.get("view/lanes") == "tags"
    window.close()
    again = open_window(size=(1400, 850))
    settled(qtbot, again)
    assert again.state.lanes.mode is LaneMode.TAGS and again.lane_actions.actions[LaneMode.TAGS].isChecked()


def test_a_header_click_collapses_a_drag_moves_and_the_menu_hides(open_window, qtbot) -> None:
    window = open_window(size=(1400, 900))
    settled(qtbot, window)
    window.state.set_lane_mode(LaneMode.TAGS)
    view = window.view
    first = lanes(window)[0]
    point = QPointF(200, first.header.y + first.header.height / 2)
    assert "Click to collapse" in view.tooltip_at(point)
    mouse(view, QEvent.Type.MouseButtonPress, point)
    mouse(view, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)
    assert window.state.lanes.collapsed == {first.key}
    assert lanes(window)[0].collapsed
    # Drag the third lane's header above the first.
    third = lanes(window)[2]
    start = QPointF(300, third.header.y + 5)
    target = QPointF(300, lanes(window)[0].header.y + 2)
    mouse(view, QEvent.Type.MouseButtonPress, start)
    mouse(view, QEvent.Type.MouseMove, QPointF(300, start.y() - 20))
    mouse(view, QEvent.Type.MouseMove, target)
    mouse(view, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert lanes(window)[0].key == third.key
    assert window.settings.get("view/lane_order")[0] == third.key
    # The header's menu hides a lane; View > Lanes brings it back.
    from viewer.ui.lanes_menu import lane_menu

    menu = lane_menu(window.state, third.key, view)
    hide = next(a for a in menu.actions() if a.text().startswith("&Hide"))
    hide.trigger()
    assert third.key not in [lane.key for lane in lanes(window)]
    assert window.lane_actions.show_hidden.isEnabled() and third.key in window.lane_actions.show_hidden.text()
    assert window.settings.get("view/lanes_hidden") == [third.key]
    window.lane_actions.show_hidden.trigger()
    assert third.key in [lane.key for lane in lanes(window)]


def test_the_details_panel_lists_links_and_jumps_to_the_other_end(open_window, qtbot, tmp_path: Path) -> None:
    window = open_window(chronology(tmp_path), size=(1400, 850))
    settled(qtbot, window)
    store = window.store()
    window.view.select(store.index_of("s"))
    assert window.details.links.texts() == ["→ Hanoi meeting (27 February 2019) — led to"]
    window.details.links.activate(0)
    assert window.view.selected() == store.index_of("h")
    assert window.details.links.texts() == ["← Singapore meeting (12 June 2018) — led to"]
    assert "Followed from" in window.details.visible_text()


def test_jumping_to_a_filtered_out_event_turns_the_filter_off(open_window, qtbot, tmp_path: Path) -> None:
    window = open_window(chronology(tmp_path), size=(1400, 850))
    settled(qtbot, window)
    store = window.store()
    window.state.show_only_tag("United States")
    assert window.count_label.text() == "1 of 3 events shown"
    window.view.select(store.index_of("s"))
    window.details.links.activate(0)
    assert window.view.selected() == store.index_of("h") and window.state.tag_filter is None
    assert "Filters turned off" in window.status_message()
    assert window.count_label.text() == "3 events"


def test_search_can_highlight_instead_of_filtering(open_window, qtbot, tmp_path: Path) -> None:
    window = open_window(chronology(tmp_path), size=(1400, 850))
    settled(qtbot, window)
    qtbot.keyClicks(window.search_edit, "Hanoi")
    assert window.count_label.text() == "1 of 3 events shown"
    window.search_filter_action.setChecked(False)
    assert window.state.search_mode is SearchMode.HIGHLIGHT
    assert window.count_label.text() == "3 events"
    window.view.grab()
    faded = {glyph.index: glyph.mark.alpha for glyph in window.view.painter().scene.events}
    assert faded[window.store().index_of("h")] == 1.0 and faded[window.store().index_of("v")] < 1.0
    assert window.settings.get("view/search_mode") == "highlight"


def test_the_overview_shows_the_eras(open_window, qtbot, tmp_path: Path) -> None:
    window = open_window(chronology(tmp_path), size=(1400, 850))
    settled(qtbot, window)
    ((era, rect),) = window.overview.era_rects()
    assert era.title == "Between the summits" and 0 <= rect.left() < rect.right() < window.overview.width()
    window.overview.grab()
