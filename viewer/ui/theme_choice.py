"""The reader's choice of theme (system, light, dark) and what it does to the window's own colours."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.render.theme import THEMES, Theme


class ThemeChoice(enum.StrEnum):
    """What the View > Theme menu offers; the settings keep the value, so older settings still read."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def parse(cls, text: object) -> ThemeChoice:
        """The choice a stored setting names, or System for anything else."""
        try:
            return cls(str(text))
        except ValueError:
            return cls.SYSTEM


_SYSTEM_PALETTE: QPalette | None = None  # the application's palette before any theme was forced


def palette_for(theme: Theme) -> QPalette:
    """A widget palette in the timeline theme's colours (for platforms that cannot switch schemes)."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: theme.panel, role.WindowText: theme.text, role.Base: theme.background,
        role.AlternateBase: theme.axis_background, role.Text: theme.text, role.Button: theme.panel,
        role.ButtonText: theme.text, role.ToolTipBase: theme.panel, role.ToolTipText: theme.text,
        role.Highlight: theme.visible_range, role.HighlightedText: theme.ink_on(theme.visible_range),
        role.PlaceholderText: theme.muted_text,
        role.Link: theme.visible_range, role.BrightText: "#FF5555", role.Light: theme.grid_major,
        role.Midlight: theme.grid_major, role.Mid: theme.density, role.Dark: theme.grid, role.Shadow: "#000000",
    }  # fmt: skip
    for which, name in colours.items():
        palette.setColor(which, QColor(name))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor(theme.muted_text))
    # A disabled field sits flat on the panel, as in the light system palette, rather than looking editable.
    for which in (role.Base, role.Button):
        palette.setColor(group.Disabled, which, QColor(theme.panel))
    return palette



def resolved_name(choice: ThemeChoice) -> str:
    """'light' or 'dark': the choice, with System resolved through the platform's colour scheme."""
    if choice is not ThemeChoice.SYSTEM:
        return choice.value
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    if scheme == Qt.ColorScheme.Light:
        return "light"
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightness() < 128 else "light"


def ask_platform(choice: ThemeChoice) -> None:
    """Tell the platform which scheme the reader chose (System: whatever the platform prefers)."""
    hints = QGuiApplication.styleHints()
    if choice is ThemeChoice.SYSTEM:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if choice is ThemeChoice.DARK else Qt.ColorScheme.Light)


def apply_chrome(choice: ThemeChoice) -> None:
    """Menus, panels and dialogs in the chosen colours where the platform cannot switch them itself.

    Qt asks the platform for the scheme (`ask_platform`); where the platform takes no such request (plain X11,
    offscreen) its scheme stays Unknown, and a palette made from the timeline's theme is set.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    global _SYSTEM_PALETTE
    if _SYSTEM_PALETTE is None:
        _SYSTEM_PALETTE = QPalette(app.palette())
    honoured = QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown
    if choice is ThemeChoice.SYSTEM or honoured:
        if app.palette() != _SYSTEM_PALETTE and not honoured:
            app.setPalette(_SYSTEM_PALETTE)
        return
    system_dark = _SYSTEM_PALETTE.color(QPalette.ColorRole.Window).lightness() < 128
    if (choice is ThemeChoice.DARK) == system_dark:
        app.setPalette(_SYSTEM_PALETTE)
    else:
        app.setPalette(palette_for(THEMES[choice.value]))
