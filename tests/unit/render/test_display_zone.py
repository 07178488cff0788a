"""The display zone (View > Time zone): a time in its own zone and the chosen one, with each calendar day."""

from __future__ import annotations

import pytest

from viewer.model.dates import parse_date
from viewer.model.zones import ZoneError
from viewer.render.display_zone import DisplayZone, ZoneMode, times_in_zones

SOTU = parse_date("2019-02-05 21:10 America/New_York")
RI = parse_date("2019-03-01 00:05 Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("date", "display", "words"),
    [
        (SOTU, DisplayZone(), "5 Feb 2019 21:10 EST"),
        (SOTU, DisplayZone(ZoneMode.UTC), "5 Feb 2019 21:10 EST = 6 Feb 02:10 UTC"),
        (SOTU, DisplayZone.named("Asia/Jakarta"), "5 Feb 2019 21:10 EST = 6 Feb 09:10 in Jakarta (WIB)"),
        (SOTU, DisplayZone.named("America/New_York"), "5 Feb 2019 21:10 EST"),
        (RI, DisplayZone(), "1 Mar 2019 00:05 UTC+07 (Ho Chi Minh)"),
        (RI, DisplayZone.named("America/New_York"),
         "1 Mar 2019 00:05 UTC+07 (Ho Chi Minh) = 28 Feb 12:05 in New York (EST)"),
        (RI, DisplayZone.named("Asia/Jakarta"), "1 Mar 2019 00:05 UTC+07 (Ho Chi Minh)"),  # the same clocks
        (parse_date("2019-12-31T23:30Z"), DisplayZone.named("Asia/Tokyo"),
         "31 Dec 2019 23:30 UTC = 1 Jan 2020 08:30 in Tokyo (JST)"),
    ],
)
def test_times_in_zones(date, display: DisplayZone, words: str) -> None:
    assert times_in_zones(date, display) == words


def test_a_calendar_date_has_no_zone_to_show() -> None:
    assert times_in_zones(parse_date("2019-02-27"), DisplayZone(ZoneMode.UTC)) is None


def test_the_setting_round_trips_and_a_bad_one_is_the_default() -> None:
    for zone in (DisplayZone(), DisplayZone(ZoneMode.UTC), DisplayZone.named("Asia/Jakarta")):
        assert DisplayZone.from_setting(zone.setting()) == zone
    assert DisplayZone.from_setting("Mars/Olympus_Mons") == DisplayZone()
    with pytest.raises(ZoneError):
        DisplayZone.named("Asia/Hanoi")
    assert DisplayZone.named("Asia/Jakarta").axis_zone.key == "Asia/Jakarta"
    assert DisplayZone().axis_zone.key == "UTC"
