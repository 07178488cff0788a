"""Settings: one declared table, typed values, and a window that comes back as it was left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from viewer.render.theme import THEMES
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import SETTINGS, Settings


def test_every_setting_is_declared_with_a_default_of_its_type() -> None:
    for key, setting in SETTINGS.items():
        assert setting.key == key
        assert isinstance(setting.default, setting.type), key
        if setting.choices:
            assert setting.default in setting.choices, key


def test_defaults_when_nothing_was_written() -> None:
    settings = Settings()
    for key, setting in SETTINGS.items():
        assert settings.get(key) == setting.default, key
    assert not settings.has("view/theme")


def test_values_come_back_in_their_type(throwaway_settings: Path) -> None:
    settings = Settings()
    settings.set("export/width", 3000)
    settings.set("export/legend", False)
    settings.set("files/recent", ["/only/one.yaml"])
    settings.set("view/theme", "dark")
    settings.set("window/geometry", QByteArray(b"\x00\x01geometry"))
    settings.sync()
    again = Settings(QSettings())
    assert again.get("export/width") == 3000
    assert again.get("export/legend") is False
    assert again.get("files/recent") == ["/only/one.yaml"]  # one-element lists stay lists
    assert again.get("view/theme") == "dark"
    assert bytes(again.get("window/geometry")) == b"\x00\x01geometry"
    assert list(throwaway_settings.rglob("*.ini")), "written inside the throwaway scope"


def test_unreadable_values_fall_back_to_the_default() -> None:
    raw = QSettings()
    raw.setValue("export/width", "banana")
    raw.setValue("export/legend", "perhaps")
    raw.setValue("view/theme", "purple")
    settings = Settings(raw)
    assert settings.get("export/width") == SETTINGS["export/width"].default
    assert settings.get("export/legend") is SETTINGS["export/legend"].default
    assert settings.get("view/theme") == "system"


def test_undeclared_keys_and_wrong_types_are_refused() -> None:
    settings = Settings()
    with pytest.raises(KeyError):
        settings.get("no/such/key")
    with pytest.raises(KeyError):
        settings.set("no/such/key", 1)
    with pytest.raises(ValueError):
        settings.set("view/theme", "purple")
    with pytest.raises(TypeError):
        settings.set("export/width", "wide")
    with pytest.raises(TypeError):
        settings.set("export/width", True)


def test_recent_files_newest_first_without_repeats() -> None:
    settings = Settings()
    for name in ["a", "b", "a", "c"]:
        settings.add_recent_file(name)
    assert settings.recent_files() == ["c", "a", "b"]
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_theme_recent_files_and_geometry_survive_a_restart(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("timeline: {title: Other}\n", encoding="utf-8")  # loads at once (an empty file would not)
    first = MainWindow(SHIPPED_CHRONOLOGY)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(731, 517)
    qtbot.waitUntil(lambda: first.size().width() == 731, timeout=2000)
    first.theme_actions["dark"].trigger()
    first.open_file(other)
    first.details_dock.hide()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.theme_choice() == "dark"
    assert second.theme_actions["dark"].isChecked()
    assert second.view.theme() == THEMES["dark"]
    assert second.recent_files()[:2] == [str(other), str(SHIPPED_CHRONOLOGY)]
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (731, 517)
    assert not second.details_dock.isVisible(), "the panels come back as they were left"
    second.theme_actions["light"].trigger()
    second.close()

    third = MainWindow()
    qtbot.addWidget(third)
    assert third.theme_choice() == "light"


def test_the_export_format_setting_offers_the_writers_table() -> None:
    from viewer.export.writers import WRITERS

    setting = SETTINGS["export/format"]
    assert setting.choices == tuple(WRITERS)
    assert setting.default == next(iter(WRITERS))
