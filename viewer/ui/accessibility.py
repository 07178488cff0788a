"""Names for the parts of the window that Qt leaves unnamed, so a screen reader never meets a blank control.

Qt names buttons and menu items from their text, but not the containers, scroll bars, size grip or toolbar
separators it makes itself; a screen reader then says "scroll bar" or nothing at all. Each window part names
its own widgets; what Qt creates inside them is named here, from the name of the part it belongs to.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QMainWindow,
    QScrollBar,
    QSizeGrip,
    QSplitter,
    QToolBar,
    QWidget,
)


def name_scroll_area(area: QAbstractScrollArea, what: str | None = None) -> None:
    """Name an area's viewport and scroll bars after it: "Scroll Event details up and down"."""
    what = what or area.accessibleName() or "the view"
    viewport = area.viewport()
    if viewport is not None and not viewport.accessibleName():
        viewport.setAccessibleName(what)
    for bar, direction in ((area.verticalScrollBar(), "up and down"), (area.horizontalScrollBar(), "sideways")):
        if bar is None:
            continue
        if not bar.accessibleName():
            bar.setAccessibleName(f"Scroll {what} {direction}")
        holder = bar.parentWidget()  # Qt keeps each scroll bar in a container widget of its own
        if holder is not None and holder is not area and not holder.accessibleName():
            holder.setAccessibleName(bar.accessibleName())


def name_toolbar_separators(toolbar: QToolBar) -> None:
    for action in toolbar.actions():
        if action.isSeparator():
            widget = toolbar.widgetForAction(action)
            if widget is not None and not widget.accessibleName():
                widget.setAccessibleName("Separator")


def name_splitter(splitter: QSplitter) -> None:
    """A splitter and its handles: "Divider between Problems and Offending line"."""
    parts = [splitter.widget(i) for i in range(splitter.count())]
    names = [p.accessibleName() for p in parts if p is not None and p.accessibleName()]
    if not splitter.accessibleName():
        splitter.setAccessibleName(" and ".join(names) or "Split view")
    for number in range(1, splitter.count()):
        handle = splitter.handle(number)
        before, after = splitter.widget(number - 1), splitter.widget(number)
        if handle is not None and not handle.accessibleName():
            between = " and ".join(w.accessibleName() for w in (before, after) if w is not None and w.accessibleName())
            handle.setAccessibleName(f"Divider between {between}" if between else "Divider")


def name_window_parts(window: QMainWindow) -> None:
    """Name what Qt made unnamed in `window`: the central area, menu and status bars, the size grip, toolbar
    separators, and the viewports and scroll bars of every scroll area (a list, a table, a panel)."""
    central = window.centralWidget()
    if central is not None and not central.accessibleName():
        central.setAccessibleName("Timeline and overview")
    if not window.menuBar().accessibleName():
        window.menuBar().setAccessibleName("Menu bar")
    status = window.statusBar()
    if not status.accessibleName():
        status.setAccessibleName("Status bar")
    for grip in window.findChildren(QSizeGrip):
        if not grip.accessibleName():
            grip.setAccessibleName("Resize the window")
    for toolbar in window.findChildren(QToolBar):
        name_toolbar_separators(toolbar)
    for splitter in window.findChildren(QSplitter):
        name_splitter(splitter)
    for area in window.findChildren(QAbstractScrollArea):
        name_scroll_area(area)
    for bar in window.findChildren(QScrollBar):  # scroll bars outside a scroll area (none today)
        if not bar.accessibleName():
            owner = bar.parentWidget()
            bar.setAccessibleName(f"Scroll {owner.accessibleName() if owner else 'the view'}")


def focus_chain(widgets: list[QWidget]) -> None:
    """Tab (Ctrl+Tab from the timeline, which keeps Tab for its events) visits `widgets` in this order."""
    focusable = [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    for first, second in pairwise(focusable):
        QWidget.setTabOrder(first, second)
