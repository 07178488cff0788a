"""The timeline widget: a zoomable, pannable time axis painted by the shared `TimelinePainter`.

Every gesture turns into a new, immutable `TimeScale` (zoom about the pointer, pan, fit), and the widget
asks for a repaint with `update()`, so bursts of wheel or drag events coalesce into one frame. Painting
is `TimelinePainter.paint` and nothing else, which is what the exports draw as well. Hit tests ask the
painter what the last frame drew, so a click acts on what the user actually sees.
"""

from __future__ import annotations

import math
from html import escape

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
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
from viewer.render import view
from viewer.render.painter import Decorations, Frame, Hit, TimelinePainter
from viewer.render.scale import MAX_SPAN, MIN_SPAN, MIN_WIDTH, T_MAX, T_MIN, TimeScale, zoom_factor_for_wheel
from viewer.render.scene import Scene
from viewer.render.theme import LIGHT, Theme

__all__ = ["TimelineView"]

#: A press that moves less than this (in pixels) before release is a click, not a drag.
CLICK_SLOP = 4.0
#: Zoom factor of the zoom buttons and keys (+, -), and of a double-click on empty space.
STEP_ZOOM = 1.5
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
#: An event counts as "in view" when it reaches this far inside the edges (pixels).
VISIBLE_INSET = 24.0
#: A selected event's label is brought this far inside the edges.
LABEL_INSET = 12.0

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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painter = TimelinePainter()
        self._empty = Store([])
        self._store: Store | None = None
        self._geometry_valid = False  # False until a frame of the current store has been painted
        self._theme: Theme = LIGHT
        t0, t1 = view.fit_all(self._empty, float(max(self.width(), 1)))
        self._scale = TimeScale(t0, t1, max(float(self.width()), MIN_WIDTH))
        # The first range depends on the width (margins are in pixels): until the widget is first painted,
        # a resize recomputes it for the width the layout finally gives.
        self._pending_view: str | None = "all"
        self._selected: int | None = None
        self._hovered: int | None = None
        self._matches: np.ndarray | None = None
        # Pointer state
        self._press_pos: QPointF | None = None
        self._press_scale: TimeScale | None = None
        self._dragging = False
        self._ignore_release = False
        self._click_changed_view = False
        self._pointer: QPointF | None = None
        self._cluster_menu: QMenu | None = None
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

    # -- the model ---------------------------------------------------------------------------------------
    def set_store(self, store: Store, keep_view: bool = False) -> None:
        """Show `store`. With `keep_view` (a live reload) keep the visible range and, when an event with the
        same id is still there, the selection; otherwise show the chronology's own first range.

        A search's matches are store indices, which mean nothing in another store: they are dropped, and the
        caller sets them again for the new store if a search is on.
        """
        old_store, old_selected = self._store, self._selected
        self._store = store
        self._geometry_valid = False
        self._matches = None
        selected: int | None = None
        if keep_view and old_store is not None and old_selected is not None:
            selected = store.index_of(old_store.events[old_selected].id)
        self._selected = selected
        if self._hovered is not None:
            self._hovered = None
            self.hoverChanged.emit(-1)
        if keep_view:
            self._apply(self._current())
        else:
            self._show_pending("initial")
        if old_selected is not None or selected is not None:
            # Even an unchanged index now names an event of another store: listeners must re-read it.
            self.selectionChanged.emit(-1 if selected is None else selected)
        self.update()

    def store(self) -> Store | None:
        return self._store

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
        scale = self._current()
        return scale.t0, scale.t1

    def set_range(self, t0: float, t1: float) -> None:
        """Show [t0, t1] exactly, as far as the zoom limits and years 1 to 9999 allow."""
        if not (math.isfinite(t0) and math.isfinite(t1)) or t0 == t1:
            return
        lo, hi = min(t0, t1), max(t0, t1)
        width = self._width()
        if MIN_SPAN <= hi - lo <= MAX_SPAN and lo >= T_MIN and hi <= T_MAX:
            scale = TimeScale(lo, hi, width)
        else:
            scale = TimeScale.fit(lo, hi, width, margin_fraction=0.0)
        self._apply(scale, clamp=False)

    def fit_all(self) -> None:
        """Every event in view."""
        self._show_pending("all")

    def zoom_in(self) -> None:
        self._zoom_about_centre(STEP_ZOOM)

    def zoom_out(self) -> None:
        self._zoom_about_centre(1 / STEP_ZOOM)

    # -- selection, search -------------------------------------------------------------------------------
    def selected(self) -> int | None:
        return self._selected

    def select(self, index: int | None, ensure_visible: bool = True) -> None:
        """Select event `index` (None or -1: nothing). With `ensure_visible`, pan at the current zoom so it is
        in view, and zoom in on it when it is hidden in a cluster. Emits selectionChanged when it changes."""
        store = self._store
        if index is not None and (index < 0 or store is None or index >= len(store)):
            index = None
        changed = index != self._selected
        self._selected = index
        if index is not None and ensure_visible:
            self._reveal(index)
        if changed:
            self.update()
            self.selectionChanged.emit(-1 if index is None else index)

    def step_selection(self, step: int) -> None:
        """Select the next (+1) or previous (-1) event in time order, among the search's matches when searching.

        From no selection, +1 takes the first event in view and -1 the last one (or, with none in view, the
        nearest one in that direction). At either end the selection stays where it is.
        """
        candidate = self._stepped(step)
        if candidate is not None:
            self.select(candidate)

    def set_matches(self, matches: np.ndarray | None) -> None:
        """Draw only the events whose store indices are in `matches` (a search); None draws every event."""
        if matches is None:
            normalised = None
        else:
            normalised = np.unique(np.asarray(matches, dtype=np.int64).ravel())
            count = len(self._store) if self._store is not None else 0
            normalised = normalised[(normalised >= 0) & (normalised < count)]
        if _same(normalised, self._matches):
            return
        self._matches = normalised
        if self._hovered is not None and normalised is not None and not _contains(normalised, self._hovered):
            self._set_hovered(None)
        self.update()

    def matches(self) -> np.ndarray | None:
        return self._matches

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
    def _frame(self) -> Frame:
        scale = self._current()
        return Frame(
            store=self._store if self._store is not None else self._empty,
            t0=scale.t0,
            t1=scale.t1,
            theme=self._theme,
            selected=self._selected,
            hovered=self._hovered,
            matches=self._matches,
            decorations=Decorations(legend=True),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        self._pending_view = None  # the user has seen this range: from now on a resize keeps it
        frame = self._frame()
        painter = QPainter(self)
        try:
            self._painter.paint(painter, QRectF(self.rect()), frame)
            if self._focus_visible and self.hasFocus():
                pen = QPen(QColor(self._theme.visible_range), 2)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()
        self._geometry_valid = frame.store is self._store
        if self._pointer is not None and self.underMouse():
            self._hover_timer.start()

    def _scene_at(self, scale: TimeScale) -> Scene:
        """Where everything would go at `scale`, decided without painting (to find an event before showing it)."""
        current = self._scale
        self._scale = scale
        try:
            return self._painter.scene_for(QRectF(self.rect()), self._frame())
        finally:
            self._scale = current

    # -- Qt events: geometry, focus ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._pending_view is not None:
            self._show_pending(self._pending_view)
        else:
            self._scale = self._scale.with_width(self._width())
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus_visible = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        self.update()
        super().focusInEvent(event)

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

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        self._pointer = QPointF(position)
        pressed = self._press_pos is not None and self._press_scale is not None
        if pressed and event.buttons() & Qt.MouseButton.LeftButton:
            assert self._press_pos is not None and self._press_scale is not None
            moved = position - self._press_pos
            if not self._dragging and math.hypot(moved.x(), moved.y()) >= CLICK_SLOP:
                self._dragging = True
                self._set_hovered(None)
                self._set_cursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self._apply(self._press_scale.pan_by(self._press_pos.x() - position.x()))
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
        if dragged and self._press_scale is not None:
            self._apply(self._press_scale.pan_by(self._press_pos.x() - position.x()))
        self._press_pos = None
        self._press_scale = None
        self._dragging = False
        if self._ignore_release:
            self._ignore_release = False
        elif not dragged:
            self._click_changed_view = self._click(position)
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
        if not self._click_changed_view and hit.index is None and hit.cluster is None:
            self._apply(self._current().zoom_about(position.x(), DOUBLE_CLICK_ZOOM))
            self._press_scale = self._current()
        event.accept()

    def _click(self, position: QPointF) -> bool:
        """Act on a click; True when it changed the view."""
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
        store = self._store
        if store is None:
            return
        lo, hi = (int(i) for i in np.searchsorted(store.starts, (t0, t1), side="left"))
        menu = QMenu(self)
        menu.setAccessibleName("Events in this cluster")
        for index in range(lo, min(hi, lo + CLUSTER_MENU_ITEMS)):
            event = store.events[index]
            action = menu.addAction(f"{event.title} — {event.when.words()}")
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
            self._apply(target)
            return True
        # Already zoomed in as far as it goes (many events on one day): select the first of them instead, so
        # Tab can walk through the rest.
        first = self._first_at_or_after(t0)
        if first is not None:
            self.select(first, ensure_visible=False)
            if position is not None:
                self._show_cluster_menu(t0, t1, position)
        return False

    def leaveEvent(self, event: QEvent) -> None:
        self._pointer = None
        if self._press_pos is None:
            self._set_hovered(None)
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
        self._apply(scale)
        event.accept()

    def _native_gesture(self, event: QNativeGestureEvent) -> None:
        gesture = event.gestureType()
        x = event.position().x()
        if gesture == Qt.NativeGestureType.ZoomNativeGesture:
            factor = 1.0 + _finite(float(event.value()))
            if factor > 0.05:
                self._apply(self._current().zoom_about(x, factor))
        elif gesture == Qt.NativeGestureType.SmartZoomNativeGesture:
            self._apply(self._current().zoom_about(x, DOUBLE_CLICK_ZOOM))
        event.accept()

    # -- hover, tooltip, cursor --------------------------------------------------------------------------
    def _hover_at(self, position: QPointF) -> None:
        hit = self.hit(position.x(), position.y())
        self._set_hovered(hit.index)
        over = hit.index is not None or hit.cluster is not None
        self._set_cursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.OpenHandCursor)

    def _refresh_hover(self) -> None:
        if self._pointer is not None and self._press_pos is None and self.underMouse():
            self._hover_at(self._pointer)

    def _set_hovered(self, index: int | None) -> None:
        if index != self._hovered:
            self._hovered = index
            self.update()
            self.hoverChanged.emit(-1 if index is None else index)

    def _set_cursor(self, shape: Qt.CursorShape) -> None:
        if self.cursor().shape() != shape:
            self.setCursor(QCursor(shape))

    def hovered(self) -> int | None:
        return self._hovered

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
        store = self._store
        if store is None:
            return ""
        if hit.index is not None:
            event = store.events[hit.index]
            return f"<b>{escape(event.title)}</b><br>{escape(event.when.words())}"
        if hit.cluster is not None:
            count = self._count_starting(*hit.cluster)
            noun = "event" if count == 1 else "events"
            return f"{count:,} {noun} — click to zoom in"
        return ""

    # -- keyboard ----------------------------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab step through the events; focus moves on only at either end, or with nothing to
        step through, so a keyboard user is never trapped here."""
        if self._store is None:
            return False
        if len(self._store):
            candidate = self._stepped(1 if next else -1)
            if candidate is not None and candidate != self._selected:
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
            self._apply(self._current().pan_by(-width * KEY_PAN_FRACTION))
        elif key == Qt.Key.Key_Right:
            self._apply(self._current().pan_by(width * KEY_PAN_FRACTION))
        elif key == Qt.Key.Key_PageUp:
            self._apply(self._current().pan_by(-width * PAGE_PAN_FRACTION))
        elif key == Qt.Key.Key_PageDown:
            self._apply(self._current().pan_by(width * PAGE_PAN_FRACTION))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.go_to_first()
        elif key == Qt.Key.Key_End:
            self.go_to_last()
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.select(None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.selectionChanged.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def go_to_first(self) -> None:
        """Bring the first event (of the search's matches, when searching) to the left edge, keeping the zoom."""
        indices = self._drawable()
        if indices is None or not len(indices):
            return
        current = self._current()
        assert self._store is not None
        t = float(self._store.starts[indices[0]])
        self._apply(current.pan_by(current.x_of(t) - view.LEFT_MARGIN_PX))

    def go_to_last(self) -> None:
        """Bring the last event to the right, leaving room for its label, keeping the zoom."""
        indices = self._drawable()
        store = self._store
        if store is None or indices is None or not len(indices):
            return
        current = self._current()
        t = float(store.starts[indices[-1]])
        right = min(view.RIGHT_MARGIN_MAX_PX, view.RIGHT_MARGIN_FRACTION * current.width)
        self._apply(current.pan_by(current.x_of(t) - (current.width - right)))

    # -- internals ---------------------------------------------------------------------------------------
    def _width(self) -> float:
        return max(float(self.width()), MIN_WIDTH)

    def _current(self) -> TimeScale:
        width = self._width()
        if self._scale.width != width:
            self._scale = self._scale.with_width(width)
        return self._scale

    def _apply(self, scale: TimeScale, clamp: bool = True) -> None:
        """Make `scale` the view (kept near the data), repaint, and tell listeners when the range changed."""
        store = self._store
        span = store.span() if store is not None else None
        if clamp and span is not None:
            scale = scale.clamp_to(*span)
        self._pending_view = None
        old = self._scale
        self._scale = scale
        if (scale.t0, scale.t1) != (old.t0, old.t1):
            self.update()
            self.rangeChanged.emit(scale.t0, scale.t1)

    def _show_pending(self, which: str) -> None:
        """Show the chronology's first range ("initial") or every event ("all") for the current width. Its margins
        are in pixels, so until the next paint (the user has not seen it yet) a resize does it again for the
        width the layout finally gives."""
        store = self._store if self._store is not None else self._empty
        width = self._width()
        choose = view.initial_range if which == "initial" else view.fit_all
        t0, t1 = choose(store, width)
        self._apply(TimeScale(t0, t1, width), clamp=False)
        self._pending_view = which

    def _zoom_about_centre(self, factor: float) -> None:
        current = self._current()
        self._apply(current.zoom_about(current.width / 2, factor))

    def _drawable(self) -> np.ndarray | None:
        """The store indices the timeline draws, in time order (None without a store)."""
        if self._store is None:
            return None
        if self._matches is not None:
            return self._matches
        return np.arange(len(self._store), dtype=np.int64)

    def _stepped(self, step: int) -> int | None:
        store = self._store
        indices = self._drawable()
        if store is None or indices is None or not len(indices) or step == 0:
            return None
        selected = self._selected
        if selected is None:
            t0, t1 = self.visible_range()
            inside = indices[(store.ends[indices] > t0) & (store.starts[indices] < t1)]
            if len(inside):
                return int(inside[0] if step > 0 else inside[-1])
            if step > 0:
                after = indices[store.starts[indices] >= t0]
                return int(after[0] if len(after) else indices[-1])
            before = indices[store.ends[indices] <= t1]
            return int(before[-1] if len(before) else indices[0])
        if step > 0:
            at = int(np.searchsorted(indices, selected, side="right")) + step - 1
        else:
            at = int(np.searchsorted(indices, selected, side="left")) + step
        if 0 <= at < len(indices):
            return int(indices[at])
        return None

    def _first_at_or_after(self, t: float) -> int | None:
        store = self._store
        indices = self._drawable()
        if store is None or indices is None or not len(indices):
            return None
        at = int(np.searchsorted(store.starts[indices], t, side="left"))
        return int(indices[at]) if at < len(indices) else None

    def _count_starting(self, t0: float, t1: float) -> int:
        store = self._store
        if store is None:
            return 0
        starts = store.starts if self._matches is None else store.starts[self._matches]
        return int(np.searchsorted(starts, t1, side="left") - np.searchsorted(starts, t0, side="left"))

    def _reveal(self, index: int) -> None:
        """Pan (keeping the zoom) so event `index` is in view; zoom in while it is hidden in a cluster."""
        store = self._store
        assert store is not None
        start, end = float(store.starts[index]), float(store.ends[index])
        scale = self._current()
        inset = min(VISIBLE_INSET, scale.width / 4) * scale.seconds_per_pixel
        if not (end > scale.t0 + inset and start < scale.t1 - inset):
            if end - start < scale.span * 0.8:
                scale = scale.pan_to_center(start + (end - start) / 2)
            else:
                scale = scale.pan_by(scale.x_of(start) - scale.width * 0.1)
        span = store.span()
        if span is not None:
            scale = scale.clamp_to(*span)
        drawn = self._matches is None or _contains(self._matches, index)
        if drawn and self.height() > 0:
            middle = start + (end - start) / 2
            for _ in range(64):
                rect = self._scene_at(scale).rect_of(index)
                if rect is not None or scale.span <= MIN_SPAN * (1 + 1e-9):
                    break
                x = min(max(scale.x_of(middle), 0.0), scale.width)
                scale = scale.zoom_about(x, 2.0)
            # Its mark and label, when they fit on screen at all: a selection whose mark is off screen is not
            # "in view".
            if rect is not None and rect.width <= scale.width - 2 * LABEL_INSET:
                if rect.right > scale.width - LABEL_INSET:
                    scale = scale.pan_by(rect.right - (scale.width - LABEL_INSET))
                elif rect.x < LABEL_INSET:
                    scale = scale.pan_by(rect.x - LABEL_INSET)
        self._apply(scale)


def _contains(sorted_indices: np.ndarray, index: int) -> bool:
    at = int(np.searchsorted(sorted_indices, index))
    return at < len(sorted_indices) and int(sorted_indices[at]) == index


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))
