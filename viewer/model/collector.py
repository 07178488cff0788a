"""Pausing Python's cyclic garbage collector while a chronology loads: a choice for the caller, never the loader.

Reading builds millions of small objects that form no cycles; with the collector on, each of its passes
rescans all of them, which makes loading 100,000 events about two and a half times slower (measured with
`python -m viewer.bench --parser-baseline 100000`). But the collector is the whole process's: `load()` must
not switch it off or freeze the heap behind the caller's back, least of all on a window's GUI thread. So the
pause is offered here and taken only where the whole process is waiting for the load anyway: the command
line's commands, and the window's background loader thread for the length of its load. Nothing is frozen;
reference counting frees everything as usual meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_paused = 0  # loads under way that asked for the pause
_was_enabled = False


@contextlib.contextmanager
def collector_paused(settle: bool = False) -> Iterator[None]:
    """The collector off for the duration, counting overlapping callers; as it was once the last one ends.

    With `settle`, the last one out runs one full collection before switching the collector back on. What
    was loaded meanwhile sits in the youngest generation; left there, the collector would walk all of it
    three times as it ages it through the generations (about half a second each at 100,000 events, at
    moments nobody chose, on whichever thread allocates). One pass now, while the load is still under way,
    puts it in the oldest generation, which is walked again only once the heap has grown by a quarter.
    """
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                if settle:
                    gc.collect()
                if _was_enabled:
                    gc.enable()
