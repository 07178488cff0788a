"""View > Time zone: read times in each event's own zone, in UTC, or in a named zone (remembered).

The choice lives in the view state (`ViewState.display_zone`); this menu only offers it, shows which one
is in force, and keeps it in the settings table ("view/time_zone").
"""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from viewer.model.zones import ZoneError
from viewer.render.display_zone import COMMON_ZONES, DisplayZone, ZoneMode
from viewer.ui.settings import Settings
from viewer.viewstate import ViewState

SETTING = "view/time_zone"


class ZoneMenu(QMenu):
    """The menu: each event's own, UTC, the zones of the shipped chronology, and Other… for any IANA name."""

    def __init__(self, state: ViewState, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Time &Zone", parent)
        self.state = state
        self.settings = settings
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions_by_zone: dict[DisplayZone, QAction] = {}
        for zone in (DisplayZone(), DisplayZone(ZoneMode.UTC)):
            self._add(zone)
        self.addSeparator()
        for name in COMMON_ZONES:
            self._add(DisplayZone.named(name), f"{DisplayZone.named(name).menu_text()} ({name})")
        self.addSeparator()
        self.other_action = QAction("&Other…", self)
        self.other_action.setCheckable(True)
        self._group.addAction(self.other_action)
        self.other_action.triggered.connect(self.ask_other)
        self.addAction(self.other_action)
        state.zone_changed.connect(self._show_choice)
        self.choose(DisplayZone.from_setting(settings.get(SETTING)), save=False)

    def _add(self, zone: DisplayZone, text: str | None = None) -> None:
        action = QAction(text or zone.menu_text(), self)
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, z=zone: self.choose(z))
        self._group.addAction(action)
        self.addAction(action)
        self.actions_by_zone[zone] = action

    def choose(self, zone: DisplayZone, save: bool = True) -> None:
        self.state.set_display_zone(zone)
        self._show_choice()
        if save:
            self.settings.set(SETTING, zone.setting())

    def _show_choice(self) -> None:
        zone = self.state.display_zone
        action = self.actions_by_zone.get(zone)
        if action is not None:
            action.setChecked(True)
            self.other_action.setText("&Other…")
        else:
            self.other_action.setChecked(True)
            self.other_action.setText(f"&Other… ({zone.name})")

    def ask_other(self) -> None:
        """Any IANA zone, typed or picked from the list (with completion)."""
        names = sorted(available_timezones())
        current = self.state.display_zone.name or "UTC"
        name, ok = QInputDialog.getItem(self.parentWidget(), "Time zone", "Show times in the zone:", names,
                                        names.index(current) if current in names else 0, True)  # fmt: skip
        if ok:
            try:
                self.choose(DisplayZone.named(name.strip()))
                return
            except ZoneError:
                pass
        self._show_choice()  # cancelled or not a zone: the choice in force stays checked
