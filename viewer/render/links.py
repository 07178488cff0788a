"""The geometry of a link's arrow, without Qt: a cubic curve from one event to another, and its head.

An arrow between events of one row arches over the row (a straight line would run through the labels between
them); between rows it leaves and enters level, like a connector in a diagram, so that an arrow to an earlier
event or to another lane reads as clearly as one forward in the same row.
"""

from __future__ import annotations

import math

Point = tuple[float, float]


def arrow_between(start: Point, end: Point, row_height: float) -> tuple[Point, Point, Point, Point]:
    """Start, two control points and end of the curve from `start` to `end` (picture pixels)."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    reach = max(abs(dx) * 0.45, 18.0)
    direction = 1.0 if dx >= 0 else -1.0
    if abs(dy) < row_height / 2:
        # The same row: arch above it, higher for a longer arrow (but within a row and a half).
        lift = min(row_height * 1.4, 10.0 + abs(dx) * 0.12)
        return start, (x0 + direction * reach * 0.5, y0 - lift), (x1 - direction * reach * 0.5, y1 - lift), end
    return start, (x0 + direction * reach, y0), (x1 - direction * reach, y1), end


def arrow_head(control: Point, tip: Point, size: float) -> tuple[Point, Point, Point]:
    """The head's triangle at `tip`, pointing along the curve's last tangent (from `control`): tip first."""
    (cx, cy), (x, y) = control, tip
    angle = math.atan2(y - cy, x - cx)
    spread = 0.45
    left = (x - size * math.cos(angle - spread), y - size * math.sin(angle - spread))
    right = (x - size * math.cos(angle + spread), y - size * math.sin(angle + spread))
    return tip, left, right
