"""The dark theme's chrome, as a reader sees it: the search field has an edge, the dock buttons show, a
disabled box looks disabled, and the export dialog starts on the window's theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication

from viewer.render.theme import THEMES
from viewer.ui.chrome_style import CLOSE_BUTTON, FLOAT_BUTTON
from viewer.ui.main_window import MainWindow
from viewer.ui.theme_choice import ThemeChoice, palette_for


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark_window(open_window):
    window: MainWindow = open_window(size=(1200, 800))
    window.set_theme_choice(ThemeChoice.DARK, save=False)
    yield window
    window.set_theme_choice(ThemeChoice.LIGHT, save=False)
    window.set_theme_choice(ThemeChoice.SYSTEM, save=False)


def test_the_search_field_has_a_visible_edge_in_the_dark(dark_window: MainWindow, qtbot) -> None:
    edit = dark_window.search_edit
    qtbot.wait(50)
    image = edit.grab().toImage()
    behind = dark_window.toolbar.palette().color(QPalette.ColorRole.Window)
    y = image.height() // 2
    edge = max(contrast(image.pixelColor(x, y), behind) for x in range(0, 4))
    assert edge >= 3.0, f"the search field's left edge has a contrast of {edge:.2f} against the toolbar"


def assert_buttons_in_text_colour(window: MainWindow) -> None:
    text = QColor(THEMES["dark"].text)
    panel = QColor(THEMES["dark"].panel)
    buttons = {b.objectName(): b for b in window.details_dock.findChildren(QAbstractButton)}
    for name in (FLOAT_BUTTON, CLOSE_BUTTON):
        image = buttons[name].icon().pixmap(16, 16).toImage()
        ink = max((image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())),
                  key=lambda c: c.alpha())  # fmt: skip
        assert ink.alpha() > 200 and contrast(ink, panel) >= 4.5
        assert abs(ink.lightness() - text.lightness()) < 30


def test_dock_buttons_are_drawn_in_the_themes_text_colour(dark_window: MainWindow, qtbot) -> None:
    assert_buttons_in_text_colour(dark_window)
    dark_window.details_dock.setFloating(True)  # Qt gives a floated or docked panel its own buttons again
    qtbot.wait(30)
    assert_buttons_in_text_colour(dark_window)
    dark_window.details_dock.setFloating(False)
    qtbot.wait(30)
    assert_buttons_in_text_colour(dark_window)


def test_a_disabled_box_looks_disabled_in_the_dark(qapp) -> None:
    palette = palette_for(THEMES["dark"])
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    assert palette.color(group.Disabled, role.Base) != palette.color(group.Active, role.Base)
    assert palette.color(group.Disabled, role.Base) == palette.color(group.Active, role.Window)
    assert palette.color(group.Disabled, role.Text) != palette.color(group.Active, role.Text)


def test_the_custom_size_boxes_are_drawn_flat_until_custom_is_chosen(dark_window: MainWindow, qtbot) -> None:
    dialog = dark_window.export_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_size("1920x1080")
    qtbot.wait(20)
    disabled = dialog.width_spin.grab().toImage()
    dialog.set_size("custom")
    qtbot.wait(20)
    enabled = dialog.width_spin.grab().toImage()
    theme = THEMES["dark"]

    def near(colour: QColor, name: str) -> bool:
        other = QColor(name)
        return max(abs(colour.red() - other.red()), abs(colour.green() - other.green()),
                   abs(colour.blue() - other.blue())) <= 6  # fmt: skip

    # Inside the box, above its text: the field's own background.
    assert near(disabled.pixelColor(6, 4), theme.panel), "a disabled box sits flat on the panel"
    assert near(enabled.pixelColor(6, 4), theme.background), "an enabled box is a field to type in"


def test_the_export_dialog_starts_on_the_windows_theme(open_window, qtbot, tmp_path: Path) -> None:
    window: MainWindow = open_window(size=(1000, 700))
    for choice, expected in ((ThemeChoice.DARK, "dark"), (ThemeChoice.LIGHT, "light"), (ThemeChoice.DARK, "dark")):
        window.set_theme_choice(choice, save=False)
        dialog = window.export_dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.theme_combo.currentData() == expected
        assert dialog.request().theme is THEMES[expected]
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
        assert dialog.run_export(tmp_path / f"{expected}.png")  # a light export does not stick to the next
    window.set_theme_choice(ThemeChoice.SYSTEM, save=False)
    assert QApplication.instance() is not None
