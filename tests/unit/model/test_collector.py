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


class _Marker:
    """A tracked object whose generation the test can look up."""


def _generation_of(thing: object) -> int | None:
    for generation in (0, 1, 2):
        if any(candidate is thing for candidate in gc.get_objects(generation)):
            return generation
    return None


def test_settling_puts_what_was_loaded_in_the_oldest_generation_in_one_pass() -> None:
    with collector_paused(settle=True):
        loaded = [_Marker() for _ in range(100)]
    assert gc.isenabled()
    assert _generation_of(loaded) == 2, "one full pass aged it: the collector will not walk it twice more"
    with collector_paused():
        young = [_Marker() for _ in range(100)]
        assert _generation_of(young) == 0, "without settling, what was loaded is left in the youngest generation"
