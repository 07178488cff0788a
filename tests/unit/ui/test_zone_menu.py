"""View > Time zone: the choice reaches the view state, the details and the axis, and is remembered."""

from __future__ import annotations

from viewer.render.display_zone import DisplayZone, ZoneMode
from viewer.ui.settings import Settings


def test_choosing_a_zone_is_shown_remembered_and_drawn(open_window) -> None:
    window = open_window(size=(1200, 700))
    menu = window.zone_menu
    assert window.state.display_zone == DisplayZone()
    assert menu.actions_by_zone[DisplayZone()].isChecked()
    menu.actions_by_zone[DisplayZone.named("Asia/Jakarta")].trigger()
    assert window.state.display_zone == DisplayZone.named("Asia/Jakarta")
    assert window.details.display_zone == DisplayZone.named("Asia/Jakarta")
    assert Settings().get("view/time_zone") == "Asia/Jakarta"
    frame = window.view._frame()
    assert frame.zone is not None and frame.zone.key == "Asia/Jakarta"
    menu.actions_by_zone[DisplayZone(ZoneMode.UTC)].trigger()
    assert Settings().get("view/time_zone") == "utc"


def test_the_remembered_zone_is_chosen_at_start(open_window) -> None:
    Settings().set("view/time_zone", "America/New_York")
    window = open_window()
    assert window.state.display_zone == DisplayZone.named("America/New_York")
    assert window.zone_menu.actions_by_zone[DisplayZone.named("America/New_York")].isChecked()


def test_a_zone_not_in_the_menu_is_checked_as_other(open_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = open_window()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("Pacific/Kiritimati", True)))
    window.zone_menu.ask_other()
    assert window.state.display_zone == DisplayZone.named("Pacific/Kiritimati")
    assert window.zone_menu.other_action.isChecked()
    assert "Pacific/Kiritimati" in window.zone_menu.other_action.text()
