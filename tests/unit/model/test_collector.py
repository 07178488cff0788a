"""The collector pause is the caller's choice, counted across overlapping loads, and load() never touches it."""

from __future__ import annotations

import gc

from viewer.model.collector import collector_paused
from viewer.model.loader import load
from viewer.resources import SHIPPED_CHRONOLOGY


def test_load_leaves_the_garbage_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert load(SHIPPED_CHRONOLOGY).ok
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_pause_counts_overlapping_loads() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer load still runs"
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()
