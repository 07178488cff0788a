"""The timeline as a screen reader meets it: every event and cluster it shows is an accessible child.

The timeline paints its events itself, so Qt's accessibility tree saw one node, "Timeline", with nothing
inside. PySide6 lets Python subclass both `QAccessibleWidget` (the timeline's own node) and
`QAccessibleInterface` (a node with no widget behind it), and `QAccessible.installFactory` takes a Python
callable; both were tried under PySide6 6.11 before this was built on them. The factory hands Qt a
`TimelineAccessible` for each `TimelineView`, whose children are `EventNode`s and `ClusterNode`s answered
from the scene the timeline shows (its `Scene` records: glyph boxes, cluster pills), never by painting:

- an event: role ListItem, name = its title, description = its date in words, its precision and its marks
  ("27–28 February 2019; a range of days; approximate"), state selectable / selected / focused;
- a cluster: "14 events, 3–9 March 2019", with how to open it.

Children are in time order (events and clusters merged), so a screen reader's "next" walks the chronology.
When the selection moves (Tab, a click, the table), the timeline tells Qt with a Focus and a Selection event
on the selected child, which is how a screen reader knows to speak it.

Qt keeps object-less interfaces that an assistive technology has seen in its cache, by pointer, until the
application ends; so a node, once made, is kept (and marked stale when its event leaves the picture or the
chronology is replaced) rather than freed while Qt may still point at it. Only nodes an assistive tool asks
for are made: the few dozen a screen shows, not one per event of the chronology.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from viewer.model.dates import SECONDS_PER_DAY
from viewer.model.store import Store
from viewer.render.scene import Rect, Scene
from viewer.ui.status import range_in_words

if TYPE_CHECKING:
    from viewer.ui.timeline_view import TimelineView

Name = QAccessible.Text


class Kind(enum.Enum):
    EVENT = "event"
    CLUSTER = "cluster"


@dataclass(frozen=True, slots=True)
class ChildKey:
    """What a child stands for: an event (its store index) or a cluster (its time range)."""

    kind: Kind
    index: int = -1
    t0: float = 0.0
    t1: float = 0.0


def event_description(store: Store, index: int) -> str:
    """'27–28 February 2019; a range of days; approximate' — the date in words, its precision, its marks."""
    precision = store.precision_at(index).word
    known = f"a range of {precision}s" if store.is_range_at(index) else f"known to the {precision}"
    parts = [store.date_words_at(index), known]
    marks = store.marks_at(index).words()
    if marks:
        parts.append(marks)
    if store.quote_count_at(index) == 0:
        parts.append("uncited")
    return "; ".join(parts)


def cluster_name(count: int, first_start: float, last_start: float) -> str:
    """'14 events, 3–9 March 2019': how many, and from the first one's day to the last one's."""
    noun = "event" if count == 1 else "events"
    return f"{count:,} {noun}, {range_in_words(first_start, last_start + SECONDS_PER_DAY)}"


class _Node(QAccessibleInterface):
    """A child of the timeline with no widget of its own."""

    def __init__(self, owner: TimelineAccessible, key: ChildKey) -> None:
        super().__init__()
        self.owner = owner
        self.key = key
        self.stale = False  # its chronology was replaced: it stands for nothing any more

    def isValid(self) -> bool:
        self.owner.refresh()  # a replaced chronology marks its nodes stale
        return not self.stale and self.owner.isValid() and self.owner.has_child(self.key)

    def object(self) -> QObject | None:
        return None

    def window(self):
        return self.owner.window()

    def parent(self) -> QAccessibleInterface:
        return self.owner

    def child(self, index: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return None

    def setText(self, text: QAccessible.Text, value: str) -> None:  # read only
        pass

    def rect(self) -> QRect:
        box = self.owner.box_of(self.key)
        return QRect() if box is None else self.owner.global_rect(box)

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem


class EventNode(_Node):
    """One event the timeline shows."""

    def text(self, which: QAccessible.Text) -> str:
        self.owner.refresh()
        store = self.owner.store()
        index = self.key.index
        if self.stale or store is None or not 0 <= index < len(store):
            return ""
        if which == Name.Name:
            return store.title_at(index)
        if which == Name.Description:
            return event_description(store, index)
        if which == Name.Help:
            return "Press Enter to read its quotes in the details; Tab goes to the next event"
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.focusable = True
        selected = self.owner.selected() == self.key.index
        state.selected = selected
        state.focused = selected and self.owner.widget_has_focus()
        state.invisible = not self.isValid()
        return state


class ClusterNode(_Node):
    """Events too dense to label, counted: activating it zooms in on them."""

    def text(self, which: QAccessible.Text) -> str:
        if which == Name.Name:
            return self.owner.cluster_words(self.key)
        if which == Name.Description:
            return "Too close together to label at this zoom; click to zoom in on them"
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.invisible = not self.isValid()
        return state


class TimelineAccessible(QAccessibleWidget):
    """The timeline's own node: its children are what its scene shows, in time order."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view, QAccessible.Role.List, "Timeline")
        self.view = view
        self._nodes: dict[ChildKey, _Node] = {}
        self._retired: list[_Node] = []  # nodes of replaced chronologies, kept while Qt may point at them
        self._store: Store | None = None
        self._scene: Scene | None = None
        self._keys: list[ChildKey] = []
        self._positions: dict[ChildKey, int] = {}
        self._boxes: dict[ChildKey, Rect] = {}

    # -- the scene's children ----------------------------------------------------------------------------
    def store(self) -> Store | None:
        return self.view.store()

    def selected(self) -> int | None:
        return self.view.state.selected

    def widget_has_focus(self) -> bool:
        return self.view.hasFocus()

    def refresh(self) -> None:
        store = self.view.store()
        if store is not self._store:
            for node in self._nodes.values():
                node.stale = True
            self._retired.extend(self._nodes.values())
            self._nodes = {}
            self._store = store
        scene = self.view.accessible_scene()
        if scene is self._scene:
            return
        self._scene = scene
        entries: list[tuple[float, int, ChildKey, Rect]] = []
        if scene is not None and store is not None:
            for glyph in scene.events:
                key = ChildKey(Kind.EVENT, glyph.index)
                entries.append((float(store.starts[glyph.index]), 0, key, glyph.box))
            for pill in scene.clusters:
                entries.append((pill.t0, 1, ChildKey(Kind.CLUSTER, -1, pill.t0, pill.t1), pill.box))
        entries.sort(key=lambda entry: (entry[0], entry[1], entry[2].index))
        self._keys = [entry[2] for entry in entries]
        self._positions = {key: number for number, key in enumerate(self._keys)}
        self._boxes = {entry[2]: entry[3] for entry in entries}

    def has_child(self, key: ChildKey) -> bool:
        self.refresh()
        return key in self._positions

    def box_of(self, key: ChildKey) -> Rect | None:
        self.refresh()
        return self._boxes.get(key)

    def global_rect(self, box: Rect) -> QRect:
        top_left = self.view.mapToGlobal(QPoint(round(box.x), round(box.y)))
        return QRect(top_left.x(), top_left.y(), max(1, round(box.width)), max(1, round(box.height)))

    def cluster_words(self, key: ChildKey) -> str:
        store = self.view.store()
        if store is None:
            return ""
        shown = self.view.state.drawable()
        starts = store.starts[shown] if len(shown) != len(store) else store.starts
        lo, hi = (int(i) for i in starts.searchsorted((key.t0, key.t1), side="left"))
        if hi <= lo:
            return "No events"
        return cluster_name(hi - lo, float(starts[lo]), float(starts[hi - 1]))

    def _node(self, key: ChildKey) -> _Node:
        node = self._nodes.get(key)
        if node is None:
            node = (EventNode if key.kind is Kind.EVENT else ClusterNode)(self, key)
            self._nodes[key] = node
        return node

    # -- QAccessibleInterface ----------------------------------------------------------------------------
    def childCount(self) -> int:
        self.refresh()
        return len(self._keys)

    def child(self, index: int) -> QAccessibleInterface | None:
        self.refresh()
        if not 0 <= index < len(self._keys):
            return None
        return self._node(self._keys[index])

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        self.refresh()
        key = getattr(child, "key", None)
        if not isinstance(key, ChildKey) or getattr(child, "owner", None) is not self:
            return -1
        return self._positions.get(key, -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        point = self.view.mapFromGlobal(QPoint(x, y))
        self.refresh()
        for key in reversed(self._keys):  # the topmost first
            box = self._boxes[key]
            if box.contains(point.x(), point.y()):
                return self._node(key)
        return None

    def focusChild(self) -> QAccessibleInterface | None:
        selected = self.selected()
        if selected is None or not self.view.hasFocus():
            return None
        key = ChildKey(Kind.EVENT, selected)
        return self._node(key) if self.has_child(key) else None

    def text(self, which: QAccessible.Text) -> str:
        if which == Name.Name:
            return self.view.accessibleName() or "Timeline"
        if which == Name.Description:
            return self.view.accessibleDescription()
        return super().text(which)

    # -- telling of a new selection ----------------------------------------------------------------------
    def announce_selection(self) -> None:
        """Tell assistive technology that the selected event has the focus (and is selected): a screen reader
        speaks its title and date as Tab steps through the events."""
        selected = self.selected()
        if selected is None:
            return
        key = ChildKey(Kind.EVENT, selected)
        if not self.has_child(key):
            return
        position = self._positions[key]
        for kind in (QAccessible.Event.Selection, QAccessible.Event.Focus):
            event = QAccessibleEvent(self.view, kind)
            event.setChild(position)
            QAccessible.updateAccessibility(event)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    from viewer.ui.timeline_view import TimelineView

    if isinstance(obj, TimelineView):
        return obj.accessible()
    return None


_installed = False


def install() -> None:
    """Teach Qt how to make the timeline's accessible node (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
