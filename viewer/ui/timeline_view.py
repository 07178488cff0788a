"""The timeline widget: a zoomable, pannable time axis painted by the shared `TimelinePainter`.

What is shown (the range, the selection, the hover, the search's matches) lives in a Qt-free `ViewState`,
which the main window shares; this widget turns gestures into its calls (zoom about the pointer, pan, select,
step) and repaints when it says something changed, with `update()`, so bursts of wheel or drag events
coalesce into one frame. Painting is `TimelinePainter.paint` and nothing else, which is what the exports
draw as well. Hit tests ask the scene the last frame drew, so a click acts on what the user actually sees;
finding where an event would land asks the painter for a scene without painting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QHelpEvent,
    QInputDevice,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from viewer.model.store import Store
from viewer.render.painter import Decorations, Frame, Hit, TimelinePainter
from viewer.render.scale import MIN_WIDTH, TimeScale, zoom_factor_for_wheel
from viewer.render.scene import LaneBand, Scene
from viewer.render.theme import LIGHT, Theme
from viewer.ui import timeline_access
from viewer.ui.lanes_menu import lane_menu
from viewer.ui.timeline_access import TimelineAccessible
from viewer.viewstate import STEP_ZOOM, StartView, ViewState

__all__ = ["TimelineView"]

#: A press that moves less than this (in pixels) before release is a click, not a drag.
CLICK_SLOP = 4.0
#: Zoom factor of a double-click on empty space (the keys' and buttons' is the view state's STEP_ZOOM).
DOUBLE_CLICK_ZOOM = 2.0
#: Left/Right move by this fraction of the width; Page Up/Down by most of a screen.
KEY_PAN_FRACTION = 1 / 8
PAGE_PAN_FRACTION = 0.9
#: One notch of a mouse wheel with Shift (or a tilt wheel) pans by this fraction of the width.
WHEEL_PAN_FRACTION = 0.1
#: Touchpads report pixels: this many pixels of vertical scrolling zoom as much as one wheel notch.
TOUCHPAD_PIXELS_PER_NOTCH = 60.0
#: At most this many events are listed in the menu of a cluster too dense to open by zooming.
CLUSTER_MENU_ITEMS = 40
#: Clicking a cluster shows its time range with this fraction of the width free on either side.
CLUSTER_MARGIN = 0.1

DESCRIPTION = (
    "A time axis with the chronology's events. Drag, or press Left and Right, to move in time; turn the wheel "
    "or press plus and minus to zoom; Home and End go to the first and last event. Click an event to select it, "
    "or a count of events to zoom in on them. Tab and Shift+Tab step through the events in time order, Escape "
    "clears the selection, Ctrl+Tab leaves the timeline."
)


def _finite(value: float) -> float:
    return value if math.isfinite(value) else 0.0


class TimelineView(QWidget):
    """The timeline. Signals carry store indices (-1 for none) and visible ranges in seconds since 1970."""

    selectionChanged = Signal(int)  # store index of the selected event, -1 for none
    rangeChanged = Signal(float, float)  # visible t0, t1 after any zoom, pan or resize that changed them
    hoverChanged = Signal(int)  # store index under the pointer, -1 for none

    def __init__(self, parent: QWidget | None = None, state: ViewState | None = None) -> None:
        super().__init__(parent)
        self._painter = TimelinePainter()
        self.state = state if state is not None else ViewState(max(float(self.width()), MIN_WIDTH))
        self._has_store = False
        self._geometry_valid = False  # False until a frame of the current store has been painted
        self._theme: Theme = LIGHT
        self.state.store_changed.connect(self._on_store_changed)
        self.state.range_changed.connect(self._on_range_changed)
        self.state.selection_changed.connect(self._on_selection_changed)
        self.state.hover_changed.connect(self._on_hover_changed)
        self.state.search_changed.connect(self.update)
        self.state.filter_changed.connect(self.update)
        self.state.lanes_changed.connect(self.update)
        self.state.zone_changed.connect(self.update)
        # Pointer state
        self._press_pos: QPointF | None = None
        self._press_scale: TimeScale | None = None
        self._dragging = False
        self._ignore_release = False
        self._click_changed_view = False
        self._pointer: QPointF | None = None
        self._cluster_menu: QMenu | None = None
        self._lane_menu: QMenu | None = None
        self._lane_press: str | None = None  # the lane whose header the press began on
        self._lane_drop_y: float | None = None  # while a header is dragged: where it would go
        self._focus_visible = False
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(0)
        self._hover_timer.timeout.connect(self._refresh_hover)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMinimumSize(160, 120)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(DESCRIPTION)
        # What a screen reader meets: the events and clusters of the scene shown (see timeline_access.py).
        self._accessible: TimelineAccessible | None = None
        self._painted_key: tuple | None = None  # what the last painted scene was decided for
        self._decided: tuple[tuple, Scene] | None = None  # a scene decided (not painted) for the accessible tree
        timeline_access.install()

    # -- the model ---------------------------------------------------------------------------------------
    def set_store(self, store: Store, keep_view: bool = False, keep_search: bool = False) -> None:
        """Show `store`. With `keep_view` (a live reload) keep the visible range and, when an event with the
        same id is still there, the selection; otherwise show the chronology's own first range. A search is
        run again on the new store with `keep_search`, else ended."""
        self._has_store = True
        self.state.set_store(store, keep_view=keep_view, keep_search=keep_search)

    def store(self) -> Store | None:
        return self.state.store if self._has_store else None

    def _on_store_changed(self) -> None:
        self._has_store = True
        self._geometry_valid = False
        self.update()

    def _on_range_changed(self, t0: float, t1: float) -> None:
        self.update()
        self.rangeChanged.emit(t0, t1)

    def _on_selection_changed(self, index: int | None) -> None:
        self.update()
        self.selectionChanged.emit(-1 if index is None else index)
        if index is not None and self.hasFocus() and QAccessible.isActive():  # a screen reader is listening
            self.accessible().announce_selection()

    # -- accessibility -----------------------------------------------------------------------------------
    def accessible(self) -> TimelineAccessible:
        """The timeline's node in Qt's accessibility tree (Qt asks for it through the installed factory)."""
        if self._accessible is None:
            self._accessible = TimelineAccessible(self)
        return self._accessible

    def _scene_key(self, frame: Frame) -> tuple:
        return (id(frame.store), frame.t0, frame.t1, id(frame.theme), frame.selected, id(frame.matches),
                id(frame.shown), frame.lanes, frame.tags_on, self.width(), self.height())  # fmt: skip

    def accessible_scene(self) -> Scene | None:
        """The scene on screen, for the accessibility tree: the last one painted when it is still what the view
        shows, else one decided now for the current view (without painting)."""
        if not self._has_store:
            return None
        frame = self._frame()
        key = self._scene_key(frame)
        if self._painted_key == key and self._painter.scene is not None:
            return self._painter.scene
        if self._decided is None or self._decided[0] != key:
            self._decided = (key, self._painter.scene_for(QRectF(self.rect()), frame))
        return self._decided[1]

    def _on_hover_changed(self, index: int | None) -> None:
        self.update()
        self.hoverChanged.emit(-1 if index is None else index)

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.update()

    def theme(self) -> Theme:
        return self._theme

    def painter(self) -> TimelinePainter:
        return self._painter

    # -- the visible range -------------------------------------------------------------------------------
    def visible_range(self) -> tuple[float, float]:
        self._current()
        return self.state.visible_range()

    def set_range(self, t0: float, t1: float) -> None:
        """Show [t0, t1] exactly, as far as the zoom limits and the representable years allow."""
        self._current()
        self.state.set_range(t0, t1)

    def fit_all(self) -> None:
        """Every event in view."""
        self._current()
        self.state.show(StartView.ALL)

    def zoom_in(self) -> None:
        """Zoom in about the selected event when it is in view, else about the centre."""
        self._current()
        self.state.zoom_step(STEP_ZOOM)

    def zoom_out(self) -> None:
        self._current()
        self.state.zoom_step(1 / STEP_ZOOM)

    # -- selection, search -------------------------------------------------------------------------------
    def selected(self) -> int | None:
        return self.state.selected

    def select(self, index: int | None, ensure_visible: bool = True) -> None:
        """Select event `index` (None or -1: nothing). With `ensure_visible`, pan at the current zoom so it is
        in view, and zoom in on it when it is hidden in a cluster. Emits selectionChanged when it changes."""
        self._current()
        self.state.select(None if index is None or index < 0 else index, ensure_visible, self._locator())

    def step_selection(self, step: int) -> None:
        """Select the next (+1) or previous (-1) event in time order, among the search's matches when searching.

        From no selection, +1 takes the first event in view and -1 the last one (or, with none in view, the
        nearest one in that direction). At either end the selection stays where it is.
        """
        self._current()
        self.state.step(step, self._locator())

    def step_match(self, step: int) -> None:
        """Select the next (+1) or previous (-1) search match in time order, wrapping around, and show it."""
        self._current()
        self.state.step_match(step, self._locator())

    def set_matches(self, matches: np.ndarray | None) -> None:
        """Draw only the events whose store indices are in `matches`; None draws every event."""
        self.state.set_matches(matches)

    def matches(self) -> np.ndarray | None:
        return self.state.matches

    def event_rect(self, index: int) -> QRectF | None:
        """Where the last frame drew event `index`, in widget coordinates, or None when it drew no such event."""
        if not self._geometry_valid:
            return None
        return self._painter.event_rect(index)

    def hit(self, x: float, y: float) -> Hit:
        """What the last frame drew at (x, y)."""
        if not self._geometry_valid:
            return Hit()
        return self._painter.hit(x, y)

    # -- painting ----------------------------------------------------------------------------------------
    def _frame(self, scale: TimeScale | None = None) -> Frame:
        scale = scale if scale is not None else self._current()
        state = self.state
        return Frame(
            store=state.store,
            t0=scale.t0,
            t1=scale.t1,
            theme=self._theme,
            selected=state.selected,
            hovered=state.hovered,
            matches=state.matches,
            shown=state.shown_events,
            lanes=state.drawn_lanes(),
            tags_on=state.tag_filter.tags if state.tag_filter is not None else None,
            decorations=Decorations(legend=True),
            zone=state.display_zone.axis_zone,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self._frame()
        self.state.shown()  # the user has seen this range: from now on a resize keeps it
        painter = QPainter(self)
        try:
            self._painter.paint(painter, QRectF(self.rect()), frame)
            if self._lane_drop_y is not None and self._lane_press is not None:
                # Where the dragged lane would go: a line between two lanes' headers.
                y = self._drop_line_y(self._lane_drop_y, self._lane_press)
                painter.setPen(QPen(QColor(self._theme.visible_range), 3))
                painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
            if self._focus_visible and self.hasFocus():
                pen = QPen(QColor(self._theme.visible_range), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()
        self._geometry_valid = self._has_store and frame.store is self.state.store
        self._painted_key = self._scene_key(frame)
        if self._pointer is not None and self.underMouse():
            self._hover_timer.start()

    def _drop_line_y(self, y: float, dragged: str) -> float:
        scene = self._painter.scene
        if scene is None or not scene.lanes:
            return y
        bands = [band for band in scene.lanes if band.key != dragged]
        above = [band for band in bands if band.header.y + band.header.height / 2 < y]
        if not above:
            return bands[0].header.y + 1 if bands else y
        if len(above) < len(bands):
            return bands[len(above)].header.y + 1
        return max(above[-1].body.bottom, above[-1].header.bottom)

    def _locator(self) -> Callable[[TimeScale], Scene] | None:
        """What the view state asks to find where an event would land: a scene, decided without painting."""
        return self._scene_at if self.height() > 0 else None

    def _scene_at(self, scale: TimeScale) -> Scene:
        """Where everything would go at `scale`, decided without painting (to find an event before showing it)."""
        return self._painter.scene_for(QRectF(self.rect()), self._frame(scale))

    # -- Qt events: geometry, focus ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.state.set_width(self._width())
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus_visible = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        self.update()
        super().focusInEvent(event)
        if self.state.selected is not None and QAccessible.isActive():
            self.accessible().announce_selection()  # the focus lands on the selected event

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._focus_visible = False
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            self._show_tooltip(event)
            return True
        if kind == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            self._native_gesture(event)
            return True
        return super().event(event)

    # -- mouse -------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._begin_press(event.position())
        event.accept()

    def _begin_press(self, position: QPointF) -> None:
        self._press_pos = QPointF(position)
        self._press_scale = self._current()
        self._dragging = False
        header = self.lane_header_at(position.x(), position.y())
        self._lane_press = header.key if header is not None else None
        self._lane_drop_y = None

    def lane_header_at(self, x: float, y: float) -> LaneBand | None:
        """The lane whose header the last frame drew at (x, y)."""
        scene = self._painter.scene
        if not self._geometry_valid or scene is None:
            return None
        return scene.lane_header_at(x, y)

    def lane_drop_position(self, y: float, dragged: str) -> int:
        """Where among every lane (hidden ones included) the header of lane `dragged` dropped at height y goes."""
        scene = self._painter.scene
        if scene is None or not scene.lanes:
            return 0
        rest = [key for key in self.state.lane_keys() if key != dragged]
        bands = [band for band in scene.lanes if band.key != dragged]
        above = [band for band in bands if band.header.y + band.header.height / 2 < y]
        if not above:
            return rest.index(bands[0].key) if bands else 0
        return rest.index(above[-1].key) + 1  # just after the last lane above the drop point

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click on a lane's header: its menu (collapse, move, hide)."""
        header = self.lane_header_at(event.pos().x(), event.pos().y())
        if header is None:
            super().contextMenuEvent(event)
            return
        if self._lane_menu is not None:
            self._lane_menu.deleteLater()
        self._lane_menu = lane_menu(self.state, header.key, self)
        self._lane_menu.popup(event.globalPos())
        event.accept()

    def lane_context_menu(self) -> QMenu | None:
        """The lane header's menu last shown (for tests)."""
        return self._lane_menu

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        self._pointer = QPointF(position)
        pressed = self._press_pos is not None and self._press_scale is not None
        if pressed and event.buttons() & Qt.MouseButton.LeftButton:
            assert self._press_pos is not None and self._press_scale is not None
            moved = position - self._press_pos
            if not self._dragging and math.hypot(moved.x(), moved.y()) >= CLICK_SLOP:
                self._dragging = True
                self.state.set_hovered(None)
                self._set_cursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging and self._lane_press is not None:
                self._lane_drop_y = position.y()  # a lane's header is dragged up or down, not the time axis
                self._set_cursor(Qt.CursorShape.SizeVerCursor)
                self.update()
            elif self._dragging:
                self.state.set_scale(self._press_scale.pan_by(self._press_pos.x() - position.x()))
            event.accept()
            return
        self._hover_at(position)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            super().mouseReleaseEvent(event)
            return
        position = event.position()
        dragged = self._dragging
        lane = self._lane_press
        if lane is not None:
            self._press_pos = self._press_scale = self._lane_press = self._lane_drop_y = None
            self._dragging = False
            if dragged:
                self.state.move_lane(lane, self.lane_drop_position(position.y(), lane))
            elif not self._ignore_release:
                self.state.set_lane_collapsed(lane, lane not in self.state.lanes.collapsed)
            self._ignore_release = False
            self.update()
            self._hover_at(position)
            event.accept()
            return
        if dragged and self._press_scale is not None:
            self.state.set_scale(self._press_scale.pan_by(self._press_pos.x() - position.x()))
        self._press_pos = None
        self._press_scale = None
        self._dragging = False
        if self._ignore_release:
            self._ignore_release = False
        elif not dragged:
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._click_changed_view = self._click(position, control)
        self._hover_at(position)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        position = event.position()
        self._begin_press(position)
        self._ignore_release = True  # the release that ends a double-click is not another click
        hit = self.hit(position.x(), position.y())
        on_chrome = self._lane_press is not None or self.legend_at(position.x(), position.y()) is not None
        if not self._click_changed_view and hit.index is None and hit.cluster is None and not on_chrome:
            self.state.zoom_about(position.x(), DOUBLE_CLICK_ZOOM)
            self._press_scale = self._current()
        event.accept()

    def legend_at(self, x: float, y: float) -> str | None:
        """The tag of the legend entry the last frame drew at (x, y), if any."""
        scene = self._painter.scene
        if not self._geometry_valid or scene is None:
            return None
        return scene.legend_at(x, y)

    def _click(self, position: QPointF, control: bool = False) -> bool:
        """Act on a click; True when it changed the view. A click on a legend entry turns its tag's events off
        or on again; with Ctrl, shows only them (and the same again, every event)."""
        tag = self.legend_at(position.x(), position.y())
        if tag is not None:
            if control:
                self.state.show_only_tag(tag)
            else:
                self.state.toggle_tag(tag)
            return False
        hit = self.hit(position.x(), position.y())
        if hit.index is not None:
            self.select(hit.index, ensure_visible=False)
            return False
        if hit.cluster is not None:
            return self._open_cluster(*hit.cluster, position=position)
        self.select(None)
        return False

    def cluster_menu(self) -> QMenu | None:
        """The menu of a cluster's events last shown (for a cluster too dense to open by zooming)."""
        return self._cluster_menu

    def _show_cluster_menu(self, t0: float, t1: float, position: QPointF) -> None:
        """A day with more events than rows cannot be opened by zooming: list its events to choose from."""
        store = self.store()
        if store is None:
            return
        lo, hi = (int(i) for i in np.searchsorted(store.starts, (t0, t1), side="left"))
        menu = QMenu(self)
        menu.setAccessibleName("Events in this cluster")
        for index in range(lo, min(hi, lo + CLUSTER_MENU_ITEMS)):
            event = store.events[index]
            action = menu.addAction(f"{event.title} — {event.date_words()}")
            action.triggered.connect(lambda _checked=False, i=index: self.select(i, ensure_visible=False))
        if hi - lo > CLUSTER_MENU_ITEMS:
            more = menu.addAction(f"{hi - lo - CLUSTER_MENU_ITEMS:,} more — press Tab to step through them")
            more.setEnabled(False)
        if self._cluster_menu is not None:
            self._cluster_menu.deleteLater()
        self._cluster_menu = menu
        menu.popup(self.mapToGlobal(position.toPoint()))

    def _open_cluster(self, t0: float, t1: float, position: QPointF | None = None) -> bool:
        current = self._current()
        target = TimeScale.fit(t0, t1, self._width(), margin_fraction=CLUSTER_MARGIN)
        if target.span < current.span * (1 - 1e-9):
            self.state.set_scale(target)
            return True
        # Already zoomed in as far as it goes (many events on one day): select the first of them instead, so
        # Tab can walk through the rest.
        first = self.state.first_at_or_after(t0) if self._has_store else None
        if first is not None:
            self.select(first, ensure_visible=False)
            if position is not None:
                self._show_cluster_menu(t0, t1, position)
        return False

    def leaveEvent(self, event: QEvent) -> None:
        self._pointer = None
        if self._press_pos is None:
            self.state.set_hovered(None)
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._dragging:
            event.accept()
            return
        x = event.position().x()
        angle, pixel = event.angleDelta(), event.pixelDelta()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        device = event.pointingDevice()
        touchpad = (
            not pixel.isNull()
            or event.phase() != Qt.ScrollPhase.NoScrollPhase
            or (device is not None and device.type() == QInputDevice.DeviceType.TouchPad)
        )
        current = self._current()
        if touchpad:
            dx, dy = (pixel.x(), pixel.y()) if not pixel.isNull() else (angle.x() / 2, angle.y() / 2)
            if shift and dx == 0:
                dx, dy = dy, 0
            if abs(dx) > abs(dy):
                scale = current.pan_by(-float(dx))  # the content follows the fingers
            elif dy:
                scale = current.zoom_about(x, zoom_factor_for_wheel(dy * 120.0 / TOUCHPAD_PIXELS_PER_NOTCH))
            else:
                scale = current
        else:
            dx, dy = angle.x(), angle.y()
            if shift or (dx and not dy):
                delta = dy if dy else dx  # some platforms turn Shift+wheel into a horizontal wheel
                scale = current.pan_by(-delta / 120.0 * WHEEL_PAN_FRACTION * current.width)
            elif dy:
                scale = current.zoom_about(x, zoom_factor_for_wheel(dy))
            else:
                scale = current
        self.state.set_scale(scale)
        event.accept()

    def _native_gesture(self, event: QNativeGestureEvent) -> None:
        gesture = event.gestureType()
        x = event.position().x()
        if gesture == Qt.NativeGestureType.ZoomNativeGesture:
            factor = 1.0 + _finite(float(event.value()))
            if factor > 0.05:
                self.state.zoom_about(x, factor)
        elif gesture == Qt.NativeGestureType.SmartZoomNativeGesture:
            self.state.zoom_about(x, DOUBLE_CLICK_ZOOM)
        event.accept()

    # -- hover, tooltip, cursor --------------------------------------------------------------------------
    def _hover_at(self, position: QPointF) -> None:
        hit = self.hit(position.x(), position.y())
        self.state.set_hovered(hit.index)
        over = hit.index is not None or hit.cluster is not None
        over = over or self.lane_header_at(position.x(), position.y()) is not None
        over = over or self.legend_at(position.x(), position.y()) is not None
        self._set_cursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.OpenHandCursor)

    def _refresh_hover(self) -> None:
        if self._pointer is not None and self._press_pos is None and self.underMouse():
            self._hover_at(self._pointer)

    def _set_cursor(self, shape: Qt.CursorShape) -> None:
        if self.cursor().shape() != shape:
            self.setCursor(QCursor(shape))

    def hovered(self) -> int | None:
        return self.state.hovered

    def _show_tooltip(self, event: QHelpEvent) -> None:
        text = self.tooltip_at(QPointF(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()
            event.ignore()

    def tooltip_at(self, position: QPointF | QPoint) -> str:
        """The tooltip for a point: the event's title and date, or how many events a cluster holds."""
        hit = self.hit(position.x(), position.y())
        store = self.store()
        if store is None:
            return ""
        header = self.lane_header_at(position.x(), position.y())
        if header is not None:
            verb = "open" if header.collapsed else "collapse"
            title = header.title.text if header.title is not None else header.key
            return (f"<b>{escape(title)}</b><br>Click to {verb} the lane, drag it up or down to move it, "
                    "right-click to hide it")  # fmt: skip
        tag = self.legend_at(position.x(), position.y())
        if tag is not None:
            verb = "hide" if self.state.tag_shown(tag) else "show"
            return f"Click to {verb} the events tagged <b>{escape(tag)}</b>; Ctrl+click to show only them"
        if hit.index is not None:
            event = store.events[hit.index]
            return f"<b>{escape(event.title)}</b><br>{escape(event.date_words())}"
        if hit.cluster is not None:
            count = self.state.count_starting(*hit.cluster)
            noun = "event" if count == 1 else "events"
            return f"{count:,} {noun} — click to zoom in"
        return ""

    # -- keyboard ----------------------------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab step through the events; focus moves on only at either end, or with nothing to
        step through, so a keyboard user is never trapped here."""
        store = self.store()
        if store is None:
            return False
        if len(store):
            candidate = self.state.stepped(1 if next else -1)
            if candidate is not None and candidate != self.state.selected:
                self.select(candidate)
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        width = self._width()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and control:
            super().focusNextPrevChild(key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier)
        elif key == Qt.Key.Key_Left:
            self.state.pan_by(-width * KEY_PAN_FRACTION)
        elif key == Qt.Key.Key_Right:
            self.state.pan_by(width * KEY_PAN_FRACTION)
        elif key == Qt.Key.Key_PageUp:
            self.state.pan_by(-width * PAGE_PAN_FRACTION)
        elif key == Qt.Key.Key_PageDown:
            self.state.pan_by(width * PAGE_PAN_FRACTION)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.go_to_first()
        elif key == Qt.Key.Key_End:
            self.go_to_last()
        elif key == Qt.Key.Key_Escape and self.state.selected is not None:
            self.select(None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state.selected is not None:
            self.selectionChanged.emit(self.state.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def go_to_first(self) -> None:
        """Bring the first event (of the search's matches, when searching) to the left edge, keeping the zoom."""
        self._current()
        self.state.go_to_first()

    def go_to_last(self) -> None:
        """Bring the last event to the right, leaving room for its label, keeping the zoom."""
        self._current()
        self.state.go_to_last()

    # -- internals ---------------------------------------------------------------------------------------
    def _width(self) -> float:
        return max(float(self.width()), MIN_WIDTH)

    def _current(self) -> TimeScale:
        """The state's scale, for this widget's width (a width change before the resize event arrives)."""
        self.state.set_width(self._width())
        return self.state.scale


