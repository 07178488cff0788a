"""Every setting the window keeps, declared once, read and written through QSettings with its type.

One table (`SETTINGS`) names each key with its default and its type, in the manner of normcap: nothing
else in the program invents a key. QSettings hands back strings for an INI file ("true", "1920") and a
bare string for a one-element list, so `Settings.get` turns what it reads back into the declared type and
falls back to the default for anything it cannot read (a hand-edited or corrupt settings file never
crashes the window). Qt writes the settings file atomically (QSaveFile underneath).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from viewer.export.writers import DEFAULT_SUFFIX, WRITERS

MAX_RECENT_FILES = 10
#: The events table's columns by the names the settings keep (viewer.ui.events_table.Column's values).
TABLE_COLUMNS = ("date", "title", "tags", "quotes", "precision", "marks")


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: Any
    type: type
    choices: tuple[Any, ...] = ()
    description: str = ""


SETTINGS: dict[str, Setting] = {
    setting.key: setting
    for setting in (
        Setting("window/geometry", QByteArray(), QByteArray, description="the main window's size and place"),
        Setting("window/state", QByteArray(), QByteArray, description="toolbars and docked panels"),
        Setting("files/recent", [], list, description="recently opened chronologies, newest first"),
        Setting("files/last_folder", "", str, description="where Open… starts"),
        Setting("view/theme", "system", str, ("system", "light", "dark"), "the window's colours"),
        Setting("view/lanes", "none", str, ("none", "tags", "group"), "lanes: none, one per tag, one per group"),
        Setting("view/lane_order", [], list, description="lane names in the order the reader dragged them to"),
        Setting("view/lanes_collapsed", [], list, description="the lanes shown collapsed"),
        Setting("view/lanes_hidden", [], list, description="the lanes hidden from their header's menu"),
        Setting("view/search_mode", "filter", str, ("filter", "highlight"),
                "whether a search draws only its matches or fades the other events"),
        Setting("view/time_zone", "event", str, description="View > Time zone: 'event', 'utc' or an IANA name"),
        Setting("export/range", "visible", str, ("visible", "all"), "export what is visible or everything"),
        Setting("export/size", "window", str, ("window", "1920x1080", "3840x2160", "a4", "a4-portrait", "a3", "letter",
                                               "letter-portrait", "tabloid", "custom")),
        Setting("export/width", 1920, int, description="custom export width in pixels"),
        Setting("export/height", 1080, int, description="custom export height in pixels"),
        Setting("export/legend", True, bool),
        Setting("export/sources", False, bool),
        Setting("export/format", DEFAULT_SUFFIX, str, tuple(WRITERS), "the suffix of the last export"),
        Setting("export/folder", "", str, description="where the last export was written"),
        Setting("table/area", "bottom", str, ("bottom", "right", "left", "top"), "where the events table docks"),
        Setting("table/sort_column", "date", str, TABLE_COLUMNS, "the events table's sort column"),
        Setting("table/sort_descending", False, bool, description="the events table sorts from last to first"),
        Setting("table/folder", "", str, description="where the events table was last exported"),
    )
}


def _convert(value: Any, setting: Setting) -> Any:
    """`value` as read from QSettings, in the setting's type, or raise ValueError/TypeError."""
    kind = setting.type
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        raise ValueError(value)
    if kind is int:
        if isinstance(value, bool):
            raise TypeError(value)
        return int(value)
    if kind is str:
        if not isinstance(value, str):
            raise TypeError(value)
        return value
    if kind is list:
        if isinstance(value, str):
            return [value]  # QSettings stores a one-element list as a bare string
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        raise TypeError(value)
    if kind is QByteArray:
        if isinstance(value, QByteArray):
            return value
        if isinstance(value, bytes | bytearray):
            return QByteArray(bytes(value))
        raise TypeError(value)
    raise TypeError(f"unsupported setting type {kind}")  # pragma: no cover - the table uses the types above


class Settings:
    """Typed access to the settings table; uses the application's QSettings scope."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._settings = qsettings if qsettings is not None else QSettings()

    @staticmethod
    def _setting(key: str) -> Setting:
        try:
            return SETTINGS[key]
        except KeyError:
            raise KeyError(f"'{key}' is not a declared setting") from None

    def get(self, key: str) -> Any:
        setting = self._setting(key)
        if not self._settings.contains(key):
            return _copy(setting.default)
        raw = self._settings.value(key)
        if raw is None:  # an empty list is stored as @Invalid()
            return _copy(setting.default)
        try:
            value = _convert(raw, setting)
        except (TypeError, ValueError):
            return _copy(setting.default)
        if setting.choices and value not in setting.choices:
            return _copy(setting.default)
        return value

    def has(self, key: str) -> bool:
        """True when the setting was ever written (so its default is not what is in force)."""
        self._setting(key)
        return self._settings.contains(key)

    def set(self, key: str, value: Any) -> None:
        setting = self._setting(key)
        if setting.choices and value not in setting.choices:
            raise ValueError(f"'{value}' is not one of {setting.choices} for {key}")
        if setting.type is list:
            value = [str(v) for v in value]
        elif not isinstance(value, setting.type) or (setting.type is int and isinstance(value, bool)):
            raise TypeError(f"{key} takes {setting.type.__name__}, not {type(value).__name__}")
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()

    # -- recent files ---------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return self.get("files/recent")[:MAX_RECENT_FILES]

    def add_recent_file(self, path: str) -> list[str]:
        files = [path, *(f for f in self.recent_files() if f != path)][:MAX_RECENT_FILES]
        self.set("files/recent", files)
        return files

    def clear_recent_files(self) -> None:
        self.set("files/recent", [])


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, QByteArray):
        return QByteArray(value)
    return value
