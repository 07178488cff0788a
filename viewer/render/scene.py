"""The geometry of one picture, decided before anything is drawn: what is where, in picture pixels.

Qt-free, so that hit tests, "where is this event" and tests ask the scene, never a paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned box in picture pixels."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class Hit:
    """What is under a point: an event (store index) or a cluster's time range."""

    index: int | None = None
    cluster: tuple[float, float] | None = None


class Scene(Protocol):
    """One picture's geometry: `hit(x, y)` and `rect_of(index)` answer without painting."""

    def hit(self, x: float, y: float) -> Hit:
        """What the picture has at (x, y): an event, a cluster's time range, or nothing."""
        ...

    def rect_of(self, index: int) -> Rect | None:
        """The box of event `index` (its mark and label), or None when the picture does not show it."""
        ...
