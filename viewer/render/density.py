"""How many events start in each pixel column, as bar heights: the strip under the axis and the overview band.

Qt-free: one vectorised binary search over the store's start column per picture, whatever the store's size.
The timeline and the overview band draw the same counts with different curves (see `Curve`).
"""

from __future__ import annotations

import enum
import math

import numpy as np

from viewer.render.scale import TimeScale


class Curve(enum.Enum):
    """How a count becomes a height. Square root lets bursts stand out while a single event still shows
    (the timeline's strip); logarithm keeps decades of quiet visible beside a burst of thousands (the overview)."""

    SQRT = "sqrt"
    LOG = "log"


def density_bars(starts: np.ndarray, scale: TimeScale, height: int, curve: Curve, minimum: int = 1) -> np.ndarray:
    """Bar height in pixels (0..height) per pixel column of `scale`, for the events starting in that column.

    `starts` is a sorted array of start times; a column with any event gets at least `minimum` pixels.
    Returns an empty array when there is nothing to draw.
    """
    width = max(1, math.ceil(scale.width))
    if height <= 0 or not len(starts):
        return np.empty(0, dtype=np.int32)
    edges = scale.t_of(np.arange(width + 1, dtype=np.float64))
    counts = np.diff(np.searchsorted(starts, edges, side="left")).astype(np.float64)
    if not counts.any():
        return np.empty(0, dtype=np.int32)
    peak = max(float(counts.max()), 1.0)
    shaped = np.sqrt(counts / peak) if curve is Curve.SQRT else np.log1p(counts) / math.log1p(peak)
    bars = np.ceil(shaped * height)
    bars = np.where(counts > 0, np.maximum(bars, minimum), 0)
    return np.minimum(bars, height).astype(np.int32)


def bar_mask(bars: np.ndarray, height: int) -> np.ndarray:
    """A height × width boolean mask, true where a bar (drawn from the bottom up) covers the pixel."""
    rows = np.arange(height, dtype=np.int32)[:, None]
    return rows >= (height - bars)[None, :]
