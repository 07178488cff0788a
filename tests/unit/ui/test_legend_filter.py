"""The legend as a filter: a click on an entry hides its tag's events, Ctrl+click shows only them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.unit.ui.test_timeline_view import shown_view


def click(widget, pos: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        held = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.LeftButton, held, modifiers)
        QApplication.sendEvent(widget, event)


def entry_point(widget, tag: str) -> QPointF:
    scene = widget.painter().scene
    entry = next(e for e in scene.legend if e.tag == tag)
    return QPointF(entry.text.box.x + entry.text.box.width / 2, entry.box.y + entry.box.height / 2)


def drawn_ids(widget) -> set[str]:
    widget.grab()
    store = widget.store()
    return {store.events[glyph.index].id for glyph in widget.painter().scene.events}


def test_clicking_a_legend_entry_toggles_its_tag(qtbot, shipped_store) -> None:
    widget = shown_view(qtbot, shipped_store, 1400, 700)
    widget.fit_all()
    widget.grab()
    only_vietnam = {e.id for e in shipped_store.events if e.tags == ("Vietnam",)}
    assert only_vietnam & drawn_ids(widget)
    point = entry_point(widget, "Vietnam")
    assert widget.legend_at(point.x(), point.y()) == "Vietnam"
    assert "hide" in widget.tooltip_at(point)
    click(widget, point)
    assert not widget.state.tag_shown("Vietnam")
    assert not only_vietnam & drawn_ids(widget)
    entry = next(e for e in widget.painter().scene.legend if e.tag == "Vietnam")
    assert not entry.on, "the entry stays in the legend, drawn as off, to be clicked on again"
    assert "show" in widget.tooltip_at(entry_point(widget, "Vietnam"))
    click(widget, entry_point(widget, "Vietnam"))
    assert widget.state.tag_filter is None


def test_ctrl_click_shows_only_that_tag(qtbot, shipped_store) -> None:
    widget = shown_view(qtbot, shipped_store, 1400, 700)
    widget.fit_all()
    widget.grab()
    click(widget, entry_point(widget, "Vietnam"), Qt.KeyboardModifier.ControlModifier)
    drawn = drawn_ids(widget)
    assert drawn and all("Vietnam" in shipped_store.events[shipped_store.index_of(i)].tags for i in drawn)
    assert widget.selected() is None, "a legend click selects nothing"
