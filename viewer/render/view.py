"""Which time range a view shows first, and what "Fit All" shows: shared by the window and the exports."""

from __future__ import annotations

from viewer.model.dates import SECONDS_PER_DAY
from viewer.model.store import Store
from viewer.render.scale import MIN_SPAN, TimeScale

LEFT_MARGIN_PX = 24.0
RIGHT_MARGIN_FRACTION = 0.05  # the last events' labels turn to their left, so a small margin is enough
RIGHT_MARGIN_MAX_PX = 80.0
EMPTY_SPAN = 365.25 * SECONDS_PER_DAY


def fit_range(t_start: float, t_end: float, width: float) -> tuple[float, float]:
    """[t0, t1] that shows [t_start, t_end] whole, with room on the right for the last events' labels."""
    width = max(width, 1.0)
    right = min(RIGHT_MARGIN_MAX_PX, RIGHT_MARGIN_FRACTION * width)
    inner = max(width - LEFT_MARGIN_PX - right, width * 0.5)
    span = max(t_end - t_start, MIN_SPAN)
    spp = span / inner
    t0 = t_start - LEFT_MARGIN_PX * spp
    scale = TimeScale.fit(t0, t0 + width * spp, width, margin_fraction=0.0)
    return scale.t0, scale.t1


def fit_all(store: Store, width: float) -> tuple[float, float]:
    """Every event in view."""
    span = store.span()
    if span is None:
        return fit_range(-EMPTY_SPAN / 2, EMPTY_SPAN / 2, width)
    return fit_range(span[0], span[1], width)


def initial_range(store: Store, width: float) -> tuple[float, float]:
    """The chronology's own first view (its header's `show`), or every event when it names none."""
    header = store.header
    span = store.span()
    if header.show_from is None and header.show_to is None:
        return fit_all(store, width)
    t_start = header.show_from.start_seconds if header.show_from else (span[0] if span else 0.0)
    t_end = header.show_to.end_seconds if header.show_to else (span[1] if span else t_start + EMPTY_SPAN)
    if t_end <= t_start:
        return fit_all(store, width)
    return fit_range(t_start, t_end, width)
