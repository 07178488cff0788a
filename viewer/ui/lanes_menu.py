"""View > Lanes (none, by tag, by group; show hidden lanes) and the menu of a lane's header, as views of the
lane choices the `ViewState` holds: choosing acts on the state, and the checks follow what it says."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from viewer.render.lanes import LaneMode, lane_title
from viewer.viewstate import ViewState

MODE_TEXTS = {LaneMode.NONE: "&No Lanes", LaneMode.TAGS: "By &Tag", LaneMode.GROUP: "By &Group"}
MODE_TIPS = {
    LaneMode.NONE: "One stack of rows for every event",
    LaneMode.TAGS: "A lane per tag; an event with several tags is in each of their lanes",
    LaneMode.GROUP: "A lane per group (the events' 'group' field)",
}


class LaneActions(QObject):
    """The checkable lane modes and "Show Hidden Lanes", kept in step with the state."""

    def __init__(self, state: ViewState, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[LaneMode, QAction] = {}
        for number, mode in enumerate(LaneMode):
            action = QAction(MODE_TEXTS[mode], self)
            action.setCheckable(True)
            action.setStatusTip(MODE_TIPS[mode])
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _=False, m=mode: state.set_lane_mode(m))
            parent.addAction(action)  # the keys work while the menu bar is hidden
            self.group.addAction(action)
            self.actions[mode] = action
        self.show_hidden = QAction("Show &Hidden Lanes", self)
        self.show_hidden.setStatusTip("Show again every lane hidden from its header's menu")
        self.show_hidden.triggered.connect(state.show_all_lanes)
        state.lanes_changed.connect(self.sync)
        state.store_changed.connect(self.sync)
        self.sync()

    def fill(self, menu: QMenu) -> None:
        for action in self.actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.show_hidden)

    def sync(self) -> None:
        lanes = self.state.lanes
        self.actions[lanes.mode].setChecked(True)
        present = set(self.state.lane_keys())
        hidden = sorted(lane_title(lanes.mode, key) for key in lanes.hidden & present)
        self.show_hidden.setEnabled(bool(hidden))
        self.show_hidden.setText(f"Show &Hidden Lanes ({', '.join(hidden)})" if hidden else "Show &Hidden Lanes")


def lane_menu(state: ViewState, key: str, parent: QWidget) -> QMenu:
    """The menu of a lane's header: collapse or open it, move it, hide it, show the hidden ones."""
    lanes = state.lanes
    keys = state.lane_keys()
    visible = [k for k in keys if k not in lanes.hidden]
    position = visible.index(key) if key in visible else -1
    menu = QMenu(parent)
    title = lane_title(lanes.mode, key)
    menu.setAccessibleName(f"Lane {title}")
    collapsed = key in lanes.collapsed
    toggle = menu.addAction("&Expand" if collapsed else "&Collapse")
    toggle.triggered.connect(lambda: state.set_lane_collapsed(key, not collapsed))
    menu.addSeparator()
    up = menu.addAction("Move &Up")
    up.setEnabled(position > 0)
    up.triggered.connect(lambda: state.move_lane(key, keys.index(visible[position - 1])))
    down = menu.addAction("Move &Down")
    down.setEnabled(0 <= position < len(visible) - 1)
    down.triggered.connect(lambda: state.move_lane(key, keys.index(visible[position + 1])))
    menu.addSeparator()
    hide = menu.addAction(f"&Hide “{title}”")
    hide.setEnabled(len(visible) > 1)  # the last lane stays: an empty picture would say nothing
    hide.triggered.connect(lambda: state.set_lane_hidden(key, True))
    show = menu.addAction("Show Hidden &Lanes")
    show.setEnabled(bool(lanes.hidden & set(keys)))
    show.triggered.connect(state.show_all_lanes)
    return menu
