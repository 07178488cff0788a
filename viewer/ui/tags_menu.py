"""View > Tags: the legend's tag toggles from the keyboard.

The legend under the timeline turns a tag's events off and on with a click, but it is painted, so neither a
keyboard nor a screen reader can reach it. This menu offers the same choices as checkable actions, made from
the `ViewState` each time it opens (the tags of the chronology shown, checked while their events are drawn).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

from viewer.viewstate import ViewState


class TagsMenu(QMenu):
    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__("Ta&gs", parent)
        self.state = state
        self.setAccessibleName("Tags")
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.clear()
        state = self.state
        show_all = self.addAction("Show &All Tags")
        show_all.setStatusTip("Draw every event again, whatever its tags")
        show_all.setEnabled(state.tag_filter is not None)
        show_all.triggered.connect(lambda: state.set_tag_filter(None))
        tags = state.store.tags()
        if tags:
            self.addSeparator()
        for tag in tags:
            action = self.addAction(tag.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(state.tag_shown(tag))
            action.setStatusTip(f"Show or hide the events tagged {tag}")
            action.triggered.connect(lambda _checked=False, t=tag: state.toggle_tag(t))
        self.setEnabled(True)
