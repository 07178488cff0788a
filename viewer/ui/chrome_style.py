"""The few parts of the window's chrome that Qt's own style leaves unreadable in the dark theme.

Fusion draws a line edit's border a shade darker than the window behind it, and the dock widgets' float
and close buttons as fixed black glyphs: on a dark panel both all but vanish (the search field seemed to
have no edge, the Details panel no buttons). So the search field gets a border in the theme's own colours
when the window is dark, and the dock buttons get glyphs painted in the theme's text colour, whichever
theme is on.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLineEdit, QWidget

from viewer.render.theme import Theme

ICON_SIZE = 16
#: Qt's names for a dock widget's title bar buttons.
FLOAT_BUTTON = "qt_dockwidget_floatbutton"
CLOSE_BUTTON = "qt_dockwidget_closebutton"


class Glyph(enum.Enum):
    CLOSE = "close"  # ×
    FLOAT = "float"  # two overlapping windows


def glyph_icon(glyph: Glyph, colour: str, device_pixel_ratio: float = 2.0) -> QIcon:
    """A small line glyph in `colour`, drawn at twice the size for sharp edges on high-DPI screens."""
    pixmap = QPixmap(round(ICON_SIZE * device_pixel_ratio), round(ICON_SIZE * device_pixel_ratio))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), 1.5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if glyph is Glyph.CLOSE:
        painter.drawLine(QPointF(4.5, 4.5), QPointF(11.5, 11.5))
        painter.drawLine(QPointF(11.5, 4.5), QPointF(4.5, 11.5))
    else:
        painter.drawRect(QRectF(3.5, 6.5, 6.5, 6.5))
        painter.drawPolyline([QPointF(6.5, 6.5), QPointF(6.5, 3.5), QPointF(12.5, 3.5), QPointF(12.5, 9.5),
                              QPointF(10.0, 9.5)])  # fmt: skip
    painter.end()
    icon = QIcon(pixmap)
    return icon


def style_dock_buttons(window: QWidget, theme: Theme) -> None:
    """Every dock widget's float and close buttons drawn in the theme's text colour."""
    icons = {FLOAT_BUTTON: glyph_icon(Glyph.FLOAT, theme.text), CLOSE_BUTTON: glyph_icon(Glyph.CLOSE, theme.text)}
    for dock in window.findChildren(QDockWidget):
        for button in dock.findChildren(QAbstractButton):
            icon = icons.get(button.objectName())
            if icon is not None:
                button.setIcon(icon)


def keep_dock_buttons_styled(window: QWidget, theme: Callable[[], Theme]) -> None:
    """Qt gives a dock its own buttons again whenever it floats or docks: paint ours again after it has."""
    for dock in window.findChildren(QDockWidget):
        def restyle(*_args: object) -> None:
            QTimer.singleShot(0, window, lambda: style_dock_buttons(window, theme()))

        dock.topLevelChanged.connect(restyle)
        dock.dockLocationChanged.connect(restyle)
    style_dock_buttons(window, theme())


def search_field_style(theme: Theme) -> str:
    """A style sheet that gives a line edit a visible edge on a dark window ('' on a light one, which
    Qt's style already draws well)."""
    if theme.name != "dark":
        return ""
    return (
        f"QLineEdit {{ border: 1px solid {theme.muted_text}; border-radius: 3px; padding: 2px 4px;"
        f" background: {theme.background}; color: {theme.text}; }}"
        f" QLineEdit:focus {{ border: 1px solid {theme.visible_range}; }}"
    )


def style_search_field(edit: QLineEdit, theme: Theme) -> None:
    edit.setStyleSheet(search_field_style(theme))
